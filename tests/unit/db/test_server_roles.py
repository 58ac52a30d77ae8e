"""Per-user database roles on PostgreSQL: each person logs in as themselves, the server
refuses what the window refuses, and the audit trail is the database's (issue 10).

Roles are the cluster's, never one database's: this module starts its own throwaway cluster
(tools/pgcluster.py) with password_encryption scram-sha-256 and a pg_hba that requires
SCRAM for every login but the superuser's, so the passwords are checked for real. Nothing
is created on the shared development server.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import create_engine, make_url, select, text

from app.codes import Role
from app.errors import StationError, WorkflowError
from app.services import inspection, masterdata, returns, rework, settings, user_admin
from app.services.returns import LineDraft, ReturnDraft
from app.services.server_roles import SERVER_PASSWORD, ServerSession, connect_as, init_server
from db.engine import unit_of_work
from db.models import AuditLog, Base, User
from db.roles import GROUPS, OWNER, STEPS, column_rules, privileges

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "tools"))
from pgcluster import Cluster, _as_pg_user  # noqa: E402

PEOPLE: dict[str, Role] = {"admin": Role.ADMIN, "wh": Role.WAREHOUSE, "sales": Role.SALES, "mgr": Role.MANAGER,
                           "qa": Role.QA, "eng": Role.ENGINEERING, "pmc": Role.PRODUCTION}
PASSWORD = {login: f"Rma-{login}-Pass-2026" for login in PEOPLE}
CUSTOMER, MODEL = "华东电气设备有限公司", "DZ47-63 C16"

HBA = """local all all trust
host all postgres 127.0.0.1/32 trust
host all all 127.0.0.1/32 scram-sha-256
"""


@dataclass
class Server:
    cluster: Cluster
    superuser_url: str   # postgres@…/rma
    station_url: str     # …/rma without a login: what a station's settings hold
    dsn: dict[str, Any]


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    cluster = Cluster()
    cluster.start()
    try:
        (cluster.data / "pg_hba.conf").write_text(HBA)
        with open(cluster.data / "postgresql.auto.conf", "a") as f:
            f.write("password_encryption = 'scram-sha-256'\n")
        subprocess.run(_as_pg_user([str(cluster.bindir / "pg_ctl"), "-D", str(cluster.data), "reload"]),
                       check=True, stdout=subprocess.DEVNULL)
        admin = create_engine(cluster.url, isolation_level="AUTOCOMMIT")
        with admin.connect() as c:
            c.exec_driver_sql("CREATE DATABASE rma")
        admin.dispose()
        url = make_url(cluster.url).set(database="rma")
        init_server(url, admin_login_name="admin", admin_name="系统管理员", admin_password=PASSWORD["admin"],
                    company="测试电器有限公司")
        yield Server(cluster, url.render_as_string(hide_password=False),
                     url._replace(username=None).render_as_string(hide_password=False),
                     dict(host="127.0.0.1", port=cluster.port, dbname="rma"))
    finally:
        cluster.stop()


@pytest.fixture(scope="module")
def station(server: Server) -> Iterator[dict[str, ServerSession]]:
    """Each person logged in as themselves; the administrator made their logins at the window."""
    admin = connect_as(server.station_url, "admin", PASSWORD["admin"], "test/admin")
    with unit_of_work(admin.factory) as s:
        for login, role in PEOPLE.items():
            if login != "admin":
                user_admin.add_user(s, admin.actor, login, f"{login} 名", PASSWORD[login], [role.value])
        masterdata.create(s, admin.actor, "customer", {"name": CUSTOMER})
        masterdata.create(s, admin.actor, "product", {"model": MODEL, "unit": "件", "unit_price": "12.50",
                                                       "warranty_months": "12"})
    people = {"admin": admin} | {login: connect_as(server.station_url, login, PASSWORD[login], f"test/{login}")
                                 for login in PEOPLE if login != "admin"}
    yield people
    for p in people.values():
        p.engine.dispose()


def direct(server: Server, login: str, sql: str, params: tuple[Any, ...] = ()) -> None:
    """`sql` run by `login`'s own database role, as with psql and their own password."""
    with psycopg.connect(**server.dsn, user=login, password=PASSWORD[login], application_name="psql") as conn:
        conn.execute(sql, params)


