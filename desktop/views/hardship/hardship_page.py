"""困难帮扶: the work lists (waiting for me, notices ending this week, reviews due, not updated
for a year, never assisted), every file, and the totals; open a file or start a new one;
administrators set the standards (标准设置)."""

from __future__ import annotations

import datetime as dt
import uuid

import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.money import yuan
from desktop.core.reference import LIFE_DECEASED
from desktop.errors import AppError
from desktop.services.hardship.types import CaseRow, Totals, WorkLists
from desktop.services.permissions import Perm
from desktop.services.register.types import RegisterFilter
from desktop.services.workspace import Workspace
from desktop.views.data_words import data_word, then
from desktop.views.document_preview import DocumentPreviewDialog
from desktop.views.form_widgets import button_row, list_table
from desktop.views.hardship.hardship_actions import status_label
from desktop.views.hardship.hardship_dialog import HardshipDialog, deceased_words
from desktop.views.hardship.standards_dialog import StandardsDialog
from desktop.views.messages import present_error
from desktop.views.tasks import TaskRunner

LIST_LIMIT = 500  # HardshipLists.LIMIT: a full list says "500+"
LISTS = ("waiting_for_me", "notices_ending", "reviews_due", "not_updated", "never_assisted")


SEARCH_AFTER_MS = 300  # the pause in typing after which the lists are filtered


def _matches(row: CaseRow, text: str) -> bool:
    """The file's person's name or its number holds ``text`` (as ``HardshipLists.cases``)."""
    return not text or text in row.person_name or text.upper() in row.serial.upper()


