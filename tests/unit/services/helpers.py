"""Building returns in tests through the real services, step by step."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session, sessionmaker

from app.services import inspection, returns, rework
from app.services.context import Actor
from app.services.returns import LineDraft, ReturnDraft

CUSTOMER = "华东电气设备有限公司"


def draft(*lines: LineDraft, received_on: date = date(2026, 3, 5), **kw) -> ReturnDraft:
    return ReturnDraft(
        customer=kw.pop("customer", CUSTOMER), arrival_method=kw.pop("arrival_method", "logistics"),
        received_on=received_on, storage_location=kw.pop("storage_location", "隔离区A-01"),
        order_no=kw.pop("order_no", "SO-2026-0311"),
        lines=list(lines) or [LineDraft(model="DZ47-63 C16", qty_counted=20, lot_no="L2601")], **kw,
    )


def received(factory: sessionmaker[Session], actors: dict[str, Actor], d: ReturnDraft | None = None) -> int:
    with factory.begin() as s:
        return returns.receive_return(s, actors["wh"], d or draft()).id


def approved(factory, actors, d: ReturnDraft | None = None) -> int:
    rid = received(factory, actors, d)
    with factory.begin() as s:
        returns.confirm_by_sales(s, actors["sales"], rid, "按质保处理,合格后退回")
    with factory.begin() as s:
        returns.approve(s, actors["mgr"], rid, "同意")
    return rid


def line_ids(factory, rid: int) -> list[int]:
    with factory() as s:
        return [ln.id for ln in returns.get_return(s, rid).lines]


def decided(factory, actors, disposition: str = "repair_reship", liability: int = 3,
            ratio: str = "0.5", d: ReturnDraft | None = None) -> tuple[int, int]:
    rid = approved(factory, actors, d)
    lid = line_ids(factory, rid)[0]
    with factory.begin() as s:
        inspection.record_inspection(s, actors["qa"], lid, findings="触点烧蚀", defect_category_id=None,
                                     preliminary_opinion="制造不良")
    with factory.begin() as s:
        inspection.decide(s, actors["eng"], lid, final_cause="触点材料不良,焊接温度偏低",
                          liability_code=liability, disposition=disposition, refund_ratio=ratio)
    return rid, lid


def planned(factory, actors, **kw) -> tuple[int, int]:
    rid, lid = decided(factory, actors, **kw)
    with factory.begin() as s:
        rework.plan_rework(s, actors["pmc"], lid, planned_on=date(2026, 3, 6))
    return rid, lid
