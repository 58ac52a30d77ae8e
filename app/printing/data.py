"""Plain data for labels and slips: what the paper shows, already in the user's language.

Values are str, int, Decimal, date or None — never database rows — so the printing code
runs and is tested without a database; app.printing.records fills these from records.
Every class is frozen; sequences given as lists are stored as tuples.
Money is Decimal; quantities are whole numbers; hours are Decimal.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from decimal import Decimal
from types import MappingProxyType
from typing import Any

from app.money import ZERO


def _freeze(obj: Any) -> None:
    """Turn list fields into tuples and dict fields into read-only mappings (frozen data)."""
    for f in fields(obj):
        value = getattr(obj, f.name)
        if isinstance(value, list):
            object.__setattr__(obj, f.name, tuple(value))
        elif isinstance(value, dict):
            object.__setattr__(obj, f.name, MappingProxyType(dict(value)))


# ---------------------------------------------------------------- labels


@dataclass(frozen=True)
class LabelData:
    """One goods label per return line, stuck on the goods at the receiving desk."""

    barcode_text: str          # RMA-2026-000123-2: what the scanner reads
    rma_no: str
    line_no: int
    customer: str
    model: str                 # 型号规格
    lot: str
    qty: int
    unit: str
    received_on: date
    location: str              # isolation area (隔离区)
    liability_code: int | None = None
    disposition: str | None = None  # already in the user's language
    demo: bool = False         # from a demo database: the label says 演示数据 DEMO


# ---------------------------------------------------------------- shared slip parts


@dataclass(frozen=True)
class FormHeader:
    """What every controlled form prints in its header: 编号, 版次 and the RMA number."""

    form_no: str               # 编号, e.g. QR-8.3-02
    revision: str              # 版次, e.g. A
    rma_no: str
    company: str = ""
    demo: bool = False         # from a demo database: every page says 演示数据 DEMO


@dataclass(frozen=True)
class Signature:
    """A recorded sign-off: who and when. Empty fields leave the box for a pen.

    An e-signature (app.services.signatures) brings its time too (`at`, printed to the
    minute); a void one prints 已失效 instead of a name, the box to be signed again."""

    name: str = ""
    on: date | None = None
    at: datetime | None = None
    void: bool = False


@dataclass(frozen=True)
class MaterialRow:
    """Rework material consumed (返工材料), for the external loss cost."""

    line_no: int
    code: str
    name: str
    qty: Decimal               # measured: 2.5 m, 0.35 kg (3 places at most)
    unit: str
    unit_cost: Decimal
    cost: Decimal


@dataclass(frozen=True)
class LabourRow:
    """Rework labour (返工工时)."""

    line_no: int
    worker: str
    hours: Decimal
    rate: Decimal              # per hour
    cost: Decimal


# ---------------------------------------------------------------- 客退品处理通知单


@dataclass(frozen=True)
class NoticeLine:
    """One returned line as the handling notice collects it, step by step."""

    line_no: int
    model: str
    lot: str
    manufacture_date: date | None
    qty_announced: int | None  # None: the customer announced none (to verify)
    qty_counted: int
    unit: str
    condition: str             # 未拆封 / 已使用 / 破损, in the user's language
    reason: str                # the customer's stated reason
    findings: str = ""         # QA inspection result
    preliminary_opinion: str = ""
    final_cause: str = ""      # engineering's final cause
    liability_code: int | None = None
    disposition: str = ""      # in the user's language
    refund_ratio: Decimal | None = None
    rework_qty: int | None = None
    qty_qualified: int | None = None
    qty_unqualified: int | None = None
    qty_scrapped: int | None = None
    warranty: str = ""         # claims: 保内 / 保外 / 质保未知 and the last day, at receipt


@dataclass(frozen=True)
class NoticeData:
    """客退品处理通知单: raised at receipt, it travels with the goods and collects every step."""

    form: FormHeader
    customer: str
    arrival: str               # 物流发回 / 销售带回 / 客户送回, in the user's language
    order_no: str
    delivery_no: str
    invoice_no: str
    received_on: date
    received_by: str
    location: str
    urgency: str               # 紧急 / 一般 / 非紧急, in the user's language
    notes: str
    lines: tuple[NoticeLine, ...]
    sales_requirements: str = ""
    sales_confirmed: Signature = Signature()
    approval_note: str = ""
    approved: Signature = Signature()
    materials: tuple[MaterialRow, ...] = ()
    labour: tuple[LabourRow, ...] = ()
    other_cost: Decimal = ZERO
    loss_cost: Decimal | None = None   # 质量外部损失成本 as the services computed it
    inspected: Signature = Signature()  # QA inspector
    decided: Signature = Signature()    # engineering's final decision
    rework_planned: Signature = Signature()
    reinspected: Signature = Signature()

    def __post_init__(self) -> None:
        _freeze(self)


# ---------------------------------------------------------------- 退货分析处理单


@dataclass(frozen=True)
class Photo:
    """A photo of the return for the analysis form's appendix: the image and its caption."""

    image: bytes
    caption: str

