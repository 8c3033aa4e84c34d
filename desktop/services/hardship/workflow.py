"""The steps of a hardship file (issue 6): submit, verify (入户核查), public notice (公示) and
objections, approve or reject, periodic review, renew, close (脱困/撤档), send back.

Every step checks, in this order: the permission, the file's status (no step out of order),
maker ≠ checker (a check is never taken by the file's creator or last editor), the step's own
inputs; then it writes the file, one history line with the opinion text and one audit entry, in
one transaction. Nothing is written when any check fails.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from desktop.errors import AppError, FieldProblem, PermissionDenied, ValidationError
from desktop.models import HardshipAttachment, HardshipCase, HardshipStep
from desktop.services import audit, settings
from desktop.services.hardship.rules import (
    CLOSE_KINDS,
    NOTICE_DAYS_DEFAULT,
    NOTICE_DAYS_KEY,
    REJECT_REASONS,
    REVIEW_MONTHS_DEFAULT,
    REVIEW_MONTHS_KEY,
    VERIFY_METHODS,
    WORKFLOW,
    add_months,
    add_working_days,
    clean,
    opinion_required,
    step_documents,
    working_days,
)
from desktop.services.hardship.store import add_step, load_case, sync_in_hardship
from desktop.services.hardship.types import CaseDetail
from desktop.services.holidays import calendar_in
from desktop.services.permissions import Actor, Perm


def local_date(when: dt.datetime) -> dt.date:
    """The day on the office calendar (local time) of a stored timestamp (naive = UTC)."""
    aware = when if when.tzinfo is not None else when.replace(tzinfo=dt.UTC)
    return aware.astimezone().date()


class MakerChecker(PermissionDenied):
    """The file's creator or last editor tried to check it (maker ≠ checker)."""

    def __init__(self, user: str) -> None:
        super().__init__("maker_checker", user=user)
        self.code = "hardship_maker_checker"


_CONTENT_STEPS = frozenset({"open", "amend", "attach", "retype", "detach", "submit"})


def _this_round(steps: Iterable[Any]) -> list[Any]:
    """The steps since the last 提交 (stored steps or ``StepRow``s, in order)."""
    ordered = list(steps)
    last = max((i for i, st in enumerate(ordered) if st.action == "submit"), default=0)
    return ordered[last:]


def makers_among(created_by: str, last_edited_by: str, steps: Iterable[Any]) -> set[str]:
    """Everyone who made the content a checker looks at: the creator, the last editor, the
    submitter and anyone who amended the file or attached to it since it was submitted (an
    administrator who changed the category and the income is a maker too)."""
    found = {created_by, last_edited_by}
    found.update(st.actor for st in _this_round(steps) if st.action in _CONTENT_STEPS)
    return found


def makers(case: HardshipCase) -> set[str]:
    return makers_among(case.created_by, case.last_edited_by, case.steps)


def verifiers_among(steps: Iterable[Any]) -> set[str]:
    """Who recorded the 入户核查 of this round: they may not also decide (verifier ≠ approver)."""
    return {st.actor for st in _this_round(steps) if st.action == "verify"}


def verifiers(case: HardshipCase) -> set[str]:
    return verifiers_among(case.steps)


def _lacking(s: Session, case: HardshipCase, action: str = "submit") -> tuple[str, ...]:
    """The documents the step ``action`` needs (本人申请, 身份证 … at 提交; the 入户核查记录 at
    公示; all, the 公示材料 too, at 审批) that the file does not carry."""
    present = set(s.scalars(select(HardshipAttachment.doc_type).where(
        HardshipAttachment.case_id == case.id, HardshipAttachment.deleted_at.is_(None))))
    return tuple(d for d in step_documents(action, case.category) if d not in present)


_MISSING_CODES = {"submit": "hardship_documents_missing",
                  "notice": "hardship_notice_documents_missing",
                  "approve": "hardship_approve_documents_missing"}


def _refuse_lacking(s: Session, case: HardshipCase, action: str) -> None:
    """Refuse the step, naming the documents it needs that the file does not carry."""
    lacking = _lacking(s, case, action)
    if lacking:
        raise AppError(_MISSING_CODES[action], documents="、".join(lacking))


