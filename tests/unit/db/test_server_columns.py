"""The server holds each column of a return, a line and a rework booking to the record's
state, and requires the e-signature of a signed step (issue 10).

Every person logs in as themselves on the throwaway SCRAM cluster of the access matrix
(tests/unit/db/test_server_roles.py: its fixtures, a cluster of this module's own). The
direct changes are SQL as with psql and the person's own password; the window's are the
services as that person.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

import psycopg
import pytest
from sqlalchemy import select

from app import workflow
from app.codes import Role
from app.errors import WorkflowError
from app.services import corrections, inspection, returns, rework
from app.services.corrections import HeaderAmend, LineAmend
from app.services.returns import LineDraft
from db.engine import unit_of_work
from db.models import AuditLog, Return, ReturnLine
from db.roles import (
    COLUMN_REFUSED,
    GROUPS,
    SIGNATURE_REQUIRED,
    SIGNED_CHANGES,
    TRANSITIONS,
    column_rules,
    rules_json,
    workflow_rules,
    workflow_transitions,
)
from tests.unit.db import test_server_roles as access_matrix
from tests.unit.db.test_server_roles import (
    CUSTOMER,
    MODEL,
    PASSWORD,
    PEOPLE,
    Server,
    _pw,
    _run,
    stage,
)

# the access matrix's fixtures: a throwaway SCRAM cluster (this module's own), everyone logged in
server = access_matrix.server
station = access_matrix.station

ENTITY = {"rma_return": "return", "return_line": "line"}


@contextmanager
def psql(server: Server, login: str) -> Iterator[psycopg.Connection]:
    """One transaction as `login`'s own database role, committed on leaving."""
    with psycopg.connect(**server.dsn, user=login, password=PASSWORD[login], application_name="psql") as conn:
        yield conn


def refusal(server: Server, login: str, *sql: str) -> str:
    """The SQLSTATE the server refuses the transaction `sql` with ("" when it commits)."""
    try:
        with psql(server, login) as conn:
            for statement in sql:
                conn.execute(statement)
    except psycopg.Error as exc:
        return exc.sqlstate or ""
    return ""


def _record(table: str, rid: int, lid: int) -> int:
    return rid if table == "rma_return" else lid


# ------------------------------------------------------------------ the rules are the workflow's


def test_the_rules_are_generated_from_the_workflow_table() -> None:
    rules = workflow_rules()
    inspect = [r for r in rules if r.step == "inspect"]
    assert [(r.table, r.states, set(r.columns)) for r in inspect] == [
        ("return_line", workflow.step("inspect").from_states, set(workflow.step("inspect").writes))]
    # a return's step on its lines goes by the return's state (before, or after its own change)
    approve = {r.table: r for r in rules if r.step == "approve"}
    assert set(approve["return_line"].columns) == {"status", "due_on"}
    assert approve["return_line"].parent_states == frozenset({"confirmed"})
    assert approve["return_line"].parent_after == frozenset({"approved"})
    # the rework bookings go by the line's state
    book = {r.table: r for r in rules if r.step == "book_rework"}
    assert book["rework_material"].parent_states == frozenset({"rework"})

    # a step's from-states changed in a copy of the table: its rule changes with it
    steps = dict(workflow.STEPS)
    steps["inspect"] = dataclasses.replace(steps["inspect"], from_states=frozenset({"rework"}))
    changed = [r for r in workflow_rules(steps) if r.step == "inspect"]
    assert [r.states for r in changed] == [frozenset({"rework"})]
    assert rules_json(changed)["return_line.findings"][0][0] == ["rework"]
    # ... and so does the status guard's transition
    assert [t.before for t in workflow_transitions(steps) if t.table == "return_line" and t.roles == (Role.QA,)
            and t.after == ("decision",)] == [("rework",)]
    # every workflow step that changes a state is a transition of the server's guard
    for s in workflow.STEPS.values():
        if s.to_states:
            assert any(t.roles == s.roles and set(t.after) == set(s.to_states)
                       and set(t.before) == (set(s.from_states) or {""}) for t in TRANSITIONS), s.key
    # a name in a step's writes that is no column is our bug, told at once
    steps["inspect"] = dataclasses.replace(steps["inspect"], writes=("no_such_column",))
    with pytest.raises(ValueError):
        workflow_rules(steps)


