"""The supplier claims list (供应商索赔): filters, the claim's lines, each step a button.

Reachable from the menu (工作站 → 供应商索赔…), the QA bench and the reports tab. New claim…
gathers liability-2 lines to a supplier; Amount… changes the claimed amount with a reason
(draft); Send; Supplier's answer… (accepted / partly / rejected); Credit… records the amount
recovered; Print notice… saves the 供应商索赔单; Export… the list as a workbook.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.codes import Role
from app.money import ZERO, format_yuan
from app.services import claims
from ui import errors as ui_errors
from ui.claims.dialogs import AmountDialog, AnswerDialog, CreditDialog, NewClaimDialog, StepDialog
from ui.context import StationContext
from ui.models.rows import RowsModel

_Index = QModelIndex | QPersistentModelIndex
ROLES = (Role.QA, Role.ENGINEERING, Role.MANAGER)


def _money(d: Any) -> str:
    return "" if d is None else format_yuan(d)


class ClaimsModel(RowsModel):

    def headers(self) -> list[str]:
        return [self.tr("Claim No."), self.tr("Supplier"), self.tr("Status"), self.tr("Lines"),
                self.tr("Loss cost"), self.tr("Claimed"), self.tr("Accepted"), self.tr("Recovered"),
                self.tr("Sent on"), self.tr("Credited on")]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r: claims.ClaimRow = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (r.claim_no, f"{r.supplier_code} {r.supplier}", r.status_name(self.lang), str(r.lines),
                    _money(r.loss_amount), _money(r.claimed_amount), _money(r.accepted_amount),
                    _money(r.recovered_amount), r.sent_on.isoformat() if r.sent_on else "",
                    r.credited_on.isoformat() if r.credited_on else "")[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and 3 <= index.column() <= 7:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ClaimLinesModel(RowsModel):

    def headers(self) -> list[str]:
        return [self.tr("Label"), self.tr("Model"), self.tr("Lot"), self.tr("Qty"), self.tr("Customer"),
                self.tr("Final cause"), self.tr("Loss cost")]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        ln: claims.ClaimLineRow = self.rows[index.row()]
        return (ln.barcode, ln.model, ln.lot_no, f"{ln.qty} {ln.unit}", ln.customer, ln.final_cause,
                format_yuan(ln.loss_cost))[index.column()]


def _table(parent: QWidget, model: RowsModel, name: str) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.horizontalHeader().setStretchLastSection(True)
    view.verticalHeader().hide()
    return view


class ClaimsWindow(QDialog):
    """Every supplier claim, filtered; the chosen claim's lines and steps."""

    def __init__(self, ctx: StationContext, parent: QWidget | None = None,
                 preselect_line: int | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("claimsWindow")
        self.ctx = ctx
        self.preselect_line = preselect_line
        self.dialog: StepDialog | None = None
        self.suppliers: list[tuple[int, str, str]] = []
        self.statusCombo = QComboBox(self)
        self.statusCombo.setObjectName("statusCombo")
        self.supplierCombo = QComboBox(self)
        self.supplierCombo.setObjectName("supplierFilter")
        self.searchEdit = QLineEdit(self)
        self.searchEdit.setObjectName("searchEdit")
        self.openCheck = QCheckBox(self)
        self.openCheck.setObjectName("openCheck")
        self.countsLabel = QLabel(self)
        self.countsLabel.setObjectName("countsLabel")
        self.model = ClaimsModel(self)
        self.view = _table(self, self.model, "claimsView")
        self.lines_model = ClaimLinesModel(self)
        self.lines_view = _table(self, self.lines_model, "claimLinesView")
        self.detailLabel = QLabel(self)
        self.detailLabel.setObjectName("detailLabel")
        self.detailLabel.setWordWrap(True)
        self.detailLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.messageLabel = QLabel(self)
        self.messageLabel.setObjectName("messageLabel")
        self.messageLabel.setWordWrap(True)
        self.newButton = QPushButton(self)
        self.amountButton = QPushButton(self)
        self.sendButton = QPushButton(self)
        self.answerButton = QPushButton(self)
        self.creditButton = QPushButton(self)
        self.printButton = QPushButton(self)
        self.exportButton = QPushButton(self)
        for name in ("newButton", "amountButton", "sendButton", "answerButton", "creditButton", "printButton",
                     "exportButton"):
            getattr(self, name).setObjectName(name)

        filters = QHBoxLayout()
        for w in (self.statusCombo, self.supplierCombo, self.searchEdit, self.openCheck):
            filters.addWidget(w)
        filters.addStretch(1)
        filters.addWidget(self.countsLabel)
        detail = QWidget(self)
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.detailLabel)
        detail_layout.addWidget(self.lines_view, 1)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.view)
        split.addWidget(detail)
        steps = QHBoxLayout()
        for b in (self.newButton, self.amountButton, self.sendButton, self.answerButton, self.creditButton):
            steps.addWidget(b)
        steps.addStretch(1)
        steps.addWidget(self.printButton)
        steps.addWidget(self.exportButton)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(split, 1)
        layout.addWidget(self.messageLabel)
        layout.addLayout(steps)
        self.resize(1080, 620)

        self.statusCombo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.supplierCombo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.searchEdit.returnPressed.connect(self.refresh)
        self.openCheck.toggled.connect(lambda _c: self.refresh())
        self.view.selectionModel().currentRowChanged.connect(lambda *_a: self._chosen())
        self.newButton.clicked.connect(self.ask_new)
        self.amountButton.clicked.connect(self.ask_amount)
        self.sendButton.clicked.connect(self.send)
        self.answerButton.clicked.connect(self.ask_answer)
        self.creditButton.clicked.connect(self.ask_credit)
        self.printButton.clicked.connect(self.print_notice)
        self.exportButton.clicked.connect(self.export)
        self.suppliers = self.ctx.read(claims.suppliers) or []
        self.retranslate()

    # ------------------------------------------------------------ texts

    def retranslate(self) -> None:
        lang = self.ctx.language
        self.setWindowTitle(self.tr("Supplier claims"))
        self.searchEdit.setPlaceholderText(self.tr("Claim no. or supplier, then Enter"))
        self.openCheck.setText(self.tr("Only open claims"))
        for combo, items in (
                (self.statusCombo, [(self.tr("All statuses"), "")]
                 + [(claims.status_name(code, lang), code) for code in claims.CLAIM_STATUSES]),
                (self.supplierCombo, [(self.tr("All suppliers"), None)]
                 + [(f"{code} {name}", sid) for sid, code, name in self.suppliers])):
            index = max(0, combo.currentIndex())
            combo.blockSignals(True)
            combo.clear()
            for text, data in items:
                combo.addItem(text, data)
            combo.setCurrentIndex(index)
            combo.blockSignals(False)
        self.newButton.setText(self.tr("New claim…"))
        self.amountButton.setText(self.tr("Amount…"))
        self.sendButton.setText(self.tr("Send"))
        self.answerButton.setText(self.tr("Supplier's answer…"))
        self.creditButton.setText(self.tr("Credit…"))
        self.printButton.setText(self.tr("Print notice…"))
        self.exportButton.setText(self.tr("Export…"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 9)
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------ the list

    def filters(self) -> dict[str, Any]:
        return {"status": self.statusCombo.currentData() or "", "supplier_id": self.supplierCombo.currentData(),
                "text": self.searchEdit.text(), "open_only": self.openCheck.isChecked()}

    def refresh(self, keep: int | None = None) -> None:
        chosen = keep if keep is not None else (self.current().id if self.current() else None)
        f, lang = self.filters(), self.ctx.language
        self._asked = asked = getattr(self, "_asked", 0) + 1

        def show(rows: list[claims.ClaimRow]) -> None:
            if asked == self._asked:  # else a newer filter's answer is on its way
                self._show(rows, lang, chosen)

        # read on a pool thread: a busy server stalls the list, not the window
        self.ctx.query(lambda s: claims.list_claims(s, lang=lang, **f), show, initiator=self)

    def _show(self, rows: list[claims.ClaimRow], lang: str, chosen: int | None) -> None:
        self.model.set_rows(rows, lang)
        self.view.resizeColumnsToContents()
        claimed = sum((r.claimed_amount for r in rows), ZERO)
        recovered = sum((r.recovered_amount or ZERO for r in rows), ZERO)
        self.countsLabel.setText(self.tr("%n claim(s) · claimed ¥%1 · recovered ¥%2", "", len(rows))
                                 .replace("%1", format_yuan(claimed)).replace("%2", format_yuan(recovered)))
        row = next((i for i, r in enumerate(rows) if r.id == chosen), None)
        if row is not None:
            self.view.selectRow(row)
        self._chosen()

    def current(self) -> claims.ClaimRow | None:
        index = self.view.currentIndex()
        return self.model.rows[index.row()] if index.isValid() and index.row() < len(self.model.rows) else None

    def select_row(self, row: int) -> None:
        self.view.selectRow(row)

    def _chosen(self) -> None:
        row = self.current()
        lang = self.ctx.language
        if row is None:
            self.lines_model.set_rows([], lang)
            self.detailLabel.setText("")
        else:
            self._detail_asked = asked = getattr(self, "_detail_asked", 0) + 1

            def show(detail: Any) -> None:
                if asked == self._detail_asked:  # else another claim was chosen meanwhile
                    self._show_detail(detail, lang)

            # read on a pool thread; the buttons follow the row at once, the details when they arrive
            self.ctx.query(lambda s: claims.claim_detail(s, row.id, lang), show, initiator=self)
        self.update_actions()

    def _show_detail(self, detail: Any, lang: str) -> None:
        self.lines_model.set_rows(list(detail.line_rows), lang)
        self.lines_view.resizeColumnsToContents()
        parts = [f"{detail.claim_no} · {detail.status_name(lang)}"]
        if detail.amount_reason:
            parts.append(self.tr("Amount changed: %1").replace("%1", detail.amount_reason))
        if detail.note:
            parts.append(self.tr("Note: %1").replace("%1", detail.note))
        if detail.supplier_reply:
            parts.append(self.tr("Supplier's reply: %1").replace("%1", detail.supplier_reply))
        self.detailLabel.setText("\n".join(parts))

    def update_actions(self) -> None:
        row = self.current()
        may = self.ctx.can(*ROLES)
        status = row.status if row else None
        reason = "" if may else self.tr("QA, engineering or the manager handle supplier claims")
        for button, ok in ((self.newButton, True), (self.amountButton, status == claims.DRAFT),
                           (self.sendButton, status == claims.DRAFT),
                           (self.answerButton, status == claims.SENT),
                           (self.creditButton, status in (claims.ACCEPTED, claims.PARTLY))):
            button.setEnabled(may and ok)
            button.setToolTip(reason)
        self.printButton.setEnabled(row is not None)

    # ------------------------------------------------------------ the steps

    def _step(self, dialog: StepDialog | None, work: Any, done: str, keep: int | None = None) -> bool:
        """Run one step off the UI thread; on success close the dialog and show `done`, else
        say why where the user looks. Returns True once it has succeeded (at once only when
        the work ran synchronously)."""
        succeeded: list[bool] = []

        def finished(outcome: Any) -> None:
            if outcome.ok:
                if dialog is not None:
                    dialog.accept()
                self.messageLabel.setText(done)
                self.refresh(keep=outcome.value if isinstance(outcome.value, int) else keep)
                succeeded.append(True)
            elif outcome.error is not None:
                text = outcome.error.message(self.ctx.language)
                if dialog is not None:
                    dialog.refuse(text)
                else:
                    self.messageLabel.setText(text)

        self.ctx.run(work, on_done=finished, initiator=self)
        return bool(succeeded)

    def _open(self, dialog: StepDialog, on_values: Any) -> StepDialog:
        dialog.submitted.connect(lambda values: on_values(dialog, values))
        self.dialog = dialog
        ui_errors.show(dialog)
        return dialog

    def ask_new(self) -> StepDialog | None:
        lines = self.ctx.read(claims.claimable_lines)
        if lines is None:
            return None
        dialog = NewClaimDialog(self, self.suppliers, lines, self.ctx.language)
        if self.preselect_line is not None:
            dialog.set_checked(self.preselect_line)
        actor = self.ctx.actor

        def create(d: StepDialog, v: dict[str, Any]) -> None:
            if v["supplier_id"] is None:
                d.refuse(self.tr("Choose the supplier (master data → suppliers)"))
                return

            def work(s: Session) -> int:
                return claims.create_claim(s, actor, v["supplier_id"], v["line_ids"], note=v["note"]).id
            self._step(d, work, self.tr("Claim opened as a draft."))
        return self._open(dialog, create)

    def ask_amount(self) -> StepDialog | None:
        row = self.current()
        if row is None:
            return None
        actor = self.ctx.actor
        return self._open(AmountDialog(self, row), lambda d, v: self._step(
            d, lambda s: claims.set_claimed_amount(s, actor, row.id, v["amount"], v["reason"],
                                                   expected_version=row.version).id,
            self.tr("Amount claimed changed.")))

    def send(self) -> bool:
        row = self.current()
        if row is None:
            return False
        actor = self.ctx.actor
        return self._step(None, lambda s: claims.send(s, actor, row.id, expected_version=row.version).id,
                          self.tr("Claim sent: print the notice for the supplier."))

    def ask_answer(self) -> StepDialog | None:
        row = self.current()
        if row is None:
            return None
        actor = self.ctx.actor
        return self._open(AnswerDialog(self, row, self.ctx.language), lambda d, v: self._step(
            d, lambda s: claims.record_answer(s, actor, row.id, v["answer"], accepted_amount=v["accepted_amount"],
                                              reply=v["reply"], answered_on=v["answered_on"],
                                              expected_version=row.version).id,
            self.tr("Supplier's answer recorded.")))

    def ask_credit(self) -> StepDialog | None:
        row = self.current()
        if row is None:
            return None
        actor = self.ctx.actor
        return self._open(CreditDialog(self, row), lambda d, v: self._step(
            d, lambda s: claims.credit(s, actor, row.id, v["amount"], credit_ref=v["credit_ref"],
                                       credited_on=v["credited_on"], expected_version=row.version).id,
            self.tr("Amount recovered recorded: the claim is credited.")))

    # ------------------------------------------------------------ paper and workbook

    def ask_path(self, suggested: str, kind: str = "PDF (*.pdf)") -> str:
        """Where to save; tests replace this method."""
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save as"), suggested, kind)
        return path

    def print_notice(self) -> str:
        """The 供应商索赔单 of the chosen claim as PDF."""
        row = self.current()
        if row is None:
            return ""
        path = self.ask_path(f"{row.claim_no}.pdf")
        if not path:
            return ""
        from app.printing.claim import claim_data, render_claim  # ReportLab at the first print

        data = self.ctx.read(lambda s: claim_data(s, row.id))
        if data is None:
            return ""
        render_claim(data, path)
        self.messageLabel.setText(self.tr("Saved: %1").replace("%1", path))
        return path

    def export(self) -> str:
        """The claims shown (with their lines) as a workbook."""
        path = self.ask_path(f"supplier-claims-{date.today().isoformat()}.xlsx", "Excel (*.xlsx)")
        if not path:
            return ""
        ids, lang = [r.id for r in self.model.rows], self.ctx.language
        rows = self.ctx.read(lambda s: [claims.claim_detail(s, i, lang) for i in ids])
        if rows is None:
            return ""
        from app.excel.claims_export import write_claims_xlsx  # openpyxl at the first export

        write_claims_xlsx(rows, path, lang)
        self.messageLabel.setText(self.tr("Saved: %1").replace("%1", path))
        return path


def open_claims(ctx: StationContext, parent: QWidget | None, *, preselect_line: int | None = None) -> ClaimsWindow:
    window = ClaimsWindow(ctx, parent, preselect_line=preselect_line)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    ui_errors.show(window)
    return window
