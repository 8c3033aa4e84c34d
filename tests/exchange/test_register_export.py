"""``laomo members export`` as a subprocess, and the workbook/CSV writer on plain rows."""

from __future__ import annotations

import csv
import datetime as dt
import io
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from desktop.core.domain import age_on
from desktop.database import Database
from desktop.exchange import register_export
from desktop.services.accounts import AccountService
from desktop.services.permissions import Role
from tests.cli.test_cli_members import audit_actions
from tests.conftest import ADMIN_PASSWORD, VIEWER_PASSWORD
from tests.register_support import RARE_DA, RARE_JI, ZRR_ID

TITLES = ["姓名", "性别", "出生日期", "年龄", "身份证号", "区县", "工作单位", "就业状况",
          "生存状态", "待遇级别", "最高荣誉", "荣誉称号(年份)", "联系电话"]
TITLE_ROW = 7  # five header lines, a blank line, then the titles
MASKED_ZRR = ZRR_ID[:6] + "********" + ZRR_ID[-4:]
Export = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def url(register_url: str) -> str:
    return register_url


@pytest.fixture
def export(url: str, run_laomo: Any) -> Export:
    """``laomo members export OUT ARGS --db URL --user admin``."""

    def run(out: Path, *args: str, user: str = "admin",
            password: str = ADMIN_PASSWORD) -> subprocess.CompletedProcess[str]:
        return run_laomo("members", "export", str(out), *args, "--db", url, "--user", user,
                         password=password)  # type: ignore[no-any-return]

    return run


def sheet(path: Path) -> Any:
    return openpyxl.load_workbook(path).active


def table(ws: Any) -> list[list[Any]]:
    return [list(r) for r in ws.iter_rows(min_row=TITLE_ROW, values_only=True)]


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.suffix in (".xlsx", ".csv", ".part"))


def test_xlsx_cells_of_a_known_person_masked_by_default(export: Export, tmp_path: Path) -> None:
    out = tmp_path / "名册.xlsx"
    result = export(out)
    assert result.returncode == 0, result.stderr
    assert "8" in result.stdout
    ws = sheet(out)
    rows = table(ws)
    assert rows[0] == TITLES
    assert len(rows) == 1 + 8
    zhu_line = next(i for i, r in enumerate(rows) if r[0] == "朱荣荣")
    zhu = rows[zhu_line]
    assert zhu == [
        "朱荣荣", "女", "1960", age_on(dt.date(1960, 3, 15), dt.date.today()),
        MASKED_ZRR, "长兴县", "长兴县人民医院", "离退休", "在世", "全国", "全国劳动模范(2005)",
        "浙江省劳动模范(2000)；全国劳动模范(2005)", "138****5678",
    ]
    cells = ws[TITLE_ROW + zhu_line]
    assert not cells[2].is_date  # the birth year as text beside a masked ID number
    for index in (4, 12):  # ID number and phone: text, never numbers
        assert cells[index].data_type == "s" and cells[index].number_format == "@"
    for r in rows[1:]:
        assert r[4] is None or (isinstance(r[4], str) and "*" in r[4])


def test_xlsx_header_block_frozen_pane_filter_and_title(export: Export, tmp_path: Path) -> None:
    out = tmp_path / "out.xlsx"
    assert export(out).returncode == 0
    book = openpyxl.load_workbook(out)
    ws = book.active
    block = [ws.cell(row=i, column=1).value for i in range(1, TITLE_ROW - 1)]
    assert "长兴县" in block[0] and "长兴县" in block[1]
    assert block[2] in {f"导出日期 {d.isoformat()}" for d in
                        (dt.date.today(), dt.date.today() - dt.timedelta(days=1))}
    assert block[3] == "筛选条件：全部（未筛选）"
    assert block[4] == "身份证号已隐去中间位"
    assert ws.freeze_panes == f"A{TITLE_ROW + 1}"
    assert ws.auto_filter.ref == f"A{TITLE_ROW}:M{TITLE_ROW + 8}"
    assert book.properties.title == "长兴县劳动模范名册"
    assert ws.column_dimensions["G"].width >= 20


