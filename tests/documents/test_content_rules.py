"""Who is printed (issue 12, wrong content): cards and rosters go to active members unless
everyone is asked for; a proof for a deceased person needs a reason and says so on the page.
PDFs are read back; no line may start with closing punctuation and no base-14 font is used."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from desktop.database import Database
from desktop.errors import AppError
from desktop.services.documents.service import DocumentService
from desktop.services.permissions import Actor
from desktop.services.register.types import RegisterFilter
from tests.register_support import LISTED, REGISTER, add_persons

CLOSING = "，。；：、）」』》？！"


def text_of(pdf: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)


def base14(pdf: bytes) -> set[str]:
    """Names of non-embedded standard fonts (Helvetica, Times, …) in the PDF."""
    found: set[str] = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            if "/FontDescriptor" not in font and font.get("/Subtype") == "/Type1":
                found.add(str(font.get("/BaseFont")))
    return found


def test_cards_and_roster_go_to_active_members_unless_asked(db: Database,
                                                            admin: Actor) -> None:
    people = add_persons(db, REGISTER)
    docs = DocumentService(db.sessions, admin, db.read_sessions)
    roster = text_of(docs.roster(RegisterFilter()).pdf)
    assert "王伟" not in roster  # died in 2020: not on the default roster
    # and the roster says so (the list on the screen holds him: a silent 29 of 30)
    assert "另有1人已故、称号已撤销、移居境外或失联，未列入" in re.sub(r"\s+", "", roster)
    everyone = text_of(docs.roster(RegisterFilter(), everyone=True).pdf)
    assert "未列入" not in everyone
    assert "王伟" in everyone and "已故" in everyone  # marked: 已故 where the age would be
    cards = docs.cards(filter=RegisterFilter(), preview=True)
    assert "王伟" not in text_of(cards.pdf) and not docs.log()
    # the register filtered to the deceased issued each of them a card under a serial
    with pytest.raises(AppError) as refused:
        docs.cards(filter=RegisterFilter(life_statuses=("deceased",)))
    assert refused.value.code == "report_empty" and not docs.log()
    with pytest.raises(AppError) as refused:
        docs.cards(person_ids=[people["王伟"]])
    assert refused.value.code == "card_not_active"
    assert not base14(docs.roster(RegisterFilter()).pdf)


def test_a_proof_for_a_deceased_person_says_why(db: Database, admin: Actor) -> None:
    people = add_persons(db, REGISTER)
    docs = DocumentService(db.sessions, admin, db.read_sessions)
    with pytest.raises(AppError) as refused:
        docs.certificate(people["王伟"])
    assert refused.value.code == "certificate_deceased_reason" and not docs.log()
    issued = docs.certificate(people["王伟"], deceased_reason="家属办理抚恤")
    text = re.sub(r"\s+", "", text_of(issued.pdf))
    assert "生前系我会登记在册的劳动模范" in text and "2020年1月1日去世" in text
    assert "家属办理抚恤" in text
    assert not base14(issued.pdf)
    for line in text_of(issued.pdf).splitlines():
        assert not line.strip().startswith(tuple(CLOSING)), line
    # a reason typed as a sentence keeps one full stop (it printed "遗属补助。。")
    typed = docs.certificate(people["王伟"], deceased_reason="家属申请，用于办理遗属补助。 ",
                             preview=True)
    text = re.sub(r"\s+", "", text_of(typed.pdf))
    assert "用途：家属申请，用于办理遗属补助。特此证明" in text, text


def test_no_line_starts_with_closing_punctuation() -> None:
    """Kinsoku in every wrapped cell: a comma, full stop, semicolon or colon that would start
    a line stays at the end of the line before (标点悬挂)."""
    import datetime as dt
    import shutil
    import subprocess
    import tempfile
    from pathlib import Path

    from desktop.reports.fonts import find_fonts
    from desktop.reports.framework import Column, Document, Section, render

    rows = tuple((str(n), "某" * n + "，乙乙乙乙乙。说明；一二三：四五、六（七）")
                 for n in range(1, 45))
    doc = Document("长兴县劳动模范协会", "断行", dt.date(2026, 12, 3),
                   (Column("序号", 0.5), Column("内容", 1.0)), (Section("", rows),))
    pdf = render(doc, find_fonts(windows_dir=False))
    exe = shutil.which("pdftotext")
    assert exe
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "d.pdf"
        path.write_bytes(pdf)
        text = subprocess.run([exe, "-layout", str(path), "-"], capture_output=True,
                              text=True, check=True).stdout
    cells = [part.strip() for line in text.splitlines() for part in re.split(r"\s{2,}", line)]
    starts = [c for c in cells if c and c[0] in CLOSING]
    assert not starts, starts[:5]
    assert not base14(pdf)


def test_names_sort_syllable_by_syllable() -> None:
    """程 (cheng) comes after every 陈 (chen), not among them; 单 reads shan, 曾 zeng."""
    from desktop.services.documents.service import pinyin_order

    names = ["程丽", "陈伟", "单雄", "陈刚", "曾凡", "陈志强"]
    assert sorted(names, key=pinyin_order) == ["陈刚", "陈伟", "陈志强", "程丽", "单雄", "曾凡"]


def test_a_roster_of_everyone_marks_each_inactive_person_and_counts_them(
        db: Database, admin: Actor) -> None:
    """``--everyone`` promises the inactive persons "marked": the dead had 已故 in the age
    column, but a person who emigrated, lost contact or lost the title printed like any active
    member (walk-through, December 2026). They now carry the state in 备注, and the subtitle
    counts them beside the total that includes them."""
    from tests.register_support import Spec

    add_persons(db, [*REGISTER,
                     Spec("吕出境", work_unit="长兴县人民医院", extra={"is_emigrated": True}),
                     Spec("韩失联", work_unit="长兴县人民医院", extra={"is_lost_contact": True}),
                     Spec("苏撤销", work_unit="长兴县人民医院", extra={"is_revoked": True})])
    docs = DocumentService(db.sessions, admin, db.read_sessions)
    everyone = re.sub(r"\s+", "", text_of(docs.roster(RegisterFilter(), everyone=True).pdf))
    assert "备注" in everyone
    for name, mark in (("吕出境", "已移居境外"), ("韩失联", "失联"), ("苏撤销", "称号已撤销")):
        row = everyone.split(name, 1)[1].split("长兴县人民医院", 1)[1][:40]
        assert mark in row, (name, row)
    # 王伟 (dead), 吕出境, 韩失联, 苏撤销: four of the listed are not active members
    assert "含已故、称号已撤销、移居境外或失联4人（已注明）" in everyone
    assert f"合计：{len(LISTED) + 3}人" in everyone
    # the default roster of active members has no 备注 column
    assert "备注" not in re.sub(r"\s+", "", text_of(docs.roster(RegisterFilter()).pdf))


def test_cards_take_their_serials_in_the_rosters_order(db: Database, admin: Actor) -> None:
    """The roster lists 陈启新, 陈水, 程鹏俊 (pinyin syllable by syllable); the cards of the same
    filter came as 程鹏俊, 陈启新, 陈水 (the register's whole-name pinyin, chengpengjun before
    chenqixin), so serials and cards did not follow the list they are handed out with."""
    from tests.register_support import Spec

    add_persons(db, [Spec(n, work_unit="长兴县第一中学",
                          honors=(("长兴县劳动模范", "县级", 2010, False),))
                     for n in ("程鹏俊", "陈水", "陈启新")])
    docs = DocumentService(db.sessions, admin, db.read_sessions)
    chosen = RegisterFilter(text="第一中学")
    roster = re.sub(r"\s+", "", text_of(docs.roster(chosen).pdf))
    cards = re.sub(r"\s+", "", text_of(docs.cards(filter=chosen).pdf))
    names = ("陈启新", "陈水", "程鹏俊")
    assert [roster.index(n) for n in names] == sorted(roster.index(n) for n in names), roster
    assert [cards.index(n) for n in names] == sorted(cards.index(n) for n in names), cards
    assert [e.person_name for e in sorted(docs.log(), key=lambda e: e.serial)] == list(names)
