"""Unsaved input survives a crash: the journal, and the next window over the same database.

The crash is a window that never closes (its journal is what it last wrote); the next
start is a second window over the same database and data folder.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from db.models import Return
from tests.ui.test_context_requests import lose_next_commit_answer
from tests.ui.test_window import click, open_window, scan, type_cell, type_text
from ui.journal import Journal

CUSTOMER = "华东电气设备有限公司"


def _type_a_return(qtbot: Any, w: Any) -> Any:
    desk = w.tabs["incoming"]
    type_text(qtbot, desk.ui.customerCombo.lineEdit(), CUSTOMER)
    scan(qtbot, w, "6901234500016")
    type_cell(qtbot, desk.ui.linesView, 0, desk.lines.column_of("qty_counted"), "20")
    type_text(qtbot, desk.ui.orderEdit, "PO-7781")
    return desk


def _crash(w: Any) -> None:
    """The station dies: no close, no last write; only what the journal already holds."""
    w.journal.timer.stop()
    w.journal.flush = lambda: None  # type: ignore[method-assign]


def _journal_files(data_folder: Path) -> list[Path]:
    return sorted((data_folder / "journal").glob("*.json"))


def test_unsaved_desk_input_is_offered_back_at_the_next_start(
        qtbot: Any, factory: sessionmaker[Session], actors: dict[str, Any], station_settings: Any,
        data_folder: Path, monkeypatch: Any) -> None:
    asked: list[str] = []

    def answer(_parent: Any, title: str, text: str, *a: Any, **k: Any) -> QMessageBox.StandardButton:
        asked.append(title + "\n" + text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr("ui.errors.ask", answer)
    first = open_window(qtbot, factory, actors["wh"], station_settings)
    _type_a_return(qtbot, first)
    first.journal.flush()
    (path,) = _journal_files(data_folder)
    data = json.loads(path.read_text(encoding="utf-8"))  # whole JSON, never half a file
    assert data["entries"]["incoming"]["values"]["fields"]["order_no"] == "PO-7781"
    assert not list(path.parent.glob(".unsaved-*"))  # the temporary file was renamed over
    _crash(first)

    second = open_window(qtbot, factory, actors["wh"], station_settings)
    desk = second.tabs["incoming"]
    qtbot.waitUntil(lambda: desk.ui.orderEdit.text() == "PO-7781", timeout=10_000)
    assert any("上次" in a for a in asked)
    assert desk.ui.customerCombo.currentText() == CUSTOMER
    assert desk.lines.rows[0]["qty_counted"] == "20" and desk.state.dirty
    click(qtbot, desk.ui.registerButton)  # the user saves the restored input
    with factory() as s:
        assert s.scalar(select(func.count()).select_from(Return)) == 1
    second.journal.flush()
    assert not _journal_files(data_folder)  # saved: nothing left to offer


def test_discarding_the_offer_removes_the_journal(
        qtbot: Any, factory: sessionmaker[Session], actors: dict[str, Any], station_settings: Any,
        data_folder: Path, monkeypatch: Any) -> None:
    monkeypatch.setattr("ui.errors.ask", lambda *a, **k: QMessageBox.StandardButton.No)
    first = open_window(qtbot, factory, actors["wh"], station_settings)
    _type_a_return(qtbot, first)
    first.journal.flush()
    assert _journal_files(data_folder)
    _crash(first)
    second = open_window(qtbot, factory, actors["wh"], station_settings)
    qtbot.waitUntil(lambda: not _journal_files(data_folder), timeout=10_000)
    assert second.tabs["incoming"].ui.orderEdit.text() == ""


def test_a_save_kept_for_the_database_is_journaled_at_once_and_survives_an_orderly_close(
        qtbot: Any, factory: sessionmaker[Session], actors: dict[str, Any], station_settings: Any,
        data_folder: Path, monkeypatch: Any) -> None:
    monkeypatch.setattr("ui.errors.ask", lambda *a, **k: QMessageBox.StandardButton.Yes)
    w = open_window(qtbot, factory, actors["wh"], station_settings)
    desk = _type_a_return(qtbot, w)
    w.journal.timer.stop()  # only the kept action itself writes the journal here
    lose_next_commit_answer(factory)
    click(qtbot, desk.ui.registerButton)
    assert w.ctx.kept_actions == 1
    (path,) = _journal_files(data_folder)
    entry = json.loads(path.read_text(encoding="utf-8"))["entries"]["incoming"]
    assert entry["pending"] is True and entry["values"]["fields"]["order_no"] == "PO-7781"
    w.journal.close()  # the window closes with the save still kept: it stays in the journal
    assert _journal_files(data_folder)
    w.ctx.forget_kept()


def test_a_journal_of_another_database_is_not_offered(tmp_path: Path) -> None:
    mine = Journal.for_database("sqlite:/a.sqlite3#1", tmp_path)
    mine.save({"incoming": {"values": {"fields": {"order_no": "X"}}}})
    other = Journal.for_database("sqlite:/b.sqlite3#2", tmp_path)
    assert other.load() == {} and mine.load()["incoming"]["values"]["fields"]["order_no"] == "X"
    mine.path.write_text("{broken", encoding="utf-8")  # an unreadable journal: nothing, no crash
    assert mine.load() == {}


def test_typed_findings_at_the_qa_bench_come_back_on_their_line(
        qtbot: Any, factory: sessionmaker[Session], actors: dict[str, Any], station_settings: Any,
        data_folder: Path, monkeypatch: Any) -> None:
    from db.models import ReturnLine
    from tests.unit.services.helpers import approved, line_ids

    monkeypatch.setattr("ui.errors.ask", lambda *a, **k: QMessageBox.StandardButton.Yes)
    lid = line_ids(factory, approved(factory, actors))[0]
    with factory() as s:
        label = s.get(ReturnLine, lid).barcode  # type: ignore[union-attr]
    first = open_window(qtbot, factory, actors["qa"], station_settings, tab="inspection")
    scan(qtbot, first, label)
    type_text(qtbot, first.tabs["inspection"].ui.findingsEdit, "外壳裂纹 2 只")
    first.journal.flush()
    _crash(first)
    second = open_window(qtbot, factory, actors["qa"], station_settings, tab="inspection")
    bench = second.tabs["inspection"]
    qtbot.waitUntil(lambda: bench.ui.findingsEdit.toPlainText() == "外壳裂纹 2 只", timeout=10_000)
    assert bench.line_id == lid and bench.state.dirty


def test_input_of_a_tab_not_yet_built_is_restored_into_it(
        qtbot: Any, factory: sessionmaker[Session], actors: dict[str, Any], station_settings: Any,
        data_folder: Path, monkeypatch: Any) -> None:
    """The next start opens on the desk: the QA bench is built only because it has input to
    put back, and the tabs without any stay unbuilt."""
    from db.models import ReturnLine
    from tests.unit.services.helpers import approved, line_ids

    monkeypatch.setattr("ui.errors.ask", lambda *a, **k: QMessageBox.StandardButton.Yes)
    lid = line_ids(factory, approved(factory, actors))[0]
    with factory() as s:
        label = s.get(ReturnLine, lid).barcode  # type: ignore[union-attr]
    first = open_window(qtbot, factory, actors["admin"], station_settings, tab="inspection")
    scan(qtbot, first, label)
    type_text(qtbot, first.tabs["inspection"].ui.findingsEdit, "外壳裂纹 2 只")
    first.journal.flush()
    _crash(first)
    second = open_window(qtbot, factory, actors["admin"], station_settings, tab="incoming")
    qtbot.waitUntil(lambda: second.tabs.is_built("inspection"), timeout=10_000)
    bench = second.tabs["inspection"]
    qtbot.waitUntil(lambda: bench.ui.findingsEdit.toPlainText() == "外壳裂纹 2 只", timeout=10_000)
    assert bench.line_id == lid
    assert not second.tabs.is_built("rework") and not second.tabs.is_built("reports")
