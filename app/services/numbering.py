"""RMA numbers: RMA-YYYY-NNNNNN from a per-year counter row in the database.

The counter is incremented with UPDATE … RETURNING inside the creating transaction: the
row lock (PostgreSQL) or the write lock (SQLite) makes concurrent stations wait their
turn, so numbers never repeat; the unique constraint on rma_no backs it.
"""

from __future__ import annotations

from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from db.models import RmaCounter


def format_rma_no(year: int, seq: int) -> str:
    return f"RMA-{year:04d}-{seq:06d}"


def line_barcode(rma_no: str, line_no: int) -> str:
    return f"{rma_no}-{line_no}"


def next_rma_no(session: Session, year: int) -> str:
    """Take the next number of `year` inside the caller's transaction."""
    stmt = (update(RmaCounter).where(RmaCounter.year == year)
            .values(last_value=RmaCounter.last_value + 1).returning(RmaCounter.last_value))
    seq = session.execute(stmt).scalar()
    if seq is None:
        # first return of the year: create the row; if another station just did, use theirs
        try:
            with session.begin_nested():
                session.execute(insert(RmaCounter).values(year=year, last_value=0))
        except IntegrityError:
            pass
        seq = session.execute(stmt).scalar_one()
    return format_rma_no(year, seq)


def reserve_rma_numbers(session: Session, year: int, count: int) -> int:
    """Reserve `count` consecutive numbers (bulk import/demo); returns the first sequence."""
    if session.scalar(select(RmaCounter.year).where(RmaCounter.year == year)) is None:
        try:
            with session.begin_nested():
                session.execute(insert(RmaCounter).values(year=year, last_value=0))
        except IntegrityError:
            pass
    stmt = (update(RmaCounter).where(RmaCounter.year == year)
            .values(last_value=RmaCounter.last_value + count).returning(RmaCounter.last_value))
    last = session.execute(stmt).scalar_one()
    return last - count + 1
