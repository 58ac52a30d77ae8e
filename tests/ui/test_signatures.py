"""E-signatures at the window, driven as people would: sales confirms a return and signs in the
password dialog (a wrong password stays in the dialog with the input kept); a later change to
the notice shows the signature void (已失效, by whom, when) and the step asks to be signed
again; the analysis form prints the countersigners' names and times."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from app.services import returns
from db.models import Signature, SignatureVoid, User
from tests.ui.test_window import click, open_window, type_text
from tests.unit.services.helpers import received
from tests.unit.services.test_signatures import _amend_notes


@pytest.fixture(autouse=True)
def discard_on_close(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("ui.errors.ask", lambda *a, **k: QMessageBox.StandardButton.Yes)


def _sign(qtbot: Any, tab: Any, password: str) -> Any:
    dialog = tab.signature_dialog
    qtbot.waitExposed(dialog)
    dialog.passwordEdit.clear()
    qtbot.keyClicks(dialog.passwordEdit, password)
    click(qtbot, dialog.ok_button)
    return dialog


def _name(factory: Any, login: str) -> str:
    with factory() as s:
        return s.scalars(select(User.name).where(User.login == login)).one()


def test_sales_confirms_with_the_password_dialog_and_a_later_change_shows_it_void(
        qtbot, factory, actors, station_settings, real_signature_dialog) -> None:
    rid = received(factory, actors)
    w = open_window(qtbot, factory, actors["sales"], station_settings, tab="incoming")
    desk = w.tabs["incoming"]
    assert desk.open_return(rid)
    type_text(qtbot, desk.ui.requirementsEdit, "按质保条款换货")
    click(qtbot, desk.ui.confirmButton)

    # a wrong password: refused in the dialog, which stays open; nothing is confirmed
    dialog = _sign(qtbot, desk, "wrong")
    assert dialog.isVisible() and dialog.result() == 0
    assert "密码不正确" in dialog.messageLabel.text()
    assert desk.ui.requirementsEdit.toPlainText() == "按质保条款换货"  # the input is kept
    with factory() as s:
        assert returns.get_return(s, rid).status == "received"

    # the right one: confirmed and signed in one action, the dialog closes
    _sign(qtbot, desk, "1234")
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    with factory() as s:
        assert returns.get_return(s, rid).status == "confirmed"
        [sig] = s.scalars(select(Signature)).all()
        assert (sig.step, sig.meaning, sig.signer_login) == ("sales_confirm", "confirm", "sales")
    sales = _name(factory, "sales")
    assert "已签名(确认)" in desk.ui.salesStateLabel.text() and sales in desk.ui.salesStateLabel.text()
    assert not desk.ui.confirmButton.isEnabled()  # signed and valid: nothing to sign

    # the warehouse corrects the notice's notes: the signed content changed
    _amend_notes(factory, actors, rid, "外箱破损")
    assert desk.open_return(rid, force=True)
    text = desk.ui.salesStateLabel.text()
    assert "已失效" in text and _name(factory, "wh") in text and "重新签名" in text
    assert desk.ui.confirmButton.isEnabled()  # the step asks to be signed again

    click(qtbot, desk.ui.confirmButton)
    _sign(qtbot, desk, "1234")
    with factory() as s:
        rows = s.execute(select(Signature, SignatureVoid).outerjoin(
            SignatureVoid, SignatureVoid.signature_id == Signature.id).order_by(Signature.id)).all()
    assert [(sig.step, void is not None) for sig, void in rows] == [("sales_confirm", True), ("sales_confirm", False)]
    assert "已失效" not in desk.ui.salesStateLabel.text() and "已签名" in desk.ui.salesStateLabel.text()
    w.close()


def test_the_analysis_form_is_countersigned_at_the_desk(qtbot, factory, actors, station_settings,
                                                       monkeypatch, real_signature_dialog) -> None:
    from tests.unit.services.helpers import decided

    rid, _lid = decided(factory, actors, disposition="refund", liability=3, ratio="1")
    w = open_window(qtbot, factory, actors["sales"], station_settings)
    desk = w.tabs["incoming"]
    assert desk.open_return(rid)
    signoffs = desk.signoffs
    assert "0/6" in signoffs.label.text()
    asked: list[list[str]] = []
    monkeypatch.setattr("ui.analysis_signoffs.ask_box",
                        lambda _p, _t, _l, items: asked.append(items) or 0)
    click(qtbot, signoffs.button)
    assert asked == [["销售业务员", "销售部负责人", "售后服务室"]]  # the boxes of sales' role
    _sign(qtbot, desk, "1234")
    with factory() as s:
        [sig] = s.scalars(select(Signature)).all()
    assert (sig.step, sig.meaning, sig.signer_login) == ("analysis_sales_rep", "countersign", "sales")
    assert "1/6" in signoffs.label.text() and "已签名(会签)" in signoffs.label.toolTip()
    click(qtbot, signoffs.button)
    assert asked[-1] == ["销售部负责人", "售后服务室"]  # its signed box is no longer offered
    w.close()


def test_production_countersigns_its_box_at_the_rework_tab(qtbot, factory, actors, station_settings,
                                                           monkeypatch, real_signature_dialog) -> None:
    from tests.unit.services.helpers import planned

    _rid, lid = planned(factory, actors)
    w = open_window(qtbot, factory, actors["pmc"], station_settings, tab="rework")
    bench = w.tabs["rework"]
    assert bench.open_line(lid)
    asked: list[list[str]] = []
    monkeypatch.setattr("ui.analysis_signoffs.ask_box", lambda _p, _t, _l, items: asked.append(items) or 0)
    click(qtbot, bench.signoffs.button)
    assert asked == [["计划物控部"]]
    dialog = _sign(qtbot, bench, "wrong")
    assert dialog.isVisible() and "密码不正确" in dialog.messageLabel.text()
    _sign(qtbot, bench, "1234")
    with factory() as s:
        [sig] = s.scalars(select(Signature)).all()
    assert (sig.step, sig.signer_login) == ("analysis_pmc", "pmc")
    assert "1/6" in bench.signoffs.label.text()
    assert not bench.signoffs.button.isEnabled()
    w.close()
