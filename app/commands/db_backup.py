"""`rma-station db backup OUT [--force]`, `db restore IN`, `db copy --to URL`.

For the administrator of the station's files: no application log-in is asked (whoever can
read and write the database file or reach the server has the data already). Backup and
restore are of the embedded SQLite database (RMA_DATABASE_URL, else the user's data
folder); `copy` moves this station's data into an empty, upgraded server database, or into
a blank one whose schema it creates first. Messages in the user's language; exit 1 with a
message on an expected refusal.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sqlalchemy import make_url

from app.commands import cli_lang
from app.commands.common import guarded
from app.errors import ValidationError
from app.services import backup
from db.engine import database_url, describe_url

ACTIONS = ("backup", "restore", "copy")
HELP = ("backup OUT [--force] / restore IN: the embedded SQLite database, checked before and after; "
        "copy --to URL: move this station's data into an empty server database. "
        "For the administrator of the files: no log-in is asked")


def _t(zh: str, en: str) -> str:
    return zh if cli_lang().startswith("zh") else en


def _embedded_path() -> Path:
    return backup.sqlite_path(database_url())


@guarded
def run(args: argparse.Namespace) -> int:
    if args.action == "copy":
        if not args.to:
            raise ValidationError("required", field="--to URL")
        return _copy(args.to)
    if not args.file:
        raise ValidationError("required", field="OUT" if args.action == "backup" else "IN")
    if args.action == "backup":
        return _backup(Path(args.file), force=args.force)
    return _restore(Path(args.file))


def _rows(tables: dict[str, int]) -> str:
    return _t(f"{sum(tables.values())} 行,{len(tables)} 个表", f"{sum(tables.values())} rows in {len(tables)} tables")


def _backup(out: Path, *, force: bool) -> int:
    source = _embedded_path()
    result = backup.backup_sqlite(source, out, force=force)
    print(_t(f"已备份 {source} → {result.path}: {_rows(result.tables)},完整性检查通过",
             f"Backed up {source} → {result.path}: {_rows(result.tables)}, integrity check passed"))
    return 0


def _restore(backup_file: Path) -> int:
    target = _embedded_path()
    result = backup.restore_sqlite(backup_file, target)
    if result.safety_copy is not None:
        print(_t(f"原数据库已保留为 {result.safety_copy}", f"The database it replaced is kept as {result.safety_copy}"))
    print(_t(f"已从 {backup_file} 恢复 {target}: {_rows(result.tables)},完整性检查通过",
             f"Restored {target} from {backup_file}: {_rows(result.tables)}, integrity check passed"))
    if result.upgraded_to:
        print(_t(f"备份的结构版本 {result.revision} 已升级到 {result.upgraded_to}",
                 f"The backup's schema {result.revision} was upgraded to {result.upgraded_to}"))
    print(_t("正在运行的工作站请重新启动。", "Restart any station window that is running."))
    return 0


def _copy(to: str) -> int:
    source_url = database_url()
    if backup.is_blank_url(to):
        print(_t(f"{describe_url(to)} 还没有数据库结构:复制前先创建", f"{describe_url(to)} has no schema yet: creating it first"))
    result = backup.move_to_server(source_url, to, _PrintProgress())
    print(_t(f"已将 {describe_url(source_url)} 复制到 {describe_url(to)}:",
             f"Copied {describe_url(source_url)} to {describe_url(to)}:"))
    for line in backup.describe_copy(result, cli_lang()):
        print("  " + line)
    print(_t(f"要让本工作站改用服务器,请设置 RMA_DATABASE_URL={make_url(to).render_as_string()} "
             "或在设置对话框中填写数据库地址。",
             f"To work on the server, set RMA_DATABASE_URL={make_url(to).render_as_string()} "
             "or enter the address in the settings dialog."))
    return 0


class _PrintProgress:
    """One line per table on stderr, so a long copy shows it is moving."""

    def __init__(self) -> None:
        self._table = ""

    def report(self, done: int, total: int, text: str = "") -> None:
        if text and text != self._table:
            self._table = text
            print(f"  {text} … ({done}/{total})", file=sys.stderr)

    def check(self) -> None:
        return None
