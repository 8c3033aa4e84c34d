"""Fixtures every GUI test shares: the Chinese UI and a logged-in workspace."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from desktop.database import Database
from desktop.services import accounts
from desktop.services.permissions import Actor
from desktop.services.workspace import Workspace
from desktop.views import i18n


@pytest.fixture(autouse=True)
def chinese_ui(qapp: QApplication) -> None:
    """Tests assert on what a clerk reads: the zh_CN catalogue is installed."""
    i18n.install(qapp, "zh_CN")


def make_workspace(db: Database, actor: Actor) -> Workspace:
    info = accounts.association_info(db.sessions)
    assert info is not None
    return Workspace(db, actor, info)


@pytest.fixture
def ws(db: Database, admin: Actor) -> Workspace:
    """``db`` set up for 长兴县 with the administrator logged in."""
    return make_workspace(db, admin)
