"""Soak benchmark: 4 station windows and 20 service clients on 50 shared lines, on PostgreSQL.

Run on demand (marker perf, not in CI):
    RMA_SOAK_SECONDS=60 .venv/bin/python -m pytest tests/perf/test_soak.py -m perf -s -p no:cacheprovider

For RMA_SOAK_SECONDS (600 by default):
- 4 MainWindows (offscreen, in this process, REAL worker threads) each correct counts
  through `StationContext.run` — the window's own path: worker thread, unit of work,
  request id — one action after the other, on lines picked at random;
- 20 service clients (separate processes, so they do not share this process's GIL with
  the UI thread) do the same through db.engine.run_in_transaction + perform_once, and
  every 25th action register a new return (the year's counter is the hottest row).
Each correction reads the line, then sets qty_counted + 1 with the version it read: a
collision is a ConflictError (counted, not a success).

Asserted afterwards: 0 lost updates (each line's count = its start + the successful
corrections of it), 0 duplicates (one action_request per successful action, RMA numbers
unique, as many returns as registrations), and the audit trail replayed (each line's
qty_counted changes chain old → new without a gap and end at the final value).
Printed: the longest stall of the UI thread during the soak (a 5 ms QTimer's largest
gap between ticks; with RMA_SOAK_STACKS=1 where it was, see StallMeter) beside the same
timer's on a bare Qt event loop in a process of its own running at the same time (the
machine's load alone), and on this process's loop before the load started; and the
longest garbage collection of this process (a full one stops every thread).
"""

from __future__ import annotations

import multiprocessing
import os
import random
import threading
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from sqlalchemy import create_engine, func, make_url, select, text  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from app.errors import ConflictError, DatabaseBusy, StationError  # noqa: E402
from app.services import returns as return_service  # noqa: E402
from app.services.requests import perform_once  # noqa: E402
from app.services.users import actor_for  # noqa: E402
from db.engine import make_engine, make_session_factory, run_in_transaction  # noqa: E402
from db.models import ActionRequest, AuditLog, Return, ReturnLine, User  # noqa: E402

PG_URL = os.environ.get("RMA_TEST_POSTGRES_URL", "")
SECONDS = float(os.environ.get("RMA_SOAK_SECONDS", "600"))
WINDOWS, CLIENTS, LINES = 4, 20, 50
START_QTY = 100

pytestmark = pytest.mark.perf


def _draft(n: int) -> return_service.ReturnDraft:
    from datetime import date

    return return_service.ReturnDraft(
        customer="华东电气设备有限公司", arrival_method="logistics", received_on=date(2026, 11, 2),
        order_no=f"SOAK-{n}", lines=[return_service.LineDraft(model="DZ47-63 C16", qty_counted=START_QTY)])


def _correct(actor: Any, line_id: int) -> Any:
    """One count correction on what this station read: the read and the write in one action."""

    def work(s: Session) -> int:
        line = s.get(ReturnLine, line_id)
        assert line is not None
        return_service.update_line_count(s, actor, line_id, qty_counted=line.qty_counted + 1,
                                         expected_version=line.version)
        return line_id
    return work


def _client(url: str, line_ids: list[int], seconds: float, seed: int) -> dict[str, Any]:
    """One service client (its own process): corrections and registrations until the time is up."""
    engine = make_engine(url, pool_size=1, max_overflow=0)
    factory = make_session_factory(engine)
    with factory() as s:
        actor = actor_for(s.scalars(select(User).filter_by(login="wh")).one(), station=f"client-{seed}")
    rng = random.Random(seed)
    ok: Counter[int] = Counter()
    registered: list[str] = []
    conflicts = busy = 0
    end = time.monotonic() + seconds
    n = 0
    while time.monotonic() < end:
        n += 1
        rid = str(uuid.uuid4())
        try:
            if n % 25 == 0:
                def reg(s: Session, n: int = n) -> str:
                    return return_service.receive_return(s, actor, _draft(seed * 1_000_000 + n)).rma_no
                registered.append(run_in_transaction(
                    factory, lambda s, reg=reg, rid=rid: perform_once(s, rid, "soak.register", "wh", reg)))
            else:
                lid = rng.choice(line_ids)
                work = _correct(actor, lid)
                run_in_transaction(factory, lambda s, work=work, rid=rid: perform_once(s, rid, "soak.count", "wh", work))
                ok[lid] += 1
        except ConflictError:
            conflicts += 1
        except DatabaseBusy:
            busy += 1
    engine.dispose()
    return {"ok": dict(ok), "registered": registered, "conflicts": conflicts, "busy": busy}


def _warm(_n: int) -> int:
    """A client process is up and has imported the station (before the meter starts)."""
    time.sleep(0.2)
    return os.getpid()


