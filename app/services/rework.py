"""Production rework: the plan (within 2 days), materials and labour hours booked for the
external loss cost, and the re-inspection whose counts must add up to the reworked quantity."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from app import workflow
from app.errors import ValidationError, WorkflowError
from app.fields import label
from app.limits import check_money
from app.money import material_cost, money
from app.services import signatures
from app.services.context import (
    Actor,
    amount_value,
    bounded_text,
    required_text,
    whole_qty,
)
from app.services.costs import recompute_line_costs
from app.services.plausibility import check_rework_plan, material_qty
from app.services.returns import begin_step
from db.models import ReturnLine, ReworkLabour, ReworkMaterial
from db.types import utcnow


@dataclass
class MaterialEntry:
    name: str
    qty: Any
    unit_cost: Any
    code: str = ""
    unit: str = "个"


@dataclass
class LabourEntry:
    worker: str
    hours: Any
    hourly_rate: Any


def plan_rework(session: Session, actor: Actor, line_id: int, *, planned_on: date,
                rework_qty: Any = None, expected_version: int | None = None) -> ReturnLine:
    """Planner: plan the rework or re-sorting; it is due 2 days after the planned date."""
    line = begin_step(session, actor, workflow.step("plan_rework"), line_id, expected_version)
    if not isinstance(planned_on, date):
        raise ValidationError("date_invalid", field_name="planned_on", field=label("planned_on"),
                              value=planned_on)
    qty = line.qty_counted if rework_qty in (None, "") else whole_qty(rework_qty, "rework_qty")
    if qty > line.qty_counted:
        raise ValidationError("qty_exceeds", field_name="rework_qty", field=label("rework_qty"),
                              value=qty, limit=line.qty_counted)
    if planned_on != line.rework_planned_on:  # a plan already accepted is not judged again
        check_rework_plan(planned_on, line.decided_at)
    line.rework_qty = qty
    line.rework_planned_on = planned_on
    line.rework_planned_by_id = actor.user_id
    line.due_on = planned_on + timedelta(days=2)
    session.flush()
    return line


def book_rework_costs(session: Session, actor: Actor, line_id: int, *,
                      materials: list[MaterialEntry], labour: list[LabourEntry],
                      other_cost: Any = "0", expected_version: int | None = None) -> ReturnLine:
    """Planner: save the materials and labour tables of the notice as they now stand.

    The tables replace what was booked before (the audit trail keeps every earlier value).
    """
    line = begin_step(session, actor, workflow.step("book_rework"), line_id, expected_version)
    new_materials = []
    for i, m in enumerate(materials, start=1):
        try:
            qty = material_qty(m.qty)
            unit_cost = amount_value(m.unit_cost, "unit_cost")
            name = required_text(m.name, "material_name")
            code, unit = bounded_text(m.code, "material_code"), bounded_text(m.unit, "material_unit")
            cost = check_money(material_cost(qty, unit_cost), "amount")
        except ValidationError as exc:
            raise exc.at_line(i) from None
        new_materials.append(ReworkMaterial(code=code, name=name, qty=qty,
                                            unit=unit or "个", unit_cost=unit_cost,
                                            cost=cost))
    new_labour = []
    for i, lb in enumerate(labour, start=1):
        try:
            worker = required_text(lb.worker, "worker")
            hours = amount_value(lb.hours, "hours")
            if hours <= 0:
                raise ValidationError("price_invalid", field_name="hours", field=label("hours"), value=lb.hours)
            rate = amount_value(lb.hourly_rate, "hourly_rate")
            cost = check_money(money(hours * rate), "amount")
        except ValidationError as exc:
            raise exc.at_line(i) from None
        new_labour.append(ReworkLabour(worker=worker, hours=hours, hourly_rate=rate,
                                       cost=cost))
    # the old entries go in a flush of their own: the trail lists a re-booking as removed,
    # then added, on both backends (PostgreSQL's triggers record the statements as they run)
    line.materials = []
    line.labour = []
    session.flush()
    line.materials = new_materials
    line.labour = new_labour
    line.other_cost = amount_value(other_cost if other_cost not in (None, "") else "0", "other_cost")
    recompute_line_costs(line)
    session.flush()
    return line


def finish_rework(session: Session, actor: Actor, line_id: int,
                  expected_version: int | None = None) -> ReturnLine:
    """Planner: rework done; the goods go back to QA for re-inspection."""
    step = workflow.step("finish_rework")
    line = begin_step(session, actor, step, line_id, expected_version)
    if line.rework_planned_on is None:
        raise WorkflowError("wrong_state", what=("返工", "Rework"), state=("未计划", "not planned"),
                            action=step.action)
    line.rework_done_at = utcnow()
    workflow.advance(line, step)
    line.due_on = None
    session.flush()
    return line


def record_reinspection(session: Session, actor: Actor, line_id: int, *, qualified: Any,
                        unqualified: Any, scrapped: Any,
                        expected_version: int | None = None, password: str | None = None) -> ReturnLine:
    """QA: re-inspection counts; qualified + unqualified + scrapped = the reworked quantity.
    With `password`: the release (放行) is an e-signature (app.services.signatures)."""
    step = workflow.step("reinspect")
    line = begin_step(session, actor, step, line_id, expected_version, password=password)
    q = whole_qty(qualified, "qty_qualified", allow_zero=True)
    u = whole_qty(unqualified, "qty_unqualified", allow_zero=True)
    s = whole_qty(scrapped, "qty_scrapped", allow_zero=True)
    expected = line.rework_qty if line.rework_qty is not None else line.qty_counted
    if q + u + s != expected:
        raise ValidationError("counts_mismatch", field_name="qty_qualified", qualified=q,
                              unqualified=u, scrapped=s, total=q + u + s, expected=expected)
    line.qty_qualified, line.qty_unqualified, line.qty_scrapped = q, u, s
    line.reinspected_by_id = actor.user_id
    line.reinspected_at = utcnow()
    workflow.advance(line, step)
    recompute_line_costs(line)
    session.flush()
    if password is not None:
        signatures.record_signature(session, actor, line, signatures.Step.RELEASE)
    return line


def labour_cost(hours: Decimal, rate: Decimal) -> Decimal:
    return money(hours * rate)
