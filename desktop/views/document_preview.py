"""Printed documents inside the program, every one the same way: made in the background (a
refusal is said here, before any file dialog), previewed with QtPdf, printed through the Qt print
dialog or saved as PDF under a Chinese default name (the saved file is confirmed).

A document that takes a serial (a certificate, a proof, cards) is previewed without one; the
serial is taken, in the background, when it is first printed or saved (``issue``)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QPointF,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import AppError
from desktop.files import write_atomically
from desktop.views.data_words import spaced
from desktop.views.file_dialogs import DOCUMENTS, save_file
from desktop.views.form_widgets import push_button
from desktop.views.messages import present_error
from desktop.views.tasks import Task, TaskContext, TaskRunner

PRINT_DPI = 300


class DocumentPreviewDialog(QDialog):
    """One PDF on screen, page after page, with Print… and Save as PDF…."""

    def __init__(self, pdf: bytes, title: str, file_name: str, note: str = "",
                 parent: QWidget | None = None, *,
                 issue: Callable[[], Any] | None = None,
                 tasks: TaskRunner | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentPreview")
        self.setWindowTitle(title)
        self.pdf = pdf
        self._file_name = file_name
        self._issue = issue  # the document with its serial, made when first printed or saved
        self._tasks = tasks
        self.serials: tuple[str, ...] = ()
        self._buffer = QBuffer(self)
        self.document = QPdfDocument(self)
        self._load(pdf)
        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self.info = QLabel(self)
        self.info.setObjectName("previewInfo")
        pages = self.document.pageCount()
        text = self.tr("%n page(s)", "", pages)
        if issue is not None:
            note = self.tr("Preview: the serial is given when the document is printed or saved")
        self.info.setText(spaced([note, text]) if note else text)
        self.print_button = push_button(self, "printButton", self.tr("Print…"),
                                        self.print_document)
        self.save_button = push_button(self, "savePdfButton", self.tr("Save as PDF…"),
                                       self.save_as)
        close = push_button(self, "closePreview", self.tr("Close"), self.accept)
        bottom = QHBoxLayout()
        bottom.addWidget(self.info, 1)
        for b in (self.print_button, self.save_button, close):
            bottom.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)
        self.resize(820, 900)

    def _load(self, pdf: bytes) -> None:
        self.pdf = pdf
        self.document.close()
        self._buffer.close()
        self._buffer.setData(QByteArray(pdf))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)

    @property
    def page_count(self) -> int:
        return int(self.document.pageCount())

    @property
    def is_preview(self) -> bool:
        """True while the shown document still waits for its serial."""
        return self._issue is not None

    def issued(self, then: Callable[[], object]) -> None:
        """Take the serial (once, in the background) and show the issued document, then
        ``then()``; a document without a serial goes straight on."""
        issue = self._issue
        if issue is None:
            then()
            return

        def work(_ctx: TaskContext) -> Any:
            return issue()

        def got(result: Any) -> None:
            self._issue = None
            self.serials = tuple(getattr(result, "serials", ()))
            self._load(result.pdf if hasattr(result, "pdf") else result)
            shown = _serials_text(self.serials)
            pages = self.tr("%n page(s)", "", self.page_count)
            self.info.setText(spaced([shown, pages]) if shown else pages)
            then()

        def failed(exc: BaseException) -> None:
            present_error(self, exc)

        if self._tasks is None:  # no runner (tests of the dialog alone): here and now
            try:
                result = issue()
            except AppError as exc:
                failed(exc)
                return
            got(result)
            return
        self._tasks.run(work, on_success=got, on_error=failed,
                        label=self.tr("Giving the document its serial…"), parent=self,
                        cancellable=False)

    # -- printing -------------------------------------------------------------------------------

    def print_document(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.windowTitle())
        dialog = QPrintDialog(printer, self)
        dialog.setObjectName("printDialog")
        dialog.setMinMax(1, max(self.page_count, 1))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.issued(lambda: self.print_to(printer))

    def print_to(self, printer: QPrinter) -> int:
        """Render every page (or the chosen range) at the printer's resolution; returns pages."""
        first, last = printer.fromPage(), printer.toPage()
        if first == 0 and last == 0:
            first, last = 1, self.page_count
        painter = QPainter()
        if not painter.begin(printer):
            return 0
        printed = 0
        try:
            for page in range(first - 1, min(last, self.page_count)):
                if printed:
                    printer.newPage()
                area = QRectF(painter.viewport())
                points = self.document.pagePointSize(page)
                scale = min(area.width() / points.width(), area.height() / points.height())
                size = QSize(int(points.width() * PRINT_DPI / 72),
                             int(points.height() * PRINT_DPI / 72))
                image = self.document.render(page, size)
                target = QRectF(QPointF(0, 0), points * scale)
                painter.drawImage(target, image)
                printed += 1
        finally:
            painter.end()
        return printed

    # -- saving ---------------------------------------------------------------------------------

    def save_as(self) -> None:
        path = save_file(self, self.tr("Save as PDF"), self._file_name,
                         self.tr("PDF documents (*.pdf)"), DOCUMENTS)
        if path:
            target = path if path.lower().endswith(".pdf") else path + ".pdf"
            self.issued(lambda: self.save_to(target))

    def save_to(self, path: str) -> bool:
        """Write the PDF whole or not at all (the program's one atomic writer; a target another
        program holds open on Windows is ``file_in_use``: close it and try again), then say
        where (a box that does not block). A preview is given its serial first (synchronously
        here; ``save_as`` does it in the background)."""
        if self._issue is not None:
            runner, self._tasks = self._tasks, None
            done: list[bool] = []
            try:
                self.issued(lambda: done.append(True))
            finally:
                self._tasks = runner
            if not done:
                return False
        try:
            write_atomically(Path(path), bytes(self.pdf))
        except AppError as exc:
            present_error(self, exc)
            return False
        self.saved = QMessageBox(QMessageBox.Icon.Information, self.windowTitle(),
                                 self.tr("Saved: %1").replace("%1", path),
                                 QMessageBox.StandardButton.Ok, self)
        self.saved.setObjectName("savedBox")
        self.saved.open()
        return True

    # -- entry point ----------------------------------------------------------------------------

    @classmethod
    def generate(cls, parent: QWidget, tasks: TaskRunner, job: Callable[[], Any], *,
                 title: str, file_name: str, label: str,
                 done: Callable[[Any], None] | None = None,
                 issue: Callable[[], Any] | None = None) -> Task:
        """Run ``job`` (a service call returning PDF bytes or an ``IssuedDocument``) in the
        background with progress, then open the preview (non-modal, so the window stays usable).
        With ``issue``, ``job`` makes the preview without a serial and ``issue`` the document
        with one, run when it is first printed or saved."""

        def work(_ctx: TaskContext) -> Any:
            return job()

        def show(issued: Any) -> None:
            pdf = issued.pdf if hasattr(issued, "pdf") else issued
            dialog = cls(pdf, title, file_name, _serials_text(getattr(issued, "serials", ())),
                         parent, issue=issue, tasks=tasks)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()
            if done is not None:
                done(issued)

        def failed(exc: BaseException) -> None:
            present_error(parent, exc)

        return tasks.run(work, on_success=show, on_error=failed, label=label, parent=parent,
                         cancellable=False)


def _serials_text(serials: tuple[str, ...]) -> str:
    if not serials:
        return ""
    shown = serials[0] if len(serials) == 1 else f"{serials[0]} – {serials[-1]}"
    return QCoreApplication.translate("DocumentPreviewDialog", "Serial: %1").replace("%1", shown)
