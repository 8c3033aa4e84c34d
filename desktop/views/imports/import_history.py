"""导入记录: the past imports (date, file, counts, who) with undo, not only on the result page
of the import just made (issue 14, point 14)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import AppError
from desktop.services.imports.importer import ImportService
from desktop.services.imports.types import ImportBatchRow
from desktop.views.data_words import local_minute
from desktop.views.form_widgets import push_button
from desktop.views.messages import describe


def _local(moment: dt.datetime) -> str:
    return local_minute(moment)


class ImportHistoryDialog(QDialog):
    """Newest first; 撤销 takes a batch back (refused, with the reason, when one of its persons
    was edited since)."""

    def __init__(self, service: ImportService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importHistoryDialog")
        self.setWindowTitle(self.tr("Past imports"))
        self.resize(760, 420)
        self._service = service
        self.batches: list[ImportBatchRow] = []
        self.table = QTableWidget(0, 7, self)
        self.table.setObjectName("importHistoryTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("Imported"), self.tr("File"), self.tr("New"), self.tr("Updated"),
            self.tr("By"), self.tr("State"), self.tr("Batch")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for column in range(self.table.columnCount()):  # times and counts whole, the file wide
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch if column == 1
                                        else QHeaderView.ResizeMode.ResizeToContents)
        self.status = QLabel(self)
        self.status.setObjectName("importHistoryStatus")
        self.status.setWordWrap(True)
        self.undo_button = push_button(self, "undoImport", self.tr("Undo the import…"),
                                       self.ask_undo)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.undo_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.table.itemSelectionChanged.connect(self._selection)
        self.refresh()

    def refresh(self) -> None:
        try:
            self.batches = self._service.batches()
        except AppError as exc:
            self.status.setText(describe(exc))
            self.batches = []
        self.table.setRowCount(len(self.batches))
        for r, b in enumerate(self.batches):
            state = (self.tr("undone %1").replace("%1", _local(b.undone_at))
                     if b.undone_at else "")
            values = [_local(b.created_at), b.file_name, str(b.counts.get("new", 0)),
                      str(b.counts.get("updated", 0)), b.created_by, state,
                      str(b.id)[:8]]  # the short id the import's result page and the CLI name
            for c, v in enumerate(values):
                item = QTableWidgetItem(v)
                if c in (2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                if b.undone_at:
                    item.setForeground(Qt.GlobalColor.gray)
                self.table.setItem(r, c, item)
        if not self.batches and not self.status.text():
            self.status.setText(self.tr("No import yet."))
        self._selection()

    def selected(self) -> ImportBatchRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.batches[rows[0].row()] if rows else None

    def _selection(self) -> None:
        b = self.selected()
        self.undo_button.setEnabled(b is not None and b.undone_at is None)

    def ask_undo(self) -> None:
        b = self.selected()
        if b is None or b.undone_at is not None:
            return
        answer = QMessageBox.question(self, self.windowTitle(), self.tr(
            "Undo the import of %1 (%2)? Its %3 new person(s) are removed and its %4 update(s) "
            "restored.").replace("%1", b.file_name).replace("%2", _local(b.created_at))
            .replace("%3", str(b.counts.get("new", 0)))
            .replace("%4", str(b.counts.get("updated", 0))))
        if answer == QMessageBox.StandardButton.Yes:
            self.undo(b)

    def undo(self, batch: ImportBatchRow) -> bool:
        try:
            count = self._service.undo(batch.id)
        except AppError as exc:
            self.status.setText(describe(exc))
            return False
        self.refresh()
        self.status.setText(self.tr("Import undone: %n person(s).", "", count))
        return True
