"""The hardship work lists (read-only): waiting for me, notices ending this week, reviews due,
files not updated for a year (一年未改), files never assisted (未帮扶过), totals.

Each list is a range over one index of ``hardship_case`` (migration 0007) joined to its person
and district by key, capped at ``LIMIT`` rows, so it stays fast with 10,000 files.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, exists, func, not_, or_, select
from sqlalchemy.orm import Session, sessionmaker

from desktop.errors import NotFound
from desktop.models import District, HardshipCase, HardshipPayment, Person
from desktop.services.hardship.rules import ACTIVE_STATUSES, OPEN_STATUSES
from desktop.services.hardship.types import CaseRow, Totals, WorkLists
from desktop.services.permissions import Actor, Perm

LIMIT = 500


def _rows_query() -> Select[Any]:
    columns: list[Any] = [
        HardshipCase.id, HardshipCase.serial, HardshipCase.person_id, Person.name,
        District.name, HardshipCase.year, HardshipCase.category, HardshipCase.status,
        HardshipCase.per_capita, HardshipCase.notice_end, HardshipCase.next_review_date,
        HardshipCase.updated_at]
    return (select(*columns)
            .join(Person, Person.id == HardshipCase.person_id)
            .join(District, District.id == HardshipCase.district_id)
            .where(HardshipCase.deleted_at.is_(None)))


def _rows(s: Session, stmt: Select[Any]) -> tuple[CaseRow, ...]:
    return tuple(CaseRow(*r) for r in s.execute(stmt.limit(LIMIT)))


class HardshipLists:
    """The hardship page's lists and the ``laomo hardship list`` command."""

    def __init__(self, read_sessions: sessionmaker[Session], actor: Actor,
                 today: Callable[[], dt.date] = dt.date.today) -> None:
        self._sessions = read_sessions
        self._actor = actor
        self._today = today

    def cases(self, *, statuses: Sequence[str] = (), due: bool = False, search: str = "",
              with_paid: bool = False) -> list[CaseRow]:
        """Files filtered by status; ``due``: reviews due today or earlier."""
        self._actor.require(Perm.VIEW)
        stmt = _rows_query()
        if statuses:
            stmt = stmt.where(HardshipCase.status.in_(tuple(statuses)))
        if due:
            stmt = stmt.where(HardshipCase.status == "approved",
                              HardshipCase.next_review_date <= self._today())
        text = search.strip()
        if text:
            stmt = stmt.where(or_(Person.name.contains(text), HardshipCase.serial.contains(text)))
        stmt = stmt.order_by(HardshipCase.serial)
        with self._sessions.begin() as s:
            rows = list(_rows(s, stmt))
            if with_paid and rows:
                paid = _paid(s, [r.id for r in rows])
                rows = [_with_paid(r, paid.get(r.id, 0)) for r in rows]
            return rows

    def find(self, key: str) -> uuid.UUID:
        """The file with this serial (KN-2026-00001) or id; ``NotFound`` otherwise."""
        self._actor.require(Perm.VIEW)
        text = key.strip()
        with self._sessions.begin() as s:
            found = s.scalar(select(HardshipCase.id).where(
                HardshipCase.serial == text.upper(), HardshipCase.deleted_at.is_(None)))
            if found is None:
                try:
                    as_id = uuid.UUID(text)
                except ValueError:
                    as_id = None
                if as_id is not None:
                    found = s.scalar(select(HardshipCase.id).where(
                        HardshipCase.id == as_id, HardshipCase.deleted_at.is_(None)))
            if found is None:
                raise NotFound("hardship_case", text)
            return found

    def work_lists(self) -> WorkLists:
        self._actor.require(Perm.VIEW)
        today = self._today()
        week_start = today - dt.timedelta(days=today.weekday())  # Monday … Sunday
        week_end = week_start + dt.timedelta(days=6)
        base = _rows_query()
        with self._sessions.begin() as s:
            return WorkLists(
                waiting_for_me=_rows(s, base.where(self._waiting(today))
                                     .order_by(HardshipCase.updated_at)),
                notices_ending=_rows(s, base.where(
                    HardshipCase.status == "notice", HardshipCase.notice_end >= week_start,
                    HardshipCase.notice_end <= week_end).order_by(HardshipCase.notice_end)),
                reviews_due=_rows(s, base.where(
                    HardshipCase.status == "approved",
                    HardshipCase.next_review_date <= today)
                    .order_by(HardshipCase.next_review_date)),
                not_updated=_rows(s, base.where(
                    HardshipCase.status.in_(OPEN_STATUSES),
                    HardshipCase.updated_at < dt.datetime.combine(
                        today - dt.timedelta(days=365), dt.time(), tzinfo=dt.UTC))
                    .order_by(HardshipCase.updated_at)),
                never_assisted=_rows(s, base.where(
                    HardshipCase.status.in_(ACTIVE_STATUSES),
                    not_(exists().where(HardshipPayment.case_id == HardshipCase.id,
                                        HardshipPayment.deleted_at.is_(None))))
                    .order_by(HardshipCase.serial)),
                totals=_totals(s),
            )

    def totals(self) -> tuple[Totals, ...]:
        self._actor.require(Perm.VIEW)
        with self._sessions.begin() as s:
            return _totals(s)

    def _waiting(self, today: dt.date) -> ColumnElement[bool]:
        """What this user's role is asked to do next (never a check on one's own file)."""
        me = self._actor.name
        not_mine = and_(HardshipCase.created_by != me, HardshipCase.last_edited_by != me)
        parts: list[ColumnElement[bool]] = []
        if self._actor.can(Perm.EDIT_PERSONS):
            parts.append(HardshipCase.status.in_(("draft", "verified")))
        if self._actor.can(Perm.REVIEW):
            parts.append(and_(HardshipCase.status == "submitted", not_mine))
        if self._actor.can(Perm.APPROVE):
            parts.append(and_(HardshipCase.status == "notice", HardshipCase.notice_end < today,
                              not_mine))
            parts.append(and_(HardshipCase.status == "review", not_mine))
        return or_(*parts) if parts else HardshipCase.id.is_(None)


