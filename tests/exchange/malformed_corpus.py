# ruff: noqa: E501 - the package parts below are test data, kept whole
"""A regression corpus of malformed rosters (issue 16, items 9 and 10), generated on demand.

``generate(folder)`` writes a few hundred hostile files in a couple of seconds and returns them
as ``Specimen`` (path, family). Families: far cells and lying dimensions, row and shared-string
floods, zip bombs, XML entity bombs and external entities, truncated and bit-flipped archives,
wrong CRCs, wrong extensions, control characters, NUL bytes, odd encodings, integer and absurd
date serials, damaged .xls files and CSV oddities. The test runs each through the import service
and expects a clear Chinese message or an honest result, never a crash, an abort or a hang.
"""

from __future__ import annotations

import io
import random
import struct
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from tests.exchange.import_support import ID_A, ID_B, write_clerk_workbook

DATA = Path(__file__).resolve().parent / "data"
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
R_NS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


@dataclass(frozen=True)
class Specimen:
    path: Path
    family: str


CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    '</Types>')
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    '</Relationships>')
WORKBOOK = (f'<?xml version="1.0" encoding="UTF-8"?><workbook {NS} {R_NS}>'
            '<sheets><sheet name="名单" sheetId="1" r:id="rId1"/></sheets></workbook>')
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
    '</Relationships>')
EMPTY_SST = f'<?xml version="1.0" encoding="UTF-8"?><sst {NS} count="0" uniqueCount="0"></sst>'

Part = bytes | str | Callable[[], Iterable[bytes]]


