"""`rma-station import FILE [--dry-run] [--rejects OUT.xlsx]` — take in a legacy Excel log.

FILE is an .xlsx, .xlsm, .xls or .csv (UTF-8, UTF-8 with BOM or GB18030) return log.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sqlalchemy.orm import Session

from app.commands import cli_lang
from app.commands.common import guarded, open_database
from app.commands.users import log_in
from app.excel.importer import ImportResult, import_workbook
from db.engine import run_in_transaction


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import", help="import a legacy Excel return log")
    p.add_argument("file", type=Path, help="the log: .xlsx, .xlsm, .xls or .csv (UTF-8 or GB18030)")
    p.add_argument("--dry-run", action="store_true", help="check and count, write nothing")
    p.add_argument("--rejects", type=Path, metavar="OUT.xlsx",
                   help="write the rejected rows (original cells + reason) to fix and re-import")
    p.add_argument("--user", default="admin",
                   help="who imports (recorded in the audit trail); password asked or $RMA_PASSWORD")
    p.set_defaults(handler=run)


@guarded
def run(args: argparse.Namespace) -> int:
    lang = cli_lang()
    if not args.file.exists():
        print(("找不到文件: " if lang == "zh_CN" else "No such file: ") + str(args.file), file=sys.stderr)
        return 2
    engine, factory = open_database()
    actor = log_in(factory, args.user)  # X's password, asked or $RMA_PASSWORD (app.commands.users)

    def work(s: Session) -> ImportResult:
        result = import_workbook(s, actor, args.file, dry_run=args.dry_run)
        if args.dry_run:
            s.rollback()  # nothing is kept; the unit of work then commits an empty transaction
        return result

    # one unit of work: a deadlock with another import is run again, a lost or busy
    # database is a message (guarded), never a traceback
    result = run_in_transaction(factory, work)
    for reject in result.rejects:
        print(f"{reject.where(lang)}: {reject.message(lang)}")
    if args.rejects and result.rejects:
        from app.excel.rejects import write_rejects

        write_rejects(result.rejects, args.rejects, lang=lang)
        print(("拒收行已写入 " if lang == "zh_CN" else "rejected rows written to ") + str(args.rejects))
    print(result.summary(lang))
    engine.dispose()
    return 0
