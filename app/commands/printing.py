"""`rma-station label RMA_NO …` and `rma-station slip RMA_NO --form …` — PDFs without the window."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.commands import cli_lang
from app.commands.common import guarded, open_database
from app.printing import eightd as eightd_print
from app.printing import records, slips
from app.printing.labels import DPIS, SIZES, render_labels
from app.wording import count_en

RENDER = {
    "notice": (records.notice_data, slips.render_notice),
    "analysis": (records.analysis_data, slips.render_analysis),
    "liaison": (records.liaison_data, slips.render_liaison),
    "rework": (records.rework_order_data, slips.render_rework_order),
}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("label", help="barcode labels of a return's lines as PDF")
    p.add_argument("rma_no")
    p.add_argument("--line", type=int)
    p.add_argument("--size", choices=list(SIZES), default="60x40")
    p.add_argument("--dpi", type=int, choices=list(DPIS), default=203)
    p.add_argument("--sheet", choices=["label", "a4"], default="label",
                   help="one label per page (thermal printer) or several per A4 sheet")
    p.add_argument("--pdf", type=Path, required=True, metavar="OUT.pdf")
    p.set_defaults(handler=run_label)
    s = sub.add_parser("slip", help="a handling slip of a return as PDF")
    s.add_argument("rma_no")
    s.add_argument("--form", choices=list(RENDER), required=True)
    s.add_argument("--pdf", type=Path, required=True, metavar="OUT.pdf")
    s.set_defaults(handler=run_slip)
    e = sub.add_parser("eightd", help="8D reports: print one as PDF")
    e_sub = e.add_subparsers(dest="eightd_command", required=True)
    ep = e_sub.add_parser("print", help="the A4 8D report of an 8D (8D-YYYY-NNNN) as PDF")
    ep.add_argument("no")
    ep.add_argument("--pdf", type=Path, required=True, metavar="OUT.pdf")
    ep.set_defaults(handler=run_eightd_print)


def _lang() -> str:
    return "zh" if cli_lang() == "zh_CN" else "en"


@guarded
def run_label(args: argparse.Namespace) -> int:
    engine, factory = open_database()
    with factory() as s:
        labels = records.label_data(s, args.rma_no, args.line, _lang())
    pages = render_labels(labels, args.pdf, size=args.size, dpi=args.dpi, sheet=args.sheet, lang=_lang())
    print(f"{args.pdf}: {count_en(len(labels), 'label')}, {count_en(pages, 'page')}")
    engine.dispose()
    return 0


@guarded
def run_slip(args: argparse.Namespace) -> int:
    engine, factory = open_database()
    data_fn, render = RENDER[args.form]
    with factory() as s:
        data = data_fn(s, args.rma_no, _lang())
    render(data, args.pdf)
    print(f"{args.pdf}: {args.form}")
    engine.dispose()
    return 0


@guarded
def run_eightd_print(args: argparse.Namespace) -> int:
    engine, factory = open_database()
    with factory() as s:
        data = eightd_print.eightd_data(s, args.no)
    eightd_print.render_8d(data, args.pdf, _lang())
    print(f"{args.pdf}: {data.no}")
    engine.dispose()
    return 0
