"""Reading what clerks type: dates, honors, codes, headers, footers; and a fuzz of the reader."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from desktop.errors import AppError
from desktop.exchange.import_map import find_header, header_key
from desktop.exchange.import_read import RawRow, read_sheet
from desktop.exchange.import_rows import interpret, is_footer
from desktop.exchange.import_values import (
    CellProblem,
    HonorCell,
    as_code,
    as_date,
    as_honors,
    as_sex,
)


@pytest.mark.parametrize(("cell", "expected", "precision"), [
    ("1965.03", dt.date(1965, 3, 1), "month"),
    ("1965年3月", dt.date(1965, 3, 1), "month"),
    ("1965/3/1", dt.date(1965, 3, 1), "day"),
    ("１９６５年３月１２日", dt.date(1965, 3, 12), "day"),
    ("19650312", dt.date(1965, 3, 12), "day"),
    ("196503", dt.date(1965, 3, 1), "month"),
    (1965.03, dt.date(1965, 3, 1), "month"),
    (1965.12, dt.date(1965, 12, 1), "month"),
    (23802, dt.date(1965, 3, 1), "day"),  # an Excel serial
    (23802.0, dt.date(1965, 3, 1), "day"),
    (dt.datetime(1965, 3, 1, 0, 0), dt.date(1965, 3, 1), "day"),
])
def test_dates_in_every_style(cell: object, expected: dt.date, precision: str) -> None:
    day = as_date(cell)  # type: ignore[arg-type]
    assert day is not None
    assert (day.value, day.precision) == (expected, precision)


@pytest.mark.parametrize(("cell", "code"), [
    (1965.1, "date_ambiguous"),  # 1965.10 once Excel made it a number
    ("1965.1", "date_ambiguous"),
    ("1965年13月", "date_unreadable"),
    ("不详", "date_unreadable"),
])
def test_dates_never_guessed(cell: object, code: str) -> None:
    with pytest.raises(CellProblem) as caught:
        as_date(cell)  # type: ignore[arg-type]
    assert caught.value.code == code


def test_several_honors_in_one_cell_and_free_titles() -> None:
    assert as_honors("2015年全国劳模、2010年省劳模") == [
        HonorCell("全国劳模", "全国", 2015), HonorCell("省劳模", "省部级", 2010)]
    assert as_honors("全国劳动模范(先后获省劳模、全国劳模)") == [
        HonorCell("全国劳动模范", "全国", None), HonorCell("省劳模", "省部级", None)]
    assert as_honors("全国五一劳动奖章（2012）") == [HonorCell("全国五一劳动奖章", "省部级", 2012)]
    assert as_honors("2008年度市劳动模范；县先进工作者") == [
        HonorCell("市劳动模范", "市级", 2008), HonorCell("县先进工作者", "县级", None)]


def test_sex_and_codes_by_name_or_code() -> None:
    assert [as_sex(v) for v in ("男", "女", "M", "f", "男性", 1.0)] == ["1", "2", "1", "2", "1",
                                                                      "1"]
    assert as_code("ethnicity", "汉") == as_code("ethnicity", "汉族") == "01"
    assert as_code("ethnicity", 1.0) == "01"
    assert as_code("political_status", "党员") == "01"
    assert as_code("education", "本科") == "20"
    with pytest.raises(CellProblem):
        as_code("ethnicity", "火星族")


def test_header_found_below_titles_with_variants() -> None:
    rows = (
        RawRow(1, ("长兴县劳动模范名册",)),
        RawRow(2, ("填报单位：", None, None, "2026年")),
        RawRow(3, ("序号", "姓 名", "性\n别", "公民身份号码", "出生年月", "工作单位及职务", "称号",
                   "授予时间", "手机")),
    )
    header = find_header(rows)
    assert header.row_number == 3
    assert header.mapping == {0: "seq", 1: "name", 2: "sex", 3: "id_number", 4: "birth_date",
                              5: "unit_position", 6: "honors", 7: "honor_year", 8: "mobile"}
    assert header_key("身份证号码（18位）") != header_key("身份证号码")
    with pytest.raises(AppError) as caught:
        find_header(rows[:2])
    assert caught.value.code == "import_no_header"


def test_footers_are_recognised() -> None:
    mapping = {0: "seq", 1: "name"}
    assert is_footer(RawRow(9, ("合计", None, "12 人")), mapping)
    assert is_footer(RawRow(10, ("制表人：王芳", None, "审核人：李明")), mapping)
    assert not is_footer(RawRow(8, (7, "张三")), mapping)


def test_id_number_stored_as_a_number_is_reported_not_guessed() -> None:
    row = interpret(RawRow(5, ("张三", 3.305221980010504e17)), {0: "name", 1: "id_number"})
    assert [(i.column, i.code) for i in row.issues] == [(1, "id_float_mangled")]
    assert row.values["id_number"] is None


def write_formatted_empty_rows(path: Path, rows: int) -> None:
    """An .xlsx as Excel saves a sheet whose formatting runs to row 1,048,576: two real rows,
    then ``rows`` rows of empty cells that carry only a style (bold). Written straight as
    SpreadsheetML (openpyxl took two minutes for the same file on every run)."""
    import zipfile

    head = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c>'
        '<c r="B1" t="inlineStr"><is><t>性别</t></is></c></row>'
        '<row r="2"><c r="A2" t="inlineStr"><is><t>张三</t></is></c>'
        '<c r="B2" t="inlineStr"><is><t>男</t></is></c></row>')
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.'
            'org/package/2006/content-types"><Default Extension="rels" ContentType="application/'
            'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
            'ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType='
            '"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
            'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName='
            '"/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'spreadsheetml.styles+xml"/></Types>'),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http:'
            '//schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>'),
        "xl/workbook.xml": (
            '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxml'
            'formats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships"><sheets><sheet name="名单" sheetId="1" '
            'r:id="rId1"/></sheets></workbook>'),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http:'
            '//schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
            'Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.'
            'openxmlformats.org/officeDocument/2006/relationships/styles" '
            'Target="styles.xml"/></Relationships>'),
        "xl/styles.xml": (
            '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxml'
            'formats.org/spreadsheetml/2006/main"><fonts count="2"><font/><font><b/></font>'
            '</fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders>'
            '<cellXfs count="2"><xf fontId="0"/><xf fontId="1" applyFont="1"/></cellXfs>'
            '</styleSheet>'),
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        for name, text in parts.items():
            z.writestr(name, text)
        with z.open("xl/worksheets/sheet1.xml", "w") as sheet:
            sheet.write(head.encode())
            chunk: list[str] = []
            for number in range(3, rows + 3):
                chunk.append(f'<row r="{number}"><c r="A{number}" s="1"/></row>')
                if len(chunk) == 20_000:
                    sheet.write("".join(chunk).encode())
                    chunk.clear()
            sheet.write(("".join(chunk) + "</sheetData></worksheet>").encode())


def test_one_million_formatted_empty_rows_cost_nothing(tmp_path: Path) -> None:
    path = tmp_path / "big.xlsx"
    write_formatted_empty_rows(path, 1_000_000)
    sheet = read_sheet(path)
    assert [r.number for r in sheet.rows] == [1, 2]


_CELL = st.one_of(
    st.none(), st.text(max_size=30), st.integers(-10**20, 10**20),
    st.floats(allow_nan=True, allow_infinity=True), st.booleans(),
    st.dates(min_value=dt.date(1, 1, 1)), st.sampled_from(
        ["1965.1", "２０１５年全国劳模、", "(((", "合计", "330522196503120119", "x", "\u3000"]),
)
_KEYS = ["name", "sex", "id_number", "birth_date", "ethnicity", "political_status",
         "education", "marital_status", "work_start_date", "employment_status", "hukou_type",
         "honors", "honor_year", "honor_level", "phone", "postcode", "notes", "district"]


@settings(max_examples=300, deadline=None)
@given(st.lists(_CELL, min_size=len(_KEYS), max_size=len(_KEYS)))
@example([None] * len(_KEYS))
@example(["王伟", "男", 1e300] + [None] * (len(_KEYS) - 3))  # regression: inf-like float ID
@example(["王伟", None, None, float("nan")] + [None] * (len(_KEYS) - 4))  # NaN date
@example(["王伟"] + [None] * 11 + ["(((全国劳模"] + [None] * 5)  # unbalanced brackets
@example(["王伟", None, None, 99999] + [None] * (len(_KEYS) - 4))  # regression: recursion
@example(["王伟", None, None, 7] + [None] * (len(_KEYS) - 4))  # regression: recursion
def test_fuzz_interpret_never_crashes(cells: list[object]) -> None:
    mapping = dict(enumerate(_KEYS))
    row = interpret(RawRow(2, tuple(cells)), mapping)  # type: ignore[arg-type]
    for issue in row.issues:
        assert issue.code
    is_footer(RawRow(2, tuple(cells)), mapping)  # type: ignore[arg-type]


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400) | st.text(max_size=200).map(lambda t: t.encode("gb18030")))
@example(b"\xef\xbb\xbf\xe5\xa7\x93\xe5\x90\x8d,\"unclosed\n")  # BOM, open quote
@example(b"\x00\x01\x02")  # binary renamed .csv
@example(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 40)  # an OLE header, no workbook
def test_fuzz_csv_reader_refuses_clearly_or_reads(data: bytes) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.csv"
        path.write_bytes(data)
        try:
            sheet = read_sheet(path)
        except AppError as exc:
            # a .csv whose bytes are an old-Excel or zip container is sniffed as such and
            # refused as what it is (Hypothesis found the OLE header)
            assert exc.code in {"import_empty", "import_not_text", "import_encoding",
                                "import_damaged", "import_cell_too_long",
                                "import_not_workbook", "import_encrypted"}
            return
        for row in sheet.rows:
            assert row.number >= 1
        try:
            find_header(sheet.rows)
        except AppError as exc:
            assert exc.code == "import_no_header"
