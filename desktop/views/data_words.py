"""The register's own words in English mode (issue 14, point 3).

Sex, employment status, treatment level and similar values are stored as the Chinese words of
the forms (男, 在职, 省部级...). In Chinese mode they show as stored; in English mode the known
ones show in English (``desktop.core.reference_words``) and anything else (names, work units,
free text) as stored.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from functools import cache

from desktop.core.reference_words import english_words
from desktop.core.texts import field_label, sentences
from desktop.core.vocabulary import EN, Words, label
from desktop.views.i18n import current_language


@cache
def _english() -> dict[str, str]:
    return english_words()


def data_word(value: str) -> str:
    """``value`` as the current language shows it."""
    if current_language() != "en":
        return value
    return _english().get(value, value)


def choices(table: Words, codes: Iterable[str] | None = None) -> dict[str, str]:
    """``{code: words}`` in the current language for a choice list: the codes of ``table``
    (or ``codes``, in their order; one the table does not know shows as it is)."""
    lang = current_language()
    return {code: label(table, code, lang) for code in (table if codes is None else codes)}


def field_words(field: str) -> str:
    """A register field's name as a list offers it in English ("ID number", "Birth date")."""
    words = field_label(field, EN)
    return words[:1].upper() + words[1:]


def with_colon(label: str) -> str:
    """A label followed by the current language's colon (Chinese full-width, English ':')."""
    return label + (": " if current_language() == "en" else "：")


def joined(parts: Iterable[str], chinese: str = "，") -> str:
    """``parts`` in a list: with ``chinese`` (，、；) in Chinese, with ", " in English ("; "
    for ；, which separates whole sentences)."""
    if current_language() != "en":
        return chinese.join(parts)
    return ("; " if chinese == "；" else ", ").join(parts)


def spaced(parts: Iterable[str]) -> str:
    """Parts of a heading side by side: an ideographic space in Chinese, spaces in English."""
    return ("   " if current_language() == "en" else "\u3000").join(parts)


def bracketed(text: str) -> str:
    """``text`` in brackets after a word: （…） in Chinese, " (…)" in English."""
    return f" ({text})" if current_language() == "en" else f"（{text}）"


def counted(done: int, total: int) -> str:
    """The "(done/total)" after a campaign's or batch's name in a choice list."""
    return f" ({done}/{total})" if current_language() == "en" else f"（{done}/{total}）"


def without_count(text: str) -> str:
    """The name back from a choice list's "name (done/total)"."""
    return re.sub(r"\s*[（(]\d+/\d+[)）]$", "", text).strip()


def local_minute(moment: dt.datetime) -> str:
    """A stored moment (naive = UTC, as SQLite gives it back) as the office's clock shows it,
    to the minute (2026-05-01 07:30): a step taken at 07:30 in Beijing was listed as 23:30 of
    the day before."""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)
    return aware.astimezone().strftime("%Y-%m-%d %H:%M")


def then(*parts: str) -> str:
    """Sentences one after the other as the language writes them: nothing after a Chinese full
    stop (…已走访 0 人。名单尚未审批…, not "。 名单"), a space after an English one."""
    return sentences(parts, current_language())
