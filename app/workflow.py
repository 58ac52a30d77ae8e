"""The workflow, declared once: each step of a return's handling, who takes it, from which
states, to which, and what it writes.

The services check a step through `begin_step` (app.services.returns: role, lock, version,
state) and move the record on with `advance`, which refuses a state the step does not
declare; the window enables a step's button, or says why not, from the same table
(ui.widgets.bench.gate_step). So a rule changes in one place: "who may confirm", "from
which state can rework be finished" are rows here, not a prologue copied into each service
and a condition repeated in each tab. On a shared PostgreSQL server the server's own guards
are generated from it too (db.roles: the status changes each role may make, and which
columns each role may change in which state).

The paper procedure's order (seed 001): the warehouse registers and counts → sales
confirms with the handling requirements → the manager approves → QA inspects within one
working day → engineering decides the cause, liability and disposition → production plans
(within 2 days of the decision), books materials and hours and finishes the rework → QA
re-inspects → QA closes the return once every line is done. A return may be cancelled with
a reason until it is closed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from app.codes import LINE_STATUSES, RETURN_STATUSES, ROLES, LineStatus, ReturnStatus, Role
from app.errors import WorkflowError

RETURN, LINE = "return", "line"
RETURN_WHAT = ("退货单", "Return")
LINE_WHAT = ("退货明细", "Return line")


@dataclass(frozen=True)
class Step:
    """One step: its name in messages, the roles that take it (admin takes every step), the
    record it acts on, the states it starts from, the states it may leave the record in
    (empty: it does not change the state), and the columns it writes."""

    key: str
    action: tuple[str, str]
    roles: tuple[Role, ...]
    record: str
    from_states: frozenset[str]
    to_states: frozenset[str]
    writes: tuple[str, ...]

    def allows_state(self, state: str | None) -> bool:
        return state in self.from_states


def _states(*states: ReturnStatus | LineStatus) -> frozenset[str]:
    return frozenset(s.value for s in states)


_R, _L = ReturnStatus, LineStatus

STEPS: dict[str, Step] = {s.key: s for s in (
    Step("register", ("登记退货", "register a return"), (Role.WAREHOUSE,), RETURN,
         frozenset(), _states(_R.RECEIVED),
         ("customer_id", "arrival_method", "received_on", "storage_location", "urgency", "lines")),
    Step("correct_count", ("修改清点数量", "correct a count"), (Role.WAREHOUSE,), RETURN,
         _states(_R.RECEIVED), frozenset(),
         ("qty_counted", "amount", "lot_no", "condition", "is_our_product")),
    Step("confirm", ("销售确认", "confirm for sales"), (Role.SALES,), RETURN,
         _states(_R.RECEIVED), _states(_R.CONFIRMED),
         ("sales_requirements", "sales_confirmed_by_id", "sales_confirmed_at", "status")),
    Step("approve", ("批准", "approve"), (Role.MANAGER,), RETURN,
         _states(_R.CONFIRMED), _states(_R.APPROVED),
         ("approval_note", "approved_by_id", "approved_at", "status", "line.status", "line.due_on")),
    Step("cancel", ("取消退货", "cancel the return"), (Role.WAREHOUSE, Role.SALES, Role.MANAGER), RETURN,
         _states(_R.RECEIVED, _R.CONFIRMED, _R.APPROVED), _states(_R.CANCELLED),
         ("cancel_reason", "cancelled_by_id", "cancelled_at", "status", "line.status")),
    Step("close", ("结案", "close the return"), (Role.QA,), RETURN,
         _states(_R.APPROVED), _states(_R.CLOSED),
         ("closed_by_id", "closed_at", "status")),
    Step("inspect", ("检验", "inspect"), (Role.QA,), LINE,
         _states(_L.INSPECTION, _L.DECISION), _states(_L.DECISION),
         ("findings", "defect_category_id", "preliminary_opinion", "inspected_by_id", "inspected_at", "status")),
    Step("decide", ("最终判定", "decide"), (Role.ENGINEERING,), LINE,
         _states(_L.DECISION), _states(_L.REWORK, _L.DONE),
         ("final_cause", "liability_code", "disposition", "refund_ratio", "refund_amount", "serious",
          "decided_by_id", "decided_at", "due_on", "status")),
    Step("plan_rework", ("安排返工", "plan rework"), (Role.PRODUCTION,), LINE,
         _states(_L.REWORK), frozenset(),
         ("rework_qty", "rework_planned_on", "rework_planned_by_id", "due_on")),
    Step("book_rework", ("登记返工成本", "book rework costs"), (Role.PRODUCTION,), LINE,
         _states(_L.REWORK), frozenset(),
         ("materials", "labour", "other_cost", "material_cost", "labour_cost", "loss_cost")),
    Step("finish_rework", ("完成返工", "finish rework"), (Role.PRODUCTION,), LINE,
         _states(_L.REWORK), _states(_L.REINSPECTION),
         ("rework_done_at", "due_on", "status")),
    Step("reinspect", ("复检", "re-inspect"), (Role.QA,), LINE,
         _states(_L.REINSPECTION), _states(_L.DONE),
         ("qty_qualified", "qty_unqualified", "qty_scrapped", "reinspected_by_id", "reinspected_at",
          "scrapped_value", "loss_cost", "status")),
)}


def step(key: str) -> Step:
    """The step named `key` (a KeyError for a name not in the table is our bug)."""
    return STEPS[key]


def _state_name(record: str, value: str | None) -> tuple[str, str]:
    codes: dict[Any, Any] = RETURN_STATUSES if record == RETURN else LINE_STATUSES
    for k, c in codes.items():
        if k.value == value:
            return (c.zh, c.en)
    return (value or "", value or "")


def has_role(roles: Iterable[str], s: Step) -> bool:
    """Do these role codes take the step? Admin takes every step."""
    held = set(roles)
    return Role.ADMIN.value in held or any(r.value in held for r in s.roles)


def role_refusal(s: Step, user: str, roles: Iterable[str]) -> WorkflowError | None:
    if has_role(roles, s):
        return None
    needed = ROLES[s.roles[0]]
    return WorkflowError("wrong_role", user=user, role=(needed.zh, needed.en), action=s.action)


def state_refusal(s: Step, state: str | None) -> WorkflowError | None:
    if s.allows_state(state):
        return None
    return WorkflowError("wrong_state", what=RETURN_WHAT if s.record == RETURN else LINE_WHAT,
                         state=_state_name(s.record, state), action=s.action)


def refusal(s: Step, user: str, roles: Iterable[str], state: str | None) -> WorkflowError | None:
    """Why this user may not take the step on a record in `state` (the role first), or None."""
    return role_refusal(s, user, roles) or state_refusal(s, state)


def advance(obj: Any, s: Step, to: str | None = None) -> None:
    """Move the record the step acted on to `to` (or the step's one next state).

    A state the step does not declare is our bug, not the user's: it raises ValueError.
    """
    target = to if to is not None else (next(iter(s.to_states)) if len(s.to_states) == 1 else None)
    if target is None or target not in s.to_states:
        raise ValueError(f"step {s.key!r} cannot lead to {to!r}; it leads to {sorted(s.to_states)}")
    obj.status = target
