"""The register list: search, filters, counts, paging, sorting, masking, export and unmasking,
on SQLite and PostgreSQL, against a register written straight into the database."""

from __future__ import annotations

import dataclasses
import itertools
import json
import uuid
from typing import Any

import pytest
from sqlalchemy import func, select

from desktop.database import Database
from desktop.errors import NotFound, PermissionDenied, ValidationError
from desktop.models import AuditEvent, Person
from desktop.services.permissions import Actor, Role
from desktop.services.register.service import SORT_KEYS, RegisterService, filter_summary
from desktop.services.register.types import RegisterFilter
from tests.register_support import (
    LISTED,
    RARE_DA,
    RARE_JI,
    REGISTER,
    TODAY,
    X_ID,
    ZRR_ID,
    add_persons,
)

F = RegisterFilter
CLERK = Actor(user_id=801, name="clerk1", display_name="录入员", role=Role.CLERK)
VIEWER = Actor(user_id=802, name="viewer1", display_name="只读", role=Role.VIEWER)
WANG_JI, CHEN_DA = "王" + RARE_JI, "陈" + RARE_DA
BY_PINYIN = [CHEN_DA, "李娜", "钱多多", "孙丽", WANG_JI, "王伟", "赵蓉蓉", "朱荣荣"]


@pytest.fixture
def ids(db: Database, admin: Actor) -> dict[str, uuid.UUID]:
    return add_persons(db, REGISTER)


def service(db: Database, actor: Actor) -> RegisterService:
    return RegisterService(db.sessions, actor, db.read_sessions, today=lambda: TODAY)


@pytest.fixture
def reg(db: Database, admin: Actor, ids: dict[str, uuid.UUID]) -> RegisterService:
    return service(db, admin)


def names(reg: RegisterService, f: RegisterFilter | None = None, **kw: Any) -> list[str]:
    f = f or F()
    page = reg.search(f, **kw)
    assert page.total == reg.count(f)
    return [r.name for r in page.rows]


def audit_rows(db: Database) -> list[tuple[str, str, str | None, str | None, dict[str, Any]]]:
    with db.sessions.begin() as s:
        rows = s.execute(select(AuditEvent.actor, AuditEvent.action, AuditEvent.entity,
                                AuditEvent.entity_id, AuditEvent.detail)
                         .order_by(AuditEvent.seq)).all()
    return [(a, b, c, d, json.loads(e)) for a, b, c, d, e in rows]


def audit_count(db: Database) -> int:
    with db.sessions.begin() as s:
        return int(s.scalar(select(func.count()).select_from(AuditEvent)) or 0)


# -- free text -------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("zrr", {"朱荣荣", "赵蓉蓉"}),
    ("ZRR", {"朱荣荣", "赵蓉蓉"}),
    ("zhurongrong", {"朱荣荣"}),
    ("ｚｈｕｒｏｎｇ", {"朱荣荣"}),
    ("荣荣", {"朱荣荣"}),
    ("wang", {WANG_JI, "王伟"}),
    (RARE_JI, {WANG_JI}),
    (RARE_DA, {CHEN_DA}),
    (ZRR_ID[6:14], {"朱荣荣"}),
    ("３３０５２２１９６００３１５", {"朱荣荣"}),
    (X_ID[-5:].lower(), {WANG_JI}),
    (X_ID[-5:], {WANG_JI}),
    (X_ID[-5:-1] + "ｘ", {WANG_JI}),
    ("5678", {"朱荣荣"}),
    ("2061392", {"王伟"}),
    ("0572-206", {"王伟"}),
    ("人民医院", {"朱荣荣"}),
    ("长兴 医院", {"朱荣荣"}),
    ("  长兴\u3000医院  ", {"朱荣荣"}),
    ("纺织", {"王伟", "钱多多"}),
    ("%", {"钱多多"}),
    ("_", {"钱多多"}),
    ("100%_", {"钱多多"}),
    ("0%", {"钱多多"}),
    ("\\", set()),
    ("无此人", set()),
])
def test_free_text(reg: RegisterService, text: str, expected: set[str]) -> None:
    page = reg.search(F(text=text))
    assert {r.name for r in page.rows} == expected
    assert page.total == reg.count(F(text=text)) == len(expected)


