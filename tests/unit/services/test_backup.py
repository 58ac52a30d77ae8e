"""Backup and restore of the embedded database; copying a station's data to a server.

The backup tests work on SQLite files (a backup is of the embedded file; a server URL is
refused). The copy tests copy a 300-return demo station into a fresh, upgraded, unused
database of each backend — PostgreSQL on the shared server under a unique name, dropped after.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import threading
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, func, insert, make_url, select, text

from app.reports.monthly import month_of, monthly_report, to_json
from app.services import attachments, backup, returns
from app.services.demo import fill_demo
from app.services.users import actor_for
from db.engine import make_engine, make_session_factory
from db.migrate import head_revision, upgrade
from db.models import Attachment, AuditLog, Base, Customer, LiabilityCode, Return, RmaCounter, User
from tests.conftest import PG_URL
from tests.unit.services.helpers import draft
from tests.unit.services.test_attachments import jpeg

TODAY = date(2026, 11, 30)


def _sqlite_copy(template: Path, path: Path) -> Path:
    shutil.copy(template, path)
    return path


def _demo_station(template: Path, path: Path, returns_n: int = 300) -> Engine:
    """An embedded station with demo returns and a few returns received through the services
    (so the audit trail has rows to carry)."""
    _sqlite_copy(template, path)
    engine = make_engine(f"sqlite:///{path}")
    factory = make_session_factory(engine)
    fill_demo(factory, returns=returns_n, today=TODAY)
    with factory() as s:
        wh = actor_for(s.scalar(select(User).where(User.login == "wh")), station="desk-1")
    for day in (date(2026, 11, 3), date(2026, 11, 20)):
        with factory.begin() as s:
            rid = returns.receive_return(s, wh, draft(received_on=day)).id
    with factory.begin() as s:  # a photo of the goods: backups and copies carry the bytes
        attachments.add_attachment(s, wh, return_id=rid, filename="到货.jpg", data=jpeg(640, 480))
    return engine


def _checksums(engine: Engine) -> dict[str, tuple[int, str]]:
    with engine.connect() as conn:
        return {t.name: backup.table_checksum(conn, t) for t in Base.metadata.sorted_tables}


def _reports(engine: Engine) -> dict[str, dict]:
    """`report monthly --json` of every month with returns."""
    factory = make_session_factory(engine)
    with factory() as s:
        days = s.scalars(select(Return.received_on).distinct())
        months = sorted({month_of(d) for d in days})
        return {m: to_json(monthly_report(s, m)) for m in months}


# ------------------------------------------------------------------ backup


def test_backup_while_another_connection_writes(sqlite_template: Path, tmp_path: Path) -> None:
    db = _sqlite_copy(sqlite_template, tmp_path / "live.sqlite3")
    engine = make_engine(f"sqlite:///{db}")  # WAL, as the station opens it
    with engine.connect():
        pass
    before = sqlite3.connect(db).execute("SELECT count(*) FROM customer").fetchone()[0]

    # a write transaction left open by "the station": the backup neither waits for it nor sees it
    writer = sqlite3.connect(db, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("INSERT INTO customer (name, contact, phone, address, active) "
                   "VALUES ('未提交客户', '', '', '', 1)")
    first = backup.backup_sqlite(f"sqlite:///{db}", tmp_path / "b1.sqlite3")
    writer.execute("COMMIT")
    assert first.tables["customer"] == before

    # another connection writing all along while the second backup runs
    stop = threading.Event()
    written = [0]

    def keep_writing() -> None:
        conn = sqlite3.connect(db, timeout=15, isolation_level=None)
        while not stop.is_set() or written[0] < 20:
            conn.execute("INSERT INTO customer (name, contact, phone, address, active) VALUES (?, '', '', '', 1)",
                         (f"并发客户{written[0]}",))
            written[0] += 1
        conn.close()

    thread = threading.Thread(target=keep_writing)
    thread.start()
    try:
        second = backup.backup_sqlite(db, tmp_path / "b2.sqlite3")
    finally:
        stop.set()
        thread.join()
    after = sqlite3.connect(db).execute("SELECT count(*) FROM customer").fetchone()[0]
    assert after == before + 1 + written[0]
    assert before + 1 <= second.tables["customer"] <= after
    copy = sqlite3.connect(tmp_path / "b2.sqlite3")
    assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one file, no -wal beside it
    assert second.revision == head_revision()
    assert not (tmp_path / "b2.sqlite3.partial").exists()
    engine.dispose()


def test_backup_refuses_to_overwrite_unless_forced(sqlite_template: Path, tmp_path: Path) -> None:
    db = _sqlite_copy(sqlite_template, tmp_path / "s.sqlite3")
    out = tmp_path / "out.sqlite3"
    out.write_bytes(b"an older file")
    with pytest.raises(backup.BackupError) as err:
        backup.backup_sqlite(db, out)
    assert err.value.key == "backup_exists"
    assert "--force" in err.value.message("en") and str(out) in err.value.message("zh")
    assert out.read_bytes() == b"an older file"
    backup.backup_sqlite(db, out, force=True)
    assert backup.check_backup_file(out)[1]
    with pytest.raises(backup.BackupError) as same:
        backup.backup_sqlite(db, db, force=True)
    assert same.value.key == "backup_same_file"


def test_backup_into_a_place_that_cannot_be_written_says_so(sqlite_template: Path, tmp_path: Path) -> None:
    db = _sqlite_copy(sqlite_template, tmp_path / "s.sqlite3")
    (tmp_path / "a-file").write_text("not a folder")
    out = tmp_path / "a-file" / "out.sqlite3"
    with pytest.raises(backup.BackupError) as err:
        backup.backup_sqlite(db, out)
    assert err.value.key == "backup_write_failed" and str(out) in err.value.message("zh")


def test_backup_of_a_server_url_is_refused() -> None:
    with pytest.raises(backup.BackupError) as err:
        backup.backup_sqlite("postgresql+psycopg://rma:secret@dbserver/rma", "/tmp/never.sqlite3")
    assert err.value.key == "backup_not_embedded"
    assert "pg_dump" in err.value.message("en") and "secret" not in err.value.message("en")


def test_backup_refuses_a_damaged_source(sqlite_template: Path, tmp_path: Path) -> None:
    db = _sqlite_copy(sqlite_template, tmp_path / "s.sqlite3")
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 2])
    with pytest.raises(backup.BackupError) as err:
        backup.backup_sqlite(db, tmp_path / "out.sqlite3")
    assert err.value.key == "backup_integrity"
    assert not (tmp_path / "out.sqlite3").exists()


# ------------------------------------------------------------------ restore


def test_restored_backup_is_identical_to_its_source(sqlite_template: Path, tmp_path: Path) -> None:
    source = _demo_station(sqlite_template, tmp_path / "station.sqlite3")
    out = tmp_path / "backup.sqlite3"
    made = backup.backup_sqlite(str(source.url), out)
    assert made.tables["rma_return"] == 302 and made.tables["audit_log"] > 0

    # restored over another station's file: that file is kept as the safety copy
    target = _sqlite_copy(sqlite_template, tmp_path / "other.sqlite3")
    old = _checksums(make_engine(f"sqlite:///{target}"))
    result = backup.restore_sqlite(out, target)
    assert result.tables == made.tables and result.upgraded_to is None
    assert result.safety_copy is not None and result.safety_copy.parent == tmp_path / "backups"
    assert _checksums(make_engine(f"sqlite:///{result.safety_copy}")) == old

    restored = make_engine(f"sqlite:///{target}")
    assert _checksums(restored) == _checksums(source)
    reports = _reports(source)
    assert len(reports) >= 12
    assert _reports(restored) == reports
    restored.dispose()
    source.dispose()


@pytest.mark.parametrize("damage", ["garbage", "truncated", "not_rma", "newer", "empty"])
def test_restore_refuses_what_is_no_sound_station_database(damage: str, sqlite_template: Path,
                                                            tmp_path: Path) -> None:
    bad = tmp_path / "bad.sqlite3"
    if damage == "garbage":
        bad.write_bytes(os.urandom(8192))
    elif damage == "truncated":
        data = sqlite_template.read_bytes()
        bad.write_bytes(data[: len(data) // 3])
    elif damage == "empty":
        bad.write_bytes(b"")
    else:
        conn = sqlite3.connect(bad)
        conn.execute("CREATE TABLE inventory (id INTEGER PRIMARY KEY, item TEXT)")
        if damage == "newer":
            conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
            conn.execute("INSERT INTO alembic_version VALUES ('9999_from_the_future')")
        conn.commit()
        conn.close()
    target = _sqlite_copy(sqlite_template, tmp_path / "station.sqlite3")
    before = target.read_bytes()
    with pytest.raises(backup.BackupError) as err:
        backup.restore_sqlite(bad, target)
    expected = {"garbage": "restore_not_sqlite", "empty": "restore_not_sqlite",
                "truncated": "backup_integrity", "not_rma": "restore_not_rma", "newer": "restore_newer"}
    assert err.value.key == expected[damage]
    assert str(bad) in err.value.message("zh") and str(bad) in err.value.message("en")
    assert target.read_bytes() == before  # the station's file is untouched
    assert not (tmp_path / "backups").exists()


# ------------------------------------------------------------------ daily


def test_daily_backup_keeps_the_last_14(sqlite_template: Path, tmp_path: Path) -> None:
    db = _sqlite_copy(sqlite_template, tmp_path / "rma-station.sqlite3")
    folder = tmp_path / "backups"
    (folder).mkdir()
    (folder / "my-own-copy.sqlite3").write_bytes(b"kept")
    first = date(2026, 10, 1)
    for n in range(20):
        made = backup.daily_backup(db, folder, today=first + timedelta(days=n))
        assert made == folder / f"rma-station-{first + timedelta(days=n):%Y-%m-%d}.sqlite3"
    assert backup.daily_backup(db, folder, today=first + timedelta(days=19)) is None  # once a day
    kept = backup.daily_backups(folder)
    assert [p.name for p in kept] == [f"rma-station-{first + timedelta(days=n):%Y-%m-%d}.sqlite3"
                                      for n in range(19, 5, -1)]
    assert (folder / "my-own-copy.sqlite3").read_bytes() == b"kept"
    assert backup.check_backup_file(kept[0])[0]["app_user"] == 7


# ------------------------------------------------------------------ copy to another database


@pytest.fixture(params=["sqlite", "postgresql"])
def blank_target(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """A new, upgraded, unused database (only the migrations' seed rows) of each backend."""
    if request.param == "sqlite":
        engine = make_engine(f"sqlite:///{tmp_path / 'target.sqlite3'}")
        upgrade(engine)
        yield engine
        engine.dispose()
        return
    if not PG_URL:
        pytest.skip("RMA_TEST_POSTGRES_URL not set (run through tools/dev.py test)")
    name = f"rma_copy_{os.environ.get('PYTEST_XDIST_WORKER', 'gw0')}_{os.getpid()}_{id(request)}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        c.execute(text(f'CREATE DATABASE "{name}"'))
    engine = make_engine(make_url(PG_URL).set(database=name))
    try:
        assert backup.is_blank(engine)
        upgrade(engine)
        yield engine
    finally:
        engine.dispose()
        with admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _next_return_no(engine: Engine) -> str:
    factory = make_session_factory(engine)
    with factory() as s:
        wh = actor_for(s.scalar(select(User).where(User.login == "wh")), station="after-copy")
    with factory.begin() as s:
        return returns.receive_return(s, wh, draft(received_on=date(2026, 11, 30))).rma_no


def test_copy_of_a_demo_station_is_identical(sqlite_template: Path, tmp_path: Path,
                                             blank_target: Engine) -> None:
    source = _demo_station(sqlite_template, tmp_path / "station.sqlite3")
    progress = _Recorder()
    result = backup.copy_database(source, blank_target, progress)

    assert {t.table for t in result.tables} == {t.name for t in Base.metadata.sorted_tables}
    assert set(result.replaced_seed) >= {"defect_category", "liability_code"}  # the migration's seed
    assert _checksums(blank_target) == _checksums(source)
    assert _reports(blank_target) == _reports(source)
    with source.connect() as a, blank_target.connect() as b:
        audit = [c.execute(select(func.count()).select_from(AuditLog)).scalar_one() for c in (a, b)]
        counters = [c.execute(select(RmaCounter.year, RmaCounter.last_value).order_by(RmaCounter.year)).all()
                    for c in (a, b)]
    assert audit[0] == audit[1] > 0
    assert counters[0] == counters[1]
    with source.connect() as a, blank_target.connect() as b:
        photos = [c.execute(select(Attachment.filename, Attachment.data)).all() for c in (a, b)]
    assert len(photos[0]) == 1 and photos[0][0][0] == "到货.jpg"
    assert [(n, bytes(d)) for n, d in photos[1]] == [(n, bytes(d)) for n, d in photos[0]]
    assert progress.reports[-1][0] == progress.reports[-1][1] == result.rows

    # counters and sequences carried on: the next return gets the next number on both, and
    # its new rows (return, line, audit rows) take ids past the copied ones
    assert _next_return_no(blank_target) == _next_return_no(source)
    with make_session_factory(blank_target).begin() as s:
        s.execute(insert(Customer).values(name="迁移后新客户"))
    with blank_target.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Customer)).scalar_one() == 13
    source.dispose()


