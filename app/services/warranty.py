"""Warranty at receipt (质保期判定): is a returned line still in warranty on the day it arrived?

Workflow step: at the warehouse desk, when a return is registered. The product's warranty
months (master data) run from the date the customer got the goods — the ship or invoice
date when the desk enters one (`set_basis_date`), else the line's manufacture date (出厂日期).
A line received on or before the last day of its warranty is in warranty; one received later
is out of warranty and is flagged for sales, who confirm in their confirmation step how it is
to be handled (`confirm_out_of_warranty`: paid repair, goodwill …). A line with neither date
is "unknown" and is flagged too: somebody has to find the date out.

The verdict is computed from the stored dates each time it is read (never stored): a corrected
manufacture date or warranty period changes it at once, everywhere.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.codes import Role
from app.errors import ValidationError, WorkflowError
from app.fields import label
from app.services.context import Actor, bind_actor, bounded_text, check_version, require_role
from app.services.returns import get_line, get_return
from db.models import LineWarranty, Return, ReturnLine, User
from db.types import utcnow

IN, OUT, UNKNOWN = "in", "out", "unknown"
# what the desk may enter as the start of the warranty instead of the manufacture date
BASES: dict[str, tuple[str, str]] = {
    "shipped": ("发货日期", "Ship date"),
    "invoiced": ("发票日期", "Invoice date"),
    "": ("出厂日期", "Manufacture date"),
}
VERDICTS: dict[str, tuple[str, str]] = {
    IN: ("保内", "In warranty"),
    OUT: ("保外", "Out of warranty"),
    UNKNOWN: ("质保未知", "Warranty unknown"),
}


def add_months(day: date, months: int) -> date:
    """The same day `months` later; the 31st becomes the month's last day (2025-01-31 + 1 → 02-28)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class WarrantyState:
    """The warranty verdict of one line as the desk, the QA bench, sales and the notice show it."""

    line_id: int
    line_no: int
    model: str
    warranty_months: int
    basis: str                 # shipped / invoiced / "" (the manufacture date)
    basis_on: date | None      # the date the warranty runs from, None: not known
    expires_on: date | None    # the last day in warranty
    received_on: date
    verdict: str               # in / out / unknown
    sales_confirmed_by: str = ""
    sales_confirmed_at: datetime | None = None
    sales_note: str = ""

    @property
    def flagged(self) -> bool:
        """Sales must look at it: out of warranty, or no date to tell."""
        return self.verdict != IN

    @property
    def waiting_for_sales(self) -> bool:
        return self.flagged and self.sales_confirmed_at is None

    def text(self, lang: str = "zh") -> str:
        """'保外 (质保12个月, 至2025-03-04)' — for the desk, the bench and the notice."""
        zh = lang.startswith("zh")
        name = VERDICTS[self.verdict][0 if zh else 1]
        if self.expires_on is None:
            return name
        if zh:
            return f"{name} (质保{self.warranty_months}个月, 至{self.expires_on.isoformat()})"
        return f"{name} ({self.warranty_months} months, until {self.expires_on.isoformat()})"

    def basis_name(self, lang: str = "zh") -> str:
        return BASES.get(self.basis, BASES[""])[0 if lang.startswith("zh") else 1]


def _record(session: Session, line_id: int) -> LineWarranty | None:
    return session.scalars(select(LineWarranty).where(LineWarranty.line_id == line_id)).one_or_none()


def state_of(line: ReturnLine, received_on: date, record: LineWarranty | None,
             names: dict[int, str] | None = None) -> WarrantyState:
    """The verdict from the line, its return's date received and its warranty record."""
    months = line.product.warranty_months or 0
    if record is not None and record.basis_on is not None:
        basis, basis_on = record.basis, record.basis_on
    else:
        basis, basis_on = "", line.manufacture_date
    expires = add_months(basis_on, months) if basis_on is not None else None
    verdict = UNKNOWN if expires is None else (IN if received_on <= expires else OUT)
    by_id = record.sales_confirmed_by_id if record is not None else None
    return WarrantyState(
        line_id=line.id, line_no=line.line_no, model=line.product.model, warranty_months=months,
        basis=basis, basis_on=basis_on, expires_on=expires, received_on=received_on, verdict=verdict,
        sales_confirmed_by=(names or {}).get(by_id, "") if by_id else "",
        sales_confirmed_at=record.sales_confirmed_at if record is not None else None,
        sales_note=record.sales_note if record is not None else "")


def _names(session: Session, records: list[LineWarranty]) -> dict[int, str]:
    ids = {r.sales_confirmed_by_id for r in records if r.sales_confirmed_by_id}
    if not ids:
        return {}
    return dict(session.execute(select(User.id, User.name).where(User.id.in_(ids))).all())


