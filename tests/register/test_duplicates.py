"""Duplicate candidates, dismissing a pair, merging two records and undoing the merge."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import Table, select, update

from desktop.core import idnumber
from desktop.core.domain import HonorFacts, HonorLabel, derived_treatment_level, highest_honor
from desktop.core.search_keys import name_keys, search_text
from desktop.database import Database
from desktop.errors import AppError, PermissionDenied, ValidationError
from desktop.models import AuditEvent, District, DuplicateDismissal, Honor, Person, PersonEvent
from desktop.services.demo.service import DemoService
from desktop.services.permissions import Actor, Role
from desktop.services.register.duplicates import DuplicatesService
from desktop.services.register.merge import FIELD_LABELS

VIEWER = Actor(user_id=99, name="viewer", display_name="只读", role=Role.VIEWER)
BOOKKEEPING = {
    "id", "created_at", "updated_at", "row_version", "deleted_at", "deleted_by",
    "delete_reason", "origin_district_id", "name_pinyin", "name_initials", "search_text",
    "treatment_level", "highest_honor", "is_revoked", "merged_into_id", "conflict_note",
}
# Columns that move forward on every write by design (optimistic locking, handoff detection).
VERSIONING = {"updated_at", "row_version"}


def district_id(db: Database, name: str = "长兴县") -> uuid.UUID:
    with db.sessions.begin() as s:
        found = s.scalar(select(District.id).where(District.name == name))
        assert found is not None
        return found


def add_person(
    db: Database, name: str, *, birth: dt.date | None = None, district: str = "长兴县",
    honors: Iterable[tuple[str, str, int]] = (), **fields: Any,
) -> uuid.UUID:
    """A person as the person service would store it (derived columns filled)."""
    pinyin, initials = name_keys(name)
    facts = [HonorFacts(level, False) for _t, level, _y in honors]
    labels = [HonorLabel(t, level, y, False) for t, level, y in honors]
    with db.sessions.begin() as s:
        home = s.scalar(select(District.id).where(District.name == district))
        assert home is not None
        p = Person(
            name=name, name_pinyin=pinyin, name_initials=initials, birth_date=birth,
            district_id=home, origin_district_id=home,
            treatment_level=derived_treatment_level(facts), highest_honor=highest_honor(labels),
            **fields,
        )
        p.search_text = search_text(name, pinyin, initials, p.id_number, p.work_unit,
                                    p.phone, p.mobile)
        s.add(p)
        s.flush()
        for title, level, year in honors:
            s.add(Honor(person_id=p.id, title=title, level=level, year=year,
                        origin_district_id=home))
        return p.id


def add_event(db: Database, person_id: uuid.UUID, kind: str, when: dt.date) -> uuid.UUID:
    with db.sessions.begin() as s:
        e = PersonEvent(person_id=person_id, kind=kind, event_date=when, reason="到龄退休",
                        recorded_by="admin")
        s.add(e)
        s.flush()
        return e.id


def reasons_by_names(pairs: Iterable[Any]) -> dict[frozenset[str], set[str]]:
    return {frozenset((p.a.name, p.b.name)): set(p.reasons) for p in pairs}


def rows(db: Database, table: Any, where: Any) -> dict[uuid.UUID, dict[str, Any]]:
    """Whole rows as the database holds them, by id."""
    t: Table = table.__table__
    with db.sessions.begin() as s:
        return {r["id"]: dict(r) for r in s.execute(select(t).where(where)).mappings()}


def without_versioning(found: dict[uuid.UUID, dict[str, Any]]) -> dict[uuid.UUID, dict[str, Any]]:
    return {k: {c: v for c, v in r.items() if c not in VERSIONING} for k, r in found.items()}


def audit_actions(db: Database) -> list[tuple[str, dict[str, Any]]]:
    with db.sessions.begin() as s:
        return [(a, json.loads(d)) for a, d in s.execute(
            select(AuditEvent.action, AuditEvent.detail).order_by(AuditEvent.seq))]


# -- candidates ---------------------------------------------------------------------------------


def test_each_reason_is_found_and_unrelated_people_are_not_paired(
    db: Database, admin: Actor
) -> None:
    born = dt.date(1962, 3, 14)
    add_person(db, "张晓明", birth=born, sex="1")
    add_person(db, "张小明", birth=born, sex="1")  # same pinyin zhangxiaoming
    add_person(db, "陈红", birth=dt.date(1970, 5, 1))
    add_person(db, "陈 红", birth=dt.date(1970, 5, 1))  # a stray space: same name
    add_person(db, "李建国", birth=dt.date(1955, 1, 2), mobile="13812345678")
    add_person(db, "王秀英", birth=dt.date(1958, 7, 9), phone="+86 138-1234-5678")
    number = idnumber.make("330522", dt.date(1966, 6, 6), 11)
    add_person(db, "沈国华", birth=dt.date(1966, 6, 6), id_number=number)
    # one ID number in two origin districts (a city's register; within one district the
    # database refuses a second live holder, migration 0012)
    add_person(db, "钱爱珍", birth=dt.date(1966, 6, 7), id_number=number, district="安吉县")
    # long transliterated names: one character apart, ratio 94
    add_person(db, "阿卜杜热合曼买买提", birth=dt.date(1980, 1, 1))
    add_person(db, "阿卜杜热合曼·买提", birth=dt.date(1980, 1, 1))
    # not duplicates: same name, other year; similar name, other birth date and district
    add_person(db, "王伟", birth=dt.date(1975, 1, 1))
    add_person(db, "王伟", birth=dt.date(1988, 1, 1))
    add_person(db, "周建华", birth=dt.date(1960, 2, 2))
    add_person(db, "周建华", birth=dt.date(1960, 9, 9), district="安吉县")
    add_person(db, "吴伟", birth=born)  # same birth date as 张晓明, name unlike
    add_person(db, "孙丽", birth=dt.date(1972, 1, 1), mobile="13900000000", phone="13900000000")

    found = reasons_by_names(DuplicatesService(db.sessions, admin).candidates())

    assert found == {
        frozenset({"张晓明", "张小明"}): {"similar_name"},
        frozenset({"陈红", "陈 红"}): {"same_name_birth"},
        frozenset({"李建国", "王秀英"}): {"same_phone"},
        frozenset({"沈国华", "钱爱珍"}): {"same_id_number"},
        frozenset({"阿卜杜热合曼买买提", "阿卜杜热合曼·买提"}): {"similar_name"},
    }


def test_similar_names_in_the_same_year_and_district(db: Database, admin: Actor) -> None:
    add_person(db, "朱荣荣", birth=dt.date(1965, 1, 5))
    add_person(db, "朱蓉蓉", birth=dt.date(1965, 11, 20))  # same pinyin, same year and district
    add_person(db, "朱荣荣", birth=dt.date(1965, 6, 1), district="安吉县")
    service = DuplicatesService(db.sessions, admin)
    pairs = service.candidates()
    assert [(p.a.name, p.b.name, p.reasons) for p in pairs] == [
        ("朱荣荣", "朱蓉蓉", ("similar_name",))]
    assert pairs[0].a.district == "长兴县" and pairs[0].b.district == "长兴县"


def test_scores_order_the_pairs_and_rows_are_masked(db: Database, admin: Actor) -> None:
    born = dt.date(1950, 8, 8)
    first = add_person(db, "徐福根", birth=born, mobile="13705721234", sex="1",
                       id_number=idnumber.make("330522", born, 13))
    add_person(db, "徐福根", birth=born, mobile="137 0572 1234")
    add_person(db, "许福根", birth=born)
    pairs = DuplicatesService(db.sessions, admin).candidates()
    assert [set(p.reasons) for p in pairs] == [
        {"same_name_birth", "same_phone"}, {"similar_name"}, {"similar_name"}]
    assert pairs[0].score > pairs[1].score > 0
    assert all(0 < p.score <= 1 for p in pairs)
    top = pairs[0]
    assert top.a.id == first  # the record made first comes first: the natural one to keep
    assert top.a.phone == "137****1234"
    assert top.a.id_number == idnumber.mask(idnumber.make("330522", born, 13))
    assert "*" in top.a.id_number and top.a.sex == "男" and top.a.age is not None
    assert len(DuplicatesService(db.sessions, admin).candidates(limit=1)) == 1


def test_a_dismissed_pair_is_never_raised_again(db: Database, admin: Actor) -> None:
    born = dt.date(1962, 3, 14)
    a = add_person(db, "张晓明", birth=born)
    b = add_person(db, "张小明", birth=born)
    c = add_person(db, "张晓明", birth=born)
    service = DuplicatesService(db.sessions, admin)
    assert len(service.candidates()) == 3
    service.dismiss(b, a, "两个人，身份证不同")  # either order
    service.dismiss(a, b, "again")  # a second dismissal changes nothing
    with db.sessions.begin() as s:
        stored = s.execute(select(DuplicateDismissal.person_a_id,
                                  DuplicateDismissal.person_b_id)).all()
    assert stored == [(min(a, b), max(a, b))]
    left = {frozenset((p.a.id, p.b.id)) for p in service.candidates()}
    assert left == {frozenset((a, c)), frozenset((b, c))}
    dismissals = [d for action, d in audit_actions(db) if action == "duplicate.dismiss"]
    assert dismissals == [{"a": str(min(a, b)), "b": str(max(a, b)),
                           "reason": "两个人，身份证不同"}]
    with pytest.raises(AppError) as refused:
        service.dismiss(a, a, "x")
    assert refused.value.code == "duplicate_self"


def test_merged_and_deleted_persons_are_not_candidates(db: Database, admin: Actor) -> None:
    born = dt.date(1962, 3, 14)
    a = add_person(db, "张晓明", birth=born)
    b = add_person(db, "张晓明", birth=born)
    gone = add_person(db, "张晓明", birth=born)
    with db.sessions.begin() as s:
        s.execute(update(Person).where(Person.id == gone)
                  .values(deleted_at=dt.datetime.now(dt.UTC)))
    service = DuplicatesService(db.sessions, admin)
    assert [{p.a.id, p.b.id} for p in service.candidates()] == [{a, b}]
    service.merge(a, b, reason="同一人")
    assert service.candidates() == []


def test_a_planted_copy_in_a_demo_register_is_found(db: Database, admin: Actor) -> None:
    DemoService(db.sessions, admin).generate(400, seed=7)
    with db.sessions.begin() as s:
        original = s.scalars(select(Person).where(Person.name.like("__"))
                             .order_by(Person.id).limit(1)).one()
        name, birth, mobile = original.name, original.birth_date, original.mobile
    copy = add_person(db, name[0] + " " + name[1:], birth=birth, mobile=mobile)
    pairs = DuplicatesService(db.sessions, admin).candidates()
    assert {pairs[0].a.id, pairs[0].b.id} == {original.id, copy}
    assert "same_name_birth" in pairs[0].reasons
    assert len(pairs) < 40  # a register of strangers raises few pairs


# -- merge and undo -----------------------------------------------------------------------------


def _merge_fixture(db: Database) -> tuple[uuid.UUID, uuid.UUID, uuid.UUID, uuid.UUID]:
    born = dt.date(1958, 4, 1)
    keep = add_person(
        db, "张晓明", birth=born, sex="1", address="长兴县雉城街道人民路1号",
        honors=[("长兴县劳动模范", "县级", 2005), ("湖州市劳动模范", "市级", 2012)],
        notes="老档案", ethnicity="01",
    )
    dup = add_person(
        db, "张小明", birth=born, sex="1", work_unit="长兴华源纺织有限公司",
        mobile="13905721234", address="长兴县画溪街道", monthly_income=Decimal("4200.00"),
        id_number=idnumber.make("330522", born, 15), ethnicity="03",
        honors=[("全国劳动模范", "全国", 2015), ("湖州市劳动模范", "市级", 2012)],
    )
    moved_event = add_event(db, dup, "retire", dt.date(2018, 4, 1))
    kept_event = add_event(db, keep, "transfer", dt.date(2010, 1, 1))
    return keep, dup, moved_event, kept_event


def test_merge_fills_notes_moves_retires_and_recomputes(db: Database, admin: Actor) -> None:
    keep, dup, moved_event, kept_event = _merge_fixture(db)
    event_id = DuplicatesService(db.sessions, admin).merge(keep, dup, reason="同一人重复录入")

    with db.sessions.begin() as s:
        kept = s.get(Person, keep)
        other = s.get(Person, dup)
        assert kept is not None and other is not None
        # empty fields filled
        assert kept.work_unit == "长兴华源纺织有限公司"
        assert kept.mobile == "13905721234"
        assert kept.monthly_income == Decimal("4200.00")
        assert kept.id_number == idnumber.make("330522", dt.date(1958, 4, 1), 15)
        # conflicts keep the kept value and are written down in Chinese
        assert kept.name == "张晓明" and kept.address == "长兴县雉城街道人民路1号"
        note = kept.conflict_note or ""
        assert "姓名: 张晓明 / 张小明" in note
        assert "通讯地址: 长兴县雉城街道人民路1号 / 长兴县画溪街道" in note
        assert "民族: 汉族 / 回族" in note
        assert "湖州市劳动模范(2012)" in note
        # derived columns
        assert kept.treatment_level == "全国"
        assert kept.highest_honor == "全国劳动模范(2015)"
        assert kept.search_text is not None and "13905721234" in kept.search_text
        assert "长兴华源纺织" in kept.search_text and kept.name_pinyin == "zhangxiaoming"
        # honors: 全国 moved, the identical 市级 one dropped (stays with the duplicate)
        titles = sorted((h.title, h.year) for h in s.scalars(
            select(Honor).where(Honor.person_id == keep, Honor.deleted_at.is_(None))))
        assert titles == [
            ("全国劳动模范", 2015), ("湖州市劳动模范", 2012), ("长兴县劳动模范", 2005)]
        left = [h.title for h in s.scalars(select(Honor).where(Honor.person_id == dup))]
        assert left == ["湖州市劳动模范"]
        # events moved, the merge recorded with what an undo needs
        events = {e.id: e for e in s.scalars(select(PersonEvent)
                                              .where(PersonEvent.person_id == keep))}
        assert set(events) == {moved_event, kept_event, event_id}
        merge_event = events[event_id]
        assert merge_event.kind == "merge" and merge_event.reason == "同一人重复录入"
        details = json.loads(merge_event.details or "{}")
        assert details["duplicate_id"] == str(dup)
        assert str(moved_event) in details["moved_events"]
        assert len(details["moved_honors"]) == 1 and len(details["dropped_honors"]) == 1
        assert details["kept_before"]["treatment_level"] == "市级"
        assert details["kept_before"]["work_unit"] is None
        # the duplicate is retired with a pointer
        assert other.merged_into_id == keep
        assert other.deleted_at is not None and other.deleted_by == "admin"
        assert other.delete_reason == "已合并到 张晓明"

    merges = [d for action, d in audit_actions(db) if action == "person.merge"]
    assert len(merges) == 1
    assert merges[0]["duplicate"] == str(dup) and merges[0]["event"] == str(event_id)
    assert merges[0]["honors_moved"] == 1 and merges[0]["events_moved"] == 1


def test_merge_keeps_an_override_and_fills_a_death(db: Database, admin: Actor) -> None:
    born = dt.date(1940, 1, 1)
    keep = add_person(db, "陆阿根", birth=born, treatment_override="省部级",
                      treatment_override_reason="市政府文件认定",
                      honors=[("长兴县劳动模范", "县级", 1990)])
    dup = add_person(db, "陆阿根", birth=born, life_status="deceased",
                     death_date=dt.date(2020, 2, 2), is_farmer_model=True,
                     honors=[("全国劳动模范", "全国", 1989)])
    DuplicatesService(db.sessions, admin).merge(keep, dup, reason="同一人")
    with db.sessions.begin() as s:
        kept = s.get(Person, keep)
        assert kept is not None
        assert kept.treatment_level == "省部级"  # the documented override stays in force
        assert kept.highest_honor == "全国劳动模范(1989)"
        assert kept.life_status == "deceased" and kept.death_date == dt.date(2020, 2, 2)
        assert kept.is_farmer_model is True
        assert kept.conflict_note is None  # nothing disagreed


def test_the_conflict_note_never_shows_a_whole_id_number_or_phone(
    db: Database, admin: Actor
) -> None:
    born = dt.date(1961, 1, 1)
    mine, theirs = idnumber.make("330522", born, 21), idnumber.make("330523", born, 23)
    keep = add_person(db, "姚建", birth=born, id_number=mine, mobile="13812340001")
    dup = add_person(db, "姚建", birth=born, id_number=theirs, mobile="13999990002",
                     district="安吉县")
    DuplicatesService(db.sessions, admin).merge(keep, dup, reason="同一人")
    with db.sessions.begin() as s:
        kept = s.get(Person, keep)
        assert kept is not None and kept.id_number == mine
        note = kept.conflict_note or ""
    assert f"身份证号码: {idnumber.mask(mine)} / {idnumber.mask(theirs)}" in note
    assert "手机: 138****0001 / 139****0002" in note
    assert "管理区县: 长兴县 / 安吉县" in note
    assert mine not in note and theirs not in note and "13999990002" not in note


def test_undo_restores_both_persons_honors_and_events_exactly(
    db: Database, admin: Actor
) -> None:
    keep, dup, _moved, _kept = _merge_fixture(db)
    both = Person.id.in_([keep, dup])
    persons_before = rows(db, Person, both)
    honors_before = rows(db, Honor, Honor.person_id.in_([keep, dup]))
    events_before = rows(db, PersonEvent, PersonEvent.person_id.in_([keep, dup]))
    service = DuplicatesService(db.sessions, admin)
    event_id = service.merge(keep, dup, reason="同一人")
    assert without_versioning(rows(db, Person, both)) != without_versioning(persons_before)

    service.undo_merge(event_id, reason="其实是两个人")

    persons_after = rows(db, Person, both)
    assert without_versioning(persons_after) == without_versioning(persons_before)
    for pid in (keep, dup):  # versions only move forward (handoff detects the change)
        assert persons_after[pid]["row_version"] > persons_before[pid]["row_version"]
    assert without_versioning(rows(db, Honor, Honor.person_id.in_([keep, dup]))) == (
        without_versioning(honors_before))
    events_after = rows(db, PersonEvent, PersonEvent.person_id.in_([keep, dup]))
    merge_row = events_after.pop(event_id)
    assert merge_row["kind"] == "merge" and merge_row["undone_at"] is not None
    assert json.loads(merge_row["details"])["undo_reason"] == "其实是两个人"
    assert without_versioning(events_after) == without_versioning(events_before)
    undos = [d for action, d in audit_actions(db) if action == "person.merge_undo"]
    assert undos == [{"duplicate": str(dup), "event": str(event_id), "reason": "其实是两个人"}]
    # the pair is a candidate again, and can be merged again
    assert any({p.a.id, p.b.id} == {keep, dup} for p in service.candidates())
    with pytest.raises(AppError) as again:
        service.undo_merge(event_id, reason="再来一次")
    assert again.value.code == "merge_already_undone"


def test_undo_is_refused_after_a_later_edit(db: Database, admin: Actor) -> None:
    keep, dup, _moved, kept_event = _merge_fixture(db)
    service = DuplicatesService(db.sessions, admin)
    event_id = service.merge(keep, dup, reason="同一人")
    with db.sessions.begin() as s:
        kept = s.get(Person, keep)
        assert kept is not None
        kept.position = "车间主任"  # an ORM write: the row version moves
    with pytest.raises(AppError) as refused:
        service.undo_merge(event_id, reason="撤销")
    assert refused.value.code == "merge_undo_conflict"
    with db.sessions.begin() as s:
        other = s.get(Person, dup)
        assert other is not None and other.merged_into_id == keep  # nothing was changed
    with pytest.raises(AppError) as not_merge:
        service.undo_merge(kept_event, reason="撤销")
    assert not_merge.value.code == "not_a_merge"


def test_undo_is_refused_when_a_moved_honor_changed(db: Database, admin: Actor) -> None:
    keep, dup, _moved, _kept = _merge_fixture(db)
    service = DuplicatesService(db.sessions, admin)
    event_id = service.merge(keep, dup, reason="同一人")
    with db.sessions.begin() as s:
        honor = s.scalars(select(Honor).where(Honor.person_id == keep,
                                              Honor.title == "全国劳动模范")).one()
        honor.document_number = "国发〔2015〕1号"
    with pytest.raises(AppError) as refused:
        service.undo_merge(event_id, reason="撤销")
    assert refused.value.code == "merge_undo_conflict"


def test_merge_refusals(db: Database, admin: Actor) -> None:
    born = dt.date(1962, 3, 14)
    a = add_person(db, "张晓明", birth=born)
    b = add_person(db, "张小明", birth=born)
    c = add_person(db, "张晓明", birth=born)
    service = DuplicatesService(db.sessions, admin)
    with pytest.raises(AppError) as same:
        service.merge(a, a, reason="x")
    assert same.value.code == "duplicate_self"
    with pytest.raises(ValidationError) as no_reason:
        service.merge(a, b, reason="  ")
    assert no_reason.value.codes() == {"reason": "merge_reason_required"}
    service.merge(a, b, reason="同一人")
    for keep, dup in ((c, b), (b, c)):
        with pytest.raises(AppError) as merged:
            service.merge(keep, dup, reason="同一人")
        assert merged.value.code == "person_already_merged"
        assert merged.value.params == {"name": "张小明"}
    with pytest.raises(AppError) as missing:
        service.merge(a, uuid.uuid4(), reason="同一人")
    assert missing.value.code == "not_found"


def test_a_viewer_may_look_but_not_dismiss_or_merge(db: Database, admin: Actor) -> None:
    born = dt.date(1962, 3, 14)
    a = add_person(db, "张晓明", birth=born)
    b = add_person(db, "张小明", birth=born)
    event_id = DuplicatesService(db.sessions, admin).merge(a, b, reason="同一人")
    viewer = DuplicatesService(db.sessions, VIEWER)
    assert viewer.candidates() == []
    for call in (lambda: viewer.dismiss(a, b, "x"), lambda: viewer.merge(a, b, reason="x"),
                 lambda: viewer.undo_merge(event_id, reason="x")):
        with pytest.raises(PermissionDenied):
            call()
    with db.sessions.begin() as s:
        other = s.get(Person, b)
        assert other is not None and other.merged_into_id == a


def test_every_person_column_is_merged_or_deliberately_left_out() -> None:
    columns = {c.name for c in Person.__table__.columns}
    assert set(FIELD_LABELS) == columns - BOOKKEEPING


def test_the_same_name_is_not_called_similar_and_another_sex_is_said(
        db: Database, admin: Actor) -> None:
    """Two 王建华 of one year and county were 姓名相近 55%: the same name says 同名, and a man
    and a woman of one name 同名（性别不同）, weighed lower."""
    add_person(db, "王建华", birth=dt.date(1961, 3, 1), sex="1")
    add_person(db, "王建华", birth=dt.date(1961, 8, 9), sex="2")
    add_person(db, "李秀英", birth=dt.date(1963, 3, 1), sex="2")
    add_person(db, "李秀英", birth=dt.date(1963, 8, 9), sex="2")
    pairs = {p.a.name: p for p in DuplicatesService(db.sessions, admin).candidates()}
    assert pairs["王建华"].reasons == ("same_name_other_sex",)
    assert pairs["李秀英"].reasons == ("same_name",)
    assert pairs["王建华"].score < pairs["李秀英"].score
