"""The station's work lists: returns at the warehouse desk, lines waiting at the QA bench,
lines waiting for the rework planner and re-inspection.

Every list is read a page at a time, with the filtering (WHERE), the sorting (ORDER BY)
and the paging (LIMIT after a keyset) done by the database, so a database of a million
lines opens and filters as fast as an empty one: nothing here loads all rows. Paging is
by keyset ("the rows after the last one shown") rather than OFFSET, so the thousandth
page costs what the first does; each page carries the key of its last row.

Rows are plain frozen dataclasses (ids, codes and values, no ORM objects), so the UI's
item models can keep them after the session is gone. Read-only: no actor is needed.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    Select,
    and_,
    bindparam,
    case,
    false,
    func,
    literal,
    or_,
    select,
    tuple_,
    union,
    union_all,
)
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from app.codes import LineStatus, ReturnStatus, Role
from db.models import Customer, Product, Return, ReturnLine

PAGE_SIZE = 200
_LINE_LABEL = re.compile(r"^RMA-\d{4}-\d{6}-\d{1,3}$")
_RMA_NO = re.compile(r"^RMA-\d{4}-\d{6}$")
_FAR_FUTURE = date(9999, 12, 31)


class LineQueue(StrEnum):
    """Which bench a list of lines serves."""

    INSPECTION = "inspection"   # QA inspection and engineering's decision
    REWORK = "rework"           # production rework and the re-inspection after it
    ALL = "all"                 # every line (search)


QUEUE_STATUSES: dict[LineQueue, tuple[str, ...]] = {
    LineQueue.INSPECTION: (LineStatus.INSPECTION.value, LineStatus.DECISION.value),
    LineQueue.REWORK: (LineStatus.REWORK.value, LineStatus.REINSPECTION.value),
    LineQueue.ALL: (),
}

# The desk's default list: returns still waiting for sales or the manager.
DESK_STATUSES: tuple[str, ...] = (ReturnStatus.RECEIVED.value, ReturnStatus.CONFIRMED.value)
# Returns still under way, as the partial index ix_rma_return_customer_open names them.
_OPEN_RETURN: tuple[str, ...] = (ReturnStatus.RECEIVED.value, ReturnStatus.CONFIRMED.value,
                                 ReturnStatus.APPROVED.value)


@dataclass(frozen=True)
class LineRow:
    """One line in a bench's queue."""

    id: int
    barcode: str
    return_id: int
    rma_no: str
    line_no: int
    customer: str
    model: str
    qty: int
    unit: str
    reason: str
    status: str
    urgency: str
    received_on: date
    due_on: date | None
    planned_on: date | None
    liability_code: int | None
    disposition: str | None
    loss_cost: Decimal
    version: int

    def overdue(self, today: date) -> bool:
        """Past the step's time limit: inspection 1 working day, rework 2 days after the plan."""
        return self.due_on is not None and self.due_on < today


@dataclass(frozen=True)
class ReturnRow:
    """One return (handling notice) in the desk's list."""

    id: int
    rma_no: str
    received_on: date
    customer: str
    arrival_method: str
    urgency: str
    status: str
    lines: int
    qty: int
    amount: Decimal
    version: int


@dataclass(frozen=True)
class LineQuery:
    """What a bench's list shows: its queue, a search text, a status, and its order.

    `sort` is a key of LINE_SORTS; "priority" is most urgent first, then the oldest due
    date. `statuses` narrows the queue (e.g. only "decision"); `overdue_on` keeps only
    the lines whose due date lies before that day.
    """

    queue: LineQueue = LineQueue.INSPECTION
    search: str = ""
    statuses: tuple[str, ...] = ()
    sort: str = "priority"
    descending: bool = False
    overdue_on: date | None = None


@dataclass(frozen=True)
class ReturnQuery:
    """What the desk's list of returns shows. `statuses` empty = every status."""

    search: str = ""
    statuses: tuple[str, ...] = DESK_STATUSES
    sort: str = "received_on"
    descending: bool = True


@dataclass
class Page:
    """One page of rows and the key to ask for the next one (None at the end)."""

    rows: list[Any] = field(default_factory=list)
    after: tuple[Any, ...] | None = None
    #: the list's count and overdue count (None: a list without dates), when the page's
    #: statement counted them too
    counts: tuple[int, int | None] | None = None


# ---------------------------------------------------------------- order keys

def _urgency_rank() -> ColumnElement[int]:
    return case((Return.urgency == "urgent", 0), (Return.urgency == "normal", 1), else_=2)


def _due() -> ColumnElement[date]:
    # undated lines sort after the dated ones, and the key stays comparable for the keyset
    return func.coalesce(ReturnLine.due_on, literal(_FAR_FUTURE))


