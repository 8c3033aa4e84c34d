"""Looking at a roster before any parser does (issue 16, items 9 and 10).

python-calamine reads a sheet into one dense grid from the first to the last cell that holds
anything: a cell at XFD1048576 asks it for 549 GB and the Rust allocator aborts the whole
process (no exception, the window just vanishes). A small zip can also unpack to gigabytes, a
shared-string table can hold twenty million entries, and an XML part can carry entity bombs.
None of that may reach calamine, so this module inspects the file first, in bounded memory:

* what the bytes are (zip, OLE compound file, text), whatever the extension says: a plain .xls
  renamed .xlsx is read as the .xls it is; an encrypted workbook is the OLE file that holds an
  ``EncryptedPackage`` stream; anything else with a spreadsheet extension is refused by name;
* for a zip: the number of members, the declared and the real uncompressed sizes (read in
  chunks, which also checks every CRC), DTDs and entities in any XML part, the shared-string
  count, and per worksheet the declared ``<dimension>``, the last row and column that hold a
  value, and the cells that hold one; all against the limits below.

Each refusal is an ``AppError`` with its own code and a message in ``desktop.texts``; parser
English never reaches the user.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from xml.parsers import expat

from desktop.errors import AppError

__all__ = ["LIMITS", "Limits", "WorkbookScan", "file_kind", "scan_workbook"]

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_WORKBOOK_STREAMS = ("Workbook".encode("utf-16-le"), "Book".encode("utf-16-le"))
_CHUNK = 1 << 20


@dataclass(frozen=True)
class Limits:
    """What one import may hold. A 100,000-person roster with 15 columns is far inside them."""

    file_bytes: int = 128 * 1024 * 1024
    unpacked_bytes: int = 256 * 1024 * 1024  # the whole archive, unpacked
    members: int = 5000
    rows: int = 100_000  # the last row that holds a value
    columns: int = 52  # the last column that holds a value (AZ)
    cells: int = 3_000_000  # cells that hold a value
    # calamine allocates 32 bytes per cell of the grid: 100,000 × 52 is 170 MB at most
    shared_strings: int = 2_000_000


LIMITS = Limits()


def file_kind(path: Path, extension: str) -> str:
    """``xlsx``, ``xls`` or ``csv`` by the file's content; ``extension`` (without the dot) only
    decides between text and a refusal. Raises ``AppError`` for encrypted workbooks, files that
    are no spreadsheet, and files over the size limit."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(8)
    except FileNotFoundError as exc:
        raise AppError("import_missing", path=str(path)) from exc
    except PermissionError as exc:
        raise AppError("import_no_access", path=str(path)) from exc
    except OSError as exc:
        raise AppError("import_unreadable", path=str(path)) from exc
    if not head:
        raise AppError("import_empty", path=str(path))
    if size > LIMITS.file_bytes:
        raise AppError("import_too_big", path=str(path), limit=LIMITS.file_bytes >> 20)
    if head.startswith(ZIP_MAGIC):
        return "xlsx"
    if head.startswith(OLE_MAGIC):
        return _ole_kind(path)
    if extension == "csv":
        return "csv"
    raise AppError("import_not_workbook", path=str(path), ext=extension)


def _ole_kind(path: Path) -> str:
    """An OLE compound file is an .xls, or an encrypted .xlsx/.xls (Excel and WPS put the
    encrypted package in a stream named ``EncryptedPackage``), or something else (a .doc)."""
    found_book = False
    tail = b""
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            window = tail + chunk
            if _ENCRYPTED in window:
                raise AppError("import_encrypted", path=str(path))
            found_book = found_book or any(name in window for name in _WORKBOOK_STREAMS)
            tail = window[-64:]
    if not found_book:
        raise AppError("import_not_workbook", path=str(path), ext=path.suffix.lstrip("."))
    return "xls"


# --- the zip package ----------------------------------------------------------------------------

@dataclass
class SheetScan:
    """What one worksheet part holds, as far as a reader's memory is concerned."""

    part: str
    max_row: int = 0  # past the limit, or where rows without a reference end
    max_column: int = 0
    rows: int = 0  # row elements
    cells: int = 0  # cell elements
    far_cell: str = ""  # the first cell past a limit
    declared: str = ""  # the <dimension ref>
    looked: bool = False  # for the <dimension> and the namespace prefix
    prefix: bytes = b""  # "x:" when the writer prefixes the elements


@dataclass
class WorkbookScan:
    sheets: dict[str, SheetScan] = field(default_factory=dict)  # part name -> scan
    by_name: dict[str, str] = field(default_factory=dict)  # sheet name -> part name
    shared_strings: int = 0

    def check_sheet(self, path: Path, name: str) -> None:
        """Refuse before a parser reads ``name`` if its grid would be too large."""
        part = self.by_name.get(name)
        scans = [self.sheets[part]] if part in self.sheets else list(self.sheets.values())
        for scan in scans:
            _check_grid(path, name, scan)


