"""The sub-commands as an administrator types them, on both backends."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from db.engine import make_engine, make_session_factory
from db.migrate import head_revision
from db.models import Return, User
from main import main


@pytest.fixture
def env_db(db_url, monkeypatch):
    monkeypatch.setenv("RMA_DATABASE_URL", db_url)
    monkeypatch.setenv("RMA_LANG", "zh_CN")
    return db_url


def test_db_upgrade_current_demo_and_user_add(env_db, capsys) -> None:
    assert main(["db", "upgrade"]) == 0
    assert main(["db", "current"]) == 0
    out = capsys.readouterr().out
    head = head_revision()  # the newest migration, whichever branch added it
    assert f"{head} (head {head})" in out
    assert main(["demo", "--returns", "25"]) == 0
    assert "25 demo returns" in capsys.readouterr().out
    assert main(["user", "add", "li", "--name", "李四", "--roles", "qa,engineering",
                 "--password", "pw"]) == 0
    engine = make_engine(env_db)
    with make_session_factory(engine)() as s:
        assert s.scalar(select(func.count(Return.id))) == 25
        li = s.scalar(select(User).where(User.login == "li"))
        assert li.role_codes == {"qa", "engineering"}
    engine.dispose()


def test_expected_errors_print_a_message_not_a_traceback(env_db, capsys) -> None:
    assert main(["user", "add", "qa", "--name", "重复", "--roles", "qa", "--password", "x"]) == 1
    err = capsys.readouterr().err
    assert err.strip() == "用户名已存在: qa"
    assert "Traceback" not in err


def test_fresh_database_is_created_by_upgrade(tmp_path, monkeypatch, capsys) -> None:
    path = tmp_path / "new" / "rma.sqlite3"
    monkeypatch.setenv("RMA_DATABASE_URL", f"sqlite:///{path}")
    assert main(["db", "upgrade"]) == 0
    assert path.exists()
    assert f"(empty) → {head_revision()}" in capsys.readouterr().out