def test_copy_refuses_a_target_that_holds_data(sqlite_template: Path, tmp_path: Path, db_url: str) -> None:
    source = make_engine(f"sqlite:///{_sqlite_copy(sqlite_template, tmp_path / 'station.sqlite3')}")
    target = make_engine(db_url)  # the conftest's seeded database: demo users, customers …
    before = _checksums(target)
    with pytest.raises(backup.BackupError) as err:
        backup.copy_database(source, target)
    assert err.value.key == "copy_not_empty"
    assert "app_user" in err.value.message("zh") and "not empty" in err.value.message("en")
    assert backup.target_state(target)[1] == "app_user"
    assert _checksums(target) == before
    target.dispose()
    source.dispose()


def test_copy_refuses_a_target_not_upgraded(sqlite_template: Path, tmp_path: Path) -> None:
    source = make_engine(f"sqlite:///{_sqlite_copy(sqlite_template, tmp_path / 'station.sqlite3')}")
    target = make_engine(f"sqlite:///{tmp_path / 'blank.sqlite3'}")
    assert backup.is_blank(target)
    with pytest.raises(backup.BackupError) as err:
        backup.copy_database(source, target)
    assert err.value.key == "copy_target_revision" and "db upgrade" in err.value.message("en")


def _fail_on_insert(engine: Engine, table: str) -> None:
    """A real trigger on the target that refuses rows of `table`."""
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(text("CREATE FUNCTION refuse_row() RETURNS trigger AS $$ BEGIN "
                              "RAISE EXCEPTION 'the disk is full (test)'; END; $$ LANGUAGE plpgsql"))
            conn.execute(text(f"CREATE TRIGGER refuse BEFORE INSERT ON {table} "
                              "FOR EACH ROW EXECUTE FUNCTION refuse_row()"))
        else:
            conn.execute(text(f"CREATE TRIGGER refuse BEFORE INSERT ON {table} "
                              "BEGIN SELECT RAISE(ABORT, 'the disk is full (test)'); END"))


