#!/usr/bin/env python3
"""`laomo backup` and `laomo check` on a large database, as the user runs them (subprocess),
against a baseline in the same run: a plain file copy of the same database (backup) and a bare
``PRAGMA integrity_check`` through sqlite3 (check). Backups both ways: encrypted with a
passphrase (the default) and ``--no-encrypt``, each with the child's peak RSS (pyrage encrypts
in memory, and age sizes scrypt's buffer to about a second of the machine's work).

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

PEAKS: dict[str, list[int]] = {}


def laomo(*args: str, label: str = "") -> float:
    """Seconds of one ``laomo`` run; its peak RSS (KiB) goes to ``PEAKS[label]``."""
    exe = Path(sys.executable).with_name("laomo")
    started = time.perf_counter()
    child = subprocess.Popen([str(exe), *args], stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise SystemExit(f"laomo {' '.join(args)} failed: exit {child.returncode}")
    PEAKS.setdefault(label, []).append(usage.ru_maxrss)
    return time.perf_counter() - started


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--db", required=True)
    p.add_argument("--runs", type=int, default=3)
    args = p.parse_args()
    os.environ.setdefault("LAOMO_PASSWORD", "secret123")
    os.environ.setdefault("LAOMO_BACKUP_PASSPHRASE", "bench-passphrase-2026")
    db = Path(args.db)
    backup, plain, copy, check, integrity = [], [], [], [], []
    with tempfile.TemporaryDirectory(dir=db.parent) as work:
        for i in range(args.runs):
            out = Path(work) / f"b{i}.laomo-backup"
            backup.append(laomo("--db", str(db), "--user", "admin", "backup", str(out),
                                label="encrypted"))
            plain.append(laomo("--db", str(db), "--user", "admin", "backup",
                               str(Path(work) / f"p{i}.zip"), "--no-encrypt", label="plain"))
            started = time.perf_counter()
            shutil.copyfile(db, Path(work) / "plain-copy.sqlite3")
            copy.append(time.perf_counter() - started)
            check.append(laomo("--db", str(db), "--user", "admin", "check", label="check"))
            started = time.perf_counter()
            conn = sqlite3.connect(db)
            conn.execute("PRAGMA integrity_check").fetchall()
            conn.close()
            integrity.append(time.perf_counter() - started)
    med = statistics.median
    size = db.stat().st_size / 2**20
    print(f"database: {db} ({size:.0f} MiB), runs: {args.runs}, medians:")
    peak = {k: max(v) / 1024 for k, v in PEAKS.items()}
    print(f"laomo backup: {med(backup):.2f} s encrypted (peak RSS {peak['encrypted']:.0f} MiB), "
          f"{med(plain):.2f} s --no-encrypt (peak RSS {peak['plain']:.0f} MiB) (target <= 5)   "
          f"plain file copy: {med(copy):.2f} s   ratio {med(backup) / med(copy):.1f}")
    print(f"laomo check:  {med(check):.2f} s (target <= 10)  bare integrity_check: "
          f"{med(integrity):.2f} s   ratio {med(check) / med(integrity):.1f}")


if __name__ == "__main__":
    main()
