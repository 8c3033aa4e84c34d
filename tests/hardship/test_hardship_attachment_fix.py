"""Clerk walk-through (approve): a document filed under the wrong type is filed again under
the right one, or removed with a reason (a tombstone with who, when and why); both audited,
kept in the history, permission-checked, and refused once the file is decided."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from desktop.database import Database
from desktop.errors import AppError, PermissionDenied, ValidationError
from desktop.models import AuditEvent, HardshipAttachment
from desktop.services.permissions import Actor, Perm
from tests.hardship_support import CAST, add_people, attach_document, draft, service, walk


def _attachment(db: Database, case_id: object, kind: str) -> HardshipAttachment:
    with db.read_sessions.begin() as s:
        row = s.scalars(select(HardshipAttachment).where(
            HardshipAttachment.case_id == case_id, HardshipAttachment.doc_type == kind)).one()
        s.expunge(row)
        return row


def _audited(db: Database, action: str) -> list[str]:
    with db.read_sessions.begin() as s:
        return [str(d) for d in s.scalars(select(AuditEvent.detail)
                                          .where(AuditEvent.action == action))]


def test_a_document_is_retyped_or_removed_until_the_file_is_decided(
        db: Database, admin: Actor) -> None:
    (person,) = add_people(db, 1, start=780)
    clerk = service(db, CAST["maker"])
    case_id = clerk.open(draft(person))
    attach_document(db, case_id, "本人申请")  # really the 收入证明
    wrong = _attachment(db, case_id, "本人申请")
    with pytest.raises(PermissionDenied):
        service(db, CAST["viewer"]).change_attachment_type(wrong.id, "收入证明")
    with pytest.raises(ValidationError):
        clerk.change_attachment_type(wrong.id, "工资条")
    clerk.change_attachment_type(wrong.id, "收入证明")
    got = clerk.get(case_id)
    assert [a.doc_type for a in got.attachments] == ["收入证明"]
    assert "本人申请" in got.missing_documents and "收入证明" not in got.missing_documents
    assert got.steps[-1].action == "retype"
    assert any("收入证明" in d and "本人申请" in d
               for d in _audited(db, "hardship.attachment_retype"))
    # removed: a reason is asked, the row stays as a tombstone with who, when and why
    with pytest.raises(ValidationError):
        clerk.remove_attachment(wrong.id, "  ")
    clerk.remove_attachment(wrong.id, "别户的材料，传错了")
    got = clerk.get(case_id)
    assert got.attachments == () and "收入证明" in got.missing_documents
    assert got.steps[-1].action == "detach"
    gone = _attachment(db, case_id, "收入证明")
    assert gone.deleted_at is not None and gone.deleted_by == CAST["maker"].name
    assert gone.delete_reason == "别户的材料，传错了"
    assert _audited(db, "hardship.attachment_remove")
    with pytest.raises(AppError):  # gone: neither read nor changed again
        clerk.change_attachment_type(gone.id, "本人申请")


def test_a_decided_files_documents_stay(
        db: Database, admin: Actor) -> None:
    (person,) = add_people(db, 1, start=800)
    case_id = walk(db, person, "approved")
    clerk = service(db, CAST["maker"])
    notice = _attachment(db, case_id, "公示材料")
    with pytest.raises(AppError) as refused:
        clerk.change_attachment_type(notice.id, "其他")
    assert refused.value.code == "hardship_documents_fixed"
    with pytest.raises(AppError) as refused:
        clerk.remove_attachment(notice.id, "重复")
    assert refused.value.code == "hardship_documents_fixed"
    assert _attachment(db, case_id, "公示材料").deleted_at is None
    # an ID card scan is retyped by who may see it (Perm.UNMASK)
    (other,) = add_people(db, 1, start=820)
    draft_id = clerk.open(draft(other))
    attach_document(db, draft_id, "身份证")
    attach_document(db, draft_id, "其他")
    card = _attachment(db, draft_id, "身份证")
    assert CAST["admin"].can(Perm.UNMASK)
    service(db, CAST["admin"]).change_attachment_type(card.id, "户口本")
    assert _attachment(db, draft_id, "户口本").id == card.id
