"""The Alembic migrations build the schema the models describe, on both backends."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, select

from db.migrate import alembic_config, current_revision, head_revision, needs_upgrade, upgrade
from db.models import Base, LiabilityCode


def test_database_is_at_head_with_liability_table(engine, factory) -> None:
    assert current_revision(engine) == head_revision()
    assert not needs_upgrade(engine)
    with factory() as s:
        rows = s.execute(select(LiabilityCode.code, LiabilityCode.name_zh).order_by(LiabilityCode.code)).all()
    assert rows == [(1, "顾客"), (2, "供方"), (3, "制造"), (4, "售后"), (5, "物控"), (6, "运输"),
                    (7, "设计"), (8, "销售"), (9, "其它")]


def test_migrations_match_the_models(engine) -> None:
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_downgrade_to_empty_and_upgrade_again(engine) -> None:
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "base")
    assert "rma_return" not in inspect(engine).get_table_names()
    upgrade(engine)
    assert {"rma_return", "return_line", "audit_log"} <= set(inspect(engine).get_table_names())
