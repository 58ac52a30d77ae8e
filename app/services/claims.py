"""Supplier claims (供应商索赔, the reverse RMA): recovering the loss of liability-2 (供方) lines.

Workflow: once engineering has coded a line's liability 2 (bad incoming material), QA (or
engineering, or the manager) gathers one or more such lines into a claim SC-YYYY-NNNNNN to a
supplier of the master data. The claimed amount starts as the lines' external loss cost as
the station keeps it on each line (app.services.costs); it may be changed, with a reason,
while the claim is a draft. Then:

    draft → sent → accepted / partly_accepted / rejected
    accepted / partly_accepted → credited (the amount recovered, the supplier's credit note)

Each line is claimed once (a unique key). Every write is audited by app.services.audit.
Money is Decimal throughout; the monthly statistics sum the claims sent and credited in the
month (`month_figures`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, ScalarSelect, func, or_, select, update
from sqlalchemy.orm import Session

from app.codes import DISPOSITIONS, Disposition, LineStatus, Role, liability_label
from app.errors import NotFoundError, ValidationError, WorkflowError
from app.fields import label
from app.limits import max_length
from app.money import ZERO, money
from app.services.context import (
    Actor,
    amount_value,
    bind_actor,
    bounded_text,
    check_version,
    require_role,
    require_state,
)
from app.services.returns import get_line
from db.models import (
    ClaimCounter,
    Return,
    ReturnLine,
    Supplier,
    SupplierClaim,
    SupplierClaimLine,
    User,
)

DRAFT, SENT, ACCEPTED, PARTLY, REJECTED, CREDITED = (
    "draft", "sent", "accepted", "partly_accepted", "rejected", "credited")
CLAIM_STATUSES: dict[str, tuple[str, str]] = {
    DRAFT: ("草稿", "Draft"),
    SENT: ("已发出", "Sent"),
    ACCEPTED: ("供方已接受", "Accepted"),
    PARTLY: ("部分接受", "Partly accepted"),
    REJECTED: ("供方拒绝", "Rejected"),
    CREDITED: ("已扣款/已赔付", "Credited"),
}
ANSWERS = (ACCEPTED, PARTLY, REJECTED)
SUPPLIER_LIABILITY = 2
CLAIM_WHAT = ("供应商索赔单", "supplier claim")
_ROLES = (Role.QA, Role.ENGINEERING, Role.MANAGER)
_COUNTER = ClaimCounter.__table__


def _insert_of(dialect: str) -> Any:
    """The dialect's INSERT (ON CONFLICT DO NOTHING), imported when first used: importing
    sqlalchemy.dialects.postgresql costs a start or command on SQLite a tenth of a second."""
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert


def status_name(code: str, lang: str = "zh") -> str:
    zh, en = CLAIM_STATUSES.get(code, (code, code))
    return zh if lang.startswith("zh") else en


def format_claim_no(year: int, seq: int) -> str:
    return f"SC-{year:04d}-{seq:06d}"


def next_claim_no(session: Session, year: int) -> str:
    """The next number of the year from its counter row, in the caller's transaction (one
    UPDATE … RETURNING: concurrent stations wait for each other's lock, numbers never repeat)."""
    conn: Session | Connection = session
    stmt = (update(_COUNTER).where(_COUNTER.c.year == year)
            .values(last_value=_COUNTER.c.last_value + 1).returning(_COUNTER.c.last_value))
    last = conn.execute(stmt).scalar()
    if last is None:
        dialect = session.get_bind().dialect.name
        ins = _insert_of(dialect)(_COUNTER)
        conn.execute(ins.values(year=year, last_value=0).on_conflict_do_nothing(index_elements=["year"]))
        last = conn.execute(stmt).scalar()
        assert last is not None
    return format_claim_no(year, int(last))


# ------------------------------------------------------------------ read models


