"""Corrections (修改): each amend by its owning role while its step is still open, reopen by
the manager, closing the return; every one with a reason and the old and new values in the
audit trail. On both backends."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from app.errors import ConflictError, ValidationError, WorkflowError
from app.services import corrections, inspection, returns, rework
from app.services.corrections import HeaderAmend, LineAmend
from app.services.returns import LineDraft
from db.models import AuditLog, Correction, LiaisonNote, ReturnLine
from tests.unit.services.helpers import approved, decided, draft, line_ids, planned, received


def _header(s, rid: int, **kw) -> HeaderAmend:
    rma = returns.get_return(s, rid)
    values = dict(customer=rma.customer_id, arrival_method=rma.arrival_method, received_on=rma.received_on,
                  order_no=rma.order_no, delivery_no=rma.delivery_no, invoice_no=rma.invoice_no,
                  storage_location=rma.storage_location, urgency=rma.urgency, notes=rma.notes)
    values.update(kw)
    return HeaderAmend(**values)


def _lines(s, rid: int, **changes) -> list[LineAmend]:
    """The return's lines as the desk would send them back, the first one with `changes`."""
    out = []
    for i, ln in enumerate(returns.get_return(s, rid).lines):
        d = LineDraft(model=ln.product.model, qty_counted=ln.qty_counted, qty_announced=ln.qty_announced,
                      lot_no=ln.lot_no, manufacture_date=ln.manufacture_date, unit_price=str(ln.unit_price),
                      customer_reason=ln.customer_reason, is_our_product=ln.is_our_product,
                      condition=ln.condition)
        if i == 0:
            for k, v in changes.items():
                setattr(d, k, v)
        out.append(LineAmend(draft=d, line_id=ln.id, expected_version=ln.version))
    return out


def _trail(s, entity: str, entity_id: int) -> set[tuple[str, str, str | None, str | None]]:
    return {(a.user_login, a.field, a.old_value, a.new_value) for a in s.scalars(
        select(AuditLog).where(AuditLog.entity == entity, AuditLog.entity_id == entity_id,
                               AuditLog.action == "update"))}


def _corrections(s, rid: int) -> list[tuple[str, str, int | None]]:
    return [(c.step, c.reason, c.line_id) for c in corrections.corrections_of(s, rid)]


# ---------------------------------------------------------------- the receipt


def test_header_only_amend_keeps_the_approval(factory, actors) -> None:
    rid = approved(factory, actors)
    with factory.begin() as s:
        corrections.amend_receipt(s, actors["wh"], rid, header=_header(s, rid, storage_location="隔离区B-02",
                                  notes="换库位"), lines=_lines(s, rid), reason="库位登记错")
    with factory() as s:
        rma = returns.get_return(s, rid)
        assert (rma.status, rma.storage_location, rma.approved_by_id) == (
            "approved", "隔离区B-02", actors["mgr"].user_id)
        assert rma.lines[0].status == "inspection"
        assert _corrections(s, rid) == [("receipt", "库位登记错", None)]
        assert ("wh", "storage_location", "隔离区A-01", "隔离区B-02") in _trail(s, "return", rid)


def test_counts_change_on_an_approved_return_sends_it_back_to_sales_and_manager(factory, actors) -> None:
    rid = approved(factory, actors)
    with factory() as s:
        version = returns.get_return(s, rid).version
    with factory.begin() as s:
        corrections.amend_receipt(s, actors["wh"], rid, header=_header(s, rid),
                                  lines=_lines(s, rid, qty_counted=18), reason="复点少2件",
                                  expected_version=version)
    with factory() as s:
        rma = returns.get_return(s, rid)
        line = rma.lines[0]
        assert rma.status == "received"
        assert (rma.sales_confirmed_by_id, rma.approved_by_id, rma.approved_at) == (None, None, None)
        assert (line.status, line.due_on, line.qty_counted, line.amount) == ("received", None, 18,
                                                                             Decimal("333.00"))
        trail = _trail(s, "return", rid)
        assert ("wh", "status", "approved", "received") in trail
        assert ("wh", "sales_confirmed_by_id", str(actors["sales"].user_id), None) in trail
        assert ("wh", "approved_by_id", str(actors["mgr"].user_id), None) in trail
        line_trail = _trail(s, "line", line.id)
        assert ("wh", "qty_counted", "20", "18") in line_trail
        assert ("wh", "amount", "370.00", "333.00") in line_trail
    # the manager cannot approve before sales confirm again; then both sign again
    with factory.begin() as s, pytest.raises(WorkflowError):
        returns.approve(s, actors["mgr"], rid, "同意")
    with factory.begin() as s:
        returns.confirm_by_sales(s, actors["sales"], rid, "按复点数量处理")
    with factory.begin() as s:
        returns.approve(s, actors["mgr"], rid, "同意")
    with factory() as s:
        assert returns.get_return(s, rid).lines[0].status == "inspection"


