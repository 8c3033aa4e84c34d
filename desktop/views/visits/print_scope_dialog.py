"""Which part of an approved campaign's visit list or receipt sheet to print: all of it, one
team (all its days) or one team on one day. The walk-through printed the whole approved list,
141 pages, to hand each team its day; the service and ``laomo report visit-list --team --day``
could already print a team's day."""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter
from collections.abc import Sequence

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QWidget,
)

from desktop.services.visits.types import TeamRow, VisitRow
from desktop.views.data_words import bracketed

Scope = tuple[uuid.UUID | None, dt.date | None]
"""(team, day): (None, None) the whole list; (team, None) one team on all its days."""


class PrintScopeDialog(QDialog):
    """The whole list, one team, or one team on one of its scheduled days."""

    def __init__(self, title: str, teams: Sequence[TeamRow], visits: Sequence[VisitRow],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("printScopeDialog")
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        self._days: dict[uuid.UUID, Counter[dt.date]] = {t.id: Counter() for t in teams}
        for v in visits:
            if v.team_id in self._days and v.planned_date is not None:
                self._days[v.team_id][v.planned_date] += 1
        self.whole = QRadioButton(self.tr("The whole list"), self)
        self.whole.setObjectName("scopeWhole")
        self.one_team = QRadioButton(self.tr("One team, all its days"), self)
        self.one_team.setObjectName("scopeTeam")
        self.team_day = QRadioButton(self.tr("One team on one day"), self)
        self.team_day.setObjectName("scopeTeamDay")
        group = QButtonGroup(self)
        for button in (self.whole, self.one_team, self.team_day):
            group.addButton(button)
        self.whole.setChecked(True)
        self.team = QComboBox(self)
        self.team.setObjectName("scopeTeamCombo")
        for t in teams:
            self.team.addItem(t.name + bracketed(str(sum(self._days[t.id].values()))), t.id)
        self.day = QComboBox(self)
        self.day.setObjectName("scopeDayCombo")
        self.note = QLabel(self)
        self.note.setObjectName("scopeNote")
        self.note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.whole)
        form.addRow(self.one_team)
        form.addRow(self.team_day)
        form.addRow(self.tr("Team:"), self.team)
        form.addRow(self.tr("Day:"), self.day)
        form.addRow(self.note)
        form.addRow(self.buttons)
        self.team.currentIndexChanged.connect(lambda _i: self._fill_days())
        group.buttonToggled.connect(lambda *_a: self._update())
        self._fill_days()

    def _fill_days(self) -> None:
        self.day.clear()
        team_id = self.team.currentData()
        for day, n in sorted(self._days.get(team_id, Counter()).items()):
            self.day.addItem(day.isoformat() + bracketed(str(n)), day)
        self._update()

    def _update(self) -> None:
        by_team = not self.whole.isChecked()
        self.team.setEnabled(by_team)
        self.day.setEnabled(self.team_day.isChecked())
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        missing = ""
        if by_team and self.team.count() == 0:
            missing = self.tr("The campaign has no team yet.")
        elif self.team_day.isChecked() and self.day.count() == 0:
            missing = self.tr("This team has no scheduled day yet.")
        self.note.setText(missing)
        if isinstance(ok, QPushButton):
            ok.setEnabled(not missing)

    def scope(self) -> Scope:
        if self.whole.isChecked():
            return None, None
        team_id = self.team.currentData()
        day = self.day.currentData() if self.team_day.isChecked() else None
        return (team_id if isinstance(team_id, uuid.UUID) else None,
                day if isinstance(day, dt.date) else None)

    @classmethod
    def ask(cls, parent: QWidget, title: str, teams: Sequence[TeamRow],
            visits: Sequence[VisitRow]) -> Scope | None:
        """The chosen part, or None when cancelled."""
        dialog = cls(title, teams, visits, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.scope()
