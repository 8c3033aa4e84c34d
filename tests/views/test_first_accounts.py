"""The first accounts, as an office sets them up on its first day (walk-through at 1366×768,
December 2026): the password rule is said in full before anyone types, Enter on the skippable
handoff step finishes the wizard, and the users page offers what the selected user allows."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QPushButton, QWizard
from pytestqt.qtbot import QtBot

from desktop.database import Database
from desktop.errors import AppError
from desktop.services import accounts
from desktop.services.permissions import Role
from desktop.services.workspace import Workspace
from desktop.views.admin.users_page import UserDialog, UsersPage
from desktop.views.password_dialog import ChangePasswordDialog
from desktop.views.setup_wizard import SetupWizard

RULE = "不能全是数字或全是字母"


def test_every_password_field_says_the_whole_rule(qtbot: QtBot) -> None:
    """The clerk read "至少 8 位" (and the wizard "不能全是数字"), typed abcdefgh and only then
    learnt that letters alone are refused too."""
    forced = ChangePasswordDialog(lambda _n: None, user="张录入", forced=True)
    qtbot.addWidget(forced)
    intro = forced.findChild(type(forced.problem), "passwordIntro")
    assert intro is not None and "至少 8 位" in intro.text() and RULE in intro.text()
    wizard = SetupWizard(lambda *_a: None)
    qtbot.addWidget(wizard)
    assert RULE in wizard.admin_page.password.placeholderText()
    new_user = UserDialog()
    qtbot.addWidget(new_user)
    assert RULE in new_user.password.placeholderText()
    assert "首次登录" in new_user.note.text()


def test_enter_on_the_skippable_handoff_step_finishes(
        qtbot: QtBot, tmp_path: Path, sqlite_db: Database,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The step opens with its 导入市级名片… button focused: Enter opened a file chooser."""
    chooser: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (chooser.append("open"), ("", ""))[1]))

    def initialise(name: str, admin: str, display: str, password: str) -> None:
        accounts.initialise(sqlite_db.sessions, association=name, admin_name=admin,
                            admin_password=password, admin_display_name=display)

    def enrolment() -> object:
        actor = accounts.AccountService(sqlite_db.sessions).login("admin", "laomo2026")
        info = accounts.association_info(sqlite_db.sessions)
        assert info is not None
        return Workspace(sqlite_db, actor, info).handoff(tmp_path / "keys")

    wizard = SetupWizard(initialise, enrolment)  # type: ignore[arg-type]
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    combo = wizard.association_page.combo
    combo.setCurrentIndex(combo.findData("长兴县"))
    wizard.next()
    wizard.admin_page.password.setText("laomo2026")
    wizard.admin_page.repeat.setText("laomo2026")
    wizard.button(QWizard.WizardButton.CommitButton).click()
    page = wizard.enrol_page
    assert page is not None and wizard.currentPage() is page
    wizard.activateWindow()
    page.card_button.setFocus()
    qtbot.waitUntil(page.card_button.hasFocus)
    qtbot.keyClick(page.card_button, Qt.Key.Key_Return)
    assert not chooser
    qtbot.waitUntil(lambda: not wizard.isVisible())
    assert wizard.initialised


def test_user_buttons_follow_the_selected_user(qtbot: QtBot, db: Database,
                                              ws: Workspace) -> None:
    service = ws.accounts()
    service.create_user(ws.actor, name="luru", display_name="张录入", role=Role.CLERK,
                        password="luru2026")
    page = UsersPage(ws)
    qtbot.addWidget(page)
    page.refresh()

    def button(name: str) -> QPushButton:
        found = page.findChild(QPushButton, name)
        assert found is not None
        return found

    # nothing selected: the buttons that act on a user are off and say so
    for name in ("changeRole", "resetPassword", "unlockUser", "toggleActive"):
        assert not button(name).isEnabled() and "选择" in button(name).toolTip(), name
    assert button("addUser").isEnabled()

    names = [page.table.item(r, 0).text() for r in range(page.table.rowCount())]
    page.table.selectRow(names.index("luru"))
    assert button("changeRole").isEnabled() and button("resetPassword").isEnabled()
    assert not button("unlockUser").isEnabled() and button("unlockUser").toolTip()
    assert button("toggleActive").isEnabled() and button("toggleActive").text() == "停用"

    page.table.selectRow(names.index("admin"))  # one's own account
    assert not button("toggleActive").isEnabled() and button("toggleActive").toolTip()

    for _ in range(accounts.MAX_FAILED_ATTEMPTS):
        with pytest.raises(AppError):
            accounts.AccountService(db.sessions).login("luru", "wrong-password")
    page.refresh()
    page.table.selectRow(names.index("luru"))
    assert page.table.item(names.index("luru"), 3).text() == "已锁定"
    assert button("unlockUser").isEnabled()