def test_empty_filter_lists_the_live_register_in_pinyin_order(reg: RegisterService) -> None:
    assert names(reg) == BY_PINYIN
    assert set(BY_PINYIN) == LISTED


def test_deleted_and_merged_are_left_out_unless_merged_are_asked_for(
        reg: RegisterService) -> None:
    assert "张三" not in names(reg) and "张三丰" not in names(reg)
    assert set(names(reg, F(text="人民医院", include_merged=True))) == {"朱荣荣", "张三丰"}
    assert "张三" not in names(reg, F(include_merged=True))  # deleted stays out
    assert reg.count(F(include_merged=True)) == len(LISTED) + 1


# -- filters ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("f", "expected"), [
    (F(districts=("吴兴区",)), {CHEN_DA, "王伟"}),
    (F(districts=("吴兴区", "长兴县")), LISTED),
    (F(districts=("南浔区",)), set()),
    (F(treatment_levels=("全国",)), {"朱荣荣", "王伟"}),
    (F(treatment_levels=("省部级", "县级")), {"李娜", "赵蓉蓉"}),
    (F(treatment_levels=("",)), {"钱多多", "孙丽"}),
    (F(treatment_levels=("市级", "")), {WANG_JI, CHEN_DA, "钱多多", "孙丽"}),
    (F(honor_title="全国"), {"朱荣荣", "王伟", "李娜"}),
    (F(honor_title="浙江省劳动模范"), {"朱荣荣"}),  # 孙丽's was revoked
    (F(honor_year_from=2000, honor_year_to=2005), {"朱荣荣"}),
    (F(honor_year_from=2010), {"赵蓉蓉", WANG_JI, "李娜"}),
    (F(honor_year_to=1989), {CHEN_DA, "王伟"}),
    (F(honor_title="劳动模范", honor_year_from=1985, honor_year_to=1985), {CHEN_DA}),
    (F(employment_statuses=("离退休",)), {"朱荣荣", CHEN_DA, "王伟"}),
    (F(employment_statuses=("自谋职业", "下岗(买断工龄)")), {"钱多多", "孙丽"}),
    (F(life_statuses=("deceased",)), {"王伟"}),
    (F(life_statuses=("alive",)), LISTED - {"王伟"}),
    (F(age_min=60), {"朱荣荣", WANG_JI, CHEN_DA}),  # 王𠮷 is 60 today; 王伟 died: no age
    (F(age_max=40), {"李娜", "钱多多"}),  # 李娜 turns 41 tomorrow
    (F(age_min=41, age_max=59), {"赵蓉蓉"}),
    (F(in_hardship=True), {"李娜"}),
    (F(in_hardship=False), LISTED - {"李娜"}),
])
def test_each_filter(reg: RegisterService, f: RegisterFilter, expected: set[str]) -> None:
    page = reg.search(f)
    assert {r.name for r in page.rows} == expected
    assert page.total == reg.count(f) == len(expected)


@pytest.mark.parametrize(("f", "expected"), [
    (F(text="长兴", treatment_levels=("全国", "省部级")), {"朱荣荣", "李娜"}),
    (F(text="wang", districts=("吴兴区",), life_statuses=("deceased",)), {"王伟"}),
    (F(districts=("长兴县",), honor_title="全国", age_max=45, in_hardship=True), {"李娜"}),
    (F(text="z", honor_year_from=2005, employment_statuses=("离退休",)), {"朱荣荣"}),
    (F(text="zrr", districts=("吴兴区",)), set()),
    (F(honor_year_from=2000, include_merged=True), {"朱荣荣", "赵蓉蓉", WANG_JI, "李娜",
                                                    "张三丰"}),
])
def test_filters_combine(reg: RegisterService, f: RegisterFilter, expected: set[str]) -> None:
    assert {r.name for r in reg.search(f).rows} == expected
    assert reg.count(f) == len(expected)


def test_unknown_district_is_refused_naming_it(reg: RegisterService) -> None:
    with pytest.raises(ValidationError) as err:
        reg.search(F(districts=("长兴县", "火星区")))
    (problem,) = err.value.problems
    assert (problem.field, problem.code) == ("district", "unknown_district")
    assert problem.params["name"] == "火星区"
    assert "长兴县" in problem.params["known"]


