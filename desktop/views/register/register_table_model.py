"""The register table's item model: MemberRow DTOs, fetched from the service 200 at a time.

The owning page hands the model a ``fetch(sort, descending, offset, limit)`` callable bound to
the current filter, together with the total and the first page it already has. Scrolling asks
for more (``canFetchMore``/``fetchMore``); a header click re-queries with the SQL sort key, so
the order is that of the whole register, never a proxy's sort over the rows loaded so far.
``data()`` only reads the DTOs: no query ever runs while Qt paints.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from desktop.core.reference import LIFE_DECEASED
from desktop.core.vocabulary import LIFE_STATUS, SEX, TREATMENT_LEVEL
from desktop.services.register.types import MemberRow
from desktop.views.data_words import bracketed, data_word, joined
from desktop.views.i18n import shown, word

Fetch = Callable[[str, bool, int, int], Sequence[MemberRow]]
"""``fetch(sort_key, descending, offset, limit)`` -> the rows of the current filter."""

Index = QModelIndex | QPersistentModelIndex

PAGE_SIZE = 200
# data() runs for every role of every painted cell: plain ints compare fastest
_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
_FOREGROUND = Qt.ItemDataRole.ForegroundRole.value
_FONT = Qt.ItemDataRole.FontRole.value
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole.value
_RIGHT = (Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value
_FLAGS = (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
          | Qt.ItemFlag.ItemNeverHasChildren)
TOOLTIP_AFTER = 12  # characters: longer work units and honors get their full text as a tooltip
_GREY = QBrush(QColor("#8a8a8a"))
_RED = QBrush(QColor("#b00020"))


class RegisterTableModel(QAbstractTableModel):
    """A read-only table of model workers; ``IdRole`` gives the person's uuid."""

    IdRole = Qt.ItemDataRole.UserRole + 1
    _ID = Qt.ItemDataRole.UserRole.value + 1

    (NAME, SEX, AGE, DISTRICT, WORK_UNIT, LEVEL, HONOR, EMPLOYMENT, LIFE, PHONE, ID_NUMBER,
     RECUPERATION) = range(12)
    COLUMN_COUNT = 12
    SORT_KEYS: ClassVar[dict[int, str]] = {
        NAME: "name", AGE: "age", DISTRICT: "district", WORK_UNIT: "work_unit",
        LEVEL: "treatment_level", HONOR: "highest_honor", EMPLOYMENT: "employment_status",
        LIFE: "life_status",
    }

    resorted = Signal()  # after a header click re-queried the rows

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[MemberRow] = []
        self._cells: list[tuple[str, ...] | None] = []  # display texts, made when first painted
        self._total = 0
        self._fetch: Fetch | None = None
        self._sort_column = self.NAME
        self._descending = False
        self._headers = [
            self.tr("Name"), self.tr("Sex"), self.tr("Age"), self.tr("District"),
            self.tr("Work unit"),
            # short English titles: the default columns fit a 1366-pixel screen in English too
            self.tr("Level"), self.tr("Highest honor"),
            self.tr("Employment"), self.tr("Life"), self.tr("Phone"),
            self.tr("ID number"), self.tr("Recuperated"),
        ]
        self._no_honor = self.tr("(no kept title)")
        self._italic = QFont()
        self._italic.setItalic(True)
        self._flags = {"is_revoked": self.tr("title revoked"),
                       "is_emigrated": self.tr("emigrated"),
                       "is_lost_contact": self.tr("lost contact"),
                       "merged_into": self.tr("merged into another record")}

    # -- what the owning page calls ------------------------------------------------------------

    def set_source(self, fetch: Fetch | None, total: int, first: Sequence[MemberRow]) -> None:
        """Show a new result: ``total`` rows in all, ``first`` of them already fetched."""
        self.beginResetModel()
        self._fetch = fetch
        self._rows = list(first)
        self._cells = [None] * len(self._rows)
        self._total = max(total, len(self._rows))
        if fetch is None:
            self._total = len(self._rows)
        self.endResetModel()

    def clear(self) -> None:
        self.set_source(None, 0, ())

    @property
    def total(self) -> int:
        return self._total

    @property
    def loaded(self) -> int:
        return len(self._rows)

    @property
    def sort_key(self) -> str:
        return self.SORT_KEYS[self._sort_column]

    @property
    def sort_column(self) -> int:
        return self._sort_column

    @property
    def descending(self) -> bool:
        return self._descending

    def set_sort(self, column: int, descending: bool) -> None:
        """Choose the order of the next ``set_source`` without querying (restored state)."""
        if column in self.SORT_KEYS:
            self._sort_column, self._descending = column, descending

    def row(self, row: int) -> MemberRow:
        return self._rows[row]

    def row_of(self, person_id: object) -> int:
        """The row holding ``person_id`` among the rows loaded, or -1."""
        for i, r in enumerate(self._rows):
            if r.id == person_id:
                return i
        return -1

    # -- Qt's side -------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return (not parent.isValid() and self._fetch is not None
                and len(self._rows) < self._total)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        assert self._fetch is not None
        start = len(self._rows)
        more = list(self._fetch(self.sort_key, self._descending, start,
                                min(PAGE_SIZE, self._total - start)))
        if len(more) < min(PAGE_SIZE, self._total - start):
            # the register changed underneath (or the fetch failed): stop at what exists
            self._total = start + len(more)
        if not more:
            return
        self.beginInsertRows(QModelIndex(), start, start + len(more) - 1)
        self._rows.extend(more)
        self._cells.extend([None] * len(more))
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Re-query in the SQL order of ``column``; columns without a sort key are ignored."""
        descending = order == Qt.SortOrder.DescendingOrder
        if column not in self.SORT_KEYS:
            return
        if (column, descending) == (self._sort_column, self._descending):
            return
        self._sort_column, self._descending = column, descending
        if self._fetch is not None:
            first = self._fetch(self.sort_key, descending, 0,
                                max(PAGE_SIZE, min(len(self._rows), self._total)))
            self.set_source(self._fetch, self._total, first)
        self.resorted.emit()

    def flags(self, index: Index) -> Qt.ItemFlag:
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.COLUMN_COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.ToolTipRole and section not in self.SORT_KEYS:
            return self.tr("This column cannot be sorted.")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = index.row()
        if not 0 <= row < len(self._rows) or not index.isValid():
            return None
        col = index.column()
        if role == _DISPLAY:
            cells = self._cells[row]
            if cells is None:
                cells = self._cells[row] = self._texts(self._rows[row])
            return cells[col]
        r = self._rows[row]
        if role == _FOREGROUND:
            if col == self.HONOR and self._flagged(r):
                return _RED
            return _GREY if r.life_status == LIFE_DECEASED else None
        if role == _ALIGNMENT:
            return _RIGHT if col in (self.AGE, self.RECUPERATION) else None
        if role == _FONT:
            return self._italic if col == self.HONOR and self._flagged(r) else None
        if role == _TOOLTIP:
            return self._tooltip(r, col)
        if role == self._ID:
            return r.id
        return None

    # -- presentation --------------------------------------------------------------------------

    def _texts(self, r: MemberRow) -> tuple[str, ...]:
        """What each column shows of ``r``, in column order."""
        marks = self._marks(r)
        honor = r.highest_honor or self._no_honor
        return (
            r.name, shown(SEX, r.sex), word(LIFE_STATUS, r.life_status)
            if r.life_status == LIFE_DECEASED else "" if r.age is None else str(r.age),
            r.district, r.work_unit,
            word(TREATMENT_LEVEL, r.treatment_level),
            honor + bracketed(joined(marks, "、")) if marks else honor,
            data_word(r.employment_status or ""), word(LIFE_STATUS, r.life_status),
            r.phone, r.id_number,
            "" if r.last_recuperation_year is None else str(r.last_recuperation_year),
        )

    def _marks(self, r: MemberRow) -> list[str]:
        """Why a person is out of the active lists: revoked, emigrated, lost contact, merged
        (read only when the DTO carries those flags)."""
        return [text for attr, text in self._flags.items() if getattr(r, attr, None)]

    def _flagged(self, r: MemberRow) -> bool:
        """Shown in red italics: no kept title (all revoked) or out of the active lists."""
        return not r.highest_honor or bool(self._marks(r))

    def _tooltip(self, r: MemberRow, col: int) -> str | None:
        if col == self.WORK_UNIT and len(r.work_unit) > TOOLTIP_AFTER:
            return r.work_unit
        if col == self.HONOR:
            text = self._texts(r)[col]
            return text if len(text) > TOOLTIP_AFTER else None
        if col == self.NAME and r.life_status == LIFE_DECEASED:
            return self.tr("%1 (deceased)").replace("%1", r.name)
        if col == self.AGE and r.birth_date is None and r.birth_year is not None:
            return self.tr("Born in %1: the age reached this year (the day of birth is "
                           "hidden with the ID number).").replace("%1", str(r.birth_year))
        return None