def test_price_change_on_a_confirmed_return_sends_it_back(factory, actors) -> None:
    rid = received(factory, actors)
    with factory.begin() as s:
        returns.confirm_by_sales(s, actors["sales"], rid, "换货")
    with factory.begin() as s:
        corrections.amend_receipt(s, actors["wh"], rid, header=_header(s, rid),
                                  lines=_lines(s, rid, unit_price="17.00"), reason="单价按合同")
    with factory() as s:
        rma = returns.get_return(s, rid)
        assert (rma.status, rma.lines[0].amount) == ("received", Decimal("340.00"))


def test_adding_and_removing_lines_at_the_desk(factory, actors) -> None:
    rid = received(factory, actors, draft(LineDraft(model="DZ47-63 C16", qty_counted=20),
                                          LineDraft(model="DZ47-63 C32", qty_counted=2)))
    with factory.begin() as s:
        lines = _lines(s, rid)[:1] + [LineAmend(draft=LineDraft(model="CJX2-1810 220V", qty_counted=1))]
        corrections.amend_receipt(s, actors["wh"], rid, header=_header(s, rid), lines=lines,
                                  reason="第2行型号登记错")
    with factory() as s:
        rma = returns.get_return(s, rid)
        assert [(ln.line_no, ln.barcode, ln.status) for ln in rma.lines] == [
            (1, "RMA-2026-000001-1", "received"), (2, "RMA-2026-000001-2", "cancelled"),
            (3, "RMA-2026-000001-3", "received")]


def test_a_notice_keeps_at_least_one_line(factory, actors) -> None:
    rid = received(factory, actors, draft(LineDraft(model="DZ47-63 C16", qty_counted=20),
                                          LineDraft(model="DZ47-63 C32", qty_counted=2)))
    with factory.begin() as s:
        corrections.amend_receipt(s, actors["wh"], rid, header=_header(s, rid), lines=_lines(s, rid)[1:],
                                  reason="第1行登记错")
    with factory() as s:
        lines = [a for a in _lines(s, rid) if s.get(ReturnLine, a.line_id).status == "cancelled"]
        with pytest.raises(ValidationError) as err:  # only the cancelled line would be left
            corrections.amend_receipt(s, actors["wh"], rid, header=_header(s, rid), lines=lines, reason="x")
    assert err.value.key == "no_lines"


def test_receipt_amend_refused_by_role_after_inspection_and_without_reason(factory, actors) -> None:
    rid = approved(factory, actors)
    lid = line_ids(factory, rid)[0]
    with factory() as s:
        with pytest.raises(WorkflowError) as role:
            corrections.amend_receipt(s, actors["qa"], rid, header=_header(s, rid), lines=_lines(s, rid),
                                      reason="x")
        assert role.value.key == "wrong_role"
        with pytest.raises(ValidationError) as no_reason:
            corrections.amend_receipt(s, actors["admin"], rid, header=_header(s, rid), lines=_lines(s, rid),
                                      reason="  ")
        assert no_reason.value.field == "correction_reason"
    with factory.begin() as s:
        inspection.record_inspection(s, actors["qa"], lid, findings="烧蚀", defect_category_id=None,
                                     preliminary_opinion="")
    with factory() as s, pytest.raises(WorkflowError) as late:
        corrections.amend_receipt(s, actors["wh"], rid, header=_header(s, rid), lines=_lines(s, rid),
                                  reason="复点")
    assert late.value.key == "amend_after_inspection"
    assert "1 行检验过" in late.value.message("zh")


