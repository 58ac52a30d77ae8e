"""What the database benchmarks share: a big PostgreSQL database, timing, EXPLAIN.

- `bench_database` makes a database of its own from the suite's migrated, seeded template
  (tests/conftest.py), fills it with fill_demo and drops it afterwards;
- `grow_lines` makes it bigger in SQL, copying the demo's returns with their lines and
  rework rows (INSERT … SELECT, new ids, RMA numbers and labels), with the same dates and
  states: a station with several times the demo's throughput;
- `compare` times our call and the bare baseline alternately (median of a few runs);
- `Statements` records the SQL our call sent, and `explain_slow` prints the plan of each
  statement that took longer than RMA_BENCH_EXPLAIN_MS (EXPLAIN ANALYZE).
"""

from __future__ import annotations

import math
import os
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Engine, create_engine, event, make_url, text

from app.services.demo import fill_demo
from db.engine import make_engine, make_session_factory

PG_URL = os.environ.get("RMA_TEST_POSTGRES_URL", "")
TODAY = date(2026, 11, 23)
REPEAT = int(os.environ.get("RMA_BENCH_REPEAT", "5"))
EXPLAIN_MS = float(os.environ.get("RMA_BENCH_EXPLAIN_MS", "50"))


@contextmanager
def bench_database(template: str, name: str, returns: int) -> Iterator[Engine]:
    """A fresh database copied from `template`, with `returns` demo returns; dropped after."""
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    db = f"{name}_{os.getpid()}"
    with admin.connect() as c:
        c.execute(text(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)'))
        c.execute(text(f'CREATE DATABASE "{db}" TEMPLATE "{template}"'))
    engine = make_engine(make_url(PG_URL).set(database=db))
    try:
        fill_demo(make_session_factory(engine), returns, today=TODAY)
        yield engine
    finally:
        engine.dispose()
        with admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)'))
        admin.dispose()


def _columns(cur: Any, table: str, sqlite: bool = False) -> list[str]:
    return [name for name, _type in _column_types(cur, table, sqlite)]


def _column_types(cur: Any, table: str, sqlite: bool = False) -> list[tuple[str, str]]:
    if sqlite:
        cur.execute(f"PRAGMA table_info({table})")
        return [(r[1], str(r[2]).lower()) for r in cur.fetchall()]
    cur.execute("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = %s "
                "AND table_schema = current_schema() ORDER BY ordinal_position", (table,))
    return [(r[0], r[1]) for r in cur.fetchall()]


def grow_lines(engine: Engine, target: int, *, years: int = 1) -> int:
    """Copy the returns already there (whole returns, with their lines and rework rows) until
    the database holds at least `target` lines; returns how many copies were made.

    Copy k shifts every id by k × the original maximum and every RMA number's sequence by
    k × the highest number used, so numbers, labels and ids stay unique; states are kept,
    and so are the dates — unless `years` > 1: then copy k's dates lie (k mod years) years
    earlier, so the data spans `years` years as a factory's would (a month is a small part
    of the table). The RMA counters and id sequences are moved past the copies. On
    PostgreSQL and on SQLite.
    """
    sqlite = engine.dialect.name == "sqlite"
    ph = "?" if sqlite else "%s"
    raw = engine.raw_connection()
    try:
        cur = raw.cursor()

        def one(sql: str, *params: Any) -> Any:
            cur.execute(sql.replace("%s", ph), params)
            return cur.fetchone()[0]

        lines = base_lines = one("SELECT count(*) FROM return_line")
        r_max = one("SELECT max(id) FROM rma_return")
        l_max = one("SELECT max(id) FROM return_line")
        m_max = one("SELECT coalesce(max(id), 0) FROM rework_material")
        w_max = one("SELECT coalesce(max(id), 0) FROM rework_labour")
        seq_max = one("SELECT max(last_value) FROM rma_counter")
        types = {t: _column_types(cur, t, sqlite)
                 for t in ("rma_return", "return_line", "rework_material", "rework_labour")}
        cols = {t: [c for c, _ in v] for t, v in types.items()}
        dates = {t: [c for c, ty in v if ty == "date"] for t, v in types.items()}
        copies = 0
        while lines < target:
            if (copies + 2) * seq_max > 999_999:
                raise ValueError("RMA numbers have six digits: fill more demo returns to grow that far")
            copies += 1
            k = copies
            back = k % years if years > 1 else 0
            need = target - lines
            # the last copy takes the first returns (in id order) that hold the lines still needed
            cut = r_max if need >= base_lines else one(
                "SELECT max(return_id) FROM (SELECT return_id FROM return_line WHERE id <= %s "
                "ORDER BY id LIMIT %s) x", l_max, need)

            def renumber(expr: str, k: int = k) -> str:  # 'RMA-2026-000123' → sequence + k × seq_max
                number = f"CAST(substr({expr}, 10, 6) AS INTEGER) + {k * seq_max}"
                padded = f"printf('%06d', {number})" if sqlite else f"lpad(({number})::text, 6, '0')"
                return f"substr({expr}, 1, 9) || {padded}"

            def shifted(table: str, alias: str, back: int = back) -> dict[str, str]:
                if not back:
                    return {}
                return {c: (f"date({alias}.{c}, '-{back} years')" if sqlite
                            else f"({alias}.{c} - interval '{back} years')::date") for c in dates[table]}

            def copy(table: str, alias: str, changed: dict[str, str], tail: str, *params: Any) -> int:
                changed = {**shifted(table, alias), **changed}
                exprs = ", ".join(changed.get(c, f"{alias}.{c}") for c in cols[table])
                cur.execute(f"INSERT INTO {table} ({', '.join(cols[table])}) SELECT {exprs} {tail}".replace("%s", ph),
                            params)
                return cur.rowcount

            copy("rma_return", "r", {"id": f"r.id + {k * r_max}", "rma_no": renumber("r.rma_no")},
                 "FROM rma_return r WHERE r.id <= %s", cut)
            lines += copy("return_line", "l",
                          {"id": f"l.id + {k * l_max}", "return_id": f"l.return_id + {k * r_max}",
                           "barcode": renumber("l.barcode") + " || substr(l.barcode, 16)"},
                          "FROM return_line l WHERE l.id <= %s AND l.return_id <= %s", l_max, cut)
            for table, alias, top in (("rework_material", "m", m_max), ("rework_labour", "w", w_max)):
                copy(table, alias, {"id": f"{alias}.id + {k * top}", "line_id": f"{alias}.line_id + {k * l_max}"},
                     f"FROM {table} {alias} JOIN return_line l ON l.id = {alias}.line_id "
                     f"WHERE {alias}.id <= %s AND l.id <= %s AND l.return_id <= %s", top, l_max, cut)
            raw.commit()
        cur.execute(f"UPDATE rma_counter SET last_value = last_value + {ph}", (copies * seq_max,))
        if not sqlite:
            for table in ("rma_return", "return_line", "rework_material", "rework_labour"):
                cur.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                            f"(SELECT coalesce(max(id), 1) FROM {table}))")
        raw.commit()
    finally:
        raw.close()
    return copies


