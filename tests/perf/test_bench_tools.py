"""The benchmark's own tools, checked in the ordinary suite (not timed): the latency proxy
forwards bytes in order, growing a database copies whole returns over several years, and
round trips are counted as the server sees them."""

from __future__ import annotations

import socket
import threading
from datetime import date

from sqlalchemy import Engine, func, select, text

from app.services.demo import fill_demo
from db.engine import make_session_factory, run_read
from db.models import Return, ReturnLine
from tests.perf.latency_proxy import LatencyProxy
from tests.perf.support import RoundTrips, grow_lines, percentile


def _echo_server() -> tuple[socket.socket, threading.Thread]:
    server = socket.create_server(("127.0.0.1", 0))

    def serve() -> None:
        conn, _ = server.accept()
        with conn:
            while data := conn.recv(4096):
                conn.sendall(data.upper())

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    return server, thread


def test_the_latency_proxy_forwards_both_ways_in_order() -> None:
    server, thread = _echo_server()
    with LatencyProxy("127.0.0.1", server.getsockname()[1], rtt_ms=2) as proxy, \
            socket.create_connection(("127.0.0.1", proxy.port), timeout=30) as client:
        got = b""
        for word in (b"scan ", b"rma-2026-000001-1 ", b"enter"):
            client.sendall(word)
        while len(got) < len(b"scan rma-2026-000001-1 enter"):
            got += client.recv(4096)
        assert got == b"SCAN RMA-2026-000001-1 ENTER"
        assert proxy.packets >= 2  # at least one chunk each way went through the delay queue
    server.close()
    thread.join(10)


def test_growing_copies_whole_returns_over_several_years(engine: Engine) -> None:
    factory = make_session_factory(engine)
    fill_demo(factory, 30, today=date(2026, 11, 23))
    with factory() as s:
        base_lines = s.scalar(select(func.count(ReturnLine.id)))
        base_years = {d.year for d in s.scalars(select(Return.received_on))}
    copies = grow_lines(engine, base_lines * 3, years=3)
    with factory() as s:
        lines = s.scalar(select(func.count(ReturnLine.id)))
        years = {d.year for d in s.scalars(select(Return.received_on))}
        numbers = s.scalar(select(func.count(func.distinct(Return.rma_no))))
        returns = s.scalar(select(func.count(Return.id)))
        orphans = s.scalar(select(func.count(ReturnLine.id)).where(~ReturnLine.return_id.in_(select(Return.id))))
    assert copies == 2 and lines == base_lines * 3
    assert years >= base_years | {min(base_years) - 1, min(base_years) - 2}  # two years earlier too
    assert numbers == returns and orphans == 0


def test_round_trips_are_the_statements_and_the_transaction_ends(engine: Engine) -> None:
    factory = make_session_factory(engine)
    with RoundTrips(engine) as rt, factory.begin() as s:
        s.execute(text("SELECT 1"))
        s.execute(text("SELECT 2"))
    sqlite = engine.dialect.name == "sqlite"
    # SQLite: BEGIN IMMEDIATE is a statement of its own; psycopg sends BEGIN as a query of
    # its own before the first statement
    begin_statement, begin_sent = (1, 0) if sqlite else (0, 1)
    ping = 0 if sqlite else 1  # the server's pool pings a connection as it is checked out
    assert (rt.statements, rt.begins, rt.ends, rt.pings) == (2 + begin_statement, begin_sent, 1, ping)
    assert rt.count == 4 + ping
    # a read (db.engine.run_read) on PostgreSQL is autocommit: its statement and the ping only
    with RoundTrips(engine) as read:
        run_read(factory, lambda s: s.execute(text("SELECT 3")).scalar_one())
    if sqlite:
        assert read.statements >= 1 and read.begins == 0
    else:
        assert (read.statements, read.begins, read.ends, read.pings) == (1, 0, 0, 1)
    assert percentile([5.0, 1.0, 3.0, 2.0, 4.0], 50) == 3.0
    assert percentile([float(i) for i in range(1, 101)], 95) == 95.0
