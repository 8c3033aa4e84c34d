"""What every ``laomo`` command shares: exit codes, console output, opening a workspace.

Exit codes (DESIGN.md): 0 done; 1 failed; 2 usage error; 3 input rejected by validation
(nothing written); 4 not permitted.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from desktop.errors import AppError

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INVALID, EXIT_DENIED = 0, 1, 2, 3, 4

__all__ = [
    "EXIT_DENIED", "EXIT_FAILED", "EXIT_INVALID", "EXIT_OK", "EXIT_USAGE", "UsageError",
    "backup_passphrase", "check_pdf_target", "display_width", "login", "open_database",
    "open_workspace", "password", "say", "write_console", "write_utf8",
]

BACKUP_PASSPHRASE_ENV = "LAOMO_BACKUP_PASSPHRASE"


class UsageError(AppError):
    exit_code = EXIT_USAGE


def say(lang: str, zh: str, en: str) -> str:
    """The Chinese or the English wording, by ``--lang``."""
    return zh if lang.startswith("zh") else en


def password(prompt: str, *, confirm: bool = False, env: str = "LAOMO_PASSWORD") -> str:
    """The password from the environment (scripts, tests) or typed at a terminal."""
    value = os.environ.get(env)
    if value is not None:
        return value
    if not sys.stdin or not sys.stdin.isatty():
        raise UsageError("password_required", env=env)
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass(prompt) != first:
        raise UsageError("passwords_differ")
    return first


def backup_passphrase(*, confirm: bool, missing: str = "backup_passphrase_required",
                      **params: str) -> str:
    """The backup passphrase from LAOMO_BACKUP_PASSPHRASE or typed at a terminal (twice with
    ``confirm``), never from the command line, where every process list would show it."""
    value = os.environ.get(BACKUP_PASSPHRASE_ENV)
    if value is not None:
        return value
    if not sys.stdin or not sys.stdin.isatty():
        raise UsageError(missing, **params)
    first = getpass.getpass("备份口令 Backup passphrase: ")
    if confirm and getpass.getpass("再次输入备份口令 Repeat the backup passphrase: ") != first:
        raise UsageError("passphrases_differ")
    return first


def open_database(args: argparse.Namespace, *, upgrade: bool = True) -> Database:
    """Open an existing database (only ``init`` creates one: a mistyped path must not)."""
    from desktop.database import Database

    db = Database.open(args.db)
    if db.sqlite_path is not None and not db.sqlite_path.exists():
        raise AppError("database_missing", path=str(db.sqlite_path))
    if upgrade:
        db.upgrade()
    return db


def login(db: Database, args: argparse.Namespace) -> Actor:
    from desktop.services import accounts

    if not accounts.is_initialised(db.sessions):
        raise AppError("not_initialised")
    if not args.user:
        raise UsageError("user_required")
    return accounts.AccountService(db.sessions).login(args.user, password("密码 Password: "))


def open_workspace(args: argparse.Namespace) -> Workspace:
    """The one door to the services, as the GUI has it: open, upgrade, log in.

    The caller closes it with ``ws.db.dispose()`` (``with closing_workspace(args)`` does)."""
    from desktop.services import accounts
    from desktop.services.workspace import Workspace

    db = open_database(args)
    try:
        actor = login(db, args)
        info = accounts.association_info(db.sessions)
        if info is None:
            raise AppError("not_initialised")
        return Workspace(db, actor, info)
    except BaseException:
        db.dispose()
        raise


class closing_workspace:
    """``open_workspace`` as a context manager that always disposes of the engine."""

    def __init__(self, args: argparse.Namespace) -> None:
        self._args = args
        self._ws: Workspace | None = None

    def __enter__(self) -> Workspace:
        self._ws = open_workspace(self._args)
        return self._ws

    def __exit__(self, *exc: object) -> None:
        if self._ws is not None:
            self._ws.db.dispose()


def display_width(text: str) -> int:
    """Terminal columns: East Asian wide and full-width characters take two, combining marks
    none (what a CJK console does; ``len`` would misalign every Chinese column)."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def write_utf8(out: TextIO, text: str) -> None:
    """Data for a program (csv, json): UTF-8 whatever the console's encoding."""
    buffer = getattr(out, "buffer", None)
    if buffer is None:  # an in-memory stream (tests): it holds str, no encoding involved
        out.write(text)
        return
    out.flush()
    buffer.write(text.encode("utf-8"))
    buffer.flush()


def write_console(out: TextIO, text: str) -> None:
    """Text for a person to read: in the console's encoding, unknown characters replaced
    rather than a crash half-way through the table."""
    buffer = getattr(out, "buffer", None)
    encoding = getattr(out, "encoding", None) or "utf-8"
    if buffer is None:
        out.write(text)
        return
    out.flush()
    buffer.write(text.encode(encoding, errors="replace"))
    buffer.flush()


def say_fonts(ws: Workspace) -> None:
    """Say once on stderr which font stands in for 宋体/仿宋 when the machine has neither."""
    import sys

    note = ws.printer().substitutes()
    if note:
        print("注意：" + note, file=sys.stderr)


def check_pdf_target(target: Path) -> None:
    """Usage errors for ``--out`` before anything else is done."""
    if target.suffix.lower() != ".pdf":
        raise UsageError("report_not_pdf", path=str(target))
    if target.is_dir():
        raise AppError("output_is_directory", path=str(target))


if TYPE_CHECKING:  # typing only, without loading SQLAlchemy for ``laomo --help``
    from desktop.database import Database
    from desktop.services.permissions import Actor
    from desktop.services.workspace import Workspace
