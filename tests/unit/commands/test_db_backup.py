"""`rma-station db backup|restore|copy` as the administrator types them."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, select, text

from app.reports.monthly import month_of
from db.engine import make_engine, make_session_factory
from db.models import Return
from main import main
from tests.conftest import PG_URL


@pytest.fixture
def station(sqlite_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An embedded station database chosen by RMA_DATABASE_URL; messages in Chinese."""
    path = tmp_path / "station.sqlite3"
    shutil.copy(sqlite_template, path)
    monkeypatch.setenv("RMA_DATABASE_URL", f"sqlite:///{path}")
    monkeypatch.setenv("RMA_LANG", "zh_CN")
    return path


def test_help_says_no_log_in_is_needed(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["db", "--help"])
    out = capsys.readouterr().out
    assert "no log-in" in out and "--force" in out and "--to URL" in out


def test_backup_and_restore_round_trip(station: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--returns", "30"]) == 0
    out = tmp_path / "b.sqlite3"
    assert main(["db", "backup", str(out)]) == 0
    said = capsys.readouterr().out
    assert "完整性检查通过" in said and str(out) in said

    assert main(["db", "backup", str(out)]) == 1
    err = capsys.readouterr().err
    assert "已存在" in err and "--force" in err and "Traceback" not in err
    assert main(["db", "backup", str(out), "--force"]) == 0

    engine = make_engine(f"sqlite:///{station}")
    with engine.begin() as conn:  # work done after the backup …
        conn.execute(text("DELETE FROM rework_material"))
    engine.dispose()
    capsys.readouterr()
    assert main(["db", "restore", str(out)]) == 0  # … is undone by the restore
    said = capsys.readouterr().out
    assert "原数据库已保留为" in said and "重新启动" in said
    engine = make_engine(f"sqlite:///{station}")
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM rework_material")).scalar_one() > 0
    engine.dispose()
    assert list((station.parent / "backups").glob("station.before-restore-*.sqlite3"))


def test_restore_refuses_garbage_in_english(station: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("RMA_LANG", "en")
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"PK\x03\x04 a zip file, not a database" * 100)
    before = station.read_bytes()
    assert main(["db", "restore", str(junk)]) == 1
    assert capsys.readouterr().err.strip() == f"{junk} is not an SQLite database file (damaged, or not a backup)"
    assert station.read_bytes() == before
    assert main(["db", "restore"]) == 1
    assert "IN is required" in capsys.readouterr().err


def test_backup_of_a_server_is_refused(db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("RMA_DATABASE_URL", db_url)
    monkeypatch.setenv("RMA_LANG", "zh_CN")
    code = main(["db", "backup", str(tmp_path / "b.sqlite3")])
    if make_url(db_url).get_backend_name() == "sqlite":
        assert code == 0 and (tmp_path / "b.sqlite3").exists()
    else:
        assert code == 1 and "pg_dump" in capsys.readouterr().err
        assert not (tmp_path / "b.sqlite3").exists()


@pytest.fixture
def blank_pg() -> Iterator[str]:
    """A database just created on the server: no schema yet."""
    if not PG_URL:
        pytest.skip("RMA_TEST_POSTGRES_URL not set (run through tools/dev.py test)")
    name = f"rma_cli_copy_{os.environ.get('PYTEST_XDIST_WORKER', 'gw0')}_{os.getpid()}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        c.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _monthly_json(url: str, month: str, monkeypatch: pytest.MonkeyPatch,
                  capsys: pytest.CaptureFixture[str]) -> dict:
    monkeypatch.setenv("RMA_DATABASE_URL", url)
    assert main(["report", "monthly", "--month", month, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_copy_to_postgresql_gives_the_same_monthly_reports(station: Path, blank_pg: str,
                                                           monkeypatch: pytest.MonkeyPatch,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--returns", "300"]) == 0
    capsys.readouterr()
    assert main(["db", "copy", "--to", blank_pg]) == 0
    captured = capsys.readouterr()
    assert "还没有数据库结构" in captured.out  # the blank database got its schema
    assert "行数和校验和一致" in captured.out and "rework_material" in captured.err

    engine = make_engine(f"sqlite:///{station}")
    with make_session_factory(engine)() as s:
        months = sorted({month_of(d) for d in s.scalars(select(Return.received_on).distinct())})
    engine.dispose()
    assert len(months) >= 12
    source_url = f"sqlite:///{station}"
    for month in months:
        assert _monthly_json(blank_pg, month, monkeypatch, capsys) == \
            _monthly_json(source_url, month, monkeypatch, capsys)

    monkeypatch.setenv("RMA_DATABASE_URL", source_url)
    assert main(["db", "copy", "--to", blank_pg]) == 1  # a second copy: the server holds data now
    err = capsys.readouterr().err
    assert "目标数据库不是空的" in err and "app_user" in err


def test_copy_to_an_unreachable_server_says_so(station: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("RMA_LANG", "en")
    # port 9 on the loopback: nothing listens there
    assert main(["db", "copy", "--to", "postgresql+psycopg://rma@127.0.0.1:9/rma"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Cannot connect to the database PostgreSQL: 127.0.0.1:9/rma")
    assert main(["db", "copy"]) == 1
    assert "--to URL is required" in capsys.readouterr().err
