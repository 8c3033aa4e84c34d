"""``laomo members import / undo-import / template`` as a subprocess."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from desktop.database import Database
from desktop.services.permissions import Actor
from tests.exchange.import_support import clerk_rows, write_clerk_workbook


def test_import_cli_exit_codes_report_and_undo(db: Database, admin: Actor, run_laomo: Any,
                                               tmp_path: Path) -> None:
    db.dispose()
    url = db.url
    book = write_clerk_workbook(tmp_path / "名册.xlsx")
    report = tmp_path / "结果.xlsx"
    done = run_laomo("--db", url, "--user", "admin", "members", "import", str(book),
                     "--report", str(report))
    assert done.returncode == 3, done.stderr
    assert "第 8 行 赵小红" in done.stdout and "未导入任何内容" in done.stdout
    assert load_workbook(report)["劳模名单"]["M9"].value.startswith("身份证号码")
    done = run_laomo("--db", url, "--user", "admin", "members", "import", str(book),
                     "--dry-run", "--good-rows-only")
    assert done.returncode == 0 and "新增 4 人" in done.stdout and "未写入" in done.stdout
    done = run_laomo("--db", url, "--user", "admin", "members", "import", str(book),
                     "--good-rows-only")
    assert done.returncode == 0, done.stderr
    batch = done.stdout.split("批次号 ")[1].split("（")[0]
    listed = run_laomo("--db", url, "--user", "admin", "--format", "json", "members", "list")
    assert listed.returncode == 2  # --format belongs to `list`: a usage error, nothing run
    listed = run_laomo("--db", url, "--user", "admin", "members", "list", "--format", "json")
    assert listed.stdout.count('"uuid"') == 4
    done = run_laomo("--db", url, "--user", "admin", "members", "undo-import")
    assert batch in done.stdout
    # the short id (a unique beginning) is enough (issue 14, point 14)
    done = run_laomo("--db", url, "--user", "admin", "members", "undo-import", batch[:8])
    assert done.returncode == 0 and "4 人" in done.stdout
    listed = run_laomo("--db", url, "--user", "admin", "members", "list", "--format", "json")
    assert listed.stdout.strip() == "[]"


def test_template_round_trips_through_the_importer(db: Database, admin: Actor,
                                                   run_laomo: Any, tmp_path: Path) -> None:
    db.dispose()
    out = tmp_path / "模板.xlsx"
    done = run_laomo("members", "template", str(out))
    assert done.returncode == 0, done.stderr
    wb = load_workbook(out)
    assert wb.sheetnames == ["劳模名单", "填写说明"]
    ws = wb["劳模名单"]
    ws["B3"], ws["C3"], ws["D3"], ws["L3"] = "沈一", "男", "330522196503120119", "2015年全国劳模"
    wb.save(out)
    done = run_laomo("--db", db.url, "--user", "admin", "members", "import", str(out),
                     "--dry-run")
    assert done.returncode == 0 and "新增 1 人" in done.stdout, done.stdout + done.stderr
    bad = tmp_path / "x.txt"
    bad.write_text("x")
    done = run_laomo("--db", db.url, "--user", "admin", "members", "import", str(bad))
    assert done.returncode == 2


def test_import_cli_reads_a_two_row_header_and_joins_notes_once(
        db: Database, admin: Actor, run_laomo: Any, tmp_path: Path) -> None:
    """The command line prints what the wizard shows: the merged-header roster's columns, the
    abbreviations written in full, and a row's reasons without "。；"."""
    from tests.exchange.import_support import (
        ID_E,
        merged_rows,
        write_merged_header_workbook,
    )

    db.dispose()
    rows = [*merged_rows(), [4, "钱多多", "男", ID_E, "1966.03", "某公司", "市劳模", 2012]]
    book = write_merged_header_workbook(tmp_path / "长兴县劳模花名册2026.xlsx", rows)
    done = run_laomo("--db", db.url, "--user", "admin", "members", "import", str(book),
                     "--dry-run", "--good-rows-only")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "新增 3 人" in done.stdout and "拒绝 1 行" in done.stdout
    assert "“全国劳模”→“全国劳动模范”" in done.stdout
    line = next(x for x in done.stdout.splitlines() if "钱多多" in x)
    assert "不符。出生日期" in line and "。；" not in done.stdout


def test_import_cli_says_a_work_unit_and_position_it_cannot_split(
        db: Database, admin: Actor, run_laomo: Any, tmp_path: Path) -> None:
    db.dispose()
    row = clerk_rows()[0]
    row[7] = "长兴县人民医院院长"  # 工作单位及职务: where does the unit end?
    book = write_clerk_workbook(tmp_path / "名册.xlsx", [row])
    done = run_laomo("--db", db.url, "--user", "admin", "members", "import", str(book),
                     "--dry-run")
    assert done.returncode == 0, done.stderr
    assert "第 4 行 张建国" in done.stdout
    assert "工作单位及职务“长兴县人民医院院长”分不清单位与职务，已整体登记为工作单位" in done.stdout
