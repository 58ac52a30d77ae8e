"""The small dialogs of the claims windows: each one step, its input kept on a refusal.

A dialog emits `submitted(values)` on OK; the window carries out the step and either accepts
the dialog or shows the refusal in the dialog's message line (the dialog stays open with what
was typed), as the liaison reply dialog does.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.money import ZERO, format_yuan
from app.services import claims
from app.services.claims import ClaimableLine


def date_edit(parent: QWidget, name: str, day: date | None = None) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setDate(QDate(day) if day else QDate.currentDate())
    return edit


def py_date(edit: QDateEdit) -> date:
    d = edit.date()
    return date(d.year(), d.month(), d.day())


class StepDialog(QDialog):
    """A form of a few fields, a message line for refusals, OK / Cancel."""

    submitted = Signal(dict)

    def __init__(self, parent: QWidget | None, name: str, title: str) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.messageLabel = QLabel(self)
        self.messageLabel.setObjectName("messageLabel")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setStyleSheet("color: #B00020;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.messageLabel)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(lambda: self.submitted.emit(self.values()))
        self.buttons.rejected.connect(self.reject)

    @property
    def ok_button(self) -> QWidget:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def add(self, label: str, widget: QWidget) -> QWidget:
        self.form.addRow(label, widget)
        return widget

    def values(self) -> dict[str, Any]:
        return {}

    def refuse(self, text: str) -> None:
        self.messageLabel.setText(text)


class NewClaimDialog(StepDialog):
    """A new claim: the supplier, the liability-2 lines to claim (ticked), a note."""

    def __init__(self, parent: QWidget | None, supplier_list: Sequence[tuple[int, str, str]],
                 lines: Sequence[ClaimableLine], lang: str) -> None:
        super().__init__(parent, "newClaimDialog", self.tr("New supplier claim"))
        self.all_lines = list(lines)
        self.supplierCombo = QComboBox(self)
        self.supplierCombo.setObjectName("supplierCombo")
        for sid, code, name in supplier_list:
            self.supplierCombo.addItem(f"{code} {name}", sid)
        self.linesList = QListWidget(self)
        self.linesList.setObjectName("linesList")
        self.linesList.setMinimumWidth(560)
        self.noteEdit = QPlainTextEdit(self)
        self.noteEdit.setObjectName("noteEdit")
        self.noteEdit.setMaximumHeight(70)
        self.noteEdit.setTabChangesFocus(True)
        self.totalLabel = QLabel(self)
        self.add(self.tr("Supplier:"), self.supplierCombo)
        self.add(self.tr("Lines of liability 2 (supplier):"), self.linesList)
        self.add("", self.totalLabel)
        self.add(self.tr("Note to the supplier:"), self.noteEdit)
        self.supplierCombo.currentIndexChanged.connect(lambda _i: self._fill())
        self.linesList.itemChanged.connect(lambda _i: self._total())
        self._fill()

    def supplier_id(self) -> int | None:
        return self.supplierCombo.currentData()

    def _fill(self) -> None:
        sid = self.supplier_id()
        self.linesList.blockSignals(True)
        self.linesList.clear()
        for ln in self.all_lines:
            if ln.supplier_id not in (None, sid):
                continue  # the master data gives this product another supplier
            item = QListWidgetItem(f"{ln.barcode}  {ln.model}  {ln.qty} {ln.unit}  {ln.customer}  "
                                   f"¥{format_yuan(ln.loss_cost)}")
            item.setData(Qt.ItemDataRole.UserRole, ln.line_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.linesList.addItem(item)
        self.linesList.blockSignals(False)
        self._total()

    def set_checked(self, line_id: int, checked: bool = True) -> None:
        """Tick a line as a click on its box would (tests and the QA bench's preselection)."""
        for i in range(self.linesList.count()):
            item = self.linesList.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == line_id:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def checked_ids(self) -> list[int]:
        return [self.linesList.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.linesList.count())
                if self.linesList.item(i).checkState() == Qt.CheckState.Checked]

    def _total(self) -> None:
        ids = set(self.checked_ids())
        total = sum((ln.loss_cost for ln in self.all_lines if ln.line_id in ids), ZERO)
        self.totalLabel.setText(self.tr("%n line(s), loss cost ¥%1", "", len(ids)).replace("%1", format_yuan(total)))

    def values(self) -> dict[str, Any]:
        return {"supplier_id": self.supplier_id(), "line_ids": self.checked_ids(),
                "note": self.noteEdit.toPlainText()}


