"""Masking of personal numbers for screens, lists and exports (Qt-free, no database).

ID numbers keep their region code and last four characters (``330502********123X``); mobile
numbers their network prefix and last four (``138****5678``); landlines their area code and last
three digits (``0572-****392``). What is kept is enough to tell two people apart on a list and
to check a number read out on the phone, not enough to use it.
"""

from __future__ import annotations

import datetime as dt
import re

from desktop.core.idnumber import mask as _mask_id_number

__all__ = ["birth_month_printed", "birth_shown", "mask_id", "mask_phone"]

_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
# Several numbers in one field ("0572-2061068，13812345678"): each is masked on its own.
_SEPARATORS = re.compile(r"([,，;；/、]+|\s{2,})")
_MOBILE = re.compile(r"(\+?86|0086)?(1[3-9]\d{9})")
_LANDLINE = re.compile(r"(0\d{2,3})-(\d{5,8})((?:-|转)\d{1,6})?")
_BRACKETS = str.maketrans({"(": "", "（": "", ")": "-", "）": "-"})
_KEEP_MOBILE_HEAD, _KEEP_MOBILE_TAIL = 3, 4
_KEEP_LOCAL_TAIL = 3


def mask_id(number: str | None) -> str:
    """An ID number masked for display; empty stays empty."""
    if not number:
        return ""
    return _mask_id_number(number)


def birth_shown(born: dt.date | None, id_number: str | None) -> str:
    """A birth date as shown beside a (possibly masked) ID number. The masked digits *are*
    the birth date, and the check character that stays visible narrows a missing day to about
    three numbers: beside a masked number only the year shows (1968), which leaves some thirty
    candidates, so the number cannot be rebuilt from the same screen or page (issue 14,
    point 9)."""
    if born is None:
        return ""
    if id_number and "*" in id_number:
        return f"{born.year:04d}"
    return born.isoformat()


def birth_month_printed(born: dt.date | str | None, id_number: str | None) -> str:
    """A birth month in a printed table (1969.01); beside a masked ID number only the year
    (1969), for the reason :func:`birth_shown` gives."""
    if born is None or born == "":
        return ""
    text = born.isoformat() if isinstance(born, dt.date) else str(born)
    if len(text) < 7 or text[4] != "-":
        return text
    if id_number and "*" in id_number:
        return text[:4]
    return f"{text[:4]}.{text[5:7]}"


def birth_label(masked: bool) -> str:
    """The heading over :func:`birth_month_printed`: 出生年月, or 出生年份 where masked ID
    numbers leave only the year printed (a label never promises more than the page shows)."""
    return "出生年份" if masked else "出生年月"


def _stars_but_tail(digits: str, keep: int) -> str:
    if len(digits) <= keep:
        return "*" * len(digits)
    return "*" * (len(digits) - keep) + digits[-keep:]


def _mask_digits(text: str, keep: int) -> str:
    """Fallback for shapes we do not recognise: every digit but the last ``keep`` becomes *."""
    total = sum(ch.isdigit() for ch in text)
    seen = 0
    out: list[str] = []
    for ch in text:
        if ch.isdigit():
            seen += 1
            out.append(ch if seen > total - keep else "*")
        else:
            out.append(ch)
    return "".join(out)


def _mask_one(token: str) -> str:
    compact = re.sub(r"[\s\-()（）]", "", token)
    mobile = _MOBILE.fullmatch(compact)
    if mobile is not None:
        prefix, number = mobile.group(1) or "", mobile.group(2)
        head = "+86 " if prefix else ""
        return f"{head}{number[:_KEEP_MOBILE_HEAD]}****{number[-_KEEP_MOBILE_TAIL:]}"
    # "(0572) 2061068" and "0572 - 2061068" read as "0572-2061068"
    plain = re.sub(r"\s", "", token).translate(_BRACKETS).replace("--", "-")
    landline = _LANDLINE.fullmatch(plain)
    if landline is not None:
        area, local, extension = landline.group(1), landline.group(2), landline.group(3) or ""
        return f"{area}-{_stars_but_tail(local, _KEEP_LOCAL_TAIL)}{extension}"
    if compact.isdigit() and compact.startswith("0") and 10 <= len(compact) <= 12:
        # An area code typed without a hyphen: 010 and 02x are three digits, the rest four.
        cut = 3 if compact[1] in "12" else 4
        return f"{compact[:cut]}-{_stars_but_tail(compact[cut:], _KEEP_LOCAL_TAIL)}"
    return _mask_digits(token, _KEEP_LOCAL_TAIL)


def mask_phone(text: str | None) -> str:
    """A phone field masked for display: ``138****5678``, ``0572-****392``; empty stays empty.

    Full-width digits are read as digits. A field holding several numbers keeps its separators
    and masks each number; text without digits ("无") is shown as it is.
    """
    if not text:
        return ""
    value = text.translate(_FULL_WIDTH).strip()
    if not any(ch.isdigit() for ch in value):
        return value
    parts = _SEPARATORS.split(value)
    return "".join(
        part if i % 2 else (_mask_one(part.strip()) if part.strip() else part)
        for i, part in enumerate(parts)
    )
