"""The printing desk: open a return by typing or scanning, preview, print — and what prints
scans back to the line's code."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import zxingcpp
from PIL import Image
from PySide6.QtCore import QDate, Qt
from PySide6.QtPrintSupport import QPrinter

from app.services.returns import LineDraft
from tests.unit.services.helpers import draft, planned, received
from ui.context import StationContext
from ui.labels_tab import LabelsTab


def make_tab(qtbot, factory, actors, station_settings) -> LabelsTab:
    ctx = StationContext(factory, actors["admin"], station_settings, database="test")
    tab = LabelsTab(ctx)
    qtbot.addWidget(tab)
    tab.resize(1200, 800)
    tab.show()
    qtbot.waitExposed(tab)
    return tab


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(300)
    return printer


def decode(pdf: Path, dpi: int = 300) -> list[str]:
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(pdf.with_suffix(""))], check=True)
    texts = []
    for png in sorted(pdf.parent.glob(pdf.stem + "-*.png")):
        texts += [r.text for r in zxingcpp.read_barcodes(Image.open(png))]
    return texts


def test_type_number_preview_and_print_what_was_previewed(qtbot, factory, actors, station_settings,
                                                          tmp_path) -> None:
    received(factory, actors, draft(LineDraft(model="DZ47-63 C16", qty_counted=20),
                                    LineDraft(model="CJX2-1810 220V", qty_counted=3)))
    tab = make_tab(qtbot, factory, actors, station_settings)
    qtbot.keyClicks(tab.rma_edit, "rma-2026-000001")
    qtbot.keyClick(tab.rma_edit, Qt.Key.Key_Return)
    assert tab.lines.count() == 2 and tab.ticked_lines() == [1, 2]
    assert len(tab.pages) == 2 and tab.status.text()
    tab.lines.item(0).setCheckState(Qt.CheckState.Unchecked)  # the person unticks line 1
    assert len(tab.pages) == 1
    tab.size_combo.setCurrentText("100x50")
    tab.choose_printer = lambda form: pdf_printer(tmp_path / "printed.pdf")
    qtbot.mouseClick(tab.print_button, Qt.MouseButton.LeftButton)
    assert decode(tmp_path / "printed.pdf") == ["RMA-2026-000001-2"]
    tab.form_combo.setCurrentIndex(tab.form_combo.findData("notice"))
    assert len(tab.pages) >= 1
    shots = Path("/tmp/ui_shots")
    shots.mkdir(exist_ok=True)
    qtbot.wait(100)
    tab.grab().save(str(shots / "labels_zh_CN.png"))


def test_scanned_line_label_opens_that_line_and_unknown_says_so(qtbot, factory, actors, station_settings) -> None:
    received(factory, actors, draft(LineDraft(model="DZ47-63 C16", qty_counted=20),
                                    LineDraft(model="DZ47-63 C32", qty_counted=4)))
    tab = make_tab(qtbot, factory, actors, station_settings)
    qtbot.keyClicks(tab.rma_edit, "RMA-2026-000001-2")
    qtbot.keyClick(tab.rma_edit, Qt.Key.Key_Return)
    assert tab.rma_no == "RMA-2026-000001" and tab.ticked_lines() == [2]
    tab.rma_edit.clear()
    qtbot.keyClicks(tab.rma_edit, "RMA-2026-000999")
    qtbot.keyClick(tab.rma_edit, Qt.Key.Key_Return)
    assert tab.status.text() == "No return RMA-2026-000999." or "RMA-2026-000999" in tab.status.text()


def test_one_click_from_the_desk_and_the_day_batch(qtbot, factory, actors, station_settings, tmp_path,
                                                   monkeypatch) -> None:
    monkeypatch.setenv("RMA_DATA_DIR", str(tmp_path))
    rid, _lid = planned(factory, actors)
    for _ in range(3):
        received(factory, actors, draft(LineDraft(model="DZ47-63 C16", qty_counted=2),
                                        LineDraft(model="DZ47-63 C32", qty_counted=1)))
    tab = make_tab(qtbot, factory, actors, station_settings)
    assert tab.ctx.print_return is not None
    messages: list[str] = []
    tab.ctx.events.message.connect(messages.append)
    assert tab.ctx.request_print(rid)
    assert (tmp_path / "printed" / "RMA-2026-000001-labels.pdf").exists()
    assert (tmp_path / "printed" / "RMA-2026-000001-notice.pdf").exists()
    assert "RMA-2026-000001" in messages[-1]
    tab.batch_date.setDate(QDate(2026, 3, 5))
    tab.sheet_combo.setCurrentIndex(tab.sheet_combo.findData("a4"))
    tab.dpi_combo.setCurrentIndex(tab.dpi_combo.findData(300))
    qtbot.mouseClick(tab.batch_button, Qt.MouseButton.LeftButton)
    batch = tmp_path / "printed" / f"labels-{date(2026, 3, 5).isoformat()}.pdf"
    assert batch.exists() and "7" in tab.status.text()
    assert sorted(decode(batch)) == sorted(
        ["RMA-2026-000001-1"] + [f"RMA-2026-00000{n}-{k}" for n in (2, 3, 4) for k in (1, 2)])


def test_batch_of_an_empty_day_says_so(qtbot, factory, actors, station_settings, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("RMA_DATA_DIR", str(tmp_path))
    tab = make_tab(qtbot, factory, actors, station_settings)
    tab.batch_date.setDate(QDate(2026, 1, 1))
    qtbot.mouseClick(tab.batch_button, Qt.MouseButton.LeftButton)
    assert "2026-01-01" in tab.status.text()
    assert not (tmp_path / "printed" / "labels-2026-01-01.pdf").exists()


def test_the_tab_opens_on_the_newest_return(qtbot, factory, actors, station_settings) -> None:
    received(factory, actors, draft(LineDraft(model="DZ47-63 C16", qty_counted=20)))
    received(factory, actors, draft(LineDraft(model="CJX2-1810 220V", qty_counted=3),
                                    LineDraft(model="DZ47-63 C16", qty_counted=5)))
    tab = make_tab(qtbot, factory, actors, station_settings)
    tab.activate()  # the main window calls this when the tab comes to the front
    assert tab.rma_edit.text() == "RMA-2026-000002"
    assert tab.ticked_lines() == [1, 2] and len(tab.pages) == 2
    tab.load("RMA-2026-000001")
    tab.activate()  # coming back to the tab keeps what the person opened
    assert tab.rma_edit.text() == "RMA-2026-000001"
