"""The standards table's service: a county sets the general rows and its own district's only,
the 低保 line needs an amount, and a year's rows are copied into the next without overwriting
what the new year already has."""

from __future__ import annotations

import pytest

from desktop.database import Database
from desktop.errors import PermissionDenied, ValidationError
from desktop.services.hardship.rules import DIBAO
from desktop.services.permissions import Actor
from tests.conftest import initialise
from tests.hardship_support import CAST, service


def test_a_county_sets_general_and_own_district_rows_only(db: Database, admin: Actor) -> None:
    hardship = service(db, CAST["admin"])
    assert hardship.standard_districts() == ["长兴县"]
    hardship.set_standard(2027, "助学", amount=100_000, district="长兴县")
    with pytest.raises(ValidationError) as caught:
        hardship.set_standard(2027, "助学", amount=100_000, district="吴兴区")
    assert caught.value.codes() == {"district": "standard_district_not_own"}
    with pytest.raises(ValidationError) as caught:
        hardship.set_standard(2027, DIBAO, amount=None)
    assert caught.value.codes() == {"amount": "value_required"}
    assert [(r.kind, r.district) for r in hardship.standards(2027)] == [("助学", "长兴县")]


def test_the_city_sets_any_of_its_districts(db: Database) -> None:
    initialise(db, "湖州市")
    hardship = service(db, CAST["admin"])
    assert "吴兴区" in hardship.standard_districts()
    assert "湖州市" not in hardship.standard_districts()  # the general row is the city's
    hardship.set_standard(2027, "助学", amount=100_000, district="吴兴区")
    assert [r.district for r in hardship.standards(2027)] == ["吴兴区"]


def test_copying_a_year_keeps_what_the_new_year_has(db: Database, admin: Actor) -> None:
    hardship = service(db, CAST["admin"])
    hardship.set_standard(2026, DIBAO, amount=120_000, note="月低保")
    hardship.set_standard(2026, "医疗救助", amount=5_000_000, ratio_pct=60)
    hardship.set_standard(2026, "春节慰问金", amount=200_000, district="长兴县", per_year=1)
    hardship.set_standard(2027, DIBAO, amount=125_000)
    assert hardship.copy_standards(2026, 2027) == (2, 1)
    got = {(r.kind, r.district): r for r in hardship.standards(2027)}
    assert got[(DIBAO, "")].amount == 125_000  # not overwritten
    assert (got[("医疗救助", "")].amount, got[("医疗救助", "")].ratio_pct) == (5_000_000, 60)
    assert got[("春节慰问金", "长兴县")].per_year == 1
    assert hardship.copy_standards(2026, 2027) == (0, 3)
    with pytest.raises(ValidationError) as caught:
        hardship.copy_standards(2020, 2021)
    assert caught.value.codes() == {"year": "standards_none_to_copy"}
    with pytest.raises(PermissionDenied):
        service(db, CAST["clerk"]).copy_standards(2026, 2028)
    assert hardship.standards(2028) == []
