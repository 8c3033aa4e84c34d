"""A viewer on the 困难帮扶 page (walk-through, December 2026): it opened on 待我处理 (0) under
"有 0 份档案等待您处理。", lists a viewer can never have anything in; it opens on 全部档案."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desktop.database import Database
from desktop.services.permissions import Actor
from desktop.views.hardship.hardship_page import LISTS, HardshipPage
from desktop.views.tasks import TaskRunner
from tests.hardship_support import CAST, add_people
from tests.views.conftest import make_workspace


def _page(qtbot: QtBot, db: Database, who: str) -> HardshipPage:
    page = HardshipPage(make_workspace(db, CAST[who]), TaskRunner())
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: not page.loading, timeout=10000)
    return page


def test_a_viewer_opens_on_all_files(qtbot: QtBot, db: Database, admin: Actor) -> None:
    add_people(db, 1)
    waiting = LISTS.index("waiting_for_me")
    viewer = _page(qtbot, db, "viewer")
    assert not viewer.tabs.isTabVisible(waiting)
    assert viewer.tabs.currentWidget() is viewer.tables["all"]
    assert viewer.summary.isHidden()
    clerk = _page(qtbot, db, "clerk")
    assert clerk.tabs.isTabVisible(waiting) and clerk.tabs.currentIndex() == waiting
    assert not clerk.summary.isHidden() and "等待您处理" in clerk.summary.text()
