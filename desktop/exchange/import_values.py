"""What clerks type, turned into what the register stores (Qt-free, no database).

Each function takes one cell as the file holds it and returns the value, or raises
``CellProblem`` with a problem code (words in ``desktop.core.texts.PROBLEMS``). Nothing is guessed:
``1965.1`` may be January or October once Excel made it a number, so it is asked about.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from desktop.core import reference
from desktop.core.domain import level_for_title
from desktop.exchange.import_read import Cell

__all__ = [
    "CellProblem", "HonorCell", "as_code", "as_date", "as_digits", "as_employment",
    "as_honor_level", "as_honors", "as_sex", "as_text", "as_year", "fold_width",
]

_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
_WIDE = re.compile("[\u3000\uff01-\uff5e]")  # what _FULL_WIDTH changes
_EXCEL_EPOCH = dt.date(1899, 12, 30)  # serial 1 = 1900-01-01 (with Lotus's phantom 29 Feb)
_SERIAL_RANGE = (3000, 80000)  # 1908 .. 2119: a number here in a date column is a serial
_DATE_PARTS = re.compile(r"^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$")
_YEAR = re.compile(r"(19[4-9]\d|20\d\d)")
_WHITESPACE = re.compile(r"\s+")
_DATE_MARKS = re.compile(r"[年./\\-]")
_DASHES = re.compile(r"-+")
_LOST_ZERO = re.compile(r"\d{4}\.1")
_FOUR_DIGITS = re.compile(r"\d{4}")


class CellProblem(Exception):
    """One cell cannot be read as its column's kind."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code, params)
        self.code = code
        self.params = params


def fold_width(text: str) -> str:
    """Full-width letters, digits, punctuation and the ideographic space as ASCII."""
    if _WIDE.search(text) is None:  # translate looks up every character of Chinese text
        return text
    return text.translate(_FULL_WIDTH)


def as_text(cell: Cell) -> str | None:
    """Trimmed text ("" → None); a whole number read as 13812345678.0 loses its ".0"."""
    if type(cell) is str:  # most cells: no isinstance chain
        return cell.replace("\u3000", " ").strip() or None
    if cell is None:
        return None
    if isinstance(cell, bool):
        return "是" if cell else "否"
    if isinstance(cell, float):
        if not math.isfinite(cell):
            return None
        return str(int(cell)) if cell.is_integer() else repr(cell)
    if isinstance(cell, dt.datetime):
        return cell.date().isoformat() if cell.time() == dt.time() else cell.isoformat(" ")
    if isinstance(cell, dt.date):
        return cell.isoformat()
    text = str(cell).replace("\u3000", " ").strip()
    return text or None


def as_digits(cell: Cell) -> str | None:
    """Phone numbers and postcodes: full-width digits folded, spaces and dashes kept out."""
    text = as_text(cell)
    if text is None:
        return None
    if text.isdigit() and text.isascii():  # 13812345678: nothing to fold or take out
        return text
    return _WHITESPACE.sub("", fold_width(text))


def _serial(value: float | int) -> dt.date:
    value = float(value)  # math.floor gives an int, which has no is_integer before Python 3.12
    if not value.is_integer() and value % 1 > 0.9999:
        value = round(value)
    return _EXCEL_EPOCH + dt.timedelta(days=int(value))


@dataclass(frozen=True)
class Day:
    """A date and how much of it was given: ``month`` precision means the day is a filler."""

    value: dt.date
    precision: str  # day | month | year


def _make(year: int, month: int, day: int | None) -> Day:
    try:
        return Day(dt.date(year, month, day or 1), "day" if day else "month")
    except ValueError:
        raise CellProblem("date_unreadable", value=f"{year}-{month}-{day or ''}") from None


