"""Backing up the embedded database, restoring a backup, and moving a station's data to a server.

Who calls this: the administrator of the station's files — `rma-station db backup|restore|copy`
and the window's Station menu / settings dialog. None of it goes through the ORM or the
audit session events: a backup is a copy of the file, and a copy to a server carries the
rows (ids, counters, audit trail) exactly as they are, so nothing new is written on the way.

- `backup_sqlite` copies the SQLite file through SQLite's online backup API (safe while the
  station runs: in WAL mode a reader never blocks the station's writers), with
  `PRAGMA integrity_check` on the source before and on the copy after. The copy is written to
  a `.partial` file and renamed at the end, so a failed backup never leaves a half file under
  the chosen name.
- `restore_sqlite` accepts only a sound RMA Station database not newer than this station,
  keeps the current file as a safety copy, then writes the backup into the target through
  the same API (and upgrades it when it is older).
- `daily_backup` keeps one backup a day in `backups/` beside the database, the last 14.
- `copy_database` copies every table into an empty, upgraded database of another backend in
  one transaction and verifies it (row counts and per-table checksums) before committing.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import Connection, Engine, Table, func, inspect, make_url, select, text
from sqlalchemy import exc as sa_exc
from sqlalchemy.types import Integer, LargeBinary, String

from app.errors import StationError
from db.migrate import head_revision, upgrade
from db.models import Base, LineMonthTotal

BACKUP_NAME = re.compile(r"^rma-station-(\d{4}-\d{2}-\d{2})\.sqlite3$")
KEEP_DAILY = 14
COPY_CHUNK = 2000  # rows per read/insert batch: bounded memory on a table of millions
BLOB_CHUNK = 20    # … and for a table of photos and files (up to ~20 MB a row)
_SQLITE_MAGIC = b"SQLite format 3\x00"


#: tables the database keeps itself from the rows of others (db.summary: triggers on
#: return_line): a copy does not write them, the target's triggers fill them from the copied
#: rows, and they are verified like every table (the target's sums must be the source's)
KEPT_BY_TRIGGERS = frozenset({LineMonthTotal.__table__.name})


class BackupError(StationError):
    """A backup, restore or copy refused or failed; the message says what and where."""


class CopyProgress(Protocol):
    """What `copy_database` reports to (ui.worker.Progress fits): `check()` raises to stop."""

    def report(self, done: int, total: int, text: str = "") -> None: ...

    def check(self) -> None: ...


@dataclass(frozen=True)
class BackupResult:
    path: Path
    tables: dict[str, int]  # rows per table of the copy
    revision: str | None


@dataclass(frozen=True)
class RestoreResult:
    path: Path
    tables: dict[str, int]
    revision: str | None  # of the backup as it came in
    upgraded_to: str | None  # the head it was upgraded to, None when it already was at head
    safety_copy: Path | None  # the file that was replaced, kept here


@dataclass(frozen=True)
class TableCopy:
    table: str
    rows: int
    checksum: str  # sha256 over the rows in primary-key order, the same on both sides


@dataclass(frozen=True)
class CopyResult:
    revision: str | None
    tables: list[TableCopy] = field(default_factory=list)
    replaced_seed: list[str] = field(default_factory=list)  # tables whose migration seed rows made way

    @property
    def rows(self) -> int:
        return sum(t.rows for t in self.tables)


# ------------------------------------------------------------------ the SQLite file


def sqlite_path(source: str | Path) -> Path:
    """The file of an embedded database, given its path or its sqlite:/// URL."""
    if isinstance(source, Path):
        return source
    if "://" in source:
        url = make_url(source)
        if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
            raise BackupError("backup_not_embedded", db=url.render_as_string(hide_password=True))
        return Path(url.database)
    return Path(source)


def _integrity(conn: sqlite3.Connection, path: Path) -> None:
    try:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
    except sqlite3.DatabaseError as exc:
        raise BackupError("backup_integrity", path=str(path), detail=str(exc)) from exc
    problems = [str(r[0]) for r in rows if r[0] != "ok"]
    if problems:
        raise BackupError("backup_integrity", path=str(path), detail="; ".join(problems[:3]))


