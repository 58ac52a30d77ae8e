"""Field limits: too long, too large, NUL — a clear message naming field and line, nothing written."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from app.errors import ValidationError
from app.limits import MAX_QTY, MONEY_MAX, TEXT_MAX, max_length
from app.services import inspection, returns, rework
from app.services.context import bounded_text
from app.services.inspection import CorrectiveDraft
from app.services.returns import LineDraft
from app.services.rework import LabourEntry, MaterialEntry
from db.models import Customer, Product, Return, ReturnLine, ReworkLabour
from tests.unit.services.helpers import approved, draft, line_ids, planned


def test_limits_come_from_the_column_types() -> None:
    assert max_length(Return, "order_no") == max_length("order_no") == 64
    assert max_length(ReturnLine, "lot_no") == 64
    assert max_length(Customer, "name") == max_length("customer") == 200
    assert max_length(Product, "model") == 200
    assert max_length("notes") == TEXT_MAX
    assert max_length(ReworkLabour, "worker") == 100
    assert str(MONEY_MAX) == "999999999999.99"
    assert MAX_QTY < 2**31 - 1


def test_bounded_text_messages_in_both_languages() -> None:
    with pytest.raises(ValidationError) as err:
        bounded_text("A" * 65, "order_no")
    assert err.value.message("zh") == "订单号最长64个字符,当前65个"
    assert err.value.message("en") == "Order no. is at most 64 characters, not 65"
    assert err.value.field == "order_no"
    assert bounded_text("  SO-1 ", "order_no") == "SO-1"
    assert bounded_text("第一行\n\t第二行", "notes") == "第一行\n\t第二行"  # multi-line keeps tab/newline
    for bad, field in (("a\x00b", "notes"), ("a\x07b", "notes"), ("L\t1", "lot_no"), ("L\n1", "order_no")):
        with pytest.raises(ValidationError) as err:
            bounded_text(bad, field)
        assert err.value.key == "text_control_char"
        assert "U+" in err.value.message("en")


def _count(factory) -> int:
    with factory() as s:
        return s.scalar(select(func.count()).select_from(Return))


@pytest.mark.parametrize(("kw", "field", "key"), [
    ({"order_no": "S" * 65}, "order_no", "text_too_long"),
    ({"notes": "坏\x00了"}, "notes", "text_control_char"),
    ({"storage_location": "X" * 65}, "storage_location", "text_too_long"),
    ({"customer": "华东\x00"}, "customer", "text_control_char"),
])
def test_receive_refuses_bad_head_fields_and_writes_nothing(factory, actors, kw, field, key) -> None:
    with factory.begin() as s, pytest.raises(ValidationError) as err:
        returns.receive_return(s, actors["wh"], draft(**kw))
    assert (err.value.field, err.value.key) == (field, key)
    assert _count(factory) == 0


@pytest.mark.parametrize(("line", "field", "key"), [
    (LineDraft(model="DZ47-63 C16", qty_counted=10**12), "qty_counted", "qty_too_large"),
    (LineDraft(model="DZ47-63 C16", qty_counted=MAX_QTY + 1), "qty_counted", "qty_too_large"),
    (LineDraft(model="DZ47-63 C16", qty_counted=2, qty_announced=2**31), "qty_announced", "qty_too_large"),
    (LineDraft(model="DZ47-63 C16", qty_counted=2, lot_no="L" * 100), "lot_no", "text_too_long"),
    (LineDraft(model="DZ47-63 C16", qty_counted=2, unit_price="1000000000000"), "unit_price",
     "amount_too_large"),
    (LineDraft(model="DZ47-63 C16", qty_counted=MAX_QTY, unit_price="999999999"), "amount", "amount_too_large"),
    (LineDraft(model="DZ47\x00", qty_counted=2), "model", "text_control_char"),
    (LineDraft(model="DZ47-63 C16", qty_counted=2, customer_reason="x" * (TEXT_MAX + 1)), "customer_reason",
     "text_too_long"),
])
def test_receive_refuses_bad_line_fields_with_the_line(factory, actors, line, field, key) -> None:
    d = draft(LineDraft(model="DZ47-63 C16", qty_counted=5), line)
    for _click in range(2):  # a second click registers nothing either
        with factory.begin() as s, pytest.raises(ValidationError) as err:
            returns.receive_return(s, actors["wh"], d)
        assert (err.value.field, err.value.key, err.value.line) == (field, key, 2)
        assert err.value.message("zh").startswith("第2行: ")
    assert _count(factory) == 0


def test_max_qty_itself_is_accepted(factory, actors) -> None:
    with factory.begin() as s:
        rma = returns.receive_return(s, actors["wh"], draft(LineDraft(model="DZ47-63 C16", qty_counted=MAX_QTY)))
        assert rma.lines[0].qty_counted == MAX_QTY


def test_other_services_refuse_long_text_and_nul(factory, actors) -> None:
    rid = approved(factory, actors)
    lid = line_ids(factory, rid)[0]
    with factory() as s, pytest.raises(ValidationError) as err:
        inspection.record_inspection(s, actors["qa"], lid, findings="烧蚀\x00", defect_category_id=None,
                                     preliminary_opinion="")
    assert err.value.field == "findings"
    with factory() as s, pytest.raises(ValidationError) as err:
        inspection.record_inspection(s, actors["qa"], lid, findings="烧蚀", defect_category_id=None,
                                     preliminary_opinion="x" * (TEXT_MAX + 1))
    assert err.value.field == "preliminary_opinion"
    with factory() as s, pytest.raises(ValidationError) as err:
        inspection.open_corrective_action(s, actors["qa"], lid, CorrectiveDraft(
            owner="张工", due_on=date(2026, 4, 1), root_cause="a\x00"))
    assert err.value.field == "root_cause"
    with factory() as s, pytest.raises(ValidationError) as err:
        returns.cancel_return(s, actors["mgr"], rid, "取消\x00")
    assert err.value.field == "cancel_reason"


def test_rework_entries_are_bounded(factory, actors) -> None:
    _rid, lid = planned(factory, actors)
    with factory() as s:
        version = s.get(ReturnLine, lid).version
    cases = [
        ([MaterialEntry(name="M" * 201, qty=1, unit_cost="1")], [], "material_name", "text_too_long"),
        ([MaterialEntry(name="触点", qty=10**12, unit_cost="1")], [], "material_qty", "qty_too_large"),
        ([], [LabourEntry(worker="李\x00", hours="1", hourly_rate="30")], "worker", "text_control_char"),
        ([], [LabourEntry(worker="李", hours="1000000", hourly_rate="30")], "hours", "amount_too_large"),
    ]
    for materials, labour, field, key in cases:
        with factory() as s, pytest.raises(ValidationError) as err:
            rework.book_rework_costs(s, actors["pmc"], lid, materials=materials, labour=labour,
                               expected_version=version)
        assert (err.value.field, err.value.key, err.value.line) == (field, key, 1)
