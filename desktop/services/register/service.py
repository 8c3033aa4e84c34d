"""The register (名册) as a list: search, filter, sort, page, count and export, masked.

Built for a keystroke per query at 100,000 persons on SQLite (benchmarks/bench_register_sql.py):

- Every filter of the filter bar is a column of the partial index ``ix_person_register`` (live
  persons only, led by the name sort order), so a free-text ``LIKE`` reads that narrow index
  instead of the wide table, and counting never touches the table.
- The first page of the default sort walks the same index in order and stops after ``limit``
  matches; a short page (fewer rows than asked) *is* the count, so a narrow search costs one
  index scan and a broad one a short walk plus one counting scan.
- Highest honor and district name are columns / a join, never a per-row subquery; an honor
  filter probes the covering index of kept honors (``register_query`` has the SQL details).
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import Table, func, select
from sqlalchemy.orm import Session

from desktop.core.domain import age_on
from desktop.core.masking import birth_shown, mask_id, mask_phone
from desktop.core.reference import EMPLOYMENT_STATUSES, LIFE_DECEASED, code_table
from desktop.core.vocabulary import SEX, zh
from desktop.errors import NotFound, ValidationError
from desktop.models import District, Honor, Person
from desktop.services import audit, settings
from desktop.services.base import Service
from desktop.services.permissions import Perm
from desktop.services.register.query import (
    SORT_KEYS,
    conditions,
    district_query,
    last_recuperation_years,
    order_by,
    search_words,
)
from desktop.services.register.types import MemberRow, RegisterFilter

_LONG_DIGITS = re.compile(r"\d{7,}")
HONOR_TITLES_KEY = "register.honor_titles"
"""[{"title", "level"}]: the honor titles the city recognises (from its reference package)."""


def _masked(summary: dict[str, Any]) -> dict[str, Any]:
    """The filter for the audit detail: a searched ID number or mobile keeps its first four
    and last two digits, so the log never carries a full ID number (issue 16, item 8)."""
    text = summary.get("text")
    if isinstance(text, str):
        summary = {**summary, "text": _LONG_DIGITS.sub(
            lambda m: m.group()[:4] + "*" * (len(m.group()) - 6) + m.group()[-2:], text)}
    return summary

__all__ = ["SORT_KEYS", "RegisterListing", "RegisterService", "filter_summary", "search_words"]

@dataclass(frozen=True)
class RegisterListing:
    """One page of the register and the number of persons the filter matches in all."""

    total: int
    rows: list[MemberRow]


def filter_summary(f: RegisterFilter) -> dict[str, Any]:
    """The fields of a filter that differ from the default (for the audit log)."""
    default = RegisterFilter()
    out: dict[str, Any] = {}
    for name in RegisterFilter.__dataclass_fields__:
        value = getattr(f, name)
        if value != getattr(default, name):
            out[name] = list(value) if isinstance(value, tuple) else value
    return out


LIFE_WORDS = {"alive": "在世", "deceased": "已故"}


def describe_filter(f: RegisterFilter) -> str:
    """The filter in Chinese for an export's header block ("全部（未筛选）" when none): the
    one description of a filter, for the window's export and the command line's alike."""
    parts: list[str] = []
    if f.text.strip():
        parts.append(f"搜索“{f.text.strip()}”")
    if f.districts:
        parts.append("区县 " + "、".join(f.districts))
    if f.treatment_levels:
        parts.append("待遇级别 " + "、".join(x or "无" for x in f.treatment_levels))
    if f.honor_title:
        parts.append(f"荣誉含“{f.honor_title}”")
    if f.honor_year_from is not None or f.honor_year_to is not None:
        parts.append(f"获得年份 {f.honor_year_from or ''}–{f.honor_year_to or ''}")
    if f.employment_statuses:
        parts.append("就业状况 " + "、".join(f.employment_statuses))
    if f.life_statuses:
        parts.append("生存状态 " + "、".join(LIFE_WORDS.get(x, x) for x in f.life_statuses))
    if f.age_min is not None or f.age_max is not None:
        low = "" if f.age_min is None else f.age_min
        high = "" if f.age_max is None else f.age_max
        parts.append(f"年龄 {low}–{high}")
    if f.in_hardship is not None:
        parts.append("困难帮扶 " + ("是" if f.in_hardship else "否"))
    if f.active_only:
        parts.append("仅在册会员（不含已故、撤销称号、移居境外、失联）")
    return "；".join(parts) or "全部（未筛选）"


_ROW_COLUMNS = (
    Person.id, Person.name, Person.sex, Person.birth_date, District.name, Person.work_unit,
    Person.treatment_level, Person.highest_honor, Person.employment_status, Person.life_status,
    Person.mobile, Person.phone, Person.id_number, Person.in_hardship, Person.row_version,
)


EXTRA_COLUMNS: dict[str, str | None] = {
    # person column -> code table whose label is exported (None: the value as stored)
    "political_status": "political_GB_T_4762", "party_join_date": None,
    "ethnicity": "ethnicity_GB_3304", "native_place": None,
    "marital_status": "marital_GB_T_2261_2_2003", "education": "education_GB_T_4658_2006_top",
    "degree": None, "work_start_date": None, "position": None, "unit_type": None,
    "professional_title": None, "technical_grade": None, "hukou_type": None, "address": None,
    "postcode": None, "monthly_income": None, "household_size": None, "health_status": None,
    "insurance": None, "notes": None, "mobile": None,
}
"""Person columns an export may add to the register's own (the ACFTU survey's fields)."""


def export_value(key: str, value: Any, unmask: bool) -> Any:
    """A column value as exported: code-table labels, ISO dates, money as text, the mobile
    masked unless unmasked."""
    if value is None:
        return None
    table = EXTRA_COLUMNS.get(key)
    if table is not None:
        labels = code_table(table)
        if key == "education" and str(value) not in labels:
            labels = code_table("education_GB_T_4658_2006_detail_examples")
        return labels.get(str(value), str(value))
    if key == "mobile" and not unmask:
        return mask_phone(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def member_row(
    today: dt.date, pid: uuid.UUID, name: str, sex: str, born: dt.date | None, district: str,
    unit: str | None, level: str | None, honor: str | None, employment: str | None,
    life: str, mobile: str | None, phone: str | None, number: str | None, hardship: bool,
    version: int, recuperation_year: int | None = None, *, masked: bool = False,
) -> MemberRow:
    """One register line, masked; the column order of ``_ROW_COLUMNS``. ``masked`` (a role
    without the unmask permission): the birth year only, and the age reached this year."""
    if masked:
        year = born.year if born else None
        shown: dt.date | None = None
        age = today.year - year if year is not None else None
    else:
        year, shown, age = (born.year if born else None), born, (
            age_on(born, today) if born else None)
    if life == LIFE_DECEASED:
        age = None  # not an age the dead person would have reached today (died at 50: "90")
    return MemberRow(
        # 0/9 (未知的/未说明的性别: no ID number, none chosen) is no word for a list: empty
        id=pid, name=name, sex=zh(SEX, sex, default=""), birth_date=shown, birth_year=year,
        age=age, district=district, work_unit=unit or "",
        treatment_level=level, highest_honor=honor, employment_status=employment,
        life_status=life, phone=mask_phone(mobile or phone), id_number=mask_id(number),
        in_hardship=bool(hardship), row_version=version,
        last_recuperation_year=recuperation_year,
    )


class RegisterService(Service):
    """The register list for the page and ``laomo members list``. Needs ``Perm.VIEW``.

    Lists read through the reader sessions; unmasking writes an audit entry through the writer
    sessions (the same order as every other service: writer, actor, reader).
    """


    # -- the list -----------------------------------------------------------------------------

    def search(
        self, filter: RegisterFilter, *, sort: str = "name", descending: bool = False,
        offset: int = 0, limit: int = 200,
    ) -> RegisterListing:
        """One page of rows and the total count, read in one transaction."""
        self._require_search(filter)
        with self._read_sessions.begin() as s:
            rows = self._member_rows(s, filter, sort, descending, offset, limit)
            if 0 < len(rows) < limit or (offset == 0 and len(rows) < limit):
                total = offset + len(rows)  # a short page ends the result: no counting scan
            else:
                total = self._count(s, filter)
            return RegisterListing(total=total, rows=rows)

    def rows(
        self, filter: RegisterFilter, *, sort: str = "name", descending: bool = False,
        offset: int = 0, limit: int = 200,
    ) -> list[MemberRow]:
        """A page of rows without the count (``fetchMore``)."""
        self._require_search(filter)
        with self._read_sessions.begin() as s:
            return self._member_rows(s, filter, sort, descending, offset, limit)

    def _require_search(self, filter: RegisterFilter) -> None:
        """Searching by a long run of digits (an ID number or a mobile, whole or most of it)
        confirms who holds it: that is an unmasking and needs its permission, as in the
        window (issue 16, item 8)."""
        self._actor.require(Perm.VIEW)
        if any(_LONG_DIGITS.search(w) for w in search_words(filter.text)):
            self._actor.require(Perm.UNMASK)

    def count(self, filter: RegisterFilter) -> int:
        self._require_search(filter)
        with self._read_sessions.begin() as s:
            return self._count(s, filter)

    # -- choices for the filter bar -----------------------------------------------------------

    @property
    def _masked(self) -> bool:
        """Numbers are masked for this user: a typed number matches only the digits the
        masked views show (issue 14, point 9)."""
        return not self._actor.can(Perm.UNMASK)

    def districts(self) -> list[str]:
        """The districts a person can be managed by, in the association's order; in county
        mode only the association's own district (issue 14: the filter listed all seven)."""
        self._actor.require(Perm.VIEW)
        with self._read_sessions.begin() as s:
            names = list(s.scalars(district_query()))
            if settings.get(s, settings.MODE) == "county":
                home = s.get(District, uuid.UUID(str(settings.get(s, "association.district_id"))))
                if home is not None and home.name in names:
                    return [home.name]
            return names

    def honor_titles(self) -> list[str]:
        """Titles of kept honors, the most frequent first (for the title filter's list).

        Read from the covering index of kept honors alone: joining the persons to leave out
        the deleted ones would take ten times as long for a list that only suggests."""
        self._actor.require(Perm.VIEW)
        stmt = (select(Honor.title)
                .where(Honor.revoked_date.is_(None), Honor.deleted_at.is_(None))
                .group_by(Honor.title).order_by(func.count().desc(), Honor.title))
        with self._read_sessions.begin() as s:
            found = list(s.scalars(stmt))
            listed = [str(t.get("title")) for t in settings.get(s, HONOR_TITLES_KEY, []) or []
                      if isinstance(t, dict) and t.get("title")]
        return found + [t for t in dict.fromkeys(listed) if t not in set(found)]

    def employment_statuses(self) -> list[str]:
        """The standard statuses, then any other value the register holds."""
        self._actor.require(Perm.VIEW)
        stmt = select(Person.employment_status).where(
            Person.employment_status.is_not(None), Person.deleted_at.is_(None),
            Person.merged_into_id.is_(None)).distinct()
        with self._read_sessions.begin() as s:
            found = {v for v in s.scalars(stmt) if v}
        return [*EMPLOYMENT_STATUSES, *sorted(found - set(EMPLOYMENT_STATUSES))]

    # -- export and reveal --------------------------------------------------------------------

    def export(
        self, filter: RegisterFilter, *, unmask: bool = False, reason: str | None = None,
        sort: str = "name", descending: bool = False, limit: int | None = None,
        extra: tuple[str, ...] = (), purpose: str = "list",
    ) -> list[dict[str, Any]]:
        """Rows for ``laomo members list`` (keys as DESIGN.md), honors loaded in one query.

        Unmasked output needs ``Perm.UNMASK`` and a reason; the rows are then read in the same
        write transaction that appends one ``register.unmask_export`` audit entry, so nothing
        unmasked leaves without its trace.
        """
        self._require_search(filter)
        if not unmask:
            with self._read_sessions.begin() as s:
                rows = self._export_rows(s, filter, sort, descending, limit, unmask=False,
                                         extra=extra)
            # a masked list still names people: who took which list of how many, and when,
            # is a question an office must be able to answer (issue 16, item 8)
            with self._sessions.begin() as s:
                audit.append(s, self._actor, "register.export", detail={
                    "purpose": purpose, "count": len(rows),
                    "filter": _masked(filter_summary(filter))})
            return rows
        why = self._reason(reason)
        with self._sessions.begin() as s:
            result = self._export_rows(s, filter, sort, descending, limit, unmask=True,
                                       extra=extra)
            audit.append(s, self._actor, "register.unmask_export", detail={
                "reason": why, "count": len(result), "filter": _masked(filter_summary(filter)),
                **({"purpose": purpose} if purpose != "list" else {}),
            })
            return result

    def document_rows(self, filter: RegisterFilter, *, limit: int | None = None
                      ) -> list[dict[str, Any]]:
        """The masked rows ``export`` gives, for a service that makes a document of them and
        audits that document itself (the membership cards: a preview is logged nowhere, as a
        certificate's preview, an issue as ``document.issue_cards``): not logged here as an
        export of the register."""
        self._require_search(filter)
        with self._read_sessions.begin() as s:
            return self._export_rows(s, filter, "name", False, limit, unmask=False)

    def reveal_id_number(self, person_id: uuid.UUID, reason: str) -> str:
        """One person's full ID number ("" when none is recorded); the reason is audited."""
        why = self._reason(reason)
        with self._sessions.begin() as s:
            person = s.get(Person, person_id)
            if person is None or person.deleted_at is not None:
                raise NotFound("person", person_id)
            audit.append(s, self._actor, "person.reveal_id", entity="person",
                         entity_id=person.id, detail={"reason": why})
            return person.id_number or ""

    def _reason(self, reason: str | None) -> str:
        """Permission first (a viewer is refused whatever the reason), then the reason."""
        self._actor.require(Perm.UNMASK)
        why = (reason or "").strip()
        if not why:
            raise ValidationError.single("reason", "reason_required")
        return why

    def _member_rows(
        self, s: Session, f: RegisterFilter, sort: str, descending: bool, offset: int,
        limit: int,
    ) -> list[MemberRow]:
        today = self._today()
        stmt = (select(*_ROW_COLUMNS).join(District, District.id == Person.district_id)
                .where(*conditions(s, f, today, masked=self._masked))
                .order_by(*order_by(sort, descending, masked=self._masked))
                .offset(offset).limit(limit))
        found = s.execute(stmt).all()
        # the last recuperation year of this page's persons only (one indexed probe each)
        years = last_recuperation_years(s, [r[0] for r in found])
        return [
            member_row(today, pid, name, sex, born, district, unit, level, honor, employment,
                       life, mobile, phone, number, hardship, version, years.get(pid),
                       masked=self._masked)
            for (pid, name, sex, born, district, unit, level, honor, employment, life, mobile,
                 phone, number, hardship, version) in found
        ]

    def _count(self, s: Session, f: RegisterFilter) -> int:
        # Without free text the kept honors are the narrower side: start from them.
        where = conditions(s, f, self._today(), honors_first=not search_words(f.text),
                           masked=self._masked)
        return int(s.scalar(select(func.count()).select_from(Person).where(*where)) or 0)

    def _export_rows(
        self, s: Session, f: RegisterFilter, sort: str, descending: bool, limit: int | None,
        *, unmask: bool, extra: tuple[str, ...] = (),
    ) -> list[dict[str, Any]]:
        unknown = [k for k in extra if k not in EXTRA_COLUMNS]
        if unknown:
            raise ValueError(f"not an export column: {unknown}")
        where = conditions(s, f, self._today(), masked=self._masked)
        order = order_by(sort, descending, masked=self._masked)
        chosen = (select(Person.id).join(District, District.id == Person.district_id)
                  .where(*where).order_by(*order).limit(limit))
        honors: dict[uuid.UUID, list[tuple[int | None, str, str]]] = defaultdict(list)
        honor_stmt = select(Honor.person_id, Honor.year, Honor.title, Honor.level).where(
            Honor.revoked_date.is_(None), Honor.deleted_at.is_(None),
            Honor.person_id.in_(chosen.scalar_subquery() if limit is not None
                                else chosen.order_by(None)))
        for holder, year, title, honor_level in s.execute(honor_stmt):
            honors[holder].append((year, title, honor_level))
        table: Table = Person.__table__  # type: ignore[assignment]
        stmt = (select(*_ROW_COLUMNS, *(table.c[k] for k in extra))
                .join(District, District.id == Person.district_id)
                .where(*where).order_by(*order).limit(limit))
        today = self._today()
        out: list[dict[str, Any]] = []
        width = len(_ROW_COLUMNS)
        for record in s.execute(stmt):
            row: tuple[Any, ...] = tuple(record)
            (pid, name, sex, born, district, unit, level, top, employment, life, mobile, phone,
             number, _hardship, _version) = row[:width]
            contact: str | None = mobile or phone
            kept = sorted(honors.get(pid, ()), key=lambda h: (h[0] is None, h[0] or 0, h[1]))
            out.append({
                "uuid": str(pid), "name": name, "sex": zh(SEX, sex, default="") or None,
                # beside a masked number, the year-month only: the hidden digits are the date
                "birth_date": (born.isoformat() if unmask else
                               birth_shown(born, mask_id(number))) if born else None,
                "id_number": (number if unmask else mask_id(number)) or None,
                "district": district, "work_unit": unit, "employment_status": employment,
                "life_status": life, "treatment_level": level,
                "honors": [{"title": t, "level": lv, "year": y} for y, t, lv in kept],
                "phone": (contact if unmask else mask_phone(contact)) or None,
                # for a role without unmask the age reached this year, as the list shows
                "age": (today.year - born.year if self._masked else age_on(born, today))
                if born and life != LIFE_DECEASED else None, "highest_honor": top,
                **{k: export_value(k, v, unmask) for k, v in zip(extra, row[width:],
                                                                 strict=True)},
            })
        return out
