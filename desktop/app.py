"""Composition root: logging, excepthook, QApplication, translators, database upgrade, first-run
wizard, log-in, main window. The only module that knows every layer.

Start-up is arranged so that the log-in dialog appears at once: the database is opened (and
upgraded) on a worker thread while the dialog is already on screen, and the heavy modules
(SQLAlchemy, Alembic, the services) are imported there, not before the first window.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import APP_DISPLAY_NAME, APP_NAME, __version__, logsetup
from desktop.core.texts import error_text
from desktop.errors import AppError
from desktop.paths import default_database_path, resources_dir
from desktop.views import i18n, screen_fit
from desktop.views.login_dialog import LoginDialog
from desktop.views.messages import install_excepthook, present_error
from desktop.views.preferences import Preferences
from desktop.views.tasks import TaskContext, TaskRunner

if TYPE_CHECKING:
    from desktop.database import Database
    from desktop.services.accounts import AssociationInfo
    from desktop.views.main_window import MainWindow

log = logging.getLogger(__name__)


def make_application(lang: str | None = None) -> tuple[QApplication, Preferences]:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_DISPLAY_NAME)
    app.setApplicationVersion(__version__)
    icon = resources_dir() / "icons" / "laomo.svg"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    prefs = Preferences()
    i18n.install(app, lang or prefs.language)
    screen_fit.install(app)  # no window taller or wider than the screen (issue 14)
    font = app.font()
    # Prefer faces that have every CJK glyph the register needs (rare characters included).
    font.setFamilies(["Microsoft YaHei UI", "Microsoft YaHei", "SimSun", "SimSun-ExtB",
                      "WenQuanYi Micro Hei", "Noto Sans CJK SC", font.family()])
    app.setFont(font)
    return app, prefs


def database_label(target: str | None) -> str:
    """What the user sees as "the database", without opening it (no SQLAlchemy needed)."""
    if not target:
        return str(default_database_path())
    if "://" in target:
        head, _, rest = target.partition("://")
        return f"{head}://{rest.rpartition('@')[2]}"  # never show a password
    return str(Path(target).expanduser().absolute())


def open_database(target: str | None) -> Database:
    """Open and upgrade the database (backup first); raises ``DatabaseProblem`` with a reason."""
    from desktop.database import Database

    db = Database.open(target)
    if db.sqlite_path is not None:
        db.sqlite_path.parent.mkdir(parents=True, exist_ok=True)
        _hold_database(db.sqlite_path)
    db.upgrade()
    return db


def _hold_database(path: Path) -> None:
    """The window holds the database's lock for its whole session, so that ``laomo restore``
    refuses (naming this window) instead of replacing the file under it. A second window on
    the same file still opens: the first one's lock already says the file is in use."""
    from desktop.errors import AppError
    from desktop.paths import DatabaseLock

    lock = DatabaseLock(path)
    with contextlib.suppress(AppError):
        lock.acquire("劳模之家窗口")


@dataclass(frozen=True)
class Opened:
    db: Database
    initialised: bool
    association: AssociationInfo | None


def _open_for_login(target: str | None) -> Opened:
    from desktop.services import accounts

    db = open_database(target)
    initialised = accounts.is_initialised(db.sessions)
    return Opened(db, initialised, accounts.association_info(db.sessions))


