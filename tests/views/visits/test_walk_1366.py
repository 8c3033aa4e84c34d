"""The clerk's walk-through of the 2027 春节 campaign and a recuperation batch at 1366×768:
the result date defaulted to a planned date still to come, 从候补名单替补 on a confirmed person
spoke of 状态, a batch took 800 元 a day without a word, English mode kept full-width brackets
and an untranslated 显示详情… button, and the lists could not be printed per team and day."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QMenu, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from desktop.core.texts import error_text
from desktop.database import Database
from desktop.errors import AppError
from desktop.services.permissions import Actor, Role
from desktop.services.visits.recuperation import BatchDraft
from desktop.services.visits.rules import Rules
from desktop.services.visits.service import VisitService
from desktop.services.visits.types import ScheduleOutcome
from desktop.services.workspace import Workspace
from desktop.views import i18n
from desktop.views.document_preview import DocumentPreviewDialog
from desktop.views.tasks import TaskRunner
from desktop.views.visits.print_scope_dialog import PrintScopeDialog
from desktop.views.visits.recuperation_page import BatchDialog, RecuperationPage
from desktop.views.visits.visit_record_dialog import VisitRecordDialog
from desktop.views.visits.visit_week_view import VisitWeekView
from desktop.views.visits.visits_page import VisitsPage
from tests.visits.support import add_people
from tests.visits.test_print import text_of


def _scheduled(db: Database, admin: Actor, today: dt.date) -> tuple[VisitService, uuid.UUID]:
    add_people(db)
    svc = VisitService(db.sessions, admin, today=lambda: today)
    cid = svc.create_campaign(dataclasses.replace(
        svc.default_draft("春节", 2027),
        rules=Rules(levels=("全国", "省部级", "市级", "县级"), deceased_families=True,
                    deceased_within_years=10)))
    svc.plan(cid)
    team = svc.create_team(cid, "第一组", None, [svc.add_staff("李干事")])
    svc.schedule(cid, [team], dt.date(2027, 1, 4), per_day=3)
    return svc, cid


def test_the_result_date_is_today_when_the_planned_date_is_still_to_come(
        qtbot: QtBot, db: Database, admin: Actor) -> None:
    today = dt.date(2027, 1, 5)
    svc, cid = _scheduled(db, admin, today)
    rows = svc.visits(cid)
    later = next(r for r in rows if r.planned_date and r.planned_date > today)
    passed = next(r for r in rows if r.planned_date and r.planned_date < today)
    dialog = VisitRecordDialog(svc, later)
    qtbot.addWidget(dialog)
    assert dialog.day.value() == today  # was the planned date, refused as 晚于今天
    dialog.save()
    assert dialog.problem.text() == ""
    assert dialog.result() == dialog.DialogCode.Accepted
    earlier = VisitRecordDialog(svc, passed)
    qtbot.addWidget(earlier)
    assert earlier.day.value() == passed.planned_date


def _batch(ws: Workspace, db: Database, cost_fen: int = 60000) -> uuid.UUID:
    add_people(db)
    return ws.recuperation().create_batch(BatchDraft(
        year=2027, name="2027年市总疗休养", destination="舟山", start_date=dt.date(2027, 5, 10),
        end_date=dt.date(2027, 5, 14), days=5, quota=2, cost_per_day_fen=cost_fen,
        organiser="市总"))


def _select(page: RecuperationPage, name: str) -> None:
    model = page.roster_model
    row = next(r for r in range(model.rowCount()) if model.row_at(r).name == name)
    page.roster_table.selectRow(row)


def test_replace_is_offered_only_for_a_person_who_declined_and_says_so_for_people(
        qtbot: QtBot, db: Database, ws: Workspace) -> None:
    svc = ws.recuperation()
    bid = _batch(ws, db)
    svc.fill(bid)
    going, staying = svc.roster(bid)[:2]
    svc.confirm(going.entry_id)
    with pytest.raises(AppError) as err:
        svc.replace(going.entry_id)
    words = error_text(err.value)
    assert words == (f"{going.name} 已确认参加，替补只能替换婉拒的人员：请选中婉拒的那一行。")
    assert "状态" not in words and "输入有" not in words
    svc.decline(staying.entry_id, "家中有事")
    page = RecuperationPage(ws, TaskRunner())
    qtbot.addWidget(page)
    page.resize(1300, 700)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: not page.loading, timeout=20000)
    button = page.findChild(QPushButton, "replaceEntry")
    assert button is not None and not button.isEnabled()  # nothing selected
    _select(page, going.name)
    assert not button.isEnabled() and button.toolTip() == words
    _select(page, staying.name)
    assert button.isEnabled() and staying.name in button.toolTip()
    i18n.install(QApplication.instance(), "en")  # type: ignore[arg-type]
    try:
        _select(page, going.name)
        assert "has confirmed" in button.toolTip()
    finally:
        i18n.install(QApplication.instance(), "zh_CN")  # type: ignore[arg-type]


def test_a_batch_above_600_yuan_a_day_is_warned_about_before_saving(
        qtbot: QtBot, db: Database, ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []
    answer = [QMessageBox.StandardButton.No]

    def question(_parent: object, _title: str, text: str, *_args: object) -> object:
        asked.append(text)
        return answer[0]

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    dialog = BatchDialog(ws)
    qtbot.addWidget(dialog)
    dialog.destination.setText("舟山")
    dialog.cost.setText("600")
    assert dialog.cost_warning.isHidden()
    dialog.cost.setText("800")
    assert not dialog.cost_warning.isHidden()
    assert "800.00" in dialog.cost_warning.text() and "600.00" in dialog.cost_warning.text()
    dialog.save()
    assert len(asked) == 1 and "600.00" in asked[0] and dialog.saved_id is None
    assert ws.recuperation().batches() == []  # 否: nothing saved
    answer[0] = QMessageBox.StandardButton.Yes
    dialog.save()
    assert dialog.saved_id is not None  # a warning, not a refusal
    assert ws.recuperation().batch(dialog.saved_id).cost_per_day_fen == 80000


def test_english_mode_has_ascii_brackets_in_the_week_and_a_worded_details_button(
        qtbot: QtBot, qapp: QApplication, db: Database, admin: Actor, ws: Workspace) -> None:
    svc, cid = _scheduled(db, admin, dt.date(2027, 1, 1))
    visits = svc.visits(cid)
    outcome = ScheduleOutcome(3, 12, 1, 2, 3, dt.date(2027, 1, 4), dt.date(2027, 1, 5), 9, 5,
                              tuple(f"人员{n}" for n in range(12)))
    page = VisitsPage(ws, TaskRunner())
    qtbot.addWidget(page)
    for language, brackets, show, hide in (
            ("zh_CN", "（", "显示全部未排期人员…", "隐藏名单"),
            ("en", " (", "Show everyone not scheduled…", "Hide the names")):
        i18n.install(qapp, language)
        try:
            week = VisitWeekView()
            qtbot.addWidget(week)
            week.set_data(visits, svc.teams(cid), None)
            week.show_week(dt.date(2027, 1, 4))
            cell = week.table.item(0, 0)
            assert cell is not None and "吴兴辛" in cell.text()
            assert brackets in cell.text()
            if language == "en":
                assert "（" not in cell.text() and "）" not in cell.text()
            box = page.schedule_box(outcome)
            qtbot.addWidget(box)
            details = box.findChild(QPushButton, "scheduleDetailsButton")
            assert details is not None and details.text() == show
            box.show()
            details.click()  # Qt re-labels its button from its own catalogue: ours stays
            assert details.text() == hide
            details.click()
            assert details.text() == show
            box.close()
        finally:
            i18n.install(qapp, "zh_CN")


def test_the_window_prints_one_team_on_one_day(
        qtbot: QtBot, db: Database, admin: Actor, ws: Workspace, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """打印/导出 printed the whole approved list (141 pages); now a team's day is chosen from
    the campaign's teams and their scheduled days, and the PDF holds that day only."""
    svc, cid = _scheduled(db, admin, dt.date(2027, 1, 1))
    team2 = svc.create_team(cid, "第二组", None, [svc.add_staff("赵干事")])
    late = [r.id for r in svc.visits(cid) if r.planned_date == dt.date(2027, 1, 5)]
    svc.assign(late[:1], team2, dt.date(2027, 1, 6), "上午")
    VisitService(db.sessions, Actor(30, "rev1", "审核员", Role.REVIEWER)).approve_campaign(cid)
    rows = svc.visits(cid)
    team1 = next(t.id for t in svc.teams(cid) if t.name == "第一组")
    chosen = dt.date(2027, 1, 5)
    inside = {r.name for r in rows if r.team_id == team1 and r.planned_date == chosen}
    outside = {r.name for r in rows} - inside
    assert inside and outside
    page = VisitsPage(ws, TaskRunner())
    qtbot.addWidget(page)
    page.resize(1300, 700)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: not page.loading, timeout=20000)
    index = next(i for i in range(page.campaign.count()) if page.campaign.itemData(i) == cid)
    page.campaign.setCurrentIndex(index)
    qtbot.waitUntil(lambda: not page.loading, timeout=20000)
    seen: list[tuple[list[str], list[str]]] = []

    def choose() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PrintScopeDialog)
        teams = [dialog.team.itemText(i) for i in range(dialog.team.count())]
        dialog.team_day.setChecked(True)
        dialog.team.setCurrentIndex(_index(dialog.team, team1))
        days = [dialog.day.itemText(i) for i in range(dialog.day.count())]
        seen.append((teams, days))
        dialog.day.setCurrentIndex(_index(dialog.day, chosen))
        dialog.accept()

    QTimer.singleShot(0, choose)
    menu = page.findChild(QMenu, "visitListMenu")
    assert menu is not None
    masked = next(a for a in menu.actions() if a.objectName() == "visitListMasked")
    masked.trigger()
    qtbot.waitUntil(lambda: bool(_previews(page)), timeout=30000)
    teams, days = seen[0]
    assert [t.split("（")[0] for t in teams] == ["第一组", "第二组"]
    assert [d.split("（")[0] for d in days] == sorted(
        {r.planned_date.isoformat() for r in rows if r.team_id == team1 and r.planned_date})
    preview = _previews(page)[0]
    assert preview._file_name.endswith("-第一组-2027-01-05-走访慰问名单.pdf")
    pdf = tmp_path / "day.pdf"
    assert preview.save_to(str(pdf))
    preview.close()
    text = text_of(pdf.read_bytes(), tmp_path)
    assert "第一组" in text and "2027年1月5日" in text and "2027年1月4日" not in text
    assert all(name in text for name in inside)
    assert not any(name in text for name in outside)
    assert f"合计：{len(inside)}人" in text
    # the receipt too, for one team on all its days
    QTimer.singleShot(0, lambda: _choose_team(team2))
    receipt = next(a for a in page.findChild(QMenu, "printVisitsMenu").actions()
                   if a.text() == "慰问金签收表（PDF）…")
    receipt.trigger()
    qtbot.waitUntil(lambda: bool(_previews(page)), timeout=30000)
    preview = _previews(page)[0]
    assert preview._file_name.endswith("-第二组-慰问金签收表.pdf")
    assert preview.save_to(str(pdf))
    preview.close()
    text = text_of(pdf.read_bytes(), tmp_path)
    moved = next(r.name for r in svc.visits(cid) if r.team_id == team2)
    assert moved in text and "合计：1人" in text


