"""What every record form of the station does the same way, in one place.

- knows when the user changed something (`dirty`), so leaving the record asks first;
- marks the field an error names red with the message below it (StationError.field →
  widget), and re-renders those messages when the language changes;
- captures what the user typed and puts it back (after "reload, keep my input", after
  the database came back), so no input is ever lost to a refusal.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from app.errors import StationError
from ui import errors as ui_errors


@dataclass
class _Shown:
    widget: QWidget | None
    label: QLabel | None
    error: StationError | None
    text: Callable[[], str] | None = None


class FormState:
    """Dirty flag, inline errors and input capture for one form."""

    def __init__(self, lang: Callable[[], str]) -> None:
        self._lang = lang
        self.inputs: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}
        self.message_labels: list[QLabel] = []
        self.dirty = False
        self.loading = False
        self._shown: list[_Shown] = []
        self.on_change: Callable[[], None] | None = None

    # ------------------------------------------------------------ inputs

    def add(self, key: str, widget: QWidget, message_label: QLabel) -> None:
        """Register an input under the services' field name, with the label for its message."""
        self.inputs[key] = widget
        self.labels[key] = message_label
        if message_label not in self.message_labels:
            self.message_labels.append(message_label)
            message_label.hide()
        self._watch(widget)

    def add_message_label(self, label: QLabel) -> None:
        if label not in self.message_labels:
            self.message_labels.append(label)
            label.hide()

    def _watch(self, widget: QWidget) -> None:
        if isinstance(widget, QLineEdit):
            widget.textEdited.connect(self._changed)
        elif isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(self._changed)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(self._changed)
            if widget.isEditable():
                widget.editTextChanged.connect(self._changed)
        elif isinstance(widget, QDateEdit):
            widget.dateChanged.connect(self._changed)
        elif isinstance(widget, QCheckBox):
            widget.toggled.connect(self._changed)
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            widget.model().dataChanged.connect(self._changed)
            widget.model().rowsInserted.connect(self._changed)
            widget.model().rowsRemoved.connect(self._changed)

    def _changed(self, *_args: Any) -> None:
        if self.loading:
            return
        self.dirty = True
        if self.on_change is not None:
            self.on_change()

    def loaded(self) -> None:
        """The form now shows the record as saved: nothing to lose."""
        self.dirty = False
        self.baseline = self.capture()  # what `typed` compares with

    def typed(self) -> dict[str, Any]:
        """What the user changed since the record was loaded, by field key (ui.live's reload
        puts back only this, so another station's new values are not read over)."""
        baseline = getattr(self, "baseline", {})
        return {k: v for k, v in self.capture().items() if baseline.get(k) != v}

    # ------------------------------------------------------------ errors

    def show_error(self, exc: StationError, fallback: QLabel | None = None) -> QWidget | None:
        """Mark the field `exc.field` names (or show the message at `fallback`); returns it."""
        widget = self.inputs.get(exc.field or "")
        label = self.labels.get(exc.field or "", fallback)
        self._shown.append(_Shown(widget, label, exc))
        ui_errors.mark_field(widget, label, exc.message(self._lang()))
        if widget is not None and widget.isEnabled():
            widget.setFocus()
        return widget

    def show_message(self, label: QLabel, text: Callable[[], str], *, good: bool = False) -> None:
        """A message in the form that is not tied to one field (kept across language changes)."""
        self._shown.append(_Shown(None, label, None, text))
        ui_errors.mark_field(None, label, text(), invalid=not good, good=good)

    def clear_errors(self) -> None:
        for shown in self._shown:
            if shown.widget is not None:
                ui_errors.mark_field(shown.widget, None, "")
        for label in self.message_labels:
            label.clear()
            label.hide()
        self._shown.clear()

    def retranslate(self) -> None:
        """Messages on show follow the language."""
        for shown in self._shown:
            if shown.label is None:
                continue
            text = shown.error.message(self._lang()) if shown.error is not None else (
                shown.text() if shown.text else "")
            shown.label.setText(text)

    def has_error(self, key: str) -> bool:
        widget = self.inputs.get(key)
        return bool(widget is not None and widget.property("invalid"))

    # ------------------------------------------------------------ keep the user's input

    def capture(self, keys: list[str] | None = None) -> dict[str, Any]:
        """What the user has typed, by field key (table inputs are left to their models)."""
        out: dict[str, Any] = {}
        for key, widget in self.inputs.items():
            if keys is not None and key not in keys:
                continue
            if isinstance(widget, QLineEdit):
                out[key] = widget.text()
            elif isinstance(widget, QPlainTextEdit):
                out[key] = widget.toPlainText()
            elif isinstance(widget, QComboBox):
                out[key] = (widget.currentIndex(), widget.currentText())
            elif isinstance(widget, QDateEdit):
                out[key] = widget.date()
            elif isinstance(widget, QCheckBox):
                out[key] = widget.isChecked()
        return out

    def restore(self, values: dict[str, Any]) -> None:
        """Put captured input back; the form counts as changed (it is not saved yet)."""
        self.loading = True
        try:
            for key, value in values.items():
                widget = self.inputs.get(key)
                if isinstance(widget, QLineEdit):
                    widget.setText(value)
                elif isinstance(widget, QPlainTextEdit):
                    widget.setPlainText(value)
                elif isinstance(widget, QComboBox):
                    index, text = value
                    if widget.isEditable():
                        widget.setCurrentIndex(index)
                        widget.setEditText(text)
                    else:
                        widget.setCurrentIndex(index)
                elif isinstance(widget, QDateEdit) and isinstance(value, QDate):
                    widget.setDate(value)
                elif isinstance(widget, QCheckBox):
                    widget.setChecked(bool(value))
        finally:
            self.loading = False
        self.dirty = True
