"""The keys a line carries so that indexes can answer the big lists and the statistics.

A line's month and its place in a bench's queue derive from its return (received_on,
urgency, status) and from the line itself (due_on). Kept on the line, they let one
index range hold a month's lines and one ordered index walk give a queue's first screen,
where deriving them in the query made PostgreSQL scan every return and sort (issue 12).

`line_keys` is a plain function of values, with no session or model: the station's
writes go through the ORM and get their keys from the flush hook in db/models.py, which
calls it; bulk paths (demo, import by COPY) call it for each row they write.
"""

from __future__ import annotations

from datetime import date
from typing import Any

# The queue's priority order: most urgent first, then the oldest due date (undated lines
# last), then the oldest receipt. Packed into one integer, rank · 10^16 + due · 10^8 +
# received (both days as YYYYMMDD), which sorts exactly as the three keys in turn.
URGENCY_RANK: dict[str, int] = {"urgent": 0, "normal": 1}
OTHER_URGENCY_RANK = 2
NO_DUE_DAY = 99991231  # undated lines sort after every dated one
CANCELLED_RETURN = "cancelled"


def day_number(day: date) -> int:
    """2025-03-07 → 20250307."""
    return day.year * 10000 + day.month * 100 + day.day


def month_number(day: date) -> int:
    """2025-03-07 → 202503."""
    return day.year * 100 + day.month


def month_key(month: str) -> int:
    """'2025-03' → 202503: the value of stat_month for that month's lines."""
    y, m = month.split("-")
    return int(y) * 100 + int(m)


def priority_key(urgency: str, due_on: date | None, received_on: date) -> int:
    rank = URGENCY_RANK.get(urgency, OTHER_URGENCY_RANK)
    due = day_number(due_on) if due_on is not None else NO_DUE_DAY
    return rank * 10**16 + due * 10**8 + day_number(received_on)


def stat_month(received_on: date, return_status: str) -> int | None:
    """The month whose statistics count the line: its return's month of receipt; none for
    the lines of a cancelled return, which count in no month."""
    return None if return_status == CANCELLED_RETURN else month_number(received_on)


def line_keys(*, received_on: date, urgency: str, return_status: str,
              due_on: date | None) -> dict[str, Any]:
    """The derived columns of one line, by column name (to update a row dict or an object)."""
    return {"stat_month": stat_month(received_on, return_status),
            "priority_key": priority_key(urgency, due_on, received_on)}
