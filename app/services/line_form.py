"""A line as its bench's form shows it, read in one statement.

The form needs the line, its return and customer, its product, the return's other lines
(whether the return can close), who inspected and decided it, and its 8D and liaison
notes. Read by lazy loads, that was seven round trips for one scan (issue 12): across sites,
at 20 ms each, more than the scan's whole budget. Here every part is joined into one
SELECT (a handful of rows: the return's lines × the line's notes).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload, lazyload

from app.errors import NotFoundError
from app.services.returns import LINE_WHAT
from db.models import Return, ReturnLine, User


def line_for_form(session: Session, line_id: int, *, rework: bool = False) -> ReturnLine:
    """The line with everything its form reads already loaded; `rework` adds the booked
    materials and labour and the planner. Raises NotFoundError for an unknown line."""
    opts = [
        joinedload(ReturnLine.rma).joinedload(Return.customer),
        joinedload(ReturnLine.rma).joinedload(Return.lines),
        joinedload(ReturnLine.inspected_by).options(lazyload(User.roles)),
        joinedload(ReturnLine.decided_by).options(lazyload(User.roles)),
        joinedload(ReturnLine.corrective_actions_view),  # type: ignore[attr-defined]
        joinedload(ReturnLine.liaison_notes_view),  # type: ignore[attr-defined]
    ]
    if rework:
        opts += [joinedload(ReturnLine.materials), joinedload(ReturnLine.labour)]
    line = session.scalars(select(ReturnLine).where(ReturnLine.id == line_id).options(*opts)).unique().one_or_none()
    if line is None:
        raise NotFoundError(what=LINE_WHAT, value=line_id)
    return line


def name_of(user: User | None) -> str:
    """A loaded user's display name, "" for nobody."""
    return user.name if user is not None else ""


def user_name(session: Session, user_id: int | None) -> str:
    """A user's display name in one small SELECT ("" for nobody): loading the User would
    also load its roles, a second round trip."""
    if user_id is None:
        return ""
    return session.scalar(select(User.name).where(User.id == user_id)) or ""
