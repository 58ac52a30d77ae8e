"""One return walked through every tab of the station, as the people at each desk would:
registered at the warehouse desk with a scanned product label, confirmed by sales,
approved by the manager, inspected and coded at the QA bench by scanning its line label,
reworked with materials and hours, re-inspected and closed. Each step is checked in the
database and on the screen. Then the paths that must not lose input: a refusal, an edit
conflict with another user, and a database that goes away and comes back."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import select

from app.errors import DatabaseUnavailable
from app.services import inspection
from db.models import LiaisonNote, Return, ReturnLine, ReworkLabour, ReworkMaterial
from tests.ui.test_window import click, open_window, scan, type_cell, type_text
from ui.models.drafts import ERROR_BG


@pytest.fixture(autouse=True)
def discard_on_close(monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows left with typed input are closed at the end of a test: answer "discard"
    instead of opening a modal box that nobody would answer."""
    monkeypatch.setattr("ui.errors.ask", lambda *a, **k: QMessageBox.StandardButton.Yes)


def _line(factory: Any) -> ReturnLine:
    with factory() as s:
        line = s.scalars(select(ReturnLine)).one()
        _ = line.rma.status
        return line


def test_one_return_through_every_tab(qtbot, factory, actors, station_settings) -> None:
    printed: list[int] = []

    # ---- warehouse desk: register with a scanned product label
    w = open_window(qtbot, factory, actors["wh"], station_settings, print_hook=printed.append)
    assert list(w.tabs) == ["incoming"]
    desk = w.tabs["incoming"]
    assert w.current_tab_key() == "incoming"
    type_text(qtbot, desk.ui.customerCombo.lineEdit(), "华东电气设备有限公司")
    qtbot.keyClicks(desk.ui.orderEdit, "SO2603-118")
    type_text(qtbot, desk.ui.locationCombo.lineEdit(), "隔离区A-01")
    scan(qtbot, w, "6901234500016")
    lines = desk.lines
    assert lines.rows[0]["model"] == "DZ47-63 C16"
    assert lines.rows[0]["unit_price"] == "18.50"
    counted = lines.column_of("qty_counted")
    type_cell(qtbot, desk.ui.linesView, 0, counted, "12.5")
    assert lines.data(lines.index(0, counted), Qt.ItemDataRole.BackgroundRole).color() == ERROR_BG
    assert "必须是正整数" in desk.ui.linesMessageLabel.text()
    click(qtbot, desk.ui.registerButton)
    with factory() as s:
        assert s.scalars(select(Return)).all() == []  # refused: nothing half-saved
    assert desk.ui.customerCombo.currentText() == "华东电气设备有限公司"  # input kept
    type_cell(qtbot, desk.ui.linesView, 0, counted, "20")
    type_cell(qtbot, desk.ui.linesView, 0, lines.column_of("qty_announced"), "20")
    type_cell(qtbot, desk.ui.linesView, 0, lines.column_of("customer_reason"), "通电后不动作")
    assert desk.ui.linesMessageLabel.text() == ""
    assert "¥370.00" in desk.ui.totalsLabel.text()
    click(qtbot, desk.ui.registerButton)
    line = _line(factory)
    assert line.rma.rma_no.endswith("-000001")
    assert (line.product.model, line.qty_counted, line.amount) == ("DZ47-63 C16", 20, Decimal("370.00"))
    assert line.rma.storage_location == "隔离区A-01" and line.rma.order_no == "SO2603-118"
    label = line.barcode
    assert desk.ui.titleLabel.text() == line.rma.rma_no
    assert desk.list_model.row_of(line.rma.id) == 0
    click(qtbot, desk.ui.printButton)
    assert printed == [line.rma.id]
    w.close()

    # ---- sales: the line label opens the return at the desk
    w = open_window(qtbot, factory, actors["sales"], station_settings)
    assert "inspection" not in w.tabs
    scan(qtbot, w, label)
    desk = w.tabs["incoming"]
    assert w.current_tab_key() == "incoming" and desk.return_id == line.rma.id
    assert not desk.ui.approveButton.isEnabled()
    type_text(qtbot, desk.ui.requirementsEdit, "按质保条款换货")
    click(qtbot, desk.ui.confirmButton)
    assert _line(factory).rma.status == "confirmed"
    assert "李销售" in desk.ui.salesStateLabel.text()
    w.close()

    # ---- manager approves: the line goes to the QA bench
    w = open_window(qtbot, factory, actors["mgr"], station_settings)
    scan(qtbot, w, label)
    click(qtbot, w.tabs["incoming"].ui.approveButton)
    line = _line(factory)
    assert (line.rma.status, line.status) == ("approved", "inspection")
    assert "张总" in w.tabs["incoming"].ui.approvalStateLabel.text()
    w.close()

    # ---- QA bench: the scanner fires while the cursor is in the search field
    w = open_window(qtbot, factory, actors["qa"], station_settings, tab="inspection")
    bench = w.tabs["inspection"]
    assert bench.model.row_of(line.id) == 0
    bench.ui.searchEdit.setFocus()
    qtbot.keyClicks(bench.ui.searchEdit, label)
    qtbot.keyClick(bench.ui.searchEdit, Qt.Key.Key_Return)
    assert bench.ui.searchEdit.text() == ""  # the burst went to the scan, not into the field
    assert bench.ui.titleLabel.text() == label
    assert not bench.ui.saveDecisionButton.isEnabled()
    assert "技术部" in bench.ui.saveDecisionButton.toolTip()
    type_text(qtbot, bench.ui.findingsEdit, "通电后触点不吸合")
    bench.ui.defectCombo.setFocus()
    type_text(qtbot, bench.ui.defectCombo, bench.ui.defectCombo.itemText(1)[0])
    type_text(qtbot, bench.ui.opinionEdit, "制造不良,建议返修")
    click(qtbot, bench.ui.saveInspectionButton)
    line = _line(factory)
    assert (line.status, line.findings, line.defect_category_id) == ("decision", "通电后触点不吸合",
                                                                     bench.ui.defectCombo.itemData(1))
    assert "检验已保存" in bench.ui.inspectionMessageLabel.text()
    w.close()

    # ---- engineering codes the liability by typing its digit
    w = open_window(qtbot, factory, actors["eng"], station_settings, tab="inspection")
    scan(qtbot, w, label)
    bench = w.tabs["inspection"]
    type_text(qtbot, bench.ui.finalCauseEdit, "焊接温度偏低,虚焊")
    bench.ui.liabilityCombo.setFocus()
    qtbot.keyClick(bench.ui.liabilityCombo, Qt.Key.Key_3)
    assert bench.ui.liabilityCombo.currentText() == "3 制造"
    bench.ui.dispositionCombo.setFocus()
    type_text(qtbot, bench.ui.dispositionCombo, "修")
    assert bench.ui.dispositionCombo.currentData() == "repair_reship"
    qtbot.keyClicks(bench.ui.refundEdit, "0")
    click(qtbot, bench.ui.saveDecisionButton)
    line = _line(factory)
    assert (line.status, line.liability_code, line.disposition) == ("rework", 3, "repair_reship")
    assert bench.ui.decidedByLabel.text().startswith("刘工")
    w.close()

    # ---- production planner: materials and hours, running total, finish
    w = open_window(qtbot, factory, actors["pmc"], station_settings)
    scan(qtbot, w, label)
    assert w.current_tab_key() == "rework"
    rework = w.tabs["rework"]
    click(qtbot, rework.ui.addMaterialButton)
    mats = rework.materials
    type_cell(qtbot, rework.ui.materialsView, 0, mats.column_of("code"), "M-0101")
    type_cell(qtbot, rework.ui.materialsView, 0, mats.column_of("name"), "动触点")
    type_cell(qtbot, rework.ui.materialsView, 0, mats.column_of("qty"), "2")
    type_cell(qtbot, rework.ui.materialsView, 0, mats.column_of("unit_cost"), "1.25")
    click(qtbot, rework.ui.addLabourButton)
    type_cell(qtbot, rework.ui.labourView, 0, rework.labour.column_of("worker"), "小王")
    type_cell(qtbot, rework.ui.labourView, 0, rework.labour.column_of("hours"), "1.5")
    assert rework.labour.rows[0]["hourly_rate"] == "32.00"  # the shared labour rate
    assert rework.ui.totalLabel.text() == "材料 ¥2.50 + 人工 ¥48.00(1.5 小时)+ 其他 ¥0.00 = ¥50.50"
    click(qtbot, rework.ui.finishButton)
    line = _line(factory)
    assert line.status == "reinspection" and line.rework_planned_on is not None
    assert (line.material_cost, line.labour_cost) == (Decimal("2.50"), Decimal("48.00"))
    with factory() as s:
        assert [(m.name, m.qty) for m in s.scalars(select(ReworkMaterial))] == [("动触点", 2)]
        assert [lb.hours for lb in s.scalars(select(ReworkLabour))] == [Decimal("1.50")]
    w.close()

    # ---- re-inspection: counts must add up; then the return is closed
    w = open_window(qtbot, factory, actors["qa"], station_settings)
    scan(qtbot, w, label)
    rework = w.tabs["rework"]
    assert w.current_tab_key() == "rework" and rework.line_id == line.id
    qtbot.keyClicks(rework.ui.qualifiedEdit, "18")
    qtbot.keyClicks(rework.ui.unqualifiedEdit, "1")
    qtbot.keyClicks(rework.ui.scrappedEdit, "0")
    assert rework.ui.sumLabel.text() == "18 + 1 + 0 = 19 ≠ 20"
    click(qtbot, rework.ui.saveReinspectionButton)
    assert _line(factory).status == "reinspection"
    assert rework.ui.qualifiedEdit.property("invalid") is True
    assert "应等于返工数量 20" in rework.ui.reinspectionMessageLabel.text()
    rework.ui.scrappedEdit.selectAll()
    qtbot.keyClicks(rework.ui.scrappedEdit, "1")
    assert rework.ui.sumLabel.text() == "18 + 1 + 1 = 20 ✓"
    click(qtbot, rework.ui.saveReinspectionButton)
    line = _line(factory)
    assert (line.status, line.qty_qualified, line.qty_unqualified, line.qty_scrapped) == ("done", 18, 1, 1)
    assert rework.ui.closeReturnButton.isEnabled()
    click(qtbot, rework.ui.closeReturnButton)
    assert _line(factory).rma.status == "closed"
    assert "已结案" in rework.ui.returnProgressLabel.text()
    w.close()


