"""What the visit and recuperation services hand out: frozen rows, no ORM objects."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from desktop.services.visits.rules import LevelStandard, Rules

RECORDABLE = ("done", "not_home", "declined", "postponed")


@dataclass(frozen=True)
class CampaignRow:
    id: uuid.UUID
    occasion: str
    year: int
    title: str
    start_date: dt.date
    end_date: dt.date
    occasion_date: dt.date | None
    budget_fen: int | None
    planned: int
    done: int
    approved_by: str | None = None  # the reviewer who approved the list; None: a draft


@dataclass(frozen=True)
class CampaignDetail:
    id: uuid.UUID
    occasion: str
    year: int
    title: str
    start_date: dt.date
    end_date: dt.date
    occasion_date: dt.date | None
    budget_fen: int | None
    rules: Rules
    standards: tuple[LevelStandard, ...]
    notes: str | None
    row_version: int
    created_by: str | None = None
    last_edited_by: str | None = None
    approved_by: str | None = None  # None: the list is a draft (printing it is refused)
    approved_at: dt.datetime | None = None
    owner: str | None = None  # at the city: the district whose campaign it is (read-only here)
    approver: str | None = None  # the approving user's display name (李审核, not shenhe)
    unscheduled: int = 0  # visits to make that have no team or no date yet

    @property
    def editable(self) -> bool:
        """False at the city for a district's campaign: its pages show it read-only."""
        return self.owner is None


@dataclass(frozen=True)
class CandidateRow:
    """A person the rules name for a campaign, and whether the campaign already plans them."""

    person_id: uuid.UUID
    name: str
    sex: str
    age: int | None
    district: str
    treatment_level: str | None
    in_hardship: bool
    life_status: str
    reason: str
    planned: bool


@dataclass(frozen=True)
class VisitRow:
    """One visit of a campaign (or a stand-alone visit) as lists and printouts show it."""

    id: uuid.UUID
    campaign_id: uuid.UUID | None
    person_id: uuid.UUID
    kind: str
    name: str
    sex: str
    age: int | None
    district: str
    treatment_level: str | None
    honors: str
    in_hardship: bool
    life_status: str
    death_date: dt.date | None
    employment_status: str
    address: str
    phone: str
    reason: str
    added_manually: bool
    status: str
    removed_reason: str
    team_id: uuid.UUID | None
    team: str
    team_people: str
    planned_date: dt.date | None
    time_slot: str
    area: str
    route_order: int | None
    actual_date: dt.date | None
    way: str
    visitors: str
    money_fen: int | None
    goods: str
    standard_fen: int
    standard_goods: str
    situation: str
    follow_up: bool
    follow_up_note: str
    follow_up_closed: bool
    photos: int
    row_version: int
    family: str = ""  # for a deceased person: the spouse named in the file (who may sign)


@dataclass(frozen=True)
class CoverageRow:
    """A person the coverage check is worried about, and why."""

    person_id: uuid.UUID
    name: str
    district: str
    treatment_level: str | None
    problem: str  # "not_planned" | "removed" | "dropped" | "not_done"
    reason: str  # why the rules name them / what happened last time
    note: str  # removal reason, last status …


@dataclass(frozen=True)
class Coverage:
    campaign_id: uuid.UUID
    required: int
    planned: int
    done: int
    previous_campaign: str | None
    rows: tuple[CoverageRow, ...]

    @property
    def complete(self) -> bool:
        return not any(r.problem in ("not_planned", "dropped") for r in self.rows)


@dataclass(frozen=True)
class StaffRow:
    id: uuid.UUID
    name: str
    position: str
    phone: str
    active: bool


@dataclass(frozen=True)
class TeamRow:
    id: uuid.UUID
    campaign_id: uuid.UUID
    name: str
    leader_id: uuid.UUID | None
    leader: str
    member_ids: tuple[uuid.UUID, ...]
    members: tuple[str, ...]
    visits: int

    @property
    def people(self) -> str:
        """Leader first, then the members: "张三（组长）、李四"."""
        return self.people_in("zh_CN")

    def people_in(self, lang: str) -> str:
        """``people`` in ``lang`` (English: "张三 (leader), 李四")."""
        if not lang.startswith("zh"):
            return ", ".join(([f"{self.leader} (leader)"] if self.leader else [])
                             + list(self.members))
        names = ([f"{self.leader}（组长）"] if self.leader else []) + list(self.members)
        return "、".join(names)


@dataclass(frozen=True)
class ScheduleOutcome:
    """What automatic scheduling did and, when visits were left without a date, why and what
    would fit them (issue 14, point 4: 590 of 1,094 visits were left silently)."""

    scheduled: int
    left: int
    teams: int
    working_days: int  # office working days from the first day to the campaign's end
    per_day: int
    first_day: dt.date
    last_day: dt.date  # the campaign's end
    per_day_needed: int  # visits per team and day that would fit everyone (same teams, days)
    teams_needed: int  # teams that would fit everyone (same visits per day and days)
    left_names: tuple[str, ...] = ()  # who was left without a date, in route order

    @property
    def complete(self) -> bool:
        return self.left == 0


@dataclass(frozen=True)
class Conflict:
    """A scheduling warning: ``kind`` is team_double_booked, person_twice, office_closed,
    after_death or outside_window."""

    kind: str
    visit_id: uuid.UUID
    name: str
    text: str
    english: str  # the same words for the English windows


@dataclass(frozen=True)
class VisitResult:
    """What a clerk records after a visit."""

    status: str
    actual_date: dt.date | None = None
    way: str | None = None
    visitors: str | None = None
    money_fen: int | None = None
    goods: str | None = None
    over_standard_reason: str | None = None
    situation: str | None = None
    follow_up: bool = False
    follow_up_note: str | None = None


@dataclass(frozen=True)
class WorkItem:
    """One line of the work list: an upcoming round birthday or an open follow-up.

    For a role without the unmask permission a birthday gives its year only: ``day`` is the
    first of January and ``year_only`` is set, since the day (or the month: with the year and
    the check digit it leaves about three candidates) is the hidden digits of the ID number
    (issue 14, point 9)."""

    kind: str  # "birthday" | "follow_up"
    person_id: uuid.UUID
    name: str
    district: str
    day: dt.date
    text: str
    visit_id: uuid.UUID | None
    year_only: bool = False
    age: int | None = None  # a birthday's round age (the window words it in its language)

    @property
    def day_shown(self) -> str:
        """2027-03-03, or 2027 when only the year may show."""
        return str(self.day.year) if self.year_only else self.day.isoformat()


@dataclass(frozen=True)
class SummaryLine:
    district: str
    level: str
    planned: int
    done: int
    money_fen: int
    goods: int
