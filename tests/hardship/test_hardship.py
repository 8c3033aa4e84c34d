"""Hardship files: opening with validation, the income computation against the 低保 line,
payments against the standards table, attachments."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from desktop.core.texts import error_text
from desktop.database import Database
from desktop.errors import AppError, PermissionDenied, ValidationError
from desktop.models import AuditEvent, HardshipCase, HardshipPayment, Person
from desktop.services.hardship.rules import DIBAO, add_working_days, working_days
from desktop.services.hardship.types import MemberDraft
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
    walk,
)


def _count(db: Database, model: type) -> int:
    with db.read_sessions.begin() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_open_computes_per_capita_against_the_dibao_line(db: Database, admin: Actor) -> None:
    (person,) = add_people(db, 1)
    service(db, CAST["admin"]).set_standard(2026, DIBAO, amount=30_000)  # 300 元/月 (test)
    case_id = service(db, CAST["maker"]).open(draft(person))
    got = service(db, CAST["viewer"]).get(case_id)
    # 800 + 200 + 600 + 0 = 1,600 元; minus 400 元 fixed costs; over 3 people = 400 元
    assert got.income.household == 160_000
    assert got.household_size == 3
    assert got.income.per_capita == 40_000
    assert got.income.dibao_line == 30_000
    assert got.income.band == "below_double"
    assert got.serial == "KN-2026-00001"
    assert got.bank_account == "***************8901"
    assert [m.relation for m in got.members] == ["配偶", "子女"]
    assert got.status == "draft" and got.created_by == "clerk1"
    assert "本人申请" in got.missing_documents and "低保证" in got.missing_documents


def test_bad_input_is_refused_with_every_problem_and_nothing_saved(
        db: Database, admin: Actor) -> None:
    (person,) = add_people(db, 1)
    bad = draft(
        person, category="很困难", main_cause="6", secondary_causes=("6", "1", "2", "3"),
        person_income=-100, other_income=50_000_000,
        members=(MemberDraft("刘芳", " "), MemberDraft("", "子女", id_number="330522196003151231",
                                                     income=-5)),
        bank_account="abc")
    with pytest.raises(ValidationError) as caught:
        service(db, CAST["maker"]).open(bad)
    codes = {(p.field, p.code) for p in caught.value.problems}
    assert {
        ("category", "hardship_category_unknown"),
        ("secondary_causes", "hardship_too_many_causes"),
        ("secondary_causes", "hardship_cause_repeated"),
        ("person_income", "value_negative"),
        ("other_income", "amount_absurd"),
        ("household[0].relation", "relation_required"),
        ("household[1].name", "value_required"),
        ("household[1].income", "value_negative"),
        ("household[1].id_number", "id_bad_checksum"),
        ("bank_account", "bank_account_invalid"),
    } <= codes
    assert _count(db, HardshipCase) == 0
    from desktop.core.texts import error_text
    words = error_text(caught.value)
    assert "家庭成员第 1 项的与本人关系：请填写与本人的关系。" in words


def test_one_open_file_per_household(db: Database, admin: Actor) -> None:
    (person,) = add_people(db, 1)
    walk(db, person, "approved")
    with pytest.raises(ValidationError) as caught:
        service(db, CAST["maker"]).open(draft(person))
    assert caught.value.codes() == {"person": "hardship_file_open"}


def test_an_approved_file_changes_only_through_an_amendment(db: Database, admin: Actor) -> None:
    (person,) = add_people(db, 1)
    case_id = walk(db, person, "approved")
    clerk = service(db, CAST["clerk"])
    version = clerk.get(case_id).row_version
    with pytest.raises(AppError) as caught:
        clerk.update(case_id, draft(person, notes="改"), expected_version=version)
    assert caught.value.code == "hardship_read_only"
    # the status in words, as the clerk reads it, never the code
    assert "“已认定”" in error_text(caught.value) and "approved" not in error_text(caught.value)
    assert "“Approved”" in error_text(caught.value, "en")
    with pytest.raises(ValidationError):
        clerk.amend(case_id, draft(person, notes="改"), expected_version=version, reason=" ")
    clerk.amend(case_id, draft(person, notes="改"), expected_version=version, reason="补充说明")
    got = clerk.get(case_id)
    assert got.notes == "改" and got.last_edited_by == "clerk2"


def test_notice_shorter_than_the_minimum_is_refused(db: Database, admin: Actor) -> None:
    (person,) = add_people(db, 1)
    case_id = walk(db, person, "verified")
    clerk = service(db, CAST["maker"])
    with pytest.raises(ValidationError) as caught:
        clerk.start_notice(case_id, start=dt.date(2026, 6, 1), end=dt.date(2026, 6, 5 - 1),
                           opinion="公示")
    assert caught.value.codes() == {"notice_end": "notice_too_short"}
    assert clerk.get(case_id).status == "verified"
    # default: 5 working days from a Friday ends the next Thursday
    assert add_working_days(dt.date(2026, 6, 5), 5) == dt.date(2026, 6, 11)
    assert working_days(dt.date(2026, 6, 5), dt.date(2026, 6, 11)) == 5


def test_approval_waits_for_the_notice_to_end(db: Database, admin: Actor) -> None:
    (person,) = add_people(db, 1)
    case_id = walk(db, person, "verified")
    service(db, CAST["maker"]).start_notice(case_id, start=TODAY, opinion="公示")
    service(db, CAST["clerk"]).record_objection(case_id, "邻居反映其子女有车")
    with pytest.raises(AppError) as caught:
        service(db, APPROVER).approve(case_id, "同意")
    assert caught.value.code == "hardship_notice_running"
    got = service(db, CAST["viewer"]).get(case_id)
    assert got.notice_end == dt.date(2026, 6, 16)
    assert got.steps[-1].action == "objection" and "有车" in got.steps[-1].opinion


# -- payments -------------------------------------------------------------------------------

def _rules(db: Database) -> None:
    admin = service(db, CAST["admin"])
    admin.set_standard(2026, "特殊困难帮扶金", amount=300_000, per_year=1)
    admin.set_standard(2026, "医疗救助", amount=5_000_000, ratio_pct=60)


def test_payments_keep_the_standards_unless_an_approver_overrides(
        db: Database, admin: Actor) -> None:
    (person,) = add_people(db, 1)
    _rules(db)
    case_id = walk(db, person, "approved")
    clerk = service(db, CAST["clerk"])
    paid = dt.date(2026, 6, 1)
    with pytest.raises(ValidationError) as caught:
        clerk.record_payment(case_id, kind="特殊困难帮扶金", amount=350_000, paid_on=paid,
                             payer="县总工会")
    assert caught.value.codes() == {"amount": "payment_above_cap"}
    clerk.record_payment(case_id, kind="特殊困难帮扶金", amount=300_000, paid_on=paid,
                         payer="县总工会")
    with pytest.raises(ValidationError) as caught:
        clerk.record_payment(case_id, kind="特殊困难帮扶金", amount=100_000, paid_on=paid,
                             payer="县总工会")
    assert caught.value.codes() == {"kind": "payment_per_year"}
    with pytest.raises(PermissionDenied):  # a clerk cannot override
        clerk.record_payment(case_id, kind="特殊困难帮扶金", amount=100_000, paid_on=paid,
                             payer="县总工会", override_reason="突发重病")
    # medical aid: 60 % of 10,000 元 self-paid = 6,000 元
    with pytest.raises(ValidationError) as caught:
        clerk.record_payment(case_id, kind="医疗救助", amount=700_000, paid_on=paid,
                             payer="县总工会", medical_self_paid=1_000_000)
    assert caught.value.codes() == {"amount": "payment_above_medical_share"}
    clerk.record_payment(case_id, kind="医疗救助", amount=600_000, paid_on=paid,
                         payer="县总工会", medical_self_paid=1_000_000)
    overrider = service(db, CAST["admin"])
    overrider.record_payment(case_id, kind="特殊困难帮扶金", amount=100_000, paid_on=paid,
                             payer="县总工会", override_reason="突发重病，领导批示")
    got = clerk.get(case_id)
    assert [(p.kind, p.amount, p.override_reason) for p in got.payments] == [
        ("特殊困难帮扶金", 300_000, None), ("医疗救助", 600_000, None),
        ("特殊困难帮扶金", 100_000, "突发重病，领导批示")]
    assert got.payments[0].bank_account.endswith("8901")
    with db.read_sessions.begin() as s:
        details = s.scalars(select(AuditEvent.detail).where(
            AuditEvent.action == "hardship.payment")).all()
    assert len(details) == 3 and "payment_per_year" in details[-1]


@pytest.mark.parametrize("flag", ["is_revoked", "is_emigrated", "is_lost_contact",
                                  "under_investigation"])
def test_excluded_persons_are_never_paid(db: Database, admin: Actor, flag: str) -> None:
    (person,) = add_people(db, 1)
    case_id = walk(db, person, "approved")
    with db.sessions.begin() as s:
        s.execute(update(Person).where(Person.id == person).values({flag: True}))
    with pytest.raises(AppError) as caught:
        service(db, CAST["admin"]).record_payment(
            case_id, kind="春节慰问金", amount=100_000, paid_on=TODAY, payer="县总工会",
            override_reason="试图强行发放")
    assert caught.value.code.startswith("payment_blocked_")
    assert _count(db, HardshipPayment) == 0


def test_only_approved_files_are_paid(db: Database, admin: Actor) -> None:
    (person,) = add_people(db, 1)
    case_id = walk(db, person, "notice")
    with pytest.raises(AppError) as caught:
        service(db, CAST["clerk"]).record_payment(
            case_id, kind="春节慰问金", amount=100_000, paid_on=TODAY, payer="县总工会")
    assert caught.value.code == "hardship_not_approved"


# -- attachments ----------------------------------------------------------------------------

def test_attachments_are_kept_with_their_hash_and_reading_is_audited(
        db: Database, admin: Actor, tmp_path: Path) -> None:
    (person,) = add_people(db, 1)
    case_id = walk(db, person, "draft")
    scan = tmp_path / "收入证明.pdf"
    scan.write_bytes(b"%PDF-1.4 scan" * 100)
    clerk = service(db, CAST["maker"])
    att = clerk.add_attachment(case_id, scan, "收入证明")
    got = clerk.get(case_id)
    (row,) = got.attachments
    assert row.sha256 == hashlib.sha256(scan.read_bytes()).hexdigest()
    assert row.media_type == "application/pdf"
    assert "收入证明" not in got.missing_documents
    name, _media, content = service(db, CAST["viewer"]).read_attachment(att)
    assert (name, content) == ("收入证明.pdf", scan.read_bytes())
    with db.read_sessions.begin() as s:
        actions = s.scalars(select(AuditEvent.action).where(
            AuditEvent.actor == "view1")).all()
    assert actions == ["hardship.attachment_view"]
    with pytest.raises(PermissionDenied):
        service(db, CAST["viewer"]).read_attachment(att, "export")
    again = tmp_path / "收入证明（再扫）.pdf"  # the same bytes under another name
    again.write_bytes(scan.read_bytes())
    with pytest.raises(ValidationError) as caught:
        clerk.add_attachment(case_id, again, "收入证明")
    assert caught.value.problems[0].code == "attachment_twice"
    assert "收入证明.pdf" in str(caught.value.problems[0].params)
    assert len(clerk.get(case_id).attachments) == 1  # nothing added
    clerk.add_attachment(case_id, again, "本人申请")  # one scan serving as another document
    assert len(clerk.get(case_id).attachments) == 2


def test_scans_of_id_cards_and_household_books_need_the_unmask_permission(
        db: Database, admin: Actor, tmp_path: Path) -> None:
    """A scan of a 身份证 or 户口本 shows the numbers in full: a viewer is refused (nothing
    audited as looked at), a clerk opens it, audited with its kind."""
    (person,) = add_people(db, 1)
    case_id = walk(db, person, "draft")
    clerk = service(db, CAST["maker"])
    scans = {}
    for kind in ("身份证", "户口本", "收入证明"):
        scan = tmp_path / f"{kind}.jpg"
        scan.write_bytes(b"\xff\xd8 scan " + kind.encode())
        scans[kind] = clerk.add_attachment(case_id, scan, kind)
    viewer = service(db, CAST["viewer"])
    for kind in ("身份证", "户口本"):
        with pytest.raises(PermissionDenied) as refused:
            viewer.read_attachment(scans[kind])
        assert refused.value.permission == "unmask"
    assert viewer.read_attachment(scans["收入证明"])[0] == "收入证明.jpg"
    assert clerk.read_attachment(scans["身份证"])[0] == "身份证.jpg"
    with db.read_sessions.begin() as s:
        seen = [(a, json.loads(d) if isinstance(d, str) else d) for a, d in s.execute(
            select(AuditEvent.actor, AuditEvent.detail).where(
                AuditEvent.action == "hardship.attachment_view").order_by(AuditEvent.seq))]
    assert [(a, d["doc_type"]) for a, d in seen] == [("view1", "收入证明"), ("clerk1", "身份证")]


def test_wrong_attachments_are_refused(db: Database, admin: Actor, tmp_path: Path) -> None:
    (person,) = add_people(db, 1)
    case_id = walk(db, person, "draft")
    clerk = service(db, CAST["maker"])
    huge = tmp_path / "video.mp4"
    with huge.open("wb") as f:  # sparse: 200 MB without writing them
        f.truncate(200 * 1024 * 1024)
    for path, code in ((tmp_path, "attachment_not_a_file"),
                       (tmp_path / "missing.jpg", "attachment_not_a_file"),
                       (huge, "attachment_too_large")):
        with pytest.raises(ValidationError) as caught:
            clerk.add_attachment(case_id, path, "收入证明")
        assert caught.value.codes() == {"file": code}
    from desktop.core.texts import error_text
    assert "200 MB" in error_text(caught.value)
    assert service(db, CAST["viewer"]).get(case_id).attachments == ()


def test_the_notice_cannot_be_backdated_before_the_verification(
        db: Database, admin: Actor) -> None:
    """Issue 14, point 7: 公示 shows a checked file, so it starts on or after the 入户核查
    date; nothing is written on refusal; approval still waits for the notice to end."""
    (person,) = add_people(db, 1)
    case_id = walk(db, person, "verified")  # verified 30 days ago
    clerk = service(db, CAST["maker"])
    verified = clerk.get(case_id).verified_on
    assert verified is not None
    with pytest.raises(ValidationError) as caught:
        clerk.start_notice(case_id, start=verified - dt.timedelta(days=1), opinion="公示")
    assert caught.value.codes() == {"notice_start": "notice_before_verification"}
    assert clerk.get(case_id).status == "verified"
    clerk.start_notice(case_id, start=dt.date.today(), opinion="公示")
    with pytest.raises(AppError) as refused:
        service(db, APPROVER).approve(case_id, "同意")  # not the verifier (issue 16, item 7)
    assert refused.value.code == "hardship_notice_running"


def test_the_notice_cannot_start_before_the_submission(db: Database, admin: Actor) -> None:
    """Issue 14, point 7: a file submitted today cannot have a 公示 that began earlier."""
    (person,) = add_people(db, 1)
    clerk, checker = service(db, CAST["maker"]), service(db, CAST["reviewer"])
    case_id = clerk.open(draft(person))
    attach_application(db, case_id)
    clerk.submit(case_id, "本人申请")
    checker.verify(case_id, on=TODAY - dt.timedelta(days=5), by="王科长", method="入户",
                   findings="属实", opinion="同意")
    with pytest.raises(ValidationError) as caught:
        clerk.start_notice(case_id, start=dt.date.today() - dt.timedelta(days=2),
                           opinion="公示")
    assert caught.value.codes() == {"notice_start": "notice_before_submission"}
    assert clerk.get(case_id).status == "verified"
    attach_document(db, case_id, "入户核查记录")
    clerk.start_notice(case_id, start=dt.date.today(), opinion="公示")
    assert clerk.get(case_id).status == "notice"
