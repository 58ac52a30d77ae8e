"""Eight `rma-station demo` at once into one fresh database: all of them finish.

They race to create the schema (an advisory lock on PostgreSQL, BEGIN IMMEDIATE on
SQLite), to seed the demo people and products, and for ids and RMA numbers.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, make_url, select, text

from db.engine import make_engine, make_session_factory
from db.models import Return, User

ROOT = Path(__file__).resolve().parents[3]
RUNS = 8
RETURNS = 12


@pytest.fixture
def fresh_url(db_url: str, tmp_path: Path) -> Iterator[str]:
    """An EMPTY database of the backend of `db_url` (no schema yet)."""
    if db_url.startswith("sqlite"):
        yield f"sqlite:///{tmp_path / 'fresh' / 'rma.sqlite3'}"
        return
    url = make_url(db_url)
    name = f"{url.database}_fresh"
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def test_eight_demo_runs_at_once_all_finish(fresh_url: str) -> None:
    # generous waits for each other's locks: what is tested is that the runs take turns
    # correctly, not how fast a loaded machine gets through a queue of eight
    env = {**os.environ, "RMA_DATABASE_URL": fresh_url, "RMA_LANG": "en",
           "RMA_SQLITE_BUSY_TIMEOUT_MS": "300000", "RMA_PG_LOCK_TIMEOUT_MS": "300000"}
    runs = [subprocess.Popen([sys.executable, str(ROOT / "main.py"), "demo", "--returns", str(RETURNS),
                              "--seed", str(i)], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True) for i in range(RUNS)]
    outcomes = [(p.wait(600), p.communicate()) for p in runs]
    failed = [(rc, err[-1500:]) for rc, (_out, err) in outcomes if rc != 0]
    assert failed == []
    engine = make_engine(fresh_url)
    try:
        with make_session_factory(engine)() as s:
            assert s.scalar(select(func.count()).select_from(Return)) == RUNS * RETURNS
            numbers = list(s.scalars(select(Return.rma_no)))
            assert len(set(numbers)) == len(numbers)
            assert s.scalar(select(func.count()).select_from(User).where(User.login == "admin")) == 1
    finally:
        engine.dispose()
