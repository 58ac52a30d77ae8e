"""返工记录 — the production rework planner's tab, and the re-inspection after it.

The queue holds the lines decided for rework (to be planned within 2 days and done
within 2 days of the plan; overdue ones red) and those waiting for re-inspection. For the
chosen (or scanned) line: the plan date and quantity; the materials consumed and the
labour hours as two editable tables whose costs and running total follow every keystroke
(Decimal); "Finish rework" saves what is pending and hands the goods to QA; QA records
the re-inspection counts, which must add up to the reworked quantity (live
"18 + 1 + 1 = 20 ✓"); and when every line of the return is done, the return is closed.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget
from sqlalchemy.orm import Session

from app.codes import LineStatus, ReturnStatus, Role
from app.errors import StationError
from app.money import ZERO, measured_qty, money
from app.parsing import parse_price
from app.services import corrections as correction_service
from app.services import rework as rework_service
from app.services import signatures as signature_service
from app.services.context import whole_qty
from app.services.line_form import LineForm, line_for_form
from app.services.queues import LineQueue
from app.services.returns import close_return
from forms.ui_rework_tab import Ui_ReworkTab
from ui import corrections as correction_ui
from ui import signature_dialog as signing
from ui import step_fit
from ui.analysis_signoffs import AnalysisSignoffs
from ui.context import StationContext
from ui.history import add_history_button
from ui.models import names
from ui.models.drafts import LabourModel, MaterialsModel
from ui.models.queues import REWORK_COLUMNS
from ui.widgets.bench import BenchTab, gate, gate_step
from ui.widgets.limits import limit_form, limit_table
from ui.widgets.style import restyle


def _setup_table(view: QTableView) -> None:
    view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
    view.verticalHeader().setDefaultSectionSize(24)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)


class ReworkTab(BenchTab):
    """Rework plan, materials and labour, finish, re-inspection, closing the return."""

    queue = LineQueue.REWORK
    columns = REWORK_COLUMNS

    def __init__(self, ctx: StationContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, Ui_ReworkTab(), parent)
        ui = self.ui
        lang = lambda: self.ctx.language  # noqa: E731
        self.materials = MaterialsModel(lang, self)
        self.labour = LabourModel(lang, self)
        ui.materialsView.setModel(self.materials)
        ui.labourView.setModel(self.labour)
        _setup_table(ui.materialsView)
        _setup_table(ui.labourView)
        self._costs_dirty = False
        for model in (self.materials, self.labour):
            model.changed.connect(self._costs_changed)

        s = self.state
        s.add("planned_on", ui.plannedDateEdit, ui.planMessageLabel)
        s.add("rework_qty", ui.reworkQtyEdit, ui.planMessageLabel)
        s.add("other_cost", ui.otherCostEdit, ui.costsMessageLabel)
        s.add("qty_qualified", ui.qualifiedEdit, ui.reinspectionMessageLabel)
        s.add("qty_unqualified", ui.unqualifiedEdit, ui.reinspectionMessageLabel)
        s.add("qty_scrapped", ui.scrappedEdit, ui.reinspectionMessageLabel)
        limit_form(s)
        limit_table(ui.materialsView)
        limit_table(ui.labourView)
        step_fit.grow_only_with_room(ui.materialsView, ui.labourView)
        ui.materialsView.setMinimumHeight(84)  # the header and two rows; more when there is room
        ui.labourView.setMinimumHeight(72)
        # the room left below the steps goes to the cost tables, not to the spacer under them
        ui.formLayout.setStretchFactor(ui.costsGroup, 1)
        ui.costsLayout.setRowStretch(1, 3)
        ui.costsLayout.setRowStretch(3, 2)
        ui.costsLayout.setVerticalSpacing(8)

        ui.otherCostEdit.textChanged.connect(self._show_total)
        for edit in (ui.qualifiedEdit, ui.unqualifiedEdit, ui.scrappedEdit):
            edit.textChanged.connect(self._show_sum)
        ui.addMaterialButton.clicked.connect(lambda: self._add_row(self.materials, ui.materialsView))
        ui.removeMaterialButton.clicked.connect(lambda: self._remove_row(self.materials, ui.materialsView))
        ui.addLabourButton.clicked.connect(lambda: self._add_row(self.labour, ui.labourView))
        ui.removeLabourButton.clicked.connect(lambda: self._remove_row(self.labour, ui.labourView))
        ui.savePlanButton.clicked.connect(self.save_plan)
        ui.saveCostsButton.clicked.connect(self.save_costs)
        ui.finishButton.clicked.connect(self.finish)
        ui.saveReinspectionButton.clicked.connect(self.save_reinspection)
        ui.closeReturnButton.clicked.connect(self.close_return)
        self._install_corrections()
        add_history_button(self, ctx, ui.stateLabel, lambda: (None, self.line_id))  # follow-up: history
        self.retranslate()
        self.clear_line()

    # ------------------------------------------------------------ texts

    def stages(self) -> list[tuple[str, tuple[str, ...]]]:
        return [(self.tr("Rework and re-inspection"), ()),
                (self.tr("In rework"), (LineStatus.REWORK.value,)),
                (self.tr("Awaiting re-inspection"), (LineStatus.REINSPECTION.value,))]

    def retranslate(self) -> None:
        self.ui.retranslateUi(self)
        self.ui.searchEdit.setPlaceholderText(self.tr("Search label, model, customer…"))
        self.materials.retranslate()
        self.labour.retranslate()
        self.retranslate_bench()
        if self.line is not None:
            self._show_info(self.line)
        else:  # the form's own text would come back (the empty bench's title is set in code)
            self.ui.titleLabel.setText(self.tr("Scan a line label or choose a line"))
        self._show_total()
        self._show_sum()

    # ------------------------------------------------------------ reading a line

    def read_line(self, session: Session, line_id: int) -> dict[str, Any]:
        # one statement: line, return, costs, planner, labour rate, signatures of line and return
        return self.line_from_form(line_for_form(session, line_id, rework=True))

    def line_from_form(self, form: LineForm) -> dict[str, Any]:
        line = form.line
        rma = line.rma
        statuses = [ln.status for ln in rma.lines if ln.status != LineStatus.CANCELLED.value]  # not to be done
        return dict(
            id=line.id, barcode=line.barcode, status=line.status, version=line.version,
            return_id=rma.id, return_version=rma.version, return_status=rma.status, rma_no=rma.rma_no,
            customer=rma.customer.name, urgency=rma.urgency, model=line.product.model,
            product_name=line.product.name, qty=line.qty_counted, unit=line.unit,
            disposition=line.disposition, liability_code=line.liability_code, final_cause=line.final_cause,
            due_on=line.due_on, planned_on=line.rework_planned_on, planner=form.planner,
            rework_qty=line.rework_qty,
            materials=[dict(code=m.code, name=m.name, qty=measured_qty(m.qty), unit=m.unit,
                            unit_cost=f"{m.unit_cost:.2f}") for m in line.materials],
            labour=[dict(worker=w.worker, hours=f"{w.hours.normalize():f}", hourly_rate=f"{w.hourly_rate:.2f}")
                    for w in line.labour],
            other_cost=line.other_cost, loss_cost=line.loss_cost,
            qualified=line.qty_qualified, unqualified=line.qty_unqualified, scrapped=line.qty_scrapped,
            lines_total=len(statuses), lines_done=sum(1 for st in statuses if st == LineStatus.DONE.value),
            labour_rate=form.labour_rate, corrections=correction_service.line_corrections(line),
            signatures=form.signatures, return_signatures=form.return_signatures,
            return_lines=[dict(status=st) for st in statuses],
        )

    # ------------------------------------------------------------ showing it

    def step_widget(self, line: dict[str, Any]) -> QWidget | None:
        status = line.get("status", "")
        if status == LineStatus.REWORK.value:
            return self.ui.finishButton if line.get("planned_on") else self.ui.savePlanButton
        return {LineStatus.REINSPECTION.value: self.ui.saveReinspectionButton,
                LineStatus.DONE.value: self.ui.closeReturnButton}.get(status)

    def show_line(self, line: dict[str, Any] | None) -> None:
        ui = self.ui
        self._amending = False
        for group in (ui.infoGroup, ui.planGroup, ui.costsGroup, ui.reinspectionGroup, ui.closeGroup):
            group.setEnabled(line is not None)
        step_fit.fit_rework(ui, line)  # only the line's steps so far: the form fits the screen
        self.materials.clear_errors()
        self.labour.clear_errors()
        if line is None:
            ui.titleLabel.setText(self.tr("Scan a line label or choose a line"))
            ui.stateLabel.setText("")
            for w in (ui.rmaValue, ui.customerValue, ui.modelValue, ui.qtyValue, ui.dispositionValue,
                      ui.liabilityValue, ui.causeValue, ui.dueValue, ui.returnProgressLabel):
                w.setText("")
            for w in (ui.reworkQtyEdit, ui.otherCostEdit, ui.qualifiedEdit, ui.unqualifiedEdit, ui.scrappedEdit):
                w.setText("")
            ui.plannedDateEdit.setDate(QDate.currentDate())
            self.materials.set_rows([])
            self.labour.set_rows([])
            self._costs_dirty = False
            self._show_total()
            self._show_sum()
            return
        self._show_info(line)
        ui.plannedDateEdit.setDate(QDate(line["planned_on"]) if line["planned_on"] else QDate.currentDate())
        ui.reworkQtyEdit.setText(str(line["rework_qty"] if line["rework_qty"] is not None else line["qty"]))
        self.labour.default_rate = line["labour_rate"]
        self.materials.set_rows(line["materials"])
        self.labour.set_rows(line["labour"])
        self.materials.read_only = self.labour.read_only = line["status"] != LineStatus.REWORK.value
        ui.otherCostEdit.setText(f"{line['other_cost']:.2f}" if line["other_cost"] else "")
        ui.qualifiedEdit.setText("" if line["qualified"] is None else str(line["qualified"]))
        ui.unqualifiedEdit.setText("" if line["unqualified"] is None else str(line["unqualified"]))
        ui.scrappedEdit.setText("" if line["scrapped"] is None else str(line["scrapped"]))
        self._costs_dirty = False
        self._show_total()
        self._show_sum()

    def _show_info(self, line: dict[str, Any]) -> None:
        ui, lang = self.ui, self.ctx.language
        ui.titleLabel.setText(line["barcode"])
        released = line.get("signatures", {}).get(signature_service.Step.RELEASE.value)
        ui.stateLabel.setText(names.line_status(line["status"], lang) + " · " + names.urgency(line["urgency"], lang)
                              + (" · " + signing.describe(released, lang) if released is not None else ""))
        ui.rmaValue.setText(line["rma_no"])
        ui.customerValue.setText(line["customer"])
        ui.modelValue.setText(f"{line['model']}  {line['product_name']}")
        ui.qtyValue.setText(f"{line['qty']} {line['unit']}")
        ui.dispositionValue.setText(names.disposition(line["disposition"], lang))
        ui.liabilityValue.setText(names.liability(line["liability_code"], lang))
        ui.causeValue.setText(line["final_cause"])
        due = line["due_on"]
        overdue = due is not None and due < date.today()
        planned = (self.tr("planned %1 by %2").replace("%1", names.day(line["planned_on"])).replace(
            "%2", line["planner"]) if line["planned_on"] else self.tr("not planned yet"))
        ui.dueValue.setText(names.day(due) + (" · " + self.tr("overdue") if overdue else "")
                            + ("  (" + planned + ")" if line["status"] == LineStatus.REWORK.value else ""))
        restyle(ui.dueValue, "color: #a4000f; font-weight: bold;" if overdue else "")
        done, total = line["lines_done"], line["lines_total"]
        if line["return_status"] == ReturnStatus.CLOSED.value:
            text = self.tr("Return %1 is closed.").replace("%1", line["rma_no"])
        elif done == total:
            text = self.tr("All %1 lines of %2 are done: the return can be closed.").replace(
                "%1", str(total)).replace("%2", line["rma_no"])
        else:
            text = self.tr("%1 of %2 lines of %3 are done.").replace("%1", str(done)).replace(
                "%2", str(total)).replace("%3", line["rma_no"])
        ui.returnProgressLabel.setText(text)

    # ------------------------------------------------------------ live feedback

    def _costs_changed(self) -> None:
        if not self.state.loading:
            self._costs_dirty = True
            self.state.dirty = True
        self._show_total()

    def _other_cost(self) -> Decimal | None:
        text = self.ui.otherCostEdit.text().strip()
        if not text:
            return ZERO
        try:
            value = parse_price(text, field="other_cost")
        except StationError:
            return None
        return money(value) if value is not None else ZERO

    def _show_total(self, *_args: Any) -> None:
        """Materials + labour + other = the rework cost, as the user types."""
        materials, labour, other = self.materials.total(), self.labour.total(), self._other_cost()
        other_text = names.yuan(other) if other is not None else "?"
        total = money(materials + labour + (other or ZERO))
        hours = self.labour.hours()
        self.ui.totalLabel.setText(
            self.tr("Materials %1 + Labour %2 (%3 h) + Other %4 = %5")
            .replace("%1", names.yuan(materials)).replace("%2", names.yuan(labour))
            .replace("%3", f"{hours.normalize():f}" if hours else "0").replace("%4", other_text)
            .replace("%5", names.yuan(total)))

    def counts(self) -> tuple[list[int | None], int | None]:
        """The three re-inspection counts as typed (None where unreadable) and the expected sum."""
        values: list[int | None] = []
        for key, edit in (("qty_qualified", self.ui.qualifiedEdit), ("qty_unqualified", self.ui.unqualifiedEdit),
                          ("qty_scrapped", self.ui.scrappedEdit)):
            text = edit.text().strip()
            try:
                values.append(whole_qty(text, key, allow_zero=True) if text else 0)
            except StationError:
                values.append(None)
        expected = None
        if self.line is not None:
            expected = self.line["rework_qty"] if self.line["rework_qty"] is not None else self.line["qty"]
        return values, expected

    def _show_sum(self, *_args: Any) -> None:
        """Live: qualified + unqualified + scrapped against the reworked quantity."""
        label = self.ui.sumLabel
        values, expected = self.counts()
        typed = any(e.text().strip() for e in (self.ui.qualifiedEdit, self.ui.unqualifiedEdit, self.ui.scrappedEdit))
        if expected is None or not typed:
            label.setText(self.tr("= %1").replace("%1", str(expected)) if expected is not None else "")
            restyle(label, "color: #555555;")
            return
        parts = " + ".join("?" if v is None else str(v) for v in values)
        if any(v is None for v in values):
            label.setText(f"{parts} ≠ {expected}")
            restyle(label, "color: #c00000; font-weight: bold;")
            return
        total = sum(v for v in values if v is not None)
        if total == expected:
            label.setText(f"{parts} = {total} ✓")
            restyle(label, "color: #1a7f37; font-weight: bold;")
        else:
            label.setText(f"{parts} = {total} ≠ {expected}")
            restyle(label, "color: #c00000; font-weight: bold;")

    def update_actions(self) -> None:
        ui, ctx, lang = self.ui, self.ctx, self.ctx.language
        line = self.line
        status = line["status"] if line else None
        reason = (self.tr("The line is “%1”").replace("%1", names.line_status(status, lang))
                  if line else self.tr("No line chosen"))
        in_rework = status == LineStatus.REWORK.value
        for button, step in ((ui.savePlanButton, "plan_rework"), (ui.saveCostsButton, "book_rework"),
                             (ui.finishButton, "finish_rework"), (ui.addMaterialButton, "book_rework"),
                             (ui.removeMaterialButton, "book_rework"), (ui.addLabourButton, "book_rework"),
                             (ui.removeLabourButton, "book_rework")):
            gate_step(button, ctx, step, status, state_reason=reason)
        gate_step(ui.saveReinspectionButton, ctx, "reinspect", status,
                  state_reason=self.tr("Finish the rework first") if in_rework else reason)
        closable = bool(line and line["return_status"] == ReturnStatus.APPROVED.value
                        and line["lines_done"] == line["lines_total"])
        close_reason = (self.tr("Return %1 is closed.").replace("%1", line["rma_no"])
                        if line and line["return_status"] == ReturnStatus.CLOSED.value
                        else self.tr("Every line of the return must be done first"))
        gate_step(ui.closeReturnButton, ctx, "close", line["return_status"] if line else None,
                  state_reason=close_reason, also_ok=closable)
        editable = in_rework and ctx.can(Role.PRODUCTION)
        for w in (ui.plannedDateEdit, ui.reworkQtyEdit, ui.otherCostEdit):
            w.setEnabled(editable)
        self.materials.read_only = self.labour.read_only = not editable
        reinspect = status == LineStatus.REINSPECTION.value and ctx.can(Role.QA)
        for w in (ui.qualifiedEdit, ui.unqualifiedEdit, ui.scrappedEdit):
            w.setEnabled(reinspect)
        self._gate_corrections()

    # ------------------------------------------------------------ tables

    def _add_row(self, model: Any, view: QTableView) -> None:
        row = model.add_row()
        view.setFocus()
        view.setCurrentIndex(model.index(row, 0))
        if view.indexWidget(model.index(row, 0)) is None:  # the CurrentChanged trigger may have opened it
            view.edit(model.index(row, 0))

    def _remove_row(self, model: Any, view: QTableView) -> None:
        index = view.currentIndex()
        if index.isValid():
            model.remove_row(index.row())

    def capture_extra(self) -> dict[str, Any]:
        strip = lambda rows: [{k: v for k, v in r.items()} for r in rows]  # noqa: E731
        return {"materials": strip(self.materials.rows), "labour": strip(self.labour.rows),
                "costs_dirty": self._costs_dirty}

    def restore_extra(self, values: dict[str, Any]) -> None:
        if values.get("costs_dirty"):
            self.materials.set_rows(values["materials"])
            self.labour.set_rows(values["labour"])
            self._costs_dirty = True

    def _show_table_error(self, exc: StationError) -> bool:
        """A materials/labour error names a row (`.line`) and a field: mark that cell."""
        if exc.line is None:
            return False
        for model, view in ((self.materials, self.ui.materialsView), (self.labour, self.ui.labourView)):
            if any(exc.field in (f.key, f.error_key) for f in model.fields):
                row = model.row_of_line(exc.line)
                model.mark_error(row, exc)
                self.state.show_message(self.ui.costsMessageLabel, lambda e=exc: e.message(self.ctx.language))
                view.setFocus()
                return True
        return False

    def _cost_work(self, line_id: int, version: int, *, finish: bool) -> Any:
        """Plan (when changed), book the tables (when changed) and maybe finish, in one action."""
        ui = self.ui
        planned = ui.plannedDateEdit.date().toPython()
        qty_text = ui.reworkQtyEdit.text().strip()
        plan_changed = (self.line is not None and (self.line["planned_on"] != planned
                        or qty_text != str(self.line["rework_qty"])))
        book = self._costs_dirty or (self.line is not None and ui.otherCostEdit.text().strip()
                                     != (f"{self.line['other_cost']:.2f}" if self.line["other_cost"] else ""))
        materials, labour, other = self.materials.entries(), self.labour.entries(), ui.otherCostEdit.text().strip()
        actor = self.ctx.actor

        def work(s: Session) -> Any:
            expected: int | None = version
            if plan_changed or not finish:
                rework_service.plan_rework(s, actor, line_id, planned_on=planned, rework_qty=qty_text or None,
                                           expected_version=expected)
                expected = None
            if book or not finish:
                rework_service.book_rework_costs(s, actor, line_id, materials=materials, labour=labour,
                                                 other_cost=other or "0", expected_version=expected)
                expected = None
            if finish:
                rework_service.finish_rework(s, actor, line_id, expected_version=expected)
        return work

    def _after_costs(self, outcome: Any) -> None:
        if outcome.error is not None and not outcome.pending:
            self._show_table_error(outcome.error)

    # ------------------------------------------------------------ actions

    def save_plan(self) -> None:
        """Planner: the planned date and quantity (due 2 days after the plan)."""
        if self.line is None:
            return
        ui, line_id, version = self.ui, self.line["id"], self.line["version"]
        planned, qty = ui.plannedDateEdit.date().toPython(), ui.reworkQtyEdit.text().strip() or None
        self.perform(lambda s: rework_service.plan_rework(s, self.ctx.actor, line_id, planned_on=planned,
                                                          rework_qty=qty, expected_version=version),
                     ui.planMessageLabel, lambda: self.tr("Plan saved."))

    def save_costs(self) -> None:
        """Planner: the plan, the materials and labour tables and other costs, as they stand."""
        if self.line is None:
            return
        self.materials.clear_errors()
        self.labour.clear_errors()
        self.perform(self._cost_work(self.line["id"], self.line["version"], finish=False),
                     self.ui.costsMessageLabel, lambda: self.tr("Materials and labour saved."),
                     then=self._after_costs)

    def finish(self) -> None:
        """Planner: rework done (saving what is pending first); the goods go to re-inspection."""
        if self.line is None:
            return
        self.materials.clear_errors()
        self.labour.clear_errors()
        self.perform(self._cost_work(self.line["id"], self.line["version"], finish=True),
                     self.ui.costsMessageLabel,
                     lambda: self.tr("Rework finished: the line awaits re-inspection."), then=self._after_costs)

    def save_reinspection(self) -> None:
        """QA: the re-inspection counts; they must add up to the reworked quantity."""
        if self.line is None:
            return
        ui, line_id, version = self.ui, self.line["id"], self.line["version"]
        q, u, sc = (e.text().strip() or "0" for e in (ui.qualifiedEdit, ui.unqualifiedEdit, ui.scrappedEdit))

        def attempt(password: str, dialog: Any) -> None:  # the re-inspection releases the goods (放行)
            self.perform(lambda s: rework_service.record_reinspection(
                s, self.ctx.actor, line_id, qualified=q, unqualified=u, scrapped=sc, expected_version=version,
                password=password),
                ui.reinspectionMessageLabel, lambda: self.tr("Re-inspection saved: the line is done."), dialog=dialog)
        self.signature_dialog = signing.ask(
            self, self.ctx.actor.name, self.tr("the release of %1 after re-inspection (release)")
            .replace("%1", self.line["barcode"]), attempt)

    def close_return(self) -> None:
        """QA or manager: close the return once all its lines are done."""
        if self.line is None:
            return
        return_id, version = self.line["return_id"], self.line["return_version"]
        rma_no = self.line["rma_no"]
        self.perform(lambda s: close_return(s, self.ctx.actor, return_id, expected_version=version),
                     self.ui.reinspectionMessageLabel,
                     lambda: self.tr("Return %1 closed.").replace("%1", rma_no), returns=[return_id])

    # ------------------------------------------------------------ corrections (amend, reopen)

    _amending = False

    def _install_corrections(self) -> None:
        """Amend… / Save amendment… beside Finish rework; Reopen… beside Close return."""
        ui = self.ui
        self.amendButton = correction_ui.make_button(ui.costsGroup, "amendButton")
        self.saveAmendButton = correction_ui.make_button(ui.costsGroup, "saveAmendButton")
        correction_ui.place_after(ui.finishButton, self.amendButton, self.saveAmendButton)
        self.reopenButton = correction_ui.make_button(ui.closeGroup, "reopenButton")
        correction_ui.place_after(ui.closeReturnButton, self.reopenButton)
        self.amendButton.clicked.connect(self.start_amend)
        self.saveAmendButton.clicked.connect(self.save_amend)
        self.reopenButton.clicked.connect(self.reopen_line)
        # the analysis form's sign-offs: production's 计划物控部 box (production has no desk)
        self.signoffs = AnalysisSignoffs(
            self, ui.closeGroup, self._return_for_signoffs,
            lambda work, text, dialog: self.perform(work, self.ui.reinspectionMessageLabel, text,
                                                    returns=[self.line["return_id"]] if self.line else None,
                                                    dialog=dialog),
            lambda label, button: correction_ui.place_after(self.reopenButton, label, button))  # type: ignore[arg-type]

    def _return_for_signoffs(self) -> dict[str, Any] | None:
        line = self.line
        if line is None or "return_signatures" not in line:
            return None
        return dict(id=line["return_id"], version=line["return_version"], rma_no=line["rma_no"],
                    status=line["return_status"], lines=line["return_lines"], signatures=line["return_signatures"])

    def _gate_corrections(self) -> None:
        ui, ctx, lang = self.ui, self.ctx, self.ctx.language
        self.amendButton.setText(self.tr("Amend…"))
        self.saveAmendButton.setText(self.tr("Save amendment…"))
        self.reopenButton.setText(self.tr("Reopen…"))
        self.signoffs.retranslate()
        state = self.line["corrections"] if self.line else None
        none = self.tr("No line chosen")
        ok, why = correction_ui.refusal(state.rework if state else None, lang)
        gate(self.amendButton, roles_ok=ctx.can(Role.PRODUCTION), roles=(Role.PRODUCTION,), lang=lang,
             state_ok=state is not None and ok, state_reason=why if state is not None else none)
        ok, why = correction_ui.refusal(state.reopen if state else None, lang)
        gate(self.reopenButton, roles_ok=ctx.can(Role.MANAGER), roles=(Role.MANAGER,), lang=lang,
             state_ok=state is not None and ok, state_reason=why if state is not None else none)
        amending = self._amending and state is not None
        self.amendButton.setVisible(not amending)
        self.saveAmendButton.setVisible(amending)
        if amending:  # the recorded plan and bookings are open for editing again
            for w in (ui.plannedDateEdit, ui.reworkQtyEdit, ui.otherCostEdit, ui.addMaterialButton,
                      ui.removeMaterialButton, ui.addLabourButton, ui.removeLabourButton):
                w.setEnabled(True)
                w.setToolTip("")
            self.materials.read_only = self.labour.read_only = False
            for b in (ui.savePlanButton, ui.saveCostsButton, ui.finishButton):
                b.setEnabled(False)
                b.setToolTip(self.tr("Save the amendment first"))

    def start_amend(self) -> None:
        """Planner: open the recorded plan and bookings for editing (saved with a reason)."""
        if self.line is None:
            return
        self._amending = True
        self.update_actions()
        self.ui.materialsView.setFocus()

    def save_amend(self) -> None:
        """Ask why, then save the plan and the tables as they stand through the corrections service.
        A finished rework goes back to rework: finish it again."""
        if self.line is None:
            return
        self.materials.clear_errors()
        self.labour.clear_errors()
        ui, line_id, version = self.ui, self.line["id"], self.line["version"]
        planned, qty = ui.plannedDateEdit.date().toPython(), ui.reworkQtyEdit.text().strip() or None
        materials, labour = self.materials.entries(), self.labour.entries()
        other = ui.otherCostEdit.text().strip() or "0"
        reason = correction_ui.ask_reason(self, self.tr("Amend rework of %1").replace("%1", self.line["barcode"]),
                                          self.tr("Why are the rework records amended?"))
        if reason is None:
            return
        self.perform(lambda s: correction_service.amend_rework(
            s, self.ctx.actor, line_id, reason=reason, planned_on=planned, rework_qty=qty, materials=materials,
            labour=labour, other_cost=other, expected_version=version),
            ui.costsMessageLabel, lambda: self.tr("Rework amended."), then=self._after_costs)

    def reopen_line(self) -> None:
        """Manager (QA lead): take the line back one step, with a reason (re-inspected → re-inspection)."""
        if self.line is None:
            return
        line_id, version, return_id = self.line["id"], self.line["version"], self.line["return_id"]
        reason = correction_ui.ask_reason(self, self.tr("Reopen %1").replace("%1", self.line["barcode"]),
                                          self.tr("Why is the line reopened?"))
        if reason is None:
            return
        self.perform(lambda s: correction_service.reopen_line(s, self.ctx.actor, line_id, reason=reason,
                                                            expected_version=version),
                     self.ui.reinspectionMessageLabel, lambda: self.tr("Line reopened."), returns=[return_id])
