"""Before a backup is written: its passphrase, typed twice, or an unencrypted backup chosen on
purpose. The file holds every ID number, phone and bank account and the association's private
keys, and it travels on USB sticks."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.services.maintenance import MIN_PASSPHRASE
from desktop.views.form_widgets import PROBLEM_STYLE, WARNING_STYLE


@dataclass(frozen=True)
class BackupChoice:
    passphrase: str | None  # None: an unencrypted backup, chosen on purpose


class BackupDialog(QDialog):
    """Passphrase twice (at least ``MIN_PASSPHRASE`` characters) with the warning that nobody
    can recover a forgotten one; or the clearly-labelled plain zip. OK only when it can go."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupDialog")
        self.setWindowTitle(self.tr("Back up the database"))
        intro = QLabel(self.tr(
            "The backup holds every model worker's ID number, phones and bank accounts, and "
            "the association's private keys. It is encrypted with a passphrase: without it, "
            "a lost USB stick gives nothing away."), self)
        intro.setObjectName("backupIntro")
        intro.setWordWrap(True)
        self.passphrase = self._edit("backupPassphrase")
        self.repeat = self._edit("backupPassphraseRepeat")
        self.passphrase.setPlaceholderText(
            self.tr("at least %1 characters").replace("%1", str(MIN_PASSPHRASE)))
        self.keep = QLabel(self.tr(
            "A forgotten passphrase cannot be recovered, by anyone: the backup could never be "
            "restored. Write it down and keep it with the backup register, not with the USB "
            "stick."), self)
        self.keep.setObjectName("backupPassphraseWarning")
        self.keep.setWordWrap(True)
        self.keep.setStyleSheet(WARNING_STYLE)
        self.plain = QCheckBox(self.tr("Write an unencrypted backup instead"), self)
        self.plain.setObjectName("backupUnencrypted")
        self.plain_warning = QLabel(self.tr(
            "Anyone who finds or copies an unencrypted backup can read every record in it. "
            "Use it only where the file never leaves the office."), self)
        self.plain_warning.setObjectName("backupUnencryptedWarning")
        self.plain_warning.setWordWrap(True)
        self.plain_warning.setStyleSheet(PROBLEM_STYLE)
        self.problem = QLabel(self)
        self.problem.setObjectName("backupProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(PROBLEM_STYLE)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Passphrase:"), self.passphrase)
        form.addRow(self.tr("Passphrase again:"), self.repeat)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.keep)
        layout.addSpacing(8)
        layout.addWidget(self.plain)
        layout.addWidget(self.plain_warning)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        for edit in (self.passphrase, self.repeat):
            edit.textChanged.connect(self._update)
        self.plain.toggled.connect(self._update)
        self.setMinimumWidth(480)
        self._update()

    def _edit(self, name: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        return edit

    def _problem(self) -> tuple[bool, str]:
        """(whether OK must wait, the words to show): only a started entry is reproached."""
        if self.plain.isChecked():
            return False, ""
        first, again = self.passphrase.text(), self.repeat.text()
        if len(first) < MIN_PASSPHRASE or not first.strip():
            return True, self.tr("The passphrase needs at least %1 characters.").replace(
                "%1", str(MIN_PASSPHRASE)) if first else ""
        if first != again:
            return True, self.tr("The two passphrases differ.") if again else ""
        return False, ""

    def _update(self) -> None:
        plain = self.plain.isChecked()
        for widget in (self.passphrase, self.repeat, self.keep):
            widget.setEnabled(not plain)
        self.plain_warning.setVisible(plain)
        blocked, words = self._problem()
        self.problem.setText(words)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not blocked)
        ok.setText(self.tr("Save the unencrypted backup…") if plain
                   else self.tr("Save the encrypted backup…"))

    def accept(self) -> None:
        if self._problem()[0]:  # Enter in a field while OK is disabled
            return
        super().accept()

    def choice(self) -> BackupChoice:
        return BackupChoice(None if self.plain.isChecked() else self.passphrase.text())

    @classmethod
    def ask(cls, parent: QWidget | None) -> BackupChoice | None:
        dialog = cls(parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        choice = dialog.choice() if accepted else None
        dialog.passphrase.clear()
        dialog.repeat.clear()
        dialog.deleteLater()
        return choice
