"""Resident identity card numbers (公民身份号码, GB 11643).

An 18-character number is a 6-digit region code, the birth date as YYYYMMDD, a 3-digit sequence
(odd for men, even for women) and a check character. Elderly members may still hold a legacy
15-digit number (YYMMDD, no check character); ``parse`` upgrades it and remembers that it did.

Input arrives typed by hand, pasted from Word, or read from Excel, so ``parse`` first normalises
widths, spaces and separators, and recognises numbers that went through a spreadsheet float and
lost their last digits: those are reported, never repaired, because the lost digits cannot be
known. Problems raise ``ValidationError`` on the field ``id_number`` with one of the codes below.
"""

from __future__ import annotations

import datetime
import functools
import math
import operator
import re
import unicodedata
from dataclasses import dataclass

from desktop.errors import ValidationError

__all__ = [
    "CODE_BAD_CHARS",
    "CODE_BAD_CHECKSUM",
    "CODE_BAD_DATE",
    "CODE_BAD_LENGTH",
    "CODE_BAD_REGION",
    "CODE_EMPTY",
    "CODE_FLOAT_MANGLED",
    "FIELD",
    "PROVINCE_PREFIXES",
    "SEX_FEMALE",
    "SEX_MALE",
    "IdNumber",
    "check_char",
    "is_valid",
    "make",
    "mask",
    "mismatches",
    "normalise",
    "parse",
    "upgrade15",
]

SEX_MALE = "男"
SEX_FEMALE = "女"

FIELD = "id_number"
CODE_EMPTY = "id_empty"
CODE_BAD_CHARS = "id_bad_chars"
CODE_BAD_LENGTH = "id_bad_length"
CODE_BAD_REGION = "id_bad_region"
CODE_BAD_DATE = "id_bad_date"
CODE_BAD_CHECKSUM = "id_bad_checksum"
CODE_FLOAT_MANGLED = "id_float_mangled"

MISMATCH_SEX = "sex_mismatch"
MISMATCH_BIRTH_DATE = "birth_date_mismatch"

# Province-level codes of GB/T 2260. Only the prefix is checked: county codes are renamed and
# withdrawn all the time, and a number keeps the code it was issued with for life. 83 is not in
# GB/T 2260 but is the prefix of residence permits for Taiwan residents (830000), which follow
# GB 11643 like the 810000/820000 permits for Hong Kong and Macao residents.
PROVINCE_PREFIXES: frozenset[str] = frozenset(
    {
        "11", "12", "13", "14", "15",
        "21", "22", "23",
        "31", "32", "33", "34", "35", "36", "37",
        "41", "42", "43", "44", "45", "46",
        "50", "51", "52", "53", "54",
        "61", "62", "63", "64", "65",
        "71", "81", "82", "83",
    }
)  # fmt: skip

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"
_DIGIT_ZERO_WEIGHT = ord("0") * sum(_WEIGHTS)
_EARLIEST_BIRTH = datetime.date(1880, 1, 1)
_DIGITS = frozenset("0123456789")

# Excel keeps 15 significant digits; the rest of an 18-digit number is gone once it is a number.
_EXCEL_DIGITS = 15
_FIRST_MANGLED_LENGTH = _EXCEL_DIGITS + 1
_LAST_MANGLED_LENGTH = 18

# Full-width ASCII (U+FF01..U+FF5E) maps to ASCII by a fixed offset; NFKC would do it too but
# also turns circled and superscript digits into digits, which nobody means as an ID number.
_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
# Characters that are invisible or separators in pasted text but are not Unicode spaces.
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
_EXTRA_HYPHENS = frozenset("\u2212\ufe63")  # minus sign, small hyphen-minus
_APOSTROPHES = ("'", "\u2018", "\u2019")  # Word's autocorrect turns Excel's ' into curly quotes

_EXPONENT_FORM = re.compile(r"(?:[0-9]+\.?[0-9]*|\.[0-9]+)E\+?[0-9]+", re.ASCII)
_DECIMAL_FORM = re.compile(r"([0-9]+)\.([0-9]*)", re.ASCII)


@dataclass(frozen=True)
class IdNumber:
    """A parsed, valid identity number and what it says about its holder."""

    number: str  # normalised 18 characters, upper-case X
    region: str  # 6 digits, as issued (may be a code that no longer exists)
    birth_date: datetime.date
    sex: str  # SEX_MALE / SEX_FEMALE
    legacy15: bool  # the holder's card still carries the 15-digit number
    original: str  # as typed or read, for messages and audit