@dataclass(frozen=True)
class ClaimableLine:
    """A liability-2 line not claimed yet (the new-claim dialog's list)."""

    line_id: int
    rma_no: str
    customer: str
    line_no: int
    barcode: str
    model: str
    lot_no: str
    qty: int
    unit: str
    disposition: str
    loss_cost: Decimal
    supplier_id: int | None   # the product's supplier in the master data, when known
    decided_on: date | None


@dataclass(frozen=True)
class ClaimLineRow:
    line_id: int
    rma_no: str
    customer: str
    line_no: int
    barcode: str
    model: str
    lot_no: str
    qty: int
    unit: str
    final_cause: str
    liability: str           # '2 供方'
    disposition: str         # in the reader's language
    loss_cost: Decimal


@dataclass(frozen=True)
class ClaimRow:
    """One claim as the claims list shows it."""

    id: int
    claim_no: str
    supplier_id: int
    supplier: str
    supplier_code: str
    status: str
    lines: int
    loss_amount: Decimal
    claimed_amount: Decimal
    amount_reason: str
    accepted_amount: Decimal | None
    recovered_amount: Decimal | None
    created_on: date | None
    sent_on: date | None
    answered_on: date | None
    credited_on: date | None
    credit_ref: str
    note: str
    supplier_reply: str
    version: int
    created_by: str = ""
    sent_by: str = ""
    answered_by: str = ""
    credited_by: str = ""
    line_rows: tuple[ClaimLineRow, ...] = field(default_factory=tuple)

    def status_name(self, lang: str = "zh") -> str:
        return status_name(self.status, lang)


def answer_of(row: ClaimRow) -> str:
    """The supplier's answer of a claim: its status while answered, and still once credited
    (partly accepted when they accepted less than claimed); "" before the answer."""
    if row.status in ANSWERS:
        return row.status
    if row.status == CREDITED and row.accepted_amount is not None:
        return PARTLY if row.accepted_amount < row.claimed_amount else ACCEPTED
    return ""


def _local_day(at: datetime | None) -> date | None:
    return at.astimezone().date() if at else None


def _names(session: Session, ids: Iterable[int | None]) -> dict[int, str]:
    wanted = {i for i in ids if i}
    if not wanted:
        return {}
    return dict(session.execute(select(User.id, User.name).where(User.id.in_(wanted))).all())


def _line_row(ln: ReturnLine, loss: Decimal, lang: str) -> ClaimLineRow:
    disp = DISPOSITIONS[Disposition(ln.disposition)].name(lang) if ln.disposition in set(Disposition) else ""
    return ClaimLineRow(
        line_id=ln.id, rma_no=ln.rma.rma_no, customer=ln.rma.customer.name, line_no=ln.line_no,
        barcode=ln.barcode, model=ln.product.model, lot_no=ln.lot_no, qty=ln.qty_counted, unit=ln.unit,
        final_cause=ln.final_cause, liability=liability_label(ln.liability_code, lang), disposition=disp,
        loss_cost=loss)


def _row(session: Session, c: SupplierClaim, names: dict[int, str], lang: str, *, with_lines: bool) -> ClaimRow:
    return ClaimRow(
        id=c.id, claim_no=c.claim_no, supplier_id=c.supplier_id, supplier=c.supplier.name,
        supplier_code=c.supplier.code, status=c.status, lines=len(c.lines), loss_amount=c.loss_amount,
        claimed_amount=c.claimed_amount, amount_reason=c.amount_reason, accepted_amount=c.accepted_amount,
        recovered_amount=c.recovered_amount, created_on=_local_day(c.created_at), sent_on=c.sent_on,
        answered_on=c.answered_on, credited_on=c.credited_on, credit_ref=c.credit_ref, note=c.note,
        supplier_reply=c.supplier_reply, version=c.version,
        created_by=names.get(c.created_by_id or 0, ""), sent_by=names.get(c.sent_by_id or 0, ""),
        answered_by=names.get(c.answered_by_id or 0, ""), credited_by=names.get(c.credited_by_id or 0, ""),
        line_rows=tuple(_line_row(cl.line, cl.loss_cost, lang) for cl in c.lines) if with_lines else ())


