"""What the desk and the benches share for corrections (修改): the small dialog that asks
why a recorded step is amended or reopened, and placing the buttons beside the form's own.

The tabs add their Amend… / Reopen… / Close buttons in code (one method per tab), next to
an existing button of their Designer form, so the forms' .ui files stay as they are.
The dialog is opened through `ask_reason`, which tests replace to drive the dialog.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QBoxLayout,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLayout,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import StationError


class ReasonDialog(QDialog):
    """Why is this step amended or reopened? OK only once a reason is typed."""

    def __init__(self, parent: QWidget | None, title: str, prompt: str) -> None:
        super().__init__(parent)
        self.setObjectName("reasonDialog")
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        self.promptLabel = QLabel(prompt, self)
        self.promptLabel.setWordWrap(True)
        layout.addWidget(self.promptLabel)
        self.reasonEdit = QPlainTextEdit(self)
        self.reasonEdit.setObjectName("reasonEdit")
        self.reasonEdit.setPlaceholderText(QCoreApplication.translate("Corrections", "The reason stays in the record's history."))
        self.reasonEdit.setTabChangesFocus(True)
        self.reasonEdit.setMinimumHeight(70)
        layout.addWidget(self.reasonEdit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.okButton = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.okButton.setText(QCoreApplication.translate("Corrections", "Save with this reason"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(QCoreApplication.translate("Corrections", "Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.reasonEdit.textChanged.connect(self._reason_changed)
        self._reason_changed()
        self.resize(420, 200)

    def _reason_changed(self) -> None:
        empty = not self.reason()
        self.okButton.setEnabled(not empty)
        self.okButton.setToolTip(QCoreApplication.translate("Corrections", "Type the reason first") if empty else "")

    def reason(self) -> str:
        return self.reasonEdit.toPlainText().strip()


def ask_reason(parent: QWidget | None, title: str, prompt: str) -> str | None:
    """The reason for an amend or a reopen; None when the user cancels.

    Tests replace this function (monkeypatch ui.corrections.ask_reason) to drive the dialog.
    """
    dialog = ReasonDialog(parent, title, prompt)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.reason()


def refusal(error: StationError | None, lang: str) -> tuple[bool, str]:
    """(allowed, why not) from a service's state check, for `gate(state_ok=, state_reason=)`."""
    return error is None, error.message(lang) if error is not None else ""


def make_button(parent: QWidget, name: str) -> QPushButton:
    button = QPushButton(parent)
    button.setObjectName(name)
    return button


def _find(layout: QLayout, widget: QWidget) -> tuple[QLayout, int] | None:
    for i in range(layout.count()):
        item = layout.itemAt(i)
        if item.widget() is widget:
            return layout, i
        child = item.layout()
        if child is not None:
            found = _find(child, widget)
            if found is not None:
                return found
    return None


def place_after(anchor: QAbstractButton, *buttons: QAbstractButton) -> None:
    """Put `buttons` right after `anchor` in the row that holds it (whatever it is called)."""
    top = anchor.parentWidget().layout() if anchor.parentWidget() is not None else None
    found = _find(top, anchor) if top is not None else None
    if found is None:
        raise LookupError(f"no layout holds {anchor.objectName()}")
    layout, index = found
    if isinstance(layout, QBoxLayout):
        for offset, button in enumerate(buttons, start=1):
            layout.insertWidget(index + offset, button)
        return
    if isinstance(layout, QGridLayout):  # beside it in a row of its own
        row_layout = QVBoxLayout()
        r, c, _rs, _cs = layout.getItemPosition(index)
        layout.removeWidget(anchor)
        row_layout.addWidget(anchor)
        for button in buttons:
            row_layout.addWidget(button)
        layout.addLayout(row_layout, r, c)
        return
    raise LookupError(f"cannot place buttons beside {anchor.objectName()}")
