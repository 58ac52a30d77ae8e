"""line_month_total (db.summary, migration 0022) is always return_line grouped by stat_month:
after every way the station writes lines — the services step by step, the corrections, a
cancel, a reopen, the bulk import and the demo fill (on PostgreSQL as the superuser, whose
bulk loads run in replica mode) — and after plain SQL of several rows and months at once."""

from __future__ import annotations

import threading
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session, sessionmaker

from app.excel.importer import import_workbook
from app.reports.monthly import month_totals, monthly_report
from app.services import corrections, returns, rework
from app.services.corrections import HeaderAmend, LineAmend
from app.services.demo import fill_demo
from app.services.returns import LineDraft
from db.models import LineMonthTotal, ReturnLine
from db.summary import SUMMED, rebuild_sql
from tests.unit.excel.workbooks import SAMPLE
from tests.unit.services.helpers import approved, draft, line_ids, planned, received


def summary(s: Session) -> list[tuple[Any, ...]]:
    t = LineMonthTotal
    return [tuple(r) for r in s.execute(select(t.stat_month, t.lines, *(getattr(t, c) for c in SUMMED))
                                        .order_by(t.stat_month))]


def grouped(s: Session) -> list[tuple[Any, ...]]:
    """What the summary must be: the lines themselves, grouped by their month."""
    line = ReturnLine
    return [tuple(r) for r in s.execute(
        select(line.stat_month, func.count(), *(func.sum(getattr(line, c)) for c in SUMMED))
        .where(line.stat_month.is_not(None)).group_by(line.stat_month).order_by(line.stat_month))]


def assert_exact(factory: sessionmaker[Session]) -> list[tuple[Any, ...]]:
    with factory() as s:
        rows = summary(s)
        assert rows == grouped(s)
        return rows


def _header(s: Session, rid: int, **kw: Any) -> HeaderAmend:
    rma = returns.get_return(s, rid)
    values = dict(customer=rma.customer_id, arrival_method=rma.arrival_method, received_on=rma.received_on,
                  order_no=rma.order_no, delivery_no=rma.delivery_no, invoice_no=rma.invoice_no,
                  storage_location=rma.storage_location, urgency=rma.urgency, notes=rma.notes)
    return HeaderAmend(**{**values, **kw})


def _lines(s: Session, rid: int, **first: Any) -> list[LineAmend]:
    out = []
    for i, ln in enumerate(returns.get_return(s, rid).lines):
        d = LineDraft(model=ln.product.model, qty_counted=ln.qty_counted, qty_announced=ln.qty_announced,
                      lot_no=ln.lot_no, manufacture_date=ln.manufacture_date, unit_price=str(ln.unit_price),
                      customer_reason=ln.customer_reason, is_our_product=ln.is_our_product,
                      condition=ln.condition)
        for k, v in (first if i == 0 else {}).items():
            setattr(d, k, v)
        out.append(LineAmend(draft=d, line_id=ln.id, expected_version=ln.version))
    return out


def test_the_summary_follows_every_write_of_the_station(factory: sessionmaker[Session], actors: dict[str, Any]) -> None:
    assert assert_exact(factory) == []
    fill_demo(factory, 40, today=date(2026, 4, 20))  # bulk, by COPY on PostgreSQL (replica mode)
    demo = assert_exact(factory)
    assert sum(r[1] for r in demo) > 0
    with factory.begin() as s:
        import_workbook(s, actors["qa"], SAMPLE)  # the legacy import, in bulk as well
    assert_exact(factory)

    # a return through the benches: inspected, decided with a refund, rework booked and released
    rid, lid = planned(factory, actors, disposition="repair_reship", ratio="0.5",
                       d=draft(LineDraft(model="DZ47-63 C16", qty_counted=20, lot_no="L2601"),
                               LineDraft(model="DZ47-63 C16", qty_counted=5, lot_no="L2602")))
    before = assert_exact(factory)
    with factory.begin() as s:
        rework.book_rework_costs(s, actors["pmc"], lid, materials=[rework.MaterialEntry("动触点", 2, "1.25")],
                                 labour=[rework.LabourEntry("小王", "1.5", "32.00")], other_cost="3.00")
    after = assert_exact(factory)
    assert after != before  # the month's costs moved with the booking
    with factory.begin() as s:
        corrections.amend_rework(s, actors["pmc"], lid, reason="材料记错",
                                 materials=[rework.MaterialEntry("动触点", 3, "1.25")])
    assert_exact(factory)
    with factory.begin() as s:
        rework.finish_rework(s, actors["pmc"], lid)
    with factory.begin() as s:
        rework.record_reinspection(s, actors["qa"], lid, qualified=20, unqualified=0, scrapped=0)
    assert_exact(factory)
    with factory.begin() as s:
        corrections.reopen_line(s, actors["mgr"], lid, reason="复检数据有误")
    assert_exact(factory)

    # the desk corrects a count, then moves a return to another month (its lines' month moves)
    other = received(factory, actors, draft(received_on=date(2026, 2, 27)))
    with factory.begin() as s:
        line = returns.get_return(s, other).lines[0]
        returns.update_line_count(s, actors["wh"], line.id, qty_counted=17, expected_version=line.version)
    assert_exact(factory)
    with factory.begin() as s:
        corrections.amend_receipt(s, actors["wh"], other, header=_header(s, other, received_on=date(2026, 3, 2)),
                                  lines=_lines(s, other, qty_counted=16, unit_price="13.00"), reason="日期登记错")
    rows = assert_exact(factory)
    assert 202602 not in {r[0] for r in rows if r[0] not in {d[0] for d in demo}}  # February has none of it

    # a cancel takes the return's lines out of every month (stat_month NULL)
    gone = approved(factory, actors, draft(LineDraft(model="DZ47-63 C16", qty_counted=9),
                                           received_on=date(2026, 1, 9)))
    with factory() as s:
        january = dict((r[0], r[1]) for r in summary(s)).get(202601, 0)
    with factory.begin() as s:
        returns.cancel_return(s, actors["wh"], gone, "客户撤回")
    with factory() as s:
        assert dict((r[0], r[1]) for r in summary(s)).get(202601, 0) == january - 1
    assert_exact(factory)

    # the report reads the summary: its trend is what the lines say
    with factory() as s:
        report = monthly_report(s, "2026-03")
        by_month = {r[0]: r for r in grouped(s)}
        for point in report.trend:
            want = by_month.get(int(point.month.replace("-", "")))
            got = (point.figures.lines, point.figures.qty, point.figures.amount, point.figures.refund,
                   point.figures.materials, point.figures.labour, point.figures.other, point.figures.scrapped,
                   point.figures.loss)
            assert got == (tuple(want[1:]) if want else (0, 0, *(Decimal("0.00"),) * 7))
        assert month_totals(s, "2026-03")[1] == report.totals


