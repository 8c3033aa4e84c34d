"""Hardship files (困难劳模帮扶): the file per household, its members, review steps, payments,
attachments, and the configurable standards (低保 lines, payment caps).

Revision ID: 0007
Revises: 0004
Create Date: 2026-11-28

Written by autogenerate, then read and edited by hand. Only new tables: nothing existing changes
(the person's ``in_hardship`` flag already exists since 0003). Money columns are BIGINT fen.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "standard",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("district_id", sa.Uuid(), nullable=True),
        sa.Column("amount", sa.BigInteger(), nullable=True),
        sa.Column("ratio_pct", sa.Integer(), nullable=True),
        sa.Column("per_year", sa.Integer(), nullable=True),
        sa.Column("note", sa.String(length=200), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "ratio_pct IS NULL OR (ratio_pct BETWEEN 1 AND 100)", name=op.f("ck_standard_ratio")
        ),
        sa.ForeignKeyConstraint(
            ["district_id"], ["district.id"], name=op.f("fk_standard_district_id_district")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_standard")),
        sa.UniqueConstraint("year", "kind", "district_id", name="uq_standard_year"),
    )
    op.create_table(
        "hardship_case",
        sa.Column("serial", sa.String(length=20), nullable=False),
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("district_id", sa.Uuid(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("category", sa.String(length=20), nullable=False),
        sa.Column("main_cause", sa.String(length=4), nullable=False),
        sa.Column("secondary_causes", sa.String(length=20), nullable=False),
        sa.Column("person_income", sa.BigInteger(), nullable=False),
        sa.Column("other_income", sa.BigInteger(), nullable=False),
        sa.Column("fixed_costs", sa.BigInteger(), nullable=False),
        sa.Column("household_size", sa.Integer(), nullable=False),
        sa.Column("per_capita", sa.BigInteger(), nullable=False),
        sa.Column("health_status", sa.String(length=20), nullable=True),
        sa.Column("health_notes", sa.Text(), nullable=True),
        sa.Column("disability", sa.String(length=40), nullable=True),
        sa.Column("housing_type", sa.String(length=20), nullable=True),
        sa.Column("housing_area", sa.Integer(), nullable=True),
        sa.Column("insurance", sa.String(length=100), nullable=True),
        sa.Column("bank_name", sa.String(length=60), nullable=True),
        sa.Column("bank_account", sa.String(length=40), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("last_edited_by", sa.String(length=64), nullable=False),
        sa.Column("verified_on", sa.Date(), nullable=True),
        sa.Column("verified_by", sa.String(length=100), nullable=True),
        sa.Column("verify_method", sa.String(length=10), nullable=True),
        sa.Column("verify_findings", sa.Text(), nullable=True),
        sa.Column("notice_start", sa.Date(), nullable=True),
        sa.Column("notice_end", sa.Date(), nullable=True),
        sa.Column("decided_by", sa.String(length=64), nullable=True),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("reject_reason", sa.String(length=30), nullable=True),
        sa.Column("next_review_date", sa.Date(), nullable=True),
        sa.Column("closed_kind", sa.String(length=10), nullable=True),
        sa.Column("closed_reason", sa.String(length=500), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("CURRENT_TIMESTAMP"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("CURRENT_TIMESTAMP"),
            nullable=False,
        ),
        sa.Column("row_version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("deleted_by", sa.String(length=64), nullable=True),
        sa.Column("delete_reason", sa.String(length=500), nullable=True),
        sa.Column("origin_district_id", sa.Uuid(), nullable=True),
        sa.CheckConstraint(
            "status IN ('draft', 'submitted', 'verified', 'notice', 'approved', 'rejected', 'review', 'closed')",
            name=op.f("ck_hardship_case_status"),
        ),
        sa.CheckConstraint("household_size >= 1", name=op.f("ck_hardship_case_household_size")),
        sa.ForeignKeyConstraint(
            ["district_id"], ["district.id"], name=op.f("fk_hardship_case_district_id_district")
        ),
        sa.ForeignKeyConstraint(
            ["origin_district_id"],
            ["district.id"],
            name=op.f("fk_hardship_case_origin_district_id_district"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_hardship_case_person_id_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hardship_case")),
        sa.UniqueConstraint("serial", name="uq_hardship_case_serial"),
    )
    with op.batch_alter_table("hardship_case", schema=None) as batch_op:
        batch_op.create_index("ix_hardship_case_notice", ["status", "notice_end"], unique=False)
        batch_op.create_index("ix_hardship_case_person_id", ["person_id"], unique=False)
        batch_op.create_index(
            "ix_hardship_case_status", ["status", "next_review_date"], unique=False
        )
        batch_op.create_index(
            "ix_hardship_case_totals", ["year", "category", "district_id", "status"], unique=False
        )
        batch_op.create_index("ix_hardship_case_updated", ["status", "updated_at"], unique=False)

    op.create_table(
        "hardship_attachment",
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("doc_type", sa.String(length=20), nullable=False),
        sa.Column("file_name", sa.String(length=200), nullable=False),
        sa.Column("media_type", sa.String(length=60), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("added_by", sa.String(length=64), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("CURRENT_TIMESTAMP"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("CURRENT_TIMESTAMP"),
            nullable=False,
        ),
        sa.Column("row_version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("deleted_by", sa.String(length=64), nullable=True),
        sa.Column("delete_reason", sa.String(length=500), nullable=True),
        sa.Column("origin_district_id", sa.Uuid(), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["hardship_case.id"],
            name=op.f("fk_hardship_attachment_case_id_hardship_case"),
        ),
        sa.ForeignKeyConstraint(
            ["origin_district_id"],
            ["district.id"],
            name=op.f("fk_hardship_attachment_origin_district_id_district"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hardship_attachment")),
    )
    with op.batch_alter_table("hardship_attachment", schema=None) as batch_op:
        batch_op.create_index("ix_hardship_attachment_case_id", ["case_id"], unique=False)

    op.create_table(
        "hardship_member",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("relation", sa.String(length=20), nullable=False),
        sa.Column("id_number", sa.String(length=18), nullable=True),
        sa.Column("health", sa.String(length=40), nullable=True),
        sa.Column("income", sa.BigInteger(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["hardship_case.id"],
            name=op.f("fk_hardship_member_case_id_hardship_case"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hardship_member")),
    )
    with op.batch_alter_table("hardship_member", schema=None) as batch_op:
        batch_op.create_index("ix_hardship_member_case_id", ["case_id"], unique=False)

    op.create_table(
        "hardship_payment",
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("paid_on", sa.Date(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("payer", sa.String(length=100), nullable=False),
        sa.Column("bank_account", sa.String(length=40), nullable=True),
        sa.Column("medical_self_paid", sa.BigInteger(), nullable=True),
        sa.Column("recorded_by", sa.String(length=64), nullable=False),
        sa.Column("override_by", sa.String(length=64), nullable=True),
        sa.Column("override_reason", sa.String(length=500), nullable=True),
        sa.Column("notes", sa.String(length=500), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("CURRENT_TIMESTAMP"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("CURRENT_TIMESTAMP"),
            nullable=False,
        ),
        sa.Column("row_version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("deleted_by", sa.String(length=64), nullable=True),
        sa.Column("delete_reason", sa.String(length=500), nullable=True),
        sa.Column("origin_district_id", sa.Uuid(), nullable=True),
        sa.CheckConstraint("amount > 0", name=op.f("ck_hardship_payment_amount")),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["hardship_case.id"],
            name=op.f("fk_hardship_payment_case_id_hardship_case"),
        ),
        sa.ForeignKeyConstraint(
            ["origin_district_id"],
            ["district.id"],
            name=op.f("fk_hardship_payment_origin_district_id_district"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_hardship_payment_person_id_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hardship_payment")),
    )
    with op.batch_alter_table("hardship_payment", schema=None) as batch_op:
        batch_op.create_index("ix_hardship_payment_case_id", ["case_id"], unique=False)
        batch_op.create_index(
            "ix_hardship_payment_rule", ["person_id", "kind", "year"], unique=False
        )

    op.create_table(
        "hardship_step",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("from_status", sa.String(length=12), nullable=False),
        sa.Column("to_status", sa.String(length=12), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("actor_display", sa.String(length=64), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("opinion", sa.Text(), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["hardship_case.id"],
            name=op.f("fk_hardship_step_case_id_hardship_case"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hardship_step")),
    )
    with op.batch_alter_table("hardship_step", schema=None) as batch_op:
        batch_op.create_index("ix_hardship_step_case_id", ["case_id", "seq"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("hardship_step", schema=None) as batch_op:
        batch_op.drop_index("ix_hardship_step_case_id")

    op.drop_table("hardship_step")
    with op.batch_alter_table("hardship_payment", schema=None) as batch_op:
        batch_op.drop_index("ix_hardship_payment_rule")
        batch_op.drop_index("ix_hardship_payment_case_id")

    op.drop_table("hardship_payment")
    with op.batch_alter_table("hardship_member", schema=None) as batch_op:
        batch_op.drop_index("ix_hardship_member_case_id")

    op.drop_table("hardship_member")
    with op.batch_alter_table("hardship_attachment", schema=None) as batch_op:
        batch_op.drop_index("ix_hardship_attachment_case_id")

    op.drop_table("hardship_attachment")
    with op.batch_alter_table("hardship_case", schema=None) as batch_op:
        batch_op.drop_index("ix_hardship_case_updated")
        batch_op.drop_index("ix_hardship_case_totals")
        batch_op.drop_index("ix_hardship_case_status")
        batch_op.drop_index("ix_hardship_case_person_id")
        batch_op.drop_index("ix_hardship_case_notice")

    op.drop_table("hardship_case")
    op.drop_table("standard")
