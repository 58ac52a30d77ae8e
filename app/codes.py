"""The fixed code lists of the domain, each in one place.

The database stores codes, never translated text (InvenTree's lesson); names in
Chinese and English come from here. The liability table is also seeded into the
database by the first migration so reports can join on it, from these same rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


@dataclass(frozen=True)
class Coded:
    code: str
    zh: str
    en: str

    def name(self, lang: str = "zh") -> str:
        return self.zh if lang.startswith("zh") else self.en


# 责任划分代号 — codes fixed by the procedure.
LIABILITY: dict[int, Coded] = {
    1: Coded("1", "顾客", "Customer"),
    2: Coded("2", "供方", "Supplier"),
    3: Coded("3", "制造", "Manufacturing"),
    4: Coded("4", "售后", "After-sales service"),
    5: Coded("5", "物控", "Planning & material control"),
    6: Coded("6", "运输", "Transport"),
    7: Coded("7", "设计", "Design"),
    8: Coded("8", "销售", "Sales"),
    9: Coded("9", "其它", "Other"),
}

# Words people write in logs for a liability, beside the names above.
LIABILITY_SYNONYMS: dict[str, int] = {
    "顾客": 1, "客户": 1, "用户": 1, "customer": 1,
    "供方": 2, "供应商": 2, "供货商": 2, "supplier": 2,
    "制造": 3, "生产": 3, "manufacturing": 3, "production": 3,
    "售后": 4, "after-sales": 4, "aftersales": 4, "service": 4,
    "物控": 5, "计划物控": 5, "pmc": 5,
    "运输": 6, "物流": 6, "transport": 6, "logistics": 6,
    "设计": 7, "研发": 7, "design": 7,
    "销售": 8, "营销": 8, "sales": 8,
    "其它": 9, "其他": 9, "other": 9, "others": 9,
}


def liability_name(code: int | None, lang: str = "zh") -> str:
    if code is None:
        return "未判定" if lang.startswith("zh") else "Undecided"
    return LIABILITY[code].name(lang)


def liability_label(code: int | None, lang: str = "zh") -> str:
    """'3 制造' — how the forms and the legend print a code."""
    if code is None:
        return liability_name(None, lang)
    return f"{code} {liability_name(code, lang)}"


class Disposition(StrEnum):
    """产品处置, in the procedure's order of preference, then the RMA outcomes."""

    REPAIR_RESHIP = "repair_reship"
    REPAIR_RESELL = "repair_resell"
    CONCESSION = "concession"
    SCRAP = "scrap"
    RETURN_SUPPLIER = "return_supplier"
    RETURN_CUSTOMER = "return_customer"
    EXCHANGE = "exchange"
    REFUND = "refund"
    REPAIR = "repair"


DISPOSITIONS: dict[Disposition, Coded] = {
    Disposition.REPAIR_RESHIP: Coded("repair_reship", "修复后再出货", "Repair, then ship again"),
    Disposition.REPAIR_RESELL: Coded("repair_resell", "修复后改售", "Repair, then sell elsewhere"),
    Disposition.CONCESSION: Coded("concession", "降级/让步使用", "Downgrade / concession use"),
    Disposition.SCRAP: Coded("scrap", "报废", "Scrap"),
    Disposition.RETURN_SUPPLIER: Coded("return_supplier", "退供应商", "Return to supplier"),
    Disposition.RETURN_CUSTOMER: Coded("return_customer", "原样退回客户", "Send back to customer as is"),
    Disposition.EXCHANGE: Coded("exchange", "换货", "Exchange"),
    Disposition.REFUND: Coded("refund", "退款", "Refund / credit"),
    Disposition.REPAIR: Coded("repair", "维修", "Repair"),
}

# Dispositions whose goods go through production rework and re-inspection.
REWORK_DISPOSITIONS: frozenset[Disposition] = frozenset(
    {Disposition.REPAIR_RESHIP, Disposition.REPAIR_RESELL, Disposition.CONCESSION,
     Disposition.REPAIR, Disposition.EXCHANGE}
)

DISPOSITION_SYNONYMS: dict[str, Disposition] = {
    "修复后再出货": Disposition.REPAIR_RESHIP, "返修出货": Disposition.REPAIR_RESHIP,
    "返修后出货": Disposition.REPAIR_RESHIP, "修复后出货": Disposition.REPAIR_RESHIP,
    "修复后改售": Disposition.REPAIR_RESELL, "改售": Disposition.REPAIR_RESELL,
    "返修后改售": Disposition.REPAIR_RESELL,
    "降级": Disposition.CONCESSION, "让步": Disposition.CONCESSION, "让步使用": Disposition.CONCESSION,
    "报废": Disposition.SCRAP, "scrap": Disposition.SCRAP,
    "退供应商": Disposition.RETURN_SUPPLIER, "退供方": Disposition.RETURN_SUPPLIER,
    "退回客户": Disposition.RETURN_CUSTOMER, "原样退回": Disposition.RETURN_CUSTOMER,
    "换货": Disposition.EXCHANGE, "exchange": Disposition.EXCHANGE,
    "退款": Disposition.REFUND, "refund": Disposition.REFUND, "退货退款": Disposition.REFUND,
    "维修": Disposition.REPAIR, "返修": Disposition.REPAIR, "repair": Disposition.REPAIR,
    "返工": Disposition.REPAIR,
}


