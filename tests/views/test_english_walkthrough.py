"""Issue 14, point 3, the English walk-through of December 2026 at 1366×768: what a new clerk
and an administrator still met in Chinese (or cut) with 设置 → 界面语言 → English. Values stay
stored as the Chinese words the prints need; Chinese mode shows what it showed."""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.database import Database
from desktop.services.permissions import Actor
from desktop.services.workspace import Workspace
from desktop.views import i18n
from desktop.views.register.register_page import RegisterPage
from desktop.views.tasks import TaskRunner
from tests.views.english_support import HAN


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    i18n.install(qapp, "en")
    yield
    i18n.install(qapp, "zh_CN")


def _items(combo: object) -> list[tuple[str, object]]:
    from PySide6.QtWidgets import QComboBox

    assert isinstance(combo, QComboBox)
    return [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())]


def test_the_employment_filter_in_english(qtbot: QtBot, demo_ws: Workspace,
                                          english: None) -> None:
    """更多筛选 → Employment offered 在职, 离退休, 下岗(买断工龄)… in English mode."""
    from desktop.views.preferences import Preferences

    tasks = TaskRunner()
    page = RegisterPage(demo_ws, tasks, Preferences())
    qtbot.addWidget(page)
    page.refresh()
    qtbot.waitUntil(page.up_to_date, timeout=10000)
    combo = page.filters.employment
    items = _items(combo)
    assert ("Employed", "在职") in items and ("Retired", "离退休") in items, items
    assert not [text for text, _ in items if HAN.search(text)], items
    # choosing "Retired" still filters on the stored word
    combo.setCurrentIndex(combo.findData("离退休"))
    assert page.filters.filter().employment_statuses == ("离退休",)
    tasks.wait(10000)


def test_the_employment_filter_in_chinese_as_before(qtbot: QtBot, demo_ws: Workspace) -> None:
    from desktop.views.preferences import Preferences

    tasks = TaskRunner()
    page = RegisterPage(demo_ws, tasks, Preferences())
    qtbot.addWidget(page)
    page.refresh()
    qtbot.waitUntil(page.up_to_date, timeout=10000)
    assert ("离退休", "离退休") in _items(page.filters.employment)
    tasks.wait(10000)


def test_the_preview_line_has_no_chinese_space_in_english(qtbot: QtBot, english: None) -> None:
    """The preview of a document with a serial read "…printed or saved　28 page(s)"."""
    from reportlab.pdfgen import canvas

    from desktop.views.document_preview import DocumentPreviewDialog

    buf = io.BytesIO()
    canvas.Canvas(buf).save()
    dialog = DocumentPreviewDialog(buf.getvalue(), "Cards", "会员证.pdf",
                                   issue=lambda: buf.getvalue())
    qtbot.addWidget(dialog)
    text = dialog.info.text()
    assert "printed or saved" in text and "page(s)" in text, text
    assert not HAN.search(text), text


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_week_view_shows_its_visits_when_its_tab_is_opened(
        qtbot: QtBot, qapp: QApplication, demo_ws: Workspace, language: str) -> None:
    """走访慰问 → 周视图 was blank at 1366×768 in both languages: the rows were measured while
    the tab was hidden (each name wrapped letter by letter), grew ~1,500 pixels tall and
    showed their visits centred far below the view."""
    from PySide6.QtWidgets import QTabWidget

    from desktop.views.visits.visits_page import VisitsPage

    i18n.install(qapp, language)
    try:
        tasks = TaskRunner()
        page = VisitsPage(demo_ws, tasks)
        qtbot.addWidget(page)
        page.resize(1200, 650)
        page.show()
        page.refresh()
        qtbot.waitUntil(lambda: not page.loading and bool(page.visits), timeout=20000)
        tabs = page.findChild(QTabWidget, "visitTabs")
        assert tabs is not None
        tabs.setCurrentWidget(page.week)  # opened after the data came, as a clerk does
        table = page.week.table
        qtbot.waitUntil(lambda: table.viewport().width() > 600)
        first = next(r for r in range(table.rowCount())
                     if any((i := table.item(r, c)) is not None and i.text()
                            for c in range(7)))

        def fits() -> bool:
            return table.rowHeight(first) < table.viewport().height()

        try:
            qtbot.waitUntil(fits, timeout=3000)
        except AssertionError:
            pytest.fail(f"a row of {table.rowHeight(first)} px in a view of "
                        f"{table.viewport().height()} px")
        cell = next(i for c in range(7) if (i := table.item(first, c)) is not None and i.text())
        assert cell.textAlignment() & Qt.AlignmentFlag.AlignTop  # read from the top
        tasks.wait(10000)
    finally:
        i18n.install(qapp, "zh_CN")


