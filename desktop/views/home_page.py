"""首页: the register in figures, by district and treatment level."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
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
from desktop.services.permissions import Perm
from desktop.services.workspace import Workspace
from desktop.views.form_widgets import push_button
from desktop.views.i18n import word
from desktop.views.messages import present_error
from desktop.views.tasks import TaskRunner


class HomePage(QWidget):
    """Counts load in the background so the window is usable at once. An empty register says
    what to do first (issue 14, point 17)."""

    import_requested = Signal()
    new_person_requested = Signal()

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
        self.first_steps = QWidget(self)
        self.first_steps.setObjectName("firstSteps")
        steps = QVBoxLayout(self.first_steps)
        steps.setContentsMargins(0, 0, 0, 0)
        hint = QLabel(self.tr(
            "<b>The register is empty.</b> Start with your roster: import the Excel sheet you "
            "keep (any layout; the columns are matched and nothing is written before you "
            "confirm), or enter the model workers one by one."), self.first_steps)
        hint.setObjectName("firstStepsHint")
        hint.setWordWrap(True)
        steps.addWidget(hint)
        row = QHBoxLayout()
        actor = workspace.actor
        self.import_button = push_button(self.first_steps, "firstImport",
                                         self.tr("Import a roster…"), self.import_requested.emit)
        self.new_button = push_button(self.first_steps, "firstNewPerson",
                                      self.tr("New model worker…"), self.new_person_requested.emit)
        self.import_button.setVisible(actor.can(Perm.IMPORT_EXPORT)
                                      and actor.can(Perm.EDIT_PERSONS))
        self.new_button.setVisible(actor.can(Perm.EDIT_PERSONS))
        row.addWidget(self.import_button)
        row.addWidget(self.new_button)
        row.addStretch(1)
        steps.addLayout(row)
        city = workspace.association.mode == "city"
        if city:  # the districts' persons come in their packages, merged on 汇总
            hint.setText(self.tr(
                "<b>The register is empty.</b> The districts' model workers arrive with their "
                "data packages: import and merge them on the Summary page. The city's own "
                "(市本级) can be imported from a roster or entered one by one."))
        if not actor.can(Perm.EDIT_PERSONS):
            hint.setText(self.tr(
                "<b>The register is empty.</b> A clerk or the administrator merges the "
                "districts' data packages on the Summary page.") if city else self.tr(
                "<b>The register is empty.</b> A clerk or the administrator imports the roster "
                "or enters the model workers."))
        self.first_steps.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.first_steps)
        layout.addWidget(self.table)

    def refresh(self) -> None:
        self._tasks.run(lambda _ctx: self._workspace.overview().summary(),
                        on_success=self._show, on_error=lambda e: present_error(self, e))

    def _show(self, overview: Overview) -> None:
        self.summary.setText(
            self.tr("%1 model workers in the register: %2 living, %3 deceased.")
            .replace("%1", f"{overview.total:,}").replace("%2", f"{overview.alive:,}")
            .replace("%3", f"{overview.deceased:,}"))
        self.first_steps.setVisible(overview.total == 0)
        self.table.setRowCount(len(overview.districts))
        for row, d in enumerate(overview.districts):
            values = [d.district, d.total, d.alive, *d.by_level]
            for col, value in enumerate(values):
                item = QTableWidgetItem(f"{value:,}" if isinstance(value, int) else str(value))
                if isinstance(value, int):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, item)
