"""The controlled A4 forms: handling notice, analysis and handling form, liaison note and
rework order, drawn with ReportLab platypus from the plain data of app.printing.data.

Chinese comes first (these are the paper forms), with small English under or beside
it. Every page carries the form number (编号), revision (版次), the RMA number with its
Code 128 (so a slip can be scanned like a label) and "第 x 页 / 共 y 页". Long tables
flow over pages with their header row repeated. Empty parts of a form (no materials
booked yet, no signature yet) print as blank boxes to be filled in by hand.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import (
    Flowable,
    Image,
    KeepTogether,
    LongTable,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from app.codes import LIABILITY, liability_label
from app.money import ZERO, format_yuan, measured_qty, rmb_upper
from app.printing import barcodes, demo_mark
from app.printing.canvas import CountedPagesCanvas
from app.printing.data import (
    ANALYSIS_ROLES,
    AnalysisFormData,
    FormHeader,
    LabourRow,
    LiaisonData,
    MaterialRow,
    NoticeData,
    NoticeLine,
    Photo,
    ReworkOrderData,
    Signature,
)
from app.printing.fonts import cjk_font, truncate

# form key → (中文 title, English title)
TITLES: dict[str, tuple[str, str]] = {
    "notice": ("客退品处理通知单", "Customer Return Handling Notice"),
    "analysis": ("退货分析处理单", "Return Analysis and Handling Form"),
    "liaison": ("联络单", "Liaison Note"),
    "rework": ("返工单", "Rework Order"),
}

LEGEND = "责任划分代号: " + " ".join(f"{code} {c.zh}" for code, c in LIABILITY.items())

# 退货分析处理单: the twelve columns of the paper form, with English and width in mm
ANALYSIS_COLUMNS: tuple[tuple[str, str, float], ...] = (
    ("序号", "No.", 10), ("型号规格", "Model/Spec", 34), ("出厂日期", "Mfg date", 19),
    ("数量/单位", "Qty/Unit", 18), ("单价", "Unit price", 17), ("总金额/售价", "Amount", 21),
    ("提出退货原因", "Reason stated", 35), ("最终原因分析", "Final cause", 41),
    ("责任判定", "Liability", 17), ("产品处置等", "Disposition", 23), ("退款比例", "Refund ratio", 15),
    ("退给客户金额", "Refund", 23),
)
ANALYSIS_ROLES_EN: dict[str, str] = {
    "销售代表": "Sales representative", "退货小组": "Return team", "品质测试技术员": "QA test technician",
    "销售主管": "Sales head", "售后服务办": "After-sales office", "计划物控": "Planning & material control",
}

MARGIN = 15 * mm
TOP = 25 * mm                  # room for the running header
BOTTOM = 15 * mm
HEAD_BG = colors.HexColor("#E8EEF5")
GREY = "#555555"
SLIP_DPI = 600                 # office laser printers
SLIP_MODULE_DOTS = 6           # 0.254 mm modules: any scanner reads them


# ---------------------------------------------------------------- styles and cells


@dataclass(frozen=True)
class _Styles:
    body: ParagraphStyle
    cell: ParagraphStyle
    head: ParagraphStyle
    caption: ParagraphStyle
    section: ParagraphStyle
    sign: ParagraphStyle
    small: ParagraphStyle


def _styles() -> _Styles:
    f = cjk_font()
    return _Styles(
        body=ParagraphStyle("body", fontName=f, fontSize=9, leading=12.5),
        cell=ParagraphStyle("cell", fontName=f, fontSize=8, leading=10),
        head=ParagraphStyle("head", fontName=f, fontSize=8, leading=9.5, alignment=TA_CENTER),
        caption=ParagraphStyle("caption", fontName=f, fontSize=8, leading=9.5),
        section=ParagraphStyle("section", fontName=f, fontSize=10.5, leading=13, spaceBefore=2.5 * mm,
                               spaceAfter=1.2 * mm, keepWithNext=1),
        sign=ParagraphStyle("sign", fontName=f, fontSize=8.5, leading=12.5),
        small=ParagraphStyle("small", fontName=f, fontSize=7.5, leading=10,
                             textColor=colors.HexColor(GREY)),
    )


def _text(value: Any) -> str:
    """Markup-safe text; line breaks kept."""
    return escape("" if value is None else str(value)).replace("\n", "<br/>")


def _p(value: Any, style: ParagraphStyle) -> Paragraph:
    return Paragraph(_text(value), style)


def _bi(zh: str, en: str, style: ParagraphStyle, *, inline: bool = False) -> Paragraph:
    """Chinese first, the English smaller under it (or beside it)."""
    sep = " " if inline else "<br/>"
    size = max(5.5, style.fontSize - 2)
    return Paragraph(f"{_text(zh)}{sep}<font size={size} color='{GREY}'>{_text(en)}</font>", style)


def _day(d: date | None) -> str:
    return d.isoformat() if d else ""


def _ratio(r: Decimal | None) -> str:
    return "" if r is None else f"{(r * 100).normalize():f}%"


def _yuan(amount: Decimal | None) -> str:
    return "" if amount is None else format_yuan(amount)


def _liability(code: int | None) -> str:
    return liability_label(code) if code is not None else ""


def _grid(data: list[list[Any]], widths_mm: Sequence[float], *, header_rows: int = 1,
          extra: Sequence[tuple[Any, ...]] = (), long: bool = False,
          min_heights: Sequence[float] | None = None) -> Table:
    """A ruled table whose header rows repeat on every page it spans.

    `min_heights` (points, per row) keeps empty rows tall enough to write in by hand.
    """
    cls = LongTable if long else Table
    t = cls(data, colWidths=[w * mm for w in widths_mm], repeatRows=header_rows,
            minRowHeights=list(min_heights) if min_heights else None)
    t.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("FONTNAME", (0, 0), (-1, -1), cjk_font()),
        ("FONTSIZE", (0, 0), (-1, -1), 8),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        *([("BACKGROUND", (0, 0), (-1, header_rows - 1), HEAD_BG)] if header_rows else []),
        *extra,
    ]))
    return t


def _fields_table(pairs: Sequence[tuple[str, str, Any]], st: _Styles, width_mm: float,
                  *, full_width_last: bool = False) -> Table:
    """Caption/value pairs two to a row; a long last field (notes) may take the whole row."""
    cap_w = 31.0
    val_w = (width_mm - 2 * cap_w) / 2
    cells = [(_bi(zh, en, st.caption, inline=True), v if isinstance(v, Flowable) else _p(v, st.cell))
             for zh, en, v in pairs]
    last = cells.pop() if full_width_last else None
    rows: list[list[Any]] = []
    for i in range(0, len(cells), 2):
        pair = cells[i:i + 2]
        row = [pair[0][0], pair[0][1]]
        row += [pair[1][0], pair[1][1]] if len(pair) == 2 else ["", ""]
        rows.append(row)
    extra: list[tuple[Any, ...]] = [("BACKGROUND", (0, 0), (0, -1), HEAD_BG),
                                    ("BACKGROUND", (2, 0), (2, -1), HEAD_BG)]
    if last is not None:
        rows.append([last[0], last[1], "", ""])
        extra.append(("SPAN", (1, len(rows) - 1), (3, len(rows) - 1)))
        extra.append(("BACKGROUND", (2, len(rows) - 1), (2, len(rows) - 1), colors.white))
    return _grid(rows, [cap_w, val_w, cap_w, val_w], header_rows=0, extra=extra)


def _section(number: str, zh: str, en: str, st: _Styles) -> Paragraph:
    return Paragraph(f"{number}、{_text(zh)} <font size=7.5 color='{GREY}'>{_text(en)}</font>",
                     st.section)


def _boxed(text: str, st: _Styles, width_mm: float, min_height_mm: float) -> Table:
    """A ruled box with text, high enough to write in by hand when it is empty."""
    t = Table([[_p(text, st.body)]], colWidths=[width_mm * mm], minRowHeights=[min_height_mm * mm])
    t.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.5, colors.black),
                           ("FONTNAME", (0, 0), (-1, -1), cjk_font()),
                           ("VALIGN", (0, 0), (-1, -1), "TOP"),
                           ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
    return t


def _signatures(boxes: Sequence[tuple[str, str, Signature]], st: _Styles, width_mm: float) -> Any:
    """One row of signature boxes: role, then name and date filled from the recorded sign-off,
    or left blank for a pen."""
    cells: list[Any] = []
    label = f"<font size=6.5 color='{GREY}'>"
    for zh, en, sig in boxes:
        name = _text(sig.name) if sig.name else ""
        when = _text(_day(sig.on)) if sig.on else ""
        if sig.at is not None:  # an e-signature: to the minute, on this station's clock
            when = _text(sig.at.astimezone().strftime("%Y-%m-%d %H:%M"))
        if sig.void:  # signed, then the record changed: the box is to be signed again
            name, when = f"<font color='{GREY}'>已失效 void</font>", ""
        cells.append(Paragraph(
            f"{_text(zh)}<br/><font size=6 color='{GREY}'>{_text(en)}</font><br/>"
            f"{label}签名</font> {name}<br/>{label}日期</font> {when}", st.sign))
    t = Table([cells], colWidths=[width_mm / len(boxes) * mm] * len(boxes), rowHeights=[19 * mm])
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, -1), cjk_font()),
                           ("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    return KeepTogether([t])


def _materials(rows: Sequence[MaterialRow], st: _Styles, *, body_rows: int = 2,
               widths_mm: Sequence[float] = (9, 27, 56, 16, 14, 26, 32)) -> Table:
    """Rework materials with their subtotal; blank rows up to `body_rows` for the pen."""
    head = [_bi(zh, en, st.head) for zh, en in (
        ("行", "Line"), ("物料编码", "Code"), ("物料名称", "Material"), ("数量", "Qty"), ("单位", "Unit"),
        ("单价", "Unit cost"), ("金额", "Cost"))]
    data: list[list[Any]] = [head]
    for r in rows:
        data.append([r.line_no, _p(r.code, st.cell), _p(r.name, st.cell), measured_qty(r.qty), r.unit,
                     format_yuan(r.unit_cost), format_yuan(r.cost)])
    data += [[""] * 7 for _ in range(body_rows - len(rows))]
    data.append(["", _bi("小计", "Subtotal", st.cell, inline=True), "", "", "", "",
                 format_yuan(sum((r.cost for r in rows), ZERO)) if rows else ""])
    n = len(data)
    return _grid(data, widths_mm, long=True,
                 extra=[("ALIGN", (3, 1), (3, -1), "RIGHT"), ("ALIGN", (5, 1), (6, -1), "RIGHT"),
                        ("ALIGN", (0, 1), (0, -1), "CENTER"), ("SPAN", (1, n - 1), (5, n - 1))])


def _labour(rows: Sequence[LabourRow], st: _Styles, *, body_rows: int = 2,
            widths_mm: Sequence[float] = (9, 83, 24, 32, 32)) -> Table:
    """Rework labour hours with their subtotal; blank rows up to `body_rows` for the pen."""
    head = [_bi(zh, en, st.head) for zh, en in (
        ("行", "Line"), ("人员", "Worker"), ("工时", "Hours"), ("费率", "Rate/h"), ("金额", "Cost"))]
    data: list[list[Any]] = [head]
    for r in rows:
        data.append([r.line_no, _p(r.worker, st.cell), f"{r.hours:f}", format_yuan(r.rate),
                     format_yuan(r.cost)])
    data += [[""] * 5 for _ in range(body_rows - len(rows))]
    data.append(["", _bi("小计", "Subtotal", st.cell, inline=True),
                 f"{sum((r.hours for r in rows), Decimal(0)):f}" if rows else "", "",
                 format_yuan(sum((r.cost for r in rows), ZERO)) if rows else ""])
    return _grid(data, widths_mm, long=True,
                 extra=[("ALIGN", (2, 1), (-1, -1), "RIGHT"), ("ALIGN", (0, 1), (0, -1), "CENTER")])


SIDE_BY_SIDE_ROWS = 5


def _costs(materials: Sequence[MaterialRow], labour: Sequence[LabourRow], st: _Styles,
           blank_rows: int) -> list[Any]:
    """Materials and labour side by side when both are short (the notice stays on one page),
    one under the other when they are long (a table taller than a page cannot sit in a cell)."""
    if len(materials) <= SIDE_BY_SIDE_ROWS and len(labour) <= SIDE_BY_SIDE_ROWS:
        n = max(len(materials), len(labour), blank_rows)
        pair = Table([[_materials(materials, st, body_rows=n, widths_mm=(8, 19, 28, 13, 10, 15, 19)),
                       _labour(labour, st, body_rows=n, widths_mm=(8, 19, 12, 12, 15))]],
                     colWidths=[114 * mm, 66 * mm])
        pair.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("FONTNAME", (0, 0), (-1, -1), cjk_font()),
                                  ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                  ("TOPPADDING", (0, 0), (-1, -1), 0),
                                  ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                                  ("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (0, 0), (0, 0), "LEFT"),
                                  ("ALIGN", (1, 0), (1, 0), "RIGHT")]))
        return [pair]
    return [_materials(materials, st, body_rows=blank_rows), Spacer(1, 2 * mm),
            _labour(labour, st, body_rows=blank_rows)]


# ---------------------------------------------------------------- pages: header and page x / y


@dataclass(frozen=True)
class _Frame:
    form: FormHeader
    title: tuple[str, str]


def _page_canvas(frame: _Frame) -> type[CountedPagesCanvas]:
    """A canvas that holds the pages back until it knows how many there are, then draws the
    running header (编号, 版次, RMA number and its code) and 第 x 页 / 共 y 页 on each."""

    class SlipCanvas(CountedPagesCanvas):
        def decorate_page(self, total: int) -> None:
            font = cjk_font()
            w, h = self._pagesize
            form = frame.form
            self.saveState()
            self.setFillColorRGB(0, 0, 0)
            if form.company:
                self.setFont(font, 9)
                self.drawString(MARGIN, h - 11 * mm, truncate(form.company, 9, 60 * mm))
            self.setFont(font, 8)
            self.drawString(MARGIN, h - 16 * mm,
                            f"编号 Form No.: {form.form_no}    版次 Rev.: {form.revision}")
            zh, en = frame.title
            if self._pageNumber == 1:
                self.setFont(font, 16)
                self.drawCentredString(w / 2, h - 13 * mm, zh)
                self.setFont(font, 8)
                self.drawCentredString(w / 2, h - 17.5 * mm, en)
            else:
                self.setFont(font, 11)
                self.drawCentredString(w / 2, h - 12.5 * mm, f"{zh}(续)")
                self.setFont(font, 7.5)
                self.drawCentredString(w / 2, h - 17 * mm, f"{en} (continued)")
            bars = barcodes.fixed_layout(form.rma_no, SLIP_MODULE_DOTS, SLIP_DPI)
            barcodes.draw(self, bars, w - MARGIN - bars.width + bars.quiet_dots * bars.dot,
                          h - 15.5 * mm, 7 * mm)
            self.setFont(font, 8)
            self.drawRightString(w - MARGIN, h - 19 * mm, f"No. {form.rma_no}")
            self.setLineWidth(0.6)
            self.line(MARGIN, h - 21 * mm, w - MARGIN, h - 21 * mm)
            self.drawCentredString(w / 2, 9 * mm,
                                   f"第 {self._pageNumber} 页 / 共 {total} 页    Page {self._pageNumber} of {total}")
            self.setFont(font, 7)
            self.drawString(MARGIN, 9 * mm, f"{frame.title[0]} {form.rma_no}")
            self.drawRightString(w - MARGIN, 9 * mm, "RMA Station")
            self.restoreState()
            if form.demo:
                demo_mark.draw_page_mark(self, w, h, h - 6.5 * mm)

    return SlipCanvas


def _build(out: str | Path | BinaryIO, form: FormHeader, key: str, story: list[Any], *,
           landscape_page: bool = False) -> None:
    size = landscape(A4) if landscape_page else A4
    zh, en = TITLES[key]
    doc = SimpleDocTemplate(str(out) if isinstance(out, Path) else out, pagesize=size,
                            leftMargin=MARGIN, rightMargin=MARGIN, topMargin=TOP, bottomMargin=BOTTOM,
                            title=f"{zh} {form.rma_no}", author=form.company, creator="RMA Station",
                            subject=en, initialFontName=cjk_font())  # no unembedded Helvetica
    doc.build(story, canvasmaker=_page_canvas(_Frame(form, (zh, en))))


def _content_width(landscape_page: bool = False) -> float:
    """Printable width between the margins, in mm."""
    page_w = (landscape(A4) if landscape_page else A4)[0]
    return (page_w - 2 * MARGIN) / mm


# ---------------------------------------------------------------- 客退品处理通知单


def _goods_table(lines: Sequence[NoticeLine], st: _Styles) -> Table:
    head = [_bi(zh, en, st.head) for zh, en in (
        ("行", "Line"), ("型号规格", "Model/Spec"), ("批号", "Lot"), ("出厂日期", "Mfg date"),
        ("通知数", "Announced"), ("清点数", "Counted"), ("单位", "Unit"), ("状态", "Condition"),
        ("退货原因", "Reason stated"), ("质保", "Warranty"))]
    data: list[list[Any]] = [head]
    for ln in lines:
        data.append([ln.line_no, _p(ln.model, st.cell), _p(ln.lot, st.cell), _day(ln.manufacture_date),
                     "" if ln.qty_announced is None else ln.qty_announced, ln.qty_counted, ln.unit,
                     _p(ln.condition, st.cell),
                     _p(ln.reason, st.cell), _p(ln.warranty, st.cell)])
    # claims: the warranty column takes its room from the model, lot and reason
    return _grid(data, [9, 31, 18, 19, 15, 15, 11, 16, 24, 22], long=True,
                 extra=[("ALIGN", (4, 1), (5, -1), "RIGHT"), ("ALIGN", (0, 1), (0, -1), "CENTER")])


def _decision_table(lines: Sequence[NoticeLine], st: _Styles) -> Table:
    head = [_bi(zh, en, st.head) for zh, en in (
        ("行", "Line"), ("检验结果", "Findings"), ("初步意见", "Preliminary opinion"),
        ("最终原因分析", "Final cause"), ("责任", "Liability"), ("处置", "Disposition"),
        ("退款比例", "Refund ratio"))]
    data: list[list[Any]] = [head]
    for ln in lines:
        data.append([ln.line_no, _p(ln.findings, st.cell), _p(ln.preliminary_opinion, st.cell),
                     _p(ln.final_cause, st.cell), _p(_liability(ln.liability_code), st.cell),
                     _p(ln.disposition, st.cell), _ratio(ln.refund_ratio)])
    return _grid(data, [9, 38, 30, 42, 17, 28, 16], long=True, min_heights=[0] + [8 * mm] * len(lines),
                 extra=[("ALIGN", (6, 1), (6, -1), "RIGHT"), ("ALIGN", (0, 1), (0, -1), "CENTER")])


def _reinspection_table(lines: Sequence[NoticeLine], st: _Styles) -> Table:
    head = [_bi(zh, en, st.head) for zh, en in (
        ("行", "Line"), ("型号规格", "Model/Spec"), ("返工数", "Reworked"), ("合格数", "Qualified"),
        ("不合格数", "Unqualified"), ("报废数", "Scrapped"))]
    data: list[list[Any]] = [head]

    def n(v: int | None) -> str:
        return "" if v is None else str(v)

    for ln in lines:
        data.append([ln.line_no, _p(ln.model, st.cell), n(ln.rework_qty), n(ln.qty_qualified),
                     n(ln.qty_unqualified), n(ln.qty_scrapped)])
    return _grid(data, [9, 71, 25, 25, 25, 25], long=True,
                 extra=[("ALIGN", (2, 1), (-1, -1), "RIGHT"), ("ALIGN", (0, 1), (0, -1), "CENTER")])


def _confirmation_table(data: NoticeData, st: _Styles, width_mm: float) -> Table:
    cap_w, small_w = 31.0, 22.0
    val_w = width_mm - 2 * cap_w - small_w
    rows = [
        [_bi("处理要求", "Requirements", st.caption, inline=True), _p(data.sales_requirements, st.cell), "", ""],
        [_bi("销售确认", "Confirmed by", st.caption, inline=True), _p(data.sales_confirmed.name, st.cell),
         _bi("日期", "Date", st.caption, inline=True), _day(data.sales_confirmed.on)],
        [_bi("审批意见", "Approval note", st.caption, inline=True), _p(data.approval_note, st.cell), "", ""],
        [_bi("总经理批准", "Approved by", st.caption, inline=True), _p(data.approved.name, st.cell),
         _bi("日期", "Date", st.caption, inline=True), _day(data.approved.on)],
    ]
    # the free-text rows stay tall enough to write in by hand
    return _grid(rows, [cap_w, val_w, cap_w, small_w], header_rows=0,
                 min_heights=[8 * mm, 0, 7 * mm, 0], extra=[
                     ("SPAN", (1, 0), (3, 0)), ("SPAN", (1, 2), (3, 2)),
                     ("BACKGROUND", (0, 0), (0, -1), HEAD_BG), ("BACKGROUND", (2, 1), (2, 1), HEAD_BG),
                     ("BACKGROUND", (2, 3), (2, 3), HEAD_BG)])


def render_notice(data: NoticeData, out: str | Path | BinaryIO) -> None:
    """客退品处理通知单 as PDF to a path or binary stream.

    Printed at the receiving desk when a return is registered and again at any later
    step: it shows what has been recorded so far (sales confirmation, approval, cause
    and disposition, materials, labour, re-inspection counts, sign-offs) and leaves the
    rest blank for the pen.
    """
    st = _styles()
    width = _content_width()
    story: list[Any] = []
    story.append(_fields_table([
        ("退货单号", "RMA No.", data.form.rma_no), ("客户", "Customer", data.customer),
        ("来货方式", "Arrival", data.arrival), ("紧急程度", "Urgency", data.urgency),
        ("订单号", "Order No.", data.order_no), ("送货单号", "Delivery No.", data.delivery_no),
        ("发票号", "Invoice No.", data.invoice_no), ("隔离位置", "Location", data.location),
        ("收货日期", "Received on", _day(data.received_on)), ("收货人", "Received by", data.received_by),
        ("备注", "Notes", data.notes),
    ], st, width, full_width_last=True))
    story += [_section("一", "来货明细", "Goods received", st), _goods_table(data.lines, st)]

    story.append(_section("二", "销售确认与审批", "Sales confirmation and approval", st))
    story.append(_confirmation_table(data, st, width))

    story += [_section("三", "检验分析与判定", "Inspection, cause and decision", st),
              _decision_table(data.lines, st), Spacer(1, 1 * mm), Paragraph(_text(LEGEND), st.small)]

    story += [_section("四", "返工材料与工时", "Rework materials and labour", st),
              *_costs(data.materials, data.labour, st, blank_rows=2), Spacer(1, 2 * mm)]
    material_total = sum((r.cost for r in data.materials), ZERO)
    labour_total = sum((r.cost for r in data.labour), ZERO)
    # nothing booked yet: leave the sums blank for the pen rather than print 0.00
    cost_row = [_bi("材料费", "Materials", st.caption), format_yuan(material_total) if data.materials else "",
                _bi("人工费", "Labour", st.caption), format_yuan(labour_total) if data.labour else "",
                _bi("其它费用", "Other costs", st.caption), format_yuan(data.other_cost) if data.other_cost else "",
                _bi("质量外部损失成本", "External loss cost", st.caption), _yuan(data.loss_cost)]
    story.append(KeepTogether([_grid([cost_row], [20, 22, 20, 22, 20, 22, 30, 24], header_rows=0,
                                     extra=[("BACKGROUND", (0, 0), (0, 0), HEAD_BG),
                                            ("BACKGROUND", (2, 0), (2, 0), HEAD_BG),
                                            ("BACKGROUND", (4, 0), (4, 0), HEAD_BG),
                                            ("BACKGROUND", (6, 0), (6, 0), HEAD_BG),
                                            ("ALIGN", (1, 0), (-1, 0), "RIGHT")])]))

    story += [_section("五", "复检", "Re-inspection after rework", st), _reinspection_table(data.lines, st)]
    story.append(_section("六", "签核", "Sign-offs", st))
    story.append(_signatures([
        ("仓管员", "Warehouse", Signature(data.received_by, data.received_on)),
        ("销售确认", "Sales", data.sales_confirmed),
        ("总经理批准", "Manager", data.approved),
        ("品质检验", "QA inspection", data.inspected),
        ("技术部判定", "Engineering", data.decided),
        ("生产计划", "Production planning", data.rework_planned),
        ("复检", "Re-inspection", data.reinspected),
    ], st, width))
    _build(out, data.form, "notice", story)


# ---------------------------------------------------------------- 退货分析处理单


def refund_sentence(total: Decimal) -> str:
    """The closing line of the analysis form: the total refund in figures and in capitals."""
    return f"根据退货产品责任划分原则,本次共退款给客户金额:小写¥{format_yuan(total)},大写{rmb_upper(total)}"


def render_analysis(data: AnalysisFormData, out: str | Path | BinaryIO) -> None:
    """退货分析处理单 as PDF (landscape A4) to a path or binary stream.

    Printed once the lines are decided, for the six signatures: one row per line with
    the twelve columns of the paper form, the liability legend, the total refund in
    figures and capital numerals (大写). Many lines flow over pages; the header row repeats.
    """
    st = _styles()
    width = _content_width(landscape_page=True)
    story: list[Any] = []
    info = Table([[_bi("客户", "Customer", st.body, inline=True), _p(data.customer, st.body),
                   _bi("日期", "Date", st.body, inline=True), _day(data.on),
                   "No.", data.number or data.form.rma_no]],
                 colWidths=[x * mm for x in (24, 110, 20, 30, 12, width - 196)])
    info.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), cjk_font()), ("FONTSIZE", (0, 0), (-1, -1), 9),
                              ("LINEBELOW", (1, 0), (1, 0), 0.5, colors.black),
                              ("LINEBELOW", (3, 0), (3, 0), 0.5, colors.black),
                              ("LINEBELOW", (5, 0), (5, 0), 0.5, colors.black),
                              ("LEFTPADDING", (0, 0), (-1, -1), 2), ("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))
    story += [info, Spacer(1, 3 * mm)]

    rows: list[list[Any]] = [[_bi(zh, en, st.head) for zh, en, _w in ANALYSIS_COLUMNS]]
    for r in data.rows:
        rows.append([r.line_no, _p(r.model, st.cell), _day(r.manufacture_date), f"{r.qty} {r.unit}",
                     format_yuan(r.unit_price), format_yuan(r.amount), _p(r.reason, st.cell),
                     _p(r.final_cause, st.cell), _p(_liability(r.liability_code), st.cell),
                     _p(r.disposition, st.cell), _ratio(r.refund_ratio), format_yuan(r.refund)])
    total_refund = data.total_refund if data.total_refund is not None else ZERO
    rows.append(["", _bi("合计", "Total", st.cell, inline=True), "", "", "",
                 format_yuan(sum((r.amount for r in data.rows), ZERO)), "", "", "", "", "",
                 format_yuan(total_refund)])
    n = len(rows)
    paper = sum(w for _zh, _en, w in ANALYSIS_COLUMNS)
    table = _grid(rows, [w * width / paper for _zh, _en, w in ANALYSIS_COLUMNS], long=True, extra=[
        ("ALIGN", (0, 1), (0, -1), "CENTER"), ("ALIGN", (3, 1), (5, -1), "RIGHT"),
        ("ALIGN", (10, 1), (11, -1), "RIGHT"), ("SPAN", (1, n - 1), (4, n - 1)),
        ("BACKGROUND", (0, n - 1), (-1, n - 1), colors.HexColor("#F4F4F4"))])
    story += [table, Spacer(1, 2 * mm), Paragraph(_text(LEGEND), st.body), Spacer(1, 1.5 * mm),
              Paragraph(_text(refund_sentence(total_refund)), st.body), Spacer(1, 4 * mm)]
    story.append(_signatures([(role, ANALYSIS_ROLES_EN[role], data.signoffs.get(role, Signature()))
                              for role in ANALYSIS_ROLES], st, width))
    if data.photos:
        story += _photo_appendix(data.photos, st, width)
    _build(out, data.form, "analysis", story, landscape_page=True)


PHOTO_HEIGHT_MM = 68  # two rows of two photos fit a landscape page under the form's header


def _photo_appendix(photos: Sequence[Photo], st: _Styles, width_mm: float) -> list[Any]:
    """附页 — the return's photos after the form, two by two, each with its caption."""
    width = width_mm * mm
    cell_w = width / 2 - 4 * mm
    cells = []
    for photo in photos:
        reader = ImageReader(io.BytesIO(photo.image))
        iw, ih = reader.getSize()
        scale = min(cell_w / iw, PHOTO_HEIGHT_MM * mm / ih)
        cells.append([Image(io.BytesIO(photo.image), width=iw * scale, height=ih * scale),
                      _p(photo.caption, st.cell)])
    rows = [cells[i:i + 2] + ([] if i + 1 < len(cells) else [""]) for i in range(0, len(cells), 2)]
    grid = Table(rows, colWidths=[width / 2] * 2)
    grid.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                              ("BOTTOMPADDING", (0, 0), (-1, -1), 4 * mm)]))
    return [PageBreak(), _bi("附页:照片", "Appendix: photos", st.body), Spacer(1, 3 * mm), grid]


