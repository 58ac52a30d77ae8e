"""Migration 0007 on data, both backends: material quantities survive the change to
fixed-point (SQLite keeps thousandths), and imported lines that waited for the decision
without a due date get one, 1 working day after they came back."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from alembic import command
from sqlalchemy import select, text

from app.excel.importer import import_rows
from app.excel.legacy import read_legacy_workbook
from app.services import rework
from db.migrate import alembic_config, current_revision, head_revision, upgrade
from db.models import ReturnLine, ReworkMaterial
from tests.unit.excel.workbooks import ZH_HEADER, make_workbook, zh_row
from tests.unit.services.helpers import decided


def test_upgrade_keeps_material_quantities_and_dates_imported_lines(engine, factory, actors, tmp_path) -> None:
    _rid, lid = decided(factory, actors)
    with factory.begin() as s:
        rework.book_rework_costs(s, actors["pmc"], lid, labour=[], materials=[
            rework.MaterialEntry("螺钉 M3", 2, "0.05"), rework.MaterialEntry("环氧树脂", "0.35", "48.50")])
    book = make_workbook(tmp_path / "log.xlsx", {"S": [
        ZH_HEADER, zh_row(1, 退货日期="2025-03-07", 责任判定=None, 处置方式=None, 退款比例=None, 退款金额=None)]})
    with factory.begin() as s:
        import_rows(s, actors["qa"], read_legacy_workbook(book), "log.xlsx")
    with engine.begin() as conn:  # as an import made before this revision left it
        conn.execute(text("UPDATE return_line SET due_on = NULL WHERE status = 'decision'"))

    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0001")
    with engine.connect() as conn:  # whole units again, a measured 0.35 kg rounded up
        assert sorted(conn.execute(text("SELECT qty FROM rework_material")).scalars()) == [1, 2]
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    with factory() as s:
        assert sorted(s.scalars(select(ReworkMaterial.qty))) == [Decimal("1.000"), Decimal("2.000")]
        waiting = s.scalars(select(ReturnLine).where(ReturnLine.status == "decision")).one()
        assert waiting.due_on == date(2025, 3, 10)  # Friday the 7th → Monday the 10th
