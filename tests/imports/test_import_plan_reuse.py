"""The real import after the wizard's dry run writes the dry run's plan (it does not read and
check 50,000 rows a second time) only while everything the plan was checked against still
holds; any change in between makes it plan again from the file (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from desktop.database import Database
from desktop.models import Honor, Person
from desktop.services.imports import importer
from desktop.services.imports.importer import ImportService
from desktop.services.imports.types import ImportOptions, ImportResult
from desktop.services.permissions import Actor
from tests.exchange.import_support import ID_A, ID_C, clerk_rows, write_clerk_workbook
from tests.register_support import Spec, add_persons

GOOD_ONLY = ImportOptions(good_rows_only=True)
TODAY = dt.date(2026, 6, 1)


@pytest.fixture
def service(db: Database, admin: Actor) -> ImportService:
    return ImportService(db.sessions, admin, today=lambda: TODAY)


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The files the importer read (and checked row by row)."""
    seen: list[Path] = []
    real = importer.read_sheet

    def spy(path: Path, *args: Any, **kwargs: Any) -> Any:
        seen.append(path)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(importer, "read_sheet", spy)
    return seen


def _second_file(service: ImportService, tmp_path: Path) -> Path:
    """张建国 (ID_A) and 李秀英 registered; the file changes 张建国's unit and adds 王伟."""
    rows = clerk_rows()
    service.run(write_clerk_workbook(tmp_path / "a.xlsx", rows[:2]), dry_run=False)
    changed = list(rows[0])
    changed[7] = "长兴县电力局 班长"  # moved: the unit changes, the position not
    return write_clerk_workbook(tmp_path / "b.xlsx", [changed, rows[1], rows[2]])


def _outcomes(result: ImportResult) -> list[tuple[int, str, tuple[str, ...]]]:
    return [(o.number, o.status, tuple(f"{c.field}:{c.before}>{c.after}" for c in o.changes))
            for o in result.rows]


def test_the_real_import_writes_the_dry_runs_plan(db: Database, service: ImportService,
                                                  admin: Actor, reads: list[Path],
                                                  tmp_path: Path) -> None:
    path = _second_file(service, tmp_path)
    twin = tmp_path / "twin.sqlite3"  # the same register, imported without a dry run
    if db.sqlite_path is not None:
        db.copy_sqlite_to(twin)
    reads.clear()
    dry = service.run(path, ImportOptions(), dry_run=True)
    assert reads == [path]
    real = service.run(path, GOOD_ONLY, dry_run=False)
    assert reads == [path], "the real import read and checked the file a second time"
    assert real.written and real.counts == dry.counts == {
        "new": 1, "updated": 1, "unchanged": 1, "rejected": 0, "duplicate": 0}
    assert real.rows == dry.rows and real.footer_rows == dry.footer_rows
    with db.sessions.begin() as s:
        zhang = s.scalars(select(Person).where(Person.id_number == ID_A)).one()
        assert zhang.work_unit == "长兴县电力局" and zhang.row_version == 2
        wang = s.scalars(select(Person).where(Person.id_number == ID_C)).one()
        assert wang.search_text and wang.treatment_level == "全国"
    # once written, the plan is gone: the same file again is planned against the new register
    again = service.run(path, GOOD_ONLY, dry_run=False)
    assert len(reads) == 2 and again.counts["unchanged"] == 3
    if twin.exists():  # the plan written equals what a cold import of the same file writes
        other = Database(f"sqlite:///{twin}")
        try:
            cold = ImportService(other.sessions, admin, today=lambda: TODAY).run(
                path, GOOD_ONLY, dry_run=False)
            assert cold.rows == real.rows
            columns = [Person.name, Person.id_number, Person.work_unit, Person.search_text,
                       Person.treatment_level, Person.highest_honor, Person.row_version]
            stored = []
            for database in (db, other):
                with database.sessions.begin() as s:
                    stored.append(sorted(tuple(map(str, r)) for r in s.execute(
                        select(*columns).where(Person.deleted_at.is_(None)))))
            assert stored[0] == stored[1]
        finally:
            other.dispose()


def _edit_unit(db: Database) -> None:
    with db.sessions.begin() as s:  # another clerk saves 张建国 in between
        s.scalars(select(Person).where(Person.id_number == ID_A)).one().work_unit = "改过的单位"


