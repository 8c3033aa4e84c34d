"""Business configuration kept in the database (``setting`` rows holding JSON), and
:class:`SettingsService` for the settings an administrator edits in the window."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy.orm import Session

from desktop.errors import ValidationError
from desktop.models import Setting
from desktop.services import audit
from desktop.services.base import Service
from desktop.services.permissions import Perm

MODE = "association.mode"  # "county" or "city"
ASSOCIATION = "association.name"  # 长兴县 / 湖州市
ASSOCIATION_SUFFIX = "劳动模范协会"  # 长兴县 + 劳动模范协会: how documents name the issuer
CITY = "association.city"
CONTACT = "association.contact"  # who takes objections to a public notice (name, telephone)
# {"id_numbers": n}: migration 0012 found ID numbers held twice and deferred the unique index
ID_UNIQUE_PENDING = "register.id_unique_pending"


def get(s: Session, key: str, default: Any = None) -> Any:
    row = s.get(Setting, key)
    return default if row is None else json.loads(row.value)


def put(s: Session, key: str, value: Any) -> None:
    text = json.dumps(value, ensure_ascii=False)
    row = s.get(Setting, key)
    if row is None:
        s.add(Setting(key=key, value=text))
    else:
        row.value = text


def association_title(s: Session) -> str:
    """The issuing association as documents name it (长兴县劳动模范协会)."""
    return str(get(s, ASSOCIATION) or "") + ASSOCIATION_SUFFIX


CONTACT_MAX = 120
"""Characters of the objection contact (a name, an office and one or two telephones)."""


class SettingsService(Service):
    """Settings an administrator edits: each change is checked here (permission, value) and
    written with an audit event, like the document fonts and seal."""

    def association_contact(self) -> str:
        """Whom to tell of an objection to a 公示 (printed under it); "" when not set."""
        with self._read_sessions.begin() as s:
            return str(get(s, CONTACT) or "")

    def set_association_contact(self, text: str) -> str:
        """Set (or clear, with "") the objection contact printed on every 公示; returns it as
        stored (trimmed, one line)."""
        self._actor.require(Perm.MANAGE_SETTINGS)
        value = " ".join(text.split())
        if len(value) > CONTACT_MAX:
            raise ValidationError.single("contact", "too_long", maximum=CONTACT_MAX)
        with self._sessions.begin() as s:
            before = str(get(s, CONTACT) or "")
            if value == before:
                return value
            put(s, CONTACT, value or None)
            audit.append(s, self._actor, "settings.set_contact", entity="setting",
                         entity_id=CONTACT, detail={"before": before, "after": value})
        return value
