"""Printed documents: the ledger of certificate and card serials (issue, reprint, void).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28

Written by hand. A new table only (the seal image and the administrator's fonts are ``setting``
rows), so nothing existing is rebuilt.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

ISSUE = "action = 'issue'"


def upgrade() -> None:
    op.create_table(
        "document_log",
        sa.Column("serial", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("person_id", sa.Uuid(), nullable=True),
        sa.Column("person_name", sa.String(length=64), nullable=False),
        sa.Column("content", sa.Text(), nullable=True),
        sa.Column("content_hash", sa.String(length=64), nullable=True),
        sa.Column("unmasked", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True),
                  server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True),
                  server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.Column("row_version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("deleted_by", sa.String(length=64), nullable=True),
        sa.Column("delete_reason", sa.String(length=500), nullable=True),
        sa.Column("origin_district_id", sa.Uuid(), nullable=True),
        sa.CheckConstraint("kind IN ('certificate', 'card')",
                           name=op.f("ck_document_log_kind")),
        sa.CheckConstraint("action IN ('issue', 'reprint', 'void')",
                           name=op.f("ck_document_log_action")),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"],
                                name=op.f("fk_document_log_person_id_person")),
        sa.ForeignKeyConstraint(["origin_district_id"], ["district.id"],
                                name=op.f("fk_document_log_origin_district_id_district")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document_log")),
    )
    with op.batch_alter_table("document_log", schema=None) as batch_op:
        batch_op.create_index("ix_document_log_serial", ["serial"], unique=False)
        batch_op.create_index("ix_document_log_person_id", ["person_id"], unique=False)
        batch_op.create_index("uq_document_log_issue_serial", ["serial"], unique=True,
                              sqlite_where=sa.text(ISSUE), postgresql_where=sa.text(ISSUE))


def downgrade() -> None:
    op.drop_table("document_log")
