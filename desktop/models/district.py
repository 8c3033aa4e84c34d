"""The association's own list of districts (协会区县)."""

from __future__ import annotations

import uuid

from sqlalchemy import Boolean, CheckConstraint, Integer, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base, Travelling


class District(Travelling, Base):
    """A district managed by the association: a county, the city itself (市本级) or a zone.

    ``gbt2260`` is optional: 南太湖新区 is an association district without a national code.
    """

    __tablename__ = "district"
    __table_args__ = (
        CheckConstraint("kind IN ('city', 'city_level', 'county', 'zone')", name="kind"),
    )

    name: Mapped[str] = mapped_column(String(40), unique=True)
    gbt2260: Mapped[str | None] = mapped_column(String(6))
    kind: Mapped[str] = mapped_column(String(16))
    sort_order: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default="1")
    parent_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
