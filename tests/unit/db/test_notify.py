"""Live refresh without Qt (db.notify): the triggers announce every committed write on
PostgreSQL — also one made with plain SQL — with who made it; the listener thread hears
them, comes back after its connection was killed, and stops when told. On SQLite,
data_version says that another connection committed."""

from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any

import pytest
from alembic import command
from sqlalchemy import create_engine, text

from db.engine import PgTimeouts, make_engine, unit_of_work
from db.migrate import alembic_config, upgrade
from db.models import ReturnLine
from db.notify import (
    EVERYTHING,
    LINE,
    NOTIFIED_TABLES,
    RETURN,
    Change,
    DataVersion,
    PgListener,
    announce_in_bulk,
    parse_payload,
    register_origin,
)
from tests.unit.services.helpers import line_ids, received
from tools.pgcluster import Cluster, _as_pg_user

WAIT_S = 60.0  # generous: a busy machine is slow, never wrong


class Heard:
    """What a listener delivered, and a way to wait for a condition on it."""

    def __init__(self) -> None:
        self.changes: list[Change] = []
        self.connected: list[bool] = []
        self._cond = threading.Condition()

    def on_changes(self, changes: list[Change]) -> None:
        with self._cond:
            self.changes.extend(changes)
            self._cond.notify_all()

    def on_connected(self, again: bool) -> None:
        with self._cond:
            self.connected.append(again)
            self._cond.notify_all()

    def wait(self, predicate: Callable[[], bool]) -> None:
        with self._cond:
            assert self._cond.wait_for(predicate, WAIT_S), (self.changes, self.connected)


@pytest.fixture
def heard(engine: Any) -> Iterator[tuple[PgListener, Heard]]:
    h = Heard()
    listener = PgListener(engine, h.on_changes, h.on_connected, backoff_s=(0.05, 0.5))
    listener.start()
    h.wait(lambda: bool(h.connected))
    yield listener, h
    listener.stop()


pg_only = pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)


def test_payloads_are_read_and_unknown_ones_dropped() -> None:
    c = parse_payload('{"table": "return_line", "id": 7, "version": 3, "station": "h/qa", "login": "qa",'
                      ' "by": "质检员", "origin": "abc", "source": "return_line", "op": "update"}')
    assert c == Change(LINE, 7, 3, "h/qa", "qa", "质检员", "abc", "return_line", "update")
    assert parse_payload("not json") is None
    assert parse_payload('{"id": 1}') is None


@pg_only
def test_a_plain_sql_update_is_announced_at_commit_and_a_rollback_never(engine, factory, actors, heard) -> None:
    _listener, h = heard
    rid = received(factory, actors)
    first, = line_ids(factory, rid)
    h.wait(lambda: any(c.table == LINE and c.id == first for c in h.changes))  # the registration
    h.changes.clear()
    # as psql would: no station, no origin
    with engine.connect() as conn:
        conn.execute(text("UPDATE return_line SET lot_no = 'ROLLED-BACK' WHERE id = :i"), {"i": first})
        conn.rollback()
        conn.execute(text("UPDATE rma_return SET notes = 'psql' WHERE id = :i"), {"i": rid})
        conn.commit()
    h.wait(lambda: any(c.table == RETURN for c in h.changes))
    with factory() as s:
        version = s.get(ReturnLine, first).rma.version
    assert [(c.table, c.id, c.version, c.origin, c.station, c.source, c.op) for c in h.changes] == [
        (RETURN, rid, version, "", "", "rma_return", "update")]


@pg_only
def test_a_station_write_says_who_and_from_where(engine, factory, actors, heard) -> None:
    _listener, h = heard
    origin = register_origin(engine)
    rid = received(factory, actors)
    lid, = line_ids(factory, rid)
    h.wait(lambda: any(c.id == lid for c in h.changes))
    h.changes.clear()
    qa = replace(actors["qa"], station="host-7/qa")
    with unit_of_work(factory, actor=qa, station=qa.station) as s:
        line = s.get(ReturnLine, lid)
        line.lot_no = "L-NEW"
        # a child row announces its line: rework material, labour
    h.wait(lambda: any(c.id == lid for c in h.changes))
    change = next(c for c in h.changes if c.id == lid)
    with factory() as s:
        assert change.version == s.get(ReturnLine, lid).version == 2
    assert (change.origin, change.station, change.login, change.by) == (origin, "host-7/qa", "qa", qa.name)


@pg_only
def test_a_bulk_write_is_announced_once_as_everything(engine, factory, actors, heard) -> None:
    _listener, h = heard
    rid = received(factory, actors)
    h.wait(lambda: any(c.table == RETURN and c.id == rid for c in h.changes))
    h.changes.clear()
    with factory.begin() as s:
        announce_in_bulk(s)
        s.execute(text("UPDATE return_line SET lot_no = 'BULK'"))
        s.execute(text("UPDATE rma_return SET notes = 'bulk'"))
    with factory.begin() as s:  # the next transaction is announced row by row again
        s.execute(text("UPDATE rma_return SET notes = 'after' WHERE id = :i"), {"i": rid})
    h.wait(lambda: any(c.table == RETURN for c in h.changes))
    assert [(c.table, c.id) for c in h.changes] == [(EVERYTHING, None), (RETURN, rid)]