def _add_honor(db: Database) -> None:
    with db.sessions.begin() as s:  # an honor added to 王伟 (his own row not saved)
        wang = s.scalars(select(Person).where(Person.id_number == ID_C)).one()
        s.add(Honor(person_id=wang.id, title="全国劳动模范", level="全国", year=2020))


def _register_wang(db: Database) -> None:  # someone registers 王伟 by hand in between
    add_persons(db, [Spec("王伟", born=dt.date(1971, 6, 30), id_number=ID_C)])


def _rewrite(path: Path) -> None:  # the clerk corrects the file and saves it under its name
    rows = clerk_rows()
    rows[0][7] = "长兴县供电公司"
    rows[2][7] = "长兴县林城镇"
    write_clerk_workbook(path, [rows[0], rows[1], rows[2]])


def _unit_of_wang(db: Database) -> str | None:
    with db.sessions.begin() as s:
        return s.scalars(select(Person.work_unit).where(Person.id_number == ID_C,
                                                        Person.deleted_at.is_(None))).one()


NATIONAL = "honors:>全国劳动模范(2020)"
CHANGES: dict[str, tuple[Callable[..., None], Callable[[Database, ImportResult], bool]]] = {
    # what changed -> what the real import must then have done
    "person saved": (_edit_unit, lambda db, r: "work_unit:改过的单位>长兴县电力局" in _outcomes(
        r)[0][2]),
    "honor added": (_add_honor, lambda db, r: NATIONAL not in _outcomes(r)[2][2]),
    "number registered": (_register_wang, lambda db, r: r.rows[2].status != "new"),
    "file rewritten": (_rewrite, lambda db, r: _unit_of_wang(db) == "长兴县林城镇"),
}


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_a_change_after_the_dry_run_plans_again(db: Database, service: ImportService,
                                                reads: list[Path], tmp_path: Path,
                                                change: str) -> None:
    path = _second_file(service, tmp_path)
    if change == "honor added":  # 王伟 registered, so that his honors are compared
        _register_wang(db)
    dry = service.run(path, GOOD_ONLY, dry_run=True)
    if change == "honor added":
        assert NATIONAL in _outcomes(dry)[2][2]
    make, holds = CHANGES[change]
    make(path) if change == "file rewritten" else make(db)
    reads.clear()
    real = service.run(path, GOOD_ONLY, dry_run=False)
    assert reads == [path], f"{change}: the real import wrote a plan that no longer holds"
    assert real.written and holds(db, real), (change, _outcomes(dry), _outcomes(real))


def test_other_options_or_another_day_plan_again(db: Database, admin: Actor,
                                                 service: ImportService, reads: list[Path],
                                                 tmp_path: Path) -> None:
    path = _second_file(service, tmp_path)
    copy = shutil.copyfile(path, tmp_path / "copy.xlsx")
    service.run(path, GOOD_ONLY, dry_run=True)
    reads.clear()
    # the unit column mapped away: the dry run's plan (which changes the unit) must not be used
    result = service.run(path, ImportOptions(good_rows_only=True, mapping={
        0: "", 1: "name", 2: "sex", 3: "id_number", 4: "birth_date", 8: "honors"}),
        dry_run=False)
    assert reads == [path] and result.counts["updated"] == 0
    day = [TODAY]
    midnight = ImportService(db.sessions, admin, today=lambda: day[0])
    midnight.run(copy, GOOD_ONLY, dry_run=True)
    day[0] += dt.timedelta(days=1)  # the dry run before midnight, the import after
    reads.clear()
    midnight.run(copy, GOOD_ONLY, dry_run=False)
    assert reads == [copy]


def test_files_that_cannot_be_read_are_refused_in_words_before_any_digest(
        service: ImportService, tmp_path: Path) -> None:
    """The file's digest (for the kept plan) is taken only after the checks ``read_sheet``
    makes: a missing file or a folder gets the same refusal as before, not an OS error."""
    from desktop.errors import AppError

    folder = tmp_path / "名册.xlsx"
    folder.mkdir()
    for path, code in ((tmp_path / "gone.xlsx", "import_missing"),
                       (folder, "import_unreadable")):
        for dry_run in (True, False):
            with pytest.raises(AppError) as caught:
                service.run(path, GOOD_ONLY, dry_run=dry_run)
            assert caught.value.code == code, (path, caught.value)
