"""Engine and session set-up for the embedded SQLite file or a shared PostgreSQL server.

One session per user action (SQLAlchemy's advice for GUIs): the caller opens it with
`unit_of_work()` (or `run_in_transaction()`, which also runs it again after a
serialization failure or deadlock), services work inside it, the caller commits.

Database errors are sorted by what they mean, from the SQLSTATE (PostgreSQL) or the
sqlite_errorcode (SQLite), never from the message text (`classify`):

- connection lost (class 08, 57P01–57P03, a closed or invalidated connection, SQLite
  cannot open / I/O error) → app.errors.DatabaseUnavailable: banner, input kept, retry;
- serialization failure / deadlock (40001, 40P01) → DatabaseRetryable, run again;
- lock or statement timeout (55P03, 57014), SQLite busy/locked → DatabaseBusy;
- read-only (25006, SQLITE_READONLY), disk full (53100, SQLITE_FULL) → their messages;
- the ORM's version check (StaleDataError) → ConflictError;
- anything else is a bug and propagates unchanged.

Every PostgreSQL connection has timeouts (`PgTimeouts`): TCP keepalives and
tcp_user_timeout for a dead network, lock_timeout / statement_timeout /
idle_in_transaction_session_timeout on the server, and a client-side limit on every wait
for the server's answer, which is what fires when the backend process itself is frozen
(a stopped process neither answers nor enforces its own statement_timeout).
"""

from __future__ import annotations

import contextlib
import os
import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import URL, Connection, Engine, create_engine, event, make_url, text
from sqlalchemy import exc as sa_exc
from sqlalchemy.dialects.sqlite.base import SQLiteCompiler
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from app.errors import (
    ConflictError,
    DatabaseBusy,
    DatabaseFull,
    DatabaseReadOnly,
    DatabaseRetryable,
    DatabaseUnavailable,
    StationError,
    WorkflowError,
)
from app.paths import user_data_dir

ENV_URL = "RMA_DATABASE_URL"
T = TypeVar("T")


def default_sqlite_path() -> Path:
    return user_data_dir() / "rma-station.sqlite3"


def database_url(configured: str | None = None) -> str:
    """RMA_DATABASE_URL wins, then the settings dialog's URL, else the embedded SQLite file."""
    return os.environ.get(ENV_URL) or configured or f"sqlite:///{default_sqlite_path()}"


def per_user_login(url: str | URL) -> bool:
    """A server URL without a login: everyone logs in to the database as themselves (issue 10,
    app.services.server_roles). Asked first by every command and start: a URL's question,
    answered without loading the server roles' modules."""
    u = make_url(url)
    return u.get_backend_name() == "postgresql" and not u.username


def describe_url(url: str | URL) -> str:
    """'SQLite: /path/file' or 'PostgreSQL: host/db' — for the status bar, without password."""
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        return f"SQLite: {u.database or ':memory:'}"
    return f"PostgreSQL: {u.host or 'localhost'}{':' + str(u.port) if u.port else ''}/{u.database}"


# ------------------------------------------------------------------------------ timeouts


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


