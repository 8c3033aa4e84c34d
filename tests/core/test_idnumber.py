"""Tests for desktop.core.idnumber, with python-stdnum's cn.ric as an independent oracle.

stdnum is trusted for the check character and the birth date only. Its ``validate`` also demands
that the region code existed in the birth year, which real numbers violate (codes outlive their
counties and are reused), so it is never used to decide what ``parse`` must accept.
"""

from __future__ import annotations

import dataclasses
import datetime
import math

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st
from stdnum import exceptions as stdnum_errors
from stdnum import numdb
from stdnum.cn import ric

from desktop.core import idnumber
from desktop.core.idnumber import (
    SEX_FEMALE,
    SEX_MALE,
    IdNumber,
    check_char,
    is_valid,
    make,
    mask,
    mismatches,
    normalise,
    parse,
    upgrade15,
)
from desktop.errors import ValidationError

TODAY = datetime.date(2025, 6, 30)

# Province prefixes as stdnum's own region database knows them (built from Wikipedia's copy of
# GB/T 2260), so the generated regions do not come from the list under test.
_STDNUM_REGIONS = numdb.get("cn/loc")
STDNUM_PROVINCES = sorted(
    f"{n:02d}" for n in range(100) if _STDNUM_REGIONS.info(f"{n:02d}0000")[0][1]
)

regions = st.builds(
    lambda prefix, rest: prefix + rest,
    st.sampled_from(STDNUM_PROVINCES),
    st.from_regex(r"[0-9]{4}", fullmatch=True),
)
birth_dates = st.dates(min_value=datetime.date(1880, 1, 1), max_value=TODAY)
sequences = st.integers(min_value=0, max_value=999)


def stdnum_check(first17: str) -> str:
    # stdnum's calc_check_digit expects the full number and ignores its last character.
    return ric.calc_check_digit(first17 + "?")


def error_code(raw: str | int | float | None, today: datetime.date = TODAY) -> str:
    with pytest.raises(ValidationError) as info:
        parse(raw, today=today)
    problems = info.value.problems
    assert len(problems) == 1
    assert problems[0].field == "id_number"
    return problems[0].code


def excel_text(number: str) -> str:
    """What Excel shows for an 18-digit number typed into a number cell: 15 digits, then 000."""
    return number[:15] + "000"


def with_check(first17: str) -> str:
    return first17 + stdnum_check(first17)


# --- the algorithm against stdnum ---------------------------------------------------------------


@given(regions, birth_dates, sequences)
def test_check_char_agrees_with_stdnum(region: str, born: datetime.date, seq: int) -> None:
    number = make(region, born, seq)
    assert len(number) == 18
    assert number[:17] == f"{region}{born:%Y%m%d}{seq:03d}"
    assert check_char(number[:17]) == stdnum_check(number[:17]) == number[17]


@given(regions, birth_dates, sequences)
def test_parse_decodes_what_make_built(region: str, born: datetime.date, seq: int) -> None:
    number = make(region, born, seq)
    idn = parse(number, today=TODAY)
    assert idn == IdNumber(
        number=number,
        region=region,
        birth_date=born,
        sex=SEX_MALE if seq % 2 else SEX_FEMALE,
        legacy15=False,
        original=number,
    )
    assert idn.birth_date == ric.get_birth_date(number)


@pytest.mark.parametrize(
    ("number", "born", "sex"),
    [
        # The two worked examples printed in GB 11643-1999 itself.
        ("11010519491231002X", datetime.date(1949, 12, 31), SEX_FEMALE),
        ("440524188001010014", datetime.date(1880, 1, 1), SEX_MALE),
        # stdnum's doctest example.
        ("360426199101010071", datetime.date(1991, 1, 1), SEX_MALE),
    ],
)
def test_published_examples(number: str, born: datetime.date, sex: str) -> None:
    idn = parse(number, today=TODAY)
    assert (idn.number, idn.birth_date, idn.sex) == (number, born, sex)
    assert check_char(number[:17]) == number[17]
    assert is_valid(number)


