"""At the benches as people work: the keyboard, a simulated scanner (keystrokes + Enter) and
the mouse on the desk, the QA bench and the rework tab. Each test is one defect seen on
the floor: an ambiguous refund ratio, a false "unsaved changes" after a save, a second scan
that wiped typed findings, a form made "unsaved" by Tab alone, plausibility that let
impossible dates through, announced quantities copied from the count, whole-number-only
materials. On SQLite (the services' rules run on both backends in
tests/unit/services/test_plausibility.py)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import select

from app.services import inspection
from db.models import Return, ReturnLine, ReworkMaterial
from tests.ui.test_window import click, open_window, scan, type_cell, type_text
from tests.unit.services.helpers import approved, decided, draft, line_ids, received

pytestmark = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every "discard?" question the station asks; answered Yes (as a hurried user would)."""
    questions: list[str] = []
    monkeypatch.setattr("ui.errors.ask", lambda _p, _t, text, *a, **k: questions.append(text)
                        or QMessageBox.StandardButton.Yes)
    return questions


def _inspected(factory: Any, actors: Any) -> tuple[int, str]:
    lid = line_ids(factory, approved(factory, actors))[0]
    with factory.begin() as s:
        inspection.record_inspection(s, actors["qa"], lid, findings="触点烧蚀", defect_category_id=None,
                                     preliminary_opinion="")
        return lid, s.get(ReturnLine, lid).barcode


def _decide_by_keyboard(qtbot: Any, bench: Any, ratio: str) -> None:
    type_text(qtbot, bench.ui.finalCauseEdit, "触点材料不良")
    bench.ui.liabilityCombo.setFocus()
    qtbot.keyClick(bench.ui.liabilityCombo, Qt.Key.Key_3)
    bench.ui.dispositionCombo.setCurrentIndex(bench.ui.dispositionCombo.findData("return_customer"))
    bench.ui.refundEdit.clear()
    qtbot.keyClicks(bench.ui.refundEdit, ratio)


def test_refund_ratio_is_a_percentage_and_its_refund_shows_before_saving(qtbot, factory, actors,
                                                                        station_settings, asked) -> None:
    lid, label = _inspected(factory, actors)  # 20 × 18.50 = 370.00
    w = open_window(qtbot, factory, actors["eng"], station_settings, tab="inspection")
    bench = w.tabs["inspection"]
    scan(qtbot, w, label)
    _decide_by_keyboard(qtbot, bench, "1")
    assert "¥3.70" in bench.ui.refundAmountLabel.text()  # 1 % of 370.00, not all of it
    bench.ui.refundEdit.clear()
    qtbot.keyClicks(bench.ui.refundEdit, "150")
    assert "0到100%" in bench.ui.refundAmountLabel.text()
    click(qtbot, bench.ui.saveDecisionButton)
    assert bench.ui.refundEdit.property("invalid") is True and bench.ui.refundEdit.text() == "150"
    bench.ui.refundEdit.clear()
    qtbot.keyClicks(bench.ui.refundEdit, "0.5 %")
    assert "¥1.85" in bench.ui.refundAmountLabel.text()
    click(qtbot, bench.ui.saveDecisionButton)
    with factory() as s:
        line = s.get(ReturnLine, lid)
        assert (line.refund_ratio, line.refund_amount) == (Decimal("0.0050"), Decimal("1.85"))


def test_a_decision_saved_leaves_the_form_clean_and_on_its_line(qtbot, factory, actors, station_settings,
                                                               asked) -> None:
    lid, label = _inspected(factory, actors)
    _inspected(factory, actors)  # another line waits below it in the queue
    w = open_window(qtbot, factory, actors["eng"], station_settings, tab="inspection")
    bench = w.tabs["inspection"]
    scan(qtbot, w, label)
    _decide_by_keyboard(qtbot, bench, "50")
    click(qtbot, bench.ui.saveDecisionButton)
    with factory() as s:
        assert s.get(ReturnLine, lid).status == "done"
    assert asked == []
    assert bench.line_id == lid and not bench.state.dirty
    assert bench.ui.decisionMessageLabel.text() == bench.tr("Decision saved.")


