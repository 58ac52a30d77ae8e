"""A master-data page reads off the UI thread (StationContext.query): its list, the entry
opened for editing, the pick lists of a dialog and the shared settings; what is to happen
once the rows are in place (selecting the entry just saved) waits for them, and an answer
to an older search that arrives after a newer one is dropped."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt

from app.services import masterdata as md
from app.services.masterdata import ListQuery
from tests.ui.test_masterdata_window import fill, open_master_data, save, search, shown  # noqa: F401
from tests.ui.test_window import click
from ui.masterdata.model import RecordTableModel
from ui.masterdata.pages import COLUMNS

MAIN = threading.main_thread()


def test_the_list_the_entry_and_the_pick_lists_are_read_on_pool_threads(qtbot, factory, actors, station_settings,
                                                                        shown, real_threads,  # noqa: F811
                                                                        monkeypatch) -> None:
    threads: dict[str, set[str]] = {}

    def noted(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            threads.setdefault(name, set()).add(threading.current_thread().name)
            assert threading.current_thread() is not MAIN, f"{name} read on the UI thread"
            return fn(*args, **kwargs)
        return wrapper

    for name in ("list_records", "get_record", "user_choices"):
        monkeypatch.setattr(md, name, noted(name, getattr(md, name)))

    w = open_master_data(qtbot, factory, actors["admin"], station_settings)
    page = w.pages["customer"]
    qtbot.waitUntil(lambda: page.model.rowCount() >= 10, timeout=30_000)
    search(qtbot, page, "电气")
    qtbot.waitUntil(lambda: not page.model.loading, timeout=30_000)
    assert page.model.rowCount() >= 1
    assert all("电气" in page.model.data(page.model.index(r, 1)) for r in range(page.model.rowCount()))

    view = page.ui.tableView
    view.setCurrentIndex(page.model.index(0, 0))
    chosen = page.current()
    click(qtbot, page.ui.editButton)
    qtbot.waitUntil(lambda: bool(shown), timeout=30_000)
    dialog = shown[-1]
    assert dialog.inputs["name"].text() == chosen.name
    combo = dialog.inputs["sales_rep_id"]  # the users to choose from arrive after the dialog opened
    qtbot.waitUntil(combo.isEnabled, timeout=30_000)
    assert combo.count() > 1 and combo.currentData() == chosen.sales_rep_id
    assert not dialog.state.dirty  # filling the pick list is not the user choosing
    dialog.reject()
    assert set(threads) == {"list_records", "get_record", "user_choices"}
    assert not any(name == MAIN.name for names in threads.values() for name in names)


def test_a_saved_entry_is_chosen_once_the_list_has_read_it(qtbot, factory, actors, station_settings,
                                                           shown, real_threads) -> None:  # noqa: F811
    w = open_master_data(qtbot, factory, actors["admin"], station_settings)
    page = w.pages["customer"]
    qtbot.waitUntil(lambda: page.model.rowCount() >= 10, timeout=30_000)
    search(qtbot, page, "电气")  # the new entry will not match: the search is cleared for it
    qtbot.waitUntil(lambda: not page.model.loading, timeout=30_000)
    click(qtbot, page.ui.addButton)
    dialog = shown[-1]
    fill(qtbot, dialog, name="Acme Elektro GmbH", code="X901", contact="Weber", phone="+49 30 1")
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: page.current() is not None and page.current().code == "X901", timeout=30_000)
    assert page.ui.searchEdit.text() == "" and not page.model.loading
    assert page.ui.tableView.selectionModel().isRowSelected(page.model.row_of(page.current().id))


def test_an_older_searchs_answer_arriving_late_is_dropped(factory) -> None:
    asked: list[tuple[ListQuery, Callable[[Any], None]]] = []
    model = RecordTableModel(COLUMNS["product"], None, lambda: "zh_CN",
                             reader=lambda query, done: asked.append((query, done)))

    def answer(query: ListQuery) -> Any:
        with factory() as s:
            page = md.list_records(s, "product", query)
            return page.rows, page.total

    done_for: list[str] = []
    model.set_filter("DZ47", False, then=lambda: done_for.append("DZ47"))
    model.set_filter("NXB", False, then=lambda: done_for.append("NXB"))
    assert model.loading and model.rowCount() == 0
    (newer_query, newer), (older_query, older) = asked[1], asked[0]
    newer(answer(newer_query))
    older(answer(older_query))  # the first search's answer comes last
    assert not model.loading and done_for == ["NXB"]
    assert model.rowCount() >= 1 and all("NXB" in model.record(r).model for r in range(model.rowCount()))


def test_a_header_click_keeps_the_chosen_entry(qtbot, factory, actors, station_settings) -> None:
    w = open_master_data(qtbot, factory, actors["admin"], station_settings)
    page = w.pages["customer"]
    view = page.ui.tableView
    view.setCurrentIndex(page.model.index(2, 0))
    chosen = page.current().id
    page.ui.tableView.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
    assert page.current() is not None and page.current().id == chosen
