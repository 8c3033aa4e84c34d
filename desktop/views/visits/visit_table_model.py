"""A read-only table model over a list of DTO rows with one function per column (used by the
visit and recuperation pages for lists of up to tens of thousands of rows)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop.views.data_words import data_word

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
"""The DTO of a row (``index.data(ROW_ROLE)``)."""

Column = tuple[str, Callable[[Any], object]]


TOOLTIP_AFTER = 12  # characters


class RowsTableModel(QAbstractTableModel):
    """Holds DTOs; never queries in ``data()``; the owning widget calls ``set_rows``."""

    def __init__(self, columns: Sequence[Column], parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    @property
    def rows(self) -> list[Any]:
        return list(self._rows)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = self._columns[index.column()][1](row)
            return "" if value is None else data_word(str(value))
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ToolTipRole:  # a long text cut by a narrow column
            value = self._columns[index.column()][1](row)
            text = "" if value is None else data_word(str(value))
            return text if len(text) > TOOLTIP_AFTER else None
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self._columns)):
            return self._columns[section][0]
        return None
