"""Pure rules of the domain that several layers share (Qt-free, no database)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from desktop.core.reference import TREATMENT_LEVELS

# Titles whose treatment level is not what the granting level suggests. 全国五一劳动奖章 is a
# national medal but gives 省部级 treatment (DOMAIN.md); 享受…待遇 titles say their level.
_TITLE_LEVEL_RULES: tuple[tuple[str, str], ...] = (
    ("全国五一劳动奖章", "省部级"),
    ("享受全国劳模待遇", "全国"),
    ("享受省部级", "省部级"),
    ("全国劳动模范", "全国"),
    ("全国先进工作者", "全国"),
    ("全国劳模", "全国"),
    ("省劳动模范", "省部级"),
    ("省先进工作者", "省部级"),
    ("省劳模", "省部级"),
    ("部级", "省部级"),
    ("省五一劳动奖章", "市级"),
    ("市劳动模范", "市级"),
    ("市先进工作者", "市级"),
    ("市劳模", "市级"),
    ("县劳动模范", "县级"),
    ("区劳动模范", "县级"),
    ("县先进工作者", "县级"),
    ("区先进工作者", "县级"),
    ("县劳模", "县级"),  # 县劳模, 长兴县劳模: written in full by the import (full_title)
    ("区劳模", "县级"),
)


# The abbreviations clerks write for the usual titles, and the full title a certificate (荣誉称号
# 证明) must print: the province and city are this association's (浙江省, 湖州市), as the
# register's usual titles are (views/register/honors_table.usual_titles).
PROVINCE, CITY = "浙江省", "湖州市"
_FULL_TITLES: dict[str, str] = {
    "全国劳模": "全国劳动模范",
    "省劳模": f"{PROVINCE}劳动模范",
    f"{PROVINCE}劳模": f"{PROVINCE}劳动模范",
    "市劳模": f"{CITY}劳动模范",
    f"{CITY}劳模": f"{CITY}劳动模范",
}
_COUNTY_SHORT = ("县劳模", "区劳模", "县区劳模")


def full_title(title: str, county: str | None = None) -> str | None:
    """The full title an abbreviation stands for, or None: the title is not one of them (an
    unknown abbreviation stays as written). 全国劳模 → 全国劳动模范, 省劳模 → 浙江省劳动模范,
    市劳模 → 湖州市劳动模范, 长兴县劳模 → 长兴县劳动模范, and 县劳模 → ``county``劳动模范 when
    the row's county or district is known."""
    key = title.replace(" ", "").replace("\u3000", "")
    found = _FULL_TITLES.get(key)
    if found is not None:
        return found
    if key in _COUNTY_SHORT:
        return f"{county}劳动模范" if county and county.endswith(("县", "区")) else None
    if key.endswith(("县劳模", "区劳模")) and len(key) > 3:  # 长兴县劳模, 吴兴区劳模
        return key.removesuffix("劳模") + "劳动模范"
    return None


@dataclass(frozen=True)
class HonorFacts:
    """What the treatment rule needs to know of one honor."""

    level: str
    revoked: bool


_RANKS = {level: rank for rank, level in enumerate(TREATMENT_LEVELS)}
"""0 for 全国 (highest) … 3 for 县级; ``_RANKS.get(level, 99)`` for none or unknown."""


def level_for_title(title: str) -> str | None:
    """The treatment level a title usually carries, or None if the title is not recognised."""
    for needle, level in _TITLE_LEVEL_RULES:
        if needle in title:
            return level
    return None


def derived_treatment_level(honors: Iterable[HonorFacts]) -> str | None:
    """The highest level among kept (not revoked) honors; None without any."""
    best: str | None = None
    best_rank = 99
    for h in honors:
        if h.revoked:
            continue
        rank = _RANKS.get(h.level, 99)
        if rank < best_rank:  # an unknown level (99) never is
            best, best_rank = h.level, rank
    return best


def age_on(birth: dt.date, day: dt.date) -> int:
    """Full years (周岁) on ``day``."""
    years = day.year - birth.year
    if (day.month, day.day) < (birth.month, birth.day):
        years -= 1
    return years


@dataclass(frozen=True)
class HonorLabel:
    """What the register shows of an honor: title, level and year."""

    title: str
    level: str
    year: int | None
    revoked: bool


def best_honor(honors: Iterable[HonorLabel]) -> HonorLabel | None:
    """The highest kept honor, the most recent among equals (None without a kept one)."""
    best: HonorLabel | None = None
    best_key = (0, 0)
    for h in honors:
        if h.revoked:
            continue
        key = (_RANKS.get(h.level, 99), -(h.year or 0))
        if best is None or key < best_key:  # the first of equals stays
            best, best_key = h, key
    return best


def highest_honor(honors: Iterable[HonorLabel]) -> str | None:
    """"全国劳动模范(2015)": the highest kept honor, the most recent among equals."""
    best = best_honor(honors)
    if best is None:
        return None
    label = f"{best.title}({best.year})" if best.year else best.title
    return label[:120]
