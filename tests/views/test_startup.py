"""The real start-up path: dialog first, database opened in the background, then the window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.app import Startup, database_label
from desktop.database import Database
from desktop.views.preferences import Preferences
from tests.conftest import ADMIN_PASSWORD, initialise


def test_known_database_shows_login_before_it_is_open(qtbot: QtBot, qapp: QApplication,
                                                      sqlite_db: Database) -> None:
    initialise(sqlite_db)
    target = str(sqlite_db.sqlite_path)
    sqlite_db.dispose()
    prefs = Preferences()
    prefs.set_association_for(database_label(target), "长兴县")
    startup = Startup(qapp, prefs, target)
    startup.begin()
    dialog = startup.login_dialog
    assert dialog is not None and dialog.isVisible()  # shown at once, before the database
    qtbot.waitUntil(lambda: dialog._login is not None, timeout=15000)
    dialog.user.setText("admin")
    dialog.password.setText(ADMIN_PASSWORD)
    with qtbot.waitSignal(startup.main_window_shown, timeout=15000):
        dialog._try()
    window = startup.main_window
    assert window is not None and window.isVisible()
    assert "长兴县" in window.district_label.text()
    window.close()
    startup.close()


def test_first_start_opens_the_wizard(qtbot: QtBot, qapp: QApplication, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.views import setup_wizard

    offered: list[object] = []

    def fake_run(initialise, parent=None, *, restore=None,  # type: ignore[no-untyped-def]
                 on_restored=None):
        offered.append(restore)  # a new computer may restore a backup instead
        initialise("德清县", "boss", "王强", "deqing-2026")
        return True

    monkeypatch.setattr(setup_wizard.SetupWizard, "run", staticmethod(fake_run))
    target = str(tmp_path / "new.sqlite3")
    startup = Startup(qapp, Preferences(), target)
    startup.begin()
    assert startup.login_dialog is None  # unknown database: nothing to show yet
    qtbot.waitUntil(lambda: startup.login_dialog is not None
                    and startup.login_dialog._login is not None, timeout=15000)
    assert "德清县" in startup.login_dialog.findChild(type(startup.login_dialog.problem),
                                                    "loginHeading").text()
    assert startup.login_dialog.user.text() == "boss"
    assert Preferences().association_for(database_label(target)) == "德清县"
    assert len(offered) == 1 and offered[0] is not None
    startup.login_dialog.reject()
    startup.close()


def test_unusable_database_is_explained_and_nothing_changes(
        qtbot: QtBot, qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "notes.sqlite3"
    bad.write_text("这不是数据库", encoding="utf-8")
    before = bad.read_bytes()
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical",
                        staticmethod(lambda _p, _t, text: shown.append(text)))
    startup = Startup(qapp, Preferences(), str(bad))
    codes: list[int] = []
    startup.finished.connect(codes.append)
    startup.begin()
    qtbot.waitUntil(lambda: bool(codes), timeout=15000)
    assert codes == [1]
    assert str(bad) in shown[0] and "不是劳模之家的数据库文件" in shown[0]
    assert bad.read_bytes() == before
