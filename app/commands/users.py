"""`rma-station user add LOGIN --name N --roles qa,engineering` — administration without the window."""

from __future__ import annotations

import argparse
import getpass

from app.codes import Role
from app.commands.common import guarded, open_database
from app.services.users import create_user


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("user", help="add a user")
    p.add_argument("action", choices=["add"])
    p.add_argument("login")
    p.add_argument("--name", required=True)
    p.add_argument("--roles", required=True, help=",".join(r.value for r in Role))
    p.add_argument("--department", default="")
    p.add_argument("--password", help="prompted for when omitted")
    p.set_defaults(handler=run)


@guarded
def run(args: argparse.Namespace) -> int:
    password = args.password or getpass.getpass("password: ")
    _engine, factory = open_database()
    with factory.begin() as s:
        create_user(s, args.login, args.name, password, [r.strip() for r in args.roles.split(",")],
                    args.department)
    print(f"user {args.login} added")
    return 0
