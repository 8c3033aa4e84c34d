"""Printed documents inside the program: made in the background, previewed with QtPdf, printed
through the Qt print dialog or saved as PDF."""

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
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import AppError
from desktop.exchange.files import write_atomically
from desktop.views.form_widgets import push_button
from desktop.views.messages import present_error
from desktop.views.tasks import Task, TaskContext, TaskRunner

PRINT_DPI = 300


class DocumentPreviewDialog(QDialog):
    """One PDF on screen, page after page, with Print… and Save as PDF…."""

    def __init__(self, pdf: bytes, title: str, file_name: str, note: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentPreview")
        self.setWindowTitle(title)
        self.pdf = pdf
        self._file_name = file_name
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(pdf))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
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
        self.info.setText(f"{note}　{text}" if note else text)
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

    @property
    def page_count(self) -> int:
        return int(self.document.pageCount())

    # -- printing -------------------------------------------------------------------------------

    def print_document(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.windowTitle())
        dialog = QPrintDialog(printer, self)
        dialog.setObjectName("printDialog")
        dialog.setMinMax(1, max(self.page_count, 1))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

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
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save as PDF"), self._file_name,
                                              self.tr("PDF documents (*.pdf)"))
        if path:
            self.save_to(path if path.lower().endswith(".pdf") else path + ".pdf")

    def save_to(self, path: str) -> bool:
        """Write the PDF whole or not at all (a temporary file renamed); a target another
        program holds open (Windows) is ``file_in_use``: close it and try again."""
        try:
            write_atomically(Path(path), bytes(self.pdf))
        except AppError as exc:
            present_error(self, exc)
            return False
        return True

    # -- entry point ----------------------------------------------------------------------------

    @classmethod
    def generate(cls, parent: QWidget, tasks: TaskRunner, job: Callable[[], Any], *,
                 title: str, file_name: str, label: str,
                 done: Callable[[Any], None] | None = None) -> Task:
        """Run ``job`` (returning an ``IssuedDocument``) in the background with progress, then
        open the preview (non-modal, so the window stays usable)."""

        def work(_ctx: TaskContext) -> Any:
            return job()

        def show(issued: Any) -> None:
            serials = tuple(issued.serials)
            note = ""
            if serials:
                shown = serials[0] if len(serials) == 1 else f"{serials[0]} – {serials[-1]}"
                note = QCoreApplication.translate("DocumentPreviewDialog", "Serial: %1").replace(
                    "%1", shown)
            dialog = cls(issued.pdf, title, file_name, note, parent)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()
            if done is not None:
                done(issued)

        def failed(exc: BaseException) -> None:
            present_error(parent, exc)

        return tasks.run(work, on_success=show, on_error=failed, label=label, parent=parent,
                         cancellable=False)
