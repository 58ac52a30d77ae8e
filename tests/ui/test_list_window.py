"""The long lists at factory scale: a bounded window of pages, reads off the UI thread, an
older search's answer dropped, "loading…" rows, and code columns sized without reading cells."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QTableView

from app import codes
from app.services import queues
from app.services.queues import LineQuery, LineQueue, ReturnQuery
from tests.ui.test_window import open_window, type_text
from tests.unit.services.test_queues import _register, build_benches
from ui.context import StationContext
from ui.models.queues import ID_ROLE, LineQueueModel, ReturnListModel

CUSTOMERS = ("华东电气设备有限公司", "深圳市鹏达电子有限公司")


@pytest.fixture
def desk_returns(factory, actors) -> list[int]:
    """Twelve returns waiting at the desk, every third one for 鹏达."""
    return [_register(factory, actors, customer=CUSTOMERS[i % 3 == 0]) for i in range(12)]


def _ctx(factory, actors, station_settings) -> StationContext:
    return StationContext(factory, actors["wh"], station_settings, database="test")


def _scroll_through(model: ReturnListModel) -> None:
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())


def test_only_a_window_of_pages_keeps_its_rows(qtbot, qtmodeltester, factory, actors, station_settings,
                                               desk_returns) -> None:
    model = ReturnListModel(_ctx(factory, actors, station_settings))
    model.page_size, model.window_pages = 2, 2
    model.reload()
    _scroll_through(model)
    with factory() as s:
        expected = [r.id for r in queues.return_page(s, ReturnQuery(), limit=100).rows]
    assert model.rowCount() == model.total == 12
    assert model.held_rows() == 4  # two pages of two: the other four pages keep only their ids
    assert [model.id_at(i) for i in range(12)] == expected
    assert model.row_of(expected[0]) == 0

    # the first row's page was dropped: shown, it says "loading…", then is read again
    first = model.index(0, 0)
    assert model.data(first) == "读取中…"
    assert model.data(first, ID_ROLE) == expected[0]
    assert model.record(0) is None
    with qtbot.waitSignal(model.dataChanged, timeout=10_000):
        pass  # the read of the dropped page runs after this turn of the event loop
    assert model.data(model.index(0, model.column_of("rma_no"))).startswith("RMA-")
    assert model.record(0).id == expected[0]
    assert model.held_rows() == 4  # read again, and a far page dropped in its place
    qtmodeltester.check(model)


def test_a_shown_row_of_a_dropped_page_comes_back_in_a_view(qtbot, factory, actors, station_settings,
                                                            desk_returns) -> None:
    model = ReturnListModel(_ctx(factory, actors, station_settings))
    model.page_size, model.window_pages = 2, 2
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(600, 120)
    view.show()
    qtbot.waitExposed(view)
    model.reload()

    def scrolled_to_the_end() -> bool:  # the user drags to the end: each time the view asks for more
        view.scrollToBottom()
        return model.rowCount() == 12 and not model.loading

    qtbot.waitUntil(scrolled_to_the_end, timeout=10_000)
    assert model.rowCount() == 12 and model.held_rows() <= 2 * 2
    view.scrollToTop()  # and back to the top: the first rows are read again
    qtbot.waitUntil(lambda: model.record(0) is not None, timeout=10_000)
    assert model.data(model.index(0, 0)).startswith("RMA-")


def test_an_older_search_answer_is_dropped(qtbot, real_threads, factory, actors, station_settings,
                                           desk_returns) -> None:
    model = ReturnListModel(_ctx(factory, actors, station_settings))
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(model.rowCount()))
    model.set_query(ReturnQuery(search="华东"))
    model.set_query(ReturnQuery(search="鹏达"))  # typed on before the first answer came
    assert model.loading
    qtbot.waitUntil(lambda: not model.loading, timeout=20_000)
    assert resets == [4]  # only the newer search's answer reached the list
    assert {model.data(model.index(i, model.column_of("customer"))) for i in range(4)} == {CUSTOMERS[1]}


def test_the_window_goes_on_while_a_search_reads(qtbot, real_threads, factory, actors, station_settings,
                                                 monkeypatch) -> None:
    build_benches(factory, actors)
    window = open_window(qtbot, factory, actors["qa"], station_settings, tab="inspection")
    bench = window.tabs["inspection"]
    qtbot.waitUntil(lambda: bench.model.loaded and not bench.model.loading, timeout=20_000)
    shown = bench.model.rowCount()
    held, release = threading.Event(), threading.Event()
    real_page = queues.line_page

    def slow_page(session: Any, query: LineQuery, **kw: Any) -> Any:
        if query.search:
            held.set()
            release.wait(60)  # the database is slow to answer this search
        return real_page(session, query, **kw)

    monkeypatch.setattr(queues, "line_page", slow_page)
    bench.ui.searchEdit.setFocus()
    type_text(qtbot, bench.ui.searchEdit, "恒远")
    qtbot.keyClick(bench.ui.searchEdit, Qt.Key.Key_Return)
    qtbot.waitUntil(held.is_set, timeout=20_000)
    # the search is being read on a pool thread; the UI thread still answers the user
    assert bench.model.loading and bench.model.rowCount() == shown
    type_text(qtbot, bench.ui.searchEdit, "自动化")
    assert bench.ui.searchEdit.text() == "恒远自动化"
    qtbot.keyClick(bench.ui.searchEdit, Qt.Key.Key_Return)  # a newer search: the first one's answer is dropped
    release.set()
    qtbot.waitUntil(lambda: not bench.model.loading and bench.model.rowCount() == 1, timeout=20_000)
    assert bench.model.data(bench.model.index(0, bench.model.column_of("customer"))) == "苏州恒远自动化科技有限公司"


class CountingModel(LineQueueModel):
    calls = 0

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        CountingModel.calls += 1
        return super().data(index, role)


def test_code_columns_are_sized_from_the_names_not_the_cells(qtbot, factory, actors, station_settings,
                                                             switch_language) -> None:
    build_benches(factory, actors)
    model = CountingModel(_ctx(factory, actors, station_settings), LineQuery(queue=LineQueue.INSPECTION))
    model.reload()
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    CountingModel.calls = 0
    model.fit_code_columns(view)
    assert CountingModel.calls == 0  # nothing read from the rows, however many there are
    metrics = QFontMetrics(view.font())
    status = model.column_of("status")
    widest = max(metrics.horizontalAdvance(c.zh) for c in codes.LINE_STATUSES.values())
    assert view.columnWidth(status) >= widest
    switch_language("en")
    model.ctx.set_language("en")
    model.fit_code_columns(view)
    widest_en = max(metrics.horizontalAdvance(c.en) for c in codes.LINE_STATUSES.values())
    assert view.columnWidth(status) >= widest_en
    urgency = model.column_of("urgency")
    assert view.columnWidth(urgency) >= metrics.horizontalAdvance("Not urgent")
