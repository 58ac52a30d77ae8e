"""Traceability in the window: the warehouse looks a lot up from the Station menu (scanner
keystrokes + Enter), and on the QA bench the engineer opens the other returns of the line's
model and lot with their decisions before deciding."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu, QPushButton

from app.services import inspection
from app.services.returns import LineDraft
from tests.ui.test_window import click, open_window
from tests.unit.services.helpers import approved, draft, line_ids, received
from ui.trace import LotTraceDialog, RelatedDialog


def _decided(factory: Any, actors: Any, *, lot: str, qty: int, liability: int, on: date,
             model: str = "DZ47-63 C16") -> int:
    rid = approved(factory, actors, draft(LineDraft(model=model, qty_counted=qty, lot_no=lot), received_on=on))
    lid = line_ids(factory, rid)[0]
    with factory.begin() as s:
        inspection.record_inspection(s, actors["qa"], lid, findings="触点烧蚀", defect_category_id=None,
                                     preliminary_opinion="制造不良")
    with factory.begin() as s:
        inspection.decide(s, actors["eng"], lid, final_cause="触点材料不良", liability_code=liability,
                          disposition="scrap", refund_ratio="0")
    return lid


def _cells(view: Any) -> list[list[str]]:
    m = view.model()
    return [[str(m.data(m.index(r, c)) or "") for c in range(m.columnCount())] for r in range(m.rowCount())]


def test_the_warehouse_traces_a_lot_from_the_station_menu(qtbot, factory, actors, station_settings) -> None:
    _decided(factory, actors, lot="2405-A", qty=5, liability=2, on=date(2026, 3, 2))
    received(factory, actors, draft(LineDraft(model="DZ47-63 C16", qty_counted=3, lot_no="2405-A"),
                                    received_on=date(2026, 3, 9)))
    received(factory, actors, draft(LineDraft(model="DZ47-63 C16", qty_counted=1, lot_no="2406-C")))
    w = open_window(qtbot, factory, actors["wh"], station_settings)
    menu = w.ui.menuStation
    assert isinstance(menu, QMenu) and w.follow_up.traceAction in menu.actions()
    assert w.follow_up.traceAction.text() == "批次追溯…"
    w.follow_up.traceAction.trigger()
    dialog: LotTraceDialog = w.follow_up.last
    qtbot.waitExposed(dialog)

    # Enter on an empty field says what to do; nothing breaks
    qtbot.keyClick(dialog.lotEdit, Qt.Key.Key_Return)
    assert dialog.messageLabel.text() == "请先输入批次号。"

    qtbot.keyClicks(dialog.lotEdit, "2405-a")   # the scanner (or a person) in small letters
    qtbot.keyClick(dialog.lotEdit, Qt.Key.Key_Return)
    rows = _cells(dialog.view)
    assert [r[5] for r in rows] == ["2405-A", "2405-A"]
    assert (rows[0][2], rows[0][7], rows[0][8]) == ("2026-03-09", "待审批", "")
    assert rows[1][8] == "2 供方" and rows[1][9] == "报废" and rows[1][6] == "5"
    assert dialog.countLabel.text() == "2 行"

    dialog.lotEdit.clear()
    qtbot.keyClicks(dialog.lotEdit, "9999")
    click(qtbot, dialog.findButton)
    assert dialog.model.rowCount() == 0
    assert dialog.messageLabel.text() == "没有批次 9999 的退货行。"


def test_a_bad_lot_is_a_message_and_the_text_stays(qtbot, factory, actors, station_settings) -> None:
    w = open_window(qtbot, factory, actors["sales"], station_settings)
    dialog: LotTraceDialog = w.follow_up.open_lot_trace()
    dialog.lotEdit.setText("24\t05")  # a tab pasted from a spreadsheet cell
    qtbot.keyClick(dialog.lotEdit, Qt.Key.Key_Return)
    assert "批" in dialog.messageLabel.text() and "U+0009" in dialog.messageLabel.text()
    assert dialog.lotEdit.text() == "24\t05"


def test_the_qa_bench_shows_the_other_returns_of_the_same_lot_and_model(qtbot, factory, actors,
                                                                         station_settings) -> None:
    earlier = _decided(factory, actors, lot="L1", qty=4, liability=2, on=date(2026, 3, 2))
    other_lot = _decided(factory, actors, lot="L9", qty=1, liability=4, on=date(2026, 3, 3))
    rid = approved(factory, actors, draft(LineDraft(model="DZ47-63 C16", qty_counted=6, lot_no="L1"),
                                          received_on=date(2026, 3, 5)))
    lid = line_ids(factory, rid)[0]
    w = open_window(qtbot, factory, actors["eng"], station_settings, tab="inspection")
    bench = w.tabs["inspection"]
    assert bench.open_line(lid)
    button = bench.findChild(QPushButton, "relatedButton")
    assert button.text() == "同型号/批次…"
    click(qtbot, button)
    dialog: RelatedDialog = bench.related_dialog
    qtbot.waitExposed(dialog)
    assert [r.line_id for r in dialog.lotModel.rows] == [earlier]
    lot_rows = _cells(dialog.lotView)
    assert (lot_rows[0][8], lot_rows[0][9], lot_rows[0][10]) == ("2 供方", "报废", "触点材料不良")
    assert [r.line_id for r in dialog.modelModel.rows] == [other_lot, earlier]
    assert dialog.lotTitle.text() == "批次 L1 (DZ47-63 C16) 的其他退货: 1 行"
    assert dialog.modelTitle.text() == "型号 DZ47-63 C16 的其他退货: 2 行"
