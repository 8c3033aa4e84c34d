"""The dry-run conflict report of a district package as an .xlsx workbook (bytes out)."""

from __future__ import annotations

import io
from typing import Any

from desktop.core.texts import CHECK_KINDS, check_words

ITEM_KINDS = {"move_pair": "迁出/迁入配对", "same_id": "同一身份证号在两个区县",
              "owner_conflict": "属于其他区县的记录"}

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
    for name, c in sorted((report.get("counts") or {}).items()):
        ws.append([name, c.get("new", 0), c.get("changed", 0), c.get("unchanged", 0),
                   c.get("skipped", 0), c.get("removed", 0)])
    for cell in ws[3]:
        cell.font = Font(bold=True)
    items = wb.create_sheet("待处理事项")
    items.append(["类别", "状态", "姓名", "区县", "另一区县", "记录", "另一记录"])
    for i in report.get("items") or []:
        detail = i.get("detail") or {}
        items.append([ITEM_KINDS.get(i["kind"], i["kind"]), i.get("status"),
                      detail.get("name"), i.get("district"), i.get("other_district"),
                      i.get("person_id"), i.get("other_person_id")])
    for c in report.get("checks") or []:
        items.append([CHECK_KINDS.get(c["kind"], c["kind"]), "待核对", c.get("name"),
                      c.get("district"), c.get("other_district"), check_words(c), ""])
    changed = wb.create_sheet("修改前后")
    changed.append(["姓名", "字段", "修改前", "修改后"])
    for c in report.get("changed_persons") or []:
        for field, (before, after) in sorted(c["fields"].items()):
            changed.append([c.get("name"), field, before, after])
    new = wb.create_sheet("新增人员")
    new.append(["姓名", "记录"])
    for p in report.get("new_persons") or []:
        new.append([p.get("name"), p.get("id")])
    deleted = wb.create_sheet("删除")
    deleted.append(["姓名", "记录"])
    for p in report.get("deleted_persons") or []:
        deleted.append([p.get("name"), p.get("id")])
    for sheet in wb.worksheets:
        sheet.column_dimensions["A"].width = 22
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
