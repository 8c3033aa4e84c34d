"""报送 (a district sends its quarterly package) and 汇总 (the city receives, checks and merges).

Both pages work through ``Workspace.handoff()``; long steps run on the task runner. Files are
chosen with dialogs; the ``*_file`` methods take a path so tests (and drag and drop later) need
no dialog.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.files import write_atomically
from desktop.services.handoff.service import ImportResult, LedgerRow
from desktop.services.workspace import Workspace
from desktop.views.messages import present_error
from desktop.views.tasks import TaskRunner

PACKAGE_FILTER = "数据包 (*.lmpkg)"
ANY_FILTER = "*"


def current_quarter(today: dt.date | None = None) -> str:
    today = today or dt.date.today()
    return f"{today.year}Q{(today.month - 1) // 3 + 1}"


def report_text(report: dict[str, Any]) -> str:
    """The dry-run / merge report as lines a clerk reads (Chinese, as the documents are)."""
    lines = [f"{report.get('district', '')} 第 {report.get('sequence', '')} 号数据包"
             f"（{report.get('quarter') or ''}）"]
    for name, c in sorted((report.get("counts") or {}).items()):
        lines.append(f"  {name}：新增 {c['new']}，修改 {c['changed']}，未变 {c['unchanged']}，"
                     f"跳过 {c['skipped']}，移除 {c['removed']}")
    kinds = {"move_pair": "迁出/迁入配对", "same_id": "同一身份证号在两个区县",
             "owner_conflict": "属于其他区县的记录"}
    for item in report.get("items") or []:
        name = (item.get("detail") or {}).get("name", "")
        lines.append(f"  待处理：{kinds.get(item['kind'], item['kind'])}（{item['status']}）"
                     f" {name} {item.get('district') or ''} {item.get('other_district') or ''}")
    for change in (report.get("changed_persons") or [])[:50]:
        fields = "；".join(f"{k}: {b} → {a}" for k, (b, a) in change["fields"].items())
        lines.append(f"  修改：{change.get('name')} {fields}")
    return "\n".join(lines)


class _LedgerTable(QTableWidget):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(0, 8, parent)
        self.setHorizontalHeaderLabels([
            self.tr("No."), self.tr("Kind"), self.tr("District"), self.tr("Quarter"),
            self.tr("Sequence"), self.tr("State"), self.tr("Persons"), self.tr("Open items")])
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.rows: list[LedgerRow] = []

    def show_rows(self, rows: list[LedgerRow]) -> None:
        self.rows = rows
        self.setRowCount(len(rows))
        states = {"sent": "已报送", "acknowledged": "已回执", "superseded": "已被替代",
                  "staged": "已暂存", "merged": "已合并", "receipted": "已发回执",
                  "undone": "已撤销", "applied": "已应用"}
        kinds = {"district": "数据包", "receipt": "回执", "reference": "参考数据"}
        for r, row in enumerate(rows):
            persons = row.counts.get("person")
            values = [str(row.id), kinds.get(row.kind, row.kind), row.district,
                      row.quarter or "", str(row.sequence), states.get(row.state, row.state),
                      str(persons) if isinstance(persons, int) else "", str(row.open_items)]
            for c, v in enumerate(values):
                self.setItem(r, c, QTableWidgetItem(v))

    def selected(self) -> LedgerRow | None:
        index = self.currentRow()
        return self.rows[index] if 0 <= index < len(self.rows) else None


class _HandoffPageBase(QWidget):
    direction = "sent"

    def __init__(self, workspace: Workspace, tasks: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._tasks = tasks
        self.keys_dir: Path | None = None  # the data folder's keys/ unless set (tests)
        self.status = QLabel(self)
        self.status.setObjectName("handoffStatus")
        self.status.setWordWrap(True)
        self.table = _LedgerTable(self)
        self.table.setObjectName("handoffLedger")
        self.card_button = QPushButton(self.tr("Save our card…"), self)
        self.card_button.setObjectName("saveCard")
        self.card_button.clicked.connect(self._save_card)
        self.trust_button = QPushButton(self.tr("Trust a card…"), self)
        self.trust_button.setObjectName("trustCard")
        self.trust_button.clicked.connect(self._trust_card)
        self.cards = QHBoxLayout()
        self.cards.addWidget(self.card_button)
        self.cards.addWidget(self.trust_button)
        self.cards.addStretch(1)

    def service(self) -> Any:
        return self._workspace.handoff(self.keys_dir)

    def refresh(self) -> None:
        self._tasks.run(lambda _ctx: (self.service().ledger(), self.service().peers()),
                        on_success=self._show, on_error=lambda e: present_error(self, e))

    def _show(self, result: tuple[list[LedgerRow], list[Any]]) -> None:
        ledger, peers = result
        self.table.show_rows([r for r in ledger if r.direction == self.direction])
        self.show_peers(peers)

    def show_peers(self, peers: list[Any]) -> None:
        if not peers:
            self.status.setText(self.tr("No card trusted yet."))
            return
        self.status.setText("\n".join(f"{p.name}：{p.grouped}" for p in peers))

    def _save_card(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save our card"),
            f"{self._workspace.association.name}.lmcard", ANY_FILTER)
        if path:
            self.save_card_file(Path(path))

    def save_card_file(self, path: Path) -> None:
        try:
            write_atomically(path, self.service().card())
        except Exception as exc:
            present_error(self, exc)

    def _trust_card(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Trust a card"), "", ANY_FILTER)
        if path:
            self.trust_file(Path(path), confirm=True)

    def trust_file(self, path: Path, *, confirm: bool = False) -> None:
        try:
            data = path.read_bytes()
            card = self.service().inspect_card(data)
            if confirm and QMessageBox.question(
                    self, self.tr("Trust a card"),
                    self.tr("Trust %1? Read this fingerprint over the phone with them:\n%2")
                    .replace("%1", card.name).replace("%2", card.grouped)
                    ) != QMessageBox.StandardButton.Yes:
                return
            self.service().trust(data)
        except Exception as exc:
            present_error(self, exc)
            return
        self.refresh()

    def import_file(self, path: Path) -> None:
        """Check and take in a file on the worker (a package at the city; a receipt or
        reference data at a district); ``_imported`` shows the outcome."""
        def job(_ctx: Any) -> ImportResult:
            result: ImportResult = self.service().import_file(path.read_bytes())
            return result

        self._tasks.run(job, on_success=self._imported,
                        on_error=lambda e: present_error(self, e),
                        label=self._checking_label(), parent=self, cancellable=False)

    def _checking_label(self) -> str:
        raise NotImplementedError

    def _imported(self, result: ImportResult) -> None:
        raise NotImplementedError


class ReportPage(_HandoffPageBase):
    """报送 (districts): export the quarter's package, import receipts and reference data."""

    direction = "sent"

    def __init__(self, workspace: Workspace, tasks: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(workspace, tasks, parent)
        self.setObjectName("handoffReportPage")
        self.quarter = QLineEdit(current_quarter(), self)
        self.quarter.setObjectName("handoffQuarter")
        self.quarter.setMaximumWidth(90)
        self.export_button = QPushButton(self.tr("Export package…"), self)
        self.export_button.setObjectName("exportPackage")
        self.export_button.clicked.connect(self._export)
        self.import_button = QPushButton(self.tr("Import receipt or reference data…"), self)
        self.import_button.setObjectName("importReceipt")
        self.import_button.clicked.connect(self._import)
        self.result = QLabel(self)
        self.result.setObjectName("handoffResult")
        self.result.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Quarter"), self))
        row.addWidget(self.quarter)
        row.addWidget(self.export_button)
        row.addWidget(self.import_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr(
            "Each quarter the package goes to the city: the first one holds the whole "
            "register, later ones the changes since the last receipt. It is signed and "
            "encrypted for the city."), self))
        layout.addLayout(self.cards)
        layout.addWidget(self.status)
        layout.addLayout(row)
        layout.addWidget(self.result)
        layout.addWidget(self.table, 1)

    def _export(self) -> None:
        name = f"{self._workspace.association.name}-{self.quarter.text().strip()}.lmpkg"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export package"), name,
                                              PACKAGE_FILTER)
        if path:
            self.export_file(Path(path))

    def export_file(self, path: Path) -> None:
        quarter = self.quarter.text().strip()
        self._tasks.run(lambda _ctx: self.service().export(quarter, path),
                        on_success=self._exported, on_error=lambda e: present_error(self, e),
                        label=self.tr("Writing the package…"), parent=self, cancellable=False)

    def _exported(self, result: Any) -> None:
        self.result.setText(self.tr("Package %1 written (%2 persons): %3")
                            .replace("%1", str(result.sequence))
                            .replace("%2", str(result.counts.get("person", 0)))
                            .replace("%3", str(result.path)))
        self.refresh()

    def _import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import receipt or reference data"),
                                              "", ANY_FILTER)
        if path:
            self.import_file(Path(path))

    def _checking_label(self) -> str:
        return self.tr("Checking the file…")

    def _imported(self, result: ImportResult) -> None:
        if result.kind == "receipt":
            self.result.setText(self.tr("Receipt imported: package %1 is acknowledged.")
                                .replace("%1", str(result.sequence)))
        else:
            self.result.setText(self.tr("Reference data %1 applied.")
                                .replace("%1", str(result.sequence)))
        self.refresh()


