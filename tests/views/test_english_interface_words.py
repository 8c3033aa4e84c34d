"""Issue 14, point 3: in English mode no interface word is Chinese. Each page and dialog is
read whole (tests/views/english_support.py); only person data (names, work units, districts,
honor titles, free text typed by the clerk) may stay Chinese. Values are still stored as the
Chinese words the prints need."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.services.register.types import RegisterFilter
from desktop.services.workspace import Workspace
from desktop.views import i18n
from desktop.views.register.person_dialog import PersonDialog
from tests.views.english_support import HAN, chinese_words

PLACES = ("field_district", "field_hukou_region", "honor_title", "honor_granting_body",
          "status_to_district", "status_from_district")
"""Choice lists of place names and honor titles: person data, Chinese in both languages."""


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    i18n.install(qapp, "en")
    yield
    i18n.install(qapp, "zh_CN")


def test_the_person_dialog_offers_english_choices(qtbot: QtBot, demo_ws: Workspace,
                                                  english: None) -> None:
    row = next(r for r in demo_ws.register().rows(RegisterFilter(), limit=100)
               if r.treatment_level and r.employment_status)
    detail = demo_ws.persons().get(row.id)
    dialog = PersonDialog(demo_ws, row.id)
    qtbot.addWidget(dialog)
    person = [detail.draft.name, detail.draft.work_unit or "", detail.draft.address or "",
              detail.draft.native_place or "", detail.draft.position or "",
              *(h.title for h in detail.draft.honors),
              *(h.granting_body or "" for h in detail.draft.honors)]
    for tab in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(tab)
        found = chinese_words(dialog, data=person, skip=PLACES)
        assert not found, (dialog.tabs.tabText(tab), found)

    fields = dialog.fields.editors
    fields["ethnicity"].select_label("Zhuang")
    fields["political_status"].select_label("Masses")
    fields["employment_status"].select_label("Retired")
    fields["health_status"].setEditText("Good")
    values = dialog.fields.values()
    assert (values["ethnicity"], values["political_status"], values["employment_status"],
            values["health_status"]) == ("08", "13", "离退休", "良好")  # stored as before
    fields["health_status"].setEditText("腰痛")  # free text stays free text
    assert dialog.fields.values()["health_status"] == "腰痛"
    level = dialog.honors.rows[0].level
    assert level.currentText() in ("National", "Provincial", "City", "County")
    assert dialog.honors.rows[0].draft().level in ("全国", "省部级", "市级", "县级")


PERSON_COLUMNS = ("weekTable", *(f"{t}:{c}" for t in (
    "candidatesTable", "coverageTable", "scheduleTable", "worklistTable", "eligibilityTable",
    "rosterTable") for c in ("Name", "District", "Township", "Team", "Work unit", "Honors",
                             "What")))
"""Columns of person data (and the work list's notes typed by the teams); the week view shows
names and townships only."""


def test_the_visits_pages_and_dialogs_in_english(qtbot: QtBot, demo_ws: Workspace,
                                                english: None) -> None:
    from desktop.views.tasks import TaskRunner
    from desktop.views.visits.campaign_dialog import CampaignDialog
    from desktop.views.visits.recuperation_page import BatchDialog, RecuperationPage
    from desktop.views.visits.visit_record_dialog import VisitRecordDialog
    from desktop.views.visits.visits_page import VisitsPage

    svc = demo_ws.visits()
    campaigns = svc.campaigns()
    places = demo_ws.register().districts()
    data = [*(c.title for c in campaigns), *places,
            *(t for b in demo_ws.recuperation().batches() for t in (b.name, b.destination))]
    tasks = TaskRunner()
    page = VisitsPage(demo_ws, tasks)
    qtbot.addWidget(page)
    page.refresh()
    qtbot.waitUntil(lambda: not page.loading and bool(page.visits), timeout=20000)
    for c in range(page.campaign.count()):
        page.campaign.setCurrentIndex(c)
        qtbot.waitUntil(lambda: not page.loading, timeout=20000)
        for tab in range(page.tabs.count()):
            page.tabs.setCurrentIndex(tab)
            removed = [r.note for r in page.coverage_model.rows if r.problem == "removed"]
            found = chinese_words(page, data=[*data, *removed], skip=PERSON_COLUMNS)
            assert not found, (page.campaign.currentText(), page.tabs.tabText(tab), found)
    reasons = {page.candidate_model.data(page.candidate_model.index(r, 4))
               for r in range(page.candidate_model.rowCount())}
    assert reasons & {"National model worker", "Hardship file"}, reasons
    assert "Rules: treatment level" in page.summary.text()
    from desktop.services.visits.types import WorkItem
    birthday = WorkItem("birthday", visit_person := page.visits[0].person_id, "张三", "长兴县",
                        dt.date(2027, 1, 5), "80 岁生日", None, age=80)
    assert page._work_what(birthday) == "80th birthday"
    year_only = WorkItem("birthday", visit_person, "张三", "长兴县", dt.date(2027, 1, 1),
                         "2027年 90 岁生日", None, year_only=True, age=90)
    assert page._work_what(year_only) == "90th birthday" and year_only.day_shown == "2027"
    follow_up = WorkItem("follow_up", visit_person, "张三", "长兴县", dt.date(2027, 1, 5),
                         "需要回访", None)
    assert page._work_what(follow_up) == "Follow-up needed"

    dialog = CampaignDialog(svc, campaigns[0].id, places)
    qtbot.addWidget(dialog)
    # the goods are printed on the Chinese visit lists as typed (default 慰问品一份)
    assert not chinese_words(dialog, data=data, skip=["campaignStandards:Goods"])
    assert dialog.draft().occasion == campaigns[0].occasion  # stored in Chinese
    assert all(lv in ("全国", "省部级", "市级", "县级") for lv in dialog.draft().rules.levels)
    new = CampaignDialog(svc, None, places)
    qtbot.addWidget(new)
    new.occasion.setCurrentIndex(new.occasion.findText("Mid-Autumn Festival"))
    assert new.draft().occasion == "中秋"

    from desktop.views.visits.visit_schedule_dialogs import AutoScheduleDialog
    teams = svc.teams(campaigns[0].id)
    people = [t.name for t in teams] + [p for t in teams for p in (t.leader, *t.members)]
    schedule = AutoScheduleDialog(teams, svc.campaign(campaigns[0].id))
    qtbot.addWidget(schedule)
    assert teams and not chinese_words(schedule, data=people)  # "（组长）" was Chinese

    visit = page.visits[0]
    record = VisitRecordDialog(svc, visit)
    qtbot.addWidget(record)
    assert not chinese_words(record, data=[visit.name, visit.district, visit.address])
    record.way.setCurrentIndex(record.way.findText("By telephone"))
    assert record.way.currentData() == "电话"

    recuperation = RecuperationPage(demo_ws, tasks)
    qtbot.addWidget(recuperation)
    recuperation.refresh()
    qtbot.waitUntil(lambda: not recuperation.loading and bool(recuperation.summary.text()),
                    timeout=20000)
    for tab in range(recuperation.tabs.count()):
        recuperation.tabs.setCurrentIndex(tab)
        found = chinese_words(recuperation, data=data, skip=PERSON_COLUMNS)
        assert not found, (recuperation.tabs.tabText(tab), found)
    batch = BatchDialog(demo_ws)
    qtbot.addWidget(batch)
    assert not chinese_words(batch, data=data)
    tasks.wait(10000)


def test_the_hardship_dialogs_in_english(qtbot: QtBot, demo_ws: Workspace,
                                         english: None) -> None:
    from desktop.views.hardship.hardship_actions import OpinionDialog, PaymentDialog
    from desktop.views.hardship.hardship_dialog import HardshipDialog

    cases = demo_ws.hardship_lists().cases()
    with_payments = [c for c in cases if c.status == "approved"] or cases
    for case in {with_payments[0].id: with_payments[0], cases[0].id: cases[0]}.values():
        dialog = HardshipDialog(demo_ws, case_id=case.id, person=None)
        qtbot.addWidget(dialog)
        data = [case.person_name, case.district, case.serial]
        for tab in range(dialog.tabs.count()):
            dialog.tabs.setCurrentIndex(tab)
            # typed by people: the household members, opinions, payers; the register's names
            found = chinese_words(dialog, data=data, skip=(
                "householdMembers", "incomeWarning", "hardshipHistory:By",
                "hardshipHistory:Opinion", "payments:Payer", "payments:Recorded by",
                "payments:Override reason", "payments:Account", "attachments:Added by"))
            assert not found, (dialog.tabs.tabText(tab), found)
    for action in ("verify", "notice", "approve", "reject", "close"):
        opinion = OpinionDialog(action, None)
        qtbot.addWidget(opinion)
        assert not chinese_words(opinion), action
    verify = OpinionDialog("verify", None)
    qtbot.addWidget(verify)
    verify.method.setCurrentIndex(verify.method.findText("Telephone"))
    assert verify.method.currentData() == "电话"
    payment = PaymentDialog(lambda *a: [])
    qtbot.addWidget(payment)
    assert not chinese_words(payment)
    payment.kind.setCurrentIndex(payment.kind.findText("Education aid"))
    assert payment.kind.currentData() == "助学"


def test_the_export_dialog_names_columns_in_english(qtbot: QtBot, demo_ws: Workspace,
                                                    english: None) -> None:
    """The sheet keeps its Chinese headings (for the officials); the dialog names them in
    English, the heading in the tooltip."""
    from desktop.core.reference_words import EXPORT_TEMPLATE
    from desktop.exchange.register_export import BUILTIN_TEMPLATES, column_title
    from desktop.views.imports.export_dialog import ExportDialog
    from desktop.views.tasks import TaskRunner

    dialog = ExportDialog(demo_ws, TaskRunner(), RegisterFilter())
    qtbot.addWidget(dialog)
    assert not chinese_words(dialog)
    first = dialog.columns.item(0)
    key = first.data(256)  # Qt.UserRole
    assert column_title(key) in first.toolTip()
    assert set(BUILTIN_TEMPLATES) == set(EXPORT_TEMPLATE)


def test_no_english_choice_is_cut_in_the_person_dialog(qtbot: QtBot, demo_ws: Workspace,
                                                       english: None) -> None:
    """The longest English words (political parties, insurance schemes) fit their field in
    the dialog's own size (the whole insurance words were cut: "…n employees' basic…")."""
    from desktop.views.form_widgets import ChoiceField

    dialog = PersonDialog(demo_ws, None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    cut = []
    for tab in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(tab)
        QApplication.processEvents()
        for field in dialog.findChildren(ChoiceField):
            if not field.isVisible() or field.objectName() in PLACES:
                continue
            room = field.lineEdit().width()
            cut += [(field.objectName(), field.itemText(i)) for i in range(field.count())
                    if field.fontMetrics().horizontalAdvance(field.itemText(i)) > room]
    assert not cut, cut


def test_the_handoff_report_and_ledger_in_english(qtbot: QtBot, english: None) -> None:
    """The 汇总 page's dry-run report and the ledger's kinds and states were Chinese."""
    from desktop.services.handoff.service import LedgerRow
    from desktop.views.handoff.base import LedgerTable, report_text

    report = {
        "district": "长兴县", "sequence": 2, "quarter": "2026Q4",
        "counts": {"person": {"new": 3, "changed": 1, "unchanged": 5, "skipped": 0,
                              "removed": 0}},
        "items": [{"kind": "move_pair", "status": "open", "detail": {"name": "程连"},
                   "district": "长兴县", "other_district": "德清县"}],
        "checks": [{"kind": "honors_differ", "name": "程连", "district": "长兴县",
                    "other_district": "德清县",
                    "detail": {"only_here": ["全国劳动模范（2010）"], "only_there": []}}],
        "changed_persons": [{"name": "曹炳富", "fields": {
            "life_status": ["alive", "deceased"], "is_lost_contact": [False, True],
            "birth_date": ["1953", "1953（隐藏部分有变化）"]}}]}
    text = report_text(report, "en")
    data = ["长兴县", "德清县", "程连", "曹炳富", "全国劳动模范（2010）"]
    for d in data:
        text = text.replace(d, "")
    assert not HAN.search(text), text
    assert "Persons: new 3" in text and "lost contact: no → yes" in text, text
    assert "1953 → 1953 (changed in the hidden part)" in text, text
    assert "失联：否 → 是" in report_text(report)  # Chinese stays for Chinese mode
    assert "1953 → 1953（隐藏部分有变化）" in report_text(report)
    parent = QWidget()
    qtbot.addWidget(parent)
    ledger = LedgerTable(parent)
    ledger.show_rows([LedgerRow(1, "in", "district", "长兴县", "2026Q4", 2, "staged", "ab",
                                {"person": 3}, "2026-12-01", "admin", None, 1)])
    shown = [ledger.item(0, c).text() for c in range(ledger.columnCount())]
    assert shown[1] == "Package" and shown[5] == "Staged", shown


def test_the_import_mapping_offers_english_fields(qtbot: QtBot, demo_ws: Workspace,
                                                  english: None, tmp_path: Path) -> None:
    """The fields a column is mapped to were the Chinese headings (姓名, 身份证号码)."""
    from desktop.views.imports.import_wizard import ImportWizard
    from desktop.views.tasks import TaskRunner
    from tests.exchange.import_support import write_clerk_workbook

    wizard = ImportWizard(demo_ws.importer(), TaskRunner())
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path.setText(str(write_clerk_workbook(tmp_path / "名册.xlsx")))
    wizard.next()
    page = wizard.mapping_page
    qtbot.waitUntil(lambda: page.preview is not None, timeout=20000)
    assert page.preview is not None
    data = [*page.preview.titles, *(str(v) for _, row in page.preview.sample for v in row),
            *page.preview.sheets, "名册.xlsx"]  # the clerk's own sheet
    assert not chinese_words(page, data=data)
    assert "ID number" in [page._combos[0].itemText(i) for i in range(page._combos[0].count())]
    assert "id_number" in page.mapping().values()  # found from the Chinese heading
