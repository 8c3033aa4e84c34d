"""审计日志 (administrators): the newest entries and the chain check."""

from __future__ import annotations

import json

from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services.audit import AuditEntry, ChainReport
from desktop.services.workspace import Workspace
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
            self.tr("No."), self.tr("Time (UTC)"), self.tr("User"), self.tr("Action"),
            self.tr("Details")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(verify)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.table)

    def refresh(self) -> None:
        text = self.search.text().strip()
        self._tasks.run(lambda _ctx: self._workspace.audit().recent(500, search=text),
                        on_success=self._show, on_error=lambda e: present_error(self, e))

    def _show(self, entries: list[AuditEntry]) -> None:
        self.table.setRowCount(len(entries))
        for r, e in enumerate(entries):
            detail = json.dumps(e.detail, ensure_ascii=False) if e.detail else ""
            values = [str(e.seq), e.at.replace("T", " ")[:19], e.actor, e.action,
                      f"{e.entity or ''} {e.entity_id or ''} {detail}".strip()]
            for c, v in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(v))

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
