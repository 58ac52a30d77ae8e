"""Live refresh: what other stations changed shows here within two seconds, without F5.

`LiveRefresh` belongs to the main window (started and stopped with it). On PostgreSQL
it runs a db.notify.PgListener thread; its notifications come to the UI thread through a
queued signal and are gathered for `BATCH_MS`, so a burst (an import, a return of twenty
lines) is one refresh. On SQLite a QTimer polls ``PRAGMA data_version`` every `POLL_MS`
(db.notify.DataVersion): a change there says only that something changed.

A batch is announced on the context's StationEvents as the station's own changes are
(``linesChanged`` / ``returnsChanged`` / ``referenceChanged`` with the ids), with
``events.remote`` True while they are emitted, then ``remoteChanged(RemoteChange)``. A
change whose ids are not known — SQLite, a reconnect of the listener (what was sent
meanwhile is lost), a batch of more than `MAX_IDS` ids — is ``everything``: each list
reads its page again and each open record compares its versions with the database's.

The station's own writes carry its origin token (db.notify.register_origin) and are
skipped: it announced them itself after its commit.

An open record follows through a `RecordWatch`: its versions as loaded against the
database's now (app.services.changes). Changed and no unsaved input: it is read again.
Changed while the user has typed something: nothing is overwritten; `ChangedNotice`
says "Changed by X at T" with a Reload button, which reads the record and puts the
user's input back where it applies.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, ClassVar

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QWidget,
)
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from app.services.changes import Stamp, reference_stamp
from db.notify import (
    EVERYTHING,
    LINE,
    REFERENCE,
    RETURN,
    Change,
    DataVersion,
    PgListener,
    register_origin,
)
from ui.context import StationContext
from ui.i18n import Retranslatable

log = logging.getLogger(__name__)

BATCH_MS = 200  # notifications of one burst are one refresh
POLL_MS = 1000  # SQLite: how often data_version is read
MAX_IDS = 200  # more ids in one batch: read the lists again instead of row by row


@dataclass(frozen=True)
class RemoteChange:
    """What other stations changed, as one batch (``everything``: not known what)."""

    lines: tuple[int, ...] = ()
    returns: tuple[int, ...] = ()
    reference: bool = False
    everything: bool = False
    reconnected: bool = False


def gather(changes: list[Change]) -> RemoteChange:
    """A batch of notifications as one RemoteChange (ids in the order first announced)."""
    lines: dict[int, None] = {}
    returns: dict[int, None] = {}
    reference = False
    for c in changes:
        if c.table == EVERYTHING:
            return RemoteChange(everything=True)
        if c.table == REFERENCE:
            reference = True
        elif c.id is None:
            continue
        elif c.table == LINE:
            lines[c.id] = None
        elif c.table == RETURN:
            returns[c.id] = None
    if len(lines) + len(returns) > MAX_IDS:
        return RemoteChange(reference=reference, everything=True)
    return RemoteChange(tuple(lines), tuple(returns), reference)


def after_first_list(model: Any, then: Callable[[], None]) -> None:
    """`then()` once `model` (a list being read off the UI thread) has its first answer, at
    once when it is not reading. What the start reads besides the list (reference lists, the
    master data's stamp) waits for it: on SQLite each transaction takes the lock in turn and
    the pool's threads share one interpreter, so each read before the list delays the list
    the user waits for."""
    loading_changed = getattr(model, "loadingChanged", None)
    if loading_changed is None or not getattr(model, "loading", False):
        then()
        return

    def settled(busy: bool) -> None:
        if busy:
            return
        loading_changed.disconnect(settled)
        then()

    loading_changed.connect(settled)


def _first_list_of(window: Any) -> Any:
    """The list model of the tab a window shows (None when it shows none, or is no window)."""
    tabs = getattr(getattr(window, "ui", None), "tabs", None)
    tab = tabs.currentWidget() if tabs is not None else None
    return getattr(tab, "list_model", None) or getattr(tab, "model", None)


def _engine_of(ctx: StationContext) -> Engine | None:
    bind = getattr(ctx.factory, "kw", {}).get("bind")
    return bind if isinstance(bind, Engine) else None


class LiveRefresh(QObject):
    """Announces the other stations' changes on `ctx.events` (see the module's text)."""

    #: False: windows made while it is off do not listen (the UI tests switch it off, except
    #: those of live refresh, so no other test sees a refresh it did not ask for)
    enabled: ClassVar[bool] = True

    #: a batch was announced (tests wait for it)
    applied = Signal(object)
    # from the listener's thread: queued to the UI thread
    _arrived = Signal(list)
    _connected = Signal(bool)

    def __init__(self, ctx: StationContext, parent: QObject | None = None, *,
                 keepalive_s: float = 15.0) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.engine = _engine_of(ctx)
        self.backend = self.engine.dialect.name if self.engine is not None else ""
        self.origin = register_origin(self.engine) if self.engine is not None else ""
        self.listener: PgListener | None = None
        self.data_version: DataVersion | None = None
        self._pending: list[Change] = []
        self._everything = False
        self._reconnected = False
        self._running = False
        self._reference: Any = None  # the master data's stamp at the last "everything"
        self.batch_timer = QTimer(self)
        self.batch_timer.setSingleShot(True)
        self.batch_timer.setInterval(BATCH_MS)
        self.batch_timer.timeout.connect(self.flush)
        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(POLL_MS)
        self.poll_timer.timeout.connect(self.poll)
        self._arrived.connect(self._queue)
        self._connected.connect(self._on_connected)
        if self.backend == "postgresql" and self.engine is not None:
            self.listener = PgListener(self.engine, self._from_thread, self._connected_from_thread,
                                       keepalive_s=keepalive_s)
            # a window dropped without closing: its listener must not outlive it
            listener = self.listener
            self.destroyed.connect(lambda *_args: listener.stop())
        elif self.backend == "sqlite" and self.engine is not None and self.engine.url.database \
                and self.engine.url.database != ":memory:":
            self.data_version = DataVersion(self.engine.url.database)

    @property
    def running(self) -> bool:
        return self._running

    def start(self) -> bool:
        """Start following the other stations (False: switched off, or nothing to follow)."""
        if self._running or not self.enabled:
            return False
        # the master data's stamp, read off the UI thread once the window's first list has
        # arrived (a later "everything" compares with it; one still unread counts as moved)
        after_first_list(_first_list_of(self.parent()),
                         lambda: self.ctx.query(reference_stamp, self._reference_read, initiator=self))
        if self.listener is not None:
            self.listener.start()
        elif self.data_version is not None:
            self.data_version.changed()  # the number now: what changes after it counts
            self.poll_timer.start()
        else:
            return False
        self._running = True
        return True

    def stop(self) -> None:
        """Stop (the window closes): the listener's connection is closed, timers stopped."""
        self._running = False
        self.poll_timer.stop()
        self.batch_timer.stop()
        if self.listener is not None:
            self.listener.stop()
        if self.data_version is not None:
            self.data_version.close()

    # -------------------------------------------------- arriving

    def _from_thread(self, changes: list[Change]) -> None:
        if self._running:
            self._arrived.emit(changes)

    def _connected_from_thread(self, again: bool) -> None:
        if self._running:
            self._connected.emit(again)

    def _queue(self, changes: list[Change]) -> None:
        mine = self.origin
        theirs = [c for c in changes if not (mine and c.origin == mine)]
        if not theirs or not self._running:
            return
        self._pending.extend(theirs)
        if not self.batch_timer.isActive():
            self.batch_timer.start()

    def _on_connected(self, again: bool) -> None:
        if again and self._running:
            # what the others did while the connection was down was announced to no one here
            self._everything = True
            self._reconnected = True
            if not self.batch_timer.isActive():
                self.batch_timer.start()

    def poll(self) -> bool:
        """SQLite: read data_version; a change is announced at once. True when it changed."""
        if self.data_version is None or not self._running:
            return False
        if not self.data_version.changed():
            return False
        self._everything = True
        self.flush()
        return True

    # -------------------------------------------------- announcing

    def flush(self) -> None:
        """Announce what arrived (the batch timer calls it; tests may too)."""
        self.batch_timer.stop()
        changes, self._pending = self._pending, []
        everything, self._everything = self._everything, False
        reconnected, self._reconnected = self._reconnected, False
        if not changes and not everything:
            return
        change = gather(changes)
        if everything or change.everything:
            # not known what: the pick lists only when the master data moved (re-reading
            # them would disturb a customer name being typed at the desk); its stamp is
            # read on a pool thread, the announcement made when it arrives
            known = change.reference

            def compared(reference: Any) -> None:
                moved = known or (reference is not None and reference != self._reference)
                self._reference_read(reference)
                if self._running:
                    self.announce(RemoteChange(reference=moved, everything=True, reconnected=reconnected))

            self.ctx.query(reference_stamp, compared, initiator=self,
                           on_lost=lambda _exc: compared(None))
            return
        self.announce(change)

    def _reference_read(self, reference: Any) -> None:
        if reference is not None:
            self._reference = reference

    def announce(self, change: RemoteChange) -> None:
        events = self.ctx.events
        events.remote = True
        try:
            if change.lines:
                events.linesChanged.emit(list(change.lines))
            if change.returns:
                events.returnsChanged.emit(list(change.returns))
            if change.reference:
                events.referenceChanged.emit()
            events.remoteChanged.emit(change)
        finally:
            events.remote = False
        self.applied.emit(change)


