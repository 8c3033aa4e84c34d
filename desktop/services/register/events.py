"""Status changes of a person (劳模动态管理) and the undo of the last one.

Each change is one ``person_event`` with its date, reason and who recorded it; its details
(JSON) keep the values *before* and *after* the change, so that ``undo_last_event`` can put
back exactly what was there, and refuses when something changed those fields since.

Details keys: ``seq`` (recording order), ``before``/``after`` ({column: value}, dates ISO,
``district_id`` as a UUID string), ``honors`` (ids a revocation withdrew), ``from_district`` /
``to_district`` (names, moves), ``undone_by`` / ``undo_reason`` once undone.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table
from sqlalchemy.orm import Session, sessionmaker

from desktop.core.reference import LIFE_ALIVE, LIFE_DECEASED
from desktop.errors import AppError, FieldProblem, ValidationError
from desktop.models import Honor, Person, PersonEvent
from desktop.services import audit
from desktop.services.permissions import Actor, Perm
from desktop.services.register.rules import clean_text, date_problems, text_length_problems
from desktop.services.register.store import (
    add_event,
    district_problem,
    districts_by_name,
    dump_value,
    event_details,
    event_order,
    live_honors,
    load_person,
    load_value,
    refresh_derived,
    utcnow,
)

__all__ = ["RETIRED", "UNDOABLE_KINDS", "StatusChanges"]

RETIRED = "离退休"
UNDOABLE_KINDS = frozenset({"retire", "transfer", "move_out", "move_in", "death", "revoke",
                            "emigrate", "lost_contact"})
_EVENT: Table = PersonEvent.__table__  # type: ignore[assignment]
_PERSON: Table = Person.__table__  # type: ignore[assignment]


@dataclass
class _Change:
    """What one status change does: column values, honors to revoke, extra details."""

    values: dict[str, Any] = field(default_factory=dict)
    honors: list[Honor] = field(default_factory=list)
    extra: dict[str, object] = field(default_factory=dict)
    problems: list[FieldProblem] = field(default_factory=list)


def _unchanged(field_name: str) -> _Change:
    return _Change(problems=[FieldProblem(field_name, "status_unchanged")])


class StatusChanges:
    """The 动态管理 actions of ``PersonService`` (Perm.EDIT_PERSONS; one transaction each;
    each returns the id of the event it recorded)."""

    _sessions: sessionmaker[Session]
    _actor: Actor
    _today: Callable[[], dt.date]

    def retire(self, person_id: uuid.UUID, date: dt.date, reason: str | None = None
               ) -> uuid.UUID:
        """退休/离休: employment status becomes 离退休."""
        def change(_s: Session, p: Person) -> _Change:
            if p.employment_status == RETIRED:
                return _unchanged("employment_status")
            return _Change({"employment_status": RETIRED})
        return self._record(person_id, "retire", date, reason, change)

    def transfer(self, person_id: uuid.UUID, date: dt.date, new_work_unit: str,
                 new_position: str | None = None, reason: str | None = None) -> uuid.UUID:
        """调离原单位: a new work unit and position (None clears the position)."""
        unit, position = clean_text(new_work_unit), clean_text(new_position)

        def change(_s: Session, p: Person) -> _Change:
            if unit is None:
                return _Change(problems=[FieldProblem("new_work_unit", "value_required")])
            problems = text_length_problems(_PERSON, [("new_work_unit", "work_unit", unit),
                                                      ("new_position", "position", position)])
            if unit == p.work_unit and position == p.position:
                problems.append(FieldProblem("new_work_unit", "status_unchanged"))
            return _Change({"work_unit": unit, "position": position}, problems=problems)
        return self._record(person_id, "transfer", date, reason, change)

    def move_out(self, person_id: uuid.UUID, date: dt.date, to_district: str,
                 reason: str | None = None) -> uuid.UUID:
        """迁出: the person is managed by another district of the association from now on, so
        they leave the old district's lists (their history goes with them)."""
        def change(s: Session, p: Person) -> _Change:
            return _move(s, p, to_district, None, require_change=True)
        return self._record(person_id, "move_out", date, reason, change)

    def move_in(self, person_id: uuid.UUID, date: dt.date, from_district: str,
                reason: str | None = None, *, to_district: str | None = None) -> uuid.UUID:
        """迁入 from ``from_district`` (any place, kept as text); the managing district becomes
        ``to_district`` when given, else stays (the record was entered here already)."""
        def change(s: Session, p: Person) -> _Change:
            return _move(s, p, to_district, from_district, require_change=False)
        return self._record(person_id, "move_in", date, reason, change)

    def death(self, person_id: uuid.UUID, date: dt.date, reason: str | None = None
              ) -> uuid.UUID:
        """去世: the person leaves active lists but stays in the register and its history."""
        def change(_s: Session, _p: Person) -> _Change:
            return _Change({"life_status": LIFE_DECEASED, "death_date": date})
        return self._record(person_id, "death", date, reason, change,
                            before_birth_code="death_before_birth")

    def revoke(self, person_id: uuid.UUID, date: dt.date, reason: str | None = None,
               honor_ids: Iterable[uuid.UUID] | None = None) -> uuid.UUID:
        """撤销称号: the given kept honors (all kept honors when None) are withdrawn; the
        treatment level and highest honor follow, ``is_revoked`` when none is left."""
        wanted = None if honor_ids is None else list(honor_ids)

        def change(_s: Session, p: Person) -> _Change:
            kept = {h.id: h for h in live_honors(p) if h.revoked_date is None}
            if not kept:
                return _Change(problems=[FieldProblem("honor_ids", "no_kept_honor")])
            if wanted is not None and (not wanted or any(i not in kept for i in wanted)):
                return _Change(problems=[FieldProblem("honor_ids", "honor_unknown")])
            honors = list(kept.values()) if wanted is None else [kept[i] for i in wanted]
            problems = [FieldProblem("date", "revoked_before_award", {"year": h.year})
                        for h in honors if h.year is not None and date.year < h.year][:1]
            return _Change(honors=honors, problems=problems)
        return self._record(person_id, "revoke", date, reason, change, alive_only=False)

    def emigrate(self, person_id: uuid.UUID, date: dt.date, reason: str | None = None
                 ) -> uuid.UUID:
        """移居国(境)外: no allowances from now on."""
        def change(_s: Session, p: Person) -> _Change:
            return _unchanged("is_emigrated") if p.is_emigrated else \
                _Change({"is_emigrated": True})
        return self._record(person_id, "emigrate", date, reason, change)

    def lost_contact(self, person_id: uuid.UUID, date: dt.date, reason: str | None = None
                     ) -> uuid.UUID:
        """失联: no allowances while contact is lost."""
        def change(_s: Session, p: Person) -> _Change:
            return _unchanged("is_lost_contact") if p.is_lost_contact else \
                _Change({"is_lost_contact": True})
        return self._record(person_id, "lost_contact", date, reason, change)

    # -- the common part ------------------------------------------------------------------------

    def _record(
        self, person_id: uuid.UUID, kind: str, when: dt.date, reason: str | None,
        change: Callable[[Session, Person], _Change], *,
        before_birth_code: str = "date_before_birth", alive_only: bool = True,
    ) -> uuid.UUID:
        self._actor.require(Perm.EDIT_PERSONS)
        why = clean_text(reason)
        with self._sessions.begin() as s:
            person = load_person(s, person_id, lock=True)
            problems = date_problems("date", when, self._today(), person.birth_date,
                                     before_birth_code)
            problems += text_length_problems(_EVENT, [("reason", "reason", why)])
            if alive_only and person.life_status != LIFE_ALIVE:
                problems.append(FieldProblem("life_status", "person_deceased"))
            todo = change(s, person)
            problems += todo.problems
            if kind == "death":
                problems += _later_than_death(person, when)
            if problems:
                raise ValidationError(problems)
            before = {k: dump_value(getattr(person, k)) for k in todo.values}
            for k, v in todo.values.items():
                setattr(person, k, v)
            for honor in todo.honors:
                honor.revoked_date = when
                honor.revoke_reason = why
            refresh_derived(person)
            details: dict[str, object] = {
                "before": before, "after": {k: dump_value(v) for k, v in todo.values.items()},
                **todo.extra,
            }
            if todo.honors:
                details["honors"] = [str(h.id) for h in todo.honors]
            event = add_event(s, person, kind, when, why, details, self._actor.name)
            s.flush()
            audit.append(s, self._actor, f"person.{kind}", entity="person",
                         entity_id=person.id, detail={
                             "event_id": str(event.id), "date": when.isoformat(),
                             "fields": sorted(todo.values) + (["honors"] if todo.honors else []),
                         })
            return event.id

    def undo_last_event(self, person_id: uuid.UUID, reason: str | None = None) -> None:
        """Put back what the newest status change (not yet undone) replaced.

        ``AppError("nothing_to_undo")`` when the newest entry is not a status change (say the
        creation) or has no before-values; ``AppError("undo_conflict")`` when a field it
        changed was changed again since, so the undo would silently throw that away.
        """
        self._actor.require(Perm.EDIT_PERSONS)
        why = clean_text(reason)
        with self._sessions.begin() as s:
            person = load_person(s, person_id, lock=True)
            candidates = [e for e in person.events
                          if e.undone_at is None and e.deleted_at is None]
            if not candidates:
                raise AppError("nothing_to_undo")
            event = max(candidates, key=event_order)
            details = event_details(event)
            before, after = details.get("before"), details.get("after")
            if event.kind not in UNDOABLE_KINDS or not isinstance(before, dict) \
                    or not isinstance(after, dict):
                raise AppError("nothing_to_undo", kind=event.kind)
            honors = _revoked_honors(person, details.get("honors"))
            conflicts = [k for k, v in after.items() if dump_value(getattr(person, k)) != v]
            if any(h is None or h.revoked_date != event.event_date for h in honors):
                conflicts.append("honors")
            if conflicts:
                raise AppError("undo_conflict", fields=", ".join(conflicts))
            for k, v in before.items():
                setattr(person, k, load_value(k, v))
            for honor in honors:
                assert honor is not None
                honor.revoked_date = None
                honor.revoke_reason = None
            refresh_derived(person)
            event.undone_at = utcnow()
            details.update(undone_by=self._actor.name, undo_reason=why)
            event.details = json.dumps(details, ensure_ascii=False)
            audit.append(s, self._actor, "person.event_undo", entity="person",
                         entity_id=person.id, detail={
                             "event_id": str(event.id), "kind": event.kind, "reason": why})


