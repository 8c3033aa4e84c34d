"""Fixtures every GUI test shares: the Chinese UI and a logged-in workspace."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize, QTimer
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.database import Database
from desktop.services import accounts
from desktop.services.permissions import Actor
from desktop.services.workspace import Workspace
from desktop.views import i18n, screen_fit


@pytest.fixture(autouse=True)
def chinese_ui(qapp: QApplication) -> None:
    """Tests assert on what a clerk reads: the zh_CN catalogue is installed; every window is
    fitted to the screen as in the application."""
    i18n.install(qapp, "zh_CN")
    screen_fit.install(qapp)


#: The two office screens of tests/office_screen.json: the laptop's and a common desktop monitor.
SCREENS = {"1366x768": "office", "1920x1080": "wide"}


@dataclass(frozen=True)
class OfficeScreen:
    """One of the offscreen platform's screens. Tests look the QScreen up when they use it: a
    wrapper kept across widgets is invalidated by PySide6 when a widget it was given to dies."""

    name: str
    size: QSize

    def get(self) -> QScreen:
        return next(s for s in QApplication.screens() if s.name() == self.name)

    def area(self) -> QRect:
        return self.get().availableGeometry()


@pytest.fixture(params=list(SCREENS))
def screen(request: pytest.FixtureRequest, qapp: QApplication) -> OfficeScreen:
    """Each office screen in turn (issue 14): a test opens its windows on it."""
    width, height = (int(n) for n in request.param.split("x"))
    found = OfficeScreen(SCREENS[request.param], QSize(width, height))
    assert found.get().geometry().size() == found.size
    return found


#: How long a message box may wait for an answer before the guard closes it (ms).
MESSAGE_BOX_PATIENCE_MS = 20_000


@pytest.fixture(autouse=True)
def unanswered_message_boxes(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """A modal message box that no test answers would block its xdist worker for ever (the
    signal timeout cannot interrupt ``exec``). Every way of showing one gets a watchdog that
    closes it after ``MESSAGE_BOX_PATIENCE_MS`` and fails the test with the box's text. Tests
    that answer boxes themselves (their own monkeypatch or timer) are unaffected."""
    stuck: list[str] = []

    def close_open_boxes() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible():
                stuck.append(widget.text())
                widget.done(0)

    def watched(show):  # type: ignore[no-untyped-def]
        def call(*args, **kwargs):  # type: ignore[no-untyped-def]
            timer = QTimer()
            timer.setSingleShot(True)
            timer.timeout.connect(close_open_boxes)
            timer.start(MESSAGE_BOX_PATIENCE_MS)
            try:
                return show(*args, **kwargs)
            finally:
                timer.stop()
        return call

    monkeypatch.setattr(QMessageBox, "exec", watched(QMessageBox.exec))
    for name in ("information", "warning", "critical", "question", "about"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(watched(getattr(QMessageBox, name))))
    yield stuck
    assert not stuck, f"a message box waited for an answer no test gave: {stuck}"


def make_workspace(db: Database, actor: Actor) -> Workspace:
    info = accounts.association_info(db.sessions)
    assert info is not None
    return Workspace(db, actor, info)


@pytest.fixture
def ws(db: Database, admin: Actor) -> Workspace:
    """``db`` set up for 长兴县 with the administrator logged in."""
    return make_workspace(db, admin)


DEMO_MEMBERS = 300


@pytest.fixture(scope="session")
def demo_template(sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One SQLite file per test session: 长兴县, the administrator, 300 demo persons with honors,
    hardship files, campaigns and a recuperation batch. Tests copy it (``demo_db``)."""
    from desktop.services.demo.service import DemoService
    from tests.conftest import DEMO_DAY, initialise

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    shutil.copyfile(sqlite_template, path)
    database = Database(f"sqlite:///{path}")
    DemoService(database.sessions, initialise(database)).generate(DEMO_MEMBERS, seed=14,
                                                                today=DEMO_DAY)
    database.checkpoint()
    database.dispose()
    return path


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Iterator[Database]:
    """A private copy of the demo database (write to it freely)."""
    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_template, path)
    database = Database(f"sqlite:///{path}")
    yield database
    database.dispose()


@pytest.fixture
def demo_ws(demo_db: Database) -> Workspace:
    """The demo database with the administrator logged in."""
    from tests.conftest import ADMIN_PASSWORD

    return make_workspace(demo_db, accounts.AccountService(demo_db.sessions).login(
        "admin", ADMIN_PASSWORD))
