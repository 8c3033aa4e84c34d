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


def test_proof_of_title_is_off_for_a_person_without_a_kept_title(
        qtbot: QtBot, ws: Workspace) -> None:
    """It ran 正在生成荣誉称号证明… and then refused: 李秀英 没有未撤销的荣誉称号."""
    from desktop.services.register.types import HonorDraft

    without = ws.persons().create(PersonDraft(name="李秀英", district="长兴县", sex="2"))
    dialog = PersonDialog(ws, without)
    qtbot.addWidget(dialog)
    assert dialog.proof_button is not None
    assert not dialog.proof_button.isEnabled() and "李秀英" in dialog.proof_button.toolTip()
    holder = ws.persons().create(PersonDraft(name="王丽华", district="长兴县", sex="2", honors=(
        HonorDraft(title="湖州市劳动模范", level="市级", year=1996),)))
    dialog = PersonDialog(ws, holder)
    qtbot.addWidget(dialog)
    assert dialog.proof_button is not None and dialog.proof_button.isEnabled()
