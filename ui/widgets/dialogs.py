"""Questions that need typed text, opened through a patchable function (tests answer them)."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    """Ask for a line of text (e.g. why a return is cancelled); None when the user cancels.

    Tests replace this function (monkeypatch ui.widgets.dialogs.ask_text) to answer it.
    """
    value, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, text)
    return value if ok else None