def refused_directly(server: Server, login: str, sql: str, params: tuple[Any, ...] = ()) -> str:
    """The SQLSTATE the server refuses `sql` by `login` with (fails the test if it runs)."""
    try:
        direct(server, login, sql, params)
    except psycopg.Error as exc:
        return exc.sqlstate or ""
    pytest.fail(f"{login} ran: {sql}")


# ------------------------------------------------------------------ the returns, step by step


def _draft() -> ReturnDraft:
    return ReturnDraft(customer=CUSTOMER, arrival_method="logistics", received_on=date(2026, 3, 5),
                       lines=[LineDraft(model=MODEL, qty_counted=20, lot_no="L2601")])


def _pw(actor: Any) -> str:
    """The signer's own password: the signed steps (确认 批准 判定 放行) are e-signatures,
    and the server refuses them unsigned."""
    return PASSWORD.get(actor.login, "")


def _run(p: ServerSession, work: Callable[[Any, Any], Any]) -> Any:
    with unit_of_work(p.factory) as s:
        return work(s, p.actor)


STAGES = ("received", "confirmed", "approved", "inspected", "decided", "planned", "reworked", "reinspected")


def stage(st: dict[str, ServerSession], upto: str) -> tuple[int, int]:
    """A return brought to `upto` by the people whose steps they are, each logged in as themselves."""
    rid = _run(st["wh"], lambda s, a: returns.receive_return(s, a, _draft()).id)
    with st["wh"].factory() as s:
        lid = returns.get_return(s, rid).lines[0].id
    steps: dict[str, tuple[str, Callable[[Any, Any], Any]]] = {
        "confirmed": ("sales", lambda s, a: returns.confirm_by_sales(s, a, rid, "按质保处理", password=_pw(a))),
        "approved": ("mgr", lambda s, a: returns.approve(s, a, rid, "同意", password=_pw(a))),
        "inspected": ("qa", lambda s, a: inspection.record_inspection(
            s, a, lid, findings="触点烧蚀", defect_category_id=None, preliminary_opinion="制造不良")),
        "decided": ("eng", lambda s, a: inspection.decide(
            s, a, lid, final_cause="触点材料不良", liability_code=3, disposition="repair_reship", refund_ratio="0",
            password=_pw(a))),
        "planned": ("pmc", lambda s, a: rework.plan_rework(s, a, lid, planned_on=date.today())),
        "reworked": ("pmc", lambda s, a: rework.finish_rework(s, a, lid)),
        "reinspected": ("qa", lambda s, a: rework.record_reinspection(s, a, lid, qualified=20, unqualified=0,
                                                                      scrapped=0, password=_pw(a))),
    }
    for name in STAGES[1:STAGES.index(upto) + 1]:
        who, work = steps[name]
        _run(st[who], work)
    return rid, lid


@dataclass(frozen=True)
class MatrixStep:
    name: str
    at: str | None                     # the stage the record must be in (None: nothing needed)
    roles: frozenset[Role]             # whose step it is (the administrator takes every step)
    service: Callable[[Any, Any, int, int], Any]
    sql: tuple[str, ...]               # the same change as SQL; {rid} {lid} filled in
    #: roles for which the same SQL is another step of theirs (QA imports legacy logs)
    sql_too: frozenset[Role] = frozenset()


def _supplier(s: Any, a: Any, _rid: int, _lid: int) -> Any:
    return masterdata.create(s, a, "supplier", {"code": f"S-{a.login}", "name": f"供方 {a.login}"})


