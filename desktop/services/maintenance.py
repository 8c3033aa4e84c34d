"""Backups, restore and the consistency check (``laomo backup|restore|check``)."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import re
import shutil
import sqlite3
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import case, func, select, text
from sqlalchemy.exc import SQLAlchemyError

from desktop import __version__
from desktop.core.reference import TREATMENT_LEVELS
from desktop.database import Database
from desktop.errors import AppError, DatabaseProblem
from desktop.models import Honor, Person, Setting, User
from desktop.paths import DatabaseLock, replace_file
from desktop.services import audit, seal, settings
from desktop.services.permissions import Actor, Perm

BACKUP_FORMAT = "laomo-backup/1"
DB_MEMBER = "laomo.sqlite3"
MANIFEST_MEMBER = "manifest.json"
COUNTED_TABLES = ("person", "honor", "user", "audit_event")  # what a manifest counts
KEYS_PREFIX = "keys/"  # the handoff private keys (paths.keys_dir()) travel with the backup
Progress = Callable[[int, int], None]

# An encrypted backup is the same zip inside an age file (scrypt passphrase recipient), so the
# standard ``age -d`` tool opens it too. The suffix is only a suggestion: a backup is recognised
# by its first bytes, whatever it is called.
AGE_MAGIC = b"age-encryption.org/v1\n"
SCRYPT_STANZA = AGE_MAGIC + b"-> scrypt "  # the only stanza of a passphrase-encrypted file
ENCRYPTED_SUFFIX = ".laomo-backup"
MIN_PASSPHRASE = 8
# what pyrage says when the header's MAC fails (the passphrase), not the payload's
_WRONG_PASSPHRASE = frozenset({"Decryption failed", "No matching keys found"})
# age refuses a work factor about 16 times what this machine does in a second: a backup
# encrypted on a much faster computer (or a crafted file)
_EXCESSIVE_WORK = re.compile(r"Excessive work parameter\D*(\d+)?")


class PassphraseRefused(AppError):
    """A backup passphrase too weak to protect a whole register: nothing was written."""

    exit_code = 3


def check_passphrase(passphrase: str) -> None:
    """Refuse a passphrase too short (or blank) to protect a whole register."""
    if len(passphrase) < MIN_PASSPHRASE or not passphrase.strip():
        raise PassphraseRefused("backup_passphrase_short", minimum=MIN_PASSPHRASE)


def is_encrypted(path: Path) -> bool:
    """Whether ``path`` is an age file (an encrypted backup) rather than a plain zip."""
    try:
        with Path(path).open("rb") as f:
            return f.read(len(AGE_MAGIC)) == AGE_MAGIC
    except OSError:
        return False


@dataclass(frozen=True)
class BackupManifest:
    format: str
    app_version: str
    schema_revision: str | None
    created_at: str
    association: str | None
    sha256: str
    size: int
    counts: dict[str, int]


@dataclass(frozen=True)
class RestoreResult:
    manifest: BackupManifest
    previous_kept_at: Path | None
    upgraded_from: str | None


@dataclass(frozen=True)
class RestorePreview:
    """What a backup holds beside what the current database holds, read before anything is
    replaced (the window's restore dialog shows it for confirmation)."""

    manifest: BackupManifest
    encrypted: bool
    current_association: str | None
    current_counts: dict[str, int]
    safety_copy_dir: Path  # where the current database is kept before it is replaced

    @property
    def other_association(self) -> bool:
        """The backup belongs to another association: restoring it needs a reason."""
        return bool(self.current_association and self.manifest.association
                    and self.manifest.association != self.current_association)


@dataclass(frozen=True)
class CheckItem:
    name: str  # integrity | foreign_keys | schema | audit_chain | audit_seal | data_state
    # | treatment_levels | id_unique
    ok: bool
    detail: str
    attention: bool = False  # not damage, but something a person must still put right


LAST_BACKUP = "backup.last"  # {"path", "created_at", "sha256"} of the last backup written


@dataclass(frozen=True)
class CheckReport:
    items: tuple[CheckItem, ...]
    last_backup: dict[str, str] | None = None  # the way back when something is wrong
    needs_baseline: bool = False  # the log records no row digests yet (an older database)

    @property
    def ok(self) -> bool:
        return all(i.ok for i in self.items)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _sqlite_facts(path: Path) -> tuple[str | None, dict[str, int], str | None]:
    """(schema revision, row counts, association) read straight from a database file."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "alembic_version" not in tables:
            raise DatabaseProblem("foreign_database", path=str(path))
        rev = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        counts = {
            t: int(conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0])
            for t in COUNTED_TABLES if t in tables
        }
        assoc = None
        if "setting" in tables:
            row = conn.execute(
                "SELECT value FROM setting WHERE key = ?", (settings.ASSOCIATION,)
            ).fetchone()
            assoc = json.loads(row[0]) if row else None
        return (rev[0] if rev else None), counts, assoc
    except sqlite3.DatabaseError as exc:
        raise DatabaseProblem("not_a_database", path=str(path)) from exc
    finally:
        conn.close()


def _fsync_replace(tmp: Path, dest: Path) -> None:
    with tmp.open("rb+") as f:
        os.fsync(f.fileno())
    replace_file(tmp, dest)  # file_in_use when another program holds dest open


def _write_zip(dest: Path, manifest: BackupManifest, copy: Path) -> None:
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr(MANIFEST_MEMBER, json.dumps(manifest.__dict__, ensure_ascii=False, indent=2))
        z.write(copy, DB_MEMBER)
        _add_keys(z)


def _write_encrypted(dest: Path, plain_zip: Path, passphrase: str) -> None:
    """The zip as an age file. pyrage's passphrase API works on whole byte strings, so the zip
    (compressed: about a third of the database) and its ciphertext are in memory, beside
    scrypt's own buffer, which age sizes to about a second of this machine's work (512 MiB to
    1 GiB on a fast one): a 100,000-person register peaks near 0.7-1.2 GB
    (benchmarks/bench_maintenance.py)."""
    import pyrage

    sealed = pyrage.passphrase.encrypt(plain_zip.read_bytes(), passphrase)
    with dest.open("wb") as f:
        f.write(sealed)


BACKUP_SCRATCH = ".laomo-backup-"
STALE_SCRATCH_SECONDS = 12 * 3600  # a backup takes seconds; one this old was killed


def _remove_stale_backup_scratch(folder: Path) -> None:
    """Scratch folders of killed backups: each holds a plain copy of the whole database."""
    now = dt.datetime.now().timestamp()
    for stale in folder.glob(BACKUP_SCRATCH + "*"):
        with contextlib.suppress(OSError):
            if stale.is_dir() and now - stale.stat().st_mtime > STALE_SCRATCH_SECONDS:
                shutil.rmtree(stale, ignore_errors=True)


class MaintenanceService:
    def __init__(self, db: Database, actor: Actor) -> None:
        self._db = db
        self._actor = actor

    def backup(self, out: Path, *, passphrase: str | None,
               progress: Progress | None = None) -> BackupManifest:
        """A consistent copy of the live database plus a manifest, zipped, and with a
        ``passphrase`` encrypted (age); ``None`` asks for a plain zip on purpose. Written to a
        temporary name and renamed, so ``out`` is either complete or absent."""
        self._actor.require(Perm.BACKUP)
        if passphrase is not None:
            check_passphrase(passphrase)
        out = Path(out)
        if out.exists() and out.is_dir():
            raise AppError("output_is_directory", path=str(out))
        # Encrypting, the plain copy stays on the database's own disk: a file deleted from a
        # USB stick can still be read back from it.
        scratch = out.parent
        if passphrase is not None:
            if self._db.sqlite_path is None:
                raise DatabaseProblem("backup_needs_sqlite", url=self._db.describe())
            scratch = self._db.sqlite_path.parent
        tmp_zip = out.with_name(out.name + ".part")
        try:
            _remove_stale_backup_scratch(scratch)
            with tempfile.TemporaryDirectory(dir=scratch, prefix=BACKUP_SCRATCH) as work:
                copy = Path(work) / DB_MEMBER
                self._db.copy_sqlite_to(copy, progress=progress)
                revision, counts, assoc = _sqlite_facts(copy)
                manifest = BackupManifest(
                    format=BACKUP_FORMAT, app_version=__version__, schema_revision=revision,
                    created_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                    association=assoc, sha256=_sha256(copy), size=copy.stat().st_size,
                    counts=counts,
                )
                if passphrase is None:
                    _write_zip(tmp_zip, manifest, copy)
                else:
                    plain_zip = Path(work) / "backup.zip"
                    _write_zip(plain_zip, manifest, copy)
                    copy.unlink()  # the disk holds one plain copy at a time
                    _write_encrypted(tmp_zip, plain_zip, passphrase)
                _fsync_replace(tmp_zip, out)
        except OSError as exc:
            tmp_zip.unlink(missing_ok=True)
            raise DatabaseProblem("backup_failed", path=str(out), reason=str(exc)) from exc
        except DatabaseProblem as exc:
            tmp_zip.unlink(missing_ok=True)
            if exc.code == "backup_failed":  # name the user's file, not our scratch copy
                raise DatabaseProblem("backup_failed", path=str(out),
                                      reason=exc.params.get("reason", "")) from exc
            raise
        except AppError:  # file_in_use: the old backup file stays as it was
            tmp_zip.unlink(missing_ok=True)
            raise
        with self._db.sessions.begin() as s:
            audit.append(s, self._actor, "backup.create", entity="backup", entity_id=out.name,
                         detail={"sha256": manifest.sha256, "counts": counts,
                                 "encrypted": passphrase is not None})
            audit.checkpoint(s, self._actor)
            settings.put(s, LAST_BACKUP, {"path": str(out.resolve()),
                                          "created_at": manifest.created_at,
                                          "sha256": manifest.sha256})
        return manifest

    def preview_restore(self, source: Path, *, passphrase: str | None) -> RestorePreview:
        """Open and verify the backup ``source`` (decrypted with ``passphrase`` when it is
        encrypted) and say what it holds against the current database; nothing is changed.
        Refused, like ``restore``, for a role that may not restore, a wrong passphrase or a
        damaged, foreign or newer backup."""
        self._actor.require(Perm.RESTORE)
        return _preview(self._db, source, passphrase)

    def restore(self, source: Path, *, passphrase: str | None,
                other_association_reason: str | None = None) -> RestoreResult:
        """``restore`` as the logged-in actor (the window's 恢复备份)."""
        return restore(self._db, source, self._actor, passphrase=passphrase,
                       other_association_reason=other_association_reason)

    def check(self, *, progress: Progress | None = None) -> CheckReport:
        self._actor.require(Perm.CHECK)
        report = run_checks(self._db, progress=progress)
        seal_after_check(self._db, self._actor, report)
        return report


class FirstRestore:
    """Restoring onto a computer whose database has no users yet: a new or replaced PC, the
    program just installed. Nobody can log in to it, so the backup's own accounts say who may
    restore it (an administrator of the backup, with that account's password), as
    ``laomo restore`` does. Refused once the database has users: then an administrator
    restores from the window (文件 → 恢复备份)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def preview_restore(self, source: Path, *, passphrase: str | None) -> RestorePreview:
        """``MaintenanceService.preview_restore`` before anyone can log in."""
        self._require_empty()
        return _preview(self._db, source, passphrase)

    def restore(self, source: Path, *, passphrase: str | None, name: str, password: str,
                other_association_reason: str | None = None) -> RestoreResult:
        """Restore ``source`` as its user ``name`` (``password``: that account's in the
        backup; refused when wrong, or when the account may not restore). Audited in the
        restored database as that user's ``backup.restore``."""
        from desktop.services.accounts import AccountService

        self._require_empty()
        actor = backup_actor(self._db, Path(source), passphrase,
                             lambda candidate: AccountService(candidate.sessions).login(
                                 name, password))
        actor.require(Perm.RESTORE)
        return restore(self._db, source, actor, passphrase=passphrase,
                       other_association_reason=other_association_reason)

    def _require_empty(self) -> None:
        from desktop.services.accounts import is_initialised

        if self._db.sqlite_path is None:
            raise DatabaseProblem("backup_needs_sqlite", url=self._db.describe())
        try:
            users = is_initialised(self._db.sessions)
        except SQLAlchemyError:
            users = False  # an empty file: nothing to protect yet
        if users:
            raise AppError("restore_needs_login")


def backup_actor(db: Database, source: Path, passphrase: str | None,
                 authenticate: Callable[[Database], Actor]) -> Actor:
    """Who restores when the current database cannot say (no users yet, or damaged): the
    backup's own accounts, read from a scratch copy beside the database and then deleted."""
    scratch = db.sqlite_path.parent if db.sqlite_path is not None else None
    if scratch is not None:
        scratch.mkdir(parents=True, exist_ok=True)
        remove_stale_restores(scratch)
    with tempfile.TemporaryDirectory(dir=scratch, prefix=RESTORE_SCRATCH) as work:
        copy = Path(work) / "candidate.sqlite3"
        read_backup(Path(source), copy, passphrase=passphrase)
        candidate = Database(f"sqlite:///{copy}")
        try:
            return authenticate(candidate)
        finally:
            candidate.dispose()


def _preview(db: Database, source: Path, passphrase: str | None) -> RestorePreview:
    target = db.sqlite_path
    if target is None:
        raise DatabaseProblem("backup_needs_sqlite", url=db.describe())
    source = Path(source)
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=RESTORE_SCRATCH) as work:
        manifest = read_backup(source, Path(work) / DB_MEMBER, passphrase=passphrase)
        candidate = Database(f"sqlite:///{Path(work) / DB_MEMBER}")
        try:
            candidate.check_schema()  # a backup from a newer program is refused here too
        finally:
            candidate.dispose()
    return RestorePreview(manifest, is_encrypted(source), current_association(db),
                          current_counts(db), safety_copy_dir(target))


def seal_after_check(db: Database, actor: Actor, report: CheckReport) -> None:
    """A log found whole gets a signed checkpoint (and, the first time, the digests of every
    row it did not record yet); a damaged one is left as found, for the way back."""
    if not report.ok:
        return
    with db.sessions.begin() as s:
        audit.checkpoint(s, actor, baseline=report.needs_baseline)


def run_checks(db: Database, *, progress: Progress | None = None) -> CheckReport:
    """Every check, reading only: ``laomo check`` runs them before the log-in writes its entry,
    and on a damaged database they report the damage instead of failing with it."""
    return _Checks(db).run(progress)


class _Checks:
    def __init__(self, db: Database) -> None:
        self._db = db

    def run(self, progress: Progress | None) -> CheckReport:
        items: list[CheckItem] = []
        current, head = self._db.check_schema()
        items.append(CheckItem("schema", current == head, f"{current} / {head}"))
        with self._db.read_sessions.begin() as s:
            if self._db.is_sqlite:
                rows = [r[0] for r in s.execute(text("PRAGMA integrity_check")).all()]
                items.append(CheckItem("integrity", rows == ["ok"], "; ".join(rows[:5])))
                bad = s.execute(text("PRAGMA foreign_key_check")).all()
                items.append(CheckItem("foreign_keys", not bad, str(len(bad))))
            witness = seal.Witness(own_key=seal.own_public(), outside=seal.read_outside(s))
            chain = audit.verify_chain(s, progress=progress, witness=witness)
            items.append(CheckItem("audit_chain", chain.ok,
                                   f"{chain.entries}" + (": " + ", ".join(chain.problems[:10])
                                                         if chain.problems else "")))
            try:
                items.append(self._seal(s, witness, chain.entries))
                items.append(self._state(s, witness))
            except SQLAlchemyError:
                items.append(CheckItem("data_state", False, "unreadable"))
            try:
                items.append(self._treatment_levels(s))
            except SQLAlchemyError:
                items.append(CheckItem("treatment_levels", False, "unreadable"))
            last = pending = None
            with contextlib.suppress(SQLAlchemyError):
                last = settings.get(s, LAST_BACKUP)
                pending = settings.get(s, settings.ID_UNIQUE_PENDING)
            items.append(_id_unique(pending))
        return CheckReport(tuple(items), last if isinstance(last, dict) else None,
                           needs_baseline=not witness.baseline)

    @staticmethod
    def _seal(s: Any, witness: seal.Witness, entries: int) -> CheckItem:
        """The head's seal, the signed checkpoints and the copy outside the database."""
        witness.finish(entries)
        problems = list(witness.problems)
        keys = seal.own_keys(create=False)
        row = s.get(Setting, audit.HEAD_KEY)
        try:
            head = json.loads(row.value) if row is not None else None
        except ValueError:
            head = None
        if isinstance(head, dict) and "mac" in head:
            if keys is not None and head.get("kid") == keys.kid and not seal.head_mac_ok(head,
                                                                                      keys):
                problems.append("head_seal_broken")
        elif witness.sealed_era and entries:
            problems.append("head_unsealed")
        if not entries:
            users = s.scalar(select(func.count()).select_from(User)) or 0
            persons = s.scalar(select(func.count()).select_from(Person)) or 0
            if users or persons:
                problems.append(f"log_empty:{users + persons}")
        detail = ", ".join(problems[:10]) if problems else (
            f"{witness.checkpoints}" + (f" ({witness.foreign_checkpoints})"
                                        if witness.foreign_checkpoints else ""))
        return CheckItem("audit_seal", not problems, detail)

    @staticmethod
    def _state(s: Any, witness: seal.Witness) -> CheckItem:
        """The current rows against the digests their last entries recorded."""
        problems, compared = seal.reconcile(s, witness.state, witness.baseline)
        if problems:
            return CheckItem("data_state", False, "; ".join(problems[:10]))
        return CheckItem("data_state", True,
                         f"{compared}" + ("" if witness.baseline else " (no baseline)"))

    @staticmethod
    def _treatment_levels(s: Any) -> CheckItem:
        """Stored treatment levels must equal the highest kept honor (or the override)."""
        rank = func.min(_level_rank(Honor.level))
        derived = (
            select(Honor.person_id, rank.label("r"))
            .where(Honor.revoked_date.is_(None), Honor.deleted_at.is_(None))
            .group_by(Honor.person_id).subquery()
        )
        stored = _level_rank(Person.treatment_level)
        stmt = (
            select(func.count()).select_from(Person)
            .outerjoin(derived, derived.c.person_id == Person.id)
            .where(Person.treatment_override.is_(None), Person.deleted_at.is_(None),
                   stored != func.coalesce(derived.c.r, 99))
        )
        wrong = s.scalar(stmt) or 0
        return CheckItem("treatment_levels", wrong == 0, str(wrong))


def _id_unique(pending: Any) -> CheckItem:
    """The one-live-holder-per-ID-number index, or how many ID numbers keep it waiting."""
    if not isinstance(pending, dict):
        return CheckItem("id_unique", True, "on")
    return CheckItem("id_unique", True, str(pending.get("id_numbers", "?")), attention=True)


def _level_rank(column: Any) -> Any:
    return case({lv: i for i, lv in enumerate(TREATMENT_LEVELS)}, value=column, else_=99)


MAX_BACKUP_BYTES = 8 * 1024 ** 3  # no register comes near; a bigger claim is a crafted file


def read_backup(path: Path, into: Path, *, passphrase: str | None = None) -> BackupManifest:
    """Open a backup, verify it and extract its database to ``into``; raise if anything is off.

    An encrypted backup is first decrypted with ``passphrase`` into a scratch zip beside
    ``into`` (a wrong one is refused before anything else happens)."""
    path = Path(path)
    return _read_zip(_plain_zip(path, into.parent, passphrase), into, path)


def _plain_zip(path: Path, work: Path, passphrase: str | None) -> Path:
    """``path`` itself for a plain zip; for an encrypted backup, its zip decrypted into
    ``work`` (a scratch folder on the database's disk)."""
    if not is_encrypted(path):
        return path
    if passphrase is None:
        raise AppError("backup_passphrase_needed", path=str(path))
    import pyrage

    try:
        with path.open("rb") as f:
            if f.read(len(SCRYPT_STANZA)) != SCRYPT_STANZA:
                # an age file for a key (a handoff package), not a backup with a passphrase
                raise AppError("backup_unreadable", path=str(path), reason="not_a_backup")
        size = path.stat().st_size
        if size > MAX_BACKUP_BYTES:
            raise AppError("backup_unreadable", path=str(path), reason="damaged")
        free = shutil.disk_usage(work).free
        if size > free:
            raise AppError("backup_no_space", path=str(path), need=size >> 20, free=free >> 20)
        try:
            plain = pyrage.passphrase.decrypt(path.read_bytes(), passphrase)
        except pyrage.DecryptError as exc:
            if str(exc) in _WRONG_PASSPHRASE:
                raise AppError("backup_wrong_passphrase", path=str(path)) from exc
            slow = _EXCESSIVE_WORK.match(str(exc))
            if slow:
                raise AppError("backup_too_slow_here", path=str(path),
                               seconds=slow.group(1) or "?") from exc
            raise AppError("backup_unreadable", path=str(path), reason="damaged") from exc
        target = work / "backup.zip"
        with target.open("wb") as f:
            f.write(plain)
        del plain
        return target
    except OSError as exc:
        raise AppError("backup_unreadable", path=str(path), reason="io") from exc


def _read_zip(source: Path, into: Path, path: Path) -> BackupManifest:
    """The checks of ``read_backup`` on the plain zip ``source``; errors name ``path``, the
    user's file.

    The manifest's size, the archive's own record of the member and the free disk space are
    compared before a byte is unpacked, and unpacking stops at the manifest's size: a zip bomb
    is refused in a moment instead of filling the disk first."""
    try:
        with zipfile.ZipFile(source) as z:
            if z.getinfo(MANIFEST_MEMBER).file_size > 1 << 20:
                raise AppError("backup_unreadable", path=str(path), reason="manifest")
            data = json.loads(z.read(MANIFEST_MEMBER).decode("utf-8"))
            if not isinstance(data, dict) or set(data) != set(BackupManifest.__annotations__):
                raise AppError("backup_unreadable", path=str(path), reason="manifest")
            manifest = BackupManifest(**data)
            if manifest.format != BACKUP_FORMAT:
                raise AppError("backup_unknown_format", path=str(path), format=manifest.format)
            member = z.getinfo(DB_MEMBER)
            size = int(manifest.size)
            if member.file_size != size or not 0 < size <= MAX_BACKUP_BYTES:
                raise AppError("backup_size_mismatch", path=str(path),
                               declared=size, stored=member.file_size)
            free = shutil.disk_usage(into.parent).free
            if size > free:
                raise AppError("backup_no_space", path=str(path), need=size >> 20,
                               free=free >> 20)
            written = 0
            with z.open(member) as src, into.open("wb") as dst:
                while chunk := src.read(1 << 20):
                    written += len(chunk)
                    if written > size:
                        raise AppError("backup_size_mismatch", path=str(path),
                                       declared=size, stored=written)
                    dst.write(chunk)
    except AppError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, ValueError, TypeError,
            EOFError, NotImplementedError, RuntimeError) as exc:
        # the parser's own words (and our scratch file's name) are no help to anyone
        raise AppError("backup_unreadable", path=str(path), reason="damaged") from exc
    except OSError as exc:
        raise AppError("backup_unreadable", path=str(path), reason="io") from exc
    if _sha256(into) != manifest.sha256:
        raise AppError("backup_checksum_mismatch", path=str(path))
    conn = sqlite3.connect(f"file:{into}?mode=ro", uri=True)
    try:
        result = conn.execute("PRAGMA integrity_check").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise AppError("backup_unreadable", path=str(path), reason="damaged") from exc
    finally:
        conn.close()
    if result != "ok":
        raise AppError("backup_corrupt", path=str(path), reason=result)
    return manifest


