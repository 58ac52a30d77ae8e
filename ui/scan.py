"""The scan field and the keyboard-wedge scanner.

A barcode scanner at a desk is a keyboard: it types the label's text very fast and
presses Enter. The station takes a scan in two ways:

- `ScanField`, the line edit in the toolbar (F2 or Ctrl+L puts the cursor there): what is
  typed or scanned into it and confirmed with Enter is a scan;
- `WedgeFilter`, an application-level key filter: wherever the cursor is in the window
  (a quantity, a remark), a burst of keys faster than a person types that spells a
  return-line label (RMA-YYYY-NNNNNN-L) and ends in Enter is taken as a scan, and the
  field the cursor was in receives none of it. It holds back keys only while they still
  spell the start of a label and keep coming at scanner speed; as soon as they do not,
  the held keys are handed to the field in their order, so a person typing "R…" loses
  nothing (the field gets the letter a few hundredths of a second later).

`classify` tells a line label from an RMA number and from a product label's code.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

LINE_LABEL = re.compile(r"^RMA-\d{4}-\d{6}-\d{1,3}$")
RETURN_NO = re.compile(r"^RMA-\d{4}-\d{6}$")
_TEMPLATE = "RMA-0000-000000-000"  # '0' = any digit; the line number has 1 to 3 digits

# A scanner sends a key every few milliseconds; the fastest typists need 60 ms or more.
SCANNER_GAP_MS = 40


@dataclass(frozen=True)
class ScannedCode:
    """What a scanned text is: a line label, an RMA number, or (anything else) a product code."""

    kind: str  # "line", "return" or "product"
    code: str


def classify(text: str) -> ScannedCode | None:
    """Normalise a scan (spaces, case) and say what kind of code it is; None when empty."""
    code = text.strip()
    if not code:
        return None
    upper = code.upper()
    if LINE_LABEL.match(upper):
        return ScannedCode("line", upper)
    if RETURN_NO.match(upper):
        return ScannedCode("return", upper)
    return ScannedCode("product", code)


def could_become_label(text: str) -> bool:
    """True while `text` is the beginning of a line label (what the wedge filter holds back)."""
    if not text or len(text) > len(_TEMPLATE):
        return False
    for ch, want in zip(text.upper(), _TEMPLATE, strict=False):
        if want == "0":
            if not ch.isdigit() or not ch.isascii():
                return False
        elif ch != want:
            return False
    return True


class ScanField(QLineEdit):
    """The toolbar's scan field: Enter hands the text on as `scanned` and empties the field."""

    scanned = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scanField")
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(260)
        self.returnPressed.connect(self._confirm)

    def _confirm(self) -> None:
        text = self.text().strip()
        self.clear()
        if text:
            self.scanned.emit(text)


class WedgeFilter(QObject):
    """Recognises a scanner's burst of keys anywhere in `window` and emits `scanned`.

    Installed on the QApplication (so it sees the keys before any field does). Keys typed
    into `exempt` (the scan field itself) are left alone: that field handles its own Enter.
    """

    scanned = Signal(str)

    def __init__(self, window: QWidget, exempt: QWidget | None = None,
                 gap_ms: int = SCANNER_GAP_MS) -> None:
        super().__init__(window)
        self.window = window
        self.exempt = exempt
        self.gap_ms = gap_ms
        self._held: list[QKeyEvent] = []
        self._text = ""
        self._target: QObject | None = None
        self._last = 0.0
        self._replaying = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.release)

    def _ours(self, obj: QObject) -> bool:
        if not isinstance(obj, QWidget) or not shiboken6.isValid(self.window):
            return False
        if self.exempt is not None and (obj is self.exempt or self.exempt.isAncestorOf(obj)):
            return False
        return obj.window() is self.window

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if self._replaying or kind not in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            return False
        if not self._ours(obj):
            return False
        assert isinstance(event, QKeyEvent)
        if kind == QEvent.Type.KeyRelease:
            return bool(self._held)  # the release of a held key must not reach the field alone
        now = time.monotonic()
        if self._held and (now - self._last) * 1000 > self.gap_ms:
            self.release()  # too slow for a scanner: a person is typing
        key = event.key()
        if self._held and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if LINE_LABEL.match(self._text.upper()):
                code = self._text.upper()
                self._reset()
                self.scanned.emit(code)
                return True
            self.release()
            return False
        text = event.text()
        if event.isAutoRepeat() or len(text) != 1 or event.modifiers() & (
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            self.release()
            return False
        candidate = self._text + text
        if could_become_label(candidate):
            if not self._held:
                self._target = obj
            self._held.append(QKeyEvent(QEvent.Type.KeyPress, key, event.modifiers(), text,
                                        False, event.count()))
            self._text = candidate
            self._last = now
            self._timer.start(self.gap_ms + 10)
            return True
        self.release()
        return False

    def release(self) -> None:
        """Hand the held keys to the field they were meant for, in their order."""
        self._timer.stop()
        held, target = self._held, self._target
        self._reset()
        if not held or target is None or not shiboken6.isValid(target):
            return
        self._replaying = True
        try:
            for ev in held:
                QCoreApplication.sendEvent(target, ev)
                release = QKeyEvent(QEvent.Type.KeyRelease, ev.key(), ev.modifiers(), ev.text())
                QCoreApplication.sendEvent(target, release)
        finally:
            self._replaying = False

    def _reset(self) -> None:
        self._held = []
        self._text = ""
        self._target = None
        self._timer.stop()
