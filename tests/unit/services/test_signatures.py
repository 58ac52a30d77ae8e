"""E-signatures (Part 11): signing with the password, the signature's fields, append-only in
the database, and voiding when a signed record changes — on SQLite and PostgreSQL."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session, sessionmaker

from app.errors import StationError, ValidationError, WorkflowError
from app.services import corrections, inspection, returns, rework, signatures
from app.services.context import Actor
from app.services.corrections import HeaderAmend, LineAmend
from app.services.returns import LineDraft
from app.services.signatures import Step
from db.engine import unit_of_work
from db.models import LoginEvent, Signature, SignatureVoid, User
from tests.unit.services.helpers import draft, line_ids, received

PW = "1234"


def _confirm(factory: sessionmaker[Session], actors: dict[str, Actor], rid: int, password: str = PW) -> None:
    with factory.begin() as s:
        returns.confirm_by_sales(s, actors["sales"], rid, "按质保处理", password=password)


def _sigs(factory: sessionmaker[Session]) -> list[tuple[Signature, SignatureVoid | None]]:
    with factory() as s:
        return [(sig, void) for sig, void in s.execute(
            select(Signature, SignatureVoid).outerjoin(SignatureVoid, SignatureVoid.signature_id == Signature.id)
            .order_by(Signature.id)).all()]


def _amend_notes(factory, actors, rid: int, notes: str, reason: str = "备注写错") -> None:
    with factory.begin() as s:
        rma = returns.get_return(s, rid)
        header = HeaderAmend(customer=rma.customer_id, arrival_method=rma.arrival_method,
                             received_on=rma.received_on, order_no=rma.order_no, delivery_no=rma.delivery_no,
                             invoice_no=rma.invoice_no, storage_location=rma.storage_location,
                             urgency=rma.urgency, notes=notes)
        lines = [LineAmend(line_id=ln.id, expected_version=ln.version,
                           draft=LineDraft(model=ln.product.model, qty_counted=ln.qty_counted,
                                           qty_announced=ln.qty_announced, lot_no=ln.lot_no,
                                           unit_price=ln.unit_price, customer_reason=ln.customer_reason))
                 for ln in rma.lines]
        corrections.amend_receipt(s, actors["wh"], rid, header=header, lines=lines, reason=reason)


def test_sales_confirmation_signed_with_the_right_password_stores_every_field(factory, actors, engine) -> None:
    rid = received(factory, actors)
    before = datetime.now(UTC) - timedelta(seconds=5)
    _confirm(factory, actors, rid)
    [(sig, void)] = _sigs(factory)
    assert void is None
    assert (sig.record_table, sig.record_id, sig.return_id) == ("rma_return", rid, rid)
    assert (sig.step, sig.meaning) == ("sales_confirm", "confirm")
    assert sig.signer_login == "sales" and sig.signer_id == actors["sales"].user_id
    with factory() as s:
        assert sig.signer_name == s.get(User, actors["sales"].user_id).name
        rma = returns.get_return(s, rid)
        assert sig.content_hash == signatures.content_hash(rma, Step.SALES_CONFIRM)
    assert len(sig.content_hash) == 64 and int(sig.content_hash, 16) >= 0
    assert sig.station == "test"
    assert sig.signed_at.tzinfo is not None and sig.signed_at >= before


def test_the_content_hash_is_sha256_of_the_signed_content(factory, actors) -> None:
    rid = received(factory, actors)
    with factory() as s:
        rma = returns.get_return(s, rid)
        h = signatures.content_hash(rma, Step.SALES_CONFIRM)
        rma.sales_requirements = "改了"
        assert signatures.content_hash(rma, Step.SALES_CONFIRM) != h
        s.rollback()
    assert h != hashlib.sha256(b"").hexdigest()


def test_a_wrong_password_is_refused_counts_toward_lockout_and_changes_nothing(factory, actors) -> None:
    rid = received(factory, actors)
    # a unit of work as the station runs it (a refused password commits the refused attempt)
    with pytest.raises(ValidationError) as err, unit_of_work(factory) as s:
        returns.confirm_by_sales(s, actors["sales"], rid, "按质保处理", password="wrong")
    assert err.value.key == "signature_wrong_password" and err.value.field == "password"
    assert "密码" in err.value.message("zh") and "password" in err.value.message("en")
    with factory() as s:
        assert returns.get_return(s, rid).status == "received"
        assert s.scalar(select(func.count()).select_from(Signature)) == 0
        user = s.get(User, actors["sales"].user_id)
        assert user.failed_logins == 1
        event = s.scalars(select(LoginEvent).order_by(LoginEvent.id.desc())).first()
        assert (event.login, event.success, event.reason) == ("sales", False, "wrong_password")


def test_five_wrong_signature_passwords_lock_the_user(factory, actors) -> None:
    rid = received(factory, actors)
    for _ in range(5):
        with pytest.raises(StationError), unit_of_work(factory) as s:
            returns.confirm_by_sales(s, actors["sales"], rid, "x", password="wrong")
    with pytest.raises(StationError) as err, unit_of_work(factory) as s:
        returns.confirm_by_sales(s, actors["sales"], rid, "x", password=PW)
    assert err.value.key == "account_locked"
    with factory() as s:
        assert returns.get_return(s, rid).status == "received"


def test_update_and_delete_of_signatures_are_refused_by_the_database(factory, actors, engine) -> None:
    rid = received(factory, actors)
    _confirm(factory, actors, rid)
    _amend_notes(factory, actors, rid, "改备注")  # a void row too
    for sql in ("UPDATE signature SET signer_login = 'mgr'", "DELETE FROM signature",
                "UPDATE signature_void SET reason = 'x'", "DELETE FROM signature_void"):
        with pytest.raises(DatabaseError, match="append-only"), engine.begin() as c:
            c.execute(text(sql))
    if engine.dialect.name == "postgresql":
        for table in ("signature", "signature_void"):
            with pytest.raises(DatabaseError, match="append-only"), engine.begin() as c:
                c.execute(text(f"TRUNCATE {table} CASCADE"))
    with factory() as s:
        assert s.scalar(select(func.count()).select_from(Signature)) == 1
        assert s.scalar(select(func.count()).select_from(SignatureVoid)) == 1


def test_a_change_to_the_signed_notice_voids_the_confirmation_and_it_can_be_signed_again(factory, actors) -> None:
    rid = received(factory, actors)
    _confirm(factory, actors, rid)
    _amend_notes(factory, actors, rid, "改备注")  # not money: the return stays confirmed
    [(sig, void)] = _sigs(factory)
    assert void is not None and void.reason == "changed" and void.voided_by_login == "wh"
    assert void.voided_at >= sig.signed_at
    with factory() as s:
        rma = returns.get_return(s, rid)
        assert rma.status == "confirmed"
        assert signatures.is_void(s, rma, Step.SALES_CONFIRM)
        view = signatures.latest(s, rma)["sales_confirm"]
        assert view.void and view.voided_by == s.get(User, actors["wh"].user_id).name
    with pytest.raises(WorkflowError), factory.begin() as s:
        signatures.sign_again(s, actors["mgr"], "rma_return", rid, Step.SALES_CONFIRM, PW)  # not sales
    with factory.begin() as s:
        signatures.sign_again(s, actors["sales"], "rma_return", rid, Step.SALES_CONFIRM, PW)
    with factory() as s:
        assert not signatures.is_void(s, returns.get_return(s, rid), Step.SALES_CONFIRM)
    with pytest.raises(WorkflowError) as err, factory.begin() as s:
        signatures.sign_again(s, actors["sales"], "rma_return", rid, Step.SALES_CONFIRM, PW)
    assert err.value.key == "signature_already_signed"


def test_later_steps_of_the_workflow_leave_earlier_signatures_valid(factory, actors) -> None:
    rid = received(factory, actors)
    _confirm(factory, actors, rid)
    with factory.begin() as s:
        returns.approve(s, actors["mgr"], rid, "同意", password=PW)
    lid = line_ids(factory, rid)[0]
    with factory.begin() as s:
        inspection.record_inspection(s, actors["qa"], lid, findings="触点烧蚀", defect_category_id=None,
                                     preliminary_opinion="制造不良")
    with factory.begin() as s:
        inspection.decide(s, actors["eng"], lid, final_cause="焊接温度偏低", liability_code=3,
                          disposition="repair_reship", refund_ratio="0", password=PW)
    with factory.begin() as s:
        rework.plan_rework(s, actors["pmc"], lid, planned_on=datetime.now().date())
    with factory.begin() as s:
        rework.finish_rework(s, actors["pmc"], lid)
    with factory.begin() as s:
        rework.record_reinspection(s, actors["qa"], lid, qualified=20, unqualified=0, scrapped=0, password=PW)
    rows = _sigs(factory)
    assert [(sig.step, sig.meaning) for sig, _ in rows] == [
        ("sales_confirm", "confirm"), ("manager_approve", "approve"), ("decision", "decide"),
        ("release", "release")]
    assert all(void is None for _, void in rows)


def test_an_amended_decision_voids_the_old_decision_signature(factory, actors) -> None:
    from tests.unit.services.helpers import approved

    rid = approved(factory, actors)
    lid = line_ids(factory, rid)[0]
    with factory.begin() as s:
        inspection.record_inspection(s, actors["qa"], lid, findings="触点烧蚀", defect_category_id=None,
                                     preliminary_opinion="制造不良")
    with factory.begin() as s:
        inspection.decide(s, actors["eng"], lid, final_cause="焊接温度偏低", liability_code=3,
                          disposition="repair_reship", refund_ratio="0", password=PW)
    with factory.begin() as s:
        corrections.amend_decision(s, actors["eng"], lid, final_cause="来料不良", liability_code=2,
                                   disposition="return_supplier", refund_ratio="0", reason="复核",
                                   password=PW)
    (old, old_void), (new, new_void) = _sigs(factory)
    assert old_void is not None and old_void.reason == "changed" and old_void.voided_by_login == "eng"
    assert new_void is None and new.content_hash != old.content_hash


def test_countersigning_the_analysis_form_and_a_reopened_return_voids_it(factory, actors) -> None:
    from tests.unit.services.helpers import decided

    rid, lid = decided(factory, actors, disposition="refund", liability=3, ratio="1")
    with pytest.raises(WorkflowError), factory.begin() as s:
        signatures.countersign(s, actors["sales"], rid, Step.ANALYSIS_PMC, PW)  # not production
    with factory.begin() as s:
        signatures.countersign(s, actors["pmc"], rid, Step.ANALYSIS_PMC, PW)
    with pytest.raises(WorkflowError) as err, factory.begin() as s:
        signatures.countersign(s, actors["pmc"], rid, Step.ANALYSIS_PMC, PW)
    assert err.value.key == "signature_already_signed"
    with factory.begin() as s:
        returns.close_return(s, actors["qa"], rid)
    with factory.begin() as s:
        corrections.reopen_return(s, actors["mgr"], rid, reason="客户追加索赔")
    [(sig, void)] = _sigs(factory)
    assert (sig.step, sig.meaning) == ("analysis_pmc", "countersign")
    assert void is not None and (void.reason, void.voided_by_login, void.detail) == ("reopened", "mgr", "客户追加索赔")


def test_a_countersign_before_every_line_is_decided_is_refused(factory, actors) -> None:
    rid = received(factory, actors, draft())
    with pytest.raises(WorkflowError) as err, factory.begin() as s:
        signatures.countersign(s, actors["qa"], rid, Step.ANALYSIS_QA_TESTER, PW)
    assert err.value.key == "signature_not_due"


def test_on_postgresql_a_user_signs_at_the_servers_clock_whatever_time_they_bring(factory, actors, engine) -> None:
    """A role other than the owner inserting a signature with a forged time gets the server's
    clock_timestamp() (trigger of migration 0010); the owner keeps its (a copy's) times."""
    rid = received(factory, actors)
    before = datetime.now(UTC)
    _confirm(factory, actors, rid)
    after = datetime.now(UTC)
    if engine.dialect.name == "sqlite":
        # one file on this machine: its clock is this machine's, taken while signing
        [(sig, _void)] = _sigs(factory)
        assert before <= sig.signed_at <= after
        return
    role = f"rma_sig_test_{engine.url.database}"[:63]
    forged = "INSERT INTO signature (record_table, record_id, step, meaning, signer_id, signer_login, " \
             "signer_name, station, signed_at, content_hash) SELECT record_table, record_id, step, meaning, " \
             "signer_id, signer_login, signer_name, station, TIMESTAMP '2000-01-01 00:00', content_hash " \
             "FROM signature LIMIT 1"
    with engine.begin() as c:
        c.execute(text(f'CREATE ROLE "{role}" NOLOGIN'))
    try:
        with engine.begin() as c:
            c.execute(text(f'GRANT SELECT, INSERT ON signature TO "{role}"'))
            c.execute(text(f'GRANT USAGE ON SEQUENCE signature_id_seq TO "{role}"'))
            c.execute(text(f'SET LOCAL ROLE "{role}"'))
            c.execute(text(forged))
            c.execute(text(forged.replace("LIMIT 1", "LIMIT 0")))
        with engine.begin() as c:
            c.execute(text(forged))  # as the owner: the time it brings stays
            years = [int(y) for y in c.execute(text(
                "SELECT extract(year FROM signed_at) FROM signature ORDER BY id")).scalars()]
        assert years[1] == datetime.now(UTC).year and years[2] == 2000
    finally:
        with engine.begin() as c:
            c.execute(text(f'DROP OWNED BY "{role}"'))
            c.execute(text(f'DROP ROLE "{role}"'))


def test_an_8d_changed_after_its_verification_must_be_verified_again_before_closing(factory, actors) -> None:
    from app.services import eightd
    from tests.unit.services.test_followup import _filled, _opened

    _rid, _lid, ca_id = _opened(factory, actors)
    with factory.begin() as s:
        eightd.update_sections(s, actors["eng"], ca_id, _filled(s, ca_id))
    with factory.begin() as s:
        eightd.verify(s, actors["qa"], ca_id, PW)
    with factory.begin() as s:
        draft = eightd.SectionsDraft.of(eightd.get_8d(s, ca_id))
        draft.root_cause = "焊接温度偏低,且来料镀层偏薄"
        eightd.update_sections(s, actors["eng"], ca_id, draft)
    with pytest.raises(WorkflowError) as err, factory.begin() as s:
        eightd.close(s, actors["qa"], ca_id, PW)
    assert err.value.key == "eightd_not_verified"
    with factory.begin() as s:
        eightd.verify(s, actors["qa"], ca_id, PW)
    with factory.begin() as s:
        eightd.close(s, actors["qa"], ca_id, PW)
    steps = [(sig.step, sig.meaning, void.reason if void else None) for sig, void in _sigs(factory)]
    assert steps == [("eightd_verify", "confirm", "changed"), ("eightd_verify", "confirm", None),
                     ("eightd_close", "approve", None)]


def test_a_signed_record_changed_by_sql_behind_the_stations_back_shows_the_signature_void(factory, actors,
                                                                                         engine) -> None:
    rid = received(factory, actors)
    _confirm(factory, actors, rid)
    with engine.begin() as c:  # e.g. psql: no session event sees it
        c.execute(text("UPDATE rma_return SET sales_requirements = '全额退款' WHERE id = :id"), {"id": rid})
    with factory() as s:
        view = signatures.latest(s, returns.get_return(s, rid))["sales_confirm"]
        assert view.void and view.tampered
    with factory.begin() as s:
        signatures.sign_again(s, actors["sales"], "rma_return", rid, Step.SALES_CONFIRM, PW)
    with factory() as s:
        view = signatures.latest(s, returns.get_return(s, rid))["sales_confirm"]
        assert not view.void
    assert [void.reason if void else None for _sig, void in _sigs(factory)] == ["superseded", None]
