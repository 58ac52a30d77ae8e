"""The bundled CJK font, registered with ReportLab once per process, and text fitting."""

from __future__ import annotations

import threading

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from app.paths import cjk_font_path

FONT = "WQYMicroHei"
ELLIPSIS = "…"

_lock = threading.Lock()
_registered = False


def cjk_font() -> str:
    """Register WenQuanYi Micro Hei (TTC face 0) once and return its ReportLab name.

    Every label, slip and report calls this before drawing text. Parsing the TTC takes
    a few hundred milliseconds, so it happens once per process; labels may be printed
    from a worker thread, hence the lock. ReportLab embeds a subset of the glyphs used,
    so the PDF shows Chinese on any machine.
    """
    global _registered
    if _registered:
        return FONT
    with _lock:
        if not _registered:
            pdfmetrics.registerFont(TTFont(FONT, str(cjk_font_path()), subfontIndex=0))
            _registered = True
    return FONT


def text_width(text: str, size: float) -> float:
    """Width in points of `text` in the CJK font at `size`."""
    return pdfmetrics.stringWidth(text, cjk_font(), size)


def truncate(text: str, size: float, max_width: float) -> str:
    """Cut `text` with an ellipsis so it fits `max_width` points at `size`."""
    if text_width(text, size) <= max_width:
        return text
    while text and text_width(text + ELLIPSIS, size) > max_width:
        text = text[:-1]
    return text.rstrip() + ELLIPSIS


def fit_text(text: str, size: float, max_width: float, min_size: float = 5.0) -> tuple[str, float]:
    """Shrink `text` down to `min_size` to fit `max_width`; then cut it with an ellipsis.

    Labels use it for names of any length: nothing is drawn past the label's edge.
    """
    width = text_width(text, size)
    if width > max_width:
        # text width is proportional to the size: one step to the size that fits
        size = max(min_size, int(size * max_width / width * 4) / 4)
    return truncate(text, size, max_width), size


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def wrap_text(text: str, size: float, max_width: float, max_lines: int) -> list[str]:
    """Break `text` into at most `max_lines` lines of `max_width` points; the last is cut.

    Chinese breaks between any two characters; Latin words are kept whole where they fit.
    """
    lines: list[str] = []
    rest = text.strip()
    while rest and len(lines) < max_lines:
        if len(lines) == max_lines - 1 or text_width(rest, size) <= max_width:
            lines.append(truncate(rest, size, max_width))
            break
        cut = 1
        while cut < len(rest) and text_width(rest[:cut + 1], size) <= max_width:
            cut += 1
        # prefer a break at a space when the cut would split a Latin word
        space = rest.rfind(" ", 0, cut + 1)
        inside_word = _latin(rest[cut - 1]) and _latin(rest[cut])
        if inside_word and space > 0:
            cut = space
        lines.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    return lines
