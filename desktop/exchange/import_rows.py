"""One sheet row, read through the column mapping: values by field, the honors, and the
cells that could not be read (Qt-free, no database: the service checks the rest).

Rows under the table that are totals or signatures (合计 12 人, 制表人：…, 单位（盖章）) are
recognised as *footers*: skipped and mentioned, never rejected.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from desktop.core import idnumber
from desktop.errors import ValidationError
from desktop.exchange.import_read import Cell, RawRow
from desktop.exchange.import_values import (
    CellProblem,
    HonorCell,
    as_code,
    as_date,
    as_digits,
    as_employment,
    as_honor_level,
    as_honors,
    as_hukou,
    as_sex,
    as_text,
    as_year,
)

__all__ = ["CellIssue", "RowInput", "interpret", "is_footer"]

_FOOTER = re.compile(r"^\s*(合\s*计|总\s*计|小\s*计|共\s*计|共\s*\d+\s*人|制表|填表|审核|审批|"
                     r"负责人|经办人|联系人|单位[(（]?盖章|盖章|日期[:：]|填报|注[:：]|说明[:：]|"
                     r"备注[:：])")
_TOTAL = re.compile(r"^\s*(合\s*计|总\s*计|小\s*计|共\s*计)")
# what a total row has where the name would be: "12人", "共 12 名", "12"
_COUNT = re.compile(r"^\s*(共|合计)?\s*\d+\s*(人|名|位)?\s*$")
_DATE_FIELDS = ("birth_date", "party_join_date", "work_start_date")
_CODE_FIELDS = ("ethnicity", "political_status", "education", "marital_status")
_DIGIT_FIELDS = ("phone", "mobile", "postcode")
_PLAIN_FIELDS = ("name", "degree", "native_place", "work_unit", "position", "unit_type",
                 "professional_title", "technical_grade", "address", "health_status", "notes",
                 "district")


@dataclass(frozen=True)
class CellIssue:
    """A problem with one cell (``column`` index) or, when None, with the row as a whole."""

    column: int | None
    field: str
    code: str
    params: Mapping[str, Any] = dataclasses.field(default_factory=dict)


@dataclass
class RowInput:
    """What one data row says, read cell by cell."""

    number: int
    values: dict[str, Any]  # field -> normalised value (None: empty cell)
    precision: dict[str, str]  # date field -> day | month | year
    honors: list[HonorCell]
    issues: list[CellIssue]
    id_cell: Cell = None
    id_normal: str | None = None  # the normalised ID number once checked (import_plan.id_of)
    id_checked: bool = False
    notes: list[CellIssue] = dataclasses.field(default_factory=list)  # warnings, not refusals


def is_footer(row: RawRow, mapping: Mapping[int, str]) -> bool:
    """Totals, signatures and notes under the table: the first filled cell says so (and the
    name column, if filled, says so too)."""
    first = next((c for c in row.cells if c is not None), None)
    if not isinstance(first, str) or not _FOOTER.match(first):
        return False  # a number (序号) or a plain name: a data row; checked without copying
    name_col = next((i for i, k in mapping.items() if k == "name"), None)
    name = as_text(row.cells[name_col]) if name_col is not None and name_col < len(
        row.cells) else None
    if name is None or _FOOTER.match(name):
        return True
    # "合计 | 12人": a total in the 序号 column and the count where the name would be (issue 14)
    return bool(_TOTAL.match(first)) and bool(_COUNT.match(name))


_REPEATING = frozenset(("ethnicity", "political_status", "education", "marital_status", "sex",
                        "employment_status", "hukou_type", "honor_year", "honor_level"))
_SEEN: dict[tuple[str, type, Cell], Any] = {}
_SEEN_LIMIT = 20_000


def _read(key: str, cell: Cell) -> Any:
    """A cell's value; the columns whose few values repeat down a sheet (民族 汉族, 政治面貌
    群众, 性别 男) are read once per distinct value: 50,000 rows hold a few dozen."""
    if key not in _REPEATING or cell is None:
        return _read_cell(key, cell)
    seen = (key, type(cell), cell)
    try:
        return _SEEN[seen]
    except KeyError:
        pass
    value = _read_cell(key, cell)  # a CellProblem is raised each time, never remembered
    if len(_SEEN) >= _SEEN_LIMIT:
        _SEEN.clear()
    _SEEN[seen] = value
    return value


def _read_cell(key: str, cell: Cell) -> Any:
    if key in _DATE_FIELDS:
        return as_date(cell)
    if key in _CODE_FIELDS:
        return as_code(key, cell)
    if key in _DIGIT_FIELDS:
        return as_digits(cell)
    if key == "sex":
        return as_sex(cell)
    if key == "employment_status":
        return as_employment(cell)
    if key == "hukou_type":
        return as_hukou(cell)
    if key == "honor_year":
        return as_year(cell)
    if key == "honor_level":
        return as_honor_level(cell)
    if key == "name":
        # "王　伟": two-character names are padded with a full-width space to line up
        text = as_text(cell)
        return re.sub(r"\s+", "", text) if text else None
    return as_text(cell)


def interpret(row: RawRow, mapping: Mapping[int, str]) -> RowInput:
    """Read every mapped cell; a cell that cannot be read becomes an issue, not an exception."""
    values: dict[str, Any] = {}
    precision: dict[str, str] = {}
    issues: list[CellIssue] = []
    honors: list[HonorCell] = []
    columns: dict[str, int] = {}
    id_cell: Cell = None
    for index, key in mapping.items():
        if key in ("", "seq"):
            continue
        cell = row.cells[index] if index < len(row.cells) else None
        columns[key] = index
        if key == "id_number":
            id_cell = cell
            values[key] = _id_text(cell, index, issues)
            continue
        if key == "honors":
            honors = as_honors(cell)
            continue
        try:
            value = _read(key, cell)
        except CellProblem as exc:
            issues.append(CellIssue(index, key, exc.code, exc.params))
            continue
        if key in _DATE_FIELDS and value is not None:
            precision[key] = value.precision
            value = value.value
        values[key] = value
    notes: list[CellIssue] = []
    _fill_honors(honors, values, columns, issues, notes)
    return RowInput(row.number, values, precision, honors, issues, id_cell, notes=notes)


def _id_text(cell: Cell, index: int, issues: list[CellIssue]) -> str | None:
    """The ID number as text. A number cell is checked here, because only here is it known to
    have been a number (an 18-digit number lost its last digits in Excel: never guessed)."""
    if cell is None or isinstance(cell, str):
        return as_text(cell)
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        try:
            return idnumber.parse(cell).number
        except ValidationError as exc:
            problem = exc.problems[0]
            issues.append(CellIssue(index, "id_number", problem.code, problem.params))
            return None
    return as_text(cell)


def _fill_honors(honors: list[HonorCell], values: dict[str, Any], columns: dict[str, int],
                 issues: list[CellIssue], notes: list[CellIssue]) -> None:
    """A separate year or level column applies to a single honor written without one. With
    several honors in the cell, the year goes to the first honor without a year (unless one
    has that year already) and the row says so, and which honors are still without a year
    (issue 14: the year was lost without a word)."""
    year = values.pop("honor_year", None)
    level = values.pop("honor_level", None)
    if len(honors) == 1:
        h = honors[0]
        honors[0] = HonorCell(h.title, h.level or level, h.year or year)
    elif len(honors) > 1 and year is not None:
        column = columns.get("honors")
        if not any(h.year == year for h in honors):
            first = next((i for i, h in enumerate(honors) if h.year is None), None)
            if first is not None:  # the title the cell names first is the row's honor
                h = honors[first]
                honors[first] = HonorCell(h.title, h.level, year)
                notes.append(CellIssue(column, "honors", "honor_year_applied",
                                       {"count": len(honors), "year": year, "title": h.title}))
        without = [h.title for h in honors if h.year is None]
        if without:
            notes.append(CellIssue(column, "honors", "honor_year_unplaced", {
                "count": len(honors), "year": year, "titles": "、".join(without)}))
    elif not honors and (year or level) and "honors" in columns:
        issues.append(CellIssue(columns.get("honors"), "honors", "honor_title_missing"))
    for h in honors:
        if h.level is None:
            issues.append(CellIssue(columns.get("honors"), "honors", "honor_level_unknown",
                                    {"title": h.title}))
