"""The hardship file's step dialogs: an opinion (审核意见) with the step's own fields, and a
payment with the standards' warnings. Labels for statuses and steps live here too."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.core.money import to_fen
from desktop.core.reference_words import CLOSE_KIND, PAYMENT_KIND, REJECT_REASON, VERIFY_METHOD
from desktop.core.texts import problem_text
from desktop.core.vocabulary import HARDSHIP_STATUS
from desktop.errors import AppError, FieldProblem, ValidationError
from desktop.services.hardship.rules import (
    CLOSE_KINDS,
    PAYMENT_KINDS,
    REJECT_REASONS,
    VERIFY_METHODS,
)
from desktop.views.form_widgets import (
    PROBLEM_STYLE,
    WARNING_STYLE,
    DateField,
    FieldBox,
    MoneyField,
    NotesField,
    TextField,
    problem_words,
)
from desktop.views.i18n import current_language, word
from desktop.views.messages import refusal_words
from desktop.views.screen_fit import grow_to_content


def status_label(code: str) -> str:
    return word(HARDSHIP_STATUS, code)


def action_label(code: str) -> str:
    labels = {
        "open": QCoreApplication.translate("Hardship", "Opened"),
        "submit": QCoreApplication.translate("Hardship", "Submit"),
        "return": QCoreApplication.translate("Hardship", "Send back"),
        "verify": QCoreApplication.translate("Hardship", "Verify"),
        "notice": QCoreApplication.translate("Hardship", "Start public notice"),
        "approve": QCoreApplication.translate("Hardship", "Approve"),
        "reject": QCoreApplication.translate("Hardship", "Reject"),
        "start_review": QCoreApplication.translate("Hardship", "Start review"),
        "renew": QCoreApplication.translate("Hardship", "Renew"),
        "close": QCoreApplication.translate("Hardship", "Close file"),
        "objection": QCoreApplication.translate("Hardship", "Objection"),
        "amend": QCoreApplication.translate("Hardship", "Amendment"),
        "payment": QCoreApplication.translate("Hardship", "Payment"),
        "attach": QCoreApplication.translate("Hardship", "Document added"),
        "retype": QCoreApplication.translate("Hardship", "Document type changed"),
        "detach": QCoreApplication.translate("Hardship", "Document removed"),
    }
    return labels.get(code, code)


@dataclass(frozen=True)
class StepInput:
    """What the opinion dialog collected for one step."""

    opinion: str
    verified_on: dt.date | None = None
    verified_by: str | None = None
    method: str | None = None
    findings: str | None = None
    notice_start: dt.date | None = None
    notice_end: dt.date | None = None
    reason: str | None = None  # reject reason code, or close reason text
    close_kind: str | None = None
    next_review: dt.date | None = None


class OpinionDialog(QDialog):
    """The opinion for a step, plus that step's own fields; OK once the opinion is typed.

    With ``attempt`` the step is taken from here on OK: a refusal is shown in the dialog, under
    the field it names (else above the buttons), and the dialog stays open with everything
    typed; it closes only when the step was taken (issue 14: a refused 公示 closed the dialog
    and the clerk typed it all again)."""

    def __init__(self, action: str, default_notice_end: dt.date | None,
                 parent: QWidget | None = None, *,
                 attempt: Callable[[StepInput], None] | None = None,
                 default_next_review: dt.date | None = None, verifier: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("opinionDialog")
        self.setWindowTitle(action_label(action))
        self.setMinimumWidth(440)
        self.action = action
        self._attempt = attempt
        form = QFormLayout()
        today = dt.date.today()
        self.verified_on = DateField(self)
        self.verified_by = TextField(self, max_length=100)
        self.method = QComboBox(self)
        self.findings = NotesField(self)
        self.notice_start = DateField(self)
        self.notice_start.setObjectName("noticeStart")
        self.notice_end = DateField(self)
        self.notice_end.setObjectName("noticeEnd")
        self.reject_reason = QComboBox(self)
        self.close_kind = QComboBox(self)
        self.close_reason = TextField(self, max_length=500)
        self.next_review = DateField(self)
        self.boxes: dict[str, FieldBox] = {}
        """The fields of this step by the name a service's problem gives them."""

        def row(label: str, field: str, editor: QWidget) -> None:
            box = self.boxes[field] = FieldBox(editor, self)
            form.addRow(label, box)

        if action == "verify":
            self.verified_on.set_value(today)
            self.verified_by.set_value(verifier)  # the reviewer's name, editable (walk-through)
            for method in VERIFY_METHODS:
                self.method.addItem(word(VERIFY_METHOD, method), method)
            row(self.tr("Date"), "verified_on", self.verified_on)
            row(self.tr("Verified by"), "verified_by", self.verified_by)
            row(self.tr("Method"), "verify_method", self.method)
            row(self.tr("Findings"), "verify_findings", self.findings)
        elif action == "notice":
            self.notice_start.set_value(today)
            self.notice_end.set_value(default_notice_end)
            row(self.tr("Notice from"), "notice_start", self.notice_start)
            row(self.tr("Notice until"), "notice_end", self.notice_end)
        elif action == "reject":
            for code in REJECT_REASONS:
                self.reject_reason.addItem(word(REJECT_REASON, code), code)
            row(self.tr("Reason"), "reject_reason", self.reject_reason)
        elif action == "close":
            for kind in CLOSE_KINDS:
                self.close_kind.addItem(word(CLOSE_KIND, kind), kind)
            row(self.tr("Close as"), "closed_kind", self.close_kind)
            row(self.tr("Reason"), "closed_reason", self.close_reason)
        elif action in ("approve", "renew"):
            # the date itself, not a placeholder "默认" that said nothing of when
            self.next_review.set_value(default_next_review)
            row(self.tr("Next review"), "next_review_date", self.next_review)
        self.opinion = NotesField(self)
        self.opinion.setObjectName("opinionEdit")
        row(self.tr("Opinion"), "opinion", self.opinion)
        self.problem = QLabel(self)
        self.problem.setObjectName("stepProblem")
        self.problem.setStyleSheet(PROBLEM_STYLE)
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        # the other steps' fields are not in this form: hidden, not a stray "YYYY-MM-DD" box
        # drawn over the labels (issue 14, point 7)
        shown = {box.editor for box in self.boxes.values()}
        for widget in (self.verified_on, self.verified_by, self.method, self.findings,
                       self.notice_start, self.notice_end, self.reject_reason, self.close_kind,
                       self.close_reason, self.next_review):
            if widget not in shown:
                widget.hide()
        for field in (self.opinion, self.findings, self.verified_by, self.close_reason):
            field.changed.connect(self._update)
        self._update()

    def _update(self) -> None:
        ok = bool(self.opinion.value())
        if self.action == "verify":
            ok = ok and bool(self.findings.value()) and bool(self.verified_by.value())
        if self.action == "close":
            ok = ok and bool(self.close_reason.value())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def show_problems(self, problems: list[FieldProblem]) -> None:
        """Each problem under its field, the others (no field of this form) above the
        buttons, with the field named."""
        lang = current_language()
        for name, box in self.boxes.items():
            box.set_problems(problem_words(p) for p in problems if p.field == name)
        rest = [problem_text(p, lang) for p in problems if p.field not in self.boxes]
        self.problem.setText("\n".join(rest))
        self.problem.setVisible(bool(rest))
        grow_to_content(self)

    def show_refusal(self, exc: AppError) -> None:
        """A refusal in words: its problems under their fields, or one sentence above the
        buttons."""
        if isinstance(exc, ValidationError):
            self.show_problems(exc.problems)
            return
        self.show_problems([])
        self.problem.setText(refusal_words(exc))
        self.problem.show()
        grow_to_content(self)

    def accept(self) -> None:
        local = {name: box.editor.local_problem() for name, box in self.boxes.items()
                 if hasattr(box.editor, "local_problem")}
        if any(local.values()):  # a date that is no date: said here, not taken as empty
            for name, text in local.items():
                self.boxes[name].set_problems([text] if text else [])
            return
        if self._attempt is not None:
            try:
                self._attempt(self.result_input())
            except AppError as exc:
                self.show_refusal(exc)
                return
        super().accept()

    def result_input(self) -> StepInput:
        return StepInput(
            opinion=self.opinion.value() or "", verified_on=self.verified_on.value(),
            verified_by=self.verified_by.value(), method=self.method.currentData() or None,
            findings=self.findings.value(), notice_start=self.notice_start.value(),
            notice_end=self.notice_end.value(),
            reason=(self.reject_reason.currentData() if self.action == "reject"
                    else self.close_reason.value()),
            close_kind=self.close_kind.currentData() or None,
            next_review=self.next_review.value())


