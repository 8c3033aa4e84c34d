"""Chinese line breaking (walk-through, December 2026): no line begins with closing punctuation,
a paragraph's last line never holds one character alone ("家/属）", "慰问品一/份"), and a centred
title's lines are even (排列对称)."""

from __future__ import annotations

import datetime as dt
import itertools
import re
import shutil
import subprocess
from pathlib import Path
from types import SimpleNamespace

import pytest
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth

from desktop.reports.fonts import FontSet, find_fonts, paragraph_markup
from desktop.reports.framework import render
from desktop.reports.linebreak import CANNOT_END, CANNOT_START, CJKParagraph
from desktop.reports.visits import summary_document

RULES = "待遇级别：全国、省部级；或在档困难劳模；或近 5 年内去世劳模的家属"


@pytest.fixture(scope="module")
def fs() -> FontSet:
    return find_fonts(windows_dir=False)


def _lines(fs: FontSet, text: str, width: float, *, centred: bool = False) -> list[str]:
    style = ParagraphStyle("t", fontName=fs.body.name, fontSize=10, leading=13,
                           alignment=TA_CENTER if centred else 0)
    para = CJKParagraph(paragraph_markup(text, fs, fs.body.name), style)
    para.wrap(width, 1e6)
    return ["".join(f.text for f in line.words) for line in para.blPara.lines]


def _letters(text: str) -> int:
    return sum(1 for ch in text if ch not in CANNOT_START + CANNOT_END and not ch.isspace())


@pytest.mark.parametrize("mark", list("）」》，。、；：！？") + sorted(set(CANNOT_START) - set(
    "）」》，。、；：！？")))
def test_no_line_begins_with_closing_punctuation(fs: FontSet, mark: str) -> None:
    texts = (f"去世劳模的家属{mark}其他人员{mark}共计", f"劳模{mark}{mark}慰问品一份{mark}",
             f"对象：1 2 {mark} 3 属{mark}", f"家{mark}" * 8)
    for text in texts:
        for width in range(22, 160, 3):  # at least two characters a line
            lines = _lines(fs, text, width)
            assert "".join(lines) == text
            for line in lines[1:]:
                assert line[0] not in CANNOT_START, (mark, width, lines)


@pytest.mark.parametrize("centred", [False, True])
def test_the_last_line_never_holds_one_character(fs: FontSet, centred: bool) -> None:
    texts = ("2027年元旦春节走访慰问（对象：" + RULES + "）", "慰问品一份", "省部级劳模",
             "主要致困原因：患重特大疾病，子女尚在读书。")
    for text in texts:
        for width in range(30, 420, 4):
            lines = _lines(fs, text, width, centred=centred)
            assert "".join(lines) == text
            if len(lines) > 1:
                assert _letters(lines[-1]) >= 2, (width, lines)


def test_cells_break_between_words(fs: FontSet) -> None:
    width = stringWidth("慰问品一", fs.body.name, 10) + 1  # one character short
    assert _lines(fs, "慰问品一份", width) == ["慰问品", "一份"]
    assert _lines(fs, "省部级劳模", width) == ["省部级", "劳模"]


def test_a_centred_subtitle_is_even_and_keeps_its_last_word(fs: FontSet,
                                                           tmp_path: Path) -> None:
    """走访情况汇总表: the subtitle (the campaign's rules) broke as "…的家/属）"."""
    line = SimpleNamespace(district="长兴县", level="全国", planned=3, done=0, money_fen=0,
                           goods=0)
    doc = summary_document([line], association="长兴县劳动模范协会",
                           campaign="2027年元旦春节走访慰问", rules=RULES, budget_fen=None,
                           date=dt.date(2026, 12, 3))
    path = tmp_path / "summary.pdf"
    path.write_bytes(render(doc, fs))
    exe = shutil.which("pdftotext")
    assert exe
    text = subprocess.run([exe, "-layout", "-enc", "UTF-8", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    start = next(i for i, ln in enumerate(lines) if ln.startswith("2027年元旦"))
    first, second = lines[start], lines[start + 1]
    assert second.endswith("家属）"), (first, second)
    assert not re.match(r"^[属）]", second)
    # even lines: neither is more than a third longer than the other
    a, b = len(first.replace(" ", "")), len(second.replace(" ", ""))
    assert max(a, b) <= 1.34 * min(a, b), (first, second)


def test_the_visit_list_gives_goods_and_notes_a_line_of_their_own(fs: FontSet,
                                                                  tmp_path: Path) -> None:
    """走访慰问名单: "慰问品一/份", "省部级劳/模" and "浙江省劳动模范/(2003)" wrapped in their
    columns; they are on one line each now."""
    from desktop.reports.visits import visit_list_document

    row = SimpleNamespace(
        name="王建国", sex="男", age=66, district="长兴县", area="雉城", team="第1组",
        team_people="王干事（组长）", route_order=1, planned_date=dt.date(2027, 2, 16),
        time_slot="上午", standard_fen=100000, money_fen=None, honors="浙江省劳动模范(2003)",
        treatment_level="省部级", life_status="alive", employment_status="退休",
        in_hardship=True, address="", phone="138****9999", goods="", standard_goods="慰问品一份",
        visitors="", actual_date=None, status="planned", reason="省部级劳模")
    doc = visit_list_document([row], association="长兴县劳动模范协会",
                              campaign="2027年元旦春节走访慰问", date=dt.date(2026, 12, 3))
    path = tmp_path / "list.pdf"
    path.write_bytes(render(doc, fs))
    exe = shutil.which("pdftotext")
    assert exe
    text = subprocess.run([exe, "-layout", "-enc", "UTF-8", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout
    lines = [re.sub(r"\s+", "", ln) for ln in text.splitlines()]
    for word in ("慰问品一份", "省部级劳模", "浙江省劳动模范(2003)"):
        assert any(word in ln for ln in lines), (word, text)



@pytest.mark.parametrize("centred", [False, True])
def test_the_level_words_never_break(fs: FontSet, centred: bool) -> None:
    """走访慰问情况汇总表 (second walk-through): the balanced subtitle broke "全国、省" /
    "部级；或在档困难劳模…", inside 省部级."""
    text = "2027年元旦春节走访慰问（对象：" + RULES + "）"
    for width in range(60, 420, 3):
        lines = _lines(fs, text, width, centred=centred)
        assert "".join(lines) == text
        for before, after in itertools.pairwise(lines):
            assert not (before.endswith("省") and after.startswith("部级")), (width, lines)
            assert not (before.endswith("省部") and after.startswith("级")), (width, lines)
            assert not (before.endswith("劳") and after.startswith("模")), (width, lines)
