"""Where the application finds its resources and keeps its data (Qt-free)."""

from __future__ import annotations

import getpass
import json
import os
import socket
import sys
import time
from pathlib import Path
from typing import Any

import platformdirs
import platformdirs.windows

from desktop import APP_NAME
from desktop.errors import AppError

# How often and how long a file replacement is retried while another program (an antivirus
# scanner, a PDF reader, the Windows search indexer) holds the target open.
REPLACE_ATTEMPTS = 5
REPLACE_PAUSE = 0.2  # seconds between attempts


def resources_dir() -> Path:
    """The ``resources/`` folder: beside the package in a checkout, in the bundle when frozen."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def migrations_dir() -> Path:
    return Path(__file__).resolve().parent / "migrations"


def platform_data_dir() -> str:
    """The per-user data folder of this system, not created: ``%LOCALAPPDATA%\\laomo`` on
    Windows, ``$XDG_DATA_HOME/laomo`` (``~/.local/share/laomo``) on Linux.

    On Windows the *local* (not roaming) application data folder: with roaming profiles, as
    many offices have them, %APPDATA% is copied to a server at every log-off, and a live SQLite
    database there is both slow and at risk. The installer never touches this folder (the
    uninstaller leaves it in place), so an upgrade keeps the data.
    """
    if sys.platform == "win32":
        return platformdirs.windows.Windows(APP_NAME, False, roaming=False).user_data_dir
    return platformdirs.user_data_dir(APP_NAME, False, roaming=False)


def user_data_dir() -> Path:
    """Per-user data folder (:func:`platform_data_dir`), created when missing.

    ``LAOMO_HOME`` overrides it, so tests and portable installs never touch the real profile.
    """
    override = os.environ.get("LAOMO_HOME")
    path = Path(override) if override else Path(platform_data_dir())
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_database_path() -> Path:
    return user_data_dir() / "laomo.sqlite3"


def backups_dir() -> Path:
    path = user_data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    path = user_data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path


def keys_dir() -> Path:
    """This installation's private keys (handoff signing and, in the city, decryption): in
    the data folder, never in a package or the log; backups carry them."""
    path = user_data_dir() / "keys"
    path.mkdir(parents=True, exist_ok=True)
    return path


def replace_file(source: Path | str, target: Path | str) -> None:
    """``os.replace(source, target)``, retried briefly while another program holds ``target``.

    On Windows a file that a PDF reader, Excel or an antivirus scanner has open cannot be
    replaced (PermissionError, also for a scanner that only looks for a moment). After
    :data:`REPLACE_ATTEMPTS` tries the user gets ``file_in_use`` ("close the program, try
    again") instead of a crash; ``target`` is left as it was and ``source`` is not removed
    (the caller cleans up its temporary file).
    """
    for attempt in range(1, REPLACE_ATTEMPTS + 1):
        try:
            os.replace(source, target)
            return
        except PermissionError as exc:
            if attempt == REPLACE_ATTEMPTS:
                raise AppError("file_in_use", path=str(target)) from exc
            time.sleep(REPLACE_PAUSE)


# --- who holds a database file open --------------------------------------------------------------

class DatabaseLock:
    """A lock file beside a SQLite database (``laomo.sqlite3.lock``) that the program holding the
    database keeps locked for as long as it runs: the window for its whole session, ``restore``
    while it replaces the file. The file says who holds it (user, computer, program, since when),
    so a refusal can name them. The operating system releases the lock when the process ends,
    however it ends: a stale file left by a crash is not a held lock."""

    def __init__(self, database: Path) -> None:
        self.path = database.with_name(database.name + ".lock")
        self._handle: Any = None

    def holder(self) -> str | None:
        """Who holds the lock now (a sentence), or None when nobody does."""
        if str(self.path.resolve()) in _held or not self.path.exists():
            return None
        try:
            handle = self.path.open("r+", encoding="utf-8")
        except OSError:
            return self._describe()  # Windows: a file held open by another process
        try:
            if not _try_lock(handle):
                return self._describe()
            _unlock(handle)
            return None
        finally:
            handle.close()

    def _describe(self) -> str:
        try:
            info = json.loads(self.path.read_text(encoding="utf-8") or "{}")
        except (OSError, ValueError):
            info = {}
        return (f"{info.get('program', '劳模之家')}（用户 {info.get('user', '?')}，"
                f"计算机 {info.get('host', '?')}，进程 {info.get('pid', '?')}，"
                f"自 {info.get('since', '?')}）")

    def acquire(self, program: str) -> bool:
        """Take the lock or raise ``AppError("database_in_use")`` naming who holds it. False
        when this process holds it already (then ``release`` leaves it to the first holder)."""
        if str(self.path.resolve()) in _held:
            return False
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            handle = self.path.open("a+", encoding="utf-8")
        except OSError as exc:
            raise AppError("database_in_use", path=str(self.path.with_suffix("")),
                           holder=self._describe()) from exc
        if not _try_lock(handle):
            handle.close()
            raise AppError("database_in_use", path=str(self.path.with_suffix("")),
                           holder=self._describe())
        handle.seek(0)
        handle.truncate()
        handle.write(json.dumps({
            "program": program, "pid": os.getpid(), "host": socket.gethostname(),
            "user": getpass.getuser(), "since": time.strftime("%Y-%m-%d %H:%M:%S")},
            ensure_ascii=False))
        handle.flush()
        self._handle = handle
        _held[str(self.path.resolve())] = self
        return True

    def release(self) -> None:
        if self._handle is None:
            return
        _held.pop(str(self.path.resolve()), None)
        try:
            _unlock(self._handle)
        finally:
            self._handle.close()
            self._handle = None


_WINDOWS_LOCK_AT = 1 << 16
_held: dict[str, DatabaseLock] = {}  # this process's locks: taking one twice is no conflict


def _try_lock(handle: Any) -> bool:
    try:
        if sys.platform == "win32":
            import msvcrt

            handle.seek(_WINDOWS_LOCK_AT)  # past the text, which others must still read
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _unlock(handle: Any) -> None:
    try:
        if sys.platform == "win32":
            import msvcrt

            handle.seek(_WINDOWS_LOCK_AT)
            msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
    except OSError:
        pass
