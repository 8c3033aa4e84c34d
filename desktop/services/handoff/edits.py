"""Records a merge wrote that were changed at the city after the merge.

Undoing a merge puts back the before-images: a record edited since (a city-owned correction,
a resolution, an honor added) would silently lose that edit. ``edited_since`` lists them so
the undo can refuse, or an administrator can force it with a reason (audited).
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.exchange.handoff_package import OpenPackage
from desktop.services.handoff import rows as rowsmod

SHOWN = 10
"""How many edited records the refusal names (the count says how many in all)."""


def shipped_times(package: OpenPackage | None) -> dict[uuid.UUID, dt.datetime]:
    """Row id -> the ``updated_at`` the package carried (what the merge wrote)."""
    out: dict[uuid.UUID, dt.datetime] = {}
    if package is None:
        return out
    for name in package.names:
        if not name.startswith("rows/"):
            continue
        for batch in package.row_batches(name):
            for r in batch:
                if r.get("updated_at"):
                    when = dt.datetime.fromisoformat(str(r["updated_at"]))
                    out[uuid.UUID(str(r["id"]))] = rowsmod.aware(when)
    return out


def edited_since(s: Session, entries: Iterable[tuple[str, str, str | None]],
                 merged_at: dt.datetime, shipped: dict[uuid.UUID, dt.datetime]
                 ) -> list[dict[str, Any]]:
    """The travelling rows among a merge's undo entries (new ones and replaced ones) changed
    at the city after the merge: ``{"table", "id", "label"}`` each. A row counts when its
    ``updated_at`` (stamped by the city's clock on every change) is later than the merge and
    is not the time the package carried (a district whose clock runs ahead is no edit)."""
    by_table: dict[str, set[uuid.UUID]] = {}
    for table_name, row_id, before in entries:
        ids = by_table.setdefault(table_name, set())
        if row_id == "new":
            ids.update(uuid.UUID(x) for x in json.loads(before or "[]"))
        else:
            ids.add(uuid.UUID(row_id))
    merged_at = rowsmod.aware(merged_at)
    found: list[dict[str, Any]] = []
    for table_name in rowsmod.ORDER:
        t = rowsmod.table(table_name)
        if table_name not in by_table or "updated_at" not in t.c:
            continue
        label = t.c.name if "name" in t.c else t.c.id
        for part in rowsmod.chunks(sorted(by_table[table_name])):
            for row_id, updated, text in s.execute(
                    select(t.c.id, t.c.updated_at, label).where(t.c.id.in_(part))):
                when = rowsmod.aware(updated)
                if when > merged_at and when != shipped.get(row_id):
                    found.append({"table": table_name, "id": str(row_id), "label": str(text)})
    return found


def describe(found: list[dict[str, Any]]) -> str:
    """``person 朱荣荣、honor 3f2a…``: the first few, for the refusal message."""
    shown = [f"{f['table']} {f['label']}" for f in found[:SHOWN]]
    return "、".join(shown) + ("…" if len(found) > SHOWN else "")
