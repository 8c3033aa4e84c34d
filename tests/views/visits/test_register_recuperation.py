"""The register shows each person's last recuperation year (疗休养, a confirmed entry of any
organiser's batch): a column of the register table, and the person dialog's header."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.database import Database
from desktop.services.register.types import RegisterFilter
from desktop.services.visits.recuperation import BatchDraft, RecuperationService
from desktop.services.workspace import Workspace
from desktop.views.register.person_dialog import PersonDialog
from desktop.views.register.register_table_model import RegisterTableModel
from tests.visits.support import add_people


def _batch(year: int, organiser: str = "市总") -> BatchDraft:
    return BatchDraft(year=year, name=f"{year}年{organiser}劳模疗休养", destination="舟山",
                      start_date=dt.date(year, 5, 10), end_date=dt.date(year, 5, 14), days=5,
                      quota=3, cost_per_day_fen=60000, organiser=organiser)


def test_register_and_person_dialog_show_the_last_recuperation_year(
        qtbot: QtBot, db: Database, ws: Workspace) -> None:
    ids = add_people(db)
    rec = RecuperationService(db.sessions, ws.actor)
    old = rec.create_batch(_batch(2023, "省总"))
    rec.confirm(rec.nominate(old, ids["奖章壬"]))
    rec.confirm(rec.nominate(old, ids["市级丙"]))
    new = rec.create_batch(_batch(2025))
    rec.confirm(rec.nominate(new, ids["奖章壬"]))  # the later year wins
    rec.nominate(new, ids["省级乙"])  # nominated only: not sent
    declined = rec.nominate(new, ids["吴兴辛"])
    rec.decline(declined, "家中有事")

    page = ws.register().search(RegisterFilter(), limit=50)
    years = {r.name: r.last_recuperation_year for r in page.rows}
    assert years["奖章壬"] == 2025 and years["市级丙"] == 2023
    assert years["省级乙"] is None and years["吴兴辛"] is None and years["全国甲"] is None

    model = RegisterTableModel()
    model.set_source(None, len(page.rows), page.rows)
    column = RegisterTableModel.RECUPERATION
    assert model.headerData(column, _horizontal()) == "上次疗休养"
    shown = {model.data(model.index(i, RegisterTableModel.NAME)):
             model.data(model.index(i, column)) for i in range(model.rowCount())}
    assert shown["奖章壬"] == "2025" and shown["省级乙"] == ""

    dialog = PersonDialog(ws, ids["奖章壬"])
    qtbot.addWidget(dialog)
    assert "上次疗休养：2025" in dialog.header.text()
    never = PersonDialog(ws, ids["省级乙"])
    qtbot.addWidget(never)
    assert "上次疗休养：从未参加" in never.header.text()


def _horizontal() -> Qt.Orientation:
    return Qt.Orientation.Horizontal
