"""The mark every printed form and label of a demo database carries: 演示数据 DEMO.

A demo database (app.services.setup) holds invented returns; a form printed from it must
never pass for a real one once it lies on a desk. The mark is drawn over the page, in a
light translucent red, so it never hides what is printed below it, and as real text, so
it is also found in the PDF's text (tests read it back with pdftotext).
"""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from app.printing.fonts import cjk_font

DEMO_MARK = "演示数据 DEMO"
DEMO_LINE = "演示数据 · 不可用于正式工作    DEMO DATA · not for real work"


def draw_watermark(c: Canvas, x: float, y: float, width: float, height: float, size: float,
                   angle: float = 25) -> None:
    """DEMO_MARK across the middle of the box (x, y, width, height), translucent."""
    c.saveState()
    c.setFillColorRGB(0.85, 0.1, 0.1)
    c.setFillAlpha(0.18)
    c.setFont(cjk_font(), size)
    c.translate(x + width / 2, y + height / 2)
    c.rotate(angle)
    c.drawCentredString(0, -size / 3, DEMO_MARK)
    c.restoreState()


def draw_page_mark(c: Canvas, width: float, height: float, top: float) -> None:
    """A page's demo mark: DEMO_LINE at `top` (the header) and the watermark over the page."""
    c.saveState()
    c.setFillColorRGB(0.8, 0.0, 0.0)
    c.setFont(cjk_font(), 9)
    c.drawCentredString(width / 2, top, DEMO_LINE)
    c.restoreState()
    draw_watermark(c, 0, 0, width, height, min(width, height) / 7)