def test_receipt_amend_conflict_names_who_changed_it(factory, actors) -> None:
    rid = received(factory, actors)
    with factory() as s:
        version = returns.get_return(s, rid).version
    with factory.begin() as s:
        returns.confirm_by_sales(s, actors["sales"], rid, "换货")
    with factory() as s, pytest.raises(ConflictError) as err:
        corrections.amend_receipt(s, actors["wh"], rid, header=_header(s, rid), lines=_lines(s, rid),
                                  reason="复点", expected_version=version)
    assert "李销售" in err.value.message("zh")


# ---------------------------------------------------------------- inspection and decision


def test_amended_decision_changes_status_and_refund_and_the_audit_shows_both(factory, actors) -> None:
    rid, lid = decided(factory, actors, disposition="repair_reship", liability=3, ratio="0")
    with factory() as s:
        line = s.get(ReturnLine, lid)
        assert (line.status, line.refund_amount) == ("rework", Decimal("0.00"))
        version = line.version
    with factory.begin() as s:
        corrections.amend_decision(s, actors["eng"], lid, final_cause="来料触点不良", liability_code=2,
                                   disposition="refund", refund_ratio="1", reason="复核为来料问题",
                                   expected_version=version)
    with factory() as s:
        line = s.get(ReturnLine, lid)
        assert (line.status, line.liability_code, line.disposition) == ("done", 2, "refund")
        assert (line.refund_amount, line.loss_cost, line.rework_qty, line.due_on) == (
            Decimal("370.00"), Decimal("370.00"), None, None)
        trail = _trail(s, "line", lid)
        assert ("eng", "liability_code", "3", "2") in trail
        assert ("eng", "disposition", "repair_reship", "refund") in trail
        assert ("eng", "status", "rework", "done") in trail
        assert ("eng", "refund_amount", "0.00", "370.00") in trail
        assert _corrections(s, rid) == [("decision", "复核为来料问题", lid)]
        correction = s.scalars(select(Correction)).one()
        assert correction.by_id == actors["eng"].user_id and correction.at is not None
        inserted = s.scalars(select(AuditLog).where(AuditLog.entity == "correction")).one()
        assert "复核为来料问题" in inserted.new_value


def test_amended_decision_to_customer_misuse_raises_the_liaison_note(factory, actors) -> None:
    rid, lid = decided(factory, actors, disposition="refund", liability=3, ratio="1")
    with factory.begin() as s:
        corrections.amend_decision(s, actors["eng"], lid, final_cause="客户接线错误", liability_code=1,
                                   disposition="return_customer", refund_ratio="0", reason="复核")
    with factory() as s:
        line = s.get(ReturnLine, lid)
        assert (line.status, line.refund_amount) == ("done", Decimal("0.00"))
        assert [n.reason for n in s.scalars(select(LiaisonNote))] == ["customer_misuse"]


def test_decision_rules_apply_to_an_amend(factory, actors) -> None:
    rid, lid = decided(factory, actors)
    with factory() as s, pytest.raises(ValidationError) as err:
        corrections.amend_decision(s, actors["eng"], lid, final_cause="x", liability_code=3,
                                   disposition="return_supplier", refund_ratio="0", reason="复核")
    assert err.value.field == "liability_code"


def test_amend_decision_and_inspection_refused_by_role_and_once_rework_started(factory, actors) -> None:
    rid, lid = planned(factory, actors)
    with factory() as s:
        with pytest.raises(WorkflowError) as role:
            corrections.amend_decision(s, actors["qa"], lid, final_cause="x", liability_code=3,
                                       disposition="refund", refund_ratio="1", reason="r")
        assert role.value.key == "wrong_role"
        with pytest.raises(WorkflowError) as started:
            corrections.amend_decision(s, actors["eng"], lid, final_cause="x", liability_code=3,
                                       disposition="refund", refund_ratio="1", reason="r")
        assert started.value.key == "amend_after_rework"
        with pytest.raises(WorkflowError) as started2:
            corrections.amend_inspection(s, actors["qa"], lid, findings="x", defect_category_id=None,
                                         preliminary_opinion="", reason="r")
        assert started2.value.key == "amend_after_rework"
        with pytest.raises(WorkflowError) as eng:
            corrections.amend_inspection(s, actors["eng"], lid, findings="x", defect_category_id=None,
                                         preliminary_opinion="", reason="r")
        assert eng.value.key == "wrong_role"