class AmountDialog(StepDialog):
    """Claim another amount than the loss cost, with the reason."""

    def __init__(self, parent: QWidget | None, row: claims.ClaimRow) -> None:
        super().__init__(parent, "amountDialog", self.tr("Amount claimed"))
        self.amountEdit = QLineEdit(f"{row.claimed_amount:.2f}", self)
        self.amountEdit.setObjectName("amountEdit")
        self.reasonEdit = QLineEdit(row.amount_reason, self)
        self.reasonEdit.setObjectName("reasonEdit")
        self.add(self.tr("Loss cost:"), QLabel(f"¥{format_yuan(row.loss_amount)}", self))
        self.add(self.tr("Amount claimed (¥):"), self.amountEdit)
        self.add(self.tr("Reason for the change:"), self.reasonEdit)

    def values(self) -> dict[str, Any]:
        return {"amount": self.amountEdit.text().strip(), "reason": self.reasonEdit.text()}


class AnswerDialog(StepDialog):
    """The supplier's answer: accepted, partly accepted (the amount) or rejected (why)."""

    def __init__(self, parent: QWidget | None, row: claims.ClaimRow, lang: str) -> None:
        super().__init__(parent, "answerDialog", self.tr("Supplier's answer"))
        self.answerCombo = QComboBox(self)
        self.answerCombo.setObjectName("answerCombo")
        for code in claims.ANSWERS:
            self.answerCombo.addItem(claims.status_name(code, lang), code)
        self.amountEdit = QLineEdit(self)
        self.amountEdit.setObjectName("acceptedEdit")
        self.replyEdit = QPlainTextEdit(self)
        self.replyEdit.setObjectName("replyEdit")
        self.replyEdit.setMaximumHeight(70)
        self.replyEdit.setTabChangesFocus(True)
        self.dateEdit = date_edit(self, "answeredDateEdit")
        self.add(self.tr("Claimed:"), QLabel(f"¥{format_yuan(row.claimed_amount)}", self))
        self.add(self.tr("Answer:"), self.answerCombo)
        self.add(self.tr("Amount accepted (¥, partly):"), self.amountEdit)
        self.add(self.tr("Supplier's reply:"), self.replyEdit)
        self.add(self.tr("Answered on:"), self.dateEdit)
        self.answerCombo.currentIndexChanged.connect(lambda _i: self._gate())
        self._gate()

    def choose(self, code: str) -> None:
        self.answerCombo.setCurrentIndex(self.answerCombo.findData(code))

    def _gate(self) -> None:
        self.amountEdit.setEnabled(self.answerCombo.currentData() == claims.PARTLY)

    def values(self) -> dict[str, Any]:
        return {"answer": self.answerCombo.currentData(), "accepted_amount": self.amountEdit.text().strip() or None,
                "reply": self.replyEdit.toPlainText(), "answered_on": py_date(self.dateEdit)}


class CreditDialog(StepDialog):
    """The amount recovered and the supplier's credit note."""

    def __init__(self, parent: QWidget | None, row: claims.ClaimRow) -> None:
        super().__init__(parent, "creditDialog", self.tr("Amount recovered"))
        accepted = row.accepted_amount if row.accepted_amount is not None else row.claimed_amount
        self.amountEdit = QLineEdit(f"{accepted:.2f}", self)
        self.amountEdit.setObjectName("recoveredEdit")
        self.refEdit = QLineEdit(self)
        self.refEdit.setObjectName("creditRefEdit")
        self.dateEdit = date_edit(self, "creditedDateEdit")
        self.add(self.tr("Accepted by the supplier:"), QLabel(f"¥{format_yuan(accepted)}", self))
        self.add(self.tr("Amount recovered (¥):"), self.amountEdit)
        self.add(self.tr("Credit note no.:"), self.refEdit)
        self.add(self.tr("Credited on:"), self.dateEdit)

    def values(self) -> dict[str, Any]:
        return {"amount": self.amountEdit.text().strip(), "credit_ref": self.refEdit.text(),
                "credited_on": py_date(self.dateEdit)}
