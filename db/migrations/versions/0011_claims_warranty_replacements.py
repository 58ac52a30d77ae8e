"""claims: supplier claims (供应商索赔, SC-YYYY-NNNNNN) with their lines and counter, warranty at
receipt (the ship/invoice date entered at the desk, sales' confirmation of an out-of-warranty
line) and replacement shipments for exchange and repair-and-reship lines

Only new tables: return_line is not copied (batch mode would have to drop the table other
rows point at), the warranty facts of a line live beside it in line_warranty.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01 23:44:27
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import db.types

# revision identifiers, used by Alembic.
revision: str = '0011'
down_revision: str | Sequence[str] | None = '0010'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('claim_counter',
    sa.Column('year', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('last_value', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('year', name=op.f('pk_claim_counter'))
    )
    op.create_table('supplier_claim',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('claim_no', sa.String(length=20), nullable=False),
    sa.Column('supplier_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('loss_amount', db.types.Fixed(14, 2), nullable=False),
    sa.Column('claimed_amount', db.types.Fixed(14, 2), nullable=False),
    sa.Column('amount_reason', sa.Text(), nullable=False),
    sa.Column('accepted_amount', db.types.Fixed(14, 2), nullable=True),
    sa.Column('recovered_amount', db.types.Fixed(14, 2), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('supplier_reply', sa.Text(), nullable=False),
    sa.Column('credit_ref', sa.String(length=64), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('sent_by_id', sa.Integer(), nullable=True),
    sa.Column('sent_on', sa.Date(), nullable=True),
    sa.Column('answered_by_id', sa.Integer(), nullable=True),
    sa.Column('answered_on', sa.Date(), nullable=True),
    sa.Column('credited_by_id', sa.Integer(), nullable=True),
    sa.Column('credited_on', sa.Date(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', db.types.UtcDateTime(), nullable=False),
    sa.Column('updated_at', db.types.UtcDateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.CheckConstraint('claimed_amount >= 0', name=op.f('ck_supplier_claim_claimed_amount_nonneg')),
    sa.CheckConstraint('recovered_amount IS NULL OR recovered_amount >= 0', name=op.f('ck_supplier_claim_recovered_amount_nonneg')),
    sa.ForeignKeyConstraint(['answered_by_id'], ['app_user.id'], name=op.f('fk_supplier_claim_answered_by_id_app_user')),
    sa.ForeignKeyConstraint(['created_by_id'], ['app_user.id'], name=op.f('fk_supplier_claim_created_by_id_app_user')),
    sa.ForeignKeyConstraint(['credited_by_id'], ['app_user.id'], name=op.f('fk_supplier_claim_credited_by_id_app_user')),
    sa.ForeignKeyConstraint(['sent_by_id'], ['app_user.id'], name=op.f('fk_supplier_claim_sent_by_id_app_user')),
    sa.ForeignKeyConstraint(['supplier_id'], ['supplier.id'], name=op.f('fk_supplier_claim_supplier_id_supplier')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_supplier_claim')),
    sa.UniqueConstraint('claim_no', name=op.f('uq_supplier_claim_claim_no'))
    )
    with op.batch_alter_table('supplier_claim', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_supplier_claim_credited_on'), ['credited_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_supplier_claim_sent_on'), ['sent_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_supplier_claim_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_supplier_claim_supplier_id'), ['supplier_id'], unique=False)

    op.create_table('line_warranty',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('line_id', sa.Integer(), nullable=False),
    sa.Column('basis', sa.String(length=16), nullable=False),
    sa.Column('basis_on', sa.Date(), nullable=True),
    sa.Column('sales_confirmed_by_id', sa.Integer(), nullable=True),
    sa.Column('sales_confirmed_at', db.types.UtcDateTime(), nullable=True),
    sa.Column('sales_note', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', db.types.UtcDateTime(), nullable=False),
    sa.Column('updated_at', db.types.UtcDateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['line_id'], ['return_line.id'], name=op.f('fk_line_warranty_line_id_return_line')),
    sa.ForeignKeyConstraint(['sales_confirmed_by_id'], ['app_user.id'], name=op.f('fk_line_warranty_sales_confirmed_by_id_app_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_line_warranty')),
    sa.UniqueConstraint('line_id', name=op.f('uq_line_warranty_line_id'))
    )
    op.create_table('replacement_shipment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('line_id', sa.Integer(), nullable=False),
    sa.Column('shipped_on', sa.Date(), nullable=False),
    sa.Column('delivery_note', sa.String(length=64), nullable=False),
    sa.Column('qty', sa.Integer(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('shipped_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', db.types.UtcDateTime(), nullable=False),
    sa.Column('updated_at', db.types.UtcDateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.CheckConstraint('qty > 0', name=op.f('ck_replacement_shipment_qty_positive')),
    sa.ForeignKeyConstraint(['line_id'], ['return_line.id'], name=op.f('fk_replacement_shipment_line_id_return_line')),
    sa.ForeignKeyConstraint(['shipped_by_id'], ['app_user.id'], name=op.f('fk_replacement_shipment_shipped_by_id_app_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_replacement_shipment'))
    )
    with op.batch_alter_table('replacement_shipment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_replacement_shipment_line_id'), ['line_id'], unique=False)

    op.create_table('supplier_claim_line',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('claim_id', sa.Integer(), nullable=False),
    sa.Column('line_id', sa.Integer(), nullable=False),
    sa.Column('loss_cost', db.types.Fixed(14, 2), nullable=False),
    sa.Column('created_at', db.types.UtcDateTime(), nullable=False),
    sa.Column('updated_at', db.types.UtcDateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['claim_id'], ['supplier_claim.id'], name=op.f('fk_supplier_claim_line_claim_id_supplier_claim')),
    sa.ForeignKeyConstraint(['line_id'], ['return_line.id'], name=op.f('fk_supplier_claim_line_line_id_return_line')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_supplier_claim_line')),
    sa.UniqueConstraint('line_id', name=op.f('uq_supplier_claim_line_line_id'))
    )
    with op.batch_alter_table('supplier_claim_line', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_supplier_claim_line_claim_id'), ['claim_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('supplier_claim_line', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_supplier_claim_line_claim_id'))

    op.drop_table('supplier_claim_line')
    with op.batch_alter_table('replacement_shipment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_replacement_shipment_line_id'))

    op.drop_table('replacement_shipment')
    op.drop_table('line_warranty')
    with op.batch_alter_table('supplier_claim', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_supplier_claim_supplier_id'))
        batch_op.drop_index(batch_op.f('ix_supplier_claim_status'))
        batch_op.drop_index(batch_op.f('ix_supplier_claim_sent_on'))
        batch_op.drop_index(batch_op.f('ix_supplier_claim_credited_on'))

    op.drop_table('supplier_claim')
    op.drop_table('claim_counter')
