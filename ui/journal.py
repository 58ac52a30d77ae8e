"""The crash journal: unsaved input survives a station that crashes or loses power.

What a user has typed and not saved yet — in the desk's notice, in a bench's open line —
and the input of a save under way or kept while the database is gone (ui.context) is
written, every `EVERY_MS` and whenever a save starts, ends or is kept, to a small JSON file in the user's data
folder (app.paths.user_data_dir), one file per database (its location and database id):

    {"version": 1, "database": "...", "entries": {"incoming": {"title": ..., "pending": ...,
     "at": ..., "values": {...}}}}

The file is written atomically (a temporary file in the same folder, flushed to disk,
then renamed over the old one), so a crash while writing leaves the previous journal, never
half a file. A form whose input is saved (or discarded by the user) leaves the journal; an
orderly close with nothing kept removes the file.

At the next start over the same database the window offers it back (`offer`):
"上次未保存的输入…" — restore puts each form's input back (the form counts as changed,
its save still to be made by the user), discard removes the journal.

Forms take part through an adapter here (`_desk`, `_bench`), so the tabs need no code of
their own: capture(form) → JSON-able dict, restore(form, values), dirty(form).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QObject, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from app.paths import user_data_dir
from ui.i18n import translate

EVERY_MS = 2000
FORMAT_VERSION = 1


# ------------------------------------------------------------------------------ the file


def _encode(value: Any) -> Any:
    if isinstance(value, QDate):
        return {"__date__": value.toString("yyyy-MM-dd")}
    if isinstance(value, dict):
        return {str(k): _encode(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_encode(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)  # Decimal and the like: as the user would type them


def _decode(value: Any) -> Any:
    if isinstance(value, dict):
        if set(value) == {"__date__"}:
            return QDate.fromString(value["__date__"], "yyyy-MM-dd")
        return {k: _decode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_decode(v) for v in value]
    return value


class Journal:
    """One database's journal file."""

    def __init__(self, path: Path, database: str = "") -> None:
        self.path = path
        self.database = database

    @classmethod
    def for_database(cls, identity: str, folder: Path | None = None) -> Journal:
        """The journal of the database `identity` (its location and id) in the data folder."""
        digest = hashlib.sha256(identity.encode("utf-8")).hexdigest()[:16]
        base = (folder or user_data_dir()) / "journal"
        return cls(base / f"unsaved-{digest}.json", identity)

    def load(self) -> dict[str, dict[str, Any]]:
        """The entries, by form; {} when there is none or it cannot be read (never a crash)."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("version") != FORMAT_VERSION:
            return {}
        if self.database and data.get("database") != self.database:
            return {}  # a digest collision or a copied file: another database's input
        entries = data.get("entries")
        return {k: v for k, v in entries.items() if isinstance(v, dict)} if isinstance(entries, dict) else {}

    def save(self, entries: dict[str, dict[str, Any]]) -> None:
        """Write the entries atomically; none left: remove the file."""
        if not entries:
            self.discard()
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        payload = json.dumps({"version": FORMAT_VERSION, "database": self.database,
                              "entries": _encode(entries)}, ensure_ascii=False, indent=1)
        fd, tmp = tempfile.mkstemp(prefix=".unsaved-", suffix=".tmp", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(payload)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise

    def discard(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()


# ------------------------------------------------------------------------------ the forms


@dataclass
class _Form:
    name: str
    widget: QWidget
    capture: Callable[[], dict[str, Any]]
    restore: Callable[[dict[str, Any]], None]
    dirty: Callable[[], bool]
    title: Callable[[], str]


def _desk(tab: Any) -> tuple[Callable[[], dict[str, Any]], Callable[[dict[str, Any]], None]]:
    """The receiving desk: the notice's fields and its lines table (a new return or an open one)."""

    def capture() -> dict[str, Any]:
        return {"return_id": tab.return_id, "fields": tab.state.capture(),
                "lines": [dict(r) for r in tab.lines.rows] if tab.return_id is None else None}

    def restore(values: dict[str, Any]) -> None:
        rid = values.get("return_id")
        if rid is None:
            tab.new_return()
        elif not tab.open_return(int(rid), force=True):
            return
        if values.get("lines") is not None:
            tab.lines.set_rows([dict(r) for r in values["lines"]])
        tab.state.restore(values.get("fields") or {})

    return capture, restore


def _bench(tab: Any) -> tuple[Callable[[], dict[str, Any]], Callable[[dict[str, Any]], None]]:
    """A bench (QA, rework): the open line's fields and the form's own extra input."""

    def capture() -> dict[str, Any]:
        return {"line_id": tab.line_id, "fields": tab.state.capture(), "extra": tab.capture_extra()}

    def restore(values: dict[str, Any]) -> None:
        line_id = values.get("line_id")
        if line_id is None:
            return

        def put_back() -> None:  # once the line has arrived (it is read off the UI thread)
            tab.state.restore(values.get("fields") or {})
            tab.restore_extra(values.get("extra") or {})
            tab._input_changed()
        tab.open_line(int(line_id), then=put_back)

    return capture, restore


