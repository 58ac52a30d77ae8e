"""The window's work tabs, each built the first time it is needed.

A tab the user never opens costs nothing at start-up: until then its place in the
QTabWidget holds an empty widget (with the tab's title), and its module is not even
imported. The first time the tab is shown — or the code asks for it (`tabs["rework"]`,
a scan that opens a line there) — it is built, put in its place, and `on_built(key, tab)`
wires it into the window (keyboard, tab order).

`LazyTabs` is a read-only mapping of the keys the user may use: `key in tabs` never
builds, `tabs[key]` builds that one tab, `built()` lists those already built.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QTabWidget, QWidget


class LazyTabs(Mapping[str, QWidget]):
    """The tabs of `tab_widget` by key, built by `build(key)` when first asked for."""

    def __init__(self, tab_widget: QTabWidget, build: Callable[[str], QWidget],
                 on_built: Callable[[str, QWidget], None]) -> None:
        self._tab_widget = tab_widget
        self._build = build
        self._on_built = on_built
        self._keys: list[str] = []
        self._holders: dict[str, QWidget] = {}
        self._built: dict[str, QWidget] = {}

    def add(self, key: str) -> None:
        """A tab the user may use: its place now, its widgets when first shown."""
        holder = QWidget()
        holder.setObjectName(f"{key}TabPending")
        self._keys.append(key)
        self._holders[key] = holder
        self._tab_widget.addTab(holder, "")

    # -------------------------------------------------- Mapping

    def __getitem__(self, key: str) -> QWidget:
        if key in self._built:
            return self._built[key]
        if key not in self._holders:
            raise KeyError(key)
        return self._make(key)

    def __contains__(self, key: object) -> bool:
        return key in self._keys

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    # -------------------------------------------------- the window's questions

    def built(self) -> dict[str, QWidget]:
        """The tabs built so far (a window's checks on close need no others)."""
        return dict(self._built)

    def is_built(self, key: str) -> bool:
        return key in self._built

    def key_of(self, widget: QWidget | None) -> str | None:
        """The key of a page of the QTabWidget, built or still a place holder."""
        for key in self._keys:
            if self._built.get(key) is widget or self._holders.get(key) is widget:
                return key
        return None

    def page(self, key: str) -> QWidget:
        """What stands in the QTabWidget for `key` now (the tab, or its place holder)."""
        return self._built.get(key) or self._holders[key]

    def _make(self, key: str) -> QWidget:
        tabs = self._tab_widget
        holder = self._holders.pop(key)
        tab = self._build(key)
        index = tabs.indexOf(holder)
        current = tabs.currentIndex()
        text, tip = tabs.tabText(index), tabs.tabToolTip(index)
        # swapping the page is no change of tab for the user: no currentChanged
        blocker = QSignalBlocker(tabs)
        tabs.removeTab(index)
        tabs.insertTab(index, tab, text)
        tabs.setTabToolTip(index, tip)
        tabs.setCurrentIndex(current)
        blocker.unblock()
        holder.deleteLater()
        self._built[key] = tab
        self._on_built(key, tab)
        return tab
