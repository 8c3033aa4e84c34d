"""Driving modal dialogs in tests: act on the next one that opens, as a user would."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

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


def give_reason(reason: str, *, required: bool = True) -> None:
    """Answer the next reason dialog (unmasking, reprinting) with ``reason``; with
    ``required`` first check that it cannot be confirmed empty."""
    from PySide6.QtWidgets import QDialogButtonBox

    from desktop.views.reason_dialog import ReasonDialog

    def act(widget: QWidget) -> None:
        assert isinstance(widget, ReasonDialog)
        ok = widget.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if required:
            assert not ok.isEnabled()  # no reason, no full numbers
        widget.reason.setText(reason)
        ok.click()

    on_next_modal(act)


def shown_pdf_text(qtbot: Any, parent: QWidget) -> str:
    """The text of the PDF in the document preview ``parent`` opens (read back with pypdf,
    without spaces or line breaks); the preview is closed."""
    import io

    from pypdf import PdfReader

    from desktop.views.document_preview import DocumentPreviewDialog

    def shown() -> list[DocumentPreviewDialog]:
        return [w for w in parent.findChildren(DocumentPreviewDialog) if w.isVisible()]

    qtbot.waitUntil(lambda: bool(shown()), timeout=30000)
    preview = shown()[0]
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(bytes(preview.pdf))).pages)
    preview.close()
    return text.replace(" ", "").replace("\n", "")
