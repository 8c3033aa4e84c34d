"""The import report: the user's own sheet with a column of reasons, bad cells in red.

For an .xlsx file the user's workbook itself is opened and annotated (their title rows, merged
cells and formatting stay as they were); an .xls or .csv file is copied cell by cell into a new
workbook with the same row numbers, so "第 12 行" means the same row in both.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from desktop.exchange.import_read import Sheet

__all__ = ["ReportLine", "write_report"]

RED = PatternFill("solid", fgColor="FFC7CE")
GREEN = PatternFill("solid", fgColor="E2EFDA")
YELLOW = PatternFill("solid", fgColor="FFF2CC")
ORANGE = PatternFill("solid", fgColor="FCE4D6")
REASONS_TITLE = "导入结果（劳模之家）"


@dataclass(frozen=True)
class ReportLine:
    """What to write beside one row: the words, the bad columns (0 = A), and a colour kind."""

    number: int
    text: str
    bad_columns: tuple[int, ...]
    kind: str  # rejected | ok | skipped | warning (imported, but look at it)


def write_report(source: Path, sheet: Sheet, header_row: int,
                 lines: Sequence[ReportLine], summary: str) -> bytes:
    """The annotated workbook as bytes (the caller writes it atomically)."""
    by_row: Mapping[int, ReportLine] = {line.number: line for line in lines}
    ws: Any
    if sheet.kind == "xlsx":
        try:
            wb = load_workbook(source)
            ws = wb[sheet.name]
        except Exception:  # a workbook calamine reads but openpyxl cannot: copy the values
            wb, ws = _copy(sheet)
    else:
        wb, ws = _copy(sheet)
    width = max((len(r.cells) for r in sheet.rows), default=1)
    column = max(width, ws.max_column or 1) + 1
    letter = get_column_letter(column)
    ws.column_dimensions[letter].width = 60
    head = ws.cell(row=header_row, column=column, value=REASONS_TITLE)
    head.font = Font(bold=True, color="C00000")
    for number, line in by_row.items():
        cell = ws.cell(row=number, column=column, value=line.text)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if line.kind == "rejected":
            cell.font = Font(color="C00000")
            for bad in line.bad_columns:
                ws.cell(row=number, column=bad + 1).fill = RED
            if not line.bad_columns:
                cell.fill = RED
        elif line.kind == "skipped":
            cell.fill = YELLOW
        elif line.kind == "warning":
            cell.font = Font(color="C65911")
            cell.fill = ORANGE
    summary_row = header_row - 1 if header_row > 1 and ws.cell(
        row=header_row - 1, column=column).value is None else None
    if summary_row is not None:
        ws.cell(row=summary_row, column=column, value=summary).font = Font(bold=True)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _copy(sheet: Sheet) -> tuple[Workbook, Any]:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = sheet.name[:31] or "Sheet1"
    for row in sheet.rows:
        for index, value in enumerate(row.cells):
            if value is None:
                continue
            cell = ws.cell(row=row.number, column=index + 1)
            if isinstance(value, str):
                cell.value = value
                cell.data_type = "s"  # a cell reading "=1+1" stays text
            else:
                cell.value = value
            if isinstance(value, str):
                cell.number_format = "@"
    return wb, ws
