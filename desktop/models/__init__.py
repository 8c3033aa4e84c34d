"""SQLAlchemy ORM entities (no behaviour beyond mapping)."""

from desktop.models.account import AuditEvent, Setting, User
from desktop.models.base import Base
from desktop.models.district import District
from desktop.models.hardship import (
    HardshipAttachment,
    HardshipCase,
    HardshipMember,
    HardshipPayment,
    HardshipStep,
    Standard,
)
from desktop.models.person import DuplicateDismissal, Honor, Person, PersonEvent

__all__ = [
    "AuditEvent", "Base", "District", "DuplicateDismissal", "HardshipAttachment", "HardshipCase",
    "HardshipMember", "HardshipPayment", "HardshipStep", "Honor", "Person", "PersonEvent",
    "Setting", "Standard", "User",
]
