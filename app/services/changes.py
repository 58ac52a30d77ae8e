"""What an open record looks like in the database now, for live refresh: its version
numbers and who changed it last (the notice "changed by X at T" in an open form).

Read by a station that learnt that something changed (a NOTIFY from another station, or
SQLite's data_version moved); any role may read it. Plain data, no ORM objects.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Return, ReturnLine


@dataclass(frozen=True)
class Stamp:
    """The versions of a record (a line: its own and its return's; a return: its own and its
    lines') and the last change among them. ``versions`` is None when it no longer exists."""

    versions: tuple[tuple[str, int, int], ...] | None
    by: str = ""
    at: datetime | None = None


def _latest(rows: list[tuple[str, int, int, str, datetime | None]]) -> Stamp:
    if not rows:
        return Stamp(None)
    last = max(rows, key=lambda r: (r[4] is not None, r[4] or datetime.min))
    return Stamp(tuple(sorted((kind, rid, version) for kind, rid, version, _by, _at in rows)),
                 by=last[3] or "", at=last[4])


def line_stamp(session: Session, line_id: int) -> Stamp:
    """A bench's open line: the line's version and its return's (cancelling or closing the
    return changes what the bench may do)."""
    row = session.execute(
        select(ReturnLine.version, ReturnLine.updated_by, ReturnLine.updated_at,
               Return.id, Return.version, Return.updated_by, Return.updated_at)
        .join(Return, Return.id == ReturnLine.return_id).where(ReturnLine.id == line_id)).one_or_none()
    if row is None:
        return Stamp(None)
    return _latest([("line", line_id, row[0], row[1], row[2]), ("return", row[3], row[4], row[5], row[6])])


def return_stamp(session: Session, return_id: int) -> Stamp:
    """The desk's open return: its version and every line's (a line's state shows in its table)."""
    head = session.execute(select(Return.version, Return.updated_by, Return.updated_at)
                           .where(Return.id == return_id)).one_or_none()
    if head is None:
        return Stamp(None)
    rows: list[tuple[str, int, int, str, datetime | None]] = [("return", return_id, *head)]
    rows += [("line", lid, v, by, at) for lid, v, by, at in session.execute(
        select(ReturnLine.id, ReturnLine.version, ReturnLine.updated_by, ReturnLine.updated_at)
        .where(ReturnLine.return_id == return_id))]
    return _latest(rows)


def reference_stamp(session: Session) -> tuple[tuple[int, str], ...]:
    """How the master data stands (per table: rows, last change): SQLite's data_version
    says only that something changed; the pick lists are read again when this moved."""
    from sqlalchemy import func

    from db.models import Customer, DefectCategory, Product, StorageLocation, Supplier

    out = []
    for model in (Customer, Product, DefectCategory, Supplier, StorageLocation):
        count, last = session.execute(select(func.count(), func.max(model.updated_at)).select_from(model)).one()
        out.append((int(count), str(last)))
    return tuple(out)
