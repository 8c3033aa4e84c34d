"""Loading a person, keeping the derived columns right, and turning a row into DTOs.

Shared by ``persons`` (create, edit) and ``person_events`` (status changes): whatever changes a
person calls ``refresh_derived`` before the transaction ends, so the register page, which reads
the stored search keys and levels, never shows a stale level or misses a name.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from sqlalchemy import Date, Numeric, Table, Uuid, select
from sqlalchemy.orm import Session, object_session

from desktop.core import idnumber
from desktop.core.domain import HonorFacts, HonorLabel, derived_treatment_level, highest_honor
from desktop.core.masking import mask_phone
from desktop.core.search_keys import name_keys, search_text
from desktop.errors import FieldProblem, NotFound
from desktop.models import District, Honor, Person, PersonEvent
from desktop.services import ownership, settings
from desktop.services.base import display_names
from desktop.services.register.query import last_recuperation_years
from desktop.services.register.types import EventRow, HonorDraft, PersonDetail, PersonDraft

HOME_DISTRICT_KEY = "association.district_id"
_PERSON: Table = Person.__table__  # type: ignore[assignment]


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def aware(value: dt.datetime) -> dt.datetime:
    """SQLite hands datetimes back naive (they are stored as UTC)."""
    return value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)


def _when(value: dt.datetime | None) -> dt.datetime:
    # a row added in this transaction gets its created_at at flush: it is the newest
    return utcnow() if value is None else aware(value)


def load_person(s: Session, person_id: uuid.UUID, *, lock: bool = False) -> Person:
    """The live (not deleted) person, or ``NotFound``."""
    person = s.get(Person, person_id, with_for_update=lock)
    if person is None or person.deleted_at is not None:
        raise NotFound("person", person_id)
    if lock:  # loaded to be changed: another district's record is read-only at the city
        ownership.require_editable(s, person, person.name)
    return person


def live_honors(person: Person) -> list[Honor]:
    """Honors not deleted, in the order the dialog lists them (year, then entry)."""
    honors = [h for h in person.honors if h.deleted_at is None]
    return sorted(honors, key=lambda h: (h.year is None, h.year or 0, _when(h.created_at)))


def home_district_id(s: Session) -> uuid.UUID | None:
    value = settings.get(s, HOME_DISTRICT_KEY)
    return uuid.UUID(str(value)) if value else None


def districts_by_name(s: Session) -> dict[str, uuid.UUID]:
    rows = s.execute(select(District.name, District.id).where(District.deleted_at.is_(None))
                     .order_by(District.sort_order))
    return {name: did for name, did in rows}


def district_problem(field: str, name: str, known: dict[str, uuid.UUID]) -> FieldProblem:
    return FieldProblem(field, "unknown_district", {"name": name, "known": "、".join(known)})


def refresh_derived(
    person: Person, *, honors: list[Honor] | None = None, keep_name_keys: bool = False
) -> None:
    """Search keys, treatment level, highest honor and the revoked flag from the stored facts.

    ``honors`` replaces the relationship when the caller has just moved honors between persons
    (a merge); ``keep_name_keys`` keeps existing pinyin keys (a merge keeps the kept name's).
    """
    if not (keep_name_keys and person.name_pinyin):
        pinyin, initials = name_keys(person.name)
        person.name_pinyin = pinyin or None
        person.name_initials = initials or None
    person.search_text = search_text(person.name, person.name_pinyin, person.name_initials,
                                     person.id_number, person.work_unit, person.phone,
                                     person.mobile)
    honors = live_honors(person) if honors is None else [
        h for h in honors if h.deleted_at is None]
    derived = derived_treatment_level(HonorFacts(h.level, h.revoked_date is not None)
                                      for h in honors)
    person.treatment_level = person.treatment_override or derived
    person.highest_honor = highest_honor(
        HonorLabel(h.title, h.level, h.year, h.revoked_date is not None) for h in honors)
    person.is_revoked = bool(honors) and all(h.revoked_date is not None for h in honors)


# -- event details: JSON that can be turned back into column values ----------------------------


def dump_value(value: object) -> object:
    """A column value as JSON (dates ISO, UUIDs and money as text)."""
    if isinstance(value, dt.date | uuid.UUID | Decimal):
        return value.isoformat() if isinstance(value, dt.date) else str(value)
    return value


def load_value(column: str, value: Any) -> Any:
    """The inverse of ``dump_value`` for a column of ``person``."""
    if value is None:
        return None
    kind = _PERSON.c[column].type
    if isinstance(kind, Date):
        return dt.date.fromisoformat(value)
    if isinstance(kind, Uuid):
        return uuid.UUID(value)
    if isinstance(kind, Numeric):
        return Decimal(value)
    return value


def event_details(event: PersonEvent) -> dict[str, object]:
    if not event.details:
        return {}
    try:
        data = json.loads(event.details)
    except ValueError:
        return {"text": event.details}
    return data if isinstance(data, dict) else {"value": data}


def event_order(event: PersonEvent) -> tuple[dt.datetime, int]:
    """Recording order: when it was entered, then its sequence number among the person's."""
    seq = event_details(event).get("seq")
    return _when(event.created_at), seq if isinstance(seq, int) else 0


def next_seq(person: Person) -> int:
    seqs = (event_details(e).get("seq") for e in person.events)
    return max((n for n in seqs if isinstance(n, int)), default=0) + 1


def add_event(
    s: Session, person: Person, kind: str, when: dt.date, reason: str | None,
    details: dict[str, object], recorded_by: str,
) -> PersonEvent:
    event = PersonEvent(
        person=person, kind=kind, event_date=when, reason=reason, recorded_by=recorded_by,
        details=json.dumps({"seq": next_seq(person), **details}, ensure_ascii=False),
        origin_district_id=home_district_id(s),
    )
    s.add(event)
    return event


# -- DTOs ----------------------------------------------------------------------------------------

_DRAFT_COLUMNS = (
    "ethnicity", "political_status", "party_join_date", "education", "degree", "native_place",
    "marital_status", "work_start_date", "work_unit", "position", "unit_type", "industry",
    "professional_title", "technical_grade", "employment_status", "phone", "mobile", "address",
    "postcode", "hukou_type", "hukou_region", "health_status", "health_notes",
    "disability_type", "disability_grade", "insurance", "monthly_income", "household_size",
    "spouse_name", "spouse_birth_date", "spouse_income", "spouse_health", "is_farmer_model",
    "treatment_override", "treatment_override_reason", "notes",
)


def honor_draft(h: Honor) -> HonorDraft:
    return HonorDraft(
        id=h.id, title=h.title, level=h.level, year=h.year, session=h.session,
        granting_body=h.granting_body, document_number=h.document_number,
        revoked_date=h.revoked_date, revoke_reason=h.revoke_reason, notes=h.notes,
    )


def event_row(e: PersonEvent, names: Mapping[str, str] | None = None) -> EventRow:
    """``names``: log-in -> display name (``display_names``), so 记录人 reads 李录入."""
    return EventRow(
        id=e.id, kind=e.kind, event_date=e.event_date, reason=e.reason,
        details=event_details(e),
        recorded_by=(names or {}).get(e.recorded_by, e.recorded_by),
        recorded_at=aware(e.created_at), undone=e.undone_at is not None,
    )


def timeline(person: Person) -> tuple[EventRow, ...]:
    """Events newest first: by the day they happened, then by when they were recorded."""
    events = sorted(person.events, key=lambda e: (e.event_date, event_order(e)), reverse=True)
    s = object_session(person)
    names = display_names(s, (e.recorded_by for e in events)) if s is not None else {}
    return tuple(event_row(e, names) for e in events if e.deleted_at is None)


def _year(day: dt.date | None) -> int | None:
    return None if day is None else day.year


_CONFLICT_BIRTH_LINE = re.compile(r"^((?:配偶)?出生日期: .*)$", re.MULTILINE)
_FULL_DATE = re.compile(r"(\d{4})-\d{2}-\d{2}")


def _conflicts_shown(note: str | None, masked: bool) -> str | None:
    """A merge's conflict note; for a masked reader its birth dates keep the year alone."""
    if not note or not masked:
        return note
    return _CONFLICT_BIRTH_LINE.sub(lambda m: _FULL_DATE.sub(r"\1", m.group(1)), note)


def detail(s: Session, person: Person, *, masked: bool = False) -> PersonDetail:
    """The person for the dialog. ``masked`` (a reader without the unmask permission): birth
    dates as years only, phones masked, so nothing beside the masked ID number gives its
    hidden digits back (issue 14, point 9)."""
    masked_id = idnumber.mask(person.id_number) if person.id_number else ""
    district = s.get(District, person.district_id)
    honors = live_honors(person)
    columns = {c: getattr(person, c) for c in _DRAFT_COLUMNS}
    if masked:
        columns.update(spouse_birth_date=None, phone=mask_phone(person.phone) or None,
                       mobile=mask_phone(person.mobile) or None)
    draft = PersonDraft(
        name=person.name, district=district.name if district else "",
        id_number=masked_id or None, sex=person.sex,
        birth_date=None if masked else person.birth_date,
        honors=tuple(honor_draft(h) for h in honors), **columns,
    )
    return PersonDetail(
        masked=masked, birth_year=_year(person.birth_date),
        spouse_birth_year=_year(person.spouse_birth_date),
        id=person.id, row_version=person.row_version, draft=draft, id_number_masked=masked_id,
        id_legacy15=person.id_legacy15,
        derived_treatment_level=derived_treatment_level(
            HonorFacts(h.level, h.revoked_date is not None) for h in honors),
        treatment_level=person.treatment_level, life_status=person.life_status,
        death_date=person.death_date, is_revoked=person.is_revoked,
        is_emigrated=person.is_emigrated, is_lost_contact=person.is_lost_contact,
        merged_into=person.merged_into_id,
        conflict_note=_conflicts_shown(person.conflict_note, masked),
        events=timeline(person),
        last_recuperation_year=last_recuperation_years(s, [person.id]).get(person.id),
        owner=ownership.foreign_owner(s, person.origin_district_id),
    )
