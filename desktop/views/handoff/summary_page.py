"""汇总 (the city): the inbox of district packages, the dry-run report, merge, undo, receipts,
reference data.

Above the ledger, one line per registered district says where its latest package is on the
way received → verified → staged → merged → receipt sent (or that none came yet). The merge
button says why it is disabled: a package is merged by a reviewer or administrator other than
the person who imported it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import AppError
from desktop.files import write_atomically
from desktop.services.handoff.service import ImportResult, LedgerRow
from desktop.services.permissions import Perm
from desktop.services.register.types import RegisterFilter
from desktop.services.workspace import Workspace
from desktop.views.file_dialogs import EXPORTS, HANDOFF, open_file, save_file
from desktop.views.handoff.base import (
    ANY_FILTER,
    ERROR_STYLE,
    HandoffPageBase,
    file_error_words,
    package_filter,
    report_text,
)
from desktop.views.handoff.items_dialog import OpenItemsDialog
from desktop.views.handoff.proposals import ProposeHonorDialog
from desktop.views.i18n import current_language
from desktop.views.messages import present_error
from desktop.views.reason_dialog import ReasonDialog
from desktop.views.tasks import TaskRunner

STAGES = ("received", "verified", "staged", "merged", "receipted")
REACHED = {"staged": 3, "merged": 4, "receipted": 5, "undone": 3, "superseded": 3}
"""How far along STAGES a package got, by its ledger state (a package in the ledger was
received and verified: a refused one is never recorded)."""


class SummaryPage(HandoffPageBase):
    """汇总: the inbox per district and the ledger of received packages."""

    direction = "received"

    def __init__(self, workspace: Workspace, tasks: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(workspace, tasks, parent)
        self.setObjectName("handoffSummaryPage")
        self.stage_words = {"received": self.tr("received"), "verified": self.tr("verified"),
                            "staged": self.tr("staged"), "merged": self.tr("merged"),
                            "receipted": self.tr("receipt sent")}
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
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
            self.buttons[name] = b
            row.addWidget(b)
        row.addStretch(1)
        city_row = QHBoxLayout()
        self.items_button = QPushButton(self.tr("Open items…"), self)
        self.items_button.setObjectName("openItemsButton")
        self.items_button.clicked.connect(self.open_items)
        self.propose_button = QPushButton(self.tr("Propose a city honor…"), self)
        self.propose_button.setObjectName("proposeHonor")
        self.propose_button.clicked.connect(self.propose_honor)
        self.propose_button.setVisible(workspace.actor.can(Perm.EDIT_PERSONS))
        city_row.addWidget(self.items_button)
        city_row.addWidget(self.propose_button)
        city_row.addStretch(1)
        self.merge_reason = QLabel(self)
        self.merge_reason.setObjectName("mergeReason")
        self.merge_reason.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setObjectName("summaryMessage")
        self.message.setWordWrap(True)
        self.inbox = QTableWidget(0, 3, self)
        self.inbox.setObjectName("districtInbox")
        self.inbox.setHorizontalHeaderLabels(
            [self.tr("District"), self.tr("Latest package"), self.tr("Progress")])
        self.inbox.verticalHeader().setVisible(False)
        self.inbox.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.inbox.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.inbox.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.inbox.horizontalHeader().setStretchLastSection(True)
        self.report = QPlainTextEdit(self)
        self.report.setObjectName("handoffReport")
        self.report.setReadOnly(True)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        intro = QLabel(self.tr(
            "Packages from the districts: each is checked (signature, sequence, contents) and "
            "staged with a report of what merging it would do. A reviewer other than the "
            "person who imported it merges it."), self)
        intro.setWordWrap(True)
        lower = QSplitter(Qt.Orientation.Vertical, self)
        lower.addWidget(self.table)
        lower.addWidget(self.report)
        lower.setStretchFactor(0, 2)
        lower.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(self.cards)
        layout.addWidget(QLabel(self.tr("Inbox by district:"), self))
        layout.addWidget(self.inbox)
        layout.addLayout(row)
        layout.addLayout(city_row)
        layout.addWidget(self.merge_reason)
        layout.addWidget(self.message)
        layout.addWidget(lower, 1)
        self._update_buttons()

    # -- the inbox ----------------------------------------------------------------------------

    def _show(self, result: tuple[list[LedgerRow], list[Any]]) -> None:
        super()._show(result)
        ledger, peers = result
        received = [r for r in ledger if r.direction == "received" and r.kind == "district"]
        districts = [p.name for p in peers if p.kind != "city"]
        districts += sorted({r.district for r in received} - set(districts))
        self.inbox.setRowCount(len(districts))
        for i, name in enumerate(districts):
            mine = [r for r in received if r.district == name and r.state != "superseded"]
            latest = max(mine, key=lambda r: r.sequence) if mine else None
            if latest is None:
                values = [name, self.tr("none yet"), ""]
            else:
                reached = REACHED.get(latest.state, 3)
                steps = [("✓ " if k < reached else "… ") + self.stage_words[s]
                         for k, s in enumerate(STAGES)]
                if latest.state == "undone":
                    steps.append(self.tr("(merge undone)"))
                values = [name, self.tr("No. %1 (%2)").replace("%1", str(latest.sequence))
                          .replace("%2", latest.quarter or ""), "  ".join(steps)]
            for c, v in enumerate(values):
                self.inbox.setItem(i, c, QTableWidgetItem(v))
        self.inbox.resizeRowsToContents()
        shown = sum(self.inbox.rowHeight(i) for i in range(min(8, len(districts))))
        self.inbox.setFixedHeight(max(shown, 24) + self.inbox.horizontalHeader().height()
                                  + 2 * self.inbox.frameWidth())
        self._update_buttons()

    def refresh(self) -> None:
        super().refresh()
        self._tasks.run(lambda _ctx: len(self._workspace.handoff_items().items()),
                        on_success=self._show_open_items,
                        on_error=lambda e: present_error(self, e))

    def _show_open_items(self, count: int) -> None:
        self.items_button.setText(self.tr("Open items (%1)…").replace("%1", str(count))
                                  if count else self.tr("Open items…"))

    def inbox_cell(self, district: str, column: int) -> str:
        """What the inbox says for ``district`` (1: latest package, 2: progress)."""
        for i in range(self.inbox.rowCount()):
            item = self.inbox.item(i, 0)
            if item is not None and item.text() == district:
                cell = self.inbox.item(i, column)
                return cell.text() if cell is not None else ""
        return ""

    def _selection_changed(self) -> None:
        self._update_buttons()
        self._show_report()

    def _update_buttons(self) -> None:
        row = self.table.selected()
        actor = self._workspace.actor
        reason = ""
        if row is None or row.kind != "district":
            reason = self.tr("Select a package in the list.")
        elif row.state != "staged":
            reason = self.tr("Only a staged package can be merged.")
        elif not actor.can(Perm.APPROVE):
            reason = self.tr("Merging needs a reviewer or an administrator.")
        elif row.created_by == actor.name:
            reason = self.tr("You imported this package: another reviewer or administrator "
                             "merges it (maker ≠ checker).")
        merge = self.buttons["mergePackage"]
        merge.setEnabled(not reason)
        merge.setToolTip(reason)
        self.merge_reason.setText(
            "" if not reason or row is None else self.tr("Merge: %1").replace("%1", reason))
        merged = row is not None and row.state in ("merged", "receipted")
        self.buttons["undoPackage"].setEnabled(merged and actor.can(Perm.APPROVE)
                                               and row is not None
                                               and row.created_by != actor.name)
        self.buttons["writeReceipt"].setEnabled(merged and actor.can(Perm.IMPORT_EXPORT))
        self.buttons["saveReport"].setEnabled(row is not None and row.kind == "district")
        self.buttons["importPackage"].setEnabled(actor.can(Perm.IMPORT_EXPORT))
        self.buttons["writeReference"].setEnabled(actor.can(Perm.MANAGE_SETTINGS))

    # -- open items, city honors --------------------------------------------------------------

    def items_dialog(self) -> OpenItemsDialog:
        """The open items of the merges (待处理事项), decided with this page's service."""
        return OpenItemsDialog(self._workspace, self.service().resolve, self)

    def open_items(self) -> None:
        self.items_dialog().exec()
        self.refresh()

    def propose_dialog(self) -> ProposeHonorDialog:
        def lookup(number: str) -> list[Any]:
            return list(self._workspace.register().rows(RegisterFilter(text=number), limit=2))

        return ProposeHonorDialog(self.service().propose_honor, self, lookup=lookup)

    def propose_honor(self) -> None:
        self.propose_dialog().exec()

    # -- actions ------------------------------------------------------------------------------

    def _import(self) -> None:
        path = open_file(self, self.tr("Import package"), package_filter(), HANDOFF)
        if path:
            self.import_file(Path(path))

    def _checking_label(self) -> str:
        return self.tr("Checking the package…")

    def _import_failed(self, exc: BaseException, file_name: str = "") -> None:
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(file_error_words(exc, file_name))
        if file_name and isinstance(exc, AppError) and exc.code == "package_gap" \
                and self._workspace.actor.can(Perm.MANAGE_SETTINGS):
            self._accept_gap(exc)

    def _accept_gap(self, exc: AppError) -> None:
        """An administrator may take a package with missing ones before it, with a reason
        (audited); the page offered no way, only the command's --accept-gap."""
        path = getattr(self, "last_import", None)
        if path is None:
            return
        reason = ReasonDialog.ask(self, self.tr("Accept a gap"), self.tr(
            "Package No. %1 of %2 builds on package No. %3, but only No. %4 was merged here. "
            "If the missing packages cannot come (ask %2 first), you may accept this one; "
            "the reason is kept in the audit log:").replace(
            "%1", str(exc.params.get("sequence"))).replace(
            "%2", str(exc.params.get("district"))).replace(
            "%3", str(exc.params.get("base"))).replace("%4", str(exc.params.get("merged"))))
        if reason:
            self.import_file(path, gap_reason=reason)

    def _imported(self, result: ImportResult) -> None:
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Package No. %1 of %2 checked and staged.")
                             .replace("%1", str(result.sequence)).replace("%2", result.district))
        self.report.setPlainText(report_text(result.report, current_language()))
        self.refresh()

    def _show_report(self) -> None:
        row = self.table.selected()
        if row is not None and row.kind == "district":
            try:
                self.report.setPlainText(report_text(self.service().report(row.id),
                                                     current_language()))
            except Exception as exc:
                present_error(self, exc)

    def merge_selected(self) -> None:
        row = self.table.selected()
        if row is None or not self.buttons["mergePackage"].isEnabled():
            return
        self._tasks.run(lambda _ctx: self.service().merge(row.id),
                        on_success=self._merged, on_error=self._import_failed,
                        label=self.tr("Merging…"), parent=self, cancellable=False)

    def _merged(self, report: dict[str, Any]) -> None:
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Merged."))
        self.report.setPlainText(report_text(report, current_language()))
        self.refresh()

    def _undo(self) -> None:
        row = self.table.selected()
        if row is None:
            return
        reason = ReasonDialog.ask(self, self.tr("Undo merge"), self.undo_prompt(row))
        if reason:
            self.undo_selected(reason)

    def undo_prompt(self, row: LedgerRow) -> str:
        """What the undo takes back, named (the dialog asked a bare 原因 of which package)."""
        return self.tr(
            "Undo the merge of package No. %1 of %2 (%3, %4 persons): the records it added are "
            "removed and the ones it changed are put back as they were. The reason is kept in "
            "the audit log:").replace("%1", str(row.sequence)).replace(
            "%2", row.district).replace("%3", row.quarter or "").replace(
            "%4", str(row.counts.get("person", 0)))

    def undo_selected(self, reason: str) -> None:
        row = self.table.selected()
        if row is None:
            return
        try:
            self.service().undo(row.id, reason)
        except Exception as exc:
            self._import_failed(exc)
        self.refresh()

    def _receipt(self) -> None:
        row = self.table.selected()
        if row is None:
            return
        path = save_file(self, self.tr("Write receipt"), f"{row.district}-{row.sequence}.lmrcpt",
                         ANY_FILTER, HANDOFF)
        if path:
            self.receipt_file(Path(path))

    def receipt_file(self, path: Path) -> None:
        row = self.table.selected()
        if row is None:
            return
        try:
            write_atomically(path, self.service().receipt(row.id))
        except Exception as exc:
            self._import_failed(exc)
        self.refresh()

    def _save_report(self) -> None:
        row = self.table.selected()
        if row is None:
            return
        path = save_file(self, self.tr("Save report"), f"{row.district}-{row.sequence}.xlsx",
                         "Excel (*.xlsx)", EXPORTS)
        if path:
            try:
                write_atomically(Path(path), self.service().report_workbook(row.id))
            except Exception as exc:
                self._import_failed(exc)

    def _reference(self) -> None:
        path = save_file(self, self.tr("Write reference data"), "参考数据.lmref", ANY_FILTER,
                         HANDOFF)
        if path:
            try:
                write_atomically(Path(path), self.service().reference())
            except Exception as exc:
                self._import_failed(exc)