class JournalKeeper(QObject):
    """Keeps one window's journal in step with its forms, and offers it back at the start."""

    def __init__(self, ctx: Any, journal: Journal, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.journal = journal
        self.forms: dict[str, _Form] = {}
        self.tabs: Any = None  # the window's tabs (ui.lazy_tabs), once watch_tabs is called
        self.titles: Callable[[], dict[str, str]] | None = None
        self._written: dict[str, dict[str, Any]] | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(EVERY_MS)
        self.timer.timeout.connect(self.flush)
        self.timer.start()
        # a save started, or kept while the database is gone: its input on disk at once
        ctx.events.keptChanged.connect(lambda _n: self.flush())
        ctx.events.busyChanged.connect(lambda _form, _busy: self.flush())

    def watch(self, name: str, widget: QWidget, capture: Callable[[], dict[str, Any]],
              restore: Callable[[dict[str, Any]], None], *, dirty: Callable[[], bool],
              title: Callable[[], str]) -> None:
        self.forms[name] = _Form(name, widget, capture, restore, dirty, title)

    def watch_tabs(self, tabs: Any, titles: Callable[[], dict[str, str]]) -> None:
        """The window's tabs that hold input (the desk and the benches) built so far; the
        others are watched as they are built (`watch_tab`). Tabs are built when first shown
        (ui.lazy_tabs): the journal never builds one only to watch it."""
        self.tabs, self.titles = tabs, titles
        built = tabs.built() if hasattr(tabs, "built") else dict(tabs)
        for key, tab in built.items():
            self.watch_tab(key, tab)

    def watch_tab(self, key: str, tab: QWidget) -> None:
        from ui.incoming_tab import IncomingTab
        from ui.widgets.bench import BenchTab

        if isinstance(tab, IncomingTab):
            capture, restore = _desk(tab)
        elif isinstance(tab, BenchTab):
            capture, restore = _bench(tab)
        else:
            return
        titles = self.titles
        self.watch(key, tab, capture, restore, dirty=lambda tab=tab: bool(tab.state.dirty),
                   title=lambda key=key: titles().get(key, key) if titles else key)

    def entries(self, *, pending_only: bool = False) -> dict[str, dict[str, Any]]:
        """What the journal should hold now: every form with unsaved (or kept) input."""
        out: dict[str, dict[str, Any]] = {}
        for form in self.forms.values():
            # a save under way or kept for the database: the station may die before it ends
            pending = self.ctx.kept_for(form.widget) or self.ctx.is_busy(form.widget)
            if not (pending or (form.dirty() and not pending_only)):
                continue
            out[form.name] = {"title": form.title(), "pending": pending,
                              "at": datetime.now().astimezone().isoformat(timespec="seconds"),
                              "values": _encode(form.capture())}
        return out

    def flush(self) -> None:
        """Write the journal when what it should hold changed (the time stamp aside)."""
        entries = self.entries()
        same = {k: {**v, "at": ""} for k, v in entries.items()}
        if same == self._written:
            return
        try:
            self.journal.save(entries)
        except OSError:
            return  # a full or read-only data folder must not stop the work; the next tick tries again
        self._written = same

    def close(self) -> None:
        """An orderly close (the user has said to leave unsaved input): the journal keeps
        only the saves still kept for the database."""
        self.timer.stop()
        with contextlib.suppress(OSError):
            self.journal.save(self.entries(pending_only=True))

    # ------------------------------------------------------------ the next start

    def offer(self, parent: QWidget | None = None) -> bool:
        """A journal left by the last run: restore its input, or discard it (the user decides).

        Returns True when input was put back.
        """
        from ui import errors as ui_errors

        tabs = self.tabs
        # a tab with input to put back is built now (that watches it); others stay unbuilt
        found = {k: v for k, v in self.journal.load().items()
                 if k in self.forms or (tabs is not None and k in tabs)}
        if not found:
            self.journal.discard()
            return False
        lines = [f"• {e.get('title') or k} ({e.get('at', '')})"
                 + (translate("Journal", " — was waiting for the database") if e.get("pending") else "")
                 for k, e in found.items()]
        answer = ui_errors.ask(parent, translate("Journal", "Unsaved input"),
                               translate("Journal", "Unsaved input from the last session was found:")
                               + "\n" + "\n".join(lines) + "\n\n"
                               + translate("Journal", "Restore it into the forms? (No discards it.)"),
                               default=QMessageBox.StandardButton.Yes)
        if answer != QMessageBox.StandardButton.Yes:
            self.journal.discard()
            self._written = None
            return False
        for name, entry in found.items():
            if name not in self.forms and tabs is not None:
                tabs[name]  # noqa: B018 — builds the tab, which the window's hook then watches
            if name in self.forms:
                self.forms[name].restore(_decode(entry.get("values") or {}))
        self._written = None
        self.flush()
        return True


def database_identity(ctx: Any) -> str:
    """Which database a journal belongs to: where it lives and its id (db.identity), and
    whose input it is (the logged-in user: one user's desk is not offered to another)."""
    from db.identity import location_key, read_identity

    bind = getattr(ctx.factory, "kw", {}).get("bind")  # a stand-in factory (tests) has none
    where = location_key(bind.url) if bind is not None else ctx.database
    try:
        with ctx.factory() as s:
            database_id = read_identity(s).database_id or ""
    except Exception:  # noqa: BLE001 — no id to read (an outage at start): the location alone
        database_id = ""
    return f"{where}#{database_id}#{ctx.actor.login}"


def install(window: Any) -> JournalKeeper:
    """The main window's journal: watch its forms and offer last session's input once the
    window is up."""
    keeper = JournalKeeper(window.ctx, Journal.for_database(database_identity(window.ctx)), window)
    keeper.watch_tabs(window.tabs, window.tab_titles)
    QTimer.singleShot(0, keeper, lambda: keeper.offer(window))
    return keeper
