"""Live refresh without Qt: what changed in the database, as other stations learn of it.

PostgreSQL: row triggers (migration 0012, function ``rma_notify()``, triggers
``rma_notify_<table>``) send ``NOTIFY rma_change`` with a JSON payload for every row written
on the workflow and master-data tables — also for a change made with psql or by a CLI
import. A NOTIFY inside a transaction is delivered at its commit, never for a rollback,
and the server folds identical payloads of one transaction. `PgListener` is a thread with
its own connection that LISTENs, waits on its socket (select, as Odoo's bus dispatcher
does: ``addons/bus/models/bus.py``), sends a keepalive query when idle, and reconnects with
a growing pause when the connection is lost; after a reconnect it tells its owner, which
refreshes everything (notifications sent while it was away are gone).

The payload: ``{"table": "return_line" | "rma_return" | "reference", "id", "version",
"station", "login", "by", "origin", "source", "op"}`` — ``table`` is what the views
care about (a rework material row announces its line), ``source`` the table written.
``origin`` is the writing station's token (`register_origin`): a station skips its own
changes, which it announced itself after its commit. The station sets it (and
``station``/``login``) with ``set_config(..., true)`` in the transaction before its first
flush; a write without it (psql, the CLI) has an empty origin and reaches every station.

SQLite: no notifications. `DataVersion` reads ``PRAGMA data_version`` on a connection of
its own: the number changes when another connection committed to the file, which says
"something changed" but not what (the UI refreshes its lists and compares the open
record's version column).
"""

from __future__ import annotations

import contextlib
import json
import logging
import selectors
import socket
import sqlite3
import threading
import uuid
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.orm import Session

log = logging.getLogger(__name__)

CHANNEL = "rma_change"
#: what a payload's "table" names: the views' three kinds of change, or "not known what"
LINE, RETURN, REFERENCE, EVERYTHING = "return_line", "rma_return", "reference", "everything"

#: table → (kind announced, column holding the id announced); the migration reads this
NOTIFIED_TABLES: dict[str, tuple[str, str]] = {
    "rma_return": (RETURN, "id"),
    "return_line": (LINE, "id"),
    "rework_material": (LINE, "line_id"),
    "rework_labour": (LINE, "line_id"),
    "corrective_action": (RETURN, "return_id"),
    "liaison_note": (RETURN, "return_id"),
    "customer": (REFERENCE, "id"),
    "product": (REFERENCE, "id"),
    "defect_category": (REFERENCE, "id"),
    "supplier": (REFERENCE, "id"),
    "storage_location": (REFERENCE, "id"),
    "liability_code": (REFERENCE, "code"),
    "setting": (REFERENCE, ""),
}

# ``to_jsonb(row)`` reads the id column named by the trigger's argument, so one function
# serves every table; the version is the row's own only when the id is the row's own.
FUNCTION_SQL = f"""
CREATE OR REPLACE FUNCTION rma_notify() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
    row_json jsonb;
    id_col text := TG_ARGV[1];
BEGIN
    IF current_setting('rma_notify.quiet', true) = 'on' THEN
        RETURN NULL;  -- a bulk write announces itself once (db.notify.announce_in_bulk)
    END IF;
    IF TG_OP = 'DELETE' THEN
        row_json := to_jsonb(OLD);
    ELSE
        row_json := to_jsonb(NEW);
    END IF;
    PERFORM pg_notify('{CHANNEL}', jsonb_build_object(
        'table', TG_ARGV[0],
        'id', CASE WHEN id_col = '' THEN NULL ELSE row_json -> id_col END,
        'version', CASE WHEN id_col = 'id' THEN row_json -> 'version' ELSE NULL END,
        'station', coalesce(current_setting('rma_notify.station', true), ''),
        'login', coalesce(current_setting('rma_notify.login', true), ''),
        'by', coalesce(row_json ->> 'updated_by', ''),
        'origin', coalesce(current_setting('rma_notify.origin', true), ''),
        'source', TG_TABLE_NAME,
        'op', lower(TG_OP))::text);
    RETURN NULL;
END
$fn$;
"""


def trigger_sql(table: str) -> str:
    kind, id_col = NOTIFIED_TABLES[table]
    return (f"CREATE TRIGGER rma_notify_{table} AFTER INSERT OR UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION rma_notify('{kind}', '{id_col}')")


@dataclass(frozen=True)
class Change:
    """One row written, as announced by the trigger."""

    table: str
    id: int | None
    version: int | None = None
    station: str = ""
    login: str = ""
    by: str = ""
    origin: str = ""
    source: str = ""
    op: str = ""


