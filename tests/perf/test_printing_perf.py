"""Benchmark: a batch of 500 labels, beside bare ReportLab drawing the same text on 500 pages.

Run on demand: python3 tools/dev.py bench   (or pytest -m perf tests/perf/test_printing_perf.py -s)
"""

from __future__ import annotations

import io
import subprocess
import sys
import time
from dataclasses import replace

import pytest
from reportlab.pdfgen.canvas import Canvas

from app.codes import liability_label
from app.printing import slips
from app.printing.fonts import cjk_font
from app.printing.labels import SIZES, render_labels
from tests.unit.printing import samples

pytestmark = pytest.mark.perf
N = 500

LABELS = [replace(samples.LABEL, barcode_text=f"RMA-2026-{i // 5 + 1:06d}-{i % 5 + 1}",
                  rma_no=f"RMA-2026-{i // 5 + 1:06d}", line_no=i % 5 + 1) for i in range(N)]


def _bare(size: str) -> bytes:
    """The same strings per page with drawString in the same embedded font: no barcode, no fitting."""
    spec = SIZES[size]
    out = io.BytesIO()
    c = Canvas(out, pagesize=(spec.width, spec.height), initialFontName=cjk_font())
    for label in LABELS:
        c.setFont(cjk_font(), 7)
        texts = [label.rma_no, f"第{label.line_no}行", label.barcode_text, f"客户 {label.customer}",
                 f"型号规格 {label.model}", f"批号 {label.lot}", f"数量 {label.qty} {label.unit}",
                 f"收货日期 {label.received_on.isoformat()}", f"隔离区 {label.location}",
                 f"责任 {liability_label(label.liability_code)}", f"处置 {label.disposition}"]
        for row, text in enumerate(texts):
            c.drawString(5, spec.height - 10 - row * 9, text)
        c.showPage()
    c.save()
    return out.getvalue()


def _timed(fn, *args, **kwargs) -> tuple[float, object]:
    t0 = time.perf_counter()
    result = fn(*args, **kwargs)
    return time.perf_counter() - t0, result


@pytest.mark.parametrize(("size", "sheet"), [("60x40", "label"), ("100x150", "label"), ("60x40", "a4")])
def test_label_batch_against_bare_reportlab(size: str, sheet: str) -> None:
    cjk_font()
    render_labels(LABELS[:1], io.BytesIO(), size=size, sheet=sheet)  # warm: font parsed once
    seen: list[int] = []
    stream = io.BytesIO()
    ours, pages = _timed(render_labels, LABELS, stream, size=size, dpi=203, sheet=sheet,
                         progress=lambda d, t: seen.append(d), is_cancelled=lambda: False)
    bare, bare_pdf = _timed(_bare, size)
    print(f"\n  {N} labels {size} ({sheet}, {pages} pages): {ours:5.2f} s, {ours / N * 1000:5.1f} ms/label,"
          f" {len(stream.getvalue()) / 1024:6.0f} KiB   |   bare drawString of the same text on {N} pages:"
          f" {bare:5.2f} s, {len(bare_pdf) / 1024:6.0f} KiB   ({ours / bare:4.1f}×)")
    assert seen[-1] == N and pages >= 1


def test_one_return_after_warm_up_and_the_first_pdf_of_a_process() -> None:
    cold = subprocess.run(
        [sys.executable, "-c",
         "import io, time\n"
         "t0 = time.perf_counter()\n"
         "from app.printing.labels import render_labels\n"
         "from tests.unit.printing.samples import LABEL\n"
         "t1 = time.perf_counter()\n"
         "render_labels([LABEL], io.BytesIO())\n"
         "print(f'{t1 - t0:.3f} {time.perf_counter() - t1:.3f}')"],
        capture_output=True, text=True, check=True).stdout.split()
    render_labels(LABELS[:1], io.BytesIO())
    timings = {}
    for name, fn, data in (("labels ×3 (100x50)", render_labels,
                            [replace(samples.LABEL, line_no=i, barcode_text=f"RMA-2026-000123-{i}") for i in (1, 2, 3)]),
                           ("notice", slips.render_notice, samples.NOTICE),
                           ("analysis", slips.render_analysis, samples.ANALYSIS),
                           ("analysis, 40 lines", slips.render_analysis, samples.analysis_many(40)),
                           ("liaison", slips.render_liaison, samples.LIAISON),
                           ("rework order", slips.render_rework_order, samples.REWORK)):
        best = min(_timed(fn, data, io.BytesIO())[0] for _ in range(3))
        timings[name] = best
    one_return = sum(v for k, v in timings.items() if k != "analysis, 40 lines")
    print(f"\n  first PDF of a process: imports {float(cold[0]) * 1000:.0f} ms, "
          f"first label (font registration) {float(cold[1]) * 1000:.0f} ms")
    for name, seconds in timings.items():
        print(f"  {name:20s} {seconds * 1000:6.0f} ms")
    print(f"  one return (3 labels + 4 slips): {one_return * 1000:.0f} ms")
    assert one_return < 1.0
