"""Seams between visits, hardship files and the register: a campaign's maker, last editor and
approval (a reviewer approves the list; maker ≠ checker), and the hardship file a visit's
follow-up opened.

Revision ID: 0010
Revises: 0008
Create Date: 2026-11-28

Only new nullable columns, added through batch_alter_table so SQLite and PostgreSQL both take
them. Campaigns made before this revision have no recorded maker (the audit log holds it).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("visit_campaign", schema=None) as batch_op:
        batch_op.add_column(sa.Column("created_by", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("last_edited_by", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("approved_by", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("approved_at", sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.add_column(sa.Column("hardship_case_id", sa.Uuid(), nullable=True))
        batch_op.create_foreign_key("fk_visit_hardship_case_id_hardship_case",
                                    "hardship_case", ["hardship_case_id"], ["id"])


def downgrade() -> None:
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.drop_constraint("fk_visit_hardship_case_id_hardship_case", type_="foreignkey")
        batch_op.drop_column("hardship_case_id")
    with op.batch_alter_table("visit_campaign", schema=None) as batch_op:
        batch_op.drop_column("approved_at")
        batch_op.drop_column("approved_by")
        batch_op.drop_column("last_edited_by")
        batch_op.drop_column("created_by")
