"""The warehouse desk holds no more than the database can: lengths stop typing, a NUL or a
quantity of 10^12 gets a clear message, nothing is registered, the input stays."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QStyleOptionViewItem, QTableView
from sqlalchemy import func, select

from app.limits import MAX_QTY
from db.models import Return
from tests.ui.test_window import click, open_window, scan, type_cell, type_text
from ui.models.drafts import ERROR_BG, MaterialsModel
from ui.widgets.limits import limit_form, limit_table


@pytest.fixture(autouse=True)
def discard_on_close(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("ui.errors.ask", lambda *a, **k: QMessageBox.StandardButton.Yes)


def returns_in(factory: Any) -> int:
    with factory() as s:
        return s.scalar(select(func.count()).select_from(Return))


def cell_editor(view: Any, row: int, column: int) -> QLineEdit:
    index = view.model().index(row, column)
    view.setFocus()
    view.setCurrentIndex(index)
    if view.state() != view.State.EditingState:
        view.edit(index)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    return editor


def test_desk_stops_long_text_and_refuses_nul_and_huge_quantities(qtbot, factory, actors, station_settings,
                                                                  monkeypatch) -> None:
    crashes: list[BaseException] = []
    monkeypatch.setattr("ui.errors.show_crash", crashes.append)  # the program-error dialog: a bug here
    w = open_window(qtbot, factory, actors["wh"], station_settings)
    desk = w.tabs["incoming"]

    type_text(qtbot, desk.ui.customerCombo.lineEdit(), "华东电气设备有限公司")
    type_text(qtbot, desk.ui.locationCombo.lineEdit(), "隔离区A-01")
    qtbot.keyClicks(desk.ui.orderEdit, "S" * 65)
    assert desk.ui.orderEdit.text() == "S" * 64  # the 65th character is not taken
    scan(qtbot, w, "6901234500016")
    lines = desk.lines

    lot = cell_editor(desk.ui.linesView, 0, lines.column_of("lot_no"))
    qtbot.keyClicks(lot, "L" * 100)
    assert lot.text() == "L" * 64
    qtbot.keyClick(lot, Qt.Key.Key_Escape)

    # a quantity of 10^12: a clear message at the cell, nothing registered, twice
    counted = lines.column_of("qty_counted")
    type_cell(qtbot, desk.ui.linesView, 0, counted, str(10**12))
    assert lines.data(lines.index(0, counted), Qt.ItemDataRole.BackgroundRole).color() == ERROR_BG
    assert desk.ui.linesMessageLabel.text() == "第1行: 清点数量最大为1,000,000,而不是1,000,000,000,000"
    for _click in range(2):
        click(qtbot, desk.ui.registerButton)
        assert returns_in(factory) == 0
        assert "1,000,000" in desk.ui.linesMessageLabel.text()
    assert lines.rows[0]["qty_counted"] == str(10**12)  # the input stays
    type_cell(qtbot, desk.ui.linesView, 0, counted, str(MAX_QTY))
    assert desk.ui.linesMessageLabel.text() == ""

    # a NUL pasted into the notes
    QApplication.clipboard().setText("外箱破损\x00")
    desk.ui.notesEdit.setFocus()
    desk.ui.notesEdit.paste()
    if "\x00" not in desk.ui.notesEdit.text():  # the platform's clipboard may drop it: type it
        desk.ui.notesEdit.insert("\x00")
    assert "\x00" in desk.ui.notesEdit.text()
    for _click in range(2):
        click(qtbot, desk.ui.registerButton)
        assert returns_in(factory) == 0
        assert desk.ui.notesEdit.property("invalid") is True
        assert "备注" in desk.ui.headerMessageLabel.text() and "U+0000" in desk.ui.headerMessageLabel.text()
    assert desk.ui.orderEdit.text() == "S" * 64 and "外箱破损" in desk.ui.notesEdit.text()

    # fixed: one click registers one return
    desk.ui.notesEdit.setText("外箱破损")
    click(qtbot, desk.ui.registerButton)
    assert returns_in(factory) == 1
    assert crashes == []
    w.close()


def test_bench_and_rework_inputs_take_their_limits(qtbot, factory, actors, station_settings) -> None:
    w = open_window(qtbot, factory, actors["admin"], station_settings, tab="rework")
    rework, bench = w.tabs["rework"], w.tabs["inspection"]
    for edit in (rework.ui.qualifiedEdit, rework.ui.unqualifiedEdit, rework.ui.scrappedEdit, rework.ui.reworkQtyEdit):
        assert edit.validator().top() == MAX_QTY
    assert bench.ui.ownerEdit.maxLength() == 100
    w.close()


def test_a_quantity_field_takes_digits_up_to_the_maximum(qtbot) -> None:
    qty, owner = QLineEdit(), QLineEdit()
    for widget in (qty, owner):
        qtbot.addWidget(widget)
    limit_form(SimpleNamespace(inputs={"qty_qualified": qty, "owner": owner}))  # as a FormState's inputs
    qtbot.keyClicks(qty, "abc12")
    assert qty.text() == "12"            # letters are not taken
    qty.clear()
    qtbot.keyClicks(qty, "99999999")
    assert qty.text() == "9999999" and not qty.hasAcceptableInput()  # an eighth digit is not taken
    qty.clear()
    qtbot.keyClicks(qty, str(MAX_QTY))
    assert qty.hasAcceptableInput()
    qtbot.keyClicks(owner, "x" * 120)
    assert len(owner.text()) == 100


def test_table_cells_stop_at_their_column(qtbot) -> None:
    model = MaterialsModel(lambda: "zh_CN")
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    limit_table(view)
    model.add_row()
    for key, typed, kept in (("name", 250, 200), ("code", 70, 64), ("unit", 20, 16)):
        editor = view.itemDelegate().createEditor(view.viewport(), QStyleOptionViewItem(),
                                                  model.index(0, model.column_of(key)))
        qtbot.addWidget(editor)
        qtbot.keyClicks(editor, "M" * typed)
        assert editor.text() == "M" * kept, key
