"""The QA bench: inspection with a preliminary opinion, engineering's final decision
(cause, liability code, disposition, refund ratio), 8D records and liaison notes to sales."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import workflow
from app.codes import LIABILITY, REWORK_DISPOSITIONS, Disposition, LineStatus, Role
from app.errors import ValidationError
from app.fields import label
from app.services import signatures
from app.services.context import (
    Actor,
    add_working_days,
    bind_actor,
    bounded_text,
    check_version,
    ratio_value,
    require_role,
    required_text,
)
from app.services.costs import recompute_line_costs
from app.services.eightd import next_8d_no
from app.services.plausibility import check_liability_for_disposition
from app.services.returns import begin_step, get_line, get_return
from db.models import CorrectiveAction, DefectCategory, LiaisonNote, ReturnLine
from db.types import utcnow

LIAISON_REASONS = {
    "customer_misuse": ("顾客使用不当", "Misuse by the customer"),
    "not_our_product": ("非本公司产品", "Not our product"),
    "replacement": ("客户需要补货", "Customer needs replacement goods"),
    "other": ("其他", "Other"),
}


def liaison_due(raised_on: date) -> date:
    """Sales acknowledges a liaison note within 2 working days."""
    return add_working_days(raised_on, 2)


def record_inspection(session: Session, actor: Actor, line_id: int, *, findings: str,
                      defect_category_id: int | None, preliminary_opinion: str,
                      expected_version: int | None = None) -> ReturnLine:
    """QA inspector: findings, defect category and the preliminary opinion; goes to engineering."""
    step = workflow.step("inspect")
    line = begin_step(session, actor, step, line_id, expected_version)
    line.findings = required_text(findings, "findings")
    if defect_category_id is not None and session.get(DefectCategory, defect_category_id) is None:
        raise ValidationError("unknown", field_name="defect_category",
                              what=label("defect_category"), value=defect_category_id)
    line.defect_category_id = defect_category_id
    line.preliminary_opinion = bounded_text(preliminary_opinion, "preliminary_opinion")
    line.inspected_by_id = actor.user_id
    line.inspected_at = utcnow()
    workflow.advance(line, step)
    session.flush()
    return line


def liability_value(value: Any) -> int:
    try:
        code = int(str(value).strip())
    except (TypeError, ValueError):
        code = 0
    if code not in LIABILITY or isinstance(value, bool | float):
        raise ValidationError("liability_invalid", field_name="liability_code", value=value)
    return code


def decide(session: Session, actor: Actor, line_id: int, *, final_cause: str, liability_code: Any,
           disposition: str, refund_ratio: Any, serious: bool = False,
           expected_version: int | None = None, today: date | None = None,
           password: str | None = None) -> ReturnLine:
    """Engineering: the final decision. Rework dispositions go to production (plan within
    2 days); others are done. Liability 1 or goods not ours raise a liaison note to sales.
    With `password`: an e-signature (判定, app.services.signatures)."""
    line = begin_step(session, actor, workflow.step("decide"), line_id, expected_version, password=password)
    apply_decision(session, actor, line, final_cause=final_cause, liability_code=liability_code,
                   disposition=disposition, refund_ratio=refund_ratio, serious=serious, today=today)
    session.flush()
    if password is not None:
        signatures.record_signature(session, actor, line, signatures.Step.DECISION)
    return line


def apply_decision(session: Session, actor: Actor, line: ReturnLine, *, final_cause: str,
                   liability_code: Any, disposition: str, refund_ratio: Any, serious: bool = False,
                   today: date | None = None) -> None:
    """The decision's rules, for the first decision and for an amended one
    (app.services.corrections): the caller has checked the role and the state."""
    code = liability_value(liability_code)
    try:
        disp = Disposition(disposition)
    except ValueError:
        raise ValidationError("required", field_name="disposition", field=label("disposition")) from None
    check_liability_for_disposition(code, disp)
    line.final_cause = required_text(final_cause, "final_cause")
    line.liability_code = code
    line.disposition = disp.value
    line.refund_ratio = ratio_value(refund_ratio if refund_ratio not in (None, "") else Decimal(0))
    line.serious = bool(serious)
    line.decided_by_id = actor.user_id
    line.decided_at = utcnow()
    if disp in REWORK_DISPOSITIONS:
        workflow.advance(line, workflow.step("decide"), LineStatus.REWORK.value)
        line.rework_qty = line.qty_counted
        line.qty_scrapped = None  # an amended decision may have been scrap before
        line.due_on = (today or date.today()) + timedelta(days=2)  # planned within 2 days
    else:
        workflow.advance(line, workflow.step("decide"), LineStatus.DONE.value)
        line.due_on = None
        line.rework_qty = None  # an amended decision may have been rework before
        line.qty_scrapped = line.qty_counted if disp is Disposition.SCRAP else None
    recompute_line_costs(line)
    if code == 1 or not line.is_our_product:
        reason = "customer_misuse" if code == 1 else "not_our_product"
        _liaison(session, actor, line, reason, line.final_cause)


def _liaison(session: Session, actor: Actor, line: ReturnLine, reason: str, text: str) -> LiaisonNote:
    exists = session.scalar(select(LiaisonNote).where(LiaisonNote.line_id == line.id,
                                                      LiaisonNote.reason == reason))
    if exists is not None:
        return exists
    note = LiaisonNote(return_id=line.return_id, line_id=line.id, reason=reason, text=text,
                       raised_by_id=actor.user_id, due_on=liaison_due(date.today()))
    session.add(note)
    return note


def raise_liaison_note(session: Session, actor: Actor, line_id: int, reason: str,
                       text: str = "") -> LiaisonNote:
    """QA / engineering: a liaison note to sales (misuse, not our product, replacement needed, other)."""
    bind_actor(session, actor)
    require_role(actor, ("发联络单", "raise a liaison note"), Role.QA, Role.ENGINEERING)
    if reason not in LIAISON_REASONS:
        raise ValidationError("required", field_name="reason", field=label("reason"))
    line = get_line(session, line_id)
    note = _liaison(session, actor, line, reason, bounded_text(text, "liaison_text"))
    session.flush()
    return note


@dataclass
class CorrectiveDraft:
    owner: str
    due_on: date
    problem: str = ""
    containment: str = ""
    root_cause: str = ""
    corrective_action: str = ""
    preventive_action: str = ""
    verification: str = ""


def open_corrective_action(session: Session, actor: Actor, line_id: int,
                           draft: CorrectiveDraft) -> CorrectiveAction:
    """QA / engineering: open an 8D record with an owner and a due date for a serious problem."""
    bind_actor(session, actor)
    require_role(actor, ("开8D", "open an 8D"), Role.QA, Role.ENGINEERING)
    line = get_line(session, line_id)
    owner = required_text(draft.owner, "owner")
    if not isinstance(draft.due_on, date):
        raise ValidationError("date_invalid", field_name="due_on", field=label("due_on"), value=draft.due_on)
    ca = CorrectiveAction(
        return_id=line.return_id, line_id=line.id, owner=owner, due_on=draft.due_on,
        problem=bounded_text(draft.problem, "problem"),
        containment=bounded_text(draft.containment, "containment"),
        root_cause=bounded_text(draft.root_cause, "root_cause"),
        corrective_action=bounded_text(draft.corrective_action, "corrective_action"),
        preventive_action=bounded_text(draft.preventive_action, "preventive_action"),
        verification=bounded_text(draft.verification, "verification"),
        opened_by_id=actor.user_id, no=next_8d_no(session, date.today().year),
    )
    line.serious = True
    session.add(ca)
    session.flush()
    return ca


def update_corrective_action(session: Session, actor: Actor, ca_id: int, draft: CorrectiveDraft,
                             *, close: bool = False, expected_version: int | None = None) -> CorrectiveAction:
    """Owner's progress on an 8D; closing it requires the verification."""
    bind_actor(session, actor)
    require_role(actor, ("更新8D", "update an 8D"), Role.QA, Role.ENGINEERING)
    ca = session.get(CorrectiveAction, ca_id, with_for_update=True)
    if ca is None:
        from app.errors import NotFoundError
        raise NotFoundError(what=("8D", "8D"), value=ca_id)
    check_version(ca, expected_version)
    ca.owner = required_text(draft.owner, "owner")
    ca.due_on = draft.due_on
    for f in ("problem", "containment", "root_cause", "corrective_action", "preventive_action",
              "verification"):
        setattr(ca, f, bounded_text(getattr(draft, f), f))
    if close:
        required_text(ca.verification, "verification")
        ca.status = "closed"
        ca.closed_at = utcnow()
    session.flush()
    return ca


def corrective_actions(session: Session, return_id: int) -> list[CorrectiveAction]:
    get_return(session, return_id)
    return list(session.scalars(select(CorrectiveAction).where(CorrectiveAction.return_id == return_id)))
