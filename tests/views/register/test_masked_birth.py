"""Issue 14, point 9: beside a masked ID number the birth date shows as year-month only (the
hidden digits *are* the birth date), in the person dialog, the merge and duplicate views, the
visits page's person picker and the register export; revealed or unmasked, it is whole."""

from __future__ import annotations

import dataclasses
import datetime as dt

from pytestqt.qtbot import QtBot

from desktop.core import idnumber
from desktop.core.masking import birth_shown, mask_id
from desktop.services.register.types import PersonDraft, RegisterFilter
from desktop.services.workspace import Workspace
from desktop.views.register.merge_dialog import member_facts
from desktop.views.register.person_dialog import PersonDialog

BIRTH = dt.date(1974, 8, 2)
NUMBER = idnumber.make("330522", BIRTH, 696)


def _stored(ws: Workspace) -> PersonDialog:
    pid = ws.persons().create(PersonDraft(name="钱秀英", district="长兴县", id_number=NUMBER,
                                          work_unit="长兴县人民医院"))
    return PersonDialog(ws, pid)


def test_the_person_dialog_hides_the_day_with_the_number(qtbot: QtBot, ws: Workspace) -> None:
    dialog = _stored(ws)
    qtbot.addWidget(dialog)
    id_field = dialog.fields.editors["id_number"]
    birth = dialog.fields.editors["birth_date"]
    assert "*" in id_field.text()
    assert birth.text() == "1974-**-**" and birth.isReadOnly()
    assert "1974-08-02" not in dialog.header.text()
    # saving other edits keeps the stored date (the field's text is not a date)
    dialog.fields.editors["position"].setText("护士长")
    qtbot.waitUntil(lambda: not dialog._timer.isActive(), timeout=5000)
    assert dialog.save_button.isEnabled(), dialog.general.text()
    dialog.save()
    assert dialog.person_id is not None
    stored = ws.register().export(RegisterFilter(text="钱秀英"), unmask=True, reason="核对")
    assert stored[0]["birth_date"] == "1974-08-02"
    assert ws.persons().get(dialog.person_id).draft.position == "护士长"

    # revealed (with a reason, audited): the whole date comes back with the number
    again = PersonDialog(ws, dialog.person_id)
    qtbot.addWidget(again)
    again.fields.load_id(NUMBER)
    assert again.fields.editors["birth_date"].text() == "1974-08-02"
    assert not again.fields.editors["birth_date"].isReadOnly()
    again._timer.stop()  # no validation after the database is gone


def test_typing_another_number_takes_the_date_from_it(qtbot: QtBot, ws: Workspace) -> None:
    dialog = _stored(ws)
    qtbot.addWidget(dialog)
    other = idnumber.make("330522", dt.date(1975, 1, 9), 121)
    dialog.fields.editors["id_number"].setText(other)
    assert dialog.fields.editors["birth_date"].text() == "1975-01-09"
    assert not dialog.fields.editors["birth_date"].isReadOnly()
    dialog._timer.stop()


def test_lists_and_exports_show_only_the_year_beside_a_masked_number(ws: Workspace) -> None:
    _stored(ws).deleteLater()
    row = ws.register().rows(RegisterFilter(text="钱秀英"), limit=1)[0]
    assert "*" in row.id_number
    facts = dict(member_facts(row))
    assert "1974" in facts.values()
    assert not any(str(v).startswith("1974-") for v in facts.values())
    assert birth_shown(BIRTH, mask_id(NUMBER)) == "1974"
    assert birth_shown(BIRTH, NUMBER) == "1974-08-02"
    exported = ws.register().export(RegisterFilter(text="钱秀英"))
    assert exported[0]["birth_date"] == "1974"
    full = ws.register().export(RegisterFilter(text="钱秀英"), unmask=True, reason="报送")
    assert full[0]["birth_date"] == "1974-08-02" and full[0]["id_number"] == NUMBER
    assert dataclasses.is_dataclass(row)