MATRIX: tuple[MatrixStep, ...] = (
    MatrixStep("register", None, frozenset({Role.WAREHOUSE}),
               lambda s, a, _r, _l: returns.receive_return(s, a, _draft()),
               ("INSERT INTO rma_return (rma_no, customer_id, arrival_method, received_on, status) "
                "VALUES ('RMA-2026-999999', 1, 'logistics', '2026-03-05', 'received')",), frozenset({Role.QA})),
    MatrixStep("confirm", "received", frozenset({Role.SALES}),
               lambda s, a, r, _l: returns.confirm_by_sales(s, a, r, "按质保处理", password=_pw(a)),
               ("UPDATE rma_return SET status = 'confirmed' WHERE id = {rid}",
                "UPDATE rma_return SET sales_requirements = 'x' WHERE id = {rid}")),
    MatrixStep("approve", "confirmed", frozenset({Role.MANAGER}),
               lambda s, a, r, _l: returns.approve(s, a, r, "同意", password=_pw(a)),
               ("UPDATE rma_return SET status = 'approved' WHERE id = {rid}",
                "UPDATE rma_return SET approval_note = 'x' WHERE id = {rid}")),
    MatrixStep("inspect", "approved", frozenset({Role.QA}),
               lambda s, a, _r, lid: inspection.record_inspection(
                   s, a, lid, findings="触点烧蚀", defect_category_id=None, preliminary_opinion=""),
               ("UPDATE return_line SET status = 'decision' WHERE id = {lid}",
                "UPDATE return_line SET findings = 'x' WHERE id = {lid}")),
    MatrixStep("decide", "inspected", frozenset({Role.ENGINEERING}),
               lambda s, a, _r, lid: inspection.decide(
                   s, a, lid, final_cause="材料不良", liability_code=3, disposition="scrap", refund_ratio="0",
                   password=_pw(a)),
               ("UPDATE return_line SET status = 'done' WHERE id = {lid}",
                "UPDATE return_line SET liability_code = 3 WHERE id = {lid}")),
    MatrixStep("plan rework", "decided", frozenset({Role.PRODUCTION}),
               lambda s, a, _r, lid: rework.plan_rework(s, a, lid, planned_on=date.today()),
               ("UPDATE return_line SET rework_planned_on = current_date WHERE id = {lid}",)),
    MatrixStep("finish rework", "planned", frozenset({Role.PRODUCTION}),
               lambda s, a, _r, lid: rework.finish_rework(s, a, lid),
               ("UPDATE return_line SET status = 'reinspection' WHERE id = {lid}",)),
    MatrixStep("re-inspect", "reworked", frozenset({Role.QA}),
               lambda s, a, _r, lid: rework.record_reinspection(s, a, lid, qualified=20, unqualified=0, scrapped=0,
                                                                password=_pw(a)),
               ("UPDATE return_line SET status = 'done' WHERE id = {lid}",
                "UPDATE return_line SET qty_qualified = 20, status = 'done' WHERE id = {lid}")),
    MatrixStep("close", "reinspected", frozenset({Role.QA}),
               lambda s, a, r, _l: returns.close_return(s, a, r),
               ("UPDATE rma_return SET status = 'closed' WHERE id = {rid}",)),
    MatrixStep("cancel", "received", frozenset({Role.WAREHOUSE, Role.SALES, Role.MANAGER}),
               lambda s, a, r, _l: returns.cancel_return(s, a, r, "客户撤回"),
               ("UPDATE rma_return SET status = 'cancelled' WHERE id = {rid}",)),
    MatrixStep("add supplier", None, frozenset({Role.MANAGER}), _supplier,
               ("INSERT INTO supplier (code, name, contact, phone, active, version) "
                "VALUES ('S-X', 'x', '', '', true, 1)",)),
    MatrixStep("change a product", None, frozenset({Role.MANAGER}),
               lambda s, a, _r, _l: masterdata.update(s, a, "product", 1, {"unit_price": "13.00"},
                                                                 expected_version=None),
               ("UPDATE product SET unit_price = 1 WHERE id = 1",)),
    MatrixStep("shared settings", None, frozenset({Role.MANAGER}),
               lambda s, a, _r, _l: settings.save_shared(s, a, {"labour_rate": "40.00"}),
               ("UPDATE setting SET value = 'x' WHERE key = 'labour_rate'",)),
    MatrixStep("add a user", None, frozenset({Role.MANAGER}),
               lambda s, a, _r, _l: user_admin.add_user(s, a, f"new{a.login}", "新人", "Neu-Pass-2026x", ["qa"]),
               ("INSERT INTO app_user (login, name, department, password_hash, active, must_change_password, "
                "failed_logins) VALUES ('x', 'x', '', '', true, false, 0)",
                "INSERT INTO user_role (user_id, role) SELECT id, 'admin' FROM app_user WHERE login = session_user")),
)


def _allowed(step: MatrixStep, role: Role) -> bool:
    return role is Role.ADMIN or role in step.roles


