"""Warranty at receipt in the window: the desk's panel (in the sales confirmation box) and the
QA bench's row.

The desk panel lists each line's verdict (保内 / 保外 / 质保未知 with the last day in warranty);
lines out of warranty or undated are flagged in amber for sales. The warehouse or sales enter
a ship or invoice date (Ship/invoice date…); sales confirm how a flagged line is handled
(Confirm out of warranty…) in their confirmation step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from app.codes import Role
from app.services import warranty
from app.services.warranty import WarrantyState
from ui import errors as ui_errors
from ui.context import StationContext
from ui.widgets.style import restyle

if TYPE_CHECKING:
    from ui.claims.dialogs import StepDialog

FLAG_STYLE = "color: #8a5300; font-weight: bold;"


def _line_text(st: WarrantyState, lang: str) -> str:
    zh = lang.startswith("zh")
    text = (f"行{st.line_no}: " if zh else f"Line {st.line_no}: ") + st.text(lang)
    if st.basis:
        text += f" · {st.basis_name(lang)} {st.basis_on.isoformat() if st.basis_on else ''}"
    if st.sales_confirmed_at is not None:
        text += (f" · 销售{st.sales_confirmed_by}已确认: {st.sales_note}" if zh
                 else f" · confirmed by {st.sales_confirmed_by} (sales): {st.sales_note}")
    elif st.flagged:
        text += " · 待销售确认" if zh else " · for sales to confirm"
    return text


class WarrantyPanel(QWidget):
    """The desk's warranty box: each line's verdict, the two steps."""

    def __init__(self, ctx: StationContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("warrantyPanel")
        self.ctx = ctx
        self.return_id: int | None = None
        self.states: list[WarrantyState] = []
        self.dialog: StepDialog | None = None
        self.summaryLabel = QLabel(self)
        self.summaryLabel.setObjectName("warrantySummary")
        self.summaryLabel.setWordWrap(True)
        self.linesLabel = QLabel(self)
        self.linesLabel.setObjectName("warrantyLines")
        self.linesLabel.setWordWrap(True)
        self.basisButton = QPushButton(self)
        self.basisButton.setObjectName("warrantyBasisButton")
        self.confirmButton = QPushButton(self)
        self.confirmButton.setObjectName("warrantyConfirmButton")
        buttons = QHBoxLayout()
        buttons.addWidget(self.summaryLabel, 1)
        buttons.addWidget(self.basisButton)
        buttons.addWidget(self.confirmButton)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.linesLabel)
        self.basisButton.clicked.connect(self.ask_basis)
        self.confirmButton.clicked.connect(self.ask_confirm)
        ctx.events.linesChanged.connect(lambda _ids: self.reload())
        self.retranslate()

    def retranslate(self) -> None:
        self.basisButton.setText(self.tr("Ship/invoice date…"))
        self.confirmButton.setText(self.tr("Confirm out of warranty…"))
        self._render()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_return(self, return_id: int | None) -> None:
        self.return_id = return_id
        self.reload()

    def reload(self) -> None:
        """Read the return's verdicts on a pool thread (ctx.query: a stalled server does not
        hold up the desk) and show them; an answer overtaken by a later reload is dropped."""
        rid = self.return_id
        self._asked = asked = getattr(self, "_asked", 0) + 1
        if rid is None:
            self.states = []
            self._render()
            return

        def arrived(states: list[WarrantyState]) -> None:
            if asked == self._asked:
                self.states = states
                self._render()
        self.ctx.query(lambda s: warranty.of_return(s, rid), arrived, initiator=self)

    def _render(self) -> None:
        lang = self.ctx.language
        waiting = any(st.waiting_for_sales for st in self.states)
        title = QCoreApplication.translate("WarrantyPanel", "Warranty:")
        self.summaryLabel.setText(f"{title} {warranty.summary(self.states, lang)}" if self.states else "")
        self.summaryLabel.setStyleSheet(FLAG_STYLE if waiting else "")
        self.linesLabel.setText("\n".join(_line_text(st, lang) for st in self.states))
        self.setVisible(bool(self.states))
        self.basisButton.setEnabled(bool(self.states) and self.ctx.can(Role.WAREHOUSE, Role.SALES))
        self.confirmButton.setEnabled(waiting and self.ctx.can(Role.SALES))
        self.confirmButton.setToolTip("" if self.ctx.can(Role.SALES) else self.tr("Sales confirm out-of-warranty lines"))

    def _run(self, dialog: StepDialog, work: Any, line_id: int) -> None:
        def finished(outcome: Any) -> None:  # on the UI thread, once the save has ended
            if outcome.ok:
                dialog.accept()
                self.reload()
            elif outcome.error is not None:
                dialog.refuse(outcome.error.message(self.ctx.language))

        self.ctx.run(work, lines=[line_id], on_done=finished, initiator=self)

    def ask_basis(self) -> StepDialog:
        from ui.claims.warranty_dialogs import (
            BasisDialog,  # the claims dialogs at first use, not at start
        )

        dialog = BasisDialog(self, self.states, self.ctx.language)
        actor = self.ctx.actor

        def submit(v: dict[str, Any]) -> None:
            def work(s: Session) -> int:
                return warranty.set_basis_date(s, actor, v["line_id"], v["basis"], v["basis_on"]).line_id
            self._run(dialog, work, v["line_id"])
        dialog.submitted.connect(submit)
        self.dialog = dialog
        ui_errors.show(dialog)
        return dialog

    def ask_confirm(self) -> StepDialog:
        from ui.claims.warranty_dialogs import ConfirmDialog

        dialog = ConfirmDialog(self, [st for st in self.states if st.waiting_for_sales], self.ctx.language)
        actor = self.ctx.actor

        def submit(v: dict[str, Any]) -> None:
            def work(s: Session) -> int:
                return warranty.confirm_out_of_warranty(s, actor, v["line_id"], v["note"]).line_id
            self._run(dialog, work, v["line_id"])
        dialog.submitted.connect(submit)
        self.dialog = dialog
        ui_errors.show(dialog)
        return dialog


class WarrantyLabel(QLabel):
    """The QA bench's warranty of the line shown, in the line's header beside its state: short
    ('质保: 保外 至2025-06-01'), amber when flagged, the whole verdict and sales' note as tooltip.
    It takes no row of its own, so each step of a line still fits a 1366×728 screen."""

    def __init__(self, ctx: StationContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("warrantyValue")
        self.ctx = ctx
        self.state: WarrantyState | None = None

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self._render()
        super().changeEvent(event)

    def show_state(self, state: WarrantyState | None) -> None:
        """Show a verdict already read — the QA bench's, within its form's one read
        (app.services.line_form)."""
        self.state = state
        self._render()

    def _render(self) -> None:
        st, lang = self.state, self.ctx.language
        if st is None:
            self.setText("")
            self.setToolTip("")
            restyle(self, "")
            return
        # the verdict and sales' confirmation: the bench's header row is narrow, the last day
        # of the warranty is in the tooltip
        short = " ".join(part for part in warranty.notice_text(st, lang).split("\n")
                         if not part.startswith(("至", "until ")))
        self.setText(QCoreApplication.translate("WarrantyPanel", "Warranty:") + " " + short)
        tip = st.text(lang)
        if st.sales_confirmed_at is not None:
            tip += (f" · 销售已确认: {st.sales_note}" if lang.startswith("zh") else f" · sales: {st.sales_note}")
        self.setToolTip(tip)
        restyle(self, FLAG_STYLE if st.flagged else "")
