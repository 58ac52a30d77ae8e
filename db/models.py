"""The station's tables, as SQLAlchemy 2 typed models.

Codes (liability, disposition, status, role …) are stored as codes; names come from
app.codes. Per-line cost totals are kept on the line by the services in the same
transaction as the entries they sum, so monthly reports are plain GROUP BY sums.
"""

# No `from __future__ import annotations` here: with it every Mapped[...] is a string that
# the declarative scan evaluates again (ForwardRef compile + eval, some 340 of them), a
# sixth of this module's import at every start and command. Relationships to classes
# defined further down name them in quotes.
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    event,
    inspect,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship

from db.types import Fixed, Money, Ratio, UtcDateTime, utcnow

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Tracked:
    """Who last changed a record, for the conflict message and the audit trail."""

    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(64), default="")


# ---------------------------------------------------------------- reference data


class Customer(Tracked, Base):
    __tablename__ = "customer"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str | None] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    contact: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    sales_rep_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))  # master data
    version: Mapped[int] = mapped_column(Integer, default=1)  # master data

    __mapper_args__ = {"version_id_col": version}


class Product(Tracked, Base):
    __tablename__ = "product"

    id: Mapped[int] = mapped_column(primary_key=True)
    model: Mapped[str] = mapped_column(String(200), unique=True)  # 型号规格
    name: Mapped[str] = mapped_column(String(200), default="")
    unit: Mapped[str] = mapped_column(String(16), default="件")
    unit_price: Mapped[Decimal] = mapped_column(Money(), default=Decimal("0.00"))
    warranty_months: Mapped[int] = mapped_column(Integer, default=12)
    barcode: Mapped[str | None] = mapped_column(String(64), unique=True)  # the product label's code
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    supplier_id: Mapped[int | None] = mapped_column(ForeignKey("supplier.id"))  # master data
    version: Mapped[int] = mapped_column(Integer, default=1)  # master data

    __mapper_args__ = {"version_id_col": version}


class User(Base):
    __tablename__ = "app_user"

    id: Mapped[int] = mapped_column(primary_key=True)
    login: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    department: Mapped[str] = mapped_column(String(100), default="")
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # users: passwords and lockout (migration 0002)
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    failed_logins: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    locked_until: Mapped[datetime | None] = mapped_column(UtcDateTime())
    password_changed_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    roles: Mapped[list["UserRole"]] = relationship(
        back_populates="user", cascade="all, delete-orphan", lazy="selectin"
    )

    @property
    def role_codes(self) -> frozenset[str]:
        return frozenset(r.role for r in self.roles)


class UserRole(Base):
    __tablename__ = "user_role"

    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"), primary_key=True)
    role: Mapped[str] = mapped_column(String(32), primary_key=True)
    user: Mapped["User"] = relationship(back_populates="roles")


class LiabilityCode(Base):
    """责任划分代号 1–9; seeded from app.codes.LIABILITY, joined by reports."""

    __tablename__ = "liability_code"

    code: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    name_zh: Mapped[str] = mapped_column(String(32))
    name_en: Mapped[str] = mapped_column(String(64))