class SummaryPage(_HandoffPageBase):
    """汇总 (the city): the inbox of district packages, the dry-run report, merge, undo,
    receipts, reference data."""

    direction = "received"

    def __init__(self, workspace: Workspace, tasks: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(workspace, tasks, parent)
        self.setObjectName("handoffSummaryPage")
        buttons = []
        for name, text, slot in (
                ("importPackage", self.tr("Import package…"), self._import),
                ("mergePackage", self.tr("Merge"), self.merge_selected),
                ("undoPackage", self.tr("Undo merge"), self._undo),
                ("writeReceipt", self.tr("Write receipt…"), self._receipt),
                ("saveReport", self.tr("Save report (.xlsx)…"), self._save_report),
                ("writeReference", self.tr("Write reference data…"), self._reference)):
            b = QPushButton(text, self)
            b.setObjectName(name)
            b.clicked.connect(slot)
            buttons.append(b)
        self.report = QPlainTextEdit(self)
        self.report.setObjectName("handoffReport")
        self.report.setReadOnly(True)
        self.table.itemSelectionChanged.connect(self._show_report)
        row = QHBoxLayout()
        for b in buttons:
            row.addWidget(b)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr(
            "Packages from the districts: each is checked (signature, sequence, contents) and "
            "staged with a report of what merging it would do. A reviewer other than the "
            "person who imported it merges it."), self))
        layout.addLayout(self.cards)
        layout.addWidget(self.status)
        layout.addLayout(row)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.report, 1)

    def _import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import package"), "",
                                              PACKAGE_FILTER)
        if path:
            self.import_file(Path(path))

    def _checking_label(self) -> str:
        return self.tr("Checking the package…")

    def _imported(self, result: ImportResult) -> None:
        self.report.setPlainText(report_text(result.report))
        self.refresh()

    def _show_report(self) -> None:
        row = self.table.selected()
        if row is not None:
            try:
                self.report.setPlainText(report_text(self.service().report(row.id)))
            except Exception as exc:
                present_error(self, exc)

    def merge_selected(self) -> None:
        row = self.table.selected()
        if row is None:
            return
        self._tasks.run(lambda _ctx: self.service().merge(row.id),
                        on_success=self._merged,
                        on_error=lambda e: present_error(self, e),
                        label=self.tr("Merging…"), parent=self, cancellable=False)

    def _merged(self, report: dict[str, Any]) -> None:
        self.report.setPlainText(report_text(report))
        self.refresh()

    def _undo(self) -> None:
        row = self.table.selected()
        if row is None:
            return
        reason, ok = QInputDialog.getText(self, self.tr("Undo merge"), self.tr("Reason"))
        if ok:
            self.undo_selected(reason)

    def undo_selected(self, reason: str) -> None:
        row = self.table.selected()
        if row is None:
            return
        try:
            self.service().undo(row.id, reason)
        except Exception as exc:
            present_error(self, exc)
        self.refresh()

    def _receipt(self) -> None:
        row = self.table.selected()
        if row is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Write receipt"), f"{row.district}-{row.sequence}.lmrcpt", ANY_FILTER)
        if path:
            self.receipt_file(Path(path))

    def receipt_file(self, path: Path) -> None:
        row = self.table.selected()
        if row is None:
            return
        try:
            write_atomically(path, self.service().receipt(row.id))
        except Exception as exc:
            present_error(self, exc)
        self.refresh()

    def _save_report(self) -> None:
        row = self.table.selected()
        if row is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save report"), f"{row.district}-{row.sequence}.xlsx",
            "Excel (*.xlsx)")
        if path:
            try:
                write_atomically(Path(path), self.service().report_workbook(row.id))
            except Exception as exc:
                present_error(self, exc)

    def _reference(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Write reference data"),
                                              "参考数据.lmref", ANY_FILTER)
        if path:
            try:
                write_atomically(Path(path), self.service().reference())
            except Exception as exc:
                present_error(self, exc)
