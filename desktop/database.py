"""Engine, sessions, start-up upgrade and backups.

SQLite is the default (a file in the user data folder); any SQLAlchemy URL works, PostgreSQL
included. On SQLite every connection gets the pragmas STYLE.md asks for and we emit ``BEGIN
IMMEDIATE`` ourselves, so a transaction is real (DDL included) and writers queue instead of
failing half-way.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from desktop.errors import AppError, DatabaseProblem

if TYPE_CHECKING:  # Alembic is loaded only when a schema has to be checked or changed
    from alembic.config import Config
from desktop.paths import default_database_path, migrations_dir, replace_file

NETWORK_FILESYSTEMS = frozenset(
    {"nfs", "nfs4", "cifs", "smb", "smb3", "smbfs", "fuse.sshfs", "9p", "afs", "ncpfs",
     "fuse.rclone", "davfs", "fuse.davfs2", "glusterfs", "ceph", "lustre"}
)
SQLITE_BUSY_TIMEOUT_MS = 15000
MOUNTS_FILE = Path("/proc/mounts")
DRIVE_REMOTE = 4  # GetDriveTypeW: a network drive


def file_head() -> str | None:
    """The newest revision id by file name (``NNNN_name.py`` with ``revision = "NNNN"``, a
    linear chain). ``tests/services/test_database.py`` keeps it equal to Alembic's head."""
    versions = migrations_dir() / "versions"
    ids = [p.name[:4] for p in versions.glob("[0-9][0-9][0-9][0-9]_*.py")]
    return max(ids) if ids else None


def resolve_url(target: str | Path | None) -> str:
    """A SQLAlchemy URL for ``--db``: nothing (the default file), a file path or a URL."""
    if target is None or str(target) == "":
        return f"sqlite:///{default_database_path()}"
    text = str(target)
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser().absolute()}"


def windows_drive_type(root: str) -> int:  # pragma: no cover - Windows only
    """``GetDriveTypeW`` for a drive root such as ``Z:\\`` (DRIVE_REMOTE for a mapped share)."""
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    return int(kernel32.GetDriveTypeW(root))


# Injectable for tests, which simulate Windows on Linux (tests/services/test_windows.py).
ON_WINDOWS = os.name == "nt"
drive_type: Callable[[str], int] = windows_drive_type


def is_windows_network_path(text: str, get_drive_type: Callable[[str], int]) -> bool:
    """True for a UNC path (``\\\\server\\share\\…``, also ``\\\\?\\UNC\\…``) or a path on a drive
    letter that Windows reports as DRIVE_REMOTE (``Z:`` mapped to a share)."""
    text = text.replace("/", "\\")
    for prefix in ("\\\\?\\", "\\\\.\\"):  # Win32 device / long-path prefixes
        if text.startswith(prefix):
            rest = text[len(prefix):]
            if rest[:4].upper() == "UNC\\":
                return True
            text = rest
            break
    if text.startswith("\\\\"):
        return True
    drive = PureWindowsPath(text).drive
    if len(drive) == 2 and drive[1] == ":":
        return get_drive_type(drive + "\\") == DRIVE_REMOTE
    return False


def is_network_location(path: Path, *, mounts: str | None = None) -> bool:
    """True for a UNC path, a mapped network drive (Windows) or a network file system (Linux).

    SQLite in WAL mode needs shared memory that network file systems do not give, so a database
    there gets corrupted sooner or later: we refuse it instead.
    """
    text = str(path)
    if ON_WINDOWS:
        if not PureWindowsPath(text).drive:  # relative: on the current drive
            text = str(path.absolute())
        return is_windows_network_path(text, drive_type)
    if text.startswith(("\\\\", "//")):
        return True
    if mounts is None:
        try:
            mounts = MOUNTS_FILE.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return False
    absolute = str(path.absolute())
    best, best_fs = "", ""
    for line in mounts.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        point = parts[1].replace("\\040", " ")
        inside = absolute == point or absolute.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, best_fs = point, parts[2]
    return best_fs in NETWORK_FILESYSTEMS


@dataclass(frozen=True)
class UpgradeResult:
    from_revision: str | None
    to_revision: str
    backup: Path | None