def test_check_char_by_hand() -> None:
    # 3*7 + 3*9 + 0*10 + 5*5 + 2*8 + 2*4 + 1*2 + 9*1 + 5*6 + 8*3 + 0*7 + 3*9 + 1*10 + 5*5 + 1*8
    # + 2*4 + 3*2 = 246; 246 mod 11 = 4; "10X98765432"[4] = "8"
    assert check_char("33052219580315123") == "8"
    # sum mod 11 == 2 -> "X"; the only letter, always upper case
    assert check_char("11010519491231002") == "X"


@given(regions, birth_dates, sequences, st.integers(min_value=0, max_value=17), st.data())
def test_any_single_character_change_is_caught(
    region: str, born: datetime.date, seq: int, position: int, data: st.DataObject
) -> None:
    number = make(region, born, seq)
    alphabet = "0123456789X" if position == 17 else "0123456789"
    new = data.draw(st.sampled_from([c for c in alphabet if c != number[position]]))
    corrupted = number[:position] + new + number[position + 1 :]

    # stdnum tests the checksum before anything else, so it names the real cause.
    with pytest.raises(stdnum_errors.InvalidChecksum):
        ric.validate(corrupted)

    try:
        stdnum_date: datetime.date | None = ric.get_birth_date(corrupted)
    except stdnum_errors.InvalidComponent:
        stdnum_date = None
    if corrupted[-1] != "X" and (
        corrupted.endswith("000") or str(int(float(round(int(corrupted), -3)))) == corrupted
    ):
        expected = "id_float_mangled"  # looks like Excel's 15 digits: that explains the rest
    elif corrupted[:2] not in [*STDNUM_PROVINCES, "83"]:
        expected = "id_bad_region"
    elif stdnum_date is None or not datetime.date(1880, 1, 1) <= stdnum_date <= TODAY:
        expected = "id_bad_date"  # the more precise complaint wins
    else:
        expected = "id_bad_checksum"
    assert error_code(corrupted) == expected


@given(regions, birth_dates, sequences, st.integers(min_value=0, max_value=16))
def test_adjacent_transposition_is_caught(
    region: str, born: datetime.date, seq: int, position: int
) -> None:
    number = make(region, born, seq)
    a, b = number[position], number[position + 1]
    assume(a != b and b != "X")
    swapped = number[:position] + b + a + number[position + 2 :]
    assert check_char(swapped[:17]) != swapped[17]
    assert not is_valid(swapped)


# --- region codes -------------------------------------------------------------------------------


def test_superseded_region_code_is_accepted_though_stdnum_rejects_it() -> None:
    # 长兴县 got code 330522 in 1983; a man born there in 1958 was issued a number with it.
    number = make("330522", datetime.date(1958, 3, 15), 123)
    assert number == "330522195803151238"
    idn = parse(number, today=TODAY)
    assert (idn.region, idn.birth_date, idn.sex) == ("330522", datetime.date(1958, 3, 15), "男")

    # stdnum agrees on the check character and date but refuses the region for that year...
    assert stdnum_check(number[:17]) == "8"
    assert ric.get_birth_date(number) == datetime.date(1958, 3, 15)
    with pytest.raises(stdnum_errors.InvalidComponent):
        ric.validate(number)
    with pytest.raises(stdnum_errors.InvalidComponent):
        ric.get_birth_place(number)
    # ...while the same code is fine for someone born after 1983: only the year differs.
    later = make("330522", datetime.date(1990, 3, 15), 123)
    assert ric.get_birth_place(later)["county"] == "长兴县"
    assert ric.validate(later) == later


