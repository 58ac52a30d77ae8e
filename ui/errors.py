"""Errors as the user meets them: expected ones as a message, bugs in one crash dialog.

Three kinds (qutebrowser's KnownError / BugError split):

- `app.errors.StationError` (bad input, a refused step, an edit conflict): an expected
  error. Its message, in the user's language, goes to the status bar when the window
  gave one, else to a non-blocking message box. Never a traceback.
- `app.errors.DatabaseUnavailable`: the environment, not the user. A yellow `DbBanner`
  across the window says so, retries on a timer with a Retry button, and hides itself
  when the database answers again; the user's input stays where it is.
- Bad input in a form is shown where it is: `mark_field` turns the field red and puts the
  reason under it; `MoneyValidator` lets amounts be typed freely and says whether they
  are one.
- Anything else is a bug: `CrashDialog`, one for the whole application, shows the
  traceback in a copyable text box. `install_excepthook()` routes uncaught exceptions
  (including those raised in slots) here.

Dialogs are opened through the module functions `show()` and `ask()`, which tests
replace (monkeypatch) to look at a dialog or to answer it as a person would.
"""

from __future__ import annotations

import platform
import re
import sys
import traceback
import unicodedata
from collections.abc import Callable
from datetime import datetime
from decimal import Decimal
from types import TracebackType

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFontDatabase, QGuiApplication, QValidator
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QStatusBar,
    QVBoxLayout,
    QWidget,
)

from app.errors import DatabaseUnavailable, StationError
from app.money import money
from db.engine import classify
from ui.i18n import Retranslatable, current_language, translate
from ui.worker import run_in_background

STATUS_MESSAGE_MS = 15_000
RETRY_INTERVALS_S: tuple[int, ...] = (5, 10, 30, 60)  # then every 60 s until it answers


def show(widget: QWidget) -> None:
    """Open a non-blocking dialog or box. Tests replace this to inspect what would open."""
    widget.show()
    widget.raise_()
    widget.activateWindow()


def ask(parent: QWidget | None, title: str, text: str,
        buttons: QMessageBox.StandardButton = (QMessageBox.StandardButton.Yes
                                               | QMessageBox.StandardButton.No),
        default: QMessageBox.StandardButton = QMessageBox.StandardButton.No,
        ) -> QMessageBox.StandardButton:
    """A question the user must answer before going on (e.g. "Cancel this return?").

    Blocks with a modal box and returns the button pressed. Tests replace this function
    to answer without a box.
    """
    box = QMessageBox(QMessageBox.Icon.Question, title, text, buttons, parent)
    box.setDefaultButton(default)
    return QMessageBox.StandardButton(box.exec())


