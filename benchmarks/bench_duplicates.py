"""Time the duplicate-candidate search on a large register.

    .venv/bin/python benchmarks/bench_duplicates.py --db /tmp/bench/b.sqlite3 [--plant 200]
        [--runs 5]

Works on a copy of the database (the file given is never changed). The demo register has few
natural duplicates, so the copy first receives ``--plant`` near-duplicates of random persons:
the same name with a stray space, a homophone in the given name (张晓明 -> 张小明), the same
mobile under another spelling, the same ID number. Then it times ``DuplicatesService
.candidates()`` (median of ``--runs``), says how many planted pairs it found, and as a yardstick
times a bare ``SELECT name, birth_date FROM person`` fetch with sqlite3 in the same run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import Table, select

from desktop.core.search_keys import char_pinyin, name_keys, search_text
from desktop.database import Database
from desktop.models import Person
from desktop.services.permissions import SYSTEM
from desktop.services.register.duplicates import DuplicatesService

_COPIED = ("sex", "birth_date", "district_id", "origin_district_id", "work_unit",
           "employment_status", "life_status", "death_date", "treatment_level", "highest_honor")


def copy_database(source: Path, target: Path) -> None:
    src = sqlite3.connect(source)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def plant(db: Database, count: int, seed: int) -> list[tuple[uuid.UUID, uuid.UUID]]:
    """Insert ``count`` near-duplicates; returns the (original, copy) pairs."""
    rng = random.Random(seed)
    table: Table = Person.__table__  # type: ignore[assignment]
    with db.sessions.begin() as s:
        people = [dict(r) for r in s.execute(select(table).where(
            Person.deleted_at.is_(None), Person.birth_date.is_not(None))).mappings()]
        by_reading: dict[str, list[str]] = defaultdict(list)
        for p in people:
            for ch in p["name"][1:]:
                reading = char_pinyin(ch)
                if reading and ch not in by_reading[reading]:
                    by_reading[reading].append(ch)
        planted: list[tuple[uuid.UUID, uuid.UUID]] = []
        now = dt.datetime.now(dt.UTC)
        rows: list[dict[str, Any]] = []
        for original in rng.sample(people, count):
            row: dict[str, Any] = {c.name: None for c in table.columns}
            row.update({c: original[c] for c in _COPIED})
            row.update(id=uuid.uuid4(), row_version=1,
                       created_at=now, updated_at=now,
                       id_legacy15=False, is_farmer_model=False, is_revoked=False,
                       is_emigrated=False, is_lost_contact=False, under_investigation=False,
                       in_hardship=False)
            name = original["name"]
            kind = len(rows) % 4
            if kind == 0:  # a stray space
                name = name[0] + " " + name[1:]
            elif kind == 1:  # a homophone in the given name
                last = name[-1]
                others = [c for c in by_reading.get(char_pinyin(last), []) if c != last]
                name = name[:-1] + (others[0] if others else last)
            elif kind == 2:  # the same mobile, another spelling of the given name
                name = name[0] + "某" + name[2:] if len(name) > 2 else name + "某"
                row["birth_date"] = None
                row["mobile"] = original["mobile"] or f"139{rng.randrange(10**8):08d}"
                if original["mobile"] is None:
                    s.execute(table.update().where(table.c.id == original["id"])
                              .values(mobile=row["mobile"]))
            else:  # the same ID number typed in again
                row["id_number"] = original["id_number"]
            pinyin, initials = name_keys(name)
            row.update(name=name, name_pinyin=pinyin, name_initials=initials)
            row["search_text"] = search_text(name, pinyin, initials, row["id_number"],
                                             row["work_unit"], row["phone"], row["mobile"])
            rows.append(row)
            planted.append((original["id"], row["id"]))
        s.execute(table.insert(), rows)
    return planted


def baseline(path: Path) -> tuple[float, int]:
    conn = sqlite3.connect(path)
    try:
        started = time.perf_counter()
        n = len(conn.execute("SELECT name, birth_date FROM person").fetchall())
        return time.perf_counter() - started, n
    finally:
        conn.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--db", type=Path, required=True, help="a demo database (not changed)")
    parser.add_argument("--plant", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="bench_dup_") as folder:
        path = Path(folder) / "copy.sqlite3"
        copy_database(args.db, path)
        db = Database(f"sqlite:///{path}")
        db.upgrade()
        planted = plant(db, args.plant, args.seed) if args.plant else []
        service = DuplicatesService(db.sessions, SYSTEM, db.read_sessions)
        times: list[float] = []
        cpu: list[float] = []
        pairs = []
        for _ in range(args.runs):
            started, started_cpu = time.perf_counter(), time.process_time()
            pairs = service.candidates(limit=500)
            times.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
        db.dispose()
        found = {frozenset((p.a.id, p.b.id)) for p in pairs}
        hits = sum(frozenset(pair) in found for pair in planted)
        base = [baseline(path) for _ in range(args.runs)]

    persons = base[0][1]
    median = statistics.median(times)
    base_median = statistics.median(b[0] for b in base)
    print(f"candidates() on {persons:,} persons: median {median:.2f} s "
          f"(min {min(times):.2f}, max {max(times):.2f}, {args.runs} runs; CPU time median "
          f"{statistics.median(cpu):.2f} s); "
          f"{len(pairs)} pairs returned, {hits}/{len(planted)} planted pairs among them")
    print(f"baseline: SELECT name, birth_date FROM person with bare sqlite3 in "
          f"{base_median:.3f} s; ratio {median / base_median:.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
