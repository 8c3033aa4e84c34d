"""The import report: the user's own sheet with a column of reasons, bad cells in red.

For an .xlsx file the user's workbook itself is opened and annotated (their title rows, merged
cells and formatting stay as they were); an .xls or .csv file is copied cell by cell into a new
workbook with the same row numbers, so "第 12 行" means the same row in both.

A sheet of more than ``STREAM_ROWS`` rows is written as values by the streaming writer
(xlsx_stream) whatever its kind: openpyxl holding 50,000 rows × 13 cells as objects took
17 s and 650 MB; the copy keeps every value and row number, not the user's formatting.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from desktop.exchange import xlsx_stream as xs
from desktop.exchange.import_read import Sheet

__all__ = ["ReportLine", "write_report"]

RED = PatternFill("solid", fgColor="FFC7CE")
YELLOW = PatternFill("solid", fgColor="FFF2CC")
ORANGE = PatternFill("solid", fgColor="FCE4D6")
REASONS_TITLE = "导入结果（劳模之家）"
STREAM_ROWS = 10_000
_NOTE_STYLE = {"ok": xs.STYLE_NOTE, "skipped": xs.STYLE_NOTE_SKIPPED,
               "warning": xs.STYLE_NOTE_WARNING}


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
    if len(sheet.rows) > STREAM_ROWS:
        return _streamed(sheet, header_row, by_row, summary)
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


def _streamed(sheet: Sheet, header_row: int, by_row: Mapping[int, ReportLine],
              summary: str) -> bytes:
    width = max((len(r.cells) for r in sheet.rows), default=1)
    cells = {r.number: r.cells for r in sheet.rows}
    last = max([*cells, *by_row, header_row])

    def note(line: ReportLine) -> xs.Cell:
        if line.kind == "rejected":
            style = xs.STYLE_NOTE_BAD if line.bad_columns else xs.STYLE_NOTE_BAD_FILL
        else:
            style = _NOTE_STYLE.get(line.kind, xs.STYLE_NOTE)
        return xs.Cell(line.text, style)

    def rows() -> Any:
        for number in range(1, last + 1):
            values: list[Any] = list(cells.get(number, ()))
            values += [None] * (width - len(values))
            line = by_row.get(number)
            bad = set(line.bad_columns) if line is not None and line.kind == "rejected" else ()
            for index, value in enumerate(values):
                dated = isinstance(value, dt.date)
                if index in bad:
                    values[index] = xs.Cell(value if value is not None else "",
                                            xs.STYLE_BAD_DATE if dated else xs.STYLE_BAD)
                elif dated:
                    values[index] = xs.Cell(value, xs.STYLE_DATE)
                elif isinstance(value, dt.time | dt.timedelta):
                    values[index] = str(value)
            if number == header_row:
                values.append(xs.Cell(REASONS_TITLE, xs.STYLE_NOTE_TITLE))
            elif number == header_row - 1 and number not in by_row:
                values.append(xs.Cell(summary, xs.STYLE_BOLD))
            elif line is not None:
                values.append(note(line))
            yield values

    spec = xs.SheetSpec(sheet.name[:31] or "Sheet1", [12.0] * width + [60.0],
                        title=REASONS_TITLE)
    return xs.write_xlsx(spec, rows())


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