def parse_payload(payload: str) -> Change | None:
    """A notification's payload as a Change; None for one this version does not know."""
    try:
        data = json.loads(payload)
        raw_id = data.get("id")
        raw_version = data.get("version")
        return Change(table=str(data["table"]), id=None if raw_id is None else int(raw_id),
                      version=None if raw_version is None else int(raw_version),
                      station=str(data.get("station") or ""), login=str(data.get("login") or ""),
                      by=str(data.get("by") or ""), origin=str(data.get("origin") or ""),
                      source=str(data.get("source") or ""), op=str(data.get("op") or ""))
    except (ValueError, KeyError, TypeError, AttributeError):
        log.warning("unknown %s payload: %.200s", CHANNEL, payload)
        return None


# ------------------------------------------------------------------ who wrote it

_ORIGINS: weakref.WeakKeyDictionary[Engine, str] = weakref.WeakKeyDictionary()
_STAMPED = "rma_notify_stamped"  # session.info: the transaction whose settings are made


def register_origin(engine: Engine) -> str:
    """This station's token for the writes made through `engine` (one per window's engine,
    so two stations in one test process are two origins)."""
    token = _ORIGINS.get(engine)
    if token is None:
        token = uuid.uuid4().hex
        _ORIGINS[engine] = token
    return token


def origin_of(engine: Engine) -> str:
    return _ORIGINS.get(engine, "")


@event.listens_for(Session, "before_flush")
def _stamp_transaction(session: Session, _ctx: Any, _instances: Any) -> None:
    """Before the first flush of a transaction on PostgreSQL: say who writes, for the
    notifications its triggers send (one statement per writing transaction, none for reads)."""
    try:
        bind = session.get_bind()
    except Exception:  # noqa: BLE001 — an unbound session: nothing of ours to stamp
        return
    engine = getattr(bind, "engine", None)
    if engine is None or engine.dialect.name != "postgresql":
        return
    origin = _ORIGINS.get(engine)
    if origin is None:
        return  # no live refresh in this process (CLI, tests of the services): nothing to skip
    transaction = session.get_transaction()
    if session.info.get(_STAMPED) is transaction:
        return
    actor = session.info.get("actor")
    station = session.info.get("station") or getattr(actor, "station", "") or ""
    login = getattr(actor, "login", "") or session.info.get("user_login", "") or ""
    session.connection().exec_driver_sql(
        "SELECT set_config('rma_notify.origin', %(o)s, true), set_config('rma_notify.station', %(s)s, true), "
        "set_config('rma_notify.login', %(l)s, true)", {"o": origin, "s": str(station), "l": str(login)})
    session.info[_STAMPED] = transaction


def announce_in_bulk(session: Session) -> None:
    """A bulk write (an import of thousands of rows): no notification per row in this
    transaction, one "everything" at its commit instead — every station reads its lists
    again once. PostgreSQL only; nothing to do on SQLite."""
    if session.get_bind().dialect.name != "postgresql":
        return
    session.connection().exec_driver_sql(
        "SELECT set_config('rma_notify.quiet', 'on', true), pg_notify(%(c)s, %(p)s)",
        {"c": CHANNEL, "p": json.dumps({"table": EVERYTHING, "id": None,
                                        "origin": origin_of(session.get_bind().engine)})})


# ------------------------------------------------------------------ PostgreSQL: LISTEN


