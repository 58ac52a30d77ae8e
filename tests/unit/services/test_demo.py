"""The demo filler leaves a database the services and reports can trust."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func, select

from app.money import money
from app.services import returns
from app.services.demo import fill_demo
from db.models import (
    CorrectiveAction,
    LiaisonNote,
    Return,
    ReturnLine,
    ReworkLabour,
    ReworkMaterial,
)


def test_demo_covers_every_state_with_consistent_costs(factory, actors) -> None:
    assert fill_demo(factory, 300, today=date(2026, 11, 23)) == 300
    with factory() as s:
        assert s.scalar(select(func.count(Return.id))) == 300
        statuses = set(s.scalars(select(ReturnLine.status).distinct()))
        assert {"received", "inspection", "decision", "rework", "reinspection", "done",
                "cancelled"} <= statuses
        nos = list(s.scalars(select(Return.rma_no)))
        assert len(set(nos)) == 300
        for line in s.scalars(select(ReturnLine).where(ReturnLine.status == "done").limit(200)):
            mats = s.scalar(select(func.count()).select_from(ReworkMaterial)
                            .where(ReworkMaterial.line_id == line.id))
            assert line.loss_cost == money(line.material_cost + line.labour_cost + line.other_cost
                                           + line.scrapped_value + line.refund_amount)
            if line.qty_qualified is not None:
                assert line.qty_qualified + line.qty_unqualified + line.qty_scrapped == line.rework_qty
                assert mats >= 1
        assert s.scalar(select(func.count(ReworkLabour.id))) > 0
        # liaison notes to sales exactly where the decision calls for one
        owed = {(ln.id, "customer_misuse") for ln in s.scalars(select(ReturnLine).where(ReturnLine.liability_code == 1))}
        owed |= {(ln.id, "not_our_product") for ln in s.scalars(
            select(ReturnLine).where(ReturnLine.liability_code.is_not(None), ReturnLine.is_our_product.is_(False)))}
        notes = {(n.line_id, n.reason) for n in s.scalars(select(LiaisonNote))}
        assert notes == owed and len(notes) > 5
        # every serious line has its 8D; a closed 8D carries its verification
        serious = set(s.scalars(select(ReturnLine.id).where(ReturnLine.serious.is_(True))))
        cas = list(s.scalars(select(CorrectiveAction)))
        assert {ca.line_id for ca in cas} == serious and serious
        assert all(ca.verification for ca in cas if ca.status == "closed")
    # the services keep numbering after the demo's reserved numbers, on both backends
    from tests.unit.services.helpers import draft, received
    rid = received(factory, actors, draft(received_on=date(2026, 11, 23)))
    with factory() as s:
        rma = returns.get_return(s, rid)
        assert rma.rma_no.startswith("RMA-2026-") and rma.rma_no not in nos


def test_demo_over_several_years_makes_a_month_a_small_part(factory) -> None:
    today = date(2026, 11, 23)
    assert fill_demo(factory, 600, today=today, years=5, seed=3) == 600
    with factory() as s:
        first, last = s.execute(select(func.min(Return.received_on), func.max(Return.received_on))).one()
        assert first >= date(2021, 11, 23) and last <= today
        assert (last - first).days > 4 * 365  # spread over the five years, not one
        per_month: dict[tuple[int, int], int] = {}
        for received in s.scalars(select(Return.received_on)):
            per_month[(received.year, received.month)] = per_month.get((received.year, received.month), 0) + 1
        assert len(per_month) > 50 and max(per_month.values()) < 600 / 20
        # the old ones are done with; the last weeks still have work in every step
        recent = select(ReturnLine.status).join(Return).where(Return.received_on >= today - timedelta(days=40))
        assert len(set(s.scalars(recent.distinct())) - {"done", "cancelled"}) >= 2
        old = select(Return.status).where(Return.received_on < today - timedelta(days=365))
        assert set(s.scalars(old.distinct())) <= {"closed", "cancelled"}
        # every liability occurs, each year has its own numbers from 1
        assert set(s.scalars(select(ReturnLine.liability_code).distinct())) >= set(range(1, 10))
        years = {n[4:8] for n in s.scalars(select(Return.rma_no))}
        assert years == {str(y) for y in range(2021, 2027)}
        assert s.scalar(select(Return.rma_no).where(Return.rma_no.like("RMA-2022-%")).order_by(Return.rma_no)) \
            == "RMA-2022-000001"
        assert set(s.scalars(select(Return.source).distinct())) == {"demo"}


def test_demo_years_must_be_at_least_one(factory) -> None:
    import pytest

    with pytest.raises(ValueError, match="years"):
        fill_demo(factory, 5, years=0)


def test_a_fill_of_many_chunks_writes_each_once_and_reports_them_in_order(factory, monkeypatch) -> None:
    """Chunks are written on a writer thread while the next is made: every chunk lands once,
    each in its own transaction, and progress counts them as they are in."""
    import app.services.demo as demo

    monkeypatch.setattr(demo, "CHUNK", 40)
    seen: list[tuple[int, int]] = []
    assert fill_demo(factory, 130, today=date(2026, 11, 23), progress=lambda d, n: seen.append((d, n))) == 130
    assert seen == [(40, 130), (80, 130), (120, 130), (130, 130)]
    with factory() as s:
        assert s.scalar(select(func.count(Return.id))) == 130
        nos = list(s.scalars(select(Return.rma_no)))
        assert len(set(nos)) == 130
        orphans = s.scalar(select(func.count(ReturnLine.id)).where(
            ReturnLine.return_id.not_in(select(Return.id))))
        assert orphans == 0
        # each return's lines are numbered 1…n without a gap (no chunk's lines met another's)
        for _rid, count, top in s.execute(select(ReturnLine.return_id, func.count(), func.max(ReturnLine.line_no))
                                         .group_by(ReturnLine.return_id)):
            assert count == top

