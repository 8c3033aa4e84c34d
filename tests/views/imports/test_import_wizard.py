"""The import wizard and the export dialog, driven offscreen on a real database."""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QProgressDialog, QPushButton, QWizard

from desktop.services.imports import importer
from desktop.services.workspace import Workspace
from desktop.views.imports.export_dialog import ExportDialog
from desktop.views.imports.import_wizard import ImportWizard
from desktop.views.tasks import TaskRunner
from tests.exchange.import_support import write_clerk_workbook
from tests.views.imports.wizard_driver import dry_run

SHOTS = os.environ.get("LAOMO_SCREENSHOTS")


def _shot(widget: Any, name: str) -> None:
    if SHOTS:
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


def test_wizard_dry_run_good_rows_import_and_undo(ws: Workspace, qtbot: Any,
                                                  tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    book = write_clerk_workbook(tmp_path / "名册.xlsx")
    reads: list[Path] = []  # the file read and checked row by row
    read = importer.read_sheet

    def spy(path: Path, *args: Any, **kwargs: Any) -> Any:
        reads.append(path)
        return read(path, *args, **kwargs)

    monkeypatch.setattr(importer, "read_sheet", spy)
    wizard = ImportWizard(ws.importer(), TaskRunner())
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path.setText(str(book))
    assert wizard.file_page.isComplete()
    wizard.next()
    mapping = wizard.mapping_page
    qtbot.waitUntil(lambda: mapping.preview is not None, timeout=20000)
    assert mapping.preview is not None and mapping.preview.header_row == 3
    combo = mapping.table.cellWidget(1, 2)
    assert isinstance(combo, QComboBox) and combo.currentData() == "name"
    assert mapping.isComplete()
    _shot(wizard, "import-mapping")
    wizard.next()
    dry = wizard.dry_page
    qtbot.waitUntil(lambda: dry.result is not None, timeout=20000)
    assert dry.result is not None and dry.result.rejected == 2
    assert "拒绝 2 行" in dry.counts.text()
    assert dry.table.item(0, 2).text() == "拒绝"
    assert not dry.isComplete()  # all or nothing: refused until "good rows only"
    dry.good_only.setChecked(True)
    assert dry.isComplete()
    report = tmp_path / "结果.xlsx"
    dry.write_report(report)
    assert openpyxl.load_workbook(report)["劳模名单"]["M9"].value
    _shot(wizard, "import-dry-run")
    read_before_import = len(reads)
    wizard.next()
    run = wizard.run_page
    qtbot.waitUntil(lambda: run.finished_run, timeout=20000)
    assert run.result is not None and run.result.written
    assert len(reads) == read_before_import  # the import wrote the plan the dry run showed
    assert run.result.rows == dry.result.rows
    assert run.result.batch_id is not None and run.undo_button.isEnabled()
    short = str(run.result.batch_id)[:8]
    assert f"批次 {short}" in run.status.text() and "导入记录与撤销" in run.status.text()
    assert str(run.result.batch_id) not in run.status.text()  # no raw UUID for the clerk
    assert ws.register().count(__import__("desktop.services.register.types",
                                          fromlist=["RegisterFilter"]).RegisterFilter()) == 4
    _shot(wizard, "import-done")
    run.undo()
    assert "撤销" in run.status.text()
    assert wizard.imported
    wizard.button(QWizard.WizardButton.FinishButton).click()


def test_a_wizard_closed_after_its_dry_run_lets_the_plan_go(ws: Workspace, qtbot: Any,
                                                            tmp_path: Path) -> None:
    """The dry run's plan (kept for the import) is tens of megabytes on a big roster: closing
    the wizard without importing must not leave it behind with the service."""
    wizard = dry_run(ws, qtbot, write_clerk_workbook(tmp_path / "名册.xlsx"))
    service = wizard.service
    assert service._kept is not None  # the plan the import would write
    wizard.reject()
    assert service._kept is None


def test_mapping_page_reads_on_a_worker_with_progress_and_cancel(
        ws: Workspace, qtbot: Any, tmp_path: Path, monkeypatch: Any) -> None:
    """The sheet is read on the TaskRunner: the GUI thread stays free (the page says it is
    reading), a progress dialog with Cancel comes up, and cancelling leaves no preview."""
    book = write_clerk_workbook(tmp_path / "名册.xlsx")
    service = ws.importer()
    release = threading.Event()
    threads: list[threading.Thread] = []
    real_preview = service.preview

    def slow_preview(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.current_thread())
        release.wait(20)  # a big sheet: still reading when the user looks
        return real_preview(*args, **kwargs)

    monkeypatch.setattr(service, "preview", slow_preview)
    wizard = ImportWizard(service, TaskRunner())
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path.setText(str(book))
    wizard.next()
    mapping = wizard.mapping_page
    assert mapping.preview is None and not mapping.isComplete()
    assert mapping.problem.text() == "正在读取工作表…"
    qtbot.waitUntil(lambda: wizard.findChild(QProgressDialog, "taskProgress") is not None,
                    timeout=5000)
    assert threads and threads[0] is not threading.main_thread()
    dialog = wizard.findChild(QProgressDialog, "taskProgress")
    assert dialog is not None and dialog.labelText() == "正在读取工作表…"
    cancel = dialog.findChild(QPushButton)
    assert cancel is not None and cancel.text() == "取消"
    cancel.click()
    release.set()
    qtbot.waitUntil(lambda: mapping.reading is None, timeout=20000)
    assert mapping.preview is None and not mapping.isComplete()
    assert mapping.table.rowCount() == 0 and "已取消" in mapping.problem.text()
    # Read again, uncancelled: the preview arrives from the worker.
    mapping.header_row.setValue(3)
    qtbot.mouseClick(wizard.findChild(QPushButton, "importReread"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: mapping.preview is not None, timeout=20000)
    assert mapping.preview is not None and mapping.preview.header_row == 3
    assert mapping.isComplete() and mapping.problem.text() == ""


def test_mapping_page_ignores_a_read_it_no_longer_wants(ws: Workspace, qtbot: Any,
                                                        tmp_path: Path,
                                                        monkeypatch: Any) -> None:
    """Going back while a read runs cancels it; its late result does not fill the page."""
    book = write_clerk_workbook(tmp_path / "名册.xlsx")
    service = ws.importer()
    release = threading.Event()
    real_preview = service.preview
    monkeypatch.setattr(service, "preview",
                        lambda *a, **k: (release.wait(20), real_preview(*a, **k))[1])
    tasks = TaskRunner()
    wizard = ImportWizard(service, tasks)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path.setText(str(book))
    wizard.next()
    mapping = wizard.mapping_page
    task = mapping.reading
    assert task is not None
    wizard.back()
    assert task.ctx.is_cancelled() and mapping.reading is None
    release.set()
    qtbot.waitUntil(lambda: tasks.active() == 0, timeout=20000)
    assert mapping.preview is None and mapping.table.rowCount() == 0


def test_wizard_mapping_page_reports_no_header(ws: Workspace, qtbot: Any,
                                               tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    wizard = ImportWizard(ws.importer(), TaskRunner())
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path.setText(str(path))
    wizard.next()
    qtbot.waitUntil(lambda: "找不到表头" in wizard.mapping_page.problem.text(), timeout=20000)
    assert not wizard.mapping_page.isComplete()


def test_export_dialog_survey_template(ws: Workspace, qtbot: Any, tmp_path: Path) -> None:
    from desktop.services.register.types import RegisterFilter

    dialog = ExportDialog(ws, TaskRunner(), RegisterFilter())
    qtbot.addWidget(dialog)
    dialog.template.setCurrentText("全总劳模信息调查表")
    assert "political_status" in dialog.chosen_keys() and "insurance" in dialog.chosen_keys()
    dialog.unmask.setChecked(True)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled()  # unmasking needs a reason
    dialog.reason.setText("市总工会年度调查")
    assert ok.isEnabled()
    _shot(dialog, "export-dialog")
    out = tmp_path / "调查.xlsx"
    dialog.start(out)
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=20000)
    ws_ = openpyxl.load_workbook(out).active
    assert "理由：市总工会年度调查" in ws_["A5"].value
    item = dialog.columns.item(0)
    assert item.checkState() == Qt.CheckState.Checked


def test_export_of_a_filtered_register_says_its_filter(ws: Workspace, qtbot: Any,
                                                       tmp_path: Path) -> None:
    """The window's export of a filtered register names the filter in its header, as the
    command line's does (one description, from the RegisterFilter, in the service)."""
    from desktop.services.register.types import RegisterFilter

    f = RegisterFilter(districts=("长兴县",), life_statuses=("alive",), age_min=60)
    dialog = ExportDialog(ws, TaskRunner(), f)
    qtbot.addWidget(dialog)
    out = tmp_path / "筛选.xlsx"
    dialog.start(out)
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=20000)
    block = [c.value for c in openpyxl.load_workbook(out).active["A"][:6]]
    assert "筛选条件：区县 长兴县；生存状态 在世；年龄 60–" in block, block
    assert not any("全部（未筛选）" in str(v) for v in block)


def test_result_table_puts_possible_duplicates_first_in_orange(qtbot: Any) -> None:
    from desktop.services.imports.types import ImportResult, RowOutcome, RowProblem
    from desktop.views.imports.import_wizard import WARNED, ResultTable

    warning = RowProblem(4, "name", "possible_duplicate_birth",
                         {"name": "张建国", "district": "长兴县", "birth": "1965-03-12",
                          "unit": "供电公司"})
    result = ImportResult("a.xlsx", "s", 3, (), {}, True, False, None,
                          {"new": 2, "updated": 0, "unchanged": 0, "rejected": 0,
                           "duplicate": 0},
                          (RowOutcome(4, "new", "李四"), RowOutcome(5, "new", "张建国",
                                                                   warnings=(warning,))),
                          ())
    table = ResultTable(None)  # type: ignore[arg-type]
    qtbot.addWidget(table)
    table.show_result(result)
    assert table.item(0, 0).text() == "5" and "可能是同一人" in table.item(0, 3).text()
    assert table.item(0, 2).background().color() == WARNED
    assert table.item(1, 3).text() == "新增" and table.item(1, 2).background().color() != WARNED
