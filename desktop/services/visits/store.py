"""Small helpers the visit services share (loading, the township of an address, chunked reads)."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.errors import NotFound
from desktop.models import District, Person, Visit, VisitCampaign, VisitStandard
from desktop.services import ownership
from desktop.services.permissions import Perm
from desktop.services.visits.rules import STANDARD_LEVELS, LevelStandard

EDIT = Perm.EDIT_PERSONS
"""Clerks plan and record visits and rosters (DESIGN.md: 录入员 … visits, rosters)."""

_TOWNSHIP = re.compile(r"([^省市县区\d]{1,10}?(?:街道|镇|乡))")
CHUNK = 900  # ids per IN list: SQLite allows 999 parameters in old builds

PERSON_COLUMNS = (
    Person.id, Person.name, Person.sex, Person.birth_date, Person.treatment_level,
    Person.in_hardship, Person.life_status, Person.death_date, Person.address, Person.mobile,
    Person.phone, Person.district_id, Person.is_revoked, Person.is_emigrated,
    Person.is_lost_contact, Person.under_investigation, Person.merged_into_id,
    Person.highest_honor, Person.employment_status, Person.health_status, Person.id_number,
    Person.work_unit, Person.position, Person.deleted_at,
)


def clean(text: str | None) -> str | None:
    value = (text or "").strip()
    return value or None


def area_of(address: str | None) -> str | None:
    """The township (镇/乡/街道) of an address, for grouping a team's route."""
    if not address:
        return None
    m = _TOWNSHIP.search(address)
    return m.group(1) if m else None


def ref_date(c: VisitCampaign) -> dt.date:
    """The day ages are counted on: the occasion itself, else the first day of the window."""
    return c.occasion_date or c.start_date


def load_campaign(s: Session, campaign_id: uuid.UUID, *, edit: bool = False) -> VisitCampaign:
    """The campaign; ``edit``: loaded to be changed, refused at the city for a district's."""
    c = s.get(VisitCampaign, campaign_id)
    if c is None or c.deleted_at is not None:
        raise NotFound("visit_campaign", campaign_id)
    if edit:
        ownership.require_editable(s, c, c.title)
    return c


def load_visit(s: Session, visit_id: uuid.UUID, *, edit: bool = False) -> Visit:
    """The visit; ``edit``: loaded to be changed, refused at the city for a district's."""
    v = s.get(Visit, visit_id)
    if v is None or v.deleted_at is not None:
        raise NotFound("visit", visit_id)
    if edit:
        ownership.require_editable(s, v, "走访记录")
    return v


def origin_of(s: Session, c: VisitCampaign | None) -> uuid.UUID | None:
    """A visit's origin: the office that made its campaign (not the visited person's
    district), this office for a visit outside any campaign."""
    if c is not None and c.origin_district_id is not None:
        return c.origin_district_id
    return ownership.home_id(s)


def standards_of(s: Session, campaign_id: uuid.UUID) -> tuple[LevelStandard, ...]:
    rows = {st.level: LevelStandard(st.level, st.money_fen, st.goods or "") for st in s.scalars(
        select(VisitStandard).where(VisitStandard.campaign_id == campaign_id))}
    return tuple(rows[lv] for lv in STANDARD_LEVELS if lv in rows)


def standard_for(standards: tuple[LevelStandard, ...], level: str | None,
                 hardship: bool) -> LevelStandard | None:
    """The standard a person gets: their level's, or the hardship one when that is higher."""
    by_level = {st.level: st for st in standards}
    own = by_level.get(level or "")
    poor = by_level.get("困难") if hardship else None
    if own is None:
        return poor
    if poor is not None and poor.money_fen > own.money_fen:
        return poor
    return own


def district_names(s: Session) -> dict[uuid.UUID, str]:
    return dict(s.execute(select(District.id, District.name)).all())


def persons(s: Session, ids: list[uuid.UUID]) -> list[tuple[Any, str]]:
    """(person columns, district name) for these ids, read in chunks."""
    names = district_names(s)
    out: list[tuple[Any, str]] = []
    for start in range(0, len(ids), CHUNK):
        for p in s.execute(select(*PERSON_COLUMNS).where(
                Person.id.in_(ids[start:start + CHUNK]))):
            out.append((p, names.get(p.district_id, "")))
    return out
