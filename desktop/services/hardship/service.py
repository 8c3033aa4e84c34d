"""Hardship files (困难劳模帮扶, issue 6): open a file for a person, edit the draft, amend an
approved file through a recorded amendment, read it back.

The steps (submit, verify, notice, approve …) are in ``hardship_workflow``, payments in
``hardship_payments``, attachments in ``hardship_attachments``, the standards table in
``hardship_standards``; ``HardshipService`` inherits them so a dialog has one service. The
work lists are ``HardshipLists`` (read-only).
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core import idnumber
from desktop.core.reference import LIFE_DECEASED
from desktop.errors import AppError, FieldProblem, ValidationError
from desktop.models import HardshipCase, HardshipMember, Person
from desktop.services import audit
from desktop.services.base import Service
from desktop.services.hardship.attachments import HardshipAttachments
from desktop.services.hardship.payments import HardshipPayments
from desktop.services.hardship.rules import (
    ACTIVE_STATUSES,
    OPEN_STATUSES,
    check_draft,
    clean,
    per_capita,
)
from desktop.services.hardship.standards import HardshipStandards
from desktop.services.hardship.store import (
    add_step,
    categories,
    detail,
    dibao_line,
    load_case,
    next_serial,
)
from desktop.services.hardship.types import CaseDetail, CaseDraft
from desktop.services.hardship.workflow import HardshipWorkflow
from desktop.services.permissions import Perm
from desktop.services.register.store import (
    home_district_id,
)

__all__ = ["HardshipService", "open_case_of"]

_CASE_FIELDS = (
    "category", "main_cause", "secondary_causes", "person_income", "other_income",
    "fixed_costs", "household_size", "per_capita", "health_status", "health_notes",
    "disability", "housing_type", "housing_area", "insurance", "bank_name", "bank_account",
    "notes",
)


class HardshipService(HardshipWorkflow, HardshipPayments, HardshipAttachments,
                      HardshipStandards, Service):
    """Use cases on one hardship file, and the standards table (``HardshipStandards``)."""


    # -- reading ------------------------------------------------------------------------------

    def get(self, case_id: uuid.UUID) -> CaseDetail:
        self._actor.require(Perm.VIEW)
        with self._read_sessions.begin() as s:
            return detail(s, load_case(s, case_id))

    def categories(self) -> tuple[str, ...]:
        """深度困难 / 相对困难 / 意外致困, then the older labels configured."""
        with self._read_sessions.begin() as s:
            return categories(s)

    def line_for(self, person_id: uuid.UUID, year: int | None = None) -> int | None:
        """The monthly 低保 line (fen) a new file of this person would be compared with: their
        district's for the year (this year by default), or None when none is set; so the
        form compares the income as it is typed, before the first save."""
        self._actor.require(Perm.VIEW)
        with self._read_sessions.begin() as s:
            person = s.get(Person, person_id)
            if person is None:
                return None
            return dibao_line(s, year or self._today().year, person.district_id)

    def open_case_for(self, person_id: uuid.UUID) -> uuid.UUID | None:
        """The person's open file, if any (one household, one file)."""
        self._actor.require(Perm.VIEW)
        with self._read_sessions.begin() as s:
            return _open_case(s, person_id)

    # -- checking -----------------------------------------------------------------------------

    def validate(self, draft: CaseDraft, *, case_id: uuid.UUID | None = None
                 ) -> list[FieldProblem]:
        self._actor.require(Perm.EDIT_PERSONS)
        with self._read_sessions.begin() as s:
            return self._check(s, draft, case_id)

    def _check(self, s: Session, draft: CaseDraft, case_id: uuid.UUID | None
               ) -> list[FieldProblem]:
        problems = check_draft(draft, categories(s))
        person = s.get(Person, draft.person_id)
        if person is None or person.deleted_at is not None or person.merged_into_id is not None:
            problems.append(FieldProblem("person", "hardship_person_unknown"))
        else:
            other = _open_case(s, draft.person_id)
            if other is not None and other != case_id:
                problems.append(FieldProblem("person", "hardship_file_open"))
        return problems

    # -- writing ------------------------------------------------------------------------------

    def open(self, draft: CaseDraft) -> uuid.UUID:
        """A new draft file; ``ValidationError`` with every problem, nothing written."""
        self._actor.require(Perm.EDIT_PERSONS)
        with self._sessions.begin() as s:
            return self.open_in(s, draft).id

    def open_in(self, s: Session, draft: CaseDraft, *, source: str | None = None
                ) -> HardshipCase:
        """Open the draft inside the caller's transaction (the visit follow-up opens a file
        and links it to the visit in one go); ``source`` goes into the history line."""
        self._actor.require(Perm.EDIT_PERSONS)
        refuse_deceased(s, draft.person_id)
        problems = self._check(s, draft, None)
        if problems:
            raise ValidationError(problems)
        person = s.get(Person, draft.person_id)
        assert person is not None
        year = draft.year or self._today().year
        case = HardshipCase(
            serial=next_serial(s, year), person_id=person.id, district_id=person.district_id,
            year=year, status="draft", created_by=self._actor.name,
            last_edited_by=self._actor.name, origin_district_id=home_district_id(s))
        _apply(case, draft)
        s.add(case)
        s.flush()
        add_step(s, case, self._actor, "open", "draft", source or "", {"serial": case.serial})
        audit.append(s, self._actor, "hardship.open", entity="hardship_case",
                     entity_id=case.id, detail={"person": str(person.id),
                                                "serial": case.serial,
                                                **({"source": source} if source else {})})
        return case

    def update(self, case_id: uuid.UUID, draft: CaseDraft, *, expected_version: int) -> None:
        """Save the draft; only a draft (or a file sent back) is edited this way."""
        self._actor.require(Perm.EDIT_PERSONS)
        with self._sessions.begin() as s:
            case = self._load_for_edit(s, case_id, expected_version)
            if case.status != "draft":
                raise AppError("hardship_read_only", status=case.status)
            self._save(s, case, draft, "hardship.update", None)

    def amend(self, case_id: uuid.UUID, draft: CaseDraft, *, expected_version: int,
              reason: str) -> None:
        """A recorded amendment (变更) of an approved file: the reason and the fields that
        changed go into the history, and the amender becomes the last editor (so cannot
        approve the next review)."""
        self._actor.require(Perm.EDIT_PERSONS)
        why = clean(reason)
        if why is None:
            raise ValidationError.single("reason", "reason_required")
        with self._sessions.begin() as s:
            case = self._load_for_edit(s, case_id, expected_version)
            if case.status not in ACTIVE_STATUSES:
                raise AppError("hardship_step_out_of_order", action="amend", status=case.status)
            self._save(s, case, draft, "hardship.amend", why)

    def _load_for_edit(self, s: Session, case_id: uuid.UUID, expected: int) -> HardshipCase:
        case = load_case(s, case_id, lock=True)
        if case.row_version != expected:
            raise AppError("stale_record", expected=expected, current=case.row_version)
        return case

    def _save(self, s: Session, case: HardshipCase, draft: CaseDraft, action: str,
              reason: str | None) -> None:
        if draft.person_id != case.person_id:
            raise ValidationError.single("person", "hardship_person_fixed")
        problems = self._check(s, draft, case.id)
        if problems:
            raise ValidationError(problems)
        changed = _apply(case, draft)
        case.last_edited_by = self._actor.name
        case.updated_at = dt.datetime.now(dt.UTC)
        if reason is not None:
            add_step(s, case, self._actor, "amend", case.status, reason, {"changed": changed})
        audit.append(s, self._actor, action, entity="hardship_case", entity_id=case.id,
                     detail={"changed": changed, **({"reason": reason} if reason else {})})