@pytest.mark.parametrize("step", MATRIX, ids=lambda m: m.name)
def test_access_matrix(server: Server, station: dict[str, ServerSession], step: MatrixStep) -> None:
    """Each role × each step: done at the window where it is the role's step, refused there
    where not, and refused by the server when the role's own login runs the SQL itself."""
    for login, role in PEOPLE.items():
        rid, lid = stage(station, step.at) if step.at else (0, 0)
        person = station[login]
        if _allowed(step, role):
            _run(person, lambda s, a: step.service(s, a, rid, lid))  # noqa: B023
            continue
        with pytest.raises(WorkflowError) as refused:
            _run(person, lambda s, a: step.service(s, a, rid, lid))  # noqa: B023
        assert refused.value.key == "wrong_role", (step.name, login)
        for sql in step.sql if role not in step.sql_too else ():
            state = refused_directly(server, login, sql.format(rid=rid, lid=lid))
            # no grant (42501), or a column the role's grant holds for a correction in other
            # states, refused by the guard of columns by state (RM002)
            assert state in ("42501", "RM002"), (step.name, login, sql, state)


def test_the_server_refuses_a_state_change_out_of_order(server: Server, station: dict[str, ServerSession]) -> None:
    rid, lid = stage(station, "received")
    # QA's own step, but the line has not been approved: not a step of the workflow
    assert refused_directly(server, "qa", f"UPDATE return_line SET status = 'decision' WHERE id = {lid}") == "RM001"
    assert refused_directly(server, "sales", f"UPDATE rma_return SET status = 'closed' WHERE id = {rid}") == "RM001"
    # through the services' own SQL the refusal reads as the window's message
    with pytest.raises(WorkflowError) as refused, unit_of_work(station["qa"].factory) as s:
        s.execute(text("UPDATE return_line SET status = 'decision' WHERE id = :lid"), {"lid": lid})
    assert refused.value.key == "server_wrong_state"
    with pytest.raises(WorkflowError) as refused, unit_of_work(station["sales"].factory) as s:
        s.execute(text("UPDATE return_line SET findings = 'x' WHERE id = :lid"), {"lid": lid})
    assert refused.value.key == "server_no_permission"


def test_a_direct_change_is_audited_under_the_users_name_and_the_servers_time(
        server: Server, station: dict[str, ServerSession]) -> None:
    _rid, lid = stage(station, "approved")
    with psycopg.connect(**server.dsn, user="qa", password=PASSWORD["qa"], application_name="psql-desk") as conn:
        before = conn.execute("SELECT clock_timestamp() AT TIME ZONE 'UTC'").fetchone()[0]
        conn.execute("UPDATE return_line SET findings = 'changed with psql' WHERE id = %s", (lid,))
        # a forged row: someone else, a month ago
        conn.execute("INSERT INTO audit_log (at, user_login, station, entity, entity_id, action, field) "
                     "VALUES (now() - interval '30 days', 'mgr', 'forged', 'line', %s, 'update', 'x')", (lid,))
        conn.commit()
        after = conn.execute("SELECT clock_timestamp() AT TIME ZONE 'UTC'").fetchone()[0]
    with station["admin"].factory() as s:
        rows = list(s.scalars(select(AuditLog).where(AuditLog.entity == "line", AuditLog.entity_id == lid,
                                                     AuditLog.field.in_(("findings", "x")))
                              .order_by(AuditLog.id)))
    change = [r for r in rows if r.field == "findings" and r.new_value == "changed with psql"]
    assert len(change) == 1
    assert (change[0].user_login, change[0].station, change[0].old_value) == ("qa", "psql-desk", "")
    assert before <= change[0].at.replace(tzinfo=None) <= after
    forged = [r for r in rows if r.field == "x"]
    assert [(r.user_login, r.station) for r in forged] == [("qa", "psql-desk")]
    assert before <= forged[0].at.replace(tzinfo=None) <= after
    # the window's own changes: the same trail, under the person's login and station
    with station["admin"].factory() as s:
        inspected = s.scalar(select(AuditLog).where(AuditLog.entity == "line", AuditLog.entity_id == lid,
                                                    AuditLog.field == "status", AuditLog.new_value == "inspection"))
    assert inspected is not None and (inspected.user_login, inspected.station) == ("mgr", "test/mgr")


PROTECTED = [t for t in ("audit_log", "signature") if t in Base.metadata.tables]


