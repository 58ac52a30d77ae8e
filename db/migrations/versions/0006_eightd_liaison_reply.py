"""follow-up: the full 8D (number, team, 5W2H, D6–D8, D7 flags, signatures, actions) and
sales' reply to a liaison note

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01 20:40:00

corrective_action is copied into a new table on SQLite (batch mode, for the foreign keys
of the signers); no table points at it yet, so the copy is safe.
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import db.types

# revision identifiers, used by Alembic.
revision: str = '0006'
down_revision: str | Sequence[str] | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TEXTS = ('team', 'problem_what', 'problem_where', 'problem_when', 'problem_who', 'problem_why',
          'problem_how', 'problem_how_many', 'implementation', 'closure')
_FLAGS = ('standards_updated', 'fmea_updated', 'control_plan_updated')


def upgrade() -> None:
    with op.batch_alter_table('corrective_action', schema=None) as batch_op:
        batch_op.add_column(sa.Column('no', sa.String(length=16), nullable=True))
        for name in _TEXTS:
            batch_op.add_column(sa.Column(name, sa.Text(), nullable=False, server_default=''))
        for name in _FLAGS:
            batch_op.add_column(sa.Column(name, sa.Boolean(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('verified_by_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('verified_at', db.types.UtcDateTime(), nullable=True))
        batch_op.add_column(sa.Column('closed_by_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('customer_reply_on', sa.Date(), nullable=True))
        batch_op.create_unique_constraint(batch_op.f('uq_corrective_action_no'), ['no'])
        batch_op.create_foreign_key(batch_op.f('fk_corrective_action_verified_by_id_app_user'),
                                    'app_user', ['verified_by_id'], ['id'])
        batch_op.create_foreign_key(batch_op.f('fk_corrective_action_closed_by_id_app_user'),
                                    'app_user', ['closed_by_id'], ['id'])

    op.create_table('corrective_action_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('ca_id', sa.Integer(), nullable=False),
    sa.Column('d_step', sa.String(length=4), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('owner', sa.String(length=100), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.Column('done_on', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', db.types.UtcDateTime(), nullable=False),
    sa.Column('updated_at', db.types.UtcDateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['ca_id'], ['corrective_action.id'],
                            name=op.f('fk_corrective_action_item_ca_id_corrective_action')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_corrective_action_item'))
    )
    with op.batch_alter_table('corrective_action_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_corrective_action_item_ca_id'), ['ca_id'], unique=False)

    with op.batch_alter_table('liaison_note', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reply', sa.Text(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('due_on', sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('liaison_note', schema=None) as batch_op:
        batch_op.drop_column('due_on')
        batch_op.drop_column('reply')

    with op.batch_alter_table('corrective_action_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_corrective_action_item_ca_id'))
    op.drop_table('corrective_action_item')

    with op.batch_alter_table('corrective_action', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_corrective_action_closed_by_id_app_user'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_corrective_action_verified_by_id_app_user'),
                                 type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('uq_corrective_action_no'), type_='unique')
        for name in ('customer_reply_on', 'closed_by_id', 'verified_at', 'verified_by_id',
                     *reversed(_FLAGS), *reversed(_TEXTS), 'no'):
            batch_op.drop_column(name)
