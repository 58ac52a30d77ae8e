"""Warranty at receipt and replacement shipments through the services on both backends."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from app.errors import ValidationError, WorkflowError
from app.services import replacements, warranty
from app.services.returns import LineDraft
from db.models import AuditLog
from tests.unit.services.helpers import decided, draft, line_ids, received


def test_add_months_keeps_the_day_or_takes_the_last() -> None:
    assert warranty.add_months(date(2024, 3, 5), 24) == date(2026, 3, 5)
    assert warranty.add_months(date(2025, 1, 31), 1) == date(2025, 2, 28)
    assert warranty.add_months(date(2025, 11, 30), 3) == date(2026, 2, 28)


def _three_lines(factory, actors) -> int:
    # DZ47-63 C16 carries 24 months; received 2026-03-05
    return received(factory, actors, draft(
        LineDraft(model="DZ47-63 C16", qty_counted=5, manufacture_date=date(2024, 3, 5)),   # last day: in
        LineDraft(model="DZ47-63 C16", qty_counted=5, manufacture_date=date(2024, 3, 4)),   # a day late: out
        LineDraft(model="DZ47-63 C16", qty_counted=5)))                                     # no date: unknown


def test_the_verdict_from_the_manufacture_date_or_a_ship_date(factory, actors) -> None:
    rid = _three_lines(factory, actors)
    l1, l2, l3 = line_ids(factory, rid)
    with factory() as s:
        states = warranty.of_return(s, rid)
    assert [st.verdict for st in states] == ["in", "out", "unknown"]
    assert states[1].text("zh") == "保外 (质保24个月, 至2026-03-04)"
    assert [st.waiting_for_sales for st in states] == [False, True, True]
    # the desk enters the invoice date of line 2: the customer got it later, in warranty again
    with factory.begin() as s:
        st = warranty.set_basis_date(s, actors["wh"], l2, "invoiced", date(2024, 6, 1))
    assert (st.verdict, st.basis, st.expires_on) == ("in", "invoiced", date(2026, 6, 1))
    with factory.begin() as s, pytest.raises(ValidationError) as late:
        warranty.set_basis_date(s, actors["wh"], l3, "shipped", date(2026, 3, 6))
    assert "2026-03-05" in late.value.message("zh")
    with factory.begin() as s, pytest.raises(WorkflowError):
        warranty.set_basis_date(s, actors["qa"], l3, "shipped", date(2025, 1, 1))
    with factory() as s:
        trail = s.scalars(select(AuditLog).where(AuditLog.entity == "warranty")).all()
        assert [(a.action, a.user_login) for a in trail] == [("insert", "wh")]
        assert '"basis_on": "2024-06-01"' in trail[0].new_value


def test_sales_confirms_an_out_of_warranty_line(factory, actors) -> None:
    rid = _three_lines(factory, actors)
    l1, l2, _l3 = line_ids(factory, rid)
    with factory.begin() as s, pytest.raises(WorkflowError):
        warranty.confirm_out_of_warranty(s, actors["sales"], l1, "按保内处理")   # line 1 is in warranty
    with factory.begin() as s, pytest.raises(ValidationError):
        warranty.confirm_out_of_warranty(s, actors["sales"], l2, "  ")
    with factory.begin() as s, pytest.raises(WorkflowError):
        warranty.confirm_out_of_warranty(s, actors["wh"], l2, "有偿维修")
    with factory.begin() as s:
        st = warranty.confirm_out_of_warranty(s, actors["sales"], l2, "有偿维修,已告知客户")
    assert (st.sales_confirmed_by, st.sales_note, st.waiting_for_sales) == (
        actors["sales"].name, "有偿维修,已告知客户", False)
    with factory.begin() as s, pytest.raises(WorkflowError) as twice:
        warranty.confirm_out_of_warranty(s, actors["sales"], l2, "again")
    assert actors["sales"].name in twice.value.message("zh")
    with factory() as s:
        assert warranty.summary(warranty.of_return(s, rid), "en").endswith("line 3")


def test_a_replacement_shipment_leaves_the_outstanding_list(factory, actors) -> None:
    _rid, exchange = decided(factory, actors, disposition="exchange", liability=3)
    _rid2, _refund = decided(factory, actors, disposition="refund", liability=3)
    with factory() as s:
        rows = replacements.replacement_lines(s)
        assert [(r.line_id, r.owed, r.shipped) for r in rows] == [(exchange, 20, 0)]
        assert replacements.outstanding_count(s) == 1
    with factory.begin() as s, pytest.raises(WorkflowError):
        replacements.record_shipment(s, actors["sales"], _refund, shipped_on=date(2026, 3, 9),
                                     delivery_note="DN-1", qty=1)
    with factory.begin() as s, pytest.raises(ValidationError) as too_many:
        replacements.record_shipment(s, actors["sales"], exchange, shipped_on=date(2026, 3, 9),
                                     delivery_note="DN-1", qty=21)
    assert "20" in too_many.value.message("zh")
    with factory.begin() as s, pytest.raises(ValidationError):
        replacements.record_shipment(s, actors["sales"], exchange, shipped_on=date(2026, 3, 1),
                                     delivery_note="DN-1", qty=5)  # before the goods came back
    with factory.begin() as s, pytest.raises(ValidationError):
        replacements.record_shipment(s, actors["sales"], exchange, shipped_on=date(2026, 3, 9),
                                     delivery_note="DN-1", qty="2.5")
    with factory.begin() as s:
        replacements.record_shipment(s, actors["sales"], exchange, shipped_on=date(2026, 3, 9),
                                     delivery_note="DN-0309", qty=12)
    with factory() as s:
        assert [r.outstanding for r in replacements.replacement_lines(s)] == [8]
    with factory.begin() as s:
        replacements.record_shipment(s, actors["wh"], exchange, shipped_on=date(2026, 3, 12),
                                     delivery_note="DN-0312", qty=8)
    with factory() as s:
        assert replacements.replacement_lines(s) == []
        assert [(r.outstanding, r.shipped) for r in replacements.replacement_lines(s, outstanding_only=False)] == [
            (0, 20)]
        assert [(sh.delivery_note, sh.qty) for sh in replacements.shipments_of(s, exchange)] == [
            ("DN-0309", 12), ("DN-0312", 8)]
        assert len(s.scalars(select(AuditLog).where(AuditLog.entity == "replacement")).all()) == 2


def test_the_line_history_shows_its_replacement_shipments(factory, actors) -> None:
    from app.services import history

    rid, exchange = decided(factory, actors, disposition="exchange", liability=3)
    with factory.begin() as s:
        replacements.record_shipment(s, actors["sales"], exchange, shipped_on=date(2026, 3, 9),
                                     delivery_note="DN-0309", qty=12)
    with factory() as s:
        rows = [r for r in history.line_history(s, exchange) if r.entity == "replacement"]
        whole = [r for r in history.return_history(s, rid) if r.entity == "replacement"]
    assert [r.action for r in rows] == ["insert"] and "DN-0309" in rows[0].new
    assert len(whole) == 1