# -- counts, paging and sorting --------------------------------------------------------------


@pytest.mark.parametrize("sort", SORT_KEYS)
@pytest.mark.parametrize("descending", [False, True])
def test_paging_is_complete_and_stable(reg: RegisterService, sort: str,
                                       descending: bool) -> None:
    whole = reg.search(F(), sort=sort, descending=descending, limit=100)
    assert whole.total == len(LISTED)
    seen: list[uuid.UUID] = []
    for offset in range(0, len(LISTED) + 3, 3):
        page = reg.search(F(), sort=sort, descending=descending, offset=offset, limit=3)
        assert page.total == len(LISTED)
        assert page.rows == reg.rows(F(), sort=sort, descending=descending, offset=offset,
                                     limit=3)
        seen.extend(r.id for r in page.rows)
    assert seen == [r.id for r in whole.rows]
    assert len(set(seen)) == len(LISTED)


def test_short_page_and_offset_past_the_end_still_count(reg: RegisterService) -> None:
    assert reg.search(F(text="zrr"), limit=1).total == 2
    assert reg.search(F(text="zrr"), limit=2).total == 2
    assert reg.search(F(), offset=100, limit=10).total == len(LISTED)
    assert reg.search(F(), offset=7, limit=10).total == len(LISTED)
    assert reg.search(F(), limit=0).total == len(LISTED)


def test_sort_orders(reg: RegisterService) -> None:
    assert names(reg, descending=True) == BY_PINYIN[::-1]
    assert names(reg, sort="age") == ["钱多多", "李娜", "赵蓉蓉", WANG_JI, "朱荣荣", CHEN_DA,
                                      "王伟", "孙丽"]
    assert names(reg, sort="age", descending=True) == [
        "王伟", CHEN_DA, "朱荣荣", WANG_JI, "赵蓉蓉", "李娜", "钱多多", "孙丽"]
    assert names(reg, sort="treatment_level") == [
        "王伟", "朱荣荣", "李娜", CHEN_DA, WANG_JI, "赵蓉蓉", "钱多多", "孙丽"]
    # no level stays at the end either way
    assert names(reg, sort="treatment_level", descending=True) == [
        "赵蓉蓉", CHEN_DA, WANG_JI, "李娜", "王伟", "朱荣荣", "钱多多", "孙丽"]
    # the association's order: 吴兴区 comes before 长兴县
    assert names(reg, sort="district")[:2] == [CHEN_DA, "王伟"]
    assert names(reg, sort="life_status")[-1] == "王伟"
    # text columns group equal values (their order among Chinese words is the database's)
    statuses = [r.employment_status for r in reg.search(F(), sort="employment_status").rows]
    assert len(list(itertools.groupby(statuses))) == len(set(statuses))
    with pytest.raises(ValueError):
        reg.search(F(), sort="salary")


# -- rows and masking ------------------------------------------------------------------------


def test_member_rows_are_masked_and_complete(reg: RegisterService,
                                             ids: dict[str, uuid.UUID]) -> None:
    rows = {r.name: r for r in reg.search(F()).rows}
    zhu = rows["朱荣荣"]
    assert zhu.id == ids["朱荣荣"]
    assert (zhu.sex, zhu.age, zhu.district, zhu.work_unit) == ("女", 66, "长兴县", "长兴县人民医院")
    assert (zhu.treatment_level, zhu.highest_honor) == ("全国", "全国劳动模范(2005)")
    assert (zhu.employment_status, zhu.life_status, zhu.in_hardship) == ("离退休", "alive", False)
    assert zhu.phone == "138****5678"
    assert zhu.id_number == ZRR_ID[:6] + "********" + ZRR_ID[-4:]
    assert rows["王伟"].phone == "0572-****392"
    assert rows[WANG_JI].id_number.endswith("X") and "*" in rows[WANG_JI].id_number
    assert (rows["孙丽"].phone, rows["孙丽"].id_number, rows["孙丽"].age) == ("", "", None)
    assert rows["孙丽"].treatment_level is None and rows["孙丽"].highest_honor is None
    assert rows["李娜"].in_hardship is True and rows["李娜"].age == 40
    assert rows["王伟"].sex == "男" and rows["王伟"].life_status == "deceased"


