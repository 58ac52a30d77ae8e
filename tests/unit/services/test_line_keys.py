"""The line's statistics month and priority key: computed by one plain function, and kept
by every write that creates a line or changes what they derive from (the desk, approval,
corrections, the steps, cancelling, the import and the demo). On both backends."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select, update

from app.excel.importer import import_rows
from app.excel.legacy import read_legacy_workbook
from app.services import corrections, inspection, returns
from app.services.corrections import HeaderAmend, LineAmend
from app.services.demo import fill_demo
from app.services.line_keys import line_keys, month_key, priority_key, stat_month
from app.services.returns import LineDraft
from db.models import AuditLog, Return, ReturnLine
from tests.unit.excel.workbooks import ZH_HEADER, make_workbook, zh_row
from tests.unit.services.helpers import approved, draft, line_ids, received


def test_keys_are_a_plain_function_of_the_values() -> None:
    assert month_key("2025-03") == 202503
    assert stat_month(date(2025, 3, 31), "approved") == 202503
    assert stat_month(date(2025, 3, 31), "cancelled") is None
    urgent_late = priority_key("urgent", date(2026, 12, 31), date(2026, 12, 1))
    normal_soon = priority_key("normal", date(2026, 1, 2), date(2026, 1, 1))
    undated = priority_key("normal", None, date(2020, 1, 1))
    low = priority_key("low", date(2020, 1, 1), date(2020, 1, 1))
    # most urgent first, then the oldest due date (undated last), then the oldest receipt
    assert urgent_late < normal_soon < undated < low
    assert priority_key("normal", date(2026, 3, 3), date(2026, 3, 1)) < \
        priority_key("normal", date(2026, 3, 3), date(2026, 3, 2))
    assert line_keys(received_on=date(2026, 3, 2), urgency="normal", return_status="received",
                     due_on=None) == {"stat_month": 202603,
                                      "priority_key": 1 * 10**16 + 99991231 * 10**8 + 20260302}


def _stored(factory, lid: int) -> tuple[int | None, int]:
    with factory() as s:
        line = s.get(ReturnLine, lid)
        return line.stat_month, line.priority_key


def _expected(factory, lid: int) -> tuple[int | None, int]:
    with factory() as s:
        line = s.get(ReturnLine, lid)
        keys = line_keys(received_on=line.rma.received_on, urgency=line.rma.urgency,
                         return_status=line.rma.status, due_on=line.due_on)
        return keys["stat_month"], keys["priority_key"]


def test_the_desk_approval_steps_corrections_and_cancelling_keep_the_keys(factory, actors) -> None:
    rid = received(factory, actors, draft(received_on=date(2026, 3, 5)))
    lid = line_ids(factory, rid)[0]
    assert _stored(factory, lid) == (202603, priority_key("normal", None, date(2026, 3, 5)))
    with factory.begin() as s:
        returns.confirm_by_sales(s, actors["sales"], rid, "按质保处理")
    with factory.begin() as s:
        returns.approve(s, actors["mgr"], rid, "同意", today=date(2026, 3, 6))
    with factory() as s:
        due = s.get(ReturnLine, lid).due_on
    assert due is not None
    assert _stored(factory, lid) == (202603, priority_key("normal", due, date(2026, 3, 5)))
    with factory.begin() as s:  # the desk corrects the date and the urgency of the header
        rma = returns.get_return(s, rid)
        header = HeaderAmend(customer=rma.customer_id, arrival_method=rma.arrival_method,
                             received_on=date(2026, 2, 27), order_no=rma.order_no, urgency="urgent",
                             storage_location=rma.storage_location)
        kept = [LineAmend(draft=LineDraft(model=ln.product.model, qty_counted=ln.qty_counted,
                                          qty_announced=ln.qty_announced, lot_no=ln.lot_no,
                                          unit_price=str(ln.unit_price), customer_reason=ln.customer_reason,
                                          condition=ln.condition),
                          line_id=ln.id, expected_version=ln.version) for ln in rma.lines]
        corrections.amend_receipt(s, actors["wh"], rid, header=header, lines=kept, reason="日期登记错")
    stored = _stored(factory, lid)
    assert stored == _expected(factory, lid)
    assert stored[0] == 202602 and stored[1] // 10**16 == 0  # February now, and urgent
    with factory.begin() as s:
        returns.cancel_return(s, actors["wh"], rid, "客户撤回")
    assert _stored(factory, lid)[0] is None  # a cancelled return counts in no month
    with factory() as s:  # derived keys are no fields of the trail
        fields = set(s.scalars(select(AuditLog.field).where(AuditLog.entity_id == lid)))
    assert not fields & {"stat_month", "priority_key"}


def test_the_decision_and_rework_due_dates_move_the_key(factory, actors) -> None:
    rid = approved(factory, actors)
    lid = line_ids(factory, rid)[0]
    with factory.begin() as s:
        inspection.record_inspection(s, actors["qa"], lid, findings="触点烧蚀", defect_category_id=None,
                                     preliminary_opinion="")
    with factory.begin() as s:
        inspection.decide(s, actors["eng"], lid, final_cause="焊接不良", liability_code=3,
                          disposition="repair_reship", refund_ratio="0", today=date(2026, 3, 9))
    assert _stored(factory, lid) == _expected(factory, lid)
    with factory() as s:
        assert s.get(ReturnLine, lid).due_on == date(2026, 3, 11)
    assert _stored(factory, lid)[1] == priority_key("normal", date(2026, 3, 11), date(2026, 3, 5))


def test_import_and_demo_write_the_keys(factory, actors, tmp_path) -> None:
    book = make_workbook(tmp_path / "log.xlsx", {"S": [
        ZH_HEADER, zh_row(1, 退货日期="2025-03-07", 责任判定=None, 处置方式=None, 退款比例=None, 退款金额=None),
        zh_row(2, 退货日期="2025-04-10")]})
    with factory.begin() as s:
        import_rows(s, actors["qa"], read_legacy_workbook(book), "log.xlsx")
    fill_demo(factory, 60, today=date(2026, 11, 23))
    with factory() as s:
        lines = s.scalars(select(ReturnLine)).all()
        assert len(lines) > 60
        for line in lines:
            keys = line_keys(received_on=line.rma.received_on, urgency=line.rma.urgency,
                             return_status=line.rma.status, due_on=line.due_on)
            assert (line.stat_month, line.priority_key) == (keys["stat_month"], keys["priority_key"]), line.barcode
        assert {ln.stat_month for ln in lines if ln.rma.source == "import"} == {202503, 202504}


def test_a_line_moved_by_sql_is_set_right_by_its_next_write(factory, actors) -> None:
    # the keys of a line are rewritten whenever its return's header changes through the ORM
    rid = received(factory, actors)
    lid = line_ids(factory, rid)[0]
    with factory.begin() as s:
        s.execute(update(ReturnLine).where(ReturnLine.id == lid).values(priority_key=0))
    with factory.begin() as s:
        s.get(Return, rid).urgency = "low"
    assert _stored(factory, lid) == _expected(factory, lid)