def _cell(ref: str, value: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>'


def sheet_xml(body: str, dimension: str | None = "A1", head: str = "") -> str:
    dim = f'<dimension ref="{dimension}"/>' if dimension is not None else ""
    return (f'<?xml version="1.0" encoding="UTF-8"?>{head}<worksheet {NS}>{dim}'
            f'<sheetData>{body}</sheetData></worksheet>')


def header_rows() -> str:
    return ('<row r="1">' + _cell("A1", "姓名") + _cell("B1", "身份证号码") + _cell("C1", "性别")
            + "</row>" + '<row r="2">' + _cell("A2", "张三") + _cell("B2", ID_A)
            + _cell("C2", "男") + "</row>")


def write_xlsx(path: Path, sheet: Part, *, sst: Part = EMPTY_SST,
               extra: dict[str, Part] | None = None, level: int = 6,
               skip: tuple[str, ...] = ()) -> Path:
    parts: dict[str, Part] = {"[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": ROOT_RELS,
                              "xl/workbook.xml": WORKBOOK,
                              "xl/_rels/workbook.xml.rels": WORKBOOK_RELS,
                              "xl/worksheets/sheet1.xml": sheet, "xl/sharedStrings.xml": sst}
    parts.update(extra or {})
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as zf:
        for name, part in parts.items():
            if name in skip:
                continue
            if callable(part):
                with zf.open(name, "w", force_zip64=True) as out:
                    for chunk in part():
                        out.write(chunk)
            else:
                zf.writestr(name, part)
    return path


def _repeat(head: bytes, unit: bytes, count: int, tail: bytes) -> Callable[[], Iterable[bytes]]:
    def chunks() -> Iterable[bytes]:
        yield head
        block = unit * max(1, 65536 // len(unit))
        per = len(block) // len(unit)
        full, rest = divmod(count, per)
        for _ in range(full):
            yield block
        yield unit * rest
        yield tail
    return chunks


def _rows_flood(count: int) -> Callable[[], Iterable[bytes]]:
    def chunks() -> Iterable[bytes]:
        yield sheet_xml("", dimension=f"A1:A{count}").split("<sheetData>")[0].encode()
        yield b"<sheetData>"
        for start in range(1, count + 1, 50000):
            yield b"".join(b'<row r="%d"><c r="A%d"><v>1</v></c></row>' % (n, n)
                           for n in range(start, min(count + 1, start + 50000)))
        yield b"</sheetData></worksheet>"
    return chunks


LAUGHS = ('<!DOCTYPE lolz [<!ENTITY lol "lol">'
          + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
                    for i in range(1, 10))
          + "]>")
XXE = '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


def _far_cells(folder: Path) -> list[Specimen]:
    out = []
    refs = ["XFD1048576", "XFD1", "A1048576", "ZZZ900000", "AAA50000", "XFC2", "IV65536",
            "B1048575", "AMJ1048576", "Z999999"]
    for i, ref in enumerate(refs):
        body = header_rows() + f'<row r="{ref.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")}">' \
            + _cell(ref, "x") + "</row>"
        for j, dim in enumerate((f"A1:{ref}", "A1:C2", None, "A1")):
            out.append(Specimen(write_xlsx(folder / f"far_{i}_{j}.xlsx", sheet_xml(body, dim)),
                                "far_cell"))
    # a two-cell sheet: A1 and the very last cell, as the hostile run had it
    two = sheet_xml('<row r="1">' + _cell("A1", "姓名") + '</row><row r="1048576">'
                    + _cell("XFD1048576", "x") + "</row>", "A1:XFD1048576")
    out.append(Specimen(write_xlsx(folder / "two_cells.xlsx", two), "far_cell"))
    # rows without an r attribute but a cell far to the right by its own r
    out.append(Specimen(write_xlsx(folder / "far_norow.xlsx", sheet_xml(
        "<row>" + _cell("XFD1", "x") + "</row>", None)), "far_cell"))
    # a lying dimension that claims the whole sheet over three real cells
    out.append(Specimen(write_xlsx(folder / "dim_huge.xlsx", sheet_xml(
        header_rows(), "A1:XFD1048576")), "far_cell"))
    for k, dim in enumerate(("garbage", "A0:B0", "1A:2B", "A1:", ":", "A1:B2:C3", "XFE1",
                             "A99999999999999999999")):
        out.append(Specimen(write_xlsx(folder / f"dim_bad_{k}.xlsx", sheet_xml(
            header_rows(), dim)), "bad_dimension"))
    for k, ref in enumerate(("XFE1", "A0", "A-1", "1A", "A1048577", "", "AAAAA1", "A" + "9" * 30)):
        body = header_rows() + f'<row r="3"><c r="{ref}"><v>1</v></c></row>'
        out.append(Specimen(write_xlsx(folder / f"ref_bad_{k}.xlsx", sheet_xml(body, None)),
                            "bad_reference"))
    for k, r in enumerate(("0", "-5", "1048577", "99999999999", "abc", "")):
        body = header_rows() + f'<row r="{r}"><c><v>1</v></c></row>'
        out.append(Specimen(write_xlsx(folder / f"row_bad_{k}.xlsx", sheet_xml(body, None)),
                            "bad_reference"))
    return out


def _floods(folder: Path) -> list[Specimen]:
    out = [Specimen(write_xlsx(folder / "rows_1m.xlsx", _rows_flood(1_000_000), level=1),
                    "row_flood"),
           Specimen(write_xlsx(folder / "rows_300k.xlsx", _rows_flood(300_000), level=1),
                    "row_flood")]
    # 20 M shared strings declared, 3 M present (each the same tiny string)
    head = f'<?xml version="1.0"?><sst {NS} count="20000000" uniqueCount="20000000">'.encode()
    out.append(Specimen(write_xlsx(folder / "sst_3m.xlsx", sheet_xml(header_rows()),
                                   sst=_repeat(head, b"<si><t>a</t></si>", 3_000_000,
                                               b"</sst>"), level=1), "shared_strings"))
    out.append(Specimen(write_xlsx(folder / "sst_declared.xlsx", sheet_xml(header_rows()),
                                   sst=head.decode() + "<si><t>a</t></si></sst>"),
                        "shared_strings"))
    # one shared string of 60 MB
    out.append(Specimen(write_xlsx(folder / "sst_long.xlsx", sheet_xml(header_rows()),
                                   sst=_repeat(head + b"<si><t>", b"a" * 1024, 60_000,
                                               b"</t></si></sst>"), level=1),
                        "shared_strings"))
    # one inline cell of 40 MB
    out.append(Specimen(write_xlsx(folder / "cell_long.xlsx", _repeat(
        sheet_xml("").split("<sheetData>")[0].encode() + b'<sheetData><row r="1"><c r="A1" '
        b't="inlineStr"><is><t>', b"x" * 1024, 40_000, b"</t></is></c></row></sheetData>"
        b"</worksheet>"), level=1), "long_cell"))
    # 16,384 columns in the header row
    wide = '<row r="1">' + "".join(f'<c t="inlineStr"><is><t>c{i}</t></is></c>'
                                   for i in range(16384)) + "</row>"
    out.append(Specimen(write_xlsx(folder / "wide.xlsx", sheet_xml(wide, None)), "row_flood"))
    # many members, deep nesting
    many = {f"xl/media/x{i}.bin": b"" for i in range(20000)}
    out.append(Specimen(write_xlsx(folder / "members.xlsx", sheet_xml(header_rows()),
                                   extra=many, level=1), "zip_structure"))
    deep = "<a>" * 200_000 + "</a>" * 200_000
    out.append(Specimen(write_xlsx(folder / "deep.xlsx", sheet_xml(
        header_rows() + f'<row r="3"><c r="A3"><v>{deep}</v></c></row>', None)), "xml_bomb"))
    return out


def _bombs(folder: Path) -> list[Specimen]:
    out = []
    zeros = _repeat(b"", b"\0" * 1024, 300 * 1024, b"")  # 300 MB of zeros
    spaces = _repeat(sheet_xml("").split("<sheetData>")[0].encode() + b"<sheetData>",
                     b" " * 1024, 300 * 1024, b"</sheetData></worksheet>")
    out.append(Specimen(write_xlsx(folder / "bomb_sheet.xlsx", spaces, level=1), "zip_bomb"))
    out.append(Specimen(write_xlsx(folder / "bomb_styles.xlsx", sheet_xml(header_rows()),
                                   extra={"xl/styles.xml": zeros}, level=1), "zip_bomb"))
    out.append(Specimen(write_xlsx(folder / "bomb_sst.xlsx", sheet_xml(header_rows()),
                                   sst=spaces, level=1), "zip_bomb"))
    # a central directory that understates the uncompressed size (a lying bomb)
    src = folder / "bomb_sheet.xlsx"
    out.append(Specimen(_lie_sizes(src, folder / "bomb_lying.xlsx"), "zip_bomb"))
    for k, (where, doctype) in enumerate([("sheet", LAUGHS), ("sheet", XXE), ("sst", LAUGHS),
                                          ("sst", XXE), ("workbook", LAUGHS),
                                          ("workbook", XXE), ("types", LAUGHS),
                                          ("rels", XXE)]):
        sheet: Part = sheet_xml(header_rows() + '<row r="3">' + _cell("A3", "&lol9;")
                                + "</row>", head=doctype) if where == "sheet" \
            else sheet_xml(header_rows())
        sst: Part = (f'<?xml version="1.0"?>{doctype}<sst {NS}><si><t>&lol9;</t></si></sst>'
                     if where == "sst" else EMPTY_SST)
        extra: dict[str, Part] = {}
        if where == "workbook":
            extra["xl/workbook.xml"] = WORKBOOK.replace('<workbook', doctype + '<workbook', 1)
        if where == "types":
            extra["[Content_Types].xml"] = CONTENT_TYPES.replace("<Types", doctype + "<Types")
        if where == "rels":
            extra["xl/_rels/workbook.xml.rels"] = WORKBOOK_RELS.replace(
                "<Relationships", doctype + "<Relationships", 1)
        out.append(Specimen(write_xlsx(folder / f"entity_{k}.xlsx", sheet, sst=sst,
                                       extra=extra), "xml_bomb"))
    return out


def _lie_sizes(src: Path, dest: Path) -> Path:
    """Copy ``src`` and write a small uncompressed size into every header that names one."""
    raw = bytearray(src.read_bytes())
    for sig, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while (at := raw.find(sig, start)) >= 0:
            size = struct.unpack_from("<I", raw, at + offset)[0]
            if size not in (0, 0xFFFFFFFF):
                struct.pack_into("<I", raw, at + offset, min(size, 4096))
            start = at + 4
    dest.write_bytes(bytes(raw))
    return dest


def _damaged(folder: Path, good: Path, xls: Path) -> list[Specimen]:
    out = []
    raw = good.read_bytes()
    rng = random.Random(16)
    for k, cut in enumerate(sorted(rng.sample(range(10, len(raw) - 1), 24))):
        out.append(_write(folder / f"trunc_{k}.xlsx", raw[:cut], "truncated"))
    for k in range(24):
        data = bytearray(raw)
        at = rng.randrange(40, len(raw) - 30)
        data[at] ^= 0xFF
        out.append(_write(folder / f"flip_{k}.xlsx", bytes(data), "bit_flip"))
    xraw = xls.read_bytes()
    for k, cut in enumerate(sorted(rng.sample(range(10, len(xraw) - 1), 12))):
        out.append(_write(folder / f"trunc_{k}.xls", xraw[:cut], "truncated"))
    for k in range(12):
        data = bytearray(xraw)
        for _ in range(8):
            data[rng.randrange(512, len(xraw))] = rng.randrange(256)
        out.append(_write(folder / f"flip_{k}.xls", bytes(data), "bit_flip"))
    # a sector chain that points past the end of the file
    data = bytearray(xraw)
    struct.pack_into("<I", data, 0x4C, 0x7FFFFFF0)
    out.append(_write(folder / "sector_far.xls", bytes(data), "bit_flip"))
    # wrong CRC in each member, the data itself intact (stored, not deflated)
    for k, name in enumerate(("xl/worksheets/sheet1.xml", "xl/workbook.xml",
                              "xl/sharedStrings.xml", "[Content_Types].xml")):
        out.append(_write(folder / f"crc_{k}.xlsx", _bad_crc(good, name), "bad_crc"))
    # multi-disk archive marker, and an encrypted-entry flag
    data = bytearray(raw)
    eocd = data.rfind(b"PK\x05\x06")
    struct.pack_into("<HH", data, eocd + 4, 1, 1)
    out.append(_write(folder / "multidisk.xlsx", bytes(data), "zip_structure"))
    data = bytearray(raw)
    at = data.find(b"PK\x01\x02")
    data[at + 8] |= 1
    out.append(_write(folder / "zip_encrypted_entry.xlsx", bytes(data), "zip_structure"))
    out.append(Specimen(write_xlsx(folder / "no_workbook.xlsx", sheet_xml(header_rows()),
                                   skip=("xl/workbook.xml",)), "zip_structure"))
    out.append(Specimen(write_xlsx(folder / "no_sheet.xlsx", sheet_xml(header_rows()),
                                   skip=("xl/worksheets/sheet1.xml",)), "zip_structure"))
    out.append(Specimen(write_xlsx(folder / "bad_xml.xlsx", "<worksheet><sheetData><row"),
                        "zip_structure"))
    out.append(Specimen(write_xlsx(folder / "bad_rels.xlsx", sheet_xml(header_rows()), extra={
        "xl/_rels/workbook.xml.rels": WORKBOOK_RELS.replace("worksheets/sheet1.xml",
                                                            "../../../etc/passwd")}),
        "zip_structure"))
    return out


def _bad_crc(src: Path, member: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, zin.read(info.filename), zipfile.ZIP_STORED)
    data = bytearray(buffer.getvalue())
    name = member.encode()
    for sig, name_at in ((b"PK\x03\x04", 30), (b"PK\x01\x02", 46)):
        start = 0
        while (at := data.find(sig, start)) >= 0:
            if data[at + name_at:at + name_at + len(name)] == name:
                data[at + 16] ^= 0x5A  # crc-32 sits at offset 14 in a local header, 16 in the CD
                if sig == b"PK\x03\x04":
                    data[at + 14] ^= 0x5A
                    data[at + 16] ^= 0x5A
            start = at + 4
    return bytes(data)


def _write(path: Path, data: bytes, family: str) -> Specimen:
    path.write_bytes(data)
    return Specimen(path, family)


def _extensions(folder: Path, good: Path, xls: Path) -> list[Specimen]:
    out = []
    locked = (DATA / "locked.xlsx").read_bytes()
    sources = {"xlsx": good.read_bytes(), "xls": xls.read_bytes(),
               "csv": f"姓名,身份证号码\n张三,{ID_A}\n".encode(),
               "pdf": b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n",
               "png": b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "empty": b"",
               "random": random.Random(5).randbytes(5000), "html": b"<html><table><tr><td>"
               b"\xe5\xa7\x93\xe5\x90\x8d</td></tr></table></html>",
               "locked": locked, "docx_like": b"PK\x03\x04" + b"\0" * 100,
               "utf16": "姓名,身份证号码\r\n张三,1\r\n".encode("utf-16"),
               "gzip": b"\x1f\x8b\x08\x00" + b"\0" * 40}
    for source, data in sources.items():
        for ext in ("xlsx", "xls", "csv", "xlsm"):
            if source == ext:
                continue
            out.append(_write(folder / f"as_{source}.{ext}", data, "wrong_extension"))
    return out


def _controls(folder: Path) -> list[Specimen]:
    out = []
    for k, code in enumerate((1, 2, 7, 8, 11, 12, 27, 31, 0x7F, 0xFFFE)):
        escaped = f"_x{code:04X}_"
        body = ('<row r="1">' + _cell("A1", "姓名") + _cell("B1", "身份证号码")
                + _cell("C1", "工作单位") + "</row>" + '<row r="2">'
                + _cell("A2", f"张{escaped}三") + _cell("B2", ID_A[:9] + escaped + ID_A[9:])
                + _cell("C2", f"单位{escaped}") + "</row>")
        out.append(Specimen(write_xlsx(folder / f"ctl_xlsx_{k}.xlsx", sheet_xml(body, None)),
                            "control_chars"))
        text = f"姓名,身份证号码,工作单位,联系电话\n张{chr(code)}三,{ID_A},单位{chr(code)},138{chr(code)}00000000\n"
        out.append(_write(folder / f"ctl_csv_{k}.csv", text.encode("utf-8", "surrogatepass"),
                          "control_chars"))
    # raw control characters inside the XML (not well-formed)
    out.append(Specimen(write_xlsx(folder / "ctl_raw.xlsx", sheet_xml(
        header_rows().replace("张三", "张\x01三"), None)), "control_chars"))
    rows = [["姓名", "身份证号码", "工作单位"], ["李\x00四", ID_B, "单\x0b位"],
            ["王\x1f五", ID_A, "\x07"]]
    path = folder / "ctl_openpyxl.xlsx"
    _openpyxl_raw(path, rows)
    out.append(Specimen(path, "control_chars"))
    return out


def _openpyxl_raw(path: Path, rows: list[list[object]]) -> None:
    body = "".join(f'<row r="{i + 1}">' + "".join(
        _cell(f"{chr(65 + j)}{i + 1}", "".join(
            f"_x{ord(ch):04X}_" if ord(ch) < 32 else ch for ch in str(v)))
        for j, v in enumerate(row)) + "</row>" for i, row in enumerate(rows))
    write_xlsx(path, sheet_xml(body, None))


def _csvs(folder: Path) -> list[Specimen]:
    out = []
    head = f"姓名,身份证号码,性别\n张三,{ID_A},男\n".encode()
    filler = "李四,,女\n".encode() * 400
    for k, at in enumerate((4097, 5000, 8192, 20000, 65536)):
        data = (head + filler * (1 + at // len(filler)))[:at] + b"\0" + filler
        out.append(_write(folder / f"nul_{k}.csv", data, "nul_bytes"))
    out.append(_write(folder / "nul_gb.csv", "姓名,性别\n".encode("gb18030") * 500 + b"\0\0",
                      "nul_bytes"))
    out.append(_write(folder / "field_huge.csv", b"name\n\"" + b"x" * 300_000 + b"\"\n",
                      "csv_structure"))
    out.append(_write(folder / "commas.csv", "姓名".encode() + b"," * 2_000_000 + b"\n",
                      "csv_structure"))
    out.append(_write(folder / "quote_open.csv", "姓名,性别\n\"张三,男\n".encode(),
                      "csv_structure"))
    out.append(_write(folder / "lines_1m.csv", b"a\n" * 1_000_000, "row_flood"))
    out.append(_write(folder / "mixed_enc.csv", head + "李四,,女\n".encode("gb18030")
                      + "王五".encode("utf-16-le") + b"\n", "encoding"))
    out.append(_write(folder / "latin1.csv", "Name,ID\nJos\xe9,1\n".encode("latin-1") + bytes(
        range(128, 256)), "encoding"))
    out.append(_write(folder / "bom_only.csv", b"\xef\xbb\xbf", "encoding"))
    out.append(_write(folder / "crlf_cr.csv", head.replace(b"\n", b"\r") + b"\r\r\r",
                      "csv_structure"))
    out.append(_write(folder / "one_line_big.csv", b"x" * 30_000_000, "long_cell"))
    return out


def _dates(folder: Path) -> list[Specimen]:
    out = []
    serials: list[str] = ["0", "-1", "1", "60", "61", "2958465", "2958466", "99999999",
                          "1e308", "-1e308", "1e999", "NaN", "INF", "20455.5", "9" * 40,
                          "4294967296", "-2147483649", "1.7976931348623157e308"]
    for k, serial in enumerate(serials):
        body = ('<row r="1">' + _cell("A1", "姓名") + _cell("B1", "出生日期")
                + _cell("C1", "获评时间") + _cell("D1", "入会日期") + "</row>"
                + f'<row r="2">{_cell("A2", "张三")}<c r="B2" s="1"><v>{serial}</v></c>'
                f'<c r="C2"><v>{serial}</v></c><c r="D2" t="d"><v>{serial}</v></c></row>')
        styles = (f'<?xml version="1.0"?><styleSheet {NS}><numFmts count="1"><numFmt '
                  'numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts><cellXfs count="2">'
                  '<xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs>'
                  '</styleSheet>')
        out.append(Specimen(write_xlsx(folder / f"serial_{k}.xlsx", sheet_xml(body, None),
                                       extra={"xl/styles.xml": styles}), "date_serial"))
        out.append(_write(folder / f"serial_{k}.csv",
                          f"姓名,出生日期,获评时间\n张三,{serial},{serial}\n".encode(),
                          "date_serial"))
    for k, text in enumerate(("2026-02-30", "0000-01-01", "9999-12-31T25:00", "1900-02-29",
                              "-0001-01-01", "１９６５年１３月")):
        body = ('<row r="1">' + _cell("A1", "姓名") + _cell("B1", "出生日期") + "</row>"
                + f'<row r="2">{_cell("A2", "张三")}<c r="B2" t="d"><v>{text}</v></c></row>')
        out.append(Specimen(write_xlsx(folder / f"isodate_{k}.xlsx", sheet_xml(body, None)),
                            "date_serial"))
    for k, value in enumerate(("true", "2", "#DIV/0!", "<f>1/0</f>")):
        body = ('<row r="1">' + _cell("A1", "姓名") + _cell("B1", "身份证号码") + "</row>"
                + f'<row r="2">{_cell("A2", "张三")}<c r="B2" t="{"b" if k < 2 else "e"}">'
                f'<v>{value}</v></c></row>')
        out.append(Specimen(write_xlsx(folder / f"celltype_{k}.xlsx", sheet_xml(body, None)),
                            "cell_type"))
    return out


def generate(folder: Path) -> list[Specimen]:
    """Write the corpus into ``folder`` (created) and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    good = write_clerk_workbook(folder / "good.xlsx")
    xls = folder / "good_copy.xls"
    xls.write_bytes((DATA / "clerk.xls").read_bytes())
    specimens = [*_far_cells(folder), *_floods(folder), *_bombs(folder),
                 *_damaged(folder, good, xls), *_extensions(folder, good, xls),
                 *_controls(folder), *_csvs(folder), *_dates(folder)]
    names = [s.path.name for s in specimens]
    assert len(names) == len(set(names)), "two specimens share a file name"
    return specimens


if __name__ == "__main__":  # pragma: no cover - a look at the corpus by hand
    import sys
    import time
    started = time.perf_counter()
    made = generate(Path(sys.argv[1]))
    print(len(made), "files in", round(time.perf_counter() - started, 2), "s")
