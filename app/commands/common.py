"""What every command needs: the database chosen by RMA_DATABASE_URL, upgraded, and a session."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from app.commands import cli_lang
from app.errors import StationError
from db.engine import classify, database_url, make_engine, make_session_factory, per_user_login
from db.schema_version import schema_is_current


def open_database(url: str | None = None, *, auto_upgrade: bool = True) -> tuple[Engine, sessionmaker[Session]]:
    engine = make_engine(database_url(url))
    # a server that names nobody: nothing can be read before the person logs in as themselves
    # (app.commands.users.log_in), and its schema is its administrator's to upgrade; otherwise
    # one SELECT of the schema's version, Alembic imported only when it has work to do
    if auto_upgrade and not per_user_login(engine.url) and not schema_is_current(engine):
        from db.migrate import needs_upgrade, upgrade

        if needs_upgrade(engine):
            upgrade(engine)
    return engine, make_session_factory(engine)


def guarded(fn: Callable[..., int]) -> Callable[..., int]:
    """Expected errors print their message in the user's language and exit 1; no traceback.

    Database failures count as expected when db.engine.classify says what they are."""

    def wrapper(*args: Any, **kwargs: Any) -> int:
        try:
            return fn(*args, **kwargs)
        except StationError as exc:
            print(exc.message(cli_lang()), file=sys.stderr)
            return 1
        except Exception as exc:
            made = classify(exc)  # a lost, busy, read-only or full database: its message
            if made is exc:
                raise
            print(made.message(cli_lang()), file=sys.stderr)  # type: ignore[attr-defined]
            return 1

    wrapper.__name__ = fn.__name__
    wrapper.__doc__ = fn.__doc__
    return wrapper
