"""The station's benchmark: every figure of the factory-scale table in one run.

    python3 tools/dev.py bench                          # 1 M lines on PostgreSQL, 200 k on SQLite
    RMA_BENCH_LINES=20000 python3 tools/dev.py bench    # small, for a check (SQLite gets a fifth)

It builds — or reuses, when the database's `bench_build` setting says it was built with the
same sizes — a PostgreSQL database of RMA_BENCH_LINES return lines (default 1,000,000) and a
SQLite one of RMA_BENCH_SQLITE_LINES (default 200,000), of demo data spread over
RMA_BENCH_YEARS years (default 4): the demo service fills RMA_BENCH_BASE_RETURNS returns
(passing `years=` when it takes that option), then tests/perf/support.grow_lines copies
them in SQL up to the size (each copy shifted by whole years when the demo could not span
them itself). Then for each database it prints, for every row of the table, our figure
beside its bare baseline in the same run, median and p95 of RMA_BENCH_REPEAT runs, and the
round trips our action costs; then the scan and the queue through a loopback proxy adding
20 ms per round trip (tests/perf/latency_proxy.py); then the growth table (scan, queue
first screen, search, monthly statistics at 10 k / 100 k / the full size).

Other sizes: RMA_BENCH_GROWTH=10000,100000,1000000; RMA_BENCH_IMPORT_ROWS (10,000),
RMA_BENCH_DEMO_RETURNS (20,000; the issue's 500,000 by setting it), RMA_BENCH_MEMORY_RETURNS
(80,000 returns browsed). Built databases stay for the next run (PostgreSQL: rma_bench_<lines>;
SQLite: RMA_BENCH_DIR, default ~/.cache/rma-station-bench). Nothing here asserts a time:
figures are printed; what is checked is that each side did the same work.
"""

from __future__ import annotations

import inspect
import itertools
import json
import os
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, make_url, text
from sqlalchemy.orm import sessionmaker

from app.services.demo import fill_demo
from tests.perf.support import PG_URL, RoundTrips, grow_lines, percentile, vacuum_analyze

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
TODAY = date(2026, 11, 23)
MARK_KEY = "bench_build"
SEARCH = os.environ.get("RMA_BENCH_SEARCH", "鹏达")


def _int(name: str, default: int) -> int:
    return int(os.environ.get(name, str(default)).replace("_", "").replace(",", ""))


