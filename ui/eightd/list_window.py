"""The 8D list: open, overdue and closed 8Ds with owner and due date; overdue ones in red.

Opened from the menu (工作站 → 8D 报告…) and from the QA bench; a double-click (or Open…)
opens the 8D in its editor (ui.eightd.editor). Any role may look; the editor decides who
may change or sign.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services import eightd
from ui import errors as ui_errors
from ui.coalesce import Coalesced
from ui.context import StationContext
from ui.models.rows import RowsModel

_Index = QModelIndex | QPersistentModelIndex
OVERDUE_FG = QColor("#C62828")
STATES = ("all", "open", "overdue", "closed")


class EightDListModel(RowsModel):
    """One 8D a row (app.services.eightd.EightDRow)."""

    def headers(self) -> list[str]:
        return [self.tr("8D No."), self.tr("RMA No."), self.tr("Line"), self.tr("Model"), self.tr("Owner"),
                self.tr("Due date"), self.tr("Status"), self.tr("Open actions")]

    def status_text(self, r: eightd.EightDRow) -> str:
        if r.status == eightd.CLOSED:
            return self.tr("closed")
        return self.tr("overdue") if r.overdue else self.tr("open")

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            values = (r.no, r.rma_no, "" if r.line_no is None else str(r.line_no), r.model, r.owner,
                      r.due_on.isoformat(), self.status_text(r), str(r.actions_open))
            return values[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and r.overdue:
            return QBrush(OVERDUE_FG)
        if role == Qt.ItemDataRole.UserRole:
            return r.id
        return None


class EightDListWindow(QDialog):
    """The 8D list with its filters (state, owner) and counts."""

    def __init__(self, ctx: StationContext, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("eightdListWindow")
        self.ctx = ctx
        self.today = today  # tests fix the day; the station uses the calendar's
        self.editors: dict[int, Any] = {}
        self.stateCombo = QComboBox(self)
        self.stateCombo.setObjectName("stateCombo")
        self.ownerEdit = QLineEdit(self)
        self.ownerEdit.setObjectName("ownerEdit")
        self.ownerEdit.setClearButtonEnabled(True)
        self.countsLabel = QLabel(self)
        self.model = EightDListModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.openButton = QPushButton(self)
        self.refreshButton = QPushButton(self)
        top = QHBoxLayout()
        top.addWidget(self.stateCombo)
        top.addWidget(self.ownerEdit, 1)
        top.addWidget(self.refreshButton)
        bottom = QHBoxLayout()
        bottom.addWidget(self.countsLabel, 1)
        bottom.addWidget(self.openButton)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)
        self.resize(900, 480)
        for _ in STATES:
            self.stateCombo.addItem("")
        self.stateCombo.currentIndexChanged.connect(self.refresh)
        self.ownerEdit.textChanged.connect(self.refresh)
        self.refreshButton.clicked.connect(self.refresh)
        self.openButton.clicked.connect(self.open_selected)
        self.view.doubleClicked.connect(lambda index: self.open_8d(self.model.rows[index.row()].id))
        # another station's changes: one read per burst (ui.coalesce); the station's own at once
        self.coalesced = Coalesced(lambda _ids, _all: self.refresh(), self)
        self.ctx.events.linesChanged.connect(
            lambda _ids: self.coalesced.add(everything=True) if self.ctx.events.remote else self.refresh())
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("8D reports"))
        for i, text in enumerate((self.tr("All"), self.tr("Open"), self.tr("Overdue"), self.tr("Closed"))):
            self.stateCombo.setItemText(i, text)
        self.ownerEdit.setPlaceholderText(self.tr("Owner"))
        self.openButton.setText(self.tr("Open…"))
        self.refreshButton.setText(self.tr("Refresh"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 7)
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_state(self, state: str) -> None:
        self.stateCombo.setCurrentIndex(STATES.index(state))

    def refresh(self, *_args: Any) -> None:
        state = STATES[max(self.stateCombo.currentIndex(), 0)]
        owner, today = self.ownerEdit.text(), self.today

        def read(s: Any) -> tuple[list[eightd.EightDRow], eightd.EightDCounts]:
            return eightd.list_8d(s, state=state, owner=owner, today=today), eightd.counts(s, today)

        self.coalesced.clear()
        self._asked = asked = getattr(self, "_asked", 0) + 1

        def show(result: tuple[list[eightd.EightDRow], eightd.EightDCounts]) -> None:
            if asked == self._asked:  # a newer filter's answer is on its way: this one is old
                self._show(result)

        # read on a pool thread: a busy server stalls the list, not the window
        self.ctx.query(read, show, initiator=self)

    def _show(self, result: tuple[list[eightd.EightDRow], eightd.EightDCounts]) -> None:
        rows, c = result
        self.model.set_rows(rows)
        self.view.resizeColumnsToContents()
        self.countsLabel.setText(self.tr("Open %1 · overdue %2 · closed %3").replace("%1", str(c.open))
                                 .replace("%2", str(c.overdue)).replace("%3", str(c.closed)))

    def open_selected(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.open_8d(self.model.rows[index.row()].id)

    def open_8d(self, ca_id: int) -> Any:
        """The 8D in its editor (one editor per 8D)."""
        from ui.eightd.editor import EightDEditor

        editor = self.editors.get(ca_id)
        if editor is None or not editor.isVisible():
            editor = EightDEditor(self.ctx, ca_id, self)
            editor.saved.connect(self.refresh)
            self.editors[ca_id] = editor
        ui_errors.show(editor)
        return editor


def open_list(ctx: StationContext, parent: QWidget | None) -> EightDListWindow:
    """Station → 8D reports…, and the QA bench's "8D list…" button."""
    window = EightDListWindow(ctx, parent)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    ui_errors.show(window)
    return window
