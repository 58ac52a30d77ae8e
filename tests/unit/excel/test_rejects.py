"""The rejects workbook: what users get back, fix and import again."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import openpyxl
import pytest

from app.excel.legacy import (
    REJECT_REASON_HEADER,
    REJECT_ROW_HEADER,
    LegacyReadResult,
    read_legacy_workbook,
)
from app.excel.rejects import write_rejects
from tests.unit.excel.workbooks import SAMPLE, ZH_HEADER, make_workbook, zh_row


@pytest.fixture(scope="module")
def sample() -> LegacyReadResult:
    return read_legacy_workbook(SAMPLE)


def test_one_sheet_per_source_sheet_with_original_cells_row_and_reason(sample, tmp_path) -> None:
    path = write_rejects(sample.rejects, tmp_path / "out" / "rejects.xlsx", lang="zh")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["3月", "4月", "5月"]
    ws = wb["4月"]
    header = [c.value for c in ws[1]]
    assert header == ["序号", "日期", "客户", "订单号", "规格型号", "批次", "生产日期", "退货数量", "单位",
                      "单价", "总金额", "提出退货原因", "最终原因分析", "责任", "产品处置", "退款比例",
                      "退给客户金额", "备注", REJECT_ROW_HEADER, REJECT_REASON_HEADER]
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=2)]
    assert [r[-2] for r in rows] == [7, 27, 39]
    assert rows[0][:18] == [3, "2025年4月5日", "华东电器有限公司", "SO20255176", "HD-1200 吹风机",
                            "L250458", "2024-04-16", 33, "台", 139, None, "外壳破损", "装配错误", "老板",
                            "报废", "100%", None, None]
    assert rows[0][-1].startswith("无法识别的责任“老板”")
    assert rows[1][1] == datetime(2025, 4, 25) and ws.cell(3, 2).number_format == "yyyy-mm-dd"
    # the cell at fault is shaded, the others are not
    assert ws.cell(2, 14).fill.start_color.rgb == "FFFFC7CE"
    assert ws.cell(2, 13).fill.fill_type is None
    assert ws.freeze_panes == "A2"


def test_reasons_follow_the_language(sample, tmp_path) -> None:
    ws = openpyxl.load_workbook(write_rejects(sample.rejects, tmp_path / "r.xlsx", lang="en"))["3月"]
    assert [ws.cell(r, 20).value for r in range(2, 4)] == [
        "Liability code must be 1 to 9: “10”", "Customer is required"]


def test_unfixed_rejects_workbook_rejects_the_same_rows_again(sample, tmp_path) -> None:
    again = read_legacy_workbook(write_rejects(sample.rejects, tmp_path / "r.xlsx"))
    assert again.rows == [] and again.sheets_read == ["3月", "4月", "5月"]
    assert [(r.sheet, r.source_row, r.field) for r in again.rejects] == [
        (r.sheet, r.row, r.field) for r in sample.rejects]


def test_fixed_rejects_workbook_imports_every_row(sample, tmp_path) -> None:
    path = write_rejects(sample.rejects, tmp_path / "r.xlsx")
    wb = openpyxl.load_workbook(path)
    fixes = {"liability": ("责任", "3 制造"), "customer": ("客户", "重庆长鸣机电"), "qty": ("数量", 2),
             "date": ("日期", "2025-03-20"), "unit price": ("单价", "59.90")}
    for reject_ in sample.rejects:
        ws = wb[reject_.sheet]
        header = [c.value for c in ws[1]]
        row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, len(header) - 1).value == reject_.row)
        word, value = fixes[reject_.field]
        column = next(i for i, h in enumerate(header, 1) if word in str(h) and "原因" not in str(h))
        ws.cell(row, column).value = value
    wb.save(path)

    fixed = read_legacy_workbook(path)
    assert fixed.rejects == []
    assert sorted((r.sheet, r.source_row) for r in fixed.rows) == sorted(
        (r.sheet, r.row) for r in sample.rejects)
    row = next(r for r in fixed.rows if (r.sheet, r.source_row) == ("5月", 11))
    assert (row.unit_price, row.qty, row.amount) == (Decimal("59.90"), 46, Decimal("2755.40"))


def test_rejects_of_a_rejects_workbook_keep_the_original_rows_once(tmp_path) -> None:
    source = make_workbook(tmp_path / "log.xlsx", {"S": [ZH_HEADER, zh_row(1), zh_row(2, 数量="2.5"),
                                                          zh_row(3, 数量=0)]})
    wb = openpyxl.load_workbook(source)
    wb["S"]["C4"].value = "=SUM(A1)"
    wb["S"]["C4"].data_type = "s"   # a customer typed with a leading '=' and kept as text
    wb.save(source)
    first = write_rejects(read_legacy_workbook(source).rejects, tmp_path / "r1.xlsx")
    second = write_rejects(read_legacy_workbook(first).rejects, tmp_path / "r2.xlsx")
    ws = openpyxl.load_workbook(second)["S"]
    header = [c.value for c in ws[1]]
    assert header == ZH_HEADER + [REJECT_ROW_HEADER, REJECT_REASON_HEADER]
    assert [ws.cell(r, 19).value for r in (2, 3)] == [3, 4]
    # text that looks like a formula went out as text and came back as text
    assert ws.cell(3, 3).value == "=SUM(A1)" and ws.cell(3, 3).data_type == "s"


def test_no_rejects_still_gives_a_workbook(tmp_path) -> None:
    wb = openpyxl.load_workbook(write_rejects([], tmp_path / "none.xlsx", lang="en"))
    assert wb.sheetnames == ["Rejects"]
    assert [c.value for c in wb["Rejects"][1]] == [REJECT_ROW_HEADER, REJECT_REASON_HEADER]
