"""Campaign list approval: a reviewer or administrator approves, never the list's maker or last
editor (maker ≠ checker); a change to the list withdraws the approval; printing the final list
is refused while the list is a draft. Table-driven by role."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from sqlalchemy import select

from desktop.database import Database
from desktop.errors import AppError, PermissionDenied
from desktop.models import AuditEvent
from desktop.services.permissions import Actor, Role
from desktop.services.visits.service import VisitService
from tests.visits.support import add_people

MAKER = Actor(21, "clerk1", "录入员甲", Role.CLERK)
CAST: dict[str, Actor] = {
    "maker (clerk)": MAKER,
    "other clerk": Actor(22, "clerk2", "录入员乙", Role.CLERK),
    "viewer": Actor(23, "view1", "只读", Role.VIEWER),
    "reviewer": Actor(24, "rev1", "审核员", Role.REVIEWER),
    "admin": Actor(25, "admin2", "管理员乙", Role.ADMIN),
    "admin who planned": Actor(26, "admin3", "管理员丙", Role.ADMIN),
}
TODAY = dt.date(2026, 12, 1)


def _svc(db: Database, who: str) -> VisitService:
    return VisitService(db.sessions, CAST[who], db.read_sessions, today=lambda: TODAY)


def _campaign(db: Database) -> uuid.UUID:
    maker = _svc(db, "maker (clerk)")
    cid = maker.create_campaign(maker.default_draft("春节", 2027))
    _svc(db, "admin who planned").plan(cid)  # the last editor
    return cid


@pytest.mark.parametrize(("who", "outcome"), [
    ("maker (clerk)", "permission_denied"),        # a clerk never approves
    ("other clerk", "permission_denied"),
    ("viewer", "permission_denied"),
    ("admin who planned", "campaign_maker_checker"),  # last editor: maker ≠ checker
    ("reviewer", "approved"),
    ("admin", "approved"),
])
def test_who_may_approve_a_campaign_list(db: Database, admin: Actor, who: str,
                                         outcome: str) -> None:
    add_people(db)
    cid = _campaign(db)
    svc = _svc(db, who)
    if outcome == "approved":
        svc.approve_campaign(cid, "名单无遗漏")
        got = svc.campaign(cid)
        assert got.approved_by == CAST[who].name and got.approved_at is not None
        assert [c.approved_by for c in svc.campaigns()] == [CAST[who].name]
        svc.require_approved(cid)  # printing allowed
        with db.read_sessions.begin() as s:
            detail = s.scalars(select(AuditEvent.detail).where(
                AuditEvent.action == "visit_campaign.approve")).one()
        assert "名单无遗漏" in str(detail)
        with pytest.raises(AppError) as again:
            svc.approve_campaign(cid)
        assert again.value.code == "campaign_already_approved"
    else:
        with pytest.raises(PermissionDenied) as caught:
            svc.approve_campaign(cid)
        assert caught.value.code == outcome
        got = svc.campaign(cid)
        assert got.approved_by is None
        with pytest.raises(AppError) as refused:
            svc.require_approved(cid)
        assert refused.value.code == "campaign_not_approved"


def test_the_campaign_maker_cannot_approve_even_as_admin(db: Database, admin: Actor) -> None:
    add_people(db)
    boss = _svc(db, "admin")
    cid = boss.create_campaign(boss.default_draft("春节", 2027))
    with pytest.raises(PermissionDenied) as caught:
        boss.approve_campaign(cid)
    assert caught.value.code == "campaign_maker_checker"
    from desktop.core.texts import error_text
    assert "审核与经办须分离" in error_text(caught.value)
    got = boss.campaign(cid)
    assert (got.created_by, got.last_edited_by) == ("admin2", "admin2")


def test_a_change_to_the_list_withdraws_the_approval(db: Database, admin: Actor) -> None:
    ids = add_people(db)
    cid = _campaign(db)
    _svc(db, "reviewer").approve_campaign(cid)
    clerk = _svc(db, "other clerk")
    planned = {v.person_id for v in clerk.visits(cid)}
    outsider = next(pid for pid in ids.values() if pid not in planned)
    clerk.add_person(cid, outsider, "协会理事")
    got = clerk.campaign(cid)
    assert got.approved_by is None and got.last_edited_by == "clerk2"
    with pytest.raises(AppError) as refused:
        clerk.require_approved(cid)
    assert refused.value.code == "campaign_not_approved"
    # approved again by the reviewer; scheduling a team does not touch the list
    _svc(db, "reviewer").approve_campaign(cid)
    team = _svc(db, "admin").create_team(cid, "第一组", None, [])
    assert team is not None and clerk.campaign(cid).approved_by == "rev1"
    with db.read_sessions.begin() as s:
        withdrawn = [d for d in s.scalars(select(AuditEvent.detail).where(
            AuditEvent.action == "visit.add"))]
    assert "rev1" in str(withdrawn)


def test_anyone_who_changed_the_list_is_a_maker(db: Database, admin: Actor) -> None:
    """Issue 16, item 7: not only the creator and the last editor. An administrator who added a
    person to the list, and whose change was then followed by another editor's, still may not
    approve it; nor may a reviewer-turned-editor... only someone who never touched the list."""
    ids = add_people(db)
    cid = _campaign(db)  # made by clerk1, planned by admin3
    boss = _svc(db, "admin")
    planned = {v.person_id for v in boss.visits(cid)}
    outsiders = [pid for pid in ids.values() if pid not in planned]
    boss.add_person(cid, outsiders[0], "协会理事")  # admin2 changes the list ...
    _svc(db, "other clerk").add_person(cid, outsiders[1], "补报")  # ... and is not the last
    got = boss.campaign(cid)
    assert got.last_edited_by == "clerk2" and got.created_by == "clerk1"
    with pytest.raises(PermissionDenied) as caught:
        boss.approve_campaign(cid)
    assert caught.value.code == "campaign_maker_checker"
    with pytest.raises(PermissionDenied):  # the planner too, though someone edited after
        _svc(db, "admin who planned").approve_campaign(cid)
    _svc(db, "reviewer").approve_campaign(cid)  # never touched it
    assert boss.campaign(cid).approved_by == "rev1"
