"""signatures: electronic signatures of the workflow steps (Part 11) and their voiding

- `signature`: one row per signed step (record, step, meaning, signer's login and printed
  name, time, SHA-256 of the signed content);
- `signature_void`: one row per signature a later change made void (by whom, when, why);
- both are append-only: a trigger refuses UPDATE and DELETE (and TRUNCATE on PostgreSQL);
  on PostgreSQL a trigger also sets the time from the server's clock (clock_timestamp())
  for every role but the tables' owner, so no user can sign with their own clock (the
  owner's `db copy` keeps the times of the signatures it copies).

Revision ID: 0010
Revises: 0009
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import db.types

revision: str = "0010"
down_revision: str | Sequence[str] | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TABLES = ("signature", "signature_void")
_TIME = {"signature": "signed_at", "signature_void": "voided_at"}


def _append_only() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.execute(
            """
            CREATE FUNCTION signature_append_only() RETURNS trigger AS $$
            BEGIN
                RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP;
            END;
            $$ LANGUAGE plpgsql
            """
        )
        for table in _TABLES:
            op.execute(
                f"""
                CREATE FUNCTION {table}_server_time() RETURNS trigger AS $$
                BEGIN
                    -- the owner (migrations, `db copy` of a desk's signatures) keeps the time
                    -- it brings; everyone else signs at the server's clock, stored as naive
                    -- UTC like every UtcDateTime column
                    IF NOT pg_has_role(current_user, (SELECT c.relowner FROM pg_class c
                                                      WHERE c.oid = TG_RELID), 'USAGE') THEN
                        NEW.{_TIME[table]} := clock_timestamp() AT TIME ZONE 'UTC';
                    END IF;
                    RETURN NEW;
                END;
                $$ LANGUAGE plpgsql
                """
            )
            op.execute(f"CREATE TRIGGER {table}_server_time BEFORE INSERT ON {table} "
                       f"FOR EACH ROW EXECUTE FUNCTION {table}_server_time()")
            op.execute(f"CREATE TRIGGER {table}_no_update BEFORE UPDATE OR DELETE ON {table} "
                       "FOR EACH ROW EXECUTE FUNCTION signature_append_only()")
            op.execute(f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
                       "FOR EACH STATEMENT EXECUTE FUNCTION signature_append_only()")
    else:
        for table in _TABLES:
            op.execute(f"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} "
                       f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END")
            op.execute(f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} "
                       f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END")


def upgrade() -> None:
    op.create_table(
        "signature",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("record_table", sa.String(length=32), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("return_id", sa.Integer(), nullable=True),
        sa.Column("step", sa.String(length=32), nullable=False),
        sa.Column("meaning", sa.String(length=16), nullable=False),
        sa.Column("signer_id", sa.Integer(), nullable=False),
        sa.Column("signer_login", sa.String(length=64), nullable=False),
        sa.Column("signer_name", sa.String(length=100), nullable=False),
        sa.Column("station", sa.String(length=64), nullable=False),
        sa.Column("signed_at", db.types.UtcDateTime(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["return_id"], ["rma_return.id"], name=op.f("fk_signature_return_id_rma_return")),
        sa.ForeignKeyConstraint(["signer_id"], ["app_user.id"], name=op.f("fk_signature_signer_id_app_user")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_signature")),
    )
    with op.batch_alter_table("signature", schema=None) as batch_op:
        batch_op.create_index("ix_signature_record", ["record_table", "record_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_signature_return_id"), ["return_id"], unique=False)
    op.create_table(
        "signature_void",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("signature_id", sa.Integer(), nullable=False),
        sa.Column("voided_by_login", sa.String(length=64), nullable=False),
        sa.Column("voided_by_name", sa.String(length=100), nullable=False),
        sa.Column("voided_at", db.types.UtcDateTime(), nullable=False),
        sa.Column("reason", sa.String(length=32), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["signature_id"], ["signature.id"],
                                name=op.f("fk_signature_void_signature_id_signature")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_signature_void")),
        sa.UniqueConstraint("signature_id", name=op.f("uq_signature_void_signature_id")),
    )
    _append_only()


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        for table in _TABLES:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}")
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_update ON {table}")
            op.execute(f"DROP TRIGGER IF EXISTS {table}_server_time ON {table}")
            op.execute(f"DROP FUNCTION IF EXISTS {table}_server_time()")
        op.execute("DROP FUNCTION IF EXISTS signature_append_only()")
    else:
        for table in _TABLES:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_update")
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_delete")
    op.drop_table("signature_void")
    with op.batch_alter_table("signature", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_signature_return_id"))
        batch_op.drop_index("ix_signature_record")
    op.drop_table("signature")