class PgListener:
    """A thread that LISTENs on `CHANNEL` with a connection of its own.

    `on_changes(list[Change])` and `on_connected(again: bool)` are called on the listener's
    thread (the Qt side moves them to the UI thread). `again` is True after a reconnect:
    what was announced meanwhile is lost, the owner refreshes everything.

    The connection is taken from `engine` (its URL, password and timeouts) and detached
    from the pool. Idle for `keepalive_s`, it sends ``SELECT 1`` with a short limit of its
    own: a server that went away without closing the socket is found out then, besides the
    TCP keepalives. Lost, it waits `backoff` (0.5 s, doubling up to 10 s) and connects again.
    """

    def __init__(self, engine: Engine, on_changes: Callable[[list[Change]], None],
                 on_connected: Callable[[bool], None] | None = None, *,
                 keepalive_s: float = 15.0, keepalive_answer_s: float = 10.0,
                 backoff_s: tuple[float, float] = (0.5, 10.0)) -> None:
        self.engine = engine
        self.on_changes = on_changes
        self.on_connected = on_connected
        self.keepalive_s = keepalive_s
        self.keepalive_answer_s = keepalive_answer_s
        self.backoff_s = backoff_s
        self.backend_pid: int | None = None  # the server process of the connection now (tests)
        self.connects = 0  # how many times it connected
        self.listening = threading.Event()  # set while LISTEN is in force
        self._stop = threading.Event()
        self._wake_r, self._wake_w = socket.socketpair()
        self._thread: threading.Thread | None = None
        self._conn: Any = None

    def start(self) -> None:
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._run, name="rma-notify-listener", daemon=True)
        self._thread.start()

    def stop(self, timeout: float | None = 10.0) -> None:
        """Stop listening and close the connection; waits for the thread (at most `timeout`)."""
        self._stop.set()
        with contextlib.suppress(OSError):
            self._wake_w.send(b"x")
        if self._thread is not None:
            self._thread.join(timeout)
        for s in (self._wake_r, self._wake_w):
            with contextlib.suppress(OSError):
                s.close()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    # -------------------------------------------------- the thread

    def _run(self) -> None:
        delay = self.backoff_s[0]
        while not self._stop.is_set():
            try:
                self._connect()
                delay = self.backoff_s[0]
                self._listen()
            except Exception as exc:  # noqa: BLE001 — any failure: drop the connection, connect again
                if self._stop.is_set():
                    break
                log.info("live refresh: connection lost (%s); again in %.1f s", exc, delay)
            finally:
                self.listening.clear()
                self._close()
            if self._stop.wait(delay):
                break
            delay = min(delay * 2, self.backoff_s[1])

    def _connect(self) -> None:
        raw = self.engine.raw_connection()
        conn = raw.driver_connection
        raw.detach()  # ours for as long as it lives; the pool neither reuses nor counts it
        if conn is None:  # pragma: no cover — a pool that hands out no driver connection
            raise RuntimeError("no driver connection")
        self._conn = conn
        if conn.info.transaction_status != 0:  # not idle: end what the pool began
            conn.rollback()
        conn.autocommit = True
        self._pending: list[Change] = []
        conn.add_notify_handler(self._notified)
        conn.execute(f"LISTEN {CHANNEL}")
        self.backend_pid = conn.info.backend_pid
        again = self.connects > 0
        self.connects += 1
        self.listening.set()
        if self.on_connected is not None:
            self.on_connected(again)

    def _notified(self, notify: Any) -> None:
        if notify.channel == CHANNEL:
            change = parse_payload(notify.payload)
            if change is not None:
                self._pending.append(change)

    def _listen(self) -> None:
        import psycopg

        conn = self._conn
        pgconn = conn.pgconn
        with selectors.DefaultSelector() as selector:
            selector.register(conn.fileno(), selectors.EVENT_READ, "db")
            selector.register(self._wake_r, selectors.EVENT_READ, "wake")
            while not self._stop.is_set():
                events = selector.select(self.keepalive_s)
                if any(key.data == "wake" for key, _ in events):
                    return
                if events:
                    pgconn.consume_input()  # raises OperationalError when the server is gone
                    while (n := pgconn.notifies()) is not None:
                        self._notified(psycopg.Notify(n.relname.decode(), n.extra.decode(), n.be_pid))
                    if pgconn.status != psycopg.pq.ConnStatus.OK:
                        raise psycopg.OperationalError("the server closed the connection")
                else:
                    self._keepalive()
                self._deliver()

    def _keepalive(self) -> None:
        conn = self._conn
        before = getattr(conn, "client_timeout", None)
        if hasattr(conn, "client_timeout"):
            conn.client_timeout = self.keepalive_answer_s  # a frozen server: give up soon
        try:
            conn.execute("SELECT 1")  # notifications arriving meanwhile go to _notified
        finally:
            if hasattr(conn, "client_timeout"):
                conn.client_timeout = before

    def _deliver(self) -> None:
        if self._pending:
            batch, self._pending = self._pending, []
            self.on_changes(batch)

    def _close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            with contextlib.suppress(Exception):
                conn.close()


# ------------------------------------------------------------------ SQLite: data_version


class DataVersion:
    """``PRAGMA data_version`` of an SQLite file, on a connection of its own.

    `changed()` is True when another connection (another station, this station's own
    writes, a tool) committed since the last call. The first call only takes the number.
    A file that cannot be read now answers False; the connection is opened again later,
    and the first read after that answers True (what happened meanwhile is not known).
    """

    def __init__(self, path: str) -> None:
        self.path = path
        self._conn: sqlite3.Connection | None = None
        self._seen: int | None = None
        self._lost = False

    def changed(self) -> bool:
        try:
            if self._conn is None:
                # read-only and never creating: this connection only watches the file
                self._conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True,
                                             check_same_thread=False)
                self._seen = None
            value = int(self._conn.execute("PRAGMA data_version").fetchone()[0])
        except sqlite3.Error as exc:
            log.info("live refresh: %s not readable now (%s)", self.path, exc)
            self.close()
            self._lost = True
            return False
        before, self._seen = self._seen, value
        if self._lost:
            self._lost = False
            return True
        return before is not None and before != value

    def close(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(sqlite3.Error):
                self._conn.close()
        self._conn = None
