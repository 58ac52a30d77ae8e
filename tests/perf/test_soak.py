"""Soak benchmark: 4 station windows and 20 service clients on 50 shared lines, on PostgreSQL.

Run on demand (marker perf, not in CI):
    RMA_SOAK_SECONDS=60 .venv/bin/python -m pytest tests/perf/test_soak.py -m perf -s -p no:cacheprovider

For RMA_SOAK_SECONDS (600 by default):
- 4 MainWindows, each in a process of its own (a station is a computer of its own: its UI
  thread shares its interpreter's GIL with its own worker threads only), offscreen, with
  REAL worker threads, each correct counts through `StationContext.run` — the window's
  own path: worker thread, unit of work, request id — one action after the other, on
  lines picked at random;
- 20 service clients (separate processes too) do the same through
  db.engine.run_in_transaction + perform_once, and every 25th action register a new
  return (the year's counter is the hottest row).
Each correction reads the line, then sets qty_counted + 1 with the version it read: a
collision is a ConflictError (counted, not a success). Every process sends what it did
back to this one through a Queue.

Asserted afterwards: 0 lost updates (each line's count = its start + the successful
corrections of it), 0 duplicates (one action_request per successful action, RMA numbers
unique, as many returns as registrations), and the audit trail replayed (each line's
qty_counted changes chain old → new without a gap and end at the final value); no window
process met a bug.
Printed: the longest stall of each window's UI thread during the soak (a 5 ms QTimer's
largest gap between ticks; with RMA_SOAK_STACKS=1 where it was, see StallMeter) and their
maximum, beside the same timer's on a bare Qt event loop in a process of its own running
at the same time (the machine's load alone), and on each window's loop, open and idle,
before the load started; and the longest garbage collection of each window process (a
full one stops every thread).
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
    every thread: the UI thread too) in wall time and in the collecting thread's CPU time
    (far below the wall time: the process waited for a core meanwhile), and how many full
    ones there were."""

    def __init__(self) -> None:
        self.longest = self.longest_cpu = 0.0
        self.longest_gen = -1
        self.full = 0
        self._started = self._started_cpu = 0.0

    def _callback(self, phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            self._started, self._started_cpu = time.perf_counter(), time.thread_time()
            return
        took, cpu = time.perf_counter() - self._started, time.thread_time() - self._started_cpu
        if info.get("generation") == 2:
            self.full += 1
        if took > self.longest:
            self.longest, self.longest_gen = took, int(info.get("generation", -1))
        self.longest_cpu = max(self.longest_cpu, cpu)

    def start(self) -> None:
        import gc

        gc.callbacks.append(self._callback)

    def stop(self) -> None:
        import gc

        if self._callback in gc.callbacks:
            gc.callbacks.remove(self._callback)


class StallMeter:
    """A 5 ms QTimer on the UI thread: the largest gap between two ticks, less the interval.

    With RMA_SOAK_STACKS=1 a watchdog thread looks at the UI thread every 100 ms while it
    has not ticked for 100 ms (to find what stalls it): its stack from the soak's loop on,
    and when it is inside Qt's C++ with no Python frame of its own, where the other threads
    are. It prints the first look of each stall and one every 2 s while it lasts, and keeps
    the looks of the longest stall (`longest_where`) for the report.
    """

    def __init__(self, label: str = "") -> None:
        from PySide6.QtCore import QTimer

        self.label = label
        self.longest = 0.0
        #: the UI thread's own CPU time during the longest stall, and the whole process's
        #: (all its threads): near the stall's length, work was done there (on the UI thread:
        #: ours or Qt's; elsewhere: the workers held the GIL); far below it, the process
        #: waited for a core (the machine's load)
        self.longest_cpu = self.longest_process_cpu = 0.0
        self.longest_where: list[str] = []
        #: the most CPU time the UI thread spent between two ticks (the work it did itself —
        #: ours or Qt's — whatever the machine's load), that stall's length, and where it was
        self.busiest = self.busiest_gap = 0.0
        self.busiest_where: list[str] = []
        self._cpu = time.thread_time()
        self._process_cpu = time.process_time()
        self._ui_thread = threading.get_ident()
        self._watch = os.environ.get("RMA_SOAK_STACKS") == "1"
        self._running = False
        self._last = time.perf_counter()
        self._looks: list[str] = []  # of the stall under way (since _looked_at)
        self._looked_at = -1.0
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now, cpu, process_cpu = time.perf_counter(), time.thread_time(), time.process_time()
        gap = now - self._last - 0.005
        looked = self._looks if self._looked_at == self._last else []
        if gap > self.longest:
            self.longest = gap
            self.longest_cpu, self.longest_process_cpu = cpu - self._cpu, process_cpu - self._process_cpu
            self.longest_where = list(looked)
        if cpu - self._cpu > self.busiest:
            self.busiest, self.busiest_gap, self.busiest_where = cpu - self._cpu, gap, list(looked)
        self._last, self._cpu, self._process_cpu = now, cpu, process_cpu

    def start(self) -> None:
        self._last, self._cpu, self._process_cpu = time.perf_counter(), time.thread_time(), time.process_time()
        self.timer.start()
        self._running = True
        if self._watch:
            threading.Thread(target=self._watchdog, daemon=True).start()

    def stop(self) -> None:
        self.timer.stop()
        self._running = False

    def _look(self) -> str:
        import sys
        import traceback

        frames = sys._current_frames()
        ui_cpu = time.clock_gettime(time.pthread_getcpuclockid(self._ui_thread)) - self._cpu
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
        return (f"  (UI thread's CPU since its last tick {ui_cpu * 1000:.0f} ms, the process's "
                f"{(time.process_time() - self._process_cpu) * 1000:.0f} ms)\n" + text)

    def _watchdog(self) -> None:
        printed = 0.0
        while self._running:
            time.sleep(0.02)
            last, now = self._last, time.perf_counter()
            if now - last <= 0.1:
                continue
            if self._looked_at != last:
                self._looked_at, self._looks, looked = last, [], 0.0
            if now - looked < 0.1:
                continue
            looked = now
            text = self._look()
            if self._looked_at != self._last:
                continue  # it ticked meanwhile: the look is of what came after the stall
            self._looks.append(f"{now - last:.2f} s in:\n{text}")
            # once 100 ms into a stall, then every 2 s while it lasts
            if len(self._looks) == 1 or now - printed > 2.0:
                printed = now
                print(f"{self.label}UI thread stalled {now - last:.2f} s at:\n{text}", flush=True)


class _Failures:
    """What goes to sys.excepthook in a window process (a bug in an action: ui.errors'
    crash dialog in the station) is kept, for the test to fail on."""

    def __init__(self) -> None:
        self.texts: list[str] = []

    def hook(self, kind: type[BaseException], exc: BaseException, tb: Any) -> None:
        import traceback

        self.texts.append("".join(traceback.format_exception(kind, exc, tb)))


def _window_process(url: str, line_ids: list[int], seconds: float, index: int, folder: str,
                    idle_seconds: float, idle: Any, go: Any, out: Any) -> None:
    """One station: its own QApplication (offscreen) and MainWindow for its own user, its
    corrections through StationContext.run for `seconds` once `go` is set; its UI thread's
    longest stall measured by a StallMeter (and, open but idle, once `idle` is set, before
    the load). Sends ("ready", index), ("idle", index, stall) and ("done", index, results)."""
    import sys

    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ["RMA_DATA_DIR"] = str(Path(folder) / "data")
    from PySide6.QtWidgets import QApplication, QMessageBox

    qapp = QApplication([f"soak-window-{index}"])
    import ui.errors
    from ui.context import StationContext
    from ui.live import _first_list_of
    from ui.main_window import MainWindow
    from ui.settings import StationSettings, use_settings_folder
    from ui.worker import Worker

    Worker.synchronous = False
    ui.errors.ask = lambda *a, **k: QMessageBox.StandardButton.No  # type: ignore[assignment]
    failures = _Failures()
    sys.excepthook = failures.hook
    use_settings_folder(Path(folder) / "qsettings")
    engine = make_engine(url, pool_size=10)
    factory = make_session_factory(engine)
    with factory() as s:
        actor = actor_for(s.scalars(select(User).filter_by(login="wh")).one(), station=f"window-{index}")
    w = MainWindow(StationContext(factory, actor, StationSettings(), database="PostgreSQL: soak"))
    w.show()
    model = _first_list_of(w)
    _run_loop(qapp, 1.0, until=lambda: not getattr(model, "loading", False) and Worker.wait_all(0))
    out.put(("ready", index))

    label = f"[window {index}] "
    _run_loop(qapp, 0, until=idle.is_set)
    idle_meter = StallMeter(label)
    idle_meter.start()
    _run_loop(qapp, idle_seconds)
    idle_meter.stop()
    out.put(("idle", index, idle_meter.longest))

    ok: Counter[int] = Counter()
    counts = {"conflicts": 0, "busy": 0, "actions": 0}
    rng = random.Random(7 + index)
    stop = [False]
    running = [0]

    def next_action() -> None:
        if stop[0]:
            return
        lid = rng.choice(line_ids)
        running[0] += 1

        def done(outcome: Any, lid: int = lid) -> None:
            running[0] -= 1
            if outcome.ok:
                ok[lid] += 1
                counts["actions"] += 1
            elif isinstance(outcome.error, ConflictError):
                counts["conflicts"] += 1
            elif isinstance(outcome.error, DatabaseBusy):
                counts["busy"] += 1
            elif isinstance(outcome.error, StationError):
                failures.texts.append(f"refused: {outcome.error!r}")
            next_action()

        w.ctx.run(_correct(w.ctx.actor, lid), lines=[lid], on_done=done, key=None)

    _run_loop(qapp, 0, until=go.is_set)
    meter = StallMeter(label)
    meter.start()
    collections = GcMeter()
    collections.start()
    started_cpu, started, started_ui = time.process_time(), time.monotonic(), time.thread_time()
    next_action()
    _run_loop(qapp, seconds)
    stop[0] = True
    _run_loop(qapp, 0, until=lambda: running[0] == 0)
    meter.stop()
    collections.stop()
    took = time.monotonic() - started
    cpu_share, ui_share = (time.process_time() - started_cpu) / took, (time.thread_time() - started_ui) / took
    if not Worker.wait_all(60_000):
        failures.texts.append("the window's background work did not end within 60 s")
    w.close()
    qapp.processEvents()
    engine.dispose()
    out.put(("done", index, {
        "ok": dict(ok), "registered": [], "conflicts": counts["conflicts"], "busy": counts["busy"],
        "actions": counts["actions"], "failures": failures.texts,
        "stall": meter.longest, "where": meter.longest_where, "stall_cpu": meter.longest_cpu,
        "stall_process_cpu": meter.longest_process_cpu, "cpu_share": cpu_share, "ui_share": ui_share,
        "busiest": meter.busiest, "busiest_gap": meter.busiest_gap, "busiest_where": meter.busiest_where,
        "gc": collections.longest, "gc_cpu": collections.longest_cpu, "gc_gen": collections.longest_gen,
        "gc_full": collections.full}))


def _bare_loop(seconds: float, go: Any, out: Any) -> None:
    """A bare Qt event loop in a process of its own, beside the soak: the same 5 ms timer,
    nothing else — what the machine's load alone does to a loop's ticks."""
    from PySide6.QtCore import QCoreApplication, QTimer

    app = QCoreApplication([])
    out.put(("ready", -1))
    go.wait()
    meter = StallMeter("[bare loop] ")
    meter.start()
    QTimer.singleShot(int(seconds * 1000), app.quit)
    app.exec()
    meter.stop()
    out.put(("bare", -1, meter.longest))


def _run_loop(qapp: Any, seconds: float, until: Any = None) -> None:
    """The window's event loop — QApplication.exec, as at a station — for `seconds`, then
    until `until()` is true (checked every 20 ms)."""
    from PySide6.QtCore import QTimer

    end = time.monotonic() + seconds

    def due() -> None:
        if time.monotonic() >= end and (until is None or until()):
            qapp.quit()

    check = QTimer()
    check.setInterval(20)
    check.timeout.connect(due)
    check.start()
    qapp.exec()
    check.stop()


def _collect(out: Any, kind: str, count: int, processes: list[Any], timeout: float) -> dict[int, Any]:
    """`count` messages of `kind` from the processes' queue, by sender; fails when one of
    the processes died meanwhile instead of waiting for the timeout."""
    import queue

    got: dict[int, Any] = {}
    end = time.monotonic() + timeout
    while len(got) < count:
        try:
            message = out.get(timeout=1.0)
        except queue.Empty:
            dead = [p.name for p in processes if p.exitcode not in (None, 0)]
            assert not dead, f"died before sending {kind!r}: {dead}"
            assert time.monotonic() < end, f"{kind!r}: {len(got)} of {count} within {timeout:.0f} s"
            continue
        assert message[0] == kind, message
        got[message[1]] = message[2] if len(message) > 2 else None
    return got


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
def test_soak_four_windows_and_twenty_clients_on_fifty_lines(soak_url: str, tmp_path: Path) -> None:
    engine = make_engine(soak_url, pool_size=2)
    factory = make_session_factory(engine)
    with factory() as s:
        wh = s.scalars(select(User).filter_by(login="wh")).one()
        first = actor_for(wh, station="soak-setup")
    line_ids: list[int] = []
    for n in range(LINES):
        with factory.begin() as s:
            rma = return_service.receive_return(s, first, _draft(n))
            line_ids.append(rma.lines[0].id)

    idle_seconds = min(10.0, max(2.0, SECONDS / 10))
    ctx_spawn = multiprocessing.get_context("spawn")
    out, bare_out = ctx_spawn.Queue(), ctx_spawn.Queue()
    idle, go = ctx_spawn.Event(), ctx_spawn.Event()
    stations = [ctx_spawn.Process(target=_window_process, name=f"window-{i}", args=(
        soak_url, line_ids, SECONDS, i, str(tmp_path / f"window-{i}"), idle_seconds, idle, go, out))
        for i in range(WINDOWS)]
    bare = ctx_spawn.Process(target=_bare_loop, name="bare-loop", args=(SECONDS, go, bare_out))
    try:
        with ctx_spawn.Pool(CLIENTS) as pool:
            # the processes' start-up (interpreters importing on 2 cores, windows opening) is
            # not the soak's: every one is up and idle before the meters start
            pool.map(_warm, range(CLIENTS * 2), chunksize=1)
            for p in (*stations, bare):
                p.start()
            _collect(out, "ready", WINDOWS, stations, 600)
            _collect(bare_out, "ready", 1, [bare], 600)
            idle.set()  # each window's loop, open, with nothing going on
            idle_stalls = _collect(out, "idle", WINDOWS, stations, idle_seconds + 600)
            go.set()
            pending = [pool.apply_async(_client, (soak_url, line_ids, SECONDS, i + 1)) for i in range(CLIENTS)]
            windows = _collect(out, "done", WINDOWS, stations, SECONDS + 600)
            results = [p.get(timeout=600) for p in pending]
            bare_longest = float(_collect(bare_out, "bare", 1, [bare], 600)[-1])
    finally:
        idle.set()
        go.set()
        for p in (*stations, bare):
            p.join(60)
            if p.is_alive():
                p.kill()

    # ---- what the database holds
    ok: Counter[int] = Counter()
    registered: list[str] = []
    conflicts = busy = 0
    for r in [*windows.values(), *results]:
        ok.update({int(k): v for k, v in r["ok"].items()})
        registered += r["registered"]
        conflicts += r["conflicts"]
        busy += r["busy"]
    window_actions = sum(r["actions"] for r in windows.values())
    with factory() as s:
        final = {ln.id: ln.qty_counted for ln in s.scalars(select(ReturnLine).where(ReturnLine.id.in_(line_ids)))}
        lost = {lid: (START_QTY + ok[lid], final[lid]) for lid in line_ids if final[lid] != START_QTY + ok[lid]}
        requests = int(s.scalar(select(func.count()).select_from(ActionRequest)) or 0)
        numbers = list(s.scalars(select(Return.rma_no)))
        audit = s.execute(select(AuditLog.entity_id, AuditLog.old_value, AuditLog.new_value)
                          .where(AuditLog.entity == "line", AuditLog.field == "qty_counted",
                                 AuditLog.entity_id.in_(line_ids))
                          .order_by(AuditLog.id)).all()
    engine.dispose()
    replayed = {lid: START_QTY for lid in line_ids}
    gaps = 0
    for lid, old, new in audit:
        if int(old) != replayed[lid]:
            gaps += 1
        replayed[lid] = int(new)
    total_ok = sum(ok.values())
    order = sorted(windows)
    stalls = [windows[i]["stall"] for i in order]
    worst = max(order, key=lambda i: windows[i]["stall"])

    def ms(values: list[float]) -> str:
        return " / ".join(f"{v * 1000:.1f}" for v in values)

    print(f"\nsoak {SECONDS:.0f} s: {WINDOWS} windows (a process each), {CLIENTS} client processes, "
          f"{LINES} lines")
    print(f"  corrections saved {total_ok} (windows {window_actions}: "
          f"{' / '.join(str(windows[i]['actions']) for i in order)}), conflicts {conflicts}, "
          f"busy {busy}, registrations {len(registered)}")
    print(f"  lost updates {len(lost)}, duplicate numbers {len(numbers) - len(set(numbers))}, "
          f"audit gaps {gaps}")
    print(f"  longest UI-thread stall of each window process: {ms(stalls)} ms, max {max(stalls) * 1000:.1f} ms "
          f"(window {worst}); a bare Qt event loop in its own process meanwhile: {bare_longest * 1000:.1f} ms")
    shares = " / ".join(f"{windows[i]['cpu_share'] * 100:.0f}" for i in order)
    ui_shares = " / ".join(f"{windows[i]['ui_share'] * 100:.1f}" for i in order)
    print(f"  CPU each window process used during the soak: {shares} % of a core; its UI thread: {ui_shares} %")
    print(f"  CPU during each window's longest stall, its UI thread's: {ms([windows[i]['stall_cpu'] for i in order])} "
          f"ms, its whole process's: {ms([windows[i]['stall_process_cpu'] for i in order])} ms")
    busiest = max(order, key=lambda i: windows[i]["busiest"])
    print(f"  the most CPU each window's UI thread spent between two ticks (its own work, whatever "
          f"the load): {ms([windows[i]['busiest'] for i in order])} ms, in stalls of "
          f"{ms([windows[i]['busiest_gap'] for i in order])} ms")
    print(f"  each window's loop, open and idle, before the load ({idle_seconds:.0f} s): "
          f"{ms([idle_stalls[i] for i in order])} ms")
    print(f"  longest garbage collection of each window process: {ms([windows[i]['gc'] for i in order])} ms "
          f"(generation {' / '.join(str(windows[i]['gc_gen']) for i in order)}); the most CPU one took: "
          f"{ms([windows[i]['gc_cpu'] for i in order])} ms; full collections "
          f"{' / '.join(str(windows[i]['gc_full']) for i in order)}")
    if windows[worst]["where"]:
        print(f"  where window {worst}'s longest stall was (RMA_SOAK_STACKS=1, a look every 100 ms):")
        for look in windows[worst]["where"]:
            print("    " + look.replace("\n", "\n    ").rstrip())
    elif os.environ.get("RMA_SOAK_STACKS") == "1":
        print(f"  window {worst}'s longest stall had no look: its watchdog thread did not run during it "
              f"either (all the process's threads together ran "
              f"{windows[worst]['stall_process_cpu'] * 1000:.1f} ms in it: it waited for a core)")
    if windows[busiest]["busiest_where"] and windows[busiest]["busiest_where"] != windows[worst]["where"]:
        print(f"  where window {busiest}'s busiest stretch was:")
        for look in windows[busiest]["busiest_where"]:
            print("    " + look.replace("\n", "\n    ").rstrip())
    failures = {i: windows[i]["failures"] for i in order if windows[i]["failures"]}
    assert not failures, failures
    assert not lost, lost
    assert len(numbers) == len(set(numbers)) == LINES + len(registered)
    assert requests == total_ok + len(registered)  # one request row per action, none twice
    assert gaps == 0 and replayed == final
    assert total_ok > 0 and window_actions > 0
