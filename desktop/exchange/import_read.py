"""Reading a clerk's roster: .xlsx / .xls (python-calamine) or .csv (UTF-8 ± BOM, GBK/GB18030).

What comes out is a ``Sheet``: the rows that hold something, each with the row number Excel
shows, the cells as the file stores them (text, float, int, bool, date, datetime). Blank rows are
never materialised: calamine skips cells that only carry formatting, so a sheet with a million
formatted but empty rows costs nothing, and a CSV is read line by line.

Unreadable input raises ``AppError`` with one of ``import_unreadable``, ``import_encrypted``,
``import_unknown_format``, ``import_empty``, ``import_no_sheet``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import python_calamine as pc

from desktop.errors import AppError

__all__ = ["FORMATS", "Cell", "RawRow", "Sheet", "import_format", "read_sheet", "sheet_names"]

FORMATS = ("xlsx", "xlsm", "xls", "csv")
Cell = str | float | int | bool | dt.date | dt.datetime | dt.time | dt.timedelta | None
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # a compound file: .xls, or an encrypted .xlsx
_ZIP_MAGIC = b"PK\x03\x04"
CANCEL_EVERY = 2000  # rows read between two looks at is_cancelled
_CSV_ENCODINGS = ("utf-8-sig", "gb18030")  # GB18030 is a superset of GBK and GB2312


@dataclass(frozen=True)
class RawRow:
    """One non-blank row: ``number`` as Excel shows it (1-based), cells from column A."""

    number: int
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class Sheet:
    """The non-blank rows of one sheet, in order."""

    name: str
    rows: tuple[RawRow, ...]
    kind: str  # xlsx | xls | csv


def import_format(path: Path) -> str | None:
    suffix = path.suffix.lower().lstrip(".")
    return suffix if suffix in FORMATS else None


def _blank(value: Cell) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _check_file(path: Path) -> str:
    kind = import_format(path)
    if kind is None:
        raise AppError("import_unknown_format", path=str(path))
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        raise AppError("import_unreadable", path=str(path),
                       reason=exc.strerror or str(exc)) from exc
    if not head:
        raise AppError("import_empty", path=str(path))
    if kind in ("xlsx", "xlsm") and head.startswith(_OLE_MAGIC):
        # Excel and WPS save a password-protected workbook as an OLE container holding the
        # encrypted package; an unencrypted .xlsx is always a zip file.
        raise AppError("import_encrypted", path=str(path))
    if kind in ("xlsx", "xlsm") and not head.startswith(_ZIP_MAGIC):
        raise AppError("import_unreadable", path=str(path), reason="not an Excel workbook")
    return "xlsx" if kind == "xlsm" else kind


def _open_workbook(path: Path) -> pc.CalamineWorkbook:
    try:
        return pc.CalamineWorkbook.from_path(str(path))
    except pc.PasswordError as exc:
        raise AppError("import_encrypted", path=str(path)) from exc
    except Exception as exc:  # calamine raises several types for damaged files
        if "password" in str(exc).lower() or "encrypt" in str(exc).lower():
            raise AppError("import_encrypted", path=str(path)) from exc
        raise AppError("import_unreadable", path=str(path), reason=str(exc)[:200]) from exc


def sheet_names(path: Path) -> list[str]:
    """The visible worksheets of a workbook (a CSV has one, named after the file)."""
    kind = _check_file(path)
    if kind == "csv":
        return [path.stem]
    wb = _open_workbook(path)
    return [m.name for m in wb.sheets_metadata
            if m.typ == pc.SheetTypeEnum.WorkSheet and m.visible == pc.SheetVisibleEnum.Visible]


def read_sheet(path: Path, sheet: str | None = None,
               is_cancelled: Callable[[], bool] | None = None) -> Sheet:
    """The rows of ``sheet`` (default: the first visible worksheet that has any data).

    ``is_cancelled`` is asked every few thousand rows; when it says yes the reading stops with
    ``AppError("import_cancelled")``."""
    kind = _check_file(path)
    if kind == "csv":
        return Sheet(path.stem, tuple(_cancellable(_csv_rows(path), is_cancelled)), "csv")
    wb = _open_workbook(path)
    names = sheet_names(path)
    if sheet is not None and sheet not in wb.sheet_names:
        raise AppError("import_no_sheet", path=str(path), sheet=sheet, known="、".join(names))
    candidates = [sheet] if sheet is not None else names
    first: Sheet | None = None
    for name in candidates:
        try:
            data = wb.get_sheet_by_name(name)
            rows = tuple(_cancellable(_sheet_rows(data), is_cancelled))
        except AppError:
            raise
        except Exception as exc:
            raise AppError("import_unreadable", path=str(path), reason=str(exc)[:200]) from exc
        found = Sheet(name, rows, kind)
        if rows:
            return found
        first = first or found
    if first is None:
        raise AppError("import_empty", path=str(path))
    return first


def _cancellable(rows: Iterator[RawRow],
                 is_cancelled: Callable[[], bool] | None) -> Iterator[RawRow]:
    if is_cancelled is None:
        yield from rows
        return
    if is_cancelled():
        raise AppError("import_cancelled")
    for index, row in enumerate(rows):
        if not index % CANCEL_EVERY and is_cancelled():
            raise AppError("import_cancelled")
        yield row


def _sheet_rows(data: pc.CalamineSheet) -> Iterator[RawRow]:
    start_row, start_col = data.start or (0, 0)
    pad: tuple[Cell, ...] = (None,) * start_col
    for offset, values in enumerate(data.iter_rows()):
        cells = tuple(None if v == "" else v for v in values)
        if all(_blank(c) for c in cells):
            continue
        yield RawRow(start_row + offset + 1, pad + _trim(cells))


def _trim(cells: tuple[Cell, ...]) -> tuple[Cell, ...]:
    end = len(cells)
    while end and _blank(cells[end - 1]):
        end -= 1
    return cells[:end]


def _decode(raw: bytes, path: Path) -> str:
    for encoding in _CSV_ENCODINGS:
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise AppError("import_unreadable", path=str(path), reason="unknown text encoding")


def _csv_rows(path: Path) -> Iterator[RawRow]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise AppError("import_unreadable", path=str(path),
                       reason=exc.strerror or str(exc)) from exc
    if b"\x00" in raw[:4096]:
        # UTF-16 (Excel's "Unicode text") or a binary file renamed .csv
        raise AppError("import_unreadable", path=str(path), reason="not a text file")
    text = _decode(raw, path)
    sample = text[:8192]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    line = 0
    try:
        for values in reader:
            line += 1
            cells: tuple[Cell, ...] = tuple(v if v.strip() else None for v in values)
            if all(_blank(c) for c in cells):
                continue
            yield RawRow(line, _trim(cells))  # records, as Excel numbers them
    except csv.Error as exc:
        raise AppError("import_unreadable", path=str(path), reason=str(exc)[:200]) from exc