def refuse_deceased(s: Session, person_id: uuid.UUID) -> None:
    """No new file for a person who has died (``hardship_person_deceased``): a hardship file
    pays the person; their family may still be visited."""
    person = s.get(Person, person_id)
    if person is not None and person.life_status == LIFE_DECEASED:
        raise AppError("hardship_person_deceased", name=person.name)


def open_case_of(s: Session, person_id: uuid.UUID) -> HardshipCase | None:
    """The person's open file (any status before closed/rejected), if any."""
    case_id = _open_case(s, person_id)
    return None if case_id is None else s.get(HardshipCase, case_id)


def _open_case(s: Session, person_id: uuid.UUID) -> uuid.UUID | None:
    return s.scalar(select(HardshipCase.id).where(
        HardshipCase.person_id == person_id, HardshipCase.status.in_(OPEN_STATUSES),
        HardshipCase.deleted_at.is_(None)).limit(1))


def _id_number(raw: str | None) -> str | None:
    text = clean(raw)
    return None if text is None else idnumber.parse(text).number


def _apply(case: HardshipCase, draft: CaseDraft) -> list[str]:
    """Copy the draft onto the file; the names of the fields that changed (never values)."""
    _household, size, each = per_capita(draft)
    account = clean(draft.bank_account)
    if account is not None and "*" in account:  # the masked account shown: unchanged
        account = case.bank_account
    values: dict[str, Any] = {
        "category": draft.category, "main_cause": draft.main_cause,
        "secondary_causes": ",".join(draft.secondary_causes),
        "person_income": draft.person_income, "other_income": draft.other_income,
        "fixed_costs": draft.fixed_costs, "household_size": size, "per_capita": each,
        "health_status": clean(draft.health_status), "health_notes": clean(draft.health_notes),
        "disability": clean(draft.disability), "housing_type": clean(draft.housing_type),
        "housing_area": draft.housing_area, "insurance": clean(draft.insurance),
        "bank_name": clean(draft.bank_name),
        "bank_account": account.replace(" ", "") if account else None,
        "notes": clean(draft.notes),
    }
    changed = [f for f in _CASE_FIELDS if getattr(case, f) != values[f]]
    for f in changed:
        setattr(case, f, values[f])
    members = [
        HardshipMember(position=i, name=(clean(m.name) or ""), relation=clean(m.relation) or "",
                       id_number=_id_number(m.id_number),
                       health=clean(m.health), income=m.income, status=clean(m.status))
        for i, m in enumerate(draft.members)]
    old = [(m.name, m.relation, m.id_number, m.health, m.income, m.status) for m in case.members]
    new = [(m.name, m.relation, m.id_number, m.health, m.income, m.status) for m in members]
    if old != new:
        case.members[:] = members
        changed.append("members")
    return changed
