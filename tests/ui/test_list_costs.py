"""What one screen of a list costs the window, counted, not timed (issue 12): a bench
queue's search reads its page and its counts (with the overdue count) in two statements;
a row's texts are made once, not at each paint; the code columns are fitted once per
language and font, so a search neither measures them again nor undoes the user's drag."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableView

from app.services.queues import LineQuery, LineQueue
from tests.ui.test_window import open_window, type_text
from tests.unit.services.helpers import statements
from tests.unit.services.test_queues import build_benches
from ui.context import StationContext
from ui.i18n import install_language
from ui.models.queues import LINE_COLUMNS, Column, LineQueueModel


@pytest.fixture
def benches(factory, actors) -> dict[str, list[int]]:
    return build_benches(factory, actors)


def test_a_bench_search_reads_its_page_and_counts_in_one_statement(qtbot, engine, factory, actors,
                                                                   station_settings, benches) -> None:
    w = open_window(qtbot, factory, actors["qa"], station_settings, tab="inspection")
    bench = w.tabs["inspection"]
    qtbot.waitUntil(lambda: bench.model.rowCount() == 4, timeout=30_000)
    # every line of the queue was due in March 2026: all are overdue, and the label says so
    assert bench.ui.countLabel.text() == "4 行 · 4 行已超期"

    with statements(engine) as sent:
        type_text(qtbot, bench.ui.searchEdit, "恒远")
        qtbot.keyClick(bench.ui.searchEdit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: bench.model.rowCount() == 1, timeout=30_000)
    assert [bench.model.id_at(0)] == benches["urgent"]
    assert bench.ui.countLabel.text() == "1 行 · 1 行已超期"
    # the page with the count and its overdue count beside its rows: no statement of their own
    assert len(sent) == 1, "\n\n".join(sent)


def test_a_line_changed_in_place_counts_its_overdue_again(qtbot, factory, actors, station_settings,
                                                          benches) -> None:
    from app.services import inspection

    w = open_window(qtbot, factory, actors["qa"], station_settings, tab="inspection")
    bench = w.tabs["inspection"]
    qtbot.waitUntil(lambda: bench.model.rowCount() == 4, timeout=30_000)
    decided = benches["normal"][1]  # inspected: waits for the decision in this queue
    with factory.begin() as s:
        inspection.decide(s, actors["eng"], decided, final_cause="焊接不良", liability_code=3,
                          disposition="repair_reship", refund_ratio="0")
    bench.model.refresh_ids([decided])  # it left the queue for rework
    qtbot.waitUntil(lambda: bench.model.rowCount() == 3, timeout=30_000)
    qtbot.waitUntil(lambda: bench.ui.countLabel.text() == "3 行 · 3 行已超期", timeout=30_000)


@contextmanager
def _language(lang: str) -> Iterator[None]:
    app = QApplication.instance()
    install_language(app, lang)
    try:
        yield
    finally:
        install_language(app, "zh_CN")


class _CountingModel(LineQueueModel):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.data_calls = 0

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        self.data_calls += 1
        return super().data(index, role)


def _counted_columns(texts: list[str]) -> tuple[Column, ...]:
    """The QA queue's columns, each noting when it makes a cell's text."""
    def counted(column: Column) -> Column:
        def text(row: Any, lang: str) -> str:
            texts.append(column.key)
            return column.text(row, lang)
        return Column(column.key, column.title, column.sort, text, column.align, column.width, column.codes)
    return tuple(counted(c) for c in LINE_COLUMNS)


def test_a_rows_texts_are_made_once_whatever_the_paints(qtbot, factory, actors, station_settings,
                                                        benches) -> None:
    texts: list[str] = []
    ctx = StationContext(factory, actors["qa"], station_settings, database="test")
    model = _CountingModel(ctx, LineQuery(queue=LineQueue.INSPECTION), columns=_counted_columns(texts))
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(1200, 400)
    view.show()
    qtbot.waitExposed(view)
    model.reload()
    assert model.rowCount() == 4
    view.grab()  # a paint of every row shown
    assert len(texts) == 4 * len(LINE_COLUMNS)  # each cell's text once
    view.grab()
    view.grab()
    assert len(texts) == 4 * len(LINE_COLUMNS)  # painting again asks the prepared rows
    assert model.data(model.index(0, model.column_of("urgency"))) == "紧急"

    with _language("en"):
        model.retranslate()  # the texts were made in Chinese: made again, once
        view.grab()
        assert len(texts) == 2 * 4 * len(LINE_COLUMNS)
        assert model.data(model.index(0, model.column_of("urgency"))) == "Urgent"


def test_fitting_the_code_columns_asks_no_cell_and_is_done_once_per_language(qtbot, factory, actors,
                                                                            station_settings, benches) -> None:
    ctx = StationContext(factory, actors["qa"], station_settings, database="test")
    model = _CountingModel(ctx, LineQuery(queue=LineQueue.INSPECTION))
    view = QTableView()  # not shown: nothing paints, only the fitting could ask the model
    qtbot.addWidget(view)
    view.setModel(model)
    model.reload()
    model.data_calls = 0
    model.fit_code_columns(view)
    assert model.data_calls == 0
    status = model.column_of("status")
    fitted = view.columnWidth(status)

    view.horizontalHeader().resizeSection(status, fitted + 60)  # the user drags it wider
    model.set_query(LineQuery(queue=LineQueue.INSPECTION, search="恒远"))  # a search, a reset
    model.fit_code_columns(view)
    assert (model.rowCount(), view.columnWidth(status)) == (1, fitted + 60)  # the drag is kept

    with _language("en"):
        model.fit_code_columns(view)  # another language: its words measured
        assert view.columnWidth(status) != fitted + 60
    assert model.data_calls == 0
