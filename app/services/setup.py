"""The first start of a new database: set it up for real work, or fill it as a demo.

A new database (embedded or on a server) has its schema and, from the migration, the
reference data every database needs (liability codes, defect categories), and nothing
else. The station's set-up dialog then either

- `initialize`s it for real work: the company name and the controlled forms' numbers
  (编号) and revisions (版次) printed on every form, and the first administrator; or
- `initialize_demo`s it with demo people and a year of demo returns, clearly marked as a
  demo database (`demo_data = "1"`: the status bar and every printed form say 演示数据).

Both write the database's identity (`database_id`, a uuid) that stations remember, so a
vanished or emptied database is noticed and never silently replaced (db.identity).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping

from sqlalchemy.orm import Session, sessionmaker

from app.codes import Role
from app.errors import StationError, ValidationError
from app.services.settings import SHARED_DEFAULTS, save_shared
from app.services.users import actor_for, create_user
from db.identity import DATABASE_ID_KEY, DEMO_KEY, holds_real_data, read_identity
from db.models import Setting
from db.types import utcnow

# the form keys of the shared settings a set-up asks for: form_no.* and form_rev.*
FORM_KEYS: tuple[str, ...] = tuple(k for k in SHARED_DEFAULTS if k.startswith(("form_no.", "form_rev.")))


def needs_setup(session: Session) -> bool:
    """No users and no returns: a brand-new database that the set-up must initialize first."""
    return read_identity(session).empty


def _mark(session: Session, key: str, value: str, by: str) -> None:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value, updated_by=by))
    elif row.value != value:
        row.value, row.updated_by, row.updated_at = value, by, utcnow()


def _stamp_identity(session: Session, by: str) -> str:
    """The database's identity: kept if it has one already, else a new uuid."""
    row = session.get(Setting, DATABASE_ID_KEY)
    if row is not None and row.value:
        return row.value
    database_id = uuid.uuid4().hex
    _mark(session, DATABASE_ID_KEY, database_id, by)
    return database_id


def mark_demo(session: Session, by: str = "demo") -> str:
    """Mark the database as a demo database (the demo fill calls this); returns its identity."""
    database_id = _stamp_identity(session, by)
    _mark(session, DEMO_KEY, "1", by)
    session.flush()
    return database_id


def ensure_demo_allowed(session: Session, database: str) -> None:
    """Refuse demo data for a database that holds real data (`rma-station demo`, the set-up)."""
    if holds_real_data(session):
        raise StationError("demo_refused_real", database=database)


def initialize(session: Session, company: str, forms: Mapping[str, str], admin_login: str,
               admin_name: str, password: str) -> str:
    """First start, real work: company, form numbers and the first administrator.

    Called by the set-up dialog (and tests) on an empty database only; raises
    ValidationError naming the field at fault (company, form_no.notice …, login, name,
    password) and "already_set_up" on a database that has users or returns. Returns the
    new database's identity. The caller commits.
    """
    if not needs_setup(session):
        raise StationError("already_set_up")
    company = company.strip()
    if not company:
        raise ValidationError("required", field_name="company", field=("公司名称", "Company name"))
    values: dict[str, str] = {"company_name": company}
    for key in FORM_KEYS:
        value = str(forms.get(key, SHARED_DEFAULTS[key])).strip()
        if not value:
            what = ("表单编号", "Form number") if key.startswith("form_no.") else ("版次", "Revision")
            raise ValidationError("required", field_name=key, field=what)
        values[key] = value
    if not admin_name.strip():
        raise ValidationError("required", field_name="name", field=("姓名", "Name"))
    admin = create_user(session, admin_login, admin_name.strip(), password, [Role.ADMIN])
    actor = actor_for(admin, station="set-up")
    save_shared(session, actor, values)
    database_id = _stamp_identity(session, admin.login)
    _mark(session, DEMO_KEY, "0", admin.login)
    session.flush()
    return database_id


def initialize_demo(factory: sessionmaker[Session], returns: int = 200, *, database: str = "",
                    seed: int = 7) -> int:
    """First start, "try it with demo data": demo people (password 1234) and `returns` demo
    returns, the database marked as a demo. Refuses a database with real data. Commits itself
    (the demo fill is several transactions); returns how many returns were added."""
    from app.services.demo import fill_demo  # demo.py uses mark_demo from here

    with factory.begin() as s:
        ensure_demo_allowed(s, database)
        mark_demo(s)
    return fill_demo(factory, returns, seed=seed)


def adopt_existing(session: Session) -> str:
    """A database with data but no identity (from before the set-up existed): give it one.

    It is marked as demo when every return in it came from the demo fill (as the old
    automatic first start made them), else as real. Returns its identity. The caller commits.
    """
    from sqlalchemy import select

    from db.models import Return

    database_id = _stamp_identity(session, "station")
    if session.get(Setting, DEMO_KEY) is None:
        real = session.scalar(select(Return.id).where(Return.source != "demo").limit(1)) is not None
        demo = not real and session.scalar(select(Return.id).limit(1)) is not None
        _mark(session, DEMO_KEY, "1" if demo else "0", "station")
    session.flush()
    return database_id
