"""The city's open items of its merges as the 汇总 page lists them (待处理事项): names and ID
numbers masked unless a permitted user gives a reason (audited), each item with the actions
the city may take on it (:mod:`resolution` decides; ``HandoffService.resolve`` writes).

Kinds: ``move_pair`` (迁出/迁入: paired by the merge, or one half still waiting for the other
district's package), ``same_id`` (the same ID number in two districts without a move: the city
resolves it) and ``owner_conflict`` (a package brought a record another office owns: the
city's own edit of a record the district also changed; kept as the owner has it); beside
them what :mod:`checks` finds across districts (``died_visited``, ``honors_differ``), to follow
up, nothing to decide.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from desktop.core.masking import mask_id
from desktop.errors import ValidationError
from desktop.models import HandoffItem
from desktop.services import audit
from desktop.services.base import Service
from desktop.services.handoff import checks
from desktop.services.handoff.preview import mask_name
from desktop.services.handoff.resolution import ACTIONS
from desktop.services.permissions import Perm


@dataclass(frozen=True)
class OpenItem:
    """One item of a merge, ready for a list: ``actions`` are what the city may decide
    (empty: nothing to decide here, e.g. a move waiting for its other half)."""

    id: int
    package_id: int
    kind: str  # move_pair | same_id | owner_conflict | died_visited | honors_differ
    status: str  # open | paired | resolved
    district: str
    other_district: str
    name: str
    other_name: str
    id_number: str
    half: str = ""  # move_pair, one half only: move_out | move_in
    moved_from: str = ""  # move_pair, paired: the district the person left
    table: str = ""  # owner_conflict: which table's record
    resolution: str = ""  # resolved: different_people | same_person
    keep: str = ""  # resolved same_person: the district that keeps the record
    reason: str = ""
    died: str = ""  # died_visited: the death date one office recorded (ISO)
    visited: str = ""  # died_visited: the other office's latest visit after it (ISO)
    only_here: tuple[str, ...] = ()  # honors_differ: honors only ``district`` records
    only_there: tuple[str, ...] = ()  # honors_differ: honors only ``other_district`` records
    actions: tuple[str, ...] = ()
    masked: bool = True


class ConflictService(Service):
    """汇总: the list of open items (and, on request, the settled ones)."""

    def items(self, *, settled: bool = False, unmask_reason: str | None = None
              ) -> list[OpenItem]:
        """Open items, newest package first (``settled``: paired and resolved ones too).
        With ``unmask_reason`` the names and ID numbers are shown in full: that needs the
        unmask permission and is audited."""
        self._actor.require(Perm.VIEW)
        full = unmask_reason is not None
        if full:
            self._actor.require(Perm.UNMASK)
            if not (unmask_reason or "").strip():
                raise ValidationError.single("reason", "reason_required")
        session = self._sessions if full else self._read_sessions
        with session.begin() as s:
            rows = list(s.scalars(select(HandoffItem).order_by(HandoffItem.package_id.desc(),
                                                               HandoffItem.id)))
            # a half of a move recorded by an earlier merge is settled once the other half
            # arrived and the later merge paired them
            paired = {pid for i in rows if i.kind == "move_pair" and i.status == "paired"
                      for pid in (i.person_id, i.other_person_id) if pid}
            status = {i.id: "paired" if i.kind == "move_pair" and i.status == "open"
                      and i.person_id in paired else i.status for i in rows}
            if not settled:
                rows = [i for i in rows if status[i.id] == "open"]
            found = checks.disagreements(s)
            if full:
                audit.append(s, self._actor, "handoff.reveal_items", entity="handoff_item",
                             detail={"reason": (unmask_reason or "").strip(),
                                     "items": len(rows) + len(found)})
            may_decide = self._actor.can(Perm.APPROVE)
            return [*(_item(i, status[i.id], full=full, may_decide=may_decide) for i in rows),
                    *(_derived(-n, e, full=full) for n, e in enumerate(found, 1))]


def _derived(number: int, e: dict[str, Any], *, full: bool) -> OpenItem:
    """A disagreement found by :mod:`checks` (a negative id: not stored, nothing to decide)."""
    d = e["detail"]
    return OpenItem(
        id=number, package_id=0, kind=e["kind"], status="open", district=e["district"],
        other_district=e["other_district"],
        name=e["name"] if full else mask_name(e["name"]),
        other_name=e["other_name"] if full else mask_name(e["other_name"]),
        id_number=e["id_number"] if full else mask_id(e["id_number"]),
        died=d.get("died", ""), visited=d.get("visited", ""),
        only_here=tuple(d.get("only_here", ())), only_there=tuple(d.get("only_there", ())),
        masked=not full)


def _item(i: HandoffItem, status: str, *, full: bool, may_decide: bool) -> OpenItem:
    d = json.loads(i.detail or "{}")

    def name(text: object) -> str:
        value = str(text or "")
        return value if full else mask_name(value)

    moved_from = ""
    if i.kind == "move_pair" and i.status == "paired":
        moved_from = (i.district if d.get("from") == i.person_id else i.other_district) or ""
    actions = ACTIONS if (may_decide and i.kind == "same_id" and i.status == "open") else ()
    return OpenItem(
        id=i.id, package_id=i.package_id, kind=i.kind, status=status,
        district=i.district or "", other_district=i.other_district or "",
        name=name(d.get("name")), other_name=name(d.get("other_name")),
        id_number=(i.id_number or "") if full else mask_id(i.id_number),
        half=str(d.get("half") or ""), moved_from=moved_from, table=str(d.get("table") or ""),
        resolution=str(d.get("resolution") or ""), keep=str(d.get("keep") or ""),
        reason=str(d.get("reason") or ""), actions=actions, masked=not full)
