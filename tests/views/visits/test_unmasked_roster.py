"""Issue 14, point 9: the recuperation roster (疗休养名单) can be printed with full ID numbers
for the travel insurance, from the GUI, by a user with the unmask permission who gives a
reason (audited), like ``laomo report recuperation-roster --unmask --reason``; masked by
default, and the full choice is not offered without the permission."""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from desktop.core import idnumber
from desktop.core.masking import mask_id
from desktop.database import Database
from desktop.services import accounts
from desktop.services.permissions import Role
from desktop.services.visits.recuperation import BatchDraft
from desktop.services.workspace import Workspace
from desktop.views.document_preview import DocumentPreviewDialog
from desktop.views.tasks import TaskRunner
from desktop.views.visits.recuperation_page import RecuperationPage
from tests.views.conftest import make_workspace
from tests.views.dialog_driver import give_reason, shown_pdf_text
from tests.visits.support import add_people

NUMBER = idnumber.make("330522", dt.date(1970, 5, 1), 417)


def _page(qtbot: QtBot, ws: Workspace, runner: TaskRunner) -> RecuperationPage:
    page = RecuperationPage(ws, runner)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: not page.loading, timeout=20000)
    return page


def _finish(qtbot: QtBot, page: QWidget, runner: TaskRunner) -> None:
    """Let every background job deliver before the page and the database go away."""
    qtbot.waitUntil(lambda: runner.active() == 0, timeout=30000)
    for preview in page.findChildren(DocumentPreviewDialog):
        preview.close()
    qtbot.wait(50)


def test_full_id_numbers_on_the_roster_need_a_reason_and_are_audited(
        qtbot: QtBot, db: Database, ws: Workspace) -> None:
    ids = add_people(db)
    got = ws.persons().get(ids["省级乙"])
    ws.persons().update(ids["省级乙"], dataclasses.replace(got.draft, id_number=NUMBER),
                        expected_version=got.row_version)
    svc = ws.recuperation()
    bid = svc.create_batch(BatchDraft(
        year=2027, name="2027年市总疗休养", destination="舟山", start_date=dt.date(2027, 5, 10),
        end_date=dt.date(2027, 5, 14), days=5, quota=4, cost_per_day_fen=60000,
        organiser="市总"))
    svc.fill(bid)
    assert any(r.person_id == ids["省级乙"] for r in svc.roster(bid))
    runner = TaskRunner()
    page = _page(qtbot, ws, runner)
    button = page.findChild(QPushButton, "printRoster")
    assert button.menu() is not None
    masked = page.findChild(QAction, "rosterMasked")
    full = page.findChild(QAction, "rosterFull")
    assert full.isVisible()

    masked.trigger()
    text = shown_pdf_text(qtbot, page)
    assert mask_id(NUMBER) in text and NUMBER not in text

    give_reason("办理旅游意外险")
    full.trigger()
    assert NUMBER in shown_pdf_text(qtbot, page)
    audit = [e for e in ws.audit().recent(20) if e.action == "recuperation.unmask_roster"]
    assert audit and "办理旅游意外险" in str(audit[0].detail)
    _finish(qtbot, page, runner)


def test_the_full_choice_is_not_offered_without_the_permission(
        qtbot: QtBot, db: Database, ws: Workspace) -> None:
    accounts_svc = accounts.AccountService(db.sessions)
    accounts_svc.create_user(ws.actor, name="chakan", display_name="只读", role=Role.VIEWER,
                             password="chakan-2026")
    viewer = make_workspace(db, accounts_svc.login("chakan", "chakan-2026"))
    runner = TaskRunner()
    page = _page(qtbot, viewer, runner)
    assert not page.findChild(QAction, "rosterFull").isVisible()
    assert page.findChild(QAction, "rosterMasked").isVisible()
    _finish(qtbot, page, runner)


def test_the_register_roster_too(qtbot: QtBot, ws: Workspace) -> None:
    """花名册 (``laomo report roster --unmask --reason``) through the same menu."""
    from desktop.services.register.types import PersonDraft
    from desktop.views.preferences import Preferences
    from desktop.views.register.register_page import RegisterPage

    ws.persons().create(PersonDraft(name="钱秀英", district="长兴县", id_number=NUMBER))
    runner = TaskRunner()
    page = RegisterPage(ws, runner, Preferences())
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    qtbot.waitUntil(page.up_to_date, timeout=10000)
    assert page.findChild(QPushButton, "printRoster").menu() is not None

    give_reason("报送市总工会", required=False)
    page.findChild(QAction, "rosterFull").trigger()
    assert NUMBER in shown_pdf_text(qtbot, page)
    page.findChild(QAction, "rosterMasked").trigger()
    text = shown_pdf_text(qtbot, page)
    assert NUMBER not in text and mask_id(NUMBER) in text
    _finish(qtbot, page, runner)
