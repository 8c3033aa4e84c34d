"""Conflict resolutions: decided at the city, remembered there, carried down to the districts.

The same ID number held by two districts is an open item of a merge. The city resolves it:

- ``different_people``: both records stay, each district notes the decision on its record;
- ``same_person`` keeping one district's record: at the city the other record points at the
  kept one; the district that does not keep it records the person as moved (迁出) to the other
  district, the keeping district notes the decision.

The city remembers each resolution by the pair of record ids, so a later package that carries
either record again does not raise the same conflict (and a record that came back un-merged
is pointed at the kept one again). The resolutions travel in the reference package by record
id only (no ID number, no name: the package is signed, not encrypted); a district applies the
ones addressed to it once, audited.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import uuid
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from desktop.errors import AppError, NotFound, ValidationError
from desktop.models import HandoffItem, Person
from desktop.services import audit, settings
from desktop.services.permissions import Actor
from desktop.services.register.persons import PersonService

ACTIONS = ("different_people", "same_person")
APPLIED_KEY = "handoff.resolutions_applied"
"""District: the ids of the resolutions already applied (each is applied once)."""


def resolve(s: Session, actor: Actor, item_id: int, action: str, keep: str | None,
            reason: str) -> dict[str, Any]:
    """Resolve an open same-ID item at the city (inside the caller's transaction)."""
    item = s.get(HandoffItem, item_id, with_for_update=True)
    if item is None:
        raise NotFound("handoff_item", item_id)
    if item.kind != "same_id" or item.status != "open":
        raise AppError("handoff_item_not_open", id=item_id, status=item.status)
    if action not in ACTIONS:
        raise ValidationError.single("action", "value_not_allowed", value=action,
                                     allowed="、".join(ACTIONS))
    why = (reason or "").strip()
    if not why:
        raise ValidationError.single("reason", "reason_required")
    sides = {item.district: item.person_id, item.other_district: item.other_person_id}
    decision: dict[str, Any] = {"resolution": action, "reason": why, "by": actor.name,
                                "at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")}
    if action == "same_person":
        if keep not in sides:
            raise ValidationError.single("keep", "value_not_allowed", value=keep,
                                         allowed="、".join(str(d) for d in sides))
        loser = item.other_district if keep == item.district else item.district
        decision |= {"keep": keep, "kept_id": sides[keep], "moved": loser,
                     "moved_id": sides[loser]}
        _point(s, decision)
    detail = json.loads(item.detail or "{}")
    item.detail = json.dumps(detail | decision, ensure_ascii=False)
    item.status = "resolved"
    audit.append(s, actor, "handoff.resolve", entity="handoff_item", entity_id=item.id,
                 detail={"person_id": item.person_id, "other_person_id": item.other_person_id,
                         **{k: v for k, v in decision.items() if k != "at"}})
    return decision


def _point(s: Session, decision: dict[str, Any]) -> None:
    """At the city the record that was not kept points at the kept one."""
    s.execute(update(Person).where(Person.id == uuid.UUID(decision["moved_id"])).values(
        merged_into_id=uuid.UUID(decision["kept_id"])).execution_options(
            synchronize_session=False))


def resolved_pairs(s: Session) -> dict[frozenset[str], dict[str, Any]]:
    """The city's resolutions by the pair of record ids they decided."""
    out: dict[frozenset[str], dict[str, Any]] = {}
    for item in s.scalars(select(HandoffItem).where(HandoffItem.kind == "same_id",
                                                    HandoffItem.status == "resolved")):
        if item.person_id and item.other_person_id:
            out[frozenset((item.person_id, item.other_person_id))] = json.loads(item.detail)
    return out


def keep_resolved(s: Session, decision: dict[str, Any], *, dry_run: bool) -> None:
    """A package brought a resolved pair again: keep the decision (no new open item)."""
    if decision.get("resolution") == "same_person" and not dry_run:
        _point(s, decision)


def for_districts(s: Session) -> list[dict[str, Any]]:
    """The resolutions for the reference package: one entry per district record concerned."""
    out: list[dict[str, Any]] = []
    for item in s.scalars(select(HandoffItem).where(HandoffItem.kind == "same_id",
                                                    HandoffItem.status == "resolved")
                          .order_by(HandoffItem.id)):
        d = json.loads(item.detail)
        sides = ((item.district, item.person_id, item.other_district),
                 (item.other_district, item.other_person_id, item.district))
        for district, person_id, other in sides:
            if d.get("resolution") == "same_person":
                action = "moved_out" if district == d.get("moved") else "kept"
            else:
                action = "different_people"
            out.append({"id": f"{item.id}:{district}", "district": district,
                        "person_id": person_id, "other_district": other, "action": action,
                        "decided_at": d.get("at")})
    return out


def apply(sessions: sessionmaker[Session], actor: Actor, entries: list[dict[str, Any]],
          home: str, today: dt.date) -> int:
    """A district applies the resolutions addressed to it, each once, audited: the moved
    record gets a 迁出 to the keeping district, the others a note. Returns how many."""
    with sessions.begin() as s:
        done = set(settings.get(s, APPLIED_KEY, []) or [])
    todo = [e for e in entries if isinstance(e, dict) and e.get("district") == home
            and e.get("id") not in done]
    applied = 0
    for e in todo:
        person_id = uuid.UUID(str(e["person_id"]))
        when = (e.get("decided_at") or today.isoformat())[:10]
        if e["action"] == "moved_out":
            # already moved or gone here: the note below still records the decision
            with contextlib.suppress(NotFound, ValidationError):
                PersonService(sessions, actor, today=lambda: today).move_out(
                    person_id, min(dt.date.fromisoformat(when), today), e["other_district"],
                    "市级裁定：同一人，由" + str(e["other_district"]) + "管理")
        with sessions.begin() as s:
            person = s.get(Person, person_id)
            if person is not None:
                note = {"moved_out": f"{when} 市级裁定：与{e['other_district']}的记录为同一人，"
                                     f"由{e['other_district']}管理（已迁出）",
                        "kept": f"{when} 市级裁定：与{e['other_district']}的记录为同一人，"
                                f"由本单位管理",
                        "different_people": f"{when} 市级裁定：与{e['other_district']}"
                                            f"身份证号相同的记录不是同一人"}[e["action"]]
                person.conflict_note = note
            done.add(e["id"])
            settings.put(s, APPLIED_KEY, sorted(done))
            audit.append(s, actor, "handoff.resolution_applied", entity="person",
                         entity_id=str(person_id), detail={"resolution": e["id"],
                                                           "action": e["action"],
                                                           "other": e["other_district"]})
            applied += 1
    return applied
