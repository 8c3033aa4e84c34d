"""What the next quarterly package would hold, before it is written (the 报送 wizard's first
step), and the fingerprint of a written package (its last step).

Read-only: the same "since the last acknowledged package" rule as ``HandoffService.export``,
so the counts a clerk sees are the rows that travel.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from desktop.models import AuditEvent, HandoffPackage, HandoffPeer, Person, PersonEvent
from desktop.services.base import Service
from desktop.services.handoff import rows as rowsmod
from desktop.services.permissions import Perm

CONTENT_TABLES = ("person", "honor", "person_event", "hardship_case", "hardship_payment",
                  "visit", "recuperation_batch", "document_log")
"""The tables the 报送 wizard counts (the rest travel with them: members, steps, photos …)."""
CHANGE_KINDS = ("new", "changed", "deleted", "died", "revoked", "moved", "lost_contact")
EVENT_KIND = {"death": "died", "revoke": "revoked", "move_out": "moved", "move_in": "moved",
              "lost_contact": "lost_contact"}
NAMES_SHOWN = 200


@dataclass(frozen=True)
class ChangedPerson:
    name: str
    kind: str  # one of CHANGE_KINDS


@dataclass(frozen=True)
class PackagePreview:
    """The next package of this district: full (the first, or nothing acknowledged yet) or the
    changes since the acknowledged package ``base_sequence`` (of ``base_quarter``)."""

    full: bool
    base_sequence: int
    base_quarter: str | None
    next_sequence: int
    counts: dict[str, int]
    audit_entries: int
    changes: dict[str, int]
    persons: list[ChangedPerson] = field(default_factory=list)
    city: str | None = None  # the trusted city card's name; None: no card trusted yet
    city_fingerprint: str | None = None


@dataclass(frozen=True)
class FileFingerprint:
    size: int
    sha256: str

    @property
    def grouped(self) -> str:
        """The SHA-256 in groups of four, as a clerk reads it over the phone."""
        return " ".join(self.sha256[i:i + 4] for i in range(0, len(self.sha256), 4))


def mask_name(name: str) -> str:
    """A name for a list on screen: the surname and the last character (朱*荣; 王*)."""
    name = (name or "").strip()
    if len(name) <= 1:
        return name
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]


def file_fingerprint(path: Path) -> FileFingerprint:
    """Size and SHA-256 of a written package, read back from where it was written."""
    digest = hashlib.sha256()
    size = 0
    with Path(path).open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
            size += len(block)
    return FileFingerprint(size, digest.hexdigest())


#: How far back a package's changes reach before the last acknowledged snapshot on
#: PostgreSQL, whose writers run while the export reads (SQLite's export holds the writer lock)
OVERLAP = dt.timedelta(minutes=10)


def changes_base(s: Session) -> tuple[list[HandoffPackage], HandoffPackage | None,
                                      dt.datetime | None]:
    """The district's sent packages (by sequence), the last one the city acknowledged, and
    when the next package's changes start (that one's snapshot, less the overlap)."""
    sent = list(s.scalars(select(HandoffPackage).where(
        HandoffPackage.direction == "sent", HandoffPackage.kind == "district")
        .order_by(HandoffPackage.sequence)))
    acked = [p for p in sent if p.state == "acknowledged"]
    base = acked[-1] if acked else None
    snapshot = rowsmod.aware(base.snapshot_at) if base else None
    overlap = dt.timedelta(0) if s.get_bind().dialect.name == "sqlite" else OVERLAP
    return sent, base, snapshot - overlap if snapshot is not None else None


class HandoffPreviewService(Service):
    """报送 step 1: counts and the changes since the last acknowledged package."""

    def preview(self) -> PackagePreview:
        self._actor.require(Perm.VIEW)
        with self._read_sessions.begin() as s:
            sent, base, since = changes_base(s)
            counts = {name: self._count(s, name, since) for name in CONTENT_TABLES}
            audit_from = (base.audit_head_seq or 0) + 1 if base else 1
            audit_entries = int(s.scalar(select(func.count()).select_from(AuditEvent).where(
                AuditEvent.seq >= audit_from)) or 0)
            changes, persons = self._changes(s, since)
            peer = s.scalar(select(HandoffPeer).where(
                HandoffPeer.kind == "city", HandoffPeer.revoked_at.is_(None)))
            return PackagePreview(
                full=base is None, base_sequence=base.sequence if base else 0,
                base_quarter=base.quarter if base else None,
                next_sequence=(sent[-1].sequence + 1) if sent else 1, counts=counts,
                audit_entries=audit_entries, changes=changes, persons=persons,
                city=peer.name if peer else None,
                city_fingerprint=peer.fingerprint if peer else None)

    @staticmethod
    def _count(s: Session, name: str, since: dt.datetime | None) -> int:
        t = rowsmod.table(name)
        stmt = select(func.count()).select_from(t)
        if since is not None:
            stmt = stmt.where(t.c.updated_at >= since)
        return int(s.scalar(stmt) or 0)

    @staticmethod
    def _changes(s: Session, since: dt.datetime | None
                 ) -> tuple[dict[str, int], list[ChangedPerson]]:
        """Each travelling person once, under the weightiest thing that happened to them:
        deleted (a tombstone: an undone import, a duplicate merged into another record),
        else an event of the period (died, revoked, moved, lost contact), else new, else
        changed."""
        stmt = select(Person.id, Person.name, Person.created_at, Person.deleted_at).where(
            or_(Person.merged_into_id.is_(None), Person.deleted_at.is_not(None)))
        if since is not None:
            stmt = stmt.where(Person.updated_at >= since)
        rows = s.execute(stmt.order_by(Person.name_pinyin, Person.name)).all()
        people = {r.id: (r.name, rowsmod.aware(r.created_at)) for r in rows}
        deleted = {r.id for r in rows if r.deleted_at is not None}
        events: dict[object, str] = {}
        ev_stmt = select(PersonEvent.person_id, PersonEvent.kind).where(
            PersonEvent.undone_at.is_(None), PersonEvent.kind.in_(tuple(EVENT_KIND)))
        if since is not None:
            ev_stmt = ev_stmt.where(PersonEvent.updated_at >= since)
        for pid, kind in s.execute(ev_stmt.order_by(PersonEvent.event_date)):
            events[pid] = EVENT_KIND[kind]
        changes = dict.fromkeys(CHANGE_KINDS, 0)
        persons: list[ChangedPerson] = []
        for pid, (name, created) in people.items():
            if pid in deleted:
                kind = "deleted"
            elif pid in events:
                kind = events[pid]
            elif since is None or (created is not None and created >= since):
                kind = "new"
            else:
                kind = "changed"
            changes[kind] += 1
            if len(persons) < NAMES_SHOWN:
                persons.append(ChangedPerson(name, kind))
        return changes, persons
