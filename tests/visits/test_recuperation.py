"""Recuperation: eligibility explained, priority order, quota, once a year across all levels,
decline and replace from the waiting list, history (last year)."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.database import Database
from desktop.errors import ValidationError
from desktop.services.permissions import Actor
from desktop.services.visits.recuperation import BatchDraft, RecuperationService
from tests.visits.support import add_people


def draft(year: int = 2027, quota: int = 2, organiser: str = "市总") -> BatchDraft:
    return BatchDraft(year=year, name=f"{year}年{organiser}劳模疗休养", destination="舟山",
                      start_date=dt.date(year, 5, 10), end_date=dt.date(year, 5, 14), days=5,
                      quota=quota, cost_per_day_fen=60000, organiser=organiser)


def test_bad_batch_is_refused(db: Database, admin: Actor) -> None:
    svc = RecuperationService(db.sessions, admin)
    bad = BatchDraft(year=2027, name="", destination="舟山", start_date=dt.date(2027, 5, 10),
                     end_date=dt.date(2027, 5, 1), days=5, quota=0, cost_per_day_fen=-1,
                     organiser="乡镇")
    with pytest.raises(ValidationError) as err:
        svc.create_batch(bad)
    assert set(err.value.codes()) == {"batch_name", "end_date", "quota", "cost_per_day",
                                      "organiser"}
    assert svc.batches() == []


def test_eligibility_priority_quota_and_replacement(db: Database, admin: Actor) -> None:
    ids = add_people(db)
    svc = RecuperationService(db.sessions, admin)
    old = svc.create_batch(draft(2025, quota=1))
    svc.confirm(svc.nominate(old, ids["奖章壬"]))
    bid = svc.create_batch(draft())
    rows = {r.name: r for r in svc.eligibility(bid)}
    assert "全国甲" not in rows  # over age: not listed, but explained on request
    over = svc.explain(bid, ids["全国甲"])
    assert not over.eligible and "超过 65 岁" in over.explanation
    assert rows["奖章壬"].last_year == 2025
    assert "县级丁" not in rows
    ranked = [r.name for r in svc.eligibility(bid) if r.eligible]
    assert ranked == ["吴兴辛", "省级乙", "市级丙", "奖章壬"]  # sent in 2025: last
    with pytest.raises(ValidationError) as err:
        svc.nominate(bid, ids["全国甲"])
    assert err.value.codes() == {"person": "recuperation_over_age"}
    assert svc.fill(bid) == 2
    with pytest.raises(ValidationError) as err:
        svc.nominate(bid, ids["市级丙"])
    assert err.value.codes() == {"quota": "recuperation_quota_full"}
    roster = {r.name: r for r in svc.roster(bid)}
    assert set(roster) == {"吴兴辛", "省级乙"}
    with pytest.raises(ValidationError):
        svc.decline(roster["吴兴辛"].entry_id, "")
    svc.decline(roster["吴兴辛"].entry_id, "家中有事")
    new = svc.replace(roster["吴兴辛"].entry_id)
    roster = {r.name: r for r in svc.roster(bid)}
    assert roster["市级丙"].entry_id == new
    assert (roster["吴兴辛"].status, roster["吴兴辛"].decline_reason) == ("replaced", "家中有事")
    svc.confirm(roster["省级乙"].entry_id)
    # at most once a year across all levels
    other = svc.create_batch(draft(organiser="省总"))
    with pytest.raises(ValidationError) as err:
        svc.nominate(other, ids["省级乙"])
    assert err.value.codes() == {"person": "recuperation_already_this_year"}
    assert svc.last_years([ids["省级乙"], ids["奖章壬"]]) == {
        ids["省级乙"]: 2027, ids["奖章壬"]: 2025}


def test_a_refusal_names_the_failed_checks_in_the_reader_s_language() -> None:
    """The checks a person fails are made in both languages; the English message says them in
    English (they were the Chinese check texts)."""
    from desktop.core.texts import problem_text
    from desktop.errors import FieldProblem

    problem = FieldProblem("person", "recuperation_not_eligible",
                           {"name": "张三", "why": "出生日期未登记",
                            "why_en": "birth date not recorded"})
    assert problem_text(problem, "en").endswith("not eligible for this batch: "
                                                "birth date not recorded")
    assert problem_text(problem).endswith("不符合本批次疗休养条件：出生日期未登记")


def test_the_roster_keeps_the_waiting_list_order(db: Database, admin: Actor) -> None:
    """Walk-through (December 2026): every entry took priority 1 (its rank among itself
    alone), so the printed 疗休养名单 came in no order (the first on the waiting list stood
    11th). Filled, nominated by hand or replaced, an entry keeps its place on the list."""
    add_people(db)
    svc = RecuperationService(db.sessions, admin)
    bid = svc.create_batch(draft(quota=3))
    waiting = [r for r in svc.eligibility(bid) if r.eligible]
    assert len(waiting) >= 4
    svc.nominate(bid, waiting[2].person_id)  # by hand, the third on the list
    svc.fill(bid)
    assert [r.name for r in svc.roster(bid)] == [r.name for r in waiting[:3]]
    first = next(r for r in svc.roster(bid) if r.name == waiting[0].name)
    svc.decline(first.entry_id, "身体原因")
    svc.replace(first.entry_id)
    going = [r.name for r in svc.roster(bid, include_declined=False)
             if r.status == "nominated"]
    assert going == [r.name for r in waiting[1:4]]
