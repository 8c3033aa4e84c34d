"""The export dialog (issue 4): a template or a column choice, masked unless unmasked with a
reason by a permitted user, written from the register page's current filter."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import AppError
from desktop.files import write_atomically
from desktop.services.imports.export_templates import ExportTemplateService
from desktop.services.imports.exporter import ALL_KEYS, column_title
from desktop.services.permissions import Perm
from desktop.services.register.types import RegisterFilter
from desktop.services.workspace import Workspace
from desktop.views.data_words import data_word, field_words
from desktop.views.file_dialogs import EXPORTS, save_file
from desktop.views.form_widgets import push_button
from desktop.views.i18n import current_language
from desktop.views.messages import present_error
from desktop.views.tasks import TaskRunner

__all__ = ["ExportDialog"]


class ExportDialog(QDialog):
    """Choose columns (or a template), unmasking, then a file; the export runs as a task."""

    def __init__(self, workspace: Workspace, tasks: TaskRunner, register_filter: RegisterFilter,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export the register"))
        self._workspace = workspace
        self._tasks = tasks
        self._filter = register_filter
        self._templates: ExportTemplateService = workspace.export_templates()
        self.template = QComboBox(self)
        self.template.setObjectName("exportTemplate")
        self.columns = QListWidget(self)
        self.columns.setObjectName("exportColumns")
        english = current_language() == "en"
        for key in ALL_KEYS:
            # the sheet keeps its Chinese headings (the tooltip); the list speaks English
            item = QListWidgetItem(field_words(key) if english else column_title(key),
                                   self.columns)
            item.setToolTip(self.tr("Heading in the sheet: %1").replace("%1", column_title(key)))
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        save = push_button(self, "exportSaveTemplate", self.tr("Save as template…"),
                           self._save_template)
        self.unmask = QCheckBox(self.tr("Full ID numbers and phones (audited)"), self)
        self.unmask.setObjectName("exportUnmask")
        self.reason = QLineEdit(self)
        self.reason.setObjectName("exportReason")
        self.reason.setPlaceholderText(self.tr("Why the full numbers are needed"))
        can_unmask = workspace.actor.can(Perm.UNMASK)
        self.unmask.setEnabled(can_unmask)
        self.reason.setEnabled(False)
        self.unmask.toggled.connect(self.reason.setEnabled)
        self.unmask.toggled.connect(self._update)
        self.reason.textChanged.connect(self._update)
        self.columns.itemChanged.connect(self._update)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export…"))
        self.buttons.accepted.connect(self._choose_file)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        top = QHBoxLayout()
        top.addWidget(self.template, 1)
        top.addWidget(save)
        form.addRow(self.tr("Template:"), top)
        form.addRow(self.tr("Columns:"), self.columns)
        form.addRow("", self.unmask)
        form.addRow(self.tr("Reason:"), self.reason)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.template.currentIndexChanged.connect(self._template_chosen)
        self._load_templates()
        self.written: int | None = None
        self.written_to: Path | None = None
        self.resize(520, 560)

    def _load_templates(self, select: str | None = None) -> None:
        self.template.blockSignals(True)
        self.template.clear()
        for name, keys in self._templates.templates().items():
            self.template.addItem(data_word(name), keys)
        self.template.blockSignals(False)
        if select is not None:
            self.template.setCurrentText(data_word(select))
        self._template_chosen()

    def _template_chosen(self) -> None:
        keys = set(self.template.currentData() or ())
        self.columns.blockSignals(True)
        for row in range(self.columns.count()):
            item = self.columns.item(row)
            key = item.data(Qt.ItemDataRole.UserRole)
            item.setCheckState(Qt.CheckState.Checked if key in keys
                               else Qt.CheckState.Unchecked)
        self.columns.blockSignals(False)
        self._update()

    def chosen_keys(self) -> list[str]:
        chosen = {self.columns.item(r).data(Qt.ItemDataRole.UserRole)
                  for r in range(self.columns.count())
                  if self.columns.item(r).checkState() == Qt.CheckState.Checked}
        order = list(self.template.currentData() or ())
        return [k for k in order if k in chosen] + [k for k in ALL_KEYS
                                                     if k in chosen and k not in order]

    def _update(self) -> None:
        ok = bool(self.chosen_keys()) and (not self.unmask.isChecked()
                                    or bool(self.reason.text().strip()))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def _save_template(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Save as template"),
                                        self.tr("Template name:"))
        if not ok:
            return
        try:
            self._templates.save(name, self.chosen_keys())
        except AppError as exc:
            present_error(self, exc)
            return
        self._load_templates(select=name.strip())

    def _choose_file(self) -> None:
        path = save_file(self, self.tr("Export to"), "劳模名册.xlsx",
                         "Excel (*.xlsx);;CSV (*.csv)", EXPORTS)
        if path:
            self.start(Path(path))

    def start(self, path: Path) -> None:
        exporter = self._workspace.exporter()
        keys = self.chosen_keys()
        unmask = self.unmask.isChecked()
        reason = self.reason.text().strip() or None
        f = self._filter

        def job(_ctx: object) -> int:
            data, count = exporter.export(f, path.name, keys, unmask=unmask, reason=reason)
            write_atomically(path, data)
            return count

        self.written_to = path

        self._tasks.run(
            job,
            on_success=self._done, on_error=lambda e: present_error(self, e),
            label=self.tr("Exporting…"), parent=self, cancellable=False)

    def _done(self, count: int) -> None:
        self.written = count
        self.accept()