def test_region_missing_from_every_list_is_accepted_if_the_province_is_real() -> None:
    number = make("339999", datetime.date(1970, 1, 1), 11)
    with pytest.raises((stdnum_errors.ValidationError, KeyError)):
        ric.validate(number)  # stdnum 2.2 even crashes (KeyError 'county') on an unknown county
    assert parse(number, today=TODAY).region == "339999"


def test_province_prefixes_are_gbt2260_plus_taiwan_residence_permits() -> None:
    assert sorted(idnumber.PROVINCE_PREFIXES) == sorted([*STDNUM_PROVINCES, "83"])
    assert STDNUM_PROVINCES[:3] == ["11", "12", "13"] and "46" in STDNUM_PROVINCES


@pytest.mark.parametrize(
    "prefix", ["00", "10", "16", "20", "24", "30", "38", "55", "66", "84", "91"]
)
def test_impossible_province_is_rejected(prefix: str) -> None:
    number = make(prefix + "0101", datetime.date(1970, 1, 1), 11)
    assert error_code(number) == "id_bad_region"


def test_taiwan_residence_permit_prefix_is_accepted() -> None:
    assert parse(make("830000", datetime.date(1990, 5, 6), 7), today=TODAY).region == "830000"


# --- normalisation ------------------------------------------------------------------------------

VALID = "330522195803151238"
VALID_X = "11010519491231002X"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("３３０５２２１９５８０３１５１２３８", VALID),  # full-width digits
        ("１１０１０５１９４９１２３１００２Ｘ", VALID_X),  # full-width X
        ("１１０１０５１９４９１２３１００２ｘ", VALID_X),  # full-width lower-case x
        ("11010519491231002x", VALID_X),
        ("330522 19580315 1238", VALID),
        ("330522\u300019580315\u30001238", VALID),  # ideographic space
        ("\u00a0330522\u00a019580315\u00a01238\u00a0", VALID),  # no-break space
        ("\t330522\u2009195803151238\r\n", VALID),  # tab, thin space, line end
        ("330522-19580315-1238", VALID),
        ("330522–19580315—1238", VALID),  # en and em dash
        ("330522－19580315\u22121238", VALID),  # full-width hyphen, minus sign
        ("\ufeff330522\u200b195803151238", VALID),  # BOM, zero-width space
        ("'330522195803151238", VALID),  # Excel's text marker
        ("\u2018330522195803151238", VALID),  # ... after Word's autocorrect
        ("  '11010519491231002x ", VALID_X),
        ("＇３３０５２２１９５８０３１５１２３８", VALID),  # full-width apostrophe
    ],
)
def test_normalise_and_parse(raw: str, expected: str) -> None:
    assert normalise(raw) == expected
    idn = parse(raw, today=TODAY)
    assert idn.number == expected
    assert idn.original == raw


def test_normalise_is_idempotent_and_keeps_unknown_characters() -> None:
    assert normalise("33a 5") == "33A5"
    assert normalise(normalise(" ３３０-５ ")) == "3305"
    assert normalise("") == ""
    # Other scripts' digits are not silently turned into ASCII ones.
    assert error_code("٣٣٠٥٢٢١٩٥٨٠٣١٥١٢٣٨") == "id_bad_chars"
    assert error_code("33052219580315123²") == "id_bad_chars"


separators = st.lists(
    st.sampled_from([" ", "\u3000", "\u00a0", "-", "\u2013", "\t", "\u200b"]), max_size=2
).map("".join)


@given(regions, birth_dates, sequences, st.lists(separators, min_size=18, max_size=18))
def test_separators_anywhere_do_not_matter(
    region: str, born: datetime.date, seq: int, seps: list[str]
) -> None:
    number = make(region, born, seq)
    decorated = "".join(sep + ch for sep, ch in zip(seps, number, strict=True))
    assert parse(decorated, today=TODAY).number == number


