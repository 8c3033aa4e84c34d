"""A small register written straight into the database (ORM inserts that fill the derived
columns with the same functions the services use), for the register list and CLI tests."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field

from sqlalchemy import select

from desktop.core import domain, idnumber
from desktop.core.search_keys import name_keys, search_text
from desktop.database import Database
from desktop.models import District, Honor, Person

TODAY = dt.date(2026, 6, 1)
RARE_JI = "\U00020bb7"  # 𠮷 (CJK Extension B)
RARE_DA = "\U00021484"  # 𡒄


def id_ending_in_x(region: str, born: dt.date) -> str:
    for seq in range(1000):
        number = idnumber.make(region, born, seq)
        if number.endswith("X"):
            return number
    raise AssertionError("no sequence gives X")


@dataclass(frozen=True)
class Spec:
    name: str
    district: str = "长兴县"
    born: dt.date | None = dt.date(1960, 1, 1)
    sex: str = "1"
    id_number: str | None = None
    work_unit: str | None = None
    mobile: str | None = None
    phone: str | None = None
    honors: tuple[tuple[str, str, int | None, bool], ...] = ()  # title, level, year, revoked
    employment: str | None = "在职"
    life: str = "alive"
    hardship: bool = False
    deleted: bool = False
    merged_into: str | None = None  # name of the kept person
    extra: dict[str, object] = field(default_factory=dict)


def add_persons(db: Database, specs: list[Spec]) -> dict[str, uuid.UUID]:
    """Insert the persons (and their honors); returns name -> id."""
    ids: dict[str, uuid.UUID] = {}
    with db.sessions.begin() as s:
        districts = {n: i for n, i in s.execute(select(District.name, District.id))}
        made: dict[str, Person] = {}
        for spec in specs:
            pinyin, initials = name_keys(spec.name)
            labels = [domain.HonorLabel(t, lv, y, r) for t, lv, y, r in spec.honors]
            person = Person(
                id=uuid.uuid4(), name=spec.name, name_pinyin=pinyin or None,
                name_initials=initials or None, id_number=spec.id_number, sex=spec.sex,
                birth_date=spec.born, work_unit=spec.work_unit, mobile=spec.mobile,
                phone=spec.phone, district_id=districts[spec.district],
                employment_status=spec.employment, life_status=spec.life,
                death_date=dt.date(2020, 1, 1) if spec.life == "deceased" else None,
                in_hardship=spec.hardship,
                treatment_level=domain.derived_treatment_level(
                    domain.HonorFacts(lv, r) for _t, lv, _y, r in spec.honors),
                highest_honor=domain.highest_honor(labels),
                search_text=search_text(spec.name, pinyin or None, initials or None,
                                        spec.id_number, spec.work_unit, spec.phone,
                                        spec.mobile),
                **spec.extra,  # type: ignore[arg-type]
            )
            if spec.deleted:
                person.deleted_at = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
                person.deleted_by = "admin"
            if spec.merged_into is not None:
                person.merged_into_id = made[spec.merged_into].id
            for title, level, year, revoked in spec.honors:
                person.honors.append(Honor(
                    id=uuid.uuid4(), title=title, level=level, year=year,
                    revoked_date=dt.date(2022, 1, 1) if revoked else None))
            s.add(person)
            s.flush()
            made[spec.name] = person
            ids[spec.name] = person.id
    return ids


ZRR_ID = idnumber.make("330522", dt.date(1960, 3, 15), 124)
X_ID = id_ending_in_x("330502", dt.date(1958, 7, 9))

REGISTER: list[Spec] = [
    Spec("朱荣荣", born=dt.date(1960, 3, 15), sex="2", id_number=ZRR_ID,
         work_unit="长兴县人民医院", mobile="13812345678",
         honors=(("浙江省劳动模范", "省部级", 2000, False), ("全国劳动模范", "全国", 2005, False)),
         employment="离退休"),
    Spec("赵蓉蓉", born=dt.date(1975, 8, 1), sex="2", work_unit="长兴县天能电池有限公司",
         mobile="13900001111", honors=(("长兴县劳动模范", "县级", 2012, False),)),
    Spec("王" + RARE_JI, born=dt.date(1966, 6, 1), id_number=X_ID, work_unit="长兴县煤山镇新川村",
         honors=(("湖州市劳动模范", "市级", 2010, False),)),
    Spec("陈" + RARE_DA, district="吴兴区", born=dt.date(1950, 12, 31), work_unit="湖州丝绸厂",
         honors=(("湖州市劳动模范", "市级", 1985, False),), employment="离退休"),
    Spec("王伟", district="吴兴区", born=dt.date(1940, 5, 5), phone="0572-2061392",
         work_unit="湖州纺织机械厂", honors=(("全国劳动模范", "全国", 1989, False),),
         employment="离退休", life="deceased"),
    Spec("李娜", born=dt.date(1985, 6, 2), sex="2", mobile="15857200001", hardship=True,
         work_unit="长兴县第一中学", honors=(("全国五一劳动奖章", "省部级", 2015, False),)),
    Spec("钱多多", born=dt.date(1990, 1, 1), work_unit="长兴100%_纺织公司", mobile="17700002222",
         employment="自谋职业"),
    Spec("孙丽", born=None, sex="2", work_unit="长兴县供电局",
         honors=(("浙江省劳动模范", "省部级", 2001, True),), employment="下岗(买断工龄)"),
    Spec("张三", work_unit="已删除单位", deleted=True,
         honors=(("全国劳动模范", "全国", 2005, False),)),
    Spec("张三丰", work_unit="长兴县人民医院", merged_into="王伟",
         honors=(("长兴县劳动模范", "县级", 2003, False),)),
]
LISTED = {s.name for s in REGISTER if not s.deleted and s.merged_into is None}