def normalise(raw: str) -> str:
    """Strip what people and spreadsheets add around an ID number; does not validate.

    Full-width forms become ASCII, every kind of space, invisible character and hyphen goes, a
    leading apostrophe (Excel's "this is text" marker) goes, letters become upper case.
    """
    if raw.isascii() and raw.isalnum():
        return raw.upper()  # the usual case, already clean: skip the per-character scan
    text = raw.translate(_FULL_WIDTH)
    kept = [
        ch
        for ch in text
        if not (
            ch.isspace()
            or ch in _INVISIBLE
            or ch in _EXTRA_HYPHENS
            or unicodedata.category(ch) in ("Zs", "Pd")
        )
    ]
    text = "".join(kept)
    while text.startswith(_APOSTROPHES):
        text = text[1:]
    return text.upper()


def _all_digits(text: str) -> bool:
    # str.isdigit() also accepts superscripts and other scripts' digits; int() would then accept
    # Arabic-Indic digits silently.
    return text.isascii() and text.isdigit()  # isdigit() alone: see above; "" is not


def check_char(first17: str) -> str:
    """The check character for the first 17 digits of an 18-character number."""
    if len(first17) != 17 or not _all_digits(first17):
        raise ValueError(f"expected 17 ASCII digits, got {first17!r}")
    return _check_char(first17)


def _check_char(first17: str) -> str:
    # ASCII digits are their code points less 48 ("0"): no int() per digit
    total = sum(map(operator.mul, first17.encode("ascii"), _WEIGHTS)) - _DIGIT_ZERO_WEIGHT
    return _CHECK_CHARS[total % 11]


def upgrade15(number15: str) -> str:
    """The 18-character form of a legacy 15-digit number (all were issued to people born 19xx)."""
    if len(number15) != 15 or not _all_digits(number15):
        raise ValueError(f"expected 15 ASCII digits, got {number15!r}")
    first17 = number15[:6] + "19" + number15[6:]
    return first17 + check_char(first17)


def make(region: str, birth_date: datetime.date, sequence: int) -> str:
    """Build a valid 18-character number (demo data and tests)."""
    if len(region) != 6 or not _all_digits(region):
        raise ValueError(f"region must be 6 ASCII digits, got {region!r}")
    if not 0 <= sequence <= 999:
        raise ValueError(f"sequence must be 0..999, got {sequence}")
    d = birth_date
    first17 = f"{region}{d.year:04d}{d.month:02d}{d.day:02d}{sequence:03d}"
    return first17 + check_char(first17)


def _fail(code: str, **params: object) -> ValidationError:
    return ValidationError.single(FIELD, code, **params)


def _lost_float_digits(number: str) -> bool:
    """Whether 18 digits look like a value that had only 15 significant digits.

    Excel shows such a value with its last three digits as 000; Python's int() of the float gives
    the nearest double instead (…151000 reads back as …150976), so both forms are recognised.
    """
    value = int(number)
    excel_value = (value + 500) // 1000 * 1000
    return value == excel_value or int(float(excel_value)) == value


def _is_exact_double(value: int) -> bool:
    """Whether an integer survives a round trip through a double.

    Only about one 18-digit integer in 64 does, so one that fails its checksum and does is far
    more likely the int() of a float (e.g. a pandas column) than a typo. Applied to numbers only:
    for typed text it would misreport a few percent of typos.
    """
    return int(float(value)) == value


def _text_of_number(raw: int | float) -> str:
    """The digits of an ID number that arrived as a number, or the reason it cannot be trusted."""
    if isinstance(raw, bool) or raw < 0:
        raise _fail(CODE_BAD_CHARS, chars=str(raw))
    if isinstance(raw, int):
        return str(raw)
    if not math.isfinite(raw) or not raw.is_integer():
        raise _fail(CODE_BAD_CHARS, chars=repr(raw))
    digits = str(int(raw))
    # A double holds every integer of up to 15 digits exactly, so a 15-digit legacy number read
    # from an Excel cell is intact; anything longer lost digits somewhere on the way.
    if _FIRST_MANGLED_LENGTH <= len(digits) <= _LAST_MANGLED_LENGTH:
        raise _fail(CODE_FLOAT_MANGLED, value=repr(raw))
    return digits


def _unfloat_text(text: str, original: str) -> str:
    """Undo a number written in float form, if that can be done without guessing."""
    if "." not in text and "E" not in text:
        return text  # neither form can match: the usual case, no regular expression run
    if _EXPONENT_FORM.fullmatch(text):
        # Scientific notation is how Excel and CSV exports print a number too long for the cell;
        # people never type it. Its precision is unknowable from the text, so ask again.
        raise _fail(CODE_FLOAT_MANGLED, value=original)
    decimal = _DECIMAL_FORM.fullmatch(text)
    if decimal is None:
        return text
    whole, fraction = decimal.groups()
    if fraction.strip("0"):
        raise _fail(CODE_BAD_CHARS, chars=".")
    if len(whole) >= _FIRST_MANGLED_LENGTH:
        raise _fail(CODE_FLOAT_MANGLED, value=original)
    return whole


