"""Stored moments are UTC (naive as SQLite gives them back); what people read is the office's
clock (second walk-through, December 2026): the hardship file's 流程与意见, the 证书登记 page
and a 补打 listed or printed a step or an issue made at 07:30 in Beijing as 23:30 of the day
before."""

from __future__ import annotations

import datetime as dt
import io
import re
import time
import uuid
from collections.abc import Iterator

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from desktop.database import Database
from desktop.models import DocumentLog, HardshipStep
from desktop.services.documents.service import DocumentService
from desktop.services.permissions import Actor
from desktop.views.documents.documents_page import DocumentLogPage
from desktop.views.hardship.hardship_dialog import HardshipDialog
from desktop.views.tasks import TaskRunner
from tests.hardship_support import CAST, add_people, walk
from tests.register_support import Spec, add_persons
from tests.views.conftest import make_workspace

EARLY = dt.datetime(2026, 4, 30, 23, 30)  # UTC: 2026-05-01 07:30 in Beijing


@pytest.fixture
def beijing(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.delenv("TZ")
    time.tzset()


def test_the_file_history_shows_the_office_clock(
        qtbot: QtBot, db: Database, admin: Actor, beijing: None) -> None:
    (person,) = add_people(db, 1)
    case_id: uuid.UUID = walk(db, person, "submitted")
    with db.sessions.begin() as s:
        s.execute(update(HardshipStep).where(HardshipStep.case_id == case_id,
                                             HardshipStep.seq == 1).values(at=EARLY))
    dialog = HardshipDialog.open_case(make_workspace(db, CAST["maker"]), case_id)
    qtbot.addWidget(dialog)
    assert dialog.history.item(0, 0).text() == "2026-05-01 07:30"


def test_the_document_ledger_and_a_reprint_show_the_office_date(
        qtbot: QtBot, db: Database, admin: Actor, beijing: None) -> None:
    ids = add_persons(db, [Spec("朱荣荣", honors=(("浙江省劳动模范", "省部级", 2010, False),))])
    docs = DocumentService(db.sessions, admin, db.read_sessions,
                           today=lambda: dt.date(2026, 5, 1))
    serial = docs.certificate(ids["朱荣荣"]).serials[0]
    with db.sessions.begin() as s:
        s.execute(update(DocumentLog).where(DocumentLog.serial == serial).values(at=EARLY))
    page = DocumentLogPage(make_workspace(db, admin), TaskRunner())
    qtbot.addWidget(page)
    page.refresh()
    assert page.table.item(0, 5).text() == "2026-05-01 07:30"
    again = docs.reprint(serial, "原件遗失")
    text = re.sub(r"\s+", "", "".join(p.extract_text()
                                      for p in PdfReader(io.BytesIO(again.pdf)).pages))
    assert "原件出具于2026年5月1日" in text, text
