"""Synthetic legacy logs for the reader's tests, written with openpyxl into tmp_path."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook

# a copy of shared/samples, so the suite runs in any checkout
SAMPLES = Path(__file__).resolve().parents[2] / "data"
SAMPLE = SAMPLES / "legacy-returns-2025.xlsx"
SAMPLE_EXPECTED = SAMPLES / "legacy-returns-2025.expected.json"

# A header as the procedure's form writes it, and a row of that header that is accepted.
ZH_HEADER = ["序号", "退货日期", "客户名称", "订单号", "型号规格", "批号", "出厂日期", "数量", "单位",
             "单价", "金额", "退货原因", "原因分析", "责任判定", "处置方式", "退款比例", "退款金额", "备注"]


def zh_row(seq: int = 1, **values: Any) -> list[Any]:
    """A good row under ZH_HEADER; keyword arguments replace cells by header name."""
    row = {"序号": seq, "退货日期": "2025-03-05", "客户名称": "重庆长鸣机电", "订单号": "SO1",
           "型号规格": "MF-8 风扇电机", "批号": "L1", "出厂日期": "2024-12-01", "数量": 10, "单位": "件",
           "单价": "23.50", "金额": None, "退货原因": "噪音大", "原因分析": "装配错误", "责任判定": "3",
           "处置方式": "报废", "退款比例": "50%", "退款金额": None, "备注": None}
    for name, value in values.items():
        assert name in row, name
        row[name] = value
    return [row[h] for h in ZH_HEADER]


def make_workbook(path: Path, sheets: dict[str, list[list[Any]]],
                  merges: dict[str, list[str]] | None = None) -> Path:
    """One sheet per entry, rows from row 1; merges as 'A1:R1' per sheet."""
    wb = Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
        for ref in (merges or {}).get(title, []):
            ws.merge_cells(ref)
    wb.save(path)
    return path
