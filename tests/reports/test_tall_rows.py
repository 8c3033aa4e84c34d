"""A row taller than a page (a remark, a work unit or honors of several hundred characters in a
narrow column) prints: it is cut between two lines and goes on at the top of the next page under
the repeated header, marked 王五（续）. It stopped the whole roster with ReportLab's LayoutError.

The text of the long cell is read back line by line from where the PDF draws it (the lines that
begin at the cell's left edge, page by page, top to bottom), so that the other cells of the same
row, printed beside it, do not mix in."""

from __future__ import annotations

import datetime as dt
import io
from types import SimpleNamespace
from typing import Any

import pypdf
import pytest

from desktop.reports.fonts import FontSet, find_fonts
from desktop.reports.framework import Column, Document, Section, render
from desktop.reports.linebreak import CANNOT_START
from desktop.reports.roster import roster_document
from desktop.reports.visits import visit_list_document

DAY = dt.date(2027, 1, 8)
ASSOC = "长兴县劳动模范协会"
LONG = "".join(f"{2026 - n}年，长兴县某某机械有限公司第{n}车间主任，带领班组攻克“{n}号”技术难题，"
               f"获评先进集体；" for n in range(1, 61)) + "以上全文完。"


@pytest.fixture(scope="module")
def fs() -> FontSet:
    return find_fonts(windows_dir=False)


def _runs(pdf: bytes) -> list[tuple[int, float, float, str]]:
    """Every piece of text the PDF draws: (page, x, y, text)."""
    out: list[tuple[int, float, float, str]] = []
    for n, page in enumerate(pypdf.PdfReader(io.BytesIO(pdf)).pages):
        def visit(text: str, cm: Any, tm: Any, _font: Any, _size: Any, n: int = n) -> None:
            if text.strip():
                out.append((n, cm[0] * tm[4] + cm[2] * tm[5] + cm[4],
                            cm[1] * tm[4] + cm[3] * tm[5] + cm[5], text.strip()))
        page.extract_text(visitor_text=visit)
    return out


def _cell_lines(runs: list[tuple[int, float, float, str]], first: str) -> list[tuple[int, str]]:
    """The lines of the cell whose first line begins with ``first``, in reading order."""
    x = next(x for _n, x, _y, text in runs if text.startswith(first))
    lines = [(n, text) for n, _y, text in
             sorted((n, -y, text) for n, rx, y, text in runs if abs(rx - x) < 0.5)]
    start = next(i for i, (_n, text) in enumerate(lines) if text.startswith(first))
    end = next(i for i, (_n, text) in enumerate(lines) if text.endswith("完。"))
    return lines[start:end + 1]  # (the other rows' cells of the column are left out)


def _check(pdf: bytes, header: str, name: str, after: str) -> list[str]:
    """The whole long text once, in order, beside a continuation mark on every page it goes on,
    under the header; no line begins with closing punctuation; the rows after it print."""
    runs = _runs(pdf)
    pages = max(n for n, *_ in runs) + 1
    lines = _cell_lines(runs, LONG[:8])
    assert "".join(t for _n, t in lines) == LONG
    assert not [t for _n, t in lines if t[0] in CANNOT_START]
    on = sorted({n for n, _t in lines})
    assert len(on) >= 3 and on == list(range(on[0], on[-1] + 1))  # taller than two pages
    page_text = ["".join(t for n, _x, _y, t in runs if n == k) for k in range(pages)]
    for k in range(pages):
        assert page_text[k].count(header) == 1, (k, page_text[k][:80])
    for k in on[1:]:
        assert f"{name}（续）" in page_text[k], k  # (the name, the mark under it)
    assert f"{name}（续）" not in page_text[on[0]]
    assert after in "".join(page_text[on[-1]:])
    return page_text


def _roster_row(n: int, unit: str) -> dict[str, Any]:
    return {"name": f"王{n}", "sex": "男", "birth_date": dt.date(1960, 1, 1),
            "district": "长兴县", "work_unit": unit, "treatment_level": "省部级",
            "honors": [{"year": 2003, "title": "浙江省劳动模范", "level": "省部级"}],
            "phone": "13800000000", "id_number": "330522196001011234"}


@pytest.mark.parametrize("before", [0, 5, 17])
def test_a_roster_row_longer_than_a_page_goes_on_over_the_pages(fs: FontSet,
                                                                before: int) -> None:
    rows = [_roster_row(n, "长兴县某某有限公司") for n in range(before)]
    rows += [_roster_row(99, LONG)]
    rows += [_roster_row(100 + n, "长兴县某某有限公司") for n in range(4)]
    doc = roster_document(rows, association=ASSOC, date=DAY)
    pages = _check(render(doc, fs), "序号姓名性别", "王99", "王103")
    assert "制表人" in pages[-1] and "合计：" in pages[-1]


