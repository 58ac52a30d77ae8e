"""live refresh: NOTIFY rma_change after each commit that wrote a workflow or master-data row

PostgreSQL only: the function rma_notify() and one row trigger rma_notify_<table> per
table of db.notify.NOTIFIED_TABLES (the payload is described there). A change made with
psql or by a CLI import is announced too. Nothing on SQLite, whose stations poll
PRAGMA data_version instead.

Revision ID: 0012
Revises: 0011
"""
from collections.abc import Sequence

from alembic import op

from db.notify import FUNCTION_SQL, NOTIFIED_TABLES, trigger_sql

revision: str = '0012'
down_revision: str | Sequence[str] | None = '0011'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(FUNCTION_SQL)
    for table in NOTIFIED_TABLES:
        op.execute(f"DROP TRIGGER IF EXISTS rma_notify_{table} ON {table}")
        op.execute(trigger_sql(table))


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in NOTIFIED_TABLES:
        op.execute(f"DROP TRIGGER IF EXISTS rma_notify_{table} ON {table}")
    op.execute("DROP FUNCTION IF EXISTS rma_notify()")