@given(regions, birth_dates, sequences)
def test_full_width_lower_case_form_parses_the_same(
    region: str, born: datetime.date, seq: int
) -> None:
    number = make(region, born, seq)
    wide = "".join(chr(ord(c) + 0xFEE0) for c in number.lower())
    assert parse(wide, today=TODAY).number == number


# --- legacy 15-digit numbers --------------------------------------------------------------------


def test_upgrade15_by_hand_and_against_stdnum() -> None:
    # stdnum has no 15 -> 18 conversion; the expected value is worked by hand above
    # (test_check_char_by_hand) and the check character confirmed by stdnum.
    assert upgrade15("330522580315123") == "330522195803151238"
    assert upgrade15("110105491231002") == "11010519491231002X"
    assert ric.is_valid(upgrade15("360426910101007"))


@given(regions, st.dates(datetime.date(1900, 1, 1), datetime.date(1999, 12, 31)), sequences)
def test_parse_upgrades_15_digit_numbers(region: str, born: datetime.date, seq: int) -> None:
    number15 = f"{region}{born:%y%m%d}{seq:03d}"
    idn = parse(number15, today=TODAY)
    assert idn.legacy15 is True
    assert idn.original == number15
    assert idn.number == upgrade15(number15) == make(region, born, seq)
    assert idn.number[17] == stdnum_check(idn.number[:17])
    assert idn.birth_date == born == ric.get_birth_date(idn.number)
    assert idn.sex == (SEX_MALE if seq % 2 else SEX_FEMALE)


def test_15_digit_number_from_a_spreadsheet_number_is_exact() -> None:
    # Doubles hold 15-digit integers exactly, and so does Excel.
    for raw in (330522580315123.0, 330522580315123, "330522580315123.0"):
        idn = parse(raw, today=TODAY)
        assert (idn.number, idn.legacy15) == (VALID, True)


def test_15_digit_number_cannot_end_in_x() -> None:
    assert error_code("33052258031512X") == "id_bad_chars"


def test_upgrade15_and_check_char_refuse_bad_input() -> None:
    for bad in ("33052258031512", "3305225803151234", "33052258031512X", "٣٣٠٥٢٢٥٨٠٣١٥١٢٣"):
        with pytest.raises(ValueError):
            upgrade15(bad)
    for bad in ("3305221958031512", "330522195803151238", "3305221958031512²"):
        with pytest.raises(ValueError):
            check_char(bad)


# --- sex and dates ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("seq", "sex"), [(1, "男"), (2, "女"), (0, "女"), (999, "男"), (120, "女")]
)
def test_sex_comes_from_the_sequence_parity(seq: int, sex: str) -> None:
    assert parse(make("330502", datetime.date(1960, 1, 1), seq), today=TODAY).sex == sex


@pytest.mark.parametrize(
    ("yyyymmdd", "ok"),
    [
        ("19000229", False),  # 1900 is not a leap year
        ("20230229", False),
        ("19580230", False),
        ("19581301", False),
        ("19580001", False),
        ("19580100", False),
        ("20000229", True),  # 2000 is
        ("20240229", True),
        ("18791231", False),
        ("18800101", True),
        ("20250630", True),  # TODAY
        ("20250701", False),  # tomorrow
        ("20990101", False),
    ],
)
def test_birth_dates(yyyymmdd: str, ok: bool) -> None:
    number = with_check("330502" + yyyymmdd + "123")
    if ok:
        assert parse(number, today=TODAY).birth_date == ric.get_birth_date(number)
    else:
        assert error_code(number) == "id_bad_date"


def test_15_digit_feb_29_1900_is_rejected() -> None:
    assert error_code("330502000229123") == "id_bad_date"
    assert parse("330502960229123", today=TODAY).birth_date == datetime.date(1996, 2, 29)


