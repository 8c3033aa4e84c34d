"""删除 and 撤销称号… in the 荣誉 tab (walk-through, December 2026): with no honor chosen both
buttons were on and did nothing when clicked; 撤销称号… on a revoked title likewise. They are
off now, saying why, and act on the honor being edited."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.services.workspace import Workspace
from desktop.views.register.person_dialog import PersonDialog

TITLES = ("全国劳动模范", "全国五一劳动奖章", "浙江省劳动模范", "湖州市劳动模范")


def test_remove_acts_on_the_honor_being_edited(qtbot: QtBot, ws: Workspace) -> None:
    dialog = PersonDialog(ws, None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    honors = dialog.honors
    dialog.tabs.setCurrentWidget(honors)
    assert not honors.remove_button.isEnabled() and honors.remove_button.toolTip()
    assert not honors.revoke_button.isEnabled() and honors.revoke_button.toolTip()
    for title in TITLES:
        honors.add_row().title.setCurrentText(title)
    assert honors.remove_button.isEnabled() and honors.revoke_button.isEnabled()
    dialog.activateWindow()
    first = honors.rows[0].year
    qtbot.mouseClick(first, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(first.hasFocus)
    qtbot.mouseClick(honors.remove_button, Qt.MouseButton.LeftButton)
    assert [r.title.currentText() for r in honors.rows] == list(TITLES[1:])
    dialog.hide()  # closed without the "discard the changes?" question


def test_a_revoked_title_cannot_be_revoked_again(qtbot: QtBot, ws: Workspace) -> None:
    dialog = PersonDialog(ws, None)
    qtbot.addWidget(dialog)
    row = dialog.honors.add_row()
    row.title.setCurrentText("湖州市劳动模范")
    row.revoked_date.setText("2020-01-01")
    assert not dialog.honors.revoke_button.isEnabled()
    assert "已" in dialog.honors.revoke_button.toolTip()


def test_a_closed_form_leaves_no_check_pending(qtbot: QtBot, ws: Workspace) -> None:
    """A check still pending after the window closed ran on a database already closed (seen
    as an error in the next test; in the program, after switching databases)."""
    dialog = PersonDialog(ws, None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.honors.add_row().title.setCurrentText("湖州市劳动模范")
    assert dialog._timer.isActive()
    dialog.hide()
    assert not dialog._timer.isActive()
    dialog.honors.add_row().title.setCurrentText("全国劳动模范")
    assert dialog._timer.isActive()
    dialog.close()
    assert not dialog._timer.isActive()
