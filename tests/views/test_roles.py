"""Issue 14, point 6: what a role may not do is not offered (disabled, with the reason), no
form opens for refused work, refusals are worded for people, and the maker of a hardship file
is told why there is no 审批 button."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from desktop.core.texts import error_text
from desktop.database import Database
from desktop.errors import PermissionDenied
from desktop.services import accounts
from desktop.services.permissions import Role
from desktop.services.workspace import Workspace
from desktop.views.hardship.hardship_actions import PaymentDialog
from desktop.views.hardship.hardship_dialog import HardshipDialog
from desktop.views.tasks import TaskRunner
from desktop.views.visits.recuperation_page import BatchDialog, RecuperationPage
from desktop.views.visits.visits_page import VisitsPage
from tests.hardship_support import ADMIN_MAKER, add_people, walk
from tests.views.conftest import make_workspace

INTERNAL = ("edit_persons", "approve", "reviewer", "Perm.")


def record(into: list[str], what: str) -> int:
    """A stand-in for ``exec``: note what would have opened, answer 'cancelled'."""
    into.append(what)
    return 0


@pytest.fixture
def reviewer_ws(demo_db: Database, demo_ws: Workspace) -> Workspace:
    svc = accounts.AccountService(demo_db.sessions)
    svc.create_user(demo_ws.actor, name="shenhe", display_name="审核员老张",
                    role=Role.REVIEWER, password="shenhe-2026")
    return make_workspace(demo_db, svc.login("shenhe", "shenhe-2026"))


def test_refusals_are_worded_for_people() -> None:
    text = error_text(PermissionDenied("edit_persons", user="shenhe", role="reviewer"))
    assert "审核员不能登记或修改" in text
    assert not any(word in text for word in INTERNAL), text


def test_reviewer_sees_what_a_reviewer_cannot_do_before_filling_a_form(
        qtbot: QtBot, reviewer_ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    tasks = TaskRunner()
    page = RecuperationPage(reviewer_ws, tasks)
    qtbot.addWidget(page)
    page.show()
    new_batch = page.findChild(QPushButton, "newBatch")
    assert new_batch is not None and not new_batch.isEnabled()
    assert "审核员不能" in new_batch.toolTip()
    assert not any(word in new_batch.toolTip() for word in INTERNAL)
    # a shortcut or a stale button still never opens the form: the reason comes first
    opened: list[str] = []
    told: list[str] = []
    monkeypatch.setattr(BatchDialog, "exec", lambda self: record(opened, "batch"))
    monkeypatch.setattr(QMessageBox, "exec", lambda self: record(told, self.text()))
    page.new_batch()
    assert opened == [] and told and "审核员不能" in told[0]

    visits = VisitsPage(reviewer_ws, tasks)
    qtbot.addWidget(visits)
    for name in ("newCampaign", "planCampaign", "autoSchedule", "recordVisit"):
        button = visits.findChild(QWidget, name)
        assert button is not None and not button.isEnabled(), name
        assert "审核员不能" in button.toolTip()
    approve = visits.findChild(QWidget, "approveCampaign")
    assert approve is not None and approve.isEnabled()  # what a reviewer does stays
    tasks.wait(10000)


def test_payment_button_is_disabled_for_a_reviewer(
        qtbot: QtBot, demo_db: Database, reviewer_ws: Workspace,
        monkeypatch: pytest.MonkeyPatch) -> None:
    person = add_people(demo_db, 1)[0]
    case_id = walk(demo_db, person, "approved")
    dialog = HardshipDialog(reviewer_ws, case_id=case_id, person=None)
    qtbot.addWidget(dialog)
    assert not dialog.pay_button.isEnabled()
    assert "审核员不能" in dialog.pay_button.toolTip()
    opened: list[str] = []
    told: list[str] = []
    monkeypatch.setattr(PaymentDialog, "exec", lambda self: record(opened, "pay"))
    monkeypatch.setattr(QMessageBox, "exec", lambda self: record(told, self.text()))
    dialog.record_payment()  # 登记发放: refused before the form, not after it was filled
    assert opened == [] and "审核员不能" in told[0]


def test_the_maker_is_told_why_there_is_no_approve_button(
        qtbot: QtBot, demo_db: Database) -> None:
    person = add_people(demo_db, 1)[0]
    case_id = walk(demo_db, person, "notice", maker=ADMIN_MAKER)
    dialog = HardshipDialog(make_workspace(demo_db, ADMIN_MAKER), case_id=case_id, person=None)
    qtbot.addWidget(dialog)
    assert dialog.findChild(QPushButton, "step_approve") is None
    assert "您是建档人，不能审批本档案" in dialog.held.text()
    assert not dialog.held.isHidden()
    # another administrator sees the button and no such note
    other = make_workspace(demo_db, accounts.AccountService(demo_db.sessions).login(
        "admin", "secret123"))
    second = HardshipDialog(other, case_id=case_id, person=None)
    qtbot.addWidget(second)
    assert second.findChild(QPushButton, "step_approve") is not None
    assert "建档人" not in second.held.text()


def test_the_header_says_when_the_notice_has_ended(qtbot: QtBot, demo_db: Database,
                                                   demo_ws: Workspace) -> None:
    """Issue 14, point 7: the header said 公示中 after the notice period had ended."""
    person = add_people(demo_db, 1)[0]
    case_id = walk(demo_db, person, "notice")  # notice from 2026-05-21, long over
    dialog = HardshipDialog(demo_ws, case_id=case_id, person=None)
    qtbot.addWidget(dialog)
    assert "期满，待审批" in dialog.heading.text()
    assert "公示中" not in dialog.heading.text()


def test_a_step_that_would_be_refused_has_no_button_but_a_reason(
        qtbot: QtBot, demo_db: Database, demo_ws: Workspace) -> None:
    """The reviewer who made the 入户核查 was offered 审批 and refused only after writing the
    opinion; so was anyone during the 公示. Now neither gets the button, both read why, and
    the button comes once the step can be taken."""
    import datetime as dt

    from desktop.services.hardship.service import HardshipService
    from tests.hardship_support import CAST

    people = add_people(demo_db, 2)
    verified_by_me = walk(demo_db, people[0], "notice")  # notice long over
    verifier = HardshipDialog(make_workspace(demo_db, CAST["reviewer"]), case_id=verified_by_me,
                              person=None)
    qtbot.addWidget(verifier)
    assert verifier.findChild(QPushButton, "step_approve") is None
    assert verifier.findChild(QPushButton, "step_reject") is None
    assert "入户核查" in verifier.held.text() and not verifier.held.isHidden()
    assert not any(word in verifier.held.text() for word in INTERNAL)

    running = walk(demo_db, people[1], "verified")
    HardshipService(demo_db.sessions, CAST["maker"], demo_db.read_sessions).start_notice(
        running, start=dt.date.today(), opinion="张榜公示")
    during = HardshipDialog(demo_ws, case_id=running, person=None)
    qtbot.addWidget(during)
    assert during.findChild(QPushButton, "step_approve") is None
    end = demo_ws.hardship().get(running).notice_end
    assert end is not None and f"公示期到 {end.isoformat()} 才结束" in during.held.text()
    assert during.findChild(QPushButton, "step_reject") is not None  # an objection may stop it
    after = HardshipDialog(demo_ws, case_id=running, person=None)
    after._service = HardshipService(demo_db.sessions, demo_ws.actor, demo_db.read_sessions,
                                     today=lambda: end + dt.timedelta(days=1))
    after.reload()
    qtbot.addWidget(after)
    assert after.findChild(QPushButton, "step_approve") is not None
    assert "公示期" not in after.held.text()


def test_serial_documents_are_offered_to_issuers_only(
        qtbot: QtBot, demo_db: Database, demo_ws: Workspace, reviewer_ws: Workspace) -> None:
    """证书 and 会员证 take serials under the association's seal (``Actor.require_issuer``): a
    viewer, who may print masked lists, is offered neither the person dialog's 荣誉称号证明
    nor the register's 会员证; a reviewer (who may approve) and the administrator are."""
    from desktop.services.register.types import RegisterFilter
    from desktop.views.preferences import Preferences
    from desktop.views.register.person_dialog import PersonDialog
    from desktop.views.register.register_page import RegisterPage

    svc = accounts.AccountService(demo_db.sessions)
    svc.create_user(demo_ws.actor, name="chakan", display_name="只读", role=Role.VIEWER,
                    password="chakan-2026")
    viewer_ws = make_workspace(demo_db, svc.login("chakan", "chakan-2026"))
    person = demo_ws.register().rows(RegisterFilter(), limit=1)[0].id
    tasks = TaskRunner()
    offered = {}
    for name, ws in (("viewer", viewer_ws), ("reviewer", reviewer_ws), ("admin", demo_ws)):
        dialog = PersonDialog(ws, person)
        qtbot.addWidget(dialog)
        page = RegisterPage(ws, tasks, Preferences())
        qtbot.addWidget(page)
        page.show()
        offered[name] = (dialog.proof_button is not None, page.cards_button.isVisible(),
                         page.roster_button.isVisible())
    assert offered == {"viewer": (False, False, True), "reviewer": (True, True, True),
                       "admin": (True, True, True)}
    tasks.wait(10000)
