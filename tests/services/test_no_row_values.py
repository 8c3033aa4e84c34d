"""Personal data never in error messages or logs (issue 16, item 11); demo data only into an
empty or demonstration database."""

from __future__ import annotations

import datetime as dt
import logging
import re
import uuid

import pytest
from sqlalchemy import insert

from desktop.core import idnumber
from desktop.database import Database
from desktop.errors import AppError, PermissionDenied
from desktop.logsetup import ScrubbingFormatter, scrub
from desktop.models import Person
from desktop.services import settings
from desktop.services.demo.service import DemoService
from desktop.services.permissions import Actor
from tests.conftest import initialise

ID = idnumber.make("330522", dt.date(1965, 3, 12), 11)


def test_a_failed_statement_never_carries_its_values(db: Database, admin: Actor) -> None:
    row = {"name": "张三", "id_number": ID, "phone": "13857212345", "sex": "X" * 50}
    with pytest.raises(Exception) as caught, db.sessions.begin() as s:
        s.execute(insert(Person).values(**row))
    text = scrub(str(caught.value))
    assert ID not in text and "13857212345" not in text
    record = logging.LogRecord("t", logging.ERROR, __file__, 1, "failed", None,
                               (type(caught.value), caught.value, None))
    assert ID not in ScrubbingFormatter().format(record)


def test_scrub_removes_driver_detail_lines() -> None:
    text = ('duplicate key value violates unique constraint "uq_person_id"\n'
            f"DETAIL:  Key (id_number)=({ID}) already exists.\n"
            f"Failing row contains (1, 张三, {ID}, 13857212345).")
    clean = scrub(text)
    assert ID not in clean and "13857212345" not in clean and "uq_person_id" in clean


def test_scrub_removes_numbers_quoted_anywhere() -> None:
    """An exception may quote a value anywhere (a KeyError, a ValueError of a parser): every
    long number standing alone goes, ids, times and line numbers stay."""
    quoted = [f"KeyError: '{ID}'", f"bad id {ID} in row 3", "legacy 330522740802696 here",
              "mobile=13857212345;", "bank 6222021202004567891 refused",
              f"{ID[:-1]}x lower-case check"]
    for text in quoted:
        clean = scrub(text)
        assert not re.search(r"\d{10,}", clean), clean
    kept = ["2026-12-03 22:13:52,123 ERROR desktop [MainThread] failed",
            'File "desktop/x.py", line 1234567, in run', "person 1f0e2d3c4b5a69788796a5b4c3d2e1f0",
            "batch 4c2a1e7f-0b3d-4e59-8a61-2f7d9c0b1e3a"]
    assert [scrub(t) for t in kept] == kept


def test_demo_refuses_a_register_with_real_persons(db: Database, admin: Actor) -> None:
    with db.sessions.begin() as s:
        district = uuid.UUID(str(settings.get(s, "association.district_id")))
        s.execute(insert(Person).values(name="张三", sex="1", id_number=ID,
                                        district_id=district))
    with pytest.raises(AppError) as caught:
        DemoService(db.sessions, admin).generate(5)
    assert caught.value.code == "demo_real_register"


def test_demo_is_for_administrators_and_goes_on_in_a_demo_database(db: Database) -> None:
    admin = initialise(db)
    from desktop.services import accounts
    from desktop.services.permissions import Role
    accounts.AccountService(db.sessions).create_user(
        admin, name="clerk1", display_name="录入", role=Role.CLERK, password="clerk1234")
    clerk = accounts.AccountService(db.sessions).login("clerk1", "clerk1234")
    with pytest.raises(PermissionDenied):
        DemoService(db.sessions, clerk).generate(5)
    DemoService(db.sessions, admin).generate(5, seed=1)
    DemoService(db.sessions, admin).generate(5, seed=2)  # a demonstration database: fine


def test_a_masked_list_leaves_an_audit_entry(db: Database, admin: Actor) -> None:
    """Who took which list of how many people, and when (issue 16, item 8)."""
    from sqlalchemy import select

    from desktop.models import AuditEvent
    from desktop.services.register.service import RegisterService
    from desktop.services.register.types import RegisterFilter

    with db.sessions.begin() as s:
        district = uuid.UUID(str(settings.get(s, "association.district_id")))
        s.execute(insert(Person).values(name="张三", sex="1", id_number=ID,
                                        district_id=district))
    rows = RegisterService(db.sessions, admin, db.read_sessions).export(
        RegisterFilter(), purpose="roster")
    assert len(rows) == 1
    with db.sessions.begin() as s:
        entry = s.scalars(select(AuditEvent).where(AuditEvent.action == "register.export")).one()
    assert entry.actor == "admin" and ID not in entry.detail
    assert '"count": 1' in entry.detail and '"purpose": "roster"' in entry.detail
