"""文件 → 恢复备份: open a backup (its passphrase asked once when it is encrypted), show what it
holds beside the current database, and replace the database only after an explicit
confirmation. Reading and replacing run on the task runner, off the GUI thread."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import AppError
from desktop.services.maintenance import (
    FirstRestore,
    MaintenanceService,
    RestorePreview,
    RestoreResult,
    is_encrypted,
)
from desktop.views.form_widgets import PROBLEM_STYLE, WARNING_STYLE
from desktop.views.messages import describe, refusal_words
from desktop.views.screen_fit import grow_to_content
from desktop.views.tasks import TaskRunner

PROBLEM_COLOR = "#b00020"  # as PROBLEM_STYLE


def made_at(created_at: str) -> str:
    """A manifest's UTC time as the local time people read (2026-12-04 20:26)."""
    try:
        when = dt.datetime.fromisoformat(created_at)
    except ValueError:
        return created_at
    if when.tzinfo is not None:
        when = when.astimezone()
    return when.strftime("%Y-%m-%d %H:%M")


def choose_backup(parent: QWidget | None, title: str) -> Path | None:
    """The backup file to restore (the program's backups folder offered first)."""
    from desktop.paths import backups_dir

    path, _ = QFileDialog.getOpenFileName(
        parent, title, str(backups_dir()),
        QCoreApplication.translate("RestoreDialog",
                                   "劳模之家 backups (*.laomo-backup *.zip);;All files (*)"))
    return Path(path) if path else None


def restored_notice(result: RestoreResult) -> str:
    """What the log-in dialog says after a restore."""
    manifest = result.manifest
    persons = manifest.counts.get("person", 0)  # lupdate reads no expression in translate()
    return QCoreApplication.translate(
        "RestoreDialog",
        "The backup of %1 made %2 was restored (%n model worker(s)). The previous database is "
        "kept at %3. Log in again.", "", persons
    ).replace("%1", manifest.association or "—").replace(
        "%2", made_at(manifest.created_at)).replace("%3", str(result.previous_kept_at or "—"))


