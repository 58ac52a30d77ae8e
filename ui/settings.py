"""Per-machine options of a station, each declared once with its default (Picard's options.py).

What lives here is what differs from one desk to the next: which database to reach, what
the station is for (so the window opens on the right tab), the language of its user, the
label printer and its label stock. What the whole department must agree on (labour rate,
form numbers and revisions) lives in the database (`app.services.settings`), never here.

Values are kept with QSettings under organization "RMA Station", application
"rma-station": the registry on Windows, an ini file under ~/.config on Linux. Window
geometry and splitter/header state are kept in their own group ("window/…"), apart from
the preferences ("prefs/…"), so "reset preferences" never throws away a user's layout and
a layout blob never masquerades as an option.

Tests point QSettings at a temporary folder (`use_settings_folder`) so they never read or
write the real user's settings.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

ORGANIZATION = "RMA Station"
APPLICATION = "rma-station"

PREFS_GROUP = "prefs"
WINDOW_GROUP = "window"

# Station role → the tab the window opens on (the names main.py's --tab takes).
STATION_ROLES: dict[str, str] = {
    "warehouse": "incoming",
    "qa": "inspection",
    "production": "rework",
    "reports": "reports",
    "printing": "labels",
}
LANGUAGES: tuple[str, ...] = ("zh_CN", "en")
LABEL_SIZES: tuple[str, ...] = ("60x40", "100x50", "100x150")  # width x height in mm
LABEL_DPIS: tuple[int, ...] = (203, 300)


@dataclass(frozen=True)
class Option:
    """One per-machine preference: its key, default, type and (when closed) allowed values."""

    key: str
    default: Any
    kind: type
    choices: tuple[Any, ...] | None = None
    doc: str = ""

    def coerce(self, raw: Any) -> Any:
        """The stored value as this option's type; the default when it is missing or invalid.

        An ini file returns every value as text and a hand-edited one may hold anything:
        a wrong value must fall back to the default rather than break the start of the window.
        """
        if raw is None:
            return self.default
        try:
            value = int(str(raw).strip()) if self.kind is int else str(raw)
        except ValueError:
            return self.default
        if self.choices is not None and value not in self.choices:
            return self.default
        return value


OPTIONS: dict[str, Option] = {
    o.key: o
    for o in (
        Option("database_url", "", str,
               doc='SQLAlchemy URL of the shared database; "" = the embedded SQLite file'),
        Option("station_role", "warehouse", str, tuple(STATION_ROLES),
               doc="what the desk is for; picks the tab the window opens on"),
        Option("language", "zh_CN", str, LANGUAGES, doc="language of the window"),
        Option("label_printer", "PDF", str,
               doc='printer name for barcode labels; "PDF" writes a file instead'),
        Option("label_size", "60x40", str, LABEL_SIZES, doc="label stock, width x height in mm"),
        Option("label_dpi", 203, int, LABEL_DPIS, doc="resolution of the label printer"),
        Option("last_user", "", str, doc="login name offered by the login dialog"),
        Option("known_databases", "", str,
               doc="JSON {place: database_id} of the databases this station opened (ui/first_start.py)"),
    )
}


def without_password(url: str) -> str:
    """`url` without its password (the login, host, port and database stay); as given when it
    is no URL at all (the settings dialog says what is wrong with it)."""
    from sqlalchemy import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        u = make_url(url)
    except (ArgumentError, ValueError):
        return url
    if u.password is None:
        return url
    return u._replace(password=None).render_as_string(hide_password=False)


def use_settings_folder(folder: Path) -> None:
    """Send every QSettings of this process to ini files under `folder` (tests, portable use).

    Global in Qt: every `StationSettings()` created afterwards lands in `folder`. (A bare
    ``QSettings("RMA Station", "rma-station")`` always uses the native format, which is
    the registry on Windows: go through StationSettings instead.)
    """
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
            QSettings.setPath(fmt, scope, str(folder))


class StationSettings:
    """Typed access to the per-machine options and the saved window layout.

    Every piece that needs an option is handed this object (no global registry), reads
    `settings.get("label_dpi")` or the attribute `settings.label_dpi`, and writes with
    `settings.set(...)`, which refuses unknown keys and values outside the choices.
    """

    def __init__(self, qsettings: QSettings | None = None) -> None:
        if qsettings is None:
            # The default format, not the (organization, application) constructor's fixed
            # native one, so that use_settings_folder() also redirects it on Windows.
            qsettings = QSettings(QSettings.defaultFormat(), QSettings.Scope.UserScope,
                                  ORGANIZATION, APPLICATION)
        self.qsettings = qsettings

    def get(self, key: str) -> Any:
        option = OPTIONS[key]
        value = option.coerce(self.qsettings.value(f"{PREFS_GROUP}/{key}"))
        if key == "database_url" and value:
            # roles (issue 10): a station keeps host, port and database, never a password; one
            # an older version stored is taken out of the settings the first time it is read
            clean = without_password(value)
            if clean != value:
                self.qsettings.setValue(f"{PREFS_GROUP}/{key}", clean)
                self.qsettings.sync()
            value = clean
        return value

    def set(self, key: str, value: Any) -> None:
        option = OPTIONS[key]
        if key == "database_url" and isinstance(value, str):
            value = without_password(value)
        if option.kind is int and (isinstance(value, bool) or not isinstance(value, int)):
            raise TypeError(f"{key} takes an int, not {value!r}")
        if option.kind is str and not isinstance(value, str):
            raise TypeError(f"{key} takes a str, not {value!r}")
        if option.choices is not None and value not in option.choices:
            raise ValueError(f"{key} must be one of {option.choices}, not {value!r}")
        self.qsettings.setValue(f"{PREFS_GROUP}/{key}", value)

    def __getattr__(self, key: str) -> Any:
        if key in OPTIONS:
            return self.get(key)
        raise AttributeError(key)

    def as_dict(self) -> dict[str, Any]:
        return {key: self.get(key) for key in OPTIONS}

    def reset_preferences(self) -> None:
        """Back to the declared defaults; the window layout is kept."""
        self.qsettings.remove(PREFS_GROUP)

    def start_tab(self) -> str:
        """The tab the window opens on, from the station role."""
        return STATION_ROLES[self.get("station_role")]

    # Window layout: opaque blobs from saveGeometry()/saveState(), kept apart from preferences.

    def save_layout(self, name: str, blob: QByteArray | bytes) -> None:
        self.qsettings.setValue(f"{WINDOW_GROUP}/{name}", QByteArray(blob))

    def layout(self, name: str) -> QByteArray | None:
        value = self.qsettings.value(f"{WINDOW_GROUP}/{name}")
        return QByteArray(value) if isinstance(value, QByteArray | bytes) else None

    def restore_layout(self, name: str, restore: Callable[[QByteArray], Any]) -> bool:
        """Call e.g. `window.restoreGeometry` with the saved blob; False when none was saved."""
        blob = self.layout(name)
        return bool(blob is not None and restore(blob))

    def sync(self) -> None:
        self.qsettings.sync()
