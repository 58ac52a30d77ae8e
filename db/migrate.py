"""Create or upgrade the schema through Alembic, on SQLite or PostgreSQL.

Alembic itself is imported only to upgrade or to answer exact questions; the station's
start asks `needs_upgrade`, which reads the version table with one small query and finds
the head from the migration files' `revision` / `down_revision` lines (no Alembic, no
import of every migration module).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from db.engine import advisory_xact_lock, without_timeouts

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


if TYPE_CHECKING:
    from alembic.config import Config

_REVISION = re.compile(r"""^revision\s*(?::[^=]*)?=\s*["']([^"']+)["']""", re.MULTILINE)
_DOWN = re.compile(r"""^down_revision\s*(?::[^=]*)?=\s*(None|["']([^"']*)["'])""", re.MULTILINE)


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Upgrade in one transaction. On PostgreSQL under an advisory lock: stations (or
    `rma-station demo` runs) starting at once take turns, and the later ones find the
    schema already at `revision` (Alembic reads the version after the lock is held).
    On PostgreSQL the server's triggers and grants are brought in step afterwards (db.roles)."""
    from alembic import command

    # a schema upgrade's, not a start's (db.roles is a large module)
    from db.roles import apply_server_objects, as_database_owner

    cfg = alembic_config()
    with engine.begin() as conn, without_timeouts(conn):
        advisory_xact_lock(conn, "schema-upgrade")
        as_database_owner(conn)  # on a server set up by init-server: the owner role owns it all
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
        if revision == "head":
            # roles: triggers on new tables, grants on new tables and columns
            apply_server_objects(conn)


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


@lru_cache(maxsize=1)
def head_from_files() -> str | None:
    """The head revision read from the migration files (the revision no other one names
    as its down_revision), without Alembic; None if the files do not make one chain."""
    revisions: set[str] = set()
    downs: set[str] = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        rev, down = _REVISION.search(source), _DOWN.search(source)
        if rev is None or down is None:
            return None  # a form this reader does not know: let Alembic answer
        revisions.add(rev.group(1))
        if down.group(2):
            downs.add(down.group(2))
    heads = revisions - downs
    return next(iter(heads)) if len(heads) == 1 else None


def version_in_database(engine: Engine) -> str | None:
    """The schema version the database holds (one small row), None for an empty one."""
    from sqlalchemy import inspect

    with engine.connect() as conn:
        try:
            rows = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
        except DBAPIError:
            conn.rollback()
            if "alembic_version" in inspect(conn).get_table_names():
                raise  # the table is there: the failure is the connection's, not an empty database
            return None
    return rows[0] if len(rows) == 1 else None


def needs_upgrade(engine: Engine) -> bool:
    """Is the database's schema older than this program's? The start's only schema check:
    one small query when the migration files form one chain (else Alembic's own answer)."""
    head = head_from_files()
    if head is None:
        return current_revision(engine) != head_revision()
    return version_in_database(engine) != head
