"""One model worker at a time: read, check, create, edit, reveal the ID number (issue 3).

The register list and search are in ``register``; status changes (动态管理) and their undo in
``person_events``, whose methods ``PersonService`` inherits, so the dialog has one service.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from desktop.errors import AppError, FieldProblem, ValidationError
from desktop.models import Honor, Person
from desktop.services import audit
from desktop.services.base import Service, constraint_name
from desktop.services.permissions import Perm
from desktop.services.register.events import StatusChanges
from desktop.services.register.rules import (
    Resolved,
    Stored,
    check_draft,
    clean_text,
    honor_values,
    person_values,
)
from desktop.services.register.store import (
    add_event,
    detail,
    district_problem,
    districts_by_name,
    home_district_id,
    live_honors,
    load_person,
    refresh_derived,
    utcnow,
)
from desktop.services.register.types import PersonDetail, PersonDraft, StatusChange

__all__ = ["PersonService"]

REMOVED_HONOR_REASON = "removed in the person dialog"


class PersonService(StatusChanges, Service):
    """Use cases on one person. ``read_sessions`` (optional) serve ``get`` and ``validate``,
    which the dialog calls often and which must not queue behind a writer on SQLite."""


    # -- reading ------------------------------------------------------------------------------

    def get(self, person_id: uuid.UUID) -> PersonDetail:
        """The person as stored, ID number masked, events newest first. For a role without
        the unmask permission birth dates carry the year only and phones are masked: the
        rule holds for every caller, the dialog and the command line (issue 14, point 9)."""
        self._actor.require(Perm.VIEW)
        with self._read_sessions.begin() as s:
            return detail(s, load_person(s, person_id), masked=not self._actor.can(Perm.UNMASK))

    def reveal_id_number(self, person_id: uuid.UUID, reason: str) -> str:
        """The full ID number ("" when none is recorded); needs a reason, which is audited."""
        self._actor.require(Perm.UNMASK)
        why = clean_text(reason)
        if why is None:
            raise ValidationError.single("reason", "reason_required")
        with self._sessions.begin() as s:
            person = load_person(s, person_id)
            audit.append(s, self._actor, "person.reveal_id", entity="person",
                         entity_id=person.id, detail={"reason": why})
            return person.id_number or ""

    # -- checking -----------------------------------------------------------------------------

    def validate(
        self, draft: PersonDraft, *, person_id: uuid.UUID | None = None
    ) -> list[FieldProblem]:
        """Every problem that would stop ``create``/``update``; writes nothing."""
        self._actor.require(Perm.EDIT_PERSONS)  # it reveals who holds an ID number
        with self._read_sessions.begin() as s:
            person = load_person(s, person_id) if person_id is not None else None
            problems, _resolved, _district = self._check(s, draft, person)
            return problems

    def _check(
        self, s: Session, draft: PersonDraft, person: Person | None
    ) -> tuple[list[FieldProblem], Resolved, uuid.UUID | None]:
        stored = Stored(None, False, None, frozenset()) if person is None else Stored(
            person.id_number, person.id_legacy15, person.death_date,
            frozenset(h.id for h in live_honors(person)), person.phone, person.mobile)
        problems, resolved = check_draft(draft, today=self._today(), stored=stored)
        known = districts_by_name(s)
        district_name = draft.district.strip()
        district_id = known.get(district_name)
        if district_id is None:
            problems.append(district_problem("district", district_name, known))
        if resolved.id_number is not None:
            stmt = select(Person.id, Person.name).where(
                Person.id_number == resolved.id_number, Person.deleted_at.is_(None),
                Person.merged_into_id.is_(None),
            )
            if person is not None:
                stmt = stmt.where(Person.id != person.id)
            other = s.execute(stmt.limit(1)).first()
            if other is not None:
                problems.append(FieldProblem("id_number", "id_duplicate", {
                    "existing_id": str(other.id), "existing_name": other.name}))
        return problems, resolved, district_id

    # -- writing ------------------------------------------------------------------------------

    def create(self, draft: PersonDraft) -> uuid.UUID:
        """Save a new person; ``ValidationError`` with every problem, nothing written."""
        self._actor.require(Perm.EDIT_PERSONS)
        with _translated_errors(), self._sessions.begin() as s:
            problems, resolved, district_id = self._check(s, draft, None)
            if problems:
                raise ValidationError(problems)
            assert district_id is not None
            home = home_district_id(s)
            person = Person(origin_district_id=home, life_status="alive")
            s.add(person)
            changed = self._apply(s, person, draft, resolved, district_id)
            s.flush()
            add_event(s, person, "create", self._today(), None, {}, self._actor.name)
            audit.append(s, self._actor, "person.create", entity="person",
                         entity_id=person.id, detail={"fields": changed})
            return person.id

    def update(self, person_id: uuid.UUID, draft: PersonDraft, *, expected_version: int,
               changes: Sequence[StatusChange] = ()) -> None:
        """Save the dialog's draft over the stored person, then record the status
        ``changes`` it held (in order), all in one transaction.

        ``expected_version`` is the ``row_version`` the dialog loaded: if someone saved in
        between, ``AppError("stale_record")`` and nothing is written.
        """
        self._actor.require(Perm.EDIT_PERSONS)
        with _translated_errors(), self._sessions.begin() as s:
            person = load_person(s, person_id, lock=True)
            if person.row_version != expected_version:
                raise AppError("stale_record", expected=expected_version,
                               current=person.row_version)
            problems, resolved, district_id = self._check(s, draft, person)
            if problems:
                raise ValidationError(problems)
            assert district_id is not None
            changed = self._apply(s, person, draft, resolved, district_id)
            # Always an UPDATE of the person row, so its version moves even when only an honor
            # changed: a dialog open elsewhere then sees that its copy is stale.
            person.updated_at = utcnow()
            if changed or not changes:
                audit.append(s, self._actor, "person.update", entity="person",
                             entity_id=person.id, detail={"changed": changed})
            self.record_changes(s, person, changes)

    def _apply(
        self, s: Session, person: Person, draft: PersonDraft, resolved: Resolved,
        district_id: uuid.UUID,
    ) -> list[str]:
        """Copy the draft onto the row; the names of the fields that changed (never values)."""
        changed: list[str] = []
        values: dict[str, Any] = person_values(draft, resolved)
        values["district_id"] = district_id
        for field, value in values.items():
            if getattr(person, field) != value:
                setattr(person, field, value)
                changed.append("district" if field == "district_id" else field)
        if self._apply_honors(s, person, draft):
            changed.append("honors")
        refresh_derived(person)
        return changed

    def _apply_honors(self, s: Session, person: Person, draft: PersonDraft) -> bool:
        """Honors become the draft's list: matched by id, new ones added, missing ones
        soft-deleted (a tombstone travels to the city; a hard delete would not)."""
        existing = {h.id: h for h in live_honors(person)}
        home = home_district_id(s)
        changed = False
        kept: set[uuid.UUID] = set()
        for honor in draft.honors:
            values = honor_values(honor)
            row = existing.get(honor.id) if honor.id is not None else None
            if row is None:
                row = Honor(origin_district_id=home, **values)
                person.honors.append(row)
                changed = True
                continue
            kept.add(row.id)
            for field, value in values.items():
                if getattr(row, field) != value:
                    setattr(row, field, value)
                    changed = True
        now = utcnow()
        for honor_id, row in existing.items():
            if honor_id not in kept:
                row.deleted_at = now
                row.deleted_by = self._actor.name
                row.delete_reason = REMOVED_HONOR_REASON
                changed = True
        return changed


class _translated_errors:
    """Database refusals become the errors a user can act on (STYLE.md: constraint errors are
    validation errors; a lost optimistic-lock race is a stale record)."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: object) -> Literal[False]:
        if isinstance(exc, StaleDataError):
            raise AppError("stale_record") from exc
        if isinstance(exc, IntegrityError):
            raise ValidationError.single("record", "constraint_failed",
                                         detail=constraint_name(exc)) from exc
        return False