def _row_counts(conn: sqlite3.Connection) -> dict[str, int]:
    present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return {t.name: conn.execute(f'SELECT count(*) FROM "{t.name}"').fetchone()[0]
            for t in Base.metadata.sorted_tables if t.name in present}


def _revision(conn: sqlite3.Connection) -> str | None:
    has = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'").fetchone()
    if not has:
        return None
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return row[0] if row else None


def _connect(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    # the station's writers hold the lock only briefly: wait for them as the station does
    if read_only:
        return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=15)
    return sqlite3.connect(path, timeout=15)


def _copy_file(src: sqlite3.Connection, out: Path) -> None:
    """All pages in one step: one read snapshot, so writes by the station meanwhile neither
    block nor restart the copy (a step-by-step copy restarts on every foreign write)."""
    dst = sqlite3.connect(out)
    try:
        src.backup(dst)
        # a copy that stands alone: no -wal file needed beside it
        dst.execute("PRAGMA journal_mode=DELETE")
    finally:
        dst.close()


def backup_sqlite(source: str | Path, out_path: str | Path, *, force: bool = False) -> BackupResult:
    """Back up the embedded database to `out_path` while the station may keep working.

    Refuses an existing `out_path` unless `force`; refuses a source that fails its
    integrity check (a backup of a damaged file would only hide the damage).
    """
    src_path = sqlite_path(source)
    out = Path(out_path)
    if not src_path.is_file():
        raise BackupError("backup_source_missing", path=str(src_path))
    if out.exists() and out.resolve() == src_path.resolve():
        raise BackupError("backup_same_file", path=str(out))
    if out.exists() and not force:
        raise BackupError("backup_exists", path=str(out))
    partial = out.with_name(out.name + ".partial")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        partial.unlink(missing_ok=True)
        src = _connect(src_path)
        try:
            _integrity(src, src_path)
            _copy_file(src, partial)
        finally:
            src.close()
        copy = sqlite3.connect(partial)
        try:
            _integrity(copy, out)
            tables, revision = _row_counts(copy), _revision(copy)
        finally:
            copy.close()
        os.replace(partial, out)
    except (OSError, sqlite3.OperationalError) as exc:  # a full disk, a folder not writable, a lock held too long
        raise BackupError("backup_write_failed", path=str(out), detail=str(exc)) from exc
    finally:
        with contextlib.suppress(OSError):  # the error above is the one to tell
            partial.unlink(missing_ok=True)
    return BackupResult(out, tables, revision)


@lru_cache(maxsize=1)
def _known_revisions() -> frozenset[str]:
    from alembic.script import ScriptDirectory

    from db.migrate import alembic_config

    script = ScriptDirectory.from_config(alembic_config())
    return frozenset(rev.revision for rev in script.walk_revisions())


def check_backup_file(path: str | Path) -> tuple[dict[str, int], str]:
    """Is `path` a sound RMA Station database this station can use? Its row counts and revision."""
    p = Path(path)
    if not p.is_file():
        raise BackupError("backup_source_missing", path=str(p))
    with p.open("rb") as f:
        magic = f.read(len(_SQLITE_MAGIC))
    if magic != _SQLITE_MAGIC:
        raise BackupError("restore_not_sqlite", path=str(p))
    try:
        conn = _connect(p, read_only=True)
    except sqlite3.DatabaseError as exc:
        raise BackupError("backup_integrity", path=str(p), detail=str(exc)) from exc
    try:
        _integrity(conn, p)
        try:
            revision = _revision(conn)
            tables = _row_counts(conn)
        except sqlite3.DatabaseError as exc:
            raise BackupError("backup_integrity", path=str(p), detail=str(exc)) from exc
    finally:
        conn.close()
    if revision is None:
        raise BackupError("restore_not_rma", path=str(p))
    if revision not in _known_revisions():
        raise BackupError("restore_newer", path=str(p), revision=revision, head=head_revision() or "")
    return tables, revision


