"""master data: suppliers, storage locations, versions and who-changed on customers, products, categories

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 20:15:00

"""
from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

import db.types

# revision identifiers, used by Alembic.
revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# existing rows get a version of 1 and "now" as their creation and last change
_TRACKED = ("customer", "product", "defect_category")


def _tracked_columns(stamp: str) -> list[sa.Column]:
    # SQLite adds a NOT NULL column only with a constant default: existing rows get the
    # time of the upgrade, written as a literal (naive UTC, as db.types.UtcDateTime stores it)
    return [
        sa.Column("created_at", db.types.UtcDateTime(), nullable=False, server_default=stamp),
        sa.Column("updated_at", db.types.UtcDateTime(), nullable=False, server_default=stamp),
        sa.Column("updated_by", sa.String(length=64), nullable=False, server_default=""),
    ]


def _stamp() -> str:
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0).isoformat(sep=" ")


def upgrade() -> None:
    """Upgrade schema."""
    stamp = _stamp()
    op.create_table(
        "supplier",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("contact", sa.String(length=100), nullable=False),
        sa.Column("phone", sa.String(length=50), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        *_tracked_columns(stamp),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_supplier")),
        sa.UniqueConstraint("code", name=op.f("uq_supplier_code")),
        sa.UniqueConstraint("name", name=op.f("uq_supplier_name")),
    )
    op.create_table(
        "storage_location",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        *_tracked_columns(stamp),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_storage_location")),
        sa.UniqueConstraint("code", name=op.f("uq_storage_location_code")),
    )
    # Plain ADD COLUMN, no table rebuild: rebuilding customer and product on SQLite would
    # drop tables every return refers to (foreign keys are on) and copy them for nothing.
    for table in _TRACKED:
        op.add_column(table, sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
        for column in _tracked_columns(stamp):
            op.add_column(table, column)
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE customer ADD COLUMN sales_rep_id INTEGER "
                   "CONSTRAINT fk_customer_sales_rep_id_app_user REFERENCES app_user (id)")
        op.execute("ALTER TABLE product ADD COLUMN supplier_id INTEGER "
                   "CONSTRAINT fk_product_supplier_id_supplier REFERENCES supplier (id)")
    else:
        op.add_column("customer", sa.Column("sales_rep_id", sa.Integer(), nullable=True))
        op.create_foreign_key(op.f("fk_customer_sales_rep_id_app_user"), "customer", "app_user",
                              ["sales_rep_id"], ["id"])
        op.add_column("product", sa.Column("supplier_id", sa.Integer(), nullable=True))
        op.create_foreign_key(op.f("fk_product_supplier_id_supplier"), "product", "supplier",
                              ["supplier_id"], ["id"])


def downgrade() -> None:
    """Downgrade schema."""
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table, column, fk in (("product", "supplier_id", "fk_product_supplier_id_supplier"),
                              ("customer", "sales_rep_id", "fk_customer_sales_rep_id_app_user")):
        if sqlite:
            # in place (SQLite 3.35+): a rebuild would drop tables every return refers to
            op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
        else:
            op.drop_constraint(fk, table, type_="foreignkey")
            op.drop_column(table, column)
    for table in reversed(_TRACKED):
        for column in ("updated_by", "updated_at", "created_at", "version"):
            op.drop_column(table, column)
    op.drop_table("storage_location")
    op.drop_table("supplier")
