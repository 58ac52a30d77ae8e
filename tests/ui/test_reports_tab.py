"""The reports tab: the month picker drives the cards, tables and charts; the workbooks are
written through the background worker, with progress and cancel."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCharts import QBarSeries, QChartView, QLineSeries, QStackedBarSeries
from PySide6.QtCore import QDate
from PySide6.QtGui import QColor, QImage

import ui.reports_tab as reports_tab
import ui.worker as worker
from app.excel.export import export_returns
from app.money import format_yuan
from app.reports.monthly import monthly_report
from app.services.demo import fill_demo
from tests.unit.services.helpers import draft, received
from ui.context import StationContext
from ui.reports_tab import PALETTE, ReportsTab

SHOTS = Path("/tmp/ui_shots")


def make_tab(qtbot, factory, actors, station_settings) -> ReportsTab:
    fill_demo(factory, 150, today=date(2026, 11, 23))
    ctx = StationContext(factory, actors["qa"], station_settings, database="test")
    tab = ReportsTab(ctx)
    tab.today = lambda: date(2026, 11, 23)
    qtbot.addWidget(tab)
    tab.resize(1400, 800)
    tab.show()
    qtbot.waitExposed(tab)
    return tab


def card(tab: ReportsTab, key: str) -> str:
    return tab.findChild(object, f"card_{key}").text()


def column(model, col: int) -> list:
    return [model.index(r, col).data() for r in range(model.rowCount())]


def shot(tab: ReportsTab, name: str) -> QImage:
    SHOTS.mkdir(exist_ok=True)
    tab.repaint()
    image = tab.grab().toImage()
    image.save(str(SHOTS / name))
    return image


def test_month_picker_changes_figures_tables_and_charts(qtbot, factory, actors, station_settings) -> None:
    tab = make_tab(qtbot, factory, actors, station_settings)
    assert tab.month == "2026-10"  # opens on the last complete month
    with factory() as s:
        october = monthly_report(s, "2026-10")
        september = monthly_report(s, "2026-09")
    tab.month_edit.setDate(QDate(2026, 10, 1))
    assert card(tab, "rmas") == f"{october.rmas:,}" and card(tab, "lines") == f"{october.totals.lines:,}"
    assert card(tab, "amount") == "¥" + format_yuan(october.totals.amount)
    assert card(tab, "loss") == "¥" + format_yuan(october.totals.loss)
    assert "¥" + format_yuan(october.totals.materials) in tab.cards["loss"][1].toolTip()
    liab = tab.models["liability"]
    assert column(liab, 0) == ["1 顾客", "2 供方", "3 制造", "4 售后", "5 物控", "6 运输", "7 设计", "8 销售",
                               "9 其它", "未判定", "合计"]
    assert column(liab, 1)[-1] == f"{october.totals.lines:,}"
    assert column(liab, 3)[2] == format_yuan(october.by_liability["3"].amount)
    assert column(tab.models["cause"], 0) == [g.name_zh for g in october.by_cause]
    assert column(tab.models["pareto"], 3)[-1] == "100.0%"
    assert column(tab.models["trend"], 0) == [p.month for p in october.trend]
    # traceability: the month's top lots, "model · lot", most lines first
    assert october.by_lot and column(tab.models["lot"], 0) == [g.name_zh for g in october.by_lot]
    assert column(tab.models["lot"], 1)[0] == f"{october.by_lot[0].figures.lines:,}"
    assert tab.views.tabText(6) == "批次排行"
    assert column(tab.codes_model, 1) == ["顾客", "供方", "制造", "售后", "物控", "运输", "设计", "销售", "其它"]
    assert (tab.from_edit.date(), tab.to_edit.date()) == (QDate(2026, 10, 1), QDate(2026, 10, 31))

    # the charts hold the month's figures
    bars, line = tab.pareto_chart.series()
    assert isinstance(bars, QBarSeries) and isinstance(line, QLineSeries)
    top = october.pareto[:10]
    assert [bars.barSets()[0].at(i) for i in range(len(top))] == [r.group.figures.lines for r in top]
    assert [p.y() for p in line.points()] == [float(r.cumulative) for r in top]
    (stacked,) = tab.liability_chart.series()
    assert isinstance(stacked, QStackedBarSeries) and len(stacked.barSets()) == 5
    assert sum(s.at(2) for s in stacked.barSets()) == pytest.approx(float(october.by_liability["3"].loss), abs=0.005)
    assert [len(s.points()) for s in tab.trend_chart.series()] == [13, 13, 13]
    assert len(tab.findChildren(QChartView)) == 3

    tab.prev_button.click()
    assert tab.month == "2026-09" and card(tab, "rmas") == f"{september.rmas:,}"
    assert column(tab.models["liability"], 1)[-1] == f"{september.totals.lines:,}"
    tab.next_button.click()
    assert card(tab, "rmas") == f"{october.rmas:,}"

    tab.chart_tabs.setCurrentIndex(0)
    qtbot.wait(50)  # the charts lay out their new axes before the picture
    image = shot(tab, "reports_zh_CN.png")
    assert image.width() == 1400
    (view,) = [v for v in tab.findChildren(QChartView) if v.chart() is tab.pareto_chart]
    chart = view.grab().toImage()  # the Pareto is drawn: bar blue and the red cumulative line
    colours = {chart.pixelColor(x, y).name() for x in range(0, chart.width(), 3)
               for y in range(chart.height() // 4, chart.height() * 3 // 4, 9)}
    assert PALETTE[0].lower() in colours


def test_figures_follow_changed_lines_and_the_language(qtbot, factory, actors, station_settings,
                                                       switch_language) -> None:
    tab = make_tab(qtbot, factory, actors, station_settings)
    before = int(card(tab, "rmas").replace(",", ""))
    received(factory, actors, draft(received_on=date(2026, 10, 20)))  # registered at the desk, late
    tab.ctx.events.returnsChanged.emit([1])
    assert card(tab, "rmas") == f"{before + 1:,}"
    with factory() as s:
        october = monthly_report(s, "2026-10")
    assert card(tab, "lines") == f"{october.totals.lines:,}"
    unanalysed = october.totals.lines - sum(r.group.figures.lines for r in october.pareto)
    assert tab.note_label.text() == f"另有 {unanalysed} 条尚未分析的明细未计入柏拉图。"
    switch_language("en")
    assert tab.month_label.text() == "&Month:"
    assert column(tab.models["liability"], 0)[2] == "3 Manufacturing"
    assert tab.views.tabText(0) == "By liability"
    assert tab.note_label.text() == ("1 line not analysed yet is left out of the Pareto." if unanalysed == 1 else
                                     f"{unanalysed} lines not analysed yet are left out of the Pareto.")
    shot(tab, "reports_en.png")


def test_workbooks_are_written_in_the_background(qtbot, factory, actors, station_settings, tmp_path) -> None:
    tab = make_tab(qtbot, factory, actors, station_settings)
    tab.month_edit.setDate(QDate(2026, 10, 1))
    targets = iter([str(tmp_path / "m.xlsx"), str(tmp_path / "m.pdf"), str(tmp_path / "oct.xlsx")])
    asked: list[str] = []

    def answer(title: str, suggested: str, pattern: str) -> str:  # the save-as dialog, answered
        asked.append(suggested)
        return next(targets)

    tab.ask_path = answer
    messages: list[str] = []
    tab.ctx.events.message.connect(messages.append)
    tab.xlsx_button.click()
    assert openpyxl.load_workbook(tmp_path / "m.xlsx").sheetnames[:2] == ["汇总", "按责任"]
    tab.pdf_button.click()
    assert (tmp_path / "m.pdf").read_bytes().startswith(b"%PDF")
    tab.export_button.click()
    with factory() as s:
        october = monthly_report(s, "2026-10")
    rows = list(openpyxl.load_workbook(tmp_path / "oct.xlsx", read_only=True).active.iter_rows(values_only=True))
    assert len(rows) == october.totals.lines + 1  # the month's lines, cancelled returns left out
    assert asked[2].endswith("2026-10-01 至 2026-10-31.xlsx") or "2026-10-01" in asked[2]
    assert len(messages) == 3 and str(tmp_path / "oct.xlsx") in messages[-1]
    assert tab.last_output == tmp_path / "oct.xlsx"


def test_cancelling_the_export_saves_nothing(qtbot, factory, actors, station_settings, tmp_path,
                                             monkeypatch) -> None:
    tab = make_tab(qtbot, factory, actors, station_settings)
    tab.from_edit.setDate(QDate(2025, 1, 1))
    seen: list[tuple[int, int, str]] = []

    def export_then_cancel(session, out, **kw):  # the user presses Cancel after the first chunk
        (job,) = worker._running  # the export's job, as its progress dialog's Cancel button sees it
        job.progressed.connect(lambda d, t, text: (seen.append((d, t, text)), job.cancel()))
        return export_returns(session, out, **{**kw, "chunk_size": 20})

    monkeypatch.setattr(reports_tab, "export_returns", export_then_cancel)
    tab.ask_path = lambda *a: str(tmp_path / "all.xlsx")
    messages: list[str] = []
    tab.ctx.events.message.connect(messages.append)
    tab.export_button.click()
    assert seen and seen[0][0] == 20 and "20" in seen[0][2]
    assert not (tmp_path / "all.xlsx").exists() and list(tmp_path.glob("*.xlsx")) == []
    assert messages and "已取消" in messages[-1]
    assert tab.job is None


def test_no_data_month_shows_zeros(qtbot, factory, actors, station_settings) -> None:
    ctx = StationContext(factory, actors["qa"], station_settings, database="test")
    tab = ReportsTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitExposed(tab)
    assert card(tab, "rmas") == "0" and card(tab, "amount") == "¥0.00"
    assert tab.models["cause"].rowCount() == 0 and tab.pareto_chart.series()
    assert QColor(tab.palette().window().color()).isValid()