def test_choices_for_the_filter_bar(reg: RegisterService) -> None:
    # a county association manages its own county only (issue 14: the filter listed all
    # seven Huzhou districts)
    assert reg.districts() == ["长兴县"]
    titles = reg.honor_titles()
    # kept honors counted: 全国劳动模范 three times, two each for the next two, then ones
    assert titles[0] == "全国劳动模范"
    assert set(titles[1:3]) == {"湖州市劳动模范", "长兴县劳动模范"}
    assert titles.index("浙江省劳动模范") >= 3  # 孙丽's was revoked: it does not count
    assert set(titles) == {"全国劳动模范", "湖州市劳动模范", "浙江省劳动模范", "长兴县劳动模范",
                           "全国五一劳动奖章"}
    statuses = reg.employment_statuses()
    assert statuses[:5] == ["在职", "离退休", "下岗(买断工龄)", "自谋职业", "其他"]


def test_viewer_may_list_but_not_unmask(db: Database, ids: dict[str, uuid.UUID]) -> None:
    viewer = service(db, VIEWER)
    assert viewer.count(F()) == len(LISTED)
    before = audit_count(db)
    with pytest.raises(PermissionDenied):
        viewer.export(F(), unmask=True, reason="走访需要")
    with pytest.raises(PermissionDenied):
        viewer.reveal_id_number(ids["朱荣荣"], "走访需要")
    assert audit_count(db) == before


# -- export ----------------------------------------------------------------------------------

DESIGN_KEYS = {"uuid", "name", "sex", "birth_date", "id_number", "district", "work_unit",
               "employment_status", "life_status", "treatment_level", "honors"}


def test_export_rows_have_the_design_keys_masked(reg: RegisterService,
                                                 ids: dict[str, uuid.UUID]) -> None:
    rows = reg.export(F())
    assert [r["name"] for r in rows] == BY_PINYIN
    for r in rows:
        assert set(r) == DESIGN_KEYS | {"phone", "age", "highest_honor"}
        assert r["sex"] in ("男", "女")
        assert r["treatment_level"] in ("全国", "省部级", "市级", "县级", None)
    zhu = next(r for r in rows if r["name"] == "朱荣荣")
    assert zhu == {
        "uuid": str(ids["朱荣荣"]), "name": "朱荣荣", "sex": "女", "birth_date": "1960",
        "id_number": ZRR_ID[:6] + "********" + ZRR_ID[-4:], "district": "长兴县",
        "work_unit": "长兴县人民医院", "employment_status": "离退休", "life_status": "alive",
        "treatment_level": "全国",
        "honors": [{"title": "浙江省劳动模范", "level": "省部级", "year": 2000},
                   {"title": "全国劳动模范", "level": "全国", "year": 2005}],
        "phone": "138****5678", "age": 66, "highest_honor": "全国劳动模范(2005)",
    }
    sun = next(r for r in rows if r["name"] == "孙丽")
    assert sun["honors"] == [] and sun["birth_date"] is None and sun["id_number"] is None
    assert reg.export(F(text="zrr"), limit=1)[0]["name"] == "赵蓉蓉"
    limited = reg.export(F(), sort="age", limit=2)
    assert [r["name"] for r in limited] == ["钱多多", "李娜"]
    assert limited[1]["honors"] == [{"title": "全国五一劳动奖章", "level": "省部级",
                                     "year": 2015}]


def test_rare_characters_survive_search_and_export(reg: RegisterService) -> None:
    (row,) = reg.export(F(text=RARE_JI))
    assert row["name"] == WANG_JI
    assert row["name"].encode("utf-8") == b"\xe7\x8e\x8b\xf0\xa0\xae\xb7"
    (row,) = reg.export(F(text=CHEN_DA))
    assert json.loads(json.dumps(row, ensure_ascii=False))["name"] == CHEN_DA


