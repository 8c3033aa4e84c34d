"""What the clerk walk-through at 1366×768 found in the hardship file dialog (issue 14, points
6, 7, 11, 13): a refused step keeps what was typed, a held step names the roles that may take
it, the payment button's reason goes with the state, the columns fit the dialog."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from desktop.database import Database
from desktop.errors import AppError
from desktop.services.permissions import Actor
from desktop.views.hardship.hardship_actions import OpinionDialog, StepInput
from desktop.views.hardship.hardship_dialog import HardshipDialog
from tests.hardship_support import CAST, add_people, service, walk
from tests.views.conftest import make_workspace
from tests.views.dialog_driver import on_next_modal


@pytest.fixture
def no_message_box(monkeypatch: pytest.MonkeyPatch) -> list[AppError]:
    """A refusal that would go to a modal box is recorded instead (and the test fails on it)."""
    boxes: list[AppError] = []
    monkeypatch.setattr("desktop.views.hardship.hardship_dialog.present_error",
                        lambda _parent, exc: boxes.append(exc))
    return boxes


def test_a_refused_step_keeps_the_dialog_open_with_what_was_typed(
        qtbot: QtBot, db: Database, admin: Actor, no_message_box: list[AppError]) -> None:
    """公示 starting 10 days before the 入户核查: refused under the start date, the dialog
    stays open with the opinion typed; corrected, the same dialog takes the step and closes."""
    (person,) = add_people(db, 1)
    case_id = walk(db, person, "verified")
    dialog = HardshipDialog.open_case(make_workspace(db, CAST["maker"]), case_id)
    qtbot.addWidget(dialog)
    assert dialog.detail is not None and dialog.detail.verified_on is not None
    verified = dialog.detail.verified_on
    seen: dict[str, object] = {}

    def act(widget: QWidget) -> None:
        assert isinstance(widget, OpinionDialog)
        widget.notice_start.setText((verified - dt.timedelta(days=10)).isoformat())
        widget.opinion.setPlainText("拟于社区公告栏张榜公示")
        ok = widget.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.click()
        seen["open"] = widget.isVisible()
        seen["opinion"] = widget.opinion.value()
        box = widget.boxes["notice_start"]
        seen["under_start"] = box.problem.text() if box.problem.isVisibleTo(widget) else ""
        widget.notice_start.setText(verified.isoformat())
        ok.click()
        seen["closed"] = not widget.isVisible()

    on_next_modal(act)
    dialog.take_step("notice")
    assert seen["open"] is True and seen["opinion"] == "拟于社区公告栏张榜公示"
    assert "公示开始日期不能早于入户核查日期" in str(seen["under_start"])
    assert verified.isoformat() in str(seen["under_start"])
    assert seen["closed"] is True and not no_message_box
    assert dialog.detail.status == "notice"
    assert dialog.history.item(dialog.history.rowCount() - 1, 4).text() == "拟于社区公告栏张榜公示"


def test_a_refusal_naming_no_field_is_said_above_the_buttons(
        qtbot: QtBot, db: Database, admin: Actor, no_message_box: list[AppError]) -> None:
    """A refusal without a field (here another user sent the file back meanwhile) is said in
    the dialog, which stays open."""
    (person,) = add_people(db, 1)
    case_id = walk(db, person, "submitted")
    dialog = HardshipDialog.open_case(make_workspace(db, CAST["reviewer"]), case_id)
    qtbot.addWidget(dialog)
    service(db, CAST["admin"]).send_back(case_id, "材料不全，退回补充")
    step = dialog.step_dialog("verify")
    qtbot.addWidget(step)
    step.show()
    step.verified_by.setText("王科长")
    step.findings.setPlainText("住房简陋")
    step.opinion.setPlainText("情况属实")
    step.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert step.isVisible() and step.opinion.value() == "情况属实"
    assert step.problem.isVisibleTo(step) and step.problem.text()
    assert not no_message_box


@pytest.mark.parametrize(("status", "who", "step", "roles"), [
    ("draft", "reviewer", "提交", "录入员或管理员"),
    ("submitted", "clerk", "入户核查", "审核员或管理员"),
    ("verified", "reviewer", "公示", "录入员或管理员"),
    ("notice", "clerk", "审批认定", "审核员或管理员"),
    ("approved", "reviewer", "复核", "录入员或管理员"),
])
def test_a_step_the_role_cannot_take_names_who_can(
        qtbot: QtBot, db: Database, admin: Actor, status: str, who: str, step: str,
        roles: str) -> None:
    """Issue 14: after 入户核查 the reviewer read that 公示 was for a reviewer; the roles
    come from the permission the step needs."""
    (person,) = add_people(db, 1)
    case_id = walk(db, person, status)
    dialog = HardshipDialog.open_case(make_workspace(db, CAST[who]), case_id)
    qtbot.addWidget(dialog)
    held = [line for line in dialog.held.text().splitlines() if "您的角色" in line]
    assert len(held) == 1, dialog.held.text()
    assert step in held[0] and held[0].endswith(f"请由{roles}办理。"), held[0]


def test_the_payment_button_of_an_approved_file_says_no_old_reason(
        qtbot: QtBot, db: Database, admin: Actor) -> None:
    (person,) = add_people(db, 1)
    case_id = walk(db, person, "notice")
    dialog = HardshipDialog.open_case(make_workspace(db, CAST["admin"]), case_id)
    qtbot.addWidget(dialog)
    assert not dialog.pay_button.isEnabled()
    assert dialog.pay_button.toolTip() == "档案审批认定后才能登记发放。"
    assert dialog.do_step("approve", StepInput("同意认定"))
    assert dialog.pay_button.isEnabled() and dialog.pay_button.toolTip() == ""


def test_the_columns_fit_the_dialog_at_1366x768(
        qtbot: QtBot, db: Database, admin: Actor, tmp_path: Path) -> None:
    """The 材料 tab: the file name (headed 文件名, not 档案编号) takes the width, not the
    checksum; the 家庭成员 header 月收入（元） is not clipped."""
    (person,) = add_people(db, 1)
    case_id = walk(db, person, "draft")
    scan = tmp_path / "张三本人申请书（社区已签字盖章）2026年6月.pdf"
    scan.write_bytes(b"%PDF-1.4 application")
    service(db, CAST["maker"]).add_attachment(case_id, scan, "本人申请")
    dialog = HardshipDialog.open_case(make_workspace(db, CAST["maker"]), case_id)
    qtbot.addWidget(dialog)
    screen = dialog.screen().availableGeometry()
    assert (screen.width(), screen.height()) <= (1366, 768)
    assert dialog.frameGeometry().width() <= screen.width()
    assert dialog.frameGeometry().height() <= screen.height()
    docs = dialog.documents
    dialog.tabs.setCurrentIndex(1)
    headers = [docs.horizontalHeaderItem(c).text() for c in range(docs.columnCount())]
    assert headers[1] == "文件名"
    header = docs.horizontalHeader()
    assert header.sectionSize(1) > header.sectionSize(4)
    name_width = docs.fontMetrics().horizontalAdvance(scan.name)
    assert header.sectionSize(1) >= name_width
    assert header.length() <= docs.viewport().width()
    dialog.tabs.setCurrentIndex(0)
    members = dialog.household.members
    dialog.household.add_member()
    dialog.household.set_member(0, 2, "330522197408026962")
    qtbot.wait(50)
    mh = members.horizontalHeader()
    assert mh.length() <= members.viewport().width(), (mh.length(), members.viewport().width())
    income = [c for c in range(members.columnCount())
              if members.horizontalHeaderItem(c).text() == "月收入（元）"]
    assert income
    text_width = mh.fontMetrics().horizontalAdvance("月收入（元）")
    assert mh.sectionSize(income[0]) >= text_width


def test_submitting_without_the_application_documents_is_said_before_typing(
        qtbot: QtBot, db: Database, admin: Actor, no_message_box: list[AppError]) -> None:
    """The 材料 tab lists 本人申请、身份证… missing: 提交 says so in its dialog at once and
    refuses, the file stays a draft; the documents of later steps are not asked for."""
    (person,) = add_people(db, 1)
    case_id = walk(db, person, "draft")
    dialog = HardshipDialog.open_case(make_workspace(db, CAST["maker"]), case_id)
    qtbot.addWidget(dialog)
    step = dialog.step_dialog("submit")
    qtbot.addWidget(step)
    step.show()
    said = step.problem.text()
    assert step.problem.isVisibleTo(step)
    assert "：本人申请、身份证、户口本、收入证明、低保证（" in said  # nothing of later steps
    step.opinion.setPlainText("本人申请，社区已签字")
    step.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert step.isVisible() and "本人申请" in step.problem.text()
    assert dialog.detail is not None and dialog.detail.status == "draft"
    assert not no_message_box


def test_the_payment_dialog_says_no_standard_is_set_and_keeps_a_refused_payment(
        qtbot: QtBot, db: Database, admin: Actor, no_message_box: list[AppError]) -> None:
    """Fresh database, no 发放标准: the dialog says so before 确定; a second payment that day
    is pointed out; a refused payment (dated tomorrow) stays in the dialog as typed."""
    (person,) = add_people(db, 1)
    case_id = walk(db, person, "approved")
    dialog = HardshipDialog.open_case(make_workspace(db, CAST["maker"]), case_id)
    qtbot.addWidget(dialog)
    pay = dialog.payment_dialog()
    qtbot.addWidget(pay)
    pay.show()
    pay.kind.setCurrentText("春节慰问金")
    pay.amount.setText("2000")
    pay.payer.setText("县总工会")
    year = dt.date.today().year
    assert pay.notice.isVisibleTo(pay)
    assert f"{year} 年尚未设定“春节慰问金”的发放标准" in pay.notice.text()
    ok = pay.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isEnabled()
    ok.click()
    assert not pay.isVisible() and dialog.payments.rowCount() == 1
    second = dialog.payment_dialog()
    qtbot.addWidget(second)
    second.show()
    second.kind.setCurrentText("春节慰问金")
    second.amount.setText("20000")
    second.payer.setText("县总工会")
    assert "已向本人发放过春节慰问金（2,000.00 元）" in second.notice.text()
    second.paid_on.setText((dt.date.today() + dt.timedelta(days=1)).isoformat())
    second.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert second.isVisible() and second.amount.text().startswith("20000")
    assert "发放日期" in second.problem.text() and "晚于今天" in second.problem.text()
    assert dialog.payments.rowCount() == 1 and not no_message_box