def test_csv_bom_chinese_titles_and_rare_characters(export: Export, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    assert export(out).returncode == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert ("王" + RARE_JI).encode("utf-8") in raw and ("陈" + RARE_DA).encode("utf-8") in raw
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == TITLES and len(rows) == 9
    zhu = next(r for r in rows if r[0] == "朱荣荣")
    assert zhu[2] == "1960" and zhu[4] == MASKED_ZRR and zhu[12] == "138****5678"


def test_rare_characters_survive_in_xlsx(export: Export, tmp_path: Path) -> None:
    out = tmp_path / "out.xlsx"
    assert export(out).returncode == 0
    names = {r[0] for r in table(sheet(out))[1:]}
    assert {"王" + RARE_JI, "陈" + RARE_DA} <= names


def test_filters_and_columns_are_respected(export: Export, tmp_path: Path) -> None:
    out = tmp_path / "wuxing.xlsx"
    assert export(out, "--district", "吴兴区", "--columns", "name,district,id_number"
                  ).returncode == 0
    ws = sheet(out)
    rows = table(ws)
    assert rows[0] == ["姓名", "区县", "身份证号"]
    assert sorted(r[0] for r in rows[1:]) == sorted(["陈" + RARE_DA, "王伟"])
    assert {r[1] for r in rows[1:]} == {"吴兴区"}
    assert ws.cell(row=4, column=1).value == "筛选条件：区县 吴兴区"


def test_unmask_needs_reason_and_permission_and_is_audited(
        export: Export, url: str, tmp_path: Path) -> None:
    out = tmp_path / "full.xlsx"
    before = audit_actions(url)
    no_reason = export(out, "--unmask")
    assert no_reason.returncode == 3 and "理由" in no_reason.stderr
    denied = export(out, "--unmask", "--reason", "看看", user="viewer1",
                    password=VIEWER_PASSWORD)
    assert denied.returncode == 4 and "没有权限" in denied.stderr
    assert leftovers(tmp_path) == []
    # the refusal is on record (issue 16, item 8), the rest of the log as it was
    before = [*before, ("viewer1", "auth.denied", {
        "permission": "import_export", "role": "viewer", "action": "cli:members export"})]
    assert audit_actions(url) == before
    done = export(out, "--unmask", "--reason", "市总工会年度统计", "--search", "zhurongrong")
    assert done.returncode == 0, done.stderr
    ws = sheet(out)
    assert ws.cell(row=5, column=1).value == "含完整身份证号（理由：市总工会年度统计）"
    rows = table(ws)
    assert [(r[4], r[12]) for r in rows[1:]] == [(ZRR_ID, "13812345678")]
    after = audit_actions(url)
    assert after[:-1] == before
    assert after[-1] == ("admin", "register.unmask_export", {
        "reason": "市总工会年度统计", "count": 1, "filter": {"text": "zhurongrong"},
        "purpose": "file"})


def test_only_exporters_export_masked_or_not(export: Export, url: str, tmp_path: Path) -> None:
    """A file of the register is an export: a viewer ("look and print masked lists") and a
    reviewer (who may unmask to review, not export) are refused by the service, masked or
    with a reason, a template named or not; nothing is written and each refusal is on record."""
    db = Database(url)
    try:
        admin = AccountService(db.sessions).login("admin", ADMIN_PASSWORD)
        AccountService(db.sessions).create_user(admin, name="shenhe", display_name="审核",
                                                role=Role.REVIEWER, password="shenhe-2026")
    finally:
        db.dispose()
    before = audit_actions(url)
    tries = [("viewer1", VIEWER_PASSWORD, ()), ("viewer1", VIEWER_PASSWORD,
                                               ("--template", "全总劳模信息调查表")),
             ("shenhe", "shenhe-2026", ()), ("shenhe", "shenhe-2026",
                                             ("--unmask", "--reason", "复核"))]
    for user, password, extra in tries:
        denied = export(tmp_path / "名册.xlsx", *extra, user=user, password=password)
        assert denied.returncode == 4 and "没有权限" in denied.stderr, (user, extra)
    assert leftovers(tmp_path) == []
    assert [(a, d["permission"]) for a, action, d in audit_actions(url)[len(before):]
            if action == "auth.denied"] == [(u, "import_export") for u, _p, _e in tries]
    assert export(tmp_path / "名册.xlsx").returncode == 0  # the administrator still may


def test_usage_errors_leave_no_file(export: Export, tmp_path: Path) -> None:
    bad = export(tmp_path / "out.pdf")
    assert bad.returncode == 2 and ".xlsx" in bad.stderr and "文件名" in bad.stderr
    columns = export(tmp_path / "out.xlsx", "--columns", "name,shoe_size")
    assert columns.returncode == 2 and "shoe_size" in columns.stderr
    folder = tmp_path / "folder.xlsx"
    folder.mkdir()
    assert export(folder).returncode == 1
    unknown = export(tmp_path / "out.csv", "--district", "火星区")
    assert unknown.returncode == 3
    assert leftovers(tmp_path) == ["folder.xlsx"]


def test_a_failed_export_keeps_the_previous_file(export: Export, tmp_path: Path) -> None:
    out = tmp_path / "keep.csv"
    out.write_bytes(b"old")
    assert export(out, "--unmask").returncode == 3
    assert out.read_bytes() == b"old" and leftovers(tmp_path) == ["keep.csv"]


# -- the writer on plain rows (no database) ----------------------------------------------------

ROW: dict[str, Any] = {
    "uuid": "x", "name": "王" + RARE_JI, "sex": "男", "birth_date": "1966-06-01", "age": 60,
    "id_number": "33050219660601001X", "district": "长兴县", "work_unit": "=1+1\x0b厂",
    "employment_status": None, "life_status": "deceased", "treatment_level": "市级",
    "honors": [{"title": "湖州市劳动模范", "level": "市级", "year": 2010},
               {"title": "先进工作者", "level": "县级", "year": None}],
    "phone": "0572-2061392", "highest_honor": "湖州市劳动模范",
}
HEADER = register_export.ExportHeader("长兴县", "全部", dt.date(2026, 6, 1), "全部（未筛选）")


def test_writer_keeps_formula_like_text_as_text_and_drops_xml_controls() -> None:
    data = register_export.to_xlsx([ROW], HEADER)
    ws = openpyxl.load_workbook(io.BytesIO(data)).active
    values = [c.value for c in ws[TITLE_ROW + 1]]
    assert values[0] == "王" + RARE_JI
    assert values[6] == "'=1+1厂"  # OWASP: a quote before what a spreadsheet would run
    assert values[7] is None and values[8] == "已故"
    assert values[11] == "湖州市劳动模范(2010)；先进工作者"
    assert ws.cell(row=TITLE_ROW + 1, column=7).data_type == "s"


def test_csv_neutralises_formulas_and_keeps_unmasked_ids_as_text() -> None:
    import csv

    row = dict(ROW, name="@SUM(A1)", id_number="330522195911120012", work_unit="-2+3")
    masked = list(csv.reader(io.StringIO(
        register_export.to_csv([row]).decode("utf-8-sig"))))[1]
    assert "@SUM(A1)" not in masked and "'@SUM(A1)" in masked and "'-2+3" in masked
    assert all(not c.startswith(("=", "+", "-", "@")) for c in masked)
    unmasked = list(csv.reader(io.StringIO(
        register_export.to_csv([row], unmasked=True).decode("utf-8-sig"))))[1]
    assert "\t330522195911120012" in unmasked  # Excel and WPS keep all 18 digits


def test_writer_with_no_rows_still_has_titles_and_a_filter() -> None:
    ws = openpyxl.load_workbook(io.BytesIO(register_export.to_xlsx([], HEADER))).active
    assert [c.value for c in ws[TITLE_ROW]] == TITLES
    assert ws.auto_filter.ref == f"A{TITLE_ROW}:M{TITLE_ROW}"
    assert register_export.to_csv([]).decode("utf-8-sig").splitlines() == [",".join(TITLES)]


@pytest.mark.parametrize(("name", "kind"), [
    ("a.xlsx", "xlsx"), ("B.XLSX", "xlsx"), ("名册.csv", "csv"), ("a.xls", None),
    ("a", None), ("xlsx", None)])
def test_export_format(name: str, kind: str | None) -> None:
    assert register_export.export_format(name) == kind


def test_parse_columns() -> None:
    assert register_export.parse_columns(None) == (register_export.DEFAULT_KEYS, [])
    assert register_export.parse_columns(" name , phone,name ") == (("name", "phone"), [])
    assert register_export.parse_columns("name,foo") == (("name", "foo"), ["foo"])
