"""The database's guard against a second live holder of an ID number (issue 16, item 1).

Migration 0012 creates ``uq_person_id_number_live`` (one live person per ID number and origin
district) unless the database already holds such duplicates; then it records
``register.id_unique_pending`` instead of failing or throwing records away, the 查重 page lists
the pairs (same ID number first), and ``ensure`` creates the index in the transaction of the
merge that removes the last one (or of the next import).
"""

from __future__ import annotations

from sqlalchemy import Index, Table, delete, func, select, text
from sqlalchemy.orm import Session

from desktop.models import Person, Setting
from desktop.models.person import ID_LIVE
from desktop.services import settings

PENDING = settings.ID_UNIQUE_PENDING
INDEX_NAME = "uq_person_id_number_live"
_PERSON: Table = Person.__table__  # type: ignore[assignment]


def duplicate_id_numbers(s: Session) -> int:
    """How many (origin district, ID number) pairs more than one live person holds."""
    groups = (select(_PERSON.c.origin_district_id, _PERSON.c.id_number)
              .where(text(ID_LIVE))
              .group_by(_PERSON.c.origin_district_id, _PERSON.c.id_number)
              .having(func.count() > 1).subquery())
    return int(s.scalar(select(func.count()).select_from(groups)) or 0)


def ensure(s: Session) -> bool:
    """Create the deferred index once no duplicate is left; True when it is in place."""
    if settings.get(s, PENDING) is None:
        return True
    left = duplicate_id_numbers(s)
    if left:
        settings.put(s, PENDING, {"id_numbers": left})
        return False
    index: Index = next(i for i in _PERSON.indexes if i.name == INDEX_NAME)
    index.create(s.connection(), checkfirst=True)
    s.execute(delete(Setting).where(Setting.key == PENDING))
    return True
