"""The keyboard at the benches: Ctrl+S saves, one Tab through a date, Enter submits.

- Ctrl+S presses the current tab's save button for what is open: the desk's "Register",
  the bench's button of the line's next step (`step_widget`); a disabled button is not
  pressed (its tooltip says why in the status bar instead).
- A date field (QDateEdit with its calendar popup) takes one Tab in and one Tab out: Qt
  walks the year, month and day sections with Tab, which made every date cost three
  presses; the arrow keys still move between the sections.
- Enter in a single-line field of a form does what Ctrl+S does for it (the desk's header,
  the benches' fields; the 8D fields open the 8D report, their own button); never in
  multi-line text, a table cell being edited or a combo box.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QWidget,
)


def _focusable(widget: QWidget) -> bool:
    return (widget.isEnabled() and widget.isVisible()
            and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and widget.focusProxy() is None)


def next_in_tab_order(widget: QWidget, forward: bool = True) -> QWidget | None:
    """The widget Tab (or Shift+Tab) leads to from `widget`, skipping its own children."""
    step = QWidget.nextInFocusChain if forward else QWidget.previousInFocusChain
    candidate = step(widget)
    while candidate is not None and candidate is not widget:
        if not widget.isAncestorOf(candidate) and _focusable(candidate) and candidate.window() is widget.window():
            return candidate
        candidate = step(candidate)
    return None


class DateTab(QObject):
    """Event filter for date fields: Tab and Shift+Tab leave the field at once."""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.KeyPress and isinstance(obj, QDateEdit):
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
                forward = key == Qt.Key.Key_Tab and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                target = next_in_tab_order(obj, forward)
                if target is not None:
                    target.setFocus(Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason)
                    return True
        return False


def one_tab_dates(root: QWidget, date_tab: DateTab) -> None:
    """Every date field under `root` leaves on one Tab."""
    for edit in root.findChildren(QDateEdit):
        edit.installEventFilter(date_tab)


def press_save(current_button: Callable[[], QAbstractButton | None], refused: Callable[[str], None]) -> None:
    """Press the save button for what is open (what Ctrl+S and Enter do)."""
    button = current_button()
    if button is None:
        return
    if button.isEnabled() and button.isVisible():
        button.click()
    elif button.toolTip():
        refused(button.toolTip())


def single_line_fields(root: QWidget, skip: tuple[str, ...] = ()) -> list[QLineEdit]:
    """The form's own single-line fields under `root`.

    Left out: the fields named in `skip` (a queue's search), the line edits inside combo
    boxes, spin boxes and date fields (Enter there picks an entry or steps a value) and
    anything inside an item view (a table's cell editor commits the cell on Enter).
    """
    out = []
    for field in root.findChildren(QLineEdit):
        if field.objectName() in skip or isinstance(field.parent(), (QComboBox, QAbstractSpinBox)):
            continue
        parent = field.parentWidget()
        while parent is not None and parent is not root and not isinstance(parent, QAbstractItemView):
            parent = parent.parentWidget()
        if isinstance(parent, QAbstractItemView):
            continue
        out.append(field)
    return out


def enter_saves(fields: list[QLineEdit], save: Callable[[], None]) -> None:
    """Enter in these single-line fields does what Ctrl+S does. A multi-line box is never a
    QLineEdit (Enter stays a newline there); an open completer or combo popup takes the
    Enter itself, so it never reaches the field's returnPressed."""
    for field in fields:
        field.returnPressed.connect(save)


def save_shortcut(window: QWidget, current_button: Callable[[], QAbstractButton | None],
                  refused: Callable[[str], None]) -> QShortcut:
    """Ctrl+S (QKeySequence.Save) anywhere in the window presses the current save button."""

    shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), window,
                         lambda: press_save(current_button, refused))
    shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
    return shortcut


def enter_submits(fields: list[QLineEdit], button: QAbstractButton) -> None:
    """Enter in any of these single-line fields presses `button` (when it may be pressed)."""
    for field in fields:
        field.returnPressed.connect(lambda b=button: b.click() if b.isEnabled() else None)
