"""The register roster (花名册): the rows of ``RegisterService.export()`` as a landscape table,
grouped by district with a subtotal per district and a total."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from desktop.core.masking import birth_label, birth_month_printed
from desktop.errors import AppError
from desktop.reports.framework import Column, Document, Section

# key -> (column title, relative width)
ROSTER_COLUMNS: dict[str, tuple[str, float]] = {
    "seq": ("序号", 0.9),
    "name": ("姓名", 1.6),
    "sex": ("性别", 0.9),
    "birth_date": ("出生年月", 1.6),
    "age": ("年龄", 0.9),
    "district": ("区县", 1.6),
    "work_unit": ("工作单位", 4.5),
    "treatment_level": ("待遇级别", 1.6),
    "highest_honor": ("最高荣誉", 2.6),
    "honors": ("荣誉称号", 4.5),
    "phone": ("联系电话", 2.2),
    "id_number": ("身份证号码", 3.2),
    "remarks": ("备注", 1.3),  # a roster of everyone: 称号已撤销, 已移居境外, 失联
}
ROOM_FOR_REMARKS = "work_unit"
"""The column that gives up the width of 备注 (a unit name has room to spare; the honors of
three titles would wrap title by title)."""
DEFAULT_COLUMNS: tuple[str, ...] = (
    "seq", "name", "sex", "birth_date", "age", "work_unit", "treatment_level", "honors", "phone",
)
NO_DISTRICT = "（未填区县）"


def _honors(value: Any) -> str:
    if not value:
        return ""
    parts = []
    for h in value:
        year = h.get("year")
        level = h.get("level")
        text = str(h.get("title") or "")
        if level:
            text += f"（{level}）"
        parts.append(f"{year} {text}" if year else text)
    return "；".join(parts)


def cell_text(row: Mapping[str, Any], key: str) -> str:
    """The printed text of one field of an export row."""
    value = row.get(key)
    if key == "honors":
        return _honors(value)
    if row.get("life_status") == "deceased" and key == "age":  # never an age for the dead
        return "已故"
    if value is None:
        return ""
    if key == "birth_date":  # 1969.01 (as every document prints them); 1969 beside a masked ID
        return birth_month_printed(str(value), row.get("id_number"))
    return str(value)


def roster_document(
    rows: Iterable[Mapping[str, Any]],
    *,
    association: str,
    date: dt.date | None = None,
    district_groups: bool = True,
    columns: Sequence[str] = DEFAULT_COLUMNS,
    title: str = "劳动模范花名册",
    subtitle: str | None = None,
) -> Document:
    """A landscape roster dated ``date`` (default today), grouped by district (in order of first
    appearance) when asked.

    Unknown column keys raise ``export_unknown_columns``. With grouping the district column is
    left out (the group row names it); "seq" numbers the rows through the whole roster.
    """
    unknown = [c for c in columns if c not in ROSTER_COLUMNS]
    if unknown:
        raise AppError("export_unknown_columns", columns="、".join(unknown),
                       known="、".join(ROSTER_COLUMNS))
    keys = [c for c in columns if not (district_groups and c == "district")]
    groups: dict[str, list[Mapping[str, Any]]] = {}
    masked = False
    for row in rows:
        district = str(row.get("district") or NO_DISTRICT) if district_groups else ""
        groups.setdefault(district, []).append(row)
        masked = masked or "*" in str(row.get("id_number") or "")
    # beside masked ID numbers only the birth year prints (core.masking.birth_month_printed)
    widths = {k: ROSTER_COLUMNS[k][1] for k in keys}
    if "remarks" in widths and ROOM_FOR_REMARKS in widths:
        widths[ROOM_FOR_REMARKS] -= widths["remarks"]
    cols = tuple(Column(birth_label(True) if k == "birth_date" and masked
                        else ROSTER_COLUMNS[k][0], widths[k]) for k in keys)
    seq = 0
    sections = []
    for district, members in groups.items():
        cells = []
        for row in members:
            seq += 1
            number = str(row.get("id_number") or "")
            if masked and "*" not in number:
                row = {**row, "id_number": "*"}  # the year only, as the column heading says
            # ...but the ID column prints what is recorded: nothing, not the marker "*"
            cells.append(tuple(str(seq) if k == "seq" else
                               ("" if masked and "*" not in number else number)
                               if k == "id_number" else cell_text(row, k) for k in keys))
        subtotal = f"{district} 小计：{len(members)} 人" if district_groups else None
        sections.append(Section(district, tuple(cells), subtotal))
    return Document(
        association=association, title=title, subtitle=subtitle, date=date or dt.date.today(),
        columns=cols,
        sections=tuple(sections), orientation="landscape", total=f"合计：{seq} 人",
        name_column=keys.index("name") if "name" in keys else None,
    )
