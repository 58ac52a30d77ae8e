"""What no real return could have is refused in the services, with the field and the line
named in Chinese and English: dates ahead of today, goods made after they came back, a
rework plan later than the procedure's 2 days, return to supplier without the supplier's
liability; and rework materials are measured (2.5 m, 0.35 kg), not counted. Both backends."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from app.errors import ValidationError
from app.excel.importer import import_rows
from app.excel.legacy import read_legacy_workbook
from app.services import inspection, rework
from app.services.queues import LineQuery, LineQueue, count_lines
from app.services.returns import LineDraft, receive_return
from db.models import ReturnLine, ReworkMaterial
from tests.unit.excel.workbooks import ZH_HEADER, make_workbook, zh_row
from tests.unit.services.helpers import approved, decided, draft, line_ids


def test_received_date_more_than_a_day_ahead_is_refused(factory, actors) -> None:
    ahead = date.today() + timedelta(days=30)
    with factory() as s, pytest.raises(ValidationError) as err:
        receive_return(s, actors["wh"], draft(received_on=ahead))
    assert err.value.field == "received_on"
    assert "收货日期" in err.value.message("zh") and ahead.isoformat() in err.value.message("zh")
    assert "Date received" in err.value.message("en")
    with factory.begin() as s:  # tomorrow's early delivery entered tonight is fine
        receive_return(s, actors["wh"], draft(received_on=date.today() + timedelta(days=1)))


@pytest.mark.parametrize(("made", "key"), [(date.today() + timedelta(days=3), "date_in_future"),
                                           (date(2026, 3, 6), "manufactured_after_received")])
def test_manufacture_date_in_the_future_or_after_receipt_is_refused(factory, actors, made, key) -> None:
    line = LineDraft(model="DZ47-63 C16", qty_counted=20, manufacture_date=made)
    with factory() as s, pytest.raises(ValidationError) as err:
        receive_return(s, actors["wh"], draft(LineDraft(model="DZ47-63 C16", qty_counted=5), line))
    assert (err.value.key, err.value.field, err.value.line) == (key, "manufacture_date", 2)
    assert err.value.message("zh").startswith("第2行: ") and "出厂日期" in err.value.message("zh")
    assert err.value.message("en").startswith("Line 2: ")


def test_blank_announced_quantity_stays_unknown(factory, actors) -> None:
    with factory.begin() as s:
        rma = receive_return(s, actors["wh"], draft(LineDraft(model="DZ47-63 C16", qty_counted=20),
                                                    LineDraft(model="DZ47-63 C16", qty_counted=8,
                                                              qty_announced=10)))
        assert [ln.qty_announced for ln in rma.lines] == [None, 10]


def test_rework_plan_beyond_two_days_of_the_decision_is_refused(factory, actors) -> None:
    _rid, lid = decided(factory, actors)  # decided today
    with factory() as s, pytest.raises(ValidationError) as err:
        rework.plan_rework(s, actors["pmc"], lid, planned_on=date.today() + timedelta(days=5))
    assert (err.value.key, err.value.field) == ("rework_plan_late", "planned_on")
    assert "2天内" in err.value.message("zh") and "within 2 days" in err.value.message("en")
    with factory.begin() as s:
        line = rework.plan_rework(s, actors["pmc"], lid, planned_on=date.today() + timedelta(days=2))
        assert line.due_on == date.today() + timedelta(days=4)


def test_return_to_supplier_needs_liability_2_in_plain_words(factory, actors) -> None:
    lid = line_ids(factory, approved(factory, actors))[0]
    with factory.begin() as s:
        inspection.record_inspection(s, actors["qa"], lid, findings="线圈烧毁", defect_category_id=None,
                                     preliminary_opinion="")
    with factory() as s, pytest.raises(ValidationError) as err:
        inspection.decide(s, actors["eng"], lid, final_cause="客户接错电压", liability_code=1,
                          disposition="return_supplier", refund_ratio="0")
    assert err.value.field == "liability_code"
    assert err.value.message("zh") == "退供应商只适用于责任代号2(供方);当前为1(顾客)"
    assert "≠" not in err.value.message("zh")
    assert err.value.message("en").startswith("Return to supplier applies only to liability code 2")


def test_material_quantities_are_measured_to_three_places(factory, actors) -> None:
    _rid, lid = decided(factory, actors)
    with factory.begin() as s:
        rework.book_rework_costs(s, actors["pmc"], lid, labour=[], materials=[
            rework.MaterialEntry("导线 BV2.5", "2.5", "1.35", unit="米"),
            rework.MaterialEntry("环氧树脂", "0.35", "48.50", unit="千克"),
            rework.MaterialEntry("螺钉 M3", 4, "0.05")])
    with factory() as s:
        rows = s.scalars(select(ReworkMaterial).order_by(ReworkMaterial.id)).all()
        assert [(m.qty, m.cost) for m in rows] == [
            (Decimal("2.500"), Decimal("3.38")),   # 3.375 half-up to the fen
            (Decimal("0.350"), Decimal("16.98")),  # 16.975 half-up
            (Decimal("4.000"), Decimal("0.20"))]
        assert s.get(ReturnLine, lid).material_cost == Decimal("20.56")
    for bad in ("0", "-1", "1.2345", "abc"):
        with factory() as s, pytest.raises(ValidationError) as err:
            rework.book_rework_costs(s, actors["pmc"], lid, labour=[],
                                     materials=[rework.MaterialEntry("树脂", bad, "1")])
        assert (err.value.key, err.value.field, err.value.line) == ("material_qty_invalid", "material_qty", 1)


def test_imported_undecided_lines_are_due_and_turn_overdue(factory, actors, tmp_path) -> None:
    book = make_workbook(tmp_path / "log.xlsx", {"S": [
        ZH_HEADER, zh_row(1, 退货日期="2025-03-05", 责任判定=None, 处置方式=None, 退款比例=None, 退款金额=None),
        zh_row(2, 退货日期="2025-03-07", 型号规格="MF-9", 责任判定="3 制造")]})
    read = read_legacy_workbook(book)
    with factory.begin() as s:
        import_rows(s, actors["qa"], read, "log.xlsx")
    with factory() as s:
        lines = {ln.status: ln for ln in s.scalars(select(ReturnLine))}
        assert lines["decision"].due_on == date(2025, 3, 6)  # 1 working day after it came back
        assert lines["done"].due_on is None
        query = LineQuery(queue=LineQueue.INSPECTION)
        assert count_lines(s, replace(query, overdue_on=date.today())) == 1


def test_printed_notice_and_rework_order_show_unknown_announcement_and_measured_materials(
        factory, actors, tmp_path) -> None:
    from app.printing import records, slips
    from tests.unit.printing.pdftools import text_of

    rid, lid = decided(factory, actors)  # announced left blank by the desk
    with factory.begin() as s:
        rework.book_rework_costs(s, actors["pmc"], lid, labour=[], materials=[
            rework.MaterialEntry("导线", "2.5", "1.35", unit="米")])
    with factory() as s:
        rma_no = s.get(ReturnLine, lid).rma.rma_no
        notice = records.notice_data(s, rma_no)
        order = records.rework_order_data(s, rma_no)
    assert notice.lines[0].qty_announced is None
    slips.render_notice(notice, tmp_path / "notice.pdf")
    slips.render_rework_order(order, tmp_path / "order.pdf")
    for pdf in ("notice.pdf", "order.pdf"):
        text = text_of(tmp_path / pdf)
        assert "None" not in text and "2.500" not in text
        assert "2.5" in text and "3.38" in text
