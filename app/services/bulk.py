"""Bulk writes for the legacy import and the demo: many rows of a table in a few statements.

The ORM's unit of work costs a flush of objects, per-object events and an audit snapshot
built by inspection for each row; at tens of thousands of returns that is most of an
import's time. Here rows are plain dicts with every column filled:

- ids are taken beforehand (`take_ids`): from the table's sequence on PostgreSQL, so runs
  at once never collide; on SQLite after MAX(id), read inside the writing transaction,
  which holds the database's one write lock (BEGIN IMMEDIATE);
- `write_rows` sends them with COPY on PostgreSQL (psycopg 3's cursor.copy on the session's
  own driver connection, so it is part of the caller's transaction) and with one DB-API
  executemany on SQLite; each value goes through its column type's bind processing first,
  so money is checked to the fen and timestamps stored as naive UTC exactly as the ORM does;
- `audit_inserts` writes the audit trail's "insert" rows in the format of
  app.services.audit (a JSON snapshot of the non-empty columns), in bulk too.

- `owner_load` (PostgreSQL, a superuser's session only) lets the writes skip the per-row
  triggers, for whom each of ours does nothing on these paths (see there): pg_restore's
  --disable-triggers, for the same reason. The statement triggers that keep the monthly
  summary (db.summary) are ENABLE ALWAYS and still run: nothing to recompute afterwards.

`line_row` is THE place a return line's column values are completed (defaults and any key
derived from the line and its return): every bulk writer of return_line goes through it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from decimal import Decimal
from operator import itemgetter
from typing import Any

from sqlalchemy import Column, Connection, Table, select, text
from sqlalchemy.orm import Session
from sqlalchemy.types import TypeDecorator

from app.services.audit import _SKIP as AUDIT_SKIP  # the trail's own list of bookkeeping columns
from app.services.audit import _server_writes_trail as server_writes_trail  # audit by triggers?
from app.services.audit import _text as audit_text  # and its one way to write a value as text
from app.services.line_keys import line_keys
from db.models import AuditLog, Return, ReturnLine
from db.types import utcnow

RETURN = Return.__table__
LINE = ReturnLine.__table__
AUDIT = AuditLog.__table__


def connection_of(conn: Session | Connection) -> Connection:
    return conn.connection() if isinstance(conn, Session) else conn


def take_ids(conn: Session | Connection, table: Table, count: int) -> list[int]:
    """`count` new ids of `table`, ascending: from its sequence on PostgreSQL (safe beside
    other writers); on SQLite after MAX(id), read inside the writing transaction (one writer)."""
    if count <= 0:
        return []
    c = connection_of(conn)
    if c.dialect.name == "postgresql":
        return sorted(c.execute(text("SELECT nextval(pg_get_serial_sequence(:t, 'id')) "
                                     "FROM generate_series(1, :n)"), {"t": table.name, "n": count}).scalars())
    top = c.execute(select(text("COALESCE(MAX(id), 0)")).select_from(table)).scalar() or 0
    return list(range(top + 1, top + count + 1))


@contextmanager
def owner_load(conn: Session | Connection) -> Iterator[bool]:
    """Within the block the rows written skip the tables' per-row triggers, when that changes
    nothing but the time: only on PostgreSQL, only for a superuser (a station login, or any
    other role, keeps every trigger: its audit and guards are the server's own), and only
    around writes that announce themselves once (db.notify.announce_in_bulk) and whose audit,
    if any, the writer adds itself (`audit_inserts`). For such a session the triggers are
    no-ops row by row: the audit trigger writes nothing for a session that is no station
    login and has not said who acts (rma.login, set at the first ORM flush, after the bulk
    writes), the workflow guards let the owner pass, the notification is quiet; the foreign
    keys refer to ids the writer took itself or read just before. At 0.2–0.4 ms a row in
    the server, that is most of a large demo fill's or import's time on PostgreSQL. The
    summary of the lines (line_month_total) is kept by statement triggers that replica mode
    does not skip (db.summary: ENABLE ALWAYS): one GROUP BY of each COPY's rows.

    Yields whether the triggers are skipped; afterwards the transaction has them again."""
    c = connection_of(conn)
    if c.dialect.name != "postgresql" or c.exec_driver_sql(
            "SELECT current_setting('is_superuser') = 'on' "
            "AND coalesce(current_setting('rma.login', true), '') = ''").scalar() is not True:
        yield False
        return
    c.exec_driver_sql("SET LOCAL session_replication_role = replica")
    try:
        yield True
    finally:
        c.exec_driver_sql("SET LOCAL session_replication_role = origin")


def column_defaults(table: Table, now: datetime | None = None) -> dict[str, Any]:
    """Each column's value when a row does not give one: its Python default (callables such
    as utcnow evaluated once, as `now`), else None; columns with only a server default are
    left out, for the database to fill in."""
    now = now or utcnow()
    out: dict[str, Any] = {}
    for col in table.columns:
        default: Any = col.default
        if default is None and col.server_default is not None:
            continue  # left out of the rows: the database fills it in (COPY would write NULL)
        if default is not None and default.is_scalar:
            out[col.name] = default.arg
        elif default is not None and default.is_callable:  # utcnow: one moment for the batch
            out[col.name] = now if col.name in ("created_at", "updated_at") else default.arg(None)
        else:
            out[col.name] = None
    return out


def complete(row: dict[str, Any], defaults: dict[str, Any]) -> dict[str, Any]:
    """`row` with every column of the table: the missing ones from `defaults`."""
    if len(row) == len(defaults):
        return row
    return {**defaults, **row}


def line_row(values: dict[str, Any], ret: dict[str, Any], defaults: dict[str, Any]) -> dict[str, Any]:
    """The complete column values of one return line about to be written in bulk.

    `values` are the line's own, `ret` the row of its return (received_on, urgency, …)
    and `defaults` from `column_defaults(LINE)`. Keys derived from the line and its return
    (the month key and the queue order key, app.services.line_keys) are computed here, for
    every bulk writer at once.
    """
    row = complete(values, defaults)
    row.update(line_keys(received_on=ret["received_on"], urgency=ret["urgency"],
                         return_status=ret["status"], due_on=row.get("due_on")))
    return row


def _processors(conn: Connection, table: Table, names: Sequence[str], *,
                every_type: bool) -> list[Callable[[Any], Any] | None]:
    out: list[Callable[[Any], Any] | None] = []
    for name in names:
        col: Column[Any] = table.c[name]
        # psycopg adapts the standard types itself: there only our own (money, UTC
        # timestamps) change the value; sqlite3 needs every type's (dates as text, Decimal)
        out.append(col.type._cached_bind_processor(conn.dialect)  # noqa: SLF001
                   if every_type or isinstance(col.type, TypeDecorator) else None)
    return out


def write_rows(conn: Session | Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert `rows` (dicts with the same keys) into `table` in the caller's transaction:
    COPY on PostgreSQL, one DB-API executemany of tuples on SQLite.

    Each value goes through its column type's bind processing, as an ORM insert would do,
    but not through a compiled statement per row (SQLAlchemy's insert() builds a parameter
    dict per row: most of a large import's write on SQLite)."""
    if not rows:
        return
    c = connection_of(conn)
    pg = c.dialect.name == "postgresql"
    names = list(rows[0])
    values_of = itemgetter(*names)  # one C call per row instead of a Python loop over columns
    # a batch repeats the same amounts, dates and moments over and over: each distinct value
    # of a column is processed once (keyed with its type, so that a float still meets the
    # money type's refusal and 1, 1.0 and True stay apart)
    converted = [(i, p, {}) for i, p in enumerate(_processors(c, table, names, every_type=not pg))
                 if p is not None]
    columns = ", ".join(f'"{n}"' for n in names)

    def values(row: dict[str, Any]) -> list[Any]:
        out = list(values_of(row)) if len(names) > 1 else [values_of(row)]
        for i, process, seen in converted:
            value = out[i]
            if value is not None:
                key = (value.__class__, value)
                try:
                    done = seen.get(key)  # a processed value is never None for a value
                except TypeError:  # not hashable (a JSON value): processed each time
                    out[i] = process(value)
                    continue
                out[i] = done if done is not None else seen.setdefault(key, process(value))
        return out

    if not pg:
        c.exec_driver_sql(f'INSERT INTO "{table.name}" ({columns}) VALUES ({", ".join("?" * len(names))})',
                          [tuple(values(row)) for row in rows])
        return
    driver = c.connection.driver_connection
    assert driver is not None
    with driver.cursor() as cur, cur.copy(f'COPY "{table.name}" ({columns}) FROM STDIN') as copy:
        write = copy.write_row
        for row in rows:
            write(values(row))


