"""名册: the register of model workers, searched as the user types.

Each change of the filter re-queries the count and the first 200 rows. A query normally takes
tens of milliseconds, so it runs at once on the GUI thread (no flicker, nothing to cancel), from
a zero-time single-shot timer: the keystrokes Qt delivers in one go (a paste, an input method
committing several characters, keys typed while the last query ran) make one query, not one
each. Should a query take longer than ``SLOW_MS`` (a huge register on a slow disk, a busy
machine), the following ones go to the TaskRunner until they are fast again, one at a time:
keystrokes typed meanwhile only mark the filter as changed, and the latest filter runs next.
Typing never waits on the database, and slow queries never stack up.
"""

from __future__ import annotations

import time
import uuid
from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.texts import error_text, problem_text
from desktop.errors import AppError, PermissionDenied, ValidationError
from desktop.services.permissions import Perm
from desktop.services.register.types import MemberRow, RegisterFilter
from desktop.services.workspace import Workspace
from desktop.views.data_words import joined
from desktop.views.form_widgets import push_button
from desktop.views.i18n import current_language
from desktop.views.messages import present_error
from desktop.views.preferences import Preferences
from desktop.views.reason_dialog import ReasonDialog, masked_or_full_menu
from desktop.views.register.register_filter_bar import RegisterFilterBar
from desktop.views.register.register_table_model import PAGE_SIZE, RegisterTableModel
from desktop.views.register.register_table_view import RegisterTableView
from desktop.views.tasks import Task, TaskRunner

SLOW_MS = 120.0  # a query slower than this sends the next ones to a worker thread
FAST_MS = 60.0  # ... until one is faster than this again