def test_a_long_last_row_keeps_its_last_lines_with_the_signatures(fs: FontSet) -> None:
    rows = [_roster_row(n, "长兴县某某有限公司") for n in range(3)] + [_roster_row(99, LONG)]
    pdf = render(roster_document(rows, association=ASSOC, date=DAY), fs)
    pages = _check(pdf, "序号姓名性别", "王99", "全文完。")
    last = pages[-1]
    assert "全文完。" in last and last.index("全文完。") < last.index("制表人")


def test_a_visit_list_row_with_many_honors_goes_on_under_its_group_title(fs: FontSet) -> None:
    def person(n: int, honors: str) -> SimpleNamespace:
        return SimpleNamespace(
            name=f"王{n}", sex="男", age=60, district="长兴县", area="雉城", team="第1组",
            team_people="王干事（组长）", route_order=n, planned_date=DAY, time_slot="上午",
            standard_fen=100000, money_fen=None, honors=honors, treatment_level="省部级",
            life_status="alive", employment_status="", in_hardship=False, address="",
            phone="138****9999", goods="", standard_goods="慰问品一份", visitors="",
            actual_date=None, status="planned", reason="")

    rows = [person(1, "浙江省劳动模范(2003)"), person(2, LONG), person(3, "全国劳动模范(2010)")]
    doc = visit_list_document(rows, association=ASSOC, campaign="2027年元旦春节走访慰问",
                              date=DAY)
    pages = _check(render(doc, fs), "序号区县姓名", "王2", "王3")
    group = "第1组　2027年1月8日"
    assert all(group.replace("　", "") in "".join(p.split()) or group in p for p in pages)


def test_the_page_sum_counts_a_cut_row_once(fs: FontSet) -> None:
    rows = (("1", "人员甲", "100.00", "短"), ("2", "人员乙", "200.00", LONG),
            ("3", "人员丙", "400.00", "短"))
    doc = Document(association=ASSOC, title="发放名单", date=DAY,
                   columns=(Column("序号", 1), Column("姓名", 2), Column("金额", 2, "right"),
                            Column("备注", 3)),
                   sections=(Section("", rows, None),), total="合计：700.00 元", name_column=1,
                   page_sum=2)
    pages = _check(render(doc, fs), "序号姓名金额备注", "人员乙", "人员丙")
    sums = [p.split("本页小计：")[1].split("元")[0] for p in pages if "本页小计：" in p]
    assert len(sums) == len(pages)
    assert sum(float(s.replace(",", "")) for s in sums) == 700.0


def test_a_long_hardship_cause_goes_on_in_its_own_cell(fs: FontSet) -> None:
    """The 档案表: the cause is the cell that goes on, so the mark stands before its rest;
    the section title repeats above it and the signature boxes still print."""
    from desktop.reports.hardship import CaseSheet, case_sheet_document

    sheet = CaseSheet(
        serial="KN-2026-00001", year=2026, status="已认定",
        facts=(("姓名", "张三"), ("性别", "男")), members=(), income=(("本人月收入", "800.00"),),
        causes=(("主要致困原因", LONG), ("次要致困原因", "子女就学")), checks=(), payments=())
    doc = case_sheet_document(sheet, association=ASSOC, date=DAY)
    pdf = render(doc, fs)
    runs = _runs(pdf)
    lines = _cell_lines(runs, LONG[:8])
    on = sorted({n for n, _t in lines})
    assert len(on) >= 2
    continued = [t for n, t in lines if n != on[0]]
    text = "".join(t for _n, t in lines)
    # the mark begins the rest of the cell on each following page, and nothing else is added
    assert text.replace("（续）", "") == LONG
    assert text.count("（续）") == len(on) - 1 and continued[0].startswith("（续）")
    pages = ["".join(t for n, _x, _y, t in runs if n == k) for k in range(on[-1] + 1)]
    assert all("四、致困原因" in pages[k] for k in on)
    assert "协会审核意见" in "".join(t for *_, t in runs)


@pytest.mark.parametrize("k", [306, 316, 326, 340])
def test_the_signatures_never_stand_alone_under_a_long_last_row(fs: FontSet, k: int) -> None:
    """A last row almost a page high (306-326 remarks) leaves no room for the 制表人 line: its
    last lines go over with it (the signatures printed alone on the next page); a longer one
    is cut where the page ends anyway."""
    remark = "".join(f"第{n}条备注，" for n in range(k)) + "全文完。"
    rows = (("1", "人员甲", "短"), ("2", "人员乙", remark))
    doc = Document(association=ASSOC, title="测试名单", date=DAY,
                   columns=(Column("序号", 1), Column("姓名", 2), Column("备注", 6)),
                   sections=(Section("", rows, None),), total=None, name_column=1)
    runs = _runs(render(doc, fs))
    lines = _cell_lines(runs, "第0条备注")
    assert "".join(t for _n, t in lines) == remark
    last = max(n for n, *_ in runs)
    signed = "".join(t for n, _x, _y, t in runs if n == last)
    assert "制表人" in signed and "人员乙（续）" in signed and lines[-1][0] == last
    assert len([1 for n, _t in lines if n == last]) >= 2
