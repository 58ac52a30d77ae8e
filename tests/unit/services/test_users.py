from __future__ import annotations

import pytest
from sqlalchemy import select

from app.errors import StationError, ValidationError
from app.services.users import authenticate, create_user, verify_password
from db.models import User


def test_passwords_are_scrypt_hashed_and_verified(factory) -> None:
    with factory.begin() as s:
        create_user(s, "li", "李四", "s3cret!", ["qa", "engineering"], "品质部")
    with factory() as s:
        user = s.scalar(select(User).where(User.login == "li"))
        assert user.password_hash.startswith("scrypt$") and "s3cret" not in user.password_hash
        assert verify_password("s3cret!", user.password_hash)
        assert not verify_password("s3cret", user.password_hash)
        actor = authenticate(s, " li ", "s3cret!", station="QA-1")
        assert actor.roles == frozenset({"qa", "engineering"}) and actor.station == "QA-1"


def test_login_failure_says_the_same_for_user_and_password(factory) -> None:
    with factory() as s:
        for login, pw in (("qa", "wrong"), ("nobody", "1234")):
            with pytest.raises(StationError) as err:
                authenticate(s, login, pw)
            assert err.value.message("zh") == "用户名或密码错误"


def test_duplicate_login_refused(factory) -> None:
    with factory() as s, pytest.raises(ValidationError) as err:
        create_user(s, "qa", "重复", "x", ["qa"])
    assert err.value.field == "login"
