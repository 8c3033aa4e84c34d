"""Importing a clerk's roster (issue 4): one code path for the dry run and the real thing.

``run`` reads the sheet, checks every row (``plan``), then writes the good rows with bulk
Core statements inside one transaction. A dry run, and an all-or-nothing import with a rejected
row, stop after the plan (one code path up to there, so the dry run reports exactly what the
import would: tests/imports compare the two row by row); a cancel rolls the transaction back.
A real import is one batch (``import_batch`` / ``import_item``), audited, and ``undo`` takes it
back as a whole (new persons tombstoned, changed fields restored).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import gc
import itertools
import json
import secrets
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Table, bindparam, insert, select, text, update
from sqlalchemy import types as sa_types
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from desktop.core.domain import HonorFacts, HonorLabel, derived_treatment_level, highest_honor
from desktop.core.search_keys import name_keys, search_text
from desktop.errors import AppError, ValidationError
from desktop.exchange.import_map import (
    FIELD_TITLES,
    IGNORE,
    Header,
    field_for,
    find_header,
    header_key,
)
from desktop.exchange.import_read import (
    RawRow,
    Sheet,
    continued_rows,
    file_digest,
    fill_merged_down,
    import_format,
    read_sheet,
    sheet_names,
)
from desktop.exchange.import_rows import fold_continued, split_rows, unread_columns
from desktop.exchange.import_values import as_text
from desktop.models import District, ImportBatch, ImportItem, Person, PersonEvent
from desktop.services import audit, seal, settings
from desktop.services.base import constraint_name, display_names
from desktop.services.imports.plan import (
    CHUNK,
    HONOR,
    PERSON,
    Context,
    Planned,
    flag_possible_duplicates,
    id_of,
    load_existing,
    mark_duplicates,
    plan_row,
)
from desktop.services.imports.types import (
    ImportBatchRow,
    ImportOptions,
    ImportPreview,
    ImportResult,
    RowOutcome,
    RowProblem,
)
from desktop.services.permissions import Actor, Perm
from desktop.services.register import id_guard
from desktop.services.register.store import (
    dump_value,
    home_district_id,
    load_value,
    refresh_derived,
    utcnow,
)

__all__ = ["FIELD_TITLES", "IGNORE", "MAPPINGS_KEY", "ImportService", "import_format"]
# FIELD_TITLES / IGNORE (the fields a column can be mapped to) and import_format (which files
# can be read) are offered here so that the import wizard and ``laomo members import`` need not
# reach into ``desktop.exchange``.

MAPPINGS_KEY = "import.mappings"
DEFAULTS = ImportOptions()
UNDO_REASON = "import undone"
UNDO_NAMES_SHOWN = 5
"""How many of the persons edited since an import a refused undo names (then 等 N 人)."""
SQLITE_CACHE_KIB = 32768
STEP = 500  # rows between progress reports and cancel checks
IMPORT_LOCK = 0x6C616F6D6F  # "laomo": PostgreSQL advisory lock key every import takes
LOCK_WAIT = "60s"  # how long an import waits for another one to finish
Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
EVENTS: Table = PersonEvent.__table__  # type: ignore[assignment]
ITEMS: Table = ImportItem.__table__  # type: ignore[assignment]


class _Rollback(Exception):
    """Leave the transaction without committing (dry run, refused, cancelled)."""


@dataclasses.dataclass(frozen=True)
class _Found:
    """What reading the file found besides its rows."""

    sheet: str
    header: Header
    footers: tuple[int, ...]
    count: int  # data rows
    unread: tuple[int, ...] = ()  # columns with content that no field is mapped to
    folded: tuple[tuple[int, int], ...] = ()  # (row, the row above it joined: one person)


class _Kept:
    """A dry run's plan, kept for the real import of the same file (``ImportService.run``):
    the rows as planned, and the context they were planned against to compare with what the
    register says when the import is started."""

    def __init__(self, key: tuple[Any, ...], found: _Found, planned: list[Planned],
                 ctx: Context, numbers: list[str]) -> None:
        self.key, self.found, self.planned, self.ctx, self.numbers = \
            key, found, planned, ctx, numbers
        # what the checks after the plan add to the rows (possible-duplicate warnings), so
        # that they can be taken off and made again against the register of the real import
        self._warned = [(p, len(p.warnings)) for p in planned
                        if p.status == "new" and p.id_number is None]
        self._statuses = [p.status for p in planned]

    def restore(self) -> bool:
        """The plan as it was before the dry run's later checks; False when they changed a
        row's fate (a person saved meanwhile): then it is not worth keeping."""
        if any(p.status != was for p, was in zip(self.planned, self._statuses, strict=True)):
            return False
        for p, n in self._warned:
            del p.warnings[n:]
        return True


