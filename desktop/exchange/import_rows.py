"""One sheet row, read through the column mapping: values by field, the honors, and the
cells that could not be read (Qt-free, no database: the service checks the rest).

Rows under the table that are totals or signatures (合计 12 人, 制表人：…, 单位（盖章）) are
recognised as *footers*: skipped and mentioned, never rejected.

``split_rows`` reads a whole sheet the way ``interpret`` reads one row, but column by column
and each distinct value of a column once (an import of 50,000 rows, issue 14: import speed);
``interpret`` is the plain row-by-row reading it must agree with.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from desktop.core import idnumber
from desktop.core.phones import (
    LANDLINE,
    MOBILE,
    UNREADABLE,
    Number,
    phone_problems,
    read_numbers,
)
from desktop.errors import ValidationError
from desktop.exchange.import_read import Cell, RawRow, paused_collector
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
    fold_width,
)

__all__ = ["PHONE_MOVED", "CellIssue", "RowInput", "interpret", "is_footer", "split_rows",
           "unread_columns"]

_FOOTER = re.compile(r"^\s*(合\s*计|总\s*计|小\s*计|共\s*计|共\s*\d+\s*人|制表|填表|审核|审批|"
                     r"负责人|经办人|联系人|单位[(（]?盖章|盖章|日期[:：]|填报|注[:：]|说明[:：]|"
                     r"备注[:：])")
_TOTAL = re.compile(r"^\s*(合\s*计|总\s*计|小\s*计|共\s*计)")
# what a total row has where the name would be: "12人", "共 12 名", "12"
_COUNT = re.compile(r"^\s*(共|合计)?\s*\d+\s*(人|名|位)?\s*$")
_DATE_FIELDS = ("birth_date", "party_join_date", "work_start_date")
_CODE_FIELDS = ("ethnicity", "political_status", "education", "marital_status")
_DIGIT_FIELDS = ("postcode",)
# phone and mobile are read as text: a space may part two numbers ("0572-6021234 13905721234"),
# sorted afterwards by _sort_phones
_PLAIN_FIELDS = ("name", "degree", "native_place", "work_unit", "position", "unit_type",
                 "professional_title", "technical_grade", "address", "health_status", "notes",
                 "district", "phone", "mobile")


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
    return _footer(row, _plan(mapping).name_column)


def _footer(row: RawRow, name_col: int | None) -> bool:
    first: Cell = None
    for first in row.cells:
        if first is not None:
            break
    if not isinstance(first, str) or not _FOOTER.match(first):
        return False  # a number (序号) or a plain name: a data row; checked without copying
    name = as_text(row.cells[name_col]) if name_col is not None and name_col < len(
        row.cells) else None
    if name is None or _FOOTER.match(name):
        return True
    # "合计 | 12人": a total in the 序号 column and the count where the name would be (issue 14)
    return bool(_TOTAL.match(first)) and bool(_COUNT.match(name))


_TEXT, _NAME, _READ, _DATE, _ID, _HONORS, _DIGITS = range(7)  # how a column's cells are read
_WHITESPACE = re.compile(r"\s+")
_DECEASED = re.compile(r"已故|去世|逝世|病故|病逝|亡故|身故|故去")
"""Words a roster writes for a dead person (备注 "已故", 就业情况 "2019年去世"): the register has
no column for them in an import, and a person imported as alive is put on the next holiday's
visit list."""


@dataclass(frozen=True)
class _Plan:
    """How the cells of a row are read under one mapping (worked out once per mapping)."""

    steps: tuple[tuple[int, str, int, Any], ...]  # column, field, kind, reader
    columns: dict[str, int]  # field -> column (the last one mapped to it); read, never changed
    name_column: int | None
    twice: bool  # a field mapped to two columns: the later cell wins, row by row


_PLANS: dict[tuple[tuple[int, str], ...], _Plan] = {}


def _plan(mapping: Mapping[int, str]) -> _Plan:
    key = tuple(mapping.items())
    found = _PLANS.get(key)
    if found is None:
        steps = []
        columns: dict[str, int] = {}
        for index, field in key:
            if field in ("", "seq"):
                continue
            columns[field] = index
            kind = (_ID if field == "id_number" else _HONORS if field == "honors"
                    else _DATE if field in _DATE_FIELDS else _NAME if field == "name"
                    else _DIGITS if field in _DIGIT_FIELDS
                    else _TEXT if field in _PLAIN_FIELDS or field not in _READERS else _READ)
            steps.append((index, field, kind, _READERS.get(field, as_text)))
        found = _Plan(tuple(steps), columns,
                      next((i for i, k in mapping.items() if k == "name"), None),
                      len(columns) < len(steps))
        if len(_PLANS) >= 16:
            _PLANS.clear()
        _PLANS[key] = found
    return found


def _honors(cell: Cell) -> tuple[HonorCell, ...]:
    return tuple(as_honors(cell))  # a tuple, shared by the rows of one value: each gets a list


def _code_reader(field: str) -> Any:
    return lambda cell: as_code(field, cell)


_READERS: dict[str, Any] = {
    **{f: as_date for f in _DATE_FIELDS},
    **{f: _code_reader(f) for f in _CODE_FIELDS},
    **{f: as_digits for f in _DIGIT_FIELDS},
    "sex": as_sex, "employment_status": as_employment, "hukou_type": as_hukou,
    "honor_year": as_year, "honor_level": as_honor_level, "honors": _honors,
}


def _read_cell(key: str, cell: Cell) -> Any:
    """One cell of field ``key``."""
    if key == "name":
        # "王　伟": two-character names are padded with a full-width space to line up
        text = as_text(cell)
        return _WHITESPACE.sub("", text) if text else None
    return _READERS.get(key, as_text)(cell)


def interpret(row: RawRow, mapping: Mapping[int, str]) -> RowInput:
    """Read every mapped cell; a cell that cannot be read becomes an issue, not an exception."""
    plan = _plan(mapping)
    cells = row.cells
    width = len(cells)
    values: dict[str, Any] = {}
    precision: dict[str, str] = {}
    issues: list[CellIssue] = []
    honors: list[HonorCell] = []
    id_cell: Cell = None
    for index, key, kind, read in plan.steps:
        cell = cells[index] if index < width else None
        if kind == _TEXT and type(cell) is str:  # as_text, without the call
            values[key] = cell.replace("\u3000", " ").strip() or None
            continue
        if kind == _ID:
            id_cell = cell
            values[key] = _id_text(cell, index, issues)
            continue
        if cell is None:  # every reader reads an empty cell as nothing
            if kind == _HONORS:
                honors = []
            else:
                values[key] = None
            continue
        try:
            value = _read_cell(key, cell) if kind == _NAME else read(cell)
        except CellProblem as exc:
            issues.append(CellIssue(index, key, exc.code, exc.params))
            continue
        if kind == _HONORS:
            honors = list(value)
            continue
        if kind == _DATE and value is not None:
            precision[key] = value.precision
            value = value.value
        values[key] = value
    notes: list[CellIssue] = []
    _fill_honors(honors, values, plan.columns, issues, notes)
    _said_deceased(values, plan.columns, issues, notes)
    _sort_phones(values, plan.columns, notes)
    return RowInput(row.number, values, precision, honors, issues, id_cell, notes=notes)


_HONOR_FIELDS = frozenset({"honors", "honor_year", "honor_level"})


def fold_continued(inputs: list[RowInput], continued: Mapping[int, int],
                   ) -> tuple[list[RowInput], dict[int, int]]:
    """Rows that go on with the person of a row above (the name merged down over them: one
    person written over several rows, an honor a row): their honors join that row's and they
    are not persons of their own; also the row numbers folded, with the row each joined. Only
    a row that says nothing else (its other cells empty or the same as the first row's, read
    without a problem); any other stays a row of its own, refused for its empty name."""
    if not continued:
        return inputs, {}
    by_number = {row.number: row for row in inputs}
    kept: list[RowInput] = []
    folded: dict[int, int] = {}
    for row in inputs:
        first = by_number.get(continued.get(row.number, 0))
        if first is None or row.issues or row.notes or not row.honors or any(
                value is not None and value != first.values.get(key)
                for key, value in row.values.items() if key not in _HONOR_FIELDS):
            kept.append(row)
            continue
        first.honors.extend(h for h in row.honors if h not in first.honors)
        first.notes.append(CellIssue(None, "honors", "import_continued_row",
                                     {"row": row.number}))
        folded[row.number] = first.number
    return kept, folded


def split_rows(rows: Sequence[RawRow], mapping: Mapping[int, str],
               ) -> tuple[list[RowInput], list[int]]:
    """The rows under the header read (as ``interpret`` reads each), and the numbers of the
    footer rows under the table: everything after the first footer that has no name is footer
    too (signatures come in blocks)."""
    plan = _plan(mapping)
    name_col = plan.name_column
    data: list[RawRow] = []
    footers: list[int] = []
    for row in rows:
        if _footer(row, name_col) or (footers and (
                name_col is None or name_col >= len(row.cells)
                or as_text(row.cells[name_col]) is None)):
            footers.append(row.number)
        else:
            data.append(row)
    with paused_collector():
        if plan.twice:
            return [interpret(row, mapping) for row in data], footers
        return _read_columns(data, plan), footers


def unread_columns(rows: Sequence[RawRow], mapping: Mapping[int, str], width: int,
                   skip: Sequence[int] = ()) -> tuple[int, ...]:
    """The columns (of the first ``width``) that no field is mapped to but that hold something
    in a data row (not in the footer rows ``skip``): what the import would leave behind, said
    rather than silently dropped. Each column is looked for until found."""
    left = [c for c in range(width) if c not in mapping]
    if not left:
        return ()
    footers = set(skip)
    found: list[int] = []
    for row in rows:
        if row.number in footers:
            continue
        cells = row.cells
        hits = [c for c in left if c < len(cells) and as_text(cells[c]) is not None]
        if hits:
            found.extend(hits)
            left = [c for c in left if c not in hits]
            if not left:
                break
    return tuple(sorted(found))


_UNREAD = object()  # a cell that could not be read: its field is left out of the row's values


def _read_columns(rows: list[RawRow], plan: _Plan) -> list[RowInput]:
    """``interpret`` for many rows, column by column: one tight loop per column, each distinct
    value of a repeating column read once (remembered for this call only)."""
    count = len(rows)
    width = max((index for index, *_ in plan.steps), default=-1) + 1
    grid = [r.cells if len(r.cells) >= width else r.cells + (None,) * (width - len(r.cells))
            for r in rows]
    by_column = list(zip(*grid, strict=False)) if grid else []
    issues: list[list[CellIssue]] = [[] for _ in range(count)]
    precision: list[dict[str, str]] = [{} for _ in range(count)]
    troubled: set[int] = set()
    keys: list[str] = []
    columns: list[list[Any]] = []
    honors: list[Any] = [None] * count
    id_cells: tuple[Cell, ...] | list[None] = [None] * count
    for index, key, kind, read in plan.steps:
        cells = by_column[index] if by_column else ()
        if kind == _TEXT:
            out: list[Any] = [(c.replace("\u3000", " ").strip() or None) if type(c) is str
                              else as_text(c) for c in cells]
        elif kind == _NAME:
            texts = [(c.replace("\u3000", " ").strip() or None) if type(c) is str
                     else as_text(c) for c in cells]
            out = [t if t is None or t.isalpha() else _WHITESPACE.sub("", t) for t in texts]
        elif kind == _DIGITS:  # 13812345678: as_digits would give it back as it is
            out = [c if type(c) is str and c.isdigit() and c.isascii() else as_digits(c)
                   for c in cells]
        elif kind == _ID:
            id_cells = cells
            out = [(c.replace("\u3000", " ").strip() or None) if type(c) is str
                   else _id_text(c, index, issues[n]) for n, c in enumerate(cells)]
        else:
            out = _read_column(cells, index, key, read, issues, troubled)
            if kind == _HONORS:
                honors = out
                continue
            if kind == _DATE:
                for n, day in enumerate(out):
                    if day is not None and day is not _UNREAD:
                        precision[n][key] = day.precision
                        out[n] = day.value
        keys.append(key)
        columns.append(out)
    found: list[RowInput] = []
    fields = plan.columns
    for n, (row, cells, held, row_issues, id_cell) in enumerate(zip(
            rows, zip(*columns, strict=True) if columns else [()] * count, honors, issues,
            id_cells, strict=True)):
        values = dict(zip(keys, cells, strict=True))
        if n in troubled:
            values = {k: v for k, v in values.items() if v is not _UNREAD}
        row_honors = list(held) if held and held is not _UNREAD else []
        notes: list[CellIssue] = []
        _fill_honors(row_honors, values, fields, row_issues, notes)
        _said_deceased(values, fields, row_issues, notes)
        _sort_phones(values, fields, notes)
        found.append(RowInput(row.number, values, precision[n], row_honors, row_issues,
                              id_cell, notes=notes))
    return found


def _read_column(cells: Sequence[Cell], index: int, key: str, read: Any,
                 issues: list[list[CellIssue]], troubled: set[int]) -> list[Any]:
    """One column through its reader, each distinct cell once (keyed by its type too: 1, 1.0,
    True and "1" read differently); a cell that cannot be read becomes an issue on its row,
    read again row by row so that each issue has its own words."""
    keys = [c if type(c) is str else (type(c), c) for c in cells]
    table: dict[Any, Any] = {}
    refused = False
    for distinct in set(keys):
        cell = distinct if type(distinct) is str else distinct[1]
        if cell is None:
            table[distinct] = None
            continue
        try:
            table[distinct] = read(cell)
        except CellProblem:
            table[distinct] = _UNREAD
            refused = True
    out = [table[k] for k in keys]
    if refused:
        for n, value in enumerate(out):
            if value is _UNREAD:
                try:
                    out[n] = read(cells[n])
                except CellProblem as exc:
                    issues[n].append(CellIssue(index, key, exc.code, exc.params))
                    troubled.add(n)
    return out


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


def _said_deceased(values: dict[str, Any], columns: dict[str, int], issues: list[CellIssue],
                   notes: list[CellIssue]) -> None:
    """A row that says its person died (就业情况 "已故", 备注 "2019年去世") is imported, with a
    note that the death is still to be recorded: in the employment column those words are not
    an unknown code that refuses the row (the employment is then left empty), and in the notes
    they were kept without a word."""
    for n, issue in enumerate(issues):
        said = str(issue.params.get("value", ""))
        if issue.field == "employment_status" and issue.code == "code_unknown" and (
                _DECEASED.search(said)):
            del issues[n]
            notes.append(CellIssue(issue.column, "employment_status", "import_said_deceased",
                                   {"text": said}))
            return
    text = values.get("notes")
    if text and _DECEASED.search(text):
        notes.append(CellIssue(columns.get("notes"), "notes", "import_said_deceased",
                               {"text": text[:30]}))


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


_SPACES = re.compile(r"\s+")
_PLAIN_MOBILE = re.compile(r"1[3-9]\d{9}")
_Sorted = tuple[str | None, str | None, tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...]]
PHONE_MOVED = "phone_moved_to_mobile"
"""A row value (no field of the person): the mobile number the 联系电话 cell held, and nothing
else, now registered as the mobile; the plan takes it out of a stored ``phone`` where an
earlier import had put it."""


def _sort_phones(values: dict[str, Any], columns: dict[str, int],
                 notes: list[CellIssue]) -> None:
    """联系电话 and 手机 as the register keeps them: a mobile number in ``mobile`` (its 11
    digits), a landline in ``phone``, wherever the sheet wrote them, when the cells make it
    certain (one mobile and one landline at most, SHORT or foreign numbers none). Otherwise
    each cell stays in its own column as written (one never overwrites the other) and the
    row says why: two numbers of a kind, a mobile left under 联系电话, a landline under 手机, a
    number that cannot be read (kept if the person rules take it, else left out)."""
    if "phone" not in columns and "mobile" not in columns:
        return
    given = (values.get("phone"), values.get("mobile"))
    if given == (None, None):
        return
    if given[1] is None and type(given[0]) is str and _PLAIN_MOBILE.fullmatch(given[0]):
        # most rosters: one mobile under 联系电话, as _phones would sort it without a note
        if "phone" in columns:
            values["phone"] = None
        values["mobile"] = values[PHONE_MOVED] = given[0]
        return
    phone, mobile, said = _phones(*given)
    for field, value in (("phone", phone), ("mobile", mobile)):
        if field in columns or value is not None:
            values[field] = value
    if given[0] is not None and phone is None and mobile is not None and all(
            n.kind == MOBILE and n.value == mobile for n in read_numbers(given[0])):
        values[PHONE_MOVED] = mobile
    for field, code, params in said:
        notes.append(CellIssue(columns.get(field), field, code, dict(params)))


def _written(text: str) -> str:
    return _SPACES.sub(" ", fold_width(text)).strip()


def _compact(number: Number) -> str:
    return _SPACES.sub("", fold_width(number.text))


@lru_cache(maxsize=4096)
def _phones(phone_text: str | None, mobile_text: str | None) -> _Sorted:
    """``_sort_phones`` of two cells: the values and the notes (field, code, params)."""
    out: dict[str, str | None] = {"phone": None, "mobile": None}
    said: list[tuple[str, str, tuple[tuple[str, str], ...]]] = []
    readable: dict[str, tuple[Number, ...]] = {}
    filled = {"phone": False, "mobile": False}
    for field, text in (("phone", phone_text), ("mobile", mobile_text)):
        numbers = read_numbers(text)
        if text is None or not numbers:
            continue  # empty, or 无 / 不详
        filled[field] = True
        if any(n.kind == UNREADABLE for n in numbers):
            refused = phone_problems(text if field == "phone" else None,
                                     text if field == "mobile" else None)
            if refused:  # the person rules would refuse the row for it: left out, said
                said.append((field, "import_phone_dropped", (("value", _written(text)),)))
            else:
                out[field] = _written(text)
                said.append((field, "import_phone_unread", (("value", _written(text)),)))
            continue
        readable[field] = numbers
    every = [n for numbers in readable.values() for n in numbers]
    mobiles = list(dict.fromkeys(n.value for n in every if n.kind == MOBILE))
    lines = list(dict.fromkeys(_compact(n) for n in every if n.kind == LANDLINE))
    certain = (readable and all(n.kind in (MOBILE, LANDLINE) for n in every)
               and len(mobiles) <= 1 and len(lines) <= 1
               and not (mobiles and out["mobile"]) and not (lines and out["phone"]))
    if certain:
        out["mobile"] = mobiles[0] if mobiles else out["mobile"]
        out["phone"] = lines[0] if lines else out["phone"]
    else:
        for field, numbers in readable.items():
            text = phone_text if field == "phone" else mobile_text
            assert text is not None
            value = _written(text)
            if len(numbers) == 1:  # one number, kept in its own column
                out[field] = (numbers[0].value if numbers[0].kind == MOBILE
                              else _compact(numbers[0]))
            else:
                out[field] = value
            kinds = [n.kind for n in numbers]
            other = "mobile" if field == "phone" else "phone"
            if kinds.count(MOBILE) > 1:
                code = "import_phone_two_mobiles"
            elif kinds.count(LANDLINE) > 1:
                code = "import_phone_two_landlines"
            elif field == "phone" and MOBILE in kinds and filled[other]:
                code = "import_phone_mobile_kept"
            elif field == "mobile" and LANDLINE in kinds and filled[other]:
                code = "import_phone_landline_kept"
            elif len(numbers) > 1:  # 13905721234（短号661234）
                code = "import_phone_kept"
            else:
                continue
            said.append((field, code, (("value", value),)))
    return out["phone"], out["mobile"], tuple(said)
