"""The hardship standards table (帮扶标准): the monthly 低保 line and, per payment kind, the cap
per payment, the share of self-paid medical costs and the number of payments a year; a general
row and optional rows of a district's own, per year. Administrators set them (the window's
标准设置 and ``laomo hardship standard``); everyone reads them. Mixed into ``HardshipService``.

Which districts may have rows of their own follows the mode: a county association sets the
general rows and its own district's; the city association any of its districts'.
"""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from desktop.errors import FieldProblem, ValidationError
from desktop.models import District, Standard
from desktop.services import audit, settings
from desktop.services.hardship.rules import DIBAO, PAYMENT_KINDS
from desktop.services.hardship.types import StandardRow
from desktop.services.permissions import Actor, Perm
from desktop.services.register.query import district_query
from desktop.services.register.store import (
    district_problem,
    districts_by_name,
    home_district_id,
)

__all__ = ["STANDARD_KINDS", "HardshipStandards"]

STANDARD_KINDS: tuple[str, ...] = (DIBAO, *PAYMENT_KINDS)
"""The kinds a standards row may have, in the order the window lists them."""


def _own_districts(s: Session) -> list[str]:
    """Districts that may have rows of their own here: county mode the home district only."""
    names = list(s.scalars(district_query()))
    if settings.get(s, settings.MODE) == "county":
        home_id = home_district_id(s)
        home = s.get(District, home_id) if home_id is not None else None
        return [home.name] if home is not None and home.name in names else []
    return names


class HardshipStandards:
    """Reading and setting the standards table."""

    _sessions: sessionmaker[Session]
    _read_sessions: sessionmaker[Session]
    _actor: Actor

    def standard_districts(self) -> list[str]:
        """The districts a row of its own may be set for (besides the general row)."""
        self._actor.require(Perm.VIEW)
        with self._read_sessions.begin() as s:
            return _own_districts(s)

    def set_standard(self, year: int, kind: str, *, amount: int | None,
                     district: str | None = None, ratio_pct: int | None = None,
                     per_year: int | None = None, note: str | None = None) -> None:
        """Create or replace one rule of the standards table: the monthly 低保 line
        (``kind`` = 低保标准, an amount required) or a payment kind's cap, medical share and
        number per year; ``district`` (a name) for a district's own row, none for the general
        one. ``ValidationError`` with every problem, nothing written."""
        self._actor.require(Perm.MANAGE_SETTINGS)
        problems: list[FieldProblem] = []
        if kind not in STANDARD_KINDS:
            problems.append(FieldProblem("kind", "payment_kind_unknown", {"value": kind}))
        if amount is not None and amount < 0:
            problems.append(FieldProblem("amount", "value_negative"))
        if kind == DIBAO and amount is None:
            problems.append(FieldProblem("amount", "value_required"))
        if ratio_pct is not None and not 1 <= ratio_pct <= 100:
            problems.append(FieldProblem("ratio_pct", "hardship_ratio_invalid"))
        if per_year is not None and not 1 <= per_year <= 99:
            problems.append(FieldProblem("per_year", "out_of_range",
                                         {"minimum": 1, "maximum": 99}))
        if not 2000 <= year <= 2100:
            problems.append(FieldProblem("year", "out_of_range",
                                         {"minimum": 2000, "maximum": 2100}))
        note = (note or "").strip() or None
        if note is not None and len(note) > 200:
            problems.append(FieldProblem("notes", "too_long", {"maximum": 200}))
        with self._sessions.begin() as s:
            district_id = None
            if district and district.strip():
                name = district.strip()
                known = districts_by_name(s)
                district_id = known.get(name)
                own = _own_districts(s)
                if district_id is None:
                    problems.append(district_problem("district", name, known))
                elif name not in own:
                    problems.append(FieldProblem("district", "standard_district_not_own", {
                        "name": name, "own": "、".join(own) or "-"}))
            if problems:
                raise ValidationError(problems)
            row = s.scalar(select(Standard).where(
                Standard.year == year, Standard.kind == kind,
                Standard.district_id.is_(None) if district_id is None
                else Standard.district_id == district_id))
            if row is None:
                row = Standard(year=year, kind=kind, district_id=district_id)
                s.add(row)
            row.amount, row.ratio_pct, row.per_year, row.note = amount, ratio_pct, per_year, note
            audit.append(s, self._actor, "hardship.standard", entity="standard",
                         entity_id=f"{year}/{kind}", detail={
                             "district": district, "amount": amount, "ratio_pct": ratio_pct,
                             "per_year": per_year})

    def copy_standards(self, from_year: int, to_year: int) -> tuple[int, int]:
        """Copy ``from_year``'s rows into ``to_year`` where that year has no row of the same
        kind and district yet (a row already set is never overwritten): (copied, kept)."""
        self._actor.require(Perm.MANAGE_SETTINGS)
        if not 2000 <= to_year <= 2100:
            raise ValidationError.single("year", "out_of_range",
                                         minimum=2000, maximum=2100)
        with self._sessions.begin() as s:
            have = {(r.kind, r.district_id) for r in s.scalars(
                select(Standard).where(Standard.year == to_year))}
            source = list(s.scalars(select(Standard).where(Standard.year == from_year)
                                    .order_by(Standard.kind)))
            if not source:
                raise ValidationError.single("year", "standards_none_to_copy", year=from_year)
            copied = [r for r in source if (r.kind, r.district_id) not in have]
            for r in copied:
                s.add(Standard(id=uuid.uuid4(), year=to_year, kind=r.kind,
                               district_id=r.district_id, amount=r.amount, ratio_pct=r.ratio_pct,
                               per_year=r.per_year, note=r.note))
            if copied:
                audit.append(s, self._actor, "hardship.standards_copied", entity="standard",
                             entity_id=str(to_year), detail={
                                 "from": from_year, "to": to_year, "copied": len(copied),
                                 "kept": len(source) - len(copied)})
            return len(copied), len(source) - len(copied)

    def standards(self, year: int | None = None) -> list[StandardRow]:
        """The standards table (a year's rows, or all), newest year first, by kind."""
        self._actor.require(Perm.VIEW)
        with self._read_sessions.begin() as s:
            names = {i: n for n, i in districts_by_name(s).items()}
            stmt = select(Standard).order_by(Standard.year.desc(), Standard.kind)
            if year is not None:
                stmt = stmt.where(Standard.year == year)
            return [StandardRow(r.year, r.kind, names.get(r.district_id, "")
                                if r.district_id else "", r.amount, r.ratio_pct, r.per_year,
                                r.note) for r in s.scalars(stmt)]
