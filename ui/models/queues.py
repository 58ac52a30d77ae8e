"""The lists of the station as Qt item models over app.services.queues.

`PagedTableModel` holds rows (plain dataclasses with ids) and asks the database for one
page at a time through `canFetchMore`/`fetchMore` (Anki's browser table model); sorting
and filtering are new queries, done by the database. The pages are read on a pool thread
(ui.worker), so typing a search never freezes the window, and only a window of pages
keeps its rows: the others keep their ids, and are read again when scrolled back into
sight. A view refreshes only the rows an action changed: `refresh_ids` re-reads those
rows and updates, removes or (when a line newly belongs to the list) reloads.
"""

from __future__ import annotations

import functools
from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics
from PySide6.QtWidgets import QWidget
from sqlalchemy.orm import Session

from app import codes
from app.errors import DatabaseUnavailable
from app.services import queues
from app.services.queues import LineQuery, LineRow, Page, ReturnQuery, ReturnRow
from db.engine import run_read
from ui.coalesce import Coalesced
from ui.context import StationContext
from ui.models import names
from ui.worker import run_in_background

Index = QModelIndex | QPersistentModelIndex

OVERDUE_BG = QColor("#fde2e1")
OVERDUE_FG = QColor("#a4000f")
URGENT_FG = QColor("#b35c00")
LOADING_FG = QColor("#888888")
# room around a cell's text and a header's title (margins, the sort arrow) beyond the words
_CELL_PADDING = 16
_HEADER_PADDING = 28

ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

# The roles as plain ints: data() is asked ~1,700 times for one screen of a list, and an
# enum attribute's look-up and comparison cost more than the answer itself.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleDescriptionRole)
_ID = int(ID_ROLE)
_ROW = int(ROW_ROLE)
# the roles a list answers; painting asks for more (decoration, check state, size hint…)
# and those are answered None before any look-up
_ANSWERED = frozenset({_DISPLAY, _ALIGN, _BACKGROUND, _FOREGROUND, _FONT, _TOOLTIP, _ACCESSIBLE, _ID, _ROW})
_LOADING_BRUSH = QBrush(LOADING_FG)


@dataclass(frozen=True)
class Column:
    """One column: its key, header (English source, translated at display), sort key, text."""

    key: str
    title: str
    sort: str | None
    text: Callable[[Any, str], str]
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    width: int = 100  # starting width in pixels; the user may drag it
    #: every text a column of code names can show, in a language (its width is measured
    #: from these, not from the cells); None for free text
    codes: Callable[[str], list[str]] | None = None


_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_CENTER = Qt.AlignmentFlag.AlignCenter


class _Page:
    """One page of a list: the key it starts after, the ids it holds (always kept, eight
    bytes a row) and its rows (dropped when the page leaves the window, read again when it
    comes back into sight)."""

    __slots__ = ("after", "cells", "ids", "next_after", "rows", "used")

    def __init__(self, after: tuple[Any, ...] | None, rows: list[Any], next_after: tuple[Any, ...] | None) -> None:
        self.after = after
        self.ids = array("q", (r.id for r in rows))
        self.rows: list[Any] | None = rows
        # per row, what its cells show (see `PagedTableModel._cells`), made when the row is
        # first painted and dropped with the rows
        self.cells: list[Any] = [None] * len(rows)
        self.next_after = next_after
        self.used = 0

    def set_rows(self, rows: list[Any] | None) -> None:
        self.rows = rows
        self.cells = [None] * len(rows) if rows is not None else []


