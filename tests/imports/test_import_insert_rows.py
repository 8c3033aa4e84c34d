"""``insert_rows`` (the import's bulk insert, straight to the SQLite driver) stores exactly what
SQLAlchemy's ``insert`` stores: the same text for UUIDs, dates, times, booleans and defaults."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import insert, select, text

from desktop.database import Database
from desktop.models import District
from desktop.services import seal
from desktop.services.imports.importer import insert_rows
from desktop.services.imports.plan import HONOR, PERSON


def _county(db: Database) -> uuid.UUID:
    """A district for the rows to belong to; its id."""
    with db.sessions.begin() as s:
        district = District(name="长兴县", kind="county")
        s.add(district)
        s.flush()
        return district.id


@pytest.mark.parametrize("alike", [True, False], ids=["rows-alike", "keys-differ"])
def test_insert_rows_stores_what_sqlalchemy_stores(sqlite_db: Database, alike: bool) -> None:
    """Rows with the same keys in the same order are turned column-wise in one pass; rows whose
    keys differ (a key missing, another order) key by key: both store what SQLAlchemy does."""
    db = sqlite_db
    home = _county(db)
    now = dt.datetime(2026, 6, 1, 8, 30, 15, 123456, tzinfo=dt.UTC)

    def person(n: int) -> dict[str, Any]:
        return {"id": uuid.uuid4(), "name": f"张{n}", "district_id": home,
                "birth_date": dt.date(1960, 1, n), "created_at": now, "updated_at": now,
                "is_farmer_model": n % 2 == 0, "monthly_income": Decimal("1234.50"),
                "work_unit": None if n == 1 else "供电公司", "origin_district_id": home}

    ours, theirs = [person(1), person(2)], [person(1), person(2)]
    for row in ours + theirs:  # one key left to its default
        row.pop("updated_at")
    if not alike:
        for rows in (ours, theirs):
            del rows[0]["work_unit"]  # missing, not None
            rows[1] = dict(reversed(rows[1].items()))
    assert (len({tuple(r) for r in ours}) == 1) is alike
    with db.sessions.begin() as s:
        insert_rows(s, PERSON, ours)
        for row in theirs:  # one by one: an executemany takes its columns from the first row
            s.execute(insert(PERSON), row)
    with db.sessions.begin() as s:
        def raw(ids: list[uuid.UUID]) -> list[tuple[Any, ...]]:
            marks = ", ".join(f"'{i.hex}'" for i in ids)
            rows = s.execute(text(f"SELECT * FROM person WHERE id IN ({marks})")).all()
            return sorted(tuple(v for k, v in r._mapping.items()
                                if k not in ("id", "updated_at")) for r in rows)

        mine, reference = raw([r["id"] for r in ours]), raw([r["id"] for r in theirs])
        assert mine == reference and len(mine) == 2
        stored = s.execute(text(f"SELECT id, birth_date, created_at, sex, row_version, "
                                f"life_status FROM person WHERE id = '{ours[1]['id'].hex}'")
                           ).one()
        assert stored == (ours[1]["id"].hex, "1960-01-02", stored[2], "0", 1, "alive")
        again = s.scalars(select(PERSON.c.created_at).where(PERSON.c.id == ours[0]["id"])).one()
        assert again.replace(tzinfo=dt.UTC) == now or again == now
    with db.sessions.begin() as s:  # honors: a table with its own defaults (id, row_version)
        insert_rows(s, HONOR, [{"person_id": ours[0]["id"], "title": "市劳模", "level": "市级",
                                "year": 2010, "origin_district_id": home}])
        count, version = s.execute(text("SELECT count(*), max(row_version) FROM honor")).one()
        assert (count, version) == (1, 1)


def test_digests_noted_at_the_insert_are_those_read_back(sqlite_db: Database) -> None:
    """The audit entry of rows written straight to the driver holds digests computed from the
    bound values (no read-back): the same as reading the rows gives; a later write to one of
    them in the same transaction is read again; a value SQLite would convert is never
    digested as bound (the rows are read instead)."""
    db = sqlite_db
    home = _county(db)
    now = dt.datetime(2026, 6, 1, 8, 30, 15, tzinfo=dt.UTC)
    people = [{"id": uuid.uuid4(), "name": f"张{n}", "district_id": home,
               "id_number": None if n == 1 else f"33052219600101{n:03d}X",
               "birth_date": dt.date(1960, 1, n), "created_at": now, "updated_at": now,
               "is_farmer_model": n % 2 == 0, "id_legacy15": n == 2,
               "work_unit": None if n == 1 else "供电公司", "origin_district_id": home}
              for n in (1, 2, 3)]
    with db.sessions.begin() as s:
        insert_rows(s, PERSON, people)
        honors = [{"id": uuid.uuid4(), "person_id": people[0]["id"], "title": "市劳模",
                   "level": "市级", "year": 2010, "origin_district_id": home}]
        insert_rows(s, HONOR, honors)
        known = s.info[seal._KNOWN]
        assert set(known["person"]) == {p["id"].hex for p in people}
        assert set(known["honor"]) == {honors[0]["id"].hex}
        s.execute(text(f"UPDATE person SET name = '李四' WHERE id = '{people[2]['id'].hex}'"))
        seal.note_written(s, "person", [people[2]["id"]])  # a later write: read, not noted
        state = seal.take_state(s, "admin")
        read = seal.digests(s, "person", [p["id"].hex for p in people])
        assert state["person"] == read and len(read) == 3
        assert state["honor"] == seal.digests(s, "honor", [honors[0]["id"].hex])
    with db.sessions.begin() as s:  # text in an integer column: SQLite converts it
        table = HONOR
        seal.note_inserted(s, table, {"id": [uuid.uuid4().hex], "year": ["2010"]})
        assert seal._KNOWN not in s.info or not s.info[seal._KNOWN].get("honor")
        s.rollback()
