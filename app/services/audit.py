"""The audit trail: every insert and update of a quality record, written in the same flush.

Session events see every change, so no service can forget to audit; the rows store
codes and raw values, never translated text. On PostgreSQL and SQLite a trigger refuses
UPDATE and DELETE of audit_log (migration 0001).

On PostgreSQL the database writes these rows itself (db.roles, migration 0009: triggers
with the server's clock and, on a server set up by init-server, session_user): the
application then only tells the server who acts at which station for this transaction
(rma.login / rma.station, which a station login's own rows ignore) and writes nothing of
its own here, so each change is in the trail once, in the same shape on both backends.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import event, insert, inspect, text
from sqlalchemy.orm import Session, object_session

from db.models import (
    Attachment,
    AuditLog,
    Correction,
    CorrectiveAction,
    CorrectiveActionItem,
    Customer,
    DefectCategory,
    LiaisonNote,
    LineWarranty,
    Product,
    ReplacementShipment,
    Return,
    ReturnLine,
    ReworkLabour,
    ReworkMaterial,
    Setting,
    StorageLocation,
    Supplier,
    SupplierClaim,
    SupplierClaimLine,
    Tracked,
    User,
    UserRole,
)
from db.types import utcnow

AUDITED: dict[type, str] = {
    Return: "return",
    ReturnLine: "line",
    ReworkMaterial: "material",
    ReworkLabour: "labour",
    CorrectiveAction: "corrective_action",
    CorrectiveActionItem: "ca_item",
    LiaisonNote: "liaison_note",
    Correction: "correction",
    # master data (资料维护): who changed a customer, a price, a role or a setting
    Customer: "customer",
    Product: "product",
    Supplier: "supplier",
    DefectCategory: "defect_category",
    StorageLocation: "storage_location",
    Setting: "setting",
    User: "user",
    UserRole: "user_role",
    Attachment: "attachment",  # photos and files: who added or removed which, when
    # claims: supplier claims, warranty at receipt, replacement shipments
    SupplierClaim: "supplier_claim",
    SupplierClaimLine: "claim_line",
    LineWarranty: "warranty",
    ReplacementShipment: "replacement",
}
# never into the trail: a hash is as good as the password to whoever cracks it offline
_MASKED = {"password_hash"}
# a photo's bytes are the attachment itself, not a fact about it: the trail keeps its name,
# type, size and checksum (its own columns) and says the content was set
_MASKED |= {"data", "thumb"}
MASK_SET, MASK_CHANGED = "(set)", "(changed)"


def _entity_id(obj: Any) -> int:
    """The integer the trail files a row under: settings are keyed by name (field = key)."""
    if isinstance(obj, UserRole):
        return obj.user_id
    return getattr(obj, "id", None) or 0


def _field(obj: Any, key: str) -> str:
    return obj.key if isinstance(obj, Setting) and key == "value" else key
# bookkeeping columns that change on every save and say nothing of their own
_SKIP = {"version", "updated_at", "updated_by", "created_at",
         # queries: the line's keys derive from fields the trail holds already (line_keys)
         "stat_month", "priority_key"}


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, Decimal):
        return str(value)
    return str(value)


def _actor_fields(session: Session) -> tuple[str, str]:
    actor = session.info.get("actor")
    if actor is None:
        return session.info.get("user_login", "system"), session.info.get("station", "")
    return actor.login, actor.station


_TRIGGERS = "trail_by_triggers"


def _server_writes_trail(connection: Any) -> bool:
    """Whether the database audits by triggers (PostgreSQL after migration 0009)."""
    if connection.dialect.name != "postgresql":
        return False
    return bool(connection.exec_driver_sql("SELECT to_regprocedure('rma_audit_row()') IS NOT NULL").scalar())


def _tell_server(session: Session, login: str, station: str) -> bool:
    """On PostgreSQL: who acts, for this transaction, and whether the database audits by
    triggers — one statement per flush, whatever the flush holds."""
    if session.get_bind().dialect.name != "postgresql":
        return False
    return bool(session.connection().execute(text(
        "SELECT set_config('rma.login', :login, true), set_config('rma.station', :station, true), "
        "to_regprocedure('rma_audit_row()') IS NOT NULL"), dict(login=login, station=station)).one()[2])


@event.listens_for(Session, "before_flush")
def _stamp(session: Session, _ctx: Any, _instances: Any) -> None:
    login, station = _actor_fields(session)
    session.info[_TRIGGERS] = _tell_server(session, login, station)
    actor = session.info.get("actor")
    who = actor.name if actor is not None else login
    now = utcnow()
    new = session.new  # built anew on each access: asked once per object it made imports quadratic
    for obj in list(new) + list(session.dirty):
        if isinstance(obj, Tracked) and (obj in new or session.is_modified(obj)):
            obj.updated_by = who
            obj.updated_at = now


@event.listens_for(Session, "after_flush")
def _write_audit(session: Session, _ctx: Any) -> None:
    if session.info.get(_TRIGGERS):
        return
    login, station = _actor_fields(session)
    now = utcnow()
    rows: list[dict[str, Any]] = []
    for obj in session.new:
        entity = AUDITED.get(type(obj))
        if entity is None:
            continue
        state = inspect(obj)
        snapshot = {
            attr.key: MASK_SET if attr.key in _MASKED else _text(getattr(obj, attr.key))
            for attr in state.mapper.column_attrs
            if attr.key not in _SKIP and getattr(obj, attr.key) is not None
        }
        rows.append(dict(at=now, user_login=login, station=station, entity=entity,
                         entity_id=_entity_id(obj), action="insert", field="*", old_value=None,
                         new_value=json.dumps(snapshot, ensure_ascii=False, sort_keys=True)))
    for obj in session.dirty:
        entity = AUDITED.get(type(obj))
        if entity is None:
            continue
        state = inspect(obj)
        for attr in state.mapper.column_attrs:
            if attr.key in _SKIP:
                continue
            hist = state.attrs[attr.key].history
            if not hist.has_changes():
                continue
            old = hist.deleted[0] if hist.deleted else None
            new = hist.added[0] if hist.added else None
            if _text(old) == _text(new):
                continue
            if attr.key in _MASKED:
                old, new = MASK_CHANGED, MASK_CHANGED
            rows.append(dict(at=now, user_login=login, station=station, entity=entity,
                             entity_id=_entity_id(obj), action="update", field=_field(obj, attr.key),
                             old_value=_text(old), new_value=_text(new)))
    if rows:
        session.connection().execute(insert(AuditLog), rows)


def _audit_delete(_mapper: Any, connection: Any, target: Any) -> None:
    """Only rework entries and a user's roles are ever removed (the planner re-saves the tables,
    an administrator takes a role away; delete-orphan removes the old rows during the flush, so
    session.deleted never lists them): keep their values."""
    session = object_session(target)
    if session.info.get(_TRIGGERS) if session is not None else _server_writes_trail(connection):
        return
    login, station = _actor_fields(session) if session is not None else ("system", "")
    state = inspect(target)
    snapshot = {attr.key: MASK_SET if attr.key in _MASKED else _text(getattr(target, attr.key))
                for attr in state.mapper.column_attrs if attr.key not in _SKIP}
    connection.execute(insert(AuditLog), [dict(
        at=utcnow(), user_login=login, station=station, entity=AUDITED[type(target)],
        entity_id=_entity_id(target), action="delete", field="*",
        old_value=json.dumps(snapshot, ensure_ascii=False, sort_keys=True), new_value=None)])


for _cls in AUDITED:
    event.listen(_cls, "after_delete", _audit_delete)
