"""Benchmark: the monthly statistics and the Excel export on PostgreSQL with ≥100,000 lines,
each beside a bare baseline of the same work in the same run.

- `monthly_report` of the busiest month, and of every month the data spans (all years),
  beside the bare SQL GROUP BY of the same by-liability figures through the DB-API cursor;
- `export_returns` of every line into an xlsx, beside bare openpyxl (write-only) writing the
  same rows × columns of plain values fetched by one bare SQL query.

Run on demand:
    python3 tools/dev.py bench -k reports
    RMA_BENCH_REPORT_RETURNS=100000 python3 tools/dev.py bench -k reports   # ~200,000 lines

fill_demo spreads the returns over the 12 months before 2026-11-23 (about two lines each;
the default 55,000 returns make ~110,000 lines). No timing is asserted: the figures are
printed; what is asserted is that each side produced the right data.
"""

from __future__ import annotations

import os
import re
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from sqlalchemy import Engine

from app.excel.export import COLUMNS, export_returns
from app.reports import monthly
from db.engine import make_session_factory
from tests.perf.support import (
    PG_URL,
    REPEAT,
    Statements,
    bench_database,
    compare,
    describe,
    explain_slow,
    ms,
    row,
    scans,
    sizes,
    vacuum_analyze,
)

pytestmark = [pytest.mark.perf, pytest.mark.timeout(3600),
              pytest.mark.skipif(not PG_URL, reason="the benchmark is about the shared PostgreSQL server")]
RETURNS = int(os.environ.get("RMA_BENCH_REPORT_RETURNS", "55000"))
MIN_LINES = 100_000

# The by-liability figures of monthly.py, as a person would write them: lines, pieces and money
# of the lines of the returns received in the month, cancelled returns left out.
BARE_BY_LIABILITY = """
    SELECT l.liability_code, count(l.id), coalesce(sum(l.qty_counted), 0), sum(l.amount),
           sum(l.refund_amount), sum(l.material_cost), sum(l.labour_cost), sum(l.other_cost),
           sum(l.scrapped_value), sum(l.loss_cost)
    FROM return_line l JOIN rma_return r ON r.id = l.return_id
    WHERE r.received_on >= %s AND r.received_on < %s AND r.status <> 'cancelled'
    GROUP BY l.liability_code
"""


@pytest.fixture(scope="module")
def report_db(pg_template: str) -> Iterator[Engine]:
    t0 = time.perf_counter()
    with bench_database(pg_template, "rma_bench_reports", RETURNS) as engine:
        filled = time.perf_counter() - t0
        vacuum_analyze(engine)
        print(f"\n  reports database: {describe(sizes(engine))}\n"
              f"  (fill_demo of {RETURNS:,} returns: {filled:.0f} s; then VACUUM ANALYZE)")
        yield engine