def test_the_signed_steps_are_the_signatures_steps() -> None:
    from app.services.signatures import STEPS, Meaning, Step

    meanings = {c.step: STEPS[Step(c.step)].meaning for c in SIGNED_CHANGES}
    assert meanings == {"sales_confirm": Meaning.CONFIRM, "manager_approve": Meaning.APPROVE,
                        "decision": Meaning.DECIDE, "release": Meaning.RELEASE}
    assert all(GROUPS[r] for rule in column_rules() for r in rule.roles)


# ------------------------------------------------------------------ each role, by direct SQL


@dataclasses.dataclass(frozen=True)
class ColumnCase:
    login: str
    table: str
    set_: str          # SET clause of the role's own step
    allowed_at: str    # a stage in which that step writes it
    refused_at: str    # a stage in which no step of the role writes it
    foreign: str       # SET clause of a column of another role's step (refused in allowed_at)
    field: str         # the audited column of set_
    value: str         # its new value as the trail writes it


CASES = (
    ColumnCase("wh", "return_line", "qty_counted = 19", "received", "inspected", "findings = 'x'",
               "qty_counted", "19"),
    ColumnCase("sales", "rma_return", "sales_requirements = '换货'", "received", "approved",
               "approval_note = 'x'", "sales_requirements", "换货"),
    ColumnCase("mgr", "rma_return", "approval_note = '同意退货'", "confirmed", "approved",
               "sales_requirements = 'x'", "approval_note", "同意退货"),
    ColumnCase("qa", "return_line", "findings = '外壳开裂'", "approved", "planned", "liability_code = 3",
               "findings", "外壳开裂"),
    ColumnCase("eng", "return_line", "final_cause = '装配不良'", "inspected", "reworked", "findings = 'x'",
               "final_cause", "装配不良"),
    ColumnCase("pmc", "return_line", "rework_planned_on = DATE '2026-03-09'", "decided", "reinspected",
               "findings = 'x'", "rework_planned_on", "2026-03-09"),
    ColumnCase("admin", "return_line", "findings = '管理员修改'", "approved", "reinspected", "source_key = 'x'",
               "findings", "管理员修改"),
)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.login)
def test_each_role_changes_its_columns_only_in_its_steps_states(server: Server, station: dict[str, Any],
                                                               case: ColumnCase) -> None:
    assert set(PEOPLE) == {c.login for c in CASES}  # the seven roles
    rid, lid = stage(station, case.allowed_at)
    where = f"WHERE id = {_record(case.table, rid, lid)}"
    # a column of another role's step: no grant (42501), or held for a correction in other states
    assert refusal(server, case.login, f"UPDATE {case.table} SET {case.foreign} {where}") in ("42501",
                                                                                              COLUMN_REFUSED)
    # its own step's column in the step's state: done, and audited under the user's name at
    # the server's time
    with psql(server, case.login) as conn:
        before = conn.execute("SELECT clock_timestamp() AT TIME ZONE 'UTC'").fetchone()[0]
        conn.execute(f"UPDATE {case.table} SET {case.set_} {where}")
        conn.commit()
        after = conn.execute("SELECT clock_timestamp() AT TIME ZONE 'UTC'").fetchone()[0]
    with station["admin"].factory() as s:
        rows = list(s.scalars(select(AuditLog).where(
            AuditLog.entity == ENTITY[case.table], AuditLog.entity_id == _record(case.table, rid, lid),
            AuditLog.field == case.field, AuditLog.new_value == case.value)))
    assert [(r.user_login, r.station) for r in rows] == [(case.login, "psql")]
    assert before <= rows[0].at.replace(tzinfo=None) <= after
    # the same column once the record has gone on: refused, with the column and the state
    rid2, lid2 = stage(station, case.refused_at)
    with pytest.raises(psycopg.Error) as refused, psql(server, case.login) as conn:
        conn.execute(f"UPDATE {case.table} SET {case.set_} WHERE id = {_record(case.table, rid2, lid2)}")
    assert refused.value.sqlstate == COLUMN_REFUSED
    assert refused.value.diag.column_name == case.field


