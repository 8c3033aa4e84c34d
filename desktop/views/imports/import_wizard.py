"""The import wizard (issue 4): file → columns → dry run → import → result (with undo).

Every step calls ``ImportService``; the dry run and the import run on the TaskRunner with
progress and cancel (a cancelled import leaves nothing: the service rolls back).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop.errors import AppError
from desktop.files import write_atomically
from desktop.services.imports.importer import FIELD_TITLES, IGNORE, ImportService
from desktop.services.imports.types import ImportOptions, ImportPreview, ImportResult
from desktop.services.imports.words import column_name, counts_text, report_workbook, row_text
from desktop.views.data_words import field_words
from desktop.views.file_dialogs import EXPORTS, ROSTERS, open_file, save_file
from desktop.views.form_widgets import problem_label, push_button
from desktop.views.i18n import current_language
from desktop.views.messages import describe, present_error
from desktop.views.tasks import Task, TaskRunner

__all__ = ["ImportWizard", "download_template"]

FILE_FILTER = "Excel / CSV (*.xlsx *.xlsm *.xls *.csv)"
REJECTED = QColor("#ffc7ce")
CHANGED = QColor("#fff2cc")
WARNED = QColor("#fce4d6")


def download_template(parent: QWidget) -> None:
    """Ask where, then write the fill-in workbook."""
    path = save_file(
        parent, QCoreApplication.translate("ImportWizard", "Save the import template"),
        "劳模信息导入模板.xlsx", "Excel (*.xlsx)", EXPORTS)
    if not path:
        return
    try:
        write_atomically(Path(path), ImportService.template())
    except AppError as exc:
        present_error(parent, exc)


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.setObjectName("importFilePage")
        self.setTitle(self.tr("Choose the roster to import"))
        self.setSubTitle(self.tr(
            "An Excel workbook (.xlsx, .xls) or a CSV file. Title rows above the table and "
            "totals or signatures under it are fine."))
        self.path = QLineEdit(self)
        self.path.setObjectName("importPath")
        self.path.textChanged.connect(self.completeChanged)
        browse = push_button(self, "importBrowse", self.tr("Browse…"), self._browse)
        template = push_button(self, "importTemplate", self.tr("Download the template…"),
                               lambda: download_template(self))
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(template, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

    def _browse(self) -> None:
        path = open_file(self, self.tr("Choose the roster"), FILE_FILTER, ROSTERS)
        if path:
            self.path.setText(path)

    def isComplete(self) -> bool:
        return Path(self.path.text().strip()).is_file()


class MappingPage(QWizardPage):
    """The header found, each column's field (changeable), and saving the choice."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.setObjectName("importMappingPage")
        self._wizard = wizard
        self.setTitle(self.tr("Check the columns"))
        self.setSubTitle(self.tr("Each column of the sheet and what it holds. Change a choice "
                                 "if it is wrong; save the choices to use them next time."))
        self.sheet = QComboBox(self)
        self.sheet.setObjectName("importSheet")
        # filled after the page shows: sized once when empty, a sheet's name was cut (劳模名…)
        self.sheet.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.header_row = QSpinBox(self)
        self.header_row.setObjectName("importHeaderRow")
        self.header_row.setRange(1, 1000)
        self.header_rows = QLabel(self)  # "rows 3–4" for a header of two rows
        self.header_rows.setObjectName("importHeaderRows")
        self.saved = QComboBox(self)
        self.saved.setObjectName("importSavedMapping")
        reload_button = push_button(self, "importReread", self.tr("Read again"), self._reread)
        top = QHBoxLayout()
        for label, widget in ((self.tr("Sheet:"), self.sheet),
                              (self.tr("Header row:"), self.header_row),
                              (self.tr("Saved columns:"), self.saved)):
            top.addWidget(QLabel(label, self))
            top.addWidget(widget)
            if widget is self.header_row:
                top.addWidget(self.header_rows)
        top.addWidget(reload_button)
        top.addStretch(1)
        self.problem = problem_label(self, "importMappingProblem")
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("importMappingTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Column in the sheet"), self.tr("First value"), self.tr("Imported as")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.mapping_name = QLineEdit(self)
        self.mapping_name.setObjectName("importMappingName")
        self.mapping_name.setPlaceholderText(self.tr("Name for these choices"))
        save = push_button(self, "importSaveMapping", self.tr("Save the choices"), self._save)
        bottom = QHBoxLayout()
        bottom.addWidget(self.mapping_name, 1)
        bottom.addWidget(save)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.problem)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.preview: ImportPreview | None = None
        self.reading: Task | None = None
        self._generation = 0
        self._combos: list[QComboBox] = []

    def initializePage(self) -> None:
        self.saved.blockSignals(True)
        self.saved.clear()
        self.saved.addItem(self.tr("(found from the headers)"), None)
        try:
            for name in self._wizard.service.saved_mappings():
                self.saved.addItem(name, name)
        except AppError:
            pass
        self.saved.blockSignals(False)
        self._read(ImportOptions())

    def _reread(self) -> None:
        self._read(ImportOptions(sheet=self.sheet.currentText() or None,
                                 header_row=self.header_row.value(),
                                 saved_mapping=self.saved.currentData()))

    def _read(self, options: ImportOptions) -> None:
        """Read the sheet on the TaskRunner (a big sheet takes a second or two); a newer read
        or leaving the page cancels the one running, whose result is then ignored."""
        self.cancel_read()
        self.preview = None
        self.table.setRowCount(0)
        self.header_rows.setText("")
        self._combos = []
        self.problem.setText(self.tr("Reading the sheet…"))
        self.completeChanged.emit()
        service, path = self._wizard.service, self._wizard.path()
        self._generation += 1
        generation = self._generation
        self.reading = self._wizard.tasks.run(
            lambda ctx: service.preview(path, options, progress=ctx.progress,
                                        is_cancelled=ctx.is_cancelled),
            on_success=lambda preview: self._show(preview, generation),
            on_error=lambda exc: self._read_failed(exc, generation),
            label=self.tr("Reading the sheet…"), parent=self)

    def cancel_read(self) -> None:
        """Cancel the read in progress (if any); its result, when it comes, is ignored."""
        self._generation += 1
        if self.reading is not None:
            self.reading.cancel()
            self.reading = None

    def cleanupPage(self) -> None:
        self.cancel_read()
        super().cleanupPage()

    def _read_failed(self, exc: BaseException, generation: int) -> None:
        if generation != self._generation:
            return
        self.reading = None
        if isinstance(exc, AppError) and exc.code == "import_cancelled":
            self.problem.setText(self.tr("Reading the sheet was cancelled. Press \"Read again\" "
                                         "to read it."))
        else:
            self.problem.setText(describe(exc))
        self.completeChanged.emit()

    def _show(self, preview: ImportPreview, generation: int) -> None:
        if generation != self._generation:
            return  # a read that was cancelled or overtaken by a newer one
        self.reading = None
        self.problem.setText("")
        self.preview = preview
        self.sheet.blockSignals(True)
        self.sheet.clear()
        self.sheet.addItems(list(preview.sheets))
        self.sheet.setCurrentText(preview.sheet)
        self.sheet.blockSignals(False)
        self.header_row.setValue(preview.header_row)
        said = [self.tr("(a header of two rows: %1–%2)")
                .replace("%1", str(preview.header_row))
                .replace("%2", str(preview.header_row + 1))] if preview.header_rows > 1 else []
        if preview.numbers_row is not None:  # 栏次 1 2 3 … under the header
            said.append(self.tr("(row %1 numbers the columns: skipped)")
                        .replace("%1", str(preview.numbers_row)))
        self.header_rows.setText((" " if current_language() == "en" else "").join(said))
        first = preview.sample[0][1] if preview.sample else ()
        self.table.setRowCount(len(preview.titles))
        for index, title in enumerate(preview.titles):
            # every column of the sheet, one without a heading by its letter
            self.table.setItem(index, 0, QTableWidgetItem(
                title or self.tr("(column %1)").replace("%1", column_name(index))))
            self.table.setItem(index, 1, QTableWidgetItem(first[index] if index < len(first)
                                                          else ""))
            combo = QComboBox(self.table)
            combo.addItem(self.tr("(not imported)"), IGNORE)
            english = current_language() == "en"
            for key, label in FIELD_TITLES.items():
                if key != "seq":
                    combo.addItem(field_words(key) if english else label, key)
            found = preview.mapping.get(index)
            combo.setCurrentIndex(max(0, combo.findData(found)) if found else 0)
            combo.currentIndexChanged.connect(self.completeChanged)
            self.table.setCellWidget(index, 2, combo)
            self._combos.append(combo)
        self.table.resizeColumnsToContents()
        self.completeChanged.emit()

    def mapping(self) -> dict[int, str]:
        return {i: str(c.currentData()) for i, c in enumerate(self._combos) if c.currentData()}

    def options(self, good_rows_only: bool = False) -> ImportOptions:
        assert self.preview is not None
        return ImportOptions(sheet=self.preview.sheet, header_row=self.preview.header_row,
                             mapping=self.mapping(), good_rows_only=good_rows_only)

    def _save(self) -> None:
        if self.preview is None:
            return
        try:
            self._wizard.service.save_mapping(self.mapping_name.text(), self.preview.titles,
                                              self.mapping())
        except AppError as exc:
            present_error(self, exc)
            return
        name = self.mapping_name.text().strip()
        if self.saved.findData(name) < 0:
            self.saved.addItem(name, name)

    def isComplete(self) -> bool:
        return self.preview is not None and "name" in self.mapping().values()


