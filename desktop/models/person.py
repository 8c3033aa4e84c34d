"""Model workers (劳模), their honors and the history of their status (动态管理)."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    Uuid,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.models.base import Base, Travelling

LEVELS_SQL = "('全国', '省部级', '市级', '县级')"
REGISTER_LIVE = "deleted_at IS NULL AND merged_into_id IS NULL"
"""The persons the register lists by default: the partial index ``ix_person_register`` holds
exactly these, so a query must test both conditions literally to use it."""
ID_LIVE = "id_number IS NOT NULL AND deleted_at IS NULL AND merged_into_id IS NULL"
"""Persons that must not share an ID number within one origin district (migration 0012)."""
HONOR_KEPT = "revoked_date IS NULL AND deleted_at IS NULL"
"""Honors that count (not revoked, not deleted): the partial index ``ix_honor_kept``."""


class Person(Travelling, Base):
    """One model worker. Code-table fields hold the code (see resources/reference/codes.json)."""

    __tablename__ = "person"
    __table_args__ = (
        CheckConstraint("sex IN ('1', '2', '0', '9')", name="sex"),
        CheckConstraint("life_status IN ('alive', 'deceased')", name="life_status"),
        CheckConstraint(
            f"treatment_level IS NULL OR treatment_level IN {LEVELS_SQL}", name="treatment_level"
        ),
        CheckConstraint(
            f"treatment_override IS NULL OR treatment_override IN {LEVELS_SQL}",
            name="treatment_override",
        ),
        Index("ix_person_id_number", "id_number"),
        Index("ix_person_district_id", "district_id"),
        Index("ix_person_name", "name"),
        Index("ix_person_name_pinyin", "name_pinyin"),
        # The register's filter bar scans this instead of the table (migration 0004).
        Index(
            "ix_person_register", "name_pinyin", "id", "search_text", "district_id",
            "treatment_level", "employment_status", "life_status", "birth_date", "in_hardship",
            sqlite_where=text(REGISTER_LIVE), postgresql_where=text(REGISTER_LIVE),
        ),
        # One live holder of an ID number per origin district (migration 0012; deferred in a
        # database that still holds duplicates: desktop/services/register/id_guard.py).
        Index(
            "uq_person_id_number_live", "origin_district_id", "id_number", unique=True,
            sqlite_where=text(ID_LIVE), postgresql_where=text(ID_LIVE),
        ),
    )

    # identity
    name: Mapped[str] = mapped_column(String(50))
    name_pinyin: Mapped[str | None] = mapped_column(String(200))
    name_initials: Mapped[str | None] = mapped_column(String(50))
    id_number: Mapped[str | None] = mapped_column(String(18))
    id_legacy15: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    sex: Mapped[str] = mapped_column(String(1), default="0", server_default="0")
    birth_date: Mapped[dt.date | None] = mapped_column(Date)
    ethnicity: Mapped[str | None] = mapped_column(String(2))
    political_status: Mapped[str | None] = mapped_column(String(2))
    party_join_date: Mapped[dt.date | None] = mapped_column(Date)
    education: Mapped[str | None] = mapped_column(String(2))
    degree: Mapped[str | None] = mapped_column(String(20))
    native_place: Mapped[str | None] = mapped_column(String(60))
    marital_status: Mapped[str | None] = mapped_column(String(2))
    work_start_date: Mapped[dt.date | None] = mapped_column(Date)
    # work
    work_unit: Mapped[str | None] = mapped_column(String(200))
    position: Mapped[str | None] = mapped_column(String(100))
    unit_type: Mapped[str | None] = mapped_column(String(40))
    industry: Mapped[str | None] = mapped_column(String(40))
    professional_title: Mapped[str | None] = mapped_column(String(60))
    technical_grade: Mapped[str | None] = mapped_column(String(60))
    employment_status: Mapped[str | None] = mapped_column(String(20))
    # contact and household registration
    phone: Mapped[str | None] = mapped_column(String(40))
    mobile: Mapped[str | None] = mapped_column(String(40))
    address: Mapped[str | None] = mapped_column(String(300))
    postcode: Mapped[str | None] = mapped_column(String(6))
    hukou_type: Mapped[str | None] = mapped_column(String(10))
    hukou_region: Mapped[str | None] = mapped_column(String(6))
    # health and family
    health_status: Mapped[str | None] = mapped_column(String(20))
    health_notes: Mapped[str | None] = mapped_column(Text)
    disability_type: Mapped[str | None] = mapped_column(String(20))
    disability_grade: Mapped[str | None] = mapped_column(String(20))
    insurance: Mapped[str | None] = mapped_column(String(100))
    monthly_income: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    household_size: Mapped[int | None] = mapped_column(Integer)
    spouse_name: Mapped[str | None] = mapped_column(String(50))
    spouse_birth_date: Mapped[dt.date | None] = mapped_column(Date)
    spouse_income: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    spouse_health: Mapped[str | None] = mapped_column(String(60))
    # the association's view
    is_farmer_model: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    district_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("district.id"))
    life_status: Mapped[str] = mapped_column(String(10), default="alive", server_default="alive")
    death_date: Mapped[dt.date | None] = mapped_column(Date)
    is_revoked: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    is_emigrated: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    is_lost_contact: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    under_investigation: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default="0"
    )
    treatment_level: Mapped[str | None] = mapped_column(String(4))
    treatment_override: Mapped[str | None] = mapped_column(String(4))
    treatment_override_reason: Mapped[str | None] = mapped_column(String(500))
    notes: Mapped[str | None] = mapped_column(Text)
    # kept by the services: one lower-case haystack (name, pinyin, initials, ID number, work
    # unit, phones) so one LIKE finds a person by any of them
    search_text: Mapped[str | None] = mapped_column(Text)
    highest_honor: Mapped[str | None] = mapped_column(String(120))  # "全国劳动模范(2015)"
    in_hardship: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    merged_into_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("person.id"))
    conflict_note: Mapped[str | None] = mapped_column(Text)

    honors: Mapped[list[Honor]] = relationship(
        back_populates="person", order_by="Honor.year", cascade="all, delete-orphan"
    )
    events: Mapped[list[PersonEvent]] = relationship(
        back_populates="person", order_by="PersonEvent.event_date", cascade="all, delete-orphan"
    )


class Honor(Travelling, Base):
    """One honor (荣誉称号) a person received; ``revoked_date`` set when it was withdrawn."""

    __tablename__ = "honor"
    __table_args__ = (
        CheckConstraint(f"level IN {LEVELS_SQL}", name="level"),
        CheckConstraint("year IS NULL OR (year BETWEEN 1949 AND 2100)", name="year"),
        Index("ix_honor_person_id", "person_id"),
        # The register's honor filters (migration 0004).
        Index("ix_honor_kept", "person_id", "year", "title",
              sqlite_where=text(HONOR_KEPT), postgresql_where=text(HONOR_KEPT)),
    )

    person_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("person.id", ondelete="CASCADE")
    )
    title: Mapped[str] = mapped_column(String(100))
    level: Mapped[str] = mapped_column(String(4))
    year: Mapped[int | None] = mapped_column(Integer)
    session: Mapped[str | None] = mapped_column(String(40))
    granting_body: Mapped[str | None] = mapped_column(String(100))
    document_number: Mapped[str | None] = mapped_column(String(100))
    revoked_date: Mapped[dt.date | None] = mapped_column(Date)
    revoke_reason: Mapped[str | None] = mapped_column(String(500))
    notes: Mapped[str | None] = mapped_column(Text)

    person: Mapped[Person] = relationship(back_populates="honors")


class PersonEvent(Travelling, Base):
    """One entry of the 动态管理 history: transfer, retirement, death, move, revocation …"""

    __tablename__ = "person_event"
    __table_args__ = (
        CheckConstraint(
            "kind IN ('create', 'transfer', 'retire', 'death', 'move_out', 'move_in', "
            "'revoke', 'emigrate', 'lost_contact', 'restore', 'merge', 'other')",
            name="kind",
        ),
        Index("ix_person_event_person_id", "person_id"),
    )

    person_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("person.id", ondelete="CASCADE")
    )
    kind: Mapped[str] = mapped_column(String(16))
    event_date: Mapped[dt.date] = mapped_column(Date)
    reason: Mapped[str | None] = mapped_column(String(500))
    details: Mapped[str | None] = mapped_column(Text)  # JSON: before/after values for undo
    recorded_by: Mapped[str] = mapped_column(String(64))
    undone_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))

    person: Mapped[Person] = relationship(back_populates="events")


class DuplicateDismissal(Base):
    """A pair of persons a clerk said are different people: never proposed again."""

    __tablename__ = "duplicate_dismissal"

    person_a_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("person.id", ondelete="CASCADE"), primary_key=True
    )  # the smaller of the two ids
    person_b_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("person.id", ondelete="CASCADE"), primary_key=True
    )
    dismissed_by: Mapped[str] = mapped_column(String(64))
    dismissed_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    reason: Mapped[str | None] = mapped_column(String(500))
