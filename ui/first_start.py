"""Which database the station opens at its start, and what it does when it is not the one.

The station remembers (per machine, settings "known_databases") the identity of each
database it worked on, by place (the file, or server/port/database). At the next start:

- an embedded file that is missing although the station used it → a clear message and
  the choices: restore a backup, choose another file, set up a new database (only by an
  explicit, confirmed choice), or quit. Never a quiet new (demo) database;
- an empty database the station never knew → the set-up (ui/setup_dialog.py);
- an empty database where the station saw data before, or a database with another
  identity → say so and stop, unless the user explicitly chooses otherwise;
- a database with data but no identity (made before the set-up existed) gets one.

`open_station_database` decides (no dialogs: usable offscreen); `resolve` asks the user
what to do about a refusal through the patchable `choose`, which tests answer.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from app.errors import DatabaseUnavailable, StationError
from db.engine import database_url, describe_url, make_engine, make_session_factory
from db.identity import DatabaseIdentity, location_key, read_identity, sqlite_file
from db.migrate import needs_upgrade, upgrade
from ui.settings import StationSettings


class StartRefused(StationError):
    """The station will not work on this database without the user's explicit choice."""


@dataclass
class OpenedDatabase:
    engine: Engine
    factory: sessionmaker[Session]
    url: str
    description: str
    place: str                 # location_key: what the station remembers it by
    identity: DatabaseIdentity

    @property
    def needs_setup(self) -> bool:
        return self.identity.empty


# ---------------------------------------------------------------- what this station knows


def known_databases(settings: StationSettings) -> dict[str, str]:
    try:
        known = json.loads(settings.get("known_databases") or "{}")
    except ValueError:
        return {}  # a hand-edited value: know nothing rather than fail the start
    return {str(k): str(v) for k, v in known.items()} if isinstance(known, dict) else {}


def remember(settings: StationSettings, place: str, database_id: str | None) -> None:
    known = known_databases(settings)
    if database_id:
        known[place] = database_id
    else:
        known.pop(place, None)
    settings.set("known_databases", json.dumps(known, sort_keys=True))
    settings.sync()


def forget(settings: StationSettings, place: str) -> None:
    remember(settings, place, None)


# ---------------------------------------------------------------- the decision


def open_station_database(settings: StationSettings, *, may_create: bool = True,
                          engine: Engine | None = None) -> OpenedDatabase:
    """The database the station should work on, opened and checked; raises StartRefused.

    `may_create=False` (no display, screenshots): a missing embedded file is not created.
    `engine`: a person's own connection to a server, logged in before (ui.server_login).
    Other failures (server down, schema too old) raise StartRefused with their message.
    """
    from app.services.setup import adopt_existing

    url = database_url(settings.get("database_url") or None)
    description = describe_url(url)
    place = location_key(url)
    known = known_databases(settings).get(place)
    path = sqlite_file(url)
    if path is not None and not path.exists():
        if known:
            raise StartRefused("db_file_missing_known", path=str(path))
        if not may_create:
            raise StartRefused("setup_needs_display", database=description)
    engine = engine or make_engine(url)
    try:
        if needs_upgrade(engine):
            if path is None:  # a shared server's schema is its administrator's
                raise StartRefused("db_needs_upgrade", database=description)
            upgrade(engine)
        factory = make_session_factory(engine)
        with factory() as s:
            identity = read_identity(s)
        if identity.empty:
            if known:
                raise StartRefused("db_emptied", database=description)
            if not may_create:
                raise StartRefused("setup_needs_display", database=description)
        elif identity.database_id is None:
            with factory.begin() as s:
                adopt_existing(s)
                identity = read_identity(s)
        if known and identity.database_id and identity.database_id != known:
            raise StartRefused("db_different", database=description)
    except (SQLAlchemyError, DatabaseUnavailable) as exc:
        engine.dispose()
        detail = exc.message("en") if isinstance(exc, StationError) else str(exc).splitlines()[0]
        raise StartRefused("db_cannot_open", database=description, detail=detail) from exc
    except StationError:
        engine.dispose()
        raise
    return OpenedDatabase(engine, factory, url, description, place, identity)


