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
  A product label (EAN-13 and the like: digits a person might also type into a quantity)
  cannot be held back that way, so its keys reach the field; but when such a burst of at
  least `MIN_PRODUCT_SCAN` keys at scanner speed ends in Enter, the field gets back the
  text it had before the burst and the code is taken as a product scan (at the desk: a
  new line). Typing at a person's speed is never taken.

  Speed is measured on the key events' own timestamps (set by the platform for real
  keyboards and scanners); events without one (synthesised ones) are timed by the
  injected `clock`, so tests drive the filter deterministically either way.

`classify` tells a line label from an RMA number and from a product label's code.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QLineEdit, QWidget

LINE_LABEL = re.compile(r"^RMA-\d{4}-\d{6}-\d{1,3}$")
RETURN_NO = re.compile(r"^RMA-\d{4}-\d{6}$")
_TEMPLATE = "RMA-0000-000000-000"  # '0' = any digit; the line number has 1 to 3 digits

# A scanner sends a key every few milliseconds; the fastest typists need 60 ms or more.
SCANNER_GAP_MS = 40
# A product label typed into a field is taken as a scan from this many keys on: EAN-8 is
# the shortest product barcode, and nobody types eight keys 40 ms apart.
MIN_PRODUCT_SCAN = 8
PRODUCT_CODE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z\-./+]*$")


def _monotonic_ms() -> float:
    return time.monotonic() * 1000


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

    Installed on the QApplication (so it sees the keys before any field does) through
    `listen_for_scans`: one filter for every window of the process. Keys typed
    into `exempt` (the scan field itself) are left alone: that field handles its own Enter.
    """

    scanned = Signal(str)

    def __init__(self, window: QWidget, exempt: QWidget | None = None,
                 gap_ms: int = SCANNER_GAP_MS, clock: Callable[[], float] = _monotonic_ms,
                 is_product: Callable[[str], bool] | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.exempt = exempt
        # A fast burst of digits + Enter in a field is a product label only when it names a
        # product: a quantity pasted or typed by a fast macro (10^12) stays where it was typed.
        self.is_product = is_product
        self.gap_ms = gap_ms
        self.clock = clock
        # the burst of keys that reached a text field: field, its text and cursor before, keys
        self._burst_field: QLineEdit | None = None
        self._burst_before: tuple[str, int] = ("", 0)
        self._burst_text = ""
        self._burst_last = 0.0
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
        now = float(event.timestamp()) or self.clock()
        if self._held and now - self._last > self.gap_ms:
            self.release()  # too slow for a scanner: a person is typing
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._held:
                if LINE_LABEL.match(self._text.upper()):
                    code = self._text.upper()
                    self._reset()
                    self.scanned.emit(code)
                    return True
                self.release()
                return False
            return self._product_burst_ends(obj, now)
        text = event.text()
        if event.isAutoRepeat() or len(text) != 1 or event.modifiers() & (
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            self.release()
            self._burst_field = None
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
        self._follow_burst(obj, text, now)
        return False

    # ------------------------------------------------------------ product labels in a field

    @staticmethod
    def _text_field(obj: QObject) -> QLineEdit | None:
        """The single-line text the key lands in (a line edit, an editable combo or spin box)."""
        if isinstance(obj, QLineEdit):
            return obj
        if isinstance(obj, QComboBox | QAbstractSpinBox):
            return obj.findChild(QLineEdit)
        return None

    def _follow_burst(self, obj: QObject, text: str, now: float) -> None:
        """Note a key that goes on to a text field: part of a scanner's burst, or a new start."""
        field = self._text_field(obj)
        if field is None:
            self._burst_field = None
            return
        if self._burst_field is not field or now - self._burst_last > self.gap_ms:
            self._burst_field = field
            self._burst_before = (field.text(), field.cursorPosition())
            self._burst_text = ""
        self._burst_text += text
        self._burst_last = now

    def _product_burst_ends(self, obj: QObject, now: float) -> bool:
        """Enter after a burst: a product label scanned into a field is taken back out of it."""
        field, code = self._burst_field, self._burst_text
        self._burst_field = None
        if (field is None or field is not self._text_field(obj) or not shiboken6.isValid(field)
                or now - self._burst_last > self.gap_ms or len(code) < MIN_PRODUCT_SCAN
                or not PRODUCT_CODE.match(code) or classify(code) != ScannedCode("product", code)
                or (self.is_product is not None and not self.is_product(code))):
            return False
        before, cursor = self._burst_before
        field.setText(before)
        field.setCursorPosition(cursor)
        self.scanned.emit(code)
        return True

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


_KEYS = (QEvent.Type.KeyPress, QEvent.Type.KeyRelease)


class _KeyRouter(QObject):
    """The one application-wide event filter of every window's wedge in a process.

    A filter on the QApplication is called for every event of every object (paints,
    timers, queued signals), and a Python filter takes the GIL for each: one per window
    made each event cross into Python once per window, beside worker threads that hold the
    GIL. The router crosses once and hands on only the key events.
    """

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.wedges: list[WedgeFilter] = []

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() not in _KEYS:
            return False
        # the newest window first, as filters installed one by one on the application are
        for wedge in reversed(self.wedges):
            if shiboken6.isValid(wedge) and wedge.eventFilter(obj, event):
                return True
        return False


def listen_for_scans(wedge: WedgeFilter) -> None:
    """Let `wedge` see the keys typed anywhere in its window (through the one router)."""
    app = QCoreApplication.instance()
    if app is None:
        return
    router = app.findChild(_KeyRouter)
    if router is None:
        router = _KeyRouter(app)
        app.installEventFilter(router)
    if wedge not in router.wedges:
        router.wedges.append(wedge)


def stop_listening_for_scans(wedge: WedgeFilter) -> None:
    """Its window closes: the wedge sees no keys any more."""
    app = QCoreApplication.instance()
    router = app.findChild(_KeyRouter) if app is not None else None
    if router is not None:
        router.wedges = [w for w in router.wedges if w is not wedge and shiboken6.isValid(w)]
