"""劳模信息: create or edit one model worker, with honors and the status history.

Entry points: ``PersonDialog.create(workspace, parent)`` and ``PersonDialog.edit(workspace,
person_id, parent)``. Every change is checked by ``PersonService.validate`` (debounced) and the
problems appear under their fields; Save is enabled only when there are none.
"""

from __future__ import annotations

import dataclasses
import re
import uuid
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent, QColor, QHideEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.reference import LIFE_DECEASED
from desktop.core.texts import problem_text
from desktop.core.vocabulary import LIFE_STATUS
from desktop.errors import AppError, FieldProblem, ValidationError
from desktop.services.permissions import Perm
from desktop.services.register.types import PersonDetail, PersonDraft, StatusChange
from desktop.services.workspace import Workspace
from desktop.views.data_words import data_word, joined
from desktop.views.form_widgets import PROBLEM_STYLE, problem_words
from desktop.views.i18n import current_language, word
from desktop.views.messages import describe, present_error
from desktop.views.reason_dialog import ReasonDialog
from desktop.views.register.honors_table import COLUMNS, HonorsEditor
from desktop.views.register.person_tabs import PersonFields
from desktop.views.register.person_timeline import TimelineTab

VALIDATE_AFTER_MS = 150
_HONOR_FIELD = re.compile(r"honors\[(\d+)\]\.(\w+)")
_HONOR_TAB_FIELDS = ("treatment_override", "treatment_override_reason")


def _draft_values(draft: PersonDraft) -> dict[str, Any]:
    return {f.name: getattr(draft, f.name) for f in dataclasses.fields(draft)}


