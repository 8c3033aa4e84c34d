"""The rules a person's record must keep (issue 3, "Bad input"), without touching the database.

``check_draft`` returns *every* problem of a ``PersonDraft`` at once, each on the field the
dialog shows it next to (honors as ``honors[2].year``), together with what the service derives
from the draft: the normalised ID number, sex and birth date. Lookups that need the database
(district names, duplicate ID numbers) are done by the service around it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import operator
import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any

from sqlalchemy import String, Table

from desktop.core import idnumber, reference
from desktop.core.domain import age_on
from desktop.core.money import round_yuan
from desktop.core.phones import phone_problems
from desktop.errors import FieldProblem, ValidationError
from desktop.models import Honor, Person
from desktop.services.register.types import HonorDraft, PersonDraft

EARLIEST_BIRTH = dt.date(1900, 1, 1)
EARLIEST_HONOR_YEAR = 1949  # honor.year has a CHECK constraint from here on
MIN_WORK_AGE = 14  # nobody starts work, or earns a model-worker honor, before 14
MIN_HONOR_AGE = 14
MAX_MONEY = Decimal("9999999999.99")  # Numeric(12, 2)
MAX_HOUSEHOLD = 99

SEX_CODES = {"1": idnumber.SEX_MALE, "2": idnumber.SEX_FEMALE}
_SEX_OF_ID = {v: k for k, v in SEX_CODES.items()}
_CODE_TABLES: dict[str, tuple[str, ...]] = {
    "sex": ("sex_GB_T_2261_1",),
    "ethnicity": ("ethnicity_GB_3304",),
    "political_status": ("political_GB_T_4762",),
    "education": ("education_GB_T_4658_2006_top", "education_GB_T_4658_2006_detail_examples"),
    "marital_status": ("marital_GB_T_2261_2_2003",),
}
# Middle dots people type instead of U+00B7 in names such as 阿依古丽·买买提.
_DOT = "\u00b7"
_DOT_VARIANTS = str.maketrans({"\u30fb": _DOT, "\u2022": _DOT, "\u2027": _DOT, "\uff65": _DOT})
# Han ideographs, as ranges rather than unicodedata: the Python in use may predate the newest
# CJK extensions, and a rare name character must not be refused for that.
_HAN_RANGES = (
    (0x3007, 0x3007),  # 〇
    (0x3400, 0x4DBF),  # Extension A
    (0x4E00, 0x9FFF),  # the basic block
    (0xF900, 0xFAFF),  # compatibility ideographs
    (0x20000, 0x2A6DF),  # Extension B (𠮷 U+20BB7, 𡒄)
    (0x2A700, 0x2EE5F),  # Extensions C, D, E, F, I
    (0x2F800, 0x2FA1F),  # compatibility supplement
    (0x30000, 0x323AF),  # Extensions G, H
)
# the same characters as one pattern: a name of only these needs no look-up per character
_NAME_CHARS = re.compile("[" + "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in _HAN_RANGES)
                         + _DOT + "]*")
_TEXT_FIELDS = tuple(
    f.name for f in dataclasses.fields(PersonDraft)
    if f.name not in {"name", "district", "id_number", "honors"}
    and str(f.type).startswith("str")
)
_HONOR_TEXT_FIELDS = ("title", "session", "granting_body", "document_number", "revoke_reason",
                      "notes")


@cache  # a few thousand distinct characters; an import asks for 200,000
def is_han(ch: str) -> bool:
    code = ord(ch)
    return any(lo <= code <= hi for lo, hi in _HAN_RANGES)


def clean_name(raw: str) -> str:
    """The name as stored: trimmed, middle-dot look-alikes made U+00B7; characters untouched."""
    return raw.strip().translate(_DOT_VARIANTS)


def clean_text(value: str | None) -> str | None:
    """Trimmed text, or None for blank: an empty field is "not known", not ""."""
    if value is None:
        return None
    value = value.strip()
    return value or None


def money(value: Decimal | None) -> Decimal | None:
    return None if value is None else round_yuan(value)


@cache
def max_length(table: Table, column: str) -> int | None:
    col = table.c.get(column)
    if col is None or not isinstance(col.type, String):
        return None
    return col.type.length


_PERSON = Person.__table__
_HONOR = Honor.__table__
_NAME_LIMIT = max_length(_PERSON, "name")
# Each text field's column limit, looked up once rather than per draft (an import checks 50,000):
# the fields whose column has one. Fields are read with one attrgetter call for them all.
_TEXT_LIMITS = tuple((f, limit) for f in _TEXT_FIELDS
                     if (limit := max_length(_PERSON, f)) is not None)
_HONOR_LIMITS = tuple((f, limit) for f in _HONOR_TEXT_FIELDS
                      if (limit := max_length(_HONOR, f)) is not None)
_LIMITED_TEXTS = operator.attrgetter(*(f for f, _ in _TEXT_LIMITS))
_LIMITED_HONOR_TEXTS = operator.attrgetter(*(f for f, _ in _HONOR_LIMITS))
_TEXTS = operator.attrgetter(*_TEXT_FIELDS)
_OTHER_FIELDS = ("name", "id_number", "id_legacy15", "birth_date", "party_join_date",
                 "work_start_date", "spouse_birth_date", "monthly_income", "spouse_income",
                 "household_size", "is_farmer_model")  # person_values' columns after the texts


def name_problems(name: str) -> list[FieldProblem]:
    if not name:
        return [FieldProblem("name", "name_empty")]
    bad = [] if _NAME_CHARS.fullmatch(name) else \
        sorted({ch for ch in name if not (is_han(ch) or ch == _DOT)})
    if bad or name.startswith(_DOT) or name.endswith(_DOT) or _DOT * 2 in name:
        return [FieldProblem("name", "name_invalid_chars", {"chars": "".join(bad) or _DOT})]
    if _NAME_LIMIT is not None and len(name) > _NAME_LIMIT:
        return [FieldProblem("name", "too_long", {"maximum": _NAME_LIMIT})]
    return []


def date_problems(
    field: str, value: dt.date | None, today: dt.date, birth: dt.date | None = None,
    before_birth_code: str = "date_before_birth",
) -> list[FieldProblem]:
    """A date that is in the future or (with ``birth``) before the person was born."""
    if value is None:
        return []
    if value > today:
        return [FieldProblem(field, "date_in_future", {"date": value.isoformat()})]
    if birth is not None and value < birth:
        return [FieldProblem(field, before_birth_code, {"birth_date": birth.isoformat()})]
    return []


def text_length_problems(
    table: Table, values: Iterable[tuple[str, str, str | None]]
) -> list[FieldProblem]:
    """``(field shown, column, value)`` triples whose value is longer than the column."""
    out: list[FieldProblem] = []
    for field, column, value in values:
        if value is None:
            continue  # most fields of most records: skip the look-up (an import checks 50,000)
        limit = max_length(table, column)
        if limit is not None and len(value) > limit:
            out.append(FieldProblem(field, "too_long", {"maximum": limit}))
    return out


@dataclass(frozen=True)
class Stored:
    """What the rules need to know of the record being edited (None for a new person)."""

    id_number: str | None
    id_legacy15: bool
    death_date: dt.date | None
    honor_ids: frozenset[uuid.UUID]
    phone: str | None = None
    mobile: str | None = None


NEW = Stored(None, False, None, frozenset())


@dataclass(frozen=True)
class Resolved:
    """The draft's identity as it will be stored."""

    name: str
    id_number: str | None
    id_legacy15: bool
    sex: str
    birth_date: dt.date | None


