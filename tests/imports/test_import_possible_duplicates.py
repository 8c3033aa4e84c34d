"""Rows without an ID number are checked against the register by name + birth date and by
name + work unit: warned (dry run, report workbook, wizard), never refused."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from desktop.database import Database
from desktop.models import Person
from desktop.services.imports.importer import ImportService
from desktop.services.imports.types import ImportOptions
from desktop.services.imports.words import counts_text, report_workbook, row_text
from desktop.services.permissions import Actor
from tests.exchange.import_support import ID_A, clerk_rows, write_clerk_workbook
from tests.register_support import Spec, add_persons


@pytest.fixture
def service(db: Database, admin: Actor) -> ImportService:
    return ImportService(db.sessions, admin, today=lambda: dt.date(2026, 6, 1))


def _row(seq: int, name: str, number: str | None, born: object, unit: str) -> list[object]:
    return [seq, name, "男", number, born, "汉", "群众", unit, "县劳动模范", 2010, None, None]


def test_rows_without_id_number_are_checked_by_name_birth_and_unit(
        db: Database, service: ImportService, tmp_path: Path) -> None:
    add_persons(db, [
        Spec("张建国", born=dt.date(1965, 3, 12), work_unit="长兴县供电公司"),
        Spec("李秀英", born=dt.date(1958, 10, 2), sex="2", work_unit="长兴县第一人民医院"),
        Spec("王大海", born=dt.date(1950, 5, 5), work_unit="煤山镇"),
    ])
    rows = [
        _row(1, "张建国", None, dt.date(1965, 3, 12), "某公司"),  # same birth date
        _row(2, "李秀英", None, dt.date(1960, 1, 1), "长兴县 第一人民医院"),  # same unit
        _row(3, "王大海", None, dt.date(1951, 5, 5), "别的单位"),  # same name only: no warning
        _row(4, "赵六", None, dt.date(1970, 1, 1), "煤山镇"),  # nobody of that name
        _row(5, "张建国", ID_A, dt.date(1965, 3, 12), "长兴县供电公司"),  # has an ID number
    ]
    path = write_clerk_workbook(tmp_path / "名册.xlsx", rows)
    dry = service.run(path, ImportOptions(good_rows_only=True), dry_run=True)
    assert [o.status for o in dry.rows] == ["new"] * 5
    assert dry.counts["rejected"] == 0 and not any(o.problems for o in dry.rows)
    warned = {o.number: [w.code for w in o.warnings] for o in dry.rows if o.warnings}
    assert warned == {4: ["possible_duplicate_birth"], 5: ["possible_duplicate_unit"]}
    assert dry.warned == 2
    first = dry.rows[0]
    assert first.warnings[0].column == 4 and first.warnings[0].params["unit"] == "长兴县供电公司"
    assert row_text(first).startswith(
        "新增；注意：登记册中已有同名同出生日期的张建国（长兴县，长兴县供电公司）")
    assert "born 1958-10-02" in row_text(dry.rows[1], "en")
    assert row_text(dry.rows[2]) == "新增"
    assert "其中 2 行可能与登记册中已有的人重复" in counts_text(dry)
    assert "2 row(s) may repeat persons" in counts_text(dry, "en")
    assert dry.noted == 0 and "提示" not in counts_text(dry)

    out = tmp_path / "report.xlsx"
    out.write_bytes(report_workbook(path, dry))
    ws = load_workbook(out)["劳模名单"]
    assert "可能是同一人" in ws["M4"].value and ws["M4"].fill.fgColor.rgb.endswith("FCE4D6")
    assert "同工作单位的李秀英" in ws["M5"].value
    assert ws["M6"].value == "新增" and not ws["M6"].fill.fgColor.rgb.endswith("FCE4D6")

    real = service.run(path, ImportOptions(good_rows_only=True), dry_run=False)
    assert real.written and real.counts == dry.counts  # warnings never refuse a row
    assert [(o.number, o.warnings) for o in real.rows] == [(o.number, o.warnings)
                                                           for o in dry.rows]
    with db.sessions.begin() as s:
        assert s.scalar(select(func.count()).select_from(Person)
                        .where(Person.name == "张建国")) == 3


def test_a_note_on_a_row_is_not_called_a_possible_duplicate(
        service: ImportService, tmp_path: Path) -> None:
    """A row with an ID number whose title cell holds two honors and one year: a note on the
    row, counted as such, never worded as "without an ID number, maybe registered"."""
    row = _row(1, "赵六", ID_A, dt.date(1965, 3, 12), "煤山镇")
    row[8] = "县劳动模范、市劳动模范"
    dry = service.run(write_clerk_workbook(tmp_path / "名册.xlsx", [row]), dry_run=True)
    assert dry.rows[0].status == "new" and dry.rows[0].warnings
    assert (dry.warned, dry.noted) == (0, 1)
    assert "1 行有提示" in counts_text(dry) and "可能与登记册" not in counts_text(dry)
    assert "1 row(s) with a note" in counts_text(dry, "en")


def test_deleted_persons_are_not_possible_duplicates(db: Database, service: ImportService,
                                                     tmp_path: Path) -> None:
    add_persons(db, [Spec("张建国", born=dt.date(1965, 3, 12), work_unit="长兴县供电公司")])
    with db.sessions.begin() as s:
        person = s.scalars(select(Person)).one()
        person.deleted_at = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    path = write_clerk_workbook(tmp_path / "名册.xlsx",
                                [_row(1, "张建国", None, dt.date(1965, 3, 12), "长兴县供电公司")])
    dry = service.run(path, dry_run=True)
    assert dry.rows[0].status == "new" and dry.rows[0].warnings == ()
    assert dry.warned == 0 and "身份证号" not in counts_text(dry)


def test_report_of_a_big_sheet_is_streamed_with_the_same_marks(
        db: Database, service: ImportService, tmp_path: Path, monkeypatch: Any) -> None:
    """Past STREAM_ROWS rows the report is written by the streaming writer (openpyxl took 17 s
    for 50,000 rows): same row numbers, values, reasons, red bad cells, orange warnings."""
    from desktop.exchange import import_report

    add_persons(db, [Spec("张建国", born=dt.date(1965, 3, 12), work_unit="长兴县供电公司")])
    rows = [*clerk_rows(), _row(7, "张建国", None, dt.date(1965, 3, 12), "某公司")]
    path = write_clerk_workbook(tmp_path / "名册.xlsx", rows)
    dry = service.run(path, dry_run=True)
    small = tmp_path / "small.xlsx"
    small.write_bytes(report_workbook(path, dry))
    monkeypatch.setattr(import_report, "STREAM_ROWS", 3)
    big = tmp_path / "big.xlsx"
    big.write_bytes(report_workbook(path, dry))
    a, b = load_workbook(small)["劳模名单"], load_workbook(big)["劳模名单"]
    assert b.merged_cells.ranges == set() and a.merged_cells.ranges  # formatting not kept
    for row in range(1, 14):
        for col in "ABCDEFGHIJKLM":
            assert a[f"{col}{row}"].value == b[f"{col}{row}"].value, f"{col}{row}"
    assert b["M3"].value == "导入结果（劳模之家）" and b["M2"].value.startswith("新增 5 人")
    assert b["D8"].fill.fgColor.rgb.endswith("FFC7CE") and "末几位已丢失" in b["M8"].value
    assert not b["D4"].fill.fgColor.rgb.endswith("FFC7CE")
    assert b["M10"].fill.fgColor.rgb.endswith("FCE4D6") and "可能是同一人" in b["M10"].value
    assert b["M12"].value == "表尾行，未导入" and b["M12"].fill.fgColor.rgb.endswith("FFF2CC")
    assert b["E6"].value == dt.datetime(1971, 6, 30) and b["E6"].number_format == "yyyy-mm-dd"
