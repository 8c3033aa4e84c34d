"""The person rules skip empty fields and look limits and code tables up once (an import checks
50,000 drafts): None, "" and blanks must still be told apart exactly as before, and a too-long
text or an unknown code still found (issue 14)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

import pytest

from desktop.errors import FieldProblem
from desktop.services.register.rules import (
    Stored,
    check_draft,
    given_person_values,
    person_values,
)
from desktop.services.register.types import PersonDraft
from tests.person_support import ID_MALE, draft, full_draft, honor

TODAY = dt.date(2026, 12, 3)


def problems_of(d: PersonDraft, stored: Stored | None = None) -> list[FieldProblem]:
    found, _ = check_draft(d, today=TODAY, **({"stored": stored} if stored else {}))
    return found


@pytest.mark.parametrize("value", [None, "", "   ", "\u3000"])
def test_an_empty_text_or_code_field_is_no_problem_and_not_stored(value: str | None) -> None:
    d = draft(degree=value, ethnicity=value, education=value, postcode=value,
              employment_status=value, notes=value)
    assert problems_of(d) == []
    _, resolved = check_draft(d, today=TODAY)
    values = person_values(d, resolved)
    assert {values[f] for f in ("degree", "ethnicity", "education", "postcode", "notes")} \
        == {None}
    assert "degree" not in given_person_values(d, resolved)


def test_text_is_measured_trimmed_and_an_honor_text_as_typed() -> None:
    # degree holds 20 characters: the blanks around 20 do not count, a 21st does
    assert problems_of(draft(degree=f"  {'学' * 20}  ", work_unit="  长兴纺织  ")) == []
    assert problems_of(draft(degree="学" * 21, notes="备" * 5000)) == [
        FieldProblem("degree", "too_long", {"maximum": 20})]
    title = "劳" * 100
    assert problems_of(draft(honors=(honor(title, "省部级", 2010),))) == []
    assert problems_of(draft(honors=(honor(title + " ", "省部级", 2010),
                                     honor("   ", "市级", 2011, session="届" * 41)))) == [
        FieldProblem("honors[0].title", "too_long", {"maximum": 100}),
        FieldProblem("honors[1].title", "value_required"),
        FieldProblem("honors[1].session", "too_long", {"maximum": 40}),
    ]


def test_codes_are_trimmed_and_looked_up_in_every_table_of_the_field() -> None:
    # 10 is a top-level education code, 21 one of the detailed examples
    assert problems_of(draft(education=" 21 ", ethnicity="01 ", marital_status="20")) == []
    assert problems_of(draft(education="10")) == []
    assert problems_of(draft(ethnicity=" 99x ", education="2", employment_status="退休 ",
                             postcode="31310")) == [
        FieldProblem("ethnicity", "code_unknown", {"value": "99x"}),
        FieldProblem("education", "code_unknown", {"value": "2"}),
        FieldProblem("employment_status", "code_unknown", {"value": "退休"}),
        FieldProblem("postcode", "digits_required", {"digits": 6}),
        FieldProblem("ethnicity", "too_long", {"maximum": 2}),
    ]


def test_a_stored_honor_may_be_named_once() -> None:
    kept = uuid.uuid4()
    stored = Stored(ID_MALE, False, None, frozenset({kept}))
    first = honor("浙江省劳动模范", "省部级", 2010, id=kept)
    assert problems_of(draft(honors=(first,)), stored) == []
    assert problems_of(draft(honors=(first, first)), stored) == [
        FieldProblem("honors[1].id", "honor_unknown")]
    assert problems_of(draft(honors=(first,))) == [FieldProblem("honors[0].id", "honor_unknown")]


@pytest.mark.parametrize("changes", [
    {},
    {"sex": None, "treatment_override": "市级", "treatment_override_reason": "  县里认定  "},
    {"treatment_override": "", "treatment_override_reason": "有理由"},
    {"treatment_override": None, "treatment_override_reason": "有理由"},
    {"phone": " ", "mobile": "", "notes": "  备注 ", "monthly_income": Decimal("0.005"),
     "household_size": 0, "is_farmer_model": False},
])
def test_given_values_are_the_filled_person_values_in_order(changes: dict[str, Any]) -> None:
    for base in (draft(), full_draft()):
        d = dataclasses.replace(base, **changes)
        _, resolved = check_draft(d, today=TODAY)
        every = person_values(d, resolved)
        assert list(every)[:3] == ["sex", "ethnicity", "political_status"]
        assert len(every) == 41  # every own column of the draft, filled or not
        given = given_person_values(d, resolved)
        assert list(given.items()) == [(k, v) for k, v in every.items() if v is not None]


def test_names_of_han_characters_pass_and_others_are_named() -> None:
    for name in ("王〇", "\U00020bb7\U00021484荣", "\u9fff\u3400\U0002a700\U000323af",
                 "阿依古丽·买买提"):
        assert problems_of(draft(name=name)) == [], name
    assert problems_of(draft(name="王a\u4dc0 1")) == [  # U+4DC0 lies between two blocks
        FieldProblem("name", "name_invalid_chars", {"chars": " 1a\u4dc0"})]
    assert problems_of(draft(name="王··明")) == [
        FieldProblem("name", "name_invalid_chars", {"chars": "·"})]
    assert problems_of(draft(name="王" * 51)) == [
        FieldProblem("name", "too_long", {"maximum": 50})]
