"""Supplier claims, warranty at receipt and replacements, driven in the window as people would:
QA gathers a liability-2 line into a claim from the menu, changes the amount (refused without
a reason, the input kept), sends it, records a partial answer and the credit, prints the
notice and exports the list; the desk flags an out-of-warranty line and sales confirm it;
sales record a replacement shipment and the line leaves the outstanding list."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QMessageBox, QPushButton
from sqlalchemy import select

from app.services import claims
from app.services.returns import LineDraft
from db.models import LineWarranty, ReplacementShipment, SupplierClaim
from tests.ui.test_window import click, open_window, type_text
from tests.unit.printing.pdftools import pages_of, squeeze
from tests.unit.services.claims_helpers import supplier, supplier_line
from tests.unit.services.helpers import approved, decided, draft, line_ids
from ui.claims.list_window import ClaimsWindow
from ui.claims.replacements_window import ReplacementsWindow


@pytest.fixture(autouse=True)
def discard_on_close(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("ui.errors.ask", lambda *a, **k: QMessageBox.StandardButton.Yes)


def _claim(factory: Any) -> SupplierClaim:
    with factory() as s:
        return s.scalars(select(SupplierClaim)).one()


def test_a_claim_from_creation_to_credit_in_the_window(qtbot, factory, actors, station_settings,
                                                       tmp_path: Path) -> None:
    supplier(factory, actors, code="S-009", name="无关供应商")
    sid = supplier(factory, actors)
    lid = supplier_line(factory, actors)
    w = open_window(qtbot, factory, actors["qa"], station_settings, tab="inspection")
    w.claims_menu.claimsAction.trigger()
    win: ClaimsWindow = w.claims_menu.last
    qtbot.waitExposed(win)
    assert win.model.rowCount() == 0 and not win.sendButton.isEnabled()

    click(qtbot, win.newButton)
    new = win.dialog
    qtbot.waitExposed(new)
    new.supplierCombo.setCurrentIndex(new.supplierCombo.findData(sid))
    click(qtbot, new.ok_button)  # nothing ticked: refused, the dialog stays
    assert new.isVisible() and "至少" in new.messageLabel.text()
    assert new.linesList.count() == 1
    new.set_checked(lid)
    assert "185.00" in new.totalLabel.text()
    type_text(qtbot, new.noteEdit, "触点材料硬度不足")
    click(qtbot, new.ok_button)
    assert not new.isVisible()
    c = _claim(factory)
    assert (c.claim_no, c.status, c.claimed_amount) == (f"SC-{date.today().year}-000001", "draft", Decimal("185.00"))
    assert win.model.rowCount() == 1
    win.select_row(0)
    assert win.lines_model.rowCount() == 1 and win.sendButton.isEnabled() and not win.creditButton.isEnabled()

    click(qtbot, win.amountButton)
    amount = win.dialog
    amount.amountEdit.clear()
    type_text(qtbot, amount.amountEdit, "230.00")
    click(qtbot, amount.ok_button)  # a changed amount needs its reason: refused, what was typed stays
    assert amount.isVisible() and "原因" in amount.messageLabel.text()
    assert amount.amountEdit.text() == "230.00"
    type_text(qtbot, amount.reasonEdit, "另加检验费45元")
    click(qtbot, amount.ok_button)
    assert not amount.isVisible()
    assert _claim(factory).claimed_amount == Decimal("230.00")

    win.select_row(0)
    click(qtbot, win.sendButton)
    assert _claim(factory).status == "sent"
    win.select_row(0)
    assert not win.amountButton.isEnabled() and win.answerButton.isEnabled()

    click(qtbot, win.answerButton)
    answer = win.dialog
    answer.choose("partly_accepted")
    type_text(qtbot, answer.amountEdit, "200.00")
    type_text(qtbot, answer.replyEdit, "检验费不认可")
    click(qtbot, answer.ok_button)
    assert not answer.isVisible()
    assert (_claim(factory).status, _claim(factory).accepted_amount) == ("partly_accepted", Decimal("200.00"))

    win.select_row(0)
    click(qtbot, win.creditButton)
    credit = win.dialog
    assert credit.amountEdit.text() == "200.00"
    credit.amountEdit.clear()
    type_text(qtbot, credit.amountEdit, "250.00")
    click(qtbot, credit.ok_button)  # more than the supplier accepted
    assert credit.isVisible() and "200.00" in credit.messageLabel.text()
    credit.amountEdit.clear()
    type_text(qtbot, credit.amountEdit, "200.00")
    type_text(qtbot, credit.refEdit, "CN-0325")
    click(qtbot, credit.ok_button)
    c = _claim(factory)
    assert (c.status, c.recovered_amount, c.credit_ref) == ("credited", Decimal("200.00"), "CN-0325")
    assert "200.00" in win.countsLabel.text()

    # filters: the status, the supplier
    win.statusCombo.setCurrentIndex(win.statusCombo.findData("draft"))
    assert win.model.rowCount() == 0
    win.statusCombo.setCurrentIndex(win.statusCombo.findData("credited"))
    assert win.model.rowCount() == 1
    win.supplierCombo.setCurrentIndex(win.supplierCombo.findText("S-009 无关供应商"))
    assert win.model.rowCount() == 0
    win.supplierCombo.setCurrentIndex(0)

    win.select_row(0)
    out = tmp_path / "claim.pdf"
    win.ask_path = lambda suggested, kind="": str(out)
    click(qtbot, win.printButton)
    text = squeeze("".join(pages_of(out)))
    assert "供应商索赔单" in text and c.claim_no in text and "CN-0325" in text and "另加检验费45元" in text
    book = tmp_path / "claims.xlsx"
    win.ask_path = lambda suggested, kind="": str(book)
    click(qtbot, win.exportButton)
    ws = openpyxl.load_workbook(book).worksheets[0]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert rows[0][0] == c.claim_no and rows[0][6] == 230 and rows[0][9] == 200
    w.close()


def test_the_qa_bench_opens_a_claim_with_the_line_ticked(qtbot, factory, actors, station_settings) -> None:
    supplier(factory, actors)
    lid = supplier_line(factory, actors)
    w = open_window(qtbot, factory, actors["qa"], station_settings, tab="inspection")
    bench = w.tabs["inspection"]
    assert bench.open_line(lid)
    click(qtbot, bench.findChild(QPushButton, "claimsButton"))
    win = bench.claims_window
    click(qtbot, win.newButton)
    assert win.dialog.checked_ids() == [lid]
    w.close()


def test_a_spreadsheet_formula_in_a_supplier_name_exports_as_text(factory, actors, tmp_path: Path) -> None:
    from app.excel.claims_export import write_claims_xlsx

    sid = supplier(factory, actors, code="S-X", name='=HYPERLINK("http://x","y")')
    lid = supplier_line(factory, actors)
    with factory.begin() as s:
        cid = claims.create_claim(s, actors["qa"], sid, [lid]).id
    with factory() as s:
        rows = [claims.claim_detail(s, cid)]
    ws = openpyxl.load_workbook(write_claims_xlsx(rows, tmp_path / "c.xlsx")).worksheets[0]
    cell = ws.cell(2, 3)
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK")


def test_an_out_of_warranty_line_is_flagged_for_sales(qtbot, factory, actors, station_settings) -> None:
    # DZ47-63 C16 carries 24 months; received 2026-03-05
    rid = approved(factory, actors, draft(
        LineDraft(model="DZ47-63 C16", qty_counted=5, manufacture_date=date(2024, 3, 5)),
        LineDraft(model="DZ47-63 C16", qty_counted=3, manufacture_date=date(2023, 6, 1))))
    l1, l2 = line_ids(factory, rid)
    w = open_window(qtbot, factory, actors["sales"], station_settings)
    desk = w.tabs["incoming"]
    assert desk.open_return(rid)
    panel = desk.warranty
    assert panel.isVisible()
    assert "待销售确认" in panel.summaryLabel.text() and "行 2" in panel.summaryLabel.text()
    assert "#8a5300" in panel.summaryLabel.styleSheet()
    lines = panel.linesLabel.text().splitlines()
    assert lines[0].startswith("行1: 保内") and lines[1].startswith("行2: 保外 (质保24个月, 至2025-06-01)")
    assert panel.confirmButton.isEnabled()
    click(qtbot, panel.confirmButton)
    dialog = panel.dialog
    assert dialog.lineCombo.count() == 1 and dialog.lineCombo.currentData() == l2
    click(qtbot, dialog.ok_button)  # empty: refused, the dialog stays
    assert dialog.isVisible() and dialog.messageLabel.text()
    type_text(qtbot, dialog.noteEdit, "有偿维修,已报价给客户")
    click(qtbot, dialog.ok_button)
    assert not dialog.isVisible()
    with factory() as s:
        rec = s.scalars(select(LineWarranty)).one()
        assert (rec.line_id, rec.sales_note, rec.sales_confirmed_by_id) == (l2, "有偿维修,已报价给客户",
                                                                           actors["sales"].user_id)
    assert "已确认" in panel.linesLabel.text() and not panel.confirmButton.isEnabled()
    assert "#8a5300" not in panel.summaryLabel.styleSheet()
    w.close()

    # the QA bench shows it on the line
    w = open_window(qtbot, factory, actors["qa"], station_settings, tab="inspection")
    bench = w.tabs["inspection"]
    assert bench.open_line(l2)
    value = bench.findChild(type(bench.ui.stateLabel), "warrantyValue")
    assert value.text() == "质保: 保外 销售已确认" and "#8a5300" in value.styleSheet()
    assert "有偿维修" in value.toolTip() and "2025-06-01" in value.toolTip()
    assert bench.open_line(l1)
    assert value.text() == "质保: 保内" and "2026-03-05" in value.toolTip() and value.styleSheet() == ""
    w.close()


def test_the_desk_enters_an_invoice_date_and_the_line_is_in_warranty(qtbot, factory, actors,
                                                                     station_settings) -> None:
    rid = approved(factory, actors, draft(
        LineDraft(model="DZ47-63 C16", qty_counted=5, manufacture_date=date(2023, 6, 1))))
    w = open_window(qtbot, factory, actors["wh"], station_settings)
    desk = w.tabs["incoming"]
    assert desk.open_return(rid)
    panel = desk.warranty
    assert not panel.confirmButton.isEnabled()  # the warehouse does not confirm for sales
    click(qtbot, panel.basisButton)
    dialog = panel.dialog
    dialog.basisCombo.setCurrentIndex(dialog.basisCombo.findData("invoiced"))
    dialog.dateEdit.setDate(QDate(2026, 4, 1))
    click(qtbot, dialog.ok_button)  # after the goods came back: refused
    assert dialog.isVisible() and "2026-03-05" in dialog.messageLabel.text()
    dialog.dateEdit.setDate(QDate(2024, 9, 10))
    click(qtbot, dialog.ok_button)
    assert not dialog.isVisible()
    assert panel.linesLabel.text().startswith("行1: 保内 (质保24个月, 至2026-09-10) · 发票日期 2024-09-10")
    assert panel.summaryLabel.text().endswith("全部在保")
    w.close()


def test_a_replacement_shipment_leaves_the_outstanding_list(qtbot, factory, actors, station_settings) -> None:
    _rid, lid = decided(factory, actors, disposition="exchange", liability=3)
    w = open_window(qtbot, factory, actors["sales"], station_settings)
    w.ui.menuStation.aboutToShow.emit()
    assert w.claims_menu.replacementsAction.text().endswith("(1)…")
    w.claims_menu.replacementsAction.trigger()
    win: ReplacementsWindow = w.claims_menu.last
    qtbot.waitExposed(win)
    assert win.model.rowCount() == 1 and win.countLabel.text().endswith("1 行")
    win.select_row(0)
    click(qtbot, win.shipButton)
    dialog = win.dialog
    assert dialog.qtyEdit.text() == "20"
    dialog.qtyEdit.clear()
    type_text(qtbot, dialog.qtyEdit, "25")
    type_text(qtbot, dialog.noteNoEdit, "DN-0309")
    click(qtbot, dialog.ok_button)  # more than owed: refused, the input kept
    assert dialog.isVisible() and "20" in dialog.messageLabel.text() and dialog.noteNoEdit.text() == "DN-0309"
    dialog.qtyEdit.clear()
    type_text(qtbot, dialog.qtyEdit, "12")
    click(qtbot, dialog.ok_button)
    assert not dialog.isVisible()
    win.select_row(0)
    assert [win.model.rows[0].outstanding] == [8] and "DN-0309" in win.shipmentsLabel.text()
    click(qtbot, win.shipButton)
    dialog = win.dialog
    type_text(qtbot, dialog.noteNoEdit, "DN-0312")
    click(qtbot, dialog.ok_button)
    assert win.model.rowCount() == 0 and win.countLabel.text().endswith("0 行")
    with factory() as s:
        assert sorted(r.qty for r in s.scalars(select(ReplacementShipment))) == [8, 12]
    win.allCheck.setChecked(True)
    assert win.model.rowCount() == 1 and win.model.rows[0].shipped == 20
    w.close()


def test_the_reports_tab_shows_claimed_and_recovered(qtbot, factory, actors, station_settings) -> None:
    from tests.unit.services.test_claims import month_of_claims
    from ui.context import StationContext
    from ui.reports_tab import ReportsTab

    month_of_claims(factory, actors)
    tab = ReportsTab(StationContext(factory, actors["qa"], station_settings, database="test"))
    tab.today = lambda: date(2026, 4, 10)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitExposed(tab)
    tab.month_edit.setDate(QDate(2026, 3, 1))
    qtbot.waitUntil(lambda: tab.report is not None and tab.report.month == "2026-03", timeout=10000)
    assert tab.findChild(object, "card_claims").text() == "¥888.00 / ¥485.00"
    click(qtbot, tab.findChild(QPushButton, "claimsButton"))
    assert tab.claims_window.model.rowCount() == 6