# ------------------------------------------------------------------ the open record


def _when(moment: datetime | None) -> str:
    if moment is None:
        return "?"
    local = moment.astimezone()
    if local.date() == datetime.now().astimezone().date():
        return local.strftime("%H:%M:%S")
    return local.strftime("%Y-%m-%d %H:%M")


class ChangedNotice(Retranslatable, QFrame):
    """The strip over an open form with unsaved input whose record another station changed:
    "Changed by X at T" and Reload (the user's input is put back after reading)."""

    reloadRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ChangedNotice")
        self.setStyleSheet("#ChangedNotice { background: #fff3b0; border: 1px solid #d9b700; border-radius: 3px; }"
                           "#ChangedNotice QLabel { color: #4a3b00; }")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.reload_button = QPushButton(self)
        self.reload_button.clicked.connect(self.reloadRequested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.reload_button)
        self._by = ""
        self._at: datetime | None = None
        self.hide()
        self.retranslate()

    def show_change(self, by: str, at: datetime | None) -> None:
        self._by, self._at = by, at
        self.retranslate()
        self.show()

    def retranslate(self) -> None:
        self.label.setText(self.tr("Changed by %1 at %2").replace("%1", self._by or "?")
                           .replace("%2", _when(self._at)))
        self.reload_button.setText(self.tr("Reload"))
        self.reload_button.setToolTip(self.tr("Read the record as it is now; what you typed is kept"))


