"""8D reports (8D报告) for serious problems: the list, the D1–D8 sections, their actions,
and verification and closure as signatures.

Workflow step: after engineering marks a decision serious and QA or engineering opens the
8D (app.services.inspection.open_corrective_action), QA and engineering fill D1–D7 and the
actions; QA (or an administrator) verifies the effect and closes the 8D, each time
re-entering the password (`confirm_signature`). The 8D report goes to the customer
(seed 002: reply "以《8D报告》形式").

A full Part-11 e-signature service is to come; `confirm_signature` is deliberately small:
it checks the password of the acting user and records who, when and what the signature
means, on the 8D's fields and in the audit trail.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, fields
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import ColumnElement, ScalarSelect, func, insert, select
from sqlalchemy.orm import Session

from app.codes import Role
from app.errors import ConflictError, NotFoundError, ValidationError, WorkflowError
from app.fields import label
from app.services import signatures
from app.services.context import Actor, bind_actor, check_version, require_role, required_text
from db.models import AuditLog, CorrectiveAction, CorrectiveActionItem, Return, ReturnLine, User
from db.types import utcnow

OPEN = "open"
CLOSED = "closed"
ITEM_OPEN = "open"
ITEM_DONE = "done"
D_STEPS = ("D3", "D5", "D6", "D7")
SIGN_VERIFY = "verify"   # meaning of a signature: D6 effect verified
SIGN_CLOSE = "close"     # D8: the 8D closed

_EDIT = ("编辑8D", "edit an 8D")
_VERIFY = ("验证8D", "verify an 8D")
_CLOSE = ("关闭8D", "close an 8D")

#: the D-section texts an editor may change, in the report's order
SECTION_FIELDS: tuple[str, ...] = (
    "team", "problem", "problem_what", "problem_where", "problem_when", "problem_who",
    "problem_why", "problem_how", "problem_how_many", "containment", "root_cause",
    "corrective_action", "implementation", "verification", "preventive_action", "closure",
)
FLAG_FIELDS: tuple[str, ...] = ("standards_updated", "fmea_updated", "control_plan_updated")
#: what closing needs filled (D4–D7)
REQUIRED_TO_CLOSE: tuple[str, ...] = ("root_cause", "corrective_action", "verification", "preventive_action")


def format_8d_no(year: int, seq: int) -> str:
    return f"8D-{year:04d}-{seq:04d}"


def next_8d_no(session: Session, year: int) -> str:
    """The next 8D number of the year. Opening an 8D is rare (a serious problem): the highest
    number so far plus one; two stations opening at the same instant meet the unique key."""
    prefix = f"8D-{year:04d}-"
    last = session.scalar(select(func.max(CorrectiveAction.no)).where(CorrectiveAction.no.like(prefix + "%")))
    seq = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return format_8d_no(year, seq)


@dataclass(frozen=True)
class EightDRow:
    """One row of the 8D list."""

    id: int
    no: str
    rma_no: str
    line_no: int | None
    model: str
    owner: str
    due_on: date
    status: str
    overdue: bool
    opened_on: date | None
    closed_at: datetime | None
    actions_open: int


@dataclass(frozen=True)
class EightDCounts:
    open: int
    overdue: int
    closed: int


def _no(ca: CorrectiveAction) -> str:
    return ca.no or f"8D-{ca.id}"


def is_overdue(ca: CorrectiveAction, today: date) -> bool:
    return ca.status != CLOSED and ca.due_on < today


def list_8d(session: Session, *, state: str = "all", owner: str = "", due_before: date | None = None,
            today: date | None = None) -> list[EightDRow]:
    """The 8D list: `state` is "all", "open", "overdue" or "closed"; `owner` a part of the
    owner's name; `due_before` keeps those due before that day. Open ones first by due date,
    then closed ones newest first. Any role reads it."""
    today = today or date.today()
    stmt = (select(CorrectiveAction, Return.rma_no, ReturnLine.line_no, ReturnLine.product_id)
            .join(Return, Return.id == CorrectiveAction.return_id)
            .outerjoin(ReturnLine, ReturnLine.id == CorrectiveAction.line_id))
    if state == "open":
        stmt = stmt.where(CorrectiveAction.status != CLOSED)
    elif state == "overdue":
        stmt = stmt.where(CorrectiveAction.status != CLOSED, CorrectiveAction.due_on < today)
    elif state == "closed":
        stmt = stmt.where(CorrectiveAction.status == CLOSED)
    if due_before is not None:
        stmt = stmt.where(CorrectiveAction.due_on < due_before)
    if owner.strip():
        stmt = stmt.where(CorrectiveAction.owner.like(f"%{owner.strip()}%"))
    open_items = dict(session.execute(
        select(CorrectiveActionItem.ca_id, func.count()).where(CorrectiveActionItem.status != ITEM_DONE)
        .group_by(CorrectiveActionItem.ca_id)).all())
    rows: list[EightDRow] = []
    for ca, rma_no, line_no, _product in session.execute(stmt).all():
        model = ""
        if ca.line_id is not None:
            line = session.get(ReturnLine, ca.line_id)
            model = line.product.model if line is not None else ""
        rows.append(EightDRow(
            id=ca.id, no=_no(ca), rma_no=rma_no, line_no=line_no, model=model, owner=ca.owner,
            due_on=ca.due_on, status=ca.status, overdue=is_overdue(ca, today),
            opened_on=ca.created_at.date() if ca.created_at else None, closed_at=ca.closed_at,
            actions_open=int(open_items.get(ca.id, 0))))
    rows.sort(key=lambda r: (r.status == CLOSED, r.due_on if r.status != CLOSED else date.min,
                             -(r.closed_at.timestamp() if r.closed_at else 0), r.id))
    return rows


def counts(session: Session, today: date | None = None) -> EightDCounts:
    today = today or date.today()
    not_closed = CorrectiveAction.status != CLOSED
    return EightDCounts(
        open=session.scalar(select(func.count()).select_from(CorrectiveAction).where(not_closed)) or 0,
        overdue=session.scalar(select(func.count()).select_from(CorrectiveAction).where(not_closed, CorrectiveAction.due_on < today)) or 0,
        closed=session.scalar(select(func.count()).select_from(CorrectiveAction).where(CorrectiveAction.status == CLOSED)) or 0,
    )


def get_8d(session: Session, ca_id: int, *, for_update: bool = False) -> CorrectiveAction:
    ca = session.get(CorrectiveAction, ca_id, with_for_update=for_update or None)
    if ca is None:
        raise NotFoundError(what=("8D", "8D"), value=ca_id)
    return ca


def find_8d(session: Session, no: str) -> CorrectiveAction | None:
    return session.scalar(select(CorrectiveAction).where(CorrectiveAction.no == no.strip()))


def _refuse_closed(ca: CorrectiveAction, action: tuple[str, str]) -> None:
    if ca.status == CLOSED:
        raise WorkflowError("wrong_state", what=("8D", "8D"), state=("已关闭", "closed"), action=action)


@dataclass
class SectionsDraft:
    """What the 8D editor saves: every D-section text, the D7 flags, owner and due date."""

    owner: str
    due_on: date
    team: str = ""
    problem: str = ""
    problem_what: str = ""
    problem_where: str = ""
    problem_when: str = ""
    problem_who: str = ""
    problem_why: str = ""
    problem_how: str = ""
    problem_how_many: str = ""
    containment: str = ""
    root_cause: str = ""
    corrective_action: str = ""
    implementation: str = ""
    verification: str = ""
    preventive_action: str = ""
    closure: str = ""
    standards_updated: bool = False
    fmea_updated: bool = False
    control_plan_updated: bool = False
    customer_reply_on: date | None = None

    @classmethod
    def of(cls, ca: CorrectiveAction) -> SectionsDraft:
        return cls(**{f.name: getattr(ca, f.name) for f in fields(cls)})


def update_sections(session: Session, actor: Actor, ca_id: int, draft: SectionsDraft, *,
                    expected_version: int | None = None) -> CorrectiveAction:
    """QA / engineering: save the D1–D8 texts, the D7 flags, owner and due date.

    A change someone else saved meanwhile is a ConflictError; the caller keeps the input."""
    bind_actor(session, actor)
    require_role(actor, _EDIT, Role.QA, Role.ENGINEERING)
    ca = get_8d(session, ca_id, for_update=True)
    try:
        check_version(ca, expected_version)
    except ConflictError as exc:
        exc.info.your_input = asdict(draft)  # handed back, so that nothing typed is lost
        raise
    _refuse_closed(ca, _EDIT)
    ca.owner = required_text(draft.owner, "owner")
    if not isinstance(draft.due_on, date):
        raise ValidationError("date_invalid", field_name="due_on", field=label("due_on"), value=draft.due_on)
    ca.due_on = draft.due_on
    for name in SECTION_FIELDS:
        setattr(ca, name, (getattr(draft, name) or "").strip())
    for name in FLAG_FIELDS:
        setattr(ca, name, bool(getattr(draft, name)))
    ca.customer_reply_on = draft.customer_reply_on
    session.flush()
    return ca


def _step(d_step: str) -> str:
    step = (d_step or "").strip().upper()
    if step not in D_STEPS:
        raise ValidationError("eightd_step_invalid", field_name="d_step", value=d_step)
    return step


def add_action(session: Session, actor: Actor, ca_id: int, *, d_step: str, text: str, owner: str,
               due_on: date | None) -> CorrectiveActionItem:
    """QA / engineering: one action of the 8D (D3/D5/D6/D7) with its owner and due date."""
    bind_actor(session, actor)
    require_role(actor, _EDIT, Role.QA, Role.ENGINEERING)
    ca = get_8d(session, ca_id, for_update=True)
    _refuse_closed(ca, _EDIT)
    item = CorrectiveActionItem(ca_id=ca.id, d_step=_step(d_step), text=required_text(text, "action_text"),
                                owner=required_text(owner, "owner"), due_on=due_on, status=ITEM_OPEN)
    session.add(item)
    session.flush()
    return item


def _item(session: Session, item_id: int) -> CorrectiveActionItem:
    item = session.get(CorrectiveActionItem, item_id, with_for_update=True)
    if item is None:
        raise NotFoundError(what=("8D措施", "8D action"), value=item_id)
    return item


def update_action(session: Session, actor: Actor, item_id: int, *, d_step: str, text: str, owner: str,
                  due_on: date | None, expected_version: int | None = None) -> CorrectiveActionItem:
    """QA / engineering: change an action's step, text, owner or due date."""
    bind_actor(session, actor)
    require_role(actor, _EDIT, Role.QA, Role.ENGINEERING)
    item = _item(session, item_id)
    check_version(item, expected_version)
    _refuse_closed(item.ca, _EDIT)
    item.d_step = _step(d_step)
    item.text = required_text(text, "action_text")
    item.owner = required_text(owner, "owner")
    item.due_on = due_on
    session.flush()
    return item


