"""The calendar (week) view of a campaign's schedule: one row per team, one column per day,
each cell listing the visits in route order; office holidays and weekends are marked."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.reference import LIFE_DECEASED
from desktop.core.reference_words import HOLIDAY
from desktop.core.vocabulary import TIME_SLOT
from desktop.services.holidays import Calendar
from desktop.services.visits.types import TeamRow, VisitRow
from desktop.views.data_words import bracketed
from desktop.views.form_widgets import push_button
from desktop.views.i18n import shown

CLOSED = QColor(250, 230, 230)


class VisitWeekView(QWidget):
    """Shows one week at a time; ``set_data`` gives it the visits, teams and calendar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("visitWeekView")
        self._visits: list[VisitRow] = []
        self._teams: list[TeamRow] = []
        self._calendar: Calendar | None = None
        self.monday = dt.date.today() - dt.timedelta(days=dt.date.today().weekday())
        self.label = QLabel(self)
        self.label.setObjectName("weekLabel")
        self.table = QTableWidget(0, 7, self)
        self.table.setObjectName("weekTable")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        # A row's height is measured for the day columns' widths, which are only known once
        # the table is on screen (stretched); measured while the tab was hidden, every name
        # wrapped letter by letter and the rows grew 1,500 pixels tall, their text centred
        # out of sight (the walk-through, December 2026). Measured again once they changed
        # (after the header's whole pass: inside it the other columns are still narrow).
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(0)
        self._refit.timeout.connect(self._fit_rows)
        self.table.horizontalHeader().sectionResized.connect(self._refit.start)
        bar = QHBoxLayout()
        bar.addWidget(push_button(self, "weekPrevious", self.tr("◀ Previous week"),
                                  lambda: self.show_week(self.monday - dt.timedelta(days=7))))
        bar.addWidget(self.label, 1)
        bar.addWidget(push_button(self, "weekNext", self.tr("Next week ▶"),
                                  lambda: self.show_week(self.monday + dt.timedelta(days=7))))
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

    def set_data(self, visits: Sequence[VisitRow], teams: Sequence[TeamRow],
                 calendar: Calendar | None) -> None:
        self._visits, self._teams, self._calendar = list(visits), list(teams), calendar
        days = sorted(v.planned_date for v in visits if v.planned_date)
        first = days[0] if days else dt.date.today()
        self.show_week(first - dt.timedelta(days=first.weekday()))

    def show_week(self, monday: dt.date) -> None:
        self.monday = monday
        days = [monday + dt.timedelta(days=n) for n in range(7)]
        names = [self.tr("Mon"), self.tr("Tue"), self.tr("Wed"), self.tr("Thu"),
                 self.tr("Fri"), self.tr("Sat"), self.tr("Sun")]
        headers = []
        for day, name in zip(days, names, strict=True):
            closed = self._calendar.office_closed(day) if self._calendar else None
            text = f"{day.month}/{day.day} {name}"
            if closed and closed != "周末":
                text += "\n" + shown(HOLIDAY, closed)  # the holiday's name in the UI language
            headers.append(text)
        self.table.setHorizontalHeaderLabels(headers)
        cells: dict[tuple[object, dt.date], list[VisitRow]] = defaultdict(list)
        for v in self._visits:
            if v.planned_date is not None and monday <= v.planned_date < days[-1] + \
                    dt.timedelta(days=1):
                cells[(v.team_id, v.planned_date)].append(v)
        rows: list[tuple[object, str]] = [(t.id, t.name) for t in self._teams]
        if any(key[0] is None for key in cells):
            rows.append((None, self.tr("No team")))
        self.table.setRowCount(len(rows))
        self.table.setVerticalHeaderLabels([name for _id, name in rows])
        for r, (team_id, _name) in enumerate(rows):
            for c, day in enumerate(days):
                visits = sorted(cells.get((team_id, day), []),
                                key=lambda v: (v.time_slot, v.route_order or 0))
                # full-width brackets in Chinese, ASCII ones in English (the walk-through)
                lines = [f"{shown(TIME_SLOT, v.time_slot)} {v.route_order or ''}. "
                         + v.name + bracketed(self._where(v)) for v in visits[:12]]
                if len(visits) > 12:
                    lines.append(self.tr("… and %1 more").replace("%1", str(len(visits) - 12)))
                item = QTableWidgetItem("\n".join(lines))
                item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                closed = self._calendar.office_closed(day) if self._calendar else None
                if closed:
                    item.setBackground(CLOSED)
                self.table.setItem(r, c, item)
        self.label.setText(self.tr("Week of %1").replace("%1", monday.isoformat()))

    def _fit_rows(self) -> None:
        self.table.verticalHeader().resizeSections(QHeaderView.ResizeMode.ResizeToContents)

    def _where(self, v: VisitRow) -> str:
        """The township (or district) after the name; a deceased person's visit is to the
        family, said first, as on the printed list (the team must not ask for the dead)."""
        where = v.area or v.district
        if v.life_status != LIFE_DECEASED:
            return where
        return self.tr("deceased, %1").replace("%1", where)