class GcMeter:
    """The longest garbage collection in this process while it runs (a full one stops
    every thread: the UI thread too), and how many full ones there were."""

    def __init__(self) -> None:
        self.longest = 0.0
        self.longest_gen = -1
        self.full = 0
        self._started = 0.0

    def _callback(self, phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            self._started = time.perf_counter()
            return
        took = time.perf_counter() - self._started
        if info.get("generation") == 2:
            self.full += 1
        if took > self.longest:
            self.longest, self.longest_gen = took, int(info.get("generation", -1))

    def start(self) -> None:
        import gc

        gc.callbacks.append(self._callback)

    def stop(self) -> None:
        import gc

        if self._callback in gc.callbacks:
            gc.callbacks.remove(self._callback)


class StallMeter:
    """A 5 ms QTimer on the UI thread: the largest gap between two ticks, less the interval.

    With RMA_SOAK_STACKS=1 a watchdog thread prints where the UI thread is when it has not
    ticked for 100 ms (to find what stalls it): its stack from the soak's loop on, and when
    it is inside Qt's C++ with no Python frame of its own, where the other threads are.
    """

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.longest = 0.0
        self._ui_thread = threading.get_ident()
        self._watch = os.environ.get("RMA_SOAK_STACKS") == "1"
        self._running = False
        self._last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self._last - 0.005)
        self._last = now

    def start(self) -> None:
        self._last = time.perf_counter()
        self.timer.start()
        self._running = True
        if self._watch:
            threading.Thread(target=self._watchdog, daemon=True).start()

    def stop(self) -> None:
        self.timer.stop()
        self._running = False

    def _watchdog(self) -> None:
        import sys
        import traceback

        reported, again = 0.0, 0.0
        while self._running:
            time.sleep(0.02)
            last, now = self._last, time.perf_counter()
            # once 100 ms into a stall, then every 2 s while it lasts
            if now - last > 0.1 and (last != reported or now - again > 2.0):
                reported, again = last, now
                frames = sys._current_frames()
                stack = traceback.extract_stack(frames.get(self._ui_thread))
                # from the soak's own loop on: what the station does inside processEvents
                at = max((i for i, f in enumerate(stack) if f.name == "_run_loop"), default=0)
                text = "".join(traceback.format_list(stack[at:]))
                if at == len(stack) - 1:
                    # in Qt's C++ (painting, or waiting for the GIL): where the other threads are
                    others = [traceback.extract_stack(f)[-1] for tid, f in frames.items()
                              if tid not in (self._ui_thread, threading.get_ident())]
                    text += "  other threads at: " + "; ".join(
                        f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in others) + "\n"
                print(f"UI thread stalled {now - last:.2f} s at:\n{text}", flush=True)


def _bare_loop(seconds: float, out: Any) -> None:
    """A bare Qt event loop in a process of its own, beside the soak: the same 5 ms timer,
    nothing else — what the machine's load alone does to a loop's ticks."""
    from PySide6.QtCore import QCoreApplication, QTimer

    app = QCoreApplication([])
    meter = StallMeter()
    meter.start()
    QTimer.singleShot(int(seconds * 1000), app.quit)
    app.exec()
    meter.stop()
    out.put(meter.longest)


def _run_loop(qapp: Any, seconds: float, until: Any = None) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end or (until is not None and not until()):
        qapp.processEvents()
        time.sleep(0.001)


@pytest.fixture
def soak_url(pg_template: str) -> Iterator[str]:
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    name = f"rma_soak_{os.getpid()}"
    with admin.connect() as c:
        c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        c.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{pg_template}"'))
    url = make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    yield url
    with admin.connect() as c:
        c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.mark.timeout(SECONDS + 1200)