@dataclass(frozen=True)
class PgTimeouts:
    """How long a PostgreSQL connection waits before it gives up, and why each limit exists.

    Defaults suit a station on a LAN; each can be set by an environment variable (tests
    use short ones): RMA_PG_CONNECT_TIMEOUT_S, RMA_PG_LOCK_TIMEOUT_MS,
    RMA_PG_STATEMENT_TIMEOUT_MS, RMA_PG_IDLE_TX_TIMEOUT_MS, RMA_PG_TCP_USER_TIMEOUT_MS,
    RMA_PG_KEEPALIVES_IDLE_S, RMA_PG_KEEPALIVES_INTERVAL_S, RMA_PG_KEEPALIVES_COUNT,
    RMA_PG_CLIENT_GRACE_MS.
    """

    connect_s: int = 5
    #: a station waiting for a row another holds: say "busy" after this, not after a minute
    lock_ms: int = 5_000
    #: the server cancels a statement running longer (reports included)
    statement_ms: int = 30_000
    #: a station that stalls inside a transaction must not hold its row locks for ever
    idle_in_transaction_ms: int = 60_000
    #: unacknowledged data on a dead link: the kernel drops the connection after this
    tcp_user_timeout_ms: int = 20_000
    keepalives_idle_s: int = 10
    keepalives_interval_s: int = 5
    keepalives_count: int = 3
    #: the client's own limit is statement_ms plus this: the server's cancel answers first
    client_grace_ms: int = 5_000

    @classmethod
    def from_env(cls) -> PgTimeouts:
        d = cls()
        return cls(
            connect_s=_env_int("RMA_PG_CONNECT_TIMEOUT_S", d.connect_s),
            lock_ms=_env_int("RMA_PG_LOCK_TIMEOUT_MS", d.lock_ms),
            statement_ms=_env_int("RMA_PG_STATEMENT_TIMEOUT_MS", d.statement_ms),
            idle_in_transaction_ms=_env_int("RMA_PG_IDLE_TX_TIMEOUT_MS", d.idle_in_transaction_ms),
            tcp_user_timeout_ms=_env_int("RMA_PG_TCP_USER_TIMEOUT_MS", d.tcp_user_timeout_ms),
            keepalives_idle_s=_env_int("RMA_PG_KEEPALIVES_IDLE_S", d.keepalives_idle_s),
            keepalives_interval_s=_env_int("RMA_PG_KEEPALIVES_INTERVAL_S", d.keepalives_interval_s),
            keepalives_count=_env_int("RMA_PG_KEEPALIVES_COUNT", d.keepalives_count),
            client_grace_ms=_env_int("RMA_PG_CLIENT_GRACE_MS", d.client_grace_ms),
        )

    @property
    def client_s(self) -> float | None:
        """The client-side limit on one wait for the server (None when statement_ms is 0)."""
        if self.statement_ms <= 0:
            return None
        return (self.statement_ms + self.client_grace_ms) / 1000

    def connect_args(self) -> dict[str, Any]:
        return {
            "connect_timeout": self.connect_s,
            "keepalives": 1,
            "keepalives_idle": self.keepalives_idle_s,
            "keepalives_interval": self.keepalives_interval_s,
            "keepalives_count": self.keepalives_count,
            "tcp_user_timeout": self.tcp_user_timeout_ms,
            "options": (f"-c lock_timeout={self.lock_ms} -c statement_timeout={self.statement_ms} "
                        f"-c idle_in_transaction_session_timeout={self.idle_in_transaction_ms}"),
        }


def _watched_connection_class() -> type:
    """psycopg's Connection with a limit on every wait for the server's answer.

    psycopg waits on the socket without end; a backend stopped (SIGSTOP, a hung VM) keeps
    the TCP connection open, so neither keepalives nor the server's statement_timeout
    fire. After `client_timeout` seconds the connection is closed and the wait raises
    ServerStalled (an OperationalError on a closed connection: "connection lost").
    """
    import psycopg
    from psycopg import errors as pg_errors

    class ServerStalled(psycopg.OperationalError):
        pass

    class WatchedConnection(psycopg.Connection):  # type: ignore[type-arg]
        client_timeout: float | None = None

        def wait(self, gen: Any, interval: float = 0.1, timeout: float | None = None) -> Any:
            limit = timeout if timeout is not None else self.client_timeout
            try:
                return super().wait(gen, interval=interval, timeout=limit)
            except pg_errors._WaitTimeout:
                if timeout is not None:  # the caller's own limit (notifies): its business
                    raise
                self.pgconn.finish()  # the connection is in an unknown state: never reuse it
                raise ServerStalled(f"no answer from the server within {limit:.0f} s") from None

    WatchedConnection.ServerStalled = ServerStalled  # type: ignore[attr-defined]
    return WatchedConnection


_WATCHED: type | None = None


def _install_pg_watch(engine: Engine, timeouts: PgTimeouts) -> None:
    global _WATCHED
    if _WATCHED is None:
        _WATCHED = _watched_connection_class()
    cls = _WATCHED

    @event.listens_for(engine, "do_connect")
    def _connect(_dialect: Any, _rec: Any, cargs: Any, cparams: Any) -> Any:
        conn = cls.connect(*cargs, **cparams)  # type: ignore[attr-defined]
        conn.client_timeout = timeouts.client_s
        return conn


@contextmanager
def without_timeouts(conn: Connection) -> Iterator[None]:
    """Inside one transaction of `conn`: no lock/statement limit (schema upgrades, which may
    wait for a lock held by another station's upgrade and may run long)."""
    if conn.dialect.name != "postgresql":
        yield
        return
    conn.exec_driver_sql("SET LOCAL lock_timeout = 0")
    conn.exec_driver_sql("SET LOCAL statement_timeout = 0")
    dbapi = conn.connection.dbapi_connection
    before = getattr(dbapi, "client_timeout", None)
    if dbapi is not None and hasattr(dbapi, "client_timeout"):
        dbapi.client_timeout = None
    try:
        yield
    finally:
        if dbapi is not None and hasattr(dbapi, "client_timeout"):
            dbapi.client_timeout = before


