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
from collections.abc import Callable, Iterable, Sequence
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
from desktop.services.register.types import StatusChange

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
    each returns the id of the event it recorded). The person dialog holds its changes as
    ``StatusChange`` values until 保存: ``check_status_changes`` tries them without writing,
    and ``PersonService.update(..., changes=...)`` records them with the form."""

    _sessions: sessionmaker[Session]
    _actor: Actor
    _today: Callable[[], dt.date]

    def retire(self, person_id: uuid.UUID, date: dt.date, reason: str | None = None
               ) -> uuid.UUID:
        """退休/离休: employment status becomes 离退休."""
        return self._record_one(person_id, StatusChange("retire", date, reason))

    def transfer(self, person_id: uuid.UUID, date: dt.date, new_work_unit: str,
                 new_position: str | None = None, reason: str | None = None) -> uuid.UUID:
        """调离原单位: a new work unit and position (None clears the position)."""
        return self._record_one(person_id, StatusChange(
            "transfer", date, reason, new_work_unit=new_work_unit, new_position=new_position))

    def move_out(self, person_id: uuid.UUID, date: dt.date, to_district: str,
                 reason: str | None = None) -> uuid.UUID:
        """迁出: the person is managed by another district of the association from now on, so
        they leave the old district's lists (their history goes with them)."""
        return self._record_one(person_id, StatusChange("move_out", date, reason,
                                                        to_district=to_district))

    def move_in(self, person_id: uuid.UUID, date: dt.date, from_district: str,
                reason: str | None = None, *, to_district: str | None = None) -> uuid.UUID:
        """迁入 from ``from_district`` (any place, kept as text); the managing district becomes
        ``to_district`` when given, else stays (the record was entered here already)."""
        return self._record_one(person_id, StatusChange(
            "move_in", date, reason, from_district=from_district, to_district=to_district))

    def death(self, person_id: uuid.UUID, date: dt.date, reason: str | None = None
              ) -> uuid.UUID:
        """去世: the person leaves active lists but stays in the register and its history."""
        return self._record_one(person_id, StatusChange("death", date, reason))

    def revoke(self, person_id: uuid.UUID, date: dt.date, reason: str | None = None,
               honor_ids: Iterable[uuid.UUID] | None = None) -> uuid.UUID:
        """撤销称号: the given kept honors (all kept honors when None) are withdrawn; the
        treatment level and highest honor follow, ``is_revoked`` when none is left."""
        return self._record_one(person_id, StatusChange(
            "revoke", date, reason, honor_ids=None if honor_ids is None else tuple(honor_ids)))

    def emigrate(self, person_id: uuid.UUID, date: dt.date, reason: str | None = None
                 ) -> uuid.UUID:
        """移居国(境)外: no allowances from now on."""
        return self._record_one(person_id, StatusChange("emigrate", date, reason))

    def lost_contact(self, person_id: uuid.UUID, date: dt.date, reason: str | None = None
                     ) -> uuid.UUID:
        """失联: no allowances while contact is lost."""
        return self._record_one(person_id, StatusChange("lost_contact", date, reason))

    def check_status_changes(self, person_id: uuid.UUID,
                             changes: Sequence[StatusChange]) -> None:
        """Try ``changes`` in order on the stored person and write nothing:
        ``ValidationError`` with the first refused change's problems (field names as in the
        change's form), so the dialog can refuse a change when it is entered, not at 保存."""
        self._actor.require(Perm.EDIT_PERSONS)
        s = self._sessions()
        try:
            with s.begin():
                person = load_person(s, person_id, lock=True)
                self.record_changes(s, person, changes)
                s.flush()
                raise _DryRun
        except _DryRun:
            pass
        finally:
            s.close()

    def undo_last_event(self, person_id: uuid.UUID, reason: str | None = None) -> None:
        """Put back what the newest status change (not yet undone) replaced.

        ``AppError("nothing_to_undo")`` when the newest entry is not a status change (say the
        creation) or has no before-values; ``AppError("undo_conflict")`` when a field it
        changed was changed again since, so the undo would silently throw that away.
        """
        self._record_one(person_id, StatusChange("undo", None, reason))

    # -- the common part ------------------------------------------------------------------------

    def _record_one(self, person_id: uuid.UUID, change: StatusChange) -> uuid.UUID:
        self._actor.require(Perm.EDIT_PERSONS)
        with self._sessions.begin() as s:
            person = load_person(s, person_id, lock=True)
            return self.record_changes(s, person, [change])[0]

    def record_changes(self, s: Session, person: Person,
                       changes: Sequence[StatusChange]) -> list[uuid.UUID]:
        """Record ``changes`` in order inside the caller's transaction (the caller checked
        Perm.EDIT_PERSONS); the ids of the events recorded (for an undo, the undone one)."""
        ids = []
        for c in changes:
            if c.kind == "undo":
                ids.append(self._undo(s, person, clean_text(c.reason)))
                continue
            if c.date is None:
                raise ValidationError.single("date", "value_required")
            change, options = _plan(c)
            ids.append(self._record(s, person, c.kind, c.date, c.reason, change, **options))
        return ids

    def _record(
        self, s: Session, person: Person, kind: str, when: dt.date, reason: str | None,
        change: Callable[[Session, Person], _Change], *,
        before_birth_code: str = "date_before_birth", alive_only: bool = True,
    ) -> uuid.UUID:
        why = clean_text(reason)
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

    def _undo(self, s: Session, person: Person, why: str | None) -> uuid.UUID:
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
        return event.id


