"""``laomo demo`` also makes campaigns with recorded results and recuperation batches."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from desktop.database import Database
from desktop.models import HardshipCase, HardshipPayment, Person, RecuperationBatch, Visit
from desktop.services.demo.service import DemoService
from desktop.services.demo.visits import demo_rounds
from desktop.services.permissions import Actor
from desktop.services.visits.recuperation import RecuperationService
from desktop.services.visits.service import VisitService

TODAY = dt.date(2026, 12, 4)  # between 重阳 and the next 元旦春节 round (from 20 December)


def test_demo_makes_campaigns_and_batches(db: Database, admin: Actor) -> None:
    """The rounds follow the day the demo describes: the 2026 round of 元旦春节 (20 December
    2025 to 3 March 2026) is done by December 2026, not "upcoming" with nobody visited (the
    demo's rounds went by a fixed 31 December 2025), and the 2026 recuperation batch has left,
    its roster confirmed."""
    DemoService(db.sessions, admin).generate(400, seed=5, today=TODAY)
    visits = VisitService(db.sessions, admin)
    campaigns = {(c.occasion, c.year): c for c in visits.campaigns()}
    assert set(campaigns) == {("元旦春节", 2026), ("重阳", 2026), ("元旦春节", 2027)}
    past, upcoming = campaigns[("元旦春节", 2026)], campaigns[("元旦春节", 2027)]
    assert campaigns[("重阳", 2026)].done > 0.8 * campaigns[("重阳", 2026)].planned
    assert past.planned > 0 and past.done > 0.8 * past.planned
    assert upcoming.planned > 0 and upcoming.done == 0
    # past rounds were approved; the next one is a draft the administrator can approve
    assert past.approved_by == "demo-reviewer" and upcoming.approved_by is None
    visits.approve_campaign(upcoming.id)
    assert visits.campaign(upcoming.id).approved_by == admin.name
    rows = visits.visits(upcoming.id)
    assert all(r.team and r.planned_date for r in rows)
    assert all(upcoming.start_date <= r.planned_date <= upcoming.end_date
               for r in rows if r.planned_date)
    # complete, but for those visited last time who have died since (the check names them)
    assert all(r.note == "已故" for r in visits.coverage(upcoming.id).rows
               if r.problem in ("not_planned", "dropped"))
    done = [r for r in visits.visits(past.id) if r.status == "done"]
    assert all(r.money_fen == r.standard_fen for r in done)
    recup = RecuperationService(db.sessions, admin)
    batches = {b.year: b for b in recup.batches()}
    assert set(batches) == {2026, 2027}
    assert batches[2026].confirmed > 0 and batches[2026].start_date < TODAY
    assert batches[2027].confirmed == 0 and batches[2027].taken > 0  # being filled
    assert recup.last_years()


def test_a_round_running_today_is_recorded_up_to_yesterday(db: Database, admin: Actor) -> None:
    """In the middle of the 元旦春节 round: the visits of the days gone by are recorded, the
    rest planned, nothing recorded after today; the rounds of the past year are done, the next
    (重阳) is a draft; the last recuperation batch to leave (May 2026) confirmed."""
    today = dt.date(2027, 1, 20)
    assert demo_rounds(today) == ([("元旦春节", 2026), ("重阳", 2026), ("元旦春节", 2027)],
                                  ("重阳", 2027))
    DemoService(db.sessions, admin).generate(400, seed=5, today=today)
    visits = VisitService(db.sessions, admin)
    campaigns = {(c.occasion, c.year): c for c in visits.campaigns()}
    running = campaigns[("元旦春节", 2027)]
    assert running.approved_by and 0 < running.done < running.planned
    assert campaigns[("重阳", 2027)].approved_by is None
    assert campaigns[("重阳", 2027)].done == 0
    with db.sessions.begin() as s:
        rows = s.execute(select(Visit.status, Visit.planned_date, Visit.actual_date)
                         .where(Visit.campaign_id == running.id)).all()
        batches = {y: d for y, d in s.execute(select(RecuperationBatch.year,
                                                     RecuperationBatch.start_date))}
    assert all(actual is None or actual < today for _st, _p, actual in rows)
    assert all(st == "planned" for st, planned, _a in rows if planned >= today)
    assert any(st == "done" for st, planned, _a in rows if planned < today)
    assert set(batches) == {2026, 2027}


def test_years_of_history(db: Database, admin: Actor) -> None:
    """``--years 3``: each of those years has its recorded rounds (Spring Festival, 送清凉,
    Double Ninth, condolences) and closed hardship files with steps and payments."""
    DemoService(db.sessions, admin).generate(400, seed=5, years=3, today=TODAY)
    visits = VisitService(db.sessions, admin)
    campaigns = {(c.occasion, c.year): c for c in visits.campaigns()}
    for year in (2024, 2025, 2026):
        for occasion in ("元旦春节", "送清凉", "重阳"):
            assert campaigns[(occasion, year)].done > 0, (occasion, year)
    assert ("元旦春节", 2027) in campaigns and ("元旦春节", 2023) not in campaigns
    with db.sessions.begin() as s:
        died = {y: s.scalar(select(func.count()).select_from(Person).where(
            Person.life_status == "deceased", Person.treatment_level.is_not(None),
            Person.is_revoked.is_(False),
            Person.death_date.between(dt.date(y, 1, 1), dt.date(y, 12, 31))))
            for y in (2024, 2025, 2026)}
        history = s.execute(select(HardshipCase.year, func.count()).where(
            HardshipCase.status == "closed").group_by(HardshipCase.year)).all()
        paid = s.scalar(select(func.count()).select_from(HardshipPayment))
    for year, n in died.items():  # one condolence visit per family of the year (if any died)
        c = campaigns.get(("去世/吊唁", year))
        assert c is not None and c.planned <= n, (year, n)
        condolences = s.execute(select(Visit.actual_date, Person.death_date)
                                .join(Person, Person.id == Visit.person_id)
                                .where(Visit.kind == "去世/吊唁",
                                       Visit.actual_date.is_not(None))).all()
    # the family is visited after the death (a January visit for a November death was not)
    assert condolences and all(visited > died for visited, died in condolences)
    years = {int(y) for y, n in history if n}
    assert len(years) >= 3 and paid
