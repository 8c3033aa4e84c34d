"""The visits and recuperation pages, offscreen, on a small register."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.database import Database
from desktop.services.permissions import Actor, Role
from desktop.services.visits.recuperation import BatchDraft
from desktop.services.workspace import Workspace
from desktop.views import i18n
from desktop.views.document_preview import DocumentPreviewDialog
from desktop.views.tasks import TaskRunner
from desktop.views.visits.campaign_dialog import CampaignDialog
from desktop.views.visits.recuperation_page import RecuperationPage
from desktop.views.visits.visit_record_dialog import VisitRecordDialog
from desktop.views.visits.visits_page import VisitsPage
from tests.views.conftest import make_workspace
from tests.visits.support import add_people

SHOTS = os.environ.get("LAOMO_SCREENSHOTS")  # where to keep screenshots (none when unset)


def _shot(widget: QWidget, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(SHOTS) / name))


def test_visits_page_plans_schedules_records_and_prints(
        qtbot: QtBot, qapp: QApplication, db: Database, ws: Workspace, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    ids = add_people(db)
    svc = ws.visits()
    dialog = CampaignDialog(svc, None, ["长兴县", "吴兴区"])
    qtbot.addWidget(dialog)
    dialog.occasion.setCurrentText("元旦春节")
    dialog.year.setValue(2026)
    assert dialog.start.text() == "2025-12-20" and "2026-02-17" in dialog.occasion_date.text()
    for box in dialog.levels.values():
        box.setChecked(False)
    dialog.hardship.setChecked(False)
    dialog.families.setChecked(False)
    dialog.save()
    assert "规则" in dialog.problem.text() and dialog.saved_id is None
    dialog.levels["全国"].setChecked(True)
    dialog.levels["省部级"].setChecked(True)
    dialog.hardship.setChecked(True)
    dialog.save()
    assert dialog.saved_id is not None
    cid = dialog.saved_id
    svc.plan(cid)
    team = svc.create_team(cid, "第一组", svc.add_staff("王主席"), [svc.add_staff("李干事")])
    page = VisitsPage(ws, TaskRunner())
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: not page.loading, timeout=20000)
    assert page.candidate_model.rowCount() == 5
    assert "全覆盖" in page.coverage_label.text()
    assert page.auto_schedule([team], dt.date(2026, 1, 5), 3)
    qtbot.waitUntil(lambda: not page.loading, timeout=20000)
    assert {v.planned_date for v in page.visits} == {
        dt.date(2026, 1, 5), dt.date(2026, 1, 6), dt.date(2026, 1, 7)}  # 吴兴区 on its own
    page.week.show_week(dt.date(2026, 1, 5))
    cell = page.week.table.item(0, 0)
    assert cell is not None and "1." in cell.text()
    target = next(v for v in page.visits if v.name == "省级乙")
    assert page.remove([target.id], "长期在外地")
    qtbot.waitUntil(lambda: not page.loading, timeout=20000)
    assert "全覆盖" in page.coverage_label.text()  # removed with a reason is explained
    assert page.add_person(ids["市级丙"], "协会理事")
    qtbot.waitUntil(lambda: not page.loading, timeout=20000)
    first = next(v for v in page.visits if v.name == "全国甲")
    record = VisitRecordDialog(svc, first)
    qtbot.addWidget(record)
    record.day.set_value(dt.date(2026, 3, 30))
    record.save()
    assert "不在本次走访时段内" in record.problem.text()
    record.day.set_value(dt.date(2026, 1, 5))
    record.situation.setPlainText("身体健康")
    record.save()
    assert record.result() == record.DialogCode.Accepted
    page.refresh()
    qtbot.waitUntil(lambda: not page.loading, timeout=20000)
    assert next(v for v in page.visits if v.name == "全国甲").status == "done"
    model = page.schedule_model
    row = next(r for r in range(model.rowCount()) if model.row_at(r).name == "全国甲")
    result = model.index(row, 9)  # the "Result" column shows the status in the UI's language
    assert model.data(result) == "已走访" and model.data(model.index(row, 8)) == "2,000.00"
    i18n.install(qapp, "en")
    assert model.data(result) == "Visited"
    i18n.install(qapp, "zh_CN")
    page.tabs.setCurrentIndex(2)
    _shot(page, "visits_schedule.png")
    page.tabs.setCurrentIndex(3)
    _shot(page, "visits_week.png")
    page.tabs.setCurrentIndex(0)
    _shot(page, "visits_candidates.png")
    _shot(dialog, "campaign_dialog.png")
    pdf = tmp_path / "list.pdf"
    assert "尚未审批" in page.summary.text()
    shown: list[str] = []
    monkeypatch.setattr("desktop.views.visits.visits_page.present_error",
                        lambda parent, exc: shown.append(getattr(exc, "code", str(exc))))
    monkeypatch.setattr("desktop.views.document_preview.present_error",
                        lambda parent, exc: shown.append(getattr(exc, "code", str(exc))))
    task = page.print_document("list")  # a draft list: refused before any file dialog
    assert task is not None
    qtbot.waitUntil(lambda: task.finished, timeout=30000)
    assert shown == ["campaign_not_approved"] and not _previews(page)
    approver = make_workspace(db, Actor(30, "rev1", "审核员", Role.REVIEWER))
    approver_page = VisitsPage(approver, TaskRunner())
    qtbot.addWidget(approver_page)
    assert approver_page.findChild(QWidget, "approveCampaign").isEnabled()
    viewer_page = VisitsPage(make_workspace(db, Actor(31, "view1", "只读", Role.VIEWER)),
                             TaskRunner())
    qtbot.addWidget(viewer_page)
    assert not viewer_page.findChild(QWidget, "approveCampaign").isEnabled()
    approver_page.refresh()
    qtbot.waitUntil(lambda: not approver_page.loading, timeout=20000)
    assert approver_page.approve("名单无遗漏")
    qtbot.waitUntil(lambda: not approver_page.loading, timeout=20000)
    assert "已由 rev1 审批" in approver_page.summary.text()
    page.print_document("list")
    qtbot.waitUntil(lambda: bool(_previews(page)), timeout=30000)
    preview = _previews(page)[0]
    assert preview._file_name.endswith("-走访慰问名单.pdf") and "visits" not in preview._file_name
    assert preview.save_to(str(pdf))
    assert pdf.read_bytes().startswith(b"%PDF")
    preview.close()
    page.print_to(tmp_path / "list.xlsx", "xlsx")  # the Excel working copy
    qtbot.waitUntil(lambda: not page.loading, timeout=30000)
    assert (tmp_path / "list.xlsx").read_bytes().startswith(b"PK")


def _previews(parent: QWidget) -> list[DocumentPreviewDialog]:
    return [w for w in parent.findChildren(DocumentPreviewDialog) if w.isVisible()]


def test_recuperation_page(qtbot: QtBot, db: Database, ws: Workspace, tmp_path: Path,
                           monkeypatch: pytest.MonkeyPatch) -> None:
    add_people(db)
    svc = ws.recuperation()
    bid = svc.create_batch(BatchDraft(
        year=2027, name="2027年市总疗休养", destination="舟山", start_date=dt.date(2027, 5, 10),
        end_date=dt.date(2027, 5, 14), days=5, quota=2, cost_per_day_fen=60000,
        organiser="市总"))
    page = RecuperationPage(ws, TaskRunner())
    qtbot.addWidget(page)
    page.resize(1200, 600)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: not page.loading, timeout=20000)
    assert page.batch_id == bid
    assert page.eligible_model.rowCount() == 4
    page.fill()
    qtbot.waitUntil(lambda: not page.loading, timeout=20000)
    assert page.roster_model.rowCount() == 2
    first = page.roster_model.row_at(0)
    assert page.decline(first.entry_id, "家中有事")
    qtbot.waitUntil(lambda: not page.loading, timeout=20000)
    assert "候补名单中符合条件 2 人" in page.summary.text()
    page.tabs.setCurrentIndex(0)
    _shot(page, "recuperation.png")
    shown: list[str] = []
    monkeypatch.setattr("desktop.views.visits.recuperation_page.present_error",
                        lambda parent, exc: shown.append(getattr(exc, "code", str(exc))))
    page.print_letters(tmp_path)  # nobody confirmed yet: a nominee is not told 确定
    qtbot.waitUntil(lambda: not page.loading, timeout=30000)
    assert not list(tmp_path.glob("*.pdf")) and shown == ["recuperation_none_confirmed"]
    going = [r for r in svc.roster(bid, include_declined=False) if r.status == "nominated"]
    svc.confirm(going[0].entry_id)
    page.print_letters(tmp_path)
    qtbot.waitUntil(lambda: not page.loading, timeout=30000)
    assert [p.name.split("_", 1)[1] for p in tmp_path.glob("*.pdf")] == [
        f"{going[0].name}_疗休养通知书.pdf"]
    page.print_roster()
    qtbot.waitUntil(lambda: bool(_previews(page)), timeout=30000)
    roster = _previews(page)[0]
    assert roster._file_name == "2027年市总疗休养-疗休养名单.pdf"
    roster.close()
    page.preview_letters()  # the letters of the confirmed, one a page, previewed
    qtbot.waitUntil(lambda: bool(_previews(page)), timeout=30000)
    letters = _previews(page)[0]
    assert letters._file_name == "2027年市总疗休养-疗休养通知书.pdf"
    assert letters.page_count == 1
    letters.close()


def test_a_deceased_candidate_reads_deceased_not_an_age(
        qtbot: QtBot, db: Database, ws: Workspace) -> None:
    """A family visit's candidate showed the dead person's age (88, died 2022) on the
    candidates tab; the printed list says 已故."""
    from sqlalchemy import update

    from desktop.models import Person

    add_people(db)
    with db.sessions.begin() as s:  # died last year: the family is visited
        s.execute(update(Person).where(Person.name == "已故己")
                  .values(death_date=dt.date(2026, 6, 1)))
    svc = ws.visits()
    draft = svc.default_draft("春节", 2027)
    assert draft.rules.deceased_families
    cid = svc.create_campaign(draft)
    svc.plan(cid)
    page = VisitsPage(ws, TaskRunner())
    qtbot.addWidget(page)
    page.refresh()
    qtbot.waitUntil(lambda: not page.loading, timeout=20000)
    model = page.candidate_model
    ages = {model.data(model.index(r, 0)): model.data(model.index(r, 3))
            for r in range(model.rowCount())}
    assert ages["已故己"] in ("已故", "Deceased"), ages  # the UI's language
    assert all(str(a).isdigit() for n, a in ages.items() if n != "已故己"), ages
