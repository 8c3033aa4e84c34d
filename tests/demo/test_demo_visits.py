"""``laomo demo`` also makes campaigns with recorded results and recuperation batches."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from desktop.database import Database
from desktop.models import HardshipCase, HardshipPayment, Person
from desktop.services.demo.service import DemoService
from desktop.services.permissions import Actor
from desktop.services.visits.recuperation import RecuperationService
from desktop.services.visits.service import VisitService


def test_demo_makes_campaigns_and_batches(db: Database, admin: Actor) -> None:
    DemoService(db.sessions, admin).generate(400, seed=5)
    visits = VisitService(db.sessions, admin)
    campaigns = {(c.occasion, c.year): c for c in visits.campaigns()}
    assert set(campaigns) == {("元旦春节", 2025), ("重阳", 2025), ("元旦春节", 2026)}
    past, upcoming = campaigns[("元旦春节", 2025)], campaigns[("元旦春节", 2026)]
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
    assert visits.coverage(upcoming.id).complete
    done = [r for r in visits.visits(past.id) if r.status == "done"]
    assert all(r.money_fen == r.standard_fen for r in done)
    recup = RecuperationService(db.sessions, admin)
    batches = recup.batches()
    assert len(batches) == 2 and batches[1].confirmed > 0
    assert recup.last_years()


def test_years_of_history(db: Database, admin: Actor) -> None:
    """``--years 3``: each of those years has its recorded rounds (Spring Festival, 送清凉,
    Double Ninth, condolences) and closed hardship files with steps and payments."""
    DemoService(db.sessions, admin).generate(400, seed=5, years=3)
    visits = VisitService(db.sessions, admin)
    campaigns = {(c.occasion, c.year): c for c in visits.campaigns()}
    for year in (2023, 2024, 2025):
        for occasion in ("元旦春节", "送清凉", "重阳"):
            assert campaigns[(occasion, year)].done > 0, (occasion, year)
    assert ("元旦春节", 2026) in campaigns and ("元旦春节", 2022) not in campaigns
    with db.sessions.begin() as s:
        died = {y: s.scalar(select(func.count()).select_from(Person).where(
            Person.life_status == "deceased", Person.treatment_level.is_not(None),
            Person.is_revoked.is_(False),
            Person.death_date.between(dt.date(y, 1, 1), dt.date(y, 12, 31))))
            for y in (2023, 2024, 2025)}
        history = s.execute(select(HardshipCase.year, func.count()).where(
            HardshipCase.status == "closed").group_by(HardshipCase.year)).all()
        paid = s.scalar(select(func.count()).select_from(HardshipPayment))
    for year, n in died.items():  # one condolence visit per family of the year (if any died)
        c = campaigns.get(("去世/吊唁", year))
        assert c is not None and c.planned <= n, (year, n)
    years = {int(y) for y, n in history if n}
    assert len(years) >= 3 and paid
