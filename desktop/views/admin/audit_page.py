"""审计日志 (administrators): the newest entries and the chain check."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services.audit import AuditEntry, ChainReport
from desktop.services.permissions import Perm
from desktop.services.workspace import Workspace
from desktop.views.admin.audit_words import action_words, local_time, raw, sentence
from desktop.views.i18n import current_language
from desktop.views.messages import present_error
from desktop.views.tasks import TaskRunner


class AuditPage(QWidget):
    def __init__(self, workspace: Workspace, tasks: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auditPage")
        self._workspace = workspace
        self._tasks = tasks
        self.search = QLineEdit(self)
        self.search.setObjectName("auditSearch")
        self.search.setPlaceholderText(self.tr("Search user, action or details"))
        self.search.returnPressed.connect(self.refresh)
        verify = QPushButton(self.tr("Verify chain"), self)
        verify.setObjectName("verifyChain")
        verify.clicked.connect(self._verify)
        self.status = QLabel(self)
        self.status.setObjectName("chainStatus")
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("auditTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("No."), self.tr("Time"), self.tr("User"), self.tr("Action"),
            self.tr("What happened")])
        self.table.setToolTip(self.tr("Double-click an entry to see it exactly as stored."))
        self.table.cellDoubleClicked.connect(lambda row, _col: self.show_raw(row))
        self.entries: list[AuditEntry] = []
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column in range(4):  # short columns as wide as their text; the sentence stretches
            self.table.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.ResizeToContents)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(verify)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.table)

    def refresh(self) -> None:
        text = self.search.text().strip()
        self._tasks.run(lambda _ctx: (self._workspace.audit().recent(500, search=text),
                                      self._people()),
                        on_success=lambda found: self._show(*found),
                        on_error=lambda e: present_error(self, e))

    def _people(self) -> dict[str, str]:
        """Log-in name -> "王丽华（wanglh）" for the 用户 column, when this user may list the
        accounts (else the log-in names as stored)."""
        actor = self._workspace.actor
        if not actor.can(Perm.MANAGE_USERS):
            return {}
        return {u.name: f"{u.display_name}（{u.name}）" if current_language().startswith("zh")
                else f"{u.display_name} ({u.name})"
                for u in self._workspace.accounts().list_users(actor) if u.display_name}

    def _show(self, entries: list[AuditEntry], people: dict[str, str] | None = None) -> None:
        """Local time and sentences; the raw entry as tooltip and on double-click."""
        self.entries = entries
        people = people or {}
        self.table.setRowCount(len(entries))
        lang = current_language()
        for r, e in enumerate(entries):
            said = sentence(e, lang)
            # the action alone (splitting the sentence cut "生成演示数据（动态：…" mid-word)
            values = [str(e.seq), local_time(e.at), people.get(e.actor, e.actor),
                      action_words(e.action, lang, e.detail), said]
            stored = raw(e)
            for c, v in enumerate(values):
                item = QTableWidgetItem(v)
                item.setToolTip(stored)
                if c == 3:
                    item.setData(Qt.ItemDataRole.UserRole, e.action)
                self.table.setItem(r, c, item)

    def show_raw(self, row: int) -> None:
        if 0 <= row < len(self.entries):
            box = QMessageBox(QMessageBox.Icon.NoIcon, self.tr("Audit entry as stored"),
                              raw(self.entries[row]), QMessageBox.StandardButton.Close, self)
            box.setObjectName("rawAuditEntry")
            box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            box.exec()

    def _verify(self) -> None:
        self.status.setText(self.tr("Checking…"))
        self._tasks.run(lambda _ctx: self._workspace.audit().verify(), on_success=self._verified,
                        on_error=lambda e: present_error(self, e), label=self.tr("Checking…"),
                        parent=self)

    def _verified(self, report: ChainReport) -> None:
        if report.ok:
            self.status.setText(self.tr("The audit chain is intact: %1 entries.")
                                .replace("%1", str(report.entries)))
            self.status.setStyleSheet("color: #1b5e20")
        else:
            self.status.setText(self.tr("The audit chain is broken: %1")
                                .replace("%1", ", ".join(report.problems[:10])))
            self.status.setStyleSheet("color: #b00020")