def test_rework_bookings_only_while_the_line_is_in_rework(server: Server, station: dict[str, Any]) -> None:
    book = ("INSERT INTO rework_material (line_id, code, name, qty, unit, unit_cost, cost, created_at, updated_at, "
            "updated_by) VALUES ({lid}, 'M1', '触点', 2, '个', 1.50, 3.00, now(), now(), session_user)")
    _rid, lid = stage(station, "planned")
    assert refusal(server, "pmc", book.format(lid=lid)) == ""
    assert refusal(server, "pmc", f"UPDATE rework_material SET qty = 3, cost = 4.50 WHERE line_id = {lid}") == ""
    _rid, done = stage(station, "reinspected")
    assert refusal(server, "pmc", book.format(lid=done)) == COLUMN_REFUSED
    # the booking made in rework stays as it is once the line is re-inspected
    _run(station["pmc"], lambda s, a: rework.finish_rework(s, a, lid))
    _run(station["qa"], lambda s, a: rework.record_reinspection(s, a, lid, qualified=20, unqualified=0, scrapped=0,
                                                                password=_pw(a)))
    assert refusal(server, "pmc", f"UPDATE rework_material SET qty = 9 WHERE line_id = {lid}") == COLUMN_REFUSED
    assert refusal(server, "pmc", f"DELETE FROM rework_material WHERE line_id = {lid}") == COLUMN_REFUSED


def test_the_column_refusal_reads_as_the_windows_message(server: Server, station: dict[str, Any]) -> None:
    from sqlalchemy import text

    _rid, lid = stage(station, "planned")
    with pytest.raises(WorkflowError) as refused, unit_of_work(station["qa"].factory) as s:
        s.execute(text("UPDATE return_line SET findings = 'x' WHERE id = :lid"), {"lid": lid})
    assert refused.value.key == "server_column_state"
    assert refused.value.message("zh") == "数据库拒绝:退货明细处于“返工中”状态时,您的角色不能修改“检验结果”"
    assert refused.value.message("en") == ("The database refused: your role may not change “Findings” while "
                                           "the return line is “In rework”")


# ------------------------------------------------------------------ signed steps


SIGNED = (
    ("sales", "rma_return", "received", "sales_confirm", "confirm",
     "UPDATE rma_return SET status = 'confirmed', sales_requirements = '换货', "
     "sales_confirmed_at = now() AT TIME ZONE 'UTC' WHERE id = {id}"),
    ("mgr", "rma_return", "confirmed", "manager_approve", "approve",
     "UPDATE rma_return SET status = 'approved', approved_at = now() AT TIME ZONE 'UTC' WHERE id = {id}"),
    ("eng", "return_line", "inspected", "decision", "decide",
     "UPDATE return_line SET final_cause = '材料不良', liability_code = 2, disposition = 'scrap', refund_ratio = 0, "
     "decided_at = now() AT TIME ZONE 'UTC', status = 'done' WHERE id = {id}"),
    ("qa", "return_line", "reworked", "release", "release",
     "UPDATE return_line SET qty_qualified = 20, qty_unqualified = 0, qty_scrapped = 0, "
     "reinspected_at = now() AT TIME ZONE 'UTC', status = 'done' WHERE id = {id}"),
)


def _signature(table: str, record_id: int, step: str, meaning: str, login: str = "") -> str:
    signer = f"'{login}'" if login else "session_user"
    return ("INSERT INTO signature (record_table, record_id, step, meaning, signer_id, signer_login, signer_name, "
            "station, signed_at, content_hash) "
            f"SELECT '{table}', {record_id}, '{step}', '{meaning}', id, {signer}, name, 'psql', now(), "
            f"repeat('0', 64) FROM app_user WHERE login = session_user")


@pytest.mark.parametrize("case", SIGNED, ids=lambda c: c[3])
def test_a_signed_step_is_refused_without_its_signature(server: Server, station: dict[str, Any],
                                                        case: tuple[str, ...]) -> None:
    login, table, at, step, meaning, sql = case
    for who in (login, "admin"):
        rid, lid = stage(station, at)
        record = _record(table, rid, lid)
        change = sql.format(id=record)
        assert refusal(server, who, change) == SIGNATURE_REQUIRED, who
        # a signature of an earlier transaction, or one in another's name, does not sign this one
        assert refusal(server, who, _signature(table, record, step, meaning)) == ""
        assert refusal(server, who, change) == SIGNATURE_REQUIRED, who
        # nor can a login sign in another's name
        other = "qa" if who != "qa" else "mgr"
        assert refusal(server, who, _signature(table, record, step, meaning, other), change) == "42501"
        # signed in the same transaction, by the same login: done
        assert refusal(server, who, _signature(table, record, step, meaning), change) == "", who
        with station["admin"].factory() as s:
            status = s.get(Return if table == "rma_return" else ReturnLine, record).status
        assert status in ("confirmed", "approved", "done"), (who, status)


