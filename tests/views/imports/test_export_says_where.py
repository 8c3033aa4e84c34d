"""Export from the register page (walk-through, December 2026): the message said 已导出 2 人。
and not where the file went; the clerk is to open it in Excel next."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop.services.register.types import PersonDraft
from desktop.services.workspace import Workspace
from desktop.views.imports.export_dialog import ExportDialog
from desktop.views.preferences import Preferences
from desktop.views.register.register_page import RegisterPage
from desktop.views.tasks import TaskRunner
from tests.views.dialog_driver import on_next_modal


def test_the_export_message_names_the_file(qtbot: QtBot, ws: Workspace, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    ws.persons().create(PersonDraft(name="李秀英", district="长兴县", sex="2"))
    tasks = TaskRunner()
    page = RegisterPage(ws, tasks, Preferences())
    qtbot.addWidget(page)
    said: list[str] = []
    monkeypatch.setattr(RegisterPage, "_inform",
                        lambda self, text, name="": said.append(text))
    out = tmp_path / "劳模名册.xlsx"

    def export(widget: QWidget) -> None:
        assert isinstance(widget, ExportDialog)
        widget.start(out)
        qtbot.waitUntil(lambda: widget.written is not None, timeout=20000)

    on_next_modal(export)
    page.export_register()
    tasks.wait(10000)
    assert said and "1 人" in said[0] and str(out) in said[0]
    assert openpyxl.load_workbook(out).active.max_row >= 2
