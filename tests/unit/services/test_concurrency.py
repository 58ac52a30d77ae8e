"""Several stations writing at once: RMA numbers never repeat; a second save over an
unseen change is refused with who changed it and when."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from sqlalchemy import func, select

from app.errors import ConflictError
from app.services import inspection, returns
from app.services.returns import LineDraft
from db.engine import make_engine, make_session_factory
from db.models import Return
from tests.unit.services.helpers import approved, draft, line_ids

STATIONS = 8
PER_STATION = 6


def test_eight_stations_numbering_at_once(db_url, actors, monkeypatch) -> None:
    """Eight writers, each with its own engine (its own connections), create returns at once."""
    # waiting for the counter row is the point here, not the station's 5 s patience: on a
    # slow, loaded machine eight writers may queue longer than that
    monkeypatch.setenv("RMA_PG_LOCK_TIMEOUT_MS", "600000")
    barrier = threading.Barrier(STATIONS)
    errors: list[BaseException] = []
    made: list[str] = []
    lock = threading.Lock()

    def station(n: int) -> None:
        engine = make_engine(db_url)
        factory = make_session_factory(engine)
        try:
            barrier.wait(timeout=30)
            for _ in range(PER_STATION):
                with factory.begin() as s:
                    rma = returns.receive_return(
                        s, actors["wh"], draft(LineDraft(model="DZ47-63 C16", qty_counted=n + 1)))
                    no = rma.rma_no
                with lock:
                    made.append(no)
        except BaseException as exc:  # collected and re-raised in the test thread
            errors.append(exc)
        finally:
            engine.dispose()

    threads = [threading.Thread(target=station, args=(i,)) for i in range(STATIONS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors, errors
    total = STATIONS * PER_STATION
    assert len(made) == total and len(set(made)) == total
    assert sorted(made) == [f"RMA-2026-{i:06d}" for i in range(1, total + 1)]
    engine = make_engine(db_url)
    with make_session_factory(engine)() as s:
        assert s.scalar(select(func.count(func.distinct(Return.rma_no)))) == total
    engine.dispose()


def test_second_save_over_a_change_is_a_conflict(db_url, factory, actors) -> None:
    """Two stations (two engines, two real connections) open the same line; the second save
    is refused naming the first user and time, and the second user's input is untouched."""
    rid = approved(factory, actors)
    lid = line_ids(factory, rid)[0]
    other_engine = make_engine(db_url)
    other = make_session_factory(other_engine)
    try:
        with factory() as s:
            seen_by_a = returns.get_line(s, lid).version
        with other() as s:
            seen_by_b = returns.get_line(s, lid).version
        assert seen_by_a == seen_by_b
        with factory.begin() as s:  # station A saves first
            inspection.record_inspection(s, actors["qa"], lid, findings="触点烧蚀",
                                         defect_category_id=None, preliminary_opinion="制造",
                                         expected_version=seen_by_a)
        b_input = {"findings": "外壳裂", "preliminary_opinion": "运输"}
        admin = actors["admin"]
        with other() as s, pytest.raises(ConflictError) as err:
            inspection.record_inspection(s, admin, lid, defect_category_id=None,
                                         expected_version=seen_by_b, **b_input)
        info = err.value.info
        assert info.changed_by == "陈品质" and info.changed_at is not None
        assert info.current_version == seen_by_b + 1
        msg = err.value.message("zh")
        assert msg.startswith("此记录已被 陈品质 于 ") and "您的输入已保留" in msg
        assert b_input == {"findings": "外壳裂", "preliminary_opinion": "运输"}
        with factory() as s:
            assert returns.get_line(s, lid).findings == "触点烧蚀"
        # after reloading, B re-applies the kept input on the new version
        with other.begin() as s:
            inspection.record_inspection(s, admin, lid, defect_category_id=None,
                                         expected_version=info.current_version, **b_input)
        with factory() as s:
            assert returns.get_line(s, lid).findings == "外壳裂"
    finally:
        other_engine.dispose()


def test_concurrent_saves_of_one_line_let_exactly_one_win(db_url, factory, actors) -> None:
    """Both stations saw version v and save at the same moment: one wins, one conflicts."""
    rid = approved(factory, actors)
    lid = line_ids(factory, rid)[0]
    with factory() as s:
        v = returns.get_line(s, lid).version
    barrier = threading.Barrier(2)
    outcome: list[str] = []

    def save(text: str) -> None:
        engine = make_engine(db_url)
        try:
            f = make_session_factory(engine)
            barrier.wait(timeout=30)
            with f.begin() as s:
                inspection.record_inspection(s, actors["qa"], lid, findings=text, defect_category_id=None,
                                             preliminary_opinion="", expected_version=v)
            outcome.append("saved")
        except ConflictError:
            outcome.append("conflict")
        finally:
            engine.dispose()

    threads = [threading.Thread(target=save, args=(t,)) for t in ("甲", "乙")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert sorted(outcome) == ["conflict", "saved"]


def test_numbers_restart_each_year_even_at_once(factory, actors) -> None:
    with factory.begin() as s:
        a = returns.receive_return(s, actors["wh"], draft(received_on=date(2025, 12, 31))).rma_no
    with factory.begin() as s:
        b = returns.receive_return(s, actors["wh"], draft(received_on=date(2026, 1, 2))).rma_no
    assert (a, b) == ("RMA-2025-000001", "RMA-2026-000001")
