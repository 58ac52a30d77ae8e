"""Benchmark: demo fill of N returns on PostgreSQL, beside the bare DB-API insert of the same rows.

Run on demand: python3 tools/dev.py bench   (or RMA_BENCH_RETURNS=100000 for the full size)
"""

from __future__ import annotations

import os
import time
from datetime import date

import pytest
from sqlalchemy import func, select, text

from app.services.demo import fill_demo
from db.engine import make_engine, make_session_factory
from db.models import ReturnLine

pytestmark = pytest.mark.perf
N = int(os.environ.get("RMA_BENCH_RETURNS", "20000"))


def test_demo_fill_against_bare_insert(db_url: str) -> None:
    if not db_url.startswith("postgresql"):
        pytest.skip("the benchmark is about the shared PostgreSQL server")
    engine = make_engine(db_url)
    factory = make_session_factory(engine)
    t0 = time.perf_counter()
    fill_demo(factory, N, today=date(2026, 11, 23))
    ours = time.perf_counter() - t0
    with factory() as s:
        lines = s.scalar(select(func.count(ReturnLine.id)))
    # baseline: the same number of line rows, copied with bare psycopg executemany of tuples
    raw = engine.raw_connection()
    try:
        cur = raw.cursor()
        cur.execute("CREATE TEMP TABLE bench_line (LIKE return_line INCLUDING DEFAULTS)")
        cur.execute("SELECT * FROM return_line LIMIT 1")
        cols = [d.name for d in cur.description]
        cur.execute(f"SELECT {', '.join(cols)} FROM return_line")
        rows = cur.fetchall()
        t1 = time.perf_counter()
        cur.executemany(f"INSERT INTO bench_line ({', '.join(cols)}) VALUES ({', '.join(['%s'] * len(cols))})",
                        rows)
        raw.commit()
        bare = time.perf_counter() - t1
    finally:
        raw.close()
    with engine.connect() as c:
        c.execute(text("SELECT 1"))
    engine.dispose()
    print(f"\n  demo fill: {N} returns / {lines} lines + rework rows in {ours:6.1f} s"
          f"   |   bare executemany of the {lines} line rows alone: {bare:6.1f} s")
    assert lines >= N
