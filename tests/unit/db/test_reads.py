"""A read through db.engine.run_read: on PostgreSQL no transaction is opened (no BEGIN, no
COMMIT: its statements are its round trips), nothing can be written in it, and a write
after it on the same pooled connection is a transaction again whose audit trail names the
actor and the station."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text

from db.engine import ReadWroteError, run_in_transaction, run_read
from db.models import AuditLog, Setting


def test_a_read_opens_no_transaction_on_postgresql(engine, factory) -> None:
    def work(s):
        value = s.execute(text("SELECT 41 + 1")).scalar_one()
        dbapi = s.connection().connection.dbapi_connection
        status = dbapi.info.transaction_status.name if engine.dialect.name == "postgresql" else None
        return value, status

    value, status = run_read(factory, work)
    assert value == 42
    if engine.dialect.name == "postgresql":
        assert status == "IDLE"  # no BEGIN was sent, so there is nothing to commit or roll back


def test_a_read_that_tries_to_write_is_refused_and_writes_nothing(factory, actors) -> None:
    def work(s):
        s.add(Setting(key="read_only_probe", value="1"))
        s.flush()

    with pytest.raises(ReadWroteError):
        run_read(factory, work, actor=actors["admin"], station=actors["admin"].station)
    with factory() as s:
        assert s.get(Setting, "read_only_probe") is None


def test_a_write_after_a_read_is_one_transaction_with_its_actor_and_station(engine, factory, actors) -> None:
    admin = actors["admin"]
    for _ in range(3):  # the pool hands the read's connection to the write
        run_read(factory, lambda s: s.execute(text("SELECT 1")).scalar_one())

    def write(s):
        if engine.dialect.name == "postgresql":
            assert s.connection().connection.dbapi_connection.autocommit is False
        s.add(Setting(key="after_read_probe", value="1"))
        s.flush()
        return s.execute(text("SELECT count(*) FROM setting WHERE key = 'after_read_probe'")).scalar_one()

    assert run_in_transaction(factory, write, actor=admin, station=admin.station) == 1
    with factory() as s:
        trail = s.scalars(select(AuditLog).where(AuditLog.entity == "setting",
                                                 AuditLog.new_value.like("%after_read_probe%"))).all()
    assert trail, "the write is in the audit trail"
    assert {(t.user_login, t.station) for t in trail} == {(admin.login, admin.station)}
