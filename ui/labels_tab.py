"""标签打印 — pick a return and its lines, preview and print labels and slips.

The preview shows the very PDF that prints: app.printing writes it, QtPdf renders its pages
for the screen and, at the printer's resolution, for the printer. A label printer named in
the settings gets the label stock as its page size; "PDF" (the default) saves the files in
the station's data folder instead, which is also how the tests print.
"""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMarginsF, QSize, QSizeF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QListWidgetItem,
    QWidget,
)

from app.errors import DatabaseUnavailable, StationError
from app.paths import user_data_dir
from app.printing import records, slips
from app.printing.labels import DPIS, SIZES, render_labels
from app.services import lookups
from app.services.returns import find_return, get_return
from db.models import Return
from forms.ui_labels_tab import Ui_LabelsTab
from ui.context import StationContext
from ui.i18n import Retranslatable
from ui.worker import Progress, run_in_background

FORMS = ["labels", "notice", "analysis", "liaison", "rework"]
SLIP_RENDER = {
    "notice": (records.notice_data, slips.render_notice),
    "analysis": (records.analysis_data, slips.render_analysis),
    "liaison": (records.liaison_data, slips.render_liaison),
    "rework": (records.rework_order_data, slips.render_rework_order),
}


def print_pdf(pdf: Path, printer: QPrinter, page_mm: tuple[float, float] | None = None) -> int:
    """Send every page of `pdf` to `printer`, rendered at the printer's own resolution."""
    doc = QPdfDocument()
    doc.load(str(pdf))
    if page_mm is not None:
        printer.setPageSize(QPageSize(QSizeF(*page_mm), QPageSize.Unit.Millimeter, "label"))
        printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
        printer.setFullPage(True)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not be opened")
    try:
        dpi = printer.resolution()
        for i in range(doc.pageCount()):
            if i:
                printer.newPage()
            size_pt = doc.pagePointSize(i)
            px = QSize(round(size_pt.width() / 72 * dpi), round(size_pt.height() / 72 * dpi))
            image = doc.render(i, px)
            target = painter.viewport()
            painter.drawImage(target.topLeft(), image.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                                            Qt.TransformationMode.FastTransformation))
    finally:
        painter.end()
    return doc.pageCount()


