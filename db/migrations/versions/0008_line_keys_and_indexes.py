"""queries: month and queue keys on the line, and the indexes the big lists and the
monthly statistics read through (issue 12)

- return_line.stat_month: YYYYMM of the return's received_on, NULL for the lines of a
  cancelled return (they count in no month) — a month's lines are one index range;
- return_line.priority_key: the benches' priority order (urgency, due date, receipt)
  packed into one BIGINT (app.services.line_keys) — partial indexes per bench queue
  give a queue's first screen as the first rows of an index walk;
- indexes for the trend (covering), the desk's list, the search by lot and order number
  (left-anchored; also delivery and invoice numbers), and the 8D and liaison notes of a line.

Both keys are back-filled here by one UPDATE each, computed in SQL exactly as
app.services.line_keys computes them for new rows.

Revision ID: 0008
Revises: 0007
"""
import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0008'
down_revision: str | Sequence[str] | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BENCH_QUEUES = {'inspection': "'inspection', 'decision'", 'rework': "'rework', 'reinspection'"}
_DESK = "'received', 'confirmed'"
_RETURN_CODES = ('order_no', 'delivery_no', 'invoice_no')
_TREND_COLUMNS = ['stat_month', 'qty_counted', 'amount', 'refund_amount', 'material_cost',
                  'labour_cost', 'other_cost', 'scrapped_value', 'loss_cost']


def _sqlite_not_null(bind: sa.Connection, table: str, column: str, sql_type: str) -> None:
    """Set NOT NULL on a column SQLite added as nullable, in the table's schema text (as
    migration 0007 does: batch mode would copy return_line, and the rows pointing at it
    fail the drop of the old table); the column holds no NULL any more."""
    sql = bind.exec_driver_sql("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?",
                               (table,)).scalar_one()
    pattern = re.compile(rf"(\b{column} {sql_type})(?=\s*[,)])")
    if len(pattern.findall(sql)) != 1:
        raise RuntimeError(f"{table}.{column} not found once in the schema: {sql}")
    new_sql = pattern.sub(lambda m: m.group(1) + " NOT NULL", sql)
    version = bind.exec_driver_sql("PRAGMA schema_version").scalar_one()
    bind.exec_driver_sql("PRAGMA writable_schema = ON")
    bind.exec_driver_sql("UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = ?", (new_sql, table))
    bind.exec_driver_sql(f"PRAGMA schema_version = {int(version) + 1}")
    bind.exec_driver_sql("PRAGMA writable_schema = OFF")


def upgrade() -> None:
    bind = op.get_bind()
    sqlite = bind.dialect.name == 'sqlite'
    op.add_column('return_line', sa.Column('stat_month', sa.Integer(), nullable=True))
    op.add_column('return_line', sa.Column('priority_key', sa.BigInteger(), nullable=True))

    if sqlite:
        def day(col: str) -> str:
            return f"CAST(strftime('%Y%m%d', {col}) AS INTEGER)"
        month = "CAST(strftime('%Y%m', r.received_on) AS INTEGER)"
    else:
        def day(col: str) -> str:
            return f"CAST(to_char({col}, 'YYYYMMDD') AS BIGINT)"
        month = "CAST(to_char(r.received_on, 'YYYYMM') AS INTEGER)"
    # as app.services.line_keys: rank · 10^16 + due · 10^8 + received
    op.execute(f"""
        UPDATE return_line SET
            stat_month = CASE WHEN r.status = 'cancelled' THEN NULL ELSE {month} END,
            priority_key = CAST(CASE r.urgency WHEN 'urgent' THEN 0 WHEN 'normal' THEN 1 ELSE 2 END
                                AS BIGINT) * 10000000000000000
                           + COALESCE({day('return_line.due_on')}, 99991231) * 100000000
                           + {day('r.received_on')}
        FROM rma_return AS r WHERE r.id = return_line.return_id""")
    if sqlite:
        _sqlite_not_null(bind, 'return_line', 'priority_key', 'BIGINT')
    else:
        op.alter_column('return_line', 'priority_key', existing_type=sa.BigInteger(), nullable=False)

    op.create_index('ix_return_line_stat_month', 'return_line', _TREND_COLUMNS)
    for name, states in _BENCH_QUEUES.items():
        op.create_index(f'ix_return_line_queue_{name}', 'return_line', ['priority_key', 'id'],
                        postgresql_where=sa.text(f'status IN ({states})'),
                        sqlite_where=sa.text(f'status IN ({states})'))
    op.create_index('ix_return_line_priority', 'return_line', ['priority_key', 'id'])
    op.create_index('ix_return_line_lot_no', 'return_line', ['lot_no'],
                    postgresql_ops={'lot_no': 'varchar_pattern_ops'})
    op.create_index('ix_rma_return_desk', 'rma_return', ['received_on', 'id'],
                    postgresql_where=sa.text(f'status IN ({_DESK})'), sqlite_where=sa.text(f'status IN ({_DESK})'))
    op.create_index('ix_rma_return_received_on_status', 'rma_return', ['received_on', 'status'])
    for col in _RETURN_CODES:
        op.create_index(f'ix_rma_return_{col}', 'rma_return', [col], postgresql_ops={col: 'varchar_pattern_ops'})
    op.create_index('ix_corrective_action_line_id', 'corrective_action', ['line_id'])
    op.create_index('ix_liaison_note_line_id', 'liaison_note', ['line_id'])


def downgrade() -> None:
    for table, name in (('liaison_note', 'ix_liaison_note_line_id'),
                        ('corrective_action', 'ix_corrective_action_line_id'),
                        *(('rma_return', f'ix_rma_return_{col}') for col in _RETURN_CODES),
                        ('rma_return', 'ix_rma_return_received_on_status'),
                        ('rma_return', 'ix_rma_return_desk'),
                        ('return_line', 'ix_return_line_lot_no'),
                        ('return_line', 'ix_return_line_priority'),
                        ('return_line', 'ix_return_line_queue_rework'),
                        ('return_line', 'ix_return_line_queue_inspection'),
                        ('return_line', 'ix_return_line_stat_month')):
        op.drop_index(name, table_name=table)
    # SQLite (3.35 and later) drops a column in place: no copy of return_line
    op.drop_column('return_line', 'priority_key')
    op.drop_column('return_line', 'stat_month')
