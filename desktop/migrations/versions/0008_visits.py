"""Visits (走访慰问, 送清凉) and recuperation (疗休养): campaigns with per-level standards,
staff and teams, visits with their results and photos, recuperation batches and entries.

Revision ID: 0008
Revises: 0004
Create Date: 2026-11-28

Written by autogenerate, then read by hand: only new tables, so SQLite and PostgreSQL take the
same statements. Money is integer fen; rules are JSON text.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('recuperation_batch',
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('destination', sa.String(length=100), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=False),
    sa.Column('days', sa.Integer(), nullable=False),
    sa.Column('quota', sa.Integer(), nullable=False),
    sa.Column('cost_per_day_fen', sa.Integer(), server_default='0', nullable=False),
    sa.Column('organiser', sa.String(length=4), nullable=False),
    sa.Column('rules', sa.Text(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.Column('row_version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('deleted_by', sa.String(length=64), nullable=True),
    sa.Column('delete_reason', sa.String(length=500), nullable=True),
    sa.Column('origin_district_id', sa.Uuid(), nullable=True),
    sa.CheckConstraint("organiser IN ('全总', '省总', '市总', '区县')", name=op.f('ck_recuperation_batch_organiser')),
    sa.CheckConstraint('quota >= 1', name=op.f('ck_recuperation_batch_quota')),
    sa.CheckConstraint('start_date <= end_date', name=op.f('ck_recuperation_batch_dates')),
    sa.ForeignKeyConstraint(['origin_district_id'], ['district.id'], name=op.f('fk_recuperation_batch_origin_district_id_district')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recuperation_batch'))
    )
    op.create_table('visit_campaign',
    sa.Column('occasion', sa.String(length=10), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=100), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=False),
    sa.Column('occasion_date', sa.Date(), nullable=True),
    sa.Column('budget_fen', sa.Integer(), nullable=True),
    sa.Column('rules', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=10), server_default='open', nullable=False),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.Column('row_version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('deleted_by', sa.String(length=64), nullable=True),
    sa.Column('delete_reason', sa.String(length=500), nullable=True),
    sa.Column('origin_district_id', sa.Uuid(), nullable=True),
    sa.CheckConstraint("occasion IN ('元旦春节', '五一', '国庆', '重阳', '中秋', '送清凉', '生日', '住院', '去世/吊唁', '其他')", name=op.f('ck_visit_campaign_occasion')),
    sa.CheckConstraint('start_date <= end_date', name=op.f('ck_visit_campaign_window')),
    sa.ForeignKeyConstraint(['origin_district_id'], ['district.id'], name=op.f('fk_visit_campaign_origin_district_id_district')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visit_campaign'))
    )
    with op.batch_alter_table('visit_campaign', schema=None) as batch_op:
        batch_op.create_index('ix_visit_campaign_occasion_year', ['occasion', 'year'], unique=False)

    op.create_table('visit_staff',
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('position', sa.String(length=100), nullable=True),
    sa.Column('phone', sa.String(length=40), nullable=True),
    sa.Column('active', sa.Boolean(), server_default='1', nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.Column('row_version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('deleted_by', sa.String(length=64), nullable=True),
    sa.Column('delete_reason', sa.String(length=500), nullable=True),
    sa.Column('origin_district_id', sa.Uuid(), nullable=True),
    sa.ForeignKeyConstraint(['origin_district_id'], ['district.id'], name=op.f('fk_visit_staff_origin_district_id_district')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visit_staff'))
    )
    op.create_table('recuperation_entry',
    sa.Column('batch_id', sa.Uuid(), nullable=False),
    sa.Column('person_id', sa.Uuid(), nullable=False),
    sa.Column('status', sa.String(length=10), server_default='nominated', nullable=False),
    sa.Column('priority', sa.Integer(), server_default='0', nullable=False),
    sa.Column('explanation', sa.Text(), nullable=True),
    sa.Column('decline_reason', sa.String(length=300), nullable=True),
    sa.Column('replaced_by_id', sa.Uuid(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.Column('row_version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('deleted_by', sa.String(length=64), nullable=True),
    sa.Column('delete_reason', sa.String(length=500), nullable=True),
    sa.Column('origin_district_id', sa.Uuid(), nullable=True),
    sa.CheckConstraint("status IN ('nominated', 'confirmed', 'declined', 'replaced')", name=op.f('ck_recuperation_entry_status')),
    sa.ForeignKeyConstraint(['batch_id'], ['recuperation_batch.id'], name=op.f('fk_recuperation_entry_batch_id_recuperation_batch'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['origin_district_id'], ['district.id'], name=op.f('fk_recuperation_entry_origin_district_id_district')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_recuperation_entry_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recuperation_entry')),
    sa.UniqueConstraint('batch_id', 'person_id', name='uq_recuperation_entry_person')
    )
    with op.batch_alter_table('recuperation_entry', schema=None) as batch_op:
        batch_op.create_index('ix_recuperation_entry_person_id', ['person_id'], unique=False)

    op.create_table('visit_standard',
    sa.Column('campaign_id', sa.Uuid(), nullable=False),
    sa.Column('level', sa.String(length=4), nullable=False),
    sa.Column('money_fen', sa.Integer(), server_default='0', nullable=False),
    sa.Column('goods', sa.String(length=200), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.Column('row_version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('deleted_by', sa.String(length=64), nullable=True),
    sa.Column('delete_reason', sa.String(length=500), nullable=True),
    sa.Column('origin_district_id', sa.Uuid(), nullable=True),
    sa.ForeignKeyConstraint(['campaign_id'], ['visit_campaign.id'], name=op.f('fk_visit_standard_campaign_id_visit_campaign'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['origin_district_id'], ['district.id'], name=op.f('fk_visit_standard_origin_district_id_district')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visit_standard')),
    sa.UniqueConstraint('campaign_id', 'level', name='uq_visit_standard_level')
    )
    op.create_table('visit_team',
    sa.Column('campaign_id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('leader_id', sa.Uuid(), nullable=True),
    sa.Column('member_ids', sa.Text(), server_default='[]', nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.Column('row_version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('deleted_by', sa.String(length=64), nullable=True),
    sa.Column('delete_reason', sa.String(length=500), nullable=True),
    sa.Column('origin_district_id', sa.Uuid(), nullable=True),
    sa.ForeignKeyConstraint(['campaign_id'], ['visit_campaign.id'], name=op.f('fk_visit_team_campaign_id_visit_campaign'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['leader_id'], ['visit_staff.id'], name=op.f('fk_visit_team_leader_id_visit_staff')),
    sa.ForeignKeyConstraint(['origin_district_id'], ['district.id'], name=op.f('fk_visit_team_origin_district_id_district')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visit_team'))
    )
    with op.batch_alter_table('visit_team', schema=None) as batch_op:
        batch_op.create_index('ix_visit_team_campaign_id', ['campaign_id'], unique=False)

    op.create_table('visit',
    sa.Column('campaign_id', sa.Uuid(), nullable=True),
    sa.Column('person_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('reason', sa.String(length=300), nullable=True),
    sa.Column('added_manually', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('status', sa.String(length=10), server_default='planned', nullable=False),
    sa.Column('removed_reason', sa.String(length=300), nullable=True),
    sa.Column('team_id', sa.Uuid(), nullable=True),
    sa.Column('planned_date', sa.Date(), nullable=True),
    sa.Column('time_slot', sa.String(length=10), nullable=True),
    sa.Column('area', sa.String(length=60), nullable=True),
    sa.Column('route_order', sa.Integer(), nullable=True),
    sa.Column('actual_date', sa.Date(), nullable=True),
    sa.Column('way', sa.String(length=10), nullable=True),
    sa.Column('visitors', sa.String(length=200), nullable=True),
    sa.Column('money_fen', sa.Integer(), nullable=True),
    sa.Column('goods', sa.String(length=200), nullable=True),
    sa.Column('over_standard_reason', sa.String(length=300), nullable=True),
    sa.Column('situation', sa.Text(), nullable=True),
    sa.Column('follow_up', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('follow_up_note', sa.String(length=500), nullable=True),
    sa.Column('follow_up_closed', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('recorded_by', sa.String(length=64), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.Column('row_version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('deleted_by', sa.String(length=64), nullable=True),
    sa.Column('delete_reason', sa.String(length=500), nullable=True),
    sa.Column('origin_district_id', sa.Uuid(), nullable=True),
    sa.CheckConstraint("kind IN ('元旦春节', '五一', '国庆', '重阳', '中秋', '送清凉', '生日', '住院', '去世/吊唁', '其他')", name=op.f('ck_visit_kind')),
    sa.CheckConstraint("status IN ('planned', 'done', 'not_home', 'declined', 'postponed', 'removed')", name=op.f('ck_visit_status')),
    sa.CheckConstraint('money_fen IS NULL OR money_fen >= 0', name=op.f('ck_visit_money')),
    sa.ForeignKeyConstraint(['campaign_id'], ['visit_campaign.id'], name=op.f('fk_visit_campaign_id_visit_campaign'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['origin_district_id'], ['district.id'], name=op.f('fk_visit_origin_district_id_district')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_visit_person_id_person')),
    sa.ForeignKeyConstraint(['team_id'], ['visit_team.id'], name=op.f('fk_visit_team_id_visit_team'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visit'))
    )
    with op.batch_alter_table('visit', schema=None) as batch_op:
        batch_op.create_index('ix_visit_campaign_id', ['campaign_id', 'person_id'], unique=False)
        batch_op.create_index('ix_visit_person_id', ['person_id'], unique=False)
        batch_op.create_index('ix_visit_team_date', ['team_id', 'planned_date'], unique=False)

    op.create_table('visit_photo',
    sa.Column('visit_id', sa.Uuid(), nullable=False),
    sa.Column('file_name', sa.String(length=200), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
    sa.Column('row_version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('deleted_by', sa.String(length=64), nullable=True),
    sa.Column('delete_reason', sa.String(length=500), nullable=True),
    sa.Column('origin_district_id', sa.Uuid(), nullable=True),
    sa.ForeignKeyConstraint(['origin_district_id'], ['district.id'], name=op.f('fk_visit_photo_origin_district_id_district')),
    sa.ForeignKeyConstraint(['visit_id'], ['visit.id'], name=op.f('fk_visit_photo_visit_id_visit'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visit_photo'))
    )
    with op.batch_alter_table('visit_photo', schema=None) as batch_op:
        batch_op.create_index('ix_visit_photo_visit_id', ['visit_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('visit_photo', schema=None) as batch_op:
        batch_op.drop_index('ix_visit_photo_visit_id')

    op.drop_table('visit_photo')
    with op.batch_alter_table('visit', schema=None) as batch_op:
        batch_op.drop_index('ix_visit_team_date')
        batch_op.drop_index('ix_visit_person_id')
        batch_op.drop_index('ix_visit_campaign_id')

    op.drop_table('visit')
    with op.batch_alter_table('visit_team', schema=None) as batch_op:
        batch_op.drop_index('ix_visit_team_campaign_id')

    op.drop_table('visit_team')
    op.drop_table('visit_standard')
    with op.batch_alter_table('recuperation_entry', schema=None) as batch_op:
        batch_op.drop_index('ix_recuperation_entry_person_id')

    op.drop_table('recuperation_entry')
    op.drop_table('visit_staff')
    with op.batch_alter_table('visit_campaign', schema=None) as batch_op:
        batch_op.drop_index('ix_visit_campaign_occasion_year')

    op.drop_table('visit_campaign')
    op.drop_table('recuperation_batch')
