"""The 动态记录 tab as a new clerk meets it (walk-through at 1366×768, December 2026): after a
change is entered, Enter saves the record instead of reopening that change's form, and a
person who has died is offered only what can still be recorded, saying why before any form."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from desktop.services.register.types import HonorDraft, PersonDraft
from desktop.services.workspace import Workspace
from desktop.views.register.person_dialog import PersonDialog
from desktop.views.register.person_timeline import StatusChangeDialog
from tests.views.dialog_driver import on_next_modal

ALIVE_ONLY = ("retire", "transfer", "move_out", "move_in", "death", "emigrate", "lost_contact")


def _stored(ws: Workspace) -> uuid.UUID:
    return ws.persons().create(PersonDraft(
        name="陈建国", district="长兴县", employment_status="在职",
        honors=(HonorDraft(title="浙江省劳动模范", level="省部级", year=1989),)))


def _dialog(qtbot: QtBot, ws: Workspace, person_id: uuid.UUID) -> PersonDialog:
    dialog = PersonDialog(ws, person_id)
    qtbot.addWidget(dialog)
    return dialog


def _answer(reason: str, date: str) -> object:
    def act(widget: QWidget) -> None:
        assert isinstance(widget, StatusChangeDialog)
        widget.fields["date"].setText(date)
        widget.fields["reason"].setText(reason)
        widget.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    return act


def test_enter_after_a_change_saves_the_record(qtbot: QtBot, ws: Workspace) -> None:
    """The clerk clicks 退休…, fills the form, then presses Enter: the record is saved with the
    retirement (the focused 退休… button opened its form a second time)."""
    person_id = _stored(ws)
    dialog = _dialog(qtbot, ws, person_id)
    dialog.show()
    qtbot.waitExposed(dialog)
    timeline = dialog.timeline
    assert timeline is not None
    dialog.tabs.setCurrentWidget(timeline)
    on_next_modal(_answer("到龄退休", "2024-06-01"))  # type: ignore[arg-type]
    qtbot.mouseClick(timeline.buttons["retire"], Qt.MouseButton.LeftButton)
    assert dialog.pending
    qtbot.waitUntil(lambda: not dialog._timer.isActive() and dialog.save_button.isEnabled())
    dialog.activateWindow()
    timeline.buttons["retire"].setFocus()
    qtbot.waitUntil(lambda: timeline.buttons["retire"].hasFocus())
    opened = on_next_modal(lambda w: w.close(), timeout_ms=1500)
    qtbot.keyClick(timeline.buttons["retire"], Qt.Key.Key_Return)
    qtbot.wait(300)
    assert not [w for w in opened if isinstance(w, StatusChangeDialog)]
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert ws.persons().get(person_id).draft.employment_status == "离退休"


def test_a_death_leaves_only_revocation_and_undo(qtbot: QtBot, ws: Workspace) -> None:
    """A pending death (and a stored one) disables the changes the service would refuse, with
    the reason on each button; a revoked title and an undo stay possible; undoing the death
    gives them back."""
    person_id = _stored(ws)
    dialog = _dialog(qtbot, ws, person_id)
    timeline = dialog.timeline
    assert timeline is not None
    for kind in ALIVE_ONLY:
        assert timeline.buttons[kind].isEnabled(), kind
    on_next_modal(_answer("病故", "2026-11-20"))  # type: ignore[arg-type]
    qtbot.mouseClick(timeline.buttons["death"], Qt.MouseButton.LeftButton)
    assert dialog.pending
    for kind in ALIVE_ONLY:
        button = timeline.buttons[kind]
        assert not button.isEnabled(), kind
        assert "已故" in button.toolTip(), kind
    assert timeline.buttons["revoke"].isEnabled() and timeline.buttons["undo"].isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert ws.persons().get(person_id).life_status == "deceased"

    dialog = _dialog(qtbot, ws, person_id)
    timeline = dialog.timeline
    assert timeline is not None
    assert not timeline.buttons["retire"].isEnabled()
    assert "已故" in timeline.buttons["retire"].toolTip()
    on_next_modal(lambda w: (w.fields["reason"].setText("录入错误"),  # type: ignore[attr-defined]
                             w.buttons.button(  # type: ignore[attr-defined]
                                 QDialogButtonBox.StandardButton.Ok).click()))
    qtbot.mouseClick(timeline.buttons["undo"], Qt.MouseButton.LeftButton)
    assert [c.kind for c in dialog.pending] == ["undo"]
    assert timeline.buttons["retire"].isEnabled() and not timeline.buttons["retire"].toolTip()


def test_disabled_history_buttons_say_why(qtbot: QtBot, ws: Workspace) -> None:
    person_id = ws.persons().create(PersonDraft(name="李秀英", district="长兴县"))
    timeline = _dialog(qtbot, ws, person_id).timeline
    assert timeline is not None
    for kind in ("revoke", "undo"):
        assert not timeline.buttons[kind].isEnabled()
        assert timeline.buttons[kind].toolTip(), kind
