"""Corrections (修改), never silent: amending a recorded step, and reopening a later one.

Each public function is one workflow step: it checks the actor's role and the record's
state, takes the version the user saw (a conflict names who changed it and when), needs a
reason, and writes a `Correction` row in the same transaction. The old and new values of
every changed field are written by the audit trail (app.services.audit) on flush.

Who may amend what, and until when:
- the receipt (header and lines) — warehouse, until a line has been inspected. Counts or
  money changed on a return sales already confirmed (or the manager approved) send it back
  to "received": sales and the manager confirm again.
- the inspection (QA) and the decision (engineering) — until rework has started
  (planned) and while the line is not re-inspected. An amended inspection of a decided
  line sends it back to the decision; an amended decision re-applies the decision's rules.
- the rework bookings (production) — until re-inspection; amending a finished rework
  sends the line back to rework (to be finished again).
- after that, the manager ("QA lead") or admin reopens: a closed return back to approved;
  a re-inspected line back to re-inspection; a decided line back to the decision.

`return_corrections` / `line_corrections` say, for the window, why each step is refused
(the same error the service would raise), so buttons are disabled with the reason.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.codes import LineStatus, ReturnStatus, Role
from app.errors import StationError, ValidationError, WorkflowError
from app.fields import label
from app.services import inspection as inspection_service
from app.services import rework as rework_service
from app.services import signatures
from app.services.context import (
    Actor,
    bind_actor,
    bounded_text,
    check_version,
    require_role,
    required_text,
)
from app.services.costs import recompute_line_costs
from app.services.numbering import line_barcode
from app.services.returns import (
    LineDraft,
    _build_line,  # one place that turns a typed line into a checked one
    _customer,
    check_header,
    get_line,
    get_return,
    refuse_state,
)
from db.models import Correction, DefectCategory, Return, ReturnLine
from db.types import utcnow


class Step(StrEnum):
    """The `correction.step` codes."""

    RECEIPT = "receipt"
    INSPECTION = "inspection"
    DECISION = "decision"
    REWORK = "rework"
    REOPEN_RETURN = "reopen_return"
    REOPEN_LINE = "reopen_line"


# how the history of a return names each step (zh, en)
STEP_NAMES: dict[str, tuple[str, str]] = {
    Step.RECEIPT.value: ("修改登记", "Receipt amended"),
    Step.INSPECTION.value: ("修改检验", "Inspection amended"),
    Step.DECISION.value: ("修改判定", "Decision amended"),
    Step.REWORK.value: ("修改返工记录", "Rework amended"),
    Step.REOPEN_RETURN.value: ("重新打开退货单", "Return reopened"),
    Step.REOPEN_LINE.value: ("重新打开明细", "Line reopened"),
}

AMEND_RECEIPT = ("修改登记", "amend the receipt")
AMEND_INSPECTION = ("修改检验", "amend the inspection")
AMEND_DECISION = ("修改判定", "amend the decision")
AMEND_REWORK = ("修改返工记录", "amend the rework")
REOPEN = ("重新打开", "reopen")

_CLOSED = (ReturnStatus.CLOSED.value, ReturnStatus.CANCELLED.value)


def _refused(action: tuple[str, str], what: tuple[str, str], state: tuple[str, str]) -> WorkflowError:
    return WorkflowError("wrong_state", what=what, state=state, action=action)


def _reason(reason: str | None) -> str:
    text = (reason or "").strip()
    if not text:
        raise ValidationError("correction_reason", field_name="correction_reason")
    return text


def _record(session: Session, actor: Actor, step: Step, reason: str, return_id: int,
            line_id: int | None = None) -> Correction:
    row = Correction(return_id=return_id, line_id=line_id, step=step.value, reason=reason,
                     by_id=actor.user_id, at=utcnow())
    session.add(row)
    return row


# ---------------------------------------------------------------- the state checks


def check_receipt_amendable(rma: Return) -> None:
    """Raise the reason why the receipt can no longer be amended (nothing when it can)."""
    if rma.status in _CLOSED:
        raise refuse_state(rma, AMEND_RECEIPT)
    inspected = sum(1 for ln in rma.lines if ln.inspected_at is not None)
    if inspected:
        raise WorkflowError("amend_after_inspection", count=inspected)


def _check_line_open(line: ReturnLine, action: tuple[str, str]) -> None:
    if line.rma.status in _CLOSED:
        raise refuse_state(line.rma, action)
    if line.status == LineStatus.CANCELLED.value:
        raise refuse_state(line, action)


def _check_before_rework(line: ReturnLine, action: tuple[str, str]) -> None:
    if line.reinspected_at is not None or line.status == LineStatus.REINSPECTION.value:
        raise WorkflowError("amend_after_rework", action=action)
    if line.rework_planned_on is not None:
        raise WorkflowError("amend_after_rework", action=action)


def check_inspection_amendable(line: ReturnLine) -> None:
    _check_line_open(line, AMEND_INSPECTION)
    if line.inspected_at is None:
        raise _refused(AMEND_INSPECTION, ("检验", "The inspection"), ("未记录", "not recorded"))
    _check_before_rework(line, AMEND_INSPECTION)


def check_decision_amendable(line: ReturnLine) -> None:
    _check_line_open(line, AMEND_DECISION)
    if line.decided_at is None:
        raise _refused(AMEND_DECISION, ("判定", "The decision"), ("未记录", "not taken"))
    _check_before_rework(line, AMEND_DECISION)


def check_rework_amendable(line: ReturnLine) -> None:
    _check_line_open(line, AMEND_REWORK)
    if line.status not in (LineStatus.REWORK.value, LineStatus.REINSPECTION.value):
        raise refuse_state(line, AMEND_REWORK)
    if line.rework_planned_on is None:
        raise _refused(AMEND_REWORK, ("返工", "Rework"), ("未计划", "not planned"))


def check_line_reopenable(line: ReturnLine) -> None:
    if line.rma.status == ReturnStatus.CANCELLED.value or line.status == LineStatus.CANCELLED.value:
        raise refuse_state(line, REOPEN)
    if line.reinspected_at is None and line.decided_at is None:
        raise refuse_state(line, REOPEN)


def check_return_reopenable(rma: Return) -> None:
    if rma.status != ReturnStatus.CLOSED.value:
        raise refuse_state(rma, REOPEN)


def lines_not_done(rma: Return) -> int:
    return sum(1 for ln in rma.lines if ln.status not in (LineStatus.DONE.value, LineStatus.CANCELLED.value))


def check_closable(rma: Return) -> None:
    """The state part of app.services.returns.close_return, for the window's buttons."""
    if rma.status != ReturnStatus.APPROVED.value:
        raise refuse_state(rma, ("结案", "close the return"))
    count = lines_not_done(rma)
    if count:
        raise WorkflowError("not_all_done", count=count)


