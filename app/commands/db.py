"""`rma-station db upgrade|current` — create or upgrade the schema through Alembic.

`db backup|restore|copy` are in app.commands.db_backup, `db init-server` in app.commands.server.
"""

from __future__ import annotations

import argparse

from app.commands import db_backup, server
from db.engine import database_url, describe_url, make_engine
from db.migrate import current_revision, head_revision, upgrade


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("db", help="database schema: upgrade / current; backup / restore / copy",
                       description=db_backup.HELP + "; " + server.HELP)
    p.add_argument("action", choices=["upgrade", "current", *db_backup.ACTIONS, "init-server"])
    # backup, restore and copy (app.commands.db_backup)
    p.add_argument("file", nargs="?", metavar="FILE", help="backup: OUT file; restore: IN file; init-server: the server URL")
    p.add_argument("--force", action="store_true", help="backup: overwrite an existing OUT file")
    p.add_argument("--to", metavar="URL", help="copy: the empty server database, e.g. "
                   "postgresql+psycopg://rma@dbserver/rma")
    server.add_arguments(p)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if args.action in db_backup.ACTIONS:
        return db_backup.run(args)
    if args.action == "init-server":
        return server.run_init_server(args)
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
