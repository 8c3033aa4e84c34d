"""Issue 14, point 5: log-in shows the window at once, log out / switch user without a restart,
change one's own password, and a password set by the administrator is changed at first log-in.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from desktop.app import Startup, database_label
from desktop.database import Database
from desktop.services import accounts
from desktop.services.audit import AuditEntry, AuditService
from desktop.services.permissions import Role
from desktop.views.login_dialog import LoginDialog
from desktop.views.password_dialog import ChangePasswordDialog
from desktop.views.preferences import Preferences
from tests.conftest import ADMIN_PASSWORD, initialise

ROOT = Path(__file__).resolve().parents[2]


def when_dialog(fill: Callable[[ChangePasswordDialog], None]) -> None:
    """Fill the modal password dialog as soon as it is open (it runs its own event loop)."""

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, ChangePasswordDialog):
            fill(dialog)
        else:
            QTimer.singleShot(10, poll)

    QTimer.singleShot(0, poll)


def type_passwords(old: str | None, new: str, repeat: str | None = None
                   ) -> Callable[[ChangePasswordDialog], None]:
    """``old`` None: the forced change after log-in, which has no current-password field."""
    def fill(dialog: ChangePasswordDialog) -> None:
        if old is not None:
            assert dialog.old is not None
            dialog.old.setText(old)
        dialog.new.setText(new)
        dialog.repeat.setText(new if repeat is None else repeat)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    return fill


def log_in(qtbot: QtBot, startup: Startup, user: str, password: str) -> LoginDialog:
    qtbot.waitUntil(lambda: startup.login_dialog is not None
                    and startup.login_dialog.isVisible()
                    and startup.login_dialog._login is not None, timeout=15000)
    dialog = startup.login_dialog
    assert dialog is not None
    dialog.user.setText(user)
    dialog.password.setText(password)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    return dialog


@pytest.fixture
def office(sqlite_db: Database) -> tuple[str, Preferences]:
    """长兴县 with admin and a new clerk whose first password the administrator chose."""
    admin = initialise(sqlite_db)
    accounts.AccountService(sqlite_db.sessions).create_user(
        admin, name="luru", display_name="录入员小李", role=Role.CLERK, password="first-pass-1")
    target = str(sqlite_db.sqlite_path)
    sqlite_db.dispose()
    prefs = Preferences()
    prefs.set_association_for(database_label(target), "长兴县")
    return target, prefs


def test_log_out_switch_user_and_first_password_change(
        qtbot: QtBot, qapp: QApplication, office: tuple[str, Preferences]) -> None:
    target, prefs = office
    startup = Startup(qapp, prefs, target)
    ended: list[int] = []
    startup.finished.connect(ended.append)
    startup.begin()
    with qtbot.waitSignal(startup.main_window_shown, timeout=15000):
        log_in(qtbot, startup, "admin", ADMIN_PASSWORD)
    first = startup.main_window
    assert first is not None and "管理员" in first.user_label.text()
    # the maker hands over to the checker: 注销 / 切换用户, no restart
    assert "注销" in first.logout_action.text() and "切换用户" in first.logout_action.text()
    first.logout_action.trigger()
    assert not first.isVisible() and not ended
    assert startup.login_dialog is not None and startup.login_dialog.isVisible()
    # the clerk's password was chosen by the administrator: it must be changed first, without
    # typing again the password just typed to log in; the same one again is refused in the
    # dialog, which stays open
    problems: list[str] = []
    asked: list[bool] = []

    def first_change(dialog: ChangePasswordDialog) -> None:
        asked.append(dialog.old is None and dialog.findChild(QLineEdit, "oldPassword") is None)
        assert startup.login_dialog is not None
        asked.append(startup.login_dialog.password.text() == "")  # not kept there either
        type_passwords(None, "first-pass-1")(dialog)
        problems.append(dialog.problem.text())
        type_passwords(None, "luru-2026-own")(dialog)

    when_dialog(first_change)
    with qtbot.waitSignal(startup.main_window_shown, timeout=15000):
        log_in(qtbot, startup, "luru", "first-pass-1")
    assert asked == [True, True]
    assert problems and "新密码不能与原密码相同" in problems[0]
    second = startup.main_window
    assert second is not None and second is not first
    assert "录入员小李" in second.user_label.text()
    assert not ended
    db = Database.open(target)
    try:
        svc = accounts.AccountService(db.sessions)
        clerk = svc.login("luru", "luru-2026-own")  # the new password works
        assert not svc.must_change_password(clerk)
        actions = [r.action for r in accounts_audit(db)]
        assert "auth.logout" in actions and "user.change_password" in actions
    finally:
        db.dispose()
    second.close()
    startup.close()


def accounts_audit(db: Database) -> list[AuditEntry]:
    admin = accounts.AccountService(db.sessions).login("admin", ADMIN_PASSWORD)
    return AuditService(db.sessions, admin).recent(100)


def test_refusing_the_first_password_change_goes_back_to_log_in(
        qtbot: QtBot, qapp: QApplication, office: tuple[str, Preferences]) -> None:
    target, prefs = office
    startup = Startup(qapp, prefs, target)
    startup.begin()
    when_dialog(lambda d: d.reject())
    first_dialog = log_in(qtbot, startup, "luru", "first-pass-1")
    qtbot.waitUntil(lambda: startup.login_dialog is not first_dialog
                    and startup.login_dialog is not None
                    and startup.login_dialog.isVisible(), timeout=15000)
    assert startup.main_window is None
    startup.close()


def test_change_own_password_from_the_settings_menu(qtbot: QtBot, db: Database) -> None:
    from desktop.views.main_window import MainWindow
    from tests.views.conftest import make_workspace

    admin = initialise(db)
    window = MainWindow(make_workspace(db, admin), Preferences())
    qtbot.addWidget(window)
    window.show()
    mismatched: list[bool] = []

    def fill(dialog: ChangePasswordDialog) -> None:
        type_passwords(ADMIN_PASSWORD, "new-secret-9", "new-secret-0")(dialog)
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        mismatched.append(not ok.isEnabled() and "不一致" in dialog.problem.text())
        type_passwords(ADMIN_PASSWORD, "new-secret-9")(dialog)

    when_dialog(fill)
    window.password_action.trigger()
    assert mismatched == [True]
    assert "密码已修改" in window.statusBar().currentMessage()
    accounts.AccountService(db.sessions).login("admin", "new-secret-9")


CHILD = r"""
import json, os, sys, time
from PySide6.QtCore import QTimer
from desktop.app import Startup, make_application
app, prefs = make_application("zh_CN")
startup = Startup(app, prefs, sys.argv[1])
out = {}
def poll():
    d = startup.login_dialog
    if d is not None and d._login is not None:
        out["before"] = sorted(sys.modules)
        d.user.setText("admin"); d.password.setText(sys.argv[2]); d._try()
        return
    QTimer.singleShot(5, poll)
