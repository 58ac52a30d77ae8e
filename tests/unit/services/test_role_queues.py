"""What waits for whom: the counts the tabs' titles show (收货待登记 … 待结案)."""

from __future__ import annotations

from datetime import date

from app.services import inspection, returns
from app.services.queues import RoleQueue, queue_counts, queues_for_roles
from tests.unit.services.helpers import approved, decided, draft, line_ids, received


def test_each_queue_counts_what_waits_and_what_is_late(factory, actors) -> None:
    received(factory, actors, draft(received_on=date(2026, 3, 5)))
    received(factory, actors, draft(received_on=date(2026, 3, 9)))
    confirmed = received(factory, actors, draft(received_on=date(2026, 3, 9)))
    with factory.begin() as s:
        returns.confirm_by_sales(s, actors["sales"], confirmed, "按质保处理")
    approved(factory, actors)                      # a line to inspect
    inspected = line_ids(factory, approved(factory, actors))[0]
    with factory.begin() as s:                     # a line to decide
        inspection.record_inspection(s, actors["qa"], inspected, findings="触点烧蚀",
                                     defect_category_id=None, preliminary_opinion="制造不良")
    decided(factory, actors)                       # repair and reship: a line for the rework
    decided(factory, actors, disposition="scrap")  # scrapped: every line done, to close
    with factory() as s:
        on_time = queue_counts(s, list(RoleQueue), date(2026, 3, 10))
        late = queue_counts(s, list(RoleQueue), date(2030, 1, 1))
    counts = {q: (c.count, c.overdue) for q, c in on_time.items()}
    assert counts[RoleQueue.SALES] == counts[RoleQueue.REGISTER] == (2, 1)  # the 5th: > 2 days at the desk
    assert counts[RoleQueue.APPROVE] == (1, 0)
    assert on_time[RoleQueue.INSPECT].count == 1
    assert on_time[RoleQueue.DECIDE].count == 1
    assert on_time[RoleQueue.REWORK].count == 1
    assert counts[RoleQueue.REINSPECT] == (0, 0)
    assert counts[RoleQueue.CLOSE] == (1, 0)
    assert late[RoleQueue.INSPECT].overdue == 1 and late[RoleQueue.DECIDE].overdue == 1
    assert late[RoleQueue.REWORK].overdue == 1 and late[RoleQueue.SALES].overdue == 2


def test_the_queues_of_each_role() -> None:
    assert queues_for_roles(["sales"]) == [RoleQueue.SALES]
    assert queues_for_roles(["manager"]) == [RoleQueue.APPROVE, RoleQueue.CLOSE]
    assert queues_for_roles(["qa"]) == [RoleQueue.INSPECT, RoleQueue.REINSPECT, RoleQueue.CLOSE]
    assert queues_for_roles(["warehouse", "sales"]) == [RoleQueue.REGISTER, RoleQueue.SALES]
    assert queues_for_roles(["admin"]) == list(RoleQueue)
