"""Issue 14 (points 4, 6 and 15), what the clerk walk-through at 1366×768 still found on the
visits page: a reviewer saw 编辑… and 按规则生成名单 enabled (loading a campaign enabled them
for every role); the summary named the approver by log-in name (shenhe); the reviewer was not
told that visits had no team or date before approving; the 日程安排 columns were squeezed to
their text while 列入原因 took half the width."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from PySide6.QtWidgets import QInputDialog, QWidget
from pytestqt.qtbot import QtBot

from desktop.database import Database
from desktop.services import accounts
from desktop.services.permissions import Actor, Role
from desktop.services.workspace import Workspace
from desktop.views.gating import refusal
from desktop.views.tasks import TaskRunner
from desktop.views.visits.visits_page import CAMPAIGN_BUTTONS, VisitsPage
from tests.views.conftest import make_workspace
from tests.visits.support import add_people

ROLES = {Role.CLERK: ("luru", "张录入"), Role.REVIEWER: ("shenhe", "李审核"),
         Role.VIEWER: ("chakan", "王查看")}


def _campaign(ws: Workspace, db: Database) -> uuid.UUID:
    add_people(db)
    svc = ws.visits()
    cid = svc.create_campaign(svc.default_draft("春节", 2027))
    svc.plan(cid)
    return cid


def _page(qtbot: QtBot, ws: Workspace, size: tuple[int, int] = (1140, 660)) -> VisitsPage:
    page = VisitsPage(ws, TaskRunner())
    qtbot.addWidget(page)
    page.resize(*size)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: not page.loading, timeout=20000)
    assert page.campaign_id is not None
    return page


def _actor(db: Database, admin: Actor, role: Role) -> Actor:
    name, display = ROLES[role]
    user_id = accounts.AccountService(db.sessions).create_user(
        admin, name=name, display_name=display, role=role, password="Walk#2027x")
    return Actor(user_id, name, display, role)


@pytest.mark.parametrize("role", list(ROLES), ids=[r.value for r in ROLES])
def test_a_role_sees_only_what_it_may_use_with_the_reason(
        qtbot: QtBot, db: Database, ws: Workspace, admin: Actor, role: Role) -> None:
    _campaign(ws, db)
    actor = _actor(db, admin, role)
    page = _page(qtbot, make_workspace(db, actor))
    names = {"newCampaign": CAMPAIGN_BUTTONS["editCampaign"], **CAMPAIGN_BUTTONS}
    for name, perm in names.items():
        button = page.findChild(QWidget, name)
        assert button is not None, name
        if actor.can(perm):
            assert button.isEnabled() and not button.toolTip(), (role, name)
        else:
            assert not button.isEnabled(), (role, name)  # 编辑… was enabled for a reviewer
            assert button.toolTip() == refusal(actor, perm), (role, name)
            assert "edit_persons" not in button.toolTip()  # said for people
    # the reviewer's page is what was found: 编辑… and 按规则生成名单 disabled, 审批 enabled
    if role is Role.REVIEWER:
        assert not page.findChild(QWidget, "editCampaign").isEnabled()
        assert not page.findChild(QWidget, "planCampaign").isEnabled()
        assert page.findChild(QWidget, "approveCampaign").isEnabled()


def test_the_reviewer_is_told_who_is_unscheduled_and_is_named_by_display_name(
        qtbot: QtBot, db: Database, ws: Workspace, admin: Actor,
        monkeypatch: pytest.MonkeyPatch) -> None:
    cid = _campaign(ws, db)
    svc = ws.visits()
    team = svc.create_team(cid, "第1组", svc.add_staff("王主席"))
    first = sorted(svc.visits(cid), key=lambda r: r.name)[0]
    svc.assign([first.id], team, dt.date(2027, 1, 4), "上午")  # 4 of 5 left unscheduled
    reviewer = _actor(db, admin, Role.REVIEWER)
    page = _page(qtbot, make_workspace(db, reviewer))
    asked: list[str] = []

    def answer(_parent: QWidget, _title: str, prompt: str, *_a: object) -> tuple[str, bool]:
        asked.append(prompt)
        return "同意", True

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(answer))
    page.ask_approve()
    qtbot.waitUntil(lambda: not page.loading, timeout=20000)
    assert "名单中 4 人尚未排期" in asked[0] and "尚未排期”一节" in asked[0]
    assert svc.campaign(cid).approved_by == "shenhe"  # approved all the same
    assert "名单已由 李审核 审批" in page.summary.text()
    assert "shenhe" not in page.summary.text()
    approve = page.findChild(QWidget, "approveCampaign")
    assert not approve.isEnabled() and "李审核" in approve.toolTip()  # not twice
    # the 提醒 pane names those still waiting
    warning = page.conflicts.item(0).text()
    assert "4 次走访尚未排定日期或小组" in warning and "未排期：" in warning
    waiting = [v.name for v in svc.visits(cid) if v.planned_date is None]
    assert all(name in warning for name in waiting)


def test_schedule_columns_fit_a_1366_screen(qtbot: QtBot, db: Database, ws: Workspace) -> None:
    _campaign(ws, db)
    page = _page(qtbot, ws)  # the page's share of a 1366×768 main window
    page.tabs.setCurrentIndex(2)  # 日程安排
    view = page.schedule_table
    qtbot.waitUntil(lambda: view.isVisible(), timeout=5000)
    header = view.horizontalHeader()
    room = view.viewport().width()
    widths = [header.sectionSize(c) for c in range(header.count())]
    # what each column's title or text needs (the old page gave exactly that, no room)
    needs = [max(header.sectionSizeHint(c), view.sizeHintForColumn(c))
             for c in range(header.count())]
    assert sum(widths) <= room + 1  # no horizontal scrolling at this size
    for column, (width, need) in enumerate(zip(widths, needs, strict=True)):
        title = view.model().headerData(column, header.orientation())
        assert width >= need + 10, title  # nobody squeezed to the text's edge
    reason = header.count() - 1
    assert view.model().headerData(reason, header.orientation()) == "列入原因"
    assert widths[reason] < room * 0.35, widths  # it took half the width
