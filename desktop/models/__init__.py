"""SQLAlchemy ORM entities (no behaviour beyond mapping)."""

from desktop.models.account import AuditEvent, Setting, User
from desktop.models.base import Base
from desktop.models.district import District
from desktop.models.document import DocumentLog
from desktop.models.person import DuplicateDismissal, Honor, Person, PersonEvent

__all__ = [
    "AuditEvent", "Base", "District", "DocumentLog", "DuplicateDismissal", "Honor", "Person",
    "PersonEvent", "Setting", "User",
]
