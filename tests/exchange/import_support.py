"""A clerk's real-looking roster: merged title rows, odd headers, mixed date styles, a few broken
rows, totals and a signature under the table."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook

from desktop.core import idnumber

BORN_A = dt.date(1965, 3, 12)
ID_A = idnumber.make("330522", BORN_A, 11)  # male
ID_B = idnumber.make("330522", dt.date(1958, 10, 2), 22)  # female
ID_C = idnumber.make("330522", dt.date(1971, 6, 30), 33)  # male
ID_D15 = "330522560101121"  # a legacy 15-digit number: 1956-01-01, male
ID_E = idnumber.make("330522", dt.date(1980, 1, 5), 44)  # female
HEADERS = ["序号", "姓 名", "性别", "公民身份号码", "出生年月", "民族", "政治面貌",
           "工作单位及职务", "荣誉称号", "获评时间", "联系电话", "备注"]


def clerk_rows() -> list[list[object]]:
    return [
        [1, "张建国", "男", ID_A, "1965.03", "汉", "中共党员", "长兴县供电公司 班长",
         "2015年全国劳模、2010年省劳模", None, 13857212345.0, None],
        [2, "李秀英", "女", ID_B.lower(), "1958年10月", "汉族", "群众", "长兴县第一人民医院",
         "市劳动模范", 2008, "0572-6012345", "退休"],
        [3, "王　伟", "M", "３３０５２２" + ID_C[6:], dt.date(1971, 6, 30), "01", "党员",
         "长兴县煤山镇", "全国劳动模范(先后获省劳模、全国劳模)", "2020年", None, None],
        [4, "陈阿大", "男", ID_D15, 20455, "汉", "群众", "煤山村", "县劳动模范", 1995, None,
         None],
        [5, "赵小红", "F", float(ID_E), "1980/1/5", "汉", "群众", "长兴县实验小学",
         "市先进工作者", 2018, None, "身份证号被 Excel 变成了数字"],
        [6, "钱多多", "男", ID_A[:-1] + ("0" if ID_A[-1] != "0" else "1"), "1965-3-1", "汉",
         "群众", "某公司", "市劳模", 2012, None, "校验位错误"],
    ]


def write_clerk_workbook(path: Path, rows: list[list[object]] | None = None,
                         headers: list[str] = HEADERS) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "劳模名单"
    ws.append(["长兴县劳动模范名册"])
    ws.merge_cells("A1:L1")
    ws.append(["填报单位：长兴县总工会", None, None, None, None, None, None, None, None,
               "2026年6月"])
    ws.append(headers)
    for row in rows if rows is not None else clerk_rows():
        ws.append(row)
    ws.append(["合计", None, "共 6 人"])
    ws.append(["制表人：王芳", None, None, None, "审核人：李明"])
    wb.save(path)
    return path


# The usual county layout (长兴县劳模花名册2026.xlsx, the clerk walk-through): a banner, a
# 填报单位 line, then a header of two rows. 基本情况 and 荣誉情况 are group titles merged across
# their sub-columns in row 4; 序号, 工作单位及职务, 联系电话 … are merged down over rows 3 and 4.
MERGED_UPPER = ["序号", "基本情况", None, None, None, "工作单位及职务", "荣誉情况", None,
                "联系电话", "民族", "政治面貌", "备注"]
MERGED_LOWER = [None, "姓名", "性 别", "身份证号码", "出生年月", None, "荣誉称号", "获得年份"]


def merged_rows() -> list[list[object]]:
    """序号 | 姓名 | 性别 | 身份证号码 | 出生年月 | 工作单位及职务 | 荣誉称号 | 获得年份 | 联系电话
    | 民族 | 政治面貌 | 备注 (备注 empty on the first row: a row's blank tail is not stored)."""
    return [
        [1, "张建国", "男", ID_A, "1965.03", "长兴县供电公司 班长", "全国劳模", 2015,
         "13857212345", "汉族", "中共党员"],
        [2, "李秀英", "女", ID_B, "1958年10月", "长兴县第一人民医院", "省劳模", 2010,
         "0572-6012345", "回族", "群众", "退休"],
        [3, "王伟", "男", ID_C, "1971.06", "长兴县煤山镇", "县劳模", 2019,
         "13957200001", "汉族", "中共党员", "村主任"],
    ]


def write_merged_header_workbook(path: Path, rows: list[list[object]] | None = None) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "花名册"
    ws.append(["长兴县劳动模范花名册"])
    ws.merge_cells("A1:L1")
    ws.append(["填报单位：长兴县劳模协会（盖章）", None, None, None, None, None, None, None,
               "填报日期：2026年11月"])
    ws.append(MERGED_UPPER)
    ws.append(MERGED_LOWER)
    for cells in ("A3:A4", "B3:E3", "F3:F4", "G3:H3", "I3:I4", "J3:J4", "K3:K4", "L3:L4"):
        ws.merge_cells(cells)
    for row in rows if rows is not None else merged_rows():
        ws.append(row)
    wb.save(path)
    return path


def write_split_honor_workbook(path: Path) -> Path:
    """roster2.xlsx: the header in row 2, only 荣誉情况 split in row 3 (荣誉称号 | 获得年份); the
    other headings merged down over both rows."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "花名册"
    ws.append(["长兴县劳动模范花名册"])
    ws.merge_cells("A1:J1")
    ws.append(["序号", "姓名", "性别", "身份证号码", "工作单位", "荣誉情况", None, "联系电话",
               "民族", "备注"])
    ws.append([None, None, None, None, None, "荣誉称号", "获得年份"])
    for column in "ABCDEHIJ":
        ws.merge_cells(f"{column}2:{column}3")
    ws.merge_cells("F2:G2")
    ws.append([1, "张建国", "男", ID_A, "长兴县供电公司", "全国劳动模范", 2015, "13857212345",
               "汉族"])
    ws.append([2, "李秀英", "女", ID_B, "长兴县第一人民医院", "2015年全国劳模、2010年省劳模", None,
               "0572-6012345", "汉"])
    wb.save(path)
    return path
