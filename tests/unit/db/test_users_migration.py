"""Migration 0002 on a database that already has users: they keep their (scrypt) password,
are not locked and need not change it; the first log-in replaces the hash with Argon2id."""

from __future__ import annotations

import base64
import hashlib

from alembic import command
from sqlalchemy import inspect, select, text

from app.services.users import authenticate
from db.migrate import alembic_config, current_revision, head_revision, upgrade
from db.models import User


def _scrypt(password: str) -> str:
    salt = b"0123456789abcdef"
    digest = hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1, dklen=32)
    return f"scrypt$16384$8$1${base64.b64encode(salt).decode()}${base64.b64encode(digest).decode()}"


def test_existing_users_survive_0002_and_their_hash_is_upgraded_at_log_in(engine, factory) -> None:
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0001")  # with the demo users in it
    assert current_revision(engine) == "0001"
    assert "login_event" not in inspect(engine).get_table_names()
    assert "failed_logins" not in {c["name"] for c in inspect(engine).get_columns("app_user")}
    with engine.begin() as conn:  # as the first version of the station stored it
        conn.execute(text("UPDATE app_user SET password_hash = :h WHERE login = 'qa'"),
                     {"h": _scrypt("1234")})
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    with factory() as s:
        qa = s.scalar(select(User).where(User.login == "qa"))
        assert (qa.must_change_password, qa.failed_logins, qa.locked_until) == (False, 0, None)
        assert qa.password_hash.startswith("scrypt$16384$")
        authenticate(s, "qa", "1234", station="QA-1")
        s.commit()
    with factory() as s:
        assert s.scalar(select(User.password_hash).where(User.login == "qa")).startswith("$argon2id$")