def as_date(cell: Cell) -> Day | None:
    """``1965.03``, ``1965年3月``, ``1965/3/1``, ``1965-03-01``, ``19650301``, ``196503``,
    a date cell, or an Excel serial number."""
    if cell is None:
        return None
    if isinstance(cell, dt.datetime):
        return Day(cell.date(), "day")
    if isinstance(cell, dt.date):
        return Day(cell, "day")
    if isinstance(cell, bool):
        raise CellProblem("date_unreadable", value=str(cell))
    if isinstance(cell, int | float):
        return _date_number(float(cell), cell)
    if not isinstance(cell, str):
        raise CellProblem("date_unreadable", value=str(cell))
    return _date_text(cell)


@lru_cache(maxsize=16384)
def _date_text(cell: str) -> Day | None:
    """A date written as text, remembered per distinct text (a month like "1965.03" recurs down
    a sheet); a refusal raises afresh each time (exceptions are never remembered)."""
    text = fold_width(cell).strip().replace(" ", "")
    if not text:
        return None
    if text.isdigit():
        return _date_digits(text)
    shaped = _DATE_MARKS.sub("-", text.replace("月", "-").replace("日", "").replace("号", ""))
    shaped = shaped.strip("-")
    shaped = _DASHES.sub("-", shaped)
    if _LOST_ZERO.fullmatch(text):
        # only ".1" can be a 10 whose 0 Excel dropped; 1971.8 is August (issue 14)
        raise CellProblem("date_ambiguous", value=text)
    match = _DATE_PARTS.match(shaped)
    if match is None:
        if _FOUR_DIGITS.fullmatch(shaped):
            return Day(dt.date(int(shaped), 1, 1), "year")
        raise CellProblem("date_unreadable", value=cell.strip()[:40])
    year, month, day = match.groups()
    return _make(int(year), int(month), int(day) if day else None)


def _date_digits(text: str) -> Day:
    if len(text) == 8:
        return _make(int(text[:4]), int(text[4:6]), int(text[6:]))
    if len(text) == 6:
        return _make(int(text[:4]), int(text[4:]), None)
    if len(text) == 4:
        return Day(dt.date(int(text), 1, 1), "year")
    if len(text) == 5 and _SERIAL_RANGE[0] <= int(text) <= _SERIAL_RANGE[1]:
        return Day(_serial(float(text)), "day")
    raise CellProblem("date_unreadable", value=text)


def _date_number(value: float, original: object) -> Day:
    if not math.isfinite(value) or value <= 0:
        raise CellProblem("date_unreadable", value=str(original))
    if value.is_integer():
        whole = int(value)
        if 1900 <= whole <= 2100:
            return Day(dt.date(whole, 1, 1), "year")
        if _SERIAL_RANGE[0] <= whole <= _SERIAL_RANGE[1]:
            return Day(_serial(value), "day")
        if len(str(whole)) in (6, 8):
            return _date_digits(str(whole))
        raise CellProblem("date_unreadable", value=str(original))
    if 1900 <= value < 2101:
        # 1965.03 typed into a number cell: Excel keeps 1965.03, but 1965.10 became 1965.1
        text = repr(value)
        year, fraction = text.split(".")
        if fraction == "1":  # 1965.10 became 1965.1; 1965.8 cannot be anything but August
            raise CellProblem("date_ambiguous", value=text)
        if len(fraction) == 1:
            return _make(int(year), int(fraction), None)
        if len(fraction) == 2:
            return _make(int(year), int(fraction), None)
        raise CellProblem("date_unreadable", value=text)
    if _SERIAL_RANGE[0] <= value <= _SERIAL_RANGE[1]:
        return Day(_serial(math.floor(value)), "day")
    raise CellProblem("date_unreadable", value=str(original))


def as_year(cell: Cell) -> int | None:
    if cell is None:
        return None
    if isinstance(cell, dt.date):
        return cell.year
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        day = _date_number(float(cell), cell)
        return day.value.year
    text = fold_width(str(cell)).strip()
    if not text:
        return None
    found = _YEAR.findall(text)
    if len(set(found)) == 1:
        return int(found[0])
    raise CellProblem("year_unreadable", value=text[:40])


