"""`python3 tools/dev.py run` without a display: a screenshot from a scratch demo database,
and the user's real data folder stays without a database."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select

from db.engine import make_engine, make_session_factory
from db.identity import read_identity
from db.models import Return

ROOT = Path(__file__).resolve().parents[2]


def test_run_without_a_display_never_writes_demo_data_into_the_real_folder(tmp_path) -> None:
    real = tmp_path / "real-data"
    real.mkdir()
    scratch_parent = tmp_path / "tmp"
    scratch_parent.mkdir()
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "RMA_DATABASE_URL")}
    env.update(RMA_DATA_DIR=str(real), TMPDIR=str(scratch_parent), XDG_CONFIG_HOME=str(tmp_path / "config"))
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "dev.py"), "run"], env=env, cwd=ROOT,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert list(real.iterdir()) == []  # no database, no screenshot, nothing
    (scratch,) = scratch_parent.glob("rma-station-demo-*")
    shot = scratch / "rma-station-screenshot.png"
    assert shot.exists() and str(shot) in done.stdout
    assert "display" in done.stdout
    engine = make_engine(f"sqlite:///{scratch / 'demo.sqlite3'}")
    with make_session_factory(engine)() as s:
        assert read_identity(s).demo
        assert s.scalar(select(func.count()).select_from(Return)) == 200
    engine.dispose()
