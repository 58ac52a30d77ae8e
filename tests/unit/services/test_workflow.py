"""Every step of the return workflow, and every refusal, on both backends."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from app.errors import ValidationError, WorkflowError
from app.services import inspection, returns, rework
from app.services.returns import LineDraft
from db.models import LiaisonNote, Return, ReturnLine
from tests.unit.services.helpers import approved, decided, draft, line_ids, planned, received


def test_receive_assigns_number_barcodes_amounts_and_who(factory, actors) -> None:
    d = draft(
        LineDraft(model="DZ47-63 C16", qty_counted=20, qty_announced=22, lot_no="L2601"),
        LineDraft(model="6901234500047", qty_counted="3", unit_price="40.00", condition="damaged"),
    )
    rid = received(factory, actors, d)
    with factory() as s:
        rma = returns.get_return(s, rid)
        assert rma.rma_no == "RMA-2026-000001"
        assert rma.status == "received"
        assert rma.received_by_id == actors["wh"].user_id
        assert rma.updated_by == "王仓管"
        first, second = rma.lines
        assert first.barcode == "RMA-2026-000001-1"
        assert (first.qty_announced, first.qty_counted, first.amount) == (22, 20, Decimal("370.00"))
        assert first.unit_price == Decimal("18.50")  # the product's list price
        assert second.barcode == "RMA-2026-000001-2"
        assert second.product.model == "CJX2-1810 220V"  # found by the product label's code
        assert second.amount == Decimal("120.00")
        assert returns.find_line(s, "rma-2026-000001-2 ").id == second.id
        assert returns.find_line(s, "RMA-2026-000001-9") is None


def test_numbers_count_per_year(factory, actors) -> None:
    received(factory, actors)
    received(factory, actors)
    rid = received(factory, actors, draft(received_on=date(2025, 12, 30)))
    with factory() as s:
        nos = sorted(s.scalars(select(Return.rma_no)))
    assert nos == ["RMA-2025-000001", "RMA-2026-000001", "RMA-2026-000002"]
    assert rid


@pytest.mark.parametrize(
    ("qty", "field"),
    [("12.5", "qty_counted"), (-3, "qty_counted"), (0, "qty_counted"), ("abc", "qty_counted"),
     (True, "qty_counted")],
)
def test_bad_quantities_are_refused_with_field_and_line(factory, actors, qty, field) -> None:
    d = draft(LineDraft(model="DZ47-63 C16", qty_counted=5), LineDraft(model="DZ47-63 C32", qty_counted=qty))
    with factory() as s, pytest.raises(ValidationError) as err:
        returns.receive_return(s, actors["wh"], d)
    assert err.value.field == field
    assert err.value.line == 2
    assert err.value.message("zh").startswith("第2行: 清点数量必须是正整数")
    assert "Line 2: Counted quantity must be a positive whole number" in err.value.message("en")
    with factory() as s:
        assert s.scalar(select(Return.id)) is None  # nothing half-stored


def test_twelve_point_zero_is_twelve(factory, actors) -> None:
    rid = received(factory, actors, draft(LineDraft(model="DZ47-63 C16", qty_counted="12.0")))
    with factory() as s:
        assert returns.get_return(s, rid).lines[0].qty_counted == 12


def test_unknown_customer_and_model_and_negative_price(factory, actors) -> None:
    with factory() as s:
        with pytest.raises(ValidationError) as e1:
            returns.receive_return(s, actors["wh"], draft(customer="没有这个客户"))
        assert e1.value.field == "customer"
        with pytest.raises(ValidationError) as e2:
            returns.receive_return(s, actors["wh"], draft(LineDraft(model="XX-1", qty_counted=1)))
        assert e2.value.field == "product" and "XX-1" in e2.value.message("zh")
        with pytest.raises(ValidationError) as e3:
            returns.receive_return(
                s, actors["wh"], draft(LineDraft(model="DZ47-63 C16", qty_counted=1, unit_price="-1")))
        assert e3.value.field == "unit_price"
        with pytest.raises(ValidationError):
            returns.receive_return(s, actors["wh"], draft(LineDraft(model="DZ47-63 C16", qty_counted=1,
                                                                    unit_price=1.5)))


def test_wrong_role_is_refused_and_named(factory, actors) -> None:
    with factory() as s, pytest.raises(WorkflowError) as err:
        returns.receive_return(s, actors["qa"], draft())
    assert err.value.message("zh") == "陈品质没有“仓管员”权限,不能登记退货"
    assert "lacks the “Warehouse keeper” role" in err.value.message("en")
    rid = received(factory, actors)
    with factory() as s, pytest.raises(WorkflowError):
        returns.approve(s, actors["sales"], rid)
    with factory() as s, pytest.raises(WorkflowError):
        returns.confirm_by_sales(s, actors["mgr"], rid, "x")


def test_steps_out_of_order_are_refused(factory, actors) -> None:
    rid = received(factory, actors)
    lid = line_ids(factory, rid)[0]
    with factory() as s, pytest.raises(WorkflowError) as err:
        returns.approve(s, actors["mgr"], rid)  # before sales confirmed
    assert "已登记" in err.value.message("zh") and "批准" in err.value.message("zh")
    with factory() as s, pytest.raises(WorkflowError):
        inspection.record_inspection(s, actors["qa"], lid, findings="x", defect_category_id=None,
                                     preliminary_opinion="")  # before approval
    with factory() as s, pytest.raises(WorkflowError):
        inspection.decide(s, actors["eng"], lid, final_cause="x", liability_code=3,
                          disposition="scrap", refund_ratio="0")
    with factory() as s, pytest.raises(WorkflowError):
        rework.plan_rework(s, actors["pmc"], lid, planned_on=date(2026, 3, 6))
    with factory() as s, pytest.raises(WorkflowError):
        rework.record_reinspection(s, actors["qa"], lid, qualified=1, unqualified=0, scrapped=0)
    with factory() as s, pytest.raises(WorkflowError) as err2:
        returns.close_return(s, actors["qa"], rid)
    assert err2.value.key == "wrong_state"


def test_approval_sends_lines_to_qa_due_next_working_day(factory, actors) -> None:
    rid = received(factory, actors)
    with factory.begin() as s:
        returns.confirm_by_sales(s, actors["sales"], rid, "按质保处理")
    with factory.begin() as s:
        returns.approve(s, actors["mgr"], rid, "同意", today=date(2026, 3, 6))  # a Friday
    with factory() as s:
        rma = returns.get_return(s, rid)
        assert rma.status == "approved"
        assert rma.sales_confirmed_by_id == actors["sales"].user_id and rma.sales_confirmed_at
        assert rma.approved_by_id == actors["mgr"].user_id and rma.approved_at
        assert [ln.status for ln in rma.lines] == ["inspection"]
        assert rma.lines[0].due_on == date(2026, 3, 9)  # Monday


def test_full_flow_with_rework_reinspection_and_close(factory, actors) -> None:
    rid, lid = planned(factory, actors, ratio="0.5")
    with factory() as s:
        ln = returns.get_line(s, lid)
        assert ln.status == "rework" and ln.due_on == date(2026, 3, 8)
        assert ln.refund_amount == Decimal("185.00")  # 20 × 18.50 × 50 %
    with factory.begin() as s:
        rework.book_rework_costs(
            s, actors["pmc"], lid,
            materials=[rework.MaterialEntry("动触点", 20, "1.25", code="M-0101"),
                       rework.MaterialEntry("外壳", 2, "3.40")],
            labour=[rework.LabourEntry("小王", "2.5", "30.00"), rework.LabourEntry("小李", "1", "28.50")],
            other_cost="12.00")
    with factory.begin() as s:
        rework.finish_rework(s, actors["pmc"], lid)
    with factory() as s, pytest.raises(ValidationError) as err:
        rework.record_reinspection(s, actors["qa"], lid, qualified=18, unqualified=1, scrapped=0)
    assert err.value.message("zh") == "合格 18 + 不合格 1 + 报废 0 = 19,应等于返工数量 20"
    with factory.begin() as s:
        rework.record_reinspection(s, actors["qa"], lid, qualified=18, unqualified=1, scrapped=1)
    with factory() as s:
        ln = returns.get_line(s, lid)
        assert ln.status == "done"
        assert ln.material_cost == Decimal("31.80")
        assert ln.labour_cost == Decimal("103.50")
        assert ln.scrapped_value == Decimal("18.50")
        assert ln.loss_cost == Decimal("31.80") + Decimal("103.50") + Decimal("12.00") + Decimal("18.50") + Decimal("185.00")
    with factory.begin() as s:
        returns.close_return(s, actors["qa"], rid)
    with factory() as s:
        assert returns.get_return(s, rid).status == "closed"


def test_rework_inputs_are_validated(factory, actors) -> None:
    _rid, lid = planned(factory, actors)
    with factory() as s, pytest.raises(ValidationError) as err:
        rework.book_rework_costs(s, actors["pmc"], lid, materials=[rework.MaterialEntry("a", 1, "1"),
                                                                   rework.MaterialEntry("b", "1.2345", "1")],
                                 labour=[])
    assert err.value.line == 2 and err.value.field == "material_qty"
    with factory() as s, pytest.raises(ValidationError) as err2:
        rework.book_rework_costs(s, actors["pmc"], lid, materials=[],
                                 labour=[rework.LabourEntry("小王", "-2", "30")])
    assert err2.value.field == "hours"
    with factory() as s, pytest.raises(ValidationError):
        rework.plan_rework(s, actors["pmc"], lid, planned_on=date(2026, 3, 6), rework_qty=21)
    with factory() as s, pytest.raises(WorkflowError):
        rework.finish_rework(s, actors["qa"], lid)


def test_unplanned_rework_cannot_finish(factory, actors) -> None:
    _rid, lid = decided(factory, actors)
    with factory() as s, pytest.raises(WorkflowError):
        rework.finish_rework(s, actors["pmc"], lid)


def test_decision_validation(factory, actors) -> None:
    rid = approved(factory, actors)
    lid = line_ids(factory, rid)[0]
    with factory.begin() as s:
        inspection.record_inspection(s, actors["qa"], lid, findings="外壳开裂", defect_category_id=1,
                                     preliminary_opinion="运输")
    for code in (0, 10, "x", None):
        with factory() as s, pytest.raises(ValidationError) as err:
            inspection.decide(s, actors["eng"], lid, final_cause="c", liability_code=code,
                              disposition="scrap", refund_ratio="0")
        assert err.value.field == "liability_code"
    with factory() as s, pytest.raises(ValidationError) as err:
        inspection.decide(s, actors["eng"], lid, final_cause="c", liability_code=6,
                          disposition="scrap", refund_ratio="1.5")
    assert err.value.field == "refund_ratio"
    with factory() as s, pytest.raises(ValidationError):
        inspection.decide(s, actors["eng"], lid, final_cause="c", liability_code=6,
                          disposition="return_supplier", refund_ratio="0")  # needs liability 2
    with factory() as s, pytest.raises(ValidationError) as err:
        inspection.decide(s, actors["eng"], lid, final_cause=" ", liability_code=6,
                          disposition="scrap", refund_ratio="0")
    assert err.value.field == "final_cause"


def test_scrap_is_done_at_decision_with_scrapped_value(factory, actors) -> None:
    _rid, lid = decided(factory, actors, disposition="scrap", liability=6, ratio="1")
    with factory() as s:
        ln = returns.get_line(s, lid)
        assert ln.status == "done" and ln.qty_scrapped == 20
        assert ln.scrapped_value == Decimal("370.00") and ln.refund_amount == Decimal("370.00")
        assert ln.loss_cost == Decimal("740.00")


def test_liaison_note_for_customer_liability_and_foreign_goods(factory, actors) -> None:
    _rid, lid = decided(factory, actors, disposition="return_customer", liability=1, ratio="0")
    d = draft(LineDraft(model="DZ47-63 C16", qty_counted=2, is_our_product=False))
    _rid2, lid2 = decided(factory, actors, disposition="return_customer", liability=9, ratio="0", d=d)
    with factory() as s:
        notes = {(n.line_id, n.reason) for n in s.scalars(select(LiaisonNote))}
    assert notes == {(lid, "customer_misuse"), (lid2, "not_our_product")}


def test_corrective_action_marks_the_line_serious(factory, actors) -> None:
    _rid, lid = decided(factory, actors)
    with factory.begin() as s:
        ca = inspection.open_corrective_action(
            s, actors["qa"], lid, inspection.CorrectiveDraft(owner="刘工", due_on=date(2026, 3, 20),
                                                            problem="批量触点烧蚀"))
        ca_id = ca.id
    with factory() as s, pytest.raises(ValidationError):
        inspection.update_corrective_action(
            s, actors["eng"], ca_id, inspection.CorrectiveDraft(owner="刘工", due_on=date(2026, 3, 20)),
            close=True)  # no verification yet
    with factory() as s:
        assert returns.get_line(s, lid).serious


def test_cancel_needs_a_reason_and_keeps_everything(factory, actors) -> None:
    rid = received(factory, actors)
    with factory() as s, pytest.raises(ValidationError):
        returns.cancel_return(s, actors["wh"], rid, "  ")
    with factory.begin() as s:
        returns.cancel_return(s, actors["wh"], rid, "客户撤回退货")
    with factory() as s:
        rma = returns.get_return(s, rid)
        assert rma.status == "cancelled" and rma.cancel_reason == "客户撤回退货"
        assert s.scalar(select(ReturnLine.status)) == "cancelled"
    with factory() as s, pytest.raises(WorkflowError):
        returns.confirm_by_sales(s, actors["sales"], rid, "x")


def test_close_refused_while_lines_open(factory, actors) -> None:
    rid = approved(factory, actors)
    with factory() as s, pytest.raises(WorkflowError) as err:
        returns.close_return(s, actors["qa"], rid)
    assert err.value.message("en") == "Not every line is finished (1 open): cannot close"


def test_warehouse_corrects_count_before_confirmation_only(factory, actors) -> None:
    rid = received(factory, actors)
    lid = line_ids(factory, rid)[0]
    with factory() as s:
        v = returns.get_line(s, lid).version
    with factory.begin() as s:
        ln = returns.update_line_count(s, actors["wh"], lid, qty_counted=19, expected_version=v)
        assert ln.amount == Decimal("351.50")
    with factory.begin() as s:
        returns.confirm_by_sales(s, actors["sales"], rid, "ok")
    with factory() as s, pytest.raises(WorkflowError):
        returns.update_line_count(s, actors["wh"], lid, qty_counted=18, expected_version=None)
