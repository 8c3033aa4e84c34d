"""One code→label table per coded value, complete in both languages and matching the schema."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from desktop.core import vocabulary as v
from desktop.core.reference import TREATMENT_LEVELS
from desktop.models import HardshipCase, Person
from desktop.models.visits import RecuperationEntry, Visit

ROOT = Path(__file__).resolve().parents[2]


def _check_values(column: object) -> set[str]:
    """The values a CHECK constraint ``x IN ('a', 'b')`` allows, read from the model's table."""
    table = column.table  # type: ignore[attr-defined]
    for c in table.constraints:
        text = str(getattr(c, "sqltext", ""))
        if text.startswith(f"{column.name} IN"):  # type: ignore[attr-defined]
            return set(re.findall(r"'([^']*)'", text))
    raise AssertionError(f"no CHECK on {column}")


@pytest.mark.parametrize("name", sorted(v.TABLES))
def test_every_table_has_chinese_and_english_words(name: str) -> None:
    table = v.TABLES[name]
    assert table
    for code, (zh, en) in table.items():
        assert re.search(r"[\u4e00-\u9fff]", zh), (name, code)
        assert re.fullmatch(r"[A-Z][A-Za-z /]*", en), (name, code)
    assert len({zh for zh, _ in table.values()}) == len(table), name
    assert len({en for _, en in table.values()}) == len(table), name


@pytest.mark.parametrize(("table", "column"), [
    (v.LIFE_STATUS, Person.__table__.c.life_status),
    (v.VISIT_STATUS, Visit.__table__.c.status),
    (v.RECUPERATION_STATUS, RecuperationEntry.__table__.c.status),
    (v.HARDSHIP_STATUS, HardshipCase.__table__.c.status),
])
def test_tables_cover_exactly_the_stored_codes(table: v.Words, column: object) -> None:
    assert set(table) == _check_values(column)


def test_levels_follow_the_reference_order() -> None:
    assert tuple(v.TREATMENT_LEVEL) == TREATMENT_LEVELS


def test_label_picks_the_language_and_keeps_unknown_codes() -> None:
    assert v.label(v.VISIT_STATUS, "done", "zh_CN") == "已走访"
    assert v.label(v.VISIT_STATUS, "done", "en") == "Visited"
    assert v.zh(v.LIFE_STATUS, "deceased") == "已故"
    assert v.zh(v.SEX, "2") == "女"
    assert v.label(v.SEX, "9", "en") == "9"  # an unknown code is shown as it is
    assert v.label(v.SEX, "9", "en", default="") == ""
    assert v.zh(v.SEX, None) == ""


def test_relabel_translates_chinese_words_a_row_carries() -> None:
    assert v.relabel(v.SEX, "女", "en") == "Female"
    assert v.relabel(v.SEX, "女", "zh_CN") == "女"
    assert v.relabel(v.SEX, "未知", "en") == "未知"
    assert v.relabel(v.SEX, None, "en") == ""


def test_one_word_for_the_dead() -> None:
    """已故 is the state; 去世 only names the event (动态管理) and the date field (去世日期)."""
    def grep(*args: str) -> str:
        return subprocess.run(["git", "grep", "-n", *args], cwd=ROOT, capture_output=True,
                              text=True, check=False).stdout

    found = grep("-e", "已去世", "--", "desktop", "resources/i18n")
    found += grep("-e", '"去世"', "--", "desktop")
    assert found == "", found
