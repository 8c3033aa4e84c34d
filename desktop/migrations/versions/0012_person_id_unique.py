"""One live person per ID number and origin district (issue 16, item 1).

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03

Written by hand. Two clerks importing the same roster at once registered every person twice:
nothing in the database said an ID number belongs to one live person. ``uq_person_id_number_live``
says it, per origin district (the city legitimately holds the same ID number from two districts
until it pairs a 迁出/迁入 or resolves the conflict the handoff reports; within one installation's
own records a second live holder is always a mistake), for persons neither deleted nor merged away.

A database that already holds such duplicates (made by the race this revision closes) cannot
take the index, and the upgrade must neither fail nor throw a record away. So:

* persons without an origin district get this installation's home district (as 0011 did for
  certificate serials), so the index covers them;
* when no live duplicates remain, the index is created here;
* otherwise the index is *deferred*: nothing is deleted or merged, the setting
  ``register.id_unique_pending`` records how many ID numbers are held twice, the 查重 page lists
  every such pair first (same ID number is its strongest reason), and the index is created by
  ``desktop.services.register.id_guard.ensure`` in the transaction of the merge that removes
  the last duplicate (or at the next import once none is left). Until then imports are still
  serialised by their lock (``desktop.services.imports.importer``).
"""

from __future__ import annotations

import json
import uuid

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

NAME = "uq_person_id_number_live"
LIVE = "id_number IS NOT NULL AND deleted_at IS NULL AND merged_into_id IS NULL"
PENDING = "register.id_unique_pending"


def upgrade() -> None:
    bind = op.get_bind()
    setting = sa.table("setting", sa.column("key", sa.String), sa.column("value", sa.Text),
                       sa.column("updated_at", sa.DateTime(timezone=True)))
    person = sa.table("person", sa.column("id_number", sa.String),
                      sa.column("origin_district_id", sa.Uuid),
                      sa.column("deleted_at", sa.DateTime(timezone=True)),
                      sa.column("merged_into_id", sa.Uuid))
    value = bind.execute(sa.select(setting.c.value).where(
        setting.c.key == "association.district_id")).scalar()
    if value:
        home = uuid.UUID(str(json.loads(value)))
        bind.execute(sa.update(person).where(person.c.origin_district_id.is_(None))
                     .values(origin_district_id=home))
    twice = bind.execute(sa.select(sa.func.count()).select_from(
        sa.select(person.c.origin_district_id, person.c.id_number)
        .where(sa.text(LIVE))
        .group_by(person.c.origin_district_id, person.c.id_number)
        .having(sa.func.count() > 1).subquery())).scalar() or 0
    if twice:
        bind.execute(sa.insert(setting).values(
            key=PENDING, value=json.dumps({"id_numbers": int(twice)}),
            updated_at=sa.func.current_timestamp()))
        return
    op.create_index(NAME, "person", ["origin_district_id", "id_number"], unique=True,
                    sqlite_where=sa.text(LIVE), postgresql_where=sa.text(LIVE))


def downgrade() -> None:
    bind = op.get_bind()
    bind.execute(sa.text("DELETE FROM setting WHERE key = :key"), {"key": PENDING})
    op.execute(f"DROP INDEX IF EXISTS {NAME}")
