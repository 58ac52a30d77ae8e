"""Where the claims pieces are reached from: the Station menu, the QA bench, the reports tab,
the desk. Each tab calls one function here (one small hook per tab); the menu entries are
added by `install_menu`, so forms/main_window.ui stays as it is.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QGridLayout, QPushButton, QWidget

from ui.claims.warranty_panel import WarrantyLabel, WarrantyPanel
from ui.context import StationContext
from ui.history import insert_next_to


def open_claims(ctx: StationContext, parent: QWidget, **kw: Any) -> Any:
    """The claims list window; its module (and the claims service) loaded at the first opening,
    not at the station's start."""
    from ui.claims.list_window import open_claims as open_window

    return open_window(ctx, parent, **kw)


def open_replacements(ctx: StationContext, parent: QWidget) -> Any:
    from ui.claims.replacements_window import open_replacements as open_window

    return open_window(ctx, parent)


class ClaimsMenu(QObject):
    """Station → Supplier claims… and Station → Replacements to ship (n)…"""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        ctx: StationContext = window.ctx
        menu = window.ui.menuStation
        self.claimsAction = QAction(window)
        self.claimsAction.setObjectName("actionClaims")
        self.replacementsAction = QAction(window)
        self.replacementsAction.setObjectName("actionReplacements")
        before = window.ui.actionSettings
        menu.insertAction(before, self.claimsAction)
        menu.insertAction(before, self.replacementsAction)
        menu.insertSeparator(before)
        self.claimsAction.triggered.connect(lambda: self.open_claims())
        self.replacementsAction.triggered.connect(lambda: self.open_replacements())
        # the count is read when the menu opens, not at every change of any line
        menu.aboutToShow.connect(self.count_outstanding)
        ctx.events.languageChanged.connect(lambda _lang: self.retranslate())
        self.outstanding: int | None = None
        self.last: Any = None
        self.retranslate()

    def retranslate(self) -> None:
        self.claimsAction.setText(self.tr("Supplier claims…"))
        text = self.tr("Replacements to ship…")
        if self.outstanding:
            text = self.tr("Replacements to ship (%1)…").replace("%1", str(self.outstanding))
        self.replacementsAction.setText(text)

    def count_outstanding(self) -> None:
        """Counted on a pool thread while the menu opens; its entry says the count when it arrives."""
        from app.services import replacements

        def counted(outstanding: int) -> None:
            self.outstanding = outstanding
            self.retranslate()

        self.window.ctx.query(replacements.outstanding_count, counted, initiator=self)

    def open_claims(self) -> Any:
        self.last = open_claims(self.window.ctx, self.window)
        return self.last

    def open_replacements(self) -> Any:
        self.last = open_replacements(self.window.ctx, self.window)
        return self.last


def install_menu(window: Any) -> ClaimsMenu:
    return ClaimsMenu(window)


class _Button(QPushButton):
    def __init__(self, parent: QWidget, name: str, text: Callable[[], str]) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._text = text
        self.setText(text())

    def changeEvent(self, event: Any) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.setText(self._text())
        super().changeEvent(event)


def _claims_text() -> str:
    return QCoreApplication.translate("ClaimsButtons", "Supplier claims…")


def add_claims_button(tab: QWidget, ctx: StationContext, anchor: QWidget,
                      line_id: Callable[[], int | None] | None = None) -> QPushButton:
    """The QA bench and the reports tab: "Supplier claims…" next to `anchor`; from the bench
    the line shown is ticked in a new claim."""
    button = _Button(tab, "claimsButton", _claims_text)
    insert_next_to(anchor, button)

    def clicked() -> None:
        tab.claims_window = open_claims(ctx, tab, preselect_line=line_id() if line_id else None)  # type: ignore[attr-defined]
    button.clicked.connect(clicked)
    return button


def add_warranty_panel(tab: QWidget, ctx: StationContext, layout: QGridLayout) -> WarrantyPanel:
    """The desk: the warranty of the return's lines as a row of the sales confirmation box."""
    panel = WarrantyPanel(ctx, tab)
    layout.addWidget(panel, layout.rowCount(), 0, 1, max(1, layout.columnCount()))
    panel.setVisible(False)
    return panel


def add_warranty_label(tab: QWidget, ctx: StationContext, anchor: QWidget) -> WarrantyLabel:
    """The QA bench: the line's warranty in its header, right after `anchor` (the state)."""
    label = WarrantyLabel(ctx, tab)
    insert_next_to(anchor, label)
    return label