_SEX = {"男": "1", "男性": "1", "m": "1", "male": "1", "1": "1",
        "女": "2", "女性": "2", "f": "2", "female": "2", "2": "2"}


def as_sex(cell: Cell) -> str | None:
    text = as_text(cell)
    if text is None:
        return None
    code = _SEX.get(fold_width(text).strip().lower())
    if code is None:
        raise CellProblem("sex_unreadable", value=text[:20])
    return code


_ALIASES: dict[str, dict[str, str]] = {
    "political_status": {
        "中共党员": "01", "党员": "01", "共产党员": "01", "中国共产党员": "01",
        "预备党员": "02", "中共预备党员": "02", "团员": "03", "共青团员": "03",
        "民革": "04", "民革党员": "04", "民盟": "05", "民盟盟员": "05", "民建": "06",
        "民建会员": "06", "民进": "07", "民进会员": "07", "农工党": "08", "农工党党员": "08",
        "致公党": "09", "致公党党员": "09", "九三学社": "10", "台盟": "11",
        "无党派": "12", "无党派人士": "12", "群众": "13",
    },
    "education": {
        "研究生": "10", "博士": "10", "硕士": "10", "博士研究生": "10", "硕士研究生": "10",
        "本科": "20", "大学": "20", "大学本科": "20", "大专": "30", "专科": "30",
        "大学专科": "30", "中专": "40", "职高": "40", "技校": "40", "中技": "40",
        "中等专科": "40", "高中": "60", "普高": "60", "初中": "70", "小学": "80",
        "文盲": "90", "其他": "90",
    },
    "marital_status": {"已婚": "20", "未婚": "10", "丧偶": "30", "离异": "40", "离婚": "40"},
    "ethnicity": {},
}
_TABLES = {
    "ethnicity": ("ethnicity_GB_3304",),
    "political_status": ("political_GB_T_4762",),
    "education": ("education_GB_T_4658_2006_top", "education_GB_T_4658_2006_detail_examples"),
    "marital_status": ("marital_GB_T_2261_2_2003",),
}


def as_code(field: str, cell: Cell) -> str | None:
    """A code-table field by its code (``01``, ``1``) or its name (汉族, 汉, 党员, 本科)."""
    text = as_text(cell)
    if text is None:
        return None
    value = fold_width(text).replace(" ", "")
    tables = [reference.code_table(t) for t in _TABLES[field]]
    for table in tables:
        if value in table:
            return value
        if value.isdigit() and value.zfill(2) in table:
            return value.zfill(2)
        for code, label in table.items():
            if value == label or (field == "ethnicity" and value + "族" == label):
                return code
    found = _ALIASES[field].get(value)
    if found is None:
        raise CellProblem("code_unknown", value=text[:40])
    return found


_EMPLOYMENT = {
    "在职": "在职", "在岗": "在职", "在职在岗": "在职", "在编": "在职",
    "退休": "离退休", "离休": "离退休", "离退休": "离退休", "已退休": "离退休", "内退": "离退休",
    "病退": "离退休", "退休人员": "离退休",
    "下岗": "下岗(买断工龄)", "买断工龄": "下岗(买断工龄)", "下岗(买断工龄)": "下岗(买断工龄)",
    "自谋职业": "自谋职业", "其他": "其他",
}
_HUKOU = {"非农业": "非农业", "城镇": "非农业", "非农": "非农业", "农业": "农业",
          "农村": "农业", "农转居": "农转居"}


def _lookup(table: dict[str, str], cell: Cell) -> str | None:
    text = as_text(cell)
    if text is None:
        return None
    value = fold_width(text).replace(" ", "")
    found = table.get(value)
    if found is None:
        raise CellProblem("code_unknown", value=text[:40])
    return found


def as_employment(cell: Cell) -> str | None:
    return _lookup(_EMPLOYMENT, cell)


