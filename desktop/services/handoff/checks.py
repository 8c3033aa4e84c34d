"""What the city reads across districts after its merges, beside the merge's own items: records
of one ID number from two offices that disagree.

- ``died_visited``: one office recorded the person's death, another visited (or plans to visit)
  its record of the same person after that date: a family visit is fine (DOMAIN.md), a visit
  list that did not learn of the death is not;
- ``honors_differ``: the offices' records carry different kept honors (title and year).

They are computed when the list is read (nothing stored: they disappear when the records agree)
and are for the city to follow up with the districts; the city decides nothing here. Pairs the
city decided to be different people are left out.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.models import District, Honor, Person, Visit
from desktop.services.handoff import resolution
from desktop.services.handoff.rows import chunks

VISITED = ("planned", "done", "postponed")


def disagreements(s: Session) -> list[dict[str, Any]]:
    """One entry per pair of records (or deceased record and visiting office) that disagree."""
    # numbers held by more than one record, answered from the ID number's index alone (the
    # offices and tombstones are told apart below, on the few rows that come back): a tenth
    # of the time of counting distinct offices over 100,000 persons
    shared = (select(Person.id_number).where(Person.id_number.is_not(None))
              .group_by(Person.id_number).having(func.count() > 1))
    people = list(s.execute(select(
        Person.id, Person.id_number, Person.name, Person.origin_district_id, Person.death_date
    ).where(Person.deleted_at.is_(None), Person.merged_into_id.is_(None),  # a moved person's
            Person.id_number.in_(shared))))  # old record points at the new one: not a second
    if not people:
        return []
    names = {d.id: d.name for d in s.scalars(select(District))}
    ids = [p.id for p in people]
    honors: dict[uuid.UUID, set[str]] = defaultdict(set)
    visits: dict[uuid.UUID, list[tuple[dt.date, Any]]] = defaultdict(list)
    for part in chunks(ids):
        for pid, title, year in s.execute(select(Honor.person_id, Honor.title, Honor.year).where(
                Honor.person_id.in_(part), Honor.deleted_at.is_(None),
                Honor.revoked_date.is_(None))):
            honors[pid].add(f"{title}（{year}）" if year else str(title))
        for pid, actual, planned, origin in s.execute(select(
                Visit.person_id, Visit.actual_date, Visit.planned_date,
                Visit.origin_district_id).where(Visit.person_id.in_(part),
                                                Visit.deleted_at.is_(None),
                                                Visit.status.in_(VISITED))):
            when = actual or planned
            if when is not None:
                visits[pid].append((when, origin))
    different = {pair for pair, d in resolution.resolved_pairs(s).items()
                 if d.get("resolution") == "different_people"}
    groups: dict[str, list[Any]] = defaultdict(list)
    for p in people:
        groups[str(p.id_number)].append(p)
    out: list[dict[str, Any]] = []
    for number, group in sorted(groups.items()):
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if a.origin_district_id == b.origin_district_id or \
                        frozenset((str(a.id), str(b.id))) in different:
                    continue
                if honors[a.id] != honors[b.id]:
                    out.append(_entry("honors_differ", number, a, b, names, {
                        "only_here": sorted(honors[a.id] - honors[b.id]),
                        "only_there": sorted(honors[b.id] - honors[a.id])}))
        for dead in group:
            if dead.death_date is None:
                continue
            later: dict[Any, tuple[dt.date, Any]] = {}
            for other in group:
                if frozenset((str(dead.id), str(other.id))) in different:
                    continue
                for when, origin in visits[other.id]:
                    if origin != dead.origin_district_id and when > dead.death_date and (
                            origin not in later or when > later[origin][0]):
                        later[origin] = (when, other)
            for origin, (when, other) in later.items():
                entry = _entry("died_visited", number, dead, other, names, {
                    "died": dead.death_date.isoformat(), "visited": when.isoformat()})
                entry["other_district"] = names.get(origin, "")
                out.append(entry)
    return out


def _entry(kind: str, number: str, a: Any, b: Any, names: dict[Any, str],
           detail: dict[str, Any]) -> dict[str, Any]:
    return {"kind": kind, "id_number": number, "district": names.get(a.origin_district_id, ""),
            "other_district": names.get(b.origin_district_id, ""), "name": a.name,
            "other_name": b.name, "detail": detail}
