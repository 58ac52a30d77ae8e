"""Import a legacy Excel log in the window: choose the file, look at the preview, import.

Step served: the quality department's old hand-made return logs come into the station
(issue "legacy Excel in"). The dialog never writes before the user has seen what would
happen:

1. choosing a file reads it off the UI thread (progress bar + Cancel): every sheet with a
   header, columns found by name (app.excel.legacy); the database is only asked which rows
   an earlier import already took in (app.excel.importer.already_imported);
2. the preview lists the rows to import (new ones first in colour, the already imported
   ones greyed) and the rejected rows with sheet, row, the field at fault and the reason
   in the user's language; the rejects can be saved as a workbook to fix and import again;
3. "Import" writes every new row in ONE transaction (off the UI thread too) and says how
   many returns and lines were created; importing the same file again imports nothing
   and says so. A lost database connection during the import leaves nothing half-written
   and keeps the preview, so the user presses Import again once it is back.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialog, QFileDialog, QHeaderView, QWidget

from app.codes import Role
from app.errors import DatabaseUnavailable, StationError
from app.excel.importer import ImportResult, already_imported, import_rows
from app.excel.legacy import (
    LegacyReadResult,
    LegacyReject,
    LegacyRow,
    ReadCancelled,
    read_legacy_workbook,
)
from forms.ui_import_dialog import Ui_ImportDialog
from ui.context import StationContext
from ui.errors import mark_field, report_error
from ui.i18n import Retranslatable
from ui.models import names
from ui.worker import Cancelled, Job, Progress, run_in_background

Index = QModelIndex | QPersistentModelIndex
_DONE_FG = QColor("#8a8a8a")
_REJECT_BG = QColor("#fff0f0")


@dataclass
class Preview:
    """What reading the file found, and which rows the database already holds."""

    path: Path
    sha256: str
    read: LegacyReadResult
    imported_before: list[bool]

    @property
    def new_rows(self) -> list[LegacyRow]:
        return [r for r, done in zip(self.read.rows, self.imported_before, strict=True) if not done]

    @property
    def new_returns(self) -> int:
        return len({r.group_key for r in self.new_rows})


class _TableModel(QAbstractTableModel):
    """A read-only table of already formatted cells (the preview holds at most a file's rows)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headers: list[str] = []
        self.rows: list[list[str]] = []
        self.greyed: list[bool] = []
        self.tint: QColor | None = None

    def set_rows(self, rows: list[list[str]], greyed: list[bool] | None = None) -> None:
        self.beginResetModel()
        self.rows = rows
        self.greyed = greyed or [False] * len(rows)
        self.endResetModel()

    def set_headers(self, headers: list[str]) -> None:
        self.headers = headers
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, len(headers) - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            row = self.rows[index.row()]
            return row[index.column()] if index.column() < len(row) else ""
        if role == Qt.ItemDataRole.ForegroundRole and self.greyed[index.row()]:
            return _DONE_FG
        if role == Qt.ItemDataRole.BackgroundRole and self.tint is not None:
            return self.tint
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section] if section < len(self.headers) else None
        return None


def _fault_column(reject: LegacyReject) -> str:
    """The column at fault as the user's file names it: its header and letter, e.g. "责任 (H)"."""
    faults = reject.fault_columns
    if not faults:
        return reject.field
    i = faults[0]
    header = reject.headers[i] if i < len(reject.headers) else None
    letter = get_column_letter(i + 1)
    return f"{str(header).strip()} ({letter})" if header not in (None, "") else letter