# a cell reference past the limits (row > 99,999 or column > AZ): rare in a roster, so these
# patterns, anchored on the literal ` r=`, cost little more than reading the bytes
_FAR = re.compile(rb' r=["\']\$?([A-Za-z]+\$?\d{6,}|(?:[A-Za-z]{3,}|[B-Zb-z][A-Za-z])\$?\d*)'
                  rb'["\']([^>]*)>')
_ROOT = re.compile(rb"<([A-Za-z_][\w.-]*:)?worksheet[\s>]")
_ROW_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row[\s>/]")
_ROW_NUMBER = re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?row\s[^>]*?\br\s*=\s*["\'](\d+)')
_CELL_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c[\s>]")
_VALUE_CELL = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c(?:\s[^>]*?)?(?<!/)>")
_DIMENSION = re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?dimension\s[^>]*?ref\s*=\s*["\']([^"\']*)')
_REF = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d{1,7})$")
_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)


def column_number(letters: str | bytes) -> int:
    text = letters.decode("ascii") if isinstance(letters, bytes) else letters
    number = 0
    for ch in text.upper():
        number = number * 26 + (ord(ch) - 64)
    return number


def scan_workbook(path: Path) -> WorkbookScan:
    """Read every member of the package once, in chunks, and refuse what no roster looks like
    (see the module doc). Raises ``AppError``; returns what the sheets hold."""
    try:
        return _scan(path)
    except AppError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError,
            RuntimeError, NotImplementedError, ValueError, KeyError, IndexError,
            UnicodeDecodeError) as exc:
        raise AppError("import_damaged", path=str(path)) from exc


def _scan(path: Path) -> WorkbookScan:
    result = WorkbookScan()
    small: dict[str, bytes] = {}
    with zipfile.ZipFile(path) as archive:
        infos = archive.infolist()
        if len(infos) > LIMITS.members:
            raise AppError("import_too_big", path=str(path), limit=LIMITS.unpacked_bytes >> 20)
        declared = sum(i.file_size for i in infos)
        if declared > LIMITS.unpacked_bytes:
            raise AppError("import_too_big", path=str(path), limit=LIMITS.unpacked_bytes >> 20)
        budget = LIMITS.unpacked_bytes
        for info in infos:
            name = info.filename
            if info.flag_bits & 0x1:
                raise AppError("import_damaged", path=str(path))
            lower = name.lower()
            is_xml = lower.endswith((".xml", ".rels", ".vml"))
            is_sheet = is_xml and "worksheets/" in lower and "_rels" not in lower
            sheet = SheetScan(name) if is_sheet else None
            keep = lower in ("xl/workbook.xml", "xl/_rels/workbook.xml.rels")
            kept: list[bytes] = []
            tail = b""
            read = 0
            with archive.open(info) as member:
                while chunk := member.read(_CHUNK):
                    read += len(chunk)
                    budget -= len(chunk)
                    if budget < 0 or read > info.file_size:
                        raise AppError("import_too_big", path=str(path),
                                       limit=LIMITS.unpacked_bytes >> 20)
                    if not is_xml:
                        continue
                    # a tag cut by the chunk boundary is looked at again with the next chunk
                    cut = chunk.rfind(b"<")
                    window, tail = tail + chunk[:cut], chunk[cut:]
                    _look(path, lower, window, sheet, result)
                    if keep:
                        kept.append(window)
                if is_xml and tail:
                    _look(path, lower, tail, sheet, result)
                    if keep:
                        kept.append(tail)
            if sheet is not None:
                result.sheets[name] = sheet
            if keep:
                small[lower] = b"".join(kept)
    result.by_name = _sheet_parts(path, small)
    if result.shared_strings > LIMITS.shared_strings:
        raise AppError("import_too_many_strings", path=str(path), count=result.shared_strings,
                       limit=LIMITS.shared_strings)
    return result


