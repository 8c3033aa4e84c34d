"""Visits (走访慰问, 送清凉) and recuperation (疗休养): campaigns, their per-level standards, the
association staff who visit, teams, visits with their results, recuperation batches and entries.

Money is held in fen (分) as integers. A campaign's selection rules are a small JSON object (see
``desktop.services.visits.rules``) so new kinds of rule need no migration.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import (
    Boolean,
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
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base, Travelling

OCCASIONS = (
    "元旦春节", "五一", "国庆", "重阳", "中秋", "送清凉", "生日", "住院", "去世/吊唁", "其他",
)
OCCASIONS_SQL = "(" + ", ".join(f"'{o}'" for o in OCCASIONS) + ")"
VISIT_STATUSES = ("planned", "done", "not_home", "declined", "postponed", "removed")
VISIT_STATUSES_SQL = "(" + ", ".join(f"'{o}'" for o in VISIT_STATUSES) + ")"
ORGANISERS = ("全总", "省总", "市总", "区县")
ENTRY_STATUSES = ("nominated", "confirmed", "declined", "replaced")
ENTRY_STATUSES_SQL = "(" + ", ".join(f"'{s}'" for s in ENTRY_STATUSES) + ")"


class VisitCampaign(Travelling, Base):
    """One round of visits for an occasion in a year (e.g. 2027 元旦春节), with its rules."""

    __tablename__ = "visit_campaign"
    __table_args__ = (
        CheckConstraint(f"occasion IN {OCCASIONS_SQL}", name="occasion"),
        CheckConstraint("start_date <= end_date", name="window"),
        Index("ix_visit_campaign_occasion_year", "occasion", "year"),
    )

    occasion: Mapped[str] = mapped_column(String(10))
    year: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(100))
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date] = mapped_column(Date)
    occasion_date: Mapped[dt.date | None] = mapped_column(Date)  # 春节, 重阳 … (lunar-derived)
    budget_fen: Mapped[int | None] = mapped_column(Integer)
    rules: Mapped[str] = mapped_column(Text)  # JSON
    status: Mapped[str] = mapped_column(String(10), default="open", server_default="open")
    notes: Mapped[str | None] = mapped_column(Text)
    # maker ≠ checker: who made and last changed the list, and the reviewer who approved it
    created_by: Mapped[str | None] = mapped_column(String(64))
    last_edited_by: Mapped[str | None] = mapped_column(String(64))
    approved_by: Mapped[str | None] = mapped_column(String(64))
    approved_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class VisitStandard(Travelling, Base):
    """A campaign's standard for one treatment level (or 困难 for hardship households)."""

    __tablename__ = "visit_standard"
    __table_args__ = (UniqueConstraint("campaign_id", "level", name="uq_visit_standard_level"),)

    campaign_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("visit_campaign.id", ondelete="CASCADE"))
    level: Mapped[str] = mapped_column(String(4))
    money_fen: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    goods: Mapped[str | None] = mapped_column(String(200))


class VisitStaff(Travelling, Base):
    """A member of the association's staff (or a leader) who goes on visits."""

    __tablename__ = "visit_staff"

    name: Mapped[str] = mapped_column(String(50))
    position: Mapped[str | None] = mapped_column(String(100))
    phone: Mapped[str | None] = mapped_column(String(40))
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default="1")


class VisitTeam(Travelling, Base):
    """A visiting team of a campaign: a leader and members (JSON list of staff ids)."""

    __tablename__ = "visit_team"
    __table_args__ = (Index("ix_visit_team_campaign_id", "campaign_id"),)

    campaign_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("visit_campaign.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(50))
    leader_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("visit_staff.id"))
    member_ids: Mapped[str] = mapped_column(Text, default="[]", server_default="[]")


