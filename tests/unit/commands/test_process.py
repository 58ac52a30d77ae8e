"""`rma-station` as its own process keeps the cyclic collector out of its imports and its exit
(app.process); main.main([...]) called by a test or a tool leaves the caller's collector alone.
Nothing is timed: what is checked is the collector's state and the command's output."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from pathlib import Path

from main import main
from tests.unit.services.helpers import approved

ROOT = Path(__file__).resolve().parents[3]

PROBE = """
import gc, json, sys
import main
from app.commands import reports

seen = {}
run = reports.run

def watched(args):
    # the command's own work runs with the collector on, the loaded libraries frozen
    seen.update(enabled=gc.isenabled(), frozen=gc.get_freeze_count())
    return run(args)

reports.run = watched
sys.argv = ["rma-station", "report", "monthly", "--month", "2026-03", "--json"]
code = main.main()
print("\\n@@" + json.dumps({"code": code, **seen, "enabled_after": gc.isenabled()}))
"""


def test_the_command_process_freezes_its_libraries_and_collects_during_its_work(db_url, factory, actors) -> None:
    approved(factory, actors)  # received 5 March 2026
    env = {**os.environ, "RMA_DATABASE_URL": db_url, "RMA_LANG": "en"}
    done = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True,
                          check=True)
    out, probe = done.stdout.rsplit("\n@@", 1)
    seen = json.loads(probe)
    assert seen["code"] == 0
    assert seen["enabled"] is True and seen["enabled_after"] is True
    assert seen["frozen"] > 10_000  # SQLAlchemy, the models, the services: out of the full passes
    assert json.loads(out)["lines"] == 1


def test_main_called_with_arguments_leaves_the_callers_collector_alone(db_url, factory, actors, monkeypatch,
                                                                       capsys) -> None:
    approved(factory, actors)
    monkeypatch.setenv("RMA_DATABASE_URL", db_url)
    monkeypatch.setenv("RMA_LANG", "en")
    frozen = gc.get_freeze_count()
    assert main(["report", "monthly", "--month", "2026-03", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["lines"] == 1
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen
