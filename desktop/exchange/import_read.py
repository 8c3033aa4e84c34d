"""Reading a clerk's roster: .xlsx / .xls (python-calamine) or .csv (UTF-8 ± BOM, GBK/GB18030).

What comes out is a ``Sheet``: the rows that hold something, each with the row number Excel
shows, the cells as the file stores them (text, float, int, bool, date, datetime). Blank rows are
never materialised: calamine skips cells that only carry formatting, so a sheet with a million
formatted but empty rows costs nothing, and a CSV is read line by line.

What the bytes are decides how a file is read, not its extension, and a workbook is inspected
by ``desktop.exchange.import_guard`` before calamine sees it (a far cell would make calamine
abort the process). Unreadable input raises ``AppError`` with one of ``import_unreadable``,
``import_damaged``, ``import_encrypted``, ``import_not_workbook``, ``import_not_text``,
``import_encoding``, ``import_too_big``, ``import_far_cell``, ``import_too_many_rows``,
``import_too_many_strings``, ``import_unsafe_xml``, ``import_cell_too_long``,
``import_unknown_format``, ``import_empty``, ``import_no_sheet``; their messages never carry
a parser's own words.
"""

from __future__ import annotations

import csv
import datetime as dt
import gc
import hashlib
import io
import re
from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import python_calamine as pc

from desktop.errors import AppError
from desktop.exchange.import_guard import LIMITS, WorkbookScan, file_kind, scan_workbook

__all__ = ["FORMATS", "Cell", "RawRow", "Sheet", "file_digest", "import_format", "read_sheet",
           "sheet_names"]

FORMATS = ("xlsx", "xlsm", "xls", "csv")
Cell = str | float | int | bool | dt.date | dt.datetime | dt.time | dt.timedelta | None
# control characters (C0 but tab and line breaks, DEL, C1) and non-characters: invisible debris
# of copy and paste that no register field may hold and PostgreSQL refuses (NUL)
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
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
    # cells merged down over several rows: (first row number, column index, last row number)
    merged_down: tuple[tuple[int, int, int], ...] = ()


def import_format(path: Path) -> str | None:
    suffix = path.suffix.lower().lstrip(".")
    return suffix if suffix in FORMATS else None


def _blank(value: Cell) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def file_digest(path: Path) -> str:
    """The file's SHA-256, once it passed the checks ``read_sheet`` makes first (there, missing,
    readable, not too big, a spreadsheet): the same refusals in words, never an OS error."""
    _check_file(path)
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except PermissionError as exc:
        raise AppError("import_no_access", path=str(path)) from exc
    except OSError as exc:
        raise AppError("import_unreadable", path=str(path)) from exc


def _check_file(path: Path) -> str:
    kind = import_format(path)
    if kind is None:
        raise AppError("import_unknown_format", path=str(path))
    return file_kind(path, kind)


_scanned: dict[tuple[str, int, int], WorkbookScan] = {}


def _scan(path: Path) -> WorkbookScan:
    """The workbook's inspection, remembered for the file as it is (the wizard asks for the
    sheet names and the rows one after the other)."""
    stat = path.stat()
    key = (str(path.resolve()), stat.st_size, stat.st_mtime_ns)
    found = _scanned.get(key)
    if found is None:
        found = scan_workbook(path)
        _scanned.clear()
        _scanned[key] = found
    return found


def _open_workbook(path: Path, kind: str) -> tuple[pc.CalamineWorkbook, WorkbookScan | None]:
    scan = _scan(path) if kind == "xlsx" else None
    try:
        with path.open("rb") as handle:  # by content: an .xls renamed .xlsx is read as .xls
            return pc.CalamineWorkbook.from_filelike(handle), scan
    except pc.PasswordError as exc:
        raise AppError("import_encrypted", path=str(path)) from exc
    except OSError as exc:
        raise AppError("import_unreadable", path=str(path)) from exc
    except BaseException as exc:  # calamine raises several types, a Rust panic among them
        _reraise_interrupts(exc)
        if "password" in str(exc).lower() or "encrypt" in str(exc).lower():
            raise AppError("import_encrypted", path=str(path)) from exc
        raise AppError("import_damaged", path=str(path)) from exc


