"""The one money helper: fen ↔ yuan text, rounding half up, 大写金额."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.money import (
    MoneyError,
    parse_yuan,
    to_fen,
    to_yuan,
    yuan,
    yuan_capital,
    yuan_plain,
)

FEN = st.integers(min_value=-10**14, max_value=10**14)


@given(FEN)
def test_format_and_parse_round_trip(fen: int) -> None:
    assert parse_yuan(yuan(fen)) == fen
    assert parse_yuan(yuan_plain(fen)) == fen
    assert to_fen(to_yuan(fen)) == fen


@given(st.decimals(min_value=-10**9, max_value=10**9, places=3))
def test_to_fen_rounds_half_up_like_decimal(value: Decimal) -> None:
    expected = int((value * 100).quantize(Decimal(1), rounding="ROUND_HALF_UP"))
    assert to_fen(value) == expected == parse_yuan(str(value))


def test_formats() -> None:
    assert yuan(123450) == "1,234.50"
    assert yuan(200000) == "2,000.00"
    assert yuan(5) == "0.05"
    assert yuan(-5) == "-0.05"
    assert yuan(None) == "" and yuan_plain(None) == ""
    assert yuan_plain(123456789) == "1234567.89"
    assert to_yuan(150) == Decimal("1.50")


def test_parse_accepts_what_people_type_and_rounds_half_up() -> None:
    assert parse_yuan("1234.5") == 123450
    assert parse_yuan(" 1,234.50 ") == 123450
    assert parse_yuan("¥12") == 1200
    assert parse_yuan("12元") == 1200
    assert parse_yuan(".5") == 50
    assert parse_yuan("0.005") == 1  # half up, not banker's rounding (which gives 0)
    assert parse_yuan("0.025") == 3
    assert parse_yuan("-0.015") == -2
    assert to_fen(Decimal("2.675")) == 268


@pytest.mark.parametrize("text", ["", "abc", "1.2.3", "1,23", "12 34", "一百", "1e3", "nan"])
def test_parse_refuses_with_the_text_in_the_message(text: str) -> None:
    with pytest.raises(MoneyError) as err:
        parse_yuan(text)
    assert f"“{text}”" in str(err.value)


@pytest.mark.parametrize(("fen", "words"), [
    (1234550, "壹万贰仟叁佰肆拾伍元伍角"),
    (0, "零元整"),
    (10000, "壹佰元整"),
    (10005, "壹佰元零伍分"),
    (5, "伍分"),
    (50, "伍角"),
    (1000, "壹拾元整"),
    (100000100, "壹佰万零壹元整"),
    (1000100000, "壹仟万零壹仟元整"),
    (10000000100, "壹亿零壹元整"),
    (1001000000, "壹仟零壹万元整"),
    (550050, "伍仟伍佰元伍角"),
    (100010000, "壹佰万零壹佰元整"),
    (12345678912345, "壹仟贰佰叁拾肆亿伍仟陆佰柒拾捌万玖仟壹佰贰拾叁元肆角伍分"),
    (-100, "负壹元整"),
])
def test_capital(fen: int, words: str) -> None:
    assert yuan_capital(fen) == words


@given(st.integers(min_value=1, max_value=10**17))
def test_capital_is_well_formed(fen: int) -> None:
    words = yuan_capital(fen)
    assert "零零" not in words and not words.startswith("零")
    assert words.endswith(("整", "角", "分"))
    assert "元零" not in words or fen % 100 < 10