class RegisterPage(QWidget):
    """The register table with its filter bar, count, column chooser and person actions."""

    results_shown = Signal(int)  # a query's count and first rows are on screen (the total)

    def __init__(self, workspace: Workspace, tasks: TaskRunner, preferences: Preferences,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("registerPage")
        self._workspace = workspace
        self._tasks = tasks
        self._prefs = preferences
        self._service = workspace.register()
        self._in_flight: Task | None = None
        self._pending = False
        self._slow = False
        self._lists_loaded = False
        self._shown: RegisterFilter | None = None
        actor = workspace.actor

        self.filters = RegisterFilterBar(self)
        self.new_button = self._button("newPerson", self.tr("New…"), self.new_person)
        self.edit_button = self._button(
            "editPerson", self.tr("Edit…") if actor.can(Perm.EDIT_PERSONS) else self.tr("Open…"),
            self.edit_person)
        self.reveal_button = self._button("revealIdNumber", self.tr("Reveal ID number…"),
                                          self.reveal_id_number)
        self.roster_button = self._button("printRoster", self.tr("Roster…"), lambda: None)
        masked_or_full_menu(  # as `laomo report roster --unmask --reason`
            self.roster_button, workspace, "roster", self.print_roster,
            full_text=self.tr("Full ID numbers…"), title=self.tr("Full ID numbers"),
            prompt=self.tr("Why does the roster need the full ID numbers and phones? The "
                           "reason is written to the audit log."))
        self.roster_button.setToolTip(self.tr("Print the persons of the current filter as a "
                                              "roster grouped by district"))
        self.cards_button = self._button("printCards", self.tr("Cards"), lambda: None)
        cards_menu = QMenu(self.cards_button)
        cards_menu.setObjectName("cardsMenu")
        self.cards_selected = cards_menu.addAction(self.tr("Card of the selected person…"))
        self.cards_selected.triggered.connect(lambda: self.print_cards(selected=True))
        self.cards_all = cards_menu.addAction(self.tr("Cards of everyone in the list…"))
        self.cards_all.triggered.connect(lambda: self.print_cards(selected=False))
        self.cards_button.setMenu(cards_menu)
        self.roster_button.setVisible(actor.can(Perm.PRINT))
        self.cards_button.setVisible(actor.can_issue())  # cards take serials: issuers only
        self.import_button = self._button("importRoster", self.tr("Import…"), self.import_roster)
        self.export_button = self._button("exportRegister", self.tr("Export…"),
                                          self.export_register)
        self.import_button.setVisible(actor.can(Perm.IMPORT_EXPORT)
                                      and actor.can(Perm.EDIT_PERSONS))
        self.export_button.setVisible(actor.can(Perm.IMPORT_EXPORT))
        self.new_button.setVisible(actor.can(Perm.EDIT_PERSONS))
        self.reveal_button.setVisible(actor.can(Perm.UNMASK))
        self.reveal_button.setToolTip(self.tr(
            "Show the full ID number of the selected person; the reason is audited."))
        self.count_label = QLabel(self)
        # "已保存：张三" after the person dialog saved (it closes; the clerk sees it took)
        self.notice = QLabel(self)
        self.notice.setObjectName("savedNotice")
        self.notice.setStyleSheet("color: #1b5e20")
        self._notice_timer = QTimer(self)
        self._notice_timer.setSingleShot(True)
        self._notice_timer.timeout.connect(self.notice.clear)
        self.count_label.setObjectName("resultCount")

        self.model = RegisterTableModel(self)
        self.table = RegisterTableView(self.model, preferences, self)

        top = QHBoxLayout()
        for b in (self.new_button, self.edit_button, self.reveal_button, self.import_button,
                  self.export_button, self.roster_button, self.cards_button):
            top.addWidget(b)
        top.addStretch(1)
        top.addWidget(self.notice)
        top.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.filters)
        layout.addWidget(self.table, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._query)
        # QSettings writes its file (with fdatasync) after each change: not on every keystroke
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(800)
        self._save_timer.timeout.connect(self.save_state)
        self.filters.set_districts(self._service.districts())
        self.filters.set_filter(preferences.register_filter)
        self.filters.more_toggled.connect(self._more_toggled)
        self.filters.show_more(preferences.register_more_filters)
        self.filters.changed.connect(self._filter_changed)
        self.table.open_requested.connect(self.edit_person)
        self.filters.search.installEventFilter(self)
        self.filters.search.returnPressed.connect(self._to_table)
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, self.focus_search)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.clear_search)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def _button(self, name: str, text: str, slot: Any) -> QPushButton:
        return push_button(self, name, text, slot)

    # -- querying -------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Run the current filter again, keeping as many rows as were loaded and the selection
        (called when the page is shown and after an edit)."""
        self._query(keep=True)

    def up_to_date(self) -> bool:
        """True when the table and count show the filter as it is now (nothing pending)."""
        return (self._in_flight is None and not self._timer.isActive()
                and self._shown == self.filters.filter())

    def _filter_changed(self) -> None:
        self._timer.start(0)
        self._save_timer.start()

    def save_state(self) -> None:
        """Keep the filter and the table layout in the preferences (restored next time)."""
        self._save_timer.stop()
        self._prefs.register_filter = self.filters.filter()
        self.table.save_layout()

    def hideEvent(self, event: QHideEvent) -> None:
        if self._save_timer.isActive():
            self.save_state()
        super().hideEvent(event)

    def _query(self, keep: bool = False) -> None:
        if self._in_flight is not None:  # one query at a time; the latest filter runs next
            self._pending = True
            return
        f = self.filters.filter()
        if f == self._shown and not keep:
            return
        limit = max(PAGE_SIZE, self.model.loaded) if keep else PAGE_SIZE
        sort, descending, service = self.model.sort_key, self.model.descending, self._service

        def search() -> tuple[Any, float]:
            t0 = time.perf_counter()
            page = service.search(f, sort=sort, descending=descending, offset=0, limit=limit)
            return page, (time.perf_counter() - t0) * 1000

        if not self._slow:
            try:
                page, ms = search()
            except (ValidationError, PermissionDenied) as exc:
                self._refused(f, exc)
                return
            except AppError as exc:
                present_error(self, exc)
                return
            self._loaded(f, page, ms, keep)
            return
        self._in_flight = self._tasks.run(
            lambda _ctx: search(), on_success=lambda r: self._async_done(f, r, keep),
            on_error=lambda e: self._async_failed(f, e), quiet=True)

    def _async_done(self, f: RegisterFilter, result: tuple[Any, float], keep: bool) -> None:
        self._in_flight = None
        page, ms = result
        if self._pending or f != self.filters.filter():
            self._slow = ms > FAST_MS
            self._pending = False
            self._query(keep=keep)
            return
        self._loaded(f, page, ms, keep)

    def _async_failed(self, f: RegisterFilter, exc: BaseException) -> None:
        self._in_flight = None
        self._pending = False
        if isinstance(exc, (ValidationError, PermissionDenied)):
            self._refused(f, exc)
        else:
            present_error(self, exc)

    def _loaded(self, f: RegisterFilter, page: Any, ms: float, keep: bool) -> None:
        # slow: go to the worker; back on the GUI thread only once clearly fast again
        self._slow = ms > (FAST_MS if self._slow else SLOW_MS)
        current = self.current_person() if keep else None
        top = self.table.verticalScrollBar().value() if keep else 0
        self.model.set_source(self._fetcher(f), page.total, page.rows)
        self._shown = f
        if self.count_label.styleSheet():
            self.count_label.setStyleSheet("")
        self.count_label.setText(self.tr("%Ln person(s)", "", page.total))
        if current is not None:
            self.select_person(current)
            self.table.verticalScrollBar().setValue(top)
        self.results_shown.emit(page.total)

    def _refused(self, f: RegisterFilter, exc: ValidationError | PermissionDenied) -> None:
        """A search the service refuses (a bad filter, or digits of an ID number or mobile
        that only the unmask permission may search by) says why beside the count, in red,
        instead of a dialog at every keystroke."""
        self.model.clear()
        self._shown = f
        self.count_label.setStyleSheet("color: #b00020")
        if isinstance(exc, ValidationError):
            words = joined((problem_text(p, current_language()) for p in exc.problems), "；")
        else:
            words = error_text(exc, current_language())
        self.count_label.setText(words)
        self.results_shown.emit(0)

    def _fetcher(self, f: RegisterFilter) -> Any:
        service = self._service

        def fetch(sort: str, descending: bool, offset: int, limit: int) -> list[MemberRow]:
            try:
                return list(service.rows(f, sort=sort, descending=descending, offset=offset,
                                         limit=limit))
            except AppError as exc:
                present_error(self, exc)
                return []

        return fetch

    def _load_lists(self) -> None:
        """Honor titles and employment statuses: loaded when the second row first opens."""
        if self._lists_loaded:
            return
        self._lists_loaded = True
        try:
            self.filters.set_honor_titles(self._service.honor_titles())
            self.filters.set_employment_statuses(self._service.employment_statuses())
        except AppError as exc:
            present_error(self, exc)

    def _more_toggled(self) -> None:
        on = self.filters.more_shown()
        self._prefs.register_more_filters = on
        if on:
            self._load_lists()

    # -- selection and keyboard ---------------------------------------------------------------

    def current_person(self) -> uuid.UUID | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        value = self.model.data(index, RegisterTableModel.IdRole)
        return value if isinstance(value, uuid.UUID) else None

    def select_person(self, person_id: uuid.UUID) -> bool:
        row = self.model.row_of(person_id)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)
        return True

    def focus_search(self) -> None:
        self.filters.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filters.search.selectAll()

    def clear_search(self) -> None:
        self.filters.search.clear()
        self.focus_search()

    def _to_table(self) -> None:
        if self.model.rowCount() == 0:
            return
        if self.current_person() is None:
            self.table.selectRow(0)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched is self.filters.search and key == Qt.Key.Key_Down:
                self._to_table()
                return True
        return super().eventFilter(watched, event)

    # -- person actions -------------------------------------------------------------------------

    def _dialog_class(self) -> Any:
        try:
            from desktop.views.register import person_dialog
        except ImportError:
            person_dialog = None  # type: ignore[assignment]
        cls = getattr(person_dialog, "PersonDialog", None)
        if cls is None or not hasattr(cls, "create") or not hasattr(cls, "edit"):
            QMessageBox.information(self, self.tr("Register"),
                                    self.tr("The person dialog is not available yet."))
            return None
        return cls

    def new_person(self) -> None:
        cls = self._dialog_class()
        if cls is None:
            return
        person_id = cls.create(self._workspace, self)
        if person_id is not None:
            self.refresh()
            self.select_person(person_id)
            self._saved(person_id)

    def edit_person(self) -> None:
        person_id = self.current_person()
        if person_id is None:
            return
        cls = self._dialog_class()
        if cls is not None and cls.edit(self._workspace, person_id, self):
            self.refresh()
            self.select_person(person_id)
            self._saved(person_id)

    def _saved(self, person_id: uuid.UUID) -> None:
        """Say beside the count that the record was saved, for ten seconds."""
        name = self._workspace.persons().get(person_id).draft.name
        self.notice.setText(self.tr("Saved: %1").replace("%1", name))
        self._notice_timer.start(10000)

    def import_roster(self) -> None:
        self.import_file(None)

    def import_file(self, path: str | None) -> None:
        """The import wizard (issue 4); the table is refreshed after an import."""
        from desktop.views.imports.import_wizard import ImportWizard

        if ImportWizard.start(self, self._workspace.importer(), self._tasks, path):
            self.refresh()

    def export_register(self) -> None:
        """The export dialog for what the filter bar shows."""
        from desktop.views.imports.export_dialog import ExportDialog

        dialog = ExportDialog(self._workspace, self._tasks, self.filters.filter(), self)
        if dialog.exec() and dialog.written is not None:
            # where it went: the clerk is to find the file and open it in Excel next
            self._inform(self.tr("Exported %n person(s) to %1", "", dialog.written)
                         .replace("%1", str(dialog.written_to or "")), "exportDone")

    def reveal_id_number(self) -> None:
        """Ask why, then show the full ID number of the selected person (audited)."""
        index = self.table.currentIndex()
        person_id = self.current_person()
        if person_id is None:
            self._inform(self.tr("Select a person first."))
            return
        row = self.model.row(index.row())
        if not row.id_number:
            # asked a reason, wrote it to the audit log, then showed "ID number of 李秀英: "
            self._inform(self.tr("%1 has no ID number on record.").replace("%1", row.name))
            return
        reason = ReasonDialog.ask(
            self, self.tr("Reveal ID number"),
            self.tr("Why do you need the full ID number of %1? The reason is kept in the "
                    "audit log.").replace("%1", row.name))
        if reason is None:  # OK waits for a reason; cancelled: nothing asked of the service
            return
        try:
            number = self._service.reveal_id_number(person_id, reason)
        except AppError as exc:
            present_error(self, exc)
            return
        self._inform(self.tr("ID number of %1: %2").replace("%1", row.name)
                     .replace("%2", number), name="revealBox")

    # -- printing -------------------------------------------------------------------------------

    def print_roster(self, reason: str | None = None) -> None:
        """The roster (花名册) of the current filter, made in the background, then previewed;
        with ``reason`` the numbers in full (permission checked and audited by the service)."""
        from desktop.views.document_preview import DocumentPreviewDialog

        service = self._workspace.documents()
        f = self.filters.filter()
        DocumentPreviewDialog.generate(
            self, self._tasks, lambda: service.roster(f, unmask=reason is not None, reason=reason),
            title=self.tr("Roster"),
            file_name="花名册.pdf", label=self.tr("Preparing the roster…"))

    def print_cards(self, selected: bool) -> None:
        """Membership cards (会员证) of the selected person or of everyone in the list; each
        card gets a serial in the document log."""
        from desktop.views.document_preview import DocumentPreviewDialog

        service = self._workspace.documents()
        if selected:
            person_id = self.current_person()
            if person_id is None:
                self._inform(self.tr("Select a person first."))
                return
            ids = [person_id]

            def job(preview: bool) -> object:
                return service.cards(person_ids=ids, preview=preview)
        else:
            f = self.filters.filter()

            def job(preview: bool) -> object:
                return service.cards(filter=f, preview=preview)
        DocumentPreviewDialog.generate(
            self, self._tasks, lambda: job(True), title=self.tr("Membership cards"),
            file_name="会员证.pdf", label=self.tr("Preparing the cards…"),
            issue=lambda: job(False))

    def _inform(self, text: str, name: str = "registerMessage") -> None:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Register"), text,
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName(name)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.exec()
