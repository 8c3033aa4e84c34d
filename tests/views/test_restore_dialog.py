"""文件 → 恢复备份 from the window: an administrator's action only; the backup's passphrase asked
once, what it holds shown beside the current data, an explicit confirmation, then the log-in
dialog again on the restored database. Real backups made by the real service.

scrypt costs about a second for each encryption and decryption: only the tests about the
passphrase use an encrypted backup."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from desktop.app import Startup, database_label
from desktop.database import Database
from desktop.errors import AppError, AuthenticationFailed, PermissionDenied
from desktop.models import AuditEvent, Person
from desktop.paths import backups_dir
from desktop.services import accounts, maintenance
from desktop.services.permissions import Role
from desktop.views.main_window import MainWindow
from desktop.views.preferences import Preferences
from desktop.views.restore_dialog import RestoreDialog
from tests.conftest import ADMIN_PASSWORD, initialise
from tests.person_support import draft, service
from tests.views.conftest import make_workspace
from tests.views.dialog_driver import on_next_modal
from tests.views.test_login_session import log_in

PASSPHRASE = "长兴县劳模协会-2026"
LATE = "后来添加"  # a person entered after the backup was made


def _persons(db: Database) -> list[str]:
    with db.sessions.begin() as s:
        return sorted(s.scalars(select(Person.name)))


def _restores(db: Database) -> list[dict[str, object]]:
    with db.sessions.begin() as s:
        return [json.loads(d) for d in s.scalars(
            select(AuditEvent.detail).where(AuditEvent.action == "backup.restore"))]


def _audit_count(db: Database) -> int:
    with db.sessions.begin() as s:
        return s.scalar(select(func.count()).select_from(AuditEvent)) or 0


def _office(db: Database, *, passphrase: str | None) -> Path:
    """长兴县 with one person, backed up (to the default folder), then a second person added."""
    admin = initialise(db)
    service(db, admin).create(draft())
    name = "劳模之家备份-20261204" + (".laomo-backup" if passphrase else "-未加密.zip")
    out = backups_dir() / name
    maintenance.MaintenanceService(db, admin).backup(out, passphrase=passphrase)
    service(db, admin).create(draft(name=LATE, id_number=None))
    return out


def _choose(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    """The open-file dialog answers ``path``; the folders it was opened in are collected."""
    folders: list[str] = []

    def answer(parent: QWidget, title: str, folder: str, kinds: str) -> tuple[str, str]:
        folders.append(folder)
        return str(path), kinds

    monkeypatch.setattr("desktop.views.restore_dialog.QFileDialog.getOpenFileName", answer)
    return folders


def _drive(qtbot: QtBot, act: Callable[[RestoreDialog], None]) -> list[QWidget]:
    def on_dialog(widget: QWidget) -> None:
        assert isinstance(widget, RestoreDialog)
        act(widget)

    return on_next_modal(on_dialog, timeout_ms=20000)


def _fits(dialog: RestoreDialog) -> None:
    area = dialog.screen().availableGeometry()
    assert dialog.frameGeometry().height() <= area.height()
    assert dialog.frameGeometry().width() <= area.width()


def test_only_an_administrator_is_offered_restore(qtbot: QtBot, sqlite_db: Database) -> None:
    admin = initialise(sqlite_db)
    accounts.AccountService(sqlite_db.sessions).create_user(
        admin, name="luru", display_name="录入员小李", role=Role.CLERK, password="luru-pass-1")
    clerk = accounts.AccountService(sqlite_db.sessions).login("luru", "luru-pass-1")
    for actor, offered in ((admin, True), (clerk, False)):
        window = MainWindow(make_workspace(sqlite_db, actor), Preferences())
        qtbot.addWidget(window)
        file_menu = window.menuBar().actions()[0].menu()
        names = [a.objectName() for a in file_menu.actions()]
        assert ("restoreAction" in names) is offered
        assert (window.findChild(QAction, "restoreAction") is not None) is offered
        if offered:  # beside 备份, in the same menu
            assert names.index("restoreAction") == names.index("backupAction") + 1
            assert window.restore_action is not None
            assert "恢复" in window.restore_action.text()
    # the service refuses the clerk too, before the file is even read
    with pytest.raises(PermissionDenied):
        maintenance.MaintenanceService(sqlite_db, clerk).preview_restore(
            Path("no-such.laomo-backup"), passphrase=None)
    with pytest.raises(PermissionDenied):
        maintenance.MaintenanceService(sqlite_db, clerk).restore(
            Path("no-such.laomo-backup"), passphrase=None)


def test_an_encrypted_backup_restored_from_the_window_returns_to_log_in(
        qtbot: QtBot, qapp: QApplication, sqlite_db: Database,
        monkeypatch: pytest.MonkeyPatch) -> None:
    backup = _office(sqlite_db, passphrase=PASSPHRASE)
    assert _persons(sqlite_db) == sorted(["朱荣荣", LATE])
    target = str(sqlite_db.sqlite_path)
    sqlite_db.dispose()
    prefs = Preferences()
    prefs.set_association_for(database_label(target), "长兴县")
    startup = Startup(qapp, prefs, target)
    startup.begin()
    with qtbot.waitSignal(startup.main_window_shown, timeout=15000):
        log_in(qtbot, startup, "admin", ADMIN_PASSWORD)
    window = startup.main_window
    assert window is not None and window.restore_action is not None
    folders = _choose(monkeypatch, backup)
    seen: dict[str, object] = {}

    def act(dialog: RestoreDialog) -> None:
        assert dialog.passphrase.isVisible()
        assert dialog.passphrase.echoMode() == dialog.passphrase.EchoMode.Password
        assert not dialog.comparison.isVisible()
        assert not dialog.replace_button.isEnabled()
        dialog.passphrase.setText(PASSPHRASE)
        dialog.open_button.click()
        qtbot.waitUntil(lambda: dialog.preview is not None, timeout=20000)
        table = dialog.comparison
        assert table.isVisible()
        seen["rows"] = [[table.item(r, c).text() for c in range(2)] for r in range(5)]
        seen["headers"] = [table.verticalHeaderItem(r).text() for r in range(5)]
        seen["warning"] = dialog.warning.text()
        assert not dialog.passphrase.isEnabled() or dialog.passphrase.isReadOnly()
        assert not dialog.replace_button.isEnabled()  # not before the confirmation
        dialog.confirm.setChecked(True)
        assert dialog.replace_button.isEnabled()
        assert "替换当前数据" in dialog.replace_button.text()
        _fits(dialog)
        dialog.replace_button.click()
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=30000)

    shown = _drive(qtbot, act)
    window.restore_action.trigger()
    assert len(shown) == 1
    assert folders == [str(backups_dir())]
    rows = seen["rows"]
    assert isinstance(rows, list)
    assert seen["headers"][:3] == ["协会", "备份时间", "劳模人数"]  # type: ignore[index]
    assert rows[0] == ["长兴县", "长兴县"]
    assert rows[2] == ["1", "2"]  # one person in the backup, two now
    warning = str(seen["warning"])
    assert "全部" in warning and "替换" in warning and "安全副本" in warning
    safety = Path(target).parent / "backups"  # beside the database (backups_dir() by default)
    assert str(safety) in warning

    # the window is gone; the log-in dialog says what was restored
    qtbot.waitUntil(lambda: startup.main_window is None and startup.login_dialog is not None
                    and startup.login_dialog.isVisible(), timeout=15000)
    assert not window.isVisible()
    dialog = startup.login_dialog
    assert dialog is not None and dialog.notice.isVisible()
    assert "已恢复" in dialog.notice.text() and "长兴县" in dialog.notice.text()
    assert "劳模 1 人" in dialog.notice.text()

    db = Database.open(target)
    try:
        assert _persons(db) == ["朱荣荣"]  # the person added after the backup is gone
        [entry] = _restores(db)
        assert entry["encrypted"] is True
        kept = Path(str(entry["previous_kept_at"]))
        assert kept.exists() and kept.parent == safety
        assert str(kept) in dialog.notice.text()
    finally:
        db.dispose()
    # and one logs in again, on the restored database
    with qtbot.waitSignal(startup.main_window_shown, timeout=15000):
        log_in(qtbot, startup, "admin", ADMIN_PASSWORD)
    assert startup.main_window is not None
    startup.main_window.close()
    startup.close()


def test_a_wrong_passphrase_is_refused_and_changes_nothing(
        qtbot: QtBot, sqlite_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    backup = _office(sqlite_db, passphrase=PASSPHRASE)
    admin = accounts.AccountService(sqlite_db.sessions).login("admin", ADMIN_PASSWORD)
    window = MainWindow(make_workspace(sqlite_db, admin), Preferences())
    qtbot.addWidget(window)
    window.show()
    before = (_persons(sqlite_db), _audit_count(sqlite_db))
    _choose(monkeypatch, backup)
    seen: list[str] = []

    def act(dialog: RestoreDialog) -> None:
        dialog.passphrase.setText(PASSPHRASE + "x")
        dialog.open_button.click()
        qtbot.waitUntil(lambda: bool(dialog.problem.text()), timeout=20000)
        seen.append(dialog.problem.text())
        assert dialog.preview is None and not dialog.comparison.isVisible()
        assert not dialog.replace_button.isEnabled() and not dialog.confirm.isVisible()
        assert dialog.isVisible()  # the passphrase may be typed again
        dialog.reject()

    _drive(qtbot, act)
    window.restore_backup()
    assert seen and "口令不正确" in seen[0] and "数据库未被修改" in seen[0]
    assert window.isVisible() and window.restore_notice is None
    assert (_persons(sqlite_db), _audit_count(sqlite_db)) == before
    assert not list(sqlite_db.sqlite_path.parent.glob(maintenance.RESTORE_SCRATCH + "*"))  # type: ignore[union-attr]


def test_cancel_at_the_confirmation_changes_nothing(
        qtbot: QtBot, sqlite_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    backup = _office(sqlite_db, passphrase=None)  # a plain zip: read at once, no passphrase
    admin = accounts.AccountService(sqlite_db.sessions).login("admin", ADMIN_PASSWORD)
    window = MainWindow(make_workspace(sqlite_db, admin), Preferences())
    qtbot.addWidget(window)
    window.show()
    before = (_persons(sqlite_db), _audit_count(sqlite_db))
    _choose(monkeypatch, backup)
    seen: list[bool] = []

    def act(dialog: RestoreDialog) -> None:
        assert not dialog.passphrase.isVisible()
        qtbot.waitUntil(lambda: dialog.preview is not None, timeout=20000)
        assert dialog.comparison.item(2, 0).text() == "1"
        dialog.confirm.setChecked(True)
        seen.append(dialog.replace_button.isEnabled())
        _fits(dialog)
        dialog.buttons.button(dialog.buttons.StandardButton.Cancel).click()

    _drive(qtbot, act)
    window.restore_backup()
    assert seen == [True]
    assert window.isVisible() and window.restore_notice is None
    assert (_persons(sqlite_db), _audit_count(sqlite_db)) == before
    assert _restores(sqlite_db) == []
    assert not list((sqlite_db.sqlite_path.parent / "backups").glob(  # type: ignore[union-attr]
        "*.before-restore-*"))


def test_another_associations_backup_needs_a_reason_which_is_audited(
        qtbot: QtBot, sqlite_db: Database, sqlite_template: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    other_path = tmp_path / "other" / "laomo.sqlite3"
    other_path.parent.mkdir()
    shutil.copyfile(sqlite_template, other_path)
    other = Database(f"sqlite:///{other_path}")
    try:
        city = initialise(other, "湖州市")
        backup = tmp_path / "湖州市.zip"
        maintenance.MaintenanceService(other, city).backup(backup, passphrase=None)
    finally:
        other.dispose()
    admin = initialise(sqlite_db)
    window = MainWindow(make_workspace(sqlite_db, admin), Preferences())
    qtbot.addWidget(window)
    window.show()
    _choose(monkeypatch, backup)
    seen: list[object] = []

    def act(dialog: RestoreDialog) -> None:
        qtbot.waitUntil(lambda: dialog.preview is not None, timeout=20000)
        assert [dialog.comparison.item(0, c).text() for c in range(2)] == ["湖州市", "长兴县"]
        assert dialog.reason.isVisible() and "另一个协会" in dialog.reason_label.text()
        dialog.confirm.setChecked(True)
        seen.append(dialog.replace_button.isEnabled())  # not without the reason
        dialog.reason.setText("  ")
        seen.append(dialog.replace_button.isEnabled())
        dialog.reason.setText("市里代管本会数据")
        seen.append(dialog.replace_button.isEnabled())
        dialog.replace_button.click()
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=30000)

    _drive(qtbot, act)
    window.restore_backup()
    assert seen == [False, False, True]
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=15000)
    assert window.restore_notice is not None and "湖州市" in window.restore_notice
    assert maintenance.current_association(sqlite_db) == "湖州市"
    [entry] = _restores(sqlite_db)
    assert entry["replaced_association"] == "长兴县" and entry["reason"] == "市里代管本会数据"


def _new_computer(tmp_path: Path) -> str:
    """The database path of a computer the program was just installed on."""
    folder = tmp_path / "新电脑"
    folder.mkdir()
    return str(folder / "laomo.sqlite3")


def test_a_new_computer_restores_as_the_backups_administrator(
        sqlite_db: Database, tmp_path: Path) -> None:
    """No one can log in to a new computer's empty database: the backup's own administrator
    restores it (a wrong password or a clerk's account is refused, nothing written), audited
    in the restored database; once it has users, restoring needs a log-in."""
    backup = _office(sqlite_db, passphrase=None)
    admin = accounts.AccountService(sqlite_db.sessions).login("admin", ADMIN_PASSWORD)
    accounts.AccountService(sqlite_db.sessions).create_user(
        admin, name="luru", display_name="录入员小李", role=Role.CLERK, password="luru-pass-1")
    clerk_backup = backups_dir() / "含录入员.zip"
    maintenance.MaintenanceService(sqlite_db, admin).backup(clerk_backup, passphrase=None)
    new = Database.open(_new_computer(tmp_path))
    new.upgrade()  # as the program's first start does, before its wizard
    try:
        door = maintenance.FirstRestore(new)
        preview = door.preview_restore(backup, passphrase=None)
        assert preview.manifest.association == "长兴县" and preview.current_association is None
        with pytest.raises(AuthenticationFailed):
            door.restore(backup, passphrase=None, name="admin", password="not-the-password")
        with pytest.raises(PermissionDenied):
            door.restore(clerk_backup, passphrase=None, name="luru", password="luru-pass-1")
        assert not accounts.is_initialised(new.sessions)
        result = door.restore(backup, passphrase=None, name="admin", password=ADMIN_PASSWORD)
        assert result.manifest.association == "长兴县"
        assert _persons(new) == ["朱荣荣"]
        [entry] = _restores(new)
        assert entry["sha256"] == result.manifest.sha256
        with new.sessions.begin() as s:
            who = s.scalar(select(AuditEvent.actor).where(
                AuditEvent.action == "backup.restore"))
        assert who == "admin"
        with pytest.raises(AppError) as refused:  # now it has users: log in first
            maintenance.FirstRestore(new).restore(backup, passphrase=None, name="admin",
                                                  password=ADMIN_PASSWORD)
        assert refused.value.code == "restore_needs_login"
    finally:
        new.dispose()


def test_the_first_start_wizard_of_a_new_computer_restores_a_backup(
        qtbot: QtBot, qapp: QApplication, sqlite_db: Database, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A replaced PC: at the first start the wizard offers 从备份恢复; the backup's
    administrator restores it (a wrong password is said in the dialog and may be typed
    again), the wizard closes and the log-in dialog says what was restored."""
    backup = _office(sqlite_db, passphrase=None)
    target = _new_computer(tmp_path)
    monkeypatch.setattr("desktop.views.restore_dialog.QFileDialog.getOpenFileName",
                        lambda *_a: (str(backup), ""))
    startup = Startup(qapp, Preferences(), target)
    seen: dict[str, object] = {}

    def restore(dialog: QWidget) -> None:
        assert isinstance(dialog, RestoreDialog)
        qtbot.waitUntil(lambda: dialog.preview is not None, timeout=20000)
        assert dialog.account_box.isVisible() and not dialog.confirm.isVisible()
        assert not dialog.replace_button.isEnabled()  # not without the backup's account
        assert "恢复" in dialog.replace_button.text()
        assert "用户名和密码" in dialog.warning.text()
        _fits(dialog)
        dialog.user.setText("admin")
        dialog.password.setText("not-the-password")
        dialog.replace_button.click()
        qtbot.waitUntil(lambda: dialog.problem.isVisible(), timeout=20000)
        seen["refusal"] = dialog.problem.text()
        assert dialog.password.text() == ""  # typed again
        dialog.password.setText(ADMIN_PASSWORD)
        dialog.replace_button.click()
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=30000)

    def wizard(widget: QWidget) -> None:
        from desktop.views.setup_wizard import SetupWizard

        assert isinstance(widget, SetupWizard)
        button = widget.association_page.restore_button
        assert button.isVisible() and "从备份恢复" in button.text()
        on_next_modal(restore, timeout_ms=20000)
        button.click()
        seen["closed"] = not widget.isVisible()

    shown = on_next_modal(wizard, timeout_ms=20000)
    startup.begin()
    qtbot.waitUntil(lambda: startup.login_dialog is not None
                    and startup.login_dialog.isVisible(), timeout=30000)
    assert len(shown) == 1 and seen["closed"] is True
    assert "密码" in str(seen["refusal"])
    dialog = startup.login_dialog
    assert dialog is not None and dialog.notice.isVisible()
    assert "已恢复" in dialog.notice.text() and "长兴县" in dialog.notice.text()
    with qtbot.waitSignal(startup.main_window_shown, timeout=15000):
        log_in(qtbot, startup, "admin", ADMIN_PASSWORD)
    assert startup.main_window is not None
    startup.main_window.close()
    startup.close()
    db = Database.open(target)
    try:
        assert _persons(db) == ["朱荣荣"]
    finally:
        db.dispose()