def _people(claims: Iterable[SupplierClaim]) -> set[int | None]:
    return {i for c in claims for i in (c.created_by_id, c.sent_by_id, c.answered_by_id, c.credited_by_id)}


def claimable_lines(session: Session, supplier_id: int | None = None) -> list[ClaimableLine]:
    """Liability-2 lines of returns not cancelled that no claim holds yet; with `supplier_id`,
    those whose product the master data gives that supplier, and those with none given. Any role."""
    claimed = select(SupplierClaimLine.line_id)
    stmt = (select(ReturnLine).join(Return, Return.id == ReturnLine.return_id)
            .where(ReturnLine.liability_code == SUPPLIER_LIABILITY,
                   ReturnLine.status != LineStatus.CANCELLED.value, ReturnLine.id.not_in(claimed))
            .order_by(Return.received_on, Return.id, ReturnLine.line_no))
    out = []
    for ln in session.scalars(stmt).unique():
        sid = ln.product.supplier_id
        if supplier_id is not None and sid not in (None, supplier_id):
            continue
        out.append(ClaimableLine(
            line_id=ln.id, rma_no=ln.rma.rma_no, customer=ln.rma.customer.name, line_no=ln.line_no,
            barcode=ln.barcode, model=ln.product.model, lot_no=ln.lot_no, qty=ln.qty_counted, unit=ln.unit,
            disposition=ln.disposition or "", loss_cost=ln.loss_cost, supplier_id=sid,
            decided_on=_local_day(ln.decided_at)))
    return out


def suppliers(session: Session) -> list[tuple[int, str, str]]:
    """(id, code, name) of the active suppliers, for the pick list."""
    return [(i, c, n) for i, c, n in session.execute(
        select(Supplier.id, Supplier.code, Supplier.name).where(Supplier.active.is_(True)).order_by(Supplier.code))]


def list_claims(session: Session, *, status: str = "", supplier_id: int | None = None, text: str = "",
                sent_from: date | None = None, sent_to: date | None = None, open_only: bool = False,
                lang: str = "zh") -> list[ClaimRow]:
    """The claims list, newest first. `status` a code or "" for all; `open_only` keeps those
    not credited nor rejected; `text` part of the claim number, the supplier's code or name;
    `sent_from` / `sent_to` the days sent (inclusive). Any role reads it."""
    stmt = select(SupplierClaim).join(Supplier, Supplier.id == SupplierClaim.supplier_id)
    if status:
        stmt = stmt.where(SupplierClaim.status == status)
    if open_only:
        stmt = stmt.where(SupplierClaim.status.not_in((CREDITED, REJECTED)))
    if supplier_id is not None:
        stmt = stmt.where(SupplierClaim.supplier_id == supplier_id)
    words = text.strip()
    if words:
        like = f"%{words}%"
        stmt = stmt.where(or_(SupplierClaim.claim_no.ilike(like), Supplier.code.ilike(like),
                              Supplier.name.ilike(like)))
    if sent_from is not None:
        stmt = stmt.where(SupplierClaim.sent_on >= sent_from)
    if sent_to is not None:
        stmt = stmt.where(SupplierClaim.sent_on <= sent_to)
    claims = list(session.scalars(stmt.order_by(SupplierClaim.id.desc())).unique())
    names = _names(session, _people(claims))
    return [_row(session, c, names, lang, with_lines=False) for c in claims]


def get_claim(session: Session, claim_id: int, *, for_update: bool = False) -> SupplierClaim:
    stmt = select(SupplierClaim).where(SupplierClaim.id == claim_id)
    if for_update:
        # the supplier is joined in: lock the claim's row only (PostgreSQL refuses the outer side)
        stmt = stmt.with_for_update(of=SupplierClaim)
    claim = session.scalars(stmt).unique().one_or_none()
    if claim is None:
        raise NotFoundError(what=CLAIM_WHAT, value=claim_id)
    return claim