class ImportService:
    """Import, preview, undo and saved column mappings."""

    def __init__(self, sessions: sessionmaker[Session], actor: Actor,
                 today: Callable[[], dt.date] = dt.date.today) -> None:
        self._sessions = sessions
        self._actor = actor
        self._today = today
        self._kept: _Kept | None = None  # the last dry run's plan (see ``run``)

    # -- mappings -----------------------------------------------------------------------------

    @staticmethod
    def template() -> bytes:
        """The fill-in import workbook (劳模信息导入模板.xlsx), needing no database."""
        from desktop.exchange.import_template import template_workbook

        return template_workbook()

    def saved_mappings(self) -> dict[str, dict[str, str]]:
        """Saved mappings by name: ``{header text (as compared): field key}``."""
        self._actor.require(Perm.IMPORT_EXPORT)
        with self._sessions.begin() as s:
            data = settings.get(s, MAPPINGS_KEY, {})
            return dict(data) if isinstance(data, dict) else {}

    def save_mapping(self, name: str, titles: Sequence[str], mapping: dict[int, str]) -> None:
        """Remember which header means which field, under ``name``, for next time."""
        self._actor.require(Perm.IMPORT_EXPORT)
        label = name.strip()
        if not label:
            raise ValidationError.single("mapping_name", "value_required")
        saved = {header_key(titles[i]): key for i, key in mapping.items()
                 if i < len(titles) and titles[i]}
        with self._sessions.begin() as s:
            data = dict(settings.get(s, MAPPINGS_KEY, {}) or {})
            data[label] = saved
            settings.put(s, MAPPINGS_KEY, data)
            audit.append(s, self._actor, "import.mapping_saved", detail={"name": label})

    def _saved(self, name: str | None) -> dict[str, str] | None:
        if name is None:
            return None
        found = self.saved_mappings().get(name)
        if found is None:
            raise AppError("import_mapping_unknown", name=name,
                           known="、".join(self.saved_mappings()) or "-")
        return found

    # -- reading ------------------------------------------------------------------------------

    def _header(self, sheet: Sheet, options: ImportOptions) -> Header:
        if not sheet.rows:
            raise AppError("import_empty", path=sheet.name)
        saved = self._saved(options.saved_mapping)
        header = find_header(sheet.rows, saved, options.header_row)
        if options.mapping is not None:
            header = dataclasses.replace(header, mapping={
                i: k for i, k in options.mapping.items() if k})
        if "name" not in header.mapping.values():
            raise AppError("import_no_name_column")
        return header

    def preview(self, path: Path, options: ImportOptions = DEFAULTS, *,
                progress: Progress | None = None, is_cancelled: Cancelled | None = None,
                ) -> ImportPreview:
        """Sheets, the header found, the mapping and the first rows, for the wizard (a worker
        thread: reading a 50,000-row sheet takes a second or two). Cancelling raises
        ``AppError("import_cancelled")``; nothing is written either way."""
        self._actor.require(Perm.IMPORT_EXPORT)
        report = progress or (lambda done, total: None)
        cancelled = is_cancelled or (lambda: False)
        report(0, 3)
        sheet = read_sheet(path, options.sheet, cancelled)
        _tick(report, cancelled, 1, 3)
        header = self._header(sheet, options)
        body, _continued = _body(sheet, header)
        sample = tuple((r.number, tuple(as_text(c) or "" for c in r.cells)) for r in body[:20])
        names = tuple(sheet_names(path))
        _tick(report, cancelled, 3, 3)
        return ImportPreview(names, sheet.name, header.row_number,
                             header.titles, dict(header.mapping), sample, len(body),
                             header.depth, header.numbers_row)

    # -- importing ----------------------------------------------------------------------------

    def run(self, path: Path, options: ImportOptions = DEFAULTS, *, dry_run: bool,
            progress: Progress | None = None, is_cancelled: Cancelled | None = None,
            ) -> ImportResult:
        """Import (or dry-run) ``path``. Nothing is written when ``dry_run``, when the user
        cancels (``AppError("import_cancelled")``), or when a row is rejected and
        ``options.good_rows_only`` is off; the result says which rows were refused and why.

        The wizard always shows a dry run first: the real import of the same file with the same
        options then writes the plan the dry run made, when everything that plan was checked
        against (the stored persons and honors of the file's ID numbers, the districts, the
        mode, the day) is still as it was; otherwise it plans again."""
        self._actor.require(Perm.IMPORT_EXPORT)
        self._actor.require(Perm.EDIT_PERSONS)
        report = progress or (lambda done, total: None)
        cancelled = is_cancelled or (lambda: False)
        digest = file_digest(path)
        key = self._plan_key(digest, options)
        kept, self._kept = self._kept, None
        if not dry_run and kept is not None and kept.key == key:
            again = functools.partial(self._planned_again, kept=kept, path=path, digest=digest,
                                      options=options, report=report, cancelled=cancelled)
            result = self._in_transaction(again)
            if result is not None:
                return result
            del again
        kept = None  # a plan that no longer holds is let go before planning again
        sheet = read_sheet(path, options.sheet, cancelled)
        header = self._header(sheet, options)
        # data rows, and the totals and signatures under them (skipped and mentioned)
        body, continued = _body(sheet, header)
        inputs, footers = split_rows(body, header.mapping)
        # one person over several rows (the name merged down): one person, every honor
        inputs, folded = fold_continued(inputs, continued)
        # 序号 is never imported (the wizard offers no field for it): not worth a word
        numbers = {i: "seq" for i, t in enumerate(header.titles) if field_for(t) == "seq"}
        unread = unread_columns(body, {**numbers, **header.mapping}, len(header.titles),
                                footers)
        sheet_name = sheet.name
        del sheet, body
        if not inputs:
            raise AppError("import_no_rows", path=str(path))
        found = _Found(sheet_name, header, tuple(footers), len(inputs), unread,
                       tuple(sorted(folded.items())))

        def plan_and_write(s: Session) -> ImportResult:
            numbers = [n for n in (id_of(r) for r in inputs) if n]
            ctx = self._context(s, numbers)
            columns = {k: i for i, k in header.mapping.items()}
            planned: list[Planned] = []
            queue = deque(inputs)
            inputs.clear()  # each row's cells are let go once it is planned
            for n in range(found.count):
                if n % STEP == 0:
                    _tick(report, cancelled, n, found.count * 2)
                planned.append(plan_row(queue.popleft(), ctx, columns))
            mark_duplicates(planned, columns)
            for p in planned:
                p.stored = None
            keep = _Kept(key, found, planned, ctx, numbers) if dry_run else None
            if keep is None:
                # what was loaded to plan against, let go before the writing (tens of
                # megabytes at 50,000 rows); a dry run keeps it to see whether it still holds
                ctx.existing.clear()
                ctx.honors.clear()
            result = self._finish(s, found, planned, ctx.districts, path, digest, options,
                                  dry_run, report, cancelled)
            if keep is not None and keep.restore():
                self._kept = keep
            return result

        result = self._in_transaction(plan_and_write)
        assert result is not None
        return result

    def forget_plan(self) -> None:
        """Let the last dry run's plan go (the wizard closed): tens of megabytes at 50,000
        rows, otherwise held as long as this service is."""
        self._kept = None

    def _in_transaction(self, work: Callable[[Session], ImportResult | None],
                        ) -> ImportResult | None:
        """``work`` inside the import's transaction: the write lock taken, committed when it
        returns a result that was written, rolled back otherwise."""
        result: ImportResult | None = None
        session = self._sessions()
        collecting = gc.isenabled()
        # Tens of thousands of small dicts alive at once make the cyclic collector rescan them
        # again and again (a third of the run); nothing here makes cycles worth collecting.
        gc.disable()
        try:
            with session.begin():
                _roomy_cache(session)
                _serialise(session)
                id_guard.ensure(session)
                result = work(session)
                if result is None or not result.written:
                    raise _Rollback
        except _Rollback:
            pass
        except IntegrityError as exc:
            if id_guard.INDEX_NAME in str(exc.orig) or "person.origin_district_id, " \
                    "person.id_number" in str(exc.orig):
                # someone registered one of these ID numbers by hand while the file was read
                raise AppError("import_id_taken") from exc
            raise ValidationError.single("record", "constraint_failed",
                                         detail=constraint_name(exc)) from exc
        finally:
            session.close()
            if collecting:
                gc.enable()
        return result

    def _planned_again(self, s: Session, kept: _Kept, path: Path, digest: str,
                       options: ImportOptions, report: Progress, cancelled: Cancelled,
                       ) -> ImportResult | None:
        """The real import of a file just dry-run: its plan, when what it was checked against
        is unchanged (else None: planned again from the file)."""
        ctx = self._context(s, kept.numbers)
        if ctx != kept.ctx:
            return None
        ctx.existing.clear()
        ctx.honors.clear()
        kept.ctx.existing.clear()
        kept.ctx.honors.clear()
        return self._finish(s, kept.found, kept.planned, ctx.districts, path, digest, options,
                            False, report, cancelled)

    def _finish(self, s: Session, found: _Found, planned: list[Planned],
                districts: dict[str, uuid.UUID], path: Path, digest: str,
                options: ImportOptions, dry_run: bool, report: Progress, cancelled: Cancelled,
                ) -> ImportResult:
        """From a plan to the result: the checks against the register that may have moved
        since the plan (possible duplicates, persons saved meanwhile), then the writing."""
        header = found.header
        columns = {k: i for i, k in header.mapping.items()}
        count, total = found.count, found.count * 2
        flag_possible_duplicates(s, planned, columns, districts)
        _claim_updates(s, planned, columns)
        rejected = sum(1 for p in planned if p.status == "rejected")
        refused = rejected > 0 and not options.good_rows_only
        batch_id = uuid.uuid4()
        counts = _counts(planned)
        written = not dry_run and not refused
        if written:
            # A dry run (or a refused file) stops at the plan: every check that decides a row's
            # fate is in it, and the import lock keeps the register as planned until the
            # commit (the partial unique index only backs the plan up).
            self._write(s, planned, batch_id, report, cancelled, count, total)
            self._record(s, batch_id, path, digest, found.sheet, counts, planned)
        result = ImportResult(
            file_name=path.name, sheet=found.sheet, header_row=header.row_number,
            titles=header.titles, mapping=dict(header.mapping), dry_run=dry_run,
            written=written, batch_id=batch_id if written else None, counts=counts,
            rows=tuple(_outcome(p) for p in planned), footer_rows=found.footers,
            unread_columns=found.unread, numbers_row=header.numbers_row,
            folded_rows=found.folded)
        report(total, total)
        return result

    def _plan_key(self, digest: str, options: ImportOptions) -> tuple[Any, ...]:
        """What a dry run's plan depends on besides the register: the file, how it is read
        (a saved mapping by what it says, not its name), who imports, and the day."""
        saved = self._saved(options.saved_mapping)
        how = dataclasses.replace(options, good_rows_only=False, mapping=None if (
            options.mapping is None) else dict(options.mapping))  # a copy: not changed later
        return (digest, how, saved, self._actor.name, self._actor.role, self._today())

    def _context(self, s: Session, numbers: list[str]) -> Context:
        """What the rows are checked against, loaded for the file's ID numbers."""
        districts = {n: i for n, i in s.execute(
            select(District.name, District.id).where(District.deleted_at.is_(None)))}
        mode = settings.get(s, settings.MODE)
        home = home_district_id(s)
        home_name = next((n for n, i in districts.items() if i == home), None)
        existing, honors = load_existing(s, numbers)
        names = {i: n for n, i in districts.items()}
        owners = {p["id"]: names.get(p["origin_district_id"], str(p["origin_district_id"]))
                  for p in existing.values() if mode == "city"
                  and p.get("origin_district_id") not in (None, home)}
        return Context(districts, home_name if mode == "county" else None, mode == "county",
                       existing, honors, self._today(), owners)

    def _write(self, s: Session, planned: Sequence[Planned], batch_id: uuid.UUID,
               report: Progress, cancelled: Cancelled, done: int, total: int) -> None:
        home = home_district_id(s)
        now = utcnow()
        today = self._today()
        created = json.dumps({"seq": 1, "import_batch": str(batch_id)})  # one for every row
        ids = _ordered_ids()
        new_rows: list[dict[str, Any]] = []
        honor_rows: list[dict[str, Any]] = []
        event_rows: list[dict[str, Any]] = []
        updates: list[Planned] = []
        for n, p in enumerate(planned):
            if n % STEP == 0:
                _tick(report, cancelled, done + n, total)
                _flush(s, new_rows, honor_rows, event_rows)
            if p.status == "new":
                p.person_id = next(ids)
                row = _new_person(p, home, now)
                new_rows.append(row)
                event_rows.append({
                    "id": next(ids), "person_id": p.person_id, "kind": "create",
                    "event_date": today, "recorded_by": self._actor.name,
                    "details": created,
                    "origin_district_id": home, "created_at": now, "updated_at": now,
                    "row_version": 1})
            elif p.status == "updated":
                updates.append(p)
            else:
                continue
            for h in p.honors:
                h["id"] = next(ids)
                honor_rows.append({**h, "person_id": p.person_id, "origin_district_id": home,
                                   "created_at": now, "updated_at": now, "row_version": 1})
        _flush(s, new_rows, honor_rows, event_rows)
        self._update(s, updates, now)

    @staticmethod
    def _update(s: Session, updates: Sequence[Planned], now: dt.datetime) -> None:
        """Changed and derived columns, one executemany per set of columns changed. Like a
        single save, each row is written only at the version it was planned from (locked by
        ``_claim_updates``) and its version moves forward from what is stored."""
        groups: dict[tuple[str, ...], list[Planned]] = {}
        for p in updates:
            groups.setdefault(tuple(sorted(p.values)), []).append(p)
        raw = _sqlite_cursor(s)
        try:
            for keys, planned in groups.items():
                if raw is not None:
                    _update_sqlite(s, raw, keys, planned, now)
                    for p in planned:
                        p.version += 1
                    continue
                rows = [{"b_id": p.person_id, "b_planned": p.version, "b_updated_at": now,
                         **{f"b_{k}": p.values[k] for k in keys}} for p in planned]
                for p in planned:
                    p.version += 1
                stmt = update(PERSON).where(
                    PERSON.c.id == bindparam("b_id"),
                    PERSON.c.row_version == bindparam("b_planned"),
                ).values({**{k: bindparam(f"b_{k}") for k in (*keys, "updated_at")},
                          "row_version": PERSON.c.row_version + 1})
                done = s.execute(stmt, rows)
                if s.get_bind().dialect.supports_sane_multi_rowcount and \
                        done.rowcount != len(rows):  # type: ignore[attr-defined]
                    raise AppError("import_row_changed")
        finally:
            if raw is not None:
                raw.close()

    def _record(self, s: Session, batch_id: uuid.UUID, path: Path, digest: str, sheet: str,
                counts: dict[str, int], planned: Sequence[Planned]) -> None:
        s.add(ImportBatch(id=batch_id, created_by=self._actor.name, file_name=path.name[:260],
                          file_sha256=digest, sheet=sheet[:100],
                          counts=json.dumps(counts)))
        s.flush()
        items = [{
            "batch_id": batch_id, "person_id": p.person_id, "kind":
            "new" if p.status == "new" else "update", "row_number": p.number,
            "before": json.dumps({k: dump_value(x) for k, x in p.before.items()},
                                 ensure_ascii=False) if p.status == "updated" else None,
            "added_honors": _id_list(p.honors) if p.honors else None,
            "version_after": p.version if p.status == "updated" else 1,
        } for p in planned if p.status in ("new", "updated")]
        for start in range(0, len(items), 1000):
            insert_rows(s, ITEMS, items[start:start + 1000])
        audit.append(s, self._actor, "person.import", entity="import_batch",
                     entity_id=batch_id, detail={"file": path.name, "sha256": digest,
                                                 "sheet": sheet, **counts})

    # -- batches and undo ---------------------------------------------------------------------

    def batches(self) -> list[ImportBatchRow]:
        """Imports, newest first."""
        self._actor.require(Perm.IMPORT_EXPORT)
        with self._sessions.begin() as s:
            rows = list(s.scalars(select(ImportBatch).order_by(ImportBatch.created_at.desc())))
            names = display_names(s, (b.created_by for b in rows))  # 操作人 李录入
            return [ImportBatchRow(b.id, b.created_at, names.get(b.created_by, b.created_by),
                                   b.file_name, json.loads(b.counts), b.undone_at)
                    for b in rows]

    def undo(self, batch_id: uuid.UUID) -> int:
        """Take a batch back: its new persons tombstoned, its changes restored. Refused (and
        nothing done) when one of its persons was edited since; returns the persons touched."""
        self._actor.require(Perm.IMPORT_EXPORT)
        self._actor.require(Perm.EDIT_PERSONS)
        with self._sessions.begin() as s:
            batch = s.get(ImportBatch, batch_id)
            if batch is None:
                raise AppError("import_batch_unknown", batch=str(batch_id))
            if batch.undone_at is not None:
                raise AppError("import_batch_undone", batch=str(batch_id))
            items = list(s.scalars(select(ImportItem).where(ImportItem.batch_id == batch_id)))
            now = utcnow()
            edited: list[str] = []
            persons = {}
            for item in items:
                person = s.get(Person, item.person_id)
                if person is None or person.row_version != item.version_after or (
                        person.deleted_at is not None):
                    edited.append(person.name if person is not None else "?")
                persons[item.person_id] = person
            if edited:  # who: the clerk looks them up before deciding what to do
                shown = sorted(edited)[:UNDO_NAMES_SHOWN]
                more = len(edited) > len(shown)
                raise AppError("import_undo_edited", count=len(edited),
                               names="、".join(shown) + (f"等 {len(edited)} 人" if more else ""),
                               names_en=", ".join(shown)
                               + (f" and {len(edited) - len(shown)} more" if more else ""))
            for item in items:
                person = persons[item.person_id]
                assert person is not None
                if item.kind == "new":
                    person.deleted_at, person.deleted_by = now, self._actor.name
                    person.delete_reason = UNDO_REASON
                    continue
                for column, value in json.loads(item.before or "{}").items():
                    setattr(person, column, load_value(column, value))
                added = {uuid.UUID(x) for x in json.loads(item.added_honors or "[]")}
                for h in person.honors:
                    if h.id in added:
                        h.deleted_at, h.deleted_by, h.delete_reason = now, self._actor.name, \
                            UNDO_REASON
                refresh_derived(person)
                s.flush()
                # An earlier batch found this person at the version this batch started from:
                # with this batch undone, that batch may still be undone in turn.
                s.execute(update(ITEMS).where(
                    ITEMS.c.person_id == person.id, ITEMS.c.batch_id != batch_id,
                    ITEMS.c.version_after == item.version_after - 1,
                ).values(version_after=person.row_version))
            batch.undone_at, batch.undone_by = now, self._actor.name
            audit.append(s, self._actor, "person.import_undo", entity="import_batch",
                         entity_id=batch_id, detail={"persons": len(items)})
            return len(items)


