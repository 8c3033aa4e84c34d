"""Phone numbers as people write them (Qt-free, no database): which are mobiles (手机), which
landlines (固定电话), which short numbers, and which cannot be read, in a field or a cell that
may hold several ("0572-6021234 13905721234", "13905721234/13805720000").

Used by the person rules (what a field may hold) and by the import (which column a number
belongs in). Nothing is guessed: a number that is neither a mobile nor a landline is
``UNREADABLE``, and the caller decides what to say.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.errors import FieldProblem

__all__ = ["FOREIGN", "LANDLINE", "MOBILE", "SHORT", "UNREADABLE", "Number", "only_digits",
           "phone_problems", "phone_warnings", "read_numbers"]

MOBILE = "mobile"  # 11 digits from 13x to 19x, maybe after +86
LANDLINE = "landline"  # an area code and a local number, or a local number; maybe an extension
SHORT = "short"  # 3 to 6 digits: an internal line, or a mobile network's 短号 (661234)
FOREIGN = "foreign"  # +852 9123 4567: someone who lives abroad or in Hong Kong
UNREADABLE = "unreadable"

_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
# between numbers; a space may also part two numbers, tried below
_SEPARATORS = re.compile(r"[,，;；/、|｜\n]+|或|和|及")
_EXTENSION = re.compile(r"(?<=\d)\s*(?:转|分机|-?ext\.?|x)\s*(?=\d)", re.IGNORECASE)
# words written beside a number: (办), 宅:, 手机：, 短号 …; any other Han text is a label too
_HAN = re.compile(r"[\u3400-\u9fff]+")
_BRACKETS = re.compile(r"[()（）\[\]【】:：]")
_MOBILE = re.compile(r"(?:\+86|0086|86)?(1[3-9]\d{9})")
_LANDLINE = re.compile(r"(?:0(?:10|2\d|[3-9]\d{2})-?)?[2-9]\d{6,7}(?:#\d{1,6})?")
_AREA_IN_BRACKETS = re.compile(r"^[(（](0\d{2,3})[)）]")
_EXT_DASH = re.compile(r"^(0\d{2,3}-[2-9]\d{6,7})-(\d{1,6})$")  # 0572-6021234-8012
_SHORT = re.compile(r"[1-9]\d{2,5}")
_FOREIGN = re.compile(r"(?:\+|00)(?!86)[1-9]\d{6,14}")
_LETTERS = re.compile(r"[A-Za-z]")
_WIDE = re.compile("[\u3000\uff01-\uff5e]")  # what _FULL_WIDTH changes
_SIMPLE = re.compile(r"(1[3-9]\d{9})|0(?:10|2\d|[3-9]\d{2})-[2-9]\d{6,7}")
_NOTHING = frozenset({"无", "暂无", "没有", "不详", "未知", "空", "-", "--", "—", "——", "/", "\\"})


@dataclass(frozen=True)
class Number:
    """One number of a field: its kind, the text as written (trimmed) and, for a mobile, its
    11 digits (``value``; for any other kind the text as written)."""

    kind: str
    text: str
    value: str

    @property
    def has_letters(self) -> bool:
        """Latin letters where digits belong (0572-6O21234): a typo, not a number."""
        return bool(_LETTERS.search(_EXTENSION.sub("#", self.text)))

    @property
    def digits(self) -> int:
        return sum(ch.isdigit() for ch in self.text)


def _kind(text: str) -> tuple[str, str]:
    """The kind of one number written alone, and its value."""
    marked = _EXTENSION.sub("#", text)
    bare = _BRACKETS.sub("", _HAN.sub("", marked)) if _HAN.search(marked) else marked
    compact = re.sub(r"\s+", "", bare)
    plain = compact.replace("-", "").replace("(", "").replace(")", "")
    mobile = _MOBILE.fullmatch(plain.replace("（", "").replace("）", ""))
    if mobile is not None:
        return MOBILE, mobile.group(1)
    area = _AREA_IN_BRACKETS.match(compact)
    if area is not None:  # (0572)6021234
        compact = area.group(1) + "-" + compact[area.end():].lstrip("-")
    compact = _EXT_DASH.sub(r"\1#\2", compact)
    if _LANDLINE.fullmatch(compact) or _LANDLINE.fullmatch(compact.replace("-", "", 1)):
        return LANDLINE, text
    if _SHORT.fullmatch(compact):
        return SHORT, text
    if _FOREIGN.fullmatch(compact.replace("-", "")):
        return FOREIGN, text
    return UNREADABLE, text


def _split(parts: list[str]) -> list[Number] | None:
    """Words parted by spaces read as one number, else as a number and the rest (the longest
    first number first: "0572 6021234 13905721234"); None when no reading leaves nothing
    unread."""
    whole = " ".join(parts)
    kind, value = _kind(whole)
    if kind != UNREADABLE:
        return [Number(kind, whole, value)]
    for cut in range(len(parts) - 1, 0, -1):
        left = " ".join(parts[:cut])
        kind, value = _kind(left)
        if kind == UNREADABLE:
            continue
        rest = _split(parts[cut:])
        if rest is not None:
            return [Number(kind, left, value), *rest]
    return None


def read_numbers(text: str | None) -> tuple[Number, ...]:
    """Every number of a field or a cell, in order; () for empty or a word for none (无, 不详,
    —). A part that cannot be read is one ``UNREADABLE`` number, as written."""
    if not text:
        return ()
    simple = _SIMPLE.fullmatch(text)
    if simple is not None:  # most cells: 13905721234, 0572-6021234 (an import reads 50,000)
        mobile = simple.group(1)
        return (Number(MOBILE, text, mobile) if mobile else Number(LANDLINE, text, text),)
    folded = (text.translate(_FULL_WIDTH) if _WIDE.search(text) else text).strip()
    if not folded or folded in _NOTHING:
        return ()
    found: list[Number] = []
    for chunk in _SEPARATORS.split(folded):
        chunk = chunk.strip()
        if not chunk or chunk in _NOTHING:
            continue
        numbers = _split(chunk.split())
        if numbers is None and _BRACKETS.search(chunk):  # 13905721234（短号661234）
            numbers = _split(_BRACKETS.sub(" ", chunk).split())
        found.extend(numbers if numbers is not None else [Number(UNREADABLE, chunk, chunk)])
    return tuple(found)


def only_digits(number: Number) -> bool:
    """Nothing but digits, spaces, dashes and a +: a number mistyped (10 or 12 digits), not
    one written with words around it that could not be read."""
    return bool(re.fullmatch(r"[\d\s+\-]+", number.text))


def phone_problems(phone: str | None, mobile: str | None) -> list[FieldProblem]:
    """What the person rules refuse in 联系电话 (``phone``) and 手机 (``mobile``): letters where
    digits belong (0572-6O21234), a phone field without a digit (同上), and in the mobile field
    a number of digits only that is no mobile (10 or 12 digits, or not from 13x to 19x).
    Whatever could be a real number stays: extensions (0572-6021234转8012), short numbers
    (661234), numbers abroad (+852 …), two numbers in one field, words beside a number."""
    out: list[FieldProblem] = []
    for field, text in (("phone", phone), ("mobile", mobile)):
        if text is None or _SIMPLE.fullmatch(text):
            continue  # most fields: one plain mobile or landline (an import checks 50,000)
        for number in read_numbers(text):
            if number.has_letters:
                out.append(FieldProblem(field, "phone_letters", {"value": number.text}))
            elif number.digits == 0:
                out.append(FieldProblem(field, "phone_no_digits", {"value": number.text}))
            elif field == "mobile" and number.kind == UNREADABLE and only_digits(number):
                out.append(FieldProblem(field, "mobile_invalid", {
                    "value": number.text, "digits": number.digits}))
            else:
                continue
            break  # one problem a field
    return out


def phone_warnings(phone: str | None, mobile: str | None) -> list[FieldProblem]:
    """What is said beside the fields but saved as it is: a landline in the mobile field, a
    mobile in the phone field while the mobile field is empty, a number that cannot be read."""
    out: list[FieldProblem] = []
    refused = {p.field for p in phone_problems(phone, mobile)}
    mobiles = read_numbers(mobile)
    for field, numbers in (("phone", read_numbers(phone)), ("mobile", mobiles)):
        if field in refused:
            continue
        for number in numbers:
            if "*" in number.text:  # masked for display (138****5678): not the number
                continue
            if number.kind == UNREADABLE:
                out.append(FieldProblem(field, "phone_unreadable", {"value": number.text}))
            elif field == "mobile" and number.kind == LANDLINE and len(numbers) == 1:
                out.append(FieldProblem(field, "mobile_is_landline", {"value": number.text}))
            elif field == "phone" and number.kind == MOBILE and not mobiles:
                out.append(FieldProblem(field, "phone_is_mobile", {"value": number.text}))
            else:
                continue
            break
    return out
