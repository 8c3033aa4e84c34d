"""疗休养: batches, eligibility explained per person, the roster (nominate, fill to quota,
confirm, decline with a reason, replace from the waiting list), printing roster and letters."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.money import to_fen, yuan
from desktop.core.texts import error_text, problem_text
from desktop.core.vocabulary import ORGANISER, RECUPERATION_STATUS, SEX
from desktop.errors import AppError, ValidationError
from desktop.files import write_atomically
from desktop.services.permissions import Perm
from desktop.services.visits.recuperation import (
    COST_PER_DAY_LIMIT_FEN,
    BatchDraft,
    RecuperationRules,
    default_batch_name,
)
from desktop.services.workspace import Workspace
from desktop.views.data_words import counted, without_count
from desktop.views.document_preview import DocumentPreviewDialog
from desktop.views.form_widgets import DateField, MoneyField, button_row, refill_combo
from desktop.views.gating import allowed, gate_children
from desktop.views.i18n import current_language, shown, word
from desktop.views.messages import present_error
from desktop.views.reason_dialog import ReasonDialog, masked_or_full_menu
from desktop.views.tasks import Task, TaskRunner
from desktop.views.visits.visit_table_model import RowsTableModel
from desktop.views.visits.visits_page import selected, table


class BatchDialog(QDialog):
    """A new recuperation batch and its rules (age limit, levels, 五一奖章)."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("batchDialog")
        self.setWindowTitle(self.tr("New recuperation batch"))
        self.setMinimumWidth(460)  # was 232 px wide (issue 14)
        self._ws = workspace
        self.saved_id: uuid.UUID | None = None
        year = dt.date.today().year + 1
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setValue(year)
        # Offered in Chinese in English mode too: it is printed in the letters (walk-through,
        # December 2026: "确定您参加2027 recuperation, batch 1"); it follows the year until typed.
        self.name = QLineEdit(default_batch_name(year), self)
        self.name.setObjectName("batchName")
        self.name.setToolTip(self.tr("Printed on the roster and in the letters, as it is here"))
        self.destination = QLineEdit(self)
        self.destination.setObjectName("batchDestination")
        self.start = DateField(self)
        self.start.setObjectName("batchStart")
        self.start.set_value(dt.date(year, 5, 10))
        self.days = QSpinBox(self)
        self.days.setRange(1, 30)
        self.days.setValue(5)
        self.quota = QSpinBox(self)
        self.quota.setObjectName("batchQuota")
        self.quota.setRange(1, 10000)
        self.quota.setValue(20)
        self.cost = MoneyField(self)
        self.cost.setObjectName("batchCost")
        self.cost.set_value(600)
        self.cost_warning = QLabel(self)
        self.cost_warning.setObjectName("batchCostWarning")
        self.cost_warning.setStyleSheet("color: #8a5a00")
        self.cost_warning.setWordWrap(True)
        self.cost_warning.hide()
        self.cost.textChanged.connect(lambda _t: self._cost_changed())
        self.organiser = QComboBox(self)
        for code in ORGANISER:  # the stored word as data, shown in the UI's language
            self.organiser.addItem(word(ORGANISER, code), code)
        self.organiser.setCurrentIndex(self.organiser.findData("市总"))
        self.year.valueChanged.connect(self._year_changed)
        self.max_age = QSpinBox(self)
        self.max_age.setRange(40, 100)
        self.max_age.setValue(65)
        self.problem = QLabel(self)
        self.problem.setStyleSheet("color: #b00020")
        self.problem.setWordWrap(True)
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        box.accepted.connect(self.save)
        box.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Year:"), self.year)
        form.addRow(self.tr("Batch name:"), self.name)
        form.addRow(self.tr("Destination / route:"), self.destination)
        form.addRow(self.tr("First day:"), self.start)
        form.addRow(self.tr("Days (with travel):"), self.days)
        form.addRow(self.tr("Places:"), self.quota)
        form.addRow(self.tr("Cost per day (yuan):"), self.cost)
        form.addRow("", self.cost_warning)
        form.addRow(self.tr("Organiser:"), self.organiser)
        form.addRow(self.tr("Age limit on the first day:"), self.max_age)
        form.addRow(self.problem)
        form.addRow(box)

    def _year_changed(self, year: int) -> None:
        """The offered name and first day follow the year while the clerk has not changed
        them (a batch for 2026 was offered as 2027's)."""
        if self.name.text() in (default_batch_name(year - 1), default_batch_name(year + 1)):
            self.name.setText(default_batch_name(year))
        start = self.start.value()
        if start is not None and start.year in (year - 1, year + 1) \
                and (start.month, start.day) != (2, 29):
            self.start.set_value(start.replace(year=year))

    def draft(self) -> BatchDraft:
        start = self.start.value() or dt.date(self.year.value(), 1, 1)
        cost = self.cost.value()
        return BatchDraft(
            year=self.year.value(), name=self.name.text(), destination=self.destination.text(),
            start_date=start, end_date=start + dt.timedelta(days=self.days.value() - 1),
            days=self.days.value(), quota=self.quota.value(),
            cost_per_day_fen=to_fen(cost) if cost is not None else 0,
            organiser=str(self.organiser.currentData()),
            rules=RecuperationRules(max_age=self.max_age.value()))

    def over_limit_words(self) -> str:
        """The warning when the cost per day is above the province's figure, else ''."""
        cost = self.cost.value()
        if cost is None or to_fen(cost) <= COST_PER_DAY_LIMIT_FEN:
            return ""
        return (self.tr("%1 yuan a day is above the province's limit of %2 yuan a person a "
                        "day for workers' recuperation.")
                .replace("%1", yuan(to_fen(cost))).replace("%2", yuan(COST_PER_DAY_LIMIT_FEN)))

    def _cost_changed(self) -> None:
        words = self.over_limit_words()
        self.cost_warning.setText(words)
        self.cost_warning.setVisible(bool(words))

    def save(self) -> None:
        over = self.over_limit_words()
        if over and QMessageBox.question(
                self, self.windowTitle(), over + "\n" + self.tr("Save the batch anyway?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No) != QMessageBox.StandardButton.Yes:
            self.cost.setFocus()
            return
        try:
            self.saved_id = self._ws.recuperation().create_batch(self.draft())
        except ValidationError as exc:
            self.problem.setText("\n".join(problem_text(p, current_language())
                                           for p in exc.problems))
            return
        except AppError as exc:
            present_error(self, exc)
            return
        self.accept()


class RecuperationPage(QWidget):
    """One batch at a time: who may go and why, and the roster."""

    def __init__(self, workspace: Workspace, tasks: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recuperationPage")
        self._ws = workspace
        self._tasks = tasks
        self.loading = False
        self.batch = QComboBox(self)
        self.batch.setObjectName("batchCombo")
        self.batch.setMinimumWidth(280)
        self.batch.currentIndexChanged.connect(lambda _i: self.load())
        top = button_row(self, [
            ("newBatch", self.tr("New batch…"), self.new_batch),
            ("fillBatch", self.tr("Fill to quota"), self.fill),
            ("printRoster", self.tr("Print roster…"), lambda: None),  # its menu below
            ("printLetters", self.tr("Letters…"), self.ask_letters),
        ])
        roster_button = self.findChild(QPushButton, "printRoster")
        assert roster_button is not None
        masked_or_full_menu(
            roster_button, workspace, "roster", self.print_roster,
            full_text=self.tr("Full ID numbers (travel insurance)…"),
            title=self.tr("Full ID numbers"),
            prompt=self.tr("Why does the roster need the full ID numbers and phones (e.g. "
                           "the travel insurance)? The reason is written to the audit log."))
        top.insertWidget(0, QLabel(self.tr("Batch:"), self))
        top.insertWidget(1, self.batch)
        self.summary = QLabel(self)
        self.summary.setObjectName("batchSummary")
        self.summary.setWordWrap(True)
        self.eligible_model = RowsTableModel([
            (self.tr("Rank"), lambda r: r.rank or ""), (self.tr("Name"), lambda r: r.name),
            (self.tr("District"), lambda r: r.district),
            (self.tr("Level"), lambda r: r.treatment_level),
            (self.tr("Age"), lambda r: r.age), (self.tr("Status"), lambda r: r.employment_status),
            (self.tr("Last time"), lambda r: r.last_year or self.tr("never")),
            (self.tr("Eligible"), lambda r: self.tr("yes") if r.eligible else self.tr("no")),
            (self.tr("On the roster"), lambda r: word(RECUPERATION_STATUS, r.on_roster)),
            (self.tr("Explanation"), lambda r: r.explained(current_language())),
        ], self)
        self.eligible_table = table(self, "eligibilityTable", self.eligible_model)
        self.roster_model = RowsTableModel([
            (self.tr("State"), lambda r: word(RECUPERATION_STATUS, r.status)),
            (self.tr("Name"), lambda r: r.name), (self.tr("Sex"), lambda r: shown(SEX, r.sex)),
            (self.tr("Age"), lambda r: r.age), (self.tr("Honors"), lambda r: r.honors),
            (self.tr("Work unit"), lambda r: r.work_unit),
            (self.tr("Status"), lambda r: r.employment_status),
            (self.tr("Health"), lambda r: r.health_status),
            (self.tr("Last time"), lambda r: r.last_year or ""),
            (self.tr("Phone"), lambda r: r.phone),
            (self.tr("Note"), lambda r: r.decline_reason),
        ], self)
        self.roster_table = table(self, "rosterTable", self.roster_model, stretch=4)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("recuperationTabs")
        page = QWidget(self)
        lay = QVBoxLayout(page)
        lay.addLayout(button_row(page, [("nominate", self.tr("Nominate selected"), self.nominate)]))
        lay.addWidget(self.eligible_table)
        self.tabs.addTab(page, self.tr("Eligibility"))
        page = QWidget(self)
        lay = QVBoxLayout(page)
        lay.addLayout(button_row(page, [
            ("confirmEntry", self.tr("Confirm"), self.confirm),
            ("declineEntry", self.tr("Declined…"), self.ask_decline),
            ("replaceEntry", self.tr("Replace from waiting list"), self.replace),
        ]))
        lay.addWidget(self.roster_table)
        self.tabs.addTab(page, self.tr("Roster"))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        # what the role may not do is disabled, with the reason (issue 14, point 6)
        gate_children(self, workspace.actor, dict.fromkeys(
            ("newBatch", "fillBatch", "nominate", "confirmEntry", "declineEntry",
             "replaceEntry"), Perm.EDIT_PERSONS))
        self.roster_table.selectionModel().selectionChanged.connect(self._roster_selected)
        self.eligible_table.selectionModel().selectionChanged.connect(self._eligible_selected)
        self._roster_selected()
        self._eligible_selected()

    def _eligible_selected(self) -> None:
        """将所选人员列入名单 waits for a chosen person (it did nothing without one)."""
        button = self.findChild(QPushButton, "nominate")
        if button is None or not self._ws.actor.can(Perm.EDIT_PERSONS):
            return  # gated for the role, with that reason
        chosen = bool(selected(self.eligible_table))
        button.setEnabled(chosen)
        button.setToolTip("" if chosen else self.tr("Select a person in the list first."))

    def _roster_selected(self) -> None:
        """从候补名单替补 only for a person who declined; otherwise disabled, saying why (the
        walk-through pressed it on a confirmed person and read 状态：当前状态下不能…)."""
        button = self.findChild(QPushButton, "replaceEntry")
        if button is None or not self._ws.actor.can(Perm.EDIT_PERSONS):
            return  # gated for the role, with that reason
        rows = selected(self.roster_table)
        # 确认 and 婉拒… wait for a person they apply to (they did nothing without a row)
        for name, statuses in (("confirmEntry", ("nominated",)),
                               ("declineEntry", ("nominated", "confirmed"))):
            other = self.findChild(QPushButton, name)
            if other is None:
                continue
            why = (self.tr("Select a person on the roster first.") if not rows else
                   "" if rows[0].status in statuses else
                   self.tr("%1 is %2.").replace("%1", rows[0].name)
                   .replace("%2", word(RECUPERATION_STATUS, rows[0].status)))
            other.setEnabled(not why)
            other.setToolTip(why)
        if not rows:
            button.setEnabled(False)
            button.setToolTip(self.tr("Select the row of a person who declined."))
        elif rows[0].status != "declined":
            button.setEnabled(False)
            button.setToolTip(error_text(AppError(f"recuperation_replace_{rows[0].status}",
                                                  name=rows[0].name), current_language()))
        else:
            button.setEnabled(True)
            button.setToolTip(self.tr("Give %1's place to the first eligible person on the "
                                      "waiting list.").replace("%1", rows[0].name))

    @property
    def batch_id(self) -> uuid.UUID | None:
        value = self.batch.currentData()
        return value if isinstance(value, uuid.UUID) else None

    def refresh(self) -> None:
        try:
            batches = self._ws.recuperation().batches()
        except AppError as exc:
            present_error(self, exc)
            return
        refill_combo(self.batch, [(f"{b.name}{counted(b.taken, b.quota)}", b.id)
                                  for b in batches])
        self.load()

    def load(self) -> None:
        bid = self.batch_id
        svc = self._ws.recuperation()

        def job(_ctx: object) -> tuple[Any, ...]:
            if bid is None:
                return None, [], []
            return svc.batch(bid), svc.eligibility(bid), svc.roster(bid)

        self.loading = True
        self._tasks.run(job, on_success=self._loaded, on_error=self._failed,
                        label=self.tr("Working out who may go…"), parent=self)

    def _failed(self, exc: BaseException) -> None:
        self.loading = False
        present_error(self, exc)

    def _loaded(self, result: tuple[Any, ...]) -> None:
        batch, eligibility, roster = result
        self.eligible_model.set_rows(eligibility)
        self.roster_model.set_rows(roster)
        self._roster_selected()
        self._eligible_selected()
        if batch is None:
            self.summary.setText(self.tr("No batch yet: create one with “New batch…”."))
        else:
            waiting = sum(1 for r in eligibility if r.eligible and r.on_roster is None)
            self.summary.setText(self.tr(
                "%1, %2 to %3, %4 days, %5 yuan a day (%6). Places %7, taken %8, "
                "confirmed %9; %10 eligible on the waiting list.")
                .replace("%10", str(waiting)).replace("%1", batch.destination)
                .replace("%2", batch.start_date.isoformat())
                .replace("%3", batch.end_date.isoformat()).replace("%4", str(batch.days))
                .replace("%5", yuan(batch.cost_per_day_fen))
                .replace("%6", shown(ORGANISER, batch.organiser))
                .replace("%7", str(batch.quota)).replace("%8", str(batch.taken))
                .replace("%9", str(batch.confirmed)))
        self.loading = False

    def _act(self, action: Callable[[], object]) -> bool:
        try:
            action()
        except AppError as exc:
            present_error(self, exc)
            return False
        self.refresh()
        return True

    def new_batch(self) -> None:
        if not allowed(self, self._ws.actor, Perm.EDIT_PERSONS):  # before the form
            return
        dialog = BatchDialog(self._ws, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved_id is not None:
            self.refresh()
            self.batch.setCurrentIndex(max(self.batch.findData(dialog.saved_id), 0))

    def _bid(self) -> uuid.UUID:
        if self.batch_id is None:
            raise AppError("not_found", entity="recuperation_batch", key="-")
        return self.batch_id

    def fill(self) -> None:
        if not allowed(self, self._ws.actor, Perm.EDIT_PERSONS):  # before the form
            return
        self._act(lambda: self._ws.recuperation().fill(self._bid()))

    def nominate(self) -> None:
        if not allowed(self, self._ws.actor, Perm.EDIT_PERSONS):  # before the form
            return
        rows = selected(self.eligible_table)
        if rows:
            self._act(lambda: self._ws.recuperation().nominate(self._bid(), rows[0].person_id))

    def confirm(self) -> None:
        if not allowed(self, self._ws.actor, Perm.EDIT_PERSONS):  # before the form
            return
        rows = selected(self.roster_table)
        if rows:
            self._act(lambda: self._ws.recuperation().confirm(rows[0].entry_id))

    def ask_decline(self) -> None:
        if not allowed(self, self._ws.actor, Perm.EDIT_PERSONS):  # before the form
            return
        rows = selected(self.roster_table)
        if not rows:
            return
        reason = ReasonDialog.ask(self, self.tr("Declined"),
                                  self.tr("Why does %1 not go?").replace("%1", rows[0].name))
        if reason:
            self.decline(rows[0].entry_id, reason)

    def decline(self, entry_id: uuid.UUID, reason: str) -> bool:
        return self._act(lambda: self._ws.recuperation().decline(entry_id, reason))

    def replace(self) -> None:
        if not allowed(self, self._ws.actor, Perm.EDIT_PERSONS):  # before the form
            return
        rows = selected(self.roster_table)
        if rows:
            self._act(lambda: self._ws.recuperation().replace(rows[0].entry_id))

    def print_roster(self, reason: str | None = None) -> Task | None:
        """疗休养名单 made by the service in the background, then previewed; with ``reason``
        the ID numbers and phones in full (permission checked and audited by the service)."""
        bid, prints = self._bid(), self._ws.visit_prints()
        name = without_count(self.batch.currentText()) or "疗休养"
        return DocumentPreviewDialog.generate(
            self, self._tasks, lambda: prints.recuperation_roster(
                bid, unmask=reason is not None, reason=reason)[0],
            title=self.tr("Recuperation roster"), file_name=f"{name}-疗休养名单.pdf",
            label=self.tr("Making the document…"))

    def ask_letters(self) -> None:
        """Every confirmed person's 疗休养通知书 in one preview (one letter a page), printed or
        saved like every document; refused (nobody confirmed) before any file dialog."""
        self.preview_letters()

    def preview_letters(self) -> Task | None:
        bid, prints = self._bid(), self._ws.visit_prints()
        name = without_count(self.batch.currentText()) or "疗休养"
        return DocumentPreviewDialog.generate(
            self, self._tasks, lambda: prints.letters_pdf(bid),
            title=self.tr("Recuperation letters"),
            file_name=f"{name}-疗休养通知书.pdf", label=self.tr("Making the document…"))

    def print_letters(self, folder: Path) -> None:
        """One 疗休养通知书 per confirmed person, each written whole into ``folder``."""
        bid, prints = self._bid(), self._ws.visit_prints()

        def job(_ctx: object) -> Path:
            for name, pdf in prints.letters(bid):
                write_atomically(folder / name, pdf)
            return folder
        self._run(job)

    def _run(self, job: Callable[[object], Path]) -> None:
        self.loading = True
        self._tasks.run(job, on_success=self._written, on_error=self._failed,
                        label=self.tr("Making the document…"), parent=self)

    def _written(self, path: Path) -> None:
        self.loading = False
        self.summary.setText(self.tr("Written: %1").replace("%1", str(path)))
