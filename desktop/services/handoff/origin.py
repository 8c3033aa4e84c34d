"""Origins of merged rows that follow another row rather than the visited person.

A visit belongs to the office that made its campaign, not to the visited person's district (a
county may visit a person who has since moved to another county; older installations stamped
visits with the person's district). The merge therefore gives every visit, team, standard and
photo the origin of its campaign (or visit), and a visit outside any campaign the sending
office's: the city's ownership rule then treats the whole campaign as one owner's.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models import Visit, VisitCampaign

BY_CAMPAIGN = ("visit_standard", "visit_team", "visit")


class VisitOrigins:
    """Remembers the origins of the campaigns and visits of one package while it merges."""

    def __init__(self, s: Session, sender_id: uuid.UUID) -> None:
        self._s = s
        self._sender = sender_id
        self._campaigns: dict[uuid.UUID, uuid.UUID] = {}
        self._visits: dict[uuid.UUID, uuid.UUID] = {}

    def fix(self, table_name: str, rows: list[dict[str, Any]]) -> None:
        """Set ``origin_district_id`` of the table's incoming rows (in place)."""
        if table_name == "visit_campaign":
            for r in rows:
                self._campaigns[r["id"]] = r.get("origin_district_id") or self._sender
        elif table_name in BY_CAMPAIGN:
            for r in rows:
                r["origin_district_id"] = self._of(self._campaigns, VisitCampaign,
                                                   r.get("campaign_id"))
                if table_name == "visit":
                    self._visits[r["id"]] = r["origin_district_id"]
        elif table_name == "visit_photo":
            for r in rows:
                r["origin_district_id"] = self._of(self._visits, Visit, r.get("visit_id"))

    def _of(self, known: dict[uuid.UUID, uuid.UUID], model: Any,
            key: uuid.UUID | None) -> uuid.UUID:
        if key is None:  # a visit outside any campaign: the office that recorded it
            return self._sender
        if key not in known:  # the campaign (visit) merged with an earlier package
            found = self._s.scalar(select(model.origin_district_id).where(model.id == key))
            known[key] = found or self._sender
        return known[key]
