"""Imports run at once and stay linear: no crash, no duplicate customer, no held counter."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event, func, inspect, select
from sqlalchemy.orm import Session, sessionmaker

from app.excel.importer import import_workbook
from app.services.demo import fill_demo
from app.services.numbering import next_rma_no, reserve_rma_numbers
from app.services.setup import mark_demo
from db.engine import unit_of_work
from db.models import Customer, Product, Return, ReturnLine, RmaCounter
from tests.unit.excel.workbooks import ZH_HEADER, make_workbook, zh_row

NEW_CUSTOMERS = [f"并发测试客户{i}" for i in range(6)]
NEW_MODELS = [f"CT-{i} 并发型号" for i in range(4)]


def workbook(path: Path, rows: int, tag: str) -> Path:
    """`rows` returns of one line each, over the same new customers and products."""
    body = [zh_row(i + 1, **{"客户名称": NEW_CUSTOMERS[i % len(NEW_CUSTOMERS)],
                             "型号规格": NEW_MODELS[i % len(NEW_MODELS)],
                             "订单号": f"{tag}-{i:05d}", "批号": f"{tag}{i}"})
            for i in range(rows)]
    return make_workbook(path, {"2025": [ZH_HEADER, *body]})


def test_two_imports_at_once_both_finish_without_duplicate_customers(
        factory: sessionmaker[Session], actors: dict[str, Any], tmp_path: Path,
        monkeypatch: Any) -> None:
    # SQLite: the second waits for the first's write lock; generously, on a loaded machine
    monkeypatch.setenv("RMA_SQLITE_BUSY_TIMEOUT_MS", "300000")
    files = [workbook(tmp_path / f"{tag}.xlsx", 60, tag) for tag in ("A", "B")]
    results: dict[str, Any] = {}
    start = threading.Barrier(2)

    def run(path: Path) -> None:
        try:
            start.wait(60)
            with unit_of_work(factory) as s:
                results[path.stem] = import_workbook(s, actors["qa"], path)
        except BaseException as exc:  # noqa: BLE001 — handed to the test thread
            results[path.stem] = exc

    threads = [threading.Thread(target=run, args=(f,)) for f in files]
    for t in threads:
        t.start()
    for t in threads:
        t.join(600)
    assert all(not isinstance(r, BaseException) for r in results.values()), results
    assert [results[t].returns_created for t in ("A", "B")] == [60, 60]
    with factory() as s:
        names = list(s.scalars(select(Customer.name).where(Customer.name.in_(NEW_CUSTOMERS))))
        assert sorted(names) == sorted(NEW_CUSTOMERS)  # each once
        assert s.scalar(select(func.count()).select_from(Product)
                        .where(Product.model.in_(NEW_MODELS))) == len(NEW_MODELS)
        numbers = list(s.scalars(select(Return.rma_no).where(Return.source == "import")))
        assert len(numbers) == len(set(numbers)) == 120
    # whichever import created a customer says so; together they created each once
    created = results["A"].customers_created + results["B"].customers_created
    assert sorted(created) == sorted(NEW_CUSTOMERS)


def _statements(engine: Engine, work: Any) -> int:
    count = [0]

    def seen(*_args: Any) -> None:
        count[0] += 1

    event.listen(engine, "before_cursor_execute", seen)
    try:
        work()
    finally:
        event.remove(engine, "before_cursor_execute", seen)
    return count[0]


def test_statements_per_imported_return_are_constant(
        engine: Engine, factory: sessionmaker[Session], actors: dict[str, Any], tmp_path: Path) -> None:
    def importing(rows: int, tag: str) -> int:
        path = workbook(tmp_path / f"{tag}.xlsx", rows, tag)

        def work() -> None:
            with unit_of_work(factory) as s:
                assert import_workbook(s, actors["qa"], path).returns_created == rows
        return _statements(engine, work)

    importing(10, "W")  # creates the customers and products: the imports measured only use them
    counts = [importing(20 * k, tag) for k, tag in ((1, "S"), (2, "M"), (3, "L"))]
    per_return = [(b - a) / 20 for a, b in zip(counts, counts[1:], strict=False)]
    # each further return costs the same: at most its own INSERTs (PostgreSQL batches them
    # to none at all); no UPDATE of the counter, no flush of its own per return
    assert per_return[0] == per_return[1], counts
    assert per_return[0] <= 2, counts


def test_taking_a_number_leaves_the_sessions_objects_alone(factory: sessionmaker[Session]) -> None:
    with factory() as s:
        reserve_rma_numbers(s, 2031, 5)
        s.flush()
        counter = s.get(RmaCounter, 2031)
        assert counter is not None and counter.last_value == 5
        assert next_rma_no(s, 2031) == "RMA-2031-000006"
        # a Core UPDATE: the ORM did not go through the identity map to synchronise it
        state = inspect(counter)
        assert not state.expired_attributes and counter.last_value == 5
        s.rollback()


def test_eight_imports_and_eight_demo_runs_at_once_all_finish(
        factory: sessionmaker[Session], actors: dict[str, Any], tmp_path: Path, monkeypatch: Any) -> None:
    """Sixteen bulk writers on one database: no failure, no duplicate number, id or customer."""
    # SQLite: they wait for each other's write lock; generously, on a loaded machine
    monkeypatch.setenv("RMA_SQLITE_BUSY_TIMEOUT_MS", "300000")
    with factory.begin() as s:
        mark_demo(s)  # the demo runs refuse nothing here, as in a demo database
    runs = 8
    files = [workbook(tmp_path / f"I{i}.xlsx", 25, f"I{i}") for i in range(runs)]
    outcomes: dict[str, Any] = {}
    start = threading.Barrier(2 * runs)

    def importing(path: Path) -> None:
        try:
            start.wait(120)
            with unit_of_work(factory) as s:
                outcomes[path.stem] = import_workbook(s, actors["qa"], path)
        except BaseException as exc:  # noqa: BLE001 — handed to the test thread
            outcomes[path.stem] = exc

    def demo(seed: int) -> None:
        try:
            start.wait(120)
            outcomes[f"D{seed}"] = fill_demo(factory, 15, seed=seed, years=3)
        except BaseException as exc:  # noqa: BLE001
            outcomes[f"D{seed}"] = exc

    threads = [threading.Thread(target=importing, args=(f,)) for f in files]
    threads += [threading.Thread(target=demo, args=(i,)) for i in range(runs)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(900)
    failed = {k: v for k, v in outcomes.items() if isinstance(v, BaseException)}
    assert failed == {} and len(outcomes) == 2 * runs
    assert all(outcomes[f"I{i}"].returns_created == 25 for i in range(runs))
    with factory() as s:
        numbers = list(s.scalars(select(Return.rma_no)))
        assert len(numbers) == len(set(numbers))
        assert s.scalar(select(func.count()).select_from(Return).where(Return.source == "import")) == 25 * runs
        assert s.scalar(select(func.count()).select_from(Return).where(Return.source == "demo")) == 15 * runs
        assert sorted(s.scalars(select(Customer.name).where(Customer.name.in_(NEW_CUSTOMERS)))) == sorted(
            NEW_CUSTOMERS)
        barcodes = list(s.scalars(select(ReturnLine.barcode)))
        assert len(barcodes) == len(set(barcodes))
