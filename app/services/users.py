"""Users, roles and log-in. Passwords are hashed with scrypt (hashlib, no extra dependency)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.codes import Role
from app.errors import StationError, ValidationError
from app.fields import label
from app.services.context import Actor
from db.models import User, UserRole

# scrypt cost: ~50 ms on a desk PC — slow for an attacker, unnoticed at log-in.
_N, _R, _P = 2**14, 8, 1


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    b64 = base64.b64encode
    return f"scrypt${_N}${_R}${_P}${b64(salt).decode()}${b64(digest).decode()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    expected = base64.b64decode(digest)
    got = hashlib.scrypt(password.encode(), salt=base64.b64decode(salt), n=int(n), r=int(r),
                         p=int(p), dklen=len(expected))
    return hmac.compare_digest(got, expected)


def create_user(session: Session, login: str, name: str, password: str, roles: list[Role | str],
                department: str = "") -> User:
    """Administration: add a user with roles."""
    login = login.strip()
    if not login:
        raise ValidationError("required", field_name="login", field=label("login"))
    if not password:
        raise ValidationError("required", field_name="password", field=label("password"))
    if session.scalar(select(User.id).where(User.login == login)) is not None:
        raise ValidationError("duplicate", field_name="login", what=label("login"), value=login)
    user = User(login=login, name=name, department=department, password_hash=hash_password(password))
    user.roles = [UserRole(role=Role(r).value) for r in roles]
    session.add(user)
    session.flush()
    return user


def actor_for(user: User, station: str = "") -> Actor:
    return Actor(user_id=user.id, login=user.login, name=user.name,
                 roles=user.role_codes, station=station)


def authenticate(session: Session, login: str, password: str, station: str = "") -> Actor:
    """Log-in at a station: the same message for an unknown user and a wrong password."""
    user = session.scalar(select(User).where(User.login == login.strip(), User.active.is_(True)))
    if user is None or not verify_password(password, user.password_hash):
        raise StationError("login_failed")
    return actor_for(user, station)
