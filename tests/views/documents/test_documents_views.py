"""Printed documents in the program: roster and cards from the register page, a proof of title
from the person dialog, the preview (QtPdf), printing to a PDF printer, saving, the document log
page (void, reprint) and the administrator's fonts and seal dialog."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from desktop.database import Database
from desktop.services.workspace import Workspace
from desktop.views.document_preview import DocumentPreviewDialog
from desktop.views.documents.documents_page import DocumentLogPage, DocumentSettingsDialog
from desktop.views.preferences import Preferences
from desktop.views.reason_dialog import ReasonDialog
from desktop.views.register.person_dialog import PersonDialog
from desktop.views.register.register_page import RegisterPage
from desktop.views.tasks import TaskRunner
from tests.register_support import RARE_JI, REGISTER, add_persons
from tests.reports.seal_support import seal_png

SHOTS = Path("/tmp/issue5-shots")


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    tasks = TaskRunner()
    yield tasks
    tasks.wait(10000)


@pytest.fixture
def people(db: Database, ws: Workspace) -> dict[str, object]:
    return dict(add_persons(db, REGISTER))


def preview_of(qtbot: QtBot, parent: QWidget) -> DocumentPreviewDialog:
    found: list[DocumentPreviewDialog] = []

    def opened() -> bool:
        found[:] = [w for w in QApplication.topLevelWidgets()
                    if isinstance(w, DocumentPreviewDialog) and w.isVisible()]
        return bool(found)

    qtbot.waitUntil(opened, timeout=20000)
    return found[-1]


def pdftotext(path: Path) -> str:
    exe = shutil.which("pdftotext")
    assert exe
    return subprocess.run([exe, str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def shot(widget: QWidget, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    widget.grab().save(str(SHOTS / name))


def test_roster_preview_prints_and_saves(qtbot: QtBot, ws: Workspace, people: object,
                                         runner: TaskRunner, tmp_path: Path) -> None:
    page = RegisterPage(ws, runner, Preferences())
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    qtbot.waitUntil(page.up_to_date, timeout=10000)
    assert page.roster_button.text() == "花名册…"
    page.print_roster()
    dialog = preview_of(qtbot, page)
    assert dialog.page_count >= 1
    assert "页" in dialog.info.text()
    dialog.resize(900, 700)
    qtbot.wait(200)
    shot(dialog, "roster_preview.png")
    saved = tmp_path / "saved.pdf"
    assert dialog.save_to(str(saved))
    text = pdftotext(saved)
    assert "王" + RARE_JI in text and "劳动模范花名册" in text
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    assert dialog.print_to(printer) == dialog.page_count
    assert len(PdfReader(printed).pages) == dialog.page_count
    dialog.close()


def test_cards_of_everyone_in_the_list(qtbot: QtBot, ws: Workspace, people: object,
                                       runner: TaskRunner, tmp_path: Path) -> None:
    page = RegisterPage(ws, runner, Preferences())
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    qtbot.waitUntil(page.up_to_date, timeout=10000)
    page.print_cards(selected=False)
    dialog = preview_of(qtbot, page)
    text = re.sub(r"\s+", "", PdfReader(io.BytesIO(dialog.pdf)).pages[0].extract_text())
    assert "会员证" in text and "王" + RARE_JI in text
    assert dialog.is_preview and not ws.documents().log()  # looking takes no serial
    shot(dialog, "cards_preview.png")
    assert dialog.save_to(str(tmp_path / "会员证.pdf"))  # saved: now the cards are numbered
    assert re.search(r"330522-HY-\d{4}-0001", dialog.info.text())
    dialog.close()
    assert len(ws.documents().log()) == 7  # active members: not 王伟, who died


def test_proof_of_title_from_the_person_dialog_then_void_on_the_log_page(
        qtbot: QtBot, ws: Workspace, people: dict[str, object], runner: TaskRunner,
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    ws.documents().set_seal(seal_png(), name="seal.png")
    person = PersonDialog(ws, people["朱荣荣"])  # type: ignore[arg-type]
    qtbot.addWidget(person)
    assert person.proof_button is not None
    assert person.proof_button.text() == "荣誉称号证明"
    person.proof_button.menu().actions()[0].trigger()
    dialog = preview_of(qtbot, person)
    assert "330522-ZM-" not in dialog.info.text() and not ws.documents().log()
    assert "预览" in PdfReader(io.BytesIO(dialog.pdf)).pages[0].extract_text()
    dialog.resize(820, 900)
    qtbot.wait(300)
    shot(dialog, "proof_preview.png")
    assert dialog.save_to(str(tmp_path / "证明.pdf"))  # the serial is taken when saved
    assert "330522-ZM-" in dialog.info.text()
    dialog.close()

    log = DocumentLogPage(ws, runner)
    qtbot.addWidget(log)
    log.show()
    log.refresh()
    assert log.table.rowCount() == 1
    assert log.table.item(0, 2).text() == "出具"
    log.table.selectRow(0)
    monkeypatch.setattr(ReasonDialog, "ask", classmethod(lambda cls, *a: "原件遗失"))
    log.reprint()
    reprint = preview_of(qtbot, log)
    assert "补打" in PdfReader(io.BytesIO(reprint.pdf)).pages[0].extract_text()
    reprint.close()
    qtbot.waitUntil(lambda: log.table.rowCount() == 2, timeout=5000)
    log.table.selectRow(0)
    monkeypatch.setattr(ReasonDialog, "ask", classmethod(lambda cls, *a: "信息有误"))
    log.void()
    assert log.table.rowCount() == 3
    assert "作废" in log.table.item(0, 0).text()
    shot(log, "document_log.png")


def test_settings_dialog_refuses_a_file_that_is_not_an_image(
        qtbot: QtBot, ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr("desktop.views.documents.documents_page.present_error",
                        lambda parent, exc: shown.append(str(exc)))
    dialog = DocumentSettingsDialog(ws)
    qtbot.addWidget(dialog)
    bad = tmp_path / "seal.png"
    bad.write_text("not a picture")
    assert not dialog.set_seal_file(bad)
    assert shown and dialog.seal is None
    good = tmp_path / "good.png"
    good.write_bytes(seal_png())
    assert dialog.set_seal_file(good)
    dialog.show()
    shot(dialog, "document_settings.png")
    dialog.save()
    assert ws.documents().document_settings().seal == seal_png()


def test_saving_over_a_pdf_another_program_holds_open_says_so(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows refuses to replace a file a PDF reader has open (PermissionError): the preview
    says "close it and try again" (file_in_use) and the old file stays; no crash."""
    import os

    from reportlab.pdfgen import canvas

    from desktop import paths
    from desktop.errors import AppError

    buf = io.BytesIO()
    canvas.Canvas(buf).save()
    dialog = DocumentPreviewDialog(buf.getvalue(), "花名册", "花名册.pdf")
    qtbot.addWidget(dialog)
    target = tmp_path / "花名册.pdf"
    target.write_bytes(b"%PDF- the copy the reader has open")
    shown: list[BaseException] = []
    monkeypatch.setattr("desktop.views.document_preview.present_error",
                        lambda parent, exc: shown.append(exc))
    monkeypatch.setattr(paths, "REPLACE_PAUSE", 0.0)

    def held(src: object, dst: object) -> None:
        raise PermissionError(13, "另一个程序正在使用此文件，进程无法访问。", str(dst))

    monkeypatch.setattr(os, "replace", held)

    assert not dialog.save_to(str(target))

    assert [e.code for e in shown if isinstance(e, AppError)] == ["file_in_use"]
    assert target.read_bytes() == b"%PDF- the copy the reader has open"
    assert [p.name for p in tmp_path.iterdir() if p.name != "home"] == ["花名册.pdf"]


