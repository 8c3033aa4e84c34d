"""Windows behaviour, simulated on Linux: the data folder, databases on network drives, and files
another program holds open while we replace them (issue 15). The fonts are in
tests/reports/test_windows_fonts.py, the GBK console in tests/cli/test_cli_console.py."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path, PureWindowsPath

import platformdirs.windows
import pytest

from desktop import database, paths
from desktop.core.texts import error_text
from desktop.database import DRIVE_REMOTE, Database, is_windows_network_path
from desktop.errors import AppError, DatabaseProblem
from desktop.files import write_atomically
from desktop.services.maintenance import MaintenanceService
from tests.conftest import initialise

DRIVE_FIXED = 3


# -- the data folder -------------------------------------------------------------------------


@pytest.fixture
def windows(monkeypatch: pytest.MonkeyPatch) -> None:
    """sys.platform is win32; platformdirs resolves the known folders from the environment
    (as SHGetKnownFolderPath does on a real Windows)."""
    monkeypatch.setattr("sys.platform", "win32")
    monkeypatch.setattr(platformdirs.windows, "_RESOLVE_WIN_FOLDER",
                        platformdirs.windows.get_win_folder_from_env_vars)
    monkeypatch.delenv("LAOMO_HOME", raising=False)


@pytest.mark.usefixtures("windows")
def test_windows_data_folder_is_local_appdata_laomo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOCALAPPDATA", r"C:\Users\王芳\AppData\Local")
    monkeypatch.setenv("APPDATA", r"C:\Users\王芳\AppData\Roaming")

    folder = PureWindowsPath(paths.platform_data_dir())

    # Not the roaming profile: it is copied to a server at every log-off.
    assert folder == PureWindowsPath(r"C:\Users\王芳\AppData\Local\laomo")


@pytest.mark.usefixtures("windows")
def test_windows_default_database_is_created_under_local_appdata(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "Local"))
    monkeypatch.setenv("APPDATA", str(tmp_path / "Roaming"))

    assert paths.default_database_path() == tmp_path / "Local" / "laomo" / "laomo.sqlite3"
    assert paths.backups_dir() == tmp_path / "Local" / "laomo" / "backups"
    assert (tmp_path / "Local" / "laomo").is_dir()
    assert not (tmp_path / "Roaming").exists()


def test_the_documents_name_the_folder_the_code_uses() -> None:
    root = Path(__file__).resolve().parents[2]
    for doc in ("README.md", "docs/user-guide.md"):
        text = (root / doc).read_text(encoding="utf-8")
        assert r"%LOCALAPPDATA%\laomo" in text, doc
        assert "%APPDATA%" not in text, doc


# -- network drives --------------------------------------------------------------------------


def fake_drive_type(root: str) -> int:
    return DRIVE_REMOTE if root.upper() in ("Z:\\", "Y:\\") else DRIVE_FIXED


@pytest.mark.parametrize(("path", "remote"), [
    (r"\\server\share\laomo\laomo.sqlite3", True),
    ("//server/share/laomo.sqlite3", True),
    (r"\\?\UNC\server\share\laomo.sqlite3", True),
    (r"\\?\C:\Users\王芳\laomo.sqlite3", False),
    (r"\\?\Z:\laomo.sqlite3", True),
    (r"Z:\协会\laomo.sqlite3", True),
    (r"z:\laomo.sqlite3", True),
    (r"C:\Users\王芳\AppData\Local\laomo\laomo.sqlite3", False),
    (r"D:\数据\laomo.sqlite3", False),
])
def test_unc_paths_and_mapped_drives_are_network(path: str, remote: bool) -> None:
    assert is_windows_network_path(path, fake_drive_type) is remote


@pytest.mark.parametrize("path", [r"Z:\协会\laomo.sqlite3", r"\\server\office\laomo.sqlite3"])
def test_a_database_on_a_windows_share_is_refused_with_the_postgresql_advice(
        path: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(database, "ON_WINDOWS", True)
    asked: list[str] = []

    def drive_type(root: str) -> int:
        asked.append(root)
        return fake_drive_type(root)

    monkeypatch.setattr(database, "drive_type", drive_type)

    with pytest.raises(DatabaseProblem) as caught:
        Database(f"sqlite:///{path}")

    assert caught.value.code == "network_share"
    assert caught.value.params["path"] == path
    assert "PostgreSQL" in error_text(caught.value, "zh_CN")
    assert asked == ([] if path.startswith("\\\\") else ["Z:\\"])


def test_a_database_on_a_local_windows_drive_is_accepted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(database, "ON_WINDOWS", True)
    monkeypatch.setattr(database, "drive_type", fake_drive_type)

    db = Database(r"sqlite:///C:\Users\王芳\AppData\Local\laomo\laomo.sqlite3")  # no connection yet

    assert db.sqlite_path == Path(r"C:\Users\王芳\AppData\Local\laomo\laomo.sqlite3")
    db.dispose()


# -- a file held open by another program ------------------------------------------------------


@pytest.fixture
def held_open(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """os.replace refuses targets whose name starts with "held" as Windows does for a file a
    PDF reader or a scanner has open; ``counts["free_after"]`` lets the holder let go."""
    real_replace = os.replace
    counts = {"tries": 0, "free_after": 10**6}

    def replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        if Path(dst).name.startswith("held"):
            counts["tries"] += 1
            if counts["tries"] <= counts["free_after"]:
                raise PermissionError(13, "另一个程序正在使用此文件，进程无法访问。", str(dst))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(paths, "REPLACE_PAUSE", 0.0)
    return counts


def test_a_pdf_held_open_gives_a_retry_message_and_keeps_the_old_file(
        tmp_path: Path, held_open: dict[str, int]) -> None:
    target = tmp_path / "out" / "held-花名册.pdf"
    target.parent.mkdir()
    target.write_bytes(b"old pdf")

    with pytest.raises(AppError) as caught:
        write_atomically(target, b"new pdf")

    assert caught.value.code == "file_in_use"
    assert held_open["tries"] == paths.REPLACE_ATTEMPTS
    assert target.read_bytes() == b"old pdf"
    assert sorted(p.name for p in target.parent.iterdir()) == ["held-花名册.pdf"]  # no .part left
    message = error_text(caught.value, "zh_CN")
    assert str(target) in message and "重试" in message and "关闭" in message


def test_a_scanner_that_lets_go_quickly_is_waited_for(
        tmp_path: Path, held_open: dict[str, int]) -> None:
    held_open["free_after"] = 2
    target = tmp_path / "held.pdf"
    target.write_bytes(b"old")

    write_atomically(target, b"new")

    assert target.read_bytes() == b"new"
    assert held_open["tries"] == 3


def test_a_backup_over_a_file_held_open_says_so_and_keeps_the_old_backup(
        sqlite_db: Database, tmp_path: Path, held_open: dict[str, int]) -> None:
    actor = initialise(sqlite_db)
    out = tmp_path / "backups" / "held-backup.zip"
    out.parent.mkdir()
    MaintenanceService(sqlite_db, actor).backup(out.with_name("first.zip"), passphrase=None)
    (out.parent / "first.zip").rename(out)
    before = out.read_bytes()

    with pytest.raises(AppError) as caught:
        MaintenanceService(sqlite_db, actor).backup(out, passphrase=None)

    assert caught.value.code == "file_in_use"
    assert out.read_bytes() == before
    assert zipfile.ZipFile(out).testzip() is None
    assert sorted(p.name for p in out.parent.iterdir()) == ["held-backup.zip"]


def test_the_copy_before_an_upgrade_over_a_file_held_open_says_so(
        sqlite_db: Database, tmp_path: Path, held_open: dict[str, int]) -> None:
    dest = tmp_path / "held.before-upgrade.sqlite3"

    with pytest.raises(AppError) as caught:
        sqlite_db.copy_sqlite_to(dest)

    assert caught.value.code == "file_in_use"
    assert not dest.exists()
    assert not dest.with_name(dest.name + ".part").exists()
