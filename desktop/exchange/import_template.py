"""The fill-in workbook a clerk downloads, fills and imports: one sheet with the columns the
importer knows (ID number, phone and dates pre-formatted as text so Excel never turns them into
numbers), drop-down lists for the closed fields, and a 填写说明 sheet."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from desktop.core import reference
from desktop.core.vocabulary import SEX
from desktop.exchange.import_map import FIELD_TITLES

__all__ = ["TEMPLATE_FIELDS", "template_workbook"]

TEMPLATE_FIELDS = (
    "seq", "name", "sex", "id_number", "birth_date", "ethnicity", "political_status",
    "education", "work_unit", "position", "employment_status", "honors", "honor_year",
    "phone", "mobile", "address", "district", "notes",
)
TEXT_ROWS = 2000  # rows pre-formatted as text under the header
_WIDTHS = {"id_number": 22, "work_unit": 30, "honors": 34, "address": 30, "notes": 24}
_CHOICES = {
    "sex": tuple(zh for zh, _en in SEX.values()),
    "employment_status": reference.EMPLOYMENT_STATUSES,
}
INSTRUCTIONS = (
    ("填写说明", ""),
    ("姓名", "必填。两字姓名中间不必加空格。"),
    ("身份证号码", "18 位（末位 X 大写小写均可）或老的 15 位号码。本列已设为文本格式；"
                   "请勿改成数字格式，否则 Excel 会丢掉后三位，导入时会被拒绝。"),
    ("性别、出生年月", "可不填，由身份证号码推出；填写时须与身份证号码一致。"),
    ("日期", "1965.03、1965年3月、1965/3/1、1965-03-01 均可。"),
    ("民族、政治面貌、学历", "写名称（汉族 / 汉、中共党员 / 党员、本科）或国标代码均可。"),
    ("荣誉称号", "可在一格中写多项，用顿号分隔，如：2015年全国劳模、2010年省劳模。"
                 "只有一项且年份单独填写时，可填在“获得年份”列。"),
    ("就业情况", "在职、离退休、下岗(买断工龄)、自谋职业、其他。"),
    ("所属区县", "区县模式下可不填（默认本区县）；市级模式下必填。"),
    ("已登记的人", "身份证号码与库中记录相同的行是更新：只改填写了且不同的字段，"
                   "空白格不会清除已有内容；导入前可先“试导入”查看每一处改动。"),
    ("表尾", "表格下方的合计、制表人、审核人等行会被跳过并在结果中列出。"),
)


def template_workbook() -> bytes:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "劳模名单"
    ws.append(["劳动模范信息登记表"])
    ws["A1"].font = Font(bold=True, size=14)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(TEMPLATE_FIELDS))
    ws.append([FIELD_TITLES[k] for k in TEMPLATE_FIELDS])
    fill = PatternFill("solid", fgColor="DDEBF7")
    for index, key in enumerate(TEMPLATE_FIELDS, start=1):
        cell = ws.cell(row=2, column=index)
        cell.font = Font(bold=True)
        cell.fill = fill
        cell.alignment = Alignment(horizontal="center")
        letter = get_column_letter(index)
        ws.column_dimensions[letter].width = _WIDTHS.get(key, 12)
        if key in ("id_number", "phone", "mobile", "birth_date"):
            for row in range(3, TEXT_ROWS + 3):
                ws.cell(row=row, column=index).number_format = "@"
        choices = _CHOICES.get(key)
        if choices:
            dv = DataValidation(type="list", formula1='"' + ",".join(choices) + '"',
                                allow_blank=True)
            dv.add(f"{letter}3:{letter}{TEXT_ROWS + 2}")
            ws.add_data_validation(dv)
    ws.freeze_panes = "A3"
    help_ws = wb.create_sheet("填写说明")
    for title, text in INSTRUCTIONS:
        help_ws.append([title, text])
    help_ws["A1"].font = Font(bold=True, size=14)
    help_ws.column_dimensions["A"].width = 20
    help_ws.column_dimensions["B"].width = 90
    for row in help_ws.iter_rows(min_row=2):
        row[0].font = Font(bold=True)
        row[1].alignment = Alignment(wrap_text=True)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