@pytest.fixture
def line_at_bench(factory, actors) -> tuple[int, str]:
    """A registered, confirmed and approved return: its line waits for QA."""
    from tests.unit.services.helpers import approved, draft, line_ids

    rid = approved(factory, actors, draft())
    lid = line_ids(factory, rid)[0]
    with factory() as s:
        return lid, s.get(ReturnLine, lid).barcode


def test_conflict_names_the_other_user_and_keeps_the_input(qtbot, factory, actors, station_settings,
                                                           line_at_bench) -> None:
    lid, label = line_at_bench
    w = open_window(qtbot, factory, actors["qa"], station_settings, tab="inspection")
    scan(qtbot, w, label)
    bench = w.tabs["inspection"]
    type_text(qtbot, bench.ui.findingsEdit, "外壳裂纹 2 只")
    # meanwhile the administrator records an inspection of the same line at another desk
    with factory.begin() as s:
        inspection.record_inspection(s, actors["admin"], lid, findings="另一工位的检验",
                                     defect_category_id=None, preliminary_opinion="")
    click(qtbot, bench.ui.saveInspectionButton)
    assert bench.ui.conflictFrame.isVisible()
    assert "系统管理员" in bench.ui.conflictLabel.text()
    assert bench.ui.findingsEdit.toPlainText() == "外壳裂纹 2 只"
    with factory() as s:
        assert s.get(ReturnLine, lid).findings == "另一工位的检验"
    click(qtbot, bench.ui.reloadKeepButton)
    assert not bench.ui.conflictFrame.isVisible()
    assert bench.ui.findingsEdit.toPlainText() == "外壳裂纹 2 只"  # the user's input is back
    assert bench.ui.inspectedByLabel.text().startswith("系统管理员")  # and the record is the new one
    click(qtbot, bench.ui.saveInspectionButton)
    with factory() as s:
        assert s.get(ReturnLine, lid).findings == "外壳裂纹 2 只"
    assert "检验已保存" in bench.ui.inspectionMessageLabel.text()


