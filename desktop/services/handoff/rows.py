"""Travelling rows in and out of a package, and the city's merge of them.

Rows travel as JSON objects with every column of their table; references to ``district`` travel
as the district's *name* (each installation made its own district rows with its own UUIDs at
set-up), everything else keeps its UUID. Tables go in foreign-key order. The children of a
hardship file that are not travelling records themselves (household members, review steps) go
with their file whenever the file goes, and replace the city's copy.

The merge is an upsert by UUID that keeps the newer row (row version, then ``updated_at``), so
merging the same rows twice changes nothing. Every row it writes gets a before-image (JSON, or
NULL when the row is new) so the whole package can be undone as a batch.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import re
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from operator import itemgetter
from typing import Any, overload

import orjson
from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    LargeBinary,
    Numeric,
    Table,
    Uuid,
    bindparam,
    column,
    delete,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.orm import Session

from desktop.core.masking import mask_id, mask_phone
from desktop.exchange.handoff_package import OpenPackage
from desktop.models import Base
from desktop.services import seal
from desktop.services.handoff.origin import VisitOrigins
from desktop.services.hardship.rules import mask_account

CHILDREN = {"hardship_member": "hardship_case", "hardship_step": "hardship_case"}
"""Non-travelling children -> their travelling parent (column ``case_id``)."""
ORDER = (
    "person", "honor", "person_event", "hardship_case", "hardship_member", "hardship_step",
    "hardship_payment", "hardship_attachment", "visit_campaign", "visit_standard",
    "visit_staff", "visit_team", "visit", "visit_photo", "recuperation_batch",
    "recuperation_entry", "document_log",
)
BOOKKEEPING = {"created_at", "updated_at", "row_version", "search_text", "name_pinyin",
               "name_initials"}
CHUNK = 500
_ID = itemgetter("id")
PARENTS = set(CHILDREN.values())
EXPORT_BATCH = 2000
SQLITE_CACHE_KIB = 65536


@overload
def aware(value: dt.datetime) -> dt.datetime: ...
@overload
def aware(value: dt.datetime | None) -> dt.datetime | None: ...
def aware(value: dt.datetime | None) -> dt.datetime | None:
    """A stored time as UTC-aware (SQLite gives it back naive)."""
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value


def table(name: str) -> Table:
    return Base.metadata.tables[name]


def district_columns(t: Table) -> set[str]:
    return {c.name for c in t.columns
            if any(fk.target_fullname == "district.id" for fk in c.foreign_keys)}


def _dump_value(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=dt.UTC)
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    return value


def _loader(col: Column[Any]) -> Any:
    kind = col.type
    if isinstance(kind, Uuid):
        return lambda v: uuid.UUID(str(v))
    if isinstance(kind, DateTime):
        def when(v: Any) -> dt.datetime:
            parsed = dt.datetime.fromisoformat(str(v))
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)
        return when
    if isinstance(kind, Date):
        return lambda v: dt.date.fromisoformat(str(v)[:10])
    if isinstance(kind, Numeric):
        return lambda v: Decimal(str(v))
    if isinstance(kind, Boolean):
        return bool
    if isinstance(kind, LargeBinary):
        return lambda v: v if isinstance(v, bytes) else base64.b64decode(str(v))
    return None


def loaders(t: Table) -> list[tuple[str, Any]]:
    return [(c.name, _loader(c)) for c in t.columns]


def chunks(items: list[Any], size: int = CHUNK) -> Iterator[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


# -- export ------------------------------------------------------------------------------------

def export_rows(s: Session, since: dt.datetime | None,
                add: Callable[[str, Iterable[bytes]], None]) -> dict[str, int]:
    """Hand every travelling row changed since ``since`` (all when None), with the children of
    the hardship files that go, to ``add(part_name, pieces)`` as JSON lines, table by table,
    a few thousand lines at a time (never a whole table in memory). Columns are read untyped
    (the driver's own values: on SQLite already text and numbers), which keeps a
    20,000-person export in seconds. Returns the row count per table."""
    names: dict[Any, str] = {}
    for d_id, name in s.execute(select(table("district").c.id, table("district").c.name)):
        names.update({d_id: name, d_id.hex: name, str(d_id): name})
    counts: dict[str, int] = {}
    for name in ORDER:
        counts[name] = 0
        add(f"rows/{name}.jsonl", _table_lines(s, name, since, names, counts))
    return counts


def _table_lines(s: Session, name: str, since: dt.datetime | None, names: dict[Any, str],
                 counts: dict[str, int]) -> Iterator[bytes]:
    t = table(name)
    dcols = district_columns(t)
    cols = [c.name for c in t.columns]
    positions = [i for i, c in enumerate(cols) if c in dcols]
    stmt: Any = select(*[column(c) for c in cols]).select_from(t)
    if name in CHILDREN:
        parent = table(CHILDREN[name])
        if since is not None:
            stmt = stmt.where(t.c.case_id.in_(
                select(parent.c.id).where(parent.c.updated_at >= since)))
    elif since is not None:
        stmt = stmt.where(t.c.updated_at >= since)
    plain = (str, int, float, type(None))
    encode = orjson.dumps  # compact UTF-8, as json.dumps(ensure_ascii=False) but 5x faster
    result = s.execute(stmt.order_by(t.c.id).execution_options(yield_per=EXPORT_BATCH))
    for batch in result.partitions():
        lines = []
        for raw in batch:
            values = list(raw)
            for i, v in enumerate(values):
                if type(v) not in plain:
                    values[i] = _dump_value(v)
            for i in positions:
                if values[i] is not None:
                    values[i] = names.get(values[i], values[i])
            lines.append(encode(dict(zip(cols, values, strict=True))))
        counts[name] += len(lines)
        lines.append(b"")
        yield b"\n".join(lines)


# -- merge -------------------------------------------------------------------------------------

@dataclass
class MergeOutcome:
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    undo: list[dict[str, Any]] = field(default_factory=list)  # table_name, row_id, before
    changes: list[dict[str, Any]] = field(default_factory=list)  # persons: field before/after
    skipped: list[dict[str, Any]] = field(default_factory=list)  # owned by another district
    new_persons: list[dict[str, Any]] = field(default_factory=list)
    deleted_persons: list[dict[str, Any]] = field(default_factory=list)
    # for the pairing of moves: live incoming persons with an ID number, and their moves
    people: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # id -> number, name
    moves: dict[str, set[str]] = field(default_factory=dict)  # person id -> move kinds

    def count(self, name: str, key: str, n: int = 1) -> None:
        per = self.counts.setdefault(name, {"new": 0, "changed": 0, "unchanged": 0,
                                            "skipped": 0, "removed": 0})
        per[key] += n


def _before_json(t: Table, row: Any) -> str:
    return json.dumps({c.name: _dump_value(row._mapping[c.name]) for c in t.columns},
                      ensure_ascii=False)


_HEX = re.compile(r"[0-9a-f]{32}\Z")
_STAMP = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}\Z")
_DAY = re.compile(r"\d{4}-\d\d-\d\d\Z")


def _uuid_text(value: Any) -> str:
    """A row id as the ledger, the report and the undo list spell it (``str(UUID)``)."""
    if type(value) is str and _HEX.match(value):
        return f"{value[:8]}-{value[8:12]}-{value[12:16]}-{value[16:20]}-{value[20:]}"
    return str(value if isinstance(value, uuid.UUID) else uuid.UUID(str(value)))


def _store_uuid(v: Any) -> str:
    return v if type(v) is str and _HEX.match(v) else uuid.UUID(str(v)).hex


def _store_stamp(v: Any) -> str:
    """SQLAlchemy's SQLite text for a timestamp, in UTC (an offset is converted, not
    dropped)."""
    if type(v) is str and _STAMP.match(v):
        return v
    parsed = v if isinstance(v, dt.datetime) else dt.datetime.fromisoformat(str(v))
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(dt.UTC).replace(tzinfo=None)
    return f"{parsed:%Y-%m-%d %H:%M:%S}.{parsed.microsecond:06d}"


def _store_day(v: Any) -> str:
    return v if type(v) is str and _DAY.match(v) else dt.date.fromisoformat(str(v)[:10]).isoformat()


def _store_number(v: Any) -> Any:
    return v if type(v) in (int, float) else float(Decimal(str(v)))


def _store_bool(v: Any) -> int:
    return 1 if v else 0


def _store_blob(v: Any) -> bytes:
    return v if isinstance(v, bytes) else base64.b64decode(str(v))


_COLUMN_FORMS = {_store_uuid: (32, re.compile(r"[0-9a-f]{32}(?:\n[0-9a-f]{32})*")),
                 _store_stamp: (26, re.compile(
                     r"[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6}"
                     r"(?:\n[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6})*")),
                 _store_day: (10, re.compile(
                     r"[0-9]{4}-[0-9]{2}-[0-9]{2}(?:\n[0-9]{4}-[0-9]{2}-[0-9]{2})*"))}
"""Storers whose stored form has a fixed width: a whole column is checked in one match."""


def _column_in_form(form: tuple[int, re.Pattern[str]], rows: list[dict[str, Any]],
                    name: str) -> bool:
    """Whether every non-NULL value of the column is already in its stored form (what a
    SQLite district sends): the values joined by newlines match one pattern of fixed-width
    items, and the total length is exactly that of so many items, so no value can hide a
    newline or be longer or shorter. False (check value by value) when not sure."""
    width, pattern = form
    values = list(map(itemgetter(name), rows))
    if None in values:
        values = [v for v in values if v is not None]
        if not values:
            return True
    try:
        joined = "\n".join(values)
    except TypeError:  # not all text
        return False
    return len(joined) == len(values) * (width + 1) - 1 and pattern.fullmatch(joined) is not None


def _column_of_flags(rows: list[dict[str, Any]], name: str) -> bool:
    """Whether every value of a boolean column is already 0, 1 or NULL (an integer)."""
    values = set(map(itemgetter(name), rows))
    return values <= {0, 1, None} and {type(v) for v in values} <= {int, type(None)}


def _storer(col: Column[Any]) -> Any:
    """JSON value -> what SQLAlchemy's SQLite dialect stores for the column (None: as is). A
    value already in that form (every value a SQLite district sends) passes untouched."""
    kind = col.type
    if isinstance(kind, Uuid):
        return _store_uuid
    if isinstance(kind, DateTime):
        return _store_stamp
    if isinstance(kind, Date):
        return _store_day
    if isinstance(kind, Numeric):
        return _store_number
    if isinstance(kind, Boolean):
        return _store_bool
    if isinstance(kind, LargeBinary):
        return _store_blob
    return None


class _Store:
    """One table of the city's database as the merge sees it: incoming JSON rows prepared as
    bind values, the existing rows' keys looked up a chunk at a time, bulk writes. This one
    goes through SQLAlchemy Core with typed values (PostgreSQL); :class:`_SqliteStore` talks
    to the SQLite driver in its stored form."""

    def __init__(self, s: Session, t: Table, district_ids: dict[str, uuid.UUID]) -> None:
        self.s = s
        self.t = t
        self.travelling = t.name not in CHILDREN
        self.dcols = district_columns(t)
        self.district_ids: dict[str, Any] = {k: self.stored_id(v)
                                             for k, v in district_ids.items()}
        self.columns: list[str] | None = None  # the package's columns, from its first row
        self.key_columns = ["id"] + (["origin_district_id", "row_version", "updated_at"]
                                     if self.travelling else []) + (
            ["deleted_at"] if t.name == "person" else [])

    def stored_id(self, value: uuid.UUID) -> Any:
        return value

    def _converters(self) -> list[tuple[str, Any]]:
        return loaders(self.t)

    def prepare(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        if self.columns is None:
            known = {c.name for c in self.t.columns}
            self.columns = [c for c in rows[0] if c in known] if rows else []
            self._convert = [(n, f) for n, f in self._converters()
                             if n in self.columns and f is not None and n not in self.dcols]
            self._districts = [n for n in self.columns if n in self.dcols]
            # rows of exactly the table's columns are converted in place, not copied
            self._copy = len(self.columns) != len(rows[0]) if rows else False
        cols, ids = self.columns, self.district_ids
        out = [{n: data[n] for n in cols} for data in rows] if self._copy else rows
        for name, f in self._convert:  # column by column: most columns need no conversion
            if f in _COLUMN_FORMS and _column_in_form(_COLUMN_FORMS[f], out, name):
                continue
            if f is _store_bool and _column_of_flags(out, name):
                continue
            for row in out:
                value = row[name]
                if value is not None:
                    row[name] = f(value)
        for name in self._districts:
            for row in out:
                value = row[name]
                if value is not None:
                    if value not in ids:
                        raise ValueError(f"unknown district {value!r}")
                    row[name] = ids[value]
        return out

    def keys(self, ids: list[Any]) -> dict[Any, tuple[Any, ...]]:
        """id -> (id, origin, row_version, updated_at[, deleted_at]) of the rows that exist."""
        cols = [self.t.c[c] for c in self.key_columns]
        found: dict[Any, tuple[Any, ...]] = {}
        for part in chunks(ids):
            for row in self.s.execute(select(*cols).where(self.t.c.id.in_(part))):
                found[row[0]] = tuple(row)
        return found

    def child_ids(self, parent_ids: list[Any]) -> list[Any]:
        out: list[Any] = []
        for part in chunks(parent_ids):
            out.extend(self.s.scalars(select(self.t.c.id).where(self.t.c.case_id.in_(part))))
        return out

    def before(self, ids: list[Any]) -> dict[Any, str]:
        """Before-images (JSON) of existing rows."""
        found: dict[Any, str] = {}
        for part in chunks(ids):
            for row in self.s.execute(select(self.t).where(self.t.c.id.in_(part))):
                found[row.id] = _before_json(self.t, row)
        return found

    def newer(self, incoming: dict[str, Any], version: int | None, updated: Any) -> bool:
        """Whether the incoming row replaces the stored one: a higher row version, or the
        same one changed later."""
        inc_v = incoming.get("row_version") or 0
        if version is None:
            return True
        if inc_v != version:
            return bool(inc_v > version)
        a = incoming.get("updated_at")
        if a is None or updated is None:
            return False
        return self._later(a, updated)

    @staticmethod
    def _later(incoming: Any, stored: Any) -> bool:
        if stored.tzinfo is None:
            stored = stored.replace(tzinfo=dt.UTC)
        return bool(incoming > stored)

    def id_texts(self, ids: list[Any]) -> list[str]:
        """Prepared row ids as the undo list spells them (``str(UUID)``)."""
        return [_uuid_text(i) for i in ids]

    def value_text(self, name: str, value: Any) -> Any:
        """A value as the report shows it (the exporter's JSON form)."""
        return _dump_value(value)

    def insert(self, rows: list[dict[str, Any]]) -> None:
        for part in chunks(rows):
            self.s.execute(insert(self.t), part)

    def update(self, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        t = self.t
        cols = [c for c in rows[0] if c != "id"]
        stmt = update(t).where(t.c.id == bindparam("_id")).values(
            {c: bindparam(f"_v_{c}") for c in cols})
        conn = self.s.connection()
        for part in chunks(rows):
            conn.execute(stmt, [{"_id": r["id"], **{f"_v_{c}": r[c] for c in cols}}
                                for r in part])

    def delete(self, ids: list[Any]) -> None:
        for part in chunks(ids):
            self.s.execute(delete(self.t).where(self.t.c.id.in_(part)))

    def set_merged_into(self, pairs: list[tuple[Any, Any]]) -> None:
        t = self.t
        stmt = update(t).where(t.c.id == bindparam("_id")).values(
            merged_into_id=bindparam("_into"))
        conn = self.s.connection()
        for part in chunks(pairs):
            conn.execute(stmt, [{"_id": a, "_into": b} for a, b in part])


class _SqliteStore(_Store):
    """The same on SQLite, straight to the driver: values in their stored form (what
    SQLAlchemy's SQLite dialect writes, checked by the tests), ``executemany`` for writes.
    SQLAlchemy's per-row parameter handling was half of a merge."""

    def stored_id(self, value: uuid.UUID) -> Any:
        return value.hex

    def _converters(self) -> list[tuple[str, Any]]:
        return [(c.name, _storer(c)) for c in self.t.columns]

    def _cursor(self) -> Any:
        return self.s.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]

    def _select(self, cols: str, ids: list[Any], where: str = "id") -> Iterator[tuple[Any, ...]]:
        cursor = self._cursor()
        try:
            for part in chunks(ids):
                marks = ", ".join("?" * len(part))
                yield from cursor.execute(
                    f'SELECT {cols} FROM "{self.t.name}" WHERE "{where}" IN ({marks})', part)
        finally:
            cursor.close()

    def keys(self, ids: list[Any]) -> dict[Any, tuple[Any, ...]]:
        cols = ", ".join(f'"{c}"' for c in self.key_columns)
        found: dict[Any, tuple[Any, ...]] = {}
        for row in self._select(cols, ids):
            if len(row) > 3 and row[3] is not None:  # updated_at as the merge stores it
                row = (*row[:3], _store_stamp(row[3]), *row[4:])
            found[row[0]] = row
        return found

    def child_ids(self, parent_ids: list[Any]) -> list[Any]:
        return [row[0] for row in self._select('"id"', parent_ids, where="case_id")]

    def before(self, ids: list[Any]) -> dict[Any, str]:
        names = [c.name for c in self.t.columns]
        cols = ", ".join(f'"{c}"' for c in names)
        at = names.index("id")
        found: dict[Any, str] = {}
        for row in self._select(cols, ids):
            found[row[at]] = json.dumps(
                {n: (base64.b64encode(v).decode("ascii") if isinstance(v, bytes) else v)
                 for n, v in zip(names, row, strict=True)}, ensure_ascii=False)
        return found

    @staticmethod
    def _later(incoming: Any, stored: Any) -> bool:
        return bool(incoming > stored)  # both UTC text of one fixed form: ordered as the times

    def id_texts(self, ids: list[Any]) -> list[str]:
        # prepared ids are 32 lower-case hex digits (checked or converted by ``prepare``)
        return [f"{v[:8]}-{v[8:12]}-{v[12:16]}-{v[16:20]}-{v[20:]}" for v in ids]

    def value_text(self, name: str, value: Any) -> Any:
        if value is None:
            return None
        if not hasattr(self, "_loaders"):
            self._loaders = dict(loaders(self.t))
        load = self._loaders[name]
        return _dump_value(value if load is None else load(value))

    def _write(self, sql: str, params: list[Any]) -> None:
        cursor = self._cursor()
        try:
            cursor.executemany(sql, params)
        finally:
            cursor.close()

    def insert(self, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        cols = list(rows[0])
        fills = [(c.name, c.default.arg) for c in self.t.columns  # type: ignore[attr-defined]
                 if c.name not in cols and c.default is not None
                 and getattr(c.default, "is_scalar", False)]
        names = cols + [n for n, _v in fills]
        extra = tuple(v for _n, v in fills)
        sql = (f'INSERT INTO "{self.t.name}" (' + ", ".join(f'"{c}"' for c in names)
               + ") VALUES (" + ", ".join("?" * len(names)) + ")")
        values = _getter(cols)
        self._write(sql, [values(r) + extra for r in rows] if extra else list(map(values, rows)))
        seal.note_written(self.s, self.t.name, map(_ID, rows))

    def update(self, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        cols = [c for c in rows[0] if c != "id"]
        sql = (f'UPDATE "{self.t.name}" SET ' + ", ".join(f'"{c}" = ?' for c in cols)
               + ' WHERE "id" = ?')
        self._write(sql, list(map(_getter([*cols, "id"]), rows)))
        seal.note_written(self.s, self.t.name, map(_ID, rows))

    def delete(self, ids: list[Any]) -> None:
        self._write(f'DELETE FROM "{self.t.name}" WHERE "id" = ?', [[i] for i in ids])
        seal.note_written(self.s, self.t.name, ids)

    def set_merged_into(self, pairs: list[tuple[Any, Any]]) -> None:
        self._write(f'UPDATE "{self.t.name}" SET "merged_into_id" = ? WHERE "id" = ?',
                    [[b, a] for a, b in pairs])
        seal.note_written(self.s, self.t.name, (a for a, _b in pairs))


def _getter(names: list[str]) -> Callable[[dict[str, Any]], tuple[Any, ...]]:
    """A row's values of ``names`` as a tuple (C speed: the parameters of a million rows)."""
    if len(names) == 1:
        only = names[0]
        return lambda row: (row[only],)
    return itemgetter(*names)


def roomy_cache(s: Session) -> None:
    """SQLite's default page cache (2 MB) makes 80,000 inserts into the city's indexes spill
    pages over and over; 64 MB for this connection keeps them (as the import does)."""
    if s.get_bind().dialect.name == "sqlite":
        s.execute(text(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}"))


def _origin_of(s: Session, table_name: str, key: Any,
               district_ids: dict[str, uuid.UUID]) -> Any:
    """The stored origin of a row already in the city's table (None: not there)."""
    found = _store(s, table(table_name), district_ids).keys([key]).get(key)
    return found[1] if found else None


def _store(s: Session, t: Table, district_ids: dict[str, uuid.UUID]) -> _Store:
    dialect = s.get_bind().dialect
    if dialect.name == "sqlite" and dialect.paramstyle == "qmark":
        return _SqliteStore(s, t, district_ids)
    return _Store(s, t, district_ids)


def merge_rows(
    s: Session, package: OpenPackage, *, district_id: uuid.UUID,
    district_ids: dict[str, uuid.UUID], names: dict[uuid.UUID, str], detail_limit: int = 500,
    dry_run: bool = False, handover: set[uuid.UUID] | frozenset[uuid.UUID] = frozenset(),
) -> MergeOutcome:
    """Upsert the package's rows into the city's tables (inside the caller's transaction),
    table by table, a chunk of rows at a time as they come out of the package.

    ``dry_run`` classifies every row exactly as the merge would and writes nothing. The undo
    list holds one entry per table for the rows that were new (``row_id`` "new", ``before``
    a JSON list of ids) and one per replaced or removed row with its before-image. Every part
    is read to its end, so a part that does not match the signed manifest raises
    ``PackageRefused`` (the caller's transaction is rolled back).
    ``handover``: the city's own records proposed to this district, which it takes back as
    its own (the rows it sends replace the city's and their origin becomes the district)."""
    result = MergeOutcome()
    roomy_cache(s)
    visit_origins: VisitOrigins | None = None
    deferred_merged_into: list[tuple[Any, Any]] = []
    shipped: dict[str, list[Any]] = {}
    for name in ORDER:
        store = _store(s, table(name), district_ids)
        owner_names = {store.stored_id(k): v for k, v in names.items()}
        home = store.stored_id(district_id)
        handed = {store.stored_id(i) for i in handover}
        if visit_origins is None:
            visit_origins = VisitOrigins(home, lambda table_name, key: _origin_of(
                s, table_name, key, district_ids))
        new_ids: list[Any] = []
        kept: set[Any] = set()
        for batch in package.row_batches(f"rows/{name}.jsonl"):
            incoming = store.prepare(batch)
            _merge_batch(store, incoming, result, home, owner_names, new_ids,
                         deferred_merged_into, detail_limit, dry_run, handed, visit_origins)
            if name in PARENTS:
                shipped.setdefault(name, []).extend(map(_ID, incoming))
            if not store.travelling:
                kept.update(map(_ID, incoming))
        if not store.travelling:  # children follow their parent: drop the ones no longer there
            gone = [i for i in store.child_ids(shipped.get(CHILDREN[name], [])) if i not in kept]
            if gone:
                befores = store.before(gone)
                for i in gone:
                    result.undo.append({"table_name": name, "row_id": _uuid_text(i),
                                        "before": befores[i]})
                result.count(name, "removed", len(gone))
                if not dry_run:
                    store.delete(gone)
        if new_ids:
            result.undo.append({"table_name": name, "row_id": "new",
                                "before": json.dumps(store.id_texts(new_ids))})
    if deferred_merged_into and not dry_run:
        _store(s, table("person"), district_ids).set_merged_into(deferred_merged_into)
    return result


def _merge_batch(store: _Store, incoming: list[dict[str, Any]], result: MergeOutcome,
                 home: Any, owner_names: dict[Any, str], new_ids: list[Any],
                 deferred_merged_into: list[tuple[Any, Any]], detail_limit: int,
                 dry_run: bool, handover: set[Any], visit_origins: VisitOrigins) -> None:
    name = store.t.name
    if name == "person":
        for r in incoming:
            if r.get("id_number") and r.get("deleted_at") is None \
                    and r.get("merged_into_id") is None:
                result.people[_uuid_text(r["id"])] = (r["id_number"], r.get("name"))
    elif name == "person_event":
        for r in incoming:
            if r.get("kind") in ("move_out", "move_in") and r.get("undone_at") is None:
                result.moves.setdefault(_uuid_text(r["person_id"]), set()).add(r["kind"])
    if store.travelling:
        for r in incoming:
            if r.get("origin_district_id") is None:
                r["origin_district_id"] = home
        visit_origins.fix(name, incoming)
    if name == "person":
        for r in incoming:
            if r.get("merged_into_id") is not None:
                deferred_merged_into.append((r["id"], r["merged_into_id"]))
                r["merged_into_id"] = None
    existing = store.keys(list(map(_ID, incoming)))
    inserts: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    if not existing:  # all new (a first package, most rows of any): no row-by-row decisions
        inserts = incoming
        if name == "person":
            room = max(0, detail_limit - len(result.new_persons))
            result.new_persons.extend({"id": _uuid_text(r["id"]), "name": r.get("name")}
                                      for r in incoming[:room])
    for r in incoming if existing else ():
        old = existing.get(r["id"])
        if old is None:
            inserts.append(r)
            if name == "person" and len(result.new_persons) < detail_limit:
                result.new_persons.append({"id": _uuid_text(r["id"]), "name": r.get("name")})
            continue
        if store.travelling:
            owner = old[1]
            if owner is not None and owner != home and r["id"] not in handover:
                result.count(name, "skipped")
                if len(result.skipped) < detail_limit:
                    person = r["id"] if name == "person" else r.get("person_id")
                    result.skipped.append({"table": name, "id": _uuid_text(r["id"]),
                                           "owner": owner_names.get(owner, str(owner)),
                                           "person": _uuid_text(person) if person else None})
                continue
            if r["id"] not in handover and not store.newer(r, old[2], old[3]):
                result.count(name, "unchanged")
                continue
        updates.append(r)
    if updates and not store.travelling:
        # a child row (household member, workflow step) has no row version: it travels again
        # with its file, so one the city holds as it is counts as unchanged, not as changed
        same = _unchanged_children(store, updates)
        if same:
            result.count(name, "unchanged", len(same))
            updates = [r for r in updates if r["id"] not in same]
    if inserts:
        result.count(name, "new", len(inserts))
        new_ids.extend(map(_ID, inserts))
    if not updates:
        if not dry_run:
            store.insert(inserts)
        return
    result.count(name, "changed", len(updates))
    wanted = [r["id"] for r in updates] if not dry_run else (
        [r["id"] for r in updates][: max(0, detail_limit - len(result.changes))]
        if name == "person" else [])
    befores = store.before(wanted) if wanted else {}
    for r in updates:
        if r["id"] in befores and not dry_run:
            result.undo.append({"table_name": name, "row_id": _uuid_text(r["id"]),
                                "before": befores[r["id"]]})
        if name == "person":
            _person_change(store, result, existing[r["id"]], befores.get(r["id"]), r,
                           detail_limit)
    if not dry_run:
        store.insert(inserts)
        store.update(updates)


def _unchanged_children(store: _Store, rows: list[dict[str, Any]]) -> set[Any]:
    """The ids of the incoming child rows whose every value equals the stored row's."""
    befores = store.before([r["id"] for r in rows])
    same: set[Any] = set()
    for r in rows:
        before = befores.get(r["id"])
        if before is None:
            continue
        old = json.loads(before)
        try:
            if all(store.value_text(k, old.get(k)) == store.value_text(k, v)
                   for k, v in r.items() if k != "id"):
                same.add(r["id"])
        except (KeyError, TypeError, ValueError):  # a value not comparable: rewrite it
            continue
    return same


def _person_change(store: _Store, result: MergeOutcome, old_keys: tuple[Any, ...],
                   before: str | None, new: dict[str, Any], limit: int) -> None:
    if old_keys[4] is None and new.get("deleted_at") is not None:
        if len(result.deleted_persons) < limit:
            result.deleted_persons.append({"id": _uuid_text(new["id"]), "name": new.get("name")})
        return
    if before is None or len(result.changes) >= limit:
        return
    old = json.loads(before)
    fields = {}
    for key, value in new.items():
        if key in BOOKKEEPING or key == "id":
            continue
        was = store.value_text(key, old.get(key)) if old.get(key) is not None else None
        now = store.value_text(key, value)
        if was != now:
            shown_was, shown_now = masked_value(key, was), masked_value(key, now)
            if shown_was == shown_now and shown_now is not None:
                # the change lies in the hidden part: said, never shown (an admin deciding the
                # merge would otherwise read 1963 → 1963 as no change)
                shown_now = f"{shown_now}（{HIDDEN_CHANGE}）"
            fields[key] = [shown_was, shown_now]
    if fields:
        result.changes.append({"id": _uuid_text(new["id"]), "name": new.get("name"),
                               "fields": fields})


def _year(value: str) -> str:
    return value[:4]


MASKED = {"id_number": mask_id, "phone": mask_phone, "mobile": mask_phone,
          "birth_date": _year, "spouse_birth_date": _year, "bank_account": mask_account}
"""The fields a report of changes shows masked, for everyone (issue 14: personal data masked
by default; the full values stay in the register, behind Perm.UNMASK): ID numbers and phones as
on every list, birth dates as the year only (the masked digits of an ID number are the birth
date)."""


HIDDEN_CHANGE = "隐藏部分有变化"


def masked_value(key: str, value: Any) -> Any:
    """A changed field's before or after value as a report stores it. Already masked values (a
    report stored masked) stay as they are."""
    mask = MASKED.get(key)
    if mask is None or value is None or value == "" or "*" in str(value) \
            or HIDDEN_CHANGE in str(value):
        return value
    return mask(str(value))


def masked_report(report: dict[str, Any]) -> dict[str, Any]:
    """A dry-run or merge report without a full personal value: the changed fields masked
    (:data:`MASKED`), the ID numbers of the pairs and checks masked. Used when the report is
    built and again when a stored one is read (reports stored before masking)."""
    out = dict(report)
    out["changed_persons"] = [
        {**c, "fields": {k: [masked_value(k, b), masked_value(k, a)]
                         for k, (b, a) in (c.get("fields") or {}).items()}}
        for c in report.get("changed_persons") or []]
    for key in ("items", "checks"):
        if key in report:
            out[key] = [{**i, "id_number": masked_value("id_number", i.get("id_number"))}
                        if i.get("id_number") else i for i in report[key] or []]
    return out


def undo_rows(s: Session, entries: Iterable[tuple[str, str, str | None]]) -> int:
    """Put back what a merge changed, table by table in reverse foreign-key order: delete the
    rows that were new, restore the before-images of the others."""
    by_table: dict[str, list[tuple[str, str | None]]] = {}
    for table_name, row_id, before in entries:
        by_table.setdefault(table_name, []).append((row_id, before))
    done = 0
    for table_name in reversed(ORDER):
        t = table(table_name)
        table_loaders = loaders(t)
        # newest first, so that a row written twice ends with its oldest before-image
        for row_id, before in reversed(by_table.get(table_name, [])):
            if row_id == "new":
                new_ids = [uuid.UUID(x) for x in json.loads(before or "[]")]
                if table_name == "person":  # pairs made later point at them: unlink first
                    for part in chunks(new_ids):
                        s.execute(update(t).where(t.c.merged_into_id.in_(part))
                                  .values(merged_into_id=None))
                for part in chunks(new_ids):
                    s.execute(delete(t).where(t.c.id.in_(part)))
                done += len(new_ids)
                continue
            key = uuid.UUID(row_id)
            data = json.loads(before or "{}")
            values = {n: (None if data.get(n) is None else
                          (data[n] if load is None else load(data[n])))
                      for n, load in table_loaders}
            if s.execute(select(t.c.id).where(t.c.id == key)).first() is None:
                s.execute(insert(t).values(values))
            else:
                s.execute(update(t).where(t.c.id == key).values(
                    {k: v for k, v in values.items() if k != "id"}))
            done += 1
    return done
