"""The work lists: what each bench's queue holds, in which order, and that the database
does the filtering, sorting and paging (on SQLite and PostgreSQL)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import event
from sqlalchemy.orm import Session, sessionmaker

from app.services import inspection, queues, returns
from app.services.context import Actor
from app.services.queues import LineQuery, LineQueue, ReturnQuery
from app.services.returns import LineDraft
from tests.unit.services.helpers import draft

MONDAY = date(2026, 3, 2)


def _register(factory: sessionmaker[Session], actors: dict[str, Actor], *, urgency: str = "normal",
              received_on: date = MONDAY, customer: str = "华东电气设备有限公司",
              models: tuple[str, ...] = ("DZ47-63 C16",)) -> int:
    lines = [LineDraft(model=m, qty_counted=10 + i, lot_no=f"L{i}") for i, m in enumerate(models)]
    with factory.begin() as s:
        return returns.receive_return(s, actors["wh"], draft(*lines, received_on=received_on,
                                                             urgency=urgency, customer=customer)).id


def _approve(factory: sessionmaker[Session], actors: dict[str, Actor], rid: int, today: date) -> list[int]:
    with factory.begin() as s:
        returns.confirm_by_sales(s, actors["sales"], rid, "按质保处理")
    with factory.begin() as s:
        rma = returns.approve(s, actors["mgr"], rid, "同意", today=today)
        return [ln.id for ln in rma.lines]


@pytest.fixture
def benches(factory: sessionmaker[Session], actors: dict[str, Actor]) -> dict[str, list[int]]:
    return build_benches(factory, actors)


def build_benches(factory: sessionmaker[Session], actors: dict[str, Actor]) -> dict[str, list[int]]:
    """Returns at every step: two only received, three approved (one urgent, one older),
    one line inspected (awaits the decision), one decided for rework."""
    waiting = [_register(factory, actors, received_on=date(2026, 3, 1)),
               _register(factory, actors, customer="深圳市鹏达电子有限公司")]
    normal = _approve(factory, actors, _register(factory, actors, models=("DZ47-63 C32", "CJX2-1810 220V")),
                      today=date(2026, 3, 4))                       # due Thu 5 March
    urgent = _approve(factory, actors, _register(factory, actors, urgency="urgent",
                                                 customer="苏州恒远自动化科技有限公司"),
                      today=date(2026, 3, 6))                       # due Mon 9 March
    older = _approve(factory, actors, _register(factory, actors, models=("NXB-40 2P D20",)),
                     today=date(2026, 3, 2))                        # due Tue 3 March
    with factory.begin() as s:
        inspection.record_inspection(s, actors["qa"], normal[1], findings="线圈烧毁",
                                     defect_category_id=None, preliminary_opinion="")
    rework_line = _approve(factory, actors, _register(factory, actors, models=("JR36-20 14-22A",)),
                           today=date(2026, 3, 2))[0]
    with factory.begin() as s:
        inspection.record_inspection(s, actors["qa"], rework_line, findings="触点烧蚀",
                                     defect_category_id=None, preliminary_opinion="")
    with factory.begin() as s:
        inspection.decide(s, actors["eng"], rework_line, final_cause="焊接不良", liability_code=3,
                          disposition="repair_reship", refund_ratio="0", today=date(2026, 3, 3))
    return {"waiting": waiting, "normal": normal, "urgent": urgent, "older": older, "rework": [rework_line]}


def _all_pages(session: Session, query: LineQuery, limit: int) -> list[int]:
    page = queues.line_page(session, query, limit=limit)
    seen = [r.id for r in page.rows]
    while page.after is not None:
        page = queues.line_page(session, query, after=page.after, limit=limit)
        seen += [r.id for r in page.rows]
    return seen


def test_inspection_queue_is_most_urgent_then_oldest_due_first(factory, benches) -> None:
    with factory() as s:
        page = queues.line_page(s, LineQuery(queue=LineQueue.INSPECTION))
    ids = [r.id for r in page.rows]
    # urgent first; then by due date: 3 March before 5 March; the decided line is not here
    assert ids == [*benches["urgent"], *benches["older"], *benches["normal"]]
    assert page.after is None
    by_id = {r.id: r for r in page.rows}
    assert by_id[benches["normal"][1]].status == "decision"
    assert by_id[benches["older"][0]].due_on == date(2026, 3, 3)
    assert by_id[benches["older"][0]].overdue(date(2026, 3, 4))
    assert not by_id[benches["urgent"][0]].overdue(date(2026, 3, 4))
    assert by_id[benches["urgent"][0]].customer == "苏州恒远自动化科技有限公司"
    assert by_id[benches["older"][0]].model == "NXB-40 2P D20"


def test_stage_overdue_and_search_filters(factory, benches) -> None:
    base = LineQuery(queue=LineQueue.INSPECTION)
    with factory() as s:
        decision = queues.line_page(s, replace(base, statuses=("decision",))).rows
        overdue = queues.line_page(s, replace(base, overdue_on=date(2026, 3, 6))).rows
        by_model = queues.line_page(s, replace(base, search="cjx2")).rows
        by_customer_and_model = queues.line_page(s, replace(base, search="华东 DZ47")).rows
        by_label = queues.line_page(s, replace(base, search="RMA-2026-000004-1")).rows
        # a status outside the queue gives nothing rather than leaking another bench's lines
        foreign = queues.line_page(s, replace(base, statuses=("rework",))).rows
        counts = (queues.count_lines(s, base), queues.count_lines(s, replace(base, search="cjx2")),
                  queues.count_lines(s, replace(base, overdue_on=date(2026, 3, 6))))
    assert [r.id for r in decision] == [benches["normal"][1]]
    assert sorted(r.id for r in overdue) == sorted([*benches["older"], *benches["normal"]])
    assert [r.model for r in by_model] == ["CJX2-1810 220V"]
    assert [r.model for r in by_customer_and_model] == ["DZ47-63 C32"]
    assert [r.barcode for r in by_label] == ["RMA-2026-000004-1"]
    assert foreign == []
    assert counts == (4, 1, 3)


def test_bench_queue_search_by_codes_and_names(factory, benches) -> None:
    """Inside a bench's queue a term finds the lines by the label's or RMA number's beginning,
    the lot's, the order number's (typed in small letters too), and the customer and model
    by a part of their name; the count says as many."""
    base = LineQuery(queue=LineQueue.INSPECTION)

    def found(text: str, queue: LineQueue = LineQueue.INSPECTION) -> list[int]:
        query = replace(base, queue=queue, search=text)
        with factory() as s:
            ids = sorted(r.id for r in queues.line_page(s, query).rows)
            assert queues.count_lines(s, query) == len(ids), text
        return ids

    queue = sorted([*benches["urgent"], *benches["older"], *benches["normal"]])
    assert found("so-2026") == queue                      # every return's order number
    assert found("恒远") == sorted(benches["urgent"])      # a customer, by part of its name
    assert found("rma-2026-000003") == sorted(benches["normal"])  # an RMA number, small letters
    assert found("L1") == [benches["normal"][1]]           # the lot's beginning
    assert found("nxb") == sorted(benches["older"])        # a model, by part of it
    assert found("恒远 nxb") == []                          # every term must match
    assert found("华东", LineQueue.REWORK) == benches["rework"]
    assert found("鹏达") == []                              # its return waits at the desk


def test_search_treats_percent_and_underscore_literally(factory, benches) -> None:
    with factory() as s:
        assert queues.line_page(s, LineQuery(queue=LineQueue.ALL, search="%")).rows == []
        assert queues.line_page(s, LineQuery(queue=LineQueue.ALL, search="_")).rows == []


def test_rework_queue_holds_the_decided_line_with_its_two_day_due_date(factory, benches) -> None:
    with factory() as s:
        rows = queues.line_page(s, LineQuery(queue=LineQueue.REWORK)).rows
    assert [(r.id, r.status, r.due_on, r.disposition, r.liability_code) for r in rows] == [
        (benches["rework"][0], "rework", date(2026, 3, 5), "repair_reship", 3)]


def test_keyset_pages_give_every_line_once_in_the_database_order(factory, benches) -> None:
    for sort in queues.LINE_SORTS:
        for descending in (False, True):
            query = LineQuery(queue=LineQueue.ALL, sort=sort, descending=descending)
            with factory() as s:
                in_one = [r.id for r in queues.line_page(s, query, limit=1000).rows]
                paged = _all_pages(s, query, limit=2)
            assert paged == in_one, (sort, descending)
            assert len(set(in_one)) == len(in_one) == 7


def test_keyset_pages_give_every_return_once_in_the_database_order(factory, benches) -> None:
    for sort in queues.RETURN_SORTS:
        for descending in (False, True):
            query = ReturnQuery(statuses=(), sort=sort, descending=descending)
            with factory() as s:
                in_one = [r.id for r in queues.return_page(s, query, limit=1000).rows]
                page = queues.return_page(s, query, limit=2)
                paged = [r.id for r in page.rows]
                while page.after is not None:
                    page = queues.return_page(s, query, after=page.after, limit=2)
                    paged += [r.id for r in page.rows]
            assert paged == in_one, (sort, descending)
            assert len(set(in_one)) == len(in_one) == 6


def test_lines_by_ids_drops_lines_that_left_the_queue(factory, benches) -> None:
    query = LineQuery(queue=LineQueue.INSPECTION)
    with factory() as s:
        rows = queues.lines_by_ids(s, query, [benches["older"][0], benches["rework"][0]])
        anywhere = queues.line_row(s, benches["rework"][0])
    assert [r.id for r in rows] == [benches["older"][0]]
    assert anywhere is not None and anywhere.status == "rework"


def test_desk_list_shows_returns_waiting_for_sales_or_manager_with_totals(factory, benches) -> None:
    with factory() as s:
        desk = queues.return_page(s, ReturnQuery()).rows
        everything = queues.return_page(s, ReturnQuery(statuses=())).rows
        by_customer = queues.return_page(s, ReturnQuery(statuses=(), search="鹏达")).rows
        by_name = queues.return_page(s, ReturnQuery(statuses=(), sort="customer", descending=False)).rows
        count = queues.count_returns(s, ReturnQuery(statuses=()))
    assert sorted(r.id for r in desk) == sorted(benches["waiting"])
    assert {r.status for r in desk} == {"received"}
    assert count == len(everything) == 6
    # newest first by default: the return received on 1 March comes last
    assert everything[-1].id == benches["waiting"][0]
    two_lines = next(r for r in everything if r.rma_no == "RMA-2026-000003")
    assert (two_lines.lines, two_lines.qty, two_lines.amount) == (2, 21, Decimal("727.30"))  # 10 × 21.80 + 11 × 46.30
    assert [r.customer for r in by_customer] == ["深圳市鹏达电子有限公司"]
    names = [r.customer for r in by_name]
    assert names == sorted(names) or names == sorted(names, key=lambda n: n.encode())


def test_a_page_is_one_limited_ordered_query(engine, factory, benches) -> None:
    """The database pages: the statement carries ORDER BY and LIMIT, and no more rows come back."""
    statements: list[str] = []

    def record(_conn, _cursor, statement, _params, _context, _many) -> None:
        statements.append(statement.upper())

    event.listen(engine, "before_cursor_execute", record)
    try:
        with factory() as s:
            page = queues.line_page(s, LineQuery(queue=LineQueue.ALL), limit=3)
            nxt = queues.line_page(s, LineQuery(queue=LineQueue.ALL), after=page.after, limit=3)
    finally:
        event.remove(engine, "before_cursor_execute", record)
    selects = [st for st in statements if st.lstrip().startswith("SELECT")]
    assert len(selects) == 2
    assert all("ORDER BY" in st and "LIMIT" in st for st in selects)
    assert len(page.rows) == len(nxt.rows) == 3
    assert not {r.id for r in page.rows} & {r.id for r in nxt.rows}


def test_unknown_sort_is_refused(factory) -> None:
    with factory() as s, pytest.raises(ValueError):
        queues.line_page(s, LineQuery(sort="price; DROP TABLE"))


def test_a_desk_first_screen_brings_its_totals_and_count_in_one_statement(engine, factory, benches) -> None:
    sent: list[str] = []

    def note(_c, _cur, statement, _p, _ctx, _many) -> None:
        if not statement.startswith("BEGIN"):
            sent.append(statement)

    queries = [ReturnQuery(), ReturnQuery(statuses=()), ReturnQuery(statuses=(), search="鹏达"),
               ReturnQuery(statuses=(), sort="customer", descending=False),
               ReturnQuery(statuses=(), search="RMA-2026-999999")]
    for query in queries:
        for limit in (2, 200):
            with factory() as s:
                queues.return_page(s, query, limit=limit)  # a search's names are read once per session
                event.listen(engine, "before_cursor_execute", note)
                try:
                    sent.clear()
                    first = queues.return_page(s, query, limit=limit, counted=True)
                finally:
                    event.remove(engine, "before_cursor_execute", note)
                plain = queues.return_page(s, query, limit=limit)
                count = queues.count_returns(s, query)
            assert len(sent) == 1, sent
            # the same rows with the same totals, the same next page, and the list's count
            assert first.rows == plain.rows, query
            assert first.after == plain.after, query
            assert first.counts == (count, None), query
