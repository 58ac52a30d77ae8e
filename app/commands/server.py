"""`rma-station db init-server URL` — set up a shared PostgreSQL server for per-user log-in.

Run once by whoever administers the server, with a superuser's (or a CREATEROLE owner's)
URL; running it again brings roles, grants and triggers in step and changes nothing else.
The first administrator's password is RMA_NEW_PASSWORD, or asked twice at the terminal;
it goes to the server as a SCRAM-SHA-256 verifier and is stored nowhere else.
"""

from __future__ import annotations

import argparse

from app.commands import cli_lang
from app.commands.common import guarded
from app.commands.users import read_new_password
from app.errors import ValidationError
from app.services.server_roles import init_server
from db.engine import describe_url
from db.roles import BASE, GROUPS

HELP = ("init-server URL: set up a PostgreSQL server database for per-user log-in (owner role, "
        "group roles rma_*, grants, the first administrator); idempotent")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--admin", default="admin", metavar="LOGIN", help="init-server: the first administrator's login")
    p.add_argument("--name", default="", metavar="NAME", help="init-server: the first administrator's name")
    p.add_argument("--company", default="", metavar="NAME",
                   help="init-server: the company name, for a database that is not set up yet")


@guarded
def run_init_server(args: argparse.Namespace) -> int:
    url = args.file
    if not url or not url.startswith("postgresql"):
        raise ValidationError("required", field_name="url", field=("服务器数据库URL", "Server database URL"))
    password = read_new_password(args.admin)
    done = init_server(url, admin_login_name=args.admin, admin_name=args.name or args.admin,
                       admin_password=password, company=args.company)
    zh = cli_lang() == "zh_CN"
    groups = ", ".join(GROUPS.values())
    if zh:
        print(f"{describe_url(url)}:所有者 {done.owner};角色组 {BASE}, {groups};管理员 {done.admin}"
              + (" (新建)" if done.created_admin else ""))
        print("工作站设置只填写服务器地址: postgresql+psycopg://主机:端口/数据库 (不含用户名和密码)")
    else:
        print(f"{describe_url(url)}: owner {done.owner}; groups {BASE}, {groups}; administrator {done.admin}"
              + (" (created)" if done.created_admin else ""))
        print("Stations name the server only: postgresql+psycopg://HOST:PORT/DATABASE (no user, no password)")
    return 0