class ImportDialog(Retranslatable, QDialog):
    """Station → Import a legacy Excel log… (QA and warehouse roles)."""

    #: an import was written: its ImportResult (the window refreshes its lists)
    imported = Signal(object)

    def __init__(self, ctx: StationContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_ImportDialog()
        self.ui.setupUi(self)
        self.preview: Preview | None = None
        self.result: ImportResult | None = None
        self.job: Job | None = None
        self._summary: Callable[[], str] | None = None
        self._summary_invalid = False
        self.rows_model = _TableModel(self)
        self.rejects_model = _TableModel(self)
        self.rejects_model.tint = _REJECT_BG
        self.ui.rowsView.setModel(self.rows_model)
        self.ui.rejectsView.setModel(self.rejects_model)
        for view in (self.ui.rowsView, self.ui.rejectsView):
            view.verticalHeader().setDefaultSectionSize(24)
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.ui.rejectsView.horizontalHeader().setStretchLastSection(True)
        self.ui.chooseButton.clicked.connect(self.choose_file)
        self.ui.importButton.clicked.connect(self.import_now)
        self.ui.rejectsButton.clicked.connect(self.save_rejects)
        self.ui.closeButton.clicked.connect(self.reject)
        self.retranslate()
        self._update_buttons()

    # ------------------------------------------------------------ texts

    def retranslate(self) -> None:
        self.ui.retranslateUi(self)
        self.rows_model.set_headers([
            self.tr("Sheet"), self.tr("Row"), self.tr("Return date"), self.tr("Customer"), self.tr("Order no."),
            self.tr("Model"), self.tr("Lot"), self.tr("Qty"), self.tr("Unit price"), self.tr("Amount"),
            self.tr("Liability"), self.tr("Refund"), self.tr("Status")])
        self.rejects_model.set_headers([self.tr("Sheet"), self.tr("Row"), self.tr("Column"), self.tr("Reason")])
        if self.preview is not None:
            self._fill_tables()
        self._show_summary()
        self._update_buttons()

    def _set_summary(self, text: Callable[[], str] | None, *, invalid: bool = False) -> None:
        # kept as a function so a language switch shows it again in the new language
        self._summary = text
        self._summary_invalid = invalid
        self._show_summary()

    def _show_summary(self) -> None:
        text = self._summary() if self._summary is not None else self.tr(
            "Choose a return log (.xlsx, .xls or .csv). Nothing is written before you press Import.")
        mark_field(None, self.ui.summaryLabel, text, invalid=self._summary_invalid,
                   tone=None if self._summary_invalid else "neutral")

    def _update_buttons(self) -> None:
        busy = self.job is not None
        may = self.ctx.can(Role.QA, Role.WAREHOUSE)
        new = self.preview is not None and bool(self.preview.new_rows)
        self.ui.chooseButton.setEnabled(not busy)
        self.ui.importButton.setEnabled(may and new and not busy)
        self.ui.importButton.setToolTip(
            "" if may else self.tr("Only the quality and warehouse roles import logs."))
        self.ui.rejectsButton.setEnabled(self.preview is not None and bool(self.preview.read.rejects) and not busy)

    # ------------------------------------------------------------ 1. read

    def ask_open_path(self) -> str:
        """The open-file dialog (tests replace this method)."""
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import a legacy Excel log"), "",
                                              self.tr("Return logs (*.xlsx *.xlsm *.xls *.csv)"))
        return path

    def ask_save_path(self, suggested: str) -> str:
        """The save-as dialog for the rejects (tests replace this method)."""
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the rejected rows"), suggested,
                                              "Excel (*.xlsx)")
        return path

    def choose_file(self) -> None:
        path = self.ask_open_path()
        if path:
            self.open_file(Path(path))

    def open_file(self, path: Path) -> None:
        """Read `path` off the UI thread and show what importing it would do."""
        self.ui.fileEdit.setText(str(path))
        factory = self.ctx.factory
        reading = self.tr("Reading %1: row %2 of %3")

        def work(progress: Progress) -> Preview:
            def step(done: int, total: int) -> None:
                progress.report(done, total, reading.replace("%1", path.name).replace("%2", f"{done:,}")
                                .replace("%3", f"{total:,}"))

            try:
                read = read_legacy_workbook(path, progress=step, is_cancelled=progress.cancelled)
            except ReadCancelled:
                raise Cancelled from None
            sha = hashlib.sha256(path.read_bytes()).hexdigest()
            with factory() as s:
                before = already_imported(s, read.rows)
            return Preview(path, sha, read, before)

        def cancelled() -> None:
            self.job = None
            self._set_summary(lambda: self.tr("Cancelled: the file was not read."))
            self._update_buttons()

        self.preview = None
        self.rows_model.set_rows([])
        self.rejects_model.set_rows([])
        self._start(self.tr("Reading the log"), work, self._show_preview, cancelled)

    def _show_preview(self, preview: Preview) -> None:
        self.job = None
        self.preview = preview
        self._fill_tables()
        self._set_summary(self._preview_text)
        self.ui.previewTabs.setCurrentIndex(0 if preview.read.rows or not preview.read.rejects else 1)
        self._update_buttons()

    def _preview_text(self) -> str:
        p = self.preview
        if p is None:
            return ""
        lang = self.ctx.language
        parts = []
        if not p.read.sheets_read:
            parts.append(self.tr("No sheet of %1 has a header row with the known columns (date, customer, "
                                 "model, quantity …).").replace("%1", p.path.name))
        else:
            parts.append(self.tr("Sheets read: %1.").replace("%1", "、".join(p.read.sheets_read)))
        parts.extend(s.message(lang) for s in p.read.sheets_skipped)
        new, before = len(p.new_rows), sum(p.imported_before)
        if new:
            parts.append(self.tr("%n new line(s) will be imported", "", new)
                         + self.tr(" (in %n return(s)).", "", p.new_returns))
        elif before:
            parts.append(self.tr("Every row of this file was imported before: there is nothing new to import."))
        if before and new:
            parts.append(self.tr("%n row(s) were imported before and are left out.", "", before))
        if p.read.rejects:
            parts.append(self.tr("%n row(s) are rejected: see “Rejected rows”, fix them in the rejects "
                                 "workbook and import it.", "", len(p.read.rejects)))
        return " ".join(parts)

    def _fill_tables(self) -> None:
        p = self.preview
        if p is None:
            return
        lang = self.ctx.language
        new_text, old_text = self.tr("new"), self.tr("imported before")
        order = sorted(range(len(p.read.rows)), key=lambda i: p.imported_before[i])  # new rows first
        rows = []
        for i in order:
            r = p.read.rows[i]
            rows.append([r.sheet, str(r.row), names.day(r.return_date), r.customer, r.order_no, r.model, r.lot,
                         f"{r.qty:,}", names.yuan(r.unit_price), names.yuan(r.amount),
                         names.liability(r.liability_code, lang) or self.tr("undecided"),
                         names.yuan(r.refund) if r.liability_code is not None else "",
                         old_text if p.imported_before[i] else new_text])
        self.rows_model.set_rows(rows, [p.imported_before[i] for i in order])
        self.rejects_model.set_rows([[j.sheet, str(j.row), _fault_column(j), j.message(lang)] for j in p.read.rejects])
        self.ui.previewTabs.setTabText(0, self.tr("Rows to import (%1)").replace("%1", f"{len(p.new_rows):,}"))
        self.ui.previewTabs.setTabText(1, self.tr("Rejected rows (%1)").replace("%1", f"{len(p.read.rejects):,}"))
        self.ui.rowsView.resizeColumnsToContents()
        self.ui.rejectsView.resizeColumnsToContents()

    # ------------------------------------------------------------ 2. rejects

    def save_rejects(self) -> None:
        p = self.preview
        if p is None or not p.read.rejects:
            return
        target = self.ask_save_path(str(p.path.with_name(p.path.stem + self.tr(" - rejected rows") + ".xlsx")))
        if not target:
            return
        from app.excel.rejects import write_rejects

        write_rejects(p.read.rejects, Path(target), lang=self.ctx.language)
        self.ctx.events.message.emit(self.tr("Rejected rows saved to %1").replace("%1", target))

    # ------------------------------------------------------------ 3. import

    def import_now(self) -> None:
        p = self.preview
        if p is None or not p.new_rows or self.job is not None:
            return
        factory, actor = self.ctx.factory, self.ctx.actor
        writing = self.tr("Importing: line %1 of %2")

        def work(progress: Progress) -> tuple[ImportResult, list[bool]]:
            def step(done: int, total: int) -> None:
                progress.report(done, total, writing.replace("%1", f"{done:,}").replace("%2", f"{total:,}"))
                progress.check()  # Cancel stops the writes here; the transaction is rolled back

            with factory() as s:
                try:
                    result = import_rows(s, actor, p.read, p.path.name, p.sha256, progress=step)
                    if progress.cancelled():  # Cancel while writing: the one transaction is dropped
                        s.rollback()
                        raise Cancelled
                    s.commit()
                except Exception:
                    s.rollback()
                    raise
            result.rejects = list(p.read.rejects)
            return result, [True] * len(p.read.rows)  # every accepted row is in the database now

        def cancelled() -> None:
            self.job = None
            self._set_summary(lambda: self.tr("Cancelled: nothing was imported."))
            self._update_buttons()

        self._start(self.tr("Importing the log"), work, self._imported, cancelled)

    def _imported(self, outcome: tuple[ImportResult, list[bool]]) -> None:
        result, before = outcome
        self.job = None
        self.result = result
        if self.preview is not None:
            self.preview.imported_before = before
            self._fill_tables()
        self._set_summary(lambda: result.summary(self.ctx.language))
        self.ctx.events.message.emit(result.summary(self.ctx.language))
        self._update_buttons()
        self.imported.emit(result)

    # ------------------------------------------------------------ plumbing

    def _start(self, title: str, work: Callable[[Progress], Any], done: Callable[[Any], None],
               cancelled: Callable[[], None]) -> None:
        def failed(exc: BaseException) -> None:
            self.job = None
            if isinstance(exc, DatabaseUnavailable):
                self._set_summary(lambda: exc.message(self.ctx.language) + " " + self.tr(
                    "Nothing was imported; the preview is kept. Press Import again when the database is back."),
                    invalid=True)
            elif isinstance(exc, StationError):
                self._set_summary(lambda: exc.message(self.ctx.language), invalid=True)
            else:
                report_error(exc, parent=self)
            self._update_buttons()

        self.job = run_in_background(self, work, title=title, on_done=done, on_error=failed, on_cancel=cancelled)
        if not self.job.running:  # synchronous (tests): already ended
            self.job = None
        self._update_buttons()
