"""The monthly workbook and the A4 report as managers open them: sheets, formats, charts, pages;
and both the report and the export workbook read back by LibreOffice."""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from app.excel.export import export_returns
from app.reports.monthly import monthly_report
from app.reports.pdf import write_monthly_pdf
from app.reports.xlsx import COUNT, PCT, YUAN, display_width, write_monthly_xlsx
from app.services.demo import fill_demo

MONTH = "2026-10"


@pytest.fixture
def demo(factory):
    fill_demo(factory, 120, today=date(2026, 11, 23))
    return factory


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def soffice() -> str:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        pytest.fail("LibreOffice (soffice) is needed: tools/dev.py test installs libreoffice-calc-nogui")
    return exe


def convert(paths: list[Path], fmt: str, outdir: Path) -> None:
    """LibreOffice headless, as a manager's office suite would open the files."""
    profile = outdir / "lo-profile"
    subprocess.run([soffice(), f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", fmt,
                    "--outdir", str(outdir), *map(str, paths)], check=True, capture_output=True, timeout=240)


C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"


def charts_of(path: Path) -> list[ET.Element]:
    """The chart parts of the workbook, as Excel reads them."""
    with zipfile.ZipFile(path) as z:
        return [ET.fromstring(z.read(n)) for n in sorted(z.namelist()) if re.match(r"xl/charts/chart\d+\.xml$", n)]


def vals(chart: ET.Element, tag: str) -> list[str | None]:
    return [e.get("val") for e in chart.iter(C + tag)]


def test_report_workbook_sheets_formats_widths_and_charts(demo, tmp_path: Path) -> None:
    with demo() as s:
        report = monthly_report(s, MONTH)
    path = write_monthly_xlsx(report, tmp_path / "monthly.xlsx", lang="zh_CN")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["汇总", "按责任", "按原因", "按客户", "按型号", "批次排行", "原因排列图", "趋势"]

    summary = wb["汇总"]
    assert summary["A1"].value == "顾客退货月统计表 2026-10" and summary.freeze_panes == "A4"
    assert "编号 QR-8.3-05" in summary["A2"].value and "版次 A" in summary["A2"].value
    assert "总经理、副总经理、管理者代表、技术部、销售部、生产部" in summary["A2"].value
    assert [summary.cell(r, 1).value for r in range(4, 9)] == ["月份", "退货单数", "退货行数", "退货数量", "退货金额"]
    assert summary["B5"].value == report.rmas and summary["B5"].number_format == COUNT
    assert Decimal(str(summary["B8"].value)) == report.totals.amount and summary["B8"].number_format == YUAN
    assert Decimal(str(summary["B14"].value)) == report.totals.loss

    liab = wb["按责任"]
    assert liab.freeze_panes == "A2"
    assert [liab.cell(r, 1).value for r in (2, 4, 10, 11, 12)] == ["1 顾客", "3 制造", "9 其它", "未判定", "合计"]
    assert liab["D2"].number_format == YUAN and liab["B2"].number_format == COUNT
    for col, key in ((2, "lines"), (3, "qty"), (4, "amount"), (5, "refund"), (10, "loss")):
        assert [Decimal(str(liab.cell(r, col).value)) for r in range(2, 13)] == [
            *(getattr(report.by_liability[k], key) for k in [*"123456789", "undecided"]),
            getattr(report.totals, key)], key

    customers = wb["按客户"]
    names = [customers.cell(r, 1).value for r in range(2, customers.max_row)]
    assert names == [g.name_zh for g in report.by_customer]
    # a Chinese name takes two columns a character: the column is wide enough for the longest
    assert customers.column_dimensions["A"].width >= max(display_width(n) for n in names) > max(map(len, names))

    pareto = wb["原因排列图"]
    assert pareto["C2"].number_format == PCT and pareto["C2"].value == report.pareto[0].share
    assert pareto.cell(len(report.pareto) + 1, 4).value == Decimal("100.0")

    trend = wb["趋势"]
    assert [trend.cell(r, 1).value for r in (2, 14)] == ["2025-10", "2026-10"]

    charts = charts_of(path)
    assert len(charts) == 3  # cost by liability, Pareto, trend
    cost, par, line = charts
    assert vals(cost, "grouping") == ["stacked"] and len(list(cost.iter(C + "ser"))) == 5
    # Pareto: bars and the cumulative line on a second value axis at the right, 0–100 %
    assert [len(list(par.iter(C + t))) for t in ("barChart", "lineChart", "valAx")] == [1, 1, 2]
    assert "max" in vals(par, "crosses") and "100" in vals(par, "max")
    assert len(list(line.iter(C + "ser"))) == 3 and set(vals(line, "smooth")) == {"0"}
    for chart in charts:  # Excel hides an axis whose <c:delete> is missing
        assert vals(chart, "delete") and set(vals(chart, "delete")) == {"0"}


