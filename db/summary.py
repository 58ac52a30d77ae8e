"""line_month_total: the sums of each month's counted lines, kept by the database (issue 12).

The monthly statistics' 13-month trend needs, per month, the lines, pieces and money of
return_line grouped by stat_month. Grouped from the lines that is ~250,000 index entries
at a million lines; read from here it is 13 rows of the primary key. The table is kept
by the database's own triggers on return_line, so that every way a line is written —
the services through the ORM, the bulk import and the demo fill by COPY, the corrections,
a cancel (stat_month set NULL), psql — keeps it exact in the same transaction:

- PostgreSQL: statement-level AFTER INSERT / UPDATE / DELETE triggers with transition
  tables (one aggregate per statement, not a call per row: a COPY of 10,000 lines costs
  one GROUP BY of them) and an AFTER TRUNCATE trigger. The function adds the statement's
  deltas per month with one INSERT … ON CONFLICT DO UPDATE, months in ascending order (two
  writers lock the months they share in the same order), and only for months whose sums
  change: a save of findings or status touches no row of the summary, so the benches do
  not queue on it. It is SECURITY DEFINER (run as the owner who made it, the schema owner
  under db.migrate) with a fixed search_path: a station login reads the table (SELECT, as
  every table, db.roles) but cannot write it, and its writes of lines still keep it.
  The triggers are ENABLE ALWAYS: they fire under session_replication_role = replica too,
  which the owner's bulk loads use to skip the per-row triggers (app.services.bulk.owner_load)
  — those do nothing for such a load, this one must not be skipped.
- SQLite: row-level AFTER triggers doing the same upsert per row (one writer at a time;
  an executemany's rows are each a B-tree update of one month's row).

A month whose lines are all gone (cancelled, deleted) loses its row: the table is always
exactly `SELECT stat_month, count(*), sum(…) FROM return_line GROUP BY stat_month`
(`rebuild_sql` is that statement; migration 0022 back-fills with it).

A later migration that rebuilds return_line on SQLite (batch mode: copy and rename) drops
these triggers with the old table: it must create them again (`create_sql`).
"""

from __future__ import annotations

TABLE = "line_month_total"
#: the lines' columns summed per month (the summary's columns of the same names and types)
SUMMED: tuple[str, ...] = ("qty_counted", "amount", "refund_amount", "material_cost", "labour_cost",
                           "other_cost", "scrapped_value", "loss_cost")
COLUMNS: tuple[str, ...] = ("stat_month", "lines", *SUMMED)
FUNCTION = "rma_line_month_total()"
_PG_TRIGGERS = {"insert": "INSERT", "update": "UPDATE", "delete": "DELETE"}
_PG_TRUNCATE = "rma_line_month_total_truncate"


def _cols() -> str:
    return ", ".join(COLUMNS)


def rebuild_sql() -> list[str]:
    """The summary computed again from the lines (back-fill and repair), in the caller's
    transaction."""
    sums = ", ".join(f"coalesce(sum({c}), 0)" for c in SUMMED)
    return [f"DELETE FROM {TABLE}",
            f"INSERT INTO {TABLE} ({_cols()}) SELECT stat_month, count(*), {sums} FROM return_line "
            "WHERE stat_month IS NOT NULL GROUP BY stat_month"]


def _pg_upsert(changes: str) -> str:
    """Add the per-month deltas of `changes` (rows of stat_month, lines, SUMMED …) to the summary."""
    sums = ", ".join(f"sum({c})" for c in ("lines", *SUMMED))
    changed = " OR ".join(f"sum({c}) <> 0" for c in ("lines", *SUMMED))
    add = ", ".join(f"{c} = t.{c} + excluded.{c}" for c in ("lines", *SUMMED))
    return f"""
          WITH up AS (
            INSERT INTO {TABLE} AS t ({_cols()})
            SELECT stat_month, {sums} FROM ({changes}) c
            GROUP BY stat_month HAVING {changed} ORDER BY stat_month
            ON CONFLICT (stat_month) DO UPDATE SET {add}
            RETURNING t.stat_month, t.lines)
          SELECT array_agg(stat_month) FILTER (WHERE lines = 0) INTO emptied FROM up;"""


def _rows(table: str, sign: str) -> str:
    values = ", ".join(f"{sign}{c} AS {c}" for c in SUMMED)
    return f"SELECT stat_month, {sign}1 AS lines, {values} FROM {table} WHERE stat_month IS NOT NULL"