def _identity(
    draft: PersonDraft, stored: Stored, today: dt.date, problems: list[FieldProblem]
) -> tuple[idnumber.IdNumber | None, str | None, bool]:
    raw = clean_text(draft.id_number)
    if raw is None:
        return None, None, False
    if stored.id_number and idnumber.normalise(raw) in (
        idnumber.mask(stored.id_number), stored.id_number
    ):
        # The dialog sends back the masked number it was shown: the number is unchanged.
        try:
            return idnumber.parse(stored.id_number, today=today), stored.id_number, \
                stored.id_legacy15
        except ValidationError:  # an old record with a number today's rules refuse
            return None, stored.id_number, stored.id_legacy15
    try:
        idn = idnumber.parse(raw, today=today)
    except ValidationError as exc:
        problems.extend(exc.problems)
        return None, None, False
    return idn, idn.number, idn.legacy15


@cache
def _codes(field: str) -> frozenset[str]:
    """The codes a code-table field accepts: those of any of its tables."""
    return frozenset().union(*(reference.code_table(t) for t in _CODE_TABLES[field]))


def _code_problems(draft: PersonDraft) -> list[FieldProblem]:
    out: list[FieldProblem] = []
    for field in _CODE_TABLES:
        value = getattr(draft, field)
        if value is None:  # most fields of most records: nothing to clean or look up
            continue
        value = value.strip()
        if value and value not in _codes(field):
            out.append(FieldProblem(field, "code_unknown", {"value": value}))
    status = clean_text(draft.employment_status)
    if status is not None and status not in reference.EMPLOYMENT_STATUSES:
        out.append(FieldProblem("employment_status", "code_unknown", {"value": status}))
    for field, digits in (("hukou_region", 6), ("postcode", 6)):
        value = clean_text(getattr(draft, field))
        if value is not None and (len(value) != digits or not value.isascii()
                                  or not value.isdigit()):
            out.append(FieldProblem(field, "digits_required", {"digits": digits}))
    return out


