"""Benchmark: `demo --returns N` on PostgreSQL beside bare inserts of the very rows it wrote.

Run on demand (marker perf):
    .venv/bin/python -m pytest tests/perf/test_demo_perf.py -m perf -s -p no:cacheprovider
N is 500,000 (issue 12: ≤ 2× bare); RMA_BENCH_DEMO_RETURNS=20000 for a quick run;
RMA_BENCH_DEMO_YEARS (default 5) spreads them over that many years.

It fills a fresh database copied from the suite's template with fill_demo (what
`rma-station demo` runs), then reads back every row the fill wrote (returns, lines, rework
materials and labour, liaison notes, 8Ds) in chunks and times only the writing of the same
rows into temporary copies of the tables: with a plain DB-API executemany of tuples and with
COPY. Nothing is asserted about time; the fill's result is checked.
"""

from __future__ import annotations

import os
import time
from datetime import date
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, func, make_url, select, text

from app.services.demo import fill_demo
from db.engine import make_engine, make_session_factory
from db.models import Return, ReturnLine

pytestmark = [pytest.mark.perf, pytest.mark.timeout(7200)]  # 500,000 returns and two baselines
N = int(os.environ.get("RMA_BENCH_DEMO_RETURNS", "500000"))
YEARS = int(os.environ.get("RMA_BENCH_DEMO_YEARS", "5"))
PG_URL = os.environ.get("RMA_TEST_POSTGRES_URL", "")
TABLES = ("rma_return", "return_line", "rework_material", "rework_labour", "liaison_note", "corrective_action")
CHUNK = 20_000


def _bare(engine: Engine, how: str) -> tuple[float, int]:
    """Seconds spent writing (only) every row of TABLES again, `how` = executemany or COPY."""
    raw = engine.raw_connection()
    spent, rows_written = 0.0, 0
    try:
        cur = raw.cursor()
        for table in TABLES:
            cur.execute(f"CREATE TEMP TABLE bare_{table} (LIKE {table} INCLUDING DEFAULTS)")
            cur.execute(f"SELECT * FROM {table} LIMIT 0")
            cols = [d[0] for d in cur.description]
            read = raw.cursor(name=f"read_{table}")  # server-side: bounded memory at 1 M lines
            read.execute(f"SELECT {', '.join(cols)} FROM {table} ORDER BY id")
            while rows := read.fetchmany(CHUNK):
                t0 = time.perf_counter()
                if how == "COPY":
                    with cur.copy(f"COPY bare_{table} ({', '.join(cols)}) FROM STDIN") as copy:
                        for row in rows:
                            copy.write_row(row)
                else:
                    cur.executemany(f"INSERT INTO bare_{table} ({', '.join(cols)}) "
                                    f"VALUES ({', '.join(['%s'] * len(cols))})", rows)
                spent += time.perf_counter() - t0
                rows_written += len(rows)
            read.close()
        t0 = time.perf_counter()
        raw.commit()
        spent += time.perf_counter() - t0
        for table in TABLES:
            cur.execute(f"DROP TABLE bare_{table}")
        raw.commit()
    finally:
        raw.close()
    return spent, rows_written


def test_demo_fill_against_bare_inserts(pg_template: str) -> None:
    name = f"rma_bench_demo_{os.getpid()}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        c.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{pg_template}"'))
    engine = make_engine(make_url(PG_URL).set(database=name))
    try:
        factory = make_session_factory(engine)
        t0 = time.perf_counter()
        assert fill_demo(factory, N, today=date(2026, 11, 23), years=YEARS) == N
        ours = time.perf_counter() - t0
        with factory() as s:
            returns = s.scalar(select(func.count(Return.id)))
            lines = s.scalar(select(func.count(ReturnLine.id)))
            first, last = s.execute(select(func.min(Return.received_on), func.max(Return.received_on))).one()
        assert returns == N and lines >= N
        many, rows = _bare(engine, "executemany")
        copy, rows_copied = _bare(engine, "COPY")
        assert rows == rows_copied
        server: dict[str, Any] = {}
        with engine.connect() as c:
            for setting in ("fsync", "synchronous_commit"):
                server[setting] = c.execute(text(f"SHOW {setting}")).scalar()
        print(f"\n[PostgreSQL, {', '.join(f'{k}={v}' for k, v in server.items())}] demo fill of {N:,} returns "
              f"/ {lines:,} lines ({rows:,} rows in all, received {first} … {last}): ours {ours:7.1f} s"
              f"   |   bare executemany of the same rows {many:7.1f} s ({ours / many:.2f}×)"
              f"   |   bare COPY {copy:7.1f} s ({ours / copy:.2f}×)   |   load average {os.getloadavg()[0]:.1f}")
    finally:
        engine.dispose()
        with admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
