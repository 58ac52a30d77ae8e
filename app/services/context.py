"""Who is acting, and the checks every service makes before it changes anything."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy.orm import Session

from app.codes import ROLES, Role
from app.errors import ConflictError, ConflictInfo, ValidationError, WorkflowError
from app.fields import label
from app.limits import MAX_QTY, check_money, check_qty, check_text


@dataclass(frozen=True)
class Actor:
    """The logged-in user at a station; carried on session.info for the audit trail."""

    user_id: int
    login: str
    name: str
    roles: frozenset[str] = field(default_factory=frozenset)
    station: str = ""

    def has(self, role: Role) -> bool:
        return role.value in self.roles or Role.ADMIN.value in self.roles


def bind_actor(session: Session, actor: Actor) -> None:
    session.info["actor"] = actor


def require_role(actor: Actor, action: tuple[str, str], *roles: Role) -> None:
    """Refuse a step the actor's roles do not allow; admin may take every step."""
    if any(actor.has(r) for r in roles):
        return
    needed = ROLES[roles[0]]
    raise WorkflowError("wrong_role", user=actor.name, role=(needed.zh, needed.en), action=action)


def require_state(current: str, allowed: set[str], what: tuple[str, str], state_name: tuple[str, str],
                  action: tuple[str, str]) -> None:
    if current not in allowed:
        raise WorkflowError("wrong_state", what=what, state=state_name, action=action)


def check_version(obj: Any, expected_version: int | None) -> None:
    """Optimistic locking: refuse to save over a change the user has not seen."""
    if expected_version is not None and obj.version != expected_version:
        raise ConflictError(
            ConflictInfo(changed_by=obj.updated_by or "?", changed_at=obj.updated_at,
                         current_version=obj.version)
        )


def whole_qty(value: Any, field_name: str, *, allow_zero: bool = False) -> int:
    """A quantity is a whole number: 12 and 12.0 pass, 12.5, -1, 'abc' and True are refused."""
    lab = label(field_name)
    if isinstance(value, bool) or value is None or value == "":
        raise ValidationError("qty_not_whole", field_name=field_name, field=lab, value=value)
    try:
        d = Decimal(str(value).strip())
    except InvalidOperation:
        raise ValidationError("qty_not_whole", field_name=field_name, field=lab, value=value) from None
    if d != d.to_integral_value():
        raise ValidationError("qty_not_whole", field_name=field_name, field=lab, value=value)
    n = int(d)
    if n < 0 or (n == 0 and not allow_zero):
        raise ValidationError("qty_not_whole", field_name=field_name, field=lab, value=value)
    return check_qty(n, field_name, maximum=MAX_QTY)


def amount_value(value: Any, field_name: str, *, places: int = 2) -> Decimal:
    """A non-negative amount with at most `places` decimals; floats are refused."""
    lab = label(field_name)
    if isinstance(value, bool | float) or value is None or value == "":
        raise ValidationError("price_invalid", field_name=field_name, field=lab, value=value)
    try:
        d = Decimal(str(value).strip())
    except InvalidOperation:
        raise ValidationError("price_invalid", field_name=field_name, field=lab, value=value) from None
    q = Decimal(1).scaleb(-places)
    if not d.is_finite() or d < 0 or d != d.quantize(q):
        raise ValidationError("price_invalid", field_name=field_name, field=lab, value=value)
    return check_money(d.quantize(q), field_name)


def ratio_value(value: Any, field_name: str = "refund_ratio") -> Decimal:
    lab = label(field_name)
    try:
        d = Decimal(str(value).strip())
    except (InvalidOperation, TypeError):
        raise ValidationError("ratio_invalid", field_name=field_name, field=lab, value=value) from None
    if isinstance(value, bool | float) or not d.is_finite() or d < 0 or d > 1 or d != d.quantize(Decimal("0.0001")):
        raise ValidationError("ratio_invalid", field_name=field_name, field=lab, value=value)
    return d


def required_text(value: str | None, field_name: str, max_len: int | None = None) -> str:
    text = (value or "").strip()
    if not text:
        raise ValidationError("required", field_name=field_name, field=label(field_name))
    return check_text(text, field_name, max_len=max_len)


def bounded_text(value: str | None, field_name: str, max_len: int | None = None) -> str:
    """An optional text, trimmed: refused when longer than its column (app.limits) or when it
    holds NUL or another control character (tab and newline only in multi-line fields)."""
    return check_text((value or "").strip(), field_name, max_len=max_len)


def add_working_days(start: date, days: int) -> date:
    """Monday–Friday working days (the procedure's '1 working day' for inspection)."""
    d = start
    while days > 0:
        d += timedelta(days=1)
        if d.weekday() < 5:
            days -= 1
    return d
