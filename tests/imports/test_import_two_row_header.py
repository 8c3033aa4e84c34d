"""A roster whose header is two rows (the usual county layout: 基本情况 over 姓名/性别/…, the
other headings merged down), abbreviated honor titles written in full, and the columns a
mapping leaves out said, not silently dropped (the clerk walk-through)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from desktop.database import Database
from desktop.models import Person
from desktop.services.imports.importer import ImportService
from desktop.services.imports.types import ImportOptions
from desktop.services.imports.words import counts_text, report_workbook, row_text
from desktop.services.permissions import Actor
from tests.exchange.import_support import (
    BORN_A,
    ID_A,
    ID_B,
    ID_C,
    merged_rows,
    write_merged_header_workbook,
    write_split_honor_workbook,
)

ALL_COLUMNS = ("序号", "姓名", "性 别", "身份证号码", "出生年月", "工作单位及职务", "荣誉称号",
               "获得年份", "联系电话", "民族", "政治面貌", "备注")


@pytest.fixture
def service(db: Database, admin: Actor) -> ImportService:
    return ImportService(db.sessions, admin, today=lambda: dt.date(2026, 6, 1))


def test_a_two_row_merged_header_imports_every_column(db: Database, service: ImportService,
                                                      tmp_path: Path) -> None:
    path = write_merged_header_workbook(tmp_path / "长兴县劳模花名册2026.xlsx")
    preview = service.preview(path)
    assert preview.header_row == 3 and preview.titles == ALL_COLUMNS
    assert set(preview.mapping.values()) >= {"name", "unit_position", "phone", "ethnicity",
                                             "political_status", "notes", "honors", "honor_year"}
    assert [n for n, _ in preview.sample] == [5, 6, 7]  # row 4 is the header's second row
    result = service.run(path, dry_run=False)
    assert result.written and result.counts["new"] == 3 and result.rejected == 0
    assert result.unread_columns == ()
    with db.sessions.begin() as s:
        people = {p.id_number: p for p in s.scalars(select(Person))}
        zhang, li, wang = people[ID_A], people[ID_B], people[ID_C]
        assert (zhang.work_unit, zhang.position, zhang.mobile, zhang.ethnicity,
                zhang.political_status) == ("长兴县供电公司", "班长", "13857212345", "01", "01")
        assert (li.work_unit, li.phone, li.ethnicity, li.notes) == (
            "长兴县第一人民医院", "0572-6012345", "03", "退休")
        assert wang.notes == "村主任" and wang.highest_honor == "长兴县劳动模范(2019)"
        # the abbreviations are registered by their full titles, each row says so
        assert zhang.highest_honor == "全国劳动模范(2015)"
        assert li.highest_honor == "浙江省劳动模范(2010)"
    notes = {o.name: row_text(o) for o in result.rows}
    assert notes["张建国"] == ("新增；注意：荣誉称号的简称已按全称登记"
                               "（“全国劳模”→“全国劳动模范”），请核对。")
    assert "“省劳模”→“浙江省劳动模范”" in notes["李秀英"]
    assert "“县劳模”→“长兴县劳动模范”" in notes["王伟"]  # the county's own title


@pytest.mark.parametrize("row", [3, 4])
def test_either_header_row_chosen_by_hand_reads_every_column(
        service: ImportService, tmp_path: Path, row: int) -> None:
    path = write_merged_header_workbook(tmp_path / "名册.xlsx")
    preview = service.preview(path, ImportOptions(header_row=row))
    assert preview.header_row == 3 and preview.titles == ALL_COLUMNS
    assert len(preview.mapping) == 12 and preview.data_rows == 3
    result = service.run(path, ImportOptions(header_row=row), dry_run=True)
    assert result.counts["new"] == 3 and result.rejected == 0


def test_a_header_with_a_split_honor_column_under_it(db: Database, service: ImportService,
                                                     tmp_path: Path) -> None:
    """roster2: the sub-header row (荣誉称号 | 获得年份) is part of the header, never a data row
    refused for an empty name (which failed the whole all-or-nothing import)."""
    path = write_split_honor_workbook(tmp_path / "roster2.xlsx")
    result = service.run(path, dry_run=False)
    assert result.written and result.counts["new"] == 2 and result.rejected == 0
    assert result.header_row == 2 and 3 not in [o.number for o in result.rows]
    assert result.titles[5:7] == ("荣誉称号", "获得年份")
    with db.sessions.begin() as s:
        people = {p.id_number: p for p in s.scalars(select(Person))}
        assert people[ID_A].highest_honor == "全国劳动模范(2015)"
        assert sorted(h.title for h in people[ID_B].honors) == ["全国劳动模范", "浙江省劳动模范"]
        assert people[ID_B].phone == "0572-6012345"


def test_a_column_with_content_but_no_field_is_said(service: ImportService,
                                                    tmp_path: Path) -> None:
    """The clerk (or an unknown heading) leaves 工作单位及职务 and 备注 out: the dry run says the
    columns hold something that would not be imported."""
    path = write_merged_header_workbook(tmp_path / "名册.xlsx")
    found = service.preview(path).mapping
    mapping = {i: k for i, k in found.items() if k not in ("unit_position", "notes")}
    result = service.run(path, ImportOptions(mapping=mapping), dry_run=True)
    assert result.unread_columns == (5, 11)
    text = counts_text(result)
    assert "第 F 列（工作单位及职务）有内容但没有导入" in text
    assert "第 L 列（备注）有内容但没有导入" in text
    assert "column F (工作单位及职务) has content that is not imported" in counts_text(result, "en")
    # 序号 is mapped; an empty column left out is not worth a word
    report = tmp_path / "report.xlsx"
    report.write_bytes(report_workbook(path, result))
    assert report.stat().st_size > 0


def test_notes_ending_a_sentence_are_not_joined_with_another_mark(
        service: ImportService, tmp_path: Path) -> None:
    """性别与身份证号码不符。；出生日期… : a note that ends in 。 is followed by the next one
    directly, in the wizard's table, the report workbook and the command line alike."""
    rows = [[1, "张建国", "女", ID_A, "1966.03", "长兴县供电公司", "全国劳模", 2015, "13857212345",
             "汉族", "中共党员"]]
    path = write_merged_header_workbook(tmp_path / "名册.xlsx", rows)
    result = service.run(path, dry_run=True)
    (outcome,) = result.rows
    assert outcome.status == "rejected" and len(outcome.problems) >= 2
    for lang in ("zh", "en"):
        text = row_text(outcome, lang)
        assert "。；" not in text and ".;" not in text, text
    assert "。" in row_text(outcome)


