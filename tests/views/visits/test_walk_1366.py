"""The clerk's walk-through of the 2027 春节 campaign and a recuperation batch at 1366×768:
the result date defaulted to a planned date still to come, 从候补名单替补 on a confirmed person
spoke of 状态, a batch took 800 元 a day without a word, English mode kept full-width brackets
and an untranslated 显示详情… button, and the lists could not be printed per team and day."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid

from pytestqt.qtbot import QtBot

from desktop.database import Database
from desktop.services.permissions import Actor
from desktop.services.visits.rules import Rules
from desktop.services.visits.service import VisitService
from desktop.views.visits.visit_record_dialog import VisitRecordDialog
from tests.visits.support import add_people


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
