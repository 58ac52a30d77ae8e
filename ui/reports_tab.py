"""顾客退货月统计 — the reports tab: the month's figures, tables and charts, and the workbooks.

A month picker drives everything: summary cards (returns, lines, pieces, amount, refunds,
external loss cost), tables (by liability, cause, customer, model, the Pareto, the trend,
and the liability code table) as item models, and three QtCharts charts (the Pareto of
causes with its cumulative % line on a right-hand axis, the external loss cost by liability
stacked by cost kind, the 13-month trend). Figures come from app.reports, which has the
database sum them; this tab holds no SQL. The figures are read off the UI thread, and the
Excel workbook, the PDF report and the export of every return line are written off it too
(ui.worker), with a progress bar and Cancel; each piece of work opens its own session.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QLineSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFrame,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.codes import LIABILITY, liability_label
from app.excel.export import ExportCancelled, export_returns
from app.money import format_yuan
from app.reports.monthly import (
    LIABILITY_KEYS,
    UNDECIDED,
    Figures,
    MonthlyReport,
    monthly_report,
    opening_month,
)
from app.reports.pdf import write_monthly_pdf
from app.reports.xlsx import write_monthly_xlsx
from forms.ui_reports_tab import Ui_ReportsTab
from ui.claims.hooks import add_claims_button
from ui.coalesce import Coalesced
from ui.context import StationContext
from ui.i18n import Retranslatable
from ui.worker import Cancelled, Job, Progress, run_in_background

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
PALETTE = ["#4F81BD", "#9BBB59", "#8064A2", "#F79646", "#C0504D"]
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class ValuesModel(QAbstractTableModel):
    """Rows of plain values from a MonthlyReport, each column of one kind: text, count, money, %."""

    def __init__(self, kinds: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kinds = list(kinds)
        self.rows: list[list[Any]] = []
        self.headers: list[str] = [""] * len(kinds)

    def set_rows(self, rows: list[list[Any]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def set_headers(self, headers: list[str]) -> None:
        self.headers = headers
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(headers) - 1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.kinds)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        value = self.rows[index.row()][index.column()]
        kind = self.kinds[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if value is None:
                return ""
            if kind == "money":
                return format_yuan(value)
            if kind == "count":
                return f"{value:,}"
            if kind == "pct":
                return f"{value}%"
            return str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and kind != "text":
            return int(_RIGHT)
        if role == SORT_ROLE:
            return float(value) if isinstance(value, Decimal) else value
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section] if section < len(self.headers) else None
        return None


FIGURE_KINDS = ["count", "count", "money", "money", "money"]


def _figures(f: Figures) -> list[Any]:
    return [f.lines, f.qty, f.amount, f.refund, f.loss]


def _card(parent: QWidget) -> tuple[QFrame, QLabel, QLabel]:
    frame = QFrame(parent)
    frame.setObjectName("reportCard")
    frame.setStyleSheet("QFrame#reportCard { background: #f4f7fb; border: 1px solid #d5deea; border-radius: 6px; }")
    lay = QVBoxLayout(frame)
    lay.setContentsMargins(10, 6, 10, 6)
    caption, value = QLabel(frame), QLabel(frame)
    caption.setStyleSheet("color: #555555;")
    value.setStyleSheet("font-size: 15pt; font-weight: bold; color: #1f3b63;")
    value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    lay.addWidget(caption)
    lay.addWidget(value)
    return frame, caption, value


def _month_range(month: str) -> tuple[date, date]:
    y, m = (int(p) for p in month.split("-"))
    first = date(y, m, 1)
    last = date(y + (m == 12), m % 12 + 1, 1) - timedelta(days=1)
    return first, last


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class ReportsTab(Retranslatable, QWidget):
    """The reports desk: pick a month, read the figures and charts, hand out the workbooks."""

    #: a month's figures are in the cards, tables and charts (the charts laid out)
    reportShown = Signal()

    def __init__(self, ctx: StationContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.report: MonthlyReport | None = None
        self.last_output: Path | None = None
        self.job: Job | None = None  # the workbook being written, if any
        self._asked = 0     # figures asked for: a slow answer for an older month is dropped
        self._stale = True  # lines changed while the tab was hidden
        self._opened = False
        self._wanted: str | None = None  # the month last asked for

        self.ui = Ui_ReportsTab()
        self.ui.setupUi(self)
        # -- the month and the buttons (short names the rest of the class and its tests use)
        self.month_label, self.month_edit = self.ui.monthLabel, self.ui.monthEdit
        self.prev_button, self.next_button = self.ui.prevButton, self.ui.nextButton
        self.state_label, self.xlsx_button, self.pdf_button = self.ui.stateLabel, self.ui.xlsxButton, self.ui.pdfButton
        self.export_box, self.export_button = self.ui.exportBox, self.ui.exportButton
        self.from_label, self.to_label = self.ui.fromLabel, self.ui.toLabel
        self.from_edit, self.to_edit = self.ui.fromEdit, self.ui.toEdit
        self.month_edit.setObjectName("month")
        today = date.today()
        self.month_edit.setDate(QDate(today.year, today.month, 1))
        self.month_edit.dateChanged.connect(self._month_changed)
        self.prev_button.clicked.connect(lambda: self.month_edit.setDate(self.month_edit.date().addMonths(-1)))
        self.next_button.clicked.connect(lambda: self.month_edit.setDate(self.month_edit.date().addMonths(1)))
        self.xlsx_button.clicked.connect(self.save_xlsx)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.export_button.clicked.connect(self.export_lines)
        add_claims_button(self, ctx, self.export_button)  # claims: the supplier claims list

        # -- summary cards
        cards = self.ui.cardsLayout
        self.cards: dict[str, tuple[QLabel, QLabel]] = {}
        for i, key in enumerate(("rmas", "lines", "qty", "amount", "refund", "loss", "eightd", "claims")):
            frame, caption, value = _card(self)
            value.setObjectName(f"card_{key}")
            self.cards[key] = (caption, value)
            cards.addWidget(frame, 0, i)

        # -- tables
        self.views = self.ui.tableTabs
        self.views.setObjectName("reportTables")
        self.models: dict[str, ValuesModel] = {
            "liability": ValuesModel(["text", *FIGURE_KINDS], self),
            "cause": ValuesModel(["text", *FIGURE_KINDS], self),
            "customer": ValuesModel(["text", *FIGURE_KINDS], self),
            "model": ValuesModel(["text", *FIGURE_KINDS], self),
            "pareto": ValuesModel(["text", "count", "pct", "pct", "money"], self),
            "trend": ValuesModel(["text", "count", *FIGURE_KINDS], self),
            "lot": ValuesModel(["text", *FIGURE_KINDS], self),
        }
        self.tables: dict[str, QTableView] = {}
        for key, model in self.models.items():
            self.tables[key] = self._table_view(key, model, sortable=key in ("cause", "customer", "model"))
            self.views.addTab(self.tables[key], "")
        self.codes_model = _CodesModel(self)
        self.codes_view = self._table_view("liability_codes", self.codes_model, sortable=False)
        self.codes_view.setObjectName("liability_codes")
        self.views.addTab(self.codes_view, "")
        self.note_label = self.ui.noteLabel

        # -- charts
        self.pareto_chart, self.liability_chart, self.trend_chart = QChart(), QChart(), QChart()
        self.chart_tabs = self.ui.chartTabs
        for chart in (self.pareto_chart, self.liability_chart, self.trend_chart):
            chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
            chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
            view = QChartView(chart, self)
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            self.chart_tabs.addTab(view, "")

        self.ui.splitter.setStretchFactor(0, 5)
        self.ui.splitter.setStretchFactor(1, 6)
        self.ui.splitter.setSizes([650, 750])
        self._set_export_range(self.month)
        self.retranslate()
        ctx.events.linesChanged.connect(self._lines_changed)
        ctx.events.returnsChanged.connect(self._lines_changed)

    def _table_view(self, key: str, model: QAbstractTableModel, *, sortable: bool) -> QTableView:
        view = QTableView(self)
        view.setObjectName(f"table_{key}")
        if sortable:
            proxy = QSortFilterProxyModel(view)
            proxy.setSourceModel(model)
            proxy.setSortRole(SORT_ROLE)
            view.setModel(proxy)
            view.setSortingEnabled(True)
            view.horizontalHeader().setSortIndicatorShown(False)
        else:
            view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.verticalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(24)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        return view

    # ------------------------------------------------------------ texts

    def retranslate(self) -> None:
        self.ui.retranslateUi(self)
        captions = {"rmas": self.tr("Returns"), "lines": self.tr("Lines"), "qty": self.tr("Pieces"),
                    "amount": self.tr("Amount"), "refund": self.tr("Refunds"),
                    "loss": self.tr("External loss cost"),
                    "eightd": self.tr("8D opened / closed / overdue"),
                    "claims": self.tr("Supplier claims: claimed / recovered")}
        for key, (caption, _value) in self.cards.items():
            caption.setText(captions[key])
        for i, title in enumerate((self.tr("By liability"), self.tr("By cause"), self.tr("By customer"),
                                   self.tr("By model"), self.tr("Pareto"), self.tr("Trend"),
                                   self.tr("Top lots"), self.tr("Liability codes"))):
            self.views.setTabText(i, title)
        for i, title in enumerate((self.tr("Pareto of causes"), self.tr("Cost by liability"),
                                   self.tr("13-month trend"))):
            self.chart_tabs.setTabText(i, title)
        figures = [self.tr("Lines"), self.tr("Pieces"), self.tr("Amount"), self.tr("Refunds"),
                   self.tr("External loss cost")]
        self.models["liability"].set_headers([self.tr("Liability"), *figures])
        self.models["cause"].set_headers([self.tr("Cause"), *figures])
        self.models["customer"].set_headers([self.tr("Customer"), *figures])
        self.models["model"].set_headers([self.tr("Model"), *figures])
        self.models["pareto"].set_headers([self.tr("Cause"), self.tr("Lines"), self.tr("Share"),
                                           self.tr("Cumulative"), self.tr("Amount")])
        self.models["trend"].set_headers([self.tr("Month"), self.tr("Returns"), *figures])
        self.models["lot"].set_headers([self.tr("Model · lot"), *figures])
        self.codes_model.set_headers([self.tr("Code"), self.tr("Chinese"), self.tr("English")])
        if self.report is not None:
            self.show_report(self.report)

    # ------------------------------------------------------------ loading the figures

    #: the day the tab opens on (tests pin it)
    today: Callable[[], date] = staticmethod(date.today)

    @property
    def month(self) -> str:
        d = self.month_edit.date()
        return f"{d.year():04d}-{d.month():02d}"

    def activate(self) -> None:
        """The tab comes to the front: the first time it opens on the last complete month
        (the monthly statistics are made after the month ends), or on the running month when
        that is the only one with returns; later it reads again only when lines changed."""
        if not self._opened:
            self._opened = True
            today = self.today()
            # which month to open on is asked on a pool thread; the figures are read when it answers
            self.ctx.query(lambda s: opening_month(s, today), self._open_on, initiator=self,
                           on_lost=lambda _exc: self._open_on(None))
            return
        if self._stale or self._wanted != self.month:
            self.load()

    def _open_on(self, wanted: str | None) -> None:
        if wanted and wanted != self.month:
            y, m = (int(p) for p in wanted.split("-"))
            self.month_edit.setDate(QDate(y, m, 1))  # which loads it
            return
        if self._stale or self._wanted != self.month:
            self.load()

    def showEvent(self, event: Any) -> None:  # noqa: N802
        super().showEvent(event)
        self.activate()

    def refresh(self) -> None:
        """F5: read the month's figures again."""
        self.load()

    def _month_changed(self, _d: QDate) -> None:
        self._set_export_range(self.month)
        self.load()

    def _set_export_range(self, month: str) -> None:
        first, last = _month_range(month)
        self.from_edit.setDate(_qdate(first))
        self.to_edit.setDate(_qdate(last))

    def _lines_changed(self, _ids: list[int]) -> None:
        self._stale = True
        if not self.isVisible():
            return
        if self.ctx.events.remote:  # another station's: the figures once per burst (ui.coalesce)
            self.coalesced.add(everything=True)
        else:
            self.load()

    @property
    def coalesced(self) -> Coalesced:
        found = getattr(self, "_coalesced", None)
        if found is None:
            found = self._coalesced = Coalesced(lambda _ids, _all: self.load() if self._stale else None, self)
        return found

    def load(self) -> None:
        """Ask the database for the month's figures (a handful of GROUP BY queries), off the
        UI thread, and show them when they come."""
        self._asked += 1
        asked, month, factory = self._asked, self.month, self.ctx.factory
        self._stale, self._wanted = False, month
        self.state_label.setText(self.tr("Reading…"))

        def work(_progress: Progress) -> MonthlyReport:
            with factory() as session:
                return monthly_report(session, month)

        def done(report: MonthlyReport) -> None:
            if asked == self._asked:
                self.state_label.setText("")
                self.show_report(report)

        def failed(exc: BaseException) -> None:
            if asked == self._asked:
                self.state_label.setText(self.tr("Could not read the figures"))
            from ui.errors import report_error

            report_error(exc, parent=self)

        run_in_background(self, work, title=self.tr("Monthly statistics"), on_done=done, on_error=failed,
                          cancellable=False, show_progress=False)

    # ------------------------------------------------------------ showing them

    def _lang(self) -> str:
        return "zh" if self.ctx.is_zh else "en"

    def show_report(self, report: MonthlyReport) -> None:
        """Put a report's figures into the cards, tables and charts."""
        self.report = report
        lang = self._lang()
        t = report.totals
        values = {"rmas": f"{report.rmas:,}", "lines": f"{t.lines:,}", "qty": f"{t.qty:,}",
                  "amount": "¥" + format_yuan(t.amount), "refund": "¥" + format_yuan(t.refund),
                  "loss": "¥" + format_yuan(t.loss),
                  "eightd": "{opened} / {closed} / {overdue}".format(**report.eightd),
                  "claims": f"¥{format_yuan(report.claims.claimed)} / ¥{format_yuan(report.claims.recovered)}"}
        for key, (_caption, value) in self.cards.items():
            value.setText(values[key])
        self.cards["loss"][1].setToolTip(self._loss_breakdown(t))
        self.models["liability"].set_rows(
            [[liability_label(None if k == UNDECIDED else int(k), lang), *_figures(report.by_liability[k])]
             for k in LIABILITY_KEYS] + [[self.tr("Total"), *_figures(t)]])
        for key, groups in (("cause", report.by_cause), ("customer", report.by_customer),
                            ("model", report.by_model), ("lot", report.by_lot)):
            self.models[key].set_rows([[g.name(lang), *_figures(g.figures)] for g in groups])
        self.models["pareto"].set_rows([[r.group.name(lang), r.group.figures.lines, r.share, r.cumulative,
                                         r.group.figures.amount] for r in report.pareto])
        self.models["trend"].set_rows([[p.month, p.rmas, *_figures(p.figures)] for p in report.trend])
        waiting = report.not_analysed.lines
        self.note_label.setText(self.tr("%n line(s) not analysed yet are left out of the Pareto.", "", waiting)
                                if waiting else "")
        self._draw_pareto(report, lang)
        self._draw_liability(report)
        self._draw_trend(report)
        self.lay_out_charts()
        self.reportShown.emit()

    def lay_out_charts(self) -> None:
        """Place axes, labels and legends now rather than on a later pass of the event loop,
        so that what is grabbed or printed right after (a screenshot) shows them."""
        for i in range(self.chart_tabs.count()):
            view = self.chart_tabs.widget(i)
            if isinstance(view, QChartView):
                chart = view.chart()
                if view.isVisible():
                    chart.resize(view.viewport().size())
                layout = chart.layout()
                if layout is not None:
                    layout.activate()

    def _loss_breakdown(self, t: Figures) -> str:
        parts = [(self.tr("Rework materials"), t.materials), (self.tr("Rework labour"), t.labour),
                 (self.tr("Other costs"), t.other), (self.tr("Scrapped value"), t.scrapped),
                 (self.tr("Refunds"), t.refund)]
        return "\n".join(f"{name}: ¥{format_yuan(v)}" for name, v in parts)

    def _reset(self, chart: QChart, title: str) -> None:
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        # a chart keeps its theme's font: hand it the application's (the bundled CJK one)
        font = self.font()
        title_font = self.font()
        title_font.setBold(True)
        chart.setTitleFont(title_font)
        chart.legend().setFont(font)
        chart.setTitle(title)

    def _fonts(self, chart: QChart) -> None:
        for axis in chart.axes():
            axis.setLabelsFont(self.font())
            axis.setTitleFont(self.font())

    def _draw_pareto(self, report: MonthlyReport, lang: str) -> None:
        chart = self.pareto_chart
        self._reset(chart, self.tr("Pareto of causes"))
        rows = report.pareto[:10]
        bars = QBarSet(self.tr("Lines"))
        bars.setColor(QColor(PALETTE[0]))
        line = QLineSeries()
        line.setName(self.tr("Cumulative %"))
        line.setColor(QColor(PALETTE[4]))
        line.setPointsVisible(True)
        for i, r in enumerate(rows):
            bars.append(r.group.figures.lines)
            line.append(i, float(r.cumulative))
        series = QBarSeries()
        series.append(bars)
        chart.addSeries(series)
        chart.addSeries(line)
        x = QBarCategoryAxis()
        width = 8 if lang.startswith("zh") else 16  # characters; Qt elides further when the bars are narrow
        x.append([_short(r.group.name(lang), width) for r in rows] or [""])
        y = QValueAxis()
        y.setLabelFormat("%d")
        _nice_range(y, max([r.group.figures.lines for r in rows], default=1), whole=True)
        y2 = QValueAxis()
        y2.setRange(0, 100)
        y2.setTickCount(5)
        y2.setLabelFormat("%d%%")
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(y2, Qt.AlignmentFlag.AlignRight)
        series.attachAxis(x)
        series.attachAxis(y)
        line.attachAxis(x)
        line.attachAxis(y2)
        self._fonts(chart)

    def _draw_liability(self, report: MonthlyReport) -> None:
        chart = self.liability_chart
        self._reset(chart, self.tr("External loss cost by liability (¥)"))
        kinds: list[tuple[str, Callable[[Figures], Decimal]]] = [
            (self.tr("Rework materials"), lambda f: f.materials), (self.tr("Rework labour"), lambda f: f.labour),
            (self.tr("Other costs"), lambda f: f.other), (self.tr("Scrapped value"), lambda f: f.scrapped),
            (self.tr("Refunds"), lambda f: f.refund)]
        series = QStackedBarSeries()
        for (name, get), colour in zip(kinds, PALETTE, strict=True):
            bars = QBarSet(name)
            bars.setColor(QColor(colour))
            for k in LIABILITY_KEYS:
                bars.append(float(get(report.by_liability[k])))
            series.append(bars)
        chart.addSeries(series)
        x = QBarCategoryAxis()
        x.append([k if k != UNDECIDED else self.tr("Undecided") for k in LIABILITY_KEYS])
        x.setTitleText(self.tr("Liability code"))
        top = max([report.by_liability[k].loss for k in LIABILITY_KEYS], default=Decimal(0))
        y = QValueAxis()
        _nice_range(y, float(top))
        y.setLabelFormat("%.0f")
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x)
        series.attachAxis(y)
        self._fonts(chart)

    def _draw_trend(self, report: MonthlyReport) -> None:
        chart = self.trend_chart
        self._reset(chart, self.tr("Amount, refunds and external loss cost by month (¥)"))
        lines: list[tuple[str, str, Callable[[Figures], Decimal]]] = [
            (self.tr("Amount"), PALETTE[0], lambda f: f.amount), (self.tr("Refunds"), PALETTE[4], lambda f: f.refund),
            (self.tr("External loss cost"), PALETTE[3], lambda f: f.loss)]
        x = QBarCategoryAxis()
        x.append([p.month[2:] for p in report.trend])
        y = QValueAxis()
        y.setLabelFormat("%.0f")
        top = Decimal(1)
        made = []
        for name, colour, get in lines:
            s = QLineSeries()
            s.setName(name)
            s.setColor(QColor(colour))
            s.setPointsVisible(True)
            for i, p in enumerate(report.trend):
                s.append(i, float(get(p.figures)))
                top = max(top, get(p.figures))
            chart.addSeries(s)
            made.append(s)
        _nice_range(y, float(top))
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        for s in made:
            s.attachAxis(x)
            s.attachAxis(y)
        self._fonts(chart)

    # ------------------------------------------------------------ workbooks

    def ask_path(self, title: str, suggested: str, pattern: str) -> str:
        """The save-as dialog (tests replace this method)."""
        path, _ = QFileDialog.getSaveFileName(self, title, suggested, pattern)
        return path

    def _background(self, title: str, work: Callable[[Progress], Path]) -> None:
        def done(path: Path) -> None:
            self.job = None
            self.last_output = Path(path)
            self.ctx.events.message.emit(self.tr("Saved %1").replace("%1", str(path)))

        def cancelled() -> None:
            self.job = None
            self.ctx.events.message.emit(self.tr("Cancelled: nothing was saved."))

        def failed(exc: BaseException) -> None:
            self.job = None
            from ui.errors import report_error

            report_error(exc, parent=self)

        job = run_in_background(self, work, title=title, on_done=done, on_cancel=cancelled, on_error=failed)
        self.job = job if job.running else None  # synchronous work has already ended

    def save_xlsx(self) -> None:
        """Export Excel: the month's statistics workbook, written off the UI thread."""
        self._save_monthly(self.tr("Save the monthly statistics workbook"),
                           self.tr("Customer returns %1.xlsx"), "Excel (*.xlsx)",
                           self.tr("Writing the workbook…"), self.tr("Monthly statistics workbook"),
                           write_monthly_xlsx)

    def save_pdf(self) -> None:
        """Export PDF: the month's statistics on A4 for the distribution list."""
        self._save_monthly(self.tr("Save the monthly statistics report"),
                           self.tr("Customer returns %1.pdf"), "PDF (*.pdf)",
                           self.tr("Writing the report…"), self.tr("Monthly statistics report"),
                           write_monthly_pdf)

    def _save_monthly(self, question: str, suggested: str, pattern: str, writing: str, title: str,
                      write: Callable[..., Path]) -> None:
        path = self.ask_path(question, suggested.replace("%1", self.month), pattern)
        if not path:
            return
        month, factory, lang = self.month, self.ctx.factory, self.ctx.language
        reading = self.tr("Reading the figures…")

        def work(progress: Progress) -> Path:
            progress.report(0, 2, reading)
            with factory() as s:
                report = monthly_report(s, month)
            progress.check()
            progress.report(1, 2, writing)
            out = write(report, path, lang=lang)
            progress.report(2, 2, writing)
            return out

        self._background(title, work)

    def export_lines(self) -> None:
        """Export returns: every line received in the chosen days, streamed into a workbook."""
        start, end = _pydate(self.from_edit.date()), _pydate(self.to_edit.date())
        if start > end:
            self.ctx.events.message.emit(self.tr("The first day is after the last day."))
            return
        path = self.ask_path(self.tr("Export the return lines"),
                             self.tr("Return lines %1 to %2.xlsx").replace("%1", start.isoformat())
                             .replace("%2", end.isoformat()), "Excel (*.xlsx)")
        if not path:
            return
        factory, lang = self.ctx.factory, self.ctx.language
        text = self.tr("%1 of %2 lines")

        def work(progress: Progress) -> Path:
            def step(done: int, total: int) -> None:
                progress.report(done, total, text.replace("%1", f"{done:,}").replace("%2", f"{total:,}"))

            try:
                with factory() as s:
                    export_returns(s, path, start=start, end=end, lang=lang, progress=step,
                                   is_cancelled=progress.cancelled)
            except ExportCancelled:
                raise Cancelled from None
            return Path(path)

        self._background(self.tr("Exporting return lines"), work)


def _nice_range(axis: QValueAxis, top: float, *, whole: bool = False) -> None:
    """0 … a round number above `top`, with ticks on round steps (1, 2 or 5 × 10^k)."""
    top = max(top, 1.0)
    raw = top / 5
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    if whole:
        step = max(1.0, math.ceil(step))
    ticks = math.ceil(top / step)
    if ticks * step <= top:  # room above the tallest bar
        ticks += 1
    axis.setRange(0, ticks * step)
    axis.setTickCount(ticks + 1)


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


class _CodesModel(QAbstractTableModel):
    """责任划分代号 1–9, from app.codes (the one table)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headers = ["", "", ""]

    def set_headers(self, headers: list[str]) -> None:
        self.headers = headers
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 2)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(LIABILITY)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else 3

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        code = index.row() + 1
        coded = LIABILITY[code]
        return [str(code), coded.zh, coded.en][index.column()]

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None
