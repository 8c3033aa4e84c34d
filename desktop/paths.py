"""Where the application finds its resources and keeps its data (Qt-free)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

from desktop import APP_NAME


def resources_dir() -> Path:
    """The ``resources/`` folder: beside the package in a checkout, in the bundle when frozen."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def migrations_dir() -> Path:
    return Path(__file__).resolve().parent / "migrations"


def user_data_dir() -> Path:
    """Per-user data folder (%APPDATA%\\laomo on Windows, ~/.local/share/laomo on Linux).

    ``LAOMO_HOME`` overrides it, so tests and portable installs never touch the real profile.
    """
    override = os.environ.get("LAOMO_HOME")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, False))
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