def vacuum_analyze(engine: Engine) -> None:
    """What autovacuum would have done by the time anyone opens a list: statistics, visibility."""
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
        c.execute(text("ANALYZE" if engine.dialect.name == "sqlite" else "VACUUM ANALYZE"))


def sizes(engine: Engine) -> dict[str, Any]:
    with engine.connect() as c:
        one = c.execute(text(
            "SELECT (SELECT count(*) FROM rma_return), (SELECT count(*) FROM return_line), "
            "pg_size_pretty(pg_database_size(current_database())), "
            "pg_size_pretty(pg_total_relation_size('return_line')), "
            "pg_size_pretty(pg_total_relation_size('rma_return')), "
            "(SELECT min(received_on) FROM rma_return), (SELECT max(received_on) FROM rma_return)")).one()
    return dict(returns=one[0], lines=one[1], db=one[2], line_table=one[3], return_table=one[4],
                first=one[5], last=one[6])


def describe(s: dict[str, Any]) -> str:
    return (f"{s['returns']:,} returns, {s['lines']:,} lines, received {s['first']} … {s['last']}; "
            f"database {s['db']} (return_line {s['line_table']}, rma_return {s['return_table']} with indexes)")


# ---------------------------------------------------------------- timing


@dataclass
class Timing:
    ours: float  # median seconds
    bare: float
    ours_result: Any = None
    bare_result: Any = None

    @property
    def ratio(self) -> float:
        return self.ours / self.bare if self.bare else float("inf")


def compare(ours: Callable[[], Any], bare: Callable[[], Any], repeat: int = REPEAT) -> Timing:
    """Median wall time of each, run alternately after one warm-up run of each."""
    o_res, b_res = ours(), bare()
    o_times, b_times = [], []
    for _ in range(repeat):
        t0 = time.perf_counter()
        o_res = ours()
        o_times.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        b_res = bare()
        b_times.append(time.perf_counter() - t0)
    return Timing(statistics.median(o_times), statistics.median(b_times), o_res, b_res)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def row(label: str, t: Timing, note: str = "") -> str:
    return f"  {label:<44} ours {ms(t.ours)}  |  bare SQL {ms(t.bare)}  ({t.ratio:4.1f}x){note}"


# ---------------------------------------------------------------- EXPLAIN


@dataclass
class Statements:
    """The SQL statements sent through `engine` while the block runs (for EXPLAIN)."""

    engine: Engine
    sent: list[tuple[str, Any]] = field(default_factory=list)

    def _record(self, _conn: Any, _cursor: Any, statement: str, parameters: Any, _ctx: Any,
                executemany: bool) -> None:
        if not executemany:
            self.sent.append((statement, parameters))

    def __enter__(self) -> Statements:
        event.listen(self.engine, "before_cursor_execute", self._record)
        return self

    def __exit__(self, *exc: Any) -> None:
        event.remove(self.engine, "before_cursor_execute", self._record)


PLAN_WORDS = ("Scan", "Join", "Sort", "Nested Loop", "Aggregate", "Limit", "Gather", "Hash",
              "Memoize", "Materialize", "Filter", "Cond", "Rows Removed", "Execution Time")


