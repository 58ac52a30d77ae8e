"""Benchmark: the station's lists on PostgreSQL with 1,000,000 return lines, each step beside the
bare SQL of the same query in the same run.

The inspection queue and the desk's list of returns, the way the window reads them: open
(first page + count), type a search, sort by another column, scroll to a page deep in the
list (keyset); then ui.models.queues.LineQueueModel itself (offscreen Qt): open, filter and
fetchMore, loading a page at a time. Where a statement takes longer than
RMA_BENCH_EXPLAIN_MS (50 ms) its EXPLAIN ANALYZE is printed.

Run on demand:
    python3 tools/dev.py bench -k lists
    RMA_BENCH_LINES=300000 python3 tools/dev.py bench -k lists     # a smaller database

The database: fill_demo of RMA_BENCH_LIST_RETURNS (50,000) returns, then copies of those
returns in SQL (tests/perf/support.grow_lines: same dates and states, new numbers) until it
holds RMA_BENCH_LINES lines — a station with ten times the demo's throughput, whose open
queues are ten times the demo's too. No timing is asserted; the rows are: each step's rows
are those of the bare SQL, and the model holds one page, not the million.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from app.services import queues
from app.services.queues import PAGE_SIZE, LineQuery, LineQueue, ReturnQuery
from app.services.users import actor_for
from db.engine import make_session_factory
from db.models import User
from tests.perf.support import (
    PG_URL,
    REPEAT,
    Statements,
    Timing,
    bench_database,
    compare,
    describe,
    explain_slow,
    grow_lines,
    row,
    scans,
    sizes,
    vacuum_analyze,
)

pytestmark = [pytest.mark.perf, pytest.mark.timeout(3600),
              pytest.mark.skipif(not PG_URL, reason="the benchmark is about the shared PostgreSQL server")]
LINES = int(os.environ.get("RMA_BENCH_LINES", "1000000"))
RETURNS = int(os.environ.get("RMA_BENCH_LIST_RETURNS", "50000"))
SEARCH = os.environ.get("RMA_BENCH_SEARCH", "鹏达")  # part of a customer's name, as typed at the bench


@pytest.fixture(scope="module")
def big_db(pg_template: str) -> Iterator[Engine]:
    t0 = time.perf_counter()
    with bench_database(pg_template, "rma_bench_lists", RETURNS) as engine:
        filled = time.perf_counter() - t0
        t0 = time.perf_counter()
        copies = grow_lines(engine, LINES)
        grown = time.perf_counter() - t0
        vacuum_analyze(engine)
        print(f"\n  lists database: {describe(sizes(engine))}\n"
              f"  (fill_demo of {RETURNS:,} returns {filled:.0f} s, then {copies} copies in SQL {grown:.0f} s, "
              f"VACUUM ANALYZE)")
        yield engine


# ---------------------------------------------------------------- the bare SQL

LINE_COLUMNS = """l.id, l.barcode, l.return_id, r.rma_no, l.line_no, c.name, p.model, l.qty_counted, l.unit,
    l.customer_reason, l.status, r.urgency, r.received_on, l.due_on, l.rework_planned_on,
    l.liability_code, l.disposition, l.loss_cost, l.version"""
LINES_FROM = """return_line l JOIN rma_return r ON r.id = l.return_id
    JOIN customer c ON c.id = r.customer_id JOIN product p ON p.id = l.product_id"""
URGENCY = "CASE r.urgency WHEN 'urgent' THEN 0 WHEN 'normal' THEN 1 ELSE 2 END"
PRIORITY = [URGENCY, "coalesce(l.due_on, DATE '9999-12-31')", "r.received_on", "l.id"]
BY_CUSTOMER = ["c.name", "l.id"]
QUEUE = "l.status IN ('inspection', 'decision')"
# the search as the query is written: the name and model through their keys
LINE_SEARCH = """(l.barcode ILIKE %(p)s OR l.product_id IN (SELECT id FROM product WHERE model ILIKE %(p)s)
    OR r.customer_id IN (SELECT id FROM customer WHERE name ILIKE %(p)s)
    OR l.lot_no ILIKE %(p)s OR l.customer_reason ILIKE %(p)s)"""

RETURN_COLUMNS = "r.id, r.rma_no, r.received_on, c.name, r.arrival_method, r.urgency, r.status, r.version"
RETURNS_FROM = "rma_return r JOIN customer c ON c.id = r.customer_id"
DESK = "r.status IN ('received', 'confirmed')"
RETURN_SEARCH = """(r.rma_no ILIKE %(p)s OR r.customer_id IN (SELECT id FROM customer WHERE name ILIKE %(p)s)
    OR r.order_no ILIKE %(p)s OR r.delivery_no ILIKE %(p)s OR r.invoice_no ILIKE %(p)s)"""
RETURN_TOTALS = """SELECT return_id, count(*), sum(qty_counted), sum(amount) FROM return_line
    WHERE return_id = ANY(%(ids)s) GROUP BY return_id"""


class Bare:
    """The bare SQL through one DB-API connection (psycopg), each call its own transaction."""

    def __init__(self, engine: Engine) -> None:
        self.raw = engine.raw_connection()

    def rows(self, sql: str, **params: Any) -> list[tuple[Any, ...]]:
        cur = self.raw.cursor()
        cur.execute(sql, params)
        out = cur.fetchall()
        self.raw.rollback()
        return out

    def close(self) -> None:
        self.raw.close()

    # the pieces of a list query: WHERE, ORDER BY, the keyset after a row, the page
    @staticmethod
    def where(*parts: str) -> str:
        parts = tuple(p for p in parts if p)
        return f"WHERE {' AND '.join(parts)}" if parts else ""

    @staticmethod
    def order(keys: list[str], desc: bool = False) -> str:
        return "ORDER BY " + ", ".join(f"{k} DESC" if desc else k for k in keys)

    @staticmethod
    def after(keys: list[str], desc: bool = False) -> str:
        marks = ", ".join(f"%(k{i})s" for i in range(len(keys)))
        return f"({', '.join(keys)}) {'<' if desc else '>'} ({marks})"

    @staticmethod
    def key_params(after: tuple[Any, ...] | None) -> dict[str, Any]:
        return {f"k{i}": v for i, v in enumerate(after or ())}

    def line_page(self, where: list[str], keys: list[str], after: tuple[Any, ...] | None = None,
                  **params: Any) -> list[tuple[Any, ...]]:
        conds = [*where, self.after(keys)] if after is not None else where
        return self.rows(f"SELECT {LINE_COLUMNS} FROM {LINES_FROM} {self.where(*conds)} {self.order(keys)} "
                         f"LIMIT {PAGE_SIZE + 1}", **params, **self.key_params(after))[:PAGE_SIZE]

    def line_count(self, where: list[str], **params: Any) -> int:
        # a person would write the count without the joins that do not filter
        joins = "JOIN rma_return r ON r.id = l.return_id" if any("r." in w for w in where) else ""
        return self.rows(f"SELECT count(*) FROM return_line l {joins} {self.where(*where)}", **params)[0][0]

    def return_page(self, where: list[str], keys: list[str], desc: bool, after: tuple[Any, ...] | None = None,
                    **params: Any) -> list[tuple[Any, ...]]:
        conds = [*where, self.after(keys, desc)] if after is not None else where
        page = self.rows(f"SELECT {RETURN_COLUMNS} FROM {RETURNS_FROM} {self.where(*conds)} "
                         f"{self.order(keys, desc)} LIMIT {PAGE_SIZE + 1}",
                         **params, **self.key_params(after))[:PAGE_SIZE]
        totals = {rid: rest for rid, *rest in self.rows(RETURN_TOTALS, ids=[r[0] for r in page])}
        return [(*r, *totals.get(r[0], (0, 0, 0))) for r in page]

    def return_count(self, where: list[str], **params: Any) -> int:
        return self.rows(f"SELECT count(*) FROM rma_return r {self.where(*where)}", **params)[0][0]


def _like(term: str) -> str:
    return f"%{term}%"


def _step(engine: Engine, label: str, ours: Callable[[], Any], bare: Callable[[], Any]) -> Timing:
    """Time one step, check it against the bare rows, print both, the plan of what is slow."""
    t = compare(ours, bare)
    (o_ids, o_count), (b_ids, b_count) = t.ours_result, t.bare_result
    assert o_ids == b_ids and o_count == b_count, label
    with Statements(engine) as st:
        ours()
    print(row(label, t, f"  {len(o_ids)} rows" + (f" of {o_count:,}" if o_count is not None else "")))
    print(f"      {scans(engine, st.sent)}")
    explain_slow(engine, st.sent)
    return t


def _deep_key(bare: Bare, sql: str, offset: int, **params: Any) -> tuple[Any, ...]:
    return tuple(bare.rows(f"{sql} OFFSET {offset} LIMIT 1", **params)[0])


# ---------------------------------------------------------------- the inspection queue


def test_inspection_queue_against_bare_sql(big_db: Engine) -> None:
    engine = big_db
    factory = make_session_factory(engine)
    bare = Bare(engine)
    lines = bare.rows("SELECT count(*) FROM return_line")[0][0]
    opened = LineQuery(queue=LineQueue.INSPECTION)
    searched = LineQuery(queue=LineQueue.INSPECTION, search=SEARCH)
    by_customer = LineQuery(queue=LineQueue.INSPECTION, sort="customer")

    def ours(query: LineQuery, after: tuple[Any, ...] | None = None, count: bool = True) -> Any:
        with factory() as s:
            page = queues.line_page(s, query, after=after)
            n = queues.count_lines(s, query) if count else None
        return [r.id for r in page.rows], n

    def bare_lines(where: list[str], keys: list[str], after: tuple[Any, ...] | None = None, count: bool = True,
                   **params: Any) -> Any:
        ids = [r[0] for r in bare.line_page(where, keys, after, **params)]
        return ids, (bare.line_count(where, **params) if count else None)

    queue_size = bare.line_count([QUEUE])
    print(f"\n  inspection queue (inspection + decision): {queue_size:,} of {lines:,} lines; "
          f"page {PAGE_SIZE}, median of {REPEAT}")
    _step(engine, "open: first page + count", lambda: ours(opened), lambda: bare_lines([QUEUE], PRIORITY))
    _step(engine, f"search “{SEARCH}”: first page + count", lambda: ours(searched),
          lambda: bare_lines([QUEUE, LINE_SEARCH], PRIORITY, p=_like(SEARCH)))
    _step(engine, "sort by customer: first page + count", lambda: ours(by_customer),
          lambda: bare_lines([QUEUE], BY_CUSTOMER))
    middle = queue_size // 2
    key = _deep_key(bare, f"SELECT {', '.join(PRIORITY)} FROM {LINES_FROM} WHERE {QUEUE} "
                          f"ORDER BY {', '.join(PRIORITY)}", middle - 1)
    _step(engine, f"scroll: the page after row {middle:,} (keyset)", lambda: ours(opened, key, count=False),
          lambda: bare_lines([QUEUE], PRIORITY, key, count=False))
    key = _deep_key(bare, f"SELECT c.name, l.id FROM {LINES_FROM} WHERE {QUEUE} ORDER BY c.name, l.id",
                    middle - 1)
    _step(engine, f"  sorted by customer, after row {middle:,}", lambda: ours(by_customer, key, count=False),
          lambda: bare_lines([QUEUE], BY_CUSTOMER, key, count=False))
    bare.close()


# ---------------------------------------------------------------- the desk's list of returns


def test_returns_list_against_bare_sql(big_db: Engine) -> None:
    engine = big_db
    factory = make_session_factory(engine)
    bare = Bare(engine)
    total = bare.return_count([])
    desk = ReturnQuery()  # waiting for sales or the manager, newest first
    every = ReturnQuery(statuses=())
    searched = ReturnQuery(statuses=(), search=SEARCH)
    by_customer = ReturnQuery(statuses=(), sort="customer")
    newest = ["r.received_on", "r.id"]

    def ours(query: ReturnQuery, after: tuple[Any, ...] | None = None, count: bool = True) -> Any:
        with factory() as s:
            page = queues.return_page(s, query, after=after)
            n = queues.count_returns(s, query) if count else None
        return [(r.id, r.lines, r.qty, r.amount) for r in page.rows], n

    def bare_returns(where: list[str], keys: list[str], after: tuple[Any, ...] | None = None,
                     count: bool = True, desc: bool = True, **params: Any) -> Any:
        page = bare.return_page(where, keys, desc, after, **params)
        return [(r[0], *r[-3:]) for r in page], (bare.return_count(where, **params) if count else None)

    print(f"\n  the desk's list of returns: {total:,} returns ({bare.return_count([DESK]):,} waiting for "
          f"sales or the manager); page {PAGE_SIZE} with each return's lines, pieces, amount")
    _step(engine, "open (waiting): first page + count", lambda: ours(desk), lambda: bare_returns([DESK], newest))
    _step(engine, "all returns: first page + count", lambda: ours(every), lambda: bare_returns([], newest))
    _step(engine, f"all, search “{SEARCH}”: first page + count", lambda: ours(searched),
          lambda: bare_returns([RETURN_SEARCH], newest, p=_like(SEARCH)))
    _step(engine, "all, sort by customer: first page + count", lambda: ours(by_customer),
          lambda: bare_returns([], ["c.name", "r.id"]))
    middle = total // 2
    key = _deep_key(bare, f"SELECT r.received_on, r.id FROM {RETURNS_FROM} ORDER BY r.received_on DESC, r.id DESC",
                    middle - 1)
    _step(engine, f"all, scroll: the page after row {middle:,} (keyset)", lambda: ours(every, key, count=False),
          lambda: bare_returns([], newest, key, count=False))
    bare.close()


# ---------------------------------------------------------------- the Qt model


def test_line_queue_model_loads_a_page_at_a_time(big_db: Engine) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QModelIndex, Qt
    from PySide6.QtWidgets import QApplication

    from ui.context import StationContext
    from ui.models.queues import LineQueueModel

    app = QApplication.instance() or QApplication([])
    engine = big_db
    factory = make_session_factory(engine)
    bare = Bare(engine)
    with factory() as s:
        qa = actor_for(_user(s, "qa"), station="bench")
    ctx = StationContext(factory, qa, None, database="bench")
    lines = bare.rows("SELECT count(*) FROM return_line")[0][0]
    fetches = 5

    def screenful(model: LineQueueModel) -> None:
        # what a view asks for to paint the first 40 rows: every column's text and colours
        for r in range(min(40, model.rowCount())):
            for c in range(model.columnCount()):
                i = model.index(r, c)
                model.data(i)
                model.data(i, Qt.ItemDataRole.BackgroundRole)
                model.data(i, Qt.ItemDataRole.ToolTipRole)

    def ours() -> Any:
        model = LineQueueModel(ctx, LineQuery(queue=LineQueue.INSPECTION))
        t0 = time.perf_counter()
        model.reload()  # the tab is shown: first page and count
        screenful(model)
        t1 = time.perf_counter()
        after_open = model.rowCount()
        model.set_query(LineQuery(queue=LineQueue.INSPECTION, search=SEARCH))  # a search is typed
        screenful(model)
        t2 = time.perf_counter()
        after_filter = model.rowCount()
        for _ in range(fetches):  # the user scrolls to the bottom five times
            if not model.canFetchMore(QModelIndex()):
                break
            model.fetchMore(QModelIndex())
        t3 = time.perf_counter()
        app.processEvents()
        return (t1 - t0, t2 - t1, t3 - t2), (after_open, after_filter, model.rowCount(), model.total,
                                             [r.id for r in model.rows])

    def bare_same() -> Any:
        t0 = time.perf_counter()
        first = bare.line_page([QUEUE], PRIORITY)
        n_open = bare.line_count([QUEUE])
        t1 = time.perf_counter()
        where = [QUEUE, LINE_SEARCH]
        rows = bare.line_page(where, PRIORITY, p=_like(SEARCH))
        n = bare.line_count(where, p=_like(SEARCH))
        t2 = time.perf_counter()
        for _ in range(fetches):
            if len(rows) >= n:
                break
            last = rows[-1]
            rank = {"urgent": 0, "normal": 1}.get(last[11], 2)
            key = (rank, last[13] or date(9999, 12, 31), last[12], last[0])
            rows += bare.line_page(where, PRIORITY, key, p=_like(SEARCH))
        t3 = time.perf_counter()
        return (t1 - t0, t2 - t1, t3 - t2), (len(first), n_open, n, [r[0] for r in rows])

    ours()
    bare_same()
    runs = [(ours(), bare_same()) for _ in range(REPEAT)]
    (o_times, o_data), (b_times, b_data) = runs[-1]

    def median(i: int, which: int) -> float:
        return sorted(r[which][0][i] for r in runs)[len(runs) // 2]

    after_open, after_filter, after_fetch, total, ids = o_data
    print(f"\n  LineQueueModel (offscreen Qt), inspection queue of {b_data[1]:,} lines out of {lines:,}; "
          f"median of {REPEAT}:")
    for i, label in enumerate(["open: reload() + paint 40 rows", f"filter “{SEARCH}”: set_query() + paint",
                               f"fetchMore × {fetches}"]):
        t = Timing(median(i, 0), median(i, 1))
        print(row(label, t))
    print(f"  rows held: {after_open} after open, {after_filter} after the filter, {after_fetch} after "
          f"{fetches} fetchMore — of {total:,} matching, {lines:,} lines in the table")
    assert after_open == min(PAGE_SIZE, b_data[1])  # one page, not the queue, not the table
    assert after_filter == min(PAGE_SIZE, b_data[2]) and total == b_data[2]
    assert after_fetch == min(PAGE_SIZE * (fetches + 1), total) and after_fetch < lines
    assert ids == b_data[3][:len(ids)]
    bare.close()


def _user(s: Session, login: str) -> User:
    return s.scalars(select(User).where(User.login == login)).one()
