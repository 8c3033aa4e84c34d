"""The merge's SQLite fast path writes rows straight to the driver: it must store exactly what
SQLAlchemy stores, whether the values come from a SQLite district (already in stored form) or a
PostgreSQL one (ISO text with offsets, dashed UUIDs, decimals as text, true/false)."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import text
from sqlalchemy.dialects import sqlite

from desktop.services.handoff import rows as rowsmod
from tests.handoff.support import Office, enrol, make_office
from tests.handoff.test_handoff_flow import ID_A, ID_B, person

UTC_NOON = dt.datetime(2026, 6, 1, 12, 30, 15, 120, tzinfo=dt.UTC)


def test_stored_form_matches_sqlalchemy_for_every_column_type() -> None:
    dialect = sqlite.dialect()
    for name in rowsmod.ORDER:
        for col in rowsmod.table(name).columns:
            store = rowsmod._storer(col)
            bind = col.type.dialect_impl(dialect).bind_processor(dialect)
            samples: list[tuple[Any, Any]] = []  # (typed value, JSON forms it may travel as)
            kind = type(col.type).__name__
            if kind == "Uuid":
                u = uuid.uuid4()
                samples = [(u, u.hex), (u, str(u))]
            elif kind == "DateTime":
                samples = [(UTC_NOON, UTC_NOON.isoformat()),
                           (UTC_NOON, UTC_NOON.astimezone(
                               dt.timezone(dt.timedelta(hours=8))).isoformat()),
                           (UTC_NOON, "2026-06-01 12:30:15.000120")]
            elif kind == "Date":
                samples = [(dt.date(1960, 5, 1), "1960-05-01")]
            elif kind == "Numeric":
                samples = [(Decimal("1234.50"), "1234.50"), (Decimal("1234.50"), 1234.5)]
            elif kind == "Boolean":
                samples = [(True, True), (True, 1), (False, 0), (False, False)]
            elif kind == "LargeBinary":
                samples = [(b"\x00\xff", "AP8=")]
            for typed, travelled in samples:
                expected = bind(typed) if bind else typed
                got = store(travelled) if store else travelled
                assert got == expected, (name, col.name, travelled, got, expected)


def _raw(office: Office, table: str) -> dict[str, dict[str, Any]]:
    with office.db.sessions.begin() as s:
        names = dict(s.execute(text("SELECT id, name FROM district")).all())
        dcols = rowsmod.district_columns(rowsmod.table(table))
        out = {}
        for row in s.execute(text(f'SELECT * FROM "{table}"')).mappings():
            out[row["id"]] = {k: (names.get(v) if k in dcols else v) for k, v in row.items()}
        return out


def test_merged_rows_are_stored_as_the_district_stored_them(
        tmp_path: Path, sqlite_template: Path) -> None:
    city, cx = (make_office(tmp_path, sqlite_template, n) for n in ("湖州市", "长兴县"))
    enrol(city, cx)
    cx.persons().create(person("朱荣荣", "长兴县", ID_A))
    cx.persons().create(person("孙德", "长兴县", ID_B))
    cx.handoff().export("2026Q4", tmp_path / "cx.lmpkg")
    staged = city.handoff().import_file((tmp_path / "cx.lmpkg").read_bytes())
    assert staged.package_id is not None
    city.handoff(city.reviewer).merge(staged.package_id)
    for table in ("person", "honor"):
        theirs, ours = _raw(cx, table), _raw(city, table)
        assert ours.keys() == theirs.keys() and len(ours) == 2
        for key, row in theirs.items():
            if row.get("origin_district_id") is None:
                row["origin_district_id"] = "长兴县"  # the city records where it came from
            assert ours[key] == row, table
    city.db.dispose()
    cx.db.dispose()