def _choose_team(team_id: uuid.UUID) -> None:
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, PrintScopeDialog)
    dialog.one_team.setChecked(True)
    dialog.team.setCurrentIndex(_index(dialog.team, team_id))
    dialog.accept()


def _index(combo: QComboBox, data: object) -> int:
    return next(i for i in range(combo.count()) if combo.itemData(i) == data)


def _previews(parent: QWidget) -> list[DocumentPreviewDialog]:
    return [w for w in parent.findChildren(DocumentPreviewDialog) if w.isVisible()]


def test_the_week_view_says_a_visit_is_to_a_deceased_persons_family(
        qtbot: QtBot, db: Database, admin: Actor) -> None:
    """The week view listed a deceased person's family visit like any other: the team learnt
    it from the printed list only (已故, 家属代领)."""
    svc, cid = _scheduled(db, admin, dt.date(2027, 1, 1))
    visits = svc.visits(cid)
    dead = next(v for v in visits if v.life_status == "deceased")
    assert dead.planned_date is not None
    week = VisitWeekView()
    qtbot.addWidget(week)
    week.set_data(visits, svc.teams(cid), None)
    week.show_week(dead.planned_date - dt.timedelta(days=dead.planned_date.weekday()))
    texts = [item.text() for r in range(week.table.rowCount())
             for c in range(week.table.columnCount())
             if (item := week.table.item(r, c)) is not None]
    lines = [line for text in texts for line in text.splitlines()]
    assert any(dead.name in line and ("已故" in line or "deceased" in line) for line in lines)
    others = [line for line in lines if dead.name not in line and line]
    assert others and not any("已故" in line or "deceased" in line for line in others)
