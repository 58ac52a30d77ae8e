"""A bench reads the line it opens off the UI thread: a server that holds the read up (another
station's lock) stalls the form's read, not the window. REAL worker threads (`real_threads`);
nothing is timed: a QTimer on the UI thread must keep ticking while the read waits."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from sqlalchemy import select, text
from sqlalchemy.orm import Session, sessionmaker

from app.services.users import actor_for
from db.engine import make_engine
from db.models import ReturnLine, User
from tests.ui.test_window import open_window
from tests.unit.services.helpers import approved, draft, line_ids

WAIT_MS = 120_000  # generous: a slow machine waits longer, it does not fail


def test_a_line_chosen_while_another_station_holds_the_read_up_leaves_the_window_running(
        qtbot: Any, real_threads: None, patient_factory: sessionmaker[Session], db_url: str,
        station_settings: Any) -> None:
    factory = patient_factory
    with factory() as s:
        actors = {u.login: actor_for(u, station="test") for u in s.scalars(select(User))}
    lid = line_ids(factory, approved(factory, actors, draft()))[0]
    with factory() as s:
        label = s.get(ReturnLine, lid).barcode
    w = open_window(qtbot, factory, actors["qa"], station_settings, tab="inspection")
    bench = w.tabs["inspection"]
    qtbot.waitUntil(lambda: bench.model.rowCount() == 1, timeout=WAIT_MS)
    other_engine = make_engine(db_url)
    other = other_engine.connect()
    # another station holds what the form's read needs: SQLite's write lock (a station's
    # transaction begins IMMEDIATE, db.engine), PostgreSQL's exclusive lock on the warranty
    # table the read joins
    other.begin()
    if other_engine.dialect.name == "sqlite":
        other.execute(text("SELECT 1"))
    else:
        other.execute(text("LOCK TABLE line_warranty IN ACCESS EXCLUSIVE MODE"))
    ticks = 0

    def tick() -> None:
        nonlocal ticks
        if bench.ui.titleLabel.text() != label:
            ticks += 1
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    try:
        bench.ui.queueView.selectRow(0)  # the user chooses the line in the queue
        # the window keeps turning while the read waits
        qtbot.waitUntil(lambda: ticks >= 5, timeout=WAIT_MS)
        assert bench.ui.titleLabel.text() != label
        bench.repaint()
    finally:
        other.rollback()  # the other station lets go
        other.close()
        other_engine.dispose()
    qtbot.waitUntil(lambda: bench.ui.titleLabel.text() == label, timeout=WAIT_MS)
    assert bench.line_id == lid
    timer.stop()