LINES = _int("RMA_BENCH_LINES", 1_000_000)
SQLITE_LINES = _int("RMA_BENCH_SQLITE_LINES", 200_000 if LINES >= 1_000_000 else max(2_000, LINES // 5))
YEARS = _int("RMA_BENCH_YEARS", 4)
BASE_RETURNS = _int("RMA_BENCH_BASE_RETURNS", 50_000)
REPEAT = _int("RMA_BENCH_REPEAT", 20)
SLOW_REPEAT = _int("RMA_BENCH_SLOW_REPEAT", 5)  # whole commands and cold starts
# warm-up runs of an action inside the window before it is timed: a station repeats its
# statements all day on the same pooled connection, and their plans settle after ten runs
# there (psycopg prepares a statement at its fifth run, the server keeps a generic plan
# after five custom ones); a scan's first ten on a new connection are printed beside it
WARM = _int("RMA_BENCH_WARM", 10)
IMPORT_ROWS = _int("RMA_BENCH_IMPORT_ROWS", 10_000)
DEMO_RETURNS = _int("RMA_BENCH_DEMO_RETURNS", 20_000)
MEMORY_RETURNS = _int("RMA_BENCH_MEMORY_RETURNS", 80_000)
RTT_MS = float(os.environ.get("RMA_BENCH_RTT_MS", "20"))
BENCH_DIR = Path(os.environ.get("RMA_BENCH_DIR", str(Path.home() / ".cache" / "rma-station-bench")))


def _growth_sizes() -> list[int]:
    raw = os.environ.get("RMA_BENCH_GROWTH")
    if raw:
        return [int(x.strip().replace("_", "")) for x in raw.split(",") if x.strip()]
    if LINES >= 1_000_000:
        return [10_000, 100_000, LINES]
    return sorted({max(1_000, LINES // 100), max(2_000, LINES // 10), LINES})


# ---------------------------------------------------------------- building or reusing a database


def _base_returns(lines: int) -> int:
    return max(100, min(BASE_RETURNS, lines // 2))


def _spec(lines: int) -> str:
    return f"v1 lines={lines} years={YEARS} base={_base_returns(lines)} today={TODAY.isoformat()}"


def _mark(engine: Engine) -> str | None:
    try:
        with engine.connect() as c:
            return c.execute(text("SELECT value FROM setting WHERE key = :k"), {"k": MARK_KEY}).scalar()
    except Exception:  # no such table yet, or not a station database: build it
        return None


def _reused(engine: Engine) -> str:
    """A reused database brought to this code's schema, as `db upgrade` brings a station's."""
    from db.migrate import current_revision, needs_upgrade, upgrade

    if not needs_upgrade(engine):
        return "reused (its bench_build mark matches)"
    was = current_revision(engine)
    t0 = time.perf_counter()
    upgrade(engine)
    vacuum_analyze(engine)
    return (
        f"reused (its bench_build mark matches), upgraded {was} → {current_revision(engine)} "
        f"in {time.perf_counter() - t0:.0f} s"
    )


def _fill(engine: Engine, lines: int) -> str:
    """The demo's returns, then copies in SQL up to `lines`; what was done, for the report."""
    from db.engine import make_session_factory

    factory = make_session_factory(engine)
    base = _base_returns(lines)
    kwargs: dict[str, Any] = {"today": TODAY}
    demo_years = "years" in inspect.signature(fill_demo).parameters
    if demo_years:
        kwargs["years"] = YEARS  # the demo spans the years itself (and fast, by COPY)
    t0 = time.perf_counter()
    fill_demo(factory, base, **kwargs)
    filled = time.perf_counter() - t0
    t0 = time.perf_counter()
    copies = grow_lines(engine, lines, years=1 if demo_years else YEARS)
    grown = time.perf_counter() - t0
    vacuum_analyze(engine)
    from db.models import Setting

    with factory.begin() as s:
        s.add(Setting(key=MARK_KEY, value=_spec(lines)))
    how = "over the years by the demo" if demo_years else f"copies shifted over {YEARS} years"
    return f"built: demo of {base:,} returns {filled:.0f} s, {copies} copies in SQL {grown:.0f} s ({how})"


def _fresh_schema(engine: Engine) -> None:
    from app.services.seed import seed_reference
    from db.engine import make_session_factory
    from db.migrate import upgrade

    upgrade(engine)
    with make_session_factory(engine).begin() as s:
        seed_reference(s)


def pg_database(lines: int) -> tuple[str, str]:
    """The URL of a PostgreSQL bench database of `lines` lines (built once, then reused)."""
    from db.engine import make_engine

    name = f"rma_bench_{lines}"
    url = make_url(PG_URL).set(database=name)
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as c:
            exists = c.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).scalar()
        if exists:
            engine = make_engine(url)
            try:
                if _mark(engine) == _spec(lines):
                    return url.render_as_string(hide_password=False), _reused(engine)
            finally:
                engine.dispose()
        with admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            c.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        admin.dispose()
    engine = make_engine(url)
    try:
        _fresh_schema(engine)
        how = _fill(engine, lines)
    finally:
        engine.dispose()
    return url.render_as_string(hide_password=False), how


def sqlite_database(lines: int) -> tuple[str, str]:
    from db.engine import make_engine

    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    path = BENCH_DIR / f"rma_bench_{lines}.sqlite3"
    url = f"sqlite:///{path.as_posix()}"
    if path.exists():
        engine = make_engine(url)
        try:
            if _mark(engine) == _spec(lines):
                return url, _reused(engine)
        finally:
            engine.dispose()
        path.unlink()
    engine = make_engine(url)
    try:
        _fresh_schema(engine)
        how = _fill(engine, lines)
    finally:
        engine.dispose()
    return url, how


@contextmanager
def scratch_database(backend: str) -> Iterator[str]:
    """An empty, migrated, seeded database for the import and demo rows; removed after."""
    from db.engine import make_engine

    if backend == "sqlite":
        folder = Path(tempfile.mkdtemp(prefix="rma-bench-"))
        url = f"sqlite:///{(folder / 'scratch.sqlite3').as_posix()}"
        engine = make_engine(url)
        _fresh_schema(engine)
        engine.dispose()
        try:
            yield url
        finally:
            for p in folder.iterdir():
                p.unlink()
            folder.rmdir()
        return
    name = f"rma_bench_scratch_{os.getpid()}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        c.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(PG_URL).set(database=name)
    engine = make_engine(url)
    _fresh_schema(engine)
    engine.dispose()
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def describe(engine: Engine) -> str:
    with engine.connect() as c:
        returns, lines, first, last = c.execute(text(
            "SELECT (SELECT count(*) FROM rma_return), (SELECT count(*) FROM return_line), "
            "(SELECT min(received_on) FROM rma_return), (SELECT max(received_on) FROM rma_return)")).one()
        queued = c.execute(text("SELECT count(*) FROM return_line WHERE status IN ('inspection', 'decision')")).scalar()
    return f"{returns:,} returns, {lines:,} lines ({queued:,} in the QA queue), received {first} … {last}"


# ---------------------------------------------------------------- figures


@dataclass
class Figure:
    ours: list[float]
    bare: list[float] | None = None
    trips: int | None = None
    note: str = ""

    @staticmethod
    def fmt(values: list[float] | None, unit: str = "ms") -> str:
        if not values:
            return "—"
        scale = 1000 if unit == "ms" else 1
        med, p95 = percentile(values, 50) * scale, percentile(values, 95) * scale
        if unit == "ms":
            return f"{med:,.1f} / {p95:,.1f} ms"
        if unit == "MB":
            return f"{med:,.0f} MB"
        return f"{med:,.2f} / {p95:,.2f} s"


def timed(fn: Callable[[], Any], repeat: int) -> tuple[list[float], Any]:
    """Times of `repeat` runs after one warm-up run, and the last result."""
    result = fn()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return times, result


def both(ours: Callable[[], Any], bare: Callable[[], Any], repeat: int, *, warm: int = 1,
         cold: list[float] | None = None) -> tuple[list[float], list[float]]:
    """Ours and the bare baseline, run alternately, each after `warm` warm-up runs (whose
    own times go to `cold` when given)."""
    for _ in range(warm):
        t0 = time.perf_counter()
        ours()
        if cold is not None:
            cold.append(time.perf_counter() - t0)
        bare()
    o, b = [], []
    for _ in range(repeat):
        t0 = time.perf_counter()
        ours()
        o.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        bare()
        b.append(time.perf_counter() - t0)
    return o, b


def trips(engine: Engine, fn: Callable[[], Any]) -> int:
    """The round trips of one action, with the reads it left running on pool threads."""
    with RoundTrips(engine) as rt:
        fn()
        from PySide6.QtWidgets import QApplication

        from ui.worker import Worker

        Worker.wait_all()
        QApplication.processEvents()  # their answers delivered (and what those ask for)
        Worker.wait_all()
    return rt.count


class Replay:
    """The bare baseline of a list: the same SQL statements our call sent, through the
    DB-API cursor, into a plain QStandardItemModel shown in a plain QTableView."""

    def __init__(self, engine: Engine, fn: Callable[[], Any], view: Any) -> None:
        self.engine = engine
        self.sent: list[tuple[str, Any]] = []
        from sqlalchemy import event

        def record(_c: Any, _cur: Any, statement: str, params: Any, _ctx: Any, many: bool) -> None:
            self.sent.append((statement, params))

        event.listen(engine, "before_cursor_execute", record)
        try:
            fn()
        finally:
            event.remove(engine, "before_cursor_execute", record)
        self.view = view

    def __call__(self) -> int:
        from PySide6.QtGui import QStandardItem, QStandardItemModel

        raw = self.engine.raw_connection()
        try:
            cur = raw.cursor()
            rows: list[Any] = []
            for statement, params in self.sent:
                cur.execute(statement, params)
                if cur.description is not None:
                    got = cur.fetchall()
                    if len(got) > len(rows):
                        rows = got
            raw.rollback()
        finally:
            raw.close()
        model = QStandardItemModel(len(rows), len(rows[0]) if rows else 0)
        for r, values in enumerate(rows):
            for c, v in enumerate(values):
                model.setItem(r, c, QStandardItem("" if v is None else str(v)))
        self.view.setModel(model)
        self.view.viewport().repaint()
        return len(rows)


class Station:
    """A logged-in window on one database (offscreen Qt, reads on real pool threads)."""

    def __init__(self, url: str, login: str = "admin", start_tab: str = "inspection") -> None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtWidgets import QApplication, QTableView

        from app.services import lookups
        from app.services.users import actor_for
        from db.engine import make_engine, make_session_factory
        from ui.context import StationContext
        from ui.main_window import MainWindow
        from ui.worker import Worker

        self.app = QApplication.instance() or QApplication([])
        Worker.synchronous = False
        self.engine = make_engine(url)
        self.factory: sessionmaker[Any] = make_session_factory(self.engine)
        with self.factory() as s:
            actor = actor_for(lookups.user_by_login(s, login), station="bench/qa")
        self.ctx = StationContext(self.factory, actor, None, database="bench")
        self.window = MainWindow(self.ctx, start_tab=start_tab)
        self.window.resize(1366, 768)
        self.window.show()
        self.app.processEvents()
        self.bare_view = QTableView()
        self.bare_view.resize(1366, 600)
        self.bare_view.show()

    def close(self) -> None:
        from PySide6.QtCore import QCoreApplication, QEvent

        from ui.worker import Worker

        Worker.wait_all()
        self.window.close()
        self.bare_view.close()
        # deleted, not only closed: a window left alive would go on reading in the next figures
        self.window.deleteLater()
        self.bare_view.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        self.app.processEvents()
        self.engine.dispose()

    def wait_loaded(self, model: Any, heartbeat: list[float] | None = None) -> None:
        """Run the event loop until the model's reads ended (no sleep: the model says so).
        With `heartbeat`, a 5 ms timer records the longest the UI thread went unanswered."""
        from PySide6.QtCore import QEventLoop, QTimer

        timer = None
        if heartbeat is not None:
            last = [time.perf_counter()]
            timer = QTimer()
            timer.setInterval(5)

            def tick() -> None:
                now = time.perf_counter()
                heartbeat.append(now - last[0])
                last[0] = now

            timer.timeout.connect(tick)
            timer.start()
        if model.loading:
            loop = QEventLoop()

            def ended(busy: bool) -> None:
                if not busy:
                    loop.quit()

            model.loadingChanged.connect(ended)
            if model.loading:
                loop.exec()
            model.loadingChanged.disconnect(ended)
        if timer is not None:
            timer.stop()
            heartbeat.append(time.perf_counter() - last[0])

    def first_screen(self, tab: Any, model: Any, action: Callable[[], None],
                     heartbeat: list[float] | None = None) -> None:
        action()
        self.wait_loaded(model, heartbeat)
        view = getattr(tab.ui, "queueView", None) or tab.ui.returnsView
        view.viewport().repaint()


def _inspection_barcodes(engine: Engine, n: int) -> list[str]:
    with engine.connect() as c:
        return list(c.execute(text("SELECT barcode FROM return_line WHERE status = 'inspection' "
                                   "ORDER BY id DESC LIMIT :n"), {"n": n}).scalars())


SCAN_BARE = text("""SELECT l.id, l.barcode, r.rma_no, c.name, p.model, l.qty_counted, l.unit, l.status,
    l.customer_reason, l.lot_no, r.received_on, l.due_on FROM return_line l
    JOIN rma_return r ON r.id = l.return_id JOIN customer c ON c.id = r.customer_id
    JOIN product p ON p.id = l.product_id WHERE l.barcode = :b""")

MONTH_BARE = text("""SELECT l.liability_code, count(l.id), coalesce(sum(l.qty_counted), 0), sum(l.amount),
    sum(l.refund_amount), sum(l.material_cost), sum(l.labour_cost), sum(l.other_cost), sum(l.scrapped_value),
    sum(l.loss_cost) FROM return_line l JOIN rma_return r ON r.id = l.return_id
    WHERE r.received_on >= :a AND r.received_on < :b AND r.status <> 'cancelled' GROUP BY l.liability_code""")


def busiest_month(engine: Engine) -> str:
    month = "strftime('%Y-%m', received_on)" if engine.dialect.name == "sqlite" else "to_char(received_on, 'YYYY-MM')"
    with engine.connect() as c:
        return c.execute(text(f"SELECT {month} m FROM rma_return GROUP BY m ORDER BY count(*) DESC LIMIT 1")).scalar()


def scan_figure(st: Station, repeat: int) -> Figure:
    from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

    codes = _inspection_barcodes(st.engine, repeat + 1)
    if not codes:
        return Figure([], note="no line waits for inspection")
    bench = st.window.show_tab("inspection")
    form = QWidget()
    layout = QVBoxLayout(form)
    fields = [QLineEdit() for _ in range(12)]
    for f in fields:
        layout.addWidget(f)
    form.show()
    it = itertools.cycle(codes)

    def ours() -> None:
        code = next(it)
        from ui.worker import Worker

        st.window.handle_scan(code)
        # the label's look-up, then the line's read, each on a pool thread: wait for each
        # answer to be delivered (no sleep), until the form shows the scanned line
        for _ in range(10):
            st.app.processEvents()
            if bench.line is not None and bench.line.get("barcode") == code:
                break
            Worker.wait_all()
        bench.repaint()
        assert bench.line is not None and bench.line.get("barcode") == code, code

    def bare() -> None:
        with st.engine.connect() as c:
            row = c.execute(SCAN_BARE, {"b": codes[0]}).one()
        for f, v in zip(fields, row, strict=True):
            f.setText("" if v is None else str(v))
        form.repaint()

    cold: list[float] = []
    o, b = both(ours, bare, min(repeat, len(codes) - 1), warm=WARM, cold=cold)
    n = trips(st.engine, ours)
    form.close()
    first = (f"the first {len(cold)} on a new connection: {Figure.fmt(cold)}" if cold else "")
    return Figure(o, b, n, note=first)


def monthly_figure(engine: Engine, factory: Any, repeat: int) -> tuple[Figure, str]:
    from app.reports import monthly

    month = busiest_month(engine)
    start, end = monthly.month_bounds(month)

    def ours() -> Any:
        with factory() as s:
            return monthly.monthly_report(s, month)

    def bare() -> Any:
        with engine.connect() as c:
            return c.execute(MONTH_BARE, {"a": start, "b": end}).all()

    o, b = both(ours, bare, repeat, warm=WARM)
    return Figure(o, b, trips(engine, ours)), month


def command_figure(url: str, month: str, repeat: int) -> Figure:
    env = dict(os.environ, RMA_DATABASE_URL=url)
    exe = BIN / "rma-station"
    ours_cmd = [str(exe), "report", "monthly", "--month", month, "--json"]
    bare_script = textwrap.dedent(f"""
        import json, sys
        from datetime import date
        from sqlalchemy import create_engine, text
        e = create_engine(sys.argv[1])
        y, m = map(int, sys.argv[2].split("-"))
        a, b = date(y, m, 1), date(y + (m == 12), m % 12 + 1, 1)
        with e.connect() as c:
            rows = c.execute(text({MONTH_BARE.text!r}), {{"a": a, "b": b}}).all()
        print(json.dumps([[str(v) for v in r] for r in rows]))
    """)
    bare_cmd = [sys.executable, "-c", bare_script, url, month]

    def run(cmd: list[str]) -> None:
        done = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=ROOT)
        if done.returncode:
            raise RuntimeError(done.stderr[-800:])
        json.loads(done.stdout)

    o, b = both(lambda: run(ours_cmd), lambda: run(bare_cmd), repeat)
    return Figure(o, b)


def queue_figures(st: Station, repeat: int) -> dict[str, Figure]:
    from app.services.queues import LineQuery, LineQueue, ReturnQuery

    out: dict[str, Figure] = {}
    bench = st.window.show_tab("inspection")
    model = bench.model
    plain = LineQuery(queue=LineQueue.INSPECTION)
    searched = LineQuery(queue=LineQueue.INSPECTION, search=SEARCH)
    model.set_query(plain)
    st.wait_loaded(model)

    def open_queue() -> None:  # the tab shown again, F5: the first page and the count read anew
        st.first_screen(bench, model, model.reload)

    def reads(query: Any) -> Callable[[], Any]:
        from app.services import queues

        def fn() -> Any:
            with st.factory() as s:
                return queues.line_page(s, query), queues.count_lines(s, query)
        return fn

    bare = Replay(st.engine, reads(plain), st.bare_view)
    o, b = both(open_queue, bare, repeat, warm=WARM)
    out["queue"] = Figure(o, b, trips(st.engine, open_queue), note=f"{model.total:,} queued")

    frozen: list[float] = []

    def search() -> None:
        model.set_query(plain)
        st.wait_loaded(model)
        beats: list[float] = []
        st.first_screen(bench, model, lambda: model.set_query(searched), beats)
        frozen.append(max(beats) - 0.005 if beats else 0.0)

    bare_search = Replay(st.engine, reads(searched), st.bare_view)
    o, b = both(search, bare_search, repeat, warm=WARM)
    model.set_query(plain)
    st.wait_loaded(model)
    searching = trips(st.engine, lambda: st.first_screen(bench, model, lambda: model.set_query(searched)))
    out["search"] = Figure(o, b, searching,
                           note=f"UI frozen at most {max(frozen) * 1000:.0f} ms, p95 {percentile(frozen, 95) * 1000:.0f} ms")

    desk = st.window.show_tab("incoming")
    dmodel = desk.list_model
    waiting, every = ReturnQuery(), ReturnQuery(statuses=(), search=SEARCH)

    def return_reads(query: Any) -> Callable[[], Any]:
        from app.services import queues

        def fn() -> Any:
            with st.factory() as s:
                return queues.return_page(s, query), queues.count_returns(s, query)
        return fn

    def open_desk() -> None:
        st.first_screen(desk, dmodel, dmodel.reload)

    dmodel.set_query(waiting)
    st.wait_loaded(dmodel)
    o, b = both(open_desk, Replay(st.engine, return_reads(waiting), st.bare_view), repeat, warm=WARM)
    out["desk"] = Figure(o, b, trips(st.engine, open_desk))

    def search_all() -> None:
        dmodel.set_query(waiting)
        st.wait_loaded(dmodel)
        st.first_screen(desk, dmodel, lambda: dmodel.set_query(every))

    o, b = both(search_all, Replay(st.engine, return_reads(every), st.bare_view), repeat, warm=WARM)
    dmodel.set_query(waiting)
    st.wait_loaded(dmodel)
    out["search_all"] = Figure(o, b, trips(st.engine, lambda: st.first_screen(desk, dmodel,
                                                                              lambda: dmodel.set_query(every))))
    dmodel.set_query(waiting)
    st.wait_loaded(dmodel)
    return out


# ---------------------------------------------------------------- in a fresh process

_COLD = textwrap.dedent("""
    import os, sys, time
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from ui.app import preload_core
    preload_core()  # as ui.app.run_gui starts
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from ui.settings import StationSettings, use_settings_folder
    use_settings_folder(sys.argv[1])
    from ui.first_start import open_station_database
    settings = StationSettings()
    opened = open_station_database(settings)
    from app.services import lookups
    from app.services.users import actor_for
    from ui.app import make_context
    from ui.main_window import MainWindow
    from PySide6.QtCore import QEventLoop
    with opened.factory() as s:
        actor = actor_for(lookups.user_by_login(s, "admin"), station="bench/desk")
    window = MainWindow(make_context(opened.factory, actor, settings, "zh_CN", opened.description))
    window.show()
    tab = window.ui.tabs.currentWidget()
    model = getattr(tab, "model", None) or getattr(tab, "list_model", None)
    if model.loading:
        loop = QEventLoop()
        model.loadingChanged.connect(lambda busy: None if busy else loop.quit())
        if model.loading:
            loop.exec()
    window.repaint()
    print("READY", model.rowCount(), flush=True)
    sys.stdin.readline()
""")

_COLD_BARE = textwrap.dedent("""
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from sqlalchemy import create_engine, text
    app = QApplication([])
    engine = create_engine(sys.argv[1])
    with engine.connect() as c:
        rows = c.execute(text("SELECT r.id, r.rma_no, r.received_on, c.name, r.status, r.urgency "
                              "FROM rma_return r JOIN customer c ON c.id = r.customer_id "
                              "WHERE r.status IN ('received', 'confirmed') "
                              "ORDER BY r.received_on DESC, r.id DESC LIMIT 200")).all()
    model = QStandardItemModel(len(rows), 6)
    for i, r in enumerate(rows):
        for j, v in enumerate(r):
            model.setItem(i, j, QStandardItem(str(v)))
    w = QMainWindow(); view = QTableView(); view.setModel(model); w.setCentralWidget(view)
    w.resize(1366, 768); w.show(); app.processEvents(); w.repaint()
    print("READY", len(rows), flush=True)
    sys.stdin.readline()
""")


def _until_ready(cmd: list[str], env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    line = proc.stdout.readline() if proc.stdout else ""
    elapsed = time.perf_counter() - t0
    out, err = proc.communicate("\n", timeout=120)
    if not line.startswith("READY"):
        raise RuntimeError(f"{cmd[:3]} did not start: {err[-800:]}")
    return elapsed


def cold_start_figure(url: str, repeat: int) -> Figure:
    env = dict(os.environ, RMA_DATABASE_URL=url, PYTHONPATH=str(ROOT))
    env.pop("RMA_WORKER_SYNC", None)
    # an installed station starts from bytecode (PyInstaller ships it), as the bare baseline's
    # libraries do from their installed __pycache__; a checkout run under PYTHONDONTWRITEBYTECODE
    # would compile each of our modules at every start instead: compile them once, first
    subprocess.run([sys.executable, "-m", "compileall", "-q", "app", "db", "ui", "forms", "main.py"],
                   cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    o, b = [], []
    with tempfile.TemporaryDirectory() as folder:
        for i in range(repeat + 1):
            ours = _until_ready([sys.executable, "-c", _COLD, f"{folder}/s{i}"], env)
            bare = _until_ready([sys.executable, "-c", _COLD_BARE, url], env)
            if i:  # the first of each warms the disk cache
                o.append(ours)
                b.append(bare)
    return Figure(o, b)


_MEMORY = textwrap.dedent("""
    import os, sys, resource
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QEventLoop, QModelIndex
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from app.services import lookups
    from app.services.queues import ReturnQuery
    from app.services.users import actor_for
    from db.engine import make_engine, make_session_factory
    from ui.context import StationContext
    from ui.main_window import MainWindow
    from ui.worker import Worker
    Worker.synchronous = False
    factory = make_session_factory(make_engine(sys.argv[1]))
    limit_lines, limit_returns = int(sys.argv[2]), int(sys.argv[3])
    with factory() as s:
        actor = actor_for(lookups.user_by_login(s, "admin"), station="bench")
    window = MainWindow(StationContext(factory, actor, None, database="bench"), start_tab="inspection")
    window.resize(1366, 768); window.show()

    def wait(model):
        if model.loading:
            loop = QEventLoop()
            model.loadingChanged.connect(lambda busy: None if busy else loop.quit())
            if model.loading:
                loop.exec()

    def browse(model, view, limit):
        wait(model)
        while model.rowCount() < limit and model.canFetchMore(QModelIndex()):
            view.scrollToBottom()          # the user drags the scroll bar to the end
            app.processEvents()            # the view paints the rows in sight, asks for more
            if model.canFetchMore(QModelIndex()):
                model.fetchMore(QModelIndex())
            wait(model)
        view.scrollToBottom(); app.processEvents(); view.viewport().repaint()
        return model.rowCount()

    bench = window.tabs["inspection"]
    lines = browse(bench.model, bench.ui.queueView, limit_lines)
    window.show_tab("incoming")
    desk = window.tabs["incoming"]
    desk.list_model.set_query(ReturnQuery(statuses=()))
    returns = browse(desk.list_model, desk.ui.returnsView, limit_returns)
    status = dict(l.split(":", 1) for l in open("/proc/self/status") if ":" in l)
    rss = int(status["VmRSS"].split()[0]) / 1024
    print("MEMORY", f"{rss:.0f}", lines, returns, bench.model.held_rows() + desk.list_model.held_rows(), flush=True)
""")

_MEMORY_BARE = textwrap.dedent("""
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication, QTableView
    from sqlalchemy import create_engine, text
    app = QApplication([])
    engine = create_engine(sys.argv[1])
    with engine.connect() as c:
        lines = c.execute(text("SELECT l.id, l.barcode, l.return_id, r.rma_no, l.line_no, cu.name, p.model, "
                               "l.qty_counted, l.unit, l.customer_reason, l.status, r.urgency, r.received_on, "
                               "l.due_on, l.rework_planned_on, l.liability_code, l.disposition, l.loss_cost, "
                               "l.version FROM return_line l JOIN rma_return r ON r.id = l.return_id "
                               "JOIN customer cu ON cu.id = r.customer_id JOIN product p ON p.id = l.product_id "
                               "WHERE l.status IN ('inspection', 'decision') LIMIT :n"),
                          {"n": int(sys.argv[2])}).all()
        returns = c.execute(text("SELECT r.id, r.rma_no, r.received_on, cu.name, r.arrival_method, r.urgency, "
                                 "r.status, r.version FROM rma_return r JOIN customer cu ON cu.id = r.customer_id "
                                 "ORDER BY r.received_on DESC, r.id DESC LIMIT :n"), {"n": int(sys.argv[3])}).all()
    view = QTableView(); view.resize(1366, 768); view.show(); app.processEvents()
    status = dict(l.split(":", 1) for l in open("/proc/self/status") if ":" in l)
    rss = int(status["VmRSS"].split()[0]) / 1024
    print("MEMORY", f"{rss:.0f}", len(lines), len(returns), len(lines) + len(returns), flush=True)
""")


def memory_figure(url: str) -> Figure:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.pop("RMA_WORKER_SYNC", None)
    limit_lines = 10**9  # the whole QA queue
    out = {}
    for name, script in (("ours", _MEMORY), ("bare", _MEMORY_BARE)):
        done = subprocess.run([sys.executable, "-c", script, url, str(limit_lines), str(MEMORY_RETURNS)],
                              env=env, cwd=ROOT, capture_output=True, text=True, timeout=3600)
        line = next((ln for ln in done.stdout.splitlines() if ln.startswith("MEMORY")), "")
        if not line:
            raise RuntimeError(done.stderr[-800:])
        _tag, rss, lines, returns, held = line.split()
        out[name] = (float(rss), int(lines), int(returns), int(held))
    (o_rss, lines, returns, held), (b_rss, *_rest) = out["ours"], out["bare"]
    return Figure([o_rss], [b_rss], note=f"browsed {lines:,} queue lines + {returns:,} returns; "
                                          f"the models hold {held:,} rows whole")


def import_figure(backend: str) -> Figure:
    from openpyxl import load_workbook

    from app.excel.importer import import_workbook
    from app.services import lookups
    from app.services.users import actor_for
    from db.engine import make_engine, make_session_factory, unit_of_work
    from tests.unit.excel.test_import_concurrency import workbook

    with scratch_database(backend) as url, tempfile.TemporaryDirectory() as folder:
        path = workbook(Path(folder) / "legacy.xlsx", IMPORT_ROWS, "B")
        engine = make_engine(url)
        factory = make_session_factory(engine)
        with factory() as s:
            qa = actor_for(lookups.user_by_login(s, "qa"), station="bench")
        t0 = time.perf_counter()
        with unit_of_work(factory) as s:
            result = import_workbook(s, qa, path)
        ours = time.perf_counter() - t0
        assert result.returns_created == IMPORT_ROWS
        # bare: read every cell, then one executemany of the rows into a table of as many columns
        t0 = time.perf_counter()
        ws = load_workbook(path, read_only=True).worksheets[0]
        rows = [tuple("" if v is None else str(v) for v in r) for r in ws.iter_rows(values_only=True)]
        bare_read = time.perf_counter() - t0
        width = max(len(r) for r in rows)
        raw = engine.raw_connection()
        try:
            cur = raw.cursor()
            cols = ", ".join(f"c{i} TEXT" for i in range(width))
            cur.execute(f"CREATE TEMP TABLE bench_rows ({cols})")
            mark = "?" if backend == "sqlite" else "%s"
            cur.executemany(f"INSERT INTO bench_rows VALUES ({', '.join([mark] * width)})",
                            [r + ("",) * (width - len(r)) for r in rows])
            raw.commit()
        finally:
            raw.close()
        bare = time.perf_counter() - t0
        engine.dispose()
    return Figure([ours], [bare], note=f"{IMPORT_ROWS:,} rows; bare read of the workbook alone {bare_read:.2f} s")


def export_figure(url: str) -> Figure:
    from openpyxl import Workbook

    from app.excel.export import COLUMNS, export_returns
    from db.engine import make_engine, make_session_factory
    from tests.perf.test_reports_perf import BARE_EXPORT

    engine = make_engine(url)
    factory = make_session_factory(engine)
    with tempfile.TemporaryDirectory() as folder:
        t0 = time.perf_counter()
        with factory() as s:
            written = export_returns(s, Path(folder) / "ours.xlsx", include_cancelled=True)
        ours = time.perf_counter() - t0
        t0 = time.perf_counter()
        raw = engine.raw_connection()
        try:
            cur = raw.cursor()
            cur.execute(BARE_EXPORT)
            wb = Workbook(write_only=True)
            ws = wb.create_sheet("lines")
            ws.append([c.zh for c in COLUMNS])
            n = 0
            while chunk := cur.fetchmany(2000):
                for values in chunk:
                    ws.append(values)
                n += len(chunk)
            raw.rollback()
        finally:
            raw.close()
        wb.save(Path(folder) / "bare.xlsx")
        bare = time.perf_counter() - t0
    engine.dispose()
    assert written == n
    return Figure([ours], [bare], note=f"{n:,} lines, {ours / bare:.2f}× bare")


DEMO_TABLES = ("rma_return", "return_line", "rework_material", "rework_labour", "liaison_note", "corrective_action")


def demo_figure(backend: str) -> Figure:
    from db.engine import make_engine, make_session_factory

    with scratch_database(backend) as url:
        engine = make_engine(url)
        t0 = time.perf_counter()
        fill_demo(make_session_factory(engine), DEMO_RETURNS, today=TODAY)
        ours = time.perf_counter() - t0
        # bare: every row the fill wrote (returns, lines, rework rows, notes, 8Ds — not only
        # the lines), inserted again with one executemany per table into a plain copy
        raw = engine.raw_connection()
        bare, written, lines = 0.0, 0, 0
        try:
            cur = raw.cursor()
            mark = "?" if backend == "sqlite" else "%s"
            for table in DEMO_TABLES:
                cur.execute(f"SELECT * FROM {table}")
                cols = [d[0] for d in cur.description]
                rows = cur.fetchall()
                if backend == "sqlite":
                    cur.execute(f"CREATE TEMP TABLE bench_{table} AS SELECT * FROM {table} WHERE 0")
                else:
                    cur.execute(f"CREATE TEMP TABLE bench_{table} (LIKE {table} INCLUDING DEFAULTS)")
                t0 = time.perf_counter()
                cur.executemany(f"INSERT INTO bench_{table} ({', '.join(cols)}) "
                                f"VALUES ({', '.join([mark] * len(cols))})", rows)
                bare += time.perf_counter() - t0
                written += len(rows)
                lines = len(rows) if table == "return_line" else lines
            t0 = time.perf_counter()
            raw.commit()
            bare += time.perf_counter() - t0
        finally:
            raw.close()
        engine.dispose()
    return Figure([ours], [bare], note=f"{DEMO_RETURNS:,} returns, {lines:,} lines, {written:,} rows in all; "
                  f"{ours / bare:.1f}× bare")


# ---------------------------------------------------------------- the tables

ROWS = [
    ("scan", "scan → line shown in its form", "p95 ≤ 20 ms", "indexed SELECT + fill widgets"),
    ("monthly", "monthly statistics, query time", "≤ 100 ms", "by-liability GROUP BY"),
    ("command", "`report monthly --json`, whole command", "≤ 0.6 s", "bare command"),
    ("queue", "QA queue, first screen", "≤ 50 ms", "same SQL + plain table"),
    ("desk", "desk list, first screen", "≤ 50 ms", "same SQL + plain table"),
    ("search", f"QA queue search “{SEARCH}”", "≤ 150 ms, UI never frozen", "same SQL + plain table"),
    ("search_all", "search over all returns", "≤ 150 ms", "same SQL + plain table"),
    ("cold", "cold start → window with first list", "≤ 1.5 s", "bare QMainWindow + table"),
    ("memory", "memory after browsing the queue + returns", "≤ 250 MB", "bare PySide6 + same rows"),
    ("import", "legacy import", "≤ 10 s at 10,000", "read every cell + executemany"),
    ("export", "xlsx export", "≤ 1.15× bare", "bare openpyxl loop"),
    ("demo", "demo fill", "≤ 2× bare", "bare executemany of the same rows"),
]
UNITS = {"command": "s", "cold": "s", "memory": "MB", "import": "s", "export": "s", "demo": "s"}


def print_table(title: str, figures: dict[str, Figure]) -> None:
    print(f"\n{title}")
    print("| figure | goal | ours (median / p95) | bare baseline | round trips | |")
    print("|---|---|---|---|---|---|")
    for key, label, goal, bare_label in ROWS:
        f = figures.get(key)
        if f is None:
            continue
        unit = UNITS.get(key, "ms")
        bare = f"{bare_label} {Figure.fmt(f.bare, unit)}" if f.bare else "—"
        print(f"| {label} | {goal} | {Figure.fmt(f.ours, unit)} | {bare} | "
              f"{f.trips if f.trips is not None else ''} | {f.note} |", flush=True)


def measure_station(url: str, backend: str, *, full: bool = True) -> dict[str, Figure]:
    figures: dict[str, Figure] = {}
    st = Station(url)
    try:
        figures["scan"] = scan_figure(st, REPEAT)
        figures.update(queue_figures(st, REPEAT))
        figures["monthly"], month = monthly_figure(st.engine, st.factory, REPEAT)
    finally:
        st.close()
    if full:
        figures["command"] = command_figure(url, month, SLOW_REPEAT)
        figures["cold"] = cold_start_figure(url, SLOW_REPEAT)
        figures["memory"] = memory_figure(url)
    return figures


def latency_figures(url: str) -> dict[str, Figure]:
    from tests.perf.latency_proxy import LatencyProxy

    parsed = make_url(url)
    with LatencyProxy(parsed.host or "127.0.0.1", parsed.port or 5432, rtt_ms=RTT_MS) as proxy:
        slow = parsed.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
        st = Station(slow)
        try:
            out = {"scan": scan_figure(st, max(5, REPEAT // 2))}
            out.update(queue_figures(st, max(5, REPEAT // 2)))
        finally:
            st.close()
    return {k: v for k, v in out.items() if k in ("scan", "queue", "desk", "search")}


def growth(sizes: list[int]) -> None:
    rows: dict[str, list[str]] = {"scan → form": [], "QA queue, first screen": [], f"search “{SEARCH}”": [],
                                  "monthly statistics": [], "(lines in the QA queue)": []}
    for lines in sizes:
        url, how = pg_database(lines)
        print(f"  growth database of {lines:,} lines: {how}", flush=True)
        st = Station(url)
        try:
            scan = scan_figure(st, max(5, REPEAT // 2))
            q = queue_figures(st, max(5, REPEAT // 2))
            month, _m = monthly_figure(st.engine, st.factory, max(5, REPEAT // 2))
            with st.engine.connect() as c:
                queued = c.execute(text("SELECT count(*) FROM return_line "
                                        "WHERE status IN ('inspection', 'decision')")).scalar()
        finally:
            st.close()
        for label, f in zip(list(rows)[:4], (scan, q["queue"], q["search"], month), strict=True):
            rows[label].append(Figure.fmt(f.ours))
        rows["(lines in the QA queue)"].append(f"{queued:,}")
    print("\nGrowth on PostgreSQL (ours, median / p95):")
    print("| action | " + " | ".join(f"{n:,} lines" for n in sizes) + " |")
    print("|---|" + "---|" * len(sizes))
    for label, cells in rows.items():
        print(f"| {label} | " + " | ".join(cells) + " |")


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    t_all = time.perf_counter()
    print(f"RMA Station benchmark: PostgreSQL {LINES:,} lines, SQLite {SQLITE_LINES:,} lines, demo over "
          f"{YEARS} years; {REPEAT} runs a figure ({SLOW_REPEAT} for commands and cold starts)", flush=True)
    results: list[tuple[str, dict[str, Figure]]] = []
    if PG_URL:
        url, how = pg_database(LINES)
        from db.engine import make_engine

        engine = make_engine(url)
        print(f"\nPostgreSQL database: {describe(engine)} — {how}", flush=True)
        engine.dispose()
        figures = measure_station(url, "postgresql")
        figures["import"] = import_figure("postgresql")
        sizes = _growth_sizes()
        export_url = pg_database(min(sizes, key=lambda n: abs(n - 100_000)))[0]
        figures["export"] = export_figure(export_url)
        figures["demo"] = demo_figure("postgresql")
        print_table(f"PostgreSQL, {LINES:,} lines", figures)
        results.append(("postgresql", figures))
        print_table(f"PostgreSQL through a loopback proxy adding {RTT_MS:.0f} ms per round trip "
                    "(goals: scan → form ≤ 100 ms, queue first screen ≤ 150 ms)", latency_figures(url))
    else:
        print("! RMA_TEST_POSTGRES_URL is not set: the PostgreSQL half is left out", flush=True)
    url, how = sqlite_database(SQLITE_LINES)
    from db.engine import make_engine

    engine = make_engine(url)
    print(f"\nSQLite database: {describe(engine)} — {how}", flush=True)
    engine.dispose()
    figures = measure_station(url, "sqlite")
    figures["import"] = import_figure("sqlite")
    print_table(f"SQLite, {SQLITE_LINES:,} lines", figures)
    if PG_URL:
        growth(_growth_sizes())
    print(f"\n(the whole run: {time.perf_counter() - t_all:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
