"""The monthly statistics count 8Ds opened and closed in the month and overdue at its end:
exact values on a constructed set, in the JSON, the workbook and the PDF."""

from __future__ import annotations

import re
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

import openpyxl
from sqlalchemy import update

from app.reports.monthly import monthly_report, to_json
from app.reports.pdf import write_monthly_pdf
from app.reports.xlsx import write_monthly_xlsx
from app.services import inspection
from db.models import CorrectiveAction
from tests.unit.services.helpers import decided


def _noon(day: date) -> datetime:
    """Noon on the station's clock, stored as UTC: the day is the same in every time zone we run in."""
    return datetime(day.year, day.month, day.day, 12).astimezone().astimezone(UTC)


def _eightd(factory, actors, opened: date, due: date, closed: date | None) -> None:
    _rid, lid = decided(factory, actors)
    with factory.begin() as s:
        ca = inspection.open_corrective_action(s, actors["qa"], lid, inspection.CorrectiveDraft(
            owner="张工", due_on=due))
        # the dates a month of work would have given them
        s.execute(update(CorrectiveAction).where(CorrectiveAction.id == ca.id).values(
            created_at=_noon(opened), closed_at=_noon(closed) if closed else None,
            status="closed" if closed else "open"))


def test_monthly_8d_opened_closed_overdue(factory, actors, tmp_path: Path) -> None:
    _eightd(factory, actors, date(2026, 2, 20), date(2026, 3, 5), None)                # overdue only
    _eightd(factory, actors, date(2026, 3, 3), date(2026, 3, 25), date(2026, 3, 20))   # opened, closed
    _eightd(factory, actors, date(2026, 3, 10), date(2026, 4, 15), None)               # opened
    _eightd(factory, actors, date(2026, 3, 12), date(2026, 3, 31), date(2026, 4, 2))   # opened, overdue
    _eightd(factory, actors, date(2026, 1, 5), date(2026, 1, 30), date(2026, 2, 10))   # another month
    _eightd(factory, actors, date(2026, 4, 1), date(2026, 3, 30), None)                # opened after March
    with factory() as s:
        report = monthly_report(s, "2026-03")
        feb = monthly_report(s, "2026-02")
    assert report.eightd == {"opened": 3, "closed": 1, "overdue": 2}
    assert feb.eightd == {"opened": 1, "closed": 1, "overdue": 0}
    assert to_json(report)["eightd"] == {"opened": 3, "closed": 1, "overdue": 2}

    wb = openpyxl.load_workbook(write_monthly_xlsx(report, tmp_path / "m.xlsx", lang="zh_CN"))
    summary = {r[0]: r[1] for r in wb.worksheets[0].iter_rows(min_row=4, values_only=True)}
    assert (summary["本月开立8D"], summary["本月关闭8D"], summary["月末逾期8D"]) == (3, 1, 2)
    assert wb.worksheets[0]["A1"].value.startswith("顾客退货月统计表")

    text = subprocess.run(["pdftotext", "-layout", str(write_monthly_pdf(report, tmp_path / "m.pdf")), "-"],
                          check=True, capture_output=True, text=True).stdout
    flat = re.sub(r"\s+", "", text)
    assert "本月开立opened3本月关闭closed1月末逾期overdueatmonthend2" in flat
