"""The main window: navigation between the pages that work, status bar, menus."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QKeySequence,
    QScreen,
)
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from desktop import APP_DISPLAY_NAME, __version__
from desktop.services.maintenance import ENCRYPTED_SUFFIX, BackupManifest
from desktop.services.permissions import Perm
from desktop.services.workspace import Workspace
from desktop.views import i18n
from desktop.views.home_page import HomePage
from desktop.views.messages import present_error
from desktop.views.preferences import Preferences
from desktop.views.roles import role_label
from desktop.views.screen_fit import open_main_window
from desktop.views.tasks import TaskRunner

if TYPE_CHECKING:  # the pages are imported when they are first shown
    from desktop.views.admin.audit_page import AuditPage
    from desktop.views.admin.users_page import UsersPage
    from desktop.views.documents.documents_page import DocumentLogPage
    from desktop.views.hardship.hardship_page import HardshipPage
    from desktop.views.register.duplicates_page import DuplicatesPage
    from desktop.views.register.register_page import RegisterPage
    from desktop.views.user_guide import UserGuideWindow
    from desktop.views.visits.recuperation_page import RecuperationPage
    from desktop.views.visits.visits_page import VisitsPage


class _Page:
    """A navigation entry; its page is built the first time it is shown (issue 14, point 5:
    log-in shows the window at once and pays only for the home page)."""

    def __init__(self, title: str, build: Callable[[], QWidget], placeholder: QWidget) -> None:
        self.title = title
        self.build = build
        self.placeholder = placeholder
        self.widget: QWidget | None = None


class MainWindow(QMainWindow):
    logout_requested = Signal()

    def __init__(self, workspace: Workspace, preferences: Preferences,
                 parent: QWidget | None = None, *, screen: QScreen | None = None) -> None:
        """``screen``: where to open when no place was saved (the log-in dialog's screen)."""
        super().__init__(parent)
        if screen is not None:
            self.setScreen(screen)
        self.setObjectName("mainWindow")
        self._workspace = workspace
        self._prefs = preferences
        self.tasks = TaskRunner(self)
        self.guide_window: UserGuideWindow | None = None  # built on first use
        self._logging_out = False
        self.restore_notice: str | None = None  # set when a restore replaced the database
        actor = workspace.actor
        # the platform adds " — 劳模之家" (the application display name) itself (issue 14)
        self.setWindowTitle(workspace.association.title)
        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(150)
        self.stack = QStackedWidget(self)
        self.stack.setObjectName("pages")
        self._pages: dict[str, _Page] = {}
        self.home = HomePage(workspace, self.tasks, self)
        item = QListWidgetItem(self.tr("Home"), self.nav)
        item.setSizeHint(QSize(140, 36))
        self.stack.addWidget(self.home)
        ws, tasks = workspace, self.tasks

        def page(module: str, name: str) -> Callable[..., QWidget]:
            def make(*args: object) -> QWidget:
                cls = getattr(importlib.import_module(f"desktop.views.{module}"), name)
                widget: QWidget = cls(*args)
                return widget
            return make

        if actor.can(Perm.VIEW):
            self._add_page("register", self.tr("Register"), lambda: page(
                "register.register_page", "RegisterPage")(ws, tasks, preferences, self))
            self._add_page("hardship", self.tr("Hardship"), lambda: page(
                "hardship.hardship_page", "HardshipPage")(ws, tasks, self))
            self._add_page("visits", self.tr("Visits"), lambda: page(
                "visits.visits_page", "VisitsPage")(ws, tasks, self))
            self._add_page("recuperation", self.tr("Recuperation"), lambda: page(
                "visits.recuperation_page", "RecuperationPage")(ws, tasks, self))
        if actor.can(Perm.EDIT_PERSONS):
            self._add_page("duplicates", self.tr("Duplicates"), lambda: page(
                "register.duplicates_page", "DuplicatesPage")(ws, tasks, self))
        if actor.can(Perm.PRINT):
            self._add_page("documents", self.tr("Document log"), lambda: page(
                "documents.documents_page", "DocumentLogPage")(ws, tasks, self))
        if actor.can(Perm.IMPORT_EXPORT) or actor.can(Perm.APPROVE):  # issue 11
            if workspace.association.mode == "city":
                self._add_page("handoff", self.tr("Summary"), lambda: page(
                    "handoff.handoff_page", "SummaryPage")(ws, tasks, self))
            else:
                self._add_page("handoff", self.tr("Report to city"), lambda: page(
                    "handoff.handoff_page", "ReportPage")(ws, tasks, self))
        if actor.can(Perm.MANAGE_USERS):
            self._add_page("users", self.tr("Users"), lambda: page(
                "admin.users_page", "UsersPage")(ws, self))
        if actor.can(Perm.VIEW_AUDIT):
            self._add_page("audit", self.tr("Audit log"), lambda: page(
                "admin.audit_page", "AuditPage")(ws, tasks, self))
        self.home.import_requested.connect(self._import_roster)
        self.home.new_person_requested.connect(self._new_person)
        self.nav.currentRowChanged.connect(self._switch)
        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_menus()
        self._build_status_bar()
        # fitted to the screen; the saved size and place come back (issue 14)
        open_main_window(self, preferences.window_state("main_geometry"))
        self.nav.setCurrentRow(0)

    def _add_page(self, key: str, title: str, build: Callable[[], QWidget]) -> None:
        item = QListWidgetItem(title, self.nav)
        item.setSizeHint(QSize(140, 36))
        placeholder = QLabel(self.tr("Loading…"), self)
        placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(placeholder)
        self._pages[key] = _Page(title, build, placeholder)

    def page(self, key: str) -> QWidget | None:
        """The page ``key`` (built now if it was not yet), or None if the role has none."""
        entry = self._pages.get(key)
        if entry is None:
            return None
        if entry.widget is None:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            self.statusBar().showMessage(self.tr("Opening %1…").replace("%1", entry.title))
            try:
                widget = entry.build()
            finally:
                QApplication.restoreOverrideCursor()
                self.statusBar().clearMessage()
            entry.widget = widget
            index = self.stack.indexOf(entry.placeholder)
            current = self.stack.currentIndex() == index
            self.stack.insertWidget(index, widget)
            self.stack.removeWidget(entry.placeholder)
            entry.placeholder.deleteLater()
            if current:
                self.stack.setCurrentIndex(index)
        return entry.widget

    def built(self, key: str) -> bool:
        entry = self._pages.get(key)
        return entry is not None and entry.widget is not None

    @property
    def register(self) -> RegisterPage | None:
        return cast("RegisterPage | None", self.page("register"))

    @property
    def hardship(self) -> HardshipPage | None:
        return cast("HardshipPage | None", self.page("hardship"))

    @property
    def visits(self) -> VisitsPage | None:
        return cast("VisitsPage | None", self.page("visits"))

    @property
    def recuperation(self) -> RecuperationPage | None:
        return cast("RecuperationPage | None", self.page("recuperation"))

    @property
    def duplicates(self) -> DuplicatesPage | None:
        return cast("DuplicatesPage | None", self.page("duplicates"))

    @property
    def documents(self) -> DocumentLogPage | None:
        return cast("DocumentLogPage | None", self.page("documents"))

    @property
    def users(self) -> UsersPage | None:
        return cast("UsersPage | None", self.page("users"))

    @property
    def audit(self) -> AuditPage | None:
        return cast("AuditPage | None", self.page("audit"))

    def _switch(self, row: int) -> None:
        keys = list(self._pages)
        if 1 <= row <= len(keys):
            self.page(keys[row - 1])
        self.stack.setCurrentIndex(row)
        page = self.stack.currentWidget()
        refresh = getattr(page, "refresh", None)
        if callable(refresh):
            refresh()

    def _build_menus(self) -> None:
        actor = self._workspace.actor
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.backup_action = QAction(self.tr("&Back up…"), self)
        self.backup_action.setObjectName("backupAction")
        self.backup_action.setEnabled(actor.can(Perm.BACKUP) and self._workspace.db.is_sqlite)
        self.backup_action.triggered.connect(self.back_up)
        file_menu.addAction(self.backup_action)
        self.restore_action: QAction | None = None
        if actor.can(Perm.RESTORE):  # administrators only; the service checks it again
            self.restore_action = QAction(self.tr("&Restore a backup…"), self)
            self.restore_action.setObjectName("restoreAction")
            self.restore_action.setEnabled(self._workspace.db.is_sqlite)
            self.restore_action.triggered.connect(self.restore_backup)
            file_menu.addAction(self.restore_action)
        if "register" in self._pages and actor.can(Perm.IMPORT_EXPORT):
            file_menu.addSeparator()

            def template() -> None:
                from desktop.views.imports.import_wizard import download_template

                download_template(self)

            def history() -> None:
                from desktop.views.imports.import_history import ImportHistoryDialog

                ImportHistoryDialog(self._workspace.importer(), self).exec()
                if self.built("register") and self.register is not None:
                    self.register.refresh()

            for name, text, slot in (
                    ("importAction", self.tr("&Import a roster…"), self._import_roster),
                    ("importHistoryAction", self.tr("Past imports and &undo…"), history),
                    ("exportAction", self.tr("&Export the register…"), self._export_register),
                    ("templateAction", self.tr("Download the import &template…"), template)):
                action = QAction(text, self)
                action.setObjectName(name)
                action.triggered.connect(lambda _checked=False, f=slot: f())
                file_menu.addAction(action)
        file_menu.addSeparator()
        self.logout_action = QAction(self.tr("&Log out / switch user"), self)
        self.logout_action.setObjectName("logoutAction")
        self.logout_action.triggered.connect(self.log_out)
        file_menu.addAction(self.logout_action)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self._quit)
        file_menu.addAction(quit_action)

        settings_menu = self.menuBar().addMenu(self.tr("&Settings"))
        language_menu = settings_menu.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        for code, label in (("zh_CN", "中文（简体）"), ("en", "English")):
            action = QAction(label, self, checkable=True)
            action.setObjectName(f"language_{code}")
            action.setChecked(self._prefs.language == code)
            action.triggered.connect(lambda _checked=False, c=code: self._set_language(c))
            group.addAction(action)
            language_menu.addAction(action)

        self.password_action = QAction(self.tr("Change my &password…"), self)
        self.password_action.setObjectName("changePasswordAction")
        self.password_action.triggered.connect(self.change_password)
        settings_menu.addAction(self.password_action)

        if actor.can(Perm.MANAGE_SETTINGS):
            fonts_seal = QAction(self.tr("Fonts and seal for documents…"), self)
            fonts_seal.setObjectName("documentSettingsAction")
            fonts_seal.triggered.connect(self._document_settings)
            settings_menu.addAction(fonts_seal)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        guide = QAction(self.tr("&User guide"), self)
        guide.setObjectName("userGuideAction")
        guide.setShortcut(QKeySequence.StandardKey.HelpContents)
        guide.triggered.connect(self.open_user_guide)
        help_menu.addAction(guide)
        about = QAction(self.tr("&About 劳模之家"), self)
        about.setObjectName("aboutAction")
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _build_status_bar(self) -> None:
        ws = self._workspace
        bar = self.statusBar()
        bar.setObjectName("statusBar")
        self.user_label = QLabel(self.tr("User: %1 (%2)").replace("%1", ws.actor.display_name)
                                 .replace("%2", role_label(ws.actor.role)), self)
        self.user_label.setObjectName("statusUser")
        mode = self.tr("city mode") if ws.association.mode == "city" else self.tr("county mode")
        self.district_label = QLabel(self.tr("Association: %1 (%2)")
                                     .replace("%1", ws.association.name).replace("%2", mode), self)
        self.district_label.setObjectName("statusDistrict")
        self.db_label = QLabel(self.tr("Database: %1").replace("%1", ws.database_label), self)
        self.db_label.setObjectName("statusDatabase")
        self.db_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for label in (self.user_label, self.district_label):
            bar.addWidget(label)
        bar.addPermanentWidget(self.db_label)

    def _import_roster(self) -> None:
        register = self.register
        if register is not None:
            register.import_roster()

    def _new_person(self) -> None:
        register = self.register
        if register is not None:
            self.nav.setCurrentRow(self.stack.indexOf(register))
            register.new_person()

    def _export_register(self) -> None:
        register = self.register
        if register is not None:
            register.export_register()

    def change_password(self) -> bool:
        from desktop.views.password_dialog import ChangePasswordDialog

        ws = self._workspace
        done = ChangePasswordDialog.ask(
            lambda old, new: ws.accounts().change_own_password(ws.actor, old, new),
            user=ws.actor.display_name, parent=self)
        if done:
            self.statusBar().showMessage(self.tr("Your password has been changed."), 10000)
        return done

    def log_out(self) -> None:
        """注销 / 切换用户: close this window (asking if work is running) and show the log-in
        dialog again; the next user starts without restarting the program."""
        self._logging_out = True
        if not self.close():
            self._logging_out = False

    def back_up(self) -> None:
        """Passphrase first (or the plain zip on purpose), then where to save it."""
        import datetime as dt

        from desktop.views.backup_dialog import BackupDialog

        choice = BackupDialog.ask(self)
        if choice is None:
            return
        # the name says what the file is; restore recognises a backup by its content
        stem = self.tr("laomo-backup") + "-" + dt.date.today().strftime("%Y%m%d")
        if choice.passphrase is not None:
            name, kind = stem + ENCRYPTED_SUFFIX, self.tr(
                "Encrypted 劳模之家 backup (*.laomo-backup)")
        else:
            name, kind = stem + self.tr("-unencrypted") + ".zip", self.tr(
                "Unencrypted 劳模之家 backup (*.zip)")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Back up the database"), name, kind)
        if path:
            self.start_backup(path, choice.passphrase)

    def start_backup(self, path: str, passphrase: str | None) -> None:
        maintenance = self._workspace.maintenance()
        self.tasks.run(lambda ctx: maintenance.backup(Path(path), passphrase=passphrase,
                                                      progress=ctx.progress),
                       on_success=lambda m: self._backed_up(path, m),
                       on_error=lambda e: present_error(self, e),
                       label=self.tr("Backing up…"), parent=self, cancellable=False)

    def _backed_up(self, path: str, manifest: BackupManifest) -> None:
        self.statusBar().showMessage(
            self.tr("Backup written to %1 (%n model worker(s)).", "",
                    manifest.counts.get("person", 0)).replace("%1", path), 10000)

    def restore_backup(self) -> None:
        """The backup file, then the restore dialog (passphrase, what it holds, confirmation);
        after a restore the window closes and the log-in dialog comes back on the restored
        database, with ``restore_notice`` saying what was restored."""
        from desktop.views.restore_dialog import RestoreDialog, choose_backup

        if self.tasks.busy():
            QMessageBox.information(self, APP_DISPLAY_NAME, self.tr(
                "Work is still running in the background. Restore the backup when it has "
                "finished."))
            return
        path = choose_backup(self, self.tr("Restore a backup"))
        if path is None:
            return
        result = RestoreDialog.run(self._workspace.maintenance(), self.tasks, path, self)
        if result is None:
            return
        from desktop.views.restore_dialog import restored_notice

        self.restore_notice = restored_notice(result)
        self.log_out()  # nothing of the replaced database's session goes on

    def _set_language(self, code: str) -> None:
        self._prefs.language = code
        self._prefs.sync()
        text = self.tr("The language will change the next time 劳模之家 starts.")
        # said in the language chosen as well: English was announced in Chinese only
        chosen = i18n.in_language(
            "MainWindow", "The language will change the next time 劳模之家 starts.", code)
        QMessageBox.information(self, APP_DISPLAY_NAME,
                                text if chosen == text else f"{text}\n{chosen}")

    def _document_settings(self) -> None:
        from desktop.views.documents.documents_page import DocumentSettingsDialog

        DocumentSettingsDialog.edit(self._workspace, self)

    def user_guide_path(self) -> Path | None:
        """The user guide shipped with the program: docs/ in a checkout, resources/docs in the
        installed bundle."""
        from desktop.paths import resources_dir

        for candidate in (resources_dir() / "docs" / "user-guide.md",
                          resources_dir().parent / "docs" / "user-guide.md"):
            if candidate.exists():
                return candidate
        return None

    def open_user_guide(self) -> None:
        """The guide in a window of the program's own (an office PC has no program for .md)."""
        from desktop.views.user_guide import UserGuideWindow

        path = self.user_guide_path()
        if self.guide_window is None and path is not None:
            try:
                self.guide_window = UserGuideWindow(path, self)
            except OSError:
                path = None
        if self.guide_window is None:
            QMessageBox.information(self, self.tr("User guide"), self.tr(
                "The user guide could not be opened. It is the file user-guide.md in the "
                "program's docs folder."))
            return
        self.guide_window.show()
        self.guide_window.raise_()
        self.guide_window.activateWindow()

    def _about(self) -> None:
        QMessageBox.about(self, self.tr("About 劳模之家"), self.tr(
            "<h3>劳模之家 %1</h3><p>The register of model workers for the model workers' "
            "associations: honors, hardship files, visits, recuperation and the quarterly "
            "handoff.</p>"
            "<p>Database: %2</p>").replace("%1", __version__)
            .replace("%2", self._workspace.database_label))

    def _quit(self) -> None:
        # A slot returning a value (QWidget.close -> bool) trips a PySide6 refcount bug.
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.tasks.busy():
            answer = QMessageBox.question(self, APP_DISPLAY_NAME, self.tr(
                "Work is still running in the background. Quit anyway? It will be cancelled."))
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
            self.tasks.cancel_all()
        if self.built("register") and self.register is not None:
            self.register.save_state()
        self._prefs.set_window_state("main_geometry", self.saveGeometry())
        self._prefs.sync()
        self.tasks.wait(30000)
        event.accept()
        if self._logging_out:
            self._logging_out = False
            self._workspace.accounts().log_out(self._workspace.actor)
            self.logout_requested.emit()
        else:
            self._workspace.accounts().close(self._workspace.actor)
