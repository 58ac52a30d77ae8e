"""Corrections at the desk and the benches, as people do them: Amend… with a reason typed in
the reason dialog, Reopen… by the manager, Close return by QA — and the refusals, disabled
with the reason in the tooltip."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from app.services import corrections, inspection, returns, rework
from db.models import AuditLog, Correction, Return, ReturnLine
from tests.ui.test_window import click, open_window, scan, type_cell, type_text
from tests.unit.services.helpers import approved, decided, draft, line_ids, planned
from ui.corrections import ReasonDialog


@pytest.fixture(autouse=True)
def discard_on_close(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("ui.errors.ask", lambda *a, **k: QMessageBox.StandardButton.Yes)


class Reasons(list):
    """The reasons the person will type, in order; `prompts` what the dialogs asked."""

    prompts: list[str]


@pytest.fixture
def reasons(qtbot, monkeypatch: pytest.MonkeyPatch) -> Reasons:
    """Each reason dialog the station opens is answered by typing the next reason of this
    list into the real dialog and pressing its OK button."""
    answers = Reasons()
    answers.prompts = []

    def answer(parent: Any, title: str, prompt: str) -> str | None:
        answers.prompts.append(prompt)
        dialog = ReasonDialog(parent, title, prompt)
        qtbot.addWidget(dialog)
        dialog.show()
        assert not dialog.okButton.isEnabled()  # no reason, no save
        type_text(qtbot, dialog.reasonEdit, answers.pop(0))
        click(qtbot, dialog.okButton)
        return dialog.reason() if dialog.result() == ReasonDialog.DialogCode.Accepted else None

    monkeypatch.setattr("ui.corrections.ask_reason", answer)
    return answers


def _line(factory: Any, lid: int) -> ReturnLine:
    with factory() as s:
        line = s.get(ReturnLine, lid)
        _ = line.rma.status
        return line


def _trail(factory: Any, entity: str, entity_id: int) -> set[tuple[str, str | None, str | None]]:
    with factory() as s:
        return {(a.field, a.old_value, a.new_value) for a in s.scalars(
            select(AuditLog).where(AuditLog.entity == entity, AuditLog.entity_id == entity_id,
                                   AuditLog.action == "update"))}


def test_reason_dialog_needs_a_reason_and_cancel_gives_none(qtbot) -> None:
    dialog = ReasonDialog(None, "修改", "为什么修改?")
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.okButton.isEnabled() and dialog.okButton.toolTip()
    qtbot.keyClicks(dialog.reasonEdit, "   ")
    assert not dialog.okButton.isEnabled()
    type_text(qtbot, dialog.reasonEdit, "复点少2件")
    assert dialog.okButton.isEnabled() and dialog.reason() == "复点少2件"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == ReasonDialog.DialogCode.Rejected


def test_refund_only_return_is_closed_from_the_desk(qtbot, factory, actors, station_settings) -> None:
    # warehouse registers
    w = open_window(qtbot, factory, actors["wh"], station_settings)
    desk = w.tabs["incoming"]
    type_text(qtbot, desk.ui.customerCombo.lineEdit(), "华东电气设备有限公司")
    scan(qtbot, w, "6901234500016")
    type_cell(qtbot, desk.ui.linesView, 0, desk.lines.column_of("qty_counted"), "20")
    click(qtbot, desk.ui.registerButton)
    with factory() as s:
        line = s.scalars(select(ReturnLine)).one()
        label, lid = line.barcode, line.id
    assert desk.closeReturnButton.isHidden()  # not approved yet: nothing to close
    w.close()
    # sales confirm, the manager approves
    w = open_window(qtbot, factory, actors["sales"], station_settings)
    scan(qtbot, w, label)
    type_text(qtbot, w.tabs["incoming"].ui.requirementsEdit, "退款处理")
    click(qtbot, w.tabs["incoming"].ui.confirmButton)
    w.close()
    w = open_window(qtbot, factory, actors["mgr"], station_settings)
    scan(qtbot, w, label)
    click(qtbot, w.tabs["incoming"].ui.approveButton)
    w.close()
    # QA inspects: the desk's close button says how many lines are not done
    w = open_window(qtbot, factory, actors["qa"], station_settings, tab="inspection")
    scan(qtbot, w, label)
    bench = w.tabs["inspection"]
    type_text(qtbot, bench.ui.findingsEdit, "外观划伤")
    click(qtbot, bench.ui.saveInspectionButton)
    assert not bench.closeReturnButton.isEnabled()
    assert "还有 1 行未完成" in bench.closeReturnButton.toolTip()
    w.close()
    # engineering decides: refund, no rework
    w = open_window(qtbot, factory, actors["eng"], station_settings, tab="inspection")
    scan(qtbot, w, label)
    bench = w.tabs["inspection"]
    type_text(qtbot, bench.ui.finalCauseEdit, "运输划伤,不影响功能")
    bench.ui.liabilityCombo.setFocus()
    qtbot.keyClick(bench.ui.liabilityCombo, Qt.Key.Key_6)
    bench.ui.dispositionCombo.setCurrentIndex(bench.ui.dispositionCombo.findData("refund"))
    qtbot.keyClicks(bench.ui.refundEdit, "100")
    click(qtbot, bench.ui.saveDecisionButton)
    assert _line(factory, lid).status == "done"
    assert not bench.closeReturnButton.isEnabled() and "品质检验" in bench.closeReturnButton.toolTip()
    w.close()
    # QA at the desk: the done line's label opens the return; 结案 is enabled
    w = open_window(qtbot, factory, actors["qa"], station_settings)
    scan(qtbot, w, label)
    assert w.current_tab_key() == "incoming"
    desk = w.tabs["incoming"]
    assert desk.closeReturnButton.text() == "结案"
    assert not desk.amendButton.isEnabled() and "仓管员" in desk.amendButton.toolTip()
    click(qtbot, desk.closeReturnButton)
    line = _line(factory, lid)
    assert (line.rma.status, line.refund_amount) == ("closed", Decimal("370.00"))
    assert desk.ui.approvalMessageLabel.text() == f"退货单 {line.rma.rma_no} 已结案。"
    assert not desk.closeReturnButton.isEnabled()
    w.close()


def test_desk_amend_of_counts_sends_an_approved_return_back(qtbot, factory, actors, station_settings,
                                                            reasons) -> None:
    rid = approved(factory, actors, draft())
    with factory() as s:
        rma_no = returns.get_return(s, rid).rma_no
    w = open_window(qtbot, factory, actors["wh"], station_settings)
    scan(qtbot, w, rma_no)  # the notice's own barcode opens it at the desk
    desk = w.tabs["incoming"]
    assert desk.return_id == rid
    assert desk.amendButton.isEnabled() and desk.saveAmendButton.isHidden()
    counted = desk.lines.column_of("qty_counted")
    assert not desk.lines.flags(desk.lines.index(0, counted)) & Qt.ItemFlag.ItemIsEditable  # read-only
    click(qtbot, desk.amendButton)
    assert desk.saveAmendButton.isVisible() and not desk.ui.approveButton.isEnabled()
    type_cell(qtbot, desk.ui.linesView, 0, counted, "18")
    qtbot.keyClicks(desk.ui.notesEdit, " recount")
    reasons.append("复点少2件")
    click(qtbot, desk.saveAmendButton)
    with factory() as s:
        rma = returns.get_return(s, rid)
        assert (rma.status, rma.approved_by_id, rma.lines[0].qty_counted, rma.lines[0].status) == (
            "received", None, 18, "received")
        assert [(c.step, c.reason) for c in corrections.corrections_of(s, rid)] == [("receipt", "复点少2件")]
        lid = rma.lines[0].id
    assert ("qty_counted", "20", "18") in _trail(factory, "line", lid)
    assert ("status", "approved", "received") in _trail(factory, "return", rid)
    assert "修改已保存" in desk.ui.approvalMessageLabel.text()
    history = desk.correctionsLabel.text()
    assert history.startswith("修改记录:") and "王仓管 · 修改登记: 复点少2件" in history
    assert desk.amendButton.isVisible() and desk.saveAmendButton.isHidden()
    w.close()
    # sales must confirm again
    w = open_window(qtbot, factory, actors["sales"], station_settings)
    scan(qtbot, w, rma_no)
    desk = w.tabs["incoming"]
    assert desk.ui.confirmButton.isEnabled()
    assert desk.ui.salesStateLabel.text() == "销售尚未确认。"
    w.close()


def test_desk_amend_is_refused_once_a_line_is_inspected(qtbot, factory, actors, station_settings) -> None:
    rid = approved(factory, actors, draft())
    lid = line_ids(factory, rid)[0]
    with factory.begin() as s:
        inspection.record_inspection(s, actors["qa"], lid, findings="x", defect_category_id=None,
                                     preliminary_opinion="")
        label = s.get(ReturnLine, lid).barcode
    w = open_window(qtbot, factory, actors["wh"], station_settings)
    w.tabs["incoming"].open_return(rid)
    desk = w.tabs["incoming"]
    assert not desk.amendButton.isEnabled()
    assert "已有 1 行检验过" in desk.amendButton.toolTip()
    assert label
    w.close()


def test_amended_decision_sends_the_line_on_and_the_audit_shows_old_and_new(qtbot, factory, actors,
                                                                           station_settings, reasons) -> None:
    rid, lid = decided(factory, actors, disposition="repair_reship", liability=3, ratio="0")
    label = _line(factory, lid).barcode
    w = open_window(qtbot, factory, actors["eng"], station_settings, tab="inspection")
    scan(qtbot, w, label)  # in rework, but not started: engineering may still amend at the bench
    bench = w.tabs["inspection"]
    assert bench.line_id == lid and not bench.ui.saveDecisionButton.isEnabled()
    assert bench.amendDecisionButton.isEnabled()
    assert not bench.amendInspectionButton.isEnabled()  # QA's
    bench.ui.liabilityCombo.setFocus()
    qtbot.keyClick(bench.ui.liabilityCombo, Qt.Key.Key_2)
    bench.ui.dispositionCombo.setCurrentIndex(bench.ui.dispositionCombo.findData("refund"))
    bench.ui.refundEdit.selectAll()
    qtbot.keyClicks(bench.ui.refundEdit, "100")
    reasons.append("复核为来料问题")
    click(qtbot, bench.amendDecisionButton)
    line = _line(factory, lid)
    assert (line.status, line.liability_code, line.disposition, line.refund_amount) == (
        "done", 2, "refund", Decimal("370.00"))
    trail = _trail(factory, "line", lid)
    assert {("liability_code", "3", "2"), ("disposition", "repair_reship", "refund"),
            ("status", "rework", "done"), ("refund_amount", "0.00", "370.00")} <= trail
    with factory() as s:
        assert [(c.step, c.reason) for c in s.scalars(select(Correction))] == [("decision", "复核为来料问题")]
    assert reasons.prompts == ["为什么修改判定?"]
    assert "判定已修改" in bench.ui.decisionMessageLabel.text()
    w.close()


def test_amended_inspection_at_the_bench_sends_a_decided_line_back(qtbot, factory, actors, station_settings,
                                                                 reasons) -> None:
    rid, lid = decided(factory, actors, disposition="refund", liability=3, ratio="1")
    w = open_window(qtbot, factory, actors["qa"], station_settings, tab="inspection")
    scan(qtbot, w, _line(factory, lid).barcode)  # a done line scanned at the bench opens there
    bench = w.tabs["inspection"]
    assert w.current_tab_key() == "inspection" and bench.line_id == lid
    bench.ui.findingsEdit.selectAll()
    type_text(qtbot, bench.ui.findingsEdit, "外壳裂纹")
    reasons.append("漏检外壳")
    click(qtbot, bench.amendInspectionButton)
    line = _line(factory, lid)
    assert (line.status, line.findings, line.disposition) == ("decision", "外壳裂纹", None)
    assert ("disposition", "refund", None) in _trail(factory, "line", lid)
    w.close()


def test_rework_amend_after_finish_goes_back_to_rework(qtbot, factory, actors, station_settings,
                                                       reasons) -> None:
    rid, lid = planned(factory, actors)
    with factory.begin() as s:
        rework.book_rework_costs(s, actors["pmc"], lid, materials=[rework.MaterialEntry("动触点", 2, "1.25")],
                                 labour=[])
        rework.finish_rework(s, actors["pmc"], lid)
    w = open_window(qtbot, factory, actors["pmc"], station_settings)
    w.tabs["rework"].open_line(lid)
    tab = w.tabs["rework"]
    assert not tab.ui.addMaterialButton.isEnabled()  # finished: the tables are read-only
    click(qtbot, tab.amendButton)
    assert tab.ui.addMaterialButton.isEnabled() and tab.saveAmendButton.isVisible()
    type_cell(qtbot, tab.ui.materialsView, 0, tab.materials.column_of("qty"), "3")
    reasons.append("漏记一个触点")
    click(qtbot, tab.saveAmendButton)
    line = _line(factory, lid)
    assert (line.status, line.material_cost) == ("rework", Decimal("3.75"))
    assert ("material_cost", "2.50", "3.75") in _trail(factory, "line", lid)
    with factory() as s:  # the table is saved as it stands: the old row's values stay in the trail
        rows = [(a.action, json.loads(a.old_value or a.new_value)["qty"]) for a in s.scalars(
            select(AuditLog).where(AuditLog.entity == "material").order_by(AuditLog.id))]
    assert rows == [("insert", "2.000"), ("delete", "2.000"), ("insert", "3.000")]  # measured, 3 places
    assert tab.ui.finishButton.isEnabled()  # finish it again
    w.close()


def test_reopen_by_the_manager_then_the_decision_is_amended(qtbot, factory, actors, station_settings,
                                                            reasons) -> None:
    rid, lid = decided(factory, actors, disposition="refund", liability=3, ratio="1")
    with factory.begin() as s:
        returns.close_return(s, actors["qa"], rid)
    label = _line(factory, lid).barcode
    w = open_window(qtbot, factory, actors["eng"], station_settings, tab="inspection")
    scan(qtbot, w, label)
    bench = w.tabs["inspection"]
    assert not bench.amendDecisionButton.isEnabled()
    assert "已结案" in bench.amendDecisionButton.toolTip()
    assert not bench.reopenButton.isEnabled() and "总经理/主管" in bench.reopenButton.toolTip()
    w.close()
    w = open_window(qtbot, factory, actors["mgr"], station_settings)
    scan(qtbot, w, label)
    desk = w.tabs["incoming"]
    assert desk.reopenButton.isVisible()
    reasons.append("退款比例需复核")
    click(qtbot, desk.reopenButton)
    with factory() as s:
        assert s.get(Return, rid).status == "approved"
    assert desk.reopenButton.isHidden()
    w.close()
    w = open_window(qtbot, factory, actors["eng"], station_settings, tab="inspection")
    scan(qtbot, w, label)
    bench = w.tabs["inspection"]
    bench.ui.refundEdit.selectAll()
    qtbot.keyClicks(bench.ui.refundEdit, "50")
    reasons.append("协商五折")
    click(qtbot, bench.amendDecisionButton)
    assert _line(factory, lid).refund_amount == Decimal("185.00")
    w.close()


def test_manager_reopens_a_reinspected_line_at_the_rework_tab(qtbot, factory, actors, station_settings,
                                                              reasons) -> None:
    rid, lid = planned(factory, actors)
    with factory.begin() as s:
        rework.finish_rework(s, actors["pmc"], lid)
        rework.record_reinspection(s, actors["qa"], lid, qualified=20, unqualified=0, scrapped=0)
    w = open_window(qtbot, factory, actors["mgr"], station_settings, tab="rework")
    scan(qtbot, w, _line(factory, lid).barcode)
    tab = w.tabs["rework"]
    assert w.current_tab_key() == "rework" and tab.line_id == lid
    assert not tab.ui.closeReturnButton.isEnabled()  # QA closes, not the manager
    reasons.append("复检数量录错")
    click(qtbot, tab.reopenButton)
    assert _line(factory, lid).status == "reinspection"
    w.close()


def test_closing_is_refused_while_a_line_is_in_rework(qtbot, factory, actors, station_settings) -> None:
    rid, lid = planned(factory, actors)
    w = open_window(qtbot, factory, actors["qa"], station_settings)
    w.tabs["incoming"].open_return(rid)
    desk = w.tabs["incoming"]
    assert desk.closeReturnButton.isVisible() and not desk.closeReturnButton.isEnabled()
    assert desk.closeReturnButton.toolTip() == "还有 1 行未完成,不能结案"
    w.close()


def test_desk_amend_conflict_names_the_other_user_and_keeps_the_input(qtbot, factory, actors, station_settings,
                                                                      reasons) -> None:
    from tests.unit.services.helpers import received

    rid = received(factory, actors, draft())
    with factory() as s:
        rma_no = returns.get_return(s, rid).rma_no
    w = open_window(qtbot, factory, actors["wh"], station_settings)
    scan(qtbot, w, rma_no)
    desk = w.tabs["incoming"]
    click(qtbot, desk.amendButton)
    counted = desk.lines.column_of("qty_counted")
    type_cell(qtbot, desk.ui.linesView, 0, counted, "18")
    with factory.begin() as s:  # meanwhile sales confirm at another station
        returns.confirm_by_sales(s, actors["sales"], rid, "换货")
    reasons.append("复点少2件")
    click(qtbot, desk.saveAmendButton)
    assert "李销售" in desk.ui.approvalMessageLabel.text()
    assert desk.lines.rows[0]["qty_counted"] == "18"  # the input is kept
    assert desk.saveAmendButton.isVisible()
    with factory() as s:
        assert returns.get_return(s, rid).lines[0].qty_counted == 20
        assert s.scalars(select(Correction)).all() == []
    w.close()


def test_new_buttons_and_their_reasons_follow_the_language(qtbot, factory, actors, station_settings,
                                                           switch_language) -> None:
    rid = approved(factory, actors, draft())
    w = open_window(qtbot, factory, actors["qa"], station_settings)
    desk = w.tabs["incoming"]
    desk.open_return(rid)
    assert (desk.amendButton.text(), desk.closeReturnButton.text()) == ("修改…", "结案")
    switch_language("en")
    assert (desk.amendButton.text(), desk.closeReturnButton.text()) == ("Amend…", "Close return")
    assert desk.closeReturnButton.toolTip() == "Not every line is finished (1 open): cannot close"
    assert desk.amendButton.toolTip() == "Needs the role: Warehouse keeper"
    w.close()
