"""Goods labels, one per return line: Code 128 on the printer's dot grid, text that fits.

The warehouse keeper prints them at the receiving desk and sticks them on the goods;
QA, production and re-inspection scan them. Three sizes (60×40, 100×50 and 100×150 mm)
for 203 or 300 dpi thermal printers, or several per A4 sheet for an office printer.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import inch, mm
from reportlab.pdfgen.canvas import Canvas

from app.codes import liability_label
from app.errors import StationError
from app.printing import barcodes, demo_mark
from app.printing.data import LabelData
from app.printing.fonts import cjk_font, fit_text, text_width, truncate, wrap_text


@dataclass(frozen=True)
class LabelSize:
    """How one label size lays out; lengths in points."""

    width: float
    height: float
    pad: float                 # white edge around the text (the bars' quiet zones may use it)
    title_pt: float            # RMA number
    bar_height: float
    human_pt: float            # the code's text under the bars
    field_pt: float
    large: bool                # 100×150: one field per row, caption above in two languages


SIZES: dict[str, LabelSize] = {
    "60x40": LabelSize(60 * mm, 40 * mm, 1.5 * mm, 9, 11 * mm, 8, 7, False),
    "100x50": LabelSize(100 * mm, 50 * mm, 2 * mm, 11, 14 * mm, 9.5, 8.5, False),
    "100x150": LabelSize(100 * mm, 150 * mm, 4 * mm, 20, 28 * mm, 15, 15, True),
}
DPIS = (203, 300)
SHEETS = ("label", "a4")
SHEET_MARGIN = 5 * mm          # most office printers leave about 4 mm unprinted

# caption key → (中文, English)
CAPTIONS: dict[str, tuple[str, str]] = {
    "customer": ("客户", "Customer"),
    "model": ("型号规格", "Model/Spec"),
    "lot": ("批号", "Lot"),
    "qty": ("数量", "Qty"),
    "received": ("收货日期", "Received"),
    "location": ("隔离区", "Location"),
    "liability": ("责任", "Liability"),
    "disposition": ("处置", "Disposition"),
}


class PrintCancelled(StationError):
    """The user cancelled a label batch; nothing was written to the output."""

    key = "print_cancelled"


def _fields(label: LabelData, lang: str) -> list[tuple[str, str]]:
    rows = [
        ("customer", label.customer),
        ("model", label.model),
        ("lot", label.lot or "—"),
        ("qty", f"{label.qty} {label.unit}".strip()),
        ("received", label.received_on.isoformat()),
        ("location", label.location or "—"),
    ]
    if label.liability_code is not None:
        rows.append(("liability", liability_label(label.liability_code, lang)))
    if label.disposition:
        rows.append(("disposition", label.disposition))
    return rows


def _caption(key: str, lang: str) -> str:
    zh, en = CAPTIONS[key]
    return zh if lang.startswith("zh") else en


def _line_tag(label: LabelData, lang: str) -> str:
    return f"第{label.line_no}行" if lang.startswith("zh") else f"Line {label.line_no}"


def _draw_fit(c: Canvas, text: str, x: float, y: float, size: float, width: float,
              min_size: float, align: str = "left") -> None:
    text, size = fit_text(text, size, width, min_size)
    c.setFont(cjk_font(), size)
    if align == "centre":
        c.drawCentredString(x + width / 2, y, text)
    elif align == "right":
        c.drawRightString(x + width, y, text)
    else:
        c.drawString(x, y, text)


def _draw_head(c: Canvas, label: LabelData, spec: LabelSize, x: float, top: float, dpi: int,
               lang: str) -> float:
    """RMA number, bars, the code as text; returns the y below them."""
    inner = spec.width - 2 * spec.pad
    tag = _line_tag(label, lang)
    tag_size = spec.title_pt * 0.8
    tag_w = text_width(tag, tag_size)
    y = top - spec.title_pt * 0.85
    _draw_fit(c, label.rma_no, x + spec.pad, y, spec.title_pt, inner - tag_w - 2 * mm, spec.title_pt * 0.6)
    c.setFont(cjk_font(), tag_size)
    c.drawRightString(x + spec.width - spec.pad, y, tag)
    bar_top = y - spec.title_pt * 0.3 - 1 * mm
    # the bars take the full label width: the quiet zones may reach the label's edges
    bars = barcodes.layout(label.barcode_text, spec.width, dpi)
    barcodes.draw(c, bars, x, bar_top - spec.bar_height, spec.bar_height)
    y = bar_top - spec.bar_height - spec.human_pt * 0.95
    _draw_fit(c, label.barcode_text, x + spec.pad, y, spec.human_pt, inner, spec.human_pt * 0.6, "centre")
    return y - spec.human_pt * 0.35


# The smallest text a thermal label prints legibly; a longer value wraps to a second line.
MIN_FIELD_PT = 5.5


def _compact_rows(fields: list[tuple[str, str]]) -> list[list[tuple[str, str]]]:
    """Customer and model on their own rows, the short fields two to a row, and the
    disposition ("Repair, then ship again") alone on the last row: it is the longest text."""
    rows: list[list[tuple[str, str]]] = [[fields[0]], [fields[1]]]
    rest = [f for f in fields[2:] if f[0] != "disposition"]
    rows += [rest[i:i + 2] for i in range(0, len(rest), 2)]
    rows += [[f] for f in fields[2:] if f[0] == "disposition"]
    return rows


def _cell_lines(value: str, size: float, width: float) -> list[str]:
    """One line when the value fits (shrunk down to MIN_FIELD_PT), else two wrapped lines."""
    text, _size = fit_text(value, size, width, MIN_FIELD_PT)
    return [value] if text == value else wrap_text(value, size, width, 2)


def _draw_compact_fields(c: Canvas, fields: list[tuple[str, str]], spec: LabelSize, x: float,
                         y_top: float, y_bottom: float, lang: str) -> None:
    """60×40 and 100×50: each value shrinks to fit its cell, then wraps to two lines."""
    rows = _compact_rows(fields)
    inner = spec.width - 2 * spec.pad
    gap = 1.5 * mm

    def layout(size: float) -> list[list[tuple[str, float, list[str]]]]:
        """Per row, per cell: caption, caption width and the value's lines at `size`."""
        out = []
        for row in rows:
            col_w = (inner - gap * (len(row) - 1)) / len(row)
            cells = []
            for key, value in row:
                caption = _caption(key, lang) + " "
                cap_w = text_width(caption, size * 0.85)
                cells.append((caption, cap_w, _cell_lines(value, size, col_w - cap_w)))
            out.append(cells)
        return out

    def depth(cells: list[list[tuple[str, float, list[str]]]]) -> int:
        return sum(max(len(lines) for _c, _w, lines in row) for row in cells)

    size = spec.field_pt
    cells = layout(size)
    # shrink the font until every row (and its second lines) fits between code and bottom edge
    while size > 5 and depth(cells) * size * 1.22 > y_top - y_bottom:
        size -= 0.25
        cells = layout(size)
    n = depth(cells)
    line_h = (y_top - y_bottom) / n if n * size * 1.22 <= y_top - y_bottom else size * 1.22
    line_h = min(line_h, size * 1.45)
    line = 0
    for row, row_cells in zip(rows, cells, strict=True):
        baseline = y_top - line * line_h - size * 0.95
        col_w = (inner - gap * (len(row) - 1)) / len(row)
        for i, (caption, cap_w, lines) in enumerate(row_cells):
            left = x + spec.pad + i * (col_w + gap)
            c.setFont(cjk_font(), size * 0.85)
            c.drawString(left, baseline, caption)
            for k, text in enumerate(lines):
                _draw_fit(c, text, left + cap_w, baseline - k * line_h, size, col_w - cap_w, MIN_FIELD_PT)
        line += max(len(lines) for _c, _w, lines in row_cells)