def shown():
    def later():
        out["after"] = sorted(sys.modules)
        startup.main_window.close(); app.quit()
    QTimer.singleShot(300, later)
startup.main_window_shown.connect(shown)
QTimer.singleShot(0, startup.begin); QTimer.singleShot(0, poll)
QTimer.singleShot(60000, app.quit)
app.exec()
print(json.dumps(out))
"""

NOT_AT_LOGIN = ("pypinyin", "openpyxl", "python_calamine", "reportlab", "alembic", "xlrd",
                "lunar_python", "PIL", "desktop.reports", "desktop.exchange",
                "desktop.views.register.register_page", "desktop.views.imports")


def test_log_in_imports_only_what_the_first_window_needs(office: tuple[str, Preferences],
                                                         _isolated_home: Path) -> None:
    """After log-in the main window is shown; the register, import, printing and pinyin
    machinery is loaded when a page needs it, not before (5–6 s of a blank screen)."""
    target, _prefs = office
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", CHILD, target, ADMIN_PASSWORD],
                         capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr
    modules = json.loads(out.stdout.strip().splitlines()[-1])
    assert "after" in modules, out.stderr
    loaded = [m for m in modules["after"]
              if any(m == bad or m.startswith(bad + ".") for bad in NOT_AT_LOGIN)]
    assert not loaded, loaded


def test_main_window_shows_before_the_pages_are_built(qtbot: QtBot, db: Database) -> None:
    """Pages are built when first opened, with a placeholder meanwhile."""
    from desktop.views.main_window import MainWindow
    from tests.views.conftest import make_workspace

    window = MainWindow(make_workspace(db, initialise(db)), Preferences())
    qtbot.addWidget(window)
    window.show()
    assert not window.built("register") and not window.built("hardship")
    assert isinstance(window.stack.widget(1), QLabel)
    window.nav.setCurrentRow(1)
    assert window.built("register") and window.stack.currentWidget() is window.register


def test_switch_user_does_not_offer_the_previous_name(
        qtbot: QtBot, qapp: QApplication, office: tuple[str, Preferences]) -> None:
    """注销 / 切换用户: the next person types their own name (the field empty, the cursor in
    it), not a password against the clerk's name (a failed log-in counted for the clerk)."""
    target, prefs = office
    prefs.last_user = "luru"
    startup = Startup(qapp, prefs, target)
    startup.begin()
    dialog = startup.login_dialog
    assert dialog is not None
    assert dialog.user.text() == "luru"  # a start: the last user is offered as before
    assert dialog.focusWidget() is dialog.password
    with qtbot.waitSignal(startup.main_window_shown, timeout=15000):
        log_in(qtbot, startup, "admin", ADMIN_PASSWORD)
    window = startup.main_window
    assert window is not None
    window.logout_action.trigger()
    again = startup.login_dialog
    assert again is not None and again is not dialog and again.isVisible()
    assert again.user.text() == ""
    assert again.focusWidget() is again.user
    qtbot.keyClicks(again.user, "luru")  # what the reviewer types goes into the name
    qtbot.keyClicks(again.password, "first-pass-1")
    assert again.user.text() == "luru"
    startup.close()


