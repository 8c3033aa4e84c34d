"""Printed certificates and cards: one row per serial issued, printed again or voided."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    String,
    Text,
    Uuid,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base, Travelling

DOCUMENT_KINDS_SQL = "('certificate', 'card', 'hardship_proof')"
DOCUMENT_ACTIONS_SQL = "('issue', 'reprint', 'void')"


class DocumentLog(Travelling, Base):
    """The ledger of certificate serials (证书编号登记): who printed, reprinted or voided which
    serial, when and why.

    ``issue`` rows are unique per serial (a partial unique index) and keep the printed content
    (``content`` JSON, ID number as printed masked) and its SHA-256, which the QR code carries, so
    a reprint shows the same content and a checker can match a paper against the ledger.
    """

    __tablename__ = "document_log"
    __table_args__ = (
        CheckConstraint(f"kind IN {DOCUMENT_KINDS_SQL}", name="kind"),
        CheckConstraint(f"action IN {DOCUMENT_ACTIONS_SQL}", name="action"),
        Index("ix_document_log_serial", "serial"),
        Index("ix_document_log_person_id", "person_id"),
        # serials are unique per district: the city holds every district's (migration 0011)
        Index("uq_document_log_issue_serial", "origin_district_id", "serial", unique=True,
              sqlite_where=text("action = 'issue'"), postgresql_where=text("action = 'issue'")),
    )

    serial: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(16))
    action: Mapped[str] = mapped_column(String(16))
    person_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("person.id"))
    person_name: Mapped[str] = mapped_column(String(64))
    content: Mapped[str | None] = mapped_column(Text)  # JSON, issue rows only
    content_hash: Mapped[str | None] = mapped_column(String(64))
    unmasked: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    actor: Mapped[str] = mapped_column(String(64))
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    reason: Mapped[str | None] = mapped_column(String(500))
