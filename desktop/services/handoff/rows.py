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
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Numeric,
    Table,
    Uuid,
    column,
    delete,
    insert,
    select,
    update,
)
from sqlalchemy.orm import Session

from desktop.exchange.handoff_package import read_jsonl
from desktop.models import Base
from desktop.services.handoff.origin import VisitOrigins

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
    return None


def loaders(t: Table) -> list[tuple[str, Any]]:
    return [(c.name, _loader(c)) for c in t.columns]


def load_row(t: Table, data: dict[str, Any], ids: dict[str, uuid.UUID],
             dcols: set[str], table_loaders: list[tuple[str, Any]] | None = None
             ) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, load in table_loaders or loaders(t):
        if name not in data:
            continue
        value = data[name]
        if value is None:
            out[name] = None
        elif name in dcols:
            if value not in ids:
                raise ValueError(f"unknown district {value!r}")
            out[name] = ids[value]
        else:
            out[name] = value if load is None else load(value)
    return out


def chunks(items: list[Any], size: int = CHUNK) -> Iterator[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


# -- export ------------------------------------------------------------------------------------

def export_rows(s: Session, since: dt.datetime | None) -> dict[str, list[bytes]]:
    """Every travelling row changed since ``since`` (all when None), with the children of the
    hardship files that go, as JSON lines. Columns are read untyped (the driver's own values:
    on SQLite already text and numbers), which keeps a 20,000-person export in seconds."""
    names: dict[Any, str] = {}
    for d_id, name in s.execute(select(table("district").c.id, table("district").c.name)):
        names.update({d_id: name, d_id.hex: name, str(d_id): name})
    out: dict[str, list[bytes]] = {}
    plain = (str, int, float, type(None))
    encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    for name in ORDER:
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
        lines: list[bytes] = []
        result = s.execute(stmt.order_by(t.c.id).execution_options(yield_per=5000))
        for raw in result:
            values = list(raw)
            for i, v in enumerate(values):
                if type(v) not in plain:
                    values[i] = _dump_value(v)
            for i in positions:
                if values[i] is not None:
                    values[i] = names.get(values[i], values[i])
            lines.append(encode(dict(zip(cols, values, strict=True))).encode("utf-8"))
        out[name] = lines
    return out


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


def _newer(incoming: dict[str, Any], version: int | None, updated: dt.datetime | None) -> bool:
    inc_v = incoming.get("row_version") or 0
    if version is None:
        return True
    if inc_v != version:
        return bool(inc_v > version)
    a, b = incoming.get("updated_at"), updated
    if a is None or b is None:
        return False
    if b.tzinfo is None:
        b = b.replace(tzinfo=dt.UTC)
    return bool(a > b)


def _before_json(t: Table, row: Any) -> str:
    return json.dumps({c.name: _dump_value(row._mapping[c.name]) for c in t.columns},
                      ensure_ascii=False)


def merge_rows(
    s: Session, parts: dict[str, bytes], *, district_id: uuid.UUID,
    district_ids: dict[str, uuid.UUID], names: dict[uuid.UUID, str], detail_limit: int = 500,
    dry_run: bool = False, handover: set[uuid.UUID] | frozenset[uuid.UUID] = frozenset(),
) -> MergeOutcome:
    """Upsert the package's rows into the city's tables (inside the caller's transaction).

    ``dry_run`` classifies every row exactly as the merge would and writes nothing. The undo
    list holds one entry per table for the rows that were new (``row_id`` "new", ``before``
    a JSON list of ids) and one per replaced or removed row with its before-image.
    ``handover``: the city's own records proposed to this district, which it takes back as
    its own (the rows it sends replace the city's and their origin becomes the district)."""
    result = MergeOutcome()
    visit_origins = VisitOrigins(s, district_id)
    deferred_merged_into: list[dict[str, Any]] = []
    shipped: dict[str, list[uuid.UUID]] = {}
    for name in ORDER:  # one table at a time in memory
        t = table(name)
        dcols = district_columns(t)
        table_loaders = loaders(t)
        incoming = [load_row(t, r, district_ids, dcols, table_loaders)
                    for r in read_jsonl(parts.get(name, b""))]
        shipped[name] = [r["id"] for r in incoming]
        if name == "person":
            for r in incoming:
                if r.get("id_number") and r.get("deleted_at") is None \
                        and r.get("merged_into_id") is None:
                    result.people[str(r["id"])] = (r["id_number"], r.get("name"))
        elif name == "person_event":
            for r in incoming:
                if r.get("kind") in ("move_out", "move_in") and r.get("undone_at") is None:
                    result.moves.setdefault(str(r["person_id"]), set()).add(r["kind"])
        travelling = name not in CHILDREN
        if not incoming and travelling:
            continue
        if travelling:
            for r in incoming:
                if r.get("origin_district_id") is None:
                    r["origin_district_id"] = district_id
            visit_origins.fix(name, incoming)
        if name == "person":
            for r in incoming:
                if r.get("merged_into_id") is not None:
                    deferred_merged_into.append({"b_id": r["id"],
                                                 "b_into": r.pop("merged_into_id")})
                    r["merged_into_id"] = None
        ids = [r["id"] for r in incoming]
        existing: dict[uuid.UUID, Any] = {}
        for part in chunks(ids):
            for row in s.execute(select(t).where(t.c.id.in_(part))):
                existing[row.id] = row
        if not travelling:  # children follow their parent: drop the ones no longer there
            parent_ids = shipped.get(CHILDREN[name], [])
            keep = set(ids)
            for part in chunks(parent_ids):
                for row in s.execute(select(t).where(t.c.case_id.in_(part))):
                    if row.id not in keep:
                        result.undo.append({"table_name": name, "row_id": str(row.id),
                                            "before": _before_json(t, row)})
                        if not dry_run:
                            s.execute(delete(t).where(t.c.id == row.id))
                        result.count(name, "removed")
        inserts: list[dict[str, Any]] = []
        updates: list[dict[str, Any]] = []
        for r in incoming:
            old = existing.get(r["id"])
            if old is None:
                inserts.append(r)
                result.count(name, "new")
                if name == "person" and len(result.new_persons) < detail_limit:
                    result.new_persons.append({"id": str(r["id"]), "name": r.get("name")})
                continue
            if travelling:
                owner = old.origin_district_id
                if owner is not None and owner != district_id and r["id"] not in handover:
                    result.count(name, "skipped")
                    if len(result.skipped) < detail_limit:
                        result.skipped.append({"table": name, "id": str(r["id"]),
                                               "owner": names.get(owner, str(owner))})
                    continue
                if r["id"] not in handover and not _newer(r, old.row_version, old.updated_at):
                    result.count(name, "unchanged")
                    continue
            result.undo.append({"table_name": name, "row_id": str(r["id"]),
                                "before": _before_json(t, old)})
            updates.append(r)
            result.count(name, "changed")
            if name == "person":
                _person_change(result, old, r, detail_limit)
        if inserts:
            result.undo.append({"table_name": name, "row_id": "new", "before": json.dumps(
                [str(r["id"]) for r in inserts])})
        if dry_run:
            continue
        for part in chunks(inserts):
            s.execute(insert(t), part)
        for r in updates:
            s.execute(update(t).where(t.c.id == r["id"]).values(
                {k: v for k, v in r.items() if k != "id"}))
    if deferred_merged_into and not dry_run:
        t = table("person")
        for item in deferred_merged_into:
            s.execute(update(t).where(t.c.id == item["b_id"]).values(
                merged_into_id=item["b_into"]))
    return result


def _person_change(result: MergeOutcome, old: Any, new: dict[str, Any], limit: int) -> None:
    fields = {}
    for key, value in new.items():
        if key in BOOKKEEPING or key == "id":
            continue
        before = old._mapping.get(key)
        if _dump_value(before) != _dump_value(value):
            fields[key] = [_dump_value(before), _dump_value(value)]
    if old.deleted_at is None and new.get("deleted_at") is not None:
        if len(result.deleted_persons) < limit:
            result.deleted_persons.append({"id": str(new["id"]), "name": new.get("name")})
    elif fields and len(result.changes) < limit:
        result.changes.append({"id": str(new["id"]), "name": new.get("name"), "fields": fields})


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