class PagedTableModel(QAbstractTableModel):
    """A table that reads its rows from the database a page at a time, off the UI thread,
    and holds only a window of pages around what the view shows.

    Every page read (the first after a new search or sort, the next when the view scrolls
    to the end, a dropped page coming back into sight) runs on a pool thread through
    ui.worker; the view goes on meanwhile and a row of a page being read says "loading…".
    A result that arrives after a newer search was started is dropped (`_generation`).
    Of the pages read so far, only `window_pages` keep their rows (those nearest the rows
    last shown); the others keep their ids and the key to read them again, so memory stays
    flat however far the user scrolls.
    """

    #: how many rows the list holds in all (counted by the database), after each reload
    countChanged = Signal(int)
    #: a read started (True) or every read ended (False): the view may say so
    loadingChanged = Signal(bool)
    # the rows read again by id (`refresh_ids`) are in place: the view may select again
    refreshed = Signal()
    # True while those rows are put in place (rows may move under the view's current one)
    refreshing = False

    context = "PagedTableModel"
    columns: tuple[Column, ...] = ()
    page_size = queues.PAGE_SIZE
    window_pages = 6  # 1,200 rows: a tall screen's worth many times over

    def __init__(self, ctx: StationContext, parent: Any = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._pages: list[_Page] = []
        self._starts: list[int] = []  # the first row number of each page
        self._more = False
        self._generation = 0  # a new reload makes every older read's result stale
        self._pending: set[int | str] = set()  # pages being read again, "more", "reload"
        self._wanted: set[int] = set()  # dropped pages the view asked for since the last event loop turn
        self._use = 0
        self.total = 0
        # of `total`, how many are past their date, when the count's statement said so;
        # None when unknown (after rows changed in place: the view reads it again)
        self.overdue_total: int | None = None
        self._today = date.today()
        self.loaded = False

    @property
    def today(self) -> date:
        """The day the rows' dates are compared with (overdue or not)."""
        return self._today

    @today.setter
    def today(self, day: date) -> None:
        if day != self._today:
            self._today = day
            for page in self._pages:
                page.set_rows(page.rows)  # the rows' styles were worked out for another day

    # -------------------------------------------------- what subclasses provide

    def _fetch(self, session: Session, after: tuple[Any, ...] | None, limit: int | None = None) -> Page:
        raise NotImplementedError

    def _count(self, session: Session) -> int:
        raise NotImplementedError

    def _counts(self, session: Session) -> tuple[int, int | None]:
        """The list's count and, where the list has dates to miss, its overdue count, in
        one statement if it can (a reload is its page and this: two statements)."""
        return self._count(session), None

    def _first_screen(self, session: Session, limit: int) -> tuple[Page, tuple[int, int | None]]:
        """A reload's read: the first page and the counts (a list that can count them in
        the page's own statement: one round trip)."""
        return self._fetch(session, None, limit), self._counts(session)

    def _prepare(self, row: Any) -> Any:
        """What a row's styles depend on, worked out once per row (e.g. is it overdue)."""
        return None

    def _by_ids(self, session: Session, ids: list[int]) -> list[Any]:
        raise NotImplementedError

    def _set_sort(self, key: str, descending: bool) -> None:
        raise NotImplementedError

    def _sort_state(self) -> tuple[str, bool]:
        raise NotImplementedError

    # -------------------------------------------------- reading off the UI thread

    def _read(self, key: int | str, work: Callable[[Session], Any], done: Callable[[Any], None]) -> None:
        """`work(session)` on a pool thread; `done(result)` back on the UI thread unless a
        newer reload started meanwhile (then the result answers a question nobody asks)."""
        generation = self._generation
        factory, actor = self.ctx.factory, self.ctx.actor
        was_idle = not self._pending
        self._pending.add(key)
        if was_idle:
            self.loadingChanged.emit(True)

        def fn(_progress: Any) -> Any:
            # a list only reads: no BEGIN/COMMIT round trips on PostgreSQL
            return run_read(factory, work, actor=actor, station=actor.station)

        def finish() -> bool:
            if not shiboken6.isValid(self) or generation != self._generation:
                return False  # the list was closed meanwhile, or a newer read replaced this one
            self._pending.discard(key)
            if not self._pending:
                self.loadingChanged.emit(False)
            return True

        def on_done(result: Any) -> None:
            if finish():
                done(result)

        def on_error(exc: BaseException) -> None:
            if not finish():
                return
            if isinstance(exc, DatabaseUnavailable):
                self.ctx._lost(exc)  # the banner and the status bar, as for any read
                if key == "reload":
                    done(None)
                return
            from ui.errors import report_error  # ui.errors reaches this module: import late

            report_error(exc)

        owner = self.parent()
        # a list closed with its window drops the answers of its reads (ui.worker orphans them)
        run_in_background(owner if isinstance(owner, QWidget) else None, fn, title="", on_done=on_done,
                          on_error=on_error, cancellable=False, show_progress=False)

    @property
    def loading(self) -> bool:
        """Is a read of this list under way?"""
        return bool(self._pending)

    # -------------------------------------------------- loading

    def reload(self) -> None:
        """Read the first page again (after a new filter or sort, or a lost connection).

        The rows shown stay until the answer arrives; an answer to an older reload that
        arrives after this one started is dropped."""
        self.today = date.today()
        self._generation += 1
        if self._pending:
            self._pending.clear()  # the older reads' answers will be dropped
            self.loadingChanged.emit(False)
        self._wanted.clear()
        if getattr(self, "_coalesced", None) is not None:
            self._coalesced.clear()  # this read answers for what was gathered too
        limit = self.page_size
        self._read("reload", lambda s: self._first_screen(s, limit), self._reloaded)

    def _reloaded(self, result: tuple[Page, tuple[int, int | None]] | None) -> None:
        self.beginResetModel()
        self._pages, self._starts = [], []
        if result is None:
            self._more, self.total, self.overdue_total = False, 0, 0
        else:
            page, (total, overdue) = result
            self._pages.append(_Page(None, list(page.rows), page.after))
            self._more = page.after is not None
            self.total, self.overdue_total = total, overdue
            self._reindex()
        self.loaded = result is not None
        self.endResetModel()
        self.countChanged.emit(self.total)

    def _reindex(self) -> None:
        self._starts, n = [], 0
        for page in self._pages:
            self._starts.append(n)
            n += len(page.ids)

    def _row_count(self) -> int:
        return self._starts[-1] + len(self._pages[-1].ids) if self._pages else 0

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more and "more" not in self._pending

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        after = self._pages[-1].next_after
        limit = self.page_size
        self._read("more", lambda s: self._fetch(s, after, limit), lambda page: self._more_read(after, page))

    def _more_read(self, after: tuple[Any, ...] | None, page: Page) -> None:
        known = set()
        for p in self._pages[-3:]:  # a row moved by another station may come again at a seam
            known.update(p.ids)
        fresh = [r for r in page.rows if r.id not in known]
        self._more = page.after is not None
        start = self._row_count()
        new = _Page(after, fresh, page.after)
        self._touch(new)
        if not fresh:  # every row was a repeat: the next read starts after them all the same
            self._pages.append(new)
            self._starts.append(start)
            return
        self.beginInsertRows(QModelIndex(), start, start + len(fresh) - 1)
        self._pages.append(new)
        self._starts.append(start)
        self.endInsertRows()
        self._trim(len(self._pages) - 1)

    def _page_of(self, row: int) -> int:
        return bisect_right(self._starts, row) - 1

    def _touch(self, page: _Page) -> None:
        self._use += 1
        page.used = self._use

    def _trim(self, near: int) -> None:
        """Keep the rows of at most `window_pages` pages: drop those farthest from `near`."""
        held = [i for i, p in enumerate(self._pages) if p.rows is not None]
        if len(held) <= self.window_pages:
            return
        held.sort(key=lambda i: (abs(i - near), -self._pages[i].used))
        for i in held[self.window_pages:]:
            self._pages[i].set_rows(None)

    def _want(self, page_no: int) -> None:
        """The view asked for a row of a dropped page: read it again, once, after this paint."""
        if page_no in self._pending or page_no in self._wanted:
            return
        if not self._wanted:
            QTimer.singleShot(0, self, self._read_wanted)  # dropped if the list is gone by then
        self._wanted.add(page_no)

    def _read_wanted(self) -> None:
        wanted, self._wanted = self._wanted, set()
        for page_no in sorted(wanted):
            if page_no >= len(self._pages) or self._pages[page_no].rows is not None:
                continue
            page = self._pages[page_no]
            after, limit = page.after, max(1, len(page.ids))
            self._read(page_no, lambda s, after=after, limit=limit: self._fetch(s, after, limit),
                       lambda result, page=page: self._page_read_again(page, result))

    def _page_read_again(self, page: _Page, result: Page) -> None:
        if page not in self._pages:
            return
        page_no = self._pages.index(page)
        rows = list(result.rows)[: len(page.ids)]
        if len(rows) < len(page.ids):  # rows left the list meanwhile: the page is shorter now
            first = self._starts[page_no] + len(rows)
            self.beginRemoveRows(QModelIndex(), first, self._starts[page_no] + len(page.ids) - 1)
            page.ids = page.ids[: len(rows)]
            self._reindex()
            self.endRemoveRows()
        page.ids = array("q", (r.id for r in rows))
        page.set_rows(rows)
        self._touch(page)
        if rows:
            self.dataChanged.emit(self.index(self._starts[page_no], 0),
                                  self.index(self._starts[page_no] + len(rows) - 1, self.columnCount() - 1))
        self._trim(page_no)

    def refresh_ids(self, ids: Iterable[int]) -> None:
        """Some records changed: update their rows, drop those that left the list, and
        reload when one newly belongs to it (its place in the order is the database's).

        A read of a few rows by their ids (indexed), on a pool thread like every read of
        the list. The station's own change is read at once (the action that announced it
        just ended); another station's (``ctx.events.remote``) is gathered with the others
        of its burst and read once when `coalesced`'s timer fires (ui.coalesce)."""
        ids = list(ids)
        if not ids or not self.loaded:
            return
        if self.ctx.events.remote:
            self.coalesced.add(ids)
        else:
            self._read_ids(ids)

    def reload_soon(self) -> None:
        """Another station changed what is not known: read the first page again when the
        coalescing timer fires (once for a burst, and the ids gathered meanwhile with it)."""
        self.coalesced.add(everything=True)

    @property
    def coalesced(self) -> Coalesced:
        """The remote changes gathered for the next read (made at first use)."""
        found = getattr(self, "_coalesced", None)
        if found is None:
            found = self._coalesced = Coalesced(self._coalesced_fired, self)
        return found

    def _coalesced_fired(self, ids: list[int], everything: bool) -> None:
        if everything or not self.loaded:
            self.reload()
        else:
            self._read_ids(ids)

    def _read_ids(self, ids: list[int]) -> None:
        self._reads = getattr(self, "_reads", 0) + 1
        self._read(f"ids-{self._reads}", lambda s: self._by_ids(s, ids),
                   lambda fresh: self._apply_ids(ids, fresh))

    def _apply_ids(self, ids: list[int], fresh: list[Any]) -> None:
        """Put the rows read by id in place: changed rows by dataChanged, rows that left the
        list removed, a reload only when one newly belongs to it. `refreshing` is True
        meanwhile (a row removed under the view's current one is not the user choosing),
        `refreshed` says when it is done."""
        self.refreshing = True
        try:
            self._put_rows(ids, fresh)
        finally:
            self.refreshing = False
        self.refreshed.emit()

    def _put_rows(self, ids: list[int], fresh: list[Any]) -> None:
        by_id = {r.id: r for r in fresh}
        present = {rid: self.row_of(rid) for rid in set(ids) | set(by_id)}
        if any(present[i] < 0 for i in by_id):
            self.reload()
            return
        for rid in sorted((i for i in ids if present[i] >= 0), key=lambda i: -present[i]):
            row_no = present[rid]
            page = self._pages[self._page_of(row_no)]
            at = row_no - self._starts[self._page_of(row_no)]
            if rid in by_id:
                if page.rows is not None:
                    page.rows[at] = by_id[rid]
                    page.cells[at] = None
                self.dataChanged.emit(self.index(row_no, 0), self.index(row_no, self.columnCount() - 1))
            else:
                self.beginRemoveRows(QModelIndex(), row_no, row_no)
                del page.ids[at]
                if page.rows is not None:
                    del page.rows[at]
                    del page.cells[at]
                self._reindex()
                self.endRemoveRows()
                self.total = max(0, self.total - 1)
        self.overdue_total = None  # rows changed or left: their dates are the view's to count again
        self.countChanged.emit(self.total)

    # -------------------------------------------------- look-ups for the views

    @property
    def rows(self) -> list[Any]:
        """The rows read so far, in order (None for a row of a page outside the window)."""
        out: list[Any] = []
        for page in self._pages:
            out.extend(page.rows if page.rows is not None else [None] * len(page.ids))
        return out

    def held_rows(self) -> int:
        """How many rows the model holds whole (the window), for the memory's sake."""
        return sum(len(p.rows) for p in self._pages if p.rows is not None)

    def row_of(self, record_id: int) -> int:
        """The row number of a record among the rows read so far, or -1."""
        for page, start in zip(self._pages, self._starts, strict=True):
            try:
                return start + page.ids.index(record_id)
            except ValueError:
                continue
        return -1

    def id_at(self, row: int) -> int | None:
        """The id of the record in a row, even when its page is outside the window."""
        if not (0 <= row < self._row_count()):
            return None
        page_no = self._page_of(row)
        return self._pages[page_no].ids[row - self._starts[page_no]]

    def record(self, row: int) -> Any:
        """The row's record, or None while its page is read again (see `id_at`)."""
        if not (0 <= row < self._row_count()):
            raise IndexError(row)
        page_no = self._page_of(row)
        page = self._pages[page_no]
        if page.rows is None:
            self._want(page_no)
            return None
        return page.rows[row - self._starts[page_no]]

    def column_of(self, key: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.key == key)

    def apply_widths(self, view: Any) -> None:
        """Give a view's columns their starting widths (the user may drag them after)."""
        for i, column in enumerate(self.columns):
            view.setColumnWidth(i, column.width)

    def code_width(self, i: int, metrics: QFontMetrics, header_metrics: QFontMetrics) -> int | None:
        """How wide a column of code names must be for its longest name in this language,
        from the font's metrics (no cell is asked); None for a column of free text."""
        column = self.columns[i]
        if column.codes is None:
            return None
        texts = column.codes(self.ctx.language)
        title = QCoreApplication.translate(self.context, column.title)
        cells = max((metrics.horizontalAdvance(t) for t in texts), default=0)
        return max(cells + _CELL_PADDING, header_metrics.horizontalAdvance(title) + _HEADER_PADDING)

    def fit_code_columns(self, view: Any) -> None:
        """Columns of code names (status, urgency…) as wide as their words in this language.

        Measured from the names a code can have, not from the loaded cells: nothing is
        read from the model, so it costs the same for 10 rows or 100,000. Done once per
        language and font: a reset keeps the header's widths, so after every search it
        would only measure the same words again (and undo the user's dragging)."""
        # kept on the view itself: another view of this model (or a new one) is fitted anew
        fitted_for = "\n".join((self.ctx.language, view.font().key(), view.horizontalHeader().font().key()))
        if view.property("codeColumnsFittedFor") == fitted_for:
            return
        if view.horizontalHeader().count() != len(self.columns):
            return  # the view does not show this model's columns yet: widths set now would be lost
        view.setProperty("codeColumnsFittedFor", fitted_for)
        metrics = view.fontMetrics()
        header_metrics = view.horizontalHeader().fontMetrics()
        for i in range(len(self.columns)):
            width = self.code_width(i, metrics, header_metrics)
            if width is not None:
                view.setColumnWidth(i, width)

    # -------------------------------------------------- QAbstractTableModel

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._row_count()

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
        # Asked for every role of every cell at each paint: the texts of a row are made once
        # (`_cells`), and what no list answers returns before any look-up.
        if role not in _ANSWERED:
            return None
        row_no, col = index.row(), index.column()  # -1 for an invalid index
        starts = self._starts
        if row_no < 0 or not starts or not (0 <= col < len(self.columns)):
            return None
        page_no = bisect_right(starts, row_no) - 1
        page = self._pages[page_no]
        at = row_no - starts[page_no]
        if at >= len(page.ids):
            return None
        if role == _ID:
            return page.ids[at]
        rows = page.rows
        if rows is None:
            self._want(page_no)
            if role == _DISPLAY:
                return QCoreApplication.translate("PagedTableModel", "loading…") if col == 0 else ""
            if role == _FOREGROUND:
                return _LOADING_BRUSH
            return None
        if page_no != self._last_page:
            self._last_page = page_no
            self._touch(page)
        cells = page.cells[at]
        if cells is None:
            cells = page.cells[at] = self._cells(rows[at])
        if role == _DISPLAY:
            return cells[0][col]
        if role == _ALIGN:
            return int(self.columns[col].align)
        if role == _ROW:
            return rows[at]
        # a style (colour, font, tooltip) is worked out once per row, column and role: a
        # paint asks for each of them at every cell
        styles, key = cells[2], role << 8 | col
        try:
            return styles[key]
        except KeyError:
            found = styles[key] = self._style(rows[at], cells[1], self.columns[col], role)
            return found

    _last_page = -1

    def _cells(self, row: Any) -> tuple[tuple[str, ...], Any, dict[int, Any]]:
        """A row's texts in the list's language, what its styles depend on, and its styles
        as they are asked for."""
        lang = self.ctx.language
        return tuple(c.text(row, lang) for c in self.columns), self._prepare(row), {}

    def _style(self, row: Any, prepared: Any, column: Column, role: int) -> Any:
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
        for page in self._pages:
            page.set_rows(page.rows)  # the texts were made in the other language
        if self._row_count():
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(self._row_count() - 1, len(self.columns) - 1))