def _reraise_interrupts(exc: BaseException) -> None:
    """A Rust panic inside calamine arrives as ``pyo3_runtime.PanicException``, which derives
    from BaseException: it is a damaged file, not a reason to end the program. Interrupts are."""
    if isinstance(exc, KeyboardInterrupt | SystemExit | GeneratorExit):
        raise exc


def _visible(wb: pc.CalamineWorkbook) -> list[str]:
    return [m.name for m in wb.sheets_metadata
            if m.typ == pc.SheetTypeEnum.WorkSheet and m.visible == pc.SheetVisibleEnum.Visible]


def sheet_names(path: Path) -> list[str]:
    """The visible worksheets of a workbook (a CSV has one, named after the file)."""
    kind = _check_file(path)
    if kind == "csv":
        return [path.stem]
    wb, _ = _open_workbook(path, kind)
    return _visible(wb)


def read_sheet(path: Path, sheet: str | None = None,
               is_cancelled: Callable[[], bool] | None = None) -> Sheet:
    """The rows of ``sheet`` (default: the first visible worksheet that has any data).

    ``is_cancelled`` is asked every few thousand rows; when it says yes the reading stops with
    ``AppError("import_cancelled")``."""
    kind = _check_file(path)
    if kind == "csv":
        return Sheet(path.stem, tuple(_cancellable(_csv_rows(path), is_cancelled)), "csv")
    wb, scan = _open_workbook(path, kind)
    names = _visible(wb)
    if sheet is not None and sheet not in wb.sheet_names:
        raise AppError("import_no_sheet", path=str(path), sheet=sheet, known="、".join(names))
    candidates = [sheet] if sheet is not None else names
    first: Sheet | None = None
    for name in candidates:
        if scan is not None:
            scan.check_sheet(path, name)  # never hand calamine a grid it cannot hold
        try:
            data = wb.get_sheet_by_name(name)
            with paused_collector():
                rows = tuple(_cancellable(_sheet_rows(data, path, name), is_cancelled))
        except AppError:
            raise
        except BaseException as exc:  # a Rust panic (a date serial out of range) among them
            _reraise_interrupts(exc)
            raise AppError("import_damaged", path=str(path)) from exc
        found = Sheet(name, rows, kind, _merged_down(data))
        if rows:
            return found
        first = first or found
    if first is None:
        raise AppError("import_empty", path=str(path))
    return first


@contextmanager
def paused_collector() -> Iterator[None]:
    """Python's cyclic garbage collector off while a sheet's rows are made: it rescans the
    tens of thousands of row objects alive at once again and again as more are made (a third
    of reading and interpreting 50,000 rows), and they hold no cycles to collect."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


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


def _merged_down(data: pc.CalamineSheet) -> tuple[tuple[int, int, int], ...]:
    """The sheet's merged cells that span rows, by their first column (calamine gives a
    merged cell's value in its top-left cell only)."""
    try:
        ranges = data.merged_cell_ranges or ()
    except Exception:  # a format that keeps none: nothing merged to read
        return ()
    return tuple((top + 1, left, bottom + 1) for (top, left), (bottom, _right) in ranges
                 if bottom > top)


