"""users: forced password change, lockout after failed log-ins, the log-in event table

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01 20:15:00

Existing users keep their (scrypt) hashes; the station replaces each with Argon2id at
that user's next successful log-in.
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import db.types

# revision identifiers, used by Alembic.
revision: str = '0002'
down_revision: str | Sequence[str] | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain string defaults ('0' is false for a PostgreSQL boolean too): with an SQL
    # expression as default, batch mode would copy app_user into a new table on SQLite,
    # which the foreign keys of the rows pointing at the users refuse.
    with op.batch_alter_table('app_user', schema=None) as batch_op:
        batch_op.add_column(sa.Column('must_change_password', sa.Boolean(), nullable=False,
                                      server_default='0'))
        batch_op.add_column(sa.Column('failed_logins', sa.Integer(), nullable=False,
                                      server_default='0'))
        batch_op.add_column(sa.Column('locked_until', db.types.UtcDateTime(), nullable=True))
        batch_op.add_column(sa.Column('password_changed_at', db.types.UtcDateTime(), nullable=True))

    op.create_table('login_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', db.types.UtcDateTime(), nullable=False),
    sa.Column('login', sa.String(length=64), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('station', sa.String(length=64), nullable=False),
    sa.Column('success', sa.Boolean(), nullable=False),
    sa.Column('reason', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['app_user.id'], name=op.f('fk_login_event_user_id_app_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_login_event'))
    )
    with op.batch_alter_table('login_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_login_event_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_login_event_user_id'), ['user_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('login_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_login_event_user_id'))
        batch_op.drop_index(batch_op.f('ix_login_event_at'))
    op.drop_table('login_event')

    columns = ('password_changed_at', 'locked_until', 'failed_logins', 'must_change_password')
    if op.get_bind().dialect.name == 'sqlite':
        # SQLite ≥ 3.35 drops a plain column in place; batch mode would copy app_user into a
        # new table, which the foreign keys of the rows pointing at the users refuse
        for column in columns:
            op.execute(f'ALTER TABLE app_user DROP COLUMN {column}')
        return
    with op.batch_alter_table('app_user', schema=None) as batch_op:
        for column in columns:
            batch_op.drop_column(column)
