"""Clerk walk-through (approve): the 审批 button is off, saying which documents are missing,
while the file lacks them; the 核查人 is the reviewer's name, editable."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QStyleOptionViewItem, QTableWidget
from pytestqt.qtbot import QtBot

from desktop.database import Database
from desktop.errors import AppError
from desktop.services.permissions import Actor
from desktop.views.hardship.hardship_dialog import HardshipDialog
from tests.hardship_support import (
    APPROVER,
    CAST,
    TODAY,
    add_people,
    attach_document,
    draft,
    pay,
    service,
    walk,
)
from tests.views.conftest import make_workspace


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[AppError]:
    said: list[AppError] = []
    monkeypatch.setattr("desktop.views.hardship.hardship_dialog.present_error",
                        lambda _parent, exc: said.append(exc))
    return said


def test_approval_is_off_while_documents_are_missing(
        qtbot: QtBot, db: Database, admin: Actor, boxes: list[AppError]) -> None:
    (person,) = add_people(db, 1, start=720)
    case_id = walk(db, person, "verified")
    service(db, CAST["maker"]).start_notice(case_id, start=TODAY - dt.timedelta(days=20),
                                            opinion="张榜公示")  # no 公示材料 attached
    dialog = HardshipDialog.open_case(make_workspace(db, APPROVER), case_id)
    qtbot.addWidget(dialog)
    button = dialog.findChild(type(dialog.pay_button), "step_approve")
    assert button is not None and not button.isEnabled()
    assert "公示材料" in button.toolTip()
    assert "公示材料" in dialog.held.text()
    dialog.take_step("approve")
    assert [e.code for e in boxes] == ["hardship_approve_documents_lacking"]
    assert service(db, APPROVER).get(case_id).status == "notice"


def test_the_verifier_is_the_reviewers_name(qtbot: QtBot, db: Database, admin: Actor) -> None:
    (person,) = add_people(db, 1, start=740)
    case_id = walk(db, person, "submitted")
    dialog = HardshipDialog.open_case(make_workspace(db, CAST["reviewer"]), case_id)
    qtbot.addWidget(dialog)
    step = dialog.step_dialog("verify")
    qtbot.addWidget(step)
    assert step.verified_by.value() == CAST["reviewer"].display_name == "审核员"
    step.verified_by.setText("王科长")  # editable
    assert step.verified_by.value() == "王科长"


def _alignment(table: QTableWidget, row: int, column: int) -> Qt.AlignmentFlag:
    option = QStyleOptionViewItem()
    index = table.model().index(row, column)
    table.itemDelegateForIndex(index).initStyleOption(option, index)  # type: ignore[attr-defined]
    return option.displayAlignment  # type: ignore[attr-defined,no-any-return]


def test_amounts_are_right_aligned(qtbot: QtBot, db: Database, admin: Actor) -> None:
    (person,) = add_people(db, 1, start=760)
    case_id = walk(db, person, "approved")
    pay(db, case_id)
    dialog = HardshipDialog.open_case(make_workspace(db, CAST["maker"]), case_id)
    qtbot.addWidget(dialog)
    assert dialog.payments.rowCount() == 1
    assert _alignment(dialog.payments, 0, 2) & Qt.AlignmentFlag.AlignRight
    assert not _alignment(dialog.payments, 0, 1) & Qt.AlignmentFlag.AlignRight
    members = dialog.household.members
    assert members.rowCount() >= 1
    assert _alignment(members, 0, 4) & Qt.AlignmentFlag.AlignRight
    assert not _alignment(members, 0, 0) & Qt.AlignmentFlag.AlignRight


def test_a_document_is_retyped_and_removed_from_the_documents_list(
        qtbot: QtBot, db: Database, admin: Actor, boxes: list[AppError],
        monkeypatch: pytest.MonkeyPatch) -> None:
    (person,) = add_people(db, 1, start=840)
    clerk = service(db, CAST["maker"])
    case_id = clerk.open(draft(person))
    attach_document(db, case_id, "本人申请")  # really the 收入证明
    dialog = HardshipDialog.open_case(make_workspace(db, CAST["maker"]), case_id)
    qtbot.addWidget(dialog)
    retype = dialog.findChild(QPushButton, "retypeAttachment")
    remove = dialog.findChild(QPushButton, "removeAttachment")
    assert retype is not None and remove is not None
    assert not retype.isEnabled() and not remove.isEnabled()  # nothing chosen
    dialog.documents.selectRow(0)
    assert retype.isEnabled() and remove.isEnabled()
    monkeypatch.setattr("desktop.views.hardship.hardship_dialog.QInputDialog.getItem",
                        lambda *_a: ("收入证明", True))
    retype.click()
    assert dialog.documents.item(0, 0).text() == "收入证明"
    assert clerk.get(case_id).attachments[0].doc_type == "收入证明"
    asked: list[str] = []

    def reason(_parent: object, _title: str, prompt: str) -> str:
        asked.append(prompt)
        return "别户的材料"

    monkeypatch.setattr("desktop.views.hardship.hardship_dialog.ReasonDialog.ask", reason)
    dialog.documents.selectRow(0)
    remove.click()
    assert asked and "本人申请.pdf" in asked[0]
    assert dialog.documents.rowCount() == 0 and clerk.get(case_id).attachments == ()
    assert not boxes
    # a decided file: both off, saying why
    (other,) = add_people(db, 1, start=860)
    approved = HardshipDialog.open_case(make_workspace(db, CAST["maker"]),
                                        walk(db, other, "approved"))
    qtbot.addWidget(approved)
    approved.documents.selectRow(0)
    button = approved.findChild(QPushButton, "removeAttachment")
    assert button is not None and not button.isEnabled() and button.toolTip()