def message_box(parent: QWidget | None, title: str, text: str,
                icon: QMessageBox.Icon = QMessageBox.Icon.Warning) -> QMessageBox:
    """A non-blocking box that deletes itself when closed."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setModal(False)
    box.setObjectName("expectedErrorBox")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    show(box)
    return box


class ErrorReporter:
    """Where a window's errors go: its status bar, its database banner, the crash dialog.

    The main window makes one with its own status bar and banner and passes it (or its
    `report` method) as `on_error` to background work and to `install_excepthook`.
    """

    def __init__(self, parent: QWidget | None = None, status_bar: QStatusBar | None = None,
                 banner: DbBanner | None = None) -> None:
        self.parent = parent
        self.status_bar = status_bar
        self.banner = banner

    def report(self, exc: BaseException) -> None:
        """Any step that failed: show `exc` the way its kind calls for."""
        exc = classify(exc)  # a raw database error that escaped a slot is still sorted
        if isinstance(exc, DatabaseUnavailable) and self.banner is not None:
            self.banner.connection_lost(exc)
        elif isinstance(exc, StationError):
            text = exc.message(current_language())
            if self.status_bar is not None:
                self.status_bar.showMessage(text, STATUS_MESSAGE_MS)
            else:
                message_box(self.parent, translate("Errors", "Cannot do that"), text)
        else:
            show_crash(exc)

    __call__ = report


def report_error(exc: BaseException, *, parent: QWidget | None = None,
                 status_bar: QStatusBar | None = None, banner: DbBanner | None = None) -> None:
    """One-off form of `ErrorReporter(parent, status_bar, banner).report(exc)`."""
    ErrorReporter(parent, status_bar, banner).report(exc)


# ------------------------------------------------------------------- inline: a field at fault

INVALID_FIELD_STYLE = "border: 1px solid #d00000; background: #fff0f0;"
_MESSAGE_COLOURS = {"invalid": "#c00000", "good": "#1a7f37", "neutral": "#555555"}


def mark_field(widget: QWidget | None, message_label: QLabel | None, message: str, *,
               invalid: bool | None = None, tone: str | None = None, good: bool = False) -> None:
    """Show a form field as wrong (red, reason below it) or right again.

    `invalid` defaults to "there is a message". The message is red for an invalid field,
    green with `good=True`, else grey; `tone` ("invalid", "good", "neutral") sets the colour
    of a message that is not about the field's own input, e.g. "Cannot connect" in red
    beside a well-formed address. The field also gets the dynamic property ``invalid``,
    for tests and style sheets.
    """
    if tone is None and good:
        tone = "good"
    is_invalid = bool(message) if invalid is None else invalid
    if widget is not None:
        widget.setProperty("invalid", is_invalid)
        widget.setStyleSheet(INVALID_FIELD_STYLE if is_invalid else "")
    if message_label is not None:
        colour = _MESSAGE_COLOURS[tone or ("invalid" if is_invalid else "neutral")]
        message_label.setStyleSheet(f"color: {colour};")
        message_label.setText(message)
        message_label.setVisible(bool(message))


class MoneyValidator(QValidator):
    """An amount of money in a QLineEdit: "35.50", "35.5", "¥35", "35元", full-width digits.

    Anything may be typed (the validator never swallows a keystroke, so the user sees what
    they typed and the form says why it is wrong); only a non-negative amount with at most
    two decimals is Acceptable. `parse` gives the Decimal, never a float.
    """

    PATTERN = re.compile(r"¥?\s*(\d{1,9}(?:\.\d{1,2})?)\s*元?")

    @classmethod
    def parse(cls, text: str) -> Decimal | None:
        """The amount rounded to fen, or None when `text` is not an amount."""
        match = cls.PATTERN.fullmatch(unicodedata.normalize("NFKC", text).strip())
        return money(Decimal(match.group(1))) if match else None

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        state = (QValidator.State.Acceptable if self.parse(text) is not None
                 else QValidator.State.Intermediate)
        return state, text, pos


# ---------------------------------------------------------------------------- the crash dialog


def _environment() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        station = version("rma-station")
    except PackageNotFoundError:
        station = "source checkout"
    return (f"RMA Station {station}; Python {platform.python_version()}; "
            f"PySide6 {pyside_version}; {platform.platform()}")


def crash_report(exc: BaseException) -> str:
    """The text a maintainer needs: when, which versions, and the full traceback."""
    stamp = datetime.now().strftime("%Y-%m-%d %H:%M:%S")
    trace = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    return f"{stamp}\n{_environment()}\n\n{trace}"


class CrashDialog(Retranslatable, QDialog):
    """The one dialog for bugs: what happened, and the details in a box to copy."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CrashDialog")
        self.setModal(True)
        self.resize(720, 460)
        self.setMinimumSize(480, 320)  # the wrapped intro keeps room for its lines
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.copy_button = QPushButton()
        self.copy_button.clicked.connect(self.copy_details)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Unexpected error"))
        self.intro.setText(self.tr(
            "RMA Station ran into a bug. What you were doing may not have been saved. "
            "Please copy the details below and send them to whoever looks after the station."))
        self.copy_button.setText(self.tr("Copy details"))

    def add(self, report: str) -> None:
        """Another bug while the dialog is open goes below the first, not into a new window."""
        if self.details.toPlainText():
            self.details.appendPlainText("\n" + "-" * 60 + "\n")
        self.details.appendPlainText(report)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())

    def done(self, result: int) -> None:
        global _crash_dialog
        if _crash_dialog is self:
            _crash_dialog = None
        super().done(result)


_crash_dialog: CrashDialog | None = None


def show_crash(exc: BaseException) -> CrashDialog | None:
    """A bug: print the traceback to stderr, and show it in the crash dialog when there is a UI."""
    global _crash_dialog
    report = crash_report(exc)
    print(report, file=sys.stderr, flush=True)
    if QApplication.instance() is None:
        return None
    if _crash_dialog is None:
        _crash_dialog = CrashDialog(QApplication.activeWindow())
    _crash_dialog.add(report)
    show(_crash_dialog)
    return _crash_dialog


