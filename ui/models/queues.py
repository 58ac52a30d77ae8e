"""The lists of the station as Qt item models over app.services.queues.

`PagedTableModel` holds rows (plain dataclasses with ids) and asks the database for one
page at a time through `canFetchMore`/`fetchMore` (Anki's browser table model); sorting
and filtering are new queries, done by the database. A view refreshes only the rows an
action changed: `refresh_ids` re-reads those rows and updates, removes or (when a line
newly belongs to the list) reloads.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont
from sqlalchemy.orm import Session

from app.services import queues
from app.services.queues import LineQuery, LineRow, Page, ReturnQuery, ReturnRow
from ui.context import StationContext
from ui.models import names

Index = QModelIndex | QPersistentModelIndex

OVERDUE_BG = QColor("#fde2e1")
OVERDUE_FG = QColor("#a4000f")
URGENT_FG = QColor("#b35c00")

ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class Column:
    """One column: its key, header (English source, translated at display), sort key, text."""

    key: str
    title: str
    sort: str | None
    text: Callable[[Any, str], str]
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    width: int = 100  # starting width in pixels; the user may drag it


_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_CENTER = Qt.AlignmentFlag.AlignCenter


class PagedTableModel(QAbstractTableModel):
    """A table that reads its rows from the database a page at a time."""

    #: how many rows the list holds in all (counted by the database), after each reload
    countChanged = Signal(int)

    context = "PagedTableModel"
    columns: tuple[Column, ...] = ()
    page_size = queues.PAGE_SIZE

    def __init__(self, ctx: StationContext, parent: Any = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[Any] = []
        self._after: tuple[Any, ...] | None = None
        self._more = False
        self.total = 0
        self.today = date.today()
        self.loaded = False

    # -------------------------------------------------- what subclasses provide

    def _fetch(self, session: Session, after: tuple[Any, ...] | None) -> Page:
        raise NotImplementedError

    def _count(self, session: Session) -> int:
        raise NotImplementedError

    def _by_ids(self, session: Session, ids: list[int]) -> list[Any]:
        raise NotImplementedError

    def _set_sort(self, key: str, descending: bool) -> None:
        raise NotImplementedError

    def _sort_state(self) -> tuple[str, bool]:
        raise NotImplementedError

    # -------------------------------------------------- loading

    def reload(self) -> None:
        """Read the first page again (after a new filter or sort, or a lost connection)."""
        self.today = date.today()
        result = self.ctx.read(lambda s: (self._fetch(s, None), self._count(s)))
        self.beginResetModel()
        if result is None:
            self.rows, self._after, self._more, self.total = [], None, False, 0
        else:
            page, total = result
            self.rows, self._after, self._more = list(page.rows), page.after, page.after is not None
            self.total = total
        self.loaded = result is not None
        self.endResetModel()
        self.countChanged.emit(self.total)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self._more:
            return
        after = self._after
        page = self.ctx.read(lambda s: self._fetch(s, after))
        if page is None:
            return
        known = {r.id for r in self.rows}
        fresh = [r for r in page.rows if r.id not in known]
        self._after, self._more = page.after, page.after is not None
        if fresh:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(fresh) - 1)
            self.rows.extend(fresh)
            self.endInsertRows()

    def refresh_ids(self, ids: Iterable[int]) -> None:
        """Some records changed: update their rows, drop those that left the list, and
        reload when one newly belongs to it (its place in the order is the database's)."""
        ids = list(ids)
        if not ids or not self.loaded:
            return
        fresh = self.ctx.read(lambda s: self._by_ids(s, ids))
        if fresh is None:
            return
        by_id = {r.id: r for r in fresh}
        present = {r.id: i for i, r in enumerate(self.rows)}
        if any(i not in present for i in by_id):
            self.reload()
            return
        for rid in sorted((i for i in ids if i in present), key=lambda i: -present[i]):
            row_no = present[rid]
            if rid in by_id:
                self.rows[row_no] = by_id[rid]
                self.dataChanged.emit(self.index(row_no, 0),
                                      self.index(row_no, self.columnCount() - 1))
            else:
                self.beginRemoveRows(QModelIndex(), row_no, row_no)
                del self.rows[row_no]
                self.endRemoveRows()
                self.total = max(0, self.total - 1)
        self.countChanged.emit(self.total)

    # -------------------------------------------------- look-ups for the views

    def row_of(self, record_id: int) -> int:
        """The row number of a record among the loaded rows, or -1."""
        for i, r in enumerate(self.rows):
            if r.id == record_id:
                return i
        return -1

    def record(self, row: int) -> Any:
        return self.rows[row]

    def column_of(self, key: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.key == key)

    def apply_widths(self, view: Any) -> None:
        """Give a view's columns their starting widths (the user may drag them after)."""
        for i, column in enumerate(self.columns):
            view.setColumnWidth(i, column.width)

    def fit_code_columns(self, view: Any) -> None:
        """Columns of code names (status, urgency…) as wide as their words in this language."""
        for i, column in enumerate(self.columns):
            if column.key in ("status", "urgency", "disposition", "liability", "arrival_method"):
                view.resizeColumnToContents(i)

    # -------------------------------------------------- QAbstractTableModel

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return QCoreApplication.translate(self.context, self.columns[section].title)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(self.columns[section].align)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        row = self.rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row, self.ctx.language)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align)
        if role == ID_ROLE:
            return row.id
        if role == ROW_ROLE:
            return row
        return self._style(row, column, role)

    def _style(self, row: Any, column: Column, role: int) -> Any:
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Header click: a new query in the database's order, not a sort of the loaded rows."""
        if not (0 <= column < len(self.columns)) or self.columns[column].sort is None:
            return
        key = self.columns[column].sort
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == self._sort_state() and self.loaded:
            return
        self._set_sort(key, descending)  # type: ignore[arg-type]
        self.reload()

    def retranslate(self) -> None:
        """The language changed: headers and the code names in the cells follow."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, len(self.columns) - 1))
        if self.rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self.rows) - 1, len(self.columns) - 1))


# ---------------------------------------------------------------- lines at a bench

def _qty(r: LineRow, _lang: str) -> str:
    return f"{r.qty} {r.unit}"


def _due_text(r: LineRow, _lang: str) -> str:
    return names.day(r.due_on)


LINE_COLUMNS: tuple[Column, ...] = (
    Column("barcode", QT_TRANSLATE_NOOP("LineQueueModel", "Label"), "barcode", lambda r, _: r.barcode, width=150),
    Column("urgency", QT_TRANSLATE_NOOP("LineQueueModel", "Urgency"), "urgency",
           lambda r, lang: names.urgency(r.urgency, lang), _CENTER, width=64),
    Column("due_on", QT_TRANSLATE_NOOP("LineQueueModel", "Due"), "due_on", _due_text, _CENTER, width=96),
    Column("status", QT_TRANSLATE_NOOP("LineQueueModel", "Status"), "status",
           lambda r, lang: names.line_status(r.status, lang), width=80),
    Column("customer", QT_TRANSLATE_NOOP("LineQueueModel", "Customer"), "customer", lambda r, _: r.customer, width=180),
    Column("model", QT_TRANSLATE_NOOP("LineQueueModel", "Model/spec"), "model", lambda r, _: r.model, width=140),
    Column("qty", QT_TRANSLATE_NOOP("LineQueueModel", "Qty"), "qty", _qty, _RIGHT, width=70),
    Column("reason", QT_TRANSLATE_NOOP("LineQueueModel", "Customer's reason"), "reason",
           lambda r, _: r.reason, width=150),
    Column("received_on", QT_TRANSLATE_NOOP("LineQueueModel", "Received"), "received_on",
           lambda r, _: names.day(r.received_on), _CENTER, width=96),
)

REWORK_COLUMNS: tuple[Column, ...] = (
    # the customer and the model come first, as on the QA bench: on a 1024×768 screen
    # they are what stays in sight (screen_fit.KeyColumns), the rest scrolls
    LINE_COLUMNS[0], LINE_COLUMNS[1], LINE_COLUMNS[2], LINE_COLUMNS[3], LINE_COLUMNS[4],
    LINE_COLUMNS[5],
    Column("planned_on", QT_TRANSLATE_NOOP("LineQueueModel", "Planned"), "planned_on",
           lambda r, _: names.day(r.planned_on), _CENTER, width=96),
    LINE_COLUMNS[6],
    Column("disposition", QT_TRANSLATE_NOOP("LineQueueModel", "Disposition"), None,
           lambda r, lang: names.disposition(r.disposition, lang), width=120),
    Column("liability", QT_TRANSLATE_NOOP("LineQueueModel", "Liability"), "liability",
           lambda r, lang: names.liability(r.liability_code, lang), width=90),
)


class LineQueueModel(PagedTableModel):
    """A bench's queue of lines (inspection/decision, or rework/re-inspection).

    Most urgent and oldest due first by default; an overdue line is shown red with the
    reason in its tooltip.
    """

    context = "LineQueueModel"

    def __init__(self, ctx: StationContext, query: LineQuery, parent: Any = None,
                 columns: tuple[Column, ...] = LINE_COLUMNS) -> None:
        super().__init__(ctx, parent)
        self.query = query
        self.columns = columns

    def set_query(self, query: LineQuery) -> None:
        """A new search, status or overdue filter: the database answers with the first page."""
        if query != self.query or not self.loaded:
            self.query = query
            self.reload()

    def _fetch(self, session: Session, after: tuple[Any, ...] | None) -> Page:
        return queues.line_page(session, self.query, after=after, limit=self.page_size)

    def _count(self, session: Session) -> int:
        return queues.count_lines(session, self.query)

    def _by_ids(self, session: Session, ids: list[int]) -> list[Any]:
        return queues.lines_by_ids(session, self.query, ids)

    def _set_sort(self, key: str, descending: bool) -> None:
        self.query = replace(self.query, sort=key, descending=descending)

    def _sort_state(self) -> tuple[str, bool]:
        return self.query.sort, self.query.descending

    def _style(self, row: LineRow, column: Column, role: int) -> Any:
        overdue = row.overdue(self.today)
        if role == Qt.ItemDataRole.BackgroundRole and overdue:
            return QBrush(OVERDUE_BG)
        if role == Qt.ItemDataRole.ForegroundRole:
            if overdue and column.key == "due_on":
                return QBrush(OVERDUE_FG)
            if row.urgency == "urgent" and column.key == "urgency":
                return QBrush(URGENT_FG)
        if role == Qt.ItemDataRole.FontRole and overdue and column.key == "due_on":
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if overdue:
                days = (self.today - row.due_on).days  # type: ignore[operator]
                # self.tr, not translate(): only there does lupdate take %n as a plural
                return self.tr("Overdue: due %1, %n day(s) late", "", days).replace("%1", names.day(row.due_on))
            if column.key == "reason":
                return row.reason
        if role == Qt.ItemDataRole.AccessibleDescriptionRole and overdue:
            return QCoreApplication.translate("LineQueueModel", "overdue")
        return None

    def overdue_count(self) -> int:
        """How many of the loaded rows are overdue (for the queue's summary)."""
        return sum(1 for r in self.rows if r.overdue(self.today))


# ---------------------------------------------------------------- returns at the desk

RETURN_COLUMNS: tuple[Column, ...] = (
    Column("rma_no", QT_TRANSLATE_NOOP("ReturnListModel", "RMA no."), "rma_no", lambda r, _: r.rma_no, width=140),
    Column("received_on", QT_TRANSLATE_NOOP("ReturnListModel", "Received"), "received_on",
           lambda r, _: names.day(r.received_on), _CENTER, width=96),
    Column("customer", QT_TRANSLATE_NOOP("ReturnListModel", "Customer"), "customer", lambda r, _: r.customer, width=180),
    Column("status", QT_TRANSLATE_NOOP("ReturnListModel", "Status"), "status",
           lambda r, lang: names.return_status(r.status, lang), width=80),
    Column("urgency", QT_TRANSLATE_NOOP("ReturnListModel", "Urgency"), "urgency",
           lambda r, lang: names.urgency(r.urgency, lang), _CENTER, width=64),
    Column("lines", QT_TRANSLATE_NOOP("ReturnListModel", "Lines"), None, lambda r, _: str(r.lines), _RIGHT, width=50),
    Column("qty", QT_TRANSLATE_NOOP("ReturnListModel", "Pieces"), None, lambda r, _: str(r.qty), _RIGHT, width=60),
    Column("amount", QT_TRANSLATE_NOOP("ReturnListModel", "Amount"), None,
           lambda r, _: names.yuan(r.amount), _RIGHT, width=100),
    Column("arrival_method", QT_TRANSLATE_NOOP("ReturnListModel", "Arrived"), "arrival_method",
           lambda r, lang: names.arrival_method(r.arrival_method, lang), width=90),
)


class ReturnListModel(PagedTableModel):
    """The warehouse desk's list of returns (by default those waiting for sales or approval)."""

    context = "ReturnListModel"
    columns = RETURN_COLUMNS

    def __init__(self, ctx: StationContext, query: ReturnQuery | None = None, parent: Any = None) -> None:
        super().__init__(ctx, parent)
        self.query = query or ReturnQuery()

    def set_query(self, query: ReturnQuery) -> None:
        if query != self.query or not self.loaded:
            self.query = query
            self.reload()

    def _fetch(self, session: Session, after: tuple[Any, ...] | None) -> Page:
        return queues.return_page(session, self.query, after=after, limit=self.page_size)

    def _count(self, session: Session) -> int:
        return queues.count_returns(session, self.query)

    def _by_ids(self, session: Session, ids: list[int]) -> list[ReturnRow]:
        return queues.returns_by_ids(session, self.query, ids)

    def _set_sort(self, key: str, descending: bool) -> None:
        self.query = replace(self.query, sort=key, descending=descending)

    def _sort_state(self) -> tuple[str, bool]:
        return self.query.sort, self.query.descending

    def _style(self, row: ReturnRow, column: Column, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and column.key == "urgency" and row.urgency == "urgent":
            return QBrush(URGENT_FG)
        return None