class DefectCategory(Tracked, Base):
    """Defect / cause categories — an editable list."""

    __tablename__ = "defect_category"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name_zh: Mapped[str] = mapped_column(String(100))
    name_en: Mapped[str] = mapped_column(String(100), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    version: Mapped[int] = mapped_column(Integer, default=1)  # master data

    __mapper_args__ = {"version_id_col": version}


class Setting(Base):
    """Shared business settings (labour rate, form numbers): one value for every station."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(64), default="")


class RmaCounter(Base):
    """Per-year RMA number counter; the creating transaction increments it atomically."""

    __tablename__ = "rma_counter"

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last_value: Mapped[int] = mapped_column(Integer, default=0)


# ---------------------------------------------------------------- master data (资料维护)


class Supplier(Tracked, Base):
    """A supplier of parts or goods: named by claims when the liability is 2 供方."""

    __tablename__ = "supplier"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    contact: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class StorageLocation(Tracked, Base):
    """An isolation area (隔离区) where the desk puts returned goods; the desk's pick list."""

    __tablename__ = "storage_location"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(100), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class _Index(Index):
    """An index whose PostgreSQL options are checked against that dialect when first read
    (its DDL, Alembic's comparison, a copy), not when db.models is imported: checking them
    imports sqlalchemy.dialects.postgresql with every driver module of it, a tenth of a
    second of each start and command on SQLite. The options themselves are the same."""

    def __init__(self, *args: Any, **kw: Any) -> None:
        later = {k: kw.pop(k) for k in [k for k in kw if k.startswith("postgresql_")]}
        super().__init__(*args, **kw)
        self._postgresql_later = later

    @property  # type: ignore[override]
    def dialect_options(self) -> Any:
        # kept where SQLAlchemy's memoized property keeps it (_copy_reflect_only_elements looks there)
        options = self.__dict__.get("dialect_options")
        if options is None:
            options = self.__dict__["dialect_options"] = Index.dialect_options.fget(self)  # type: ignore[attr-defined]
        later = self.__dict__.pop("_postgresql_later", None)
        if later:
            self._validate_dialect_kwargs(later)
        return options


# ---------------------------------------------------------------- queries: indexes (issue 12)
# Each serves one query shape of app/services/queues.py or app/reports/monthly.py; the
# EXPLAIN tests of tests/unit/db/test_query_plans.py pin that they do.

_BENCH_QUEUES = {"inspection": "'inspection', 'decision'", "rework": "'rework', 'reinspection'"}
_DESK = "'received', 'confirmed'"
_OPEN_RETURN = "'received', 'confirmed', 'approved'"

QUERIES_LINE_INDEXES = [
    # a month's lines in one range; the trend's sums read from the index alone
    _Index("ix_return_line_stat_month", "stat_month", "qty_counted", "amount",
          "refund_amount", "material_cost", "labour_cost", "other_cost", "scrapped_value",
          "loss_cost"),
    # each bench's queue in its priority order: the first screen is the first rows of the walk
    *(_Index(f"ix_return_line_queue_{name}", "priority_key", "id",
            postgresql_where=text(f"status IN ({states})"), sqlite_where=text(f"status IN ({states})"))
      for name, states in _BENCH_QUEUES.items()),
    # every line in priority order: the search over all returns
    _Index("ix_return_line_priority", "priority_key", "id"),
    # the lot number typed whole or its beginning
    _Index("ix_return_line_lot_no", "lot_no", postgresql_ops={"lot_no": "varchar_pattern_ops"}),
    # a label's beginning (LIKE 'p%' on PostgreSQL: the unique constraint's index serves
    # only whole labels unless the database's collation is C)
    _Index("ix_return_line_barcode_prefix", "barcode", postgresql_ops={"barcode": "varchar_pattern_ops"}),
    # a search inside a bench's queue, one small partial index per way in (label, lot,
    # product, return), each carrying the queue's order key: the queue's matches are read
    # from these indexes alone and only the page's rows from the table (migration 0021)
    *(_Index(f"ix_return_line_queue_{name}_{way}", col, "priority_key", "id",
            postgresql_where=text(f"status IN ({states})"), sqlite_where=text(f"status IN ({states})"),
            **({"postgresql_ops": {col: "varchar_pattern_ops"}} if col in ("barcode", "lot_no") else {}))
      for name, states in _BENCH_QUEUES.items()
      for way, col in (("barcode", "barcode"), ("lot", "lot_no"), ("product", "product_id"), ("return", "return_id"))),
]
QUERIES_RETURN_INDEXES = [
    # the desk's list: returns waiting for sales or the manager, newest first
    _Index("ix_rma_return_desk", "received_on", "id",
          postgresql_where=text(f"status IN ({_DESK})"), sqlite_where=text(f"status IN ({_DESK})")),
    # the trend's count of returns per month, from the index alone
    _Index("ix_rma_return_received_on_status", "received_on", "status"),
    # the order, delivery and invoice numbers typed whole or their beginning
    *(_Index(f"ix_rma_return_{col}", col, postgresql_ops={col: "varchar_pattern_ops"})
      for col in ("order_no", "delivery_no", "invoice_no")),
    # the RMA number's beginning (as the label's: LIKE 'p%' on PostgreSQL)
    _Index("ix_rma_return_rma_no_prefix", "rma_no", postgresql_ops={"rma_no": "varchar_pattern_ops"}),
    # a customer's returns in the desk's order, with their status: the search by name walks
    # them newest first and counts them from the index alone
    _Index("ix_rma_return_customer_received", "customer_id", "received_on", "id", "status"),
    # a customer's open returns: the way from a name to the lines waiting at a bench
    # (a line waits at a bench only while its return is open)
    _Index("ix_rma_return_customer_open", "customer_id", "id",
          postgresql_where=text(f"status IN ({_OPEN_RETURN})"), sqlite_where=text(f"status IN ({_OPEN_RETURN})")),
]


# ---------------------------------------------------------------- the return


class Return(Tracked, Base):
    """One customer return (RMA) — the handling notice 客退品处理通知单."""

    __tablename__ = "rma_return"

    id: Mapped[int] = mapped_column(primary_key=True)
    rma_no: Mapped[str] = mapped_column(String(20), unique=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"), index=True)
    arrival_method: Mapped[str] = mapped_column(String(16))
    order_no: Mapped[str] = mapped_column(String(64), default="")
    delivery_no: Mapped[str] = mapped_column(String(64), default="")
    invoice_no: Mapped[str] = mapped_column(String(64), default="")
    received_on: Mapped[date] = mapped_column(Date, index=True)
    received_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    storage_location: Mapped[str] = mapped_column(String(64), default="")
    urgency: Mapped[str] = mapped_column(String(16), default="normal")
    notes: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default="received", index=True)
    source: Mapped[str] = mapped_column(String(16), default="station")  # station / import / demo

    sales_requirements: Mapped[str] = mapped_column(Text, default="")
    sales_confirmed_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    sales_confirmed_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    approval_note: Mapped[str] = mapped_column(Text, default="")
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    approved_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    closed_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    cancel_reason: Mapped[str] = mapped_column(Text, default="")
    cancelled_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    cancelled_at: Mapped[datetime | None] = mapped_column(UtcDateTime())

    version: Mapped[int] = mapped_column(Integer, default=1)

    customer: Mapped["Customer"] = relationship(lazy="joined")
    lines: Mapped[list["ReturnLine"]] = relationship(
        back_populates="rma", order_by="ReturnLine.line_no", cascade="all, delete-orphan"
    )
    received_by: Mapped["User | None"] = relationship(foreign_keys=[received_by_id])
    sales_confirmed_by: Mapped["User | None"] = relationship(foreign_keys=[sales_confirmed_by_id])
    approved_by: Mapped["User | None"] = relationship(foreign_keys=[approved_by_id])
    closed_by: Mapped["User | None"] = relationship(foreign_keys=[closed_by_id])

    __table_args__ = tuple(QUERIES_RETURN_INDEXES)
    __mapper_args__ = {"version_id_col": version}


class ReturnLine(Tracked, Base):
    """One returned model/lot: a row of the analysis form, a label on the goods."""

    __tablename__ = "return_line"
    __table_args__ = (
        UniqueConstraint("return_id", "line_no", name="uq_return_line_return_id_line_no"),
        CheckConstraint("qty_counted >= 0", name="qty_counted_nonneg"),
        CheckConstraint("qty_announced >= 0", name="qty_announced_nonneg"),
        CheckConstraint("liability_code BETWEEN 1 AND 9", name="liability_code_range"),
        Index("ix_return_line_status_due", "status", "due_on"),
        *QUERIES_LINE_INDEXES,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    return_id: Mapped[int] = mapped_column(ForeignKey("rma_return.id"), index=True)
    line_no: Mapped[int] = mapped_column(Integer)
    barcode: Mapped[str] = mapped_column(String(32), unique=True)  # RMA-YYYY-NNNNNN-L
    product_id: Mapped[int] = mapped_column(ForeignKey("product.id"), index=True)
    lot_no: Mapped[str] = mapped_column(String(64), default="")
    manufacture_date: Mapped[date | None] = mapped_column(Date)
    qty_announced: Mapped[int | None] = mapped_column(Integer)  # None: not announced (to verify)
    qty_counted: Mapped[int] = mapped_column(Integer)
    unit: Mapped[str] = mapped_column(String(16), default="件")
    unit_price: Mapped[Decimal] = mapped_column(Money())
    amount: Mapped[Decimal] = mapped_column(Money())
    customer_reason: Mapped[str] = mapped_column(Text, default="")
    is_our_product: Mapped[bool] = mapped_column(Boolean, default=True)
    condition: Mapped[str] = mapped_column(String(16), default="unopened")
    status: Mapped[str] = mapped_column(String(16), default="received", index=True)
    # the step's deadline: inspection 1 working day, rework 2 days after planning
    due_on: Mapped[date | None] = mapped_column(Date)

    # QA inspection (preliminary)
    findings: Mapped[str] = mapped_column(Text, default="")
    defect_category_id: Mapped[int | None] = mapped_column(ForeignKey("defect_category.id"))
    preliminary_opinion: Mapped[str] = mapped_column(Text, default="")
    inspected_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    inspected_at: Mapped[datetime | None] = mapped_column(UtcDateTime())

    # engineering final decision
    final_cause: Mapped[str] = mapped_column(Text, default="")
    liability_code: Mapped[int | None] = mapped_column(ForeignKey("liability_code.code"), index=True)
    disposition: Mapped[str | None] = mapped_column(String(32))
    refund_ratio: Mapped[Decimal | None] = mapped_column(Ratio())
    serious: Mapped[bool] = mapped_column(Boolean, default=False)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    decided_at: Mapped[datetime | None] = mapped_column(UtcDateTime())

    # production rework
    rework_planned_on: Mapped[date | None] = mapped_column(Date)
    rework_planned_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    rework_qty: Mapped[int | None] = mapped_column(Integer)
    rework_done_at: Mapped[datetime | None] = mapped_column(UtcDateTime())

    # re-inspection
    qty_qualified: Mapped[int | None] = mapped_column(Integer)
    qty_unqualified: Mapped[int | None] = mapped_column(Integer)
    qty_scrapped: Mapped[int | None] = mapped_column(Integer)
    reinspected_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    reinspected_at: Mapped[datetime | None] = mapped_column(UtcDateTime())

    # cost totals kept by the services (exact sums of the entries below)
    refund_amount: Mapped[Decimal] = mapped_column(Money(), default=Decimal("0.00"))
    material_cost: Mapped[Decimal] = mapped_column(Money(), default=Decimal("0.00"))
    labour_cost: Mapped[Decimal] = mapped_column(Money(), default=Decimal("0.00"))
    other_cost: Mapped[Decimal] = mapped_column(Money(), default=Decimal("0.00"))
    scrapped_value: Mapped[Decimal] = mapped_column(Money(), default=Decimal("0.00"))
    loss_cost: Mapped[Decimal] = mapped_column(Money(), default=Decimal("0.00"))

    source_key: Mapped[str | None] = mapped_column(String(64), unique=True)  # legacy import row
    version: Mapped[int] = mapped_column(Integer, default=1)
    # queries: keys derived from the return and the line (app.services.line_keys, migration 0008)
    stat_month: Mapped[int | None] = mapped_column(Integer)  # YYYYMM counted in; null: cancelled
    priority_key: Mapped[int] = mapped_column(BigInteger)  # the benches' priority order

    rma: Mapped["Return"] = relationship(back_populates="lines")
    product: Mapped["Product"] = relationship(lazy="joined")
    defect_category: Mapped["DefectCategory | None"] = relationship()
    materials: Mapped[list["ReworkMaterial"]] = relationship(
        back_populates="line", cascade="all, delete-orphan", order_by="ReworkMaterial.id"
    )
    labour: Mapped[list["ReworkLabour"]] = relationship(
        back_populates="line", cascade="all, delete-orphan", order_by="ReworkLabour.id"
    )
    inspected_by: Mapped["User | None"] = relationship(foreign_keys=[inspected_by_id])
    decided_by: Mapped["User | None"] = relationship(foreign_keys=[decided_by_id])
    reinspected_by: Mapped["User | None"] = relationship(foreign_keys=[reinspected_by_id])

    __mapper_args__ = {"version_id_col": version}


class LineMonthTotal(Base):
    """The sums of each month's counted lines (stat_month), for the monthly statistics' trend.

    Kept by the database's own triggers on return_line (db.summary, migration 0022), in the
    transaction of every write of a line, whatever writes it; never written by the station.
    Always equal to return_line grouped by stat_month (a month without lines has no row)."""

    __tablename__ = "line_month_total"

    stat_month: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)  # YYYYMM
    lines: Mapped[int] = mapped_column(Integer, server_default=text("0"))
    qty_counted: Mapped[int] = mapped_column(Integer, server_default=text("0"))
    amount: Mapped[Decimal] = mapped_column(Money(), server_default=text("0"))
    refund_amount: Mapped[Decimal] = mapped_column(Money(), server_default=text("0"))
    material_cost: Mapped[Decimal] = mapped_column(Money(), server_default=text("0"))
    labour_cost: Mapped[Decimal] = mapped_column(Money(), server_default=text("0"))
    other_cost: Mapped[Decimal] = mapped_column(Money(), server_default=text("0"))
    scrapped_value: Mapped[Decimal] = mapped_column(Money(), server_default=text("0"))
    loss_cost: Mapped[Decimal] = mapped_column(Money(), server_default=text("0"))


class ReworkMaterial(Tracked, Base):
    __tablename__ = "rework_material"
    __table_args__ = (CheckConstraint("qty > 0", name="qty_positive"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    line_id: Mapped[int] = mapped_column(ForeignKey("return_line.id"), index=True)
    code: Mapped[str] = mapped_column(String(64), default="")
    name: Mapped[str] = mapped_column(String(200))
    qty: Mapped[Decimal] = mapped_column(Fixed(12, 3))  # measured: 2.5 m of wire, 0.35 kg of resin
    unit: Mapped[str] = mapped_column(String(16), default="个")
    unit_cost: Mapped[Decimal] = mapped_column(Money())
    cost: Mapped[Decimal] = mapped_column(Money())
    line: Mapped["ReturnLine"] = relationship(back_populates="materials")


class ReworkLabour(Tracked, Base):
    __tablename__ = "rework_labour"
    __table_args__ = (CheckConstraint("hours > 0", name="hours_positive"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    line_id: Mapped[int] = mapped_column(ForeignKey("return_line.id"), index=True)
    worker: Mapped[str] = mapped_column(String(100))
    hours: Mapped[Decimal] = mapped_column(Fixed(8, 2))
    hourly_rate: Mapped[Decimal] = mapped_column(Money())
    cost: Mapped[Decimal] = mapped_column(Money())
    line: Mapped["ReturnLine"] = relationship(back_populates="labour")


class CorrectiveAction(Tracked, Base):
    """8D / corrective and preventive action for a serious problem."""

    __tablename__ = "corrective_action"

    id: Mapped[int] = mapped_column(primary_key=True)
    return_id: Mapped[int] = mapped_column(ForeignKey("rma_return.id"), index=True)
    line_id: Mapped[int | None] = mapped_column(ForeignKey("return_line.id"), index=True)
    owner: Mapped[str] = mapped_column(String(100))
    due_on: Mapped[date] = mapped_column(Date)
    problem: Mapped[str] = mapped_column(Text, default="")
    containment: Mapped[str] = mapped_column(Text, default="")
    root_cause: Mapped[str] = mapped_column(Text, default="")
    corrective_action: Mapped[str] = mapped_column(Text, default="")
    preventive_action: Mapped[str] = mapped_column(Text, default="")
    verification: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default="open")  # open / closed
    opened_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    version: Mapped[int] = mapped_column(Integer, default=1)
    # follow-up: the full 8D (migration 0006); the D-sections and signatures live here
    no: Mapped[str | None] = mapped_column(String(16), unique=True)  # 8D-YYYY-NNNN
    team: Mapped[str] = mapped_column(Text, default="", server_default="")  # D1, one member a line
    problem_what: Mapped[str] = mapped_column(Text, default="", server_default="")  # D2 5W2H
    problem_where: Mapped[str] = mapped_column(Text, default="", server_default="")
    problem_when: Mapped[str] = mapped_column(Text, default="", server_default="")
    problem_who: Mapped[str] = mapped_column(Text, default="", server_default="")
    problem_why: Mapped[str] = mapped_column(Text, default="", server_default="")
    problem_how: Mapped[str] = mapped_column(Text, default="", server_default="")
    problem_how_many: Mapped[str] = mapped_column(Text, default="", server_default="")
    implementation: Mapped[str] = mapped_column(Text, default="", server_default="")  # D6
    standards_updated: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    fmea_updated: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    control_plan_updated: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    closure: Mapped[str] = mapped_column(Text, default="", server_default="")  # D8
    verified_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    verified_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    closed_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    customer_reply_on: Mapped[date | None] = mapped_column(Date)
    items: Mapped[list["CorrectiveActionItem"]] = relationship(
        back_populates="ca", cascade="all, delete-orphan", order_by="CorrectiveActionItem.id")

    __mapper_args__ = {"version_id_col": version}


class LiaisonNote(Tracked, Base):
    """联络单 to sales: customer misuse, goods not ours, or replacement goods needed."""

    __tablename__ = "liaison_note"

    id: Mapped[int] = mapped_column(primary_key=True)
    return_id: Mapped[int] = mapped_column(ForeignKey("rma_return.id"), index=True)
    line_id: Mapped[int | None] = mapped_column(ForeignKey("return_line.id"), index=True)
    reason: Mapped[str] = mapped_column(String(32))  # customer_misuse / not_our_product / replacement
    text: Mapped[str] = mapped_column(Text, default="")
    raised_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    acknowledged_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    acknowledged_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    # follow-up: sales' reply and the deadline to acknowledge (migration 0006)
    reply: Mapped[str] = mapped_column(Text, default="", server_default="")
    due_on: Mapped[date | None] = mapped_column(Date)


# ---------------------------------------------------------------- corrections (amend / reopen)


class Correction(Base):
    """Why a recorded step was amended or reopened, by whom and when (the audit trail holds
    the old and new values; this row holds the reason, which no field of the record does)."""

    __tablename__ = "correction"

    id: Mapped[int] = mapped_column(primary_key=True)
    return_id: Mapped[int] = mapped_column(ForeignKey("rma_return.id"), index=True)
    line_id: Mapped[int | None] = mapped_column(ForeignKey("return_line.id"), index=True)
    step: Mapped[str] = mapped_column(String(32))  # app.services.corrections.Step
    reason: Mapped[str] = mapped_column(Text)
    by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)


class ImportBatch(Base):
    """One legacy workbook import: what came in, by whom, and how many rows."""

    __tablename__ = "import_batch"

    id: Mapped[int] = mapped_column(primary_key=True)
    file_name: Mapped[str] = mapped_column(String(255))
    file_sha256: Mapped[str] = mapped_column(String(64), index=True)
    imported_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    imported_by: Mapped[str] = mapped_column(String(64), default="")
    rows_imported: Mapped[int] = mapped_column(Integer, default=0)
    rows_skipped: Mapped[int] = mapped_column(Integer, default=0)
    rows_rejected: Mapped[int] = mapped_column(Integer, default=0)


class AuditLog(Base):
    """Append-only trail: who changed which field of which quality record, from where."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_entity", "entity", "entity_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    user_login: Mapped[str] = mapped_column(String(64))
    station: Mapped[str] = mapped_column(String(64), default="")
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(16))  # insert / update
    field: Mapped[str] = mapped_column(String(64))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)


# ---------------------------------------------------------------- users: log-in events


class LoginEvent(Base):
    """Every log-in attempt, refused or not: at a station, through the CLI (migration 0002)."""

    __tablename__ = "login_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)  # the database server's clock
    login: Mapped[str] = mapped_column(String(64))  # as typed, also when no such user exists
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), index=True)
    station: Mapped[str] = mapped_column(String(64), default="")
    success: Mapped[bool] = mapped_column(Boolean)
    reason: Mapped[str] = mapped_column(String(32))  # a code: ok, wrong_password, locked …


# ---------------------------------------------------------------- idempotent actions (ops)


class ActionRequest(Base):
    """One user action that was carried out, under the request id its station gave it.

    Written in the same transaction as the action's effect: a station whose commit answer
    was lost runs the action again with the same id, finds this row and reports the first
    result instead of doing the work twice (app.services.requests).
    """

    __tablename__ = "action_request"

    request_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(64))
    entity: Mapped[str | None] = mapped_column(String(64))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    result: Mapped[str | None] = mapped_column(Text)  # the action's plain result, as JSON
    login: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)


# ---------------------------------------------------------------- follow-up: 8D actions


class CorrectiveActionItem(Tracked, Base):
    """One action of an 8D (D3 containment, D5 corrective, D6 implementation, D7 prevention),
    with its owner and due date (migration 0006)."""

    __tablename__ = "corrective_action_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    ca_id: Mapped[int] = mapped_column(ForeignKey("corrective_action.id"), index=True)
    d_step: Mapped[str] = mapped_column(String(4))  # D3 / D5 / D6 / D7
    text: Mapped[str] = mapped_column(Text, default="")
    owner: Mapped[str] = mapped_column(String(100), default="")
    due_on: Mapped[date | None] = mapped_column(Date)
    done_on: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default="open")  # open / done
    version: Mapped[int] = mapped_column(Integer, default=1)
    ca: Mapped["CorrectiveAction"] = relationship(back_populates="items")

    __mapper_args__ = {"version_id_col": version}


# ---------------------------------------------------------------- follow-up: photos and files


class Attachment(Base):
    """A photo of the defect or a file (the customer's letter, a test report) kept with a
    return, or with one of its lines (migration 0015). Stored in the database so every
    station sees it and backups carry it; images are scaled down when added. Never deleted:
    a removal is recorded (removed_by/at and why) and hides it."""

    __tablename__ = "attachment"
    __table_args__ = (CheckConstraint("size >= 0", name="size_nonneg"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    return_id: Mapped[int] = mapped_column(ForeignKey("rma_return.id"), index=True)
    line_id: Mapped[int | None] = mapped_column(ForeignKey("return_line.id"), index=True)
    kind: Mapped[str] = mapped_column(String(8))          # image / file
    filename: Mapped[str] = mapped_column(String(255))
    mime: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)             # bytes stored
    original_size: Mapped[int] = mapped_column(Integer)    # bytes as added (before scaling)
    width: Mapped[int | None] = mapped_column(Integer)
    height: Mapped[int | None] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))        # of the stored bytes
    data: Mapped[bytes] = mapped_column(LargeBinary)
    thumb: Mapped[bytes | None] = mapped_column(LargeBinary)  # a small JPEG for the lists
    note: Mapped[str] = mapped_column(String(200), default="")
    added_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    added_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    removed_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    removed_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    removed_reason: Mapped[str] = mapped_column(String(200), default="")
# ---------------------------------------------------------------- queries: the line's keys


def _column_default(model: type[Base], name: str) -> str:
    return model.__table__.c[name].default.arg  # type: ignore[attr-defined, union-attr]


def _refresh_line_keys(line: ReturnLine, rma: Return) -> None:
    from app.services.line_keys import line_keys  # plain function of values, no db import

    # a return not yet inserted has no value where it leaves a column to its default
    urgency = rma.urgency if rma.urgency is not None else _column_default(Return, "urgency")
    status = rma.status if rma.status is not None else _column_default(Return, "status")
    for name, value in line_keys(received_on=rma.received_on, urgency=urgency,
                                 return_status=status, due_on=line.due_on).items():
        if getattr(line, name) != value:
            setattr(line, name, value)


_RETURN_KEY_SOURCES = ("received_on", "urgency", "status")
_LINE_KEY_SOURCES = ("due_on", "return_id")


@event.listens_for(Session, "before_flush")
def _keep_line_keys(session: Session, _ctx: object, _instances: object) -> None:
    """Every ORM write of a line, or of what its keys derive from, sets the keys in the same
    flush: the desk, the corrections, the steps and the import need no call of their own."""
    for obj in (*session.new, *session.dirty):
        if isinstance(obj, ReturnLine):
            state = inspect(obj)
            if obj in session.new or any(state.attrs[a].history.has_changes() for a in _LINE_KEY_SOURCES):
                rma = obj.rma if obj.rma is not None else session.get(Return, obj.return_id)
                if rma is not None:
                    _refresh_line_keys(obj, rma)
        elif isinstance(obj, Return):
            state = inspect(obj)
            if obj in session.new or any(state.attrs[a].history.has_changes() for a in _RETURN_KEY_SOURCES):
                for line in obj.lines:
                    _refresh_line_keys(line, obj)


# ---------------------------------------------------------------- queries: a line's form in one read
# Read-only views of a line's 8D and liaison notes, so that the bench's form loads the line,
# its return and these in one statement (app.services.line_form).
ReturnLine.corrective_actions_view = relationship(  # type: ignore[attr-defined]
    CorrectiveAction, primaryjoin=CorrectiveAction.line_id == ReturnLine.id, viewonly=True,
    order_by=CorrectiveAction.id)
ReturnLine.liaison_notes_view = relationship(  # type: ignore[attr-defined]
    LiaisonNote, primaryjoin=LiaisonNote.line_id == ReturnLine.id, viewonly=True, order_by=LiaisonNote.id)
# ---------------------------------------------------------------- claims: supplier claims, warranty, replacements


class SupplierClaim(Tracked, Base):
    """供应商索赔单: a reverse RMA to a supplier for liability-2 lines (migration 0011).

    draft → sent → accepted / partly_accepted / rejected → credited (app.services.claims).
    """

    __tablename__ = "supplier_claim"
    __table_args__ = (
        CheckConstraint("claimed_amount >= 0", name="claimed_amount_nonneg"),
        CheckConstraint("recovered_amount IS NULL OR recovered_amount >= 0", name="recovered_amount_nonneg"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_no: Mapped[str] = mapped_column(String(20), unique=True)  # SC-YYYY-NNNNNN
    supplier_id: Mapped[int] = mapped_column(ForeignKey("supplier.id"), index=True)
    status: Mapped[str] = mapped_column(String(16), default="draft", index=True)
    loss_amount: Mapped[Decimal] = mapped_column(Money(), default=Decimal("0.00"))  # the lines' loss cost
    claimed_amount: Mapped[Decimal] = mapped_column(Money(), default=Decimal("0.00"))
    amount_reason: Mapped[str] = mapped_column(Text, default="")  # why the claim differs from the loss
    accepted_amount: Mapped[Decimal | None] = mapped_column(Money())
    recovered_amount: Mapped[Decimal | None] = mapped_column(Money())
    note: Mapped[str] = mapped_column(Text, default="")
    supplier_reply: Mapped[str] = mapped_column(Text, default="")
    credit_ref: Mapped[str] = mapped_column(String(64), default="")  # the supplier's credit note
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    sent_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    sent_on: Mapped[date | None] = mapped_column(Date, index=True)
    answered_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    answered_on: Mapped[date | None] = mapped_column(Date)
    credited_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    credited_on: Mapped[date | None] = mapped_column(Date, index=True)
    version: Mapped[int] = mapped_column(Integer, default=1)

    supplier: Mapped["Supplier"] = relationship(lazy="joined")
    lines: Mapped[list["SupplierClaimLine"]] = relationship(
        back_populates="claim", cascade="all, delete-orphan", order_by="SupplierClaimLine.id")

    __mapper_args__ = {"version_id_col": version}


class SupplierClaimLine(Tracked, Base):
    """One returned line claimed: each line is claimed once (unique line_id)."""

    __tablename__ = "supplier_claim_line"

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("supplier_claim.id"), index=True)
    line_id: Mapped[int] = mapped_column(ForeignKey("return_line.id"), unique=True)
    loss_cost: Mapped[Decimal] = mapped_column(Money())  # the line's loss cost when it was claimed
    claim: Mapped["SupplierClaim"] = relationship(back_populates="lines")
    line: Mapped["ReturnLine"] = relationship(lazy="joined")


class LineWarranty(Tracked, Base):
    """Warranty at receipt of one line: the ship or invoice date entered at the desk (else the
    manufacture date counts) and sales' confirmation of an out-of-warranty line."""

    __tablename__ = "line_warranty"

    id: Mapped[int] = mapped_column(primary_key=True)
    line_id: Mapped[int] = mapped_column(ForeignKey("return_line.id"), unique=True)
    basis: Mapped[str] = mapped_column(String(16), default="")  # shipped / invoiced; "" = manufacture date
    basis_on: Mapped[date | None] = mapped_column(Date)
    sales_confirmed_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    sales_confirmed_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    sales_note: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class ReplacementShipment(Tracked, Base):
    """Goods shipped to the customer for an exchange or a repair-and-reship line."""

    __tablename__ = "replacement_shipment"
    __table_args__ = (CheckConstraint("qty > 0", name="qty_positive"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    line_id: Mapped[int] = mapped_column(ForeignKey("return_line.id"), index=True)
    shipped_on: Mapped[date] = mapped_column(Date)
    delivery_note: Mapped[str] = mapped_column(String(64))
    qty: Mapped[int] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")
    shipped_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))


class ClaimCounter(Base):
    """Per-year supplier claim number counter (SC-YYYY-NNNNNN), as rma_counter."""

    __tablename__ = "claim_counter"

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last_value: Mapped[int] = mapped_column(Integer, default=0)
# ---------------------------------------------------------------- signatures (Part 11 e-signatures)


class Signature(Base):
    """An electronic signature of one workflow step on one record (Part 11 §11.50, §11.70):
    who signed (login and printed name, kept as they were), when (the server's clock on
    PostgreSQL), what it means and a SHA-256 of the record's content as signed.

    Append-only: a trigger refuses UPDATE and DELETE (migration 0010). A signature that a
    later change makes void gets a `SignatureVoid` row; the signature itself stays as it was.
    """

    __tablename__ = "signature"
    __table_args__ = (Index("ix_signature_record", "record_table", "record_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    record_table: Mapped[str] = mapped_column(String(32))  # rma_return / return_line / corrective_action
    record_id: Mapped[int] = mapped_column(Integer)
    return_id: Mapped[int | None] = mapped_column(ForeignKey("rma_return.id"), index=True)
    step: Mapped[str] = mapped_column(String(32))  # app.services.signatures.Step
    meaning: Mapped[str] = mapped_column(String(16))  # confirm / approve / decide / release / countersign
    signer_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    signer_login: Mapped[str] = mapped_column(String(64))
    signer_name: Mapped[str] = mapped_column(String(100))
    station: Mapped[str] = mapped_column(String(64), default="")
    signed_at: Mapped[datetime] = mapped_column(UtcDateTime())
    content_hash: Mapped[str] = mapped_column(String(64))  # sha256 hex of the signed content


class SignatureVoid(Base):
    """A signature made void by a later change to its record (or superseded by a new one):
    by whom, when, why (a code, and the correction's reason where there is one). Append-only."""

    __tablename__ = "signature_void"

    id: Mapped[int] = mapped_column(primary_key=True)
    signature_id: Mapped[int] = mapped_column(ForeignKey("signature.id"), unique=True)
    voided_by_login: Mapped[str] = mapped_column(String(64))
    voided_by_name: Mapped[str] = mapped_column(String(100))
    voided_at: Mapped[datetime] = mapped_column(UtcDateTime())
    reason: Mapped[str] = mapped_column(String(32))  # changed / reopened / superseded
    detail: Mapped[str] = mapped_column(Text, default="")