def _body(sheet: Sheet, header: Header) -> tuple[list[RawRow], dict[int, int]]:
    """The rows under the header, a cell merged down over several of them read in each
    (except in the name and ID number columns: see ``fill_merged_down``); and the rows that
    go on with the person above them, under a merged name (``continued_rows``)."""
    last = sheet.rows[header.row_index].number  # merges of the header's own rows stay
    below = [m for m in sheet.merged_down if m[0] > last]
    identity = {i for i, k in header.mapping.items() if k in ("name", "id_number")}
    return (fill_merged_down(sheet.rows[header.row_index + 1:], below, identity),
            continued_rows(below, identity))


def _serialise(s: Session) -> None:
    """One import at a time, from reading the register to the commit, so that a second clerk's
    import of the same roster plans against the first one's rows instead of registering every
    person again (issue 16). SQLite: the transaction began with ``BEGIN IMMEDIATE`` and holds
    the write lock already. PostgreSQL: a transaction-scoped advisory lock, waited for up to
    ``LOCK_WAIT``; then a clear refusal and nothing written."""
    if s.get_bind().dialect.name != "postgresql":
        return
    s.execute(text(f"SET LOCAL lock_timeout = '{LOCK_WAIT}'"))
    try:
        s.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": IMPORT_LOCK})
    except OperationalError as exc:
        raise AppError("import_busy") from exc
    s.execute(text("SET LOCAL lock_timeout = DEFAULT"))


