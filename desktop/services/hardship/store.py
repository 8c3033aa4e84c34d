"""Reading and writing hardship rows inside a caller's session (shared by the services)."""

from __future__ import annotations

import json
import uuid
from typing import Any

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session

from desktop.core.masking import mask_id
from desktop.core.reference import LIFE_DECEASED
from desktop.errors import NotFound
from desktop.models import (
    District,
    HardshipAttachment,
    HardshipCase,
    HardshipPayment,
    HardshipStep,
    Person,
    Standard,
)
from desktop.services import ownership, settings
from desktop.services.base import display_names
from desktop.services.hardship.rules import (
    ACTIVE_STATUSES,
    CATEGORIES,
    DIBAO,
    DOCUMENTS,
    DOCUMENTS_DEFAULT,
    OLDER_CATEGORIES_DEFAULT,
    OLDER_CATEGORIES_KEY,
    band,
    mask_account,
)
from desktop.services.hardship.types import (
    AttachmentRow,
    CaseDetail,
    HouseholdMemberRow,
    Income,
    PaymentRow,
    StepRow,
)
from desktop.services.permissions import Actor


def load_case(s: Session, case_id: uuid.UUID, *, lock: bool = False) -> HardshipCase:
    row = s.get(HardshipCase, case_id, with_for_update=lock)
    if row is None or row.deleted_at is not None:
        raise NotFound("hardship_case", case_id)
    if lock:  # loaded to be changed: another district's file is read-only at the city
        ownership.require_editable(s, row, f"困难档案 {row.serial or ''}".strip())
    return row


def categories(s: Session) -> tuple[str, ...]:
    older = settings.get(s, OLDER_CATEGORIES_KEY, list(OLDER_CATEGORIES_DEFAULT))
    return CATEGORIES + tuple(str(c) for c in older if str(c) not in CATEGORIES)


def standard(s: Session, year: int, kind: str, district_id: uuid.UUID | None) -> Standard | None:
    """The rule for the year and kind: the district's own row first, else the general one."""
    rows = s.scalars(select(Standard).where(
        Standard.year == year, Standard.kind == kind,
        or_(Standard.district_id == district_id, Standard.district_id.is_(None))))
    found = sorted(rows, key=lambda r: r.district_id is None)
    return found[0] if found else None


def dibao_line(s: Session, year: int, district_id: uuid.UUID) -> int | None:
    row = standard(s, year, DIBAO, district_id)
    return None if row is None else row.amount


def add_step(
    s: Session, case: HardshipCase, actor: Actor, action: str, to_status: str, opinion: str,
    detail: dict[str, Any] | None = None,
) -> None:
    seq = (s.scalar(select(func.max(HardshipStep.seq)).where(HardshipStep.case_id == case.id))
           or 0) + 1
    s.add(HardshipStep(
        case_id=case.id, seq=seq, action=action, from_status=case.status, to_status=to_status,
        actor=actor.name, actor_display=actor.display_name, role=actor.role.value,
        opinion=opinion, detail=json.dumps(detail or {}, ensure_ascii=False, default=str)))


def sync_in_hardship(s: Session, person_id: uuid.UUID) -> None:
    """``person.in_hardship`` = the person has a file that is approved or under review.

    A Core UPDATE, so the person's row version does not move: a person dialog open elsewhere
    is not made stale by a step on the hardship file."""
    active = s.scalar(select(func.count()).select_from(HardshipCase).where(
        HardshipCase.person_id == person_id, HardshipCase.status.in_(ACTIVE_STATUSES),
        HardshipCase.deleted_at.is_(None))) or 0
    s.execute(update(Person).where(Person.id == person_id).values(in_hardship=active > 0)
              .execution_options(synchronize_session=False))


def next_serial(s: Session, year: int) -> str:
    prefix = f"KN-{year}-"
    last = s.scalar(select(func.max(HardshipCase.serial)).where(
        HardshipCase.serial.like(prefix + "%")))
    number = int(last[len(prefix):]) + 1 if last else 1
    return f"{prefix}{number:05d}"


