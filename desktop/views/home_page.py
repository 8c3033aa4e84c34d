"""首页: the register in figures, by district and treatment level."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.reference import TREATMENT_LEVELS
from desktop.core.vocabulary import TREATMENT_LEVEL
from desktop.services.overview import Overview
from desktop.services.workspace import Workspace
from desktop.views.i18n import word
from desktop.views.messages import present_error
from desktop.views.tasks import TaskRunner


class HomePage(QWidget):
    """Counts load in the background so the window is usable at once."""

    def __init__(self, workspace: Workspace, tasks: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("homePage")
        self._workspace = workspace
        self._tasks = tasks
        info = workspace.association
        self.heading = QLabel(f"<h2>{info.title}</h2>", self)
        self.heading.setObjectName("homeHeading")
        self.summary = QLabel(self.tr("Loading the figures…"), self)
        self.summary.setObjectName("summaryLabel")
        self.table = QTableWidget(0, 3 + len(TREATMENT_LEVELS) + 1, self)
        self.table.setObjectName("districtTable")
        headers = [self.tr("District"), self.tr("Model workers"), self.tr("Living")]
        headers += [word(TREATMENT_LEVEL, level) for level in TREATMENT_LEVELS]
        headers.append(self.tr("No level"))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)

    def refresh(self) -> None:
        self._tasks.run(lambda _ctx: self._workspace.overview().summary(),
                        on_success=self._show, on_error=lambda e: present_error(self, e))

    def _show(self, overview: Overview) -> None:
        self.summary.setText(
            self.tr("%1 model workers in the register: %2 living, %3 deceased.")
            .replace("%1", f"{overview.total:,}").replace("%2", f"{overview.alive:,}")
            .replace("%3", f"{overview.deceased:,}"))
        self.table.setRowCount(len(overview.districts))
        for row, d in enumerate(overview.districts):
            values = [d.district, d.total, d.alive, *d.by_level]
            for col, value in enumerate(values):
                item = QTableWidgetItem(f"{value:,}" if isinstance(value, int) else str(value))
                if isinstance(value, int):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, item)
