"""What the user saw is what the version check covers; conflicts and deadlocks are no crash."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from sqlalchemy import select, text
from sqlalchemy.orm import Session, sessionmaker

from app.errors import ConflictError
from app.services import returns as return_service
from db.engine import run_in_transaction, unit_of_work
from db.models import Customer, Return, ReturnLine
from tests.unit.services.helpers import line_ids, received


def test_a_count_correction_moves_the_returns_version_so_sales_sees_the_conflict(
        factory: sessionmaker[Session], actors: dict[str, Any]) -> None:
    rid = received(factory, actors)
    lid = line_ids(factory, rid)[0]
    with factory() as s:
        seen_by_sales = s.get(Return, rid).version  # type: ignore[union-attr]
        line_version = s.get(ReturnLine, lid).version  # type: ignore[union-attr]
    with unit_of_work(factory) as s:  # the desk corrects the count meanwhile
        return_service.update_line_count(s, actors["wh"], lid, qty_counted=9, expected_version=line_version)
    with pytest.raises(ConflictError) as conflict, unit_of_work(factory) as s:
        return_service.confirm_by_sales(s, actors["sales"], rid, "按质保处理", expected_version=seen_by_sales)
    assert conflict.value.info.changed_by == "王仓管"
    with factory() as s:
        assert s.get(Return, rid).status == "received"  # type: ignore[union-attr]


def test_a_stale_row_at_the_flush_is_a_conflict_not_a_crash(
        factory: sessionmaker[Session], actors: dict[str, Any]) -> None:
    rid = received(factory, actors)
    lid = line_ids(factory, rid)[0]
    with pytest.raises(ConflictError) as conflict, unit_of_work(factory) as s:
        line = s.get(ReturnLine, lid)
        assert line is not None
        s.commit()  # the station holds the loaded line, as a form does, outside a transaction
        with unit_of_work(factory) as other:  # another station saves the same line
            other.get(ReturnLine, lid).findings = "另一工位"  # type: ignore[union-attr]
        line.findings = "本工位"
        s.flush()  # UPDATE … WHERE version = the old one: no row (StaleDataError)
    assert conflict.value.key == "conflict_concurrent"
    with factory() as s:
        assert s.get(ReturnLine, lid).findings == "另一工位"  # type: ignore[union-attr]


def test_two_stations_locking_in_opposite_order_both_finish(factory: sessionmaker[Session]) -> None:
    """A real deadlock (PostgreSQL 40P01) is run again by run_in_transaction, not shown."""
    with factory() as s:
        a, b = s.scalars(select(Customer.id).order_by(Customer.id).limit(2)).all()
    locked = {"first": threading.Event(), "second": threading.Event()}
    # SQLite's writers take turns from BEGIN IMMEDIATE on: there the two just queue
    interleave = factory.kw["bind"].dialect.name == "postgresql"
    attempts: dict[str, int] = {"first": 0, "second": 0}
    errors: list[BaseException] = []

    def station(name: str, mine: int, theirs: int, other: str) -> None:
        def work(s: Session) -> None:
            attempts[name] += 1
            s.execute(text("UPDATE customer SET phone = :p WHERE id = :id"), {"p": name, "id": mine})
            locked[name].set()
            if attempts[name] == 1 and interleave:
                locked[other].wait(30)  # both hold one row: each now wants the other's
            s.execute(text("UPDATE customer SET contact = :p WHERE id = :id"), {"p": name, "id": theirs})

        try:
            run_in_transaction(factory, work)
        except BaseException as exc:  # noqa: BLE001 — handed to the test thread
            errors.append(exc)

    threads = [threading.Thread(target=station, args=("first", a, b, "second")),
               threading.Thread(target=station, args=("second", b, a, "first"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(300)
    assert errors == []
    with factory() as s:
        rows = {c.id: (c.phone, c.contact) for c in s.scalars(select(Customer).where(Customer.id.in_([a, b])))}
    assert {rows[a][0], rows[b][0]} <= {"first", "second"} and rows[a][1] and rows[b][1]
    if interleave and attempts["first"] + attempts["second"] > 2:
        # the interleaving happened: one of the two was chosen as the deadlock victim and rerun
        assert max(attempts.values()) == 2
