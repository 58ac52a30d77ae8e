"""Sales' replacement queue (换货/补发): exchange and repair-and-reship lines still owed goods.

Record shipment… enters one outgoing shipment (date, delivery note, quantity); a line leaves
the list once what was shipped covers what is owed. Reachable from the menu (工作站 → 换货补发…).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.codes import Role
from app.services import replacements
from ui import errors as ui_errors
from ui.claims.dialogs import StepDialog, date_edit, py_date
from ui.context import StationContext
from ui.models.rows import RowsModel

_Index = QModelIndex | QPersistentModelIndex


class OutstandingModel(RowsModel):

    def headers(self) -> list[str]:
        return [self.tr("Label"), self.tr("Customer"), self.tr("Model"), self.tr("Disposition"),
                self.tr("Owed"), self.tr("Shipped"), self.tr("Outstanding"), self.tr("Received on")]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r: replacements.OutstandingRow = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (r.barcode, r.customer, r.model, r.disposition_name(self.lang), f"{r.owed} {r.unit}",
                    str(r.shipped), str(r.outstanding), r.received_on.isoformat())[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and 4 <= index.column() <= 6:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ShipmentDialog(StepDialog):
    """One outgoing shipment of the chosen line."""

    def __init__(self, parent: QWidget | None, row: replacements.OutstandingRow) -> None:
        super().__init__(parent, "shipmentDialog", self.tr("Record a replacement shipment"))
        self.dateEdit = date_edit(self, "shippedDateEdit")
        self.noteNoEdit = QLineEdit(self)
        self.noteNoEdit.setObjectName("deliveryNoteEdit")
        self.qtyEdit = QLineEdit(str(row.outstanding), self)
        self.qtyEdit.setObjectName("qtyEdit")
        self.remarkEdit = QLineEdit(self)
        self.remarkEdit.setObjectName("remarkEdit")
        self.add(self.tr("Line:"), QLabel(f"{row.barcode}  {row.model}", self))
        self.add(self.tr("Ship date:"), self.dateEdit)
        self.add(self.tr("Delivery note no.:"), self.noteNoEdit)
        self.add(self.tr("Quantity:"), self.qtyEdit)
        self.add(self.tr("Note:"), self.remarkEdit)

    def values(self) -> dict[str, Any]:
        return {"shipped_on": py_date(self.dateEdit), "delivery_note": self.noteNoEdit.text(),
                "qty": self.qtyEdit.text().strip(), "note": self.remarkEdit.text()}


class ReplacementsWindow(QDialog):
    """The lines owed a replacement or a repaired shipment, with their count."""

    def __init__(self, ctx: StationContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("replacementsWindow")
        self.ctx = ctx
        self.dialog: ShipmentDialog | None = None
        self.allCheck = QCheckBox(self)
        self.allCheck.setObjectName("allCheck")
        self.countLabel = QLabel(self)
        self.countLabel.setObjectName("countLabel")
        self.model = OutstandingModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("replacementsView")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.verticalHeader().hide()
        self.shipmentsLabel = QLabel(self)
        self.shipmentsLabel.setObjectName("shipmentsLabel")
        self.shipmentsLabel.setWordWrap(True)
        self.messageLabel = QLabel(self)
        self.messageLabel.setWordWrap(True)
        self.shipButton = QPushButton(self)
        self.shipButton.setObjectName("shipButton")
        top = QHBoxLayout()
        top.addWidget(self.allCheck)
        top.addStretch(1)
        top.addWidget(self.countLabel)
        bottom = QHBoxLayout()
        bottom.addWidget(self.messageLabel, 1)
        bottom.addWidget(self.shipButton)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.shipmentsLabel)
        layout.addLayout(bottom)
        self.resize(960, 440)
        self.allCheck.toggled.connect(lambda _c: self.refresh())
        self.view.selectionModel().currentRowChanged.connect(lambda *_a: self._chosen())
        self.shipButton.clicked.connect(self.ask_shipment)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Replacements to ship"))
        self.allCheck.setText(self.tr("Show shipped lines too"))
        self.shipButton.setText(self.tr("Record shipment…"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 7)
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def refresh(self) -> None:
        everything = self.allCheck.isChecked()
        self._asked = asked = getattr(self, "_asked", 0) + 1

        def show(rows: list[replacements.OutstandingRow]) -> None:
            if asked == self._asked:  # else a newer read's answer is on its way
                self._show(rows)

        # read on a pool thread: a busy server stalls the list, not the window
        self.ctx.query(lambda s: replacements.replacement_lines(s, outstanding_only=not everything), show,
                       initiator=self)

    def _show(self, rows: list[replacements.OutstandingRow]) -> None:
        self.model.set_rows(rows, self.ctx.language)
        self.view.resizeColumnsToContents()
        outstanding = sum(1 for r in rows if r.outstanding > 0)
        self.countLabel.setText(self.tr("Outstanding: %n line(s)", "", outstanding))
        self._chosen()

    def current(self) -> replacements.OutstandingRow | None:
        index = self.view.currentIndex()
        return self.model.rows[index.row()] if index.isValid() and index.row() < len(self.model.rows) else None

    def select_row(self, row: int) -> None:
        self.view.selectRow(row)

    def _chosen(self) -> None:
        row = self.current()
        may = self.ctx.can(Role.SALES, Role.WAREHOUSE)
        self.shipButton.setEnabled(may and row is not None and row.outstanding > 0)
        self.shipButton.setToolTip("" if may else self.tr("Sales or the warehouse record shipments"))
        if row is None:
            self.shipmentsLabel.setText("")
            return
        self._line_asked = asked = getattr(self, "_line_asked", 0) + 1

        def show(shipped: list[Any]) -> None:
            if asked != self._line_asked:
                return  # another line was chosen meanwhile
            self.shipmentsLabel.setText("\n".join(
                self.tr("Shipped %1 on %2, delivery note %3").replace("%1", str(sh.qty))
                .replace("%2", sh.shipped_on.isoformat()).replace("%3", sh.delivery_note) for sh in shipped))

        # read on a pool thread; the label says the shipments when they arrive
        self.ctx.query(lambda s: replacements.shipments_of(s, row.line_id), show, initiator=self)

    def ask_shipment(self) -> ShipmentDialog | None:
        row = self.current()
        if row is None:
            return None
        dialog = ShipmentDialog(self, row)
        actor = self.ctx.actor

        def record(d: StepDialog, v: dict[str, Any]) -> None:
            def work(s: Session) -> int:
                return replacements.record_shipment(s, actor, row.line_id, shipped_on=v["shipped_on"],
                                                    delivery_note=v["delivery_note"], qty=v["qty"],
                                                    note=v["note"]).id
            def finished(outcome: Any) -> None:  # on the UI thread, once the save has ended
                if outcome.ok:
                    d.accept()
                    self.messageLabel.setText(self.tr("Shipment recorded."))
                    self.refresh()
                elif outcome.error is not None:
                    d.refuse(outcome.error.message(self.ctx.language))

            self.ctx.run(work, lines=[row.line_id], on_done=finished, initiator=self)

        dialog.submitted.connect(lambda values: record(dialog, values))
        self.dialog = dialog
        ui_errors.show(dialog)
        return dialog


def open_replacements(ctx: StationContext, parent: QWidget | None) -> ReplacementsWindow:
    window = ReplacementsWindow(ctx, parent)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    ui_errors.show(window)
    return window
