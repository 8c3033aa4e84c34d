"""Issue 14, found in the walk-through: on a visits page with no campaign yet, 编辑… did nothing
and 按规则生成名单 answered with an error box. The buttons that work on a campaign are disabled
and say why until one is chosen; the role's own refusals stay as they were."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop.services.workspace import Workspace
from desktop.views.tasks import TaskRunner
from desktop.views.visits.visits_page import CAMPAIGN_BUTTONS, VisitsPage


def test_campaign_buttons_wait_for_a_campaign(qtbot: QtBot, ws: Workspace) -> None:
    tasks = TaskRunner()
    page = VisitsPage(ws, tasks)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: not page.loading, timeout=20000)
    assert page.campaign_id is None
    for name in ("editCampaign", "planCampaign", "printVisits", "newTeam"):
        button = page.findChild(QWidget, name)
        assert not button.isEnabled(), name
        assert "请先在上方选择走访活动" in button.toolTip(), name
    assert page.findChild(QWidget, "newCampaign").isEnabled()

    svc = ws.visits()
    svc.create_campaign(svc.default_draft("元旦春节", 2027))
    page.refresh()
    qtbot.waitUntil(lambda: not page.loading, timeout=20000)
    assert page.campaign_id is not None
    for name in CAMPAIGN_BUTTONS:
        button = page.findChild(QWidget, name)
        assert button.isEnabled() and not button.toolTip(), name
    tasks.wait(10000)
