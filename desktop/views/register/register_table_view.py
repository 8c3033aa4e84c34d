"""The register's table view: fixed-height rows (fast at any length), SQL sorting by header,
a column chooser in the header's context menu, and the layout kept in the preferences."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QWidget

from desktop.views.preferences import Preferences
from desktop.views.register.register_table_model import RegisterTableModel

log = logging.getLogger(__name__)

HEADER_KEY = "register_header"
COLUMN_WIDTHS = (62, 38, 42, 64, 190, 62, 175, 74, 62, 104, 150)
ELASTIC = (RegisterTableModel.WORK_UNIT, RegisterTableModel.HONOR)
"""Columns that give way when the default layout is wider than the window (elided)."""
ELASTIC_MIN = 80


class RegisterTableView(QTableView):
    """Emits ``open_requested`` on Enter or a double click on a row."""

    open_requested = Signal()

    def __init__(self, model: RegisterTableModel, preferences: Preferences,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("registerTable")
        self._model = model
        self._prefs = preferences
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        rows = self.verticalHeader()
        rows.setVisible(False)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no per-row measuring
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        for column, width in enumerate(COLUMN_WIDTHS):  # never narrower than the title
            header.resizeSection(column, max(width, header.sectionSizeHint(column)))
        header.setSortIndicator(RegisterTableModel.NAME, Qt.SortOrder.AscendingOrder)
        state = preferences.window_state(HEADER_KEY)
        restored = state is not None and header.restoreState(state)
        if state is not None and not restored:
            log.info("ignoring a saved register header layout that no longer fits")
        # until the user drags a column edge, the columns are ours to fit to the window (a
        # layout saved by the program's own fitting must not keep it from fitting next time)
        self._default_layout = True
        self._fitted_width = -1
        self._fitting = False
        for column in range(header.count()):  # widths saved in the other language (issue 14)
            if header.sectionSize(column) < header.sectionSizeHint(column):
                header.resizeSection(column, header.sectionSizeHint(column))
        if header.sortIndicatorSection() not in RegisterTableModel.SORT_KEYS:
            header.setSortIndicator(RegisterTableModel.NAME, Qt.SortOrder.AscendingOrder)
        # the model learns the saved order before its first query; enabling sorting then asks
        # it to sort by the same column, which it ignores
        model.set_sort(header.sortIndicatorSection(),
                       header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder)
        self.setSortingEnabled(True)

        self._save_timer = QTimer(self)  # dragging a column edge resizes many times a second
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(800)
        self._save_timer.timeout.connect(self.save_layout)
        header.customContextMenuRequested.connect(self._header_menu)
        header.sortIndicatorChanged.connect(self._sort_indicator_changed)
        for signal in (header.sectionResized, header.sectionMoved):
            signal.connect(lambda *_: self._save_timer.start())
        header.sectionResized.connect(self._resized)
        model.resorted.connect(self.save_layout)
        model.modelReset.connect(self.fit_columns)
        self.doubleClicked.connect(lambda _index: self.open_requested.emit())

    def _resized(self, column: int, _old: int, _new: int) -> None:
        header = self.horizontalHeader()
        # the stretched last column is resized by Qt itself, with the window
        if not self._fitting and column != header.logicalIndex(header.count() - 1):
            self._default_layout = False  # the user's widths stay

    def fit_columns(self) -> None:
        """Widen a column whose title or text (of the rows in view) would be cut, never
        narrow one the user sized (issue 14, point 15). In the default layout the work unit
        and the honor give way so that every column fits the window (at 1366 pixels the ID
        number's last digits and 上次疗休养 were off the edge); they are elided, their
        tooltips whole."""
        header = self.horizontalHeader()
        last = header.logicalIndex(header.count() - 1)  # it stretches
        self._fitting = True
        try:
            for column in range(header.count()):
                if column == last or header.isSectionHidden(column):
                    continue
                need = max(header.sectionSizeHint(column), self.sizeHintForColumn(column))
                if header.sectionSize(column) < need:
                    header.resizeSection(column, need)
            if self._default_layout:
                self._give_way(header, last)
        finally:
            self._fitting = False

    def _give_way(self, header: QHeaderView, last: int) -> None:
        """Narrow the elastic columns (never below their title or ``ELASTIC_MIN``) by what
        the shown columns overflow the viewport."""
        width = self.viewport().width()
        shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
        if width <= 0 or not shown:
            return
        # the stretched last column counts only what its title and text need
        need_last = max(header.sectionSizeHint(last), self.sizeHintForColumn(last),
                        header.defaultSectionSize())
        total = sum(header.sectionSize(c) for c in shown if c != last) + (
            need_last if last in shown else 0)
        over = total - width
        slack = {c: header.sectionSize(c) - max(ELASTIC_MIN, header.sectionSizeHint(c))
                 for c in ELASTIC if c in shown and c != last}
        slack = {c: room for c, room in slack.items() if room > 0}
        while over > 0 and slack:  # shared out; what one cannot give, the others do
            share = -(-over // len(slack))
            for column in list(slack):
                cut = min(share, slack[column], over)
                header.resizeSection(column, header.sectionSize(column) - cut)
                over -= cut
                slack[column] -= cut
                if slack[column] <= 0:
                    del slack[column]

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self._default_layout \
                and self.viewport().width() != self._fitted_width:
            self._fitted_width = self.viewport().width()
            QTimer.singleShot(0, self.fit_columns)  # a scroll bar came, or the window grew
        return super().viewportEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fit_columns()  # the final font and style are known once shown

    def save_layout(self) -> None:
        """Column order, widths, hidden columns and sort order, restored next time."""
        self._save_timer.stop()
        self._prefs.set_window_state(HEADER_KEY, self.horizontalHeader().saveState())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_requested.emit()
            return
        super().keyPressEvent(event)

    # -- column chooser -------------------------------------------------------------------------

    def column_menu(self) -> QMenu:
        """The header's context menu: one checkable entry per column (the last one stays)."""
        header = self.horizontalHeader()
        menu = QMenu(self)
        menu.setObjectName("columnMenu")
        count = self._model.columnCount()
        shown = [c for c in range(count) if not header.isSectionHidden(c)]
        for c in range(count):
            action = menu.addAction(str(self._model.headerData(c, Qt.Orientation.Horizontal)))
            action.setObjectName(f"column_{c}")
            action.setCheckable(True)
            action.setChecked(c in shown)
            action.setEnabled(shown != [c])
            action.toggled.connect(lambda on, c=c: self.set_column_visible(c, on))
        menu.addSeparator()
        reset = menu.addAction(self.tr("Show all columns"))
        reset.setObjectName("showAllColumns")
        reset.triggered.connect(self._show_all_columns)
        return menu

    def _header_menu(self, pos: QPoint) -> None:
        menu = self.column_menu()
        menu.exec(self.horizontalHeader().mapToGlobal(pos))
        menu.deleteLater()

    def set_column_visible(self, column: int, visible: bool) -> None:
        self.horizontalHeader().setSectionHidden(column, not visible)
        self.save_layout()

    def _show_all_columns(self) -> None:
        for c in range(self._model.columnCount()):
            self.horizontalHeader().setSectionHidden(c, False)
        self.save_layout()

    # -- sorting --------------------------------------------------------------------------------

    def _sort_indicator_changed(self, column: int, _order: Qt.SortOrder) -> None:
        if column not in RegisterTableModel.SORT_KEYS:  # the model ignored it: say so
            QTimer.singleShot(0, self._restore_sort_indicator)

    def _restore_sort_indicator(self) -> None:
        order = (Qt.SortOrder.DescendingOrder if self._model.descending
                 else Qt.SortOrder.AscendingOrder)
        self.horizontalHeader().setSortIndicator(self._model.sort_column, order)
