"""The monthly statistics on A4 for the distribution list (ReportLab, reportlab.graphics charts).

`report monthly --pdf` and the reports tab's "PDF" button write it. It is the controlled
form 顾客退货月统计表: every page carries the form number and revision and "page x of y";
the first page names the distribution list (总经理, 副总经理, 管理者代表, 技术部, 销售部,
生产部) and the sign-offs. The text is Chinese, as the form is; headings carry English too.
The bundled CJK font (WenQuanYi Micro Hei, TTC face 0) is registered once per process by
app.printing.fonts and embedded as a subset.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.charts.axes import YValueAxis
from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    KeepTogether,
    LongTable,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from app.codes import liability_label
from app.money import format_yuan
from app.printing import demo_mark
from app.printing.canvas import CountedPagesCanvas
from app.printing.fonts import cjk_font
from app.reports.monthly import (
    DISTRIBUTION,
    LIABILITY_KEYS,
    TITLE,
    UNDECIDED,
    Figures,
    MonthlyReport,
)

MARGIN = 15 * mm
TOP = 24 * mm
WIDTH = A4[0] - 2 * MARGIN
HEAD_BG = colors.HexColor("#DCE6F1")
GREY = colors.HexColor("#555555")
# one colour per cost kind / series, the same in every chart
PALETTE = [colors.HexColor(c) for c in ("#4F81BD", "#9BBB59", "#8064A2", "#F79646", "#C0504D", "#4BACC6")]
SIGN_OFFS = (("编制(品质部)", "Compiled by QA"), ("审核", "Checked"), ("批准", "Approved"))


def _styles() -> dict[str, ParagraphStyle]:
    f = cjk_font()
    return {
        "title": ParagraphStyle("title", fontName=f, fontSize=17, leading=22, alignment=TA_CENTER),
        "sub": ParagraphStyle("sub", fontName=f, fontSize=9, leading=12, alignment=TA_CENTER, textColor=GREY),
        "body": ParagraphStyle("body", fontName=f, fontSize=9, leading=13),
        "section": ParagraphStyle("section", fontName=f, fontSize=11, leading=15, spaceBefore=5 * mm,
                                  spaceAfter=2 * mm, keepWithNext=1),
        "cell": ParagraphStyle("cell", fontName=f, fontSize=8, leading=10),
        "num": ParagraphStyle("num", fontName=f, fontSize=8, leading=10, alignment=TA_RIGHT),
        "head": ParagraphStyle("head", fontName=f, fontSize=8, leading=10, alignment=TA_CENTER),
        "note": ParagraphStyle("note", fontName=f, fontSize=7.5, leading=10, textColor=GREY),
    }


def _p(text: Any, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape("" if text is None else str(text)), style)


def _cell(value: Any, st: dict[str, ParagraphStyle]) -> Paragraph:
    if isinstance(value, Decimal):
        return _p(format_yuan(value), st["num"])
    if isinstance(value, int):
        return _p(f"{value:,}", st["num"])
    return _p(value, st["cell"])


def _table(header: Sequence[str], rows: Sequence[Sequence[Any]], fractions: Sequence[float],
           st: dict[str, ParagraphStyle], *, total: Sequence[Any] | None = None) -> Table:
    """Header repeated on each page; names wrap; numbers right; a bold total row if given."""
    data = [[_p(h, st["head"]) for h in header]]
    data += [[_cell(v, st) for v in row] for row in rows]
    style = [
        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    if total is not None:
        data.append([_cell(v, st) for v in total])
        style.append(("BACKGROUND", (0, -1), (-1, -1), colors.HexColor("#F2F2F2")))
    t = LongTable(data, colWidths=[WIDTH * f for f in fractions], repeatRows=1)
    t.setStyle(TableStyle(style))
    return t


def _figures(f: Figures) -> list[Any]:
    return [f.lines, f.qty, f.amount, f.refund, f.loss]


FIG_HEAD = ["行数", "数量", "金额", "退款", "外部损失成本"]


def _legend(pairs: list[tuple[Any, str]], x: float, y: float, font: str) -> Legend:
    lg = Legend()
    lg.x, lg.y = x, y
    lg.fontName, lg.fontSize = font, 7
    lg.alignment = "right"
    lg.columnMaximum = len(pairs)  # one column, top to bottom
    lg.deltay, lg.dxTextSpace = 11, 4
    lg.boxAnchor = "nw"
    lg.colorNamePairs = pairs
    lg.dx, lg.dy = 8, 8
    lg.strokeColor = None
    return lg


def _title(d: Drawing, text: str, font: str) -> None:
    d.add(String(d.width / 2, d.height - 12, text, fontName=font, fontSize=10, textAnchor="middle"))


def _money_axis(v: float) -> str:
    return f"{v:,.0f}"


def liability_chart(report: MonthlyReport, height: float = 62 * mm) -> Drawing:
    """External loss cost by liability, stacked by cost kind (¥)."""
    font = cjk_font()
    d = Drawing(WIDTH, height)
    _title(d, "按责任的外部损失成本(¥)  External loss cost by liability", font)
    kinds = [("返工材料", lambda f: f.materials), ("返工人工", lambda f: f.labour), ("其它费用", lambda f: f.other),
             ("报废价值", lambda f: f.scrapped), ("退款", lambda f: f.refund)]
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 50, 28, WIDTH - 150, height - 52
    chart.data = [[float(get(report.by_liability[k])) for k in LIABILITY_KEYS] for _, get in kinds]
    chart.categoryAxis.style = "stacked"
    chart.categoryAxis.categoryNames = [liability_label(None if k == UNDECIDED else int(k)) for k in LIABILITY_KEYS]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labelTextFormat = _money_axis
    chart.valueAxis.visibleGrid = 1
    chart.valueAxis.gridStrokeColor = colors.HexColor("#DDDDDD")
    chart.barWidth = 12
    for i in range(len(kinds)):
        chart.bars[i].fillColor = PALETTE[i]
        chart.bars[i].strokeColor = None
    d.add(chart)
    d.add(_legend([(PALETTE[i], name) for i, (name, _) in enumerate(kinds)], chart.x + chart.width + 12,
                  chart.y + chart.height, font))
    return d


def pareto_chart(report: MonthlyReport, height: float = 70 * mm, top: int = 12) -> Drawing:
    """Lines per cause (bars, left axis) and the cumulative share (line, right axis in %)."""
    font = cjk_font()
    d = Drawing(WIDTH, height)
    _title(d, "退货原因排列图  Pareto of causes", font)
    rows = report.pareto[:top]
    x, y, w, h = 40, 42, WIDTH - 90, height - 66
    bars = VerticalBarChart()
    bars.x, bars.y, bars.width, bars.height = x, y, w, h
    bars.data = [[r.group.figures.lines for r in rows] or [0]]
    bars.categoryAxis.categoryNames = [_short(r.group.name_zh, 9) for r in rows] or [""]
    bars.categoryAxis.labels.fontName = font
    bars.categoryAxis.labels.fontSize = 6.5
    bars.categoryAxis.labels.angle = 30
    bars.categoryAxis.labels.boxAnchor = "ne"
    bars.valueAxis.labels.fontName = font
    bars.valueAxis.labels.fontSize = 7
    bars.valueAxis.valueMin = 0
    bars.valueAxis.labelTextFormat = "%d"
    bars.bars[0].fillColor = PALETTE[0]
    bars.bars[0].strokeColor = None
    d.add(bars)
    d.add(String(x - 30, y + h + 6, "行数", fontName=font, fontSize=7))
    if rows:
        n = len(rows)
        line = LinePlot()
        line.x, line.y, line.width, line.height = x, y, w, h
        # bar i is centred at (i + 0.5) / n of the width: put the cumulative point over it
        line.data = [[(i + 0.5, float(r.cumulative)) for i, r in enumerate(rows)]]
        line.xValueAxis.valueMin, line.xValueAxis.valueMax = 0, n
        line.yValueAxis.valueMin, line.yValueAxis.valueMax = 0, 100
        line.xValueAxis.visible = line.yValueAxis.visible = False
        line.lines[0].strokeColor = PALETTE[4]
        line.lines[0].strokeWidth = 1.5
        line.lines[0].symbol = makeMarker("FilledCircle", size=3, fillColor=PALETTE[4])
        d.add(line)
        right = YValueAxis()
        right.setPosition(x + w, y, h)
        right.configure([(0, 0), (0, 100)])
        right.valueMin, right.valueMax, right.valueStep = 0, 100, 20
        right.tickLeft, right.tickRight = 0, 4
        right.labels.boxAnchor = "w"
        right.labels.dx = 6
        right.labels.fontName = font
        right.labels.fontSize = 7
        right.labelTextFormat = "%d%%"
        d.add(right)
        d.add(String(x + w + 4, y + h + 6, "累计%", fontName=font, fontSize=7, fillColor=PALETTE[4]))
    return d


def trend_chart(report: MonthlyReport, height: float = 62 * mm) -> Drawing:
    """Amount, refunds and external loss cost per month over the trend's months (¥)."""
    font = cjk_font()
    d = Drawing(WIDTH, height)
    _title(d, f"近{len(report.trend)}个月趋势(¥)  Trend", font)
    series = [("退货金额", lambda f: f.amount), ("退款", lambda f: f.refund), ("外部损失成本", lambda f: f.loss)]
    chart = HorizontalLineChart()
    chart.x, chart.y, chart.width, chart.height = 50, 28, WIDTH - 150, height - 52
    chart.data = [[float(get(p.figures)) for p in report.trend] for _, get in series]
    chart.categoryAxis.categoryNames = [p.month[2:] for p in report.trend]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labelTextFormat = _money_axis
    chart.valueAxis.visibleGrid = 1
    chart.valueAxis.gridStrokeColor = colors.HexColor("#DDDDDD")
    colours = (PALETTE[0], PALETTE[4], PALETTE[3])
    for i, colour in enumerate(colours):
        chart.lines[i].strokeColor = colour
        chart.lines[i].strokeWidth = 1.5
        chart.lines[i].symbol = makeMarker("FilledCircle", size=3, fillColor=colour)
    d.add(chart)
    d.add(_legend([(colours[i], name) for i, (name, _) in enumerate(series)], chart.x + chart.width + 12,
                  chart.y + chart.height, font))
    return d


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


