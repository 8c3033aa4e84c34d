"""Issue 14, point 9: the teams' visit list (走访慰问名单, PDF) and its Excel working copy can be
made with the phones in full from the visits page, by a user with the unmask permission who
gives a reason (audited), as ``laomo report visit-list|visits export --unmask --reason`` allow;
masked by default, the full choice not offered without the permission, and the service
refuses it again for such a user; the workbook is a file export, not offered to a viewer."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QPushButton
from pytestqt.qtbot import QtBot

from desktop.core.masking import mask_phone
from desktop.database import Database
from desktop.errors import PermissionDenied, ValidationError
from desktop.services import accounts
from desktop.services.permissions import Actor, Role
from desktop.services.workspace import Workspace
from desktop.views.tasks import TaskRunner
from desktop.views.visits.visits_page import VisitsPage
from tests.views.conftest import make_workspace
from tests.views.dialog_driver import give_reason, shown_pdf_text
from tests.visits.support import add_people

PHONE = "13800000001"  # 全国甲's mobile in tests/visits/support.py


def _approved_campaign(db: Database, ws: Workspace) -> None:
    add_people(db)
    svc = ws.visits()
    cid = svc.create_campaign(svc.default_draft("元旦春节", 2026))
    svc.plan(cid)
    reviewer = make_workspace(db, Actor(30, "rev1", "审核员", Role.REVIEWER))
    reviewer.visits().approve_campaign(cid, "名单无遗漏")


def _page(qtbot: QtBot, ws: Workspace, runner: TaskRunner) -> VisitsPage:
    page = VisitsPage(ws, runner)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: not page.loading, timeout=20000)
    return page


def _unmask_audit(ws: Workspace) -> list[str]:
    return [str(e.detail) for e in ws.audit().recent(30) if e.action == "visit.unmask_list"]


def test_full_phones_on_the_visit_list_need_a_reason_and_are_audited(
        qtbot: QtBot, db: Database, ws: Workspace, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    _approved_campaign(db, ws)
    runner = TaskRunner()
    page = _page(qtbot, ws, runner)
    menu = page.findChild(QPushButton, "printVisits").menu()
    assert isinstance(menu, QMenu)
    assert {m.objectName() for m in menu.findChildren(QMenu)} >= {"visitListMenu",
                                                                 "visitExcelMenu"}
    assert page.findChild(QAction, "visitListFull").isVisible()

    page.findChild(QAction, "visitListMasked").trigger()
    text = shown_pdf_text(qtbot, page)
    assert mask_phone(PHONE) in text and PHONE not in text
    assert not _unmask_audit(ws)

    give_reason("入户前电话联系")
    page.findChild(QAction, "visitListFull").trigger()
    assert PHONE in shown_pdf_text(qtbot, page)
    assert any("入户前电话联系" in d for d in _unmask_audit(ws))

    target = tmp_path / "走访名单.xlsx"
    monkeypatch.setattr("desktop.views.file_dialogs.QFileDialog.getSaveFileName",
                        lambda *a, **k: (str(target), "*.xlsx"))
    give_reason("交各走访组核对")
    page.findChild(QAction, "visitExcelFull").trigger()
    qtbot.waitUntil(lambda: target.exists() and not page.loading, timeout=30000)
    cells = [str(c) for row in openpyxl.load_workbook(target).active.iter_rows(values_only=True)
             for c in row if c is not None]
    assert PHONE in cells
    assert any("交各走访组核对" in d for d in _unmask_audit(ws))
    qtbot.waitUntil(lambda: runner.active() == 0, timeout=30000)


def test_without_the_permission_the_full_choice_is_neither_offered_nor_allowed(
        qtbot: QtBot, db: Database, ws: Workspace) -> None:
    _approved_campaign(db, ws)
    accounts_svc = accounts.AccountService(db.sessions)
    accounts_svc.create_user(ws.actor, name="chakan", display_name="只读", role=Role.VIEWER,
                             password="chakan-2026")
    viewer = make_workspace(db, accounts_svc.login("chakan", "chakan-2026"))
    runner = TaskRunner()
    page = _page(qtbot, viewer, runner)
    assert page.findChild(QAction, "visitListMasked").isVisible()
    assert not page.findChild(QAction, "visitListFull").isVisible()
    # the workbook is a file export (names, addresses, phones): not offered at all
    assert page.findChild(QAction, "visitExcelMasked") is None
    assert page.findChild(QMenu, "visitExcelMenu") is None
    cid = page.campaign_id
    assert cid is not None
    prints = viewer.visit_prints()
    with pytest.raises(PermissionDenied):  # the service's own check, not the hidden action
        prints.campaign_pdf(cid, "list", unmask=True, reason="想看看")
    for full in (True, False):
        with pytest.raises(PermissionDenied):
            prints.campaign_xlsx(cid, unmask=full, reason="想看看")
    with pytest.raises(ValidationError):  # a permitted user still needs a reason
        ws.visit_prints().campaign_pdf(cid, "list", unmask=True, reason=" ")
    assert not _unmask_audit(ws)
    qtbot.waitUntil(lambda: runner.active() == 0, timeout=30000)
