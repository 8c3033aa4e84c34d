"""Which column holds what: the header row of a clerk's sheet and the usual ways of naming a
column (姓名 / 姓 名; 身份证号 / 身份证号码 / 公民身份号码 …).

A *mapping* is ``{column index: field key}``; a saved mapping is ``{header text: field key}`` so
that it applies to next year's sheet even when the columns moved.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from desktop.errors import AppError
from desktop.exchange.import_read import Cell, RawRow

__all__ = [
    "FIELD_TITLES", "FIELD_VARIANTS", "HEADER_SCAN_ROWS", "IGNORE", "Header", "field_for",
    "find_header", "header_key", "joined_titles", "map_headers",
]

IGNORE = ""  # a column deliberately left out
HEADER_SCAN_ROWS = 30  # title rows, notes and merged banners above the table

# field key -> Chinese title (the template's column headings and the wizard's choices)
FIELD_TITLES: dict[str, str] = {
    "seq": "序号",
    "name": "姓名",
    "sex": "性别",
    "id_number": "身份证号码",
    "birth_date": "出生年月",
    "ethnicity": "民族",
    "political_status": "政治面貌",
    "party_join_date": "入党时间",
    "education": "学历",
    "degree": "学位",
    "native_place": "籍贯",
    "marital_status": "婚姻状况",
    "work_start_date": "参加工作时间",
    "work_unit": "工作单位",
    "position": "职务",
    "unit_position": "工作单位及职务",
    "unit_type": "单位类型",
    "professional_title": "职称",
    "technical_grade": "技术等级",
    "employment_status": "就业情况",
    "phone": "联系电话",
    "mobile": "手机",
    "address": "通讯地址",
    "postcode": "邮编",
    "hukou_type": "户口类别",
    "health_status": "健康状况",
    "honors": "荣誉称号",
    "honor_year": "获得年份",
    "honor_level": "荣誉级别",
    "district": "所属区县",
    "notes": "备注",
}

FIELD_VARIANTS: dict[str, tuple[str, ...]] = {
    "seq": ("序号", "编号", "序"),
    "name": ("姓名", "名字", "劳模姓名"),
    "sex": ("性别",),
    "id_number": ("身份证号", "身份证号码", "公民身份号码", "身份证", "证件号码", "身份号码"),
    "birth_date": ("出生年月", "出生日期", "出生年月日", "生日", "出生时间"),
    "ethnicity": ("民族",),
    "political_status": ("政治面貌", "党派"),
    "party_join_date": ("入党时间", "入党年月", "入党日期"),
    "education": ("学历", "文化程度", "学历学位"),
    "degree": ("学位",),
    "native_place": ("籍贯",),
    "marital_status": ("婚姻状况", "婚姻"),
    "work_start_date": ("参加工作时间", "参加工作年月", "工作时间"),
    "work_unit": ("工作单位", "单位", "现工作单位", "所在单位"),
    "position": ("职务", "职位"),
    # one column for both (工作单位、职务 reads as 工作单位职务): split on import (import_unitpos)
    "unit_position": ("工作单位及职务", "单位及职务", "工作单位职务", "单位职务", "工作单位和职务",
                      "单位和职务", "工作单位与职务", "工作单位及职位", "单位及职位",
                      "现工作单位及职务", "所在单位及职务"),
    "unit_type": ("单位类型", "单位性质"),
    "professional_title": ("职称", "专业技术职称"),
    "technical_grade": ("技术等级", "技能等级"),
    "employment_status": ("就业情况", "就业状况", "在职退休", "在职情况", "工作状态",
                          "在职离退休", "是否退休"),
    "phone": ("联系电话", "电话", "固定电话", "办公电话", "联系方式"),
    "mobile": ("手机", "手机号", "手机号码", "移动电话"),
    "address": ("通讯地址", "家庭住址", "住址", "地址", "联系地址"),
    "postcode": ("邮编", "邮政编码"),
    "hukou_type": ("户口类别", "户口性质", "户籍类别"),
    "health_status": ("健康状况", "身体状况"),
    "honors": ("荣誉称号", "称号", "荣誉", "荣誉称号及年份", "获得荣誉", "劳模称号",
               "所获荣誉"),
    "honor_year": ("获得年份", "授予时间", "获评时间", "获得时间", "授予年份", "评选年份",
                   "获奖年份", "获评年份", "表彰年份"),
    "honor_level": ("级别", "荣誉级别", "劳模级别", "称号级别"),
    "district": ("区县", "所属区县", "所在区县", "县区", "所属县区", "管理区县"),
    "notes": ("备注", "说明"),
}
_BY_VARIANT = {v: key for key, variants in FIELD_VARIANTS.items() for v in variants}
_SPACES = re.compile(r"[\s\u3000*＊:：]+")
_BRACKETS = re.compile(r"[（(【\[].*?[）)】\]]")
_MIN_MATCHES = 2


def header_key(text: str) -> str:
    """A header cell as compared: no spaces (性 别), no line breaks, no required-field star,
    full-width letters folded, slashes and 、 dropped (在职/退休)."""
    folded = text.translate({c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)})
    return _SPACES.sub("", folded).replace("/", "").replace("、", "").lower()


def field_for(text: str) -> str | None:
    """The field a header names, or None."""
    key = header_key(text)
    if not key:
        return None
    found = _BY_VARIANT.get(key)
    if found is None:
        found = _BY_VARIANT.get(header_key(_BRACKETS.sub("", text)))
    return found


@dataclass(frozen=True)
class Header:
    """The header found in a sheet and what each column maps to. A county roster's header is
    often two rows (基本情况 over 姓名/性别/…, 工作单位 merged down over both): ``titles`` are
    then the two read as one, and the data starts after the second."""

    row_index: int  # index into Sheet.rows of the (last) header row: the data follows it
    row_number: int  # the (first) header row as Excel shows it
    titles: tuple[str, ...]  # header cell texts ("" for an empty cell), one per column
    mapping: dict[int, str]  # column index -> field key
    depth: int = 1  # header rows: 2 for a header with sub-columns
    numbers_row: int | None = None  # a row numbering the columns under it (栏次), skipped

    @property
    def last_row_number(self) -> int:
        return self.row_number + self.depth - 1


def _text(cell: Cell) -> str:
    return "" if cell is None else str(cell).strip()


def map_headers(titles: Sequence[str], saved: Mapping[str, str] | None = None) -> dict[int, str]:
    """Columns to fields: a saved mapping first (by header text), then the known variants.
    A field claimed twice keeps its first column (工作单位 and 单位 side by side). A combined
    工作单位及职务 column saved as 工作单位 (every mapping saved before it was split) is read as
    both."""
    mapping: dict[int, str] = {}
    taken: set[str] = set()
    for index, title in enumerate(titles):
        if not title:
            continue
        key = None
        if saved is not None and header_key(title) in saved:
            key = saved[header_key(title)]
        elif saved is not None and title in saved:
            key = saved[title]
        else:
            key = field_for(title)
        if key == "work_unit" and field_for(title) == "unit_position":
            key = "unit_position"  # saved before the combined column was split (a default)
        if key and key not in taken:
            mapping[index] = key
            taken.add(key)
    return mapping


def _titles(row: RawRow) -> tuple[str, ...] | None:
    """A row's texts, or None when it holds anything but text (a number, a date: data)."""
    if any(c is not None and not isinstance(c, str) for c in row.cells):
        return None
    return tuple(_text(c) for c in row.cells)