def find_claim(session: Session, claim_no: str) -> SupplierClaim | None:
    return session.scalars(select(SupplierClaim).where(SupplierClaim.claim_no == claim_no.strip().upper())
                           ).unique().one_or_none()


def claim_detail(session: Session, claim_id: int, lang: str = "zh") -> ClaimRow:
    """One claim with its lines (the claim window and the printed notice)."""
    c = get_claim(session, claim_id)
    return _row(session, c, _names(session, _people([c])), lang, with_lines=True)


# ------------------------------------------------------------------ the steps


def _prologue(session: Session, actor: Actor, action: tuple[str, str], claim_id: int,
              expected_version: int | None, allowed: set[str]) -> SupplierClaim:
    bind_actor(session, actor)
    require_role(actor, action, *_ROLES)
    claim = get_claim(session, claim_id, for_update=True)
    check_version(claim, expected_version)
    require_state(claim.status, allowed, CLAIM_WHAT, CLAIM_STATUSES.get(claim.status, (claim.status,) * 2), action)
    return claim


def _claimable(session: Session, line_ids: Iterable[int], supplier_id: int) -> list[ReturnLine]:
    ids = list(dict.fromkeys(line_ids))
    if not ids:
        raise ValidationError("claim_no_lines", field_name="claim_lines")
    lines = []
    for lid in ids:
        ln = get_line(session, lid, for_update=True)
        if ln.liability_code != SUPPLIER_LIABILITY or ln.status == LineStatus.CANCELLED.value:
            raise WorkflowError("claim_line_not_supplier", line=ln.barcode,
                                liability=(liability_label(ln.liability_code, "zh"),
                                           liability_label(ln.liability_code, "en")))
        held = session.scalar(select(SupplierClaim.claim_no).join(SupplierClaimLine)
                              .where(SupplierClaimLine.line_id == lid))
        if held is not None:
            raise WorkflowError("claim_line_taken", line=ln.barcode, claim=held)
        if ln.product.supplier_id not in (None, supplier_id):
            other = session.get(Supplier, ln.product.supplier_id)
            raise WorkflowError("claim_line_other_supplier", line=ln.barcode,
                                supplier=other.name if other else "?")
        lines.append(ln)
    return lines


def _sum_lines(claim: SupplierClaim) -> Decimal:
    return money(sum((cl.loss_cost for cl in claim.lines), ZERO))


def create_claim(session: Session, actor: Actor, supplier_id: int, line_ids: Iterable[int], *,
                 note: str = "", today: date | None = None) -> SupplierClaim:
    """QA, engineering or the manager: a draft claim to `supplier_id` holding the given
    liability-2 lines; the claimed amount is the sum of their loss cost."""
    bind_actor(session, actor)
    require_role(actor, ("开立供应商索赔", "open a supplier claim"), *_ROLES)
    supplier = session.get(Supplier, supplier_id)
    if supplier is None or not supplier.active:
        raise NotFoundError(what=("供应商", "supplier"), value=supplier_id)
    lines = _claimable(session, line_ids, supplier_id)
    claim = SupplierClaim(claim_no=next_claim_no(session, (today or date.today()).year), supplier_id=supplier_id,
                          status=DRAFT, note=bounded_text(note, "claim_note"), amount_reason="",
                          supplier_reply="", credit_ref="", created_by_id=actor.user_id)
    claim.lines = [SupplierClaimLine(line_id=ln.id, loss_cost=ln.loss_cost) for ln in lines]
    claim.loss_amount = _sum_lines(claim)
    claim.claimed_amount = claim.loss_amount
    session.add(claim)
    session.flush()
    return claim


def add_lines(session: Session, actor: Actor, claim_id: int, line_ids: Iterable[int], *,
              expected_version: int | None = None) -> SupplierClaim:
    """Draft only: more lines into the claim. An amount not changed by hand follows the loss."""
    claim = _prologue(session, actor, ("添加索赔明细", "add lines to the claim"), claim_id, expected_version, {DRAFT})
    lines = _claimable(session, line_ids, claim.supplier_id)
    followed = claim.claimed_amount == claim.loss_amount
    claim.lines.extend(SupplierClaimLine(line_id=ln.id, loss_cost=ln.loss_cost) for ln in lines)
    claim.loss_amount = _sum_lines(claim)
    if followed:
        claim.claimed_amount = claim.loss_amount
    session.flush()
    return claim