def _paid(s: Session, ids: list[uuid.UUID]) -> dict[uuid.UUID, int]:
    out: dict[uuid.UUID, int] = {}
    for chunk in range(0, len(ids), 500):
        part = ids[chunk:chunk + 500]
        out.update({cid: int(total or 0) for cid, total in s.execute(
            select(HardshipPayment.case_id, func.sum(HardshipPayment.amount))
            .where(HardshipPayment.case_id.in_(part), HardshipPayment.deleted_at.is_(None))
            .group_by(HardshipPayment.case_id))})
    return out


def _with_paid(row: CaseRow, paid: int) -> CaseRow:
    return replace(row, paid_total=paid)


def _totals(s: Session) -> tuple[Totals, ...]:
    active = func.sum(case((HardshipCase.status.in_(ACTIVE_STATUSES), 1), else_=0))
    groups = s.execute(
        select(HardshipCase.year, HardshipCase.category, HardshipCase.district_id,
               func.count(), active)
        .where(HardshipCase.deleted_at.is_(None))
        .group_by(HardshipCase.year, HardshipCase.category, HardshipCase.district_id)).all()
    paid = {(y, c, d): int(total or 0) for y, c, d, total in s.execute(
        select(HardshipCase.year, HardshipCase.category, HardshipCase.district_id,
               func.sum(HardshipPayment.amount))
        .join(HardshipCase, HardshipCase.id == HardshipPayment.case_id)
        .where(HardshipPayment.deleted_at.is_(None))
        .group_by(HardshipCase.year, HardshipCase.category, HardshipCase.district_id))}
    names = {did: name for did, name in s.execute(select(District.id, District.name))}
    out = [Totals(y, c, names.get(d, ""), int(n), int(a or 0), paid.get((y, c, d), 0))
           for y, c, d, n, a in groups]
    return tuple(sorted(out, key=lambda t: (-t.year, t.category, t.district)))