def joined_titles(upper: Sequence[str], lower: Sequence[str]) -> tuple[str, ...]:
    """Two header rows read as one: the lower row's text where it has one (a sub-column under
    a group title such as 基本情况), else the upper row's (a heading merged down over both
    rows keeps its text in the upper cell only)."""
    width = max(len(upper), len(lower))
    return tuple((lower[i] if i < len(lower) else "") or (upper[i] if i < len(upper) else "")
                 for i in range(width))


def _two_rows(rows: Sequence[RawRow], upper: int,
              saved: Mapping[str, str] | None) -> tuple[tuple[str, ...], dict[int, str]] | None:
    """Rows ``upper`` and ``upper + 1`` as one header, when they are one: adjacent, text only,
    and read together they name a person's name and more fields than either row alone (a data
    row under a header fails: its name replaces 姓名, its values the other titles)."""
    if upper < 0 or upper + 1 >= len(rows):
        return None
    top, bottom = rows[upper], rows[upper + 1]
    if bottom.number != top.number + 1:
        return None
    above, below = _titles(top), _titles(bottom)
    if above is None or below is None or not any(above) or not any(below):
        return None
    titles = joined_titles(above, below)
    mapping = map_headers(titles, saved)
    if "name" not in mapping.values():
        return None
    if len(mapping) <= max(len(map_headers(above, saved)), len(map_headers(below, saved))):
        return None
    return titles, mapping


