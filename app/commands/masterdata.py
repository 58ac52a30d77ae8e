"""`rma-station masterdata import customers|products FILE.xlsx [--dry-run] [--rejects OUT.xlsx]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.commands import cli_lang
from app.commands.common import guarded, open_database
from app.excel.masterdata import LISTS, import_list
from app.services.users import actor_for
from db.models import User


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("masterdata", help="master data: import a customers or products list from Excel")
    p.add_argument("action", choices=["import"])
    p.add_argument("list", choices=sorted(LISTS), help="which list the workbook holds")
    p.add_argument("file", type=Path)
    p.add_argument("--dry-run", action="store_true", help="check and count, write nothing")
    p.add_argument("--rejects", type=Path, metavar="OUT.xlsx",
                   help="write the rejected rows (original cells + reason) to fix and re-import")
    p.add_argument("--user", default="admin", help="who imports (recorded in the audit trail)")
    p.set_defaults(handler=run)


@guarded
def run(args: argparse.Namespace) -> int:
    lang = cli_lang()
    zh = lang == "zh_CN"
    if not args.file.exists():
        print(("找不到文件: " if zh else "No such file: ") + str(args.file), file=sys.stderr)
        return 2
    engine, factory = open_database()
    try:
        with factory() as s:
            user = s.query(User).filter_by(login=args.user).one_or_none()
            if user is None:
                print(("没有此用户: " if zh else "No such user: ") + args.user, file=sys.stderr)
                return 2
            result = import_list(s, actor_for(user, station="cli"), args.list, args.file, dry_run=args.dry_run)
            if args.dry_run:
                s.rollback()
            else:
                s.commit()
        for skipped in result.sheets_skipped:
            print(skipped.message(lang))
        for reject in result.rejects:
            print(f"{reject.where(lang)}: {reject.message(lang)}")
        if args.rejects and result.rejects:
            from app.excel.rejects import write_rejects

            write_rejects(result.rejects, args.rejects, lang=lang)
            print(("拒收行已写入 " if zh else "rejected rows written to ") + str(args.rejects))
        print(result.summary(lang))
    finally:
        engine.dispose()
    return 0
