"""The register page on a clerk's first day (walk-through, December 2026): the export message
said 已导出 2 人。 and not where the file went (the clerk is to open it in Excel next); revealing
the ID number of a person without one asked a reason, audited it and showed nothing."""

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


def test_reveal_of_a_person_without_an_id_number_asks_nothing(
        qtbot: QtBot, ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    """It asked why, wrote the reason to the audit log and showed "李秀英 的身份证号：" empty."""
    from desktop.views.reason_dialog import ReasonDialog

    ws.persons().create(PersonDraft(name="李秀英", district="长兴县", sex="2"))
    tasks = TaskRunner()
    page = RegisterPage(ws, tasks, Preferences())
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    qtbot.waitUntil(page.up_to_date, timeout=10000)
    said: list[str] = []
    monkeypatch.setattr(RegisterPage, "_inform",
                        lambda self, text, name="": said.append(text))
    asked: list[object] = []
    monkeypatch.setattr(ReasonDialog, "ask",
                        classmethod(lambda cls, *a, **k: (asked.append(a), "核对")[1]))
    page.table.selectRow(0)
    page.reveal_id_number()
    tasks.wait(10000)
    assert not asked and said and "没有登记身份证号码" in said[-1]