def explain(engine: Engine, statement: str, parameters: Any) -> tuple[float, list[str]]:
    """EXPLAIN ANALYZE of one statement: its execution time in ms and the plan's telling lines."""
    raw = engine.raw_connection()
    try:
        cur = raw.cursor()
        cur.execute("EXPLAIN (ANALYZE, BUFFERS) " + statement, parameters)
        plan = [r[0] for r in cur.fetchall()]
        raw.rollback()
    finally:
        raw.close()
    total = next(float(p.split()[2]) for p in plan if p.startswith("Execution Time"))
    keep = [p for p in plan if any(w in p for w in PLAN_WORDS) and "Buffers" not in p]
    return total, keep


def explain_slow(engine: Engine, sent: list[tuple[str, Any]], *, limit_ms: float = EXPLAIN_MS,
                 width: int = 150) -> list[str]:
    """Print the plan of every statement in `sent` whose EXPLAIN ANALYZE took over `limit_ms`."""
    out = []
    for statement, parameters in sent:
        total, plan = explain(engine, statement, parameters)
        if total < limit_ms:
            continue
        head = " ".join(statement.split())[:110]
        out.append(f"      EXPLAIN ANALYZE {total:.0f} ms: {head} …")
        out.extend("        " + p[:width] for p in plan[:28])
    for line in out:
        print(line)
    return out


def scans(engine: Engine, sent: list[tuple[str, Any]]) -> str:
    """A one-line summary of how the statements read the tables (which scans, which joins)."""
    seen: list[str] = []
    total = 0.0
    for statement, parameters in sent:
        ms_, plan = explain(engine, statement, parameters)
        total += ms_
        for p in plan:
            if "(cost=" not in p:  # plan nodes only, not their conditions
                continue
            node = p.strip().removeprefix("->").strip().split("  (")[0]
            if ("Scan" in node or "Join" in node or "Nested Loop" in node) and node not in seen \
                    and not node.endswith(("customer", "product", "customer_1", "product_1")):
                seen.append(node)
    return f"{total:.0f} ms in the server: " + "; ".join(seen)


# ---------------------------------------------------------------- round trips, percentiles


@dataclass
class RoundTrips:
    """How many times a block waited for the server: statements sent, BEGIN and COMMIT /
    ROLLBACK where the driver sends them, and the pool's liveness ping at each checkout.

    psycopg sends BEGIN as a query of its own before the first statement of a transaction,
    and COMMIT / ROLLBACK only for a transaction it began: a read on an autocommit
    connection (db.engine.run_read) sends neither. So on PostgreSQL each is counted from
    the connection's own transaction status at the moment, not from SQLAlchemy's events
    alone (which fire for an autocommit connection too). On SQLite, in the same process,
    the statements (BEGIN IMMEDIATE among them) and the ends are what is counted.
    """

    engine: Engine
    statements: int = 0
    begins: int = 0
    ends: int = 0
    pings: int = 0  # pool_pre_ping: each checkout of a pooled connection asks "SELECT 1" first

    @staticmethod
    def _pg_status(conn: Any) -> Any:
        dbapi = getattr(conn.connection, "dbapi_connection", None)
        info = getattr(dbapi, "info", None)
        return None if info is None or not hasattr(info, "transaction_status") else (dbapi, info)

    def _statement(self, conn: Any, *_args: Any) -> None:
        self.statements += 1
        pg = self._pg_status(conn)
        if pg is not None:
            from psycopg.pq import TransactionStatus

            dbapi, info = pg
            if not dbapi.autocommit and info.transaction_status == TransactionStatus.IDLE:
                self.begins += 1  # psycopg opens the transaction first: BEGIN, its own trip

    def _end(self, conn: Any, *_args: Any) -> None:
        pg = self._pg_status(conn)
        if pg is None:
            self.ends += 1
            return
        from psycopg.pq import TransactionStatus

        _dbapi, info = pg
        if info.transaction_status in (TransactionStatus.INTRANS, TransactionStatus.INERROR):
            self.ends += 1  # a transaction psycopg began: it sends COMMIT / ROLLBACK

    def _checkout(self, *_args: Any) -> None:
        if getattr(self.engine.pool, "_pre_ping", False):
            self.pings += 1

    @property
    def count(self) -> int:
        return self.statements + self.begins + self.ends + self.pings

    def __enter__(self) -> RoundTrips:
        event.listen(self.engine, "before_cursor_execute", self._statement)
        event.listen(self.engine, "commit", self._end)
        event.listen(self.engine, "rollback", self._end)
        event.listen(self.engine.pool, "checkout", self._checkout)
        return self

    def __exit__(self, *exc: Any) -> None:
        event.remove(self.engine, "before_cursor_execute", self._statement)
        event.remove(self.engine, "commit", self._end)
        event.remove(self.engine, "rollback", self._end)
        event.remove(self.engine.pool, "checkout", self._checkout)


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile (nearest rank) of `values`: p=50 the median, p=95 the tail."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = max(1, min(len(ordered), math.ceil(p / 100 * len(ordered))))
    return ordered[rank - 1]
