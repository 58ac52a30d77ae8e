"""Small reads the stations need to fill their forms: pick lists, names, a scanned code.

Every query the window runs lives in app/ (here, in app/services/queues.py for the long
lists, and in the step services); ui/ only calls these functions inside
`StationContext.read`, which gives them a short session and turns a lost connection into
the database banner.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.codes import ReturnStatus
from db.models import (
    CorrectiveAction,
    Customer,
    DefectCategory,
    LiaisonNote,
    Return,
    ReturnLine,
    StorageLocation,
    User,
)


def user_name(session: Session, user_id: int | None) -> str:
    """The display name of a user, "" for nobody (or a user since deleted)."""
    if user_id is None:
        return ""
    user = session.get(User, user_id)
    return user.name if user else ""


def user_by_login(session: Session, login: str) -> User | None:
    return session.scalar(select(User).where(User.login == login))


def database_is_empty(session: Session) -> bool:
    """No users and no returns: a brand-new embedded database (then demo data is offered)."""
    users = session.scalar(select(func.count()).select_from(User))
    returns = session.scalar(select(func.count()).select_from(Return))
    return users == 0 and returns == 0


def active_customers(session: Session) -> list[tuple[int, str]]:
    """(id, name) of the customers a new return may name, by code then name."""
    return [(c.id, c.name) for c in session.scalars(
        select(Customer).where(Customer.active.is_(True)).order_by(Customer.code, Customer.name))]


def recent_storage_locations(session: Session, returns: int = 500) -> list[str]:
    """The desk's pick list of isolation-area places, sorted: the active storage locations of
    master data (by name, else code) and the places used by the last `returns` returns."""
    recent = select(Return.storage_location).order_by(Return.id.desc()).limit(returns).subquery()
    listed = {loc.name or loc.code for loc in session.scalars(
        select(StorageLocation).where(StorageLocation.active.is_(True)))}
    return sorted(listed | {p for p in session.scalars(select(recent.c.storage_location)) if p})


@dataclass(frozen=True, slots=True)
class Category:
    id: int
    name_zh: str
    name_en: str

    def name(self, lang: str) -> str:
        return self.name_zh if lang.startswith("zh") else self.name_en


def defect_categories(session: Session) -> list[Category]:
    """The editable defect/cause list, active entries in their set order."""
    return [Category(d.id, d.name_zh, d.name_en or d.name_zh) for d in session.scalars(
        select(DefectCategory).where(DefectCategory.active.is_(True)).order_by(DefectCategory.id))]


def line_corrective_actions(session: Session, line_id: int) -> list[CorrectiveAction]:
    return list(session.scalars(select(CorrectiveAction).where(CorrectiveAction.line_id == line_id)
                                .order_by(CorrectiveAction.id)))


def line_liaison_notes(session: Session, line_id: int) -> list[LiaisonNote]:
    return list(session.scalars(select(LiaisonNote).where(LiaisonNote.line_id == line_id)
                                .order_by(LiaisonNote.id)))


@dataclass(frozen=True, slots=True)
class ScannedLine:
    line_id: int
    status: str
    return_id: int


def line_by_barcode(session: Session, barcode: str) -> ScannedLine | None:
    """A scanned line label: which line, in which state, of which return (one indexed read)."""
    row = session.execute(select(ReturnLine.id, ReturnLine.status, ReturnLine.return_id)
                          .where(ReturnLine.barcode == barcode)).first()
    return None if row is None else ScannedLine(row[0], row[1], row[2])


def returns_received_on(session: Session, day: date) -> list[str]:
    """RMA numbers of the returns received on `day` (cancelled ones left out), in order."""
    return list(session.scalars(select(Return.rma_no).where(Return.received_on == day,
                                                            Return.status != ReturnStatus.CANCELLED.value)
                                .order_by(Return.rma_no)))


def newest_return_no(session: Session) -> str | None:
    """The RMA number of the return registered last (not cancelled): the printing desk's default."""
    return session.scalar(select(Return.rma_no).where(Return.status != ReturnStatus.CANCELLED.value)
                          .order_by(Return.id.desc()).limit(1))
