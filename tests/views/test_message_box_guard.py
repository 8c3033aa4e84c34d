"""The guard in tests/views/conftest.py: an unanswered message box fails its test instead of
hanging the worker."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from tests.views import conftest


@pytest.mark.parametrize("how", ["exec", "information", "question"])
def test_an_unanswered_box_is_closed_and_reported(
        how: str, unanswered_message_boxes: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(conftest, "MESSAGE_BOX_PATIENCE_MS", 50)
    if how == "exec":
        box = QMessageBox(QMessageBox.Icon.Warning, "标题", "没有人回答",
                          QMessageBox.StandardButton.Ok)
        box.exec()
    else:
        getattr(QMessageBox, how)(None, "标题", "没有人回答")
    assert unanswered_message_boxes == ["没有人回答"]
    unanswered_message_boxes.clear()  # the guard itself would fail this test otherwise
