"""Issue 14, point 3: the language chosen in 设置 → 界面语言 is used at the next start unless
``--lang`` is given; in English the register's own words are English and no header is clipped.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.services.workspace import Workspace
from desktop.views import i18n
from desktop.views.preferences import Preferences
from desktop.views.register.register_page import RegisterPage
from desktop.views.register.register_table_model import RegisterTableModel as M
from desktop.views.tasks import TaskRunner

cli_main = importlib.import_module("desktop.cli.main")  # the module (the package exports main())


@pytest.fixture
def back_to_chinese(qapp: QApplication) -> Iterator[None]:
    yield
    i18n.install(qapp, "zh_CN")


def test_saved_language_is_used_at_the_next_start_unless_lang_is_given(
        qtbot: QtBot, qapp: QApplication, demo_ws: Workspace, monkeypatch: pytest.MonkeyPatch,
        back_to_chinese: None) -> None:
    from desktop import app as app_module
    from desktop.views.main_window import MainWindow

    monkeypatch.delenv("LAOMO_LANG", raising=False)
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a: None))
    window = MainWindow(demo_ws, Preferences())
    qtbot.addWidget(window)
    english = window.findChild(type(window.backup_action), "language_en")
    assert english is not None
    english.trigger()  # 设置 → 界面语言 → English
    window.close()

    started: list[str | None] = []

    def run(db: str | None = None, lang: str | None = None) -> int:
        started.append(lang)
        return 0

    monkeypatch.setattr(app_module, "run", run)
    assert cli_main.main([]) == 0  # a plain start, as the desktop shortcut does
    assert started == [None]  # the command line does not overrule the saved choice
    app_module.make_application(started[0])
    assert i18n.current_language() == "en"
    assert cli_main.main(["--lang", "zh_CN"]) == 0  # an explicit choice wins
    assert started[-1] == "zh_CN"


def test_english_register_shows_english_words_and_unclipped_headers(
        qtbot: QtBot, qapp: QApplication, demo_ws: Workspace, back_to_chinese: None) -> None:
    tasks = TaskRunner()
    prefs = Preferences()
    # a clerk worked in Chinese and narrowed the treatment level column
    chinese = RegisterPage(demo_ws, tasks, prefs)
    qtbot.addWidget(chinese)
    chinese.table.horizontalHeader().resizeSection(M.LEVEL, 40)
    chinese.table.save_layout()
    chinese.close()

    i18n.install(qapp, "en")
    page = RegisterPage(demo_ws, tasks, prefs)
    qtbot.addWidget(page)
    page.resize(1300, 600)
    page.show()
    page.refresh()
    qtbot.waitUntil(page.up_to_date, timeout=10000)
    model = page.model
    sexes = {model.data(model.index(r, M.SEX)) for r in range(model.rowCount())}
    assert sexes <= {"Male", "Female"} and sexes
    jobs = {model.data(model.index(r, M.EMPLOYMENT)) for r in range(model.rowCount())}
    assert not jobs & {"在职", "离退休", "自谋职业"}
    assert jobs & {"Employed", "Retired"}
    header = page.table.horizontalHeader()
    assert model.headerData(M.LEVEL, header.orientation()) == "Level"
    clipped = [model.headerData(c, header.orientation()) for c in range(header.count())
               if not header.isSectionHidden(c)
               and header.sectionSize(c) < header.sectionSizeHint(c)]
    assert not clipped, clipped
    tasks.wait(10000)


def test_switching_says_so_in_the_language_chosen_too(
        qtbot: QtBot, qapp: QApplication, demo_ws: Workspace, monkeypatch: pytest.MonkeyPatch,
        back_to_chinese: None) -> None:
    """Choosing English was answered in Chinese only (walk-through, December 2026)."""
    from desktop.views.main_window import MainWindow

    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information",
                        staticmethod(lambda *a: said.append(str(a[2]))))
    window = MainWindow(demo_ws, Preferences())
    qtbot.addWidget(window)
    english = window.findChild(type(window.backup_action), "language_en")
    assert english is not None
    english.trigger()
    assert "下次启动" in said[-1] and "next time" in said[-1]
    i18n.install(qapp, "en")
    chinese = window.findChild(type(window.backup_action), "language_zh_CN")
    assert chinese is not None
    chinese.trigger()
    assert "next time" in said[-1] and "下次启动" in said[-1]
    window.close()