def missing_documents(category: str, present: set[str]) -> tuple[str, ...]:
    needed = DOCUMENTS.get(category, DOCUMENTS_DEFAULT)
    return tuple(d for d in needed if d not in present)


def _step_row(st: HardshipStep) -> StepRow:
    return StepRow(st.seq, st.action, st.from_status, st.to_status, st.actor,
                   st.actor_display, st.role, st.at, st.opinion, json.loads(st.detail))


def detail(s: Session, case: HardshipCase) -> CaseDetail:
    person = s.get(Person, case.person_id)
    assert person is not None
    district = s.get(District, case.district_id)
    line = dibao_line(s, case.year, case.district_id)
    payments = s.scalars(select(HardshipPayment).where(
        HardshipPayment.case_id == case.id, HardshipPayment.deleted_at.is_(None))
        .order_by(HardshipPayment.paid_on, HardshipPayment.created_at)).all()
    attachments = s.execute(select(
        HardshipAttachment.id, HardshipAttachment.doc_type, HardshipAttachment.file_name,
        HardshipAttachment.media_type, HardshipAttachment.size, HardshipAttachment.sha256,
        HardshipAttachment.added_by, HardshipAttachment.created_at).where(
        HardshipAttachment.case_id == case.id, HardshipAttachment.deleted_at.is_(None))
        .order_by(HardshipAttachment.created_at)).all()
    household = case.person_income + case.other_income + sum(m.income for m in case.members)
    who = display_names(s, [*(p.recorded_by for p in payments),
                            *(a.added_by for a in attachments)])
    return CaseDetail(
        id=case.id, serial=case.serial, row_version=case.row_version, person_id=person.id,
        person_name=person.name, person_id_number=mask_id(person.id_number),
        district=district.name if district else "", year=case.year, status=case.status,
        category=case.category, main_cause=case.main_cause,
        secondary_causes=tuple(c for c in case.secondary_causes.split(",") if c),
        person_income=case.person_income, other_income=case.other_income,
        fixed_costs=case.fixed_costs, household_size=case.household_size,
        income=Income(household, case.per_capita, line, band(case.per_capita, line)),
        members=tuple(HouseholdMemberRow(m.name, m.relation, mask_id(m.id_number), m.health or "",
                                m.income, m.status or "") for m in case.members),
        health_status=case.health_status, health_notes=case.health_notes,
        disability=case.disability, housing_type=case.housing_type,
        housing_area=case.housing_area, insurance=case.insurance, bank_name=case.bank_name,
        bank_account=mask_account(case.bank_account), notes=case.notes,
        created_by=case.created_by, last_edited_by=case.last_edited_by,
        verified_on=case.verified_on, verified_by=case.verified_by,
        verify_method=case.verify_method, verify_findings=case.verify_findings,
        notice_start=case.notice_start, notice_end=case.notice_end,
        decided_by=case.decided_by, decided_on=case.decided_on,
        reject_reason=case.reject_reason, next_review_date=case.next_review_date,
        closed_kind=case.closed_kind, closed_reason=case.closed_reason,
        updated_at=case.updated_at,
        steps=tuple(_step_row(st) for st in case.steps),
        owner=ownership.foreign_owner(s, case.origin_district_id),
        payments=tuple(PaymentRow(p.id, p.kind, p.amount, p.paid_on, p.payer,
                                  mask_account(p.bank_account),
                                  who.get(p.recorded_by, p.recorded_by),
                                  p.override_reason) for p in payments),
        attachments=tuple(AttachmentRow(*a[:6], who.get(a.added_by, a.added_by), a[7])
                          for a in attachments),
        missing_documents=missing_documents(case.category, {a.doc_type for a in attachments}),
        person_deceased=person.life_status == LIFE_DECEASED,
        person_death_date=person.death_date,
    )
