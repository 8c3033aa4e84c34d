"""走访慰问: campaigns, the candidate list with reasons, the coverage check, the schedule (list
and week view), recording, printing, and the work list (birthdays, follow-ups)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.core.money import yuan
from desktop.core.reference import LIFE_DECEASED
from desktop.core.vocabulary import TIME_SLOT, VISIT_STATUS
from desktop.errors import AppError
from desktop.files import write_atomically
from desktop.services.permissions import Perm
from desktop.services.register.types import RegisterFilter
from desktop.services.visits.rules import reason_words
from desktop.services.visits.types import (
    Conflict,
    ScheduleOutcome,
    VisitRow,
    WorkItem,
)
from desktop.services.workspace import Workspace
from desktop.views.data_words import counted, joined, then, with_colon, without_count
from desktop.views.document_preview import DocumentPreviewDialog
from desktop.views.file_dialogs import DOCUMENTS, save_file
from desktop.views.form_widgets import button_row, refill_combo
from desktop.views.gating import allowed, gate_children
from desktop.views.i18n import current_language, shown, word
from desktop.views.messages import present_error
from desktop.views.reason_dialog import ReasonDialog, add_masked_or_full
from desktop.views.tasks import Task, TaskRunner
from desktop.views.visits.campaign_dialog import CampaignDialog
from desktop.views.visits.print_scope_dialog import PrintScopeDialog
from desktop.views.visits.visit_hardship_dialog import VisitHardshipDialog
from desktop.views.visits.visit_record_dialog import VisitRecordDialog
from desktop.views.visits.visit_schedule_dialogs import AssignDialog, AutoScheduleDialog, TeamDialog
from desktop.views.visits.visit_table_model import ROW_ROLE, RowsTableModel
from desktop.views.visits.visit_week_view import VisitWeekView

SHEET_WORDS = {"list": "走访慰问名单", "receipt": "慰问金签收表", "summary": "走访慰问情况汇总表"}
"""Documents printed from an approved list only (the summary and the Excel working copy are
not the final list)."""


WITH_PHONES = {"list": "visitList", "xlsx": "visitExcel"}
"""The documents that print phone numbers, and the names of their masked-or-full actions."""


CAMPAIGN_BUTTONS = {
    "editCampaign": Perm.EDIT_PERSONS, "planCampaign": Perm.EDIT_PERSONS,
    "approveCampaign": Perm.APPROVE, "printVisits": Perm.PRINT, "addPerson": Perm.EDIT_PERSONS,
    "newTeam": Perm.EDIT_PERSONS, "autoSchedule": Perm.EDIT_PERSONS,
}
"""The buttons that act on the chosen campaign (the work list's stand alone visits do not;
安排所选…, 移出名单… and 登记走访结果… wait for chosen visits, ``_schedule_selected``)."""


NAMES_SHOWN = 10
"""How many names a message lists before "等 N 人"."""


def problem_label(code: str) -> str:
    labels = {
        "not_planned": QCoreApplication.translate("Visits", "not on the list"),
        "removed": QCoreApplication.translate("Visits", "removed"),
        "dropped": QCoreApplication.translate("Visits", "visited last time, not now"),
    }
    return labels.get(code, code)


COLUMN_PADDING = 16
"""Room beside a column's widest title or text (px), so that no column looks squeezed."""


