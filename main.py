"""RMA Station entry point: `rma-station` opens the window; sub-commands work without it.

    rma-station                       the station window (embedded SQLite unless RMA_DATABASE_URL)
    rma-station gui --screenshot X.png [--tab …] [--lang zh_CN|en]
    rma-station db upgrade            create / upgrade the schema
    rma-station demo [--returns N]    fill the database with realistic demo data
    rma-station label | slip | report | export | import …   see --help of each
"""

from __future__ import annotations

import argparse
import sys
from contextlib import nullcontext

from app import process
from app.commands import modules


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser of every sub-command, or of `command` alone (its module only is imported)."""
    parser = argparse.ArgumentParser(prog="rma-station", description="RMA Station 客退品处理工作站")
    sub = parser.add_subparsers(dest="command")
    gui = sub.add_parser("gui", help="open the station window (default)")
    gui.add_argument("--screenshot", metavar="OUT.png", help="render the window offscreen to a PNG and exit")
    gui.add_argument("--tab", choices=["incoming", "inspection", "rework", "reports", "labels"])
    gui.add_argument("--lang", choices=["zh_CN", "en"])
    gui.add_argument("--user", default=None, help="with --screenshot: log in as this user (default admin)")
    gui.add_argument("--size", default="1366x768", metavar="WxH",
                     help="with --screenshot: the window's size (default 1366x768, a factory desk's screen)")
    for module in modules(command):
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """`rma-station` itself when `argv` is None (the process is the command's: app.process
    keeps the collector out of its imports and its exit); tests pass `argv` and keep theirs."""
    own_process = argv is None
    given = sys.argv[1:] if own_process else argv
    with process.loading() if own_process else nullcontext():
        parser = build_parser(given[0] if given and not given[0].startswith("-") else None)
        args = parser.parse_args(argv)
    if args.command in (None, "gui"):
        from ui.app import run_gui  # Qt is imported only for the window

        return run_gui(args)
    code = args.handler(args)
    if own_process:
        process.ending()
    return code


if __name__ == "__main__":
    sys.exit(main())