class Startup(QObject):
    """Opening the database, the first-run wizard, log-in and the main window, in that order.

    ``finished(code)`` is emitted when the user quits before the main window or start-up fails.
    """

    finished = Signal(int)
    main_window_shown = Signal()

    def __init__(self, app: QApplication, prefs: Preferences, target: str | None) -> None:
        super().__init__(app)
        self._prefs = prefs
        self._target = target
        self._label = database_label(target)
        self._tasks = TaskRunner(self, max_threads=1)
        self.opened: Opened | None = None
        self.login_dialog: LoginDialog | None = None
        self.main_window: MainWindow | None = None
        self._notice: str | None = None  # a backup restored by the set-up wizard

    def begin(self) -> None:
        known = self._prefs.association_for(self._label)
        if known:  # seen this database before: the dialog now, the database meanwhile
            self._show_login(known)
        self._tasks.run(lambda _ctx: _open_for_login(self._target), on_success=self._opened,
                        on_error=self._failed_to_open, cancellable=False)

    def _failed_to_open(self, exc: BaseException) -> None:
        if self.login_dialog is not None:
            self.login_dialog.hide()
        if isinstance(exc, AppError):
            QMessageBox.critical(None, APP_DISPLAY_NAME, error_text(exc, i18n.current_language()))
            self.finished.emit(exc.exit_code)
        else:
            present_error(None, exc)
            self.finished.emit(1)

    def _opened(self, opened: Opened) -> None:
        self.opened = opened
        if not opened.initialised:
            if self.login_dialog is not None:
                self.login_dialog.hide()
            if not self._run_wizard(opened.db):
                self._quit(0)
                return
            from desktop.services import accounts

            opened = Opened(opened.db, True, accounts.association_info(opened.db.sessions))
            self.opened = opened
        assert opened.association is not None
        self._prefs.set_association_for(self._label, opened.association.name)
        if self.login_dialog is None or not self.login_dialog.isVisible():
            self._show_login(opened.association.name, notice=self._notice)
        from desktop.services.accounts import AccountService

        assert self.login_dialog is not None
        self.login_dialog.set_login(AccountService(opened.db.sessions).login)

    def _run_wizard(self, db: Database) -> bool:
        from desktop.services import accounts
        from desktop.views.setup_wizard import SetupWizard

        created: list[tuple[str, str]] = []

        def initialise(association: str, admin: str, display: str, password: str) -> None:
            accounts.initialise(db.sessions, association=association, admin_name=admin,
                                admin_password=password, admin_display_name=display or None)
            self._prefs.last_user = admin
            created.append((admin, password))

        def enrolment() -> Any:
            """The handoff service as the new administrator (the wizard's enrolment step)."""
            from desktop.services.workspace import Workspace

            actor = accounts.AccountService(db.sessions).login(*created[-1])
            info = accounts.association_info(db.sessions)
            assert info is not None
            return Workspace(db, actor, info).handoff()

        def restored(result: Any) -> None:
            from desktop.views.restore_dialog import restored_notice

            self._notice = restored_notice(result)

        from desktop.services.maintenance import FirstRestore

        restore = FirstRestore(db) if db.is_sqlite else None
        return SetupWizard.run(initialise, enrolment, restore=restore, on_restored=restored)

    def _show_login(self, association: str, *, ready: bool = False,
                    notice: str | None = None, offer_last_user: bool = True) -> None:
        login = None
        if ready:
            from desktop.services.accounts import AccountService

            assert self.opened is not None
            login = AccountService(self.opened.db.sessions).login
        dialog = LoginDialog(login, association=association, database=self._label,
                             last_user=self._prefs.last_user if offer_last_user else "",
                             notice=notice)
        dialog.accepted.connect(self._logged_in)
        dialog.rejected.connect(lambda: self._quit(0))
        self.login_dialog = dialog
        dialog.show()

    def _logged_in(self) -> None:
        from desktop.services.workspace import Workspace
        from desktop.views.main_window import MainWindow

        assert self.login_dialog is not None and self.login_dialog.actor is not None
        assert self.opened is not None and self.opened.association is not None
        actor = self.login_dialog.actor
        self._prefs.last_user = actor.name
        workspace = Workspace(self.opened.db, actor, self.opened.association)
        accounts = workspace.accounts()
        if accounts.must_change_password(actor):  # issue 14: set by the administrator
            from desktop.views.password_dialog import ChangePasswordDialog

            # the log-in has just verified the password: not asked again, the service relies
            # on that log-in's one-time grant (the password itself is not kept for it)
            first = actor
            if not ChangePasswordDialog.ask(
                    lambda new: accounts.choose_first_password(first, new),
                    user=actor.display_name, forced=True):
                accounts.log_out(actor)
                self._show_login(self.opened.association.name, ready=True)
                return
            actor = dataclasses.replace(actor, password_grant=None)  # used up
            workspace = Workspace(self.opened.db, actor, self.opened.association)
            accounts = workspace.accounts()
        from desktop.views import messages

        messages.denial_recorder = lambda exc: accounts.record_denied(exc, "gui")
        self.main_window = MainWindow(workspace, self._prefs, screen=self.login_dialog.screen())
        self.main_window.logout_requested.connect(self._logged_out)
        self.main_window.show()
        self.main_window_shown.emit()

    def _logged_out(self) -> None:
        """注销 / 切换用户: the window is closed; the log-in dialog again, no restart."""
        assert self.opened is not None and self.opened.association is not None
        window, self.main_window = self.main_window, None
        notice = None
        if window is not None:
            notice = window.restore_notice
            window.deleteLater()
        if notice is not None:
            # a restored backup: its association (another one's, given a reason) and users
            from desktop.services import accounts

            info = accounts.association_info(self.opened.db.sessions)
            if info is not None:
                self.opened = Opened(self.opened.db, True, info)
                self._prefs.set_association_for(self._label, info.name)
        assert self.opened.association is not None
        # the next person (the checker after the maker) types their own name: not offered
        self._show_login(self.opened.association.name, ready=True, notice=notice,
                         offer_last_user=False)

    def _quit(self, code: int) -> None:
        self.finished.emit(code)

    def close(self) -> None:
        if self.opened is not None:
            self.opened.db.dispose()


