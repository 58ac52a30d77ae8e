"""The station's log-in on a server set up by init-server: each person logs in to the
database as themselves (issue 10); a throwaway cluster of its own (tests/unit/db/test_server_roles)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from sqlalchemy import text

from tests.unit.db.test_server_roles import PASSWORD, server, station  # noqa: F401  (module fixtures)
from ui.server_login import server_login_dialog
from ui.settings import StationSettings


def _log_in(qtbot: Any, dialog: Any, login: str, password: str) -> None:
    dialog.ui.userEdit.clear()
    qtbot.keyClicks(dialog.ui.userEdit, login)
    dialog.ui.passwordEdit.clear()
    qtbot.keyClicks(dialog.ui.passwordEdit, password)
    qtbot.keyClick(dialog.ui.passwordEdit, Qt.Key.Key_Return)


def test_the_login_dialog_logs_in_to_the_server_as_the_person(qtbot: Any, server: Any,  # noqa: F811
                                                               station: Any,  # noqa: F811
                                                               station_settings: StationSettings) -> None:
    dialog = server_login_dialog(server.station_url, station_settings, "desk-3/qa")
    qtbot.addWidget(dialog)
    dialog.show()
    _log_in(qtbot, dialog, "qa", "not the password")
    assert dialog.user is None and dialog.ui.errorLabel.isVisible()
    assert dialog.ui.errorLabel.text() == "用户名或密码错误"
    assert dialog.ui.passwordEdit.text() == "" and dialog.ui.userEdit.text() == "qa"  # the login is kept

    _log_in(qtbot, dialog, "qa", PASSWORD["qa"])
    assert dialog.result() == dialog.DialogCode.Accepted
    assert (dialog.user.login, dialog.user.roles, dialog.user.station) == ("qa", frozenset({"qa"}), "desk-3/qa")
    with dialog.server_session.factory() as s:  # the window works on the person's own connection
        assert s.scalar(text("SELECT session_user")) == "qa"
        assert s.scalar(text("SELECT current_setting('application_name')")) == "desk-3/qa"
    assert station_settings.last_user == "qa"
    station_settings.sync()
    assert "Pass" not in Path(station_settings.qsettings.fileName()).read_text(encoding="utf-8")
    dialog.server_session.engine.dispose()
