"""Payments on a hardship file (发放), checked against the standards table.

A payment breaking a rule (above the cap for its kind, above the share of self-paid medical
costs, more than the allowed number per year) is refused with the rule named, unless someone
with the approve permission overrides it with a reason (kept on the payment and audited).
Persons who are revoked, emigrated, lost contact or under investigation are never paid: no
override for that. Nor is money dated after a person's death paid to their own account (the
account of someone who has died is no longer theirs to receive; DOMAIN: money goes to the
person's own account, and there is no funeral or one-off kind for the family here); payments
dated on or before the death stay allowed.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from desktop.core.money import yuan
from desktop.core.reference import LIFE_DECEASED
from desktop.errors import AppError, FieldProblem, PermissionDenied, ValidationError
from desktop.models import HardshipCase, HardshipPayment, Person
from desktop.services import audit
from desktop.services.hardship.rules import ACTIVE_STATUSES, PAYMENT_KINDS, clean
from desktop.services.hardship.store import add_step, load_case, standard
from desktop.services.permissions import Actor, Perm
from desktop.services.register.store import home_district_id

MEDICAL = "医疗救助"


def blocked_reason(person: Person) -> str | None:
    """Why this person cannot be paid (an error code), or None."""
    if person.is_revoked:
        return "payment_blocked_revoked"
    if person.is_emigrated:
        return "payment_blocked_emigrated"
    if person.is_lost_contact:
        return "payment_blocked_lost_contact"
    if person.under_investigation:
        return "payment_blocked_investigation"
    return None


def death_problem(person: Person, paid_on: dt.date) -> FieldProblem | None:
    """A payment dated after the person's death (or to a person recorded as deceased without
    a date) cannot go to their own account; None when the date is before or on the death."""
    if person.life_status != LIFE_DECEASED:
        return None
    if person.death_date is None:
        return FieldProblem("paid_on", "payment_blocked_deceased_undated", {"name": person.name})
    if paid_on > person.death_date:
        return FieldProblem("paid_on", "payment_blocked_deceased", {
            "name": person.name, "date": person.death_date.isoformat()})
    return None


def rule_problems(s: Session, case: HardshipCase, kind: str, amount: int, paid_on: dt.date,
                  medical_self_paid: int | None) -> list[FieldProblem]:
    """The standards this payment would break (empty when it keeps them all)."""
    problems: list[FieldProblem] = []
    rule = standard(s, paid_on.year, kind, case.district_id)
    if rule is None:
        return problems
    if kind == MEDICAL and rule.ratio_pct:
        if medical_self_paid is None:
            problems.append(FieldProblem("medical_self_paid", "value_required"))
        else:
            share = medical_self_paid * rule.ratio_pct // 100
            limit = min(share, rule.amount) if rule.amount else share
            if amount > limit:
                problems.append(FieldProblem("amount", "payment_above_medical_share", {
                    "ratio": rule.ratio_pct, "limit": yuan(limit)}))
    elif rule.amount is not None and amount > rule.amount:
        problems.append(FieldProblem("amount", "payment_above_cap", {
            "kind": kind, "limit": yuan(rule.amount)}))
    if rule.per_year:
        done = s.scalar(select(func.count()).select_from(HardshipPayment).where(
            HardshipPayment.person_id == case.person_id, HardshipPayment.kind == kind,
            HardshipPayment.year == paid_on.year, HardshipPayment.deleted_at.is_(None))) or 0
        if done >= rule.per_year:
            problems.append(FieldProblem("kind", "payment_per_year", {
                "kind": kind, "year": paid_on.year, "count": rule.per_year}))
    return problems


def payment_notes(s: Session, case: HardshipCase, kind: str, paid_on: dt.date
                  ) -> list[FieldProblem]:
    """What the clerk should see before confirming though no rule is broken: no standard for
    the year and kind (the amount is checked against nothing: issue 14, a fresh database took
    2,000 then 20,000 without a word), and payments of the kind already made that day."""
    notes: list[FieldProblem] = []
    if standard(s, paid_on.year, kind, case.district_id) is None:
        notes.append(FieldProblem("amount", "payment_no_standard",
                                  {"year": paid_on.year, "kind": kind}))
    same_day = s.scalars(select(HardshipPayment.amount).where(
        HardshipPayment.person_id == case.person_id, HardshipPayment.kind == kind,
        HardshipPayment.paid_on == paid_on, HardshipPayment.deleted_at.is_(None))
        .order_by(HardshipPayment.created_at)).all()
    if same_day:
        notes.append(FieldProblem("paid_on", "payment_same_day", {
            "kind": kind, "date": paid_on.isoformat(),
            "amounts": "、".join(yuan(a) for a in same_day)}))
    return notes


class HardshipPayments:
    """Recording payments; mixed into ``HardshipService``."""

    _sessions: sessionmaker[Session]
    _read_sessions: sessionmaker[Session]
    _actor: Actor
    _today: Callable[[], dt.date]

    def check_payment(self, case_id: uuid.UUID, kind: str, amount: int, paid_on: dt.date,
                      medical_self_paid: int | None = None) -> list[FieldProblem]:
        """The warnings the payment dialog shows before saving: a payment after the person's
        death first (``payment_blocked_deceased*``: refused, no override), then the rules
        broken (an approver may override those with a reason)."""
        self._actor.require(Perm.VIEW)
        with self._read_sessions.begin() as s:
            case = load_case(s, case_id)
            person = s.get(Person, case.person_id)
            assert person is not None
            dead = death_problem(person, paid_on)
            return ([dead] if dead is not None else []) + rule_problems(
                s, case, kind, amount, paid_on, medical_self_paid)

    def payment_notes(self, case_id: uuid.UUID, kind: str, paid_on: dt.date
                      ) -> list[FieldProblem]:
        """The notes the payment dialog shows before saving (no standard, paid that day)."""
        self._actor.require(Perm.VIEW)
        with self._read_sessions.begin() as s:
            return payment_notes(s, load_case(s, case_id), kind, paid_on)

    def record_payment(
        self, case_id: uuid.UUID, *, kind: str, amount: int, paid_on: dt.date, payer: str,
        medical_self_paid: int | None = None, notes: str | None = None,
        override_reason: str | None = None,
    ) -> uuid.UUID:
        """Record money paid to the person's own account on an approved file."""
        self._actor.require(Perm.EDIT_PERSONS)
        problems: list[FieldProblem] = []
        if kind not in PAYMENT_KINDS:
            problems.append(FieldProblem("kind", "payment_kind_unknown", {"value": kind}))
        if amount <= 0:
            problems.append(FieldProblem("amount", "amount_not_positive"))
        if medical_self_paid is not None and medical_self_paid < 0:
            problems.append(FieldProblem("medical_self_paid", "value_negative"))
        if paid_on > self._today():
            problems.append(FieldProblem("paid_on", "date_in_future",
                                         {"date": paid_on.isoformat()}))
        if clean(payer) is None:
            problems.append(FieldProblem("payer", "value_required"))
        if problems:
            raise ValidationError(problems)
        with self._sessions.begin() as s:
            case = load_case(s, case_id, lock=True)
            if case.status not in ACTIVE_STATUSES:
                raise AppError("hardship_not_approved", serial=case.serial)
            person = s.get(Person, case.person_id)
            assert person is not None
            blocked = blocked_reason(person)
            if blocked is not None:
                raise AppError(blocked, name=person.name)
            dead = death_problem(person, paid_on)
            if dead is not None:  # under the date: no override reason changes it
                raise ValidationError([dead])
            if not case.bank_account:
                raise ValidationError.single("bank_account", "hardship_no_account")
            broken = rule_problems(s, case, kind, amount, paid_on, medical_self_paid)
            why = clean(override_reason)
            if broken and why is None:
                raise ValidationError(broken)
            if broken and not self._actor.can(Perm.APPROVE):
                raise PermissionDenied(Perm.APPROVE.value, user=self._actor.name,
                                       role=self._actor.role.value)
            payment = HardshipPayment(
                case_id=case.id, person_id=person.id, kind=kind, amount=amount,
                paid_on=paid_on, year=paid_on.year, payer=clean(payer) or "",
                bank_account=case.bank_account, medical_self_paid=medical_self_paid,
                recorded_by=self._actor.name, notes=clean(notes),
                override_by=self._actor.name if broken else None,
                override_reason=why if broken else None,
                origin_district_id=home_district_id(s))
            s.add(payment)
            s.flush()
            detail = {"kind": kind, "amount": amount, "paid_on": paid_on.isoformat(),
                      "payment": str(payment.id)}
            if broken:
                detail["override"] = why
                detail["rules"] = [p.code for p in broken]
            add_step(s, case, self._actor, "payment", case.status, why or "", detail)
            case.updated_at = dt.datetime.now(dt.UTC)
            audit.append(s, self._actor, "hardship.payment", entity="hardship_case",
                         entity_id=case.id, detail=detail)
            return payment.id