class _NumberedCanvas(CountedPagesCanvas):
    """Each page of the report with its running header and 'page x of y'."""

    def __init__(self, *args: Any, report: MonthlyReport, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._report = report

    def decorate_page(self, total: int) -> None:
        r, font = self._report, cjk_font()
        w, h = A4
        self.setFont(font, 8)
        self.setFillColor(GREY)
        self.drawString(MARGIN, h - 12 * mm, r.company)
        self.drawCentredString(w / 2, h - 12 * mm, f"{TITLE[0]} {r.month}")
        self.drawRightString(w - MARGIN, h - 12 * mm, f"编号 Form No.: {r.form_no}   版次 Rev.: {r.form_rev}")
        self.setStrokeColor(colors.grey)
        self.setLineWidth(0.5)
        self.line(MARGIN, h - 14 * mm, w - MARGIN, h - 14 * mm)
        made = r.generated_at.strftime("%Y-%m-%d %H:%M") if r.generated_at else ""
        self.drawString(MARGIN, 9 * mm, f"品质部 · 生成于 {made}")
        self.drawRightString(w - MARGIN, 9 * mm, f"第 {self._pageNumber} 页 / 共 {total} 页")
        if r.demo:
            demo_mark.draw_page_mark(self, w, h, h - 7 * mm)


def write_monthly_pdf(report: MonthlyReport, out: str | Path, lang: str = "zh") -> Path:
    """Write the A4 monthly report (summary, tables by liability, cause, customer and model,
    trend, and three charts) to `out`; returns its path. The form is Chinese; `lang` picks
    the names of causes that have an English name."""
    st = _styles()
    t = report.totals
    zh = lang.startswith("zh")
    story: list[Any] = [
        _p(f"{TITLE[0]}  {report.month}", st["title"]),
        _p(f"{TITLE[1]}, {report.month}", st["sub"]),
        Spacer(1, 3 * mm),
    ]
    dist = Table([[_p("分发 Distribution", st["head"]), *(_p(f"□ {zh_}", st["cell"]) for zh_, _ in DISTRIBUTION)]],
                 colWidths=[WIDTH * 0.16] + [WIDTH * 0.14] * len(DISTRIBUTION))
    dist.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                              ("BACKGROUND", (0, 0), (0, 0), HEAD_BG)]))
    story += [dist, Spacer(1, 3 * mm)]
    cards = [["退货单数", "退货行数", "退货数量", "退货金额", "退款金额", "外部损失成本"],
             [report.rmas, t.lines, t.qty, t.amount, t.refund, t.loss]]
    story.append(_table(cards[0], [cards[1]], [1 / 6] * 6, st))
    story.append(Spacer(1, 2 * mm))
    story.append(_p(
        f"质量外部损失成本 ¥{format_yuan(t.loss)} = 返工材料 ¥{format_yuan(t.materials)} + 返工人工 "
        f"¥{format_yuan(t.labour)} + 其它费用 ¥{format_yuan(t.other)} + 报废价值 ¥{format_yuan(t.scrapped)} "
        f"+ 退款 ¥{format_yuan(t.refund)}", st["body"]))
    e = report.eightd
    story.append(_p(f"8D报告 8D reports: 本月开立 opened {e['opened']}  本月关闭 closed {e['closed']}  "
                    f"月末逾期 overdue at month end {e['overdue']}", st["body"]))
    c = report.claims
    story.append(_p(f"供应商索赔 Supplier claims: 本月发出 sent {c.sent} 索赔金额 claimed ¥{format_yuan(c.claimed)}  "
                    f"本月回款 credited {c.credited} 回收金额 recovered ¥{format_yuan(c.recovered)}", st["body"]))
    if report.not_analysed.lines:
        story.append(_p(f"尚有 {report.not_analysed.lines} 行未分析原因,不计入原因排列图。", st["note"]))

    total = ["合计", *_figures(t)]
    story.append(_p("一、按责任 By liability", st["section"]))
    story.append(_table(["责任", *FIG_HEAD],
                        [[liability_label(None if k == UNDECIDED else int(k)), *_figures(report.by_liability[k])]
                         for k in LIABILITY_KEYS],
                        [.24, .1, .12, .18, .18, .18], st, total=total))
    story.append(Spacer(1, 2 * mm))
    story.append(liability_chart(report))

    story.append(_p("二、退货原因排列图 Pareto of causes", st["section"]))
    story.append(pareto_chart(report))
    story.append(_table(["原因", "行数", "占比%", "累计%", "金额", "外部损失成本"],
                        [[r.group.name(lang), r.group.figures.lines, f"{r.share}%", f"{r.cumulative}%",
                          r.group.figures.amount, r.group.figures.loss] for r in report.pareto],
                        [.38, .1, .1, .1, .16, .16], st))

    story.append(_p(f"三、近{len(report.trend)}个月趋势 Trend", st["section"]))
    story.append(trend_chart(report))
    story.append(_table(["月份", "退货单", *FIG_HEAD],
                        [[p.month, p.rmas, *_figures(p.figures)] for p in report.trend],
                        [.12, .1, .1, .12, .18, .18, .2], st))

    # the top lots are a top list: a total under them would read as the month's total
    for title, head, groups, totalled in (("四、按客户 By customer", "客户", report.by_customer, True),
                                          ("五、按型号 By model", "型号规格", report.by_model, True),
                                          ("六、批次排行 Top lots", "型号 · 批次", report.by_lot, False)):
        story.append(_p(title, st["section"]))
        story.append(_table([head, *FIG_HEAD],
                            [[g.name(lang) if zh else g.name_en, *_figures(g.figures)] for g in groups],
                            [.36, .08, .1, .16, .14, .16], st, total=total if groups and totalled else None))

    signs = Table([[_p(f"{a} {b}:", st["cell"]), _p("日期:", st["cell"])] for a, b in SIGN_OFFS],
                  colWidths=[WIDTH * 0.6, WIDTH * 0.4], rowHeights=9 * mm)
    signs.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.grey),
                               ("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))
    story += [Spacer(1, 6 * mm), KeepTogether([signs])]

    out = Path(out)
    doc = SimpleDocTemplate(str(out), pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=TOP,
                            bottomMargin=16 * mm, title=f"{TITLE[0]} {report.month}", author="RMA Station",
                            subject=TITLE[1])

    def canvas_maker(*args: Any, **kwargs: Any) -> _NumberedCanvas:
        return _NumberedCanvas(*args, report=report, **kwargs)

    doc.build(story, canvasmaker=canvas_maker)
    return out
