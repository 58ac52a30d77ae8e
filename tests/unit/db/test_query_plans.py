"""The plans that matter at factory scale (issue 12), pinned on both backends: after ~20,000
lines are in and the planner has its statistics, the monthly statistics, a bench queue's
first screen, the counts and the search read return_line through the index built for them,
never by reading the whole table (PostgreSQL: no Seq Scan; SQLite: no plain SCAN).

The statements checked are the ones the services send (caught on the connection), so
the test follows the code. Nothing is timed.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

import pytest
from sqlalchemy import Engine, event, select

from app.reports.monthly import monthly_report
from app.services import queues
from app.services.queues import LineQuery, LineQueue, ReturnQuery, RoleQueue
from db.models import ReturnLine
from tests.unit.db import plan_data


@pytest.fixture
def big(engine: Engine) -> dict[str, Any]:
    # a backlog of a year keeps each bench queue far longer than its first screen (as the
    # 32,000 lines of the factory's QA queue), so that reading it in order is what pays
    return plan_data.build(engine, 10_000, backlog_days=365)


@contextmanager
def sent(engine: Engine) -> Iterator[list[tuple[str, Any]]]:
    """The statements (and their parameters) sent while the block runs."""
    seen: list[tuple[str, Any]] = []

    def listen(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, many: bool) -> None:
        if not many:
            seen.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", listen)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", listen)


def _pg_nodes(plan: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield plan
    for child in plan.get("Plans", []):
        yield from _pg_nodes(child)


def plans(engine: Engine, statements: list[tuple[str, Any]], *,
          paths_only: bool = False, table: str = "return_line") -> list[tuple[str, list[str]]]:
    """For each statement that reads return_line: (statement, how each table is read), as
    "Index Scan ix_…"/"Seq Scan return_line" on PostgreSQL, SQLite's plan lines otherwise.

    `paths_only`: PostgreSQL plans with sequential scans priced out (enable_seqscan off), so
    a Seq Scan left in the plan is a read no index can serve — the shape of the query is
    what is tested, where at 20,000 lines reading the table whole is rightly cheaper."""
    out = []
    with engine.connect() as c:
        if paths_only and engine.dialect.name == "postgresql":
            c.exec_driver_sql("SET LOCAL enable_seqscan = off")  # this transaction only
        for statement, params in statements:
            if table not in statement or not statement.lstrip().upper().startswith(("SELECT", "WITH")):
                continue
            if engine.dialect.name == "postgresql":
                raw = c.exec_driver_sql("EXPLAIN (FORMAT JSON) " + statement, params or {}).scalar_one()
                plan = (json.loads(raw) if isinstance(raw, str) else raw)[0]["Plan"]
                reads = [f"{n['Node Type']} {n.get('Index Name') or n.get('Relation Name')}"
                         for n in _pg_nodes(plan) if "Relation Name" in n or "Index Name" in n]
            else:
                reads = [row[3] for row in c.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, params or ())]
            out.append((statement, reads))
    return out


def full_reads_of_lines(found: list[tuple[str, list[str]]]) -> list[tuple[str, str]]:
    bad = []
    for statement, reads in found:
        for r in reads:
            # PostgreSQL's sequential scan; SQLite's SCAN of the table itself (a SCAN … USING
            # INDEX walks an index in order, and stops at the LIMIT)
            if r == "Seq Scan return_line" or r.startswith("SCAN return_line") and "INDEX" not in r:
                bad.append((r, statement))
    return bad


def check(engine: Engine, run: Callable[[], Any], *indexes: str,
          paths_only: bool = False) -> list[tuple[str, list[str]]]:
    with sent(engine) as statements:
        run()
    found = plans(engine, statements, paths_only=paths_only)
    assert found, "no statement read return_line"
    bad = full_reads_of_lines(found)
    assert bad == [], "\n".join(f"{r}\n  {st}\n  {reads}" for r, st in bad
                                 for reads in [next(rs for s, rs in found if s == st)])
    every_read = " | ".join(r for _, reads in found for r in reads)
    for index in indexes:
        # "a|b": either index serves (a label's beginning: the queue's own label index, or the
        # unique label index where the server's collation lets a plain btree serve LIKE 'p%')
        assert any(i in every_read for i in index.split("|")), (index, every_read)
    return found


def test_monthly_statistics_read_the_month_index(engine, factory, big) -> None:
    def run() -> None:
        with factory() as s:
            report = monthly_report(s, big["busiest"])
        assert report.totals.lines > 0

    with sent(engine) as statements:
        run()
    found = check(engine, run, "ix_return_line_stat_month", "ix_rma_return_received_on")
    # one statement reads the lines: the month's once (every breakdown and the top lots group
    # them in the database); the trend's sums are 13 rows of line_month_total, the summary the
    # database keeps; with the settings and the small tables' figures (8D, claims) the report
    # is three statements
    assert len(found) == 1, [s for s, _ in found]
    assert len([s for s, _ in statements if s.lstrip().upper().startswith(("SELECT", "WITH"))]) == 3, statements
    (reads,) = [r for _, r in found]
    (summary_reads,) = [r for _, r in plans(engine, statements, paths_only=True, table="line_month_total")]
    if engine.dialect.name == "postgresql":
        # no longer the lines of 13 months (an index range of ~250,000 entries at 1M lines)
        assert "Index Only Scan ix_return_line_stat_month" not in reads, reads
        # the months are a range of the summary's primary key once a plain scan is priced out
        # (at a few dozen months the table is one page, which the planner rightly reads whole)
        assert any(r in ("Index Scan pk_line_month_total", "Index Only Scan pk_line_month_total",
                         "Bitmap Index Scan pk_line_month_total") for r in summary_reads), summary_reads
    else:
        assert any(r.startswith("MATERIALIZE") for r in reads), reads
        assert not any("COVERING INDEX ix_return_line_stat_month" in r for r in reads), reads
        assert "SEARCH line_month_total USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)" in reads, reads


def test_bench_queue_first_screen_walks_its_partial_index(engine, factory, big) -> None:
    def run(queue: LineQueue) -> Callable[[], None]:
        def go() -> None:
            with factory() as s:
                page = queues.line_page(s, LineQuery(queue=queue))
                assert page.rows
                queues.line_page(s, LineQuery(queue=queue), after=page.after)
                # the list's first screen: the page with the queue's counts beside it
                queues.line_page(s, LineQuery(queue=queue), counts_on=date(2026, 10, 31))
        return go

    # (SQLite, whose planner does not weigh the LIMIT, is told the index: INDEXED BY)
    check(engine, run(LineQueue.INSPECTION), "ix_return_line_queue_inspection")
    check(engine, run(LineQueue.REWORK), "ix_return_line_queue_rework")

    def one_stage() -> None:
        with factory() as s:
            queues.line_page(s, LineQuery(queue=LineQueue.INSPECTION, statuses=("decision",)))

    check(engine, one_stage)  # one stage: its status index or the queue's, both bounded


def test_counts_read_no_whole_table(engine, factory, big) -> None:
    def run() -> None:
        with factory() as s:
            for queue in (LineQueue.INSPECTION, LineQueue.REWORK):
                assert queues.count_lines(s, LineQuery(queue=queue)) > 0
                queues.count_lines(s, LineQuery(queue=queue, overdue_on=date(2026, 10, 30)))
            queues.queue_counts(s, list(RoleQueue), date(2026, 10, 31))

    check(engine, run)


def test_search_over_all_returns_uses_the_code_indexes_and_the_name_tables(engine, factory, big) -> None:
    with factory() as s:
        line = s.scalars(select(ReturnLine).order_by(ReturnLine.id.desc()).limit(1)).one()
        lot, barcode, rma_no = line.lot_no, line.barcode, line.rma.rma_no
        customer = line.rma.customer.name
        order_no = line.rma.order_no

    def search(text: str, *, expect: int) -> Callable[[], None]:
        def go() -> None:
            with factory() as s:
                rows = queues.line_page(s, LineQuery(queue=LineQueue.ALL, search=text)).rows
                assert line.id in {r.id for r in rows} or len(rows) == queues.PAGE_SIZE, text
                assert len(rows) >= expect
                queues.count_lines(s, LineQuery(queue=LineQueue.INSPECTION, search=text))
        return go

    # Every branch of the search has an index; which one the planner takes for a term that
    # matches a month's lines depends on the table's size, so the shape is what is pinned.
    # (SQLite names a unique constraint's index sqlite_autoindex_…, and shows the column.)
    check(engine, search(lot, expect=1), "ix_return_line_lot_no")
    check(engine, search(lot[:6], expect=1), "ix_return_line_lot_no", paths_only=True)
    check(engine, search(barcode, expect=1), "barcode")
    check(engine, search(rma_no[:12], expect=1), "rma_no", paths_only=True)
    check(engine, search(order_no, expect=1), "ix_rma_return_order_no", paths_only=True)
    # a name: its customer's lines are many, read in the list's order until the page is full
    check(engine, search(customer[2:4], expect=1), "priority" if engine.dialect.name == "postgresql" else "",
          paths_only=True)

    def desk() -> None:
        with factory() as s:
            assert queues.return_page(s, ReturnQuery(statuses=(), search=customer[2:4])).rows
            queues.return_page(s, ReturnQuery())
            queues.count_returns(s, ReturnQuery())

    check(engine, desk, paths_only=True)


def full_reads_of(table: str, found: list[tuple[str, list[str]]]) -> list[tuple[str, str]]:
    """The whole-table reads of `table` (as full_reads_of_lines, for any table)."""
    return [(r, statement) for statement, reads in found for r in reads
            if r == f"Seq Scan {table}" or r.startswith(f"SCAN {table}") and "INDEX" not in r]


def test_bench_queue_search_reads_the_queues_own_indexes(engine, factory, big) -> None:
    """A search inside the QA queue finds its lines through the queue's partial indexes (by
    label, lot, product, and the open returns of a customer found by name), never by walking
    the queue or reading every return of the customer; a page and its count are two
    statements (the names are read inside them)."""
    with factory() as s:
        line = s.scalars(select(ReturnLine).where(ReturnLine.status == "inspection")
                         .order_by(ReturnLine.id.desc()).limit(1)).one()
        customer, model = line.rma.customer.name, line.product.model
        lot, barcode, order_no = line.lot_no, line.barcode, line.rma.order_no

    def search(text: str, statements: int | None = None) -> Callable[[], None]:
        def go() -> None:
            query = LineQuery(queue=LineQueue.INSPECTION, search=text)
            with sent(engine) as seen, factory() as s:
                rows = queues.line_page(s, query).rows
                total = queues.count_lines(s, query)
            assert line.id in {r.id for r in rows} or len(rows) == queues.PAGE_SIZE, text
            assert total >= len(rows) > 0, text
            if statements is not None:
                assert len([st for st, _ in seen if st.lstrip().upper().startswith("SELECT")]) == statements
        return go

    for text, index in ((customer[2:4], "ix_rma_return_customer_open"),
                        (model[:4], "ix_return_line_queue_inspection_product"),
                        (lot[:6], "ix_return_line_queue_inspection_lot"),
                        (barcode[:12], "ix_return_line_queue_inspection_barcode|uq_return_line_barcode"),
                        (order_no, "ix_return_line_queue_inspection_return")):
        found = check(engine, search(text, statements=2 if text == customer[2:4] else None), index,
                      paths_only=True)
        assert full_reads_of("rma_return", found) == [], (text, found)
        # the queue's matches come from the small indexes: the queue is not walked in order
        every_read = " | ".join(r for _, reads in found for r in reads)
        assert "ix_return_line_queue_inspection " not in every_read + " ", (text, every_read)


def test_search_over_all_returns_walks_the_customers_index(engine, factory, big) -> None:
    """The desk's search over every return: a customer found by name is read through
    (customer, received on, id, status) in the list's order, and counted from that index
    alone, never by reading the returns; codes through their own indexes."""
    with factory() as s:
        line = s.scalars(select(ReturnLine).order_by(ReturnLine.id.desc()).limit(1)).one()
        customer, rma_no, order_no = line.rma.customer.name, line.rma.rma_no, line.rma.order_no

    def desk(text: str, statuses: tuple[str, ...] = ()) -> Callable[[], None]:
        def go() -> None:
            query = ReturnQuery(statuses=statuses, search=text)
            with factory() as s:
                rows = queues.return_page(s, query).rows
                total = queues.count_returns(s, query)
            assert total >= len(rows)
            if not statuses:
                assert rows, text
        return go

    def return_plans(run: Callable[[], None]) -> list[tuple[str, list[str]]]:
        with sent(engine) as statements:
            run()
        return plans(engine, statements, paths_only=True, table="rma_return")

    for text, statuses, index in ((customer[2:4], (), "ix_rma_return_customer_received"),
                                  # at the desk's statuses, the customer's open returns may serve too
                                  (customer[2:4], ("received", "confirmed"), "ix_rma_return_customer"),
                                  (rma_no[:12], (), "rma_no"),
                                  (order_no, (), "ix_rma_return_order_no")):
        found = return_plans(desk(text, statuses))
        assert full_reads_of("rma_return", found) == [], (text, found)
        every_read = " | ".join(r for _, reads in found for r in reads)
        if index == "ix_rma_return_customer_received":
            # a customer holding a large share of the returns (as in this small database) may be
            # read by walking the list's own order index and taking its first page of matches:
            # the planner's choice by the statistics' sample, bounded by the page either way
            assert index in every_read or "ix_rma_return_received_on" in every_read, (text, every_read)
        else:
            assert index in every_read, (text, every_read)

    # the desk's own list (no search): the first rows of its partial index, newest first
    def waiting() -> None:
        with factory() as s:
            queues.return_page(s, ReturnQuery())
            queues.return_page(s, ReturnQuery(), counted=True)  # the first screen: totals, count beside

    every_read = " | ".join(r for _, reads in return_plans(waiting) for r in reads)
    assert "ix_rma_return_desk" in every_read, every_read
