"""Benchmark: the legacy import of 1,000 / 10,000 / 100,000 rows, each beside bare baselines.

Run on demand (marker perf), on both backends:
    .venv/bin/python -m pytest tests/perf/test_import_perf.py -m perf -s -p no:cacheprovider
RMA_BENCH_IMPORT_ROWS="1000,10000" for a quicker run (default 1000,10000,100000).
RMA_BENCH_IMPORTS_AT_ONCE=8 and RMA_BENCH_IMPORT_AT_ONCE_ROWS / RMA_BENCH_DEMO_AT_ONCE_RETURNS size
the run of imports and demo fills at once (real `rma-station` processes, PostgreSQL).

For each size it prints, in one run:
- ours: the whole import (read + check + write + commit), and per 1,000 rows (linear: flat);
- bare read: openpyxl reading every cell of the same workbook, nothing else;
- bare write: the rows the import wrote (returns + lines) inserted again into temporary
  copies of the tables with a plain DB-API executemany, and on PostgreSQL with COPY.
Goals (issues 9 and 12): 10,000 rows ≤ 10 s, 100,000 rows ≤ 100 s. Nothing is asserted
about time (machines differ); the import's result is checked.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import Engine, create_engine, func, make_url, select, text
from sqlalchemy.orm import Session, sessionmaker

from app.excel.importer import import_workbook
from db.engine import make_engine, make_session_factory, unit_of_work
from db.models import Return
from tests.unit.excel.test_import_concurrency import workbook

pytestmark = [pytest.mark.perf, pytest.mark.timeout(7200)]  # 100,000 rows on a busy machine
SIZES = [int(n) for n in os.environ.get("RMA_BENCH_IMPORT_ROWS", "1000,10000,100000").split(",")]
ROOT = Path(__file__).resolve().parents[2]
PG_URL = os.environ.get("RMA_TEST_POSTGRES_URL", "")


def _bare_read(path: Path) -> float:
    t0 = time.perf_counter()
    wb = load_workbook(path, read_only=True, data_only=True)
    cells = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            cells += len(row)
    wb.close()
    assert cells > 0
    return time.perf_counter() - t0


def _bare_writes(engine: Engine, return_ids: list[int]) -> dict[str, float]:
    """The same rows written again by bare DB-API calls into temporary copies of the tables."""
    low, high = min(return_ids), max(return_ids)
    raw = engine.raw_connection()
    out: dict[str, float] = {}
    try:
        cur = raw.cursor()
        pg = engine.dialect.name == "postgresql"
        tables = (("rma_return", "id"), ("return_line", "return_id"))
        data: dict[str, tuple[list[str], list[tuple[Any, ...]]]] = {}
        for table, key in tables:
            cur.execute(f"SELECT * FROM {table} WHERE {key} BETWEEN {low} AND {high}")
            cols = [d[0] for d in cur.description]
            data[table] = (cols, cur.fetchall())
            like = (f"CREATE TEMP TABLE bare_{table} (LIKE {table} INCLUDING DEFAULTS)" if pg else
                    f"CREATE TEMP TABLE bare_{table} AS SELECT * FROM {table} WHERE 0")
            cur.execute(like)
        raw.commit()
        mark = "%s" if pg else "?"
        t0 = time.perf_counter()
        for table, (cols, rows) in data.items():
            cur.executemany(f"INSERT INTO bare_{table} ({', '.join(cols)}) VALUES ({', '.join([mark] * len(cols))})",
                            rows)
        raw.commit()
        out["executemany"] = time.perf_counter() - t0
        if pg:
            for table in data:
                cur.execute(f"TRUNCATE bare_{table}")
            raw.commit()
            t0 = time.perf_counter()
            for table, (cols, rows) in data.items():
                with cur.copy(f"COPY bare_{table} ({', '.join(cols)}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
            raw.commit()
            out["COPY"] = time.perf_counter() - t0
        for table in data:
            cur.execute(f"DROP TABLE bare_{table}")
        raw.commit()
    finally:
        raw.close()
    return out


def test_import_against_bare_read_and_bare_write(factory: sessionmaker[Session], engine: Engine,
                                                 actors: dict[str, Any], db_url: str, tmp_path: Path) -> None:
    backend = "PostgreSQL" if db_url.startswith("postgresql") else "SQLite"
    if db_url.startswith("postgresql"):
        with engine.connect() as c:  # durability decides the write's cost: say which it was
            backend += ", fsync=" + str(c.exec_driver_sql("SHOW fsync").scalar())
    for rows in SIZES:
        tag = f"B{rows}"
        path = workbook(tmp_path / f"{tag}.xlsx", rows, tag)
        bare_read = _bare_read(path)
        t0 = time.perf_counter()
        with unit_of_work(factory) as s:
            result = import_workbook(s, actors["qa"], path)
        ours = time.perf_counter() - t0
        assert (result.returns_created, result.lines_imported, result.rejects) == (rows, rows, [])
        bare = _bare_writes(engine, result.return_ids)
        writes = "   ".join(f"bare {k} {v:6.2f} s" for k, v in bare.items())
        print(f"\n[{backend}] import {rows:>7,} rows: ours {ours:7.2f} s ({ours / rows * 1000:5.2f} s per 1k)"
              f"   |   bare read {bare_read:6.2f} s   {writes}   |   bare read + write "
              f"{bare_read + min(bare.values()):6.2f} s   |   load average {os.getloadavg()[0]:.1f}", flush=True)
        path.unlink()


def _fresh_pg_database(template: str, name: str) -> tuple[str, Engine]:
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        c.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
    admin.dispose()
    url = make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    return url, make_engine(url)


def _drop_pg_database(name: str) -> None:
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def test_eight_imports_and_eight_demo_runs_at_once(pg_template: str, tmp_path: Path) -> None:
    """The real commands, as separate processes, on one PostgreSQL database: 0 failures."""
    runs = int(os.environ.get("RMA_BENCH_IMPORTS_AT_ONCE", "8"))
    rows = int(os.environ.get("RMA_BENCH_IMPORT_AT_ONCE_ROWS", "3000"))
    returns = int(os.environ.get("RMA_BENCH_DEMO_AT_ONCE_RETURNS", "5000"))
    name = f"rma_bench_at_once_{os.getpid()}"
    url, engine = _fresh_pg_database(pg_template, name)
    try:
        from app.services.setup import mark_demo

        with make_session_factory(engine).begin() as s:
            mark_demo(s)  # a demo database: the demo runs are allowed beside the imports
        files = [workbook(tmp_path / f"C{i}.xlsx", rows, f"C{i}") for i in range(runs)]
        env = {**os.environ, "RMA_DATABASE_URL": url, "RMA_LANG": "en", "RMA_PASSWORD": "1234"}
        t0 = time.perf_counter()
        procs = [subprocess.Popen([sys.executable, str(ROOT / "main.py"), "import", str(f), "--user", "qa"],
                                  cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for f in files]
        procs += [subprocess.Popen([sys.executable, str(ROOT / "main.py"), "demo", "--returns", str(returns),
                                    "--seed", str(i), "--years", "3"], cwd=ROOT, env=env,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                  for i in range(runs)]
        outcomes = [(p.wait(3600), p.communicate()) for p in procs]
        took = time.perf_counter() - t0
        failed = [(rc, err[-1500:]) for rc, (_out, err) in outcomes if rc != 0]
        with make_session_factory(engine)() as s:
            made = dict(s.execute(select(Return.source, func.count()).group_by(Return.source)).all())
            numbers = s.scalar(select(func.count(func.distinct(Return.rma_no))))
        print(f"\n[PostgreSQL] {runs} imports of {rows:,} rows and {runs} demo runs of {returns:,} returns at once:"
              f" {len(failed)} failures, {took:.1f} s; returns {made}, distinct numbers {numbers:,}")
        assert failed == []
        assert made == {"import": runs * rows, "demo": runs * returns}
        assert numbers == runs * (rows + returns)
    finally:
        engine.dispose()
        _drop_pg_database(name)
