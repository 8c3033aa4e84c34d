"""Search keys for names: full pinyin and initials, so "zrr" or "zhurongrong" finds 朱荣荣.

Qt-free and database-free. Pinyin is looked up one character at a time through a cache, so a
register of 100,000 names costs a few thousand pypinyin calls, not 300,000. A character pypinyin
does not know (a rare one such as 𠮷, U+20BB7) is left out of the keys rather than guessed;
ASCII letters and digits are kept as they are (lower case), everything else is dropped.
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["SURNAME_READINGS", "char_pinyin", "name_keys"]

# Surnames read differently from the character's everyday reading (first position only).
SURNAME_READINGS: dict[str, str] = {
    "单": "shan",
    "曾": "zeng",
    "解": "xie",
    "查": "zha",
    "仇": "qiu",
    "朴": "piao",
    "区": "ou",
    "乐": "yue",
    "覃": "qin",
    "翟": "zhai",
    "尉": "yu",
    "盖": "ge",
    "缪": "miao",
    "种": "chong",
    "万": "wan",
    "秘": "bi",
    "句": "gou",
    "召": "shao",
    "繁": "po",
    "折": "she",
    "薄": "bo",
    "都": "du",
}

_ASCII_KEEP = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


@lru_cache(maxsize=65536)
def char_pinyin(ch: str) -> str:
    """The toneless, lower-case pinyin of one character, or "" when there is none to give."""
    lowered = ch.lower()
    if lowered in _ASCII_KEEP:
        return lowered
    # Imported here: pypinyin's phrase dictionary takes half a second to load, and a command
    # that prints one certificate never needs a reading.
    from pypinyin import Style, lazy_pinyin

    readings = lazy_pinyin(ch, style=Style.NORMAL, errors="ignore")
    if not readings:
        return ""
    reading = readings[0].lower()
    # pypinyin gives plain letters (ü as "v"); anything else means it did not know the character.
    return reading if reading.isascii() and reading.isalpha() else ""


def name_keys(name: str) -> tuple[str, str]:
    """(full pinyin, initials) of a name: ``name_keys("朱荣荣") == ("zhurongrong", "zrr")``.

    Spaces, dots (·) and other punctuation are ignored; a known polyphonic surname in first
    position takes its surname reading (单 → shan, 曾 → zeng …).
    """
    full: list[str] = []
    initials: list[str] = []
    first = True
    for ch in name.strip():
        reading = SURNAME_READINGS[ch] if first and ch in SURNAME_READINGS else char_pinyin(ch)
        if not ch.isspace():
            first = False
        if not reading:
            continue
        full.append(reading)
        initials.append(reading[0])
    return "".join(full), "".join(initials)


def search_text(
    name: str, pinyin: str | None, initials: str | None, id_number: str | None,
    work_unit: str | None, phone: str | None, mobile: str | None,
) -> str:
    """The lower-case haystack stored in ``person.search_text`` (layout as migration 0003)."""
    parts = (name, pinyin, initials, id_number, work_unit, phone, mobile)
    return "|".join(p or "" for p in parts).lower()