def _later_than_death(person: Person, when: dt.date) -> list[FieldProblem]:
    """A death dated before a status change still in force (say a retirement) is refused:
    nothing happens to a person after their death."""
    later = [e for e in person.events
             if e.undone_at is None and e.deleted_at is None and e.kind in UNDOABLE_KINDS
             and e.kind != "revoke" and e.event_date > when]
    if not later:
        return []
    last = max(later, key=lambda e: e.event_date)
    return [FieldProblem("date", "death_before_event",
                         {"date": last.event_date.isoformat()})]


def _revoked_honors(person: Person, ids: object) -> list[Honor | None]:
    """The honors a revocation withdrew (None for one deleted since)."""
    if not isinstance(ids, list):
        return []
    live = {str(h.id): h for h in live_honors(person)}
    return [live.get(str(i)) for i in ids]


def _move(
    s: Session, person: Person, to_district: str | None, from_district: str | None, *,
    require_change: bool,
) -> _Change:
    known = districts_by_name(s)
    names = {v: k for k, v in known.items()}
    current = names.get(person.district_id, "")
    extra: dict[str, object] = {"from_district": current}
    problems: list[FieldProblem] = []
    if from_district is not None:
        source = clean_text(from_district)
        if source is None:
            problems.append(FieldProblem("from_district", "value_required"))
        extra["from_district"] = source
        problems += text_length_problems(_EVENT, [("from_district", "reason", source)])
    target = clean_text(to_district) if to_district is not None else None
    if target is None:
        if require_change:
            problems.append(FieldProblem("to_district", "value_required"))
        extra["to_district"] = current
        return _Change(extra=extra, problems=problems)
    extra["to_district"] = target
    if target not in known:
        problems.append(district_problem("to_district", target, known))
        return _Change(extra=extra, problems=problems)
    if require_change and known[target] == person.district_id:
        problems.append(FieldProblem("to_district", "status_unchanged"))
    return _Change({"district_id": known[target]}, extra=extra, problems=problems)
