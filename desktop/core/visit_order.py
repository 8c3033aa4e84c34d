"""The order of a visit list, the same on paper and in the workbook: team by team (第2组 before
第10组), day by day, morning before afternoon, each group in route order; the visits without a
team or a date last, in the order given (the service's: district, township, names by pinyin)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

SLOT_ORDER = {"上午": 0, "下午": 1}


def natural(text: str) -> tuple[Any, ...]:
    """Numbers in a team's name compare as numbers: 第2组 before 第10组."""
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text))


def unscheduled(row: Any) -> bool:
    """No team or no date yet (the visits page's 提醒 counts the same visits)."""
    return row.planned_date is None or not row.team


def group_key(row: Any) -> tuple[Any, ...]:
    """A scheduled visit's group (team, day, slot) in list order."""
    slot = row.time_slot or ""
    return (natural(row.team), row.planned_date, SLOT_ORDER.get(slot, 2), slot)


def in_group_key(row: Any) -> tuple[Any, ...]:
    return (row.route_order or 0, row.district, row.area, row.name)


def list_order(rows: Iterable[Any]) -> list[Any]:
    """The rows as the list shows them: scheduled by ``group_key`` then ``in_group_key``, then
    the unscheduled ones as given."""
    rows = list(rows)
    waiting = [r for r in rows if unscheduled(r)]
    planned = sorted((r for r in rows if not unscheduled(r)),
                     key=lambda r: (group_key(r), in_group_key(r)))
    return planned + waiting