def test_copy_rolls_back_entirely_when_the_last_table_fails(sqlite_template: Path, tmp_path: Path,
                                                             blank_target: Engine) -> None:
    source = _demo_station(sqlite_template, tmp_path / "station.sqlite3", returns_n=60)
    # the last table in copy order that has rows to copy: everything before it is written
    with source.connect() as conn:
        last = [t.name for t in Base.metadata.sorted_tables
                if conn.execute(select(func.count()).select_from(t)).scalar_one()][-1]
    _fail_on_insert(blank_target, last)
    before = _checksums(blank_target)
    with pytest.raises(backup.BackupError) as err:
        backup.copy_database(source, blank_target)
    assert err.value.key == "copy_failed"
    assert last in err.value.message("en") and "disk is full" in err.value.message("zh")
    assert _checksums(blank_target) == before  # seed rows back, nothing else
    assert backup.target_state(blank_target)[1] is None
    with blank_target.connect() as conn:
        assert conn.execute(select(func.count()).select_from(LiabilityCode)).scalar_one() == 9
    source.dispose()


def test_copy_verification_names_the_table_that_differs(sqlite_template: Path, tmp_path: Path,
                                                        blank_target: Engine) -> None:
    source = _demo_station(sqlite_template, tmp_path / "station.sqlite3", returns_n=20)
    # a target that silently alters what it stores: the counts agree, the checksum does not
    with blank_target.begin() as conn:
        if blank_target.dialect.name == "postgresql":
            conn.execute(text("CREATE FUNCTION mangle() RETURNS trigger AS $$ BEGIN "
                              "NEW.contact := NEW.contact || '?'; RETURN NEW; END; $$ LANGUAGE plpgsql"))
            conn.execute(text("CREATE TRIGGER mangle BEFORE INSERT ON customer "
                              "FOR EACH ROW EXECUTE FUNCTION mangle()"))
        else:
            conn.execute(text("CREATE TRIGGER mangle AFTER INSERT ON customer BEGIN "
                              "UPDATE customer SET contact = contact || '?' WHERE id = NEW.id; END"))
    with pytest.raises(backup.BackupError) as err:
        backup.copy_database(source, blank_target)
    assert err.value.key == "copy_verify_checksum"
    assert "customer" in err.value.message("zh") and "rolled back" in err.value.message("en")
    assert backup.target_state(blank_target)[1] is None
    source.dispose()


class _Stop(Exception):
    """What a Cancel raises inside the work (ui.worker.Cancelled in the window)."""


class _Recorder:
    def __init__(self, stop_at: str | None = None) -> None:
        self.reports: list[tuple[int, int, str]] = []
        self.stop_at = stop_at

    def report(self, done: int, total: int, text: str = "") -> None:
        self.reports.append((done, total, text))

    def check(self) -> None:
        if self.stop_at and self.reports and self.reports[-1][2] == self.stop_at:
            raise _Stop


def test_copy_cancelled_leaves_the_target_unchanged(sqlite_template: Path, tmp_path: Path,
                                                    blank_target: Engine) -> None:
    source = _demo_station(sqlite_template, tmp_path / "station.sqlite3", returns_n=20)
    with pytest.raises(_Stop):
        backup.copy_database(source, blank_target, _Recorder(stop_at="rma_return"))
    assert backup.target_state(blank_target)[1] is None
    with blank_target.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Customer)).scalar_one() == 0
    source.dispose()