def _why(check: Callable[[Any], None], obj: Any) -> StationError | None:
    try:
        check(obj)
    except StationError as exc:
        return exc
    return None


@dataclass(frozen=True)
class ReturnCorrections:
    """For the desk: why each step on the return is refused now (None: it is allowed)."""

    receipt: StationError | None
    close: StationError | None
    reopen: StationError | None
    lines_not_done: int = 0


@dataclass(frozen=True)
class LineCorrections:
    """For the benches: why each correction of the line is refused now (None: allowed)."""

    inspection: StationError | None
    decision: StationError | None
    rework: StationError | None
    reopen: StationError | None
    close: StationError | None = None  # closing the line's return


def return_corrections(rma: Return) -> ReturnCorrections:
    return ReturnCorrections(receipt=_why(check_receipt_amendable, rma), close=_why(check_closable, rma),
                             reopen=_why(check_return_reopenable, rma), lines_not_done=lines_not_done(rma))


def line_corrections(line: ReturnLine) -> LineCorrections:
    reopen = _why(check_line_reopenable, line)
    return LineCorrections(inspection=_why(check_inspection_amendable, line),
                           decision=_why(check_decision_amendable, line),
                           rework=_why(check_rework_amendable, line), reopen=reopen,
                           close=_why(check_closable, line.rma))


# ---------------------------------------------------------------- the receipt


@dataclass
class HeaderAmend:
    """The return's header as amended at the desk (every field, as the form holds them)."""

    customer: str | int
    arrival_method: str
    received_on: date
    order_no: str = ""
    delivery_no: str = ""
    invoice_no: str = ""
    storage_location: str = ""
    urgency: str = "normal"
    notes: str = ""


