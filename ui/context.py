"""What every tab of the station window is handed: the StationContext.

No global registry (qutebrowser's objreg regret): the main window builds one context
after the log-in and passes it to each tab, which keeps it as ``self.ctx``. It holds

- ``factory``   the SQLAlchemy session factory (one session per user action),
- ``actor``     the logged-in user (app.services.context.Actor, roles included),
- ``settings``  the per-machine options (ui.settings.StationSettings),
- ``language``  the window's language now ("zh_CN" or "en"),
- ``database``  a description of the database for the status bar ("SQLite: …"),
- ``events``    a QObject whose signals say what changed, so each view refreshes only
                what concerns it (Anki's operations pattern),
- ``print_return`` a hook the printing pieces set: print the labels and the handling
                notice of a return (None until they set it).

`StationContext.run` carries out one user action — one service call in one unit of
work (db.engine.run_in_transaction: a serialization failure or deadlock is run again
transparently) under a request id of its own (app.services.requests.perform_once, so a
retry after a lost commit answer finds its first commit instead of saving twice) — and
routes its failure: an expected error (StationError) becomes a message in
the user's language on ``events.message`` and is handed back to the form, which marks
the field at fault red and keeps its input; a lost database (DatabaseUnavailable)
raises ``events.databaseLost`` (the window shows ui.errors.DbBanner, which probes with
`probe`), the action is kept and run again by itself when the connection is back
(`resume`, or `check_database` which probes first); anything else
is a bug and propagates to the one crash handler (sys.excepthook), after the
transaction has been rolled back. While an action is kept, the same action (the same
`key`, or the same function over equal values) is not queued a second time.

Every action runs OFF the UI thread (Anki's CollectionOp): `run` hands `work` to a worker
thread of this context's own one-thread pool (actions are carried out one after the other,
in the order the user took them), with its own session and unit of work, and delivers the
Outcome on the UI thread through `on_done`. A stalled server therefore stalls the save, not
the window. While it runs, the form that started it (`initiator`) shows it is saving: the
`busy` buttons are disabled, the first one reads "Saving…", and a second submit from the
same form (Register pressed twice, Enter held) joins the running one instead of queueing a
second return. The announcement after the commit says who made the change
(`events.initiator` while linesChanged/returnsChanged are emitted, and `events.changed`
with a `Change`), so a form can tell its own save from another station's.
`query` is the read counterpart for reads longer than a frame (previews, print data).
In UI tests the worker runs synchronously (tests/ui/conftest.py), so `run` has finished —
and its Outcome is complete — when it returns.
"""

from __future__ import annotations

import sys
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QAbstractButton, QLabel, QPushButton, QWidget
from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker

from app.codes import Role
from app.errors import ActionPending, DatabaseUnavailable, StationError
from app.services.context import Actor
from app.services.requests import perform_once
from db.engine import run_in_transaction, run_read, unit_of_work
from ui.errors import mark_field
from ui.i18n import current_language, translate
from ui.worker import Worker, run_in_background

T = TypeVar("T")