def _claim_updates(s: Session, planned: Sequence[Planned], columns: dict[str, int]) -> None:
    """Lock the persons the import will update and take back every row whose person was saved,
    deleted or merged since it was planned: reported (rejected, with the reason), never
    overwritten. From here to the commit nobody can change them."""
    rows = [p for p in planned if p.status == "updated"]
    current: dict[Any, tuple[int, bool]] = {}
    ids = [p.person_id for p in rows]
    for start in range(0, len(ids), CHUNK):
        for pid, version, deleted, merged in s.execute(
                select(PERSON.c.id, PERSON.c.row_version, PERSON.c.deleted_at,
                       PERSON.c.merged_into_id)
                .where(PERSON.c.id.in_(ids[start:start + CHUNK])).with_for_update()):
            current[pid] = (version, deleted is None and merged is None)
    for p in rows:
        version, live = current.get(p.person_id, (None, False))
        if version == p.version and live:
            continue
        p.status = "rejected"
        p.problems.append(RowProblem(columns.get("name"), "name", "changed_during_import"))
        p.values, p.honors, p.changes = {}, [], []


def _roomy_cache(s: Session) -> None:
    """SQLite's default page cache (2 MB) makes 50,000 inserts into a 100,000-person table's
    indexes spill pages to the WAL over and over; 32 MB for this connection keeps them (64 MB
    was no faster on the 100,000-person benchmark and 33 MB more of its peak memory)."""
    if s.get_bind().dialect.name == "sqlite":
        s.execute(text(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}"))


def _tick(report: Progress, cancelled: Cancelled, done: int, total: int) -> None:
    if cancelled():
        raise AppError("import_cancelled")
    report(done, total)


_PERSON_TEMPLATE: dict[str, Any] = dict.fromkeys(PERSON.c.keys())  # every new person's keys


def _new_person(p: Planned, home: uuid.UUID | None, now: dt.datetime) -> dict[str, Any]:
    v = dict(_PERSON_TEMPLATE)  # the same keys in the same order for every row (_by_column)
    v.update(p.values)
    pinyin, initials = name_keys(v["name"])
    facts = [HonorFacts(h["level"], False) for h in p.honors]
    labels = [HonorLabel(h["title"], h["level"], h["year"], False) for h in p.honors]
    override = v.get("treatment_override")
    v.update(
        id=p.person_id, origin_district_id=home, created_at=now, updated_at=now, row_version=1,
        name_pinyin=pinyin or None, name_initials=initials or None, life_status="alive",
        search_text=search_text(v["name"], pinyin, initials, v.get("id_number"),
                                v.get("work_unit"), v.get("phone"), v.get("mobile")),
        treatment_level=override or derived_treatment_level(facts),
        highest_honor=highest_honor(labels), is_revoked=False, in_hardship=False,
        is_emigrated=False, is_lost_contact=False, under_investigation=False,
    )
    return v


def _flush(s: Session, persons: list[dict[str, Any]], honors: list[dict[str, Any]],
           events: list[dict[str, Any]]) -> None:
    """Bulk inserts of what has collected (persons first: honors and events refer to them)."""
    for table, rows in ((PERSON, persons), (HONOR, honors), (EVENTS, events)):
        if rows:
            insert_rows(s, table, rows)
            rows.clear()


def _sqlite_cursor(s: Session) -> Any | None:
    """The driver's own cursor when the session is on SQLite with ``?`` parameters (the fast
    path of ``insert_rows`` and ``_update``), else None (SQLAlchemy's executemany)."""
    connection = s.connection()
    dialect = connection.dialect
    if dialect.name != "sqlite" or dialect.paramstyle != "qmark":
        return None
    return connection.connection.driver_connection.cursor()  # type: ignore[union-attr]


def _update_sqlite(s: Session, cursor: Any, keys: tuple[str, ...], planned: Sequence[Planned],
                   now: dt.datetime) -> None:
    """``_update``'s statement for one set of columns, straight to the driver (SQLAlchemy's
    per-row parameter handling was most of the time of 10,000 updates). Refuses, as the
    statement does, when a row is no longer at its planned version."""
    dialect = s.connection().dialect
    names = [*keys, "updated_at"]
    columns = [PERSON.c[k] for k in names] + [PERSON.c.id, PERSON.c.row_version]
    data: list[list[Any]] = [[p.values[k] for p in planned] for k in keys]
    data += [[now] * len(planned), [p.person_id for p in planned],
             [p.version for p in planned]]
    for n, process in enumerate(_processors(dialect, columns)):
        if process is not None:
            data[n] = [None if v is None else process(v) for v in data[n]]
    sql = (f'UPDATE "{PERSON.name}" SET '
           + ", ".join(f'"{PERSON.c[k].name}" = ?' for k in names)
           + ', "row_version" = "row_version" + 1 WHERE "id" = ? AND "row_version" = ?')
    cursor.executemany(sql, list(zip(*data, strict=True)))
    if cursor.rowcount != len(planned):
        raise AppError("import_row_changed")
    seal.note_written(s, PERSON.name, data[len(keys) + 1])  # no event sees the driver's writes


def _processors(dialect: Any, columns: Sequence[Any]) -> list[Callable[[Any], Any] | None]:
    """Each column's bind processor (dates remembering what they formatted)."""
    return [_remembering(c.type.dialect_impl(dialect).bind_processor(dialect))
            if isinstance(c.type, sa_types.Date | sa_types.DateTime)
            else c.type.dialect_impl(dialect).bind_processor(dialect) for c in columns]


def insert_rows(s: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """``INSERT`` many rows, as ``s.execute(insert(table), rows)`` would.

    Only the columns some row fills are sent: most of a person's fifty are empty in a roster,
    and every parameter costs (the rest take their defaults, NULL). On SQLite the rows go
    straight to the driver's executemany with the columns' own bind processors and Python
    defaults: SQLAlchemy's per-row parameter handling was a sixth of a 50,000-row import."""
    given = _by_column(rows)
    keys = sorted(k for k, values in given.items() if values.count(None) < len(values))
    connection = s.connection()
    dialect = connection.dialect
    if dialect.name != "sqlite" or dialect.paramstyle != "qmark":
        s.execute(insert(table), [{k: row.get(k) for k in keys} for row in rows])
        return
    defaults = [c for c in table.columns if c.key not in keys and c.default is not None]
    columns = [table.c[k] for k in keys] + defaults
    for c in defaults:
        if not (getattr(c.default, "is_scalar", False) or getattr(c.default, "is_callable",
                                                                    False)):
            s.execute(insert(table), [{k: row.get(k) for k in keys} for row in rows])
            return
    processors = _processors(dialect, columns)
    fills = [(c.default.arg if c.default.is_scalar else None,  # type: ignore[union-attr]
              None if c.default.is_scalar else c.default.arg)  # type: ignore[union-attr]
             for c in defaults]
    sql = (f'INSERT INTO "{table.name}" (' + ", ".join(f'"{c.name}"' for c in columns)
           + ") VALUES (" + ", ".join("?" * len(columns)) + ")")
    # Column by column (one list and one processor each), then rows: a third of the cost of
    # building every row's list and testing every value's processor.
    data: list[Sequence[Any]] = [given[k] for k in keys]
    data += [[scalar] * len(rows) if call is None else [call(None) for _ in rows]
             for scalar, call in fills]
    for n, process in enumerate(processors):
        if process is None:
            continue
        first = data[n][0]
        if first is not None and data[n][-1] is first and all(v is first for v in data[n]):
            # one value down the column (the district, a timestamp): processed once
            data[n] = [process(first)] * len(data[n])
        else:
            data[n] = [None if v is None else process(v) for v in data[n]]
    params = list(zip(*data, strict=True))
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.executemany(sql, params)
    finally:
        cursor.close()
    bound = {c.key: values for c, values in zip(columns, data, strict=True)}
    if "id" in bound:  # no event sees the driver's writes: the audit entry's row digests
        seal.note_inserted(s, table, bound)


def _by_column(rows: list[dict[str, Any]]) -> dict[str, Sequence[Any]]:
    """The rows' values column by column, a key missing from a row read as None. Rows made
    alike (the same keys in the same order: honors, events, import items, and new persons from
    ``_new_person``'s template) are turned by ``zip`` in one pass; others key by key."""
    first = list(rows[0])
    if all(list(row) == first for row in rows):
        return dict(zip(first, zip(*[row.values() for row in rows], strict=True), strict=True))
    return {k: [row.get(k) for row in rows] for k in set().union(*rows)}


def _id_list(honors: Sequence[dict[str, Any]]) -> str:
    """``json.dumps([str(id), ...])`` for UUIDs (nothing to escape), without an encoder call
    for each of 50,000 rows."""
    return '["' + '", "'.join([str(h["id"]) for h in honors]) + '"]'


def _ordered_ids() -> Iterator[uuid.UUID]:
    """Keys for one import's new rows: version-7 UUIDs (RFC 9562: a millisecond timestamp, 74
    random bits, here with the monotonic counter the RFC allows). As unique across offices as
    ``uuid4``, but ascending, so 130,000 new persons, honors and events land side by side in
    the primary-key and person_id indexes instead of on a random page each (on SQLite fewer
    pages to touch and to write to the WAL)."""
    ms = time.time_ns() // 1_000_000 & (1 << 48) - 1
    head = ms << 80 | 0x7 << 76 | secrets.randbits(12) << 64 | 0b10 << 62
    start = secrets.randbits(61)  # room below 2**62 to count up from
    return (uuid.UUID(int=head | start + n) for n in itertools.count())


def _remembering(processor: Callable[[Any], Any] | None) -> Callable[[Any], Any] | None:
    """A date processor that formats each distinct value once (every row of an import shares
    one timestamp; formatting it 100,000 times was a second)."""
    if processor is None:
        return None
    seen: dict[Any, Any] = {}

    def process(value: Any) -> Any:
        try:
            return seen[value]
        except KeyError:
            out = seen[value] = processor(value)
            return out

    return process


def _counts(planned: Sequence[Planned]) -> dict[str, int]:
    counts = dict.fromkeys(("new", "updated", "unchanged", "rejected", "duplicate"), 0)
    for p in planned:
        counts[p.status] += 1
    return counts


def _outcome(p: Planned) -> RowOutcome:
    return RowOutcome(p.number, p.status, p.name, tuple(p.problems), tuple(p.changes),
                      p.same_as, tuple(p.warnings))