class Role(StrEnum):
    WAREHOUSE = "warehouse"
    SALES = "sales"
    MANAGER = "manager"
    QA = "qa"
    ENGINEERING = "engineering"
    PRODUCTION = "production"
    ADMIN = "admin"


ROLES: dict[Role, Coded] = {
    Role.WAREHOUSE: Coded("warehouse", "仓管员", "Warehouse keeper"),
    Role.SALES: Coded("sales", "销售", "Sales"),
    Role.MANAGER: Coded("manager", "总经理/主管", "Manager"),
    Role.QA: Coded("qa", "品质检验", "QA inspector"),
    Role.ENGINEERING: Coded("engineering", "技术部", "Engineering"),
    Role.PRODUCTION: Coded("production", "生产计划", "Production planner"),
    Role.ADMIN: Coded("admin", "系统管理员", "Administrator"),
}


class ArrivalMethod(StrEnum):
    LOGISTICS = "logistics"
    SALES = "sales"
    CUSTOMER = "customer"


ARRIVAL_METHODS: dict[ArrivalMethod, Coded] = {
    ArrivalMethod.LOGISTICS: Coded("logistics", "物流发回", "By logistics"),
    ArrivalMethod.SALES: Coded("sales", "销售带回", "Brought back by sales"),
    ArrivalMethod.CUSTOMER: Coded("customer", "客户送回", "Delivered by the customer"),
}


class Urgency(StrEnum):
    URGENT = "urgent"
    NORMAL = "normal"
    LOW = "low"


URGENCIES: dict[Urgency, Coded] = {
    Urgency.URGENT: Coded("urgent", "紧急", "Urgent"),
    Urgency.NORMAL: Coded("normal", "一般", "Normal"),
    Urgency.LOW: Coded("low", "非紧急", "Not urgent"),
}


class Condition(StrEnum):
    UNOPENED = "unopened"
    USED = "used"
    DAMAGED = "damaged"


CONDITIONS: dict[Condition, Coded] = {
    Condition.UNOPENED: Coded("unopened", "未拆封", "Unopened"),
    Condition.USED: Coded("used", "已使用", "Used"),
    Condition.DAMAGED: Coded("damaged", "破损", "Damaged"),
}


class ReturnStatus(StrEnum):
    """The handling notice's progress (one per return)."""

    RECEIVED = "received"          # registered and counted at the warehouse desk
    CONFIRMED = "confirmed"        # sales confirmed, handling requirements signed
    APPROVED = "approved"          # manager approved: lines go to QA
    CLOSED = "closed"
    CANCELLED = "cancelled"


RETURN_STATUSES: dict[ReturnStatus, Coded] = {
    ReturnStatus.RECEIVED: Coded("received", "已登记", "Received"),
    ReturnStatus.CONFIRMED: Coded("confirmed", "销售已确认", "Confirmed by sales"),
    ReturnStatus.APPROVED: Coded("approved", "已批准", "Approved"),
    ReturnStatus.CLOSED: Coded("closed", "已结案", "Closed"),
    ReturnStatus.CANCELLED: Coded("cancelled", "已取消", "Cancelled"),
}


class LineStatus(StrEnum):
    """Where one returned line stands; the scan opens the tab that fits it."""

    RECEIVED = "received"            # waiting for sales confirmation / approval
    INSPECTION = "inspection"        # approved: waiting for QA inspection
    DECISION = "decision"            # inspected: waiting for engineering's final decision
    REWORK = "rework"                # decided for rework: planner plans and books costs
    REINSPECTION = "reinspection"    # rework done: waiting for re-inspection counts
    DONE = "done"                    # disposition carried out / re-inspected
    CANCELLED = "cancelled"


LINE_STATUSES: dict[LineStatus, Coded] = {
    LineStatus.RECEIVED: Coded("received", "待审批", "Awaiting approval"),
    LineStatus.INSPECTION: Coded("inspection", "待检验", "Awaiting inspection"),
    LineStatus.DECISION: Coded("decision", "待判定", "Awaiting decision"),
    LineStatus.REWORK: Coded("rework", "返工中", "In rework"),
    LineStatus.REINSPECTION: Coded("reinspection", "待复检", "Awaiting re-inspection"),
    LineStatus.DONE: Coded("done", "已完成", "Done"),
    LineStatus.CANCELLED: Coded("cancelled", "已取消", "Cancelled"),
}