def _sqlite_connect_hooks(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Autocommit at the driver level: we say BEGIN ourselves (below), so pysqlite's
        # legacy implicit transactions cannot leave half a migration applied.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.close()

    path = engine.url.database or ""

    @event.listens_for(engine, "handle_error")
    def _on_error(ctx: Any) -> None:
        # A writer elsewhere held the lock past the busy timeout: say so, do not let it read
        # like a corrupt file or a bug.
        original = ctx.original_exception
        if isinstance(original, sqlite3.OperationalError) and "locked" in str(original):
            raise DatabaseProblem("database_busy", path=path) from original

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # Writers take the write lock at BEGIN, so two of them queue (busy timeout) instead of
        # one failing on lock upgrade; readers use a plain BEGIN and never wait for a writer.
        readonly = conn.get_execution_options().get("laomo_readonly", False)
        conn.exec_driver_sql("BEGIN" if readonly else "BEGIN IMMEDIATE")


class Database:
    """One database: its engine, a session factory and the operations on the file itself."""

    def __init__(self, url: str) -> None:
        self.url = url
        parsed = make_url(url)
        self.is_sqlite = parsed.get_backend_name() == "sqlite"
        self.sqlite_path: Path | None = None
        kwargs: dict[str, Any] = {}
        if self.is_sqlite:
            if not parsed.database or parsed.database == ":memory:":
                raise DatabaseProblem("memory_database_unsupported")
            self.sqlite_path = Path(parsed.database)
            if is_network_location(self.sqlite_path):
                raise DatabaseProblem("network_share", path=str(self.sqlite_path))
            kwargs["connect_args"] = {"check_same_thread": False}
        else:
            kwargs["pool_pre_ping"] = True
        # a failed statement's message never carries its values (ID numbers, phones, incomes)
        self.engine = create_engine(url, hide_parameters=True, **kwargs)
        if self.is_sqlite:
            _sqlite_connect_hooks(self.engine)
        self.sessions: sessionmaker[Session] = sessionmaker(self.engine, expire_on_commit=False)
        self.read_sessions: sessionmaker[Session] = sessionmaker(
            self.engine.execution_options(laomo_readonly=True), expire_on_commit=False
        )
        """For read-only use cases (lists, figures, checks): never blocked by a writer."""

    @classmethod
    def open(cls, target: str | Path | None = None) -> Database:
        return cls(resolve_url(target))

    def describe(self) -> str:
        """A short, password-free description for status bars and logs."""
        if self.sqlite_path is not None:
            return str(self.sqlite_path)
        return make_url(self.url).render_as_string(hide_password=True)

    def dispose(self) -> None:
        self.engine.dispose()

    # -- schema -------------------------------------------------------------------------

    def _alembic_config(self, script_location: Path | None = None) -> Config:
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(script_location or migrations_dir()))
        return cfg

    def head_revision(self, script_location: Path | None = None) -> str:
        from alembic.script import ScriptDirectory

        head = ScriptDirectory.from_config(self._alembic_config(script_location)).get_current_head()
        assert head is not None
        return head

    def current_revision(self) -> str | None:
        return self.check_schema()[0]

    def _peek_sqlite(self) -> tuple[set[str], str | None]:
        """Tables and Alembic revision of the SQLite file, read through a read-only connection,
        so that a file we end up refusing is left exactly as it was (the engine's connection
        would switch it to WAL first)."""
        assert self.sqlite_path is not None
        path = self.sqlite_path
        try:
            with path.open("rb") as f:
                header = f.read(16)
        except OSError as exc:
            raise DatabaseProblem("cannot_open", path=str(path), reason=str(exc)) from exc
        if not header:
            return set(), None  # an empty file: SQLite treats it as an empty database
        if header != b"SQLite format 3\x00":
            raise DatabaseProblem("not_a_database", path=str(path))
        uri = f"{path.absolute().as_uri()}?mode=ro"
        try:
            conn = sqlite3.connect(uri, uri=True, timeout=SQLITE_BUSY_TIMEOUT_MS / 1000)
            try:
                tables = {r[0] for r in conn.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table'")}
                revision = None
                if "alembic_version" in tables:
                    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                    revision = row[0] if row else None
            finally:
                conn.close()
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise DatabaseProblem("database_busy", path=str(path)) from exc
            raise DatabaseProblem("not_a_database", path=str(path)) from exc
        except sqlite3.DatabaseError as exc:
            raise DatabaseProblem("not_a_database", path=str(path)) from exc
        return tables, revision

    def _current_if_head(self) -> str | None:
        """The revision when the database is already at the newest migration file, else None:
        the common case (every start, every command) then never loads Alembic."""
        newest = file_head()
        if newest is None:
            return None
        try:
            if self.sqlite_path is not None:
                if not self.sqlite_path.exists():
                    return None
                current = self._peek_sqlite()[1]
            else:
                with self.engine.connect() as conn:
                    current = conn.exec_driver_sql(
                        "SELECT version_num FROM alembic_version").scalar()
        except Exception:  # no table yet, a foreign file...: the full check says what is wrong
            return None
        return current if current == newest else None

    def check_schema(self, script_location: Path | None = None) -> tuple[str | None, str]:
        """(current, head) revisions; raises for a foreign or too-new database."""
        from alembic.runtime.migration import MigrationContext
        from alembic.script import ScriptDirectory

        script = ScriptDirectory.from_config(self._alembic_config(script_location))
        head = script.get_current_head()
        assert head is not None
        if self.sqlite_path is not None:
            tables, current = (self._peek_sqlite() if self.sqlite_path.exists()
                               else (set(), None))
        else:
            with self.engine.connect() as conn:
                tables = set(inspect(conn).get_table_names())
                current = MigrationContext.configure(conn).get_current_revision()
        if current is None and tables and not tables <= {"alembic_version"}:
            raise DatabaseProblem("foreign_database", path=self.describe())
        if current is not None:
            try:
                script.get_revision(current)
            except Exception as exc:
                raise DatabaseProblem(
                    "schema_too_new", path=self.describe(), revision=current, head=head
                ) from exc
        return current, head

    def upgrade(
        self,
        *,
        target: str = "head",
        backup_dir: Path | None = None,
        script_location: Path | None = None,
    ) -> UpgradeResult:
        """Bring the schema to ``target``: back up, migrate in one transaction, verify.

        On SQLite foreign keys are off while migrating (a batch table rebuild with them on
        would cascade-delete child rows) and ``foreign_key_check`` must come back empty before
        the commit. Any failure restores the backup and raises ``DatabaseProblem``.
        """
        if script_location is None and target == "head":
            current = self._current_if_head()
            if current is not None:
                return UpgradeResult(current, current, None)
        from alembic import command

        current, head = self.check_schema(script_location)
        wanted = head if target == "head" else target
        if current == wanted:
            return UpgradeResult(current, wanted, None)
        backup: Path | None = None
        if self.sqlite_path is not None and current is not None:
            folder = backup_dir or self.sqlite_path.parent / "backups"
            folder.mkdir(parents=True, exist_ok=True)
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            backup = folder / f"{self.sqlite_path.stem}.before-{wanted}-{stamp}.sqlite3"
            self.copy_sqlite_to(backup)
        cfg = self._alembic_config(script_location)
        try:
            with self.engine.connect() as conn:
                raw: Any = conn.connection.driver_connection
                if self.is_sqlite:
                    raw.execute("PRAGMA foreign_keys=OFF")  # outside any transaction
                try:
                    with conn.begin():
                        cfg.attributes["connection"] = conn
                        command.upgrade(cfg, target)
                        if self.is_sqlite:
                            bad = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                            if bad:
                                raise DatabaseProblem("foreign_key_check_failed", rows=len(bad))
                finally:
                    if self.is_sqlite:
                        raw.execute("PRAGMA foreign_keys=ON")
        except Exception as exc:
            self.engine.dispose()
            if backup is not None and self.sqlite_path is not None:
                self._replace_sqlite_file(backup, keep_source=True)
            if isinstance(exc, DatabaseProblem):
                raise
            raise DatabaseProblem(
                "upgrade_failed", path=self.describe(), reason=str(exc),
                backup=str(backup) if backup else "",
            ) from exc
        return UpgradeResult(current, wanted, backup)

    # -- files --------------------------------------------------------------------------

    def copy_sqlite_to(
        self, dest: Path, *, progress: Callable[[int, int], None] | None = None
    ) -> None:
        """A consistent copy of a live SQLite database (the online backup API), written to a
        temporary file, flushed to disk and renamed, so ``dest`` is never half-written."""
        if self.sqlite_path is None:
            raise DatabaseProblem("backup_needs_sqlite", url=self.describe())
        dest = Path(dest)
        dest.parent.mkdir(parents=True, exist_ok=True)
        tmp = dest.with_name(dest.name + ".part")
        try:
            src = sqlite3.connect(str(self.sqlite_path), timeout=SQLITE_BUSY_TIMEOUT_MS / 1000)
            try:
                dst = sqlite3.connect(str(tmp))
                try:
                    def _progress(_status: int, remaining: int, total: int) -> None:
                        if progress is not None:
                            progress(total - remaining, total)

                    src.backup(dst, pages=4096, progress=_progress)
                    dst.execute("PRAGMA journal_mode=DELETE")
                finally:
                    dst.close()
            finally:
                src.close()
            with tmp.open("rb+") as f:
                os.fsync(f.fileno())
            replace_file(tmp, dest)  # file_in_use when another program holds dest open
        except AppError:
            tmp.unlink(missing_ok=True)
            raise
        except (OSError, sqlite3.Error) as exc:
            tmp.unlink(missing_ok=True)
            raise DatabaseProblem("backup_failed", path=str(dest), reason=str(exc)) from exc

    def _replace_sqlite_file(self, source: Path, *, keep_source: bool) -> None:
        assert self.sqlite_path is not None
        self.engine.dispose()
        tmp = self.sqlite_path.with_name(self.sqlite_path.name + ".restore")
        shutil.copyfile(source, tmp)
        with tmp.open("rb+") as f:
            os.fsync(f.fileno())
        for suffix in ("-wal", "-shm"):
            Path(str(self.sqlite_path) + suffix).unlink(missing_ok=True)
        try:
            replace_file(tmp, self.sqlite_path)
        except AppError:
            tmp.unlink(missing_ok=True)
            raise
        if not keep_source:
            source.unlink(missing_ok=True)

    def replace_with(self, source: Path) -> None:
        """Swap the SQLite file for ``source`` (already verified by the caller)."""
        self._replace_sqlite_file(source, keep_source=True)

    def checkpoint(self) -> None:
        if self.is_sqlite:
            try:
                with self.engine.connect() as conn:
                    raw: Any = conn.connection.driver_connection
                    raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            except OperationalError:
                pass