def _pg_sql() -> list[str]:
    function = f"""CREATE OR REPLACE FUNCTION {FUNCTION} RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $f$
        DECLARE emptied integer[];
        BEGIN
          IF TG_OP = 'TRUNCATE' THEN
            DELETE FROM {TABLE};
            RETURN NULL;
          ELSIF TG_OP = 'INSERT' THEN{_pg_upsert(_rows("new_line", ""))}
          ELSIF TG_OP = 'UPDATE' THEN{_pg_upsert(_rows("new_line", "") + " UNION ALL " + _rows("old_line", "-"))}
          ELSE{_pg_upsert(_rows("old_line", "-"))}
          END IF;
          IF emptied IS NOT NULL THEN  -- a month without lines has no row, as in a GROUP BY
            DELETE FROM {TABLE} WHERE stat_month = ANY (emptied) AND lines = 0;
          END IF;
          RETURN NULL;
        END $f$"""
    out = [function,
           # a trigger function is called by no one directly; only the owner's triggers use it
           f"REVOKE ALL ON FUNCTION {FUNCTION} FROM PUBLIC"]
    for op, event in _PG_TRIGGERS.items():
        name = f"rma_line_month_total_{op}"
        refs = {"INSERT": "NEW TABLE AS new_line", "DELETE": "OLD TABLE AS old_line",
                "UPDATE": "OLD TABLE AS old_line NEW TABLE AS new_line"}[event]
        out += [f"DROP TRIGGER IF EXISTS {name} ON return_line",
                f"CREATE TRIGGER {name} AFTER {event} ON return_line REFERENCING {refs} "
                f"FOR EACH STATEMENT EXECUTE FUNCTION {FUNCTION}",
                f"ALTER TABLE return_line ENABLE ALWAYS TRIGGER {name}"]
    out += [f"DROP TRIGGER IF EXISTS {_PG_TRUNCATE} ON return_line",
            f"CREATE TRIGGER {_PG_TRUNCATE} AFTER TRUNCATE ON return_line "
            f"FOR EACH STATEMENT EXECUTE FUNCTION {FUNCTION}",
            f"ALTER TABLE return_line ENABLE ALWAYS TRIGGER {_PG_TRUNCATE}"]
    return out


def _sqlite_upsert(row: str, sign: str) -> str:
    values = ", ".join(f"{sign}{row}.{c}" for c in SUMMED)
    add = ", ".join(f"{c} = {c} + excluded.{c}" for c in ("lines", *SUMMED))
    return (f"INSERT INTO {TABLE} ({_cols()}) SELECT {row}.stat_month, {sign}1, {values} "
            f"WHERE {row}.stat_month IS NOT NULL ON CONFLICT (stat_month) DO UPDATE SET {add};")


def _sqlite_sql() -> list[str]:
    emptied = f"DELETE FROM {TABLE} WHERE stat_month = OLD.stat_month AND lines = 0;"
    moved = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in ("stat_month", *SUMMED))
    return [
        "DROP TRIGGER IF EXISTS line_month_total_insert",
        f"CREATE TRIGGER line_month_total_insert AFTER INSERT ON return_line "
        f"BEGIN {_sqlite_upsert('NEW', '')} END",
        "DROP TRIGGER IF EXISTS line_month_total_update",
        f"CREATE TRIGGER line_month_total_update AFTER UPDATE OF {', '.join(('stat_month', *SUMMED))} "
        f"ON return_line WHEN {moved} "
        f"BEGIN {_sqlite_upsert('OLD', '-')} {_sqlite_upsert('NEW', '')} {emptied} END",
        "DROP TRIGGER IF EXISTS line_month_total_delete",
        f"CREATE TRIGGER line_month_total_delete AFTER DELETE ON return_line "
        f"BEGIN {_sqlite_upsert('OLD', '-')} {emptied} END",
    ]


def create_sql(dialect: str) -> list[str]:
    """The triggers (and on PostgreSQL their function) that keep the summary; idempotent."""
    return _pg_sql() if dialect == "postgresql" else _sqlite_sql()


def drop_sql(dialect: str) -> list[str]:
    if dialect == "postgresql":
        return [*(f"DROP TRIGGER IF EXISTS rma_line_month_total_{op} ON return_line" for op in _PG_TRIGGERS),
                f"DROP TRIGGER IF EXISTS {_PG_TRUNCATE} ON return_line", f"DROP FUNCTION IF EXISTS {FUNCTION}"]
    return [f"DROP TRIGGER IF EXISTS line_month_total_{op}" for op in ("insert", "update", "delete")]
