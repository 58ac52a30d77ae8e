"""The monthly statistics as one Excel workbook: a sheet per view, native charts.

`report monthly --xlsx` and the reports tab's "Excel" button write it. Frozen header rows,
¥ number formats, column widths that fit Chinese text (a CJK character counts two), and
openpyxl charts that Excel and LibreOffice draw themselves: the Pareto of causes (bars and
a cumulative % line on a secondary axis), the external loss cost by liability (stacked by
cost kind) and the 13-month trend (lines).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.chart.axis import _BaseAxis
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from app.codes import liability_label
from app.excel.cells import keep_text, printable
from app.reports.monthly import (
    DISTRIBUTION,
    LIABILITY_KEYS,
    TITLE,
    UNDECIDED,
    Figures,
    MonthlyReport,
)
from app.wording import count_en, display_width  # noqa: F401 (display_width: re-exported)

YUAN = '"¥"#,##0.00'
PCT = '0.0"%"'      # shares are kept as percent numbers (60.0), as the report prints them
COUNT = "#,##0"
HEAD_FILL = PatternFill("solid", fgColor="DCE6F1")
TOTAL_FONT = Font(bold=True)


def _t(lang: str, zh: str, en: str) -> str:
    return zh if lang.startswith("zh") else en


def _shown(value: Any, fmt: str | None) -> str:
    if isinstance(value, Decimal) and fmt == YUAN:
        return f"¥{value:,.2f}"
    if isinstance(value, int) and fmt == COUNT:
        return f"{value:,}"
    return "" if value is None else str(value)


def _sheet(wb: Workbook, title: str, header: Sequence[str], rows: list[list[Any]],
           formats: Sequence[str | None], total: list[Any] | None = None) -> Worksheet:
    """A sheet with one header row (frozen), formatted columns and an optional bold total row."""
    ws = wb.create_sheet(title)
    ws.append(list(header))
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = HEAD_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for row in rows:
        ws.append(printable(row))
    if total is not None:
        ws.append(total)
        for cell in ws[ws.max_row]:
            cell.font = TOTAL_FONT
    for col, fmt in enumerate(formats, start=1):
        if fmt:
            for (cell,) in ws.iter_rows(min_row=2, min_col=col, max_col=col):
                cell.number_format = fmt
    ws.freeze_panes = "A2"
    keep_text(ws)  # names of customers, models and causes are text, never formulas
    _fit_columns(ws, formats)
    return ws


def _fit_columns(ws: Worksheet, formats: Sequence[str | None], first_row: int = 1) -> None:
    for i, column in enumerate(ws.iter_cols(min_row=first_row), start=0):
        fmt = formats[i] if i < len(formats) else None
        widest = max((display_width(_shown(c.value, fmt)) for c in column), default=4)
        ws.column_dimensions[column[0].column_letter].width = min(60, max(8, widest + 3))


def _axes_shown(*charts: Any) -> None:
    # openpyxl 3.1 leaves <c:delete> out, which Excel reads as "axis deleted": say it.
    for chart in charts:
        for axis in (chart.x_axis, chart.y_axis):
            if isinstance(axis, _BaseAxis):
                axis.delete = False


def _straight(chart: LineChart) -> None:
    # a month-to-month figure is not a curve: no smoothing between the points
    for series in chart.series:
        series.smooth = False


FIG_FORMATS: list[str | None] = [COUNT, COUNT, YUAN, YUAN, YUAN, YUAN, YUAN, YUAN, YUAN]


def _fig_cols(f: Figures) -> list[Any]:
    return [f.lines, f.qty, f.amount, f.refund, f.materials, f.labour, f.other, f.scrapped, f.loss]


def _fig_heads(lang: str) -> list[str]:
    if lang.startswith("zh"):
        return ["行数", "数量", "金额", "退款", "返工材料", "返工人工", "其它费用", "报废价值", "外部损失成本"]
    return ["Lines", "Pieces", "Amount", "Refunds", "Rework materials", "Rework labour", "Other costs",
            "Scrapped value", "External loss cost"]


def _summary(wb: Workbook, report: MonthlyReport, lang: str) -> Worksheet:
    t = report.totals
    ws = wb.create_sheet(_t(lang, "汇总", "Summary"))
    ws["A1"] = _t(lang, f"{TITLE[0]} {report.month}", f"{TITLE[1]}, {report.month}")
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = (_t(lang, "编号", "Form no.") + f" {report.form_no}   " + _t(lang, "版次", "Rev.")
                + f" {report.form_rev}   " + _t(lang, "分发", "Distribution") + ": "
                + _t(lang, "、", ", ").join(_t(lang, zh, en) for zh, en in DISTRIBUTION))
    ws.append([_t(lang, "项目", "Item"), _t(lang, "数值", "Value")])
    for cell in ws[3]:
        cell.font = Font(bold=True)
        cell.fill = HEAD_FILL
    items: list[tuple[str, str, Any, str | None]] = [
        ("月份", "Month", report.month, None),
        ("退货单数", "Returns", report.rmas, COUNT),
        ("退货行数", "Lines", t.lines, COUNT),
        ("退货数量", "Pieces", t.qty, COUNT),
        ("退货金额", "Amount", t.amount, YUAN),
        ("退款金额", "Refunds", t.refund, YUAN),
        ("返工材料", "Rework materials", t.materials, YUAN),
        ("返工人工", "Rework labour", t.labour, YUAN),
        ("其它费用", "Other costs", t.other, YUAN),
        ("报废价值", "Scrapped value", t.scrapped, YUAN),
        ("质量外部损失成本", "External quality loss cost", t.loss, YUAN),
        ("未分析行数", "Lines not analysed", report.not_analysed.lines, COUNT),
        ("本月开立8D", "8Ds opened", report.eightd["opened"], COUNT),
        ("本月关闭8D", "8Ds closed", report.eightd["closed"], COUNT),
        ("月末逾期8D", "8Ds overdue at month end", report.eightd["overdue"], COUNT),
        ("本月发出索赔", "Supplier claims sent", report.claims.sent, COUNT),
        ("索赔金额", "Amount claimed from suppliers", report.claims.claimed, YUAN),
        ("本月索赔回款", "Supplier claims credited", report.claims.credited, COUNT),
        ("索赔回收金额", "Amount recovered from suppliers", report.claims.recovered, YUAN),
    ]
    loss_row = 0
    for zh, en, value, fmt in items:
        ws.append([_t(lang, zh, en), value])
        if fmt:
            ws.cell(ws.max_row, 2).number_format = fmt
        if en == "External quality loss cost":
            loss_row = ws.max_row
    ws.cell(loss_row, 1).font = ws.cell(loss_row, 2).font = TOTAL_FONT
    ws.freeze_panes = "A4"
    keep_text(ws)
    _fit_columns(ws, [None, YUAN], first_row=3)
    return ws


def write_monthly_xlsx(report: MonthlyReport, out: str | Path, lang: str = "zh") -> Path:
    """Write the monthly statistics workbook (summary, by liability, cause, customer, model,
    Pareto, trend, with charts) to `out`; returns its path."""
    wb = Workbook()
    wb.remove(wb.active)
    _summary(wb, report, lang)
    n_keys = len(LIABILITY_KEYS)
    total_row = [_t(lang, "合计", "Total"), *_fig_cols(report.totals)]

    liab = _sheet(wb, _t(lang, "按责任", "By liability"), [_t(lang, "责任", "Liability"), *_fig_heads(lang)],
                  [[liability_label(None if k == UNDECIDED else int(k), lang), *_fig_cols(report.by_liability[k])]
                   for k in LIABILITY_KEYS], [None, *FIG_FORMATS], total=total_row)
    cost = BarChart()
    cost.type, cost.grouping, cost.overlap = "col", "stacked", 100
    cost.title = _t(lang, "按责任的外部损失成本", "External loss cost by liability")
    cost.y_axis.title = "¥"
    cost.y_axis.numFmt = '"¥"#,##0'
    for col in (6, 7, 8, 9, 5):  # materials, labour, other, scrapped value, refunds
        cost.add_data(Reference(liab, min_col=col, min_row=1, max_row=n_keys + 1), titles_from_data=True)
    cost.set_categories(Reference(liab, min_col=1, min_row=2, max_row=n_keys + 1))
    cost.width, cost.height = 24, 11
    _axes_shown(cost)
    liab.add_chart(cost, "A15")

    # the top lots are a top list: a total under them would read as the month's total
    for title_zh, title_en, head_zh, head_en, groups, totalled in (
            ("按原因", "By cause", "原因", "Cause", report.by_cause, True),
            ("按客户", "By customer", "客户", "Customer", report.by_customer, True),
            ("按型号", "By model", "型号规格", "Model", report.by_model, True),
            ("批次排行", "Top lots", "型号 · 批次", "Model · lot", report.by_lot, False)):
        _sheet(wb, _t(lang, title_zh, title_en), [_t(lang, head_zh, head_en), *_fig_heads(lang)],
               [[g.name(lang), *_fig_cols(g.figures)] for g in groups], [None, *FIG_FORMATS],
               total=total_row if groups and totalled else None)

    par = _sheet(wb, _t(lang, "原因排列图", "Pareto"),
                 [_t(lang, "原因", "Cause"), _t(lang, "行数", "Lines"), _t(lang, "占比%", "Share %"),
                  _t(lang, "累计%", "Cumulative %"), _t(lang, "金额", "Amount")],
                 [[r.group.name(lang), r.group.figures.lines, r.share, r.cumulative, r.group.figures.amount]
                  for r in report.pareto], [None, COUNT, PCT, PCT, YUAN])
    if report.not_analysed.lines:
        par.cell(len(report.pareto) + 3, 1, _t(lang, f"未分析 {report.not_analysed.lines} 行不计入排列图",
                                                count_en(report.not_analysed.lines, "line") + " not analysed are left out"))
    n = len(report.pareto)
    if n:
        bars = BarChart()
        bars.title = _t(lang, "退货原因排列图", "Pareto of causes")
        bars.add_data(Reference(par, min_col=2, min_row=1, max_row=n + 1), titles_from_data=True)
        bars.set_categories(Reference(par, min_col=1, min_row=2, max_row=n + 1))
        bars.y_axis.title = _t(lang, "行数", "Lines")
        bars.y_axis.scaling.min = 0
        bars.gapWidth = 40
        line = LineChart()
        line.add_data(Reference(par, min_col=4, min_row=1, max_row=n + 1), titles_from_data=True)
        line.y_axis.axId = 200
        line.y_axis.title = _t(lang, "累计%", "Cumulative %")
        line.y_axis.scaling.min, line.y_axis.scaling.max = 0, 100
        line.y_axis.crosses = "max"
        line.y_axis.majorGridlines = None
        _straight(line)
        _axes_shown(bars, line)
        bars += line
        bars.width, bars.height = 24, 12
        par.add_chart(bars, "G2")

    trend = _sheet(wb, _t(lang, "趋势", "Trend"), [_t(lang, "月份", "Month"), _t(lang, "退货单", "Returns"),
                                                   *_fig_heads(lang)],
                   [[p.month, p.rmas, *_fig_cols(p.figures)] for p in report.trend],
                   [None, COUNT, *FIG_FORMATS])
    m = len(report.trend)
    lc = LineChart()
    lc.title = _t(lang, f"近{m}个月退货金额、退款与外部损失", f"Amount, refunds and external loss, {m} months")
    for col in (5, 6, 11):  # amount, refunds, external loss
        lc.add_data(Reference(trend, min_col=col, min_row=1, max_row=m + 1), titles_from_data=True)
    lc.set_categories(Reference(trend, min_col=1, min_row=2, max_row=m + 1))
    lc.y_axis.title = "¥"
    lc.y_axis.numFmt = '"¥"#,##0'
    lc.y_axis.scaling.min = 0
    lc.width, lc.height = 24, 11
    _straight(lc)
    _axes_shown(lc)
    trend.add_chart(lc, f"A{m + 4}")
    out = Path(out)
    wb.save(out)
    return out