def _bare(engine: Engine, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    raw = engine.raw_connection()
    try:
        cur = raw.cursor()
        cur.execute(sql, params)
        rows = cur.fetchall()
        raw.rollback()
        return rows
    finally:
        raw.close()


def _bare_by_liability(engine: Engine, month: str) -> dict[str, tuple[Any, ...]]:
    start, end = monthly.month_bounds(month)
    return {str(code) if code is not None else monthly.UNDECIDED: tuple(v)
            for code, *v in _bare(engine, BARE_BY_LIABILITY, start, end)}


def _ours_by_liability(report: monthly.MonthlyReport) -> dict[str, tuple[Any, ...]]:
    return {k: (f.lines, f.qty, f.amount, f.refund, f.materials, f.labour, f.other, f.scrapped, f.loss)
            for k, f in report.by_liability.items() if f.lines}


def test_monthly_report_against_bare_group_by(report_db: Engine) -> None:
    engine = report_db
    factory = make_session_factory(engine)
    lines_total = _bare(engine, "SELECT count(*) FROM return_line")[0][0]
    assert lines_total >= MIN_LINES or RETURNS < 55000, "the benchmark wants at least 100,000 lines"
    months = [(m, n) for m, n in _bare(
        engine, "SELECT to_char(r.received_on, 'YYYY-MM'), count(*) FROM return_line l "
                "JOIN rma_return r ON r.id = l.return_id WHERE r.status <> 'cancelled' GROUP BY 1 ORDER BY 1")]
    busiest, busiest_lines = max(months, key=lambda m: m[1])

    def ours_month() -> monthly.MonthlyReport:
        with factory() as s:
            return monthly.monthly_report(s, busiest)

    t = compare(ours_month, lambda: _bare_by_liability(engine, busiest))
    report, bare = t.ours_result, t.bare_result
    with Statements(engine) as sent:
        ours_month()
    print(f"\n  monthly statistics, busiest month {busiest} ({busiest_lines:,} counted lines "
          f"of {lines_total:,}), median of {REPEAT}:")
    print(row(f"monthly_report({busiest}) [{len(sent.sent)} queries]", t,
              f"   {busiest_lines / t.ours:,.0f} lines/s"))

    # the same figures alone: the report's by-liability query beside the bare one
    start, end = monthly.month_bounds(busiest)

    def ours_by_liability() -> dict[str, monthly.Figures]:
        with factory() as s:
            return monthly._by_liability(s, start, end)

    t_liab = compare(ours_by_liability, lambda: _bare_by_liability(engine, busiest))
    print(row("  of which the by-liability GROUP BY", t_liab))
    print(f"    our queries: {scans(engine, sent.sent)}")
    explain_slow(engine, sent.sent)

    # the report's figures are the bare SQL's, to the fen, and add up to the bare totals
    assert _ours_by_liability(report) == bare
    n, loss = _bare(engine, "SELECT count(*), sum(l.loss_cost) FROM return_line l JOIN rma_return r "
                            "ON r.id = l.return_id WHERE r.received_on >= %s AND r.received_on < %s "
                            "AND r.status <> 'cancelled'", start, end)[0]
    assert (report.totals.lines, report.totals.loss) == (n, loss) == (busiest_lines, loss)
    assert sum((f for f in report.by_liability.values()), monthly.Figures()) == report.totals

    # every month over all the years the data spans, one report each
    def ours_all() -> list[monthly.MonthlyReport]:
        with factory() as s:
            return [monthly.monthly_report(s, m) for m, _ in months]

    def bare_all() -> list[dict[str, tuple[Any, ...]]]:
        return [_bare_by_liability(engine, m) for m, _ in months]

    t_all = compare(ours_all, bare_all, repeat=max(1, REPEAT // 2))
    years = sorted({m[:4] for m, _ in months})
    counted = sum(n for _, n in months)
    print(f"  every month {months[0][0]} … {months[-1][0]} ({len(months)} months over {', '.join(years)}; "
          f"{counted:,} counted lines):")
    print(row(f"{len(months)} × monthly_report", t_all, f"   {counted / t_all.ours:,.0f} lines/s"))
    print(f"  {'':<44} per month: ours {ms(t_all.ours / len(months))}  |  bare SQL {ms(t_all.bare / len(months))}")
    for rep, bare_month in zip(t_all.ours_result, t_all.bare_result, strict=True):
        assert _ours_by_liability(rep) == bare_month
    # the months together hold every counted line: the bare SUM over the whole table
    whole = _bare(engine, "SELECT count(*), coalesce(sum(l.qty_counted), 0), sum(l.amount), sum(l.loss_cost) "
                          "FROM return_line l JOIN rma_return r ON r.id = l.return_id "
                          "WHERE r.status <> 'cancelled'")[0]
    together = sum((r.totals for r in t_all.ours_result), monthly.Figures())
    assert (together.lines, together.qty, together.amount, together.loss) == tuple(whole)


# ---------------------------------------------------------------- the export

# The export's rows with one bare query (the same joins and order), for the bare openpyxl loop.
BARE_EXPORT = """
    SELECT r.rma_no, l.barcode, r.received_on, c.name, r.arrival_method, r.order_no, r.status,
           l.line_no, p.model, l.lot_no, l.manufacture_date, l.qty_counted, l.unit, l.unit_price,
           l.amount, l.customer_reason, d.name_zh, l.final_cause, l.liability_code, l.disposition,
           l.refund_ratio, l.refund_amount, l.material_cost, l.labour_cost, l.other_cost,
           l.scrapped_value, l.loss_cost, l.qty_qualified, l.qty_unqualified, l.qty_scrapped, l.status
    FROM return_line l
    JOIN rma_return r ON r.id = l.return_id
    JOIN customer c ON c.id = r.customer_id
    JOIN product p ON p.id = l.product_id
    LEFT JOIN defect_category d ON d.id = l.defect_category_id
    ORDER BY r.received_on, r.id, l.line_no
"""


def _sheet_rows(path: Path) -> tuple[int, str]:
    """How many rows the workbook's (only) sheet holds, and the reference of the last one."""
    count, last, tail = 0, "", b""
    with zipfile.ZipFile(path) as z:
        sheet = next(n for n in z.namelist() if n.startswith("xl/worksheets/sheet"))
        with z.open(sheet) as f:
            while chunk := f.read(1 << 20):
                data = tail + chunk
                count += data.count(b"<row ") - tail.count(b"<row ")
                found = re.findall(rb'<row r="(\d+)"', data)
                last = found[-1].decode() if found else last
                tail = data[-32:]
    return count, last


def test_export_against_bare_openpyxl(report_db: Engine, tmp_path: Path) -> None:
    engine = report_db
    factory = make_session_factory(engine)
    lines = _bare(engine, "SELECT count(*) FROM return_line")[0][0]
    ours_path, bare_path = tmp_path / "ours.xlsx", tmp_path / "bare.xlsx"

    t0 = time.perf_counter()
    with factory() as s:
        written = export_returns(s, ours_path, include_cancelled=True, progress=lambda done, total: None)
    ours = time.perf_counter() - t0

    # baseline: one bare query through the DB-API cursor (server-side, in chunks), and openpyxl's
    # write-only sheet appending the same 31 values per row, plain (no formats, no names)
    t0 = time.perf_counter()
    raw = engine.raw_connection()
    try:
        cur = raw.driver_connection.cursor(name="bare_export")  # a server-side cursor, as ours
        cur.itersize = 2000
        cur.execute(BARE_EXPORT)
        wb = Workbook(write_only=True)
        ws = wb.create_sheet("lines")
        ws.append([c.zh for c in COLUMNS])
        fetch = 0.0
        bare_rows = 0
        while True:
            f0 = time.perf_counter()
            chunk = cur.fetchmany(2000)
            fetch += time.perf_counter() - f0
            if not chunk:
                break
            for values in chunk:
                ws.append(values)
            bare_rows += len(chunk)
        cur.close()
        raw.rollback()
    finally:
        raw.close()
    wb.save(bare_path)
    bare = time.perf_counter() - t0

    mb = 2 ** 20
    print(f"\n  export of every line ({lines:,} lines × {len(COLUMNS)} columns) to xlsx, one run each:")
    print(f"  {'export_returns (all lines)':<44} ours {ours:7.1f} s  |  bare SQL + openpyxl {bare:7.1f} s  "
          f"({ours / bare:4.1f}x)")
    print(f"  {'':<44} ours {written / ours:7,.0f} rows/s, {ours_path.stat().st_size / mb:.1f} MB  |  "
          f"bare {bare_rows / bare:7,.0f} rows/s, {bare_path.stat().st_size / mb:.1f} MB "
          f"(of which the query {fetch:.1f} s)")
    assert written == bare_rows == lines
    rows, last = _sheet_rows(ours_path)
    assert (rows, last) == (lines + 1, str(lines + 1))  # the header and one row per line
    assert _sheet_rows(bare_path) == (lines + 1, str(lines + 1))
    assert len(COLUMNS) == len(BARE_EXPORT.split("FROM")[0].split(","))  # as many columns
