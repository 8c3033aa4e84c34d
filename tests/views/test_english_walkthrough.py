"""Issue 14, point 3, the English walk-through of December 2026 at 1366×768: what a new clerk
and an administrator still met in Chinese (or cut) with 设置 → 界面语言 → English. Values stay
stored as the Chinese words the prints need; Chinese mode shows what it showed."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

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
