"""Users, settings and the audit log: local to one installation, never merged."""

from __future__ import annotations

import datetime as dt
import uuid as uuid_

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    Uuid,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base, utcnow

ROLES_SQL = "('admin', 'reviewer', 'clerk', 'viewer')"


class User(Base):
    """A person who logs in. The password is stored only as an argon2 hash."""

    __tablename__ = "user"
    __table_args__ = (CheckConstraint(f"role IN {ROLES_SQL}", name="role"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    uuid: Mapped[uuid_.UUID] = mapped_column(Uuid, unique=True, default=uuid_.uuid4)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default="1")
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    locked_until: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    must_change_password: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default="0"
    )
    district_id: Mapped[uuid_.UUID | None] = mapped_column(Uuid, ForeignKey("district.id"))
    created_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, server_default=func.current_timestamp()
    )
    last_login_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class Setting(Base):
    """Business configuration that migrates and backs up with the data (JSON values)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow,
        server_default=func.current_timestamp(),
    )


class AuditEvent(Base):
    """Append-only, hash-chained log: ``hash = sha256(prev_hash + canonical entry)``.

    ``seq`` is dense (1, 2, 3 …) so a deleted entry leaves a gap; the chain detects an edited
    or reordered one; the head (last seq and hash) is kept in ``setting`` so a cut tail shows.
    """

    __tablename__ = "audit_event"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[str] = mapped_column(String(32))  # UTC ISO text: hashed exactly as stored
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64))
    entity: Mapped[str | None] = mapped_column(String(32))
    entity_id: Mapped[str | None] = mapped_column(String(64))
    detail: Mapped[str] = mapped_column(Text, default="{}")
    prev_hash: Mapped[str] = mapped_column(String(64))
    # digests of the watched rows this entry's transaction wrote (services/seal.py); hashed
    # with the entry when present (migration 0013)
    row_state: Mapped[str | None] = mapped_column(Text)
    hash: Mapped[str] = mapped_column(String(64))
