"""Sales' liaison-note queue: notes from QA (misuse / not our product / replacement / other),
unacknowledged ones first, overdue ones (past their 2 working days) in red; Acknowledge…
opens the reply dialog; Print note… saves the 联络单 with its reply as PDF.

Reachable from the menu (工作站 → 联络单…) and from the desk (the return's notes only).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.codes import Role
from app.services import liaison
from ui import errors as ui_errors
from ui.context import StationContext, form_buttons
from ui.models.rows import RowsModel

_Index = QModelIndex | QPersistentModelIndex
OVERDUE_FG = QColor("#C62828")


class LiaisonModel(RowsModel):

    def headers(self) -> list[str]:
        return [self.tr("RMA No."), self.tr("Customer"), self.tr("Line"), self.tr("Reason"), self.tr("Details"),
                self.tr("Raised by"), self.tr("Due"), self.tr("Acknowledged by"), self.tr("Reply")]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            values = (r.rma_no, r.customer, "" if r.line_no is None else str(r.line_no), r.reason_name(self.lang),
                      r.text, r.raised_by, r.due_on.isoformat() if r.due_on else "",
                      r.acknowledged_by or (self.tr("overdue") if r.overdue else self.tr("waiting")), r.reply)
            return values[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and r.overdue:
            return QBrush(OVERDUE_FG)
        return None


class ReplyDialog(QDialog):
    """Sales' reply to one note; `replied(text)` on OK (the dialog stays open on a refusal)."""

    replied = Signal(str)

    def __init__(self, row: liaison.LiaisonRow, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("replyDialog")
        self.row = row
        self.noteLabel = QLabel(f"{row.rma_no}  {row.reason_name(lang)}\n{row.text}", self)
        self.noteLabel.setWordWrap(True)
        self.replyEdit = QPlainTextEdit(self)
        self.replyEdit.setObjectName("replyEdit")
        self.messageLabel = QLabel(self)
        self.messageLabel.setStyleSheet("color: #B00020;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        layout = QVBoxLayout(self)
        for w in (self.noteLabel, self.replyEdit, self.messageLabel, self.buttons):
            layout.addWidget(w)
        self.buttons.accepted.connect(lambda: self.replied.emit(self.replyEdit.toPlainText()))
        self.buttons.rejected.connect(self.reject)
        self.setWindowTitle(self.tr("Acknowledge the liaison note"))
        self.replyEdit.setPlaceholderText(self.tr("Your reply: what sales does with the customer"))

    @property
    def ok_button(self) -> QWidget:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)


class LiaisonQueueWindow(QDialog):
    """All liaison notes (sales' queue), or the notes of one return (from the desk)."""

    def __init__(self, ctx: StationContext, parent: QWidget | None = None, *, return_id: int | None = None,
                 today: date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("liaisonQueueWindow")
        self.ctx, self.return_id, self.today = ctx, return_id, today
        self.reply_dialog: ReplyDialog | None = None
        self.pendingCheck = QCheckBox(self)
        self.countsLabel = QLabel(self)
        self.messageLabel = QLabel(self)
        self.messageLabel.setWordWrap(True)
        self.model = LiaisonModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.acknowledgeButton = QPushButton(self)
        self.printButton = QPushButton(self)
        top = QHBoxLayout()
        top.addWidget(self.pendingCheck)
        top.addStretch(1)
        top.addWidget(self.countsLabel)
        bottom = QHBoxLayout()
        bottom.addWidget(self.messageLabel, 1)
        bottom.addWidget(self.printButton)
        bottom.addWidget(self.acknowledgeButton)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)
        self.resize(980, 440)
        self.pendingCheck.toggled.connect(self.refresh)
        self.acknowledgeButton.clicked.connect(self.ask_reply)
        self.printButton.clicked.connect(self.print_note)
        self.view.selectionModel().currentRowChanged.connect(lambda *_a: self.update_actions())
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Liaison notes") if self.return_id is None else self.tr("Liaison notes of the return"))
        self.pendingCheck.setText(self.tr("Only notes waiting for sales"))
        self.acknowledgeButton.setText(self.tr("Acknowledge…"))
        self.printButton.setText(self.tr("Print note…"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 8)
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def refresh(self, *_args: Any) -> None:
        pending_only, rid, today = self.pendingCheck.isChecked(), self.return_id, self.today

        def read(s: Any) -> list[liaison.LiaisonRow]:
            if rid is not None:
                return liaison.notes_of_return(s, rid, today)
            return liaison.queue(s, include_acknowledged=not pending_only, today=today)

        self._asked = asked = getattr(self, "_asked", 0) + 1

        def show(rows: list[liaison.LiaisonRow]) -> None:
            if asked == self._asked:  # else a newer filter's answer is on its way
                self._show(rows, rid, pending_only)

        # read on a pool thread: a busy server stalls the list, not the window
        self.ctx.query(read, show, initiator=self)

    def _show(self, rows: list[liaison.LiaisonRow], rid: int | None, pending_only: bool) -> None:
        if rid is not None and pending_only:
            rows = [r for r in rows if r.acknowledged_at is None]
        self.model.set_rows(rows, self.ctx.language)
        self.view.resizeColumnsToContents()
        waiting = sum(1 for r in rows if r.acknowledged_at is None)
        overdue = sum(1 for r in rows if r.overdue)
        self.countsLabel.setText(self.tr("Waiting %1 · overdue %2").replace("%1", str(waiting))
                                 .replace("%2", str(overdue)))
        self.update_actions()

    def current(self) -> liaison.LiaisonRow | None:
        index = self.view.currentIndex()
        return self.model.rows[index.row()] if index.isValid() else None

    def select_row(self, row: int) -> None:
        self.view.selectRow(row)

    def update_actions(self) -> None:
        row = self.current()
        may = self.ctx.can(Role.SALES)
        self.acknowledgeButton.setEnabled(may and row is not None and row.acknowledged_at is None)
        self.acknowledgeButton.setToolTip("" if may else self.tr("Sales acknowledges liaison notes"))
        self.printButton.setEnabled(row is not None)

    def ask_reply(self) -> ReplyDialog | None:
        row = self.current()
        if row is None:
            return None
        dialog = ReplyDialog(row, self.ctx.language, self)
        dialog.replied.connect(lambda text: self._acknowledge(dialog, row.id, text))
        self.reply_dialog = dialog
        ui_errors.show(dialog)
        return dialog

    def _acknowledge(self, dialog: ReplyDialog, note_id: int, text: str) -> None:
        actor = self.ctx.actor
        self.ctx.run(lambda s: liaison.acknowledge(s, actor, note_id, text), initiator=self,
                     on_done=lambda outcome: self._acknowledged(dialog, outcome),
                     busy=form_buttons(dialog))

    def _acknowledged(self, dialog: ReplyDialog, outcome: Any) -> None:
        if not shiboken6.isValid(dialog):
            return
        if outcome.ok:
            dialog.accept()
            self.messageLabel.setText(self.tr("Acknowledged with your reply."))
            self.refresh()
        elif outcome.error is not None:
            dialog.messageLabel.setText(outcome.error.message(self.ctx.language))

    def ask_path(self, suggested: str) -> str:
        """Where to save the note; tests replace this method."""
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save PDF"), suggested, "PDF (*.pdf)")
        return path

    def print_note(self) -> str:
        """The 联络单 of the chosen note's return, with sales' reply, as PDF (the path when
        written at once, as in tests)."""
        row = self.current()
        if row is None:
            return ""
        path = self.ask_path(f"{row.rma_no}-liaison.pdf")
        if not path:
            return ""
        from app.printing import records, slips  # ReportLab at the first print, not at start-up

        lang = "zh" if self.ctx.is_zh else "en"
        rma_no = row.rma_no
        written: list[str] = []

        def work(s: Any) -> str:  # the read and the drawing off the UI thread (ui.context.query)
            slips.render_liaison(records.liaison_data(s, rma_no, lang), path)
            return path

        def done(saved: str) -> None:
            written.append(saved)
            self.messageLabel.setText(self.tr("Saved: %1").replace("%1", saved))

        self.ctx.query(work, done, initiator=self)
        return written[0] if written else ""  # at once only when the work ran synchronously


def open_queue(ctx: StationContext, parent: QWidget | None, *, return_id: int | None = None) -> LiaisonQueueWindow:
    window = LiaisonQueueWindow(ctx, parent, return_id=return_id)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    ui_errors.show(window)
    return window