def test_no_association_is_chosen_for_the_clerk(qtbot: QtBot) -> None:
    """长兴县 was preselected: a 德清县 office pressing 下一步 became 长兴县 for good."""
    wizard = SetupWizard(lambda *_a: None)
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.association_page
    assert page.combo.currentData() is None and "请选择" in page.combo.currentText()
    assert "不能更改" in page.hint.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    page.combo.setCurrentIndex(page.combo.findData("德清县"))
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert "区县模式" in page.hint.text()


def test_a_typo_in_a_full_name_can_be_put_right(qtbot: QtBot, ws: Workspace) -> None:
    """张录入 was saved as 录入: no window could change it, and records, prints and the audit
    log name the user by it."""
    from PySide6.QtWidgets import QDialogButtonBox, QWidget

    from desktop.views.admin.users_page import UserEditDialog
    from tests.views.dialog_driver import on_next_modal

    ws.accounts().create_user(ws.actor, name="luru", display_name="录入", role=Role.CLERK,
                              password="luru2026")
    page = UsersPage(ws)
    qtbot.addWidget(page)
    page.refresh()
    names = [page.table.item(r, 0).text() for r in range(page.table.rowCount())]
    page.table.selectRow(names.index("luru"))
    edit = page.findChild(QPushButton, "changeRole")
    assert edit is not None and edit.text() == "修改…"

    def fix(widget: QWidget) -> None:
        assert isinstance(widget, UserEditDialog)
        assert widget.display.text() == "录入" and widget.role.currentData() == "clerk"
        widget.display.setText("张录入")
        widget.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    on_next_modal(fix)
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)
    row = names.index("luru")
    assert page.table.item(row, 1).text() == "张录入" and page.table.item(row, 2).text() == "录入员"
    user = next(u for u in ws.accounts().list_users(ws.actor) if u.name == "luru")
    assert user.display_name == "张录入" and user.role is Role.CLERK


def test_a_reset_password_is_typed_twice_and_refused_in_place(
        qtbot: QtBot, db: Database, ws: Workspace) -> None:
    """One hidden entry: a typo locked the clerk out; a refusal closed the entry and said so in
    a separate box."""
    from PySide6.QtWidgets import QDialogButtonBox, QWidget

    from desktop.views.admin.users_page import ResetPasswordDialog
    from tests.views.dialog_driver import on_next_modal

    ws.accounts().create_user(ws.actor, name="luru", display_name="张录入", role=Role.CLERK,
                              password="luru2026")
    page = UsersPage(ws)
    qtbot.addWidget(page)
    page.refresh()
    names = [page.table.item(r, 0).text() for r in range(page.table.rowCount())]
    page.table.selectRow(names.index("luru"))
    seen: list[str] = []

    def reset(widget: QWidget) -> None:
        assert isinstance(widget, ResetPasswordDialog)
        ok = widget.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert RULE in widget.password.placeholderText()
        widget.password.setText("abcdefgh")
        widget.repeat.setText("abcdefgx")
        assert not ok.isEnabled() and "不一致" in widget.problem.text()
        widget.repeat.setText("abcdefgh")
        on_next_modal(again)
        ok.click()  # letters only: refused, the dialog comes back with the reason

    def again(widget: QWidget) -> None:
        assert isinstance(widget, ResetPasswordDialog)
        seen.append(widget.problem.text())
        widget.password.setText("xin2026pw")
        widget.repeat.setText("xin2026pw")
        widget.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    def first(widget: QWidget) -> None:
        reset(widget)

    on_next_modal(first)
    button = page.findChild(QPushButton, "resetPassword")
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert seen and RULE in seen[0]
    actor = accounts.AccountService(db.sessions).login("luru", "xin2026pw")
    assert accounts.AccountService(db.sessions).must_change_password(actor)
