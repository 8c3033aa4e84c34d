"""First pass of an import: every row checked with the person rules and matched by ID number
against what is stored, before anything is written (so an all-or-nothing import knows it will
be refused, and duplicate rows are seen whichever comes first).

The register is read once (ID number -> person for the numbers in the file, in chunks), never
a SELECT per row.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from sqlalchemy import Table, bindparam, select
from sqlalchemy.orm import Session

from desktop.core import idnumber, reference
from desktop.core.domain import (
    HonorFacts,
    HonorLabel,
    derived_treatment_level,
    full_title,
    highest_honor,
)
from desktop.core.search_keys import name_keys, search_text
from desktop.errors import ValidationError
from desktop.exchange.import_rows import PHONE_MOVED, CellIssue, RowInput
from desktop.exchange.import_unitpos import unit_and_position
from desktop.models import Honor, Person
from desktop.services.imports.types import FieldChange, RowProblem
from desktop.services.register.rules import check_draft, clean_text, given_person_values
from desktop.services.register.types import HonorDraft, PersonDraft

PERSON: Table = Person.__table__  # type: ignore[assignment]
HONOR: Table = Honor.__table__  # type: ignore[assignment]
CHUNK = 500
_DRAFT_FIELDS = {f.name for f in dataclasses.fields(PersonDraft)} - {"honors"}
_ROW_FIELDS = frozenset(_DRAFT_FIELDS - {"name", "district", "birth_date"})  # taken as read
_CODE_LABELS = {
    "sex": "sex_GB_T_2261_1", "ethnicity": "ethnicity_GB_3304",
    "political_status": "political_GB_T_4762", "education": "education_GB_T_4658_2006_top",
    "marital_status": "marital_GB_T_2261_2_2003",
}
_LOADED = ("id", "name", "id_number", "id_legacy15", "sex", "birth_date", "district_id",
           "origin_district_id", "row_version", "name_pinyin", "name_initials",
           "death_date", "life_status", *sorted(_DRAFT_FIELDS - {
               "name", "district", "id_number", "sex", "birth_date"}))
_PERSONS_BY_NUMBER = select(*(PERSON.c[c] for c in _LOADED)).where(
    PERSON.c.id_number.in_(bindparam("numbers", expanding=True)),
    PERSON.c.deleted_at.is_(None), PERSON.c.merged_into_id.is_(None))
_HONORS_OF = select(HONOR.c.person_id, HONOR.c.title, HONOR.c.level, HONOR.c.year,
                    HONOR.c.revoked_date).where(
    HONOR.c.person_id.in_(bindparam("ids", expanding=True)), HONOR.c.deleted_at.is_(None))


def _defaults(cls: type) -> dict[str, Any]:
    """Every field in order, with its default (MISSING for those the caller must give). A
    field with a default factory would need ``__init__`` to call it: refused at import."""
    for f in dataclasses.fields(cls):
        if f.default_factory is not dataclasses.MISSING:
            raise TypeError(f"{cls.__name__}.{f.name} has a default factory: build it with "
                            "__init__, not _person_draft/_honor_draft")
    return {f.name: f.default for f in dataclasses.fields(cls)}


_PERSON_DEFAULTS = _defaults(PersonDraft)
_HONOR_DEFAULTS = _defaults(HonorDraft)
_new = object.__new__


def _person_draft(values: dict[str, Any]) -> PersonDraft:
    """``PersonDraft(**values)``, the same instance (fields, ==, hash, repr), built without the
    generated ``__init__``: a frozen dataclass sets each of its 43 fields through
    ``object.__setattr__``, a fifth of planning a row. Only for plain frozen dataclasses without
    ``__post_init__`` (tests/imports/test_import_plan.py keeps it so); ``values`` names fields
    only."""
    draft = _new(PersonDraft)
    object.__setattr__(draft, "__dict__", {**_PERSON_DEFAULTS, **values})
    return draft


@lru_cache(maxsize=4096)  # a file names a few hundred honors; a draft is immutable, shared
def _honor_draft(title: str, level: str, year: int | None) -> HonorDraft:
    """``HonorDraft(title=title, level=level, year=year)``, built as ``_person_draft``."""
    draft = _new(HonorDraft)
    object.__setattr__(draft, "__dict__", {**_HONOR_DEFAULTS, "title": title, "level": level,
                                           "year": year})
    return draft


@dataclass
class Planned:
    """One data row after the first pass."""

    number: int  # Excel's row number
    id_number: str | None  # normalised, when it parses
    status: str  # new | updated | unchanged | rejected | duplicate
    name: str
    problems: list[RowProblem] = field(default_factory=list)
    changes: list[FieldChange] = field(default_factory=list)
    values: dict[str, Any] = field(default_factory=dict)  # person columns to write
    honors: list[dict[str, Any]] = field(default_factory=list)  # honors to add
    person_id: uuid.UUID | None = None
    before: dict[str, Any] = field(default_factory=dict)  # update: stored values replaced
    version: int = 0
    same_as: int | None = None
    stored: tuple[dict[str, Any], list[dict[str, Any]]] | None = None  # what the row says
    warnings: list[RowProblem] = field(default_factory=list)  # shown, not refused


@dataclass
class Context:
    """What the checks need from the database, loaded once per import."""

    districts: dict[str, uuid.UUID]
    home_name: str | None  # county mode: the one district rows may belong to
    county_mode: bool
    existing: dict[str, dict[str, Any]]  # ID number -> stored person columns
    honors: dict[uuid.UUID, list[dict[str, Any]]]  # person id -> kept honors
    today: dt.date
    owners: dict[uuid.UUID, str] = field(default_factory=dict)  # city: another district's


def load_existing(s: Session, numbers: Iterable[str]) -> tuple[
        dict[str, dict[str, Any]], dict[uuid.UUID, list[dict[str, Any]]]]:
    """The live persons holding these ID numbers and their kept honors, in chunks: one
    statement each, compiled once (an expanding IN), rows read as plain tuples."""
    wanted = sorted(set(numbers))
    existing: dict[str, dict[str, Any]] = {}
    for start in range(0, len(wanted), CHUNK):
        result = s.execute(_PERSONS_BY_NUMBER, {"numbers": wanted[start:start + CHUNK]})
        keys = tuple(result.keys())
        for r in result:
            person = dict(zip(keys, r, strict=True))
            existing[person["id_number"]] = person
    honors: dict[uuid.UUID, list[dict[str, Any]]] = {}
    ids = [p["id"] for p in existing.values()]
    for start in range(0, len(ids), CHUNK):
        for person_id, title, level, year, revoked in s.execute(
                _HONORS_OF, {"ids": ids[start:start + CHUNK]}):
            honors.setdefault(person_id, []).append(
                {"person_id": person_id, "title": title, "level": level, "year": year,
                 "revoked_date": revoked})
    return existing, honors


def id_of(row: RowInput) -> str | None:
    """The normalised ID number of a row, if it parses (for matching before the checks)."""
    if row.id_checked:
        return row.id_normal
    raw = row.values.get("id_number")
    row.id_checked = True
    if not raw:
        return None
    try:
        row.id_normal = idnumber.parse(raw).number
    except ValidationError:
        row.id_normal = None
    return row.id_normal


def display(field_name: str, value: Any) -> str:
    if value is None:
        return ""
    table = _CODE_LABELS.get(field_name)
    if table is not None:
        return reference.code_table(table).get(str(value), str(value))
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "是" if value else "否"
    return str(value)


def _problem_field(name: str) -> str:
    base = name.split("[", 1)[0]
    return "honors" if base == "honors" else base


def _settled_by_id(issue: CellIssue, number: str | None) -> bool:
    """"1971.1" may be January or October (Excel drops the 0 of 1971.10); the row's own ID
    number says which, so the row is not refused for it (issue 14). The birth date then comes
    from the ID number."""
    if issue.code != "date_ambiguous" or issue.field != "birth_date" or not number:
        return False
    text = str(issue.params.get("value", ""))
    return text[:4] == number[6:10] and number[10:12] in ("01", "10")


_CN_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")
_TENS = ((re.compile("(?<=[一二三四五六七八九])十(?=[一二三四五六七八九])"), ""),  # 二十三
         (re.compile("十(?=[一二三四五六七八九])"), "1"),  # 十二
         (re.compile("(?<=[一二三四五六七八九])十"), "0"),  # 二十
         (re.compile("十"), "10"))
_NUMBERS = re.compile(r"\d+")


def _birth_from_id(issue: CellIssue, number: str | None) -> bool:
    """An unreadable birth date beside a valid ID number is no reason to refuse the row when
    it says nothing against the number: "不详", a two-digit year (65.3, 65年3月) or one in
    Chinese numerals (一九六五年三月) that agrees with it. The birth date comes from the
    number (said on the row); a date that disagrees is still refused."""
    if issue.code != "date_unreadable" or issue.field != "birth_date" or not number:
        return False
    text = str(issue.params.get("value", ""))
    for pattern, digits in _TENS:
        text = pattern.sub(digits, text)
    parts = _NUMBERS.findall(text.translate(_CN_DIGITS))
    if not parts:
        return True  # 不详, 未知, —: nothing to agree or disagree with
    year, *rest = parts
    if len(rest) > 2 or year not in (number[6:10], number[8:10]):
        return False
    return all(int(given) == int(number[at:at + 2]) for given, at in zip(rest, (10, 12),
                                                                       strict=False))


def _full(title: str, district: str | None, expanded: dict[str, str]) -> str:
    """An abbreviated title written in full (2015年全国劳模 would print verbatim on a 荣誉称号证明),
    remembered in ``expanded`` (full -> as written); any other title as written."""
    full = full_title(title, district)
    if full is None:
        return title
    expanded.setdefault(full, title)
    return full


def _note_expanded(out: Planned, expanded: dict[str, str], columns: dict[str, int]) -> None:
    """Say on the row which abbreviations the honors it adds were written out from (none for an
    honor the register holds already)."""
    pairs = [f"“{expanded[h['title']]}”→“{h['title']}”" for h in out.honors
             if h["title"] in expanded]
    if pairs:
        out.warnings.append(RowProblem(columns.get("honors"), "honors", "honor_title_expanded",
                                       {"pairs": "、".join(dict.fromkeys(pairs))}))


def plan_row(row: RowInput, ctx: Context, columns: dict[str, int]) -> Planned:
    """Check one row; decide new / updated / unchanged / rejected."""
    v = row.values
    name = v.get("name") or ""
    number = id_of(row)
    out = Planned(row.number, number, "rejected", name)
    out.problems = []
    out.warnings = [RowProblem(i.column, i.field, i.code, dict(i.params)) for i in row.notes]
    for i in row.issues:
        if _settled_by_id(i, number):
            continue
        if _birth_from_id(i, number):
            assert number is not None
            out.warnings.append(RowProblem(i.column, i.field, "birth_date_from_id", {
                "value": i.params.get("value", ""),
                "date": f"{number[6:10]}-{number[10:12]}-{number[12:14]}"}))
            continue
        out.problems.append(RowProblem(i.column, i.field, i.code, dict(i.params)))
    if "unit_position" in v:  # 工作单位及职务: one column for the two fields
        _unit_position(v, ctx.existing.get(number or ""), columns, out)
    district = v.get("district")
    if district is None and ctx.county_mode:
        district = ctx.home_name
    if district is None:
        out.problems.append(RowProblem(columns.get("district"), "district", "district_required"))
    elif ctx.county_mode and district != ctx.home_name:
        out.problems.append(RowProblem(columns.get("district"), "district", "district_other",
                                       {"name": district, "home": ctx.home_name}))
    elif district not in ctx.districts:
        out.problems.append(RowProblem(columns.get("district"), "district", "unknown_district",
                                       {"name": district, "known": "、".join(ctx.districts)}))
    birth = v.get("birth_date")
    if birth is not None and row.precision.get("birth_date") in ("month", "year") and number:
        # 1965.03 says less than the ID number; it agrees when year (and month) agree
        year, month = int(number[6:10]), int(number[10:12])  # a parsed 18-character number
        same = year == birth.year and (row.precision["birth_date"] == "year"
                                       or month == birth.month)
        birth = None if same else birth
    expanded: dict[str, str] = {}
    honors = tuple([_honor_draft(_full(h.title, district, expanded), h.level, h.year)
                    for h in row.honors if h.level is not None])
    given = {k: val for k, val in v.items() if k in _ROW_FIELDS}
    given.update(name=name, district=district or "", birth_date=birth, honors=honors)
    draft = _person_draft(given)
    problems, resolved = check_draft(draft, today=ctx.today)
    for p in problems:
        if p.code == "unknown_district" or p.field == "district":
            continue
        key = _problem_field(p.field)
        out.problems.append(RowProblem(columns.get(key), key, p.code, dict(p.params)))
    stored = ctx.existing.get(resolved.id_number or "")
    if stored is not None and stored["name"] != resolved.name:
        out.problems.append(RowProblem(columns.get("id_number"), "id_number", "id_other_person",
                                       {"existing_name": stored["name"]}))
    if out.problems:
        return out
    # only what the row fills: most of a person's fifty columns are empty in a roster, and
    # 50,000 rows of dicts holding them as None were a fifth of an import's memory (a missing
    # key reads as None everywhere below, and is inserted as NULL)
    values = given_person_values(draft, resolved)
    values["district_id"] = ctx.districts[district or ""]
    # honor_values() of these drafts without its other (None) keys: a row's honors have only
    # these three, kept even when None (they are compared with the stored honors)
    new_honors = [{"title": clean_text(h.title), "level": h.level, "year": h.year}
                  for h in honors]
    out.stored = (values, new_honors)
    if stored is None:
        out.status, out.values, out.honors = "new", values, new_honors
        if expanded:
            _note_expanded(out, expanded, columns)
        return out
    if stored["life_status"] == "deceased":  # the death is recorded: nothing to say
        out.warnings = [w for w in out.warnings if w.code != "import_said_deceased"]
    _compare(out, v, values, new_honors, stored, ctx.honors.get(stored["id"], []))
    owner = ctx.owners.get(stored["id"])
    if owner is not None and out.status == "updated":  # read-only at the city: refused
        out.problems.append(RowProblem(columns.get("name"), "name", "record_owned_by_district",
                                       {"district": owner, "what": stored["name"]}))
        out.status = "rejected"
    elif expanded:
        _note_expanded(out, expanded, columns)
    return out


def _unit_position(v: dict[str, Any], stored: dict[str, Any] | None, columns: dict[str, int],
                   out: Planned) -> None:
    """The row's 工作单位及职务 cell as its work unit and position (``import_unitpos``): split
    when certain, else kept whole for a new person and left out for a registered one, with a
    note. A separate 职务 (or 工作单位) column wins for its field."""
    text = v.pop("unit_position")
    if text is None:
        return
    unit = v.get("work_unit")
    if unit is not None:  # a 工作单位 column of its own: the cell only says the position
        if v.get("position") is None:
            v["position"] = unit_and_position(text, registered=True, stored_unit=unit).position
        return
    got = unit_and_position(
        text, v.get("position"), registered=stored is not None,
        stored_unit=stored["work_unit"] if stored is not None else None,
        stored_position=stored["position"] if stored is not None else None)
    v["work_unit"] = got.unit
    if got.note is not None:
        params = {"text": text} if stored is None or got.note == "whole" else {
            "text": text, "unit": stored["work_unit"]}
        out.warnings.append(RowProblem(columns.get("unit_position"), "work_unit",
                                       f"unit_position_{got.note}", params))
    if v.get("position") is None:
        v["position"] = got.position


def _compare(out: Planned, given: dict[str, Any], values: dict[str, Any],
             new_honors: list[dict[str, Any]], stored: dict[str, Any],
             stored_honors: Sequence[dict[str, Any]]) -> None:
    """Field by field: a value the file gives and the register holds differently is a change;
    an empty cell never erases anything."""
    out.person_id = stored["id"]
    out.version = stored["row_version"]
    present = {k for k, x in given.items() if x is not None} | {"name"}
    for key in sorted(present):
        column = "district_id" if key == "district" else key
        if column not in values or column == "id_number":
            continue
        new, old = values[column], stored.get(column)
        if new is None or new == old:
            continue
        out.values[column] = new
        out.before[column] = old
        label = "district" if column == "district_id" else column
        if column != "district_id":
            out.changes.append(FieldChange(label, display(column, old), display(column, new)))
    _phone_moved(out, given.get(PHONE_MOVED), stored)
    for h in new_honors:
        known = any((s["title"] == h["title"] or s["level"] == h["level"])
                    and (s["year"] == h["year"] or h["year"] is None or s["year"] is None)
                    for s in stored_honors)
        if not known:
            out.honors.append(h)
            label = f"{h['title']}({h['year']})" if h["year"] else h["title"]
            out.changes.append(FieldChange("honors", "", label))
    out.status = "updated" if out.changes or out.values else "unchanged"
    if out.status == "updated":
        _derive(out, stored, stored_honors)


def _phone_moved(out: Planned, moved: str | None, stored: dict[str, Any]) -> None:
    """The 联系电话 cell held only a mobile, now the mobile, that the register holds as the
    phone (an earlier import put it there): it leaves the phone, said as a change; and when
    the register has another mobile, that one stays (the file agrees with the register, its
    number is the phone) and nothing changes."""
    if moved is None or not stored.get("phone"):
        return
    if "".join(ch for ch in stored["phone"] if ch.isdigit()).removeprefix("86") != moved:
        return
    if stored.get("mobile") not in (None, moved):
        if out.values.get("mobile") == moved:
            del out.values["mobile"], out.before["mobile"]
            out.changes = [c for c in out.changes if c.field != "mobile"]
        return
    out.values["phone"] = None
    out.before["phone"] = stored["phone"]
    out.changes.append(FieldChange("phone", display("phone", stored["phone"]), ""))


def _derive(out: Planned, stored: dict[str, Any],
            stored_honors: Sequence[dict[str, Any]]) -> None:
    """The derived columns after the update, from what was loaded (no query per row)."""
    merged = {**stored, **out.values}
    if "name" in out.values:
        pinyin, initials = name_keys(merged["name"])
        merged.update(name_pinyin=pinyin or None, name_initials=initials or None)
        out.values.update(name_pinyin=merged["name_pinyin"],
                          name_initials=merged["name_initials"])
    out.values["search_text"] = search_text(
        merged["name"], merged["name_pinyin"], merged["name_initials"], merged["id_number"],
        merged["work_unit"], merged["phone"], merged["mobile"])
    honors = [*stored_honors, *({**h, "revoked_date": None} for h in out.honors)]
    out.values["treatment_level"] = merged["treatment_override"] or derived_treatment_level(
        HonorFacts(h["level"], h["revoked_date"] is not None) for h in honors)
    out.values["highest_honor"] = highest_honor(
        HonorLabel(h["title"], h["level"], h["year"], h["revoked_date"] is not None)
        for h in honors)


def mark_duplicates(planned: list[Planned], columns: dict[str, int]) -> None:
    """Rows repeating an earlier row (same ID, same content) are skipped and mentioned; two
    rows with one ID number and different content are both rejected."""
    first: dict[str, Planned] = {}
    for p in planned:
        number = p.id_number
        if number is None:
            continue
        earlier = first.get(number)
        if earlier is None:
            first[number] = p
            continue
        if p.status != "rejected" and earlier.status != "rejected" and p.stored == earlier.stored:
            p.status, p.same_as = "duplicate", earlier.number
            p.values, p.honors, p.changes = {}, [], []
            continue
        for a, b in ((p, earlier), (earlier, p)):
            a.problems.append(RowProblem(columns.get("id_number"), "id_number",
                                         "id_twice_in_file", {"row": b.number}))
            a.status = "rejected"


MAX_WARNINGS = 3  # possible duplicates named per row


def flag_possible_duplicates(s: Session, planned: Sequence[Planned], columns: dict[str, int],
                             districts: dict[str, uuid.UUID]) -> None:
    """A new row without an ID number cannot be matched by number: warn (not refuse) when the
    register already holds a live person of the same name with the same birth date or the same
    work unit, so the clerk looks before importing a second record of one person. One query per
    500 names, never one per row."""
    rows = [p for p in planned if p.status == "new" and p.id_number is None]
    if not rows:
        return
    names = sorted({p.values["name"] for p in rows})
    found: dict[str, list[dict[str, Any]]] = {}
    for start in range(0, len(names), CHUNK):
        part = names[start:start + CHUNK]
        result = s.execute(select(PERSON.c.name, PERSON.c.birth_date, PERSON.c.work_unit,
                                  PERSON.c.district_id).where(
            PERSON.c.name.in_(part), PERSON.c.deleted_at.is_(None),
            PERSON.c.merged_into_id.is_(None)).order_by(PERSON.c.name, PERSON.c.id))
        for r in result.mappings():
            found.setdefault(r["name"], []).append(dict(r))
    district_names = {i: n for n, i in districts.items()}
    unit_column = columns.get("work_unit", columns.get("unit_position"))
    for p in rows:
        birth = p.values.get("birth_date")
        unit = _unit_key(p.values.get("work_unit"))
        for stored in found.get(p.values["name"], ()):
            if len(p.warnings) >= MAX_WARNINGS:
                break
            params = {"name": stored["name"],
                      "district": district_names.get(stored["district_id"], ""),
                      "birth": display("birth_date", stored["birth_date"]) or "-",
                      "unit": stored["work_unit"] or "-"}
            if birth is not None and stored["birth_date"] == birth:
                p.warnings.append(RowProblem(columns.get("birth_date"), "name",
                                             "possible_duplicate_birth", params))
            elif unit and _unit_key(stored["work_unit"]) == unit:
                p.warnings.append(RowProblem(unit_column, "name", "possible_duplicate_unit",
                                             params))


def _unit_key(unit: str | None) -> str:
    return "".join((unit or "").split())
