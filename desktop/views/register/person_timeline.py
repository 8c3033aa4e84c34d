"""The 动态记录 tab: a person's status history and the actions that add to it.

Each action opens a small form (date, reason, what else the change needs); the dialog tries
the change with the person service (nothing written) and keeps it as *pending*: it shows in
the history marked 待保存, is recorded with the form on 保存 (one transaction) and is dropped
on 取消. The history is shown in date order; the undo form names the change it will undo
(撤销上一条 on a pending change simply drops it), and an undone change shows the undo reason.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import AppError, ValidationError
from desktop.services.register.types import EventRow, HonorDraft, StatusChange
from desktop.views.data_words import bracketed, data_word, joined
from desktop.views.form_widgets import (
    ChoiceField,
    DateField,
    FieldBox,
    TextField,
    problem_label,
    problem_words,
)
from desktop.views.messages import present_error
from desktop.views.screen_fit import grow_to_content

# kind -> extra fields of its form (besides date and reason)
ACTIONS: dict[str, tuple[str, ...]] = {
    "retire": (),
    "transfer": ("new_work_unit", "new_position"),
    "move_out": ("to_district",),
    "move_in": ("from_district",),
    "death": (),
    "revoke": ("honor_ids",),
    "emigrate": (),
    "lost_contact": (),
    "undo": (),
}
_REQUIRED = {"new_work_unit", "to_district", "from_district"}


def event_kind_label(kind: str) -> str:
    labels = {
        "create": QCoreApplication.translate("PersonEvents", "Record created"),
        "transfer": QCoreApplication.translate("PersonEvents", "Left the work unit"),
        "retire": QCoreApplication.translate("PersonEvents", "Retired"),
        "death": QCoreApplication.translate("PersonEvents", "Died"),
        "move_out": QCoreApplication.translate("PersonEvents", "Moved out"),
        "move_in": QCoreApplication.translate("PersonEvents", "Moved in"),
        "revoke": QCoreApplication.translate("PersonEvents", "Title revoked"),
        "emigrate": QCoreApplication.translate("PersonEvents", "Emigrated"),
        "lost_contact": QCoreApplication.translate("PersonEvents", "Lost contact"),
        "restore": QCoreApplication.translate("PersonEvents", "Restored"),
        "merge": QCoreApplication.translate("PersonEvents", "Merged"),
        "other": QCoreApplication.translate("PersonEvents", "Other"),
        "undo": QCoreApplication.translate("PersonEvents", "Undo the last change"),
    }
    return labels.get(kind, kind)


def _details_text(details: dict[str, object]) -> str:
    """The parts of an event's details a clerk wants to read (the rest is for undo)."""
    parts = []
    why = details.get("undo_reason")
    if details.get("undone_by"):
        parts.append(QCoreApplication.translate("PersonEvents", "Undone by %1: %2")
                     .replace("%1", str(details["undone_by"])).replace("%2", str(why or "")))
    for key in ("new_work_unit", "new_position", "to_district", "from_district", "honors",
                "kept_id", "duplicate_name"):
        value = details.get(key)
        if value:
            if isinstance(value, list | tuple):
                value = joined((str(v) for v in value), "、")
            parts.append(str(value))
    return joined(parts, "；")


def _recording_order(e: EventRow) -> tuple[dt.datetime, int]:
    seq = e.details.get("seq")
    return e.recorded_at, seq if isinstance(seq, int) else 0


def _change_details(c: StatusChange) -> str:
    parts = [c.new_work_unit, c.new_position, c.to_district, c.from_district]
    return joined((p for p in parts if p), "；")


