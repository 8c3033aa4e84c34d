"""Hardship files (困难劳模档案): one per household, with members, review steps, payments,
attachments, and the configurable standards (低保 lines, payment caps) they are checked against.

Money is held in fen (分) as integers. Statuses and their order live in
``desktop.services.hardship.rules``; the database only keeps the value list honest.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    Uuid,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.models.base import Base, Travelling, utcnow

STATUSES_SQL = (
    "('draft', 'submitted', 'verified', 'notice', 'approved', 'rejected', 'review', 'closed')"
)


class HardshipCase(Travelling, Base):
    """One household's hardship file (一户一档), opened for a person in the register."""

    __tablename__ = "hardship_case"
    __table_args__ = (
        CheckConstraint(f"status IN {STATUSES_SQL}", name="status"),
        CheckConstraint("household_size >= 1", name="household_size"),
        UniqueConstraint("serial", name="uq_hardship_case_serial"),
        Index("ix_hardship_case_person_id", "person_id"),
        # the work lists: each one is a range over one of these
        Index("ix_hardship_case_status", "status", "next_review_date"),
        Index("ix_hardship_case_notice", "status", "notice_end"),
        Index("ix_hardship_case_updated", "status", "updated_at"),
        Index("ix_hardship_case_totals", "year", "category", "district_id", "status"),
    )

    serial: Mapped[str] = mapped_column(String(20))  # KN-2026-00001
    person_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("person.id"))
    district_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("district.id"))
    year: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(12), default="draft")
    category: Mapped[str] = mapped_column(String(20))
    main_cause: Mapped[str] = mapped_column(String(4))
    secondary_causes: Mapped[str] = mapped_column(String(20), default="")  # "3,6"
    # money, monthly, in fen
    person_income: Mapped[int] = mapped_column(BigInteger, default=0)
    other_income: Mapped[int] = mapped_column(BigInteger, default=0)
    fixed_costs: Mapped[int] = mapped_column(BigInteger, default=0)
    household_size: Mapped[int] = mapped_column(Integer, default=1)
    per_capita: Mapped[int] = mapped_column(BigInteger, default=0)  # after fixed costs
    # situation
    health_status: Mapped[str | None] = mapped_column(String(20))
    health_notes: Mapped[str | None] = mapped_column(Text)
    disability: Mapped[str | None] = mapped_column(String(40))
    housing_type: Mapped[str | None] = mapped_column(String(20))
    housing_area: Mapped[int | None] = mapped_column(Integer)  # m²
    insurance: Mapped[str | None] = mapped_column(String(100))
    bank_name: Mapped[str | None] = mapped_column(String(60))
    bank_account: Mapped[str | None] = mapped_column(String(40))
    notes: Mapped[str | None] = mapped_column(Text)
    # workflow
    created_by: Mapped[str] = mapped_column(String(64))
    last_edited_by: Mapped[str] = mapped_column(String(64))
    verified_on: Mapped[dt.date | None] = mapped_column(Date)
    verified_by: Mapped[str | None] = mapped_column(String(100))
    verify_method: Mapped[str | None] = mapped_column(String(10))
    verify_findings: Mapped[str | None] = mapped_column(Text)
    notice_start: Mapped[dt.date | None] = mapped_column(Date)
    notice_end: Mapped[dt.date | None] = mapped_column(Date)
    decided_by: Mapped[str | None] = mapped_column(String(64))
    decided_on: Mapped[dt.date | None] = mapped_column(Date)
    reject_reason: Mapped[str | None] = mapped_column(String(30))
    next_review_date: Mapped[dt.date | None] = mapped_column(Date)
    closed_kind: Mapped[str | None] = mapped_column(String(10))  # 脱困 / 撤档
    closed_reason: Mapped[str | None] = mapped_column(String(500))

    members: Mapped[list[HardshipMember]] = relationship(
        back_populates="case", order_by="HardshipMember.position",
        cascade="all, delete-orphan",
    )
    steps: Mapped[list[HardshipStep]] = relationship(
        back_populates="case", order_by="HardshipStep.seq", cascade="all, delete-orphan"
    )


