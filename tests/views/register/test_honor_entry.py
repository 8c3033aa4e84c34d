"""Issue 14, point 12: an honor is not saved without its year; the title list has each title
once; the awarding bodies include the county's own (长兴县人民政府, 长兴县总工会)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desktop.services.register.types import RegisterFilter
from desktop.services.workspace import Workspace
from desktop.views.register.person_dialog import PersonDialog


def test_honor_needs_a_year_and_the_lists_fit_the_county(qtbot: QtBot,
                                                         demo_ws: Workspace) -> None:
    person = demo_ws.register().rows(RegisterFilter(), limit=1)[0]
    dialog = PersonDialog(demo_ws, person.id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.validate()
    row = dialog.honors.add_row()
    titles = [row.title.itemText(i) for i in range(row.title.count())]
    assert len(titles) == len(set(titles)) and "湖州市劳动模范" in titles
    bodies = [row.granting_body.itemText(i) for i in range(row.granting_body.count())]
    assert {"长兴县人民政府", "长兴县总工会"} <= set(bodies)
    row.title.setCurrentText("长兴县劳动模范")
    row.level.setCurrentText("县级")
    assert not dialog.validate() and not dialog.save_button.isEnabled()
    assert "请填写获评年份" in row.year.toolTip()
    row.year.setText("2019")
    assert dialog.validate() and dialog.save_button.isEnabled()
    dialog.hide()  # closed without the "discard the changes?" question
