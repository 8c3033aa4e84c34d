"""What a backup holds, read before a restore replaces anything (the window's restore dialog):
the manifest beside the current database's counts, nothing written, nothing left behind."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.database import Database
from desktop.errors import AppError
from desktop.models import AuditEvent
from desktop.services import maintenance
from tests.conftest import initialise
from tests.person_support import draft, service


def _audit_count(db: Database) -> int:
    with db.sessions.begin() as s:
        return s.scalar(select(func.count()).select_from(AuditEvent)) or 0


def test_the_preview_compares_backup_and_database_and_changes_nothing(
        sqlite_db: Database, tmp_path: Path) -> None:
    admin = initialise(sqlite_db)
    svc = maintenance.MaintenanceService(sqlite_db, admin)
    out = tmp_path / "备份.zip"
    svc.backup(out, passphrase=None)
    service(sqlite_db, admin).create(draft())
    entries = _audit_count(sqlite_db)

    preview = svc.preview_restore(out, passphrase=None)

    assert preview.manifest.association == "长兴县" and not preview.encrypted
    assert preview.manifest.counts["person"] == 0 and preview.current_counts["person"] == 1
    assert preview.current_counts["user"] == preview.manifest.counts["user"] == 1
    assert preview.current_association == "长兴县" and not preview.other_association
    assert preview.safety_copy_dir == tmp_path / "backups"  # beside the database
    assert _audit_count(sqlite_db) == entries  # reading a backup writes nothing
    assert not list(tmp_path.glob(maintenance.RESTORE_SCRATCH + "*"))


def test_the_preview_refuses_a_damaged_backup_in_words(sqlite_db: Database,
                                                       tmp_path: Path) -> None:
    admin = initialise(sqlite_db)
    svc = maintenance.MaintenanceService(sqlite_db, admin)
    out = tmp_path / "备份.zip"
    svc.backup(out, passphrase=None)
    with zipfile.ZipFile(out) as z:
        manifest = json.loads(z.read(maintenance.MANIFEST_MEMBER))
        body = z.read(maintenance.DB_MEMBER)
    tampered = tmp_path / "改过.zip"
    with zipfile.ZipFile(tampered, "w") as z:
        z.writestr(maintenance.MANIFEST_MEMBER, json.dumps(manifest))
        z.writestr(maintenance.DB_MEMBER, body[:-1] + b"\x01")
    with pytest.raises(AppError) as caught:
        svc.preview_restore(tampered, passphrase=None)
    assert caught.value.code == "backup_checksum_mismatch"
    assert not list(tmp_path.glob(maintenance.RESTORE_SCRATCH + "*"))