# ---------------------------------------------------------------- asking the user


def choose(parent: QWidget | None, title: str, text: str, options: Sequence[tuple[str, str]]) -> str | None:
    """A message with one button per option (key, label); the key chosen, None to quit.

    Tests replace this function (monkeypatch ui.first_start.choose) to answer it.
    """
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton, parent)
    buttons = {box.addButton(label, QMessageBox.ButtonRole.ActionRole): key for key, label in options}
    box.addButton(QCoreApplication.translate("FirstStart", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return buttons.get(box.clickedButton())


def pick_file(parent: QWidget | None, title: str) -> str:
    """A SQLite file to open or restore; "" when cancelled. Tests replace it."""
    kinds = QCoreApplication.translate("FirstStart", "SQLite database (*.sqlite3 *.sqlite *.db);;All files (*)")
    path, _ = QFileDialog.getOpenFileName(parent, title, "", kinds)
    return path


def _is_station_database(path: Path) -> bool:
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            conn.execute("SELECT key FROM setting LIMIT 1").fetchall()
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    return True


def resolve(refusal: StartRefused, settings: StationSettings, lang: str,
            parent: QWidget | None = None) -> bool:
    """Tell the user why the station stopped and do what they choose.

    True: try to open the database again (a backup was put back, another file chosen, or
    the user explicitly chose a new set-up or this database); False: quit.
    """
    title = QCoreApplication.translate("FirstStart", "RMA Station — database")
    text = refusal.message(lang)
    url = database_url(settings.get("database_url") or None)
    place = location_key(url)
    path = sqlite_file(url)
    options: list[tuple[str, str]] = []
    if refusal.key == "db_file_missing_known":
        options = [("restore", QCoreApplication.translate("FirstStart", "Restore a backup…")),
                   ("other", QCoreApplication.translate("FirstStart", "Choose another database file…")),
                   ("new", QCoreApplication.translate("FirstStart", "Set up a new database"))]
    elif refusal.key == "db_emptied":
        options = [("new", QCoreApplication.translate("FirstStart", "Set up this empty database anew"))]
    elif refusal.key == "db_different":
        options = [("adopt", QCoreApplication.translate("FirstStart", "Work on this database from now on"))]
    elif refusal.key == "db_cannot_open":
        options = [("retry", QCoreApplication.translate("FirstStart", "Try again"))]
    while True:
        answer = choose(parent, title, text, options)
        if answer is None:
            return False
        if answer == "retry":
            return True
        if answer == "restore" and path is not None:
            source = pick_file(parent, QCoreApplication.translate("FirstStart",
                                                                  "Restore a backup of the database"))
            if not source:
                continue
            if not _is_station_database(Path(source)):
                text = (QCoreApplication.translate("FirstStart", "“%1” is not an RMA Station database.")
                        .replace("%1", source) + "\n\n" + refusal.message(lang))
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, path)
            return True  # its identity is checked like any other at the next try
        if answer == "other":
            source = pick_file(parent, QCoreApplication.translate("FirstStart", "Choose a database file"))
            if not source:
                continue
            if not _is_station_database(Path(source)):
                text = (QCoreApplication.translate("FirstStart", "“%1” is not an RMA Station database.")
                        .replace("%1", source) + "\n\n" + refusal.message(lang))
                continue
            settings.set("database_url", f"sqlite:///{Path(source).resolve()}")
            return True
        if answer in ("new", "adopt"):
            if answer == "new":
                confirm = QCoreApplication.translate(
                    "FirstStart", "Really set up a new, empty database here? The station will no longer "
                    "look for the database it used before.")
            else:
                confirm = QCoreApplication.translate(
                    "FirstStart", "Really work on this database from now on? The station will no longer "
                    "look for the database it used before.")
            sure = QCoreApplication.translate("FirstStart", "Yes, I am sure")
            if not choose(parent, title, confirm, [("yes", sure)]):
                continue
            forget(settings, place)
            return True
