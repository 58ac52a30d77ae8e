"""The workflow declared once (app.workflow): the services accept a step exactly in the states
and for the roles the table gives, and the window's buttons follow the same table."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from app import workflow
from app.codes import LineStatus, ReturnStatus, Role
from app.errors import StationError, WorkflowError
from app.services import inspection, returns, rework
from app.services.returns import get_line, get_return
from tests.unit.services.helpers import approved, decided, line_ids, planned, received

LINE_STEPS: dict[str, Any] = {
    "inspect": lambda s, a, lid: inspection.record_inspection(s, a, lid, findings="触点烧蚀", defect_category_id=None,
                                                              preliminary_opinion=""),
    "decide": lambda s, a, lid: inspection.decide(s, a, lid, final_cause="焊接不良", liability_code=3,
                                                  disposition="repair_reship", refund_ratio="0"),
    "plan_rework": lambda s, a, lid: rework.plan_rework(s, a, lid, planned_on=date.today()),
    "book_rework": lambda s, a, lid: rework.book_rework_costs(s, a, lid, materials=[], labour=[]),
    "finish_rework": lambda s, a, lid: rework.finish_rework(s, a, lid),
    "reinspect": lambda s, a, lid: rework.record_reinspection(s, a, lid, qualified=20, unqualified=0, scrapped=0),
}
RETURN_STEPS: dict[str, Any] = {
    "confirm": lambda s, a, rid: returns.confirm_by_sales(s, a, rid, "按质保处理"),
    "approve": lambda s, a, rid: returns.approve(s, a, rid, "同意"),
    "cancel": lambda s, a, rid: returns.cancel_return(s, a, rid, "录错"),
    "close": lambda s, a, rid: returns.close_return(s, a, rid),
}


def _gate(factory: Any, actor: Any, call: Any, record_id: int) -> bool:
    """Did the step pass the table's gate (role and state)? Tried and rolled back."""
    with factory() as s:
        try:
            call(s, actor, record_id)
        except WorkflowError as exc:
            # refused by the table: a role, or the state of the return or line; any other
            # refusal is a rule beyond the table (e.g. rework not yet planned)
            by_table = exc.key == "wrong_role" or (
                exc.key == "wrong_state" and exc.args_.get("what") in (workflow.RETURN_WHAT, workflow.LINE_WHAT))
            return not by_table
        except StationError:
            return True  # refused for its input, past the gate
        finally:
            s.rollback()
    return True


def test_every_line_step_is_accepted_exactly_in_the_states_the_table_gives(factory, actors) -> None:
    admin = actors["admin"]  # every role: only the state decides
    states: dict[str, int] = {
        LineStatus.RECEIVED.value: line_ids(factory, received(factory, actors))[0],
        LineStatus.INSPECTION.value: line_ids(factory, approved(factory, actors))[0],
        LineStatus.DECISION.value: 0,
        LineStatus.REWORK.value: planned(factory, actors)[1],
        LineStatus.REINSPECTION.value: 0,
        LineStatus.DONE.value: decided(factory, actors, disposition="scrap")[1],
    }
    lid = line_ids(factory, approved(factory, actors))[0]
    with factory.begin() as s:
        LINE_STEPS["inspect"](s, actors["qa"], lid)
    states[LineStatus.DECISION.value] = lid
    _rid, rl = planned(factory, actors)
    with factory.begin() as s:
        rework.finish_rework(s, actors["pmc"], rl)
    states[LineStatus.REINSPECTION.value] = rl
    with factory() as s:
        assert {state: get_line(s, i).status for state, i in states.items()} == {k: k for k in states}
    for key, call in LINE_STEPS.items():
        step = workflow.step(key)
        for state, line_id in states.items():
            assert _gate(factory, admin, call, line_id) == step.allows_state(state), (key, state)


