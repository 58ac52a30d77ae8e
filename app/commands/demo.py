"""`rma-station demo [--returns N] [--years Y]` — fill the database with realistic returns
received over the last year (or Y years)."""

from __future__ import annotations

import argparse
import sys
import time

from app.commands.common import guarded, open_database
from app.errors import StationError
from app.services.demo import fill_demo
from app.services.setup import ensure_demo_allowed
from db.engine import database_url, describe_url


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help="fill a new or demo database with demo data, marked as demo (users' password: 1234)")
    p.add_argument("--returns", type=int, default=500)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--years", type=_years, default=1,
                   help="spread the returns over the last Y years (default 1): a month is then a small part")
    p.set_defaults(handler=run)


def _years(value: str) -> int:
    years = int(value)
    if not 1 <= years <= 50:
        raise argparse.ArgumentTypeError("1 … 50")
    return years


@guarded
def run(args: argparse.Namespace) -> int:
    engine, factory = open_database()
    with factory() as s:
        try:
            # never mix demo returns into real statistics
            ensure_demo_allowed(s, describe_url(database_url()))
        except StationError:
            engine.dispose()
            raise
    t0 = time.perf_counter()

    def progress(done: int, total: int) -> None:
        print(f"\r{done}/{total}", end="", file=sys.stderr, flush=True)

    n = fill_demo(factory, args.returns, seed=args.seed, years=args.years, progress=progress)
    print(f"\n{describe_url(database_url())}: {n} demo returns in {time.perf_counter() - t0:.1f} s;"
          " users admin, wh, sales, mgr, qa, eng, pmc — demo password 1234,"
          " to be changed at the first log-in")
    engine.dispose()
    return 0
