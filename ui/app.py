"""Start of the station window: `rma-station` / `rma-station gui [--screenshot OUT.png …]`.

Order of the start: the Qt application and the bundled CJK font; the language; the
per-machine settings; the database (RMA_DATABASE_URL, else the settings' URL, else the
embedded SQLite file in the user's data folder) — an embedded database is created or
upgraded by itself, and an empty one gets the reference data and a few hundred demo
returns so a new desk has something to look at; then the log-in and the main window.

Without a display (Linux with neither DISPLAY nor WAYLAND_DISPLAY, and QT_QPA_PLATFORM
unset) the window cannot be used, but the start must not crash: everything starts on
Qt's offscreen platform, a screenshot goes to the data folder, and the command says
where it is and that a display is needed to work at the station. `--screenshot` does
the same on purpose, logged in as --user (admin by default), on --tab in --lang.
"""

from __future__ import annotations

import argparse
import os
import socket
import sys
from pathlib import Path
from typing import Any

from app.paths import user_data_dir

SCREENSHOT_NAME = "rma-station-screenshot.png"


def _no_display() -> bool:
    return (sys.platform.startswith("linux") and not os.environ.get("DISPLAY")
            and not os.environ.get("WAYLAND_DISPLAY") and not os.environ.get("QT_QPA_PLATFORM"))


def run_gui(args: argparse.Namespace) -> int:
    """`rma-station` (window) and `rma-station gui --screenshot …`; returns the exit code."""
    screenshot = getattr(args, "screenshot", None)
    headless = _no_display()
    if headless or screenshot:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"

    # Qt is imported only now, after the platform is chosen.
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from app.paths import resources_dir
    from ui.fonts import register_cjk_font
    from ui.i18n import install_language
    from ui.settings import APPLICATION, ORGANIZATION, StationSettings

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("RMA Station")
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "rma-station.png")))
    app.setDesktopFileName("rma-station")
    register_cjk_font()
    settings = StationSettings()
    lang = getattr(args, "lang", None) or settings.get("language")
    install_language(app, lang)

    from ui.errors import install_excepthook

    install_excepthook()
    opened = open_database(settings.get("database_url"))
    if isinstance(opened, str):
        print(opened, file=sys.stderr)
        if headless or screenshot:
            return 1
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(None, "RMA Station", opened)
        return 1
    factory, description = opened

    if headless or screenshot:
        out = Path(screenshot) if screenshot else user_data_dir() / SCREENSHOT_NAME
        width, _x, height = str(getattr(args, "size", None) or "1366x768").partition("x")
        code = save_screenshot(factory, description, settings, out, tab=getattr(args, "tab", None),
                               lang=lang, login=getattr(args, "user", None) or "admin",
                               size=(int(width), int(height)))
        if code == 0:
            print(f"Screenshot of the station window: {out}")
            if headless:
                print("No display was found (DISPLAY / WAYLAND_DISPLAY unset): the window needs a "
                      "display to work at the station. 未检测到显示器:请在有图形界面的电脑上使用本工作站。")
        return code
    return _interactive(app, factory, description, settings, lang, getattr(args, "tab", None))


def open_database(configured_url: str) -> tuple[Any, str] | str:
    """Engine and session factory for the station's database, prepared for use.

    The embedded SQLite file is created, upgraded and (when empty) filled by itself; a
    shared server's schema is the administrator's (`rma-station db upgrade`). Returns a
    message instead when the database cannot be used.
    """
    from sqlalchemy.exc import SQLAlchemyError

    from app.errors import DatabaseUnavailable
    from app.services import lookups
    from db.engine import ENV_URL, database_url, describe_url, make_engine, make_session_factory
    from db.migrate import needs_upgrade, upgrade

    url = database_url(configured_url or None)
    embedded = not os.environ.get(ENV_URL) and not configured_url
    engine = make_engine(url)
    factory = make_session_factory(engine)
    try:
        if needs_upgrade(engine):
            if not embedded:
                return (f"The database {describe_url(url)} needs its schema created or upgraded: "
                        "run `rma-station db upgrade`. 数据库结构需要升级,请运行 rma-station db upgrade。")
            upgrade(engine)
        with factory() as s:
            empty = lookups.database_is_empty(s)
        if embedded and empty:
            _fill_new_database(factory)
    except (SQLAlchemyError, DatabaseUnavailable) as exc:
        return f"Cannot open the database {describe_url(url)}: {str(exc).splitlines()[0]}"
    return factory, describe_url(url)


def _fill_new_database(factory: Any) -> None:
    """A new embedded database: the reference data and, when available, demo returns."""
    import importlib.util

    if importlib.util.find_spec("app.services.demo") is not None:
        from app.services.demo import fill_demo

        fill_demo(factory, returns=200)
        return
    from app.services.seed import seed_reference

    with factory.begin() as s:
        seed_reference(s)


