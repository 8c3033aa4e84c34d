#!/usr/bin/env python3
"""The register's keystroke query through ``RegisterService.search`` (count + first 200 rows,
DTOs built, masking done), against a baseline in the same run: the bare SQL
``SELECT count(*) FROM person WHERE search_text LIKE ?`` through sqlite3 for the same text.

    LAOMO_PASSWORD=secret123 .venv/bin/python benchmarks/bench_register_sql.py \
        --db /tmp/bench/b.sqlite3 [--runs 30] [--plans]

The database must be at the current schema (any ``laomo`` command upgrades it). Requirement
(issue 3): median well under 50 ms, 95th percentile under 100 ms at 100,000 persons on SQLite.
``--plans`` prints SQLite's plan for each statement the service ran, to see which index it used.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import event

from desktop.database import Database
from desktop.services.accounts import AccountService
from desktop.services.register.service import RegisterService, search_words
from desktop.services.register.types import RegisterFilter

F = RegisterFilter
CASES: list[tuple[str, RegisterFilter]] = [
    ("open the page (no filter)", F()),
    ("surname 王", F(text="王")),
    ("initials zrr", F(text="zrr")),
    ("full pinyin wangjianhua", F(text="wangjianhua")),
    ("typing w", F(text="w")),
    ("typing wa", F(text="wa")),
    ("typing wan", F(text="wan")),
    ("ID fragment 19630819", F(text="19630819")),
    ("ID fragment full-width ３３０５２２１９５", F(text="３３０５２２１９５")),
    ("phone fragment 5678", F(text="5678")),
    ("work unit word 纺织", F(text="纺织")),
    ("two words 王 纺织", F(text="王 纺织")),
    ("district + level 吴兴区 市级", F(districts=("吴兴区",), treatment_levels=("市级",))),
    ("honor years 2000-2005", F(honor_year_from=2000, honor_year_to=2005)),
    ("honor title 全国 + alive", F(honor_title="全国", life_statuses=("alive",))),
    ("age 60-70 + 在职/离退休", F(age_min=60, age_max=70,
                                  employment_statuses=("在职", "离退休"))),
]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def time_runs(fn: Any, runs: int) -> list[float]:
    for _ in range(3):  # warm the caches, as a user typing does
        fn()
    out: list[float] = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        out.append((time.perf_counter() - started) * 1000)
    return out


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--db", required=True)
    p.add_argument("--user", default="admin")
    p.add_argument("--runs", type=int, default=30)
    p.add_argument("--plans", action="store_true")
    args = p.parse_args()
    path = Path(args.db)
    db = Database(f"sqlite:///{path.absolute()}")
    current, head = db.check_schema()
    if current != head:
        sys.exit(f"schema {current} is not {head}: run any laomo command on it first")
    actor = AccountService(db.sessions).login(args.user, os.environ.get("LAOMO_PASSWORD",
                                                                        "secret123"))
    service = RegisterService(db.sessions, actor, db.read_sessions)
    raw = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    persons = raw.execute("SELECT count(*) FROM person").fetchone()[0]
    print(f"database: {path} ({persons:,} persons, SQLite {sqlite3.sqlite_version}), "
          f"{args.runs} runs per case, times in ms")
    print(f"{'case':<40} {'matches':>8} {'median':>7} {'p95':>7} {'bare SQL':>9} {'ratio':>6}")
    medians: list[float] = []
    for label, f in CASES:
        page = service.search(f)
        ours = time_runs(lambda f=f: service.search(f), args.runs)
        words = search_words(f.text)
        pattern = f"%{words[0]}%" if words else "%"
        bare = time_runs(lambda pattern=pattern: raw.execute(
            "SELECT count(*) FROM person WHERE search_text LIKE ?", (pattern,)).fetchone(),
            args.runs)
        med, base = statistics.median(ours), statistics.median(bare)
        medians.append(med)
        print(f"{label:<40} {page.total:>8,} {med:>7.1f} {percentile(ours, 0.95):>7.1f} "
              f"{base:>9.1f} {med / base:>6.2f}")
        if args.plans:
            show_plans(db, raw, service, f)
    print(f"median of the case medians: {statistics.median(medians):.1f} ms; "
          f"worst case median: {max(medians):.1f} ms")
    raw.close()
    db.dispose()


def show_plans(db: Database, raw: sqlite3.Connection, service: RegisterService,
               f: RegisterFilter) -> None:
    seen: list[tuple[str, Any]] = []

    def capture(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_a: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", capture)
    try:
        service.search(f)
    finally:
        event.remove(db.engine, "before_cursor_execute", capture)
    for statement, parameters in seen:
        plan = raw.execute("EXPLAIN QUERY PLAN " + statement, parameters).fetchall()
        kind = "count" if "count(*)" in statement.lower() else "query"
        print(f"    {kind}: " + "; ".join(row[3] for row in plan))


if __name__ == "__main__":
    main()
