"""The Qt infrastructure as a person meets it: font, languages, log-in, settings, work, errors."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import threading
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontInfo,
    QGuiApplication,
    QImage,
    QInputMethodEvent,
    QRawFont,
    QTextLayout,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import DatabaseUnavailable, StationError
from ui import errors as ui_errors
from ui import i18n
from ui.errors import CrashDialog, DbBanner, ErrorReporter, MoneyValidator, install_excepthook
from ui.fonts import register_cjk_font
from ui.i18n import current_language, install_language
from ui.login_dialog import LoginDialog
from ui.settings import OPTIONS, StationSettings
from ui.settings_dialog import SettingsDialog
from ui.worker import Cancelled, Progress, run_in_background

ROOT = Path(__file__).resolve().parents[2]
SHARED = {
    "labour_rate": "32.00",
    "form_no.notice": "QR-8.3-01", "form_rev.notice": "A",
    "form_no.analysis": "QR-8.3-02", "form_rev.analysis": "A",
    "form_no.liaison": "QR-8.3-03", "form_rev.liaison": "A",
    "form_no.rework": "QR-8.3-04", "form_rev.rework": "B",
}


def build_ui_module() -> ModuleType:
    """tools/build_ui.py as a module (tools/ is a folder of scripts, not a package)."""
    if "build_ui" not in sys.modules:
        spec = importlib.util.spec_from_file_location("build_ui", ROOT / "tools" / "build_ui.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules["build_ui"] = module  # dataclasses look their module up while it loads
        spec.loader.exec_module(module)
    return sys.modules["build_ui"]


def shots_dir(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("RMA_UI_SHOTS") or tmp_path / "shots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def ink(image: QImage) -> int:
    """How many pixels differ clearly from the top-left (background) pixel."""
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    bg = QColor(image.pixel(0, 0)).lightness()
    return sum(1 for y in range(image.height()) for x in range(image.width())
               if abs(QColor(image.pixel(x, y)).lightness() - bg) > 60)


def clipped(dialog: QWidget) -> list[str]:
    """Visible texts that do not fit the space the layout gave them."""
    out = []
    for w in dialog.findChildren(QWidget):
        if not w.isVisibleTo(dialog):
            continue
        if isinstance(w, QLabel) and w.text():
            if w.wordWrap():
                if w.height() < w.heightForWidth(w.width()):
                    out.append(w.text())
            elif w.width() < w.sizeHint().width():
                out.append(w.text())
        elif isinstance(w, QAbstractButton | QGroupBox) and w.width() < w.minimumSizeHint().width():
            out.append(w.text() if isinstance(w, QAbstractButton) else w.title())
    return out


class FakeShared:
    """The database side of the settings dialog: what app.services.settings would do."""

    def __init__(self, values: dict[str, str] | None = None, fail: StationError | None = None) -> None:
        self.values = dict(values or SHARED)
        self.saved: list[dict[str, str]] = []
        self.fail = fail

    def load(self) -> dict[str, str]:
        if isinstance(self.fail, DatabaseUnavailable):
            raise self.fail
        return dict(self.values)

    def save(self, changed: dict[str, str]) -> None:
        if self.fail is not None:
            raise self.fail
        self.saved.append(changed)
        self.values.update(changed)


def make_settings_dialog(qtbot: Any, settings: StationSettings, shared: FakeShared | None = None,
                         **kwargs: Any) -> tuple[SettingsDialog, FakeShared]:
    shared = shared or FakeShared()
    dialog = SettingsDialog(settings, load_shared=shared.load, save_shared=shared.save, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog, shared


def type_text(qtbot: Any, edit: QWidget, text: str) -> None:
    """Type as a person would: ASCII on the keyboard, Chinese through the input method."""
    for ch in text:
        if ch.isascii():
            qtbot.keyClick(edit, ch)
        else:
            commit = QInputMethodEvent()
            commit.setCommitString(ch)
            QApplication.sendEvent(edit, commit)


def retype(qtbot: Any, edit: QWidget, text: str) -> None:
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    type_text(qtbot, edit, text)


# ----------------------------------------------------------------------------------- font


def test_chinese_is_drawn_with_the_bundled_font_not_boxes(qtbot: Any, cjk_font: str) -> None:
    label = QLabel("客退品处理")
    qtbot.addWidget(label)
    label.show()
    qtbot.waitExposed(label)

    assert register_cjk_font() == cjk_font == "WenQuanYi Micro Hei"  # registered once
    assert QGuiApplication.font().families()[0] == cjk_font
    assert QFontInfo(label.font()).family() == cjk_font
    layout = QTextLayout(label.text(), label.font())
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    runs = layout.glyphRuns()
    glyphs = [g for run in runs for g in run.glyphIndexes()]
    assert len(glyphs) == 5 and 0 not in glyphs  # glyph 0 is the "missing" box
    assert {run.rawFont().familyName() for run in runs} == {cjk_font}
    raw = QRawFont.fromFont(QFont(cjk_font))
    assert all(raw.supportsCharacter(ord(ch)) for ch in "客退品处理")

    def drawn(text: str) -> QImage:
        label.setText(text)
        label.adjustSize()
        return label.grab().toImage()

    one, other = drawn("客"), drawn("退")
    assert ink(one) > 15 and ink(other) > 15  # something was drawn
    assert one != other  # two characters, not two identical "missing glyph" boxes


# ----------------------------------------------------------------------------------- translations


def test_generated_forms_and_translations_are_up_to_date() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "build_ui.py"), "--check"],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_string_without_chinese_or_losing_a_placeholder_is_reported(tmp_path: Path) -> None:
    build_ui = build_ui_module()
    ts = tmp_path / "x.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="zh_CN">'
        "<context><name>Tab</name>"
        '<message><source>Save</source><translation type="unfinished"></translation></message>'
        '<message><source>Cannot connect: %1</source><translation type="unfinished"></translation></message>'
        '<message><source>New string</source><translation type="unfinished"></translation></message>'
        "</context></TS>", encoding="utf-8")
    glossary_file = tmp_path / "g.tsv"
    glossary_file.write_text("# comment\nSave\t保存\nCannot connect: %1\t无法连接\n", encoding="utf-8")
    root = ET.parse(ts).getroot()
    report = build_ui.merge_chinese(root, build_ui.Glossary.read(glossary_file))
    assert report.missing == [("Tab", "New string")]
    assert len(report.problems) == 1 and "%1" in report.problems[0]
    assert "<translation>保存</translation>" in build_ui.serialize_ts(root)


def test_pseudo_translation_stretches_and_keeps_placeholders() -> None:
    pseudo = build_ui_module().pseudo
    text = pseudo("&Test connection: %1 of %n")
    assert text.startswith("[&") and text.endswith("]")
    assert "%1" in text and "%n" in text
    assert len(text) >= len("&Test connection: %1 of %n") * 1.4
    assert "connection" not in text  # accented: untranslated text stands out


def test_qt_standard_buttons_follow_the_language(qtbot: Any, switch_language: Any) -> None:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"
    switch_language("en")
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancel"
    assert current_language() == "en"


def test_unknown_language_is_refused(qapp: QApplication) -> None:
    with pytest.raises(ValueError):
        install_language(qapp, "fr")
    assert current_language() == "zh_CN"


# ----------------------------------------------------------------------------------- settings


def test_options_have_defaults_types_and_stay_in_the_test_folder(
        station_settings: StationSettings, settings_folder: Path) -> None:
    assert station_settings.as_dict() == {key: o.default for key, o in OPTIONS.items()}
    assert station_settings.database_url == ""  # embedded SQLite
    assert station_settings.language == "zh_CN"
    station_settings.set("label_dpi", 300)
    station_settings.set("station_role", "qa")
    station_settings.sync()
    again = StationSettings()
    assert again.label_dpi == 300  # an int again, though the ini file holds text
    assert again.start_tab() == "inspection"
    assert Path(again.qsettings.fileName()).is_relative_to(settings_folder)
    with pytest.raises(ValueError):
        station_settings.set("label_size", "80x50")
    with pytest.raises(TypeError):
        station_settings.set("label_dpi", "300")


def test_a_hand_edited_wrong_value_falls_back_to_the_default(station_settings: StationSettings) -> None:
    station_settings.qsettings.setValue("prefs/label_dpi", "lots")
    station_settings.qsettings.setValue("prefs/station_role", "canteen")
    assert station_settings.label_dpi == 203
    assert station_settings.station_role == "warehouse"


def test_window_layout_is_kept_apart_from_preferences(station_settings: StationSettings) -> None:
    station_settings.set("label_printer", "Zebra ZD421")
    station_settings.save_layout("main/geometry", b"\x01\x02geometry")
    station_settings.reset_preferences()
    assert station_settings.label_printer == "PDF"
    assert bytes(station_settings.layout("main/geometry")) == b"\x01\x02geometry"
    restored: list[bytes] = []
    assert station_settings.restore_layout("main/geometry", lambda b: restored.append(bytes(b)) or True)
    assert restored == [b"\x01\x02geometry"]
    assert not station_settings.restore_layout("nothing/saved", lambda b: True)


# ----------------------------------------------------------------------------------- log-in


class Accounts:
    def __init__(self) -> None:
        self.calls: list[tuple[str, str]] = []

    def authenticate(self, login: str, password: str) -> object:
        self.calls.append((login, password))
        if (login, password) != ("li", "1234"):
            raise StationError("login_failed")
        return {"login": login}


def test_login_succeeds_with_enter_and_remembers_the_user(
        qtbot: Any, station_settings: StationSettings) -> None:
    accounts = Accounts()
    dialog = LoginDialog(station_settings, accounts.authenticate)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.ui.userLabel.text() == "用户名(&U):"
    qtbot.keyClicks(dialog.ui.userEdit, "li")
    qtbot.keyClick(dialog.ui.userEdit, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.ui.passwordEdit, "1234")
    with qtbot.waitSignal(dialog.accepted, timeout=30_000):
        qtbot.keyClick(dialog.ui.passwordEdit, Qt.Key.Key_Return)
    assert accounts.calls == [("li", "1234")]
    assert dialog.user == {"login": "li"}
    assert station_settings.last_user == "li"

    again = LoginDialog(station_settings, accounts.authenticate)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert again.ui.userEdit.text() == "li"
    assert again.focusWidget() is again.ui.passwordEdit


def test_login_failure_says_why_in_red_keeps_the_user_and_clears_the_password(
        qtbot: Any, station_settings: StationSettings, switch_language: Any) -> None:
    accounts = Accounts()
    dialog = LoginDialog(station_settings, accounts.authenticate)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.ui.userEdit, "li")
    qtbot.keyClicks(dialog.ui.passwordEdit, "wrong")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    assert dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected.value
    assert dialog.ui.errorLabel.isVisible()
    assert dialog.ui.errorLabel.text() == "用户名或密码错误"
    assert "#c00000" in dialog.ui.errorLabel.styleSheet()
    assert dialog.ui.userEdit.text() == "li"
    assert dialog.ui.passwordEdit.text() == ""
    assert station_settings.last_user == ""

    switch_language("en")  # the message follows the language, like every other text
    assert dialog.ui.errorLabel.text() == "Wrong user name or password"
    qtbot.keyClick(dialog.ui.passwordEdit, Qt.Key.Key_Return)  # empty password: still refused
    assert accounts.calls == [("li", "wrong"), ("li", "")]


def test_login_with_no_user_name_asks_for_it(qtbot: Any, station_settings: StationSettings) -> None:
    accounts = Accounts()
    dialog = LoginDialog(station_settings, accounts.authenticate)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog.ui.userEdit, Qt.Key.Key_Return)
    assert accounts.calls == []
    assert dialog.ui.errorLabel.text() == "用户名不能为空"


# ----------------------------------------------------------------------------------- settings dialog


def test_bad_labour_rate_turns_red_with_a_message_and_blocks_ok(
        qtbot: Any, station_settings: StationSettings) -> None:
    dialog, shared = make_settings_dialog(qtbot, station_settings)
    assert dialog.ui.labourRateEdit.text() == "32.00"
    assert dialog.ok_button.isEnabled()

    retype(qtbot, dialog.ui.labourRateEdit, "12,5元x")
    assert dialog.ui.labourRateEdit.text() == "12,5元x"  # nothing the user typed was swallowed
    assert dialog.ui.labourRateEdit.property("invalid") is True
    assert "#d00000" in dialog.ui.labourRateEdit.styleSheet()
    assert dialog.ui.labourRateErrorLabel.isVisible()
    assert dialog.ui.labourRateErrorLabel.text() == "小时工资率必须是不小于0的金额,而不是“12,5元x”"
    assert not dialog.ok_button.isEnabled()

    retype(qtbot, dialog.ui.labourRateEdit, "35.50")
    assert dialog.ui.labourRateEdit.property("invalid") is False
    assert not dialog.ui.labourRateErrorLabel.isVisible()
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted.value
    assert shared.saved == [{"labour_rate": "35.50"}]  # only what changed, as a str
    assert isinstance(shared.saved[0]["labour_rate"], str)
    assert dialog.changed == {"shared.labour_rate"}


@pytest.mark.parametrize("typed, saved", [("35.5", "35.50"), ("３５．５", "35.50"),
                                          ("¥40", "40.00"), ("0", "0.00")])
def test_labour_rate_is_normalised_to_fen(typed: str, saved: str) -> None:
    assert str(MoneyValidator.parse(typed)) == saved


@pytest.mark.parametrize("typed", ["12,5元x", "-3", "1.234", "35.50.1", "", "1e3", "三十"])
def test_labour_rate_refuses_what_is_not_money(typed: str) -> None:
    assert MoneyValidator.parse(typed) is None


def test_empty_form_number_and_bad_url_are_marked(qtbot: Any, station_settings: StationSettings) -> None:
    dialog, _ = make_settings_dialog(qtbot, station_settings)
    retype(qtbot, dialog.ui.reworkFormRevEdit, "")
    assert dialog.ui.reworkFormRevEdit.property("invalid") is True
    assert dialog.ui.formsErrorLabel.text() == "每张受控表单都必须填写编号和版次:返工及复检记录单"
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.ui.reworkFormRevEdit, "C")
    assert dialog.ok_button.isEnabled()

    qtbot.keyClicks(dialog.ui.databaseUrlEdit, "dbserver/rma")
    assert dialog.ui.databaseUrlEdit.property("invalid") is True
    assert dialog.ui.databaseMessageLabel.text().startswith("不是有效的数据库地址")
    assert not dialog.ok_button.isEnabled()


def test_station_options_are_saved_on_ok(qtbot: Any, station_settings: StationSettings) -> None:
    dialog, shared = make_settings_dialog(qtbot, station_settings)
    assert dialog.ui.printerCombo.currentText() == "PDF 文件(不用打印机)"
    qtbot.keyClicks(dialog.ui.databaseUrlEdit, "postgresql+psycopg://rma@dbserver/rma")
    dialog.ui.roleCombo.setCurrentIndex(dialog.ui.roleCombo.findText("品质检验"))
    dialog.ui.labelSizeCombo.setCurrentIndex(dialog.ui.labelSizeCombo.findText("100 × 150 mm"))
    dialog.ui.dpiCombo.setCurrentIndex(dialog.ui.dpiCombo.findText("300 dpi"))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    assert station_settings.database_url == "postgresql+psycopg://rma@dbserver/rma"
    assert station_settings.station_role == "qa"
    assert station_settings.label_size == "100x150"
    assert station_settings.label_dpi == 300
    assert dialog.changed == {"database_url", "station_role", "label_size", "label_dpi"}
    assert shared.saved == []  # nothing shared changed: the database is not written


def test_test_connection_reports_success_and_failure(qtbot: Any, station_settings: StationSettings) -> None:
    tried: list[str] = []

    def test_connection(url: str) -> str | None:
        tried.append(url)
        return None if url.endswith("/rma") else "server dbserver:5432 refused the connection"

    dialog, _ = make_settings_dialog(qtbot, station_settings, test_connection=test_connection)
    qtbot.keyClicks(dialog.ui.databaseUrlEdit, "postgresql+psycopg://rma@dbserver/rma")
    qtbot.mouseClick(dialog.ui.testConnectionButton, Qt.MouseButton.LeftButton)
    assert tried == ["postgresql+psycopg://rma@dbserver/rma"]
    assert dialog.ui.databaseMessageLabel.text() == "连接成功:数据库有响应。"
    assert "#1a7f37" in dialog.ui.databaseMessageLabel.styleSheet()  # green

    qtbot.keyClicks(dialog.ui.databaseUrlEdit, "x")
    assert not dialog.ui.databaseMessageLabel.isVisible()  # the old verdict no longer applies
    qtbot.mouseClick(dialog.ui.testConnectionButton, Qt.MouseButton.LeftButton)
    assert dialog.ui.databaseMessageLabel.text() == "无法连接:server dbserver:5432 refused the connection"
    assert "#c00000" in dialog.ui.databaseMessageLabel.styleSheet()
    assert dialog.ui.testConnectionButton.isEnabled()


def test_without_the_database_the_station_part_still_works(
        qtbot: Any, station_settings: StationSettings) -> None:
    shared = FakeShared(fail=DatabaseUnavailable("connection refused"))
    dialog, _ = make_settings_dialog(qtbot, station_settings, shared)
    assert not dialog.ui.sharedGroup.isEnabled()
    assert dialog.ui.sharedErrorLabel.text().startswith("数据库连接中断: connection refused")
    assert dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.ui.databaseUrlEdit, "sqlite:////srv/rma.sqlite3")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert station_settings.database_url == "sqlite:////srv/rma.sqlite3"


def test_a_refused_shared_save_keeps_the_dialog_open(qtbot: Any, station_settings: StationSettings) -> None:
    refused = StationError("wrong_role", user="wh", role=("系统管理员", "Administrator"),
                           action=("修改共享设置", "change shared settings"))
    dialog, shared = make_settings_dialog(qtbot, station_settings, FakeShared(fail=refused))
    retype(qtbot, dialog.ui.labourRateEdit, "40")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.ui.sharedErrorLabel.text() == "wh没有“系统管理员”权限,不能修改共享设置"
    assert station_settings.as_dict()["label_dpi"] == 203


def test_shared_part_is_locked_for_a_user_who_may_not_change_it(
        qtbot: Any, station_settings: StationSettings) -> None:
    dialog, shared = make_settings_dialog(qtbot, station_settings, can_edit_shared=False)
    assert not dialog.ui.labourRateEdit.isEnabled()
    assert dialog.ui.labourRateEdit.text() == "32.00"  # still shown, for reference
    assert dialog.ui.sharedErrorLabel.text() == "只有系统管理员或主管可以修改共享设置。"
    assert "#555555" in dialog.ui.sharedErrorLabel.styleSheet()  # a note, not an error
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted.value and shared.saved == []


def test_language_switch_changes_texts_and_keeps_input(
        qtbot: Any, station_settings: StationSettings, switch_language: Any) -> None:
    dialog, _ = make_settings_dialog(qtbot, station_settings)
    retype(qtbot, dialog.ui.labourRateEdit, "12,5元x")
    dialog.ui.dpiCombo.setCurrentIndex(1)
    zh = (dialog.windowTitle(), dialog.ui.stationGroup.title(), dialog.ui.roleCombo.currentText(),
          dialog.ui.labourRateErrorLabel.text())
    assert zh == ("设置", "本工作站", "仓库收货", "小时工资率必须是不小于0的金额,而不是“12,5元x”")

    switch_language("en")
    assert (dialog.windowTitle(), dialog.ui.stationGroup.title(),
            dialog.ui.roleCombo.currentText(), dialog.ui.labourRateErrorLabel.text()) == (
        "Settings", "This station", "Warehouse receiving",
        "Hourly rate must be an amount of 0 or more, not “12,5元x”")
    assert dialog.ui.labourRateEdit.text() == "12,5元x"
    assert dialog.ui.dpiCombo.currentText() == "300 dpi"

    switch_language("zh_CN")
    assert (dialog.windowTitle(), dialog.ui.stationGroup.title(), dialog.ui.roleCombo.currentText(),
            dialog.ui.labourRateErrorLabel.text()) == zh
    assert dialog.ui.labourRateEdit.text() == "12,5元x"


def test_choosing_english_in_the_dialog_switches_the_window_on_ok(
        qtbot: Any, station_settings: StationSettings, switch_language: Any) -> None:
    other = QLabel()
    login = LoginDialog(station_settings, Accounts().authenticate)
    qtbot.addWidget(other)
    qtbot.addWidget(login)
    dialog, _ = make_settings_dialog(qtbot, station_settings)
    dialog.ui.languageCombo.setCurrentIndex(dialog.ui.languageCombo.findText("English"))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    assert current_language() == "en"
    assert station_settings.language == "en"
    assert login.ui.userLabel.text() == "&User name:"  # an open window follows at once


# ----------------------------------------------------------------------------------- background work


def test_synchronous_mode_delivers_before_returning(qtbot: Any) -> None:
    got: list[Any] = []

    def work(progress: Progress) -> int:
        for i in range(1, 4):
            progress.report(i, 3, f"row {i}")
        return 42

    job = run_in_background(None, work, title="test", on_done=got.append)
    assert got == [42]
    assert not job.running
    assert job.progress.last == (3, 3, "row 3")

    def broken(progress: Progress) -> None:
        raise StationError("no_lines")

    errors: list[BaseException] = []
    run_in_background(None, broken, title="test", on_done=got.append, on_error=errors.append)
    assert [e.key for e in errors] == ["no_lines"] and got == [42]  # type: ignore[attr-defined]


def test_work_runs_in_a_thread_and_reports_back_on_the_ui_thread(qtbot: Any, real_threads: None) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    ui_thread = threading.get_ident()
    seen: dict[str, Any] = {"progress": []}

    def work(progress: Progress) -> str:
        seen["work_thread"] = threading.get_ident()
        for i in range(1, 6):
            progress.report(i, 5, f"line {i}")
            time.sleep(0.06)
        return "done"

    def on_done(result: str) -> None:
        seen["done_thread"] = threading.get_ident()
        seen["result"] = result

    job = run_in_background(parent, work, title="Counting", on_done=on_done)
    job.progressed.connect(lambda d, t, _text: seen["progress"].append((d, t, threading.get_ident())))
    with qtbot.waitSignal(job.finished, timeout=30_000):
        pass
    assert seen["result"] == "done"
    assert seen["work_thread"] != ui_thread
    assert seen["done_thread"] == ui_thread
    assert seen["progress"] and all(t == ui_thread for *_, t in seen["progress"])
    assert seen["progress"][-1][:2] == (5, 5)
    assert job.dialog is None  # closed when the work ended


def test_cancel_button_stops_threaded_work(qtbot: Any, real_threads: None) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    steps: list[int] = []
    outcome: list[str] = []
    stopped = threading.Event()

    def work(progress: Progress) -> None:
        try:
            for i in range(1_000_000):  # until Cancel, however slow the machine
                progress.check()
                steps.append(i)
                progress.report(i, 1_000_000, f"row {i}")
                time.sleep(0.01)
        finally:
            stopped.set()

    job = run_in_background(parent, work, title="Importing", on_done=lambda r: outcome.append("done"),
                            on_cancel=lambda: outcome.append("cancelled"))
    assert job.dialog is not None
    qtbot.waitUntil(lambda: job.dialog is not None and job.dialog.isVisible(), timeout=30_000)
    assert not job.dialog.isModal()  # the window stays usable meanwhile
    cancel = job.dialog.findChild(QPushButton)
    assert cancel.text() == "取消"
    with qtbot.waitSignal(job.cancelled, timeout=30_000):
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert stopped.wait(30)
    assert outcome == ["cancelled"]
    assert 0 < len(steps) < 1_000_000


def test_a_bug_in_threaded_work_reaches_the_crash_dialog(
        qtbot: Any, real_threads: None, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[QWidget] = []
    monkeypatch.setattr(ui_errors, "show", opened.append)

    def work(progress: Progress) -> None:
        {}["missing"]  # noqa: B018 - the bug

    job = run_in_background(None, work, title="Broken")
    with qtbot.waitSignal(job.finished, timeout=30_000):
        pass
    assert len(opened) == 1 and isinstance(opened[0], CrashDialog)
    text = opened[0].details.toPlainText()
    assert "KeyError: 'missing'" in text and "in work" in text
    opened[0].done(0)


def test_cancelled_raised_in_synchronous_mode_counts_as_cancel() -> None:
    outcome: list[str] = []

    def work(progress: Progress) -> None:
        progress.cancel()
        progress.check()

    run_in_background(None, work, title="x", on_done=lambda r: outcome.append("done"),
                      on_cancel=lambda: outcome.append("cancelled"))
    assert outcome == ["cancelled"]
    with pytest.raises(Cancelled):
        p = Progress()
        p.cancel()
        p.check()


# ----------------------------------------------------------------------------------- errors


def test_expected_error_goes_to_the_status_bar_in_the_users_language(
        qtbot: Any, switch_language: Any) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    reporter = ErrorReporter(window, window.statusBar())
    reporter(StationError("not_all_done", count=2))
    assert window.statusBar().currentMessage() == "还有 2 行未完成,不能结案"
    switch_language("en")
    reporter(StationError("not_all_done", count=2))
    assert window.statusBar().currentMessage() == "Not every line is finished (2 open): cannot close"


def test_ask_returns_the_button_the_user_pressed(qtbot: Any) -> None:
    def press_yes() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        assert box.text() == "放弃修改吗?"
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, press_yes)
    assert ui_errors.ask(None, "未保存的修改", "放弃修改吗?") == QMessageBox.StandardButton.Yes


def test_expected_error_without_status_bar_opens_a_non_blocking_box(
        qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[QWidget] = []
    monkeypatch.setattr(ui_errors, "show", opened.append)
    ErrorReporter().report(StationError("no_lines"))
    assert len(opened) == 1
    box = opened[0]
    assert not box.isModal()
    assert box.text() == "退货单至少要有一行"  # type: ignore[attr-defined]
    assert box.windowTitle() == "无法执行"
    box.deleteLater()


def test_uncaught_bug_opens_one_crash_dialog_with_copyable_traceback(
        qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[QWidget] = []
    monkeypatch.setattr(ui_errors, "show", opened.append)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_excepthook()

    def buggy_slot() -> None:
        raise ZeroDivisionError("division by zero")

    for _ in range(2):
        try:
            buggy_slot()
        except ZeroDivisionError:
            sys.excepthook(*sys.exc_info())  # what Qt does with an exception from a slot
    dialog = opened[0]
    assert all(d is dialog for d in opened)  # one dialog, the second report appended
    qtbot.addWidget(dialog)
    text = dialog.details.toPlainText()
    assert text.count("ZeroDivisionError: division by zero") == 2
    assert "in buggy_slot" in text
    assert dialog.windowTitle() == "意外错误"
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == text
    dialog.done(0)


def test_expected_error_escaping_a_slot_is_not_a_crash(
        qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    opened: list[QWidget] = []
    monkeypatch.setattr(ui_errors, "show", opened.append)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_excepthook(ErrorReporter(window, window.statusBar()))
    try:
        raise StationError("cancel_reason")
    except StationError:
        sys.excepthook(*sys.exc_info())
    assert opened == []
    assert window.statusBar().currentMessage() == "取消退货必须填写原因"


def test_db_banner_retries_until_the_database_answers(qtbot: Any) -> None:
    answers = iter([DatabaseUnavailable("timeout"), None])
    probes: list[int] = []

    def probe() -> None:
        probes.append(1)
        answer = next(answers)
        if answer is not None:
            raise answer

    window = QWidget()
    qtbot.addWidget(window)
    banner = DbBanner(probe, window, intervals=(2,), auto_retry=False)  # the test is its clock
    window.show()
    assert not banner.isVisible()

    ErrorReporter(window, banner=banner).report(DatabaseUnavailable("server closed the connection"))
    assert banner.isVisible()
    assert banner.message.text() == "数据库连接中断,正在重试…"
    assert banner.countdown.text() == "2 秒后重试"
    assert "server closed the connection" in banner.toolTip()
    assert "#fff3b0" in banner.styleSheet()  # yellow

    qtbot.mouseClick(banner.retry_button, Qt.MouseButton.LeftButton)  # still down
    assert banner.isVisible() and "timeout" in banner.toolTip()
    assert banner.countdown.text() == "2 秒后重试"  # counting down again
    banner.tick()
    assert banner.countdown.text() == "1 秒后重试" and len(probes) == 1
    with qtbot.waitSignal(banner.restored, timeout=30_000):  # at 0 the countdown retries by itself
        banner.tick()
    assert not banner.isVisible()
    assert len(probes) == 2


# ----------------------------------------------------------------------------------- how it looks


def _dialogs(qtbot: Any, settings: StationSettings) -> list[QDialog]:
    # In their error states: the longest texts, and the red a person must notice.
    login = LoginDialog(settings, Accounts().authenticate)
    login.ui.userEdit.setText("li")
    login.submit()
    settings_dialog, _ = make_settings_dialog(
        qtbot, settings, test_connection=lambda url: "connection refused")
    settings_dialog.ui.databaseUrlEdit.setText("postgresql+psycopg://rma@dbserver/rma")
    settings_dialog.test_connection()
    settings_dialog.ui.labourRateEdit.setText("12,5元x")
    crash = CrashDialog()
    try:
        raise RuntimeError("example")
    except RuntimeError as exc:
        crash.add(ui_errors.crash_report(exc))
    banner_host = QDialog()  # stands for the main window, which puts the banner in its layout
    # no wall clock: on a slow machine the retry would answer and hide the banner mid-test
    banner = DbBanner(lambda: None, banner_host, auto_retry=False)
    host_layout = QVBoxLayout(banner_host)
    host_layout.addWidget(banner)
    host_layout.addWidget(QLabel("…"), 1)
    banner_host.resize(560, 120)
    banner.connection_lost(DatabaseUnavailable("timeout"))
    for w in (login, crash, banner_host):
        qtbot.addWidget(w)
        w.show()
        qtbot.waitExposed(w)
    return [login, settings_dialog, crash, banner_host]


def test_dialogs_fit_their_texts_in_both_languages_and_in_pseudo(
        qtbot: Any, station_settings: StationSettings, switch_language: Any,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Saved for a person to look at: RMA_UI_SHOTS=/tmp/ui_shots pytest tests/ui
    out = shots_dir(tmp_path)
    names = ["login", "settings", "crash", "banner"]
    dialogs = _dialogs(qtbot, station_settings)
    natural = [d.size() for d in dialogs]
    pseudo_dir = tmp_path / "translations"
    shutil.copytree(i18n.translations_dir(), pseudo_dir)
    build_ui_module().write_pseudo(pseudo_dir / "rma_en.ts", pseudo_dir / "rma_pseudo.qm")
    monkeypatch.setattr(i18n, "translations_dir", lambda: pseudo_dir)
    for lang in ("zh_CN", "en", "pseudo"):
        switch_language(lang)
        for name, dialog, size in zip(names, dialogs, natural, strict=True):
            narrow = dialog.minimumSizeHint()  # as narrow as the user can make it, and
            narrow.setHeight(max(narrow.height(), dialog.heightForWidth(narrow.width())))
            dialog.resize(narrow)  # wrapped texts given the height their lines need there
            QApplication.processEvents()
            assert clipped(dialog) == [], (lang, name)
            dialog.resize(size.expandedTo(dialog.sizeHint()))  # as it opens
            QApplication.processEvents()
            assert clipped(dialog) == [], (lang, name)
            image = dialog.grab().toImage()
            assert ink(image) > 500
            image.save(str(out / f"{name}_{lang}.png"))
    for dialog in dialogs:
        if isinstance(dialog, CrashDialog):
            dialog.done(0)


def test_qt_calls_do_not_leak_references_to_none() -> None:
    """A working day is millions of Qt calls: the binding must not drop references it does not own
    (PySide6 6.12.0 on Python 3.11 did, and the station died with "none_dealloc")."""
    script = (
        "import os, sys\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from PySide6.QtWidgets import QApplication, QWidget\n"
        "app = QApplication([])\n"
        "w = QWidget()\n"
        "before = sys.getrefcount(None)\n"
        "for _ in range(50_000):\n"
        "    w.setWindowTitle('x')\n"
        "    app.processEvents()\n"
        "print(sys.getrefcount(None) - before)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-500:]
    assert abs(int(result.stdout.strip())) < 100


def test_english_plurals_read_as_english(qapp: QApplication, switch_language: Any) -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    from build_ui import english_plurals

    assert english_plurals("%n line(s) not analysed yet are left out") == (
        "%n line not analysed yet is left out", "%n lines not analysed yet are left out")
    switch_language("en")
    from ui.i18n import translate

    assert translate("ReportsTab", "%n line(s) not analysed yet are left out of the Pareto.", n=1) == \
        "1 line not analysed yet is left out of the Pareto."
