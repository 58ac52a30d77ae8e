"""A station action retried after its commit answer was lost is carried out once.

The lost answer is made the way it happens: the COMMIT reaches the database, then the
station hears DatabaseUnavailable (an after_commit hook raises it once). The station
keeps the action, runs it again with the same request id when the database is back, and
finds its own commit.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, func, select
from sqlalchemy.orm import Session, sessionmaker

from app.errors import ActionPending, ConflictError, DatabaseUnavailable
from app.services import returns as return_service
from app.services.returns import LineDraft
from db.models import ActionRequest, Return, ReturnLine
from tests.unit.services.helpers import draft, line_ids, received
from ui.context import Outcome, StationContext


def lose_next_commit_answer(factory: sessionmaker[Session]) -> list[int]:
    lost: list[int] = []

    @event.listens_for(factory, "after_commit")
    def _answer_lost(_session: Session) -> None:
        if not lost:
            lost.append(1)
            raise DatabaseUnavailable("server closed the connection unexpectedly")

    return lost


def test_a_registration_whose_commit_answer_was_lost_is_registered_once(
        qapp: Any, factory: sessionmaker[Session], actors: dict[str, Any]) -> None:
    ctx = StationContext(factory, actors["wh"])
    outcomes: list[Outcome[Any]] = []
    d = draft(LineDraft(model="DZ47-63 C16", qty_counted=5))

    def work(s: Session) -> tuple[int, str, list[int]]:
        rma = return_service.receive_return(s, actors["wh"], d)
        return rma.id, rma.rma_no, [ln.id for ln in rma.lines]

    lost = lose_next_commit_answer(factory)
    first = ctx.run(work, on_done=outcomes.append, key="incoming.register")
    assert lost and first.pending and ctx.is_kept("incoming.register")
    # a second press of Register while the first is kept queues nothing
    second = ctx.run(work, on_done=outcomes.append, key="incoming.register")
    assert isinstance(second.error, ActionPending) and ctx.kept_actions == 1

    assert ctx.check_database()  # the banner's probe answers: the kept action runs again
    final = outcomes[-1]
    assert final.ok
    return_id, rma_no, lines = final.value  # type: ignore[misc]
    with factory() as s:
        assert s.scalar(select(func.count()).select_from(Return)) == 1
        rma = s.get(Return, return_id)
        assert rma is not None and rma.rma_no == rma_no  # the same number the form shows
        assert [ln.id for ln in rma.lines] == lines
        assert s.scalar(select(func.count()).select_from(ActionRequest)) == 1
    assert not ctx.is_kept("incoming.register")


def test_the_same_function_over_equal_input_is_not_queued_twice(
        qapp: Any, factory: sessionmaker[Session], actors: dict[str, Any]) -> None:
    ctx = StationContext(factory, actors["wh"])
    d = draft(LineDraft(model="DZ47-63 C16", qty_counted=5))

    def submit(draft_: Any) -> Outcome[Any]:
        return ctx.run(lambda s: return_service.receive_return(s, actors["wh"], draft_).id)

    lose_next_commit_answer(factory)
    assert submit(d).pending
    assert isinstance(submit(d).error, ActionPending)
    other = draft(LineDraft(model="DZ47-63 C32", qty_counted=1))
    assert submit(other).ok  # a different return is not the same action (and saves)
    assert ctx.kept_actions == 1
    ctx.resume()
    with factory() as s:
        assert s.scalar(select(func.count()).select_from(Return)) == 2


def test_a_retried_count_correction_is_no_conflict_with_itself(
        qapp: Any, factory: sessionmaker[Session], actors: dict[str, Any]) -> None:
    rid = received(factory, actors)
    lid = line_ids(factory, rid)[0]
    with factory() as s:
        version = s.get(ReturnLine, lid).version  # type: ignore[union-attr]
    ctx = StationContext(factory, actors["wh"])
    outcomes: list[Outcome[Any]] = []
    lose_next_commit_answer(factory)
    ctx.run(lambda s: return_service.update_line_count(s, actors["wh"], lid, qty_counted=7,
                                                       expected_version=version).id,
            on_done=outcomes.append)
    assert outcomes[-1].pending
    ctx.resume()
    assert outcomes[-1].ok, outcomes[-1].error
    assert not isinstance(outcomes[-1].error, ConflictError)
    with factory() as s:
        line = s.get(ReturnLine, lid)
        assert line is not None and line.qty_counted == 7 and line.version == version + 1


def test_the_desk_holds_register_while_its_save_is_pending_and_shows_the_one_number(
        qtbot: Any, factory: sessionmaker[Session], actors: dict[str, Any], station_settings: Any,
        monkeypatch: Any) -> None:
    from PySide6.QtWidgets import QMessageBox

    from tests.ui.test_window import click, open_window, scan, type_cell, type_text

    monkeypatch.setattr("ui.errors.ask", lambda *a, **k: QMessageBox.StandardButton.Yes)
    w = open_window(qtbot, factory, actors["wh"], station_settings)
    desk = w.tabs["incoming"]
    type_text(qtbot, desk.ui.customerCombo.lineEdit(), "华东电气设备有限公司")
    scan(qtbot, w, "6901234500016")
    type_cell(qtbot, desk.ui.linesView, 0, desk.lines.column_of("qty_counted"), "20")
    lose_next_commit_answer(factory)
    click(qtbot, desk.ui.registerButton)  # saved, but the station did not hear so
    assert w.banner.isVisible() and w.ctx.kept_actions == 1
    assert not desk.ui.registerButton.isEnabled()  # a second press cannot queue a second return
    assert "连接恢复后" in desk.ui.headerMessageLabel.text()
    w.banner.retry_now()  # the database answers: the kept registration finds its own commit
    assert not w.banner.isVisible() and w.ctx.kept_actions == 0
    with factory() as s:
        (rma,) = s.scalars(select(Return)).all()
    assert desk.ui.titleLabel.text() == rma.rma_no


def test_background_work_on_a_lost_database_reports_the_outage_not_a_bug(
        qapp: Any, monkeypatch: Any) -> None:
    from sqlalchemy import text

    from db.engine import PgTimeouts, make_engine, make_session_factory
    from ui.errors import CrashDialog
    from ui.worker import run_in_background

    opened: list[Any] = []
    monkeypatch.setattr("ui.errors.show", opened.append)
    # nothing listens on port 1: the connection is refused, as by a stopped server
    engine = make_engine("postgresql+psycopg://postgres@127.0.0.1:1/rma", timeouts=PgTimeouts(connect_s=2))

    def report(_progress: Any) -> None:
        with make_session_factory(engine)() as s:  # a report's own session, not a unit of work
            s.execute(text("SELECT 1"))

    got: list[BaseException] = []
    run_in_background(None, report, title="report", on_error=got.append)
    assert len(got) == 1 and isinstance(got[0], DatabaseUnavailable)
    run_in_background(None, report, title="report")  # no handler of its own: the default one
    assert opened and not any(isinstance(o, CrashDialog) for o in opened)
    engine.dispose()
