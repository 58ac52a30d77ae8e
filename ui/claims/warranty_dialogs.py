"""The desk's two warranty steps as dialogs: the ship or invoice date of a line, and sales'
confirmation of an out-of-warranty line. Apart from ui.claims.warranty_panel so that the desk's
start does not load the claims dialogs (and the claims service) before either is asked for."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from app.services import warranty
from app.services.warranty import WarrantyState
from ui.claims.dialogs import StepDialog, date_edit, py_date
from ui.claims.warranty_panel import _line_text


def _line_combo(parent: QWidget, states: list[WarrantyState], lang: str) -> QComboBox:
    """The lines a warranty step may be taken on, each as the panel names it."""
    combo = QComboBox(parent)
    combo.setObjectName("lineCombo")
    for st in states:
        combo.addItem(_line_text(st, lang), st.line_id)
    return combo


class BasisDialog(StepDialog):
    """The ship or invoice date of one line."""

    def __init__(self, parent: QWidget | None, states: list[WarrantyState], lang: str) -> None:
        super().__init__(parent, "warrantyBasisDialog", self.tr("Ship or invoice date"))
        self.lineCombo = _line_combo(self, states, lang)
        self.basisCombo = QComboBox(self)
        self.basisCombo.setObjectName("basisCombo")
        for code in ("shipped", "invoiced"):
            zh, en = warranty.BASES[code]
            self.basisCombo.addItem(zh if lang.startswith("zh") else en, code)
        self.dateEdit = date_edit(self, "basisDateEdit")
        self.add(self.tr("Line:"), self.lineCombo)
        self.add(self.tr("Warranty runs from:"), self.basisCombo)
        self.add(self.tr("Date:"), self.dateEdit)

    def values(self) -> dict[str, Any]:
        return {"line_id": self.lineCombo.currentData(), "basis": self.basisCombo.currentData(),
                "basis_on": py_date(self.dateEdit)}


class ConfirmDialog(StepDialog):
    """Sales: how a flagged line is handled with the customer."""

    def __init__(self, parent: QWidget | None, states: list[WarrantyState], lang: str) -> None:
        super().__init__(parent, "warrantyConfirmDialog", self.tr("Out of warranty: sales' confirmation"))
        self.lineCombo = _line_combo(self, states, lang)
        self.noteEdit = QLineEdit(self)
        self.noteEdit.setObjectName("noteEdit")
        self.noteEdit.setPlaceholderText(self.tr("e.g. paid repair, quoted to the customer"))
        self.add(self.tr("Line:"), self.lineCombo)
        self.add(self.tr("Handling:"), self.noteEdit)

    def values(self) -> dict[str, Any]:
        return {"line_id": self.lineCombo.currentData(), "note": self.noteEdit.text()}
