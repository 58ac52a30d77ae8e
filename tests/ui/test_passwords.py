"""Passwords in the window: the forced change at log-in, the lockout message, Station →
Change password…, and the administrator's ResetPasswordDialog — against a real database."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from sqlalchemy import select

from app.services.context import Actor
from app.services.passwords import verify_password
from db.models import LoginEvent, User
from tests.ui.test_window import click, open_window
from ui.app import make_context
from ui.context import StationContext
from ui.main_window import MainWindow
from ui.password_dialogs import ChangePasswordDialog, ResetPasswordDialog, station_login_dialog


def _user(factory: Any, login: str) -> User:
    with factory() as s:
        return s.scalar(select(User).where(User.login == login))


def _login_dialog(qtbot: Any, factory: Any, settings: Any) -> Any:
    dialog = station_login_dialog(factory, settings, "desk-1/warehouse")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _log_in(qtbot: Any, dialog: Any, login: str, password: str) -> None:
    dialog.ui.userEdit.clear()
    qtbot.keyClicks(dialog.ui.userEdit, login)
    dialog.ui.passwordEdit.clear()
    qtbot.keyClicks(dialog.ui.passwordEdit, password)
    qtbot.keyClick(dialog.ui.passwordEdit, Qt.Key.Key_Return)


def _type_new(qtbot: Any, dialog: ChangePasswordDialog | ResetPasswordDialog, new: str,
              repeat: str | None = None) -> None:
    for edit, text in ((dialog.ui.newEdit, new), (dialog.ui.repeatEdit, new if repeat is None else repeat)):
        edit.clear()
        qtbot.keyClicks(edit, text)
    qtbot.keyClick(dialog.ui.repeatEdit, Qt.Key.Key_Return)


def test_a_must_change_user_changes_the_password_then_gets_the_window(
        qtbot: Any, factory: Any, station_settings: Any) -> None:
    with factory.begin() as s:
        s.scalar(select(User).where(User.login == "wh")).must_change_password = True
    dialog = _login_dialog(qtbot, factory, station_settings)
    _log_in(qtbot, dialog, "wh", "1234")

    change = dialog.change_dialog
    assert change is not None
    qtbot.waitExposed(change)
    assert dialog.result() != QDialog.DialogCode.Accepted.value and dialog.user is None
    assert change.forced and change.ui.introLabel.text() == "wh 须先设置新密码,才能开始工作。"
    assert not change.ui.oldEdit.isVisible()  # just typed at log-in
    assert change.focusWidget() is change.ui.newEdit

    for new, repeat, message in (("abc", None, "密码至少需要8个字符"),
                                 ("88888888", None, "这个密码太常见,很容易被猜到,请换一个"),
                                 ("Cang-ku-2026", "Cang-ku-2025", "两次输入的新密码不一致"),
                                 ("1234", None, "新密码不能与当前密码相同")):
        _type_new(qtbot, change, new, repeat)
        assert change.isVisible() and change.error_text == message
        assert change.ui.newEdit.text() == new  # the input is kept
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        _type_new(qtbot, change, "Cang-ku-2026")
    assert isinstance(dialog.user, Actor) and dialog.user.login == "wh"
    assert station_settings.last_user == "wh"
    user = _user(factory, "wh")
    assert not user.must_change_password and verify_password("Cang-ku-2026", user.password_hash)

    window = MainWindow(make_context(factory, dialog.user, station_settings, "zh_CN", "SQLite: test"),
                        other_tabs=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert "王仓管" in window.user_label.text()


def test_cancelling_the_forced_change_is_not_logging_in(
        qtbot: Any, factory: Any, station_settings: Any) -> None:
    with factory.begin() as s:
        s.scalar(select(User).where(User.login == "qa")).must_change_password = True
    dialog = _login_dialog(qtbot, factory, station_settings)
    _log_in(qtbot, dialog, "qa", "1234")
    change = dialog.change_dialog
    qtbot.waitExposed(change)
    qtbot.keyClick(change, Qt.Key.Key_Escape)
    assert not change.isVisible() and dialog.isVisible() and dialog.user is None
    assert dialog.ui.errorLabel.text() == "已取消登录:须先设置新密码。"
    assert dialog.ui.passwordEdit.text() == ""
    assert _user(factory, "qa").must_change_password


def test_the_log_in_dialog_says_the_account_is_locked(
        qtbot: Any, factory: Any, station_settings: Any, switch_language: Any) -> None:
    dialog = _login_dialog(qtbot, factory, station_settings)
    for _ in range(4):
        _log_in(qtbot, dialog, "eng", "wrong")
        assert dialog.ui.errorLabel.text() == "用户名或密码错误"
    _log_in(qtbot, dialog, "eng", "wrong")
    assert dialog.ui.errorLabel.text().startswith("登录失败次数过多,账户已锁定,请于")
    _log_in(qtbot, dialog, "eng", "1234")  # the right password, while locked
    assert dialog.isVisible() and dialog.user is None
    assert "账户已锁定" in dialog.ui.errorLabel.text()
    switch_language("en")
    assert dialog.ui.errorLabel.text().startswith("Too many failed log-ins: the account is locked until ")
    with factory() as s:
        events = [(e.reason, e.station) for e in s.scalars(select(LoginEvent).order_by(LoginEvent.id))]
    assert events == [("wrong_password", "desk-1/warehouse")] * 5 + [("locked", "desk-1/warehouse")]


def test_change_own_password_from_the_station_menu(
        qtbot: Any, factory: Any, actors: Any, station_settings: Any) -> None:
    window = open_window(qtbot, factory, actors["qa"], station_settings)
    assert window.ui.actionChangePassword.text() == "修改密码(&P)…"
    assert window.ui.actionChangePassword in window.ui.menuStation.actions()
    window.ui.actionChangePassword.trigger()
    dialog = window.password_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert dialog.ui.oldEdit.isVisible() and dialog.focusWidget() is dialog.ui.oldEdit
    assert dialog.ui.introLabel.text() == "修改 qa 的密码。"

    qtbot.keyClicks(dialog.ui.oldEdit, "4321")
    _type_new(qtbot, dialog, "Pin-zhi-2026")
    assert dialog.error_text == "当前密码不正确" and dialog.focusWidget() is dialog.ui.oldEdit
    dialog.ui.oldEdit.clear()
    qtbot.keyClicks(dialog.ui.oldEdit, "1234")
    _type_new(qtbot, dialog, "qa")
    assert dialog.error_text == "密码至少需要8个字符"
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        _type_new(qtbot, dialog, "Pin-zhi-2026")
    assert window.statusBar().currentMessage() == "密码已修改。"
    assert verify_password("Pin-zhi-2026", _user(factory, "qa").password_hash)


def test_an_administrator_resets_a_password(qtbot: Any, factory: Any, actors: Any,
                                            station_settings: Any, switch_language: Any) -> None:
    ctx = StationContext(factory, actors["admin"], station_settings, database="SQLite: test")
    qa = actors["qa"].user_id
    dialog = ResetPasswordDialog(ctx, qa, "qa")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "重置密码 — 客退品处理工作站"
    assert not dialog.ui.oldEdit.isVisible()
    assert dialog.ui.introLabel.text() == "为 qa 设置新密码。该用户下次登录时须修改密码。"
    qtbot.keyClick(dialog.ui.newEdit, Qt.Key.Key_Return)
    assert dialog.error_text == "新密码不能为空"
    _type_new(qtbot, dialog, "password1")
    assert dialog.error_text == "这个密码太常见,很容易被猜到,请换一个"
    switch_language("en")  # the message follows the language
    assert dialog.error_text == "This password is too common and easily guessed: choose another"
    assert dialog.ui.introLabel.text() == (
        "New password for qa. They must change it at their next log-in.")
    switch_language("zh_CN")
    with qtbot.waitSignal(ctx.events.referenceChanged, timeout=5000), \
            qtbot.waitSignal(dialog.accepted, timeout=5000):
        _type_new(qtbot, dialog, "Chen-pin-2026")
    user = _user(factory, "qa")
    assert user.must_change_password and verify_password("Chen-pin-2026", user.password_hash)

    # someone without the administrator role is refused, in the dialog
    not_admin = StationContext(factory, actors["mgr"], station_settings, database="SQLite: test")
    refused = ResetPasswordDialog(not_admin, qa, "qa")
    qtbot.addWidget(refused)
    refused.show()
    _type_new(qtbot, refused, "Zhang-zong-2026")
    assert refused.isVisible() and "系统管理员" in refused.error_text
    click(qtbot, refused.ui.buttonBox.button(refused.ui.buttonBox.StandardButton.Cancel))
    assert not refused.isVisible()
