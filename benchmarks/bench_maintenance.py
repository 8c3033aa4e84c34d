#!/usr/bin/env python3
"""`laomo backup` and `laomo check` on a large database, as the user runs them (subprocess),
against a baseline in the same run: a plain file copy of the same database (backup) and a bare
``PRAGMA integrity_check`` through sqlite3 (check).

    LAOMO_PASSWORD=secret123 .venv/bin/python benchmarks/bench_maintenance.py \
        --db /tmp/bench/b.sqlite3
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def laomo(*args: str) -> float:
    exe = Path(sys.executable).with_name("laomo")
    started = time.perf_counter()
    subprocess.run([str(exe), *args], check=True, capture_output=True, text=True)
    return time.perf_counter() - started


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--db", required=True)
    p.add_argument("--runs", type=int, default=3)
    args = p.parse_args()
    os.environ.setdefault("LAOMO_PASSWORD", "secret123")
    db = Path(args.db)
    backup, copy, check, integrity = [], [], [], []
    with tempfile.TemporaryDirectory(dir=db.parent) as work:
        for i in range(args.runs):
            out = Path(work) / f"b{i}.zip"
            backup.append(laomo("--db", str(db), "--user", "admin", "backup", str(out)))
            started = time.perf_counter()
            shutil.copyfile(db, Path(work) / "plain-copy.sqlite3")
            copy.append(time.perf_counter() - started)
            check.append(laomo("--db", str(db), "--user", "admin", "check"))
            started = time.perf_counter()
            conn = sqlite3.connect(db)
            conn.execute("PRAGMA integrity_check").fetchall()
            conn.close()
            integrity.append(time.perf_counter() - started)
    med = statistics.median
    size = db.stat().st_size / 2**20
    print(f"database: {db} ({size:.0f} MiB), runs: {args.runs}, medians:")
    print(f"laomo backup: {med(backup):.2f} s (target <= 5)   plain file copy: {med(copy):.2f} s"
          f"   ratio {med(backup) / med(copy):.1f}")
    print(f"laomo check:  {med(check):.2f} s (target <= 10)  bare integrity_check: "
          f"{med(integrity):.2f} s   ratio {med(check) / med(integrity):.1f}")


if __name__ == "__main__":
    main()
