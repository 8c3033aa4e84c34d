"""Scheduling: teams from the staff list, automatic routes by township on working days, and
the conflict warnings; the holiday calendar (lunar dates and 调休 make-up working days)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest

from desktop.database import Database
from desktop.errors import AppError, ValidationError
from desktop.services.holidays import HolidayService
from desktop.services.permissions import Actor
from desktop.services.visits.rules import Rules
from desktop.services.visits.service import VisitService
from tests.visits.support import add_people


def test_calendar_knows_holidays_and_make_up_days(db: Database, admin: Actor,
                                                  tmp_path: Path) -> None:
    holidays = HolidayService(db.sessions, admin)
    cal = holidays.calendar()
    assert cal.office_closed(dt.date(2026, 2, 16)) == "春节"
    assert cal.office_closed(dt.date(2026, 2, 14)) is None  # Saturday, a make-up working day
    assert cal.office_closed(dt.date(2026, 3, 7)) == "周末"
    assert cal.office_closed(dt.date(2026, 3, 9)) is None
    assert 2027 in cal.provisional_years
    newer = json.loads(Path("resources/reference/holidays.json").read_text(encoding="utf-8"))
    newer["version"] = "2099-01-01"
    newer["years"]["2027"] = {"holidays": [{"name": "春节", "from": "2027-02-05",
                                            "to": "2027-02-11"}], "workdays": ["2027-02-20"]}
    path = tmp_path / "holidays.json"
    path.write_text(json.dumps(newer, ensure_ascii=False), encoding="utf-8")
    holidays.load(path)
    cal = holidays.calendar()
    assert cal.office_closed(dt.date(2027, 2, 10)) == "春节"
    assert cal.office_closed(dt.date(2027, 2, 20)) is None
    with pytest.raises(AppError) as err:
        holidays.load(path)  # not newer
    assert err.value.code == "holiday_calendar_not_newer"
    path.write_text("{}", encoding="utf-8")
    with pytest.raises(AppError) as err:
        holidays.load(path)
    assert err.value.code == "holiday_calendar_invalid"


def test_teams_auto_schedule_routes_and_conflicts(db: Database, admin: Actor) -> None:
    add_people(db)
    svc = VisitService(db.sessions, admin, today=lambda: dt.date(2027, 1, 1))
    draft = svc.default_draft("春节", 2027)
    cid = svc.create_campaign(dataclasses.replace(
        draft, rules=Rules(levels=("全国", "省部级", "市级", "县级"), deceased_families=True,
                           deceased_within_years=10)))
    svc.plan(cid)
    leader = svc.add_staff("王主席", "协会会长")
    member = svc.add_staff("李干事")
    with pytest.raises(ValidationError):
        svc.create_team(cid, "第一组", leader, [leader.__class__(int=1)])
    team1 = svc.create_team(cid, "第一组", leader, [member])
    team2 = svc.create_team(cid, "第二组", None, [member])
    assert [t.people for t in svc.teams(cid)] == ["王主席（组长）、李干事", "李干事"]
    # 2027-01-02 is a Saturday: the schedule starts on Monday the 4th
    n = svc.auto_schedule(cid, [team1, team2], dt.date(2027, 1, 2), per_day=3)
    rows = svc.visits(cid)
    assert n == len(rows) == 9
    assert {r.planned_date for r in rows} == {dt.date(2027, 1, 4), dt.date(2027, 1, 5)}
    first = [r for r in rows if r.team_id == team1 and r.planned_date == dt.date(2027, 1, 4)]
    assert [r.name for r in first] == ["吴兴辛"]  # a new district starts a new team-day
    second = [r for r in rows if r.team_id == team2 and r.planned_date == dt.date(2027, 1, 4)]
    assert [r.route_order for r in second] == [1, 2, 3]
    assert {r.district for r in second} == {"长兴县"}
    assert not [c for c in svc.conflicts(cid) if c.kind == "team_double_booked"]
    kinds = {(c.kind, c.name) for c in svc.conflicts(cid)}
    assert ("after_death", "已故己") not in kinds  # a family visit
    # a Sunday, outside office days, and two townships in one slot
    target = [r.id for r in rows if r.name in ("全国甲", "吴兴辛")]
    svc.assign(target, team1, dt.date(2027, 1, 10), "上午")
    kinds = {(c.kind, c.name) for c in svc.conflicts(cid)}
    assert ("office_closed", "全国甲") in kinds
    assert ("team_double_booked", "吴兴辛") in kinds
    with pytest.raises(ValidationError) as err:
        svc.assign(target, team1, dt.date(2027, 3, 1))
    assert err.value.codes() == {"planned_date": "visit_outside_window"}


def test_scheduling_again_after_adding_teams_fills_only_what_each_day_has_left(
        db: Database, admin: Actor) -> None:
    """The clerk's 2027 春节 walk: one team at 3 a day could not place everyone, two teams were
    added and 自动排期 run again; the first team's days were booked twice (6 on a day)."""
    add_people(db)
    svc = VisitService(db.sessions, admin, today=lambda: dt.date(2027, 1, 1))
    draft = svc.default_draft("春节", 2027)
    cid = svc.create_campaign(dataclasses.replace(
        draft, end_date=dt.date(2027, 1, 5),
        rules=Rules(levels=("全国", "省部级", "市级", "县级"), deceased_families=True,
                    deceased_within_years=10)))
    svc.plan(cid)
    member = svc.add_staff("李干事")
    team1 = svc.create_team(cid, "第一组", None, [member])
    first = svc.schedule(cid, [team1], dt.date(2027, 1, 4), per_day=3)
    assert first.left > 0
    before = {r.id: (r.team_id, r.planned_date, r.time_slot) for r in svc.visits(cid)
              if r.planned_date is not None}
    again = svc.schedule(cid, [team1], dt.date(2027, 1, 4), per_day=3)
    assert again.scheduled == 0 and again.left == first.left  # nothing booked twice
    assert again.teams_needed == first.teams_needed  # in all, counting the full days
    team2 = svc.create_team(cid, "第二组", None, [member])
    team3 = svc.create_team(cid, "第三组", None, [member])
    svc.schedule(cid, [team1, team2, team3], dt.date(2027, 1, 4), per_day=3)
    rows = svc.visits(cid)
    per_team_day: dict[tuple[object, object], int] = {}
    for r in rows:
        if r.planned_date is not None:
            key = (r.team_id, r.planned_date)
            per_team_day[key] = per_team_day.get(key, 0) + 1
    assert per_team_day and max(per_team_day.values()) <= 3
    # what was scheduled stays where it was, and the new teams took the rest
    assert {r.id: (r.team_id, r.planned_date, r.time_slot) for r in rows
            if r.id in before} == before
    assert {r.team_id for r in rows if r.id not in before and r.planned_date} & {team2, team3}
    assert not [c for c in svc.conflicts(cid) if c.kind == "team_double_booked"]
