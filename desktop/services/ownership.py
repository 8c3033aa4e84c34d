"""Who owns a travelling record (DESIGN.md "Who owns what").

Every travelling record is owned by its origin district. At the city, a record that came from a
district (its origin is another district than the city itself) is read-only: the district edits
it and sends it again, or the city sends its correction back in the reference package. Records
the city made itself (市本级 work, city campaigns) stay editable. A county office edits all of
its own records; the rule does not apply there.

Shared by the register, hardship and visit services (which must not import each other's
features), so it knows no feature: only the ``origin_district_id`` column and the settings.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.errors import AppError
from desktop.models import District
from desktop.services import settings

HOME_KEY = "association.district_id"


def home_id(s: Session) -> uuid.UUID | None:
    """This installation's own district row (the city's row at the city)."""
    value = settings.get(s, HOME_KEY)
    return uuid.UUID(str(value)) if value else None


def foreign_owner(s: Session, origin_id: uuid.UUID | None) -> str | None:
    """The name of the district that owns a record with this origin when this office may not
    edit it (only at the city, only another district's record); None when it is editable."""
    if origin_id is None or settings.get(s, settings.MODE) != "city":
        return None
    home = home_id(s)
    if home is None or origin_id == home:
        return None
    name = s.scalar(select(District.name).where(District.id == origin_id))
    return str(name) if name is not None else str(origin_id)


def require_editable(s: Session, row: Any, what: str) -> None:
    """Refuse (nothing written) a change to another district's record at the city, naming the
    district that owns it. ``what`` says which record (e.g. the person's name)."""
    owner = foreign_owner(s, getattr(row, "origin_district_id", None))
    if owner is not None:
        raise AppError("record_owned_by_district", district=owner, what=what)
