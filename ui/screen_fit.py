"""The window fits the screen it opens on: a 1366×768 desk monitor shows every button.

The station was laid out on a large monitor (1360×860); factory desks often have
1366×768 screens with a taskbar, where that size puts the bottom of the window — the
register and save buttons — below the screen. The window now takes at most the screen's
available geometry (the screen minus the taskbar), and a geometry saved on a larger
monitor is clamped to the current one when it is restored.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QTableView, QWidget

# What the window asks for when the screen has room; on a smaller one it takes the screen.
PREFERRED = QSize(1360, 860)


def available(widget: QWidget) -> QRect | None:
    """The available geometry of the screen the widget is on (or the primary screen)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else None


def frame_margins(widget: QWidget) -> QSize:
    """What the window manager's frame adds to the client size (0 before the first show)."""
    frame, inner = widget.frameGeometry(), widget.geometry()
    return QSize(max(0, frame.width() - inner.width()), max(0, frame.height() - inner.height()))


def fit_size(preferred: QSize, screen: QRect | None, margins: QSize | None = None) -> QSize:
    """`preferred`, shrunk to the screen's available area less the window frame."""
    if screen is None:
        return preferred
    margins = margins or QSize(0, 0)
    return QSize(min(preferred.width(), screen.width() - margins.width()),
                 min(preferred.height(), screen.height() - margins.height()))


def clamp_to_screen(widget: QWidget) -> None:
    """Keep a (restored) window inside the available area: smaller if it is larger, moved in."""
    screen = available(widget)
    if screen is None or widget.isMaximized() or widget.isFullScreen():
        return
    margins = frame_margins(widget)
    size = fit_size(widget.size(), screen, margins)
    if size != widget.size():
        widget.resize(size)
    geo = widget.frameGeometry()
    x = min(max(geo.x(), screen.left()), screen.right() + 1 - geo.width())
    y = min(max(geo.y(), screen.top()), screen.bottom() + 1 - geo.height())
    if (x, y) != (geo.x(), geo.y()):
        widget.move(max(x, screen.left()), max(y, screen.top()))


def open_fitted(widget: QWidget, preferred: QSize = PREFERRED) -> None:
    """The size the window opens with, before any saved geometry is restored."""
    widget.resize(fit_size(preferred, available(widget)))


class KeyColumns(QObject):
    """Keeps a table's key columns (customer, model, counted) inside its viewport.

    When the view is narrower than the columns up to the last key column (a 1024×768
    screen), the columns up to it give up width in proportion to what they have above
    `minimum`, their texts eliding, so that no sideways scrolling is needed to see them;
    the columns after the last key column stay reachable by scrolling.
    """

    def __init__(self, view: QTableView, keys: Callable[[], list[int]], minimum: int = 56) -> None:
        super().__init__(view)
        self.view = view
        self.keys = keys
        self.minimum = minimum
        view.viewport().installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def fit(self) -> None:
        view, header = self.view, self.view.horizontalHeader()
        keys = [k for k in self.keys() if 0 <= k < header.count() and not header.isSectionHidden(k)]
        if not keys:
            return
        last = max(header.visualIndex(k) for k in keys)
        columns = [header.logicalIndex(v) for v in range(last + 1)]
        columns = [c for c in columns if not header.isSectionHidden(c)]
        need = sum(header.sectionSize(c) for c in columns)
        excess = need - view.viewport().width()
        spare = {c: max(0, header.sectionSize(c) - self.minimum) for c in columns}
        total_spare = sum(spare.values())
        if excess <= 0 or total_spare <= 0:
            return
        for c in columns:
            cut = -(-excess * spare[c] // total_spare)  # rounded up: the sum covers the excess
            view.setColumnWidth(c, header.sectionSize(c) - min(cut, spare[c]))
        view.horizontalScrollBar().setValue(0)
