"""``insert_rows`` (the import's bulk insert, straight to the SQLite driver) stores exactly what
SQLAlchemy's ``insert`` stores: the same text for UUIDs, dates, times, booleans and defaults."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

from sqlalchemy import insert, select, text

from desktop.database import Database
from desktop.models import District
from desktop.services.imports.importer import insert_rows
from desktop.services.imports.plan import HONOR, PERSON


def test_insert_rows_stores_what_sqlalchemy_stores(sqlite_db: Database) -> None:
    db = sqlite_db
    with db.sessions.begin() as s:
        district = District(name="长兴县", kind="county")
        s.add(district)
        s.flush()
        home = district.id
    now = dt.datetime(2026, 6, 1, 8, 30, 15, 123456, tzinfo=dt.UTC)

    def person(n: int) -> dict[str, Any]:
        return {"id": uuid.uuid4(), "name": f"张{n}", "district_id": home,
                "birth_date": dt.date(1960, 1, n), "created_at": now, "updated_at": now,
                "is_farmer_model": n % 2 == 0, "monthly_income": Decimal("1234.50"),
                "work_unit": None if n == 1 else "供电公司", "origin_district_id": home}

    ours, theirs = [person(1), person(2)], [person(1), person(2)]
    for row in ours + theirs:  # keys in differing order, one key left to its default
        row.pop("updated_at")
    with db.sessions.begin() as s:
        insert_rows(s, PERSON, ours)
        s.execute(insert(PERSON), theirs)
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
