"""Second clerk walk-through at 1366×768 (December 2026), the 春节 campaign from plan to the
printed list per team: a second team was offered the first one's name and refused, and the
refusal called the team's name 姓名."""

from __future__ import annotations

import datetime as dt

from pytestqt.qtbot import QtBot

from desktop.core.texts import problem_text
from desktop.database import Database
from desktop.errors import ValidationError
from desktop.services.visits.recuperation import BatchDraft, RecuperationRules
from desktop.services.workspace import Workspace
from desktop.views.visits.visit_schedule_dialogs import TeamDialog
from tests.visits.support import add_people


def test_a_new_team_is_offered_the_next_free_name(qtbot: QtBot, db: Database,
                                                  ws: Workspace) -> None:
    add_people(db)
    svc = ws.visits()
    cid = svc.create_campaign(svc.default_draft("春节", 2027))
    first = TeamDialog(svc, cid)
    qtbot.addWidget(first)
    assert first.name.text() == "第1组"
    first.save()
    second = TeamDialog(svc, cid)
    qtbot.addWidget(second)
    assert second.name.text() == "第2组"
    second.name.setText("第1组")  # typed as taken: said of the team's name, not 姓名
    second.save()
    assert second.problem.text() == "组名：本次活动已有名为“第1组”的走访组。"
    assert [t.name for t in svc.teams(cid)] == ["第1组"]


def test_a_batch_without_a_name_is_told_of_its_name_not_a_persons(ws: Workspace) -> None:
    draft = BatchDraft(year=2027, name=" ", destination="舟山", start_date=dt.date(2027, 5, 10),
                       end_date=dt.date(2027, 5, 14), days=5, quota=20,
                       cost_per_day_fen=50_000, organiser="市总",
                       rules=RecuperationRules())
    try:
        ws.recuperation().create_batch(draft)
    except ValidationError as exc:
        words = [problem_text(p) for p in exc.problems]
    assert words and words[0].startswith("批次名称："), words


def test_sentences_on_the_pages_follow_each_other_without_a_space(
        qtbot: QtBot, db: Database, ws: Workspace) -> None:
    """"…已走访 0 人。 名单尚未审批…", "…有 1 份档案等待您处理。 只显示…", "…或手工分配。 未排期：":
    a Chinese full stop is followed by no space."""
    from desktop.views.hardship.hardship_page import HardshipPage
    from desktop.views.tasks import TaskRunner
    from desktop.views.visits.visits_page import VisitsPage

    add_people(db)
    svc = ws.visits()
    svc.plan(svc.create_campaign(svc.default_draft("春节", 2027)))
    page = VisitsPage(ws, TaskRunner())
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: not page.loading, timeout=20000)
    said = [page.summary.text(), page.conflicts.item(0).text()]
    assert "人。名单尚未审批" in said[0] and "分配。未排期：" in said[1], said
    hardship = HardshipPage(ws, TaskRunner())
    qtbot.addWidget(hardship)
    hardship.show()
    hardship.refresh()
    qtbot.waitUntil(lambda: not hardship.loading, timeout=10000)
    hardship.search.setText("困难")
    qtbot.waitUntil(lambda: "只显示" in hardship.summary.text(), timeout=3000)
    said.append(hardship.summary.text())
    assert not [text for text in said if "。 " in text], said


def test_the_roster_buttons_wait_for_the_person_they_apply_to(
        qtbot: QtBot, db: Database, ws: Workspace) -> None:
    """确认, 婉拒… and 将所选人员列入名单 did nothing when clicked without a row; they are off,
    saying why, and 确认 only for a person still to confirm."""
    from PySide6.QtWidgets import QPushButton

    from desktop.views.tasks import TaskRunner
    from desktop.views.visits.recuperation_page import RecuperationPage
    from tests.views.visits.test_walk_1366 import _batch, _select

    svc = ws.recuperation()
    bid = _batch(ws, db)
    svc.fill(bid)
    going, staying = svc.roster(bid)[:2]
    svc.confirm(going.entry_id)
    page = RecuperationPage(ws, TaskRunner())
    qtbot.addWidget(page)
    page.resize(1300, 700)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: not page.loading, timeout=20000)
    confirm, decline, nominate = (page.findChild(QPushButton, n)
                                  for n in ("confirmEntry", "declineEntry", "nominate"))
    assert confirm is not None and decline is not None and nominate is not None
    for button in (confirm, decline):
        assert not button.isEnabled() and button.toolTip() == "请先在名单中选择一人。"
    assert not nominate.isEnabled() and nominate.toolTip() == "请先在列表中选择一人。"
    _select(page, going.name)
    assert not confirm.isEnabled() and confirm.toolTip() == f"{going.name}：已确认。"
    assert decline.isEnabled()
    _select(page, staying.name)
    assert confirm.isEnabled() and decline.isEnabled()
    page.eligible_table.selectRow(0)
    assert nominate.isEnabled()


def test_the_schedule_buttons_wait_for_the_visits_they_apply_to(
        qtbot: QtBot, db: Database, ws: Workspace) -> None:
    """安排所选…, 移出名单… and 登记走访结果… did nothing when clicked without a row; they are
    off, saying why, 登记走访结果… until exactly one visit is chosen."""
    from PySide6.QtCore import QItemSelectionModel
    from PySide6.QtWidgets import QPushButton

    from desktop.views.tasks import TaskRunner
    from desktop.views.visits.visits_page import VisitsPage

    add_people(db)
    svc = ws.visits()
    svc.plan(svc.create_campaign(svc.default_draft("春节", 2027)))
    page = VisitsPage(ws, TaskRunner())
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: not page.loading, timeout=20000)
    assign, remove, record = (page.findChild(QPushButton, n)
                              for n in ("assignVisits", "removeVisit", "recordVisit"))
    assert assign is not None and remove is not None and record is not None
    for button in (assign, remove):
        assert not button.isEnabled() and button.toolTip() == "请先在列表中选择走访对象。"
    assert not record.isEnabled() and record.toolTip() == "请先在列表中选择一个走访对象。"
    page.schedule_table.selectRow(0)
    assert assign.isEnabled() and remove.isEnabled() and record.isEnabled()
    page.schedule_table.selectionModel().select(
        page.schedule_model.index(1, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    assert assign.isEnabled() and not record.isEnabled()
