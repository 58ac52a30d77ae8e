"""The import dialog reads .xls and .csv logs and says why a workbook gives nothing to import."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from tests.ui.test_import_dialog import open_dialog
from tests.ui.test_window import click

DATA = Path(__file__).resolve().parent.parent / "data"


def test_an_xls_log_previews_like_the_xlsx(qtbot, factory, actors, station_settings) -> None:
    dialog = open_dialog(qtbot, factory, actors["qa"], station_settings)
    dialog.ask_open_path = lambda: str(DATA / "legacy-returns-2025.xls")
    click(qtbot, dialog.ui.chooseButton)
    assert dialog.preview is not None and len(dialog.preview.read.rows) == 119
    assert dialog.ui.importButton.isEnabled()


def test_a_workbook_of_empty_sheets_says_which_were_skipped(qtbot, factory, actors, station_settings,
                                                              tmp_path, switch_language) -> None:
    switch_language("en")
    wb = Workbook()
    wb.active.title = "Sheet1"
    wb.create_sheet("Notes")["A1"] = "Returns of March"
    wb.save(tmp_path / "empty.xlsx")
    dialog = open_dialog(qtbot, factory, actors["qa"], station_settings)
    dialog.ask_open_path = lambda: str(tmp_path / "empty.xlsx")
    click(qtbot, dialog.ui.chooseButton)
    text = dialog.ui.summaryLabel.text()
    assert text.startswith("“empty.xlsx” holds no sheet to import as a log: Sheet “Sheet1” is empty; skipped; "
                           "Sheet “Notes”: no log header")
    assert dialog.ui.summaryLabel.styleSheet() == "color: #c00000;" and not dialog.ui.importButton.isEnabled()