def _station_name(settings: Any) -> str:
    return f"{socket.gethostname()}/{settings.get('station_role')}"


def make_context(factory: Any, actor: Any, settings: Any, lang: str, description: str) -> Any:
    from ui.context import StationContext

    return StationContext(factory=factory, actor=actor, settings=settings, language=lang,
                          database=description)


def save_screenshot(factory: Any, description: str, settings: Any, out: Path, *, tab: str | None,
                    lang: str, login: str, size: tuple[int, int] = (1366, 768)) -> int:
    """Render the window offscreen for `login` on `tab` and save it as a PNG."""
    from PySide6.QtWidgets import QApplication

    from app.services import lookups
    from app.services.users import actor_for
    from ui.main_window import MainWindow

    with factory() as s:
        user = lookups.user_by_login(s, login)
        if user is None:
            print(f"No user {login!r} in the database", file=sys.stderr)
            return 1
        actor = actor_for(user, station=_station_name(settings))
    ctx = make_context(factory, actor, settings, lang, description)
    window = MainWindow(ctx, start_tab=tab)
    window.show()
    window.resize(*size)  # after the first show, which keeps a window on the (offscreen) screen
    QApplication.processEvents()
    show_first_record(window)
    QApplication.processEvents()
    wait_until_drawn(window)
    out.parent.mkdir(parents=True, exist_ok=True)
    ok = window.grab().save(str(out))
    window.close()
    return 0 if ok else 1


def wait_until_drawn(window: Any, timeout_ms: int = 60_000) -> None:
    """For a screenshot: wait until the current tab has shown what it reads in the background.

    The reports tab reads its month off the UI thread and says `reportShown` once its charts
    are drawn and laid out; the grab waits for that signal (an event loop, not a sleep). The
    timeout only keeps a broken database from hanging the command.
    """
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    tab = window.ui.tabs.currentWidget()
    shown = getattr(tab, "reportShown", None)
    if shown is not None and getattr(tab, "report", None) is None:
        loop = QEventLoop()
        shown.connect(loop.quit)
        QTimer.singleShot(timeout_ms, loop.quit)
        if getattr(tab, "report", None) is None:
            loop.exec()
        shown.disconnect(loop.quit)
    lay_out = getattr(tab, "lay_out_charts", None)
    if callable(lay_out):
        lay_out()
    QApplication.processEvents()


def show_first_record(window: Any) -> None:
    """For a screenshot: open the first entry of the current tab's list, if it has one."""
    tab = window.ui.tabs.currentWidget()
    model = getattr(tab, "model", None) or getattr(tab, "list_model", None)
    if model is None or model.rowCount() == 0:
        return
    record = model.record(0)
    if hasattr(tab, "open_line"):
        tab.open_line(record.id)
    elif hasattr(tab, "open_return"):
        tab.open_return(record.id)


def _interactive(app: Any, factory: Any, description: str, settings: Any, lang: str,
                 tab: str | None) -> int:
    from db.engine import unit_of_work
    from ui.login_dialog import LoginDialog
    from ui.main_window import MainWindow

    station = _station_name(settings)

    def authenticate(login: str, password: str) -> Any:
        from app.services.users import authenticate as check

        with unit_of_work(factory) as s:
            return check(s, login, password, station)

    windows: list[Any] = []

    def log_in() -> bool:
        dialog = LoginDialog(settings, authenticate)
        if not dialog.exec() or dialog.user is None:
            return False
        from ui.i18n import current_language

        ctx = make_context(factory, dialog.user, settings, current_language(), description)
        window = MainWindow(ctx, start_tab=tab, open_settings=lambda w: _open_settings(w, ctx, settings))
        window.switchUserRequested.connect(lambda: _switch(window))
        windows.append(window)
        window.show()
        return True

    def _switch(window: Any) -> None:
        window.close()
        windows.remove(window)
        if not log_in():
            app.quit()

    app.setQuitOnLastWindowClosed(True)
    if not log_in():
        return 0
    return int(app.exec())


def _open_settings(window: Any, ctx: Any, settings: Any) -> None:
    """Settings… of the menu: the station's options and (for admin/manager) the shared ones."""
    from app.codes import Role
    from app.services.settings import load_shared, save_shared
    from ui.i18n import current_language
    from ui.settings_dialog import SettingsDialog

    def load() -> dict[str, str]:
        with ctx.session() as s:
            return load_shared(s)

    def save(values: dict[str, str]) -> None:
        with ctx.session() as s:
            save_shared(s, ctx.actor, values)

    dialog = SettingsDialog(settings, load_shared=load, save_shared=save,
                            can_edit_shared=ctx.can(Role.ADMIN, Role.MANAGER), parent=window)
    if not dialog.exec():
        return
    if "language" in dialog.changed:
        ctx.set_language(current_language())
    if "station_role" in dialog.changed:
        window.show_tab(settings.start_tab())
    if "database_url" in dialog.changed:
        window.database_changed()
