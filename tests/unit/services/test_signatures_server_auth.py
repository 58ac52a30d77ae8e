"""On PostgreSQL in per-user-role mode the server checks a signer's password: a fresh
connection as that user (SCRAM-SHA-256), not the station's hash. Needs password
authentication, so it runs on a throwaway cluster of its own (tools/pgcluster.Cluster),
never on the shared test server (trust)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select, text

from app.errors import ValidationError
from app.services import signatures
from app.services.seed import seed_reference
from app.services.users import actor_for
from db.engine import make_engine, make_session_factory, unit_of_work
from db.migrate import upgrade
from db.models import User

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "tools"))
from pgcluster import Cluster  # noqa: E402

SERVER_PASSWORD = "Server-side-9"  # the role's password on the server; the station's hash holds "1234"


@pytest.fixture(scope="module")
def cluster() -> Iterator[Cluster]:
    c = Cluster()
    c.start()
    # the signer's role authenticates by password; everyone else stays trusted (as the suite's servers)
    hba = c.data / "pg_hba.conf"
    hba.write_text("host all sales 127.0.0.1/32 scram-sha-256\n" + hba.read_text())
    engine = make_engine(c.url)
    upgrade(engine)
    with make_session_factory(engine).begin() as s:
        seed_reference(s)
        s.execute(text("SET password_encryption = 'scram-sha-256'"))
        s.execute(text(f"CREATE ROLE sales LOGIN PASSWORD '{SERVER_PASSWORD}'"))
        s.execute(text("SELECT pg_reload_conf()"))
    engine.dispose()
    yield c
    c.stop()


def test_the_server_authenticates_the_signer_in_per_user_role_mode(cluster: Cluster) -> None:
    engine = make_engine(cluster.url)
    factory = make_session_factory(engine)
    try:
        with factory() as s:
            sales = actor_for(s.scalars(select(User).where(User.login == "sales")).one(), station="test")
            user = s.get(User, sales.user_id)
            assert signatures.password_ok(s, user, SERVER_PASSWORD)  # the server's password signs
            assert not signatures.password_ok(s, user, "1234")  # the station's hash does not
        with factory() as s:
            mgr = s.scalars(select(User).where(User.login == "mgr")).one()
            assert signatures.password_ok(s, mgr, "1234")  # no role of their own: the station's hash
        with pytest.raises(ValidationError) as err, unit_of_work(factory) as s:
            signatures.check_signer(s, sales, "1234")
        assert err.value.key == "signature_wrong_password"
        with factory() as s:
            assert s.get(User, sales.user_id).failed_logins == 1  # the lockout counts it
    finally:
        engine.dispose()
