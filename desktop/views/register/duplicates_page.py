"""疑似重复: pairs of records that may be one person; dismiss, merge, undo a merge."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.vocabulary import LIFE_STATUS, SEX
from desktop.errors import AppError
from desktop.services.register.types import DuplicatePair, MemberRow
from desktop.services.workspace import Workspace
from desktop.views.data_words import bracketed, joined
from desktop.views.i18n import shown, word
from desktop.views.messages import present_error
from desktop.views.reason_dialog import ReasonDialog
from desktop.views.register.merge_dialog import MergeDialog
from desktop.views.register.person_dialog import PersonDialog
from desktop.views.tasks import TaskRunner

MAX_PAIRS = 500


def reason_label(code: str) -> str:
    labels = {
        "same_id_number": QCoreApplication.translate("Duplicates", "same ID number"),
        "same_name_birth": QCoreApplication.translate("Duplicates", "same name and birth date"),
        "similar_name": QCoreApplication.translate("Duplicates", "similar name"),
        "same_name": QCoreApplication.translate("Duplicates", "same name"),
        "same_name_other_sex": QCoreApplication.translate(
            "Duplicates", "same name (different sex)"),
        "same_phone": QCoreApplication.translate("Duplicates", "same phone"),
    }
    return labels.get(code, code)


def _record_text(m: MemberRow) -> str:
    born = m.birth_shown or "?"
    first = " · ".join(p for p in (m.name, shown(SEX, m.sex), born, m.district) if p)
    if m.life_status == "deceased":
        first += bracketed(word(LIFE_STATUS, m.life_status))
    second = " · ".join(p for p in (m.work_unit, m.phone) if p)
    return f"{first}\n{second}" if second else first


class DuplicatesPage(QWidget):
    """Candidate pairs, strongest first, loaded in the background."""

    def __init__(self, workspace: Workspace, tasks: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("duplicatesPage")
        self._ws = workspace
        self._tasks = tasks
        self._pairs: list[DuplicatePair] = []
        self.merges: list[tuple[uuid.UUID, str]] = []  # merges done here: (event id, label)
        self.loading = False
        self.summary = QLabel(self)
        self.summary.setObjectName("duplicatesSummary")
        refresh = QPushButton(self.tr("Search again"), self)
        refresh.setObjectName("refreshDuplicates")
        refresh.clicked.connect(self.refresh)
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("duplicatesTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("Record 1"), self.tr("Record 2"), self.tr("Why"), self.tr("Score")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.table.cellDoubleClicked.connect(self._open)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.dismiss_button = QPushButton(self.tr("Not the same person…"), self)
        self.dismiss_button.setObjectName("dismissPair")
        self.dismiss_button.clicked.connect(self.dismiss)
        self.merge_button = QPushButton(self.tr("Merge…"), self)
        self.merge_button.setObjectName("mergePair")
        self.merge_button.clicked.connect(self.merge)
        self.merges_list = QListWidget(self)
        self.merges_list.setObjectName("sessionMerges")
        self.merges_list.setMaximumHeight(90)
        self.undo_button = QPushButton(self.tr("Undo merge…"), self)
        self.undo_button.setObjectName("undoMerge")
        self.undo_button.clicked.connect(self.undo_merge)
        self.merges_list.itemSelectionChanged.connect(self._update_buttons)

        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(refresh)
        actions = QHBoxLayout()
        actions.addWidget(self.dismiss_button)
        actions.addWidget(self.merge_button)
        actions.addStretch(1)
        hint = QLabel(self.tr("Double-click a record to open it."), self)
        hint.setStyleSheet("color: #555")
        actions.addWidget(hint)
        undo_row = QHBoxLayout()
        undo_row.addWidget(self.merges_list, 1)
        undo_row.addWidget(self.undo_button, 0, Qt.AlignmentFlag.AlignTop)
        self.merges_label = QLabel(self.tr("Merged in this session:"), self)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.merges_label)
        layout.addLayout(undo_row)
        self._show_merges()
        self._update_buttons()

    # -- loading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        if self.loading:
            return
        self.loading = True
        self.summary.setText(self.tr("Looking for records that may be the same person…"))
        service = self._ws.duplicates()
        self._tasks.run(lambda _ctx: service.candidates(limit=MAX_PAIRS),
                        on_success=self._loaded, on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.loading = False
        self.summary.setText("")
        present_error(self, exc)

    def _loaded(self, pairs: list[DuplicatePair]) -> None:
        self.loading = False
        self._pairs = pairs
        self.summary.setText(self.tr("%n pair(s) of records may be the same person.", "",
                                     len(pairs)))
        self.table.setRowCount(len(pairs))
        for r, pair in enumerate(pairs):
            values = [_record_text(pair.a), _record_text(pair.b),
                      joined((reason_label(c) for c in pair.reasons), "、"), f"{pair.score:.0%}"]
            for c, text in enumerate(values):
                item = QTableWidgetItem(text)
                if c == 3:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        self.table.resizeRowsToContents()
        self._update_buttons()

    def _selected(self) -> DuplicatePair | None:
        r = self.table.currentRow()
        return self._pairs[r] if 0 <= r < len(self._pairs) and self.table.selectedItems() \
            else None

    def _update_buttons(self) -> None:
        has_pair = self._selected() is not None
        self.dismiss_button.setEnabled(has_pair)
        self.merge_button.setEnabled(has_pair)
        self.undo_button.setEnabled(self.merges_list.currentRow() >= 0)

    # -- actions ---------------------------------------------------------------------------

    def dismiss(self) -> None:
        pair = self._selected()
        if pair is None:
            return
        reason = ReasonDialog.ask(self, self.tr("Not the same person"), self.tr(
            "Why are %1 and %2 different people? The pair will not be proposed again.")
            .replace("%1", pair.a.name).replace("%2", pair.b.name))
        if reason is None:
            return
        try:
            self._ws.duplicates().dismiss(pair.a.id, pair.b.id, reason)
        except AppError as exc:
            present_error(self, exc)
        self.refresh()

    def merge(self) -> None:
        pair = self._selected()
        if pair is None:
            return
        answer = MergeDialog.ask(pair, self)
        if answer is None:
            return
        keep_id, duplicate_id, reason = answer
        keep, other = (pair.a, pair.b) if keep_id == pair.a.id else (pair.b, pair.a)
        try:
            event_id = self._ws.duplicates().merge(keep_id, duplicate_id, reason=reason)
        except AppError as exc:
            present_error(self, exc)
            self.refresh()
            return
        label = self.tr("%1 (kept) ← %2").replace("%1", _record_text(keep).split("\n")[0]) \
            .replace("%2", _record_text(other).split("\n")[0])
        self.merges.append((event_id, label))
        self._show_merges()
        self.refresh()

    def undo_merge(self) -> None:
        row = self.merges_list.currentRow()
        if not 0 <= row < len(self.merges):
            return
        event_id, label = self.merges[row]
        reason = ReasonDialog.ask(self, self.tr("Undo merge"), self.tr(
            "Why undo this merge? Both records are restored as they were.\n%1")
            .replace("%1", label))
        if reason is None:
            return
        try:
            self._ws.duplicates().undo_merge(event_id, reason=reason)
        except AppError as exc:
            present_error(self, exc)
            return
        self.merges.pop(row)
        self._show_merges()
        self.refresh()

    def _show_merges(self) -> None:
        self.merges_list.clear()
        for _event_id, label in self.merges:
            QListWidgetItem(label, self.merges_list)
        visible = bool(self.merges)
        for w in (self.merges_label, self.merges_list, self.undo_button):
            w.setVisible(visible)
        if visible:
            self.merges_list.setCurrentRow(len(self.merges) - 1)
        self._update_buttons()

    def _open(self, row: int, column: int) -> None:
        if not 0 <= row < len(self._pairs) or column > 1:
            return
        pair = self._pairs[row]
        person = pair.a if column == 0 else pair.b
        if PersonDialog.edit(self._ws, person.id, self):
            self.refresh()