class _Flaky:
    """A session factory whose database can be switched off, as a pulled network cable would."""

    def __init__(self, factory: Any) -> None:
        self.factory = factory
        self.down = False

    def __call__(self, *args: Any, **kw: Any) -> Any:
        if self.down:
            raise DatabaseUnavailable("server closed the connection unexpectedly")
        return self.factory(*args, **kw)


def test_lost_database_keeps_the_form_and_saves_when_it_is_back(qtbot, factory, actors, station_settings,
                                                                line_at_bench, monkeypatch) -> None:
    boxes: list[Any] = []
    monkeypatch.setattr("ui.errors.show", boxes.append)
    lid, label = line_at_bench
    flaky = _Flaky(factory)
    w = open_window(qtbot, flaky, actors["qa"], station_settings, tab="inspection")
    scan(qtbot, w, label)
    bench = w.tabs["inspection"]
    type_text(qtbot, bench.ui.findingsEdit, "漏电不跳闸")
    flaky.down = True
    click(qtbot, bench.ui.saveInspectionButton)
    assert w.banner.isVisible()
    assert "无法连接" in w.db_label.text()
    assert bench.ui.findingsEdit.toPlainText() == "漏电不跳闸"
    assert "连接恢复后" in bench.ui.inspectionMessageLabel.text()
    assert w.ctx.kept_actions == 1
    w.banner.retry_now()  # still down: the banner stays
    assert w.banner.isVisible() and w.ctx.kept_actions == 1
    flaky.down = False
    w.banner.retry_now()
    assert not w.banner.isVisible()
    with factory() as s:
        assert (s.get(ReturnLine, lid).findings, s.get(ReturnLine, lid).status) == ("漏电不跳闸", "decision")
    assert "检验已保存" in bench.ui.inspectionMessageLabel.text()
    assert "已连接" in w.db_label.text()
    assert boxes == []  # no traceback, no dialog
    assert QApplication.activeModalWidget() is None


