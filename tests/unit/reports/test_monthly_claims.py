"""The monthly statistics show what was claimed from suppliers and what was recovered:
exact values on a constructed month, in the JSON, the workbook and the PDF."""

from __future__ import annotations

import re
import subprocess
from decimal import Decimal
from pathlib import Path

import openpyxl

from app.reports.monthly import monthly_report, to_json
from app.reports.pdf import write_monthly_pdf
from app.reports.xlsx import write_monthly_xlsx
from tests.unit.services.test_claims import month_of_claims


def test_monthly_claimed_and_recovered(factory, actors, tmp_path: Path) -> None:
    month_of_claims(factory, actors)
    with factory() as s:
        report = monthly_report(s, "2026-03")
    assert (report.claims.sent, report.claims.claimed, report.claims.credited, report.claims.recovered) == (
        4, Decimal("888.00"), 2, Decimal("485.00"))
    assert to_json(report)["claims"] == {"sent": 4, "claimed": "888.00", "credited": 2, "recovered": "485.00",
                                         "open_at_end": 2}

    wb = openpyxl.load_workbook(write_monthly_xlsx(report, tmp_path / "m.xlsx", lang="zh_CN"))
    summary = {r[0]: r[1] for r in wb.worksheets[0].iter_rows(min_row=4, values_only=True)}
    assert (summary["本月发出索赔"], summary["索赔金额"], summary["本月索赔回款"], summary["索赔回收金额"]) == (
        4, Decimal("888.00"), 2, Decimal("485.00"))
    en = openpyxl.load_workbook(write_monthly_xlsx(report, tmp_path / "e.xlsx", lang="en"))
    summary_en = {r[0]: r[1] for r in en.worksheets[0].iter_rows(min_row=4, values_only=True)}
    assert summary_en["Amount recovered from suppliers"] == Decimal("485.00")

    text = subprocess.run(["pdftotext", "-layout", str(write_monthly_pdf(report, tmp_path / "m.pdf")), "-"],
                          check=True, capture_output=True, text=True).stdout
    flat = re.sub(r"\s+", "", text)
    assert "本月发出sent4索赔金额claimed¥888.00本月回款credited2回收金额recovered¥485.00" in flat
