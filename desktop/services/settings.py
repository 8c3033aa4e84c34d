"""Business configuration kept in the database (``setting`` rows holding JSON)."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy.orm import Session

from desktop.models import Setting

MODE = "association.mode"  # "county" or "city"
ASSOCIATION = "association.name"  # 长兴县 / 湖州市
ASSOCIATION_SUFFIX = "劳动模范协会"  # 长兴县 + 劳动模范协会: how documents name the issuer
CITY = "association.city"
CONTACT = "association.contact"  # who takes objections to a public notice (name, telephone)


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
