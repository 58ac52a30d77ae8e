"""On a shared PostgreSQL server the server enforces who may do what (issue 10).

Everyone logs in to the database as themselves. `init_server` (``rma-station db
init-server URL``, run once by a superuser or a CREATEROLE owner) creates:

- the owner role (`OWNER`, NOLOGIN unless given a password): owns the database, the schema,
  every table, sequence and function; migrations run as it (db.migrate sets the role);
- one group role per station role (`GROUPS`), each a member of `BASE` (reads everything
  a bench shows, writes the log-in record and idempotency keys), with exactly the table
  and column privileges of its steps (`STEPS`, the one table of who writes what);
- the first administrator: a LOGIN role with a SCRAM-SHA-256 password, in rma_admin, and
  its app_user row.

`apply_server_objects` (every `db upgrade` on PostgreSQL, migration 0009) keeps the
server's side in step with the models: the audit triggers (`rma_audit_*`, every table of
`AUDITED`: session_user, clock_timestamp(), application_name, table, row, field, old, new,
written by a SECURITY DEFINER function of the owner), the workflow guards (`rma_guard_*`:
a status change out of order is refused with SQLSTATE RM001, by a role whose step it is
not with 42501; a column that no step of the user's roles writes in the record's present
state with RM002 (`column_rules`, generated from app.workflow plus the corrections and
reopen beside the grants); a confirmation, approval, decision or release without its
e-signature row, by the same login in the same transaction, with RM003 at commit), the
stamp on audit_log (a station login cannot forge who or when), the
user-administration functions (roles are created by the owner, never by a station
login: no CREATEROLE for anyone who logs in) and, when the group roles exist, the grants,
generated from the metadata so that new tables and columns are covered.

A database that has not been through init-server (a single-owner development set-up, the
test suite's) has the same triggers: a session whose user is in no group role is not a
station login, so the guards let it pass (the application checks) and the audit rows take
the application's login and station from the transaction settings rma.login / rma.station.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, text

from app.codes import Role

OWNER = "rma_owner"
BASE = "rma_station"
GROUPS: dict[Role, str] = {
    Role.WAREHOUSE: "rma_warehouse",
    Role.SALES: "rma_sales",
    Role.MANAGER: "rma_manager",
    Role.QA: "rma_qa",
    Role.ENGINEERING: "rma_engineering",
    Role.PRODUCTION: "rma_production",
    Role.ADMIN: "rma_admin",
}
ROLE_OF_GROUP: dict[str, Role] = {g: r for r, g in GROUPS.items()}

#: SQLSTATEs the server's refusals carry (db.engine maps them to the window's messages)
STATE_REFUSED = "RM001"   # a state change out of the workflow's order
ROLE_REFUSED = "42501"    # insufficient_privilege: not this role's step (also a missing grant)
COLUMN_REFUSED = "RM002"  # a column no step of the user's roles writes in the record's present state
SIGNATURE_REQUIRED = "RM003"  # an e-signed step without its signature in the same transaction

#: columns every write of a Tracked row touches (optimistic lock, who/when last changed), and
#: the line's derived keys (month and queue order: app.services.line_keys, kept by the flush
#: hook on every write that moves what they derive from)
BOOKKEEPING = ("version", "updated_at", "updated_by", "stat_month", "priority_key")
ALL = ("*",)


# ------------------------------------------------------------------ who writes what


@dataclass(frozen=True)
class Write:
    """What one step writes to one table: INSERT, UPDATE of columns (ALL = every one), DELETE."""

    table: str
    insert: bool = False
    update: tuple[str, ...] = ()
    delete: bool = False


@dataclass(frozen=True)
class Step:
    """One step of the station (a service's role prologue) and what it writes."""

    name: str
    roles: tuple[Role, ...]
    writes: tuple[Write, ...]


_RECEIPT_HEAD = ("customer_id", "arrival_method", "order_no", "delivery_no", "invoice_no", "received_on",
                 "received_by_id", "storage_location", "urgency", "notes", "status")
_RECEIPT_LINE = ("line_no", "product_id", "lot_no", "manufacture_date", "qty_announced", "qty_counted",
                 "unit", "unit_price", "amount", "customer_reason", "is_our_product", "condition", "status",
                 "due_on", "refund_amount", "loss_cost", "scrapped_value")
_LINE_COSTS = ("refund_amount", "material_cost", "labour_cost", "other_cost", "scrapped_value", "loss_cost")
_INSPECTION = ("findings", "defect_category_id", "preliminary_opinion", "inspected_by_id", "inspected_at",
               "status", "due_on")
_DECISION = ("final_cause", "liability_code", "disposition", "refund_ratio", "serious", "decided_by_id",
             "decided_at", "status", "due_on", "rework_qty", "qty_scrapped", *_LINE_COSTS)
_REWORK = ("rework_planned_on", "rework_planned_by_id", "rework_qty", "rework_done_at", "status", "due_on",
           *_LINE_COSTS)
_REINSPECTION = ("qty_qualified", "qty_unqualified", "qty_scrapped", "reinspected_by_id", "reinspected_at",
                 "status", "due_on", *_LINE_COSTS)
_CANCEL_HEAD = ("status", "cancel_reason", "cancelled_by_id", "cancelled_at")
_EIGHTD = (Write("corrective_action", insert=True, update=ALL),
           Write("corrective_action_item", insert=True, update=ALL), Write("rma_counter", insert=True,
                                                                            update=("last_value",)))
_MASTER = tuple(Write(t, insert=True, update=ALL)
                for t in ("customer", "product", "supplier", "defect_category", "storage_location"))

#: what each step writes apart from the columns of existing returns, lines and rework
#: bookings: those follow the record's state (`column_rules`), and the grants take them from there
STEPS: tuple[Step, ...] = (
    Step("register", (Role.WAREHOUSE,), (
        Write("rma_return", insert=True), Write("return_line", insert=True),
        Write("rma_counter", insert=True, update=("last_value",)))),
    Step("quick_add", (Role.WAREHOUSE, Role.MANAGER), (Write("customer", insert=True),
                                                      Write("product", insert=True))),
    Step("amend_receipt", (Role.WAREHOUSE,), (Write("return_line", insert=True), Write("correction", insert=True))),
    Step("acknowledge_liaison", (Role.SALES,), (
        Write("liaison_note", update=("acknowledged_by_id", "acknowledged_at", "reply")),)),
    Step("reopen", (Role.MANAGER,), (Write("correction", insert=True),)),
    Step("inspect", (Role.QA,), (Write("correction", insert=True),)),
    Step("decide", (Role.ENGINEERING,), (Write("liaison_note", insert=True), Write("correction", insert=True))),
    Step("liaison", (Role.QA, Role.ENGINEERING), (Write("liaison_note", insert=True),)),
    Step("eightd", (Role.QA, Role.ENGINEERING), _EIGHTD),
    Step("rework", (Role.PRODUCTION,), (
        Write("rework_material", insert=True, delete=True), Write("rework_labour", insert=True, delete=True),
        Write("correction", insert=True))),
    Step("import", (Role.QA, Role.WAREHOUSE), (
        Write("rma_return", insert=True), Write("return_line", insert=True),
        Write("customer", insert=True), Write("product", insert=True), Write("import_batch", insert=True),
        Write("rma_counter", insert=True, update=("last_value",)))),
    # follow-up: photos and files (any station; removal recorded, never deleted), supplier
    # claims, warranty at receipt, replacement shipments — as their services' role checks
    Step("attachments", (Role.WAREHOUSE, Role.SALES, Role.MANAGER, Role.QA, Role.ENGINEERING, Role.PRODUCTION), (
        Write("attachment", insert=True, update=("removed_by_id", "removed_at", "removed_reason")),)),
    Step("claims", (Role.QA, Role.ENGINEERING, Role.MANAGER), (
        Write("supplier_claim", insert=True, update=ALL), Write("supplier_claim_line", insert=True, delete=True),
        Write("claim_counter", insert=True, update=("last_value",)))),
    Step("warranty", (Role.WAREHOUSE, Role.SALES), (Write("line_warranty", insert=True, update=ALL),)),
    Step("replacements", (Role.SALES, Role.WAREHOUSE), (Write("replacement_shipment", insert=True),)),
    Step("master_data", (Role.ADMIN, Role.MANAGER), (*_MASTER, Write("setting", insert=True, update=ALL))),
    Step("users", (Role.ADMIN, Role.MANAGER), (
        Write("app_user", insert=True, update=("name", "department", "active", "must_change_password",
                                               "failed_logins", "locked_until", "password_changed_at",
                                               "password_hash")),
        Write("user_role", insert=True, delete=True))),
)

#: what every station login may do whatever its role: read, record its log-in, keep the
#: idempotency key of each action, add the application's own action rows to the trail
#: (the server stamps who and when on them)
BASE_WRITES: tuple[Write, ...] = (Write("login_event", insert=True), Write("action_request", insert=True),
                                  Write("audit_log", insert=True),
                                  # e-signatures: each step's signer adds theirs, and a change that
                                  # voids one records it; append-only by those tables' own triggers
                                  Write("signature", insert=True), Write("signature_void", insert=True))


@dataclass(frozen=True)
class Transition:
    """A status change of a return or a line and the roles whose step it is ("" = inserted)."""

    table: str
    before: tuple[str, ...]
    after: tuple[str, ...]
    roles: tuple[Role, ...]


_TABLE_OF_RECORD = {"return": "rma_return", "line": "return_line"}


def workflow_transitions(steps: Mapping[str, Any] | None = None) -> tuple[Transition, ...]:
    """The status changes app.workflow declares: each step's from-states (none: the record is
    inserted) to its to-states, by its roles."""
    from app import workflow

    out = []
    for s in (workflow.STEPS if steps is None else steps).values():
        if s.to_states:
            out.append(Transition(_TABLE_OF_RECORD[s.record], tuple(sorted(s.from_states)) or ("",),
                                  tuple(sorted(s.to_states)), tuple(s.roles)))
    return tuple(out)


_OPEN_LINE = ("received", "inspection", "decision", "rework", "reinspection")
#: the status changes app.workflow does not declare: what a return's step does to its lines,
#: the legacy import, the corrections' amend windows and the manager's reopen
EXTRA_TRANSITIONS: tuple[Transition, ...] = (
    Transition("rma_return", ("",), ("received", "confirmed", "approved", "closed", "cancelled"),
               (Role.QA, Role.WAREHOUSE)),  # a legacy log's rows come in as they stood
    # an amended receipt whose counts or money changed goes back to sales (corrections)
    Transition("rma_return", ("confirmed", "approved"), ("received",), (Role.WAREHOUSE,)),
    Transition("rma_return", ("closed",), ("approved",), (Role.MANAGER,)),  # reopen
    Transition("return_line", ("",), ("received",), (Role.WAREHOUSE,)),
    Transition("return_line", ("",), (*_OPEN_LINE, "done", "cancelled"), (Role.QA, Role.WAREHOUSE)),
    Transition("return_line", ("received",), ("inspection",), (Role.MANAGER,)),  # approve: to QA
    Transition("return_line", _OPEN_LINE, ("cancelled",), (Role.WAREHOUSE, Role.SALES, Role.MANAGER)),
    Transition("return_line", ("inspection", "decision"), ("received",), (Role.WAREHOUSE,)),
    # an amended inspection of a decided line sends it back to the decision
    Transition("return_line", ("inspection", "decision", "rework", "done"), ("decision",), (Role.QA,)),
    # an amended decision re-applies the decision's rules
    Transition("return_line", ("decision", "rework", "done"), ("decision", "rework", "done"),
               (Role.ENGINEERING,)),
    Transition("return_line", ("reinspection",), ("rework",), (Role.PRODUCTION,)),  # amended rework
    # reopen: a re-inspected line back to re-inspection, a decided one back to the decision
    Transition("return_line", ("done",), ("reinspection",), (Role.MANAGER,)),
    Transition("return_line", ("rework", "reinspection", "done"), ("decision",), (Role.MANAGER,)),
)
TRANSITIONS: tuple[Transition, ...] = workflow_transitions() + EXTRA_TRANSITIONS
GUARDED_TABLES = ("rma_return", "return_line")


# ------------------------------------------------------------------ columns by state


@dataclass(frozen=True)
class ColumnRule:
    """Columns of existing rows of `table` that a step of `roles` may change while the row is
    in one of `states` (its status before the change) and its parent in one of
    `parent_states` (a line's return; a rework booking's line), None = whatever state, or
    the parent in one of `parent_after` when this transaction moved it there (a return's
    step writes the return first, then its lines) — and the row itself in one of `after`
    when this transaction moved it there (a step's later flush); while the row's `while_unset` columns
    are still empty; with `clears`, only to empty them (NULL, '' or false: a correction that
    takes a later step back)."""

    step: str
    roles: tuple[Role, ...]
    table: str
    columns: tuple[str, ...]
    states: frozenset[str] | None = None
    parent_states: frozenset[str] | None = None
    while_unset: tuple[str, ...] = ()
    clears: bool = False
    parent_after: frozenset[str] | None = None
    after: frozenset[str] | None = None


#: the tables whose rows' states decide what may change (rework bookings: their line's state)
STATE_TABLES = ("rma_return", "return_line", "rework_material", "rework_labour")
PARENT: dict[str, tuple[str, str]] = {"return_line": ("rma_return", "return_id"),
                                      "rework_material": ("return_line", "line_id"),
                                      "rework_labour": ("return_line", "line_id")}
#: what a workflow step's `writes` name that is not a column: its children
_CHILD_WRITES = {"materials": "rework_material", "labour": "rework_labour"}


def workflow_rules(steps: Mapping[str, Any] | None = None) -> tuple[ColumnRule, ...]:
    """The column rules app.workflow declares: a step writes its `writes` on its record while
    the record is in one of its from-states; "line.x" and a line's columns written by a
    return's step go by the return's state, "materials"/"labour" by the line's. A step with
    no from-states inserts its record (the INSERT grant, not a rule)."""
    from app import workflow

    columns = metadata_columns()
    out: list[ColumnRule] = []
    for s in (workflow.STEPS if steps is None else steps).values():
        if not s.from_states:
            continue
        own = _TABLE_OF_RECORD[s.record]
        grouped: dict[tuple[str, bool], list[str]] = {}
        for name in s.writes:
            if name.startswith("line."):
                table, col, by_parent = "return_line", name.removeprefix("line."), True
            elif name in _CHILD_WRITES:
                table, col, by_parent = _CHILD_WRITES[name], "*", True
            elif name in columns.get(own, ()):
                table, col, by_parent = own, name, False
            elif own == "rma_return" and name in columns.get("return_line", ()):
                table, col, by_parent = "return_line", name, True  # a return's step on its lines' counts
            else:
                raise ValueError(f"workflow step {s.key!r} writes {name!r}: no column of {own} or its lines")
            grouped.setdefault((table, by_parent), []).append(col)
        for (table, by_parent), cols in grouped.items():
            out.append(ColumnRule(s.key, tuple(s.roles), table, ALL if "*" in cols else tuple(cols),
                                  parent_states=s.from_states if by_parent else None,
                                  parent_after=(s.to_states or None) if by_parent else None,
                                  after=None if by_parent else (s.to_states or None),
                                  states=None if by_parent else s.from_states))
    return tuple(out)


def _in(*states: str) -> frozenset[str]:
    return frozenset(states)


_W, _S, _M, _QA, _E, _P = (Role.WAREHOUSE, Role.SALES, Role.MANAGER, Role.QA, Role.ENGINEERING,
                           Role.PRODUCTION)
_OPEN_RETURN = _in("received", "confirmed", "approved")
_NOT_AFTER_REWORK = ("rework_planned_on", "reinspected_at")  # corrections: amend until rework is planned
_UNDECIDE = ("final_cause", "liability_code", "disposition", "refund_ratio", "serious", "decided_by_id",
             "decided_at", "rework_qty", "qty_scrapped")
#: what app.workflow does not declare, kept here beside the grants: the costs each step
#: recomputes (app.services.costs), due dates, the corrections (app.services.corrections:
#: the desk amends until inspected, inspection and decision until rework is planned, rework
#: bookings until re-inspection) and the manager's reopen
EXTRA_RULES: tuple[ColumnRule, ...] = (
    ColumnRule("register", (_W,), "return_line", ("refund_amount", "loss_cost", "scrapped_value"),
               parent_states=_in("received")),
    ColumnRule("amend_receipt", (_W,), "rma_return", _RECEIPT_HEAD, states=_OPEN_RETURN),
    ColumnRule("amend_receipt", (_W,), "rma_return", ("sales_requirements", "sales_confirmed_by_id",
                                                       "sales_confirmed_at", "approval_note", "approved_by_id",
                                                       "approved_at"),
               states=_in("confirmed", "approved"), clears=True),  # back to sales: confirmed again
    ColumnRule("amend_receipt", (_W,), "return_line", _RECEIPT_LINE, states=_in("received", "inspection"),
               parent_states=_OPEN_RETURN),
    ColumnRule("cancel", (_W, _S, _M), "rma_return", _CANCEL_HEAD, states=_OPEN_RETURN, after=_in("cancelled")),
    ColumnRule("cancel", (_W, _S, _M), "return_line", ("status", "due_on"), parent_states=_OPEN_RETURN,
               parent_after=_in("cancelled")),
    ColumnRule("inspect", (_QA,), "return_line", _INSPECTION, states=_in("inspection", "decision"),
               after=_in("decision")),
    ColumnRule("amend_inspection", (_QA,), "return_line", _INSPECTION, states=_in("decision", "rework", "done"),
               while_unset=_NOT_AFTER_REWORK),
    ColumnRule("amend_inspection", (_QA,), "return_line", _UNDECIDE, states=_in("decision", "rework", "done"),
               while_unset=_NOT_AFTER_REWORK, clears=True),
    ColumnRule("amend_inspection", (_QA,), "return_line", ("due_on", *_LINE_COSTS),
               states=_in("rework", "done"), while_unset=_NOT_AFTER_REWORK),
    ColumnRule("decide", (_E,), "return_line", _DECISION, states=_in("decision"), after=_in("rework", "done")),
    ColumnRule("amend_decision", (_E,), "return_line", _DECISION, states=_in("rework", "done"),
               while_unset=_NOT_AFTER_REWORK, after=_in("decision", "rework", "done")),
    ColumnRule("rework", (_P,), "return_line", _REWORK, states=_in("rework")),
    # an amended rework of a finished one goes back to rework with what it corrects
    ColumnRule("amend_rework", (_P,), "return_line", _REWORK, states=_in("reinspection"), after=_in("rework")),
    ColumnRule("amend_rework", (_P,), "rework_material", ALL, parent_states=_in("reinspection")),
    ColumnRule("amend_rework", (_P,), "rework_labour", ALL, parent_states=_in("reinspection")),
    ColumnRule("reinspect", (_QA,), "return_line", _REINSPECTION, states=_in("reinspection"), after=_in("done")),
    ColumnRule("reopen", (_M,), "rma_return", ("status",), states=_in("closed")),
    ColumnRule("reopen", (_M,), "rma_return", ("closed_by_id", "closed_at"), states=_in("closed"), clears=True),
    ColumnRule("reopen", (_M,), "return_line", ("status", "due_on", *_LINE_COSTS),
               states=_in("rework", "reinspection", "done"), after=_in("decision", "reinspection")),
    ColumnRule("reopen", (_M,), "return_line", ("qty_qualified", "qty_unqualified", "qty_scrapped",
                                                 "reinspected_by_id", "reinspected_at", *_UNDECIDE,
                                                 "rework_planned_on", "rework_planned_by_id", "rework_done_at"),
               states=_in("rework", "reinspection", "done"), clears=True),
    # an 8D marks its line serious (app.services.inspection.open_corrective_action): QA or
    # engineering open one, as the eightd step says
    ColumnRule("eightd", (_QA, _E), "return_line", ("serious",)),
)


def column_rules() -> tuple[ColumnRule, ...]:
    """Every column rule: app.workflow's, then this module's own (`EXTRA_RULES`)."""
    return workflow_rules() + EXTRA_RULES


def rules_json(rules: Iterable[ColumnRule]) -> dict[str, list[list[Any]]]:
    """The rules as the guard reads them: "table.column" ("table.*": every column) → entries
    [own states | null, parent states | null, groups, while-unset columns, clears,
    parent states after this transaction's change | null, own states after it | null]."""
    out: dict[str, list[list[Any]]] = {}
    for r in rules:
        entry = [sorted(r.states) if r.states is not None else None,
                 sorted(r.parent_states) if r.parent_states is not None else None,
                 sorted({GROUPS[x] for x in r.roles}), list(r.while_unset), r.clears,
                 sorted(r.parent_after) if r.parent_after is not None else None,
                 sorted(r.after) if r.after is not None else None]
        for col in ("*",) if r.columns == ALL else r.columns:
            entries = out.setdefault(f"{r.table}.{col}", [])
            if entry not in entries:
                entries.append(entry)
    return dict(sorted(out.items()))


@dataclass(frozen=True)
class SignedChange:
    """A change of a return or a line that is an e-signature's step (app.services.signatures):
    its status from `before` to `after`, or its `stamp` column set anew."""

    table: str
    step: str   # signature.step
    before: tuple[str, ...]
    after: tuple[str, ...]
    stamp: str


#: the server requires, for each, a valid signature of that step on that record by the same
#: login inserted in the same transaction (a row of the append-only signature table, which
#: the station login cannot forge in another transaction's name: its xmin is the server's)
SIGNED_CHANGES: tuple[SignedChange, ...] = (
    SignedChange("rma_return", "sales_confirm", ("received",), ("confirmed",), "sales_confirmed_at"),
    SignedChange("rma_return", "manager_approve", ("confirmed",), ("approved",), "approved_at"),
    SignedChange("return_line", "decision", ("decision",), ("rework", "done"), "decided_at"),
    SignedChange("return_line", "release", ("reinspection",), ("done",), "reinspected_at"),
)


@dataclass
class TableGrant:
    insert: bool = False
    update: set[str] = field(default_factory=set)
    delete: bool = False


def _steps_of(role: Role) -> list[Step]:
    # the administrator may take every step (app.services.context.Actor.has)
    return [s for s in STEPS if role in s.roles or role is Role.ADMIN]


def privileges(role: Role, columns: dict[str, list[str]]) -> dict[str, TableGrant]:
    """The table → privileges of `role`'s group, from STEPS; `columns` is table → its columns
    (from the metadata), to expand ALL and add the bookkeeping columns of Tracked rows."""
    out: dict[str, TableGrant] = {}
    for step in _steps_of(role):
        for w in step.writes:
            if w.table not in columns:
                continue  # a table of another branch not merged yet
            g = out.setdefault(w.table, TableGrant())
            g.insert |= w.insert
            g.delete |= w.delete
            cols = columns[w.table] if w.update == ALL else list(w.update)
            if cols:
                g.update |= set(cols) | {c for c in BOOKKEEPING if c in columns[w.table]}
    # the columns of existing returns, lines and bookings: granted for every state a rule
    # names, the guard (rma_guard_columns) holds each change to the row's state
    for rule in column_rules():
        if rule.table not in columns or not (role in rule.roles or role is Role.ADMIN):
            continue
        g = out.setdefault(rule.table, TableGrant())
        g.update |= set(columns[rule.table] if rule.columns == ALL else rule.columns)
        g.update |= {c for c in BOOKKEEPING if c in columns[rule.table]}
    return out


def allowed_transitions(role: Role) -> set[tuple[str, str, str]]:
    """(table, before, after) status changes the role's steps make."""
    return {(t.table, b, a) for t in TRANSITIONS if role in t.roles or role is Role.ADMIN
            for b in t.before for a in t.after}


# ------------------------------------------------------------------ audited tables


def audited_tables() -> dict[str, tuple[str, str]]:
    """table → (entity code of the trail, the column the trail files the row under)."""
    from app.services.audit import AUDITED

    out = {}
    for cls, entity in AUDITED.items():
        table = cls.__table__.name  # type: ignore[attr-defined]
        id_col = "user_id" if table == "user_role" else ("id" if "id" in cls.__table__.c else "")  # type: ignore[attr-defined]
        out[table] = (entity, id_col)
    return out


def metadata_columns() -> dict[str, list[str]]:
    from db.models import Base

    return {t.name: [c.name for c in t.columns] for t in Base.metadata.sorted_tables}


# ------------------------------------------------------------------ SQL


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _lit(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _array(values: Iterable[str]) -> str:
    items = ", ".join(_lit(v) for v in values)
    return f"ARRAY[{items}]::text[]" if items else "ARRAY[]::text[]"


# as app.services.audit._SKIP and _MASKED: bookkeeping and derived keys stay out; a hash, and
# an attachment's bytes, are written as "(set)" / "(changed)"
_SKIP = ("version", "updated_at", "updated_by", "created_at", "stat_month", "priority_key")
_MASKED = ("password_hash", "data", "thumb")


def _guard_sql() -> list[str]:
    """The guards of columns by state and of signed steps (issue 10), for station logins."""
    import json

    every = _array(GROUPS.values())
    rules = _lit(json.dumps(rules_json(column_rules()), separators=(",", ":"), sort_keys=True))
    empty = "('null'::jsonb, '\"\"'::jsonb, 'false'::jsonb)"
    parents = " ".join(
        f"WHEN {_lit(t)} THEN (SELECT ARRAY[p.status, (p.xmin = pg_current_xact_id()::xid)::text] "
        f"FROM {_q(pt)} p WHERE p.id = (j ->> {_lit(fk)})::integer)"
        for t, (pt, fk) in PARENT.items())
    signed = " OR ".join(
        f"(TG_TABLE_NAME = {_lit(c.table)} AND ((j_old ->> 'status' = ANY ({_array(c.before)}) "
        f"AND j_new ->> 'status' = ANY ({_array(c.after)})) OR (j_new ->> {_lit(c.stamp)} IS NOT NULL "
        f"AND (j_new -> {_lit(c.stamp)}) IS DISTINCT FROM (j_old -> {_lit(c.stamp)}))) AND step_ = {_lit(c.step)})"
        for c in SIGNED_CHANGES)
    return [
        # generated from app.workflow and EXTRA_RULES; a constant the guard's plan keeps
        f"""CREATE OR REPLACE FUNCTION rma_column_rules() RETURNS jsonb
        LANGUAGE sql IMMUTABLE SET search_path = pg_catalog AS $f$ SELECT {rules}::jsonb $f$""",
        f"""CREATE OR REPLACE FUNCTION rma_guard_columns() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $f$
        DECLARE
          mine text[] := rma_session_groups(); rules jsonb := rma_column_rules();
          j_old jsonb; j_new jsonb; j jsonb; own text; parent text; parent_mine boolean; mine_too boolean := false;
          k text; ok boolean;
          p text[];
        BEGIN
          IF cardinality(mine) = 0 THEN RETURN coalesce(NEW, OLD); END IF;
          -- the administrator takes every step: what any role may change in this state
          IF 'rma_admin' = ANY (mine) THEN mine := {every}; END IF;
          IF TG_OP <> 'INSERT' THEN j_old := to_jsonb(OLD); END IF;
          IF TG_OP <> 'DELETE' THEN j_new := to_jsonb(NEW); END IF;
          j := coalesce(j_old, j_new);
          -- the parent's state, and whether this transaction wrote it (its xmin is ours)
          p := CASE TG_TABLE_NAME {parents} END;
          parent := p[1]; parent_mine := coalesce(p[2]::boolean, false);
          -- a rework booking has no state of its own: its line's is the one it goes by
          own := CASE WHEN j ? 'status' THEN j ->> 'status' ELSE parent END;
          IF TG_OP = 'UPDATE' AND j ? 'status' THEN  -- written before in this transaction (its xmin is ours)
            EXECUTE format('SELECT xmin = pg_current_xact_id()::xid FROM %I WHERE id = $1', TG_TABLE_NAME)
              INTO mine_too USING OLD.id;
          END IF;
          FOR k IN SELECT n.key FROM jsonb_each(coalesce(j_new, j_old)) n
                   WHERE TG_OP <> 'UPDATE' OR (j_old -> n.key) IS DISTINCT FROM n.value LOOP
            CONTINUE WHEN k = ANY ({_array(BOOKKEEPING)});
            IF TG_OP <> 'UPDATE' THEN k := '*'; END IF;  -- a booking added or removed: the table's rule
            SELECT EXISTS (
              SELECT 1 FROM jsonb_array_elements(coalesce(rules -> (TG_TABLE_NAME || '.' || k), '[]'::jsonb)
                                                 || coalesce(rules -> (TG_TABLE_NAME || '.*'), '[]'::jsonb)) e
              WHERE (e -> 2) ?| mine
                AND (jsonb_typeof(e -> 0) = 'null' OR coalesce((e -> 0) ? own, false)
                     OR (mine_too AND coalesce((e -> 6) ? own, false)))
                AND (jsonb_typeof(e -> 1) = 'null' OR coalesce((e -> 1) ? parent, false)
                     OR (parent_mine AND coalesce((e -> 5) ? parent, false)))
                AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(e -> 3) u
                                WHERE jsonb_typeof(coalesce(j -> u, 'null'::jsonb)) <> 'null')
                AND (NOT (e ->> 4)::boolean OR (j_new -> k) IN {empty})) INTO ok;
            IF NOT ok THEN
              RAISE EXCEPTION USING ERRCODE = '{COLUMN_REFUSED}', TABLE = TG_TABLE_NAME,
                COLUMN = CASE WHEN k = '*' THEN '' ELSE k END, DETAIL = coalesce(own, ''),
                MESSAGE = format('%s %s: %s is no step of %s while it is %s', TG_TABLE_NAME, j ->> 'id',
                                 CASE WHEN k = '*' THEN lower(TG_OP) ELSE k END, mine, coalesce(own, 'none'));
            END IF;
            EXIT WHEN TG_OP <> 'UPDATE';
          END LOOP;
          RETURN coalesce(NEW, OLD);
        END $f$""",
        # a signature is its signer's own: a station login signs in no one else's name
        f"""CREATE OR REPLACE FUNCTION rma_guard_signer() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $f$
        BEGIN
          IF cardinality(rma_session_groups()) > 0 AND (NEW.signer_login IS DISTINCT FROM session_user::text
             OR NEW.signer_id IS DISTINCT FROM (SELECT u.id FROM app_user u WHERE u.login = session_user)) THEN
            RAISE EXCEPTION USING ERRCODE = '{ROLE_REFUSED}',
              MESSAGE = format('%s cannot sign as %s', session_user, NEW.signer_login);
          END IF;
          RETURN NEW;
        END $f$""",
        # at commit (a deferred constraint trigger: the services sign after the step's flush)
        f"""CREATE OR REPLACE FUNCTION rma_require_signature() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $f$
        DECLARE
          j_old jsonb := to_jsonb(OLD); j_new jsonb := to_jsonb(NEW); step_ text;
        BEGIN
          IF cardinality(rma_session_groups()) = 0 THEN RETURN NULL; END IF;
          FOREACH step_ IN ARRAY {_array(sorted({c.step for c in SIGNED_CHANGES}))} LOOP
            CONTINUE WHEN NOT ({signed});
            -- the row's xmin is this transaction's: written now, by this login, not voided since
            IF NOT EXISTS (SELECT 1 FROM signature s
                           WHERE s.record_table = TG_TABLE_NAME AND s.record_id = NEW.id AND s.step = step_
                             AND s.signer_login = session_user AND s.xmin = pg_current_xact_id()::xid
                             AND NOT EXISTS (SELECT 1 FROM signature_void v WHERE v.signature_id = s.id)) THEN
              RAISE EXCEPTION USING ERRCODE = '{SIGNATURE_REQUIRED}', TABLE = TG_TABLE_NAME, DETAIL = step_,
                MESSAGE = format('%s %s: %s needs the signer''s e-signature in the same transaction',
                                 TG_TABLE_NAME, NEW.id, step_);
            END IF;
          END LOOP;
          RETURN NULL;
        END $f$""",
    ]


def _functions_sql() -> list[str]:
    groups = _array(GROUPS.values())
    rows = sorted(allowed_by_group())
    values = ", ".join(f"({_lit(t)}, {_lit(b)}, {_lit(a)}, {_lit(g)})" for t, b, a, g in rows)
    return [
        # the station groups the session's own login is in (directly): none = not a station login
        f"""CREATE OR REPLACE FUNCTION rma_session_groups() RETURNS text[]
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $f$
          SELECT coalesce(array_agg(g.rolname::text ORDER BY g.rolname), ARRAY[]::text[])
          FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member
          WHERE u.rolname = session_user AND g.rolname = ANY ({groups}) $f$""",
        """CREATE OR REPLACE FUNCTION rma_audit_text(v jsonb, typ oid) RETURNS text
        LANGUAGE sql IMMUTABLE SET search_path = pg_catalog AS $f$
          SELECT CASE
            WHEN v IS NULL OR jsonb_typeof(v) = 'null' THEN NULL
            WHEN typ = 'boolean'::regtype THEN CASE WHEN v::text = 'true' THEN '1' ELSE '0' END
            WHEN typ = 'timestamp without time zone'::regtype THEN
              regexp_replace(to_char((v #>> '{}')::timestamp, 'YYYY-MM-DD"T"HH24:MI:SS.US'), '\\.000000$', '')
              || '+00:00'
            ELSE v #>> '{}' END $f$""",
        f"""CREATE OR REPLACE FUNCTION rma_audit_row() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $f$
        DECLARE
          who text; place text; ent text := TG_ARGV[0]; id_col text := TG_ARGV[1];
          j_old jsonb; j_new jsonb; eid integer; col record; o text; n text; v text; fld text;
          snap jsonb := '{{}}'::jsonb; at_ timestamp := clock_timestamp() AT TIME ZONE 'UTC';
        BEGIN
          IF cardinality(rma_session_groups()) > 0 THEN
            who := session_user; place := coalesce(current_setting('application_name', true), '');
          ELSE
            -- not a station login (owner, superuser, a single-owner set-up): the application
            -- says who acts; what it writes without a user (db copy, demo fill, migrations)
            -- stays out of the trail, as the application's own trail leaves it out
            IF coalesce(current_setting('rma.login', true), '') = '' THEN RETURN NULL; END IF;
            who := current_setting('rma.login', true);
            place := coalesce(nullif(current_setting('rma.station', true), ''),
                              current_setting('application_name', true), '');
          END IF;
          IF TG_OP <> 'INSERT' THEN j_old := to_jsonb(OLD); END IF;
          IF TG_OP <> 'DELETE' THEN j_new := to_jsonb(NEW); END IF;
          eid := CASE WHEN id_col = '' THEN 0 ELSE coalesce((coalesce(j_new, j_old) ->> id_col)::integer, 0) END;
          FOR col IN SELECT a.attname::text AS name, a.atttypid AS typ FROM pg_attribute a
                     WHERE a.attrelid = TG_RELID AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum LOOP
            CONTINUE WHEN col.name = ANY ({_array(_SKIP)});
            IF TG_OP = 'UPDATE' THEN
              o := rma_audit_text(j_old -> col.name, col.typ);
              n := rma_audit_text(j_new -> col.name, col.typ);
              CONTINUE WHEN o IS NOT DISTINCT FROM n;
              IF col.name = ANY ({_array(_MASKED)}) THEN o := '(changed)'; n := '(changed)'; END IF;
              fld := CASE WHEN TG_TABLE_NAME = 'setting' AND col.name = 'value' THEN j_new ->> 'key'
                          ELSE col.name END;
              INSERT INTO audit_log (at, user_login, station, entity, entity_id, action, field,
                                     old_value, new_value)
              VALUES (at_, who, place, ent, eid, 'update', fld, o, n);
            ELSE
              v := rma_audit_text(coalesce(j_new, j_old) -> col.name, col.typ);
              CONTINUE WHEN TG_OP = 'INSERT' AND v IS NULL;
              IF col.name = ANY ({_array(_MASKED)}) THEN v := '(set)'; END IF;
              snap := snap || jsonb_build_object(col.name, v);
            END IF;
          END LOOP;
          IF TG_OP <> 'UPDATE' THEN
            INSERT INTO audit_log (at, user_login, station, entity, entity_id, action, field, old_value, new_value)
            VALUES (at_, who, place, ent, eid, lower(TG_OP), '*',
                    CASE WHEN TG_OP = 'DELETE' THEN snap::text END,
                    CASE WHEN TG_OP = 'INSERT' THEN snap::text END);
          END IF;
          RETURN NULL;
        END $f$""",
        # a station login cannot say who wrote a row of the trail, nor when
        """CREATE OR REPLACE FUNCTION rma_audit_stamp() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $f$
        BEGIN
          IF cardinality(rma_session_groups()) > 0 THEN
            NEW.user_login := session_user;
            NEW.at := clock_timestamp() AT TIME ZONE 'UTC';
            NEW.station := coalesce(current_setting('application_name', true), '');
          END IF;
          RETURN NEW;
        END $f$""",
        f"""CREATE OR REPLACE FUNCTION rma_guard_status() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $f$
        DECLARE
          mine text[] := rma_session_groups(); allowed text[]; before_ text := '';
        BEGIN
          IF cardinality(mine) = 0 OR 'rma_admin' = ANY (mine) THEN RETURN NEW; END IF;
          IF TG_OP = 'UPDATE' THEN
            IF OLD.status IS NOT DISTINCT FROM NEW.status THEN RETURN NEW; END IF;
            before_ := OLD.status;
          END IF;
          SELECT array_agg(t.grp) INTO allowed FROM (VALUES {values}) AS t(tbl, src, dst, grp)
          WHERE t.tbl = TG_TABLE_NAME AND t.src = before_ AND t.dst = NEW.status;
          IF allowed IS NULL THEN
            RAISE EXCEPTION USING ERRCODE = '{STATE_REFUSED}',
              MESSAGE = format('%s %s: %s -> %s is not a step of the workflow', TG_TABLE_NAME,
                               NEW.id, coalesce(nullif(before_, ''), 'new'), NEW.status);
          END IF;
          IF NOT (allowed && mine) THEN
            RAISE EXCEPTION USING ERRCODE = '{ROLE_REFUSED}',
              MESSAGE = format('%s %s: %s -> %s is a step of %s, not of %s', TG_TABLE_NAME, NEW.id,
                               coalesce(nullif(before_, ''), 'new'), NEW.status, allowed, mine);
          END IF;
          RETURN NEW;
        END $f$""",
        _user_admin_sql(),
        # the QA lead keeps the users, but only an administrator makes one (user_admin)
        f"""CREATE OR REPLACE FUNCTION rma_guard_user_role() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $f$
        DECLARE mine text[] := rma_session_groups();
        BEGIN
          IF cardinality(mine) > 0 AND NOT 'rma_admin' = ANY (mine) AND NEW.role = 'admin' THEN
            RAISE EXCEPTION USING ERRCODE = '{ROLE_REFUSED}',
              MESSAGE = 'only an administrator grants the administrator role';
          END IF;
          RETURN NEW;
        END $f$""",
        # after a user changed their own password on the server: their row says so (and
        # nobody else's: no station login may update app_user for itself)
        """CREATE OR REPLACE FUNCTION rma_password_changed() RETURNS void
        LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, public AS $f$
          UPDATE app_user SET must_change_password = false,
                              password_changed_at = clock_timestamp() AT TIME ZONE 'UTC'
          WHERE login = session_user $f$""",
        *_guard_sql(),
    ]


def allowed_by_group() -> set[tuple[str, str, str, str]]:
    return {(t, b, a, GROUPS[r]) for r in Role for t, b, a in allowed_transitions(r)}


def _user_admin_sql() -> str:
    """One function for the administration of logins, run as the owner (which alone may
    create roles): the caller must be in rma_admin, or in rma_manager for the other roles
    (app.services.user_admin); only station logins are touched, only station groups granted."""
    groups = _array(GROUPS.values())
    return f"""CREATE OR REPLACE FUNCTION rma_admin_login(target text, verifier text, wanted text[],
                                                       may_login boolean)
    RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $f$
    DECLARE
      mine text[] := rma_session_groups(); theirs text[]; exists_ boolean; g text;
      is_caller_super boolean := (SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = session_user);
    BEGIN
      IF NOT (is_caller_super OR 'rma_admin' = ANY (mine) OR 'rma_manager' = ANY (mine)) THEN
        RAISE EXCEPTION USING ERRCODE = '{ROLE_REFUSED}', MESSAGE = 'only an administrator keeps the logins';
      END IF;
      IF wanted IS NOT NULL AND NOT (wanted <@ {groups}) THEN
        RAISE EXCEPTION USING ERRCODE = '{ROLE_REFUSED}', MESSAGE = format('not station roles: %s', wanted);
      END IF;
      SELECT true INTO exists_ FROM pg_roles WHERE rolname = target;
      SELECT coalesce(array_agg(gr.rolname::text), ARRAY[]::text[]) INTO theirs
        FROM pg_auth_members m JOIN pg_roles gr ON gr.oid = m.roleid JOIN pg_roles u ON u.oid = m.member
        WHERE u.rolname = target AND gr.rolname = ANY ({groups});
      IF exists_ AND (cardinality(theirs) = 0
                      OR (SELECT rolsuper OR rolcreaterole OR rolbypassrls FROM pg_roles WHERE rolname = target)) THEN
        RAISE EXCEPTION USING ERRCODE = '{ROLE_REFUSED}', MESSAGE = format('%s is not a station login', target);
      END IF;
      IF NOT (is_caller_super OR 'rma_admin' = ANY (mine))
         AND ('rma_admin' = ANY (theirs) OR 'rma_admin' = ANY (coalesce(wanted, ARRAY[]::text[]))) THEN
        RAISE EXCEPTION USING ERRCODE = '{ROLE_REFUSED}', MESSAGE = 'an administrator''s login is an administrator''s';
      END IF;
      IF exists_ IS NULL THEN
        EXECUTE format('CREATE ROLE %I LOGIN', target);
      END IF;
      IF verifier IS NOT NULL THEN
        IF verifier NOT LIKE 'SCRAM-SHA-256$%' THEN
          RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = 'a SCRAM-SHA-256 verifier, never a password';
        END IF;
        EXECUTE format('ALTER ROLE %I PASSWORD %L', target, verifier);
      END IF;
      IF may_login IS NOT NULL THEN
        EXECUTE format('ALTER ROLE %I %s', target, CASE WHEN may_login THEN 'LOGIN' ELSE 'NOLOGIN' END);
      END IF;
      IF wanted IS NOT NULL THEN
        FOREACH g IN ARRAY theirs LOOP
          IF NOT g = ANY (wanted) THEN EXECUTE format('REVOKE %I FROM %I', g, target); END IF;
        END LOOP;
        FOREACH g IN ARRAY wanted LOOP
          IF NOT g = ANY (theirs) THEN EXECUTE format('GRANT %I TO %I', g, target); END IF;
        END LOOP;
      END IF;
    END $f$"""


def _triggers_sql(conn: Connection) -> list[str]:
    present = set(conn.exec_driver_sql(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()").scalars())
    out = []
    for table, (entity, id_col) in audited_tables().items():
        if table not in present:
            continue
        name = _q(f"rma_audit_{table}")
        out.append(f"DROP TRIGGER IF EXISTS {name} ON {_q(table)}")
        out.append(f"CREATE TRIGGER {name} AFTER INSERT OR UPDATE OR DELETE ON {_q(table)} FOR EACH ROW "
                   f"EXECUTE FUNCTION rma_audit_row({_lit(entity)}, {_lit(id_col)})")
    for table in GUARDED_TABLES:
        name = _q(f"rma_guard_{table}")
        out.append(f"DROP TRIGGER IF EXISTS {name} ON {_q(table)}")
        out.append(f"CREATE TRIGGER {name} BEFORE INSERT OR UPDATE OF status ON {_q(table)} FOR EACH ROW "
                   "EXECUTE FUNCTION rma_guard_status()")
    for table in STATE_TABLES:
        if table not in present:
            continue
        # after rma_guard_<table> (triggers fire by name): a status change out of order is
        # told as such first
        name = _q(f"rma_guard_{table}_columns")
        out.append(f"DROP TRIGGER IF EXISTS {name} ON {_q(table)}")
        events = "UPDATE" if table in GUARDED_TABLES else "INSERT OR UPDATE OR DELETE"
        out.append(f"CREATE TRIGGER {name} BEFORE {events} ON {_q(table)} FOR EACH ROW "
                   "EXECUTE FUNCTION rma_guard_columns()")
    for table in sorted({c.table for c in SIGNED_CHANGES}):
        name = _q(f"rma_guard_{table}_signed")
        watched = sorted({"status", *(c.stamp for c in SIGNED_CHANGES if c.table == table)})
        when = " OR ".join(f"OLD.{_q(c)} IS DISTINCT FROM NEW.{_q(c)}" for c in watched)
        out.append(f"DROP TRIGGER IF EXISTS {name} ON {_q(table)}")
        out.append(f"CREATE CONSTRAINT TRIGGER {name} AFTER UPDATE ON {_q(table)} DEFERRABLE INITIALLY DEFERRED "
                   f"FOR EACH ROW WHEN ({when}) EXECUTE FUNCTION rma_require_signature()")
    if "signature" in present:
        out.append("DROP TRIGGER IF EXISTS rma_guard_signature ON signature")
        out.append("CREATE TRIGGER rma_guard_signature BEFORE INSERT ON signature FOR EACH ROW "
                   "EXECUTE FUNCTION rma_guard_signer()")
    if "user_role" in present:
        out.append("DROP TRIGGER IF EXISTS rma_guard_user_role ON user_role")
        out.append("CREATE TRIGGER rma_guard_user_role BEFORE INSERT OR UPDATE ON user_role FOR EACH ROW "
                   "EXECUTE FUNCTION rma_guard_user_role()")
    out.append("DROP TRIGGER IF EXISTS rma_audit_stamp ON audit_log")
    out.append("CREATE TRIGGER rma_audit_stamp BEFORE INSERT ON audit_log FOR EACH ROW "
               "EXECUTE FUNCTION rma_audit_stamp()")
    return out


def groups_exist(conn: Connection) -> bool:
    return bool(conn.exec_driver_sql(f"SELECT to_regrole('{BASE}') IS NOT NULL").scalar())


def _grants_sql(conn: Connection) -> list[str]:
    columns = metadata_columns()
    present = set(conn.exec_driver_sql(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()").scalars())
    columns = {t: c for t, c in columns.items() if t in present}
    everyone = [BASE, *GROUPS.values()]
    out = [f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {', '.join(_q(g) for g in everyone)}",
           f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {', '.join(_q(g) for g in everyone)}",
           # the functions of this module: only whom they are for may call them (others'
           # functions keep their own privileges)
           "REVOKE ALL ON FUNCTION rma_session_groups(), rma_audit_text(jsonb, oid), rma_password_changed(), "
           "rma_admin_login(text, text, text[], boolean), rma_audit_row(), rma_audit_stamp(), rma_guard_status(), "
           "rma_guard_user_role(), rma_column_rules(), rma_guard_columns(), rma_require_signature(), rma_guard_signer() FROM PUBLIC",
           f"GRANT USAGE ON SCHEMA public TO {BASE}",
           # every table, line_month_total included: no step writes that summary, the
           # owner's function behind its triggers on return_line does (db.summary)
           f"GRANT SELECT ON {', '.join(_q(t) for t in sorted(present))} TO {BASE}",
           f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {BASE}",
           # the triggers' functions run as the owner; a station login may call the readers
           f"GRANT EXECUTE ON FUNCTION rma_session_groups(), rma_audit_text(jsonb, oid), rma_password_changed() "
           f"TO {BASE}",
           f"GRANT EXECUTE ON FUNCTION rma_admin_login(text, text, text[], boolean) "
           f"TO {GROUPS[Role.ADMIN]}, {GROUPS[Role.MANAGER]}"]
    for w in BASE_WRITES:
        if w.table in columns and w.insert:
            out.append(f"GRANT INSERT ON {_q(w.table)} TO {BASE}")
    for role, group in GROUPS.items():
        for table, g in sorted(privileges(role, columns).items()):
            if g.insert:
                out.append(f"GRANT INSERT ON {_q(table)} TO {_q(group)}")
            if g.update:
                cols = ", ".join(_q(c) for c in columns[table] if c in g.update)
                out.append(f"GRANT UPDATE ({cols}) ON {_q(table)} TO {_q(group)}")
            if g.delete:
                out.append(f"GRANT DELETE ON {_q(table)} TO {_q(group)}")
    return out


def apply_server_objects(conn: Connection) -> None:
    """The server's side of the station, in step with the models: functions, triggers and
    (once init-server made the group roles) grants. Idempotent; run as the owner."""
    if conn.dialect.name != "postgresql":
        return
    statements = _functions_sql() + _triggers_sql(conn) + (_grants_sql(conn) if groups_exist(conn) else [])
    # Re-creating a trigger locks its table exclusively: a station's `db upgrade` (every
    # start of `rma-station demo`, say) while others work would make them wait. What was
    # applied is remembered as a digest on the audit function; the same again is skipped.
    digest = "rma " + hashlib.sha256("\n".join(statements).encode()).hexdigest()[:32]
    applied = conn.exec_driver_sql(
        "SELECT obj_description(to_regprocedure('rma_audit_row()'), 'pg_proc')").scalar()
    if applied == digest:
        return
    for sql in statements:
        conn.exec_driver_sql(sql.replace("%", "%%"))
    conn.exec_driver_sql(f"COMMENT ON FUNCTION rma_audit_row() IS '{digest}'")


def as_database_owner(conn: Connection) -> None:
    """For this transaction act as the database's owner when the session may (a superuser
    or a member of the owner role upgrading a server set up by init-server): what the
    migration creates must belong to the owner, never to whoever ran `db upgrade`."""
    if conn.dialect.name != "postgresql":
        return
    owner = conn.exec_driver_sql(
        "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()").scalar()
    if owner and owner != conn.exec_driver_sql("SELECT current_user").scalar() and conn.exec_driver_sql(
            "SELECT pg_has_role(current_user, %(o)s, 'MEMBER')", {"o": owner}).scalar():
        conn.exec_driver_sql(f"SET LOCAL ROLE {_q(owner)}")


def drop_server_objects(conn: Connection) -> None:
    """Migration 0009's downgrade: the triggers and functions go (the roles are the cluster's)."""
    tables = set(audited_tables()) | set(GUARDED_TABLES) | set(STATE_TABLES) | {"audit_log", "user_role", "signature"}
    for (table, trigger) in conn.exec_driver_sql(
            "SELECT c.relname, t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "WHERE NOT t.tgisinternal AND (t.tgname LIKE 'rma\\_audit\\_%%' OR t.tgname LIKE 'rma\\_guard\\_%%')"):
        if table in tables:
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {_q(trigger)} ON {_q(table)}")
    for fn in ("rma_audit_row()", "rma_audit_stamp()", "rma_guard_status()", "rma_guard_user_role()",
               "rma_admin_login(text, text, text[], boolean)", "rma_audit_text(jsonb, oid)", "rma_password_changed()",
               "rma_session_groups()", "rma_column_rules()", "rma_guard_columns()", "rma_require_signature()",
               "rma_guard_signer()"):
        conn.exec_driver_sql(f"DROP FUNCTION IF EXISTS {fn}")


# ------------------------------------------------------------------ passwords for the server


def scram_verifier(password: str, *, iterations: int = 4096, salt: bytes | None = None) -> str:
    """The SCRAM-SHA-256 verifier PostgreSQL stores for `password` (RFC 7677, as libpq's
    PQencryptPasswordConn makes it): the server is handed this, never the password."""
    salt = salt or os.urandom(16)
    normalized = unicodedata.normalize("NFKC", password).encode()  # SASLprep, near enough
    salted = hashlib.pbkdf2_hmac("sha256", normalized, salt, iterations)
    client_key = hmac.new(salted, b"Client Key", hashlib.sha256).digest()
    stored_key = hashlib.sha256(client_key).digest()
    server_key = hmac.new(salted, b"Server Key", hashlib.sha256).digest()
    b64 = base64.b64encode
    return (f"SCRAM-SHA-256${iterations}:{b64(salt).decode()}$"
            f"{b64(stored_key).decode()}:{b64(server_key).decode()}")


def group_names(roles: Iterable[str]) -> list[str]:
    return [GROUPS[Role(r)] for r in roles]


def is_role_managed(conn: Connection) -> bool:
    """Whether this session is a station login of a server set up by init-server."""
    if conn.dialect.name != "postgresql":
        return False
    return bool(conn.exec_driver_sql(
        "SELECT to_regprocedure('rma_session_groups()') IS NOT NULL "
        "AND cardinality(rma_session_groups()) > 0").scalar())


def manages_logins(conn: Connection) -> bool:
    """Whether the app_user rows of this database go with login roles: init-server made the
    group roles and gave the database to an owner that is not a superuser."""
    if conn.dialect.name != "postgresql" or not groups_exist(conn):
        return False
    return bool(conn.exec_driver_sql(
        "SELECT NOT r.rolsuper FROM pg_database d JOIN pg_roles r ON r.oid = d.datdba "
        "WHERE d.datname = current_database()").scalar())


def admin_login(conn: Connection, login: str, *, password: str | None = None,
                roles: Iterable[str] | None = None, may_login: bool | None = None) -> None:
    """Create or change `login`'s database role (in the caller's transaction)."""
    conn.execute(text("SELECT rma_admin_login(:login, :verifier, :wanted, :may_login)"),
                 dict(login=login, verifier=scram_verifier(password) if password is not None else None,
                      wanted=group_names(roles) if roles is not None else None, may_login=may_login))
