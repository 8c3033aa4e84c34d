"""A roster's one 工作单位及职务 column, imported into a real database: read as work unit and
position, never written whole over a registered person's work unit (dry run = import)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from desktop.database import Database
from desktop.models import Person
from desktop.services.imports.importer import ImportService
from desktop.services.imports.types import ImportOptions, ImportResult
from desktop.services.imports.words import counts_text, report_workbook, row_text
from desktop.services.permissions import Actor
from tests.exchange.import_support import HEADERS, ID_A, ID_B, ID_C, ID_E, write_clerk_workbook

UNIT, POSITION = "长兴华源纺织有限公司", "织造车间主任"
GOOD_ONLY = ImportOptions(good_rows_only=True)
# last year's roster, with its own 工作单位 and 职务 columns
SEPARATE = [*HEADERS[:7], "工作单位", *HEADERS[8:], "职务"]
WITH_POSITION = [*HEADERS, "职务"]  # 工作单位及职务 and a 职务 column of its own


@pytest.fixture
def service(db: Database, admin: Actor) -> ImportService:
    return ImportService(db.sessions, admin, today=lambda: dt.date(2026, 6, 1))


def _row(seq: int, name: str, number: str, sex: str, born: str, unit: str | None,
         *more: object) -> list[object]:
    return [seq, name, sex, number, born, "汉", "群众", unit, "县劳动模范", 2010, None, None,
            *more]


PERSONS = [("张建国", ID_A, "男", "1965.03"), ("李秀英", ID_B, "女", "1958.10"),
           ("王伟", ID_C, "男", "1971.06"), ("赵小红", ID_E, "女", "1980.01")]


def _register(service: ImportService, tmp_path: Path, count: int = 3) -> None:
    """The register as last year's import left it: each at 长兴华源纺织有限公司, 织造车间主任."""
    rows = [_row(n + 1, *p, UNIT, POSITION) for n, p in enumerate(PERSONS[:count])]
    done = service.run(write_clerk_workbook(tmp_path / "去年.xlsx", rows, SEPARATE),
                       dry_run=False)
    assert done.written and done.counts["new"] == count


def _stored(db: Database) -> dict[str, tuple[Any, ...]]:
    with db.sessions.begin() as s:
        return {p.name: (p.work_unit, p.position, p.row_version)
                for p in s.scalars(select(Person).where(Person.deleted_at.is_(None)))}


def _both(service: ImportService, path: Path,
          options: ImportOptions = GOOD_ONLY) -> ImportResult:
    """Dry run, then the import: they must say the same, row by row."""
    dry = service.run(path, options, dry_run=True)
    real = service.run(path, options, dry_run=False)
    assert real.written and real.rows == dry.rows and real.counts == dry.counts
    return real


def test_the_registers_own_unit_and_position_change_nothing(
        db: Database, service: ImportService, tmp_path: Path) -> None:
    _register(service, tmp_path)
    before = _stored(db)
    joined = [f"{UNIT} {POSITION}", f"{UNIT}{POSITION}", f"{UNIT}、{POSITION}"]
    rows = [_row(n + 1, *p, cell) for n, (p, cell) in enumerate(zip(PERSONS, joined,
                                                                   strict=False))]
    result = _both(service, write_clerk_workbook(tmp_path / "今年.xlsx", rows))
    assert [(o.status, o.changes, o.warnings) for o in result.rows] == [
        ("unchanged", (), ())] * 3
    assert _stored(db) == before  # not even a version moved


def test_a_new_person_is_split_at_the_separator(db: Database, service: ImportService,
                                                tmp_path: Path) -> None:
    rows = [_row(1, *PERSONS[0], "长兴县人民医院 党委书记、院长"),
            _row(2, *PERSONS[1], "长兴县煤山镇"),  # the unit alone
            _row(3, *PERSONS[2], "浙江长广集团　副经理")]  # a full-width space
    result = _both(service, write_clerk_workbook(tmp_path / "名册.xlsx", rows))
    assert result.counts["new"] == 3 and not any(o.warnings for o in result.rows)
    assert _stored(db) == {"张建国": ("长兴县人民医院", "党委书记、院长", 1),
                           "李秀英": ("长兴县煤山镇", None, 1),
                           "王伟": ("浙江长广集团", "副经理", 1)}


