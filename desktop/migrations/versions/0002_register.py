"""The register: persons, honors and the status history (动态管理).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28

Written by autogenerate, then read and edited by hand.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "person",
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("name_pinyin", sa.String(length=200), nullable=True),
        sa.Column("name_initials", sa.String(length=50), nullable=True),
        sa.Column("id_number", sa.String(length=18), nullable=True),
        sa.Column("id_legacy15", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("sex", sa.String(length=1), server_default="0", nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("ethnicity", sa.String(length=2), nullable=True),
        sa.Column("political_status", sa.String(length=2), nullable=True),
        sa.Column("party_join_date", sa.Date(), nullable=True),
        sa.Column("education", sa.String(length=2), nullable=True),
        sa.Column("degree", sa.String(length=20), nullable=True),
        sa.Column("native_place", sa.String(length=60), nullable=True),
        sa.Column("marital_status", sa.String(length=2), nullable=True),
        sa.Column("work_start_date", sa.Date(), nullable=True),
        sa.Column("work_unit", sa.String(length=200), nullable=True),
        sa.Column("position", sa.String(length=100), nullable=True),
        sa.Column("unit_type", sa.String(length=40), nullable=True),
        sa.Column("industry", sa.String(length=40), nullable=True),
        sa.Column("professional_title", sa.String(length=60), nullable=True),
        sa.Column("technical_grade", sa.String(length=60), nullable=True),
        sa.Column("employment_status", sa.String(length=20), nullable=True),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.Column("mobile", sa.String(length=40), nullable=True),
        sa.Column("address", sa.String(length=300), nullable=True),
        sa.Column("postcode", sa.String(length=6), nullable=True),
        sa.Column("hukou_type", sa.String(length=10), nullable=True),
        sa.Column("hukou_region", sa.String(length=6), nullable=True),
        sa.Column("health_status", sa.String(length=20), nullable=True),
        sa.Column("health_notes", sa.Text(), nullable=True),
        sa.Column("disability_type", sa.String(length=20), nullable=True),
        sa.Column("disability_grade", sa.String(length=20), nullable=True),
        sa.Column("insurance", sa.String(length=100), nullable=True),
        sa.Column("monthly_income", sa.Numeric(precision=12, scale=2), nullable=True),
        sa.Column("household_size", sa.Integer(), nullable=True),
        sa.Column("spouse_name", sa.String(length=50), nullable=True),
        sa.Column("spouse_birth_date", sa.Date(), nullable=True),
        sa.Column("spouse_income", sa.Numeric(precision=12, scale=2), nullable=True),
        sa.Column("spouse_health", sa.String(length=60), nullable=True),
        sa.Column("is_farmer_model", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("district_id", sa.Uuid(), nullable=False),
        sa.Column("life_status", sa.String(length=10), server_default="alive", nullable=False),
        sa.Column("death_date", sa.Date(), nullable=True),
        sa.Column("is_revoked", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("is_emigrated", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("is_lost_contact", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("under_investigation", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("treatment_level", sa.String(length=4), nullable=True),
        sa.Column("treatment_override", sa.String(length=4), nullable=True),
        sa.Column("treatment_override_reason", sa.String(length=500), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column("row_version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("deleted_by", sa.String(length=64), nullable=True),
        sa.Column("delete_reason", sa.String(length=500), nullable=True),
        sa.Column("origin_district_id", sa.Uuid(), nullable=True),
        sa.CheckConstraint(
            "life_status IN ('alive', 'deceased')", name=op.f("ck_person_life_status")
        ),
        sa.CheckConstraint("sex IN ('1', '2', '0', '9')", name=op.f("ck_person_sex")),
        sa.CheckConstraint(
            "treatment_level IS NULL OR treatment_level IN ('全国', '省部级', '市级', '县级')",
            name=op.f("ck_person_treatment_level"),
        ),
        sa.CheckConstraint(
            "treatment_override IS NULL OR treatment_override IN ('全国', '省部级', '市级', '县级')",
            name=op.f("ck_person_treatment_override"),
        ),
        sa.ForeignKeyConstraint(
            ["district_id"], ["district.id"], name=op.f("fk_person_district_id_district")
        ),
        sa.ForeignKeyConstraint(
            ["origin_district_id"],
            ["district.id"],
            name=op.f("fk_person_origin_district_id_district"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person")),
    )
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.create_index("ix_person_district_id", ["district_id"], unique=False)
        batch_op.create_index("ix_person_id_number", ["id_number"], unique=False)
        batch_op.create_index("ix_person_name", ["name"], unique=False)
    op.create_table(
        "honor",
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("title", sa.String(length=100), nullable=False),
        sa.Column("level", sa.String(length=4), nullable=False),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("session", sa.String(length=40), nullable=True),
        sa.Column("granting_body", sa.String(length=100), nullable=True),
        sa.Column("document_number", sa.String(length=100), nullable=True),
        sa.Column("revoked_date", sa.Date(), nullable=True),
        sa.Column("revoke_reason", sa.String(length=500), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column("row_version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("deleted_by", sa.String(length=64), nullable=True),
        sa.Column("delete_reason", sa.String(length=500), nullable=True),
        sa.Column("origin_district_id", sa.Uuid(), nullable=True),
        sa.CheckConstraint(
            "level IN ('全国', '省部级', '市级', '县级')", name=op.f("ck_honor_level")
        ),
        sa.CheckConstraint(
            "year IS NULL OR (year BETWEEN 1949 AND 2100)", name=op.f("ck_honor_year")
        ),
        sa.ForeignKeyConstraint(
            ["origin_district_id"],
            ["district.id"],
            name=op.f("fk_honor_origin_district_id_district"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_honor_person_id_person"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_honor")),
    )
    with op.batch_alter_table("honor", schema=None) as batch_op:
        batch_op.create_index("ix_honor_person_id", ["person_id"], unique=False)
    op.create_table(
        "person_event",
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("event_date", sa.Date(), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=True),
        sa.Column("details", sa.Text(), nullable=True),
        sa.Column("recorded_by", sa.String(length=64), nullable=False),
        sa.Column("undone_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column("row_version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("deleted_by", sa.String(length=64), nullable=True),
        sa.Column("delete_reason", sa.String(length=500), nullable=True),
        sa.Column("origin_district_id", sa.Uuid(), nullable=True),
        sa.CheckConstraint(
            "kind IN ('create', 'transfer', 'retire', 'death', 'move_out', 'move_in', 'revoke', 'emigrate', 'lost_contact', 'restore', 'merge', 'other')",
            name=op.f("ck_person_event_kind"),
        ),
        sa.ForeignKeyConstraint(
            ["origin_district_id"],
            ["district.id"],
            name=op.f("fk_person_event_origin_district_id_district"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_person_event_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person_event")),
    )
    with op.batch_alter_table("person_event", schema=None) as batch_op:
        batch_op.create_index("ix_person_event_person_id", ["person_id"], unique=False)


def downgrade() -> None:
    op.drop_table("person_event")
    op.drop_table("honor")
    op.drop_table("person")