def test_the_week_view_names_holidays_in_english(qtbot: QtBot, demo_ws: Workspace,
                                                 english: None) -> None:
    """The day headers named the holiday in Chinese (元旦) in English mode."""
    import datetime as dt

    from desktop.views.visits.visit_week_view import VisitWeekView

    calendar = demo_ws.holidays().calendar()
    new_year = next(d for d in sorted(calendar.holidays) if calendar.holidays[d] == "元旦")
    week = VisitWeekView()
    qtbot.addWidget(week)
    week.set_data([], [], calendar)
    week.show_week(new_year - dt.timedelta(days=new_year.weekday()))
    header = week.table.horizontalHeaderItem(new_year.weekday())
    assert header is not None and "New Year's Day" in header.text(), header.text()
    assert not any(HAN.search(h.text()) for c in range(7)
                   if (h := week.table.horizontalHeaderItem(c)) is not None)


# Chinese an English source string may keep: the product's name, a printed form's own word
# explained in English (补打 is what the reprint says; 迁出/迁入 as the forms write them), the
# district called 市本级, and examples of what a clerk types (after "e.g.").
ALLOWED_CHINESE = ("劳模之家", "补打", "市本级", "(迁出)", "(迁入)")


def test_english_source_strings_hold_no_chinese_words() -> None:
    """"The city proposes its new 市级 honorees…" and "…for 劳动模范协会 offices" (About) showed
    Chinese in English mode: the English source strings themselves held it."""
    import xml.etree.ElementTree as ET

    from desktop.paths import resources_dir

    catalogue = ET.parse(resources_dir() / "i18n" / "laomo_zh_CN.ts").getroot()
    found = []
    for context in catalogue.iter("context"):
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            rest = source.split("e.g.")[0]
            for word in ALLOWED_CHINESE:
                rest = rest.replace(word, "")
            if HAN.search(rest):
                found.append(f"{context.findtext('name')}: {source[:80]}")
    assert not found, found


def test_a_new_batch_is_offered_a_chinese_name_in_english_mode(
        qtbot: QtBot, demo_ws: Workspace, english: None) -> None:
    """新建批次 in English offered "2027 recuperation, batch 1": saved as offered, it was
    printed in the Chinese letters as "确定您参加2027 recuperation, batch 1"."""
    from desktop.views.visits.recuperation_page import BatchDialog

    dialog = BatchDialog(demo_ws)
    qtbot.addWidget(dialog)
    year = dialog.year.value()
    assert dialog.name.text() == f"{year}年疗休养第一批"
    dialog.year.setValue(year - 1)  # the name and first day follow the year until changed
    assert dialog.name.text() == f"{year - 1}年疗休养第一批"
    assert dialog.start.value() is not None and dialog.start.value().year == year - 1
    dialog.destination.setText("舟山普陀")
    dialog.save()
    assert dialog.saved_id is not None
    assert demo_ws.recuperation().batch(dialog.saved_id).name == f"{year - 1}年疗休养第一批"

    typed = BatchDialog(demo_ws)
    qtbot.addWidget(typed)
    typed.name.setText("2027年省总疗休养")
    typed.year.setValue(typed.year.value() - 1)
    assert typed.name.text() == "2027年省总疗休养"  # what the clerk typed stays


def test_lists_in_english_sentences_use_english_commas(
        qtbot: QtBot, db: Database, admin: Actor, english: None) -> None:
    """In English a clerk read "Your role cannot take Approve、Reject: …": lists inside a
    sentence were joined with the Chinese 、 (hardship held steps, documents missing, names in
    the visits' questions, duplicate reasons, the timeline's details, problem lists)."""
    from desktop.views.hardship.hardship_dialog import HardshipDialog
    from tests.hardship_support import CAST, add_people, walk
    from tests.views.conftest import make_workspace

    (person,) = add_people(db, 1)
    case_id = walk(db, person, "notice")
    dialog = HardshipDialog.open_case(make_workspace(db, CAST["clerk"]), case_id)
    qtbot.addWidget(dialog)
    held = [line for line in dialog.held.text().splitlines() if "Your role" in line]
    assert len(held) == 1, dialog.held.text()
    assert "、" not in held[0] and ", " in held[0], held[0]


