"""Finding a clerk's header when it is two rows, writing abbreviated honor titles in full, and
joining notes (Qt-free, no database)."""

from __future__ import annotations

from pathlib import Path

from desktop.core.domain import full_title, level_for_title
from desktop.core.texts import sentences
from desktop.exchange.import_map import find_header
from desktop.exchange.import_read import RawRow, read_sheet
from desktop.exchange.import_rows import split_rows, unread_columns
from tests.exchange.import_support import ID_A, ID_B, write_merged_header_workbook


def _rows(*rows: tuple[object, ...], first: int = 1) -> list[RawRow]:
    return [RawRow(first + n, tuple(r)) for n, r in enumerate(rows)]  # type: ignore[arg-type]


def test_merged_cells_come_through_empty_but_the_first(tmp_path: Path) -> None:
    """What the reader gives of merged headings: the text in the top-left cell only, and the
    blank tail of the second header row not stored at all; the header is found anyway."""
    sheet = read_sheet(write_merged_header_workbook(tmp_path / "a.xlsx"))
    upper, lower = sheet.rows[2].cells, sheet.rows[3].cells
    assert upper[1:5] == ("基本情况", None, None, None) and upper[5] == "工作单位及职务"
    assert len(lower) == 8 and lower[0] is None and lower[5] is None
    header = find_header(sheet.rows)
    assert (header.row_number, header.last_row_number, header.depth) == (3, 4, 2)
    assert sheet.rows[header.row_index + 1].number == 5  # the data start after row 4
    assert header.mapping[5] == "unit_position" and header.mapping[8] == "phone"
    assert "基本情况" not in header.titles and "荣誉情况" not in header.titles


def test_a_csv_header_of_two_rows_all_text() -> None:
    """In a CSV every cell is text: a data row under the header is still not a second header
    row (its name stands where 姓名 did)."""
    rows = _rows(
        ("序号", "姓名", "身份证号码", "荣誉情况", "", "联系电话"),
        ("", "", "", "荣誉称号", "获得年份"),
        ("1", "张建国", ID_A, "全国劳动模范", "2015", "13857212345"),
        ("2", "李秀英", ID_B, "省劳模", "2010", "0572-6012345"),
    )
    header = find_header(rows)
    assert header.depth == 2 and header.titles[3:5] == ("荣誉称号", "获得年份")
    inputs, footers = split_rows(rows[header.row_index + 1:], header.mapping)
    assert [r.values["name"] for r in inputs] == ["张建国", "李秀英"] and footers == []
    # one header row, then text-only data rows: nothing is joined
    single = find_header(_rows(("序号", "姓名", "身份证号码", "工作单位"),
                               ("1", "张建国", ID_A, "长兴县供电公司"),
                               ("2", "", "", "长兴县煤山镇")))
    assert single.depth == 1 and single.row_index == 0
    assert single.titles == ("序号", "姓名", "身份证号码", "工作单位")


def test_a_filing_line_over_the_header_is_not_part_of_it() -> None:
    rows = _rows(("填报单位：长兴县劳模协会", "", "", "", "填报日期：2026年6月"),
                 ("序号", "姓名", "性别", "身份证号码"),
                 (1.0, "张建国", "男", ID_A), first=2)
    header = find_header(rows)
    assert (header.row_number, header.depth) == (3, 1)
    assert find_header(rows, header_row=3).depth == 1


def test_the_columns_are_the_widest_row_and_unread_content_is_found() -> None:
    rows = _rows(("序号", "姓名", "身份证号码"),
                 (1.0, "张建国", ID_A, None, "长兴县供电公司"),
                 ("合计", None, None, None, None, "共 1 人"))
    header = find_header(rows)
    assert header.titles == ("序号", "姓名", "身份证号码", "", "", "")
    body = rows[header.row_index + 1:]
    _, footers = split_rows(body, header.mapping)
    # column E holds a work unit nobody mapped; the footer's F is not data
    assert unread_columns(body, header.mapping, len(header.titles), footers) == (4,)


def test_abbreviated_titles_in_full() -> None:
    assert full_title("全国劳模") == "全国劳动模范"
    assert full_title("省劳模") == full_title("浙江省劳模") == "浙江省劳动模范"
    assert full_title("市劳模") == full_title("湖州市 劳模") == "湖州市劳动模范"
    assert full_title("县劳模", "长兴县") == "长兴县劳动模范"
    assert full_title("区劳模", "吴兴区") == "吴兴区劳动模范"
    assert full_title("长兴县劳模") == "长兴县劳动模范"
    # not determinable, not an abbreviation, or unknown: stays as written
    assert full_title("县劳模") is None and full_title("县劳模", "市本级") is None
    assert level_for_title("县劳模") == level_for_title("长兴县劳模") == "县级"
    for title in ("全国劳动模范", "享受全国劳模待遇", "省先进", "市劳模标兵", "全国五一劳动奖章"):
        assert full_title(title) is None


def test_notes_are_joined_once() -> None:
    assert sentences(["性别与身份证号码不符。", "出生日期与身份证号码不符。"]) == \
        "性别与身份证号码不符。出生日期与身份证号码不符。"
    assert sentences(["新增", "注意：……请核对。", ""]) == "新增；注意：……请核对。"
    assert sentences(["The sex does not match.", "new", "x"], "en") == \
        "The sex does not match. new; x"


def test_a_second_header_row_in_unknown_words_is_not_a_data_row() -> None:
    """荣誉情况 split into 第一项 | 第二项: no field is named, but the row is empty under every
    heading the first row maps (merged down), so it is the header's, not a person without a
    name refused with the whole file."""
    rows = _rows(
        ("序号", "姓名", "身份证号码", "荣誉情况", None, "联系电话"),
        (None, None, None, "第一项", "第二项"),
        (1.0, "张建国", ID_A, "全国劳动模范", "浙江省劳动模范", "13857212345"),
    )
    header = find_header(rows)
    assert (header.depth, header.row_index) == (2, 1)
    assert header.titles == ("序号", "姓名", "身份证号码", "第一项", "第二项", "联系电话")
    assert header.mapping == {0: "seq", 1: "name", 2: "id_number", 5: "phone"}
    inputs, _ = split_rows(rows[header.row_index + 1:], header.mapping)
    assert [r.number for r in inputs] == [3]
    # a data row without a name under a one-row header stays a data row: it has an ID number
    data = _rows(("序号", "姓名", "身份证号码"), ("1", "", ID_A))
    assert find_header(data).depth == 1
