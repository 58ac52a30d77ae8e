"""A save runs off the UI thread: a blocked or stalled server stalls the save, not the window.

These tests use REAL worker threads (`real_threads`), unlike the other window tests. They
wait on conditions (qtbot.waitUntil with generous limits), never on a clock: what is
asserted is that the event loop went on turning while the save waited (a QTimer kept
ticking during it), that the form said it was saving and held Register, and how many
returns exist afterwards.
"""

from __future__ import annotations

import json
import os
import signal
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session, sessionmaker

from app.services.numbering import next_rma_no
from app.services.seed import seed_reference
from app.services.users import actor_for
from db.engine import PgTimeouts, make_engine, make_session_factory
from db.migrate import upgrade
from db.models import Return, User
from tests.ui.conftest import dispose_after_background_work
from tests.ui.test_window import click, open_window, scan, type_cell, type_text

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
from pgcluster import Cluster  # noqa: E402

WAIT_MS = 120_000  # generous: a slow machine waits longer, it does not fail


class Ticks:
    """A QTimer on the UI thread that counts its ticks while the desk is saving."""

    def __init__(self, ctx: Any, desk: Any) -> None:
        self.while_saving = 0
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(lambda: self._tick(ctx, desk))
        self.timer.start()

    def _tick(self, ctx: Any, desk: Any) -> None:
        if ctx.is_busy(desk):
            self.while_saving += 1


def _fill_the_desk(qtbot: Any, w: Any) -> Any:
    desk = w.tabs["incoming"]
    type_text(qtbot, desk.ui.customerCombo.lineEdit(), "华东电气设备有限公司")
    scan(qtbot, w, "6901234500016")
    type_cell(qtbot, desk.ui.linesView, 0, desk.lines.column_of("qty_counted"), "20")
    return desk


def _returns(factory: sessionmaker[Session]) -> int:
    with factory() as s:
        return int(s.scalar(select(func.count()).select_from(Return)) or 0)


def test_a_save_blocked_by_another_stations_lock_leaves_the_window_running_and_registers_once(
        qtbot: Any, real_threads: None, patient_factory: sessionmaker[Session], db_url: str,
        station_settings: Any, monkeypatch: pytest.MonkeyPatch, data_folder: Path) -> None:
    monkeypatch.setattr("ui.errors.ask", lambda *a, **k: QMessageBox.StandardButton.Yes)
    factory = patient_factory
    with factory() as s:
        wh = actor_for(s.scalars(select(User).filter_by(login="wh")).one(), station="test")
    w = open_window(qtbot, factory, wh, station_settings)
    desk = _fill_the_desk(qtbot, w)
    # another station holds the year's counter row (PostgreSQL) / the write lock (SQLite)
    other_engine = make_engine(db_url)
    other = make_session_factory(other_engine)()
    next_rma_no(other, date.today().year)
    ticks = Ticks(w.ctx, desk)
    try:
        click(qtbot, desk.ui.registerButton)
        assert w.ctx.is_busy(desk)  # the save waits on its worker thread, not here
        assert desk.ui.registerButton.text() == "正在保存…" and not desk.ui.registerButton.isEnabled()
        # the window keeps turning while the save waits for the lock
        qtbot.waitUntil(lambda: ticks.while_saving >= 5, timeout=WAIT_MS)
        desk.register()  # a second press (or Enter) joins the running save
        assert w.ctx.is_busy(desk)
        # the station could die now: the save's input is in the crash journal (ui.journal)
        (journal,) = sorted((data_folder / "journal").glob("*.json"))
        entry = json.loads(journal.read_text(encoding="utf-8"))["entries"]["incoming"]
        assert entry["pending"] is True and entry["values"]["fields"]["customer"][1] == "华东电气设备有限公司"
        desk.repaint()  # the form can be drawn meanwhile
    finally:
        other.rollback()  # the other station lets go
        other.close()
        other_engine.dispose()
    qtbot.waitUntil(lambda: not w.ctx.is_busy(desk), timeout=WAIT_MS)
    assert _returns(factory) == 1
    with factory() as s:
        (rma,) = s.scalars(select(Return)).all()
    # the saved notice is read again on a pool thread too, and shown when it arrives
    qtbot.waitUntil(lambda: desk.ui.titleLabel.text() == rma.rma_no, timeout=WAIT_MS)
    assert desk.ui.registerButton.text() != "正在保存…"
    ticks.timer.stop()


