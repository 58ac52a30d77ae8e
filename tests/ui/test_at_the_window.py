"""The window as people work with it at the benches (issue 11, the window's part): a
scanner in a text field, the keyboard, the screen size, the queues in the tab titles,
the language, and what is left behind after an action."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from tests.ui.test_window import open_window, type_text
from ui.context import StationContext
from ui.main_window import MainWindow


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


# ------------------------------------------------------------------ the language


def test_view_menu_tick_follows_a_change_made_in_the_settings(qtbot, factory, actors, station_settings,
                                                              switch_language) -> None:
    w = open_window(qtbot, factory, actors["qa"], station_settings)
    assert w.ui.actionChinese.isChecked()
    switch_language("en")  # what the settings dialog does: install the language, tell the views
    w.ctx.set_language("en")
    assert w.ui.actionEnglish.isChecked() and not w.ui.actionChinese.isChecked()


def test_qt_own_dialog_texts_are_chinese_even_where_qlibraryinfo_names_no_folder(
        qtbot, monkeypatch, qapp) -> None:
    from PySide6.QtCore import QCoreApplication, QLibraryInfo

    from ui.i18n import install_language

    # a bundle without qt.conf: Qt's own idea of its translations folder leads nowhere
    monkeypatch.setattr(QLibraryInfo, "path", staticmethod(lambda _which: "/nonexistent"))
    install_language(qapp, "zh_CN")
    assert QCoreApplication.translate("QFileDialog", "File &name:") == "文件名称(&N)："
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"


def test_the_empty_bench_title_follows_the_language(qtbot, factory, actors, station_settings,
                                                   switch_language) -> None:
    w = open_window(qtbot, factory, actors["admin"], station_settings, tab="inspection")
    for key in ("inspection", "rework"):
        assert w.tabs[key].ui.titleLabel.text() == "扫描退货行标签或从列表中选择"
    switch_language("en")
    for key in ("inspection", "rework"):
        assert w.tabs[key].ui.titleLabel.text() == "Scan a line label or choose a line"


def test_counts_have_real_english_plurals(qtbot, factory, actors, station_settings, switch_language) -> None:
    from tests.unit.services.helpers import approved, draft

    approved(factory, actors, draft())
    w = open_window(qtbot, factory, actors["qa"], station_settings, tab="inspection")
    bench = w.tabs["inspection"]
    switch_language("en")
    qtbot.waitUntil(lambda: bench.ui.countLabel.text() != "", timeout=5000)
    assert bench.ui.countLabel.text().startswith("1 line")
    assert "(s)" not in bench.ui.countLabel.text()
    assert bench.ui.countLabel.text() == "1 line"
    from ui.widgets.bench import _COUNTS

    assert _COUNTS.lines(23) == "23 lines"


def test_no_english_text_says_s_in_brackets() -> None:
    """Every "(s)" source has its English plural forms, and app/ writes none itself."""
    import re
    import xml.etree.ElementTree as ET
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    ts = ET.parse(root / "resources" / "translations" / "rma_en.ts").getroot()
    bad = []
    for message in ts.iter("message"):
        translation = message.find("translation")
        assert translation is not None
        texts = [translation.text or ""] + [f.text or "" for f in translation.findall("numerusform")]
        if any(re.search(r"\((e?s)\)", t) for t in texts):
            bad.append(message.findtext("source"))
    assert bad == []
    import io
    import tokenize

    for path in (root / "app").rglob("*.py"):
        # only the texts (string literals): a call like `mark_demo(s)` is code, not English
        tokens = tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline)
        for tok in tokens:
            if tok.type == tokenize.STRING:
                assert not re.search(r"[A-Za-z]\((e?s)\)", tok.string), (path, tok.start, tok.string)


# ------------------------------------------------------------------ the status bar


def test_the_status_bar_names_the_configured_station_role(qtbot, factory, actors, station_settings) -> None:
    station_settings.set("station_role", "qa")
    w = open_window(qtbot, factory, actors["qa"], station_settings)
    assert w.role_label.text() == "工作站:品质检验台"


def test_a_successful_action_clears_an_old_error_from_the_status_bar(qtbot, factory, actors,
                                                                    station_settings) -> None:
    from tests.unit.services.helpers import approved, draft, line_ids

    rid = approved(factory, actors, draft())
    w = open_window(qtbot, factory, actors["qa"], station_settings)
    w.ctx.events.message.emit("发现不合格:未填写检验结果")
    assert w.statusBar().currentMessage() == "发现不合格:未填写检验结果"
    outcome = w.ctx.run(lambda _s: None, lines=line_ids(factory, rid))
    assert outcome.ok
    assert w.statusBar().currentMessage() == ""


# ------------------------------------------------------------------ what is left behind


def test_the_labels_tab_leaves_no_print_folder_behind(qtbot, factory, actors, station_settings,
                                                     tmp_path, monkeypatch) -> None:
    import tempfile
    from pathlib import Path

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # /tmp is shared with other runs

    from PySide6.QtCore import QCoreApplication

    def folders() -> set[Path]:
        return set(Path(tempfile.gettempdir()).glob("rma-print-*"))

    before = folders()
    for _ in range(2):
        # not handed to qtbot: this test deletes the window itself, as the station does at exit
        w = MainWindow(StationContext(factory, actors["admin"], station_settings, database="test"),
                       start_tab="labels", other_tabs=True)
        w.show()
        assert len(folders() - before) == 1  # the open tab has its one folder for the previews
        w.close()
        w.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        assert folders() - before == set()


def test_a_screenshot_of_the_reports_waits_for_the_charts_to_be_laid_out(
        qtbot, factory, actors, station_settings, real_threads) -> None:
    from tests.unit.services.helpers import decided
    from ui.app import wait_until_drawn

    decided(factory, actors)
    w = MainWindow(StationContext(factory, actors["admin"], station_settings, database="test"),
                   start_tab="reports", other_tabs=True)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    reports = w.tabs["reports"]
    wait_until_drawn(w)  # the month is read on a pool thread: this returns once it is drawn
    assert reports.report is not None
    chart = reports.pareto_chart
    assert chart.axes(), "the Pareto has no axes"
    area, size = chart.plotArea(), chart.size()
    # laid out: the plot area sits inside the chart with room for the axes' labels around it
    assert area.width() > 100 and area.height() > 50
    assert area.left() > 10 and area.right() < size.width() - 10 and area.bottom() < size.height() - 10


# ------------------------------------------------------------------ the queues in the titles


def titles(w: MainWindow) -> dict[str, str]:
    return {key: w.ui.tabs.tabText(w.ui.tabs.indexOf(tab)) for key, tab in w.tabs.items()}


def test_each_role_sees_its_queues_counted_in_the_tab_titles(qtbot, factory, actors, station_settings) -> None:
    from tests.unit.services.helpers import approved, draft, received

    received(factory, actors, draft(received_on=date(2026, 3, 5)))
    approved(factory, actors)
    qa = open_window(qtbot, factory, actors["qa"], station_settings, tab="inspection")
    assert titles(qa)["inspection"] == "检验判定 · 待检验 1"  # due tomorrow
    assert titles(qa)["rework"] == "返工记录 · 待复检 0 · 待结案 0"
    sales = open_window(qtbot, factory, actors["sales"], station_settings)
    assert titles(sales)["incoming"] == "来货登记 · 待销售确认 1 (逾期 1)"
    mgr = open_window(qtbot, factory, actors["mgr"], station_settings)
    assert titles(mgr)["incoming"] == "来货登记 · 待批准 0"


def test_the_titles_follow_each_action_and_f5(qtbot, factory, actors, station_settings) -> None:
    from tests.unit.services.helpers import approved, received

    rid = received(factory, actors)
    w = open_window(qtbot, factory, actors["mgr"], station_settings)
    assert titles(w)["incoming"] == "来货登记 · 待批准 0"
    from app.services import returns

    with factory.begin() as s:  # another desk's sales confirms: F5 counts again
        returns.confirm_by_sales(s, actors["sales"], rid, "按质保处理")
    qtbot.keyClick(w, Qt.Key.Key_F5)
    assert titles(w)["incoming"] == "来货登记 · 待批准 1 (逾期 1)"  # received in March
    desk = w.tabs["incoming"]
    desk.open_return(rid)
    type_text(qtbot, desk.ui.approvalNoteEdit, "同意")
    desk.ui.approveButton.click()
    assert titles(w)["incoming"] == "来货登记 · 待批准 0"  # after this window's own action
    assert titles(w)["inspection"].startswith("检验判定")
    approved(factory, actors)


def test_sales_and_the_manager_open_the_desk_on_their_own_list(qtbot, factory, actors, station_settings) -> None:
    from tests.unit.services.helpers import received

    rid = received(factory, actors)
    sales = open_window(qtbot, factory, actors["sales"], station_settings)
    desk = sales.tabs["incoming"]
    assert desk.ui.statusCombo.currentText() == "待我处理:待销售确认"
    assert desk.list_model.query.statuses == ("received",)
    assert desk.list_model.rowCount() == 1 and desk.list_model.record(0).id == rid
    mgr = open_window(qtbot, factory, actors["mgr"], station_settings)
    assert mgr.tabs["incoming"].ui.statusCombo.currentText() == "待我处理:待批准"
    assert mgr.tabs["incoming"].list_model.rowCount() == 0
    wh = open_window(qtbot, factory, actors["wh"], station_settings)
    assert wh.tabs["incoming"].ui.statusCombo.currentIndex() == 0


# ------------------------------------------------------------------ the screen's size


def on_screen(widget: QWidget, window: QWidget) -> bool:
    """The whole widget is drawn inside the window: not cut by a scroll area or the edge."""
    from PySide6.QtCore import QRect

    if not widget.isVisible():
        return False
    top_left = widget.mapTo(window, widget.rect().topLeft())
    inside = window.rect().contains(QRect(top_left, widget.size()))
    return inside and widget.visibleRegion().boundingRect() == widget.rect()


@pytest.fixture
def desk_screen(monkeypatch: pytest.MonkeyPatch) -> Any:
    """`desk_screen(1366, 768)`: the window opens on a screen of that size with a 40 px taskbar."""
    from PySide6.QtCore import QRect

    from ui import screen_fit

    def use(width: int, height: int) -> None:
        monkeypatch.setattr(screen_fit, "available", lambda _w: QRect(0, 0, width, height - 40))

    return use


def test_on_a_1366x768_screen_the_window_fits_and_each_step_button_is_visible(
        qtbot, factory, actors, station_settings, desk_screen) -> None:
    from app.services import rework as rework_service
    from tests.unit.services.helpers import approved, decided, line_ids, planned

    inspect_id = line_ids(factory, approved(factory, actors))[0]
    _rid, rework_id = decided(factory, actors)
    _rid, reinspect_id = planned(factory, actors)
    with factory.begin() as s:
        rework_service.finish_rework(s, actors["pmc"], reinspect_id)
    desk_screen(1366, 768)
    w = open_window(qtbot, factory, actors["admin"], station_settings)
    assert (w.frameGeometry().width(), w.height()) <= (1366, 728) and w.width() >= 1300
    for lang_switch in ("zh_CN", "en"):
        if lang_switch == "en":
            w.switch_language("en")
            QApplication.processEvents()
        desk = w.show_tab("incoming")
        QApplication.processEvents()
        assert on_screen(desk.ui.registerButton, w), lang_switch
        bench = w.show_tab("inspection")
        bench.open_line(inspect_id)
        QApplication.processEvents()
        assert on_screen(bench.ui.saveInspectionButton, w), lang_switch
        rework = w.show_tab("rework")
        rework.open_line(rework_id)
        QApplication.processEvents()
        assert on_screen(rework.ui.savePlanButton, w), lang_switch
        rework.open_line(reinspect_id)  # the last step of the form, far below its top
        QApplication.processEvents()
        assert on_screen(rework.ui.saveReinspectionButton, w), lang_switch
    w.switch_language("zh_CN")


def test_a_geometry_saved_on_a_larger_monitor_is_clamped_to_the_screen(
        qtbot, factory, actors, station_settings, desk_screen) -> None:
    big = open_window(qtbot, factory, actors["wh"], station_settings)
    big.resize(1900, 1150)
    station_settings.save_layout("main_geometry", big.saveGeometry())
    desk_screen(1366, 768)
    w = open_window(qtbot, factory, actors["wh"], station_settings)
    assert w.frameGeometry().width() <= 1366 and w.frameGeometry().height() <= 728
    assert w.frameGeometry().left() >= 0 and w.frameGeometry().top() >= 0


def test_at_1024x768_the_desk_shows_customer_model_and_counted_without_sideways_scrolling(
        qtbot, factory, actors, station_settings, desk_screen) -> None:
    from tests.unit.services.helpers import received

    received(factory, actors)
    desk_screen(1024, 768)
    w = open_window(qtbot, factory, actors["wh"], station_settings)
    assert w.width() <= 1024
    desk = w.tabs["incoming"]
    w.switch_language("en")
    try:
        for _lang in ("en", "zh_CN"):
            QApplication.processEvents()
            view = desk.ui.returnsView
            column = desk.list_model.column_of("customer") if hasattr(desk.list_model, "column_of") else 2
            assert view.columnViewportPosition(column) + view.columnWidth(column) <= view.viewport().width()
            scan_view = desk.ui.linesView
            desk.scan_product("6901234500016")
            for key in ("model", "qty_counted"):
                col = desk.lines.column_of(key)
                right = scan_view.columnViewportPosition(col) + scan_view.columnWidth(col)
                assert scan_view.columnViewportPosition(col) >= 0 and right <= scan_view.viewport().width(), key
            w.switch_language("zh_CN")
    finally:
        w.switch_language("zh_CN")


# ------------------------------------------------------------------ the keyboard


def test_ctrl_s_saves_the_step_of_the_open_line(qtbot, factory, actors, station_settings) -> None:
    from db.models import ReturnLine
    from tests.unit.services.helpers import approved, line_ids

    lid = line_ids(factory, approved(factory, actors))[0]
    w = open_window(qtbot, factory, actors["qa"], station_settings, tab="inspection")
    bench = w.tabs["inspection"]
    assert bench.open_line(lid)
    bench.ui.findingsEdit.setFocus()
    type_text(qtbot, bench.ui.findingsEdit, "触点烧蚀")
    bench.ui.opinionEdit.setFocus()
    type_text(qtbot, bench.ui.opinionEdit, "制造不良")
    qtbot.keyClick(bench.ui.opinionEdit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    with factory() as s:
        assert s.get(ReturnLine, lid).status == "decision"


def test_a_date_field_takes_one_tab_in_and_one_out(qtbot, factory, actors, station_settings) -> None:
    w = open_window(qtbot, factory, actors["wh"], station_settings)
    desk = w.tabs["incoming"]
    date_edit = desk.ui.receivedDateEdit
    date_edit.setFocus()
    qtbot.waitUntil(date_edit.hasFocus, timeout=2000)
    qtbot.keyClick(date_edit, Qt.Key.Key_Tab)
    focused = QApplication.focusWidget()
    assert focused is not date_edit and not date_edit.isAncestorOf(focused)
    qtbot.keyClick(focused, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is date_edit


def mnemonic(text: str) -> str | None:
    """The Alt letter of a text: the character after a single "&" ("登记退货(&G)" → G)."""
    import re

    found = re.search(r"(?<!&)&([^&\s])", text.replace("&&", ""))
    return found.group(1).upper() if found else None


def mnemonics_of(root: QWidget) -> list[tuple[str, str]]:
    from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QTabWidget

    out = []
    for widget in [root, *root.findChildren(QWidget)]:
        if widget is not root and not widget.isVisibleTo(root):
            continue
        texts = []
        if isinstance(widget, QAbstractButton) or isinstance(widget, QLabel) and widget.buddy() is not None:
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox) and widget.isCheckable():
            texts.append(widget.title())
        elif isinstance(widget, QTabWidget):
            texts += [widget.tabText(i) for i in range(widget.count())]
        out += [(letter, text) for text in texts if (letter := mnemonic(text))]
    return out


def test_no_alt_letter_is_used_twice_on_any_tab_in_either_language(
        qtbot, factory, actors, station_settings, switch_language) -> None:
    from collections import Counter

    w = open_window(qtbot, factory, actors["admin"], station_settings, other_tabs=True)
    menus = [(mnemonic(a.text()), a.text()) for a in w.menuBar().actions() if mnemonic(a.text())]
    problems = []
    for lang in ("zh_CN", "en"):
        switch_language(lang)
        for key, tab in w.tabs.items():
            w.show_tab(key)
            QApplication.processEvents()
            found = menus + mnemonics_of(tab)
            counts = Counter(letter for letter, _t in found)
            problems += [(lang, key, letter, [t for x, t in found if x == letter])
                         for letter, n in counts.items() if n > 1]
        for menu in w.menuBar().findChildren(__import__("PySide6.QtWidgets").QtWidgets.QMenu):
            letters = Counter(mnemonic(a.text()) for a in menu.actions() if mnemonic(a.text()))
            problems += [(lang, menu.title(), letter) for letter, n in letters.items() if n > 1]
    assert problems == [], "\n".join(map(str, problems))


def test_tab_walks_the_desk_header_in_reading_order_with_one_press_per_date(
        qtbot, factory, actors, station_settings) -> None:
    w = open_window(qtbot, factory, actors["wh"], station_settings)
    ui = w.tabs["incoming"].ui
    ui.customerCombo.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=2000)
    seen = []
    for _ in range(10):
        focused = QApplication.focusWidget()
        seen.append(focused.objectName())
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    assert seen == ["customerCombo", "arrivalCombo", "orderEdit", "deliveryEdit", "invoiceEdit",
                    "receivedDateEdit", "locationCombo", "urgencyCombo", "notesEdit", "addLineButton"]


def test_at_1024x768_the_benches_show_customer_and_model_without_sideways_scrolling(
        qtbot, factory, actors, station_settings, desk_screen) -> None:
    from tests.unit.services.helpers import approved, decided

    approved(factory, actors)
    decided(factory, actors)
    desk_screen(1024, 768)
    w = open_window(qtbot, factory, actors["admin"], station_settings)
    assert w.width() <= 1024
    try:
        for lang in ("en", "zh_CN"):
            w.switch_language(lang)
            for key in ("inspection", "rework"):
                bench = w.show_tab(key)
                QApplication.processEvents()
                view = bench.ui.queueView
                assert bench.model.rowCount() > 0, key
                for column_key in ("customer", "model"):
                    col = bench.model.column_of(column_key)
                    right = view.columnViewportPosition(col) + view.columnWidth(col)
                    assert view.columnViewportPosition(col) >= 0, (lang, key, column_key)
                    assert right <= view.viewport().width(), (lang, key, column_key, right, view.viewport().width())
    finally:
        w.switch_language("zh_CN")


def test_enter_in_a_single_line_field_saves_as_ctrl_s_does(qtbot, factory, actors, station_settings) -> None:
    from db.models import ReturnLine
    from tests.unit.services.helpers import decided

    _rid, lid = decided(factory, actors)
    w = open_window(qtbot, factory, actors["pmc"], station_settings, tab="rework")
    rework = w.tabs["rework"]
    assert rework.open_line(lid)
    qty = rework.ui.reworkQtyEdit
    qty.setFocus()
    qty.selectAll()
    type_text(qtbot, qty, "1")
    with qtbot.waitSignal(rework.ui.savePlanButton.clicked, timeout=5000):
        qtbot.keyClick(qty, Qt.Key.Key_Return)
    with factory() as s:
        assert s.get(ReturnLine, lid).status != "rework_plan"


def test_enter_on_the_desk_header_registers_but_not_in_a_combo_or_a_cell_editor(
        qtbot, factory, actors, station_settings) -> None:
    w = open_window(qtbot, factory, actors["wh"], station_settings)
    desk = w.tabs["incoming"]
    order = desk.ui.orderEdit
    order.setFocus()
    type_text(qtbot, order, "PO-7")
    with qtbot.waitSignal(desk.ui.registerButton.clicked, timeout=5000):
        qtbot.keyClick(order, Qt.Key.Key_Return)
    combo = desk.ui.customerCombo
    combo.setFocus()
    with qtbot.assertNotEmitted(desk.ui.registerButton.clicked):
        qtbot.keyClick(combo, Qt.Key.Key_Return)
        if combo.lineEdit() is not None:
            qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_Return)
    desk.scan_product("6901234500016")
    view = desk.ui.linesView
    index = desk.lines.index(0, desk.lines.column_of("qty_counted"))
    view.setCurrentIndex(index)
    view.edit(index)
    editor = QApplication.focusWidget()
    assert editor is not None and view.isAncestorOf(editor)
    with qtbot.assertNotEmitted(desk.ui.registerButton.clicked):
        qtbot.keyClick(editor, Qt.Key.Key_Return)


def test_enter_in_a_multi_line_box_is_a_newline_not_a_save(qtbot, factory, actors, station_settings) -> None:
    from db.models import ReturnLine
    from tests.unit.services.helpers import approved, line_ids

    lid = line_ids(factory, approved(factory, actors))[0]
    w = open_window(qtbot, factory, actors["qa"], station_settings, tab="inspection")
    bench = w.tabs["inspection"]
    assert bench.open_line(lid)
    findings = bench.ui.findingsEdit
    findings.setFocus()
    type_text(qtbot, findings, "abc")
    with qtbot.assertNotEmitted(bench.ui.saveInspectionButton.clicked):
        qtbot.keyClick(findings, Qt.Key.Key_Return)
    assert "\n" in findings.toPlainText()
    with factory() as s:
        assert s.get(ReturnLine, lid).status == "inspection"


def tab_walk(qtbot: Any, start: QWidget, presses: int) -> list[str]:
    """The objectNames Tab visits from `start`, one press at a time."""
    start.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is start, timeout=2000)
    seen = []
    for _ in range(presses):
        focused = QApplication.focusWidget()
        seen.append(focused.objectName())
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    return seen


def test_tab_walks_the_qa_bench_and_rework_forms_in_reading_order(qtbot, factory, actors, station_settings) -> None:
    from app.services import rework as rework_service
    from tests.unit.services.helpers import approved, decided, line_ids, planned

    inspect_id = line_ids(factory, approved(factory, actors))[0]
    _rid, rework_id = decided(factory, actors)
    _rid, costs_id = planned(factory, actors)
    _rid, reinspect_id = planned(factory, actors)
    with factory.begin() as s:
        rework_service.finish_rework(s, actors["pmc"], reinspect_id)
    w = open_window(qtbot, factory, actors["admin"], station_settings)

    def walk(tab: Any, names: list[str]) -> None:
        """Tab from the first visits these, in this (reading) order; disabled ones are skipped."""
        want = [n for n in names if getattr(tab.ui, n).isEnabled() and getattr(tab.ui, n).isVisible()]
        assert len(want) >= 3
        assert tab_walk(qtbot, getattr(tab.ui, want[0]), len(want)) == want

    bench = w.show_tab("inspection")
    assert bench.open_line(inspect_id)
    QApplication.processEvents()
    walk(bench, ["findingsEdit", "defectCombo", "opinionEdit", "saveInspectionButton"])
    rework = w.show_tab("rework")
    for line_id, names in ((rework_id, ["plannedDateEdit", "reworkQtyEdit", "savePlanButton"]),
                           (costs_id, ["addMaterialButton", "removeMaterialButton", "materialsView"]),
                           (reinspect_id, ["qualifiedEdit", "unqualifiedEdit", "scrappedEdit",
                                           "saveReinspectionButton"])):
        assert rework.open_line(line_id)
        QApplication.processEvents()
        walk(rework, names)
    desk = w.show_tab("incoming")
    QApplication.processEvents()
    walk(desk, ["customerCombo", "arrivalCombo", "orderEdit", "deliveryEdit", "invoiceEdit", "receivedDateEdit",
                "locationCombo", "urgencyCombo", "notesEdit", "addLineButton"])


def test_at_1366x728_each_step_of_a_line_fits_its_form_without_scrolling(
        qtbot, factory, actors, station_settings, desk_screen) -> None:
    from app.services import rework as rework_service
    from tests.unit.services.helpers import approved, decided, line_ids, planned

    inspect_id = line_ids(factory, approved(factory, actors))[0]
    decision_id = line_ids(factory, approved(factory, actors))[0]
    _rid, plan_id = decided(factory, actors)
    _rid, costs_id = planned(factory, actors)
    _rid, reinspect_id = planned(factory, actors)
    with factory.begin() as s:
        rework_service.finish_rework(s, actors["pmc"], reinspect_id)
    desk_screen(1366, 768)
    w = open_window(qtbot, factory, actors["admin"], station_settings)
    inspection = w.tabs["inspection"]
    w.show_tab("inspection")
    assert inspection.open_line(decision_id)
    inspection.ui.findingsEdit.setPlainText("x")
    inspection.ui.opinionEdit.setPlainText("y")
    inspection.ui.saveInspectionButton.click()
    steps = [("inspection", inspect_id, "saveInspectionButton"), ("inspection", decision_id, "saveDecisionButton"),
             ("rework", plan_id, "savePlanButton"), ("rework", costs_id, "saveCostsButton"),
             ("rework", costs_id, "finishButton"), ("rework", reinspect_id, "saveReinspectionButton")]
    problems = []
    try:
        for lang in ("zh_CN", "en"):
            w.switch_language(lang)
            for key, line_id, button in steps:
                tab = w.show_tab(key)
                assert tab.open_line(line_id)
                QApplication.processEvents()
                bar = tab.ui.formScroll.verticalScrollBar()
                fits = bar.maximum() == 0
                seen = [n for n in (button, "titleLabel") if on_screen(getattr(tab.ui, n), w)]
                if not fits or len(seen) < 2:
                    problems.append((lang, key, button, bar.maximum(), seen))
    finally:
        w.switch_language("zh_CN")
    assert problems == [], "\n".join(map(str, problems))
