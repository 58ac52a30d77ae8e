"""bench quantities: measured rework materials, unknown announced quantities, due dates of
imported undecided lines

- rework_material.qty becomes fixed-point with 3 places (2.5 m of wire, 0.35 kg of resin):
  NUMERIC(12, 3) on PostgreSQL, thousandths in a BIGINT on SQLite (db.types.Fixed);
- return_line.qty_announced may be NULL: nothing announced is unknown, not the count;
- a one-off fix: lines imported from legacy logs that still wait for inspection or the
  decision got no due date and never turned overdue; they are due 1 working day after
  the day they were received, as lines approved at the station are.

Revision ID: 0007
Revises: 0006
"""
import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import db.types
from app.services.context import add_working_days

revision: str = '0007'
down_revision: str | Sequence[str] | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_WAITING = ('inspection', 'decision')


def _sqlite_not_null(bind: sa.Connection, table: str, column: str, not_null: bool) -> None:
    """Add or drop NOT NULL of one column in place.

    Batch mode would copy return_line into a new table and drop the old one, and the
    rows that point at it from other tables fail that drop (foreign keys cannot be
    switched off inside the upgrade's transaction). Adding or removing a NOT NULL does
    not change how rows are stored, and SQLite documents editing the table's schema text
    for it (https://sqlite.org/lang_altertable.html, "other kinds of table schema
    changes"); the NULLs are gone before NOT NULL comes back.
    """
    sql = bind.exec_driver_sql("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?",
                               (table,)).scalar_one()
    pattern = re.compile(rf"(\b{column} INTEGER)( NOT NULL)?(?=\s*,)")
    if len(pattern.findall(sql)) != 1:
        raise RuntimeError(f"{table}.{column} not found once in the schema: {sql}")
    new_sql = pattern.sub(lambda m: m.group(1) + (" NOT NULL" if not_null else ""), sql)
    version = bind.exec_driver_sql("PRAGMA schema_version").scalar_one()
    bind.exec_driver_sql("PRAGMA writable_schema = ON")
    bind.exec_driver_sql("UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = ?", (new_sql, table))
    bind.exec_driver_sql(f"PRAGMA schema_version = {int(version) + 1}")
    bind.exec_driver_sql("PRAGMA writable_schema = OFF")


def upgrade() -> None:
    bind = op.get_bind()
    sqlite = bind.dialect.name == 'sqlite'
    with op.batch_alter_table('rework_material', schema=None) as batch_op:
        batch_op.alter_column('qty', existing_type=sa.Integer(), type_=db.types.Fixed(12, 3),
                              existing_nullable=False,
                              postgresql_using='qty::numeric(12, 3)')
    if sqlite:
        # SQLite keeps the fixed-point value as an integer count of thousandths
        op.execute('UPDATE rework_material SET qty = qty * 1000')
    if sqlite:
        _sqlite_not_null(bind, 'return_line', 'qty_announced', False)
    else:
        op.alter_column('return_line', 'qty_announced', existing_type=sa.Integer(), nullable=True)

    line = sa.table('return_line', sa.column('id', sa.Integer), sa.column('return_id', sa.Integer),
                    sa.column('status', sa.String), sa.column('due_on', sa.Date))
    rma = sa.table('rma_return', sa.column('id', sa.Integer), sa.column('source', sa.String),
                   sa.column('received_on', sa.Date))
    waiting = bind.execute(
        sa.select(line.c.id, rma.c.received_on).join(rma, rma.c.id == line.c.return_id)
        .where(rma.c.source == 'import', line.c.due_on.is_(None), line.c.status.in_(_WAITING))).all()
    for line_id, received_on in waiting:
        bind.execute(line.update().where(line.c.id == line_id)
                     .values(due_on=add_working_days(received_on, 1)))


def downgrade() -> None:
    bind = op.get_bind()
    sqlite = bind.dialect.name == 'sqlite'
    # the due dates set above stay: they are true of those lines under either schema
    op.execute('UPDATE return_line SET qty_announced = qty_counted WHERE qty_announced IS NULL')
    if sqlite:
        _sqlite_not_null(bind, 'return_line', 'qty_announced', True)
    else:
        op.alter_column('return_line', 'qty_announced', existing_type=sa.Integer(), nullable=False)
    if sqlite:
        # whole units again, rounded up so that a measured 0.35 kg stays above zero
        op.execute('UPDATE rework_material SET qty = (qty + 999) / 1000')
    with op.batch_alter_table('rework_material', schema=None) as batch_op:
        batch_op.alter_column('qty', existing_type=db.types.Fixed(12, 3), type_=sa.Integer(),
                              existing_nullable=False,
                              postgresql_using='ceil(qty)::integer')
