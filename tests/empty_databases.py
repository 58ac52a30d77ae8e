"""Brand-new databases of each backend: migrated, with nothing in them (no users, no returns).

What a station meets at its first start. The schema is built once per backend through the
real migrations (a template, as tests/conftest.py does for the seeded databases); each test
gets its own copy. tests/conftest.py loads these fixtures as a plugin.
"""

from __future__ import annotations

import itertools
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text

from db.engine import make_engine
from db.migrate import upgrade

PG_URL = os.environ.get("RMA_TEST_POSTGRES_URL", "")  # as tests/conftest.py reads them
BACKENDS = ["sqlite", "postgresql"]

_counter = itertools.count()


def _worker() -> str:
    return os.environ.get("PYTEST_XDIST_WORKER", "gw0")


@pytest.fixture(scope="session")
def empty_sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("empty") / "empty.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    engine.dispose()
    return path


@pytest.fixture(scope="session")
def empty_pg_template() -> Iterator[str]:
    name = f"rma_empty_{_worker()}_{os.getpid()}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        c.execute(text(f'CREATE DATABASE "{name}"'))
    engine = make_engine(make_url(PG_URL).set(database=name))
    upgrade(engine)
    engine.dispose()
    yield name
    with admin.connect() as c:
        c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=BACKENDS)
def empty_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, migrated, EMPTY database of each backend; yields its URL."""
    if request.param == "sqlite":
        path = tmp_path / "data" / "rma-station.sqlite3"
        path.parent.mkdir()
        shutil.copy(request.getfixturevalue("empty_sqlite_template"), path)
        yield f"sqlite:///{path}"
        return
    if not PG_URL:
        pytest.skip("RMA_TEST_POSTGRES_URL not set (run through tools/dev.py test)")
    template = request.getfixturevalue("empty_pg_template")
    name = f"rma_e_{_worker()}_{os.getpid()}_{next(_counter)}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
    try:
        yield str(make_url(PG_URL).set(database=name).render_as_string(hide_password=False))
    finally:
        with admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
