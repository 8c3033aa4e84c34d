"""The private keys live in the data folder and travel with backup and restore."""

from __future__ import annotations

from pathlib import Path

from desktop.database import Database
from desktop.paths import keys_dir
from desktop.services import maintenance
from desktop.services.handoff.keys import KeyStore
from tests.conftest import initialise


def test_backup_and_restore_carry_the_keys(sqlite_db: Database, tmp_path: Path) -> None:
    admin = initialise(sqlite_db, "湖州市")
    store = KeyStore(keys_dir())
    public = store.signing_public()
    recipient = store.age_recipient()
    out = tmp_path / "backup.zip"
    maintenance.MaintenanceService(sqlite_db, admin).backup(out, passphrase=None)
    for path in store.files():
        path.unlink()  # the keys are lost
    maintenance.restore(sqlite_db, out, admin)
    assert store.signing_public() == public and store.age_recipient() == recipient
    assert all(p.stat().st_mode & 0o077 == 0 for p in store.files())