def place_notice(notice: ChangedNotice, beside: QWidget, *, after: bool) -> None:
    """Put the notice into the box layout that holds `beside`, just before or after it."""
    parent = beside.parentWidget()
    layout = parent.layout() if parent is not None else None
    if isinstance(layout, QBoxLayout):
        index = layout.indexOf(beside)
        if index >= 0:
            layout.insertWidget(index + 1 if after else index, notice)
            return
    notice.setParent(parent)  # pragma: no cover — a form without a box layout there


class RecordWatch:
    """An open form's record against the database's (see the module's text).

    `seen()` gives the versions the form loaded (db.services.changes.Stamp's form) or None
    when no record is open; `read(session)` the Stamp now; `busy()` is True while the form
    holds unsaved input or its own save is under way; `reload()` reads the record into the
    form again; `reload_keep()` reads it and puts the input back.
    """

    def __init__(self, ctx: StationContext, notice: ChangedNotice, *,
                 seen: Callable[[], tuple[tuple[str, int, int], ...] | None],
                 read: Callable[[Session], Stamp], busy: Callable[[], bool],
                 reload: Callable[[], Any], reload_keep: Callable[[], Any]) -> None:
        self.ctx = ctx
        self.notice = notice
        self.seen = seen
        self.read = read
        self.busy = busy
        self.reload = reload
        self.reload_keep = reload_keep
        self._checking = False  # a comparison is under way on a pool thread
        self._again = False  # asked again meanwhile
        notice.reloadRequested.connect(self._reload_requested)

    def check(self) -> str:
        """Compare the open record's versions with the database's, off the UI thread, and
        act when they arrive. Returns what was done: "none", "same", "reloaded", "noticed",
        or "asked" while the answer is on its way (synchronous mode: always the outcome)."""
        if self.seen() is None:
            self.notice.hide()
            return "none"
        if self._checking:
            # a comparison is under way: one more when it ends, however often asked meanwhile
            self._again = True
            return "asked"
        self._checking, self._again = True, False
        done = ["asked"]

        def compared(stamp: Stamp | None) -> None:
            self._checking = False
            if self._again:
                self._again = False
                done[0] = self.check()  # what was compared is older than what was announced
                return
            done[0] = self._compare(stamp)

        def lost(_exc: Any) -> None:
            self._checking = False  # the database is gone: the banner says so

        # the versions are read on a pool thread: a busy server stalls the comparison, not the window
        self.ctx.query(self.read, compared, on_lost=lost, initiator=self.notice,
                       on_error=lambda _exc: lost(None))
        return done[0]

    def _compare(self, stamp: Stamp | None) -> str:
        seen = self.seen()  # what the form holds now (it may have been read again meanwhile)
        if seen is None:
            self.notice.hide()
            return "none"
        if stamp is None:
            return "none"
        if stamp.versions is not None and tuple(sorted(seen)) == stamp.versions:
            return "same"
        if not self.busy():
            self.reload()
            return "reloaded"
        self.notice.show_change(stamp.by, stamp.at)
        return "noticed"

    def _reload_requested(self) -> None:
        self.notice.hide()
        self.reload_keep()


