"""Legacy import: the rows read from hand-made Excel logs become returns in the database.

Reading and checking the workbook is app.excel.legacy's job; this module groups the
accepted rows into returns (same customer, return date and order number), creates the
customers and products it meets for the first time, numbers the returns, and writes
the returns, their lines and their audit rows in bulk (app.services.bulk: COPY on
PostgreSQL, executemany on SQLite) in ONE transaction, the caller's. Customers, products and the block of RMA numbers are
taken first in a few statements (on PostgreSQL committed apart, see `import_rows`), so
imports run at once and stations keep registering; an import that then fails leaves
those customers/products in place and its numbers unused. Each line carries a source key made from its content, so
importing the same file (or a fixed rejects workbook) again adds only what is new.
"""

from __future__ import annotations

import gc
import hashlib
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, time
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from app.codes import Disposition, LineStatus, ReturnStatus, Role
from app.excel.legacy import LegacyReadResult, LegacyReject, LegacyRow, read_legacy_workbook
from app.money import ZERO, line_amount, money, refund_amount
from app.services.bulk import (
    LINE,
    RETURN,
    audit_inserts,
    column_defaults,
    complete,
    line_row,
    owner_load,
    take_ids,
    write_rows,
)
from app.services.context import Actor, add_working_days, bind_actor, require_role
from app.services.numbering import (
    format_rma_no,
    line_barcode,
    peek_next_seq,
    reserve_rma_numbers,
    reserve_rma_numbers_apart,
)
from db.models import Customer, ImportBatch, Product, ReturnLine
from db.notify import announce_in_bulk


@dataclass
class ImportResult:
    file_name: str
    rows_read: int = 0
    lines_imported: int = 0
    returns_created: int = 0
    rows_already_imported: int = 0
    rejects: list[LegacyReject] = field(default_factory=list)
    customers_created: list[str] = field(default_factory=list)
    products_created: list[str] = field(default_factory=list)
    dry_run: bool = False
    rma_numbers: list[str] = field(default_factory=list)
    return_ids: list[int] = field(default_factory=list)

    @property
    def nothing_new(self) -> bool:
        return self.lines_imported == 0 and self.rows_already_imported > 0

    def summary(self, lang: str = "zh") -> str:
        zh = lang.startswith("zh")
        if self.nothing_new:
            return (f"{self.file_name}: 全部 {self.rows_already_imported} 行已导入过,本次未导入任何数据"
                    if zh else f"{self.file_name}: all {self.rows_already_imported} rows were imported "
                    "before; nothing was imported this time")
        verb = ("将导入" if self.dry_run else "已导入") if zh else ("would import" if self.dry_run else "imported")
        if zh:
            return (f"{self.file_name}: {verb} {self.lines_imported} 行 / {self.returns_created} 张退货单;"
                    f"已导入过 {self.rows_already_imported} 行;拒收 {len(self.rejects)} 行")
        return (f"{self.file_name}: {verb} {self.lines_imported} lines in {self.returns_created} returns; "
                f"{self.rows_already_imported} rows already imported; {len(self.rejects)} rows rejected")


def source_key(row: LegacyRow, occurrence: int) -> str:
    """Content key of a legacy row; `occurrence` tells identical rows of one file apart."""
    parts = [row.customer, row.return_date.isoformat(), row.order_no or "", row.model, row.lot or "",
             str(row.qty), str(row.unit_price), str(row.amount), str(row.liability_code),
             str(row.refund_ratio), str(row.refund_amount), row.reason or "", row.cause or "",
             row.disposition_text or "", str(occurrence)]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def _keys(rows: list[LegacyRow]) -> list[str]:
    seen: Counter[str] = Counter()
    keys = []
    for row in rows:
        base = source_key(row, 0)
        keys.append(base if seen[base] == 0 else source_key(row, seen[base]))
        seen[base] += 1
    return keys


def _existing(session: Session, keys: list[str]) -> set[str]:
    existing: set[str] = set()
    for i in range(0, len(keys), 1000):
        chunk = keys[i:i + 1000]
        existing.update(session.scalars(select(ReturnLine.source_key).where(ReturnLine.source_key.in_(chunk))))
    return existing


def already_imported(session: Session, rows: list[LegacyRow]) -> list[bool]:
    """For a preview: which of the accepted rows an earlier import has already taken in."""
    keys = _keys(rows)
    existing = _existing(session, keys)
    return [key in existing for key in keys]