def _look(path: Path, name: str, window: bytes, sheet: SheetScan | None,
          result: WorkbookScan) -> None:
    if b"<!" in window and _DTD.search(window):
        raise AppError("import_unsafe_xml", path=str(path))
    if name.endswith("sharedstrings.xml"):
        result.shared_strings += window.count(b"<si") + window.count(b":si")
        if result.shared_strings > LIMITS.shared_strings:
            raise AppError("import_too_many_strings", path=str(path),
                           count=f"{result.shared_strings}+", limit=LIMITS.shared_strings)
        return
    if sheet is None or sheet.far_cell:
        return  # a sheet past the limits is refused whatever else it holds
    if not sheet.looked:  # <dimension> comes before the rows, in the first chunk
        if dim := _DIMENSION.search(window):
            sheet.declared = dim.group(1).decode("ascii", "replace")[:40]
        root = _ROOT.search(window)
        sheet.prefix = (root.group(1) or b"") if root else b""
        sheet.looked = True
    for ref, rest in _FAR.findall(window):
        if rest.endswith(b"/"):
            continue  # a cell that only carries formatting: no reader keeps it
        letters, digits = _split_ref(ref)
        if not digits or not letters:
            raise AppError("import_damaged", path=str(path))  # no reader agrees on its place
        row, column = (int(digits) if digits else 0), column_number(letters)
        if row > LIMITS.rows or column > LIMITS.columns:
            sheet.far_cell = sheet.far_cell or ref.decode("ascii", "replace")[:20]
            sheet.max_row = max(sheet.max_row, row)
            sheet.max_column = max(sheet.max_column, column)
    # one pass each over the bytes; a row or cell without ` r=` (none of Excel, WPS, openpyxl
    # or LibreOffice write that) sends the window down the slow path below
    rows = window.count(b"<" + sheet.prefix + b"row")
    cells = len(re.findall(b"<" + re.escape(sheet.prefix) + rb"c[\s>]", window))
    references = window.count(b" r=")
    sheet.rows += rows
    sheet.cells += cells
    if cells + rows > references:
        # some rows or cells carry no reference: a reader puts them after the previous one, so
        # the row count and the cells per row are what it allocates
        numbered = [int(n) for n in _ROW_NUMBER.findall(window)]
        per_row = max((len(_VALUE_CELL.findall(part)) for part in _ROW_TAG.split(window)),
                      default=0)
        sheet.max_column = max(sheet.max_column, per_row)
        sheet.max_row = max(sheet.max_row, sheet.rows, *numbered)


def _split_ref(ref: bytes) -> tuple[bytes, bytes]:
    text = ref.replace(b"$", b"")
    at = len(text) - len(text.lstrip(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"))
    return text[:at], text[at:]


def _declared_grid(ref: str) -> tuple[int, int] | None:
    """Rows × columns of a ``<dimension ref="A1:C10">``; None when it is not readable."""
    corners = ref.split(":")
    if not 1 <= len(corners) <= 2:
        return None
    parsed = [_REF.match(c.strip()) for c in corners]
    if not all(parsed):
        return None
    rows = [int(m.group(2)) for m in parsed if m]
    cols = [column_number(m.group(1)) for m in parsed if m]
    return max(rows), max(cols)


def _check_grid(path: Path, sheet: str, scan: SheetScan) -> None:
    declared = _declared_grid(scan.declared) if scan.declared else None
    if declared and (declared[0] > LIMITS.rows or declared[1] > LIMITS.columns):
        # Excel and WPS write the real extent here; a larger one is a damaged or crafted file
        raise AppError("import_far_cell", path=str(path), sheet=sheet,
                       cell=scan.declared.split(":")[-1], rows=LIMITS.rows,
                       columns=LIMITS.columns)
    if scan.far_cell or scan.max_column > LIMITS.columns:
        raise AppError("import_far_cell", path=str(path), sheet=sheet,
                       cell=scan.far_cell or f"{scan.max_row}:{scan.max_column}",
                       rows=LIMITS.rows, columns=LIMITS.columns)
    if scan.max_row > LIMITS.rows:  # rows without a reference, counted
        raise AppError("import_too_many_rows", path=str(path), sheet=sheet,
                       count=scan.max_row, limit=LIMITS.rows)
    if scan.cells > LIMITS.cells:
        raise AppError("import_too_many_rows", path=str(path), sheet=sheet,
                       count=scan.rows, limit=LIMITS.rows)


# --- which part is which sheet ----------------------------------------------------------------

def _sheet_parts(path: Path, small: dict[str, bytes]) -> dict[str, str]:
    """Sheet name -> worksheet part, from xl/workbook.xml and its relationships (both already
    checked for DTDs). Unknown when either is missing or odd: then every sheet is checked."""
    try:
        sheets = _elements(small.get("xl/workbook.xml", b""), "sheet")
        rels = _elements(small.get("xl/_rels/workbook.xml.rels", b""), "Relationship")
    except expat.ExpatError:
        return {}
    targets = {}
    for rel in rels:
        target = rel.get("Target", "")
        full = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
            posixpath.join("xl", target))
        targets[rel.get("Id", "")] = full
    parts = {}
    for sheet in sheets:
        rid = next((v for k, v in sheet.items() if k.endswith("id") and k != "sheetId"), "")
        if rid in targets:
            parts[sheet.get("name", "")] = targets[rid]
    return parts


def _elements(xml: bytes, local: str) -> list[dict[str, str]]:
    found: list[dict[str, str]] = []
    if not xml:
        return found
    parser = expat.ParserCreate()

    def start(tag: str, attrs: dict[str, str]) -> None:
        if tag.rsplit(":", 1)[-1] == local:
            found.append({k.rsplit(":", 1)[-1] if k.endswith(":id") else k: v
                          for k, v in attrs.items()})

    parser.StartElementHandler = start
    parser.Parse(xml, True)
    return found
