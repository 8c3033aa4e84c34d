"""Imports running at the same time as other writers (issue 16, items 1 and 2).

1. Two clerks import the same 300-row roster at once, in two processes: the register ends with
   300 persons and no ID number held twice (before: every person twice on PostgreSQL).
2. A clerk saves a person while an import runs: the import reports that row and does not
   overwrite it; ``row_version`` never goes backwards.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import multiprocessing
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text

from desktop.core import idnumber
from desktop.core.texts import error_text
from desktop.database import Database
from desktop.errors import AppError
from desktop.models import Person
from desktop.services import accounts
from desktop.services.imports import importer
from desktop.services.imports.importer import ImportService
from desktop.services.imports.types import ImportOptions
from desktop.services.imports.words import row_text
from desktop.services.permissions import Actor
from desktop.services.register.persons import PersonService
from tests.exchange.import_support import write_clerk_workbook

ROWS = 300
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞"
PLANNING_PAUSE = 1.0  # seconds between plan and write in each process: the race made certain


def _name(n: int) -> str:
    return SURNAMES[n % 20] + GIVEN[n // 20 % 20] + "生"


def _roster(path: Path, rows: int = ROWS) -> Path:
    data: list[list[object]] = []
    for n in range(rows):
        born = dt.date(1950 + n % 40, 1 + n % 12, 1 + n % 28)
        number = idnumber.make("330522", born, n)
        data.append([n + 1, _name(n), "男" if int(number[16]) % 2 else "女", number,
                     born.isoformat(), "汉", "群众", f"长兴县第{n}工厂", "2015年市劳模", None,
                     None, None])
    return write_clerk_workbook(path, data)


def _child(url: str, book: str, barrier: Any, out: Any) -> None:
    """One clerk's import in its own process: waits for the other, then imports; planning is
    slowed down so that the two plans certainly overlap."""
    db = Database(url)
    actor = accounts.AccountService(db.sessions).login("admin", "secret123")
    original = importer.mark_duplicates

    def slow(*args: Any, **kwargs: Any) -> None:
        original(*args, **kwargs)
        time.sleep(PLANNING_PAUSE)

    importer.mark_duplicates = slow  # type: ignore[assignment]
    barrier.wait(timeout=60)
    try:
        result = ImportService(db.sessions, actor).run(Path(book), dry_run=False)
        out.put(("ok", result.counts))
    except Exception as exc:  # the parent asserts on what happened
        out.put(("error", f"{type(exc).__name__}: {exc}"))
    finally:
        db.dispose()


def _live_counts(db: Database) -> tuple[int, int]:
    with db.sessions.begin() as s:
        live = (Person.deleted_at.is_(None), Person.merged_into_id.is_(None))
        persons = s.scalar(select(func.count()).select_from(Person).where(*live)) or 0
        numbers = s.scalar(select(func.count(func.distinct(Person.id_number))).where(*live)) or 0
    return persons, numbers


def test_two_clerks_import_the_same_roster_at_once(db: Database, admin: Actor,
                                                   tmp_path: Path) -> None:
    book = _roster(tmp_path / "名册.xlsx")
    db.dispose()
    ctx = multiprocessing.get_context("spawn")
    barrier, out = ctx.Barrier(2), ctx.Queue()
    workers = [ctx.Process(target=_child, args=(db.url, str(book), barrier, out))
               for _ in range(2)]
    for w in workers:
        w.start()
    results = [out.get(timeout=120) for _ in workers]
    for w in workers:
        w.join(timeout=60)
    assert all(status == "ok" for status, _ in results), results
    # one import made the persons, the other found them (waited, then saw them)
    made = sorted(counts["new"] for _, counts in results)
    assert made == [0, ROWS], results
    assert sorted(counts["unchanged"] for _, counts in results) == [0, ROWS], results
    assert _live_counts(db) == (ROWS, ROWS)


def test_an_edit_saved_while_an_import_runs_is_kept_and_reported(
        db: Database, admin: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    service = ImportService(db.sessions, admin, today=lambda: dt.date(2026, 6, 1))
    first = _roster(tmp_path / "a.xlsx", 5)
    assert service.run(first, dry_run=False).counts["new"] == 5
    with db.sessions.begin() as s:
        target = s.scalars(select(Person).where(Person.name == _name(2))).one()
        target_id, version = target.id, target.row_version
    # the same persons with a new work unit each: every row an update
    changed = tmp_path / "b.xlsx"
    from openpyxl import load_workbook

    wb = load_workbook(first)
    ws = wb["劳模名单"]
    for row in range(4, 9):
        ws.cell(row, 8).value = f"{ws.cell(row, 8).value}（新）"
    wb.save(changed)
    persons = PersonService(db.sessions, admin)
    original = importer.mark_duplicates
    edited: list[int] = []

    def edit_between_plan_and_write(*args: Any, **kwargs: Any) -> None:
        original(*args, **kwargs)
        if db.is_sqlite:
            return  # the import holds SQLite's write lock from plan to write: no one can save
        record = persons.get(target_id)
        draft = dataclasses.replace(record.draft, work_unit="办事员改的单位")
        persons.update(target_id, draft, expected_version=record.row_version)
        edited.append(persons.get(target_id).row_version)

    monkeypatch.setattr(importer, "mark_duplicates", edit_between_plan_and_write)
    result = service.run(changed, ImportOptions(good_rows_only=True), dry_run=False)
    with db.sessions.begin() as s:
        after = s.get(Person, target_id)
        assert after is not None
        work_unit, row_version = after.work_unit, after.row_version
    if not edited:  # SQLite: the import was alone
        assert result.counts["updated"] == 5 and row_version == version + 1
        return
    assert result.counts["updated"] == 4 and result.counts["rejected"] == 1, result.counts
    stale = next(o for o in result.rows if o.status == "rejected")
    assert stale.name == _name(2)
    assert [p.code for p in stale.problems] == ["changed_during_import"]
    assert "导入期间此人的记录已被他人修改" in row_text(stale)
    assert work_unit == "办事员改的单位"  # the clerk's edit is kept
    assert row_version == edited[0] > version  # the clerk's save; never moved backwards


def test_an_import_that_cannot_get_the_lock_says_so_and_writes_nothing(
        db: Database, admin: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if db.is_sqlite:
        pytest.skip("SQLite: BEGIN IMMEDIATE waits for the writer (database_busy after it)")
    book = _roster(tmp_path / "名册.xlsx", 3)
    monkeypatch.setattr(importer, "LOCK_WAIT", "200ms")
    with db.engine.connect() as other, other.begin():  # another import holds the lock
        other.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": importer.IMPORT_LOCK})
        with pytest.raises(AppError) as refused:
            ImportService(db.sessions, admin).run(book, dry_run=False)
    assert refused.value.code == "import_busy"
    assert "未写入任何内容" in error_text(refused.value)
    assert _live_counts(db) == (0, 0)
    assert ImportService(db.sessions, admin).run(book, dry_run=False).counts["new"] == 3
