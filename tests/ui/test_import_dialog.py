"""Station → Import a legacy Excel log: preview, rejects, one-transaction import, re-import."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import openpyxl
from sqlalchemy import func, select

from app.errors import DatabaseUnavailable
from app.reports.monthly import monthly_report
from db.models import Return, ReturnLine
from tests.ui.test_window import click, open_window
from ui.context import StationContext
from ui.import_dialog import ImportDialog

DATA = Path(__file__).resolve().parent.parent / "data"
SAMPLE = DATA / "legacy-returns-2025.xlsx"
EXPECTED = json.loads((DATA / "legacy-returns-2025.expected.json").read_text(encoding="utf-8"))


def column(model: Any, col: int) -> list[str]:
    return [model.data(model.index(r, col)) for r in range(model.rowCount())]


def lines_in(factory: Any) -> int:
    with factory() as s:
        return s.scalar(select(func.count()).select_from(ReturnLine))


def open_dialog(qtbot: Any, factory: Any, actor: Any, settings: Any) -> ImportDialog:
    ctx = StationContext(factory, actor, settings, database="test")
    dialog = ImportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.ask_open_path = lambda: str(SAMPLE)  # the open-file dialog, answered
    return dialog


def test_preview_then_import_then_nothing_new(qtbot, factory, actors, station_settings, tmp_path) -> None:
    dialog = open_dialog(qtbot, factory, actors["qa"], station_settings)
    assert not dialog.ui.importButton.isEnabled()
    assert "按“导入”之前不会写入" in dialog.ui.summaryLabel.text()

    click(qtbot, dialog.ui.chooseButton)
    assert dialog.ui.fileEdit.text() == str(SAMPLE)
    assert lines_in(factory) == 0  # reading wrote nothing
    rejected = {(r["sheet"], r["row"]) for r in EXPECTED["rejected"]}
    rows = dialog.rows_model
    new = column(rows, rows.columnCount() - 1)
    expected_lines = sum(m["total"]["lines"] for m in EXPECTED["months"].values())
    assert new.count("新") == expected_lines and len(new) == expected_lines
    assert dialog.ui.previewTabs.tabText(0) == f"待导入行({expected_lines})"
    assert {(s, int(r)) for s, r in zip(column(dialog.rejects_model, 0), column(dialog.rejects_model, 1),
                                        strict=True)} == rejected
    assert dialog.ui.previewTabs.tabText(1) == f"拒收行({len(rejected)})"
    reasons = column(dialog.rejects_model, 3)
    assert all(reasons) and all(not r.isascii() for r in reasons)  # every reason, in Chinese
    summary = dialog.ui.summaryLabel.text()
    assert f"将导入 {expected_lines} 条新明细" in summary and f"{len(rejected)} 行被拒收" in summary

    # the rejects, saved to fix and import again
    dialog.ask_save_path = lambda suggested: str(tmp_path / "rejects.xlsx")
    click(qtbot, dialog.ui.rejectsButton)
    wb = openpyxl.load_workbook(tmp_path / "rejects.xlsx")
    assert sum(ws.max_row - 1 for ws in wb.worksheets) == len(rejected)

    imported: list[Any] = []
    dialog.imported.connect(imported.append)
    click(qtbot, dialog.ui.importButton)
    assert lines_in(factory) == expected_lines
    (result,) = imported
    with factory() as s:
        assert s.scalar(select(func.count()).select_from(Return)) == result.returns_created == len(result.return_ids)
        for month, want in EXPECTED["months"].items():
            assert monthly_report(s, month).totals.lines == want["total"]["lines"]
    assert "已导入" in dialog.ui.summaryLabel.text()
    assert column(rows, rows.columnCount() - 1).count("已导入过") == expected_lines  # the preview now says so
    assert not dialog.ui.importButton.isEnabled()

    # the same file again: nothing new, and the dialog says so before anything is written
    click(qtbot, dialog.ui.chooseButton)
    assert "没有新的数据可导入" in dialog.ui.summaryLabel.text()
    assert not dialog.ui.importButton.isEnabled()
    assert lines_in(factory) == expected_lines


def test_lost_database_during_import_keeps_the_preview(qtbot, factory, actors, station_settings) -> None:
    down = {"now": False}

    def flaky(*a: Any, **kw: Any) -> Any:
        if down["now"]:
            raise DatabaseUnavailable("server closed the connection unexpectedly")
        return factory(*a, **kw)

    dialog = open_dialog(qtbot, flaky, actors["wh"], station_settings)
    click(qtbot, dialog.ui.chooseButton)
    before = dialog.rows_model.rowCount()
    down["now"] = True
    click(qtbot, dialog.ui.importButton)
    assert "预览已保留" in dialog.ui.summaryLabel.text()
    assert dialog.ui.summaryLabel.styleSheet() == "color: #c00000;"
    assert dialog.rows_model.rowCount() == before and dialog.ui.importButton.isEnabled()
    down["now"] = False
    assert lines_in(factory) == 0
    click(qtbot, dialog.ui.importButton)  # the user presses Import again once it is back
    assert lines_in(factory) == before


def test_unreadable_file_says_so_in_english(qtbot, factory, actors, station_settings, tmp_path,
                                             switch_language) -> None:
    switch_language("en")
    bad = tmp_path / "not a workbook.xlsx"
    bad.write_text("hello")
    dialog = open_dialog(qtbot, factory, actors["qa"], station_settings)
    dialog.ask_open_path = lambda: str(bad)
    click(qtbot, dialog.ui.chooseButton)
    text = dialog.ui.summaryLabel.text()
    assert text.startswith("Cannot read the Excel file") and "not a workbook.xlsx" in text
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in text)  # English, no Chinese left in it
    assert dialog.ui.summaryLabel.styleSheet() == "color: #c00000;" and not dialog.ui.importButton.isEnabled()


def test_menu_opens_it_for_qa_and_is_disabled_with_a_reason_for_sales(qtbot, factory, actors,
                                                                        station_settings, monkeypatch) -> None:
    shown: list[Any] = []
    monkeypatch.setattr("ui.errors.show", shown.append)
    w = open_window(qtbot, factory, actors["qa"], station_settings, tab="inspection")
    assert w.ui.actionImport.isEnabled()
    w.ui.actionImport.trigger()
    assert shown and isinstance(shown[0], ImportDialog)
    dialog = shown[0]
    dialog.ask_open_path = lambda: str(SAMPLE)
    click(qtbot, dialog.ui.chooseButton)
    click(qtbot, dialog.ui.importButton)
    assert lines_in(factory) > 0
    assert w.tabs["inspection"].model.rowCount() > 0  # the bench's queue shows the undecided imported lines
    w.close()
    w = open_window(qtbot, factory, actors["sales"], station_settings)
    assert not w.ui.actionImport.isEnabled()
    assert "品管和仓库" in w.ui.actionImport.toolTip()


def test_cancel_while_importing_writes_nothing(qtbot, factory, actors, station_settings) -> None:
    dialog = open_dialog(qtbot, factory, actors["qa"], station_settings)
    click(qtbot, dialog.ui.chooseButton)
    original = dialog._start
    reports: list[int] = []

    def start_then_cancel(title, work, done, cancelled):
        def work_with_a_cancel(progress):  # Cancel pressed once the first return has gone in
            report = progress.report

            def report_then_cancel(n, total, text=""):
                reports.append(n)
                report(n, total, text)
                progress.cancel()
            progress.report = report_then_cancel
            return work(progress)
        original(title, work_with_a_cancel, done, cancelled)

    dialog._start = start_then_cancel
    click(qtbot, dialog.ui.importButton)
    assert len(reports) == 1 and 0 < reports[0] < dialog.rows_model.rowCount()  # stopped after the first return …
    assert lines_in(factory) == 0  # … and were rolled back as one transaction
    assert "已取消:未导入任何数据" in dialog.ui.summaryLabel.text()
    assert dialog.ui.importButton.isEnabled()  # the preview stays, to import later
