"""Every form, label and monthly report printed from a demo database says 演示数据 DEMO."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from app.printing.labels import render_labels
from app.printing.records import analysis_data, label_data, notice_data
from app.printing.slips import render_analysis, render_notice
from app.reports.monthly import monthly_report
from app.reports.pdf import write_monthly_pdf
from app.services.demo import fill_demo
from db.models import Return
from tests.unit.printing.pdftools import pages_of, squeeze


def _print_all(factory, tmp_path, month: str | None = None) -> dict[str, list[str]]:
    with factory() as s:
        rma_no = s.scalar(select(Return.rma_no).order_by(Return.id))
        month = month or s.scalar(select(Return.received_on).order_by(Return.id)).strftime("%Y-%m")
        render_notice(notice_data(s, rma_no), tmp_path / "notice.pdf")
        render_analysis(analysis_data(s, rma_no), tmp_path / "analysis.pdf")
        render_labels(label_data(s, rma_no), tmp_path / "labels.pdf", size="60x40")
        write_monthly_pdf(monthly_report(s, month), tmp_path / "monthly.pdf")
    return {name: [squeeze(p) for p in pages_of(tmp_path / f"{name}.pdf")]
            for name in ("notice", "analysis", "labels", "monthly")}


def test_a_demo_database_prints_the_mark_on_every_page(factory, tmp_path) -> None:
    fill_demo(factory, 30, today=date(2026, 11, 23))
    printed = _print_all(factory, tmp_path)
    for name, pages in printed.items():
        assert pages, name
        for page in pages:
            assert "演示数据" in page and "DEMO" in page, name


def test_a_real_database_prints_no_mark(factory, actors, tmp_path) -> None:
    from tests.unit.services.helpers import received

    received(factory, actors)
    printed = _print_all(factory, tmp_path)
    for name, pages in printed.items():
        for page in pages:
            assert "演示数据" not in page and "DEMO" not in page, name
