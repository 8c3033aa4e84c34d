"""Issue 14, point 3, found again in the walk-through: in English the hardship categories
(深度困难, 相对困难), the visits' half days (上午, 下午) and a recuperation batch's organiser
(市总, 区县) stayed Chinese. They are shown in the UI's language and still stored as the
Chinese words."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from desktop.services.workspace import Workspace
from desktop.views import i18n
from desktop.views.hardship.hardship_dialog import HardshipDialog
from desktop.views.hardship.hardship_page import HardshipPage
from desktop.views.tasks import TaskRunner
from desktop.views.visits.recuperation_page import BatchDialog, RecuperationPage
from desktop.views.visits.visit_schedule_dialogs import AssignDialog
from desktop.views.visits.visits_page import VisitsPage

HAN = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    i18n.install(qapp, "en")
    yield
    i18n.install(qapp, "zh_CN")


def test_categories_and_half_days_in_english(qtbot: QtBot, demo_ws: Workspace,
                                             english: None) -> None:
    tasks = TaskRunner()
    page = HardshipPage(demo_ws, tasks)
    qtbot.addWidget(page)
    page.refresh()
    qtbot.waitUntil(lambda: not page.loading, timeout=20000)
    everything = page.tables["all"]
    assert everything.rowCount() > 0
    header = [everything.horizontalHeaderItem(c).text() for c in range(everything.columnCount())]
    column = header.index("Category")
    categories = {everything.item(r, column).text() for r in range(everything.rowCount())}
    assert categories and not any(HAN.search(c) for c in categories), categories
    totals = {page.totals.item(r, 1).text() for r in range(page.totals.rowCount())}
    assert totals and not any(HAN.search(c) for c in totals), totals

    case = demo_ws.hardship_lists().cases()[0]
    dialog = HardshipDialog(demo_ws, case_id=case.id, person=None)
    qtbot.addWidget(dialog)
    combo = dialog.household.category
    assert not HAN.search(combo.currentText()) and combo.currentData() == case.category
    assert dialog.household.draft(case.person_id, None).category == case.category  # stored
    causes = [dialog.household.main_cause.itemText(i)
              for i in range(dialog.household.main_cause.count())]
    assert causes and not any(HAN.search(c) for c in causes), causes
    # the household table's relation, health and status words (配偶, 在职 showed Chinese),
    # still stored as the Chinese words
    form = dialog.household
    row = form.members.rowCount()
    form.add_member()
    for column, word in ((0, "刘芳"), (1, "配偶"), (3, "良好"), (4, "600"), (5, "在职")):
        form.set_member(row, column, word)
    shown = [form.members.item(row, c).text() for c in (1, 3, 5)]
    assert not any(HAN.search(w) for w in shown), shown
    kept = form.draft(case.person_id, None).members[-1]
    assert (kept.relation, kept.health, kept.status) == ("配偶", "良好", "在职")

    visits = VisitsPage(demo_ws, tasks)
    qtbot.addWidget(visits)
    visits.refresh()
    qtbot.waitUntil(lambda: not visits.loading and bool(visits.visits), timeout=20000)
    model = visits.schedule_model
    slots = {model.data(model.index(r, 1)) for r in range(model.rowCount())} - {"", None}
    assert slots and slots <= {"Morning", "Afternoon"}, slots
    first = next(v for v in visits.visits if v.time_slot == "下午")
    assign = AssignDialog(demo_ws.visits().teams(first.campaign_id), first)
    qtbot.addWidget(assign)
    assert assign.slot.currentText() == "Afternoon"
    assign.slot.setCurrentText("Morning")
    assert assign.values()[2] == "上午"  # stored in Chinese, as the prints need
    assign.slot.setCurrentText("09:30")
    assert assign.values()[2] == "09:30"
    tasks.wait(10000)



def test_the_batch_organiser_in_english(qtbot: QtBot, demo_ws: Workspace,
                                        english: None) -> None:
    dialog = BatchDialog(demo_ws)
    qtbot.addWidget(dialog)
    offered = [dialog.organiser.itemText(i) for i in range(dialog.organiser.count())]
    assert offered and not any(HAN.search(t) for t in offered), offered
    assert dialog.organiser.currentText() == "City federation"
    assert dialog.draft().organiser == "市总"  # stored as before
    tasks = TaskRunner()
    page = RecuperationPage(demo_ws, tasks)
    qtbot.addWidget(page)
    page.refresh()
    qtbot.waitUntil(lambda: not page.loading and bool(page.summary.text()), timeout=20000)
    assert not any(w in page.summary.text() for w in ("全总", "省总", "市总", "区县"))
    tasks.wait(10000)


def test_the_english_causes_cover_the_reference_list() -> None:
    """The 致困原因 table in English follows resources/reference/codes.json."""
    from desktop.core.vocabulary import HARDSHIP_CAUSE
    from desktop.services.hardship.rules import causes

    assert {code: HARDSHIP_CAUSE[code][0] for code in causes()} == causes()


def test_the_person_dialog_header_and_sex_in_english(qtbot: QtBot, demo_ws: Workspace,
                                                     english: None) -> None:
    from desktop.services.register.types import RegisterFilter
    from desktop.views.register.person_dialog import PersonDialog

    row = next(r for r in demo_ws.register().rows(RegisterFilter(), limit=50)
               if r.treatment_level and r.employment_status)
    dialog = PersonDialog(demo_ws, row.id)
    qtbot.addWidget(dialog)
    header = dialog.findChild(QLabel, "personHeader")
    assert header is not None
    assert "Treatment level:" in header.text()
    assert not any(w in header.text() for w in ("全国", "省部级", "市级", "县级", "在职", "离退休"))
    sex = dialog.fields.editors["sex"]
    assert sex.currentText() in ("Male", "Female")


def test_handoff_counts_use_the_english_colon(qtbot: QtBot, demo_ws: Workspace,
                                             english: None) -> None:
    """报送's counts read "Persons: 300" in English (they read "Persons：")."""
    from desktop.views.handoff.report_page import ReportPage

    page = ReportPage(demo_ws, TaskRunner())
    qtbot.addWidget(page)
    labels = [w.text() for w in page.findChildren(QLabel)
              if w.text().rstrip(": ") in {"Persons", "Visits", "Audit entries"}]
    assert len(labels) == 3 and all(t.endswith(": ") for t in labels), labels
    assert not any("：" in w.text() for w in page.findChildren(QLabel)), "a full-width colon"