@pg_only
def test_the_listener_comes_back_after_its_connection_is_killed(engine, factory, actors, heard, db_url) -> None:
    listener, h = heard
    killed = listener.backend_pid
    admin = create_engine(db_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        assert conn.execute(text("SELECT pg_terminate_backend(:p)"), {"p": killed}).scalar() is True
    admin.dispose()
    h.wait(lambda: h.connected == [False, True])  # the owner is told: refresh everything
    assert listener.backend_pid != killed and listener.listening.is_set()
    rid = received(factory, actors)
    h.wait(lambda: any(c.table == RETURN and c.id == rid for c in h.changes))


@pg_only
def test_the_listener_stops_and_closes_its_connection(engine, heard, db_url) -> None:
    listener, _h = heard
    pid = listener.backend_pid
    listener.stop()
    assert not listener.running
    # the connection is closed; its server process then ends on its own time (a loaded
    # machine may take a while): wait for it to be gone, with a generous bound
    admin = create_engine(db_url)
    deadline = time.monotonic() + 60
    while True:
        with admin.connect() as conn:
            alive = conn.execute(text("SELECT count(*) FROM pg_stat_activity WHERE pid = :p"), {"p": pid}).scalar()
        if alive == 0 or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    admin.dispose()
    assert alive == 0


def test_the_triggers_are_on_postgresql_only_and_go_with_a_downgrade(engine) -> None:
    def triggers() -> set[str]:
        with engine.connect() as conn:
            if engine.dialect.name == "postgresql":
                rows = conn.execute(text("SELECT tgname FROM pg_trigger WHERE tgname LIKE 'rma_notify_%'"))
            else:
                rows = conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'rma_notify_%'"))
            return {r[0] for r in rows}

    expected = {f"rma_notify_{t}" for t in NOTIFIED_TABLES} if engine.dialect.name == "postgresql" else set()
    assert triggers() == expected
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0007")
    assert triggers() == set()
    upgrade(engine)
    assert triggers() == expected


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_sqlite_data_version_moves_when_another_connection_commits(engine, factory, actors) -> None:
    watch = DataVersion(engine.url.database)
    assert watch.changed() is False  # the first read takes the number
    assert watch.changed() is False
    received(factory, actors)
    assert watch.changed() is True
    assert watch.changed() is False
    with factory() as s:  # a read is no change
        s.get(ReturnLine, 1)
    assert watch.changed() is False
    watch.close()  # stopped: started again, it takes the number anew
    assert watch.changed() is False
    received(factory, actors)
    assert watch.changed() is True


def _pg_ctl(c: Cluster, *args: str) -> None:
    opts = (f"-p {c.port} -k {c.dir} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off")
    subprocess.run(_as_pg_user([str(c.bindir / "pg_ctl"), "-D", str(c.data), "-o", opts,
                                "-l", str(c.dir / "server.log"), "-w", "-t", "60", *args]),
                   check=True, stdout=subprocess.DEVNULL)


def test_the_listener_outlives_a_frozen_backend_and_a_server_restart() -> None:
    """On a throwaway cluster (never the shared server): a backend stopped with SIGSTOP is
    found out by the keepalive; a stopped server is waited for; each time the listener
    connects again, tells its owner, and hears what is sent after."""
    c = Cluster()
    c.start()
    engine = make_engine(c.url, timeouts=PgTimeouts(connect_s=2))
    h = Heard()
    listener = PgListener(engine, h.on_changes, h.on_connected, keepalive_s=0.5, keepalive_answer_s=2.0,
                          backoff_s=(0.05, 0.5))
    frozen: int | None = None

    def announce(n: int) -> None:
        with engine.connect() as conn:
            conn.execute(text("SELECT pg_notify('rma_change', :p)"),
                         {"p": f'{{"table": "reference", "id": {n}}}'})
            conn.commit()
        h.wait(lambda: any(ch.id == n for ch in h.changes))

    try:
        listener.start()
        h.wait(lambda: h.connected == [False])
        announce(1)
        frozen = listener.backend_pid
        assert frozen is not None
        os.kill(frozen, signal.SIGSTOP)
        h.wait(lambda: h.connected == [False, True])
        os.kill(frozen, signal.SIGCONT)
        frozen = None
        announce(2)
        engine.dispose()  # the pool's connections die with the server
        _pg_ctl(c, "-m", "immediate", "stop")
        for _ in range(1200):  # it finds out from its socket or at its next keepalive
            if not listener.listening.is_set():
                break
            time.sleep(0.05)
        assert not listener.listening.is_set()
        _pg_ctl(c, "start")
        h.wait(lambda: h.connected == [False, True, True])
        announce(3)
    finally:
        if frozen is not None:
            os.kill(frozen, signal.SIGCONT)
        listener.stop()
        engine.dispose()
        c.stop()
