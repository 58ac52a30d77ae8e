"""`rma-station user …` — user administration without the window, with a log-in like the window's.

    rma-station user add LOGIN --name N --roles qa,engineering [--department D] [--as ADMIN]
    rma-station user passwd [--as LOGIN]          change the acting user's own password
    rma-station user reset LOGIN [--as ADMIN]     new password, to be changed at next log-in
    rma-station user roles LOGIN --roles a,b [--as ADMIN]
    rma-station user deactivate|activate LOGIN [--as ADMIN]
    rma-station user list [--as ADMIN]
    rma-station user log [LOGIN] [--limit N] [--as ADMIN]   the latest log-in attempts

Every command logs in the acting user (`--as`, default admin): the password is asked at
the terminal, or taken from the environment variable RMA_PASSWORD (for scripts). A new
password (add, passwd, reset) is asked twice, or taken from RMA_NEW_PASSWORD (`add` also
takes --password). A refused log-in prints why and exits 1; it is recorded and counts
toward the lockout like a refused log-in at a station. `log_in` is also what
`rma-station import --user X` uses.
"""

from __future__ import annotations

import argparse
import getpass
import os
import socket
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.codes import ROLES, Role
from app.commands import cli_lang
from app.commands.common import guarded, open_database
from app.errors import NotFoundError, StationError, ValidationError
from app.fields import label
from app.services import users as user_service
from app.services.context import Actor
from app.services.server_roles import connect_as
from db.engine import per_user_login
from db.models import User

ENV_PASSWORD = "RMA_PASSWORD"
ENV_NEW_PASSWORD = "RMA_NEW_PASSWORD"


def _say(zh: str, en: str) -> str:
    return zh if cli_lang() == "zh_CN" else en


def _ask(prompt: str) -> str:
    try:
        return getpass.getpass(prompt)
    except EOFError:  # no terminal and nothing on standard input
        return ""


def read_password(login: str) -> str:
    """The acting user's password: RMA_PASSWORD, or asked at the terminal."""
    value = os.environ.get(ENV_PASSWORD)
    if value is not None:
        return value
    return _ask(_say(f"{login} 的密码: ", f"Password of {login}: "))


def read_new_password(login: str) -> str:
    """A new password for `login`: RMA_NEW_PASSWORD, or asked twice at the terminal."""
    value = os.environ.get(ENV_NEW_PASSWORD)
    if value is not None:
        return value
    first = _ask(_say(f"{login} 的新密码: ", f"New password of {login}: "))
    if not first:
        raise ValidationError("required", field_name="password", field=label("password"))
    if _ask(_say("再次输入新密码: ", "Repeat the new password: ")) != first:
        raise ValidationError("password_mismatch", field_name="password")
    return first


def cli_station() -> str:
    return f"{socket.gethostname()}/cli"[:64]


def log_in(factory: sessionmaker[Session], login: str, *, change_due_ok: bool = False) -> Actor:
    """Log `login` in for one command, as the window's log-in does (lockout, log-in record).

    The attempt is its own transaction, recorded whatever the command does next. A user
    who must change their password first may only do that (`user passwd`).
    """
    password = read_password(login)
    bind = factory.kw.get("bind")
    if bind is not None and per_user_login(bind.url):
        # roles (issue 10): the server checks the password; the command works on that
        # person's own connection from now on
        server = connect_as(bind.url, login, password, cli_station())
        factory.configure(bind=server.engine)
        with factory() as s:
            due = user_service.password_change_due(s, server.actor.user_id)  # type: ignore[attr-defined]
        if due and not change_due_ok:
            raise StationError("password_change_required", login=login)
        return server.actor  # type: ignore[return-value]
    with factory() as s:
        actor = user_service.authenticate(s, login, password, cli_station())
        due = user_service.password_change_due(s, actor.user_id)
        s.commit()
    if due and not change_due_ok:
        raise StationError("password_change_required", login=actor.login)
    return actor


def _user_id(session: Session, login: str) -> int:
    user_id = session.scalar(select(User.id).where(User.login == login.strip()))
    if user_id is None:
        raise NotFoundError("unknown", what=label("login"), value=login)
    return user_id


def _roles(text: str) -> list[str]:
    return [r.strip() for r in text.split(",") if r.strip()]