RESTORE_SCRATCH = ".laomo-restore-"


def remove_stale_restores(folder: Path) -> int:
    """Scratch folders a killed restore left behind (each as big as the database). Called with
    the database lock held, so no restore of this database is running."""
    removed = 0
    if not folder.is_dir():
        return 0
    for stale in folder.glob(RESTORE_SCRATCH + "*"):
        if stale.is_dir():
            shutil.rmtree(stale, ignore_errors=True)
            removed += 1
    return removed


def current_counts(db: Database) -> dict[str, int]:
    """The rows of the tables a backup manifest counts, counted the same way (every row)."""
    try:
        with db.read_sessions.begin() as s:
            return {t: int(s.scalar(text(f'SELECT count(*) FROM "{t}"')) or 0)
                    for t in COUNTED_TABLES}
    except SQLAlchemyError:
        return {}  # a damaged database: the backup is what matters now


def safety_copy_dir(target: Path) -> Path:
    """Where ``restore`` keeps the database it replaces."""
    return target.parent / "backups"


def current_association(db: Database) -> str | None:
    """The association the database belongs to, or None when it has none or cannot say."""
    try:
        with db.read_sessions.begin() as s:
            value = settings.get(s, settings.ASSOCIATION)
    except (SQLAlchemyError, ValueError):
        return None
    return value if isinstance(value, str) else None


