"""Benchmark: legacy import of N rows (default 10,000; goal ≤ 10 s) beside the bare read.

Run on demand: python3 tools/dev.py bench   (RMA_BENCH_IMPORT_ROWS=20000 for twice the size)

It prints the time of reading the workbook alone (app.excel.legacy) and of the whole
import (read + write + commit), for N and N/2 rows, so a reader sees whether the writing
part grows linearly. Nothing is asserted about time (machines differ); the import's
result is checked.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session, sessionmaker

from app.excel.importer import import_workbook
from app.excel.legacy import read_legacy_workbook
from db.engine import unit_of_work
from tests.unit.excel.test_import_concurrency import workbook

pytestmark = pytest.mark.perf
N = int(os.environ.get("RMA_BENCH_IMPORT_ROWS", "10000"))


def test_import_against_bare_read(factory: sessionmaker[Session], actors: dict[str, Any], db_url: str,
                                  tmp_path: Path) -> None:
    backend = db_url.split(":", 1)[0]
    for rows, tag in ((N // 2, "H"), (N, "F")):
        path = workbook(tmp_path / f"{tag}.xlsx", rows, tag)
        t0 = time.perf_counter()
        read = read_legacy_workbook(path)
        bare = time.perf_counter() - t0
        assert len(read.rows) == rows
        t0 = time.perf_counter()
        with unit_of_work(factory) as s:
            result = import_workbook(s, actors["qa"], path)
        ours = time.perf_counter() - t0
        assert result.returns_created == rows
        print(f"\n[{backend}] import of {rows:,} rows: {ours:.1f} s "
              f"(bare read of the workbook {bare:.1f} s, writing {ours - bare:.1f} s; goal ≤ 10 s at 10,000)")