LINE_SORTS: dict[str, tuple[ColumnElement[Any], ...]] = {
    # urgency, due date and receipt packed into one key on the line (app.services.line_keys):
    # the bench queue's partial index walks it in order, the first screen is its first rows
    "priority": (ReturnLine.priority_key,),
    "barcode": (ReturnLine.barcode,),
    "customer": (Customer.name,),
    "model": (Product.model,),
    "qty": (ReturnLine.qty_counted,),
    "reason": (ReturnLine.customer_reason,),
    "status": (ReturnLine.status,),
    "urgency": (_urgency_rank(),),
    "received_on": (Return.received_on,),
    "due_on": (_due(),),
    "planned_on": (func.coalesce(ReturnLine.rework_planned_on, literal(_FAR_FUTURE)),),
    "liability": (func.coalesce(ReturnLine.liability_code, 0),),
    "loss_cost": (ReturnLine.loss_cost,),
}

# The sorts whose keys are all the line's own columns (a page is then chosen from return_line
# alone before the joins: line_page).
_LINE_ONLY_SORTS = frozenset({"priority", "barcode", "qty", "reason", "status", "due_on", "planned_on",
                              "liability", "loss_cost"})

RETURN_SORTS: dict[str, tuple[ColumnElement[Any], ...]] = {
    "rma_no": (Return.rma_no,),
    "received_on": (Return.received_on,),
    "customer": (Customer.name,),
    "arrival_method": (Return.arrival_method,),
    "urgency": (_urgency_rank(),),
    "status": (Return.status,),
}


def _keyset(keys: Sequence[tuple[ColumnElement[Any], bool]], after: Sequence[Any]) -> ColumnElement[bool]:
    """Rows strictly after `after` in the order of `keys` ((expression, descending) pairs).

    Keys all in one direction (every list's order: a column, then the id the same way) are
    compared as one row value, (k1, k2) > (a1, a2): PostgreSQL and SQLite start an index
    walk on the leading key right there, so a page deep in the list costs what the first
    does. Written out as (k1 > a1) OR (k1 = a1 AND k2 > a2) OR … instead, PostgreSQL walked
    the index from the top and filtered out every row before the page (500,000 returns:
    40 ms for the middle page, against 3 ms). Mixed directions keep the written-out form.
    """
    if len({desc for _, desc in keys}) == 1:
        row = tuple_(*(expr for expr, _ in keys))
        return row < tuple(after) if keys[0][1] else row > tuple(after)
    clauses = []
    for i, (expr, desc) in enumerate(keys):
        equal = [keys[j][0] == after[j] for j in range(i)]
        beyond = expr < after[i] if desc else expr > after[i]
        clauses.append(and_(*equal, beyond))
    return or_(*clauses)


def _search_terms(text: str) -> list[str]:
    return [t for t in text.strip().split() if t]


