"""资料维护 — the master-data window: the lists the stations pick from, the users, the settings.

Opened from 工作站 → 资料维护… (Station → Master data…); a window of its own, not modal, so
the desk stays usable beside it. One page per entity; every save announces
`ctx.events.referenceChanged`, on which the desk reads its customer and location lists
again. Anyone may look; the administrator and the QA lead change (the pages say so on
their disabled buttons).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ui.context import StationContext
from ui.i18n import Retranslatable
from ui.masterdata.pages import RecordListPage, SettingsPage, UsersPage

PAGE_ORDER = ("customer", "supplier", "product", "category", "location", "users", "settings")


class MasterDataWindow(Retranslatable, QWidget):
    """The lists of master data, one page each."""

    def __init__(self, ctx: StationContext, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.ctx = ctx
        self.setObjectName("masterDataWindow")
        self.resize(1080, 640)
        self.tabs = QTabWidget(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.pages: dict[str, QWidget] = {}
        for key in PAGE_ORDER:
            if key == "users":
                page: QWidget = UsersPage(ctx, self)
            elif key == "settings":
                page = SettingsPage(ctx, self)
            else:
                page = RecordListPage(ctx, key, self)
            self.pages[key] = page
            self.tabs.addTab(page, "")
        self.tabs.currentChanged.connect(self._shown)
        self._refresh = QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.refresh)
        self.retranslate()

    def titles(self) -> dict[str, str]:
        return {"customer": self.tr("Customers"), "supplier": self.tr("Suppliers"),
                "product": self.tr("Products"), "category": self.tr("Defect categories"),
                "location": self.tr("Storage locations"), "users": self.tr("Users"),
                "settings": self.tr("Shared settings")}

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Master data — RMA Station"))
        titles = self.titles()
        for key, page in self.pages.items():
            self.tabs.setTabText(self.tabs.indexOf(page), titles[key])

    def show_page(self, key: str) -> QWidget:
        page = self.pages[key]
        if self.tabs.currentWidget() is page:
            self._shown(self.tabs.currentIndex())
        else:
            self.tabs.setCurrentWidget(page)
        return page

    def showEvent(self, event: object) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)  # type: ignore[arg-type]
        self._shown(self.tabs.currentIndex())

    def _shown(self, index: int) -> None:
        page = self.tabs.widget(index)
        activate = getattr(page, "activate", None)
        if callable(activate):
            activate()

    def refresh(self) -> None:
        refresh = getattr(self.tabs.currentWidget(), "refresh", None)
        if callable(refresh):
            refresh()
