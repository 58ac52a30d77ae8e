"""No password in a station's settings (issue 10): the server checks each person's own."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt

from tests.ui.test_infrastructure import make_settings_dialog
from ui.settings import PREFS_GROUP, StationSettings


def _stored(settings: StationSettings) -> str:
    settings.sync()
    raw = QSettings(settings.qsettings.fileName(), QSettings.Format.IniFormat)
    return str(raw.value(f"{PREFS_GROUP}/database_url") or "")


def test_a_password_an_older_version_stored_is_removed_when_read(station_settings: StationSettings) -> None:
    # as an older version left it: the shared owner's password in plain text
    station_settings.qsettings.setValue(f"{PREFS_GROUP}/database_url",
                                        "postgresql+psycopg://rma:Secret-Owner-1@dbserver:5432/rma")
    station_settings.sync()
    assert "Secret-Owner-1" in Path(station_settings.qsettings.fileName()).read_text(encoding="utf-8")
    assert station_settings.get("database_url") == "postgresql+psycopg://rma@dbserver:5432/rma"
    assert _stored(station_settings) == "postgresql+psycopg://rma@dbserver:5432/rma"
    assert "Secret-Owner-1" not in Path(station_settings.qsettings.fileName()).read_text(encoding="utf-8")


def test_the_settings_dialog_keeps_no_password(qtbot: Any, station_settings: StationSettings) -> None:
    dialog, _shared = make_settings_dialog(qtbot, station_settings)
    qtbot.keyClicks(dialog.ui.databaseUrlEdit, "postgresql+psycopg://li:Li-Pass-2026@dbserver/rma")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert station_settings.database_url == "postgresql+psycopg://li@dbserver/rma"
    assert "Li-Pass-2026" not in Path(station_settings.qsettings.fileName()).read_text(encoding="utf-8")
    # host, port and database only: every person then logs in to the server as themselves
    station_settings.set("database_url", "postgresql+psycopg://dbserver:5432/rma")
    assert _stored(station_settings) == "postgresql+psycopg://dbserver:5432/rma"
