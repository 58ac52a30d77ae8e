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


def modules() -> list[ModuleType]:
    found = []
    for name in COMMAND_MODULES:
        try:
            found.append(import_module(f"app.commands.{name}"))
        except ModuleNotFoundError as exc:
            if exc.name != f"app.commands.{name}":
                raise
    return found


def cli_lang() -> str:
    lang = os.environ.get("RMA_LANG") or os.environ.get("LANG", "zh_CN")
    return "en" if lang.startswith("en") else "zh_CN"
