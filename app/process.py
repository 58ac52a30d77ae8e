"""How a station process loads its libraries and how a command's process ends, out of the
cyclic garbage collector's way.

Importing SQLAlchemy, psycopg and the models (and, for the window, Qt) makes some hundred
thousand objects that live as long as the process. With the collector on, the allocations
of the imports themselves set off passes that walk all of them again and again, and the
interpreter's exit walks them once more before freeing them: together a third of the CPU
time of `rma-station report monthly --json` (0.62 → 0.40 CPU-s measured, SQLite, 20 k
lines) and a tenth of the window's cold start. `loading()` keeps the collector off while
they load, then moves them to the permanent generation (gc.freeze, as ui.memory does for
the window's objects), and the collector runs again for the work that follows; `ending()`
collects the command's own cycles and freezes what is left before the command returns to
the interpreter's exit, which then frees it all by reference counts alone, without a last
full pass over the libraries. Nothing else changes: files, connections and atexit
handlers close as before.

Only a process of its own (`rma-station …`, the window's start) does this; a test or tool
calling main.main([...]) in its own interpreter keeps its collector as it was.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def loading() -> Iterator[None]:
    """Imports and long-lived set-up: no cyclic collection while they run; what exists at
    the end is frozen (never walked again) and the collector resumes as it was."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def ending() -> None:
    """A command is done and its process ends: no last full pass over the libraries.

    The command's own garbage cycles are collected first, while everything is still alive
    (a pass over what the command made: the libraries are frozen since `loading`), so any
    file or connection held in one is closed by its finalizer as before."""
    gc.collect()
    gc.freeze()
