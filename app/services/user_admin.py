"""The users page of master data (资料维护 → 用户): list, add, change name, department, roles, active.

Step served: administration. The administrator and the QA lead (Role.ADMIN, Role.MANAGER)
keep the users; only an administrator grants or takes away the administrator role or changes
an administrator's account, and the
last active administrator can neither be deactivated nor lose it (nobody could keep the
users any more). Passwords, log-in and lockout are app.services.users; a new user is made
there (`create_user`) so its password rules apply. Users are never deleted: returns name
who received, inspected and decided. Changes reach the audit trail (User, UserRole), with
the password hash masked.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.codes import Role
from app.errors import NotFoundError, ValidationError
from app.services.context import Actor, bind_actor, require_role, required_text
from app.services.users import create_user, other_active_admins, set_server_login, valid_role_codes
from db.models import User, UserRole

EDITORS: tuple[Role, ...] = (Role.ADMIN, Role.MANAGER)
USER_WHAT = ("用户", "User")
SORTS = ("login", "name", "department", "active")


@dataclass(frozen=True)
class UserRecord:
    id: int
    login: str
    name: str
    department: str
    roles: tuple[str, ...]          # role codes, sorted
    active: bool


def _record(u: User) -> UserRecord:
    return UserRecord(u.id, u.login, u.name, u.department, tuple(sorted(u.role_codes)), u.active)


def list_users(session: Session, search: str = "", *, include_inactive: bool = False, sort: str = "login",
               descending: bool = False) -> list[UserRecord]:
    """The users, searched by login, name or department (case-insensitive)."""
    if sort not in SORTS:
        raise ValueError(f"unknown sort {sort!r}; known: {', '.join(SORTS)}")
    stmt = select(User)
    if not include_inactive:
        stmt = stmt.where(User.active.is_(True))
    for term in search.split():
        pattern = "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        stmt = stmt.where(or_(User.login.ilike(pattern, escape="\\"), User.name.ilike(pattern, escape="\\"),
                              User.department.ilike(pattern, escape="\\")))
    column = getattr(User, sort)
    stmt = stmt.order_by(column.desc() if descending else column.asc(), User.id)
    return [_record(u) for u in session.scalars(stmt)]


def _get(session: Session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise NotFoundError(what=USER_WHAT, value=user_id)
    return user


def add_user(session: Session, actor: Actor, login: str, name: str, password: str, roles: list[str],
             department: str = "") -> UserRecord:
    """Administration: a new user with a first password (app.services.users.create_user)."""
    bind_actor(session, actor)
    require_role(actor, ("添加用户", "add a user"), *EDITORS)
    wanted = [Role(c) for c in valid_role_codes(roles)]
    if Role.ADMIN in wanted and not actor.has(Role.ADMIN):
        raise ValidationError("admin_grant", field_name="roles")
    user = create_user(session, login, required_text(name, "name"), password, list(wanted),
                       department.strip())
    return _record(user)


def update_user(session: Session, actor: Actor, user_id: int, *, name: str, department: str,
                roles: list[str], active: bool) -> UserRecord:
    """Administration: change a user's name, department, roles and whether they may log in."""
    bind_actor(session, actor)
    require_role(actor, ("修改用户", "change a user"), *EDITORS)
    user = _get(session, user_id)
    wanted = [Role(c) for c in valid_role_codes(roles)]
    had_admin = Role.ADMIN.value in user.role_codes
    wants_admin = Role.ADMIN in wanted
    if (had_admin or wants_admin) and not actor.has(Role.ADMIN):
        # the QA lead keeps the other users; an administrator's account is an administrator's
        raise ValidationError("admin_grant", field_name="roles")
    if had_admin and user.active and (not wants_admin or not active) and other_active_admins(session, user.id) == 0:
        raise ValidationError("last_admin", field_name="roles" if not wants_admin else "active")
    user.name = required_text(name, "name")
    user.department = department.strip()
    user.active = bool(active)
    keep = [r for r in user.roles if r.role in {w.value for w in wanted}]
    have = {r.role for r in keep}
    user.roles = keep + [UserRole(role=w.value) for w in wanted if w.value not in have]
    session.flush()
    set_server_login(session, user, roles=[w.value for w in wanted], may_login=user.active)
    return _record(user)


def set_user_active(session: Session, actor: Actor, user_id: int, active: bool) -> UserRecord:
    """Administration: deactivate a user (they can no longer log in) or let them in again."""
    user = _get(session, user_id)
    return update_user(session, actor, user_id, name=user.name, department=user.department,
                       roles=sorted(user.role_codes), active=active)
