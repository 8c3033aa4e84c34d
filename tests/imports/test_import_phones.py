"""Phone numbers on import, on a real database: a mobile written under 联系电话 is the mobile
(it was stored as the landline), a cell of two numbers is parted ("0572-6021234 13905721234"),
a 手机 column is never overwritten by 联系电话 nor the other way round, and a cell of two
numbers of a kind or an unreadable one keeps its row importable and says so on the row; the
dry run says what the import writes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from desktop.core import idnumber
from desktop.database import Database
from desktop.models import Person
from desktop.services.imports.importer import ImportService
from desktop.services.imports.words import report_workbook
from desktop.services.permissions import Actor
from tests.exchange.import_support import write_clerk_workbook

HEADERS = ["序号", "姓名", "性别", "身份证号码", "联系电话", "手机"]
ROWS = [  # name, 联系电话, 手机 -> phone, mobile, notes
    ("张一", "139 0572 1234", None, None, "13905721234", []),
    ("李二", "0572-6021234 13805721234", None, "0572-6021234", "13805721234", []),
    ("王三", "13705721234/13605721234", None, "13705721234/13605721234", None,
     ["import_phone_two_mobiles"]),
    ("赵四", "13505721234，0572-6022222", None, "0572-6022222", "13505721234", []),
    ("钱五", "0572-6023333", "13305721234", "0572-6023333", "13305721234", []),
    ("孙六", "13205721234", "13105721234", "13205721234", "13105721234",
     ["import_phone_mobile_kept"]),
    ("周七", "0572-6O24444", None, None, None, ["import_phone_dropped"]),
    ("吴八", None, "0572-6025555", "0572-6025555", None, []),
    ("郑九", "+86 158 0572 1234", None, None, "15805721234", []),
    ("冯十", "0572-6026666转8012", "1390572123", "0572-6026666转8012", None,
     ["import_phone_dropped"]),
    ("陈十一", "0572-6027777、0572-6028888", "13005721234", "0572-6027777、0572-6028888",
     "13005721234", ["import_phone_two_landlines"]),
    ("褚十二", 13905720000.0, None, None, "13905720000", []),  # a number cell
    ("卫十三", "13905721111（短号661234）", None, "13905721111(短号661234)", None,
     ["import_phone_kept"]),
]


@pytest.fixture
def service(db: Database, admin: Actor) -> ImportService:
    return ImportService(db.sessions, admin, today=lambda: dt.date(2026, 6, 1))


def _book(tmp_path: Path) -> Path:
    rows = [[n + 1, name, "男", idnumber.make("330522", dt.date(1960, 1, 1), 11 + 2 * n),
             phone, mobile] for n, (name, phone, mobile, *_) in enumerate(ROWS)]
    return write_clerk_workbook(tmp_path / "电话.xlsx", rows, HEADERS)


def test_numbers_go_to_their_columns_and_doubts_are_said(
        db: Database, service: ImportService, tmp_path: Path) -> None:
    path = _book(tmp_path)
    dry = service.run(path, dry_run=True)
    assert dry.counts["new"] == len(ROWS) and dry.rejected == 0, [
        (o.number, o.problems) for o in dry.rows if o.problems]
    said = {o.name: [w.code for w in o.warnings] for o in dry.rows}
    assert said == {name: notes for name, *_, notes in ROWS}
    real = service.run(path, dry_run=False)
    assert real.written and real.rows == dry.rows  # the dry run says what is written
    with db.sessions.begin() as s:
        stored = {p.name: (p.phone, p.mobile) for p in s.scalars(select(Person))}
    assert stored == {name: (phone, mobile) for name, _, _, phone, mobile, _ in ROWS}
    # the words on the row, in the report workbook as in the wizard
    row = next(o for o in dry.rows if o.name == "王三")
    sheet = load_workbook(_saved(tmp_path, report_workbook(path, real)))["劳模名单"]
    column = next(c.column for c in sheet[3] if c.value == "导入结果（劳模之家）")
    note = sheet.cell(row.number, column).value
    assert "有两个手机号码，已按原样登记" in note and "13705721234/13605721234" in note
    dropped = next(o for o in dry.rows if o.name == "周七")
    assert "0572-6O24444" in sheet.cell(dropped.number, column).value


def _saved(tmp_path: Path, data: bytes) -> Path:
    out = tmp_path / "report.xlsx"
    out.write_bytes(data)
    return out


def test_the_same_file_again_changes_nothing(
        db: Database, service: ImportService, tmp_path: Path) -> None:
    path = _book(tmp_path)
    service.run(path, dry_run=False)
    again = service.run(path, dry_run=True)
    assert again.counts["unchanged"] == len(ROWS)  # read the same way twice


def test_a_mobile_an_earlier_import_stored_as_the_phone_moves_to_the_mobile(
        db: Database, service: ImportService, tmp_path: Path) -> None:
    """The register as the old import left it: 张一's and 褚十二's mobiles in ``phone``; 郑九
    has another mobile entered by hand since. The same roster again moves the first two (said
    as changes, undone with the batch) and leaves 郑九's register as it is."""
    path = _book(tmp_path)
    service.run(path, dry_run=False)
    with db.sessions.begin() as s:
        people = {p.name: p for p in s.scalars(select(Person))}
        for name, (phone, mobile) in {"张一": ("13905721234", None),
                                      "褚十二": ("13905720000", None),
                                      "郑九": ("+8615805721234", "13000000000")}.items():
            people[name].phone, people[name].mobile = phone, mobile
    dry = service.run(path, dry_run=True)
    changes = {o.name: {c.field: (c.before, c.after) for c in o.changes} for o in dry.rows
               if o.status == "updated"}
    assert changes == {"张一": {"phone": ("13905721234", ""),
                               "mobile": ("", "13905721234")},
                       "褚十二": {"phone": ("13905720000", ""),
                                "mobile": ("", "13905720000")}}
    real = service.run(path, dry_run=False)
    assert real.rows == dry.rows and real.batch_id is not None
    with db.sessions.begin() as s:
        stored = {p.name: (p.phone, p.mobile) for p in s.scalars(select(Person))}
    assert stored["张一"] == (None, "13905721234")
    assert stored["郑九"] == ("+8615805721234", "13000000000")
    service.undo(real.batch_id)
    with db.sessions.begin() as s:
        stored = {p.name: (p.phone, p.mobile) for p in s.scalars(select(Person))}
    assert stored["张一"] == ("13905721234", None)
