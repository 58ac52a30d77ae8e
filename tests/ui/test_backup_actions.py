"""Station → Back up / Restore, the daily backup at start, and Settings → Move this station's
data to a server, driven as an administrator would."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import create_engine, func, make_url, select, text

from app.services import backup
from app.services.users import actor_for
from db.engine import make_engine, make_session_factory
from db.models import Customer, RmaCounter, User
from tests.conftest import PG_URL
from tests.ui.test_infrastructure import clipped, make_settings_dialog
from tests.ui.test_window import click, open_window, type_text
from ui import backup_actions
from ui import errors as ui_errors
from ui.backup_actions import MoveToServerDialog


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """The message boxes the actions open (looked at, not shown)."""
    shown: list[Any] = []
    monkeypatch.setattr(ui_errors, "show", shown.append)
    return shown


def _sqlite_file(db_url: str) -> Path | None:
    url = make_url(db_url)
    return Path(url.database) if url.get_backend_name() == "sqlite" else None


def test_backup_and_restore_are_offered_to_an_admin_on_the_embedded_database(
        qtbot: Any, factory: Any, actors: dict, station_settings: Any, db_url: str) -> None:
    admin = open_window(qtbot, factory, actors["admin"], station_settings)
    embedded = _sqlite_file(db_url) is not None
    assert admin.ui.actionBackup.isVisible() is embedded
    assert admin.ui.actionRestore.isVisible() is embedded
    assert (backup_actions.mover(admin.ctx) is not None) is embedded
    qa = open_window(qtbot, factory, actors["qa"], station_settings)
    assert not qa.ui.actionBackup.isVisible() and not qa.ui.actionRestore.isVisible()
    assert backup_actions.mover(qa.ctx) is None


@dataclass
class Embedded:
    path: Path
    factory: Any
    actors: dict[str, Any]


@pytest.fixture
def embedded(sqlite_template: Path, tmp_path: Path) -> Iterator[Embedded]:
    """A station on its embedded SQLite file (backup and restore are of that file; the
    server case is the visibility test above, on both backends)."""
    path = tmp_path / "station" / "rma-station.sqlite3"
    path.parent.mkdir()
    shutil.copy(sqlite_template, path)
    engine = make_engine(f"sqlite:///{path}")
    factory = make_session_factory(engine)
    with factory() as s:
        actors = {u.login: actor_for(u, station="test") for u in s.scalars(select(User))}
    yield Embedded(path, factory, actors)
    engine.dispose()


def test_back_up_from_the_menu(qtbot: Any, station_settings: Any, embedded: Embedded, boxes: list[Any], monkeypatch: pytest.MonkeyPatch) -> None:
    window = open_window(qtbot, embedded.factory, embedded.actors["admin"], station_settings)
    out = embedded.path.parent / "menu-backup.sqlite3"
    suggested: list[str] = []
    monkeypatch.setattr(backup_actions, "choose_backup_file",
                        lambda _parent, proposal: suggested.append(proposal) or str(out))
    window.ui.actionBackup.trigger()
    assert Path(suggested[0]).parent == embedded.path.parent / "backups"
    assert backup.check_backup_file(out)[0]["app_user"] == 7
    assert "完整性检查通过" in window.statusBar().currentMessage()
    assert boxes and str(out) in boxes[-1].text()


def test_restore_from_the_menu_asks_then_reopens(qtbot: Any, station_settings: Any, embedded: Embedded, boxes: list[Any],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    saved = embedded.path.parent / "before.sqlite3"
    backup.backup_sqlite(embedded.path, saved)
    with embedded.factory.begin() as s:
        s.add(Customer(name="恢复后应消失的客户"))
    window = open_window(qtbot, embedded.factory, embedded.actors["admin"], station_settings)
    monkeypatch.setattr(backup_actions, "choose_restore_file", lambda _parent, _folder: str(saved))
    questions: list[str] = []

    def answer(button: QMessageBox.StandardButton) -> Any:
        return lambda _parent, _title, text_, *a, **k: questions.append(text_) or button

    monkeypatch.setattr(ui_errors, "ask", answer(QMessageBox.StandardButton.No))
    window.ui.actionRestore.trigger()
    assert "安全副本" in questions[-1] and "重新登录" in questions[-1]
    with embedded.factory() as s:
        assert s.scalar(select(func.count()).select_from(Customer).where(Customer.name == "恢复后应消失的客户")) == 1

    monkeypatch.setattr(ui_errors, "ask", answer(QMessageBox.StandardButton.Yes))
    with qtbot.waitSignal(window.switchUserRequested, timeout=10000):
        window.ui.actionRestore.trigger()
    assert window.isEnabled()
    with embedded.factory() as s:  # the same factory reopens the file: the backup's content
        assert s.scalar(select(func.count()).select_from(Customer).where(Customer.name == "恢复后应消失的客户")) == 0
    safety = list((embedded.path.parent / "backups").glob(f"{embedded.path.stem}.before-restore-*.sqlite3"))
    assert len(safety) == 1 and str(safety[0]) in boxes[-1].text()
    with make_engine(f"sqlite:///{safety[0]}").connect() as conn:  # the replaced file, as it was
        assert conn.execute(select(func.count()).select_from(Customer)).scalar_one() == 13


def test_restore_of_a_damaged_file_is_refused_with_a_message(qtbot: Any, station_settings: Any,
                                                             embedded: Embedded,
                                                             boxes: list[Any],
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    junk = embedded.path.parent / "junk.sqlite3"
    junk.write_bytes(b"\x00garbage" * 500)
    window = open_window(qtbot, embedded.factory, embedded.actors["admin"], station_settings)
    monkeypatch.setattr(backup_actions, "choose_restore_file", lambda _parent, _folder: str(junk))
    monkeypatch.setattr(ui_errors, "ask", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.assertNotEmitted(window.switchUserRequested):
        window.ui.actionRestore.trigger()
    assert window.isEnabled()
    shown = " ".join(getattr(b, "text", lambda: "")() for b in boxes) + window.statusBar().currentMessage()
    assert "不是 SQLite 数据库文件" in shown
    with embedded.factory() as s:
        assert s.scalar(select(func.count()).select_from(Customer)) == 12


def test_daily_backup_at_start_runs_off_the_ui_thread(qtbot: Any, embedded: Embedded,
                                                      real_threads: None) -> None:
    job = backup_actions.start_daily_backup(embedded.factory)
    assert job is not None and job.dialog is None  # no dialog: the window opens meanwhile
    with qtbot.waitSignal(job.succeeded, timeout=20000) as done:
        pass
    made = done.args[0]
    assert made == embedded.path.parent / "backups" / f"rma-station-{date.today():%Y-%m-%d}.sqlite3"
    assert backup.check_backup_file(made)[0]["customer"] == 12


# ------------------------------------------------------------------ move to a server


@pytest.fixture
def blank_server() -> Iterator[str]:
    """A database just created on the shared server, no tables yet; dropped after."""
    if not PG_URL:
        pytest.skip("RMA_TEST_POSTGRES_URL not set (run through tools/dev.py test)")
    name = f"rma_ui_move_{os.environ.get('PYTEST_XDIST_WORKER', 'gw0')}_{os.getpid()}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        c.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _move_dialog(qtbot: Any, embedded: Embedded) -> MoveToServerDialog:
    dialog = MoveToServerDialog(f"sqlite:///{embedded.path}")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_move_to_server_tests_copies_verifies_and_offers_the_switch(qtbot: Any, embedded: Embedded,
                                                                    blank_server: str) -> None:
    dialog = _move_dialog(qtbot, embedded)
    assert not dialog.ui.copyButton.isEnabled() and not dialog.ui.switchButton.isEnabled()
    type_text(qtbot, dialog.ui.urlEdit, blank_server)
    click(qtbot, dialog.ui.testButton)
    assert "还没有表" in dialog.ui.statusLabel.text()

    click(qtbot, dialog.ui.copyButton)
    assert "已复制并校验" in dialog.ui.statusLabel.text()
    lines = dialog.ui.resultText.toPlainText()
    assert "rma_return:" in lines and "audit_log:" in lines and "校验和一致" in lines
    assert not dialog.ui.copyButton.isEnabled()  # once: the server holds the data now
    server = make_engine(blank_server)
    with server.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Customer)).scalar_one() == 12
    server.dispose()

    click(qtbot, dialog.ui.testButton)
    assert "不是空的" in dialog.ui.statusLabel.text() and "app_user" in dialog.ui.statusLabel.text()
    click(qtbot, dialog.ui.switchButton)
    assert dialog.result() == MoveToServerDialog.DialogCode.Accepted
    assert dialog.switch_to == blank_server


def test_move_to_an_unreachable_server_says_so(qtbot: Any, embedded: Embedded, switch_language: Any) -> None:
    switch_language("en")
    dialog = _move_dialog(qtbot, embedded)
    type_text(qtbot, dialog.ui.urlEdit, "postgresql+psycopg://rma@127.0.0.1:9/rma")
    click(qtbot, dialog.ui.copyButton)
    assert dialog.ui.statusLabel.text().startswith("Cannot connect to the database PostgreSQL: 127.0.0.1:9/rma")
    assert dialog.ui.copyButton.isEnabled() and not dialog.ui.switchButton.isEnabled()


def test_cancel_during_the_copy_leaves_the_server_unchanged(qtbot: Any, embedded: Embedded, blank_server: str,
                                                            real_threads: None) -> None:
    server = make_engine(blank_server)
    backup.open_target(blank_server)[0].dispose()  # schema created, no data
    # another session holds a table: the copy waits at its lock, where the user presses Cancel
    blocker = server.connect()
    blocker.begin()
    blocker.execute(text("LOCK TABLE customer IN ACCESS EXCLUSIVE MODE"))
    dialog = _move_dialog(qtbot, embedded)
    type_text(qtbot, dialog.ui.urlEdit, blank_server)
    click(qtbot, dialog.ui.copyButton)
    watcher = create_engine(PG_URL)

    def copy_waits_for_the_lock() -> bool:
        with watcher.connect() as c:
            return bool(c.execute(text("SELECT count(*) FROM pg_stat_activity WHERE datname = :d "
                                       "AND wait_event_type = 'Lock'"),
                                  {"d": make_url(blank_server).database}).scalar_one())

    qtbot.waitUntil(copy_waits_for_the_lock, timeout=20000)
    assert not dialog.ui.copyButton.isEnabled() and not dialog.ui.testButton.isEnabled()
    dialog.job.cancel()  # the progress dialog's Cancel
    with qtbot.waitSignal(dialog.job.finished, timeout=20000):
        blocker.rollback()
    blocker.close()
    watcher.dispose()
    assert "已取消" in dialog.ui.statusLabel.text()
    assert dialog.ui.copyButton.isEnabled() and dialog.copied is None
    with server.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Customer)).scalar_one() == 0
        assert conn.execute(select(func.count()).select_from(RmaCounter)).scalar_one() == 0
    server.dispose()


def test_settings_dialog_takes_the_server_address_after_the_move(qtbot: Any, station_settings: Any) -> None:
    asked: list[str] = []

    def move(_parent: Any, typed: str) -> str:
        asked.append(typed)
        return "postgresql+psycopg://rma@dbserver/rma"

    dialog, _shared = make_settings_dialog(qtbot, station_settings, move_to_server=move)
    assert dialog.ui.moveToServerButton.isVisible()
    qtbot.mouseClick(dialog.ui.moveToServerButton, Qt.MouseButton.LeftButton)
    assert asked == [""]
    assert dialog.ui.databaseUrlEdit.text() == "postgresql+psycopg://rma@dbserver/rma"
    assert "下次启动" in dialog.ui.databaseMessageLabel.text()
    click(qtbot, dialog.ok_button)
    assert "database_url" in dialog.changed
    assert station_settings.get("database_url") == "postgresql+psycopg://rma@dbserver/rma"

    plain, _ = make_settings_dialog(qtbot, station_settings)
    assert not plain.ui.moveToServerButton.isVisible()


def test_move_dialog_and_its_button_fit_their_texts(qtbot: Any, embedded: Embedded, station_settings: Any,
                                                    switch_language: Any) -> None:
    move = _move_dialog(qtbot, embedded)
    settings, _ = make_settings_dialog(qtbot, station_settings, move_to_server=lambda _p, _u: None)
    for lang in ("zh_CN", "en"):
        switch_language(lang)
        for dialog in (move, settings):
            dialog.resize(dialog.size().expandedTo(dialog.sizeHint()))
            QApplication.processEvents()
            assert clipped(dialog) == [], (lang, dialog.objectName())
    assert settings.ui.moveToServerButton.text().startswith("&Move")