def test_unmasked_export_needs_a_reason_and_writes_one_audit_entry(
        db: Database, ids: dict[str, uuid.UUID]) -> None:
    clerk = service(db, CLERK)
    before = audit_count(db)
    for reason in (None, "", "   "):
        with pytest.raises(ValidationError) as err:
            clerk.export(F(), unmask=True, reason=reason)
        assert err.value.codes() == {"reason": "reason_required"}
    assert audit_count(db) == before
    f = F(text="长兴", treatment_levels=("全国",))
    rows = clerk.export(f, unmask=True, reason=" 春节走访名单 ")
    assert [(r["name"], r["id_number"], r["phone"]) for r in rows] == [
        ("朱荣荣", ZRR_ID, "13812345678")]
    entries = audit_rows(db)
    assert len(entries) == before + 1
    assert entries[-1] == ("clerk1", "register.unmask_export", None, None, {
        "reason": "春节走访名单", "count": 1,
        "filter": {"text": "长兴", "treatment_levels": ["全国"]},
    })
    assert clerk.export(f)[0]["id_number"] != ZRR_ID  # masked again without unmask
    assert audit_count(db) == before + 2  # the masked list is audited too (issue 16)
    assert audit_rows(db)[-1][1] == "register.export"


def test_reveal_one_id_number_is_audited(db: Database, ids: dict[str, uuid.UUID]) -> None:
    clerk = service(db, CLERK)
    before = audit_count(db)
    with pytest.raises(ValidationError):
        clerk.reveal_id_number(ids[WANG_JI], "  ")
    assert audit_count(db) == before
    assert clerk.reveal_id_number(ids[WANG_JI], "核对身份") == X_ID
    assert audit_rows(db)[-1] == ("clerk1", "person.reveal_id", "person", str(ids[WANG_JI]),
                                  {"reason": "核对身份"})
    assert clerk.reveal_id_number(ids["赵蓉蓉"], "核对身份") == ""
    with pytest.raises(NotFound):
        clerk.reveal_id_number(ids["张三"], "核对身份")  # deleted
    with pytest.raises(NotFound):
        clerk.reveal_id_number(uuid.uuid4(), "核对身份")
    assert audit_count(db) == before + 2


def test_filter_summary_keeps_only_what_was_set() -> None:
    assert filter_summary(F()) == {}
    assert filter_summary(F(text="王", districts=("长兴县",), age_min=60, in_hardship=False)) == {
        "text": "王", "districts": ["长兴县"], "age_min": 60, "in_hardship": False}
    assert filter_summary(dataclasses.replace(F(), include_merged=True)) == {
        "include_merged": True}


# -- on a generated register -----------------------------------------------------------------


def test_demo_register_is_found_by_every_key_and_has_hardship_cases(
        db: Database, admin: Actor) -> None:
    from desktop.services.demo.service import DemoService

    DemoService(db.sessions, admin).generate(400, seed=7)
    reg = RegisterService(db.sessions, admin, db.read_sessions)
    rows = reg.export(F())
    assert len(rows) == reg.count(F()) == 400
    hardship = reg.search(F(in_hardship=True), limit=400).rows
    assert 0 < len(hardship) < 40
    assert all(r.life_status == "alive" for r in hardship)
    with db.sessions.begin() as s:
        sample = s.execute(select(Person.id, Person.name, Person.name_pinyin,
                                  Person.name_initials, Person.id_number, Person.mobile,
                                  Person.work_unit).order_by(Person.id).limit(25)).all()
    for pid, name, pinyin, initials, number, mobile, unit in sample:
        keys = [name, pinyin, initials, number[-8:], number[-6:].lower(), unit]
        keys += [mobile[-6:]] if mobile else []
        for key in filter(None, keys):
            found = reg.search(F(text=key), limit=1000).rows
            assert pid in {r.id for r in found}, (name, key)


def test_a_deceased_person_has_no_age_in_the_list_or_the_export(reg: RegisterService) -> None:
    """A man who died in 1986 at 50 was listed as 90: the age he would have reached today."""
    rows = {r.name: r for r in reg.search(F()).rows}
    assert rows["王伟"].life_status == "deceased" and rows["王伟"].age is None
    assert all(r.age is not None for n, r in rows.items() if n != "王伟" and r.birth_date)
    exported = {r["name"]: r for r in reg.export(F())}
    assert exported["王伟"]["age"] is None
    assert exported["李娜"]["age"] == rows["李娜"].age
