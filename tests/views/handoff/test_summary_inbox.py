"""汇总 through the widgets: the inbox per district (received → verified → staged → merged →
receipt sent, or none yet), why merge is disabled for the importer, a reviewer merging, and a
refused package said on the page."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from desktop.core import idnumber
from desktop.services.register.types import PersonDraft
from desktop.views.handoff.summary_page import SummaryPage
from desktop.views.reason_dialog import ReasonDialog
from desktop.views.tasks import TaskRunner
from tests.handoff.support import Office, enrol, make_office


def summary(qtbot: QtBot, city: Office, tasks: TaskRunner, actor: object = None
            ) -> SummaryPage:
    page = SummaryPage(city.ws(actor), tasks)  # type: ignore[arg-type]
    page.keys_dir = city.keys
    qtbot.addWidget(page)
    page.resize(1100, 650)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: page.inbox.rowCount() == 2, timeout=20000)
    return page


def test_inbox_merge_reason_and_refusal(qtbot: QtBot, tmp_path: Path,
                                        sqlite_template: Path) -> None:
    tasks = TaskRunner()
    city, cx, dq = (make_office(tmp_path, sqlite_template, n)
                    for n in ("湖州市", "长兴县", "德清县"))
    try:
        enrol(city, cx, dq)
        cx.persons().create(PersonDraft(
            name="朱荣荣", district="长兴县",
            id_number=idnumber.make("330522", dt.date(1960, 5, 1), 11)))
        package = tmp_path / "cx.lmpkg"
        cx.handoff().export("2026Q4", package)

        page = summary(qtbot, city, tasks)
        assert page.minimumSizeHint().height() <= 560 and page.minimumSizeHint().width() <= 1150
        assert page.inbox_cell("德清县", 2) == ""
        assert page.inbox_cell("德清县", 1) == "尚未收到"
        assert not page.buttons["mergePackage"].isEnabled()
        page.import_file(package)
        qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=20000)
        assert "已核验并暂存" in page.message.text()
        assert page.inbox_cell("长兴县", 2) == "✓ 已接收  ✓ 已核验  ✓ 已暂存  … 已合并  … 已发回执"
        assert page.inbox_cell("长兴县", 1) == "第 1 号（2026Q4）"
        page.table.selectRow(0)
        merge = page.buttons["mergePackage"]
        assert not merge.isEnabled()
        assert "是您导入的" in page.merge_reason.text() and "是您导入的" in merge.toolTip()

        # the same package again: refused, said on the page, nothing added
        page.import_file(package)
        qtbot.waitUntil(lambda: "已经导入过" in page.message.text(), timeout=20000)
        assert "#b00020" in page.message.styleSheet()
        assert page.table.rowCount() == 1
        assert page.message.text().startswith("cx.lmpkg：")  # which file of the stick
        # a truncated copy: which file, and what is wrong, in words
        cut = tmp_path / "长兴县-2026Q4-1.lmpkg"
        cut.write_bytes(package.read_bytes()[:3000])
        page.import_file(cut)
        qtbot.waitUntil(lambda: "无法解密" in page.message.text(), timeout=20000)
        said = page.message.text()
        assert said.startswith("长兴县-2026Q4-1.lmpkg：数据包已损坏或不完整"), said
        assert "decryption" not in said
        assert page.table.rowCount() == 1

        reviewer = summary(qtbot, city, tasks, city.reviewer)
        qtbot.waitUntil(lambda: reviewer.table.rowCount() == 1, timeout=20000)
        reviewer.table.selectRow(0)
        assert reviewer.buttons["mergePackage"].isEnabled()
        assert reviewer.merge_reason.text() == ""
        assert not reviewer.buttons["importPackage"].isEnabled()  # a reviewer does not import
        reviewer.buttons["mergePackage"].click()
        qtbot.waitUntil(lambda: "✓ 已合并" in reviewer.inbox_cell("长兴县", 2), timeout=20000)
        # 撤销合并 names what it takes back before asking the reason (cancelled here)
        asked: list[str] = []

        def answer() -> None:
            dialog = QApplication.activeModalWidget()
            assert isinstance(dialog, ReasonDialog)
            asked.append(dialog.findChild(QLabel).text())
            dialog.reject()

        reviewer.table.selectRow(0)
        QTimer.singleShot(100, answer)
        reviewer.buttons["undoPackage"].click()
        assert asked and asked[0].startswith("撤销长兴县第 1 号数据包（2026Q4，人员 1 条）的合并")
        assert "✓ 已合并" in reviewer.inbox_cell("长兴县", 2)  # cancelled: nothing undone

        page.refresh()
        qtbot.waitUntil(lambda: "✓ 已合并" in page.inbox_cell("长兴县", 2), timeout=20000)
        page.table.selectRow(0)
        assert page.buttons["writeReceipt"].isEnabled()
        page.receipt_file(tmp_path / "cx.lmrcpt")
        qtbot.waitUntil(lambda: "✓ 已发回执" in page.inbox_cell("长兴县", 2), timeout=20000)
    finally:
        tasks.wait()
        for office in (city, cx, dq):
            office.db.dispose()