def test_amended_inspection_of_a_decided_line_sends_it_back_to_the_decision(factory, actors) -> None:
    rid, lid = decided(factory, actors, disposition="scrap", liability=3, ratio="0")
    with factory.begin() as s:
        corrections.amend_inspection(s, actors["qa"], lid, findings="外壳裂纹,触点正常", defect_category_id=1,
                                     preliminary_opinion="运输损坏", reason="漏检外壳")
    with factory() as s:
        line = s.get(ReturnLine, lid)
        assert (line.status, line.findings, line.disposition, line.decided_at, line.qty_scrapped) == (
            "decision", "外壳裂纹,触点正常", None, None, None)
        trail = _trail(s, "line", lid)
        assert ("qa", "disposition", "scrap", None) in trail
        assert ("qa", "findings", "触点烧蚀", "外壳裂纹,触点正常") in trail
    with factory.begin() as s:  # engineering decides again
        inspection.decide(s, actors["eng"], lid, final_cause="运输挤压", liability_code=6,
                          disposition="refund", refund_ratio="0.5")
    with factory() as s:
        assert s.get(ReturnLine, lid).status == "done"


def test_inspection_not_yet_recorded_cannot_be_amended(factory, actors) -> None:
    rid = approved(factory, actors)
    lid = line_ids(factory, rid)[0]
    with factory() as s, pytest.raises(WorkflowError):
        corrections.amend_inspection(s, actors["qa"], lid, findings="x", defect_category_id=None,
                                     preliminary_opinion="", reason="r")


# ---------------------------------------------------------------- rework


def test_amend_rework_records_the_reason_and_sends_a_finished_rework_back(factory, actors) -> None:
    rid, lid = planned(factory, actors)
    with factory.begin() as s:
        rework.book_rework_costs(s, actors["pmc"], lid, materials=[rework.MaterialEntry("动触点", 2, "1.25")],
                                 labour=[rework.LabourEntry("小王", "1.5", "32.00")])
    with factory.begin() as s:
        rework.finish_rework(s, actors["pmc"], lid)
    with factory.begin() as s:
        corrections.amend_rework(s, actors["pmc"], lid, reason="漏记一个触点",
                                 materials=[rework.MaterialEntry("动触点", 3, "1.25")])
    with factory() as s:
        line = s.get(ReturnLine, lid)
        assert (line.status, line.rework_done_at, line.material_cost, line.labour_cost) == (
            "rework", None, Decimal("3.75"), Decimal("48.00"))
        assert _corrections(s, rid) == [("rework", "漏记一个触点", lid)]
    with factory() as s, pytest.raises(WorkflowError):
        corrections.amend_rework(s, actors["qa"], lid, reason="x", planned_on=date(2026, 3, 7))


def test_rework_cannot_be_amended_after_reinspection_until_reopened(factory, actors) -> None:
    rid, lid = planned(factory, actors)
    with factory.begin() as s:
        rework.finish_rework(s, actors["pmc"], lid)
    with factory.begin() as s:
        rework.record_reinspection(s, actors["qa"], lid, qualified=20, unqualified=0, scrapped=0)
    with factory() as s, pytest.raises(WorkflowError):
        corrections.amend_rework(s, actors["pmc"], lid, reason="x", planned_on=date(2026, 3, 7))
    with factory.begin() as s:
        returns.close_return(s, actors["qa"], rid)
    # the manager reopens: the return is approved again, the line awaits re-inspection
    with factory() as s, pytest.raises(WorkflowError):
        corrections.reopen_line(s, actors["qa"], lid, reason="复检数量录错")
    with factory.begin() as s:
        corrections.reopen_line(s, actors["mgr"], lid, reason="复检数量录错")
    with factory() as s:
        line = s.get(ReturnLine, lid)
        assert (line.status, line.qty_qualified, line.rma.status) == ("reinspection", None, "approved")
    with factory.begin() as s:
        rework.record_reinspection(s, actors["qa"], lid, qualified=18, unqualified=1, scrapped=1)
    with factory() as s:
        line = s.get(ReturnLine, lid)
        assert (line.status, line.scrapped_value) == ("done", Decimal("18.50"))
        assert [c[0] for c in _corrections(s, rid)] == ["reopen_line"]


# ---------------------------------------------------------------- reopen and close


