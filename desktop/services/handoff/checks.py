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
from types import SimpleNamespace
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
    honors, visits = _held(s, [p.id for p in people])
    return _compare(people, honors, visits, names, _different(s))


def incoming(s: Session, package: Any, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The same checks in the dry-run (and merge) report of a package: its records of the ID
    numbers another district holds here (the report's open ``same_id`` items), read from the
    package, against those districts' records here."""
    pairs = [i for i in items if i["kind"] == "same_id" and i["status"] == "open"]
    if not pairs:
        return []
    wanted = {_flat(i["person_id"]) for i in pairs}
    names = {d.id: d.name for d in s.scalars(select(District))}
    by_name = {name: key for key, name in names.items()}

    def _uuid(value: Any) -> uuid.UUID | None:  # packages name offices (other forms: an id)
        if not value:
            return None
        return by_name.get(str(value)) or uuid.UUID(str(value))
    people: list[Any] = []
    honors: dict[Any, set[str]] = defaultdict(set)
    visits: dict[Any, list[tuple[dt.date, Any]]] = defaultdict(list)
    for batch in package.row_batches("rows/person.jsonl"):
        for r in batch:
            if _flat(r["id"]) in wanted and not r.get("deleted_at"):
                people.append(SimpleNamespace(
                    id=_flat(r["id"]), id_number=r.get("id_number"), name=r.get("name") or "",
                    origin_district_id=_uuid(r.get("origin_district_id")),
                    death_date=_date(r.get("death_date"))))
    for batch in package.row_batches("rows/honor.jsonl"):
        for r in batch:
            if _flat(r["person_id"]) in wanted and not r.get("deleted_at") \
                    and not r.get("revoked_date"):
                year = r.get("year")
                honors[_flat(r["person_id"])].add(f"{r['title']}（{year}）" if year
                                                  else str(r["title"]))
    for batch in package.row_batches("rows/visit.jsonl"):
        for r in batch:
            if _flat(r["person_id"]) in wanted and not r.get("deleted_at") \
                    and r.get("status") in VISITED:
                when = _date(r.get("actual_date")) or _date(r.get("planned_date"))
                if when is not None:
                    visits[_flat(r["person_id"])].append(
                        (when, _uuid(r.get("origin_district_id"))))
    others = list(s.execute(select(
        Person.id, Person.id_number, Person.name, Person.origin_district_id, Person.death_date
    ).where(Person.id.in_([uuid.UUID(_flat(i["other_person_id"])) for i in pairs]))))
    here_honors, here_visits = _held(s, [o.id for o in others])
    honors.update(here_honors)
    visits.update(here_visits)
    return _compare([*people, *others], honors, visits, names, _different(s))


def _held(s: Session, ids: list[Any]) -> tuple[dict[Any, set[str]],
                                               dict[Any, list[tuple[dt.date, Any]]]]:
    """The kept honors (title（year）) and the visits (date, visiting office) of these records."""
    honors: dict[Any, set[str]] = defaultdict(set)
    visits: dict[Any, list[tuple[dt.date, Any]]] = defaultdict(list)
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
    return honors, visits


def _different(s: Session) -> set[frozenset[str]]:
    """Pairs of records the city decided are different people (as flat hex ids)."""
    return {frozenset(_flat(x) for x in pair) for pair, d in resolution.resolved_pairs(s).items()
            if d.get("resolution") == "different_people"}


def _compare(people: list[Any], honors: dict[Any, set[str]],
             visits: dict[Any, list[tuple[dt.date, Any]]], names: dict[Any, str],
             different: set[frozenset[str]]) -> list[dict[str, Any]]:
    groups: dict[str, list[Any]] = defaultdict(list)
    for p in people:
        groups[str(p.id_number)].append(p)
    out: list[dict[str, Any]] = []
    for number, group in sorted(groups.items()):
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if a.origin_district_id == b.origin_district_id or \
                        frozenset((_flat(a.id), _flat(b.id))) in different:
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
                if frozenset((_flat(dead.id), _flat(other.id))) in different:
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


def _flat(key: Any) -> str:
    """An id as 32 lower-case hex digits, from a UUID or either text form."""
    return str(key).replace("-", "").lower()


def _date(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(str(value)[:10]) if value else None


def _entry(kind: str, number: str, a: Any, b: Any, names: dict[Any, str],
           detail: dict[str, Any]) -> dict[str, Any]:
    return {"kind": kind, "id_number": number, "district": names.get(a.origin_district_id, ""),
            "other_district": names.get(b.origin_district_id, ""), "name": a.name,
            "other_name": b.name, "detail": detail}