def test_leaving_an_edited_line_asks_first(qtbot, factory, actors, station_settings, line_at_bench,
                                           monkeypatch) -> None:
    from tests.unit.services.helpers import approved, draft, line_ids

    lid, label = line_at_bench
    other = line_ids(factory, approved(factory, actors, draft()))[0]
    questions: list[str] = []
    answer = QMessageBox.StandardButton.No
    monkeypatch.setattr("ui.errors.ask", lambda _p, _t, text, *a, **k: questions.append(text) or answer)
    w = open_window(qtbot, factory, actors["qa"], station_settings, tab="inspection")
    bench = w.tabs["inspection"]
    scan(qtbot, w, label)
    type_text(qtbot, bench.ui.findingsEdit, "未保存的检验")
    assert not bench.open_line(other)  # the user answers No: the open line stays
    assert questions and label in questions[0]
    assert bench.line_id == lid and bench.ui.findingsEdit.toPlainText() == "未保存的检验"
    answer = QMessageBox.StandardButton.Yes
    assert bench.open_line(other)
    assert bench.line_id == other and bench.ui.findingsEdit.toPlainText() == ""


def test_customer_misuse_raises_a_liaison_note(qtbot, factory, actors, station_settings, line_at_bench) -> None:
    lid, label = line_at_bench
    with factory.begin() as s:
        inspection.record_inspection(s, actors["qa"], lid, findings="接线错误", defect_category_id=None,
                                     preliminary_opinion="")
    w = open_window(qtbot, factory, actors["eng"], station_settings, tab="inspection")
    scan(qtbot, w, label)
    bench = w.tabs["inspection"]
    type_text(qtbot, bench.ui.finalCauseEdit, "客户接线错误导致过载")
    bench.ui.liabilityCombo.setFocus()
    qtbot.keyClick(bench.ui.liabilityCombo, Qt.Key.Key_1)
    bench.ui.dispositionCombo.setCurrentIndex(bench.ui.dispositionCombo.findData("return_customer"))
    qtbot.keyClicks(bench.ui.refundEdit, "150")
    click(qtbot, bench.ui.saveDecisionButton)
    assert bench.ui.refundEdit.property("invalid") is True  # 150 % is no refund ratio
    bench.ui.refundEdit.clear()
    qtbot.keyClicks(bench.ui.refundEdit, "0")
    click(qtbot, bench.ui.saveDecisionButton)
    with factory() as s:
        assert s.get(ReturnLine, lid).status == "done"
        assert [n.reason for n in s.scalars(select(LiaisonNote))] == ["customer_misuse"]
    assert "顾客使用不当" in bench.ui.liaisonListLabel.text()