def _draw_large_fields(c: Canvas, fields: list[tuple[str, str]], spec: LabelSize, x: float,
                       y_top: float, y_bottom: float, lang: str) -> None:
    """100×150: caption column (Chinese with small English) and big values; names wrap."""
    zh = lang.startswith("zh")
    font = cjk_font()
    cap_w = 24 * mm
    value_w = spec.width - 2 * spec.pad - cap_w
    pad = 1.2 * mm
    en_drop = 8.5              # English caption's baseline below the Chinese one

    def layout(size: float) -> tuple[dict[str, list[str]], list[float]]:
        lines_of = {key: wrap_text(value, size, value_w,
                                   2 if key in ("customer", "model", "disposition") else 1)
                    for key, value in fields}
        first = pad + size * 0.88
        heights = []
        for key, _ in fields:
            value_depth = first + (len(lines_of[key]) - 1) * size * 1.2 + size * 0.25
            caption_depth = first + (en_drop + 2 if zh else 2.5)
            heights.append(max(value_depth, caption_depth) + pad)
        return lines_of, heights

    size = spec.field_pt
    lines_of, heights = layout(size)
    # long names take more rows: shrink the values until every row fits the label
    while sum(heights) > y_top - y_bottom and size > 8:
        size -= 0.5
        lines_of, heights = layout(size)
    y = y_top
    c.setLineWidth(0.6)
    for (key, _value), row_h in zip(fields, heights, strict=True):
        c.line(x + spec.pad, y, x + spec.width - spec.pad, y)
        baseline = y - pad - size * 0.88
        zh_cap, en_cap = CAPTIONS[key]
        c.setFont(font, 10)
        c.drawString(x + spec.pad, baseline, truncate(zh_cap if zh else en_cap, 10, cap_w - 1 * mm))
        if zh:
            c.setFont(font, 6.5)
            c.drawString(x + spec.pad, baseline - en_drop, truncate(en_cap, 6.5, cap_w - 1 * mm))
        for i, text in enumerate(lines_of[key]):
            _draw_fit(c, text, x + spec.pad + cap_w, baseline - i * size * 1.2, size, value_w, 6)
        y -= row_h
    c.line(x + spec.pad, y, x + spec.width - spec.pad, y)


