"""Issue 14, point 17: an empty register tells the clerk the next step; window titles do not
repeat the program's name; Help opens the user guide."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from desktop import APP_DISPLAY_NAME
from desktop.database import Database
from desktop.services.workspace import Workspace
from desktop.views.login_dialog import LoginDialog
from desktop.views.main_window import MainWindow
from desktop.views.preferences import Preferences
from desktop.views.register.register_page import RegisterPage
from tests.conftest import initialise
from tests.views.conftest import make_workspace


def test_an_empty_register_shows_the_first_steps(qtbot: QtBot, ws: Workspace,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []
    monkeypatch.setattr(RegisterPage, "import_roster", lambda self: asked.append("import"))
    monkeypatch.setattr(RegisterPage, "new_person", lambda self: asked.append("new"))
    window = MainWindow(ws, Preferences())
    qtbot.addWidget(window)
    window.show()
    home = window.home
    qtbot.waitUntil(lambda: home.first_steps.isVisible(), timeout=10000)
    assert "名册还是空的" in home.first_steps.findChild(type(home.summary),
                                                    "firstStepsHint").text()
    button = home.first_steps.findChild(QPushButton, "firstImport")
    assert button is not None and button.isVisible() and "导入名册" in button.text()
    button.click()
    home.first_steps.findChild(QPushButton, "firstNewPerson").click()
    assert asked == ["import", "new"]
    assert window.stack.currentWidget() is window.register


def test_titles_do_not_repeat_the_program_name_and_help_opens_the_guide(
        qtbot: QtBot, ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    window = MainWindow(ws, Preferences())
    qtbot.addWidget(window)
    # Qt adds " — 劳模之家" (the application display name) to every title by itself
    assert APP_DISPLAY_NAME not in window.windowTitle() and "长兴县" in window.windowTitle()
    login = LoginDialog(None, association="长兴县", database="x")
    qtbot.addWidget(login)
    assert APP_DISPLAY_NAME not in login.windowTitle()
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    guide = window.findChild(type(window.backup_action), "userGuideAction")
    assert guide is not None and "用户手册" in guide.text()
    guide.trigger()
    # shown by the program itself (an office PC has no program for .md files)
    assert not opened
    shown = window.guide_window
    assert shown is not None and shown.isVisible()
    assert "劳模之家" in shown.browser.toPlainText()


def test_an_empty_city_register_points_to_the_districts_packages(qtbot: QtBot,
                                                                 db: Database) -> None:
    """At the city the register fills by merging the districts' packages on 汇总: "import
    your roster" was the county's advice."""
    window = MainWindow(make_workspace(db, initialise(db, "湖州市")), Preferences())
    qtbot.addWidget(window)
    window.show()
    home = window.home
    qtbot.waitUntil(lambda: home.first_steps.isVisible(), timeout=10000)
    hint = home.first_steps.findChild(type(home.summary), "firstStepsHint").text()
    assert "“汇总”页导入并合并数据包" in hint and "市本级" in hint
