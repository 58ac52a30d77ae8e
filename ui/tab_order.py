"""The order Tab walks each form in: reading order, left to right and top to bottom.

Designer's order is the order widgets were added, which drifted from the layout as the
forms grew (fields put side by side, groups moved); the order is declared here per tab
and set with QWidget.setTabOrder when the window is built, so a change of layout is one
edit of a list. Widgets not named keep their place in Qt's chain; a disabled or hidden
widget is skipped by Tab as usual.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

ORDERS: dict[str, tuple[str, ...]] = {
    "incoming": (
        "customerCombo", "arrivalCombo", "orderEdit", "deliveryEdit", "invoiceEdit", "receivedDateEdit",
        "locationCombo", "urgencyCombo", "notesEdit",
        "addLineButton", "removeLineButton", "linesView", "registerButton", "printButton",
        "requirementsEdit", "confirmButton", "approvalNoteEdit", "approveButton",
    ),
    "inspection": (
        "findingsEdit", "defectCombo", "opinionEdit", "saveInspectionButton",
        "finalCauseEdit", "liabilityCombo", "dispositionCombo", "refundEdit", "seriousCheck",
        "saveDecisionButton",
        "ownerEdit", "caDueDateEdit", "problemEdit", "containmentEdit", "rootCauseEdit", "correctiveEdit",
        "preventiveEdit", "openCorrectiveButton",
        "liaisonReasonCombo", "liaisonTextEdit", "sendLiaisonButton",
    ),
    "rework": (
        "plannedDateEdit", "reworkQtyEdit", "savePlanButton",
        "addMaterialButton", "removeMaterialButton", "materialsView",
        "addLabourButton", "removeLabourButton", "labourView",
        "otherCostEdit", "saveCostsButton", "finishButton",
        "qualifiedEdit", "unqualifiedEdit", "scrappedEdit", "saveReinspectionButton",
        "closeReturnButton",
    ),
}


def apply(key: str, tab: QWidget) -> list[QWidget]:
    """Chain the tab's declared widgets in order; returns the widgets found (a form that
    lacks one of the names — another role's variant — simply skips it)."""
    widgets = [w for name in ORDERS.get(key, ()) if (w := tab.findChild(QWidget, name)) is not None]
    for before, after in zip(widgets, widgets[1:], strict=False):
        QWidget.setTabOrder(before, after)
    return widgets