def test_report_workbook_in_english(demo, tmp_path: Path) -> None:
    with demo() as s:
        report = monthly_report(s, MONTH)
    wb = openpyxl.load_workbook(write_monthly_xlsx(report, tmp_path / "m.xlsx", lang="en"))
    assert wb.sheetnames == ["Summary", "By liability", "By cause", "By customer", "By model", "Top lots", "Pareto", "Trend"]
    assert wb["By liability"]["A4"].value == "3 Manufacturing" and wb["By liability"]["A11"].value == "Undecided"


def test_report_pdf_pages_tables_distribution_and_font(demo, tmp_path: Path) -> None:
    with demo() as s:
        report = monthly_report(s, MONTH)
    path = write_monthly_pdf(report, tmp_path / "m.pdf")
    text = pdf_text(path)
    flat = re.sub(r"\s+", "", text)  # pdftotext drops the spaces between Chinese characters
    pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(path)], capture_output=True,
                                                               text=True).stdout)[1])
    assert pages >= 2
    assert text.count("编号 Form No.: QR-8.3-05") == pages and text.count("版次 Rev.: A") == pages
    assert f"第1页/共{pages}页" in flat and f"第{pages}页/共{pages}页" in flat
    for needle in ("顾客退货月统计表 2026-10", "总经理", "副总经理", "管理者代表", "技术部", "销售部", "生产部",
                   "一、按责任", "二、退货原因排列图", "三、近13个月趋势", "四、按客户", "五、按型号",
                   "1 顾客", "9 其它", "未判定", "合计", "返工材料", "累计%", "编制(品质部)", "批准",
                   report.by_customer[0].name_zh):
        assert needle.replace(" ", "") in flat, needle
    amount = f"{report.totals.amount:,.2f}"
    assert amount in text
    # the CJK font is embedded (subset), so the Chinese shows on any machine, not as boxes
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout
    assert re.search(r"WenQuanYiMicroHei\S*\s+TrueType\s+\S+\s+yes\s+yes", fonts), fonts


def test_workbooks_open_in_libreoffice(factory, tmp_path: Path) -> None:
    fill_demo(factory, 60, today=date(2026, 11, 23))
    with factory() as s:
        report = monthly_report(s, MONTH)
        n = export_returns(s, tmp_path / "lines.xlsx", start=date(2026, 6, 1), end=date(2026, 11, 30))
    write_monthly_xlsx(report, tmp_path / "monthly.xlsx", lang="zh_CN")
    convert([tmp_path / "monthly.xlsx", tmp_path / "lines.xlsx"], "pdf", tmp_path)
    text = pdf_text(tmp_path / "monthly.pdf")
    assert "顾客退货月统计表 2026-10" in text and "按责任的外部损失成本" in text
    assert f"¥{report.totals.amount:,.2f}" in text
    assert "退货单号" in pdf_text(tmp_path / "lines.pdf")
    convert([tmp_path / "lines.xlsx"], "csv:Text - txt - csv (StarCalc):44,34,76", tmp_path)
    with (tmp_path / "lines.csv").open(encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert rows[0][:3] == ["退货单号", "条码", "收货日期"] and len(rows) == n + 1
    assert all(r[0].startswith("RMA-2026-") and "2026-06-01" <= r[2] <= "2026-11-30" for r in rows[1:])


# only one backend for LibreOffice: it reads files, whichever database wrote them
test_workbooks_open_in_libreoffice = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)(
    test_workbooks_open_in_libreoffice)