def test_future_date_depends_on_today() -> None:
    number = make("330502", datetime.date(2025, 7, 1), 12)
    assert error_code(number, today=TODAY) == "id_bad_date"
    assert parse(number, today=datetime.date(2025, 7, 1)).birth_date == datetime.date(2025, 7, 1)
    assert error_code(make("330502", datetime.date.today() + datetime.timedelta(days=1), 1))
    assert not is_valid(make("330502", datetime.date.today() + datetime.timedelta(days=1), 1))
    assert is_valid(make("330502", datetime.date.today(), 1))


def test_mismatches() -> None:
    idn = parse(VALID, today=TODAY)  # 1958-03-15, 男
    assert mismatches(idn) == []
    assert mismatches(idn, sex="男", birth_date=datetime.date(1958, 3, 15)) == []
    assert mismatches(idn, sex="女") == ["sex_mismatch"]
    assert mismatches(idn, birth_date=datetime.date(1958, 3, 16)) == ["birth_date_mismatch"]
    assert mismatches(idn, sex="女", birth_date=datetime.date(1958, 5, 3)) == [
        "sex_mismatch",
        "birth_date_mismatch",
    ]
    female = parse(VALID_X, today=TODAY)
    assert mismatches(female, sex="男") == ["sex_mismatch"]
    assert mismatches(female, sex="女") == []


# --- numbers that went through a float ----------------------------------------------------------


def test_float_from_excel_is_mangled() -> None:
    cell = 3.30522195803151e17  # what openpyxl / calamine return for 330522195803151238
    assert error_code(cell) == "id_float_mangled"
    assert error_code(float(VALID)) == "id_float_mangled"


@pytest.mark.parametrize(
    "raw",
    [
        "3.30522195803151E+17",
        "3.30522195803151e+17",
        "3.30522E+17",
        "3,30522195803151E+17".replace(",", "."),
        "３．３０５２２１９５８０３１５１Ｅ＋１７",
        " 3.30522195803151E17 ",
        "330522195803151238.0",
    ],
)
def test_float_text_is_mangled(raw: str) -> None:
    assert error_code(raw) == "id_float_mangled"


def test_excel_display_with_trailing_zeros_is_mangled() -> None:
    # 330522195803152345 typed into a number cell reads back as ...152000: checksum fails.
    real = make("330522", datetime.date(1958, 3, 15), 234)
    shown = excel_text(real)
    assert shown == "330522195803152000"
    assert stdnum_check(shown[:17]) != "0"
    assert error_code(shown) == "id_float_mangled"
    assert error_code(int(shown)) == "id_float_mangled"
    # Python's int() of a cell's float gives the nearest double, not ...000.
    assert str(int(3.30522195803151e17)) == "330522195803150976"
    assert stdnum_check("33052219580315097") != "6"
    assert error_code(int(3.30522195803151e17)) == "id_float_mangled"
    assert error_code("330522195803150976") == "id_float_mangled"
    # A typo that is merely near a multiple of 1000 is still a typo.
    assert stdnum_check("33052219580315097") != "7"
    assert error_code("330522195803150977") == "id_bad_checksum"


def test_valid_number_ending_in_000_is_accepted() -> None:
    # 330522195803151000 is itself a valid number (sequence 100, check character 0): a real
    # person may hold it, so the text cannot be refused even though Excel could also produce it.
    # Importers must pass the cell's float, which is always refused.
    assert stdnum_check("33052219580315100") == "0"
    assert parse("330522195803151000", today=TODAY).sex == SEX_FEMALE
    assert error_code(3.30522195803151e17) == "id_float_mangled"


@given(regions, birth_dates, sequences)
@example("330522", datetime.date(1958, 3, 15), 123)
def test_any_number_through_a_float_is_refused_or_unchanged(
    region: str, born: datetime.date, seq: int
) -> None:
    number = make(region, born, seq)
    assume(number[-1] != "X")  # such numbers are text in Excel anyway
    assert error_code(float(number)) == "id_float_mangled"
    assert error_code(f"{float(number):.14E}") == "id_float_mangled"

    shown = excel_text(number)
    if stdnum_check(shown[:17]) == shown[17]:
        assert parse(shown, today=TODAY).number == shown  # indistinguishable from a real one
    else:
        assert error_code(shown) == "id_float_mangled"

    through_double = int(float(number))
    if through_double == int(number):
        assert parse(through_double, today=TODAY).number == number
    elif stdnum_check(str(through_double)[:17]) != str(through_double)[17]:
        assert error_code(through_double) == "id_float_mangled"


