"""The station window as a whole: which tabs a user sees, the scan field and the scanner,
the status bar, switching the language without losing input, and the start without a
display. Also the helpers the walkthrough uses to act as a person would."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QWidget

from app.services.context import Actor
from tests.unit.services.helpers import approved, draft, line_ids
from ui.context import StationContext
from ui.main_window import MainWindow, PendingTab

# ------------------------------------------------------------------ acting as a person


def open_window(qtbot: Any, factory: Any, actor: Actor, settings: Any, *, tab: str | None = None,
                print_hook: Any = None, other_tabs: bool = False) -> MainWindow:
    """The window as `actor` sees it after logging in, shown and active (by default
    without the reports and labels tabs, which have their own tests)."""
    ctx = StationContext(factory, actor, settings, database="SQLite: test")
    ctx.print_return = print_hook
    window = MainWindow(ctx, start_tab=tab, other_tabs=other_tabs)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    return window


def type_text(qtbot: Any, widget: QWidget, text: str) -> None:
    """Type as a person does: Latin letters and digits as keys, Chinese through the input
    method (what an IME sends when the user picks the characters)."""
    run = ""
    for ch in text + "\0":
        if ch != "\0" and ch.isascii() == (run[:1].isascii() if run else ch.isascii()):
            run += ch
            continue
        if run.isascii():
            qtbot.keyClicks(widget, run)
        else:
            event = QInputMethodEvent()
            event.setCommitString(run)
            QApplication.sendEvent(widget, event)
        run = ch if ch != "\0" else ""


def click(qtbot: Any, button: QWidget) -> None:
    assert button.isEnabled(), f"{button.objectName()} is disabled: {button.toolTip()}"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def scan(qtbot: Any, window: MainWindow, code: str) -> None:
    """A handheld scanner at the toolbar's field: F2, the label's text, Enter."""
    qtbot.keyClick(window, Qt.Key.Key_F2)
    qtbot.waitUntil(window.scan_field.hasFocus, timeout=2000)  # focus moves on the next event loop pass
    qtbot.keyClicks(window.scan_field, code)
    qtbot.keyClick(window.scan_field, Qt.Key.Key_Return)


def type_cell(qtbot: Any, view: Any, row: int, column: int, text: str) -> None:
    """Click into a table cell, type over what it holds, press Enter."""
    index = view.model().index(row, column)
    view.setFocus()
    view.setCurrentIndex(index)  # moving there opens the cell's editor (any edit trigger)
    if view.state() != view.State.EditingState:
        view.edit(index)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and view.viewport().isAncestorOf(editor), "no cell editor opened"
    editor.selectAll()
    type_text(qtbot, editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits the cell on a queued call
    assert view.model().data(index, Qt.ItemDataRole.EditRole) == text.strip()


@pytest.fixture
def line_label(factory, actors) -> str:
    rid = approved(factory, actors, draft())
    from db.models import ReturnLine

    with factory() as s:
        return s.get(ReturnLine, line_ids(factory, rid)[0]).barcode


# ------------------------------------------------------------------ tests


@pytest.fixture(autouse=True)
def discard_on_close(monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows left with typed input are closed at the end of a test: answer "discard"
    instead of opening a modal box that nobody would answer."""
    monkeypatch.setattr("ui.errors.ask", lambda *a, **k: QMessageBox.StandardButton.Yes)




def test_tabs_follow_the_roles_and_the_station_role_opens_its_tab(qtbot, factory, actors,
                                                                  station_settings) -> None:
    station_settings.set("station_role", "qa")
    admin = open_window(qtbot, factory, actors["admin"], station_settings, other_tabs=True)
    assert list(admin.tabs) == ["incoming", "inspection", "rework", "reports", "labels"]
    assert admin.current_tab_key() == "inspection"
    titles = [admin.ui.tabs.tabText(i).split(" · ")[0] for i in range(admin.ui.tabs.count())]
    assert titles[:3] == ["来货登记", "检验判定", "返工记录"]
    assert isinstance(admin.tabs["reports"], QWidget)
    pmc = open_window(qtbot, factory, actors["pmc"], station_settings, other_tabs=True)
    assert list(pmc.tabs) == ["rework", "reports", "labels"]
    assert pmc.current_tab_key() == "rework"  # the station's tab is not one of theirs: their first
    eng = open_window(qtbot, factory, actors["eng"], station_settings)
    assert list(eng.tabs) == ["inspection"]