@dataclass
class LineAmend:
    """One line as amended: `line_id` None for a line added now; `expected_version` the
    line's version when the user opened the notice."""

    draft: LineDraft
    line_id: int | None = None
    expected_version: int | None = None


# fields whose change means sales and the manager must confirm again (besides the product)
_MONEY_FIELDS = ("qty_counted", "unit_price", "amount")
_LINE_FIELDS = ("lot_no", "manufacture_date", "qty_announced", "qty_counted", "unit_price", "amount",
                "customer_reason", "is_our_product", "condition")


def amend_receipt(session: Session, actor: Actor, return_id: int, *, header: HeaderAmend,
                  lines: list[LineAmend], reason: str, expected_version: int | None = None) -> Return:
    """Warehouse desk: correct a registered notice (header and lines) until a line is inspected.

    Lines of the return missing from `lines` are cancelled (nothing is deleted: the label
    may already be on the goods); new ones get the next line number and label code. When the
    counts or money change (or the customer) on a return sales confirmed, the return goes
    back to "received": the confirmation and approval are cleared, the lines wait again.
    """
    bind_actor(session, actor)
    require_role(actor, AMEND_RECEIPT, Role.WAREHOUSE)
    text = _reason(reason)
    rma = get_return(session, return_id, for_update=True)
    check_version(rma, expected_version)
    check_receipt_amendable(rma)

    customer = _customer(session, header.customer)
    check_header(header)  # the same rules as at registration
    kept = [a for a in lines if a.line_id is not None]
    if not lines:
        raise ValidationError("no_lines", field_name="lines")

    by_id = {ln.id: ln for ln in rma.lines}
    money_changed = customer.id != rma.customer_id
    built: list[tuple[LineAmend, ReturnLine]] = []
    for i, a in enumerate(lines, start=1):
        try:
            new = _build_line(session, i, a.draft, header.received_on)
        except ValidationError as exc:
            raise exc.at_line(i) from None
        built.append((a, new))
    for a in kept:
        if a.line_id not in by_id:
            raise ValidationError("unknown", field_name="lines", what=("退货明细", "Return line"),
                                  value=a.line_id)
        check_version(by_id[a.line_id], a.expected_version)

    rma.customer_id = customer.id
    rma.arrival_method = header.arrival_method
    rma.received_on = header.received_on
    rma.urgency = header.urgency
    for name in ("order_no", "delivery_no", "invoice_no", "storage_location", "notes"):
        setattr(rma, name, bounded_text(getattr(header, name), name))  # column lengths, no NUL

    listed = {a.line_id for a in kept}
    if not any(a.line_id is None or by_id[a.line_id].status != LineStatus.CANCELLED.value for a in lines):
        raise ValidationError("no_lines", field_name="lines")  # every line would be cancelled
    for line in rma.lines:
        if line.id not in listed and line.status != LineStatus.CANCELLED.value:
            line.status = LineStatus.CANCELLED.value
            line.due_on = None
            money_changed = True
    next_no = max((ln.line_no for ln in rma.lines), default=0)
    for a, new in built:
        if a.line_id is None:
            next_no += 1
            new.line_no = next_no
            new.barcode = line_barcode(rma.rma_no, next_no)
            new.status = LineStatus.RECEIVED.value  # adding a line sends the return back below
            rma.lines.append(new)
            money_changed = True
            continue
        line = by_id[a.line_id]
        if line.status == LineStatus.CANCELLED.value:
            continue  # a line cancelled before stays as it was
        if line.product_id != new.product.id:
            line.product = new.product
            line.unit = new.unit
            money_changed = True
        for name in _LINE_FIELDS:
            if getattr(line, name) != getattr(new, name):
                if name in _MONEY_FIELDS:
                    money_changed = True
                setattr(line, name, getattr(new, name))
        recompute_line_costs(line)

    if money_changed and rma.status in (ReturnStatus.CONFIRMED.value, ReturnStatus.APPROVED.value):
        _back_to_received(rma)
    _record(session, actor, Step.RECEIPT, text, rma.id)
    session.flush()
    return rma


