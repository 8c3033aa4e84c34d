"""``laomo demo`` also makes hardship files in every state, consistent with the rules the
services keep (history, in_hardship flag, payments within the standards)."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select

from desktop.models import (
    HardshipCase,
    HardshipMember,
    HardshipPayment,
    HardshipStep,
    Person,
    VisitCampaign,
)
from desktop.services.demo.service import DemoService
from desktop.services.hardship.lists import HardshipLists
from desktop.services.hardship.payments import rule_problems
from desktop.services.hardship.rules import WORKFLOW
from desktop.services.hardship.service import HardshipService
from desktop.services.hardship.workflow import makers_among, verifiers_among
from desktop.services.permissions import Actor, Role
from tests.demo.test_demo import Setup, make_db

TODAY = dt.date.today()
# the moment the demo is made: the morning, so that a step of the day at 16:55 would be later
NOW = dt.datetime(2026, 12, 4, 9, 30, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Setup]:
    setup = make_db(tmp_path_factory.mktemp("demo_hardship"))
    DemoService(setup.db.sessions, setup.admin).generate(1500, seed=5, now=NOW)
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


def _utc(at: dt.datetime) -> dt.datetime:
    return at if at.tzinfo is not None else at.replace(tzinfo=dt.UTC)


def test_no_demo_time_is_later_than_when_it_was_made(demo: Setup) -> None:
    """Steps of the day had random hours up to 17:00: a payment at 16:55 seen at 14:30."""
    with demo.db.read_sessions.begin() as s:
        # a file a real reviewer acted on in another test changed at the real time
        acted = select(HardshipStep.case_id).where(HardshipStep.actor.not_like("demo_%"))
        times = [*s.scalars(select(HardshipStep.at).where(HardshipStep.case_id.not_in(acted))),
                 *s.scalars(select(HardshipCase.created_at)),
                 *s.scalars(select(HardshipCase.updated_at).where(HardshipCase.id.not_in(acted))),
                 *s.scalars(select(HardshipPayment.created_at)),
                 *s.scalars(select(Person.created_at)),
                 *(a for a in s.scalars(select(VisitCampaign.approved_at)) if a)]
        today = list(s.scalars(select(HardshipStep.at).where(
            HardshipStep.at >= dt.datetime(2026, 12, 4))))
    assert today, "some steps of the day the demo was made"
    late = [t for t in times if t is not None and _utc(t) > NOW]
    assert late == []


def test_demo_files_keep_maker_checker(demo: Setup) -> None:
    """Each checking step by someone who did not make what it checks, and no decision by the
    one who verified (the demo reviewer verified and approved the same files)."""
    with demo.db.read_sessions.begin() as s:
        cases = {c.id: (c.created_by, c.last_edited_by) for c in s.scalars(select(HardshipCase))}
        steps: dict[Any, list[Any]] = defaultdict(list)
        for st in s.scalars(select(HardshipStep).order_by(HardshipStep.case_id,
                                                          HardshipStep.seq)):
            steps[st.case_id].append(st)
        decided = 0
        for case_id, history in steps.items():
            created_by, _last = cases[case_id]
            for i, st in enumerate(history):
                if st.action not in WORKFLOW:
                    continue
                before = history[:i]
                if WORKFLOW[st.action].check:
                    assert st.actor not in makers_among(created_by, created_by, before), (
                        case_id, st.action)
                if st.action in ("approve", "reject"):
                    decided += 1
                    assert st.actor not in verifiers_among(before), (case_id, st.action)
    assert decided > 50


def test_demo_households_agree_with_the_register(demo: Setup) -> None:
    """The hardship dialog compares a file with the register (own income, spouse, spouse's
    income) and said 与名册不一致 on every demo file: now only a few differ, on purpose."""
    with demo.db.read_sessions.begin() as s:
        register = {p.id: p for p in s.scalars(select(Person))}
        spouses = {m.case_id: m for m in s.scalars(select(HardshipMember).where(
            HardshipMember.relation == "配偶"))}
        cases = list(s.scalars(select(HardshipCase)))

    def fen(yuan: Decimal | None) -> int | None:
        return None if yuan is None else int(yuan * 100)

    differing = 0
    for case in cases:
        p = register[case.person_id]
        spouse = spouses.get(case.id)
        problems = []
        if p.monthly_income is not None and case.person_income != fen(p.monthly_income):
            problems.append("income")
        if p.spouse_name and spouse is not None and spouse.name != p.spouse_name:
            problems.append("spouse")
        elif (p.spouse_name and spouse is not None and p.spouse_income is not None
              and spouse.income != fen(p.spouse_income)):
            problems.append("spouse_income")
        if spouse is not None and not p.spouse_name:
            problems.append("spouse not in the register")
        differing += bool(problems)
    assert cases and differing <= 0.1 * len(cases), (differing, len(cases))
    married = [c for c in cases if register[c.person_id].marital_status == "20"
               and register[c.person_id].spouse_health != "已故"]
    assert married and all(c.id in spouses for c in married)


def test_demo_files_carry_the_documents_their_steps_need(demo: Setup) -> None:
    """An approved demo file carries every document (the 入户核查记录 and 公示材料 too), a
    file in notice the home visit record, a submitted one its application; a real approver
    can approve a demo file whose notice has ended, and the documents open (checksum kept)."""
    from desktop.services.hardship.rules import step_documents

    viewer = HardshipService(demo.db.sessions, Actor(98, "view9", "只读", Role.VIEWER))
    need = {"submitted": "submit", "verified": "notice", "notice": "approve",
            "approved": "approve", "review": "approve", "closed": "approve"}
    with demo.db.read_sessions.begin() as s:
        # a file a real reviewer acted on in another test is left out
        acted = select(HardshipStep.case_id).where(HardshipStep.actor.not_like("demo_%"))
        cases = list(s.execute(select(HardshipCase.id, HardshipCase.status)
                               .where(HardshipCase.id.not_in(acted))))
    checked = Counter[str]()
    for case_id, status in cases:
        if status not in need or checked[status] >= 5:
            continue
        checked[status] += 1
        detail = viewer.get(case_id)
        present = {a.doc_type for a in detail.attachments}
        assert set(step_documents(need[status], detail.category)) <= present, (status,
                                                                                 present)
        if status in ("approved", "closed"):
            assert detail.missing_documents == ()
            opened = viewer.read_attachment(detail.attachments[0].id)
            assert opened[2].decode().startswith("演示材料")
    assert set(checked) == set(need)
