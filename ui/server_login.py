"""The log-in of a station on a shared server set up by `rma-station db init-server`.

The station's settings name the server (host, port, database) and nobody: each person logs
in to the database as themselves, the server checks the password (SCRAM-SHA-256) and says
who they are and which roles they have (app.services.server_roles.connect_as). The dialog
is the station's usual LoginDialog; what it returns is the actor, and `server_session`
holds that person's own connection, which the window then works on.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from app.services import users as user_service
from app.services.context import Actor
from app.services.server_roles import ServerSession, connect_as
from db.engine import unit_of_work
from ui.login_dialog import LoginDialog
from ui.settings import StationSettings


class ServerLoginDialog(LoginDialog):
    """LoginDialog whose `authenticate` is a log-in to the server as the person themselves."""

    server_session: ServerSession | None = None


def server_login_dialog(url: str, settings: StationSettings, station: str,
                        parent: QWidget | None = None) -> ServerLoginDialog:
    holder: dict[str, Any] = {}

    def authenticate(login: str, password: str) -> Actor:
        old = holder.get("session")
        if old is not None:
            old.engine.dispose()
        session = connect_as(url, login, password, station)
        holder["session"] = session
        dialog.server_session = session
        return session.actor  # type: ignore[return-value]

    def change_due(actor: object) -> bool:
        assert isinstance(actor, Actor)
        with unit_of_work(holder["session"].factory) as s:
            return user_service.password_change_due(s, actor.user_id)

    def change(actor: object, old: str, new: str) -> None:
        assert isinstance(actor, Actor)
        with unit_of_work(holder["session"].factory, actor=actor, station=station) as s:
            user_service.change_password(s, actor, old, new)

    dialog = ServerLoginDialog(settings, authenticate, parent, password_change_due=change_due,
                               change_password=change)
    return dialog
