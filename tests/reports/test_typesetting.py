"""Chinese typesetting in every printed document, read back from the PDF with
``pdftotext -layout``: no line (or table cell) begins with closing punctuation or ends with
opening punctuation, and an ID number, a phone number, a serial, an amount and a date are
each printed on one line, in the roster, proofs of title, membership cards, the hardship
档案表/公示/签收表/证明, the visit list, the 慰问金签收表, the recuperation list and its
letters. The texts are built so that a naive wrap would break each rule somewhere (varying
lengths before the punctuation and the numbers)."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pypdf
import pytest
from reportlab.lib.styles import ParagraphStyle

from desktop.reports.cards import Card, render_cards
from desktop.reports.certificate import Certificate, HonorLine, render_certificates
from desktop.reports.fonts import FontSet, find_fonts, paragraph_markup
from desktop.reports.framework import render
from desktop.reports.hardship import (
    CaseSheet,
    case_sheet_document,
    notice_document,
    payments_document,
    proof_document,
)
from desktop.reports.letter import render_letter, render_letters
from desktop.reports.linebreak import CANNOT_END, CANNOT_START, CJKParagraph, fitting_size
from desktop.reports.roster import roster_document
from desktop.reports.visits import (
    notification_document,
    receipt_document,
    recuperation_roster_document,
    visit_list_document,
)

DAY = dt.date(2026, 12, 3)
ASSOC = "长兴县劳动模范协会"
ID = "330522196812123456"
MASKED = "330522********3456"
PHONE = "13812345678"
AMOUNT = "12,345.67"
SERIAL = "330522-ZM-2026-0001"
CLOSING = "，。；：、？！）」』》"
OPENING = "（「『《“"


@pytest.fixture(scope="module")
def fs() -> FontSet:
    return find_fonts(windows_dir=False)


def _unit(n: int) -> str:
    """A work unit with punctuation at a different place for each n."""
    return "长兴" + "某" * n + "（集团）有限公司《劳模创新工作室》“先进集体”，获评：省级示范。"


def _address(n: int) -> str:
    return "浙江省湖州市长兴县" + "东" * n + "街道（老城区）幸福路8号"


def layout_text(pdf: bytes, tmp_path: Path) -> str:
    exe = shutil.which("pdftotext")
    assert exe, "poppler-utils (pdftotext) is needed by the tests"
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    return subprocess.run([exe, "-layout", "-enc", "UTF-8", str(path), "-"],
                          capture_output=True, text=True, check=True, timeout=60).stdout


def check(pdf: bytes, tmp_path: Path, whole: tuple[str, ...]) -> str:
    """Assert the rules on every line and every cell of ``pdf``; ``whole`` must each appear
    unbroken on one line."""
    text = layout_text(pdf, tmp_path)
    lines = [ln for ln in text.replace("\f", "\n").splitlines() if ln.strip()]
    cells = [c.strip() for ln in lines for c in re.split(r"\s{2,}|│|\|", ln) if c.strip()]
    starts = [c for c in cells if c[0] in CLOSING]
    ends = [c for c in cells if c[-1] in OPENING]
    assert not starts, starts[:5]
    assert not ends, ends[:5]
    flat = [re.sub(r"\s+", "", ln) for ln in lines]
    for token in whole:
        assert any(token.replace(" ", "") in ln for ln in flat), (token, text[:3000])
    return text


def _person(n: int, **kw: object) -> SimpleNamespace:
    base = dict(
        name=f"王{'建国'[: 1 + n % 2]}", sex="男", age=60 + n, district="长兴县", area="雉城",
        team="第一组", team_people="张三、李四", route_order=n, planned_date=DAY,
        time_slot="上午", standard_fen=1234567, money_fen=1234567, honors="浙江省劳动模范（2015）",
        treatment_level="省部级", life_status="alive", employment_status="退休",
        in_hardship=n % 2 == 0, address=_address(n), phone=PHONE, goods="大米（10kg）",
        standard_goods="慰问品", visitors="张三、李四", actual_date=DAY, status="done",
        reason="", birth_date=dt.date(1968, 12, 12), id_number=ID, work_unit=_unit(n),
        health_status="良好（慢性病：高血压）", last_year=2019, decline_reason="",
    )
    base.update(kw)
    return SimpleNamespace(**base)


BATCH = SimpleNamespace(name="2026年第一批疗休养（省级）", destination="杭州·千岛湖（淳安县）",
                        organiser="市总工会", start_date=DAY, end_date=DAY, days=5, quota=30,
                        cost_per_day_fen=40000)


def _roster(fs: FontSet) -> bytes:
    rows = [{"name": f"李{'某' * (n % 3)}", "sex": "女", "birth_date": "1968-12-12",
             "age": 57, "district": "长兴县", "work_unit": _unit(n), "treatment_level": "省部级",
             "honors": [{"year": 2015, "title": "浙江省劳动模范（先进工作者）", "level": "省部级"}],
             "phone": PHONE, "id_number": ID} for n in range(24)]
    keys = ("seq", "name", "sex", "birth_date", "age", "id_number", "work_unit",
            "treatment_level", "honors", "phone")
    return render(roster_document(rows, association=ASSOC, date=DAY, columns=keys), fs)


def _certificate(fs: FontSet) -> bytes:
    certs = [Certificate(ASSOC, SERIAL, "王" + "某" * n, "男", dt.date(1968, 12, 1), ID,
                         _unit(n), (HonorLine(2015, "浙江省劳动模范（先进工作者）", "省部级",
                                              "浙江省人民政府（省政府）"),), DAY)
             for n in range(8)]
    return render_certificates(certs, fs)


def _cards(fs: FontSet) -> bytes:
    cards = [Card(ASSOC, SERIAL, "王建国", "男", "长兴县", "省部级", "浙江省劳动模范（2015）", DAY)]
    return render_cards(cards, fs)


def _case_sheet(fs: FontSet) -> bytes:
    sheet = CaseSheet(
        serial="330522-KN-2026-0001", year=2026, status="已认定",
        facts=(*((f"事项{n}", _unit(n)) for n in range(6)), ("身份证号码", ID),
               ("联系电话", PHONE)),
        members=tuple((f"王{'某' * n}（配偶）", ID, "良好（退休）", AMOUNT) for n in range(4)),
        income=(("工资收入（元）", AMOUNT), ("其他（元）", "0.00")),
        causes=tuple((f"原因{n}", _unit(n)) for n in range(3)),
        checks=(("2026年12月3日", "入户核查", "张三（经办人）", _unit(5)),),
        payments=(("2026年12月3日", "生活救助", AMOUNT, "长兴县总工会（财务科）"),),
    )
    return render(case_sheet_document(sheet, association=ASSOC, date=DAY), fs)


def _notice(fs: FontSet) -> bytes:
    rows = [("长兴县", f"王{'某' * (n % 3)}", _unit(n), "生活困难（大病）",
             "2026年12月3日至2026年12月9日") for n in range(16)]
    doc = notice_document(rows, association=ASSOC, date=DAY,
                          contact=f"协会办公室（王老师），电话 {PHONE}")
    return render(doc, fs)


def _payments(fs: FontSet) -> bytes:
    rows = [("长兴县", f"王{'某' * (n % 3)}", "330522-KN-2026-0001", MASKED,
             "生活救助（一次性）", 1234567, "2026年12月3日", "6228****1234", _unit(n))
            for n in range(16)]
    return render(payments_document(rows, association=ASSOC, date=DAY), fs)


def _proof(fs: FontSet) -> bytes:
    letters = [proof_document(proof_serial="330522-BF-2026-0001", name="王" + "某" * n,
                              id_number=ID, district="长兴县", file_serial="330522-KN-2026-0001",
                              category="生活困难（大病）", approved_on=DAY,
                              payments=[("2026年12月3日", "生活救助（一次性）", 1234567)],
                              association=ASSOC, date=DAY) for n in range(8)]
    return render_letters(letters, fs)


def _visit_list(fs: FontSet) -> bytes:
    rows = [_person(n) for n in range(16)]
    return render(visit_list_document(rows, association=ASSOC, campaign="2026年春节走访慰问",
                                      date=DAY), fs)


def _receipt(fs: FontSet) -> bytes:
    rows = [_person(n, goods=_unit(n)) for n in range(16)]
    return render(receipt_document(rows, association=ASSOC, campaign="2026年春节走访慰问",
                                   date=DAY), fs)


def _recuperation(fs: FontSet) -> bytes:
    rows = [_person(n, status="confirmed") for n in range(16)]
    return render(recuperation_roster_document(rows, association=ASSOC, batch=BATCH,
                                               date=DAY), fs)


def _letter(fs: FontSet) -> bytes:
    return render_letter(notification_document(_person(1), association=ASSOC, batch=BATCH,
                                               date=DAY), fs)


DOCUMENTS: dict[str, tuple[Callable[[FontSet], bytes], tuple[str, ...]]] = {
    "roster 花名册": (_roster, (ID, PHONE)),
    "proof of title 荣誉称号证明": (_certificate, (SERIAL, "1968年12月")),
    "card 会员证": (_cards, (SERIAL,)),
    "hardship file 档案表": (_case_sheet, (ID, PHONE, AMOUNT, "2026年12月3日")),
    "hardship notice 公示": (_notice, (PHONE, "2026年12月3日至2026年12月9日")),
    "hardship payments 签收表": (_payments, (MASKED, "12,345.67", "330522-KN-2026-0001")),
    "hardship proof 帮扶证明": (_proof, (ID, "12,345.67", "330522-BF-2026-0001")),
    "visit list 走访慰问名单": (_visit_list, (PHONE, "12,345.67")),
    "receipt 慰问金签收表": (_receipt, ("12,345.67",)),
    "recuperation list 疗休养名单": (_recuperation, (ID, PHONE)),
    "recuperation letter 通知书": (_letter, ("2026年12月3日", "400.00")),
}


@pytest.mark.parametrize("kind", list(DOCUMENTS))
def test_every_document_keeps_the_typesetting_rules(fs: FontSet, tmp_path: Path,
                                                    kind: str) -> None:
    make, whole = DOCUMENTS[kind]
    check(make(fs), tmp_path, whole)


def _lines(fs: FontSet, text: str, width: float) -> list[str]:
    style = ParagraphStyle("t", fontName=fs.body.name, fontSize=10, leading=13)
    para = CJKParagraph(paragraph_markup(text, fs, fs.body.name), style)
    para.wrap(width, 1e6)
    return ["".join(f.text for f in line.words) for line in para.blPara.lines]


def test_the_line_breaker_moves_punctuation_and_keeps_tokens(fs: FontSet) -> None:
    text = (f"兹证明王某同志（男，身份证号码{ID}），电话{PHONE}，共计 {AMOUNT} 元，"
            f"时间2026年12月3日。《通知》“先进”")
    seen_ids = 0
    for width in range(60, 400, 7):
        lines = _lines(fs, text, width)
        assert "".join(lines) == text
        for line in lines[1:]:
            assert line[0] not in CANNOT_START, (width, lines)
        for line in lines:
            assert line[-1] not in CANNOT_END, (width, lines)
        if width >= 130:  # wide enough for each token and its punctuation: never broken
            for token in (ID, PHONE, f"{AMOUNT} 元", "2026年12月3日"):
                assert any(token in line for line in lines), (width, token, lines)
            seen_ids += 1
    assert seen_ids


def test_a_narrow_cell_shrinks_rather_than_break_an_id(fs: FontSet) -> None:
    size = fitting_size(ID, fs.body.name, 9, 60)
    assert 5 <= size < 9
    from reportlab.pdfbase.pdfmetrics import stringWidth

    assert stringWidth(ID, fs.body.name, size) <= 60
    assert fitting_size("王建国", fs.body.name, 9, 60) == 9


def test_a_membership_card_has_a_photo_box(fs: FontSet, tmp_path: Path) -> None:
    """会员证 (issue 12, point 9): a one-inch photo box (25 × 35 mm) labelled 贴照片处 on every
    card, inside the card and clear of the text, QR code and footer."""
    from pypdf import PdfReader
    from reportlab.lib.units import mm

    cards = [Card(ASSOC, f"330522-HY-2026-{n:04d}", "王建国", "男", "长兴县", "省部级",
                  "全国劳动模范（2005）", DAY) for n in range(3)]
    pdf = render_cards(cards, fs)
    text = layout_text(pdf, tmp_path)
    assert text.count("贴照片处") == 3
    content = PdfReader(io.BytesIO(pdf)).pages[0].get_contents().get_data().decode("latin-1")
    boxes = re.findall(r"([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+) re", content)
    photos = [b for b in boxes if abs(float(b[2]) - 25 * mm) < 0.1
              and abs(float(b[3]) - 35 * mm) < 0.1]
    assert len(photos) == 3, boxes[:6]


def test_a_header_too_wide_for_its_column_shrinks_instead_of_breaking(fs: FontSet,
                                                                      tmp_path: Path) -> None:
    """"待遇级/别" (issue 12, point 11): the narrow columns take room from the wide 备注 for
    their headers; the ID column stays narrower than the ID, which prints smaller, whole."""
    from desktop.reports.framework import Column, Document, Section

    titles = ("待遇级别", "慰问金（元）", "身份证号码", "联系电话", "出生年月")
    columns = (Column("待遇级别", 0.4), Column("慰问金（元）", 0.4), Column("身份证号码", 1.0),
               Column("联系电话", 0.5), Column("出生年月", 0.4), Column("备注", 4.0))
    row = ("省部级", "1", ID, PHONE, "1968.12", _unit(3))
    doc = Document(ASSOC, "表头", DAY, columns, (Section("", (row,) * 3),))
    text = check(render(doc, fs), tmp_path, (ID, PHONE, "1968.12"))
    flat = re.sub(r"\s+", "", text)
    for title in titles:
        assert title in flat, (title, text[:1500])


def test_the_proof_of_assistance_aligns_its_amounts_right(fs: FontSet) -> None:
    """帮扶证明's 金额（元） column printed its amounts left-aligned (1,600.00 over 12,000.00
    begins at the same x), unlike every other table with money: now their last digits line up."""
    letter = proof_document(proof_serial="330522-BF-2026-0001", name="顾花", id_number=MASKED,
                            district="长兴县", file_serial="KN-2026-00027", category="深度困难",
                            approved_on=DAY, payments=[("2026.06.10", "春节慰问金", 160000),
                                                       ("2026.07.29", "助学", 1200000)],
                            association=ASSOC, date=DAY)
    found: dict[str, float] = {}

    def visit(text: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        if text.strip() in ("1,600.00", "12,000.00"):
            found[text.strip()] = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]

    page = pypdf.PdfReader(io.BytesIO(render_letter(letter, fs))).pages[0]
    page.extract_text(visitor_text=visit)
    assert set(found) == {"1,600.00", "12,000.00"}, found
    assert found["1,600.00"] > found["12,000.00"] + 3, found  # one digit and a comma further in


def test_a_notification_keeps_one_full_stop_after_a_typed_destination(fs: FontSet) -> None:
    """The destination is typed by a clerk; "舟山普陀。" printed "地点与线路：舟山普陀。。"."""
    batch = SimpleNamespace(**{**vars(BATCH), "destination": "舟山普陀。"})
    person = SimpleNamespace(name="沈健")
    letter = notification_document(person, association=ASSOC, batch=batch, date=DAY)
    text = "".join(pypdf.PdfReader(io.BytesIO(render_letter(letter, fs))).pages[0]
                   .extract_text().split())
    assert "地点与线路：舟山普陀。二、" in text, text


def test_the_visit_summary_aligns_its_money_right(fs: FontSet) -> None:
    """走访慰问情况汇总表 printed 158,000.00 and 15,500.00 from the same left edge; its money
    (and counts) now end on the same right edge, as in the receipt sheet."""
    from desktop.reports.visits import summary_document

    lines = [SimpleNamespace(district="长兴县", level="全国", planned=85, done=79,
                             money_fen=15_800_000, goods=79),
             SimpleNamespace(district="长兴县", level="县级", planned=33, done=31,
                             money_fen=1_550_000, goods=31)]
    doc = summary_document(lines, association=ASSOC, campaign="2025年元旦春节走访慰问",
                           rules="待遇级别：全国", budget_fen=None, date=DAY)
    found: dict[str, float] = {}

    def visit(text: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        if text.strip() in ("158,000.00", "15,500.00"):
            found[text.strip()] = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]

    pypdf.PdfReader(io.BytesIO(render(doc, fs))).pages[0].extract_text(visitor_text=visit)
    assert set(found) == {"158,000.00", "15,500.00"}, found
    assert found["15,500.00"] > found["158,000.00"] + 3, found
