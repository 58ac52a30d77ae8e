"""Replacement / exchange (换货, 修复后再出货): the goods shipped back to the customer.

Workflow step: after engineering decided a line for exchange (a new one ships) or for repair
then reshipment, sales (or the warehouse, who hands the goods over) records each outgoing
shipment: date, delivery note number, quantity. A line is outstanding until what was shipped
covers what is owed: for an exchange the counted quantity, for repair-and-reship the
re-inspected qualified quantity once re-inspected (until then the counted quantity is
expected). Sales' queue lists the outstanding lines with their count.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.codes import DISPOSITIONS, Disposition, LineStatus, ReturnStatus, Role
from app.errors import ValidationError, WorkflowError
from app.fields import label
from app.limits import max_length
from app.services.context import (
    Actor,
    bind_actor,
    bounded_text,
    require_role,
    required_text,
    whole_qty,
)
from app.services.returns import get_line
from db.models import ReplacementShipment, Return, ReturnLine, User

REPLACED: tuple[str, ...] = (Disposition.EXCHANGE.value, Disposition.REPAIR_RESHIP.value)


@dataclass(frozen=True)
class OutstandingRow:
    """One line owed to the customer, as sales' queue shows it."""

    line_id: int
    return_id: int
    rma_no: str
    customer: str
    line_no: int
    barcode: str
    model: str
    disposition: str       # code: exchange / repair_reship
    owed: int
    shipped: int
    unit: str
    received_on: date

    @property
    def outstanding(self) -> int:
        return max(0, self.owed - self.shipped)

    def disposition_name(self, lang: str = "zh") -> str:
        return DISPOSITIONS[Disposition(self.disposition)].name(lang)


@dataclass(frozen=True)
class ShipmentRow:
    id: int
    line_id: int
    shipped_on: date
    delivery_note: str
    qty: int
    note: str
    shipped_by: str


def owed_qty(line: ReturnLine) -> int:
    """What the customer is to get back for the line (see the module docstring)."""
    if line.disposition == Disposition.REPAIR_RESHIP.value and line.qty_qualified is not None:
        return line.qty_qualified
    return line.qty_counted


def _shipped(session: Session, line_ids: list[int]) -> dict[int, int]:
    if not line_ids:
        return {}
    return {lid: int(n) for lid, n in session.execute(
        select(ReplacementShipment.line_id, func.sum(ReplacementShipment.qty))
        .where(ReplacementShipment.line_id.in_(line_ids)).group_by(ReplacementShipment.line_id))}


def _rows(session: Session, lines: list[ReturnLine]) -> list[OutstandingRow]:
    shipped = _shipped(session, [ln.id for ln in lines])
    out = []
    for ln in lines:
        rma = ln.rma
        out.append(OutstandingRow(
            line_id=ln.id, return_id=rma.id, rma_no=rma.rma_no, customer=rma.customer.name, line_no=ln.line_no,
            barcode=ln.barcode, model=ln.product.model, disposition=ln.disposition or "", owed=owed_qty(ln),
            shipped=shipped.get(ln.id, 0), unit=ln.unit, received_on=rma.received_on))
    return out


def replacement_lines(session: Session, *, outstanding_only: bool = True) -> list[OutstandingRow]:
    """Sales' queue: exchange and repair-and-reship lines of returns not cancelled, oldest
    received first; by default only those still owed something. Any role reads it."""
    lines = list(session.scalars(
        select(ReturnLine).join(Return, Return.id == ReturnLine.return_id)
        .where(ReturnLine.disposition.in_(REPLACED), ReturnLine.status != LineStatus.CANCELLED.value,
               Return.status != ReturnStatus.CANCELLED.value)
        .order_by(Return.received_on, Return.id, ReturnLine.line_no)).unique())
    rows = _rows(session, lines)
    return [r for r in rows if r.outstanding > 0] if outstanding_only else rows


def outstanding_count(session: Session) -> int:
    """How many lines wait for their replacement (the queue's title)."""
    return len(replacement_lines(session))


def shipments_of(session: Session, line_id: int) -> list[ShipmentRow]:
    rows = list(session.scalars(select(ReplacementShipment).where(ReplacementShipment.line_id == line_id)
                                .order_by(ReplacementShipment.shipped_on, ReplacementShipment.id)))
    ids = {r.shipped_by_id for r in rows if r.shipped_by_id}
    names = dict(session.execute(select(User.id, User.name).where(User.id.in_(ids))).all()) if ids else {}
    return [ShipmentRow(r.id, r.line_id, r.shipped_on, r.delivery_note, r.qty, r.note,
                        names.get(r.shipped_by_id or 0, "")) for r in rows]


def record_shipment(session: Session, actor: Actor, line_id: int, *, shipped_on: date | None,
                    delivery_note: str, qty: object, note: str = "") -> ReplacementShipment:
    """Sales or the warehouse: one outgoing shipment of replacement or repaired goods. Refused
    for a line not decided for exchange or repair-and-reship, for more than is still owed, and
    for a date before the goods came back."""
    bind_actor(session, actor)
    require_role(actor, ("登记换货发货", "record a replacement shipment"), Role.SALES, Role.WAREHOUSE)
    line = get_line(session, line_id, for_update=True)
    if line.disposition not in REPLACED or line.status == LineStatus.CANCELLED.value:
        raise WorkflowError("replacement_not_owed", line=line.barcode)
    if shipped_on is None:
        raise ValidationError("required", field_name="shipped_on", field=label("shipped_on"))
    rma = line.rma
    if shipped_on < rma.received_on:
        raise ValidationError("replacement_before_receipt", field_name="shipped_on", value=shipped_on.isoformat(),
                              received=rma.received_on.isoformat())
    note_no = required_text(delivery_note, "delivery_note", max_len=max_length(ReplacementShipment, "delivery_note"))
    n = whole_qty(qty, "shipped_qty")
    left = owed_qty(line) - _shipped(session, [line_id]).get(line_id, 0)
    if n > left:
        raise ValidationError("replacement_too_many", field_name="shipped_qty", qty=n, left=max(0, left))
    shipment = ReplacementShipment(line_id=line_id, shipped_on=shipped_on, delivery_note=note_no, qty=n,
                                   note=bounded_text(note, "shipment_note"), shipped_by_id=actor.user_id)
    session.add(shipment)
    session.flush()
    return shipment