class _DryRun(Exception):
    """Raised inside ``check_status_changes`` so its transaction is rolled back."""


def _plan(c: StatusChange) -> tuple[Callable[[Session, Person], _Change], dict[str, Any]]:
    """What change ``c`` makes to a person, and the options of ``_record`` for its kind."""
    if c.kind == "retire":
        def retire(_s: Session, p: Person) -> _Change:
            if p.employment_status == RETIRED:
                return _unchanged("employment_status")
            return _Change({"employment_status": RETIRED})
        return retire, {}
    if c.kind == "transfer":
        unit, position = clean_text(c.new_work_unit), clean_text(c.new_position)

        def transfer(_s: Session, p: Person) -> _Change:
            if unit is None:
                return _Change(problems=[FieldProblem("new_work_unit", "value_required")])
            problems = text_length_problems(_PERSON, [("new_work_unit", "work_unit", unit),
                                                      ("new_position", "position", position)])
            if unit == p.work_unit and position == p.position:
                problems.append(FieldProblem("new_work_unit", "status_unchanged"))
            return _Change({"work_unit": unit, "position": position}, problems=problems)
        return transfer, {}
    if c.kind == "move_out":
        return (lambda s, p: _move(s, p, c.to_district or "", None, require_change=True)), {}
    if c.kind == "move_in":
        return (lambda s, p: _move(s, p, c.to_district, c.from_district or "",
                                   require_change=False)), {}
    if c.kind == "death":
        when = c.date

        def death(_s: Session, _p: Person) -> _Change:
            return _Change({"life_status": LIFE_DECEASED, "death_date": when})
        return death, {"before_birth_code": "death_before_birth"}
    if c.kind == "revoke":
        wanted, date = c.honor_ids, c.date
        assert date is not None

        def revoke(_s: Session, p: Person) -> _Change:
            kept = {h.id: h for h in live_honors(p) if h.revoked_date is None}
            if not kept:
                return _Change(problems=[FieldProblem("honor_ids", "no_kept_honor")])
            if wanted is not None and (not wanted or any(i not in kept for i in wanted)):
                return _Change(problems=[FieldProblem("honor_ids", "honor_unknown")])
            honors = list(kept.values()) if wanted is None else [kept[i] for i in wanted]
            problems = [FieldProblem("date", "revoked_before_award", {"year": h.year})
                        for h in honors if h.year is not None and date.year < h.year][:1]
            return _Change(honors=honors, problems=problems)
        return revoke, {"alive_only": False}
    flags = {"emigrate": "is_emigrated", "lost_contact": "is_lost_contact"}
    if c.kind in flags:
        flag = flags[c.kind]

        def set_flag(_s: Session, p: Person) -> _Change:
            return _unchanged(flag) if getattr(p, flag) else _Change({flag: True})
        return set_flag, {}
    raise ValueError(f"unknown status change {c.kind!r}")


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
