"""The English words of the reference lists cover the lists the windows offer, one English word
for each Chinese one (issue 14, point 3)."""

from __future__ import annotations

import json
import re

import pytest

from desktop.core import reference_words as w
from desktop.core.reference import code_table, codes
from desktop.core.vocabulary import Words
from desktop.paths import resources_dir


def _list(name: str) -> set[str]:
    return {str(v) for v in codes()[name] if not str(v).startswith("(")}


@pytest.mark.parametrize(("table", "reference"), [
    (w.ETHNICITY, "ethnicity_GB_3304"), (w.POLITICAL, "political_GB_T_4762"),
    (w.MARITAL, "marital_GB_T_2261_2_2003"), (w.HUKOU_TYPE, "hukou_type"),
    (w.EMPLOYMENT, "employment_status_labor_model_survey_2014"),
])
def test_code_tables_are_complete(table: Words, reference: str) -> None:
    assert {code: zh for code, (zh, _) in table.items()} == code_table(reference)


def test_value_lists_are_covered() -> None:
    from desktop.models.visits import OCCASIONS
    from desktop.services.hardship.rules import (
        CLOSE_KINDS,
        DOCUMENT_TYPES,
        OLDER_CATEGORIES_DEFAULT,
        PAYMENT_KINDS,
        REJECT_REASONS,
        VERIFY_METHODS,
    )
    from desktop.services.visits.records import WAYS

    assert set(code_table("education_GB_T_4658_2006_top")) | set(
        code_table("education_GB_T_4658_2006_detail_examples")) == set(w.EDUCATION)
    assert _list("health_status_ACFTU_newer") | _list("health_status_ACFTU_older") <= set(w.HEALTH)
    for name, table in (("disability_types", w.DISABILITY_TYPE),
                        ("disability_grades", w.DISABILITY_GRADE),
                        ("industry_list_old_ACFTU", w.INDUSTRY),
                        ("unit_nature_partial", w.UNIT_TYPE)):
        assert _list(name) <= set(table), name
    assert set(PAYMENT_KINDS) == set(w.PAYMENT_KIND)
    assert set(VERIFY_METHODS) == set(w.VERIFY_METHOD)
    assert {code: zh for code, (zh, _) in w.REJECT_REASON.items()} == REJECT_REASONS
    assert set(CLOSE_KINDS) == set(w.CLOSE_KIND)
    assert set(OLDER_CATEGORIES_DEFAULT) == set(w.OLDER_CATEGORY)
    assert set(DOCUMENT_TYPES) == set(w.DOCUMENT_TYPE)
    assert set(OCCASIONS) == set(w.OCCASION)
    assert set(WAYS) == set(w.VISIT_WAY)
    calendar = json.loads((resources_dir() / "reference" / "holidays.json").read_text("utf-8"))
    names = {h["name"] for y in calendar["years"].values() for h in y["holidays"]}
    assert names | {"周末"} == set(w.HOLIDAY)


def test_one_english_word_for_each_chinese_one() -> None:
    tables = [v for v in vars(w).values() if isinstance(v, dict) and v
              and all(isinstance(p, tuple) for p in v.values())]
    assert len(tables) > 20
    for table in tables:
        english = [en for _, en in table.values()]
        assert len(set(english)) == len(english), english
        assert all(re.fullmatch(r"[A-Z][A-Za-z0-9 ',()/-]*", en) for en in english), english
    words = w.english_words()
    assert words["汉族"] == "Han" and words["群众"] == "Masses" and words["在职"] == "Employed"