class PersonDialog(QDialog):
    """One person: four tabs of fields, the honors, and (when editing) the history."""

    def __init__(self, workspace: Workspace, person_id: uuid.UUID | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("personDialog")
        self._ws = workspace
        self.person_id = person_id
        self.created_id: uuid.UUID | None = None
        self.changed_anything = False
        self._detail: PersonDetail | None = None
        self._saved: PersonDraft | None = None
        self._honor_rows: list[int] = []
        self._existing_id: uuid.UUID | None = None
        # status changes entered in the history tab, recorded with the form on 保存
        self.pending: list[StatusChange] = []
        # A new, untouched form does not greet the user with "the name is empty".
        self._quiet_name = person_id is None
        districts = workspace.association.districts

        self.header = QLabel(self)
        self.header.setObjectName("personHeader")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.fields = PersonFields(districts, self)
        association = workspace.association
        self.honors = HonorsEditor(districts, self, home=association.name
                                   if association.mode == "county" else None)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("personTabs")
        for title, page in self.fields.pages:
            self.tabs.addTab(page, title)
        self.tabs.addTab(self.honors, self.tr("Honors"))
        self.timeline: TimelineTab | None = None
        if person_id is not None:
            self.timeline = TimelineTab(self._perform, self._drop_pending, self)
            self.tabs.addTab(self.timeline, self.tr("History"))
            self.honors.revoke_saved = lambda honor_id: self._timeline().start(
                "revoke", [honor_id])

        self.open_existing = QPushButton(self.tr("Open the existing record"), self)
        self.open_existing.setObjectName("openExistingRecord")
        self.open_existing.setFlat(True)
        self.open_existing.setStyleSheet("color: #1a56a8; text-decoration: underline;")
        self.open_existing.setCursor(Qt.CursorShape.PointingHandCursor)
        self.open_existing.hide()
        self.open_existing.clicked.connect(self._open_existing)
        self.fields.boxes["id_number"].lines.addWidget(self.open_existing, 0,
                                                       Qt.AlignmentFlag.AlignLeft)
        self.fields.reveal_button.clicked.connect(self._reveal)

        self.general = QLabel(self)
        self.general.setObjectName("generalProblems")
        self.general.setStyleSheet(PROBLEM_STYLE)
        self.general.setWordWrap(True)
        self.general.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("saveButton")
        self.save_button.setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.proof_button: QPushButton | None = None
        if person_id is not None and workspace.actor.can_issue():  # a serial: issuers
            from desktop.views.documents.documents_page import proof_of_title_button

            self.proof_button = proof_of_title_button(self, workspace, person_id)
            self.buttons.addButton(self.proof_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.general)
        layout.addWidget(self.buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(VALIDATE_AFTER_MS)
        # a slot returning a value to a void signal trips a PySide6 refcount bug: wrap it
        self._timer.timeout.connect(self._validate_later)
        self.fields.changed.connect(self._timer.start)
        self.fields.editors["name"].changed.connect(self._name_touched)
        self.honors.changed.connect(self._timer.start)
        self.resize(920, 600)
        self.can_edit = workspace.actor.can(Perm.EDIT_PERSONS)
        if not self.can_edit:  # a viewer reads the record; the service would refuse anything
            self._lock()
        if person_id is None:
            self._start_new(districts)
        else:
            self.reload()

    # -- entry points ----------------------------------------------------------------------

    @classmethod
    def create(  # type: ignore[override]  # QWidget.create is non-virtual; not used here
            cls, workspace: Workspace, parent: QWidget | None = None) -> uuid.UUID | None:
        """A new model worker; returns the new id, or None when cancelled."""
        dialog = cls(workspace, None, parent)
        dialog.exec()
        created = dialog.created_id
        dialog.deleteLater()  # destroyed by Qt, not by a later garbage collection (a crash)
        return created

    @classmethod
    def edit(cls, workspace: Workspace, person_id: uuid.UUID,
             parent: QWidget | None = None) -> bool:
        """Edit one person; True when anything was saved (refresh the list)."""
        try:
            dialog = cls(workspace, person_id, parent)
        except AppError as exc:
            present_error(parent, exc)
            return False
        dialog.exec()
        changed = dialog.changed_anything
        dialog.deleteLater()
        return changed

    # -- loading ---------------------------------------------------------------------------

    def _start_new(self, districts: tuple[str, ...]) -> None:
        self.setWindowTitle(self.tr("New model worker"))
        self.header.setText(self.tr(
            "<b>New model worker</b>&nbsp;&nbsp; Name and managing district are required; "
            "typing the ID number fills in the birth date and sex."))
        own = self._ws.association.name
        district = own if own in districts else (districts[0] if len(districts) == 1 else None)
        self.fields.load({"district": district})
        self.honors.load((), None, None)
        self._saved = self.draft()
        self.validate()

    def reload(self) -> None:
        """Read the person again (after a status change or someone else's save)."""
        assert self.person_id is not None
        detail = self._ws.persons().get(self.person_id)
        self._detail = detail
        draft = detail.draft
        masked = draft.id_number if draft.id_number and "*" in draft.id_number else None
        self.fields.load(_draft_values(draft), masked_id=masked, years_only={
            "birth_date": detail.birth_year, "spouse_birth_date": detail.spouse_birth_year,
        } if detail.masked else None)
        self.honors.load(draft.honors, draft.treatment_override,
                         draft.treatment_override_reason)
        self.fields.reveal_button.setVisible(
            masked is not None and self._ws.actor.can(Perm.UNMASK))
        if not self.can_edit:
            self._lock_pages()
        if self.proof_button is not None:
            # the service refuses a proof for a person without a kept title: said before the
            # click, not after the 正在生成… wait
            kept = any(h.revoked_date is None for h in draft.honors)
            self.proof_button.setEnabled(kept)
            self.proof_button.setToolTip("" if kept else self.tr(
                "%1 holds no kept honor: there is no title to prove.").replace("%1", draft.name))
        self.setWindowTitle(self.tr("Model worker: %1").replace("%1", draft.name))
        self.header.setText(self._header_text(detail))
        # the service would refuse any change; a detail with masked phones and birth years
        # (a role without unmask) is never saved back over the stored values either
        if (not detail.editable or detail.masked) and self.can_edit:
            self.can_edit = False
            self._lock()
        self._saved = self.draft()
        self.pending.clear()  # what was pending is saved or was read over by someone else's
        self._show_history()
        self.validate()

    def _lock(self) -> None:
        """Read only: a viewer, or at the city another district's record."""
        self._lock_pages()
        self.honors.setEnabled(False)
        self.save_button.hide()
        # nothing to cancel in a record one can only read
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close"))
        if self.timeline is not None:
            for button in self.timeline.buttons.values():
                button.hide()

    def _lock_pages(self) -> None:
        reveal = self.fields.reveal_button
        for _title, page in self.fields.pages:
            if page.isAncestorOf(reveal) and not reveal.isHidden():
                # a reviewer may read the full number (audited): its button stays usable, so
                # the page's fields are locked one by one instead of the whole page
                page.setEnabled(True)
                for editor in self.fields.editors.values():
                    if page.isAncestorOf(editor):
                        editor.setEnabled(False)
            else:
                page.setEnabled(False)

    def _show_history(self) -> None:
        detail = self._detail
        assert detail is not None
        self._timeline().set_events(detail.events, detail.draft.honors,
                                    self._ws.association.districts,
                                    self.tr("Current status: %1")
                                    .replace("%1", self._status_text(detail)),
                                    self.pending, self._ws.actor.display_name
                                    or self._ws.actor.name,
                                    deceased=detail.life_status == LIFE_DECEASED)

    def _timeline(self) -> TimelineTab:
        assert self.timeline is not None
        return self.timeline

    def _status_text(self, d: PersonDetail) -> str:
        life = word(LIFE_STATUS, d.life_status)
        if d.life_status == LIFE_DECEASED and d.death_date:
            life = self.tr("%1 (%2)").replace("%1", life).replace("%2", d.death_date.isoformat())
        parts = [life]
        if d.is_revoked:
            parts.append(self.tr("title revoked"))
        if d.is_emigrated:
            parts.append(self.tr("emigrated"))
        if d.is_lost_contact:
            parts.append(self.tr("lost contact"))
        if d.merged_into is not None:
            parts.append(self.tr("merged into another record"))
        if d.draft.employment_status:
            parts.append(data_word(d.draft.employment_status))
        return joined(parts)

    def _header_text(self, d: PersonDetail) -> str:
        level = data_word(d.treatment_level) if d.treatment_level else self.tr("no level")
        recuperation = (self.tr("never sent") if d.last_recuperation_year is None
                        else str(d.last_recuperation_year))
        parts = [d.id_number_masked, self.tr("Treatment level: %1").replace("%1", level),
                 self._status_text(d),
                 self.tr("Last recuperation: %1").replace("%1", recuperation)]
        text = f"<b style='font-size: 13pt'>{d.draft.name}</b>&nbsp;&nbsp;&nbsp;" + \
            "&nbsp;&nbsp;|&nbsp;&nbsp;".join(p for p in parts if p)
        if d.conflict_note:
            text += "<br><span style='color: #9a5b00'>" + self.tr(
                "Merge conflicts: %1").replace("%1", d.conflict_note) + "</span>"
        if d.owner is not None:
            text += "<br><span style='color: #9a5b00'>" + self.tr(
                "Reported by %1: read-only here. %1 changes it and reports it again.").replace(
                "%1", d.owner) + "</span>"
        return text

    # -- the draft and its problems --------------------------------------------------------

    def draft(self) -> PersonDraft:
        values = self.fields.values()
        values["name"] = values["name"] or ""
        values["district"] = values["district"] or ""
        honors, self._honor_rows = self.honors.drafts()
        override, reason = self.honors.override_value()
        return PersonDraft(**values, honors=honors, treatment_override=override,
                           treatment_override_reason=reason)

    def is_dirty(self) -> bool:
        return bool(self.pending) or (self._saved is not None and self.draft() != self._saved)

    def validate(self) -> bool:
        """Show every problem of the form as it is now; True when it can be saved."""
        self._timer.stop()
        if not self.can_edit:
            self.save_button.setEnabled(False)
            return False
        draft = self.draft()
        problems: list[FieldProblem] = []
        try:
            problems = list(self._ws.persons().validate(draft, person_id=self.person_id))
        except AppError as exc:  # e.g. the database is busy: said in place, no box per key
            self.general.setText(describe(exc))
            self.general.show()
            self.save_button.setEnabled(False)
            return False
        return self._show(problems)

    def _validate_later(self) -> None:
        self.validate()

    def hideEvent(self, event: QHideEvent) -> None:
        """A closed or hidden form is not checked against the database any more (a check
        still pending ran after the window had gone, on a database maybe closed)."""
        self._timer.stop()
        super().hideEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._timer.stop()
        super().closeEvent(event)

    def _name_touched(self) -> None:
        self._quiet_name = False

    def _show(self, problems: list[FieldProblem]) -> bool:
        hidden = [p for p in problems if self._quiet_name and p.code == "name_empty"]
        problems = [p for p in problems if p not in hidden]
        fields = self.fields.local_problems()
        cells = self.honors.local_problems()
        honor_fields: dict[str, list[str]] = {}
        general: list[str] = []
        self._existing_id = None
        for p in problems:
            words = problem_words(p)
            m = _HONOR_FIELD.fullmatch(p.field)
            if m:
                index = int(m.group(1))
                row = self._honor_rows[index] if index < len(self._honor_rows) else index
                attr = m.group(2) if m.group(2) in COLUMNS else "title"
                cells.setdefault((row, attr), []).append(words)
            elif p.field in _HONOR_TAB_FIELDS or p.field.startswith("honors"):
                key = p.field if p.field in _HONOR_TAB_FIELDS else "honors"
                honor_fields.setdefault(key, []).append(words)
            elif p.field in self.fields.editors:
                fields.setdefault(p.field, []).append(words)
            else:
                general.append(problem_text(p, current_language()))
            if p.code == "id_duplicate" and p.params.get("existing_id"):
                self._existing_id = uuid.UUID(str(p.params["existing_id"]))
        warnings = {"id_number": self.fields.id_warnings(), **self.fields.phone_warnings()}
        self.fields.show_problems(fields, warnings)
        self.honors.show_problems(cells, honor_fields)
        self.open_existing.setVisible(self._existing_id is not None)
        self.general.setText("\n".join(dict.fromkeys(general)))
        self.general.setVisible(bool(general))
        self._mark_tabs(set(fields), bool(cells or honor_fields))
        ok = not (fields or cells or honor_fields or general or hidden)
        self.save_button.setEnabled(ok)
        return ok

    def _mark_tabs(self, bad_fields: set[str], bad_honors: bool) -> None:
        bar = self.tabs.tabBar()
        for i, (_title, page) in enumerate(self.fields.pages):
            bad = any(page.isAncestorOf(self.fields.boxes[f]) for f in bad_fields)
            bar.setTabTextColor(i, QColor("#b00020") if bad else QColor())
        honors_tab = self.tabs.indexOf(self.honors)
        bar.setTabTextColor(honors_tab, QColor("#b00020") if bad_honors else QColor())

    # -- actions ---------------------------------------------------------------------------

    def save(self) -> None:
        self._quiet_name = False
        if not self.validate():
            return
        draft = self.draft()
        service = self._ws.persons()
        try:
            if self.person_id is None:
                self.created_id = service.create(draft)
            else:
                assert self._detail is not None
                service.update(self.person_id, draft, expected_version=self._detail.row_version,
                               changes=self.pending)
        except ValidationError as exc:
            self._show(exc.problems)
            return
        except AppError as exc:
            if exc.code == "stale_record" and self.person_id is not None:
                QMessageBox.warning(self, self.windowTitle(), self.tr(
                    "Someone else changed this record while you were editing it. It has been "
                    "reloaded with their changes; your changes were not saved."))
                self.pending.clear()
                self.reload()
                return
            present_error(self, exc)
            return
        self.changed_anything = True
        self._saved = draft
        self.accept()

    def _perform(self, kind: str, v: dict[str, Any]) -> None:
        """Try one status change after the pending ones (the service writes nothing) and
        keep it pending; ``ValidationError``/``AppError`` when refused (the small form
        shows it). Saved with the form, dropped by 取消."""
        assert self.person_id is not None
        honor_ids = v.get("honor_ids")
        change = StatusChange(
            kind, v.get("date"), v.get("reason"), new_work_unit=v.get("new_work_unit"),
            new_position=v.get("new_position"), to_district=v.get("to_district"),
            from_district=v.get("from_district"),
            honor_ids=None if honor_ids is None else tuple(honor_ids))
        self._ws.persons().check_status_changes(self.person_id, [*self.pending, change])
        self.pending.append(change)
        self._show_history()
        self.validate()

    def _drop_pending(self) -> None:
        if self.pending:
            self.pending.pop()
        self._show_history()
        self.validate()

    def _reveal(self) -> None:
        assert self.person_id is not None
        reason = ReasonDialog.ask(self, self.tr("Show the ID number"), self.tr(
            "Why do you need the full ID number? The reason is written to the audit log."))
        if reason is None:
            return
        try:
            number = self._ws.persons().reveal_id_number(self.person_id, reason)
        except AppError as exc:
            present_error(self, exc)
            return
        was_dirty = self.is_dirty()
        self.fields.load_id(number)
        if not was_dirty and self._saved is not None:
            self._saved = dataclasses.replace(self._saved, id_number=self.draft().id_number)
        self.fields.reveal_button.hide()
        self.validate()

    def _open_existing(self) -> None:
        if self._existing_id is not None:
            PersonDialog.edit(self._ws, self._existing_id, self)

    def reject(self) -> None:
        if self.isVisible() and self.is_dirty():
            answer = QMessageBox.question(self, self.windowTitle(), self.tr(
                "Discard the changes you made?"))
            if answer != QMessageBox.StandardButton.Yes:
                return
        super().reject()
