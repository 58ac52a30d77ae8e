"""`rma-station report monthly --month YYYY-MM [--json] [--xlsx OUT] [--pdf OUT]`.

Without a flag the month's statistics are printed as readable tables in the user's
language; --json prints one JSON object (money as "0.00" strings); --xlsx and --pdf write
the workbook and the A4 report for the distribution list.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from app.codes import liability_label
from app.commands import cli_lang
from app.commands.common import guarded, open_database
from app.money import format_yuan
from app.reports.monthly import (
    LIABILITY_KEYS,
    UNDECIDED,
    Figures,
    MonthlyReport,
    month_bounds,
    monthly_report,
    to_json,
)
from app.wording import count_en, display_width

TOP = 10  # rows of the customer and model tables on screen; the workbook has them all


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("report", help="monthly customer-return statistics (顾客退货月统计表)")
    p.add_argument("kind", choices=["monthly"])
    p.add_argument("--month", required=True, metavar="YYYY-MM")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--xlsx", type=Path, metavar="OUT.xlsx", help="write the workbook with charts")
    p.add_argument("--pdf", type=Path, metavar="OUT.pdf", help="write the A4 report")
    p.set_defaults(handler=run)


def _pad(text: str, width: int, right: bool) -> str:
    gap = " " * max(0, width - display_width(text))
    return gap + text if right else text + gap


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> list[str]:
    """Rows as aligned text columns; a CJK character takes two cells of a terminal."""
    cells = [[_cell(v) for v in row] for row in rows]
    numeric = [all(isinstance(r[i], int | Decimal) for r in rows) if rows else False
               for i in range(len(headers))]
    widths = [max([display_width(h), *(display_width(r[i]) for r in cells)]) for i, h in enumerate(headers)]
    out = ["  ".join(_pad(h, widths[i], numeric[i]) for i, h in enumerate(headers)).rstrip()]
    out.append("  ".join("-" * w for w in widths))
    out += ["  ".join(_pad(c, widths[i], numeric[i]) for i, c in enumerate(r)).rstrip() for r in cells]
    return out


def _cell(value: Any) -> str:
    if isinstance(value, Decimal):
        return format_yuan(value)
    return str(value)


def render_text(report: MonthlyReport, lang: str) -> str:
    """The month's statistics as the terminal shows them (`report monthly` without flags)."""
    zh = lang.startswith("zh")

    def t(a: str, b: str) -> str:
        return a if zh else b

    def figures_row(name: str, f: Figures) -> list[Any]:
        return [name, f.lines, f.qty, f.amount, f.refund, f.loss]

    heads = [t("行数", "Lines"), t("数量", "Pieces"), t("金额", "Amount"), t("退款", "Refunds"),
             t("外部损失", "Ext. loss")]
    tot = report.totals
    out = [
        t(f"顾客退货月统计表 {report.month}", f"Monthly customer return statistics, {report.month}")
        + f"   ({t('编号', 'form')} {report.form_no} {t('版次', 'rev.')} {report.form_rev})",
        "",
        t(f"退货单 {report.rmas} 张  行 {tot.lines}  数量 {tot.qty}  金额 ¥{format_yuan(tot.amount)}  "
          f"退款 ¥{format_yuan(tot.refund)}",
          f"returns {report.rmas}  lines {tot.lines}  pieces {tot.qty}  amount ¥{format_yuan(tot.amount)}  "
          f"refunds ¥{format_yuan(tot.refund)}"),
        t("质量外部损失成本", "External quality loss cost") + f" ¥{format_yuan(tot.loss)} = "
        + t("材料", "materials") + f" {format_yuan(tot.materials)} + " + t("人工", "labour")
        + f" {format_yuan(tot.labour)} + " + t("其它", "other") + f" {format_yuan(tot.other)} + "
        + t("报废", "scrapped") + f" {format_yuan(tot.scrapped)} + " + t("退款", "refunds")
        + f" {format_yuan(tot.refund)}",
        "",
        t("按责任", "By liability"),
    ]
    out += table([t("责任", "Liability"), *heads],
                 [figures_row(liability_label(None if k == UNDECIDED else int(k), lang), report.by_liability[k])
                  for k in LIABILITY_KEYS])
    out += ["", t("原因排列图", "Pareto of causes")]
    out += table([t("原因", "Cause"), t("行数", "Lines"), t("占比%", "Share %"), t("累计%", "Cum. %")],
                 [[r.group.name(lang), r.group.figures.lines, str(r.share), str(r.cumulative)]
                  for r in report.pareto] or [[t("(无)", "(none)"), "", "", ""]])
    if report.not_analysed.lines:
        out.append(t(f"未分析 {report.not_analysed.lines} 行不计入排列图",
                     count_en(report.not_analysed.lines, "line") + " not analysed yet are left out"))
    for title, groups in ((t("按客户", "By customer"), report.by_customer),
                          (t("按型号", "By model"), report.by_model)):
        out += ["", title + (t(f"(前 {TOP})", f" (top {TOP})") if len(groups) > TOP else "")]
        out += table([t("名称", "Name"), *heads], [figures_row(g.name(lang), g.figures) for g in groups[:TOP]])
    out += ["", t("近13个月趋势", "Trend, 13 months")]
    out += table([t("月份", "Month"), t("退货单", "Returns"), *heads],
                 [[p.month, p.rmas, *figures_row("", p.figures)[1:]] for p in report.trend])
    return "\n".join(out)


@guarded
def run(args: argparse.Namespace) -> int:
    """Print or write the monthly statistics of --month."""
    lang = cli_lang()
    try:
        month_bounds(args.month)
    except ValueError:
        print("月份格式应为 YYYY-MM" if lang == "zh_CN" else "--month must be YYYY-MM")
        return 2
    engine, factory = open_database()
    try:
        with factory() as s:
            report = monthly_report(s, args.month)
    finally:
        engine.dispose()
    written = []
    if args.xlsx:
        from app.reports.xlsx import write_monthly_xlsx

        written.append(write_monthly_xlsx(report, args.xlsx, lang=lang))
    if args.pdf:
        from app.reports.pdf import write_monthly_pdf

        written.append(write_monthly_pdf(report, args.pdf, lang=lang))
    if args.json:
        print(json.dumps(to_json(report), ensure_ascii=False, indent=1))
    elif written:
        for path in written:
            print(f"已写入 {path}" if lang == "zh_CN" else f"written: {path}")
    else:
        print(render_text(report, lang))
    return 0
