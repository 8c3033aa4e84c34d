"""Issue 14 (clerk walk-through): a file goes to the reviewers only with its application's
documents; a payment with no standard for its year is pointed out before it is confirmed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from desktop.database import Database
from desktop.errors import AppError, ValidationError
from desktop.services.permissions import Actor
from tests.hardship_support import CAST, TODAY, add_people, draft, service, walk


def test_a_file_is_submitted_only_with_its_application_documents(
        db: Database, admin: Actor, tmp_path: Path) -> None:
    """All missing: refused naming them, nothing written; the 入户核查记录 and 公示材料 are
    not asked for (the later steps make them); with the rest attached it goes."""
    (person,) = add_people(db, 1)
    clerk = service(db, CAST["maker"])
    case_id = clerk.open(draft(person, category="相对困难"))
    steps = len(clerk.get(case_id).steps)
    with pytest.raises(AppError) as refused:
        clerk.submit(case_id, "本人申请，社区已签字")
    assert refused.value.code == "hardship_documents_missing"
    named = str(refused.value.params["documents"])
    assert named == "本人申请、身份证、户口本、收入证明"
    got = clerk.get(case_id)
    assert got.status == "draft" and len(got.steps) == steps
    for kind in ("本人申请", "身份证", "户口本"):
        scan = tmp_path / f"{kind}.jpg"
        scan.write_bytes(b"\xff\xd8 " + kind.encode())
        clerk.add_attachment(case_id, scan, kind)
    with pytest.raises(AppError) as refused:
        clerk.submit(case_id, "本人申请，社区已签字")
    assert refused.value.params["documents"] == "收入证明"
    scan = tmp_path / "收入证明.jpg"
    scan.write_bytes(b"\xff\xd8 income")
    clerk.add_attachment(case_id, scan, "收入证明")
    # a document deleted since (a tombstone, as a handoff merge leaves one) is not there
    from sqlalchemy import update

    from desktop.models import HardshipAttachment
    with db.sessions.begin() as s:
        s.execute(update(HardshipAttachment).where(
            HardshipAttachment.case_id == case_id, HardshipAttachment.doc_type == "身份证")
            .values(deleted_at=dt.datetime(2026, 12, 1, tzinfo=dt.UTC)))
    with pytest.raises(AppError) as refused:
        clerk.submit(case_id, "本人申请，社区已签字")
    assert refused.value.params["documents"] == "身份证"
    scan = tmp_path / "身份证2.jpg"
    scan.write_bytes(b"\xff\xd8 id again")
    clerk.add_attachment(case_id, scan, "身份证")
    clerk.submit(case_id, "本人申请，社区已签字")
    got = clerk.get(case_id)
    assert got.status == "submitted"
    assert set(got.missing_documents) == {"入户核查记录", "公示材料"}


def test_a_payment_without_a_standard_is_pointed_out(db: Database, admin: Actor) -> None:
    """A fresh database has no 发放标准: each payment is noted as unchecked (not silently
    passed), a second one of the kind on the same day is noted too; with a standard the cap
    still refuses."""
    (person,) = add_people(db, 1)
    case_id = walk(db, person, "approved")
    clerk = service(db, CAST["maker"])
    day = TODAY - dt.timedelta(days=1)
    notes = clerk.payment_notes(case_id, "春节慰问金", day)
    assert [(n.field, n.code) for n in notes] == [("amount", "payment_no_standard")]
    assert notes[0].params == {"year": day.year, "kind": "春节慰问金"}
    assert clerk.check_payment(case_id, "春节慰问金", 200_000, day) == []
    clerk.record_payment(case_id, kind="春节慰问金", amount=200_000, paid_on=day,
                         payer="县总工会")
    notes = clerk.payment_notes(case_id, "春节慰问金", day)
    assert [n.code for n in notes] == ["payment_no_standard", "payment_same_day"]
    assert notes[1].params["amounts"] == "2,000.00"
    service(db, CAST["admin"]).set_standard(day.year, "春节慰问金", amount=200_000)
    assert [n.code for n in clerk.payment_notes(case_id, "春节慰问金", day)] == [
        "payment_same_day"]
    assert [p.code for p in clerk.check_payment(case_id, "春节慰问金", 2_000_000, day)] == [
        "payment_above_cap"]
    with pytest.raises(ValidationError):
        clerk.record_payment(case_id, kind="春节慰问金", amount=2_000_000, paid_on=day,
                             payer="县总工会")
