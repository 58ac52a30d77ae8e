"""A small read-only table of plain rows (frozen dataclasses from app.services), all held.

For the short lists of a dialog — the 8D list, sales' liaison notes, a record's history —
that are read whole; the long queues page through the database instead (ui.models.queues).
A subclass names its columns in `headers()` and says what a cell shows in `data()`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractTableModel):
    """Holds `rows` and the language they are shown in; the columns are `headers()`."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []
        self.lang = "zh_CN"

    def headers(self) -> list[str]:
        """The column titles, in the window's language (each subclass names its own)."""
        return []

    def set_rows(self, rows: Sequence[Any], lang: str | None = None) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        if lang is not None:
            self.lang = lang
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt's name)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.headers())

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers()[section]
        return None
