"""A database whose audit table and head disagree (issue 16, item 5) still lets people log in,
`check` reports the damage and the way back, and an unknown user name costs a log-in the same
time as a wrong password (item 12)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from sqlalchemy import func, insert, select, update

from desktop.database import Database
from desktop.errors import AuthenticationFailed
from desktop.models import AuditEvent, Setting
from desktop.services import accounts, audit, maintenance
from tests.conftest import ADMIN_PASSWORD, initialise


def _orphan_entry_past_the_head(db: Database) -> int:
    """What a crash between the insert and the head update (or a hand edit) leaves."""
    with db.sessions.begin() as s:
        last = s.execute(select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(1)).scalar_one()
        seq = last.seq + 1
        digest = audit.entry_hash(last.hash, seq, last.at, "x", "x", None, None, "{}")
        s.execute(insert(AuditEvent).values(seq=seq, at=last.at, actor="x", action="x",
                                            entity=None, entity_id=None, detail="{}",
                                            prev_hash=last.hash, hash=digest))
    return seq


def test_an_entry_past_the_head_does_not_stop_log_in(db: Database) -> None:
    initialise(db)
    orphan = _orphan_entry_past_the_head(db)
    service = accounts.AccountService(db.sessions)
    with pytest.raises(AuthenticationFailed):
        service.login("admin", "wrong-password")  # the failure count is stored, not a crash
    actor = service.login("admin", ADMIN_PASSWORD)
    assert actor.name == "admin"
    with db.sessions.begin() as s:
        assert s.scalar(select(func.max(AuditEvent.seq))) == orphan + 3
        repaired = s.scalars(select(AuditEvent).where(
            AuditEvent.action == "audit.head_repaired")).one()
        assert json.loads(repaired.detail)["tail_seq"] == orphan
        report = audit.verify_chain(s)
    assert not report.ok
    assert any(p.startswith("head_repaired:") for p in report.problems)


def test_an_unreadable_head_does_not_stop_log_in(db: Database) -> None:
    initialise(db)
    with db.sessions.begin() as s:
        s.execute(update(Setting).where(Setting.key == audit.HEAD_KEY).values(value="{garbage"))
    actor = accounts.AccountService(db.sessions).login("admin", ADMIN_PASSWORD)
    assert actor.name == "admin"
    with db.sessions.begin() as s:
        report = audit.verify_chain(s)
    assert "head_repaired:" in " ".join(report.problems)


def test_check_runs_before_the_log_in_entry_and_names_the_last_backup(
        sqlite_db: Database, tmp_path: Path, run_laomo) -> None:  # type: ignore[no-untyped-def]
    actor = initialise(sqlite_db)
    backup = tmp_path / "备份.zip"
    maintenance.MaintenanceService(sqlite_db, actor).backup(backup, passphrase=None)
    _orphan_entry_past_the_head(sqlite_db)
    with sqlite_db.sessions.begin() as s:
        before = s.scalar(select(func.max(AuditEvent.seq)))
    url = sqlite_db.url
    sqlite_db.dispose()
    done = run_laomo("--db", url, "check", "--user", "admin")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "审计日志链: 异常" in done.stdout
    assert str(backup.resolve()) in done.stdout and "laomo restore" in done.stdout
    again = Database(url)
    with again.sessions.begin() as s:
        login = s.scalars(select(AuditEvent).where(AuditEvent.seq > before)
                          .order_by(AuditEvent.seq)).all()
    again.dispose()
    # the report was made before the log-in wrote anything: what it read had no repair yet
    assert [e.action for e in login] == ["audit.head_repaired", "auth.login"]
    # and the restore works on the damaged database
    done = run_laomo("--db", url, "restore", str(backup), "--user", "admin")
    assert done.returncode == 0, done.stdout + done.stderr
    assert run_laomo("--db", url, "check", "--user", "admin").returncode == 0


def test_an_unknown_user_name_costs_a_verification(db: Database,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    initialise(db)
    verified: list[str] = []
    real = accounts._hasher

    class Counting:
        def __getattr__(self, name: str) -> object:
            return getattr(real, name)

        def verify(self, hash_: str, password: str) -> bool:
            verified.append(password)
            return real.verify(hash_, password)

    monkeypatch.setattr(accounts, "_hasher", Counting())
    service = accounts.AccountService(db.sessions)
    started = time.perf_counter()
    with pytest.raises(AuthenticationFailed):
        service.login("nobody", "some-password")
    assert verified == ["some-password"]
    assert time.perf_counter() - started < 5
