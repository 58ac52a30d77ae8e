"""The sample log reads exactly as its expected result says: per month and liability, and rejects."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from app.codes import Disposition
from app.excel.legacy import LegacyReadResult, read_legacy_workbook
from tests.unit.excel.workbooks import SAMPLE, SAMPLE_EXPECTED


@pytest.fixture(scope="module")
def sample() -> LegacyReadResult:
    return read_legacy_workbook(SAMPLE)


@pytest.fixture(scope="module")
def expected() -> dict[str, Any]:
    return json.loads(SAMPLE_EXPECTED.read_text(encoding="utf-8"))


def monthly(result: LegacyReadResult) -> dict[str, dict[str, Any]]:
    """The accepted rows as the expected result counts them: returns, and lines per liability."""
    months: dict[str, dict[str, Any]] = defaultdict(dict)
    returns: dict[str, set] = defaultdict(set)
    for row in result.rows:
        month = row.return_date.strftime("%Y-%m")
        returns[month].add(row.group_key)
        for key in (str(row.liability_code) if row.liability_code else "undecided", "total"):
            bucket = months[month].setdefault(key, {"lines": 0, "qty": 0, "amount": Decimal(0),
                                                    "refund": Decimal(0)})
            bucket["lines"] += 1
            bucket["qty"] += row.qty
            bucket["amount"] += row.amount
            bucket["refund"] += row.refund
    for month, keys in returns.items():
        months[month]["rmas"] = len(keys)
    return dict(months)


def as_expected(months: dict[str, Any]) -> dict[str, Any]:
    return {month: {key: value if key == "rmas" else
                    {"lines": value["lines"], "qty": value["qty"], "amount": Decimal(value["amount"]),
                     "refund": Decimal(value["refund"])}
                    for key, value in figures.items()}
            for month, figures in months.items()}


def test_sample_months_match_the_expected_result_exactly(sample, expected) -> None:
    assert monthly(sample) == as_expected(expected["months"])


def test_sample_rejects_exactly_the_expected_rows(sample, expected) -> None:
    got = [{"sheet": r.sheet, "row": r.row, "field": r.field} for r in sample.rejects]
    assert got == expected["rejected"]


def test_sample_reads_every_month_sheet_and_skips_subtotals(sample) -> None:
    assert sample.sheets_read == ["3月", "4月", "5月"]
    assert sample.sheets_skipped == []
    assert len(sample.rows) == 119
    # 3月: 小计, 2 blank, 合计; 4月: 小计, 1 blank, 合计; 5月: 6 小计, 3 blank, 合计 …
    assert sample.rows_skipped == 20


def test_reject_reasons_render_in_both_languages(sample) -> None:
    by_place = {(r.sheet, r.row): r for r in sample.rejects}
    assert by_place["3月", 3].message("zh") == "责任代号必须是1到9: “10”"
    assert by_place["3月", 3].message("en") == "Liability code must be 1 to 9: “10”"
    assert by_place["3月", 23].message("zh") == "客户不能为空"
    assert by_place["3月", 23].message("en") == "Customer is required"
    assert by_place["3月", 34].message("zh") == "退货日期不是有效日期: “昨天”"
    assert by_place["3月", 41].message("en") == "Quantity must be a positive whole number, not “2.5”"
    assert by_place["4月", 7].message("zh").startswith("无法识别的责任“老板”")
    assert by_place["5月", 11].message("en") == "Unit price must be an amount of 0 or more, not “-5”"
    assert by_place["5月", 41].where("zh") == "工作表“5月”第41行"
    for reject in sample.rejects:
        assert reject.message("zh") != reject.message("en")
        assert len(reject.cells) == len(reject.headers) == 18


def test_sample_rows_carry_every_column(sample) -> None:
    rows = {(r.sheet, r.row): r for r in sample.rows}
    row = rows["3月", 4]   # '¥112.80', '1240.80元', '0％', '0.00元', '返修后改售'
    assert (row.return_date, row.customer, row.order_no, row.model, row.lot) == (
        date(2025, 3, 5), "重庆长鸣机电", "SO20252186", "PCB-A12 主控板", "L250316")
    assert (row.manufacture_date, row.qty, row.unit, row.unit_price, row.amount) == (
        date(2024, 12, 23), 11, "块", Decimal("112.80"), Decimal("1240.80"))
    assert (row.liability_code, row.refund_ratio, row.refund_amount) == (2, Decimal("0"), Decimal("0"))
    assert (row.reason, row.cause, row.disposition, row.notes) == (
        "不通电", "来料电容不良", Disposition.REPAIR_RESELL, "已拍照")
    computed = rows["3月", 10]  # amount blank: 10 × 23.50; no ratio: refund 0
    assert (computed.amount, computed.refund_amount, computed.refund_ratio) == (
        Decimal("235.00"), Decimal("0.00"), None)
    undecided = rows["3月", 17]
    assert undecided.liability_code is None and undecided.refund == 0
    # full-width everything: '５７', '１１２．８０', amount 6429.6 as an Excel float
    assert (rows["3月", 9].qty, rows["3月", 9].unit_price, rows["3月", 9].amount) == (
        57, Decimal("112.80"), Decimal("6429.60"))


def test_same_customer_date_and_order_form_one_return(sample) -> None:
    rows = {(r.sheet, r.row): r for r in sample.rows}
    # 3月 rows 15 and 16: '2025.3.4' and '20250304', same customer and order
    assert rows["3月", 15].group_key == rows["3月", 16].group_key == (
        "深圳市宏达科技", date(2025, 3, 4), "SO20254374")
    # a blank order number is a value too: 3月 rows 44 and 45 ("2025/3/23", "20250323")
    assert rows["3月", 44].group_key == rows["3月", 45].group_key == (
        "重庆长鸣机电", date(2025, 3, 23), "")
