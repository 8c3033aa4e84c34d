"""Issue 14, point 15: in county mode the district filter lists the county only; names on the
visits page follow pinyin; the new batch dialog is wide enough and says 批次名称."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel
from pytestqt.qtbot import QtBot

from desktop.core.search_keys import name_keys
from desktop.services.workspace import Workspace
from desktop.views.preferences import Preferences
from desktop.views.register.register_page import RegisterPage
from desktop.views.tasks import TaskRunner
from desktop.views.visits.recuperation_page import BatchDialog
from desktop.views.visits.visits_page import VisitsPage


def test_county_filter_pinyin_order_and_batch_dialog(qtbot: QtBot, demo_ws: Workspace) -> None:
    tasks = TaskRunner()
    page = RegisterPage(demo_ws, tasks, Preferences())
    qtbot.addWidget(page)
    assert demo_ws.register().districts() == ["长兴县"]  # not the seven Huzhou districts

    visits = VisitsPage(demo_ws, tasks)
    qtbot.addWidget(visits)
    visits.show()
    visits.refresh()
    qtbot.waitUntil(lambda: not visits.loading and visits.candidate_model.rowCount() > 3,
                    timeout=20000)
    rows = visits.candidate_model.rows
    names = [r.name for r in rows if r.district == rows[0].district]
    assert names == sorted(names, key=lambda n: (name_keys(n)[0], n))

    dialog = BatchDialog(demo_ws)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.width() >= 460
    form = dialog.findChild(QFormLayout)
    assert form is not None
    label = form.labelForField(dialog.name)
    assert isinstance(label, QLabel) and label.text() == "批次名称："
    tasks.wait(10000)