def _number_problems(draft: PersonDraft) -> list[FieldProblem]:
    out: list[FieldProblem] = []
    for field in ("monthly_income", "spouse_income"):
        value: Decimal | None = getattr(draft, field)
        if value is None:
            continue
        if value < 0:
            out.append(FieldProblem(field, "value_negative"))
        elif value > MAX_MONEY:
            out.append(FieldProblem(field, "out_of_range", {"minimum": 0,
                                                            "maximum": MAX_MONEY}))
    size = draft.household_size
    if size is not None and size < 0:
        out.append(FieldProblem("household_size", "value_negative"))
    elif size is not None and size > MAX_HOUSEHOLD:
        out.append(FieldProblem("household_size", "out_of_range",
                                {"minimum": 0, "maximum": MAX_HOUSEHOLD}))
    return out


def honor_problems(
    index: int, honor: HonorDraft, birth: dt.date | None, today: dt.date,
    known_ids: frozenset[uuid.UUID],
) -> list[FieldProblem]:
    p = f"honors[{index}]"
    out: list[FieldProblem] = []
    if honor.id is not None and honor.id not in known_ids:
        out.append(FieldProblem(f"{p}.id", "honor_unknown"))
    title = honor.title
    if title is None or not title.strip():
        out.append(FieldProblem(f"{p}.title", "value_required"))
    if honor.level not in reference.TREATMENT_LEVELS:
        out.append(FieldProblem(f"{p}.level", "level_unknown", {"value": honor.level}))
    year = honor.year
    if year is not None:
        if year > today.year:
            out.append(FieldProblem(f"{p}.year", "honor_year_future", {"year": year}))
        elif year < EARLIEST_HONOR_YEAR:
            out.append(FieldProblem(f"{p}.year", "honor_year_too_early",
                                    {"minimum": EARLIEST_HONOR_YEAR}))
        elif birth is not None and year < birth.year + MIN_HONOR_AGE:
            out.append(FieldProblem(f"{p}.year", "honor_too_young",
                                    {"birth_year": birth.year, "minimum_age": MIN_HONOR_AGE}))
    revoked = honor.revoked_date
    if revoked is not None:
        out.extend(date_problems(f"{p}.revoked_date", revoked, today))
        if year is not None and revoked.year < year:
            out.append(FieldProblem(f"{p}.revoked_date", "revoked_before_award",
                                    {"year": year}))
    # as typed: an honor's texts are not trimmed for this
    for (f, limit), value in zip(_HONOR_LIMITS, _LIMITED_HONOR_TEXTS(honor), strict=True):
        if value is not None and len(value) > limit:
            out.append(FieldProblem(f"{p}.{f}", "too_long", {"maximum": limit}))
    return out


