"""At the receiving desk: add a customer or a model that is not in the list yet, on the spot.

The warehouse keeper types a customer (or a model in a line) the station does not know;
instead of leaving the half-filled handling notice, a small dialog asks for the fields that
matter, prefilled with what was typed, and saves through app.services.masterdata's
`quick_add_customer` / `quick_add_product` (the warehouse role may). The desk then picks
the new entry; nothing typed in the notice is touched.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QToolButton, QWidget
from sqlalchemy.orm import Session

from app.services import masterdata as md
from ui import errors as ui_errors
from ui.context import StationContext
from ui.masterdata.dialogs import RecordDialog

CUSTOMER_FIELDS = ("name", "code", "contact", "phone")
PRODUCT_FIELDS = ("model", "name", "unit", "unit_price", "warranty_months", "barcode")


class QuickCustomerDialog(RecordDialog):
    """新客户: name (as typed at the desk), code, contact, phone."""

    def __init__(self, ctx: StationContext, typed_name: str, parent: QWidget | None = None) -> None:
        actor = ctx.actor

        def save(s: Session, v: dict[str, Any]) -> md.CustomerRecord:
            return md.quick_add_customer(s, actor, v["name"], code=v["code"], contact=v["contact"],
                                         phone=v["phone"])
        super().__init__(ctx, "customer", None, parent, fields=CUSTOMER_FIELDS, save=save,
                         prefill={"name": typed_name.strip()})
        self.setObjectName("quickCustomerDialog")


class QuickProductDialog(RecordDialog):
    """新型号: model/spec (as typed in the line), name, unit, unit price, warranty, barcode."""

    def __init__(self, ctx: StationContext, typed_model: str, parent: QWidget | None = None) -> None:
        actor = ctx.actor

        def save(s: Session, v: dict[str, Any]) -> md.ProductRecord:
            return md.quick_add_product(s, actor, v["model"], name=v["name"], unit=v["unit"],
                                        unit_price=v["unit_price"], warranty_months=v["warranty_months"],
                                        barcode=v["barcode"])
        super().__init__(ctx, "product", None, parent, fields=PRODUCT_FIELDS, save=save,
                         prefill={"model": typed_model.strip()})
        self.setObjectName("quickProductDialog")


class DeskQuickAdd(QObject):
    """The desk's hooks: a 新客户… button beside an unknown customer, a 新型号… button for a
    line whose model is unknown, and the desk's pick lists read again when master data changed.

    Attached to the IncomingTab by one line; it only uses the tab's widgets and its
    `_load_reference`, so the notice's input stays where it is.
    """

    def __init__(self, tab: Any) -> None:
        super().__init__(tab)
        self.tab = tab
        self.dialog: RecordDialog | None = None
        ui = tab.ui
        self.customer_button = QToolButton(tab)
        self.customer_button.setObjectName("newCustomerButton")
        self.customer_button.clicked.connect(self.new_customer)
        # the combo's grid cell gets a row: [combo][新客户…]
        layout = ui.headerLayout
        index = layout.indexOf(ui.customerCombo)
        row, column, rows, columns = layout.getItemPosition(index)
        layout.removeWidget(ui.customerCombo)
        cell = QWidget(ui.headerGroup)
        box = QHBoxLayout(cell)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(ui.customerCombo, 1)
        box.addWidget(self.customer_button)
        layout.addWidget(cell, row, column, rows, columns)
        self.product_button = QPushButton(tab)
        self.product_button.setObjectName("newProductButton")
        self.product_button.clicked.connect(self.new_product)
        ui.lineButtonsLayout.insertWidget(2, self.product_button)
        ui.customerCombo.editTextChanged.connect(lambda _t: self.update())
        tab.lines.changed.connect(self.update)
        ui.linesView.selectionModel().currentChanged.connect(lambda *_: self.update())
        tab.ctx.events.referenceChanged.connect(self._reference_changed)
        self.customer_button.installEventFilter(self)  # its LanguageChange retranslates both buttons
        self.retranslate()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def retranslate(self) -> None:
        self.customer_button.setText(QCoreApplication.translate("DeskQuickAdd", "New customer…"))
        self.customer_button.setToolTip(QCoreApplication.translate(
            "DeskQuickAdd", "This customer is not in the list yet: add it now, the notice stays as typed."))
        self.product_button.setText(QCoreApplication.translate("DeskQuickAdd", "New model…"))
        self.update()

    # ------------------------------------------------------------ what is unknown

    def typed_customer(self) -> str:
        return self.tab.ui.customerCombo.currentText().strip()

    def customer_unknown(self) -> bool:
        text = self.typed_customer()
        return bool(text) and all(name != text for _id, name in self.tab.customers)

    def unknown_model_row(self) -> int | None:
        """The line whose model the station does not know: the current one, else the first."""
        lines = self.tab.lines
        current = self.tab.ui.linesView.currentIndex()
        rows = ([current.row()] if current.isValid() else []) + list(range(len(lines.rows)))
        return next((r for r in rows if 0 <= r < len(lines.rows) and lines.rows[r].get("_known") is False), None)

    def update(self) -> None:
        ctx = self.tab.ctx
        may = ctx.can(*md.QUICK_ADDERS)
        editable = self.tab.ui.customerCombo.isEnabled() and self.tab.record is None
        self.customer_button.setVisible(may and editable and self.customer_unknown())
        row = self.unknown_model_row() if may and editable else None
        self.product_button.setVisible(row is not None)
        if row is not None:
            model = self.tab.lines.rows[row]["model"]
            self.product_button.setToolTip(QCoreApplication.translate(
                "DeskQuickAdd", "Add the model “%1” to the list; the line keeps what you typed.").replace("%1", model))

    # ------------------------------------------------------------ the dialogs

    def _reference_changed(self) -> None:
        if self.tab._activated:
            self.tab._load_reference()
        self.update()

    def new_customer(self) -> QuickCustomerDialog:
        dialog = QuickCustomerDialog(self.tab.ctx, self.typed_customer(), self.tab)
        dialog.saved.connect(self._customer_added)
        self.dialog = dialog
        ui_errors.show(dialog)
        return dialog

    def _customer_added(self, record: md.CustomerRecord) -> None:
        combo = self.tab.ui.customerCombo
        if not any(cid == record.id for cid, _n in self.tab.customers):
            self.tab._load_reference()
        combo.setCurrentIndex(combo.findData(record.id))
        combo.setEditText(record.name)
        self.tab.ctx.events.message.emit(QCoreApplication.translate(
            "DeskQuickAdd", "Customer %1 added.").replace("%1", record.name))
        self.update()

    def new_product(self) -> QuickProductDialog | None:
        row = self.unknown_model_row()
        if row is None:
            return None
        dialog = QuickProductDialog(self.tab.ctx, self.tab.lines.rows[row]["model"], self.tab)
        dialog.saved.connect(lambda record: self._product_added(row, record))
        self.dialog = dialog
        ui_errors.show(dialog)
        return dialog

    def _product_added(self, row: int, record: md.ProductRecord) -> None:
        lines = self.tab.lines
        column = lines.column_of("model")
        typed = lines.rows[row]["model"] if row < len(lines.rows) else ""
        # every line that named the new model (as typed or as saved) resolves now
        for r in range(len(lines.rows)):
            if lines.rows[r].get("_known") is False and lines.rows[r]["model"] in (typed, record.model):
                if lines.rows[r]["model"] == record.model:
                    lines.resolve_model(r)
                else:
                    lines.setData(lines.index(r, column), record.model)
        self.tab.ctx.events.message.emit(QCoreApplication.translate(
            "DeskQuickAdd", "Model %1 added.").replace("%1", record.model))
        self.update()
