"""`rma-station db upgrade|current` — create or upgrade the schema through Alembic."""

from __future__ import annotations

import argparse

from db.engine import database_url, describe_url, make_engine
from db.migrate import current_revision, head_revision, upgrade


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("db", help="database schema: upgrade / current")
    p.add_argument("action", choices=["upgrade", "current"])
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    url = database_url()
    engine = make_engine(url)
    if args.action == "upgrade":
        before = current_revision(engine)
        upgrade(engine)
        print(f"{describe_url(url)}: {before or '(empty)'} → {current_revision(engine)}")
    else:
        print(f"{describe_url(url)}: {current_revision(engine) or '(empty)'} (head {head_revision()})")
    engine.dispose()
    return 0
