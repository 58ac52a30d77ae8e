"""queries: the indexes the search reads through (issue 12)

- a label's and an RMA number's beginning on PostgreSQL (varchar_pattern_ops: the unique
  constraints' indexes serve LIKE 'p%' only under the C collation);
- per bench queue, small partial indexes by label, lot, product and return, each with the
  queue's order key, so a search inside a queue reads its matches from indexes alone;
- a customer's returns in the desk's order (with their status), and a customer's open
  returns: a name leads through the small customer table to these, not across the big tables.

Revision ID: 0021
Revises: 0015
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0021'
down_revision: str | Sequence[str] | None = '0015'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BENCH_QUEUES = {'inspection': "'inspection', 'decision'", 'rework': "'rework', 'reinspection'"}
_OPEN_RETURN = "'received', 'confirmed', 'approved'"
_WAYS = (('barcode', 'barcode'), ('lot', 'lot_no'), ('product', 'product_id'), ('return', 'return_id'))
_PATTERN = ('barcode', 'lot_no')


def upgrade() -> None:
    op.create_index('ix_return_line_barcode_prefix', 'return_line', ['barcode'],
                    postgresql_ops={'barcode': 'varchar_pattern_ops'})
    for name, states in _BENCH_QUEUES.items():
        for way, col in _WAYS:
            op.create_index(f'ix_return_line_queue_{name}_{way}', 'return_line', [col, 'priority_key', 'id'],
                            postgresql_where=sa.text(f'status IN ({states})'),
                            sqlite_where=sa.text(f'status IN ({states})'),
                            **({'postgresql_ops': {col: 'varchar_pattern_ops'}} if col in _PATTERN else {}))
    op.create_index('ix_rma_return_rma_no_prefix', 'rma_return', ['rma_no'],
                    postgresql_ops={'rma_no': 'varchar_pattern_ops'})
    op.create_index('ix_rma_return_customer_received', 'rma_return', ['customer_id', 'received_on', 'id', 'status'])
    op.create_index('ix_rma_return_customer_open', 'rma_return', ['customer_id', 'id'],
                    postgresql_where=sa.text(f'status IN ({_OPEN_RETURN})'),
                    sqlite_where=sa.text(f'status IN ({_OPEN_RETURN})'))


def downgrade() -> None:
    for name in ('ix_rma_return_customer_open', 'ix_rma_return_customer_received', 'ix_rma_return_rma_no_prefix'):
        op.drop_index(name, table_name='rma_return')
    for name in _BENCH_QUEUES:
        for way, _col in _WAYS:
            op.drop_index(f'ix_return_line_queue_{name}_{way}', table_name='return_line')
    op.drop_index('ix_return_line_barcode_prefix', table_name='return_line')