def complete_action(session: Session, actor: Actor, item_id: int, done_on: date | None = None, *,
                    expected_version: int | None = None) -> CorrectiveActionItem:
    """QA / engineering: the action is done (on `done_on`, today by default)."""
    bind_actor(session, actor)
    require_role(actor, _EDIT, Role.QA, Role.ENGINEERING)
    item = _item(session, item_id)
    check_version(item, expected_version)
    _refuse_closed(item.ca, _EDIT)
    item.done_on = done_on or date.today()
    item.status = ITEM_DONE
    session.flush()
    return item


def confirm_signature(session: Session, actor: Actor, password: str, meaning: str,
                      ca: CorrectiveAction | None = None) -> datetime:
    """A signature: the acting user re-enters their password; an e-signature row
    (app.services.signatures) and the audit trail record who, when and what it means
    (`meaning`: SIGN_VERIFY or SIGN_CLOSE). Returns the moment (the server's clock).

    A wrong password is refused (ValidationError on "password") and counts toward the
    log-in lockout; call this before the 8D is changed."""
    signatures.check_signer(session, actor, password or "")
    at = utcnow()
    if ca is not None:
        step = signatures.Step.EIGHTD_VERIFY if meaning == SIGN_VERIFY else signatures.Step.EIGHTD_CLOSE
        at = signatures.record_signature(session, actor, ca, step).signed_at
        session.connection().execute(insert(AuditLog), [dict(
            at=at, user_login=actor.login, station=actor.station, entity="corrective_action",
            entity_id=ca.id, action="sign", field="signature", old_value=None, new_value=meaning)])
    return at


