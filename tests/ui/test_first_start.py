"""The first start as a person meets it: the set-up typed in, the demo choice, and a
database that vanished, emptied or changed — refused with a message, never replaced."""

from __future__ import annotations

import argparse
from typing import Any

import pytest
from sqlalchemy import func, select

from app.services.users import authenticate
from db.engine import make_engine, make_session_factory, unit_of_work
from db.identity import location_key, read_identity
from db.models import Customer, Return, User
from tests.ui.test_window import click, open_window, type_text
from ui import app as station_app
from ui import first_start, setup_dialog
from ui.first_start import StartRefused, known_databases, open_station_database, remember
from ui.login_dialog import LoginDialog


@pytest.fixture
def station_on(station_settings, monkeypatch):
    """Point the station at a database URL, as RMA_DATABASE_URL would."""

    def point(url: str) -> Any:
        monkeypatch.setenv("RMA_DATABASE_URL", url)
        return station_settings

    return point


def _setup_dialog(qtbot, opened, settings):
    dialog = station_app.make_setup_dialog(opened, settings)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _fill(qtbot, dialog, *, password="Sicher-2026", again="Sicher-2026") -> None:
    ui = dialog.ui
    type_text(qtbot, ui.companyEdit, "东方电器有限公司")
    edit = dialog.form_edits["form_no.notice"]
    edit.selectAll()
    qtbot.keyClicks(edit, "QR-7.5-11")
    rev = dialog.form_edits["form_rev.notice"]
    rev.selectAll()
    qtbot.keyClicks(rev, "C")
    ui.roleCombo.setCurrentIndex(ui.roleCombo.findData("qa"))
    qtbot.keyClicks(ui.loginEdit, "zhang")
    type_text(qtbot, ui.nameEdit, "张三")
    qtbot.keyClicks(ui.passwordEdit, password)
    qtbot.keyClicks(ui.againEdit, again)


def test_the_set_up_typed_in_makes_an_empty_station_the_admin_logs_in_to(
        qtbot, empty_db_url, station_on) -> None:
    settings = station_on(empty_db_url)
    opened = open_station_database(settings)
    assert opened.needs_setup
    dialog = _setup_dialog(qtbot, opened, settings)
    assert dialog.form_edits["form_no.analysis"].text() == "QR-8.3-02"  # prefilled
    assert dialog.ui.companyEdit.text() == ""  # the placeholder name is not offered
    _fill(qtbot, dialog)
    click(qtbot, dialog.ui.setupButton)
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.choice == setup_dialog.SETUP
    station_app.finish_setup(opened, settings, dialog)
    assert settings.get("station_role") == "qa" and settings.get("last_user") == "zhang"
    assert known_databases(settings)[location_key(empty_db_url)] == opened.identity.database_id
    with opened.factory() as s:
        assert [u.login for u in s.scalars(select(User))] == ["zhang"]
        assert s.scalar(select(func.count()).select_from(Return)) == 0
        assert not read_identity(s).demo

    # the log-in: the administrator just created gets in, the password in hand
    def check(login: str, password: str) -> Any:
        with unit_of_work(opened.factory) as s:
            return authenticate(s, login, password, "test")

    login = LoginDialog(settings, check)
    qtbot.addWidget(login)
    assert login.ui.userEdit.text() == "zhang"
    qtbot.keyClicks(login.ui.passwordEdit, "Sicher-2026")
    click(qtbot, login.ok_button)
    assert login.user is not None and login.user.login == "zhang"

    # an empty station, no demo label
    window = open_window(qtbot, opened.factory, login.user, settings, tab="incoming")
    assert window.tabs["incoming"].list_model.rowCount() == 0
    assert not window.demo_label.isVisible()
    # the next start knows this database and goes straight to the log-in
    again = open_station_database(settings)
    assert not again.needs_setup and again.identity.database_id == opened.identity.database_id
    again.engine.dispose()
    opened.engine.dispose()


def test_bad_set_up_input_is_shown_inline_and_kept(qtbot, empty_db_url, station_on) -> None:
    settings = station_on(empty_db_url)
    opened = open_station_database(settings)
    dialog = _setup_dialog(qtbot, opened, settings)
    _fill(qtbot, dialog, again="Sicher-2025")
    click(qtbot, dialog.ui.setupButton)
    assert dialog.isVisible() and dialog.choice is None
    assert dialog.ui.errorLabel.text() == "两次输入的密码不一致"
    assert dialog.ui.againEdit.property("invalid") is True
    # the company emptied: the service's message, at the company field; the rest is kept
    dialog.ui.againEdit.selectAll()
    qtbot.keyClicks(dialog.ui.againEdit, "Sicher-2026")
    dialog.ui.companyEdit.clear()
    click(qtbot, dialog.ui.setupButton)
    assert dialog.isVisible()
    assert dialog.ui.errorLabel.text() == "公司名称不能为空"
    assert dialog.ui.companyEdit.property("invalid") is True
    assert dialog.ui.loginEdit.text() == "zhang" and dialog.ui.nameEdit.text() == "张三"
    assert dialog.form_edits["form_no.notice"].text() == "QR-7.5-11"
    with opened.factory() as s:
        assert s.scalar(select(func.count()).select_from(User)) == 0
    type_text(qtbot, dialog.ui.companyEdit, "东方电器")
    click(qtbot, dialog.ui.setupButton)
    assert dialog.choice == setup_dialog.SETUP
    opened.engine.dispose()