def test_lists_in_chinese_sentences_keep_the_chinese_comma(
        qtbot: QtBot, db: Database, admin: Actor) -> None:
    from desktop.views.hardship.hardship_dialog import HardshipDialog
    from tests.hardship_support import CAST, add_people, walk
    from tests.views.conftest import make_workspace

    (person,) = add_people(db, 1)
    case_id = walk(db, person, "notice")
    dialog = HardshipDialog.open_case(make_workspace(db, CAST["clerk"]), case_id)
    qtbot.addWidget(dialog)
    held = [line for line in dialog.held.text().splitlines() if "您的角色" in line]
    assert len(held) == 1 and "、" in held[0], dialog.held.text()


def test_the_hardship_household_words_in_english(qtbot: QtBot, demo_ws: Workspace,
                                                 english: None) -> None:
    """困难档案 → Household showed Health 良好, Housing 商品房 in English (plain text fields);
    they are offered and shown in English and still stored as the Chinese words."""
    from desktop.views.hardship.hardship_dialog import HardshipDialog

    case = demo_ws.hardship_lists().cases()[0]
    dialog = HardshipDialog(demo_ws, case_id=case.id, person=None)
    qtbot.addWidget(dialog)
    form = dialog.household
    # the words as a file stores them, whatever the demo's household holds
    form.show_detail(dataclasses.replace(demo_ws.hardship().get(case.id),
                                         health_status="良好", housing_type="商品房"),
                     editable=True)
    assert form.health.currentText() == "Good"
    assert form.housing.currentText() == "Commercial housing"
    offered = [form.housing.itemText(i) for i in range(form.housing.count())]
    assert "Rented" in offered and not any(HAN.search(t) for t in offered), offered
    form.housing.select_label("Self-built house")
    form.insurance.setEditText("职工医保")  # free text stays free text
    draft = form.draft(case.person_id, None)
    assert (draft.health_status, draft.housing_type, draft.insurance) == (
        "良好", "自建房", "职工医保")


def test_the_hardship_household_words_in_chinese_as_before(
        qtbot: QtBot, demo_ws: Workspace) -> None:
    from desktop.views.hardship.hardship_dialog import HardshipDialog

    case = demo_ws.hardship_lists().cases()[0]
    dialog = HardshipDialog(demo_ws, case_id=case.id, person=None)
    qtbot.addWidget(dialog)
    dialog.household.show_detail(dataclasses.replace(demo_ws.hardship().get(case.id),
                                                     health_status="良好"), editable=True)
    assert dialog.household.health.currentText() == "良好"
    assert dialog.household.draft(case.person_id, None).health_status == "良好"


def test_a_rejected_rows_field_begins_its_sentence_with_a_capital(
        qtbot: QtBot, english: None) -> None:
    """The import's dry run said "sex: Cannot read the sex “未知” (男 or 女)." in English."""
    from desktop.services.imports.types import ImportResult, RowOutcome, RowProblem
    from desktop.views.imports.import_wizard import ResultTable

    problem = RowProblem(6, "sex", "sex_unreadable", {"value": "未知"})
    result = ImportResult("a.xlsx", "s", 3, (), {}, True, False, None,
                          {"new": 0, "updated": 0, "unchanged": 0, "rejected": 1,
                           "duplicate": 0},
                          (RowOutcome(6, "rejected", "张三", problems=(problem,)),), ())
    table = ResultTable(None)  # type: ignore[arg-type]
    qtbot.addWidget(table)
    table.show_result(result)
    assert table.item(0, 3).text().startswith("Sex: Cannot read the sex"), table.item(0, 3).text()


def test_a_rejected_rows_field_in_chinese_as_before(qtbot: QtBot) -> None:
    from desktop.core.texts import problem_text
    from desktop.errors import FieldProblem

    assert problem_text(FieldProblem("sex", "sex_unreadable", {"value": "未知"})).startswith(
        "性别：无法识别的性别")