class HardshipPage(QWidget):
    """The hardship work lists, loaded in the background whenever the page is shown."""

    def __init__(self, workspace: Workspace, tasks: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hardshipPage")
        self._ws = workspace
        self._tasks = tasks
        self.loading = False
        self.dialogs: list[HardshipDialog] = []
        self.standards_dialog: StandardsDialog | None = None
        self.rows: dict[str, tuple[CaseRow, ...]] = {}
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("hardshipLists")
        self.tables: dict[str, QTableWidget] = {}
        titles = {
            "waiting_for_me": self.tr("Waiting for me"),
            "notices_ending": self.tr("Notices ending this week"),
            "reviews_due": self.tr("Reviews due"),
            "not_updated": self.tr("Not updated for a year"),
            "never_assisted": self.tr("Never assisted"),
            "all": self.tr("All files"),
        }
        for key, title in titles.items():
            table = self._case_table(key)
            self.tables[key] = table
            self.tabs.addTab(table, title)
        self.totals = QTableWidget(0, 6, self)
        self.totals.setObjectName("hardshipTotals")
        self.totals.setHorizontalHeaderLabels([
            self.tr("Year"), self.tr("Category"), self.tr("District"), self.tr("Files"),
            self.tr("Active"), self.tr("Paid (yuan)")])
        self.totals.verticalHeader().setVisible(False)
        self.totals.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.totals.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.tabs.addTab(self.totals, self.tr("Totals"))
        self.summary = QLabel(self)
        self.summary.setObjectName("hardshipSummary")
        self.search = QLineEdit(self)
        self.search.setObjectName("hardshipSearch")
        self.search.setPlaceholderText(self.tr("Name or file number"))
        # the whole hint in either language ("Name or file nu…" in English: issue 14)
        self.search.setMinimumWidth(
            self.search.fontMetrics().horizontalAdvance(self.search.placeholderText()) + 24)
        # the tab shown is filtered as one types, after a pause (as the register's search)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_AFTER_MS)
        self._search_timer.timeout.connect(self.apply_search)
        self.search.textChanged.connect(self._search_timer.start)
        self.search.returnPressed.connect(self.apply_search)
        self.loaded: dict[str, tuple[CaseRow, ...]] = {}
        """Every list as loaded, before the search filters it."""
        buttons = [("openHardship", self.tr("Open"), self.open_selected),
                   ("refreshHardship", self.tr("Refresh"), self.refresh),
                   ("printNotice", self.tr("Print notice list…"), self.print_notice),
                   ("printPayments", self.tr("Print payment list…"), self.print_payments)]
        if workspace.actor.can(Perm.EDIT_PERSONS):
            buttons.insert(0, ("newHardship", self.tr("New file…"), self.new_case))
        if workspace.actor.can(Perm.MANAGE_SETTINGS):  # the service refuses everyone else
            buttons.append(("hardshipStandards", self.tr("Standards…"), self.edit_standards))
        row = button_row(self, buttons)
        row.addWidget(self.search)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(row)
        # a role that takes no step of a file has nothing waiting for it: it opened on an
        # always empty 待我处理 (0) under "0 份档案等待您处理"
        self.takes_steps = any(workspace.actor.can(p) for p in (
            Perm.EDIT_PERSONS, Perm.REVIEW, Perm.APPROVE))
        if not self.takes_steps:
            self.tabs.setTabVisible(LISTS.index("waiting_for_me"), False)
            self.tabs.setCurrentWidget(self.tables["all"])
            self.summary.hide()

    def _case_table(self, key: str) -> QTableWidget:
        table = list_table(self, f"hardship_{key}", [
            self.tr("File"), self.tr("Name"), self.tr("District"), self.tr("Category"),
            self.tr("Status"), self.tr("Per capita (yuan)"), self.tr("Notice until"),
            self.tr("Next review")])
        table.cellDoubleClicked.connect(lambda r, _c, k=key: self.open_row(k, r))
        return table

    # -- loading ------------------------------------------------------------------------------

    def refresh(self) -> None:
        if self.loading:
            return
        self.loading = True
        lists = self._ws.hardship_lists()

        def job(_ctx: object) -> tuple[WorkLists, list[CaseRow]]:
            return lists.work_lists(), lists.cases()

        self._tasks.run(job, on_success=self._loaded, on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        if not shiboken6.isValid(self):  # closed while loading (the window is gone)
            return
        self.loading = False
        present_error(self, exc)

    def _loaded(self, result: tuple[WorkLists, list[CaseRow]]) -> None:
        if not shiboken6.isValid(self):
            return
        self.loading = False
        work, every = result
        self.loaded = {key: tuple(getattr(work, key)) for key in LISTS}
        self.loaded["all"] = tuple(every)
        self._show_totals(work.totals)
        self.apply_search()

    def apply_search(self) -> None:
        """Every list (the tab shown among them) keeps the files whose name or file number
        holds the search text; the tabs count what they show."""
        self._search_timer.stop()
        text = self.search.text().strip()
        for key, rows in self.loaded.items():
            self._show(key, tuple(r for r in rows if _matches(r, text)))
        for i, key in enumerate([*LISTS, "all"]):
            if key not in self.loaded:
                continue
            base = self.tabs.tabText(i).split(" (")[0]
            count = len(self.rows[key])
            full = len(self.loaded[key]) >= LIST_LIMIT
            shown = f"{count}+" if full and not text else str(count)
            self.tabs.setTabText(i, f"{base} ({shown})")
        waiting = len(self.loaded.get("waiting_for_me", ()))
        summary = self.tr("%1 file(s) waiting for you.").replace(
            "%1", f"{waiting}+" if waiting >= LIST_LIMIT else str(waiting))
        if text:
            summary = then(summary,
                           self.tr("Showing the files matching “%1”.").replace("%1", text))
        self.summary.setText(summary)

    def _show(self, key: str, rows: tuple[CaseRow, ...]) -> None:
        self.rows[key] = rows
        table = self.tables[key]
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            cells = (row.serial, row.person_name, row.district,
                     data_word(row.category),
                     status_label(row.status), yuan(row.per_capita),
                     row.notice_end.isoformat() if row.notice_end else "",
                     row.next_review_date.isoformat() if row.next_review_date else "")
            for c, text in enumerate(cells):
                table.setItem(r, c, QTableWidgetItem(text))

    def _show_totals(self, totals: tuple[Totals, ...]) -> None:
        self.totals.setRowCount(len(totals))
        for r, t in enumerate(totals):
            for c, text in enumerate((str(t.year), data_word(t.category),
                                      t.district, str(t.files),
                                      str(t.active), yuan(t.paid))):
                self.totals.setItem(r, c, QTableWidgetItem(text))

    # -- opening ------------------------------------------------------------------------------

    def open_row(self, key: str, row: int) -> HardshipDialog | None:
        rows = self.rows.get(key, ())
        if not 0 <= row < len(rows):
            return None
        return self._keep(HardshipDialog.open_case(self._ws, rows[row].id, self, self._tasks))

    def open_selected(self) -> None:
        index = self.tabs.currentIndex()
        keys = [*LISTS, "all"]
        if index < len(keys):
            self.open_row(keys[index], self.tables[keys[index]].currentRow())

    def _keep(self, dialog: HardshipDialog) -> HardshipDialog:
        self.dialogs = [d for d in self.dialogs if d.isVisible()] + [dialog]
        dialog.finished.connect(self._dialog_closed)
        return dialog

    def _dialog_closed(self) -> None:
        """A file was closed: its state may have changed, so the lists are read again."""
        if shiboken6.isValid(self) and self.isVisible():
            self.refresh()

    def new_case(self) -> None:
        text, ok = QInputDialog.getText(self, self.tr("New hardship file"), self.tr(
            "Whose household? Type a name, pinyin or ID number:"))
        if ok and text.strip():
            self.new_case_for(text.strip())

    def new_case_for(self, text: str, pick: int | None = None) -> HardshipDialog | None:
        """Find the person; several matches: choose (``pick``: which, for tests)."""
        page = self._ws.register().search(RegisterFilter(text=text), limit=30)
        if not page.rows:
            QMessageBox.information(self, self.tr("New hardship file"),
                                    self.tr("Nobody in the register matches."))
            return None
        labels = [" · ".join(x for x in (
            m.name, deceased_words(None) if m.life_status == LIFE_DECEASED else "",
            m.district, m.id_number or "-", m.work_unit) if x) for m in page.rows]
        index = pick if pick is not None else 0
        if pick is None and len(labels) > 1:
            chosen, ok = QInputDialog.getItem(self, self.tr("New hardship file"),
                                              self.tr("Choose the person:"), labels, 0, False)
            if not ok:
                return None
            index = labels.index(chosen)
        person = page.rows[index]
        existing = self._ws.hardship().open_case_for(person.id)
        if existing is not None:
            return self._keep(HardshipDialog.open_case(self._ws, existing, self, self._tasks))
        if person.life_status == LIFE_DECEASED:  # said before the form (the service refuses)
            present_error(self, AppError("hardship_person_deceased", name=person.name))
            return None
        return self._keep(HardshipDialog.new_case(self._ws, person.id, person.name, self,
                                                      self._tasks))

    def edit_standards(self) -> None:
        """The standards table (低保标准, payment caps) of the current year."""
        self.standards_dialog = StandardsDialog.open_for(self._ws, self)

    # -- printing -----------------------------------------------------------------------------

    def print_notice(self) -> None:
        """公示名单 of the files now in public notice, previewed."""
        prints = self._ws.hardship_print()
        DocumentPreviewDialog.generate(
            self, self._tasks, prints.notice, title=self.tr("Public notice"),
            file_name=f"困难劳模认定公示-{dt.date.today():%Y%m%d}.pdf",
            label=self.tr("Preparing the public notice…"))

    def print_payments(self) -> None:
        """发放签收表 of a year's payments, previewed."""
        year, ok = QInputDialog.getInt(self, self.tr("Payment list"), self.tr("Year"),
                                       dt.date.today().year, 2000, 2100)
        if not ok:
            return
        prints = self._ws.hardship_print()
        DocumentPreviewDialog.generate(
            self, self._tasks, lambda: prints.payments(year=year),
            title=self.tr("Payment list"), file_name=f"困难劳模帮扶资金发放签收表-{year}.pdf",
            label=self.tr("Preparing the payment list…"))

    def case_ids(self, key: str) -> list[uuid.UUID]:
        return [r.id for r in self.rows.get(key, ())]
