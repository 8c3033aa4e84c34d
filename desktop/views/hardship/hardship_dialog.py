"""One hardship file: household (editable while a draft; an approved file through a recorded
amendment), documents with the checklist, the workflow history with opinions and the steps
this user may take, payments."""

from __future__ import annotations

import datetime as dt
import tempfile
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.money import to_fen, yuan
from desktop.core.reference import LIFE_DECEASED
from desktop.core.texts import permission_refusal
from desktop.core.vocabulary import LIFE_STATUS
from desktop.errors import AppError, FieldProblem, ValidationError
from desktop.services.hardship.rules import (
    DOCUMENT_TYPES,
    DOCUMENTS_FIXED,
    WORKFLOW,
    application_documents,
    attachment_permission,
)
from desktop.services.hardship.types import AttachmentRow, CaseDetail, CaseDraft
from desktop.services.permissions import ROLE_PERMISSIONS, Perm, Role
from desktop.services.workspace import Workspace
from desktop.views.data_words import (
    bracketed,
    data_word,
    joined,
    local_minute,
    spaced,
    with_colon,
)
from desktop.views.document_preview import DocumentPreviewDialog
from desktop.views.file_dialogs import ATTACHMENTS, open_file
from desktop.views.form_widgets import (
    button_row,
    push_button,
)
from desktop.views.gating import allowed, gate, gate_children
from desktop.views.hardship.hardship_actions import (
    OpinionDialog,
    PaymentDialog,
    PaymentInput,
    StepInput,
    action_label,
    status_label,
)
from desktop.views.hardship.hardship_household import HouseholdForm, MoneyDelegate
from desktop.views.i18n import current_language, word
from desktop.views.messages import describe, present_error
from desktop.views.reason_dialog import ReasonDialog
from desktop.views.roles import role_label
from desktop.views.tasks import Task, TaskRunner

if TYPE_CHECKING:
    pass


def _table(parent: QWidget, name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: list[list[str]], *, editable: bool = False) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            if not editable:
                item.setFlags(item.flags() & ~item.flags().ItemIsEditable)
            table.setItem(r, c, item)


def _step_words(action: str, opinion: str, detail: dict[str, object]) -> str:
    """The opinion, or for a payment or a document what it was."""
    if action == "payment":
        amount = detail.get("amount")
        money = yuan(amount) if isinstance(amount, int) else ""
        words = f"{data_word(str(detail.get('kind', '')))} {money}".strip()
        return joined((words, opinion), "；") if opinion else words
    if action == "attach":
        return with_colon(data_word(str(detail.get("doc_type", "")))) + str(detail.get("file", ""))
    if action == "retype":
        return with_colon(str(detail.get("file", ""))) + QCoreApplication.translate(
            "Hardship", "%1 → %2").replace("%1", data_word(str(detail.get("from", "")))) \
            .replace("%2", data_word(str(detail.get("doc_type", ""))))
    if action == "detach":
        return joined((with_colon(data_word(str(detail.get("doc_type", ""))))
                       + str(detail.get("file", "")), opinion), "；")
    return opinion


def deceased_words(died: dt.date | None) -> str:
    """已故（2026-11-01 去世） / Deceased (died 2026-11-01), or just 已故 without a date."""
    dead = word(LIFE_STATUS, LIFE_DECEASED)
    if died is None:
        return dead
    return dead + bracketed(QCoreApplication.translate("Hardship", "died %1")
                            .replace("%1", died.isoformat()))


_DOCUMENT_STEPS: dict[str, str] = {
    "submit": "hardship_documents_lacking",
    "notice": "hardship_notice_documents_lacking",
    "approve": "hardship_approve_documents_lacking",
}
"""The steps refused while documents are missing, and the words said before the step."""