class ResultTable(QTableWidget):
    """Row number, name, what happens, and why: rejected rows red, possible duplicates of
    registered persons orange, changes yellow."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(0, 4, parent)
        self.setHorizontalHeaderLabels(
            [self.tr("Row"), self.tr("Name"), self.tr("Result"), self.tr("Details")])
        self.horizontalHeader().setStretchLastSection(True)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)

    def show_result(self, result: ImportResult) -> None:
        words = {"new": self.tr("new"), "updated": self.tr("update"),
                 "unchanged": self.tr("unchanged"), "rejected": self.tr("rejected"),
                 "duplicate": self.tr("repeated row")}
        rows = sorted(result.rows, key=lambda o: (o.status != "rejected", not o.warnings,
                                                  o.status != "updated", o.number))
        self.setRowCount(len(rows))
        lang = current_language()
        for line, outcome in enumerate(rows):
            cells = (str(outcome.number), outcome.name, words[outcome.status],
                     row_text(outcome, lang))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 3 and text:  # long reasons are cut off with "…": whole here
                    item.setToolTip(text.replace("；", "；\n").replace("。", "。\n").strip())
                if outcome.status == "rejected":
                    item.setBackground(REJECTED)
                elif outcome.warnings:
                    item.setBackground(WARNED)
                elif outcome.status == "updated":
                    item.setBackground(CHANGED)
                self.setItem(line, column, item)
        self.resizeColumnsToContents()


class DryRunPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.setObjectName("importDryRunPage")
        self._wizard = wizard
        self.setTitle(self.tr("Dry run: what the import would do"))
        self.setSubTitle(self.tr("Nothing has been written yet."))
        self.counts = QLabel(self)
        self.counts.setObjectName("importDryRunCounts")
        self.counts.setWordWrap(True)
        self.table = ResultTable(self)
        self.table.setObjectName("importDryRunTable")
        self.good_only = QCheckBox(self.tr("Import the good rows only (the rejected rows are "
                                           "left out)"), self)
        self.good_only.setObjectName("importGoodRowsOnly")
        self.good_only.toggled.connect(self.completeChanged)
        report = push_button(self, "importSaveReport",
                             self.tr("Save the report workbook…"), self._save_report)
        bottom = QHBoxLayout()
        bottom.addWidget(self.good_only, 1)
        bottom.addWidget(report)
        layout = QVBoxLayout(self)
        layout.addWidget(self.counts)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.result: ImportResult | None = None

    def initializePage(self) -> None:
        self.result = None
        self.counts.setText(self.tr("Checking…"))
        self.table.setRowCount(0)
        options = self._wizard.mapping_page.options()
        path = self._wizard.path()
        service = self._wizard.service
        self._wizard.tasks.run(
            lambda ctx: service.run(path, options, dry_run=True, progress=ctx.progress,
                                    is_cancelled=ctx.is_cancelled),
            on_success=self._done, on_error=self._failed,
            label=self.tr("Checking the rows…"), parent=self)

    def _done(self, result: ImportResult) -> None:
        self.result = result
        self.counts.setText(counts_text(result, current_language()))
        self.table.show_result(result)
        self.good_only.setEnabled(result.rejected > 0)
        self.completeChanged.emit()

    def _failed(self, exc: BaseException) -> None:
        self.counts.setText(describe(exc))
        self.completeChanged.emit()

    def _save_report(self) -> None:
        if self.result is None:
            return
        path = save_file(self, self.tr("Save the report"), "导入结果.xlsx", "Excel (*.xlsx)",
                         EXPORTS)
        if path:
            self.write_report(Path(path))

    def write_report(self, path: Path) -> None:
        assert self.result is not None
        try:
            write_atomically(path, report_workbook(self._wizard.path(), self.result,
                                                   current_language()))
        except AppError as exc:
            present_error(self, exc)

    def isComplete(self) -> bool:
        r = self.result
        return r is not None and (r.counts["new"] + r.counts["updated"] > 0) and (
            r.rejected == 0 or self.good_only.isChecked())


class RunPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.setObjectName("importRunPage")
        self._wizard = wizard
        self.setTitle(self.tr("Import"))
        self.status = QLabel(self)
        self.status.setObjectName("importRunStatus")
        self.status.setWordWrap(True)
        self.undo_button = push_button(self, "importUndo", self.tr("Undo this import…"),
                                       self._undo)
        self.undo_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.undo_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.result: ImportResult | None = None
        self.finished_run = False
        self.setFinalPage(True)

    def initializePage(self) -> None:
        self.result, self.finished_run = None, False
        self.status.setText(self.tr("Importing…"))
        options = self._wizard.mapping_page.options(self._wizard.dry_page.good_only.isChecked())
        path = self._wizard.path()
        service = self._wizard.service
        self._wizard.tasks.run(
            lambda ctx: service.run(path, options, dry_run=False, progress=ctx.progress,
                                    is_cancelled=ctx.is_cancelled),
            on_success=self._done, on_error=self._failed,
            label=self.tr("Importing…"), parent=self)

    def _done(self, result: ImportResult) -> None:
        self.result, self.finished_run = result, True
        text = counts_text(result, current_language())
        if result.written:
            # the batch by the short id the list of imports and laomo members undo-import take
            self.status.setText(self.tr("Imported. %1\nUndo it with the button below, or later "
                                        "under File → Past imports and undo (batch %2).")
                                .replace("%1", text).replace("%2", str(result.batch_id)[:8]))
            self.undo_button.setEnabled(True)
            self._wizard.imported = True
        else:
            self.status.setText(self.tr("Nothing was imported: %1").replace("%1", text))
        self.completeChanged.emit()

    def _failed(self, exc: BaseException) -> None:
        self.finished_run = True
        self.status.setText(describe(exc))
        self.completeChanged.emit()

    def _undo(self) -> None:
        if self.result is None or self.result.batch_id is None:
            return
        answer = QMessageBox.question(self, self.tr("Undo the import"), self.tr(
            "Remove the persons this import added and restore what it changed?"))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.undo()

    def undo(self) -> None:
        assert self.result is not None and self.result.batch_id is not None
        try:
            count = self._wizard.service.undo(self.result.batch_id)
        except AppError as exc:
            present_error(self, exc)
            return
        self.undo_button.setEnabled(False)
        self.status.setText(self.tr("The import was undone (%n person(s)).", "", count))

    def isComplete(self) -> bool:
        return self.finished_run


class ImportWizard(QWizard):
    """``ImportWizard.start(parent, service, tasks)``; ``imported`` tells the caller to
    refresh."""

    def __init__(self, service: ImportService, tasks: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importWizard")
        self.setWindowTitle(self.tr("Import a roster"))
        self.service = service
        self.tasks = tasks
        self.imported = False
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.dry_page = DryRunPage(self)
        self.run_page = RunPage(self)
        for page in (self.file_page, self.mapping_page, self.dry_page, self.run_page):
            self.addPage(page)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.resize(900, 600)

    def path(self) -> Path:
        return Path(self.file_page.path.text().strip())

    def done(self, result: int) -> None:
        self.mapping_page.cancel_read()  # closing the wizard stops a sheet still being read
        self.service.forget_plan()  # a dry run's plan is only for this wizard's import
        super().done(result)

    @classmethod
    def start(cls, parent: QWidget | None, service: ImportService, tasks: TaskRunner,
             path: str | None = None) -> bool:
        wizard = cls(service, tasks, parent)
        if path:
            wizard.file_page.path.setText(path)
        wizard.exec()
        imported = wizard.imported
        wizard.deleteLater()  # with its service and pages, not kept as the parent's child
        return imported

