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

Writes run on the GUI thread: each is one short transaction over a handful of rows,
and doing them in place keeps the form, its version numbers and the result in step
(no half-saved form while the user types on). Long work (imports, reports, printing)
goes through ui.worker instead.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, Signal
from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker

from app.codes import Role
from app.errors import ActionPending, DatabaseUnavailable, StationError
from app.services.context import Actor
from app.services.requests import perform_once
from db.engine import run_in_transaction, unit_of_work
from ui.i18n import current_language

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


@dataclass
class Outcome(Generic[T]):
    """What became of one action: its value, or the expected error that stopped it.

    ``pending`` is True when the database was lost: the action is kept and will be run
    again (with the same callbacks) once the connection is back.
    """

    value: T | None = None
    error: StationError | None = None
    pending: bool = False

    @property
    def ok(self) -> bool:
        return self.error is None and not self.pending


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
    ) -> Outcome[T]:
        """Carry out one user action: `work(session)` in one transaction, then say what changed.

        `lines` / `returns` are the ids the action changed (or a function of its result
        giving them); they are announced on `events` after the commit. `on_done` is called
        with the outcome — also later, when a kept action is run again after the database
        came back. A bug (not a StationError) propagates after the rollback.

        An action that may be kept (`keep_if_offline`) is a write: it runs under a request
        id (new, or `request_id` when a kept action runs again) recorded with its effect.
        `key` names the action (e.g. "incoming.register") for `is_kept`; while one with the
        same key — or, without a key, the same function over equal values — is kept, a
        second one is refused with ActionPending instead of being queued too.
        """
        same = _identity(work)
        if keep_if_offline and request_id is None and self._kept_like(key, same):
            refused: Outcome[T] = Outcome(error=ActionPending(), pending=True)
            self.events.message.emit(refused.error.message(self.language))  # type: ignore[union-attr]
            if on_done is not None:
                on_done(refused)
            return refused
        rid = request_id or str(uuid.uuid4())
        kind = key or getattr(work, "__qualname__", "action")
        login = self.actor.login

        def once(session: Session) -> T:
            return perform_once(session, rid, kind, login, work)

        try:
            value = run_in_transaction(self.factory, once if keep_if_offline else work,
                                       actor=self.actor, station=self.actor.station)
        except DatabaseUnavailable as exc:
            outcome: Outcome[T] = Outcome(error=exc, pending=keep_if_offline)
            if keep_if_offline:
                self._kept.append(_Kept(work, lines, returns, on_done,  # type: ignore[arg-type]
                                        request_id=rid, key=key, kind=kind, same=same))
                self.events.keptChanged.emit(len(self._kept))
            self._lost(exc)
            if on_done is not None:
                on_done(outcome)
            return outcome
        except StationError as exc:
            self.events.message.emit(exc.message(self.language))
            outcome = Outcome(error=exc)
            if on_done is not None:
                on_done(outcome)
            return outcome
        outcome = Outcome(value=value)
        self._announce(lines, returns, value)
        if not self.database_ok:
            self._restored()
        if on_done is not None:
            on_done(outcome)
        return outcome

    def read(self, work: Callable[[Session], T]) -> T | None:
        """A read for a view (load a record, a page of a list); None when the database is gone.

        Expected errors other than a lost connection propagate: a view that asks for a
        record that does not exist has a reason to say so itself.
        """
        try:
            return run_in_transaction(self.factory, work, actor=self.actor, station=self.actor.station)
        except DatabaseUnavailable as exc:
            self._lost(exc)
            return None

    def _announce(self, lines: Any, returns: Any, value: Any) -> None:
        line_ids = _ids(lines, value)
        return_ids = _ids(returns, value)
        if line_ids:
            self.events.linesChanged.emit(line_ids)
        if return_ids:
            self.events.returnsChanged.emit(return_ids)

    # ------------------------------------------------------------ a lost database

    @property
    def kept_actions(self) -> int:
        """How many actions wait for the database to come back."""
        return len(self._kept)

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
                     request_id=k.request_id)

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