def test_plain_sql_of_many_rows_and_months_keeps_it_exact(factory: sessionmaker[Session], engine) -> None:
    fill_demo(factory, 60, today=date(2026, 4, 20))
    months = [r[0] for r in assert_exact(factory)]
    assert len(months) >= 3
    with engine.begin() as c:
        # one statement moving lines between months and changing money; one deleting a month's lines
        c.execute(text("UPDATE return_line SET stat_month = :m, amount = amount + 1, qty_counted = qty_counted + 2 "
                       "WHERE stat_month IN (:a, :b)"), {"m": months[-1], "a": months[0], "b": months[1]})
        c.execute(text("DELETE FROM rework_material WHERE line_id IN (SELECT id FROM return_line WHERE stat_month = :m)"),
                  {"m": months[2]})
        c.execute(text("DELETE FROM rework_labour WHERE line_id IN (SELECT id FROM return_line WHERE stat_month = :m)"),
                  {"m": months[2]})
        for table in ("corrective_action", "liaison_note"):
            c.execute(text(f"DELETE FROM {table} WHERE line_id IN (SELECT id FROM return_line WHERE stat_month = :m)"),
                      {"m": months[2]})
        c.execute(text("DELETE FROM return_line WHERE stat_month = :m"), {"m": months[2]})
        # a save that changes no figure (findings, status): the summary is left as it was
        c.execute(text("UPDATE return_line SET findings = 'x' WHERE stat_month = :m"), {"m": months[-1]})
    rows = assert_exact(factory)
    assert {months[0], months[1], months[2]}.isdisjoint(r[0] for r in rows)  # emptied months have no row
    with engine.begin() as c:
        for sql in rebuild_sql():  # the back-fill's statement gives the same table
            c.execute(text(sql))
    assert assert_exact(factory) == rows


@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_a_truncate_of_the_lines_empties_it(factory: sessionmaker[Session], engine) -> None:
    fill_demo(factory, 10, today=date(2026, 4, 20))
    assert assert_exact(factory)
    with engine.begin() as c:
        c.execute(text("TRUNCATE return_line CASCADE"))  # and the rows that refer to the lines
    assert assert_exact(factory) == []


def test_a_registration_adds_its_months_row(factory: sessionmaker[Session], actors: dict[str, Any]) -> None:
    rid = received(factory, actors)  # through the ORM: one line of 20 pieces received 2026-03-05
    assert len(line_ids(factory, rid)) == 1
    assert [r[:3] for r in assert_exact(factory)] == [(202603, 1, 20)]


@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_two_writers_of_one_month_lose_nothing(factory: sessionmaker[Session], engine) -> None:
    """The second writer of a month waits for the first's row of the summary, then adds to what
    the first committed (ON CONFLICT DO UPDATE reads the row's latest version)."""
    fill_demo(factory, 20, today=date(2026, 4, 20))
    with engine.connect() as c:
        month, first, second = c.execute(text(
            "SELECT stat_month, min(id), max(id) FROM return_line WHERE stat_month IS NOT NULL "
            "GROUP BY stat_month HAVING count(*) > 1 ORDER BY stat_month LIMIT 1")).one()
    pieces = {r[0]: r[2] for r in assert_exact(factory)}[month]
    bump = text("UPDATE return_line SET qty_counted = qty_counted + :n WHERE id = :i")
    errors: list[BaseException] = []
    with engine.connect() as a, engine.connect() as b, engine.connect() as watch:
        a.execute(bump, {"n": 1, "i": first})  # holds the month's row until it commits
        b_pid = b.execute(text("SELECT pg_backend_pid()")).scalar_one()

        def second_writer() -> None:
            try:
                b.execute(bump, {"n": 2, "i": second})
                b.commit()
            except BaseException as exc:  # noqa: BLE001 - reported by the test below
                errors.append(exc)

        worker = threading.Thread(target=second_writer)
        worker.start()
        waiting = text("SELECT wait_event_type = 'Lock' FROM pg_stat_activity WHERE pid = :p")
        for _ in range(3000):  # until the second writer waits for the first's lock (at most ~30 s)
            if watch.execute(waiting, {"p": b_pid}).scalar():
                break
            watch.rollback()
            threading.Event().wait(0.01)
        else:
            pytest.fail("the second writer never waited for the month's row")
        a.commit()
        worker.join(timeout=60)
    assert not worker.is_alive() and errors == []
    assert {r[0]: r[2] for r in assert_exact(factory)}[month] == pieces + 3  # both writers' pieces
