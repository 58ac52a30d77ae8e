"""Real database faults become the expected error they stand for, never a crash or a hang.

PostgreSQL faults that need a stopped, killed or frozen server run on a throwaway cluster
of their own (tools/pgcluster.Cluster), never on the shared test server. The timeouts are
set short here; what is asserted is the kind of error, never how long it took.
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, make_url, text
from sqlalchemy.orm import Session

from app.errors import (
    DatabaseBusy,
    DatabaseFull,
    DatabaseReadOnly,
    DatabaseUnavailable,
)
from app.services import returns as return_service
from app.services.numbering import next_rma_no
from app.services.seed import seed_reference
from app.services.users import actor_for
from db.engine import (
    PgTimeouts,
    make_engine,
    make_session_factory,
    run_in_transaction,
    unit_of_work,
)
from db.migrate import upgrade
from db.models import Customer, User

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "tools"))
from pgcluster import Cluster  # noqa: E402

SHORT = PgTimeouts(connect_s=3, lock_ms=500, statement_ms=3000, client_grace_ms=3000)
# only the server's own limits can fire: the client's is far beyond them
SERVER_LIMITS = PgTimeouts(connect_s=3, lock_ms=500, statement_ms=1500, client_grace_ms=600_000)


def _draft() -> return_service.ReturnDraft:
    return return_service.ReturnDraft(
        customer="华东电气设备有限公司", arrival_method="logistics", received_on=date(2026, 11, 2),
        lines=[return_service.LineDraft(model="DZ47-63 C16", qty_counted=3)])


def _register(engine: Engine) -> str:
    def work(s: Session) -> str:
        actor = actor_for(s.query(User).filter_by(login="wh").one(), station="test")
        return return_service.receive_return(s, actor, _draft()).rma_no

    return run_in_transaction(make_session_factory(engine), work)


@pytest.fixture(scope="module")
def cluster() -> Iterator[Cluster]:
    c = Cluster()
    c.start()
    engine = make_engine(c.url)
    upgrade(engine)
    with make_session_factory(engine).begin() as s:
        seed_reference(s)
    engine.dispose()
    yield c
    c.stop()


def _pid(session: Session) -> int:
    return int(session.execute(text("SELECT pg_backend_pid()")).scalar_one())


def test_a_terminated_backend_is_a_lost_connection(cluster: Cluster) -> None:
    engine = make_engine(cluster.url, timeouts=SHORT)
    admin = create_engine(cluster.url, isolation_level="AUTOCOMMIT")
    try:
        with pytest.raises(DatabaseUnavailable), unit_of_work(make_session_factory(engine)) as s:
            pid = _pid(s)
            with admin.connect() as c:
                c.execute(text("SELECT pg_terminate_backend(:p)"), {"p": pid})
            s.execute(text("SELECT 1"))
        assert _register(engine).startswith("RMA-2026-")  # a new connection works at once
    finally:
        engine.dispose()
        admin.dispose()


def test_a_frozen_backend_times_out_and_does_not_block_the_other_stations(cluster: Cluster) -> None:
    frozen_engine = make_engine(cluster.url, timeouts=SHORT)
    other_engine = make_engine(cluster.url, timeouts=SERVER_LIMITS)
    pids: list[int] = []

    def frozen_station(s: Session) -> None:
        next_rma_no(s, 2026)  # holds the year's counter row, as a registration does
        pids.append(_pid(s))
        os.kill(pids[0], signal.SIGSTOP)
        # the other station waits lock_timeout for the counter, then hears "busy"
        with pytest.raises(DatabaseBusy):
            _register(other_engine)
        # the frozen station's own save gives up: the client's limit fires, since the
        # stopped backend neither answers nor enforces its statement_timeout
        s.execute(text("SELECT 1"))

    try:
        with pytest.raises(DatabaseUnavailable):
            run_in_transaction(make_session_factory(frozen_engine), frozen_station)
    finally:
        if pids:
            os.kill(pids[0], signal.SIGCONT)
    # the backend, running again, finds its client gone, rolls back and frees the counter
    with other_engine.connect() as c:
        for _ in range(600):
            if not c.execute(text("SELECT count(*) FROM pg_stat_activity WHERE pid = :p"),
                             {"p": pids[0]}).scalar_one():
                break
            c.rollback()
            __import__("time").sleep(0.05)
    assert _register(other_engine).startswith("RMA-2026-")
    frozen_engine.dispose()
    other_engine.dispose()


def test_a_statement_over_its_timeout_is_busy(cluster: Cluster) -> None:
    engine = make_engine(cluster.url, timeouts=SERVER_LIMITS)
    try:
        with pytest.raises(DatabaseBusy), unit_of_work(make_session_factory(engine)) as s:
            s.execute(text("SELECT pg_sleep(60)"))
    finally:
        engine.dispose()


def test_a_real_serialization_failure_is_run_again_not_shown(cluster: Cluster) -> None:
    """40001 from the server (a SERIALIZABLE transaction whose row another committed
    meanwhile): run_in_transaction runs the work again; the second attempt saves."""
    engine = make_engine(cluster.url, timeouts=SHORT)
    admin = create_engine(cluster.url, isolation_level="AUTOCOMMIT")
    attempts: list[int] = []
    try:
        with admin.connect() as c:
            c.execute(text("CREATE TABLE IF NOT EXISTS ser_probe (id int PRIMARY KEY, n int)"))
            c.execute(text("INSERT INTO ser_probe VALUES (1, 0) ON CONFLICT (id) DO UPDATE SET n = 0"))

        def work(s: Session) -> int:
            attempts.append(1)
            s.execute(text("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE"))
            n = int(s.execute(text("SELECT n FROM ser_probe WHERE id = 1")).scalar_one())
            if len(attempts) == 1:  # another station changes the row after this one read it
                with admin.connect() as c:
                    c.execute(text("UPDATE ser_probe SET n = n + 100 WHERE id = 1"))
            s.execute(text("UPDATE ser_probe SET n = :n WHERE id = 1"), {"n": n + 1})
            return n + 1

        assert run_in_transaction(make_session_factory(engine), work) == 101
        assert len(attempts) == 2  # the first attempt failed with 40001 and was run again
        with admin.connect() as c:
            assert c.execute(text("SELECT n FROM ser_probe WHERE id = 1")).scalar_one() == 101
    finally:
        engine.dispose()
        admin.dispose()


def test_a_backend_terminated_after_writing_is_lost_and_saves_nothing_half(cluster: Cluster) -> None:
    """57P01 (the administrator's pg_terminate_backend of a station inside a transaction that
    already wrote): DatabaseUnavailable, and nothing of the half-done action is saved."""
    engine = make_engine(cluster.url, timeouts=SHORT)
    admin = create_engine(cluster.url, isolation_level="AUTOCOMMIT")
    factory = make_session_factory(engine)
    try:
        with factory() as s:
            before = s.scalar(text("SELECT count(*) FROM rma_return"))

        def half_done(s: Session) -> None:
            actor = actor_for(s.query(User).filter_by(login="wh").one(), station="test")
            return_service.receive_return(s, actor, _draft())
            s.flush()  # written, not committed
            with admin.connect() as c:
                c.execute(text("SELECT pg_terminate_backend(:p)"), {"p": _pid(s)})
            s.execute(text("SELECT 1"))

        with pytest.raises(DatabaseUnavailable):
            run_in_transaction(factory, half_done)
        with factory() as s:
            assert s.scalar(text("SELECT count(*) FROM rma_return")) == before
    finally:
        engine.dispose()
        admin.dispose()


def test_a_stopped_server_is_a_lost_connection_before_and_inside_a_transaction() -> None:
    c = Cluster()
    c.start()
    engine = make_engine(c.url, timeouts=SHORT)
    try:
        session = make_session_factory(engine)()
        session.execute(text("SELECT 1"))  # inside a transaction when the server goes
        subprocess.run(["runuser", "-u", "postgres", "--", str(c.bindir / "pg_ctl"), "-D", str(c.data),
                        "-m", "immediate", "-w", "stop"] if os.geteuid() == 0 else
                       [str(c.bindir / "pg_ctl"), "-D", str(c.data), "-m", "immediate", "-w", "stop"],
                       check=True, stdout=subprocess.DEVNULL)
        with pytest.raises(DatabaseUnavailable), unit_of_work(make_session_factory(engine)) as s:
            s.execute(text("SELECT 1"))
        with pytest.raises(Exception) as raised:
            session.execute(text("SELECT 1"))
        from db.engine import classify

        assert isinstance(classify(raised.value), DatabaseUnavailable)
        session.close()
        with pytest.raises(DatabaseUnavailable):
            _register(engine)  # a fresh connection is refused
    finally:
        engine.dispose()
        c.stop()


# ------------------------------------------------------------------------------------ SQLite


def _sqlite_db(directory: Path) -> Path:
    path = directory / "rma.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    with make_session_factory(engine).begin() as s:
        seed_reference(s)
    engine.dispose()
    return path


def test_a_sqlite_file_locked_by_another_writer_is_busy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _sqlite_db(tmp_path)
    monkeypatch.setenv("RMA_SQLITE_BUSY_TIMEOUT_MS", "200")
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another station in the middle of its write
    engine = make_engine(f"sqlite:///{path}")
    try:
        with pytest.raises(DatabaseBusy):
            _register(engine)
        other.execute("ROLLBACK")
        assert _register(engine).startswith("RMA-2026-")  # the input kept, saved on the retry
    finally:
        other.close()
        engine.dispose()


CHILD = """
import sys
from db.engine import make_engine, make_session_factory, run_in_transaction
from db.models import Customer
engine = make_engine("sqlite:///" + sys.argv[1])
try:
    run_in_transaction(make_session_factory(engine), lambda s: s.add(Customer(name="新客户")))
