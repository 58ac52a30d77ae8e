"""Labels scan when printed: each size rendered at the printer's resolution and read back."""

from __future__ import annotations

import io
from dataclasses import replace
from itertools import groupby
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from reportlab.lib.units import inch

from app.errors import ValidationError
from app.printing import barcodes
from app.printing.labels import DPIS, SIZES, PrintCancelled, render_labels, sheet_grid
from tests.unit.printing.pdftools import (
    fonts_of,
    rasterise,
    rectangles,
    squeeze,
    text_of,
    word_boxes,
)
from tests.unit.printing.samples import LABEL, LONG_LABEL, LONG_MODEL

__all__ = ["rasterise", "text_of"]  # other tests read PDFs back with these


def _decoded(page: Image.Image) -> list[tuple[str, str]]:
    return sorted((r.text, r.format.name) for r in zxingcpp.read_barcodes(page))


def _runs(values: list[bool]) -> list[tuple[bool, int]]:
    runs: list[tuple[bool, int]] = []
    for v in values:
        if runs and runs[-1][0] == v:
            runs[-1] = (v, runs[-1][1] + 1)
        else:
            runs.append((v, 1))
    return runs


def _printed_bars(page: Image.Image, bars: barcodes.BarLayout) -> tuple[list[int], list[tuple[bool, int]]]:
    """The pixel row through the bars: (pixels, dark/light runs from the first bar to the last).

    Finds the row whose runs match the module pattern; fails the test when none does.
    """
    gray = page.convert("L")
    want = [(m == "1", len(list(g)) * bars.dots_per_module)
            for m, g in groupby(bars.modules.strip("0"))]
    for y in range(gray.height):
        row = [gray.getpixel((x, y)) for x in range(gray.width)]
        dark = [p < 128 for p in row]
        if True not in dark:
            continue
        first, last = dark.index(True), len(dark) - 1 - dark[::-1].index(True)
        runs = _runs(dark[first:last + 1])
        if runs == want:
            return row, runs
    raise AssertionError("no pixel row shows the module pattern at whole dots")


@pytest.mark.parametrize("dpi", DPIS)
@pytest.mark.parametrize("size", list(SIZES))
def test_each_size_scans_back_at_printer_resolution(tmp_path: Path, size: str, dpi: int) -> None:
    pdf = tmp_path / f"label-{size}-{dpi}.pdf"
    assert render_labels([LABEL], pdf, size=size, dpi=dpi) == 1
    (page,) = rasterise(pdf, dpi)
    spec = SIZES[size]
    # poppler rounds the page up to whole pixels
    assert abs(page.width - spec.width / inch * dpi) < 1 and abs(page.height - spec.height / inch * dpi) < 1
    assert _decoded(page) == [("RMA-2026-000123-2", "Code128")]
    flat = squeeze(text_of(pdf))
    for shown in ("RMA-2026-000123", "第2行", "华东电气设备有限公司", "DZ47-63C16", "L2601", "20只",
                  "2026-03-05", "隔离区A-01", "3制造", "修复后再出货"):
        assert shown in flat, shown


@pytest.mark.parametrize("dpi", DPIS)
@pytest.mark.parametrize("size", list(SIZES))
def test_printed_bars_are_whole_dots_with_quiet_zones(tmp_path: Path, size: str, dpi: int) -> None:
    """At the printer's resolution every bar and space is the module pattern × n whole dots,
    with no grey (half-covered) pixel at any edge, and 10 modules of white each side."""
    pdf = tmp_path / "l.pdf"
    render_labels([LABEL], pdf, size=size, dpi=dpi)
    (page,) = rasterise(pdf, dpi)
    bars = barcodes.layout(LABEL.barcode_text, SIZES[size].width, dpi)
    assert bars.dots_per_module >= 2
    row, runs = _printed_bars(page, bars)
    first = next(x for x, p in enumerate(row) if p < 128)
    last = len(row) - 1 - next(x for x, p in enumerate(reversed(row)) if p < 128)
    assert all(p < 40 or p > 215 for p in row[first:last + 1])  # edges on the dot grid
    n = bars.dots_per_module
    assert first >= 10 * n and len(row) - 1 - last >= 10 * n
    assert sum(length for _, length in runs) == len(bars.modules.strip("0")) * n


