"""Every test that touches the database runs on SQLite and on PostgreSQL.

The schema is built once per backend through the real Alembic migrations into a
template (a file for SQLite, a template database for PostgreSQL); each test gets its
own fresh copy, so tests may commit and run concurrently.
"""

from __future__ import annotations

import itertools
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, make_url, text
from sqlalchemy.orm import Session, sessionmaker

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# TEST-ONLY cost hook of app.services.passwords: the cheapest Argon2id, so that seeding
# users and logging in take microseconds (the CLI subprocesses of the tests inherit it).
os.environ.setdefault("RMA_TEST_CHEAP_PASSWORD_HASH", "1")

from app.services.context import Actor  # noqa: E402
from app.services.seed import seed_reference  # noqa: E402
from app.services.users import actor_for  # noqa: E402
from db.engine import make_engine, make_session_factory  # noqa: E402
from db.migrate import upgrade  # noqa: E402

# empty_db_url: brand-new databases of each backend, for the first start (set-up)
pytest_plugins = ["tests.empty_databases"]

PG_URL = os.environ.get("RMA_TEST_POSTGRES_URL", "")
BACKENDS = ["sqlite", "postgresql"]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if PG_URL:
        return
    if os.environ.get("CI"):
        raise pytest.UsageError("CI: RMA_TEST_POSTGRES_URL is not set; the PostgreSQL tests must run")
    skip = pytest.mark.skip(reason="RMA_TEST_POSTGRES_URL not set (run through tools/dev.py test)")
    for item in items:
        callspec = getattr(item, "callspec", None)
        if callspec is not None and callspec.params.get("db_url") == "postgresql":
            item.add_marker(skip)


def _worker() -> str:
    return os.environ.get("PYTEST_XDIST_WORKER", "gw0")


@dataclass
class Template:
    backend: str
    url: str  # sqlite: file path; postgresql: template database name


def _seed(engine: Engine) -> None:
    factory = make_session_factory(engine)
    with factory.begin() as s:
        seed_reference(s)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("tmpl") / "template.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    _seed(engine)
    engine.dispose()
    return path


def _pg_admin() -> Engine:
    return create_engine(PG_URL, isolation_level="AUTOCOMMIT")


@pytest.fixture(scope="session")
def pg_template() -> Iterator[str]:
    name = f"rma_tmpl_{_worker()}_{os.getpid()}"  # unique: several runs may share a server
    admin = _pg_admin()
    with admin.connect() as c:
        c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        c.execute(text(f'CREATE DATABASE "{name}"'))
    engine = make_engine(make_url(PG_URL).set(database=name))
    upgrade(engine)
    _seed(engine)
    engine.dispose()
    yield name
    with admin.connect() as c:
        c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


_counter = itertools.count()


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, migrated, seeded database of each backend; yields its URL."""
    if request.param == "sqlite":
        path = tmp_path / "rma.sqlite3"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        yield f"sqlite:///{path}"
        return
    template = request.getfixturevalue("pg_template")
    name = f"rma_t_{_worker()}_{os.getpid()}_{next(_counter)}"
    admin = _pg_admin()
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
    try:
        yield str(make_url(PG_URL).set(database=name).render_as_string(hide_password=False))
    finally:
        with admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    eng = make_engine(db_url)
    yield eng
    eng.dispose()


@pytest.fixture
def factory(engine: Engine) -> sessionmaker[Session]:
    return make_session_factory(engine)


@pytest.fixture
def session(factory: sessionmaker[Session]) -> Iterator[Session]:
    with factory() as s:
        yield s


@pytest.fixture
def actors(factory: sessionmaker[Session]) -> dict[str, Actor]:
    """The demo people, as actors at a test station: admin, wh, sales, mgr, qa, eng, pmc."""
    from sqlalchemy import select

    from db.models import User

    with factory() as s:
        return {u.login: actor_for(u, station="test") for u in s.scalars(select(User))}
