"""批次追溯 — lot trace for every station, and the QA bench's "same model / same lot" view.

Station → Lot trace… opens `LotTraceDialog` at any station: type or scan a lot number
(exact, or its beginning) and Enter; the table lists every line of that lot with its return,
customer, state, liability and disposition, newest first. On the QA bench a
"Related…" button beside History… opens `RelatedDialog` for the line shown: the
other returns of the same lot and of the same model, with what was decided about them, so a
repeat defect is seen before the decision. The rows come from app.services.trace; both
dialogs are read-only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services import trace
from ui import errors as ui_errors
from ui.context import StationContext
from ui.history import insert_next_to
from ui.models import names
from ui.models.rows import Index, RowsModel
from ui.widgets.limits import limit_line_edit


class TraceModel(RowsModel):
    """Lines found by lot or model: return, label, date, customer, model, lot, qty, state, decision."""

    def headers(self) -> list[str]:
        return [self.tr("RMA no."), self.tr("Label"), self.tr("Received"), self.tr("Customer"),
                self.tr("Model"), self.tr("Lot"), self.tr("Qty"), self.tr("State"), self.tr("Liability"),
                self.tr("Disposition"), self.tr("Cause")]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r: trace.TraceRow = self.rows[index.row()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 6:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        lang = self.lang
        values = (r.rma_no, r.barcode, names.day(r.received_on), r.customer, r.model, r.lot_no, r.qty,
                  names.line_status(r.status, lang), names.liability(r.liability_code, lang),
                  names.disposition(r.disposition, lang), r.final_cause)
        return values[index.column()]


def _table(parent: QWidget, model: TraceModel, name: str) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class LotTraceDialog(QWidget):
    """Type or scan a lot, Enter: every line of it at every station's reach."""

    def __init__(self, ctx: StationContext, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("lotTraceDialog")
        self.ctx = ctx
        self.found: trace.Found | None = None
        self.lotLabel = QLabel(self)
        self.lotEdit = QLineEdit(self)
        self.lotEdit.setObjectName("lotEdit")
        limit_line_edit(self.lotEdit, "lot_no")
        self.lotLabel.setBuddy(self.lotEdit)
        self.findButton = QPushButton(self)
        self.findButton.setObjectName("findButton")
        self.model = TraceModel(self)
        self.view = _table(self, self.model, "traceView")
        self.countLabel = QLabel(self)
        self.countLabel.setObjectName("countLabel")
        self.messageLabel = QLabel(self)
        self.messageLabel.setObjectName("messageLabel")
        self.messageLabel.setWordWrap(True)
        self.closeButton = QPushButton(self)
        top = QHBoxLayout()
        top.addWidget(self.lotLabel)
        top.addWidget(self.lotEdit, 1)
        top.addWidget(self.findButton)
        bottom = QHBoxLayout()
        bottom.addWidget(self.countLabel)
        bottom.addWidget(self.messageLabel, 1)
        bottom.addWidget(self.closeButton)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)
        self.resize(1000, 520)
        self.lotEdit.returnPressed.connect(self.find)
        self.findButton.clicked.connect(self.find)
        self.closeButton.clicked.connect(self.close)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Lot trace"))
        self.lotLabel.setText(self.tr("&Lot no.:"))
        self.lotEdit.setPlaceholderText(self.tr("Type or scan a lot number (or its beginning)"))
        self.findButton.setText(self.tr("&Find"))
        self.closeButton.setText(self.tr("Close"))
        self.model.set_rows(self.model.rows, self.ctx.language)
        if self.found is not None:
            self.countLabel.setText(self.count_text(self.found))

    def count_text(self, found: trace.Found) -> str:
        """"3 行", or "共 240 行,显示最新 200 行" when the list stops at its limit."""
        if found.total > len(found.rows):
            return self.tr("%n line(s), the newest %1 shown", "", found.total).replace("%1", str(len(found.rows)))
        return self.tr("%n line(s)", "", found.total)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def find(self) -> None:
        """Look the typed lot up; a bad input says what is wrong and keeps the text."""
        lot = self.lotEdit.text()
        self.messageLabel.setText("")
        if not lot.strip():
            self.messageLabel.setText(self.tr("Type a lot number first."))
            return
        # looked up on a pool thread; a lost database raises the banner and shows nothing
        self.ctx.query(lambda s: trace.lines_of_lot(s, lot), lambda found: self._show(lot, found),
                       on_error=lambda exc: self.messageLabel.setText(exc.message(self.ctx.language)),
                       initiator=self)

    def _show(self, lot: str, found: Any) -> None:
        self.found = found
        self.model.set_rows(found.rows, self.ctx.language)
        self.view.resizeColumnsToContents()
        self.countLabel.setText(self.count_text(found))
        if not found.rows:
            self.messageLabel.setText(self.tr("No line of lot %1.").replace("%1", lot.strip()))


