"""Engine and session set-up for the embedded SQLite file or a shared PostgreSQL server.

One session per user action (SQLAlchemy's advice for GUIs): the caller opens it with
`unit_of_work()`, services work inside it, the caller commits. Connection failures come
out as app.errors.DatabaseUnavailable so the window can keep the form and retry.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event, make_url
from sqlalchemy import exc as sa_exc
from sqlalchemy.orm import Session, sessionmaker

from app.errors import DatabaseUnavailable
from app.paths import user_data_dir

ENV_URL = "RMA_DATABASE_URL"


def default_sqlite_path() -> Path:
    return user_data_dir() / "rma-station.sqlite3"


def database_url(configured: str | None = None) -> str:
    """RMA_DATABASE_URL wins, then the settings dialog's URL, else the embedded SQLite file."""
    return os.environ.get(ENV_URL) or configured or f"sqlite:///{default_sqlite_path()}"


def describe_url(url: str | URL) -> str:
    """'SQLite: /path/file' or 'PostgreSQL: host/db' — for the status bar, without password."""
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        return f"SQLite: {u.database or ':memory:'}"
    return f"PostgreSQL: {u.host or 'localhost'}{':' + str(u.port) if u.port else ''}/{u.database}"


def _sqlite_on_connect(dbapi_conn: Any, _record: Any) -> None:
    # Foreign keys are off by default in SQLite; WAL lets readers work during a write;
    # busy_timeout makes concurrent writers wait instead of failing at once.
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=15000")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def make_engine(url: str | URL, **kwargs: Any) -> Engine:
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
    kwargs.setdefault("pool_pre_ping", True)
    kwargs.setdefault("connect_args", {"connect_timeout": 5})
    return create_engine(u, **kwargs)


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def is_connection_error(exc: BaseException) -> bool:
    if isinstance(exc, sa_exc.DBAPIError) and exc.connection_invalidated:
        return True
    if isinstance(exc, sa_exc.OperationalError):
        text = str(exc.orig).lower() if exc.orig else str(exc).lower()
        # SQLite "database is locked" is contention, not a lost connection
        return "locked" not in text
    return isinstance(exc, sa_exc.InterfaceError)


@contextmanager
def unit_of_work(factory: sessionmaker[Session], **info: Any) -> Iterator[Session]:
    """One transaction for one user action; commit on success, roll back on any error.

    `info` (actor, station) is put on session.info for the audit trail.
    """
    session = factory()
    session.info.update(info)
    try:
        yield session
        session.commit()
    except (sa_exc.OperationalError, sa_exc.InterfaceError, sa_exc.DBAPIError) as exc:
        session.rollback()
        if is_connection_error(exc):
            raise DatabaseUnavailable(str(exc.orig or exc).splitlines()[0][:200]) from exc
        raise
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
