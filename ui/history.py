"""The history panel: who changed what of a return or a line, when and from which station.

Opened from the desk (for the return), the QA bench and the rework tab (for the line) by a
"History…" button each tab gets through `add_history_button`. The rows come from
app.services.history (the audit trail); a field filter narrows them, Print… saves the
shown rows as an A4 table (app.printing.eightd.render_history). Read-only for every role.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import StationError
from app.services import history
from app.services.returns import get_line, get_return
from ui import errors as ui_errors
from ui.context import StationContext
from ui.models.rows import RowsModel

_Index = QModelIndex | QPersistentModelIndex


class HistoryModel(RowsModel):
    """The changes, one a row: when, who, station, record, field, old, new."""

    def headers(self) -> list[str]:
        return [self.tr("When"), self.tr("Who"), self.tr("Station"), self.tr("Record"), self.tr("Field"),
                self.tr("Old value"), self.tr("New value")]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        r = self.rows[index.row()]
        values = (r.when, f"{r.who} ({r.login})", r.station, r.record, r.field_name(self.lang), r.old, r.new)
        return values[index.column()]


class HistoryDialog(QDialog):
    """The history of one return (with its lines and their children) or of one line."""

    def __init__(self, ctx: StationContext, *, return_id: int | None = None, line_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.ctx, self.return_id, self.line_id = ctx, return_id, line_id
        self.all_rows: list[history.HistoryRow] = []
        self.what = ""
        self.titleLabel = QLabel(self)
        self.fieldLabel = QLabel(self)
        self.fieldCombo = QComboBox(self)
        self.fieldCombo.setObjectName("fieldCombo")
        self.recordCombo = QComboBox(self)  # which kind of record: the return, a line, an 8D …
        self.recordCombo.setObjectName("recordCombo")
        self.countLabel = QLabel(self)
        self.messageLabel = QLabel(self)
        self.model = HistoryModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.printButton = QPushButton(self)
        self.closeButton = QPushButton(self)
        top = QHBoxLayout()
        top.addWidget(self.titleLabel, 1)
        top.addWidget(self.recordCombo)
        top.addWidget(self.fieldLabel)
        top.addWidget(self.fieldCombo)
        bottom = QHBoxLayout()
        bottom.addWidget(self.countLabel)
        bottom.addWidget(self.messageLabel, 1)
        bottom.addWidget(self.printButton)
        bottom.addWidget(self.closeButton)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)
        self.resize(980, 520)
        self.fieldCombo.currentIndexChanged.connect(self._filter)
        self.recordCombo.currentIndexChanged.connect(self._filter)
        self.printButton.clicked.connect(self.print_history)
        self.closeButton.clicked.connect(self.close)
        self.retranslate()
        self.load()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("History"))
        self.fieldLabel.setText(self.tr("Field:"))
        self.printButton.setText(self.tr("Print…"))
        self.closeButton.setText(self.tr("Close"))
        if self.all_rows or self.what:
            self.load()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def load(self) -> None:
        """Read the history again (after a change elsewhere, or a language switch)."""
        lang = self.ctx.language

        def read(s: Any) -> tuple[list[history.HistoryRow], str]:
            if self.line_id is not None:
                line = get_line(s, self.line_id)
                return history.line_history(s, self.line_id, lang), f"{line.rma.rma_no} / {line.line_no}"
            assert self.return_id is not None
            return history.return_history(s, self.return_id, lang), get_return(s, self.return_id).rma_no

        # read on a pool thread: a busy server stalls the dialog's rows, not the window
        self.ctx.query(read, self._show, initiator=self)

    def _show(self, result: tuple[list[history.HistoryRow], str]) -> None:
        lang = self.ctx.language
        self.all_rows, self.what = result
        self.titleLabel.setText(self.tr("Changes of %1").replace("%1", self.what))
        chosen = self.fieldCombo.currentData()
        self.fieldCombo.blockSignals(True)
        self.fieldCombo.clear()
        self.fieldCombo.addItem(self.tr("All fields"), "")
        for code, name in history.fields_in(self.all_rows, lang):
            self.fieldCombo.addItem(name, code)
        at = self.fieldCombo.findData(chosen or "")
        self.fieldCombo.setCurrentIndex(max(at, 0))
        self.fieldCombo.blockSignals(False)
        kind = self.recordCombo.currentData()
        self.recordCombo.blockSignals(True)
        self.recordCombo.clear()
        self.recordCombo.addItem(self.tr("All records"), "")
        for entity in dict.fromkeys(r.entity for r in self.all_rows):
            self.recordCombo.addItem(history.ENTITY_LABELS.get(entity, (entity, entity))[0 if self.ctx.is_zh else 1],
                                     entity)
        self.recordCombo.setCurrentIndex(max(self.recordCombo.findData(kind or ""), 0))
        self.recordCombo.blockSignals(False)
        self._filter()

    def shown_rows(self) -> list[history.HistoryRow]:
        return history.filter_rows(self.all_rows, field=self.fieldCombo.currentData() or "",
                                   entity=self.recordCombo.currentData() or "")

    def _filter(self, *_args: Any) -> None:
        rows = self.shown_rows()
        self.model.set_rows(rows, self.ctx.language)
        self.view.resizeColumnsToContents()
        self.countLabel.setText(self.tr("%n change(s)", "", len(rows)))

    def choose_field(self, code: str) -> None:
        self.fieldCombo.setCurrentIndex(self.fieldCombo.findData(code))

    def choose_record(self, entity: str) -> None:
        self.recordCombo.setCurrentIndex(self.recordCombo.findData(entity))

    def ask_path(self, suggested: str) -> str:
        """Where to save the PDF; tests replace this method."""
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save PDF"), suggested, "PDF (*.pdf)")
        return path

    def print_history(self) -> str:
        """Save the rows shown (the filter applies) as an A4 table; returns the path or ""."""
        path = self.ask_path(f"{self.what.replace(' / ', '-')}-history.pdf")
        if not path:
            return ""
        # ReportLab is imported at the first print, not at the station's start
        from app.printing.eightd import history_header, render_history

        rows, lang = self.shown_rows(), self.ctx.language

        def header(s: Any) -> Any:
            rid = self.return_id if self.return_id is not None else get_line(s, self.line_id).return_id
            return history_header(s, get_return(s, rid))

        try:
            form = self.ctx.read(header)
        except StationError as exc:
            self.messageLabel.setText(exc.message(lang))
            return ""
        if form is None:
            return ""
        render_history(rows, form, self.titleLabel.text(), path, "zh" if lang.startswith("zh") else "en")
        self.messageLabel.setText(self.tr("Saved: %1").replace("%1", path))
        return path


def open_history(ctx: StationContext, parent: QWidget | None, *, return_id: int | None = None,
                 line_id: int | None = None) -> HistoryDialog:
    dialog = HistoryDialog(ctx, return_id=return_id, line_id=line_id, parent=parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    ui_errors.show(dialog)
    return dialog


def insert_next_to(anchor: QWidget, widget: QWidget) -> None:
    """Put `widget` right after `anchor` in whatever layout holds it (a tab's one small hook)."""
    def find(layout: QLayout | None) -> tuple[QLayout, int] | None:
        if layout is None:
            return None
        for i in range(layout.count()):
            item = layout.itemAt(i)
            if item.widget() is anchor:
                return layout, i
            found = find(item.layout())
            if found:
                return found
        return None

    parent = anchor.parentWidget()
    found = find(parent.layout() if parent is not None else None)
    if found is None:
        raise RuntimeError(f"{anchor.objectName()} is in no layout")
    layout, i = found
    if isinstance(layout, QBoxLayout):
        layout.insertWidget(i + 1, widget)
    elif isinstance(layout, QGridLayout):
        row, col, _rs, _cs = layout.getItemPosition(i)
        layout.addWidget(widget, row, col + 1)
    else:
        layout.addWidget(widget)


class _HistoryButton(QPushButton):
    def retranslate(self) -> None:
        # QCoreApplication.translate, not self.tr: tr() on this QPushButton subclass crashed
        # PySide6 while another test's window was being set up
        self.setText(QCoreApplication.translate("HistoryButton", "History…"))
        self.setToolTip(QCoreApplication.translate("HistoryButton", "Who changed what, when and where"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def add_history_button(tab: QWidget, ctx: StationContext, anchor: QWidget,
                       ids: Callable[[], tuple[int | None, int | None]]) -> QPushButton:
    """A "History…" button next to `anchor`; `ids()` gives (return id, line id) of what the
    tab shows now (a line id wins). The button is enabled while the tab shows something."""
    button = _HistoryButton(tab)
    button.setObjectName("historyButton")
    button.retranslate()
    insert_next_to(anchor, button)

    def clicked() -> None:
        return_id, line_id = ids()
        if return_id is None and line_id is None:
            return
        tab.history_dialog = open_history(ctx, tab, return_id=None if line_id is not None else return_id,
                                          line_id=line_id)

    button.clicked.connect(clicked)
    return button
