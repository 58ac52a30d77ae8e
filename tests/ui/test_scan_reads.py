"""A scan reads its line once (issue 12: across sites each round trip costs ~20 ms): the
label's line with everything a bench's form shows, in one statement, made into what that
bench shows while its session is open; a bench not built yet reads the line itself."""

from __future__ import annotations

from app.services import inspection
from db.models import ReturnLine
from tests.ui.test_window import open_window, scan
from tests.unit.services.helpers import approved, draft, line_ids, statements


def test_a_scan_at_its_bench_is_one_statement(qtbot, engine, factory, actors, station_settings) -> None:
    rid = approved(factory, actors, draft())
    lid = line_ids(factory, rid)[0]
    with factory.begin() as s:
        inspection.record_inspection(s, actors["qa"], lid, findings="外壳破损", defect_category_id=None,
                                     preliminary_opinion="客户使用不当")
        label = s.get(ReturnLine, lid).barcode
    w = open_window(qtbot, factory, actors["qa"], station_settings, tab="inspection")
    bench = w.tabs["inspection"]
    qtbot.waitUntil(lambda: bench.model.rowCount() == 1 and not bench.model.loading, timeout=30_000)
    with statements(engine) as sent:
        scan(qtbot, w, label)
        qtbot.waitUntil(lambda: bench.ui.titleLabel.text() == label, timeout=30_000)
    assert bench.ui.findingsEdit.toPlainText() == "外壳破损"
    assert bench.line["inspected_by"] == actors["qa"].name
    assert len(sent) == 1, "\n\n".join(sent)


def test_a_scan_opens_a_bench_not_built_yet_with_its_line(qtbot, engine, factory, actors,
                                                          station_settings) -> None:
    from tests.unit.services.helpers import signed_planned

    _rid, lid = signed_planned(factory, actors)  # in rework: the rework bench's line
    with factory() as s:
        label = s.get(ReturnLine, lid).barcode
    w = open_window(qtbot, factory, actors["admin"], station_settings, tab="inspection")
    assert not w.tabs.is_built("rework")
    scan(qtbot, w, label)
    qtbot.waitUntil(lambda: w.tabs.is_built("rework") and w.tabs["rework"].ui.titleLabel.text() == label,
                    timeout=30_000)
    assert w.current_tab_key() == "rework"
    assert w.tabs["rework"].line["id"] == lid
