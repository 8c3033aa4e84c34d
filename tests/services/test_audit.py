"""The hash-chained audit log: it verifies when untouched and says where it was tampered with."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select, text

from desktop.database import Database
from desktop.errors import AuthenticationFailed
from desktop.models import AuditEvent
from desktop.services import audit
from desktop.services.accounts import AccountService
from desktop.services.audit import AuditService, ChainReport
from desktop.services.permissions import Actor, Role
from tests.conftest import initialise

RunLaomo = Callable[..., subprocess.CompletedProcess[str]]


def verify(db: Database) -> ChainReport:
    with db.sessions.begin() as s:
        return audit.verify_chain(s)


def seqs(db: Database) -> list[int]:
    with db.sessions.begin() as s:
        return list(s.scalars(select(AuditEvent.seq).order_by(AuditEvent.seq)))


def raw_sql(db: Database, *statements: str) -> None:
    """Tampering from outside the program: plain SQL, no services."""
    with db.engine.begin() as conn:
        for statement in statements:
            conn.execute(text(statement))


@pytest.fixture
def history(db: Database, admin: Actor) -> int:
    """A series of real writes; returns the number of entries."""
    service = AccountService(db.sessions)
    service.create_user(admin, name="clerk1", display_name="小王", role=Role.CLERK,
                        password="clerk-pass-1")
    with pytest.raises(AuthenticationFailed):
        service.login("clerk1", "wrong-password")
    with db.sessions.begin() as s:
        audit.append(s, admin, "test.note", entity="note", entity_id=7,
                     detail={"text": "中文说明", "amount": "12.50"})
        audit.append_many(s, admin, [("test.bulk", "note", n, {"n": n}) for n in range(3)])
    n = len(seqs(db))
    assert n >= 8
    return n


def test_untouched_chain_verifies(db: Database, admin: Actor, history: int) -> None:
    report = verify(db)
    assert report == ChainReport(entries=history, ok=True, problems=())
    assert seqs(db) == list(range(1, history + 1))
    assert AuditService(db.sessions, admin).verify().ok
    newest = AuditService(db.sessions, admin).recent(limit=3)
    assert [e.action for e in newest] == ["test.bulk"] * 3
    assert newest[0].detail == {"n": 2}


def test_edited_entry_is_found(db: Database, history: int) -> None:
    raw_sql(db, """UPDATE audit_event SET detail = '{"role": "admin"}' WHERE seq = 2""")
    report = verify(db)
    assert not report.ok
    assert report.problems == ("edited:2",)


def test_edited_actor_is_found(db: Database, history: int) -> None:
    raw_sql(db, "UPDATE audit_event SET actor = 'someone_else' WHERE seq = 4")
    assert verify(db).problems == ("edited:4",)


def test_deleted_middle_entry_is_found(db: Database, history: int) -> None:
    raw_sql(db, "DELETE FROM audit_event WHERE seq = 3")
    report = verify(db)
    assert not report.ok
    assert "missing:3-3" in report.problems
    assert report.entries == history - 1


def test_reordered_entries_are_found(db: Database, history: int) -> None:
    raw_sql(
        db,
        "UPDATE audit_event SET seq = -1 WHERE seq = 3",
        "UPDATE audit_event SET seq = 3 WHERE seq = 4",
        "UPDATE audit_event SET seq = 4 WHERE seq = -1",
    )
    report = verify(db)
    assert not report.ok
    assert report.entries == history
    assert {p for p in report.problems if p.endswith((":3", ":4"))}, report.problems
    assert not any(p.startswith("head_mismatch") for p in report.problems)


def test_swapped_entry_contents_are_found(db: Database, history: int) -> None:
    """Swap everything but the sequence numbers: as if the rows had been written in the other
    order."""
    columns = ("at", "actor", "action", "entity", "entity_id", "detail", "prev_hash", "hash")
    with db.engine.begin() as conn:
        two, three = (
            conn.execute(text(f"SELECT {', '.join(columns)} FROM audit_event WHERE seq = :s"),
                         {"s": s}).one()
            for s in (2, 3)
        )
        sets = ", ".join(f"{c} = :{c}" for c in columns)
        for seq, values in ((2, three), (3, two)):
            conn.execute(text(f"UPDATE audit_event SET {sets} WHERE seq = :seq"),
                         {"seq": seq, **dict(zip(columns, values, strict=True))})
    report = verify(db)
    assert not report.ok
    assert "edited:2" in report.problems and "edited:3" in report.problems


def test_cut_tail_is_found(db: Database, history: int) -> None:
    raw_sql(db, f"DELETE FROM audit_event WHERE seq > {history - 2}")
    report = verify(db)
    assert report.problems == (f"head_mismatch:{history}",)
    assert report.entries == history - 2


def test_removed_head_is_found(db: Database, history: int) -> None:
    raw_sql(db, "DELETE FROM setting WHERE key = 'audit.head'")
    assert verify(db).problems == ("head_missing",)


def test_concurrent_appends_make_one_dense_chain(db: Database, admin: Actor) -> None:
    before = len(seqs(db))
    per_thread, threads = 25, 2
    start = threading.Barrier(threads)
    errors: list[BaseException] = []

    def work(name: str) -> None:
        try:
            start.wait(timeout=10)
            for n in range(per_thread):
                with db.sessions.begin() as s:
                    audit.append(s, name, "test.concurrent", detail={"n": n})
        except BaseException as exc:  # reported below, in the test's own thread
            errors.append(exc)

    workers = [threading.Thread(target=work, args=(f"worker{i}",)) for i in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(timeout=60)
    assert errors == []
    total = before + per_thread * threads
    assert seqs(db) == list(range(1, total + 1))
    assert verify(db) == ChainReport(entries=total, ok=True, problems=())


# -- through the command ------------------------------------------------------------------------


def test_cli_check_finds_an_edit(
    tmp_path: Path, sqlite_template: Path, run_laomo: RunLaomo
) -> None:
    path = tmp_path / "laomo.sqlite3"
    shutil.copyfile(sqlite_template, path)
    db = Database(f"sqlite:///{path}")
    initialise(db)
    db.dispose()

    clean = run_laomo("--db", str(path), "--user", "admin", "check")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "审计日志链: 正常" in clean.stdout

    con = sqlite3.connect(path)
    con.execute("""UPDATE audit_event SET detail = '{"mode": "city"}' WHERE seq = 1""")
    con.commit()
    con.close()

    tampered = run_laomo("--db", str(path), "--user", "admin", "check")
    assert tampered.returncode == 1, tampered.stdout + tampered.stderr
    assert "审计日志链: 异常" in tampered.stdout
    assert "edited:1" in tampered.stdout
    assert "文件完整性: 正常" in tampered.stdout
