"""Is what was typed possible? The checks the services make before they store a date or a
quantity that no real return could have, in one place so the desk, the QA bench, the
rework planner and the import agree.

- A return cannot be received more than RECEIVED_AHEAD_DAYS after today (one day of slack
  for a desk entering tomorrow's early delivery, or a clock a little off).
- Goods cannot be manufactured after today, nor after the day they came back.
- Rework is planned within 2 days of the decision (the procedure): a later plan date is
  refused; the planner plans the nearest day and the line turns overdue if it slips.
- Return to supplier is only for liability code 2 (the supplier's fault).
- Rework materials are measured, not counted: wire in metres, resin in kilograms, so a
  quantity is a Decimal above 0 with at most 3 places. Counted goods stay whole numbers.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from app.codes import LIABILITY, Disposition
from app.errors import ValidationError
from app.fields import label
from app.limits import MAX_QTY

RECEIVED_AHEAD_DAYS = 1
REWORK_PLAN_DAYS = 2
MATERIAL_QTY_PLACES = 3
_MATERIAL_QUANTUM = Decimal(1).scaleb(-MATERIAL_QTY_PLACES)


def check_received_on(received_on: date, today: date | None = None) -> None:
    """The warehouse desk's date received: not more than a day ahead of today."""
    today = today or date.today()
    if received_on > today + timedelta(days=RECEIVED_AHEAD_DAYS):
        raise ValidationError("date_in_future", field_name="received_on", field=label("received_on"),
                              value=received_on.isoformat(), days=RECEIVED_AHEAD_DAYS)


def check_manufacture_date(manufactured: date | None, received_on: date, today: date | None = None) -> None:
    """A line's manufacture date: not in the future, not after the goods came back."""
    if manufactured is None:
        return
    today = today or date.today()
    if manufactured > today:
        raise ValidationError("date_in_future", field_name="manufacture_date",
                              field=label("manufacture_date"), value=manufactured.isoformat(), days=0)
    if manufactured > received_on:
        raise ValidationError("manufactured_after_received", field_name="manufacture_date",
                              value=manufactured.isoformat(), received=received_on.isoformat())


def decision_day(decided_at: datetime | None, today: date | None = None) -> date:
    """The local day of engineering's decision (stored in UTC)."""
    if decided_at is None:
        return today or date.today()
    return decided_at.astimezone().date()


def check_rework_plan(planned_on: date, decided_at: datetime | None, today: date | None = None) -> None:
    """The procedure: rework is planned within 2 days of the decision."""
    limit = decision_day(decided_at, today) + timedelta(days=REWORK_PLAN_DAYS)
    if planned_on > limit:
        raise ValidationError("rework_plan_late", field_name="planned_on", value=planned_on.isoformat(),
                              limit=limit.isoformat())


def check_liability_for_disposition(code: int, disposition: Disposition) -> None:
    """Returning goods to the supplier is for the supplier's fault (liability 2) only."""
    if disposition is Disposition.RETURN_SUPPLIER and code != 2:
        coded = LIABILITY[code]
        raise ValidationError("return_supplier_liability", field_name="liability_code", code=code,
                              name=(coded.zh, coded.en))


def material_qty(value: Any, field_name: str = "material_qty") -> Decimal:
    """A rework material's quantity: 2, 2.5 (m), 0.35 (kg); above 0, at most 3 places."""
    lab = label(field_name)
    if isinstance(value, bool | float) or value is None or (isinstance(value, str) and not value.strip()):
        raise ValidationError("material_qty_invalid", field_name=field_name, field=lab, value=value)
    try:
        d = Decimal(str(value).strip())
    except InvalidOperation:
        raise ValidationError("material_qty_invalid", field_name=field_name, field=lab, value=value) from None
    if not d.is_finite() or d <= 0 or d != d.quantize(_MATERIAL_QUANTUM):
        raise ValidationError("material_qty_invalid", field_name=field_name, field=lab, value=value)
    if d > MAX_QTY:  # the same business maximum as counted goods (app.limits)
        raise ValidationError("qty_too_large", field_name=field_name, field=lab, max=f"{MAX_QTY:,}",
                              value=f"{d.normalize():,f}")
    return d.quantize(_MATERIAL_QUANTUM)