def _sqlite_table_hint(_compiler: Any, _table: Any, hint: str | None) -> str | None:
    return hint


# `select().with_hint(table, "INDEXED BY ix_…", "sqlite")` written after the table's name.
# SQLAlchemy's SQLite compiler drops table hints; the searches need one where SQLite, with
# no statistics, prefers the status index over a bench queue's small partial index
# (app.services.queues._bench_lines_matching).
SQLiteCompiler.get_from_hint_text = _sqlite_table_hint  # type: ignore[method-assign]


def _sqlite_on_connect(dbapi_conn: Any, _record: Any) -> None:
    # Foreign keys are off by default in SQLite; WAL lets readers work during a write;
    # busy_timeout makes concurrent writers wait instead of failing at once.
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={_env_int('RMA_SQLITE_BUSY_TIMEOUT_MS', 15000)}")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def make_engine(url: str | URL, *, timeouts: PgTimeouts | None = None, **kwargs: Any) -> Engine:
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        if u.database and u.database != ":memory:":
            Path(u.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(u, **kwargs)
        event.listen(engine, "connect", _sqlite_on_connect)
        if u.database and u.database != ":memory:" and "uri" not in u.query:
            # created once at most, then never again behind the station's back (db.identity)
            from db.identity import guard_sqlite_file

            guard_sqlite_file(engine, Path(u.database))
        # pysqlite's own BEGIN handling defers locking; take the write lock at BEGIN so
        # two stations never deadlock upgrading a read lock.
        @event.listens_for(engine, "connect")
        def _no_pysqlite_begin(dbapi_conn: Any, _rec: Any) -> None:
            dbapi_conn.isolation_level = None

        @event.listens_for(engine, "begin")
        def _begin_immediate(conn: Any) -> None:
            conn.exec_driver_sql("BEGIN IMMEDIATE")

        return engine
    timeouts = timeouts or PgTimeouts.from_env()
    kwargs.setdefault("pool_pre_ping", True)
    # the connection used last is handed out again: the statements a station repeats (a
    # bench's form, its queue's first page) are prepared on it by psycopg after a few runs,
    # and the server then keeps a generic plan — a scan's form read is planned in ~4 ms
    # at each run otherwise, longer than it executes; the idle ones are left to time out
    if "poolclass" not in kwargs:  # a pool of the caller's choosing (NullPool) has no order
        kwargs.setdefault("pool_use_lifo", True)
    kwargs["connect_args"] = {**timeouts.connect_args(), **kwargs.get("connect_args", {})}
    engine = create_engine(u, **kwargs)
    if u.get_driver_name() in ("psycopg", ""):
        _install_pg_watch(engine, timeouts)
    return engine


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


# ------------------------------------------------------------------------- what an error is

LOST, RETRY, BUSY, READ_ONLY, FULL = "lost", "retry", "busy", "read_only", "full"

_PG_STATES = {
    "57P01": LOST, "57P02": LOST, "57P03": LOST,  # admin/crash shutdown, cannot connect now
    "57P05": LOST, "25P03": LOST,  # idle (in transaction) session timeout: the server hung up
    "53300": LOST,  # too many connections: like a server that does not answer yet
    "40001": RETRY, "40P01": RETRY,  # serialization failure, deadlock
    "55P03": BUSY, "57014": BUSY,  # lock_timeout, statement_timeout (query cancelled)
    "25006": READ_ONLY,  # read-only transaction (a standby, default_transaction_read_only)
    "53100": FULL,  # disk full
}
# primary result codes (extended code & 0xFF) of https://sqlite.org/rescode.html
_SQLITE_CODES = {5: BUSY, 6: BUSY, 8: READ_ONLY, 10: LOST, 13: FULL, 14: LOST}


def error_kind(exc: BaseException) -> str | None:
    """What a database error means: LOST, RETRY, BUSY, READ_ONLY, FULL, or None (a bug)."""
    if not isinstance(exc, sa_exc.DBAPIError):
        return None
    orig = exc.orig
    code = getattr(orig, "sqlite_errorcode", None)
    if code is not None:
        return _SQLITE_CODES.get(code & 0xFF)
    state = getattr(orig, "sqlstate", None)
    if state:
        if state.startswith("08"):
            return LOST
        kind = _PG_STATES.get(state)
        if kind is not None:
            return kind
    if exc.connection_invalidated:
        return LOST
    if state:
        return None
    module = type(orig).__module__ if orig is not None else ""
    if module.startswith("psycopg") and isinstance(exc, sa_exc.OperationalError | sa_exc.InterfaceError):
        # psycopg reports a failed connect, a dropped socket or a closed connection
        # without a SQLSTATE: the server said nothing, the link is gone.
        return LOST
    return None


def _detail(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    lines = str(orig).strip().splitlines()
    return lines[0][:200] if lines else type(orig).__name__


def classify(exc: BaseException) -> BaseException:
    """The expected error a database failure stands for, or `exc` itself (a bug)."""
    if isinstance(exc, StationError):
        return exc
    if isinstance(exc, StaleDataError):
        return ConflictError()
    refused = _server_refusal(exc)
    if refused is not None:
        return refused
    kind = error_kind(exc)
    if kind is None:
        return exc
    detail = _detail(exc)
    made: StationError = {
        LOST: DatabaseUnavailable, RETRY: DatabaseRetryable, BUSY: DatabaseBusy,
        READ_ONLY: DatabaseReadOnly, FULL: DatabaseFull,
    }[kind](detail)
    made.__cause__ = exc
    return made


#: the SQLSTATEs of what the server refuses as the window does (db.roles): no grant or not the
#: role's step (42501 insufficient_privilege), a status change out of the workflow's order,
#: a column none of the user's steps writes in the record's state, an e-signed step unsigned
_PG_REFUSALS = {"42501": "server_no_permission", "RM001": "server_wrong_state",
                "RM002": "server_column_state", "RM003": "server_signature_required"}
#: what the guards name in their diagnostics (TABLE, COLUMN, DETAIL), as the messages say it
_RECORD_NAMES = {"rma_return": ("退货单", "the return"), "return_line": ("退货明细", "the return line"),
                 "rework_material": ("退货明细", "the return line"), "rework_labour": ("退货明细", "the return line")}
_BOOKINGS = {"rework_material": ("返工材料", "rework materials"), "rework_labour": ("返工工时", "rework labour")}


def _refusal_args(key: str, diag: Any) -> dict[str, Any]:
    """The record, column and state (or signed step) a guard's refusal names, for its message."""
    from app.codes import LINE_STATUSES, RETURN_STATUSES
    from app.fields import label

    table = getattr(diag, "table_name", None) or ""
    detail = getattr(diag, "message_detail", None) or ""
    if key == "server_signature_required":
        from app.services.signatures import STEPS, Step  # the step names are the signatures'

        rule = STEPS.get(Step(detail)) if detail in {s.value for s in Step} else None
        return {"step": rule.name if rule else (detail, detail)}
    statuses: dict[Any, Any] = RETURN_STATUSES if table == "rma_return" else LINE_STATUSES
    state = next(((c.zh, c.en) for k, c in statuses.items() if k.value == detail), (detail, detail))
    column = getattr(diag, "column_name", None) or ""
    return {"what": _RECORD_NAMES.get(table, (table, table)), "state": state,
            "field": label(column) if column else _BOOKINGS.get(table, (table, table))}


def _server_refusal(exc: BaseException) -> StationError | None:
    if not isinstance(exc, sa_exc.DBAPIError):
        return None
    key = _PG_REFUSALS.get(getattr(exc.orig, "sqlstate", None) or "")
    if key is None:
        return None
    args = _refusal_args(key, getattr(exc.orig, "diag", None)) if key in (
        "server_column_state", "server_signature_required") else {}
    made = WorkflowError(key, **args)
    made.__cause__ = exc
    return made


def is_connection_error(exc: BaseException) -> bool:
    return error_kind(exc) == LOST


def _rollback_quietly(session: Session) -> None:
    # the connection may be gone: the pool drops it, and the first error is the one to tell
    with contextlib.suppress(Exception):
        session.rollback()


@contextmanager
def unit_of_work(factory: sessionmaker[Session], **info: Any) -> Iterator[Session]:
    """One transaction for one user action; commit on success, roll back on any error.

    `info` (actor, station) is put on session.info for the audit trail. Database errors
    leave as the expected error they stand for (`classify`).
    """
    session = factory()
    session.info.update(info)
    try:
        yield session
        session.commit()
    except StationError:
        _rollback_quietly(session)
        raise
    except Exception as exc:
        _rollback_quietly(session)
        made = classify(exc)
        if made is exc:
            raise
        raise made from exc
    except BaseException:
        _rollback_quietly(session)
        raise
    finally:
        with contextlib.suppress(Exception):  # closing on a dead connection: nothing to keep
            session.close()


RETRY_ATTEMPTS = 4


def run_in_transaction(factory: sessionmaker[Session], work: Callable[[Session], T], *,
                       attempts: int = RETRY_ATTEMPTS, **info: Any) -> T:
    """`work(session)` in one unit of work, run again after a serialization failure or a
    deadlock (up to `attempts` times in all, with a short random pause so two stations
    do not collide again in step). The last failure leaves as DatabaseBusy."""
    for attempt in range(1, attempts + 1):
        try:
            with unit_of_work(factory, **info) as session:
                return work(session)
        except DatabaseRetryable as exc:
            if attempt >= attempts:
                raise DatabaseBusy(str(exc)) from exc
            time.sleep(random.uniform(0.01, 0.05) * attempt)
    raise AssertionError("unreachable")  # pragma: no cover


class ReadWroteError(RuntimeError):
    """A read (`run_read`) tried to flush a change: a bug in the caller, never saved."""


def _refuse_writes(session: Session, _ctx: Any, _instances: Any) -> None:
    raise ReadWroteError("a read-only unit of work tried to write: use run_in_transaction")


@contextmanager
def read_only(factory: sessionmaker[Session], **info: Any) -> Iterator[Session]:
    """A session for a read of one or two statements: on PostgreSQL its connection is in
    autocommit, so the read sends no BEGIN and no COMMIT — the statements alone (issue 12:
    across sites each round trip costs ~20 ms, and a bench scan is one statement).

    Each statement then sees its own snapshot: a read that needs two statements to agree
    (a page and its count) puts them in one. Nothing may be written: a flush raises
    ReadWroteError before anything is sent, so no write can ever run outside a transaction
    — where `set_config(..., true)`, which names the actor and the station for the
    server's audit trail, would last only for its own statement (db.roles). SQLite reads
    as `unit_of_work` does (no round trips there). Errors leave as `classify` makes them.
    """
    probe = factory()
    try:
        bind = probe.get_bind()
    finally:
        probe.close()
    if bind.dialect.name != "postgresql":
        with unit_of_work(factory, **info) as session:
            event.listen(session, "before_flush", _refuse_writes)
            yield session
        return
    try:
        connection = bind.connect().execution_options(isolation_level="AUTOCOMMIT")
    except Exception as exc:
        made = classify(exc)
        if made is exc:
            raise
        raise made from exc
    session = factory(bind=connection)
    session.info.update(info)
    event.listen(session, "before_flush", _refuse_writes)
    try:
        yield session
    except StationError:
        raise
    except Exception as exc:
        made = classify(exc)
        if made is exc:
            raise
        raise made from exc
    finally:
        with contextlib.suppress(Exception):  # closing on a dead connection: nothing to keep
            session.close()
        with contextlib.suppress(Exception):
            connection.close()


def run_read(factory: sessionmaker[Session], work: Callable[[Session], T], **info: Any) -> T:
    """`work(session)` as a read (`read_only`): the bench's scan, a list's first screen.
    Whoever writes uses `run_in_transaction`."""
    with read_only(factory, **info) as session:
        return work(session)


def advisory_xact_lock(conn: Connection | Session, name: str) -> None:
    """PostgreSQL: hold a named lock until the transaction ends (SQLite: BEGIN IMMEDIATE
    already makes writers take turns).

    The wait for it has no lock/statement limit: whoever holds it (a schema upgrade, the
    demo's seeding) is working, not stalled, and the later ones must wait their turn.
    """
    bind = conn.get_bind() if isinstance(conn, Session) else conn
    if bind.dialect.name != "postgresql":
        return
    connection = conn.connection() if isinstance(conn, Session) else conn
    previous = connection.execute(text(
        "SELECT current_setting('lock_timeout'), current_setting('statement_timeout')")).one()
    connection.execute(text("SELECT set_config('lock_timeout', '0', true), "
                            "set_config('statement_timeout', '0', true)"))
    dbapi = connection.connection.dbapi_connection
    watched = dbapi is not None and hasattr(dbapi, "client_timeout")
    before = dbapi.client_timeout if watched else None  # type: ignore[union-attr]
    if watched:
        dbapi.client_timeout = None  # type: ignore[union-attr]
    try:
        connection.execute(text("SELECT pg_advisory_xact_lock(hashtext(:name))"),
                           {"name": f"rma-station:{name}"})
    finally:
        if watched:
            dbapi.client_timeout = before  # type: ignore[union-attr]
    connection.execute(text("SELECT set_config('lock_timeout', :l, true), set_config('statement_timeout', :s, true)"),
                       {"l": previous[0], "s": previous[1]})
