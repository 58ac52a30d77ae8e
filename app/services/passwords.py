"""Password hashing and the password policy.

Hashes are Argon2id through argon2-cffi at the library's default cost (RFC 9106's
low-memory profile: 3 passes over 64 MiB, 4 lanes). Hashes of the first version of the
station (``scrypt$16384$8$1$salt$digest``, hashlib) still verify, and `needs_rehash` says
they are to be replaced: app.services.users stores a new Argon2id hash at the next
successful log-in.

A new password must have at least 8 characters, must not be the user's login and must
not be in the bundled list of common passwords (resources/passwords/common.txt, read the
first time a password is checked, not at import).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
from functools import cache
from typing import TYPE_CHECKING

from app.errors import ValidationError
from app.fields import label
from app.paths import resources_dir

if TYPE_CHECKING:
    from argon2 import PasswordHasher

MIN_LENGTH = 8

#: TEST-ONLY: when set (tests/conftest.py does), hashes use the cheapest Argon2id cost so
#: that the suite's hundreds of seeded users and log-ins stay fast. Never set it on a station.
ENV_TEST_CHEAP_HASH = "RMA_TEST_CHEAP_PASSWORD_HASH"

LEGACY_SCHEME = "scrypt"


@cache
def _hasher() -> PasswordHasher:
    # argon2-cffi is loaded by the first hash or check, not by every command and start
    # that imports the services (app.services installs the signatures' events)
    from argon2 import PasswordHasher

    if os.environ.get(ENV_TEST_CHEAP_HASH):
        return PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    return PasswordHasher()  # argon2-cffi's default: RFC 9106 low-memory profile


def hash_password(password: str) -> str:
    """An Argon2id hash (PHC string: $argon2id$v=19$m=…,t=…,p=…$salt$digest)."""
    return _hasher().hash(password)


def verify_password(password: str, stored: str) -> bool:
    """Whether `password` matches `stored`, an Argon2 hash or a legacy scrypt one."""
    if stored.startswith(LEGACY_SCHEME + "$"):
        return _verify_legacy_scrypt(password, stored)
    from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

    try:
        return _hasher().verify(stored, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored: str) -> bool:
    """A legacy scrypt hash, or an Argon2 hash at another cost than today's."""
    if not stored.startswith("$argon2"):
        return True
    from argon2.exceptions import InvalidHashError

    try:
        return _hasher().check_needs_rehash(stored)
    except InvalidHashError:
        return True


def _verify_legacy_scrypt(password: str, stored: str) -> bool:
    try:
        _scheme, n, r, p, salt, digest = stored.split("$")
        expected = base64.b64decode(digest)
        got = hashlib.scrypt(password.encode(), salt=base64.b64decode(salt), n=int(n), r=int(r),
                             p=int(p), dklen=len(expected), maxmem=256 * 1024 * 1024)
    except ValueError:
        return False
    return hmac.compare_digest(got, expected)


# ---------------------------------------------------------------- the policy


def common_passwords_path() -> str:
    return str(resources_dir() / "passwords" / "common.txt")


@cache
def common_passwords() -> frozenset[str]:
    """The bundled list, case-folded; read once, on first use."""
    with open(common_passwords_path(), encoding="utf-8") as f:
        return frozenset(line.strip().casefold() for line in f
                         if line.strip() and not line.startswith("#"))


def check_new_password(password: str, login: str) -> None:
    """Refuse a new password that is too short, the login itself, or a common one."""
    if len(password) < MIN_LENGTH:
        raise ValidationError("password_too_short", field_name="password", min=MIN_LENGTH)
    folded = password.strip().casefold()
    if folded == login.strip().casefold():
        raise ValidationError("password_is_login", field_name="password")
    if folded in common_passwords():
        raise ValidationError("password_too_common", field_name="password")


def require_password(password: str) -> None:
    if not password:
        raise ValidationError("required", field_name="password", field=label("password"))
