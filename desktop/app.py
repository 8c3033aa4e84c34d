"""Composition root: logging, excepthook, QApplication, translators, database upgrade, first-run
wizard, log-in, main window. The only module that knows every layer."""

from __future__ import annotations

import logging
import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from desktop import APP_DISPLAY_NAME, APP_NAME, __version__, logsetup
from desktop.database import Database
from desktop.errors import AppError
from desktop.paths import resources_dir
from desktop.services import accounts
from desktop.services.permissions import Actor
from desktop.services.workspace import Workspace
from desktop.texts import error_text
from desktop.views import i18n
from desktop.views.login_dialog import LoginDialog
from desktop.views.main_window import MainWindow
from desktop.views.messages import install_excepthook
from desktop.views.preferences import Preferences
from desktop.views.setup_wizard import SetupWizard

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
    language = lang or prefs.language
    i18n.install(app, language)
    font = app.font()
    # Prefer faces that have every CJK glyph the register needs (rare characters included).
    font.setFamilies(["Microsoft YaHei UI", "Microsoft YaHei", "SimSun", "SimSun-ExtB",
                      "WenQuanYi Micro Hei", "Noto Sans CJK SC", font.family()])
    app.setFont(font)
    return app, prefs


def open_database(target: str | None) -> Database:
    """Open and upgrade the database, with a clear message for every known problem."""
    db = Database.open(target)
    if db.sqlite_path is not None:
        db.sqlite_path.parent.mkdir(parents=True, exist_ok=True)
    db.upgrade()
    return db


def sign_in(db: Database, prefs: Preferences) -> Workspace | None:
    """First-run wizard when needed, then the log-in dialog. None when the user quits."""
    if not accounts.is_initialised(db.sessions):
        def initialise(association: str, admin: str, display: str, password: str) -> None:
            accounts.initialise(db.sessions, association=association, admin_name=admin,
                                admin_password=password, admin_display_name=display or None)
            prefs.last_user = admin

        if not SetupWizard.run(initialise):
            return None
    info = accounts.association_info(db.sessions)
    assert info is not None
    service = accounts.AccountService(db.sessions)
    dialog = LoginDialog(service.login, association=info.name, database=db.describe(),
                         last_user=prefs.last_user)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.actor is None:
        return None
    prefs.last_user = dialog.actor.name
    return Workspace(db, dialog.actor, info)


def run(db: str | None = None, lang: str | None = None) -> int:
    logsetup.configure()
    app, prefs = make_application(lang)
    install_excepthook()
    log.info("starting %s %s", APP_NAME, __version__)
    try:
        database = open_database(db)
    except AppError as exc:
        QMessageBox.critical(None, APP_DISPLAY_NAME, error_text(exc, i18n.current_language()))
        return exc.exit_code
    workspace = sign_in(database, prefs)
    if workspace is None:
        database.dispose()
        return 0
    window = MainWindow(workspace, prefs)
    window.show()
    code = app.exec()
    database.dispose()
    return int(code)


def self_test(db: str | None = None, lang: str | None = None) -> int:
    """Offscreen smoke test of an installed or bundled program: create a database, upgrade it,
    set up an association, log in, open the main window, back up, exit 0."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    logsetup.configure()
    with tempfile.TemporaryDirectory(prefix="laomo-selftest-") as work:
        target = db or str(Path(work) / "selftest.sqlite3")
        app, prefs = make_application(lang or "zh_CN")
        database = open_database(target)
        if not accounts.is_initialised(database.sessions):
            accounts.initialise(database.sessions, association="长兴县", admin_name="selftest",
                                admin_password="selftest-123")
        actor: Actor = accounts.AccountService(database.sessions).login("selftest",
                                                                       "selftest-123")
        info = accounts.association_info(database.sessions)
        assert info is not None
        window = MainWindow(Workspace(database, actor, info), prefs)
        window.show()
        QTimer.singleShot(300, app.quit)
        app.exec()
        translated = window.nav.item(0).text()
        if (lang or "zh_CN") == "zh_CN" and translated == "Home":
            print("self-test: the zh_CN translation was not loaded", file=sys.stderr)
            return 1
        manifest = window._workspace.maintenance().backup(Path(work) / "selftest-backup.zip")
        window.close()
        database.dispose()
        print(f"self-test ok: {APP_NAME} {__version__}, schema {manifest.schema_revision}, "
              f"page '{translated}'")
    return 0
