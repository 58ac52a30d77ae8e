"""Migration 0004 (master data) on a database that already holds returns, on both backends:
existing customers, products and categories get a version and who-changed columns, nothing is
rebuilt under the returns that refer to them, and the downgrade keeps their rows."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect, text

from db.migrate import alembic_config, upgrade


def _to(engine, revision: str) -> None:
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)


def test_upgrade_and_downgrade_keep_referenced_rows(engine, factory, actors) -> None:
    from app.services import returns
    from tests.unit.services.helpers import draft

    with factory.begin() as s:
        rma = returns.receive_return(s, actors["wh"], draft())
        rid, cust_id = rma.id, rma.customer_id
    _to(engine, "0001")
    assert "supplier" not in inspect(engine).get_table_names()
    assert "version" not in {c["name"] for c in inspect(engine).get_columns("customer")}
    upgrade(engine)
    with engine.connect() as c:
        row = c.execute(text("SELECT version, updated_by, sales_rep_id FROM customer WHERE id = :i"),
                        {"i": cust_id}).one()
        assert tuple(row) == (1, "", None)
        assert c.execute(text("SELECT customer_id FROM rma_return WHERE id = :i"), {"i": rid}).scalar() == cust_id
        assert c.execute(text("SELECT count(*) FROM product WHERE version = 1")).scalar() >= 10
        if engine.dialect.name == "sqlite":
            assert c.execute(text("PRAGMA foreign_key_check")).all() == []
    _to(engine, "0001")
    with engine.connect() as c:
        assert c.execute(text("SELECT count(*) FROM rma_return")).scalar() == 1
        assert c.execute(text("SELECT name FROM customer WHERE id = :i"), {"i": cust_id}).scalar()
    upgrade(engine)