def test_number_types_that_cannot_be_ids() -> None:
    assert error_code(1.5) == "id_bad_chars"
    assert error_code(math.nan) == "id_bad_chars"
    assert error_code(math.inf) == "id_bad_chars"
    assert error_code(-330522195803151238) == "id_bad_chars"
    assert error_code(True) == "id_bad_chars"
    assert error_code("1.5") == "id_bad_chars"
    assert error_code(1234567.0) == "id_bad_length"
    with pytest.raises(TypeError):
        parse([VALID], today=TODAY)  # type: ignore[arg-type]


# --- error codes, mask, make --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "code", "params"),
    [
        ("", "id_empty", {}),
        ("  \u3000 ", "id_empty", {}),
        ("'", "id_empty", {}),
        (None, "id_empty", {}),
        ("33052219580315123A", "id_bad_chars", {"chars": "A"}),
        ("3305221958O315123X", "id_bad_chars", {"chars": "O"}),
        ("33052219580315X238", "id_bad_chars", {"chars": "X"}),
        ("33052219580315123", "id_bad_length", {"length": 17}),
        ("3305221958031512381", "id_bad_length", {"length": 19}),
        ("33052219580315123X5", "id_bad_chars", {"chars": "X"}),
        ("1234", "id_bad_length", {"length": 4}),
        ("000000195803151238", "id_bad_region", {"region": "000000"}),
        ("330522195802301238", "id_bad_date", {"date": "19580230"}),
        ("330522195803151239", "id_bad_checksum", {}),
        ("33052219580315123X", "id_bad_checksum", {}),
        ("3.3E+17", "id_float_mangled", {"value": "3.3E+17"}),
    ],
)
def test_error_codes(raw: str | None, code: str, params: dict[str, object]) -> None:
    with pytest.raises(ValidationError) as info:
        parse(raw, today=TODAY)
    assert info.value.codes() == {"id_number": code}
    assert dict(info.value.problems[0].params) == params
    if raw is not None:
        assert not is_valid(raw)


@pytest.mark.parametrize(
    ("number", "masked"),
    [
        ("330502195803151238", "330502********1238"),
        ("33050219580315123X", "330502********123X"),
        ("330502 1958 0315 123x", "330502********123X"),
        ("330502580315123", "330502*****5123"),
        ("33050219580", "33*******80"),
        ("12345", "12*45"),
        ("1234", "****"),
        ("", ""),
    ],
)
def test_mask(number: str, masked: str) -> None:
    assert mask(number) == masked
    assert len(mask(number)) == len(normalise(number))


@given(regions, birth_dates, sequences)
def test_mask_hides_birth_date_and_keeps_the_rest(
    region: str, born: datetime.date, seq: int
) -> None:
    number = make(region, born, seq)
    assert mask(number) == region + "********" + number[14:]


def test_make_refuses_bad_arguments() -> None:
    born = datetime.date(1960, 1, 1)
    for bad_region in ("33052", "3305221", "33O522", "３３０５２２"):
        with pytest.raises(ValueError):
            make(bad_region, born, 1)
    for bad_seq in (-1, 1000):
        with pytest.raises(ValueError):
            make("330522", born, bad_seq)
    assert make("330522", born, 0)[14:17] == "000"


def test_id_number_is_frozen() -> None:
    idn = parse(VALID, today=TODAY)
    with pytest.raises(dataclasses.FrozenInstanceError):
        idn.number = "x"  # type: ignore[misc]
