"""The register filter as SQL: WHERE terms and ORDER BY keys shaped for the indexes.

Migration 0004 made ``ix_person_register`` (live persons; name pinyin, id, then every column
the filter bar tests) and ``ix_honor_kept`` on kept honors. The terms below are written so
that SQLite, which runs without statistics, picks them: the two "live" terms literally as the
partial index says, ``district_id`` hidden from the seek planner, the honor filter in the form
that suits a page or a count. ``EXPLAIN QUERY PLAN`` of each statement is printed by
``benchmarks/bench_register_sql.py --plans``.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, case, extract, false, func, or_, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

from desktop.core.reference import TREATMENT_LEVELS
from desktop.errors import ValidationError
from desktop.models import District, Honor, Person, RecuperationBatch, RecuperationEntry
from desktop.services.register.types import RegisterFilter

__all__ = [
    "SORT_KEYS", "conditions", "district_query", "last_recuperation_years", "order_by",
    "search_words",
]

SORT_KEYS: tuple[str, ...] = (
    "name", "age", "district", "work_unit", "treatment_level", "highest_honor",
    "employment_status", "life_status",
)
_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_LIKE_ESCAPE = "\\"
_DISTRICTS_KEY = "register.districts"


def search_words(text: str) -> list[str]:
    """The words of a free-text filter as they are matched against ``person.search_text``.

    Full-width letters and digits become ASCII (an ID number typed with a Chinese input method),
    everything is lower case (the haystack is, and its ID numbers end in a lower-case x).
    """
    return text.translate(_FULL_WIDTH).lower().split()


def _contains(word: str) -> str:
    escaped = (word.replace(_LIKE_ESCAPE, _LIKE_ESCAPE * 2).replace("%", _LIKE_ESCAPE + "%")
               .replace("_", _LIKE_ESCAPE + "_"))
    return f"%{escaped}%"


def _years_before(day: dt.date, years: int) -> dt.date:
    """The same calendar day ``years`` earlier (28 February for a 29th in a common year)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def _level_rank(column: Any) -> Any:
    """0 for 全国 … 3 for 县级; NULL without a level (sorted last in both directions)."""
    return case({lv: i for i, lv in enumerate(TREATMENT_LEVELS)}, value=column, else_=None)


class _Unindexed(FunctionElement[Any]):
    """``+column`` on SQLite, SQLite's documented way to stop the planner seeking by a term.

    Without statistics it takes ``district_id IN (…)`` for a few rows and seeks
    ``ix_person_district_id``, then sorts a seventh of the register; scanning the covering
    register index in name order is several times faster. Other databases get the column.
    """

    name = "unindexed"
    inherit_cache = True

    def __init__(self, column: Any) -> None:
        super().__init__(column)
        self.type = column.type


@compiles(_Unindexed)
def _plain(element: _Unindexed, compiler: SQLCompiler, **kw: Any) -> str:
    return str(compiler.process(element.clauses, **kw))


@compiles(_Unindexed, "sqlite")
def _plus(element: _Unindexed, compiler: SQLCompiler, **kw: Any) -> str:
    return "+" + str(compiler.process(element.clauses, **kw))


def district_query() -> Select[Any]:
    """Names of the districts a person can be managed by, in the association's order."""
    return (select(District.name)
            .where(District.kind != "city", District.active.is_(True),
                   District.deleted_at.is_(None))
            .order_by(District.sort_order, District.name))


def _district_ids(s: Session, names: Sequence[str]) -> list[uuid.UUID]:
    known: dict[str, uuid.UUID] | None = s.info.get(_DISTRICTS_KEY)
    if known is None:  # once per transaction: a page and its count both need it
        known = {name: did for name, did in s.execute(
            select(District.name, District.id).where(District.deleted_at.is_(None)))}
        s.info[_DISTRICTS_KEY] = known
    unknown = [n for n in names if n.strip() not in known]
    if unknown:
        listed = "、".join(s.scalars(district_query()))
        raise ValidationError.single("district", "unknown_district", name=unknown[0],
                                     known=listed)
    return [known[n.strip()] for n in names]