def test_every_return_step_is_accepted_exactly_in_the_states_the_table_gives(factory, actors) -> None:
    admin = actors["admin"]
    closed = decided(factory, actors, disposition="scrap")[0]
    with factory.begin() as s:
        returns.close_return(s, actors["qa"], closed)
    cancelled = received(factory, actors)
    with factory.begin() as s:
        returns.cancel_return(s, actors["wh"], cancelled, "录错")
    rid = received(factory, actors)
    confirmed = received(factory, actors)
    with factory.begin() as s:
        returns.confirm_by_sales(s, actors["sales"], confirmed, "按质保处理")
    states = {ReturnStatus.RECEIVED.value: rid, ReturnStatus.CONFIRMED.value: confirmed,
              ReturnStatus.APPROVED.value: decided(factory, actors, disposition="scrap")[0],
              ReturnStatus.CLOSED.value: closed, ReturnStatus.CANCELLED.value: cancelled}
    with factory() as s:
        assert {state: get_return(s, i).status for state, i in states.items()} == {k: k for k in states}
    for key, call in RETURN_STEPS.items():
        step = workflow.step(key)
        for state, return_id in states.items():
            assert _gate(factory, admin, call, return_id) == step.allows_state(state), (key, state)


@pytest.mark.parametrize("key", sorted(set(LINE_STEPS) | set(RETURN_STEPS)))
def test_each_step_is_refused_to_every_role_the_table_does_not_name(factory, actors, key: str) -> None:
    step = workflow.step(key)
    login_of = {Role.WAREHOUSE: "wh", Role.SALES: "sales", Role.MANAGER: "mgr", Role.QA: "qa",
                Role.ENGINEERING: "eng", Role.PRODUCTION: "pmc", Role.ADMIN: "admin"}
    record = line_ids(factory, approved(factory, actors))[0] if key in LINE_STEPS else received(factory, actors)
    call = LINE_STEPS.get(key) or RETURN_STEPS[key]
    for role, login in login_of.items():
        allowed = role in step.roles or role == Role.ADMIN
        refused = None
        with factory() as s:
            try:
                call(s, actors[login], record)
            except WorkflowError as exc:
                refused = exc
            except StationError:
                pass
            finally:
                s.rollback()
        assert (refused is not None and refused.key == "wrong_role") == (not allowed), (key, role)


def test_a_step_cannot_leave_a_record_in_a_state_it_does_not_declare() -> None:
    class Rec:
        status = "decision"

    rec = Rec()
    workflow.advance(rec, workflow.step("decide"), LineStatus.DONE.value)
    assert rec.status == "done"
    with pytest.raises(ValueError, match="cannot lead to 'closed'"):
        workflow.advance(rec, workflow.step("decide"), "closed")
    with pytest.raises(ValueError):
        workflow.advance(rec, workflow.step("decide"))  # two next states: it must say which


def test_the_table_is_the_procedure() -> None:
    """Seed 001's order, written out: a change to the table must change this test too."""
    want = {
        "register": ({"warehouse"}, set(), {"received"}),
        "correct_count": ({"warehouse"}, {"received"}, set()),
        "confirm": ({"sales"}, {"received"}, {"confirmed"}),
        "approve": ({"manager"}, {"confirmed"}, {"approved"}),
        "cancel": ({"warehouse", "sales", "manager"}, {"received", "confirmed", "approved"}, {"cancelled"}),
        "close": ({"qa"}, {"approved"}, {"closed"}),
        "inspect": ({"qa"}, {"inspection", "decision"}, {"decision"}),
        "decide": ({"engineering"}, {"decision"}, {"rework", "done"}),
        "plan_rework": ({"production"}, {"rework"}, set()),
        "book_rework": ({"production"}, {"rework"}, set()),
        "finish_rework": ({"production"}, {"rework"}, {"reinspection"}),
        "reinspect": ({"qa"}, {"reinspection"}, {"done"}),
    }
    got = {k: ({r.value for r in s.roles}, set(s.from_states), set(s.to_states)) for k, s in workflow.STEPS.items()}
    assert got == want
