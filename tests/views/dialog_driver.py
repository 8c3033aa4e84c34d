"""Driving modal dialogs in tests: act on the next one that opens, as a user would."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget


def on_next_modal(act: Callable[[QWidget], None], *, timeout_ms: int = 10000) -> list[QWidget]:
    """Call ``act`` with the next modal dialog once it is shown; returns the dialogs seen.

    Needed because ``exec()`` blocks the test until the dialog closes: ``act`` must close it.
    """
    seen: list[QWidget] = []
    waited = [0]

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if widget is None or not widget.isVisible():
            waited[0] += 20
            if waited[0] < timeout_ms:
                QTimer.singleShot(20, poll)
            return
        seen.append(widget)
        try:
            act(widget)
        finally:
            # a failed assertion in ``act`` must not leave exec() blocking the test
            if widget.isVisible() and isinstance(widget, QDialog):
                widget.done(QDialog.DialogCode.Rejected)

    QTimer.singleShot(0, poll)
    return seen