class Visit(Travelling, Base):
    """One person to visit (planned) and what happened (recorded). ``campaign_id`` is empty
    for a stand-alone birthday, hospital or death visit."""

    __tablename__ = "visit"
    __table_args__ = (
        CheckConstraint(f"status IN {VISIT_STATUSES_SQL}", name="status"),
        CheckConstraint(f"kind IN {OCCASIONS_SQL}", name="kind"),
        CheckConstraint("money_fen IS NULL OR money_fen >= 0", name="money"),
        Index("ix_visit_campaign_id", "campaign_id", "person_id"),
        Index("ix_visit_person_id", "person_id"),
        Index("ix_visit_team_date", "team_id", "planned_date"),
    )

    campaign_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("visit_campaign.id", ondelete="CASCADE"))
    person_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("person.id"))
    kind: Mapped[str] = mapped_column(String(10))
    reason: Mapped[str | None] = mapped_column(String(300))  # why on the list
    added_manually: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    status: Mapped[str] = mapped_column(String(10), default="planned", server_default="planned")
    removed_reason: Mapped[str | None] = mapped_column(String(300))
    team_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("visit_team.id", ondelete="SET NULL"))
    planned_date: Mapped[dt.date | None] = mapped_column(Date)
    time_slot: Mapped[str | None] = mapped_column(String(10))  # 上午 / 下午 / 09:30
    area: Mapped[str | None] = mapped_column(String(60))  # township from the address
    route_order: Mapped[int | None] = mapped_column(Integer)
    actual_date: Mapped[dt.date | None] = mapped_column(Date)
    way: Mapped[str | None] = mapped_column(String(10))  # 登门 / 单位 / 快递
    visitors: Mapped[str | None] = mapped_column(String(200))
    money_fen: Mapped[int | None] = mapped_column(Integer)
    goods: Mapped[str | None] = mapped_column(String(200))
    over_standard_reason: Mapped[str | None] = mapped_column(String(300))
    situation: Mapped[str | None] = mapped_column(Text)
    follow_up: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    follow_up_note: Mapped[str | None] = mapped_column(String(500))
    follow_up_closed: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    recorded_by: Mapped[str | None] = mapped_column(String(64))
    # the hardship file a follow-up of this visit opened
    hardship_case_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("hardship_case.id"))


class VisitPhoto(Travelling, Base):
    """A photo taken on a visit, with its SHA-256 so a copy can be recognised."""

    __tablename__ = "visit_photo"
    __table_args__ = (Index("ix_visit_photo_visit_id", "visit_id"),)

    visit_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("visit.id", ondelete="CASCADE"))
    file_name: Mapped[str] = mapped_column(String(200))
    sha256: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes | None] = mapped_column(LargeBinary)


class RecuperationBatch(Travelling, Base):
    """A recuperation (疗休养) batch: where, when, how many places, at what cost per day."""

    __tablename__ = "recuperation_batch"
    __table_args__ = (
        CheckConstraint("organiser IN ('全总', '省总', '市总', '区县')", name="organiser"),
        CheckConstraint("quota >= 1", name="quota"),
        CheckConstraint("start_date <= end_date", name="dates"),
    )

    year: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(100))
    destination: Mapped[str] = mapped_column(String(100))
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date] = mapped_column(Date)
    days: Mapped[int] = mapped_column(Integer)
    quota: Mapped[int] = mapped_column(Integer)
    cost_per_day_fen: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    organiser: Mapped[str] = mapped_column(String(4))
    rules: Mapped[str] = mapped_column(Text)  # JSON
    notes: Mapped[str | None] = mapped_column(Text)


class RecuperationEntry(Travelling, Base):
    """A person on a batch's roster: nominated, confirmed, declined (reason) or replaced."""

    __tablename__ = "recuperation_entry"
    __table_args__ = (
        CheckConstraint(f"status IN {ENTRY_STATUSES_SQL}", name="status"),
        UniqueConstraint("batch_id", "person_id", name="uq_recuperation_entry_person"),
        Index("ix_recuperation_entry_person_id", "person_id"),
    )

    batch_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("recuperation_batch.id", ondelete="CASCADE"))
    person_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("person.id"))
    status: Mapped[str] = mapped_column(String(10), default="nominated",
                                        server_default="nominated")
    priority: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    explanation: Mapped[str | None] = mapped_column(Text)
    decline_reason: Mapped[str | None] = mapped_column(String(300))
    replaced_by_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
