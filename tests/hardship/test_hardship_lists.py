"""The hardship work lists: each user sees what their role is asked to do next."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import update

from desktop.database import Database
from desktop.models import HardshipCase
from desktop.services.hardship.lists import HardshipLists
from desktop.services.permissions import Actor
from tests.hardship_support import CAST, TODAY, add_people, service, walk


def _lists(db: Database, who: str) -> HardshipLists:
    return HardshipLists(db.read_sessions, CAST[who], today=lambda: TODAY)


def test_work_lists_by_role(db: Database, admin: Actor) -> None:
    people = add_people(db, 7)
    files = {state: walk(db, p, state) for p, state in zip(
        people, ("draft", "submitted", "verified", "notice", "approved", "review", "closed"),
        strict=True)}
    # the notice ended 10 days ago; make one end this week (Friday 2026-06-12)
    later = walk(db, add_people(db, 1)[0], "verified")
    service(db, CAST["maker"]).start_notice(later, start=dt.date(2026, 6, 8), opinion="公示")
    service(db, CAST["admin"]).record_payment(
        files["review"], kind="春节慰问金", amount=100_000, paid_on=TODAY, payer="县总工会")

    def ids(rows: tuple[object, ...]) -> set[object]:
        return {r.id for r in rows}  # type: ignore[attr-defined]

    clerk = _lists(db, "clerk").work_lists()
    assert ids(clerk.waiting_for_me) == {files["draft"], files["verified"]}
    reviewer = _lists(db, "reviewer").work_lists()
    assert ids(reviewer.waiting_for_me) == {files["submitted"], files["notice"], files["review"]}
    assert _lists(db, "viewer").work_lists().waiting_for_me == ()
    assert ids(reviewer.notices_ending) == {later}
    assert ids(reviewer.never_assisted) == {files["approved"]}
    assert reviewer.reviews_due == ()
    with db.sessions.begin() as s:
        s.execute(update(HardshipCase).where(HardshipCase.id == files["approved"]).values(
            next_review_date=TODAY, updated_at=dt.datetime(2025, 1, 2, tzinfo=dt.UTC)))
    again = _lists(db, "reviewer").work_lists()
    assert ids(again.reviews_due) == {files["approved"]}
    assert ids(again.not_updated) == {files["approved"]}
    (total,) = again.totals
    assert (total.year, total.category, total.district, total.files, total.active,
            total.paid) == (2026, "深度困难", "长兴县", 8, 2, 100_000)


def test_the_maker_does_not_wait_for_themself(db: Database, admin: Actor) -> None:
    (person,) = add_people(db, 1)
    from tests.hardship_support import ADMIN_MAKER

    case_id = walk(db, person, "submitted", maker=ADMIN_MAKER)
    mine = HardshipLists(db.read_sessions, ADMIN_MAKER, today=lambda: TODAY).work_lists()
    assert case_id not in {r.id for r in mine.waiting_for_me}
    other = _lists(db, "admin").work_lists()
    assert case_id in {r.id for r in other.waiting_for_me}


def test_files_filter_by_status_and_due(db: Database, admin: Actor) -> None:
    people = add_people(db, 3)
    approved = walk(db, people[0], "approved")
    walk(db, people[1], "draft")
    walk(db, people[2], "approved")
    with db.sessions.begin() as s:
        s.execute(update(HardshipCase).where(HardshipCase.id == approved).values(
            next_review_date=TODAY - dt.timedelta(days=1)))
    lists = _lists(db, "viewer")
    assert len(lists.cases(statuses=("approved",))) == 2
    assert [r.id for r in lists.cases(due=True)] == [approved]
    assert len(lists.cases()) == 3
