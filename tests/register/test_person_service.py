"""PersonService: create, read, edit, the bad-input rules, duplicates, honors, audit, roles."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

import pytest

from desktop.core import idnumber
from desktop.core.texts import PROBLEMS, problem_text
from desktop.database import Database
from desktop.errors import AppError, NotFound, PermissionDenied, ValidationError
from desktop.services.permissions import Actor
from tests.person_support import (
    BIRTH,
    CLERK,
    ID_FEMALE,
    ID_MALE,
    RARE,
    VIEWER,
    audit_entries,
    counts,
    draft,
    full_draft,
    honor,
    honor_rows,
    person_row,
    service,
)

TODAY = dt.date.today()
ID15 = "330522650312123"  # a legacy number of the man born 1965-03-12


def test_create_and_get_round_trip_every_field(db: Database, admin: Actor) -> None:
    svc = service(db, admin)
    original = full_draft()
    pid = svc.create(original)
    got = svc.get(pid)

    assert got.draft.id_number == idnumber.mask(ID_MALE) == got.id_number_masked
    assert "*" in got.draft.id_number
    assert all(h.id is not None for h in got.draft.honors)
    stripped = tuple(dataclasses.replace(h, id=None) for h in got.draft.honors)
    assert dataclasses.replace(got.draft, id_number=ID_MALE, honors=stripped) == original
    # rare characters survive exactly, code point for code point
    assert got.draft.name.encode("utf-8") == original.name.encode("utf-8")
    assert got.draft.address == original.address and got.draft.spouse_name == f"王{RARE}"
    assert person_row(db, pid).name == f"{RARE}荣"
    assert got.treatment_level == got.derived_treatment_level == "全国"
    assert got.life_status == "alive" and got.death_date is None and not got.is_revoked
    assert [e.kind for e in got.events] == ["create"]
    assert got.events[0].recorded_by == "管理员" and not got.events[0].undone
    assert svc.reveal_id_number(pid, "核对档案") == ID_MALE


def test_derived_columns(db: Database, admin: Actor) -> None:
    svc = service(db, admin)
    pid = svc.create(draft(id_number=f" {ID_FEMALE[:6]} {ID_FEMALE[6:].lower()} ", sex=None,
                           work_unit="长兴县人民医院", mobile="13900001111",
                           honors=(honor("全国五一劳动奖章", "省部级", 2012),
                                   honor("长兴县劳动模范", "县级", 2016))))
    row = person_row(db, pid)
    assert row.id_number == ID_FEMALE and not row.id_legacy15
    assert row.sex == "2" and row.birth_date == dt.date(1970, 8, 1)
    assert (row.name_pinyin, row.name_initials) == ("zhurongrong", "zrr")
    assert row.search_text is not None
    for needle in ("朱荣荣", "zhurongrong", "zrr", ID_FEMALE.lower(), "长兴县人民医院",
                   "13900001111"):
        assert needle in row.search_text
    assert row.treatment_level == "省部级"
    assert row.highest_honor == "全国五一劳动奖章(2012)"

    legacy = svc.create(draft(name="沈𠮷", id_number=ID15))
    row = person_row(db, legacy)
    assert row.id_number == idnumber.upgrade15(ID15) and row.id_legacy15
    assert row.sex == "1" and row.birth_date == BIRTH
    assert service(db, admin).get(legacy).id_legacy15


def test_person_without_id_number(db: Database, admin: Actor) -> None:
    pid = service(db, admin).create(draft(id_number="  ", sex="2",
                                           birth_date=dt.date(1950, 1, 1)))
    row = person_row(db, pid)
    assert row.id_number is None and row.sex == "2" and row.birth_date == dt.date(1950, 1, 1)
    assert service(db, admin).get(pid).draft.id_number is None
    assert service(db, admin).reveal_id_number(pid, "核对") == ""


@pytest.mark.parametrize("name", ["欧阳𠮷", "阿依古丽·买买提", f"{RARE}", "〇丽", "㐂生"])
def test_names_that_are_accepted(db: Database, admin: Actor, name: str) -> None:
    svc = service(db, admin)
    pid = svc.create(draft(name=name, id_number=None))
    assert svc.get(pid).draft.name == name


def test_middle_dot_look_alikes_become_the_middle_dot(db: Database, admin: Actor) -> None:
    pid = service(db, admin).create(draft(name=" 阿依古丽・买买提 ", id_number=None))
    assert person_row(db, pid).name == "阿依古丽·买买提"


FUTURE = TODAY + dt.timedelta(days=30)
OK_HONOR = honor("长兴县劳动模范", "县级", 2000)
BAD_INPUT: list[tuple[str, str, dict[str, Any]]] = [
    ("name", "name_empty", {"name": "   "}),
    ("name", "name_invalid_chars", {"name": "张San"}),
    ("name", "name_invalid_chars", {"name": "李4"}),
    ("name", "name_invalid_chars", {"name": "王 芳"}),
    ("id_number", "id_bad_checksum",
     {"id_number": ID_MALE[:17] + ("0" if ID_MALE[17] != "0" else "1")}),
    ("id_number", "id_float_mangled", {"id_number": "3.30522196503121E+17"}),
    ("id_number", "id_bad_length", {"id_number": "3305221965"}),
    ("id_number", "id_bad_chars", {"id_number": idnumber.mask(ID_MALE)}),
    ("sex", "sex_mismatch", {"sex": "2"}),
    ("sex", "code_unknown", {"sex": "5"}),
    ("birth_date", "birth_date_mismatch", {"birth_date": BIRTH + dt.timedelta(days=1)}),
    ("birth_date", "birth_in_future", {"id_number": None, "birth_date": FUTURE}),
    ("birth_date", "birth_too_early", {"id_number": None, "birth_date": dt.date(1899, 12, 31)}),
    ("honors[0].year", "honor_too_young", {"honors": (honor("县劳动模范", "县级", 1978),)}),
    ("honors[1].year", "honor_year_future",
     {"honors": (OK_HONOR, honor("县劳动模范", "县级", TODAY.year + 1))}),
    ("honors[0].year", "honor_year_too_early",
     {"id_number": None, "birth_date": dt.date(1920, 1, 1),
      "honors": (honor("劳动模范", "县级", 1948),)}),
    ("honors[0].level", "level_unknown", {"honors": (honor("劳动模范", "国家级", 2000),)}),
    ("honors[0].title", "value_required", {"honors": (honor("  ", "县级", 2000),)}),
    ("honors[0].revoked_date", "revoked_before_award",
     {"honors": (honor("县劳动模范", "县级", 2000, revoked_date=dt.date(1999, 5, 1)),)}),
    ("honors[0].revoked_date", "date_in_future",
     {"honors": (honor("县劳动模范", "县级", 2000, revoked_date=FUTURE),)}),
    ("honors[0].id", "honor_unknown", {"honors": (dataclasses.replace(OK_HONOR,
                                                                      id=uuid.uuid4()),)}),
    ("party_join_date", "party_join_before_birth", {"party_join_date": dt.date(1960, 1, 1)}),
    ("party_join_date", "date_in_future", {"party_join_date": FUTURE}),
    ("work_start_date", "work_start_too_young", {"work_start_date": dt.date(1975, 1, 1)}),
    ("work_start_date", "date_in_future", {"work_start_date": FUTURE}),
    ("spouse_birth_date", "date_in_future", {"spouse_birth_date": FUTURE}),
    ("treatment_override_reason", "reason_required", {"treatment_override": "全国"}),
    ("treatment_override_reason", "reason_required",
     {"treatment_override": "全国", "treatment_override_reason": "  "}),
    ("treatment_override", "level_unknown",
     {"treatment_override": "省级", "treatment_override_reason": "文件规定"}),
    ("district", "unknown_district", {"district": "火星区"}),
    ("ethnicity", "code_unknown", {"ethnicity": "99"}),
    ("political_status", "code_unknown", {"political_status": "77"}),
    ("education", "code_unknown", {"education": "55"}),
    ("marital_status", "code_unknown", {"marital_status": "11"}),
    ("employment_status", "code_unknown", {"employment_status": "退休"}),
    ("monthly_income", "value_negative", {"monthly_income": Decimal("-0.01")}),
    ("spouse_income", "value_negative", {"spouse_income": Decimal("-100")}),
    ("household_size", "value_negative", {"household_size": -1}),
    ("monthly_income", "out_of_range", {"monthly_income": Decimal("1e12")}),
    ("postcode", "digits_required", {"postcode": "31310"}),
    ("hukou_region", "digits_required", {"hukou_region": "33O522"}),
    ("work_unit", "too_long", {"work_unit": "厂" * 201}),
    ("name", "too_long", {"name": "张" * 51}),
]


@pytest.mark.parametrize(("field", "code", "changes"), BAD_INPUT,
                         ids=[f"{f}-{c}-{i}" for i, (f, c, _) in enumerate(BAD_INPUT)])
def test_bad_input_is_refused_on_its_field_and_nothing_is_written(
    db: Database, admin: Actor, field: str, code: str, changes: dict[str, Any]
) -> None:
    svc = service(db, admin)
    bad = draft(**changes)
    before = counts(db)
    with pytest.raises(ValidationError) as caught:
        svc.create(bad)
    found = [(p.field, p.code) for p in caught.value.problems]
    assert (field, code) in found
    assert len(found) == 1, found  # precise: no follow-on noise
    assert counts(db) == before
    assert [(p.field, p.code) for p in svc.validate(bad)] == found
    assert code in PROBLEMS
    assert problem_text(caught.value.problems[0]) != caught.value.problems[0].code

    # the same draft is refused as an edit of an existing person too
    pid = svc.create(draft(id_number=None, name="钱多多"))
    before = counts(db)
    with pytest.raises(ValidationError):
        svc.update(pid, bad, expected_version=svc.get(pid).row_version)
    assert counts(db) == before


def test_every_problem_is_reported_at_once(db: Database, admin: Actor) -> None:
    bad = draft(name="Zhu荣荣", sex="2", district="火星区", treatment_override="市级",
                honors=(OK_HONOR, honor("市劳动模范", "市级", TODAY.year + 2)))
    with pytest.raises(ValidationError) as caught:
        service(db, admin).create(bad)
    assert caught.value.codes() == {
        "name": "name_invalid_chars", "sex": "sex_mismatch", "district": "unknown_district",
        "treatment_override_reason": "reason_required", "honors[1].year": "honor_year_future",
    }
    assert caught.value.problems[0].params["chars"] == "Zhu"
    assert counts(db)[0] == 0


def test_validate_accepts_a_good_draft_and_writes_nothing(db: Database, admin: Actor) -> None:
    before = counts(db)
    assert service(db, admin).validate(full_draft()) == []
    assert counts(db) == before


def test_duplicate_id_number_is_refused_with_a_link(db: Database, admin: Actor) -> None:
    svc = service(db, admin)
    first = svc.create(draft(id_number=ID15))
    before = counts(db)
    typed = idnumber.upgrade15(ID15)
    for variant in (typed, f"{typed[:6]} {typed[6:14]} {typed[14:]}", ID15):
        with pytest.raises(ValidationError) as caught:
            svc.create(draft(name="朱蓉蓉", id_number=variant))
        (problem,) = caught.value.problems
        assert (problem.field, problem.code) == ("id_number", "id_duplicate")
        assert problem.params == {"existing_id": str(first), "existing_name": "朱荣荣"}
    assert counts(db) == before
    # the record itself keeps its own number on edit
    got = svc.get(first)
    svc.update(first, dataclasses.replace(got.draft, id_number=typed),
               expected_version=got.row_version)
    # a second person cannot take it over by an edit either
    other = svc.create(draft(name="沈一", id_number=ID_FEMALE))
    got = svc.get(other)
    with pytest.raises(ValidationError) as caught:
        svc.update(other, dataclasses.replace(got.draft, id_number=typed, sex=None,
                                              birth_date=None),
                   expected_version=got.row_version)
    assert caught.value.codes() == {"id_number": "id_duplicate"}


def test_masked_number_sent_back_keeps_the_stored_one(db: Database, admin: Actor) -> None:
    svc = service(db, admin)
    pid = svc.create(draft())
    got = svc.get(pid)
    svc.update(pid, dataclasses.replace(got.draft, position="班组长"),
               expected_version=got.row_version)
    assert person_row(db, pid).id_number == ID_MALE
    got = svc.get(pid)
    svc.update(pid, dataclasses.replace(got.draft, id_number=ID_FEMALE, sex="2",
                                        birth_date=None),
               expected_version=got.row_version)
    row = person_row(db, pid)
    assert (row.id_number, row.sex, row.birth_date) == (ID_FEMALE, "2", dt.date(1970, 8, 1))


def test_stale_version_is_refused(db: Database, admin: Actor) -> None:
    svc = service(db, admin)
    pid = svc.create(draft())
    opened = svc.get(pid)
    svc.update(pid, dataclasses.replace(opened.draft, position="甲"),
               expected_version=opened.row_version)
    assert svc.get(pid).row_version > opened.row_version
    before = counts(db)
    with pytest.raises(AppError) as caught:
        svc.update(pid, dataclasses.replace(opened.draft, position="乙"),
                   expected_version=opened.row_version)
    assert caught.value.code == "stale_record"
    assert person_row(db, pid).position == "甲" and counts(db) == before


def test_honors_added_edited_removed_and_level_follows(db: Database, admin: Actor) -> None:
    svc = service(db, admin)
    pid = svc.create(draft(honors=(honor("长兴县劳动模范", "县级", 2001),)))
    assert person_row(db, pid).treatment_level == "县级"

    def save(*honors: Any) -> None:
        got = svc.get(pid)
        svc.update(pid, dataclasses.replace(got.draft, honors=tuple(honors)),
                   expected_version=got.row_version)

    county = svc.get(pid).draft.honors[0]
    save(county, honor("全国五一劳动奖章", "省部级", 2012))
    got = svc.get(pid)
    assert got.treatment_level == got.derived_treatment_level == "省部级"
    assert person_row(db, pid).highest_honor == "全国五一劳动奖章(2012)"

    county, medal = got.draft.honors
    save(county, medal, honor("全国劳动模范", "全国", 2015))
    assert person_row(db, pid).treatment_level == "全国"
    national = svc.get(pid).draft.honors[2]
    assert national.title == "全国劳动模范"

    save(county, dataclasses.replace(medal, year=2013, document_number="总工发〔2013〕8号"),
         national)
    row = person_row(db, pid)
    assert row.highest_honor == "全国劳动模范(2015)"
    assert len(honor_rows(db, pid)) == 3  # edited in place, not added

    save(county, svc.get(pid).draft.honors[1])  # the national title removed
    got = svc.get(pid)
    assert got.treatment_level == "省部级"
    assert [h.title for h in got.draft.honors] == ["长兴县劳动模范", "全国五一劳动奖章"]
    assert got.draft.honors[1].year == 2013
    rows = {h.title: h for h in honor_rows(db, pid)}
    assert len(rows) == 3  # soft deletion: the row stays as a tombstone
    assert rows["全国劳动模范"].deleted_at is not None
    assert rows["全国劳动模范"].deleted_by == "admin"
    assert rows["全国五一劳动奖章"].deleted_at is None

    # a revoked date in the draft withdraws the honor from the level
    county, medal = svc.get(pid).draft.honors
    save(county, dataclasses.replace(medal, revoked_date=dt.date(2020, 1, 1),
                                     revoke_reason="违纪"))
    got = svc.get(pid)
    assert got.treatment_level == "县级" and not got.is_revoked
    assert person_row(db, pid).highest_honor == "长兴县劳动模范(2001)"
    save(*(dataclasses.replace(h, revoked_date=dt.date(2021, 1, 1)) if h.revoked_date is None
           else h for h in svc.get(pid).draft.honors))
    got = svc.get(pid)
    assert got.is_revoked and got.treatment_level is None
    assert person_row(db, pid).highest_honor is None


def test_treatment_override_needs_a_reason_and_wins(db: Database, admin: Actor) -> None:
    svc = service(db, admin)
    pid = svc.create(draft(honors=(honor("长兴县劳动模范", "县级", 2001),),
                           treatment_override="全国",
                           treatment_override_reason="享受全国劳模待遇批文"))
    got = svc.get(pid)
    assert got.treatment_level == "全国" and got.derived_treatment_level == "县级"
    assert got.draft.treatment_override_reason == "享受全国劳模待遇批文"
    svc.update(pid, dataclasses.replace(got.draft, treatment_override=None),
               expected_version=got.row_version)
    got = svc.get(pid)
    assert got.treatment_level == "县级" and got.draft.treatment_override_reason is None


def test_audit_names_fields_never_values(db: Database, admin: Actor) -> None:
    svc = service(db, admin)
    pid = svc.create(draft(id_number=ID15, mobile="13857212345"))
    got = svc.get(pid)
    svc.update(pid, dataclasses.replace(got.draft, position="主任", mobile="13900000000",
                                        honors=(honor("县劳动模范", "县级", 2000),)),
               expected_version=got.row_version)
    svc.reveal_id_number(pid, "市总工会核查")
    entries = audit_entries(db)
    assert [a for a, _t, _d in entries] == ["person.create", "person.update", "person.reveal_id"]
    assert {"name", "id_number", "sex", "birth_date", "district", "mobile"} <= set(
        entries[0][2]["fields"])
    assert entries[1][2] == {"changed": ["position", "mobile", "honors"]}
    assert entries[2][2] == {"reason": "市总工会核查"}
    full = idnumber.upgrade15(ID15)
    for _action, text, _detail in entries:
        for secret in (full, ID15, full[6:14], "13857212345", "13900000000", "朱荣荣"):
            assert secret not in text


def test_permissions(db: Database, admin: Actor) -> None:
    pid = service(db, admin).create(draft())
    viewer = service(db, VIEWER)
    assert viewer.get(pid).draft.name == "朱荣荣"  # viewers may look (masked)
    assert "*" in (viewer.get(pid).draft.id_number or "")
    before = counts(db)
    got = viewer.get(pid)
    for call in (
        lambda: viewer.create(draft(id_number=None, name="钱一")),
        lambda: viewer.update(pid, got.draft, expected_version=got.row_version),
        lambda: viewer.validate(draft()),
        lambda: viewer.reveal_id_number(pid, "看看"),
        lambda: viewer.retire(pid, dt.date(2020, 1, 1), "到龄"),
        lambda: viewer.undo_last_event(pid, "撤销"),
    ):
        with pytest.raises(PermissionDenied):
            call()
    assert counts(db) == before

    clerk = service(db, CLERK)
    other = clerk.create(draft(id_number=ID_FEMALE, name="沈丽"))
    got = clerk.get(other)
    clerk.update(other, dataclasses.replace(got.draft, position="护士长"),
                 expected_version=got.row_version)
    assert clerk.reveal_id_number(other, "核对身份") == ID_FEMALE
    assert audit_entries(db)[-1][0] == "person.reveal_id"


def test_reveal_needs_a_reason(db: Database, admin: Actor) -> None:
    svc = service(db, admin)
    pid = svc.create(draft())
    before = counts(db)
    for reason in ("", "   "):
        with pytest.raises(ValidationError) as caught:
            svc.reveal_id_number(pid, reason)
        assert caught.value.codes() == {"reason": "reason_required"}
    assert counts(db) == before


def test_unknown_person(db: Database, admin: Actor) -> None:
    svc = service(db, admin)
    missing = uuid.uuid4()
    with pytest.raises(NotFound):
        svc.get(missing)
    with pytest.raises(NotFound):
        svc.update(missing, draft(), expected_version=1)
    with pytest.raises(NotFound):
        svc.retire(missing, dt.date(2020, 1, 1), "到龄")
