"""The window as people work with it at the benches (issue 11, the window's part): a
scanner in a text field, the keyboard, the screen size, the queues in the tab titles,
the language, and what is left behind after an action."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from tests.ui.test_window import open_window, type_text


@pytest.fixture(autouse=True)
def discard_on_close(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("ui.errors.ask", lambda *a, **k: QMessageBox.StandardButton.Yes)


def keys_at(widget: QWidget, text: str, *, start: int, gap_ms: int, enter: bool = True) -> int:
    """Keys with the timestamps a keyboard (gap_ms ≥ 100) or a scanner (a few ms) gives them;
    returns the time after the last key."""
    t = start
    sequence = [(Qt.Key(ord(ch.upper())) if ch.isalnum() else Qt.Key.Key_unknown, ch) for ch in text]
    if enter:
        sequence.append((Qt.Key.Key_Return, "\r"))
    for key, ch in sequence:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, ch)
            event.setTimestamp(t)
            QApplication.sendEvent(widget, event)
        t += gap_ms
    return t


def models(desk: Any) -> list[str]:
    return [r["model"] for r in desk.lines.rows if r["model"]]


# ------------------------------------------------------------------ the scanner in a text field


def test_product_label_scanned_into_a_text_field_adds_a_line_and_leaves_the_field(
        qtbot, factory, actors, station_settings) -> None:
    w = open_window(qtbot, factory, actors["wh"], station_settings)
    desk = w.tabs["incoming"]
    desk.ui.notesEdit.setFocus()
    type_text(qtbot, desk.ui.notesEdit, "外箱破损")
    keys_at(desk.ui.notesEdit, "6901234500016", start=10_000, gap_ms=4)
    assert desk.ui.notesEdit.text() == "外箱破损"
    assert models(desk) == ["DZ47-63 C16"]
    assert w.scan_message.text() == "已添加产品 6901234500016。"


def test_the_same_digits_typed_by_a_person_stay_in_the_field(qtbot, factory, actors,
                                                             station_settings) -> None:
    w = open_window(qtbot, factory, actors["wh"], station_settings)
    desk = w.tabs["incoming"]
    desk.ui.orderEdit.setFocus()
    keys_at(desk.ui.orderEdit, "6901234500016", start=10_000, gap_ms=120)
    assert desk.ui.orderEdit.text() == "6901234500016"
    assert models(desk) == []
    # a short fast burst (a person's double key) is no scan either
    desk.ui.invoiceEdit.setFocus()
    keys_at(desk.ui.invoiceEdit, "12", start=50_000, gap_ms=3)
    assert desk.ui.invoiceEdit.text() == "12" and models(desk) == []


def test_the_scanner_is_timed_by_the_injected_clock_when_events_carry_no_time(
        qtbot, factory, actors, station_settings) -> None:
    w = open_window(qtbot, factory, actors["wh"], station_settings)
    desk = w.tabs["incoming"]
    now = [0.0]
    w.wedge.clock = lambda: now[0]
    desk.ui.orderEdit.setFocus()
    for ch in "6901234500047":  # a person: 200 ms between keys
        now[0] += 200
        qtbot.keyClick(desk.ui.orderEdit, ch)
    now[0] += 200
    qtbot.keyClick(desk.ui.orderEdit, Qt.Key.Key_Return)
    assert desk.ui.orderEdit.text() == "6901234500047" and models(desk) == []
    desk.ui.orderEdit.clear()
    for ch in "6901234500047":  # a scanner: 3 ms
        now[0] += 3
        qtbot.keyClick(desk.ui.orderEdit, ch)
    now[0] += 3
    qtbot.keyClick(desk.ui.orderEdit, Qt.Key.Key_Return)
    assert desk.ui.orderEdit.text() == ""
    assert models(desk) == ["CJX2-1810 220V"]