def test_the_keyboard_walks_the_set_up_from_top_to_bottom(qtbot, empty_db_url, station_on) -> None:
    from PySide6.QtCore import Qt

    settings = station_on(empty_db_url)
    opened = open_station_database(settings)
    dialog = _setup_dialog(qtbot, opened, settings)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.ui.companyEdit.hasFocus, timeout=5000)
    walk = [dialog.form_edits["form_no.notice"], dialog.form_edits["form_rev.notice"]]
    for expected in walk:
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
        assert dialog.focusWidget() is expected
    for _ in range(len(dialog.form_edits) - 2):
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    for expected in (dialog.ui.roleCombo, dialog.ui.loginEdit, dialog.ui.nameEdit):
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
        assert dialog.focusWidget() is expected
    opened.engine.dispose()


def test_bad_set_up_input_is_shown_in_english_too(qtbot, empty_db_url, station_on, switch_language) -> None:
    switch_language("en")
    settings = station_on(empty_db_url)
    opened = open_station_database(settings)
    dialog = _setup_dialog(qtbot, opened, settings)
    assert dialog.ui.setupButton.text() == "&Set up and log in"
    _fill(qtbot, dialog, again="other")
    click(qtbot, dialog.ui.setupButton)
    assert dialog.ui.errorLabel.text() == "The two passwords differ"
    opened.engine.dispose()


def test_the_demo_choice_asks_then_marks_the_database_and_the_status_bar(
        qtbot, empty_db_url, station_on, monkeypatch) -> None:
    settings = station_on(empty_db_url)
    opened = open_station_database(settings)
    dialog = _setup_dialog(qtbot, opened, settings)
    asked: list[str] = []
    monkeypatch.setattr(setup_dialog, "ask_yes_no", lambda _p, _t, text: asked.append(text) or False)
    click(qtbot, dialog.ui.demoButton)
    assert asked and "1234" in asked[0] and "演示数据" in asked[0]
    assert dialog.isVisible()  # said no: nothing filled
    with opened.factory() as s:
        assert read_identity(s).empty
    monkeypatch.setattr(setup_dialog, "ask_yes_no", lambda *_a: True)
    click(qtbot, dialog.ui.demoButton)
    assert dialog.choice == setup_dialog.DEMO
    station_app.finish_setup(opened, settings, dialog)
    assert opened.identity.demo and settings.get("last_user") == "admin"
    with opened.factory() as s:
        assert s.scalar(select(func.count()).select_from(Return)) == 200
        admin = authenticate(s, "admin", "1234", "test")
    ctx_window = open_window(qtbot, opened.factory, admin, settings)
    assert not ctx_window.demo_label.isVisible()  # a context that does not say demo
    window = station_app.make_context(opened.factory, admin, settings, "zh_CN", opened.description, True)
    from ui.main_window import MainWindow

    main = MainWindow(window, other_tabs=False)
    qtbot.addWidget(main)
    main.show()
    assert main.demo_label.isVisible() and main.demo_label.text().startswith("演示数据")
    opened.engine.dispose()


def test_a_missing_remembered_file_is_refused_and_not_recreated(
        qtbot, tmp_path, station_on, monkeypatch, capsys) -> None:
    path = tmp_path / "data" / "rma-station.sqlite3"
    url = f"sqlite:///{path}"
    settings = station_on(url)
    remember(settings, location_key(url), "0123456789abcdef")
    with pytest.raises(StartRefused) as caught:
        open_station_database(settings)
    assert caught.value.key == "db_file_missing_known"
    assert not path.exists()
    # the start says so and quits when the user chooses nothing
    shown: list[tuple[str, list[str]]] = []

    def answer_quit(_parent, _title, text, options):
        shown.append((text, [key for key, _ in options]))
        return None

    monkeypatch.setattr(first_start, "choose", answer_quit)
    assert station_app.start_database(settings, "zh_CN") is None
    text, options = shown[0]
    assert "找不到数据库文件" in text and str(path) in text
    assert options == ["restore", "other", "new"]
    assert not path.exists() and not path.parent.exists() or not any(path.parent.iterdir())
    # only an explicit, confirmed choice starts a new set-up
    answers = iter(["new", "yes"])
    monkeypatch.setattr(first_start, "choose", lambda *_a: next(answers))
    opened = station_app.start_database(settings, "zh_CN")
    assert opened is not None and opened.needs_setup and path.exists()
    opened.engine.dispose()


