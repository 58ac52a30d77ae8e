"""The audit trail: who, when, station, field, old and new value; append-only."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import delete, select, text, update
from sqlalchemy.exc import DBAPIError

from app.services import inspection, returns
from db.models import AuditLog
from tests.unit.services.helpers import approved, line_ids


def _trail(factory, entity: str, entity_id: int) -> list[AuditLog]:
    with factory() as s:
        return list(s.scalars(select(AuditLog).where(AuditLog.entity == entity,
                                                     AuditLog.entity_id == entity_id)
                              .order_by(AuditLog.id)))


def test_insert_and_each_changed_field_are_recorded(factory, actors) -> None:
    rid = approved(factory, actors)
    lid = line_ids(factory, rid)[0]
    with factory.begin() as s:
        inspection.record_inspection(s, actors["qa"], lid, findings="触点烧蚀", defect_category_id=2,
                                     preliminary_opinion="制造不良")
    trail = _trail(factory, "line", lid)
    first = trail[0]
    assert (first.action, first.user_login, first.station, first.field) == ("insert", "wh", "test", "*")
    snapshot = json.loads(first.new_value)
    assert snapshot["barcode"] == "RMA-2026-000001-1" and snapshot["qty_counted"] == "20"
    changes = {(a.user_login, a.field, a.old_value, a.new_value) for a in trail if a.action == "update"}
    assert ("mgr", "status", "received", "inspection") in changes
    assert ("qa", "status", "inspection", "decision") in changes
    assert ("qa", "findings", "", "触点烧蚀") in changes
    assert ("qa", "defect_category_id", None, "2") in changes
    assert all(a.at is not None for a in trail)
    ret = _trail(factory, "return", rid)
    assert ("sales", "status", "received", "confirmed") in {
        (a.user_login, a.field, a.old_value, a.new_value) for a in ret}


def test_audit_log_cannot_be_changed_or_deleted(factory, actors, engine) -> None:
    rid = approved(factory, actors)
    with factory() as s:
        assert s.scalar(select(AuditLog.id).where(AuditLog.entity_id == rid)) is not None
    for stmt in (update(AuditLog).values(new_value="forged"), delete(AuditLog)):
        with factory() as s, pytest.raises(DBAPIError) as err:
            s.execute(stmt)
            s.commit()
        assert "append-only" in str(err.value)
    if engine.dialect.name == "postgresql":  # SQLite has no TRUNCATE statement
        with engine.connect() as c, pytest.raises(DBAPIError):
            c.execute(text("TRUNCATE audit_log"))
    with factory() as s:
        assert s.scalar(select(AuditLog.new_value).where(AuditLog.new_value == "forged")) is None
        assert returns.find_return(s, "RMA-2026-000001") is not None


def test_rebooked_rework_entries_keep_their_old_values(factory, actors) -> None:
    from app.services import rework
    from tests.unit.services.helpers import planned

    _rid, lid = planned(factory, actors)
    with factory.begin() as s:
        rework.book_rework_costs(s, actors["pmc"], lid, materials=[rework.MaterialEntry("外壳", 2, "3.40")],
                                 labour=[])
    with factory.begin() as s:
        rework.book_rework_costs(s, actors["pmc"], lid, materials=[rework.MaterialEntry("外壳", 3, "3.40")],
                                 labour=[])
    with factory() as s:
        trail = list(s.scalars(select(AuditLog).where(AuditLog.entity == "material").order_by(AuditLog.id)))
    assert [a.action for a in trail] == ["insert", "delete", "insert"]
    assert json.loads(trail[1].old_value)["qty"] == "2.000" and trail[1].user_login == "pmc"  # measured, 3 places
    assert json.loads(trail[2].new_value)["qty"] == "3.000"