def test_an_unsplittable_cell_is_kept_whole_with_a_note(db: Database, service: ImportService,
                                                        tmp_path: Path) -> None:
    rows = [_row(1, *PERSONS[0], "长兴县人民医院院长"), _row(2, *PERSONS[1], "长兴县煤山镇")]
    path = write_clerk_workbook(tmp_path / "名册.xlsx", rows)
    result = _both(service, path)
    assert result.counts["new"] == 2
    first, second = result.rows
    assert [(w.code, w.column, dict(w.params)) for w in first.warnings] == [
        ("unit_position_whole", 7, {"text": "长兴县人民医院院长"})]
    assert not second.warnings
    assert _stored(db)["张建国"] == ("长兴县人民医院院长", None, 1)
    said = "分不清单位与职务，已整体登记为工作单位"
    assert said in row_text(first) and "cannot be told apart" in row_text(first, "en")
    assert "1 行有提示" in counts_text(result)
    report = tmp_path / "report.xlsx"
    report.write_bytes(report_workbook(path, result))
    texts = [str(c.value) for row in load_workbook(report).active.iter_rows() for c in row
             if c.value is not None]
    assert any(said in t for t in texts)


def test_a_registered_persons_unit_is_not_overwritten_by_an_unsplittable_cell(
        db: Database, service: ImportService, tmp_path: Path) -> None:
    _register(service, tmp_path, 2)
    rows = [_row(1, *PERSONS[0], "长兴县人民医院院长"),  # moved? cannot tell unit from position
            _row(2, *PERSONS[1], "长兴县电力局 班长")]  # moved: split at the space
    result = _both(service, write_clerk_workbook(tmp_path / "今年.xlsx", rows))
    kept, moved = result.rows
    assert kept.status == "unchanged" and not kept.changes
    assert [(w.code, dict(w.params)) for w in kept.warnings] == [
        ("unit_position_kept", {"text": "长兴县人民医院院长", "unit": UNIT})]
    assert f"登记册中的工作单位（{UNIT}）未改动" in row_text(kept)
    assert moved.status == "updated" and not moved.warnings
    assert {(c.field, c.before, c.after) for c in moved.changes} == {
        ("work_unit", UNIT, "长兴县电力局"), ("position", POSITION, "班长")}
    stored = _stored(db)
    assert stored["张建国"] == (UNIT, POSITION, 1)
    assert stored["李秀英"] == ("长兴县电力局", "班长", 2)


def test_a_separate_position_column_wins(db: Database, service: ImportService,
                                         tmp_path: Path) -> None:
    _register(service, tmp_path, 1)
    rows = [_row(1, *PERSONS[0], f"{UNIT} {POSITION}", "厂长"),  # promoted
            _row(2, *PERSONS[1], "长兴县人民医院院长", "院长"),  # the 职务 column says where
            _row(3, *PERSONS[2], "长兴县人民医院 党委书记", "副院长"),
            _row(4, *PERSONS[3], "长兴县实验小学", None)]
    result = _both(service, write_clerk_workbook(tmp_path / "今年.xlsx", rows, WITH_POSITION))
    assert not any(o.warnings for o in result.rows)
    assert [(c.field, c.before, c.after) for c in result.rows[0].changes] == [
        ("position", POSITION, "厂长")]
    assert _stored(db) == {"张建国": (UNIT, "厂长", 2),
                           "李秀英": ("长兴县人民医院", "院长", 1),
                           "王伟": ("长兴县人民医院", "副院长", 1),
                           "赵小红": ("长兴县实验小学", None, 1)}


def test_a_mapping_saved_with_the_column_as_work_unit_still_splits(
        db: Database, service: ImportService, tmp_path: Path) -> None:
    """Every mapping saved before the column was split named it 工作单位."""
    path = write_clerk_workbook(tmp_path / "名册.xlsx", [_row(1, *PERSONS[0], f"{UNIT} 工人")])
    preview = service.preview(path)
    saved = {i: ("work_unit" if k == "unit_position" else k) for i, k in preview.mapping.items()}
    service.save_mapping("去年的", preview.titles, saved)
    result = _both(service, path, ImportOptions(saved_mapping="去年的"))
    assert result.mapping[7] == "unit_position"
    assert _stored(db) == {"张建国": (UNIT, "工人", 1)}


def test_a_separate_work_unit_column_wins_and_the_cell_gives_the_position(
        db: Database, service: ImportService, tmp_path: Path) -> None:
    rows = [_row(1, *PERSONS[0], "长兴县人民医院院长", "长兴县人民医院"),
            _row(2, *PERSONS[1], "长兴县人民医院 护士", "长兴县人民医院东院区")]
    result = _both(service, write_clerk_workbook(tmp_path / "名册.xlsx", rows,
                                                 [*HEADERS, "工作单位"]))
    assert result.mapping[7] == "unit_position" and result.mapping[12] == "work_unit"
    assert not any(o.warnings for o in result.rows)
    assert _stored(db) == {"张建国": ("长兴县人民医院", "院长", 1),
                           "李秀英": ("长兴县人民医院东院区", "护士", 1)}
