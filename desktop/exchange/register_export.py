"""The register as a file for the city or a clerk: plain rows in -> .xlsx or .csv bytes out.

Rows are the dicts of ``RegisterService.export`` (already masked or not: this module never
decides that). The workbook carries a header block (association, districts, date, filter,
whether ID numbers are masked), a frozen header row and an auto-filter; ID numbers and phones
are text cells so Excel never turns ``330522196003151246`` into ``3.30522E+17``. The CSV is
UTF-8 with a BOM (Excel then reads it as Chinese), one line per person, no header block.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from desktop.core.vocabulary import LIFE_STATUS, zh
from desktop.exchange.xlsx_stream import (
    STYLE_DATE,
    STYLE_DEFAULT,
    STYLE_HEADER,
    STYLE_TEXT,
    STYLE_TITLE,
    Cell,
    SheetSpec,
    write_xlsx,
)

__all__ = [
    "ALL_KEYS", "BUILTIN_TEMPLATES", "COLUMNS", "DEFAULT_KEYS", "EXTRA_COLUMNS", "FORMATS",
    "ExportColumn", "ExportHeader", "column_title", "export_format", "extra_keys",
    "parse_columns", "to_csv", "to_xlsx",
]

FORMATS = ("xlsx", "csv")
HONOR_SEPARATOR = "；"
# XML 1.0 cannot hold these control characters: a pasted one would make the workbook unreadable.
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


@dataclass(frozen=True)
class ExportColumn:
    """One column: the row key, its Chinese title, its width in Excel characters, its kind."""

    key: str
    title: str
    width: int
    kind: str = "text"  # text | date | number


COLUMNS: tuple[ExportColumn, ...] = (
    ExportColumn("name", "姓名", 10),
    ExportColumn("sex", "性别", 6),
    ExportColumn("birth_date", "出生日期", 12, "date"),
    ExportColumn("age", "年龄", 6, "number"),
    ExportColumn("id_number", "身份证号", 21),
    ExportColumn("district", "区县", 10),
    ExportColumn("work_unit", "工作单位", 30),
    ExportColumn("employment_status", "就业状况", 12),
    ExportColumn("life_status", "生存状态", 10),
    ExportColumn("treatment_level", "待遇级别", 10),
    ExportColumn("highest_honor", "最高荣誉", 24),
    ExportColumn("honors", "荣誉称号(年份)", 40),
    ExportColumn("phone", "联系电话", 15),
)
EXTRA_COLUMNS: tuple[ExportColumn, ...] = (
    # person columns RegisterService.export adds on request (its ``extra``)
    ExportColumn("political_status", "政治面貌", 14),
    ExportColumn("party_join_date", "入党时间", 12, "date"),
    ExportColumn("ethnicity", "民族", 8),
    ExportColumn("native_place", "籍贯", 12),
    ExportColumn("marital_status", "婚姻状况", 10),
    ExportColumn("education", "学历", 12),
    ExportColumn("degree", "学位", 10),
    ExportColumn("work_start_date", "参加工作时间", 12, "date"),
    ExportColumn("position", "职务", 14),
    ExportColumn("unit_type", "单位类型", 14),
    ExportColumn("professional_title", "职称", 14),
    ExportColumn("technical_grade", "技术等级", 12),
    ExportColumn("hukou_type", "户口类别", 10),
    ExportColumn("address", "通讯地址", 30),
    ExportColumn("postcode", "邮编", 8),
    ExportColumn("monthly_income", "本人月收入（元）", 12),
    ExportColumn("household_size", "家庭人口", 8, "number"),
    ExportColumn("health_status", "健康状况", 12),
    ExportColumn("insurance", "参保情况", 16),
    ExportColumn("mobile", "手机", 15),
    ExportColumn("notes", "备注", 24),
)
_BY_KEY = {c.key: c for c in (*COLUMNS, *EXTRA_COLUMNS)}
DEFAULT_KEYS = tuple(c.key for c in COLUMNS)
EXTRA_KEYS = frozenset(c.key for c in EXTRA_COLUMNS)
ALL_KEYS = tuple(_BY_KEY)
BUILTIN_TEMPLATES: dict[str, tuple[str, ...]] = {
    "名册": DEFAULT_KEYS,
    # the fields of the ACFTU 劳模管理系统 survey (DOMAIN.md), in its order
    "全总劳模信息调查表": (
        "name", "sex", "id_number", "political_status", "party_join_date", "ethnicity",
        "native_place", "marital_status", "education", "degree", "work_start_date",
        "work_unit", "position", "unit_type", "professional_title", "technical_grade",
        "hukou_type", "address", "postcode", "phone", "monthly_income", "household_size",
        "health_status", "insurance", "employment_status", "honors", "treatment_level",
    ),
    "疗休养名单": ("name", "sex", "birth_date", "age", "id_number", "honors", "work_unit",
                   "employment_status", "health_status", "phone", "notes"),
}


def extra_keys(keys: Sequence[str]) -> tuple[str, ...]:
    """The columns of ``keys`` that ``RegisterService.export`` must be asked for."""
    return tuple(k for k in keys if k in EXTRA_KEYS)


@dataclass(frozen=True)
class ExportHeader:
    """The lines above the table. ``unmask_reason`` is None when ID numbers are masked."""

    association: str
    districts: str
    exported_on: dt.date
    filter_text: str
    unmask_reason: str | None = None

    def lines(self) -> list[str]:
        mask = ("身份证号已隐去中间位" if self.unmask_reason is None
                else f"含完整身份证号（理由：{self.unmask_reason}）")
        return [
            f"{self.association}劳动模范名册",
            f"协会：{self.association}　区县：{self.districts}",
            f"导出日期 {self.exported_on.isoformat()}",
            f"筛选条件：{self.filter_text}",
            mask,
        ]


def export_format(file_name: str) -> str | None:
    """``"xlsx"`` or ``"csv"`` from the file name's extension (any case), else None."""
    suffix = file_name.rsplit(".", 1)[-1].lower() if "." in file_name else ""
    return suffix if suffix in FORMATS else None


