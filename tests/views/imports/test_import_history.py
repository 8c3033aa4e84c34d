"""Issue 14, point 14: past imports (date, file, counts, who) listed with undo in the GUI; the
CLI takes the short id."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop.services.imports.types import ImportOptions
from desktop.services.register.types import RegisterFilter
from desktop.services.workspace import Workspace
from desktop.views.imports.import_history import ImportHistoryDialog
from tests.exchange.import_support import write_clerk_workbook


def test_past_imports_are_listed_and_undone(ws: Workspace, qtbot: Any, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    book = write_clerk_workbook(tmp_path / "一季度名册.xlsx")
    result = ws.importer().run(book, ImportOptions(good_rows_only=True), dry_run=False)
    assert result.written
    before = ws.register().count(RegisterFilter())
    dialog = ImportHistoryDialog(ws.importer())
    qtbot.addWidget(dialog)
    dialog.show()
    row = [dialog.table.item(0, c).text() for c in range(7)]
    assert row[1] == "一季度名册.xlsx" and row[4] == "管理员" and int(row[2]) == before
    assert result.batch_id is not None and row[6] == str(result.batch_id)[:8]
    metrics = dialog.table.fontMetrics()
    assert dialog.table.columnWidth(0) > metrics.horizontalAdvance(row[0])  # the time whole
    assert not dialog.undo_button.isEnabled()  # nothing chosen yet
    dialog.table.selectRow(0)
    assert dialog.undo_button.isEnabled()
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    dialog.undo_button.click()
    assert ws.register().count(RegisterFilter()) == 0
    assert "已撤销" in dialog.table.item(0, 5).text()
    assert "撤销" in dialog.status.text()
    dialog.table.selectRow(0)
    assert not dialog.undo_button.isEnabled()  # an undone import cannot be undone twice
