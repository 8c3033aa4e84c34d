"""SQLAlchemy ORM entities (no behaviour beyond mapping)."""

from desktop.models.account import AuditEvent, Setting, User
from desktop.models.base import Base
from desktop.models.district import District
from desktop.models.document import DocumentLog
from desktop.models.handoff import HandoffItem, HandoffPackage, HandoffPeer, HandoffUndo
from desktop.models.hardship import (
    HardshipAttachment,
    HardshipCase,
    HardshipMember,
    HardshipPayment,
    HardshipStep,
    Standard,
)
from desktop.models.importing import ImportBatch, ImportItem
from desktop.models.person import DuplicateDismissal, Honor, Person, PersonEvent
from desktop.models.visits import (
    RecuperationBatch,
    RecuperationEntry,
    Visit,
    VisitCampaign,
    VisitPhoto,
    VisitStaff,
    VisitStandard,
    VisitTeam,
)

__all__ = [
    "AuditEvent",
    "Base",
    "District",
    "DocumentLog",
    "DuplicateDismissal",
    "HandoffItem",
    "HandoffPackage",
    "HandoffPeer",
    "HandoffUndo",
    "HardshipAttachment",
    "HardshipCase",
    "HardshipMember",
    "HardshipPayment",
    "HardshipStep",
    "Honor",
    "ImportBatch",
    "ImportItem",
    "Person",
    "PersonEvent",
    "RecuperationBatch",
    "RecuperationEntry",
    "Setting",
    "Standard",
    "User",
    "Visit",
    "VisitCampaign",
    "VisitPhoto",
    "VisitStaff",
    "VisitStandard",
    "VisitTeam",
]
