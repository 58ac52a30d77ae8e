"""A database of many returns built fast (bulk INSERTs of plain rows, no services), for the
tests that pin query plans and for measuring the queries at scale.

The rows are what the station's own writes would leave: every line's keys come from
app.services.line_keys, a return's lines are in the step its age suggests, old returns are
closed, a few are cancelled, and they spread over many months, so that one month is a
small part of the table as in a factory that has used the station for years.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import Engine, insert, select, text

from app.services.line_keys import line_keys
from app.services.numbering import format_rma_no, line_barcode
from db.models import Customer, Product, Return, ReturnLine

QUEUE_STATES = ["inspection", "decision", "rework", "reinspection"]


def build(engine: Engine, returns: int = 10_000, *, lines_per: int = 2, end: date = date(2026, 10, 31),
          days: int = 5 * 365, backlog_days: int = 45, seed: int = 12, chunk: int = 5_000) -> dict[str, Any]:
    """Insert `returns` returns of `lines_per` lines each, received over the `days` before
    `end`, those of the last `backlog_days` still open at the benches; then ANALYZE.
    Returns the busiest month and the number of lines."""
    rng = random.Random(seed)
    with engine.connect() as c:
        customers = list(c.scalars(select(Customer.id)))
        products = [(p.id, p.unit_price) for p in c.execute(select(Product.id, Product.unit_price))]
        first_return = (c.scalar(text("SELECT max(id) FROM rma_return")) or 0) + 1
        first_line = (c.scalar(text("SELECT max(id) FROM return_line")) or 0) + 1
    months: dict[str, int] = {}
    line_id = first_line
    seq: dict[int, int] = {}
    for start in range(0, returns, chunk):
        r_rows: list[dict[str, Any]] = []
        l_rows: list[dict[str, Any]] = []
        for i in range(start, min(returns, start + chunk)):
            received = end - timedelta(days=days - 1 - (i * days) // returns)
            age = (end - received).days
            seq[received.year] = seq.get(received.year, 900_000) + 1  # clear of the tests' own numbers
            rma_no = format_rma_no(received.year, seq[received.year])
            if rng.random() < 0.02:
                status = "cancelled"
            elif age > backlog_days:
                status = "closed"
            elif age > 8:
                status = "approved"
            else:
                status = rng.choice(["received", "confirmed", "approved"])
            urgency = rng.choices(["urgent", "normal", "low"], [15, 70, 15])[0]
            rid = first_return + i
            r_rows.append(dict(id=rid, rma_no=rma_no, customer_id=rng.choice(customers),
                               arrival_method="logistics", order_no=f"SO{received:%y%m}-{rng.randrange(999):03d}",
                               delivery_no=f"DN{rng.randrange(10**6):06d}", invoice_no="",
                               received_on=received, urgency=urgency, status=status, source="demo",
                               storage_location="", notes="", version=1))
            if status != "cancelled":
                key = f"{received:%Y-%m}"
                months[key] = months.get(key, 0) + lines_per
            for line_no in range(1, lines_per + 1):
                pid, price = rng.choice(products)
                qty = rng.randrange(1, 50)
                if status == "closed":
                    l_status, due = "done", None
                elif status == "cancelled":
                    l_status, due = "cancelled", None
                elif status == "approved":
                    l_status = rng.choice(QUEUE_STATES + ["done"])
                    due = received + timedelta(days=rng.randrange(1, 6)) if l_status != "done" else None
                else:
                    l_status, due = "received", None
                decided = l_status in ("rework", "reinspection", "done")
                amount = (price * qty).quantize(Decimal("0.01"))
                refund = (amount / 2).quantize(Decimal("0.01")) if decided else Decimal("0.00")
                row = dict(id=line_id, return_id=rid, line_no=line_no, barcode=line_barcode(rma_no, line_no),
                           product_id=pid, lot_no=f"L{received:%y%m}{rng.randrange(1, 60):02d}",
                           qty_announced=qty, qty_counted=qty, unit="件", unit_price=price, amount=amount,
                           customer_reason=rng.choice(["不动作", "外壳破损", "触点烧蚀", "跳闸频繁"]),
                           status=l_status, due_on=due, liability_code=rng.randrange(1, 10) if decided else None,
                           final_cause="焊接不良" if decided else "", refund_amount=refund,
                           material_cost=Decimal("0.00"), labour_cost=Decimal("0.00"),
                           other_cost=Decimal("0.00"), scrapped_value=Decimal("0.00"), loss_cost=refund,
                           version=1)
                row.update(line_keys(received_on=received, urgency=urgency, return_status=status, due_on=due))
                l_rows.append(row)
                line_id += 1
        with engine.begin() as c:
            c.execute(insert(Return), r_rows)
            c.execute(insert(ReturnLine), l_rows)
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
        # the planner's statistics and, on PostgreSQL, the visibility map of index-only scans,
        # as autovacuum leaves a table that has grown
        c.execute(text("VACUUM ANALYZE" if engine.dialect.name == "postgresql" else "ANALYZE"))
    busiest = max(months, key=lambda m: months[m])
    return {"busiest": busiest, "lines": line_id - first_line}
