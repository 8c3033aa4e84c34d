"""报送 and 汇总 pages: a county writes its package, the city imports it (report shown), a
reviewer merges it from the page, a receipt goes back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop.core import idnumber
from desktop.services.register.types import PersonDraft
from desktop.views.handoff.handoff_page import ReportPage, SummaryPage, current_quarter
from desktop.views.main_window import MainWindow
from desktop.views.preferences import Preferences
from desktop.views.tasks import TaskRunner
from tests.handoff.support import make_office


def test_report_and_summary_pages(qtbot: QtBot, tmp_path: Path, sqlite_template: Path) -> None:
    city = make_office(tmp_path, sqlite_template, "湖州市")
    county = make_office(tmp_path, sqlite_template, "长兴县")
    try:
        county.persons().create(PersonDraft(
            name="朱荣荣", district="长兴县",
            id_number=idnumber.make("330522", dt.date(1960, 5, 1), 11)))
        tasks = TaskRunner()
        report_page = ReportPage(county.ws(), tasks)
        report_page.keys_dir = county.keys
        summary = SummaryPage(city.ws(), tasks)
        summary.keys_dir = city.keys
        qtbot.addWidget(report_page)
        qtbot.addWidget(summary)
        assert report_page.quarter.currentText() == current_quarter()

        summary.save_card_file(tmp_path / "city.lmcard")
        report_page.trust_file(tmp_path / "city.lmcard")
        qtbot.waitUntil(lambda: "湖州市" in report_page.status.text())
        report_page.save_card_file(tmp_path / "cx.lmcard")
        summary.trust_file(tmp_path / "cx.lmcard")

        report_page.quarter.setCurrentText("2026Q4")
        report_page.export_file(tmp_path / "cx.lmpkg")
        qtbot.waitUntil(lambda: report_page.table.rowCount() == 1, timeout=20000)
        assert "已报送" in report_page.table.item(0, 5).text()
        assert "第 1 号" in report_page.result.text()

        summary.import_file(tmp_path / "cx.lmpkg")
        qtbot.waitUntil(lambda: summary.table.rowCount() == 1, timeout=20000)
        assert "新增 1" in summary.report.toPlainText()
        assert summary.table.item(0, 5).text() == "已暂存"

        reviewer_page = SummaryPage(city.ws(city.reviewer), tasks)
        reviewer_page.keys_dir = city.keys
        qtbot.addWidget(reviewer_page)
        reviewer_page.refresh()
        qtbot.waitUntil(lambda: reviewer_page.table.rowCount() == 1, timeout=20000)
        reviewer_page.table.selectRow(0)
        reviewer_page.merge_selected()
        qtbot.waitUntil(lambda: reviewer_page.table.rowCount() == 1
                        and reviewer_page.table.item(0, 5).text() == "已合并", timeout=20000)
        summary.refresh()  # the clerk/admin who imported writes the receipt
        qtbot.waitUntil(lambda: summary.table.item(0, 5).text() == "已合并", timeout=20000)
        summary.table.selectRow(0)
        summary.receipt_file(tmp_path / "receipt")
        assert (tmp_path / "receipt").exists()
        report_page.import_file(tmp_path / "receipt")
        qtbot.waitUntil(lambda: "已回执" in (report_page.table.item(0, 5).text()
                                          if report_page.table.rowCount() else ""),
                        timeout=20000)

        window = MainWindow(city.ws(), Preferences())
        qtbot.addWidget(window)
        pages = [window.nav.item(i).text() for i in range(window.nav.count())]
        assert "汇总" in pages and isinstance(window.page("handoff"), SummaryPage)
    finally:
        city.db.dispose()
        county.db.dispose()


def test_the_report_names_fields_and_codes_in_words() -> None:
    from desktop.views.handoff.base import report_text

    text = report_text({
        "district": "长兴县", "sequence": 2, "quarter": "2026Q4",
        "items": [{"kind": "move_pair", "status": "open", "detail": {"name": "程连"},
                   "district": "长兴县", "other_district": "德清县"}],
        "changed_persons": [{"name": "曹炳富", "fields": {
            "life_status": ["alive", "deceased"], "death_date": [None, "2026-10-12"],
            "is_lost_contact": [False, True]}}]})
    assert "生存状态：在世 → 已故" in text and "去世日期：空 → 2026-10-12" in text
    assert "失联：否 → 是" in text and "迁出/迁入配对（待处理）" in text
    assert "life_status" not in text and "open" not in text and "None" not in text
