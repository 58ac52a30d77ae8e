"""The embedded file is created once at most: a vanished or replaced file refuses saves."""

from __future__ import annotations

import shutil

import pytest
from sqlalchemy import func, select

from app.errors import DatabaseUnavailable
from app.services import setup
from app.services.settings import SHARED_DEFAULTS
from db.engine import make_engine, make_session_factory, unit_of_work
from db.identity import DatabaseFileGone, DatabaseFileReplaced, location_key, read_identity
from db.migrate import upgrade
from db.models import Customer

FORMS = {k: v for k, v in SHARED_DEFAULTS.items() if k in setup.FORM_KEYS}


def _station_db(path):
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    factory = make_session_factory(engine)
    with factory.begin() as s:
        setup.initialize(s, "东方电器", FORMS, "zhang", "张三", "Sicher-2026")
    return engine, factory


def _save_customer(factory, code: str) -> None:
    with unit_of_work(factory) as s:
        s.add(Customer(code=code, name=f"客户{code}"))


def test_a_deleted_file_refuses_the_next_save_and_is_not_recreated(tmp_path) -> None:
    path = tmp_path / "rma-station.sqlite3"
    engine, factory = _station_db(path)
    _save_customer(factory, "C1")
    path.unlink()
    with pytest.raises(DatabaseFileGone) as caught:
        _save_customer(factory, "C2")
    assert isinstance(caught.value, DatabaseUnavailable)  # the window keeps the input
    assert caught.value.message("zh").startswith("数据库文件不见了")
    assert caught.value.message("en").startswith("The database file is gone")
    with pytest.raises(DatabaseFileGone):  # again and again, never a new empty file
        _save_customer(factory, "C3")
    assert not path.exists()
    engine.dispose()
    assert not path.exists()


def test_a_renamed_file_refuses_saves_and_a_copy_put_back_is_used_again(tmp_path) -> None:
    path = tmp_path / "rma-station.sqlite3"
    engine, factory = _station_db(path)
    _save_customer(factory, "C1")
    moved = tmp_path / "moved.sqlite3"
    path.rename(moved)
    with pytest.raises(DatabaseFileGone):
        _save_customer(factory, "C2")
    assert not path.exists()
    shutil.copy(moved, path)  # the same database put back (a restored backup)
    _save_customer(factory, "C2")
    with factory() as s:
        assert s.scalar(select(func.count()).select_from(Customer)) == 2
    engine.dispose()


def test_a_different_database_in_its_place_is_refused(tmp_path) -> None:
    path = tmp_path / "rma-station.sqlite3"
    engine, factory = _station_db(path)
    _save_customer(factory, "C1")
    other_engine, _ = _station_db(tmp_path / "other.sqlite3")
    other_engine.dispose()
    for stale in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        stale.unlink(missing_ok=True)  # the file and its write-ahead log, as a file manager would
    shutil.copy(tmp_path / "other.sqlite3", path)
    with pytest.raises(DatabaseFileReplaced) as caught:
        _save_customer(factory, "C2")
    assert "另一个数据库" in caught.value.message("zh")
    with make_session_factory(make_engine(f"sqlite:///{path}"))() as s:
        assert s.scalar(select(func.count()).select_from(Customer)) == 0
    engine.dispose()


def test_a_new_file_is_created_by_the_first_connection_only(tmp_path) -> None:
    path = tmp_path / "new" / "rma.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    assert path.exists()
    engine.dispose()
    path.unlink()
    with pytest.raises(DatabaseFileGone), unit_of_work(make_session_factory(engine)) as s:
        read_identity(s)
    assert not path.exists()


def test_location_keys_name_the_place_without_credentials(tmp_path) -> None:
    assert location_key(f"sqlite:///{tmp_path}/a.sqlite3") == f"sqlite:{tmp_path.resolve()}/a.sqlite3"
    assert location_key("postgresql+psycopg://rma:secret@db1:5433/rma") == "postgresql://db1:5433/rma"


def test_a_connection_held_across_transactions_is_checked_at_each_begin(tmp_path) -> None:
    path = tmp_path / "rma-station.sqlite3"
    engine, _factory = _station_db(path)
    with engine.connect() as conn:
        with conn.begin():
            conn.exec_driver_sql("SELECT 1")
        path.unlink()
        with pytest.raises(DatabaseFileGone):
            conn.begin()
    assert not path.exists()
    engine.dispose()


def test_the_identity_read_at_every_start_is_one_statement(engine, factory) -> None:
    from tests.unit.services.helpers import statements

    with factory() as s, statements(engine) as sent:
        assert read_identity(s).database_id is None  # not set up yet
    assert len(sent) == 1, "\n\n".join(sent)
    with factory.begin() as s:
        database_id = setup.mark_demo(s)
    with factory() as s:
        identity = read_identity(s)
    assert (identity.database_id, identity.demo, identity.demo_mark) == (database_id, True, "1")
