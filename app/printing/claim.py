"""供应商索赔单 (supplier claim notice): the A4 form sent to the supplier with a claim.

Step served: QA sends a claim for liability-2 (供方) lines to the supplier. Chinese first with
small English, the running header of the other controlled forms (company, 编号/版次, the claim
number with its Code 128, page x of y); the lines with their loss cost, the amount claimed in
figures and in capitals, the reason when it differs from the loss, and the supplier's answer
and the amount recovered once they are known, with blank boxes for the pen before.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib.pagesizes import A4
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer
from sqlalchemy.orm import Session

from app.money import format_yuan, rmb_upper
from app.printing.data import FormHeader, Signature, _freeze
from app.printing.fonts import cjk_font
from app.printing.slips import (
    BOTTOM,
    MARGIN,
    TOP,
    _bi,
    _boxed,
    _content_width,
    _day,
    _fields_table,
    _Frame,
    _grid,
    _p,
    _page_canvas,
    _section,
    _signatures,
    _styles,
    _text,
)
from app.services import claims as claim_service
from app.services.settings import load_shared
from db.identity import DEMO_KEY
from db.models import Supplier

TITLE = ("供应商索赔单", "Supplier Claim Notice")
FORM_NO_DEFAULT = "QR-8.3-05"
FORM_REV_DEFAULT = "A"


@dataclass(frozen=True)
class ClaimNoticeLine:
    rma_no: str
    line_no: int
    model: str
    lot: str
    qty: str
    customer: str
    cause: str
    loss_cost: Decimal


@dataclass(frozen=True)
class ClaimNoticeData:
    """Everything the claim notice prints, in plain values."""

    form: FormHeader            # rma_no holds the claim number (printed and coded in the header)
    claim_no: str
    status: str                 # in Chinese and English: '已发出 Sent'
    supplier: str
    supplier_code: str
    contact: str
    phone: str
    lines: tuple[ClaimNoticeLine, ...]
    loss_amount: Decimal
    claimed_amount: Decimal
    amount_reason: str
    note: str
    accepted_amount: Decimal | None
    recovered_amount: Decimal | None
    supplier_reply: str
    credit_ref: str
    answer: str                 # the supplier's answer in Chinese and English, "" before it
    created: Signature
    sent: Signature
    answered: Signature
    credited: Signature

    def __post_init__(self) -> None:
        _freeze(self)


def claim_data(session: Session, claim_id: int) -> ClaimNoticeData:
    """The notice's data for one claim (any role may print it)."""
    row = claim_service.claim_detail(session, claim_id, lang="zh")
    supplier = session.get(Supplier, row.supplier_id)
    assert supplier is not None
    shared = load_shared(session)
    form = FormHeader(form_no=shared.get("form_no.claim") or FORM_NO_DEFAULT,
                      revision=shared.get("form_rev.claim") or FORM_REV_DEFAULT, rma_no=row.claim_no,
                      company=shared.get("company_name", ""), demo=shared.get(DEMO_KEY) == "1")
    zh, en = claim_service.CLAIM_STATUSES[row.status]
    answer = claim_service.answer_of(row)
    return ClaimNoticeData(
        form=form, claim_no=row.claim_no, status=f"{zh} {en}", supplier=supplier.name,
        supplier_code=supplier.code, contact=supplier.contact, phone=supplier.phone,
        lines=tuple(ClaimNoticeLine(rma_no=ln.rma_no, line_no=ln.line_no, model=ln.model, lot=ln.lot_no,
                                    qty=f"{ln.qty} {ln.unit}", customer=ln.customer, cause=ln.final_cause,
                                    loss_cost=ln.loss_cost) for ln in row.line_rows),
        loss_amount=row.loss_amount, claimed_amount=row.claimed_amount, amount_reason=row.amount_reason,
        note=row.note, accepted_amount=row.accepted_amount, recovered_amount=row.recovered_amount,
        supplier_reply=row.supplier_reply, credit_ref=row.credit_ref,
        answer=" ".join(claim_service.CLAIM_STATUSES[answer]) if answer else "",
        created=Signature(row.created_by, row.created_on), sent=Signature(row.sent_by, row.sent_on),
        answered=Signature(row.answered_by, row.answered_on), credited=Signature(row.credited_by, row.credited_on))


