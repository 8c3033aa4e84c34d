"""Issue 14, point 15: at 1366×768 and at 1920×1080 no button text is cut off and no window is
larger than the screen. The main window is opened on the demo register on each office screen,
every page of its navigation is shown in turn (and every tab of a page), and every visible push
or tool button must be at least as wide as its text needs; in every table no column may be cut
while another has room to spare."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyleOptionButton,
    QTableView,
    QTabWidget,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.services.workspace import Workspace
from desktop.views import i18n
from desktop.views.main_window import MainWindow
from desktop.views.preferences import Preferences
from tests.views.conftest import OfficeScreen


def _text_room(button: QAbstractButton) -> int:
    """The width the button's text gets: its width less the style's margins and the icon."""
    if isinstance(button, QPushButton):
        option = QStyleOptionButton()
        button.initStyleOption(option)
        margin = button.style().pixelMetric(QStyle.PixelMetric.PM_ButtonMargin, option, button)
        frame = button.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, option,
                                           button)
        room = button.width() - margin - 2 * frame
        if button.menu() is not None:
            room -= button.style().pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator,
                                               option, button)
    else:
        assert isinstance(button, QToolButton)
        room = button.width() - 6
        if button.menu() is not None and \
                button.popupMode() != QToolButton.ToolButtonPopupMode.DelayedPopup:
            room -= button.style().pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator,
                                               None, button)
    if not button.icon().isNull():
        room -= button.iconSize().width() + 4
    return room


def _cut_buttons(root: QWidget) -> list[str]:
    cut = []
    for button in root.findChildren(QAbstractButton):
        if not isinstance(button, QPushButton | QToolButton) or not button.isVisible():
            continue
        text = button.text().replace("&", "")
        if not text:
            continue
        need = button.fontMetrics().horizontalAdvance(text)
        if need > _text_room(button) or button.width() < button.sizeHint().width():
            cut.append(f"{button.objectName() or '?'} «{text}» {button.width()}px < "
                       f"{button.sizeHint().width()}px")
    return cut


def _cut_placeholders(root: QWidget) -> list[str]:
    """Empty search boxes whose grey hint is cut ("Name or file nu…" in English)."""
    cut = []
    for edit in root.findChildren(QLineEdit):
        hint = edit.placeholderText()
        if not edit.isVisible() or edit.text() or not hint or edit.isReadOnly():
            continue
        room = edit.contentsRect().width() - edit.textMargins().left() \
            - edit.textMargins().right() - 8  # QLineEdit's own side margins and frame
        if edit.fontMetrics().horizontalAdvance(hint) > room:
            cut.append(f"{edit.objectName() or '?'} «{hint}» {edit.width()}px")
    return cut


def _squeezed_columns(root: QWidget) -> list[str]:
    """Tables where a column's text is cut while another column has room to spare."""
    out = []
    for view in root.findChildren(QTableView):
        model = view.model()
        if not view.isVisible() or model is None or model.rowCount() == 0:
            continue
        header = view.horizontalHeader()
        if all(header.sectionResizeMode(c) == QHeaderView.ResizeMode.Stretch
               for c in range(header.count())):
            continue  # equal columns by design (the week calendar's days)
        cut, spare = [], []
        for c in range(header.count()):
            if header.isSectionHidden(c):
                continue
            need = max(view.sizeHintForColumn(c), header.sectionSizeHint(c))
            size = header.sectionSize(c)
            title = str(model.headerData(c, Qt.Orientation.Horizontal))
            if size < need - 2:
                cut.append(title)
            elif size > need + 40:
                spare.append(title)
        if cut and spare:
            out.append(f"{view.objectName()}: {cut} cut while {spare} have room")
    return out


def _oversized(area: QRect) -> list[str]:
    return [f"{w.objectName()} {w.width()}×{w.height()} at {w.x()},{w.y()}"
            for w in QApplication.topLevelWidgets()
            if w.isVisible() and not area.contains(w.frameGeometry())]


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_page_shows_whole_button_texts(qtbot: QtBot, qapp: QApplication,
                                             demo_ws: Workspace, screen: OfficeScreen,
                                             language: str) -> None:
    if language == "en" and screen.name != "office":
        pytest.skip("English on the smaller screen is enough: its words are longer")
    i18n.install(qapp, language)
    area = screen.area()
    window = MainWindow(demo_ws, Preferences(), screen=screen.get())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.screen().name() == screen.name
    problems: dict[str, list[str]] = {}
    for row in range(window.nav.count()):
        window.nav.setCurrentRow(row)
        page = window.stack.currentWidget()
        qtbot.wait(50)
        QApplication.processEvents()
        title = window.nav.item(row).text()
        tabs = page.findChildren(QTabWidget)
        for t in [None, *tabs]:
            for i in range(t.count()) if t is not None else [None]:
                if t is not None and i is not None:
                    t.setCurrentIndex(i)
                    QApplication.processEvents()
                cut = _cut_buttons(window) + _cut_placeholders(window) \
                    + _squeezed_columns(window)
                if cut:
                    problems.setdefault(title, []).extend(cut)
        assert not _oversized(area), title
    i18n.install(qapp, "zh_CN")
    assert not problems, problems


def _mnemonic(text: str) -> str | None:
    """The letter after a single ``&`` (``&&`` is a plain ampersand)."""
    plain = text.replace("&&", "")
    at = plain.find("&")
    return plain[at + 1].lower() if 0 <= at < len(plain) - 1 else None


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_menu_keys_are_unique_in_each_menu(qtbot: QtBot, qapp: QApplication,
                                           demo_ws: Workspace, language: str) -> None:
    """Alt+letter opens one item: two items of a menu with the same key (导入名册(&I) and
    导入记录与撤销(&I)) make the second unreachable by keyboard."""
    i18n.install(qapp, language)
    try:
        window = MainWindow(demo_ws, Preferences())
        qtbot.addWidget(window)
        clashes: dict[str, list[str]] = {}
        menus = [a.menu() for a in window.menuBar().actions() if a.menu() is not None]
        for menu in [window.menuBar(), *menus]:
            seen: dict[str, str] = {}
            for action in menu.actions():
                key = _mnemonic(action.text())
                if key is None:
                    continue
                if key in seen:
                    clashes.setdefault(menu.title() if menu is not window.menuBar()
                                       else "menu bar", []).append(
                        f"{seen[key]} / {action.text()}")
                seen[key] = action.text()
        assert menus and not clashes, clashes
    finally:
        i18n.install(qapp, "zh_CN")
