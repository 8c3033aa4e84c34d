"""The wizard on a roster whose header is two rows (the clerk walk-through): every column of
the sheet is shown and can be chosen, whichever of the two rows is the 表头行, and a column
left out that holds something is said on the dry run."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QPushButton

from desktop.services.workspace import Workspace
from tests.exchange.import_support import write_merged_header_workbook, write_split_honor_workbook
from tests.views.imports.wizard_driver import dry_run

SHOTS = os.environ.get("LAOMO_SCREENSHOTS")
COLUMNS = ["序号", "姓名", "性 别", "身份证号码", "出生年月", "工作单位及职务", "荣誉称号",
           "获得年份", "联系电话", "民族", "政治面貌", "备注"]


def _columns(wizard: Any) -> list[str]:
    table = wizard.mapping_page.table
    return [table.item(r, 0).text() for r in range(table.rowCount())]


def _choices(wizard: Any) -> list[str]:
    table = wizard.mapping_page.table
    return [table.cellWidget(r, 2).currentData() for r in range(table.rowCount())]


def test_the_wizard_shows_every_column_of_a_two_row_header(ws: Workspace, qtbot: Any,
                                                           tmp_path: Path) -> None:
    book = write_merged_header_workbook(tmp_path / "长兴县劳模花名册2026.xlsx")
    wizard = dry_run(ws, qtbot, book)
    mapping = wizard.mapping_page
    assert _columns(wizard) == COLUMNS
    assert _choices(wizard)[5:] == ["unit_position", "honors", "honor_year", "phone", "ethnicity",
                                    "political_status", "notes"]
    if SHOTS:
        wizard.back()
        mapping.grab().save(str(Path(SHOTS) / "import-two-row-header.png"))
        wizard.next()
        qtbot.waitUntil(lambda: wizard.dry_page.result is not None, timeout=20000)
        wizard.dry_page.grab().save(str(Path(SHOTS) / "import-two-row-dry-run.png"))
    assert mapping.header_row.value() == 3
    assert mapping.header_rows.text() == "（两行表头：第 3–4 行）"
    dry = wizard.dry_page
    assert dry.result is not None and dry.result.counts["new"] == 3 and dry.isComplete()
    assert "有内容但没有导入" not in dry.counts.text()
    details = [dry.table.item(r, 3).text() for r in range(dry.table.rowCount())]
    assert any("“全国劳模”→“全国劳动模范”" in d for d in details)
    # back to the columns; the clerk picks the second header row by hand: still every column
    wizard.back()
    for row in (4, 3):
        mapping.header_row.setValue(row)
        qtbot.mouseClick(wizard.findChild(QPushButton, "importReread"),
                         Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: mapping.preview is not None, timeout=20000)
        assert _columns(wizard) == COLUMNS and mapping.isComplete()
        assert mapping.header_row.value() == 3 and "unit_position" in _choices(wizard)
    # leaving 工作单位及职务 out is said on the dry run, not silently dropped
    combo = mapping.table.cellWidget(5, 2)
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(0)  # (不导入)
    wizard.next()
    qtbot.waitUntil(lambda: dry.result is not None, timeout=20000)
    assert "第 F 列（工作单位及职务）有内容但没有导入" in dry.counts.text()


def test_a_sub_header_row_is_not_a_data_row_in_the_wizard(ws: Workspace, qtbot: Any,
                                                          tmp_path: Path) -> None:
    wizard = dry_run(ws, qtbot, write_split_honor_workbook(tmp_path / "roster2.xlsx"))
    assert _columns(wizard)[5:7] == ["荣誉称号", "获得年份"]
    result = wizard.dry_page.result
    assert result is not None and result.rejected == 0 and result.counts["new"] == 2
    details = wizard.dry_page.table.item(0, 3).toolTip() or wizard.dry_page.table.item(0, 3).text()
    assert "。；" not in details


def test_the_wizard_says_the_row_numbering_the_columns_is_skipped(
        ws: Workspace, qtbot: Any, tmp_path: Path) -> None:
    from tests.exchange.import_support import merged_rows

    numbers: list[object] = [None, *range(1, 12)]
    book = write_merged_header_workbook(tmp_path / "名册.xlsx", [numbers, *merged_rows()])
    wizard = dry_run(ws, qtbot, book)
    assert _columns(wizard) == COLUMNS
    assert wizard.mapping_page.header_rows.text() == (
        "（两行表头：第 3–4 行）（第 5 行是栏目编号，已跳过）")
    dry = wizard.dry_page
    assert dry.result is not None and dry.result.counts["new"] == 3 and dry.isComplete()
    assert "第 5 行是栏目编号" in dry.counts.text()
