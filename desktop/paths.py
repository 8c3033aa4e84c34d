"""Where the application finds its resources and keeps its data (Qt-free)."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

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
