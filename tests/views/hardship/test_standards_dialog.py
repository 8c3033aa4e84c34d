"""标准设置 on the 困难帮扶 page: an administrator sets a year's 发放标准 and 低保标准 in yuan,
copies last year's rules into a new year and replaces one; bad values are said under their
field and nothing is written; the other roles have no such button. The dialog fits the office
screen in both languages, and says everything in English in English mode."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from desktop.database import Database
from desktop.services.hardship.rules import DIBAO
from desktop.services.permissions import Actor
from desktop.views import i18n
from desktop.views.hardship.hardship_page import HardshipPage
from desktop.views.hardship.standards_dialog import StandardsDialog
from desktop.views.tasks import TaskRunner
from tests.hardship_support import CAST, service
from tests.views.conftest import OfficeScreen, make_workspace
from tests.views.english_support import chinese_words
from tests.views.test_button_texts import _cut_buttons


def _page(qtbot: QtBot, db: Database, who: str) -> HardshipPage:
    page = HardshipPage(make_workspace(db, CAST[who]), TaskRunner())
    qtbot.addWidget(page)
    page.show()
    return page


def _open(qtbot: QtBot, db: Database, year: int) -> StandardsDialog:
    """The administrator's page, its 标准设置 button clicked, the year chosen."""
    page = _page(qtbot, db, "admin")
    button = page.findChild(QPushButton, "hardshipStandards")
    assert button is not None and button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = page.standards_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.year.setValue(year)
    return dialog


def _choose(dialog: StandardsDialog, kind: str, district: str = "") -> None:
    dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
    dialog.district.setCurrentIndex(dialog.district.findData(district))


def _save(qtbot: QtBot, dialog: StandardsDialog) -> None:
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]


