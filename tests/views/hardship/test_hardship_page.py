"""The 困难帮扶 page and the file dialog: a clerk opens a file (bad input shown, nothing
saved), submits it; a reviewer sees it waiting and verifies it with an opinion; payments warn
when they break the standards. Screenshots land in the test's folder (LAOMO_SCREENSHOTS to keep)."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from desktop.database import Database
from desktop.services.permissions import Actor
from desktop.views.hardship.hardship_actions import PaymentDialog, StepInput
from desktop.views.hardship.hardship_dialog import HardshipDialog
from desktop.views.hardship.hardship_page import HardshipPage
from desktop.views.tasks import TaskRunner
from tests.hardship_support import CAST, add_people, attach_application, pay, service, walk
from tests.views.conftest import make_workspace


def _shot(widget: object, name: str, tmp_path: Path) -> None:
    folder = Path(os.environ.get("LAOMO_SCREENSHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(folder / f"{name}.png"))  # type: ignore[attr-defined]


def _page(qtbot: QtBot, db: Database, who: str) -> HardshipPage:
    page = HardshipPage(make_workspace(db, CAST[who]), TaskRunner())
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: not page.loading, timeout=10000)
    return page


def test_clerk_opens_and_submits_reviewer_verifies(
        qtbot: QtBot, db: Database, admin: Actor, tmp_path: Path) -> None:
    add_people(db, 2)
    clerk_page = _page(qtbot, db, "maker")
    dialog = clerk_page.new_case_for("困难一")
    assert isinstance(dialog, HardshipDialog)
    qtbot.addWidget(dialog)
    assert not dialog.tabs.isTabEnabled(2)  # no workflow before the file exists
    form = dialog.household
    form.person_income.setText("800")
    form.bank_account.setText("6228480012345678901")
    form.add_member()
    form.set_member(0, 0, "刘芳")
    form.set_member(0, 4, "600")
    form.save_button.click()
    assert "请填写与本人的关系" in form.problems.text()
    # nothing chosen for the category and cause: the most severe were preselected and saved
    # unread; now the clerk is asked
    assert "请选择困难类别" in form.problems.text()
    assert "请选择主要致困原因" in form.problems.text()
    assert dialog.case_id is None  # nothing saved
    form.category.setCurrentIndex(form.category.findData("相对困难"))
    form.main_cause.setCurrentIndex(1)
    form.set_member(0, 1, "配偶")
    form.save_button.click()
    assert dialog.case_id is not None and form.problems.text() == ""
    assert "700.00" in form.per_capita.text()  # (800 + 600) / 2
    assert form.bank_account.text().endswith("8901") and "*" in form.bank_account.text()
    form.notes.setPlainText("补充：配偶长期患病")
    form.save_button.click()  # the masked account shown back keeps the stored one
    assert dialog.detail is not None and dialog.detail.notes == "补充：配偶长期患病"
    assert dialog.detail.bank_account.endswith("8901")
    dialog.show()
    _shot(dialog, "hardship-dialog-household", tmp_path)
    assert dialog.findChild(object, "step_submit") is not None
    attach_application(db, dialog.case_id)  # submitted only with its documents
    assert dialog.do_step("submit", StepInput("本人申请，社区已签字"))
    assert dialog.detail is not None and dialog.detail.status == "submitted"
    assert dialog.findChild(object, "step_verify") is None  # the maker never checks
    dialog.tabs.setCurrentIndex(2)
    _shot(dialog, "hardship-dialog-workflow", tmp_path)

    reviewer_page = _page(qtbot, db, "reviewer")
    assert [r.person_name for r in reviewer_page.rows["waiting_for_me"]] == ["困难一"]
    _shot(reviewer_page, "hardship-page", tmp_path)
    checker = reviewer_page.open_row("waiting_for_me", 0)
    assert checker is not None
    qtbot.addWidget(checker)
    assert checker.findChild(object, "step_verify") is not None
    assert checker.do_step("verify", StepInput(
        "情况属实，同意公示", verified_on=dt.date.today(), verified_by="王科长",
        method="入户", findings="住房简陋"))
    history = checker.history
    last = history.rowCount() - 1
    assert history.item(last, 4).text() == "情况属实，同意公示"
    assert history.item(last, 2).text() == "审核员"


def test_payment_dialog_warns_and_asks_for_an_override(
        qtbot: QtBot, db: Database, admin: Actor, tmp_path: Path) -> None:
    (person,) = add_people(db, 1)
    service(db, CAST["admin"]).set_standard(dt.date.today().year, "春节慰问金", amount=200_000)
    case_id = walk(db, person, "approved")
    ws = make_workspace(db, CAST["admin"])
    dialog = HardshipDialog.open_case(ws, case_id)
    qtbot.addWidget(dialog)
    pay: PaymentDialog = dialog.payment_dialog()
    qtbot.addWidget(pay)
    pay.kind.setCurrentText("春节慰问金")
    pay.amount.setText("2500")
    pay.payer.setText("县总工会")
    ok = pay.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert "2,000.00" in pay.warning.text() and not ok.isEnabled()
    pay.override.setText("领导批示特殊情况")
    assert ok.isEnabled()
    pay.show()
    _shot(pay, "hardship-payment", tmp_path)
    assert dialog.pay(pay.result_input())
    assert dialog.payments.rowCount() == 1
    assert dialog.payments.item(0, 6).text() == "领导批示特殊情况"
    assert "2,500.00" in dialog.paid_total.text()
    dialog.tabs.setCurrentIndex(3)
    _shot(dialog, "hardship-dialog-payments", tmp_path)


def preview_of(qtbot: QtBot, parent: QWidget, not_in: list[QWidget] | None = None) -> Any:
    from desktop.views.document_preview import DocumentPreviewDialog

    found: list[DocumentPreviewDialog] = []

    def opened() -> bool:
        found[:] = [w for w in parent.findChildren(DocumentPreviewDialog)
                    if w.isVisible() and w not in (not_in or [])]
        return bool(found)

    qtbot.waitUntil(opened, timeout=20000)
    return found[-1]


def test_printing_the_file_sheet_and_a_proof(
        qtbot: QtBot, db: Database, admin: Actor, tmp_path: Path) -> None:
    from pypdf import PdfReader

    from desktop.views.document_preview import DocumentPreviewDialog

    (person,) = add_people(db, 1)
    case_id = walk(db, person, "approved")
    pay(db, case_id)
    ws = make_workspace(db, CAST["clerk"])  # a serial-numbered proof: an issuing role
    dialog = HardshipDialog.open_case(ws, case_id)
    qtbot.addWidget(dialog)
    dialog.print_pdf("sheet")  # the same preview -> print / save path as every document
    sheet = preview_of(qtbot, dialog)
    assert sheet._file_name == "困难劳模档案表-KN-2026-00001.pdf"
    assert sheet.save_to(str(tmp_path / "档案表.pdf"))
    assert "档案表.pdf" in sheet.saved.text()  # the save is confirmed
    text = PdfReader(tmp_path / "档案表.pdf").pages[0].extract_text()
    assert "困难劳模档案表" in text and "KN-2026-00001" in text
    sheet.close()
    dialog.print_pdf("proof")
    proof_preview = preview_of(qtbot, dialog, not_in=[sheet])
    assert isinstance(proof_preview, DocumentPreviewDialog) and proof_preview.is_preview
    assert not ws.documents().log()  # looking at a proof takes no serial
    assert proof_preview.save_to(str(tmp_path / "证明.pdf"))
    proof = PdfReader(tmp_path / "证明.pdf").pages[0].extract_text()
    assert "-BF-" in proof and "-0001" in proof
    assert len(ws.documents().log()) == 1
    proof_preview.close()
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".pdf") == [
        "档案表.pdf", "证明.pdf"]


def test_a_printed_proof_is_on_the_document_log_page(
        qtbot: QtBot, db: Database, admin: Actor, tmp_path: Path) -> None:
    from desktop.views.documents.documents_page import DocumentLogPage

    (person,) = add_people(db, 1)
    case_id = walk(db, person, "approved")
    pay(db, case_id)
    ws = make_workspace(db, CAST["clerk"])  # a serial-numbered proof: an issuing role
    dialog = HardshipDialog.open_case(ws, case_id)
    qtbot.addWidget(dialog)
    dialog.print_pdf("proof")
    assert preview_of(qtbot, dialog).save_to(str(tmp_path / "证明.pdf"))
    log = DocumentLogPage(make_workspace(db, admin), TaskRunner())
    qtbot.addWidget(log)
    log.refresh()
    assert log.table.rowCount() == 1
    assert "-BF-" in log.table.item(0, 0).text()
    assert (log.table.item(0, 1).text(), log.table.item(0, 2).text()) == ("帮扶证明", "出具")


def test_a_backdated_notice_is_refused_in_the_dialog(
        qtbot: QtBot, db: Database, admin: Actor) -> None:
    """Issue 14, point 7: a 公示 start before the 入户核查 date is refused with the reason."""
    from PySide6.QtWidgets import QMessageBox

    from tests.views.dialog_driver import on_next_modal

    (person,) = add_people(db, 1)
    case_id = walk(db, person, "verified")
    dialog = HardshipDialog.open_case(make_workspace(db, CAST["maker"]), case_id)
    qtbot.addWidget(dialog)
    assert dialog.detail is not None and dialog.detail.verified_on is not None
    said: list[str] = []

    def read(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        said.append(box.text())
        box.accept()
    on_next_modal(read)
    early = dialog.detail.verified_on - dt.timedelta(days=3)
    assert not dialog.do_step("notice", StepInput("张榜公示", notice_start=early))
    assert "公示开始日期" in said[0] and dialog.detail.verified_on.isoformat() in said[0]
    assert dialog.detail.status == "verified"


def test_per_capita_follows_the_typing_and_warns_on_double_counting(
        qtbot: QtBot, db: Database, admin: Actor) -> None:
    """Issue 14, point 11 (part): 人均收入 is recomputed before 保存; 其他月收入 together with
    members' incomes gets a warning."""
    add_people(db, 1)
    page = _page(qtbot, db, "maker")
    dialog = page.new_case_for("困难一")
    assert isinstance(dialog, HardshipDialog)
    qtbot.addWidget(dialog)
    form = dialog.household
    form.person_income.setText("800")
    assert "800.00" in form.per_capita.text()
    form.add_member()
    form.set_member(0, 0, "刘芳")
    form.set_member(0, 4, "600")
    assert "700.00" in form.per_capita.text()  # (800 + 600) / 2, nothing saved yet
    assert dialog.case_id is None and form.income_warning.text() == ""
    form.other_income.setText("200")
    assert "800.00" in form.per_capita.text()
    assert "其他月收入" in form.income_warning.text()


