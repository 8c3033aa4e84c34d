"""The audit log records the digests of the rows each write left (issue 16, item 6).

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-03

``audit_event.row_state``: JSON ``{"person": {"<uuid hex>": "<digest>"}, …}`` of the watched rows
the entry's transaction wrote (``_baseline``: every row), covered by the entry's hash when
present, so older entries hash as before. ``laomo check`` compares it with the current rows.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # a plain ADD COLUMN (no table copy): instant on a log of 100,000 entries
    op.add_column('audit_event', sa.Column('row_state', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('audit_event') as batch:
        batch.drop_column('row_state')
