"""Round trips per bench action (issue 12: across sites each costs ~20 ms): a scan shows
its line in the bench's form in two statements, a queue's first screen in a handful.
Counted with a before_cursor_execute listener on the station's engine; nothing is timed."""

from __future__ import annotations

from app.services import inspection
from db.models import ReturnLine
from tests.ui.test_window import open_window, scan
from tests.unit.services.helpers import approved, draft, line_ids, statements


def test_scan_shows_the_line_in_its_form_in_a_handful_of_statements(qtbot, engine, factory, actors,
                                                            station_settings) -> None:
    rid = approved(factory, actors, draft())
    other = approved(factory, actors, draft())
    lid = line_ids(factory, rid)[0]
    with factory.begin() as s:  # an inspected line with a liaison note: everything the form shows
        inspection.record_inspection(s, actors["qa"], lid, findings="外壳破损", defect_category_id=None,
                                     preliminary_opinion="客户使用不当")
        label = s.get(ReturnLine, lid).barcode
    w = open_window(qtbot, factory, actors["qa"], station_settings, tab="inspection")
    bench = w.tabs["inspection"]
    qtbot.waitUntil(lambda: bench.model.rowCount() == 2, timeout=30_000)
    bench.open_line(line_ids(factory, other)[0])  # another line open: the scan moves the form

    with statements(engine) as sent:
        scan(qtbot, w, label)
        qtbot.waitUntil(lambda: bench.ui.titleLabel.text() == label, timeout=30_000)
    assert bench.line["findings"] == "外壳破损"
    assert bench.line["inspected_by"] == actors["qa"].name
    # the label's lookup; the line with its return, customer, product, notes, its e-signatures
    # with their voids and hashes (one JSON column) and its warranty record with the confirmer
    assert len(sent) <= 2, "\n\n".join(sent)


def test_a_bench_queue_first_screen_in_a_handful_of_statements(qtbot, engine, factory, actors,
                                                               station_settings) -> None:
    for _ in range(3):
        approved(factory, actors, draft())
    w = open_window(qtbot, factory, actors["qa"], station_settings, tab="inspection")
    bench = w.tabs["inspection"]
    qtbot.waitUntil(lambda: bench.model.rowCount() == 3, timeout=30_000)
    with statements(engine) as sent:
        bench.refresh()
        qtbot.waitUntil(lambda: bench.model.rowCount() == 3, timeout=30_000)
    # the page and the counts beside it
    assert len(sent) <= 3, "\n\n".join(sent)


def test_scan_shows_a_rework_line_with_its_costs_in_a_handful_of_statements(qtbot, engine, factory, actors,
                                                                     station_settings) -> None:
    from app.services import rework
    from tests.unit.services.helpers import signed_planned

    _rid, lid = signed_planned(factory, actors)  # confirmed, approved and decided, each signed
    with factory.begin() as s:
        rework.book_rework_costs(s, actors["pmc"], lid, labour=[rework.LabourEntry("张师傅", "1.5", "30.00")],
                                 materials=[rework.MaterialEntry("螺钉 M3", 2, "0.05")])
        label = s.get(ReturnLine, lid).barcode
    w = open_window(qtbot, factory, actors["pmc"], station_settings, tab="rework")
    bench = w.tabs["rework"]
    qtbot.waitUntil(lambda: bench.model.rowCount() == 1, timeout=30_000)
    with statements(engine) as sent:
        scan(qtbot, w, label)
        qtbot.waitUntil(lambda: bench.ui.titleLabel.text() == label, timeout=30_000)
    assert [m["name"] for m in bench.line["materials"]] == ["螺钉 M3"]
    assert [w_["worker"] for w_ in bench.line["labour"]] == ["张师傅"]
    assert not bench.line["signatures"]["decision"].void
    assert sorted(bench.line["return_signatures"]) == ["manager_approve", "sales_confirm"]
    # the label's lookup; the line with its return, materials and labour, the planner's name,
    # the shared labour rate and the e-signatures of the line and of its return's analysis
    # form (two JSON columns), in one statement
    assert len(sent) <= 2, "\n\n".join(sent)