def _as_text(value: Any) -> str | None:
    # the trail's own conversion, with a short way for the common types: half a million
    # values for 10,000 imported rows
    kind = type(value)
    if kind is str:
        return value
    if kind is int or kind is Decimal:
        return str(value)
    return audit_text(value)


def trail_by_server(conn: Session | Connection) -> bool:
    """Whether the rows just written were audited by the server's own trigger: PostgreSQL with
    the audit triggers (migration 0009), the triggers not skipped (`owner_load`), and a session
    the trigger writes for — a station login, or one that said who acts (rma.login)."""
    c = connection_of(conn)
    if not server_writes_trail(c):
        return False
    return c.exec_driver_sql(
        "SELECT current_setting('session_replication_role') <> 'replica' "
        "AND (coalesce(current_setting('rma.login', true), '') <> '' "
        "     OR cardinality(rma_session_groups()) > 0)").scalar() is True


def audit_inserts(conn: Session | Connection, entity: str, rows: Iterable[dict[str, Any]], *,
                  login: str, station: str, at: datetime | None = None) -> int:
    """The audit trail's "insert" rows for `rows` just written in bulk (same format as the
    trail's own: the non-empty columns but bookkeeping ones, as text, JSON, sorted keys)."""
    if trail_by_server(conn):
        return 0  # the audit trigger recorded each row as it was written: once, not twice
    at = at or utcnow()
    trail = []
    for row in rows:
        snapshot = {k: _as_text(v) for k, v in row.items() if v is not None and k not in AUDIT_SKIP}
        trail.append(dict(at=at, user_login=login, station=station, entity=entity,
                          entity_id=row["id"], action="insert", field="*", old_value=None,
                          new_value=json.dumps(snapshot, ensure_ascii=False, sort_keys=True)))
    write_rows(conn, AUDIT, trail)
    return len(trail)