def _shot(widget: StandardsDialog, name: str, tmp_path: Path) -> None:
    folder = Path(os.environ.get("LAOMO_SCREENSHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(folder / f"{name}.png"))


def test_administrator_sets_a_2027_standard(qtbot: QtBot, db: Database, admin: Actor,
                                            tmp_path: Path) -> None:
    dialog = _open(qtbot, db, 2027)
    assert dialog.table.rowCount() == 0 and "2027 年尚未设定标准" in dialog.status.text()
    assert [dialog.district.itemText(i) for i in range(dialog.district.count())] == [
        "通用（各区县）", "长兴县"]  # county mode: the general row or the home district
    _choose(dialog, "春节慰问金", "长兴县")
    assert dialog.amount_label.text() == "每次发放上限（元）"
    assert not dialog.ratio.isEnabled()  # a share of medical costs is 医疗救助's rule only
    dialog.amount.setText("2000")
    dialog.per_year.setText("1")
    dialog.note.setText("县总工会 2027 年文件")
    _save(qtbot, dialog)
    (row,) = service(db, CAST["admin"]).standards(2027)
    assert (row.kind, row.district, row.amount, row.ratio_pct, row.per_year, row.note) == (
        "春节慰问金", "长兴县", 200_000, None, 1, "县总工会 2027 年文件")
    assert [dialog.table.item(0, c).text() for c in range(5)] == [
        "春节慰问金", "长兴县", "2,000.00", "", "1"]
    assert dialog.status.text() == "已保存：春节慰问金，长兴县。"

    qtbot.mouseClick(dialog.findChild(QPushButton, "newStandard"), Qt.MouseButton.LeftButton)
    _choose(dialog, DIBAO)
    assert dialog.amount_label.text() == "每人每月低保标准（元）"
    assert not dialog.per_year.isEnabled()
    dialog.amount.setText("1250.5")
    _save(qtbot, dialog)
    got = {(r.kind, r.district): r.amount for r in service(db, CAST["admin"]).standards(2027)}
    assert got == {(DIBAO, ""): 125_050, ("春节慰问金", "长兴县"): 200_000}
    assert dialog.table.item(0, 2).text() == "1,250.50"  # the 低保 line listed first
    _shot(dialog, "standards-dialog", tmp_path)


@pytest.mark.parametrize("who", ["maker", "reviewer", "viewer"])
def test_only_administrators_have_the_standards_button(qtbot: QtBot, db: Database,
                                                       admin: Actor, who: str) -> None:
    page = _page(qtbot, db, who)
    assert page.findChild(QPushButton, "hardshipStandards") is None
    assert page.findChild(QPushButton, "refreshHardship") is not None


def test_bad_values_are_said_under_their_field_and_nothing_is_written(
        qtbot: QtBot, db: Database, admin: Actor) -> None:
    dialog = _open(qtbot, db, 2027)
    _choose(dialog, DIBAO)
    assert not dialog.save_button.isEnabled()  # the 低保 line is an amount  # type: ignore
    _choose(dialog, "医疗救助")
    dialog.amount.setText("50000")
    dialog.ratio.setText("150")
    _save(qtbot, dialog)
    assert dialog.boxes["ratio_pct"].problem.text() == "比例应在 1–100 之间。"
    assert dialog.boxes["ratio_pct"].problem.isVisible()
    _choose(dialog, "助学")
    dialog.per_year.setText("0")
    _save(qtbot, dialog)
    assert dialog.boxes["per_year"].problem.text() == "数值超出范围（1–99）。"
    assert service(db, CAST["admin"]).standards(2027) == []
    assert dialog.table.rowCount() == 0
    dialog.per_year.setText("2")
    _save(qtbot, dialog)  # put right, it is saved and the message goes
    assert not dialog.boxes["per_year"].problem.isVisible()
    assert [(r.kind, r.amount, r.per_year) for r in service(db, CAST["admin"]).standards(
        2027)] == [("助学", 5_000_000, 2)]


def test_copying_last_year_and_replacing_a_rule(qtbot: QtBot, db: Database,
                                                admin: Actor) -> None:
    setter = service(db, CAST["admin"])
    setter.set_standard(2026, DIBAO, amount=121_000, note="月低保")
    setter.set_standard(2026, "医疗救助", amount=5_000_000, ratio_pct=60)
    setter.set_standard(2026, "春节慰问金", amount=200_000, district="长兴县", per_year=1)
    dialog = _open(qtbot, db, 2028)
    assert not dialog.copy_button.isEnabled()  # 2027 has nothing to copy
    dialog.year.setValue(2027)
    assert dialog.copy_button.text() == "复制 2026 年的标准"
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert dialog.status.text() == "已从 2026 年复制 3 条标准。"
    copied = {(r.kind, r.district): (r.amount, r.ratio_pct, r.per_year, r.note)
              for r in setter.standards(2027)}
    assert copied == {(DIBAO, ""): (121_000, None, None, "月低保"),
                      ("医疗救助", ""): (5_000_000, 60, None, None),
                      ("春节慰问金", "长兴县"): (200_000, None, 1, None)}
    assert dialog.table.rowCount() == 3

    dialog.table.selectRow(0)  # the 低保 line, into the form
    assert dialog.kind.currentData() == DIBAO and dialog.amount.text() == "1210.00"
    assert "2027 年已有通用（各区县）的此类标准，保存将替换原标准" in dialog.replaces.text()
    dialog.amount.setText("1260")
    _save(qtbot, dialog)
    assert {r.kind: r.amount for r in setter.standards(2027)}[DIBAO] == 126_000
    assert {r.kind: r.amount for r in setter.standards(2026)}[DIBAO] == 121_000
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)  # the new year is kept
    assert dialog.status.text() == "已从 2026 年复制 0 条标准；本年已有的 3 条保持不变。"
    assert {r.kind: r.amount for r in setter.standards(2027)}[DIBAO] == 126_000


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    i18n.install(qapp, "en")
    yield
    i18n.install(qapp, "zh_CN")


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_dialog_fits_the_office_screen_uncut(qtbot: QtBot, qapp: QApplication,
                                                 db: Database, admin: Actor,
                                                 screen: OfficeScreen, language: str) -> None:
    i18n.install(qapp, language)
    try:
        service(db, CAST["admin"]).set_standard(2026, "医疗救助", amount=5_000_000,
                                                ratio_pct=60, district="长兴县")
        QCursor.setPos(screen.area().center())
        dialog = StandardsDialog(make_workspace(db, CAST["admin"]), year=2026)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.table.selectRow(0)
        dialog.ratio.setText("0")
        dialog.save()
        QApplication.processEvents()
        assert screen.area().contains(dialog.frameGeometry())
        assert not _cut_buttons(dialog)
        cut = [label.text() for label in dialog.findChildren(QLabel)
               if label.isVisible() and not label.wordWrap()
               and label.width() < label.sizeHint().width()]
        assert not cut
        assert dialog.boxes["ratio_pct"].problem.isVisible()
    finally:
        i18n.install(qapp, "zh_CN")


def test_the_dialog_in_english(qtbot: QtBot, db: Database, admin: Actor,
                               english: None) -> None:
    setter = service(db, CAST["admin"])
    setter.set_standard(2026, DIBAO, amount=121_000, note="月低保")
    setter.set_standard(2026, "医疗救助", amount=5_000_000, ratio_pct=60, district="长兴县")
    dialog = _open(qtbot, db, 2027)
    assert dialog.copy_button.text() == "Copy the rules of 2026"
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    dialog.table.selectRow(1)
    dialog.ratio.setText("101")
    dialog.save()
    assert dialog.boxes["ratio_pct"].problem.text() == "The ratio is 1–100."
    found = chinese_words(dialog, data=["长兴县", "月低保"])
    assert not found, found
    assert [dialog.table.item(r, 0).text() for r in range(2)] == [
        "Subsistence line", "Medical aid"]
