"""On a shared server the summary of the lines (line_month_total) is the server's: a station
login reads it but cannot write it, and its own writes of lines keep it exact — through the
window's services and as SQL with psql and the person's own password (db.summary's function
runs as the owner).

The throwaway SCRAM cluster of the access matrix (tests/unit/db/test_server_roles.py: its
fixtures, a cluster of this module's own), everyone logged in as themselves.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import psycopg
from sqlalchemy import create_engine

from app.services import returns
from app.services.returns import LineDraft, ReturnDraft
from db.summary import SUMMED
from tests.unit.db import test_server_roles as access_matrix
from tests.unit.db.test_server_roles import CUSTOMER, MODEL, PASSWORD, PEOPLE, Server, _run, stage

server = access_matrix.server
station = access_matrix.station

_GROUPED = (f"SELECT stat_month, count(*), {', '.join(f'sum({c})' for c in SUMMED)} FROM return_line "
            "WHERE stat_month IS NOT NULL GROUP BY stat_month ORDER BY stat_month")
_SUMMARY = f"SELECT stat_month, lines, {', '.join(SUMMED)} FROM line_month_total ORDER BY stat_month"


def _as(server: Server, login: str, sql: str) -> list[tuple[Any, ...]]:
    with psycopg.connect(**server.dsn, user=login, password=PASSWORD[login], application_name="psql") as conn:
        cur = conn.execute(sql)
        return cur.fetchall() if cur.description else []


def _refused(server: Server, login: str, sql: str) -> str:
    try:
        _as(server, login, sql)
    except psycopg.Error as exc:
        return exc.sqlstate or ""
    return ""


def _exact(server: Server) -> list[tuple[Any, ...]]:
    with create_engine(server.superuser_url).connect() as c:
        summary = [tuple(r) for r in c.exec_driver_sql(_SUMMARY)]
        assert summary == [tuple(r) for r in c.exec_driver_sql(_GROUPED)]
        return summary


def test_a_station_login_keeps_the_summary_but_cannot_write_it(server: Server, station: dict[str, Any]) -> None:
    before = {r[0]: r for r in _exact(server)}
    rid = _run(station["wh"], lambda s, a: returns.receive_return(s, a, ReturnDraft(
        customer=CUSTOMER, arrival_method="logistics", received_on=date(2025, 7, 14),
        lines=[LineDraft(model=MODEL, qty_counted=7, lot_no="L2507")])).id)
    after = {r[0]: r for r in _exact(server)}
    assert after[202507][1:3] == (before.get(202507, (0, 0, 0))[1] + 1, before.get(202507, (0, 0, 0))[2] + 7)

    # the desk's own correction as SQL (its step's column while the return is received)
    with station["wh"].factory() as s:
        lid = returns.get_return(s, rid).lines[0].id
    assert _refused(server, "wh", f"UPDATE return_line SET qty_counted = 9 WHERE id = {lid}") == ""
    assert {r[0]: r for r in _exact(server)}[202507][2] == after[202507][2] + 2

    # a cancel by sales takes the line out of its month
    _run(station["sales"], lambda s, a: returns.cancel_return(s, a, rid, "客户撤回"))
    assert {r[0]: r for r in _exact(server)}.get(202507) == before.get(202507)

    # a whole return through the benches, each step by its own person
    stage(station, "reinspected")
    _exact(server)

    for login in PEOPLE:
        assert _as(server, login, "SELECT count(*) FROM line_month_total")  # everyone reads it
        for sql in ("INSERT INTO line_month_total (stat_month, lines) VALUES (199901, 1)",
                    "UPDATE line_month_total SET lines = lines + 1",
                    "DELETE FROM line_month_total", "TRUNCATE line_month_total"):
            assert _refused(server, login, sql) == "42501", (login, sql)
        # nor switch the triggers off
        assert _refused(server, login, "ALTER TABLE return_line DISABLE TRIGGER rma_line_month_total_update") \
            == "42501", login
    _exact(server)
