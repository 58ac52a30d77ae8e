"""queries: line_month_total, each month's sums of the lines, kept by triggers (issue 12)

The monthly statistics' 13-month trend read ~250,000 index entries of return_line at a
million lines; it reads 13 rows of this table instead. The table is kept by the database
(db.summary): statement-level triggers with transition tables on PostgreSQL (a SECURITY
DEFINER function of the owner, ENABLE ALWAYS so the owner's bulk loads in replica mode keep
it too), row triggers on SQLite. The triggers are made before the back-fill: on PostgreSQL
CREATE TRIGGER locks return_line against writes until this transaction commits, so no line
written meanwhile is missed or counted twice.

Revision ID: 0022
Revises: 0021
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import db.types
from db.summary import SUMMED, create_sql, drop_sql, rebuild_sql

revision: str = '0022'
down_revision: str | Sequence[str] | None = '0021'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    money = set(SUMMED) - {'qty_counted'}
    op.create_table(
        'line_month_total',
        sa.Column('stat_month', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('lines', sa.Integer(), server_default=sa.text('0'), nullable=False),
        *(sa.Column(c, db.types.Fixed(14, 2) if c in money else sa.Integer(), server_default=sa.text('0'),
                    nullable=False) for c in SUMMED),
        sa.PrimaryKeyConstraint('stat_month', name=op.f('pk_line_month_total')),
    )
    dialect = op.get_bind().dialect.name
    for sql in create_sql(dialect):
        op.execute(sql)
    for sql in rebuild_sql():
        op.execute(sql)


def downgrade() -> None:
    for sql in drop_sql(op.get_bind().dialect.name):
        op.execute(sql)
    op.drop_table('line_month_total')
