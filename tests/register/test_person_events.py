"""Status changes (动态管理): each recorded as an event, audited, and undone exactly."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select

from desktop.database import Database
from desktop.errors import AppError, PermissionDenied, ValidationError
from desktop.models import District, Honor, Person, PersonEvent
from desktop.services.permissions import Actor
from desktop.services.register.persons import PersonService
from tests.person_support import (
    BIRTH,
    CLERK,
    ID_MALE,
    VIEWER,
    audit_entries,
    counts,
    draft,
    honor,
    service,
)

TODAY = dt.date.today()
DAY = dt.date(2021, 6, 1)
_VOLATILE = {"updated_at", "row_version"}


def make_person(svc: PersonService) -> uuid.UUID:
    return svc.create(draft(
        employment_status="在职", work_unit="长兴县煤山水泥厂", position="班组长",
        honors=(honor("长兴县劳动模范", "县级", 2000), honor("全国劳动模范", "全国", 2015)),
    ))


def snapshot(db: Database, pid: uuid.UUID) -> dict[str, Any]:
    """Every stored value of the person and their honors (except the version bookkeeping)."""
    with db.sessions.begin() as s:
        person = s.get(Person, pid)
        assert person is not None
        values = {c.key: getattr(person, c.key) for c in Person.__table__.columns
                  if c.key not in _VOLATILE}
        values["honors"] = sorted(
            (str(h.id), h.revoked_date, h.revoke_reason, h.deleted_at)
            for h in s.scalars(select(Honor).where(Honor.person_id == pid)))
        return values


def district_id(db: Database, name: str) -> uuid.UUID:
    with db.sessions.begin() as s:
        found = s.scalar(select(District.id).where(District.name == name))
        assert found is not None
        return found


def events(db: Database, pid: uuid.UUID) -> list[PersonEvent]:
    with db.sessions.begin() as s:
        rows = list(s.scalars(select(PersonEvent).where(PersonEvent.person_id == pid)))
        s.expunge_all()
        return rows


Change = Callable[[PersonService, uuid.UUID], object]
CHANGES: dict[str, tuple[Change, Callable[[Database], dict[str, Any]]]] = {
    "retire": (lambda svc, p: svc.retire(p, DAY, "到龄退休"),
               lambda db: {"employment_status": "离退休"}),
    "transfer": (lambda svc, p: svc.transfer(p, DAY, "浙江长广集团", "副经理", "调动"),
                 lambda db: {"work_unit": "浙江长广集团", "position": "副经理"}),
    "move_out": (lambda svc, p: svc.move_out(p, DAY, "安吉县", "随子女迁居"),
                 lambda db: {"district_id": district_id(db, "安吉县")}),
    "move_in": (lambda svc, p: svc.move_in(p, DAY, "杭州市西湖区", "迁入", to_district="德清县"),
                lambda db: {"district_id": district_id(db, "德清县")}),
    "death": (lambda svc, p: svc.death(p, DAY, "病故"),
              lambda db: {"life_status": "deceased", "death_date": DAY}),
    "revoke": (lambda svc, p: svc.revoke(p, DAY, "违法违纪"),
               lambda db: {"is_revoked": True, "treatment_level": None, "highest_honor": None}),
    "emigrate": (lambda svc, p: svc.emigrate(p, DAY, "移居加拿大"),
                 lambda db: {"is_emigrated": True}),
    "lost_contact": (lambda svc, p: svc.lost_contact(p, DAY, "多次联系不上"),
                     lambda db: {"is_lost_contact": True}),
}


@pytest.mark.parametrize("kind", list(CHANGES))
def test_status_change_and_its_undo(db: Database, admin: Actor, kind: str) -> None:
    svc = service(db, admin)
    pid = make_person(svc)
    before = snapshot(db, pid)
    version = svc.get(pid).row_version
    do, expected = CHANGES[kind]

    event_id = do(svc, pid)
    after = snapshot(db, pid)
    want = expected(db)
    assert {k: after[k] for k in want} == want
    changed = {k for k in after if after[k] != before[k]} - {"honors", "search_text"}
    assert changed == set(want), changed  # nothing else moved
    assert svc.get(pid).row_version > version
    got = svc.get(pid)
    event = next(e for e in got.events if e.id == event_id)
    assert (event.kind, event.event_date, event.recorded_by) == (kind, DAY, "管理员")
    assert event.reason and not event.undone
    assert isinstance(event.details["before"], dict)
    if kind == "revoke":
        assert len(event.details["honors"]) == 2  # type: ignore[arg-type]
        assert all(h.revoked_date == DAY and h.revoke_reason == "违法违纪"
                   for h in got.draft.honors)

    svc.undo_last_event(pid, "录入错误")
    assert snapshot(db, pid) == before
    got = svc.get(pid)
    undone = next(e for e in got.events if e.id == event_id)
    assert undone.undone and undone.details["undo_reason"] == "录入错误"
    actions = [a for a, _t, _d in audit_entries(db)]
    assert actions == ["person.create", f"person.{kind}", "person.event_undo"]
    with pytest.raises(AppError) as caught:
        svc.undo_last_event(pid, "再撤销")
    assert caught.value.code == "nothing_to_undo"


def test_event_details_keep_the_before_values(db: Database, admin: Actor) -> None:
    svc = service(db, admin)
    pid = make_person(svc)
    svc.transfer(pid, DAY, "长兴县人民医院", None, "调动")
    svc.move_out(pid, DAY, "安吉县", "迁居")
    by_kind = {e.kind: e.details for e in svc.get(pid).events}
    assert by_kind["transfer"]["before"] == {"work_unit": "长兴县煤山水泥厂", "position": "班组长"}
    assert by_kind["transfer"]["after"] == {"work_unit": "长兴县人民医院", "position": None}
    assert by_kind["move_out"]["from_district"] == "长兴县"
    assert by_kind["move_out"]["to_district"] == "安吉县"
    assert by_kind["move_out"]["before"] == {"district_id": str(district_id(db, "长兴县"))}
    assert svc.get(pid).draft.district == "安吉县"


def test_revoking_one_title_recomputes_the_level(db: Database, admin: Actor) -> None:
    svc = service(db, admin)
    pid = make_person(svc)
    national = next(h for h in svc.get(pid).draft.honors if h.level == "全国")
    assert national.id is not None
    svc.revoke(pid, DAY, "撤销全国劳模称号", honor_ids=[national.id])
    got = svc.get(pid)
    assert got.treatment_level == "县级" and not got.is_revoked
    assert snapshot(db, pid)["highest_honor"] == "长兴县劳动模范(2000)"
    svc.revoke(pid, dt.date(2022, 1, 1), "再撤销")
    got = svc.get(pid)
    assert got.is_revoked and got.treatment_level is None
    svc.undo_last_event(pid, "误操作")
    got = svc.get(pid)
    assert got.treatment_level == "县级" and not got.is_revoked
    svc.undo_last_event(pid, "误操作")
    assert svc.get(pid).treatment_level == "全国"
    assert all(h.revoked_date is None and h.revoke_reason is None
               for h in svc.get(pid).draft.honors)


def test_undo_goes_back_one_change_at_a_time(db: Database, admin: Actor) -> None:
    svc = service(db, admin)
    pid = make_person(svc)
    with pytest.raises(AppError) as caught:
        svc.undo_last_event(pid, "没有")
    assert caught.value.code == "nothing_to_undo"  # the creation cannot be undone
    start = snapshot(db, pid)
    svc.retire(pid, dt.date(2020, 1, 1), "到龄")
    retired = snapshot(db, pid)
    svc.transfer(pid, dt.date(2019, 1, 1), "返聘单位", None, "返聘")
    svc.undo_last_event(pid, "错")  # the transfer: recorded last, though dated earlier
    assert snapshot(db, pid) == retired
    svc.undo_last_event(pid, "错")
    assert snapshot(db, pid) == start


def test_undo_refuses_to_overwrite_a_later_edit(db: Database, admin: Actor) -> None:
    svc = service(db, admin)
    pid = make_person(svc)
    svc.retire(pid, DAY, "到龄")
    got = svc.get(pid)
    svc.update(pid, dataclasses.replace(got.draft, employment_status="其他"),
               expected_version=got.row_version)
    before = counts(db)
    with pytest.raises(AppError) as caught:
        svc.undo_last_event(pid, "撤销")
    assert caught.value.code == "undo_conflict"
    assert caught.value.params["fields"] == "employment_status"
    assert counts(db) == before and snapshot(db, pid)["employment_status"] == "其他"


def test_timeline_is_newest_first(db: Database, admin: Actor) -> None:
    svc = service(db, admin)
    pid = make_person(svc)
    svc.transfer(pid, dt.date(2018, 5, 1), "新单位", None, "调动")
    svc.lost_contact(pid, dt.date(2023, 2, 1), "联系不上")
    svc.retire(pid, dt.date(2020, 1, 1), "到龄")
    svc.undo_last_event(pid, "录错")
    timeline = svc.get(pid).events
    assert [(e.kind, e.undone) for e in timeline] == [
        ("create", False), ("lost_contact", False), ("retire", True), ("transfer", False)]
    assert [e.event_date for e in timeline] == sorted((e.event_date for e in timeline),
                                                      reverse=True)
    assert all(e.recorded_at.tzinfo is not None for e in timeline)


BAD_EVENTS: list[tuple[str, str, Callable[[PersonService, uuid.UUID], object]]] = [
    ("date", "death_before_birth", lambda s, p: s.death(p, BIRTH - dt.timedelta(days=1))),
    ("date", "date_in_future", lambda s, p: s.death(p, TODAY + dt.timedelta(days=1))),
    ("date", "date_before_birth", lambda s, p: s.retire(p, dt.date(1960, 1, 1))),
    ("date", "date_in_future", lambda s, p: s.emigrate(p, TODAY + dt.timedelta(days=3))),
    ("new_work_unit", "value_required", lambda s, p: s.transfer(p, DAY, "  ", None)),
    ("new_work_unit", "status_unchanged",
     lambda s, p: s.transfer(p, DAY, "长兴县煤山水泥厂", "班组长")),
    ("to_district", "unknown_district", lambda s, p: s.move_out(p, DAY, "杭州市")),
    ("to_district", "status_unchanged", lambda s, p: s.move_out(p, DAY, "长兴县")),
    ("from_district", "value_required", lambda s, p: s.move_in(p, DAY, " ")),
    ("honor_ids", "honor_unknown", lambda s, p: s.revoke(p, DAY, "x", [uuid.uuid4()])),
    ("date", "revoked_before_award", lambda s, p: s.revoke(p, dt.date(2010, 1, 1), "x")),
    ("reason", "too_long", lambda s, p: s.retire(p, DAY, "长" * 501)),
]


@pytest.mark.parametrize(("field", "code", "call"), BAD_EVENTS,
                         ids=[f"{f}-{c}-{i}" for i, (f, c, _) in enumerate(BAD_EVENTS)])
def test_bad_status_changes_are_refused(
    db: Database, admin: Actor, field: str, code: str,
    call: Callable[[PersonService, uuid.UUID], object],
) -> None:
    svc = service(db, admin)
    pid = make_person(svc)
    before, values = counts(db), snapshot(db, pid)
    with pytest.raises(ValidationError) as caught:
        call(svc, pid)
    assert (field, code) in [(p.field, p.code) for p in caught.value.problems]
    assert counts(db) == before and snapshot(db, pid) == values


def test_changes_that_no_longer_apply(db: Database, admin: Actor) -> None:
    svc = service(db, admin)
    pid = make_person(svc)
    svc.retire(pid, DAY, "到龄")
    svc.emigrate(pid, DAY, "出国")
    svc.lost_contact(pid, DAY, "失联")
    for call, field in (
        (lambda: svc.retire(pid, DAY, "again"), "employment_status"),
        (lambda: svc.emigrate(pid, DAY, "again"), "is_emigrated"),
        (lambda: svc.lost_contact(pid, DAY, "again"), "is_lost_contact"),
    ):
        with pytest.raises(ValidationError) as caught:
            call()
        assert caught.value.codes() == {field: "status_unchanged"}
    svc.revoke(pid, DAY, "撤销")
    with pytest.raises(ValidationError) as caught:
        svc.revoke(pid, DAY, "撤销")
    assert caught.value.codes() == {"honor_ids": "no_kept_honor"}
    svc.death(pid, dt.date(2022, 3, 4), "病故")
    with pytest.raises(ValidationError) as caught:
        svc.transfer(pid, dt.date(2022, 5, 1), "某单位", None, "调动")
    assert caught.value.codes() == {"life_status": "person_deceased"}
    got = svc.get(pid)
    assert (got.life_status, got.death_date) == ("deceased", dt.date(2022, 3, 4))


def test_status_audit_has_no_personal_values(db: Database, admin: Actor) -> None:
    svc = service(db, admin)
    pid = make_person(svc)
    event_id = svc.death(pid, DAY, "病故")
    svc.undo_last_event(pid, "登记错了")
    entries = audit_entries(db)
    death = next(d for a, _t, d in entries if a == "person.death")
    assert death == {"event_id": str(event_id), "date": DAY.isoformat(),
                     "fields": ["death_date", "life_status"]}
    undo = next(d for a, _t, d in entries if a == "person.event_undo")
    assert undo == {"event_id": str(event_id), "kind": "death", "reason": "登记错了"}
    assert all(ID_MALE not in text and "朱荣荣" not in text for _a, text, _d in entries)


def test_roles_for_status_changes(db: Database, admin: Actor) -> None:
    pid = make_person(service(db, admin))
    viewer = service(db, VIEWER)
    before = counts(db)
    for call in (lambda: viewer.death(pid, DAY, "x"), lambda: viewer.move_out(pid, DAY, "安吉县"),
                 lambda: viewer.revoke(pid, DAY, "x"), lambda: viewer.undo_last_event(pid)):
        with pytest.raises(PermissionDenied):
            call()
    assert counts(db) == before
    clerk = service(db, CLERK)
    clerk.retire(pid, DAY, "到龄")
    clerk.undo_last_event(pid, "错")
    assert [e.recorded_by for e in events(db, pid) if e.kind == "retire"] == ["clerk1"]


def test_a_death_before_a_recorded_retirement_is_refused(db: Database, admin: Actor) -> None:
    """Issue 14, point 8: nothing happens after a death; the refusal names the date, and
    nothing is written."""
    svc = service(db, admin)
    pid = make_person(svc)
    svc.retire(pid, dt.date(2022, 6, 1), "到龄退休")
    before = snapshot(db, pid)
    with pytest.raises(ValidationError) as caught:
        svc.death(pid, dt.date(2021, 1, 5), "病故")
    assert caught.value.codes() == {"date": "death_before_event"}
    assert "2022-06-01" in str(caught.value.problems[0].params)
    assert snapshot(db, pid) == before
    # once the retirement is undone, the same death is accepted; a later death always is
    svc.undo_last_event(pid, "日期录错")
    svc.death(pid, dt.date(2021, 1, 5), "病故")
    assert svc.get(pid).death_date == dt.date(2021, 1, 5)


def test_pending_changes_are_checked_without_writing_and_saved_with_the_form(
        db: Database, admin: Actor) -> None:
    """Issue 14, point 8: the dialog's pending changes are tried (nothing written), then
    saved with the form in one transaction; one refused change writes neither."""
    from desktop.services.register.types import StatusChange

    svc = service(db, admin)
    pid = make_person(svc)
    before = snapshot(db, pid)
    retire = StatusChange("retire", dt.date(2023, 5, 1), "到龄退休")
    svc.check_status_changes(pid, [retire])
    assert snapshot(db, pid) == before
    with pytest.raises(ValidationError) as refused:
        svc.check_status_changes(pid, [retire, StatusChange("death", dt.date(2020, 1, 1), "病故")])
    assert refused.value.codes() == {"date": "death_before_event"}
    assert snapshot(db, pid) == before

    got = svc.get(pid)
    edited = dataclasses.replace(got.draft, position="车间主任")
    with pytest.raises(ValidationError):
        svc.update(pid, edited, expected_version=got.row_version, changes=[
            retire, StatusChange("death", dt.date(2020, 1, 1), "病故")])
    assert snapshot(db, pid) == before  # the form's edit is not written either
    svc.update(pid, edited, expected_version=got.row_version, changes=[retire])
    after = svc.get(pid)
    assert after.draft.position == "车间主任" and after.draft.employment_status == "离退休"
    with pytest.raises(PermissionDenied):
        service(db, VIEWER).check_status_changes(pid, [retire])
