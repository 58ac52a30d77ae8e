"""检验判定 — the QA inspection bench.

The queue holds the lines waiting for inspection or for engineering's decision, most
urgent and oldest due first, overdue ones (inspection result within 1 working day) in
red. For the chosen (or scanned) line: QA records findings, defect category and the
preliminary opinion; engineering gives the final cause, the liability code (1–9, chosen
by typing its digit), the disposition and the refund ratio; a serious problem gets an
8D record with an owner and a due date; a liaison note goes to sales for misuse, goods
not ours, or replacement goods. Every rule is the services'; this form collects input.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QWidget
from sqlalchemy.orm import Session

from app.codes import DISPOSITIONS, LIABILITY, LineStatus, Role
from app.errors import StationError
from app.money import refund_amount
from app.parsing import parse_ratio
from app.services import corrections as correction_service
from app.services import inspection, lookups
from app.services import signatures as signature_service
from app.services.line_form import LineForm, line_for_form, name_of
from app.services.queues import LineQueue
from app.services.returns import close_return
from forms.ui_inspection_tab import Ui_InspectionTab
from ui import corrections as correction_ui
from ui import signature_dialog as signing
from ui import step_fit
from ui.attachments import add_attachments_button
from ui.claims.hooks import add_claims_button, add_warranty_label
from ui.context import StationContext
from ui.eightd.hooks import add_8d_list_button
from ui.history import add_history_button
from ui.models import names
from ui.trace import add_related_button
from ui.widgets.bench import BenchTab, gate, gate_step
from ui.widgets.limits import limit_form
from ui.widgets.style import restyle


class InspectionTab(BenchTab):
    """The QA bench: inspection, engineering's decision, 8D and liaison notes."""

    queue = LineQueue.INSPECTION

    def __init__(self, ctx: StationContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, Ui_InspectionTab(), parent)
        ui = self.ui
        self.defects: list[tuple[int, str, str]] = []
        s = self.state
        s.add("findings", ui.findingsEdit, ui.inspectionMessageLabel)
        s.add("defect_category", ui.defectCombo, ui.inspectionMessageLabel)
        s.add("preliminary_opinion", ui.opinionEdit, ui.inspectionMessageLabel)
        s.add("final_cause", ui.finalCauseEdit, ui.decisionMessageLabel)
        s.add("liability_code", ui.liabilityCombo, ui.decisionMessageLabel)
        s.add("disposition", ui.dispositionCombo, ui.decisionMessageLabel)
        s.add("refund_ratio", ui.refundEdit, ui.decisionMessageLabel)
        s.add("serious", ui.seriousCheck, ui.decisionMessageLabel)
        s.add("owner", ui.ownerEdit, ui.correctiveMessageLabel)
        s.add("due_on", ui.caDueDateEdit, ui.correctiveMessageLabel)
        for key, widget in (("problem", ui.problemEdit), ("containment", ui.containmentEdit),
                            ("root_cause", ui.rootCauseEdit), ("corrective_action", ui.correctiveEdit),
                            ("preventive_action", ui.preventiveEdit)):
            s.add(key, widget, ui.correctiveMessageLabel)
        s.add("reason", ui.liaisonReasonCombo, ui.liaisonMessageLabel)
        s.add("text", ui.liaisonTextEdit, ui.liaisonMessageLabel)
        limit_form(s)
        step_fit.grow_only_with_room(self.ui.findingsEdit, self.ui.opinionEdit, self.ui.finalCauseEdit,
                                     self.ui.liaisonTextEdit)
        step_fit.pair_corrective_fields(self.ui)

        ui.refundEdit.textChanged.connect(self._show_refund)
        ui.saveInspectionButton.clicked.connect(self.save_inspection)
        ui.saveDecisionButton.clicked.connect(self.save_decision)
        ui.openCorrectiveButton.clicked.connect(self.open_corrective)
        ui.sendLiaisonButton.clicked.connect(self.send_liaison)
        self._install_corrections()
        # follow-up: the 8D list and the line's history
        eightd_list = add_8d_list_button(self, ctx, ui.openCorrectiveButton)
        history_button = add_history_button(self, ctx, ui.stateLabel, lambda: (None, self.line_id))
        related = add_related_button(self, ctx, history_button, lambda: self.line_id)  # traceability
        add_attachments_button(self, ctx, related,  # photos of the defect, reports
                               lambda: (self.line["return_id"] if self.line else None, self.line_id))
        # claims: supplier claims from the line shown (beside the 8D list: both follow a
        # decision, and the header row has no room left at 1366 px), its warranty at receipt
        add_claims_button(self, ctx, eightd_list, lambda: self.line_id)
        self.warranty = add_warranty_label(self, ctx, ui.stateLabel)
        self.retranslate()
        self.clear_line()

    # ------------------------------------------------------------ texts

    def stages(self) -> list[tuple[str, tuple[str, ...]]]:
        return [(self.tr("Inspection and decision"), ()),
                (self.tr("Awaiting inspection"), (LineStatus.INSPECTION.value,)),
                (self.tr("Awaiting decision"), (LineStatus.DECISION.value,))]

    def retranslate(self) -> None:
        lang = self.ctx.language
        self.ui.retranslateUi(self)
        self._fill_combo(self.ui.liabilityCombo,
                         [(None, "")] + [(code, f"{code} {c.name(lang)}") for code, c in LIABILITY.items()])
        self._fill_combo(self.ui.dispositionCombo,
                         [(None, "")] + [(d.value, c.name(lang)) for d, c in DISPOSITIONS.items()])
        self._fill_combo(self.ui.liaisonReasonCombo,
                         [(k, v[0] if lang.startswith("zh") else v[1])
                          for k, v in inspection.LIAISON_REASONS.items()])
        self._fill_defects()
        self.searchPlaceholder()
        self.retranslate_bench()
        if self.line is not None:
            loading, self.state.loading = self.state.loading, True
            try:
                self._show_info(self.line)
                self._show_follow_up(self.line)
            finally:
                self.state.loading = loading
        else:  # the form's own text would come back (the empty bench's title is set in code)
            self.ui.titleLabel.setText(self.tr("Scan a line label or choose a line"))
        self._show_refund()

    def searchPlaceholder(self) -> None:  # noqa: N802 (reads like the Qt property it sets)
        self.ui.searchEdit.setPlaceholderText(self.tr("Search label, model, customer…"))

    @staticmethod
    def _fill_combo(combo: Any, items: list[tuple[Any, str]]) -> None:
        """Re-set a code combo's texts, keeping the chosen code (a language switch)."""
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for code, text in items:
            combo.addItem(text, code)
        index = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(0, index))
        combo.blockSignals(False)

    def _fill_defects(self) -> None:
        if not self.defects:
            rows = self.ctx.read(lambda s: [(c.id, c.name_zh, c.name_en) for c in lookups.defect_categories(s)])
            self.defects = rows or []
        zh = self.ctx.is_zh
        self._fill_combo(self.ui.defectCombo, [(None, "")] + [(i, z if zh else e) for i, z, e in self.defects])

    # ------------------------------------------------------------ reading a line

    def read_line(self, session: Session, line_id: int) -> dict[str, Any]:
        # one statement: line, return, notes, signatures, warranty
        return self.line_from_form(line_for_form(session, line_id))

    def line_from_form(self, form: LineForm) -> dict[str, Any]:
        line = form.line
        rma = line.rma
        cas = line.corrective_actions_view
        notes = line.liaison_notes_view
        return dict(
            id=line.id, barcode=line.barcode, status=line.status, version=line.version,
            return_id=rma.id, return_version=rma.version, corrections=correction_service.line_corrections(line),
            rma_no=rma.rma_no, customer=rma.customer.name, urgency=rma.urgency,
            model=line.product.model, product_name=line.product.name, qty=line.qty_counted,
            unit=line.unit, amount=line.amount, reason=line.customer_reason,
            condition=line.condition, is_our_product=line.is_our_product,
            received_on=rma.received_on, due_on=line.due_on,
            findings=line.findings, defect_category_id=line.defect_category_id,
            preliminary_opinion=line.preliminary_opinion,
            inspected_by=name_of(line.inspected_by), inspected_at=line.inspected_at,
            final_cause=line.final_cause, liability_code=line.liability_code,
            disposition=line.disposition, refund_ratio=line.refund_ratio, serious=line.serious,
            decided_by=name_of(line.decided_by), decided_at=line.decided_at,
            signatures=form.signatures, warranty=form.warranty,
            corrective=[(ca.owner, ca.due_on, ca.status) for ca in cas],
            liaison=[n.reason for n in notes],
        )

    # ------------------------------------------------------------ showing it

    def step_widget(self, line: dict[str, Any]) -> QWidget | None:
        return {LineStatus.INSPECTION.value: self.ui.saveInspectionButton,
                LineStatus.DECISION.value: self.ui.saveDecisionButton}.get(line.get("status", ""))

    def show_line(self, line: dict[str, Any] | None) -> None:
        ui = self.ui
        for group in (ui.infoGroup, ui.inspectionGroup, ui.decisionGroup, ui.correctiveGroup, ui.liaisonGroup):
            group.setEnabled(line is not None)
        step_fit.fit_inspection(ui, line)  # no decision before the inspection: the form fits the screen
        self.warranty.show_state(line["warranty"] if line is not None else None)
        if line is None:
            ui.titleLabel.setText(self.tr("Scan a line label or choose a line"))
            ui.stateLabel.setText("")
            for w in (ui.rmaValue, ui.customerValue, ui.modelValue, ui.qtyValue, ui.reasonValue,
                      ui.conditionValue, ui.dueValue, ui.inspectedByLabel, ui.decidedByLabel,
                      ui.correctiveListLabel, ui.liaisonListLabel, ui.refundAmountLabel):
                w.setText("")
            for w in (ui.findingsEdit, ui.opinionEdit, ui.finalCauseEdit, ui.liaisonTextEdit):
                w.setPlainText("")
            for w in (ui.refundEdit, ui.ownerEdit, ui.problemEdit, ui.containmentEdit, ui.rootCauseEdit,
                      ui.correctiveEdit, ui.preventiveEdit):
                w.setText("")
            for c in (ui.defectCombo, ui.liabilityCombo, ui.dispositionCombo):
                c.setCurrentIndex(0)
            ui.seriousCheck.setChecked(False)
            ui.caDueDateEdit.setDate(QDate.currentDate().addDays(14))
            return
        self._show_info(line)
        ui.findingsEdit.setPlainText(line["findings"])
        ui.defectCombo.setCurrentIndex(max(0, ui.defectCombo.findData(line["defect_category_id"]))
                                       if line["defect_category_id"] is not None else 0)
        ui.opinionEdit.setPlainText(line["preliminary_opinion"])
        ui.finalCauseEdit.setPlainText(line["final_cause"])
        ui.liabilityCombo.setCurrentIndex(max(0, ui.liabilityCombo.findData(line["liability_code"]))
                                          if line["liability_code"] is not None else 0)
        ui.dispositionCombo.setCurrentIndex(max(0, ui.dispositionCombo.findData(line["disposition"]))
                                            if line["disposition"] else 0)
        ratio = line["refund_ratio"]
        ui.refundEdit.setText(f"{(ratio * 100).normalize():f}" if ratio is not None else "")
        ui.seriousCheck.setChecked(bool(line["serious"]))
        for w in (ui.ownerEdit, ui.problemEdit, ui.containmentEdit, ui.rootCauseEdit, ui.correctiveEdit,
                  ui.preventiveEdit):
            w.setText("")
        ui.caDueDateEdit.setDate(QDate.currentDate().addDays(14))
        ui.liaisonTextEdit.setPlainText("")
        self._show_follow_up(line)
        self._show_refund()

    def _show_info(self, line: dict[str, Any]) -> None:
        ui, lang = self.ui, self.ctx.language
        ui.titleLabel.setText(line["barcode"])
        ui.stateLabel.setText(names.line_status(line["status"], lang) + " · "
                              + names.urgency(line["urgency"], lang))
        ui.rmaValue.setText(f"{line['rma_no']}  ({names.day(line['received_on'])})")
        ui.customerValue.setText(line["customer"])
        ui.modelValue.setText(f"{line['model']}  {line['product_name']}")
        ui.qtyValue.setText(f"{line['qty']} {line['unit']} · {names.yuan(line['amount'])}")
        ui.reasonValue.setText(line["reason"])
        ours = "" if line["is_our_product"] else " · " + self.tr("NOT our product")
        ui.conditionValue.setText(names.condition(line["condition"], lang) + ours)
        due = line["due_on"]
        overdue = due is not None and due < date.today()
        ui.dueValue.setText(names.day(due) + (" · " + self.tr("overdue") if overdue else ""))
        restyle(ui.dueValue, "color: #a4000f; font-weight: bold;" if overdue else "")
        ui.inspectedByLabel.setText(
            self.tr("Inspected by %1 at %2").replace("%1", line["inspected_by"]).replace(
                "%2", _local(line["inspected_at"])) if line["inspected_by"] else "")
        signed = line.get("signatures", {}).get(signature_service.Step.DECISION.value)
        ui.decidedByLabel.setText(
            self.tr("Decided by %1 at %2").replace("%1", line["decided_by"]).replace(
                "%2", _local(line["decided_at"]))
            + (" · " + signing.describe(signed, lang) if signed is not None else "") if line["decided_by"] else "")

    def _show_follow_up(self, line: dict[str, Any]) -> None:
        lang = self.ctx.language
        cas = [self.tr("8D: %1, due %2 (%3)").replace("%1", owner).replace("%2", names.day(due)).replace(
            "%3", self.tr("open") if status == "open" else self.tr("closed")) for owner, due, status in line["corrective"]]
        self.ui.correctiveListLabel.setText("\n".join(cas))
        reasons = inspection.LIAISON_REASONS
        notes = [self.tr("Sent: %1").replace("%1", reasons[r][0] if lang.startswith("zh") else reasons[r][1])
                 for r in line["liaison"] if r in reasons]
        self.ui.liaisonListLabel.setText("\n".join(notes))

    def _show_refund(self, *_args: Any) -> None:
        """Live: the refund this ratio gives on the line's amount."""
        if self.line is None:
            self.ui.refundAmountLabel.setText("")
            return
        text = self.ui.refundEdit.text().strip()
        try:  # a percentage, as the form's 退款比例 column: "1" is 1 %, never 100 %
            ratio = parse_ratio(text)
        except StationError as exc:
            self.ui.refundAmountLabel.setText(exc.message(self.ctx.language))
            restyle(self.ui.refundAmountLabel, "color: #c00000;")
            return
        restyle(self.ui.refundAmountLabel, "color: #555555;")
        amount = refund_amount(self.line["amount"], ratio or Decimal(0))
        self.ui.refundAmountLabel.setText(self.tr("refund %1 of %2").replace("%1", names.yuan(amount)).replace(
            "%2", names.yuan(self.line["amount"])))

    def update_actions(self) -> None:
        ui, ctx, lang = self.ui, self.ctx, self.ctx.language
        status = self.line["status"] if self.line else None
        state_name = names.line_status(status, lang)
        reason = self.tr("The line is “%1”").replace("%1", state_name) if self.line else self.tr("No line chosen")
        gate_step(ui.saveInspectionButton, ctx, "inspect", status, state_reason=reason)
        gate_step(ui.saveDecisionButton, ctx, "decide", status,
                  state_reason=(self.tr("Inspect the line first") if status == LineStatus.INSPECTION.value
                                else reason))
        open_ok = self.line is not None and status != LineStatus.CANCELLED.value
        for button in (ui.openCorrectiveButton, ui.sendLiaisonButton):
            gate(button, roles_ok=ctx.can(Role.QA, Role.ENGINEERING), roles=(Role.QA, Role.ENGINEERING),
                 lang=lang, state_ok=open_ok, state_reason=reason)
        self._gate_corrections()

    # ------------------------------------------------------------ actions

    def save_inspection(self) -> None:
        """QA: findings, defect category, preliminary opinion → the line awaits the decision."""
        if self.line is None:
            return
        ui, line_id, version = self.ui, self.line["id"], self.line["version"]
        findings, opinion = ui.findingsEdit.toPlainText(), ui.opinionEdit.toPlainText()
        defect = ui.defectCombo.currentData()
        self.perform(lambda s: inspection.record_inspection(
            s, self.ctx.actor, line_id, findings=findings, defect_category_id=defect,
            preliminary_opinion=opinion, expected_version=version),
            ui.inspectionMessageLabel, lambda: self.tr("Inspection saved: the line awaits the decision."))

    def save_decision(self) -> None:
        """Engineering: final cause, liability, disposition, refund ratio."""
        if self.line is None:
            return
        line_id, version = self.line["id"], self.line["version"]
        decision = self._decision_input()
        if decision is None:
            return

        def attempt(password: str, dialog: Any) -> None:  # engineering's decision is signed (判定)
            self.perform(lambda s: inspection.decide(s, self.ctx.actor, line_id, expected_version=version,
                                                     password=password, **decision),
                         self.ui.decisionMessageLabel, lambda: self.tr("Decision saved."), dialog=dialog)
        self.signature_dialog = signing.ask(
            self, self.ctx.actor.name, self.tr("the decision on %1 (decide)").replace("%1", self.line["barcode"]),
            attempt)

    def _decision_input(self) -> dict[str, Any] | None:
        """The decision as typed, for saving or amending it; None (the error shown) when the
        refund ratio is not a percentage."""
        ui = self.ui
        self.state.clear_errors()
        try:
            ratio = parse_ratio(ui.refundEdit.text())
        except StationError as exc:
            self.state.show_error(exc, fallback=ui.decisionMessageLabel)
            return None
        code = ui.liabilityCombo.currentData()
        return dict(final_cause=ui.finalCauseEdit.toPlainText(), liability_code="" if code is None else code,
                    disposition=ui.dispositionCombo.currentData() or "", refund_ratio=ratio,
                    serious=ui.seriousCheck.isChecked())

    def open_corrective(self) -> None:
        """A serious problem: open its 8D record with an owner and a due date."""
        if self.line is None:
            return
        ui, line_id = self.ui, self.line["id"]
        draft = inspection.CorrectiveDraft(
            owner=ui.ownerEdit.text(), due_on=ui.caDueDateEdit.date().toPython(),
            problem=ui.problemEdit.text(), containment=ui.containmentEdit.text(),
            root_cause=ui.rootCauseEdit.text(), corrective_action=ui.correctiveEdit.text(),
            preventive_action=ui.preventiveEdit.text())
        self.perform(lambda s: inspection.open_corrective_action(s, self.ctx.actor, line_id, draft),
                     ui.correctiveMessageLabel, lambda: self.tr("8D opened."))

    def send_liaison(self) -> None:
        """A liaison note to sales for this line."""
        if self.line is None:
            return
        ui, line_id = self.ui, self.line["id"]
        reason, text = ui.liaisonReasonCombo.currentData(), ui.liaisonTextEdit.toPlainText()
        self.perform(lambda s: inspection.raise_liaison_note(s, self.ctx.actor, line_id, reason, text),
                     ui.liaisonMessageLabel, lambda: self.tr("Liaison note sent to sales."))

    # ------------------------------------------------------------ corrections (amend, close, reopen)

    def _install_corrections(self) -> None:
        """Amend inspection… beside Save inspection; Amend decision…, Reopen… and Close return
        beside Save decision. The recorded values stay in the fields: change them, then amend."""
        ui = self.ui
        self.amendInspectionButton = correction_ui.make_button(ui.inspectionGroup, "amendInspectionButton")
        correction_ui.place_after(ui.saveInspectionButton, self.amendInspectionButton)
        self.amendDecisionButton = correction_ui.make_button(ui.decisionGroup, "amendDecisionButton")
        self.reopenButton = correction_ui.make_button(ui.decisionGroup, "reopenButton")
        self.closeReturnButton = correction_ui.make_button(ui.decisionGroup, "closeReturnButton")
        correction_ui.place_after(ui.saveDecisionButton, self.amendDecisionButton, self.reopenButton,
                                  self.closeReturnButton)
        self.amendInspectionButton.clicked.connect(self.amend_inspection)
        self.amendDecisionButton.clicked.connect(self.amend_decision)
        self.reopenButton.clicked.connect(self.reopen_line)
        self.closeReturnButton.clicked.connect(self.close_return)

    def _gate_corrections(self) -> None:
        ctx, lang = self.ctx, self.ctx.language
        self.amendInspectionButton.setText(self.tr("Amend inspection…"))
        self.amendDecisionButton.setText(self.tr("Amend decision…"))
        self.reopenButton.setText(self.tr("Reopen…"))
        self.closeReturnButton.setText(self.tr("Close return"))
        state = self.line["corrections"] if self.line else None
        none = self.tr("No line chosen")
        for button, role, why in ((self.amendInspectionButton, Role.QA, state.inspection if state else None),
                                  (self.amendDecisionButton, Role.ENGINEERING, state.decision if state else None),
                                  (self.reopenButton, Role.MANAGER, state.reopen if state else None),
                                  (self.closeReturnButton, Role.QA, state.close if state else None)):
            ok, reason = correction_ui.refusal(why, lang)
            gate(button, roles_ok=ctx.can(role), roles=(role,), lang=lang, state_ok=state is not None and ok,
                 state_reason=reason if state is not None else none)

    def amend_inspection(self) -> None:
        """QA: save the corrected findings with a reason (a decided line awaits the decision again)."""
        if self.line is None:
            return
        ui, line_id, version = self.ui, self.line["id"], self.line["version"]
        findings, opinion = ui.findingsEdit.toPlainText(), ui.opinionEdit.toPlainText()
        defect = ui.defectCombo.currentData()
        reason = correction_ui.ask_reason(self, self.tr("Amend inspection of %1").replace("%1", self.line["barcode"]),
                                          self.tr("Why is the inspection amended?"))
        if reason is None:
            return
        self.perform(lambda s: correction_service.amend_inspection(
            s, self.ctx.actor, line_id, findings=findings, defect_category_id=defect,
            preliminary_opinion=opinion, reason=reason, expected_version=version),
            ui.inspectionMessageLabel, lambda: self.tr("Inspection amended."))

    def amend_decision(self) -> None:
        """Engineering: save the corrected decision with a reason; the decision's rules apply again."""
        if self.line is None:
            return
        line_id, version = self.line["id"], self.line["version"]
        decision = self._decision_input()
        if decision is None:
            return
        reason = correction_ui.ask_reason(self, self.tr("Amend decision of %1").replace("%1", self.line["barcode"]),
                                          self.tr("Why is the decision amended?"))
        if reason is None:
            return

        def attempt(password: str, dialog: Any) -> None:  # the amended decision is signed anew
            self.perform(lambda s: correction_service.amend_decision(
                s, self.ctx.actor, line_id, reason=reason, expected_version=version, password=password, **decision),
                self.ui.decisionMessageLabel, lambda: self.tr("Decision amended."), dialog=dialog)
        self.signature_dialog = signing.ask(
            self, self.ctx.actor.name, self.tr("the decision on %1 (decide)").replace("%1", self.line["barcode"]),
            attempt)

    def reopen_line(self) -> None:
        """Manager (QA lead): take the line back one step, with a reason, so it can be corrected."""
        if self.line is None:
            return
        line_id, version = self.line["id"], self.line["version"]
        reason = correction_ui.ask_reason(self, self.tr("Reopen %1").replace("%1", self.line["barcode"]),
                                          self.tr("Why is the line reopened?"))
        if reason is None:
            return
        self.perform(lambda s: correction_service.reopen_line(s, self.ctx.actor, line_id, reason=reason,
                                                            expected_version=version),
                     self.ui.decisionMessageLabel, lambda: self.tr("Line reopened."),
                     returns=[self.line["return_id"]])

    def close_return(self) -> None:
        """QA: close the line's return once every line is done."""
        if self.line is None:
            return
        return_id, version, rma_no = self.line["return_id"], self.line["return_version"], self.line["rma_no"]
        self.perform(lambda s: close_return(s, self.ctx.actor, return_id, expected_version=version),
                     self.ui.decisionMessageLabel, lambda: self.tr("Return %1 closed.").replace("%1", rma_no),
                     returns=[return_id])


def _local(moment: Any) -> str:
    """A stored UTC time as the desk's local time, to the minute."""
    if moment is None:
        return ""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")
