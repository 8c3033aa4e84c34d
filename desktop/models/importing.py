"""Import batches (issue 4): which persons one import created or changed, so that it can be
undone as a whole."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base, utcnow


class ImportBatch(Base):
    """One real (not dry-run) import: the file, who ran it, its counts, and its undo."""

    __tablename__ = "import_batch"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    created_by: Mapped[str] = mapped_column(String(64))
    file_name: Mapped[str] = mapped_column(String(260))
    file_sha256: Mapped[str] = mapped_column(String(64))
    sheet: Mapped[str | None] = mapped_column(String(100))
    counts: Mapped[str] = mapped_column(Text)  # JSON {"new": n, "updated": n, ...}
    undone_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    undone_by: Mapped[str | None] = mapped_column(String(64))


class ImportItem(Base):
    """A person an import created (``new``) or changed (``update``: the values before)."""

    __tablename__ = "import_item"
    __table_args__ = (Index("ix_import_item_person_id", "person_id"),)

    batch_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("import_batch.id", ondelete="CASCADE"), primary_key=True)
    person_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("person.id", ondelete="CASCADE"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(8))  # new | update
    row_number: Mapped[int] = mapped_column(Integer)
    before: Mapped[str | None] = mapped_column(Text)  # JSON of changed columns (update)
    added_honors: Mapped[str | None] = mapped_column(Text)  # JSON list of honor ids
    version_after: Mapped[int] = mapped_column(Integer)
