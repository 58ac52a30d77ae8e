"""Traceability: which returns share a lot or a model, and what was decided about them.

Steps served: any station looks a lot number up (the menu's 批次追溯 / Lot trace) — a
customer calls about lot 2405-A, the warehouse asks whether more of it came back; on the QA
bench the engineer deciding a line sees the other returns of the same model and of the same
lot with their liability and disposition, so a repeat defect is seen as one. Read-only: any
role may call these.

Lots are codes: a search is an exact match or a prefix ("2405" finds 2405-A and 2405-B),
which the lot index (varchar_pattern_ops on PostgreSQL) answers without reading the table.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from app.limits import check_text
from app.services.returns import get_line
from db.models import Customer, Product, Return, ReturnLine

#: at most this many rows of each list: the newest first; the count says how many there are
TRACE_LIMIT = 200
RELATED_LIMIT = 50


@dataclass(frozen=True)
class TraceRow:
    """One line found by a lot or model: where it came from and what became of it."""

    line_id: int
    barcode: str
    rma_no: str
    received_on: date
    customer: str
    model: str
    lot_no: str
    qty: int
    status: str
    liability_code: int | None
    disposition: str | None
    final_cause: str
    loss_cost: Decimal


@dataclass(frozen=True)
class Found:
    """A list of lines and how many matched in all (the list stops at its limit)."""

    rows: list[TraceRow]
    total: int


@dataclass(frozen=True)
class Related:
    """The other returns of a line's model and of its lot."""

    model: str
    lot_no: str
    same_lot: Found
    same_model: Found


def _select() -> Select[Any]:
    return (select(ReturnLine.id, ReturnLine.barcode, Return.rma_no, Return.received_on, Customer.name,
                   Product.model, ReturnLine.lot_no, ReturnLine.qty_counted, ReturnLine.status,
                   ReturnLine.liability_code, ReturnLine.disposition, ReturnLine.final_cause,
                   ReturnLine.loss_cost)
            .join(Return, ReturnLine.return_id == Return.id)
            .join(Customer, Return.customer_id == Customer.id)
            .join(Product, ReturnLine.product_id == Product.id))


def _found(session: Session, stmt: Select[Any], where: list[Any], limit: int) -> Found:
    rows = [TraceRow(*r) for r in session.execute(
        stmt.where(*where).order_by(Return.received_on.desc(), ReturnLine.id.desc()).limit(limit))]
    if len(rows) < limit:
        return Found(rows, len(rows))
    total = session.scalar(select(func.count()).select_from(ReturnLine).where(*where)) or 0
    return Found(rows, int(total))


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def lines_of_lot(session: Session, lot_no: str, *, limit: int = TRACE_LIMIT) -> Found:
    """Every line whose lot number is `lot_no` or begins with it, newest return first.

    An empty lot finds nothing (most legacy lines carry no lot: "all lines without a lot" is
    not a trace). The text is checked like any input (length, control characters).
    """
    lot = check_text((lot_no or "").strip(), "lot_no")
    if not lot:
        return Found([], 0)
    variants = {lot, lot.upper()}
    where = [func.coalesce(ReturnLine.lot_no, "") != "",
             _any_prefix(variants)]
    return _found(session, _select(), where, limit)


def _any_prefix(variants: set[str]) -> Any:
    return or_(*(ReturnLine.lot_no.like(_escape_like(v) + "%", escape="\\") for v in sorted(variants)))


def related_lines(session: Session, line_id: int, *, limit: int = RELATED_LIMIT) -> Related:
    """The other lines of the same lot (same model and lot) and of the same model as `line_id`."""
    line = get_line(session, line_id)
    others = ReturnLine.id != line.id
    same_model = [ReturnLine.product_id == line.product_id, others]
    same_lot = [*same_model, ReturnLine.lot_no == line.lot_no] if line.lot_no else None
    return Related(
        model=line.product.model, lot_no=line.lot_no or "",
        same_lot=_found(session, _select(), same_lot, limit) if same_lot else Found([], 0),
        same_model=_found(session, _select(), same_model, limit),
    )