def register(sub: argparse._SubParsersAction) -> None:
    acting = argparse.ArgumentParser(add_help=False)
    acting.add_argument("--as", dest="as_login", default="admin", metavar="LOGIN",
                        help=f"who does it (default admin); password from ${ENV_PASSWORD} or asked")
    p = sub.add_parser("user", help="users: add, change or reset a password, roles, deactivate, list")
    actions = p.add_subparsers(dest="action", required=True)

    add = actions.add_parser("add", parents=[acting], help="add a user (password changed at first log-in)")
    add.add_argument("login")
    add.add_argument("--name", required=True)
    add.add_argument("--roles", required=True, help=",".join(r.value for r in Role))
    add.add_argument("--department", default="")
    add.add_argument("--password", help=f"the first password; else ${ENV_NEW_PASSWORD} or asked twice")
    add.set_defaults(handler=run_add)

    passwd = actions.add_parser("passwd", parents=[acting], help="change your own password")
    passwd.set_defaults(handler=run_passwd)

    reset = actions.add_parser("reset", parents=[acting],
                               help="give a user a new password, to be changed at next log-in")
    reset.add_argument("login")
    reset.set_defaults(handler=run_reset)

    roles = actions.add_parser("roles", parents=[acting], help="set a user's roles")
    roles.add_argument("login")
    roles.add_argument("--roles", required=True, help=",".join(r.value for r in Role))
    roles.set_defaults(handler=run_roles)

    for name, active in (("deactivate", False), ("activate", True)):
        a = actions.add_parser(name, parents=[acting], help=f"{name} a user")
        a.add_argument("login")
        a.set_defaults(handler=run_active, active=active)

    ls = actions.add_parser("list", parents=[acting], help="list the users")
    ls.set_defaults(handler=run_list)

    log = actions.add_parser("log", parents=[acting], help="the latest log-in attempts, newest first")
    log.add_argument("login", nargs="?", help="only this user's")
    log.add_argument("--limit", type=int, default=50)
    log.set_defaults(handler=run_log)


@guarded
def run_add(args: argparse.Namespace) -> int:
    engine, factory = open_database()
    actor = log_in(factory, args.as_login)
    password = args.password if args.password is not None else read_new_password(args.login)
    with factory.begin() as s:
        user_service.create_user(s, args.login, args.name, password, _roles(args.roles),
                                 args.department, actor=actor, must_change_password=True)
    print(_say(f"已添加用户 {args.login}(首次登录时须修改密码)",
               f"user {args.login} added (must change the password at first log-in)"))
    engine.dispose()
    return 0


@guarded
def run_passwd(args: argparse.Namespace) -> int:
    engine, factory = open_database()
    old = read_password(args.as_login)
    with factory() as s:
        actor = user_service.authenticate(s, args.as_login, old, cli_station())
        s.commit()
    new = read_new_password(actor.login)
    with factory.begin() as s:
        user_service.change_password(s, actor, old, new)
    print(_say(f"{actor.login} 的密码已修改", f"password of {actor.login} changed"))
    engine.dispose()
    return 0


@guarded
def run_reset(args: argparse.Namespace) -> int:
    engine, factory = open_database()
    actor = log_in(factory, args.as_login)
    new = read_new_password(args.login)
    with factory.begin() as s:
        user_service.reset_password(s, actor, _user_id(s, args.login), new)
    print(_say(f"{args.login} 的密码已重置,下次登录时须修改",
               f"password of {args.login} reset; it must be changed at the next log-in"))
    engine.dispose()
    return 0


@guarded
def run_roles(args: argparse.Namespace) -> int:
    engine, factory = open_database()
    actor = log_in(factory, args.as_login)
    with factory.begin() as s:
        user_service.set_roles(s, actor, _user_id(s, args.login), _roles(args.roles))
    print(_say(f"{args.login} 的角色: {args.roles}", f"roles of {args.login}: {args.roles}"))
    engine.dispose()
    return 0


@guarded
def run_active(args: argparse.Namespace) -> int:
    engine, factory = open_database()
    actor = log_in(factory, args.as_login)
    with factory.begin() as s:
        user_service.set_active(s, actor, _user_id(s, args.login), args.active)
    if args.active:
        print(_say(f"已启用用户 {args.login}", f"user {args.login} activated"))
    else:
        print(_say(f"已停用用户 {args.login}", f"user {args.login} deactivated"))
    engine.dispose()
    return 0


@guarded
def run_list(args: argparse.Namespace) -> int:
    engine, factory = open_database()
    actor = log_in(factory, args.as_login)
    zh = cli_lang() == "zh_CN"
    with factory() as s:
        rows = user_service.list_users(s, actor)
    for row in rows:
        roles = ",".join(ROLES[Role(r)].zh if zh else r for r in row.roles)
        state = []
        if not row.active:
            state.append(_say("已停用", "inactive"))
        if row.must_change_password:
            state.append(_say("须改密码", "must change password"))
        if row.locked_until is not None and row.locked_until > datetime.now(UTC):
            state.append(_say("已锁定", "locked"))
        print("\t".join([row.login, row.name, row.department, roles, " ".join(state)]).rstrip())
    engine.dispose()
    return 0


@guarded
def run_log(args: argparse.Namespace) -> int:
    engine, factory = open_database()
    actor = log_in(factory, args.as_login)
    with factory() as s:
        records = user_service.login_events(s, actor, login=args.login, limit=args.limit)
    for r in records:
        outcome = _say("成功", "ok") if r.success else _say("拒绝", "refused")
        print("\t".join([r.at.astimezone().strftime("%Y-%m-%d %H:%M:%S"), r.login, r.station,
                         outcome, r.reason]))
    engine.dispose()
    return 0

