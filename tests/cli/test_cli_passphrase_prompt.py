"""The backup passphrase typed at a terminal (no LAOMO_BACKUP_PASSPHRASE): asked twice for a
backup, once for a restore, never echoed. The real ``laomo`` runs on a pseudo-terminal."""

from __future__ import annotations

import os
import pty
import select
import shutil
import signal
import sqlite3
import time
from pathlib import Path

import pytest

from desktop.database import Database
from desktop.services import maintenance
from tests.conftest import ADMIN_PASSWORD, initialise
from tests.laomo_process import laomo_executable

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs a pseudo-terminal")

PASSPHRASE = "typed at the terminal 2026"


def on_terminal(args: list[str], answers: list[str], home: Path,
                timeout: float = 120) -> tuple[int, str]:
    """Run ``laomo`` with a terminal; each answer is typed after the next prompt (text ending
    in ': '). Returns the exit code and everything the terminal showed."""
    env = {k: v for k, v in os.environ.items() if k != "LAOMO_BACKUP_PASSPHRASE"}
    env.update(LAOMO_HOME=str(home), LAOMO_PASSWORD=ADMIN_PASSWORD)
    exe = laomo_executable()
    pid, fd = pty.fork()
    if pid == 0:  # the child: the pty is its controlling terminal, as in a console window
        try:
            os.execve(exe[0], [*exe, *args], env)
        finally:
            os._exit(127)
    shown, pending, deadline = b"", list(answers), time.monotonic() + timeout
    status: int | None = None
    try:
        while status is None or _readable(fd):
            if time.monotonic() > deadline:
                os.kill(pid, signal.SIGKILL)
                raise AssertionError(f"laomo did not finish: {shown.decode('utf-8', 'replace')}")
            if _readable(fd, 0.2):
                try:
                    chunk = os.read(fd, 4096)
                except OSError:  # the child has gone and closed its terminal
                    chunk = b""
                shown += chunk
                if pending and shown.endswith(b": "):
                    os.write(fd, pending.pop(0).encode() + b"\n")
                if not chunk and status is not None:
                    break
            if status is None:
                waited, code = os.waitpid(pid, os.WNOHANG)
                status = code if waited else None
    finally:
        if status is None:
            os.waitpid(pid, 0)
        os.close(fd)
    return os.waitstatus_to_exitcode(status), shown.decode("utf-8", "replace")


def _readable(fd: int, wait: float = 0.0) -> bool:
    return bool(select.select([fd], [], [], wait)[0])


@pytest.fixture
def db_path(tmp_path: Path, sqlite_template: Path) -> Path:
    path = tmp_path / "data" / "laomo.sqlite3"
    path.parent.mkdir()
    shutil.copyfile(sqlite_template, path)
    db = Database(f"sqlite:///{path}")
    try:
        initialise(db)
    finally:
        db.dispose()
    return path


def test_the_passphrase_is_asked_twice_and_never_shown(db_path: Path, tmp_path: Path,
                                                       _isolated_home: Path) -> None:
    out = tmp_path / "b.laomo-backup"
    base = ["--db", str(db_path), "--user", "admin"]

    code, shown = on_terminal([*base, "backup", str(out)], [PASSPHRASE, PASSPHRASE + "x"],
                              _isolated_home)
    assert code == 2, shown
    assert "两次输入的备份口令不一致" in shown and not out.exists()

    code, shown = on_terminal([*base, "backup", str(out)], [PASSPHRASE, PASSPHRASE],
                              _isolated_home)
    assert code == 0, shown
    assert shown.count("备份口令") >= 2 and PASSPHRASE not in shown  # no echo
    assert maintenance.is_encrypted(out)

    con = sqlite3.connect(db_path)
    con.execute("INSERT INTO setting (key, value) VALUES ('after.backup', '1')")
    con.commit()
    con.close()
    code, shown = on_terminal([*base, "restore", str(out)], [PASSPHRASE], _isolated_home)
    assert code == 0, shown
    assert "已从" in shown and PASSPHRASE not in shown
    con = sqlite3.connect(db_path)
    keys = {r[0] for r in con.execute("SELECT key FROM setting")}
    con.close()
    assert "after.backup" not in keys