class FittedTable(QTableView):
    """A read-only table whose columns fit the window (issue 14, point 15: at 1366×768 列入原因
    took half the width while 姓名 and 区县 were squeezed to their text). Every column gets
    its title's or text's width with some room; when the window is wider the extra is shared
    in proportion to those widths (a short column at most doubled, the rest to the long text
    column), so no short column is cramped and no empty column hogs the room;
    when it is narrower the long text column ``stretch`` gives up its room first (its full
    text is the cell's tooltip), down to a few characters. Columns can still be dragged."""

    def __init__(self, parent: QWidget, stretch: int) -> None:
        super().__init__(parent)
        self.stretch = stretch

    def needs(self) -> list[int]:
        """What each column needs: its title or its widest text (of the first rows), plus
        room."""
        header = self.horizontalHeader()
        return [max(header.sectionSizeHint(c), self.sizeHintForColumn(c)) + COLUMN_PADDING
                for c in range(header.count())]

    def fit_columns(self) -> None:
        header = self.horizontalHeader()
        count = header.count()
        if not count:
            return
        needs = self.needs()
        room = self.viewport().width()
        long_text = self.stretch % count
        extra = room - sum(needs)
        if extra >= 0:
            # shared in proportion, a short column at most doubled: what is left goes to the
            # long text column (a table of few columns does not spread them across the page)
            total = sum(needs)
            widths = [n + min(n, extra * n // total) for n in needs]
            widths[long_text] += room - sum(widths)
        else:
            widths = list(needs)
            floor = self.fontMetrics().horizontalAdvance("八个汉字八个汉字") + COLUMN_PADDING
            widths[long_text] = max(floor, needs[long_text] + extra)
        for column, width in enumerate(widths):
            header.resizeSection(column, width)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fit_columns()  # the final font and style are known once shown

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()


def table(parent: QWidget, name: str, model: RowsTableModel, *, multi: bool = False,
          stretch: int = -1) -> FittedTable:
    """A read-only table with columns fitted to the window (``FittedTable``); the long text
    column ``stretch`` (default the last) gives up its room first."""
    view = FittedTable(parent, stretch)
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if multi
                          else QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(False)
    header.setResizeContentsPrecision(60)  # measure the first rows, not ten thousand
    model.modelReset.connect(view.fit_columns)
    return view


def selected(view: QTableView) -> list[Any]:
    rows = sorted({i.row() for i in view.selectionModel().selectedRows()})
    model = view.model()
    return [model.index(r, 0).data(ROW_ROLE) for r in rows]


class VisitsPage(QWidget):
    """One campaign at a time, chosen at the top; loading happens on a worker."""

    def __init__(self, workspace: Workspace, tasks: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("visitsPage")
        self._ws = workspace
        self._tasks = tasks
        self.loading = False
        self.last_schedule: ScheduleOutcome | None = None
        self.visits: list[VisitRow] = []
        self.campaign = QComboBox(self)
        self.campaign.setObjectName("campaignCombo")
        self.campaign.setMinimumWidth(280)
        self.campaign.currentIndexChanged.connect(self._campaign_changed)
        # a push button with a menu: its size includes the menu arrow (an InstantPopup tool
        # button draws the arrow over its text, which then looks cut: issue 14, point 15)
        self.print_button = QPushButton(self.tr("Print / export"), self)
        self.print_button.setObjectName("printVisits")
        menu = QMenu(self.print_button)
        menu.setObjectName("printVisitsMenu")
        for kind, text in (("list", self.tr("Visit list per team and day (PDF)")),
                           ("receipt", self.tr("Receipt sheet (PDF)…")),
                           ("summary", self.tr("Campaign summary (PDF)…")),
                           ("xlsx", self.tr("Visit list (Excel)"))):
            if kind == "xlsx" and not workspace.actor.can(Perm.IMPORT_EXPORT):
                continue  # a file export: not offered to a role without it (as the register)
            if kind not in WITH_PHONES:
                menu.addAction(text, self._printer(kind))
                continue
            # the teams' working lists: phones in full for a permitted user with a reason,
            # audited, as `laomo report visit-list|visits export --unmask` (issue 14, point 9)
            sub = menu.addMenu(text)
            sub.setObjectName(f"{WITH_PHONES[kind]}Menu")
            add_masked_or_full(
                sub, self.print_button, workspace, WITH_PHONES[kind], self._masked_or_full(kind),
                full_text=self.tr("Full phone numbers…"), title=self.tr("Full phone numbers"),
                prompt=self.tr("Why does the visit list need the full phone numbers (e.g. the "
                               "teams call ahead of each visit)? The reason is written to the "
                               "audit log."))
        self.print_button.setMenu(menu)
        top = button_row(self, [
            ("newCampaign", self.tr("New campaign…"), self.new_campaign),
            ("editCampaign", self.tr("Edit…"), self.edit_campaign),
            ("planCampaign", self.tr("Plan from the rules"), self.plan),
            ("approveCampaign", self.tr("Approve list…"), self.ask_approve),
        ])
        approve = self.findChild(QWidget, "approveCampaign")
        if approve is not None:  # reviewers and administrators approve lists
            approve.setEnabled(workspace.actor.can(Perm.APPROVE))
        top.insertWidget(0, QLabel(self.tr("Campaign:"), self))
        top.insertWidget(1, self.campaign)
        top.addWidget(self.print_button)
        self.summary = QLabel(self)
        self.summary.setObjectName("campaignSummary")
        self.summary.setWordWrap(True)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("visitTabs")
        self._build_candidates()
        self._build_coverage()
        self._build_schedule()
        self.week = VisitWeekView(self)
        self.tabs.addTab(self.week, self.tr("Week"))
        self._build_worklist()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        # what the role may not do is disabled, with the reason (issue 14, point 6)
        gate_children(self, workspace.actor, {
            **dict.fromkeys(("newCampaign", "editCampaign", "planCampaign", "addPerson",
                             "newTeam", "autoSchedule", "assignVisits", "removeVisit",
                             "recordVisit", "birthdayVisit", "hospitalVisit", "hardshipFile",
                             "closeFollowUp"), Perm.EDIT_PERSONS),
            "approveCampaign": Perm.APPROVE})
        self.schedule_table.selectionModel().selectionChanged.connect(self._schedule_selected)
        self._schedule_selected()

    def _schedule_selected(self) -> None:
        """安排所选…, 移出名单… and 登记走访结果… wait for the visits they apply to (they did
        nothing when clicked without a row), saying why."""
        if not self._ws.actor.can(Perm.EDIT_PERSONS):
            return  # gated for the role, with that reason
        count = len(selected(self.schedule_table))
        choose = self.tr("Select visits in the list first.")
        for name, why in (("assignVisits", choose if not count else ""),
                          ("removeVisit", choose if not count else ""),
                          ("recordVisit", self.tr("Select one visit in the list first.")
                           if count != 1 else "")):
            button = self.findChild(QPushButton, name)
            if button is not None:
                button.setEnabled(not why)
                button.setToolTip(why)

    # -- tabs -----------------------------------------------------------------------------------

    def _build_candidates(self) -> None:
        self.candidate_model = RowsTableModel([
            (self.tr("Name"), lambda r: r.name), (self.tr("District"), lambda r: r.district),
            (self.tr("Level"), lambda r: r.treatment_level),
            (self.tr("Age"), lambda r: self.tr("Deceased") if r.life_status == LIFE_DECEASED
             else r.age),  # a family visit: 已故, as on the printed list, not an age
            (self.tr("Why on the list"), lambda r: reason_words(r.reason, current_language())),
            (self.tr("Planned"), lambda r: self.tr("yes") if r.planned else self.tr("NO")),
        ], self)
        self.candidate_table = table(self, "candidatesTable", self.candidate_model, stretch=4)
        page = QWidget(self)
        lay = QVBoxLayout(page)
        lay.addLayout(button_row(page, [("addPerson", self.tr("Add a person…"), self.ask_add)]))
        lay.addWidget(self.candidate_table)
        self.tabs.addTab(page, self.tr("Candidates"))

    def _build_coverage(self) -> None:
        self.coverage_model = RowsTableModel([
            (self.tr("Problem"), lambda r: problem_label(r.problem)),
            (self.tr("Name"), lambda r: r.name),
            (self.tr("District"), lambda r: r.district),
            (self.tr("Level"), lambda r: r.treatment_level),
            (self.tr("Why listed"), lambda r: reason_words(r.reason, current_language())),
            (self.tr("Note"), lambda r: r.note),
        ], self)
        self.coverage_label = QLabel(self)
        self.coverage_label.setObjectName("coverageLabel")
        self.coverage_label.setWordWrap(True)
        page = QWidget(self)
        lay = QVBoxLayout(page)
        lay.addWidget(self.coverage_label)
        lay.addWidget(table(page, "coverageTable", self.coverage_model, stretch=4))
        self.tabs.addTab(page, self.tr("Coverage"))

    def _build_schedule(self) -> None:
        self.schedule_model = RowsTableModel([
            (self.tr("Date"), lambda r: r.planned_date),
            (self.tr("Slot"), lambda r: shown(TIME_SLOT, r.time_slot)),
            (self.tr("Team"), lambda r: r.team), (self.tr("Route"), lambda r: r.route_order),
            (self.tr("District"), lambda r: r.district), (self.tr("Township"), lambda r: r.area),
            (self.tr("Name"), lambda r: r.name), (self.tr("Level"), lambda r: r.treatment_level),
            (self.tr("Standard"), lambda r: yuan(r.standard_fen)),
            (self.tr("Result"), lambda r: word(VISIT_STATUS, r.status)),
            (self.tr("Money"), lambda r: yuan(r.money_fen)),
            (self.tr("Why listed"), lambda r: reason_words(r.reason, current_language())),
        ], self)
        self.schedule_table = table(self, "scheduleTable", self.schedule_model, multi=True)
        self.schedule_table.doubleClicked.connect(lambda _i: self.ask_record())
        self.conflicts = QListWidget(self)
        self.conflicts.setObjectName("conflictList")
        self.conflicts.setMaximumHeight(110)
        self.conflicts.setWordWrap(True)  # a long list of names wraps, not cut at the edge
        page = QWidget(self)
        lay = QVBoxLayout(page)
        lay.addLayout(button_row(page, [
            ("newTeam", self.tr("New team…"), self.ask_team),
            ("autoSchedule", self.tr("Schedule automatically…"), self.ask_auto_schedule),
            ("assignVisits", self.tr("Assign selected…"), self.ask_assign),
            ("removeVisit", self.tr("Take off the list…"), self.ask_remove),
            ("recordVisit", self.tr("Record result…"), self.ask_record),
        ]))
        lay.addWidget(self.schedule_table, 1)
        # shown only with something to say: empty, it took a third of the schedule's height
        self.conflicts_label = QLabel(self.tr("Warnings:"), page)
        self.conflicts_label.setObjectName("conflictLabel")
        lay.addWidget(self.conflicts_label)
        lay.addWidget(self.conflicts)
        self.tabs.addTab(page, self.tr("Schedule"))

    def _work_what(self, w: WorkItem) -> str:
        """The service's own words (a round birthday, a follow-up without a note) in the UI's
        language; a note the team wrote as it is."""
        if w.kind == "birthday" and w.age is not None:  # the year, if only that, is in 日期
            return self.tr("%1th birthday").replace("%1", str(w.age))
        if w.kind == "follow_up" and w.text == "需要回访":
            return self.tr("Follow-up needed")
        return w.text

    def _build_worklist(self) -> None:
        self.work_model = RowsTableModel([
            (self.tr("Kind"), lambda w: self.tr("Birthday") if w.kind == "birthday"
             else self.tr("Follow-up")),
            (self.tr("Date"), lambda w: w.day_shown), (self.tr("Name"), lambda w: w.name),
            (self.tr("District"), lambda w: w.district), (self.tr("What"), self._work_what),
        ], self)
        self.work_table = table(self, "worklistTable", self.work_model)
        page = QWidget(self)
        lay = QVBoxLayout(page)
        lay.addLayout(button_row(page, [
            ("birthdayVisit", self.tr("Plan a birthday visit"), self.plan_birthday),
            ("hospitalVisit", self.tr("Plan a hospital visit"), self.plan_hospital),
            ("hardshipFile", self.tr("Open a hardship file…"), self.open_hardship_file),
            ("closeFollowUp", self.tr("Close follow-up"), self.close_follow_up),
        ]))
        lay.addWidget(self.work_table)
        self.tabs.addTab(page, self.tr("Work list"))

    # -- loading --------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the campaign list (keeps the chosen campaign) and the chosen campaign."""
        try:
            campaigns = self._ws.visits().campaigns()
        except AppError as exc:
            present_error(self, exc)
            return
        refill_combo(self.campaign,
                     [(f"{c.title}{counted(c.done, c.planned)}", c.id) for c in campaigns])
        self.load()

    @property
    def campaign_id(self) -> uuid.UUID | None:
        value = self.campaign.currentData()
        return value if isinstance(value, uuid.UUID) else None

    def _campaign_changed(self, _index: int) -> None:
        self.load()

    def _campaign_buttons(self, chosen: bool) -> None:
        """Work on a campaign needs one chosen: without one its buttons are disabled and say so
        (issue 14: 编辑… did nothing and 按规则生成名单 answered with an error). A button the
        role may not use keeps its own reason."""
        for name, perm in CAMPAIGN_BUTTONS.items():
            widget = self.findChild(QWidget, name)
            if widget is None or not self._ws.actor.can(perm):
                continue
            widget.setEnabled(chosen)
            widget.setToolTip("" if chosen else self.tr(
                "Choose a campaign above first, or create one with New campaign…"))

    def load(self) -> None:
        cid = self.campaign_id
        self._campaign_buttons(cid is not None)
        svc = self._ws.visits()
        holidays = self._ws.holidays()

        def job(_ctx: object) -> tuple[Any, ...]:
            work = svc.worklist()
            if cid is None:
                return None, [], [], [], [], work, None
            candidates, coverage = svc.candidates_and_coverage(cid)
            return (svc.campaign(cid), candidates, coverage, svc.visits(cid), svc.teams(cid),
                    work, (svc.conflicts(cid), holidays.calendar()))

        self.loading = True
        self._tasks.run(job, on_success=self._loaded, on_error=self._failed,
                        label=self.tr("Loading the campaign…"), parent=self)

    def _show_owner(self, owner: str | None) -> None:
        """At the city a district's campaign is read-only: say whose it is, no edit buttons.
        It only ever disables: a button the role may not use stays disabled with the role's
        reason (it was enabled here for every role: issue 14, point 6)."""
        if owner is None:
            return
        read_only = self.tr("Reported by %1: read-only here.").replace("%1", owner)
        for name in ("editCampaign", "planCampaign", "approveCampaign"):
            button = self.findChild(QWidget, name)
            if button is not None and button.isEnabledTo(self):
                button.setEnabled(False)
                button.setToolTip(read_only)
        self.summary.setText(then(self.summary.text(), read_only))

    def _failed(self, exc: BaseException) -> None:
        self.loading = False
        present_error(self, exc)

    def _loaded(self, result: tuple[Any, ...]) -> None:
        campaign, candidates, coverage, visits, teams, work, extra = result
        self.visits = visits
        self.teams = teams
        self.candidate_model.set_rows(candidates)
        self.schedule_model.set_rows(visits)
        self._schedule_selected()
        self.work_model.set_rows(work)
        conflicts: Sequence[Conflict] = extra[0] if extra else []
        self.conflicts.clear()
        waiting = [v.name for v in visits if v.status in ("planned", "postponed")
                   and (v.planned_date is None or v.team_id is None)]
        if waiting:  # issue 14: they were left out silently, the pane empty; then unnamed
            text = self.tr(
                "%n visit(s) have no date or team yet: add a team or more visits per day and "
                "schedule again, or assign them by hand.", "", len(waiting))
            item = QListWidgetItem(then(text, with_colon(self.tr("Not scheduled"))
                                        + self.named(waiting)))
            item.setToolTip(text + "\n" + joined(waiting, "、"))
            item.setForeground(QColor("#b00020"))
            self.conflicts.addItem(item)
        for c in conflicts:
            self.conflicts.addItem(with_colon(c.name) + (
                c.english if current_language() == "en" else c.text))
        warned = self.conflicts.count() > 0
        self.conflicts_label.setVisible(warned)
        self.conflicts.setVisible(warned)
        if campaign is None:
            self.summary.setText(self.tr("No campaign yet: create one with “New campaign…”."))
            self.coverage_model.set_rows([])
            self.coverage_label.clear()
            self.week.set_data([], [], None)
            self.loading = False
            return
        self.coverage_model.set_rows(coverage.rows)
        self.week.set_data(visits, teams, extra[1])
        done = sum(1 for v in visits if v.status == "done")
        approval = (self.tr("List approved by %1.").replace(
                        "%1", campaign.approver or campaign.approved_by)
                    if campaign.approved_by else
                    self.tr("List not approved yet (draft): the visit list and receipt sheet "
                            "print after a reviewer approves it."))
        self.summary.setText(then(self.tr(
            "%1 to %2. Rules: %3. Candidates %4, on the list %5, visited %6.")
            .replace("%1", campaign.start_date.isoformat())
            .replace("%2", campaign.end_date.isoformat())
            .replace("%3", campaign.rules.describe(current_language()))
            .replace("%4", str(len(candidates)))
            .replace("%5", str(len(visits))).replace("%6", str(done)), approval))
        self._show_owner(campaign.owner)
        approve = self.findChild(QWidget, "approveCampaign")
        if campaign.approved_by and approve is not None and approve.isEnabledTo(self):
            approve.setEnabled(False)  # approving again would only be refused
            approve.setToolTip(approval)
        missing = sum(1 for r in coverage.rows if r.problem == "not_planned")
        dropped = sum(1 for r in coverage.rows if r.problem == "dropped")
        if coverage.complete:
            text = self.tr("Complete: everyone the rules name is on the list.")
        else:
            text = self.tr("%1 person(s) the rules name are not on the list; %2 visited last "
                           "time are not on it now.").replace("%1", str(missing)).replace(
                               "%2", str(dropped))
        self.coverage_label.setText(text)
        self.loading = False

    # -- campaign actions -----------------------------------------------------------------------

    def _districts(self) -> list[str]:
        try:
            return self._ws.register().districts()
        except AppError:
            return []

    def new_campaign(self) -> None:
        if not allowed(self, self._ws.actor, Perm.EDIT_PERSONS):  # before the form
            return
        dialog = CampaignDialog(self._ws.visits(), None, self._districts(), self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved_id is not None:
            self.refresh()
            self.campaign.setCurrentIndex(max(self.campaign.findData(dialog.saved_id), 0))

    def edit_campaign(self) -> None:
        if not allowed(self, self._ws.actor, Perm.EDIT_PERSONS):  # before the form
            return
        if self.campaign_id is None:
            return
        dialog = CampaignDialog(self._ws.visits(), self.campaign_id, self._districts(), self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()

    def plan(self) -> None:
        if not allowed(self, self._ws.actor, Perm.EDIT_PERSONS):  # before the form
            return
        self._act(lambda: self._ws.visits().plan(self._need_campaign()))

    def ask_approve(self) -> None:
        if self.campaign_id is None:
            return
        try:
            waiting = self._ws.visits().campaign(self.campaign_id).unscheduled
        except AppError as exc:
            present_error(self, exc)
            return
        prompt = self.tr("Opinion (optional). The maker or last editor of the list cannot "
                         "approve it; a later change to the list withdraws the approval.")
        if waiting:  # said before confirming, not found later on the printed list
            prompt = self.tr(
                "%n person(s) on the list are not scheduled yet (no team or no date): the "
                "printed list shows them last, under “not scheduled”.", "", waiting) \
                + "\n\n" + prompt
        opinion, ok = QInputDialog.getText(self, self.tr("Approve list"), prompt)
        if ok:
            self.approve(opinion)

    def approve(self, opinion: str = "") -> bool:
        """Approve the chosen campaign's list (reviewer or administrator, not its maker)."""
        return self._act(lambda: self._ws.visits().approve_campaign(self._need_campaign(),
                                                                     opinion))

    def _need_campaign(self) -> uuid.UUID:
        cid = self.campaign_id
        if cid is None:
            raise AppError("not_found", entity="visit_campaign", key="-")
        return cid

    def _act(self, action: Callable[[], object]) -> bool:
        try:
            action()
        except AppError as exc:
            present_error(self, exc)
            return False
        self.refresh()
        return True

    # -- candidates -----------------------------------------------------------------------------

    def ask_add(self) -> None:
        if not allowed(self, self._ws.actor, Perm.EDIT_PERSONS):  # before the form
            return
        text, ok = QInputDialog.getText(self, self.tr("Add a person"),
                                        self.tr("Name, pinyin or ID number:"))
        if not ok or not text.strip():
            return
        rows = self._ws.register().search(RegisterFilter(text=text.strip()), limit=50).rows
        if not rows:
            QMessageBox.information(self, self.tr("Add a person"), self.tr("Nobody found."))
            return
        labels = [f"{r.name} · {r.district} · {r.birth_shown} · "
                  f"{r.work_unit}"
                  for r in rows]
        choice, ok = QInputDialog.getItem(self, self.tr("Add a person"), self.tr("Who:"),
                                          labels, 0, False)
        if not ok:
            return
        reason = ReasonDialog.ask(self, self.tr("Add a person"),
                                  self.tr("Why is this person visited (not named by the rules)?"))
        if reason:
            self.add_person(rows[labels.index(choice)].id, reason)

    def add_person(self, person_id: uuid.UUID, reason: str) -> bool:
        return self._act(lambda: self._ws.visits().add_person(self._need_campaign(), person_id,
                                                               reason))

    # -- schedule -------------------------------------------------------------------------------

    def ask_team(self) -> None:
        if not allowed(self, self._ws.actor, Perm.EDIT_PERSONS):  # before the form
            return
        if self.campaign_id is None:
            return
        dialog = TeamDialog(self._ws.visits(), self.campaign_id, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()

    def ask_auto_schedule(self) -> None:
        if not allowed(self, self._ws.actor, Perm.EDIT_PERSONS):  # before the form
            return
        if self.campaign_id is None:
            return
        dialog = AutoScheduleDialog(self.teams, self._ws.visits().campaign(self.campaign_id),
                                    self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            team_ids, first, per_day = dialog.values()
            self.auto_schedule(team_ids, first, per_day)

    def auto_schedule(self, team_ids: list[uuid.UUID], first: dt.date, per_day: int) -> bool:
        outcome: list[ScheduleOutcome] = []
        if not self._act(lambda: outcome.append(self._ws.visits().schedule(
                self._need_campaign(), team_ids, first, per_day))):
            return False
        self.last_schedule = outcome[0]
        if not outcome[0].complete:
            self.explain_schedule(outcome[0])
        return True

    def named(self, names: Sequence[str]) -> str:
        """The first ``NAMES_SHOWN`` names and, when there are more, how many in all: 张三、
        李四……等 25 人 (issue 14, point 4: the clerk was told how many, not who)."""
        text = joined(names[:NAMES_SHOWN], "、")
        if len(names) > NAMES_SHOWN:
            text += self.tr("… (%n in all)", "", len(names))
        return text

    def schedule_text(self, o: ScheduleOutcome) -> str:
        """What could not be scheduled, why, and what would fit it (issue 14, point 4)."""
        head = self.tr("%1 visit(s) scheduled; %2 could not be scheduled.") \
            .replace("%1", str(o.scheduled)).replace("%2", str(o.left))
        if o.left_names:
            head += "\n" + with_colon(self.tr("Not scheduled")) + self.named(o.left_names)
        if o.working_days == 0:
            why = self.tr("There is no office working day from %1 to the campaign's end "
                          "(%2).").replace("%1", o.first_day.isoformat()) \
                .replace("%2", o.last_day.isoformat())
            return f"{head}\n{why}\n" + self.tr("Move the campaign's end date later.")
        why = self.tr("From %1 to the campaign's end (%2) there are %3 working day(s); %4 "
                      "team(s) with %5 visits a day are full.") \
            .replace("%1", o.first_day.isoformat()).replace("%2", o.last_day.isoformat()) \
            .replace("%3", str(o.working_days)).replace("%4", str(o.teams)) \
            .replace("%5", str(o.per_day))
        ways = [self.tr("add teams: %1 team(s) in all would fit everyone;")
                .replace("%1", str(o.teams_needed))]
        if o.per_day_needed <= 200:
            ways.append(self.tr("or clear the schedule and allow %1 visits per team and day;")
                        .replace("%1", str(o.per_day_needed)))
        ways.append(self.tr("or move the campaign's end date later."))
        return "\n".join([head, why, self.tr("To schedule them:"), *("· " + w for w in ways)])

    def schedule_box(self, o: ScheduleOutcome) -> QMessageBox:
        """The message after an incomplete automatic schedule, everyone left behind under a
        details button worded by us: Qt's own 显示详情… came out untranslated in English mode
        (the walk-through), and Qt re-labels it from its catalogue on every click."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Schedule automatically"),
                          self.schedule_text(o), QMessageBox.StandardButton.Close, self)
        box.setObjectName("scheduleLeftBox")
        if len(o.left_names) > NAMES_SHOWN:  # everyone, under the details button
            box.setDetailedText("\n".join(o.left_names))
            details = next(b for b in box.buttons()
                           if box.buttonRole(b) == QMessageBox.ButtonRole.ActionRole)
            details.setObjectName("scheduleDetailsButton")
            words = (self.tr("Show everyone not scheduled…"), self.tr("Hide the names"))
            names = next(w for w in box.findChildren(QTextEdit)
                         if w.toPlainText() == "\n".join(o.left_names))

            def word_details() -> None:  # after Qt's own handler has toggled and re-labelled
                holder = names.parentWidget()
                hidden = names.isHidden() or (holder is not None and holder.isHidden())
                details.setText(words[0] if hidden else words[1])

            details.setText(words[0])
            details.clicked.connect(word_details)
        box.addButton(self.tr("New team…"), QMessageBox.ButtonRole.ActionRole) \
            .setObjectName("scheduleNewTeam")
        box.addButton(self.tr("Change the campaign dates…"),
                      QMessageBox.ButtonRole.ActionRole).setObjectName("scheduleCampaignDates")
        return box

    def explain_schedule(self, o: ScheduleOutcome) -> None:
        box = self.schedule_box(o)
        team = box.findChild(QPushButton, "scheduleNewTeam")
        dates = box.findChild(QPushButton, "scheduleCampaignDates")
        box.exec()
        if box.clickedButton() is team:
            self.ask_team()
        elif box.clickedButton() is dates:
            self.edit_campaign()

    def ask_assign(self) -> None:
        if not allowed(self, self._ws.actor, Perm.EDIT_PERSONS):  # before the form
            return
        rows = selected(self.schedule_table)
        if not rows:
            return
        dialog = AssignDialog(self.teams, rows[0], self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            team_id, day, slot = dialog.values()
            self.assign([r.id for r in rows], team_id, day, slot)

    def assign(self, visit_ids: list[uuid.UUID], team_id: uuid.UUID | None,
               day: dt.date | None, slot: str | None) -> bool:
        return self._act(lambda: self._ws.visits().assign(visit_ids, team_id, day, slot))

    def ask_remove(self) -> None:
        if not allowed(self, self._ws.actor, Perm.EDIT_PERSONS):  # before the form
            return
        rows = selected(self.schedule_table)
        if not rows:
            return
        reason = ReasonDialog.ask(self, self.tr("Take off the list"),
                                  self.tr("Why is %1 not visited this time?").replace(
                                      "%1", joined((r.name for r in rows[:5]), "、")))
        if reason:
            self.remove([r.id for r in rows], reason)

    def remove(self, visit_ids: list[uuid.UUID], reason: str) -> bool:
        svc = self._ws.visits()

        def run() -> None:
            for vid in visit_ids:
                svc.remove_visit(vid, reason)
        return self._act(run)

    def ask_record(self) -> None:
        if not allowed(self, self._ws.actor, Perm.EDIT_PERSONS):  # before the form
            return
        rows = selected(self.schedule_table)
        if len(rows) != 1:
            return
        dialog = VisitRecordDialog(self._ws.visits(), rows[0], self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            if dialog.wants_hardship_file():
                self.ask_hardship_file(rows[0].id, rows[0].name)
            self.refresh()

    # -- work list ------------------------------------------------------------------------------

    def _work_item(self) -> WorkItem | None:
        rows = selected(self.work_table)
        return rows[0] if rows else None

    def plan_birthday(self) -> None:
        if not allowed(self, self._ws.actor, Perm.EDIT_PERSONS):  # before the form
            return
        w = self._work_item()
        if w is not None and w.kind == "birthday":
            self._act(lambda: self._ws.visits().create_single(w.person_id, "生日", w.day,
                                                              w.text))

    def plan_hospital(self) -> None:
        if not allowed(self, self._ws.actor, Perm.EDIT_PERSONS):  # before the form
            return
        w = self._work_item()
        if w is not None and w.visit_id is not None:
            vid = w.visit_id
            self._act(lambda: self._ws.visits().hospital_visit_from(
                vid, dt.date.today() + dt.timedelta(days=1)))

    def open_hardship_file(self) -> None:
        """Open a hardship draft for the person of the chosen follow-up."""
        if not allowed(self, self._ws.actor, Perm.EDIT_PERSONS):  # before the form
            return
        w = self._work_item()
        if w is None or w.visit_id is None:
            return
        self.ask_hardship_file(w.visit_id, w.name)

    def ask_hardship_file(self, visit_id: uuid.UUID, name: str) -> None:
        try:
            categories = self._ws.hardship().categories()
        except AppError as exc:
            present_error(self, exc)
            return
        dialog = VisitHardshipDialog(self._ws.visits(), visit_id, name, categories, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()

    def close_follow_up(self) -> None:
        if not allowed(self, self._ws.actor, Perm.EDIT_PERSONS):  # before the form
            return
        w = self._work_item()
        if w is not None and w.visit_id is not None:
            vid = w.visit_id
            self._act(lambda: self._ws.visits().close_follow_up(vid))

    # -- printing -------------------------------------------------------------------------------

    def _printer(self, kind: str) -> Callable[[], None]:
        def run() -> None:
            self._ask_print(kind)
        return run

    def _masked_or_full(self, kind: str) -> Callable[[str | None], None]:
        """What the masked-or-full menu does: a ``reason`` means the phones in full."""
        def run(reason: str | None) -> None:
            self._ask_print(kind, reason)
        return run

    def _ask_print(self, kind: str, reason: str | None = None) -> None:
        if kind == "xlsx":
            name = save_file(self, self.tr("Save as"),
                             f"{self._campaign_title()}-走访慰问名单.xlsx", "*.xlsx", DOCUMENTS)
            if name:
                self.print_to(Path(name if name.lower().endswith(".xlsx") else name + ".xlsx"),
                              "xlsx", reason)
            return
        team_id, day = None, None
        if kind in ("list", "receipt") and self.teams:
            # all of it, one team, or one team's day (the walk-through had 141 pages)
            scope = PrintScopeDialog.ask(self, self._print_titles()[kind], self.teams,
                                         self.visits)
            if scope is None:
                return
            team_id, day = scope
        self.print_document(kind, reason, team_id=team_id, day=day)

    def _print_titles(self) -> dict[str, str]:
        return {"list": self.tr("Visit list"), "receipt": self.tr("Receipt sheet"),
                "summary": self.tr("Visit summary")}

    def _campaign_title(self) -> str:
        return without_count(self.campaign.currentText()) or "走访慰问"

    def print_document(self, kind: str, reason: str | None = None, *,
                       team_id: uuid.UUID | None = None,
                       day: dt.date | None = None) -> Task | None:
        """The list, receipt sheet or summary made by the service in the background (refused
        there, before any file dialog, e.g. a list not yet approved), then previewed; the list
        and the receipt of one team, or of one team on one ``day``. With a ``reason`` the
        phones are in full (the service checks the permission and audits, as it audits every
        list)."""
        if self.campaign_id is None:
            return None
        cid, prints = self.campaign_id, self._ws.visit_prints()
        words = SHEET_WORDS[kind]  # the file is named like the Chinese document
        full = reason is not None
        team = next((t.name for t in self.teams if t.id == team_id), None)
        part = "".join(f"-{x}" for x in (team, day.isoformat() if day else None) if x)
        return DocumentPreviewDialog.generate(
            self, self._tasks,
            lambda: prints.campaign_pdf(cid, kind, team_id=team_id, day=day, unmask=full,
                                        reason=reason)[0],
            title=self._print_titles().get(kind, words),
            file_name=f"{self._campaign_title()}{part}-{words}.pdf",
            label=self.tr("Making the document…"))

    def print_to(self, path: Path, kind: str, reason: str | None = None) -> None:
        """The Excel working copy, made on a worker and written atomically to ``path`` (with
        a ``reason``: the phones in full, checked and audited by the service)."""
        cid, prints = self._need_campaign(), self._ws.visit_prints()
        full = reason is not None

        def job(_ctx: object) -> Path:
            write_atomically(path, prints.campaign_xlsx(cid, unmask=full, reason=reason)[0])
            return path

        self.loading = True
        self._tasks.run(job, on_success=self._printed, on_error=self._failed,
                        label=self.tr("Making the document…"), parent=self)

    def _printed(self, path: Path) -> None:
        self.loading = False
        self.summary.setText(self.tr("Written: %1").replace("%1", str(path)))
