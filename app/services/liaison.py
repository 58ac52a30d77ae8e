"""Liaison notes (联络单) from the QA bench to sales: sales' queue, acknowledging with a reply.

Workflow step: QA or engineering raises a note (app.services.inspection) when the customer
misused the goods, the goods are not ours, replacement goods are needed, or for another
reason; sales acknowledges it with a reply within 2 working days (`due_on`). The reply
prints on the liaison note (app.printing.slips.render_liaison).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.codes import Role
from app.errors import NotFoundError, WorkflowError
from app.services.context import Actor, bind_actor, require_role, required_text
from app.services.inspection import LIAISON_REASONS, liaison_due
from app.services.returns import get_return
from db.models import LiaisonNote, Return, ReturnLine, User
from db.types import utcnow


@dataclass(frozen=True)
class LiaisonRow:
    """One liaison note as sales' queue and the desk show it."""

    id: int
    return_id: int
    rma_no: str
    customer: str
    line_no: int | None
    reason: str            # code: customer_misuse / not_our_product / replacement / other
    reason_zh: str
    reason_en: str
    text: str
    raised_by: str
    raised_at: datetime | None
    due_on: date | None
    acknowledged_by: str
    acknowledged_at: datetime | None
    reply: str
    overdue: bool

    def reason_name(self, lang: str = "zh") -> str:
        return self.reason_zh if lang.startswith("zh") else self.reason_en


def due_of(note: LiaisonNote) -> date | None:
    """The deadline; notes from before it was stored get 2 working days after they were raised."""
    if note.due_on is not None:
        return note.due_on
    return liaison_due(note.created_at.astimezone().date()) if note.created_at else None


def _names(session: Session, ids: set[int | None]) -> dict[int, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    return dict(session.execute(select(User.id, User.name).where(User.id.in_(wanted))).all())


def _rows(session: Session, notes: list[LiaisonNote], today: date) -> list[LiaisonRow]:
    names = _names(session, {n.raised_by_id for n in notes} | {n.acknowledged_by_id for n in notes})
    out = []
    for n in notes:
        rma = session.get(Return, n.return_id)
        line = session.get(ReturnLine, n.line_id) if n.line_id is not None else None
        zh, en = LIAISON_REASONS.get(n.reason, (n.reason, n.reason))
        due = due_of(n)
        out.append(LiaisonRow(
            id=n.id, return_id=n.return_id, rma_no=rma.rma_no if rma else "",
            customer=rma.customer.name if rma else "", line_no=line.line_no if line else None,
            reason=n.reason, reason_zh=zh, reason_en=en, text=n.text,
            raised_by=names.get(n.raised_by_id, "") if n.raised_by_id else "", raised_at=n.created_at,
            due_on=due, acknowledged_by=names.get(n.acknowledged_by_id, "") if n.acknowledged_by_id else "",
            acknowledged_at=n.acknowledged_at, reply=n.reply,
            overdue=n.acknowledged_at is None and due is not None and due < today))
    return out


def queue(session: Session, *, include_acknowledged: bool = True, today: date | None = None) -> list[LiaisonRow]:
    """Sales' queue: unacknowledged notes first (oldest deadline first), then acknowledged ones,
    newest first. Any role reads it."""
    today = today or date.today()
    notes = list(session.scalars(select(LiaisonNote).order_by(LiaisonNote.id)))
    if not include_acknowledged:
        notes = [n for n in notes if n.acknowledged_at is None]
    rows = _rows(session, notes, today)
    pending = sorted((r for r in rows if r.acknowledged_at is None), key=lambda r: (r.due_on or date.max, r.id))
    done = sorted((r for r in rows if r.acknowledged_at is not None),
                  key=lambda r: r.acknowledged_at or datetime.min, reverse=True)
    return pending + done


def notes_of_return(session: Session, return_id: int, today: date | None = None) -> list[LiaisonRow]:
    """The liaison notes of one return (shown on the desk)."""
    get_return(session, return_id)
    notes = list(session.scalars(select(LiaisonNote).where(LiaisonNote.return_id == return_id)
                                 .order_by(LiaisonNote.id)))
    return _rows(session, notes, today or date.today())


def acknowledge(session: Session, actor: Actor, note_id: int, reply: str) -> LiaisonNote:
    """Sales: acknowledge a liaison note with a reply (what sales will do with the customer)."""
    bind_actor(session, actor)
    require_role(actor, ("签收联络单", "acknowledge a liaison note"), Role.SALES)
    note = session.get(LiaisonNote, note_id, with_for_update=True)
    if note is None:
        raise NotFoundError(what=("联络单", "liaison note"), value=note_id)
    if note.acknowledged_at is not None:
        by = _names(session, {note.acknowledged_by_id}).get(note.acknowledged_by_id or 0, "?")
        raise WorkflowError("liaison_already_acknowledged", by=by)
    note.reply = required_text(reply, "reply")
    note.acknowledged_by_id = actor.user_id
    note.acknowledged_at = utcnow()
    session.flush()
    return note
