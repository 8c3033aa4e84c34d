"""A reviewer reads a record (walk-through, December 2026): the register offered the reviewer
查看完整身份证号…, the record's own 显示身份证号… was greyed out with the rest of the read-only
form. It stays usable (the reason is asked and audited); the fields stay locked."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desktop.core import idnumber
from desktop.database import Database
from desktop.services import accounts
from desktop.services.permissions import Role
from desktop.services.register.types import PersonDraft
from desktop.services.workspace import Workspace
from desktop.views.register.person_dialog import PersonDialog


def test_a_reviewer_can_show_the_number_of_a_read_only_record(
        qtbot: QtBot, db: Database, ws: Workspace) -> None:
    import datetime as dt

    number = idnumber.make("330522", dt.date(1968, 4, 15), 242)
    person_id = ws.persons().create(PersonDraft(name="王丽华", district="长兴县",
                                                id_number=number))
    svc = accounts.AccountService(db.sessions)
    svc.create_user(ws.actor, name="shenhe", display_name="李审核", role=Role.REVIEWER,
                    password="shenhe2026")
    reviewer = Workspace(db, svc.login("shenhe", "shenhe2026"), ws.association)
    dialog = PersonDialog(reviewer, person_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.save_button.isHidden()
    for name in ("name", "id_number", "sex", "birth_date", "district", "is_farmer_model"):
        assert not dialog.fields.editors[name].isEnabled(), name
    reveal = dialog.fields.reveal_button
    assert reveal.isVisible() and reveal.isEnabled()
    assert not dialog.fields.editors["work_unit"].isEnabled()
