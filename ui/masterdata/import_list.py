"""A customers or products list from Excel, in the window: choose, preview, import.

The file is read and checked off the UI thread (ui.worker) as a dry run — the same work
as the import, rolled back — and the dialog shows what would be added and updated and
every rejected row (sheet, row, column, reason). "Save rejects…" writes them as a workbook
to fix and import again; "Import" does the work for real, in one transaction.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import StationError
from app.excel.masterdata import LISTS, ListImportResult, import_list
from app.excel.rejects import write_rejects
from ui import errors as ui_errors
from ui.context import StationContext
from ui.i18n import Retranslatable
from ui.worker import Progress, run_in_background


class ListImportDialog(Retranslatable, QDialog):
    """Import a customers or products list (`which`: "customers" / "products")."""

    #: the list was imported (committed): the ListImportResult
    imported = Signal(object)

    def __init__(self, ctx: StationContext, which: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.which = which
        self.path: Path | None = None
        self.preview: ListImportResult | None = None
        self.resize(820, 480)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.file_label = QLabel(self)
        self.choose_button = QPushButton(self)
        top.addWidget(self.file_label, 1)
        top.addWidget(self.choose_button)
        layout.addLayout(top)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.rejects_table = QTableWidget(0, 3, self)
        self.rejects_table.horizontalHeader().setStretchLastSection(True)
        self.rejects_table.setColumnWidth(0, 220)
        layout.addWidget(self.rejects_table, 1)
        buttons = QHBoxLayout()
        self.rejects_button = QPushButton(self)
        self.import_button = QPushButton(self)
        self.close_button = QPushButton(self)
        buttons.addWidget(self.rejects_button)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self.choose_button.clicked.connect(self.choose_file)
        self.rejects_button.clicked.connect(self.save_rejects)
        self.import_button.clicked.connect(self.run_import)
        self.close_button.clicked.connect(self.close)
        self.retranslate()

    def retranslate(self) -> None:
        zh = self.ctx.is_zh
        what = LISTS[self.which].what[0 if zh else 1]
        self.setWindowTitle(self.tr("Import a %1 list from Excel").replace("%1", what))
        self.file_label.setText(str(self.path) if self.path else self.tr("No file chosen."))
        self.choose_button.setText(self.tr("&Choose file…"))
        self.rejects_button.setText(self.tr("Save &rejects…"))
        self.import_button.setText(self.tr("&Import"))
        self.close_button.setText(self.tr("Close"))
        self.rejects_table.setHorizontalHeaderLabels([self.tr("Where"), self.tr("Column"), self.tr("Reason")])
        self._show()

    # ------------------------------------------------------------ patchable file dialogs

    def ask_open_path(self) -> str:
        path, _ = QFileDialog.getOpenFileName(self, self.windowTitle(), "", self.tr("Excel workbooks (*.xlsx *.xlsm)"))
        return path

    def ask_save_path(self, suggested: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save rejects"), suggested,
                                              self.tr("Excel workbooks (*.xlsx)"))
        return path

    # ------------------------------------------------------------ steps

    def choose_file(self) -> None:
        path = self.ask_open_path()
        if path:
            self.open_file(Path(path))

    def _work(self, path: Path, dry_run: bool) -> Any:
        ctx, which = self.ctx, self.which

        def fn(progress: Progress) -> ListImportResult:
            # its own session, on the worker's thread; a dry run is rolled back
            with ctx.session() as s:
                result = import_list(s, ctx.actor, which, path, dry_run=dry_run,
                                     progress=lambda done, total: progress.report(done, total))
                if dry_run:
                    s.rollback()
            return result
        return fn

    def open_file(self, path: Path) -> None:
        """Read and check the file (off the UI thread); show what would happen."""
        self.path, self.preview = path, None
        self.import_button.setEnabled(False)
        self._show()
        run_in_background(self, self._work(path, True), title=self.tr("Reading %1…").replace("%1", path.name),
                          on_done=self._previewed, on_error=self._failed)

    def _previewed(self, result: ListImportResult) -> None:
        self.preview = result
        self._show()

    def _failed(self, exc: BaseException) -> None:
        self.preview = None
        ui_errors.report_error(exc, parent=self)
        if isinstance(exc, StationError):
            self.summary.setText(exc.message(self.ctx.language))

    def run_import(self) -> None:
        if self.path is None or self.preview is None:
            return
        path = self.path
        run_in_background(self, self._work(path, False), title=self.tr("Importing %1…").replace("%1", path.name),
                          on_done=self._imported, on_error=self._failed)

    def _imported(self, result: ListImportResult) -> None:
        self.preview = result
        self._show()
        self.import_button.setEnabled(False)
        self.ctx.events.referenceChanged.emit()
        self.imported.emit(result)

    def save_rejects(self) -> Path | None:
        if self.preview is None or not self.preview.rejects:
            return None
        suggested = str((self.path or Path("list.xlsx")).with_name((self.path or Path("list")).stem + "-rejects.xlsx"))
        target = self.ask_save_path(suggested)
        if not target:
            return None
        return write_rejects(self.preview.rejects, target, lang=self.ctx.language)

    def _show(self) -> None:
        lang = self.ctx.language
        result = self.preview
        self.rejects_table.setRowCount(0)
        if result is None:
            self.summary.setText(self.tr("Choose a workbook: columns are found by their header names "
                                         "(e.g. 客户名称, 型号规格, 单价, 保修期(月), 条码, 供应商)."))
            self.import_button.setEnabled(False)
            self.rejects_button.setEnabled(False)
            return
        lines = [result.summary(lang)] + [s.message(lang) for s in result.sheets_skipped]
        self.summary.setText("\n".join(lines))
        self.rejects_table.setRowCount(len(result.rejects))
        for row, reject in enumerate(result.rejects):
            column = reject.columns.get(reject.field)
            header = str(reject.headers[column]) if column is not None and column < len(reject.headers) else ""
            for col, text in enumerate((reject.where(lang), header, reject.message(lang))):
                self.rejects_table.setItem(row, col, QTableWidgetItem(text))
        self.rejects_button.setEnabled(bool(result.rejects))
        self.import_button.setEnabled(result.dry_run and bool(result.created or result.updated))
