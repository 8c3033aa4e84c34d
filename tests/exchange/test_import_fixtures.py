"""Committed real files (made by tests/exchange/data/make_fixtures.py with LibreOffice and
msoffcrypto-tool), so .xls and encrypted workbooks are tested where LibreOffice is absent."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.core.texts import error_text
from desktop.database import Database
from desktop.errors import AppError
from desktop.exchange.import_read import read_sheet, sheet_names
from desktop.models import Person
from desktop.services.imports.importer import ImportService
from desktop.services.imports.types import ImportOptions
from desktop.services.permissions import Actor
from tests.exchange.import_support import ID_A, ID_B, ID_D15

DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def service(db: Database, admin: Actor) -> ImportService:
    return ImportService(db.sessions, admin, today=lambda: dt.date(2026, 6, 1))


def test_fixture_xls_is_a_real_biff8_workbook() -> None:
    raw = (DATA / "clerk.xls").read_bytes()
    assert raw.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")  # OLE compound file
    assert "Workbook".encode("utf-16-le") in raw  # the BIFF8 stream (BIFF5 calls it "Book")
    assert sheet_names(DATA / "clerk.xls") == ["劳模名单"]
    sheet = read_sheet(DATA / "clerk.xls")
    assert sheet.kind == "xls"
    first = [r.number for r in sheet.rows]
    assert first[:3] == [1, 2, 3] and first[-2:] == [10, 11]
    assert sheet.rows[0].cells[0] == "长兴县劳动模范名册"


def test_xls_fixture_dry_run_equals_import(db: Database, service: ImportService,
                                           tmp_path: Path) -> None:
    path = tmp_path / "旧名册.xls"
    shutil.copy(DATA / "clerk.xls", path)
    dry = service.run(path, ImportOptions(good_rows_only=True), dry_run=True)
    assert dry.counts == {"new": 4, "updated": 0, "unchanged": 0, "rejected": 2,
                          "duplicate": 0}
    assert dry.header_row == 3 and dry.footer_rows == (10, 11)
    rejected = {o.number: [p.code for p in o.problems] for o in dry.rows
                if o.status == "rejected"}
    assert rejected == {8: ["id_float_mangled"], 9: ["id_bad_checksum"]}
    real = service.run(path, ImportOptions(good_rows_only=True), dry_run=False)
    assert real.counts == dry.counts and real.written
    with db.sessions.begin() as s:
        assert s.scalar(select(func.count()).select_from(Person)) == 4
        zhang = s.scalars(select(Person).where(Person.id_number == ID_A)).one()
        assert zhang.birth_date == dt.date(1965, 3, 12) and zhang.mobile == "13857212345"
        wang = s.scalars(select(Person).where(Person.name == "王伟")).one()
        assert wang.birth_date == dt.date(1971, 6, 30)  # a real date cell in the .xls
        li = s.scalars(select(Person).where(Person.id_number == ID_B)).one()
        assert li.honors[0].year == 2008
        old = s.scalars(select(Person).where(Person.id_legacy15.is_(True))).one()
        assert old.id_number is not None and old.id_number[:8] == ID_D15[:6] + "19"
        assert old.birth_date == dt.date(1956, 1, 1)


def test_password_protected_xlsx_says_so(service: ImportService, tmp_path: Path) -> None:
    path = tmp_path / "加密名册.xlsx"
    shutil.copy(DATA / "locked.xlsx", path)
    assert b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k" in path.read_bytes()
    for call in (lambda: service.run(path, dry_run=True), lambda: service.preview(path),
                 lambda: sheet_names(path)):
        with pytest.raises(AppError) as caught:
            call()
        assert caught.value.code == "import_encrypted"
        assert "password-protected" in error_text(caught.value, "en")
        assert "设有打开密码" in error_text(caught.value, "zh")


def test_reading_a_big_sheet_can_be_cancelled(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    path.write_text("姓名,身份证号\n" + "".join(f"张{i},x\n" for i in range(10000)),
                    encoding="utf-8")
    asked: list[int] = []

    def cancel_on_third_look() -> bool:
        asked.append(1)
        return len(asked) >= 3

    with pytest.raises(AppError) as caught:
        read_sheet(path, is_cancelled=cancel_on_third_look)
    assert caught.value.code == "import_cancelled" and len(asked) == 3
    assert len(read_sheet(path, is_cancelled=lambda: False).rows) == 10001
