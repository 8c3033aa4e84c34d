"""An old 15-digit ID number typed by hand (walk-through, December 2026): the register then
showed an 18-digit number the clerk never typed, without a word; the form says it first."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desktop.services.workspace import Workspace
from desktop.views.register.person_dialog import PersonDialog


def test_a_15_digit_number_says_what_it_is_saved_as(qtbot: QtBot, ws: Workspace) -> None:
    dialog = PersonDialog(ws, None)
    qtbot.addWidget(dialog)
    f = dialog.fields.editors
    f["name"].setText("陈建国")
    f["id_number"].setText("330522450312123")
    qtbot.waitUntil(lambda: not dialog._timer.isActive() and dialog.save_button.isEnabled())
    warning = dialog.fields.boxes["id_number"].warning
    assert not warning.isHidden()
    assert "15 位" in warning.text() and "330522194503121235" in warning.text()
    assert f["birth_date"].value().isoformat() == "1945-03-12"
    dialog.save()
    stored = ws.persons().get(dialog.created_id) if dialog.created_id else None
    assert stored is not None and stored.draft.id_number == "330522********1235"
