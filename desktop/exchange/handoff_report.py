"""The dry-run conflict report of a district package as an .xlsx workbook (bytes out)."""

from __future__ import annotations

import io
from typing import Any

from desktop.core.texts import CHECK_KINDS, check_words, field_label
from desktop.core.vocabulary import (
    HANDOFF_ITEM_KINDS,
    HANDOFF_ITEM_STATES,
    HANDOFF_TABLES,
    change_value,
    zh,
)

TABLE_ORDER = tuple(HANDOFF_TABLES)


def report_xlsx(report: dict[str, Any]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "汇总"
    ws.append(["区县", report.get("district"), "序号", report.get("sequence"),
               "季度", report.get("quarter")])
    ws.append([])
    ws.append(["表", "新增", "修改", "未变", "跳过", "移除"])
    for name, c in sorted((report.get("counts") or {}).items(),
                          key=lambda kv: TABLE_ORDER.index(kv[0])
                          if kv[0] in TABLE_ORDER else len(TABLE_ORDER)):
        ws.append([zh(HANDOFF_TABLES, name), c.get("new", 0), c.get("changed", 0),
                   c.get("unchanged", 0), c.get("skipped", 0), c.get("removed", 0)])
    for cell in ws[3]:
        cell.font = Font(bold=True)
    items = wb.create_sheet("待处理事项")
    items.append(["类别", "状态", "姓名", "区县", "另一区县", "记录", "另一记录"])
    for i in report.get("items") or []:
        detail = i.get("detail") or {}
        items.append([zh(HANDOFF_ITEM_KINDS, i["kind"]),
                      zh(HANDOFF_ITEM_STATES, i.get("status")),
                      detail.get("name"), i.get("district"), i.get("other_district"),
                      i.get("person_id"), i.get("other_person_id")])
    for c in report.get("checks") or []:
        items.append([CHECK_KINDS.get(c["kind"], c["kind"]), "待核对", c.get("name"),
                      c.get("district"), c.get("other_district"), check_words(c), ""])
    changed = wb.create_sheet("修改前后")
    changed.append(["姓名", "字段", "修改前", "修改后"])
    for c in report.get("changed_persons") or []:
        for field, (before, after) in sorted(c["fields"].items()):
            changed.append([c.get("name"), field_label(field), change_value(field, before),
                            change_value(field, after)])
    new = wb.create_sheet("新增人员")
    new.append(["姓名", "记录"])
    listed = report.get("new_persons") or []
    for p in listed:
        new.append([p.get("name"), p.get("id")])
    added = ((report.get("counts") or {}).get("person") or {}).get("new", 0)
    if added > len(listed):  # the report lists the first ones only: say so, not a short list
        new.append([f"另有 {added - len(listed)} 人未列出（共新增 {added} 人）"])
    deleted = wb.create_sheet("删除")
    deleted.append(["姓名", "记录"])
    for p in report.get("deleted_persons") or []:
        deleted.append([p.get("name"), p.get("id")])
    for sheet in wb.worksheets:
        sheet.column_dimensions["A"].width = 22
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
