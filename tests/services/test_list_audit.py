"""Lists that name people leave a trace when printed or exported masked too (as the register's
roster, ``register.export``): the visit list (PDF and workbook), the recuperation roster and
letters, the hardship notice and payment sheet; kind, count and the campaign, batch or file
numbers, never a personal value. The visit list workbook is a file export
(``Perm.IMPORT_EXPORT``): a viewer gets no such file."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from desktop.database import Database
from desktop.errors import PermissionDenied
from desktop.models import AuditEvent
from desktop.services.hardship.prints import HardshipPrint
from desktop.services.permissions import Actor, Role
from desktop.services.visits.prints import VisitPrints
from desktop.services.visits.recuperation import RecuperationService
from desktop.services.visits.service import VisitService
from tests import hardship_support as hs
from tests.conftest import initialise
from tests.visits import support as vs
from tests.visits.test_recuperation import draft

VIEWER = Actor(40, "view1", "只读", Role.VIEWER)
CLERK = Actor(41, "clerk1", "录入员", Role.CLERK)


@pytest.fixture
def office(sqlite_db: Database) -> Iterator[tuple[Database, Actor]]:
    yield sqlite_db, initialise(sqlite_db)


def trail(db: Database) -> list[tuple[str, str, dict[str, object]]]:
    with db.read_sessions.begin() as s:
        return [(e.action, e.actor, json.loads(e.detail) if isinstance(e.detail, str)
                 else dict(e.detail or {}))
                for e in s.scalars(select(AuditEvent).order_by(AuditEvent.seq))]


def test_visit_and_recuperation_lists_are_audited_and_the_workbook_needs_export(
        office: tuple[Database, Actor]) -> None:
    db, admin = office
    ids = vs.add_people(db)
    svc = VisitService(db.sessions, admin, today=lambda: dt.date(2027, 2, 1))
    cid = svc.create_campaign(svc.default_draft("春节", 2027))
    svc.plan(cid)
    VisitService(db.sessions, Actor(30, "rev1", "审核员", Role.REVIEWER)).approve_campaign(cid)
    rec = RecuperationService(db.sessions, admin)
    bid = rec.create_batch(draft())
    rec.confirm(rec.nominate(bid, ids["奖章壬"]))

    def prints(actor: Actor) -> VisitPrints:
        return VisitPrints(db.sessions, actor, db.read_sessions,
                           today=lambda: dt.date(2027, 1, 2))

    with pytest.raises(PermissionDenied):  # names, addresses, phones, health notes in a file
        prints(VIEWER).campaign_xlsx(cid)
    before = len(trail(db))
    _data, listed = prints(CLERK).campaign_xlsx(cid)
    _pdf, printed = prints(VIEWER).campaign_pdf(cid, "list")
    prints(VIEWER).campaign_pdf(cid, "summary")  # counts per district: names nobody
    _roster, _going = prints(VIEWER).recuperation_roster(bid)
    letters = prints(VIEWER).letters(bid)
    prints(VIEWER).letters_pdf(bid)
    entries = trail(db)[before:]
    assert [(a, who) for a, who, _d in entries] == [
        ("visit.export_list", "clerk1"), ("visit.print_list", "view1"),
        ("recuperation.print_roster", "view1"), ("recuperation.print_letters", "view1"),
        ("recuperation.print_letters", "view1")]
    details = [d for _a, _w, d in entries]
    assert details[0]["count"] == listed and details[1]["count"] == printed > 0
    assert details[1]["sheet"] == "list" and details[3]["count"] == len(letters) == 1
    text = json.dumps(details, ensure_ascii=False)
    for personal in ("全国甲", "奖章壬", "13800000001", "138****0001"):
        assert personal not in text


def test_hardship_notice_and_payment_sheet_are_audited(office: tuple[Database, Actor]) -> None:
    db, _admin = office
    (in_notice, paid) = hs.add_people(db, 2)
    hs.walk(db, in_notice, "notice")
    hs.pay(db, hs.walk(db, paid, "approved"))
    printer = HardshipPrint(db.sessions, hs.CAST["viewer"], db.read_sessions,
                            today=lambda: hs.TODAY)
    before = len(trail(db))
    printer.notice()
    printer.payments(year=2026)
    entries = trail(db)[before:]
    assert [a for a, _w, _d in entries] == ["hardship.print_notice", "hardship.print_payments"]
    notice, payments = (d for _a, _w, d in entries)
    assert notice["count"] == 1 and len(notice["serials"]) == 1  # type: ignore[arg-type]
    assert payments == {"count": 1, "year": 2026}
    assert "困难" not in json.dumps([notice, payments], ensure_ascii=False)