_DIGITS = re.compile(r"^[0-9x]+$")
_ANY_DIGIT = re.compile(r"[0-9]")


def _visible_match(word: str) -> ColumnElement[bool]:
    """A number typed by a user who may not see full numbers matches only what the masked
    views show: an ID number's first six digits (the region), the last four of an ID number
    or a mobile, the last three of a landline (issue 14: searching "19740802" found the
    person whose hidden digits those are).
    The haystack is "name|pinyin|initials|id|unit|phone|mobile"."""
    like = _contains(word)[1:-1]
    options: list[ColumnElement[bool]] = []
    if len(word) <= 6:
        options.append(Person.id_number.like(f"{like}%", escape=_LIKE_ESCAPE))
    if len(word) <= 4:
        options += [func.lower(Person.id_number).like(f"%{like}", escape=_LIKE_ESCAPE),
                    Person.mobile.like(f"%{like}", escape=_LIKE_ESCAPE)]
    if len(word) <= 3:  # a landline shows its last three digits only (0572-****949)
        options.append(Person.phone.like(f"%{like}", escape=_LIKE_ESCAPE))
    return or_(*options) if options else false()


def _word_match(word: str, masked: bool) -> ColumnElement[bool]:
    """One search word. For a user who may not see full numbers, a number matches only the
    digits the masked views show (``_visible_match``), and a word mixing digits with anything
    else is looked for in the name, its pinyin and the work unit only: in the whole haystack
    a separator or a dash would anchor the hidden digits ("194999|" ends an ID number, "0572-557"
    begins a phone)."""
    if not masked:
        return Person.search_text.like(_contains(word), escape=_LIKE_ESCAPE)
    if _DIGITS.match(word):
        return _visible_match(word)
    if _ANY_DIGIT.search(word) or "|" in word:
        like = _contains(word)
        return or_(*(func.lower(c).like(like, escape=_LIKE_ESCAPE) for c in (
            Person.name, Person.name_pinyin, Person.name_initials, Person.work_unit)))
    return Person.search_text.like(_contains(word), escape=_LIKE_ESCAPE)


def conditions(
    s: Session, f: RegisterFilter, today: dt.date, *, honors_first: bool = False,
    masked: bool = False,
) -> list[ColumnElement[bool]]:
    """The filter as WHERE terms (AND). An honor filter is a correlated ``EXISTS`` (probed per
    person in name order: right for a page) or, ``honors_first``, ``id IN (kept honors)`` (the
    planner starts from the honors: right for counting a whole register)."""
    # The first two must stay literally as they are: they select the partial index.
    conds: list[ColumnElement[bool]] = [Person.deleted_at.is_(None)]
    if not f.include_merged:
        conds.append(Person.merged_into_id.is_(None))
    conds.extend(_word_match(w, masked) for w in search_words(f.text))
    if f.districts:
        conds.append(_Unindexed(Person.district_id).in_(_district_ids(s, f.districts)))
    if f.treatment_levels:
        levels = [lv for lv in f.treatment_levels if lv]
        level_cond: ColumnElement[bool] = (Person.treatment_level.in_(levels) if levels
                                           else false())
        if "" in f.treatment_levels:
            level_cond = or_(level_cond, Person.treatment_level.is_(None))
        conds.append(level_cond)
    if f.employment_statuses:
        conds.append(Person.employment_status.in_(f.employment_statuses))
    if f.life_statuses:
        conds.append(Person.life_status.in_(f.life_statuses))
    if f.active_only:
        conds.extend((Person.life_status == "alive", Person.is_revoked.is_(False),
                      Person.is_emigrated.is_(False), Person.is_lost_contact.is_(False)))
    if f.in_hardship is not None:
        conds.append(Person.in_hardship.is_(f.in_hardship))
    if masked:
        # the age a masked list shows is reached this year (from the birth year alone): the
        # filter counts the same way, so its edges tell nothing of the day (issue 14, point 9)
        if f.age_min is not None:
            conds.append(Person.birth_date < dt.date(today.year - f.age_min + 1, 1, 1))
        if f.age_max is not None:
            conds.append(Person.birth_date >= dt.date(today.year - f.age_max, 1, 1))
    else:
        if f.age_min is not None:
            conds.append(Person.birth_date <= _years_before(today, f.age_min))
        if f.age_max is not None:
            conds.append(Person.birth_date > _years_before(today, f.age_max + 1))
    if f.age_min is not None or f.age_max is not None:
        # an age is a living person's: the register shows 已故 for the others, and "80 岁以上"
        # for 高龄慰问 listed persons long dead
        conds.append(Person.life_status == "alive")
    title = f.honor_title.strip()
    if title or f.honor_year_from is not None or f.honor_year_to is not None:
        # the kept-honor terms literally as ix_honor_kept's WHERE, so SQLite can use it
        honor = select(Honor.person_id).where(
            Honor.revoked_date.is_(None), Honor.deleted_at.is_(None))
        if title:
            honor = honor.where(Honor.title.like(_contains(title), escape=_LIKE_ESCAPE))
        if f.honor_year_from is not None:
            honor = honor.where(Honor.year >= f.honor_year_from)
        if f.honor_year_to is not None:
            honor = honor.where(Honor.year <= f.honor_year_to)
        conds.append(Person.id.in_(honor) if honors_first
                     else honor.where(Honor.person_id == Person.id).exists())
    return conds