def of_return(session: Session, return_id: int) -> list[WarrantyState]:
    """The warranty of every line of a return, in line order. Any role reads it."""
    rma = get_return(session, return_id)
    records = {r.line_id: r for r in session.scalars(
        select(LineWarranty).where(LineWarranty.line_id.in_([ln.id for ln in rma.lines])))}
    names = _names(session, list(records.values()))
    return [state_of(ln, rma.received_on, records.get(ln.id), names) for ln in rma.lines]


def of_line(session: Session, line_id: int) -> WarrantyState:
    """The warranty of one line (the QA bench). Any role reads it."""
    line = get_line(session, line_id)
    rma = session.get(Return, line.return_id)
    assert rma is not None
    record = _record(session, line_id)
    return state_of(line, rma.received_on, record, _names(session, [record] if record else []))


def set_basis_date(session: Session, actor: Actor, line_id: int, basis: str, basis_on: date | None, *,
                   expected_version: int | None = None) -> WarrantyState:
    """Desk (warehouse) or sales: the ship or invoice date the warranty runs from; None goes back
    to the manufacture date. A date after the goods came back cannot be the one they were sold on."""
    bind_actor(session, actor)
    require_role(actor, ("填写发货/发票日期", "enter the ship or invoice date"), Role.WAREHOUSE, Role.SALES)
    if basis not in ("shipped", "invoiced"):
        raise ValidationError("warranty_basis_invalid", field_name="warranty_basis",
                              field=label("warranty_basis"), value=basis)
    line = get_line(session, line_id, for_update=True)
    rma = session.get(Return, line.return_id)
    assert rma is not None
    if basis_on is not None and basis_on > rma.received_on:
        raise ValidationError("warranty_basis_after_receipt", field_name="warranty_basis_on",
                              value=basis_on.isoformat(), received=rma.received_on.isoformat())
    record = _record(session, line_id)
    if record is None:
        record = LineWarranty(line_id=line_id, basis="", basis_on=None, sales_note="")
        session.add(record)
    else:
        check_version(record, expected_version)
    record.basis, record.basis_on = (basis, basis_on) if basis_on is not None else ("", None)
    session.flush()
    return of_line(session, line_id)


def confirm_out_of_warranty(session: Session, actor: Actor, line_id: int, note: str) -> WarrantyState:
    """Sales, in their confirmation step: how an out-of-warranty (or undated) line is handled
    with the customer. Refused for a line in warranty (nothing to confirm) and twice."""
    bind_actor(session, actor)
    require_role(actor, ("确认保外处理", "confirm an out-of-warranty line"), Role.SALES)
    state = of_line(session, line_id)
    if not state.flagged:
        raise WorkflowError("warranty_in_warranty", line=state.line_no)
    if state.sales_confirmed_at is not None:
        raise WorkflowError("warranty_already_confirmed", by=state.sales_confirmed_by or "?")
    text = bounded_text(note, "warranty_note")
    if not text:
        raise ValidationError("required", field_name="warranty_note", field=label("warranty_note"))
    record = _record(session, line_id)
    if record is None:
        record = LineWarranty(line_id=line_id, basis="", basis_on=None)
        session.add(record)
    record.sales_note = text
    record.sales_confirmed_by_id = actor.user_id
    record.sales_confirmed_at = utcnow()
    session.flush()
    return of_line(session, line_id)


def summary(states: list[WarrantyState], lang: str = "zh") -> str:
    """One line for a panel: '保外 1 行待销售确认: 行1' / 'All lines in warranty'."""
    zh = lang.startswith("zh")
    waiting = [s for s in states if s.waiting_for_sales]
    flagged = [s for s in states if s.flagged]
    if not states:
        return ""
    if not flagged:
        return "全部在保" if zh else "All lines in warranty"
    if waiting:
        nos = ", ".join(str(s.line_no) for s in waiting)
        if zh:
            return f"{len(waiting)} 行保外/质保未知,待销售确认: 行 {nos}"
        if len(waiting) == 1:
            return f"1 line out of warranty or undated, for sales to confirm: line {nos}"
        return f"{len(waiting)} lines out of warranty or undated, for sales to confirm: lines {nos}"
    return "保外行已由销售确认" if zh else "Out-of-warranty lines confirmed by sales"


def notice_text(st: WarrantyState, lang: str = "zh") -> str:
    """The verdict in a narrow column: '保外\n至2025-06-01\n销售已确认'."""
    zh = lang.startswith("zh")
    name = VERDICTS[st.verdict][0 if zh else 1]
    if st.expires_on is not None:
        name += ("\n至" if zh else "\nuntil ") + st.expires_on.isoformat()
    if st.sales_confirmed_at is not None:
        name += "\n销售已确认" if zh else "\nsales confirmed"
    return name


def notice_texts(session: Session, return_id: int, lang: str = "zh") -> dict[int, str]:
    """line id → the verdict as the handling notice's warranty column prints it."""
    return {st.line_id: notice_text(st, lang) for st in of_return(session, return_id)}

