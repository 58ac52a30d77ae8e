"""The A4 8D report (8D报告) sent to the customer, and the printed history of a record.

Step served: QA replies to the customer "以《8D报告》形式" (seed 002) once a serious
problem's 8D is closed, or sends its state while it is open. Chinese first with small
English under it (the paper form); `lang="en"` prints the report in English for a foreign
customer. The running header (company, 编号/版次, RMA number and its code, page x of y) is
that of the other controlled forms (app.printing.slips).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib.pagesizes import A4, landscape
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer
from sqlalchemy.orm import Session

from app.errors import NotFoundError
from app.printing.data import FormHeader, Signature, _freeze
from app.printing.fonts import cjk_font
from app.printing.slips import (
    BOTTOM,
    GREY,
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
    _signatures,
    _Styles,
    _styles,
    _text,
)
from app.services import eightd as eightd_service
from app.services.history import HistoryRow
from app.services.settings import load_shared
from db.identity import DEMO_KEY
from db.models import CorrectiveAction, Return, ReturnLine

TITLE = ("8D报告", "8D Report")
HISTORY_TITLE = ("历史记录", "Change history")
FORM_NO_DEFAULT = "QR-8.5-01"
FORM_REV_DEFAULT = "A"

D_STEP_NAMES: dict[str, tuple[str, str]] = {
    "D3": ("临时措施", "Containment"), "D5": ("纠正措施", "Corrective"),
    "D6": ("实施验证", "Implementation"), "D7": ("预防措施", "Prevention"),
}
FIVE_W_TWO_H: tuple[tuple[str, str, str], ...] = (
    ("problem_what", "什么问题 What", "What"), ("problem_where", "在哪里 Where", "Where"),
    ("problem_when", "何时 When", "When"), ("problem_who", "谁 Who", "Who"),
    ("problem_why", "为什么 Why", "Why"), ("problem_how", "如何 How", "How"),
    ("problem_how_many", "多少 How many", "How many"),
)


@dataclass(frozen=True)
class ActionRow:
    d_step: str
    text: str
    owner: str
    due_on: date | None
    done_on: date | None
    done: bool


@dataclass(frozen=True)
class EightDData:
    """What the 8D report prints: plain values, already read from the records."""

    form: FormHeader
    no: str
    customer: str
    model: str
    lot: str
    qty: str
    owner: str
    due_on: date
    opened_on: date | None
    status: str                       # open / closed
    sections: dict[str, str]          # field → text (see app.services.eightd.SECTION_FIELDS)
    flags: dict[str, bool]            # standards_updated, fmea_updated, control_plan_updated
    actions: tuple[ActionRow, ...]
    opened: Signature = Signature()
    verified: Signature = Signature()
    closed: Signature = Signature()
    customer_reply_on: date | None = None

    def __post_init__(self) -> None:
        _freeze(self)


def _local_day(at: Any) -> date | None:
    return at.astimezone().date() if at else None


def eightd_data(session: Session, ref: int | str) -> EightDData:
    """The 8D report's data for an 8D given by id or number (8D-YYYY-NNNN)."""
    ca: CorrectiveAction | None
    if isinstance(ref, int):
        ca = session.get(CorrectiveAction, ref)
    else:
        ca = eightd_service.find_8d(session, ref)
    if ca is None:
        raise NotFoundError(what=("8D", "8D"), value=ref)
    rma = session.get(Return, ca.return_id)
    assert rma is not None
    line = session.get(ReturnLine, ca.line_id) if ca.line_id is not None else None
    shared = load_shared(session)
    form = FormHeader(form_no=shared.get("form_no.8d") or FORM_NO_DEFAULT,
                      revision=shared.get("form_rev.8d") or FORM_REV_DEFAULT, rma_no=rma.rma_no,
                      company=shared.get("company_name", ""), demo=shared.get(DEMO_KEY) == "1")
    name = lambda uid: eightd_service.user_name(session, uid)  # noqa: E731
    return EightDData(
        form=form, no=ca.no or f"8D-{ca.id}", customer=rma.customer.name,
        model=line.product.model if line else "", lot=line.lot_no if line else "",
        qty=f"{line.qty_counted} {line.unit}" if line else "", owner=ca.owner, due_on=ca.due_on,
        opened_on=_local_day(ca.created_at), status=ca.status,
        sections={f: getattr(ca, f) or "" for f in eightd_service.SECTION_FIELDS},
        flags={f: bool(getattr(ca, f)) for f in eightd_service.FLAG_FIELDS},
        actions=[ActionRow(i.d_step, i.text, i.owner, i.due_on, i.done_on, i.status == "done") for i in ca.items],
        opened=Signature(name(ca.opened_by_id), _local_day(ca.created_at)),
        verified=Signature(name(ca.verified_by_id), _local_day(ca.verified_at)),
        closed=Signature(name(ca.closed_by_id), _local_day(ca.closed_at)),
        customer_reply_on=ca.customer_reply_on,
    )


