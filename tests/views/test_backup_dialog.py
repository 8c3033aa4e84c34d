"""文件 → 备份 from the window: the passphrase dialog, then the save dialog, then the file."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from desktop.database import Database
from desktop.models import AuditEvent
from desktop.services import maintenance
from desktop.views import i18n
from desktop.views.backup_dialog import BackupDialog
from desktop.views.main_window import MainWindow
from desktop.views.preferences import Preferences
from tests.conftest import initialise
from tests.views.conftest import make_workspace
from tests.views.dialog_driver import on_next_modal
from tests.views.english_support import chinese_words

PASSPHRASE = "长兴县劳模协会-2026"


@pytest.fixture
def window(qtbot: QtBot, sqlite_db: Database) -> MainWindow:
    main = MainWindow(make_workspace(sqlite_db, initialise(sqlite_db)), Preferences())
    qtbot.addWidget(main)
    return main


@pytest.fixture
def save_as(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[list[str]]:
    """The save dialog answers with a file in usb/ under the suggested name; the names
    suggested are collected."""
    usb = tmp_path / "usb"
    usb.mkdir()
    suggested: list[str] = []

    def answer(parent: QWidget, title: str, name: str, kinds: str) -> tuple[str, str]:
        suggested.append(name)
        return str(usb / name), kinds

    monkeypatch.setattr("desktop.views.main_window.QFileDialog.getSaveFileName", answer)
    yield suggested


def _ok(dialog: BackupDialog) -> Any:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def _backups(db: Database) -> int:
    with db.sessions.begin() as s:
        return s.scalar(select(func.count()).select_from(AuditEvent)
                        .where(AuditEvent.action == "backup.create")) or 0


def test_short_or_differing_passphrases_write_nothing(
    qtbot: QtBot, window: MainWindow, sqlite_db: Database, save_as: list[str], tmp_path: Path
) -> None:
    seen: list[str] = []

    def act(dialog: QWidget) -> None:
        assert isinstance(dialog, BackupDialog)
        assert not _ok(dialog).isEnabled() and dialog.problem.text() == ""  # not yet reproached
        assert "无法找回" in dialog.keep.text() and "备份登记簿" in dialog.keep.text()
        dialog.passphrase.setText("1234567")
        dialog.repeat.setText("1234567")
        seen.append(dialog.problem.text())
        assert not _ok(dialog).isEnabled()
        dialog.passphrase.setText(PASSPHRASE)
        dialog.repeat.setText(PASSPHRASE + "x")
        seen.append(dialog.problem.text())
        assert not _ok(dialog).isEnabled()
        dialog.accept()  # Enter in a field: the dialog stays
        assert dialog.isVisible()
        dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()

    shown = on_next_modal(act)
    window.back_up()
    assert len(shown) == 1
    assert seen == ["口令至少需要 8 个字符。", "两次输入的口令不一致。"]
    assert save_as == []  # never asked where to save
    assert list((tmp_path / "usb").iterdir()) == []
    assert _backups(sqlite_db) == 0


def test_an_encrypted_backup_from_the_window(
    qtbot: QtBot, window: MainWindow, sqlite_db: Database, save_as: list[str], tmp_path: Path
) -> None:
    def act(dialog: QWidget) -> None:
        assert isinstance(dialog, BackupDialog)
        dialog.passphrase.setText(PASSPHRASE)
        dialog.repeat.setText(PASSPHRASE)
        assert dialog.problem.text() == "" and _ok(dialog).text() == "保存加密的备份…"
        _ok(dialog).click()

    on_next_modal(act)
    window.back_up()
    qtbot.waitUntil(lambda: window.tasks.active() == 0, timeout=30000)
    [name] = save_as
    assert name.startswith("劳模之家备份-") and name.endswith(".laomo-backup")
    out = tmp_path / "usb" / name
    assert maintenance.is_encrypted(out)
    assert "备份已保存" in window.statusBar().currentMessage()
    manifest = maintenance.read_backup(out, tmp_path / "back.sqlite3", passphrase=PASSPHRASE)
    assert manifest.association == "长兴县"


def test_an_unencrypted_backup_only_when_ticked(
    qtbot: QtBot, window: MainWindow, save_as: list[str], tmp_path: Path
) -> None:
    def act(dialog: QWidget) -> None:
        assert isinstance(dialog, BackupDialog)
        assert not dialog.plain.isChecked() and not dialog.plain_warning.isVisible()
        dialog.plain.setChecked(True)
        assert dialog.plain_warning.isVisible() and "全部记录" in dialog.plain_warning.text()
        assert not dialog.passphrase.isEnabled() and not dialog.repeat.isEnabled()
        assert _ok(dialog).isEnabled() and _ok(dialog).text() == "保存不加密的备份…"
        _ok(dialog).click()

    on_next_modal(act)
    window.back_up()
    qtbot.waitUntil(lambda: window.tasks.active() == 0, timeout=30000)
    [name] = save_as
    assert name.endswith("-未加密.zip")
    with zipfile.ZipFile(tmp_path / "usb" / name) as z:
        assert {"manifest.json", "laomo.sqlite3"} <= set(z.namelist())


def test_the_backup_dialog_in_english(qtbot: QtBot, qapp: QApplication) -> None:
    i18n.install(qapp, "en")
    try:
        dialog = BackupDialog()
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.passphrase.setText("short")
        assert dialog.problem.text() == "The passphrase needs at least 8 characters."
        assert not chinese_words(dialog)
        dialog.plain.setChecked(True)
        assert not chinese_words(dialog)
        assert _ok(dialog).text() == "Save the unencrypted backup…"
    finally:
        i18n.install(qapp, "zh_CN")
