"""The window's buttons follow the workflow table (app.workflow), the same table the services
check: a step's button is enabled for the roles and states the table gives, and says why not."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app import workflow
from app.codes import Role
from tests.ui.test_window import open_window
from tests.unit.services.helpers import received


def test_the_desks_step_buttons_follow_the_table(qtbot, factory, actors, station_settings,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    rid = received(factory, actors)
    w = open_window(qtbot, factory, actors["wh"], station_settings, tab="incoming")
    desk = w.tabs["incoming"]
    desk.open_return(rid)
    assert not desk.ui.confirmButton.isEnabled()
    assert "销售" in desk.ui.confirmButton.toolTip()
    assert desk.ui.cancelReturnButton.isEnabled()

    # one row of the table changed: the warehouse may confirm, and may no longer cancel
    monkeypatch.setitem(workflow.STEPS, "confirm", replace(workflow.step("confirm"), roles=(Role.WAREHOUSE,)))
    monkeypatch.setitem(workflow.STEPS, "cancel", replace(workflow.step("cancel"), roles=(Role.MANAGER,)))
    desk.update_actions()
    assert desk.ui.confirmButton.isEnabled() and desk.ui.confirmButton.toolTip() == ""
    assert not desk.ui.cancelReturnButton.isEnabled()
    assert "总经理/主管" in desk.ui.cancelReturnButton.toolTip()


def test_the_qa_bench_buttons_follow_the_states_of_the_table(qtbot, factory, actors, station_settings,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.unit.services.helpers import approved, line_ids

    lid = line_ids(factory, approved(factory, actors))[0]
    w = open_window(qtbot, factory, actors["admin"], station_settings, tab="inspection")
    bench = w.tabs["inspection"]
    assert bench.open_line(lid)
    assert bench.ui.saveInspectionButton.isEnabled()
    assert not bench.ui.saveDecisionButton.isEnabled()
    assert bench.ui.saveDecisionButton.toolTip() == "请先检验此行"
    monkeypatch.setitem(workflow.STEPS, "decide",
                        replace(workflow.step("decide"), from_states=frozenset({"inspection", "decision"})))
    bench.update_actions()
    assert bench.ui.saveDecisionButton.isEnabled()
