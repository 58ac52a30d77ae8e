"""Customer and product lists from Excel: found by header words, imported or rejected per row."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from app.errors import WorkflowError
from app.excel.masterdata import import_list, read_list
from app.excel.rejects import write_rejects
from app.services import masterdata as md
from app.services.masterdata import ListQuery
from db.models import AuditLog, Customer, Product
from main import main


def _book(path: Path, rows: list[list], *, title_rows: int = 0, sheet: str = "清单") -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    for _ in range(title_rows):
        ws.append(["2026年客户清单"])
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def customers_book(tmp_path: Path) -> Path:
    return _book(tmp_path / "客户.xlsx", [
        ["序号", "客户编码", "客户名称", "联系人", "联系电话", "地址", "业务员"],
        [1, "K100", "宁波新客户电器有限公司", "孙", "0574-1", "宁波", "销售员"],
        [2, "C001", "华东电气设备有限公司", "钱经理", "021-8", None, None],
        [3, "K101", None, "李", None, None, None],
        [None, None, None, None, None, None, None],
        [4, "K102", "宁波新客户电器有限公司", "重复", None, None, None],
        [5, "K103", "杭州某客户", None, None, None, "没有这个人"],
    ], title_rows=1)


def test_customers_list_inserts_updates_and_rejects_with_reasons(factory, actors, tmp_path) -> None:
    sales_name = actors["sales"].name  # the sales rep column names a user by name (or login)
    path = _book(tmp_path / "客户.xlsx", [["客户编码", "客户名称", "联系人", "联系电话", "地址", "业务员"],
                 ["K100", "宁波新客户电器有限公司", "孙", "0574-1", "宁波", sales_name],
                 ["C001", "华东电气设备有限公司", "钱经理", "021-8", None, None],
                 ["K101", None, "李", None, None, None],
                 [None] * 6,
                 ["K102", "宁波新客户电器有限公司", "重复", None, None, None],
                 ["K103", "杭州某客户", None, None, None, "没有这个人"],
                 ["C002", "杭州另一客户", None, None, None, None]], title_rows=1)
    with factory.begin() as s:
        result = import_list(s, actors["mgr"], "customers", path)
    assert [c.name for c in result.created] == ["宁波新客户电器有限公司"]
    assert [c.name for c in result.updated] == ["华东电气设备有限公司"]
    reasons = {(r.row, r.field): r.message("zh") for r in result.rejects}
    assert reasons[(5, "name")] == "客户名称不能为空"
    assert "重复" in reasons[(7, "name")] and "第3行" in reasons[(7, "name")]
    assert "找不到业务员" in reasons[(8, "sales_rep_id")]
    assert "客户编码已存在: C002" in reasons[(9, "code")]
    assert result.rows_skipped == 1
    with factory() as s:
        new = md.list_records(s, "customer", ListQuery(search="宁波新客户")).rows[0]
        assert (new.code, new.contact, new.sales_rep) == ("K100", "孙", sales_name)
        old = md.list_records(s, "customer", ListQuery(search="华东电气")).rows[0]
        assert (old.contact, old.phone) == ("钱经理", "021-8")
        assert s.scalar(select(func.count()).select_from(AuditLog).where(AuditLog.entity == "customer")) >= 3
    out = write_rejects(result.rejects, tmp_path / "rejects.xlsx", lang="en")
    ws = openpyxl.load_workbook(out).active
    assert ws.cell(1, 7).value == "原行号/Row" and ws.cell(2, 7).value == 5
    assert "Customer name is required" in ws.cell(2, 8).value
    assert ws.cell(2, 2).fill.start_color.rgb == "FFFFC7CE"  # the cell at fault is shaded


def test_products_list_by_synonyms_with_defaults_and_decimal_prices(factory, actors, tmp_path) -> None:
    with factory.begin() as s:
        md.create(s, actors["admin"], "supplier", dict(code="S01", name="正泰配件"))
    path = _book(tmp_path / "products.xlsx", [
        ["规格型号", "产品名称", "单价(元)", "保修期(月)", "条形码", "供应商"],
        ["NEW-1 3P", "新断路器", "125.5", 24, "6909990000011", "正泰配件"],
        ["NEW-2", "新接触器", None, None, None, "S01"],
        ["NEW-3", "坏价格", "-3", 12, None, None],
        ["NEW-4", "坏保修", "3", "两年", None, None],
        ["NEW-5", "重复条码", "3", 12, "6901234500016", None],
        ["DZ47-63 C16", None, "19.90", None, None, None],
    ])
    with factory() as s:
        preview = import_list(s, actors["admin"], "products", path, dry_run=True)
        s.rollback()
        assert s.scalar(select(Product.id).where(Product.model == "NEW-1 3P")) is None
    assert (len(preview.created), len(preview.updated), len(preview.rejects)) == (2, 1, 3)
    with factory.begin() as s:
        result = import_list(s, actors["admin"], "products", path)
    assert {r.field for r in result.rejects} == {"unit_price", "warranty_months", "barcode"}
    with factory() as s:
        p1 = md.list_records(s, "product", ListQuery(search="NEW-1")).rows[0]
        assert (p1.unit_price, p1.warranty_months, p1.supplier) == (Decimal("125.50"), 24, "正泰配件")
        p2 = md.list_records(s, "product", ListQuery(search="NEW-2")).rows[0]
        assert (p2.unit, p2.unit_price, p2.warranty_months, p2.supplier) == ("件", Decimal("0.00"), 12, "正泰配件")
        old = md.list_records(s, "product", ListQuery(search="DZ47-63 C16")).rows[0]
        assert (old.unit_price, old.name, old.unit) == (Decimal("19.90"), "小型断路器", "只")


def test_a_sheet_without_the_key_column_is_skipped_with_a_reason(tmp_path) -> None:
    path = _book(tmp_path / "x.xlsx", [["联系人", "电话"], ["王", "1"]])
    read = read_list(path, "customers")
    assert read.rows == [] and "客户名称" in read.sheets_skipped[0].message("zh")


def test_only_editors_import_lists(factory, actors, tmp_path) -> None:
    path = customers_book(tmp_path)
    with factory() as s, pytest.raises(WorkflowError):
        import_list(s, actors["wh"], "customers", path)


def test_cli_imports_a_list_dry_run_and_rejects(db_url, monkeypatch, capsys, tmp_path, factory) -> None:
    monkeypatch.setenv("RMA_DATABASE_URL", db_url)
    monkeypatch.setenv("RMA_LANG", "en")
    path = _book(tmp_path / "c.xlsx", [["Customer code", "Customer name", "Phone"],
                                       ["E1", "Lisbon Electric Lda", "+351"], ["E2", None, "x"]])
    rejects = tmp_path / "out.xlsx"
    assert main(["masterdata", "import", "customers", str(path), "--dry-run", "--rejects", str(rejects)]) == 0
    out = capsys.readouterr().out
    assert "1 would be added, 0 would be updated, 1 rejected" in out
    assert "row 3: Customer name is required" in out and rejects.exists()
    with factory() as s:
        assert s.scalar(select(Customer.id).where(Customer.name == "Lisbon Electric Lda")) is None
    assert main(["masterdata", "import", "customers", str(path)]) == 0
    assert "1 added" in capsys.readouterr().out
    with factory() as s:
        assert s.scalar(select(Customer.code).where(Customer.name == "Lisbon Electric Lda")) == "E1"
    assert main(["masterdata", "import", "products", str(tmp_path / "missing.xlsx")]) == 2


def test_prices_and_months_as_people_write_them(factory, actors, tmp_path) -> None:
    path = _book(tmp_path / "p.xlsx", [
        ["型号", "单价", "保修期"],
        ["W-1", "¥88.00", "24个月"],
        ["W-2", "１２５．５元", 18.0],
        ["W-3", 0.1 + 0.2, 6],
        ["W-4", "0.035", 6],
    ])
    with factory.begin() as s:
        result = import_list(s, actors["admin"], "products", path)
    got = {p.model: (p.unit_price, p.warranty_months) for p in result.created}
    assert got == {"W-1": (Decimal("88.00"), 24), "W-2": (Decimal("125.50"), 18), "W-3": (Decimal("0.30"), 6)}
    assert [(r.row, r.field) for r in result.rejects] == [(5, "unit_price")]