def test_status_bar_names_user_station_and_database(qtbot, factory, actors, station_settings) -> None:
    w = open_window(qtbot, factory, actors["qa"], station_settings)
    assert w.user_label.text() == "用户:陈品质(品质检验)"
    assert "仓库收货台" in w.role_label.text()
    assert w.db_label.text() == "数据库:SQLite: test(已连接)"


def test_refused_actions_are_disabled_with_the_reason(qtbot, factory, actors, station_settings,
                                                      line_label) -> None:
    w = open_window(qtbot, factory, actors["qa"], station_settings, tab="inspection")
    scan(qtbot, w, line_label)
    bench = w.tabs["inspection"]
    assert bench.ui.saveInspectionButton.isEnabled()
    assert not bench.ui.saveDecisionButton.isEnabled()
    assert "技术部" in bench.ui.saveDecisionButton.toolTip()
    sales = open_window(qtbot, factory, actors["sales"], station_settings)
    desk = sales.tabs["incoming"]
    assert not desk.ui.registerButton.isEnabled()
    assert "仓管员" in desk.ui.registerButton.toolTip()


def test_unknown_code_is_said_beside_the_scan_field_without_a_dialog(qtbot, factory, actors,
                                                                     station_settings, monkeypatch) -> None:
    opened: list[Any] = []
    monkeypatch.setattr("ui.errors.show", opened.append)
    w = open_window(qtbot, factory, actors["qa"], station_settings, tab="inspection")
    scan(qtbot, w, "RMA-2026-999999-1")
    assert w.scan_message.text() == "无法识别的条码:RMA-2026-999999-1"
    assert w.statusBar().currentMessage() == w.scan_message.text()
    scan(qtbot, w, "not-a-code")
    assert "not-a-code" in w.scan_message.text()
    assert opened == [] and QApplication.activeModalWidget() is None
    assert w.scan_field.text() == ""  # ready for the next scan


def test_scanner_burst_in_another_field_opens_the_line(qtbot, factory, actors, station_settings,
                                                       line_label) -> None:
    w = open_window(qtbot, factory, actors["qa"], station_settings, tab="rework")
    rework = w.tabs["rework"]
    rework.ui.searchEdit.setFocus()
    qtbot.keyClicks(rework.ui.searchEdit, line_label)
    qtbot.keyClick(rework.ui.searchEdit, Qt.Key.Key_Enter)
    assert w.current_tab_key() == "inspection"  # the line waits for inspection
    assert w.tabs["inspection"].ui.titleLabel.text() == line_label
    assert rework.ui.searchEdit.text() == ""


def test_typing_that_is_no_label_reaches_the_field(qtbot, factory, actors, station_settings) -> None:
    w = open_window(qtbot, factory, actors["qa"], station_settings, tab="inspection")
    bench = w.tabs["inspection"]
    bench.ui.searchEdit.setFocus()
    type_text(qtbot, bench.ui.searchEdit, "RMX 华东 R")
    # a person pausing after the "R": the held key is handed over once the gap has passed
    qtbot.waitUntil(lambda: bench.ui.searchEdit.text() == "RMX 华东 R", timeout=30_000)


def test_product_label_at_the_desk_adds_a_line(qtbot, factory, actors, station_settings) -> None:
    w = open_window(qtbot, factory, actors["wh"], station_settings)
    desk = w.tabs["incoming"]
    scan(qtbot, w, "6901234500047")
    scan(qtbot, w, "6901234500016")
    assert [r["model"] for r in desk.lines.rows] == ["CJX2-1810 220V", "DZ47-63 C16"]
    assert w.scan_message.text() == "已添加产品 6901234500016。"
    scan(qtbot, w, "6900000000000")
    assert "无法识别" in w.scan_message.text()
    assert len(desk.lines.rows) == 2


