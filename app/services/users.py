"""Users, roles and log-in: passwords, lockout, the log-in record, administration.

Who may do what:
- anyone may log in (`authenticate`) and change their own password (`change_password`);
- an administrator adds users (`create_user` with an actor), resets a password
  (`reset_password`: the user must change it at the next log-in), edits roles
  (`set_roles`) and deactivates or reactivates a user (`set_active`).

Hashing and the password policy live in app.services.passwords. Five failed log-ins in a
row lock the user for 15 minutes; every attempt, refused or not, is a `LoginEvent`.
Times come from the database server's clock where there is one (PostgreSQL), so that the
stations of one database agree on when a lock ends; tests hand in `now`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from app.codes import Role
from app.errors import NotFoundError, StationError, ValidationError
from app.fields import label
from app.services.context import Actor, require_role
from app.services.passwords import (
    check_new_password,
    hash_password,
    needs_rehash,
    require_password,
    verify_password,
)
from db.models import LoginEvent, User, UserRole

__all__ = [
    "LOCK_AFTER", "LOCK_FOR", "LoginRecord", "UserRow", "actor_for", "authenticate",
    "change_password", "create_user", "hash_password", "list_users", "login_events",
    "password_change_due", "reset_password", "set_server_login",
    "other_active_admins", "server_now", "set_active", "set_roles", "valid_role_codes", "verify_password",
]

#: failed log-ins in a row that lock the user, and for how long
LOCK_AFTER = 5
LOCK_FOR = timedelta(minutes=15)

# reasons recorded on LoginEvent (codes, never text)
OK = "ok"
UNKNOWN_USER = "unknown_user"
WRONG_PASSWORD = "wrong_password"
LOCKED = "locked"  # refused because the user is locked (the password is not even checked)
INACTIVE = "inactive"

_ADMINISTER = ("管理用户", "administer users")


def server_now(session: Session) -> datetime:
    """Now, by the database server's clock when it has one (timezone-aware, UTC)."""
    if session.get_bind().dialect.name == "postgresql":
        value = session.scalar(text("SELECT now()"))
        if isinstance(value, datetime) and value.tzinfo is not None:
            return value.astimezone(UTC)
    # SQLite: the database is a file on this machine, its clock is this machine's
    return datetime.now(UTC)


def _local_time(at: datetime) -> str:
    """A time as the person at this station reads it (their computer's time zone)."""
    return at.astimezone().strftime("%Y-%m-%d %H:%M")


def valid_role_codes(roles: list[Role | str] | tuple[str, ...]) -> list[str]:
    """The role codes of `roles`, each once, in order; an unknown or no role is refused."""
    codes: list[str] = []
    for r in roles:
        code = str(r.value if isinstance(r, Role) else r).strip()
        try:
            code = Role(code).value
        except ValueError:
            raise ValidationError("role_unknown", field_name="roles", value=code) from None
        if code not in codes:
            codes.append(code)
    if not codes:
        raise ValidationError("roles_required", field_name="roles")
    return codes