def test_soak_four_windows_and_twenty_clients_on_fifty_lines(
        qapp: Any, soak_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ui.context import StationContext
    from ui.main_window import MainWindow
    from ui.settings import StationSettings, use_settings_folder
    from ui.worker import Worker

    monkeypatch.setattr(Worker, "synchronous", False)
    monkeypatch.setenv("RMA_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr("ui.errors.ask", lambda *a, **k: __import__(
        "PySide6.QtWidgets").QtWidgets.QMessageBox.StandardButton.No)
    use_settings_folder(tmp_path / "qsettings")
    engine = make_engine(soak_url, pool_size=10)
    factory = make_session_factory(engine)
    with factory() as s:
        wh = s.scalars(select(User).filter_by(login="wh")).one()
        actors = [actor_for(wh, station=f"window-{i}") for i in range(WINDOWS)]
    line_ids: list[int] = []
    for n in range(LINES):
        with factory.begin() as s:
            rma = return_service.receive_return(s, actors[0], _draft(n))
            line_ids.append(rma.lines[0].id)

    # a bare Qt event loop first: what the timer's stall is with nothing else going on
    idle = StallMeter()
    idle.start()
    _run_loop(qapp, min(10.0, max(2.0, SECONDS / 10)))
    idle.stop()

    windows = []
    for actor in actors:
        ctx = StationContext(factory, actor, StationSettings(), database="PostgreSQL: soak")
        w = MainWindow(ctx)
        w.show()
        windows.append(w)
    qapp.processEvents()

    window_ok: Counter[int] = Counter()
    window_conflicts = [0]
    window_busy = [0]
    window_actions = [0]
    rng = random.Random(7)
    stop = [False]
    running = [0]

    def next_action(w: Any) -> None:
        if stop[0]:
            return
        lid = rng.choice(line_ids)
        running[0] += 1

        def done(outcome: Any, lid: int = lid) -> None:
            running[0] -= 1
            if outcome.ok:
                window_ok[lid] += 1
                window_actions[0] += 1
            elif isinstance(outcome.error, ConflictError):
                window_conflicts[0] += 1
            elif isinstance(outcome.error, DatabaseBusy):
                window_busy[0] += 1
            elif isinstance(outcome.error, StationError):
                raise AssertionError(outcome.error)
            next_action(w)

        w.ctx.run(_correct(w.ctx.actor, lid), lines=[lid], on_done=done, key=None)

    ctx_spawn = multiprocessing.get_context("spawn")
    with ctx_spawn.Pool(CLIENTS) as pool:
        # the processes' start-up (20 interpreters importing on 2 cores) is not the soak's
        pool.map(_warm, range(CLIENTS * 2), chunksize=1)
        bare_out = ctx_spawn.Queue()
        bare = ctx_spawn.Process(target=_bare_loop, args=(SECONDS, bare_out))
        bare.start()
        pending = [pool.apply_async(_client, (soak_url, line_ids, SECONDS, i + 1)) for i in range(CLIENTS)]
        meter = StallMeter()
        meter.start()
        collections = GcMeter()
        collections.start()
        for w in windows:
            next_action(w)
        _run_loop(qapp, SECONDS)
        stop[0] = True
        _run_loop(qapp, 0, until=lambda: running[0] == 0)
        meter.stop()
        collections.stop()
        results = [p.get(timeout=SECONDS + 600) for p in pending]
        bare_longest = float(bare_out.get(timeout=600))
        bare.join(60)
    assert Worker.wait_all(60_000)
    for w in windows:
        w.close()

    # ---- what the database holds
    ok: Counter[int] = Counter(window_ok)
    registered: list[str] = []
    conflicts, busy = window_conflicts[0], window_busy[0]
    for r in results:
        ok.update({int(k): v for k, v in r["ok"].items()})
        registered += r["registered"]
        conflicts += r["conflicts"]
        busy += r["busy"]
    with factory() as s:
        final = {ln.id: ln.qty_counted for ln in s.scalars(select(ReturnLine).where(ReturnLine.id.in_(line_ids)))}
        lost = {lid: (START_QTY + ok[lid], final[lid]) for lid in line_ids if final[lid] != START_QTY + ok[lid]}
        requests = int(s.scalar(select(func.count()).select_from(ActionRequest)) or 0)
        numbers = list(s.scalars(select(Return.rma_no)))
        audit = s.execute(select(AuditLog.entity_id, AuditLog.old_value, AuditLog.new_value)
                          .where(AuditLog.entity == "line", AuditLog.field == "qty_counted",
                                 AuditLog.entity_id.in_(line_ids))
                          .order_by(AuditLog.id)).all()
    replayed = {lid: START_QTY for lid in line_ids}
    gaps = 0
    for lid, old, new in audit:
        if int(old) != replayed[lid]:
            gaps += 1
        replayed[lid] = int(new)
    total_ok = sum(ok.values())
    print(f"\nsoak {SECONDS:.0f} s: {WINDOWS} windows, {CLIENTS} client processes, {LINES} lines")
    print(f"  corrections saved {total_ok} (windows {window_actions[0]}), conflicts {conflicts}, "
          f"busy {busy}, registrations {len(registered)}")
    print(f"  lost updates {len(lost)}, duplicate numbers {len(numbers) - len(set(numbers))}, "
          f"audit gaps {gaps}")
    print(f"  longest UI-thread stall: {meter.longest * 1000:.1f} ms; a bare Qt event loop in its "
          f"own process meanwhile: {bare_longest * 1000:.1f} ms; the bare loop here before the "
          f"load: {idle.longest * 1000:.1f} ms")
    print(f"  longest garbage collection here: {collections.longest * 1000:.1f} ms (generation "
          f"{collections.longest_gen}); full collections {collections.full}")
    assert not lost, lost
    assert len(numbers) == len(set(numbers)) == LINES + len(registered)
    assert requests == total_ok + len(registered)  # one request row per action, none twice
    assert gaps == 0 and replayed == final
    assert total_ok > 0 and window_actions[0] > 0
    engine.dispose()
