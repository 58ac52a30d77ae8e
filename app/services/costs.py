"""External quality loss cost (质量外部损失成本) of a line, kept on the line.

loss = materials + labour + other costs + scrapped quantity × unit price + refund.
"""

from __future__ import annotations

from decimal import Decimal

from app.money import ZERO, line_amount, money, refund_amount
from db.models import ReturnLine


def recompute_line_costs(line: ReturnLine) -> None:
    line.refund_amount = refund_amount(line.amount, line.refund_ratio)
    line.material_cost = money(sum((m.cost for m in line.materials), ZERO))
    line.labour_cost = money(sum((lb.cost for lb in line.labour), ZERO))
    line.scrapped_value = line_amount(line.qty_scrapped or 0, line.unit_price)
    other = line.other_cost if line.other_cost is not None else ZERO
    line.loss_cost = money(
        line.material_cost + line.labour_cost + other + line.scrapped_value + line.refund_amount
    )


def loss_cost_breakdown(line: ReturnLine) -> dict[str, Decimal]:
    return {
        "materials": line.material_cost,
        "labour": line.labour_cost,
        "other": line.other_cost,
        "scrapped": line.scrapped_value,
        "refund": line.refund_amount,
        "total": line.loss_cost,
    }
