"""Two stations over one database (two windows, each with its own engine, as two machines
have): what one does shows at the other without F5 — its list and its open record; a form
with unsaved input is never read over but says who changed it and when, and its Reload
keeps what was typed; a change made with plain SQL on PostgreSQL reaches the window; after
the listener's connection is killed it comes back and everything is read again.

SQLite has no notifications: the tests call the window's `live.poll()` (what its timer
does every second) while they wait; PostgreSQL's notifications come by themselves."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import create_engine, text

from app.services import inspection
from db.engine import describe_url, make_engine, make_session_factory
from db.models import Return, ReturnLine
from tests.ui.test_window import click, type_text
from tests.unit.services.helpers import approved, line_ids
from ui.context import StationContext
from ui.main_window import MainWindow

WAIT_MS = 30_000  # generous: a busy machine is slow, never wrong


class Stations:
    """Opens station windows over one database; closes them and their engines after."""

    def __init__(self, qtbot: Any, db_url: str, actors: dict[str, Any], settings: Any) -> None:
        self.qtbot, self.db_url, self.actors, self.settings = qtbot, db_url, actors, settings
        self.windows: list[MainWindow] = []
        self.engines: list[Any] = []

    def open(self, login: str, station: str, tab: str) -> MainWindow:
        engine = make_engine(self.db_url)
        self.engines.append(engine)
        actor = replace(self.actors[login], station=station)
        ctx = StationContext(make_session_factory(engine), actor, self.settings, database=describe_url(self.db_url))
        window = MainWindow(ctx, start_tab=tab, other_tabs=False)
        self.qtbot.addWidget(window)
        window.show()
        self.windows.append(window)
        assert window.live.running
        listener = window.live.listener
        if listener is not None:  # PostgreSQL: listening before the other station acts
            self.qtbot.waitUntil(listener.listening.is_set, timeout=WAIT_MS)
        return window

    def until(self, window: MainWindow, condition: Callable[[], bool]) -> None:
        """Wait until `condition` holds at `window` (SQLite: polling as its timer would)."""
        self.qtbot.waitUntil(lambda: (window.live.poll(), condition())[1], timeout=WAIT_MS)

    def close(self) -> None:
        for w in self.windows:
            w.live.stop()
            w.close()
        for e in self.engines:
            e.dispose()


@pytest.fixture
def stations(qtbot, db_url, actors, station_settings, live_refresh, monkeypatch) -> Iterator[Stations]:
    # a window closed with typed input at the end of a test: discard it
    monkeypatch.setattr("ui.errors.ask", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    s = Stations(qtbot, db_url, actors, station_settings)
    yield s
    s.close()


def _inspect(window: MainWindow, line_id: int, findings: str, opinion: str = "") -> None:
    """The other station records the inspection, through its own one-action path."""
    ctx = window.ctx
    outcome = ctx.run(lambda s: inspection.record_inspection(
        s, ctx.actor, line_id, findings=findings, defect_category_id=None, preliminary_opinion=opinion),
        lines=[line_id])
    assert outcome.ok, outcome.error


def test_a_change_at_one_station_shows_in_the_others_list_and_open_record(stations, factory, actors) -> None:
    lid = line_ids(factory, approved(factory, actors))[0]
    here = stations.open("qa", "host-a/qa", "inspection")
    there = stations.open("qa", "host-b/qa", "inspection")
    bench = there.tabs["inspection"]
    assert bench.open_line(lid)
    row = bench.model.row_of(lid)
    assert bench.model.record(row).status == "inspection"
    seen = bench.line["version"]
    _inspect(here, lid, "触点烧蚀")
    stations.until(there, lambda: bench.ui.findingsEdit.toPlainText() == "触点烧蚀")
    assert bench.line["status"] == "decision" and bench.line["version"] == seen + 1
    # the list reads the row again once its coalescing timer fires (ui.coalesce)
    stations.until(there, lambda: bench.model.record(bench.model.row_of(lid)).status == "decision")
    assert not bench.state.dirty and not bench.changed_notice.isVisible()


def test_a_form_with_typed_input_is_not_read_over_and_reload_keeps_the_input(stations, factory, actors) -> None:
    lid = line_ids(factory, approved(factory, actors))[0]
    here = stations.open("qa", "host-a/qa", "inspection")
    there = stations.open("qa", "host-b/qa", "inspection")
    bench = there.tabs["inspection"]
    assert bench.open_line(lid)
    seen = bench.line["version"]
    type_text(stations.qtbot, bench.ui.opinionEdit, "建议返修")
    assert bench.state.dirty
    _inspect(here, lid, "外壳开裂")
    stations.until(there, bench.changed_notice.isVisible)
    who = actors["qa"].name
    assert who in bench.changed_notice.label.text() and "修改" in bench.changed_notice.label.text()
    # nothing read over: the typed opinion, the findings as loaded, the version the form saw
    assert bench.ui.opinionEdit.toPlainText() == "建议返修"
    assert bench.ui.findingsEdit.toPlainText() == ""
    assert bench.line["version"] == seen and bench.state.dirty
    click(stations.qtbot, bench.changed_notice.reload_button)
    assert not bench.changed_notice.isVisible()
    assert bench.line["version"] == seen + 1
    assert bench.ui.findingsEdit.toPlainText() == "外壳开裂"  # the other station's, not typed over
    assert bench.ui.opinionEdit.toPlainText() == "建议返修"  # the user's, kept
    assert bench.state.dirty  # still not saved


def test_the_desk_follows_another_station_and_keeps_a_typed_requirement(stations, factory, actors) -> None:
    from tests.unit.services.helpers import received

    rid = received(factory, actors)
    here = stations.open("wh", "host-a/desk", "incoming")
    there = stations.open("sales", "host-b/sales", "incoming")
    desk = there.tabs["incoming"]
    desk.activate()
    assert desk.open_return(rid)
    assert desk.list_model.row_of(rid) >= 0
    seen = desk.record["version"]

    def note(text_: str) -> Callable[[Any], None]:
        def work(s: Any) -> None:
            s.get(Return, rid).notes = text_
        return work

    assert here.ctx.run(note("外箱破损"), returns=[rid]).ok
    stations.until(there, lambda: desk.ui.notesEdit.text() == "外箱破损")  # not dirty: read again
    type_text(stations.qtbot, desk.ui.requirementsEdit, "按质保处理")
    assert here.ctx.run(note("外箱破损，已拍照"), returns=[rid]).ok
    stations.until(there, desk.changed_notice.isVisible)
    assert desk.ui.notesEdit.text() == "外箱破损"
    click(stations.qtbot, desk.changed_notice.reload_button)
    assert desk.ui.notesEdit.text() == "外箱破损，已拍照"
    assert desk.ui.requirementsEdit.toPlainText() == "按质保处理"
    assert desk.record["version"] == seen + 2 and desk.state.dirty


@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_plain_sql_reaches_the_window_and_its_own_changes_are_skipped(stations, factory, actors, db_url) -> None:
    lid = line_ids(factory, approved(factory, actors))[0]
    window = stations.open("qa", "host-a/qa", "inspection")
    bench = window.tabs["inspection"]
    assert bench.open_line(lid)
    seen = bench.line["version"]
    batches: list[Any] = []
    window.live.applied.connect(batches.append)
    _inspect(window, lid, "自己的检验")  # this station's own: announced by itself, not again
    admin = create_engine(db_url)
    with admin.begin() as conn:  # as psql would
        conn.execute(text("UPDATE return_line SET findings = 'psql', version = version + 1 WHERE id = :i"),
                     {"i": lid})
    admin.dispose()
    stations.qtbot.waitUntil(lambda: bench.ui.findingsEdit.toPlainText() == "psql", timeout=WAIT_MS)
    # one batch, the SQL update's, in commit order after the station's own (which was skipped)
    assert [b.lines for b in batches] == [(lid,)]
    with factory() as s:
        assert bench.line["version"] == s.get(ReturnLine, lid).version == seen + 2


@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_after_its_connection_is_killed_the_window_listens_again_and_reads_everything(
        stations, factory, actors, db_url) -> None:
    lid = line_ids(factory, approved(factory, actors))[0]
    window = stations.open("qa", "host-a/qa", "inspection")
    bench = window.tabs["inspection"]
    assert bench.open_line(lid)
    listener = window.live.listener
    admin = create_engine(db_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        # a change nobody is told of (triggers off), as one made while the listener is away
        conn.execute(text("SET session_replication_role = replica"))
        conn.execute(text("UPDATE return_line SET findings = '断线期间', version = version + 1 WHERE id = :i"),
                     {"i": lid})
        conn.execute(text("SET session_replication_role = origin"))
        batches: list[Any] = []
        window.live.applied.connect(batches.append)
        conn.execute(text("SELECT pg_terminate_backend(:p)"), {"p": listener.backend_pid})
    admin.dispose()
    stations.qtbot.waitUntil(lambda: bench.ui.findingsEdit.toPlainText() == "断线期间", timeout=WAIT_MS)
    assert listener.connects == 2
    assert [(b.everything, b.reconnected) for b in batches] == [(True, True)]


def test_typed_input_is_put_back_only_where_it_still_applies(stations, factory, actors) -> None:
    from app.services import returns as return_service
    from tests.unit.services.helpers import received

    rid = received(factory, actors)
    here = stations.open("sales", "host-a/sales", "incoming")
    there = stations.open("sales", "host-b/sales", "incoming")
    desk = there.tabs["incoming"]
    assert desk.open_return(rid)
    type_text(stations.qtbot, desk.ui.requirementsEdit, "我的要求")
    ctx = here.ctx
    assert ctx.run(lambda s: return_service.confirm_by_sales(s, ctx.actor, rid, "按质保处理"), returns=[rid]).ok
    stations.until(there, desk.changed_notice.isVisible)
    assert desk.ui.requirementsEdit.toPlainText() == "我的要求"  # not read over while shown
    click(stations.qtbot, desk.changed_notice.reload_button)
    # confirmed by the other station: the field is closed, its text is the confirmed one
    assert desk.record["status"] == "confirmed"
    assert desk.ui.requirementsEdit.isReadOnly()
    assert desk.ui.requirementsEdit.toPlainText() == "按质保处理"


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_on_sqlite_the_stations_own_save_leaves_its_open_form_as_it_is(stations, factory, actors) -> None:
    lid = line_ids(factory, approved(factory, actors))[0]
    window = stations.open("qa", "host-a/qa", "inspection")
    bench = window.tabs["inspection"]
    assert bench.open_line(lid)
    _inspect(window, lid, "触点烧蚀")  # saved here; the form shows the new version already
    seen = bench.line
    type_text(stations.qtbot, bench.ui.opinionEdit, "再看")
    assert window.live.poll()  # data_version moved: by this station's own write
    assert bench.line is seen and bench.ui.opinionEdit.toPlainText().endswith("再看")
    assert not bench.changed_notice.isVisible()


def test_a_batch_gathers_its_ids_and_too_many_read_everything() -> None:
    from db.notify import LINE, REFERENCE, RETURN, Change
    from ui.live import MAX_IDS, RemoteChange, gather

    batch = [Change(LINE, 3), Change(RETURN, 1), Change(LINE, 2), Change(LINE, 3), Change(REFERENCE, None)]
    assert gather(batch) == RemoteChange(lines=(3, 2), returns=(1,), reference=True)
    many = [Change(LINE, i) for i in range(MAX_IDS + 1)]
    assert gather(many) == RemoteChange(everything=True)
    assert gather([Change(LINE, 1), Change("everything", None)]) == RemoteChange(everything=True)


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_on_sqlite_the_pick_lists_are_read_again_only_when_the_master_data_moved(stations, factory, actors) -> None:
    from db.models import Customer
    from tests.unit.services.helpers import received

    here = stations.open("wh", "host-a/desk", "incoming")
    there = stations.open("wh", "host-b/desk", "incoming")
    said: list[bool] = []
    there.ctx.events.remoteChanged.connect(lambda change: said.append(change.reference))
    assert not there.live.poll()  # nothing written: nothing to tell
    received(factory, actors)  # a return: the lists, not the pick lists
    assert there.live.poll() and said == [False]
    assert here.ctx.run(lambda s: s.add(Customer(name="新客户甲")), returns=[]).ok
    assert there.live.poll() and said == [False, True]
    assert there.tabs["incoming"].ui.customerCombo.findText("新客户甲") >= 0


def test_a_change_to_the_open_lines_return_reaches_the_bench(stations, factory, actors) -> None:
    rid = approved(factory, actors)
    lid = line_ids(factory, rid)[0]
    here = stations.open("wh", "host-a/desk", "incoming")
    there = stations.open("qa", "host-b/qa", "inspection")
    bench = there.tabs["inspection"]
    assert bench.open_line(lid)
    seen = bench.line["return_version"]

    def note(s: Any) -> None:
        s.get(Return, rid).notes = "客户来电催办"
    assert here.ctx.run(note, returns=[rid]).ok
    stations.until(there, lambda: bench.line["return_version"] == seen + 1)