@pytest.mark.parametrize("login", list(PEOPLE))
def test_no_role_can_rewrite_the_trail_or_grant_itself_a_role(server: Server, station: dict[str, ServerSession],
                                                              login: str) -> None:
    # a trigger each table has (IF EXISTS on one it lacks drops nothing and is no refusal)
    guard = {"audit_log": "rma_audit_stamp", "signature": "signature_no_update"}
    for table in PROTECTED:
        for sql in (f"ALTER TABLE {table} DISABLE TRIGGER ALL", f"ALTER TABLE {table} DISABLE TRIGGER USER",
                    f"DROP TRIGGER IF EXISTS {guard[table]} ON {table}", f"DELETE FROM {table}",
                    f"UPDATE {table} SET id = id", f"TRUNCATE {table}", f"ALTER TABLE {table} ADD COLUMN x int",
                    f"DROP TABLE {table}"):
            assert refused_directly(server, login, sql) == "42501", (login, sql)
    for sql in ("ALTER TABLE return_line DISABLE TRIGGER ALL", "DROP TRIGGER rma_guard_return_line ON return_line",
                "ALTER TABLE rma_return ADD COLUMN x int", "CREATE TABLE mine (id int)",
                f"GRANT rma_admin TO {login}", f"GRANT {OWNER} TO {login}", f"SET ROLE {OWNER}",
                f"ALTER ROLE {login} CREATEROLE", f"ALTER ROLE {login} SUPERUSER", "SET session_replication_role = replica",
                *(() if login in ("admin", "mgr") else ("SELECT rma_admin_login('qa', NULL, ARRAY['rma_admin'], NULL)",))):
        state = refused_directly(server, login, sql)
        assert state == "42501", (login, sql, state)


def test_logins_are_the_servers(server: Server, station: dict[str, ServerSession]) -> None:
    with pytest.raises(StationError) as refused:
        connect_as(server.station_url, "qa", "not the password", "test")
    assert refused.value.key == "login_failed"
    with pytest.raises(StationError):
        connect_as(server.station_url, "nobody", "Whatever-2026", "test")
    # the actor is who the server says, with the roles of the server's group roles
    qa = station["qa"].actor
    assert (qa.login, qa.roles) == ("qa", frozenset({"qa"}))
    with station["admin"].factory() as s:
        hashes = set(s.scalars(select(User.password_hash)))
    assert hashes == {SERVER_PASSWORD}  # no password, no hash of one, in the database's tables


def test_the_administrator_keeps_real_logins(server: Server, station: dict[str, ServerSession]) -> None:
    admin = station["admin"]
    _run(admin, lambda s, a: user_admin.add_user(s, a, "li", "李四", "Li-Pass-2026x", ["qa"]))
    li = connect_as(server.station_url, "li", "Li-Pass-2026x", "test")
    assert li.actor.roles == frozenset({"qa"})
    li.engine.dispose()
    with admin.factory() as s:
        li_id = s.scalar(select(User.id).where(User.login == "li"))
    _run(admin, lambda s, a: user_admin.update_user(s, a, li_id, name="李四", department="", roles=["engineering"],
                                                     active=True))
    li = connect_as(server.station_url, "li", "Li-Pass-2026x", "test")
    assert li.actor.roles == frozenset({"engineering"})
    li.engine.dispose()
    from app.services import users

    _run(admin, lambda s, a: users.reset_password(s, a, li_id, "Li-New-Pass-2026"))
    with pytest.raises(StationError):
        connect_as(server.station_url, "li", "Li-Pass-2026x", "test")
    li = connect_as(server.station_url, "li", "Li-New-Pass-2026", "test")
    # the user chooses their own password: the server checks the old one
    _run(li, lambda s, a: users.change_password(s, a, "Li-New-Pass-2026", "Li-Own-Pass-2026"))
    with li.factory() as s:  # the pool's new connections log in with the new password
        li.engine.dispose()
        assert s.scalar(text("SELECT session_user")) == "li"
    li.engine.dispose()
    _run(admin, lambda s, a: user_admin.set_user_active(s, a, li_id, False))
    with pytest.raises(StationError):
        connect_as(server.station_url, "li", "Li-Own-Pass-2026", "test")
    # a failed administration leaves neither the row nor the login behind
    with pytest.raises(StationError):
        _run(admin, lambda s, a: user_admin.add_user(s, a, "zhao", "", "Zhao-Pass-2026x", ["qa"]))
    with pytest.raises(StationError):
        connect_as(server.station_url, "zhao", "Zhao-Pass-2026x", "test")


