"""SQLAlchemy ORM entities (no behaviour beyond mapping)."""

from desktop.models.account import AuditEvent, Setting, User
from desktop.models.base import Base
from desktop.models.district import District
from desktop.models.importing import ImportBatch, ImportItem
from desktop.models.person import DuplicateDismissal, Honor, Person, PersonEvent

__all__ = [
    "AuditEvent", "Base", "District", "DuplicateDismissal", "Honor", "ImportBatch", "ImportItem",
    "Person", "PersonEvent", "Setting", "User",
]
