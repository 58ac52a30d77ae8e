"""来货登记 — the warehouse receiving desk: register returns; sales confirm, the manager approves.

The left side lists the returns (by default those waiting for sales or the manager), the
right side is the handling notice: the return's header (customer, how it arrived, order,
delivery and invoice numbers, date, isolation location, urgency, notes) and its lines
(model by scanning the product label or typing, lot, manufacture date, announced and
counted quantities, unit price, the customer's reason, our-product check, condition).
A count that differs from the announcement shows amber to be verified. Registering gives
the RMA number and a label code per line; "Print labels and notice" hands the return to
the printing pieces (ctx.print_return). Sales confirm with their handling requirements,
the manager approves, and the lines go to the QA bench.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QGridLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QWidget,
)
from sqlalchemy.orm import Session

from app import workflow
from app.codes import (
    ARRIVAL_METHODS,
    CONDITIONS,
    RETURN_STATUSES,
    URGENCIES,
    ReturnStatus,
    Role,
    Urgency,
)
from app.errors import ConflictError, StationError
from app.services import corrections as correction_service
from app.services import lookups
from app.services import returns as return_service
from app.services import signatures as signature_service
from app.services.changes import return_stamp
from app.services.queues import DESK_STATUSES, ReturnQuery
from forms.ui_incoming_tab import Ui_IncomingTab
from ui import corrections as correction_ui
from ui import errors as ui_errors
from ui import live, screen_fit
from ui import signature_dialog as signing
from ui.analysis_signoffs import AnalysisSignoffs
from ui.attachments import add_attachments_button
from ui.claims.hooks import add_warranty_panel
from ui.context import Outcome, StationContext, form_buttons
from ui.eightd.hooks import add_liaison_button
from ui.history import add_history_button
from ui.i18n import Retranslatable
from ui.masterdata.quick_add import DeskQuickAdd
from ui.models import names
from ui.models.drafts import ReturnLinesModel
from ui.models.queues import ReturnListModel
from ui.widgets import dialogs
from ui.widgets.bench import gate, gate_step
from ui.widgets.delegates import ChoiceDelegate
from ui.widgets.form_state import FormState
from ui.widgets.limits import limit_form, limit_table

SEARCH_DELAY_MS = 250
REGISTER_KEY = "incoming.register"  # the desk's registration, as ui.context knows it while it is kept


def _local(moment: Any) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment else ""


class IncomingTab(Retranslatable, QWidget):
    """The receiving desk: the list of returns and the handling notice of one."""

    def __init__(self, ctx: StationContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_IncomingTab()
        self.ui.setupUi(self)
        ui = self.ui
        self.return_id: int | None = None
        self.record: dict[str, Any] | None = None
        self._activated = False
        self._selecting = False
        self.customers: list[tuple[int, str]] = []
        self.signature_dialog: Any = None  # the open signature dialog (signatures)

        # the list
        self.list_model = ReturnListModel(ctx, ReturnQuery(), self)
        view = ui.returnsView
        view.setModel(self.list_model)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(24)
        self.list_model.apply_widths(view)
        header = view.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(1, Qt.SortOrder.DescendingOrder)
        header.sortIndicatorChanged.connect(self.list_model.sort)
        view.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.list_model.countChanged.connect(self._show_count)
        self.list_model.modelReset.connect(self._reselect)
        # rows read again by id (another station's change) may have moved the current row
        self.list_model.refreshed.connect(lambda: self._select(self.return_id))
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        ui.searchEdit.textChanged.connect(lambda _t: self._search_timer.start())
        ui.searchEdit.returnPressed.connect(self.apply_filter)  # Enter searches at once
        ui.statusCombo.currentIndexChanged.connect(lambda _i: self.apply_filter())
        ui.splitter.setStretchFactor(0, 2)
        ui.splitter.setStretchFactor(1, 3)
        ui.splitter.setSizes([520, 880])
        # a registered notice is read, not edited: keep its texts dark enough to read
        ui.headerGroup.setStyleSheet("QComboBox:disabled, QDateEdit:disabled, QLineEdit:read-only "
                                     "{ color: #202020; background: #f4f4f4; }")

        # the lines of the notice
        self.lines = ReturnLinesModel(lambda: self.ctx.language, self._lookup_product, self)
        lines_view = ui.linesView
        lines_view.setModel(self.lines)
        lines_view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        lines_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        lines_view.verticalHeader().setDefaultSectionSize(24)
        lines_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        lines_view.horizontalHeader().setStretchLastSection(True)
        self._condition_delegate = ChoiceDelegate(
            lambda: [(c.value, n.name(self.ctx.language)) for c, n in CONDITIONS.items()], self)
        lines_view.setItemDelegateForColumn(self.lines.column_of("condition"), self._condition_delegate)
        for key, width in (("barcode", 150), ("model", 170), ("lot_no", 80), ("manufacture_date", 90),
                           ("qty_announced", 60), ("qty_counted", 70), ("unit_price", 70),
                           ("amount", 90), ("customer_reason", 140), ("is_our_product", 44)):
            lines_view.setColumnWidth(self.lines.column_of(key), width)
        self.lines.changed.connect(self._lines_changed)
        # on a narrow screen the key columns stay in sight, the others elide or scroll
        self._fit_list = screen_fit.KeyColumns(view, lambda: [self.list_model.column_of("customer")])
        self._fit_lines = screen_fit.KeyColumns(lines_view, lambda: [self.lines.column_of(k) for k in
                                                                     ("model", "qty_counted")])

        # the header of the notice
        self.state = FormState(lambda: self.ctx.language)
        s = self.state
        s.add("customer", ui.customerCombo, ui.headerMessageLabel)
        s.add("arrival_method", ui.arrivalCombo, ui.headerMessageLabel)
        s.add("order_no", ui.orderEdit, ui.headerMessageLabel)
        s.add("delivery_no", ui.deliveryEdit, ui.headerMessageLabel)
        s.add("invoice_no", ui.invoiceEdit, ui.headerMessageLabel)
        s.add("received_on", ui.receivedDateEdit, ui.headerMessageLabel)
        s.add("storage_location", ui.locationCombo, ui.headerMessageLabel)
        s.add("urgency", ui.urgencyCombo, ui.headerMessageLabel)
        s.add("notes", ui.notesEdit, ui.headerMessageLabel)
        s.add("requirements", ui.requirementsEdit, ui.approvalMessageLabel)
        s.add("approval_note", ui.approvalNoteEdit, ui.approvalMessageLabel)
        s.add_message_label(ui.linesMessageLabel)
        limit_form(s)
        limit_table(lines_view)
        self.lines.changed.connect(lambda: self.state._changed())

        ui.newButton.clicked.connect(self.new_return)
        ui.newButton2.clicked.connect(self.new_return)
        ui.addLineButton.clicked.connect(self.add_line)
        ui.removeLineButton.clicked.connect(self.remove_line)
        ui.registerButton.clicked.connect(self.register)
        ui.printButton.clicked.connect(self.print_return)
        # follow-up: the return's history and liaison notes
        history_button = add_history_button(self, ctx, ui.printButton, lambda: (self.return_id, None))
        add_attachments_button(self, ctx, history_button, lambda: (self.return_id, None))  # photos, letters
        add_liaison_button(self, ctx, ui.printButton, lambda: self.return_id)
        # claims: the lines' warranty at receipt, flagged for sales in their confirmation box
        self.warranty = add_warranty_panel(self, ctx, ui.approvalLayout)
        ui.cancelReturnButton.clicked.connect(self.cancel_return)
        ui.confirmButton.clicked.connect(self.confirm_sales)
        ui.approveButton.clicked.connect(self.approve)
        ctx.events.returnsChanged.connect(self._returns_changed)
        ctx.events.linesChanged.connect(self._any_lines_changed)
        # another station changed the open return (ui.live): read it again, or say so over typed input
        self.changed_notice = live.ChangedNotice(self)
        live.place_notice(self.changed_notice, ui.headerGroup, after=False)
        self.watch = live.RecordWatch(
            ctx, self.changed_notice, seen=lambda: live.seen_of_return(self.record),
            read=lambda s: return_stamp(s, self.return_id),  # type: ignore[arg-type]
            busy=lambda: self.state.dirty or self.ctx.is_busy(self),
            reload=lambda: self.open_return(self.return_id, force=True),  # type: ignore[arg-type]
            reload_keep=lambda: live.reload_keeping_input(
                self.state, lambda: self.open_return(self.return_id, force=True)))  # type: ignore[arg-type]
        ctx.events.remoteChanged.connect(self._remote_changed)
        self._install_corrections()
        # master data: add an unknown customer or model on the spot; re-read the pick lists
        self.quick_add = DeskQuickAdd(self)
        # the analysis form's six sign-offs (signatures)
        def place(label: QWidget, button: QWidget) -> None:  # one more row of the approval group's grid
            row = ui.approvalGroup.layout().rowCount()
            ui.approvalGroup.layout().addWidget(label, row, 0, 1, 2)
            ui.approvalGroup.layout().addWidget(button, row, 2)
        self.signoffs = AnalysisSignoffs(self, ui.approvalGroup, lambda: self.record,
                                         lambda work, text, dialog: self._act(work, text, dialog=dialog), place)

        self.retranslate()
        ui.statusCombo.blockSignals(True)
        ui.statusCombo.setCurrentIndex(self._my_list())
        ui.statusCombo.blockSignals(False)
        self._blank_form()

    # ------------------------------------------------------------ texts

    def _statuses(self) -> list[tuple[str, tuple[str, ...]]]:
        lang = self.ctx.language
        return ([(self.tr("Waiting for sales or manager"), DESK_STATUSES),
                 (self.tr("Waiting for me: to confirm (sales)"), (ReturnStatus.RECEIVED.value,)),
                 (self.tr("Waiting for me: to approve"), (ReturnStatus.CONFIRMED.value,)),
                 (self.tr("All returns"), ())]
                + [(c.name(lang), (s.value,)) for s, c in RETURN_STATUSES.items()])

    def _my_list(self) -> int:
        """The list the desk opens on: sales their returns to confirm, the manager theirs to
        approve; the warehouse (and whoever holds several desk roles) both."""
        roles = set(self.ctx.actor.roles)
        if Role.ADMIN.value in roles or Role.WAREHOUSE.value in roles:
            return 0
        if Role.SALES.value in roles and Role.MANAGER.value not in roles:
            return 1
        if Role.MANAGER.value in roles and Role.SALES.value not in roles:
            return 2
        return 0

    def retranslate(self) -> None:
        ui, lang = self.ui, self.ctx.language
        ui.retranslateUi(self)
        self.signoffs.retranslate()
        ui.searchEdit.setPlaceholderText(self.tr("Search RMA no., customer, order…"))
        index = ui.statusCombo.currentIndex()
        ui.statusCombo.blockSignals(True)
        ui.statusCombo.clear()
        for text, _codes in self._statuses():
            ui.statusCombo.addItem(text)
        ui.statusCombo.setCurrentIndex(max(0, index))
        ui.statusCombo.blockSignals(False)
        _fill_codes(ui.arrivalCombo, [(m.value, c.name(lang)) for m, c in ARRIVAL_METHODS.items()])
        _fill_codes(ui.urgencyCombo, [(u.value, c.name(lang)) for u, c in URGENCIES.items()])
        self.list_model.retranslate()
        self.list_model.fit_code_columns(self.ui.returnsView)
        self.lines.retranslate()
        self._render_count()
        self._show_totals()
        self._show_state()
        self.state.retranslate()
        self.update_actions()

    # ------------------------------------------------------------ the list

    def activate(self) -> None:
        """The tab was shown: read the list and the reference data the first time."""
        if self._activated:
            return
        self._activated = True
        self.apply_filter()
        # the pick lists after the list: it is what the person waits for (ui.live.after_first_list)
        live.after_first_list(self.list_model, self._load_reference)

    def _load_reference(self) -> None:
        def read(s: Session) -> tuple[list[tuple[int, str]], list[str]]:
            return lookups.active_customers(s), lookups.recent_storage_locations(s)
        self.ctx.query(read, self._show_reference, initiator=self)

    def _show_reference(self, result: tuple[list[tuple[int, str]], list[str]]) -> None:
        self.customers, places = result
        ui = self.ui
        loading, self.state.loading = self.state.loading, True
        try:
            text = ui.customerCombo.currentText()
            ui.customerCombo.clear()
            for cid, name in self.customers:
                ui.customerCombo.addItem(name, cid)
            ui.customerCombo.setCurrentIndex(-1)
            ui.customerCombo.setEditText(text)
            completer = QCompleter([n for _i, n in self.customers], ui.customerCombo)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            ui.customerCombo.setCompleter(completer)
            place = ui.locationCombo.currentText()
            ui.locationCombo.clear()
            ui.locationCombo.addItems(places)
            ui.locationCombo.setEditText(place)
        finally:
            self.state.loading = loading

    def apply_filter(self) -> None:
        self._search_timer.stop()
        self._activated = True
        statuses = self._statuses()
        index = self.ui.statusCombo.currentIndex()
        codes = statuses[index][1] if 0 <= index < len(statuses) else DESK_STATUSES
        q = self.list_model.query
        self.list_model.set_query(ReturnQuery(search=self.ui.searchEdit.text().strip(), statuses=codes,
                                              sort=q.sort, descending=q.descending))

    def refresh(self) -> None:
        self.list_model.reload()
        if self.return_id is not None and not self.state.dirty:
            self.open_return(self.return_id, force=True)

    def _show_count(self, total: int) -> None:
        self._count = total
        self._render_count()

    def _render_count(self) -> None:
        self.ui.countLabel.setText(self.tr("%n return(s)", "", getattr(self, "_count", 0)))

    def _row_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._selecting or self.list_model.refreshing or not current.isValid():
            return
        rid = self.list_model.id_at(current.row())
        if rid != self.return_id and not self.open_return(rid):
            self._select(self.return_id)

    def _select(self, return_id: int | None) -> None:
        row = self.list_model.row_of(return_id) if return_id is not None else -1
        self._selecting = True
        try:
            sel = self.ui.returnsView.selectionModel()
            if row < 0:
                sel.clearSelection()
                sel.setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.NoUpdate)
            else:
                index = self.list_model.index(row, 0)
                sel.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                    | QItemSelectionModel.SelectionFlag.Rows)
                self.ui.returnsView.scrollTo(index)
        finally:
            self._selecting = False

    def _reselect(self) -> None:
        self.list_model.fit_code_columns(self.ui.returnsView)
        self._select(self.return_id)

    def _returns_changed(self, ids: list[int]) -> None:
        remote = self.ctx.events.remote  # another station's change (ui.live), not this form's save
        own = not remote and self.ctx.events.initiator is self  # this form's save, announced after its commit
        if own:
            # announced only after the commit: what the form holds is saved; the save reloads it
            self.state.loaded()
        if self._activated:
            # a return leaving the list moves the current row: that is not the user choosing one
            self._selecting = True
            try:
                self.list_model.refresh_ids(ids)
            finally:
                self._selecting = False
            self._select(self.return_id)
        if self.return_id in ids and remote:
            self.watch.check()
        elif self.return_id in ids and not self.state.dirty and not own:
            self.open_return(self.return_id, force=True)

    def _any_lines_changed(self, ids: list[int]) -> None:
        if self.ctx.events.remote:
            # another station's lines: only the open return's concern its notice
            if self.record is not None and {ln["_id"] for ln in self.record["lines"]} & set(ids):
                self.watch.check()
            return
        if self.ctx.events.initiator is self:
            self.state.loaded()
            return
        # line states show in the notice's table; re-read it when it is only being looked at
        if self.return_id is not None and not self.state.dirty:
            self.open_return(self.return_id, force=True)

    def _remote_changed(self, change: Any) -> None:
        """Another station changed what is not known (SQLite, a reconnect): read it all again."""
        if not change.everything:
            return
        if self._activated:
            self.list_model.reload_soon()  # once for a burst (ui.coalesce); reselected on its reset
        self.watch.check()

    # ------------------------------------------------------------ the form

    def confirm_discard(self) -> bool:
        """Leaving a notice with unsaved input: ask first (ui.errors.ask, patchable)."""
        if not self.state.dirty:
            return True
        what = self.record["rma_no"] if self.record else self.tr("the new return")
        answer = ui_errors.ask(self, self.tr("Unsaved changes"),
                               self.tr("Your changes to %1 are not saved. Discard them?").replace("%1", what))
        return answer == QMessageBox.StandardButton.Yes

    def new_return(self) -> bool:
        """Start a new handling notice (after asking, if the open one has unsaved input)."""
        if not self.confirm_discard():
            return False
        self.activate()
        self._blank_form()
        self._select(None)
        self.ui.customerCombo.setFocus()
        return True

    def _blank_form(self) -> None:
        ui = self.ui
        self.return_id = None
        self.record = None
        self.changed_notice.hide()
        self.warranty.show_return(None)
        self.state.clear_errors()
        self.state.loading = True
        try:
            ui.customerCombo.setCurrentIndex(-1)
            ui.customerCombo.setEditText("")
            ui.arrivalCombo.setCurrentIndex(0)
            for w in (ui.orderEdit, ui.deliveryEdit, ui.invoiceEdit, ui.notesEdit, ui.approvalNoteEdit):
                w.setText("")
            ui.receivedDateEdit.setDate(QDate.currentDate())
            ui.locationCombo.setEditText("")
            ui.urgencyCombo.setCurrentIndex(max(0, ui.urgencyCombo.findData(Urgency.NORMAL.value)))
            ui.requirementsEdit.setPlainText("")
            self.lines.read_only = False
            self.lines.set_rows([])
            self.lines.add_row()
        finally:
            self.state.loading = False
        self.state.loaded()
        self._set_editable(self.ctx.can(Role.WAREHOUSE))
        for key in ("barcode", "status"):
            ui.linesView.setColumnHidden(self.lines.column_of(key), True)
        ui.approvalGroup.hide()
        self._show_state()
        self._show_totals()
        self.update_actions()

    def _set_editable(self, editable: bool) -> None:
        """A registered notice is read, not edited: its texts stay black and selectable."""
        ui = self.ui
        for w in (ui.orderEdit, ui.deliveryEdit, ui.invoiceEdit, ui.notesEdit):
            w.setReadOnly(not editable)
        for w in (ui.customerCombo, ui.locationCombo, ui.arrivalCombo, ui.urgencyCombo, ui.receivedDateEdit):
            w.setEnabled(editable)
        self.lines.read_only = not editable

    def open_return(self, return_id: int, *, force: bool = False) -> bool:
        """Show a registered return's notice (chosen in the list, or a scanned line's return).

        The record is read on a pool thread (a busy server stalls the notice, not the
        window) and shown when it arrives, unless another was asked for meanwhile. Returns
        False when the user kept the open notice or the read failed; True once it is asked
        (in synchronous mode: once it is shown)."""
        if not force and return_id != self.return_id and not self.confirm_discard():
            return False
        self.activate()
        self._opening = asked = getattr(self, "_opening", 0) + 1
        shown = [True]

        def failed() -> None:
            shown[0] = False
            if asked == self._opening:
                self._select(self.return_id)  # the list's row goes back to the notice shown

        def arrived(record: dict[str, Any]) -> None:
            if asked != self._opening:
                return  # another notice was asked for after this one
            self.return_id, self.record = return_id, record
            self.changed_notice.hide()
            self._show_record(record)
            self._select(return_id)

        def refused(exc: StationError) -> None:
            self.ctx.events.message.emit(exc.message(self.ctx.language))
            failed()

        self.ctx.query(lambda s: self._read_return(s, return_id), arrived,
                       on_lost=lambda _exc: failed(), on_error=refused, initiator=self)
        return shown[0]

    def _read_return(self, session: Session, return_id: int) -> dict[str, Any]:
        rma = return_service.get_return(session, return_id)

        def who(user_id: int | None) -> str:
            return lookups.user_name(session, user_id)
        return dict(
            id=rma.id, rma_no=rma.rma_no, status=rma.status, version=rma.version,
            customer=rma.customer.name, customer_id=rma.customer_id, arrival_method=rma.arrival_method,
            order_no=rma.order_no, delivery_no=rma.delivery_no, invoice_no=rma.invoice_no,
            received_on=rma.received_on, storage_location=rma.storage_location, urgency=rma.urgency,
            notes=rma.notes, received_by=who(rma.received_by_id),
            sales_requirements=rma.sales_requirements, sales_by=who(rma.sales_confirmed_by_id),
            sales_at=rma.sales_confirmed_at, approval_note=rma.approval_note,
            approved_by=who(rma.approved_by_id), approved_at=rma.approved_at,
            cancel_reason=rma.cancel_reason, corrections=correction_service.return_corrections(rma),
            signatures=signature_service.latest(session, rma),
            correction_log=[(c.step, c.reason, who(c.by_id), c.at,
                             next((ln.line_no for ln in rma.lines if ln.id == c.line_id), None))
                            for c in correction_service.corrections_of(session, rma.id)],
            lines=[dict(_id=ln.id, _version=ln.version, barcode=ln.barcode, model=ln.product.model, lot_no=ln.lot_no,
                        manufacture_date=names.day(ln.manufacture_date),
                        qty_announced="" if ln.qty_announced is None else str(ln.qty_announced),
                        qty_counted=str(ln.qty_counted), unit_price=f"{ln.unit_price:.2f}",
                        customer_reason=ln.customer_reason, is_our_product=ln.is_our_product,
                        condition=ln.condition, status=ln.status, _unit=ln.unit, _known=True)
                   for ln in rma.lines],
        )

    def _show_record(self, r: dict[str, Any]) -> None:
        ui = self.ui
        self.state.clear_errors()
        self.state.loading = True
        try:
            index = ui.customerCombo.findData(r["customer_id"])
            ui.customerCombo.setCurrentIndex(index)
            ui.customerCombo.setEditText(r["customer"])
            ui.arrivalCombo.setCurrentIndex(max(0, ui.arrivalCombo.findData(r["arrival_method"])))
            ui.orderEdit.setText(r["order_no"])
            ui.deliveryEdit.setText(r["delivery_no"])
            ui.invoiceEdit.setText(r["invoice_no"])
            ui.receivedDateEdit.setDate(QDate(r["received_on"]))
            ui.locationCombo.setEditText(r["storage_location"])
            ui.urgencyCombo.setCurrentIndex(max(0, ui.urgencyCombo.findData(r["urgency"])))
            ui.notesEdit.setText(r["notes"])
            ui.requirementsEdit.setPlainText(r["sales_requirements"])
            ui.approvalNoteEdit.setText(r["approval_note"])
            self.lines.read_only = False
            self.lines.set_rows(r["lines"])
        finally:
            self.state.loading = False
        self.state.loaded()
        self._amending = False
        self._set_editable(False)
        for key in ("barcode", "status"):
            ui.linesView.setColumnHidden(self.lines.column_of(key), False)
        ui.approvalGroup.show()
        self.warranty.show_return(r["id"])
        self._show_state()
        self._show_totals()
        self.update_actions()

    def _show_state(self) -> None:
        ui, r, lang = self.ui, self.record, self.ctx.language
        if r is None:
            ui.titleLabel.setText(self.tr("New return"))
            ui.stateLabel.setText(self.tr("Scan each product label (F2) or type the model"))
            ui.salesStateLabel.setText("")
            ui.approvalStateLabel.setText("")
            return
        ui.titleLabel.setText(r["rma_no"])
        state = names.return_status(r["status"], lang)
        if r["received_by"]:
            state += " · " + self.tr("registered by %1").replace("%1", r["received_by"])
        ui.stateLabel.setText(state)
        ui.salesStateLabel.setText(
            self.tr("Confirmed by %1 (sales) at %2").replace("%1", r["sales_by"]).replace("%2", _local(r["sales_at"]))
            + self._signature_text(signature_service.Step.SALES_CONFIRM, bool(r["sales_by"]))
            if r["sales_by"] else self.tr("Not yet confirmed by sales."))
        if r["status"] == ReturnStatus.CANCELLED.value:
            ui.approvalStateLabel.setText(self.tr("Cancelled: %1").replace("%1", r["cancel_reason"]))
        else:
            ui.approvalStateLabel.setText(
                self.tr("Approved by %1 at %2").replace("%1", r["approved_by"]).replace("%2", _local(r["approved_at"]))
                + self._signature_text(signature_service.Step.MANAGER_APPROVE, bool(r["approved_by"]))
                if r["approved_by"] else self.tr("Not yet approved by the manager."))

    def _signature_text(self, step: signature_service.Step, done: bool) -> str:
        """The step's signature beside it: signed, or void (已失效, by whom, when) — sign again."""
        view = (self.record or {}).get("signatures", {}).get(step.value) if done else None
        return "\n" + signing.describe(view, self.ctx.language) if view is not None else ""

    def _void(self, step: signature_service.Step) -> bool:
        """The step is recorded but its signature is void: it asks to be signed again."""
        view = (self.record or {}).get("signatures", {}).get(step.value)
        return view is not None and view.void

    def _lines_changed(self) -> None:
        self._show_totals()
        # the first bad cell's reason, live, below the table
        first = self.lines.first_error()
        label = self.ui.linesMessageLabel
        if first is not None:
            ui_errors.mark_field(None, label, first[2].message(self.ctx.language))
        elif label.isVisible() and self._line_message_is_cell:
            ui_errors.mark_field(None, label, "")
        self._line_message_is_cell = first is not None

    _line_message_is_cell = False

    def _show_totals(self) -> None:
        count, pieces, amount, differing = self.lines.totals()
        text = self.tr("%n line(s)", "", count) + " · " + self.tr("%n piece(s)", "", pieces) + " · " + names.yuan(amount)
        if differing:
            text += " · " + self.tr("%n to verify", "", differing)
        self.ui.totalsLabel.setText(text)

    def update_actions(self) -> None:
        ui, ctx, lang = self.ui, self.ctx, self.ctx.language
        r = self.record
        status = r["status"] if r else None
        new = r is None
        state_reason = (self.tr("The return is “%1”").replace("%1", names.return_status(status, lang))
                        if r else self.tr("Register the return first"))
        # a registration kept for the database (pending) must not be pressed into a second one
        pending = ctx.is_kept(REGISTER_KEY)
        gate(ui.registerButton, roles_ok=ctx.can(*workflow.step("register").roles),
             roles=workflow.step("register").roles, lang=lang, state_ok=new and not pending,
             state_reason=self.tr("Waiting for the database to save it") if pending else self.tr("Already registered"))
        for b in (ui.addLineButton, ui.removeLineButton, ui.newButton, ui.newButton2):
            gate(b, roles_ok=ctx.can(Role.WAREHOUSE), roles=(Role.WAREHOUSE,), lang=lang,
                 state_ok=new or b in (ui.newButton, ui.newButton2), state_reason=self.tr("Already registered"))
        ui.registerButton.setVisible(new)
        ui.addLineButton.setVisible(new)
        ui.removeLineButton.setVisible(new)
        ui.newButton2.setVisible(not new)
        gate(ui.printButton, roles_ok=True, roles=(), lang=lang,
             state_ok=not new and status != ReturnStatus.CANCELLED.value, state_reason=state_reason)
        gate_step(ui.cancelReturnButton, ctx, "cancel", status, state_reason=state_reason)
        ui.cancelReturnButton.setVisible(not new)
        # the workflow table's step, or its signature to give again after a change voided it
        signable = status not in (ReturnStatus.CANCELLED.value, None)
        confirm, approve = workflow.step("confirm"), workflow.step("approve")
        gate(ui.confirmButton, roles_ok=ctx.can(*confirm.roles), roles=confirm.roles, lang=lang,
             state_ok=confirm.allows_state(status)
             or (signable and self._void(signature_service.Step.SALES_CONFIRM)), state_reason=state_reason)
        gate(ui.approveButton, roles_ok=ctx.can(*approve.roles), roles=approve.roles, lang=lang,
             state_ok=approve.allows_state(status)
             or (signable and self._void(signature_service.Step.MANAGER_APPROVE)),
             state_reason=self.tr("Sales must confirm first") if status == ReturnStatus.RECEIVED.value
             else state_reason)
        ui.requirementsEdit.setReadOnly(status != ReturnStatus.RECEIVED.value or not ui.confirmButton.isEnabled())
        ui.approvalNoteEdit.setReadOnly(status != ReturnStatus.CONFIRMED.value or not ui.approveButton.isEnabled())
        self._gate_corrections()
        self.quick_add.update()
        self.signoffs.update()

    # ------------------------------------------------------------ lines and scans

    def _lookup_product(self, code: str) -> tuple[str, str, Any] | None:
        def read(s: Session) -> tuple[str, str, Any] | None:
            p = return_service.find_product(s, code)
            return (p.model, p.unit, p.unit_price) if p is not None else None
        return self.ctx.read(read)

    def add_line(self) -> None:
        row = self.lines.add_row()
        index = self.lines.index(row, self.lines.column_of("model"))
        self.ui.linesView.setFocus()
        self.ui.linesView.setCurrentIndex(index)
        self.ui.linesView.edit(index)

    def remove_line(self) -> None:
        index = self.ui.linesView.currentIndex()
        if index.isValid():
            self.lines.remove_row(index.row())
        if not self.lines.rows:
            self.lines.add_row()

    def scan_product(self, code: str) -> bool:
        """A product label scanned at the desk: it fills a new line's model. False if unknown."""
        if self.record is not None and not self.new_return():
            return True  # the user kept the open notice; the scan was taken
        row = self.lines.add_product(code)
        if row is None:
            return False
        index = self.lines.index(row, self.lines.column_of("qty_counted"))
        self.ui.linesView.setCurrentIndex(index)
        self.ui.linesView.setFocus()
        return True

    # ------------------------------------------------------------ actions

    def _customer_ref(self) -> str | int:
        combo = self.ui.customerCombo
        text = combo.currentText().strip()
        for cid, name in self.customers:
            if name == text:
                return cid
        return text

    def register(self) -> None:
        """Warehouse: register the counted, isolated return; it gets its RMA number."""
        ui = self.ui
        self.state.clear_errors()
        self.lines.clear_errors()
        try:
            drafts = self.lines.drafts()
        except StationError as exc:
            self._show_line_error(exc)
            return
        draft = return_service.ReturnDraft(
            customer=self._customer_ref(), arrival_method=ui.arrivalCombo.currentData() or "",
            received_on=ui.receivedDateEdit.date().toPython(), lines=drafts,
            order_no=ui.orderEdit.text(), delivery_no=ui.deliveryEdit.text(), invoice_no=ui.invoiceEdit.text(),
            storage_location=ui.locationCombo.currentText(), urgency=ui.urgencyCombo.currentData() or "",
            notes=ui.notesEdit.text())
        actor = self.ctx.actor

        def work(s: Session) -> tuple[int, str, list[int]]:
            rma = return_service.receive_return(s, actor, draft)
            return rma.id, rma.rma_no, [ln.id for ln in rma.lines]

        def done(outcome: Outcome[tuple[int, str, list[int]]]) -> None:
            if outcome.ok and outcome.value is not None:
                return_id, rma_no, _line_ids = outcome.value
                self.state.loaded()
                self.open_return(return_id, force=True)
                self.ctx.events.message.emit(self.tr("Registered %1: print the labels and the notice.")
                                             .replace("%1", rma_no))
            elif outcome.pending:
                self.state.show_message(ui.headerMessageLabel, lambda: self.tr(
                    "The database cannot be reached. Your input is kept and will be saved "
                    "as soon as the connection is back."))
            if not outcome.ok:
                self.update_actions()  # Register is held while the save is pending, and back after
            if outcome.ok or outcome.pending:
                return
            if outcome.error is not None:
                if outcome.error.line is not None or outcome.error.field == "lines":
                    self._show_line_error(outcome.error)
                else:
                    self.state.show_error(outcome.error, fallback=ui.headerMessageLabel)

        # off the UI thread: Register reads "Saving…" and a second press joins this save
        self.ctx.run(work, returns=lambda v: [v[0]], lines=lambda v: v[2], on_done=done, key=REGISTER_KEY,
                     initiator=self, busy=form_buttons(self, ui.registerButton))

    def _show_line_error(self, exc: StationError) -> None:
        if exc.line is not None:
            row = self.lines.row_of_line(exc.line)
            self.lines.mark_error(row, exc)
            col = next((i for i, f in enumerate(self.lines.fields) if exc.field in (f.key, f.error_key)), 1)
            self.ui.linesView.setCurrentIndex(self.lines.index(row, col))
            self.ui.linesView.setFocus()
        self.state.show_message(self.ui.linesMessageLabel, lambda: exc.message(self.ctx.language))

    def _act(self, work: Any, done_text: Any, lines: Any = None, dialog: Any = None) -> None:
        """A step on the open return (confirm, approve, cancel); the outcome shows in the form
        (a signed step's wrong password in its signature `dialog`, which stays open)."""
        if self.record is None:
            return
        return_id = self.record["id"]
        label = self.ui.approvalMessageLabel
        self.state.clear_errors()

        def done(outcome: Outcome[Any]) -> None:
            if signing.settle(dialog, outcome, self.ctx.language):
                return
            if self.return_id != return_id:
                return
            if outcome.ok:
                self.state.loaded()
                self.open_return(return_id, force=True)
                self.state.show_message(label, done_text, good=True)
            elif outcome.pending:
                self.state.show_message(label, lambda: self.tr(
                    "The database cannot be reached. Your input is kept and will be saved "
                    "as soon as the connection is back."))
            elif isinstance(outcome.error, ConflictError):
                error = outcome.error
                self.state.show_message(label, lambda: error.message(self.ctx.language) + " "
                                        + self.tr("Press F5 to reload; your text stays in the field."))
            elif outcome.error is not None:
                self.state.show_error(outcome.error, fallback=label)

        sender = self.sender()
        first = sender if isinstance(sender, QPushButton) else None
        self.ctx.run(work, returns=[return_id], lines=lines, on_done=done, initiator=self,
                     busy=form_buttons(self, first), status=label)

    def _sign_again(self, step: signature_service.Step, what: str) -> None:
        """The step stands but its signature is void: sign the return as it now is."""
        rid = self.record["id"] if self.record else None
        if rid is None:
            return

        def attempt(password: str, dialog: Any) -> None:
            self._act(lambda s: signature_service.sign_again(s, self.ctx.actor, "rma_return", rid, step, password),
                      lambda: self.tr("Signed again."), dialog=dialog)
        self.signature_dialog = signing.ask(self, self.ctx.actor.name, what, attempt)

    def confirm_sales(self) -> None:
        """Sales: confirm the return with the handling requirements, signed with the password (确认)."""
        if self.record is None:
            return
        what = self.tr("the sales confirmation of %1 (confirm)").replace("%1", self.record["rma_no"])
        if self.record["status"] != ReturnStatus.RECEIVED.value:
            self._sign_again(signature_service.Step.SALES_CONFIRM, what)
            return
        rid, version = self.record["id"], self.record["version"]
        text = self.ui.requirementsEdit.toPlainText()

        def attempt(password: str, dialog: Any) -> None:
            self._act(lambda s: return_service.confirm_by_sales(s, self.ctx.actor, rid, text, expected_version=version,
                                                                password=password),
                      lambda: self.tr("Confirmed for sales."), dialog=dialog)
        self.signature_dialog = signing.ask(self, self.ctx.actor.name, what, attempt)

    def approve(self) -> None:
        """Manager: approve the notice, signed with the password (批准); its lines go to the QA bench."""
        if self.record is None:
            return
        what = self.tr("the approval of %1 (approve)").replace("%1", self.record["rma_no"])
        if self.record["status"] != ReturnStatus.CONFIRMED.value:
            self._sign_again(signature_service.Step.MANAGER_APPROVE, what)
            return
        rid, version = self.record["id"], self.record["version"]
        note = self.ui.approvalNoteEdit.text()

        def attempt(password: str, dialog: Any) -> None:
            def work(s: Session) -> list[int]:
                rma = return_service.approve(s, self.ctx.actor, rid, note, expected_version=version,
                                             password=password)
                return [ln.id for ln in rma.lines]
            self._act(work, lambda: self.tr("Approved: the lines go to the QA bench."), lines=lambda ids: ids,
                      dialog=dialog)
        self.signature_dialog = signing.ask(self, self.ctx.actor.name, what, attempt)

    def cancel_return(self) -> None:
        """Cancel the return with a reason (nothing is deleted)."""
        if self.record is None:
            return
        reason = dialogs.ask_text(self, self.tr("Cancel return"),
                                  self.tr("Why is %1 cancelled?").replace("%1", self.record["rma_no"]))
        if reason is None:
            return
        rid, version = self.record["id"], self.record["version"]
        self._act(lambda s: return_service.cancel_return(s, self.ctx.actor, rid, reason, expected_version=version),
                  lambda: self.tr("Return cancelled."))

    def print_return(self) -> None:
        """Hand the return to the printing pieces: its line labels and the handling notice."""
        if self.record is None:
            return
        if not self.ctx.request_print(self.record["id"]):
            self.ctx.events.message.emit(self.tr("Printing is not set up at this station yet."))


    # ------------------------------------------------------------ corrections (amend, close, reopen)

    _amending = False

    def _install_corrections(self) -> None:
        """Amend…, Save amendment…, Discard, Close return and Reopen… beside Cancel return."""
        ui = self.ui
        parent = ui.cancelReturnButton.parentWidget()
        self.amendButton = correction_ui.make_button(parent, "amendButton")
        self.saveAmendButton = correction_ui.make_button(parent, "saveAmendButton")
        self.discardAmendButton = correction_ui.make_button(parent, "discardAmendButton")
        self.closeReturnButton = correction_ui.make_button(parent, "closeReturnButton")
        self.reopenButton = correction_ui.make_button(parent, "reopenButton")
        correction_ui.place_after(ui.cancelReturnButton, self.amendButton, self.saveAmendButton,
                                  self.discardAmendButton, self.closeReturnButton, self.reopenButton)
        self.amendButton.clicked.connect(self.start_amend)
        self.saveAmendButton.clicked.connect(self.save_amend)
        self.discardAmendButton.clicked.connect(self.discard_amend)
        self.closeReturnButton.clicked.connect(self.close_return)
        self.reopenButton.clicked.connect(self.reopen_return)
        # the history of corrections, at the foot of the confirmation and approval box
        self.correctionsLabel = QLabel(ui.approvalGroup)
        self.correctionsLabel.setObjectName("correctionsLabel")
        self.correctionsLabel.setWordWrap(True)
        self.correctionsLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box = ui.approvalGroup.layout()
        if isinstance(box, QGridLayout):
            box.addWidget(self.correctionsLabel, box.rowCount(), 0, 1, max(1, box.columnCount()))
        elif box is not None:
            box.addWidget(self.correctionsLabel)

    def _gate_corrections(self) -> None:
        ui, ctx, lang, r = self.ui, self.ctx, self.ctx.language, self.record
        self.amendButton.setText(self.tr("Amend…"))
        self.saveAmendButton.setText(self.tr("Save amendment…"))
        self.discardAmendButton.setText(self.tr("Discard amendment"))
        self.closeReturnButton.setText(self.tr("Close return"))
        self.reopenButton.setText(self.tr("Reopen…"))
        state = r["corrections"] if r else None
        amending = self._amending and r is not None
        self._show_corrections()
        ok, why = correction_ui.refusal(state.receipt if state else None, lang)
        gate(self.amendButton, roles_ok=ctx.can(Role.WAREHOUSE), roles=(Role.WAREHOUSE,), lang=lang,
             state_ok=ok, state_reason=why)
        self.amendButton.setVisible(r is not None and not amending)
        self.saveAmendButton.setVisible(amending)
        self.discardAmendButton.setVisible(amending)
        ok, why = correction_ui.refusal(state.close if state else None, lang)
        gate(self.closeReturnButton, roles_ok=ctx.can(Role.QA), roles=(Role.QA,), lang=lang,
             state_ok=ok, state_reason=why)
        self.closeReturnButton.setVisible(r is not None and r["status"] in (
            ReturnStatus.APPROVED.value, ReturnStatus.CLOSED.value) and not amending)
        ok, why = correction_ui.refusal(state.reopen if state else None, lang)
        gate(self.reopenButton, roles_ok=ctx.can(Role.MANAGER), roles=(Role.MANAGER,), lang=lang,
             state_ok=ok, state_reason=why)
        self.reopenButton.setVisible(r is not None and r["status"] == ReturnStatus.CLOSED.value)
        if amending:  # the registered notice is open for editing: lines may be added and removed
            for b in (ui.addLineButton, ui.removeLineButton):
                b.setVisible(True)
                b.setEnabled(True)
                b.setToolTip("")
            for b in (ui.printButton, ui.cancelReturnButton, ui.confirmButton, ui.approveButton):
                b.setEnabled(False)
                b.setToolTip(self.tr("Save or discard the amendment first"))

    def _show_corrections(self) -> None:
        """Each correction of the return: when, who, which step (and line), why."""
        log = self.record.get("correction_log", []) if self.record else []
        zh = self.ctx.is_zh
        rows = []
        for step, reason, by, at, line_no in log:
            name = correction_service.STEP_NAMES.get(step, (step, step))[0 if zh else 1]
            where = (self.tr(" (line %1)").replace("%1", str(line_no))) if line_no else ""
            rows.append(f"{_local(at)} {by} · {name}{where}: {reason}")
        self.correctionsLabel.setText(self.tr("Corrections:") + "\n" + "\n".join(rows) if rows else "")
        self.correctionsLabel.setVisible(bool(rows))

    def start_amend(self) -> None:
        """Warehouse: open the registered notice for editing again (saved with a reason)."""
        if self.record is None:
            return
        self._amending = True
        self._set_editable(True)
        self.update_actions()
        self.ui.linesView.setFocus()

    def discard_amend(self) -> None:
        if self.record is None:
            return
        self.state.loaded()
        self.open_return(self.record["id"], force=True)

    def save_amend(self) -> None:
        """Ask why, then save the amended header and lines through the corrections service."""
        if self.record is None:
            return
        ui = self.ui
        self.state.clear_errors()
        self.lines.clear_errors()
        try:
            drafts = self.lines.drafts()
        except StationError as exc:
            self._show_line_error(exc)
            return
        rows = [self.lines.rows[i] for i in range(len(self.lines.rows)) if not self.lines.is_blank_row(i)]
        amends = [correction_service.LineAmend(draft=d, line_id=row.get("_id"), expected_version=row.get("_version"))
                  for d, row in zip(drafts, rows, strict=True)]
        header = correction_service.HeaderAmend(
            customer=self._customer_ref(), arrival_method=ui.arrivalCombo.currentData() or "",
            received_on=ui.receivedDateEdit.date().toPython(), order_no=ui.orderEdit.text(),
            delivery_no=ui.deliveryEdit.text(), invoice_no=ui.invoiceEdit.text(),
            storage_location=ui.locationCombo.currentText(), urgency=ui.urgencyCombo.currentData() or "",
            notes=ui.notesEdit.text())
        reason = correction_ui.ask_reason(self, self.tr("Amend %1").replace("%1", self.record["rma_no"]),
                                          self.tr("Why is the registered notice amended?"))
        if reason is None:
            return
        rid, version, actor = self.record["id"], self.record["version"], self.ctx.actor

        def work(s: Session) -> list[int]:
            rma = correction_service.amend_receipt(s, actor, rid, header=header, lines=amends, reason=reason,
                                                   expected_version=version)
            return [ln.id for ln in rma.lines]
        self._act(work, lambda: self.tr("Amendment saved."), lines=lambda ids: ids)

    def close_return(self) -> None:
        """QA: close the return once every line is done."""
        if self.record is None:
            return
        rid, version, rma_no = self.record["id"], self.record["version"], self.record["rma_no"]
        self._act(lambda s: return_service.close_return(s, self.ctx.actor, rid, expected_version=version),
                  lambda: self.tr("Return %1 closed.").replace("%1", rma_no))

    def reopen_return(self) -> None:
        """Manager (QA lead): reopen a closed return, with a reason, so a line can be corrected."""
        if self.record is None:
            return
        reason = correction_ui.ask_reason(self, self.tr("Reopen %1").replace("%1", self.record["rma_no"]),
                                          self.tr("Why is the closed return reopened?"))
        if reason is None:
            return
        rid, version = self.record["id"], self.record["version"]
        self._act(lambda s: correction_service.reopen_return(s, self.ctx.actor, rid, reason=reason,
                                                             expected_version=version),
                  lambda: self.tr("Return reopened."))


def _fill_codes(combo: Any, items: list[tuple[str, str]]) -> None:
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    for code, text in items:
        combo.addItem(text, code)
    combo.setCurrentIndex(max(0, combo.findData(current)) if current is not None else 0)
    combo.blockSignals(False)

