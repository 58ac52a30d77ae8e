"""The bench's form read (app.services.line_form): everything a scan shows in one statement,
and the same signatures, void marks and warranty verdict as the services' own reads show —
on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import text

from app.services import corrections, inspection, returns, settings, signatures, warranty
from app.services.line_form import line_for_form
from app.services.returns import LineDraft
from tests.unit.services.helpers import (
    PW,
    draft,
    line_ids,
    received,
    signed_decided,
    signed_planned,
    statements,
)


def test_a_decided_line_with_a_void_and_a_valid_signature_and_its_warranty_in_one_statement(
        factory, actors, engine) -> None:
    rid, lid = signed_decided(factory, actors)
    with factory.begin() as s:  # the decision amended: its first signature is void, the new one valid
        corrections.amend_decision(s, actors["eng"], lid, final_cause="来料不良", liability_code=2,
                                   disposition="return_supplier", refund_ratio="0", reason="复核", password=PW)
    with factory.begin() as s:
        warranty.set_basis_date(s, actors["wh"], lid, "shipped", returns.get_return(s, rid).received_on)
    with factory() as s, statements(engine) as sent:
        form = line_for_form(s, lid)
    assert len(sent) == 1, "\n\n".join(sent)
    with factory() as s:
        line = returns.get_line(s, lid)
        assert form.signatures == signatures.latest(s, line)
        assert form.warranty == warranty.of_line(s, lid)
    decision = form.signatures["decision"]
    assert not decision.void and decision.signer_login == "eng" and decision.signed_at.tzinfo is not None
    assert (form.warranty.verdict, form.warranty.basis) == ("in", "shipped")


def test_a_signature_changed_behind_the_stations_back_reads_void_in_the_form(factory, actors, engine) -> None:
    _rid, lid = signed_decided(factory, actors)
    with engine.begin() as c:  # e.g. psql: no session event sees it
        c.execute(text("UPDATE return_line SET final_cause = '改过' WHERE id = :id"), {"id": lid})
    with factory() as s:
        view = line_for_form(s, lid).signatures["decision"]
    assert view.void and view.tampered


def test_the_rework_form_brings_the_planner_the_rate_and_the_returns_signatures_in_one_statement(
        factory, actors, engine) -> None:
    rid, lid = signed_planned(factory, actors)
    with factory.begin() as s:
        settings.save_shared(s, actors["mgr"], {"labour_rate": "45.50"})
    with factory() as s, statements(engine) as sent:
        form = line_for_form(s, lid, rework=True)
    assert len(sent) == 1, "\n\n".join(sent)
    with factory() as s:
        assert form.return_signatures == signatures.latest(s, returns.get_return(s, rid))
        assert form.signatures == signatures.latest(s, returns.get_line(s, lid))
    assert [(st, v.signer_login) for st, v in form.return_signatures.items()] == [
        ("sales_confirm", "sales"), ("manager_approve", "mgr")]
    assert not form.signatures["decision"].void
    assert form.planner == actors["pmc"].name
    assert form.labour_rate == Decimal("45.50")


def test_an_out_of_warranty_line_confirmed_by_sales_and_the_default_rate(factory, actors) -> None:
    rid = received(factory, actors, draft(LineDraft(model="DZ47-63 C16", qty_counted=5,
                                                    manufacture_date=date(2020, 1, 1))))
    lid = line_ids(factory, rid)[0]
    with factory.begin() as s:
        warranty.confirm_out_of_warranty(s, actors["sales"], lid, "有偿维修")
    with factory() as s:
        form = line_for_form(s, lid, rework=True)
    assert (form.warranty.verdict, form.warranty.sales_confirmed_by) == ("out", actors["sales"].name)
    assert form.signatures == {} and form.labour_rate == Decimal(settings.SHARED_DEFAULTS["labour_rate"])


def test_an_inspected_line_without_signatures(factory, actors) -> None:
    from tests.unit.services.helpers import approved

    lid = line_ids(factory, approved(factory, actors, draft()))[0]
    with factory.begin() as s:
        inspection.record_inspection(s, actors["qa"], lid, findings="外壳破损", defect_category_id=None,
                                     preliminary_opinion="客户使用不当")
    with factory() as s:
        form = line_for_form(s, lid)
        assert form.line.findings == "外壳破损" and form.signatures == {}
