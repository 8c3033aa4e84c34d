"""The visits page opens a hardship draft from a follow-up: from the recording dialog (a check
box) and from the work list (a button); a person with an open file is refused by name of file."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop.database import Database
from desktop.errors import AppError
from desktop.services.visits.types import VisitResult
from desktop.services.workspace import Workspace
from desktop.views.tasks import TaskRunner
from desktop.views.visits.visit_hardship_dialog import VisitHardshipDialog
from desktop.views.visits.visit_record_dialog import VisitRecordDialog
from desktop.views.visits.visits_page import VisitsPage
from tests.hardship_support import add_people, draft

SHOTS = os.environ.get("LAOMO_SCREENSHOTS")  # where to keep screenshots (none when unset)


def _shot(widget: QWidget, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(SHOTS) / name))


def test_follow_up_opens_a_hardship_file_from_the_dialogs(
        qtbot: QtBot, db: Database, ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = add_people(db, 2)
    svc = ws.visits()
    today = dt.date.today()
    vid = svc.create_single(first, "住院", today)
    row = next(v for v in svc.visits(None) if v.id == vid)
    record = VisitRecordDialog(svc, row)
    qtbot.addWidget(record)
    assert not record.hardship_file.isEnabled()  # only with a follow-up
    record.follow_up.setChecked(True)
    record.hardship_file.setChecked(True)
    record.follow_note.setText("家中困难")
    record.situation.setPlainText("老伴卧床")
    record.save()
    assert record.result() == record.DialogCode.Accepted and record.wants_hardship_file()
    record.follow_up.setChecked(False)
    assert not record.hardship_file.isChecked() and not record.wants_hardship_file()

    dialog = VisitHardshipDialog(svc, vid, row.name, ws.hardship().categories())
    qtbot.addWidget(dialog)
    dialog.category.setCurrentText("相对困难")
    dialog.save()
    assert dialog.case_id is not None
    _shot(dialog, "visit_hardship_dialog.png")
    got = ws.hardship().get(dialog.case_id)
    assert got.status == "draft" and got.category == "相对困难"
    assert got.notes is not None and "老伴卧床" in got.notes

    # the work list: a second person, already with an open file, is refused
    ws.hardship().open(draft(second))
    other = svc.create_single(second, "住院", today)
    svc.record(other, VisitResult("done", today, follow_up=True, follow_up_note="需要帮扶"))
    shown: list[str] = []
    monkeypatch.setattr("desktop.views.visits.visit_hardship_dialog.present_error",
                        lambda parent, exc: shown.append(
                            exc.code if isinstance(exc, AppError) else str(exc)))
    page = VisitsPage(ws, TaskRunner())
    qtbot.addWidget(page)
    page.refresh()
    qtbot.waitUntil(lambda: not page.loading, timeout=20000)
    names = [w.name for w in page.work_model.rows if w.kind == "follow_up"]
    assert len(names) == 1  # the first follow-up was closed by its file
    page.work_table.selectRow(0)
    item = page._work_item()
    assert item is not None and item.visit_id == other
    refused = VisitHardshipDialog(svc, other, item.name, ws.hardship().categories())
    qtbot.addWidget(refused)
    refused.save()
    assert shown == ["visit_hardship_file_open"] and refused.case_id is None



def test_a_visit_to_a_deceased_person_does_not_offer_a_hardship_file(
        qtbot: QtBot, db: Database, ws: Workspace) -> None:
    """The service refuses a file for the dead; the recording dialog offered it anyway."""
    import dataclasses

    (first,) = add_people(db, 1)
    svc = ws.visits()
    today = dt.date.today()
    vid = svc.create_single(first, "去世/吊唁", today)
    row = dataclasses.replace(next(v for v in svc.visits(None) if v.id == vid),
                              life_status="deceased")
    record = VisitRecordDialog(svc, row)
    qtbot.addWidget(record)
    record.follow_up.setChecked(True)
    assert not record.hardship_file.isEnabled() and not record.wants_hardship_file()
    assert "已故" in record.hardship_file.toolTip() or "died" in record.hardship_file.toolTip()