except Exception as exc:
    print(type(exc).__name__, exc)
else:
    print("saved")
"""


def test_a_read_only_database_says_so(db_url: str) -> None:
    if db_url.startswith("postgresql"):
        name = make_url(db_url).database
        admin = create_engine(db_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as c:
            c.execute(text(f'ALTER DATABASE "{name}" SET default_transaction_read_only = on'))
        admin.dispose()
        engine = make_engine(db_url)
        try:
            with pytest.raises(DatabaseReadOnly):
                _register(engine)
        finally:
            engine.dispose()
        return
    # a file the station may read but not write; root writes through file permissions,
    # so the write is made by an unprivileged child
    directory = Path(tempfile.mkdtemp(prefix="rma-ro-"))
    try:
        path = directory / "rma.sqlite3"
        shutil.copy(make_url(db_url).database, path)
        os.chmod(path, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
        os.chmod(directory, 0o755)
        run_as = {"user": 65534} if os.geteuid() == 0 else {}
        out = subprocess.run([sys.executable, "-c", CHILD, str(path)], cwd=ROOT, capture_output=True,
                             text=True, timeout=300, **run_as)
        assert out.stdout.startswith("DatabaseReadOnly"), out.stdout + out.stderr[-2000:]
    finally:
        shutil.rmtree(directory, ignore_errors=True)


def test_a_full_sqlite_database_says_so(tmp_path: Path) -> None:
    path = _sqlite_db(tmp_path)
    engine = make_engine(f"sqlite:///{path}")

    @__import__("sqlalchemy").event.listens_for(engine, "connect")
    def _no_room(dbapi_conn: sqlite3.Connection, _rec: object) -> None:
        # the file may not grow by a page: SQLite answers SQLITE_FULL as on a full disk
        pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages}")

    try:
        with pytest.raises(DatabaseFull):
            run_in_transaction(make_session_factory(engine), lambda s: s.add_all(
                [Customer(name=f"客户{i}", address="x" * 2000) for i in range(200)]))
    finally:
        engine.dispose()