def order_by(sort: str, descending: bool, *, masked: bool = False) -> list[Any]:
    """ORDER BY keys for a sort key of ``SORT_KEYS``; ties by name, then id (stable paging).
    Needs ``district`` joined for the district sort. ``masked`` (a role without the unmask
    permission): age sorts by the birth year alone, then by name, since an order by the whole
    date would tell the hidden digits of the ID numbers (issue 14, point 9)."""
    if sort not in SORT_KEYS:
        raise ValueError(f"unknown sort key {sort!r}; expected one of {SORT_KEYS}")
    if sort == "name":  # exactly the index order, walked backwards when descending
        return ([Person.name_pinyin.desc(), Person.id.desc()] if descending
                else [Person.name_pinyin.asc(), Person.id.asc()])
    by_key: dict[str, list[Any]] = {
        "age": [extract("year", Person.birth_date) if masked else Person.birth_date],
        "district": [District.sort_order, District.name],
        "work_unit": [Person.work_unit],
        "treatment_level": [_level_rank(Person.treatment_level)],
        "highest_honor": [Person.highest_honor],
        "employment_status": [Person.employment_status],
        "life_status": [Person.life_status],
    }
    # Age goes up as the birth date goes down; empty values stay at the end either way.
    down = descending != (sort == "age")
    ordered = [(k.desc() if down else k.asc()).nulls_last() for k in by_key[sort]]
    return [*ordered, Person.name_pinyin.asc(), Person.id.asc()]


def last_recuperation_years(s: Session, person_ids: Sequence[uuid.UUID]
                            ) -> dict[uuid.UUID, int]:
    """person -> the last year they went on recuperation (疗休养: a confirmed entry of a batch,
    any organiser), for the rows of one page only: one grouped query probing
    ``ix_recuperation_entry_person_id`` per id, so a page costs the same whatever the register's
    size. Persons never sent are absent."""
    if not person_ids:
        return {}
    stmt = (select(RecuperationEntry.person_id, func.max(RecuperationBatch.year))
            .join(RecuperationBatch, RecuperationBatch.id == RecuperationEntry.batch_id)
            .where(RecuperationEntry.person_id.in_(list(person_ids)),
                   RecuperationEntry.status == "confirmed",
                   RecuperationEntry.deleted_at.is_(None), RecuperationBatch.deleted_at.is_(None))
            .group_by(RecuperationEntry.person_id))
    return {pid: int(year) for pid, year in s.execute(stmt) if year is not None}