class HardshipDialog(QDialog):
    """Open with ``HardshipDialog.open_case`` (an existing case) or ``new_case`` (a person)."""

    def __init__(self, workspace: Workspace, *, case_id: uuid.UUID | None,
                 person: tuple[uuid.UUID, str] | None, parent: QWidget | None = None,
                 tasks: TaskRunner | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hardshipDialog")
        # wide enough for the household members' six columns beside the form at 1366×768
        # (fitted to a smaller screen as every window is)
        self.resize(1220, 680)
        self._ws = workspace
        self._tasks = tasks if tasks is not None else TaskRunner(self)
        self._service = workspace.hardship()
        self.case_id = case_id
        self.person_id = person[0] if person else None
        self.detail: CaseDetail | None = None
        # opened documents are copied here, a folder of this dialog's own, removed when it
        # closes (and at exit at the latest): no scan of an ID card left behind in the temp
        self._copies: tempfile.TemporaryDirectory[str] | None = None
        self.opened: Path | None = None
        self.finished.connect(self.remove_copies)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("hardshipTabs")
        self.heading = QLabel(self)
        self.heading.setObjectName("hardshipHeading")
        self.heading.setStyleSheet("font-size: 15px; font-weight: bold")
        self._build_household()
        self._build_documents()
        self._build_history()
        self._build_payments()
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.tabs, 1)
        bottom = button_row(self, [
            ("printFileSheet", self.tr("Print file sheet…"), self._print_sheet),
            ("printProof", self.tr("Proof of assistance…"), self._print_proof)])
        bottom.addWidget(push_button(self, "closeHardship", self.tr("Close"), self.accept))
        layout.addLayout(bottom)
        if person is not None:
            self.heading.setText(self.tr("New hardship file for %1").replace("%1", person[1]))
            # named in the task bar and title as an open file is (it read only 劳模之家)
            self.setWindowTitle(self.heading.text())
        self.reload()
        if case_id is None and self.person_id is not None:
            # the 低保 comparison as the clerk types, before the first save (walk-through)
            self.household.set_line(self._service.line_for(self.person_id))
        self._compare_with_register(prefill=case_id is None)

    def _gate_role(self) -> None:
        """What this role may not do is disabled, saying why (issue 14, point 6); the service
        refuses it anyway."""
        actor = self._ws.actor
        gate_children(self, actor, dict.fromkeys(
            ("addMember", "removeMember", "saveHardship", "addAttachment"), Perm.EDIT_PERSONS))
        proof = self.findChild(QPushButton, "printProof")
        if proof is not None and not actor.can_issue():
            proof.setEnabled(False)  # Actor.require_issuer
            proof.setToolTip(permission_refusal("issue_documents", actor.role.value,
                                                current_language()))
        self._gate_open()

    def _gate_open(self) -> None:
        """Open is offered for a chosen document this role may look at: a scan of an ID card,
        a 户口本 or a bank card only to who may see full numbers."""
        button = self.findChild(QPushButton, "viewAttachment")
        if button is None:
            return
        att = self._chosen_attachment()
        button.setEnabled(att is not None)
        button.setToolTip("" if att is not None else self.tr("Choose a document above first."))
        if att is not None:
            gate(button, self._ws.actor, attachment_permission(att.doc_type))
        self._gate_fix(att)

    def _gate_fix(self, att: AttachmentRow | None) -> None:
        """Change type and Remove: for a chosen document, on a file not yet decided, for who
        may edit files (and see the scan), each saying why not."""
        decided = self.detail is not None and self.detail.status in DOCUMENTS_FIXED
        for name in ("retypeAttachment", "removeAttachment"):
            button = self.findChild(QPushButton, name)
            if button is None:
                continue
            button.setEnabled(att is not None and not decided)
            button.setToolTip(
                self.tr("Choose a document above first.") if att is None else
                self.tr("The documents of a decided file are those the decision was taken "
                        "on: they cannot be changed.") if decided else "")
            if att is not None and not decided and gate(button, self._ws.actor,
                                                        Perm.EDIT_PERSONS):
                gate(button, self._ws.actor, attachment_permission(att.doc_type))

    def _compare_with_register(self, *, prefill: bool) -> None:
        """Pre-fill a new file from the register (月收入, spouse) and compare it as one types."""
        if self.person_id is None:
            return
        try:
            d = self._ws.persons().get(self.person_id).draft
        except AppError:
            return  # not readable by this role: nothing to compare with
        self.household.set_register(
            None if d.monthly_income is None else to_fen(d.monthly_income), d.spouse_name,
            None if d.spouse_income is None else to_fen(d.spouse_income), prefill=prefill)

    # -- household ----------------------------------------------------------------------------

    def _build_household(self) -> None:
        self.household = HouseholdForm(self._service.categories(), self)
        self.household.save_button.clicked.connect(self.save)
        self.tabs.addTab(self.household, self.tr("Household"))

    def draft(self) -> CaseDraft:
        assert self.person_id is not None
        return self.household.draft(self.person_id, self.detail.year if self.detail else None)

    def save(self) -> None:
        try:
            draft = self.draft()
            if self.case_id is None:
                self.case_id = self._service.open(draft)
            elif self.detail is not None and self.detail.status == "draft":
                self._service.update(self.case_id, draft,
                                     expected_version=self.detail.row_version)
            elif self.detail is not None:
                reason = ReasonDialog.ask(self, self.tr("Amend an approved file"), self.tr(
                    "This file is approved: the change is recorded as an amendment. Why?"))
                if reason is None:
                    return
                self._service.amend(self.case_id, draft,
                                    expected_version=self.detail.row_version, reason=reason)
        except ValidationError as exc:
            self.show_problems(exc.problems)
            return
        except AppError as exc:
            present_error(self, exc)
            return
        self.show_problems([])
        self.reload()

    def show_problems(self, problems: list[FieldProblem]) -> None:
        self.household.show_problems(problems)

    # -- documents ----------------------------------------------------------------------------

    def _build_documents(self) -> None:
        page = QWidget(self)
        self.documents = _table(page, "attachments", [
            self.tr("Type"), self.tr("File name"), self.tr("Size"), self.tr("Added by"),
            self.tr("SHA-256")])
        # the file name takes the width, the (shortened) checksum only what it needs
        header = self.documents.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.missing = QLabel(page)
        self.missing.setObjectName("missingDocuments")
        self.missing.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addWidget(self.missing)
        layout.addWidget(self.documents, 1)
        layout.addLayout(button_row(page, [
            ("addAttachment", self.tr("Add document…"), self.add_document),
            ("viewAttachment", self.tr("Open"), self.view_document),
            ("retypeAttachment", self.tr("Change type…"), self.retype_document),
            ("removeAttachment", self.tr("Remove…"), self.remove_document)]))
        self.documents.itemSelectionChanged.connect(self._gate_open)
        self.tabs.addTab(page, self.tr("Documents"))

    def add_document(self) -> None:
        if self.case_id is None:
            return
        path = open_file(self, self.tr("Add a document"), "", ATTACHMENTS)
        if not path:
            return
        kinds = {data_word(kind): kind for kind in DOCUMENT_TYPES}
        # the first document still missing is offered, not 本人申请 every time (walk-through:
        # 身份证 and 收入证明 filed as 本人申请 with Enter); the file is named in the question
        missing = self.detail.missing_documents if self.detail is not None else ()
        first = next((i for i, kind in enumerate(kinds.values()) if kind in missing), 0)
        shown, ok = QInputDialog.getItem(
            self, self.tr("Document type"),
            self.tr("What is %1?").replace("%1", Path(path).name), list(kinds), first, False)
        if ok:
            self.attach(Path(path), kinds[shown])

    def attach(self, path: Path, kind: str) -> None:
        assert self.case_id is not None
        try:
            self._service.add_attachment(self.case_id, path, kind)
        except AppError as exc:
            present_error(self, exc)
        self.reload()

    def _chosen_attachment(self) -> AttachmentRow | None:
        row = self.documents.currentRow()
        if self.detail is None or not 0 <= row < len(self.detail.attachments) \
                or not self.documents.selectedItems():
            return None
        return self.detail.attachments[row]

    def retype_document(self) -> None:
        """File the chosen document under another type (身份证 filed as 本人申请)."""
        att = self._chosen_attachment()
        if att is None:
            return
        kinds = {data_word(kind): kind for kind in DOCUMENT_TYPES}
        shown, ok = QInputDialog.getItem(
            self, self.tr("Change type"),
            self.tr("What is %1?").replace("%1", att.file_name), list(kinds),
            list(kinds.values()).index(att.doc_type) if att.doc_type in kinds.values() else 0,
            False)
        if not ok or kinds[shown] == att.doc_type:
            return
        try:
            self._service.change_attachment_type(att.id, kinds[shown])
        except AppError as exc:
            present_error(self, exc)
        self.reload()

    def remove_document(self) -> None:
        """Remove the chosen document, asking why (kept with who and when)."""
        att = self._chosen_attachment()
        if att is None:
            return
        reason = ReasonDialog.ask(self, self.tr("Remove document"), self.tr(
            "Why is %1 (%2) removed from this file?").replace("%1", att.file_name)
            .replace("%2", data_word(att.doc_type)))
        if not reason:
            return
        try:
            self._service.remove_attachment(att.id, reason)
        except AppError as exc:
            present_error(self, exc)
        self.reload()

    def view_document(self) -> None:
        """A copy of the chosen document in this dialog's own folder (``opened``), opened
        with the system's viewer."""
        att = self._chosen_attachment()
        if att is None or not allowed(self, self._ws.actor, attachment_permission(att.doc_type)):
            return
        try:
            name, _media, content = self._service.read_attachment(att.id)
        except AppError as exc:
            present_error(self, exc)
            return
        if self._copies is None:
            self._copies = tempfile.TemporaryDirectory(prefix="laomo-",
                                                       ignore_cleanup_errors=True)
        target = Path(self._copies.name) / (Path(name).name or "document")
        target.write_bytes(content)
        self.opened = target
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))

    def remove_copies(self) -> None:
        """Delete the copies of opened documents (a viewer still holding one open on Windows
        keeps it until exit, when the folder goes at the latest)."""
        if self._copies is not None:
            self._copies.cleanup()
            self._copies = None

    # -- history and steps --------------------------------------------------------------------

    def _build_history(self) -> None:
        page = QWidget(self)
        self.history = _table(page, "hardshipHistory", [
            self.tr("Time"), self.tr("Step"), self.tr("By"), self.tr("Status"),
            self.tr("Opinion")])
        self.history.setWordWrap(True)
        self.actions_row = QHBoxLayout()
        self.held = QLabel(page)
        self.held.setObjectName("heldSteps")
        self.held.setWordWrap(True)
        self.held.setStyleSheet("color: #8a5a00")
        self.held.hide()
        layout = QVBoxLayout(page)
        layout.addWidget(self.history, 1)
        layout.addWidget(self.held)
        layout.addLayout(self.actions_row)
        self.tabs.addTab(page, self.tr("Workflow"))

    def _rebuild_actions(self) -> None:
        while self.actions_row.count():
            item = self.actions_row.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        if self.detail is None:
            return
        d = self.detail
        if not d.editable:
            return
        allowed_now = self._service.allowed_actions(d)
        lacking_by = {a: self._step_lacking(a) for a in _DOCUMENT_STEPS if a in allowed_now}
        for action in allowed_now:
            lacking = lacking_by.get(action)
            button = QPushButton(action_label(action) + "…", self)
            button.setObjectName(f"step_{action}")
            button.clicked.connect(lambda _c=False, a=action: self.take_step(a))
            if action in ("approve", "reject") and self._verifier() is not None:
                # separation of duties, said before the dialog (the guide's role table)
                button.setToolTip(self.tr(
                    "The home visit check was made by %1: the decision is taken by someone "
                    "else (another reviewer or the administrator).")
                    .replace("%1", self._verifier() or ""))
            if lacking is not None:
                # said before the opinion dialog: what is missing (the guide's promise; a
                # walk-through found a file approved with its check and notice missing)
                button.setEnabled(False)
                button.setToolTip(describe(lacking))
            self.actions_row.addWidget(button)
        if d.status == "notice":
            self.actions_row.addWidget(push_button(
                self, "recordObjection", self.tr("Record objection…"), self.record_objection))
        self.actions_row.addStretch(1)
        held = self._held_text(self._service.held_actions(d))
        said = [describe(why) for why in lacking_by.values() if why is not None]
        held = "\n".join(x for x in (*said, held) if x)
        self.held.setText(held)
        self.held.setVisible(bool(self.held.text()))

    def _verifier(self) -> str | None:
        """Who recorded the 入户核查 of this round (since the last 提交), by name."""
        steps = self.detail.steps if self.detail is not None else ()
        found = None
        for st in steps:
            if st.action == "submit":
                found = None
            elif st.action == "verify":
                found = st.actor_display or st.actor
        return found

    def _step_lacking(self, action: str) -> AppError | None:
        """Why ``action`` (提交, 公示, 审批) would be refused for missing documents, naming
        them in the interface's words; None when they are there or the step is not offered."""
        if self.case_id is None or self.detail is None or action not in _DOCUMENT_STEPS \
                or action not in self._service.allowed_actions(self.detail):
            return None
        lacking = self._service.step_lacking(self.case_id, action)
        if not lacking:
            return None
        return AppError(_DOCUMENT_STEPS[action],
                        documents=joined((data_word(x) for x in lacking), "、"))

    def _held_text(self, held: tuple[tuple[str, str], ...]) -> str:
        """Why a step this file is ready for has no button (issue 14: the maker found no 审批
        button and no reason; the verifier and a reviewer during the 公示 were refused only
        after writing their opinion)."""
        words = {
            "maker": self.tr("You created this file, so you cannot approve it (%1): another "
                             "reviewer or the administrator does."),
            "last_editor": self.tr("You changed this file last, so you cannot approve it "
                                   "(%1): another reviewer or the administrator does."),
            "round_maker": self.tr("You submitted or changed this file since it was "
                                   "submitted, so you cannot check it (%1): another reviewer "
                                   "or the administrator does."),
            "verifier": self.tr("You made the home visit check of this file, so the decision "
                                "(%1) is taken by another reviewer or the administrator."),
            "notice": self.tr("The public notice runs until %2: %1 only after it has ended."),
        }
        end = self.detail.notice_end if self.detail is not None else None
        lines = []
        for why, text in words.items():
            actions = joined((action_label(a) for a, w in held if w == why), "、")
            if actions:
                lines.append(text.replace("%1", actions)
                             .replace("%2", end.isoformat() if end else ""))
        # a step the role cannot take: who can, from the permission the step needs (公示 is
        # the clerk's, 审批 the reviewer's; issue 14 told a reviewer 公示 was a reviewer's)
        by_roles: dict[str, list[str]] = {}
        for action, why in held:
            if why == "permission":
                by_roles.setdefault(self.roles_with(WORKFLOW[action].perm), []).append(
                    action_label(action))
        for who, labels in by_roles.items():
            lines.append(self.tr("Your role cannot take %1: the %2 does.")
                         .replace("%1", joined(labels, "、")).replace("%2", who))
        return "\n".join(lines)

    def roles_with(self, perm: Perm) -> str:
        """The roles that have ``perm``, in words: 审核员或管理员 (the administrator last)."""
        roles = sorted((r for r in Role if perm in ROLE_PERMISSIONS[r]),
                       key=lambda r: r is Role.ADMIN)
        names = [role_label(r) for r in roles]
        return names[-1] if len(names) < 2 else self.tr("%1 or %2").replace(
            "%1", joined(names[:-1], "、")).replace("%2", names[-1])

    def step_dialog(self, action: str) -> OpinionDialog:
        """The opinion dialog for ``action``: it takes the step itself on OK and stays open,
        with what was typed and the refusal in words, when the step is refused."""
        dialog = OpinionDialog(
            action, self._service.default_notice_end(dt.date.today()), self,
            attempt=lambda got: self.run_step(action, got),
            default_next_review=(self._service.default_next_review()
                                 if action in ("approve", "renew") else None),
            verifier=self._ws.actor.display_name or self._ws.actor.name)
        if action == "submit" and self.detail is not None:
            # said before the opinion is typed: the documents the service will ask for
            lacking = [d for d in application_documents(self.detail.category)
                       if d in self.detail.missing_documents]
            if lacking:
                documents = joined((data_word(d) for d in lacking), "、")
                dialog.show_refusal(AppError("hardship_documents_missing", documents=documents))
        return dialog

    def take_step(self, action: str) -> None:
        """Ask for the opinion and the step's fields; the dialog takes the step. A submit
        missing documents is refused before the dialog, naming them."""
        lacking = self._step_lacking(action)
        if lacking is not None:
            present_error(self, lacking)
            return
        self.step_dialog(action).exec()

    def do_step(self, action: str, got: StepInput) -> bool:
        """Take the step (without the dialog), a refusal said in a message box."""
        try:
            self.run_step(action, got)
        except AppError as exc:
            present_error(self, exc)
            return False
        return True

    def run_step(self, action: str, got: StepInput) -> None:
        """Take the step; a refusal is raised (``AppError``), nothing written."""
        assert self.case_id is not None
        svc, cid = self._service, self.case_id
        if action == "submit":
            svc.submit(cid, got.opinion)
        elif action == "return":
            svc.send_back(cid, got.opinion)
        elif action == "verify":
            if got.verified_on is None:
                raise ValidationError.single("verified_on", "value_required")
            svc.verify(cid, on=got.verified_on, by=got.verified_by or "",
                       method=got.method or "", findings=got.findings or "",
                       opinion=got.opinion)
        elif action == "notice":
            if got.notice_start is None:
                raise ValidationError.single("notice_start", "value_required")
            svc.start_notice(cid, start=got.notice_start, end=got.notice_end,
                             opinion=got.opinion)
        elif action == "approve":
            svc.approve(cid, got.opinion, next_review=got.next_review)
        elif action == "reject":
            svc.reject(cid, got.reason or "", got.opinion)
        elif action == "start_review":
            svc.start_review(cid, got.opinion)
        elif action == "renew":
            svc.renew(cid, got.opinion, next_review=got.next_review)
        elif action == "close":
            svc.close(cid, got.close_kind or "", got.reason or "", got.opinion)
        self.reload()

    def record_objection(self) -> None:
        assert self.case_id is not None
        text = ReasonDialog.ask(self, self.tr("Objection"), self.tr(
            "What was objected to during the public notice, and by whom?"))
        if text:
            try:
                self._service.record_objection(self.case_id, text)
            except AppError as exc:
                present_error(self, exc)
            self.reload()

    # -- payments -----------------------------------------------------------------------------

    def _build_payments(self) -> None:
        page = QWidget(self)
        self.payments = _table(page, "payments", [
            self.tr("Paid on"), self.tr("Kind"), self.tr("Amount (yuan)"), self.tr("Payer"),
            self.tr("Account"), self.tr("Recorded by"), self.tr("Override reason")])
        self.payments.setItemDelegateForColumn(2, MoneyDelegate(self.payments))
        self.paid_total = QLabel(page)
        self.paid_total.setObjectName("paidTotal")
        self.pay_button = push_button(page, "recordPayment", self.tr("Record payment…"),
                                      self.record_payment)
        layout = QVBoxLayout(page)
        layout.addWidget(self.payments, 1)
        row = QHBoxLayout()
        row.addWidget(self.paid_total, 1)
        row.addWidget(self.pay_button)
        layout.addLayout(row)
        self.tabs.addTab(page, self.tr("Payments"))

    def payment_dialog(self) -> PaymentDialog:
        assert self.case_id is not None
        cid = self.case_id
        d = self.detail
        account = ""
        if d is not None and d.bank_account:
            account = self.tr("%1 %2 (the person's own account)").replace(
                "%1", d.bank_name or "").replace("%2", d.bank_account).strip()
        return PaymentDialog(lambda k, a, d, m: self._service.check_payment(cid, k, a, d, m),
                             self, notes=lambda k, d: self._service.payment_notes(cid, k, d),
                             attempt=self.record, account=account,
                             can_override=self._ws.actor.can(Perm.APPROVE),
                             approvers=self.roles_with(Perm.APPROVE))

    def record_payment(self) -> None:
        if not allowed(self, self._ws.actor, Perm.EDIT_PERSONS):  # before the form
            return
        self.payment_dialog().exec()  # it records the payment; a refusal stays in it

    def pay(self, got: PaymentInput) -> bool:
        """Record the payment (without the dialog), a refusal said in a message box."""
        try:
            self.record(got)
        except AppError as exc:
            present_error(self, exc)
            return False
        return True

    def record(self, got: PaymentInput) -> None:
        """Record the payment; a refusal is raised (``AppError``), nothing written."""
        assert self.case_id is not None
        self._service.record_payment(
            self.case_id, kind=got.kind, amount=got.amount, paid_on=got.paid_on,
            payer=got.payer, medical_self_paid=got.medical_self_paid, notes=got.notes,
            override_reason=got.override_reason)
        self.reload()

    # -- printing -----------------------------------------------------------------------------

    def _print_sheet(self) -> None:
        self.print_pdf("sheet")

    def _print_proof(self) -> None:
        self.print_pdf("proof")

    def print_pdf(self, kind: str) -> Task | None:
        """The 档案表 (``sheet``) or a 帮扶证明 (``proof``), made in the background and
        previewed; a proof takes its serial when it is printed or saved. A refusal (no
        payment, not approved, no font) is said before any file dialog."""
        if self.case_id is None or self.detail is None:
            return None
        case_id, serial = self.case_id, self.detail.serial
        prints = self._ws.hardship_print()
        if kind == "sheet":
            return DocumentPreviewDialog.generate(
                self, self._tasks, lambda: prints.case_sheet(case_id),
                title=self.tr("Hardship file sheet"), file_name=f"困难劳模档案表-{serial}.pdf",
                label=self.tr("Preparing the file sheet…"))
        return DocumentPreviewDialog.generate(
            self, self._tasks, lambda: prints.proof(case_id, preview=True),
            title=self.tr("Proof of assistance"), file_name=f"帮扶证明-{serial}.pdf",
            label=self.tr("Preparing the proof of assistance…"),
            issue=lambda: prints.proof(case_id), done=lambda _d: self.reload())

    # -- loading ------------------------------------------------------------------------------

    def _gate_prints(self, d: CaseDetail | None) -> None:
        """The 档案表 once the file is saved, a 帮扶证明 once it is approved and paid, each
        saying why it is off (walk-through: on a new file both did nothing when clicked)."""
        sheet = self.findChild(QPushButton, "printFileSheet")
        proof = self.findChild(QPushButton, "printProof")
        if sheet is None or proof is None:
            return
        unsaved = self.tr("Save the file first.")
        sheet.setEnabled(d is not None)
        sheet.setToolTip("" if d is not None else unsaved)
        if d is None:
            why = unsaved
        elif d.status == "rejected":
            why = self.tr("This file was not recognised: there is no proof of assistance.")
        elif d.status not in ("approved", "review", "closed"):
            why = self.tr("A proof of assistance is issued once the file is approved.")
        elif not d.payments:
            why = self.tr("A proof of assistance is issued once a payment is recorded.")
        else:
            why = ""
        proof.setEnabled(not why)
        proof.setToolTip(why)

    def reload(self) -> None:
        if self.case_id is None:
            self.tabs.setTabEnabled(1, False)
            self.tabs.setTabEnabled(2, False)
            self.tabs.setTabEnabled(3, False)
            self._gate_prints(None)
            self._gate_role()
            return
        for i in range(4):
            self.tabs.setTabEnabled(i, True)
        d = self.detail = self._service.get(self.case_id)
        self.person_id = d.person_id
        self.setWindowTitle(f"{d.serial} {d.person_name}")
        who = (d.person_name + bracketed(d.person_id_number) if d.person_id_number
               else d.person_name)
        state = status_label(d.status)
        if d.status == "notice" and d.notice_end is not None:
            # issue 14: the header said 公示中 after the period had ended
            state = (self.tr("Public notice until %1").replace("%1", d.notice_end.isoformat())
                     if d.notice_end >= dt.date.today() else
                     self.tr("Notice ended %1, awaiting approval")
                     .replace("%1", d.notice_end.isoformat()))
        heading = [d.serial, who, d.district, state]
        if d.person_deceased:  # said at the top: no payment after the death (issue: walk)
            heading.insert(2, deceased_words(d.person_death_date))
        if d.owner is not None:  # at the city another district's file: read-only
            heading.append(self.tr("(reported by %1, read-only here)").replace("%1", d.owner))
        self.heading.setText(spaced(heading))
        self.household.show_detail(d, editable=d.status in ("draft", "approved", "review")
                                   and self._ws.actor.can(Perm.EDIT_PERSONS) and d.editable)
        _fill(self.documents, [[data_word(a.doc_type), a.file_name, f"{a.size // 1024 + 1} KB",
                                a.added_by, a.sha256[:16] + "…"] for a in d.attachments])
        self.missing.setText(self.tr("Still missing: %1").replace(
            "%1", joined((data_word(m) for m in d.missing_documents), "、"))
            if d.missing_documents
            else self.tr("All documents for this category are present."))
        _fill(self.history, [[local_minute(st.at), action_label(st.action),
                              st.actor_display, status_label(st.to_status),
                              _step_words(st.action, st.opinion, st.detail)]
                             for st in d.steps])
        self._rebuild_actions()
        add_document = self.findChild(QPushButton, "addAttachment")
        if add_document is not None:  # a closed or rejected file takes no more documents
            add_document.setEnabled(d.editable and d.status not in ("closed", "rejected"))
        self._gate_prints(d)
        self._gate_role()
        _fill(self.payments, [[p.paid_on.isoformat(), data_word(p.kind), yuan(p.amount), p.payer,
                               p.bank_account, p.recorded_by, p.override_reason or ""]
                              for p in d.payments])
        self.paid_total.setText(self.tr("Paid in total: %1 yuan").replace(
            "%1", yuan(sum(p.amount for p in d.payments))))
        approved = d.status in ("approved", "review")
        self.pay_button.setEnabled(approved and d.editable)
        # the reason goes with the state it was given for (issue 14: an approved file's
        # enabled button still said payments wait for the approval)
        self.pay_button.setToolTip("" if approved else self.tr(
            "Payments are recorded for approved files."))
        gate(self.pay_button, self._ws.actor, Perm.EDIT_PERSONS)

    @classmethod
    def open_case(cls, workspace: Workspace, case_id: uuid.UUID,
                  parent: QWidget | None = None, tasks: TaskRunner | None = None
                  ) -> HardshipDialog:
        dialog = cls(workspace, case_id=case_id, person=None, parent=parent, tasks=tasks)
        dialog.show()
        return dialog

    @classmethod
    def new_case(cls, workspace: Workspace, person_id: uuid.UUID, name: str,
                 parent: QWidget | None = None, tasks: TaskRunner | None = None
                 ) -> HardshipDialog:
        dialog = cls(workspace, case_id=None, person=(person_id, name), parent=parent,
                     tasks=tasks)
        dialog.show()
        return dialog