class HardshipWorkflow:
    """The transitions; mixed into ``HardshipService``."""

    _sessions: sessionmaker[Session]
    _read_sessions: sessionmaker[Session]
    _actor: Actor
    _today: Callable[[], dt.date]

    # -- who may do what --------------------------------------------------------------------

    def allowed_actions(self, case: CaseDetail) -> tuple[str, ...]:
        """The steps the logged-in user may take on this file now (for the buttons): exactly
        those the step itself would not refuse for who or when (issue 14: a verifier was
        offered 审批 and refused after writing the opinion)."""
        held = {action for action, _why in self.held_actions(case)}
        return tuple(action for action, step in WORKFLOW.items()
                     if case.status in step.sources and action not in held)

    def held_actions(self, case: CaseDetail) -> tuple[tuple[str, str], ...]:
        """The steps this file's state allows but the logged-in user may not take now, each
        with why: ``maker`` (created the file), ``last_editor``, ``round_maker`` (submitted,
        amended or attached since it was submitted), ``verifier`` (recorded this round's
        入户核查: may not also decide), ``notice`` (the 公示 has not ended: no 审批 yet) or
        ``permission`` (the role), so that the window can say so instead of showing no button
        or a button that is refused (issue 14, point 6)."""
        me = self._actor.name
        round_makers = makers_among(case.created_by, case.last_edited_by, case.steps)
        round_verifiers = verifiers_among(case.steps)
        out = []
        for action, step in WORKFLOW.items():
            if case.status not in step.sources:
                continue
            if not self._actor.can(step.perm):
                out.append((action, "permission"))
            elif step.check and me == case.created_by:
                out.append((action, "maker"))
            elif step.check and me == case.last_edited_by:
                out.append((action, "last_editor"))
            elif step.check and me in round_makers:
                out.append((action, "round_maker"))
            elif action in ("approve", "reject") and me in round_verifiers:
                out.append((action, "verifier"))
            elif action == "approve" and case.notice_end is not None \
                    and case.notice_end >= self._today():
                out.append((action, "notice"))
        return tuple(out)

    def _begin_step(self, s: Session, case_id: uuid.UUID, action: str,
                    expected_version: int | None) -> HardshipCase:
        step = WORKFLOW[action]
        self._actor.require(step.perm)
        case = load_case(s, case_id, lock=True)
        if expected_version is not None and case.row_version != expected_version:
            raise AppError("stale_record", expected=expected_version, current=case.row_version)
        if case.status not in step.sources:
            raise AppError("hardship_step_out_of_order", action=action, status=case.status)
        if step.check and self._actor.name in makers(case):
            raise MakerChecker(self._actor.name)
        if action in ("approve", "reject") and self._actor.name in verifiers(case):
            raise AppError("hardship_verifier_decides", user=self._actor.name)
        return case

    def _finish_step(self, s: Session, case: HardshipCase, action: str, opinion: str,
                     detail: dict[str, Any]) -> None:
        target = WORKFLOW[action].target
        add_step(s, case, self._actor, action, target, opinion, detail)
        case.status = target
        s.flush()
        sync_in_hardship(s, case.person_id)
        audit.append(s, self._actor, f"hardship.{action}", entity="hardship_case",
                     entity_id=case.id, detail={"opinion": opinion, **detail})

    def _simple(self, case_id: uuid.UUID, action: str, opinion: str | None,
                expected_version: int | None) -> None:
        with self._sessions.begin() as s:
            case = self._begin_step(s, case_id, action, expected_version)
            self._finish_step(s, case, action, opinion_required(opinion), {})

    # -- the steps ---------------------------------------------------------------------------

    def submit(self, case_id: uuid.UUID, opinion: str, *,
               expected_version: int | None = None) -> None:
        """本人申请 and 单位/社区 sign-off done: hand the draft to the reviewers. Refused, naming
        them, while a document of the application is missing (issue 14: a file listing every
        document missing went to the reviewers); the check and notice records come later."""
        with self._sessions.begin() as s:
            case = self._begin_step(s, case_id, "submit", expected_version)
            text = opinion_required(opinion)
            _refuse_lacking(s, case, "submit")
            self._finish_step(s, case, "submit", text, {})

    def submit_lacking(self, case_id: uuid.UUID) -> tuple[str, ...]:
        """The application's documents still missing, which ``submit`` would refuse for:
        asked before the opinion is typed (the guide: never a form filled, then refused)."""
        return self.step_lacking(case_id, "submit")

    def step_lacking(self, case_id: uuid.UUID, action: str) -> tuple[str, ...]:
        """The documents still missing that the step ``action`` (submit, notice, approve)
        would refuse for; empty for a step that needs none."""
        self._actor.require(Perm.VIEW)
        with self._read_sessions.begin() as s:
            return _lacking(s, load_case(s, case_id), action)

    def send_back(self, case_id: uuid.UUID, opinion: str, *,
                  expected_version: int | None = None) -> None:
        """退回: a reviewer returns the file to the clerk as a draft, saying why."""
        self._simple(case_id, "return", opinion, expected_version)

    def verify(self, case_id: uuid.UUID, *, on: dt.date, by: str, method: str, findings: str,
               opinion: str, expected_version: int | None = None) -> None:
        """入户核查 recorded: when, who went, how (入户/电话/信息比对), what was found."""
        problems: list[FieldProblem] = []
        if method not in VERIFY_METHODS:
            problems.append(FieldProblem("verify_method", "hardship_method_unknown",
                                         {"value": method}))
        if clean(by) is None:
            problems.append(FieldProblem("verified_by", "value_required"))
        if clean(findings) is None:
            problems.append(FieldProblem("verify_findings", "value_required"))
        if on > self._today():
            problems.append(FieldProblem("verified_on", "date_in_future",
                                         {"date": on.isoformat()}))
        with self._sessions.begin() as s:
            case = self._begin_step(s, case_id, "verify", expected_version)
            text = opinion_required(opinion)
            if problems:
                raise ValidationError(problems)
            case.verified_on, case.verified_by = on, clean(by)
            case.verify_method, case.verify_findings = method, clean(findings)
            self._finish_step(s, case, "verify", text, {
                "verified_on": on.isoformat(), "verified_by": clean(by), "method": method,
                "findings": clean(findings)})

    def default_notice_end(self, start: dt.date) -> dt.date:
        """The end of the default notice: the minimum number of working days of the holiday
        calendar (official holidays off, 调休 make-up days on)."""
        with self._sessions.begin() as s:
            minimum = int(settings.get(s, NOTICE_DAYS_KEY, NOTICE_DAYS_DEFAULT))
            return add_working_days(start, minimum, calendar_in(s))

    def default_next_review(self) -> dt.date:
        """The next review that 审批认定 or 复核 sets when none is typed: today and the
        configured number of months, shown in the step's form before OK."""
        with self._sessions.begin() as s:
            return add_months(self._today(), int(
                settings.get(s, REVIEW_MONTHS_KEY, REVIEW_MONTHS_DEFAULT)))

    def start_notice(self, case_id: uuid.UUID, *, start: dt.date, end: dt.date | None = None,
                     opinion: str, expected_version: int | None = None) -> None:
        """公示 from ``start`` to ``end`` (default: the minimum number of working days)."""
        with self._sessions.begin() as s:
            case = self._begin_step(s, case_id, "notice", expected_version)
            text = opinion_required(opinion)
            minimum = int(settings.get(s, NOTICE_DAYS_KEY, NOTICE_DAYS_DEFAULT))
            calendar = calendar_in(s)
            if case.verified_on is not None and start < case.verified_on:
                # no backdating: the notice shows a checked file, so it starts after the check
                raise ValidationError.single("notice_start", "notice_before_verification",
                                             verified=case.verified_on.isoformat())
            submitted = s.scalar(select(func.max(HardshipStep.at)).where(
                HardshipStep.case_id == case.id, HardshipStep.action == "submit"))
            if submitted is not None and start < local_date(submitted):
                raise ValidationError.single("notice_start", "notice_before_submission",
                                             submitted=local_date(submitted).isoformat())
            last = end or add_working_days(start, minimum, calendar)
            if last < start or working_days(start, last, calendar) < minimum:
                raise ValidationError.single("notice_end", "notice_too_short", days=minimum)
            _refuse_lacking(s, case, "notice")
            case.notice_start, case.notice_end = start, last
            self._finish_step(s, case, "notice", text, {
                "start": start.isoformat(), "end": last.isoformat()})

    def record_objection(self, case_id: uuid.UUID, text: str) -> None:
        """An objection (异议) received during the notice: kept in the history, shown to the
        approver; the file stays in notice."""
        content = opinion_required(text)
        with self._sessions.begin() as s:
            case = load_case(s, case_id, lock=True)
            if not (self._actor.can(WORKFLOW["notice"].perm)
                    or self._actor.can(WORKFLOW["approve"].perm)):
                self._actor.require(WORKFLOW["notice"].perm)
            if case.status != "notice":
                raise AppError("hardship_step_out_of_order", action="objection",
                               status=case.status)
            add_step(s, case, self._actor, "objection", case.status, content)
            case.updated_at = dt.datetime.now(dt.UTC)
            audit.append(s, self._actor, "hardship.objection", entity="hardship_case",
                         entity_id=case.id, detail={"opinion": content})

    def approve(self, case_id: uuid.UUID, opinion: str, *, next_review: dt.date | None = None,
                expected_version: int | None = None) -> None:
        """审批: only after the notice has run its course; sets the next review date."""
        with self._sessions.begin() as s:
            case = self._begin_step(s, case_id, "approve", expected_version)
            text = opinion_required(opinion)
            today = self._today()
            if case.notice_end is not None and case.notice_end >= today:
                raise AppError("hardship_notice_running", end=case.notice_end.isoformat())
            _refuse_lacking(s, case, "approve")
            review = next_review or add_months(today, int(
                settings.get(s, REVIEW_MONTHS_KEY, REVIEW_MONTHS_DEFAULT)))
            case.decided_by, case.decided_on, case.next_review_date = (
                self._actor.name, today, review)
            self._finish_step(s, case, "approve", text, {"next_review": review.isoformat()})

    def reject(self, case_id: uuid.UUID, reason: str, opinion: str, *,
               expected_version: int | None = None) -> None:
        """不予认定, with a reason from ``REJECT_REASONS``."""
        if reason not in REJECT_REASONS:
            raise ValidationError.single("reject_reason", "hardship_reason_unknown",
                                         value=reason)
        with self._sessions.begin() as s:
            case = self._begin_step(s, case_id, "reject", expected_version)
            text = opinion_required(opinion)
            case.decided_by, case.decided_on = self._actor.name, self._today()
            case.reject_reason = reason
            self._finish_step(s, case, "reject", text, {"reason": reason})

    def start_review(self, case_id: uuid.UUID, opinion: str, *,
                     expected_version: int | None = None) -> None:
        """定期复核 begins: the clerk checks the household's situation again."""
        self._simple(case_id, "start_review", opinion, expected_version)

    def renew(self, case_id: uuid.UUID, opinion: str, *, next_review: dt.date | None = None,
              expected_version: int | None = None) -> None:
        """复核 done, still in hardship: the file stays, with a new review date."""
        with self._sessions.begin() as s:
            case = self._begin_step(s, case_id, "renew", expected_version)
            text = opinion_required(opinion)
            review = next_review or add_months(self._today(), int(
                settings.get(s, REVIEW_MONTHS_KEY, REVIEW_MONTHS_DEFAULT)))
            if review <= self._today():
                raise ValidationError.single("next_review_date", "date_not_in_future")
            case.next_review_date = review
            self._finish_step(s, case, "renew", text, {"next_review": review.isoformat()})

    def close(self, case_id: uuid.UUID, kind: str, reason: str, opinion: str, *,
              expected_version: int | None = None) -> None:
        """脱困 (out of hardship) or 撤档 (withdrawn), with the reason: 有进有出."""
        problems: list[FieldProblem] = []
        if kind not in CLOSE_KINDS:
            problems.append(FieldProblem("closed_kind", "hardship_close_kind_unknown",
                                         {"value": kind}))
        if clean(reason) is None:
            problems.append(FieldProblem("closed_reason", "reason_required"))
        with self._sessions.begin() as s:
            case = self._begin_step(s, case_id, "close", expected_version)
            text = opinion_required(opinion)
            if problems:
                raise ValidationError(problems)
            case.closed_kind, case.closed_reason = kind, clean(reason)
            case.next_review_date = None
            self._finish_step(s, case, "close", text, {"kind": kind, "reason": clean(reason)})
