"""Origins of merged rows that follow another row rather than the visited person.

A visit belongs to the office that made its campaign, not to the visited person's district (a
county may visit a person who has since moved to another county; older installations stamped
visits with the person's district). The merge therefore gives every visit, team, standard and
photo the origin of its campaign (or visit), and a visit outside any campaign the sending
office's: the city's ownership rule then treats the whole campaign as one owner's.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

BY_CAMPAIGN = ("visit_standard", "visit_team", "visit")


class VisitOrigins:
    """Remembers the origins of the campaigns and visits of one package while it merges.

    Ids are in the merge's stored form; ``lookup(table_name, id)`` gives the stored origin of
    a row merged with an earlier package (None when it is not there)."""

    def __init__(self, sender_id: Any, lookup: Callable[[str, Any], Any]) -> None:
        self._lookup = lookup
        self._sender = sender_id
        self._campaigns: dict[Any, Any] = {}
        self._visits: dict[Any, Any] = {}

    def fix(self, table_name: str, rows: list[dict[str, Any]]) -> None:
        """Set ``origin_district_id`` of the table's incoming rows (in place)."""
        if table_name == "visit_campaign":
            for r in rows:
                self._campaigns[r["id"]] = r.get("origin_district_id") or self._sender
        elif table_name in BY_CAMPAIGN:
            for r in rows:
                r["origin_district_id"] = self._of(self._campaigns, "visit_campaign",
                                                   r.get("campaign_id"))
                if table_name == "visit":
                    self._visits[r["id"]] = r["origin_district_id"]
        elif table_name == "visit_photo":
            for r in rows:
                r["origin_district_id"] = self._of(self._visits, "visit", r.get("visit_id"))

    def _of(self, known: dict[Any, Any], table_name: str, key: Any) -> Any:
        if key is None:  # a visit outside any campaign: the office that recorded it
            return self._sender
        if key not in known:  # the campaign (visit) merged with an earlier package
            known[key] = self._lookup(table_name, key) or self._sender
        return known[key]
