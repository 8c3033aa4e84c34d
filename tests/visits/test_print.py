"""Visit and recuperation documents: rendered through the framework, read back with
pdftotext; the Excel visit list read back with openpyxl."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.core.money import yuan_capital
from desktop.database import Database
from desktop.exchange.visit_list import visit_list_xlsx
from desktop.reports.fonts import FontSet, find_fonts
from desktop.reports.framework import render
from desktop.reports.letter import render_letter
from desktop.reports.visits import (
    notification_document,
    receipt_document,
    recuperation_roster_document,
    summary_document,
    visit_list_document,
)
from desktop.services.permissions import Actor, Role
from desktop.services.visits.recuperation import RecuperationService
from desktop.services.visits.service import VisitService
from desktop.services.visits.types import VisitResult
from tests.visits.support import add_people
from tests.visits.test_recuperation import draft


@pytest.fixture(scope="module")
def fontset() -> FontSet:
    return find_fonts(windows_dir=False)


def text_of(pdf: bytes, tmp_path: Path) -> str:
    exe = shutil.which("pdftotext")
    assert exe, "pdftotext (poppler-utils) is needed"
    src = tmp_path / "doc.pdf"
    src.write_bytes(pdf)
    subprocess.run([exe, str(src), str(tmp_path / "doc.txt")], check=True)
    return re.sub(r"\s+", "", (tmp_path / "doc.txt").read_text(encoding="utf-8"))


def test_visit_documents(db: Database, admin: Actor, fontset: FontSet, tmp_path: Path) -> None:
    add_people(db)
    svc = VisitService(db.sessions, admin, today=lambda: dt.date(2027, 2, 1))
    cid = svc.create_campaign(svc.default_draft("春节", 2027))
    svc.plan(cid)
    leader = svc.add_staff("王主席")
    team = svc.create_team(cid, "第一组", leader)
    svc.auto_schedule(cid, [team], dt.date(2027, 1, 4), per_day=3)
    rows = svc.visits(cid)
    svc.record(rows[0].id, VisitResult("done", dt.date(2027, 1, 4), money_fen=rows[0].standard_fen,
                                       goods="米油"))
    rows = svc.visits(cid)
    text = text_of(render(visit_list_document(
        rows, association="长兴县劳动模范协会", campaign="2027年元旦春节走访慰问",
        date=dt.date(2027, 1, 2)), fontset), tmp_path)
    for word in ("走访慰问名单", "荣誉称号(年份)", "签收", "第一组", "王主席（组长）", "全国甲",
                 "全国劳动模范(2005)", "雉城街道", "2,000.00", "合计：5人",
                 "第一组2027年1月4日"):  # the group's day in words, as the page dates itself
        assert word in text, word
    assert "2027-01-04" not in text
    # 上午 and 下午 are groups of their own: "本组本日共 2 人" under the morning miscounted the day
    assert "本组本日上午共2人" in text and "本组本日下午共1人" in text, text
    text = text_of(render(receipt_document(
        rows, association="长兴县劳动模范协会", campaign="春节", date=dt.date(2027, 1, 2)),
        fontset), tmp_path)
    assert "慰问金签收表" in text and "签收人签字" in text and "合计：5人" in text
    total = sum(r.money_fen if r.money_fen is not None else r.standard_fen or 0 for r in rows)
    assert f"（大写：{yuan_capital(total)}）" in text  # the receipt's total in 大写金额
    c = svc.campaign(cid)
    text = text_of(render(summary_document(
        svc.summary(cid), association="长兴县劳动模范协会", campaign=c.title,
        rules=c.rules.describe(), budget_fen=5000000, date=dt.date(2027, 2, 1)), fontset),
        tmp_path)
    assert "计划5人，已走访1人（20%）" in text and "预算50,000.00元" in text
    data = visit_list_xlsx(rows, title="2027年元旦春节走访慰问名单")
    ws = load_workbook(io.BytesIO(data)).active
    assert ws is not None
    assert ws["A2"].value == "序号" and ws["H3"].value == rows[0].name
    assert ws["P3"].value == rows[0].standard_fen / 100  # 慰问标准（元）, a number
    assert ws.max_row == 2 + len(rows)


def test_recuperation_documents(db: Database, admin: Actor, fontset: FontSet,
                                tmp_path: Path) -> None:
    add_people(db)
    svc = RecuperationService(db.sessions, admin)
    bid = svc.create_batch(draft())
    svc.fill(bid)
    batch = svc.batch(bid)
    roster = svc.roster(bid)
    text = text_of(render(recuperation_roster_document(
        roster, association="长兴县劳动模范协会", batch=batch, date=dt.date(2027, 4, 1)),
        fontset), tmp_path)
    for word in ("疗休养名单", "吴兴辛", "省级乙", "舟山", "拟安排", "名额2人"):
        assert word in text, word
    letter = text_of(render_letter(notification_document(
        roster[0], association="长兴县劳动模范协会", batch=batch, date=dt.date(2027, 4, 1)),
        fontset), tmp_path)
    assert "疗休养通知书" in letter and f"{roster[0].name}同志" in letter and "600.00元" in letter
    assert "确定您参加" in letter and "长兴县劳动模范协会" in letter  # a letter: 落款 at the end


def test_a_team_sheet_names_the_team_and_day_and_gives_full_phones_audited(
        db: Database, admin: Actor, tmp_path: Path) -> None:
    from sqlalchemy import select

    from desktop.models import AuditEvent
    from desktop.services.visits.prints import VisitPrints

    add_people(db)
    svc = VisitService(db.sessions, admin, today=lambda: dt.date(2027, 2, 1))
    cid = svc.create_campaign(svc.default_draft("春节", 2027))
    svc.plan(cid)
    team = svc.create_team(cid, "第一组", svc.add_staff("王主席"))
    svc.auto_schedule(cid, [team], dt.date(2027, 1, 4), per_day=5)
    VisitService(db.sessions, Actor(30, "rev1", "审核员", Role.REVIEWER)).approve_campaign(cid)
    prints = VisitPrints(db.sessions, admin, db.read_sessions, today=lambda: dt.date(2027, 1, 2))
    pdf, count = prints.campaign_pdf(cid, "list", team_id=team, day=dt.date(2027, 1, 4))
    text = text_of(pdf, tmp_path)
    assert count >= 1 and "第一组" in text and "2027年1月4日" in text
    pdf, count = prints.campaign_pdf(cid, "list", team_id=team)
    text = text_of(pdf, tmp_path)
    assert "13800000001" in text and "****" not in text  # the working list: phones in full
    with db.read_sessions.begin() as s:
        reasons = [str(d) for d in s.scalars(select(AuditEvent.detail))]
    assert any("走访组工作名单" in r for r in reasons)  # audited like an unmask
    receipt, _n = prints.campaign_pdf(cid, "receipt", team_id=team)
    assert "本页小计" in text_of(receipt, tmp_path) and "大写" in text_of(receipt, tmp_path)


def test_a_deceased_persons_row_says_so_and_the_family_signs(
        db: Database, admin: Actor, fontset: FontSet, tmp_path: Path) -> None:
    """The walk-through: a family visit printed the dead man's age (88, died 2022) and his own
    phone, and the receipt gave his name to sign."""
    import dataclasses

    from sqlalchemy import update

    from desktop.models import Person
    from desktop.services.visits.rules import Rules

    ids = add_people(db)
    with db.sessions.begin() as s:
        s.execute(update(Person).where(Person.id == ids["已故己"]).values(
            spouse_name="王秀英", mobile="13900000006", death_date=dt.date(2022, 3, 1)))
    svc = VisitService(db.sessions, admin, today=lambda: dt.date(2027, 2, 1))
    cid = svc.create_campaign(dataclasses.replace(
        svc.default_draft("春节", 2027), rules=Rules(
            levels=("全国", "省部级"), deceased_families=True, deceased_within_years=10)))
    svc.plan(cid)
    team = svc.create_team(cid, "第一组", svc.add_staff("王主席"))
    svc.auto_schedule(cid, [team], dt.date(2027, 1, 4), per_day=5)
    rows = svc.visits(cid, unmask=True, reason="测试")
    dead = next(r for r in rows if r.name == "已故己")
    assert dead.age is not None and dead.family == "王秀英"
    alive = next(r for r in rows if r.name == "全国甲")
    text = text_of(render(visit_list_document(
        rows, association="长兴县劳动模范协会", campaign="2027年元旦春节走访慰问",
        date=dt.date(2027, 1, 2)), fontset), tmp_path)
    assert f"已故己{dead.sex}已故" in text  # 姓名 | 性别 | 年龄
    assert f"已故己{dead.sex}{dead.age}" not in text
    assert f"全国甲{alive.sex}{alive.age}" in text  # the living keep their age
    assert "家属：配偶王秀英" in text and "原号码13900000006" in text
    text = text_of(render(receipt_document(
        rows, association="长兴县劳动模范协会", campaign="春节", date=dt.date(2027, 1, 2)),
        fontset), tmp_path)
    # a narrow column wraps the cell and pdftotext puts the next column's words between
    assert _wrapped("已故己（家属代领）", text) and _wrapped("配偶王秀英签收", text)
    assert text.count("家属代领") <= 1 and not _wrapped("全国甲（家属代领）", text)
    data = visit_list_xlsx(rows, title="名单")
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet is not None
    ages = {sheet.cell(row=n, column=8).value: sheet.cell(row=n, column=10).value
            for n in range(3, sheet.max_row + 1)}
    assert ages["已故己"] == "已故" and ages["全国甲"] == alive.age


def _wrapped(phrase: str, text: str, gap: int = 8) -> bool:
    """``phrase`` in ``text`` in order, a wrapped cell's lines at most ``gap`` characters of
    neighbouring cells apart."""
    pattern = f".{{0,{gap}}}".join(re.escape(c) for c in phrase)
    return re.search(pattern, text) is not None


def test_the_rules_in_words_space_the_years_evenly() -> None:
    """"；或5 年内去世…" had a space after the number and none before it."""
    from desktop.services.visits.rules import Rules

    words = Rules(levels=("全国",), deceased_families=True, deceased_within_years=5).describe()
    assert words == "待遇级别：全国；或近 5 年内去世劳模的家属"


def test_the_receipt_sheet_leaves_the_note_to_the_signer(
        db: Database, admin: Actor, fontset: FontSet) -> None:
    """慰问金签收表: a visit still planned has an empty 备注 (it printed 待走访 on every row of a
    sheet taken out before the round, the column the signer writes in); a deceased member's
    family keeps its note (who signs), and the 合计 still says how many are still to visit."""
    import dataclasses

    import pypdf
    from sqlalchemy import update

    from desktop.models import Person
    from desktop.services.visits.rules import Rules

    ids = add_people(db)
    with db.sessions.begin() as s:
        s.execute(update(Person).where(Person.id == ids["已故己"]).values(
            spouse_name="王秀英", death_date=dt.date(2022, 3, 1)))
    svc = VisitService(db.sessions, admin, today=lambda: dt.date(2027, 2, 1))
    cid = svc.create_campaign(dataclasses.replace(
        svc.default_draft("春节", 2027), rules=Rules(
            levels=("全国", "省部级"), deceased_families=True, deceased_within_years=10)))
    svc.plan(cid)
    rows = svc.visits(cid)
    first = next(r for r in rows if r.name != "已故己")
    svc.record(first.id, VisitResult("done", dt.date(2027, 1, 4), money_fen=first.standard_fen,
                                     goods="米油"))
    rows = svc.visits(cid)
    planned = sum(1 for r in rows if r.status == "planned")
    assert planned >= 2
    pdf = render(receipt_document(rows, association="长兴县劳动模范协会", campaign="春节",
                                  date=dt.date(2027, 1, 2)), fontset)
    text = "".join("".join(p.extract_text().split())
                   for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert text.count("待走访") == 1, text  # in the 合计 only, on no row
    assert f"（其中待走访{planned}人" in text
    assert _wrapped("配偶王秀英签收", text)
