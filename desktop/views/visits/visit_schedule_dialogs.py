"""Small dialogs of the schedule tab: a new team (leader and members from the staff list, a
new staff member on the spot), automatic scheduling, assigning selected visits."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QWidget,
)

from desktop.core.texts import problem_text
from desktop.core.vocabulary import TIME_SLOT
from desktop.errors import AppError, ValidationError
from desktop.services.visits.service import VisitService
from desktop.services.visits.types import CampaignDetail, TeamRow, VisitRow
from desktop.views.data_words import bracketed, with_colon
from desktop.views.form_widgets import DateField, push_button
from desktop.views.i18n import current_language, shown, word
from desktop.views.messages import present_error


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    box.rejected.connect(dialog.reject)
    return box


def _checked(widget: QListWidget) -> list[uuid.UUID]:
    out = []
    for n in range(widget.count()):
        item = widget.item(n)
        if item is not None and item.checkState() == Qt.CheckState.Checked:
            out.append(item.data(Qt.ItemDataRole.UserRole))
    return out


class TeamDialog(QDialog):
    """A new team: name, leader and members from the association staff list."""

    def __init__(self, service: VisitService, campaign_id: uuid.UUID,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teamDialog")
        self.setWindowTitle(self.tr("New team"))
        self._svc, self._campaign = service, campaign_id
        self.name = QLineEdit(self)
        self.name.setObjectName("teamName")
        self.leader = QComboBox(self)
        self.leader.setObjectName("teamLeader")
        self.members = QListWidget(self)
        self.members.setObjectName("teamMembers")
        self.problem = QLabel(self)
        self.problem.setStyleSheet("color: #b00020")
        box = _buttons(self)
        box.accepted.connect(self.save)
        form = QFormLayout(self)
        form.addRow(self.tr("Team name:"), self.name)
        form.addRow(self.tr("Leader:"), self.leader)
        form.addRow(self.tr("Members:"), self.members)
        form.addRow(push_button(self, "addStaff", self.tr("New staff member…"), self.ask_staff))
        form.addRow(self.problem)
        form.addRow(box)
        # the next free number: a second team was offered 第1组 again and refused as taken
        taken = {t.name for t in service.teams(campaign_id)}
        self.name.setText(next(name for n in range(1, len(taken) + 2)
                               if (name := self.tr("Team %1").replace("%1", str(n)))
                               not in taken))
        self._fill()

    def _fill(self) -> None:
        self.leader.clear()
        self.members.clear()
        self.leader.addItem(self.tr("(none)"), None)
        for st in self._svc.staff():
            label = st.name + bracketed(st.position) if st.position else st.name
            self.leader.addItem(label, st.id)
            item = QListWidgetItem(label, self.members)
            item.setData(Qt.ItemDataRole.UserRole, st.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)

    def ask_staff(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("New staff member"), self.tr("Name:"))
        if ok and name.strip():
            try:
                self._svc.add_staff(name)
            except AppError as exc:
                present_error(self, exc)
            self._fill()

    def save(self) -> None:
        leader = self.leader.currentData()
        try:
            self._svc.create_team(self._campaign, self.name.text(), leader,
                                  [m for m in _checked(self.members) if m != leader])
        except ValidationError as exc:
            self.problem.setText("\n".join(problem_text(p, current_language())
                                           for p in exc.problems))
            return
        except AppError as exc:
            present_error(self, exc)
            return
        self.accept()


class AutoScheduleDialog(QDialog):
    """Which teams, from which day, how many visits per team and day."""

    def __init__(self, teams: Sequence[TeamRow], campaign: CampaignDetail,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("autoScheduleDialog")
        self.setWindowTitle(self.tr("Schedule automatically"))
        self.teams = QListWidget(self)
        self.teams.setObjectName("scheduleTeams")
        for t in teams:
            item = QListWidgetItem(with_colon(t.name) + t.people_in(current_language()),
                                   self.teams)
            item.setData(Qt.ItemDataRole.UserRole, t.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
        self.first = DateField(self)
        self.first.setObjectName("scheduleFirstDay")
        self.first.set_value(max(campaign.start_date, dt.date.today()))
        self.per_day = QSpinBox(self)
        self.per_day.setObjectName("schedulePerDay")
        self.per_day.setRange(1, 200)
        self.per_day.setValue(12)
        box = _buttons(self)
        box.accepted.connect(self.accept)
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("Unscheduled visits are spread over the office's working "
                                   "days, neighbours together."), self))
        form.addRow(self.tr("Teams:"), self.teams)
        form.addRow(self.tr("First day:"), self.first)
        form.addRow(self.tr("Visits per team and day:"), self.per_day)
        form.addRow(box)

    def values(self) -> tuple[list[uuid.UUID], dt.date, int]:
        return (_checked(self.teams), self.first.value() or dt.date.today(),
                self.per_day.value())


class AssignDialog(QDialog):
    """Team, date and time slot for the selected visits."""

    def __init__(self, teams: Sequence[TeamRow], first: VisitRow,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("assignDialog")
        self.setWindowTitle(self.tr("Assign visits"))
        self.team = QComboBox(self)
        self.team.setObjectName("assignTeam")
        self.team.addItem(self.tr("(none)"), None)
        for t in teams:
            self.team.addItem(t.name, t.id)
        self.team.setCurrentIndex(max(self.team.findData(first.team_id), 0))
        self.day = DateField(self)
        self.day.setObjectName("assignDay")
        self.day.set_value(first.planned_date)
        self.slot = QComboBox(self)
        self.slot.setObjectName("assignSlot")
        self.slot.setEditable(True)
        # the half days in the UI's language; a time typed in (09:30) is kept as it is
        self.slot.addItems([*(word(TIME_SLOT, code) for code in TIME_SLOT), ""])
        self.slot.setCurrentText(shown(TIME_SLOT, first.time_slot))
        box = _buttons(self)
        box.accepted.connect(self.accept)
        form = QFormLayout(self)
        form.addRow(self.tr("Team:"), self.team)
        form.addRow(self.tr("Date:"), self.day)
        form.addRow(self.tr("Time slot:"), self.slot)
        form.addRow(box)

    def values(self) -> tuple[uuid.UUID | None, dt.date | None, str | None]:
        text = self.slot.currentText().strip()
        codes = {word(TIME_SLOT, code): code for code in TIME_SLOT}
        return self.team.currentData(), self.day.value(), codes.get(text, text) or None
