"""What waits for me: the queues of the user's roles, counted, in the work tabs' titles.

"检验判定 · 待检验 12 (逾期 3)": each tab names the queues it serves that wait for one of
the user's roles (app.services.queues.ROLE_QUEUES), with how many and how many are late.
The counts are read once when the window opens, again after every action that changed
lines or returns (ctx.events) and on F5 — a handful of indexed counts, never a table scan.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from app.errors import StationError
from app.services.queues import QueueCount, RoleQueue, queue_counts, queues_for_roles
from db.engine import run_in_transaction
from ui.coalesce import Coalesced
from ui.context import StationContext
from ui.worker import run_in_background

# Which tab each queue is worked in.
TAB_QUEUES: dict[str, tuple[RoleQueue, ...]] = {
    "incoming": (RoleQueue.REGISTER, RoleQueue.SALES, RoleQueue.APPROVE),
    "inspection": (RoleQueue.INSPECT, RoleQueue.DECIDE),
    "rework": (RoleQueue.REWORK, RoleQueue.REINSPECT, RoleQueue.CLOSE),
}


class QueueTitles(QObject):
    """Holds the counts of the user's queues and says when they changed."""

    changed = Signal()

    def __init__(self, ctx: StationContext, tabs: list[str], parent: QObject | None = None,
                 today: Callable[[], date] = date.today) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = today
        mine = queues_for_roles(ctx.actor.roles)
        if RoleQueue.SALES in mine:
            # the returns registered and waiting for sales: one count, not two of the same
            mine = [q for q in mine if q is not RoleQueue.REGISTER]
        self.queues: dict[str, list[RoleQueue]] = {
            tab: [q for q in TAB_QUEUES.get(tab, ()) if q in mine] for tab in tabs}
        self.counts: dict[RoleQueue, QueueCount] = {}
        self._counting = False  # a count is under way on a pool thread
        self._again = False  # asked again meanwhile: count once more when it ends
        # another station's changes: one count per burst (ui.coalesce), not one per change
        self.coalesced = Coalesced(lambda _ids, _all: self.refresh(), self)
        ctx.events.linesChanged.connect(self._changed)
        ctx.events.returnsChanged.connect(self._changed)

    def _changed(self, _ids: list[int]) -> None:
        if self.ctx.events.remote:
            self.refresh_soon()
        else:
            self.refresh()

    def refresh_soon(self) -> None:
        """Count again when the coalescing timer fires (another station's changes)."""
        self.coalesced.add(everything=True)

    def refresh(self) -> None:
        """Count again, on a pool thread (the window's start and every action go on
        meanwhile). While a count is under way, asking again makes one more count after
        it, however many times it is asked (a busy network must not queue a count per
        change). When the database is gone the old counts stay (the lists' reads say so)."""
        wanted = [q for qs in self.queues.values() for q in qs]
        if not wanted:
            return
        self.coalesced.clear()
        if self._counting:
            self._again = True
            return
        self._counting, self._again = True, False
        today = self.today()
        self._asked = asked = getattr(self, "_asked", 0) + 1
        factory, actor = self.ctx.factory, self.ctx.actor

        def count(_progress: Any) -> dict[RoleQueue, QueueCount]:
            return run_in_transaction(factory, lambda s: queue_counts(s, wanted, today),
                                      actor=actor, station=actor.station)

        def ended() -> None:
            # one count at a time; asked again meanwhile: once more now
            self._counting = False
            if self._again:
                self.refresh()

        def counted(found: dict[RoleQueue, QueueCount]) -> None:
            if not shiboken6.isValid(self):
                return
            if asked == self._asked and found != self.counts:
                # the same counts again (most changes move none): no title set, no repaint
                self.counts = found
                self.changed.emit()
            ended()

        def failed(exc: BaseException) -> None:
            if not shiboken6.isValid(self):
                return
            ended()
            if not isinstance(exc, StationError):
                from ui.errors import report_error

                report_error(exc)

        parent = self.parent()
        run_in_background(parent if isinstance(parent, QWidget) else None, count, title="", on_done=counted,
                          on_error=failed, cancellable=False, show_progress=False)

    def names(self) -> dict[RoleQueue, str]:
        return {RoleQueue.REGISTER: self.tr("To register"),
                RoleQueue.SALES: self.tr("To confirm"),
                RoleQueue.APPROVE: self.tr("To approve"),
                RoleQueue.INSPECT: self.tr("To inspect"),
                RoleQueue.DECIDE: self.tr("To decide"),
                RoleQueue.REWORK: self.tr("To rework"),
                RoleQueue.REINSPECT: self.tr("To re-inspect"),
                RoleQueue.CLOSE: self.tr("To close")}

    def suffix(self, tab: str) -> str:
        """" · 待检验 12 (逾期 3)" for a tab, "" when no queue of the user's is worked there."""
        names = self.names()
        parts = []
        for q in self.queues.get(tab, []):
            c = self.counts.get(q)
            if c is None:
                continue
            text = self.tr("%1 %2").replace("%1", names[q]).replace("%2", str(c.count))
            if c.overdue:
                text += " " + self.tr("(%1 late)").replace("%1", str(c.overdue))
            parts.append(text)
        return "".join(" · " + p for p in parts)
