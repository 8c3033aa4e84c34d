"""The register's data transfer objects: what services return to views and the CLI.

Frozen dataclasses only (safe across threads). Code-table fields carry codes; the views and
exports turn them into labels with ``desktop.core.reference.code_table``.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from decimal import Decimal

from desktop.core.masking import birth_shown


@dataclass(frozen=True)
class RegisterFilter:
    """Everything the filter bar (and ``laomo members list``) can ask for; all combine (AND)."""

    text: str = ""  # name, pinyin, initials, ID fragment, work unit or phone
    districts: tuple[str, ...] = ()  # district names
    treatment_levels: tuple[str, ...] = ()  # 全国/省部级/市级/县级; "" means no level
    honor_title: str = ""  # substring of any kept honor's title
    honor_year_from: int | None = None
    honor_year_to: int | None = None
    employment_statuses: tuple[str, ...] = ()
    life_statuses: tuple[str, ...] = ()  # alive / deceased
    age_min: int | None = None
    age_max: int | None = None
    in_hardship: bool | None = None
    include_merged: bool = False  # persons retired into another record by a merge
    active_only: bool = False  # alive, title not revoked, not emigrated, not lost contact
    # (the default of documents handed to members: cards and the roster)


@dataclass(frozen=True)
class MemberRow:
    """One line of the register table. Phone and ID are masked unless revealed.

    For a role without the unmask permission ``birth_date`` is None and only ``birth_year``
    is given, and ``age`` is the age reached this year: the hidden digits of the ID number
    are the birth date (issue 14, point 9). A deceased person has no age (None)."""

    id: uuid.UUID
    name: str
    sex: str  # 男 / 女 / ""
    birth_date: dt.date | None
    age: int | None
    district: str
    work_unit: str
    treatment_level: str | None
    highest_honor: str | None
    employment_status: str | None
    life_status: str  # alive / deceased
    phone: str  # masked 138****5678
    id_number: str  # masked 330502********123X
    in_hardship: bool
    row_version: int
    last_recuperation_year: int | None = None  # 疗休养: the last year sent (confirmed entry)
    birth_year: int | None = None

    @property
    def birth_shown(self) -> str:
        """The birth date as this line may show it: the year alone beside a masked ID
        number, or when the date was not given to this role."""
        if self.birth_date is not None:
            return birth_shown(self.birth_date, self.id_number)
        return "" if self.birth_year is None else f"{self.birth_year:04d}"


@dataclass(frozen=True)
class HonorDraft:
    title: str
    level: str
    year: int | None = None
    session: str | None = None
    granting_body: str | None = None
    document_number: str | None = None
    revoked_date: dt.date | None = None
    revoke_reason: str | None = None
    notes: str | None = None
    id: uuid.UUID | None = None  # None: a new honor


@dataclass(frozen=True)
class PersonDraft:
    """What the person dialog (or an import row) submits. Codes for code-table fields."""

    name: str
    district: str  # district name
    id_number: str | None = None  # as typed; normalised by the service
    sex: str | None = None  # "1" / "2" (GB/T 2261.1); derived from the ID when None
    birth_date: dt.date | None = None  # derived from the ID when None
    ethnicity: str | None = None
    political_status: str | None = None
    party_join_date: dt.date | None = None
    education: str | None = None
    degree: str | None = None
    native_place: str | None = None
    marital_status: str | None = None
    work_start_date: dt.date | None = None
    work_unit: str | None = None
    position: str | None = None
    unit_type: str | None = None
    industry: str | None = None
    professional_title: str | None = None
    technical_grade: str | None = None
    employment_status: str | None = None
    phone: str | None = None
    mobile: str | None = None
    address: str | None = None
    postcode: str | None = None
    hukou_type: str | None = None
    hukou_region: str | None = None
    health_status: str | None = None
    health_notes: str | None = None
    disability_type: str | None = None
    disability_grade: str | None = None
    insurance: str | None = None
    monthly_income: Decimal | None = None
    household_size: int | None = None
    spouse_name: str | None = None
    spouse_birth_date: dt.date | None = None
    spouse_income: Decimal | None = None
    spouse_health: str | None = None
    is_farmer_model: bool = False
    treatment_override: str | None = None
    treatment_override_reason: str | None = None
    notes: str | None = None
    honors: tuple[HonorDraft, ...] = ()


@dataclass(frozen=True)
class StatusChange:
    """One status change (动态管理) the person dialog holds until 保存: ``kind`` is one of
    retire/transfer/move_out/move_in/death/revoke/emigrate/lost_contact, or ``undo`` (the
    newest stored change is taken back; ``date`` unused). Fields a kind does not use stay
    empty."""

    kind: str
    date: dt.date | None
    reason: str | None
    new_work_unit: str | None = None
    new_position: str | None = None
    to_district: str | None = None
    from_district: str | None = None
    honor_ids: tuple[uuid.UUID, ...] | None = None  # revoke: None means every kept honor


@dataclass(frozen=True)
class EventRow:
    """One entry of the 动态管理 timeline."""

    id: uuid.UUID
    kind: str  # create/transfer/retire/death/move_out/move_in/revoke/emigrate/lost_contact/...
    event_date: dt.date
    reason: str | None
    details: dict[str, object]
    recorded_by: str
    recorded_at: dt.datetime
    undone: bool


@dataclass(frozen=True)
class PersonDetail:
    """A whole person for the dialog: the draft as stored plus what is derived."""

    id: uuid.UUID
    row_version: int
    draft: PersonDraft  # id_number masked unless revealed
    id_number_masked: str
    id_legacy15: bool
    derived_treatment_level: str | None
    treatment_level: str | None  # the override when set, else derived
    life_status: str
    death_date: dt.date | None
    is_revoked: bool
    is_emigrated: bool
    is_lost_contact: bool
    merged_into: uuid.UUID | None
    conflict_note: str | None
    events: tuple[EventRow, ...] = field(default=())
    last_recuperation_year: int | None = None  # 疗休养: the last year sent, None if never
    owner: str | None = None  # at the city: the district that reported it (read-only here)
    # A role without the unmask permission (issue 14, point 9): the draft's birth dates are
    # None and only their years are given here, its phone and mobile are masked as the
    # register list masks them (138****5678, 0572-****392). Such a role cannot edit either.
    masked: bool = False
    birth_year: int | None = None
    spouse_birth_year: int | None = None

    @property
    def editable(self) -> bool:
        """False at the city for another district's record: the dialog shows it read-only."""
        return self.owner is None


@dataclass(frozen=True)
class DuplicatePair:
    """Two persons who may be one; ``reasons`` are codes: same_name_birth, same_name,
    same_name_other_sex, similar_name, same_phone, same_id_number."""

    a: MemberRow
    b: MemberRow
    reasons: tuple[str, ...]
    score: float
