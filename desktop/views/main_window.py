"""The main window: navigation between the pages that work, status bar, menus."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
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
from desktop.services.maintenance import BackupManifest
from desktop.services.permissions import Perm
from desktop.services.workspace import Workspace
from desktop.views.admin.audit_page import AuditPage
from desktop.views.admin.users_page import UsersPage, role_label
from desktop.views.documents.documents_page import DocumentLogPage
from desktop.views.hardship.hardship_page import HardshipPage
from desktop.views.home_page import HomePage
from desktop.views.imports.import_wizard import download_template
from desktop.views.messages import present_error
from desktop.views.preferences import Preferences
from desktop.views.register.duplicates_page import DuplicatesPage
from desktop.views.register.register_page import RegisterPage
from desktop.views.tasks import TaskRunner
from desktop.views.visits.recuperation_page import RecuperationPage
from desktop.views.visits.visits_page import VisitsPage


class MainWindow(QMainWindow):
    def __init__(self, workspace: Workspace, preferences: Preferences,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self._workspace = workspace
        self._prefs = preferences
        self.tasks = TaskRunner(self)
        actor = workspace.actor
        self.setWindowTitle(f"{APP_DISPLAY_NAME} — {workspace.association.name}")
        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(150)
        self.stack = QStackedWidget(self)
        self.stack.setObjectName("pages")
        self.home = HomePage(workspace, self.tasks, self)
        self._add_page(self.tr("Home"), self.home)
        self.register: RegisterPage | None = None
        if actor.can(Perm.VIEW):
            self.register = RegisterPage(workspace, self.tasks, preferences, self)
            self._add_page(self.tr("Register"), self.register)
        self.hardship: HardshipPage | None = None
        if actor.can(Perm.VIEW):
            self.hardship = HardshipPage(workspace, self.tasks, self)
            self._add_page(self.tr("Hardship"), self.hardship)
        self.visits: VisitsPage | None = None
        self.recuperation: RecuperationPage | None = None
        if actor.can(Perm.VIEW):  # issue 7: visits and recuperation
            self.visits = VisitsPage(workspace, self.tasks, self)
            self._add_page(self.tr("Visits"), self.visits)
            self.recuperation = RecuperationPage(workspace, self.tasks, self)
            self._add_page(self.tr("Recuperation"), self.recuperation)
        self.duplicates: DuplicatesPage | None = None
        if actor.can(Perm.EDIT_PERSONS):
            self.duplicates = DuplicatesPage(workspace, self.tasks, self)
            self._add_page(self.tr("Duplicates"), self.duplicates)
        self.documents: DocumentLogPage | None = None
        if actor.can(Perm.PRINT):
            self.documents = DocumentLogPage(workspace, self.tasks, self)
            self._add_page(self.tr("Document log"), self.documents)
        self.users: UsersPage | None = None
        self.audit: AuditPage | None = None
        if actor.can(Perm.MANAGE_USERS):
            self.users = UsersPage(workspace, self)
            self._add_page(self.tr("Users"), self.users)
        if actor.can(Perm.VIEW_AUDIT):
            self.audit = AuditPage(workspace, self.tasks, self)
            self._add_page(self.tr("Audit log"), self.audit)
        self.nav.currentRowChanged.connect(self._switch)
        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_menus()
        self._build_status_bar()
        self.resize(1100, 700)
        state = preferences.window_state("main_geometry")
        if state is not None:
            self.restoreGeometry(state)
        self.nav.setCurrentRow(0)

    def _add_page(self, title: str, page: QWidget) -> None:
        item = QListWidgetItem(title, self.nav)
        item.setSizeHint(QSize(140, 36))
        self.stack.addWidget(page)

    def _switch(self, row: int) -> None:
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
        if self.register is not None and actor.can(Perm.IMPORT_EXPORT):
            file_menu.addSeparator()
            register = self.register
            for name, text, slot in (
                    ("importAction", self.tr("&Import a roster…"), register.import_roster),
                    ("exportAction", self.tr("&Export the register…"), register.export_register),
                    ("templateAction", self.tr("Download the import &template…"),
                     lambda: download_template(self))):
                action = QAction(text, self)
                action.setObjectName(name)
                action.triggered.connect(lambda _checked=False, f=slot: f())
                file_menu.addAction(action)
        file_menu.addSeparator()
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

        if actor.can(Perm.MANAGE_SETTINGS):
            fonts_seal = QAction(self.tr("Fonts and seal for documents…"), self)
            fonts_seal.setObjectName("documentSettingsAction")
            fonts_seal.triggered.connect(self._document_settings)
            settings_menu.addAction(fonts_seal)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
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

    def back_up(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Back up the database"), "laomo-backup.zip",
            self.tr("劳模之家 backup (*.zip)"))
        if path:
            self.start_backup(path)

    def start_backup(self, path: str) -> None:
        from pathlib import Path

        maintenance = self._workspace.maintenance()
        self.tasks.run(lambda ctx: maintenance.backup(Path(path), progress=ctx.progress),
                       on_success=lambda m: self._backed_up(path, m),
                       on_error=lambda e: present_error(self, e),
                       label=self.tr("Backing up…"), parent=self, cancellable=False)

    def _backed_up(self, path: str, manifest: BackupManifest) -> None:
        self.statusBar().showMessage(
            self.tr("Backup written to %1 (%n model worker(s)).", "",
                    manifest.counts.get("person", 0)).replace("%1", path), 10000)

    def _set_language(self, code: str) -> None:
        self._prefs.language = code
        self._prefs.sync()
        QMessageBox.information(self, APP_DISPLAY_NAME, self.tr(
            "The language will change the next time 劳模之家 starts."))

    def _document_settings(self) -> None:
        from desktop.views.documents.documents_page import DocumentSettingsDialog

        DocumentSettingsDialog.edit(self._workspace, self)

    def _about(self) -> None:
        QMessageBox.about(self, self.tr("About 劳模之家"), self.tr(
            "<h3>劳模之家 %1</h3><p>The register of model workers for 劳动模范协会 offices: "
            "honors, hardship files, visits, recuperation and the quarterly handoff.</p>"
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
        if self.register is not None:
            self.register.save_state()
        self._prefs.set_window_state("main_geometry", self.saveGeometry())
        self._prefs.sync()
        self.tasks.wait(30000)
        event.accept()
