"""Legacy import into the database: the sample's returns and lines, once only."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from app.excel.importer import import_workbook
from db.models import AuditLog, Customer, ImportBatch, Return, ReturnLine

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "legacy-returns-2025.xlsx"


def test_sample_becomes_returns_once(factory, actors) -> None:
    with factory.begin() as s:
        first = import_workbook(s, actors["qa"], SAMPLE)
    assert (first.returns_created, first.lines_imported, len(first.rejects)) == (78, 119, 19)
    with factory() as s:
        returns = list(s.scalars(select(Return).where(Return.source == "import")))
        assert len(returns) == 78
        assert sorted(r.rma_no for r in returns)[:2] == ["RMA-2025-000001", "RMA-2025-000002"]
        months: dict[str, Decimal] = defaultdict(Decimal)
        for line in s.scalars(select(ReturnLine)):
            months[line.rma.received_on.strftime("%Y-%m")] += line.amount
        assert months == {"2025-03": Decimal("122169.35"), "2025-04": Decimal("59235.20"),
                          "2025-05": Decimal("178609.30")}
        assert s.scalar(select(Customer.id).where(Customer.name == "Acme Appliances GmbH")) is not None
        assert s.scalar(select(AuditLog.id).where(AuditLog.entity == "line", AuditLog.user_login == "qa"))
    with factory.begin() as s:
        again = import_workbook(s, actors["qa"], SAMPLE)
    assert again.lines_imported == 0 and again.rows_already_imported == 119 and again.nothing_new
    assert "本次未导入任何数据" in again.summary("zh")
    with factory() as s:
        assert len(list(s.scalars(select(Return)))) == 78
        assert [b.rows_imported for b in s.scalars(select(ImportBatch).order_by(ImportBatch.id))] == [119, 0]


def test_dry_run_writes_nothing(factory, actors) -> None:
    with factory() as s:
        result = import_workbook(s, actors["qa"], SAMPLE, dry_run=True)
        s.rollback()
    assert result.lines_imported == 119 and result.dry_run
    with factory() as s:
        assert s.scalar(select(Return.id)) is None


def test_price_finer_than_fen_is_kept_to_the_fen(factory, actors, tmp_path) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["退货日期", "客户", "型号", "数量", "单价", "金额", "责任"])
    ws.append(["2025-06-02", "新客户", "R-0603 10k", "1000", "0.035", "35.00", "3"])
    path = tmp_path / "fine.xlsx"
    wb.save(path)
    with factory.begin() as s:
        result = import_workbook(s, actors["qa"], path)
    assert result.lines_imported == 1
    with factory() as s:
        line = s.scalar(select(ReturnLine))
        assert (line.unit_price, line.amount, line.qty_counted) == (Decimal("0.04"), Decimal("35.00"), 1000)