class TimelineTab(QWidget):
    """Events table (stored and pending) plus one button per status change.

    ``perform(kind, values)`` tries the change and adds it to the dialog's pending changes
    (``ValidationError`` when refused); ``drop_pending()`` takes the newest pending one back.
    """

    def __init__(self, perform: Callable[[str, dict[str, Any]], None],
                 drop_pending: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineTab")
        self._perform = perform
        self._drop_pending = drop_pending
        self._honors: list[HonorDraft] = []
        self._districts: list[str] = []
        self._undo_target: EventRow | None = None
        self._pending: list[StatusChange] = []
        self._deceased = False
        self.status = QLabel(self)
        self.status.setObjectName("timelineStatus")
        self.status.setWordWrap(True)
        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("eventsTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("Date"), self.tr("Change"), self.tr("Reason"), self.tr("Details"),
            self.tr("Recorded by"), self.tr("Recorded at")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        texts = {
            "retire": self.tr("Retire…"), "transfer": self.tr("Leave the unit…"),
            "move_out": self.tr("Move out…"), "move_in": self.tr("Move in…"),
            "death": self.tr("Death…"), "revoke": self.tr("Revoke title…"),
            "emigrate": self.tr("Emigrated…"), "lost_contact": self.tr("Lost contact…"),
            "undo": self.tr("Undo the last change…"),
        }
        for i, (kind, text) in enumerate(texts.items()):
            b = QPushButton(text, self)
            b.setObjectName(f"event_{kind}")
            b.clicked.connect(lambda _c=False, k=kind: self.start(k))
            # Enter in the person window saves it: it never reopens the last change's form
            b.setAutoDefault(False)
            grid.addWidget(b, i // 5, i % 5)
            self.buttons[kind] = b
        self.hint = QLabel(self)
        self.hint.setObjectName("timelineHint")
        self.hint.setStyleSheet("color: #9a5b00")
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addLayout(grid)
        layout.addWidget(self.hint)

    def set_events(self, events: Sequence[EventRow], honors: Iterable[HonorDraft],
                   districts: Iterable[str], status: str,
                   pending: Sequence[StatusChange] = (), recorded_by: str = "", *,
                   deceased: bool = False) -> None:
        """``deceased``: the stored record's life status (a pending death counts too)."""
        self._deceased = deceased
        self._honors = [h for h in honors if h.id is not None and h.revoked_date is None]
        self._districts = list(districts)
        self._pending = list(pending)
        self.status.setText(status)
        stored = list(events)  # the service's order: by date, newest first
        # what 撤销上一条 takes back: the most recently *recorded* change not undone yet
        live = [e for e in stored if not e.undone]
        self._undo_target = max(live, key=_recording_order, default=None)
        if self._undo_target is not None and self._undo_target.kind not in ACTIONS:
            self._undo_target = None  # the creation or a merge: nothing to undo
        rows: list[tuple[str, list[str], bool, bool]] = []  # date key, texts, pending, undone
        for e in stored:
            kind = event_kind_label(e.kind)
            if e.undone:
                kind = self.tr("%1 (undone)").replace("%1", kind)
            rows.append((e.event_date.isoformat(), [
                e.event_date.isoformat(), kind, e.reason or "", _details_text(e.details),
                e.recorded_by, e.recorded_at.astimezone().strftime("%Y-%m-%d %H:%M")],
                False, e.undone))
        target = self._undo_target
        for pc in self._pending:
            kind = self.tr("%1 (not saved yet)").replace("%1", event_kind_label(pc.kind))
            if pc.kind == "undo":
                details = (self.tr("%1 dated %2").replace("%1", event_kind_label(target.kind))
                           .replace("%2", target.event_date.isoformat())
                           if target is not None else "")
                date = ""
            else:
                details, date = _change_details(pc), pc.date.isoformat() if pc.date else ""
            # a pending undo has no date of its own: it goes on top
            rows.append((date or "9999", [date, kind, pc.reason or "", details, recorded_by,
                                          self.tr("on Save")], True, False))
        rows.sort(key=lambda r: r[0], reverse=True)
        self.table.setRowCount(len(rows))
        grey, blue = QBrush(QColor("#999999")), QBrush(QColor("#1a56a8"))
        for r, (_key, values, is_pending, undone) in enumerate(rows):
            for c, text in enumerate(values):
                item = QTableWidgetItem(text)
                font = item.font()
                if undone:
                    item.setForeground(grey)
                    font.setStrikeOut(True)
                if is_pending:
                    item.setForeground(blue)
                    font.setItalic(True)
                item.setFont(font)
                self.table.setItem(r, c, item)
        self.refresh_state()

    def _dead(self) -> bool:
        """Deceased once the pending changes are saved: only a revocation or an undo can be
        recorded then (the service refuses the rest)."""
        dead = self._deceased
        for change in self._pending:
            if change.kind == "death":
                dead = True
            elif change.kind == "undo" and self._undo_target is not None \
                    and self._undo_target.kind == "death":
                dead = False
        return dead

    def refresh_state(self) -> None:
        dead = self._dead()
        for kind, button in self.buttons.items():
            if kind in ("revoke", "undo"):
                continue
            button.setEnabled(not dead)
            button.setToolTip(self.tr(
                "This person has died: only a revoked title or an undo of the last change "
                "can be recorded.") if dead else "")
        self.buttons["revoke"].setEnabled(bool(self._honors))
        self.buttons["revoke"].setToolTip(
            "" if self._honors else self.tr("No kept title to revoke."))
        can_undo = bool(self._pending) or self._undo_target is not None
        self.buttons["undo"].setEnabled(can_undo)
        self.buttons["undo"].setToolTip("" if can_undo else self.tr(
            "Nothing to undo: no status change has been recorded."))
        n = len(self._pending)
        self.hint.setText(self.tr(
            "%n change(s) not saved yet: recorded together with the record when you press "
            "Save, dropped by Cancel.", "", n) if n else "")

    def start(self, kind: str, honor_ids: list[uuid.UUID] | None = None) -> None:
        if kind == "undo" and self._pending:
            self._drop_pending()  # never recorded: nothing to undo in the history
            return
        StatusChangeDialog.run(self, kind, self._perform, honors=self._honors,
                               districts=self._districts, preselected=honor_ids,
                               undo_target=self._undo_target)


class StatusChangeDialog(QDialog):
    """Date, reason and the extra fields of one status change; stays open on a problem."""

    def __init__(self, kind: str, perform: Callable[[str, dict[str, Any]], None], *,
                 honors: Sequence[HonorDraft], districts: Sequence[str],
                 preselected: Sequence[uuid.UUID] | None, parent: QWidget | None,
                 undo_target: EventRow | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusChangeDialog")
        self.setWindowTitle(event_kind_label(kind))
        self.setMinimumWidth(380)
        self.kind = kind
        self._perform = perform
        self.fields: dict[str, Any] = {}
        self.boxes: dict[str, FieldBox] = {}
        form = QFormLayout(self)
        if kind != "undo":
            date = DateField(self)
            date.set_value(dt.date.today())
            self._add(form, "date", self.tr("Date:"), date)
        labels = {
            "new_work_unit": self.tr("New work unit:"), "new_position": self.tr("New position:"),
            "to_district": self.tr("Moved to:"), "from_district": self.tr("Moved from:"),
        }
        self.honor_checks: list[tuple[QCheckBox, uuid.UUID]] = []
        for extra in ACTIONS.get(kind, ()):
            if extra == "honor_ids":
                box = QWidget(self)
                column = QVBoxLayout(box)
                column.setContentsMargins(0, 0, 0, 0)
                for h in honors:
                    assert h.id is not None
                    label = h.title + bracketed(joined(
                        [data_word(h.level), *([str(h.year)] if h.year else [])]))
                    check = QCheckBox(label, box)
                    check.setChecked(preselected is None or h.id in preselected)
                    check.toggled.connect(self._update)
                    column.addWidget(check)
                    self.honor_checks.append((check, h.id))
                form.addRow(self.tr("Titles:"), box)
            elif extra in ("to_district", "from_district"):
                self._add(form, extra, labels[extra], ChoiceField(self, suggestions=districts))
            else:
                self._add(form, extra, labels[extra], TextField(self))
        reason = TextField(self, max_length=500)
        self.note = QLabel(self)
        self.note.setObjectName("statusNote")
        self.note.setWordWrap(True)
        if kind == "undo":
            target = (self.tr("%1 dated %2").replace("%1", event_kind_label(undo_target.kind))
                      .replace("%2", undo_target.event_date.isoformat())
                      if undo_target is not None else self.tr("nothing"))
            self.note.setText(self.tr("This undoes: %1. The history keeps both entries. "
                                      "It is recorded when you save the record.")
                              .replace("%1", target))
        else:
            self.note.setText(self.tr("Recorded together with the record when you press Save "
                                      "in the record window; Cancel there drops it."))
        form.addRow(self.note)
        self._add(form, "reason", self.tr("Reason:"), reason)
        self.problem = problem_label(self, "problemLabel")
        form.addRow(self.problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Undo") if kind == "undo" else self.tr("Add to the history"))
        self.buttons.accepted.connect(self._try)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        reason.setFocus()
        self._update()

    def _add(self, form: QFormLayout, name: str, label: str, editor: Any) -> None:
        editor.setObjectName(f"status_{name}")
        editor.changed.connect(self._update)
        box = FieldBox(editor, self)
        self.fields[name] = editor
        self.boxes[name] = box
        form.addRow(label, box)

    def values(self) -> dict[str, Any]:
        out = {name: editor.value() for name, editor in self.fields.items()}
        if self.honor_checks:
            out["honor_ids"] = [hid for check, hid in self.honor_checks if check.isChecked()]
        return out

    def _update(self) -> None:
        values = self.values()
        ok = values.get("reason") is not None
        ok = ok and ("date" not in self.fields or values["date"] is not None)
        ok = ok and all(values.get(name) for name in _REQUIRED if name in self.fields)
        ok = ok and (not self.honor_checks or bool(values["honor_ids"]))
        for name, box in self.boxes.items():
            local = self.fields[name].local_problem()
            box.set_problems([local] if local else [])
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def _try(self) -> None:
        try:
            self._perform(self.kind, self.values())
        except ValidationError as exc:
            general = []
            for p in exc.problems:
                box = self.boxes.get(p.field)
                if box is not None:
                    box.set_problems([problem_words(p)])
                else:
                    general.append(problem_words(p))
            self.problem.setText("\n".join(general))
            grow_to_content(self)
            return
        except AppError as exc:
            present_error(self, exc)
            return
        self.accept()

    @classmethod
    def run(cls, parent: QWidget | None, kind: str,
            perform: Callable[[str, dict[str, Any]], None], *, honors: Sequence[HonorDraft] = (),
            districts: Sequence[str] = (), preselected: Sequence[uuid.UUID] | None = None,
            undo_target: EventRow | None = None) -> bool:
        dialog = cls(kind, perform, honors=honors, districts=districts,
                     preselected=preselected, parent=parent, undo_target=undo_target)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()  # not kept under the timeline once it is closed
        return accepted
