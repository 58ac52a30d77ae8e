"""At the receiving desk: a customer or a model not in the list is added on the spot, and the
half-filled handling notice keeps everything typed in it."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from db.models import Customer, Product, Return
from tests.ui.test_masterdata_window import fill, save
from tests.ui.test_window import click, open_window, scan, type_cell, type_text


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    opened: list[Any] = []

    def show(widget: Any) -> None:
        opened.append(widget)
        widget.show()
    monkeypatch.setattr("ui.errors.show", show)
    monkeypatch.setattr("ui.errors.ask", lambda *a, **k: QMessageBox.StandardButton.Yes)
    return opened


def test_unknown_customer_added_on_the_spot_then_registered(qtbot, factory, actors, station_settings,
                                                            shown) -> None:
    w = open_window(qtbot, factory, actors["wh"], station_settings)
    desk = w.tabs["incoming"]
    button = desk.quick_add.customer_button
    # the notice is half filled: order number, location, a scanned line with its count
    qtbot.keyClicks(desk.ui.orderEdit, "SO2612-007")
    type_text(qtbot, desk.ui.locationCombo.lineEdit(), "隔离区C-03")
    scan(qtbot, w, "6901234500016")
    lines = desk.lines
    type_cell(qtbot, desk.ui.linesView, 0, lines.column_of("qty_counted"), "7")
    type_cell(qtbot, desk.ui.linesView, 0, lines.column_of("customer_reason"), "外壳开裂")
    assert not button.isVisible()
    type_text(qtbot, desk.ui.customerCombo.lineEdit(), "温州新客户电器")
    assert button.isVisible() and button.text() == "新客户…"
    click(qtbot, button)
    dialog = shown[-1]
    assert dialog.objectName() == "quickCustomerDialog"
    assert dialog.inputs["name"].text() == "温州新客户电器"
    assert set(dialog.inputs) == {"name", "code", "contact", "phone"}
    fill(qtbot, dialog, code="K777", contact="周", phone="0577-1")
    save(qtbot, dialog)
    assert not dialog.isVisible()
    with factory() as s:
        cust = s.scalar(select(Customer).where(Customer.name == "温州新客户电器"))
        assert (cust.code, cust.contact) == ("K777", "周")
    assert desk.ui.customerCombo.currentData() == cust.id
    assert not button.isVisible()
    # nothing typed in the notice was lost
    assert desk.ui.orderEdit.text() == "SO2612-007" and desk.ui.locationCombo.currentText() == "隔离区C-03"
    assert (lines.rows[0]["model"], lines.rows[0]["qty_counted"], lines.rows[0]["customer_reason"]) == (
        "DZ47-63 C16", "7", "外壳开裂")
    click(qtbot, desk.ui.registerButton)
    with factory() as s:
        rma = s.scalars(select(Return)).one()
        assert (rma.customer_id, rma.order_no, rma.storage_location) == (cust.id, "SO2612-007", "隔离区C-03")
        assert [(ln.product.model, ln.qty_counted, ln.customer_reason) for ln in rma.lines] == [
            ("DZ47-63 C16", 7, "外壳开裂")]


def test_unknown_model_added_on_the_spot_and_the_line_resolves(qtbot, factory, actors, station_settings,
                                                               shown) -> None:
    w = open_window(qtbot, factory, actors["wh"], station_settings)
    desk = w.tabs["incoming"]
    lines = desk.lines
    type_text(qtbot, desk.ui.customerCombo.lineEdit(), "华东电气设备有限公司")
    type_cell(qtbot, desk.ui.linesView, 0, lines.column_of("model"), "NXB-63 3P C40")
    type_cell(qtbot, desk.ui.linesView, 0, lines.column_of("qty_counted"), "3")
    type_cell(qtbot, desk.ui.linesView, 0, lines.column_of("lot_no"), "L2611")
    button = desk.quick_add.product_button
    assert lines.rows[0]["_known"] is False and button.isVisible()
    click(qtbot, button)
    dialog = shown[-1]
    assert dialog.inputs["model"].text() == "NXB-63 3P C40"
    fill(qtbot, dialog, name="小型断路器", unit="只", unit_price="abc", warranty_months="18")
    save(qtbot, dialog)
    assert dialog.isVisible() and dialog.inputs["unit_price"].property("invalid") is True
    fill(qtbot, dialog, unit_price="42.80")
    save(qtbot, dialog)
    assert not dialog.isVisible()
    row = lines.rows[0]
    assert (row["_known"], row["unit_price"], row["qty_counted"], row["lot_no"]) == (True, "42.80", "3", "L2611")
    assert not button.isVisible()
    click(qtbot, desk.ui.registerButton)
    with factory() as s:
        line = s.scalars(select(Return)).one().lines[0]
        assert (line.product.model, line.unit_price, line.unit, line.lot_no) == (
            "NXB-63 3P C40", Decimal("42.80"), "只", "L2611")
        assert s.scalar(select(Product.warranty_months).where(Product.model == "NXB-63 3P C40")) == 18


def test_no_quick_add_for_sales(qtbot, factory, actors, station_settings, shown) -> None:
    w = open_window(qtbot, factory, actors["sales"], station_settings)
    desk = w.tabs["incoming"]
    desk.ui.customerCombo.setEditText("不存在的客户")
    assert not desk.quick_add.customer_button.isVisible()


def test_the_desk_buttons_follow_the_language(qtbot, factory, actors, station_settings, shown,
                                               switch_language) -> None:
    w = open_window(qtbot, factory, actors["wh"], station_settings)
    desk = w.tabs["incoming"]
    type_text(qtbot, desk.ui.customerCombo.lineEdit(), "某个新客户")
    assert desk.quick_add.customer_button.text() == "新客户…"
    switch_language("en")
    assert desk.quick_add.customer_button.text() == "New customer…"
    assert desk.ui.customerCombo.currentText() == "某个新客户"