def test_an_approval_saved_leaves_the_desk_clean_and_on_its_return(qtbot, factory, actors, station_settings,
                                                                   asked) -> None:
    from app.services import returns

    rids = [received(factory, actors), received(factory, actors)]
    for rid in rids:
        with factory.begin() as s:
            returns.confirm_by_sales(s, actors["sales"], rid, "按质保处理")
    w = open_window(qtbot, factory, actors["mgr"], station_settings, tab="incoming")
    desk = w.tabs["incoming"]
    desk.activate()
    desk.ui.returnsView.setFocus()
    desk.ui.returnsView.setCurrentIndex(desk.list_model.index(desk.list_model.row_of(rids[0]), 0))
    assert desk.return_id == rids[0]
    qtbot.keyClicks(desk.ui.approvalNoteEdit, "OK")
    click(qtbot, desk.ui.approveButton)
    with factory() as s:
        assert s.get(Return, rids[0]).status == "approved"
    assert asked == []
    assert desk.return_id == rids[0] and not desk.state.dirty
    assert desk.ui.approvalMessageLabel.text() == desk.tr("Approved: the lines go to the QA bench.")


def test_scanning_the_open_line_again_keeps_the_typed_findings(qtbot, factory, actors, station_settings,
                                                               asked) -> None:
    lid = line_ids(factory, approved(factory, actors))[0]
    with factory() as s:
        label = s.get(ReturnLine, lid).barcode
    w = open_window(qtbot, factory, actors["qa"], station_settings, tab="inspection")
    bench = w.tabs["inspection"]
    scan(qtbot, w, label)
    type_text(qtbot, bench.ui.findingsEdit, "外壳裂纹 2 只")
    scan(qtbot, w, label)
    assert bench.ui.findingsEdit.toPlainText() == "外壳裂纹 2 只"
    assert asked == [] and bench.line_id == lid


def test_tabbing_through_an_empty_new_form_leaves_it_clean(qtbot, factory, actors, station_settings,
                                                          asked) -> None:
    w = open_window(qtbot, factory, actors["wh"], station_settings, tab="incoming")
    desk = w.tabs["incoming"]
    assert desk.new_return()
    for _ in range(25):  # every field, the lines table's cells, the buttons
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        QApplication.processEvents()
    assert not desk.state.dirty
    qtbot.keyClicks(desk.ui.orderEdit, "SO-1")
    assert desk.state.dirty


def test_blank_announced_quantity_is_to_verify_and_stays_blank(qtbot, factory, actors, station_settings,
                                                               asked) -> None:
    w = open_window(qtbot, factory, actors["wh"], station_settings, tab="incoming")
    desk = w.tabs["incoming"]
    type_text(qtbot, desk.ui.customerCombo.lineEdit(), "华东电气设备有限公司")
    type_text(qtbot, desk.ui.locationCombo.lineEdit(), "隔离区A-01")
    scan(qtbot, w, "6901234500016")
    type_cell(qtbot, desk.ui.linesView, 0, desk.lines.column_of("qty_counted"), "20")
    assert desk.tr("%n to verify", "", 1) in desk.ui.totalsLabel.text()
    click(qtbot, desk.ui.registerButton)
    with factory() as s:
        assert [ln.qty_announced for ln in s.scalars(select(ReturnLine))] == [None]


def test_a_received_date_a_month_ahead_is_refused_at_the_desk(qtbot, factory, actors, station_settings,
                                                             asked) -> None:
    w = open_window(qtbot, factory, actors["wh"], station_settings, tab="incoming")
    desk = w.tabs["incoming"]
    type_text(qtbot, desk.ui.customerCombo.lineEdit(), "华东电气设备有限公司")
    desk.ui.receivedDateEdit.setFocus()
    ahead = date.today() + timedelta(days=30)
    desk.ui.receivedDateEdit.setDate(QDate(ahead))
    scan(qtbot, w, "6901234500016")
    type_cell(qtbot, desk.ui.linesView, 0, desk.lines.column_of("qty_counted"), "20")
    click(qtbot, desk.ui.registerButton)
    with factory() as s:
        assert s.scalars(select(Return)).all() == []
    assert "收货日期" in desk.ui.headerMessageLabel.text() and ahead.isoformat() in desk.ui.headerMessageLabel.text()
    assert desk.ui.receivedDateEdit.date().toPython() == ahead  # the input is kept


