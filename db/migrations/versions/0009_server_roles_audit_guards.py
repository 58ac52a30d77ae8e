"""server roles: audit and workflow triggers on PostgreSQL (issue 10)

- every audited table (app.services.audit.AUDITED) gets an AFTER trigger rma_audit_<table>
  that writes the trail in the database: session_user, clock_timestamp(), application_name,
  table, row, field, old and new value, through a SECURITY DEFINER function;
- rma_return and return_line get rma_guard_<table>: a status change out of the workflow's
  order, or by a station login whose role's step it is not, is refused by the server;
- audit_log gets rma_audit_stamp: a station login cannot say who wrote a row, nor when;
- rma_admin_login(): the administration of login roles, run as the owner.

Nothing changes on SQLite (the application writes the trail there). The grants are made by
`rma-station db init-server` and kept in step by every `db upgrade` (db.roles).

Revision ID: 0009
Revises: 0008
"""
from collections.abc import Sequence

from alembic import op

from db.roles import apply_server_objects, drop_server_objects

revision: str = '0009'
down_revision: str | Sequence[str] | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    apply_server_objects(op.get_bind())


def downgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        drop_server_objects(op.get_bind())