def restore_sqlite(in_path: str | Path, target: str | Path, *, safety_folder: Path | None = None,
                   now: datetime | None = None) -> RestoreResult:
    """Replace the embedded database `target` by the backup `in_path`.

    The backup must pass its integrity check and be an RMA Station database at or below this
    station's schema. The current file is first kept as
    `backups/<name>.before-restore-YYYYMMDD-HHMMSS.sqlite3`; the backup is then written into
    the target through the backup API (so a station process that still has the file open sees
    a consistent database), checked again, and upgraded when it is older. The station should
    close its connections before and reopen the database after.
    """
    src_path = Path(in_path)
    target_path = sqlite_path(target)
    if target_path.exists() and src_path.resolve() == target_path.resolve():
        raise BackupError("backup_same_file", path=str(src_path))
    _tables, revision = check_backup_file(src_path)
    safety: Path | None = None
    try:
        if target_path.exists():
            stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
            folder = safety_folder or target_path.parent / "backups"
            folder.mkdir(parents=True, exist_ok=True)
            safety = folder / f"{target_path.stem}.before-restore-{stamp}.sqlite3"
            _keep_safety_copy(target_path, safety)
        target_path.parent.mkdir(parents=True, exist_ok=True)
        src = _connect(src_path, read_only=True)
        try:
            dst = _connect(target_path)
            try:
                src.backup(dst)
                _integrity(dst, target_path)
            finally:
                dst.close()
        finally:
            src.close()
    except (OSError, sqlite3.OperationalError) as exc:
        raise BackupError("backup_write_failed", path=str(target_path), detail=str(exc)) from exc
    upgraded_to = None
    if revision != head_revision():
        from db.engine import make_engine

        engine = make_engine(f"sqlite:///{target_path}")
        try:
            upgrade(engine)
        finally:
            engine.dispose()
        upgraded_to = head_revision()
    conn = _connect(target_path)
    try:
        tables = _row_counts(conn)
    finally:
        conn.close()
    return RestoreResult(target_path, tables, revision, upgraded_to, safety)


def _keep_safety_copy(current: Path, safety: Path) -> None:
    """The file about to be replaced, as it is — even damaged (then byte for byte)."""
    try:
        src = _connect(current)
        try:
            _copy_file(src, safety)
        finally:
            src.close()
    except sqlite3.DatabaseError:
        safety.unlink(missing_ok=True)
        shutil.copy2(current, safety)


def daily_backup(db_path: str | Path, folder: str | Path, keep: int = KEEP_DAILY, *,
                 today: date | None = None) -> Path | None:
    """The station start's backup: `folder/rma-station-YYYY-MM-DD.sqlite3` once a day.

    Returns the new file, or None when today's backup exists already. Daily backups beyond
    the newest `keep` are removed (other files in the folder are left alone).
    """
    day = today or date.today()
    out = Path(folder) / f"rma-station-{day:%Y-%m-%d}.sqlite3"
    made = None if out.exists() else backup_sqlite(db_path, out).path
    prune_daily(folder, keep)
    return made


def daily_backups(folder: str | Path) -> list[Path]:
    """The daily backups in `folder`, newest first."""
    p = Path(folder)
    if not p.is_dir():
        return []
    found = [f for f in p.iterdir() if f.is_file() and BACKUP_NAME.match(f.name)]
    return sorted(found, key=lambda f: f.name, reverse=True)


def prune_daily(folder: str | Path, keep: int = KEEP_DAILY) -> list[Path]:
    removed = daily_backups(folder)[keep:]
    for f in removed:
        f.unlink(missing_ok=True)
    return removed


# ------------------------------------------------------------------ copy to another database