@functools.cache
def _brushes() -> dict[str, QBrush]:
    """The list's brushes, made once (a QBrush for each painted cell cost a C++ call each)."""
    return {"overdue_bg": QBrush(OVERDUE_BG), "overdue_fg": QBrush(OVERDUE_FG), "urgent_fg": QBrush(URGENT_FG)}


@functools.cache
def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


def _names_of(table: dict[Any, Any]) -> Callable[[str], list[str]]:
    """Every name a code of `table` can show in a language (a column's width is measured on these)."""
    return lambda lang: [coded.name(lang) for coded in table.values()]


def _liability_names(lang: str) -> list[str]:
    return [names.liability(code, lang) for code in codes.LIABILITY]


# ---------------------------------------------------------------- lines at a bench

def _qty(r: LineRow, _lang: str) -> str:
    return f"{r.qty} {r.unit}"


def _due_text(r: LineRow, _lang: str) -> str:
    return names.day(r.due_on)


LINE_COLUMNS: tuple[Column, ...] = (
    Column("barcode", QT_TRANSLATE_NOOP("LineQueueModel", "Label"), "barcode", lambda r, _: r.barcode, width=150),
    Column("urgency", QT_TRANSLATE_NOOP("LineQueueModel", "Urgency"), "urgency",
           lambda r, lang: names.urgency(r.urgency, lang), _CENTER, width=64, codes=_names_of(codes.URGENCIES)),
    Column("due_on", QT_TRANSLATE_NOOP("LineQueueModel", "Due"), "due_on", _due_text, _CENTER, width=96),
    Column("status", QT_TRANSLATE_NOOP("LineQueueModel", "Status"), "status",
           lambda r, lang: names.line_status(r.status, lang), width=80, codes=_names_of(codes.LINE_STATUSES)),
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
           lambda r, lang: names.disposition(r.disposition, lang), width=120,
           codes=_names_of(codes.DISPOSITIONS)),
    Column("liability", QT_TRANSLATE_NOOP("LineQueueModel", "Liability"), "liability",
           lambda r, lang: names.liability(r.liability_code, lang), width=90, codes=_liability_names),
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

    def _fetch(self, session: Session, after: tuple[Any, ...] | None, limit: int | None = None) -> Page:
        return queues.line_page(session, self.query, after=after, limit=limit or self.page_size)

    def _count(self, session: Session) -> int:
        return queues.count_lines(session, self.query)

    def _counts(self, session: Session) -> tuple[int, int | None]:
        return queues.count_lines_and_overdue(session, self.query, self.today)

    def _first_screen(self, session: Session, limit: int) -> tuple[Page, tuple[int, int | None]]:
        page = queues.line_page(session, self.query, limit=limit, counts_on=self.today)
        return page, page.counts if page.counts is not None else self._counts(session)

    def _by_ids(self, session: Session, ids: list[int]) -> list[Any]:
        return queues.lines_by_ids(session, self.query, ids)

    def _set_sort(self, key: str, descending: bool) -> None:
        self.query = replace(self.query, sort=key, descending=descending)

    def _sort_state(self) -> tuple[str, bool]:
        return self.query.sort, self.query.descending

    def _prepare(self, row: LineRow) -> bool:
        return row.overdue(self.today)

    def _style(self, row: LineRow, prepared: Any, column: Column, role: int) -> Any:
        overdue = bool(prepared)
        if role == _BACKGROUND:
            return _brushes()["overdue_bg"] if overdue else None
        if role == _FOREGROUND:
            if overdue and column.key == "due_on":
                return _brushes()["overdue_fg"]
            if row.urgency == "urgent" and column.key == "urgency":
                return _brushes()["urgent_fg"]
            return None
        if role == _FONT:
            return _bold() if overdue and column.key == "due_on" else None
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
        """How many of the rows held in the window are overdue (for the queue's summary)."""
        return sum(1 for r in self.rows if r is not None and r.overdue(self.today))


