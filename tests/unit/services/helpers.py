"""Building returns in tests through the real services, step by step."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

from sqlalchemy import event
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


PW = "1234"  # the demo users' password: the steps that are e-signatures re-enter it


def signed_decided(factory: Any, actors: Any, disposition: str = "refund") -> tuple[int, int]:
    """A return confirmed, approved and its first line decided, each step signed as the window signs."""
    rid = received(factory, actors)
    with factory.begin() as s:
        returns.confirm_by_sales(s, actors["sales"], rid, "按质保处理", password=PW)
    with factory.begin() as s:
        returns.approve(s, actors["mgr"], rid, "同意", password=PW)
    lid = line_ids(factory, rid)[0]
    with factory.begin() as s:
        inspection.record_inspection(s, actors["qa"], lid, findings="触点烧蚀", defect_category_id=None,
                                     preliminary_opinion="制造不良")
    with factory.begin() as s:
        inspection.decide(s, actors["eng"], lid, final_cause="焊接温度偏低", liability_code=3,
                          disposition=disposition, refund_ratio="1" if disposition == "refund" else "0",
                          password=PW)
    return rid, lid


def signed_planned(factory: Any, actors: Any) -> tuple[int, int]:
    rid, lid = signed_decided(factory, actors, disposition="repair_reship")
    with factory.begin() as s:
        rework.plan_rework(s, actors["pmc"], lid, planned_on=date(2026, 3, 6))
    return rid, lid


@contextmanager
def statements(engine: Any) -> Iterator[list[str]]:
    """The SQL statements sent while the block runs (a round trip each)."""
    sent: list[str] = []

    def listen(_c: Any, _cur: Any, statement: str, _p: Any, _ctx: Any, _many: bool) -> None:
        # the statements of the action; the transaction's own BEGIN (SQLite's goes through the
        # cursor, psycopg's does not) and its end are the same for every action, not counted
        if not statement.startswith("BEGIN"):
            sent.append(statement)

    event.listen(engine, "before_cursor_execute", listen)
    try:
        yield sent
    finally:
        event.remove(engine, "before_cursor_execute", listen)
