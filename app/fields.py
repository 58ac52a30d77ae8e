"""Field names as users see them, in Chinese and English, for validation messages.

Messages name the field at fault; the form marks the widget of the same key red.
"""

from __future__ import annotations

FIELD_LABELS: dict[str, tuple[str, str]] = {
    "customer": ("客户", "Customer"),
    "arrival_method": ("来货方式", "Arrival method"),
    "received_on": ("收货日期", "Date received"),
    "storage_location": ("隔离存放位置", "Isolation location"),
    "urgency": ("紧急程度", "Urgency"),
    "lines": ("退货明细", "Return lines"),
    "product": ("型号规格", "Model/spec"),
    "model": ("型号规格", "Model/spec"),
    "lot_no": ("批号", "Lot"),
    "manufacture_date": ("出厂日期", "Manufacture date"),
    "qty_announced": ("通知数量", "Announced quantity"),
    "qty_counted": ("清点数量", "Counted quantity"),
    "qty": ("数量", "Quantity"),
    "unit": ("单位", "Unit"),
    "unit_price": ("单价", "Unit price"),
    "amount": ("金额", "Amount"),
    "condition": ("状态", "Condition"),
    "findings": ("检验结果", "Findings"),
    "defect_category": ("不良类别", "Defect category"),
    "preliminary_opinion": ("初步意见", "Preliminary opinion"),
    "final_cause": ("最终原因分析", "Final cause analysis"),
    "liability_code": ("责任判定", "Liability"),
    "disposition": ("产品处置", "Disposition"),
    "refund_ratio": ("退款比例", "Refund ratio"),
    "planned_on": ("计划日期", "Planned date"),
    "rework_qty": ("返工数量", "Rework quantity"),
    "material_name": ("材料名称", "Material"),
    "material_qty": ("材料数量", "Material quantity"),
    "unit_cost": ("单位成本", "Unit cost"),
    "worker": ("作业人员", "Worker"),
    "hours": ("工时", "Hours"),
    "hourly_rate": ("小时工资率", "Hourly rate"),
    "other_cost": ("其它费用", "Other costs"),
    "qty_qualified": ("合格数", "Qualified"),
    "qty_unqualified": ("不合格数", "Unqualified"),
    "qty_scrapped": ("报废数", "Scrapped"),
    "owner": ("负责人", "Owner"),
    "due_on": ("完成期限", "Due date"),
    "reason": ("原因", "Reason"),
    "login": ("用户名", "User name"),
    "password": ("密码", "Password"),
    "name": ("名称", "Name"),
}


def label(field: str) -> tuple[str, str]:
    return FIELD_LABELS.get(field, (field, field))
