"""The quarterly handoff: trusted peers (association cards), the sent/received package ledger,
the before-images that make a merge undoable, and the open items a merge leaves.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03

The travelling records already carry UUIDs, row versions, the origin district and tombstones
(0001–0010). What changes: hardship file numbers and certificate serials are unique *per origin
district* (the city holds every district's KN-2026-00001), and rows that had no origin district
(certificate log entries) get this installation's home district, so uniqueness at a county is
as strong as before.
"""

from __future__ import annotations

import json
import uuid

import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('handoff_package',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('direction', sa.String(length=8), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('district', sa.String(length=40), nullable=False),
    sa.Column('quarter', sa.String(length=6), nullable=True),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.Column('base_sequence', sa.Integer(), nullable=False),
    sa.Column('package_hash', sa.String(length=64), nullable=False),
    sa.Column('previous_hash', sa.String(length=64), nullable=True),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('counts', sa.Text(), nullable=False),
    sa.Column('report', sa.Text(), nullable=True),
    sa.Column('snapshot_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('since', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('merged_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('merged_by', sa.String(length=64), nullable=True),
    sa.Column('undone_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('undone_by', sa.String(length=64), nullable=True),
    sa.Column('acknowledged_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('receipt_hash', sa.String(length=64), nullable=True),
    sa.Column('audit_head_seq', sa.Integer(), nullable=True),
    sa.Column('audit_head_hash', sa.String(length=64), nullable=True),
    sa.Column('gap_reason', sa.String(length=500), nullable=True),
    sa.Column('payload', sa.LargeBinary(), nullable=True),
    sa.CheckConstraint("direction IN ('sent', 'received')", name=op.f('ck_handoff_package_direction')),
    sa.CheckConstraint("kind IN ('district', 'receipt', 'reference')", name=op.f('ck_handoff_package_kind')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_handoff_package')),
    sa.UniqueConstraint('direction', 'package_hash', name='uq_handoff_package_hash')
    )
    with op.batch_alter_table('handoff_package', schema=None) as batch_op:
        batch_op.create_index('ix_handoff_package_district', ['district', 'sequence'], unique=False)

    op.create_table('handoff_peer',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('gbt2260', sa.String(length=6), nullable=True),
    sa.Column('city', sa.String(length=40), nullable=False),
    sa.Column('signing_key', sa.String(length=64), nullable=False),
    sa.Column('age_recipient', sa.String(length=100), nullable=True),
    sa.Column('fingerprint', sa.String(length=32), nullable=False),
    sa.Column('trusted_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('trusted_by', sa.String(length=64), nullable=False),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('revoked_by', sa.String(length=64), nullable=True),
    sa.Column('revoke_reason', sa.String(length=500), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_handoff_peer'))
    )
    with op.batch_alter_table('handoff_peer', schema=None) as batch_op:
        batch_op.create_index('ix_handoff_peer_name', ['name'], unique=False)

    op.create_table('handoff_item',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('package_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('id_number', sa.String(length=18), nullable=True),
    sa.Column('person_id', sa.String(length=36), nullable=True),
    sa.Column('other_person_id', sa.String(length=36), nullable=True),
    sa.Column('district', sa.String(length=40), nullable=True),
    sa.Column('other_district', sa.String(length=40), nullable=True),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.CheckConstraint("kind IN ('move_pair', 'same_id', 'owner_conflict')", name=op.f('ck_handoff_item_kind')),
    sa.ForeignKeyConstraint(['package_id'], ['handoff_package.id'], name=op.f('fk_handoff_item_package_id_handoff_package'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_handoff_item'))
    )
    with op.batch_alter_table('handoff_item', schema=None) as batch_op:
        batch_op.create_index('ix_handoff_item_package_id', ['package_id'], unique=False)

    op.create_table('handoff_undo',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('package_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('table_name', sa.String(length=40), nullable=False),
    sa.Column('row_id', sa.String(length=36), nullable=False),
    sa.Column('before', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['package_id'], ['handoff_package.id'], name=op.f('fk_handoff_undo_package_id_handoff_package'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_handoff_undo'))
    )
    with op.batch_alter_table('handoff_undo', schema=None) as batch_op:
        batch_op.create_index('ix_handoff_undo_package_id', ['package_id'], unique=False)

    _backfill_origin()
    with op.batch_alter_table('hardship_case', schema=None) as batch_op:
        batch_op.drop_constraint('uq_hardship_case_serial', type_='unique')
        batch_op.create_unique_constraint('uq_hardship_case_serial',
                                          ['origin_district_id', 'serial'])
    with op.batch_alter_table('document_log', schema=None) as batch_op:
        batch_op.drop_index('uq_document_log_issue_serial')
        batch_op.create_index('uq_document_log_issue_serial', ['origin_district_id', 'serial'],
                              unique=True, sqlite_where=sa.text(ISSUE),
                              postgresql_where=sa.text(ISSUE))


ISSUE = "action = 'issue'"


def _backfill_origin() -> None:
    bind = op.get_bind()
    setting = sa.table('setting', sa.column('key', sa.String), sa.column('value', sa.Text))
    value = bind.execute(sa.select(setting.c.value).where(
        setting.c.key == 'association.district_id')).scalar()
    if not value:
        return
    home = uuid.UUID(str(json.loads(value)))
    for name in ('document_log', 'hardship_case'):
        t = sa.table(name, sa.column('origin_district_id', sa.Uuid))
        bind.execute(sa.update(t).where(t.c.origin_district_id.is_(None))
                     .values(origin_district_id=home))



def downgrade() -> None:
    with op.batch_alter_table('document_log', schema=None) as batch_op:
        batch_op.drop_index('uq_document_log_issue_serial')
        batch_op.create_index('uq_document_log_issue_serial', ['serial'], unique=True,
                              sqlite_where=sa.text(ISSUE), postgresql_where=sa.text(ISSUE))
    with op.batch_alter_table('hardship_case', schema=None) as batch_op:
        batch_op.drop_constraint('uq_hardship_case_serial', type_='unique')
        batch_op.create_unique_constraint('uq_hardship_case_serial', ['serial'])
    with op.batch_alter_table('handoff_undo', schema=None) as batch_op:
        batch_op.drop_index('ix_handoff_undo_package_id')

    op.drop_table('handoff_undo')
    with op.batch_alter_table('handoff_item', schema=None) as batch_op:
        batch_op.drop_index('ix_handoff_item_package_id')

    op.drop_table('handoff_item')
    with op.batch_alter_table('handoff_peer', schema=None) as batch_op:
        batch_op.drop_index('ix_handoff_peer_name')

    op.drop_table('handoff_peer')
    with op.batch_alter_table('handoff_package', schema=None) as batch_op:
        batch_op.drop_index('ix_handoff_package_district')

    op.drop_table('handoff_package')
