"""Where the follow-up windows are reached from: the Station menu, the QA bench, the desk.

Each tab calls one function here (one small hook per tab); the menu entries are added to
the main window's Station menu by `install_menu`, so forms/main_window.ui stays as it is.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPushButton, QWidget

from ui.context import StationContext
from ui.history import insert_next_to


# The windows' modules are loaded at their first opening, not at the station's start.
def open_list(ctx: StationContext, parent: QWidget, **kw: Any) -> Any:
    from ui.eightd.list_window import open_list as open_window

    return open_window(ctx, parent, **kw)


def open_queue(ctx: StationContext, parent: QWidget, **kw: Any) -> Any:
    from ui.liaison.queue_window import open_queue as open_window

    return open_window(ctx, parent, **kw)


def open_lot_trace(ctx: StationContext, parent: QWidget, **kw: Any) -> Any:
    from ui.trace import open_lot_trace as open_window

    return open_window(ctx, parent, **kw)


class FollowUpMenu(QObject):
    """Station → 8D reports…, Liaison notes… and Lot trace…"""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        ctx: StationContext = window.ctx
        menu = window.ui.menuStation
        self.eightdAction = QAction(window)
        self.eightdAction.setObjectName("actionEightD")
        self.liaisonAction = QAction(window)
        self.liaisonAction.setObjectName("actionLiaison")
        self.traceAction = QAction(window)  # traceability: every station looks a lot up
        self.traceAction.setObjectName("actionLotTrace")
        before = window.ui.actionSettings
        menu.insertAction(before, self.eightdAction)
        menu.insertAction(before, self.liaisonAction)
        menu.insertAction(before, self.traceAction)
        menu.insertSeparator(before)
        self.eightdAction.triggered.connect(lambda: self.open_8d_list())
        self.liaisonAction.triggered.connect(lambda: self.open_liaison())
        self.traceAction.triggered.connect(lambda: self.open_lot_trace())
        ctx.events.languageChanged.connect(lambda _lang: self.retranslate())
        self.retranslate()
        self.last: Any = None

    def retranslate(self) -> None:
        self.eightdAction.setText(self.tr("8D reports…"))
        self.liaisonAction.setText(self.tr("Liaison notes…"))
        self.traceAction.setText(self.tr("Lot trace…"))

    def open_8d_list(self) -> Any:
        self.last = open_list(self.window.ctx, self.window)
        return self.last

    def open_liaison(self) -> Any:
        self.last = open_queue(self.window.ctx, self.window)
        return self.last

    def open_lot_trace(self) -> Any:
        self.last = open_lot_trace(self.window.ctx, self.window)
        return self.last


def install_menu(window: Any) -> FollowUpMenu:
    return FollowUpMenu(window)


class _Button(QPushButton):
    def __init__(self, parent: QWidget, name: str, text: Callable[[QPushButton], str]) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._text = text
        self.setText(text(self))

    def changeEvent(self, event: Any) -> None:  # noqa: N802 (Qt's name)
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.LanguageChange:
            self.setText(self._text(self))
        super().changeEvent(event)


def _eightd_list_text(_button: QPushButton) -> str:
    return QCoreApplication.translate("FollowUpButtons", "8D list…")


def _liaison_text(_button: QPushButton) -> str:
    return QCoreApplication.translate("FollowUpButtons", "Liaison notes…")


def add_8d_list_button(tab: QWidget, ctx: StationContext, anchor: QWidget) -> QPushButton:
    """The QA bench: "8D list…" next to its Open 8D button."""
    button = _Button(tab, "eightdListButton", _eightd_list_text)
    insert_next_to(anchor, button)
    button.clicked.connect(lambda: setattr(tab, "eightd_list", open_list(ctx, tab)))
    return button


def add_liaison_button(tab: QWidget, ctx: StationContext, anchor: QWidget,
                       return_id: Callable[[], int | None]) -> QPushButton:
    """The desk: "Liaison notes…" of the return shown (sales acknowledges them there too)."""
    button = _Button(tab, "liaisonButton", _liaison_text)

    def clicked() -> None:
        rid = return_id()
        if rid is not None:
            tab.liaison_window = open_queue(ctx, tab, return_id=rid)  # type: ignore[attr-defined]

    insert_next_to(anchor, button)
    button.clicked.connect(clicked)
    return button