def verify(session: Session, actor: Actor, ca_id: int, password: str, *,
           expected_version: int | None = None) -> CorrectiveAction:
    """QA (or admin): D6 — the effect of the corrective actions is verified; signed with the
    password. Needs the verification text."""
    bind_actor(session, actor)
    require_role(actor, _VERIFY, Role.QA)
    ca = get_8d(session, ca_id, for_update=True)
    check_version(ca, expected_version)
    _refuse_closed(ca, _VERIFY)
    required_text(ca.verification, "verification")
    at = confirm_signature(session, actor, password, SIGN_VERIFY, ca)
    ca.verified_by_id = actor.user_id
    ca.verified_at = at
    session.flush()
    return ca


def close(session: Session, actor: Actor, ca_id: int, password: str, *,
          expected_version: int | None = None) -> CorrectiveAction:
    """QA (or admin): D8 — close the 8D, signed with the password. Needs D4–D7 filled, every
    action done and the verification signed."""
    bind_actor(session, actor)
    require_role(actor, _CLOSE, Role.QA)
    ca = get_8d(session, ca_id, for_update=True)
    check_version(ca, expected_version)
    _refuse_closed(ca, _CLOSE)
    for name in REQUIRED_TO_CLOSE:
        required_text(getattr(ca, name), name)
    pending = [i for i in ca.items if i.status != ITEM_DONE]
    if pending:
        raise WorkflowError("eightd_actions_open", count=len(pending))
    if ca.verified_at is None or signatures.is_void(session, ca, signatures.Step.EIGHTD_VERIFY):
        raise WorkflowError("eightd_not_verified")  # never, or the 8D changed since it was verified
    at = confirm_signature(session, actor, password, SIGN_CLOSE, ca)
    ca.status = CLOSED
    ca.closed_by_id = actor.user_id
    ca.closed_at = at
    session.flush()
    return ca


