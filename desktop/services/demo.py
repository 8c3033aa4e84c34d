"""A synthetic but realistic register for demonstrations, training and load tests.

Everything a real 湖州 register has that makes software break: common and polyphonic surnames,
rare characters outside the Basic Multilingual Plane, valid ID numbers (some upgraded from 15
digits, some from other provinces), people with several honors at different levels, revoked
titles, deaths, retirements, transfers, emigrants and people who lost contact.

The output is a pure function of the seed (``random.Random(seed)``; UUIDs come from the same
generator), except for timestamps. It is written in one transaction with Core bulk inserts:
100,000 members take seconds, not minutes, and a cancel rolls everything back.
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
import random
import time
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Generic, TypeVar, cast

from sqlalchemy import Table, select
from sqlalchemy.orm import Session, sessionmaker

from desktop import idnumber, reference
from desktop.domain import (
    HonorFacts,
    HonorLabel,
    age_on,
    derived_treatment_level,
    highest_honor,
)
from desktop.errors import AppError, ValidationError
from desktop.models import District, Honor, Person, PersonEvent
from desktop.search_keys import name_keys, search_text
from desktop.services import audit, settings
from desktop.services.permissions import Actor, Perm

__all__ = ["AS_OF", "MAX_MEMBERS", "DemoResult", "DemoService"]

T = TypeVar("T")

AS_OF = dt.date(2025, 12, 31)
"""The register describes the world on this day (fixed, so a seed always gives the same data)."""
MAX_MEMBERS = 1_000_000
CHUNK = 5000
_LAST_AWARD_YEAR = 2025
_FIRST_AWARD_YEAR = 1978


@dataclass(frozen=True)
class DemoResult:
    persons: int
    honors: int
    events: int
    seconds: float


class _Weighted(Generic[T]):
    """Weighted choice by one ``random()`` and a bisection (``rng.choices`` is slower)."""

    __slots__ = ("_cum", "_items", "_total")

    def __init__(self, pairs: Iterable[tuple[T, float]]) -> None:
        self._items: list[T] = []
        self._cum: list[float] = []
        running = 0.0
        for item, weight in pairs:
            if weight <= 0:
                continue
            running += weight
            self._items.append(item)
            self._cum.append(running)
        if not self._items:
            raise ValueError("no item with a positive weight")
        self._total = running

    def pick(self, rng: random.Random) -> T:
        i = bisect.bisect_right(self._cum, rng.random() * self._total)
        return self._items[min(i, len(self._items) - 1)]


def _w(text: str) -> _Weighted[str]:
    """``"王7 陈7 沈6"`` → weighted choice; a token without a number weighs 1."""
    pairs: list[tuple[str, float]] = []
    for token in text.split():
        i = len(token)
        while i and (token[i - 1].isdigit() or token[i - 1] == "."):
            i -= 1
        pairs.append((token[:i], float(token[i:]) if i < len(token) else 1.0))
    return _Weighted(pairs)


def _split_codes(text: str, table: str | None = None) -> _Weighted[str]:
    """``"01:58 13:35"`` → weighted choice of codes, checked against a codes.json table."""
    pairs: list[tuple[str, float]] = []
    for token in text.split():
        code, _, weight = token.partition(":")
        pairs.append((code, float(weight) if weight else 1.0))
    if table is not None:
        known = reference.code_table(table)
        unknown = [c for c, _ in pairs if c not in known]
        if unknown:
            raise ValueError(f"codes {unknown} are not in {table}")
    return _Weighted(pairs)


# -- names ----------------------------------------------------------------------------------

_SURNAMES = _w(
    "王7 陈7 沈6 张5 李4 徐4 朱3.5 吴3.5 钱3 周3 杨3 金2.5 姚2 潘2 陆2 胡2 施2 俞2 孙2 蒋2 "
    "刘2 黄2 费1.5 钟1.5 叶1.5 许1.5 赵1.5 闵1.2 邱1.2 丁1.2 吕1.2 章1.2 严1.2 顾1.2 郑1.2 "
    "凌1 褚1 方1 马1 何1 高1 林1 汪1 郭.8 谢.8 宋.8 唐.8 冯.8 董.8 程.8 曹.8 袁.8 傅.8 戴.8 "
    "夏.8 邵.8 韩.6 卢.6 邓.5 茅.4 沃.3 臧.3 嵇.3 慎.3 韦.3 温.4 姜.5 范.6 汤.5 莫.4 倪.5 "
    "单.3 曾.3 解.1 查.2 仇.2 朴.05 区.05 乐.2 覃.05 翟.1 尉.05 盖.05 缪.3 种.03 万.4 "
    "欧阳.1 司马.05 诸葛.03 上官.03"
)
# Characters for given names by (sex code, born before 1965): the generations name differently.
_GIVEN = {
    ("1", True): _w(
        "国 建 华 明 德 福 根 林 金 荣 宝 忠 兴 海 发 祥 生 伟 平 新 文 正 志 永 春 昌 云 "
        "炳 鑫 水 土 强 庆 法 连 松 贤 元 泉 寿 富 贵 良 其 启 阿"
    ),
    ("1", False): _w(
        "伟 强 磊 杰 涛 斌 军 勇 峰 超 亮 健 俊 波 鹏 辉 晨 浩 宇 飞 刚 明 华 东 杭 凯 "
        "锋 文 建 立 平 永 新 晓 海 志 彬 斌 昊 翔 阳 旭 龙 剑 毅 力 天 子 轩"
    ),
    ("2", True): _w(
        "美 英 芳 珍 凤 秀 兰 娟 宝 妹 金 月 琴 花 菊 梅 玉 素 惠 爱 桂 仙 彩 红 莲 华 "
        "新 春 云 根 林 巧 萍 娣 雪 霞 翠 丽 敏 芬"
    ),
    ("2", False): _w(
        "婷 丽 燕 静 敏 红 霞 萍 芳 娟 艳 琳 颖 洁 雯 倩 佳 慧 莉 璐 晶 蕾 娜 琪 欣 怡 "
        "丹 玲 薇 瑶 晓 亚 春 海 雅 梦 思 雪 楠 悦 婕 露 媛"
    ),
}
# Rare characters for names (生僻字). Ext B: 𠮷 U+20BB7, 𡈼 U+2123C, 𪚥 U+2A6A5; Ext A: 䶮
# U+4DAE; BMP but outside GB 2312 (old systems drop them): 堃 喆 赟 犇 淼 燚 玥 昇 珺.
_RARE = _Weighted(
    [
        ("\U00020bb7", 3.0), ("\U0002123c", 2.0), ("\U0002a6a5", 1.0), ("\u4dae", 1.0),
        ("堃", 0.5), ("喆", 0.5), ("赟", 0.5), ("犇", 0.3), ("淼", 0.4), ("燚", 0.2),
        ("玥", 0.4), ("昇", 0.3), ("珺", 0.4),
    ]
)  # fmt: skip
_RARE_SHARE = 0.003
_ONE_CHAR_GIVEN_SHARE = 0.2

# -- places ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Place:
    """What the generator knows about one association district."""

    regions: _Weighted[str]  # ID region codes for people born here
    hukou_region: str
    address_prefix: str  # 浙江省湖州市长兴县
    unit_prefix: str  # 长兴县 (长兴县人民医院), 湖州市吴兴区 …
    company_places: tuple[str, ...]  # 长兴, 浙江 (长兴XX有限公司)
    towns: tuple[str, ...]
    postcode: str
    native: str  # 浙江长兴
    honor_title: str  # 长兴县 (长兴县劳动模范); "" when the district awards none
    honor_body: str
    honor_doc: str  # 长政发
    honor_since: int  # first year the district could award honors (吴兴区 and 南浔区: 2003)
    weight: float


_PLACES: dict[str, tuple[Any, ...]] = {
    # name: (regions, hukou, address prefix, unit prefix, company places, towns, postcode,
    #        native, honor title prefix, honor body, honor doc prefix, honors since,
    #        population weight)
    "市本级": (
        "330501:6 330500:2 330502:1 330503:1", "330502", "浙江省湖州市吴兴区", "湖州市",
        ("湖州",), ("月河街道", "爱山街道", "飞英街道", "朝阳街道", "龙泉街道"), "313000",
        "浙江湖州", "", "", "", 9999, 25.0,
    ),
    "吴兴区": (
        "330502:9 330501:1", "330502", "浙江省湖州市吴兴区", "湖州市吴兴区", ("湖州", "吴兴"),
        ("织里镇", "八里店镇", "妙西镇", "埭溪镇", "东林镇", "道场乡", "月河街道", "朝阳街道",
         "爱山街道", "飞英街道", "湖东街道", "环渚街道"),
        "313000", "浙江湖州", "吴兴区", "湖州市吴兴区人民政府", "吴政发", 2003, 50.0,
    ),
    "南浔区": (
        "330503:9 330501:1", "330503", "浙江省湖州市南浔区", "湖州市南浔区", ("南浔", "湖州"),
        ("南浔镇", "练市镇", "双林镇", "菱湖镇", "和孚镇", "善琏镇", "旧馆镇", "千金镇",
         "石淙镇"),
        "313009", "浙江南浔", "南浔区", "湖州市南浔区人民政府", "浔政发", 2003, 54.0,
    ),
    "德清县": (
        "330521", "330521", "浙江省湖州市德清县", "德清县", ("德清", "浙江"),
        ("武康街道", "舞阳街道", "阜溪街道", "乾元镇", "新市镇", "洛舍镇", "钟管镇", "禹越镇",
         "新安镇", "雷甸镇", "莫干山镇"),
        "313200", "浙江德清", "德清县", "德清县人民政府", "德政发", 1978, 55.0,
    ),
    "长兴县": (
        "330522", "330522", "浙江省湖州市长兴县", "长兴县", ("长兴", "浙江"),
        ("雉城街道", "画溪街道", "太湖街道", "龙山街道", "洪桥镇", "李家巷镇", "夹浦镇",
         "煤山镇", "泗安镇", "和平镇", "虹星桥镇", "林城镇", "小浦镇", "水口乡", "吕山乡"),
        "313100", "浙江长兴", "长兴县", "长兴县人民政府", "长政发", 1978, 68.0,
    ),
    "安吉县": (
        "330523", "330523", "浙江省湖州市安吉县", "安吉县", ("安吉", "浙江"),
        ("递铺街道", "昌硕街道", "孝丰镇", "梅溪镇", "天子湖镇", "鄣吴镇", "杭垓镇",
         "天荒坪镇", "溪龙乡", "上墅乡", "山川乡", "报福镇"),
        "313300", "浙江安吉", "安吉县", "安吉县人民政府", "安政发", 1978, 59.0,
    ),
    "南太湖新区": (
        "330502:8 330522:1 330501:1", "330502", "浙江省湖州市南太湖新区", "湖州南太湖新区",
        ("湖州",), ("凤凰街道", "康山街道", "龙溪街道", "仁皇山街道", "滨湖街道",
                    "杨家埠街道"),
        "313000", "浙江湖州", "南太湖新区", "湖州南太湖新区管理委员会", "湖南太管发", 2020,
        20.0,
    ),
}

_OTHER_ZHEJIANG = (
    ("330102", "浙江杭州"), ("330105", "浙江杭州"), ("330106", "浙江杭州"),
    ("330108", "浙江杭州"), ("330110", "浙江余杭"), ("330122", "浙江桐庐"),
    ("330183", "浙江富阳"), ("330203", "浙江宁波"), ("330205", "浙江宁波"),
    ("330206", "浙江北仑"), ("330212", "浙江鄞州"), ("330226", "浙江宁海"),
    ("330281", "浙江余姚"), ("330282", "浙江慈溪"),
)  # fmt: skip
_OTHER_PROVINCES = (
    ("320583", "江苏昆山"), ("320503", "江苏苏州"), ("321102", "江苏镇江"),
    ("340104", "安徽合肥"), ("342501", "安徽宣城"), ("360102", "江西南昌"),
    ("362502", "江西抚州"), ("410102", "河南郑州"), ("411302", "河南南阳"),
    ("420106", "湖北武汉"), ("430104", "湖南长沙"), ("510104", "四川成都"),
    ("511602", "四川广安"), ("350102", "福建福州"), ("370102", "山东济南"),
    ("522101", "贵州遵义"), ("310104", "上海"),
)  # fmt: skip
_REGION_ORIGIN = _w("local88 zhejiang10 province2")

_ROADS = (
    "人民路", "解放路", "中山路", "青年路", "南街", "北街", "东风路", "胜利路", "新华路",
    "文化路", "健康路", "金山路", "太湖路", "环城路", "长安路", "和平路", "建设路", "工业路",
    "府前路", "迎宾大道", "明珠路", "劳动路", "体育场路", "红旗路",
)  # fmt: skip
_ESTATES = (
    "阳光", "锦绣", "金色家园", "世纪花园", "滨湖", "绿城", "御景", "凤凰", "新城", "东方",
    "丽景", "和平", "翠苑", "紫金", "碧水", "香樟", "枫林", "南苑", "北苑", "幸福里",
)  # fmt: skip
_VILLAGE_HEADS = "高王新东西南北长大小上下沈钱陈潘朱吴杨姚金横塘后前"
_VILLAGE_TAILS = "家桥湾塘港浜山兜田圩埠墩溪坞岭漾"

# -- work -----------------------------------------------------------------------------------

_UNIT_KINDS = _w("private40 soe14 collective5 hospital10 school9 gov12 service6")
_BRANDS = (
    "华源", "金鹰", "永兴", "恒达", "新丰", "宏盛", "瑞丰", "东方", "富民", "振兴", "南方",
    "太湖", "天目", "龙山", "明丰", "金达", "万丰", "银河", "新世纪", "华盛", "中天", "佳美",
    "诚信", "双林", "苕溪", "莫干", "竹乡", "白茶",
)  # fmt: skip
_TRADES = (
    "纺织", "丝绸", "电池", "建材", "机械", "竹业", "木业", "电子", "服装", "化纤", "印染",
    "电气", "钢琴", "家具", "童装", "新能源", "铝业", "轴承", "水泥", "环保科技", "食品",
    "茶业", "物流", "建设",
)  # fmt: skip
_COMPANY_SUFFIX = _w("有限公司6 股份有限公司2 集团有限公司1.5 厂.5")
_SOE = (
    "国网{p}供电公司", "{p}公交集团有限公司", "中国移动{p}分公司", "中国工商银行{p}支行",
    "{p}自来水有限公司", "{p}交通投资集团有限公司", "{p}粮食收储有限公司",
    "中国邮政集团{p}分公司",
)  # fmt: skip
_COLLECTIVE = ("{p}第一丝厂", "{p}第二丝厂", "{p}农机厂", "{p}供销合作社", "{p}建筑工程公司")
_HOSPITALS = ("{p}人民医院", "{p}中医院", "{p}妇幼保健院", "{p}疾病预防控制中心")
_CITY_HOSPITALS = ("湖州市中心医院", "湖州市第一人民医院", "湖州市第三人民医院", "湖州市中医院")
_SCHOOLS = ("{p}第一中学", "{p}实验小学", "{p}职业教育中心", "{p}{t}中心小学", "{p}{t}中学")
_CITY_SCHOOLS = ("湖州师范学院", "湖州职业技术学院", "湖州中学", "湖州市第二中学")
_GOV = ("{p}公安局", "{p}交通运输局", "{p}农业农村局", "{p}{t}人民政府", "{p}人力资源和社会保障局",
        "{p}市场监督管理局", "{p}消防救援大队")
_SERVICE = ("{p}环境卫生管理处", "{p}城市管理局", "{p}水利局", "{p}气象局", "{p}广播电视台")

_POSITIONS: dict[str, _Weighted[str]] = {
    "private": _w("车间主任3 班组长4 技术员3 工程师2 总经理1 董事长.6 副总经理1 质检员1 "
                  "销售经理1 职工5 工人4"),
    "soe": _w("班组长3 技术员3 工程师2 站长1 经理1 职工5 工人3 调度员1"),
    "collective": _w("车间主任2 班组长2 工人6 厂长.5 会计1"),
    "hospital": _w("医生5 护士长2 科主任2 护士3 副院长.5 药剂师1"),
    "school": _w("教师8 教研组长2 校长1 副校长1 班主任3"),
    "gov": _w("科员4 科长2 副局长.5 民警3 所长1 站长1 干部2"),
    "service": _w("环卫工人4 班长2 站长1 科员2 职工3"),
    "village": _w("村党支部书记3 村委会主任2 种植大户3 养殖大户2 家庭农场主2 "
                  "农民专业合作社理事长2 茶农2 村民3"),
}
_TITLES: dict[str, _Weighted[str]] = {
    "hospital": _w("主任医师2 副主任医师3 主治医师3 主任护师1 副主任护师2 主管护师2"),
    "school": _w("正高级教师.5 高级教师4 一级教师4 二级教师1"),
    "gov": _w("-6 经济师1 工程师1 高级工程师.5"),
    "service": _w("-6 工程师1 助理工程师1"),
    "private": _w("-6 高级工程师1 工程师2 助理工程师1 高级经济师.3"),
    "soe": _w("-4 高级工程师1.5 工程师2 助理工程师1 高级经济师.5"),
    "collective": _w("-8 助理工程师1 工程师.5"),
    "village": _w("-8 农艺师1 高级农艺师.3"),
}
_GRADES = _w("-5 高级技师1.5 技师2 高级工2 中级工1 初级工.5")
_INDUSTRY: dict[str, _Weighted[str]] = {
    "private": _w("纺织系统3 机电系统3 化工系统1 电子仪表1 城建系统1 其他2 财贸系统1"),
    "soe": _w("社会服务业2 金融保险业1 城建系统1 财贸系统1 其他1"),
    "collective": _w("纺织系统3 机电系统1 财贸系统1 其他1"),
    "hospital": _w("医疗卫生"),
    "school": _w("教育"),
    "gov": _w("国家机关"),
    "service": _w("社会服务业3 城建系统1"),
    "village": _w("农、林、牧、渔业"),
}
_UNIT_TYPE = {
    "private": "民营/私营/个体企业", "soe": "国有企业", "collective": "集体企业",
    "hospital": "国有机关/事业单位", "school": "国有机关/事业单位",
    "gov": "国有机关/事业单位", "service": "国有机关/事业单位", "village": "其他",
}  # fmt: skip
_PUBLIC = frozenset({"hospital", "school", "gov", "service"})

# -- honors ---------------------------------------------------------------------------------

_NATIONAL_YEARS = (1989, 1995, 2000, 2005, 2010, 2015, 2020, 2025)
_MEDAL_YEARS = tuple(range(1986, _LAST_AWARD_YEAR + 1))
_PROVINCE_YEARS = (1979, 1982, 1985, 1989, 1991, 1995, 1997, 2000, 2003, 2005, 2008, 2010,
                   2013, 2015, 2018, 2020, 2023, 2025)
_CITY_YEARS = (1979, 1982, 1985, 1987, 1990, 1992, 1995, 1997, 2000, 2002, 2005, 2007, 2009,
               2012, 2014, 2016, 2018, 2020, 2022, 2024, 2025)
_COUNTY_YEARS = tuple(range(_FIRST_AWARD_YEAR, _LAST_AWARD_YEAR + 1))
# The top honor of a person: national, the 五一 medal (省部级 treatment), province, city, county.
_TOP = _w("national3 medal3 province15 city45 county34")
_HONOR_COUNT = _split_codes("1:50 2:35 3:15")
_REVOKED_SHARE = 0.005
# Who the register's hardship filter (困难) finds until hardship files exist: low income, or a
# grave illness on a modest one; only those who may receive help (alive, title kept, reachable).
# Decided from the generated values, not drawn, so a seed keeps giving the same register.
_HARDSHIP_INCOME = Decimal(3000)
_HARDSHIP_ILLNESS_INCOME = Decimal(4500)
_GRAVE_ILLNESSES = frozenset({"恶性肿瘤", "严重帕金森病", "严重阿尔茨海默病"})


def _in_hardship(row: dict[str, Any]) -> bool:
    if row["life_status"] != "alive" or row["is_revoked"] or row["is_emigrated"] \
            or row["is_lost_contact"]:
        return False
    income = row.get("monthly_income")
    if income is None:
        return False
    return bool(income < _HARDSHIP_INCOME or (
        row.get("health_status") in _GRAVE_ILLNESSES and income < _HARDSHIP_ILLNESS_INCOME))


_REVOKE_REASONS = ("严重违纪违法被撤销称号", "受到刑事处罚被撤销称号", "弄虚作假骗取荣誉被撤销称号")

# -- people ---------------------------------------------------------------------------------

_BIRTH_YEARS = _Weighted(
    [(y, 0.6 if y < 1945 or y > 1984 else 1.0 if y < 1955 or y > 1974 else 1.4)
     for y in range(1935, 1991)]
)
_MALE_SHARE = 0.68
_FARMER_SHARE = 0.04
_LEGACY15_SHARE_OLD = 0.025  # of those born before 1965 (≈1% of the register)
_EMIGRATED_SHARE = 0.004
_LOST_CONTACT_SHARE = 0.006
_TRANSFER_SHARE = 0.05
_RETIRE_EVENT_SHARE = 0.4
_ETHNICITY = _split_codes("01:985 22:5 03:2 15:2 06:2 08:2 11:2", "ethnicity_GB_3304")
_POLITICAL_OLD = _split_codes(
    "01:58 12:1 13:35 07:1 05:1 10:1 06:1 08:.5 09:.5", "political_GB_T_4762"
)
_POLITICAL_YOUNG = _split_codes(
    "01:50 02:3 03:8 13:35 07:1 05:1 10:1 06:1", "political_GB_T_4762"
)
_EDUCATION = tuple(
    (limit, _split_codes(spec, "education_GB_T_4658_2006_top"))
    for limit, spec in (
        (1950, "80:30 70:35 60:15 40:12 30:5 20:3"),
        (1965, "80:10 70:30 60:25 40:15 30:12 20:7 10:1"),
        (1980, "70:12 60:15 40:20 30:25 20:23 10:5"),
        (9999, "60:5 40:15 30:30 20:40 10:10"),
    )
)
_HEALTH_OLD = _w("良好10 高血压病3 心血管病2 糖尿病2 腰颈椎病2 脑血管病1 一般疾病3 肺病1 "
                 "恶性肿瘤.6 严重阿尔茨海默病.3 严重帕金森病.2")
_HEALTH_YOUNG = _w("良好30 一般疾病3 腰颈椎病2 高血压病1 糖尿病.5")
_SPOUSE_HEALTH = _w("良好6 一般疾病2 高血压病1 糖尿病.5 已故.3")
_EMIGRATE_TO = ("加拿大", "澳大利亚", "美国", "新西兰", "新加坡", "日本")
_DEATH_REASONS = _w("病故8 因病医治无效去世3 意外身故.5")
_MOBILE_PREFIX = _split_codes("13:5 15:3 18:3 17:1 19:1 16:.3 14:.3")


_PERSON = cast(Table, Person.__table__)
_HONOR = cast(Table, Honor.__table__)
_EVENT = cast(Table, PersonEvent.__table__)


def _blank(table: Table) -> dict[str, Any]:
    return {c.name: None for c in table.columns}


@dataclass
class _Batch:
    persons: list[dict[str, Any]] = field(default_factory=list)
    honors: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)


class _Generator:
    """Makes rows; owns the random stream, so the same seed gives the same register."""

    def __init__(
        self,
        rng: random.Random,
        districts: Sequence[District],
        used_numbers: set[str],
        recorded_by: str,
        now: dt.datetime,
    ) -> None:
        self.rng = rng
        self.used = used_numbers
        self.recorded_by = recorded_by
        self.now = now
        self.places: list[tuple[uuid.UUID, str, _Place]] = []
        for d in districts:
            self.places.append((d.id, d.name, self._place(d)))
        self.district = _Weighted((i, p[2].weight) for i, p in enumerate(self.places))
        self.person_blank = _blank(_PERSON)
        self.honor_blank = _blank(_HONOR)
        self.event_blank = _blank(_EVENT)

    # -- set-up ---------------------------------------------------------------------------

    @staticmethod
    def _place(d: District) -> _Place:
        spec = _PLACES.get(d.name)
        if spec is None:  # a district this generator has no detail for: plausible defaults
            code = d.gbt2260 or "330500"
            return _Place(
                regions=_Weighted([(code, 1.0)]), hukou_region=code,
                address_prefix=f"浙江省{d.name}", unit_prefix=d.name, company_places=("浙江",),
                towns=("城关镇", "城南街道", "城北街道"), postcode="313000", native="浙江",
                honor_title=d.name, honor_body=f"{d.name}人民政府",
                honor_doc=f"{d.name[0]}政发", honor_since=_FIRST_AWARD_YEAR, weight=50.0,
            )
        (regions, hukou, address, unit, companies, towns, postcode, native, title, body, doc,
         since, weight) = spec
        return _Place(
            regions=_split_codes(regions), hukou_region=hukou,
            address_prefix=address, unit_prefix=unit, company_places=companies, towns=towns,
            postcode=postcode, native=native, honor_title=title, honor_body=body,
            honor_doc=doc, honor_since=since, weight=weight,
        )

    def new_id(self) -> uuid.UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def date_between(self, lo: dt.date, hi: dt.date) -> dt.date:
        if hi <= lo:
            return lo
        return lo + dt.timedelta(days=self.rng.randrange((hi - lo).days + 1))

    # -- one chunk ------------------------------------------------------------------------

    def batch(self, n: int) -> _Batch:
        out = _Batch()
        for _ in range(n):
            self.person(out)
        return out

    def name(self, sex: str, born: int) -> str:
        rng = self.rng
        surname = _SURNAMES.pick(rng)
        pool = _GIVEN[(sex, born < 1965)]
        if rng.random() < _ONE_CHAR_GIVEN_SHARE:
            given = [pool.pick(rng)]
        else:
            given = [pool.pick(rng), pool.pick(rng)]
            if given[0] == given[1] and rng.random() < 0.7:  # 荣荣 happens, but not that often
                given[1] = pool.pick(rng)
        if rng.random() < _RARE_SHARE:
            given[rng.randrange(len(given))] = _RARE.pick(rng)
        return surname + "".join(given)

    def id_number(self, region: str, born: dt.date, male: bool) -> str:
        rng = self.rng
        for _attempt in range(50):
            half = rng.randrange(1, 500)
            sequence = half * 2 - 1 if male else half * 2  # odd for men, even for women
            number = idnumber.make(region, born, sequence)
            if number not in self.used:
                self.used.add(number)
                return number
        raise AppError("demo_id_space_exhausted", region=region, birth_date=born.isoformat())

    def person(self, out: _Batch) -> None:
        rng = self.rng
        district_index = self.district.pick(rng)
        district_id, _district_name, place = self.places[district_index]
        pid = self.new_id()

        # identity
        male = rng.random() < _MALE_SHARE
        sex = "1" if male else "2"
        year = _BIRTH_YEARS.pick(rng)
        born = self.date_between(dt.date(year, 1, 1), dt.date(year, 12, 31))
        origin = _REGION_ORIGIN.pick(rng)
        if origin == "local":
            region = place.regions.pick(rng)
            native = place.native
        elif origin == "zhejiang":
            region, native = _OTHER_ZHEJIANG[rng.randrange(len(_OTHER_ZHEJIANG))]
        else:
            region, native = _OTHER_PROVINCES[rng.randrange(len(_OTHER_PROVINCES))]
        legacy15 = year < 1965 and rng.random() < _LEGACY15_SHARE_OLD
        number = self.id_number(region, born, male)
        name = self.name(sex, year)
        pinyin, initials = name_keys(name)
        age = age_on(born, AS_OF)

        # work
        farmer = place.honor_title != "" and rng.random() < _FARMER_SHARE
        kind = "village" if farmer else _UNIT_KINDS.pick(rng)
        town = place.towns[rng.randrange(len(place.towns))]
        unit = self.work_unit(kind, place, town)
        public = kind in _PUBLIC
        retire_age = 60 if male else (55 if public else 50)
        retired = age >= retire_age
        if farmer:
            employment = "其他" if age >= 60 else "在职"
        elif retired:
            employment = "离退休"
        else:
            r = rng.random()
            if 1950 <= year <= 1975 and kind in ("collective", "private") and r < 0.04:
                employment = "下岗(买断工龄)"
            elif r < 0.06:
                employment = "自谋职业"
            elif r < 0.07:
                employment = "其他"
            else:
                employment = "在职"
        position = _POSITIONS[kind].pick(rng)
        title = _TITLES[kind].pick(rng)
        grade = _GRADES.pick(rng) if kind in ("private", "soe", "collective", "service") else "-"

        # honors
        honors = self.honors(pid, district_id, place, kind, born)
        revoked = rng.random() < _REVOKED_SHARE
        last_year = max(h["year"] for h in honors)
        if revoked:
            revoked_on = self.date_between(dt.date(min(last_year + 1, AS_OF.year), 1, 1), AS_OF)
            reason = _REVOKE_REASONS[rng.randrange(len(_REVOKE_REASONS))]
            for h in honors:
                h["revoked_date"] = revoked_on
                h["revoke_reason"] = reason
        level = derived_treatment_level(
            HonorFacts(h["level"], h["revoked_date"] is not None) for h in honors
        )
        top = highest_honor(
            HonorLabel(h["title"], h["level"], h["year"], h["revoked_date"] is not None)
            for h in honors
        )
        out.honors.extend(honors)

        # life events
        events: list[tuple[str, dt.date, str, dict[str, Any] | None]] = []
        if revoked:
            events.append(("revoke", honors[0]["revoked_date"], honors[0]["revoke_reason"],
                           {"honors": len(honors)}))
        deceased = rng.random() < self._death_probability(age)
        death_date: dt.date | None = None
        if deceased:
            lo = max(dt.date(last_year + 1, 1, 1), _add_years(born, 50))
            if lo <= AS_OF:
                death_date = self.date_between(lo, AS_OF)
                events.append(("death", death_date, _DEATH_REASONS.pick(rng), None))
                if age_on(born, death_date) < retire_age and employment == "离退休":
                    employment = "在职"
        retire_on = _add_years(born, retire_age)
        if (employment == "离退休" and rng.random() < _RETIRE_EVENT_SHARE
                and (death_date is None or retire_on < death_date)):
            events.append(("retire", retire_on, "到龄退休", None))
        if not farmer and rng.random() < _TRANSFER_SHARE:
            lo = dt.date(max(last_year, born.year + 25), 1, 1)
            hi = min(death_date or AS_OF, retire_on if retired else AS_OF)
            if lo < hi:
                old_unit = self.work_unit(kind, place, town)
                events.append(("transfer", self.date_between(lo, hi), "调离原单位",
                               {"from": old_unit, "to": unit}))
        emigrated = lost = False
        if death_date is None:
            r = rng.random()
            if r < _EMIGRATED_SHARE:
                emigrated = True
                events.append(("emigrate", self.date_between(dt.date(2000, 1, 1), AS_OF),
                               "移居国(境)外",
                               {"country": _EMIGRATE_TO[rng.randrange(len(_EMIGRATE_TO))]}))
            elif r < _EMIGRATED_SHARE + _LOST_CONTACT_SHARE:
                lost = True
                events.append(("lost_contact", self.date_between(dt.date(2015, 1, 1), AS_OF),
                               "多次联系未果", None))
        for kind_, when, reason, details in events:
            row = self.event_blank.copy()
            row.update(
                id=self.new_id(), created_at=self.now, updated_at=self.now, row_version=1,
                origin_district_id=district_id, person_id=pid, kind=kind_, event_date=when,
                reason=reason, recorded_by=self.recorded_by,
                details=None if details is None else json.dumps(details, ensure_ascii=False),
            )
            out.events.append(row)

        row = self.person_blank.copy()
        row.update(
            id=pid, created_at=self.now, updated_at=self.now, row_version=1,
            origin_district_id=district_id, district_id=district_id,
            name=name, name_pinyin=pinyin, name_initials=initials, id_number=number,
            id_legacy15=legacy15, sex=sex, birth_date=born,
            native_place=native, work_unit=unit, position=position,
            unit_type=_UNIT_TYPE[kind], industry=_INDUSTRY[kind].pick(rng),
            professional_title=None if title == "-" else title,
            technical_grade=None if grade == "-" else grade,
            employment_status=employment,
            is_farmer_model=farmer, life_status="alive" if death_date is None else "deceased",
            death_date=death_date, is_revoked=revoked, is_emigrated=emigrated,
            is_lost_contact=lost, under_investigation=False, treatment_level=level,
            highest_honor=top, in_hardship=False,
        )
        self.personal_details(row, place, town, born, age, male, farmer, retired, deceased)
        row["in_hardship"] = _in_hardship(row)
        row["search_text"] = search_text(name, pinyin, initials, number, unit, row["phone"],
                                         row["mobile"])
        out.persons.append(row)

    def personal_details(
        self, row: dict[str, Any], place: _Place, town: str, born: dt.date, age: int,
        male: bool, farmer: bool, retired: bool, deceased: bool,
    ) -> None:
        """Code-table fields, contact, household and health."""
        rng = self.rng
        year = born.year
        row["ethnicity"] = _ETHNICITY.pick(rng)
        political = (_POLITICAL_OLD if year < 1970 else _POLITICAL_YOUNG).pick(rng)
        if political == "03" and age > 35:
            political = "13"  # 共青团员 only up to 28, give or take
        row["political_status"] = political
        if political in ("01", "02"):
            lo = _add_years(born, 20)
            hi = min(AS_OF, _add_years(born, 45))
            row["party_join_date"] = (
                self.date_between(dt.date(AS_OF.year - 1, 1, 1), AS_OF) if political == "02"
                else self.date_between(lo, hi)
            )
        education = next(w for limit, w in _EDUCATION if year < limit).pick(rng)
        row["education"] = education
        if education == "10":
            row["degree"] = "博士" if rng.random() < 0.15 else "硕士"
        elif education == "20":
            row["degree"] = "学士"
        row["work_start_date"] = self.date_between(_add_years(born, 16), _add_years(born, 24))
        # marriage
        if age < 30 and rng.random() < 0.4:
            marital = "10"
        elif age >= 70 and rng.random() < 0.25:
            marital = "30"
        else:
            r = rng.random()
            marital = "40" if r < 0.04 else "10" if r < 0.05 else "20"
        row["marital_status"] = marital
        if marital in ("20", "30"):
            spouse_sex = "2" if male else "1"
            spouse_year = min(max(year + rng.randint(-3, 5) * (1 if male else -1), 1930), 1995)
            row["spouse_name"] = self.name(spouse_sex, spouse_year)
            row["spouse_birth_date"] = self.date_between(
                dt.date(spouse_year, 1, 1), dt.date(spouse_year, 12, 31)
            )
            row["spouse_health"] = "已故" if marital == "30" else _SPOUSE_HEALTH.pick(rng)
            if marital == "20":
                row["spouse_income"] = Decimal(rng.randrange(150, 900) * 10)
        # contact
        if not (year < 1945 and rng.random() < 0.2):
            row["mobile"] = f"1{_MOBILE_PREFIX.pick(rng)[1]}{rng.randrange(10**9):09d}"
        if year < 1965 and rng.random() < 0.6:
            row["phone"] = f"0572-{rng.randrange(2000000, 6000000)}"
        row["address"] = self.address(place, town, farmer)
        row["postcode"] = place.postcode
        row["hukou_type"] = "农业" if farmer else ("非农业" if rng.random() < 0.8 else "农转居")
        row["hukou_region"] = place.hukou_region
        # health, income, household
        row["health_status"] = (_HEALTH_OLD if age >= 65 else _HEALTH_YOUNG).pick(rng)
        if rng.random() < 0.005:
            row["disability_type"] = "肢体残疾"
            row["disability_grade"] = "四级(轻度)" if rng.random() < 0.6 else "三级(中度)"
        row["insurance"] = (
            "城乡居民基本养老保险、城乡居民基本医疗保险" if farmer
            else "城镇职工基本养老保险、城镇职工基本医疗保险"
        )
        if not deceased:
            low, high = (200, 600) if farmer else (300, 800) if retired else (450, 1500)
            row["monthly_income"] = Decimal(rng.randrange(low, high) * 10)
        row["household_size"] = rng.choice((1, 2, 2, 2, 3, 3, 3, 4, 4, 5, 6))

    def work_unit(self, kind: str, place: _Place, town: str) -> str:
        rng = self.rng
        p = place.unit_prefix
        if kind == "private":
            where = place.company_places[rng.randrange(len(place.company_places))]
            brand = _BRANDS[rng.randrange(len(_BRANDS))]
            trade = _TRADES[rng.randrange(len(_TRADES))]
            return f"{where}{brand}{trade}{_COMPANY_SUFFIX.pick(rng)}"
        if kind == "village":
            head = _VILLAGE_HEADS[rng.randrange(len(_VILLAGE_HEADS))]
            tail = _VILLAGE_TAILS[rng.randrange(len(_VILLAGE_TAILS))]
            return f"{p}{town}{head}{tail}村"
        templates: Sequence[str] = {
            "soe": _SOE, "collective": _COLLECTIVE, "hospital": _HOSPITALS, "school": _SCHOOLS,
            "gov": _GOV, "service": _SERVICE,
        }[kind]
        if kind == "hospital" and rng.random() < 0.3:
            return _CITY_HOSPITALS[rng.randrange(len(_CITY_HOSPITALS))]
        if kind == "school" and rng.random() < 0.2:
            return _CITY_SCHOOLS[rng.randrange(len(_CITY_SCHOOLS))]
        short = p.removeprefix("湖州市") if kind == "soe" and p != "湖州市" else p
        return templates[rng.randrange(len(templates))].format(p=short, t=town)

    def address(self, place: _Place, town: str, rural: bool) -> str:
        rng = self.rng
        if rural:
            head = _VILLAGE_HEADS[rng.randrange(len(_VILLAGE_HEADS))]
            tail = _VILLAGE_TAILS[rng.randrange(len(_VILLAGE_TAILS))]
            return (f"{place.address_prefix}{town}{head}{tail}村"
                    f"{rng.randint(1, 12)}组{rng.randint(1, 90)}号")
        road = _ROADS[rng.randrange(len(_ROADS))]
        if rng.random() < 0.3:
            return f"{place.address_prefix}{town}{road}{rng.randint(1, 400)}号"
        estate = _ESTATES[rng.randrange(len(_ESTATES))]
        return (f"{place.address_prefix}{town}{road}{estate}小区{rng.randint(1, 40)}幢"
                f"{rng.randint(1, 4)}单元{rng.randint(1, 18)}0{rng.randint(1, 4)}室")

    @staticmethod
    def _death_probability(age: int) -> float:
        if age >= 85:
            return 0.42
        if age >= 80:
            return 0.26
        if age >= 70:
            return 0.13
        if age >= 60:
            return 0.05
        if age >= 50:
            return 0.02
        return 0.005

    # -- honors ---------------------------------------------------------------------------

    def honors(
        self, pid: uuid.UUID, district_id: uuid.UUID, place: _Place, kind: str, born: dt.date
    ) -> list[dict[str, Any]]:
        """One to three honors: the person's highest, and lower ones won earlier."""
        rng = self.rng
        lo = max(_FIRST_AWARD_YEAR, born.year + rng.randint(23, 27))
        hi = min(_LAST_AWARD_YEAR, born.year + 58)
        # 市本级 awards no county-level honors; 吴兴区 and 南浔区 only since they exist (2003).
        county_from = max(lo, place.honor_since) if place.honor_title else 9999
        top = _TOP.pick(rng)
        if top == "county" and county_from > hi:
            top = "city"
        ladder = ["national", "medal", "province", "city", "county"]
        wanted = int(_HONOR_COUNT.pick(rng))
        lower = ladder[ladder.index(top) + 1:]
        if top == "medal" or (top == "national" and rng.random() < 0.6):
            lower = [lv for lv in lower if lv != "medal"]
        rng.shuffle(lower)
        chosen = [top, *sorted(lower[: wanted - 1], key=ladder.index)]
        rows: list[dict[str, Any]] = []
        ceiling = hi
        for lv in chosen:
            first = county_from if lv == "county" else lo
            years = [y for y in _award_years(lv) if first <= y <= ceiling]
            if not years:
                if rows:
                    continue
                years = [min(_award_years(lv), key=lambda y: abs(y - (lo + hi) // 2))]
            year = years[rng.randrange(len(years))]
            ceiling = year - 1
            rows.append(self.honor_row(pid, district_id, place, kind, lv, year))
        rows.reverse()  # oldest first
        return rows

    def honor_row(
        self, pid: uuid.UUID, district_id: uuid.UUID, place: _Place, kind: str, lv: str,
        year: int,
    ) -> dict[str, Any]:
        rng = self.rng
        worker = "先进工作者" if kind in _PUBLIC else "劳动模范"
        number = rng.randint(2, 60)
        if lv == "national":
            title, level, body = f"全国{worker}", "全国", "中共中央、国务院"
            doc, session = f"中发〔{year}〕{rng.randint(3, 20)}号", f"{year}年全国劳模表彰大会"
        elif lv == "medal":
            title, level, body = "全国五一劳动奖章", "省部级", "中华全国总工会"
            doc, session = f"总工发〔{year}〕{rng.randint(5, 30)}号", f"{year}年"
        elif lv == "province":
            title, level, body = f"浙江省{worker}", "省部级", "浙江省人民政府"
            doc, session = f"浙政发〔{year}〕{number}号", f"{year}年"
        elif lv == "city":
            title, level, body = f"湖州市{worker}", "市级", "湖州市人民政府"
            doc, session = f"湖政发〔{year}〕{number}号", f"{year}年"
        else:
            prefix, body, doc_prefix = place.honor_title, place.honor_body, place.honor_doc
            title, level = f"{prefix}{worker}", "县级"
            doc, session = f"{doc_prefix}〔{year}〕{number}号", f"{year}年"
        row = self.honor_blank.copy()
        row.update(
            id=self.new_id(), created_at=self.now, updated_at=self.now, row_version=1,
            origin_district_id=district_id, person_id=pid, title=title, level=level, year=year,
            session=session, granting_body=body, document_number=doc,
        )
        return row


def _award_years(level: str) -> tuple[int, ...]:
    return {
        "national": _NATIONAL_YEARS, "medal": _MEDAL_YEARS, "province": _PROVINCE_YEARS,
        "city": _CITY_YEARS, "county": _COUNTY_YEARS,
    }[level]


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


class DemoService:
    """Fills the database with a synthetic register (demonstrations, training, load tests)."""

    chunk_size = CHUNK

    def __init__(self, sessions: sessionmaker[Session], actor: Actor) -> None:
        self._sessions = sessions
        self._actor = actor

    def generate(
        self,
        members: int,
        *,
        seed: int = 1,
        progress: Callable[[int, int], None] | None = None,
        is_cancelled: Callable[[], bool] | None = None,
    ) -> DemoResult:
        """Add ``members`` synthetic persons with honors and history, in one transaction.

        Raises ``AppError("cancelled")`` (and writes nothing) when ``is_cancelled`` says so;
        it is asked before every chunk and once more before the commit.
        """
        self._actor.require(Perm.EDIT_PERSONS)
        if not 1 <= members <= MAX_MEMBERS:
            raise ValidationError.single("members", "out_of_range", minimum=1,
                                         maximum=MAX_MEMBERS, value=members)
        started = time.perf_counter()
        rng = random.Random(seed)
        now = dt.datetime.now(dt.UTC)
        honors = events = 0

        def check_cancel() -> None:
            if is_cancelled is not None and is_cancelled():
                raise AppError("cancelled")

        with self._sessions.begin() as s:
            districts = [
                d for d in s.scalars(
                    select(District).where(District.deleted_at.is_(None))
                    .order_by(District.sort_order, District.name)
                )
                if d.kind != "city"
            ]
            # A county association's register holds its own district's model workers only.
            if settings.get(s, settings.MODE) == "county":
                home = str(settings.get(s, "association.district_id"))
                districts = [d for d in districts if str(d.id) == home]
            if not districts:
                raise AppError("no_districts")
            used = {
                n for n in s.scalars(select(Person.id_number).where(Person.id_number.is_not(None)))
                if n is not None
            }
            gen = _Generator(rng, districts, used, self._actor.name, now)
            detail = {"source": "demo", "seed": seed}
            done = 0
            while done < members:
                check_cancel()
                batch = gen.batch(min(self.chunk_size, members - done))
                s.execute(_PERSON.insert(), batch.persons)
                if batch.honors:
                    s.execute(_HONOR.insert(), batch.honors)
                if batch.events:
                    s.execute(_EVENT.insert(), batch.events)
                audit.append_many(
                    s, self._actor,
                    [("person.create", "person", p["id"], detail) for p in batch.persons],
                )
                done += len(batch.persons)
                honors += len(batch.honors)
                events += len(batch.events)
                if progress is not None:
                    progress(done, members)
            check_cancel()
            audit.append_many(s, self._actor, [(
                "demo.generate", None, None,
                {"seed": seed, "persons": done, "honors": honors, "events": events},
            )])
        return DemoResult(persons=done, honors=honors, events=events,
                          seconds=time.perf_counter() - started)
