"""The item models alone (Vorta's way): Qt's model tester, paging, database sorting,
refreshing only what changed, and the editable tables' live checks and totals."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QModelIndex, Qt

from app.services import inspection, queues
from app.services.queues import LineQuery, LineQueue, ReturnQuery
from tests.unit.services.test_queues import _approve, _register, build_benches
from ui.context import StationContext
from ui.models.drafts import ERROR_BG, WARN_BG, LabourModel, MaterialsModel, ReturnLinesModel
from ui.models.queues import OVERDUE_BG, LineQueueModel, ReturnListModel


@pytest.fixture
def benches(factory, actors) -> dict[str, list[int]]:
    """The queues of tests/unit/services/test_queues.py: returns at every step."""
    return build_benches(factory, actors)


def _ctx(factory, actors, station_settings) -> StationContext:
    return StationContext(factory, actors["qa"], station_settings, database="test")


def test_line_queue_model_pages_sorts_and_passes_the_model_tester(qtmodeltester, factory, actors,
                                                                  station_settings, benches) -> None:
    model = LineQueueModel(_ctx(factory, actors, station_settings), LineQuery(queue=LineQueue.INSPECTION))
    model.page_size = 2
    model.reload()
    assert (model.rowCount(), model.total) == (2, 4)
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 4 and not model.canFetchMore(QModelIndex())
    assert [r.id for r in model.rows] == [*benches["urgent"], *benches["older"], *benches["normal"]]
    qtmodeltester.check(model)

    # Qt's tester stays attached to a model and fetches more inside a reset: sort a fresh one
    model = LineQueueModel(_ctx(factory, actors, station_settings), LineQuery(queue=LineQueue.INSPECTION))
    model.page_size = 2
    model.reload()
    model.sort(model.column_of("customer"), Qt.SortOrder.DescendingOrder)
    with factory() as s:
        expected = [r.id for r in queues.line_page(s, LineQuery(queue=LineQueue.INSPECTION, sort="customer",
                                                                descending=True), limit=2).rows]
    assert [r.id for r in model.rows] == expected  # a new query in the database's order
    qtmodeltester.check(model)


def test_overdue_lines_are_marked(factory, actors, station_settings, benches) -> None:
    model = LineQueueModel(_ctx(factory, actors, station_settings), LineQuery(queue=LineQueue.INSPECTION))
    model.reload()
    model.today = date(2026, 3, 6)
    older = model.row_of(benches["older"][0])
    urgent = model.row_of(benches["urgent"][0])
    due = model.column_of("due_on")
    assert model.data(model.index(older, due), Qt.ItemDataRole.BackgroundRole).color() == OVERDUE_BG
    assert "2026-03-03" in model.data(model.index(older, due), Qt.ItemDataRole.ToolTipRole)
    assert model.data(model.index(urgent, due), Qt.ItemDataRole.BackgroundRole) is None
    assert model.data(model.index(urgent, model.column_of("urgency"))) == "紧急"
    assert model.overdue_count() == 3


def test_refresh_touches_only_the_changed_lines(qtbot, factory, actors, station_settings, benches) -> None:
    ctx = _ctx(factory, actors, station_settings)
    model = LineQueueModel(ctx, LineQuery(queue=LineQueue.INSPECTION))
    model.reload()
    older = benches["older"][0]
    with factory.begin() as s:
        inspection.record_inspection(s, actors["qa"], older, findings="外壳破裂", defect_category_id=None,
                                     preliminary_opinion="")
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.dataChanged):
        model.refresh_ids([older])
    assert model.rows[model.row_of(older)].status == "decision"
    decided = benches["normal"][1]
    with factory.begin() as s:
        inspection.decide(s, actors["eng"], decided, final_cause="线圈绕制不良", liability_code=3,
                          disposition="scrap", refund_ratio="1")
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.rowsRemoved):
        model.refresh_ids([decided])
    assert model.row_of(decided) == -1 and model.total == 3
    new = _approve(factory, actors, _register(factory, actors), today=date(2026, 3, 9))
    with qtbot.waitSignal(model.modelReset):
        model.refresh_ids(new)  # a line that newly belongs to the queue: its place is the database's
    assert model.row_of(new[0]) >= 0


def test_fifty_remote_changes_are_read_once_when_the_coalescing_timer_fires(
        qtbot, factory, actors, station_settings, benches, monkeypatch) -> None:
    """Another station's changes (ui.live announces them with events.remote): gathered,
    read by id once per burst when the model's timer fires, and put in place by dataChanged."""
    ctx = _ctx(factory, actors, station_settings)
    model = LineQueueModel(ctx, LineQuery(queue=LineQueue.INSPECTION))
    model.reload()
    older = benches["older"][0]
    with factory.begin() as s:  # another station inspects a line of the list
        inspection.record_inspection(s, actors["qa"], older, findings="外壳破裂", defect_category_id=None,
                                     preliminary_opinion="")
    reads: list[list[int]] = []
    by_ids = model._by_ids
    monkeypatch.setattr(model, "_by_ids", lambda s, ids: (reads.append(list(ids)), by_ids(s, ids))[1])
    shown = [r.id for r in model.rows]
    ctx.events.remote = True
    try:
        for n in range(50):
            model.refresh_ids([shown[n % len(shown)]])
    finally:
        ctx.events.remote = False
    assert reads == [] and model.coalesced.timer.isActive()
    assert model.rows[model.row_of(older)].status == "inspection"  # nothing read yet
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.refreshed, timeout=10_000):
        pass  # the coalescing timer fires
    assert len(reads) == 1 and sorted(reads[0]) == sorted(shown)
    assert model.rows[model.row_of(older)].status == "decision"
    assert not model.coalesced.pending