def _canonical(value: Any) -> Any:
    """A value as both backends return it through the Core types, in one spelling."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")  # 18.50 from fen and from NUMERIC alike
    if isinstance(value, datetime):
        return (value.astimezone(UTC) if value.tzinfo else value).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bytes | memoryview):  # a photo or file: its digest stands for it
        return "sha256:" + hashlib.sha256(bytes(value)).hexdigest()
    return str(value)


def _row_digest(row: Any) -> bytes:
    return json.dumps([_canonical(v) for v in row], ensure_ascii=False).encode() + b"\n"


# When a migration gives existing seed rows their bookkeeping (created/updated time, by whom,
# version), those values are the moment of that upgrade: a seed row is recognised without them.
_BOOKKEEPING = frozenset({"created_at", "updated_at", "updated_by", "version"})


def _seed_digest(row: Any) -> bytes:
    return _row_digest([v for k, v in row._mapping.items() if k not in _BOOKKEEPING])


def _ordered(table: Table, dialect: str) -> Any:
    """All rows in primary-key order; text keys in code-point order on both backends (a
    PostgreSQL locale collation would sort them otherwise)."""
    keys = []
    for col in table.primary_key.columns:
        if isinstance(col.type, String):
            keys.append(col.collate("C") if dialect == "postgresql" else col.collate("BINARY"))
        else:
            keys.append(col)
    return select(table).order_by(*keys)


def _stream(conn: Connection, table: Table) -> Iterator[list[Any]]:
    chunk = BLOB_CHUNK if any(isinstance(c.type, LargeBinary) for c in table.columns) else COPY_CHUNK
    result = conn.execution_options(stream_results=True, yield_per=chunk).execute(
        _ordered(table, conn.dialect.name))
    yield from result.partitions(chunk)


def table_checksum(conn: Connection, table: Table) -> tuple[int, str]:
    """(rows, sha256) of a table, rows in primary-key order, values through the Core types."""
    digest = hashlib.sha256()
    rows = 0
    for chunk in _stream(conn, table):
        for row in chunk:
            digest.update(_row_digest(row))
            rows += 1
    return rows, digest.hexdigest()


@lru_cache(maxsize=4)
def _seed_rows(head: str | None) -> dict[str, frozenset[bytes]]:
    """The rows an upgraded, unused database holds (the migrations' seed: liability codes,
    default defect categories …), found by upgrading a scratch in-memory database."""
    from db.engine import make_engine

    engine = make_engine("sqlite://")
    try:
        upgrade(engine)
        with engine.connect() as conn:
            out = {}
            for table in Base.metadata.sorted_tables:
                rows = frozenset(_seed_digest(r) for r in conn.execute(select(table)))
                if rows:
                    out[table.name] = rows
            return out
    finally:
        engine.dispose()


def _revision_of(conn: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(conn).get_current_revision()


def target_state(engine: Engine) -> tuple[str | None, str | None, int]:
    """What a target database holds: (revision, first table holding data, its rows).

    A table holding only the migrations' seed rows counts as empty. Connection errors
    propagate (the caller says the server cannot be reached).
    """
    with engine.connect() as conn:
        revision = _revision_of(conn)
        if revision is None:
            return None, None, 0
        table, count = _first_table_with_data(conn)
        return revision, table, count


def _first_table_with_data(conn: Connection) -> tuple[str | None, int]:
    seed = _seed_rows(head_revision())
    present = set(inspect(conn).get_table_names())
    for table in Base.metadata.sorted_tables:
        if table.name not in present:
            continue
        count = conn.execute(select(func.count()).select_from(table)).scalar_one()
        if not count:
            continue
        if table.name in seed and count <= len(seed[table.name]):
            rows = {_seed_digest(r) for r in conn.execute(select(table))}
            if rows <= seed[table.name]:
                continue
        return table.name, count
    return None, 0


def is_blank(engine: Engine) -> bool:
    """No schema at all (a database just created on the server): it may be upgraded first."""
    with engine.connect() as conn:
        return _revision_of(conn) is None and not inspect(conn).get_table_names()


def copy_database(source_engine: Engine, target_engine: Engine,
                  progress: CopyProgress | None = None) -> CopyResult:
    """Copy every table of the station into an empty, upgraded database, ids and all.

    The target must be at this station's schema head and hold no data: the seed rows of the
    migrations (liability codes, default defect categories) count as empty and are replaced
    by the source's own rows, so codes or categories edited on the station come along as
    they are. Rows go through SQLAlchemy Core, never the ORM: the session events would stamp
    `updated_by` and write new audit rows. The audit trail's append-only triggers refuse
    UPDATE and DELETE only, so its rows insert like any other.

    One transaction on the target, under a table lock; the source is read in one
    transaction as well (on SQLite the station's `BEGIN IMMEDIATE`, so nothing written on
    the station meanwhile can be left behind). After the rows, each table's row count and
    checksum (rows in primary-key order, through the same Core types: Money is Decimal
    from fen and from NUMERIC alike, timestamps UTC) are compared between the two sides;
    any difference, failure or `progress.check()` raising rolls everything back. PostgreSQL
    sequences are moved past the copied ids last (setval is not transactional, so only once
    the copy is known to be right).
    """
    head = head_revision()
    tables = list(Base.metadata.sorted_tables)
    result_tables: list[TableCopy] = []
    replaced: list[str] = []
    src_conn = source_engine.connect()
    if source_engine.dialect.name == "postgresql":
        src_conn = src_conn.execution_options(isolation_level="REPEATABLE READ")
    try:
        with src_conn.begin():
            src_rev = _revision_of(src_conn)
            if src_rev != head:
                raise BackupError("copy_source_revision", source=src_rev or "-", head=head or "-")
            counts = {t.name: src_conn.execute(select(func.count()).select_from(t)).scalar_one()
                      for t in tables}
            total = sum(counts.values())
            with target_engine.connect() as dst, dst.begin():
                tgt_rev = _revision_of(dst)
                if tgt_rev != head:
                    raise BackupError("copy_target_revision", target=tgt_rev or "-", head=head or "-")
                if dst.dialect.name == "postgresql":
                    # two administrators copying at once must not both find the target empty
                    names = ", ".join(f'"{t.name}"' for t in tables)
                    dst.execute(text(f"LOCK TABLE {names} IN EXCLUSIVE MODE"))
                table, count = _first_table_with_data(dst)
                if table is not None:
                    raise BackupError("copy_not_empty", table=table, count=count)
                present = {t.name for t in tables if dst.execute(
                    select(func.count()).select_from(t)).scalar_one()}
                for t in reversed(tables):  # children first: the seed rows make way
                    if t.name in present:
                        dst.execute(t.delete())
                        replaced.append(t.name)
                done = 0
                sums: dict[str, tuple[int, str]] = {}
                for t in tables:
                    digest = hashlib.sha256()
                    rows = 0
                    if progress is not None:
                        progress.report(done, total, t.name)
                        progress.check()
                    if t.name in KEPT_BY_TRIGGERS:
                        sums[t.name] = table_checksum(src_conn, t)
                        done += sums[t.name][0]  # their rows are there once the others are
                        continue
                    keys = [c.key for c in t.columns]
                    try:
                        for chunk in _stream(src_conn, t):
                            for row in chunk:
                                digest.update(_row_digest(row))
                            dst.execute(t.insert(), [dict(zip(keys, row, strict=True)) for row in chunk])
                            rows += len(chunk)
                            done += len(chunk)
                            if progress is not None:
                                progress.report(done, total, t.name)
                                progress.check()
                    except sa_exc.SQLAlchemyError as exc:
                        raise BackupError("copy_failed", table=t.name, detail=_first_line(exc)) from exc
                    sums[t.name] = (rows, digest.hexdigest())
                for t in tables:
                    if progress is not None:
                        progress.check()
                    rows, checksum = sums[t.name]
                    got_rows, got_sum = table_checksum(dst, t)
                    if got_rows != rows:
                        raise BackupError("copy_verify_rows", table=t.name, source=rows, target=got_rows)
                    if got_sum != checksum:
                        raise BackupError("copy_verify_checksum", table=t.name)
                    result_tables.append(TableCopy(t.name, rows, checksum))
                if dst.dialect.name == "postgresql":
                    _advance_sequences(dst, tables)
    finally:
        src_conn.close()
    return CopyResult(head, result_tables, replaced[::-1])


def _first_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None)
    return (str(orig) if orig is not None else str(exc)).strip().splitlines()[0][:300]


def _advance_sequences(conn: Connection, tables: list[Table]) -> None:
    """Explicit ids do not move PostgreSQL's sequences: put each past its table's largest id,
    so the server's next new row does not collide with a copied one."""
    for t in tables:
        pk = list(t.primary_key.columns)
        if len(pk) != 1 or not isinstance(pk[0].type, Integer):
            continue  # composite and text keys have no sequence; a year or a code gives NULL
        col = pk[0].name
        conn.execute(text(
            f"SELECT setval(pg_get_serial_sequence(:table, :col), COALESCE(MAX(\"{col}\"), 1), "
            f"MAX(\"{col}\") IS NOT NULL) FROM \"{t.name}\""), {"table": t.name, "col": col})


