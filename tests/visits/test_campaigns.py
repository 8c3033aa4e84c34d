"""Visit campaigns: defaults from the lunar calendar, bad input refused, candidates with
reasons, planning, add/remove with a reason, and the coverage check."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy import func, select

from desktop.database import Database
from desktop.errors import ValidationError
from desktop.models import Visit, VisitCampaign
from desktop.services.holidays import lunar_holidays
from desktop.services.permissions import Actor
from desktop.services.visits.rules import Rules
from desktop.services.visits.service import VisitService
from desktop.services.visits.types import VisitResult
from tests.visits.support import add_people

TODAY = dt.date(2027, 2, 1)


def service(db: Database, actor: Actor) -> VisitService:
    return VisitService(db.sessions, actor, today=lambda: TODAY)


def test_spring_festival_defaults_follow_the_lunar_calendar(db: Database, admin: Actor) -> None:
    draft = service(db, admin).default_draft("春节", 2027)
    assert draft.occasion == "元旦春节"
    assert draft.occasion_date == dt.date(2027, 2, 6)
    assert draft.end_date == dt.date(2027, 2, 20)  # 元宵
    assert lunar_holidays(2027)["除夕"] == dt.date(2027, 2, 5)
    assert lunar_holidays(2026)["中秋"] == dt.date(2026, 9, 25)
    assert lunar_holidays(2026)["重阳"] == dt.date(2026, 10, 18)
    assert draft.rules.levels == ("全国", "省部级") and draft.rules.hardship
    assert {st.level: st.money_fen for st in draft.standards}["全国"] == 200000


def test_no_rules_and_overlap_are_refused_and_nothing_is_saved(
        db: Database, admin: Actor) -> None:
    svc = service(db, admin)
    draft = svc.default_draft("春节", 2027)
    with pytest.raises(ValidationError) as err:
        svc.create_campaign(dataclasses.replace(draft, rules=Rules()))
    assert err.value.codes() == {"rules": "campaign_no_rules"}
    svc.create_campaign(draft)
    with pytest.raises(ValidationError) as err:
        svc.create_campaign(dataclasses.replace(draft, title="另一个"))
    assert err.value.codes() == {"occasion": "campaign_overlaps"}
    with db.sessions.begin() as s:
        assert s.scalar(select(func.count()).select_from(VisitCampaign)) == 1


def test_candidates_have_reasons_and_exclude_revoked(db: Database, admin: Actor) -> None:
    ids = add_people(db)
    svc = service(db, admin)
    draft = svc.default_draft("春节", 2027)
    rules = dataclasses.replace(draft.rules, deceased_within_years=10)
    cid = svc.create_campaign(dataclasses.replace(draft, rules=rules))
    rows = {r.name: r for r in svc.candidates(cid)}
    assert set(rows) == {"全国甲", "省级乙", "县级丁", "已故己", "吴兴辛", "奖章壬"}
    assert rows["全国甲"].reason == "全国劳模"
    assert rows["县级丁"].reason == "在档困难"
    assert rows["已故己"].reason.startswith("已故劳模家属")
    assert not any(r.planned for r in rows.values())
    assert ids["撤销戊"] not in {r.person_id for r in rows.values()}


def test_age_and_district_rules(db: Database, admin: Actor) -> None:
    add_people(db)
    svc = service(db, admin)
    draft = svc.default_draft("重阳", 2026)
    cid = svc.create_campaign(draft)
    assert {r.name for r in svc.candidates(cid)} == {"老人庚"}  # 86; 全国甲 is 76 (< 80)
    draft = dataclasses.replace(svc.default_draft("五一", 2026),
                                rules=Rules(levels=("省部级",), districts=("吴兴区",)))
    cid = svc.create_campaign(draft)
    assert {r.name for r in svc.candidates(cid)} == {"吴兴辛"}


def test_plan_remove_add_and_coverage(db: Database, admin: Actor) -> None:
    ids = add_people(db)
    svc = service(db, admin)
    cid = svc.create_campaign(svc.default_draft("春节", 2027))
    assert svc.plan(cid) == 5
    assert svc.plan(cid) == 0  # idempotent
    rows = {r.name: r for r in svc.visits(cid)}
    assert rows["全国甲"].area == "雉城街道" and rows["全国甲"].phone == "138****0001"
    assert rows["全国甲"].standard_fen == 200000
    with pytest.raises(ValidationError):
        svc.remove_visit(rows["省级乙"].id, "  ")
    svc.remove_visit(rows["省级乙"].id, "长期在外地居住")
    svc.add_person(cid, ids["市级丙"], "新当选协会理事")
    cov = svc.coverage(cid)
    assert cov.required == 5 and cov.planned == 5
    problems = {(r.name, r.problem, r.note) for r in cov.rows}
    assert problems == {("省级乙", "removed", "长期在外地居住")}
    assert cov.complete  # removed with a reason is explained, not missed


def test_coverage_lists_visited_last_time_but_not_now(db: Database, admin: Actor) -> None:
    add_people(db)
    svc = VisitService(db.sessions, admin, today=lambda: dt.date(2026, 2, 10))
    old = svc.create_campaign(svc.default_draft("春节", 2026))
    svc.plan(old)
    gone = {r.name: r for r in svc.visits(old)}
    svc.record(gone["省级乙"].id, VisitResult("done", dt.date(2026, 2, 3), money_fen=100000))
    new = svc.create_campaign(dataclasses.replace(
        svc.default_draft("春节", 2027), rules=Rules(levels=("全国",))))
    svc.plan(new)
    cov = svc.coverage(new)
    assert [(r.name, r.problem) for r in cov.rows] == [("省级乙", "dropped")]
    assert cov.rows[0].reason == "2026年元旦春节已走访"
    assert not cov.complete


def test_recording_checks_window_and_standard(db: Database, admin: Actor) -> None:
    add_people(db)
    svc = service(db, admin)
    cid = svc.create_campaign(svc.default_draft("春节", 2027))
    svc.plan(cid)
    row = {r.name: r for r in svc.visits(cid)}["省级乙"]
    with pytest.raises(ValidationError) as err:
        svc.record(row.id, VisitResult("done", dt.date(2026, 12, 1), money_fen=100000))
    assert err.value.codes() == {"actual_date": "visit_outside_window"}
    with pytest.raises(ValidationError) as err:
        svc.record(row.id, VisitResult("done", dt.date(2027, 1, 20), money_fen=150000))
    assert err.value.codes() == {"money": "money_above_standard"}
    assert {r.name: r for r in svc.visits(cid)}["省级乙"].status == "planned"
    svc.record(row.id, VisitResult("done", dt.date(2027, 1, 20), money_fen=150000,
                                   over_standard_reason="县委追加", goods="米油",
                                   follow_up=True, follow_up_note="腿脚不便，需住院"))
    done = {r.name: r for r in svc.visits(cid)}["省级乙"]
    assert (done.status, done.money_fen, done.follow_up) == ("done", 150000, True)
    digest = svc.add_photo(row.id, "a.jpg", b"jpegdata")
    assert len(digest) == 64
    with pytest.raises(ValidationError):
        svc.add_photo(row.id, "b.jpg", b"jpegdata")
    work = svc.worklist()
    assert [(w.kind, w.name) for w in work if w.kind == "follow_up"] == [("follow_up", "省级乙")]
    hospital = svc.hospital_visit_from(row.id, dt.date(2027, 2, 3))
    assert [v.id for v in svc.visits(None)] == [hospital]
    assert not [w for w in svc.worklist() if w.kind == "follow_up"]
    summary = {(x.district, x.level): x for x in svc.summary(cid)}
    assert summary[("长兴县", "省部级")].done == 1
    assert summary[("长兴县", "省部级")].money_fen == 150000


def test_birthday_work_list(db: Database, admin: Actor) -> None:
    add_people(db)
    svc = VisitService(db.sessions, admin, today=lambda: dt.date(2029, 12, 20))
    births = [(w.name, w.text, w.day) for w in svc.worklist(days=30) if w.kind == "birthday"]
    assert births == [("老人庚", "90 岁生日", dt.date(2030, 1, 10))]
    with db.sessions.begin() as s:
        assert s.scalar(select(func.count()).select_from(Visit)) == 0


def test_viewer_may_look_but_not_plan(db: Database, admin: Actor) -> None:
    from desktop.errors import PermissionDenied
    from desktop.services import accounts
    from desktop.services.permissions import Role

    svc = service(db, admin)
    cid = svc.create_campaign(svc.default_draft("春节", 2027))
    accounts.AccountService(db.sessions).create_user(
        admin, name="viewer1", display_name="只读", role=Role.VIEWER, password="viewer-123")
    viewer = accounts.AccountService(db.sessions).login("viewer1", "viewer-123")
    as_viewer = service(db, viewer)
    assert [c.id for c in as_viewer.campaigns()] == [cid]
    with pytest.raises(PermissionDenied):
        as_viewer.plan(cid)
    with pytest.raises(PermissionDenied):
        as_viewer.visits(cid, unmask=True, reason="核对")
