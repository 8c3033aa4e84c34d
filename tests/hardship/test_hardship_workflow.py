"""Every step of a hardship file, from every state, by every role: the table below is the
specification (written out by hand, not derived from the code's WORKFLOW)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.core.texts import error_text
from desktop.database import Database
from desktop.errors import AppError, PermissionDenied
from desktop.models import AuditEvent, Person
from desktop.services.hardship.service import HardshipService
from desktop.services.permissions import Actor
from tests.conftest import initialise
from tests.hardship_support import (
    ADMIN_MAKER,
    APPROVER,
    CAST,
    TODAY,
    add_people,
    attach_document,
    service,
    walk,
)

STATES = ("draft", "submitted", "verified", "notice", "approved", "review", "rejected", "closed")
ACTORS = ("maker", "clerk", "reviewer", "admin", "viewer", "admin_maker")
# (state, action) -> who may take it; every pair not listed is refused to everyone.
# "maker" is the clerk who created the file; "admin_maker" an administrator who created it
# (maker ≠ checker: an admin may not check a file of their own).
ALLOWED: dict[tuple[str, str], set[str]] = {
    ("draft", "submit"): {"maker", "clerk", "admin", "admin_maker"},
    ("submitted", "return"): {"reviewer", "admin"},
    ("submitted", "verify"): {"reviewer", "admin"},
    ("submitted", "reject"): {"reviewer", "admin"},
    ("verified", "return"): {"reviewer", "admin"},
    ("verified", "notice"): {"maker", "clerk", "admin", "admin_maker"},
    ("verified", "reject"): {"admin"},  # the reviewer verified it: another one decides
    ("notice", "return"): {"reviewer", "admin"},
    ("notice", "approve"): {"admin"},
    ("notice", "reject"): {"admin"},
    ("approved", "start_review"): {"maker", "clerk", "admin", "admin_maker"},
    ("approved", "close"): {"reviewer", "admin"},
    ("review", "renew"): {"reviewer", "admin"},
    ("review", "close"): {"reviewer", "admin"},
}
AFTER: dict[str, str] = {
    "submit": "submitted", "return": "draft", "verify": "verified", "notice": "notice",
    "approve": "approved", "reject": "rejected", "start_review": "review", "renew": "approved",
    "close": "closed",
}

Step = Callable[[HardshipService, uuid.UUID], None]
STEPS: dict[str, Step] = {
    "submit": lambda svc, c: svc.submit(c, "申请"),
    "return": lambda svc, c: svc.send_back(c, "材料不全，退回补充"),
    "verify": lambda svc, c: svc.verify(c, on=TODAY, by="李干事", method="电话",
                                        findings="属实", opinion="核查属实"),
    "notice": lambda svc, c: svc.start_notice(c, start=TODAY - dt.timedelta(days=14),
                                              opinion="公示"),
    "approve": lambda svc, c: svc.approve(c, "同意"),
    "reject": lambda svc, c: svc.reject(c, "not_eligible", "不符合条件"),
    "start_review": lambda svc, c: svc.start_review(c, "到期复核"),
    "renew": lambda svc, c: svc.renew(c, "仍然困难，继续帮扶"),
    "close": lambda svc, c: svc.close(c, "撤档", "收入已超过标准", "同意撤档"),
}
REFUSALS = {"permission_denied", "hardship_step_out_of_order", "hardship_maker_checker",
            "hardship_verifier_decides"}


def _actor(name: str) -> Actor:
    return ADMIN_MAKER if name == "admin_maker" else CAST[name]


def _status(db: Database, case_id: uuid.UUID) -> tuple[str, int]:
    detail = service(db, CAST["viewer"]).get(case_id)
    return detail.status, len(detail.steps)


@pytest.mark.parametrize("state", STATES)
def test_every_step_by_every_role(sqlite_db: Database, state: str) -> None:
    initialise(sqlite_db)
    people = iter(add_people(sqlite_db, 2 * len(STEPS) * len(ACTORS)))
    for action, step in STEPS.items():
        allowed = ALLOWED.get((state, action), set())
        refused_files: dict[bool, uuid.UUID] = {}
        for who in ACTORS:
            by_admin = who == "admin_maker"
            if who in allowed:
                case_id = walk(sqlite_db, next(people), state,
                               maker=ADMIN_MAKER if by_admin else None, documents=True)
                step(service(sqlite_db, _actor(who)), case_id)
                assert _status(sqlite_db, case_id)[0] == AFTER[action], (state, action, who)
                continue
            if by_admin not in refused_files:  # a refusal changes nothing: reuse the file
                refused_files[by_admin] = walk(sqlite_db, next(people), state,
                                               maker=ADMIN_MAKER if by_admin else None)
            case_id = refused_files[by_admin]
            before = _status(sqlite_db, case_id)
            with pytest.raises(AppError) as caught:
                step(service(sqlite_db, _actor(who)), case_id)
            assert caught.value.code in REFUSALS, (state, action, who, caught.value)
            assert _status(sqlite_db, case_id) == before, (state, action, who)


def test_the_maker_is_told_why(sqlite_db: Database) -> None:
    initialise(sqlite_db)
    (person,) = add_people(sqlite_db, 1)
    case_id = walk(sqlite_db, person, "submitted", maker=ADMIN_MAKER)
    with pytest.raises(PermissionDenied) as caught:
        service(sqlite_db, ADMIN_MAKER).verify(case_id, on=TODAY, by="自己", method="入户",
                                               findings="属实", opinion="自审")
    assert caught.value.code == "hardship_maker_checker"
    assert caught.value.exit_code == 4


def test_the_last_editor_cannot_check_either(sqlite_db: Database) -> None:
    """An administrator who amended an approved file may not renew it at its review."""
    initialise(sqlite_db)
    from tests.hardship_support import draft

    (person,) = add_people(sqlite_db, 1)
    case_id = walk(sqlite_db, person, "review")
    admin = service(sqlite_db, CAST["admin"])
    version = admin.get(case_id).row_version
    admin.amend(case_id, draft(person, person_income=120_000), expected_version=version,
                reason="本人退休金调整")
    with pytest.raises(PermissionDenied):
        admin.renew(case_id, "继续帮扶")
    service(sqlite_db, CAST["reviewer"]).renew(case_id, "继续帮扶")
    detail = admin.get(case_id)
    assert detail.status == "approved"
    amend = [st for st in detail.steps if st.action == "amend"]
    assert amend[0].opinion == "本人退休金调整"
    assert "person_income" in amend[0].detail["changed"]  # type: ignore[operator]


def test_in_hardship_follows_the_file(db: Database, admin: Actor) -> None:
    (person,) = add_people(db, 1)

    def flag() -> bool:
        with db.read_sessions.begin() as s:
            return bool(s.scalar(select(Person.in_hardship).where(Person.id == person)))

    case_id = walk(db, person, "notice")
    assert not flag()
    service(db, APPROVER).approve(case_id, "同意")
    assert flag()
    service(db, CAST["clerk"]).start_review(case_id, "复核")
    assert flag()
    service(db, CAST["reviewer"]).close(case_id, "脱困", "已就业", "同意")
    assert not flag()


def test_history_keeps_who_did_what_and_why(db: Database, admin: Actor) -> None:
    (person,) = add_people(db, 1)
    case_id = walk(db, person, "approved")
    detail = service(db, CAST["viewer"]).get(case_id)
    assert [(st.action, st.actor, st.from_status, st.to_status) for st in detail.steps
            if st.action != "attach"] == [
        ("open", "clerk1", "draft", "draft"),
        ("submit", "clerk1", "draft", "submitted"),
        ("verify", "rev1", "submitted", "verified"),
        ("notice", "clerk1", "verified", "notice"),
        ("approve", "rev2", "notice", "approved"),
    ]
    verified = next(st for st in detail.steps if st.action == "verify")
    assert verified.opinion == "同意上报"
    assert verified.detail["method"] == "入户"
    assert detail.verify_method == "入户" and detail.verified_by == "王科长"
    assert detail.decided_by == "rev2"
    assert detail.next_review_date == dt.date(2026, 12, 10)  # six months by default
    with db.read_sessions.begin() as s:
        logged = s.execute(select(AuditEvent.actor, AuditEvent.action, AuditEvent.detail)
                           .where(AuditEvent.entity_id == str(case_id))
                           .order_by(AuditEvent.seq)).all()
    assert [(a, b) for a, b, _ in logged if b != "hardship.attach"] == [
        ("clerk1", "hardship.open"), ("clerk1", "hardship.submit"), ("rev1", "hardship.verify"),
        ("clerk1", "hardship.notice"), ("rev2", "hardship.approve")]
    assert "同意认定为深度困难" in logged[-1][2]


def test_whoever_changed_the_content_since_submission_is_a_maker(sqlite_db: Database,
                                                                 tmp_path: Path) -> None:
    """An administrator who attached a document to a submitted file may not verify it; the
    reviewer who verified may not approve (issue 16, item 7)."""
    initialise(sqlite_db)
    (person,) = add_people(sqlite_db, 1)
    case_id = walk(sqlite_db, person, "submitted")
    admin = service(sqlite_db, CAST["admin"])
    scan = tmp_path / "收入证明.pdf"
    scan.write_bytes(b"%PDF-1.4 income")
    admin.add_attachment(case_id, scan, "收入证明")
    with pytest.raises(PermissionDenied) as caught:
        admin.verify(case_id, on=TODAY, by="管理员", method="入户", findings="属实", opinion="核查")
    assert caught.value.code == "hardship_maker_checker"
    reviewer = service(sqlite_db, CAST["reviewer"])
    reviewer.verify(case_id, on=TODAY - dt.timedelta(days=30), by="审核员", method="入户",
                    findings="属实", opinion="核查")  # the notice below starts after the check
    attach_document(sqlite_db, case_id, "入户核查记录")
    service(sqlite_db, CAST["maker"]).start_notice(case_id, start=TODAY - dt.timedelta(days=20),
                                                   opinion="公示")
    attach_document(sqlite_db, case_id, "公示材料")
    with pytest.raises(AppError) as refused:
        reviewer.approve(case_id, "同意")
    assert refused.value.code == "hardship_verifier_decides"
    assert "核查与审批分离" in error_text(refused.value)
    service(sqlite_db, APPROVER).approve(case_id, "同意")
    assert service(sqlite_db, CAST["viewer"]).get(case_id).status == "approved"