def remove_line(session: Session, actor: Actor, claim_id: int, line_id: int, *,
                expected_version: int | None = None) -> SupplierClaim:
    """Draft only: take a line out again (it becomes claimable); the last line stays."""
    claim = _prologue(session, actor, ("移除索赔明细", "remove a line from the claim"), claim_id,
                      expected_version, {DRAFT})
    keep = [cl for cl in claim.lines if cl.line_id != line_id]
    if len(keep) == len(claim.lines):
        raise NotFoundError(what=("索赔明细", "claim line"), value=line_id)
    if not keep:
        raise ValidationError("claim_no_lines", field_name="claim_lines")
    followed = claim.claimed_amount == claim.loss_amount
    claim.lines = keep
    claim.loss_amount = _sum_lines(claim)
    if followed:
        claim.claimed_amount = claim.loss_amount
    session.flush()
    return claim


def set_claimed_amount(session: Session, actor: Actor, claim_id: int, amount: Any, reason: str, *,
                       expected_version: int | None = None) -> SupplierClaim:
    """Draft only: claim another amount than the loss cost (a contract cap, handling costs
    added …), with the reason; back to the loss cost the reason may be left empty."""
    claim = _prologue(session, actor, ("修改索赔金额", "change the claimed amount"), claim_id,
                      expected_version, {DRAFT})
    value = amount_value(amount, "claimed_amount")
    why = bounded_text(reason, "amount_reason")
    if value != claim.loss_amount and not why:
        raise ValidationError("claim_amount_reason", field_name="amount_reason", amount=f"{value:.2f}",
                              loss=f"{claim.loss_amount:.2f}")
    claim.claimed_amount = value
    claim.amount_reason = why if value != claim.loss_amount else ""
    session.flush()
    return claim


def send(session: Session, actor: Actor, claim_id: int, *, sent_on: date | None = None,
         expected_version: int | None = None) -> SupplierClaim:
    """The claim notice goes to the supplier: draft → sent."""
    claim = _prologue(session, actor, ("发出索赔", "send the claim"), claim_id, expected_version, {DRAFT})
    if claim.claimed_amount <= ZERO:
        raise ValidationError("claim_amount_zero", field_name="claimed_amount")
    claim.status = SENT
    claim.sent_on = sent_on or date.today()
    claim.sent_by_id = actor.user_id
    session.flush()
    return claim


def record_answer(session: Session, actor: Actor, claim_id: int, answer: str, *, accepted_amount: Any = None,
                  reply: str = "", answered_on: date | None = None,
                  expected_version: int | None = None) -> SupplierClaim:
    """The supplier's answer to a sent claim: accepted (the whole claimed amount), partly
    accepted (the amount they accept, above 0 and below the claim) or rejected (why, in `reply`)."""
    claim = _prologue(session, actor, ("登记供方答复", "record the supplier's answer"), claim_id,
                      expected_version, {SENT})
    if answer not in ANSWERS:
        raise ValidationError("claim_answer_invalid", field_name="claim_answer", value=answer)
    text = bounded_text(reply, "supplier_reply")
    day = answered_on or date.today()
    if claim.sent_on is not None and day < claim.sent_on:
        raise ValidationError("claim_date_before", field_name="answered_on", value=day.isoformat(),
                              before=claim.sent_on.isoformat())
    if answer == ACCEPTED:
        accepted = claim.claimed_amount
    elif answer == PARTLY:
        accepted = amount_value(accepted_amount, "accepted_amount")
        if not ZERO < accepted < claim.claimed_amount:
            raise ValidationError("claim_partly_range", field_name="accepted_amount", value=f"{accepted:.2f}",
                                  claimed=f"{claim.claimed_amount:.2f}")
    else:
        if not text:
            raise ValidationError("required", field_name="supplier_reply", field=label("supplier_reply"))
        accepted = ZERO
    claim.status = answer
    claim.accepted_amount = accepted
    claim.supplier_reply = text
    claim.answered_on = day
    claim.answered_by_id = actor.user_id
    session.flush()
    return claim


