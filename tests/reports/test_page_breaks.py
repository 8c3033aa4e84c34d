"""Where the table documents break their pages (walk-through, December 2026): the header row
repeats only at the top of a page (never under the rows of the same page), a group or section
title never ends a page without its first row, and the closing rows (subtotal, total, signature
boxes) never begin a page without a person above them. Swept over documents of every length so
that each break position is met once."""

from __future__ import annotations

import datetime as dt
import io
from types import SimpleNamespace

import pypdf
import pytest

from desktop.reports.fonts import FontSet, find_fonts
from desktop.reports.framework import format_date, render
from desktop.reports.hardship import CaseSheet, case_sheet_document
from desktop.reports.visits import visit_list_document

DAY = dt.date(2027, 2, 16)
ASSOC = "长兴县劳动模范协会"


@pytest.fixture(scope="module")
def fs() -> FontSet:
    return find_fonts(windows_dir=False)


def _pages(pdf: bytes) -> list[str]:
    return ["".join(p.extract_text().split()) for p in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def _check(pages: list[str], header: str, titles: list[str], closing: str, rows: list[str]
           ) -> None:
    for n, text in enumerate(pages, start=1):
        assert text.count(header) == 1, (n, text)
        body = text.split(header, 1)[1]
        for title in titles:
            if title in body:  # followed by a row of its own on the same page
                after = body.split(title, 1)[1].split(ASSOC)[0]  # (the page's header, footer)
                assert any(r in after for r in rows), (n, title, text)
        assert not any(body.startswith(t) for t in (closing, "合计", "本组本日", "本人签字")), \
            (n, text)
    last = pages[-1].split(closing)[0]
    assert any(r in last for r in rows), pages[-1]


def _sheet(facts: int, payments: int) -> CaseSheet:
    return CaseSheet(
        serial="KN-2026-00001", year=2026, status="已认定",
        facts=tuple((f"事项{n}", "长兴县某某有限公司") for n in range(facts)),
        members=(("刘芳（配偶）", "330522********3456", "无业", "600.00"),),
        income=(("本人月收入", "800.00"), ("其他月收入", "200.00")),
        causes=(("主要致困原因", "患重特大疾病"),),
        checks=tuple((f"2026-12-0{n}", "入户核查", "审核员", "情况属实，同意上报")
                     for n in range(1, 6)),
        payments=tuple((f"2026.12.{n + 10}", "生活困难补助", f"2,00{n}.00", "长兴县总工会")
                       for n in range(payments)),
    )


@pytest.mark.parametrize("payments", [1, 2, 4])
def test_the_file_sheet_keeps_titles_rows_and_signatures_together(fs: FontSet,
                                                                  payments: int) -> None:
    seen = set()
    for facts in range(30, 62, 2):  # the break walks through sections 五 and 六 and the boxes
        doc = case_sheet_document(_sheet(facts, payments), association=ASSOC, date=DAY)
        pages = _pages(render(doc, fs))
        seen.add(len(pages))
        _check(pages, "项目内容项目内容", ["六、帮扶记录", "五、核查"], "本人签字",
               [f"2026.12.{n + 10}" for n in range(payments)] + ["2026-12-0"])
    assert seen == {1, 2} or seen == {2}, seen


def _person(n: int, day: dt.date, team: str) -> SimpleNamespace:
    return SimpleNamespace(
        name=f"王{n}", sex="男", age=60, district="长兴县", area="雉城", team=team,
        team_people="王干事（组长）", route_order=n, planned_date=day, time_slot="上午",
        standard_fen=100000, money_fen=None, honors="浙江省劳动模范(2003)",
        treatment_level="省部级", life_status="alive", employment_status="", in_hardship=False,
        address="", phone="138****9999", goods="", standard_goods="慰问品一份", visitors="",
        actual_date=None, status="planned", reason="")


def test_a_visit_group_title_goes_over_with_its_first_person(fs: FontSet) -> None:
    for first in range(1, 16):  # one group of ``first`` people, then groups of one a day
        rows = [_person(n, DAY, "第1组") for n in range(first)]
        rows += [_person(100 + k, DAY + dt.timedelta(days=k + 1), "第2组") for k in range(5)]
        doc = visit_list_document(rows, association=ASSOC, campaign="2027年元旦春节走访慰问",
                                  date=DAY)
        pages = _pages(render(doc, fs))
        titles = [f"第{g}组{format_date(DAY + dt.timedelta(days=k))}上午"
                  for g, k in ((1, 0), *((2, k + 1) for k in range(5)))]
        _check(pages, "序号区县姓名", titles, "合计", ["长兴县王"])


@pytest.mark.parametrize("k", [404, 416, 428])
def test_a_last_row_that_leaves_no_room_for_the_signatures(fs: FontSet, k: int) -> None:
    """A last row almost a page high (a long remark): the rows print and the signature line
    goes to the next page alone (the page-break rules had left nothing to place: LayoutError)."""
    from desktop.reports.framework import Column, Document, Section

    rows = (("1", "人员甲", "短"), ("2", "人员乙", "很长的备注" * k))
    doc = Document(association="长兴县劳动模范协会", title="测试名单", date=dt.date(2027, 1, 1),
                   columns=(Column("序号", 1), Column("姓名", 2), Column("备注", 6)),
                   sections=(Section("", rows, None),), total=None)
    text = "".join(_pages(render(doc, fs)))
    assert "人员甲" in text and "人员乙" in text and "制表人" in text


def test_a_group_title_repeated_on_the_next_page_says_it_goes_on(fs: FontSet) -> None:
    """A team-day's group repeated its title at the top of the next page as if a new group
    began there (its 本组本日上午共 N 人 then counted rows of the page before): the repeated
    title now ends in （续）, the first one does not."""
    rows = [_person(n, DAY, "第1组") for n in range(30)]
    doc = visit_list_document(rows, association=ASSOC, campaign="2027年元旦春节走访慰问",
                              date=DAY)
    pages = _pages(render(doc, fs))
    assert len(pages) >= 2, pages
    title = f"第1组{format_date(DAY)}上午"
    assert title in pages[0] and title + "（续）" not in pages[0], pages[0]
    for text in pages[1:]:
        assert title + "（续）" in text, text