def parse_columns(text: str | None) -> tuple[tuple[str, ...], list[str]]:
    """The keys asked for (``name,id_number``; None or empty: all) and the unknown ones."""
    if not text or not text.strip():
        return DEFAULT_KEYS, []
    keys = tuple(dict.fromkeys(k.strip() for k in text.split(",") if k.strip()))
    unknown = [k for k in keys if k not in _BY_KEY]
    return keys, unknown


def column_title(key: str) -> str:
    return _BY_KEY[key].title


def _honors_text(honors: Iterable[Mapping[str, Any]]) -> str:
    return HONOR_SEPARATOR.join(
        f"{h['title']}({h['year']})" if h.get("year") else str(h["title"]) for h in honors)


def _clean(text: str) -> str:
    return _ILLEGAL_XML.sub("", text)


def cell_value(row: Mapping[str, Any], key: str) -> Any:
    """The value of one cell: a date, an int, or text ("" for nothing)."""
    value = row.get(key)
    if value is None:
        return ""
    if key == "honors":
        return _honors_text(value)
    if key == "life_status":
        return zh(LIFE_STATUS, str(value))
    if _BY_KEY[key].kind == "date":
        if isinstance(value, str) and len(value) < len("1968-03-12"):
            return value  # a birth year beside a masked ID number (core.masking.birth_shown)
        return dt.date.fromisoformat(value) if isinstance(value, str) else value
    if _BY_KEY[key].kind == "number":
        return value
    return str(value)


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet may read as a formula at the start of a cell (OWASP, CSV injection)."""
LONG_NUMBER_KEYS = frozenset({"id_number"})
"""Columns of digits Excel and WPS would turn into 3.3052219591112E+17 when a CSV is opened."""


def neutral(text: str) -> str:
    """A cell that no spreadsheet runs as a formula: a leading = + - @ tab or CR gets a single
    quote before it (OWASP's advice), which Excel shows and a reader understands."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def to_csv(rows: Iterable[Mapping[str, Any]], keys: Sequence[str] = DEFAULT_KEYS, *,
           unmasked: bool = False) -> bytes:
    """UTF-8 with BOM, CRLF lines, Chinese titles, one line per person. Text cells are
    neutralised against formula injection; unmasked 18-digit ID numbers get a leading tab so
    that Excel and WPS keep every digit (the user guide recommends .xlsx for such exports)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([_BY_KEY[k].title for k in keys])
    for row in rows:
        out: list[Any] = []
        for k in keys:
            value = cell_value(row, k)
            if isinstance(value, dt.date):
                value = value.isoformat()
            elif isinstance(value, str):
                value = neutral(value)
                if unmasked and k in LONG_NUMBER_KEYS and value[:17].isdigit():
                    value = "\t" + value  # kept as text by Excel and WPS
            out.append(value)
        writer.writerow(out)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def to_xlsx(rows: Iterable[Mapping[str, Any]], header: ExportHeader,
            keys: Sequence[str] = DEFAULT_KEYS) -> bytes:
    """One sheet: header block, a bold title row (frozen, auto-filtered), one row per person.

    Streamed as SpreadsheetML text (``xlsx_stream``): 100,000 persons in seconds, where
    openpyxl's cell objects took ~35 s (the issue's budget is 15)."""
    columns = [_BY_KEY[k] for k in keys]
    lines = header.lines()
    title_row = len(lines) + 2  # a blank line between the block and the table
    spec = SheetSpec(name="名册", widths=[c.width for c in columns], freeze_below=title_row,
                     filter_row=title_row, title=f"{header.association}劳动模范名册")

    def body() -> Iterator[list[Any]]:
        for number, line in enumerate(lines):
            yield [Cell(_clean(line), STYLE_TITLE if number == 0 else STYLE_DEFAULT)]
        yield []
        yield [Cell(c.title, STYLE_HEADER) for c in columns]
        styles = [STYLE_DATE if c.kind == "date" else STYLE_TEXT if c.kind == "text"
                  else STYLE_DEFAULT for c in columns]
        for row in rows:
            out: list[Any] = []
            for column, style in zip(columns, styles, strict=True):
                value = cell_value(row, column.key)
                # Text, always: a work unit typed as "=1+1" must not become a formula, an ID
                # number never a number (also once typed into an empty cell, hence "@").
                out.append(Cell(_clean(value) if isinstance(value, str) else value, style))
            yield out

    return write_xlsx(spec, body())
