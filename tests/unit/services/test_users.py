"""Users and passwords: Argon2id and the legacy scrypt hashes, the policy, lockout, the log-in
record, and the administration (reset, roles, deactivation) — on both backends."""

from __future__ import annotations

import base64
import hashlib
import os
import secrets
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import delete, select

from app.errors import NotFoundError, StationError, ValidationError, WorkflowError
from app.services import passwords
from app.services.demo import fill_demo
from app.services.seed import DEMO_PASSWORD, seed_people
from app.services.users import (
    LOCK_AFTER,
    LOCK_FOR,
    authenticate,
    change_password,
    create_user,
    list_users,
    login_events,
    password_change_due,
    reset_password,
    set_active,
    set_roles,
    verify_password,
)
from db.models import LoginEvent, User, UserRole

ROOT = Path(__file__).resolve().parents[3]
T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
GOOD = "Li-si-2026"


def _user(s, login: str) -> User:
    return s.scalar(select(User).where(User.login == login))


def _legacy_scrypt(password: str) -> str:
    """A hash as the first version of the station stored it (hashlib scrypt, N=2^14)."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1, dklen=32)
    b64 = base64.b64encode
    return f"scrypt$16384$8$1${b64(salt).decode()}${b64(digest).decode()}"


def _try(factory, login: str, password: str, now: datetime) -> StationError | None:
    """One log-in attempt in its own unit of work, as a station makes it."""
    with factory() as s:
        try:
            authenticate(s, login, password, station="QA-1", now=now)
        except StationError as exc:
            return exc
        s.commit()
    return None


def _events(factory, login: str) -> list[tuple[bool, str, str]]:
    with factory() as s:
        return [(e.success, e.reason, e.station) for e in
                s.scalars(select(LoginEvent).where(LoginEvent.login == login).order_by(LoginEvent.id))]


# ---------------------------------------------------------------- hashing


def test_passwords_are_argon2id_hashed_and_verified(factory) -> None:
    with factory.begin() as s:
        create_user(s, "li", "李四", GOOD, ["qa", "engineering"], "品质部")
    with factory() as s:
        user = _user(s, "li")
        assert user.password_hash.startswith("$argon2id$") and GOOD not in user.password_hash
        assert verify_password(GOOD, user.password_hash)
        assert not verify_password(GOOD.lower(), user.password_hash)
        assert not user.must_change_password
        actor = authenticate(s, " li ", GOOD, station="QA-1")
        assert actor.roles == frozenset({"qa", "engineering"}) and actor.station == "QA-1"


def test_a_station_hashes_at_the_library_default_cost(monkeypatch) -> None:
    # the suite runs with the test-only cheap cost; a station never sets that variable
    cheap = passwords.hash_password("Whatever-2026")
    monkeypatch.delenv(passwords.ENV_TEST_CHEAP_HASH)
    passwords._hasher.cache_clear()
    try:
        hasher = passwords._hasher()
        assert (hasher.time_cost, hasher.memory_cost, hasher.parallelism) == (3, 64 * 1024, 4)
        assert passwords.needs_rehash(cheap)  # a cheap hash would be upgraded at the next log-in
        assert passwords.verify_password("Whatever-2026", cheap)
    finally:
        monkeypatch.setenv(passwords.ENV_TEST_CHEAP_HASH, "1")
        passwords._hasher.cache_clear()


def test_legacy_scrypt_hash_verifies_and_is_replaced_by_argon2id_at_log_in(factory) -> None:
    legacy = _legacy_scrypt(DEMO_PASSWORD)
    assert verify_password(DEMO_PASSWORD, legacy) and not verify_password("12345", legacy)
    assert passwords.needs_rehash(legacy)
    with factory.begin() as s:
        _user(s, "qa").password_hash = legacy
    assert isinstance(_try(factory, "qa", "wrong", T0), StationError)
    with factory() as s:
        assert _user(s, "qa").password_hash == legacy  # a failed log-in changes nothing
    assert _try(factory, "qa", DEMO_PASSWORD, T0) is None
    with factory() as s:
        stored = _user(s, "qa").password_hash
    assert stored.startswith("$argon2id$") and not passwords.needs_rehash(stored)
    assert verify_password(DEMO_PASSWORD, stored)
    assert _try(factory, "qa", DEMO_PASSWORD, T0) is None
    with factory() as s:
        assert _user(s, "qa").password_hash == stored  # upgraded once, not at every log-in


def test_garbage_hashes_do_not_verify() -> None:
    for stored in ("", "scrypt$1$2", "scrypt$x$8$1$AAAA$AAAA", "$argon2id$nonsense", "plain"):
        assert not verify_password("1234", stored)


# ---------------------------------------------------------------- policy


@pytest.mark.parametrize(("password", "key", "zh", "en"), [
    ("Ab3$xyz", "password_too_short", "密码至少需要8个字符", "The password needs at least 8 characters"),
    ("", "password_too_short", "密码至少需要8个字符", "The password needs at least 8 characters"),
    ("Zhangsan", "password_is_login", "密码不能与用户名相同", "The password must not be the user name"),
    ("88888888", "password_too_common", "这个密码太常见,很容易被猜到,请换一个",
     "This password is too common and easily guessed: choose another"),
    ("woaini1314", "password_too_common", None, None),
    ("QWERTY123", "password_too_common", None, None),
    ("password1", "password_too_common", None, None),
    ("a12345678", "password_too_common", None, None),
])
def test_policy_refuses_short_login_and_common_passwords(password, key, zh, en) -> None:
    with pytest.raises(ValidationError) as err:
        passwords.check_new_password(password, "zhangsan")
    assert err.value.key == key and err.value.field == "password"
    if zh:
        assert err.value.message("zh") == zh and err.value.message("en") == en


@pytest.mark.parametrize("password", ["Li-si-2026", "品质部的密码很长", "correct horse battery"])
def test_policy_accepts_a_good_password(password) -> None:
    passwords.check_new_password(password, "zhangsan")


def test_the_common_list_is_bundled_and_read_only_when_first_needed() -> None:
    common = passwords.common_passwords()
    assert 500 <= len(common) <= 2000
    assert {"123456", "5201314", "woaini1314", "88888888", "qwerty123", "password1",
            "a123456"} <= common
    code = ("import app.services.users, app.services.passwords as p\n"
            "assert p.common_passwords.cache_info().currsize == 0, 'read at import'\n"
            "p.check_new_password('Li-si-2026', 'li')\n"
            "assert p.common_passwords.cache_info().currsize == 1\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, env=os.environ | {"PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr


def test_create_user_enforces_the_policy_and_checks_the_roles(factory) -> None:
    with factory() as s:
        with pytest.raises(ValidationError) as err:
            create_user(s, "li", "李四", "1234", ["qa"])
        assert err.value.key == "password_too_short"
        with pytest.raises(ValidationError) as err:
            create_user(s, "li", "李四", GOOD, [])
        assert err.value.key == "roles_required"
        with pytest.raises(ValidationError) as err:
            create_user(s, "li", "李四", GOOD, ["boss"])
        assert err.value.key == "role_unknown"


def test_duplicate_login_refused(factory) -> None:
    with factory() as s, pytest.raises(ValidationError) as err:
        create_user(s, "qa", "重复", GOOD, ["qa"])
    assert err.value.field == "login"


def test_only_an_admin_creates_users(factory, actors) -> None:
    with factory() as s:
        with pytest.raises(WorkflowError):
            create_user(s, "li", "李四", GOOD, ["qa"], actor=actors["qa"])
        user = create_user(s, "li", "李四", GOOD, ["qa"], actor=actors["admin"],
                           must_change_password=True)
        assert user.must_change_password


# ---------------------------------------------------------------- demo users


def test_demo_users_must_change_1234_and_fixture_users_need_not(factory) -> None:
    with factory.begin() as s:
        assert not any(_user(s, login).must_change_password for login in ("admin", "qa", "pmc"))
        pmc = _user(s, "pmc")
        s.execute(delete(UserRole).where(UserRole.user_id == pmc.id))
        s.execute(delete(User).where(User.id == pmc.id))
    fill_demo(factory, 3, today=T0.date())  # the demo data re-creates the missing demo user
    with factory() as s:
        pmc = _user(s, "pmc")
        assert pmc.must_change_password and verify_password(DEMO_PASSWORD, pmc.password_hash)
        assert not _user(s, "qa").must_change_password  # existing users are left alone
        actor = authenticate(s, "pmc", DEMO_PASSWORD)
        assert password_change_due(s, actor.user_id)
        seed_people(s, must_change_password=True)  # again: nobody is added twice
        assert len(list_users(s)) == 7


# ---------------------------------------------------------------- lockout and log-in record


def test_five_failures_lock_the_user_for_fifteen_minutes(factory) -> None:
    for i in range(LOCK_AFTER - 1):
        error = _try(factory, "qa", f"wrong{i}", T0 + timedelta(seconds=i))
        assert error is not None and error.key == "login_failed"
    fifth = _try(factory, "qa", "wrong5", T0 + timedelta(seconds=10))
    until = T0 + timedelta(seconds=10) + LOCK_FOR
    shown = until.astimezone().strftime("%Y-%m-%d %H:%M")
    assert fifth is not None and fifth.key == "account_locked"
    assert fifth.message("zh") == f"登录失败次数过多,账户已锁定,请于{shown}后再试"
    assert fifth.message("en") == f"Too many failed log-ins: the account is locked until {shown}"
    # the sixth attempt, with the right password, is refused until the 15 minutes are over
    sixth = _try(factory, "qa", DEMO_PASSWORD, T0 + timedelta(minutes=1))
    assert sixth is not None and sixth.key == "account_locked" and shown in sixth.message("en")
    assert _try(factory, "qa", DEMO_PASSWORD, until - timedelta(seconds=1)) is not None
    assert _try(factory, "qa", DEMO_PASSWORD, until + timedelta(seconds=1)) is None
    with factory() as s:
        qa = _user(s, "qa")
        assert qa.failed_logins == 0 and qa.locked_until is None
    reasons = [r for _ok, r, _st in _events(factory, "qa")]
    assert reasons == ["wrong_password"] * 5 + ["locked", "locked", "ok"]
    # another user is not affected
    assert _try(factory, "eng", DEMO_PASSWORD, T0 + timedelta(minutes=1)) is None


def test_a_successful_log_in_resets_the_count(factory) -> None:
    for i in range(LOCK_AFTER - 1):
        assert _try(factory, "wh", "wrong", T0 + timedelta(seconds=i)) is not None
    assert _try(factory, "wh", DEMO_PASSWORD, T0 + timedelta(seconds=5)) is None
    for i in range(LOCK_AFTER - 1):
        error = _try(factory, "wh", "wrong", T0 + timedelta(seconds=10 + i))
        assert error is not None and error.key == "login_failed"
    assert _try(factory, "wh", DEMO_PASSWORD, T0 + timedelta(seconds=20)) is None


def test_unknown_deactivated_and_wrong_say_the_same_and_are_recorded(factory, actors) -> None:
    with factory.begin() as s:
        set_active(s, actors["admin"], actors["pmc"].user_id, False)
    for login, pw in (("qa", "wrong"), ("nobody", DEMO_PASSWORD), ("pmc", DEMO_PASSWORD)):
        error = _try(factory, login, pw, T0)
        assert error is not None and error.message("zh") == "用户名或密码错误"
    with factory() as s:
        rows = s.execute(select(LoginEvent.login, LoginEvent.user_id, LoginEvent.success,
                                LoginEvent.reason, LoginEvent.station, LoginEvent.at)
                         .order_by(LoginEvent.id)).all()
    assert [(r.login, r.user_id, r.success, r.reason, r.station, r.at) for r in rows] == [
        ("qa", actors["qa"].user_id, False, "wrong_password", "QA-1", T0),
        ("nobody", None, False, "unknown_user", "QA-1", T0),
        ("pmc", actors["pmc"].user_id, False, "inactive", "QA-1", T0),
    ]
    assert _try(factory, "qa", DEMO_PASSWORD, T0 + timedelta(seconds=1)) is None
    assert _events(factory, "qa")[-1] == (True, "ok", "QA-1")
    with factory() as s:
        with pytest.raises(WorkflowError):
            login_events(s, actors["qa"])
        newest = login_events(s, actors["admin"], login="qa")
    assert [(r.success, r.reason, r.at) for r in newest] == [
        (True, "ok", T0 + timedelta(seconds=1)), (False, "wrong_password", T0)]


def test_log_in_time_comes_from_the_database_clock(factory) -> None:
    before = datetime.now(UTC) - timedelta(minutes=5)  # the shared server's clock may differ a little
    with factory() as s:
        authenticate(s, "qa", DEMO_PASSWORD, station="QA-1")
        s.commit()
    with factory() as s:
        at = s.scalar(select(LoginEvent.at))
    assert at.tzinfo is not None and before < at < datetime.now(UTC) + timedelta(minutes=5)


# ---------------------------------------------------------------- changing and resetting


def test_a_user_changes_their_own_password(factory, actors) -> None:
    qa = actors["qa"]
    with factory() as s:
        for old, new, key in (("wrong", GOOD, "password_wrong_old"),
                              (DEMO_PASSWORD, DEMO_PASSWORD, "password_unchanged"),
                              (DEMO_PASSWORD, "qa", "password_too_short"),
                              (DEMO_PASSWORD, "qwerty123", "password_too_common")):
            with pytest.raises(ValidationError) as err:
                change_password(s, qa, old, new)
            assert err.value.key == key
    assert [(ok, reason) for ok, reason, _st in _events(factory, "qa")] == [(False, "wrong_password")]
    with factory.begin() as s:
        change_password(s, qa, DEMO_PASSWORD, GOOD, now=T0)
    with factory() as s:
        user = _user(s, "qa")
        assert user.password_changed_at == T0 and not user.must_change_password
    assert _try(factory, "qa", DEMO_PASSWORD, T0) is not None
    assert _try(factory, "qa", GOOD, T0) is None


def test_guessing_the_current_password_in_the_change_counts_toward_the_lockout(factory, actors) -> None:
    for i in range(LOCK_AFTER):
        with factory() as s, pytest.raises(StationError) as err:
            change_password(s, actors["sales"], f"guess{i}", GOOD, now=T0)
    assert err.value.key == "account_locked"
    assert _try(factory, "sales", DEMO_PASSWORD, T0 + timedelta(minutes=1)).key == "account_locked"


def test_reset_is_for_admins_forces_a_change_and_lifts_the_lock(factory, actors) -> None:
    eng = actors["eng"].user_id
    for i in range(LOCK_AFTER):
        _try(factory, "eng", "wrong", T0 + timedelta(seconds=i))
    with factory() as s:
        with pytest.raises(WorkflowError):
            reset_password(s, actors["qa"], eng, GOOD)
        with pytest.raises(ValidationError) as err:
            reset_password(s, actors["admin"], eng, "5201314520")
        assert err.value.key == "password_too_common"
        with pytest.raises(NotFoundError):
            reset_password(s, actors["admin"], 99999, GOOD)
    with factory.begin() as s:
        reset_password(s, actors["admin"], eng, GOOD)
    assert _try(factory, "eng", GOOD, T0 + timedelta(minutes=1)) is None  # no longer locked
    with factory() as s:
        assert password_change_due(s, eng)
        change_password(s, actors["eng"], GOOD, "Liu-gong-2026")
        assert not password_change_due(s, eng)


def test_deactivation_rules(factory, actors) -> None:
    admin = actors["admin"]
    with factory() as s:
        with pytest.raises(ValidationError) as err:
            set_active(s, admin, admin.user_id, False)
        assert err.value.key == "cannot_deactivate_self"
        assert err.value.message("zh") == "不能停用自己的账户"
        with pytest.raises(WorkflowError):
            set_active(s, actors["mgr"], actors["qa"].user_id, False)
    with factory.begin() as s:
        set_active(s, admin, actors["qa"].user_id, False)
    assert _try(factory, "qa", DEMO_PASSWORD, T0).key == "login_failed"
    with factory.begin() as s:
        set_active(s, admin, actors["qa"].user_id, True)
    assert _try(factory, "qa", DEMO_PASSWORD, T0) is None
    # a second administrator cannot switch off the only other one
    with factory.begin() as s:
        other = create_user(s, "root2", "备用管理员", GOOD, ["admin"], actor=admin)
        other_id = other.id
    with factory.begin() as s:
        set_active(s, admin, other_id, False)
    with factory.begin() as s:
        s.get(User, other_id).active = True
        s.get(User, admin.user_id).active = False  # as if done from another station
    with factory() as s:
        actor = authenticate(s, "root2", GOOD)
        with pytest.raises(ValidationError) as err:
            set_roles(s, actor, other_id, ["qa"])
        assert err.value.key == "last_admin"


def test_roles_are_edited_by_an_admin(factory, actors) -> None:
    admin, qa = actors["admin"], actors["qa"].user_id
    with factory() as s:
        with pytest.raises(WorkflowError):
            set_roles(s, actors["qa"], qa, ["admin"])
        for roles, key in (([], "roles_required"), (["qa", "boss"], "role_unknown")):
            with pytest.raises(ValidationError) as err:
                set_roles(s, admin, qa, roles)
            assert err.value.key == key
        with pytest.raises(ValidationError) as err:
            set_roles(s, admin, admin.user_id, ["qa"])  # the only administrator
        assert err.value.key == "last_admin"
    with factory.begin() as s:
        set_roles(s, admin, qa, ["qa", "engineering", "qa"])
    with factory() as s:
        assert _user(s, "qa").role_codes == {"qa", "engineering"}
        assert authenticate(s, "qa", DEMO_PASSWORD).roles == {"qa", "engineering"}
        rows = {r.login: r for r in list_users(s, admin)}
        assert rows["qa"].roles == ("engineering", "qa") and rows["admin"].active
        with pytest.raises(WorkflowError):
            list_users(s, actors["qa"])
