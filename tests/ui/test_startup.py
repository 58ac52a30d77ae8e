"""The station's start: only the tab it opens on is built, and the libraries of printing,
Excel and schema upgrades are not imported until something needs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from tests.ui.test_window import open_window

ROOT = Path(__file__).resolve().parents[2]

# Started in a fresh interpreter, as `rma-station` starts: the database is opened and
# checked by ui.first_start, the admin's window opens on the desk and reads its list.
_START = textwrap.dedent("""
    import json, os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from ui.settings import StationSettings, use_settings_folder
    use_settings_folder(sys.argv[1])
    from ui.first_start import open_station_database
    settings = StationSettings()
    from ui.app import server_login_url
    assert server_login_url(settings) is None  # as ui.app.run_gui asks first: not a per-person server
    opened = open_station_database(settings)
    from app.services import lookups
    from app.services.users import actor_for
    from ui.app import make_context
    from ui.main_window import MainWindow
    from ui.worker import Worker
    with opened.factory() as s:
        actor = actor_for(lookups.user_by_login(s, "admin"), station="test/desk")
    window = MainWindow(make_context(opened.factory, actor, settings, "zh_CN", opened.description),
                        start_tab="incoming")
    window.show()
    app.processEvents()
    Worker.wait_all()
    app.processEvents()
    model = window.tabs["incoming"].list_model
    watched = ("openpyxl", "reportlab", "alembic", "barcode", "app.excel.legacy", "app.excel.importer",
               "ui.import_dialog", "ui.reports_tab", "ui.labels_tab", "ui.rework_tab", "ui.inspection_tab",
               # the follow-through windows and their services load when first opened (menus, buttons)
               "ui.claims.list_window", "ui.claims.replacements_window", "ui.claims.dialogs",
               "ui.claims.warranty_dialogs", "app.services.claims", "app.services.replacements",
               "ui.eightd.list_window", "ui.liaison.queue_window", "ui.trace", "app.services.trace",
               # the server's roles and triggers are a schema upgrade's, its log-ins a per-person server's
               "db.roles", "app.services.server_roles")
    if os.environ["RMA_DATABASE_URL"].startswith("sqlite"):
        # nothing of SQLite's start goes through the PostgreSQL dialect (db.models' index
        # options are checked when first read, the counters' INSERT is the dialect's own)
        watched += ("sqlalchemy.dialects.postgresql", "psycopg")
    print(json.dumps({"modules": sorted(m for m in watched if m in sys.modules),
                      "built": sorted(window.tabs.built()), "tabs": sorted(window.tabs),
                      "loaded": model.loaded}))
    window.close()
""")


def test_the_start_imports_no_printing_excel_alembic_follow_up_windows_or_other_dialect_and_builds_one_tab(db_url: str, tmp_path: Path) -> None:
    env = dict(os.environ, RMA_DATABASE_URL=db_url, PYTHONPATH=str(ROOT))
    env.pop("RMA_WORKER_SYNC", None)
    result = subprocess.run([sys.executable, "-c", _START, str(tmp_path / "qsettings")], capture_output=True,
                            text=True, env=env, cwd=ROOT, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["modules"] == []
    assert seen["built"] == ["incoming"]
    assert seen["tabs"] == ["incoming", "inspection", "labels", "reports", "rework"]
    assert seen["loaded"] is True  # the desk's first list was read (on a pool thread)


def test_a_tab_not_yet_shown_is_not_built(qtbot: Any, factory: Any, actors: dict[str, Any],
                                          station_settings: Any) -> None:
    window = open_window(qtbot, factory, actors["admin"], station_settings, tab="incoming", other_tabs=True)
    assert set(window.tabs.built()) == {"incoming"}
    assert "rework" in window.tabs and not window.tabs.is_built("rework")
    bar = window.ui.tabs.tabBar()
    index = window.ui.tabs.indexOf(window.tabs.page("rework"))
    titles = [bar.tabText(i) for i in range(bar.count())]
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert window.tabs.is_built("rework")
    rework = window.tabs["rework"]
    assert window.ui.tabs.currentWidget() is rework and window.current_tab_key() == "rework"
    assert window.ui.tabs.indexOf(rework) == index
    assert [bar.tabText(i) for i in range(bar.count())] == titles  # the title stayed with its tab
    assert rework.model.loaded  # shown, so its queue was read
    assert set(window.tabs.built()) == {"incoming", "rework"}


def test_the_first_list_is_asked_for_before_the_queue_counts_of_the_titles(
        qtbot: Any, engine: Any, factory: Any, actors: dict[str, Any], station_settings: Any) -> None:
    # on SQLite each transaction takes the write lock in turn: what the user waits for goes first
    from tests.unit.services.helpers import statements

    with statements(engine) as sent:
        window = open_window(qtbot, factory, actors["wh"], station_settings, tab="incoming")
        qtbot.waitUntil(lambda: window.tabs["incoming"].list_model.loaded, timeout=30_000)
    page = next(i for i, s in enumerate(sent) if s.startswith("SELECT rma_return.id, rma_return.rma_no"))
    counts = [i for i, s in enumerate(sent) if "count(" in s and "sum(CASE" in s]  # ui.queue_titles
    assert counts, "\n\n".join(sent)
    assert page < min(counts), "\n\n".join(sent)
    assert "收货待登记" in window.ui.tabs.tabText(0)  # the titles were counted after it


def test_the_desk_pick_lists_and_the_master_data_stamp_are_read_after_the_first_list(
        qtbot: Any, engine: Any, factory: Any, actors: dict[str, Any], station_settings: Any,
        live_refresh: None, real_threads: None) -> None:
    # on pool threads, as a station starts: what the person waits for is asked for alone,
    # the desk's customers and places and ui.live's stamp of the master data only after it
    from tests.unit.services.helpers import statements

    with statements(engine) as sent:
        window = open_window(qtbot, factory, actors["wh"], station_settings, tab="incoming")
        desk = window.tabs["incoming"]
        qtbot.waitUntil(lambda: desk.list_model.loaded and bool(desk.customers)
                        and window.live._reference is not None, timeout=30_000)
    page = next(i for i, s in enumerate(sent) if s.startswith("SELECT rma_return.id, rma_return.rma_no"))
    customers = [i for i, s in enumerate(sent) if "customer.active" in s and "ORDER BY customer.code" in s]
    stamps = [i for i, s in enumerate(sent) if "max(customer.updated_at)" in s]  # ui.live's reference stamp
    assert customers and stamps, "\n\n".join(sent)
    assert page < min(customers + stamps), "\n\n".join(sent)
    assert desk.ui.customerCombo.count() == len(desk.customers)  # the pick list was filled after it
    window.close()
