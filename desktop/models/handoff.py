"""The quarterly handoff: trusted peers (association cards), the sent/received ledger, the
before-images that make a merge undoable, and the open items a merge leaves (pairs, conflicts).

Local to one installation, never merged themselves.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base, utcnow


class HandoffPeer(Base):
    """A trusted association card: a district the city registered, or the district's city."""

    __tablename__ = "handoff_peer"
    __table_args__ = (Index("ix_handoff_peer_name", "name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(16))  # city | county | city_level | zone
    gbt2260: Mapped[str | None] = mapped_column(String(6))
    city: Mapped[str] = mapped_column(String(40))
    signing_key: Mapped[str] = mapped_column(String(64))  # base64 raw Ed25519 public key
    age_recipient: Mapped[str | None] = mapped_column(String(100))
    fingerprint: Mapped[str] = mapped_column(String(32))
    trusted_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    trusted_by: Mapped[str] = mapped_column(String(64))
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    revoked_by: Mapped[str | None] = mapped_column(String(64))
    revoke_reason: Mapped[str | None] = mapped_column(String(500))


class HandoffPackage(Base):
    """One line of the ledger: a package this office sent or received (district packages,
    receipts, reference packages)."""

    __tablename__ = "handoff_package"
    __table_args__ = (
        CheckConstraint("direction IN ('sent', 'received')", name="direction"),
        CheckConstraint("kind IN ('district', 'receipt', 'reference')", name="kind"),
        UniqueConstraint("direction", "package_hash", name="uq_handoff_package_hash"),
        Index("ix_handoff_package_district", "district", "sequence"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    direction: Mapped[str] = mapped_column(String(8))
    kind: Mapped[str] = mapped_column(String(10))
    district: Mapped[str] = mapped_column(String(40))  # the district the package is about
    quarter: Mapped[str | None] = mapped_column(String(6))
    sequence: Mapped[int] = mapped_column(Integer)
    base_sequence: Mapped[int] = mapped_column(Integer, default=0)
    package_hash: Mapped[str] = mapped_column(String(64))
    previous_hash: Mapped[str | None] = mapped_column(String(64))
    # sent: sent | acknowledged | superseded; received: staged | merged | undone | applied
    state: Mapped[str] = mapped_column(String(16))
    counts: Mapped[str] = mapped_column(Text, default="{}")  # JSON {table: rows}
    report: Mapped[str | None] = mapped_column(Text)  # JSON: the dry-run / merge report
    snapshot_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    since: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    created_by: Mapped[str] = mapped_column(String(64))
    merged_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    merged_by: Mapped[str | None] = mapped_column(String(64))
    undone_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    undone_by: Mapped[str | None] = mapped_column(String(64))
    acknowledged_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    receipt_hash: Mapped[str | None] = mapped_column(String(64))
    audit_head_seq: Mapped[int | None] = mapped_column(Integer)
    audit_head_hash: Mapped[str | None] = mapped_column(String(64))
    gap_reason: Mapped[str | None] = mapped_column(String(500))
    payload: Mapped[bytes | None] = mapped_column(LargeBinary)  # received: the verified zip


class HandoffUndo(Base):
    """What a merge changed, row by row: the row before (JSON, NULL when it was new)."""

    __tablename__ = "handoff_undo"
    __table_args__ = (Index("ix_handoff_undo_package_id", "package_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    package_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("handoff_package.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)  # the order the merge wrote in
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(36))
    before: Mapped[str | None] = mapped_column(Text)


class HandoffItem(Base):
    """An open item a merge found: a move pair (迁出/迁入), the same ID number in two
    districts, a record owned by another district."""

    __tablename__ = "handoff_item"
    __table_args__ = (
        CheckConstraint("kind IN ('move_pair', 'same_id', 'owner_conflict')", name="kind"),
        Index("ix_handoff_item_package_id", "package_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    package_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("handoff_package.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(10), default="open")  # open | paired | resolved
    id_number: Mapped[str | None] = mapped_column(String(18))
    person_id: Mapped[str | None] = mapped_column(String(36))
    other_person_id: Mapped[str | None] = mapped_column(String(36))
    district: Mapped[str | None] = mapped_column(String(40))
    other_district: Mapped[str | None] = mapped_column(String(40))
    detail: Mapped[str] = mapped_column(Text, default="{}")