def test_the_manager_cannot_make_an_administrator(server: Server, station: dict[str, ServerSession]) -> None:
    # the QA lead keeps the users (their rows), never the administrator role
    assert refused_directly(server, "mgr", "INSERT INTO user_role (user_id, role) "
                                           "SELECT id, 'admin' FROM app_user WHERE login = session_user") == "42501"
    assert refused_directly(server, "mgr", "UPDATE user_role SET role = 'admin' WHERE user_id = "
                                           "(SELECT id FROM app_user WHERE login = 'qa')") == "42501"
    with pytest.raises(StationError):
        _run(station["mgr"], lambda s, a: user_admin.add_user(s, a, "boss", "老板", "Boss-Pass-2026x", ["admin"]))
    assert refused_directly(server, "mgr", "SELECT rma_admin_login('mgrx', NULL, ARRAY['rma_admin'], true)") == "42501"
    assert refused_directly(server, "mgr", "SELECT rma_admin_login('postgres', NULL, ARRAY['rma_qa'], true)") == "42501"
    assert refused_directly(server, "mgr", f"SELECT rma_admin_login('{OWNER}', NULL, NULL, true)") == "42501"


def test_grants_follow_the_one_table_of_steps(server: Server, station: dict[str, ServerSession]) -> None:
    """What the server granted each group is what db.roles.STEPS says, table by table."""
    columns = {t.name: [c.name for c in t.columns] for t in Base.metadata.sorted_tables}
    with create_engine(server.superuser_url).connect() as c:
        for role, group in GROUPS.items():
            expected = privileges(role, columns)
            for table in columns:
                has_insert = c.execute(text("SELECT has_table_privilege(:g, :t, 'INSERT')"),
                                       dict(g=group, t=table)).scalar()
                wants = table in expected and expected[table].insert or table in (
                    "login_event", "action_request", "audit_log", "signature", "signature_void")
                assert has_insert == wants, (group, table)
                for col in columns[table]:
                    has_update = c.execute(text("SELECT has_column_privilege(:g, :t, :c, 'UPDATE')"),
                                           dict(g=group, t=table, c=col)).scalar()
                    assert has_update == (table in expected and col in expected[table].update), (group, table, col)
    # the workflow's steps by their columns by state (app.workflow), the others by table
    assert {s.name for s in STEPS} | {r.step for r in column_rules()} >= {
        "register", "confirm", "approve", "inspect", "decide", "book_rework", "close"}


def test_init_server_is_idempotent(server: Server, station: dict[str, ServerSession], monkeypatch, capsys) -> None:
    from main import main

    monkeypatch.setenv("RMA_NEW_PASSWORD", PASSWORD["admin"])
    monkeypatch.setenv("RMA_LANG", "en")
    assert main(["db", "init-server", server.superuser_url, "--admin", "admin"]) == 0
    assert "groups rma_station, rma_warehouse" in capsys.readouterr().out
    # `db upgrade` as the superuser: the objects stay the owner's, the grants in step
    monkeypatch.setenv("RMA_DATABASE_URL", server.superuser_url)
    assert main(["db", "upgrade"]) == 0
    with create_engine(server.superuser_url).connect() as c:
        owners = set(c.exec_driver_sql("SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'")
                     .scalars())
    assert owners == {OWNER}
    again = connect_as(server.station_url, "admin", PASSWORD["admin"], "test")
    assert again.actor.roles == frozenset({"admin"})
    again.engine.dispose()
    rid, _lid = stage(station, "confirmed")  # the others keep working
    assert rid


def test_the_user_commands_log_in_to_the_server_as_the_person(server: Server, station: dict[str, ServerSession],
                                                               monkeypatch, capsys) -> None:
    from main import main

    monkeypatch.setenv("RMA_DATABASE_URL", server.station_url)
    monkeypatch.setenv("RMA_LANG", "en")
    monkeypatch.setenv("RMA_PASSWORD", "wrong")
    assert main(["user", "add", "wang", "--name", "王五", "--roles", "production", "--password",
                 "Wang-Pass-2026x"]) == 1
    assert "Wrong user name or password" in capsys.readouterr().err
    monkeypatch.setenv("RMA_PASSWORD", PASSWORD["admin"])
    assert main(["user", "add", "wang", "--name", "王五", "--roles", "production", "--password",
                 "Wang-Pass-2026x"]) == 0
    wang = connect_as(server.station_url, "wang", "Wang-Pass-2026x", "test")
    assert wang.actor.roles == frozenset({"production"})
    wang.engine.dispose()
