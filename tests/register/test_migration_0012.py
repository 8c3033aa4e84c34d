"""Migration 0012: one live person per ID number (and origin district), issue 16 item 1.

A database that already holds duplicates is upgraded without losing a record: the index waits,
the 查重 page lists the pair (same ID number), and the merge that removes the last duplicate
creates the index in its transaction.
"""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from sqlalchemy import func, inspect, select, text
from sqlalchemy.exc import IntegrityError

from desktop.database import Database
from desktop.errors import AppError
from desktop.models import Person
from desktop.services import maintenance, settings
from desktop.services.permissions import Actor
from desktop.services.register import id_guard
from desktop.services.register.duplicates import REASON_SAME_ID, DuplicatesService
from desktop.services.register.store import home_district_id
from tests.conftest import initialise

TWICE = "33052219650312011X"


def _add(db: Database, number: str, name: str, *, origin: bool = True,
         deleted: bool = False) -> uuid.UUID:
    pid = uuid.uuid4()
    with db.sessions.begin() as s:
        home = home_district_id(s)
        s.execute(text(
            "INSERT INTO person (id, name, id_number, district_id, origin_district_id, "
            "deleted_at, row_version, sex, life_status) VALUES (:i, :n, :x, :d, :o, :del, 1, "
            "'1', 'alive')"), {"i": pid.hex if db.is_sqlite else pid, "n": name, "x": number,
                               "d": home.hex if db.is_sqlite and home else home,
                               "o": (home.hex if db.is_sqlite and home else home)
                               if origin else None,
                               "del": "2026-01-01 00:00:00" if deleted else None})
    return pid


def _has_index(db: Database) -> bool:
    with db.engine.connect() as conn:
        return id_guard.INDEX_NAME in {i["name"] for i in inspect(conn).get_indexes("person")}


def test_a_register_with_duplicates_upgrades_keeps_them_and_merging_sets_the_index(
        tmp_path: Path, run_laomo) -> None:  # type: ignore[no-untyped-def]
    db = Database(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    db.upgrade()
    actor = initialise(db)  # today's accounts and audit, then back to the schema before 0012
    with db.engine.connect() as conn, conn.begin():
        from alembic import command

        cfg = db._alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0011")
    first = _add(db, TWICE, "张建国")
    second = _add(db, TWICE, "张建国", origin=False)  # no origin yet: 0012 gives it home's
    _add(db, "330522195810020228", "李秀英")
    _add(db, "330522195810020228", "李秀英", deleted=True)  # a tombstone is no holder
    db.upgrade()
    assert not _has_index(db)
    with db.sessions.begin() as s:
        assert s.scalar(select(func.count()).select_from(Person)) == 4  # nothing thrown away
        assert settings.get(s, id_guard.PENDING) == {"id_numbers": 1}
        assert s.scalar(select(func.count()).select_from(Person).where(
            Person.origin_district_id.is_(None))) == 0
    waiting = next(i for i in maintenance.run_checks(db).items if i.name == "id_unique")
    assert (waiting.ok, waiting.attention, waiting.detail) == (True, True, "1")
    # (this test's downgrade rewrote the log, so the chain itself is reported too)
    db.dispose()  # the command opens the file on its own
    said = run_laomo("--db", db.url, "--user", "admin", "check")
    assert "身份证号唯一: 待处理 (1)" in said.stdout and "查重" in said.stdout
    pairs = DuplicatesService(db.sessions, actor).candidates()
    assert {pairs[0].a.id, pairs[0].b.id} == {first, second}
    assert pairs[0].reasons[0] == REASON_SAME_ID
    event = DuplicatesService(db.sessions, actor).merge(first, second, reason="同一人登记了两次")
    assert _has_index(db)
    with db.sessions.begin() as s:
        assert settings.get(s, id_guard.PENDING) is None
    done = next(i for i in maintenance.run_checks(db).items if i.name == "id_unique")
    assert (done.attention, done.detail) == (False, "on")
    with pytest.raises(AppError) as refused:  # undoing would make two live holders again
        DuplicatesService(db.sessions, actor).undo_merge(event, reason="误操作")
    assert refused.value.code == "merge_undo_same_id"
    with pytest.raises(IntegrityError):
        _add(db, TWICE, "张建国")
    db.dispose()


def test_the_database_refuses_a_second_live_holder(db: Database, admin: Actor) -> None:
    assert _has_index(db)
    _add(db, TWICE, "张建国")
    _add(db, TWICE, "张建国", deleted=True)  # a deleted record may keep its number
    with pytest.raises(IntegrityError):
        _add(db, TWICE, "张建国")
