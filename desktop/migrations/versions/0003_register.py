"""The register page: a search haystack, highest honor, hardship flag, duplicates and merges.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28

Written by autogenerate, then read and edited by hand: the batch rebuild of ``person`` runs
with foreign keys off (Database.upgrade), so its honors and events stay; existing rows get
their search text and highest honor filled here.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

LEVEL_RANK = {"全国": 0, "省部级": 1, "市级": 2, "县级": 3}


def upgrade() -> None:
    op.create_table(
        "duplicate_dismissal",
        sa.Column("person_a_id", sa.Uuid(), nullable=False),
        sa.Column("person_b_id", sa.Uuid(), nullable=False),
        sa.Column("dismissed_by", sa.String(length=64), nullable=False),
        sa.Column("dismissed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=True),
        sa.ForeignKeyConstraint(["person_a_id"], ["person.id"], name=op.f("fk_duplicate_dismissal_person_a_id_person"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["person_b_id"], ["person.id"], name=op.f("fk_duplicate_dismissal_person_b_id_person"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("person_a_id", "person_b_id", name=op.f("pk_duplicate_dismissal")),
    )
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.add_column(sa.Column("search_text", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("highest_honor", sa.String(length=120), nullable=True))
        batch_op.add_column(sa.Column("in_hardship", sa.Boolean(), server_default="0", nullable=False))
        batch_op.add_column(sa.Column("merged_into_id", sa.Uuid(), nullable=True))
        batch_op.add_column(sa.Column("conflict_note", sa.Text(), nullable=True))
        batch_op.create_index("ix_person_name_pinyin", ["name_pinyin"], unique=False)
        batch_op.create_foreign_key(batch_op.f("fk_person_merged_into_id_person"), "person", ["merged_into_id"], ["id"])

    # Same layout as desktop.core.search_keys.search_text (kept in step by a test).
    op.execute(
        "UPDATE person SET search_text = lower(name || '|' || coalesce(name_pinyin, '') || '|' "
        "|| coalesce(name_initials, '') || '|' || coalesce(id_number, '') || '|' "
        "|| coalesce(work_unit, '') || '|' || coalesce(phone, '') || '|' || coalesce(mobile, ''))"
    )
    conn = op.get_bind()
    best: dict[object, tuple[int, int, str]] = {}
    rows = conn.execute(sa.text(
        "SELECT person_id, title, level, year FROM honor "
        "WHERE revoked_date IS NULL AND deleted_at IS NULL"))
    for person_id, title, level, year in rows:
        key = (LEVEL_RANK.get(level, 99), -(year or 0))
        label = f"{title}({year})" if year else title
        if person_id not in best or key < best[person_id][:2]:
            best[person_id] = (key[0], key[1], label)
    # untyped: ids come back from the text query as the driver gives them (str or UUID)
    person = sa.table("person", sa.column("id"), sa.column("highest_honor"))
    updates = [{"pid": pid, "label": label[:120]} for pid, (_r, _y, label) in best.items()]
    if updates:
        conn.execute(
            person.update().where(person.c.id == sa.bindparam("pid")).values(highest_honor=sa.bindparam("label")),
            updates,
        )


def downgrade() -> None:
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_person_merged_into_id_person"), type_="foreignkey")
        batch_op.drop_index("ix_person_name_pinyin")
        batch_op.drop_column("conflict_note")
        batch_op.drop_column("merged_into_id")
        batch_op.drop_column("in_hardship")
        batch_op.drop_column("highest_honor")
        batch_op.drop_column("search_text")
    op.drop_table("duplicate_dismissal")
