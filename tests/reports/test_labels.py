"""Printed labels promise no more than the page shows (walk-through, December 2026): beside
masked ID numbers only the birth year prints, and the column says 出生年份."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path
from types import SimpleNamespace

import pytest

from desktop.reports.fonts import FontSet, find_fonts
from desktop.reports.framework import render


@pytest.fixture(scope="module")
def fs() -> FontSet:
    return find_fonts(windows_dir=False)


def test_the_recuperation_roster_heads_its_birth_column_as_printed(fs: FontSet,
                                                                  tmp_path: Path) -> None:
    """疗休养名单: "出生年月/年龄" over "1965/61岁" (the year only, beside masked ID numbers)."""
    from desktop.reports.visits import recuperation_roster_document

    batch = SimpleNamespace(name="2027年疗休养第一批", destination="舟山普陀", organiser="市总",
                            start_date=dt.date(2027, 5, 10), end_date=dt.date(2027, 5, 14),
                            days=5, quota=5)

    def person(id_number: str) -> SimpleNamespace:
        return SimpleNamespace(name="钱玉芬", sex="女", birth_date=dt.date(1965, 3, 1), age=61,
                               id_number=id_number, honors="浙江省劳动模范(2000)", work_unit="",
                               employment_status="退休", health_status="", last_year=None,
                               phone="", status="nominated", decline_reason="")

    def text(rows: list[SimpleNamespace]) -> str:
        path = tmp_path / "r.pdf"
        path.write_bytes(render(recuperation_roster_document(
            rows, association="长兴县劳动模范协会", batch=batch, date=dt.date(2026, 12, 3)), fs))
        exe = shutil.which("pdftotext")
        assert exe
        return re.sub(r"\s+", "", subprocess.run([exe, "-enc", "UTF-8", str(path), "-"],
                                                 check=True, capture_output=True,
                                                 text=True).stdout)

    masked = text([person("330522********6002"), person("")])
    assert "出生年份/年龄" in masked and "出生年月" not in masked
    assert "1965/61岁" in masked and "1965.03" not in masked
    full = text([person("330522196503016002")])
    assert "出生年月/年龄" in full and "1965.03/61岁" in full


def test_a_masked_roster_prints_the_birth_year_on_every_line(fs: FontSet,
                                                              tmp_path: Path) -> None:
    """花名册: under 出生年份 a person without an ID number printed 1968.12 all the same."""
    from desktop.reports.roster import roster_document

    rows = [{"name": "陈国华", "birth_date": "1968-12-12", "id_number": "330522********7434"},
            {"name": "王小毛", "birth_date": "1955-03-01", "id_number": ""}]
    doc = roster_document(rows, association="长兴县劳动模范协会", date=dt.date(2026, 12, 3),
                          columns=("seq", "name", "birth_date", "id_number"))
    path = tmp_path / "roster.pdf"
    path.write_bytes(render(doc, fs))
    exe = shutil.which("pdftotext")
    assert exe
    text = re.sub(r"\s+", "", subprocess.run([exe, "-enc", "UTF-8", str(path), "-"], check=True,
                                             capture_output=True, text=True).stdout)
    assert "出生年份" in text and "1968" in text and "1955" in text
    assert "1968.12" not in text and "1955.03" not in text, text
