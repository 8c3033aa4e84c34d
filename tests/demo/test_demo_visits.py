"""``laomo demo`` also makes campaigns with recorded results and recuperation batches."""

from __future__ import annotations

from desktop.database import Database
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