def describe_copy(result: CopyResult, lang: str) -> list[str]:
    """The verification, table by table, for the command and the dialog."""
    zh = lang.startswith("zh")
    lines = [f"{t.table}: {t.rows} {'行' if zh else 'rows'}, sha256 {t.checksum[:12]}" for t in result.tables]
    lines.append((f"共 {result.rows} 行,{len(result.tables)} 个表的行数和校验和一致")
                 if zh else f"{result.rows} rows; row counts and checksums of all {len(result.tables)} "
                            "tables match")
    return lines



# ------------------------------------------------------------------ moving to a server


@dataclass(frozen=True)
class TargetCheck:
    """What a server database holds, before a copy: `state` is one of
    "ready" (upgraded and empty), "blank" (no schema yet: the copy creates it first),
    "not_empty" (`table` holds `rows`) or "other_schema" (at `revision`, not this station's)."""

    state: str
    revision: str | None = None
    table: str | None = None
    rows: int = 0


def _unreachable(url: str, exc: BaseException) -> BackupError:
    from db.engine import describe_url

    return BackupError("copy_unreachable", db=describe_url(url), detail=_first_line(exc))


def probe_target(url: str) -> TargetCheck:
    """"Test" of the move-to-server dialog: can the station's data go into `url`?"""
    from db.engine import make_engine

    engine = make_engine(url)
    try:
        if is_blank(engine):
            return TargetCheck("blank")
        revision, table, rows = target_state(engine)
        if revision != head_revision():
            return TargetCheck("other_schema", revision=revision)
        if table is not None:
            return TargetCheck("not_empty", revision=revision, table=table, rows=rows)
        return TargetCheck("ready", revision=revision)
    except (sa_exc.OperationalError, sa_exc.InterfaceError) as exc:
        raise _unreachable(url, exc) from exc
    finally:
        engine.dispose()


