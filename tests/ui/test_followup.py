"""8D reports, liaison notes and a record's history, driven in the window as people would:
QA opens an 8D from a serious decision, fills D1–D8 and the actions, verifies and closes it
with the password (a wrong one refused) and prints the report; an overdue 8D shows in red;
sales acknowledges a liaison note with a reply and prints it; the desk shows a corrected
count in the return's history and prints it."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from app.services import inspection, returns
from db.models import CorrectiveAction, LiaisonNote
from tests.ui.test_window import click, open_window, type_text
from tests.unit.printing.pdftools import pages_of, rasterise, squeeze
from tests.unit.services.helpers import approved, decided, line_ids, received
from ui.eightd.list_window import OVERDUE_FG, EightDListWindow
from ui.liaison.queue_window import LiaisonQueueWindow


@pytest.fixture(autouse=True)
def discard_on_close(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("ui.errors.ask", lambda *a, **k: QMessageBox.StandardButton.Yes)


def _ca(factory: Any) -> CorrectiveAction:
    with factory() as s:
        ca = s.scalars(select(CorrectiveAction)).one()
        _ = ca.items
        return ca


def _sign(qtbot: Any, editor: Any, button: Any, password: str) -> Any:
    click(qtbot, button)
    dialog = editor.signature_dialog
    qtbot.waitExposed(dialog)
    dialog.passwordEdit.clear()
    qtbot.keyClicks(dialog.passwordEdit, password)
    click(qtbot, dialog.ok_button)
    return dialog


def test_8d_from_a_serious_decision_to_signed_closure(qtbot, factory, actors, station_settings,
                                                      tmp_path: Path) -> None:
    _rid, lid = decided(factory, actors)
    w = open_window(qtbot, factory, actors["qa"], station_settings, tab="inspection")
    bench = w.tabs["inspection"]
    assert bench.open_line(lid)
    type_text(qtbot, bench.ui.ownerEdit, "张工")
    bench.ui.caDueDateEdit.setDate(QDate.currentDate().addDays(14))
    type_text(qtbot, bench.ui.problemEdit, "触点烧蚀")
    click(qtbot, bench.ui.openCorrectiveButton)
    ca = _ca(factory)
    assert ca.owner == "张工" and ca.no == f"8D-{date.today().year}-0001"

    # the QA bench's 8D list: the new 8D, open
    click(qtbot, bench.findChild(type(bench.ui.openCorrectiveButton), "eightdListButton"))
    listing = bench.eightd_list
    qtbot.waitExposed(listing)
    assert [r.no for r in listing.model.rows] == [ca.no]
    assert "1" in listing.countsLabel.text()
    listing.view.selectRow(0)
    click(qtbot, listing.openButton)
    editor = listing.editors[ca.id]
    qtbot.waitExposed(editor)
    assert editor.edits["problem"].toPlainText() == "触点烧蚀"

    for name, text in (("team", "张工 组长"), ("problem_what", "DZ47 触点烧蚀"), ("problem_how_many", "20件"),
                       ("containment", "库存全检"), ("root_cause", "焊接温度偏低"),
                       ("corrective_action", "调整焊接温度曲线"), ("implementation", "3月10日起执行"),
                       ("verification", "连续三批抽检无不良"), ("preventive_action", "更新作业指导书"),
                       ("closure", "小组解散")):
        type_text(qtbot, editor.edits[name], text)
    editor.flags["fmea_updated"].setFocus()
    qtbot.keyClick(editor.flags["fmea_updated"], Qt.Key.Key_Space)
    click(qtbot, editor.saveButton)
    assert editor.messageLabel.text() == "8D已保存。"
    ca = _ca(factory)
    assert (ca.root_cause, ca.fmea_updated, ca.team) == ("焊接温度偏低", True, "张工 组长")

    # an action with owner and due date, then done
    editor.stepCombo.setCurrentIndex(editor.stepCombo.findData("D5"))
    type_text(qtbot, editor.actionTextEdit, "焊接温度改为260度")
    type_text(qtbot, editor.actionOwnerEdit, "王工")
    click(qtbot, editor.addActionButton)
    assert [r["text"] for r in editor.actions.rows] == ["焊接温度改为260度"]
    editor.actionsView.selectRow(0)
    click(qtbot, editor.doneButton)
    assert editor.actions.rows[0]["done_on"] == date.today()

    # verify: a wrong password is refused and the dialog stays; the right one signs
    dialog = _sign(qtbot, editor, editor.verifyButton, "wrong")
    assert dialog.isVisible() and "密码不正确" in dialog.messageLabel.text()
    assert _ca(factory).verified_at is None
    dialog.passwordEdit.clear()
    qtbot.keyClicks(dialog.passwordEdit, "1234")
    click(qtbot, dialog.ok_button)
    assert not dialog.isVisible()
    assert _ca(factory).verified_by_id == actors["qa"].user_id
    dialog = _sign(qtbot, editor, editor.closeButton, "1234")
    ca = _ca(factory)
    assert ca.status == "closed" and ca.closed_by_id == actors["qa"].user_id
    assert actors["qa"].name in editor.signLabel.text()
    assert not editor.saveButton.isEnabled() and not editor.closeButton.isEnabled()
    assert listing.model.rows[0].status == "closed"

    # the report, in Chinese, then in English
    out = tmp_path / "8d.pdf"
    editor.ask_pdf_path = lambda suggested: str(out)
    click(qtbot, editor.printButton)
    text = squeeze("".join(pages_of(out)))
    for wanted in ("8D报告", ca.no, "焊接温度偏低", "焊接温度改为260度", "■FMEA已更新", "已关闭"):
        assert wanted in text, wanted
    assert rasterise(out, 50)
    editor.reportLangCombo.setCurrentIndex(1)
    out = tmp_path / "8d-en.pdf"
    click(qtbot, editor.printButton)
    assert "8DReport" in squeeze("".join(pages_of(out)))
    w.close()


def test_engineering_edits_an_8d_but_does_not_sign(qtbot, factory, actors, station_settings) -> None:
    _rid, lid = decided(factory, actors)
    with factory.begin() as s:
        inspection.open_corrective_action(s, actors["eng"], lid, inspection.CorrectiveDraft(
            owner="张工", due_on=date.today() + timedelta(days=3)))
    w = open_window(qtbot, factory, actors["eng"], station_settings, tab="inspection")
    listing = w.follow_up.open_8d_list()
    qtbot.waitExposed(listing)
    editor = listing.open_8d(_ca(factory).id)
    assert editor.saveButton.isEnabled()
    assert not editor.verifyButton.isEnabled() and editor.verifyButton.toolTip()
    w.close()


def test_an_overdue_8d_is_red_in_the_list(qtbot, factory, actors, station_settings) -> None:
    for due in (date.today() - timedelta(days=3), date.today() + timedelta(days=9)):
        _rid, lid = decided(factory, actors)
        with factory.begin() as s:
            inspection.open_corrective_action(s, actors["qa"], lid, inspection.CorrectiveDraft(owner="李工", due_on=due))
    w = open_window(qtbot, factory, actors["mgr"], station_settings)
    w.follow_up.eightdAction.trigger()
    listing: EightDListWindow = w.follow_up.last
    qtbot.waitExposed(listing)
    m = listing.model
    assert [r.overdue for r in m.rows] == [True, False]
    assert m.data(m.index(0, 0), Qt.ItemDataRole.ForegroundRole).color() == OVERDUE_FG
    assert m.data(m.index(1, 0), Qt.ItemDataRole.ForegroundRole) is None
    assert m.data(m.index(0, 6)) == "已超期"
    listing.set_state("overdue")
    assert len(m.rows) == 1
    assert "逾期 1" in listing.countsLabel.text()
    w.close()


def test_sales_acknowledges_a_liaison_note_and_prints_it(qtbot, factory, actors, station_settings,
                                                         tmp_path: Path) -> None:
    rid = approved(factory, actors)
    lid = line_ids(factory, rid)[0]
    with factory.begin() as s:
        inspection.raise_liaison_note(s, actors["qa"], lid, "replacement", "客户需要补货20件")
    # four working days later the note is overdue: red
    late = LiaisonQueueWindow(_ctx_of(qtbot, factory, actors, station_settings),
                              today=date.today() + timedelta(days=7))
    qtbot.addWidget(late)
    assert late.model.rows[0].overdue
    assert late.model.data(late.model.index(0, 0), Qt.ItemDataRole.ForegroundRole).color().name() == "#c62828"

    w = open_window(qtbot, factory, actors["sales"], station_settings)
    w.follow_up.liaisonAction.trigger()
    queue: LiaisonQueueWindow = w.follow_up.last
    qtbot.waitExposed(queue)
    assert not queue.acknowledgeButton.isEnabled()  # nothing chosen yet
    queue.select_row(0)
    click(qtbot, queue.acknowledgeButton)
    reply = queue.reply_dialog
    qtbot.waitExposed(reply)
    click(qtbot, reply.ok_button)  # an empty reply is refused, the dialog stays
    assert reply.isVisible() and "答复" in reply.messageLabel.text()
    type_text(qtbot, reply.replyEdit, "已安排补货,3月12日发出")
    click(qtbot, reply.ok_button)
    assert not reply.isVisible()
    with factory() as s:
        note = s.scalars(select(LiaisonNote)).one()
        assert (note.reply, note.acknowledged_by_id) == ("已安排补货,3月12日发出", actors["sales"].user_id)
    assert queue.model.rows[0].acknowledged_by == actors["sales"].name
    queue.select_row(0)
    assert not queue.acknowledgeButton.isEnabled()
    out = tmp_path / "liaison.pdf"
    queue.ask_path = lambda suggested: str(out)
    click(qtbot, queue.printButton)
    assert "已安排补货,3月12日发出" in squeeze("".join(pages_of(out)))

    # the desk shows the return's notes with the reply
    desk = w.tabs["incoming"]
    assert desk.open_return(rid)
    click(qtbot, desk.findChild(type(desk.ui.printButton), "liaisonButton"))
    notes = desk.liaison_window
    assert [r.reply for r in notes.model.rows] == ["已安排补货,3月12日发出"]
    w.close()


def _ctx_of(qtbot: Any, factory: Any, actors: Any, settings: Any) -> Any:
    from ui.context import StationContext
    return StationContext(factory, actors["sales"], settings, database="SQLite: test")


def test_the_desk_shows_a_corrected_count_in_the_history(qtbot, factory, actors, station_settings,
                                                         tmp_path: Path) -> None:
    rid = received(factory, actors)
    lid = line_ids(factory, rid)[0]
    with factory.begin() as s:
        returns.update_line_count(s, actors["wh"], lid, qty_counted=18, expected_version=1)
    w = open_window(qtbot, factory, actors["wh"], station_settings)
    desk = w.tabs["incoming"]
    assert desk.open_return(rid)
    click(qtbot, desk.findChild(type(desk.ui.printButton), "historyButton"))
    panel = desk.history_dialog
    qtbot.waitExposed(panel)
    assert panel.model.rowCount() >= 3  # the return and its line created, then the count
    panel.choose_record("return")
    assert {r.entity for r in panel.model.rows} == {"return"}
    panel.choose_record("")
    panel.choose_field("qty_counted")
    m = panel.model
    assert m.rowCount() == 1
    assert [m.data(m.index(0, c)) for c in (1, 3, 4, 5, 6)] == [
        f"{actors['wh'].name} (wh)", "行 1", "清点数量", "20", "18"]
    assert m.data(m.index(0, 2)) == "test"  # the station it was changed at
    out = tmp_path / "history.pdf"
    panel.ask_path = lambda suggested: str(out)
    click(qtbot, panel.printButton)
    text = squeeze("".join(pages_of(out)))
    assert "历史记录" in text and "清点数量2018" in text  # field, old, new in one row
    w.close()


def test_the_qa_bench_shows_a_changed_decision_in_the_line_history(qtbot, factory, actors,
                                                                   station_settings) -> None:
    _rid, lid = decided(factory, actors, liability=3)
    w = open_window(qtbot, factory, actors["qa"], station_settings, tab="inspection")
    bench = w.tabs["inspection"]
    assert bench.open_line(lid)
    click(qtbot, bench.findChild(type(bench.ui.openCorrectiveButton), "historyButton"))
    panel = bench.history_dialog
    panel.choose_field("liability_code")
    m = panel.model
    assert [(m.data(m.index(0, 5)), m.data(m.index(0, 6)), m.data(m.index(0, 4)))] == [("", "3 制造", "责任判定")]
    assert m.data(m.index(0, 1)).endswith("(eng)")
    w.close()


def test_the_reports_tab_shows_the_month_8d_figures(qtbot, factory, actors, station_settings) -> None:
    from tests.unit.reports.test_monthly_eightd import _eightd
    from ui.context import StationContext
    from ui.reports_tab import ReportsTab

    _eightd(factory, actors, date(2026, 2, 20), date(2026, 3, 5), None)                # overdue
    _eightd(factory, actors, date(2026, 3, 3), date(2026, 3, 25), date(2026, 3, 20))   # opened, closed
    _eightd(factory, actors, date(2026, 3, 12), date(2026, 3, 31), date(2026, 4, 2))   # opened, overdue
    tab = ReportsTab(StationContext(factory, actors["qa"], station_settings, database="test"))
    tab.today = lambda: date(2026, 4, 10)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitExposed(tab)
    tab.month_edit.setDate(QDate(2026, 3, 1))
    qtbot.waitUntil(lambda: tab.report is not None and tab.report.month == "2026-03", timeout=10000)
    assert tab.findChild(object, "card_eightd").text() == "2 / 1 / 2"
    assert tab.cards["eightd"][0].text() == "8D 开立 / 关闭 / 逾期"


def test_an_8d_changed_meanwhile_keeps_the_typed_input(qtbot, factory, actors, station_settings) -> None:
    from app.services import eightd

    _rid, lid = decided(factory, actors)
    with factory.begin() as s:
        ca_id = inspection.open_corrective_action(s, actors["qa"], lid, inspection.CorrectiveDraft(
            owner="张工", due_on=date.today() + timedelta(days=5))).id
    w = open_window(qtbot, factory, actors["qa"], station_settings)
    listing = w.follow_up.open_8d_list()
    editor = listing.open_8d(ca_id)
    qtbot.waitExposed(editor)
    # engineering saves the same 8D at another station meanwhile
    with factory.begin() as s:
        d = eightd.SectionsDraft.of(eightd.get_8d(s, ca_id))
        d.root_cause = "来料不良"
        eightd.update_sections(s, actors["eng"], ca_id, d)
    type_text(qtbot, editor.edits["root_cause"], "焊接温度偏低")
    editor.repliedCheck.setFocus()
    qtbot.keyClick(editor.repliedCheck, Qt.Key.Key_Space)
    click(qtbot, editor.saveButton)
    assert actors["eng"].name in editor.messageLabel.text()  # who changed it
    assert editor.edits["root_cause"].toPlainText() == "焊接温度偏低"  # the input is kept
    assert _ca(factory).root_cause == "来料不良"
    editor.load(keep_input=True)  # reload the version, keep what was typed, save again
    click(qtbot, editor.saveButton)
    ca = _ca(factory)
    assert ca.root_cause == "焊接温度偏低" and ca.customer_reply_on == date.today()
    w.close()


def test_the_rework_tab_opens_the_line_history(qtbot, factory, actors, station_settings) -> None:
    _rid, lid = decided(factory, actors)
    w = open_window(qtbot, factory, actors["pmc"], station_settings, tab="rework")
    tab = w.tabs["rework"]
    assert tab.open_line(lid)
    click(qtbot, tab.findChild(type(tab.ui.savePlanButton), "historyButton"))
    panel = tab.history_dialog
    qtbot.waitExposed(panel)
    panel.choose_field("disposition")
    assert [panel.model.data(panel.model.index(0, c)) for c in (4, 6)] == ["产品处置", "修复后再出货"]
    w.close()
