"""市级 honorees proposed down to the districts (DESIGN.md "Who owns what").

At the city, an honor the city records itself (its origin is the city: a 湖州市劳动模范 awarded
by the city) for a person a district manages travels down in the reference package as a
*proposal*: a new person (recorded at the city with the district as theirs) or a new honor for a
person the district already holds. The district clerk accepts or declines each one: nothing is
written into the register silently. Accepting keeps the city's record ids, so the district's next
package brings the same records back and the city hands them over (ownership passes to the
district instead of the records counting twice).

A proposal carries what the city's award notice makes public (name, sex, birth date, work unit,
the honors); never the ID number, since the reference package is signed but not encrypted: the
clerk types it when accepting a new person.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core import idnumber
from desktop.errors import AppError, NotFound
from desktop.models import District, Honor, Person
from desktop.services import audit, ownership, settings
from desktop.services.permissions import Actor
from desktop.services.register.store import add_event, refresh_derived

KEY = "handoff.proposals"
"""District: {proposal id: proposal + "status" (pending | accepted | declined)}."""
HONOR_FIELDS = ("title", "level", "year", "session", "granting_body", "document_number")


def for_districts(s: Session) -> list[dict[str, Any]]:
    """City: its own kept honors of persons managed by a district, one proposal per person."""
    home = ownership.home_id(s)
    names = {d.id: d.name for d in s.scalars(select(District))}
    by_person: dict[uuid.UUID, dict[str, Any]] = {}
    rows = s.execute(select(Honor, Person).join(Person, Person.id == Honor.person_id).where(
        Honor.origin_district_id == home, Honor.deleted_at.is_(None),
        Honor.revoked_date.is_(None), Person.deleted_at.is_(None),
        Person.merged_into_id.is_(None), Person.district_id != home))
    for honor, p in rows:
        new = p.origin_district_id in (None, home)
        entry = by_person.setdefault(p.id, {
            "id": str(p.id), "kind": "person" if new else "honor",
            "district": names.get(p.district_id, ""), "person_id": str(p.id),
            "person": {"name": p.name, "sex": p.sex,
                       "birth_date": p.birth_date.isoformat() if p.birth_date else None,
                       "work_unit": p.work_unit, "position": p.position} if new else
                      {"name": p.name}, "honors": []})
        entry["honors"].append({"id": str(honor.id)} | {f: getattr(honor, f)
                                                      for f in HONOR_FIELDS})
    return sorted(by_person.values(), key=lambda e: (e["district"], e["id"]))


def receive(s: Session, entries: list[dict[str, Any]], home: str) -> int:
    """District: keep the proposals addressed to it that it has not seen (pending)."""
    kept = dict(settings.get(s, KEY, {}) or {})
    added = 0
    for e in entries:
        if isinstance(e, dict) and e.get("district") == home:
            known = kept.get(e["id"])
            new_honors = {h["id"] for h in e.get("honors", [])} - {
                h["id"] for h in (known or {}).get("honors", [])}
            if known is None or (known["status"] != "pending" and new_honors):
                kept[e["id"]] = e | {"status": "pending"}
                added += 1
    settings.put(s, KEY, kept)
    return added


def pending(s: Session) -> list[dict[str, Any]]:
    """District: the proposals waiting. A new honor for a person of this register comes with
    the name only: the birth date and work unit are the register's, so that the clerk can
    tell which person it is (the list showed them blank)."""
    out = []
    for p in (settings.get(s, KEY, {}) or {}).values():
        if p["status"] != "pending":
            continue
        person = s.get(Person, uuid.UUID(p["person_id"])) if p.get("kind") == "honor" else None
        if person is not None:
            p = p | {"person": {
                "birth_date": person.birth_date.isoformat() if person.birth_date else None,
                "work_unit": person.work_unit} | p["person"]}
        out.append(p)
    return out


def _take(s: Session, proposal_id: str) -> tuple[dict[str, Any], dict[str, Any]]:
    kept = dict(settings.get(s, KEY, {}) or {})
    found = kept.get(proposal_id)
    if found is None:
        raise NotFound("handoff_proposal", proposal_id)
    if found["status"] != "pending":
        raise AppError("handoff_proposal_decided", name=found["person"]["name"],
                       status=found["status"])
    return kept, found


def accept(s: Session, actor: Actor, proposal_id: str, id_number: str | None,
           today: dt.date) -> uuid.UUID:
    """District: put the proposed person (or honors) into the register with the city's ids."""
    kept, found = _take(s, proposal_id)
    home = ownership.home_id(s)
    person_id = uuid.UUID(found["person_id"])
    person = s.get(Person, person_id)
    if found["kind"] == "person" and person is None:
        data = found["person"]
        parsed = idnumber.parse(id_number, today=today) if id_number else None
        birth = dt.date.fromisoformat(data["birth_date"]) if data.get("birth_date") else None
        person = Person(id=person_id, origin_district_id=home, district_id=home,
                        life_status="alive", name=data["name"], sex=data.get("sex") or "0",
                        birth_date=parsed.birth_date if parsed else birth,
                        id_number=parsed.number if parsed else None,
                        id_legacy15=bool(parsed and parsed.legacy15),
                        work_unit=data.get("work_unit"), position=data.get("position"))
        s.add(person)
        s.flush()
        add_event(s, person, "create", today, "市级推荐", {}, actor.name)
    if person is None or person.deleted_at is not None:
        raise NotFound("person", person_id)
    have = {h.id for h in person.honors}
    for h in found.get("honors", []):
        if uuid.UUID(h["id"]) not in have:
            person.honors.append(Honor(id=uuid.UUID(h["id"]), origin_district_id=home,
                                       **{f: h.get(f) for f in HONOR_FIELDS}))
    s.flush()
    refresh_derived(person)
    kept[proposal_id] = found | {"status": "accepted", "by": actor.name}
    settings.put(s, KEY, kept)
    audit.append(s, actor, "handoff.proposal_accepted", entity="person",
                 entity_id=person.id, detail={"kind": found["kind"],
                                              "honors": [h["id"] for h in found["honors"]]})
    return person.id


def decline(s: Session, actor: Actor, proposal_id: str, reason: str) -> None:
    kept, found = _take(s, proposal_id)
    kept[proposal_id] = found | {"status": "declined", "by": actor.name, "reason": reason}
    settings.put(s, KEY, kept)
    audit.append(s, actor, "handoff.proposal_declined", entity="person",
                 entity_id=found["person_id"], detail={"reason": reason})


def handover_ids(s: Session, sender_id: uuid.UUID) -> set[uuid.UUID]:
    """City: its own records proposed to ``sender``: when the sender's package brings them
    back (the proposal accepted), the merge takes them and ownership passes to the sender."""
    home = ownership.home_id(s)
    persons = set(s.scalars(select(Person.id).where(
        Person.origin_district_id == home, Person.district_id == sender_id)))
    honors = set(s.scalars(select(Honor.id).join(Person, Person.id == Honor.person_id).where(
        Honor.origin_district_id == home, Person.district_id == sender_id)))
    return persons | honors
