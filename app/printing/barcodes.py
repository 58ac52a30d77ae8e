"""Code 128 bars laid on the printer's dot grid.

A thermal printer prints whole dots (203 or 300 per inch). Bars whose widths are not a
whole number of dots are rounded unevenly by the printer and the code stops scanning,
so the module (the narrowest bar) is a whole number of dots and every bar edge lies on
the grid. python-barcode chooses the code sets (A/B/C) and gives the module pattern;
the bars are drawn as ReportLab rectangles, never as a raster image.

Quiet zones are 10 modules each side (ISO/IEC 15417). A module narrower than two dots
(0.25 mm at 203 dpi) does not print cleanly and scanners read it badly, so two dots is
the floor. When a code needs more room than the label has for two-dot modules and full
quiet zones, the bars keep their two dots and the quiet zones shrink to what is left,
down to QUIET_FLOOR modules; below that the label is too small for the code.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import barcode
from reportlab.lib.units import inch
from reportlab.pdfgen.canvas import Canvas

from app.errors import ValidationError

QUIET_MODULES = 10
QUIET_FLOOR = 8
MIN_DOTS = 2


def code128_modules(text: str) -> str:
    """The '1'/'0' module pattern of `text` in Code 128, start and stop included."""
    return barcode.get_barcode_class("code128")(text).build()[0]


@dataclass(frozen=True)
class BarLayout:
    """Where the bars go, in printer dots: the module width and each quiet zone."""

    modules: str
    dots_per_module: int
    dpi: int
    quiet_dots: int            # left quiet zone; the right one is at least as wide

    @property
    def dot(self) -> float:
        """One printer dot in PDF points."""
        return inch / self.dpi

    @property
    def module(self) -> float:
        return self.dots_per_module * self.dot

    @property
    def code_dots(self) -> int:
        """Width of the bars alone, start to stop character, in dots."""
        return len(self.modules) * self.dots_per_module

    @property
    def code_width(self) -> float:
        return self.code_dots * self.dot

    @property
    def width(self) -> float:
        """Width including both quiet zones, in points."""
        return (self.code_dots + 2 * self.quiet_dots) * self.dot

    @property
    def quiet_modules(self) -> float:
        return self.quiet_dots / self.dots_per_module

    def bars(self) -> list[tuple[int, int]]:
        """(first module, number of modules) of each dark bar."""
        out: list[tuple[int, int]] = []
        start = None
        for i, m in enumerate(self.modules + "0"):
            if m == "1" and start is None:
                start = i
            elif m == "0" and start is not None:
                out.append((start, i - start))
                start = None
        return out

    def bar_dots(self) -> list[tuple[int, int]]:
        """(left edge, width) of each dark bar in whole dots from the left edge of the zone."""
        n = self.dots_per_module
        return [(self.quiet_dots + first * n, count * n) for first, count in self.bars()]


def layout(text: str, max_width: float, dpi: int, *, max_dots: int | None = None) -> BarLayout:
    """The widest whole-dot module that fits `max_width` points with its quiet zones.

    The bars are centred in `max_width`: the quiet zones take what the bars leave.
    `max_dots` caps the module (a slip's small code need not fill the page). Raises
    ValidationError when even two-dot modules with QUIET_FLOOR quiet zones do not fit.
    """
    modules = code128_modules(text)
    available = int(max_width / (inch / dpi) + 1e-6)
    n = available // (len(modules) + 2 * QUIET_MODULES)
    if max_dots is not None:
        n = min(n, max_dots)
    n = max(n, MIN_DOTS)
    # centred: what the bars leave goes to the quiet zones, the left one on whole dots
    quiet = (available - len(modules) * n) // 2
    if quiet < QUIET_FLOOR * n:
        raise ValidationError("label_code_too_long", code=text, width=f"{max_width / inch * 25.4:.0f}",
                              dpi=dpi)
    return BarLayout(modules, n, dpi, quiet)


def fixed_layout(text: str, dots_per_module: int, dpi: int) -> BarLayout:
    """A code with a given module width and exact 10-module quiet zones (the slips' code)."""
    return BarLayout(code128_modules(text), dots_per_module, dpi, QUIET_MODULES * dots_per_module)


def draw(c: Canvas, bars: BarLayout, x: float, y: float, height: float) -> None:
    """Draw with the left quiet zone starting at `x` (snapped to the dot grid up)."""
    dot = bars.dot
    # snap to the page's dot grid: page and printer origins coincide on a label printer
    x0 = math.ceil(x / dot - 1e-6) * dot
    y0 = round(y / dot) * dot
    h = max(1, round(height / dot)) * dot
    c.saveState()
    c.setFillColorRGB(0, 0, 0)
    for left, width in bars.bar_dots():
        c.rect(x0 + left * dot, y0, width * dot, h, stroke=0, fill=1)
    c.restoreState()
