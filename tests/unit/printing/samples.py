"""Sample returns for the printing tests and previews: plain data, no database."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from app.printing.data import (
    AnalysisFormData,
    AnalysisRow,
    FormHeader,
    LabelData,
    LabourRow,
    LiaisonData,
    MaterialRow,
    NoticeData,
    NoticeLine,
    ReasonChoice,
    ReworkLine,
    ReworkOrderData,
    Signature,
)

RMA = "RMA-2026-000123"
CUSTOMER = "华东电气设备有限公司"
LONG_CUSTOMER = "苏州恒远自动化科技有限公司华东区域销售服务分公司"
LONG_MODEL = "NM1-125/3300 100A 塑壳断路器 带分励脱扣 Shunt trip accessory"


def form(form_no: str = "QR-8.3-02", revision: str = "B") -> FormHeader:
    return FormHeader(form_no=form_no, revision=revision, rma_no=RMA, company="示例电器有限公司")


LABEL = LabelData(barcode_text=f"{RMA}-2", rma_no=RMA, line_no=2, customer=CUSTOMER, model="DZ47-63 C16",
                  lot="L2601", qty=20, unit="只", received_on=date(2026, 3, 5), location="隔离区A-01",
                  liability_code=3, disposition="修复后再出货")

# line 12: the longest code of a return with up to 99 lines, names that cannot fit whole
LONG_LABEL = replace(LABEL, barcode_text=f"{RMA}-12", line_no=12, customer=LONG_CUSTOMER,
                     model=LONG_MODEL, disposition="修复后改售(降级使用, 客户同意)")

FRESH_LABEL = replace(LABEL, liability_code=None, disposition=None)


def notice_line(n: int, **kw) -> NoticeLine:
    values = dict(line_no=n, model=f"DZ47-63 C{n}", lot=f"L26{n:02d}", manufacture_date=date(2025, 12, 1),
                  qty_announced=20, qty_counted=20, unit="只", condition="已使用", reason="通电后不动作",
                  findings="触点烧蚀,外壳完好", preliminary_opinion="制造不良", final_cause="触点材料不良,焊接温度偏低",
                  liability_code=3, disposition="修复后再出货", refund_ratio=Decimal("0.5"), rework_qty=20,
                  qty_qualified=18, qty_unqualified=1, qty_scrapped=1)
    values.update(kw)
    return NoticeLine(**values)


NOTICE = NoticeData(
    form=form("QR-8.3-01", "A"), customer=CUSTOMER, arrival="物流发回", order_no="SO-2026-0311",
    delivery_no="DN-88120", invoice_no="INV-5531", received_on=date(2026, 3, 5), received_by="王仓管",
    location="隔离区A-01", urgency="紧急", notes="外箱破损一处,已拍照",
    lines=[notice_line(1), notice_line(2, model="NM1-125/3300 100A", condition="未拆封", qty_announced=5,
                                       qty_counted=4, liability_code=6, disposition="报废", refund_ratio=Decimal("1"),
                                       final_cause="运输途中挤压变形", rework_qty=None, qty_qualified=None,
                                       qty_unqualified=None, qty_scrapped=None)],
    sales_requirements="按质保处理,合格后退回客户", sales_confirmed=Signature("李销售", date(2026, 3, 5)),
    approval_note="同意", approved=Signature("张总", date(2026, 3, 6)),
    materials=[MaterialRow(1, "M-1001", "银合金触点", 20, "个", Decimal("1.80"), Decimal("36.00")),
               MaterialRow(1, "M-2002", "外壳", 2, "个", Decimal("6.50"), Decimal("13.00"))],
    labour=[LabourRow(1, "赵师傅", Decimal("2.50"), Decimal("32.00"), Decimal("80.00"))],
    other_cost=Decimal("15.00"), loss_cost=Decimal("356.00"),
    inspected=Signature("陈品质", date(2026, 3, 6)), decided=Signature("周工", date(2026, 3, 7)),
    rework_planned=Signature("孙计划", date(2026, 3, 7)), reinspected=Signature(),
)


def analysis_row(n: int, **kw) -> AnalysisRow:
    values = dict(line_no=n, model=f"DZ47-63 C{n}", manufacture_date=date(2025, 12, 1), qty=10, unit="只",
                  unit_price=Decimal("18.50"), amount=Decimal("185.00"), reason="通电后不动作",
                  final_cause="触点焊接温度偏低,虚焊", liability_code=3, disposition="修复后再出货",
                  refund_ratio=Decimal("0.5"), refund=Decimal("92.50"))
    values.update(kw)
    return AnalysisRow(**values)


# refunds 92.50 + 1,317.00 = 1,409.50 → 壹仟肆佰零玖元伍角
ANALYSIS = AnalysisFormData(
    form=form(), customer=CUSTOMER, on=date(2026, 3, 5),
    rows=[analysis_row(1),
          analysis_row(2, model="NM1-125/3300 100A 塑壳断路器", qty=6, unit="台", unit_price=Decimal("219.50"),
                       amount=Decimal("1317.00"), reason="运输后外壳开裂,无法合闸",
                       final_cause="运输途中受挤压,包装缓冲不足", liability_code=6, disposition="报废",
                       refund_ratio=Decimal("1"), refund=Decimal("1317.00"))],
    signoffs={"销售代表": Signature("李销售", date(2026, 3, 8)), "品质测试技术员": Signature("陈品质", date(2026, 3, 8))},
)


def analysis_many(n: int) -> AnalysisFormData:
    return AnalysisFormData(form=form(), customer=CUSTOMER, on=date(2026, 3, 5),
                            rows=[analysis_row(i) for i in range(1, n + 1)])


LIAISON = LiaisonData(
    form=form("QR-8.3-03", "A"), customer=CUSTOMER,
    reasons=[ReasonChoice("顾客使用不当", True), ReasonChoice("非本公司产品", False),
             ReasonChoice("客户需要补货", True)],
    text="第1行产品接线端子有过载烧蚀痕迹,属使用不当;客户要求补发同型号20只。", raised_by="陈品质",
    raised_on=date(2026, 3, 6), lines=[notice_line(1)], acknowledged=Signature("李销售", date(2026, 3, 7)),
)

REWORK = ReworkOrderData(
    form=form("QR-8.3-04", "A"), customer=CUSTOMER,
    lines=[ReworkLine(1, "DZ47-63 C16", "L2601", 20, "只", "修复后再出货", "触点材料不良,焊接温度偏低",
                      date(2026, 3, 7), date(2026, 3, 9))],
    instructions="更换触点后做通断及温升试验,合格后贴合格标签。",
    materials=NOTICE.materials, labour=NOTICE.labour, planned=Signature("孙计划", date(2026, 3, 7)),
)
