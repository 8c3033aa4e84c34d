"""Clerk walk-through at 1366×768 (hardship): 已故 said in the chooser and the file's header,
no payment after the death, the override asked only of who may give it, the account and
money with separators in the payment dialog."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from desktop.database import Database
from desktop.errors import AppError
from desktop.services.permissions import Actor
from desktop.views.hardship.hardship_dialog import HardshipDialog
from desktop.views.hardship.hardship_page import HardshipPage
from desktop.views.tasks import TaskRunner
from tests.hardship_support import CAST, add_people, walk
from tests.person_support import service as persons
from tests.views.conftest import make_workspace

DIED = dt.date.today() - dt.timedelta(days=10)


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[AppError]:
    """Refusals that would go to a message box, recorded."""
    said: list[AppError] = []
    for where in ("hardship_dialog", "hardship_page"):
        monkeypatch.setattr(f"desktop.views.hardship.{where}.present_error",
                            lambda _parent, exc: said.append(exc))
    return said


def test_a_deceased_person_is_marked_and_gets_no_new_file_nor_payment(
        qtbot: QtBot, db: Database, admin: Actor, boxes: list[AppError],
        monkeypatch: pytest.MonkeyPatch) -> None:
    _alive, dead, with_file = add_people(db, 3)
    case_id = walk(db, with_file, "approved")
    for person in (dead, with_file):
        persons(db, admin).death(person, DIED, "病故")
    ws = make_workspace(db, CAST["maker"])
    page = HardshipPage(ws, TaskRunner())
    qtbot.addWidget(page)
    offered: list[list[str]] = []

    def choose(_parent: object, _title: str, _label: str, labels: list[str], *_a: Any
               ) -> tuple[str, bool]:
        offered.append(labels)
        return next(x for x in labels if x.startswith("困难丁")), True

    monkeypatch.setattr("desktop.views.hardship.hardship_page.QInputDialog.getItem", choose)
    assert page.new_case_for("困难") is None  # 困难丁 is dead: refused before the form
    marked = {x.split(" · ")[0]: x.split(" · ")[1] for x in offered[0]}
    assert marked == {"困难一": "长兴县", "困难丁": "已故", "困难丂": "已故"}
    assert [e.code for e in boxes] == ["hardship_person_deceased"]
    # the file of the other: opened, its header says 已故 and when
    dialog = HardshipDialog.open_case(ws, case_id)
    qtbot.addWidget(dialog)
    assert f"已故（{DIED.isoformat()} 去世）" in dialog.heading.text()
    pay = dialog.payment_dialog()
    qtbot.addWidget(pay)
    pay.show()
    pay.amount.setText("500")
    pay.payer.setText("县总工会")
    assert pay.warning.isVisibleTo(pay)
    assert f"已于 {DIED.isoformat()} 去世，不能再向本人账户发放" in pay.warning.text()
    assert not pay.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    assert not pay.override.isEnabled()
    pay.paid_on.setText((DIED - dt.timedelta(days=1)).isoformat())  # before the death: paid
    assert not pay.warning.isVisibleTo(pay)
    pay.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.payments.rowCount() == 1 and not boxes[1:]


def _over_standard(db: Database, who: str, qtbot: QtBot) -> Any:
    ws = make_workspace(db, CAST["admin"])
    ws.hardship().set_standard(dt.date.today().year, "生活困难补助", amount=250_000)
    (person,) = add_people(db, 1)
    case_id = walk(db, person, "approved")
    dialog = HardshipDialog.open_case(make_workspace(db, CAST[who]), case_id)
    qtbot.addWidget(dialog)
    pay = dialog.payment_dialog()
    qtbot.addWidget(pay)
    pay.show()
    pay.kind.setCurrentText("生活困难补助")
    pay.amount.setText("3000")
    pay.payer.setText("长兴县总工会")
    return dialog, pay


def test_a_clerk_is_told_before_ok_who_records_a_payment_over_the_standard(
        qtbot: QtBot, db: Database, admin: Actor, boxes: list[AppError]) -> None:
    _dialog, pay = _over_standard(db, "maker", qtbot)
    assert "生活困难补助每次不得超过 2,500.00 元" in pay.warning.text()
    assert not pay.override.isVisibleTo(pay)  # no reason asked of who cannot give one
    assert pay.needs_approver.isVisibleTo(pay)
    assert pay.needs_approver.text() == "超过标准的发放须由审核员或管理员录入并说明理由。"
    assert not pay.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    assert pay.account.text() == "农业银行 ***************8901（本人账户）"  # masked
    pay.amount.setText("2000")
    assert not pay.needs_approver.isVisibleTo(pay)
    assert pay.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_an_administrator_overrides_with_a_reason(
        qtbot: QtBot, db: Database, admin: Actor, boxes: list[AppError]) -> None:
    dialog, pay = _over_standard(db, "admin", qtbot)
    assert pay.override.isVisibleTo(pay) and pay.override.isEnabled()
    assert not pay.needs_approver.isVisibleTo(pay)
    ok = pay.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    pay.override.setText("重病住院，领导同意")
    assert ok.isEnabled()
    ok.click()
    assert not pay.isVisible() and dialog.payments.rowCount() == 1 and not boxes
    assert dialog.payments.item(0, 2).text() == "3,000.00"


def test_submit_says_what_is_missing_before_the_opinion_dialog(
        qtbot: QtBot, db: Database, admin: Actor, boxes: list[AppError]) -> None:
    """A draft without its application documents: 提交申请… is off, saying which are missing
    (tooltip and the line above the buttons); taking the step opens no opinion dialog but says
    so; with the documents attached the button is on and the line gone."""
    from PySide6.QtWidgets import QApplication, QPushButton

    from tests.hardship_support import attach_application

    (person,) = add_people(db, 1)
    case_id = walk(db, person, "draft")
    ws = make_workspace(db, CAST["maker"])
    assert ws.hardship().submit_lacking(case_id) == (
        "本人申请", "身份证", "户口本", "收入证明", "低保证")
    dialog = HardshipDialog.open_case(ws, case_id)
    qtbot.addWidget(dialog)
    button = dialog.findChild(QPushButton, "step_submit")
    assert button is not None and not button.isEnabled()
    said = "提交申请前请先在“材料”中添加：本人申请、身份证、户口本、收入证明、低保证"
    assert said in button.toolTip() and said in dialog.held.text()
    assert not dialog.held.isHidden()
    dialog.take_step("submit")  # no opinion dialog: exec() would block here
    assert QApplication.activeModalWidget() is None
    assert [e.code for e in boxes] == ["hardship_documents_lacking"]
    attach_application(db, case_id)
    dialog.reload()
    [button] = [b for b in dialog.findChildren(QPushButton, "step_submit") if not b.isHidden()]
    assert button.isEnabled() and not button.toolTip()
    assert "提交申请前" not in dialog.held.text()


def test_the_search_filters_the_tab_shown_as_one_types(
        qtbot: QtBot, db: Database, admin: Actor) -> None:
    """Typing (no Enter) filters the list on screen, here 等我处理, after a short pause; the
    file number works too; clearing it brings every file back."""
    first, second = add_people(db, 2)
    walk(db, first, "submitted")
    walk(db, second, "submitted")
    page = HardshipPage(make_workspace(db, CAST["reviewer"]), TaskRunner())
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: not page.loading, timeout=10000)
    waiting = page.tables["waiting_for_me"]
    page.tabs.setCurrentWidget(waiting)
    assert waiting.rowCount() == 2
    page.search.insert("丁")  # as typed (QTest cannot type CJK)
    assert waiting.rowCount() == 2  # not on every keystroke: after the pause
    qtbot.waitUntil(lambda: waiting.rowCount() == 1, timeout=3000)
    assert waiting.item(0, 1).text() == "困难丁"
    assert page.tables["all"].rowCount() == 1
    assert page.tabs.tabText(0).endswith("(1)") and "“丁”" in page.summary.text()
    page.search.setText("kn-2026-00001")
    qtbot.waitUntil(lambda: waiting.rowCount() == 1 and waiting.item(0, 1).text() == "困难一",
                    timeout=3000)
    page.search.clear()
    qtbot.waitUntil(lambda: waiting.rowCount() == 2, timeout=3000)


def test_a_new_file_compares_the_income_with_the_line_before_saving(
        qtbot: QtBot, db: Database, admin: Actor) -> None:
    """The district's 低保标准 (900 元) is shown with twice it and where the typed per-capita
    income stands, changing as one types, before anything is saved; none set: said so."""
    (person,) = add_people(db, 1)
    ws = make_workspace(db, CAST["admin"])
    dialog = HardshipDialog.new_case(ws, person, "困难一")
    qtbot.addWidget(dialog)
    form = dialog.household
    assert "本年度尚未设置低保标准" in form.per_capita.text()
    dialog.close()
    ws.hardship().set_standard(dt.date.today().year, "低保标准", amount=90_000)
    dialog = HardshipDialog.new_case(ws, person, "困难一")
    qtbot.addWidget(dialog)
    form = dialog.household
    form.person_income.setText("800")
    form.other_income.setText("")
    form.fixed_costs.setText("")
    while form.members.rowCount():
        form.members.removeRow(0)
    assert dialog.case_id is None
    text = form.per_capita.text()
    assert "800.00" in text and "低保标准 900.00，2 倍 1,800.00" in text
    assert text.endswith("：低于低保标准"), text
    form.person_income.setText("1500")
    assert form.per_capita.text().endswith("：低于 2 倍低保标准")
    form.person_income.setText("2000")
    assert form.per_capita.text().endswith("：高于 2 倍低保标准")


def test_the_verifier_is_told_before_any_dialog_that_another_decides(
        qtbot: QtBot, db: Database, admin: Actor) -> None:
    """The reviewer who made the 入户核查 gets no 审批/不予认定 button and the line says who
    decides; the approver's 审批认定 button names the verifier in its tooltip."""
    from PySide6.QtWidgets import QPushButton

    from tests.hardship_support import APPROVER

    (person,) = add_people(db, 1)
    case_id = walk(db, person, "notice")  # ended months ago: 审批 is due
    verifier = HardshipDialog.open_case(make_workspace(db, CAST["reviewer"]), case_id)
    qtbot.addWidget(verifier)
    assert verifier.findChild(QPushButton, "step_approve") is None
    assert verifier.findChild(QPushButton, "step_reject") is None
    assert "您已为本档案做过入户核查，审批认定、不予认定须由其他审核员或管理员办理" \
        in verifier.held.text()
    approver = HardshipDialog.open_case(make_workspace(db, APPROVER), case_id)
    qtbot.addWidget(approver)
    button = approver.findChild(QPushButton, "step_approve")
    assert button is not None and button.isEnabled()
    assert button.toolTip() == ("入户核查由审核员完成：审批由其他人（另一位审核员或管理员）办理。")
