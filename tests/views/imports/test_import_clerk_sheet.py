"""Issue 14, point 2: the clerk's roster as it really comes, driven through the wizard.

A 合计 row with the count in the name column is skipped and mentioned (not a person named
"12人" blocking the file); "1971.8" is August; "1971.1" beside an ID number that says October
is settled by the ID number; a year column beside a cell with several honors is kept, with a
warning; long reasons have a tooltip."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from desktop.core import idnumber
from desktop.services.register.types import RegisterFilter
from desktop.services.workspace import Workspace
from tests.exchange.import_support import HEADERS, write_clerk_workbook
from tests.views.imports.wizard_driver import dry_run

AUGUST = idnumber.make("330522", dt.date(1971, 8, 15), 51)
OCTOBER = idnumber.make("330522", dt.date(1971, 10, 3), 62)
HONORS = idnumber.make("330522", dt.date(1960, 5, 5), 73)


def rows() -> list[list[object]]:
    return [
        [1, "孙八月", "男", AUGUST, 1971.8, "汉", "群众", "长兴县供电公司", "市劳动模范",
         2012, None, None],
        [2, "周十月", "女", OCTOBER, "1971.1", "汉", "群众", "长兴县人民医院", "县劳动模范",
         2001, None, None],
        [3, "吴双荣", "男", HONORS, "1960.05", "汉", "群众", "长兴县煤山镇",
         "2015年全国劳动模范（先后获省劳模、全国劳模）", 2015, None, None],
        ["合计", "12人", None, None, None, None, None, None, None, None, None, None],
    ]


def test_the_clerks_roster_imports_whole(ws: Workspace, qtbot: Any, tmp_path: Path) -> None:
    book = write_clerk_workbook(tmp_path / "名册.xlsx", rows(), HEADERS)
    wizard = dry_run(ws, qtbot, book)
    dry = wizard.dry_page
    result = dry.result
    assert result.rejected == 0, [(o.number, o.problems) for o in result.rows]
    assert result.counts["new"] == 3 and dry.isComplete()  # nothing blocks the file
    footer = next(r.number for r in [*result.rows] if r.name == "吴双荣") + 1
    assert footer in result.footer_rows and "12人" not in {o.name for o in result.rows}
    assert "跳过" in dry.counts.text() and str(footer) in dry.counts.text()
    by_name = {o.name: o for o in result.rows}
    warned = by_name["吴双荣"]
    # 2015 is in the cell; 省劳模 is registered as 浙江省劳动模范
    assert [w.code for w in warned.warnings] == ["honor_year_unplaced", "honor_title_expanded"]
    assert warned.warnings[0].params["titles"] == "省劳模"
    # the table tells it, with the whole reason as a tooltip
    line = next(r for r in range(dry.table.rowCount()) if dry.table.item(r, 1).text() == "吴双荣")
    details = dry.table.item(line, 3)
    assert "省劳模" in details.text() and "没有年份" in details.toolTip()
    wizard.next()
    run = wizard.run_page
    qtbot.waitUntil(lambda: run.finished_run, timeout=20000)
    assert run.result is not None and run.result.written
    persons = {r.name: r for r in ws.register().rows(RegisterFilter(), limit=10)}
    assert set(persons) >= {"孙八月", "周十月", "吴双荣"}
    born = {n: ws.persons().get(persons[n].id).draft.birth_date for n in ("孙八月", "周十月")}
    assert born == {"孙八月": dt.date(1971, 8, 15), "周十月": dt.date(1971, 10, 3)}


DEAD = idnumber.make("330522", dt.date(1931, 2, 2), 81)
GONE = idnumber.make("330522", dt.date(1935, 3, 3), 93)


def test_a_row_that_says_its_person_died_is_imported_with_a_note(
        ws: Workspace, qtbot: Any, tmp_path: Path) -> None:
    """就业情况 "已故" refused the row as an unknown code, and 备注 "2019年已去世" was kept
    without a word: the person came in alive and went on the next holiday's visit list. Now
    both rows import and say that the death is still to be recorded."""
    headers = [*HEADERS[:11], "就业情况", "备注"]
    book = write_clerk_workbook(tmp_path / "名册.xlsx", [
        [1, "郑老", "男", DEAD, "1931.02", "汉", "群众", "长兴县农机厂", "县劳动模范", 1980,
         None, "已故", None],
        [2, "冯老", "男", GONE, "1935.03", "汉", "群众", "长兴县粮站", "县劳动模范", 1982,
         None, "离退休", "2019年已去世"],
        [3, "孙八月", "男", AUGUST, "1971.08", "汉", "群众", "长兴县供电公司", "市劳动模范",
         2012, None, "在职", "身体健康"],
    ], headers)
    wizard = dry_run(ws, qtbot, book)
    dry = wizard.dry_page
    result = dry.result
    assert result.rejected == 0, [(o.number, o.problems) for o in result.rows]
    warned = {o.name: [w.code for w in o.warnings] for o in result.rows}
    assert warned == {"郑老": ["import_said_deceased"], "冯老": ["import_said_deceased"],
                      "孙八月": []}
    line = next(r for r in range(dry.table.rowCount()) if dry.table.item(r, 1).text() == "冯老")
    assert "登记去世" in dry.table.item(line, 3).toolTip()
    wizard.next()
    run = wizard.run_page
    qtbot.waitUntil(lambda: run.finished_run, timeout=20000)
    assert run.result is not None and run.result.written
    persons = {r.name: r for r in ws.register().rows(RegisterFilter(), limit=10)}
    assert ws.persons().get(persons["郑老"].id).draft.employment_status is None
