"""Tables the demo generator draws from: names, places, units, honors and shares.

Split from ``demo.py`` so that the generator reads in one sitting; values only.
"""

from __future__ import annotations

import bisect
import random
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Generic, TypeVar

from desktop.core import reference

T = TypeVar("T")

MAX_MEMBERS = 1_000_000
CHUNK = 5000
_LAST_AWARD_YEAR = 2025
_FIRST_AWARD_YEAR = 1978


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
