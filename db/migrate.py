"""Create or upgrade the schema through Alembic, on SQLite or PostgreSQL."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from db.engine import advisory_xact_lock, without_timeouts
from db.roles import apply_server_objects, as_database_owner

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Upgrade in one transaction. On PostgreSQL under an advisory lock: stations (or
    `rma-station demo` runs) starting at once take turns, and the later ones find the
    schema already at `revision` (Alembic reads the version after the lock is held).
    On PostgreSQL the server's triggers and grants are brought in step afterwards (db.roles)."""
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
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def needs_upgrade(engine: Engine) -> bool:
    return current_revision(engine) != head_revision()
