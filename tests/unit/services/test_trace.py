"""Traceability by lot and model, and the monthly top lots, from returns made through the services."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from decimal import Decimal

import openpyxl
import pytest

from app.errors import ValidationError
from app.reports.monthly import TOP_LOTS, monthly_report, to_json
from app.reports.pdf import write_monthly_pdf
from app.reports.xlsx import write_monthly_xlsx
from app.services import inspection, trace
from app.services.returns import LineDraft
from tests.unit.services.helpers import approved, draft, line_ids, received


def _decided(factory, actors, *, model: str, lot: str, qty: int, liability: int, on: date,
             disposition: str = "repair_reship") -> int:
    rid = approved(factory, actors, draft(LineDraft(model=model, qty_counted=qty, lot_no=lot), received_on=on))
    lid = line_ids(factory, rid)[0]
    with factory.begin() as s:
        inspection.record_inspection(s, actors["qa"], lid, findings="触点烧蚀", defect_category_id=None,
                                     preliminary_opinion="制造不良")
    with factory.begin() as s:
        inspection.decide(s, actors["eng"], lid, final_cause="触点材料不良", liability_code=liability,
                          disposition=disposition, refund_ratio="0")
    return lid


def test_a_lot_is_found_exactly_and_by_prefix_newest_first(factory, actors) -> None:
    first = _decided(factory, actors, model="DZ47-63 C16", lot="2405-A", qty=5, liability=3, on=date(2026, 3, 2))
    second = _decided(factory, actors, model="DZ47-63 C16", lot="2405-B", qty=2, liability=2, on=date(2026, 3, 9))
    received(factory, actors, draft(LineDraft(model="DZ47-63 C16", qty_counted=1, lot_no="2406-A")))
    received(factory, actors, draft(LineDraft(model="DZ47-63 C16", qty_counted=1, lot_no="")))
    with factory() as s:
        exact = trace.lines_of_lot(s, "2405-A")
        prefix = trace.lines_of_lot(s, " 2405 ")
        lower = trace.lines_of_lot(s, "2405-b")     # lots are written in capitals on the labels
        nothing = trace.lines_of_lot(s, "")
        wildcard = trace.lines_of_lot(s, "%")       # a LIKE wildcard is a character, not "everything"
    assert [(r.line_id, r.lot_no, r.liability_code, r.disposition) for r in exact.rows] == [
        (first, "2405-A", 3, "repair_reship")]
    assert [r.line_id for r in prefix.rows] == [second, first] and prefix.total == 2
    assert [r.line_id for r in lower.rows] == [second]
    assert nothing.rows == [] and nothing.total == 0
    assert wildcard.rows == []
    row = exact.rows[0]
    assert (row.model, row.qty, row.customer, row.status) == ("DZ47-63 C16", 5, "华东电气设备有限公司", "rework")
    assert row.rma_no.startswith("RMA-2026-")


def test_a_long_list_says_how_many_there_are(factory, actors) -> None:
    for _ in range(3):
        received(factory, actors, draft(LineDraft(model="DZ47-63 C16", qty_counted=1, lot_no="L77")))
    with factory() as s:
        found = trace.lines_of_lot(s, "L77", limit=2)
    assert len(found.rows) == 2 and found.total == 3


def test_a_lot_with_a_control_character_is_refused_with_the_field(factory) -> None:
    with factory() as s, pytest.raises(ValidationError) as err:
        trace.lines_of_lot(s, "24\x0005")
    assert err.value.field == "lot_no"
    assert "批号" in err.value.message("zh") or "批次" in err.value.message("zh")


def test_related_lines_of_the_same_lot_and_model_with_their_decisions(factory, actors) -> None:
    this = _decided(factory, actors, model="DZ47-63 C16", lot="L1", qty=5, liability=3, on=date(2026, 3, 2))
    same_lot = _decided(factory, actors, model="DZ47-63 C16", lot="L1", qty=4, liability=2, on=date(2026, 3, 3),
                        disposition="scrap")
    same_model = _decided(factory, actors, model="DZ47-63 C16", lot="L2", qty=1, liability=4, on=date(2026, 3, 4))
    _decided(factory, actors, model="CJX2-1810 220V", lot="L1", qty=1, liability=3, on=date(2026, 3, 5))
    with factory() as s:
        related = trace.related_lines(s, this)
    assert (related.model, related.lot_no) == ("DZ47-63 C16", "L1")
    # the same lot of another model is another product's lot: not "the same lot"
    assert [(r.line_id, r.liability_code, r.disposition) for r in related.same_lot.rows] == [
        (same_lot, 2, "scrap")]
    assert [r.line_id for r in related.same_model.rows] == [same_model, same_lot]
    assert related.same_model.total == 2


def test_a_line_without_a_lot_has_no_same_lot_list(factory, actors) -> None:
    rid = received(factory, actors, draft(LineDraft(model="DZ47-63 C16", qty_counted=1, lot_no="")))
    received(factory, actors, draft(LineDraft(model="DZ47-63 C16", qty_counted=1, lot_no="")))
    with factory() as s:
        related = trace.related_lines(s, line_ids(factory, rid)[0])
    assert related.same_lot.rows == [] and related.same_model.total == 1


def test_the_monthly_statistics_list_the_top_lots(factory, actors, tmp_path) -> None:
    on = date(2026, 6, 3)
    _decided(factory, actors, model="DZ47-63 C16", lot="L1", qty=5, liability=3, on=on)
    _decided(factory, actors, model="DZ47-63 C16", lot="L1", qty=4, liability=2, on=on)
    _decided(factory, actors, model="CJX2-1810 220V", lot="L1", qty=9, liability=3, on=on)
    _decided(factory, actors, model="DZ47-63 C16", lot="L2", qty=1, liability=4, on=on)
    _decided(factory, actors, model="DZ47-63 C16", lot="", qty=50, liability=4, on=on)      # no lot
    _decided(factory, actors, model="DZ47-63 C16", lot="L1", qty=7, liability=3, on=date(2026, 7, 1))  # July
    with factory() as s:
        report = monthly_report(s, "2026-06")
    # by lines, then pieces: the two L1 lines of DZ47 (18.50 each) first; lines without a lot left out
    assert [(g.name_zh, g.figures.lines, g.figures.qty, g.figures.amount) for g in report.by_lot] == [
        ("DZ47-63 C16 · L1", 2, 9, Decimal("166.50")),
        ("CJX2-1810 220V · L1", 1, 9, Decimal("416.70")),
        ("DZ47-63 C16 · L2", 1, 1, Decimal("18.50")),
    ]
    j = to_json(report)
    assert [(g["name"], g["lines"], g["qty"], g["amount"]) for g in j["by_lot"]] == [
        ("DZ47-63 C16 · L1", 2, 9, "166.50"), ("CJX2-1810 220V · L1", 1, 9, "416.70"),
        ("DZ47-63 C16 · L2", 1, 1, "18.50")]

    wb = openpyxl.load_workbook(write_monthly_xlsx(report, tmp_path / "m.xlsx"))
    sheet = wb["批次排行"]
    rows = [[c for c in r[:3]] for r in sheet.iter_rows(min_row=2, values_only=True) if r[0]]
    assert rows == [["DZ47-63 C16 · L1", 2, 9], ["CJX2-1810 220V · L1", 1, 9], ["DZ47-63 C16 · L2", 1, 1]]

    text = subprocess.run(["pdftotext", "-layout", str(write_monthly_pdf(report, tmp_path / "m.pdf")), "-"],
                          check=True, capture_output=True, text=True).stdout
    flat = re.sub(r"\s+", "", text)
    assert "六、批次排行TopLots" in flat.replace("Toplots", "TopLots")
    assert "DZ47-63C16·L1" in flat and "CJX2-1810220V·L1" in flat


def test_no_more_than_the_top_lots_are_listed(factory, actors) -> None:
    for i in range(TOP_LOTS + 2):
        received(factory, actors, draft(LineDraft(model="DZ47-63 C16", qty_counted=i + 1, lot_no=f"T{i:02d}"),
                                        received_on=date(2026, 8, 3)))
    with factory() as s:
        report = monthly_report(s, "2026-08")
    assert len(report.by_lot) == TOP_LOTS
    assert report.by_lot[0].name_zh == f"DZ47-63 C16 · T{TOP_LOTS + 1:02d}"  # the most pieces first
