"""One way to print: hardship and visit documents go through ``services.printing.Printer`` with
the administrator's fonts and seal, and proofs of assistance (帮扶证明) take their serials from
the document ledger, so they are reprinted (补打) and voided like proofs of title."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import subprocess
import sys
from types import SimpleNamespace

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from desktop.database import Database
from desktop.errors import AppError
from desktop.models import AuditEvent, DocumentLog
from desktop.reports.visits import notification_document
from desktop.services.documents.printer import Printer
from desktop.services.documents.service import DocumentService
from desktop.services.hardship.prints import HardshipPrint
from desktop.services.permissions import Actor
from tests.hardship_support import TODAY, add_people, pay, walk
from tests.reports.seal_support import seal_png

HANAMIN = "/usr/share/fonts/truetype/hanazono/HanaMinA.ttf"


def _text(pdf: bytes) -> str:
    return "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)


def _images(pdf: bytes) -> int:
    return sum(len(p.images) for p in PdfReader(io.BytesIO(pdf)).pages)


def _serial(pdf: bytes) -> str:
    found = re.search(r"证明编号：(\S+-BF-\d{4}-\d{4})", _text(pdf).replace(" ", ""))
    assert found, _text(pdf)
    return found.group(1)


def test_proof_serials_live_in_the_document_ledger(db: Database, admin: Actor) -> None:
    (person,) = add_people(db, 1)
    case_id = walk(db, person, "approved")
    docs = DocumentService(db.sessions, admin, db.read_sessions, today=lambda: TODAY)
    docs.set_seal(seal_png(), name="seal.png")
    printer = HardshipPrint(db.sessions, admin, db.read_sessions, today=lambda: TODAY)
    with pytest.raises(AppError) as unpaid:  # nothing paid: nothing to prove
        printer.proof(case_id)
    assert unpaid.value.code == "hardship_proof_unpaid"
    pay(db, case_id)
    preview = printer.proof(case_id, preview=True)  # looking takes no serial
    assert preview.serials == () and "预览" in _text(preview.pdf) and not docs.log()
    first, second = printer.proof(case_id), printer.proof(case_id)
    serials = [_serial(first.pdf), _serial(second.pdf)]
    assert list(first.serials) == serials[:1]
    assert [s.rsplit("-", 2)[1:] for s in serials] == [["2026", "0001"], ["2026", "0002"]]
    assert _images(first.pdf) == 1  # the association's seal on every proof
    assert "尚未发放" not in _text(first.pdf) and "200.00" in _text(first.pdf)

    ledger = docs.log(text="-BF-")
    assert sorted(e.serial for e in ledger) == serials
    assert {(e.kind, e.action, e.person_id) for e in ledger} == {
        ("hardship_proof", "issue", person)}
    with db.read_sessions.begin() as s:
        audited = list(s.scalars(select(AuditEvent.detail).where(
            AuditEvent.action == "hardship.proof")))
        assert len(audited) == 2 and all(serial in str(audited) for serial in serials)
        assert s.scalar(select(DocumentLog.content).where(
            DocumentLog.serial == serials[0])) is not None

    # reprint (补打): same serial and content, marked, sealed, logged
    again = docs.reprint(serials[0], "原件遗失")
    text = _text(again.pdf)
    assert serials[0] in text and "补打" in text and _images(again.pdf) == 1
    assert again.serials == (serials[0],)
    # void: the serial is never printed again
    docs.void(serials[1], "填写错误")
    with pytest.raises(AppError) as e:
        docs.reprint(serials[1], "再打一次")
    assert e.value.code == "document_voided"
    actions = sorted((x.serial, x.action) for x in docs.log(text="-BF-"))
    assert actions == sorted([(serials[0], "issue"), (serials[0], "reprint"),
                              (serials[1], "issue"), (serials[1], "void")])
    # proofs of title keep their own sequence
    assert not any("-ZM-" in x.serial for x in docs.log())


def test_printer_uses_the_configured_fonts_and_seals_letters(db: Database,
                                                             admin: Actor) -> None:
    docs = DocumentService(db.sessions, admin, db.read_sessions)
    docs.set_fonts([HANAMIN])
    docs.set_seal(seal_png(), name="seal.png")
    batch = SimpleNamespace(name="2026年第一批疗休养", destination="杭州·千岛湖",
                            start_date=dt.date(2026, 9, 1), end_date=dt.date(2026, 9, 5),
                            days=5, cost_per_day_fen=40000, organiser="市总工会")
    letter = notification_document(SimpleNamespace(name="王建国"), association="湖州市劳动模范协会",
                                   batch=batch, date=dt.date(2026, 8, 1))
    printer = Printer(db.read_sessions)
    assert str(printer.fontset().title.path) == HANAMIN
    sealed = printer.render(letter, seal=True)
    plain = printer.render(letter)
    assert b"HanaMin" in sealed and "王建国" in _text(sealed)
    assert _images(sealed) == 1 and _images(plain) == 0
    docs.set_seal(None)
    assert _images(Printer(db.read_sessions).render(letter, seal=True)) == 0  # none set: none


def test_the_main_window_does_not_load_reportlab() -> None:
    """ReportLab (~0.3 s to import) is loaded when something is printed, not at start-up."""
    code = ("import sys, desktop.views.main_window, desktop.services.workspace; "
            "print(sorted(m for m in sys.modules if m.startswith(('reportlab', "
            "'desktop.reports'))))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
                          timeout=120, check=True)
    assert done.stdout.strip() == "[]"
