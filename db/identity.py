"""Which database is this? Its identity, its demo mark, and a guard on the embedded file.

Every database the set-up initializes carries a random `database_id` (a uuid in the
`setting` table) and `demo_data` ("1" for a demo database, "0" for real work). A station
remembers the id of each database it opened (per machine, ui/settings.py), so that at the
next start it can tell "my database" from "an empty or different database at the same
place" — and never answer a vanished file with a fresh demo database.

While a station runs, SQLite must never create a new file behind its back: when the file
is deleted or renamed, SQLite would otherwise make an empty one at the next connection, or
keep writing into the unlinked file through a pooled connection, and every later "saved"
would be a lie. `guard_sqlite_file` (hooked into db.engine.make_engine) opens the file with
`mode=rw` once it exists (SQLite then refuses to create it), and checks at each checkout
of a connection and at each BEGIN — the start of each transaction — that the file on disk
is still the one the connection has open (same device and inode). A missing file raises DatabaseFileGone;
a file replaced by a different database (another database_id) raises DatabaseFileReplaced;
a file replaced by a copy of the same database (a restored backup) is simply reopened.
Both errors are DatabaseUnavailable: the window keeps the user's input and saves nothing.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, event, exists, make_url, select
from sqlalchemy import exc as sa_exc
from sqlalchemy.orm import Session

from app.errors import DatabaseUnavailable, StationError
from db.models import Return, Setting, User

DATABASE_ID_KEY = "database_id"
DEMO_KEY = "demo_data"


class DatabaseFileGone(DatabaseUnavailable):
    """The embedded database file was deleted or moved while the station had it open."""

    def __init__(self, path: str | Path) -> None:
        StationError.__init__(self, "db_file_gone", path=str(path))


class DatabaseFileReplaced(DatabaseUnavailable):
    """Another database now sits where the station's embedded file was."""

    def __init__(self, path: str | Path) -> None:
        StationError.__init__(self, "db_file_replaced", path=str(path))


# ---------------------------------------------------------------- identity


@dataclass(frozen=True)
class DatabaseIdentity:
    """What a station needs to know about a database before it works on it."""

    database_id: str | None   # None: never initialized by the set-up (or from before it)
    demo: bool                # demo_data == "1"
    demo_mark: str | None     # the raw demo_data value: "1", "0" or None (not marked)
    empty: bool               # no users and no returns: a set-up is due

    @property
    def real(self) -> bool:
        """Set up for real work, or holding returns not made by the demo: never demo-filled."""
        return self.demo_mark == "0"


def setting_value(session: Session, key: str) -> str | None:
    row = session.get(Setting, key)
    return row.value if row is not None else None


def read_identity(session: Session) -> DatabaseIdentity:
    # whether any row exists, not how many: a count of a million returns at every start of
    # every station would be the slowest query of the start; and all of it in one statement,
    # one round trip of the start (across sites each costs ~20 ms)
    def setting(key: str) -> Any:
        return select(Setting.value).where(Setting.key == key).scalar_subquery()

    users, returns, mark, database_id = session.execute(select(
        exists().select_from(User), exists().select_from(Return), setting(DEMO_KEY),
        setting(DATABASE_ID_KEY))).one()
    return DatabaseIdentity(database_id=database_id or None, demo=mark == "1", demo_mark=mark,
                            empty=not users and not returns)


def holds_real_data(session: Session) -> bool:
    """True for a database set up for real work, or one (from before the set-up existed)
    that holds returns the demo did not make: demo data must never be mixed into it."""
    identity = read_identity(session)
    if identity.demo:
        return False
    if identity.real:
        return True
    return session.scalar(select(Return.id).where(Return.source != "demo").limit(1)) is not None


def location_key(url: str | URL) -> str:
    """Where a database lives, without user or password: the key a station remembers it by."""
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        return f"sqlite:{Path(u.database).resolve()}" if u.database and u.database != ":memory:" else "sqlite:"
    return f"{u.get_backend_name()}://{u.host or 'localhost'}:{u.port or ''}/{u.database or ''}"