@dataclass(frozen=True)
class PaymentInput:
    kind: str
    amount: int
    paid_on: dt.date
    payer: str
    medical_self_paid: int | None
    notes: str | None
    override_reason: str | None


def _hard(problem: FieldProblem) -> bool:
    """A refusal no override lifts (the person has died, …), unlike a standard broken."""
    return problem.code.startswith("payment_blocked")


class PaymentDialog(QDialog):
    """A payment to the account shown; the rules it breaks show as warnings, and then an
    override reason is asked of who may give one (the service lets only an approver
    override); anyone else is told before OK who records such a payment. A payment no reason
    allows (dated after the person's death) is said and OK stays off."""

    def __init__(self, check: object, parent: QWidget | None = None, *,
                 notes: Callable[[str, dt.date], list[FieldProblem]] | None = None,
                 attempt: Callable[[PaymentInput], None] | None = None,
                 account: str = "", can_override: bool = True, approvers: str = "") -> None:
        super().__init__(parent)
        self._can_override = can_override
        self._approvers = approvers
        self.setObjectName("paymentDialog")
        self.setWindowTitle(self.tr("Record a payment"))
        self.setMinimumWidth(420)
        self._check = check  # (kind, amount, date, self_paid) -> list[FieldProblem]
        self._notes = notes  # (kind, date) -> what to see before confirming
        self._attempt = attempt  # records it: a refusal is said here, the dialog stays open
        self.kind = QComboBox(self)
        self.kind.setObjectName("paymentKind")
        for kind in PAYMENT_KINDS:
            self.kind.addItem(word(PAYMENT_KIND, kind), kind)
        self.amount = MoneyField(self)
        self.amount.setObjectName("paymentAmount")
        self.paid_on = DateField(self)
        self.paid_on.set_value(dt.date.today())
        self.payer = TextField(self, max_length=100)
        self.payer.setObjectName("paymentPayer")
        self.self_paid = MoneyField(self)
        self.notes = TextField(self, max_length=500)
        self.override = TextField(self, max_length=500)
        self.override.setObjectName("overrideReason")
        self.account = QLabel(account or self.tr("(no account on the file)"), self)
        self.account.setObjectName("paymentAccount")
        self.account.setWordWrap(True)
        self.needs_approver = QLabel(self)
        self.needs_approver.setObjectName("overrideNeedsApprover")
        self.needs_approver.setStyleSheet(PROBLEM_STYLE)
        self.needs_approver.setWordWrap(True)
        self.warning = QLabel(self)
        self.warning.setObjectName("paymentWarning")
        self.warning.setStyleSheet(WARNING_STYLE)
        self.warning.setWordWrap(True)
        self.notice = QLabel(self)
        self.notice.setObjectName("paymentNotice")
        self.notice.setStyleSheet(WARNING_STYLE)
        self.notice.setWordWrap(True)
        self.problem = QLabel(self)
        self.problem.setObjectName("paymentProblem")
        self.problem.setStyleSheet(PROBLEM_STYLE)
        self.problem.setWordWrap(True)
        self.problem.hide()
        form = QFormLayout()
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Amount (yuan)"), self.amount)
        form.addRow(self.tr("Paid on"), self.paid_on)
        form.addRow(self.tr("Payer"), self.payer)
        form.addRow(self.tr("Self-paid medical costs (yuan)"), self.self_paid)
        form.addRow(self.tr("Notes"), self.notes)
        form.addRow(self.tr("Paid to"), self.account)
        form.addRow(self.notice)
        form.addRow(self.warning)
        form.addRow(self.tr("Override reason"), self.override)
        form.addRow(self.needs_approver)
        self._form = form
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        for field in (self.amount, self.paid_on, self.payer, self.self_paid, self.override):
            field.changed.connect(self._update)
        self.kind.currentIndexChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        amount = to_fen(self.amount.value() or 0)
        day = self.paid_on.value()
        broken: list[FieldProblem] = []
        if amount > 0 and day is not None and callable(self._check):
            self_paid = self.self_paid.value()
            broken = self._check(self.kind.currentData(), amount, day,
                                 None if self_paid is None else to_fen(self_paid))
        hard = [p for p in broken if _hard(p)]
        self.warning.setText("\n".join(problem_words(p) for p in broken))
        self.warning.setStyleSheet(PROBLEM_STYLE if hard else WARNING_STYLE)
        self.warning.setVisible(bool(broken))
        notes = (self._notes(self.kind.currentData(), day)
                 if amount > 0 and day is not None and self._notes is not None else [])
        self.notice.setText("\n".join(problem_words(p) for p in notes))
        self.notice.setVisible(bool(notes))
        # the reason is asked only of who may give it, and only when a standard is broken
        overridable = bool(broken) and not hard
        self.override.setEnabled(overridable and self._can_override)
        self._form.setRowVisible(self.override, self._can_override)
        self.needs_approver.setText(self.tr(
            "A payment above the standard is recorded, with its reason, by the %1.")
            .replace("%1", self._approvers or self.tr("reviewer or administrator")))
        self.needs_approver.setVisible(overridable and not self._can_override)
        grow_to_content(self)
        ok = amount > 0 and day is not None and bool(self.payer.value()) and not hard and (
            not broken or (self._can_override and bool(self.override.value())))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def accept(self) -> None:
        if self._attempt is not None:
            try:
                self._attempt(self.result_input())
            except AppError as exc:
                words = ([problem_text(p, current_language()) for p in exc.problems]
                         if isinstance(exc, ValidationError) else [refusal_words(exc)])
                self.problem.setText("\n".join(words))
                self.problem.show()
                grow_to_content(self)
                return
        super().accept()

    def result_input(self) -> PaymentInput:
        day = self.paid_on.value()
        assert day is not None
        self_paid = self.self_paid.value()
        return PaymentInput(
            kind=self.kind.currentData(), amount=to_fen(self.amount.value() or 0), paid_on=day,
            payer=self.payer.value() or "",
            medical_self_paid=None if self_paid is None else to_fen(self_paid),
            notes=self.notes.value(),
            override_reason=self.override.value() if self.override.isEnabled() else None)