def import_rows(session: Session, actor: Actor, read: LegacyReadResult, file_name: str,
                file_sha256: str = "", *, dry_run: bool = False,
                progress: Callable[[int, int], None] | None = None) -> ImportResult:
    """Write the accepted rows of a read workbook; the caller commits (or rolls back a dry run)."""
    bind_actor(session, actor)
    require_role(actor, ("导入历史台账", "import a legacy log"), Role.QA, Role.WAREHOUSE)
    result = ImportResult(file_name=file_name, rows_read=len(read.rows) + len(read.rejects),
                          rejects=list(read.rejects), dry_run=dry_run)
    keys = _keys(read.rows)
    existing = _existing(session, keys)
    fresh = [(row, key) for row, key in zip(read.rows, keys, strict=True) if key not in existing]
    result.rows_already_imported = len(read.rows) - len(fresh)

    groups: dict[tuple[str, Any, str], list[tuple[LegacyRow, str]]] = {}
    for row, key in fresh:
        groups.setdefault((row.customer, row.return_date, row.order_no or ""), []).append((row, key))
    ordered = sorted(groups.items(), key=lambda kv: (kv[0][1], kv[0][0], kv[0][2]))

    # Reference rows and numbers first, each in one statement per chunk: on PostgreSQL in a
    # short transaction of its own (`apart`), so two imports at once, or a station's
    # registration, never wait for this import's commit on a customer name or the counter.
    bind = session.get_bind()
    apart = (None if dry_run or not isinstance(bind, Engine) or bind.dialect.name != "postgresql"
             else bind)
    customers, result.customers_created = _ensure_rows(
        session, apart, Customer, Customer.name, {name: {} for (name, _d, _o), _m in ordered})
    product_rows: dict[str, dict[str, Any]] = {}
    for _group, members in ordered:
        for row, _key in members:
            product_rows.setdefault(row.model, {"unit": row.unit or "件", "unit_price": money(row.unit_price)})
    products, result.products_created = _ensure_rows(session, apart, Product, Product.model, product_rows)
    units: dict[str, str] = {}
    models = sorted(products)
    for i in range(0, len(models), _CHUNK):
        units.update(session.execute(select(Product.model, Product.unit)
                                     .where(Product.model.in_(models[i:i + _CHUNK]))).all())
    per_year = Counter(return_date.year for (_c, return_date, _o), _m in ordered)
    first_seq = {year: _reserve(session, apart, year, n, dry_run) for year, n in sorted(per_year.items())}

    # returns, lines and their audit rows in bulk, a chunk of returns at a time (COPY on
    # PostgreSQL, executemany on SQLite) in the caller's transaction; the progress callback
    # may raise to cancel, and the caller then rolls everything back
    now = datetime.now(UTC)
    connection = session.connection()
    r_defaults, l_defaults = column_defaults(RETURN, now), column_defaults(LINE, now)
    done = 0
    # about ten steps for the progress bar (and chances to cancel), at most _WRITE_CHUNK each
    step = min(_WRITE_CHUNK, max(1, -(-len(ordered) // 10)))
    for start in range(0, len(ordered), step):
        chunk = ordered[start:start + step]
        r_ids = take_ids(connection, RETURN, len(chunk))
        l_ids = iter(take_ids(connection, LINE, sum(len(members) for _g, members in chunk)))
        r_rows: list[dict[str, Any]] = []
        l_rows: list[dict[str, Any]] = []
        for rid, ((customer_name, return_date, order_no), members) in zip(r_ids, chunk, strict=True):
            year = return_date.year
            rma_no = format_rma_no(year, first_seq[year])
            first_seq[year] += 1
            rma = complete(dict(
                id=rid, rma_no=rma_no, customer_id=customers[customer_name], arrival_method="logistics",
                order_no=order_no, received_on=return_date, received_by_id=actor.user_id,
                status=ReturnStatus.APPROVED.value, source="import",
                notes=f"{file_name} · {members[0][0].sheet}",
                approved_at=datetime.combine(return_date, time(12), tzinfo=UTC), updated_by=actor.name,
            ), r_defaults)
            lines = []
            for line_no, (row, key) in enumerate(members, start=1):
                values = _line_values(row, key, line_no, rma, products, units, now, actor.name)
                values.update(id=next(l_ids), return_id=rid)
                lines.append(line_row(values, rma, l_defaults))
            if all(ln["status"] == LineStatus.DONE.value for ln in lines):
                rma["status"] = ReturnStatus.CLOSED.value
            r_rows.append(rma)
            l_rows.extend(lines)
            result.returns_created += 1
            result.lines_imported += len(members)
            result.rma_numbers.append(rma_no)
            result.return_ids.append(rid)
            done += len(members)
        # one "everything changed" for the other stations at commit, not a NOTIFY per row
        announce_in_bulk(session)
        with owner_load(connection):  # the trail is written here, once a row: no trigger's work
            write_rows(connection, RETURN, r_rows)
            write_rows(connection, LINE, l_rows)
            audit_inserts(connection, "return", r_rows, login=actor.login, station=actor.station, at=now)
            audit_inserts(connection, "line", l_rows, login=actor.login, station=actor.station, at=now)
        if progress:
            progress(done, len(fresh))
    session.add(ImportBatch(file_name=file_name, file_sha256=file_sha256, imported_by=actor.login,
                            rows_imported=result.lines_imported,
                            rows_skipped=result.rows_already_imported,
                            rows_rejected=len(result.rejects)))
    session.flush()
    return result


def _line_values(row: LegacyRow, key: str, line_no: int, rma: dict[str, Any], products: dict[str, int],
                 units: dict[str, str], now: datetime, who: str) -> dict[str, Any]:
    """A legacy row's own values as a return line (without its id and return_id)."""
    # logs may quote prices finer than fen (0.035); the station keeps money to the fen
    unit_price = money(row.unit_price)
    amount = row.amount if row.amount is not None else line_amount(row.qty, unit_price)
    decided = row.liability_code is not None
    ratio = row.refund_ratio if decided else None
    refund = (row.refund_amount if row.refund_amount is not None
              else refund_amount(amount, ratio)) if decided else ZERO
    scrapped = row.qty if decided and row.disposition is Disposition.SCRAP else None
    scrapped_value = line_amount(scrapped or 0, unit_price)
    return dict(
        line_no=line_no, barcode=line_barcode(rma["rma_no"], line_no), product_id=products[row.model],
        lot_no=row.lot or "", manufacture_date=row.manufacture_date, qty_announced=row.qty,
        qty_counted=row.qty, unit=row.unit or units.get(row.model) or "件", unit_price=unit_price,
        amount=money(amount), customer_reason=row.reason or "",
        final_cause=row.cause or "", liability_code=row.liability_code,
        disposition=row.disposition.value if row.disposition else None,
        refund_ratio=ratio, refund_amount=money(refund), qty_scrapped=scrapped,
        scrapped_value=scrapped_value, loss_cost=money(refund + scrapped_value),
        status=LineStatus.DONE.value if decided else LineStatus.DECISION.value,
        decided_at=now if decided else None, source_key=key,
        # undecided: due as a line approved that day would be, so it can turn overdue
        due_on=None if decided else add_working_days(rma["received_on"], 1),
        findings=row.notes or "", updated_by=who,
    )


_CHUNK = 500
_WRITE_CHUNK = 1000  # returns per bulk write at most: bounded memory


def _ensure_rows(session: Session, apart: Engine | None, model: Any, column: Any,
                 wanted: dict[str, dict[str, Any]]) -> tuple[dict[str, int], list[str]]:
    """Ids of the rows whose unique `column` has the given values, creating the missing
    ones with INSERT … ON CONFLICT DO NOTHING (so another import creating the same name at
    the same moment is no error); returns (value → id, the values this call created)."""
    ids: dict[str, int] = {}
    created: list[str] = []
    names = sorted(wanted)  # one order for every import: no deadlock between two of them

    def run(conn: Session | Connection) -> None:
        dialect = conn.get_bind().dialect.name if isinstance(conn, Session) else conn.dialect.name
        make_insert = pg_insert if dialect == "postgresql" else sqlite_insert
        table = model.__table__
        for i in range(0, len(names), _CHUNK):
            chunk = names[i:i + _CHUNK]
            ids.update(conn.execute(select(column, table.c.id).where(column.in_(chunk))).all())
            missing = [n for n in chunk if n not in ids]
            if not missing:
                continue
            stmt = (make_insert(table).values([{column.key: n, **wanted[n]} for n in missing])
                    .on_conflict_do_nothing(index_elements=[column.key])
                    .returning(table.c[column.key], table.c.id))
            made = dict(conn.execute(stmt).all())
            created.extend(n for n in missing if n in made)
            ids.update(made)
            left = [n for n in missing if n not in ids]  # made by someone else just now
            if left:
                ids.update(conn.execute(select(column, table.c.id).where(column.in_(left))).all())

    if apart is not None:
        with apart.begin() as conn:
            run(conn)
    else:
        run(session)
    return ids, created


def _reserve(session: Session, apart: Engine | None, year: int, count: int, dry_run: bool) -> int:
    if dry_run:  # nothing is kept: show the numbers it would get, without locking the counter
        return peek_next_seq(session, year)
    if apart is not None:
        return reserve_rma_numbers_apart(apart, year, count)
    return reserve_rma_numbers(session, year, count)


def import_workbook(session: Session, actor: Actor, path: Path, *, dry_run: bool = False,
                    progress: Callable[[int, int], None] | None = None,
                    is_cancelled: Callable[[], bool] | None = None) -> ImportResult:
    """Read a legacy workbook and import its accepted rows (the caller owns the transaction)."""
    with _without_cycle_collection():
        read = read_legacy_workbook(path, progress=None, is_cancelled=is_cancelled)
        sha = hashlib.sha256(Path(path).read_bytes()).hexdigest()
        return import_rows(session, actor, read, Path(path).name, sha, dry_run=dry_run, progress=progress)


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """Python's cycle collector paused while a workbook is read and written: the import
    builds millions of small objects that live until it ends (cells, rows, their values,
    the rows to write) and makes no cycles of its own; the collector would walk them
    again and again (a third of a 50,000-row read). Reference counting frees everything as
    usual; whatever cycles others make meanwhile are collected when it resumes."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