def sqlite_file(url: str | URL) -> Path | None:
    """The embedded database's file, or None for a server (or an in-memory database)."""
    u = make_url(url)
    if u.get_backend_name() != "sqlite" or not u.database or u.database == ":memory:":
        return None
    return Path(u.database)


# ---------------------------------------------------------------- the file guard


def _file_id(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return st.st_dev, st.st_ino


def _read_id(dbapi_conn: Any) -> str | None:
    try:
        row = dbapi_conn.execute("SELECT value FROM setting WHERE key = ?", (DATABASE_ID_KEY,)).fetchone()
    except sqlite3.Error:
        return None  # no schema yet
    return row[0] if row else None


def _file_database_id(path: Path) -> str | None:
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        return _read_id(conn)
    finally:
        conn.close()


class SqliteFileGuard:
    """One engine's watch over its file: created at most once, then only ever reopened."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.uri = f"{path.resolve().as_uri()}?mode=rw"
        self._lock = threading.Lock()
        self.file_id = _file_id(path)
        # a missing file may be created by the first connection only (a new database)
        self.may_create = self.file_id is None
        self.database_id: str | None = None

    def connect_args(self, cargs: list[Any], cparams: dict[str, Any]) -> None:
        """Before SQLite opens the file: never create it again, never open another one."""
        with self._lock:
            now = _file_id(self.path)
            if now is None:
                if not self.may_create:
                    raise DatabaseFileGone(self.path)
                self.may_create = False
                return  # SQLite's default mode creates the new database
            self.may_create = False
            if self.file_id is not None and now != self.file_id:
                self._accept_replacement(self.database_id, now)
            self.file_id = now
        cargs[:1] = [self.uri]
        cparams["uri"] = True

    def connected(self, dbapi_conn: Any, record: Any) -> None:
        with self._lock:
            if self.file_id is None:  # the connection that created the file
                self.file_id = _file_id(self.path)
            record.info["rma_file_id"] = self.file_id
        found = _read_id(dbapi_conn)
        if found:
            self.database_id = found

    def checkout(self, dbapi_conn: Any, record: Any, _proxy: Any) -> None:
        """The start of a transaction: is the file this connection has open still the file?"""
        now = _file_id(self.path)
        if now is None:
            raise DatabaseFileGone(self.path)
        if record.info.get("rma_file_id") == now:
            return
        with self._lock:
            if now != self.file_id:
                self._accept_replacement(_read_id(dbapi_conn) or self.database_id, now)
                self.file_id = now
        # the same database put back (e.g. a restored backup): reopen it, on a new connection
        raise sa_exc.DisconnectionError("the database file was replaced by a copy of the same database")

    def begin(self, conn: Any) -> None:
        """Each transaction, also on a connection held across several: still the same file?

        The pool's checkout has reopened a file put back; a connection that was never given
        back would write into the old, unlinked file, so it is refused instead.
        """
        now = _file_id(self.path)
        if now is None:
            raise DatabaseFileGone(self.path)
        if conn.connection.info.get("rma_file_id") not in (None, now):
            raise DatabaseFileReplaced(self.path)

    def _accept_replacement(self, expected_id: str | None, now: tuple[int, int]) -> None:
        found = _file_database_id(self.path)
        if expected_id is not None and found != expected_id:
            raise DatabaseFileReplaced(self.path)
        if found:
            self.database_id = found


def guard_sqlite_file(engine: Engine, path: Path) -> SqliteFileGuard:
    """Hook the guard into an engine on an embedded file (db.engine.make_engine does this)."""
    guard = SqliteFileGuard(path)

    @event.listens_for(engine, "do_connect")
    def _open(_dialect: Any, _rec: Any, cargs: list[Any], cparams: dict[str, Any]) -> None:
        guard.connect_args(cargs, cparams)

    event.listen(engine, "connect", guard.connected)
    event.listen(engine, "checkout", guard.checkout)
    event.listen(engine, "begin", guard.begin)
    return guard