def credit(session: Session, actor: Actor, claim_id: int, recovered_amount: Any, *, credit_ref: str = "",
           credited_on: date | None = None, expected_version: int | None = None) -> SupplierClaim:
    """The supplier paid or credited: the amount recovered (not above what they accepted) and
    their credit note or deduction reference. Accepted or partly accepted → credited."""
    claim = _prologue(session, actor, ("登记索赔回款", "record the amount recovered"), claim_id,
                      expected_version, {ACCEPTED, PARTLY})
    value = amount_value(recovered_amount, "recovered_amount")
    limit = claim.accepted_amount if claim.accepted_amount is not None else claim.claimed_amount
    if value <= ZERO or value > limit:
        raise ValidationError("claim_recovered_range", field_name="recovered_amount", value=f"{value:.2f}",
                              accepted=f"{limit:.2f}")
    day = credited_on or date.today()
    if claim.answered_on is not None and day < claim.answered_on:
        raise ValidationError("claim_date_before", field_name="credited_on", value=day.isoformat(),
                              before=claim.answered_on.isoformat())
    claim.recovered_amount = value
    claim.credit_ref = bounded_text(credit_ref, "credit_ref", max_len=max_length(SupplierClaim, "credit_ref"))
    claim.credited_on = day
    claim.credited_by_id = actor.user_id
    claim.status = CREDITED
    session.flush()
    return claim


# ------------------------------------------------------------------ the monthly statistics


@dataclass(frozen=True)
class ClaimFigures:
    """Claims sent in the month and what they claim; claims credited in it and what was recovered."""

    sent: int = 0
    claimed: Decimal = ZERO
    credited: int = 0
    recovered: Decimal = ZERO
    open_at_end: int = 0

    def to_json(self) -> dict[str, Any]:
        return {"sent": self.sent, "claimed": f"{self.claimed:.2f}", "credited": self.credited,
                "recovered": f"{self.recovered:.2f}", "open_at_end": self.open_at_end}


def month_columns(start: date, end: date) -> list[ScalarSelect[Any]]:
    """The claims figures of the monthly statistics as scalar subqueries, for one statement
    with the report's other small figures. Summed by the database over [start, end): sent_on
    and credited_on are the days the steps were taken (station days). Open at the end: sent
    before `end`, neither credited nor rejected by then."""
    c = SupplierClaim
    sent = (c.sent_on >= start, c.sent_on < end)
    credited = (c.credited_on >= start, c.credited_on < end)
    return [
        select(func.count(c.id)).where(*sent).scalar_subquery(),
        select(func.sum(c.claimed_amount)).where(*sent).scalar_subquery(),
        select(func.count(c.id)).where(*credited).scalar_subquery(),
        select(func.sum(c.recovered_amount)).where(*credited).scalar_subquery(),
        select(func.count(c.id)).where(
            c.sent_on < end,
            or_(c.credited_on.is_(None), c.credited_on >= end),
            or_(c.status != REJECTED, c.answered_on >= end)).scalar_subquery(),
    ]


def month_figures_of(values: Sequence[Any]) -> ClaimFigures:
    """The values of month_columns() as the report holds them."""
    sent, claimed, credited, recovered, open_at_end = values
    return ClaimFigures(sent=int(sent or 0), claimed=claimed or ZERO, credited=int(credited or 0),
                        recovered=recovered or ZERO, open_at_end=int(open_at_end or 0))


def month_figures(session: Session, start: date, end: date) -> ClaimFigures:
    """The month's claims figures (month_columns), in one statement."""
    return month_figures_of(session.execute(select(*month_columns(start, end))).one())
