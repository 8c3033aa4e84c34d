"""A visit's follow-up opens a hardship draft for the visited person: linked both ways, audited,
the follow-up closed; refused (nothing written) when the person already has an open file."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from sqlalchemy import func, select

from desktop.database import Database
from desktop.errors import AppError, PermissionDenied, ValidationError
from desktop.models import AuditEvent, HardshipCase, Visit
from desktop.services.permissions import Actor
from desktop.services.visits.service import VisitService
from desktop.services.visits.types import VisitResult
from tests.hardship_support import CAST, add_people, draft, service

TODAY = dt.date(2026, 6, 10)


def _visit(db: Database, person: uuid.UUID, *, follow_up: bool = True) -> uuid.UUID:
    svc = VisitService(db.sessions, CAST["clerk"], today=lambda: TODAY)
    vid = svc.create_single(person, "住院", TODAY)
    svc.record(vid, VisitResult("done", TODAY, situation="独居，药费负担重",
                                follow_up=follow_up, follow_up_note="建议建困难档案"))
    return vid


def _cases(db: Database) -> int:
    with db.read_sessions.begin() as s:
        return int(s.scalar(select(func.count()).select_from(HardshipCase)) or 0)


def test_follow_up_opens_a_linked_hardship_draft(db: Database, admin: Actor) -> None:
    (person,) = add_people(db, 1)
    vid = _visit(db, person)
    svc = VisitService(db.sessions, CAST["maker"], today=lambda: TODAY)
    case_id = svc.hardship_file_from(vid, "深度困难", "6")
    got = service(db, CAST["viewer"]).get(case_id)
    assert (got.status, got.created_by, got.category) == ("draft", "clerk1", "深度困难")
    assert got.notes is not None and "走访发现（2026-06-10）" in got.notes
    assert "独居，药费负担重" in got.notes and "建议建困难档案" in got.notes
    with db.read_sessions.begin() as s:
        v = s.get(Visit, vid)
        assert v is not None and v.hardship_case_id == case_id and v.follow_up_closed
        actions = set(s.scalars(select(AuditEvent.action)))
    assert {"visit.hardship_file", "hardship.open"} <= actions
    assert not [w for w in svc.worklist() if w.kind == "follow_up"]
    # the same visit cannot open a second file
    with pytest.raises(AppError) as caught:
        svc.hardship_file_from(vid, "深度困难", "6")
    assert caught.value.code == "visit_hardship_linked"
    assert _cases(db) == 1


def test_refused_when_the_person_already_has_an_open_file(db: Database, admin: Actor) -> None:
    (person,) = add_people(db, 1)
    service(db, CAST["clerk"]).open(draft(person))
    vid = _visit(db, person)
    svc = VisitService(db.sessions, CAST["maker"], today=lambda: TODAY)
    with pytest.raises(AppError) as caught:
        svc.hardship_file_from(vid, "深度困难", "6")
    assert caught.value.code == "visit_hardship_file_open"
    assert caught.value.params["serial"] == "KN-2026-00001"
    from desktop.core.texts import error_text
    assert "KN-2026-00001" in error_text(caught.value)
    assert _cases(db) == 1
    with db.read_sessions.begin() as s:
        v = s.get(Visit, vid)
        assert v is not None and v.hardship_case_id is None and not v.follow_up_closed


def test_bad_input_and_permissions_write_nothing(db: Database, admin: Actor) -> None:
    (person,) = add_people(db, 1)
    plain = _visit(db, person, follow_up=False)
    vid = _visit(db, person)
    clerk = VisitService(db.sessions, CAST["maker"], today=lambda: TODAY)
    with pytest.raises(AppError) as caught:
        clerk.hardship_file_from(plain, "深度困难", "6")
    assert caught.value.code == "visit_no_follow_up"
    with pytest.raises(ValidationError) as bad:
        clerk.hardship_file_from(vid, "很困难", "6")
    assert bad.value.codes() == {"category": "hardship_category_unknown"}
    with pytest.raises(PermissionDenied):
        VisitService(db.sessions, CAST["viewer"], today=lambda: TODAY).hardship_file_from(
            vid, "深度困难", "6")
    assert _cases(db) == 0
    with db.read_sessions.begin() as s:
        v = s.get(Visit, vid)
        assert v is not None and v.hardship_case_id is None and not v.follow_up_closed