def test_return_to_supplier_with_liability_1_says_why_in_plain_words(qtbot, factory, actors, station_settings,
                                                                    asked) -> None:
    _lid, label = _inspected(factory, actors)
    w = open_window(qtbot, factory, actors["eng"], station_settings, tab="inspection")
    bench = w.tabs["inspection"]
    scan(qtbot, w, label)
    type_text(qtbot, bench.ui.finalCauseEdit, "客户接错电压")
    bench.ui.liabilityCombo.setFocus()
    qtbot.keyClick(bench.ui.liabilityCombo, Qt.Key.Key_1)
    bench.ui.dispositionCombo.setCurrentIndex(bench.ui.dispositionCombo.findData("return_supplier"))
    qtbot.keyClicks(bench.ui.refundEdit, "0")
    click(qtbot, bench.ui.saveDecisionButton)
    assert bench.ui.decisionMessageLabel.text() == "退供应商只适用于责任代号2(供方);当前为1(顾客)"


def test_rework_materials_take_measured_quantities(qtbot, factory, actors, station_settings, asked) -> None:
    _rid, lid = decided(factory, actors, d=draft())
    with factory() as s:
        label = s.get(ReturnLine, lid).barcode
    w = open_window(qtbot, factory, actors["pmc"], station_settings, tab="rework")
    tab = w.tabs["rework"]
    scan(qtbot, w, label)
    click(qtbot, tab.ui.addMaterialButton)
    view, model = tab.ui.materialsView, tab.materials
    type_cell(qtbot, view, 0, model.column_of("name"), "BV2.5 wire")
    type_cell(qtbot, view, 0, model.column_of("qty"), "2.5")
    type_cell(qtbot, view, 0, model.column_of("unit"), "m")
    type_cell(qtbot, view, 0, model.column_of("unit_cost"), "1.35")
    assert model.errors == {}
    assert model.data(model.index(0, model.column_of("cost"))) == "¥3.38"  # 3.375 half-up
    click(qtbot, tab.ui.saveCostsButton)
    with factory() as s:
        m = s.scalars(select(ReworkMaterial)).one()
        assert (m.qty, m.unit, m.cost) == (Decimal("2.500"), "m", Decimal("3.38"))
    assert model.rows[0]["qty"] == "2.5"  # read back as written, not 2.500


def test_a_cancel_saved_leaves_the_desk_clean_and_on_its_return(qtbot, factory, actors, station_settings,
                                                                asked, monkeypatch) -> None:
    rids = [received(factory, actors), received(factory, actors)]
    monkeypatch.setattr("ui.widgets.dialogs.ask_text", lambda *a, **k: "客户撤回")
    w = open_window(qtbot, factory, actors["wh"], station_settings, tab="incoming")
    desk = w.tabs["incoming"]
    desk.activate()
    desk.ui.returnsView.setFocus()
    desk.ui.returnsView.setCurrentIndex(desk.list_model.index(desk.list_model.row_of(rids[0]), 0))
    click(qtbot, desk.ui.cancelReturnButton)
    with factory() as s:
        assert s.get(Return, rids[0]).status == "cancelled"
    assert asked == [] and desk.return_id == rids[0] and not desk.state.dirty
    assert desk.ui.approvalMessageLabel.text() == desk.tr("Return cancelled.")


def test_imported_undecided_lines_show_overdue_in_the_qa_queue(qtbot, factory, actors, station_settings,
                                                               asked, tmp_path) -> None:
    from app.excel.importer import import_rows
    from app.excel.legacy import read_legacy_workbook
    from tests.unit.excel.workbooks import ZH_HEADER, make_workbook, zh_row

    book = make_workbook(tmp_path / "log.xlsx", {"S": [
        ZH_HEADER, zh_row(1, 责任判定=None, 处置方式=None, 退款比例=None, 退款金额=None)]})
    with factory.begin() as s:
        import_rows(s, actors["qa"], read_legacy_workbook(book), "log.xlsx")
    w = open_window(qtbot, factory, actors["qa"], station_settings, tab="inspection")
    bench = w.tabs["inspection"]
    bench.activate()
    assert bench.ui.countLabel.text() == "1 行 · 1 行已超期"
    bench.ui.overdueCheck.setFocus()
    qtbot.keyClick(bench.ui.overdueCheck, Qt.Key.Key_Space)  # only the overdue ones
    assert bench.model.rowCount() == 1