def draw_label(c: Canvas, label: LabelData, x: float, y: float, size: str = "60x40", dpi: int = 203,
               lang: str = "zh") -> None:
    """Draw one label with its lower-left corner at (x, y); nothing goes past its edges."""
    spec = SIZES[size]
    top = y + spec.height - spec.pad
    fields = _fields(label, lang)
    if spec.large:
        c.setFont(cjk_font(), 10)
        heading = "客退品 · 隔离待处理    Customer return" if lang.startswith("zh") else "Customer return — quarantined"
        c.drawString(x + spec.pad, top - 10, truncate(heading, 10, spec.width - 2 * spec.pad))
        top -= 10 + 3 * mm
    below = _draw_head(c, label, spec, x, top, dpi, lang)
    if spec.large:
        _draw_large_fields(c, fields, spec, x, below - 2 * mm, y + spec.pad, lang)
    else:
        _draw_compact_fields(c, fields, spec, x, below, y + spec.pad * 0.6, lang)
    if label.demo:  # over the fields only: the bars stay clean for the scanner
        demo_mark.draw_watermark(c, x, y, spec.width, below - y, min(spec.width / 7, (below - y) / 2.5), 0)


def _snap(value: float, dpi: int) -> float:
    dot = inch / dpi
    return math.floor(value / dot + 1e-6) * dot


def sheet_grid(size: str, dpi: int) -> list[tuple[float, float]]:
    """Lower-left corners of the labels on an A4 sheet, row by row, centred, on the dot grid."""
    spec = SIZES[size]
    page_w, page_h = A4
    cols = max(1, int((page_w - 2 * SHEET_MARGIN) // spec.width))
    rows = max(1, int((page_h - 2 * SHEET_MARGIN) // spec.height))
    left = _snap((page_w - cols * spec.width) / 2, dpi)
    top = page_h - _snap((page_h - rows * spec.height) / 2, dpi)
    return [(left + col * spec.width, top - (row + 1) * spec.height)
            for row in range(rows) for col in range(cols)]


def _cut_marks(c: Canvas, x: float, y: float, w: float, h: float) -> None:
    """Corner ticks to cut along, kept off the bars' quiet zones."""
    tick = 2 * mm
    c.saveState()
    c.setStrokeGray(0.55)
    c.setLineWidth(0.3)
    for cx, dx in ((x, 1), (x + w, -1)):
        for cy, dy in ((y, 1), (y + h, -1)):
            c.line(cx, cy, cx + dx * tick, cy)
            c.line(cx, cy, cx, cy + dy * tick)
    c.restoreState()


def render_labels(labels: Sequence[LabelData], out: str | Path | BinaryIO, size: str = "60x40",
                  dpi: int = 203, sheet: str = "label",
                  progress: Callable[[int, int], None] | None = None,
                  is_cancelled: Callable[[], bool] | None = None, lang: str = "zh") -> int:
    """Write the labels of one or more return lines to a PDF; returns the number of pages.

    The receiving desk prints them after registering a return (and any station may
    reprint one). `sheet="label"`: one label per page, the page the label's size, for a
    thermal printer; `sheet="a4"`: as many per A4 page as fit, centred, with corner cut
    marks. `out` is a path or a binary stream. `progress(done, total)` is called after
    each label; `is_cancelled()` is asked before each one, and when it answers True
    PrintCancelled is raised and nothing is written to `out`. No labels: returns 0 and
    writes nothing.
    """
    if size not in SIZES:
        raise ValueError(f"label size must be one of {', '.join(SIZES)}, not {size!r}")
    if dpi not in DPIS:
        raise ValueError(f"dpi must be 203 or 300, not {dpi!r}")
    if sheet not in SHEETS:
        raise ValueError(f"sheet must be 'label' or 'a4', not {sheet!r}")
    spec = SIZES[size]
    cjk_font()
    if sheet == "a4":
        slots = sheet_grid(size, dpi)
        page_size = A4
    else:
        slots = [(0.0, 0.0)]
        page_size = (spec.width, spec.height)
    # ReportLab writes the file only in save(): a cancelled batch leaves no file behind
    c = Canvas(str(out) if isinstance(out, Path) else out, pagesize=page_size, pageCompression=1,
               initialFontName=cjk_font())
    c.setTitle("RMA labels")
    c.setCreator("RMA Station")
    pages = 0
    total = len(labels)
    for i, label in enumerate(labels):
        if is_cancelled is not None and is_cancelled():
            raise PrintCancelled()
        slot = i % len(slots)
        if slot == 0:
            if i:
                c.showPage()
            pages += 1
        x, y = slots[slot]
        if sheet == "a4":
            _cut_marks(c, x, y, spec.width, spec.height)
        draw_label(c, label, x, y, size, dpi, lang)
        if progress is not None:
            progress(i + 1, total)
    if pages:
        c.save()
    return pages