def restore(db: Database, source: Path, actor: Actor, *,
            other_association_reason: str | None = None,
            passphrase: str | None = None) -> RestoreResult:
    """Replace the database with a verified backup, keeping the current file beside it.

    Refused while another program holds the database (named), for another association's
    backup unless ``other_association_reason`` says why, and for an encrypted backup without
    its passphrase."""
    actor.require(Perm.RESTORE)
    if db.sqlite_path is None:
        raise DatabaseProblem("backup_needs_sqlite", url=db.describe())
    target = db.sqlite_path
    target.parent.mkdir(parents=True, exist_ok=True)
    lock = DatabaseLock(target)
    taken = lock.acquire("laomo restore")
    try:
        return _restore(db, Path(source), actor, target, other_association_reason,
                        passphrase)
    finally:
        if taken:
            lock.release()


def _restore(db: Database, source: Path, actor: Actor, target: Path,
             other_association_reason: str | None, passphrase: str | None) -> RestoreResult:
    remove_stale_restores(target.parent)
    here = current_association(db) if target.exists() and target.stat().st_size else None
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=RESTORE_SCRATCH) as work:
        extracted = Path(work) / DB_MEMBER
        plain = _plain_zip(Path(source), Path(work), passphrase)
        manifest = _read_zip(plain, extracted, Path(source))
        if (here and manifest.association and manifest.association != here
                and not (other_association_reason or "").strip()):
            raise AppError("backup_other_association", path=str(source),
                           backup=manifest.association, current=here)
        candidate = Database(f"sqlite:///{extracted}")
        try:
            candidate.check_schema()  # refuses a backup from a newer program
        finally:
            candidate.dispose()
        kept: Path | None = None
        if target.exists():
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            kept = safety_copy_dir(target) / f"{target.stem}.before-restore-{stamp}.sqlite3"
            try:
                db.copy_sqlite_to(kept)
            except DatabaseProblem:
                # An unreadable current file is kept as it is, byte for byte.
                kept.parent.mkdir(parents=True, exist_ok=True)
                replace_file(target, kept)
        db.replace_with(extracted)
        _restore_keys(plain)
    result = db.upgrade()
    with db.sessions.begin() as s:
        detail: dict[str, Any] = {"created_at": manifest.created_at, "sha256": manifest.sha256,
                                  "previous_kept_at": str(kept) if kept else None,
                                  "encrypted": plain != Path(source)}
        if here and manifest.association != here:
            detail.update(replaced_association=here, reason=other_association_reason)
        audit.append(s, actor, "backup.restore", entity="backup", entity_id=Path(source).name,
                     detail=detail)
        # the copy outside the database now names the restored log, not the replaced one
        audit.checkpoint(s, actor)
    return RestoreResult(manifest, kept, result.from_revision if result.backup else None)


def _add_keys(z: zipfile.ZipFile) -> None:
    from desktop.paths import keys_dir

    for path in sorted(keys_dir().glob("*.key")):
        z.write(path, KEYS_PREFIX + path.name)


def _restore_keys(source: Path) -> None:
    """Put back the keys the backup holds; a different key already here is kept beside it
    (``NAME.before-restore``), never silently lost."""
    from desktop.paths import keys_dir

    folder = keys_dir()
    with zipfile.ZipFile(source) as z:
        for name in z.namelist():
            base = name[len(KEYS_PREFIX):]
            if not name.startswith(KEYS_PREFIX) or "/" in base or not base.endswith(".key"):
                continue
            data = z.read(name)
            target = folder / base
            if target.exists():
                if target.read_bytes() == data:
                    continue
                os.replace(target, target.with_name(base + ".before-restore"))
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "wb") as f:
                f.write(data)