def _yuan(amount: Decimal | None) -> str:
    return "" if amount is None else "¥" + format_yuan(amount)


def amount_sentence(amount: Decimal) -> str:
    """'索赔金额合计:小写¥600.00,大写陆佰元整' — as the refund sentence of the analysis form."""
    return f"索赔金额合计:小写¥{format_yuan(amount)},大写{rmb_upper(amount)}"


def render_claim(data: ClaimNoticeData, out: str | Path | BinaryIO) -> None:
    """The claim notice as an A4 PDF to a path or binary stream."""
    st = _styles()
    width = _content_width()
    story: list[Any] = [_fields_table([
        ("索赔单号", "Claim No.", data.claim_no), ("状态", "Status", data.status),
        ("供应商", "Supplier", data.supplier), ("供应商编码", "Supplier code", data.supplier_code),
        ("联系人", "Contact", data.contact), ("电话", "Phone", data.phone),
        ("开立日期", "Opened on", _day(data.created.on)), ("发出日期", "Sent on", _day(data.sent.on)),
    ], st, width)]
    story += [_section("一", "索赔明细", "Lines claimed", st)]
    head = [_bi(zh, en, st.head) for zh, en in (
        ("退货单号", "RMA No."), ("行", "Line"), ("型号规格", "Model/Spec"), ("批号", "Lot"),
        ("数量", "Qty"), ("客户", "Customer"), ("原因分析", "Cause"), ("损失成本", "Loss cost"))]
    rows: list[list[Any]] = [head]
    for ln in data.lines:
        rows.append([_p(ln.rma_no, st.cell), ln.line_no, _p(ln.model, st.cell), _p(ln.lot, st.cell), ln.qty,
                     _p(ln.customer, st.cell), _p(ln.cause, st.cell), format_yuan(ln.loss_cost)])
    rows.append([_bi("合计", "Total", st.head), "", "", "", "", "", "", format_yuan(data.loss_amount)])
    story.append(_grid(rows, [30, 9, 30, 17, 15, 28, 33, 18], long=True,
                       extra=[("ALIGN", (7, 1), (7, -1), "RIGHT"), ("ALIGN", (1, 1), (1, -1), "CENTER"),
                              ("SPAN", (0, len(rows) - 1), (6, len(rows) - 1))]))
    story += [_section("二", "索赔金额", "Amount claimed", st),
              _fields_table([("损失成本", "Loss cost", _yuan(data.loss_amount)),
                             ("索赔金额", "Amount claimed", _yuan(data.claimed_amount)),
                             ("金额调整原因", "Reason for the amount", data.amount_reason or "—")],
                            st, width, full_width_last=True),
              Spacer(1, 4),
              Paragraph(_text(amount_sentence(data.claimed_amount)), st.body)]
    story += [_section("三", "索赔说明", "Claim note", st), _boxed(data.note, st, width, 14)]
    story += [_section("四", "供方答复与回款", "Supplier's answer and amount recovered", st),
              _fields_table([("供方答复", "Answer", data.answer),
                             ("答复日期", "Answered on", _day(data.answered.on)),
                             ("供方接受金额", "Amount accepted", _yuan(data.accepted_amount)),
                             ("回收金额", "Amount recovered", _yuan(data.recovered_amount)),
                             ("扣款/赔付单号", "Credit note no.", data.credit_ref),
                             ("回款日期", "Credited on", _day(data.credited.on))], st, width),
              _boxed(data.supplier_reply, st, width, 18),
              _section("五", "签核", "Sign-offs", st),
              _signatures([("开立", "Opened by", data.created), ("发出", "Sent by", data.sent),
                           ("供方确认", "Supplier", Signature()), ("回款登记", "Credit recorded", data.credited)],
                          st, width)]
    doc = SimpleDocTemplate(str(out) if isinstance(out, Path) else out, pagesize=A4,
                            leftMargin=MARGIN, rightMargin=MARGIN, topMargin=TOP, bottomMargin=BOTTOM,
                            title=f"{TITLE[0]} {data.claim_no}", author=data.form.company, creator="RMA Station",
                            subject=TITLE[1], initialFontName=cjk_font())
    doc.build(story, canvasmaker=_page_canvas(_Frame(data.form, TITLE)))