def test_the_window_unsigned_is_refused_clearly_and_signed_passes(server: Server, station: dict[str, Any]) -> None:
    rid, _lid = stage(station, "received")
    with pytest.raises(WorkflowError) as refused:
        _run(station["sales"], lambda s, a: returns.confirm_by_sales(s, a, rid, "按质保处理"))
    assert refused.value.key == "server_signature_required"
    assert "销售确认" in refused.value.message("zh") and "Sales confirmation" in refused.value.message("en")
    with station["admin"].factory() as s:
        assert s.get(Return, rid).status == "received"  # nothing of the unsigned step stays
    _run(station["sales"], lambda s, a: returns.confirm_by_sales(s, a, rid, "按质保处理", password=_pw(a)))
    _rid, lid = stage(station, "inspected")
    with pytest.raises(WorkflowError) as refused:
        _run(station["eng"], lambda s, a: inspection.decide(s, a, lid, final_cause="材料不良", liability_code=3,
                                                            disposition="scrap", refund_ratio="0"))
    assert refused.value.key == "server_signature_required"


# ------------------------------------------------------------------ the corrections, as their roles


def test_the_corrections_pass_as_their_roles_on_a_per_user_server(server: Server, station: dict[str, Any]) -> None:
    # the desk amends the count of a confirmed return: back to sales, the confirmation cleared
    rid, _lid = stage(station, "confirmed")
    with station["wh"].factory() as s:
        rma = returns.get_return(s, rid)
        line = rma.lines[0]
        amend = LineAmend(LineDraft(model=MODEL, qty_counted=18, lot_no="L2601"), line.id, line.version)
    _run(station["wh"], lambda s, a: corrections.amend_receipt(
        s, a, rid, header=HeaderAmend(customer=CUSTOMER, arrival_method="logistics", received_on=date(2026, 3, 5)),
        lines=[amend], reason="复点少两件"))
    with station["admin"].factory() as s:
        rma = returns.get_return(s, rid)
        assert (rma.status, rma.sales_requirements, rma.lines[0].qty_counted) == ("received", "", 18)

    # QA amends the inspection of a decided line (rework not planned): back to the decision
    _rid, lid = stage(station, "decided")
    _run(station["qa"], lambda s, a: corrections.amend_inspection(
        s, a, lid, findings="外壳开裂", defect_category_id=None, preliminary_opinion="", reason="复看"))
    # engineering decides again, signed; then amends its decision (signed anew)
    _run(station["eng"], lambda s, a: inspection.decide(s, a, lid, final_cause="外壳材料", liability_code=2,
                                                        disposition="repair_reship", refund_ratio="0",
                                                        password=_pw(a)))
    with pytest.raises(WorkflowError) as refused:  # unsigned, the amended decision is refused
        _run(station["eng"], lambda s, a: corrections.amend_decision(
            s, a, lid, final_cause="装配", liability_code=3, disposition="repair_reship", refund_ratio="0",
            reason="更正"))
    assert refused.value.key == "server_signature_required"
    _run(station["eng"], lambda s, a: corrections.amend_decision(
        s, a, lid, final_cause="装配", liability_code=3, disposition="repair_reship", refund_ratio="0",
        reason="更正", password=_pw(a)))
    with station["admin"].factory() as s:
        line = s.get(ReturnLine, lid)
        assert (line.status, line.final_cause, line.liability_code) == ("rework", "装配", 3)

    # production amends a finished rework, with its bookings: back to rework
    _rid, lid = stage(station, "reworked")
    _run(station["pmc"], lambda s, a: corrections.amend_rework(
        s, a, lid, reason="漏记材料", materials=[rework.MaterialEntry(name="触点", qty=2, unit_cost="1.50")],
        labour=[]))
    with station["admin"].factory() as s:
        line = s.get(ReturnLine, lid)
        assert (line.status, len(line.materials)) == ("rework", 1)

    # the manager reopens a closed return's re-inspected line, and a decided line
    rid, lid = stage(station, "reinspected")
    _run(station["qa"], lambda s, a: returns.close_return(s, a, rid))
    _run(station["mgr"], lambda s, a: corrections.reopen_line(s, a, lid, reason="客户投诉"))
    with station["admin"].factory() as s:
        line = s.get(ReturnLine, lid)
        assert (line.status, line.reinspected_at, line.rma.status) == ("reinspection", None, "approved")
    _rid, lid = stage(station, "planned")
    _run(station["mgr"], lambda s, a: corrections.reopen_line(s, a, lid, reason="判定有误"))
    with station["admin"].factory() as s:
        line = s.get(ReturnLine, lid)
        assert (line.status, line.decided_at, line.rework_planned_on) == ("decision", None, None)
    # a closed return reopened by the manager
    rid, _lid = stage(station, "reinspected")
    _run(station["qa"], lambda s, a: returns.close_return(s, a, rid))
    _run(station["mgr"], lambda s, a: corrections.reopen_return(s, a, rid, reason="补充附件"))
    with station["admin"].factory() as s:
        assert s.get(Return, rid).status == "approved"