# ---------------------------------------------------------------- 联络单


def render_liaison(data: LiaisonData, out: str | Path | BinaryIO) -> None:
    """联络单 to sales as PDF to a path or binary stream.

    QA raises it when the cause is misuse by the customer or the goods are not ours, or
    when the customer needs replacement goods; sales signs for it and writes its reply.
    """
    st = _styles()
    width = _content_width()
    story: list[Any] = []
    story.append(_fields_table([
        ("致", "To", data.to), ("发自", "From", data.sender),
        ("退货单号", "RMA No.", data.form.rma_no), ("客户", "Customer", data.customer),
        ("发出人", "Raised by", data.raised_by), ("日期", "Date", _day(data.raised_on)),
    ], st, width))
    boxes = ("&nbsp;" * 8).join(f"{'■' if r.chosen else '□'}&nbsp;{_text(r.text)}" for r in data.reasons)
    story += [_section("一", "事由", "Reason", st), Paragraph(boxes or "—", st.body),
              _section("二", "内容", "Details", st), _boxed(data.text, st, width, 35),
              _section("三", "涉及明细", "Lines concerned", st)]
    head = [_bi(zh, en, st.head) for zh, en in (
        ("行", "Line"), ("型号规格", "Model/Spec"), ("批号", "Lot"), ("数量", "Qty"),
        ("退货原因", "Reason stated"), ("检验结果", "Findings"), ("最终原因", "Final cause"))]
    rows: list[list[Any]] = [head]
    for ln in data.lines:
        rows.append([ln.line_no, _p(ln.model, st.cell), _p(ln.lot, st.cell), f"{ln.qty_counted} {ln.unit}",
                     _p(ln.reason, st.cell), _p(ln.findings, st.cell), _p(ln.final_cause, st.cell)])
    story.append(_grid(rows, [9, 36, 20, 17, 32, 33, 33], long=True,
                       extra=[("ALIGN", (3, 1), (3, -1), "RIGHT"), ("ALIGN", (0, 1), (0, -1), "CENTER")]))
    story += [_section("四", "营销部处理意见", "Reply from sales", st), _boxed(data.reply, st, width, 30),
              _section("五", "签核", "Sign-offs", st),
              _signatures([("发出人", "Raised by", Signature(data.raised_by, data.raised_on)),
                           ("营销部签收", "Received by sales", data.acknowledged),
                           ("营销部主管", "Sales head", Signature())], st, width)]
    _build(out, data.form, "liaison", story)