class LabelsTab(Retranslatable, QWidget):
    """The printing desk: one return's labels and slips, or a day's labels in one batch."""

    def __init__(self, ctx: StationContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rma_no: str | None = None
        self.pdf: Path | None = None
        self.pages: list[QImage] = []
        # the previews' PDFs: one folder owned by the tab, removed with it (and at exit at the
        # latest, by TemporaryDirectory's own finalizer), so no rma-print-* folder piles up
        self._tmpdir = tempfile.TemporaryDirectory(prefix="rma-print-")
        self._tmp = Path(self._tmpdir.name)
        self.destroyed.connect(self._tmpdir.cleanup)

        self.ui = Ui_LabelsTab()
        self.ui.setupUi(self)
        # short names the rest of the class (and its tests) use
        self.rma_edit, self.load_button, self.lines = self.ui.rmaEdit, self.ui.loadButton, self.ui.linesList
        self.form_combo, self.size_combo = self.ui.formCombo, self.ui.sizeCombo
        self.dpi_combo, self.sheet_combo = self.ui.dpiCombo, self.ui.sheetCombo
        self.print_button, self.save_button = self.ui.printButton, self.ui.saveButton
        self.batch_date, self.batch_button, self.status = self.ui.batchDate, self.ui.batchButton, self.ui.statusLabel
        self.preview_area, self.preview_layout = self.ui.previewArea, self.ui.previewLayout
        self.preview_host = self.ui.previewHost
        self.rma_edit.returnPressed.connect(self.load_typed)
        self.load_button.clicked.connect(self.load_typed)
        self.lines.itemChanged.connect(lambda _i: self.preview())
        self.size_combo.addItems(list(SIZES))
        for d in DPIS:
            self.dpi_combo.addItem(f"{d} dpi", d)
        settings = ctx.settings
        if settings is not None and hasattr(settings, "get"):
            self.size_combo.setCurrentText(str(settings.get("label_size")))
            self.dpi_combo.setCurrentIndex(max(0, self.dpi_combo.findData(int(settings.get("label_dpi")))))
        for combo in (self.form_combo, self.size_combo, self.dpi_combo, self.sheet_combo):
            combo.currentIndexChanged.connect(lambda _i: self.preview())
        self.print_button.clicked.connect(self.print_current)
        self.save_button.clicked.connect(self.save_current)
        self.batch_date.setDate(date.today())
        self.batch_button.clicked.connect(self.batch_day)
        self.ui.splitter.setSizes([380, 800])
        self.retranslate()
        if ctx.print_return is None:
            ctx.print_return = self.print_return_now

    # ------------------------------------------------------------ texts

    def retranslate(self) -> None:
        self.ui.retranslateUi(self)
        names = [self.tr("Line labels"), self.tr("Handling notice"), self.tr("Analysis and handling form"),
                 self.tr("Liaison note to sales"), self.tr("Rework order")]
        current = self.form_combo.currentIndex()
        self.form_combo.blockSignals(True)
        self.form_combo.clear()
        for key, name in zip(FORMS, names, strict=True):
            self.form_combo.addItem(name, key)
        self.form_combo.setCurrentIndex(max(0, current))
        self.form_combo.blockSignals(False)
        sheet = self.sheet_combo.currentIndex()
        self.sheet_combo.blockSignals(True)
        self.sheet_combo.clear()
        self.sheet_combo.addItem(self.tr("One label per page (label printer)"), "label")
        self.sheet_combo.addItem(self.tr("Several per A4 sheet"), "a4")
        self.sheet_combo.setCurrentIndex(max(0, sheet))
        self.sheet_combo.blockSignals(False)

    # ------------------------------------------------------------ loading

    @property
    def lang(self) -> str:
        return "zh" if self.ctx.is_zh else "en"

    def activate(self) -> None:
        """The tab comes to the front: with nothing open yet, it opens the newest return (what the
        desk has just registered is what gets printed next)."""
        if self.rma_no is None:
            # looked up on a pool thread; opened when the answer arrives, unless one was opened meanwhile
            self.ctx.query(lookups.newest_return_no,
                           lambda newest: self.load(newest) if newest and self.rma_no is None else None,
                           initiator=self)

    def load_typed(self) -> None:
        text = self.rma_edit.text().strip().upper()
        parts = text.split("-")
        if len(parts) == 4:  # a line label was scanned: open its return, that line ticked
            self.load(f"{parts[0]}-{parts[1]}-{parts[2]}", only_line=int(parts[3]) if parts[3].isdigit() else None)
        else:
            self.load(text)

    def load(self, rma_no: str, only_line: int | None = None) -> bool:
        """Open a return: its lines listed (all ticked, or the scanned one) and a preview.

        Its lines are read on a pool thread and listed when they arrive (unless another
        return was asked for meanwhile). Returns False when the read failed or found no
        such return (in synchronous mode), else True once it is asked."""
        self._asked = asked = getattr(self, "_asked", 0) + 1
        opened = [True]

        def arrived(found: list[tuple[int, str]] | None) -> None:
            if asked == self._asked:
                opened[0] = self._show_lines(rma_no, found, only_line)

        def failed(exc: Any) -> None:
            opened[0] = False
            if isinstance(exc, StationError) and not isinstance(exc, DatabaseUnavailable):
                self.ctx.events.message.emit(exc.message(self.ctx.language))

        self.ctx.query(lambda s: self._lines_of(s, rma_no), arrived, on_lost=failed, on_error=failed,
                       initiator=self)
        return opened[0]

    def _show_lines(self, rma_no: str, found: list[tuple[int, str]] | None, only_line: int | None) -> bool:
        if found is None:
            self.status.setText(self.tr("No return %1.").replace("%1", rma_no))
            self.status.setStyleSheet("color: #b00020;")
            return False
        self.status.setStyleSheet("")
        self.rma_no = rma_no
        self.rma_edit.setText(rma_no)
        self.lines.blockSignals(True)
        self.lines.clear()
        for line_no, text in found:
            item = QListWidgetItem(text, self.lines)
            item.setData(Qt.ItemDataRole.UserRole, line_no)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            ticked = only_line is None or only_line == line_no
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        self.lines.blockSignals(False)
        self.preview()
        return True

    def load_id(self, return_id: int) -> bool:
        outcome = self.ctx.read_outcome(lambda s: get_return(s, return_id).rma_no)
        return bool(outcome.ok and outcome.value and self.load(outcome.value))

    @staticmethod
    def _lines_of(session: Any, rma_no: str) -> list[tuple[int, str]] | None:
        rma: Return | None = find_return(session, rma_no)
        if rma is None:
            return None
        return [(ln.line_no, f"{ln.line_no}. {ln.product.model}  {ln.lot_no}  ×{ln.qty_counted} {ln.unit}")
                for ln in rma.lines]

    def ticked_lines(self) -> list[int]:
        return [self.lines.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.lines.count())
                if self.lines.item(i).checkState() == Qt.CheckState.Checked]

    # ------------------------------------------------------------ the PDF and its preview

    def render(self, form: str | None = None, out: Path | None = None) -> Path | None:
        """Write the chosen form of the open return to a PDF (the one that previews and prints)."""
        if self.rma_no is None:
            return None
        form = form or self.form_combo.currentData()
        out = out or self._tmp / f"{self.rma_no}-{form}.pdf"
        rma_no, lang, ticked = self.rma_no, self.lang, self.ticked_lines()
        size, dpi, sheet = self.size_combo.currentText(), self.dpi_combo.currentData(), self.sheet_combo.currentData()
        if form == "labels":
            outcome = self.ctx.read_outcome(lambda s: [lb for lb in records.label_data(s, rma_no, None, lang)
                                                       if lb.line_no in ticked])
            if not outcome.ok:
                return None
            if not outcome.value:
                self.status.setText(self.tr("Tick at least one line."))
                return None
            render_labels(outcome.value, out, size=size, dpi=dpi, sheet=sheet, lang=lang)
        else:
            data_fn, draw = SLIP_RENDER[form]
            outcome = self.ctx.read_outcome(lambda s: data_fn(s, rma_no, lang))
            if not outcome.ok:
                return None
            draw(outcome.value, out)
        return out

    def preview(self) -> None:
        pdf = self.render()
        self.pdf = pdf
        while self.preview_layout.count():
            w = self.preview_layout.takeAt(0).widget()
            if w is not None:
                w.deleteLater()
        self.pages = []
        if pdf is None:
            return
        doc = QPdfDocument(self)
        doc.load(str(pdf))
        for i in range(doc.pageCount()):
            size_pt = doc.pagePointSize(i)
            scale = min(2.0, 760 / max(1.0, size_pt.width()))
            image = doc.render(i, QSize(round(size_pt.width() * scale), round(size_pt.height() * scale)))
            self.pages.append(image)
            page = QLabel(self.preview_host)
            page.setPixmap(QPixmap.fromImage(image))
            page.setStyleSheet("background: white; border: 1px solid #555;")
            self.preview_layout.addWidget(page)
        doc.close()
        self.status.setText(self.tr("%n page(s) ready.", "", len(self.pages)))

    # ------------------------------------------------------------ printing

    def choose_printer(self, form: str) -> QPrinter | None:
        """The print dialog (tests replace this method with a PDF printer)."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if form == "labels":
            name = str(self.ctx.settings.get("label_printer")) if self.ctx.settings is not None else "PDF"
            if name and name != "PDF" and name in QPrinterInfo.availablePrinterNames():
                printer.setPrinterName(name)
        dialog = QPrintDialog(printer, self)
        return printer if dialog.exec() == QPrintDialog.DialogCode.Accepted else None

    def _page_mm(self, form: str) -> tuple[float, float] | None:
        if form == "labels" and self.sheet_combo.currentData() == "label":
            w, h = self.size_combo.currentText().split("x")
            return float(w), float(h)
        return None

    def print_current(self) -> None:
        form = self.form_combo.currentData()
        pdf = self.pdf or self.render()
        if pdf is None:
            return
        printer = self.choose_printer(form)
        if printer is None:
            return
        pages = print_pdf(pdf, printer, self._page_mm(form))
        self.status.setText(self.tr("%n page(s) sent to the printer.", "", pages))

    def save_current(self) -> None:
        if self.rma_no is None:
            return
        form = self.form_combo.currentData()
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save PDF"), f"{self.rma_no}-{form}.pdf", "PDF (*.pdf)")
        if path:
            self.render(form, Path(path))
            self.status.setText(self.tr("Saved %1").replace("%1", path))

    def print_return_now(self, return_id: int) -> None:
        """One click at the desk: the return's labels and its handling notice.

        With a label printer set, the labels go to it; with "PDF" both land as files in the
        station's data folder (and the preview shows them)."""
        if not self.load_id(return_id):
            return
        assert self.rma_no is not None
        folder = user_data_dir() / "printed"
        folder.mkdir(parents=True, exist_ok=True)
        labels = self.render("labels", folder / f"{self.rma_no}-labels.pdf")
        notice = self.render("notice", folder / f"{self.rma_no}-notice.pdf")
        name = str(self.ctx.settings.get("label_printer")) if self.ctx.settings is not None else "PDF"
        if labels is not None and name != "PDF" and name in QPrinterInfo.availablePrinterNames():
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setPrinterName(name)
            print_pdf(labels, printer, self._page_mm("labels"))
        self.form_combo.setCurrentIndex(0)
        self.ctx.events.message.emit(
            self.tr("Labels and handling notice of %1: %2").replace("%1", self.rma_no)
            .replace("%2", f"{labels}, {notice}"))

    def batch_day(self) -> None:
        """Every line label of the returns received on a day, rendered in the background."""
        qd = self.batch_date.date()
        day = date(qd.year(), qd.month(), qd.day())
        size, dpi, sheet, lang = (self.size_combo.currentText(), self.dpi_combo.currentData(),
                                  self.sheet_combo.currentData(), self.lang)
        out = user_data_dir() / "printed" / f"labels-{day.isoformat()}.pdf"
        out.parent.mkdir(parents=True, exist_ok=True)
        factory = self.ctx.factory

        def work(progress: Progress) -> tuple[Path, int]:
            with factory() as s:
                numbers = lookups.returns_received_on(s, day)
                labels = [lb for no in numbers for lb in records.label_data(s, no, None, lang)]
            render_labels(labels, out, size=size, dpi=dpi, sheet=sheet, lang=lang,
                          progress=lambda d, t: progress.report(d, t, ""), is_cancelled=progress.cancelled)
            return out, len(labels)

        def done(result: tuple[Path, int]) -> None:
            path, n = result
            if n == 0:
                self.status.setText(self.tr("No returns were received on %1.").replace("%1", day.isoformat()))
                return
            self.pdf = path
            self.status.setText(self.tr("%1 labels written to %2").replace("%1", str(n)).replace("%2", str(path)))

        run_in_background(self, work, title=self.tr("Batch labels"), on_done=done)