class RestoreDialog(QDialog):
    """Step 1 reads the backup (after its passphrase, when encrypted); step 2 shows backup
    against current database, asks a reason for another association's backup and the ticked
    confirmation; then 替换当前数据 restores. The dialog closes accepted only when the database
    was replaced (``result``); cancelled or refused, nothing was changed."""

    def __init__(self, maintenance: MaintenanceService | FirstRestore, tasks: TaskRunner,
                 source: Path, parent: QWidget | None = None, *,
                 preview: RestorePreview | None = None) -> None:
        """``preview``: the backup was read already (its passphrase, if any, is not needed
        again for the comparison; restoring an encrypted one still asks it). With a
        ``FirstRestore`` (the set-up wizard of a new computer: nobody logged in) the dialog
        also asks for an administrator account of the backup, and no confirmation: there is
        nothing here to replace."""
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle(self.tr("Restore a backup"))
        self._maintenance = maintenance
        self._tasks = tasks
        self._source = Path(source)
        self._encrypted = is_encrypted(self._source)
        self._first = isinstance(maintenance, FirstRestore)
        self._working = False
        self.preview: RestorePreview | None = None
        self.result_: RestoreResult | None = None

        file_label = QLabel(self.tr("Backup file: %1").replace("%1", str(self._source)), self)
        file_label.setObjectName("restoreFile")
        file_label.setWordWrap(True)
        self.passphrase = QLineEdit(self)
        self.passphrase.setObjectName("restorePassphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.open_button = QPushButton(self.tr("&Open the backup"), self)
        self.open_button.setObjectName("restoreOpen")
        self.open_button.clicked.connect(self.read_backup)
        self.passphrase.returnPressed.connect(self.read_backup)
        self.passphrase.textChanged.connect(self._update)
        # only an encrypted backup asks its passphrase: hidden as a whole otherwise
        self.passphrase_box = QWidget(self)
        self.passphrase_box.setObjectName("restorePassphraseBox")
        box = QVBoxLayout(self.passphrase_box)
        box.setContentsMargins(0, 0, 0, 0)
        self.passphrase_hint = QLabel(self.tr(
            "This backup is encrypted: type the passphrase it was made with."),
            self.passphrase_box)
        self.passphrase_hint.setObjectName("restorePassphraseHint")
        self.passphrase_hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Backup passphrase:"), self.passphrase)
        form.addRow("", self.open_button)
        box.addWidget(self.passphrase_hint)
        box.addLayout(form)

        self.problem = QLabel(self)
        self.problem.setObjectName("restoreProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(PROBLEM_STYLE)
        self.problem.setVisible(False)

        self.comparison = QTableWidget(5, 2, self)
        self.comparison.setObjectName("restoreComparison")
        self.comparison.setHorizontalHeaderLabels(
            [self.tr("In the backup"), self.tr("Now in the database")])
        self.comparison.setVerticalHeaderLabels([
            self.tr("Association"), self.tr("Made"), self.tr("Model workers"),
            self.tr("Honors"), self.tr("Users")])
        self.comparison.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.comparison.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.comparison.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.comparison.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Stretch)
        self.comparison.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.comparison.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.warning = QLabel(self)
        self.warning.setObjectName("restoreWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(WARNING_STYLE)
        self.reason_label = QLabel(self.tr(
            "This backup belongs to another association. Why must it replace this "
            "association's data? (recorded in the audit log)"), self)
        self.reason_label.setObjectName("restoreReasonLabel")
        self.reason_label.setWordWrap(True)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("restoreReason")
        self.reason.textChanged.connect(self._update)
        # a new computer: the backup's own administrator restores it
        self.account_box = QWidget(self)
        self.account_box.setObjectName("restoreAccountBox")
        account_hint = QLabel(self.tr(
            "Nobody can log in on this computer yet: restore as an administrator of the backup, "
            "with that account's user name and password."), self.account_box)
        account_hint.setObjectName("restoreAccountHint")
        account_hint.setWordWrap(True)
        self.user = QLineEdit(self.account_box)
        self.user.setObjectName("restoreUser")
        self.password = QLineEdit(self.account_box)
        self.password.setObjectName("restorePassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        for field in (self.user, self.password):
            field.textChanged.connect(self._update)
        account = QFormLayout()
        account.addRow(self.tr("Administrator (user name):"), self.user)
        account.addRow(self.tr("Password:"), self.password)
        box_layout = QVBoxLayout(self.account_box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        box_layout.addWidget(account_hint)
        box_layout.addLayout(account)
        self.confirm = QCheckBox(self.tr(
            "I understand: the current data will be replaced by this backup"), self)
        self.confirm.setObjectName("restoreConfirm")
        self.confirm.toggled.connect(self._update)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.replace_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.replace_button.setObjectName("restoreReplace")
        self.replace_button.setText(self.tr("&Restore") if self._first
                                    else self.tr("&Replace the current data"))
        self.replace_button.setAutoDefault(False)
        self.buttons.accepted.connect(self.replace)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(file_label)
        layout.addWidget(self.passphrase_box)
        layout.addWidget(self.problem)
        layout.addWidget(self.comparison)
        layout.addWidget(self.warning)
        layout.addWidget(self.reason_label)
        layout.addWidget(self.reason)
        layout.addWidget(self.account_box)
        layout.addWidget(self.confirm)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.passphrase_box.setVisible(self._encrypted)
        self._show_preview(None)
        self.setMinimumWidth(560)
        if preview is not None:
            self._read(preview)
        elif not self._encrypted:
            self.read_backup()

    # -- step 1: read the backup ------------------------------------------------------------

    def read_backup(self) -> None:
        if self._working or self.preview is not None:
            return
        if self._encrypted and not self.passphrase.text():
            self._say(self.tr("Type the backup's passphrase first."))
            return
        phrase = self.passphrase.text() if self._encrypted else None
        source, maintenance = self._source, self._maintenance
        self._busy(True)
        self._say("")
        self._tasks.run(lambda _ctx: maintenance.preview_restore(source, passphrase=phrase),
                        on_success=self._read, on_error=self._refused,
                        label=self.tr("Reading the backup…"), parent=self,
                        cancellable=False)

    def _read(self, preview: RestorePreview) -> None:
        self._busy(False)
        self.preview = preview
        self.passphrase.setReadOnly(True)  # asked once: the same passphrase restores
        self.open_button.setEnabled(False)
        self._show_preview(preview)

    def _refused(self, exc: BaseException) -> None:
        self._busy(False)
        if isinstance(exc, AppError):
            self._say(refusal_words(exc))
        else:  # a bug: the presenter logs it with its details
            from desktop.views.messages import present_error

            self._say(describe(exc))
            present_error(self, exc)
        if self._encrypted and self.preview is None:
            self.passphrase.selectAll()
            self.passphrase.setFocus()
        elif self._first and self.preview is not None:  # the account was refused
            self.password.clear()
            self.password.setFocus()
        grow_to_content(self.problem)

    # -- step 2: compare and confirm ----------------------------------------------------------

    def _show_preview(self, preview: RestorePreview | None) -> None:
        shown = preview is not None
        for widget in (self.comparison, self.warning):
            widget.setVisible(shown)
        self.confirm.setVisible(shown and not self._first)
        self.account_box.setVisible(shown and self._first)
        other = preview is not None and preview.other_association
        self.reason_label.setVisible(other)
        self.reason.setVisible(other)
        if preview is not None:
            m, now = preview.manifest, preview.current_counts
            rows = [
                (m.association or "—", preview.current_association or "—"),
                (made_at(m.created_at), "—"),
                *((str(m.counts.get(t, 0)), str(now[t]) if t in now else "—")
                  for t in ("person", "honor", "user")),
            ]
            for row, (backup, current) in enumerate(rows):
                for column, text in enumerate((backup, current)):
                    cell = QTableWidgetItem(text)
                    if row == 0 and preview.other_association:  # the difference stands out
                        cell.setForeground(QColor(PROBLEM_COLOR))
                        font = cell.font()
                        font.setBold(True)
                        cell.setFont(font)
                    self.comparison.setItem(row, column, cell)
            self.comparison.resizeRowsToContents()
            height = (self.comparison.horizontalHeader().height()
                      + self.comparison.verticalHeader().length()
                      + 2 * self.comparison.frameWidth())
            self.comparison.setFixedHeight(height)
            if self._first:
                self.warning.setText(self.tr(
                    "The backup made %1 becomes this computer's database. Afterwards log in "
                    "with the backup's user names and passwords.").replace(
                        "%1", made_at(m.created_at)))
                self.user.setFocus()
            else:
                self.warning.setText(self.tr(
                    "Restoring replaces ALL the current data with the backup's: whatever was "
                    "entered or changed after %1 is lost. A safety copy of the current "
                    "database is kept first in %2. Afterwards you are logged out and log in "
                    "again with the backup's user names and passwords.")
                    .replace("%1", made_at(m.created_at))
                    .replace("%2", str(preview.safety_copy_dir)))
            grow_to_content(self.warning)
        self._update()

    def _update(self) -> None:
        self.open_button.setEnabled(not self._working and self.preview is None
                                    and bool(self.passphrase.text()))
        self.replace_button.setEnabled(self._can_replace())

    def _can_replace(self) -> bool:
        preview = self.preview
        if preview is None or self._working:
            return False
        if self._first:
            return bool(self.user.text().strip() and self.password.text())
        if not self.confirm.isChecked():
            return False
        return not preview.other_association or bool(self.reason.text().strip())

    # -- step 3: replace ----------------------------------------------------------------------

    def replace(self) -> None:
        if not self._can_replace():  # Enter in a field while the button is disabled
            return
        phrase = self.passphrase.text() if self._encrypted else None
        reason = self.reason.text().strip() or None
        source, maintenance = self._source, self._maintenance
        self._busy(True)
        self._say("")
        # background refreshes of the window hold connections to the file about to go
        self._tasks.cancel_all()
        self._tasks.wait(30000)
        if isinstance(maintenance, FirstRestore):
            name, password = self.user.text().strip(), self.password.text()

            def work(_ctx: object) -> RestoreResult:
                assert isinstance(maintenance, FirstRestore)
                return maintenance.restore(source, passphrase=phrase, name=name,
                                           password=password)
        else:
            def work(_ctx: object) -> RestoreResult:
                assert isinstance(maintenance, MaintenanceService)
                return maintenance.restore(source, passphrase=phrase,
                                           other_association_reason=reason)
        self._tasks.run(work,
                        on_success=self._restored, on_error=self._refused,
                        label=self.tr("Restoring the backup…"), parent=self,
                        cancellable=False)

    def _restored(self, result: RestoreResult) -> None:
        self._busy(False)
        self.result_ = result
        self.passphrase.clear()
        self.password.clear()
        super().accept()

    def _say(self, words: str) -> None:
        """The problem under the passphrase (or the comparison); no empty gap without one."""
        self.problem.setText(words)
        self.problem.setVisible(bool(words))

    def _busy(self, working: bool) -> None:
        self._working = working
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setEnabled(not working)
        self._update()

    def accept(self) -> None:
        self.replace()

    def reject(self) -> None:
        if self._working:  # the work cannot be stopped half-way: the dialog waits for it
            return
        self.passphrase.clear()
        self.password.clear()
        super().reject()

    @classmethod
    def run(cls, maintenance: MaintenanceService | FirstRestore, tasks: TaskRunner,
            source: Path, parent: QWidget | None) -> RestoreResult | None:
        """The result when the database was replaced; None when nothing was changed."""
        dialog = cls(maintenance, tasks, source, parent)
        dialog.exec()
        result = dialog.result_
        dialog.passphrase.clear()
        dialog.password.clear()
        dialog.deleteLater()
        return result
