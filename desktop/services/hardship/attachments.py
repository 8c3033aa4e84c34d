"""Scans and photos kept with a hardship file (收入证明, 户口本, 诊断书 …).

The bytes are stored in the database with their SHA-256 (DESIGN: one file to back up, and the
data package carries them with the file). Looking at or exporting one is audited.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import mimetypes
import uuid
from pathlib import Path
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from desktop.errors import AppError, NotFound, ValidationError
from desktop.models import HardshipAttachment, HardshipCase
from desktop.services import audit
from desktop.services.hardship.rules import (
    DOCUMENT_TYPES,
    DOCUMENTS_FIXED,
    attachment_permission,
    clean,
)
from desktop.services.hardship.store import add_step, load_case
from desktop.services.hardship.workflow import local_date
from desktop.services.permissions import Actor, Perm
from desktop.services.register.store import home_district_id

MAX_ATTACHMENT = 20 * 1024 * 1024
"""A scan or a phone photo is a few MB; anything this large is the wrong file (a video, a
whole disk image) and would bloat every backup."""


class HardshipAttachments:
    """Adding and reading attachments; mixed into ``HardshipService``."""

    _sessions: sessionmaker[Session]
    _actor: Actor

    def add_attachment(self, case_id: uuid.UUID, path: Path, doc_type: str) -> uuid.UUID:
        self._actor.require(Perm.EDIT_PERSONS)
        if doc_type not in DOCUMENT_TYPES:
            raise ValidationError.single("doc_type", "attachment_type_unknown", value=doc_type)
        if not path.is_file():
            raise ValidationError.single("file", "attachment_not_a_file", path=str(path))
        size = path.stat().st_size
        if size == 0:
            raise ValidationError.single("file", "attachment_empty", path=str(path))
        if size > MAX_ATTACHMENT:
            raise ValidationError.single("file", "attachment_too_large", path=str(path),
                                         size_mb=size // (1024 * 1024),
                                         max_mb=MAX_ATTACHMENT // (1024 * 1024))
        content = path.read_bytes()
        digest = hashlib.sha256(content).hexdigest()
        media = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        with self._sessions.begin() as s:
            case = load_case(s, case_id, lock=True)
            if case.status in ("closed", "rejected"):
                raise AppError("hardship_read_only", status=case.status)
            _refuse_twice(s, case.id, doc_type, digest, path)
            row = HardshipAttachment(
                case_id=case.id, doc_type=doc_type, file_name=path.name[:200],
                media_type=media, size=len(content), sha256=digest, content=content,
                added_by=self._actor.name, origin_district_id=home_district_id(s))
            s.add(row)
            s.flush()
            detail = {"doc_type": doc_type, "file": path.name, "sha256": digest,
                      "size": len(content)}
            add_step(s, case, self._actor, "attach", case.status, "", detail)
            case.updated_at = dt.datetime.now(dt.UTC)
            audit.append(s, self._actor, "hardship.attach", entity="hardship_case",
                         entity_id=case.id, detail=detail)
            return row.id

    def change_attachment_type(self, attachment_id: uuid.UUID, doc_type: str) -> None:
        """A document filed under the wrong type (身份证 filed as 本人申请) filed again under
        ``doc_type``: a history line and an audit entry say from what to what. Not once the
        file is decided; a scan of an ID card, 户口本 or bank card (either way) only by a user
        who may see it, so that a retype never makes one readable to everyone."""
        self._actor.require(Perm.EDIT_PERSONS)
        if doc_type not in DOCUMENT_TYPES:
            raise ValidationError.single("doc_type", "attachment_type_unknown", value=doc_type)
        with self._sessions.begin() as s:
            row, case = self._changeable(s, attachment_id)
            self._actor.require(attachment_permission(doc_type))
            if row.doc_type == doc_type:
                return
            detail = {"attachment": str(row.id), "file": row.file_name,
                      "from": row.doc_type, "doc_type": doc_type}
            row.doc_type = doc_type
            add_step(s, case, self._actor, "retype", case.status, "", detail)
            case.updated_at = dt.datetime.now(dt.UTC)
            audit.append(s, self._actor, "hardship.attachment_retype", entity="hardship_case",
                         entity_id=case.id, detail=detail)

    def remove_attachment(self, attachment_id: uuid.UUID, reason: str) -> None:
        """A document removed (the wrong file, another household's scan): a tombstone with
        who, when and why (the bytes stay for the audit and travel as a deletion), a history
        line and an audit entry. Not once the file is decided."""
        self._actor.require(Perm.EDIT_PERSONS)
        why = clean(reason)
        if why is None:
            raise ValidationError.single("reason", "reason_required")
        with self._sessions.begin() as s:
            row, case = self._changeable(s, attachment_id)
            row.deleted_at, row.deleted_by, row.delete_reason = (
                dt.datetime.now(dt.UTC), self._actor.name, why[:500])
            detail = {"attachment": str(row.id), "file": row.file_name,
                      "doc_type": row.doc_type, "reason": why}
            add_step(s, case, self._actor, "detach", case.status, why, detail)
            case.updated_at = dt.datetime.now(dt.UTC)
            audit.append(s, self._actor, "hardship.attachment_remove", entity="hardship_case",
                         entity_id=case.id, detail=detail)

    def _changeable(self, s: Session,
                    attachment_id: uuid.UUID) -> tuple[HardshipAttachment, HardshipCase]:
        """The document and its file, locked, when its type may change or it may go: present,
        seen by this user, and the file not approved, under review, closed or rejected."""
        row = s.get(HardshipAttachment, attachment_id)
        if row is None or row.deleted_at is not None:
            raise NotFound("hardship_attachment", attachment_id)
        self._actor.require(attachment_permission(row.doc_type))
        case = load_case(s, row.case_id, lock=True)
        if case.status in DOCUMENTS_FIXED:
            raise AppError("hardship_documents_fixed", status=case.status)
        return row, case

    def read_attachment(self, attachment_id: uuid.UUID,
                        purpose: Literal["view", "export"] = "view") -> tuple[str, str, bytes]:
        """(file name, media type, bytes); the look or the export is audited, and the bytes
        are checked against the stored SHA-256. A scan of an ID card, a 户口本 or a bank card
        shows the numbers in full: only for a user who may see them (``Perm.UNMASK``)."""
        self._actor.require(Perm.VIEW if purpose == "view" else Perm.IMPORT_EXPORT)
        with self._sessions.begin() as s:
            row = s.get(HardshipAttachment, attachment_id)
            if row is None or row.deleted_at is not None:
                raise NotFound("hardship_attachment", attachment_id)
            self._actor.require(attachment_permission(row.doc_type))  # nothing written
            if hashlib.sha256(row.content).hexdigest() != row.sha256:
                raise AppError("attachment_corrupt", file=row.file_name)
            audit.append(s, self._actor, f"hardship.attachment_{purpose}",
                         entity="hardship_case", entity_id=row.case_id,
                         detail={"attachment": str(row.id), "file": row.file_name,
                                 "doc_type": row.doc_type})
            return row.file_name, row.media_type, row.content


def _refuse_twice(s: Session, case_id: uuid.UUID, doc_type: str, digest: str,
                  path: Path) -> None:
    """The same file added again as the same document (a double click, a second try after a
    slow disk) is refused, naming the first; the same scan may serve as another document."""
    earlier = s.execute(select(HardshipAttachment.file_name, HardshipAttachment.created_at)
                        .where(HardshipAttachment.case_id == case_id,
                               HardshipAttachment.doc_type == doc_type,
                               HardshipAttachment.sha256 == digest,
                               HardshipAttachment.deleted_at.is_(None))).first()
    if earlier is not None:
        raise ValidationError.single("file", "attachment_twice", path=path.name,
                                     doc_type=doc_type, first=earlier.file_name,
                                     date=local_date(earlier.created_at).isoformat())
