"""Sub-commands of `rma-station` that run without the window (no Qt imports here).

Each module exposes `register(subparsers)`; `main.py` collects them. A command's
handler returns the process exit code and prints in the user's language (RMA_LANG or
the system locale; Chinese first).
"""

from __future__ import annotations

import os
from importlib import import_module
from types import ModuleType

COMMAND_MODULES = ["db", "demo", "users", "printing", "reports", "export", "importer", "masterdata"]


# The module of each command: one command imports only its module (`report monthly --json`
# then loads neither openpyxl, ReportLab nor the legacy parser). A command not listed here
# makes every module load, as before.
COMMAND_MODULE = {"db": "db", "demo": "demo", "user": "users", "label": "printing", "slip": "printing",
                  "eightd": "printing", "report": "reports", "export": "export", "import": "importer",
                  "masterdata": "masterdata"}


def modules(command: str | None = None) -> list[ModuleType]:
    """The command modules, or only the one of `command` when it is known."""
    found = []
    for name in [COMMAND_MODULE[command]] if command in COMMAND_MODULE else COMMAND_MODULES:
        try:
            found.append(import_module(f"app.commands.{name}"))
        except ModuleNotFoundError as exc:
            if exc.name != f"app.commands.{name}":
                raise
    return found


def cli_lang() -> str:
    lang = os.environ.get("RMA_LANG") or os.environ.get("LANG", "zh_CN")
    return "en" if lang.startswith("en") else "zh_CN"
