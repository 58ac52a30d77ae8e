"""Changes announced in a burst, handed on once: one read per view per `REFRESH_MS`.

Another station's changes arrive all the time on a busy network (twenty clients make a
few dozen a second); a view that read its rows again after each would spend the UI
thread on reads and repaints. A `Coalesced` gathers the ids announced meanwhile and,
when its single-shot QTimer fires, calls the view once with all of them (or with
``everything`` when a full read was asked). Tests drive it with the timer (qtbot
waits for the view's signal), or call `flush` to hand on what was gathered now.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, QTimer

#: how long a view gathers remote changes before it reads again (one read per window)
REFRESH_MS = 250


class Coalesced(QObject):
    """Gathers ids for `fire(ids, everything)`, called once when the timer runs out."""

    def __init__(self, fire: Callable[[list[int], bool], None], parent: QObject | None = None,
                 interval_ms: int = REFRESH_MS) -> None:
        super().__init__(parent)
        self._fire = fire
        self._ids: dict[int, None] = {}  # in the order first announced
        self._everything = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.flush)

    @property
    def pending(self) -> bool:
        """Is something gathered and not yet handed on?"""
        return bool(self._ids) or self._everything

    def add(self, ids: Iterable[int] = (), *, everything: bool = False) -> None:
        """Gather `ids` (or a full read); the timer starts with the first of a burst and is
        not pushed back by the ones after it, so a steady stream is still read every window."""
        for i in ids:
            self._ids[int(i)] = None
        self._everything = self._everything or everything
        if self.pending and not self.timer.isActive():
            self.timer.start()

    def flush(self) -> None:
        """Hand on what was gathered now (the timer calls it)."""
        self.timer.stop()
        ids, self._ids = list(self._ids), {}
        everything, self._everything = self._everything, False
        if ids or everything:
            self._fire(ids, everything)

    def clear(self) -> None:
        """Forget what was gathered (a full read made it moot)."""
        self.timer.stop()
        self._ids.clear()
        self._everything = False
