"""A bench queue's count and overdue count come from one statement, with or without a search."""

from __future__ import annotations

from datetime import date

from sqlalchemy import event

from app.services import queues
from app.services.queues import LineQuery, LineQueue
from tests.unit.services.test_queues import build_benches


def test_count_and_overdue_count_in_one_statement(engine, factory, actors) -> None:
    build_benches(factory, actors)
    sent: list[str] = []

    def note(_c, _cur, statement, _p, _ctx, _many) -> None:
        if not statement.startswith("BEGIN"):
            sent.append(statement)

    with factory() as s:
        event.listen(engine, "before_cursor_execute", note)
        try:
            # due 3 March (older), 5 March (the two normal lines), 9 March (urgent)
            assert queues.count_lines_and_overdue(s, LineQuery(queue=LineQueue.INSPECTION), date(2026, 3, 6)) == (4, 3)
        finally:
            event.remove(engine, "before_cursor_execute", note)
        assert len(sent) == 1
        searched = LineQuery(queue=LineQueue.INSPECTION, search="恒远")
        assert queues.count_lines_and_overdue(s, searched, date(2026, 3, 6)) == (1, 0)
        assert queues.count_lines_and_overdue(s, searched, date(2026, 3, 10)) == (1, 1)
        late_only = LineQuery(queue=LineQueue.INSPECTION, overdue_on=date(2026, 3, 6))
        assert queues.count_lines_and_overdue(s, late_only, date(2026, 3, 6)) == (3, 3)
        assert queues.count_lines(s, LineQuery(queue=LineQueue.INSPECTION)) == 4


def test_a_first_page_brings_its_counts_in_its_own_statement(engine, factory, actors) -> None:
    build_benches(factory, actors)
    sent: list[str] = []

    def note(_c, _cur, statement, _p, _ctx, _many) -> None:
        if not statement.startswith("BEGIN"):
            sent.append(statement)

    plain = LineQuery(queue=LineQueue.INSPECTION)
    searched = LineQuery(queue=LineQueue.INSPECTION, search="恒远")
    by_customer = LineQuery(queue=LineQueue.INSPECTION, sort="customer")  # rows joined before the order
    nothing = LineQuery(queue=LineQueue.INSPECTION, search="RMA-2026-999999-1")
    with factory() as s:
        event.listen(engine, "before_cursor_execute", note)
        try:
            page = queues.line_page(s, plain, limit=2, counts_on=date(2026, 3, 6))
        finally:
            event.remove(engine, "before_cursor_execute", note)
        assert len(sent) == 1
        # the whole queue's counts beside its first two rows, the same rows as without them
        assert page.counts == (4, 3)
        assert [r.id for r in page.rows] == [r.id for r in queues.line_page(s, plain, limit=2).rows]
        assert queues.line_page(s, searched, counts_on=date(2026, 3, 10)).counts == (1, 1)
        assert queues.line_page(s, by_customer, counts_on=date(2026, 3, 6)).counts == (4, 3)
        assert queues.line_page(s, nothing, counts_on=date(2026, 3, 6)).counts == (0, 0)
        # a next page is not counted again
        assert queues.line_page(s, plain, after=page.after, limit=2, counts_on=date(2026, 3, 6)).counts is None