class _Words:
    """Labels in the report's language: Chinese with small English, or English alone."""

    def __init__(self, lang: str, st: _Styles) -> None:
        self.zh = lang.startswith("zh")
        self.st = st

    def cap(self, zh: str, en: str, style: Any = None) -> Paragraph:
        style = style or self.st.caption
        return _bi(zh, en, style, inline=True) if self.zh else _p(en, style)

    def head(self, zh: str, en: str) -> Paragraph:
        return _bi(zh, en, self.st.head) if self.zh else _p(en, self.st.head)

    def section(self, step: str, zh: str, en: str) -> Paragraph:
        if self.zh:
            return Paragraph(f"{step} {_text(zh)} <font size=7.5 color='{GREY}'>{_text(en)}</font>", self.st.section)
        return Paragraph(f"{step} {_text(en)}", self.st.section)

    def pick(self, zh: str, en: str) -> str:
        return zh if self.zh else en

    def pairs(self, rows: Sequence[tuple[str, str, Any]]) -> list[tuple[str, str, Any]]:
        # _fields_table prints (zh, en) inline; in English print the English only
        return list(rows) if self.zh else [(en, "", v) for _zh, en, v in rows]


def render_8d(data: EightDData, out: str | Path | BinaryIO, lang: str = "zh") -> None:
    """The 8D report as an A4 PDF to a path or binary stream."""
    st = _styles()
    w = _Words(lang, st)
    width = _content_width()
    s = data.sections
    status = w.pick("已关闭", "closed") if data.status == "closed" else w.pick("进行中", "open")
    story: list[Any] = [_fields_table(w.pairs([
        ("8D编号", "8D No.", data.no), ("状态", "Status", status),
        ("客户", "Customer", data.customer), ("退货单号", "RMA No.", data.form.rma_no),
        ("型号规格", "Model/Spec", data.model), ("批号 / 数量", "Lot / Qty", f"{data.lot} / {data.qty}"),
        ("负责人", "Owner", data.owner), ("完成期限", "Due date", _day(data.due_on)),
        ("开立日期", "Opened on", _day(data.opened_on)), ("回复客户日期", "Replied on", _day(data.customer_reply_on)),
    ]), st, width)]

    def box(text: str, height: float = 9.5) -> Any:
        return _boxed(text, st, width, height)

    story += [w.section("D1", "成立小组", "Team"), box(s["team"], 10),
              w.section("D2", "问题描述 (5W2H)", "Problem description (5W2H)")]
    if s["problem"]:
        story.append(box(s["problem"], 8))
    story.append(_fields_table(w.pairs([(zh.split()[0], en, s[key]) for key, zh, en in FIVE_W_TWO_H]),
                               st, width, full_width_last=True))
    story += [w.section("D3", "临时围堵措施", "Containment actions"), box(s["containment"]),
              w.section("D4", "根本原因分析", "Root cause"), box(s["root_cause"]),
              w.section("D5", "永久纠正措施", "Permanent corrective actions"), box(s["corrective_action"]),
              w.section("D6", "措施实施及效果验证", "Implementation and verification of effect"),
              box(s["implementation"], 8), box(s["verification"], 8),
              w.section("D7", "预防再发生", "Preventing recurrence"), box(s["preventive_action"])]
    ticks = "&nbsp;" * 6
    flags = ticks.join(f"{'■' if data.flags.get(key) else '□'}&nbsp;{_text(w.pick(zh, en))}" for key, zh, en in (
        ("standards_updated", "标准/作业指导书已更新", "Standards updated"),
        ("fmea_updated", "FMEA已更新", "FMEA updated"),
        ("control_plan_updated", "控制计划已更新", "Control plan updated")))
    story.append(Paragraph(flags, st.body))

    story.append(w.section("", "措施计划", "Actions"))
    head = [w.head(zh, en) for zh, en in (("步骤", "Step"), ("措施", "Action"), ("负责人", "Owner"),
                                          ("期限", "Due"), ("完成", "Done"))]
    rows: list[list[Any]] = [head]
    for a in data.actions:
        rows.append([a.d_step, _p(a.text, st.cell), _p(a.owner, st.cell), _day(a.due_on),
                     _day(a.done_on) if a.done else w.pick("未完成", "open")])
    rows += [[""] * 5 for _ in range(max(0, 2 - len(data.actions)))]
    story.append(_grid(rows, [14, 96, 26, 22, 22], long=True))

    story += [w.section("D8", "结案及小组祝贺", "Closure and team recognition"), box(s["closure"], 8),
              Spacer(1, 2)]
    sig = [("开立", "Opened by", data.opened), ("效果验证", "Verified by", data.verified),
           ("批准关闭", "Closed by", data.closed)]
    story.append(_signatures([(w.pick(zh, en), en if w.zh else "", sg) for zh, en, sg in sig], st, width))
    title = TITLE if w.zh else (TITLE[1], TITLE[0])
    doc = SimpleDocTemplate(str(out) if isinstance(out, Path) else out, pagesize=A4,
                            leftMargin=MARGIN, rightMargin=MARGIN, topMargin=TOP, bottomMargin=BOTTOM,
                            title=f"{TITLE[0]} {data.no}", author=data.form.company, creator="RMA Station",
                            subject=TITLE[1], initialFontName=cjk_font())
    doc.build(story, canvasmaker=_page_canvas(_Frame(data.form, title)))


