"""The visit list as an Excel workbook (the same columns as the printed 走访慰问名单, plus the
team, date, slot, route and result), for offices that pass lists around as spreadsheets."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from desktop.core.money import to_yuan
from desktop.core.reference import LIFE_DECEASED
from desktop.core.visit_order import list_order
from desktop.core.vocabulary import LIFE_STATUS, VISIT_STATUS, zh

_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
COLUMNS: tuple[tuple[str, int], ...] = (
    ("序号", 6), ("走访组", 10), ("走访日期", 12), ("时段", 6), ("路线顺序", 8), ("区县", 10),
    ("乡镇街道", 12), ("姓名", 10), ("性别", 6), ("年龄", 6), ("荣誉称号(年份)", 30),
    ("现状", 10), ("是否困难", 8), ("住址", 36), ("电话", 14), ("慰问标准（元）", 12),
    ("慰问品", 14), ("慰问人", 18), ("走访结果", 10), ("实际日期", 12), ("慰问金（元）", 12),
    ("列入原因", 24), ("情况记录", 30),
)


def _text(value: Any) -> Any:
    if isinstance(value, str):
        return _ILLEGAL_XML.sub("", value)
    return value


def _money(fen: int | None) -> Decimal | None:
    """An exact number of yuan for the sheet (a float would show 0.1 + 0.2 errors)."""
    return None if fen is None else to_yuan(fen)


def list_title(campaign: str) -> str:
    """The sheet's title from the campaign's: "2027年元旦春节走访慰问" -> "…走访慰问名单", never
    "走访慰问走访慰问名单"."""
    if campaign.endswith("名单"):
        return campaign
    if campaign.endswith("走访慰问"):
        return campaign + "名单"
    return campaign + "走访慰问名单"


def visit_list_xlsx(rows: Iterable[Any], *, title: str) -> bytes:
    """One sheet, a title line, a bold header row (auto-filter, repeated on every printed page),
    one row per visit (phones as given) in the printed list's order (``list_order``); landscape
    A4, fitted to the page width. ``title`` is the campaign's title (``list_title`` makes the
    sheet's)."""
    title = list_title(title)
    rows = list_order(rows)  # as the printed list: team by team, the unscheduled last
    wb = Workbook(write_only=True)
    wb.properties.title = title
    wb.properties.creator = "劳模之家"
    ws = wb.create_sheet("走访慰问名单")
    for index, (_name, width) in enumerate(COLUMNS):
        ws.column_dimensions[chr(ord("A") + index)].width = width
    ws.freeze_panes = "A3"
    last = chr(ord("A") + len(COLUMNS) - 1)
    ws.auto_filter.ref = f"A2:{last}{2 + len(rows)}"
    ws.print_title_rows = "1:2"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = 9  # A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.5
    head = WriteOnlyCell(ws, value=_text(title))
    head.font = Font(bold=True, size=14)
    ws.append([head])
    header = []
    for name, _w in COLUMNS:
        cell = WriteOnlyCell(ws, value=name)
        cell.font = Font(bold=True)
        header.append(cell)
    ws.append(header)
    for n, r in enumerate(rows, start=1):
        values: list[Any] = [
            n, r.team, r.planned_date, r.time_slot, r.route_order, r.district, r.area, r.name,
            r.sex, zh(LIFE_STATUS, LIFE_DECEASED) if r.life_status == LIFE_DECEASED else r.age,
            r.honors,
            zh(LIFE_STATUS, r.life_status) if r.life_status == LIFE_DECEASED
            else r.employment_status, "是" if r.in_hardship else "", r.address, r.phone,
            _money(r.standard_fen), r.goods or r.standard_goods, r.visitors or r.team_people,
            zh(VISIT_STATUS, r.status), r.actual_date, _money(r.money_fen), r.reason,
            r.situation,
        ]
        cells = []
        for v in values:
            cell = WriteOnlyCell(ws, value=_text(v) if v != "" else None)
            if isinstance(v, dt.date):
                cell.number_format = "yyyy-mm-dd"
            elif isinstance(v, str) and v:
                cell.data_type = "s"  # never a formula, never a number
                if v.startswith(("=", "+", "-", "@", "\t", "\r")):  # nor read as one (OWASP)
                    cell.value = "'" + _text(v)
            cells.append(cell)
        ws.append(cells)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
