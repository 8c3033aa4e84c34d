"""A small, fast writer of one-sheet .xlsx files: text, whole numbers and dates, a handful of
styles, column widths, a frozen header and an auto-filter.

openpyxl builds a cell object (with style proxies) per value and serialises it through an
element tree: 100,000 persons × 13 columns took ~35 s, over the issue's 15-second budget. This
writes the SpreadsheetML text directly into the zip as rows arrive (a few seconds, constant
memory). Strings are inline (``t="inlineStr"``), which Excel, WPS, LibreOffice and openpyxl all
read; a text cell can therefore never become a formula or a number.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["STYLE_BAD", "STYLE_BAD_DATE", "STYLE_BOLD", "STYLE_DATE", "STYLE_HEADER",
           "STYLE_NOTE", "STYLE_NOTE_BAD", "STYLE_NOTE_BAD_FILL", "STYLE_NOTE_SKIPPED",
           "STYLE_NOTE_TITLE", "STYLE_NOTE_WARNING", "STYLE_TEXT", "STYLE_TITLE", "Cell",
           "SheetSpec", "column_letter", "write_xlsx"]

# cellXfs indexes in the style sheet below
STYLE_DEFAULT, STYLE_HEADER, STYLE_TITLE, STYLE_DATE, STYLE_TEXT, STYLE_BOLD = range(6)
# the import report: a bad cell (red), and the reasons column (wrapped; red / yellow / orange)
(STYLE_BAD, STYLE_BAD_DATE, STYLE_NOTE, STYLE_NOTE_BAD, STYLE_NOTE_BAD_FILL, STYLE_NOTE_SKIPPED,
 STYLE_NOTE_WARNING, STYLE_NOTE_TITLE) = range(6, 14)
_EPOCH = dt.date(1899, 12, 30)


@dataclass(frozen=True)
class Cell:
    """A value with a style (``STYLE_*``); plain values in a row get the default style."""

    value: Any
    style: int = STYLE_DEFAULT


@dataclass(frozen=True)
class SheetSpec:
    name: str
    widths: Sequence[float]
    freeze_below: int | None = None  # the row number under which the sheet scrolls
    filter_row: int | None = None  # header row of the auto-filter
    title: str = ""
    creator: str = "劳模之家"


def column_letter(index: int) -> str:
    """1 -> A, 27 -> AA."""
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _escape(text: str) -> str:
    if "&" in text or "<" in text or ">" in text or '"' in text:
        text = (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace('"', "&quot;"))
    return text


def _cell(ref: str, value: Any, style: int) -> str:
    s = f' s="{style}"' if style else ""
    if value is None or value == "":
        return f'<c r="{ref}"{s}/>' if style else ""
    if isinstance(value, bool):
        return f'<c r="{ref}"{s} t="b"><v>{int(value)}</v></c>'
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return f'<c r="{ref}"{s}><v>{(value - _EPOCH).days}</v></c>'
    if isinstance(value, int | float):
        return f'<c r="{ref}"{s}><v>{value}</v></c>'
    text = str(value)
    if text.startswith(("=", "+", "-", "@", "\t", "\r")):  # never read as a formula (OWASP)
        text = "'" + text
    return (f'<c r="{ref}"{s} t="inlineStr"><is><t xml:space="preserve">'
            f"{_escape(text)}</t></is></c>")


_STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>
<fonts count="6"><font><sz val="11"/><name val="Calibri"/></font>
<font><b/><sz val="11"/><name val="Calibri"/></font>
<font><b/><sz val="14"/><name val="Calibri"/></font>
<font><sz val="11"/><color rgb="FFC00000"/><name val="Calibri"/></font>
<font><sz val="11"/><color rgb="FFC65911"/><name val="Calibri"/></font>
<font><b/><sz val="11"/><color rgb="FFC00000"/><name val="Calibri"/></font></fonts>
<fills count="5"><fill><patternFill patternType="none"/></fill>
<fill><patternFill patternType="gray125"/></fill>
<fill><patternFill patternType="solid"><fgColor rgb="FFFFC7CE"/><bgColor indexed="64"/></patternFill></fill>
<fill><patternFill patternType="solid"><fgColor rgb="FFFFF2CC"/><bgColor indexed="64"/></patternFill></fill>
<fill><patternFill patternType="solid"><fgColor rgb="FFFCE4D6"/><bgColor indexed="64"/></patternFill></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="14">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center"/></xf>
<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>
<xf numFmtId="0" fontId="0" fillId="2" borderId="0" xfId="0" applyFill="1"/>
<xf numFmtId="164" fontId="0" fillId="2" borderId="0" xfId="0" applyNumberFormat="1" applyFill="1"/>
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>
<xf numFmtId="0" fontId="3" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>
<xf numFmtId="0" fontId="3" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>
<xf numFmtId="0" fontId="0" fillId="3" borderId="0" xfId="0" applyFill="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>
<xf numFmtId="0" fontId="4" fillId="4" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>
<xf numFmtId="0" fontId="5" fillId="0" borderId="0" xfId="0" applyFont="1"/>
</cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>"""  # noqa: E501

_CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>"""  # noqa: E501

_ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>"""  # noqa: E501

_WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>"""  # noqa: E501


def _core(spec: SheetSpec) -> str:
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
            'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:title>{_escape(spec.title)}</dc:title>"
            f"<dc:creator>{_escape(spec.creator)}</dc:creator>"
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{now}</dcterms:created>'
            "</cp:coreProperties>")


def _workbook(spec: SheetSpec, filter_ref: str | None) -> str:
    name = _escape(spec.name)
    defined = ""
    if filter_ref is not None:
        start, end = filter_ref.split(":")
        absolute = "$" + start.rstrip("0123456789") + "$" + start.lstrip(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ") + ":$" + end.rstrip("0123456789") + "$" + end.lstrip(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        defined = ('<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" '
                   f"hidden=\"1\">'{name}'!{absolute}</definedName></definedNames>")
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            f'<sheets><sheet name="{name}" sheetId="1" r:id="rId1"/></sheets>{defined}'
            "</workbook>")


def write_xlsx(spec: SheetSpec, rows: Iterable[Sequence[Any]]) -> bytes:
    """The workbook as bytes; each row is a sequence of plain values or ``Cell``s."""
    buffer = io.BytesIO()
    letters = [column_letter(i) for i in range(1, max(len(spec.widths), 1) + 200)]
    last_row = 0
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        with zf.open("xl/worksheets/sheet1.xml", "w") as raw:
            out = io.TextIOWrapper(raw, encoding="utf-8", newline="")
            out.write('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/'
                      'main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
                      'relationships">')
            if spec.freeze_below:
                below = spec.freeze_below
                out.write(f'<sheetViews><sheetView workbookViewId="0"><pane ySplit="{below}" '
                          f'topLeftCell="A{below + 1}" activePane="bottomLeft" state="frozen"/>'
                          f'<selection pane="bottomLeft" activeCell="A{below + 1}" '
                          f'sqref="A{below + 1}"/></sheetView></sheetViews>')
            if spec.widths:
                out.write("<cols>" + "".join(
                    f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>'
                    for i, w in enumerate(spec.widths, start=1)) + "</cols>")
            out.write("<sheetData>")
            chunk: list[str] = []
            for number, row in enumerate(rows, start=1):
                last_row = number
                parts = [f'<row r="{number}">']
                for index, item in enumerate(row):
                    if isinstance(item, Cell):
                        parts.append(_cell(f"{letters[index]}{number}", item.value, item.style))
                    else:
                        parts.append(_cell(f"{letters[index]}{number}", item, STYLE_DEFAULT))
                parts.append("</row>")
                chunk.append("".join(parts))
                if len(chunk) >= 1000:
                    out.write("".join(chunk))
                    chunk.clear()
            out.write("".join(chunk))
            out.write("</sheetData>")
            filter_ref = None
            if spec.filter_row is not None:
                end = max(last_row, spec.filter_row)
                filter_ref = (f"A{spec.filter_row}:{letters[max(len(spec.widths), 1) - 1]}"
                              f"{end}")
                out.write(f'<autoFilter ref="{filter_ref}"/>')
            out.write("</worksheet>")
            out.flush()
            out.detach()
        zf.writestr("[Content_Types].xml", _CONTENT_TYPES)
        zf.writestr("_rels/.rels", _ROOT_RELS)
        zf.writestr("xl/workbook.xml", _workbook(spec, filter_ref))
        zf.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        zf.writestr("xl/styles.xml", _STYLES)
        zf.writestr("docProps/core.xml", _core(spec))
    return buffer.getvalue()