def check_draft(
    draft: PersonDraft, *, today: dt.date, stored: Stored = NEW
) -> tuple[list[FieldProblem], Resolved]:
    """Every problem of ``draft`` (empty when it can be saved) and its resolved identity."""
    problems: list[FieldProblem] = []
    name = clean_name(draft.name)
    problems.extend(name_problems(name))

    idn, number, legacy = _identity(draft, stored, today, problems)
    sex = draft.sex if draft.sex not in (None, "0") else None
    if idn is not None:
        problems.extend(FieldProblem(code.removesuffix("_mismatch"), code) for code in
                        idnumber.mismatches(idn, sex=SEX_CODES.get(sex or ""),
                                            birth_date=draft.birth_date))
    derived_sex = _SEX_OF_ID[idn.sex] if idn else None
    birth = draft.birth_date or (idn.birth_date if idn else None)
    if birth is not None:
        if birth > today:
            problems.append(FieldProblem("birth_date", "birth_in_future"))
        elif birth < EARLIEST_BIRTH:
            problems.append(FieldProblem("birth_date", "birth_too_early",
                                         {"minimum": EARLIEST_BIRTH.isoformat()}))
        elif stored.death_date is not None and stored.death_date < birth:
            problems.append(FieldProblem("birth_date", "death_before_birth",
                                         {"death_date": stored.death_date.isoformat()}))
    problems.extend(date_problems("party_join_date", draft.party_join_date, today, birth,
                                  "party_join_before_birth"))
    work_start = draft.work_start_date
    if work_start is not None and work_start > today:
        problems.extend(date_problems("work_start_date", work_start, today))
    elif work_start is not None and birth is not None and \
            age_on(birth, work_start) < MIN_WORK_AGE:
        problems.append(FieldProblem("work_start_date", "work_start_too_young",
                                     {"minimum_age": MIN_WORK_AGE}))
    problems.extend(date_problems("spouse_birth_date", draft.spouse_birth_date, today))

    problems.extend(_code_problems(draft))
    problems.extend(_number_problems(draft))
    if draft.phone is not None or draft.mobile is not None:
        # a number as it was stored is kept: recording a death waited for an old mobile of the
        # wrong length (saved before numbers were checked) to be put right
        problems.extend(p for p in phone_problems(draft.phone, draft.mobile)
                        if getattr(draft, p.field) != getattr(stored, p.field))
    if draft.treatment_override is not None:
        if draft.treatment_override not in reference.TREATMENT_LEVELS:
            problems.append(FieldProblem("treatment_override", "level_unknown",
                                         {"value": draft.treatment_override}))
        if clean_text(draft.treatment_override_reason) is None:
            problems.append(FieldProblem("treatment_override_reason", "reason_required"))
    # as text_length_problems of the cleaned texts, with the limits looked up once
    for (f, limit), value in zip(_TEXT_LIMITS, _LIMITED_TEXTS(draft), strict=True):
        if value is not None and len(value.strip()) > limit:
            problems.append(FieldProblem(f, "too_long", {"maximum": limit}))

    seen: set[uuid.UUID] = set()
    for index, honor in enumerate(draft.honors):
        problems.extend(honor_problems(index, honor, birth, today,
                                       stored.honor_ids - seen if seen else stored.honor_ids))
        if honor.id is not None:
            seen.add(honor.id)
    return problems, Resolved(name=name, id_number=number, id_legacy15=legacy,
                              sex=sex or derived_sex or "0", birth_date=birth)


def person_values(draft: PersonDraft, resolved: Resolved) -> dict[str, Any]:
    """The person's own columns as the draft sets them (derived columns are set elsewhere)."""
    return _person_values(draft, resolved, keep_empty=True)


def given_person_values(draft: PersonDraft, resolved: Resolved) -> dict[str, Any]:
    """``person_values`` without the columns it leaves None, in the same order (an import
    keeps only what a row fills: most of a person's columns are empty in a roster)."""
    return _person_values(draft, resolved, keep_empty=False)


def _person_values(draft: PersonDraft, resolved: Resolved, *,
                   keep_empty: bool) -> dict[str, Any]:
    override = draft.treatment_override
    # the texts taken from elsewhere: the resolved sex, the override as given, and its reason
    # only with an override
    special = {"sex": resolved.sex, "treatment_override": override,
               "treatment_override_reason": clean_text(draft.treatment_override_reason)
               if override else None}
    values: dict[str, Any] = {}
    for f, value in zip(_TEXT_FIELDS, _TEXTS(draft), strict=True):
        if f in special:
            value = special[f]
        elif value is not None:
            value = value.strip() or None
        if value is not None or keep_empty:
            values[f] = value
    for f, value in zip(_OTHER_FIELDS, (
            resolved.name, resolved.id_number, resolved.id_legacy15, resolved.birth_date,
            draft.party_join_date, draft.work_start_date, draft.spouse_birth_date,
            money(draft.monthly_income), money(draft.spouse_income), draft.household_size,
            draft.is_farmer_model), strict=True):
        if value is not None or keep_empty:
            values[f] = value
    return values


def honor_values(honor: HonorDraft) -> dict[str, Any]:
    values: dict[str, Any] = {f: clean_text(getattr(honor, f)) for f in _HONOR_TEXT_FIELDS}
    values.update(level=honor.level, year=honor.year, revoked_date=honor.revoked_date)
    return values
