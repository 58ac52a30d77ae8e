"""The signature dialog: the signer re-enters their password to verify or close an 8D."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget


class SignatureDialog(QDialog):
    """Non-blocking: `signed(password)` is emitted on OK; the caller runs the service and,
    when it refuses (wrong password), calls `refuse(message)` and the dialog stays open."""

    signed = Signal(str)

    def __init__(self, meaning: str, signer: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signatureDialog")
        self.meaning, self.signer = meaning, signer
        self.textLabel = QLabel(self)
        self.textLabel.setWordWrap(True)
        self.passwordEdit = QLineEdit(self)
        self.passwordEdit.setObjectName("passwordEdit")
        self.passwordEdit.setEchoMode(QLineEdit.EchoMode.Password)
        self.messageLabel = QLabel(self)
        self.messageLabel.setStyleSheet("color: #B00020;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        layout = QVBoxLayout(self)
        for w in (self.textLabel, self.passwordEdit, self.messageLabel, self.buttons):
            layout.addWidget(w)
        self.buttons.accepted.connect(lambda: self.signed.emit(self.passwordEdit.text()))
        self.buttons.rejected.connect(self.reject)
        self.retranslate()

    @property
    def ok_button(self) -> QWidget:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Sign"))
        self.textLabel.setText(self.tr("%1 signs: %2. Enter your password to sign.")
                               .replace("%1", self.signer).replace("%2", self.meaning))
        self.passwordEdit.setPlaceholderText(self.tr("Password"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def refuse(self, message: str) -> None:
        self.messageLabel.setText(message)
        self.passwordEdit.selectAll()
        self.passwordEdit.setFocus()