def open_target(url: str) -> tuple[Engine, bool]:
    """The target's engine, with the schema created when the database is blank (then True)."""
    from db.engine import make_engine

    engine = make_engine(url)
    try:
        if is_blank(engine):
            upgrade(engine)
            return engine, True
    except (sa_exc.OperationalError, sa_exc.InterfaceError) as exc:
        engine.dispose()
        raise _unreachable(url, exc) from exc
    except BaseException:
        engine.dispose()
        raise
    return engine, False


def same_database(a: str, b: str) -> bool:
    return make_url(a).render_as_string(hide_password=False) == make_url(b).render_as_string(hide_password=False)


def move_to_server(source_url: str, target_url: str, progress: CopyProgress | None = None) -> CopyResult:
    """The station's database (`source_url`) copied into the server database `target_url`:
    the schema created there first if it is blank, then `copy_database`."""
    from db.engine import describe_url, make_engine
    from db.migrate import needs_upgrade

    if same_database(source_url, target_url):
        raise BackupError("copy_same_database", db=describe_url(target_url))
    source = make_engine(source_url)
    try:
        if source.dialect.name == "sqlite" and needs_upgrade(source):
            upgrade(source)  # the embedded database is upgraded by the station itself too
        target, _created = open_target(target_url)
        try:
            return copy_database(source, target, progress)
        finally:
            target.dispose()
    finally:
        source.dispose()


def is_blank_url(url: str) -> bool:
    """`is_blank` of the database at `url` (unreachable → the copy's message)."""
    from db.engine import make_engine

    engine = make_engine(url)
    try:
        return is_blank(engine)
    except (sa_exc.OperationalError, sa_exc.InterfaceError) as exc:
        raise _unreachable(url, exc) from exc
    finally:
        engine.dispose()