def test_enter_while_the_database_opens_logs_in_once_it_is_open(
        qtbot: QtBot, qapp: QApplication, office: tuple[str, Preferences]) -> None:
    """The name and password typed and Enter pressed during 正在打开数据库…: kept, and the
    log-in happens as soon as the database is open (the Enter is not lost)."""
    from PySide6.QtCore import Qt

    target, prefs = office
    prefs.last_user = "admin"
    startup = Startup(qapp, prefs, target)
    startup.begin()
    dialog = startup.login_dialog
    assert dialog is not None and dialog._login is None  # the database is still opening
    qtbot.keyClicks(dialog.password, ADMIN_PASSWORD)
    with qtbot.waitSignal(startup.main_window_shown, timeout=15000):
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
        assert dialog._login is None and dialog.isVisible()
        assert "正在打开数据库" in dialog.problem.text()
        assert dialog.password.text() == ADMIN_PASSWORD  # kept for the log-in
    window = startup.main_window
    assert window is not None and "管理员" in window.user_label.text()
    assert dialog.password.text() == ""
    window.close()
    startup.close()


def test_enter_while_opening_then_a_wrong_password_is_shown(qtbot: QtBot) -> None:
    """The deferred log-in reports its problem like a direct one; the dialog stays open."""
    from PySide6.QtCore import Qt

    from desktop.errors import AuthenticationFailed
    from desktop.services.permissions import Actor

    tried: list[tuple[str, str]] = []

    def refuse(user: str, password: str) -> Actor:
        tried.append((user, password))
        raise AuthenticationFailed("login_failed")

    dialog = LoginDialog(None, association="长兴县", database="x.sqlite3", last_user="admin")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.password, "wrong")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert tried == [] and dialog.isVisible()
    dialog.set_login(refuse)
    assert tried == [("admin", "wrong")]
    assert dialog.isVisible() and dialog.password.text() == ""
    assert "正在打开数据库" not in dialog.problem.text() and dialog.problem.text()
