"""Render every label size and every slip to PNG for a person to look at (not a test).

    /tmp/venv/bin/python -m tests.unit.printing.previews [OUT_DIR]   (default /tmp/print_previews)
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from app.printing import slips
from app.printing.data import LiaisonData, NoticeData, ReworkOrderData, Signature
from app.printing.labels import DPIS, SIZES, render_labels
from tests.unit.printing import samples


def _png(pdf: Path, dpi: int) -> None:
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(pdf.with_suffix(""))], check=True)


def render_all(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.p*"):
        old.unlink()
    for size in SIZES:
        for dpi in DPIS:
            for name, label in (("std", samples.LABEL), ("long", samples.LONG_LABEL),
                                ("fresh", samples.FRESH_LABEL)):
                pdf = out / f"label-{size}-{dpi}-{name}.pdf"
                render_labels([label], pdf, size=size, dpi=dpi)
                _png(pdf, dpi)
    sheet = out / "label-a4-60x40.pdf"
    render_labels([replace(samples.LABEL, barcode_text=f"{samples.RMA}-{i}", line_no=i) for i in range(1, 24)],
                  sheet, size="60x40", dpi=300, sheet="a4")
    _png(sheet, 60)
    blank_notice = NoticeData(**{**samples.NOTICE.__dict__, "materials": (), "labour": (),
                                 "lines": tuple(replace(ln, findings="", preliminary_opinion="", final_cause="",
                                                        liability_code=None, disposition="", refund_ratio=None,
                                                        rework_qty=None, qty_qualified=None,
                                                        qty_unqualified=None, qty_scrapped=None)
                                                for ln in samples.NOTICE.lines),
                                 "loss_cost": None, "other_cost": Decimal("0.00"),
                                 "sales_requirements": "", "approval_note": "",
                                 **{k: Signature() for k in ("sales_confirmed", "approved", "inspected",
                                                                      "decided", "rework_planned")}})
    for name, render, data in (
        ("notice", slips.render_notice, samples.NOTICE),
        ("notice-fresh", slips.render_notice, blank_notice),
        ("analysis", slips.render_analysis, samples.ANALYSIS),
        ("analysis-40", slips.render_analysis, samples.analysis_many(40)),
        ("liaison", slips.render_liaison, samples.LIAISON),
        ("liaison-empty", slips.render_liaison,
         LiaisonData(**{**samples.LIAISON.__dict__, "text": "", "acknowledged": Signature()})),
        ("rework", slips.render_rework_order, samples.REWORK),
        ("rework-empty", slips.render_rework_order,
         ReworkOrderData(**{**samples.REWORK.__dict__, "materials": (), "labour": ()})),
    ):
        pdf = out / f"slip-{name}.pdf"
        render(data, pdf)
        _png(pdf, 80)
    return sorted(out.glob("*.png"))


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/print_previews")
    for png in render_all(target):
        print(png)