@pytest.mark.parametrize("sheet", ["label", "a4"])
@pytest.mark.parametrize("dpi", DPIS)
def test_bar_edges_lie_on_the_dot_grid_in_the_pdf(tmp_path: Path, dpi: int, sheet: str) -> None:
    """The rectangles in the PDF itself: each bar's left edge and width are whole dots."""
    dot = inch / dpi
    for size in SIZES:
        pdf = tmp_path / f"{size}.pdf"
        render_labels([LABEL, LONG_LABEL], pdf, size=size, dpi=dpi, sheet=sheet)
        rects = [r for page in rectangles(pdf) for r in page]
        expected = sum(len(barcodes.layout(lb.barcode_text, SIZES[size].width, dpi).bars())
                       for lb in (LABEL, LONG_LABEL))
        assert len(rects) == expected
        for x, _y, w, _h in rects:
            assert abs(x / dot - round(x / dot)) < 1e-3 and abs(w / dot - round(w / dot)) < 1e-3
            assert round(w / dot) >= 2


def test_module_is_the_widest_whole_dot_count_that_fits() -> None:
    for size, spec in SIZES.items():
        for dpi in DPIS:
            bars = barcodes.layout(LABEL.barcode_text, spec.width, dpi)
            dots = int(spec.width / (inch / dpi))
            total = len(bars.modules) + 2 * barcodes.QUIET_MODULES
            assert bars.dots_per_module == dots // total, (size, dpi)
            assert bars.code_dots + 2 * bars.quiet_dots <= dots
            assert all(isinstance(v, int) for pair in bars.bar_dots() for v in pair)


def test_long_code_and_long_names_fit_the_smallest_label(tmp_path: Path) -> None:
    """Line 12 of a return: 222 modules. 2-dot modules with full 10-module quiet zones need
    484 dots, the 60 mm label has 479 at 203 dpi: the bars keep 2 dots, the quiet zones
    take the rest (8.5 modules each side, the floor is 8)."""
    pdf = tmp_path / "long.pdf"
    render_labels([LONG_LABEL], pdf, size="60x40", dpi=203)
    (page,) = rasterise(pdf, 203)
    assert _decoded(page) == [("RMA-2026-000123-12", "Code128")]
    bars = barcodes.layout(LONG_LABEL.barcode_text, SIZES["60x40"].width, 203)
    assert bars.dots_per_module == 2 and bars.quiet_modules >= barcodes.QUIET_FLOOR
    assert bars.width <= SIZES["60x40"].width
    row, _ = _printed_bars(page, bars)
    assert next(x for x, p in enumerate(row) if p < 128) >= barcodes.QUIET_FLOOR * 2
    text = text_of(pdf)
    assert "苏州恒远自动化科技有限公司华东区域销售服务分公司" in squeeze(text)  # shrunk, whole
    assert squeeze(LONG_MODEL) in squeeze(text)  # too long for one line even shrunk: on two lines
    render_labels([replace(LONG_LABEL, model=LONG_MODEL * 3)], pdf, size="60x40", dpi=203)
    assert "…" in text_of(pdf)  # longer than two lines: the second is cut with an ellipsis


@pytest.mark.parametrize("size", list(SIZES))
def test_no_text_past_the_label_edge(tmp_path: Path, size: str) -> None:
    pdf = tmp_path / "long.pdf"
    render_labels([LONG_LABEL], pdf, size=size, dpi=203)
    boxes = word_boxes(pdf)
    assert len(boxes) > 10
    for page_w, page_h, x0, y0, x1, y1, word in boxes:
        assert x0 >= 0 and x1 <= page_w + 0.5 and y0 >= 0 and y1 <= page_h + 0.5, word


def test_a_code_too_long_for_the_label_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    label = replace(LABEL, barcode_text="RMA-2026-000123-123", line_no=123)
    with pytest.raises(ValidationError) as err:
        render_labels([label], tmp_path / "x.pdf", size="60x40", dpi=203)
    assert err.value.key == "label_code_too_long"
    assert "60 mm" in err.value.message("en") and "更宽的标签" in err.value.message("zh")
    assert not (tmp_path / "x.pdf").exists()
    assert render_labels([label], tmp_path / "ok.pdf", size="100x50", dpi=203) == 1