# The six signature boxes of the analysis form, in the paper's order.
ANALYSIS_ROLES: tuple[str, ...] = ("销售代表", "退货小组", "品质测试技术员", "销售主管", "售后服务办",
                                   "计划物控")


@dataclass(frozen=True)
class AnalysisRow:
    """One returned line on the analysis form."""

    line_no: int
    model: str
    manufacture_date: date | None
    qty: int
    unit: str
    unit_price: Decimal
    amount: Decimal
    reason: str
    final_cause: str
    liability_code: int | None
    disposition: str
    refund_ratio: Decimal | None
    refund: Decimal


@dataclass(frozen=True)
class AnalysisFormData:
    """退货分析处理单: one row per line, the total refund, six signatures.

    `total_refund` defaults to the sum of the rows' refunds; when given it must equal that
    sum, so the closing line never disagrees with the table above it. `signoffs` maps the
    names of ANALYSIS_ROLES to recorded signatures (missing roles print empty boxes).
    """

    form: FormHeader
    customer: str
    on: date
    rows: tuple[AnalysisRow, ...]
    total_refund: Decimal | None = None
    number: str = ""           # the form's No.; the RMA number when empty
    signoffs: Mapping[str, Signature] = field(default_factory=dict)
    photos: tuple[Photo, ...] = ()  # printed on an appendix page after the form

    def __post_init__(self) -> None:
        _freeze(self)
        total = sum((r.refund for r in self.rows), ZERO)
        if self.total_refund is None:
            object.__setattr__(self, "total_refund", total)
        elif self.total_refund != total:
            raise ValueError(f"total refund {self.total_refund} differs from the rows' sum {total}")
        unknown = set(self.signoffs) - set(ANALYSIS_ROLES)
        if unknown:
            raise ValueError(f"unknown signature boxes: {', '.join(sorted(unknown))}")


# ---------------------------------------------------------------- 联络单


@dataclass(frozen=True)
class ReasonChoice:
    """One printed reason box of the liaison note, ticked when it applies."""

    text: str                  # 顾客使用不当 …, in the user's language
    chosen: bool


@dataclass(frozen=True)
class LiaisonData:
    """联络单 to sales: customer misuse, goods not ours, or replacement goods needed."""

    form: FormHeader
    customer: str
    reasons: tuple[ReasonChoice, ...]
    text: str
    raised_by: str
    raised_on: date
    lines: tuple[NoticeLine, ...]
    to: str = "营销部"
    sender: str = "品质部"
    acknowledged: Signature = Signature()
    reply: str = ""            # sales' answer, printed in its box

    def __post_init__(self) -> None:
        _freeze(self)


# ---------------------------------------------------------------- 返工单


@dataclass(frozen=True)
class ReworkLine:
    """One line for production to rework or re-sort."""

    line_no: int
    model: str
    lot: str
    qty: int                   # quantity to rework
    unit: str
    disposition: str           # in the user's language
    final_cause: str
    planned_on: date | None
    due_on: date | None


@dataclass(frozen=True)
class ReworkOrderData:
    """返工单: what production reworks, by when, with what; costs booked so far."""

    form: FormHeader
    customer: str
    lines: tuple[ReworkLine, ...]
    instructions: str
    materials: tuple[MaterialRow, ...] = ()
    labour: tuple[LabourRow, ...] = ()
    planned: Signature = Signature()   # the planner who planned it
    reinspected: Signature = Signature()

    def __post_init__(self) -> None:
        _freeze(self)