def _back_to_received(rma: Return) -> None:
    """Counts or money changed after sales signed: both signatures are void (the audit keeps them)."""
    rma.status = ReturnStatus.RECEIVED.value
    rma.sales_requirements = ""
    rma.sales_confirmed_by_id = None
    rma.sales_confirmed_at = None
    rma.approval_note = ""
    rma.approved_by_id = None
    rma.approved_at = None
    for line in rma.lines:
        if line.status != LineStatus.CANCELLED.value:
            line.status = LineStatus.RECEIVED.value
            line.due_on = None


# ---------------------------------------------------------------- inspection and decision


def amend_inspection(session: Session, actor: Actor, line_id: int, *, findings: str,
                     defect_category_id: int | None, preliminary_opinion: str, reason: str,
                     expected_version: int | None = None) -> ReturnLine:
    """QA: correct the inspection until rework starts. A decided line goes back to the
    decision (engineering decides again on the corrected findings)."""
    bind_actor(session, actor)
    require_role(actor, AMEND_INSPECTION, Role.QA)
    text = _reason(reason)
    line = get_line(session, line_id, for_update=True)
    check_version(line, expected_version)
    check_inspection_amendable(line)
    if defect_category_id is not None and session.get(DefectCategory, defect_category_id) is None:
        raise ValidationError("unknown", field_name="defect_category",
                              what=label("defect_category"), value=defect_category_id)
    line.findings = required_text(findings, "findings")
    line.defect_category_id = defect_category_id
    line.preliminary_opinion = (preliminary_opinion or "").strip()
    line.inspected_by_id = actor.user_id
    line.inspected_at = utcnow()
    if line.decided_at is not None:
        _undecide(line)
    line.status = LineStatus.DECISION.value
    _record(session, actor, Step.INSPECTION, text, line.return_id, line.id)
    session.flush()
    return line


def _undecide(line: ReturnLine) -> None:
    """The decision is void: it must be taken again (the audit keeps the old one)."""
    line.final_cause = ""
    line.liability_code = None
    line.disposition = None
    line.refund_ratio = None
    line.serious = False
    line.decided_by_id = None
    line.decided_at = None
    line.rework_qty = None
    line.qty_scrapped = None
    line.due_on = None
    recompute_line_costs(line)


def amend_decision(session: Session, actor: Actor, line_id: int, *, final_cause: str,
                   liability_code: Any, disposition: str, refund_ratio: Any, serious: bool = False,
                   reason: str, expected_version: int | None = None,
                   today: date | None = None, password: str | None = None) -> ReturnLine:
    """Engineering: correct the final decision until rework starts; the decision's rules
    apply again (rework or done, the refund, the liaison note). The old decision's
    signature is void; with `password` the amended one is signed."""
    bind_actor(session, actor)
    require_role(actor, AMEND_DECISION, Role.ENGINEERING)
    text = _reason(reason)
    if password is not None:
        signatures.check_signer(session, actor, password)
    line = get_line(session, line_id, for_update=True)
    check_version(line, expected_version)
    check_decision_amendable(line)
    inspection_service.apply_decision(session, actor, line, final_cause=final_cause,
                                      liability_code=liability_code, disposition=disposition,
                                      refund_ratio=refund_ratio, serious=serious, today=today)
    _record(session, actor, Step.DECISION, text, line.return_id, line.id)
    session.flush()
    if password is not None:
        signatures.record_signature(session, actor, line, signatures.Step.DECISION)
    return line


# ---------------------------------------------------------------- rework