def fill_merged_down(rows: Sequence[RawRow], merged: Sequence[tuple[int, int, int]],
                     keep: Collection[int] = ()) -> list[RawRow]:
    """``rows`` with each cell merged down over several rows read in every row it covers, as
    the sheet shows it (工作单位 or 所属乡镇 merged over the persons of one unit: the second
    person's work unit was lost without a word). Not for the columns ``keep`` (a name or ID
    number merged over rows is one person written over several rows, not several persons)."""
    fills = [(first, column, last) for first, column, last in merged if column not in keep]
    if not fills:
        return list(rows)
    by_number = {row.number: n for n, row in enumerate(rows)}
    out = list(rows)
    for first, column, last in fills:
        top = by_number.get(first)
        if top is None or column >= len(out[top].cells) or out[top].cells[column] is None:
            continue
        value = out[top].cells[column]
        for number in range(first + 1, last + 1):
            n = by_number.get(number)
            if n is None:
                continue  # a blank row inside the merge: nothing else to read in it
            cells = out[n].cells
            if column < len(cells) and cells[column] is not None:
                continue
            padded = cells + (None,) * (column + 1 - len(cells))
            out[n] = RawRow(number, (*padded[:column], value, *padded[column + 1:]))
    return out


def continued_rows(merged: Sequence[tuple[int, int, int]],
                   columns: Collection[int]) -> dict[int, int]:
    """Rows that a cell of ``columns`` (the name, the ID number) is merged down over from a
    row above them: row number -> the merge's first row."""
    return {number: first for first, column, last in merged
            if column in columns for number in range(first + 1, last + 1)}


def _clean(value: Cell) -> Cell:
    if isinstance(value, str):
        if _CONTROL.search(value):
            value = _CONTROL.sub("", value)
        return value or None
    return value


def _sheet_rows(data: pc.CalamineSheet, path: Path, name: str) -> Iterator[RawRow]:
    start_row, start_col = data.start or (0, 0)
    pad: tuple[Cell, ...] = (None,) * start_col
    count = 0
    for offset, values in enumerate(data.iter_rows()):
        # one look at the row's text for control characters and blankness, not one per cell
        # (half of reading a 50,000-row sheet was these per-cell calls)
        text = "".join([v for v in values if type(v) is str])
        if _CONTROL.search(text):
            cells = tuple(_clean(v) for v in values)
            if all(_blank(c) for c in cells):
                continue
        else:
            # only "" is falsy text; 0, 0.0 and False stay (cheaper than v == "" on numbers)
            cells = tuple([v if v or type(v) is not str else None for v in values])
            if not text.strip() and all(c is None or type(c) is str for c in cells):
                continue
        count += 1
        if count > LIMITS.rows:
            raise AppError("import_too_many_rows", path=str(path), sheet=name,
                           count=f"{LIMITS.rows}+", limit=LIMITS.rows)
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
    raise AppError("import_encoding", path=str(path))


def _csv_rows(path: Path) -> Iterator[RawRow]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise AppError("import_unreadable", path=str(path)) from exc
    if b"\x00" in raw:
        # UTF-16 (Excel's "Unicode text"), a binary file renamed .csv, or a damaged text file
        raise AppError("import_not_text", path=str(path))
    text = _decode(raw, path)
    del raw
    sample = text[:8192]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    line = 0
    count = 0
    try:
        for values in reader:
            line += 1
            if len(values) > LIMITS.columns:
                values = values[:LIMITS.columns] if not any(
                    v.strip() for v in values[LIMITS.columns:]) else values
                if len(values) > LIMITS.columns:
                    raise AppError("import_far_cell", path=str(path), sheet=path.stem,
                                   cell=f"{line} 行 {len(values)} 列", rows=LIMITS.rows,
                                   columns=LIMITS.columns)
            cells: tuple[Cell, ...] = tuple(_clean(v) if v.strip() else None for v in values)
            if all(_blank(c) for c in cells):
                continue
            count += 1
            if count > LIMITS.rows:
                raise AppError("import_too_many_rows", path=str(path), sheet=path.stem,
                               count=f"{LIMITS.rows}+", limit=LIMITS.rows)
            yield RawRow(line, _trim(cells))  # records, as Excel numbers them
    except csv.Error as exc:
        if "field larger" in str(exc):
            raise AppError("import_cell_too_long", path=str(path), row=line + 1,
                           limit=csv.field_size_limit()) from exc
        raise AppError("import_damaged", path=str(path)) from exc
