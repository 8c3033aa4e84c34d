"""The quarterly handoff as two clerks walk it, checked for the words they read: a district
sends its register twice before any receipt came back (two edited persons in between), the city
imports both. The dry-run report (.xlsx, ``laomo handoff`` lines) names tables, fields and
values in words, never codes; a household member or workflow step that travelled again as it
was counts as unchanged, not changed; a damaged file or the wrong file says so in Chinese."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.cli.handoff import _report_lines
from desktop.core import idnumber
from desktop.core.texts import error_text
from desktop.exchange.handoff_package import PackageRefused
from desktop.exchange.handoff_report import report_xlsx
from desktop.services.hardship.service import HardshipService
from desktop.services.register.types import PersonDraft
from tests.handoff.support import Office, enrol, make_office
from tests.hardship_support import draft


@pytest.fixture
def offices(tmp_path: Path, sqlite_template: Path):  # type: ignore[no-untyped-def]
    city = make_office(tmp_path, sqlite_template, "湖州市")
    county = make_office(tmp_path, sqlite_template, "长兴县")
    enrol(city, county)
    yield city, county
    city.db.dispose()
    county.db.dispose()


def _sent_twice(city: Office, county: Office, tmp_path: Path) -> dict:  # type: ignore[type-arg]
    persons = county.persons()
    ids = [persons.create(PersonDraft(
        name=name, district="长兴县", id_number=idnumber.make("330522", dt.date(1960, 5, 1), seq),
        mobile="13912345678", employment_status="在职", work_unit="长兴县水利局"))
        for name, seq in (("朱荣荣", 11), ("王建国", 13), ("李秀英", 12))]
    HardshipService(county.db.sessions, county.admin, county.db.read_sessions).open(
        draft(ids[2]))
    first = tmp_path / "长兴县-2026Q4-1.lmpkg"
    county.handoff().export("2026Q4", first)
    staged = city.handoff().import_file(first.read_bytes())
    assert staged.package_id is not None
    city.handoff(city.reviewer).merge(staged.package_id)
    # two persons edited; no receipt came back, so the second package is whole again
    for seq, pid, change in ((11, ids[0], {"mobile": "13900001111"}),
                             (13, ids[1], {"work_unit": "长兴县职业教育中心",
                                           "employment_status": "离退休"})):
        detail = persons.get(pid)
        persons.update(pid, dataclasses.replace(
            detail.draft, id_number=idnumber.make("330522", dt.date(1960, 5, 1), seq),
            **change), expected_version=detail.row_version)
    second = tmp_path / "长兴县-2026Q4-2.lmpkg"
    county.handoff().export("2026Q4", second)
    result = city.handoff().import_file(second.read_bytes(), dry_run=True)
    return result.report


def test_the_report_of_a_second_package_is_in_words(offices: tuple[Office, Office],
                                                   tmp_path: Path) -> None:
    city, county = offices
    report = _sent_twice(city, county, tmp_path)
    counts = report["counts"]
    assert counts["person"]["changed"] == 2 and counts["person"]["unchanged"] == 1
    # the household members and steps came again as they were: unchanged, not "changed 2"
    assert counts["hardship_member"]["changed"] == 0
    assert counts["hardship_member"]["unchanged"] == 2
    assert counts["hardship_step"]["changed"] == 0

    book = load_workbook(io.BytesIO(report_xlsx(report)))
    tables = [row[0] for row in book["汇总"].iter_rows(min_row=4, values_only=True)]
    assert tables[0] == "人员" and "家庭成员" in tables and "审核流程" in tables
    assert not any(t and "_" in t for t in tables) and "person" not in tables
    changes = {(r[0], r[1]): (r[2], r[3])
               for r in book["修改前后"].iter_rows(min_row=2, values_only=True)}
    assert changes[("王建国", "工作单位")] == ("长兴县水利局", "长兴县职业教育中心")
    assert changes[("王建国", "就业情况")] == ("在职", "离退休")
    assert changes[("朱荣荣", "手机")] == ("139****5678", "139****1111")  # masked, as on screen
    assert not any(f in {"work_unit", "mobile", "employment_status"} for _n, f in changes)

    lines = "\n".join(_report_lines(report, "zh_CN"))
    assert "  人员：新增 0，修改 2，未变 1" in lines and "家庭成员：" in lines
    assert "person" not in lines and "hardship_member" not in lines
    english = "\n".join(_report_lines(report, "en"))
    assert "  Persons: new 0, changed 2, unchanged 1" in english


def test_the_new_persons_sheet_says_when_it_lists_only_the_first(tmp_path: Path) -> None:
    report = {"district": "长兴县", "sequence": 1, "quarter": "2026Q4",
              "counts": {"person": {"new": 3000, "changed": 0, "unchanged": 0, "skipped": 0,
                                    "removed": 0}},
              "new_persons": [{"id": str(i), "name": f"人{i}"} for i in range(500)]}
    sheet = load_workbook(io.BytesIO(report_xlsx(report)))["新增人员"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 501 and rows[-1][0] == "另有 2500 人未列出（共新增 3000 人）"


def test_a_damaged_or_wrong_file_is_said_in_words(offices: tuple[Office, Office],
                                                   tmp_path: Path, sqlite_template: Path
                                                   ) -> None:
    city, county = offices
    county.persons().create(PersonDraft(
        name="朱荣荣", district="长兴县",
        id_number=idnumber.make("330522", dt.date(1960, 5, 1), 11)))
    path = tmp_path / "长兴县-2026Q4-1.lmpkg"
    county.handoff().export("2026Q4", path)
    data = bytearray(path.read_bytes())
    data[5000:5004] = b"XXXX"
    workbook = report_xlsx({"counts": {}})  # an Excel file renamed .lmpkg: a zip, no manifest
    for bad, words in ((bytes(data), "无法解密"), (data[:3000], "无法解密"),
                       (workbook, "这不是数据包文件"), (b"not a zip at all", "这不是数据包文件")):
        with pytest.raises(PackageRefused) as caught:
            city.handoff().import_file(bytes(bad))
        said = error_text(caught.value)
        assert said.startswith("数据包已损坏或不完整：") and words in said, said
        assert not any(w in said for w in ("decryption", "manifest", "zip")), said
    assert "cannot be decrypted" in error_text(
        PackageRefused("package_damaged", reason="decryption"), "en")
    # a district the city has not enrolled: the page's button, not only the command
    stranger = make_office(tmp_path, sqlite_template, "德清县")
    try:
        stranger.handoff().trust(city.handoff().card())
        stranger.handoff().export("2026Q4", tmp_path / "dq.lmpkg")
        with pytest.raises(PackageRefused) as caught:
            city.handoff().import_file((tmp_path / "dq.lmpkg").read_bytes())
    finally:
        stranger.db.dispose()
    said = error_text(caught.value)
    assert "“德清县”没有登记" in said and "“汇总”页点“信任名片…”" in said, said
    assert "“Trust a card…” on the Summary page" in error_text(caught.value, "en")


def test_the_city_refuses_a_second_district_with_the_same_key(
        offices: tuple[Office, Office], tmp_path: Path, sqlite_template: Path) -> None:
    """Two associations' databases on one computer share its key folder: the city enrols the
    first and refuses the second card (either could otherwise sign as the other)."""
    import shutil

    city, county = offices
    twin = make_office(tmp_path, sqlite_template, "安吉县")
    try:
        shutil.copytree(county.keys, twin.keys)
        with pytest.raises(PackageRefused) as caught:
            city.handoff().trust(twin.handoff().card())
    finally:
        twin.db.dispose()
    assert caught.value.code == "card_key_in_use"
    said = error_text(caught.value)
    assert "“安吉县”的名片与已登记的“长兴县”用的是同一把密钥" in said, said
    assert [p.name for p in city.handoff().peers()] == ["长兴县"]


def test_a_staged_package_counts_the_open_items_its_report_foresees(
        offices: tuple[Office, Office], tmp_path: Path, sqlite_template: Path) -> None:
    """The ledger's 待处理 column of a staged package: the items its dry-run report lists (a
    same-ID conflict here), not 0 until someone merges it."""
    city, county = offices
    number = idnumber.make("330522", dt.date(1960, 5, 1), 11)
    county.persons().create(PersonDraft(name="朱荣荣", district="长兴县", id_number=number))
    dq = make_office(tmp_path, sqlite_template, "德清县")
    try:
        enrol(city, dq)
        dq.persons().create(PersonDraft(name="朱荣荣", district="德清县", id_number=number))
        county.handoff().export("2026Q4", tmp_path / "cx.lmpkg")
        staged = city.handoff().import_file((tmp_path / "cx.lmpkg").read_bytes())
        assert staged.package_id is not None
        city.handoff(city.reviewer).merge(staged.package_id)
        dq.handoff().export("2026Q4", tmp_path / "dq.lmpkg")
        staged = city.handoff().import_file((tmp_path / "dq.lmpkg").read_bytes())
    finally:
        dq.db.dispose()
    assert [i["kind"] for i in staged.report["items"]] == ["same_id"]
    row = {r.district: r for r in city.handoff().ledger()}["德清县"]
    assert (row.state, row.open_items) == ("staged", 1)
    # saving the report (names of a district's persons, to a file) leaves a trace
    assert load_workbook(io.BytesIO(city.handoff().report_workbook(row.id)))["汇总"]
    from sqlalchemy import select

    from desktop.models import AuditEvent
    with city.db.sessions.begin() as s:
        last = s.scalars(select(AuditEvent).order_by(AuditEvent.seq.desc())).first()
        assert last is not None and last.action == "handoff.report"
        assert (last.entity_id, last.actor) == (str(row.id), "admin")
    city.handoff(city.reviewer).merge(row.id)
    row = {r.district: r for r in city.handoff().ledger()}["德清县"]
    assert (row.state, row.open_items) == ("merged", 1)


def test_a_record_of_another_district_is_named(offices: tuple[Office, Office],
                                               tmp_path: Path, sqlite_template: Path) -> None:
    """A package carries a person another district manages (a copied database): the open
    item names the person (masked), so the clerk can tell the districts which record."""
    from sqlalchemy import text

    from desktop.services.handoff.conflicts import ConflictService

    city, county = offices
    owned = county.persons().create(PersonDraft(
        name="朱荣荣", district="长兴县",
        id_number=idnumber.make("330522", dt.date(1960, 5, 1), 11)))
    county.handoff().export("2026Q4", tmp_path / "cx.lmpkg")
    staged = city.handoff().import_file((tmp_path / "cx.lmpkg").read_bytes())
    assert staged.package_id is not None
    city.handoff(city.reviewer).merge(staged.package_id)
    dq = make_office(tmp_path, sqlite_template, "德清县")
    try:
        enrol(city, dq)
        copied = dq.persons().create(PersonDraft(
            name="朱荣荣", district="德清县",
            id_number=idnumber.make("330522", dt.date(1960, 5, 1), 11)))
        with dq.db.sessions.begin() as s:  # the same record, as a copied database has it
            s.execute(text("PRAGMA defer_foreign_keys = ON"))
            ids = {"new": owned.hex, "old": copied.hex}
            s.execute(text("UPDATE person SET id = :new WHERE id = :old"), ids)
            for (table,) in s.execute(text(
                    "SELECT m.name FROM sqlite_master m JOIN pragma_table_info(m.name) c "
                    "WHERE m.type = 'table' AND c.name = 'person_id'")).all():
                s.execute(text(f'UPDATE "{table}" SET person_id = :new WHERE person_id = :old'),
                          ids)
        dq.handoff().export("2026Q4", tmp_path / "dq.lmpkg")
        staged = city.handoff().import_file((tmp_path / "dq.lmpkg").read_bytes())
    finally:
        dq.db.dispose()
    conflicts = [i for i in staged.report["items"] if i["kind"] == "owner_conflict"]
    assert [i["detail"]["name"] for i in conflicts] == ["朱荣荣"]
    assert staged.package_id is not None
    city.handoff(city.reviewer).merge(staged.package_id)
    items = ConflictService(city.db.sessions, city.admin, city.db.read_sessions).items()
    shown = [(i.kind, i.name, i.table) for i in items if i.kind == "owner_conflict"]
    assert shown == [("owner_conflict", "朱*荣", "person")]


def test_a_clerk_importing_reference_data_is_told_who_does_it(
        offices: tuple[Office, Office], tmp_path: Path) -> None:
    """报送's 导入回执或参考数据… is a clerk's button (receipts); reference data is an
    administrator's: the refusal names that work, not "修改设置"."""
    from desktop.errors import PermissionDenied
    from desktop.services import accounts
    from desktop.services.permissions import Role

    city, county = offices
    accounts.AccountService(county.db.sessions).create_user(
        county.admin, name="clerk", display_name="办事员", role=Role.CLERK, password="clerk-2026")
    clerk = accounts.AccountService(county.db.sessions).login("clerk", "clerk-2026")
    with pytest.raises(PermissionDenied) as caught:
        county.handoff(clerk).import_file(city.handoff().reference())
    said = error_text(caught.value)
    assert "录入员不能导入市级参考数据包" in said and "由管理员导入" in said, said
    assert "修改设置" not in said
    assert county.handoff().import_file(city.handoff().reference()).kind == "reference"