def test_a_new_file_is_prefilled_from_the_register_and_compared(
        qtbot: QtBot, db: Database, admin: Actor) -> None:
    """Issue 14, point 11: 月收入 and the spouse come from the register; a different figure
    typed in the file (800 against the register's 5,060) is pointed out before 保存."""
    from decimal import Decimal

    add_people(db, 1, monthly_income=Decimal("5060"), spouse_name="刘芳",
               spouse_income=Decimal("5530"))
    page = _page(qtbot, db, "maker")
    dialog = page.new_case_for("困难一")
    assert isinstance(dialog, HardshipDialog)
    qtbot.addWidget(dialog)
    form = dialog.household
    assert form.person_income.text() == "5060.00"
    assert (form.members.item(0, 0).text(), form.members.item(0, 1).text()) == ("刘芳", "配偶")
    assert "5,530" in form.members.item(0, 4).text() or "5530" in form.members.item(0, 4).text()
    assert form.income_warning.text() == ""
    form.person_income.setText("800")
    assert "5,060.00" in form.income_warning.text() or "5060" in form.income_warning.text()
    assert "名册" in form.income_warning.text()
    form.set_member(0, 0, "王丽")
    assert "刘芳" in form.income_warning.text() and "王丽" in form.income_warning.text()


def test_a_viewer_is_offered_only_what_it_may_and_opened_copies_go_with_the_dialog(
        qtbot: QtBot, db: Database, admin: Actor, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """As viewer the file's edit buttons and 帮扶证明 are disabled, saying why in words; Open
    is offered for an income statement, not for an ID card's scan; the copy an opened
    document leaves in the temp folder is deleted when the dialog closes."""
    (person,) = add_people(db, 1)
    case_id = walk(db, person, "approved")
    for kind in ("身份证", "收入证明"):
        scan = tmp_path / f"{kind}.jpg"
        scan.write_bytes(b"\xff\xd8 scan")
        service(db, CAST["maker"]).add_attachment(case_id, scan, kind)
    opened: list[str] = []
    monkeypatch.setattr("desktop.views.hardship.hardship_dialog.QDesktopServices.openUrl",
                        lambda url: opened.append(url.toLocalFile()))
    dialog = HardshipDialog.open_case(make_workspace(db, CAST["viewer"]), case_id)
    qtbot.addWidget(dialog)
    for name in ("addAttachment", "addMember", "removeMember", "saveHardship", "printProof"):
        button = dialog.findChild(QPushButton, name)
        assert button is not None and not button.isEnabled(), name
        tip = button.toolTip()
        assert tip.startswith("没有权限：只读用户不能") and not re.search("[a-z]_[a-z]", tip)
    assert "开具编号文书" in dialog.findChild(QPushButton, "printProof").toolTip()
    assert dialog.findChild(QPushButton, "printFileSheet").isEnabled()  # PRINT it has
    names = [a.file_name for a in dialog.detail.attachments]  # type: ignore[union-attr]
    open_button = dialog.findChild(QPushButton, "viewAttachment")
    dialog.documents.selectRow(names.index("身份证.jpg"))
    assert not open_button.isEnabled() and "完整" in open_button.toolTip()
    dialog.documents.selectRow(names.index("收入证明.jpg"))
    assert open_button.isEnabled()
    open_button.click()
    assert dialog.opened is not None and dialog.opened.read_bytes() == b"\xff\xd8 scan"
    assert opened == [str(dialog.opened)]
    copy = dialog.opened
    dialog.reject()
    assert not copy.exists() and not copy.parent.exists()
