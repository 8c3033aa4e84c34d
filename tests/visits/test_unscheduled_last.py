"""Issue 14, points 4 and 6, as the clerk walk-through found them on the visit list: the printed
走访慰问名单 started with "未分组 未排日期" (sorted before 第1组), teams sorted as text (第10组
before 第2组), and a reviewer approved a list with unscheduled visits without being told. Now
the teams' sheets come first, team by team and day by day, the unscheduled last under
"尚未排期（N 人）"; approval still goes through but counts them (returned and audited)."""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import select

from desktop.core.search_keys import name_keys
from desktop.database import Database
from desktop.models import AuditEvent
from desktop.reports.framework import render
from desktop.reports.visits import visit_list_document
from desktop.services import accounts
from desktop.services.permissions import Actor, Role
from desktop.services.visits.service import VisitService
from tests.visits.support import add_people
from tests.visits.test_print import fontset, text_of  # noqa: F401 (the fixture)


def test_the_visit_list_starts_with_the_teams_and_ends_with_the_unscheduled(
        db: Database, admin: Actor, fontset, tmp_path) -> None:  # noqa: F811
    add_people(db)
    svc = VisitService(db.sessions, admin, db.read_sessions, today=lambda: dt.date(2027, 1, 2))
    cid = svc.create_campaign(svc.default_draft("春节", 2027))
    assert svc.plan(cid) == 5
    second = svc.create_team(cid, "第2组", svc.add_staff("王主席"))
    tenth = svc.create_team(cid, "第10组", svc.add_staff("张副主席"))
    rows = sorted(svc.visits(cid), key=lambda r: r.name)
    svc.assign([rows[0].id], tenth, dt.date(2027, 1, 4), "上午")
    svc.assign([rows[1].id], second, dt.date(2027, 1, 6), "下午")
    svc.assign([rows[2].id], second, dt.date(2027, 1, 5), "上午")
    waiting = {rows[3].name, rows[4].name}
    # the unscheduled come last, by district, township, then name in pinyin (丁, 万, 严 were
    # in code-point order)
    listed = [r for r in svc.visits(cid) if r.planned_date is None]
    assert [r.name for r in listed] == [r.name for r in sorted(
        listed, key=lambda r: (r.district, r.area, name_keys(r.name)[0]))]
    assert svc.campaign(cid).unscheduled == 2

    reviewer_id = accounts.AccountService(db.sessions).create_user(
        admin, name="shenhe", display_name="李审核", role=Role.REVIEWER, password="Shenhe#2027")
    reviewer = VisitService(db.sessions, Actor(reviewer_id, "shenhe", "李审核", Role.REVIEWER),
                            db.read_sessions)
    assert reviewer.approve_campaign(cid, "同意") == 2  # not blocked, but counted
    detail = svc.campaign(cid)
    assert detail.approved_by == "shenhe" and detail.approver == "李审核"
    with db.read_sessions.begin() as s:
        event = s.scalars(select(AuditEvent).where(
            AuditEvent.action == "visit_campaign.approve")).one()
        assert json.loads(event.detail)["unscheduled"] == 2

    text = text_of(render(visit_list_document(
        svc.visits(cid), association="长兴县劳动模范协会", campaign="2027年元旦春节走访慰问",
        date=dt.date(2027, 1, 2)), fontset), tmp_path)
    heads = [text.index(x) for x in ("第2组2027年1月5日上午", "第2组2027年1月6日下午",
                                     "第10组2027年1月4日上午", "尚未排期（2人）")]
    assert heads == sorted(heads), text  # teams in number order, days in order, unscheduled last
    assert "未分组" not in text and "未排日期" not in text
    for name in waiting:
        assert text.index(name) > heads[-1], name
    assert text.index(rows[0].name) < heads[-1]
    assert "合计：5人" in text

    # the workbook lists the visits in the same order (it was sorted by date before team, the
    # unscheduled wherever the service put them)
    from io import BytesIO

    from openpyxl import load_workbook

    from desktop.exchange.visit_list import visit_list_xlsx

    sheet = load_workbook(BytesIO(visit_list_xlsx(svc.visits(cid), title="春节"))).active
    assert sheet is not None
    listed = [(r[1], r[2].date() if r[2] else None, r[7])
              for r in sheet.iter_rows(min_row=3, values_only=True)]
    assert listed[:3] == [("第2组", dt.date(2027, 1, 5), rows[2].name),
                          ("第2组", dt.date(2027, 1, 6), rows[1].name),
                          ("第10组", dt.date(2027, 1, 4), rows[0].name)], listed
    assert {name for _t, _d, name in listed[3:]} == waiting
    assert [r[0] for r in sheet.iter_rows(min_row=3, values_only=True)] == [1, 2, 3, 4, 5]
