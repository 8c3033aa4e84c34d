"""A small register for the visit and recuperation tests (see tests/register_support.py)."""

from __future__ import annotations

import datetime as dt
import uuid

from desktop.database import Database
from tests.register_support import Spec, add_persons

NATIONAL = ("全国劳动模范", "全国", 2005, False)
PROVINCE = ("浙江省劳动模范", "省部级", 2010, False)
CITY = ("湖州市劳动模范", "市级", 2012, False)
COUNTY = ("长兴县劳动模范", "县级", 2015, False)
MAY_DAY = ("全国五一劳动奖章", "省部级", 2018, False)

PEOPLE: list[Spec] = [
    Spec("全国甲", born=dt.date(1950, 3, 1), honors=(NATIONAL,), employment="离退休",
         mobile="13800000001",
         extra={"address": "浙江省湖州市长兴县雉城街道金陵路1号"}),
    Spec("省级乙", born=dt.date(1970, 5, 1), honors=(PROVINCE,),
         extra={"address": "浙江省湖州市长兴县煤山镇新川村3组5号"}),
    Spec("市级丙", born=dt.date(1975, 6, 1), honors=(CITY,),
         extra={"address": "浙江省湖州市长兴县雉城街道明珠路8号", "health_status": "良好"}),
    Spec("县级丁", born=dt.date(1960, 7, 1), honors=(COUNTY,), hardship=True,
         extra={"address": "浙江省湖州市长兴县洪桥镇1号"}),
    Spec("撤销戊", born=dt.date(1955, 1, 1), honors=(NATIONAL,),
         extra={"is_revoked": True}),
    Spec("已故己", born=dt.date(1935, 1, 1), honors=(NATIONAL,), life="deceased",
         employment="离退休"),
    Spec("老人庚", born=dt.date(1940, 1, 10), honors=(COUNTY,), employment="离退休"),
    Spec("吴兴辛", district="吴兴区", born=dt.date(1965, 1, 1), honors=(PROVINCE,)),
    Spec("奖章壬", born=dt.date(1980, 1, 1), honors=(MAY_DAY,), extra={"health_status": "良好"}),
    Spec("超龄癸", born=dt.date(1955, 1, 1), honors=(CITY,), extra={"health_status": "良好"}),
]


def add_people(db: Database) -> dict[str, uuid.UUID]:
    return add_persons(db, PEOPLE)