class StationEvents(QObject):
    """The signals views listen to. Payloads are ids, never ORM objects (sessions are short)."""

    #: return lines whose state or content changed (ids)
    linesChanged = Signal(list)
    #: returns (handling notices) whose state or content changed (ids)
    returnsChanged = Signal(list)
    #: customers, products, users or business settings changed
    referenceChanged = Signal()
    #: an expected error or a short notice for the status bar, already in the user's language
    message = Signal(str)
    #: the database connection was lost (the DatabaseUnavailable); the window shows its banner
    databaseLost = Signal(object)
    #: the connection is back; kept actions have been run again
    databaseRestored = Signal()
    #: how many actions are kept, waiting for the database (after each change)
    keptChanged = Signal(int)
    #: the window's language changed ("zh_CN" / "en")
    languageChanged = Signal(str)
    #: a user asked to print the labels and handling notice of a return (its id)
    printRequested = Signal(int)
    #: live refresh (ui.live): another station's changes (a ui.live.RemoteChange), after the
    #: linesChanged / returnsChanged / referenceChanged it announced with `remote` True
    remoteChanged = Signal(object)
    #: True while ui.live announces another station's changes on the signals above: a view
    #: never takes them for its own save, and a form with unsaved input is not read over
    remote: bool = False
    #: after linesChanged/returnsChanged of one action: the same ids and who made the change
    changed = Signal(object)
    #: an action of a form (the initiator, or None) started (True) or ended (False: after
    #: its on_done)
    busyChanged = Signal(object, bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        #: while linesChanged/returnsChanged are emitted: the form whose action it was
        #: (None: another form without one, another station, a refresh)
        self.initiator: Any = None


@dataclass
class Change:
    """What one action changed, and the form that started it (None when unknown)."""

    lines: list[int]
    returns: list[int]
    initiator: Any = None


@dataclass
class Outcome(Generic[T]):
    """What became of one action: its value, or the expected error that stopped it.

    ``pending`` is True when the database was lost: the action is kept and will be run
    again (with the same callbacks) once the connection is back. ``finished`` is False
    while the action is still under way on its worker thread.
    """

    value: T | None = None
    error: StationError | None = None
    pending: bool = False
    finished: bool = True

    @property
    def ok(self) -> bool:
        return self.finished and self.error is None and not self.pending


@dataclass
class _Kept:
    """An action held back while the database is gone."""

    work: Callable[[Session], Any]
    lines: Callable[[Any], Iterable[int]] | Iterable[int] | None
    returns: Callable[[Any], Iterable[int]] | Iterable[int] | None
    on_done: Callable[[Outcome[Any]], None] | None
    request_id: str = ""
    key: str | None = None
    kind: str = "action"
    same: tuple[Any, ...] = field(default_factory=tuple)
    initiator: Any = None


class _Saving:
    """A form's submit buttons while its action is under way: disabled, the first reads
    "Saving…"; put back as they were when it ends (the form's on_done gates them after)."""

    def __init__(self, buttons: Sequence[QWidget], status: QLabel | None = None) -> None:
        self._was: list[tuple[QWidget, bool, str | None]] = []
        self.text = translate("StationContext", "Saving…")
        self.status = status
        if status is not None:
            mark_field(None, status, self.text, tone="neutral")
        for i, b in enumerate(buttons):
            label = b.text() if i == 0 and isinstance(b, QAbstractButton) else None
            self._was.append((b, b.isEnabled(), label))
            b.setEnabled(False)
            if label is not None:
                b.setText(self.text)  # type: ignore[attr-defined]

    def end(self) -> None:
        for b, enabled, label in self._was:
            if not shiboken6.isValid(b):
                continue
            if label is not None and b.text() == self.text:  # type: ignore[attr-defined]
                b.setText(label)  # type: ignore[attr-defined]
            b.setEnabled(enabled)
        self._was.clear()
        if self.status is not None and shiboken6.isValid(self.status) and self.status.text() == self.text:
            self.status.clear()
            self.status.hide()


def form_buttons(form: QWidget, first: QWidget | None = None) -> list[QWidget]:
    """The buttons a form's action holds while it runs: every enabled push button shown in
    `form`, `first` (the submit button, which reads "Saving…") first."""
    found = [b for b in form.findChildren(QPushButton) if b.isEnabled() and b.isVisibleTo(form)]
    if first is not None:
        found = [first, *(b for b in found if b is not first)]
    return found


@dataclass(eq=False)
class _Running:
    """An action under way on the worker thread."""

    outcome: Outcome[Any]
    initiator: Any
    key: str | None
    same: tuple[Any, ...]
    saving: _Saving


def _alive(obj: Any) -> bool:
    """A form closed while its action ran gets no callback (its widgets are gone)."""
    return not isinstance(obj, QObject) or shiboken6.isValid(obj)


class StationContext:
    """Everything a tab needs from the station, handed to it at construction.

    `language` always answers with the language installed by ui.i18n (one truth: a
    switch made anywhere, by the menu, the settings dialog or a test, is seen here).
    """

    def __init__(self, factory: sessionmaker[Session], actor: Actor, settings: Any = None, *,
                 language: str | None = None, database: str = "",
                 events: StationEvents | None = None,
                 print_return: Callable[[int], None] | None = None) -> None:
        self.factory = factory
        self.actor = actor
        self.settings = settings  # ui.settings.StationSettings (tests may hand a stand-in)
        self.database = database
        self.events = events if events is not None else StationEvents()
        self.print_return = print_return
        self.database_ok = True
        self._kept: list[_Kept] = []
        self._running: list[_Running] = []
        self._op_pool: Any = None
        # `language` is accepted for callers written against the first version of this
        # class; the installed language (ui.i18n) is what counts.
        del language

    @property
    def language(self) -> str:
        """The window's language now: "zh_CN" or "en"."""
        return current_language()

    # ------------------------------------------------------------ who may do what

    def can(self, *roles: Role) -> bool:
        """True when the logged-in user holds one of `roles` (admin holds them all)."""
        return any(self.actor.has(r) for r in roles)

    @property
    def is_zh(self) -> bool:
        return self.language.startswith("zh")

    def text(self, zh: str, en: str) -> str:
        """Pick the user's language for a (zh, en) pair from app.codes / app.fields."""
        return zh if self.is_zh else en

    # ------------------------------------------------------------ one action

    def session(self) -> Any:
        """A unit of work for a read (e.g. loading a record into a form).

        Raises DatabaseUnavailable like any action; prefer `run` for what the user does.
        """
        return unit_of_work(self.factory, actor=self.actor, station=self.actor.station)

    def run(
        self,
        work: Callable[[Session], T],
        *,
        lines: Callable[[T], Iterable[int]] | Iterable[int] | None = None,
        returns: Callable[[T], Iterable[int]] | Iterable[int] | None = None,
        on_done: Callable[[Outcome[T]], None] | None = None,
        keep_if_offline: bool = True,
        key: str | None = None,
        request_id: str | None = None,
        initiator: Any = None,
        busy: Sequence[QWidget] = (),
        status: QLabel | None = None,
    ) -> Outcome[T]:
        """Carry out one user action: `work(session)` in one transaction on a worker thread,
        then say what changed.

        `lines` / `returns` are the ids the action changed (or a function of its result
        giving them); they are announced on `events` after the commit, with `initiator`
        (the form that asked). `on_done` is called on the UI thread with the outcome — also
        later, when a kept action is run again after the database came back. A bug (not a
        StationError) goes to the one error reporter (sys.excepthook, ui.errors) after the
        rollback; in synchronous mode it is raised from here.

        Returns the Outcome, complete (`finished`) once the action has ended: at once in
        synchronous mode, later otherwise — callers act in `on_done`, not on the return value.
        While it runs, the `busy` buttons are disabled (the first reads "Saving…") and
        another `run` from the same `initiator` (or with the same key, or the same function
        over equal values) returns this running Outcome and does nothing else. `status` is a
        label of the form that reads "Saving…" meanwhile.

        An action that may be kept (`keep_if_offline`) is a write: it runs under a request
        id (new, or `request_id` when a kept action runs again) recorded with its effect.
        `key` names the action (e.g. "incoming.register") for `is_kept`; while one with the
        same key — or, without a key, the same function over equal values — is kept, a
        second one is refused with ActionPending instead of being queued too.
        """
        same = _identity(work)
        # a kept action run again (its request id given) is not a second submit
        running = None if request_id is not None else self._running_like(initiator, key, same)
        if running is not None:
            return running.outcome  # type: ignore[return-value]
        if keep_if_offline and request_id is None and self._kept_like(key, same):
            refused: Outcome[T] = Outcome(error=ActionPending(), pending=True)
            self.events.message.emit(refused.error.message(self.language))  # type: ignore[union-attr]
            if on_done is not None:
                on_done(refused)
            return refused
        rid = request_id or str(uuid.uuid4())
        kind = key or getattr(work, "__qualname__", "action")
        login = self.actor.login
        factory, actor = self.factory, self.actor

        def once(session: Session) -> T:
            return perform_once(session, rid, kind, login, work)

        def body(_progress: Any) -> tuple[str, Any]:
            # on the worker thread: only the database, never a widget
            try:
                return "ok", run_in_transaction(factory, once if keep_if_offline else work,
                                                actor=actor, station=actor.station)
            except DatabaseUnavailable as exc:
                return "lost", exc
            except StationError as exc:
                return "refused", exc

        outcome: Outcome[T] = Outcome(finished=False)
        op = _Running(outcome, initiator, key, same, _Saving(busy, status))
        self._running.append(op)
        self.events.busyChanged.emit(initiator, True)

        def deliver(result: tuple[str, Any]) -> None:
            self._finish(op)
            tag, value = result
            if tag == "lost":
                outcome.error, outcome.pending = value, keep_if_offline
                if keep_if_offline:
                    self._kept.append(_Kept(work, lines, returns, on_done,  # type: ignore[arg-type]
                                            request_id=rid, key=key, kind=kind, same=same,
                                            initiator=initiator))
                    self.events.keptChanged.emit(len(self._kept))
                self._lost(value)
            elif tag == "refused":
                outcome.error = value
                self.events.message.emit(value.message(self.language))
            else:
                outcome.value = value
                self._announce(lines, returns, value, initiator)
                if not self.database_ok:
                    self._restored()
            outcome.finished = True
            try:
                if on_done is not None and _alive(initiator):
                    on_done(outcome)
            finally:
                # after the form has shown the outcome (saved: it is clean again)
                self.events.busyChanged.emit(initiator, False)

        def failed(exc: BaseException) -> None:
            # a bug in the work (the transaction was rolled back): the one crash handler
            self._finish(op)
            outcome.finished = True
            self.events.busyChanged.emit(initiator, False)
            if Worker.synchronous:
                raise exc
            sys.excepthook(type(exc), exc, exc.__traceback__)

        run_in_background(None, body, title="", on_done=deliver, on_error=failed,
                          cancellable=False, show_progress=False, pool=self._pool())
        return outcome

    def query(self, work: Callable[[Session], T], on_done: Callable[[T], None], *,
              on_lost: Callable[[DatabaseUnavailable], None] | None = None,
              on_error: Callable[[StationError], None] | None = None,
              initiator: Any = None, reads_only: bool = False) -> None:
        """A read longer than a frame (a preview, print data, a report), off the UI thread.

        `on_done(value)` runs on the UI thread with what `work(session)` returned. A lost
        database raises the banner (and calls `on_lost`); another expected error goes to
        `on_error`, else to the status bar; a bug to the one error reporter.
        `reads_only`: `work` never writes, so it runs as db.engine.run_read (on PostgreSQL
        no BEGIN and no COMMIT: its statements are its only round trips).
        """
        factory, actor = self.factory, self.actor
        run = run_read if reads_only else run_in_transaction

        def body(_progress: Any) -> T:
            return run(factory, work, actor=actor, station=actor.station)

        def done(value: T) -> None:
            if _alive(initiator):
                on_done(value)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, DatabaseUnavailable):
                self._lost(exc)
                if on_lost is not None and _alive(initiator):
                    on_lost(exc)
            elif isinstance(exc, StationError):
                if on_error is not None and _alive(initiator):
                    on_error(exc)
                else:
                    self.events.message.emit(exc.message(self.language))
            elif Worker.synchronous:
                raise exc
            else:
                sys.excepthook(type(exc), exc, exc.__traceback__)

        run_in_background(None, body, title="", on_done=done, on_error=failed,
                          cancellable=False, show_progress=False)

    def read(self, work: Callable[[Session], T]) -> T | None:
        """A short read in place, on the calling thread; None when the database is gone.

        On the UI thread it waits for the server (and, when the pool is taken by the
        workers, for a connection): the window's lists, records and look-ups go through
        `query` instead, and another station's changes reach them coalesced (ui.coalesce).
        What still calls it needs the answer before it returns (e.g. whether a scanner's
        burst names a product).

        Expected errors other than a lost connection propagate: a view that asks for a
        record that does not exist has a reason to say so itself.
        """
        try:
            return run_in_transaction(self.factory, work, actor=self.actor, station=self.actor.station)
        except DatabaseUnavailable as exc:
            self._lost(exc)
            return None

    def read_outcome(self, work: Callable[[Session], T]) -> Outcome[T]:
        """A short read in place whose expected errors the view shows itself (the labels
        tab's lines and print data): the Outcome, never an exception but a bug's."""
        try:
            return Outcome(value=run_in_transaction(self.factory, work, actor=self.actor,
                                                    station=self.actor.station))
        except DatabaseUnavailable as exc:
            self._lost(exc)
            return Outcome(error=exc)
        except StationError as exc:
            self.events.message.emit(exc.message(self.language))
            return Outcome(error=exc)

    # ------------------------------------------------------------ actions under way

    def _pool(self) -> Any:
        if self._op_pool is None:
            self._op_pool = Worker.new_pool(1)
        return self._op_pool

    def is_busy(self, initiator: Any = None) -> bool:
        """Is an action under way (of `initiator`, or any)?"""
        return any(initiator is None or op.initiator is initiator for op in self._running)

    def wait(self, timeout_ms: int = -1) -> bool:
        """Wait for the actions under way (closing the window); their outcomes are delivered
        by the event loop afterwards."""
        return self._op_pool is None or self._op_pool.waitForDone(timeout_ms)

    def _running_like(self, initiator: Any, key: str | None, same: tuple[Any, ...]) -> _Running | None:
        for op in self._running:
            if initiator is not None and op.initiator is initiator:
                return op
            if key is not None and op.key == key:
                return op
            if key is None and op.key is None and same and _equal(op.same, same):
                return op
        return None

    def _finish(self, op: _Running) -> None:
        if op in self._running:
            self._running.remove(op)
        op.saving.end()

    def _announce(self, lines: Any, returns: Any, value: Any, initiator: Any = None) -> None:
        line_ids = _ids(lines, value)
        return_ids = _ids(returns, value)
        before = self.events.initiator
        self.events.initiator = initiator
        try:
            if line_ids:
                self.events.linesChanged.emit(line_ids)
            if return_ids:
                self.events.returnsChanged.emit(return_ids)
            if line_ids or return_ids:
                self.events.changed.emit(Change(line_ids, return_ids, initiator))
        finally:
            self.events.initiator = before

    # ------------------------------------------------------------ a lost database

    @property
    def kept_actions(self) -> int:
        """How many actions wait for the database to come back."""
        return len(self._kept)

    def kept_for(self, initiator: Any) -> bool:
        """Is an action of `initiator` (a form) waiting for the database?"""
        return any(k.initiator is initiator for k in self._kept)

    def is_kept(self, key: str) -> bool:
        """Is an action named `key` waiting for the database (e.g. the desk's Register)?"""
        return any(k.key == key for k in self._kept)

    def _kept_like(self, key: str | None, same: tuple[Any, ...]) -> bool:
        for k in self._kept:
            if key is not None:
                if k.key == key:
                    return True
            elif k.key is None and same and _equal(k.same, same):
                return True
        return False

    def _lost(self, exc: DatabaseUnavailable) -> None:
        first = self.database_ok
        self.database_ok = False
        if first:
            self.events.databaseLost.emit(exc)
        self.events.message.emit(exc.message(self.language))

    def _restored(self) -> None:
        self.database_ok = True
        self.events.databaseRestored.emit()

    def probe(self) -> None:
        """Does the database answer? Raises DatabaseUnavailable when not (the banner's check).

        Safe on a worker thread: it opens its own session.
        """
        with self.session() as session:
            session.execute(text("SELECT 1"))

    def check_database(self) -> bool:
        """Probe the database; when it answers, `resume` and return True."""
        try:
            self.probe()
        except DatabaseUnavailable:
            return False
        self.resume()
        return True

    def resume(self) -> None:
        """The connection is back (the banner's probe succeeded): run the kept actions again,
        in the order the user took them, with their callbacks."""
        kept, self._kept = self._kept, []
        self._restored()
        if kept:
            self.events.keptChanged.emit(0)
        for k in kept:
            # the same request id: an attempt whose commit went through is found, not redone
            self.run(k.work, lines=k.lines, returns=k.returns, on_done=k.on_done, key=k.key,
                     request_id=k.request_id, initiator=k.initiator)

    def forget_kept(self) -> None:
        """Drop the actions waiting for the database (the user closed or reloaded the form)."""
        had = bool(self._kept)
        self._kept.clear()
        if had:
            self.events.keptChanged.emit(0)

    # ------------------------------------------------------------ language, printing

    def set_language(self, lang: str) -> None:
        """Tell the views the language changed (after ui.i18n.install_language)."""
        self.events.languageChanged.emit(lang)

    def request_print(self, return_id: int) -> bool:
        """Ask the printing pieces for the labels and handling notice of a return.

        Returns False when no printing hook is installed yet (the caller says so).
        """
        self.events.printRequested.emit(return_id)
        if self.print_return is None:
            return False
        self.print_return(return_id)
        return True


def _identity(work: Callable[..., Any]) -> tuple[Any, ...]:
    """What makes two submits "the same action": the same code over equal captured values
    (a second press of Register builds a new closure over an equal draft)."""
    code = getattr(work, "__code__", None)
    if code is None:
        return ()
    cells = []
    for cell in getattr(work, "__closure__", None) or ():
        try:
            value = cell.cell_contents
        except ValueError:  # an empty cell
            value = None
        cells.append(value)
    return (code, *cells)


def _equal(a: tuple[Any, ...], b: tuple[Any, ...]) -> bool:
    try:
        return bool(a == b)
    except Exception:  # noqa: BLE001 — a captured value that cannot be compared: not the same
        return False


def _ids(spec: Any, value: Any) -> list[int]:
    if spec is None:
        return []
    if callable(spec):
        spec = spec(value)
    return [int(i) for i in spec]