def test_the_legacy_import_runs_as_qa_on_a_per_user_server(server: Server, station: dict[str, Any]) -> None:
    """A legacy log's rows come in as they stood (signed on paper, decided, closed): inserts,
    which the guards of columns and signatures leave to the import's own rules."""
    from pathlib import Path

    from app.excel.importer import import_workbook

    sample = Path(__file__).resolve().parents[2] / "data" / "legacy-returns-2025.xlsx"
    result = _run(station["qa"], lambda s, a: import_workbook(s, a, sample))
    assert (result.returns_created, result.lines_imported) == (78, 119)
    with station["admin"].factory() as s:
        closed = s.scalar(select(Return).where(Return.source == "import", Return.status == "closed").limit(1))
    assert closed is not None
    # the server's trigger wrote the trail of each imported return and line, once
    with station["admin"].factory() as s:
        line_ids = s.scalars(select(ReturnLine.id).where(ReturnLine.return_id.in_(result.return_ids))).all()
        trail = s.execute(select(AuditLog.entity, AuditLog.entity_id, AuditLog.user_login)
                          .where(AuditLog.action == "insert", AuditLog.field == "*",
                                 ((AuditLog.entity == "line") & AuditLog.entity_id.in_(line_ids))
                                 | ((AuditLog.entity == "return") & AuditLog.entity_id.in_(result.return_ids)))
                          ).all()
    assert len(line_ids) == 119
    assert sorted(trail) == sorted([("line", i, "qa") for i in line_ids]
                                   + [("return", i, "qa") for i in result.return_ids])
    # once in, a closed legacy return is held to its state like any other
    assert refusal(server, "qa", f"UPDATE rma_return SET notes = 'x' WHERE id = {closed.id}") in ("42501",
                                                                                                 COLUMN_REFUSED)


@pytest.mark.parametrize("login", ["qa", "eng"])
def test_qa_or_engineering_open_an_8d_on_a_line_not_yet_serious(server: Server, station: dict[str, Any],
                                                                login: str) -> None:
    """Opening an 8D marks its line serious: both roles of the 8D step may, on the server too."""
    from app.services.inspection import CorrectiveDraft

    _rid, lid = stage(station, "decided")
    with station["admin"].factory() as s:
        assert s.get(ReturnLine, lid).serious is False
    ca = _run(station[login], lambda s, a: inspection.open_corrective_action(
        s, a, lid, CorrectiveDraft(owner="质量部 王工", due_on=date(2026, 12, 20), problem="外壳开裂")).no)
    with station["admin"].factory() as s:
        assert s.get(ReturnLine, lid).serious is True
    assert ca.startswith("8D-")
    # and no more than that column: the findings of the decided line stay QA's amend's, by SQL too
    assert refusal(server, "eng", f"UPDATE return_line SET findings = 'x' WHERE id = {lid}") in ("42501",
                                                                                               COLUMN_REFUSED)
