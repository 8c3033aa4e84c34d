"""Clerk walk-through (approve): a file was approved while its 入户核查记录 and 公示材料 were
still listed as missing. The 公示 needs the home visit record, 审批 every document; each
refusal names what is missing and writes nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import update

from desktop.database import Database
from desktop.errors import AppError
from desktop.models import HardshipStep
from desktop.services.permissions import Actor
from tests.hardship_support import (
    APPROVER,
    CAST,
    TODAY,
    add_people,
    attach_application,
    attach_document,
    draft,
    service,
)


def test_notice_and_approval_refused_while_documents_are_missing(
        db: Database, admin: Actor) -> None:
    (person,) = add_people(db, 1, start=700)
    clerk, reviewer, approver = (service(db, CAST["maker"]), service(db, CAST["reviewer"]),
                                 service(db, APPROVER))
    case_id = clerk.open(draft(person))
    attach_application(db, case_id)
    clerk.submit(case_id, "本人申请，社区已签字")
    with db.sessions.begin() as s:  # submitted long ago: the dated steps below come after it
        s.execute(update(HardshipStep).where(HardshipStep.case_id == case_id).values(
            at=dt.datetime.now(dt.UTC) - dt.timedelta(days=400)))
    reviewer.verify(case_id, on=TODAY - dt.timedelta(days=30), by="王科长", method="入户",
                    findings="情况属实", opinion="同意上报")
    assert clerk.step_lacking(case_id, "notice") == ("入户核查记录",)
    with pytest.raises(AppError) as refused:
        clerk.start_notice(case_id, start=TODAY - dt.timedelta(days=20), opinion="张榜公示")
    assert refused.value.code == "hardship_notice_documents_missing"
    assert refused.value.params["documents"] == "入户核查记录"
    assert clerk.get(case_id).status == "verified"
    attach_document(db, case_id, "入户核查记录")
    clerk.start_notice(case_id, start=TODAY - dt.timedelta(days=20), opinion="张榜公示")
    steps = len(clerk.get(case_id).steps)
    assert approver.step_lacking(case_id, "approve") == ("公示材料",)
    with pytest.raises(AppError) as refused:
        approver.approve(case_id, "同意认定")
    assert refused.value.code == "hardship_approve_documents_missing"
    assert refused.value.params["documents"] == "公示材料"
    got = clerk.get(case_id)
    assert got.status == "notice" and len(got.steps) == steps
    attach_document(db, case_id, "公示材料")
    assert approver.step_lacking(case_id, "approve") == ()
    approver.approve(case_id, "同意认定")
    got = clerk.get(case_id)
    assert got.status == "approved" and got.missing_documents == ()