def as_hukou(cell: Cell) -> str | None:
    return _lookup(_HUKOU, cell)


_LEVELS = {"全国": "全国", "国家级": "全国", "全国级": "全国", "省部级": "省部级",
           "省级": "省部级", "部级": "省部级", "市级": "市级", "地市级": "市级", "市": "市级",
           "县级": "县级", "区级": "县级", "县区级": "县级", "县": "县级", "区": "县级",
           "省": "省部级"}


def as_honor_level(cell: Cell) -> str | None:
    text = as_text(cell)
    if text is None:
        return None
    value = fold_width(text).replace(" ", "")
    found = _LEVELS.get(value)
    if found is None:
        found = level_for_title(value)
    if found is None:
        raise CellProblem("level_unknown", value=text[:20])
    return found


@dataclass(frozen=True)
class HonorCell:
    """One honor read from a cell: the title as written, its level and year when known."""

    title: str
    level: str | None
    year: int | None


_SEPARATORS = set("、,，;；/\n")
_OPEN, _CLOSE = "(（【[", ")）】]"
_OPEN_RE = re.compile("[" + re.escape(_OPEN) + "]")
_SEPARATOR_RE = re.compile("[" + re.escape("".join(sorted(_SEPARATORS))) + "]")
_TITLE_YEAR = re.compile(r"^(?:(19[4-9]\d|20\d\d)\s*年度?)?\s*(.*?)\s*"
                         r"(?:[(（]?\s*(19[4-9]\d|20\d\d)\s*年?度?\s*[)）]?)?$")
_TITLE_WORDS = ("劳模", "劳动模范", "先进工作者", "奖章", "先进", "模范", "标兵", "能手",
                "待遇")


def _split(text: str) -> list[str]:
    """Split on 、,; outside brackets (全国劳动模范(先后获省劳模、全国劳模) stays one piece)."""
    if _OPEN_RE.search(text) is None:  # most cells: no brackets, one regex split
        return [p for p in map(str.strip, _SEPARATOR_RE.split(text)) if p]
    parts: list[str] = []
    depth = 0
    current: list[str] = []
    for ch in text:
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        if ch in _SEPARATORS and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return [p.strip() for p in parts if p.strip()]


@lru_cache(maxsize=16384)
def _one(piece: str) -> tuple[HonorCell, ...]:
    """The honors one piece of a cell names; remembered per distinct piece ("2015年省劳模"
    recurs down a sheet; a frozen result, so sharing it is safe)."""
    inner: list[str] = []
    main = piece
    bracket = re.search(r"[(（](.*?)[)）]", piece)
    if bracket and not re.fullmatch(r"\s*(19|20)\d\d\s*年?度?\s*", bracket.group(1)):
        # 全国劳动模范(先后获省劳模、全国劳模): the words in brackets name earlier honors
        inner = [p for p in _split(bracket.group(1).replace("先后获", "").replace("曾获", ""))
                 if any(w in p for w in _TITLE_WORDS)]
        main = (piece[:bracket.start()] + piece[bracket.end():]).strip()
    match = _TITLE_YEAR.match(main)
    assert match is not None  # the pattern accepts any text
    year = match.group(1) or match.group(3)
    title = match.group(2).strip() or main
    out = [HonorCell(title, level_for_title(title), int(year) if year else None)]
    for extra in inner:
        out.extend(_one(extra))
    return tuple(out)


def as_honors(cell: Cell) -> list[HonorCell]:
    """``2015年全国劳模、2010年省劳模`` → two honors; each keeps its title as written."""
    text = as_text(cell)
    if text is None:
        return []
    found: list[HonorCell] = []
    for piece in _split(fold_width(text)):
        for honor in _one(piece):
            level, year = honor.level, honor.year
            if level is not None:
                for h in found:
                    if h.level == level and (h.year == year or year is None):
                        break  # the same honor named twice (全国劳动模范(…全国劳模))
                else:
                    found.append(honor)
            else:
                found.append(honor)
    return found
