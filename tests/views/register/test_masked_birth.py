"""Issue 14, point 9: beside a masked ID number the birth date shows as year-month only (the
hidden digits *are* the birth date), in the person dialog, the merge and duplicate views, the
visits page's person picker and the register export; revealed or unmasked, it is whole."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.core import idnumber
from desktop.core.masking import birth_shown, mask_id
from desktop.database import Database
from desktop.services import accounts
from desktop.services.permissions import ROLE_PERMISSIONS, Perm, Role
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


def _every_text(widget: QWidget) -> str:
    """Every string the dialog shows or would show on hover: line edits, labels, combo boxes,
    text areas, tooltips, window title and the cells of its tables."""
    texts = [widget.windowTitle()]
    for child in [widget, *widget.findChildren(QWidget)]:
        texts.append(child.toolTip())
        if isinstance(child, (QLineEdit, QLabel)):
            texts.append(child.text())
        elif isinstance(child, QComboBox):
            texts.append(child.currentText())
        elif isinstance(child, QPlainTextEdit):
            texts.append(child.toPlainText())
        elif isinstance(child, QAbstractItemView) and child.model() is not None:
            model = child.model()
            for row in range(model.rowCount()):
                for col in range(model.columnCount()):
                    for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                        texts.append(str(model.data(model.index(row, col), role) or ""))
    return "\n".join(texts)


def test_a_viewer_dialog_shows_no_birth_date_or_phone_in_full(qtbot: QtBot, db: Database,
                                                              ws: Workspace) -> None:
    """Issue 14, point 9: a viewer (no unmask permission) opens a person: the birth dates show
    their years only, the phones are masked, and nothing can be saved back."""
    pid = ws.persons().create(PersonDraft(
        name="钱秀英", district="长兴县", id_number=NUMBER, mobile="17542544369",
        phone="0572-5578949", spouse_name="沈国强", spouse_birth_date=dt.date(1972, 11, 23)))
    version = ws.persons().get(pid).row_version
    accounts.AccountService(db.sessions).create_user(
        ws.actor, name="viewer1", display_name="只读", role=Role.VIEWER, password="viewer-123")
    viewer = Workspace(db, accounts.AccountService(db.sessions).login("viewer1", "viewer-123"),
                       ws.association)
    dialog = PersonDialog(viewer, pid)
    qtbot.addWidget(dialog)
    shown = _every_text(dialog)
    for secret in ("1974-08-02", "1974-08", "1972-11-23", "17542544369", "5578949", NUMBER):
        assert secret not in shown, secret
    assert dialog.fields.editors["birth_date"].text() == "1974-**-**"
    assert dialog.fields.editors["spouse_birth_date"].text() == "1972-**-**"
    assert dialog.fields.editors["mobile"].text() == "175****4369"
    assert dialog.fields.editors["phone"].text() == "0572-****949"
    # read only: no save offered, and saving anyway writes nothing
    assert dialog.save_button.isHidden() and not dialog.save_button.isEnabled()
    assert not dialog.fields.editors["mobile"].isEnabled()
    dialog.save()
    assert not dialog.changed_anything
    assert ws.persons().get(pid).row_version == version
    stored = ws.persons().get(pid).draft
    assert stored.mobile == "17542544369" and stored.birth_date == BIRTH


def test_a_masked_detail_is_never_saved_back(qtbot: QtBot, db: Database, ws: Workspace,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """Were a role to edit without the unmask permission, its dialog would hold masked phones
    and birth years: it is read-only rather than writing them over the stored values."""
    pid = ws.persons().create(PersonDraft(name="钱秀英", district="长兴县", id_number=NUMBER,
                                          mobile="17542544369"))
    accounts.AccountService(db.sessions).create_user(
        ws.actor, name="clerk9", display_name="录入", role=Role.CLERK, password="clerk-1234")
    clerk = accounts.AccountService(db.sessions).login("clerk9", "clerk-1234")
    monkeypatch.setitem(ROLE_PERMISSIONS, Role.CLERK,
                        ROLE_PERMISSIONS[Role.CLERK] - {Perm.UNMASK})
    dialog = PersonDialog(Workspace(db, clerk, ws.association), pid)
    qtbot.addWidget(dialog)
    assert dialog.fields.editors["mobile"].text() == "175****4369"
    assert not dialog.can_edit and dialog.save_button.isHidden()
    dialog.save()
    assert ws.persons().get(pid).draft.mobile == "17542544369"
