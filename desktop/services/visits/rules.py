"""Who a visit campaign must reach: its selection rules, the defaults per occasion, and the one
set-based query that finds the persons the rules name, with the reason for each.

Rules are a union (a treatment level, OR an active hardship file, OR the age threshold, OR the
family of a recently deceased model worker), narrowed by the districts and "serving only".
Revoked, emigrated, lost-contact and under-investigation persons are never candidates
(DOMAIN.md: they get no money); deleted and merged-away records neither.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, and_, case, false, or_, select
from sqlalchemy.orm import Session

from desktop.core.domain import age_on
from desktop.core.reference import TREATMENT_LEVELS
from desktop.core.reference_words import OCCASION
from desktop.core.vocabulary import EN, TREATMENT_LEVEL, ZH, label
from desktop.errors import FieldProblem
from desktop.models import District, Person
from desktop.models.visits import OCCASIONS
from desktop.services.holidays import lunar_holidays

__all__ = [
    "AGE_THRESHOLDS",
    "HARDSHIP",
    "LIVE",
    "OCCASIONS",
    "STANDALONE",
    "STANDARD_LEVELS",
    "CampaignDraft",
    "LevelStandard",
    "Rules",
    "check_draft",
    "default_draft",
    "default_rules",
    "default_standards",
    "default_window",
    "matches",
    "reason_words",
    "reasons_text",
    "rule_query",
    "years_before",
]

STANDALONE = ("生日", "住院", "去世/吊唁", "其他")
"""Occasions whose visits are created one by one, not from rules."""
HARDSHIP = "困难"
STANDARD_LEVELS = (*TREATMENT_LEVELS, HARDSHIP)
AGE_THRESHOLDS = (70, 80, 90)


@dataclass(frozen=True)
class Rules:
    """Selection rules of a campaign (stored as JSON)."""

    levels: tuple[str, ...] = ()
    hardship: bool = False
    age_min: int | None = None
    deceased_families: bool = False
    deceased_within_years: int = 5
    districts: tuple[str, ...] = ()  # association district names; empty: all
    employed_only: bool = False

    @property
    def empty(self) -> bool:
        return not (self.levels or self.hardship or self.age_min or self.deceased_families)

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> Rules:
        data: dict[str, Any] = json.loads(text or "{}")
        return cls(
            levels=tuple(data.get("levels") or ()), hardship=bool(data.get("hardship")),
            age_min=data.get("age_min"), deceased_families=bool(data.get("deceased_families")),
            deceased_within_years=int(data.get("deceased_within_years") or 5),
            districts=tuple(data.get("districts") or ()),
            employed_only=bool(data.get("employed_only")),
        )

    def describe(self, lang: str = ZH) -> str:
        """The rules in words: Chinese as printed on the summary, or English for the English
        windows (district names stay as they are)."""
        if not lang.startswith("zh"):
            return self._describe_in_english()
        parts = []
        if self.levels:
            parts.append("待遇级别：" + "、".join(self.levels))
        if self.hardship:
            parts.append("在档困难劳模")
        if self.age_min:
            parts.append(f"年满 {self.age_min} 周岁")
        if self.deceased_families:
            parts.append(f"近 {self.deceased_within_years} 年内去世劳模的家属")
        words = "；或".join(parts) or "（无规则）"
        if self.districts:
            words += "；限区县：" + "、".join(self.districts)
        if self.employed_only:
            words += "；仅在职"
        return words

    def _describe_in_english(self) -> str:
        parts = []
        if self.levels:
            parts.append("treatment level " + ", ".join(
                label(TREATMENT_LEVEL, lv, EN) for lv in self.levels))
        if self.hardship:
            parts.append("an open hardship file")
        if self.age_min:
            parts.append(f"aged {self.age_min} or over")
        if self.deceased_families:
            parts.append(f"families of model workers who died in the last "
                         f"{self.deceased_within_years} years")
        words = "; or ".join(parts) or "(no rules)"
        if self.districts:
            words += "; districts: " + ", ".join(self.districts)
        if self.employed_only:
            words += "; employed only"
        return words


@dataclass(frozen=True)
class LevelStandard:
    """Per-level standard of a campaign: money in fen and goods."""

    level: str
    money_fen: int = 0
    goods: str = ""


@dataclass(frozen=True)
class CampaignDraft:
    """What a clerk fills in to create or change a campaign."""

    occasion: str
    year: int
    title: str
    start_date: dt.date
    end_date: dt.date
    rules: Rules
    standards: tuple[LevelStandard, ...] = ()
    budget_fen: int | None = None
    occasion_date: dt.date | None = None
    notes: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def default_rules(occasion: str) -> Rules:
    if occasion == "元旦春节":
        return Rules(levels=("全国", "省部级"), hardship=True, deceased_families=True)
    if occasion == "五一":
        return Rules(levels=("全国", "省部级"))
    if occasion in ("国庆", "重阳"):
        return Rules(age_min=80)
    if occasion == "中秋":
        return Rules(hardship=True)
    if occasion == "送清凉":
        return Rules(levels=TREATMENT_LEVELS, employed_only=True)
    return Rules()


def default_standards(occasion: str) -> tuple[LevelStandard, ...]:
    """Example amounts (DOMAIN.md): the clerk edits them per campaign."""
    if occasion == "送清凉":
        return tuple(LevelStandard(level, 0, "防暑降温用品") for level in STANDARD_LEVELS)
    if occasion == "元旦春节":
        money = {"全国": 200000, "省部级": 100000, "市级": 50000, "县级": 30000, HARDSHIP: 50000}
        return tuple(LevelStandard(level, money[level], "慰问品一份") for level in STANDARD_LEVELS)
    money = {"全国": 100000, "省部级": 50000, "市级": 30000, "县级": 20000, HARDSHIP: 30000}
    return tuple(LevelStandard(level, money[level], "") for level in STANDARD_LEVELS)


def default_window(occasion: str, year: int) -> tuple[dt.date, dt.date, dt.date | None]:
    """(first day, last day, the day of the occasion) of a campaign."""
    lunar = lunar_holidays(year)
    if occasion == "元旦春节":
        return dt.date(year - 1, 12, 20), lunar["元宵"], lunar["春节"]
    if occasion == "五一":
        return dt.date(year, 4, 15), dt.date(year, 5, 10), dt.date(year, 5, 1)
    if occasion == "国庆":
        return dt.date(year, 9, 15), dt.date(year, 10, 15), dt.date(year, 10, 1)
    if occasion == "重阳":
        day = lunar["重阳"]
        return day - dt.timedelta(days=14), day + dt.timedelta(days=7), day
    if occasion == "中秋":
        day = lunar["中秋"]
        return day - dt.timedelta(days=14), day + dt.timedelta(days=3), day
    if occasion == "送清凉":
        return dt.date(year, 7, 1), dt.date(year, 8, 31), None
    return dt.date(year, 1, 1), dt.date(year, 12, 31), None


def default_draft(occasion: str, year: int) -> CampaignDraft:
    start, end, day = default_window(occasion, year)
    return CampaignDraft(
        occasion=occasion, year=year, title=f"{year}年{occasion}走访慰问"
        if occasion != "送清凉" else f"{year}年夏季送清凉",
        start_date=start, end_date=end, rules=default_rules(occasion),
        standards=default_standards(occasion), occasion_date=day,
    )


def check_draft(draft: CampaignDraft) -> list[FieldProblem]:
    problems: list[FieldProblem] = []
    if draft.occasion not in OCCASIONS:
        problems.append(FieldProblem("occasion", "occasion_unknown", {
            "value": draft.occasion, "known": "、".join(OCCASIONS)}))
    if not 2000 <= draft.year <= 2100:
        problems.append(FieldProblem("year", "out_of_range",
                                     {"minimum": 2000, "maximum": 2100, "value": draft.year}))
    if not draft.title.strip():
        problems.append(FieldProblem("campaign_title", "value_required"))
    if draft.end_date < draft.start_date:
        problems.append(FieldProblem("end_date", "window_reversed"))
    if draft.rules.empty and draft.occasion not in STANDALONE:
        problems.append(FieldProblem("rules", "campaign_no_rules"))
    bad = [lv for lv in draft.rules.levels if lv not in TREATMENT_LEVELS]
    if bad:
        problems.append(FieldProblem("rules", "level_unknown", {"value": "、".join(bad)}))
    if draft.rules.age_min is not None and not 50 <= draft.rules.age_min <= 120:
        problems.append(FieldProblem("age_min", "out_of_range", {
            "minimum": 50, "maximum": 120, "value": draft.rules.age_min}))
    if draft.budget_fen is not None and draft.budget_fen < 0:
        problems.append(FieldProblem("budget", "value_negative"))
    for st in draft.standards:
        if st.level not in STANDARD_LEVELS:
            problems.append(FieldProblem("standards", "level_unknown", {"value": st.level}))
        if st.money_fen < 0:
            problems.append(FieldProblem("standards", "value_negative"))
    return problems


def years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


LIVE = and_(
    Person.deleted_at.is_(None), Person.merged_into_id.is_(None),
    Person.is_revoked.is_(False), Person.is_emigrated.is_(False),
    Person.is_lost_contact.is_(False), Person.under_investigation.is_(False),
)
"""Persons who may receive visits and money at all."""


def rule_query(rules: Rules, ref: dt.date) -> Any:  # a Select of the person columns
    """One row per person the rules name: id and a flag per rule that matched."""
    alive = Person.life_status == "alive"
    level_hit = (and_(alive, Person.treatment_level.in_(rules.levels)) if rules.levels
                 else false())
    hardship_hit = and_(alive, Person.in_hardship.is_(True)) if rules.hardship else false()
    age_hit = (and_(alive, Person.birth_date <= years_before(ref, rules.age_min))
               if rules.age_min else false())
    family_hit: ColumnElement[bool] = false()
    if rules.deceased_families:
        family_hit = and_(
            Person.life_status == "deceased",
            Person.death_date >= years_before(ref, rules.deceased_within_years),
            Person.treatment_level.in_(rules.levels) if rules.levels
            else Person.treatment_level.is_not(None),
        )
    q = select(
        Person.id, Person.name, Person.sex, Person.birth_date, Person.treatment_level,
        Person.in_hardship, Person.life_status, Person.death_date, Person.address,
        Person.district_id,
        case((level_hit, 1), else_=0).label("by_level"),
        case((hardship_hit, 1), else_=0).label("by_hardship"),
        case((age_hit, 1), else_=0).label("by_age"),
        case((family_hit, 1), else_=0).label("by_family"),
    ).where(LIVE, or_(level_hit, hardship_hit, age_hit, family_hit))
    if rules.districts:
        q = q.where(Person.district_id.in_(
            select(District.id).where(District.name.in_(rules.districts))))
    if rules.employed_only:
        q = q.where(Person.employment_status == "在职")
    return q


def reasons_text(rules: Rules, row: Any, level: str | None, birth: dt.date | None,
                 death: dt.date | None, ref: dt.date) -> str:
    """Why the person is on the list, in words: "省部级劳模；在档困难"."""
    parts = []
    if row.by_level:
        parts.append(f"{level}劳模")
    if row.by_hardship:
        parts.append("在档困难")
    if row.by_age and birth is not None:
        parts.append(f"{age_on(birth, ref)} 岁（≥{rules.age_min}）")
    if row.by_family:
        parts.append(f"已故劳模家属（{death.year if death else '?'}年去世）")
    return "；".join(parts)


_REASONS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...] = (
    (re.compile(r"(.+)劳模"), lambda m: f"{label(TREATMENT_LEVEL, m[1], EN)} model worker"),
    (re.compile(r"在档困难"), lambda m: "Hardship file"),
    (re.compile(r"(\d+) 岁（≥(\d+)）"), lambda m: f"Aged {m[1]} (≥{m[2]})"),
    (re.compile(r"已故劳模家属（(.+)年去世）"),
     lambda m: f"Family of a model worker who died in {m[1]}"),
    (re.compile(r"手工添加：(.*)", re.S), lambda m: f"Added by hand: {m[1]}"),
    (re.compile(r"(\d{4})年(.+)已走访"),
     lambda m: f"Visited at {label(OCCASION, m[2], EN)} {m[1]}"),
    (re.compile("|".join(re.escape(o) for o in OCCASIONS)),
     lambda m: label(OCCASION, m[0], EN)),
)


def reason_words(text: str, lang: str) -> str:
    """A stored reason (``reasons_text``, "手工添加：…", an occasion, the coverage's "2026年元旦春节
    已走访") in ``lang``; parts it does not know, and what a clerk typed, stay as they are."""
    if lang.startswith("zh") or not text:
        return text
    out = []
    for part in text.split("；"):
        for pattern, english in _REASONS:
            if (m := pattern.fullmatch(part)) is not None:
                out.append(english(m))
                break
        else:
            out.append(part)
    return "; ".join(out)


def matches(s: Session, rules: Rules, ref: dt.date) -> dict[uuid.UUID, Any]:
    """person id -> its rule row (flags), for the whole register in one statement."""
    return {row.id: row for row in s.execute(rule_query(rules, ref))}
