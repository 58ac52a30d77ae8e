"""Shared business settings, one value for every station: kept in the database.

Per-machine options (database URL, station role, printer) live in QSettings (ui/settings.py);
these are the ones the whole department must agree on.
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.codes import Role
from app.services.context import Actor, amount_value, bind_actor, require_role
from db.models import Setting
from db.types import utcnow

# key → default. Form numbers (编号) and revisions (版次) of the controlled forms.
SHARED_DEFAULTS: dict[str, str] = {
    "labour_rate": "32.00",
    "form_no.notice": "QR-8.3-01",
    "form_rev.notice": "A",
    "form_no.analysis": "QR-8.3-02",
    "form_rev.analysis": "A",
    "form_no.liaison": "QR-8.3-03",
    "form_rev.liaison": "A",
    "form_no.rework": "QR-8.3-04",
    "form_rev.rework": "A",
    "company_name": "客退品处理工作站",
}


def load_shared(session: Session) -> dict[str, str]:
    values = dict(SHARED_DEFAULTS)
    values.update({s.key: s.value for s in session.scalars(select(Setting))})
    return values


def save_shared(session: Session, actor: Actor, values: dict[str, str]) -> None:
    """Administration: change shared settings; the labour rate must be an amount."""
    bind_actor(session, actor)
    require_role(actor, ("修改共享设置", "change shared settings"), Role.ADMIN, Role.MANAGER)
    for key, value in values.items():
        if key not in SHARED_DEFAULTS:
            continue
        if key == "labour_rate":
            value = str(amount_value(value, "hourly_rate"))
        row = session.get(Setting, key)
        if row is None:
            session.add(Setting(key=key, value=value, updated_by=actor.login))
        elif row.value != value:
            row.value, row.updated_by, row.updated_at = value, actor.login, utcnow()
    session.flush()


def labour_rate(session: Session) -> Decimal:
    return Decimal(load_shared(session)["labour_rate"])


def form_number(session: Session, form: str) -> tuple[str, str]:
    values = load_shared(session)
    return values[f"form_no.{form}"], values[f"form_rev.{form}"]