def test_settings_dialog_sets_the_objection_contact_of_notices(qtbot: QtBot, ws: Workspace,
                                                               monkeypatch: pytest.MonkeyPatch
                                                               ) -> None:
    """The 公示's objection contact is set in the window (issue 12): saved through the
    service (audited), a value too long is said beside the field and nothing is saved."""
    shown: list[str] = []
    monkeypatch.setattr("desktop.views.documents.documents_page.present_error",
                        lambda parent, exc: shown.append(str(exc)))
    dialog = DocumentSettingsDialog(ws)
    qtbot.addWidget(dialog)
    dialog.show()
    field = dialog.findChild(QLineEdit, "objectionContact")
    assert field is not None and field.text() == ""
    field.setText("长" * 200)
    dialog.save()
    assert dialog.isVisible() and not shown
    problem = dialog.findChild(QLabel, "contactProblem")
    assert problem is not None and problem.isVisible() and "120" in problem.text()
    assert ws.settings().association_contact() == ""
    field.setText("协会办公室 王老师 0572-6021234")
    dialog.save()
    assert not dialog.isVisible() and not shown
    assert ws.settings().association_contact() == "协会办公室 王老师 0572-6021234"
    again = DocumentSettingsDialog(ws)
    qtbot.addWidget(again)
    assert again.findChild(QLineEdit, "objectionContact").text() == "协会办公室 王老师 0572-6021234"