class HardshipMember(Base):
    """One other person in the household (家庭成员)."""

    __tablename__ = "hardship_member"
    __table_args__ = (Index("ix_hardship_member_case_id", "case_id"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    case_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("hardship_case.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(50))
    relation: Mapped[str] = mapped_column(String(20))
    id_number: Mapped[str | None] = mapped_column(String(18))
    health: Mapped[str | None] = mapped_column(String(40))
    income: Mapped[int] = mapped_column(BigInteger, default=0)  # monthly, fen
    status: Mapped[str | None] = mapped_column(String(20))  # 在职 / 退休 / 学生 / 无业 …

    case: Mapped[HardshipCase] = relationship(back_populates="members")


class HardshipStep(Base):
    """One step of the file's history: a transition, an objection or an amendment, with the
    opinion text (审核意见) of the person who took it. Append-only."""

    __tablename__ = "hardship_step"
    __table_args__ = (Index("ix_hardship_step_case_id", "case_id", "seq"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    case_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("hardship_case.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(20))
    from_status: Mapped[str] = mapped_column(String(12))
    to_status: Mapped[str] = mapped_column(String(12))
    actor: Mapped[str] = mapped_column(String(64))
    actor_display: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(16))
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    opinion: Mapped[str] = mapped_column(Text, default="")
    detail: Mapped[str] = mapped_column(Text, default="{}")  # JSON

    case: Mapped[HardshipCase] = relationship(back_populates="steps")


class HardshipPayment(Travelling, Base):
    """Money paid on an approved file (发放), always to the person's own account."""

    __tablename__ = "hardship_payment"
    __table_args__ = (
        CheckConstraint("amount > 0", name="amount"),
        Index("ix_hardship_payment_case_id", "case_id"),
        Index("ix_hardship_payment_rule", "person_id", "kind", "year"),
    )

    case_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("hardship_case.id"))
    person_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("person.id"))
    kind: Mapped[str] = mapped_column(String(20))
    amount: Mapped[int] = mapped_column(BigInteger)  # fen
    paid_on: Mapped[dt.date] = mapped_column(Date)
    year: Mapped[int] = mapped_column(Integer)
    payer: Mapped[str] = mapped_column(String(100))
    bank_account: Mapped[str | None] = mapped_column(String(40))
    medical_self_paid: Mapped[int | None] = mapped_column(BigInteger)  # fen, 医疗救助 only
    recorded_by: Mapped[str] = mapped_column(String(64))
    override_by: Mapped[str | None] = mapped_column(String(64))
    override_reason: Mapped[str | None] = mapped_column(String(500))
    notes: Mapped[str | None] = mapped_column(String(500))


class HardshipAttachment(Travelling, Base):
    """A scan or photo kept with the file. The bytes live in the database, so a backup or a
    data package carries them with the file (DESIGN: nothing lost, one file to back up)."""

    __tablename__ = "hardship_attachment"
    __table_args__ = (Index("ix_hardship_attachment_case_id", "case_id"),)

    case_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("hardship_case.id"))
    doc_type: Mapped[str] = mapped_column(String(20))  # 收入证明 / 户口本 …
    file_name: Mapped[str] = mapped_column(String(200))
    media_type: Mapped[str] = mapped_column(String(60))
    size: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    added_by: Mapped[str] = mapped_column(String(64))


class Standard(Base):
    """A configurable amount for a year (and optionally a district): the monthly 低保 line
    (``kind`` = "低保标准"), or the rules for a payment kind: cap per payment, share of
    self-paid medical costs, payments allowed per year."""

    __tablename__ = "standard"
    __table_args__ = (
        UniqueConstraint("year", "kind", "district_id", name="uq_standard_year"),
        CheckConstraint("ratio_pct IS NULL OR (ratio_pct BETWEEN 1 AND 100)", name="ratio"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    year: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))
    district_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("district.id"))
    amount: Mapped[int | None] = mapped_column(BigInteger)  # fen: the line, or the cap
    ratio_pct: Mapped[int | None] = mapped_column(Integer)
    per_year: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str | None] = mapped_column(String(200))
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow)