def test_fifty_remote_changes_count_the_queues_once(qtbot, factory, actors, station_settings, benches,
                                                    monkeypatch) -> None:
    from ui import queue_titles

    ctx = _ctx(factory, actors, station_settings)
    titles = queue_titles.QueueTitles(ctx, ["inspection"])
    counted: list[int] = []
    count = queue_titles.queue_counts
    monkeypatch.setattr(queue_titles, "queue_counts", lambda *a: (counted.append(1), count(*a))[1])
    ctx.events.remote = True
    try:
        for n in range(50):
            ctx.events.linesChanged.emit([n + 1])
    finally:
        ctx.events.remote = False
    assert counted == []
    with qtbot.waitSignal(titles.coalesced.timer.timeout, timeout=10_000):
        pass
    assert counted == [1] and titles.counts
    ctx.events.linesChanged.emit([1])  # the station's own change: counted at once
    assert counted == [1, 1]


def test_return_list_model(qtmodeltester, factory, actors, station_settings, benches) -> None:
    model = ReturnListModel(_ctx(factory, actors, station_settings))
    model.reload()
    qtmodeltester.check(model)
    assert sorted(r.id for r in model.rows) == sorted(benches["waiting"])
    model.set_query(ReturnQuery(statuses=(), search="鹏达"))
    assert [model.data(model.index(0, model.column_of("customer")))] == ["深圳市鹏达电子有限公司"]
    model.set_query(ReturnQuery(statuses=()))
    row = next(i for i, r in enumerate(model.rows) if r.rma_no == "RMA-2026-000003")
    assert model.data(model.index(row, model.column_of("amount"))) == "¥727.30"
    assert model.data(model.index(row, model.column_of("status"))) == "已批准"
    qtmodeltester.check(model)


PRODUCTS = {"6901234500016": ("DZ47-63 C16", "只", Decimal("18.50")),
            "DZ47-63 C16": ("DZ47-63 C16", "只", Decimal("18.50"))}


def test_return_lines_model_checks_cells_and_fills_products(qtmodeltester) -> None:
    model = ReturnLinesModel(lambda: "zh_CN", PRODUCTS.get)
    row = model.add_row()
    qtmodeltester.check(model)
    col = model.column_of
    assert model.setData(model.index(row, col("model")), "6901234500016")
    assert model.rows[row]["model"] == "DZ47-63 C16" and model.rows[row]["unit_price"] == "18.50"
    model.setData(model.index(row, col("qty_counted")), "12.5")
    assert model.data(model.index(row, col("qty_counted")), Qt.ItemDataRole.BackgroundRole).color() == ERROR_BG
    assert "必须是正整数" in model.data(model.index(row, col("qty_counted")), Qt.ItemDataRole.ToolTipRole)
    model.setData(model.index(row, col("qty_counted")), "18")
    model.setData(model.index(row, col("qty_announced")), "20")
    assert model.errors == {}
    assert model.data(model.index(row, col("qty_counted")), Qt.ItemDataRole.BackgroundRole).color() == WARN_BG
    assert model.data(model.index(row, col("amount"))) == "¥333.00"
    assert model.totals() == (1, 18, Decimal("333.00"), 1)
    other = model.add_row()
    model.setData(model.index(other, col("model")), "XYZ-404")
    assert "找不到" in model.data(model.index(other, col("model")), Qt.ItemDataRole.ToolTipRole)
    model.setData(model.index(other, col("is_our_product")), Qt.CheckState.Unchecked.value,
                  Qt.ItemDataRole.CheckStateRole)
    assert model.rows[other]["is_our_product"] is False
    drafts = model.drafts()
    assert [(d.model, d.qty_counted, d.qty_announced, d.unit_price) for d in drafts] == [
        ("DZ47-63 C16", "18", "20", "18.50"), ("XYZ-404", "", None, None)]
    qtmodeltester.check(model)


def test_rework_tables_total_in_decimal(qtmodeltester) -> None:
    materials = MaterialsModel(lambda: "zh_CN")
    labour = LabourModel(lambda: "zh_CN")
    labour.default_rate = Decimal("32.00")
    for model in (materials, labour):
        model.add_row()
        qtmodeltester.check(model)
    materials.setData(materials.index(0, materials.column_of("name")), "动触点")
    materials.setData(materials.index(0, materials.column_of("qty")), "3")
    materials.setData(materials.index(0, materials.column_of("unit_cost")), "0.10")
    materials.add_row({"name": "弹簧", "qty": "7", "unit_cost": "0.20"})
    assert materials.total() == Decimal("1.70")  # 0.30 + 1.40, never 1.7000000000000002
    labour.setData(labour.index(0, labour.column_of("worker")), "小王")
    labour.setData(labour.index(0, labour.column_of("hours")), "0.35")
    assert labour.total() == Decimal("11.20")
    labour.setData(labour.index(0, labour.column_of("hours")), "0")
    assert (0, "hours") in labour.errors
    assert [e.name for e in materials.entries()] == ["动触点", "弹簧"]
    qtmodeltester.check(materials)
    qtmodeltester.check(labour)
