"""What the hardship services take and return (frozen, Qt-free, no ORM objects).

Money is in fen (分) everywhere; monthly figures unless the name says otherwise.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field


@dataclass(frozen=True)
class MemberDraft:
    """One other person in the household as typed."""

    name: str
    relation: str
    id_number: str | None = None
    health: str | None = None
    income: int = 0  # monthly, fen
    status: str | None = None  # 在职 / 退休 / 学生 / 无业 …


@dataclass(frozen=True)
class CaseDraft:
    """A hardship file as the clerk types it."""

    person_id: uuid.UUID
    category: str
    main_cause: str
    secondary_causes: tuple[str, ...] = ()
    person_income: int = 0
    other_income: int = 0
    fixed_costs: int = 0  # 刚性支出, monthly
    members: tuple[MemberDraft, ...] = ()
    health_status: str | None = None
    health_notes: str | None = None
    disability: str | None = None
    housing_type: str | None = None
    housing_area: int | None = None
    insurance: str | None = None
    bank_name: str | None = None
    bank_account: str | None = None
    notes: str | None = None
    year: int | None = None  # the file's year; the current year when None


@dataclass(frozen=True)
class HouseholdMemberRow:
    name: str
    relation: str
    id_number: str  # masked
    health: str
    income: int
    status: str


@dataclass(frozen=True)
class StepRow:
    """One line of the file's history."""

    seq: int
    action: str
    from_status: str
    to_status: str
    actor: str
    actor_display: str
    role: str
    at: dt.datetime
    opinion: str
    detail: dict[str, object]


@dataclass(frozen=True)
class PaymentRow:
    id: uuid.UUID
    kind: str
    amount: int
    paid_on: dt.date
    payer: str
    bank_account: str  # masked
    recorded_by: str  # the display name (李录入), not the log-in name
    override_reason: str | None


@dataclass(frozen=True)
class AttachmentRow:
    id: uuid.UUID
    doc_type: str
    file_name: str
    media_type: str
    size: int
    sha256: str
    added_by: str  # the display name (李录入), not the log-in name
    added_at: dt.datetime


@dataclass(frozen=True)
class Income:
    """The household's money as computed from the file (monthly, fen)."""

    household: int
    per_capita: int  # after fixed costs
    dibao_line: int | None  # the district's monthly 低保 line for the year, when configured
    band: str | None  # "below_line" / "below_double" / "above" / None (no line configured)


@dataclass(frozen=True)
class CaseDetail:
    """A file as stored; ID numbers and the bank account masked."""

    id: uuid.UUID
    serial: str
    row_version: int
    person_id: uuid.UUID
    person_name: str
    person_id_number: str  # masked
    district: str
    year: int
    status: str
    category: str
    main_cause: str
    secondary_causes: tuple[str, ...]
    person_income: int
    other_income: int
    fixed_costs: int
    household_size: int
    income: Income
    members: tuple[HouseholdMemberRow, ...]
    health_status: str | None
    health_notes: str | None
    disability: str | None
    housing_type: str | None
    housing_area: int | None
    insurance: str | None
    bank_name: str | None
    bank_account: str  # masked
    notes: str | None
    created_by: str
    last_edited_by: str
    verified_on: dt.date | None
    verified_by: str | None
    verify_method: str | None
    verify_findings: str | None
    notice_start: dt.date | None
    notice_end: dt.date | None
    decided_by: str | None
    decided_on: dt.date | None
    reject_reason: str | None
    next_review_date: dt.date | None
    closed_kind: str | None
    closed_reason: str | None
    updated_at: dt.datetime
    steps: tuple[StepRow, ...] = ()
    owner: str | None = None  # at the city: the district that reported it (read-only here)

    @property
    def editable(self) -> bool:
        """False at the city for another district's file: the page shows it read-only."""
        return self.owner is None
    payments: tuple[PaymentRow, ...] = ()
    attachments: tuple[AttachmentRow, ...] = ()
    missing_documents: tuple[str, ...] = ()
    person_deceased: bool = False
    person_death_date: dt.date | None = None


@dataclass(frozen=True)
class CaseRow:
    """A file in a list."""

    id: uuid.UUID
    serial: str
    person_id: uuid.UUID
    person_name: str
    district: str
    year: int
    category: str
    status: str
    per_capita: int
    notice_end: dt.date | None
    next_review_date: dt.date | None
    updated_at: dt.datetime
    paid_total: int = 0


@dataclass(frozen=True)
class StandardRow:
    """One rule of the standards table; ``district`` empty for the general row."""

    year: int
    kind: str
    district: str
    amount: int | None  # fen
    ratio_pct: int | None
    per_year: int | None
    note: str | None


@dataclass(frozen=True)
class Totals:
    """Totals of one group of files (by category, district and year)."""

    year: int
    category: str
    district: str
    files: int
    active: int
    paid: int  # fen


@dataclass(frozen=True)
class WorkLists:
    """The hardship page's lists for the logged-in user."""

    waiting_for_me: tuple[CaseRow, ...]
    notices_ending: tuple[CaseRow, ...]
    reviews_due: tuple[CaseRow, ...]
    not_updated: tuple[CaseRow, ...]
    never_assisted: tuple[CaseRow, ...]
    totals: tuple[Totals, ...] = field(default_factory=tuple)