def test_reopen_a_closed_return_then_amend_the_decision(factory, actors) -> None:
    rid, lid = decided(factory, actors, disposition="refund", liability=3, ratio="1")
    with factory.begin() as s:
        returns.close_return(s, actors["qa"], rid)
    with factory() as s, pytest.raises(WorkflowError):  # closed: amend needs a reopen first
        corrections.amend_decision(s, actors["eng"], lid, final_cause="x", liability_code=3,
                                   disposition="refund", refund_ratio="0.5", reason="r")
    with factory() as s, pytest.raises(ValidationError):
        corrections.reopen_return(s, actors["mgr"], rid, reason="")
    with factory.begin() as s:
        corrections.reopen_return(s, actors["mgr"], rid, reason="退款比例需复核")
    with factory.begin() as s:
        corrections.amend_decision(s, actors["eng"], lid, final_cause="部分责任", liability_code=3,
                                   disposition="refund", refund_ratio="0.5", reason="与客户协商五折")
    with factory() as s:
        line = s.get(ReturnLine, lid)
        assert (line.rma.status, line.refund_amount) == ("approved", Decimal("185.00"))
        assert [c[:2] for c in _corrections(s, rid)] == [("reopen_return", "退款比例需复核"),
                                                         ("decision", "与客户协商五折")]
        assert ("mgr", "status", "closed", "approved") in _trail(s, "return", rid)
    with factory.begin() as s:
        returns.close_return(s, actors["qa"], rid)


def test_reopen_a_decided_line_in_rework_back_to_the_decision(factory, actors) -> None:
    rid, lid = planned(factory, actors)
    with factory() as s, pytest.raises(WorkflowError):
        corrections.reopen_return(s, actors["mgr"], rid, reason="x")  # not closed
    with factory.begin() as s:
        corrections.reopen_line(s, actors["admin"], lid, reason="处置需改为退款")
    with factory() as s:
        line = s.get(ReturnLine, lid)
        assert (line.status, line.disposition, line.rework_planned_on) == ("decision", None, None)
        assert corrections.line_corrections(line).reopen is not None  # nothing left to reopen
    with factory.begin() as s:
        inspection.decide(s, actors["eng"], lid, final_cause="x", liability_code=3, disposition="refund",
                          refund_ratio="1")


def test_close_with_a_refund_only_line_and_a_cancelled_one(factory, actors) -> None:
    rid = received(factory, actors, draft(LineDraft(model="DZ47-63 C16", qty_counted=20),
                                          LineDraft(model="DZ47-63 C32", qty_counted=2)))
    with factory.begin() as s:  # the second line was registered by mistake
        corrections.amend_receipt(s, actors["wh"], rid, header=_header(s, rid), lines=_lines(s, rid)[:1],
                                  reason="第2行不是本次退货")
    with factory.begin() as s:
        returns.confirm_by_sales(s, actors["sales"], rid, "退款")
    with factory.begin() as s:
        returns.approve(s, actors["mgr"], rid, "同意")
    lid = line_ids(factory, rid)[0]
    with factory.begin() as s:
        inspection.record_inspection(s, actors["qa"], lid, findings="x", defect_category_id=None,
                                     preliminary_opinion="")
    with factory() as s:
        assert corrections.return_corrections(returns.get_return(s, rid)).close.key == "not_all_done"
    with factory.begin() as s:
        inspection.decide(s, actors["eng"], lid, final_cause="x", liability_code=3, disposition="refund",
                          refund_ratio="1")
    with factory() as s:
        with pytest.raises(WorkflowError) as mgr:
            returns.close_return(s, actors["mgr"], rid)
        assert mgr.value.key == "wrong_role"
        assert corrections.return_corrections(returns.get_return(s, rid)).close is None
    with factory.begin() as s:
        returns.close_return(s, actors["qa"], rid)
    with factory() as s:
        assert returns.get_return(s, rid).status == "closed"


def test_closing_is_refused_while_a_line_is_in_rework(factory, actors) -> None:
    rid, lid = planned(factory, actors)
    with factory() as s, pytest.raises(WorkflowError) as err:
        returns.close_return(s, actors["admin"], rid)
    assert err.value.key == "not_all_done"
    assert err.value.message("zh") == "还有 1 行未完成,不能结案"