def _birth_date(yyyymmdd: str, today: datetime.date) -> datetime.date:
    try:
        born = datetime.date(int(yyyymmdd[:4]), int(yyyymmdd[4:6]), int(yyyymmdd[6:]))
    except ValueError:
        raise _fail(CODE_BAD_DATE, date=yyyymmdd) from None
    if not _EARLIEST_BIRTH <= born <= today:
        raise _fail(CODE_BAD_DATE, date=yyyymmdd)
    return born


def parse(raw: str | int | float | None, *, today: datetime.date | None = None) -> IdNumber:
    """``_parse`` remembered for the last 64k numbers (an import parses each one twice: once
    to match the register, once in the person rules). Keyed by the input's type too, so 1.0
    and 1 are not confused; refusals are never remembered (they raise afresh)."""
    if raw is None:
        return _parse(raw, today=today)
    return _parse_cached(type(raw).__name__, raw, today or datetime.date.today())


@functools.lru_cache(maxsize=65536)
def _parse_cached(kind: str, raw: str | int | float, today: datetime.date) -> IdNumber:
    return _parse(raw, today=today)


def _parse(raw: str | int | float | None, *, today: datetime.date | None = None) -> IdNumber:
    """Validate and decode an ID number as typed, pasted or read from a spreadsheet cell.

    Raises ``ValidationError`` (field ``id_number``) with one code, checked in this order:
    id_empty, id_float_mangled / id_bad_chars (number-shaped input), id_bad_chars, id_bad_length,
    id_float_mangled (checksum fails and the digits look rounded by a float), id_bad_region,
    id_bad_date, id_bad_checksum.
    """
    if raw is None:
        raise _fail(CODE_EMPTY)
    from_number = not isinstance(raw, str)
    if isinstance(raw, str):
        original = raw
        text = normalise(raw)
    elif isinstance(raw, int | float):
        original = repr(raw)
        text = _text_of_number(raw)
    else:
        raise TypeError(f"ID number must be text or a number, got {type(raw).__name__}")
    if not text:
        raise _fail(CODE_EMPTY)
    text = _unfloat_text(text, original)

    body = text[:-1]
    if not (body.isascii() and body.isdigit() and (text[-1] in _DIGITS or text[-1] == "X")):
        bad = {ch for ch in body if ch not in _DIGITS} | ({text[-1]} - _DIGITS - {"X"})
        if bad:
            raise _fail(CODE_BAD_CHARS, chars="".join(sorted(bad)))
    if len(text) not in (15, 18):
        raise _fail(CODE_BAD_LENGTH, length=len(text))
    if len(text) == 15 and text[-1] == "X":
        raise _fail(CODE_BAD_CHARS, chars="X")  # legacy numbers had no check character

    legacy15 = len(text) == 15
    checksum_ok = legacy15 or _check_char(text[:17]) == text[17]  # 17 digits: checked above
    # A float explains every later symptom (rounding can even carry into the date digits), so it
    # is named before the region and the date.
    if (
        not checksum_ok
        and text[17] != "X"
        and (_lost_float_digits(text) or (from_number and _is_exact_double(int(text))))
    ):
        raise _fail(CODE_FLOAT_MANGLED, value=original)

    if text[:2] not in PROVINCE_PREFIXES:
        raise _fail(CODE_BAD_REGION, region=text[:6])
    number = upgrade15(text) if legacy15 else text
    # A wrong date is reported before a wrong checksum: it points at the digits to look at.
    born = _birth_date(number[6:14], today or datetime.date.today())
    if not checksum_ok:
        raise _fail(CODE_BAD_CHECKSUM)

    return IdNumber(
        number=number,
        region=number[:6],
        birth_date=born,
        sex=SEX_MALE if int(number[16]) % 2 == 1 else SEX_FEMALE,
        legacy15=legacy15,
        original=original,
    )


def is_valid(raw: str) -> bool:
    """Whether ``parse`` accepts the text (with today's date as the latest birth date)."""
    try:
        parse(raw)
    except ValidationError:
        return False
    return True


def mismatches(
    idn: IdNumber, *, sex: str | None = None, birth_date: datetime.date | None = None
) -> list[str]:
    """Codes for what was typed elsewhere on the form and disagrees with the number.

    Not an error by itself: the number may be wrong, or the other field; the user decides.
    """
    found: list[str] = []
    if sex is not None and sex != idn.sex:
        found.append(MISMATCH_SEX)
    if birth_date is not None and birth_date != idn.birth_date:
        found.append(MISMATCH_BIRTH_DATE)
    return found


def mask(number: str) -> str:
    """The number as shown to users without the right to see it: region and last four only."""
    text = normalise(number)
    if len(text) == 18:
        return text[:6] + "*" * 8 + text[-4:]
    if len(text) == 15:
        return text[:6] + "*" * 5 + text[-4:]
    if len(text) <= 4:
        # Keeping two characters at each end would show all of it.
        return "*" * len(text)
    return text[:2] + "*" * (len(text) - 4) + text[-2:]
