"""Time the hardship work lists and approving a file on a large register.

    .venv/bin/python benchmarks/bench_hardship.py --db /tmp/bench/b.sqlite3 [--runs 7]
        [--approvals 20]

Works on a copy of the database (the file given is never changed). ``laomo demo --members
100000`` makes about 10,000 hardship files in every state. Measured (median and worst of
``--runs``):

* ``HardshipLists.work_lists()`` for a reviewer and for a clerk: the five work lists (waiting for
  me, notices ending this week, reviews due, not updated for a year, never assisted) and the
  totals by year, category and district: what the 困难帮扶 page loads when it opens;
* ``HardshipLists.cases(statuses=("approved",))``: the "all files" tab filtered to one status;
* ``HardshipService.approve()`` of ``--approvals`` files in public notice (their notice end is
  moved into the past on the copy first): one write transaction with the history line, the
  in_hardship flag and the audit entry.

The baseline, in the same run: a bare ``SELECT count(*) FROM person`` with sqlite3 (for the
lists), and a bare ``UPDATE hardship_case SET updated_at = ? WHERE id = ?`` committed
with sqlite3 (for approving). Targets: work lists ≤ 300 ms, approving ≤ 100 ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop.database import Database
from desktop.services.hardship.lists import HardshipLists
from desktop.services.hardship.service import HardshipService
from desktop.services.permissions import Actor, Role

REVIEWER = Actor(901, "bench_reviewer", "审核员", Role.REVIEWER)
CLERK = Actor(902, "bench_clerk", "录入员", Role.CLERK)


def copy_database(source: Path, target: Path) -> None:
    src = sqlite3.connect(source)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def timed(fn: Callable[[], object], runs: int) -> list[float]:
    fn()  # warm the page cache and SQLAlchemy's statement cache
    out = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        out.append((time.perf_counter() - started) * 1000)
    return out


def report(label: str, ms: list[float], base: float) -> None:
    median = statistics.median(ms)
    print(f"{label:<46} median {median:7.1f} ms  worst {max(ms):7.1f} ms  "
          f"ratio {median / base:6.1f}×")


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--db", type=Path, required=True)
    p.add_argument("--runs", type=int, default=7)
    p.add_argument("--approvals", type=int, default=20)
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as work:
        path = Path(work) / "copy.sqlite3"
        copy_database(args.db, path)
        raw = sqlite3.connect(path)
        files, persons = raw.execute(
            "SELECT (SELECT count(*) FROM hardship_case), (SELECT count(*) FROM person)"
        ).fetchone()
        print(f"{persons:,} persons, {files:,} hardship files")
        count_ms = timed(lambda: raw.execute("SELECT count(*) FROM person").fetchone(),
                         args.runs)
        base = statistics.median(count_ms)
        print(f"{'baseline: bare SELECT count(*) FROM person':<46} median {base:7.1f} ms")
        db = Database(f"sqlite:///{path}")
        for who, actor in (("reviewer", REVIEWER), ("clerk", CLERK)):
            lists = HardshipLists(db.read_sessions, actor)
            shown = lists.work_lists()
            sizes = ", ".join(f"{k} {len(getattr(shown, k))}" for k in (
                "waiting_for_me", "notices_ending", "reviews_due", "not_updated",
                "never_assisted", "totals"))
            report(f"work lists ({who})", timed(lists.work_lists, args.runs), base)
            print(f"    rows: {sizes}")
        lists = HardshipLists(db.read_sessions, REVIEWER)
        report("files(status=approved)", timed(
            lambda: lists.cases(statuses=("approved",)), args.runs), base)

        ids = [row[0] for row in raw.execute(
            "SELECT id FROM hardship_case WHERE status = 'notice' ORDER BY serial LIMIT ?",
            (args.approvals,))]
        past = (dt.date.today() - dt.timedelta(days=1)).isoformat()
        raw.executemany("UPDATE hardship_case SET notice_end = ? WHERE id = ?",
                        [(past, i) for i in ids])
        raw.commit()
        spare = [row[0] for row in raw.execute(
            "SELECT id FROM hardship_case WHERE status = 'closed' LIMIT ?", (args.approvals,))]

        def bare_update(case_id: object) -> None:
            raw.execute("UPDATE hardship_case SET updated_at = ? WHERE id = ?",
                        (dt.datetime.now(dt.UTC).isoformat(), case_id))
            raw.commit()

        update_ms = []
        for case_id in spare:
            started = time.perf_counter()
            bare_update(case_id)
            update_ms.append((time.perf_counter() - started) * 1000)
        raw.close()
        write_base = statistics.median(update_ms)
        print(f"{'baseline: bare UPDATE … committed (sqlite3)':<46} median {write_base:7.1f} ms")
        service = HardshipService(db.sessions, REVIEWER, db.read_sessions)
        approve_ms = []
        for case_id in ids:
            started = time.perf_counter()
            service.approve(uuid.UUID(str(case_id)), "同意认定")
            approve_ms.append((time.perf_counter() - started) * 1000)
        report(f"approve a file ({len(ids)} files)", approve_ms, write_base)
        db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