def user_name(session: Session, user_id: int | None) -> str:
    if user_id is None:
        return ""
    user = session.get(User, user_id)
    return user.name if user is not None else ""


def _local_midnight(day: date) -> datetime:
    """The start of `day` on this station's clock, as an aware time to compare stored UTC with."""
    return datetime.combine(day, time()).astimezone()


def month_columns(start: date, end: date) -> list[ScalarSelect[int]]:
    """The monthly statistics' 8D figures as three scalar subqueries (opened, closed, overdue),
    so that the report asks for them in one statement with its other small figures: opened
    and closed within [start, end) (the days on this station's clock), and overdue at the
    month's end — opened before `end`, not closed by then, due before `end` (its due date is
    in the month or earlier). Counted by the database."""
    t0, t1 = _local_midnight(start), _local_midnight(end)
    ca = CorrectiveAction

    def count(*where: ColumnElement[bool]) -> ScalarSelect[int]:
        return select(func.count()).select_from(ca).where(*where).scalar_subquery()

    return [count(ca.created_at >= t0, ca.created_at < t1),
            count(ca.closed_at >= t0, ca.closed_at < t1),
            count(ca.created_at < t1, (ca.closed_at.is_(None)) | (ca.closed_at >= t1), ca.due_on < end)]


def month_figures_of(values: Sequence[Any]) -> dict[str, int]:
    """The values of month_columns(), as the report holds them."""
    opened, closed, overdue = values
    return {"opened": int(opened or 0), "closed": int(closed or 0), "overdue": int(overdue or 0)}


def month_figures(session: Session, start: date, end: date) -> dict[str, int]:
    """The 8D figures of the month (month_columns) in one statement."""
    return month_figures_of(session.execute(select(*month_columns(start, end))).one())
