"""``laomo demo`` also makes hardship files in every state, consistent with the rules the
services keep (history, in_hardship flag, payments within the standards)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from desktop.models import HardshipCase, HardshipPayment, HardshipStep, Person
from desktop.services.demo.service import DemoService
from desktop.services.hardship.lists import HardshipLists
from desktop.services.hardship.payments import rule_problems
from desktop.services.hardship.service import HardshipService
from desktop.services.permissions import Actor, Role
from tests.demo.test_demo import Setup, make_db

TODAY = dt.date.today()


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Setup]:
    setup = make_db(tmp_path_factory.mktemp("demo_hardship"))
    DemoService(setup.db.sessions, setup.admin).generate(1500, seed=5)
    yield setup
    setup.db.dispose()


def test_every_state_with_a_matching_history(demo: Setup) -> None:
    with demo.db.read_sessions.begin() as s:
        cases = s.execute(select(HardshipCase.id, HardshipCase.status)).all()
        steps = s.execute(select(HardshipStep.case_id, HardshipStep.seq, HardshipStep.action,
                                 HardshipStep.to_status, HardshipStep.at)
                          .order_by(HardshipStep.case_id, HardshipStep.seq)).all()
        persons = s.execute(select(Person.id, Person.in_hardship)).all()
        active = set(s.scalars(select(HardshipCase.person_id).where(
            HardshipCase.status.in_(("approved", "review")))))
    states = Counter(st for _i, st in cases)
    assert set(states) == {"draft", "submitted", "verified", "notice", "approved", "review",
                           "rejected", "closed"}
    assert 100 <= len(cases) <= 200  # about one person in ten
    last: dict[object, tuple[int, str, str]] = {}
    when: dict[object, dt.datetime] = {}
    for case_id, seq, action, to_status, at in steps:
        assert seq == last.get(case_id, (0, "", ""))[0] + 1  # dense, in order
        assert at >= when.get(case_id, at)  # and in time order
        last[case_id] = (seq, action, to_status)
        when[case_id] = at
    for case_id, status in cases:
        _seq, action, to_status = last[case_id]
        assert to_status == status or (action == "payment" and status == "approved"), (
            case_id, status, action)
    assert {pid for pid, flag in persons if flag} == active


def test_demo_payments_keep_the_standards(demo: Setup) -> None:
    with demo.db.read_sessions.begin() as s:
        payments = s.scalars(select(HardshipPayment)).all()
        assert payments
        for p in payments[:200]:
            case = s.get(HardshipCase, p.case_id)
            assert case is not None
            # the rule check counts this payment itself against "per year": leave it out
            broken = [x.code for x in rule_problems(s, case, p.kind, p.amount, p.paid_on,
                                                    p.medical_self_paid)
                      if x.code != "payment_per_year"]
            assert broken == [], (p.kind, p.amount, broken)


def test_a_real_reviewer_can_act_on_demo_files(demo: Setup) -> None:
    reviewer = Actor(99, "rev9", "审核员", Role.REVIEWER)
    lists = HardshipLists(demo.db.read_sessions, reviewer).work_lists()
    assert lists.waiting_for_me
    submitted = next(r for r in lists.waiting_for_me if r.status == "submitted")
    HardshipService(demo.db.sessions, reviewer).verify(
        submitted.id, on=TODAY, by="李干事", method="入户", findings="属实", opinion="同意")
    assert HardshipService(demo.db.sessions, reviewer).get(submitted.id).status == "verified"
