"""`rma-station export returns [--from DATE] [--to DATE] [--include-cancelled] --xlsx OUT`.

Every return line with its return header, decision and costs, streamed into one workbook.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from app.commands import cli_lang
from app.commands.common import guarded, open_database
from app.excel.export import export_returns
from app.parsing import parse_date


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="export every return line to Excel (streamed)")
    p.add_argument("what", choices=["returns"])
    p.add_argument("--from", dest="start", metavar="DATE", help="first received date (inclusive)")
    p.add_argument("--to", dest="end", metavar="DATE", help="last received date (inclusive)")
    p.add_argument("--include-cancelled", action="store_true", help="also the lines of cancelled returns")
    p.add_argument("--xlsx", type=Path, required=True, metavar="OUT.xlsx")
    p.set_defaults(handler=run)


@guarded
def run(args: argparse.Namespace) -> int:
    """Export the return lines received in the range (all when no range) to --xlsx."""
    lang = cli_lang()
    zh = lang == "zh_CN"
    start = parse_date(args.start, field="--from", label=("起始日期 --from", "--from")) if args.start else None
    end = parse_date(args.end, field="--to", label=("截止日期 --to", "--to")) if args.end else None
    if start and end and start > end:
        print(f"--from {start} 晚于 --to {end}" if zh else f"--from {start} is after --to {end}", file=sys.stderr)
        return 2
    engine, factory = open_database()
    t0 = time.perf_counter()
    interactive = sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        if interactive:
            print(f"\r{done}/{total}", end="", file=sys.stderr, flush=True)

    try:
        with factory() as s:
            n = export_returns(s, args.xlsx, start=start, end=end, lang="zh" if zh else "en",
                               include_cancelled=args.include_cancelled, progress=progress)
    finally:
        engine.dispose()
    if interactive:
        print(file=sys.stderr)
    seconds = time.perf_counter() - t0
    print(f"{args.xlsx}: 已导出 {n} 行,用时 {seconds:.1f} 秒" if zh else
          f"{args.xlsx}: {n} lines exported in {seconds:.1f} s")
    return 0
