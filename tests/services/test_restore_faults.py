"""Restore under faults (issue 16, items 3 and 4): a new machine, killed restores, zip bombs,
another association's backup, and a database another program holds open."""

from __future__ import annotations

import json
import time
import zipfile
from pathlib import Path

import pytest

from desktop.core.texts import error_text
from desktop.database import Database
from desktop.errors import AppError
from desktop.paths import DatabaseLock
from desktop.services import maintenance
from tests.conftest import initialise


@pytest.fixture
def backup(sqlite_db: Database, tmp_path: Path) -> Path:
    actor = initialise(sqlite_db)
    out = tmp_path / "长兴备份.zip"
    maintenance.MaintenanceService(sqlite_db, actor).backup(out, passphrase=None)
    return out


def _rewrite(source: Path, dest: Path, *, manifest: dict[str, object] | None = None,
             db_bytes: bytes | None = None) -> Path:
    with zipfile.ZipFile(source) as z:
        data = json.loads(z.read(maintenance.MANIFEST_MEMBER))
        body = z.read(maintenance.DB_MEMBER)
    data.update(manifest or {})
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(maintenance.MANIFEST_MEMBER, json.dumps(data))
        z.writestr(maintenance.DB_MEMBER, body if db_bytes is None else db_bytes)
    return dest


def test_a_zip_bomb_backup_is_refused_from_its_sizes(backup: Path, tmp_path: Path) -> None:
    bomb = _rewrite(backup, tmp_path / "bomb.zip", db_bytes=b"\0" * (200 << 20))
    into = tmp_path / "out.sqlite3"
    started = time.perf_counter()
    with pytest.raises(AppError) as caught:
        maintenance.read_backup(bomb, into)
    assert caught.value.code == "backup_size_mismatch"
    assert time.perf_counter() - started < 2
    assert not into.exists() or into.stat().st_size == 0  # nothing was unpacked
    assert str(bomb) in error_text(caught.value)


def test_a_manifest_with_odd_fields_says_so_in_words(backup: Path, tmp_path: Path) -> None:
    odd = _rewrite(backup, tmp_path / "odd.zip", manifest={"surprise": 1})
    with pytest.raises(AppError) as caught:
        maintenance.read_backup(odd, tmp_path / "x.sqlite3")
    text = error_text(caught.value)
    assert caught.value.code == "backup_unreadable"
    assert "__init__" not in text and "keyword" not in text and str(odd) in text


def test_restore_refuses_another_association_unless_a_reason_is_given(
        backup: Path, tmp_path: Path, sqlite_template: Path) -> None:
    other_path = tmp_path / "anji.sqlite3"
    other_path.write_bytes(sqlite_template.read_bytes())
    other = Database(f"sqlite:///{other_path}")
    from desktop.services import accounts
    accounts.initialise(other.sessions, association="安吉县", admin_name="admin",
                        admin_password="secret123", admin_display_name="管理员")
    actor = accounts.AccountService(other.sessions).login("admin", "secret123")
    with pytest.raises(AppError) as caught:
        maintenance.restore(other, backup, actor)
    assert caught.value.code == "backup_other_association"
    assert "安吉县" in error_text(caught.value) and "长兴县" in error_text(caught.value)
    assert maintenance.current_association(other) == "安吉县"  # untouched
    maintenance.restore(other, backup, actor, other_association_reason="两会合并")
    assert maintenance.current_association(other) == "长兴县"
    other.dispose()


def test_stale_scratch_copies_are_removed_and_a_held_database_is_refused(
        backup: Path, sqlite_db: Database, tmp_path: Path, run_laomo) -> None:  # type: ignore[no-untyped-def]
    target = sqlite_db.sqlite_path
    assert target is not None
    stale = target.parent / (maintenance.RESTORE_SCRATCH + "killed")
    stale.mkdir()
    (stale / "laomo.sqlite3").write_bytes(b"\0" * 4096)
    url = sqlite_db.url
    sqlite_db.dispose()
    held = DatabaseLock(target)
    held.acquire("劳模之家窗口")  # a window open on the database in this process
    try:
        done = run_laomo("--db", url, "restore", str(backup), "--user", "admin")
    finally:
        held.release()
    assert done.returncode != 0
    assert "正被其他程序使用" in done.stderr + done.stdout and "劳模之家窗口" in done.stderr
    done = run_laomo("--db", url, "restore", str(backup), "--user", "admin")
    assert done.returncode == 0, done.stderr
    assert not stale.exists()
    assert not list(target.parent.glob(maintenance.RESTORE_SCRATCH + "*"))


def test_restore_onto_a_fresh_database_file(backup: Path, tmp_path: Path,
                                            run_laomo) -> None:  # type: ignore[no-untyped-def]
    empty = tmp_path / "新机器" / "empty.sqlite3"
    empty.parent.mkdir()
    empty.write_bytes(b"")
    for target in (empty, tmp_path / "新机器" / "none.sqlite3"):
        done = run_laomo("--db", str(target), "restore", str(backup), "--user", "admin")
        assert done.returncode == 0, done.stderr
        db = Database(f"sqlite:///{target}")
        assert maintenance.current_association(db) == "长兴县"
        db.dispose()
