"""The windows a user meets at start: wizard, log-in, main window, driven offscreen."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QMessageBox, QWizard
from pytestqt.qtbot import QtBot

from desktop.database import Database
from desktop.services import accounts
from desktop.services.permissions import Actor, Role
from desktop.views.login_dialog import LoginDialog
from desktop.views.main_window import MainWindow
from desktop.views.preferences import Preferences
from desktop.views.setup_wizard import SetupWizard
from tests.conftest import ADMIN_PASSWORD
from tests.views.conftest import make_workspace


def test_setup_wizard_creates_the_association_and_admin(qtbot: QtBot, sqlite_db: Database) -> None:
    def initialise(association: str, admin: str, display: str, password: str) -> None:
        accounts.initialise(sqlite_db.sessions, association=association, admin_name=admin,
                            admin_password=password, admin_display_name=display)

    wizard = SetupWizard(initialise)
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.association_page
    page.combo.setCurrentIndex(page.combo.findData("湖州市"))
    assert "市级模式" in page.hint.text()
    wizard.next()
    admin = wizard.admin_page
    admin.name.setText("wanglh")
    admin.display.setText("王丽华")
    admin.password.setText("short")
    admin.repeat.setText("short")
    assert admin.isComplete()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    # too short: the problem shows next to the form, nothing is written, the wizard stays
    assert "密码至少 8 位" in admin.problem.text()
    assert not accounts.is_initialised(sqlite_db.sessions)
    assert wizard.isVisible()
    admin.password.setText("huzhou2026")
    assert not admin.isComplete()  # the repeat no longer matches
    admin.repeat.setText("huzhou2026")
    wizard.button(QWizard.WizardButton.FinishButton).click()
    info = accounts.association_info(sqlite_db.sessions)
    assert info is not None and info.mode == "city" and info.name == "湖州市"
    actor = accounts.AccountService(sqlite_db.sessions).login("wanglh", "huzhou2026")
    assert actor.role is Role.ADMIN and actor.display_name == "王丽华"


def test_login_dialog_shows_problems_inline_and_locks(qtbot: QtBot, db: Database,
                                                      admin: Actor) -> None:
    service = accounts.AccountService(db.sessions)
    dialog = LoginDialog(service.login, association="长兴县", database=db.describe(),
                         last_user="admin")
    qtbot.addWidget(dialog)
    dialog.show()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # no password yet
    for _ in range(4):
        dialog.password.setText("wrong-password")
        ok.click()
        assert dialog.isVisible()
        assert "用户名或密码不正确" in dialog.problem.text()
        assert dialog.password.text() == ""
    dialog.password.setText("wrong-password")
    ok.click()
    assert "已锁定" in dialog.problem.text()
    dialog.password.setText(ADMIN_PASSWORD)
    ok.click()
    assert dialog.actor is None and "已锁定" in dialog.problem.text()


def test_login_dialog_accepts_the_right_password(qtbot: QtBot, db: Database, admin: Actor
                                                 ) -> None:
    dialog = LoginDialog(accounts.AccountService(db.sessions).login, association="长兴县",
                         database=db.describe())
    qtbot.addWidget(dialog)
    dialog.user.setText("admin")
    dialog.password.setText(ADMIN_PASSWORD)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result() == LoginDialog.DialogCode.Accepted
    assert dialog.actor is not None and dialog.actor.name == "admin"


def test_main_window_shows_pages_by_role_and_status(qtbot: QtBot, db: Database,
                                                    admin: Actor) -> None:
    window = MainWindow(make_workspace(db, admin), Preferences())
    qtbot.addWidget(window)
    window.show()
    pages = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert pages[:2] == ["首页", "名册"] and pages[-2:] == ["用户管理", "审计日志"]
    assert "管理员" in window.user_label.text()
    assert "长兴县" in window.district_label.text() and "区县模式" in window.district_label.text()
    assert db.describe() in window.db_label.text()
    qtbot.waitUntil(lambda: "名册共有劳模" in window.home.summary.text(), timeout=10000)

    svc = accounts.AccountService(db.sessions)
    svc.create_user(admin, name="viewer1", display_name="只读", role=Role.VIEWER,
                    password="viewer-123")
    viewer = svc.login("viewer1", "viewer-123")
    limited = MainWindow(make_workspace(db, viewer), Preferences())
    qtbot.addWidget(limited)
    # a viewer prints (masked), so the document log is there; users and audit are not
    assert [limited.nav.item(i).text() for i in range(limited.nav.count())] == [
        "首页", "名册", "困难帮扶", "走访慰问", "疗休养", "证书登记"]
    assert limited.documents is not None and not limited.documents.void_button.isVisibleTo(
        limited.documents)
    assert not limited.backup_action.isEnabled()


def test_users_page_lists_users_and_audit_page_verifies(qtbot: QtBot, db: Database,
                                                       admin: Actor) -> None:
    window = MainWindow(make_workspace(db, admin), Preferences())
    qtbot.addWidget(window)
    accounts.AccountService(db.sessions).create_user(
        admin, name="clerk1", display_name="录入一", role=Role.CLERK, password="clerk-1234")
    assert window.users is not None and window.audit is not None
    window.nav.setCurrentRow(window.stack.indexOf(window.users))
    names = [window.users.table.item(r, 0).text() for r in range(window.users.table.rowCount())]
    assert names == ["admin", "clerk1"]
    assert window.users.table.item(1, 2).text() == "录入员"
    window.nav.setCurrentRow(window.stack.indexOf(window.audit))
    qtbot.waitUntil(lambda: window.audit.table.rowCount() >= 3, timeout=10000)
    actions = {window.audit.table.item(r, 3).data(Qt.ItemDataRole.UserRole)
               for r in range(window.audit.table.rowCount())}
    assert {"setup.initialise", "auth.login", "user.create"} <= actions
    window.audit._verify()
    qtbot.waitUntil(lambda: "完整" in window.audit.status.text(), timeout=10000)


def test_backup_from_the_window_runs_in_the_background(qtbot: QtBot, sqlite_db: Database,
                                                       tmp_path: Path) -> None:
    from tests.conftest import initialise

    admin = initialise(sqlite_db)
    window = MainWindow(make_workspace(sqlite_db, admin), Preferences())
    qtbot.addWidget(window)
    out = tmp_path / "b.zip"
    window.start_backup(str(out), None)
    qtbot.waitUntil(lambda: window.tasks.active() == 0, timeout=20000)
    assert "备份已保存" in window.statusBar().currentMessage()
    with zipfile.ZipFile(out) as z:
        assert {"manifest.json", "laomo.sqlite3"} <= set(z.namelist())


def test_error_presenter_speaks_chinese(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.errors import DatabaseProblem
    from desktop.views import messages

    shown: list[tuple[str, str]] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append((box.text(), box.detailedText()))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    messages.present_error(None, DatabaseProblem("not_a_database", path="/x/y.sqlite3"))
    messages.present_error(None, RuntimeError("boom"))
    assert "/x/y.sqlite3 不是劳模之家的数据库文件" in shown[0][0]
    assert "意外错误" in shown[1][0] and "RuntimeError: boom" in shown[1][1]


def test_status_labels_are_not_clipped(qtbot: QtBot, db: Database, admin: Actor) -> None:
    window = MainWindow(make_workspace(db, admin), Preferences())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    for label in window.findChildren(QLabel):
        if label.isVisible() and label.text() and not label.wordWrap():
            assert label.width() >= label.sizeHint().width() - 2, label.text()


def test_a_refusal_shown_in_the_window_is_audited(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
                                                  sqlite_db: Database) -> None:
    """Issue 16, item 8: the application hands the presenter a recorder after log-in; a
    PermissionDenied shown leaves an ``auth.denied`` entry (who, which permission)."""
    from desktop.errors import PermissionDenied
    from desktop.services.audit import AuditService
    from desktop.views import messages
    from tests.conftest import initialise

    admin = initialise(sqlite_db)
    service = accounts.AccountService(sqlite_db.sessions)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: 0)
    monkeypatch.setattr(messages, "denial_recorder",
                        lambda exc: service.record_denied(exc, "gui"))
    messages.present_error(None, PermissionDenied("backup", user="view1", role="viewer"))
    [entry] = [e for e in AuditService(sqlite_db.sessions, admin).recent()
               if e.action == "auth.denied"]
    assert (entry.actor, entry.detail) == (
        "view1", {"permission": "backup", "role": "viewer", "action": "gui"})
