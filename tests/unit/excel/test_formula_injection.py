"""Text that looks like a formula is written as text, in every workbook the station writes."""

from __future__ import annotations

import csv
from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from app.excel.export import export_returns
from app.excel.legacy import LegacyReject, Problem
from app.excel.rejects import write_rejects
from app.reports.monthly import monthly_report
from app.reports.xlsx import write_monthly_xlsx
from app.services import returns
from app.services.returns import LineDraft
from db.models import Customer, Product
from tests.unit.reports.test_workbooks import convert
from tests.unit.services.helpers import draft

HYPERLINK = '=HYPERLINK("http://x","y")'
MODEL = "+CMD|' /C calc'!A0"
ORDER = "@SUM(1+1)*cmd|' /C calc'!A0"
LOT = "-2+3"
REASON = "=1+1"  # the service trims a leading tab


def _register(factory, actors) -> None:
    with factory.begin() as s:
        s.add(Customer(name=HYPERLINK))
        s.add(Product(model=MODEL, unit_price=Decimal("2.00")))
    with factory.begin() as s:
        returns.receive_return(s, actors["wh"], draft(
            LineDraft(model=MODEL, qty_counted=3, lot_no=LOT, customer_reason=REASON),
            customer=HYPERLINK, order_no=ORDER, received_on=date(2026, 3, 5)))


def _strings(path: Path) -> list[str]:
    """Every string cell of the workbook; fails on any formula cell."""
    wb = openpyxl.load_workbook(path)  # not data_only: a formula would come back as "f"
    out = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    out.append(cell.value)
    return out


def test_export_and_monthly_workbook_keep_formula_like_text(factory, actors, tmp_path: Path) -> None:
    _register(factory, actors)
    with factory() as s:
        assert export_returns(s, tmp_path / "lines.xlsx") == 1
        report = monthly_report(s, "2026-03")
    texts = _strings(tmp_path / "lines.xlsx")
    for value in (HYPERLINK, MODEL, ORDER, LOT, REASON):
        assert value in texts
    write_monthly_xlsx(report, tmp_path / "monthly.xlsx", lang="en")
    monthly = _strings(tmp_path / "monthly.xlsx")
    assert HYPERLINK in monthly and MODEL in monthly

    # LibreOffice, as a manager opens the file: the literal text, not the link's "y"
    convert([tmp_path / "lines.xlsx"], "csv:Text - txt - csv (StarCalc):44,34,76", tmp_path)
    with (tmp_path / "lines.csv").open(encoding="utf-8") as f:
        rows = list(csv.reader(f))
    line = rows[1]
    assert HYPERLINK in line and MODEL in line and ORDER in line and LOT in line
    assert "y" not in line


def test_rejects_workbook_keeps_formula_like_text(tmp_path: Path) -> None:
    headers = ["客户名称", "订单号", "型号规格", "批号", "数量"]
    reject = LegacyReject(sheet="2025", row=5, problems=[Problem("qty", "required", {"field": ("数量", "Qty")})],
                          headers=headers, cells=[HYPERLINK, ORDER, MODEL, LOT, None],
                          columns={"customer": 0, "order_no": 1, "model": 2, "lot": 3, "qty": 4})
    out = write_rejects([reject], tmp_path / "rejects.xlsx")
    texts = _strings(out)
    for value in (HYPERLINK, ORDER, MODEL, LOT):
        assert value in texts
    convert([out], "csv:Text - txt - csv (StarCalc):44,34,76", tmp_path)
    with (tmp_path / "rejects.csv").open(encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert rows[1][:4] == [HYPERLINK, ORDER, MODEL, LOT]


# LibreOffice reads files, whichever database wrote them: one backend is enough
test_export_and_monthly_workbook_keep_formula_like_text = pytest.mark.parametrize(
    "db_url", ["sqlite"], indirect=True)(test_export_and_monthly_workbook_keep_formula_like_text)


def test_control_characters_saved_before_do_not_stop_the_export(factory, actors, tmp_path: Path) -> None:
    """A name saved before the services refused control characters (SQLite keeps them)."""
    with factory.begin() as s:
        s.add(Customer(name="响铃公司"))
    with factory.begin() as s:
        returns.receive_return(s, actors["wh"], draft(customer="响铃公司"))
    with factory.begin() as s:
        s.scalars(select(Customer).where(Customer.name == "响铃公司")).one().name = "响铃\x07公司"
    with factory() as s:
        assert export_returns(s, tmp_path / "lines.xlsx") == 1
        write_monthly_xlsx(monthly_report(s, "2026-03"), tmp_path / "monthly.xlsx")
    assert "响铃公司" in _strings(tmp_path / "lines.xlsx") and "响铃公司" in _strings(tmp_path / "monthly.xlsx")


test_control_characters_saved_before_do_not_stop_the_export = pytest.mark.parametrize(
    "db_url", ["sqlite"], indirect=True)(test_control_characters_saved_before_do_not_stop_the_export)