def _escaped(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _like(term: str) -> str:
    return f"%{_escaped(term)}%"


def _in_states(column: Any, states: Sequence[str]) -> ColumnElement[bool]:
    """`column IN ('a', 'b')` with the states written into the SQL: the partial indexes of
    the bench queues and the desk are chosen only when the query names their states as
    literally as the index does (SQLite always, PostgreSQL for a cached generic plan)."""
    return column.in_(bindparam(None, list(states), expanding=True, literal_execute=True))


def _prefix(column: Any, term: str, dialect: str) -> ColumnElement[bool]:
    """A code typed whole or its beginning, answered by the column's index: LIKE 'p%' on
    PostgreSQL (the index is varchar_pattern_ops, or the database's collation is C), a range
    on SQLite, whose LIKE ignores case and then uses no index."""
    if dialect == "sqlite":
        return and_(column >= term, column < term + "\U0010ffff")
    return column.like(_escaped(term) + "%", escape="\\")


def _code_forms(term: str) -> list[str]:
    # codes are written in capitals (RMA-…, L2503…); one typed in small letters matches too
    return list(dict.fromkeys([term, term.upper()]))


@dataclass(frozen=True)
class _Names:
    """The customers and products whose name or model holds a search term: read first from
    the small reference tables, so the big ones are searched by id through their indexes."""

    customers: tuple[int, ...]
    products: tuple[int, ...]


def _names_matching(session: Session, terms: Sequence[str]) -> dict[str, _Names]:
    # kept for the session (one user action): a list's page and its count ask for the same
    # names, and one round trip less is a twentieth of a queue's first screen across sites
    out: dict[str, _Names] = session.info.setdefault("queues_names", {})
    for term in terms:
        if _LINE_LABEL.match(term.upper()) or _RMA_NO.match(term.upper()) or term in out:
            continue
        pattern = _like(term)
        found = session.execute(  # one round trip for both tables
            select(literal("c").label("kind"), Customer.id).where(Customer.name.ilike(pattern, escape="\\"))
            .union_all(select(literal("p"), Product.id).where(Product.model.ilike(pattern, escape="\\")))).all()
        out[term] = _Names(tuple(i for k, i in found if k == "c"), tuple(i for k, i in found if k == "p"))
    return out


def _page(session: Session, stmt: Select[Any], keys: list[tuple[ColumnElement[Any], bool]],
          after: tuple[Any, ...] | None, limit: int, make: Any, extra: Sequence[Any] = ()) -> Page:
    if after is not None:
        stmt = stmt.where(_keyset(keys, after))
    # `extra` columns (the list's counts) come between the row's and the order keys
    stmt = stmt.add_columns(*extra, *(k.label(f"_k{i}") for i, (k, _) in enumerate(keys)))
    stmt = stmt.order_by(*(k.desc() if d else k.asc() for k, d in keys)).limit(limit + 1)
    result = session.execute(stmt).all()
    more = len(result) > limit
    result = result[:limit]
    rows = [make(r) for r in result]
    nkeys = len(keys)
    next_after = tuple(result[-1][-nkeys:]) if more and result else None
    page = Page(rows=rows, after=next_after)
    if extra:
        # no row: the first page is empty, and so is the list (the same filters)
        at = len(result[0]) - nkeys - len(extra) if result else 0
        page.counts = (int(result[0][at]), int(result[0][at + 1])) if result else (0, 0)
    return page


# ---------------------------------------------------------------- lines

def _line_columns() -> tuple[Any, ...]:
    return (
        ReturnLine.id, ReturnLine.barcode, ReturnLine.return_id, Return.rma_no, ReturnLine.line_no,
        Customer.name, Product.model, ReturnLine.qty_counted, ReturnLine.unit,
        ReturnLine.customer_reason, ReturnLine.status, Return.urgency, Return.received_on,
        ReturnLine.due_on, ReturnLine.rework_planned_on, ReturnLine.liability_code,
        ReturnLine.disposition, ReturnLine.loss_cost, ReturnLine.version,
    )


def _line_row(r: Any) -> LineRow:
    return LineRow(*r[:19])


def _line_select(query: LineQuery, filters: list[ColumnElement[bool]]) -> Select[Any]:
    stmt = (select(*_line_columns())
            .join(Return, ReturnLine.return_id == Return.id)
            .join(Customer, Return.customer_id == Customer.id)
            .join(Product, ReturnLine.product_id == Product.id))
    return stmt.where(*filters)


def _line_filters(session: Session, query: LineQuery) -> list[ColumnElement[bool]]:
    # built once per session and query: a reload asks for the page and the count, and a
    # search's expression is a few milliseconds of Python to build
    built: dict[Any, list[ColumnElement[bool]]] = session.info.setdefault("queues_filters", {})
    if query not in built:
        built[query] = _build_line_filters(session, query)
    return built[query]


def _build_line_filters(session: Session, query: LineQuery) -> list[ColumnElement[bool]]:
    filters: list[ColumnElement[bool]] = []
    statuses = QUEUE_STATUSES[query.queue]
    if query.statuses:
        wanted = [s for s in query.statuses if not statuses or s in statuses]
        filters.append(ReturnLine.status.in_(wanted) if wanted else false())
        if wanted and statuses:  # still inside the bench's queue: its partial index applies
            filters.append(_in_states(ReturnLine.status, statuses))
    elif statuses:
        filters.append(_in_states(ReturnLine.status, statuses))
    if query.overdue_on is not None:
        filters.append(ReturnLine.due_on < query.overdue_on)
    terms = _search_terms(query.search)
    # a bench queue's search reads the names inside its one statement (_bench_lines_matching)
    names = _names_matching(session, terms) if terms and not statuses else {}
    dialect = session.get_bind().dialect.name
    for term in terms:
        if _LINE_LABEL.match(term.upper()):  # a whole label: the unique index answers at once
            filters.append(ReturnLine.barcode == term.upper())
            continue
        if _RMA_NO.match(term.upper()):
            filters.append(ReturnLine.return_id.in_(select(Return.id).where(Return.rma_no == term.upper())))
            continue
        if statuses:
            filters.append(ReturnLine.id.in_(_bench_lines_matching(term, dialect, query.queue)))
        elif names[term].customers or names[term].products:
            # a name over all returns: a customer or model has many lines, so the walk in
            # priority order meets the first screen's matches soon
            filters.append(_queue_line_matches(term, names[term], dialect))
        else:  # codes only: few lines, found through the code indexes
            filters.append(ReturnLine.id.in_(_lines_matching(term, names[term], dialect)))
    return filters


@functools.lru_cache(maxsize=64)  # a plain function of its arguments: the list's page, its
# count and its overdue count share one construct (some ms of Python each to build)
def _bench_lines_matching(term: str, dialect: str, queue: LineQueue) -> Any:
    """Ids of the lines of a bench's queue that a search term names, each way in through
    the queue's own partial index (app's migration 0021), which carries the queue's order
    key: the label's beginning (which is also the RMA number's: a label is the RMA number
    and the line number), the lot number's, the products found by model, the open returns
    of the customers found by name (a line waits at a bench only while its return is open:
    closing refuses open lines, cancelling cancels them) and of the order, delivery and
    invoice numbers. The queue's matches are read from these small indexes alone, the
    table only for the page's rows. Walking the queue in its order and testing each line
    and its return instead read every line of the queue and a hash of every return of the
    customer (1 M lines: 350 ms for the page, as much again for the count, against 10).
    The customers and products are found by name inside the same statement (the small
    tables are read once, before the joins), so a page and its count are two statements.
    The customer's stated reason is free text and not searched: no index answers
    ILIKE '%…%', and the search is for codes and names (issue 12)."""
    codes = _code_forms(term)
    in_queue = _in_states(ReturnLine.status, QUEUE_STATUSES[queue])

    def through(way: str) -> Select[Any]:
        # SQLite, with no statistics, would read the whole queue through the status index
        return select(ReturnLine.id).with_hint(ReturnLine, f"INDEXED BY ix_return_line_queue_{queue.value}_{way}",
                                               "sqlite").where(in_queue)

    branches = [through("barcode").where(_prefix(ReturnLine.barcode, term.upper(), dialect)),
                *(through("lot").where(_prefix(ReturnLine.lot_no, c, dialect)) for c in codes)]
    pattern = _like(term)
    branches.append(through("product").where(ReturnLine.product_id.in_(
        select(Product.id).where(Product.model.ilike(pattern, escape="\\")))))
    open_return = _in_states(Return.status, _OPEN_RETURN)
    branches.append(through("return").join(Return, ReturnLine.return_id == Return.id)
                    .with_hint(Return, "INDEXED BY ix_rma_return_customer_open", "sqlite")
                    .where(open_return, Return.customer_id.in_(
                        select(Customer.id).where(Customer.name.ilike(pattern, escape="\\")))))
    branches += [through("return").join(Return, ReturnLine.return_id == Return.id)
                 .with_hint(Return, f"INDEXED BY ix_rma_return_{col.key}", "sqlite")
                 .where(open_return, _prefix(col, c, dialect))
                 for col in (Return.order_no, Return.delivery_no, Return.invoice_no) for c in codes]
    return union(*branches)


def _queue_line_matches(term: str, names: _Names, dialect: str) -> ColumnElement[bool]:
    """A search read in the list's order: each line (through the queue's partial index, or
    the priority index over all returns, so the first screen stops at its 201st match) is
    tested on its own columns, the product ids found by name and, through its return's
    primary key, the return's codes and customer. Collecting every line of a customer
    first (as for codes) made a common name 3 times slower in the QA queue and 9 times
    over all returns (500,000 lines)."""
    codes = _code_forms(term)
    on_return = [_prefix(Return.rma_no, term.upper(), dialect),
                 *(_prefix(col, c, dialect) for col in (Return.order_no, Return.delivery_no, Return.invoice_no)
                   for c in codes)]
    if names.customers:
        on_return.append(Return.customer_id.in_(names.customers))
    conds = [_prefix(ReturnLine.barcode, term.upper(), dialect),
             *(_prefix(ReturnLine.lot_no, c, dialect) for c in codes),
             ReturnLine.customer_reason.ilike(_like(term), escape="\\"),
             select(Return.id).where(Return.id == ReturnLine.return_id, or_(*on_return)).exists()]
    if names.products:
        conds.append(ReturnLine.product_id.in_(names.products))
    return or_(*conds)


def _lines_matching(term: str, names: _Names, dialect: str) -> Any:
    """Ids of the lines a search term names, each branch through its own index: the line's
    label and lot number, its return's RMA and order, delivery and invoice numbers (typed
    whole or their beginning), the customers and products found by name. Written as one OR
    over the joined tables instead, no index could answer it and every line was read."""
    codes = _code_forms(term)
    on_line = [_prefix(ReturnLine.barcode, term.upper(), dialect),
               *(_prefix(ReturnLine.lot_no, c, dialect) for c in codes)]
    on_return = [_prefix(Return.rma_no, term.upper(), dialect),
                 *(_prefix(col, c, dialect) for col in (Return.order_no, Return.delivery_no, Return.invoice_no)
                   for c in codes)]
    branches: list[Select[Any]] = [select(ReturnLine.id).where(cond) for cond in on_line]
    if names.products:
        branches.append(select(ReturnLine.id).where(ReturnLine.product_id.in_(names.products)))
    if names.customers:
        on_return.append(Return.customer_id.in_(names.customers))
    branches += [select(ReturnLine.id).join(Return, ReturnLine.return_id == Return.id).where(cond)
                 for cond in on_return]
    return union(*branches)


def _line_keys(query: LineQuery) -> list[tuple[ColumnElement[Any], bool]]:
    if query.sort not in LINE_SORTS:
        raise ValueError(f"unknown sort {query.sort!r}; known: {', '.join(LINE_SORTS)}")
    keys = [(k, query.descending) for k in LINE_SORTS[query.sort]]
    keys.append((ReturnLine.id, query.descending))  # unique tie-break: the keyset needs one
    return keys


def _line_counts(filters: list[ColumnElement[bool]], today: date) -> list[Any]:
    """The queue's count and its overdue count as two uncorrelated scalar subqueries, to be
    put beside a first page's rows: page and counts in one statement and one snapshot (the
    count beside a list never disagrees with its rows). Scalar subqueries, not a joined
    one-row aggregate: the server runs each once (an InitPlan), where a join may run the
    aggregate again for each row of the page when it expects one row."""
    counted = select(func.count()).select_from(ReturnLine).where(*filters).correlate(None)
    return [counted.scalar_subquery().label("total"),
            counted.where(ReturnLine.due_on < today).scalar_subquery().label("overdue")]


def line_page(session: Session, query: LineQuery, *, after: tuple[Any, ...] | None = None,
              limit: int = PAGE_SIZE, counts_on: date | None = None) -> Page:
    """A bench's queue, one page: `limit` rows after the row whose key is `after`.
    `counts_on` (a first page only): the page's statement also counts the queue and its
    lines overdue on that day (`Page.counts`) — a first screen in one round trip."""
    keys = _line_keys(query)
    filters = _line_filters(session, query)
    extra = _line_counts(filters, counts_on) if counts_on is not None and after is None else []
    if query.sort not in _LINE_ONLY_SORTS:
        return _page(session, _line_select(query, filters), keys, after, limit, _line_row, extra)
    # The page's lines are read from return_line alone (its filters and order keys are all
    # the line's), then joined to their return, customer and product: 201 joins, not one per
    # line of the queue. With the joins in the same query, PostgreSQL read the whole queue
    # through the status index, hash-joined every line and sorted them to keep 201.
    own = [ReturnLine.id, ReturnLine.barcode, ReturnLine.return_id, ReturnLine.line_no, ReturnLine.product_id,
           ReturnLine.qty_counted, ReturnLine.unit, ReturnLine.customer_reason, ReturnLine.status,
           ReturnLine.due_on, ReturnLine.rework_planned_on, ReturnLine.liability_code, ReturnLine.disposition,
           ReturnLine.loss_cost, ReturnLine.version]
    chosen = select(*own, *(k.label(f"_k{i}") for i, (k, _) in enumerate(keys))).where(*filters)
    if (query.sort == "priority" and QUEUE_STATUSES[query.queue] and not query.statuses
            and query.overdue_on is None and not _search_terms(query.search)):
        # the whole queue in its order: its partial index's first rows. SQLite, with no
        # statistics, read the queue through the status index and sorted it (200 k lines:
        # 1,462 queued lines sorted for each first screen)
        chosen = chosen.with_hint(ReturnLine, f"INDEXED BY ix_return_line_queue_{query.queue.value}", "sqlite")
    if after is not None:
        chosen = chosen.where(_keyset(keys, after))
    page = chosen.order_by(*(k.desc() if d else k.asc() for k, d in keys)).limit(limit + 1).subquery("page")
    c = page.c
    order = [c[f"_k{i}"] for i in range(len(keys))]
    stmt = (select(c.id, c.barcode, c.return_id, Return.rma_no, c.line_no, Customer.name, Product.model,
                   c.qty_counted, c.unit, c.customer_reason, c.status, Return.urgency, Return.received_on,
                   c.due_on, c.rework_planned_on, c.liability_code, c.disposition, c.loss_cost, c.version,
                   *extra, *order)
            .select_from(page)
            .join(Return, c.return_id == Return.id)
            .join(Customer, Return.customer_id == Customer.id)
            .join(Product, c.product_id == Product.id)
            .order_by(*(k.desc() if d else k.asc() for k, (_, d) in zip(order, keys, strict=True))))
    result = session.execute(stmt).all()
    more = len(result) > limit
    result = result[:limit]
    next_after = tuple(result[-1][-len(keys):]) if more and result else None
    page = Page(rows=[_line_row(r) for r in result], after=next_after)
    if extra:  # no row: the first page is empty, and so is the queue
        page.counts = (int(result[0][19]), int(result[0][20])) if result else (0, 0)
    return page


def count_lines(session: Session, query: LineQuery) -> int:
    """How many lines the queue holds with this search and status (for the count beside it)."""
    # the return is looked at only inside the search's sub-queries: the count is answered
    # from the line's indexes alone (2 ms instead of 76 ms for a queue of 31,000 among 1M)
    stmt = select(func.count()).select_from(ReturnLine)
    return int(session.scalar(stmt.where(*_line_filters(session, query))) or 0)


def count_lines_and_overdue(session: Session, query: LineQuery, today: date) -> tuple[int, int]:
    """How many lines the queue holds with this search and status, and how many of them are
    past their due date on `today`: one statement (the count beside a bench's queue), so a
    search reads its page and its counts in two."""
    late = func.coalesce(func.sum(case((ReturnLine.due_on < today, 1), else_=0)), 0)
    stmt = select(func.count(), late).select_from(ReturnLine).where(*_line_filters(session, query))
    total, overdue = session.execute(stmt).one()
    return int(total or 0), int(overdue or 0)


def lines_by_ids(session: Session, query: LineQuery, ids: Iterable[int]) -> list[LineRow]:
    """The rows of these lines that (still) belong to the queue: to refresh what changed."""
    ids = list(ids)
    if not ids:
        return []
    stmt = _line_select(query, _line_filters(session, query)).where(ReturnLine.id.in_(ids))
    return [_line_row(r) for r in session.execute(stmt).all()]


def line_row(session: Session, line_id: int) -> LineRow | None:
    """One line's row whatever its state (the scan shows where a line stands)."""
    rows = lines_by_ids(session, LineQuery(queue=LineQueue.ALL), [line_id])
    return rows[0] if rows else None


# ---------------------------------------------------------------- returns

def _return_select(session: Session, query: ReturnQuery) -> Select[Any]:
    stmt = (select(Return.id, Return.rma_no, Return.received_on, Customer.name,
                   Return.arrival_method, Return.urgency, Return.status, Return.version)
            .join(Customer, Return.customer_id == Customer.id))
    if set(query.statuses) == set(DESK_STATUSES) and query.sort == "received_on" and not query.search.strip():
        # the desk's own list in its order: the first rows of ix_rma_return_desk (SQLite, with
        # no statistics, read the waiting returns through the status index and sorted them)
        stmt = stmt.with_hint(Return, "INDEXED BY ix_rma_return_desk", "sqlite")
    return stmt.where(*_return_filters(session, query))


# More customers than this found by one name are looked up in one IN, not one index walk each.
_CUSTOMER_WALKS = 20


def _return_ways(term: str, names: dict[str, _Names], dialect: str) -> list[ColumnElement[bool]]:
    """The ways a search term names returns, each answered by an index of its own: the RMA
    number whole or its beginning, the order, delivery and invoice numbers, a line's label,
    and each customer found by name (ix_rma_return_customer_received: that customer's
    returns in the desk's order, their status in the index)."""
    if _RMA_NO.match(term.upper()):
        return [Return.rma_no == term.upper()]
    if _LINE_LABEL.match(term.upper()):  # a line's label names its return
        return [Return.id.in_(select(ReturnLine.return_id).where(ReturnLine.barcode == term.upper()))]
    customers = names[term].customers
    if len(customers) > _CUSTOMER_WALKS:
        ways: list[ColumnElement[bool]] = [Return.customer_id.in_(customers)]
    else:
        ways = [Return.customer_id == c for c in customers]
    codes = [_prefix(Return.rma_no, term.upper(), dialect),
             *(_prefix(col, c, dialect) for col in (Return.order_no, Return.delivery_no, Return.invoice_no)
               for c in _code_forms(term))]
    # each way leaves out the returns an earlier one found, so that the ways' rows add up to
    # the count without a de-duplication of (say) 41,000 ids; the customers come first and
    # are read from their index alone, the few returns a code finds are read and tested
    for i, code in enumerate(codes):
        ways.append(and_(code, *(~c for c in codes[:i]),
                         *([~Return.customer_id.in_(customers)] if customers else [])))
    return ways


def _return_search(session: Session, query: ReturnQuery) -> tuple[list[ColumnElement[bool]],
                                                                   list[ColumnElement[bool]]]:
    """The first search term's ways in, and the filters every row must pass besides (the
    statuses, the other terms)."""
    built: dict[Any, Any] = session.info.setdefault("queues_return_search", {})
    if query in built:
        return built[query]
    filters: list[ColumnElement[bool]] = []
    if query.statuses:
        filters.append(_in_states(Return.status, query.statuses))
    terms = _search_terms(query.search)
    names = _names_matching(session, terms) if terms else {}
    dialect = session.get_bind().dialect.name
    ways = _return_ways(terms[0], names, dialect) if terms else []
    filters += [or_(*_return_ways(term, names, dialect)) for term in terms[1:]]
    built[query] = ways, filters
    return ways, filters


def _return_filters(session: Session, query: ReturnQuery) -> list[ColumnElement[bool]]:
    ways, filters = _return_search(session, query)
    return [or_(*ways), *filters] if ways else filters


def _return_ids(session: Session, query: ReturnQuery, keys: list[tuple[ColumnElement[Any], bool]] | None = None,
                after: tuple[Any, ...] | None = None, limit: int | None = None) -> Any:
    """The ids of the returns a search finds, one branch per way in (no two find the same
    return: _return_ways), each read through its own index and, for a page in an order of the return's own columns, only its first
    `limit` rows after `after` in that order (a customer's newest returns are the first
    entries of its index walk). An OR of the ways instead made PostgreSQL gather every
    return of the customer in a bitmap and read each one (1 M lines: 275 ms to count)."""
    ways, filters = _return_search(session, query)
    parts = []
    for way in ways:
        branch = select(Return.id).where(way, *filters)
        if keys is not None and limit is not None:
            if after is not None:
                branch = branch.where(_keyset(keys, after))
            branch = branch.order_by(*(k.desc() if d else k.asc() for k, d in keys)).limit(limit + 1).subquery()
            parts.append(select(branch.c.id))
        else:
            parts.append(branch)
    return union_all(*parts)


def _return_keys(query: ReturnQuery) -> list[tuple[ColumnElement[Any], bool]]:
    if query.sort not in RETURN_SORTS:
        raise ValueError(f"unknown sort {query.sort!r}; known: {', '.join(RETURN_SORTS)}")
    keys = [(k, query.descending) for k in RETURN_SORTS[query.sort]]
    keys.append((Return.id, query.descending))
    return keys


def _return_rows(session: Session, base: list[Any]) -> list[ReturnRow]:
    """Add each return's line count, pieces and amount — for the rows of one page only,
    so a list over a million lines never aggregates the whole table."""
    ids = [r[0] for r in base]
    totals: dict[int, list[Any]] = {i: [0, 0, Decimal("0.00")] for i in ids}
    if ids:
        for rid, qty, amount in session.execute(
                select(ReturnLine.return_id, ReturnLine.qty_counted, ReturnLine.amount)
                .where(ReturnLine.return_id.in_(ids))):
            t = totals[rid]
            t[0] += 1
            t[1] += qty
            t[2] += amount
    return [ReturnRow(id=r[0], rma_no=r[1], received_on=r[2], customer=r[3], arrival_method=r[4],
                      urgency=r[5], status=r[6], lines=totals[r[0]][0], qty=totals[r[0]][1],
                      amount=totals[r[0]][2], version=r[7]) for r in base]


def return_page(session: Session, query: ReturnQuery, *, after: tuple[Any, ...] | None = None,
                limit: int = PAGE_SIZE, counted: bool = False) -> Page:
    """The desk's list of returns, one page. `counted` (a first page only): the page, its
    returns' line totals and the list's count in one statement (`Page.counts`) — the desk's
    first screen in one round trip, its count in the same snapshot as its rows."""
    keys = _return_keys(query)
    ways, _filters = _return_search(session, query)
    if ways:
        own = query.sort != "customer"  # the other orders are of the return's own columns
        ids = _return_ids(session, query, keys if own else None, after, limit if own else None)
        stmt = (select(Return.id, Return.rma_no, Return.received_on, Customer.name, Return.arrival_method,
                       Return.urgency, Return.status, Return.version)
                .join(Customer, Return.customer_id == Customer.id).where(Return.id.in_(ids)))
    else:
        stmt = _return_select(session, query)
    if counted and after is None:
        return _return_first_screen(session, query, stmt, keys, limit)
    page = _page(session, stmt, keys, after, limit, tuple)
    page.rows = _return_rows(session, page.rows)
    return page


def _return_first_screen(session: Session, query: ReturnQuery, stmt: Select[Any],
                         keys: list[tuple[ColumnElement[Any], bool]], limit: int) -> Page:
    """The page's returns (in a subquery, bounded by its LIMIT as `_page` reads them), each
    with its lines' quantity and amount (summed here, in Decimal, as `_return_rows` does)
    and the list's count as a scalar subquery (run once)."""
    ordered = stmt.add_columns(*(k.label(f"_k{i}") for i, (k, _) in enumerate(keys)))
    page = ordered.order_by(*(k.desc() if d else k.asc() for k, d in keys)).limit(limit + 1).subquery("page")
    c = page.c
    order = [c[f"_k{i}"] for i in range(len(keys))]
    # the return's own columns from rma_return joined back by id (a page's statement reads
    # as the desk's list does, rma_return first); the count is never correlated to it
    outer = (select(Return.id, Return.rma_no, Return.received_on, c.name, Return.arrival_method, Return.urgency,
                    Return.status, Return.version, ReturnLine.id, ReturnLine.qty_counted, ReturnLine.amount,
                    _return_count(session, query).correlate(None).scalar_subquery(), *order)
             .select_from(page).join(Return, Return.id == c.id)
             .outerjoin(ReturnLine, ReturnLine.return_id == c.id)
             .order_by(*(k.desc() if d else k.asc() for k, (_, d) in zip(order, keys, strict=True)),
                       ReturnLine.id))
    result = session.execute(outer).all()
    nkeys = len(keys)
    base: list[Any] = []
    totals: dict[int, list[Any]] = {}
    for r in result:  # one row per line (a return without lines: one row, no line), in order
        t = totals.get(r[0])
        if t is None:
            if len(base) == limit + 1:
                break
            base.append(r)
            t = totals[r[0]] = [0, 0, Decimal("0.00")]
        if r[8] is not None:
            t[0] += 1
            t[1] += r[9]
            t[2] += r[10]
    more = len(base) > limit
    base = base[:limit]
    rows = [ReturnRow(id=r[0], rma_no=r[1], received_on=r[2], customer=r[3], arrival_method=r[4],
                      urgency=r[5], status=r[6], lines=totals[r[0]][0], qty=totals[r[0]][1],
                      amount=totals[r[0]][2], version=r[7]) for r in base]
    # no row: the first page is empty, and so is the list (the same filters)
    total = int(result[0][11]) if result else 0
    return Page(rows=rows, after=tuple(base[-1][-nkeys:]) if more and base else None, counts=(total, None))


def _return_count(session: Session, query: ReturnQuery) -> Select[Any]:
    ways, filters = _return_search(session, query)
    if ways:
        return select(func.count()).select_from(_return_ids(session, query).subquery())
    return select(func.count()).select_from(Return).where(*filters)


def count_returns(session: Session, query: ReturnQuery) -> int:
    """How many returns the desk's list holds with this search and status: a search's
    matches are counted from its indexes' entries (a customer's returns from
    ix_rma_return_customer_received alone), never by reading the returns."""
    return int(session.scalar(_return_count(session, query)) or 0)


def returns_by_ids(session: Session, query: ReturnQuery, ids: Iterable[int]) -> list[ReturnRow]:
    """The rows of these returns that (still) belong to the list."""
    ids = list(ids)
    if not ids:
        return []
    base = session.execute(_return_select(session, query).where(Return.id.in_(ids))).all()
    return _return_rows(session, base)


# ---------------------------------------------------------------- what waits for whom

class RoleQueue(StrEnum):
    """What waits for one role: the count a tab's title shows (收货待登记 … 待结案)."""

    REGISTER = "register"      # 收货待登记 — warehouse: registered, not yet confirmed by sales
    SALES = "sales"            # 待销售确认 — sales: to confirm with the handling requirements
    APPROVE = "approve"        # 待批准 — manager: confirmed, to approve
    INSPECT = "inspect"        # 待检验 — QA: approved lines to inspect
    DECIDE = "decide"          # 待判定 — engineering: inspected lines to decide
    REWORK = "rework"          # 待返工 — production: lines decided for rework
    REINSPECT = "reinspect"    # 待复检 — QA: reworked lines to re-inspect
    CLOSE = "close"            # 待结案 — QA/manager: every line done, the return still open


# Which queues wait for which role (admin: all of them).
ROLE_QUEUES: dict[str, tuple[RoleQueue, ...]] = {
    Role.WAREHOUSE.value: (RoleQueue.REGISTER,),
    Role.SALES.value: (RoleQueue.SALES,),
    Role.MANAGER.value: (RoleQueue.APPROVE, RoleQueue.CLOSE),
    Role.QA.value: (RoleQueue.INSPECT, RoleQueue.REINSPECT, RoleQueue.CLOSE),
    Role.ENGINEERING.value: (RoleQueue.DECIDE,),
    Role.PRODUCTION.value: (RoleQueue.REWORK,),
}

# A line queue is one line status: its count and overdue count come from the (status, due_on)
# index alone.
LINE_QUEUE_STATUS: dict[RoleQueue, str] = {
    RoleQueue.INSPECT: LineStatus.INSPECTION.value,
    RoleQueue.DECIDE: LineStatus.DECISION.value,
    RoleQueue.REWORK: LineStatus.REWORK.value,
    RoleQueue.REINSPECT: LineStatus.REINSPECTION.value,
}
# A return queue at the desk is one return status.
RETURN_QUEUE_STATUS: dict[RoleQueue, str] = {
    RoleQueue.REGISTER: ReturnStatus.RECEIVED.value,
    RoleQueue.SALES: ReturnStatus.RECEIVED.value,
    RoleQueue.APPROVE: ReturnStatus.CONFIRMED.value,
}
# Lines get their due date at approval; before that a return is late at the desk when it
# waits more than this many days after its receipt (sales and the manager answer in two).
DESK_DAYS = 2
_FINISHED_LINE = (LineStatus.DONE.value, LineStatus.CANCELLED.value)
# named as the states a line is still open in, so the status index finds them (NOT IN cannot)
_OPEN_LINE = tuple(s.value for s in LineStatus if s.value not in _FINISHED_LINE)


@dataclass(frozen=True)
class QueueCount:
    """How many wait in a queue, and how many of them are past their date."""

    queue: RoleQueue
    count: int
    overdue: int


def queues_for_roles(roles: Iterable[str]) -> list[RoleQueue]:
    """The queues that wait for a user with these roles, in the workflow's order."""
    roles = set(roles)
    if Role.ADMIN.value in roles:
        return list(RoleQueue)
    wanted = {q for r in roles for q in ROLE_QUEUES.get(r, ())}
    return [q for q in RoleQueue if q in wanted]


def queue_counts(session: Session, queues: Iterable[RoleQueue], today: date) -> dict[RoleQueue, QueueCount]:
    """Count and overdue count of each queue asked for: one grouped query over the line
    status index for the line queues, one indexed count per desk or closing queue."""
    queues = list(dict.fromkeys(queues))
    out: dict[RoleQueue, QueueCount] = {}
    line_queues = [q for q in queues if q in LINE_QUEUE_STATUS]
    if line_queues:
        statuses = [LINE_QUEUE_STATUS[q] for q in line_queues]
        late = func.sum(case((ReturnLine.due_on < today, 1), else_=0))
        found = {status: (int(n), int(o or 0)) for status, n, o in session.execute(
            select(ReturnLine.status, func.count(), late)
            .where(ReturnLine.status.in_(statuses)).group_by(ReturnLine.status))}
        for q in line_queues:
            n, o = found.get(LINE_QUEUE_STATUS[q], (0, 0))
            out[q] = QueueCount(q, n, o)
    late_desk = func.sum(case((Return.received_on < today - timedelta(days=DESK_DAYS), 1), else_=0))
    for q in queues:
        if q in RETURN_QUEUE_STATUS:
            n, o = session.execute(select(func.count(), late_desk)
                                   .where(Return.status == RETURN_QUEUE_STATUS[q])).one()
            out[q] = QueueCount(q, int(n), int(o or 0))
        elif q is RoleQueue.CLOSE:
            open_line = (select(ReturnLine.id).where(ReturnLine.return_id == Return.id,
                                                     ReturnLine.status.in_(_OPEN_LINE)).exists())
            n = session.scalar(select(func.count()).select_from(Return)
                               .where(Return.status == ReturnStatus.APPROVED.value, ~open_line))
            out[q] = QueueCount(q, int(n or 0), 0)
    return {q: out[q] for q in queues}
