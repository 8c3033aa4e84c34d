"""Fault, concurrency, tamper and malformed-file suites of issue 16, with their figures.

    PYTHONPATH=. python benchmarks/bench_faults.py [--pg URL] [--quick]

Prints one line per suite: trials, passed, lost, crashed, detected.

* malformed: the generated corpus (tests/exchange/malformed_corpus.py) through the import
  service (dry run) in child processes with a 1.5 GB address-space limit; crashed = the child
  died (an abort) or hung over 60 s; passed = a clear message or an honest result; also the
  worst peak RSS of one file, each worst file in its own child.
* tamper: damage done to a database behind the program's back (an audit entry past the head,
  an edited entry, a deleted entry, a cut tail with the head fixed, an unreadable head); detected
  = ``check`` fails; passed = log-in still works afterwards (nothing bricked).
* fault: restores killed at a random moment (SIGKILL) and then restored again; lost = a database
  that is neither the old one nor the backup, crashed = the next restore failed, plus scratch
  copies left behind.
* concurrency (PostgreSQL, with --pg): two processes import the same roster at once; lost =
  ID numbers held twice afterwards (0 since the import lock and migration 0012).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("LAOMO_TEST_CHEAP_HASHES", "1")

from desktop.database import Database  # noqa: E402
from desktop.services import accounts, maintenance  # noqa: E402
from tests.exchange.malformed_corpus import generate  # noqa: E402
from tests.faults.corpus_run import run_corpus  # noqa: E402

PASSWORD = "secret123"


def line(suite: str, trials: int, passed: int, lost: int, crashed: int, detected: int,
         extra: str = "") -> None:
    print(f"{suite:<12} trials {trials:>4}  passed {passed:>4}  lost {lost:>3}  "
          f"crashed {crashed:>3}  detected {detected:>3}  {extra}", flush=True)


def make_db(path: Path, association: str = "长兴县") -> Database:
    db = Database(f"sqlite:///{path}")
    db.upgrade()
    accounts.initialise(db.sessions, association=association, admin_name="admin",
                        admin_password=PASSWORD, admin_display_name="管理员")
    return db


def malformed(work: Path, quick: bool) -> None:
    corpus = generate(work / "corpus")
    paths = [s.path for s in corpus]
    if quick:
        paths = paths[::4]
    db = work / "malformed.sqlite3"
    make_db(db).dispose()
    started = time.perf_counter()
    outcomes = run_corpus(paths, f"sqlite:///{db}", timeout=60, memory_limit_mb=1500)
    crashed = sum(o.outcome in ("crashed", "hung") for o in outcomes)
    bugs = sum(o.outcome == "bug" for o in outcomes)
    refused = sum(o.outcome == "refused" for o in outcomes)
    passed = len(outcomes) - crashed - bugs
    worst = ["two_cells.xlsx", "rows_1m.xlsx", "sst_3m.xlsx", "sst_long.xlsx",
             "cell_long.xlsx", "bomb_lying.xlsx", "one_line_big.csv", "lines_1m.csv"]
    peaks = []
    for name in worst:
        (one,) = run_corpus([work / "corpus" / name], f"sqlite:///{db}", timeout=60,
                            memory_limit_mb=1500)
        peaks.append((one.maxrss_mb, name, one.seconds))
    peak = max(peaks)
    line("malformed", len(outcomes), passed, 0, crashed, refused,
         f"bugs {bugs}; {time.perf_counter() - started:.0f} s; slowest "
         f"{max(o.seconds for o in outcomes):.1f} s; peak {peak[0]} MB ({peak[1]})")


def _tampers() -> dict[str, str]:
    return {
        "entry past the head": "INSERT INTO audit_event (seq, at, actor, action, detail, "
                               "prev_hash, hash) SELECT seq + 1, at, 'x', 'x', '{}', hash, "
                               "hash FROM audit_event ORDER BY seq DESC LIMIT 1",
        "edited entry": "UPDATE audit_event SET actor = 'mallory' WHERE seq = 2",
        "deleted entry": "DELETE FROM audit_event WHERE seq = 2",
        "cut tail": "DELETE FROM audit_event WHERE seq = (SELECT max(seq) FROM audit_event)",
        "unreadable head": "UPDATE setting SET value = '{' WHERE key = 'audit.head'",
        "empty log": "DELETE FROM audit_event",
    }


def tamper(work: Path) -> None:
    trials = passed = detected = 0
    for name, sql in _tampers().items():
        trials += 1
        path = work / f"tamper-{trials}.sqlite3"
        db = make_db(path)
        actor = accounts.AccountService(db.sessions).login("admin", PASSWORD)
        maintenance.MaintenanceService(db, actor).backup(work / f"tamper-{trials}.zip",
                                                        passphrase=None)
        db.dispose()
        conn = sqlite3.connect(path)
        conn.execute(sql)
        conn.commit()
        conn.close()
        db = Database(f"sqlite:///{path}")
        report = maintenance.run_checks(db)
        detected += not report.ok
        try:
            accounts.AccountService(db.sessions).login("admin", PASSWORD)
            passed += 1
        except Exception as exc:
            print(f"  {name}: log-in failed: {type(exc).__name__}", flush=True)
        db.dispose()
    line("tamper", trials, passed, 0, trials - passed, detected,
         "(passed = log-in still works; detected = check fails)")


def tamper_full(work: Path) -> None:
    """The tamper suite of tests/services/test_tamper.py (17 tampers with the log, 11 direct
    edits of data) after a real working session; detected = ``check`` fails on the item it
    must; passed = log-in still works."""
    from tests.services import test_tamper as suite

    os.environ["LAOMO_HOME"] = str(work / "home")  # the installation key and the outside copy
    cases = [("log", n, f) for n, f in suite.LOG_TAMPERS.items()] + \
        [("data", n, f) for n, f in suite.DATA_EDITS.items()]
    trials = passed = detected = 0
    for kind, name, change in cases:
        trials += 1
        path = work / f"scene-{trials}.sqlite3"
        db = Database(f"sqlite:///{path}")
        db.upgrade()
        scene = suite.build_scene(db)
        change(scene)
        failed = {i.name for i in maintenance.run_checks(db).items if not i.ok}
        wanted = {"data_state"} if kind == "data" else {"audit_chain", "audit_seal"}
        if failed & wanted:
            detected += 1
        else:
            print(f"  {kind} {name}: NOT detected", flush=True)
        try:
            accounts.AccountService(db.sessions).login("admin", PASSWORD)
            passed += 1
        except Exception as exc:
            print(f"  {name}: log-in failed: {type(exc).__name__}", flush=True)
        db.dispose()
    line("tamper-full", trials, passed, 0, trials - passed, detected,
         f"({len(suite.LOG_TAMPERS)} log tampers, {len(suite.DATA_EDITS)} direct edits)")


def fault(work: Path, trials: int) -> None:
    source = work / "fault-src.sqlite3"
    db = make_db(source)
    actor = accounts.AccountService(db.sessions).login("admin", PASSWORD)
    backup = work / "fault.zip"
    maintenance.MaintenanceService(db, actor).backup(backup, passphrase=None)
    db.dispose()
    env = dict(os.environ, PYTHONPATH=str(ROOT), LAOMO_PASSWORD=PASSWORD,
               LAOMO_HOME=str(work / "home"))
    rng = random.Random(16)
    passed = lost = crashed = left = 0
    for n in range(trials):
        target = work / f"fault-{n}.sqlite3"
        shutil.copyfile(source, target)
        cmd = [sys.executable, "-m", "desktop", "restore", str(backup), "--db", str(target),
               "--user", "admin"]
        child = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.2, 2.0))
        child.send_signal(signal.SIGKILL)
        child.wait()
        try:
            check = Database(f"sqlite:///{target}")
            ok = maintenance.run_checks(check).ok
            check.dispose()
        except Exception:
            ok = False
        lost += not ok
        again = subprocess.run(cmd, env=env, capture_output=True, timeout=120)
        crashed += again.returncode != 0
        left += len(list(work.glob(maintenance.RESTORE_SCRATCH + "*")))
        passed += ok and again.returncode == 0
    line("fault", trials, passed, lost, crashed, 0,
         f"(killed restores; scratch copies left after the next restore: {left})")


def concurrency(work: Path, pg_url: str, rows: int) -> None:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from tests.exchange.import_support import HEADERS, write_clerk_workbook

    name = f"laomo_faults_{uuid.uuid4().hex[:8]}"
    admin_url = make_url(pg_url).set(database="postgres")
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    url = make_url(pg_url).set(database=name).render_as_string(hide_password=False)
    try:
        make_db_url = Database(url)
        make_db_url.upgrade()
        accounts.initialise(make_db_url.sessions, association="长兴县", admin_name="admin",
                            admin_password=PASSWORD, admin_display_name="管理员")
        make_db_url.dispose()
        import datetime as dt

        from desktop.core import idnumber
        # the sex agrees with the ID number's sequence digit (odd: 男), or the row is refused
        people = [[i, f"张{chr(0x4E00 + i % 2000)}{chr(0x4E00 + i // 2000)}",
                   "男" if (i % 999) % 2 else "女",
                   idnumber.make("330522", dt.date(1950, 1, 1) + dt.timedelta(days=i), i % 999),
                   None, "汉", "群众", "单位", "县劳动模范", 2000, None, None]
                  for i in range(rows)]
        book = write_clerk_workbook(work / "same.xlsx", people, HEADERS)
        env = dict(os.environ, PYTHONPATH=str(ROOT), LAOMO_PASSWORD=PASSWORD,
                   LAOMO_HOME=str(work / "home"))
        cmd = [sys.executable, "-m", "desktop", "members", "import", str(book), "--db", url,
               "--user", "admin", "--good-rows-only"]
        children = [subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL) for _ in range(2)]
        codes = [c.wait(timeout=600) for c in children]
        engine = create_engine(url)
        with engine.connect() as conn:
            twice = conn.execute(text(
                "SELECT count(*) FROM (SELECT id_number FROM person WHERE deleted_at IS NULL "
                "AND id_number IS NOT NULL GROUP BY id_number HAVING count(*) > 1) d")).scalar()
            persons = conn.execute(text("SELECT count(*) FROM person")).scalar()
        engine.dispose()
        line("concurrency", 2, sum(c == 0 for c in codes), int(twice or 0), 0, 0,
             f"({rows} rows imported by two processes at once: {persons} persons, "
             f"{twice} ID numbers held twice)")
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pg", default=os.environ.get("LAOMO_TEST_PG_URL"))
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--fault-trials", type=int, default=10)
    parser.add_argument("--rows", type=int, default=500)
    parser.add_argument("--only", choices=["malformed", "tamper", "fault", "concurrency"])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="laomo-faults-") as tmp:
        work = Path(tmp)
        if args.only in (None, "malformed"):
            malformed(work, args.quick)
        if args.only in (None, "tamper"):
            tamper(work)
            tamper_full(work)
        if args.only in (None, "fault"):
            fault(work, 3 if args.quick else args.fault_trials)
        if args.only in (None, "concurrency"):
            if args.pg:
                concurrency(work, args.pg, args.rows)
            else:
                print("concurrency  skipped (no --pg / LAOMO_TEST_PG_URL)")
    print(json.dumps({"python": sys.version.split()[0]}))


if __name__ == "__main__":
    main()