def test_a_backup_put_back_is_opened_when_its_identity_matches(
        qtbot, tmp_path, station_on, monkeypatch, empty_sqlite_template) -> None:
    import shutil

    from app.services import setup

    backup = tmp_path / "backup.sqlite3"
    shutil.copy(empty_sqlite_template, backup)
    engine = make_engine(f"sqlite:///{backup}")
    with make_session_factory(engine).begin() as s:
        database_id = setup.initialize(s, "东方电器", {}, "zhang", "张三", "Sicher-2026")
    engine.dispose()
    path = tmp_path / "data" / "rma-station.sqlite3"
    url = f"sqlite:///{path}"
    settings = station_on(url)
    remember(settings, location_key(url), database_id)
    monkeypatch.setattr(first_start, "choose", lambda *_a: "restore")
    monkeypatch.setattr(first_start, "pick_file", lambda *_a: str(backup))
    opened = station_app.start_database(settings, "zh_CN")
    assert opened is not None and opened.identity.database_id == database_id and not opened.needs_setup
    opened.engine.dispose()


def test_an_emptied_or_different_server_database_is_refused(qtbot, empty_db_url, db_url, station_on) -> None:
    settings = station_on(empty_db_url)
    remember(settings, location_key(empty_db_url), "0123456789abcdef")
    with pytest.raises(StartRefused) as caught:
        open_station_database(settings)
    assert caught.value.key == "db_emptied"
    assert "是空的" in caught.value.message("zh")
    with make_session_factory(make_engine(empty_db_url))() as s:
        assert read_identity(s).empty  # no set-up was run over it
    # a database with data and another identity than the one this station knew
    station_on(db_url)
    first = open_station_database(settings)  # adopted: it gets an identity
    first.engine.dispose()
    remember(settings, location_key(db_url), "fedcba9876543210")
    with pytest.raises(StartRefused) as caught:
        open_station_database(settings)
    assert caught.value.key == "db_different"


def test_a_file_that_vanishes_while_the_station_runs_refuses_the_save(
        qtbot, tmp_path, station_on, empty_sqlite_template, actors) -> None:
    import shutil

    path = tmp_path / "data" / "rma-station.sqlite3"
    path.parent.mkdir()
    shutil.copy(empty_sqlite_template, path)
    settings = station_on(f"sqlite:///{path}")
    opened = open_station_database(settings)
    from app.services import setup

    with unit_of_work(opened.factory) as s:
        setup.initialize(s, "东方电器", {}, "zhang", "张三", "Sicher-2026")
    with opened.factory() as s:
        admin = authenticate(s, "zhang", "Sicher-2026")
    window = open_window(qtbot, opened.factory, admin, settings)
    messages: list[str] = []
    window.ctx.events.message.connect(messages.append)
    path.unlink()
    outcome = window.ctx.run(lambda s: s.add(Customer(code="C9", name="新客户")))
    assert not outcome.ok
    assert messages and messages[-1].startswith("数据库文件不见了")
    assert window.banner.isVisible()
    assert not path.exists()
    opened.engine.dispose()
    assert not path.exists()


def test_without_a_display_an_empty_data_folder_shows_the_set_up_and_creates_nothing(
        qtbot, tmp_path, monkeypatch, capsys) -> None:
    from PySide6.QtGui import QImage

    data = tmp_path / "data"
    data.mkdir()
    monkeypatch.setenv("RMA_DATA_DIR", str(data))
    monkeypatch.delenv("RMA_DATABASE_URL", raising=False)
    monkeypatch.setattr(station_app, "_no_display", lambda: True)
    args = argparse.Namespace(command=None, screenshot=None, tab=None, lang="zh_CN", user=None)
    assert station_app.run_gui(args) == 0
    out = data / station_app.SCREENSHOT_NAME
    printed = capsys.readouterr().out
    assert str(out) in printed and "display" in printed
    assert QImage(str(out)).width() > 300
    assert [p.name for p in data.iterdir()] == [station_app.SCREENSHOT_NAME]  # no database


def test_a_set_up_another_station_finished_first_is_a_message_not_a_crash(
        qtbot, empty_db_url, station_on, monkeypatch) -> None:
    from sqlalchemy.exc import IntegrityError

    from app.services import setup

    def raced(*_a: Any, **_k: Any) -> None:
        raise IntegrityError("INSERT INTO setting", {}, Exception("duplicate key"))

    settings = station_on(empty_db_url)
    opened = open_station_database(settings)
    monkeypatch.setattr(setup, "initialize", raced)
    dialog = _setup_dialog(qtbot, opened, settings)
    _fill(qtbot, dialog)
    click(qtbot, dialog.ui.setupButton)
    assert dialog.isVisible() and dialog.ui.errorLabel.text() == "数据库已经设置过,不能再次初始化"
    assert dialog.ui.loginEdit.text() == "zhang"
    opened.engine.dispose()