# ---------------------------------------------------------------- returns at the desk

RETURN_COLUMNS: tuple[Column, ...] = (
    Column("rma_no", QT_TRANSLATE_NOOP("ReturnListModel", "RMA no."), "rma_no", lambda r, _: r.rma_no, width=140),
    Column("received_on", QT_TRANSLATE_NOOP("ReturnListModel", "Received"), "received_on",
           lambda r, _: names.day(r.received_on), _CENTER, width=96),
    Column("customer", QT_TRANSLATE_NOOP("ReturnListModel", "Customer"), "customer", lambda r, _: r.customer, width=180),
    Column("status", QT_TRANSLATE_NOOP("ReturnListModel", "Status"), "status",
           lambda r, lang: names.return_status(r.status, lang), width=80, codes=_names_of(codes.RETURN_STATUSES)),
    Column("urgency", QT_TRANSLATE_NOOP("ReturnListModel", "Urgency"), "urgency",
           lambda r, lang: names.urgency(r.urgency, lang), _CENTER, width=64, codes=_names_of(codes.URGENCIES)),
    Column("lines", QT_TRANSLATE_NOOP("ReturnListModel", "Lines"), None, lambda r, _: str(r.lines), _RIGHT, width=50),
    Column("qty", QT_TRANSLATE_NOOP("ReturnListModel", "Pieces"), None, lambda r, _: str(r.qty), _RIGHT, width=60),
    Column("amount", QT_TRANSLATE_NOOP("ReturnListModel", "Amount"), None,
           lambda r, _: names.yuan(r.amount), _RIGHT, width=100),
    Column("arrival_method", QT_TRANSLATE_NOOP("ReturnListModel", "Arrived"), "arrival_method",
           lambda r, lang: names.arrival_method(r.arrival_method, lang), width=90,
           codes=_names_of(codes.ARRIVAL_METHODS)),
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

    def _fetch(self, session: Session, after: tuple[Any, ...] | None, limit: int | None = None) -> Page:
        return queues.return_page(session, self.query, after=after, limit=limit or self.page_size)

    def _count(self, session: Session) -> int:
        return queues.count_returns(session, self.query)

    def _first_screen(self, session: Session, limit: int) -> tuple[Page, tuple[int, int | None]]:
        page = queues.return_page(session, self.query, limit=limit, counted=True)
        return page, page.counts if page.counts is not None else self._counts(session)

    def _by_ids(self, session: Session, ids: list[int]) -> list[ReturnRow]:
        return queues.returns_by_ids(session, self.query, ids)

    def _set_sort(self, key: str, descending: bool) -> None:
        self.query = replace(self.query, sort=key, descending=descending)

    def _sort_state(self) -> tuple[str, bool]:
        return self.query.sort, self.query.descending

    def _style(self, row: ReturnRow, prepared: Any, column: Column, role: int) -> Any:
        if role == _FOREGROUND and column.key == "urgency" and row.urgency == "urgent":
            return _brushes()["urgent_fg"]
        return None
