"""Proofs of assistance (帮扶证明) in the document ledger: ``document_log.kind`` may be
``hardship_proof``, so their serials are issued, reprinted and voided like the others.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-28

Written by hand. Only the kind check constraint changes (batch mode: SQLite rebuilds the table).
"""

from __future__ import annotations

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

OLD = "kind IN ('certificate', 'card')"
NEW = "kind IN ('certificate', 'card', 'hardship_proof')"


def _kinds(check: str) -> None:
    with op.batch_alter_table("document_log", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_document_log_kind"), type_="check")
        batch_op.create_check_constraint(op.f("ck_document_log_kind"), check)


def upgrade() -> None:
    _kinds(NEW)


def downgrade() -> None:
    op.execute("DELETE FROM document_log WHERE kind = 'hardship_proof'")
    _kinds(OLD)