# ---------------------------------------------------------------- 返工单


def render_rework_order(data: ReworkOrderData, out: str | Path | BinaryIO) -> None:
    """返工单 for production as PDF to a path or binary stream.

    The planner prints it when rework or re-sorting is planned: what to rework, how many,
    by when, with the instructions; workers write materials and hours on it (blank rows
    when none are booked yet) before it goes to re-inspection.
    """
    st = _styles()
    width = _content_width()
    story: list[Any] = []
    story.append(_fields_table([
        ("退货单号", "RMA No.", data.form.rma_no), ("客户", "Customer", data.customer),
        ("计划员", "Planner", data.planned.name), ("下达日期", "Issued on", _day(data.planned.on)),
    ], st, width))
    head = [_bi(zh, en, st.head) for zh, en in (
        ("行", "Line"), ("型号规格", "Model/Spec"), ("批号", "Lot"), ("返工数量", "Qty"),
        ("处置", "Disposition"), ("最终原因", "Final cause"), ("计划日期", "Planned"), ("完成期限", "Due"))]
    rows: list[list[Any]] = [head]
    for ln in data.lines:
        rows.append([ln.line_no, _p(ln.model, st.cell), _p(ln.lot, st.cell), f"{ln.qty} {ln.unit}",
                     _p(ln.disposition, st.cell), _p(ln.final_cause, st.cell), _day(ln.planned_on),
                     _day(ln.due_on)])
    story += [_section("一", "返工明细", "Lines to rework", st),
              _grid(rows, [9, 36, 20, 17, 26, 34, 19, 19], long=True,
                    extra=[("ALIGN", (3, 1), (3, -1), "RIGHT"), ("ALIGN", (0, 1), (0, -1), "CENTER")]),
              Spacer(1, 1 * mm),
              Paragraph("返工应在计划后2天内完成,完成后交品质部复检。"
                        f"<font size=6.5 color='{GREY}'> Rework is due within 2 days of the plan, "
                        "then goes to QA for re-inspection.</font>", st.small),
              _section("二", "返工要求", "Instructions", st), _boxed(data.instructions, st, width, 25),
              _section("三", "返工材料", "Materials consumed", st), _materials(data.materials, st, body_rows=3),
              _section("四", "返工工时", "Labour hours", st), _labour(data.labour, st, body_rows=3),
              _section("五", "签核", "Sign-offs", st),
              _signatures([("计划员", "Planner", data.planned),
                           ("返工负责人", "Rework lead", Signature()),
                           ("复检", "Re-inspection", data.reinspected)], st, width)]
    _build(out, data.form, "rework", story)
