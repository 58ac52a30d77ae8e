"""Supplier claims (reverse RMA) through the services on both backends: a claim from the
liability-2 lines to credit, the amount changed with a reason, refusals that say why, the
audit trail of every step, the numbering."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from app.errors import ValidationError, WorkflowError
from app.services import claims
from db.models import AuditLog, SupplierClaim
from tests.unit.services.claims_helpers import supplier, supplier_line
from tests.unit.services.helpers import decided


def test_a_claim_from_creation_to_credit(factory, actors) -> None:
    sid = supplier(factory, actors)
    l1, l2 = supplier_line(factory, actors), supplier_line(factory, actors, ratio="1")
    with factory() as s:
        assert [c.line_id for c in claims.claimable_lines(s, sid)] == [l1, l2]
    with factory.begin() as s:
        c = claims.create_claim(s, actors["qa"], sid, [l1], note="触点材料不良", today=date(2026, 3, 10))
        cid = c.id
        assert (c.claim_no, c.status, c.loss_amount, c.claimed_amount) == (
            "SC-2026-000001", "draft", Decimal("185.00"), Decimal("185.00"))
    with factory.begin() as s:
        claims.add_lines(s, actors["qa"], cid, [l2])
    with factory() as s:
        d = claims.claim_detail(s, cid)
        assert (d.lines, d.loss_amount, d.claimed_amount) == (2, Decimal("555.00"), Decimal("555.00"))
        assert [r.loss_cost for r in d.line_rows] == [Decimal("185.00"), Decimal("370.00")]
        assert claims.claimable_lines(s, sid) == []
    with factory.begin() as s, pytest.raises(ValidationError) as no_reason:
        claims.set_claimed_amount(s, actors["qa"], cid, "600.00", "")
    assert "原因" in no_reason.value.message("zh")
    with factory.begin() as s:
        claims.set_claimed_amount(s, actors["qa"], cid, "600.00", "另加检验费45元")
    with factory.begin() as s:
        claims.send(s, actors["qa"], cid, sent_on=date(2026, 3, 11))
    with factory.begin() as s, pytest.raises(WorkflowError):
        claims.add_lines(s, actors["qa"], cid, [supplier_line(factory, actors)])  # sent: no more lines
    with factory.begin() as s, pytest.raises(ValidationError) as too_much:
        claims.record_answer(s, actors["qa"], cid, "partly_accepted", accepted_amount="600.00")
    assert "600.00" in too_much.value.message("en")
    with factory.begin() as s:
        claims.record_answer(s, actors["qa"], cid, "partly_accepted", accepted_amount="500.00",
                             reply="检验费不认可", answered_on=date(2026, 3, 20))
    with factory.begin() as s, pytest.raises(ValidationError):
        claims.credit(s, actors["mgr"], cid, "500.01", credited_on=date(2026, 3, 25))
    with factory.begin() as s:
        claims.credit(s, actors["mgr"], cid, "500.00", credit_ref="CN-0325", credited_on=date(2026, 3, 25))
    with factory() as s:
        d = claims.claim_detail(s, cid)
        assert (d.status, d.claimed_amount, d.accepted_amount, d.recovered_amount, d.credit_ref) == (
            "credited", Decimal("600.00"), Decimal("500.00"), Decimal("500.00"), "CN-0325")
        assert isinstance(d.recovered_amount, Decimal)
        assert (d.sent_by, d.credited_by) == (actors["qa"].name, actors["mgr"].name)
        trail = [(a.action, a.field, a.new_value) for a in s.scalars(
            select(AuditLog).where(AuditLog.entity == "supplier_claim", AuditLog.entity_id == cid)
            .order_by(AuditLog.id))]
    fields = [f for _a, f, _v in trail]
    assert trail[0][:2] == ("insert", "*")
    assert ("update", "status", "credited") in trail and ("update", "recovered_amount", "500.00") in trail
    assert "amount_reason" in fields and "claimed_amount" in fields
    with factory() as s:
        lines = s.scalars(select(AuditLog).where(AuditLog.entity == "claim_line")).all()
        assert len(lines) == 2 and {a.user_login for a in lines} == {"qa"}


def test_a_rejected_claim_needs_the_reason_and_cannot_be_credited(factory, actors) -> None:
    sid = supplier(factory, actors)
    lid = supplier_line(factory, actors)
    with factory.begin() as s:
        cid = claims.create_claim(s, actors["eng"], sid, [lid]).id
        claims.send(s, actors["eng"], cid)
    with factory.begin() as s, pytest.raises(ValidationError):
        claims.record_answer(s, actors["eng"], cid, "rejected", reply="")
    with factory.begin() as s:
        claims.record_answer(s, actors["eng"], cid, "rejected", reply="来料检验合格,不予认可")
    with factory.begin() as s, pytest.raises(WorkflowError) as refused:
        claims.credit(s, actors["mgr"], cid, "10.00")
    assert "供方拒绝" in refused.value.message("zh")


def test_only_supplier_lines_once_and_by_quality_roles(factory, actors) -> None:
    sid = supplier(factory, actors)
    _rid, manufacturing = decided(factory, actors, liability=3)
    with factory.begin() as s, pytest.raises(WorkflowError) as not_supplier:
        claims.create_claim(s, actors["qa"], sid, [manufacturing])
    assert "3 Manufacturing" in not_supplier.value.message("en")
    lid = supplier_line(factory, actors)
    with factory.begin() as s, pytest.raises(WorkflowError):
        claims.create_claim(s, actors["sales"], sid, [lid])  # sales does not claim from suppliers
    with factory.begin() as s:
        claims.create_claim(s, actors["qa"], sid, [lid])
    with factory.begin() as s, pytest.raises(WorkflowError) as taken:
        claims.create_claim(s, actors["qa"], sid, [lid])
    assert "SC-" in taken.value.message("zh")
    with factory.begin() as s, pytest.raises(ValidationError):
        claims.create_claim(s, actors["qa"], sid, [])
    with factory() as s:
        assert s.scalars(select(SupplierClaim)).one().claim_no.endswith("000001")


def test_claim_numbers_count_up_per_year(factory, actors) -> None:
    sid = supplier(factory, actors)
    nos = []
    for year in (2026, 2026, 2027):
        lid = supplier_line(factory, actors)
        with factory.begin() as s:
            nos.append(claims.create_claim(s, actors["qa"], sid, [lid], today=date(year, 5, 1)).claim_no)
    assert nos == ["SC-2026-000001", "SC-2026-000002", "SC-2027-000001"]


def test_the_list_filters_by_status_supplier_text_and_days_sent(factory, actors) -> None:
    a = supplier(factory, actors)
    b = supplier(factory, actors, code="S-002", name="宁波塑胶件厂")
    ids = []
    for sid in (a, b, b):
        lid = supplier_line(factory, actors)
        with factory.begin() as s:
            ids.append(claims.create_claim(s, actors["qa"], sid, [lid]).id)
    with factory.begin() as s:
        claims.send(s, actors["qa"], ids[1], sent_on=date(2026, 3, 2))
        claims.send(s, actors["qa"], ids[2], sent_on=date(2026, 4, 2))
    with factory() as s:
        assert [r.id for r in claims.list_claims(s)] == ids[::-1]
        assert [r.id for r in claims.list_claims(s, status="draft")] == [ids[0]]
        assert [r.id for r in claims.list_claims(s, supplier_id=b)] == [ids[2], ids[1]]
        assert [r.id for r in claims.list_claims(s, text="宁波")] == [ids[2], ids[1]]
        assert [r.id for r in claims.list_claims(s, text="s-001")] == [ids[0]]
        assert [r.id for r in claims.list_claims(s, sent_from=date(2026, 3, 1), sent_to=date(2026, 3, 31))] == [ids[1]]


def month_of_claims(factory, actors) -> None:
    """Claims of February to April 2026; March: 4 sent for 888.00, 2 credited for 485.00, 2 open at its end."""
    sid = supplier(factory, actors)

    def claim(ratio: str, sent: date | None, answer: str | None = None, recovered: str | None = None,
              credited: date | None = None) -> None:
        lid = supplier_line(factory, actors, ratio=ratio)
        with factory.begin() as s:
            cid = claims.create_claim(s, actors["qa"], sid, [lid]).id
            if sent:
                claims.send(s, actors["qa"], cid, sent_on=sent)
            if answer:
                claims.record_answer(s, actors["qa"], cid, answer, reply="见回函", answered_on=sent)
            if recovered:
                claims.credit(s, actors["qa"], cid, recovered, credited_on=credited)

    claim("0.5", date(2026, 2, 20), "accepted", "185.00", date(2026, 3, 5))   # credited in March
    claim("1", date(2026, 3, 3), "accepted", "300.00", date(2026, 3, 20))     # sent and credited in March
    claim("0.3", date(2026, 3, 10))                                            # sent 111.00, open
    claim("0.1", date(2026, 3, 12), "rejected")                               # sent 37.00, rejected
    claim("0.2", None)                                                         # a draft: not sent
    claim("1", date(2026, 3, 30), "accepted", "370.00", date(2026, 4, 2))     # sent in March, credited April


def test_month_figures_are_exact(factory, actors) -> None:
    month_of_claims(factory, actors)
    with factory() as s:
        march = claims.month_figures(s, date(2026, 3, 1), date(2026, 4, 1))
        april = claims.month_figures(s, date(2026, 4, 1), date(2026, 5, 1))
    assert march == claims.ClaimFigures(sent=4, claimed=Decimal("888.00"), credited=2,
                                        recovered=Decimal("485.00"), open_at_end=2)
    assert april == claims.ClaimFigures(sent=0, claimed=Decimal("0"), credited=1,
                                        recovered=Decimal("370.00"), open_at_end=1)
