"""The person form checks phone and mobile numbers as they are typed: what cannot be a number
is shown under its field and blocks 保存; a landline typed as the mobile, or a mobile typed as
the phone, is said beside the field and saved as typed; extensions and short numbers pass."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desktop.services.workspace import Workspace
from desktop.views.register.person_dialog import PersonDialog
from tests.views.register.test_person_dialog import _problem, _settled


def _warning(dialog: PersonDialog, field: str) -> str:
    box = dialog.fields.boxes[field]
    return box.warning.text() if not box.warning.isHidden() else ""


def test_phone_numbers_are_checked_beside_their_fields(qtbot: QtBot, ws: Workspace) -> None:
    dialog = PersonDialog(ws)
    qtbot.addWidget(dialog)
    f = dialog.fields.editors
    f["name"].setText("朱荣荣")
    _settled(qtbot, dialog, can_save=True)

    f["mobile"].setText("1390572123")  # a digit short
    _settled(qtbot, dialog, can_save=False)
    assert "1 开头的 11 位数字" in _problem(dialog, "mobile") and "10 位" in _problem(
        dialog, "mobile")
    f["mobile"].setText("13905721234")
    f["phone"].setText("0572-6O21234")  # the letter O
    _settled(qtbot, dialog, can_save=False)
    assert _problem(dialog, "mobile") == ""
    assert "有字母" in _problem(dialog, "phone")

    # what could be a real number passes: an extension, a network's short number
    f["phone"].setText("0572-6021234转8012")
    f["mobile"].setText("661234")
    _settled(qtbot, dialog, can_save=True)
    assert _problem(dialog, "phone") == _problem(dialog, "mobile") == ""

    # a landline typed as the mobile, a mobile as the phone: said, saved as typed
    f["mobile"].setText("0572-6021234")
    f["phone"].setText("")
    _settled(qtbot, dialog, can_save=True)
    assert "固定电话号码" in _warning(dialog, "mobile") and _problem(dialog, "mobile") == ""
    f["mobile"].setText("")
    f["phone"].setText("13905721234")
    _settled(qtbot, dialog, can_save=True)
    assert "是手机号码" in _warning(dialog, "phone") and _warning(dialog, "mobile") == ""
    dialog.save()
    assert dialog.created_id is not None
    detail = ws.persons().get(dialog.created_id)
    assert detail.draft.phone == "13905721234"
