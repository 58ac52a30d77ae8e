"""corrections: the reason for every amended or reopened step

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 20:20:00

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import db.types

# revision identifiers, used by Alembic.
revision: str = '0003'
down_revision: str | Sequence[str] | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('correction',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('return_id', sa.Integer(), nullable=False),
    sa.Column('line_id', sa.Integer(), nullable=True),
    sa.Column('step', sa.String(length=32), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('by_id', sa.Integer(), nullable=True),
    sa.Column('at', db.types.UtcDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['by_id'], ['app_user.id'], name=op.f('fk_correction_by_id_app_user')),
    sa.ForeignKeyConstraint(['line_id'], ['return_line.id'], name=op.f('fk_correction_line_id_return_line')),
    sa.ForeignKeyConstraint(['return_id'], ['rma_return.id'], name=op.f('fk_correction_return_id_rma_return')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_correction'))
    )
    with op.batch_alter_table('correction', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_correction_line_id'), ['line_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_correction_return_id'), ['return_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('correction', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_correction_return_id'))
        batch_op.drop_index(batch_op.f('ix_correction_line_id'))
    op.drop_table('correction')
