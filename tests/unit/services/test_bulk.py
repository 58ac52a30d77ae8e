"""Bulk writes (COPY on PostgreSQL, executemany on SQLite) store what the ORM would store."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, inspect, select
from sqlalchemy.exc import StatementError
from sqlalchemy.orm import Session, sessionmaker

from app.excel.importer import import_workbook
from app.services.bulk import (
    LINE,
    RETURN,
    audit_inserts,
    column_defaults,
    complete,
    line_row,
    owner_load,
    take_ids,
    write_rows,
)
from app.services.demo import fill_demo
from db.models import AuditLog, Customer, Product, Return, ReturnLine
from tests.unit.excel.workbooks import SAMPLE

CST = timezone(timedelta(hours=8))


def _one_return(s: Session, rid: int, lid: int, **line: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    customer = s.scalar(select(Customer.id))
    product = s.scalar(select(Product.id))
    ret = complete(dict(id=rid, rma_no=f"RMA-2031-{rid:06d}", customer_id=customer, arrival_method="sales",
                        received_on=date(2031, 5, 6), status="received", source="demo",
                        approved_at=datetime(2031, 5, 6, 20, 30, tzinfo=CST)), column_defaults(RETURN))
    values = dict(id=lid, return_id=rid, line_no=1, barcode=f"RMA-2031-{rid:06d}-1", product_id=product,
                  qty_counted=3, unit_price=Decimal("12.35"), amount=Decimal("37.05"), **line)
    return ret, line_row(values, ret, column_defaults(LINE))


def test_rows_written_in_bulk_read_back_as_the_orm_writes_them(factory: sessionmaker[Session]) -> None:
    with factory.begin() as s:
        rid, = take_ids(s, RETURN, 1)
        lid, = take_ids(s, LINE, 1)
        ret, line = _one_return(s, rid, lid, refund_ratio=Decimal("0.3333"), refund_amount=Decimal("12.35"))
        write_rows(s, RETURN, [ret])
        write_rows(s, LINE, [line])
    with factory() as s:
        rma = s.get(Return, rid)
        assert rma is not None and rma.rma_no == f"RMA-2031-{rid:06d}"
        # a timestamp of another zone is stored as UTC and comes back timezone-aware
        assert rma.approved_at == datetime(2031, 5, 6, 12, 30, tzinfo=UTC)
        assert rma.approved_at.tzinfo is not None
        assert (rma.urgency, rma.notes, rma.version, rma.delivery_no) == ("normal", "", 1, "")
        ln = s.get(ReturnLine, lid)
        assert ln is not None
        assert (ln.unit_price, ln.amount, ln.refund_ratio, ln.refund_amount) == (
            Decimal("12.35"), Decimal("37.05"), Decimal("0.3333"), Decimal("12.35"))
        assert (ln.status, ln.unit, ln.is_our_product, ln.serious, ln.loss_cost) == (
            "received", "件", True, False, Decimal("0.00"))
        # the sum stays exact on both backends (SQLite keeps fen as integers)
        assert s.scalar(select(func.sum(ReturnLine.amount)).where(ReturnLine.id == lid)) in (
            Decimal("37.05"), 3705)


def test_money_finer_than_the_fen_is_refused_in_bulk_too(factory: sessionmaker[Session]) -> None:
    with factory() as s:
        rid, = take_ids(s, RETURN, 1)
        lid, = take_ids(s, LINE, 1)
        ret, line = _one_return(s, rid, lid)
        line["unit_price"] = Decimal("0.035")
        write_rows(s, RETURN, [ret])
        # SQLAlchemy's executemany wraps the type's error in a StatementError; COPY does not
        with pytest.raises((ValueError, StatementError), match="decimal places"):
            write_rows(s, LINE, [line])
        s.rollback()


def test_ids_taken_in_bulk_follow_each_other_and_are_new(factory: sessionmaker[Session]) -> None:
    fill_demo(factory, 30)
    with factory.begin() as s:
        top = s.scalar(select(func.max(Return.id)))
        ids = take_ids(s, RETURN, 50)
    assert len(set(ids)) == 50 and ids == sorted(ids) and ids[0] > top


def test_an_imported_lines_audit_row_is_its_snapshot(factory: sessionmaker[Session],
                                                     actors: dict[str, Any]) -> None:
    with factory.begin() as s:
        result = import_workbook(s, actors["qa"], SAMPLE)
    with factory() as s:
        for rid in result.return_ids[:5]:
            rma = s.get(Return, rid)
            assert rma is not None
            trail = s.scalars(select(AuditLog).where(AuditLog.entity == "return", AuditLog.entity_id == rid)).all()
            assert [(a.action, a.field, a.user_login) for a in trail] == [("insert", "*", "qa")]
            snap = json.loads(trail[0].new_value or "")
            assert snap["rma_no"] == rma.rma_no and snap["status"] == rma.status
            assert "version" not in snap and "updated_at" not in snap  # bookkeeping stays out
            for ln in rma.lines:
                row = s.scalars(select(AuditLog).where(AuditLog.entity == "line",
                                                       AuditLog.entity_id == ln.id)).one()
                snap = json.loads(row.new_value or "")
                mapper = inspect(ReturnLine)
                expected = {a.key for a in mapper.column_attrs
                            if getattr(ln, a.key) is not None} - {"version", "updated_at", "updated_by",
                                                                  "created_at",
                                                                  # derived keys: not in the trail
                                                                  "stat_month", "priority_key"}
                assert set(snap) == expected
                assert Decimal(snap["amount"]) == ln.amount and snap["barcode"] == ln.barcode
        # one insert row per return and per line: written in bulk, none missing, none twice
        assert s.scalar(select(func.count()).select_from(AuditLog).where(
            AuditLog.entity == "line", AuditLog.action == "insert")) == result.lines_imported


def test_audit_inserts_write_one_row_each(factory: sessionmaker[Session]) -> None:
    with factory.begin() as s:
        n = audit_inserts(s, "line", [{"id": 7, "qty_counted": 2, "version": 1}, {"id": 8, "lot_no": ""}],
                          login="qa", station="desk-1")
    assert n == 2
    with factory() as s:
        rows = s.scalars(select(AuditLog).where(AuditLog.station == "desk-1").order_by(AuditLog.entity_id)).all()
        assert [(r.entity_id, json.loads(r.new_value or "")) for r in rows] == [
            (7, {"id": "7", "qty_counted": "2"}), (8, {"id": "8", "lot_no": ""})]


def test_the_legacy_sample_imports_the_same_in_bulk(factory: sessionmaker[Session], actors: dict[str, Any],
                                                    tmp_path: Path) -> None:
    # the expected results of shared/samples: counts, money per month, statuses of returns
    with factory.begin() as s:
        result = import_workbook(s, actors["qa"], SAMPLE)
    assert (result.returns_created, result.lines_imported, len(result.rejects)) == (78, 119, 19)
    with factory() as s:
        by_status = dict(s.execute(select(Return.status, func.count()).where(Return.source == "import")
                                   .group_by(Return.status)).all())
        assert sum(by_status.values()) == 78
        for rma in s.scalars(select(Return).where(Return.source == "import")):
            done = all(ln.status == "done" for ln in rma.lines)
            assert rma.status == ("closed" if done else "approved")
            assert [ln.line_no for ln in rma.lines] == list(range(1, len(rma.lines) + 1))
            assert all(ln.barcode == f"{rma.rma_no}-{ln.line_no}" for ln in rma.lines)


def test_an_owners_bulk_load_skips_the_row_triggers_only_while_they_would_do_nothing(
        factory: sessionmaker[Session], db_url: str) -> None:
    """As the database's superuser (the suite's), inside owner_load the rows skip the row
    triggers; once someone acts (rma.login said), or after the block, every trigger runs."""
    with factory.begin() as s:
        role = lambda: s.connection().exec_driver_sql("SHOW session_replication_role").scalar() \
            if db_url.startswith("postgresql") else None  # noqa: E731
        with owner_load(s) as skipped:
            assert skipped is db_url.startswith("postgresql")
            assert role() in ("replica", None)
            rid, = take_ids(s, RETURN, 1)
            lid, = take_ids(s, LINE, 1)
            ret, line = _one_return(s, rid, lid)
            write_rows(s, RETURN, [ret])
            write_rows(s, LINE, [line])
        assert role() in ("origin", None)
        if db_url.startswith("postgresql"):
            s.connection().exec_driver_sql("SELECT set_config('rma.login', 'qa', true)")
            with owner_load(s) as skipped:
                assert skipped is False and role() == "origin"
    with factory() as s:  # what was written is all there, foreign keys intact
        assert s.get(ReturnLine, lid) is not None and s.get(ReturnLine, lid).return_id == rid
        assert s.scalar(select(func.count()).select_from(ReturnLine).where(
            ReturnLine.return_id.not_in(select(Return.id)))) == 0
