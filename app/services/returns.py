"""The return's own steps: receipt at the warehouse desk, sales confirmation, manager
approval, cancellation and closing; and finding a return or line by its code.

Each public function is one workflow step: it checks the actor's role and the record's
state, changes the record, and leaves the commit to the caller (one action = one
transaction). The audit trail is written by app.services.audit on flush.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app import workflow
from app.codes import (
    ARRIVAL_METHODS,
    CONDITIONS,
    LINE_STATUSES,
    RETURN_STATUSES,
    URGENCIES,
    ArrivalMethod,
    Condition,
    LineStatus,
    ReturnStatus,
    Urgency,
)
from app.errors import NotFoundError, ValidationError, WorkflowError
from app.fields import label
from app.limits import check_money, max_length
from app.money import line_amount
from app.services.context import (
    Actor,
    add_working_days,
    amount_value,
    bind_actor,
    bounded_text,
    check_version,
    required_text,
    whole_qty,
)
from app.services.costs import recompute_line_costs
from app.services.numbering import line_barcode, next_rma_no
from app.services.plausibility import check_manufacture_date, check_received_on
from app.services.signatures import Step as SignedStep
from app.services.signatures import check_signer, record_signature
from db.models import Customer, Product, Return, ReturnLine
from db.types import utcnow

RETURN_WHAT, LINE_WHAT = workflow.RETURN_WHAT, workflow.LINE_WHAT


@dataclass
class LineDraft:
    """One line as the warehouse keeper enters it."""

    model: str = ""
    qty_counted: Any = None
    qty_announced: Any = None
    lot_no: str = ""
    manufacture_date: date | None = None
    unit: str | None = None
    unit_price: Any = None  # None → the product's list price
    customer_reason: str = ""
    is_our_product: bool = True
    condition: str = Condition.UNOPENED.value
    product_id: int | None = None


@dataclass
class ReturnDraft:
    customer: str | int
    arrival_method: str
    received_on: date
    lines: list[LineDraft] = field(default_factory=list)
    order_no: str = ""
    delivery_no: str = ""
    invoice_no: str = ""
    storage_location: str = ""
    urgency: str = Urgency.NORMAL.value
    notes: str = ""


def _state_name(codes: dict, value: str) -> tuple[str, str]:
    for k, c in codes.items():
        if k.value == value:
            return (c.zh, c.en)
    return (value, value)


def refuse_state(obj: Return | ReturnLine, action: tuple[str, str]) -> WorkflowError:
    """The refusal of a step by the state of the record (for rules beyond the step table:
    the corrections' time windows)."""
    if isinstance(obj, Return):
        return WorkflowError("wrong_state", what=RETURN_WHAT,
                             state=_state_name(RETURN_STATUSES, obj.status), action=action)
    return WorkflowError("wrong_state", what=LINE_WHAT,
                         state=_state_name(LINE_STATUSES, obj.status), action=action)


def _customer(session: Session, ref: str | int) -> Customer:
    if isinstance(ref, int):
        cust = session.get(Customer, ref)
    else:
        name = required_text(ref, "customer")
        cust = session.scalar(select(Customer).where(Customer.name == name))
    if cust is None:
        raise ValidationError("unknown", field_name="customer", what=label("customer"), value=ref)
    return cust


def find_product(session: Session, code: str) -> Product | None:
    """A product by the code on its label (scanned at the desk) or by its model/spec."""
    code = code.strip()
    if not code:
        return None
    return session.scalar(select(Product).where(Product.barcode == code)) or session.scalar(
        select(Product).where(Product.model == code)
    )


def _build_line(session: Session, line_no: int, d: LineDraft, received_on: date) -> ReturnLine:
    if not d.product_id:
        bounded_text(d.model, "model")  # a NUL would reach the database in the look-up
    product = session.get(Product, d.product_id) if d.product_id else find_product(session, d.model)
    if product is None:
        if not (d.model or "").strip():
            raise ValidationError("required", field_name="product", field=label("product"))
        raise ValidationError("unknown", field_name="product", what=label("product"), value=d.model)
    counted = whole_qty(d.qty_counted, "qty_counted")
    # a blank announcement stays unknown: the desk shows "to verify", not a copy of the count
    announced = None if d.qty_announced in (None, "") else whole_qty(
        d.qty_announced, "qty_announced", allow_zero=True)
    check_manufacture_date(d.manufacture_date, received_on)
    price = product.unit_price if d.unit_price in (None, "") else amount_value(d.unit_price, "unit_price")
    if d.condition not in {c.value for c in CONDITIONS}:
        raise ValidationError("required", field_name="condition", field=label("condition"))
    return ReturnLine(
        line_no=line_no, product=product, lot_no=bounded_text(d.lot_no, "lot_no"),
        manufacture_date=d.manufacture_date, qty_announced=announced, qty_counted=counted,
        unit=bounded_text(d.unit, "unit") or product.unit, unit_price=price,
        amount=check_money(line_amount(counted, price), "amount"),
        customer_reason=bounded_text(d.customer_reason, "customer_reason"), is_our_product=d.is_our_product,
        condition=d.condition, status=LineStatus.RECEIVED.value,
    )


def check_header(header: Any) -> None:
    """The notice's header as registered or amended: how it came, its urgency, a plausible date."""
    if header.arrival_method not in {m.value for m in ARRIVAL_METHODS}:
        raise ValidationError("required", field_name="arrival_method", field=label("arrival_method"))
    if header.urgency not in {u.value for u in URGENCIES}:
        raise ValidationError("required", field_name="urgency", field=label("urgency"))
    if not isinstance(header.received_on, date):
        raise ValidationError("date_invalid", field_name="received_on", field=label("received_on"),
                              value=header.received_on)
    check_received_on(header.received_on)


def receive_return(session: Session, actor: Actor, draft: ReturnDraft) -> Return:
    """Warehouse desk: register a counted, isolated return with its lines; assigns the RMA number."""
    bind_actor(session, actor)
    _require_role(actor, workflow.step("register"))
    customer = _customer(session, draft.customer)
    check_header(draft)
    if not draft.lines:
        raise ValidationError("no_lines", field_name="lines")
    heads = {f: bounded_text(getattr(draft, f), f) for f in
             ("order_no", "delivery_no", "invoice_no", "storage_location", "notes")}
    lines = []
    for i, d in enumerate(draft.lines, start=1):
        try:
            lines.append(_build_line(session, i, d, draft.received_on))
        except ValidationError as exc:
            raise exc.at_line(i) from None
    rma = Return(
        rma_no=next_rma_no(session, draft.received_on.year), customer=customer,
        arrival_method=ArrivalMethod(draft.arrival_method).value,
        order_no=heads["order_no"], delivery_no=heads["delivery_no"],
        invoice_no=heads["invoice_no"], received_on=draft.received_on,
        received_by_id=actor.user_id, storage_location=heads["storage_location"],
        urgency=draft.urgency, notes=heads["notes"], status=ReturnStatus.RECEIVED.value,
    )
    for line in lines:
        line.barcode = line_barcode(rma.rma_no, line.line_no)
        rma.lines.append(line)
    session.add(rma)
    session.flush()
    return rma


def update_line_count(session: Session, actor: Actor, line_id: int, *, qty_counted: Any,
                      expected_version: int | None, lot_no: str | None = None,
                      condition: str | None = None, is_our_product: bool | None = None) -> ReturnLine:
    """Warehouse desk: correct a line's count or check before sales confirms the return."""
    bind_actor(session, actor)
    step = workflow.step("correct_count")
    _require_role(actor, step)
    line = get_line(session, line_id)
    # The return first, in the order confirm/approve lock: the count is part of what sales
    # confirms, so a correction bumps the return's version too (below).
    rma = get_return(session, line.return_id, for_update=True)
    line = session.scalars(select(ReturnLine).where(ReturnLine.id == line_id).with_for_update(of=ReturnLine)
                           .execution_options(populate_existing=True)).unique().one()
    check_version(line, expected_version)
    _require_state(step, rma)
    line.qty_counted = whole_qty(qty_counted, "qty_counted")
    line.amount = line_amount(line.qty_counted, line.unit_price)
    if lot_no is not None:
        line.lot_no = bounded_text(lot_no, "lot_no")
    if condition is not None:
        line.condition = Condition(condition).value
    if is_our_product is not None:
        line.is_our_product = is_our_product
    recompute_line_costs(line)
    rma.updated_at = utcnow()  # an UPDATE of the return: its version moves on
    session.flush()
    return line


def confirm_by_sales(session: Session, actor: Actor, return_id: int, requirements: str,
                     expected_version: int | None = None, *, password: str | None = None) -> Return:
    """Sales: confirm the return information and sign with the handling requirements
    (with `password`: an e-signature, app.services.signatures; the window always signs)."""
    step = workflow.step("confirm")
    rma = begin_step(session, actor, step, return_id, expected_version, password=password)
    rma.sales_requirements = required_text(requirements, "reason", max_length("sales_requirements"))
    rma.sales_confirmed_by_id = actor.user_id
    rma.sales_confirmed_at = utcnow()
    workflow.advance(rma, step)
    session.flush()
    if password is not None:
        record_signature(session, actor, rma, SignedStep.SALES_CONFIRM)
    return rma


def approve(session: Session, actor: Actor, return_id: int, note: str = "",
            expected_version: int | None = None, today: date | None = None, *,
            password: str | None = None) -> Return:
    """Manager: approve the notice; the lines go to QA, due within 1 working day
    (with `password`: an e-signature, app.services.signatures)."""
    step = workflow.step("approve")
    rma = begin_step(session, actor, step, return_id, expected_version, password=password)
    rma.approval_note = bounded_text(note, "approval_note")
    rma.approved_by_id = actor.user_id
    rma.approved_at = utcnow()
    workflow.advance(rma, step)
    due = add_working_days(today or date.today(), 1)
    for line in rma.lines:
        if line.status == LineStatus.CANCELLED.value:
            continue  # removed from the notice by an amended receipt
        line.status = LineStatus.INSPECTION.value
        line.due_on = due
    session.flush()
    if password is not None:
        record_signature(session, actor, rma, SignedStep.MANAGER_APPROVE)
    return rma


def cancel_return(session: Session, actor: Actor, return_id: int, reason: str,
                  expected_version: int | None = None) -> Return:
    """Cancel a return with a reason (nothing is deleted); not once it is closed."""
    step = workflow.step("cancel")
    rma = begin_step(session, actor, step, return_id, expected_version)
    if not (reason or "").strip():
        raise ValidationError("cancel_reason", field_name="reason")
    rma.cancel_reason = bounded_text(reason, "cancel_reason")
    rma.cancelled_by_id = actor.user_id
    rma.cancelled_at = utcnow()
    workflow.advance(rma, step)
    for line in rma.lines:
        line.status = LineStatus.CANCELLED.value
    session.flush()
    return rma


def close_return(session: Session, actor: Actor, return_id: int,
                 expected_version: int | None = None) -> Return:
    """QA (or admin): close the return once every line is done — re-inspected after rework,
    or decided with a disposition that needs no rework (done at the decision already).
    Cancelled lines do not hold it open."""
    step = workflow.step("close")
    rma = begin_step(session, actor, step, return_id, expected_version)
    open_lines = [ln for ln in rma.lines
                  if ln.status not in (LineStatus.DONE.value, LineStatus.CANCELLED.value)]
    if open_lines:
        raise WorkflowError("not_all_done", count=len(open_lines))
    workflow.advance(rma, step)
    rma.closed_by_id = actor.user_id
    rma.closed_at = utcnow()
    session.flush()
    return rma


# ---------------------------------------------------------------- the steps


def _require_role(actor: Actor, step: workflow.Step) -> None:
    refused = workflow.role_refusal(step, actor.name, actor.roles)
    if refused is not None:
        raise refused


def _require_state(step: workflow.Step, obj: Return | ReturnLine) -> None:
    refused = workflow.state_refusal(step, obj.status)
    if refused is not None:
        raise refused


def begin_step(session: Session, actor: Actor, step: workflow.Step, record_id: int,
               expected_version: int | None = None, *, password: str | None = None) -> Any:
    """The start every step of the table makes (app.workflow): the actor bound for the audit,
    the role checked, the signer's password checked when the step is signed (before anything
    is locked: a wrong one rolls back and counts toward the lockout), the record (a return or
    a line, as the step says) read and locked, its version compared with what the user saw,
    its state checked. Returns the record."""
    bind_actor(session, actor)
    _require_role(actor, step)
    if password is not None:
        check_signer(session, actor, password)
    obj: Return | ReturnLine
    if step.record == workflow.RETURN:
        obj = get_return(session, record_id, for_update=True)
    else:
        obj = get_line(session, record_id, for_update=True)
    check_version(obj, expected_version)
    _require_state(step, obj)
    return obj


# ---------------------------------------------------------------- look-ups


def get_return(session: Session, return_id: int, *, for_update: bool = False) -> Return:
    stmt = select(Return).where(Return.id == return_id).options(selectinload(Return.lines))
    if for_update:
        stmt = stmt.with_for_update(of=Return)
    rma = session.scalars(stmt).unique().one_or_none()
    if rma is None:
        raise NotFoundError(what=RETURN_WHAT, value=return_id)
    return rma


def get_line(session: Session, line_id: int, *, for_update: bool = False) -> ReturnLine:
    stmt = select(ReturnLine).where(ReturnLine.id == line_id)
    if for_update:
        stmt = stmt.with_for_update(of=ReturnLine)
    line = session.scalars(stmt).unique().one_or_none()
    if line is None:
        raise NotFoundError(what=LINE_WHAT, value=line_id)
    return line


def find_return(session: Session, rma_no: str) -> Return | None:
    return session.scalars(
        select(Return).where(Return.rma_no == rma_no.strip().upper())
        .options(selectinload(Return.lines))
    ).unique().one_or_none()


def find_line(session: Session, barcode: str) -> ReturnLine | None:
    """The line whose label was scanned (RMA-YYYY-NNNNNN-L), or None for an unknown code."""
    return session.scalars(
        select(ReturnLine).where(ReturnLine.barcode == barcode.strip().upper())
    ).unique().one_or_none()
