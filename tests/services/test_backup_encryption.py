"""Passphrase-encrypted backups (age, scrypt): nothing readable in the file, a wrong passphrase
changes nothing, plain zips of earlier versions still restore.

scrypt costs about a second for each encryption and each decryption: the tests share files
instead of making one per assertion."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from desktop.core.texts import error_text
from desktop.database import Database
from desktop.errors import AppError
from desktop.models import AuditEvent
from desktop.paths import keys_dir
from desktop.services import maintenance
from desktop.services.handoff.keys import KeyStore
from tests.conftest import initialise
from tests.person_support import ID_MALE, draft, service

PASSPHRASE = "长兴劳模 2026 备份"


def _names(db: Path) -> list[str]:
    con = sqlite3.connect(db)
    try:
        return sorted(r[0] for r in con.execute("SELECT name FROM person"))
    finally:
        con.close()


def _audit(db: Database, action: str) -> list[dict[str, Any]]:
    with db.sessions.begin() as s:
        details = s.scalars(select(AuditEvent.detail).where(AuditEvent.action == action))
        return [json.loads(d) for d in details]


def test_an_encrypted_backup_shows_nothing_and_restores_with_the_keys(
    sqlite_db: Database, tmp_path: Path
) -> None:
    admin = initialise(sqlite_db, "湖州市")
    service(sqlite_db, admin).create(draft(district="市本级"))
    store = KeyStore(keys_dir())
    public, recipient = store.signing_public(), store.age_recipient()
    secrets = [p.read_bytes() for p in store.files()]
    assert secrets and any(b"AGE-SECRET-KEY" in s for s in secrets)
    usb = tmp_path / "usb"
    usb.mkdir()
    out = usb / "劳模之家备份-20261204.laomo-backup"

    manifest = maintenance.MaintenanceService(sqlite_db, admin).backup(out, passphrase=PASSPHRASE)

    assert [p.name for p in usb.iterdir()] == [out.name]  # no scratch left on the stick
    data = out.read_bytes()
    assert data.startswith(b"age-encryption.org/v1\n-> scrypt ")
    assert maintenance.is_encrypted(out)
    for plain in (ID_MALE.encode(), "朱荣荣".encode(), b"SQLite format 3", b"manifest.json",
                  b"laomo.sqlite3", b"AGE-SECRET-KEY", manifest.sha256.encode(), *secrets):
        assert plain not in data
    assert _audit(sqlite_db, "backup.create")[0]["encrypted"] is True

    # a damaged payload with the right passphrase is a damaged file, not a wrong passphrase
    damaged = tmp_path / "damaged.laomo-backup"
    body = bytearray(data)
    body[-100] ^= 0xFF
    damaged.write_bytes(bytes(body))
    with pytest.raises(AppError) as caught:
        maintenance.read_backup(damaged, tmp_path / "x.sqlite3", passphrase=PASSPHRASE)
    assert caught.value.code == "backup_unreadable"

    for path in store.files():
        path.unlink()  # the machine is lost with its keys
    service(sqlite_db, admin).create(draft(name="后来者", id_number=None, district="市本级"))
    result = maintenance.restore(sqlite_db, out, admin, passphrase=PASSPHRASE)

    assert result.manifest.sha256 == manifest.sha256
    assert _names(sqlite_db.sqlite_path) == ["朱荣荣"]  # type: ignore[arg-type]
    assert store.signing_public() == public and store.age_recipient() == recipient
    assert all(p.stat().st_mode & 0o077 == 0 for p in store.files())
    [detail] = _audit(sqlite_db, "backup.restore")
    assert detail["encrypted"] is True and PASSPHRASE not in json.dumps(detail)
    assert not list(tmp_path.glob(maintenance.RESTORE_SCRATCH + "*"))


def test_a_wrong_or_missing_passphrase_changes_nothing(sqlite_db: Database,
                                                       tmp_path: Path) -> None:
    admin = initialise(sqlite_db)
    service(sqlite_db, admin).create(draft())
    out = tmp_path / "备份.laomo-backup"
    maintenance.MaintenanceService(sqlite_db, admin).backup(out, passphrase=PASSPHRASE)
    service(sqlite_db, admin).create(draft(name="后来者", id_number=None))
    before = sqlite_db.sqlite_path.read_bytes()  # type: ignore[union-attr]

    for given, code in ((PASSPHRASE.upper() + "x", "backup_wrong_passphrase"),
                        (None, "backup_passphrase_needed")):
        with pytest.raises(AppError) as caught:
            maintenance.restore(sqlite_db, out, admin, passphrase=given)
        assert caught.value.code == code
    assert "备份口令不正确" in error_text(AppError("backup_wrong_passphrase", path=str(out)))
    assert _names(sqlite_db.sqlite_path) == ["后来者", "朱荣荣"]  # type: ignore[arg-type]
    assert sqlite_db.sqlite_path.read_bytes() == before  # type: ignore[union-attr]
    assert not _audit(sqlite_db, "backup.restore")
    assert not (tmp_path / "backups").exists() or not list(
        (tmp_path / "backups").glob("*before-restore*"))
    assert not list(tmp_path.glob(maintenance.RESTORE_SCRATCH + "*"))


@pytest.mark.parametrize("weak", ["", "short", "        ", "1234567"])
def test_a_short_passphrase_writes_nothing(sqlite_db: Database, tmp_path: Path,
                                           weak: str) -> None:
    admin = initialise(sqlite_db)
    out = tmp_path / "usb" / "b.laomo-backup"
    out.parent.mkdir()
    with pytest.raises(maintenance.PassphraseRefused) as caught:
        maintenance.MaintenanceService(sqlite_db, admin).backup(out, passphrase=weak)
    assert caught.value.exit_code == 3
    assert "至少 8 个字符" in error_text(caught.value)
    assert list(out.parent.iterdir()) == []
    assert not _audit(sqlite_db, "backup.create")


def test_a_plain_zip_still_restores(sqlite_db: Database, tmp_path: Path) -> None:
    """A backup made before encryption (or with --no-encrypt) restores as before, with or
    without a passphrase at hand."""
    admin = initialise(sqlite_db)
    service(sqlite_db, admin).create(draft())
    out = tmp_path / "old.zip"
    maintenance.MaintenanceService(sqlite_db, admin).backup(out, passphrase=None)
    assert not maintenance.is_encrypted(out)
    service(sqlite_db, admin).create(draft(name="后来者", id_number=None))
    maintenance.restore(sqlite_db, out, admin, passphrase="no matter what")
    assert _names(sqlite_db.sqlite_path) == ["朱荣荣"]  # type: ignore[arg-type]
    [detail] = _audit(sqlite_db, "backup.restore")
    assert detail["encrypted"] is False


def test_an_age_file_for_a_key_is_not_taken_for_a_backup(tmp_path: Path) -> None:
    """A handoff package (age, to the city's key) given to restore: not a backup, said at once
    (not "wrong passphrase", and without a second of scrypt)."""
    import pyrage

    package = tmp_path / "长兴县-2026Q4.lmpkg"
    package.write_bytes(pyrage.encrypt(b"PK\x03\x04", [pyrage.x25519.Identity.generate()
                                                     .to_public()]))
    assert maintenance.is_encrypted(package)
    with pytest.raises(AppError) as caught:
        maintenance.read_backup(package, tmp_path / "x.sqlite3", passphrase=PASSPHRASE)
    assert caught.value.code == "backup_unreadable"
    assert caught.value.params["reason"] == "not_a_backup"


def test_a_killed_backup_s_plain_copy_is_removed_by_the_next(sqlite_db: Database,
                                                             tmp_path: Path) -> None:
    import os
    import time

    admin = initialise(sqlite_db)
    usb = tmp_path / "usb"
    stale = usb / (maintenance.BACKUP_SCRATCH + "killed")
    stale.mkdir(parents=True)
    (stale / maintenance.DB_MEMBER).write_bytes(b"SQLite format 3\0")
    old = time.time() - maintenance.STALE_SCRATCH_SECONDS - 60
    os.utime(stale, (old, old))
    running = usb / (maintenance.BACKUP_SCRATCH + "running")  # another backup, just started
    running.mkdir()
    maintenance.MaintenanceService(sqlite_db, admin).backup(usb / "b.zip", passphrase=None)
    assert sorted(p.name for p in usb.iterdir()) == sorted(["b.zip", running.name])


def test_a_backup_too_costly_to_decrypt_here_is_refused_in_words(tmp_path: Path) -> None:
    """scrypt work factor 2^30 (as a far faster computer, or a crafted file, would set): age
    refuses before doing the work, and the clerk learns why."""
    import base64

    def b64(n: int) -> bytes:
        return base64.b64encode(bytes(n)).rstrip(b"=")

    heavy = tmp_path / "heavy.laomo-backup"
    heavy.write_bytes(b"age-encryption.org/v1\n-> scrypt " + b64(16) + b" 30\n" + b64(32)
                      + b"\n--- " + b64(32) + b"\n" + bytes(64))
    with pytest.raises(AppError) as caught:
        maintenance.read_backup(heavy, tmp_path / "x.sqlite3", passphrase=PASSPHRASE)
    assert caught.value.code == "backup_too_slow_here"
    assert caught.value.params["seconds"].isdigit()
    assert "更快的电脑" in error_text(caught.value)