def seen_of_line(line: dict[str, Any] | None) -> tuple[tuple[str, int, int], ...] | None:
    """A bench's loaded line as versions: its own and its return's."""
    if not line:
        return None
    return (("line", int(line["id"]), int(line["version"])),
            ("return", int(line["return_id"]), int(line["return_version"])))


def seen_of_return(record: dict[str, Any] | None) -> tuple[tuple[str, int, int], ...] | None:
    """The desk's loaded return as versions: its own and its lines'."""
    if not record:
        return None
    return (("return", int(record["id"]), int(record["version"])),
            *(("line", int(ln["_id"]), int(ln["_version"])) for ln in record.get("lines", ())))


def where_it_applies(state: Any, values: dict[str, Any]) -> dict[str, Any]:
    """The typed values whose field can still take them after the reload (an enabled,
    editable field: a step another station took meanwhile may have closed it)."""
    out = {}
    for key, value in values.items():
        widget = state.inputs.get(key)
        if widget is None or not widget.isEnabled():
            continue
        read_only = getattr(widget, "isReadOnly", None)
        if callable(read_only) and read_only():
            continue
        out[key] = value
    return out


def reload_keeping_input(state: Any, reload: Callable[[], bool],
                         capture_extra: Callable[[], dict[str, Any]] | None = None,
                         restore_extra: Callable[[dict[str, Any]], None] | None = None) -> bool:
    """Read the record again (`reload`, False when it could not) and put back what the user
    typed since it was loaded, where it applies. Returns whether it was read."""
    typed = state.typed()
    extra = capture_extra() if capture_extra is not None else {}
    if not reload():
        return False
    kept = where_it_applies(state, typed)
    if kept:
        state.restore(kept)
    if restore_extra is not None:
        restore_extra(extra)
    return True