def run(db: str | None = None, lang: str | None = None) -> int:
    logsetup.configure()
    app, prefs = make_application(lang)
    install_excepthook()
    log.info("starting %s %s", APP_NAME, __version__)
    startup = Startup(app, prefs, db)
    result: list[int] = []

    def stop(code: int) -> None:
        result.append(code)
        app.exit(code)

    startup.finished.connect(stop)
    QTimer.singleShot(0, startup.begin)
    code = app.exec()
    startup.close()
    return result[0] if result else int(code)


def self_test(db: str | None = None, lang: str | None = None) -> int:
    """Offscreen smoke test of an installed or bundled program: create a database, upgrade it,
    set up an association, log in through the real dialog, open the main window, back up."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    logsetup.configure()
    from desktop.services import accounts

    with tempfile.TemporaryDirectory(prefix="laomo-selftest-") as work:
        target = db or str(Path(work) / "selftest.sqlite3")
        app, prefs = make_application(lang or "zh_CN")
        database = open_database(target)
        if not accounts.is_initialised(database.sessions):
            accounts.initialise(database.sessions, association="长兴县", admin_name="selftest",
                                admin_password="selftest-123")
        database.dispose()
        startup = Startup(app, prefs, target)
        outcome: dict[str, Any] = {}

        def log_in() -> None:
            dialog = startup.login_dialog
            if dialog is None or dialog._login is None:
                QTimer.singleShot(20, log_in)
                return
            dialog.user.setText("selftest")
            dialog.password.setText("selftest-123")
            dialog._try()

        def shown() -> None:
            window = startup.main_window
            assert window is not None
            outcome["page"] = window.nav.item(0).text()
            outcome["manifest"] = window._workspace.maintenance().backup(
                Path(work) / "selftest-backup.zip", passphrase=None)
            window.close()
            app.quit()

        startup.main_window_shown.connect(lambda: QTimer.singleShot(200, shown))
        startup.finished.connect(lambda code: (outcome.setdefault("code", code), app.quit()))
        QTimer.singleShot(0, startup.begin)
        QTimer.singleShot(0, log_in)
        QTimer.singleShot(60000, app.quit)
        app.exec()
        startup.close()
        if "page" not in outcome:
            print(f"self-test: the main window did not open ({outcome})", file=sys.stderr)
            return 1
        if (lang or "zh_CN") == "zh_CN" and outcome["page"] == "Home":
            print("self-test: the zh_CN translation was not loaded", file=sys.stderr)
            return 1
        print(f"self-test ok: {APP_NAME} {__version__}, schema "
              f"{outcome['manifest'].schema_revision}, page '{outcome['page']}'")
    return 0


__all__ = ["Startup", "TaskContext", "make_application", "open_database", "run", "self_test"]