def install_excepthook(reporter: ErrorReporter | None = None) -> None:
    """Start of the window: uncaught exceptions (also from slots) go to `reporter`.

    An expected StationError that escaped a slot is still shown as a message, not a crash.
    """
    target = reporter or ErrorReporter()

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if not isinstance(exc, Exception):  # Ctrl+C in a terminal, SystemExit: the default way
            sys.__excepthook__(kind, exc, tb)
            return
        if exc.__traceback__ is None:
            exc.__traceback__ = tb
        target.report(exc)

    sys.excepthook = hook


# --------------------------------------------------------------------------- the database banner


class DbBanner(Retranslatable, QFrame):
    """Yellow strip across the window while the database is unreachable.

    `probe()` is the caller's check (e.g. open a session and run SELECT 1): it returns when
    the database answers and raises when it does not. It runs in the background on a timer
    (5, 10, 30, then every 60 s) and on the Retry button. When it succeeds the banner hides
    and `restored` is emitted, so the window can reload what it shows.
    """

    restored = Signal()

    def __init__(self, probe: Callable[[], object], parent: QWidget | None = None,
                 intervals: tuple[int, ...] = RETRY_INTERVALS_S, *, auto_retry: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("DbBanner")
        self.setStyleSheet(
            "#DbBanner { background: #fff3b0; border: 1px solid #d9b700; border-radius: 3px; }"
            "#DbBanner QLabel { color: #4a3b00; }")
        # Never taller than its text needs, whatever the window does with spare height.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self._probe = probe
        self._intervals = intervals
        self._attempt = 0
        self._seconds_left = 0
        self._probing = False
        self._counting = False  # a countdown to the next attempt is shown
        # False: the countdown is shown but only `tick()` moves it (tests drive it, so no
        # test depends on how fast the machine reaches a wall-clock second)
        self.auto_retry = auto_retry
        self._detail = ""
        self.message = QLabel()  # one line: wrapped, it could be cut in a short banner
        self.countdown = QLabel()
        self.retry_button = QPushButton()
        self.retry_button.clicked.connect(self.retry_now)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.countdown)
        layout.addWidget(self.retry_button)
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self.tick)
        self.hide()
        self.retranslate()

    def retranslate(self) -> None:
        self.message.setText(self.tr("The database connection is lost. Retrying…"))
        self.retry_button.setText(self.tr("Retry now"))
        self._show_countdown()
        self.setToolTip(self._detail)

    def _show_countdown(self) -> None:
        if self._probing:
            self.countdown.setText(self.tr("Connecting…"))
        elif self._counting:
            self.countdown.setText(self.tr("Next attempt in %n s", "", self._seconds_left))
        else:
            self.countdown.setText("")

    def connection_lost(self, exc: DatabaseUnavailable | None = None) -> None:
        """A step failed because the database is gone: show the banner and start retrying."""
        if exc is not None:
            self._detail = exc.message(current_language())
            self.setToolTip(self._detail)
        if not self.isVisible() or not (self._counting or self._probing):
            self._attempt = 0
            self._schedule()
        self.show()

    def _schedule(self) -> None:
        self._seconds_left = self._intervals[min(self._attempt, len(self._intervals) - 1)]
        self._counting = True
        if self.auto_retry:
            self.timer.start()
        self._show_countdown()

    def tick(self) -> None:
        """One second of the countdown (the timer's, or a test's); at 0 it retries."""
        if not self._counting:
            return
        self._seconds_left -= 1
        if self._seconds_left <= 0:
            self.retry_now()
        else:
            self._show_countdown()

    def retry_now(self) -> None:
        """Retry button, and the timer when it runs out: probe the database in the background."""
        if self._probing:
            return
        self.timer.stop()
        self._counting = False
        self._probing = True
        self.retry_button.setEnabled(False)
        self._show_countdown()
        run_in_background(self, lambda _progress: self._probe(),
                          title=self.tr("Connecting…"), on_done=self._probe_succeeded,
                          on_error=self._probe_failed, cancellable=False, show_progress=False)

    def _probe_succeeded(self, _result: object) -> None:
        self._probing = False
        self._attempt = 0
        self.retry_button.setEnabled(True)
        self.timer.stop()
        self._counting = False
        self.hide()
        self._show_countdown()
        self.restored.emit()

    def _probe_failed(self, exc: BaseException) -> None:
        self._probing = False
        self.retry_button.setEnabled(True)
        if isinstance(exc, StationError):
            self._detail = exc.message(current_language())
        else:
            self._detail = f"{type(exc).__name__}: {exc}"
        self.setToolTip(self._detail)
        self._attempt += 1
        self._schedule()