class RelatedDialog(QWidget):
    """The other returns of a line's lot and of its model, with their decisions."""

    def __init__(self, ctx: StationContext, line_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("relatedDialog")
        self.ctx, self.line_id = ctx, line_id
        self.related: trace.Related | None = None
        self.lotTitle = QLabel(self)
        self.lotTitle.setObjectName("lotTitle")
        self.lotModel = TraceModel(self)
        self.lotView = _table(self, self.lotModel, "sameLotView")
        self.modelTitle = QLabel(self)
        self.modelTitle.setObjectName("modelTitle")
        self.modelModel = TraceModel(self)
        self.modelView = _table(self, self.modelModel, "sameModelView")
        self.messageLabel = QLabel(self)
        self.closeButton = QPushButton(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.lotTitle)
        layout.addWidget(self.lotView, 1)
        layout.addWidget(self.modelTitle)
        layout.addWidget(self.modelView, 2)
        bottom = QHBoxLayout()
        bottom.addWidget(self.messageLabel, 1)
        bottom.addWidget(self.closeButton)
        layout.addLayout(bottom)
        self.resize(1000, 600)
        self.closeButton.clicked.connect(self.close)
        self.load()

    def count_text(self, found: trace.Found) -> str:
        """"3 行", or "共 240 行,显示最新 200 行" when the list stops at its limit."""
        if found.total > len(found.rows):
            return self.tr("%n line(s), the newest %1 shown", "", found.total).replace("%1", str(len(found.rows)))
        return self.tr("%n line(s)", "", found.total)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def load(self) -> None:
        # read on a pool thread; a lost database raises the banner and shows nothing
        self.ctx.query(lambda s: trace.related_lines(s, self.line_id), self._show,
                       on_error=lambda exc: self.messageLabel.setText(exc.message(self.ctx.language)),
                       initiator=self)

    def _show(self, related: Any) -> None:
        self.related = related
        lang = self.ctx.language
        self.lotModel.set_rows(related.same_lot.rows, lang)
        self.modelModel.set_rows(related.same_model.rows, lang)
        self.lotView.resizeColumnsToContents()
        self.modelView.resizeColumnsToContents()
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Same model and lot"))
        self.closeButton.setText(self.tr("Close"))
        r = self.related
        if r is None:
            return
        if r.lot_no:
            self.lotTitle.setText(self.tr("Other returns of lot %1 (%2): %3").replace("%1", r.lot_no)
                                  .replace("%2", r.model).replace("%3", self.count_text(r.same_lot)))
        else:
            self.lotTitle.setText(self.tr("This line carries no lot number."))
        self.modelTitle.setText(self.tr("Other returns of model %1: %2").replace("%1", r.model)
                                .replace("%2", self.count_text(r.same_model)))
        for model in (self.lotModel, self.modelModel):
            model.set_rows(model.rows, self.ctx.language)


def open_lot_trace(ctx: StationContext, parent: QWidget | None, lot: str = "") -> LotTraceDialog:
    dialog = LotTraceDialog(ctx, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    ui_errors.show(dialog)
    if lot:
        dialog.lotEdit.setText(lot)
        dialog.find()
    return dialog


class _RelatedButton(QPushButton):
    def retranslate(self) -> None:
        self.setText(QCoreApplication.translate("TraceButton", "Related…"))
        self.setToolTip(QCoreApplication.translate(
            "TraceButton", "The other returns of this line's model and lot, with their decisions"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def add_related_button(tab: QWidget, ctx: StationContext, anchor: QWidget,
                       line_id: Callable[[], int | None]) -> QPushButton:
    """A "Related…" button next to `anchor` (the QA bench's History… button)."""
    button = _RelatedButton(tab)
    button.setObjectName("relatedButton")
    button.retranslate()
    insert_next_to(anchor, button)

    def clicked() -> None:
        lid = line_id()
        if lid is None:
            return
        dialog = RelatedDialog(ctx, lid, tab)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        ui_errors.show(dialog)
        tab.related_dialog = dialog  # type: ignore[attr-defined]

    button.clicked.connect(clicked)
    return button
