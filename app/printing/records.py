"""From database records to the plain data the labels and slips print.

Names come from app.codes in the user's language; signature boxes are filled with the
recorded steps (who and when) where they exist. A step recorded per line (inspection,
decision, rework plan, re-inspection) fills its box on the notice once every line that
is not cancelled has it: the name of whoever recorded the last one, and that date.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.codes import (
    ARRIVAL_METHODS,
    CONDITIONS,
    DISPOSITIONS,
    REWORK_DISPOSITIONS,
    URGENCIES,
    Disposition,
)
from app.errors import NotFoundError
from app.money import ZERO
from app.printing.data import (
    ANALYSIS_ROLES,
    AnalysisFormData,
    AnalysisRow,
    FormHeader,
    LabelData,
    LabourRow,
    LiaisonData,
    MaterialRow,
    NoticeData,
    NoticeLine,
    Photo,
    ReasonChoice,
    ReworkLine,
    ReworkOrderData,
    Signature,
)
from app.services import signatures as signature_service
from app.services.attachments import images_for_print
from app.services.inspection import LIAISON_REASONS
from app.services.lookups import user_name
from app.services.returns import find_return
from app.services.settings import load_shared
from app.services.warranty import notice_texts
from db.identity import DEMO_KEY
from db.models import LiaisonNote, Return, ReturnLine

REWORK_DAYS = 2  # the procedure: rework done within 2 days of its plan (as plan_rework sets due_on)


def _return(session: Session, rma_no: str) -> Return:
    rma = find_return(session, rma_no)
    if rma is None:
        raise NotFoundError(what=("退货单", "Return"), value=rma_no)
    return rma


def _zh(lang: str) -> bool:
    return lang.startswith("zh")


def _disp(code: str | None, lang: str) -> str:
    return DISPOSITIONS[Disposition(code)].name(lang) if code else ""


def _coded(table: dict, value: str, lang: str) -> str:
    for k, c in table.items():
        if k.value == value:
            return c.name(lang)
    return value


def _day(ts: datetime | None) -> date | None:
    return ts.astimezone().date() if ts else None


def _active(rma: Return) -> list[ReturnLine]:
    return [ln for ln in rma.lines if ln.status != "cancelled"]


def _step(session: Session, lines: Iterable[ReturnLine],
          who: Callable[[ReturnLine], int | None], when: Callable[[ReturnLine], datetime | date | None]
          ) -> Signature:
    """The signature of a per-line step once every line has it: the last one recorded."""
    done = [(when(ln), who(ln)) for ln in lines]
    if not done or any(at is None for at, _ in done):
        return Signature()
    at, by = max(done, key=lambda pair: (pair[0].isoformat() if pair[0] else ""))
    on = _day(at) if isinstance(at, datetime) else at
    return Signature(user_name(session, by), on)


def _signed(view: signature_service.SignatureView | None, fallback: Signature) -> Signature:
    """The box of a signed step: the e-signature (signer's printed name, time; void or not)
    where there is one, else what the step recorded (records from before e-signatures)."""
    if view is None:
        return fallback
    return Signature(view.signer_name, _day(view.signed_at), view.signed_at, void=view.void)


def header(session: Session, rma: Return, form: str) -> FormHeader:
    """编号 and 版次 of a controlled form, from the shared settings."""
    shared = load_shared(session)
    return FormHeader(form_no=shared[f"form_no.{form}"], revision=shared[f"form_rev.{form}"],
                      rma_no=rma.rma_no, company=shared.get("company_name", ""),
                      demo=shared.get(DEMO_KEY) == "1")


def label_data(session: Session, rma_no: str, line_no: int | None = None, lang: str = "zh") -> list[LabelData]:
    """One label per line of the return (or the one line asked for)."""
    rma = _return(session, rma_no)
    lines = [ln for ln in rma.lines if line_no is None or ln.line_no == line_no]
    if not lines:
        raise NotFoundError(what=("退货明细", "Return line"), value=f"{rma_no}-{line_no}")
    demo = load_shared(session).get(DEMO_KEY) == "1"
    return [LabelData(barcode_text=ln.barcode, rma_no=rma.rma_no, line_no=ln.line_no,
                      customer=rma.customer.name, model=ln.product.model, lot=ln.lot_no, qty=ln.qty_counted,
                      unit=ln.unit, received_on=rma.received_on, location=rma.storage_location,
                      liability_code=ln.liability_code, disposition=_disp(ln.disposition, lang) or None,
                      demo=demo)
            for ln in lines]


def _notice_line(ln: ReturnLine, lang: str) -> NoticeLine:
    return NoticeLine(
        line_no=ln.line_no, model=ln.product.model, lot=ln.lot_no, manufacture_date=ln.manufacture_date,
        qty_announced=ln.qty_announced, qty_counted=ln.qty_counted, unit=ln.unit,
        condition=_coded(CONDITIONS, ln.condition, lang), reason=ln.customer_reason,
        findings=ln.findings, preliminary_opinion=ln.preliminary_opinion, final_cause=ln.final_cause,
        liability_code=ln.liability_code, disposition=_disp(ln.disposition, lang),
        refund_ratio=ln.refund_ratio, rework_qty=ln.rework_qty, qty_qualified=ln.qty_qualified,
        qty_unqualified=ln.qty_unqualified, qty_scrapped=ln.qty_scrapped)


def _costs(lines: Iterable[ReturnLine]) -> tuple[list[MaterialRow], list[LabourRow]]:
    lines = list(lines)
    materials = [MaterialRow(ln.line_no, m.code, m.name, m.qty, m.unit, m.unit_cost, m.cost)
                 for ln in lines for m in ln.materials]
    labour = [LabourRow(ln.line_no, lb.worker, lb.hours, lb.hourly_rate, lb.cost)
              for ln in lines for lb in ln.labour]
    return materials, labour


def notice_data(session: Session, rma_no: str, lang: str = "zh") -> NoticeData:
    """客退品处理通知单 of a return, with everything recorded so far."""
    rma = _return(session, rma_no)
    active = _active(rma)
    materials, labour = _costs(active)
    warranty = notice_texts(session, rma.id, lang)  # claims: warranty at receipt
    # the return's own signatures, checked against its content (void when changed in any way)
    signed = {("rma_return", rma.id, step): v for step, v in signature_service.latest(session, rma).items()}
    return NoticeData(
        form=header(session, rma, "notice"), customer=rma.customer.name,
        arrival=_coded(ARRIVAL_METHODS, rma.arrival_method, lang), order_no=rma.order_no,
        delivery_no=rma.delivery_no, invoice_no=rma.invoice_no, received_on=rma.received_on,
        received_by=user_name(session, rma.received_by_id), location=rma.storage_location,
        urgency=_coded(URGENCIES, rma.urgency, lang), notes=rma.notes,
        lines=[replace(_notice_line(ln, lang), warranty=warranty.get(ln.id, "")) for ln in active],
        sales_requirements=rma.sales_requirements,
        sales_confirmed=_signed(
            signed.get(("rma_return", rma.id, signature_service.Step.SALES_CONFIRM.value)) if rma.sales_confirmed_at
            else None, Signature(user_name(session, rma.sales_confirmed_by_id), _day(rma.sales_confirmed_at))),
        approval_note=rma.approval_note,
        approved=_signed(
            signed.get(("rma_return", rma.id, signature_service.Step.MANAGER_APPROVE.value)) if rma.approved_at
            else None, Signature(user_name(session, rma.approved_by_id), _day(rma.approved_at))),
        materials=materials, labour=labour,
        other_cost=sum((ln.other_cost for ln in active), ZERO),
        loss_cost=sum((ln.loss_cost for ln in active), ZERO),
        inspected=_step(session, active, lambda ln: ln.inspected_by_id, lambda ln: ln.inspected_at),
        decided=_step(session, active, lambda ln: ln.decided_by_id, lambda ln: ln.decided_at),
        rework_planned=_step(session, [ln for ln in active if _needs_rework(ln)],
                             lambda ln: ln.rework_planned_by_id, lambda ln: ln.rework_planned_on),
        reinspected=_step(session, [ln for ln in active if _needs_rework(ln)],
                          lambda ln: ln.reinspected_by_id, lambda ln: ln.reinspected_at),
    )


def analysis_data(session: Session, rma_no: str, lang: str = "zh") -> AnalysisFormData:
    """退货分析处理单 of a return: one row per line that is not cancelled."""
    rma = _return(session, rma_no)
    rows = [AnalysisRow(line_no=ln.line_no, model=ln.product.model, manufacture_date=ln.manufacture_date,
                        qty=ln.qty_counted, unit=ln.unit, unit_price=ln.unit_price, amount=ln.amount,
                        reason=ln.customer_reason, final_cause=ln.final_cause,
                        liability_code=ln.liability_code, disposition=_disp(ln.disposition, lang),
                        refund_ratio=ln.refund_ratio, refund=ln.refund_amount)
            for ln in _active(rma)]
    # the return's own signatures, checked against its content (void when changed in any way)
    signed = {("rma_return", rma.id, step): v for step, v in signature_service.latest(session, rma).items()}
    signoffs = {box: _signed(signed[key], Signature())
                for box, step in zip(ANALYSIS_ROLES, signature_service.ANALYSIS_BOXES, strict=True)
                if (key := ("rma_return", rma.id, step.value)) in signed}
    return AnalysisFormData(form=header(session, rma, "analysis"), customer=rma.customer.name,
                            on=rma.received_on, rows=rows, signoffs=signoffs,
                            photos=photos_of(session, rma, lang))


def photos_of(session: Session, rma: Return, lang: str = "zh") -> list[Photo]:
    """The return's photos for the analysis form's appendix, captioned with line, file,
    who added it and when."""
    zh = _zh(lang)
    out = []
    for row, data in images_for_print(session, rma.id):
        where = (f"行 {row.line_no}" if zh else f"Line {row.line_no}") if row.line_no else ("整单" if zh else "Return")
        when = row.added_at.astimezone().strftime("%Y-%m-%d") if row.added_at else ""
        parts = [where, row.filename, row.note, f"{row.added_by} {when}".strip()]
        out.append(Photo(data, " · ".join(p for p in parts if p)))
    return out


def liaison_data(session: Session, rma_no: str, lang: str = "zh") -> LiaisonData:
    """联络单 of a return: the reasons ticked and texts of its liaison notes, and their lines."""
    rma = _return(session, rma_no)
    notes = list(session.scalars(select(LiaisonNote).where(LiaisonNote.return_id == rma.id)
                                 .order_by(LiaisonNote.id)))
    chosen = {n.reason for n in notes}
    reasons = [ReasonChoice(names[0] if _zh(lang) else names[1], key in chosen)
               for key, names in LIAISON_REASONS.items()]
    line_ids = {n.line_id for n in notes}
    lines = [_notice_line(ln, lang) for ln in _active(rma) if not notes or ln.id in line_ids]
    first = notes[0] if notes else None
    acknowledged = next((n for n in notes if n.acknowledged_at), None)
    return LiaisonData(
        form=header(session, rma, "liaison"), customer=rma.customer.name, reasons=reasons,
        text="\n".join(n.text for n in notes if n.text),
        raised_by=user_name(session, first.raised_by_id) if first else "",
        raised_on=(_day(first.created_at) or date.today()) if first else date.today(), lines=lines,
        to="营销部" if _zh(lang) else "Sales", sender="品质部" if _zh(lang) else "QA",
        acknowledged=Signature(user_name(session, acknowledged.acknowledged_by_id),
                               _day(acknowledged.acknowledged_at)) if acknowledged else Signature(),
        reply="\n".join(n.reply for n in notes if n.reply))


def _needs_rework(ln: ReturnLine) -> bool:
    return ln.rework_qty is not None or (
        ln.disposition is not None and Disposition(ln.disposition) in REWORK_DISPOSITIONS)


def _rework_due(ln: ReturnLine) -> date | None:
    """Rework is due 2 days after its plan; the line's own deadline moves on after rework."""
    if ln.rework_planned_on is None:
        return None
    if ln.status == "rework" and ln.due_on is not None:
        return ln.due_on
    return ln.rework_planned_on + timedelta(days=REWORK_DAYS)


def rework_order_data(session: Session, rma_no: str, lang: str = "zh") -> ReworkOrderData:
    """返工单 of a return: its lines planned for (or decided to) rework, else all its lines."""
    rma = _return(session, rma_no)
    lines = [ln for ln in _active(rma) if _needs_rework(ln)] or _active(rma)
    materials, labour = _costs(lines)
    return ReworkOrderData(
        form=header(session, rma, "rework"), customer=rma.customer.name,
        lines=[ReworkLine(line_no=ln.line_no, model=ln.product.model, lot=ln.lot_no,
                          qty=ln.rework_qty if ln.rework_qty is not None else ln.qty_counted, unit=ln.unit,
                          disposition=_disp(ln.disposition, lang), final_cause=ln.final_cause,
                          planned_on=ln.rework_planned_on, due_on=_rework_due(ln)) for ln in lines],
        instructions=rma.sales_requirements, materials=materials, labour=labour,
        planned=_step(session, lines, lambda ln: ln.rework_planned_by_id, lambda ln: ln.rework_planned_on),
        reinspected=_step(session, lines, lambda ln: ln.reinspected_by_id, lambda ln: ln.reinspected_at))