@pytest.mark.parametrize("numbers", [
    [None, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],  # 序号 left blank, the rest counted
    ["甲", "乙", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10],  # the form's 甲 乙 before the numbers
    ["(1)", "(2)", "（3）", "4", 5.0, 6, 7],  # typed as text, bracketed, a float
])
def test_a_row_numbering_the_columns_under_the_header_is_skipped(
        db: Database, service: ImportService, tmp_path: Path, numbers: list[object]) -> None:
    """An official form numbers its columns under the header (栏次). Read as a person it was
    refused (姓名 "1", 身份证号码 "3" …) and held up the whole all-or-nothing file."""
    path = write_merged_header_workbook(tmp_path / "名册.xlsx", [numbers, *merged_rows()])
    preview = service.preview(path)
    assert preview.numbers_row == 5 and preview.titles == ALL_COLUMNS
    assert [n for n, _ in preview.sample] == [6, 7, 8] and preview.data_rows == 3
    result = service.run(path, dry_run=False)
    assert result.written and result.counts["new"] == 3 and result.rejected == 0
    assert result.numbers_row == 5 and 5 not in [o.number for o in result.rows]
    assert "第 5 行是栏目编号（1、2、3……），已跳过" in counts_text(result)
    assert "row 5 numbers the columns (1, 2, 3 …): skipped" in counts_text(result, "en")
    with db.sessions.begin() as s:
        assert s.scalar(select(func.count()).select_from(Person)) == 3
    report = tmp_path / "report.xlsx"
    report.write_bytes(report_workbook(path, result))
    sheet = load_workbook(report).active
    assert sheet is not None
    said = [str(c.value) for row in sheet.iter_rows(min_row=5, max_row=5) for c in row if c.value]
    assert any("栏目编号行，未导入" in text for text in said), said


@pytest.mark.parametrize("row", [
    [1, 2, 4, 5],  # a gap: not counting the columns
    [1, 2],  # too few to say
    [1, "张建国", 3, 4, 5],  # a name among them: a person's row
    [3, 2, 1],  # counting down
])
def test_a_row_that_does_not_number_the_columns_is_read_as_data(
        service: ImportService, tmp_path: Path, row: list[object]) -> None:
    path = write_merged_header_workbook(tmp_path / "名册.xlsx", [row, *merged_rows()])
    result = service.run(path, dry_run=True)
    assert result.numbers_row is None and 5 in [o.number for o in result.rows]


