"""Second clerk walk-through at 1366×768 (December 2026), the hardship file from draft to
payment with a clerk, a reviewer and an administrator: what the file dialog got wrong."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from desktop.database import Database
from desktop.services.permissions import Actor
from desktop.views.hardship.hardship_dialog import HardshipDialog
from tests.hardship_support import CAST, TODAY, add_people, service, walk
from tests.views.conftest import make_workspace


def _buttons(dialog: HardshipDialog) -> tuple[QPushButton, QPushButton]:
    sheet = dialog.findChild(QPushButton, "printFileSheet")
    proof = dialog.findChild(QPushButton, "printProof")
    assert sheet is not None and proof is not None
    return sheet, proof


def test_the_print_buttons_say_what_they_wait_for(
        qtbot: QtBot, db: Database, admin: Actor) -> None:
    """打印档案表… and 开具帮扶证明… were offered on a file not yet saved and did nothing when
    clicked; the proof was offered on a draft. Each is off until it can print, saying why."""
    (person,) = add_people(db, 1)
    ws = make_workspace(db, CAST["maker"])
    new = HardshipDialog.new_case(ws, person, "困难一")
    qtbot.addWidget(new)
    assert new.windowTitle() == "为 困难一 新建困难档案"  # it was the bare program name
    sheet, proof = _buttons(new)
    for button in (sheet, proof):
        assert not button.isEnabled() and button.toolTip() == "请先保存档案。"
    case_id = walk(db, person, "notice")
    dialog = HardshipDialog.open_case(ws, case_id)
    qtbot.addWidget(dialog)
    sheet, proof = _buttons(dialog)
    assert sheet.isEnabled() and not sheet.toolTip()
    assert not proof.isEnabled() and "审批" in proof.toolTip()
    walk_on = HardshipDialog.open_case(ws, walk(db, add_people(db, 1, start=1)[0], "approved"))
    qtbot.addWidget(walk_on)
    _sheet, proof = _buttons(walk_on)
    assert not proof.isEnabled() and "发放" in proof.toolTip()
    assert walk_on.case_id is not None
    service(db, CAST["maker"]).record_payment(walk_on.case_id, kind="春节慰问金",
                                              amount=50_000, paid_on=TODAY, payer="县总工会")
    walk_on.reload()
    assert proof.isEnabled() and not proof.toolTip()


def test_a_document_is_offered_as_the_first_one_still_missing(
        qtbot: QtBot, db: Database, admin: Actor, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    """The document type chooser opened on 本人申请 every time: a 身份证 and a 收入证明 added
    with Enter were filed as 本人申请 (and cannot be taken out). It opens on the first document
    still missing and names the file it asks about."""
    (person,) = add_people(db, 1)
    case_id = walk(db, person, "draft")
    dialog = HardshipDialog.open_case(make_workspace(db, CAST["maker"]), case_id)
    qtbot.addWidget(dialog)
    asked: list[tuple[str, str]] = []

    def choose(_parent: object, _title: str, label: str, labels: list[str], current: int,
               *_a: Any) -> tuple[str, bool]:
        asked.append((label, labels[current]))
        return labels[current], True

    monkeypatch.setattr("desktop.views.hardship.hardship_dialog.QInputDialog.getItem", choose)
    for name in ("shenqing.pdf", "shenfenzheng.pdf"):
        (tmp_path / name).write_bytes(b"%PDF-1.4 " + name.encode())
    for name in ("shenqing.pdf", "shenfenzheng.pdf"):
        monkeypatch.setattr(
            "desktop.views.file_dialogs.QFileDialog.getOpenFileName",
            lambda *_a, n=name: (str(tmp_path / n), ""))
        dialog.add_document()
    assert asked == [("shenqing.pdf 是什么材料？", "本人申请"),
                     ("shenfenzheng.pdf 是什么材料？", "身份证")]
    assert dialog.detail is not None
    assert [a.doc_type for a in dialog.detail.attachments] == ["本人申请", "身份证"]


def test_the_approval_shows_the_next_review_date_it_sets(
        qtbot: QtBot, db: Database, admin: Actor) -> None:
    """审批认定's 下次复核 showed a placeholder "默认" that said nothing of when; it shows the
    date (today and the configured months), which approving as it stands records."""
    from tests.hardship_support import APPROVER

    (person,) = add_people(db, 1)
    case_id = walk(db, person, "notice")
    ws = make_workspace(db, APPROVER)
    dialog = HardshipDialog.open_case(ws, case_id)
    qtbot.addWidget(dialog)
    step = dialog.step_dialog("approve")
    qtbot.addWidget(step)
    expected = ws.hardship().default_next_review()
    assert expected > dt.date.today()
    assert step.next_review.value() == expected and step.next_review.isVisibleTo(step)
    step.opinion.set_value("经公示无异议，同意。")
    step.accept()
    assert ws.hardship().get(case_id).next_review_date == expected
