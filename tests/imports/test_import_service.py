"""The import on a real database (SQLite and PostgreSQL): dry run = import, all or nothing,
updates field by field, duplicates, other districts, undo."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from desktop.database import Database
from desktop.errors import AppError
from desktop.models import AuditEvent, Honor, Person
from desktop.services.imports.importer import ImportService
from desktop.services.imports.types import ImportOptions
from desktop.services.imports.words import report_workbook
from desktop.services.permissions import Actor
from tests.exchange.import_support import (
    HEADERS,
    ID_A,
    ID_B,
    ID_D15,
    clerk_rows,
    write_clerk_workbook,
)

GOOD_ONLY = ImportOptions(good_rows_only=True)


def _persons(db: Database) -> int:
    with db.sessions.begin() as s:
        return s.scalar(select(func.count()).select_from(Person)
                        .where(Person.deleted_at.is_(None))) or 0


@pytest.fixture
def service(db: Database, admin: Actor) -> ImportService:
    return ImportService(db.sessions, admin, today=lambda: dt.date(2026, 6, 1))


def test_clerk_workbook_dry_run_equals_import(db: Database, service: ImportService,
                                              tmp_path: Path) -> None:
    path = write_clerk_workbook(tmp_path / "名册.xlsx")
    dry = service.run(path, GOOD_ONLY, dry_run=True)
    assert dry.counts == {"new": 4, "updated": 0, "unchanged": 0, "rejected": 2,
                          "duplicate": 0}
    assert dry.header_row == 3 and dry.footer_rows == (10, 11)
    assert not dry.written and _persons(db) == 0
    rejected = {o.number: [p.code for p in o.problems] for o in dry.rows
                if o.status == "rejected"}
    assert rejected == {8: ["id_float_mangled"], 9: ["id_bad_checksum"]}
    real = service.run(path, GOOD_ONLY, dry_run=False)
    assert real.counts == dry.counts and real.written and real.batch_id is not None
    assert real.rows == dry.rows  # same statuses, problems, warnings, row by row
    assert _persons(db) == 4
    with db.sessions.begin() as s:
        zhang = s.scalars(select(Person).where(Person.id_number == ID_A)).one()
        assert (zhang.sex, zhang.birth_date, zhang.ethnicity, zhang.political_status) == (
            "1", dt.date(1965, 3, 12), "01", "01")
        # 全国劳模 is registered by its full title (a certificate prints it)
        assert zhang.treatment_level == "全国" and zhang.highest_honor == "全国劳动模范(2015)"
        # a mobile written under 联系电话 is the mobile (it was kept as the landline)
        assert zhang.mobile == "13857212345" and zhang.phone is None
        wang = s.scalars(select(Person).where(Person.name == "王伟")).one()
        assert sorted((h.title, h.level) for h in wang.honors) == [
            ("全国劳动模范", "全国"), ("浙江省劳动模范", "省部级")]
        old = s.scalars(select(Person).where(Person.id_legacy15.is_(True))).one()
        assert old.id_number is not None and old.id_number[:8] == ID_D15[:6] + "19"
        li = s.scalars(select(Person).where(Person.id_number == ID_B)).one()
        assert li.honors[0].year == 2008 and li.notes == "退休"
        actions = s.scalars(select(AuditEvent.action)).all()
        assert "person.import" in actions


def test_messy_second_import_dry_run_reports_what_the_import_does(
        db: Database, service: ImportService, tmp_path: Path) -> None:
    """The dry run only plans (it writes nothing); on a file with updates, unchanged rows, a
    repeated row, one ID number with two contents, an impostor and broken IDs it must still
    say exactly what the import then does."""
    rows = clerk_rows()
    service.run(write_clerk_workbook(tmp_path / "a.xlsx", rows[:2]), GOOD_ONLY, dry_run=False)
    changed = list(rows[0])
    changed[7] = "长兴县供电公司"
    changed[8] = "2015年全国劳模、2020年全国五一劳动奖章"
    impostor = list(rows[1])
    impostor[1] = "李冒名"
    twice = list(rows[2])
    twice[7] = "别的单位"
    path = write_clerk_workbook(tmp_path / "b.xlsx", [
        changed, rows[2], list(rows[2]), rows[3], rows[4], rows[5], impostor])
    path2 = write_clerk_workbook(tmp_path / "c.xlsx", [changed, rows[3], rows[3], rows[2],
                                                        twice, impostor, rows[4]])
    for book in (path, path2):
        before = _persons(db)
        with db.sessions.begin() as s:
            versions = sorted(s.execute(select(Person.id_number, Person.row_version)).all())
        dry = service.run(book, GOOD_ONLY, dry_run=True)
        with db.sessions.begin() as s:  # nothing written, not even a version moved
            assert sorted(s.execute(select(Person.id_number, Person.row_version)).all()) \
                == versions
        real = service.run(book, GOOD_ONLY, dry_run=False)
        assert real.written and real.counts == dry.counts
        assert real.rows == dry.rows and real.footer_rows == dry.footer_rows
        assert _persons(db) == before + real.counts["new"]
        if book == path:
            assert dry.counts == {"new": 2, "updated": 1, "unchanged": 0, "rejected": 3,
                                  "duplicate": 1}
        else:
            assert {o.status for o in dry.rows} >= {"rejected", "unchanged", "duplicate"}
            assert any(p.code == "id_twice_in_file" for o in dry.rows for p in o.problems)


def test_all_or_nothing_writes_nothing(db: Database, service: ImportService,
                                       tmp_path: Path) -> None:
    path = write_clerk_workbook(tmp_path / "名册.xlsx")
    result = service.run(path, dry_run=False)
    assert result.rejected == 2 and not result.written and result.batch_id is None
    assert _persons(db) == 0


def test_second_import_updates_field_by_field_and_undo(db: Database, service: ImportService,
                                                      tmp_path: Path) -> None:
    rows = clerk_rows()[:2]
    service.run(write_clerk_workbook(tmp_path / "a.xlsx", rows), dry_run=False)
    rows[0][7] = "长兴县电力局 班长"  # work unit changed, the position not
    rows[0][10] = None  # an empty cell never erases the stored number
    rows[0][8] = "2015年全国劳模、2010年省劳模、2020年全国五一劳动奖章"
    second = write_clerk_workbook(tmp_path / "b.xlsx", rows)
    result = service.run(second, dry_run=True)
    assert result.counts["updated"] == 1 and result.counts["unchanged"] == 1
    changes = {c.field: (c.before, c.after) for c in result.rows[0].changes}
    assert changes == {"work_unit": ("长兴县供电公司", "长兴县电力局"),
                       "honors": ("", "全国五一劳动奖章(2020)")}
    real = service.run(second, dry_run=False)
    assert real.batch_id is not None
    with db.sessions.begin() as s:
        zhang = s.scalars(select(Person).where(Person.id_number == ID_A)).one()
        assert (zhang.work_unit, zhang.position, zhang.mobile) == (
            "长兴县电力局", "班长", "13857212345")
        assert len([h for h in zhang.honors if h.deleted_at is None]) == 3
    assert service.undo(real.batch_id) == 1
    with db.sessions.begin() as s:
        zhang = s.scalars(select(Person).where(Person.id_number == ID_A)).one()
        assert zhang.work_unit == "长兴县供电公司"
        assert len([h for h in zhang.honors if h.deleted_at is None]) == 2
        assert zhang.highest_honor == "全国劳动模范(2015)"
    first = service.batches()[-1]
    assert service.undo(first.id) == 2 and _persons(db) == 0
    with pytest.raises(AppError) as caught:
        service.undo(first.id)
    assert caught.value.code == "import_batch_undone"


def test_duplicates_in_file_other_person_and_other_district(
        db: Database, service: ImportService, tmp_path: Path) -> None:
    rows = clerk_rows()[:2]
    service.run(write_clerk_workbook(tmp_path / "a.xlsx", rows[:1]), dry_run=False)
    same = list(rows[1])
    changed = list(rows[1])
    changed[7] = "别的单位"
    impostor = list(rows[0])
    impostor[1] = "张冒名"
    other = list(clerk_rows()[2])
    other.append("吴兴区")
    path = write_clerk_workbook(tmp_path / "b.xlsx", [rows[1], same, impostor])
    result = service.run(path, GOOD_ONLY, dry_run=True)
    statuses = [(o.status, o.same_as) for o in result.rows]
    assert statuses == [("new", None), ("duplicate", 4), ("rejected", None)]
    assert result.rows[2].problems[0].code == "id_other_person"
    path = write_clerk_workbook(tmp_path / "d.xlsx", [other], [*HEADERS, "所属区县"])
    result = service.run(path, dry_run=True)
    assert [p.code for p in result.rows[0].problems] == ["district_other"]
    assert result.rows[0].problems[0].column == 12
    path = write_clerk_workbook(tmp_path / "c.xlsx", [rows[1], changed])
    result = service.run(path, GOOD_ONLY, dry_run=True)
    assert [o.status for o in result.rows] == ["rejected", "rejected"]
    assert result.rows[0].problems[-1].code == "id_twice_in_file"


def test_report_workbook_marks_bad_cells(service: ImportService, tmp_path: Path) -> None:
    path = write_clerk_workbook(tmp_path / "名册.xlsx")
    result = service.run(path, dry_run=True)
    data = report_workbook(path, result)
    out = tmp_path / "report.xlsx"
    out.write_bytes(data)
    ws = load_workbook(out)["劳模名单"]
    assert ws["M3"].value == "导入结果（劳模之家）"
    assert "末几位已丢失" in ws["M8"].value
    assert ws["D8"].fill.fgColor.rgb.endswith("FFC7CE")
    # a new row; its note says which abbreviated titles were written in full
    assert ws["M4"].value == ("新增；注意：荣誉称号的简称已按全称登记（“全国劳模”→“全国劳动模范”、"
                              "“省劳模”→“浙江省劳动模范”），请核对。")
    assert ws["D4"].fill.fgColor.rgb != "FFFFC7CE"
    assert ws["M10"].value == "表尾行，未导入"
    assert ws["A1"].value == "长兴县劳动模范名册"  # the user's own sheet, title kept


def test_csv_in_gbk_and_utf8_bom(db: Database, service: ImportService, tmp_path: Path) -> None:
    text = f"姓名,性别,身份证号,荣誉称号\r\n张建国,男,{ID_A.lower()},2015年全国劳模\r\n"
    for encoding in ("gb18030", "utf-8-sig"):
        path = tmp_path / f"{encoding}.csv"
        path.write_bytes(text.encode(encoding))
        result = service.run(path, dry_run=True)
        assert result.counts["new"] == 1, encoding


@pytest.mark.parametrize(("content", "code"), [
    (b"", "import_empty"),
    (b"PK\x03\x04garbage", "import_damaged"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600
     + "EncryptedPackage".encode("utf-16-le"), "import_encrypted"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "import_not_workbook"),  # a .doc
    (b"hello", "import_not_workbook"),
])
def test_bad_files_are_refused_clearly(service: ImportService, tmp_path: Path,
                                       content: bytes, code: str) -> None:
    path = tmp_path / "bad.xlsx"
    path.write_bytes(content)
    with pytest.raises(AppError) as caught:
        service.run(path, dry_run=True)
    assert caught.value.code == code


def test_empty_sheet_formulas_and_xls(service: ImportService, tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    wb.save(tmp_path / "empty.xlsx")
    with pytest.raises(AppError) as caught:
        service.run(tmp_path / "empty.xlsx", dry_run=True)
    assert caught.value.code == "import_empty"
    rows = clerk_rows()[:2]
    rows[1][1] = "=A5&\"x\""  # a formula with no cached value: an empty name, refused
    result = service.run(write_clerk_workbook(tmp_path / "f.xlsx", rows), dry_run=True)
    assert [o.status for o in result.rows] == ["new", "rejected"]
    assert result.rows[1].problems[0].code == "name_empty"
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice is not installed (needed to write an .xls)")
    book = write_clerk_workbook(tmp_path / "old.xlsx")
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless",
                    "--convert-to", "xls", "--outdir", str(tmp_path), str(book)],
                   check=True, capture_output=True, timeout=170)
    result = service.run(tmp_path / "old.xls", dry_run=True)
    assert result.counts["new"] == 4 and result.counts["rejected"] == 2
    assert result.header_row == 3 and result.footer_rows == (10, 11)


def test_no_header_and_cancel_leave_nothing(db: Database, service: ImportService,
                                            tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(AppError) as caught:
        service.run(path, dry_run=True)
    assert caught.value.code == "import_no_header"
    path = write_clerk_workbook(tmp_path / "名册.xlsx")
    with pytest.raises(AppError) as caught:
        service.run(path, GOOD_ONLY, dry_run=False, is_cancelled=lambda: True)
    assert caught.value.code == "import_cancelled"
    assert _persons(db) == 0
    with db.sessions.begin() as s:
        assert s.scalar(select(func.count()).select_from(Honor)) == 0


def test_a_cancel_while_rows_are_being_written_leaves_nothing(
        db: Database, service: ImportService, tmp_path: Path) -> None:
    """Cancelled after the first 500 rows were inserted: all rolled back, and the next import
    on the same connection pool works."""
    from desktop.core import idnumber

    given = "伟芳娜秀英敏静丽强磊"
    rows = [[n, "张" + given[n % 10] + given[n // 10 % 10] + given[n // 100 % 10], "男",
             idnumber.make("330522", dt.date(1960, 1, 1) + dt.timedelta(days=n // 400),
                           n % 400 * 2 + 1),
             "1960", "汉", "群众", "供电公司", "县劳动模范", 2010, None, None]
            for n in range(1, 1301)]
    path = write_clerk_workbook(tmp_path / "big.xlsx", rows)
    seen: list[int] = []

    def progress(done: int, total: int) -> None:
        seen.append(done)

    with pytest.raises(AppError) as caught:
        service.run(path, GOOD_ONLY, dry_run=False, progress=progress,
                    is_cancelled=lambda: bool(seen) and seen[-1] >= 1300 + 500)
    assert caught.value.code == "import_cancelled" and max(seen) == 1800
    assert _persons(db) == 0
    with db.sessions.begin() as s:
        assert s.scalar(select(func.count()).select_from(Honor)) == 0
    result = service.run(path, GOOD_ONLY, dry_run=False)
    assert result.written and _persons(db) == 1300


def test_saved_mapping_applies_by_header_text(service: ImportService, tmp_path: Path) -> None:
    path = tmp_path / "odd.csv"
    path.write_text(f"劳模,证号,荣誉\n张建国,{ID_A},全国劳模\n", encoding="utf-8")
    with pytest.raises(AppError):
        service.preview(path)
    service.save_mapping("县里的表", ("劳模", "证号", "荣誉"),
                         {0: "name", 1: "id_number", 2: "honors"})
    result = service.run(path, ImportOptions(saved_mapping="县里的表"), dry_run=True)
    assert result.counts["new"] == 1


def test_bulk_update_refuses_a_row_not_at_its_planned_version(
        db: Database, service: ImportService, tmp_path: Path) -> None:
    """The import's bulk UPDATE (the SQLite fast path and SQLAlchemy's) writes a row only at
    the version it was planned from; otherwise nothing of the statement counts."""
    from desktop.services.imports.importer import ImportService as Service
    from desktop.services.imports.plan import Planned
    from desktop.services.register.store import utcnow

    service.run(write_clerk_workbook(tmp_path / "a.xlsx", clerk_rows()[:2]), GOOD_ONLY,
                dry_run=False)
    with db.sessions.begin() as s:
        stored = sorted(s.execute(select(Person.id, Person.row_version, Person.id_number)),
                        key=lambda r: r[2])
    planned = [Planned(n, None, "updated", "", values={"work_unit": f"单位{n}"},
                       person_id=pid, version=version) for n, (pid, version, _) in
               enumerate(stored)]
    planned[1].version += 5  # saved by someone else since it was planned
    with pytest.raises(AppError) as caught, db.sessions.begin() as s:
        Service._update(s, planned, utcnow())
    assert caught.value.code == "import_row_changed"
    planned = [Planned(n, None, "updated", "", values={"work_unit": f"单位{n}"},
                       person_id=pid, version=version) for n, (pid, version, _) in
               enumerate(stored)]
    with db.sessions.begin() as s:
        Service._update(s, planned, utcnow())
    with db.sessions.begin() as s:
        after = sorted(s.execute(select(Person.id_number, Person.work_unit,
                                        Person.row_version)))
    assert [(u, v) for _, u, v in after] == [
        (f"单位{n}", version + 1) for n, (_, version, _) in enumerate(stored)]
    assert all(p.version == version + 1 for p, (_, version, _) in zip(planned, stored,
                                                                      strict=True))


def test_a_roster_saying_died_warns_only_while_the_register_says_alive(
        db: Database, service: ImportService, tmp_path: Path) -> None:
    """备注 "已故": a note to record the death, for a new person and a living one; none once
    the register has recorded the death."""
    headers = [*HEADERS[:11], "备注"]
    base = clerk_rows()[0][:11]
    path = write_clerk_workbook(tmp_path / "名册.xlsx", [[*base, "2019年已故"]], headers)
    first = service.run(path, GOOD_ONLY, dry_run=False)
    assert [w.code for w in first.rows[0].warnings] == ["import_said_deceased",
                                                         "honor_title_expanded"]
    with db.sessions.begin() as s:
        person = s.scalars(select(Person)).one()
        person.life_status, person.death_date = "deceased", dt.date(2019, 5, 1)
    changed = [*base[:7], "长兴县另一单位", *base[8:], "2019年已故"]
    again = service.run(write_clerk_workbook(tmp_path / "二.xlsx", [changed], headers),
                        GOOD_ONLY, dry_run=True)
    assert again.rows[0].status == "updated" and again.rows[0].warnings == ()


def test_a_refused_undo_names_who_was_edited(db: Database, service: ImportService,
                                             tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """"该批次中有 2 人在导入后又被修改或删除" said who only by number: the clerk now reads
    the names (the first few, then 等 N 人) to look them up."""
    from desktop.core.texts import error_text
    from desktop.services.imports import importer

    real = service.run(write_clerk_workbook(tmp_path / "a.xlsx"), GOOD_ONLY, dry_run=False)
    assert real.batch_id is not None
    with db.sessions.begin() as s:
        people = list(s.scalars(select(Person).order_by(Person.name)))[:2]
        for p in people:
            p.phone = "13900000000"
        names = [p.name for p in people]
    with pytest.raises(AppError) as caught:
        service.undo(real.batch_id)
    said = error_text(caught.value)
    assert "2 人" in said and all(n in said for n in names), said
    english = error_text(caught.value, "en")
    assert all(n in english for n in names) and "等" not in english, english
    monkeypatch.setattr(importer, "UNDO_NAMES_SHOWN", 1)
    with pytest.raises(AppError) as caught:
        service.undo(real.batch_id)
    said = error_text(caught.value)
    assert f"{sorted(names)[0]}等 2 人" in said and sorted(names)[1] not in said, said
    assert "and 1 more" in error_text(caught.value, "en")
    assert _persons(db) == 4  # nothing undone


def test_import_history_names_who_imported(db: Database, service: ImportService,
                                           tmp_path: Path) -> None:
    """操作人 reads the name people know (管理员), not the log-in name admin."""
    service.run(write_clerk_workbook(tmp_path / "a.xlsx"), GOOD_ONLY, dry_run=False)
    assert [b.created_by for b in service.batches()] == ["管理员"]
