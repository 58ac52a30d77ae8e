"""RMA numbers: RMA-YYYY-NNNNNN from a per-year counter row in the database.

The counter is incremented with one UPDATE … RETURNING: the row lock (PostgreSQL) or
the write lock (SQLite) makes concurrent stations wait their turn, so numbers never
repeat; the unique constraint on rma_no backs it. The statements are Core statements on
the table, not ORM updates: an ORM UPDATE would synchronise every object the session
holds on each call (an import of thousands of returns grew quadratically).

The counter row is the hottest row of the database. A station's registration holds its
lock for the few milliseconds of its own transaction; an import or the demo takes its
whole block of numbers at once (`reserve_rma_numbers`), on PostgreSQL in a transaction of
its own (`reserve_rma_numbers_apart`) so the lock is not held for the whole import.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Engine, select, update
from sqlalchemy.orm import Session

from db.models import RmaCounter

_COUNTER = RmaCounter.__table__


def _insert_of(dialect: str) -> Any:
    """The dialect's INSERT (ON CONFLICT DO NOTHING), imported when first used: importing
    sqlalchemy.dialects.postgresql costs a start or command on SQLite a tenth of a second."""
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert


def format_rma_no(year: int, seq: int) -> str:
    return f"RMA-{year:04d}-{seq:06d}"


def line_barcode(rma_no: str, line_no: int) -> str:
    return f"{rma_no}-{line_no}"


def _ensure_counter(conn: Session | Connection, year: int) -> None:
    # INSERT … ON CONFLICT DO NOTHING: two stations opening a year at once both go on
    dialect = (conn.get_bind() if isinstance(conn, Session) else conn).dialect.name
    ins = _insert_of(dialect)(_COUNTER)
    conn.execute(ins.values(year=year, last_value=0).on_conflict_do_nothing(index_elements=["year"]))


def _take(conn: Session | Connection, year: int, count: int) -> int | None:
    stmt = (update(_COUNTER).where(_COUNTER.c.year == year)
            .values(last_value=_COUNTER.c.last_value + count).returning(_COUNTER.c.last_value))
    return conn.execute(stmt).scalar()


def reserve_rma_numbers(session: Session | Connection, year: int, count: int) -> int:
    """Reserve `count` consecutive numbers of `year` in the caller's transaction, in one
    statement; returns the first sequence number."""
    last = _take(session, year, count)
    if last is None:  # first return of the year
        _ensure_counter(session, year)
        last = _take(session, year, count)
        assert last is not None
    return last - count + 1


def next_rma_no(session: Session, year: int) -> str:
    """Take the next number of `year` inside the caller's transaction."""
    return format_rma_no(year, reserve_rma_numbers(session, year, 1))


def peek_next_seq(session: Session, year: int) -> int:
    """The sequence number the next return of `year` would get (no lock: a dry run)."""
    last = session.scalar(select(_COUNTER.c.last_value).where(_COUNTER.c.year == year))
    return (last or 0) + 1


def reserve_rma_numbers_apart(engine: Engine, year: int, count: int) -> int:
    """Reserve `count` numbers in a short transaction of their own, committed at once.

    For bulk work (import, demo) on PostgreSQL: other stations wait milliseconds instead
    of the whole import. A failed import leaves those numbers unused (a gap).
    """
    with engine.begin() as conn:
        return reserve_rma_numbers(conn, year, count)