def amend_rework(session: Session, actor: Actor, line_id: int, *, reason: str,
                 planned_on: date | None = None, rework_qty: Any = None,
                 materials: list[rework_service.MaterialEntry] | None = None,
                 labour: list[rework_service.LabourEntry] | None = None, other_cost: Any = None,
                 expected_version: int | None = None) -> ReturnLine:
    """Planner: correct the plan and the materials and labour booked, until re-inspection.

    A finished rework goes back to rework (the planner finishes it again), so QA
    re-inspects against what was corrected. The bookings go through app.services.rework.
    """
    bind_actor(session, actor)
    require_role(actor, AMEND_REWORK, Role.PRODUCTION)
    text = _reason(reason)
    line = get_line(session, line_id, for_update=True)
    check_version(line, expected_version)
    check_rework_amendable(line)
    if line.status == LineStatus.REINSPECTION.value:
        line.status = LineStatus.REWORK.value
        line.rework_done_at = None
        line.due_on = line.rework_planned_on + timedelta(days=2) if line.rework_planned_on else None
    if planned_on is not None:
        rework_service.plan_rework(session, actor, line.id, planned_on=planned_on, rework_qty=rework_qty)
    if materials is not None or labour is not None or other_cost is not None:
        rework_service.book_rework_costs(
            session, actor, line.id,
            materials=materials if materials is not None else _materials_of(line),
            labour=labour if labour is not None else _labour_of(line),
            other_cost=other_cost if other_cost is not None else line.other_cost)
    _record(session, actor, Step.REWORK, text, line.return_id, line.id)
    session.flush()
    return line


def _materials_of(line: ReturnLine) -> list[rework_service.MaterialEntry]:
    return [rework_service.MaterialEntry(name=m.name, qty=m.qty, unit_cost=m.unit_cost, code=m.code,
                                         unit=m.unit) for m in line.materials]


def _labour_of(line: ReturnLine) -> list[rework_service.LabourEntry]:
    return [rework_service.LabourEntry(worker=lb.worker, hours=lb.hours, hourly_rate=lb.hourly_rate)
            for lb in line.labour]


# ---------------------------------------------------------------- reopen


def reopen_return(session: Session, actor: Actor, return_id: int, *, reason: str,
                  expected_version: int | None = None) -> Return:
    """Manager (QA lead) or admin: a closed return back to approved, so a line can be reopened."""
    bind_actor(session, actor)
    require_role(actor, REOPEN, Role.MANAGER)
    text = _reason(reason)
    rma = get_return(session, return_id, for_update=True)
    check_version(rma, expected_version)
    check_return_reopenable(rma)
    _reopen(rma)
    signatures.void_signatures(session, rma, signatures.ANALYSIS_BOXES, signatures.VOID_REOPENED, text)
    _record(session, actor, Step.REOPEN_RETURN, text, rma.id)
    session.flush()
    return rma


def _reopen(rma: Return) -> None:
    rma.status = ReturnStatus.APPROVED.value
    rma.closed_by_id = None
    rma.closed_at = None


def reopen_line(session: Session, actor: Actor, line_id: int, *, reason: str,
                expected_version: int | None = None, today: date | None = None) -> ReturnLine:
    """Manager (QA lead) or admin: take a line back one step so it can be corrected —
    a re-inspected line back to re-inspection, a decided line back to the decision.
    The line's return, if closed, is reopened with it."""
    bind_actor(session, actor)
    require_role(actor, REOPEN, Role.MANAGER)
    text = _reason(reason)
    line = get_line(session, line_id, for_update=True)
    check_version(line, expected_version)
    check_line_reopenable(line)
    rma = line.rma
    if rma.status == ReturnStatus.CLOSED.value:
        _reopen(rma)
    # what the analysis form's sign-offs signed as final is open again
    signatures.void_signatures(session, rma, signatures.ANALYSIS_BOXES, signatures.VOID_REOPENED, text)
    if line.reinspected_at is not None:
        line.qty_qualified = line.qty_unqualified = None
        line.qty_scrapped = None
        line.reinspected_by_id = None
        line.reinspected_at = None
        line.status = LineStatus.REINSPECTION.value
        recompute_line_costs(line)
    else:
        _undecide(line)
        # the rework, if any, is void with the decision; what it consumed stays booked
        line.rework_planned_on = None
        line.rework_planned_by_id = None
        line.rework_done_at = None
        line.status = LineStatus.DECISION.value
        line.due_on = today or date.today()
    _record(session, actor, Step.REOPEN_LINE, text, line.return_id, line.id)
    session.flush()
    return line


# ---------------------------------------------------------------- reading


def corrections_of(session: Session, return_id: int) -> list[Correction]:
    """The corrections of a return, oldest first."""
    return list(session.scalars(select(Correction).where(Correction.return_id == return_id)
                                .order_by(Correction.at, Correction.id)))
