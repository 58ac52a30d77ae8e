"""Start of the station window: `rma-station` / `rma-station gui [--screenshot OUT.png …]`.

Order of the start: the Qt application and the bundled CJK font; the language; the
per-machine settings; the database (RMA_DATABASE_URL, else the settings' URL, else the
embedded SQLite file in the user's data folder), checked by ui.first_start: an embedded
database is created or upgraded by itself; an empty one opens the set-up (company, form
numbers, station role, first administrator — or, by a separate choice, demo data); a
vanished file, an emptied or a different database is refused with a message, never
replaced; then the log-in and the main window.

Without a display (Linux with neither DISPLAY nor WAYLAND_DISPLAY, and QT_QPA_PLATFORM
unset) the window cannot be used, but the start must not crash: everything starts on
Qt's offscreen platform, a screenshot goes to the data folder (of the set-up, on a
database that has none yet: nothing is created then), and the command says where it is
and that a display is needed to work at the station. `--screenshot` does the same on
purpose, logged in as --user (admin by default), on --tab in --lang.
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


def preload_core() -> None:
    """Import the station's core (SQLAlchemy, the models, the services a window reads with,
    the driver of a database named by RMA_DATABASE_URL) before Qt. Once PySide6 is imported,
    its import hook looks into every module imported after it; the core never uses Qt (a
    test checks), and importing it first saves the cold start a few tenths of a second. The
    cyclic collector stays out of these imports (app.process)."""
    import importlib

    from app import process

    with process.loading():
        for name in ("db.engine", "db.models", "db.identity", "app.services.lookups", "app.services.queues",
                     "app.services.returns", "app.services.users"):
            importlib.import_module(name)
        _preload_driver()


def _preload_driver() -> None:
    # psycopg and SQLAlchemy's PostgreSQL dialect are some sixty modules: loaded before Qt's
    # import hook they cost a third less. Only the environment's URL is known this early (the
    # settings need Qt); a server named in the settings loads its driver when it is opened.
    from sqlalchemy import make_url
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError

    from db.engine import ENV_URL

    url = os.environ.get(ENV_URL)
    if not url:
        return
    try:
        make_url(url).get_dialect().import_dbapi()
    except (ArgumentError, NoSuchModuleError, ImportError):
        return  # a wrong URL is reported where the database is opened, as before


def run_gui(args: argparse.Namespace) -> int:
    """`rma-station` (window) and `rma-station gui --screenshot …`; returns the exit code."""
    preload_core()
    screenshot = getattr(args, "screenshot", None)
    headless = _no_display()
    if headless or screenshot:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"

    # Qt is imported only now, after the platform is chosen (its libraries, like the core's,
    # out of the cyclic collector's way: app.process)
    from app import process

    with process.loading():
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
    from ui.first_start import StartRefused, open_station_database

    if headless or screenshot:
        out = Path(screenshot) if screenshot else user_data_dir() / SCREENSHOT_NAME
        try:
            opened = open_station_database(settings, may_create=False)
        except StartRefused as refused:
            if refused.key != "setup_needs_display":
                print(refused.message(lang), file=sys.stderr)
                return 1
            # nothing to log in to yet: show what the first start at a display will show
            code = save_setup_screenshot(settings, out, description=refused.args_.get("database", ""))
            if code == 0:
                print(f"Screenshot of the station's set-up: {out}")
                print(refused.message("en") + " " + refused.message("zh"))
            return code
        width, _x, height = str(getattr(args, "size", None) or "1366x768").partition("x")
        code = save_screenshot(opened.factory, opened.description, settings, out,
                               tab=getattr(args, "tab", None), lang=lang,
                               login=getattr(args, "user", None) or "admin",
                               demo=opened.identity.demo, size=(int(width), int(height)))
        opened.engine.dispose()
        if code == 0:
            print(f"Screenshot of the station window: {out}")
            if headless:
                print("No display was found (DISPLAY / WAYLAND_DISPLAY unset): the window needs a "
                      "display to work at the station. 未检测到显示器:请在有图形界面的电脑上使用本工作站。")
        return code
    # roles (issue 10): on a server that names nobody, everyone logs in to it as themselves
    # first, and the station then works on that person's own connection
    first, server_url = None, server_login_url(settings)
    if server_url is not None:
        first = log_in_to_server(server_url, settings)
        if first is None:
            return 0
    opened = start_database(settings, lang, engine=first.server_session.engine if first else None)
    if opened is None:  # refused, and the user chose to quit
        return 1
    if opened.needs_setup and not run_setup(opened, settings):
        return 0
    # the daily backup of an embedded database, on a pool thread (ui.backup_actions)
    from ui.backup_actions import start_daily_backup

    start_daily_backup(opened.factory)
    return _interactive(app, opened.factory, opened.description, settings, lang, getattr(args, "tab", None),
                        demo=_is_demo(opened), first=first, server_url=server_url)


def server_login_url(settings: Any) -> str | None:
    """The server URL when everyone logs in to it as themselves (no login in the URL)."""
    from db.engine import database_url, per_user_login

    url = database_url(settings.get("database_url") or None)
    return url if per_user_login(url) else None


def log_in_to_server(url: str, settings: Any) -> Any:
    """The accepted log-in dialog (its `server_session` is the person's connection), or None."""
    from ui.server_login import server_login_dialog

    dialog = server_login_dialog(url, settings, _station_name(settings))
    if not dialog.exec() or dialog.user is None or dialog.server_session is None:
        return None
    return dialog


def start_database(settings: Any, lang: str, engine: Any = None) -> Any:
    """The database to work on, after the user resolved any refusal; None to quit."""
    from ui.first_start import StartRefused, open_station_database, remember, resolve

    while True:
        try:
            opened = open_station_database(settings, engine=engine)
        except StartRefused as refused:
            print(refused.message(lang), file=sys.stderr)
            if resolve(refused, settings, lang):
                continue
            return None
        if not opened.needs_setup:
            remember(settings, opened.place, opened.identity.database_id)
        return opened


def run_setup(opened: Any, settings: Any) -> bool:
    """The set-up dialog on a new database; False when the user cancelled it."""
    dialog = make_setup_dialog(opened, settings)
    if not dialog.exec() or dialog.choice is None:
        return False
    finish_setup(opened, settings, dialog)
    return True


def make_setup_dialog(opened: Any, settings: Any) -> Any:
    """The set-up dialog wired to the services on `opened` (each choice one transaction)."""
    from app.services.settings import SHARED_DEFAULTS
    from app.services.setup import initialize, initialize_demo
    from db.engine import unit_of_work
    from ui.setup_dialog import SetupDialog

    def real(values: dict[str, Any]) -> None:
        from sqlalchemy.exc import IntegrityError

        from app.errors import StationError

        try:
            with unit_of_work(opened.factory) as s:
                initialize(s, **values)
        except IntegrityError as exc:  # another station set up the same server a moment ago
            raise StationError("already_set_up") from exc

    def demo() -> None:
        initialize_demo(opened.factory, returns=200, database=opened.description)

    return SetupDialog(settings, SHARED_DEFAULTS, real, demo, database=opened.description)


def finish_setup(opened: Any, settings: Any, dialog: Any) -> None:
    """After the set-up: the station knows this database now, and offers its admin at the log-in."""
    from db.identity import read_identity
    from ui.first_start import remember

    with opened.factory() as s:
        opened.identity = read_identity(s)
    remember(settings, opened.place, opened.identity.database_id)
    settings.set("last_user", dialog.login)


def _is_demo(opened: Any) -> bool:
    return bool(opened.identity.demo)


def save_setup_screenshot(settings: Any, out: Path, *, description: str) -> int:
    """Render the set-up dialog offscreen (nothing is written to any database)."""
    from PySide6.QtWidgets import QApplication

    from app.services.settings import SHARED_DEFAULTS
    from ui.setup_dialog import SetupDialog

    def refuse(*_args: Any) -> None:
        raise RuntimeError("offscreen: the set-up is only shown")

    dialog = SetupDialog(settings, SHARED_DEFAULTS, refuse, refuse, database=description)
    dialog.show()
    QApplication.processEvents()
    out.parent.mkdir(parents=True, exist_ok=True)
    ok = dialog.grab().save(str(out))
    dialog.close()
    return 0 if ok else 1


def _station_name(settings: Any) -> str:
    return f"{socket.gethostname()}/{settings.get('station_role')}"


def make_context(factory: Any, actor: Any, settings: Any, lang: str, description: str,
                 demo: bool = False) -> Any:
    from ui.context import StationContext

    ctx = StationContext(factory=factory, actor=actor, settings=settings, language=lang,
                         database=description)
    ctx.demo_data = demo  # a demo database: the status bar says so (ui/main_window.py)
    return ctx


def save_screenshot(factory: Any, description: str, settings: Any, out: Path, *, tab: str | None,
                    lang: str, login: str, demo: bool = False,
                    size: tuple[int, int] = (1366, 768)) -> int:
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
    ctx = make_context(factory, actor, settings, lang, description, demo)
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
    if model is None:
        return
    if getattr(model, "loading", False):
        # the list reads its first page on a pool thread: wait for it (an event loop, no sleep)
        from PySide6.QtCore import QEventLoop

        loop = QEventLoop()
        model.loadingChanged.connect(lambda busy: None if busy else loop.quit())
        if model.loading:
            loop.exec()
    if model.rowCount() == 0:
        return
    record = model.record(0)
    if record is None:
        return
    if hasattr(tab, "open_line"):
        tab.open_line(record.id)
    elif hasattr(tab, "open_return"):
        tab.open_return(record.id)


def _interactive(app: Any, factory: Any, description: str, settings: Any, lang: str,
                 tab: str | None, *, demo: bool = False, first: Any = None, server_url: str | None = None) -> int:
    from ui.main_window import MainWindow
    from ui.password_dialogs import station_login_dialog

    station = _station_name(settings)
    windows: list[Any] = []
    pending = [first] if first is not None else []

    def log_in() -> bool:
        if pending:  # logged in to the server before the database was opened
            dialog = pending.pop()
        elif server_url is not None:
            dialog = log_in_to_server(server_url, settings)
            if dialog is None:
                return False
        else:
            dialog = station_login_dialog(factory, settings, station)
            if not dialog.exec() or dialog.user is None:
                return False
        from ui.i18n import current_language

        server_session = getattr(dialog, "server_session", None)
        works_on = server_session.factory if server_session is not None else factory
        ctx = make_context(works_on, dialog.user, settings, current_language(), description, demo)
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

    from ui.backup_actions import mover  # move an embedded station's data to a server

    def run_shared(values: dict[str, str], done: Any) -> None:
        # off the UI thread like every action; the dialog waits for its outcome (OK held)
        ctx.run(lambda s: save_shared(s, ctx.actor, values), keep_if_offline=False,
                on_done=lambda outcome: done(outcome.error))

    dialog = SettingsDialog(settings, load_shared=load, save_shared=save, run_shared=run_shared,
                            can_edit_shared=ctx.can(Role.ADMIN, Role.MANAGER),
                            move_to_server=mover(ctx), parent=window)
    if not dialog.exec():
        return
    if "language" in dialog.changed:
        ctx.set_language(current_language())
    if "station_role" in dialog.changed:
        window.show_tab(settings.start_tab())
    if "database_url" in dialog.changed:
        window.database_changed()
