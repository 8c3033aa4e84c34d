"""The file dialogs open where the clerk last saved or opened that kind of file (the next day
too), else in the Documents folder: never at a bare file name in the program's own folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.views import file_dialogs
from desktop.views.document_preview import DocumentPreviewDialog
from desktop.views.file_dialogs import DOCUMENTS, EXPORTS, ROSTERS


def one_page_pdf() -> bytes:
    import io

    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out)
    page.drawString(72, 720, "roster")
    page.save()
    return out.getvalue()


def _answering(monkeypatch: pytest.MonkeyPatch, answer: Path) -> list[str]:
    """Every file dialog answers ``answer``; the starting places they were given are kept."""
    offered: list[str] = []

    def dialog(_parent: object, _title: str, start: str, *_rest: object) -> tuple[str, str]:
        offered.append(start)
        return str(answer), ""

    monkeypatch.setattr(file_dialogs.QFileDialog, "getSaveFileName", staticmethod(dialog))
    monkeypatch.setattr(file_dialogs.QFileDialog, "getOpenFileName", staticmethod(dialog))
    return offered


def test_each_kind_of_file_opens_where_it_was_last_chosen(
        qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    usb = tmp_path / "U盘" / "报表"
    usb.mkdir(parents=True)
    offered = _answering(monkeypatch, usb / "花名册.pdf")
    first = file_dialogs.save_file(None, "另存为", "花名册.pdf", "*.pdf", DOCUMENTS)
    assert first == str(usb / "花名册.pdf")
    start = Path(offered[-1])
    assert start.is_absolute() and start.name == "花名册.pdf"  # not a bare name: cwd
    assert start.parent == file_dialogs.start_folder(EXPORTS)  # Documents (or home)
    file_dialogs.save_file(None, "另存为", "走访名单.pdf", "*.pdf", DOCUMENTS)
    assert Path(offered[-1]) == usb / "走访名单.pdf"  # where the last document went
    file_dialogs.save_file(None, "导出", "劳模名册.xlsx", "*.xlsx", EXPORTS)
    assert Path(offered[-1]).parent != usb  # another kind of file: its own folder
    roster = tmp_path / "名册"
    roster.mkdir()
    _answering(monkeypatch, roster / "2026年名册.xlsx")
    file_dialogs.open_file(None, "选择名册", "*.xlsx", ROSTERS)
    offered = _answering(monkeypatch, roster / "2026年名册.xlsx")
    file_dialogs.open_file(None, "选择名册", "*.xlsx", ROSTERS)
    assert Path(offered[-1]) == roster
    shutil.rmtree(usb.parent)  # the USB stick is gone: back to Documents, no error
    assert file_dialogs.start_folder(DOCUMENTS) == file_dialogs.start_folder(EXPORTS) != usb


def test_a_preview_saved_as_pdf_offers_the_same_folder_next_time(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "打印"
    folder.mkdir()
    offered = _answering(monkeypatch, folder / "花名册")
    preview = DocumentPreviewDialog(one_page_pdf(), "花名册", "花名册.pdf")
    qtbot.addWidget(preview)
    preview.save_as()
    qtbot.waitUntil(lambda: (folder / "花名册.pdf").exists(), timeout=10000)
    assert (folder / "花名册.pdf").read_bytes().startswith(b"%PDF")
    again = DocumentPreviewDialog(one_page_pdf(), "荣誉称号证明", "荣誉称号证明.pdf")
    qtbot.addWidget(again)
    offered = _answering(monkeypatch, folder / "荣誉称号证明.pdf")
    again.save_as()
    assert Path(offered[-1]) == folder / "荣誉称号证明.pdf"
