"""Issue 14, point 9: a 荣誉称号证明 issued with the full ID number can be reprinted so from the
document log (补打), as ``laomo report certificate --reprint SERIAL --unmask --reason``: for a
user with the unmask permission, with a reason, audited; masked otherwise, and not offered for
a 帮扶证明 (it has no ID number to show) nor to a user without the permission."""

from __future__ import annotations

import io

from pypdf import PdfReader
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from desktop.core.masking import mask_id
from desktop.database import Database
from desktop.services import accounts
from desktop.services.permissions import Role
from desktop.services.workspace import Workspace
from desktop.views.documents.documents_page import DocumentLogPage
from desktop.views.tasks import TaskRunner
from tests.register_support import REGISTER, ZRR_ID, add_persons
from tests.views.conftest import make_workspace
from tests.views.dialog_driver import give_reason
from tests.views.documents.test_documents_views import preview_of


def _text(pdf: bytes) -> str:
    return "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).replace(" ", "")


def test_a_certificate_is_reprinted_with_the_full_number_for_a_reason(
        qtbot: QtBot, db: Database, ws: Workspace) -> None:
    people = add_persons(db, REGISTER)
    pid = people["朱荣荣"]
    number = ZRR_ID
    issued = ws.documents().certificate(pid, unmask=True, reason="办理退休待遇")
    runner = TaskRunner()
    log = DocumentLogPage(ws, runner)
    qtbot.addWidget(log)
    log.show()
    log.refresh()
    full = log.findChild(QAction, "reprintFull")
    assert full.isVisible() and not full.isEnabled()  # nothing chosen yet
    log.table.selectRow(0)
    assert full.isEnabled()

    give_reason("原件遗失", required=False)
    log.findChild(QAction, "reprintMasked").trigger()  # asks the reprint's reason itself
    masked = preview_of(qtbot, log)
    text = _text(bytes(masked.pdf))
    assert "补打" in text and number not in text and mask_id(number) in text
    masked.close()

    give_reason("原件遗失，单位需完整号码")
    full.trigger()
    reprint = preview_of(qtbot, log)
    assert number in _text(bytes(reprint.pdf))
    reprint.close()
    entries = [e for e in ws.audit().recent(20) if e.action == "document.reprint"]
    assert entries and entries[0].detail.get("unmasked") is True
    assert entries[0].detail.get("reason") == "原件遗失，单位需完整号码"
    assert entries[0].detail.get("serial") == issued.serials[0]
    runner.wait(10000)


def test_the_full_reprint_is_not_offered_without_the_permission(
        qtbot: QtBot, db: Database, ws: Workspace) -> None:
    add_persons(db, REGISTER)
    accounts_svc = accounts.AccountService(db.sessions)
    accounts_svc.create_user(ws.actor, name="chakan", display_name="只读", role=Role.VIEWER,
                             password="chakan-2026")
    viewer = make_workspace(db, accounts_svc.login("chakan", "chakan-2026"))
    log = DocumentLogPage(viewer, TaskRunner())
    qtbot.addWidget(log)
    assert not log.findChild(QAction, "reprintFull").isVisible()
    # a reprint is a numbered document: not offered to a read-only user at all, saying why
    # (it was, and the service refused it after the reason was typed)
    assert not log.reprint_button.isEnabled()
    assert "只读用户" in log.reprint_button.toolTip()
    assert "开具编号文书" in log.reprint_button.toolTip()


def test_the_ledger_names_who_issued(qtbot: QtBot, db: Database, ws: Workspace) -> None:
    """证书登记's 操作人 reads the name people know (管理员), not the log-in name admin."""
    people = add_persons(db, REGISTER)
    ws.documents().certificate(people["朱荣荣"])
    log = DocumentLogPage(ws, TaskRunner())
    qtbot.addWidget(log)
    log.refresh()
    assert log.table.rowCount() == 1
    assert log.table.item(0, 4).text() == "管理员"
