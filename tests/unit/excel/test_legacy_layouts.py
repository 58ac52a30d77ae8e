"""Other users' logs: headers found by name wherever they are, every written form of a value."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from app.codes import Disposition
from app.errors import ValidationError
from app.excel.legacy import LegacyReadResult, NothingToRead, ReadCancelled, read_legacy_workbook
from tests.unit.excel.workbooks import ZH_HEADER, make_workbook, zh_row


def read(tmp_path: Path, sheets: dict[str, list[list[Any]]],
         merges: dict[str, list[str]] | None = None) -> LegacyReadResult:
    return read_legacy_workbook(make_workbook(tmp_path / "log.xlsx", sheets, merges))


# ---------------------------------------------------------------- finding the header


def test_english_headers_in_another_order_on_row_7_under_merged_titles(tmp_path) -> None:
    header = ["Refund Amount", "Model", "Qty", "Customer Name", "Unit Price", "Return Date",
              "Order No.", "Liability", "Refund Ratio (%)", "Amount (RMB)", "Lot No", "Remarks"]
    rows = [
        ["ACME customer returns 2025"], ["Quality department"], [None], [None, "Form QR-07", "Rev. A"],
        [None], ["Keep one row per returned model"], header,
        [None, "PCB-A12", 11, "Acme GmbH", 112.8, datetime(2025, 4, 15), "SO-1", "3 Manufacturing",
         0.5, None, "L1", "urgent"],  # a number cell holds the fraction, as Excel keeps 50 %
        ["", "HD-1200", "7 pcs", "Acme GmbH", "¥139.00", "2025-04-15", "SO-1", "transport", "30%",
         "973.00", None, None],
    ]
    result = read(tmp_path, {"April": rows}, {"April": ["A1:L1", "A2:L3", "B4:C4"]})
    assert result.sheets_read == ["April"] and result.rejects == []
    first, second = result.rows
    assert (first.row, first.model, first.qty, first.customer, first.unit_price, first.amount) == (
        8, "PCB-A12", 11, "Acme GmbH", Decimal("112.8"), Decimal("1240.80"))
    assert (first.liability_code, first.refund_ratio, first.refund_amount) == (
        3, Decimal("0.5"), Decimal("620.40"))
    assert (first.lot, first.notes, first.order_no) == ("L1", "urgent", "SO-1")
    assert (second.row, second.qty, second.unit, second.amount, second.liability_code) == (
        9, 7, "pcs", Decimal("973.00"), 6)
    assert second.refund_amount == Decimal("291.90")
    assert first.group_key == second.group_key == ("Acme GmbH", date(2025, 4, 15), "SO-1")


def test_header_words_with_newlines_spaces_units_and_fullwidth(tmp_path) -> None:
    header = ["退货\n日期", " 客户 名称 ", "型号\n规格", "数量(件)", "单价（元）", "金额\n(元)",
              "退款比例（%）", "ＱＴＹ", "责任 判定"]
    row = ["2025-05-01", "宁波海天贸易", "KT-35", 4, "59.90", None, "50", None, "制造"]
    result = read(tmp_path, {"Sheet1": [header, row]})
    (line,) = result.rows
    assert (line.qty, line.amount, line.refund_ratio, line.refund_amount, line.liability_code) == (
        4, Decimal("239.60"), Decimal("0.5"), Decimal("119.80"), 3)


def test_the_more_specific_of_two_date_columns_is_the_return_date(tmp_path) -> None:
    header = ["日期", "客户", "型号", "数量", "单价", "退货日期", "出厂日期"]
    row = ["2025-01-02", "甲公司", "M1", 1, 5, "2025-03-05", "2024-06-01"]
    (line,) = read(tmp_path, {"S": [header, row]}).rows
    assert (line.return_date, line.manufacture_date) == (date(2025, 3, 5), date(2024, 6, 1))


@pytest.mark.parametrize("vertical_merges", [True, False], ids=["merged-down", "blank-under"])
def test_two_row_header_with_a_merged_group_title(tmp_path, vertical_merges) -> None:
    rows = [
        ["客户退货登记"],
        ["退货日期", "客户", "型号", "数量", "单价", "退款", None, "备注"],
        [None, None, None, None, None, "比例", "金额", None],
        ["2025-05-03", "苏州新锐电子", "XJ-200", 2, "189.00", "50%", "150.00", "已拍照"],
    ]
    merges = ["A1:H1", "F2:G2"] + (["A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:E3", "H2:H3"]
                                   if vertical_merges else [])
    result = read(tmp_path, {"S": rows}, {"S": merges})
    assert result.rejects == []
    (line,) = result.rows
    assert (line.row, line.refund_ratio, line.refund_amount, line.amount, line.notes) == (
        4, Decimal("0.5"), Decimal("150.00"), Decimal("378.00"), "已拍照")


def test_a_row_of_units_under_the_header_is_part_of_the_header(tmp_path) -> None:
    rows = [["退货日期", "客户", "型号", "数量", "单价", "金额"],
            [None, None, None, "(件)", "(元)", "（元）"],
            ["2025-05-03", "苏州新锐电子", "XJ-200", 2, "189.00", None]]
    result = read(tmp_path, {"S": rows})
    assert result.rejects == [] and result.rows_skipped == 0
    assert [(r.row, r.amount) for r in result.rows] == [(3, Decimal("378.00"))]


def test_a_header_below_row_10_is_not_looked_for(tmp_path) -> None:
    rows = [[f"说明 {i}"] for i in range(10)] + [ZH_HEADER, zh_row()]
    with pytest.raises(NothingToRead) as err:
        read(tmp_path, {"Late": rows})
    assert [s.key for s in err.value.sheets_skipped] == ["sheet_no_header"]


def test_sheets_that_are_not_logs_are_skipped_with_a_reason(tmp_path) -> None:
    result = read(tmp_path, {
        "说明": [["本文件记录客户退货"], ["责任代号见程序文件"]],
        "统计": [["月份", "退货数量", "金额"], ["3月", 100, 5000]],
        "汇总": [["客户", "数量", "金额", "退款金额"], ["甲公司", 100, 5000, 100]],
        "空白": [],
        "台账": [ZH_HEADER, zh_row()],
    })
    assert result.sheets_read == ["台账"] and len(result.rows) == 1 and result.rejects == []
    skipped = {s.sheet: s for s in result.sheets_skipped}
    assert {name: s.key for name, s in skipped.items()} == {
        "说明": "sheet_no_header", "统计": "sheet_no_header", "汇总": "sheet_missing_columns",
        "空白": "sheet_empty"}
    assert skipped["汇总"].message("zh") == "工作表“汇总”缺少必需的列: 退货日期、型号规格,已跳过"
    assert skipped["汇总"].message("en") == (
        "Sheet “汇总” lacks required columns: Return date, Model/spec; skipped")
    assert "前10行" in skipped["说明"].message("zh") and "first 10 rows" in skipped["说明"].message("en")


# ---------------------------------------------------------------- values in every written form

FORMS: list[tuple[dict[str, Any], str, Any]] = [
    ({"退货日期": datetime(2025, 3, 5)}, "return_date", date(2025, 3, 5)),
    ({"退货日期": "2025-03-05"}, "return_date", date(2025, 3, 5)),
    ({"退货日期": "2025/3/5"}, "return_date", date(2025, 3, 5)),
    ({"退货日期": "2025.3.5"}, "return_date", date(2025, 3, 5)),
    ({"退货日期": "2025年3月5日"}, "return_date", date(2025, 3, 5)),
    ({"退货日期": "20250305"}, "return_date", date(2025, 3, 5)),
    ({"退货日期": 20250305}, "return_date", date(2025, 3, 5)),
    ({"退货日期": "２０２５年３月５日"}, "return_date", date(2025, 3, 5)),
    ({"出厂日期": "2024年12月1日"}, "manufacture_date", date(2024, 12, 1)),
    ({"出厂日期": None}, "manufacture_date", None),
    ({"数量": "12件", "单位": None}, "qty", 12),
    ({"数量": "12件", "单位": None}, "unit", "件"),
    ({"数量": "１２"}, "qty", 12),
    ({"数量": 12.0}, "qty", 12),
    ({"数量": "12.0"}, "qty", 12),
    ({"单价": "¥1,234.50"}, "unit_price", Decimal("1234.50")),
    ({"单价": "1234.5元"}, "unit_price", Decimal("1234.5")),
    ({"单价": "１２"}, "unit_price", Decimal("12")),
    ({"单价": 0.1 + 0.2, "数量": 3}, "amount", Decimal("0.90")),
    ({"金额": "¥1,234.50"}, "amount", Decimal("1234.50")),
    ({"金额": "1234.5元"}, "amount", Decimal("1234.50")),
    ({"金额": "１２３４．５０"}, "amount", Decimal("1234.50")),
    ({"金额": 0.1 + 0.2}, "amount", Decimal("0.30")),
    ({"责任判定": 3}, "liability_code", 3),
    ({"责任判定": "3 制造"}, "liability_code", 3),
    ({"责任判定": "3-制造"}, "liability_code", 3),
    ({"责任判定": "制造(3)"}, "liability_code", 3),
    ({"责任判定": "制造"}, "liability_code", 3),
    ({"责任判定": "客户"}, "liability_code", 1),
    ({"责任判定": "供应商"}, "liability_code", 2),
    ({"责任判定": "生产"}, "liability_code", 3),
    ({"责任判定": "物流"}, "liability_code", 6),
    ({"责任判定": "其他"}, "liability_code", 9),
    ({"责任判定": None}, "liability_code", None),
    ({"退款比例": "50%"}, "refund_ratio", Decimal("0.5")),
    ({"退款比例": "50％"}, "refund_ratio", Decimal("0.5")),
    ({"退款比例": 0.5}, "refund_ratio", Decimal("0.5")),
    ({"退款比例": "50"}, "refund_ratio", Decimal("0.5")),
    ({"退款比例": "1"}, "refund_ratio", Decimal("0.01")),  # typed text: 1 %, never 100 %
    ({"退款比例": None}, "refund_ratio", None),
    ({"退款比例": "30%", "金额": "100.00"}, "refund_amount", Decimal("30.00")),
    ({"退款比例": "30%", "金额": "100.00", "退款金额": "２５．００"}, "refund_amount", Decimal("25.00")),
    ({"订单号": "ＳＯ２０２５"}, "order_no", "SO2025"),
    ({"订单号": 20250312}, "order_no", "20250312"),
    ({"订单号": None}, "order_no", ""),
    ({"处置方式": "返修后出货"}, "disposition", Disposition.REPAIR_RESHIP),
    ({"处置方式": "看情况"}, "disposition", None),
    ({"处置方式": "看情况"}, "disposition_text", "看情况"),
    ({"客户名称": "  重庆　长鸣机电 "}, "customer", "重庆 长鸣机电"),
]


@pytest.fixture(scope="module")
def forms(tmp_path_factory) -> LegacyReadResult:
    rows = [ZH_HEADER] + [zh_row(i, **overrides) for i, (overrides, _a, _v) in enumerate(FORMS, 1)]
    return read_legacy_workbook(make_workbook(tmp_path_factory.mktemp("forms") / "f.xlsx", {"S": rows}))


@pytest.mark.parametrize(("index", "attr", "value"),
                         [(i, attr, value) for i, (_o, attr, value) in enumerate(FORMS)],
                         ids=[f"{attr}={list(o.values())[0]!r}" for o, attr, _v in FORMS])
def test_every_written_form_reads_the_same(forms, index, attr, value) -> None:
    assert forms.rejects == []
    row = {r.row: r for r in forms.rows}[index + 2]
    assert getattr(row, attr) == value


# ---------------------------------------------------------------- derived values


def test_amount_refund_and_unit_price_derived_when_blank(tmp_path) -> None:
    result = read(tmp_path, {"S": [
        ZH_HEADER,
        zh_row(1, 数量=3, 单价="112.80", 金额=None, 退款比例="30%", 退款金额=None),
        zh_row(2, 数量=4, 单价=None, 金额="100.00", 退款比例=None, 退款金额=None),
        zh_row(3, 数量=4, 单价="10", 金额="35.00", 退款比例="100%", 退款金额="20"),
    ]})
    first, second, third = result.rows
    assert (first.amount, first.refund_amount) == (Decimal("338.40"), Decimal("101.52"))
    assert (second.unit_price, second.refund_amount) == (Decimal("25.00"), Decimal("0.00"))
    # what was written is what was invoiced and paid
    assert (third.amount, third.refund_amount) == (Decimal("35.00"), Decimal("20.00"))


def test_undecided_rows_refund_nothing(tmp_path) -> None:
    (row,) = read(tmp_path, {"S": [ZH_HEADER, zh_row(责任判定=None, 退款比例="50%")]}).rows
    assert row.liability_code is None and row.refund == 0


# ---------------------------------------------------------------- skipped and rejected rows


def test_blank_subtotal_total_footer_and_repeated_header_rows_are_skipped(tmp_path) -> None:
    result = read(tmp_path, {"S": [
        ZH_HEADER,
        zh_row(1),
        [None, "小计", None, None, None, None, None, 10, None, None, 235],
        [],
        [None] * 18,
        ["  ", "", None],
        [2],                                       # a pre-numbered empty line
        zh_row(3, 备注="不计入合计"),                # a real line that mentions 合计
        [None, None, "重庆长鸣机电 小计", None, None, None, None, 10],
        ZH_HEADER,                                 # the header repeated for printing
        zh_row(4, 退货日期="2025-03-06"),
        ["合 计", None, None, None, None, None, None, 30],
        ["Total:", None, None, None, None, None, None, 30],
        ["制表人: 张三", None, None, None, None, None, None, None, None, None, None, None, None,
         "审核: 李四"],
    ]})
    assert result.rejects == []
    assert [r.row for r in result.rows] == [2, 8, 11]
    assert result.rows_skipped == 10


@pytest.mark.parametrize("qty", ["2.5", 2.5, "0", 0, "-1", "abc", "十二"])
def test_a_quantity_that_is_not_a_positive_whole_number_is_rejected(tmp_path, qty) -> None:
    result = read(tmp_path, {"S": [["退货登记"], ZH_HEADER, zh_row(1), zh_row(2, 数量=qty)]})
    assert [r.row for r in result.rows] == [3]
    (reject,) = result.rejects
    assert (reject.sheet, reject.row, reject.field, reject.key) == ("S", 4, "qty", "qty_not_whole")
    assert reject.cells == zh_row(2, 数量=qty) and reject.headers == ZH_HEADER


@pytest.mark.parametrize(("overrides", "field", "key"), [
    ({"客户名称": None}, "customer", "required"),
    ({"型号规格": "  "}, "model", "required"),
    ({"退货日期": None}, "date", "required"),
    ({"退货日期": "2025-02-30"}, "date", "date_invalid"),
    ({"单价": "-5"}, "unit price", "price_invalid"),
    ({"单价": "面议"}, "unit price", "price_invalid"),
    ({"单价": None, "金额": None}, "unit price", "required"),
    ({"金额": "-1"}, "amount", "price_invalid"),
    ({"责任判定": "老板"}, "liability", "liability_unknown"),
    ({"责任判定": "3 运输"}, "liability", "liability_conflict"),
    ({"责任判定": "10"}, "liability", "liability_invalid"),
    ({"退款比例": "150%"}, "refund ratio", "ratio_invalid"),
    ({"退款比例": 50}, "refund ratio", "ratio_cell_fraction"),
    ({"退款金额": "abc"}, "refund amount", "price_invalid"),
    ({"退款金额": "500", "金额": "100"}, "refund amount", "refund_exceeds_amount"),
    ({"出厂日期": "2024-13-01"}, "manufacture date", "date_invalid"),
])
def test_rejected_rows_name_the_field_at_fault(tmp_path, overrides, field, key) -> None:
    (reject,) = read(tmp_path, {"S": [ZH_HEADER, zh_row(**overrides)]}).rejects
    assert (reject.row, reject.field, reject.key) == (2, field, key)
    assert reject.message("zh") and reject.message("en") and reject.message("zh") != reject.message("en")


def test_a_row_with_several_faults_reports_them_all_first_first(tmp_path) -> None:
    (reject,) = read(tmp_path, {"S": [ZH_HEADER, zh_row(客户名称=None, 数量="abc")]}).rejects
    assert reject.field == "customer"
    assert [p.field for p in reject.problems] == ["customer", "qty"]
    assert reject.message("zh") == "客户不能为空;数量必须是正整数,而不是“abc”"
    assert reject.message("en") == "Customer is required; Quantity must be a positive whole number, not “abc”"
    assert [reject.headers[i] for i in reject.fault_columns] == ["客户名称", "数量"]


# ---------------------------------------------------------------- merged cells, formulas


def test_customer_date_and_order_merged_down_a_return_count_for_each_line(tmp_path) -> None:
    rows = [
        ZH_HEADER,
        zh_row(1, 型号规格="MF-8"), zh_row(2, 退货日期=None, 客户名称=None, 订单号=None, 型号规格="LED-T5"),
        zh_row(3, 退货日期=None, 客户名称=None, 订单号=None, 型号规格="KT-35"),
        zh_row(4, 客户名称="佛山美佳家电"),
    ]
    result = read(tmp_path, {"S": rows}, {"S": ["B2:B4", "C2:C4", "D2:D4"]})
    assert result.rejects == []
    keys = [r.group_key for r in result.rows]
    assert keys[:3] == [("重庆长鸣机电", date(2025, 3, 5), "SO1")] * 3
    assert keys[3] == ("佛山美佳家电", date(2025, 3, 5), "SO1")


def test_formula_amount_without_a_saved_value_is_computed(tmp_path) -> None:
    (row,) = read(tmp_path, {"S": [ZH_HEADER, zh_row(数量=4, 单价="2.50", 金额="=H2*J2")]}).rows
    assert row.amount == Decimal("10.00")


# ---------------------------------------------------------------- the file itself


@pytest.mark.parametrize("name", ["broken.xlsx", "old.xls"])
def test_unreadable_file_is_an_expected_error(tmp_path, name) -> None:
    path = tmp_path / name
    path.write_bytes(b"this is not a workbook")
    with pytest.raises(ValidationError) as info:
        read_legacy_workbook(path)
    assert info.value.key == "excel_unreadable"
    assert info.value.message("zh").startswith(f"无法读取Excel文件“{name}”")


def test_progress_is_reported_and_reading_can_be_cancelled(tmp_path) -> None:
    rows = [ZH_HEADER] + [zh_row(i) for i in range(1, 2501)]
    path = make_workbook(tmp_path / "big.xlsx", {"说明": [["a"], ["b"], ["c"]], "S": rows})
    seen: list[tuple[int, int]] = []
    result = read_legacy_workbook(path, progress=lambda done, total: seen.append((done, total)))
    assert len(result.rows) == 2500
    assert [done for done, _t in seen] == [3, 1003, 2003, 2504]
    assert all(total == 2504 for _d, total in seen)

    asked: list[int] = []

    def cancel_at_second_ask() -> bool:
        asked.append(1)
        return len(asked) == 2

    with pytest.raises(ReadCancelled) as info:
        read_legacy_workbook(path, is_cancelled=cancel_at_second_ask)
    assert info.value.message("zh") == "已取消读取“big.xlsx”"
    assert info.value.message("en") == "Reading “big.xlsx” was cancelled"
