"""`rma-station user …` and `import --user`: the acting user's password from RMA_PASSWORD or
asked at the terminal (a pseudo-terminal, or standard input with no terminal), a refused
log-in is a message and exit code 1, recorded, and counts toward the lockout."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select as sql_select

from db.engine import make_engine, make_session_factory
from db.models import LoginEvent, Return, User
from main import main

ROOT = Path(__file__).resolve().parents[3]
DATA = ROOT / "tests" / "data"
CLI = "import sys; from main import main; sys.exit(main(sys.argv[1:]))"


@pytest.fixture
def env_db(db_url, monkeypatch):
    monkeypatch.setenv("RMA_DATABASE_URL", db_url)
    monkeypatch.setenv("RMA_LANG", "zh_CN")
    monkeypatch.delenv("RMA_PASSWORD", raising=False)
    monkeypatch.delenv("RMA_NEW_PASSWORD", raising=False)
    return db_url


def _query(url: str, fn):
    engine = make_engine(url)
    try:
        with make_session_factory(engine)() as s:
            return fn(s)
    finally:
        engine.dispose()


def _user(url: str, login: str) -> tuple[bool, bool, frozenset[str]]:
    def get(s):
        u = s.scalar(sql_select(User).where(User.login == login))
        return u.active, u.must_change_password, u.role_codes
    return _query(url, get)


def _events(url: str) -> list[tuple[str, bool, str, str]]:
    return _query(url, lambda s: [(e.login, e.success, e.reason, e.station) for e in
                                  s.scalars(sql_select(LoginEvent).order_by(LoginEvent.id))])


def test_user_commands_with_passwords_from_the_environment(env_db, monkeypatch, capsys) -> None:
    monkeypatch.setenv("RMA_PASSWORD", "1234")
    monkeypatch.setenv("RMA_NEW_PASSWORD", "Li-si-2026")
    assert main(["user", "add", "li", "--name", "李四", "--roles", "qa", "--as", "admin"]) == 0
    assert "已添加用户 li" in capsys.readouterr().out
    assert _user(env_db, "li") == (True, True, {"qa"})

    # li must change the first password before doing anything else
    monkeypatch.setenv("RMA_PASSWORD", "Li-si-2026")
    assert main(["user", "list", "--as", "li"]) == 1
    assert "用户li须先修改密码" in capsys.readouterr().err
    monkeypatch.setenv("RMA_NEW_PASSWORD", "qwerty123")
    assert main(["user", "passwd", "--as", "li"]) == 1
    assert capsys.readouterr().err.strip() == "这个密码太常见,很容易被猜到,请换一个"
    monkeypatch.setenv("RMA_NEW_PASSWORD", "Li-si-2027")
    assert main(["user", "passwd", "--as", "li"]) == 0
    assert "li 的密码已修改" in capsys.readouterr().out
    assert _user(env_db, "li") == (True, False, {"qa"})

    monkeypatch.setenv("RMA_PASSWORD", "1234")
    assert main(["user", "roles", "li", "--roles", "qa,engineering"]) == 0
    assert _user(env_db, "li")[2] == {"qa", "engineering"}
    assert main(["user", "deactivate", "li"]) == 0
    assert not _user(env_db, "li")[0]
    assert main(["user", "deactivate", "admin"]) == 1
    assert capsys.readouterr().err.strip() == "不能停用自己的账户"
    assert main(["user", "activate", "li"]) == 0
    monkeypatch.setenv("RMA_NEW_PASSWORD", "Li-si-2028")
    assert main(["user", "reset", "li"]) == 0
    assert _user(env_db, "li") == (True, True, {"qa", "engineering"})
    capsys.readouterr()
    assert main(["user", "list"]) == 0
    listing = capsys.readouterr().out.splitlines()
    assert "li\t李四\t\t技术部,品质检验\t须改密码" in listing
    assert "admin\t系统管理员\t信息部\t系统管理员" in listing
    assert len(listing) == 8

    # a user who is no administrator may not administer
    monkeypatch.setenv("RMA_PASSWORD", "1234")
    assert main(["user", "deactivate", "li", "--as", "qa"]) == 1
    assert capsys.readouterr().err.strip() == "陈品质没有“系统管理员”权限,不能停用或启用用户"
    stations = {station for _l, _ok, _r, station in _events(env_db)}
    assert all(station.endswith("/cli") for station in stations)


def test_a_wrong_password_is_refused_recorded_and_locks_after_five(env_db, monkeypatch, capsys) -> None:
    monkeypatch.setenv("RMA_PASSWORD", "wrong")
    for _ in range(4):
        assert main(["user", "list"]) == 1
        err = capsys.readouterr().err
        assert err.strip() == "用户名或密码错误" and "Traceback" not in err
    assert main(["user", "list"]) == 1
    assert "账户已锁定" in capsys.readouterr().err
    monkeypatch.setenv("RMA_PASSWORD", "1234")  # the right one: still locked
    assert main(["user", "list"]) == 1
    assert "账户已锁定" in capsys.readouterr().err
    assert [(login, ok, reason) for login, ok, reason, _s in _events(env_db)] == (
        [("admin", False, "wrong_password")] * 5 + [("admin", False, "locked")])
    # another administrator reads the record
    engine = make_engine(env_db)
    with make_session_factory(engine).begin() as s:
        from app.services.users import create_user
        create_user(s, "root2", "备用管理员", "Bei-yong-2026", ["admin"])
    engine.dispose()
    monkeypatch.setenv("RMA_PASSWORD", "Bei-yong-2026")
    assert main(["user", "log", "admin", "--as", "root2", "--limit", "3"]) == 0
    rows = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    assert [[row[1], row[3], row[4]] for row in rows] == [
        ["admin", "拒绝", "locked"], ["admin", "拒绝", "wrong_password"], ["admin", "拒绝", "wrong_password"]]
    assert all(row[2].endswith("/cli") for row in rows)


def test_import_asks_the_importing_users_password(env_db, monkeypatch, capsys) -> None:
    book = str(DATA / "legacy-returns-2025.xlsx")
    monkeypatch.setenv("RMA_PASSWORD", "not-qa's")
    assert main(["import", book, "--user", "qa", "--dry-run"]) == 1
    assert capsys.readouterr().err.strip() == "用户名或密码错误"
    assert main(["import", book, "--user", "nobody", "--dry-run"]) == 1
    assert capsys.readouterr().err.strip() == "用户名或密码错误"
    monkeypatch.setenv("RMA_PASSWORD", "1234")
    assert main(["import", book, "--user", "qa"]) == 0
    assert _query(env_db, lambda s: s.scalar(sql_select(Return.received_by_id).limit(1))) is not None
    assert [(login, ok) for login, ok, _r, _s in _events(env_db)] == [
        ("qa", False), ("nobody", False), ("qa", True)]


def _child_env(db_url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("RMA_PASSWORD", "RMA_NEW_PASSWORD")}
    return env | {"RMA_DATABASE_URL": db_url, "RMA_LANG": "en", "PYTHONPATH": str(ROOT)}


def _read_until(fd: int, wanted: bytes, seen: bytearray) -> None:
    """Read the pseudo-terminal until `wanted` appears (or the child closes it)."""
    while wanted not in seen:
        ready, _, _ = select.select([fd], [], [], 120)
        assert ready, f"no {wanted!r} from the command; so far: {bytes(seen)!r}"
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # EIO: the child has gone
            chunk = b""
        if not chunk:
            raise AssertionError(f"the command ended before {wanted!r}: {bytes(seen)!r}")
        seen += chunk


def test_the_password_is_asked_at_the_terminal(env_db) -> None:
    pid, fd = pty.fork()
    if pid == 0:  # the child: the command, its terminal the pseudo-terminal
        try:
            os.chdir(ROOT)
            os.execve(sys.executable, [sys.executable, "-c", CLI, "user", "passwd", "--as", "wh"],
                      _child_env(env_db))
        finally:
            os._exit(127)  # never run on as a second pytest
    seen = bytearray()
    try:
        _read_until(fd, b"Password of wh: ", seen)
        os.write(fd, b"1234\n")
        _read_until(fd, b"New password of wh: ", seen)
        os.write(fd, b"Cang-ku-2026\n")
        _read_until(fd, b"Repeat the new password: ", seen)
        os.write(fd, b"Cang-ku-2026\n")
        _read_until(fd, b"password of wh changed", seen)
    finally:
        _, status = os.waitpid(pid, 0)
        os.close(fd)
    assert os.waitstatus_to_exitcode(status) == 0, bytes(seen)
    assert b"1234" not in seen and b"Cang-ku" not in seen  # not echoed
    assert [(login, ok) for login, ok, _r, _s in _events(env_db)] == [("wh", True)]

    def verify(s):
        from app.services.passwords import verify_password
        return verify_password("Cang-ku-2026", s.scalar(sql_select(User.password_hash)
                                                          .where(User.login == "wh")))
    assert _query(env_db, verify)


def test_without_a_terminal_the_password_is_read_from_standard_input(env_db) -> None:
    done = subprocess.run([sys.executable, "-c", CLI, "user", "list", "--as", "admin"],
                          input="wrong\n", capture_output=True, text=True, cwd=ROOT,
                          env=_child_env(env_db), start_new_session=True)
    assert done.returncode == 1 and done.stderr.strip().endswith("Wrong user name or password")
    done = subprocess.run([sys.executable, "-c", CLI, "user", "list", "--as", "admin"],
                          input="1234\n", capture_output=True, text=True, cwd=ROOT,
                          env=_child_env(env_db), start_new_session=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0].startswith("admin\t")
    assert [(login, ok) for login, ok, _r, _s in _events(env_db)] == [("admin", False), ("admin", True)]