def test_a4_sheet_batch_with_progress(tmp_path: Path) -> None:
    labels = [replace(LABEL, barcode_text=f"RMA-2026-000123-{i}", line_no=i) for i in range(1, 24)]
    assert len(sheet_grid("60x40", 300)) == 21  # 3 × 7 on A4
    seen: list[tuple[int, int]] = []
    pages = render_labels(labels, tmp_path / "sheet.pdf", size="60x40", sheet="a4", dpi=300,
                          progress=lambda d, t: seen.append((d, t)))
    assert pages == 2
    assert seen == [(i, 23) for i in range(1, 24)]
    first, second = rasterise(tmp_path / "sheet.pdf", 300)
    assert {t for t, _ in _decoded(first)} == {f"RMA-2026-000123-{i}" for i in range(1, 22)}
    assert {t for t, _ in _decoded(second)} == {"RMA-2026-000123-22", "RMA-2026-000123-23"}


def test_cancel_stops_between_labels_and_writes_nothing(tmp_path: Path) -> None:
    labels = [replace(LABEL, barcode_text=f"RMA-2026-000123-{i}", line_no=i) for i in range(1, 9)]
    seen: list[int] = []
    with pytest.raises(PrintCancelled) as err:
        render_labels(labels, tmp_path / "x.pdf", progress=lambda d, t: seen.append(d),
                      is_cancelled=lambda: len(seen) >= 3)
    assert seen == [1, 2, 3]
    assert not (tmp_path / "x.pdf").exists()
    assert err.value.message("zh") == "已取消打印,未生成文件"
    stream = io.BytesIO()
    with pytest.raises(PrintCancelled):
        render_labels(labels, stream, is_cancelled=lambda: True)
    assert stream.getvalue() == b""


def test_writes_to_a_binary_stream_in_english(tmp_path: Path) -> None:
    stream = io.BytesIO()
    assert render_labels([LABEL, LONG_LABEL], stream, size="100x150", dpi=300, lang="en") == 2
    pdf = tmp_path / "s.pdf"
    pdf.write_bytes(stream.getvalue())
    text = text_of(pdf)
    for caption in ("Customer", "Model/Spec", "Lot", "Qty", "Received", "Location", "Liability", "Line 2"):
        assert caption in text
    assert "3 Manufacturing" in text
    assert [t for t, _ in _decoded(rasterise(pdf, 300)[1])] == ["RMA-2026-000123-12"]


def test_unknown_size_dpi_or_sheet_is_refused(tmp_path: Path) -> None:
    for kwargs in ({"size": "50x30"}, {"dpi": 600}, {"sheet": "letter"}):
        with pytest.raises(ValueError):
            render_labels([LABEL], tmp_path / "x.pdf", **kwargs)


def test_cjk_font_is_embedded_and_no_other(tmp_path: Path) -> None:
    pdf = tmp_path / "l.pdf"
    render_labels([LABEL], pdf)
    fonts = fonts_of(pdf)
    assert fonts and all("WenQuanYiMicroHei" in name and embedded for name, embedded in fonts)


@pytest.mark.parametrize("size", ["60x40", "100x50"])
def test_english_disposition_is_printed_whole_shrunk_or_on_two_lines(tmp_path: Path, size: str) -> None:
    """"Disposition Repair, then shi…" on the English label: the longest field now shrinks
    to fit and wraps to a second line before anything is cut."""
    from app.codes import liability_label

    label = replace(LABEL, customer="East China Electric Equipment Co., Ltd.", location="Isolation A-01",
                    liability_code=3, disposition="Repair, then ship again")
    pdf = tmp_path / "label.pdf"
    render_labels([label], pdf, size=size, dpi=203, lang="en")
    text = text_of(pdf)
    assert "…" not in text.replace(label.customer, "")
    words = " ".join(text.split())
    assert "Repair, then" in words and "ship again" in words
    assert liability_label(3, "en") in words
    page_w, page_h = SIZES[size].width, SIZES[size].height
    for _pw, _ph, x0, y0, x1, y1, word in word_boxes(pdf):
        assert x0 >= 0 and x1 <= page_w and y0 >= 0 and y1 <= page_h, word