def _header_at(rows: Sequence[RawRow], index: int,
               saved: Mapping[str, str] | None) -> Header:
    """The header that row ``index`` is part of, and the data after it: past a row that only
    numbers the columns (栏次, 1 2 3 … under an official form's header), which read as a
    person was refused and held up the whole file."""
    header = _header_rows(rows, index, saved)
    numbers = _numbers_row(rows, header.row_index)
    if numbers is None:
        return header
    titles = header.titles  # as wide as the data, not as the numbers (one past the table)
    while titles and not titles[-1]:
        titles = titles[:-1]
    return dataclasses.replace(header, row_index=header.row_index + 1, numbers_row=numbers,
                               titles=_widest(titles, rows, header.row_index + 1))


_ORDINALS = frozenset("甲乙丙丁戊")  # the form's first columns, before the numbers
_NUMBER = re.compile(r"[（(]?(\d{1,3})[）)]?")


def _numbers_row(rows: Sequence[RawRow], last: int) -> int | None:
    """Excel's number of the row right under the header (``last``) when it numbers the
    columns: every filled cell a whole number, at least three, counting up by one from left
    to right (甲 乙 … may come first). A person's row never reads so: it has a name."""
    if last + 1 >= len(rows) or rows[last + 1].number != rows[last].number + 1:
        return None
    numbers: list[int] = []
    for cell in rows[last + 1].cells:
        if isinstance(cell, bool):
            return None
        if isinstance(cell, int):
            numbers.append(cell)
            continue
        if isinstance(cell, float) and cell.is_integer():
            numbers.append(int(cell))
            continue
        text = _text(cell) if isinstance(cell, str) or cell is None else None
        if text is None:
            return None  # a date, a fraction: data
        if not text:
            continue
        if text in _ORDINALS and not numbers:
            continue
        found = _NUMBER.fullmatch(text)
        if found is None:
            return None
        numbers.append(int(found.group(1)))
    if len(numbers) < 3 or any(b != a + 1 for a, b in itertools.pairwise(numbers)):
        return None
    return rows[last + 1].number


def _header_rows(rows: Sequence[RawRow], index: int,
                 saved: Mapping[str, str] | None) -> Header:
    """The header that row ``index`` is part of: with the row under it (sub-columns) or the
    row above it (group titles and headings merged down), or alone."""
    for upper in (index, index - 1):
        found = _two_rows(rows, upper, saved)
        if found is not None:
            titles, mapping = found
            return Header(upper + 1, rows[upper].number, _widest(titles, rows, upper + 1),
                          mapping, 2)
    titles = tuple(_text(c) for c in rows[index].cells)
    mapping = map_headers(titles, saved)
    below = _sub_header(rows, index, mapping)
    if below is not None:  # sub-columns named in words no field knows: still not data
        titles = joined_titles(titles, below)
        return Header(index + 1, rows[index].number, _widest(titles, rows, index + 1),
                      map_headers(titles, saved), 2)
    return Header(index, rows[index].number, _widest(titles, rows, index), mapping)


def _sub_header(rows: Sequence[RawRow], index: int,
                mapping: Mapping[int, str]) -> tuple[str, ...] | None:
    """The texts of the row under the header when it is the header's second row though its
    words name no field: adjacent, text only, empty under every column the header maps (those
    headings are merged down over it), so without a name. A data row has one."""
    if index + 1 >= len(rows) or rows[index + 1].number != rows[index].number + 1:
        return None
    below = _titles(rows[index + 1])
    if below is None or not any(below):
        return None
    if any(below[c] for c in mapping if c < len(below)):
        return None
    return below


def _widest(titles: tuple[str, ...], rows: Sequence[RawRow], last: int) -> tuple[str, ...]:
    """The titles, one for every column the data uses (a header cell left empty, or the blank
    tail of a header row, is still a column the data may fill)."""
    width = max((len(r.cells) for r in rows[last + 1:]), default=0)
    return titles + ("",) * (width - len(titles)) if width > len(titles) else titles


def find_header(
    rows: Sequence[RawRow], saved: Mapping[str, str] | None = None,
    header_row: int | None = None,
) -> Header:
    """The first row (of the first ``HEADER_SCAN_ROWS``) that names a person's name and at
    least one other known column, with the row over or under it when the two make one header;
    ``header_row`` (Excel's number; either row of a two-row header) forces one."""
    if header_row is not None:
        for index, row in enumerate(rows):
            if row.number == header_row:
                return _header_at(rows, index, saved)
        raise AppError("import_no_header", rows=HEADER_SCAN_ROWS)
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        titles = tuple(_text(c) for c in row.cells)
        if sum(1 for t in titles if t) < _MIN_MATCHES:
            continue  # a merged title banner
        mapping = map_headers(titles, saved)
        if "name" in mapping.values() and len(mapping) >= _MIN_MATCHES:
            return _header_at(rows, index, saved)
    raise AppError("import_no_header", rows=HEADER_SCAN_ROWS)
