"""photos and files of a return or line (attachment)

Images (scaled when added) and files kept in the database, so every station sees them and
backups and `db copy` carry them; removals are recorded, nothing deleted. (The lot index that
traceability reads is migration 0008's.)

Revision ID: 0015
Revises: 0012
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import db.types

revision: str = '0015'
down_revision: str | Sequence[str] | None = '0012'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'attachment',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('return_id', sa.Integer(), nullable=False),
        sa.Column('line_id', sa.Integer(), nullable=True),
        sa.Column('kind', sa.String(length=8), nullable=False),
        sa.Column('filename', sa.String(length=255), nullable=False),
        sa.Column('mime', sa.String(length=100), nullable=False),
        sa.Column('size', sa.Integer(), nullable=False),
        sa.Column('original_size', sa.Integer(), nullable=False),
        sa.Column('width', sa.Integer(), nullable=True),
        sa.Column('height', sa.Integer(), nullable=True),
        sa.Column('sha256', sa.String(length=64), nullable=False),
        sa.Column('data', sa.LargeBinary(), nullable=False),
        sa.Column('thumb', sa.LargeBinary(), nullable=True),
        sa.Column('note', sa.String(length=200), nullable=False),
        sa.Column('added_by_id', sa.Integer(), nullable=True),
        sa.Column('added_at', db.types.UtcDateTime(), nullable=False),
        sa.Column('removed_by_id', sa.Integer(), nullable=True),
        sa.Column('removed_at', db.types.UtcDateTime(), nullable=True),
        sa.Column('removed_reason', sa.String(length=200), nullable=False),
        sa.CheckConstraint('size >= 0', name=op.f('ck_attachment_size_nonneg')),
        sa.ForeignKeyConstraint(['added_by_id'], ['app_user.id'], name=op.f('fk_attachment_added_by_id_app_user')),
        sa.ForeignKeyConstraint(['line_id'], ['return_line.id'], name=op.f('fk_attachment_line_id_return_line')),
        sa.ForeignKeyConstraint(['removed_by_id'], ['app_user.id'],
                                name=op.f('fk_attachment_removed_by_id_app_user')),
        sa.ForeignKeyConstraint(['return_id'], ['rma_return.id'], name=op.f('fk_attachment_return_id_rma_return')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_attachment')),
    )
    op.create_index(op.f('ix_attachment_line_id'), 'attachment', ['line_id'], unique=False)
    op.create_index(op.f('ix_attachment_return_id'), 'attachment', ['return_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_attachment_return_id'), table_name='attachment')
    op.drop_index(op.f('ix_attachment_line_id'), table_name='attachment')
    op.drop_table('attachment')
