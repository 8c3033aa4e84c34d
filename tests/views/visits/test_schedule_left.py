"""Issue 14, point 4: automatic scheduling says what it could not schedule, why, and offers
more teams or other dates; the 提醒 pane keeps saying it until they are scheduled."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.core.search_keys import name_keys
from desktop.services.workspace import Workspace
from desktop.views.tasks import TaskRunner
from desktop.views.visits.visits_page import VisitsPage


def test_what_could_not_be_scheduled_is_said_with_the_ways_to_fit_it(
        qtbot: QtBot, demo_ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    svc = demo_ws.visits()
    draft = svc.default_draft("五一", 2027)
    draft = dataclasses.replace(draft, rules=dataclasses.replace(
        draft.rules, levels=("全国", "省部级", "市级")))
    cid = svc.create_campaign(draft)
    planned = svc.plan(cid)
    team = svc.create_team(cid, "第一组", svc.add_staff("王主席"))
    page = VisitsPage(demo_ws, TaskRunner())
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: not page.loading, timeout=20000)
    index = next(i for i in range(page.campaign.count()) if page.campaign.itemData(i) == cid)
    page.campaign.setCurrentIndex(index)
    qtbot.waitUntil(lambda: not page.loading, timeout=20000)
    page.tabs.setCurrentIndex(2)  # 日程安排
    assert page.conflicts.count() > 0 and page.conflicts.isVisible()  # nobody scheduled yet
    shown: list[str] = []
    details: list[str] = []
    asked_team: list[bool] = []

    def answer(box: QMessageBox) -> int:
        shown.append(box.text())
        details.append(box.detailedText())
        # the clerk takes the offered way: a new team
        button = next(b for b in box.buttons() if "走访组" in b.text())
        button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    monkeypatch.setattr(page, "ask_team", lambda: asked_team.append(True))
    first = draft.end_date - dt.timedelta(days=6)
    assert page.auto_schedule([team], first, 2)
    outcome = page.last_schedule
    assert outcome is not None and outcome.left > 0
    assert outcome.scheduled + outcome.left == planned
    text = shown[0]
    assert f"{outcome.left} 次走访未能排期" in text
    assert f"{outcome.working_days} 个工作日" in text and "每天 2 次" in text
    assert f"共 {outcome.teams_needed} 个小组" in text and outcome.teams_needed > 1
    # who: the first ten by name, then how many in all (they were only counted)
    assert len(outcome.left_names) == outcome.left > 10
    assert "未排期：" + "、".join(outcome.left_names[:10]) + f"等 {outcome.left} 人" in text
    assert details[0].split("\n") == list(outcome.left_names)  # all of them, one a line
    assert asked_team == [True]
    # the unscheduled are listed by district, township, then name in pinyin (丁, 万, 严… were
    # in code-point order on the page and on the printed list)
    left = [r for r in svc.visits(cid) if r.planned_date is None]
    keys = [(r.district, r.area, name_keys(r.name)[0]) for r in left]
    assert keys == sorted(keys)
    assert keys != sorted(keys, key=lambda k: (k[0], k[1], left[keys.index(k)].name))
    qtbot.waitUntil(lambda: not page.loading, timeout=20000)
    warning = page.conflicts.item(0).text()
    assert f"{outcome.left} 次走访尚未排定日期或小组" in warning
    assert "未排期：" in warning and f"等 {outcome.left} 人" in warning
    assert set(page.conflicts.item(0).toolTip().split("\n")[1].split("、")) == \
        set(outcome.left_names)  # all of them on the tooltip


def test_the_warnings_pane_is_shown_only_with_a_warning(
        qtbot: QtBot, demo_ws: Workspace) -> None:
    """Empty, the 提醒 pane took a third of the schedule's height at 1366×768."""
    svc = demo_ws.visits()
    cid = svc.create_campaign(svc.default_draft("五一", 2027))
    page = VisitsPage(demo_ws, TaskRunner())
    qtbot.addWidget(page)
    page.resize(1180, 600)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: not page.loading, timeout=20000)
    index = next(i for i in range(page.campaign.count()) if page.campaign.itemData(i) == cid)
    page.campaign.setCurrentIndex(index)  # a campaign with nobody listed yet: nothing to say
    qtbot.waitUntil(lambda: not page.loading, timeout=20000)
    page.tabs.setCurrentIndex(2)
    assert page.conflicts.count() == 0
    assert not page.conflicts.isVisible() and not page.conflicts_label.isVisible()
    alone = page.schedule_table.height()
    svc.plan(cid)  # listed, not scheduled: said in the pane, which comes back
    page.refresh()
    qtbot.waitUntil(lambda: not page.loading, timeout=20000)
    assert page.conflicts.isVisible() and page.conflicts_label.isVisible()
    assert page.schedule_table.height() < alone