def test_a_cell_merged_down_over_several_persons_is_read_for_each(
        db: Database, service: ImportService, tmp_path: Path) -> None:
    """工作单位 merged over the persons of one unit (a clerk's usual layout): calamine gives the
    value in the top cell only, and the second person's work unit was lost without a word. A
    name merged over two rows is one person on two rows (an honor a row): one person with both
    honors; the second row was refused for its empty name."""
    from openpyxl import Workbook

    wb = Workbook()
    sheet = wb.active
    assert sheet is not None
    sheet.append(["长兴县劳动模范名册"])
    sheet.merge_cells("A1:F1")
    sheet.append(["序号", "姓名", "性别", "身份证号码", "工作单位", "荣誉称号"])
    sheet.append([1, "张建国", "男", ID_A, "长兴县供电公司", "2015年全国劳动模范"])
    sheet.append([2, "李秀英", "女", ID_B, None, "2010年浙江省劳动模范"])
    sheet.append([3, "王伟", "男", ID_C, "长兴县煤山镇", "2019年长兴县劳动模范"])
    sheet.append([None, None, None, None, None, "2021年湖州市劳动模范"])
    sheet.merge_cells("E3:E4")  # one unit, two persons
    sheet.merge_cells("B5:B6")  # 王伟 written over two rows
    path = tmp_path / "名册.xlsx"
    wb.save(path)
    preview = service.preview(path)
    assert [cells[4] for _n, cells in preview.sample[:2]] == ["长兴县供电公司"] * 2
    result = service.run(path, dry_run=False)  # all or nothing: no row refused
    assert result.written and result.counts["new"] == 3 and result.rejected == 0
    assert result.folded_rows == ((6, 5),) and 6 not in [o.number for o in result.rows]
    assert "荣誉已并入（第 6 行）" in counts_text(result)
    wang = next(o for o in result.rows if o.number == 5)
    assert "第 6 行（姓名与本行合并为一格）的荣誉已一并导入" in row_text(wang)
    with db.sessions.begin() as s:
        people = {p.name: p for p in s.scalars(select(Person))}
        units = {name: p.work_unit for name, p in people.items()}
        wang_honors = sorted((h.year, h.title) for h in people["王伟"].honors)
    assert units == {"张建国": "长兴县供电公司", "李秀英": "长兴县供电公司", "王伟": "长兴县煤山镇"}
    assert wang_honors == [(2019, "长兴县劳动模范"), (2021, "湖州市劳动模范")]


def test_a_row_under_a_merged_name_that_says_more_stays_a_row_of_its_own(
        service: ImportService, tmp_path: Path) -> None:
    """Under a merged name, a row with a phone of its own is not only an honor: it is not
    folded into the person above (its own refusal says what is missing)."""
    from openpyxl import Workbook

    wb = Workbook()
    sheet = wb.active
    assert sheet is not None
    sheet.append(["序号", "姓名", "性别", "身份证号码", "联系电话", "荣誉称号"])
    sheet.append([1, "王伟", "男", ID_C, "13957200001", "2019年长兴县劳动模范"])
    sheet.append([None, None, None, None, "13957200002", "2021年湖州市劳动模范"])
    sheet.merge_cells("B2:B3")
    path = tmp_path / "名册.xlsx"
    wb.save(path)
    result = service.run(path, dry_run=True)
    assert result.folded_rows == () and [o.number for o in result.rows] == [2, 3]
    assert result.rejected == 1


@pytest.mark.parametrize(("birth", "taken"), [
    ("不详", True), ("65.3", True), ("65年3月", True), ("一九六五年三月十二日", True),
    ("1965，3", True), ("65.4", False), ("一九六五年十二月", False), ("1966，3", False),
])
def test_an_unreadable_birth_date_beside_an_id_number_that_settles_it(
        db: Database, service: ImportService, tmp_path: Path, birth: str, taken: bool) -> None:
    """出生年月 "不详" or "65年3月" beside a valid ID number (born 1965-03-12): the number says
    the date and the cell says nothing against it, so the row is imported with a note, not
    refused; a cell that disagrees with the number (65.4) is still refused."""
    row = [1, "张建国", "男", ID_A, birth, "长兴县供电公司", "全国劳模", 2015]
    path = write_merged_header_workbook(tmp_path / "名册.xlsx", [row])
    result = service.run(path, dry_run=False)
    (outcome,) = result.rows
    if not taken:
        assert outcome.status == "rejected" and not result.written
        assert "无法识别的日期" in row_text(outcome)
        return
    assert outcome.status == "new" and result.written
    assert f"出生年月“{birth}”无法识别，已按身份证号码登记为 1965-03-12" in row_text(outcome)
    with db.sessions.begin() as s:
        assert s.scalars(select(Person.birth_date)).one() == BORN_A
