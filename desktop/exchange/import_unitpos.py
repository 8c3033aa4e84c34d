"""A roster's one column for work unit and position (工作单位及职务: "长兴华源纺织有限公司
织造车间主任") read as the two fields the register keeps (Qt-free, no database).

The cell is split only when it can be split with certainty: against the person's stored work
unit and position (the cell repeats them, or begins with the stored unit), at a separator the
clerk typed before a word that names a position (主任, 厂长, 书记, 副…, 工人, 退休 …), or before the
position a separate 职务 column gives. A cell that names no position at all is the work unit.
Anything else is ``whole``: kept as the new person's work unit, and never written over a
registered person's work unit, with a note on the row either way.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

__all__ = ["UnitPosition", "has_position_word", "split_at_separator", "unit_and_position"]

# Kinds of position a roster writes after the unit. A word that is also part of common unit
# names is kept from matching there (技师学院, 教师进修学校, 工人文化宫, 农民专业合作社, 村民委员会,
# 医院长兴分院: 长兴 is the county); such a word reads "no certain split", never a wrong one.
_WORDS = (  # searched for, never matched whole: 车间主任 is found by 主任, 副总经理 by 经理
    "经理", "主任", "书记", "董事长", "理事长", "秘书长", "会长", "主席",
    "[厂院校科班组局处所站队部社馆行村镇乡县区段室车工股庭园店库场]长(?!兴)",
    "工程师", "技术员", "技师(?!学院|学校)", "高级工", "技工",
    "工(?<!女工)人(?!文化宫|俱乐部|疗养院|医院)",
    "职(?<!劳动职)工(?!医院|学校|大学|之家|疗养院|服务)",
    "员工", *(f"{kind}工" for kind in ("挡车", "操作", "电焊", "焊", "钳", "车", "装配", "检验",
                                       "维修", "环卫", "保洁", "养路", "农民")),
    "教师(?!进修)", "老师", "讲师", "教授", "教员", "医师", "医生", "护士", "护师", "药师",
    "院士", "研究员", "会计(?!师事务所)", "出纳", "干部", "科员", "办事员", "职员", "专员",
    "调研员", "巡视员", "主管", "总监", "总裁", "监事(?!会)", "董事(?!会)", "委员(?!会)",
    "负责人", "法人代表", "驾驶员", "司机", "营业员", "服务员", "快递员", "店员",
    "农民(?!专业|合作|协会|学校)", "村民(?!委员|小组)", "社员", "渔民", "个体户", "退休", "离休",
    "退养", "内退",
)
# Each word begins with a character of this class, looked ahead for first: the alternatives are
# tried only where one stands (a fifth of the time of trying them at every character).
_FIRST = "".join(sorted({c for w in _WORDS
                         for c in (w[1:w.index("]")] if w[0] == "[" else w[0])}))
_POSITION = re.compile(f"(?=[{_FIRST}])(?:{'|'.join(_WORDS)})")
# 副主任, 副厂长 … at the start of a piece (副食品公司: 副 inside a unit's name is not)
_DEPUTY = re.compile(r"(?:^|[\s\u3000、，,；;/／])副")
_SEPARATORS = " \t\r\n\u3000、，,；;/／"
_SEPARATOR = re.compile(r"[\s\u3000、，,；;/／]+")
_BRACKETED = re.compile(r"^(.+?)\s*[（(]([^（）()]+)[）)]$")  # 长兴县人民医院（院长）
_NOT_SEPARATORS = str.maketrans("", "", _SEPARATORS)


class UnitPosition(NamedTuple):
    """What the cell gives: the work unit (None: leave the stored one), the position (None:
    none given), and ``note`` when the cell could not be split with certainty (``whole``: kept
    as the work unit; ``kept``: the registered person's work unit left as stored)."""

    unit: str | None
    position: str | None
    note: str | None = None  # a tuple: made for each of 50,000 rows, a frozen dataclass is slow


def has_position_word(text: str) -> bool:
    """Whether ``text`` names a kind of position anywhere (主任, 工人, 副…)."""
    if _POSITION.search(text) is not None:
        return True
    return "副" in text and _DEPUTY.search(text) is not None


def _compact(text: str | None) -> str:
    return (text or "").translate(_NOT_SEPARATORS)


@lru_cache(maxsize=8192)  # a roster repeats its units; each distinct cell is split once
def split_at_separator(text: str) -> tuple[str, str] | None:
    """(unit, position) where the clerk's separator (spaces, 、, ，, /) stands before the part
    that names positions only, each piece after it naming a position (长兴县 林城镇 中心小学 校长:
    the last piece; 长兴县人民医院 党委书记、院长: both); or a position in brackets at the end.
    None when no such separator is there."""
    found = _BRACKETED.match(text)
    if found is not None and has_position_word(found.group(2)):
        return found.group(1).strip(_SEPARATORS), found.group(2).strip()
    pieces = _SEPARATOR.split(text)
    if len(pieces) < 2:
        return None
    cut = len(pieces)
    while cut > 1 and has_position_word(pieces[cut - 1]):
        cut -= 1
    if cut == len(pieces):
        return None
    # the unit is everything before the cut as written; the position the rest as written
    at = 0
    for _ in range(cut):
        match = _SEPARATOR.search(text, at)
        assert match is not None
        at = match.end()
        start = match.start()
    unit, position = text[:start].strip(_SEPARATORS), text[at:].strip(_SEPARATORS)
    if not unit or not position:
        return None
    return unit, position


def _after_prefix(text: str, prefix: str) -> tuple[str, bool] | None:
    """The rest of ``text`` after ``prefix`` (spaces and separators inside either not counted)
    and whether a separator (or the end) follows the prefix there; None when it does not begin
    so."""
    if text.startswith(prefix):
        rest = text[len(prefix):]
    else:
        wanted = _compact(prefix)
        if not wanted:
            return None
        at, matched = 0, 0
        while at < len(text) and matched < len(wanted):
            char = text[at]
            if char in _SEPARATORS:
                at += 1
                continue
            if char != wanted[matched]:
                return None
            at += 1
            matched += 1
        if matched < len(wanted):
            return None
        rest = text[at:]
    return rest.strip(_SEPARATORS), not rest or rest[0] in _SEPARATORS


def unit_and_position(text: str, position: str | None = None, *, registered: bool = False,
                      stored_unit: str | None = None,
                      stored_position: str | None = None) -> UnitPosition:
    """The work unit and position a 工作单位及职务 cell (``text``, trimmed, not empty) gives, for
    a new person or a ``registered`` one (whose stored unit and position it is compared with).
    ``position`` is the row's separate 职务 column, which wins for the position."""
    if not (registered and stored_unit):  # nothing stored to overwrite: read as a new one's
        return _reading(text, position, False)
    if text == stored_unit:
        return UnitPosition(stored_unit, position)
    after = _after_prefix(text, stored_unit)
    if after is not None:
        rest, clean_cut = after
        if not rest:
            return UnitPosition(stored_unit, position)
        if _compact(rest) == _compact(stored_position):  # the register's own two
            return UnitPosition(stored_unit, position or stored_position)
        if clean_cut:
            return UnitPosition(stored_unit, position or rest)
        if has_position_word(rest) and split_at_separator(text) is None:
            return UnitPosition(stored_unit, position or rest)  # …有限公司织造车间主任
    return _reading(text, position, True)


@lru_cache(maxsize=8192)  # each distinct cell (with its 职务) read once: a roster repeats units
def _reading(text: str, position: str | None, registered: bool) -> UnitPosition:
    """What the cell says without the register's help; a ``registered`` person's stored unit
    is kept when it cannot be split (never overwritten by it)."""
    if position:
        compact, given = _compact(text), _compact(position)
        if compact == given:
            return UnitPosition(None, position)  # the position twice: no unit said
        if compact.endswith(given):
            unit = _before_suffix(text, len(given))
            if unit:
                return UnitPosition(unit, position)
    split = split_at_separator(text)
    if split is not None:
        return UnitPosition(split[0], position or split[1])
    if not has_position_word(text):
        return UnitPosition(text, position)  # the unit alone
    if registered:
        return UnitPosition(None, position, "kept")
    return UnitPosition(text, position, "whole")


def _before_suffix(text: str, length: int) -> str:
    """``text`` without its last ``length`` characters that are not separators, trimmed."""
    at = len(text)
    while length and at:
        at -= 1
        if text[at] not in _SEPARATORS:
            length -= 1
    return text[:at].strip(_SEPARATORS)