def _user(session: Session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise NotFoundError("unknown", what=label("login"), value=user_id)
    return user


def create_user(session: Session, login: str, name: str, password: str, roles: list[Role | str],
                department: str = "", *, actor: Actor | None = None, check_policy: bool = True,
                must_change_password: bool = False) -> User:
    """Administration: add a user with roles (an administrator, when `actor` is given).

    The password must pass the policy; only the demo data (app.services.seed, whose
    password is the marked demo password) passes ``check_policy=False``.
    `must_change_password` makes the user choose their own password at the first log-in.
    """
    if actor is not None:
        require_role(actor, _ADMINISTER, Role.ADMIN)
    login = login.strip()
    if not login:
        raise ValidationError("required", field_name="login", field=label("login"))
    require_password(password)
    codes = valid_role_codes(roles)
    if check_policy:
        check_new_password(password, login)
    if session.scalar(select(User.id).where(User.login == login)) is not None:
        raise ValidationError("duplicate", field_name="login", what=label("login"), value=login)
    user = User(login=login, name=name, department=department, password_hash=hash_password(password),
                must_change_password=must_change_password, failed_logins=0)
    user.roles = [UserRole(role=code) for code in codes]
    session.add(user)
    session.flush()
    set_server_login(session, user, password=password, roles=codes, may_login=True)
    return user


def set_server_login(session: Session, user: User, *, password: str | None = None,
                     roles: list[str] | None = None, may_login: bool | None = None) -> None:
    """On a server set up by init-server, the user's own login role follows their row, in the
    same transaction: created, its password (a SCRAM verifier, the server keeps it, the row
    keeps none), its group roles, LOGIN or NOLOGIN. Nothing elsewhere (SQLite, single owner)."""
    from app.services.server_roles import SERVER_PASSWORD, server_login, uses_server_logins

    if not uses_server_logins(session):
        return
    if password is not None and user.password_hash != SERVER_PASSWORD:
        user.password_hash = SERVER_PASSWORD
        session.flush()
    server_login(session, user.login, password=password, roles=roles, may_login=may_login)


def actor_for(user: User, station: str = "") -> Actor:
    return Actor(user_id=user.id, login=user.login, name=user.name,
                 roles=user.role_codes, station=station)


@cache
def _dummy_hash() -> str:
    # verified against when there is no such user, so that the answer takes as long
    return hash_password("no such user: a password nobody has")


def _record(session: Session, login: str, user: User | None, station: str, at: datetime,
            success: bool, reason: str) -> None:
    session.add(LoginEvent(at=at, login=login[:64], user_id=user.id if user is not None else None,
                           station=station[:64], success=success, reason=reason))
    session.flush()


def _refuse(session: Session, login: str, user: User | None, station: str, at: datetime,
            reason: str, error: StationError) -> StationError:
    """Record the refused attempt and commit it: the refusal must outlive the exception."""
    _record(session, login, user, station, at, False, reason)
    session.commit()
    return error


def _wrong_password(session: Session, user: User, login: str, station: str, now: datetime,
                    error: StationError) -> StationError:
    """Count a wrong password toward the lockout, record it, commit; the error to raise."""
    # counted in SQL, so that two stations failing at once both count
    user.failed_logins = User.failed_logins + 1
    session.flush()
    session.refresh(user, ["failed_logins"])
    if user.failed_logins >= LOCK_AFTER:
        user.locked_until = now + LOCK_FOR
        user.failed_logins = 0  # after the lock, another LOCK_AFTER tries
        error = StationError("account_locked", until=_local_time(user.locked_until))
    return _refuse(session, login, user, station, now, WRONG_PASSWORD, error)


def authenticate(session: Session, login: str, password: str, station: str = "", *,
                 now: datetime | None = None) -> Actor:
    """Log-in at a station or through the CLI: the actor, or StationError.

    An unknown user, a deactivated one and a wrong password all get the same message
    ("login_failed"). The fifth failure in a row locks the user for LOCK_FOR; while
    locked even the right password is refused ("account_locked", saying until when).
    A success clears the count and replaces an outdated hash (legacy scrypt) with today's.

    Unlike other services this one commits a refused attempt itself before raising (the
    count and the LoginEvent must survive the caller's rollback): call it first in a unit
    of work. A success is flushed; the caller commits.
    """
    login = login.strip()
    now = now or server_now(session)
    user = session.scalar(select(User).where(User.login == login))
    if user is None or not user.active:
        verify_password(password, _dummy_hash())
        reason = UNKNOWN_USER if user is None else INACTIVE
        raise _refuse(session, login, user, station, now, reason, StationError("login_failed"))
    if user.locked_until is not None and user.locked_until > now:
        raise _refuse(session, login, user, station, now, LOCKED,
                      StationError("account_locked", until=_local_time(user.locked_until)))
    if not verify_password(password, user.password_hash):
        raise _wrong_password(session, user, login, station, now, StationError("login_failed"))
    user.failed_logins = 0
    user.locked_until = None
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    _record(session, login, user, station, now, True, OK)
    return actor_for(user, station)


def password_change_due(session: Session, user_id: int) -> bool:
    """Whether the user must choose a new password before working (demo user, after a reset)."""
    return bool(session.scalar(select(User.must_change_password).where(User.id == user_id)))


def change_password(session: Session, actor: Actor, old: str, new: str, *,
                    now: datetime | None = None) -> None:
    """The logged-in user changes their own password (also the forced change at log-in).

    A wrong current password counts as a failed log-in (recorded and committed like one,
    toward the lockout), so that a desk left logged in is no way to guess the password.
    """
    user = _user(session, actor.user_id)
    from app.services.server_roles import SERVER_PASSWORD, change_own_server_password

    if user.password_hash == SERVER_PASSWORD and session.get_bind().dialect.name == "postgresql":
        if new == old:
            raise ValidationError("password_unchanged", field_name="password")
        check_new_password(new, user.login)
        change_own_server_password(session, user.login, old, new)  # the server checks the old one
        session.expire(user, ["must_change_password", "password_changed_at"])  # set by the server
        return
    if not verify_password(old, user.password_hash):
        raise _wrong_password(session, user, user.login, actor.station, now or server_now(session),
                              ValidationError("password_wrong_old", field_name="old_password"))
    if new == old:
        raise ValidationError("password_unchanged", field_name="password")
    check_new_password(new, user.login)
    user.password_hash = hash_password(new)
    user.must_change_password = False
    user.password_changed_at = now or server_now(session)
    session.flush()


def reset_password(session: Session, actor: Actor, user_id: int, new: str, *,
                   now: datetime | None = None) -> None:
    """Administration: give a user a new password, to be changed at their next log-in.

    Also lifts a lock: the reset is how an administrator lets a locked user back in.
    """
    require_role(actor, ("重置密码", "reset a password"), Role.ADMIN)
    user = _user(session, user_id)
    require_password(new)
    check_new_password(new, user.login)
    user.password_hash = hash_password(new)
    user.must_change_password = True
    user.failed_logins = 0
    user.locked_until = None
    user.password_changed_at = now or server_now(session)
    session.flush()
    set_server_login(session, user, password=new, may_login=user.active)


def other_active_admins(session: Session, user_id: int) -> int:
    return session.scalar(
        select(func.count(User.id)).join(UserRole)
        .where(UserRole.role == Role.ADMIN.value, User.active.is_(True), User.id != user_id)
    ) or 0


def set_roles(session: Session, actor: Actor, user_id: int, roles: list[Role | str]) -> None:
    """Administration: the user's roles become exactly `roles` (at least one)."""
    require_role(actor, ("修改角色", "edit roles"), Role.ADMIN)
    user = _user(session, user_id)
    codes = valid_role_codes(roles)
    if (Role.ADMIN.value in user.role_codes and Role.ADMIN.value not in codes and user.active
            and other_active_admins(session, user.id) == 0):
        raise ValidationError("last_admin", field_name="roles")
    keep = [r for r in user.roles if r.role in codes]
    have = {r.role for r in keep}
    user.roles = keep + [UserRole(role=c) for c in codes if c not in have]
    session.flush()
    set_server_login(session, user, roles=codes)


def set_active(session: Session, actor: Actor, user_id: int, active: bool) -> None:
    """Administration: deactivate a user (they can no longer log in) or reactivate one.

    An administrator cannot deactivate themselves, nor the last active administrator.
    Reactivating also lifts a lock.
    """
    require_role(actor, ("停用或启用用户", "deactivate or activate a user"), Role.ADMIN)
    user = _user(session, user_id)
    if not active:
        if user.id == actor.user_id:
            raise ValidationError("cannot_deactivate_self", field_name="active")
        if Role.ADMIN.value in user.role_codes and other_active_admins(session, user.id) == 0:
            raise ValidationError("last_admin", field_name="active")
    else:
        user.failed_logins = 0
        user.locked_until = None
    user.active = active
    session.flush()
    set_server_login(session, user, may_login=active)


@dataclass(frozen=True)
class UserRow:
    """One user as the administration lists them."""

    id: int
    login: str
    name: str
    department: str
    roles: tuple[str, ...]
    active: bool
    must_change_password: bool
    locked_until: datetime | None


def list_users(session: Session, actor: Actor | None = None) -> list[UserRow]:
    """Every user, by login, for the administration (Users page, `rma-station user list`)."""
    if actor is not None:
        require_role(actor, _ADMINISTER, Role.ADMIN)
    return [
        UserRow(u.id, u.login, u.name, u.department, tuple(sorted(u.role_codes)), u.active,
                u.must_change_password, u.locked_until)
        for u in session.scalars(select(User).order_by(User.login))
    ]


@dataclass(frozen=True)
class LoginRecord:
    """One log-in attempt as the administration reads the record."""

    at: datetime
    login: str
    user_id: int | None
    station: str
    success: bool
    reason: str  # ok, unknown_user, wrong_password, locked, inactive


def login_events(session: Session, actor: Actor, *, login: str | None = None,
                 limit: int = 100) -> list[LoginRecord]:
    """Administration: the latest log-in attempts, newest first (of one login, if given)."""
    require_role(actor, _ADMINISTER, Role.ADMIN)
    query = select(LoginEvent).order_by(LoginEvent.at.desc(), LoginEvent.id.desc()).limit(limit)
    if login:
        query = query.where(LoginEvent.login == login.strip())
    return [LoginRecord(e.at, e.login, e.user_id, e.station, e.success, e.reason)
            for e in session.scalars(query)]

