"""Money: amounts are stored as whole fen (int); this is the one place that turns them into yuan
text and back (Qt-free: services, prints, exports, CLI and views share it).

- ``parse_yuan("1,234.5")`` → 123450: yuan text to fen, rounded half up; a clear ``MoneyError``
  for anything else.
- ``to_fen(Decimal("12.345"))`` → 1235: a yuan amount (from a form field) to fen, half up.
- ``yuan(123450)`` → "1,234.50": what people read (windows, prints, CLI tables).
- ``yuan_plain(123450)`` → "1234.50": no thousands separators, for values a user may type back
  (messages that quote a limit, CSV/JSON output, form fields).
- ``yuan_capital(1234550)`` → "壹万贰仟叁佰肆拾伍元伍角": 大写金额 for receipts.
- ``to_yuan(123450)`` → Decimal("1234.50"): an exact number for spreadsheets and form fields.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

__all__ = ["MoneyError", "parse_yuan", "round_yuan", "to_fen", "to_yuan", "yuan", "yuan_capital",
           "yuan_plain"]

_FEN = Decimal(100)
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
_SEPARATORS = re.compile(r"(?<=\d)[,，](?=\d{3}(\D|$))")


class MoneyError(ValueError):
    """Text that is not an amount of yuan; the message quotes it."""


def to_fen(value: Decimal | int) -> int:
    """Yuan as a Decimal (or int) to whole fen, rounded half up (0.005 → 1 fen)."""
    return int((Decimal(value) * _FEN).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def parse_yuan(text: str) -> int:
    """Yuan text ("1234.5", "1,234.50", "¥12", "12元", " 3 ") to fen, rounded half up."""
    cleaned = text.strip().removeprefix("¥").removeprefix("￥").removesuffix("元").strip()
    cleaned = _SEPARATORS.sub("", cleaned)
    if not _NUMBER.match(cleaned):
        raise MoneyError(f"“{text}”不是金额（应为元，如 1234.50） / "
                         f"'{text}' is not an amount in yuan (e.g. 1234.50)")
    try:
        return to_fen(Decimal(cleaned))
    except InvalidOperation as exc:  # pragma: no cover - the pattern admits only numbers
        raise MoneyError(f"“{text}”不是金额 / '{text}' is not an amount") from exc


def round_yuan(value: Decimal) -> Decimal:
    """A yuan amount to whole fen, half up, kept as yuan (Decimal("2.675") → Decimal("2.68"))."""
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def to_yuan(fen: int) -> Decimal:
    """Fen as an exact Decimal of yuan with two places (123450 → Decimal("1234.50"))."""
    return (Decimal(fen) / _FEN).quantize(Decimal("0.01"))


def yuan(fen: int | None) -> str:
    """123450 → "1,234.50"; -5 → "-0.05"; None → ""."""
    if fen is None:
        return ""
    sign = "-" if fen < 0 else ""
    whole, part = divmod(abs(fen), 100)
    return f"{sign}{whole:,}.{part:02d}"


def yuan_plain(fen: int | None) -> str:
    """123450 → "1234.50" (no separators); None → ""."""
    return yuan(fen).replace(",", "")


_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_UNITS = ("", "拾", "佰", "仟")
_GROUPS = ("", "万", "亿", "万亿")
CAPITAL_LIMIT = 10 ** 16  # yuan: 万亿 is the largest group unit written


def _capital_integer(n: int) -> str:
    digits = str(n)
    size = len(digits)
    out: list[str] = []
    zero = False
    for i, ch in enumerate(digits):
        pos = size - 1 - i
        if ch == "0":
            zero = True
        else:
            if zero:
                out.append("零")
                zero = False
            out.append(_DIGITS[int(ch)] + _UNITS[pos % 4])
        if pos % 4 == 0 and pos and int(digits[max(0, i - 3):i + 1]):
            out.append(_GROUPS[pos // 4])
    return "".join(out)


def yuan_capital(fen: int) -> str:
    """大写金额 as on receipts: 1234550 → "壹万贰仟叁佰肆拾伍元伍角", 10005 → "壹佰元零伍分",
    10000 → "壹佰元整", 0 → "零元整", a negative amount starts with 负."""
    if fen < 0:
        return "负" + yuan_capital(-fen)
    whole, rest = divmod(fen, 100)
    if whole >= CAPITAL_LIMIT:
        raise MoneyError(f"金额过大，无法写成大写：{yuan(fen)} / amount too large: {yuan(fen)}")
    jiao, fen_digit = divmod(rest, 10)
    if whole == 0 and rest == 0:
        return "零元整"
    text = _capital_integer(whole) + "元" if whole else ""
    if rest == 0:
        return text + "整"
    if jiao:
        text += _DIGITS[jiao] + "角"
    elif whole:
        text += "零"
    if fen_digit:
        text += _DIGITS[fen_digit] + "分"
    return text