@pytest.fixture
def stalling_cluster() -> Iterator[Cluster]:
    c = Cluster()
    c.start()
    engine = make_engine(c.url)
    upgrade(engine)
    with make_session_factory(engine).begin() as s:
        seed_reference(s)
    engine.dispose()
    yield c
    c.stop()


def test_a_stalled_backend_gives_the_timeout_message_keeps_the_input_and_never_freezes(
        qtbot: Any, real_threads: None, stalling_cluster: Cluster, station_settings: Any,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("ui.errors.ask", lambda *a, **k: QMessageBox.StandardButton.Yes)
    # one connection, not pinged before use: the save goes to the backend that is stopped
    engine = make_engine(stalling_cluster.url, pool_size=1, max_overflow=0, pool_pre_ping=False,
                         timeouts=PgTimeouts(connect_s=3, lock_ms=2000, statement_ms=2000,
                                             client_grace_ms=2000))
    factory = make_session_factory(engine)
    with factory() as s:
        wh = actor_for(s.scalars(select(User).filter_by(login="wh")).one(), station="test")
        pid = int(s.execute(text("SELECT pg_backend_pid()")).scalar_one())
        s.rollback()
    w = open_window(qtbot, factory, wh, station_settings)
    desk = _fill_the_desk(qtbot, w)
    with factory() as s:  # what the window reads runs on the same one connection
        assert int(s.execute(text("SELECT pg_backend_pid()")).scalar_one()) == pid
    messages: list[tuple[str, str]] = []
    w.ctx.events.message.connect(
        lambda m: messages.append((m, desk.ui.customerCombo.currentText())))
    ticks = Ticks(w.ctx, desk)
    os.kill(pid, signal.SIGSTOP)
    try:
        click(qtbot, desk.ui.registerButton)
        assert w.ctx.is_busy(desk) and not desk.ui.registerButton.isEnabled()
        qtbot.waitUntil(lambda: bool(messages), timeout=WAIT_MS)
    finally:
        os.kill(pid, signal.SIGCONT)
    # the client's own limit gave up on the stopped backend: "cannot be reached", input kept
    text_shown, customer_then = messages[0]
    assert text_shown.startswith("数据库连接中断"), text_shown
    assert customer_then == "华东电气设备有限公司"
    assert w.banner.isVisible() or w.ctx.kept_actions == 0  # (the banner's retry may be quick)
    assert ticks.while_saving >= 5  # the loop went on turning throughout the stall
    ticks.timer.stop()
    # the backend runs again: the banner's retry finds the server, the kept registration
    # is made, once
    qtbot.waitUntil(lambda: not w.ctx.is_busy() and w.ctx.kept_actions == 0, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: _returns(factory) == 1, timeout=WAIT_MS)
    w.close()
    dispose_after_background_work(engine)


def test_a_lock_held_past_the_lock_timeout_says_busy_and_keeps_the_input(
        qtbot: Any, real_threads: None, db_url: str, station_settings: Any,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """55P03 (PostgreSQL lock_timeout) / SQLITE_BUSY: "busy, try again", nothing kept, input kept."""
    monkeypatch.setattr("ui.errors.ask", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setenv("RMA_SQLITE_BUSY_TIMEOUT_MS", "300")
    engine = make_engine(db_url, timeouts=PgTimeouts(lock_ms=300))
    factory = make_session_factory(engine)
    with factory() as s:
        wh = actor_for(s.scalars(select(User).filter_by(login="wh")).one(), station="test")
    w = open_window(qtbot, factory, wh, station_settings)
    desk = _fill_the_desk(qtbot, w)
    messages: list[str] = []
    w.ctx.events.message.connect(messages.append)
    other_engine = make_engine(db_url)
    other = make_session_factory(other_engine)()
    next_rma_no(other, date.today().year)
    try:
        click(qtbot, desk.ui.registerButton)
        qtbot.waitUntil(lambda: not w.ctx.is_busy(desk), timeout=WAIT_MS)
    finally:
        other.rollback()
        other.close()
        other_engine.dispose()
    assert messages and "忙" in messages[-1], messages
    assert w.ctx.kept_actions == 0 and not w.banner.isVisible()  # not an outage: nothing retried by itself
    assert desk.ui.customerCombo.currentText() == "华东电气设备有限公司" and desk.state.dirty
    assert desk.ui.registerButton.isEnabled()  # the user tries again when they like
    assert _returns(factory) == 0
    click(qtbot, desk.ui.registerButton)
    qtbot.waitUntil(lambda: not w.ctx.is_busy(desk), timeout=WAIT_MS)
    assert _returns(factory) == 1
    w.close()
    dispose_after_background_work(engine)


def test_the_announcement_says_whose_change_it_is(
        qapp: Any, factory: sessionmaker[Session], actors: dict[str, Any]) -> None:
    """A form tells its own save from another's: events.initiator while linesChanged /
    returnsChanged are emitted, and events.changed with the ids and the initiator."""
    from PySide6.QtWidgets import QWidget

    from app.services import returns as return_service
    from tests.unit.services.helpers import line_ids, received
    from ui.context import StationContext

    rid = received(factory, actors)
    lid = line_ids(factory, rid)[0]
    ctx = StationContext(factory, actors["wh"])
    form, other = QWidget(), QWidget()
    seen: list[Any] = []
    changes: list[Any] = []
    ctx.events.linesChanged.connect(lambda ids: seen.append((ids, ctx.events.initiator)))
    ctx.events.changed.connect(changes.append)

    def correct(qty: int) -> Any:
        def work(s: Session) -> int:
            line = return_service.get_line(s, lid)
            return return_service.update_line_count(s, actors["wh"], lid, qty_counted=qty,
                                                    expected_version=line.version).id
        return work

    assert ctx.run(correct(7), lines=[lid], returns=[rid], initiator=form).ok
    assert ctx.run(correct(8), lines=[lid], initiator=other).ok
    assert seen == [([lid], form), ([lid], other)]
    assert [(c.lines, c.returns, c.initiator) for c in changes] == [([lid], [rid], form), ([lid], [], other)]
    assert ctx.events.initiator is None  # outside an announcement nobody is named


def test_the_settings_dialog_saves_the_shared_settings_as_an_action_and_closes_after(
        qtbot: Any, real_threads: None, factory: sessionmaker[Session], actors: dict[str, Any],
        station_settings: Any) -> None:
    from PySide6.QtCore import Qt

    from app.services.settings import load_shared, save_shared
    from tests.ui.test_infrastructure import retype
    from ui.context import StationContext
    from ui.settings_dialog import SettingsDialog

    ctx = StationContext(factory, actors["admin"], station_settings)
    with factory() as s:
        before = load_shared(s)

    def run_shared(values: dict[str, str], done: Any) -> None:  # as ui.app binds it
        ctx.run(lambda s: save_shared(s, ctx.actor, values), keep_if_offline=False,
                on_done=lambda outcome: done(outcome.error))

    dialog = SettingsDialog(station_settings, load_shared=lambda: dict(before), save_shared=None,  # type: ignore[arg-type]
                            run_shared=run_shared)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    retype(qtbot, dialog.ui.labourRateEdit, "41")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    with factory() as s:
        after = load_shared(s)
    assert after != before and "41" in "".join(after.values())
    assert any(c.startswith("shared.") for c in dialog.changed)
