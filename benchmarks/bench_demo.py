"""Time the demo register generator on a fresh SQLite database.

    .venv/bin/python benchmarks/bench_demo.py [--members 100000] [--seed 1]

Prints the time of ``DemoService.generate`` (persons, honors, events and one audit entry per
person, one transaction) and, as a yardstick for how fast this machine is, the time of inserting
the same number of trivial rows into a plain sqlite3 table in one transaction, and the ratio.
The requirement is well under 60 s for 100,000 members on a 2-core office PC (target < 30 s).
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop.database import Database
from desktop.services import accounts
from desktop.services.accounts import AccountService
from desktop.services.demo.service import DemoService


def baseline(path: Path, rows: int) -> float:
    """Seconds to insert ``rows`` trivial rows with the bare sqlite3 driver."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL, n INTEGER)")
        started = time.perf_counter()
        conn.execute("BEGIN")
        conn.executemany("INSERT INTO t (name, n) VALUES (?, ?)",
                         ((f"row {i}", i) for i in range(rows)))
        conn.execute("COMMIT")
        return time.perf_counter() - started
    finally:
        conn.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="bench_demo_") as folder:
        db = Database(f"sqlite:///{Path(folder) / 'bench.sqlite3'}")
        db.upgrade()
        accounts.initialise(db.sessions, association="湖州市", admin_name="admin",
                            admin_password="secret123")
        actor = AccountService(db.sessions).login("admin", "secret123")

        last = [0.0]

        def progress(done: int, total: int) -> None:
            now = time.perf_counter()
            if now - last[0] >= 2 or done == total:
                print(f"  {done:>7} / {total}", flush=True)
                last[0] = now

        started = time.perf_counter()
        result = DemoService(db.sessions, actor).generate(
            args.members, seed=args.seed, progress=progress
        )
        seconds = time.perf_counter() - started
        size = db.sqlite_path.stat().st_size if db.sqlite_path else 0
        wal = Path(f"{db.sqlite_path}-wal")
        size += wal.stat().st_size if wal.exists() else 0
        db.dispose()

        base = baseline(Path(folder) / "baseline.sqlite3", args.members)

    print(f"generate({args.members:,}): {seconds:.2f} s, {args.members / seconds:,.0f} persons/s "
          f"({result.honors:,} honors, {result.events:,} events, "
          f"{args.members + 1:,} audit entries, {size / 2**20:.0f} MiB on disk)")
    print(f"baseline: {args.members:,} trivial rows with bare sqlite3 in {base:.3f} s "
          f"({args.members / base:,.0f} rows/s)")
    print(f"ratio: generate is {seconds / base:.0f}x the baseline")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
