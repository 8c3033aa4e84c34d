"""The objection contact printed under a 公示 (``association.contact``): only an
administrator sets it, every change is audited, and the notice prints what was set."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from desktop.database import Database
from desktop.errors import PermissionDenied, ValidationError
from desktop.models import AuditEvent
from desktop.services.hardship.prints import HardshipPrint
from desktop.services.permissions import Actor
from desktop.services.settings import CONTACT, CONTACT_MAX, SettingsService
from tests.hardship_support import CAST, TODAY, add_people, walk

CONTACT_TEXT = "协会办公室 王老师，电话 0572-6021234"


def test_only_an_administrator_sets_the_contact_and_it_is_audited(db: Database,
                                                                 admin: Actor) -> None:
    service = SettingsService(db.sessions, admin, db.read_sessions)
    assert service.association_contact() == ""
    assert service.set_association_contact("  协会办公室  王老师，电话\n0572-6021234 ") \
        == CONTACT_TEXT  # one line, single spaces
    assert service.association_contact() == CONTACT_TEXT
    service.set_association_contact(CONTACT_TEXT)  # unchanged: no second event

    for who in ("clerk", "reviewer", "viewer"):
        with pytest.raises(PermissionDenied):
            SettingsService(db.sessions, CAST[who]).set_association_contact("别人")
    with pytest.raises(ValidationError) as long:
        service.set_association_contact("长" * (CONTACT_MAX + 1))
    assert long.value.codes() == {"contact": "too_long"}
    assert service.association_contact() == CONTACT_TEXT  # nothing written on refusal

    with db.read_sessions.begin() as s:
        events = list(s.execute(select(AuditEvent.actor, AuditEvent.entity_id,
                                       AuditEvent.detail)
                                .where(AuditEvent.action == "settings.set_contact")))
    assert len(events) == 1
    assert events[0].entity_id == CONTACT and CONTACT_TEXT in str(events[0].detail)


def test_the_notice_prints_the_contact_that_was_set(db: Database, admin: Actor) -> None:
    (person,) = add_people(db, 1)
    walk(db, person, "notice")
    SettingsService(db.sessions, admin, db.read_sessions).set_association_contact(CONTACT_TEXT)
    pdf = HardshipPrint(db.sessions, admin, db.read_sessions, today=lambda: TODAY).notice()
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "0572-6021234" in text and "王老师" in text
