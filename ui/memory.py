"""The window's long-lived objects kept out of the garbage collector's full passes.

A full collection walks every object the process tracks and stops every thread while it
does: the UI thread and the workers alike. A station window with its tabs holds some
150,000 such objects (widgets' wrappers, the ORM's mappers, translations), and a full
pass over them took about 300 ms on an idle machine of two cores — seconds when the
machine is loaded — for nothing, as they live as long as the window. `settle` moves what
exists now into the permanent generation (gc.freeze) once the window (or a tab built
later) is up, so the collections that follow walk only what came after: the rows, the
sessions and the results of the work going on. `release` gives them back to the
collector when a window closes (a closed window's objects can be freed again).
"""

from __future__ import annotations

import gc


def settle() -> None:
    """What exists now lives as long as the window: out of the full collections' way."""
    gc.freeze()


def release() -> None:
    """A window closed: its objects may be garbage now; the collector sees them again."""
    gc.unfreeze()