def render_history(rows: Sequence[HistoryRow], form: FormHeader, what: str, out: str | Path | BinaryIO,
                   lang: str = "zh") -> None:
    """The history of a return or line as a simple A4 (landscape) table."""
    st = _styles()
    w = _Words(lang, st)
    head = [w.head(zh, en) for zh, en in (("时间", "When"), ("人员", "Who"), ("工作站", "Station"),
                                          ("记录", "Record"), ("字段", "Field"), ("原值", "Old"), ("新值", "New"))]
    data: list[list[Any]] = [head]
    for r in rows:
        data.append([_p(r.when, st.cell), _p(f"{r.who} ({r.login})", st.cell), _p(r.station, st.cell),
                     _p(r.record, st.cell), _p(r.field_name(lang), st.cell), _p(r.old, st.cell),
                     _p(r.new, st.cell)])
    story: list[Any] = [Paragraph(_text(what), st.body), Spacer(1, 4), _grid(data, [30, 32, 22, 28, 32, 61, 62],
                                                                             long=True)]
    title = HISTORY_TITLE if w.zh else (HISTORY_TITLE[1], HISTORY_TITLE[0])
    doc = SimpleDocTemplate(str(out) if isinstance(out, Path) else out, pagesize=landscape(A4),
                            leftMargin=MARGIN, rightMargin=MARGIN, topMargin=TOP, bottomMargin=BOTTOM,
                            title=f"{HISTORY_TITLE[0]} {form.rma_no}", author=form.company, creator="RMA Station",
                            subject=HISTORY_TITLE[1], initialFontName=cjk_font())
    doc.build(story, canvasmaker=_page_canvas(_Frame(form, title)))


def history_header(session: Session, rma: Return) -> FormHeader:
    """The history's running header: the company and the return (it is not a controlled form)."""
    shared = load_shared(session)
    return FormHeader(form_no="—", revision="—", rma_no=rma.rma_no, company=shared.get("company_name", ""),
                      demo=shared.get(DEMO_KEY) == "1")