def test_language_switch_keeps_what_was_typed(qtbot, factory, actors, station_settings) -> None:
    w = open_window(qtbot, factory, actors["wh"], station_settings)
    desk = w.tabs["incoming"]
    type_text(qtbot, desk.ui.customerCombo.lineEdit(), "华东电气设备有限公司")
    type_text(qtbot, desk.ui.notesEdit, "外箱破损")
    scan(qtbot, w, "6901234500016")
    type_cell(qtbot, desk.ui.linesView, 0, desk.lines.column_of("qty_counted"), "7")
    assert desk.ui.registerButton.text() == "登记退货(&G)"
    try:
        w.switch_language("en")
        QApplication.processEvents()
        assert w.ui.tabs.tabText(0) == "Incoming returns · To register 0"
        assert desk.ui.registerButton.text() == "Re&gister return"
        assert desk.ui.urgencyCombo.currentText() == "Normal"
        assert desk.lines.headerData(desk.lines.column_of("qty_counted"), Qt.Orientation.Horizontal) == "Counted"
        assert w.user_label.text().startswith("User: ")
        assert desk.ui.customerCombo.currentText() == "华东电气设备有限公司"
        assert desk.ui.notesEdit.text() == "外箱破损"
        assert desk.lines.rows[0]["qty_counted"] == "7"
        assert station_settings.get("language") == "en"
    finally:
        w.switch_language("zh_CN")
        QApplication.processEvents()
    assert w.ui.tabs.tabText(0) == "来货登记 · 收货待登记 0"
    assert desk.ui.urgencyCombo.currentText() == "一般"


def test_closing_with_unsaved_input_asks(qtbot, factory, actors, station_settings, monkeypatch) -> None:
    asked: list[str] = []
    monkeypatch.setattr("ui.errors.ask", lambda _p, _t, text, *a, **k:
                        asked.append(text) or QMessageBox.StandardButton.No)
    w = open_window(qtbot, factory, actors["wh"], station_settings)
    qtbot.keyClicks(w.tabs["incoming"].ui.orderEdit, "SO-1")
    assert not w.close()
    assert asked and w.isVisible()


def test_pending_tab_stands_in_for_a_missing_module(qtbot) -> None:
    tab = PendingTab()
    qtbot.addWidget(tab)
    assert tab.label.text() == "此版本尚未提供该功能。"


def test_without_a_display_the_start_saves_a_screenshot(tmp_path, monkeypatch, capsys) -> None:
    """`rma-station` on a machine with no display: offscreen, the embedded database of the
    data folder (set up before; an empty folder: tests/ui/test_first_start.py), a screenshot
    in the data folder, exit 0."""
    from app.services.setup import initialize
    from db.engine import make_engine, make_session_factory
    from db.migrate import upgrade
    from ui import app as station_app

    engine = make_engine(f"sqlite:///{tmp_path / 'rma-station.sqlite3'}")
    upgrade(engine)
    with make_session_factory(engine).begin() as s:
        initialize(s, "东方电器", {}, "admin", "管理员", "Sicher-2026")
    engine.dispose()
    monkeypatch.setenv("RMA_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("RMA_DATABASE_URL", raising=False)
    monkeypatch.setattr(station_app, "_no_display", lambda: True)
    args = argparse.Namespace(command=None, screenshot=None, tab="inspection", lang="zh_CN", user=None)
    assert station_app.run_gui(args) == 0
    out = tmp_path / station_app.SCREENSHOT_NAME
    printed = capsys.readouterr().out
    assert str(out) in printed and "display" in printed
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1366, 768)  # a factory desk's screen
    assert Path(tmp_path / "rma-station.sqlite3").exists()
    assert not QApplication.windowIcon().isNull()  # the station's icon, on every window and the taskbar
