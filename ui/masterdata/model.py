"""The table of a master-data page: a real item model over the service's read models.

Lists are short (hundreds of customers, a few thousand models), so the model holds one
page of up to `ListQuery.limit` rows; searching and sorting are asked of the database
(app.services.masterdata.list_records), so the order is the same on both backends and
a sorted column sorts every row, not only those held. A page reads off the UI thread
(its `reader` goes through StationContext.query): `reload(then)` returns at once, and
what is to happen once the rows are in place (selecting the entry just saved) is `then`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from app.services.masterdata import ListQuery

Label = tuple[str, str]
_INACTIVE = QBrush(QColor("#8a8a8a"))
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    key: str                         # attribute of the read model
    label: Label
    sort: str | None = None          # the service's sort key; None: not sortable
    width: int = 120


def display(value: Any, lang: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return ("是" if value else "否") if lang.startswith("zh") else ("yes" if value else "no")
    if isinstance(value, Decimal):
        return f"{value:,.2f}"
    if isinstance(value, datetime):
        return value.astimezone().strftime("%Y-%m-%d %H:%M")
    if isinstance(value, tuple):
        return "、".join(value) if lang.startswith("zh") else ", ".join(value)
    return str(value)


Found = tuple[list[Any], int] | None
# reads a list's rows for a query and hands them (or None: the database is gone) to the callback
Reader = Callable[[ListQuery, Callable[[Found], None]], None]


class RecordTableModel(QAbstractTableModel):
    """Rows of one master-data list.

    `fetch(search, include_inactive, sort, descending)` returns (rows, total) at once, or
    None when the database cannot be reached; a page gives `reader(query, done)` instead,
    which reads off the UI thread and calls `done(found)` on it. An answer to an older
    reload that arrives after a newer one started is dropped."""

    countChanged = Signal(int)

    def __init__(self, columns: list[Column], fetch: Callable[..., Found] | None,
                 lang: Callable[[], str], parent: Any = None,
                 formatters: dict[str, Callable[[Any, str], str]] | None = None, *,
                 reader: Reader | None = None) -> None:
        super().__init__(parent)
        self.columns = columns
        if reader is None:
            if fetch is None:
                raise TypeError("a list needs fetch or reader")
            answer = fetch

            def reader(query: ListQuery, done: Callable[[Found], None]) -> None:
                done(answer(query.search, query.include_inactive, query.sort, query.descending))
        self._reader = reader
        self._generation = 0
        self._pending = 0  # reads asked for and not answered yet
        self._lang = lang
        self.formatters = formatters or {}
        self.rows: list[Any] = []
        self.total = 0
        self.search = ""
        self.include_inactive = False
        self.sort_key = ""
        self.descending = False

    # ------------------------------------------------------------ Qt's model

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        record = self.rows[index.row()]
        column = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = getattr(record, column.key)
            fmt = self.formatters.get(column.key)
            return fmt(value, self._lang()) if fmt else display(value, self._lang())
        if role == Qt.ItemDataRole.ForegroundRole and not getattr(record, "active", True):
            return _INACTIVE
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(getattr(record, column.key), Decimal | int) \
                and not isinstance(getattr(record, column.key), bool):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.columns):
            zh, en = self.columns[section].label
            return zh if self._lang().startswith("zh") else en
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder,
             then: Callable[[], None] | None = None) -> None:
        """Header click: the database sorts (only columns it can sort by); `then()` once
        the rows are in place."""
        if not 0 <= column < len(self.columns) or self.columns[column].sort is None:
            return
        self.sort_key = self.columns[column].sort or ""
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.reload(then)

    # ------------------------------------------------------------ the list

    def set_filter(self, search: str, include_inactive: bool, then: Callable[[], None] | None = None) -> None:
        """A new search: the rows are read again, and `then()` runs once they are in place."""
        self.search, self.include_inactive = search.strip(), include_inactive
        self.reload(then)

    @property
    def loading(self) -> bool:
        """Is a read of the list under way?"""
        return self._pending > 0

    def reload(self, then: Callable[[], None] | None = None) -> None:
        """Read the rows again; `then()` once they are in place (also when the database
        could not be reached: the rows shown stay). Not called when a newer reload
        replaced this one: that one's `then` runs instead."""
        self._generation += 1
        generation = self._generation
        self._pending += 1
        query = ListQuery(search=self.search, include_inactive=self.include_inactive, sort=self.sort_key,
                          descending=self.descending)

        def done(found: Found) -> None:
            self._pending = max(0, self._pending - 1)
            if generation != self._generation:
                return  # a newer search or sort answers instead
            if found is not None:
                self.beginResetModel()
                self.rows, self.total = found
                self.endResetModel()
                self.countChanged.emit(self.total)
            if then is not None:
                then()

        self._reader(query, done)

    def record(self, row: int) -> Any:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def row_of(self, record_id: int | None) -> int:
        return next((i for i, r in enumerate(self.rows) if r.id == record_id), -1)

    def retranslate(self) -> None:
        if self.columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(self.columns) - 1))
