"""`rma-station report monthly --json` loads only what it needs (issue 12: the whole
command ≤ 0.6 s): no openpyxl, ReportLab, legacy parser, Qt or Alembic, nor the server
roles, password hashing or the platform's folders, and the schema check is one SELECT of
alembic_version. Nothing is timed: the modules are counted."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import text

from db.schema_version import head_revisions, schema_is_current
from tests.unit.services.helpers import approved

ROOT = Path(__file__).resolve().parents[3]
HEAVY = ("openpyxl", "reportlab", "PySide6", "app.excel.legacy", "alembic", "barcode", "PIL",
         # the server roles are a per-person log-in's, password hashing a log-in's or a signature's,
         # the platform's data folder the embedded database's
         "app.services.server_roles", "db.roles", "argon2", "platformdirs")

PROBE = """
import json, sys
import main
code = main.main(["report", "monthly", "--month", "2026-03", "--json"])
heavy = sorted({m for m in sys.modules for h in HEAVY if m == h or m.startswith(h + ".")})
print("\\n@@" + json.dumps({"code": code, "heavy": heavy}))
"""


def test_json_report_imports_no_workbook_pdf_qt_or_alembic(db_url, factory, actors) -> None:
    approved(factory, actors)  # received 5 March 2026
    env = {**os.environ, "RMA_DATABASE_URL": db_url, "RMA_LANG": "en"}
    # on SQLite nothing goes through the PostgreSQL dialect (db.models' index options, the
    # counters' INSERT): its modules stay unloaded too
    watched = HEAVY if db_url.startswith("postgresql") else (*HEAVY, "sqlalchemy.dialects.postgresql")
    done = subprocess.run([sys.executable, "-c", f"HEAVY = {watched!r}\n" + PROBE], cwd=ROOT, env=env,
                          capture_output=True, text=True, check=True)
    out, probe = done.stdout.rsplit("\n@@", 1)
    assert json.loads(probe) == {"code": 0, "heavy": []}
    assert json.loads(out)["lines"] == 1


def test_the_schema_check_is_one_version_query(engine) -> None:
    assert len(head_revisions()) == 1
    assert schema_is_current(engine)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0007'"))
    assert not schema_is_current(engine)
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE alembic_version"))
    assert not schema_is_current(engine)  # a new database: db.migrate creates the schema
