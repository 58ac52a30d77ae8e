"""Electronic signatures (21 CFR Part 11 §11.50, §11.70, §11.200) of the workflow steps.

Which steps are signatures: sales' confirmation (确认), the manager's approval (批准),
engineering's decision (判定), the re-inspection's release (放行), the six sign-offs of the
return analysis form (会签) and the 8D's verification and closure. Each signature stores
the signer's login and printed name as they were, the time (the server's clock on
PostgreSQL: a trigger sets it from clock_timestamp(); this machine's on SQLite, whose file
is on this machine), its meaning, and a SHA-256 of the content of the record as signed
(`content_hash`). The `signature` table is append-only (migration 0010).

A later change to a signed record's content voids its signature: a session event compares
the content of every signed record a flush changes with the hash it was signed with and
writes a `SignatureVoid` (by whom, when, why) in the same flush — no service can forget
it. Reopening a return voids the analysis form's sign-offs explicitly (its content may not
have changed yet, but what was signed as final is open again). The step then asks to be
signed again: either it is taken again (a return sent back to sales), or `sign_again`
signs the record as it now is.

The signer re-enters their password (`check_signer`): in per-user-role mode on
PostgreSQL the server authenticates a fresh connection as that user; otherwise (SQLite,
or a server the stations reach as one owner) the station's Argon2 hash. Failures count
toward the log-in lockout of app.services.users.

Call order in a unit of work: `check_signer` first, before anything is written (a refused
password rolls the unit back and commits the refused attempt, as a failed log-in is); then
the step; then `record_signature`. The step services take `password=` and do this.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from sqlalchemy import URL, and_, create_engine, event, or_, select, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

from app.codes import LineStatus, ReturnStatus, Role
from app.errors import StationError, ValidationError, WorkflowError
from app.services.context import Actor, bind_actor, check_version, require_role
from app.services.passwords import verify_password
from app.services.users import _local_time, _wrong_password, server_now
from db.models import (
    CorrectiveAction,
    CorrectiveActionItem,
    Return,
    ReturnLine,
    Signature,
    SignatureVoid,
    User,
)
from db.types import utcnow

__all__ = [
    "ANALYSIS_BOXES", "MEANINGS", "STEPS", "Meaning", "SignatureView", "Step", "check_signer",
    "content_hash", "countersign", "latest", "latest_of", "password_ok", "record_signature", "sign", "sign_again",
    "signatures_of_return", "void_signatures",
]


class Meaning(StrEnum):
    """What a signature means (§11.50(a)(3)); codes in the database, names below."""

    CONFIRM = "confirm"          # 确认
    APPROVE = "approve"          # 批准
    DECIDE = "decide"            # 判定
    RELEASE = "release"          # 放行
    COUNTERSIGN = "countersign"  # 会签


MEANINGS: dict[Meaning, tuple[str, str]] = {
    Meaning.CONFIRM: ("确认", "Confirm"),
    Meaning.APPROVE: ("批准", "Approve"),
    Meaning.DECIDE: ("判定", "Decide"),
    Meaning.RELEASE: ("放行", "Release"),
    Meaning.COUNTERSIGN: ("会签", "Countersign"),
}


class Step(StrEnum):
    """The signed steps, as stored in signature.step."""

    SALES_CONFIRM = "sales_confirm"
    MANAGER_APPROVE = "manager_approve"
    DECISION = "decision"
    RELEASE = "release"
    # the six sign-offs of the return analysis form, in the paper's order
    ANALYSIS_SALES_REP = "analysis_sales_rep"          # 销售业务员
    ANALYSIS_RETURN_GROUP = "analysis_return_group"    # 退货组
    ANALYSIS_QA_TESTER = "analysis_qa_tester"          # 品管部试验员
    ANALYSIS_SALES_HEAD = "analysis_sales_head"        # 销售部负责人
    ANALYSIS_AFTER_SALES = "analysis_after_sales"      # 售后服务室
    ANALYSIS_PMC = "analysis_pmc"                      # 计划物控部
    EIGHTD_VERIFY = "eightd_verify"
    EIGHTD_CLOSE = "eightd_close"


VOID_CHANGED = "changed"        # the signed content changed
VOID_REOPENED = "reopened"      # the return was reopened
VOID_SUPERSEDED = "superseded"  # the same step was signed again


# ---------------------------------------------------------------- what each step signs


def _v(value: Any) -> Any:
    """A value as it goes into the hash: the same before and after a round trip through
    either database (Decimal('1.50') and Decimal('1.5') are one amount)."""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def _pick(obj: Any, names: Iterable[str]) -> dict[str, Any]:
    return {n: _v(getattr(obj, n)) for n in names}


_NOTICE_FIELDS = ("customer_id", "arrival_method", "order_no", "delivery_no", "invoice_no", "received_on",
                  "storage_location", "urgency", "notes")
_NOTICE_LINE_FIELDS = ("line_no", "product_id", "lot_no", "manufacture_date", "qty_announced", "qty_counted",
                       "unit", "unit_price", "amount", "customer_reason", "is_our_product", "condition")
_DECISION_FIELDS = ("return_id", "line_no", "product_id", "qty_counted", "findings", "defect_category_id",
                    "preliminary_opinion", "final_cause", "liability_code", "disposition", "refund_ratio",
                    "serious", "refund_amount")
_RELEASE_FIELDS = ("return_id", "line_no", "product_id", "rework_qty", "qty_qualified", "qty_unqualified",
                   "qty_scrapped")
_ANALYSIS_LINE_FIELDS = ("line_no", "product_id", "manufacture_date", "qty_counted", "unit", "unit_price",
                         "amount", "customer_reason", "final_cause", "liability_code", "disposition",
                         "refund_ratio", "refund_amount")
_EIGHTD_FIELDS = ("return_id", "line_id", "owner", "due_on", "team", "problem", "problem_what",
                  "problem_where", "problem_when", "problem_who", "problem_why", "problem_how",
                  "problem_how_many", "containment", "root_cause", "corrective_action", "implementation",
                  "verification", "preventive_action", "standards_updated", "fmea_updated",
                  "control_plan_updated")


def _notice(rma: Return) -> dict[str, Any]:
    """The handling notice as sales confirms it: header and every line (cancelled ones marked)."""
    content = _pick(rma, _NOTICE_FIELDS)
    content["lines"] = [dict(_pick(ln, _NOTICE_LINE_FIELDS), cancelled=ln.status == LineStatus.CANCELLED.value)
                        for ln in sorted(rma.lines, key=lambda ln: ln.line_no)]
    return content


def _confirm_content(rma: Return) -> dict[str, Any]:
    return dict(_notice(rma), sales_requirements=rma.sales_requirements)


def _approve_content(rma: Return) -> dict[str, Any]:
    return dict(_confirm_content(rma), approval_note=rma.approval_note)


def _analysis_content(rma: Return) -> dict[str, Any]:
    """The analysis form's rows (lines not cancelled) and the customer."""
    return dict(customer_id=rma.customer_id,
                lines=[_pick(ln, _ANALYSIS_LINE_FIELDS) for ln in sorted(rma.lines, key=lambda ln: ln.line_no)
                       if ln.status != LineStatus.CANCELLED.value])


def _eightd_verify_content(ca: CorrectiveAction) -> dict[str, Any]:
    return dict(_pick(ca, _EIGHTD_FIELDS),
                items=[_pick(i, ("d_step", "text", "owner", "due_on", "done_on", "status"))
                       for i in sorted(ca.items, key=lambda i: i.id or 0)])


def _eightd_close_content(ca: CorrectiveAction) -> dict[str, Any]:
    return dict(_eightd_verify_content(ca), closure=ca.closure, customer_reply_on=_v(ca.customer_reply_on))


@dataclass(frozen=True)
class StepRule:
    """One signed step: what it means, on which records, by whom, and what it signs."""

    meaning: Meaning
    model: type
    roles: tuple[Role, ...]
    name: tuple[str, str]
    content: Callable[[Any], dict[str, Any]]


_ANALYSIS = "analysis"
STEPS: dict[Step, StepRule] = {
    Step.SALES_CONFIRM: StepRule(Meaning.CONFIRM, Return, (Role.SALES,), ("销售确认", "Sales confirmation"),
                                 _confirm_content),
    Step.MANAGER_APPROVE: StepRule(Meaning.APPROVE, Return, (Role.MANAGER,), ("总经理批准", "Manager's approval"),
                                   _approve_content),
    Step.DECISION: StepRule(Meaning.DECIDE, ReturnLine, (Role.ENGINEERING,), ("技术部判定", "Engineering's decision"),
                            lambda ln: _pick(ln, _DECISION_FIELDS)),
    Step.RELEASE: StepRule(Meaning.RELEASE, ReturnLine, (Role.QA,), ("复检放行", "Re-inspection release"),
                           lambda ln: _pick(ln, _RELEASE_FIELDS)),
    Step.ANALYSIS_SALES_REP: StepRule(Meaning.COUNTERSIGN, Return, (Role.SALES,), ("销售业务员", "Sales representative"),
                                      _analysis_content),
    Step.ANALYSIS_RETURN_GROUP: StepRule(Meaning.COUNTERSIGN, Return, (Role.WAREHOUSE, Role.QA),
                                         ("退货组", "Return group"), _analysis_content),
    Step.ANALYSIS_QA_TESTER: StepRule(Meaning.COUNTERSIGN, Return, (Role.QA,), ("品管部试验员", "QA test technician"),
                                      _analysis_content),
    Step.ANALYSIS_SALES_HEAD: StepRule(Meaning.COUNTERSIGN, Return, (Role.SALES, Role.MANAGER),
                                       ("销售部负责人", "Head of sales"), _analysis_content),
    Step.ANALYSIS_AFTER_SALES: StepRule(Meaning.COUNTERSIGN, Return, (Role.SALES, Role.QA),
                                        ("售后服务室", "After-sales service office"), _analysis_content),
    Step.ANALYSIS_PMC: StepRule(Meaning.COUNTERSIGN, Return, (Role.PRODUCTION,),
                                ("计划物控部", "Planning and material control"), _analysis_content),
    Step.EIGHTD_VERIFY: StepRule(Meaning.CONFIRM, CorrectiveAction, (Role.QA,), ("8D效果验证", "8D verification"),
                                 _eightd_verify_content),
    Step.EIGHTD_CLOSE: StepRule(Meaning.APPROVE, CorrectiveAction, (Role.QA,), ("8D关闭", "8D closure"),
                                _eightd_close_content),
}
#: the analysis form's six boxes in the paper's order (app.printing.data.ANALYSIS_ROLES)
ANALYSIS_BOXES: tuple[Step, ...] = (
    Step.ANALYSIS_SALES_REP, Step.ANALYSIS_RETURN_GROUP, Step.ANALYSIS_QA_TESTER,
    Step.ANALYSIS_SALES_HEAD, Step.ANALYSIS_AFTER_SALES, Step.ANALYSIS_PMC,
)


def _table(record: Any) -> str:
    return str(type(record).__tablename__)


def _return_id(record: Any) -> int | None:
    return record.id if isinstance(record, Return) else getattr(record, "return_id", None)


def content_hash(record: Any, step: Step | str) -> str:
    """SHA-256 (hex) of what `step` signs of `record`, as it is in memory now."""
    step = Step(step)
    rule = STEPS[step]
    payload = {"record": _table(record), "id": record.id, "step": step.value, "content": rule.content(record)}
    data = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


# ---------------------------------------------------------------- the signer's password


def _is_database_user(session: Session, login: str) -> bool:
    """Whether the server knows this person as a login role of their own (per-user-role mode)."""
    return bool(session.scalar(text("SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :login AND rolcanlogin)"),
                               {"login": login}))


def _server_authenticates(url: URL, login: str, password: str) -> bool:
    """A fresh connection to the same server and database as `login` with `password`."""
    engine = create_engine(url.set(username=login, password=password), poolclass=NullPool)
    try:
        with engine.connect():
            return True
    except OperationalError as exc:
        # libpq reports no SQLSTATE for a refused connection; it does say whether the server
        # asked for the password and was given it: then the server refused that password
        # (28P01). Anything else (server gone) is the database's error, classified by the
        # caller's unit of work.
        pgconn = getattr(exc.orig, "pgconn", None)
        if getattr(exc.orig, "sqlstate", None) in ("28P01", "28000") or getattr(pgconn, "used_password", False):
            return False
        raise
    finally:
        engine.dispose()


def password_ok(session: Session, user: User, password: str) -> bool:
    """The one place that decides how a signer's password is checked.

    PostgreSQL in per-user-role mode (the signer is a login role of the server): the server
    authenticates a fresh connection as that user — the station's copy of the hash is not
    what signs. Otherwise (SQLite; a server reached as one owner, the dev/test set-up): the
    station's Argon2id hash (app.services.passwords)."""
    if not password:
        return False
    bind = session.get_bind()
    if bind.dialect.name == "postgresql" and _is_database_user(session, user.login):
        return _server_authenticates(bind.url, user.login, password)
    return verify_password(password, user.password_hash)


def check_signer(session: Session, actor: Actor, password: str) -> User:
    """The acting user re-enters their password to sign; their user row, or an error.

    Call it before the unit of work writes anything: a wrong password rolls the unit back,
    counts toward the log-in lockout (5 in a row lock for 15 minutes, app.services.users),
    records the refused attempt and commits that alone, then raises
    ValidationError("signature_wrong_password", field "password"). A locked user is
    refused with "account_locked" even with the right password."""
    user = session.get(User, actor.user_id)
    if user is None or not user.active:
        raise WorkflowError("signature_signer_inactive", login=actor.login)
    now = server_now(session)
    if user.locked_until is not None and user.locked_until > now:
        raise StationError("account_locked", until=_local_time(user.locked_until))
    if not password_ok(session, user, password):
        session.rollback()
        user = session.get(User, actor.user_id)
        assert user is not None  # it was there a moment ago; users are never deleted
        raise _wrong_password(session, user, actor.login, actor.station, now,
                              ValidationError("signature_wrong_password", field_name="password"))
    if user.failed_logins:
        user.failed_logins = 0
    return user


# ---------------------------------------------------------------- signing and voiding


def _clock(session: Session) -> datetime:
    """The signature's time: the server's clock_timestamp() on PostgreSQL (the trigger of
    migration 0010 sets it again on insert, so no station can bring its own), else this
    machine's."""
    if session.get_bind().dialect.name == "postgresql":
        value = session.scalar(text("SELECT clock_timestamp()"))
        if isinstance(value, datetime) and value.tzinfo is not None:
            return value.astimezone(UTC)
    return utcnow()


def _valid(session: Session, record_table: str, record_id: int, step: Step | None = None) -> list[Signature]:
    stmt = (select(Signature).outerjoin(SignatureVoid, SignatureVoid.signature_id == Signature.id)
            .where(SignatureVoid.id.is_(None), Signature.record_table == record_table,
                   Signature.record_id == record_id).order_by(Signature.id))
    if step is not None:
        stmt = stmt.where(Signature.step == step.value)
    with session.no_autoflush:
        return list(session.scalars(stmt))


def _voider(session: Session) -> tuple[str, str]:
    actor = session.info.get("actor")
    if actor is not None:
        return actor.login, actor.name
    login = session.info.get("user_login", "system")
    return login, login


def _void(session: Session, sig: Signature, reason: str, detail: str = "") -> SignatureVoid:
    login, name = _voider(session)
    row = SignatureVoid(signature_id=sig.id, voided_by_login=login[:64], voided_by_name=name[:100],
                        voided_at=_clock(session), reason=reason, detail=detail)
    session.add(row)
    return row


def record_signature(session: Session, actor: Actor, record: Any, step: Step | str) -> Signature:
    """Sign `record` for `step` as it is now, after the step's changes (the password was
    checked by `check_signer` first). An earlier valid signature of the same step on the
    same record is superseded (voided). Returns the signature with the server's time."""
    step = Step(step)
    rule = STEPS[step]
    if not isinstance(record, rule.model):
        raise WorkflowError("signature_wrong_record", step=rule.name)
    session.flush()  # the step's own changes first: their flush must not void this signature
    for old in _valid(session, _table(record), record.id, step):
        _void(session, old, VOID_SUPERSEDED)
    user = session.get(User, actor.user_id)
    sig = Signature(record_table=_table(record), record_id=record.id, return_id=_return_id(record),
                    step=step.value, meaning=rule.meaning.value, signer_id=actor.user_id,
                    signer_login=actor.login[:64], signer_name=(user.name if user else actor.name)[:100],
                    station=(actor.station or "")[:64], signed_at=_clock(session),
                    content_hash=content_hash(record, step))
    session.add(sig)
    session.flush()
    if session.get_bind().dialect.name == "postgresql":
        session.refresh(sig, ["signed_at"])  # as the server's trigger stored it
    return sig


def sign(session: Session, actor: Actor, record: Any, step: Step | str, password: str) -> Signature:
    """Check the password and sign `record` for `step` as it is — for a caller that has
    written nothing yet in this unit of work (see `check_signer`)."""
    check_signer(session, actor, password)
    return record_signature(session, actor, record, step)


def void_signatures(session: Session, record: Any, steps: Iterable[Step], reason: str, detail: str = "") -> int:
    """Void the valid signatures of `steps` on `record` (e.g. the analysis sign-offs of a
    reopened return); how many."""
    wanted = {s.value for s in steps}
    pending = {v.signature_id for v in session.new if isinstance(v, SignatureVoid)}
    count = 0
    for sig in _valid(session, _table(record), record.id):
        if sig.step in wanted and sig.id not in pending:
            _void(session, sig, reason, detail)
            count += 1
    return count


def _signed_records(obj: Any) -> list[Any]:
    """The signable records whose content `obj` is part of."""
    if isinstance(obj, Return):
        return [obj]
    if isinstance(obj, ReturnLine):
        return [obj] + ([obj.rma] if obj.rma is not None else [])
    if isinstance(obj, CorrectiveAction):
        return [obj]
    if isinstance(obj, CorrectiveActionItem):
        return [obj.ca] if obj.ca is not None else []
    return []


_WATCHED = (Return, ReturnLine, CorrectiveAction, CorrectiveActionItem)


@event.listens_for(Session, "before_flush")
def _void_changed(session: Session, _ctx: Any, _instances: Any) -> None:
    """A flush that changes the content of a signed record voids its signatures (by the
    acting user, now): compared by hash, so a change that leaves the signed content as it
    was (a status moving on, a later step's own fields) leaves the signature valid."""
    touched: dict[tuple[str, int], Any] = {}
    with session.no_autoflush:
        candidates = [o for o in session.dirty if isinstance(o, _WATCHED) and session.is_modified(o)]
        candidates += [o for o in session.new if isinstance(o, ReturnLine | CorrectiveActionItem)]
        for obj in candidates:
            for rec in _signed_records(obj):
                if rec.id is not None:
                    touched[(_table(rec), rec.id)] = rec
        if not touched:
            return
        by_table: dict[str, list[int]] = {}
        for table, rid in touched:
            by_table.setdefault(table, []).append(rid)
        stmt = (select(Signature).outerjoin(SignatureVoid, SignatureVoid.signature_id == Signature.id)
                .where(SignatureVoid.id.is_(None),
                       or_(*(and_(Signature.record_table == t, Signature.record_id.in_(ids))
                             for t, ids in by_table.items()))))
        signed = list(session.scalars(stmt))
        if not signed:
            return
        pending = {v.signature_id for v in session.new if isinstance(v, SignatureVoid)}
        for sig in signed:
            rec = touched[(sig.record_table, sig.record_id)]
            if sig.id not in pending and content_hash(rec, sig.step) != sig.content_hash:
                _void(session, sig, VOID_CHANGED)


# ---------------------------------------------------------------- the steps signed apart from their record


def countersign(session: Session, actor: Actor, return_id: int, box: Step | str, password: str,
                expected_version: int | None = None) -> Signature:
    """One of the six sign-offs (会签) of the return analysis form, by the role of its box,
    once every line that is not cancelled is decided; a box holds one valid signature."""
    from app.services.returns import get_return  # returns imports this module

    box = Step(box)
    if box not in ANALYSIS_BOXES:
        raise WorkflowError("signature_wrong_record", step=box.value)
    rule = STEPS[box]
    bind_actor(session, actor)
    require_role(actor, (f"会签({rule.name[0]})", f"countersign ({rule.name[1]})"), *rule.roles)
    check_signer(session, actor, password)
    rma = get_return(session, return_id, for_update=True)
    check_version(rma, expected_version)
    active = [ln for ln in rma.lines if ln.status != LineStatus.CANCELLED.value]
    if rma.status not in (ReturnStatus.APPROVED.value, ReturnStatus.CLOSED.value) or not active \
            or any(ln.decided_at is None for ln in active):
        raise WorkflowError("signature_not_due", step=rule.name,
                            why=("每一行都须先有技术部判定", "every line needs engineering's decision first"))
    for sig in _valid(session, _table(rma), rma.id, box):
        raise WorkflowError("signature_already_signed", step=rule.name, name=sig.signer_name,
                            at=_local_time(sig.signed_at))
    return record_signature(session, actor, rma, box)


def _step_done(record: Any, step: Step) -> bool:
    """Whether the step is recorded on the record, so that signing it again makes sense."""
    if step is Step.SALES_CONFIRM:
        return record.sales_confirmed_at is not None
    if step is Step.MANAGER_APPROVE:
        return record.approved_at is not None
    if step is Step.DECISION:
        return record.decided_at is not None
    if step is Step.RELEASE:
        return record.reinspected_at is not None
    if step is Step.EIGHTD_VERIFY:
        return record.verified_at is not None
    if step is Step.EIGHTD_CLOSE:
        return record.closed_at is not None
    return False


def sign_again(session: Session, actor: Actor, record_table: str, record_id: int, step: Step | str,
               password: str) -> Signature:
    """The step is recorded but its signature is void (its record changed since): the role
    that owns the step signs the record as it now is."""
    step = Step(step)
    rule = STEPS[step]
    bind_actor(session, actor)
    require_role(actor, (f"重新签名({rule.name[0]})", f"sign again ({rule.name[1]})"), *rule.roles)
    check_signer(session, actor, password)
    record = session.scalars(select(rule.model).where(rule.model.id == record_id)  # type: ignore[attr-defined]
                             .with_for_update(of=rule.model)).unique().one_or_none()
    if record is None or _table(record) != record_table:
        raise WorkflowError("signature_wrong_record", step=rule.name)
    if not _step_done(record, step):
        raise WorkflowError("signature_not_due", step=rule.name,
                            why=("这一步尚未完成", "the step is not recorded yet"))
    for sig in _valid(session, record_table, record_id, step):
        if sig.content_hash == content_hash(record, step):  # else changed behind the station's back
            raise WorkflowError("signature_already_signed", step=rule.name, name=sig.signer_name,
                                at=_local_time(sig.signed_at))
    return record_signature(session, actor, record, step)


# ---------------------------------------------------------------- reading


@dataclass(frozen=True)
class SignatureView:
    """A signature as the window and the printed forms show it."""

    id: int
    record_table: str
    record_id: int
    step: str
    meaning: str
    signer_login: str
    signer_name: str
    signed_at: datetime
    void: bool = False
    voided_by: str = ""
    voided_at: datetime | None = None
    void_reason: str = ""
    # no void row, but the record's content no longer has the signed hash: changed other than
    # through the station (e.g. SQL by hand); shown void as well
    tampered: bool = False
    # the hash it was signed with, for that check (not shown, not part of what the view says)
    content_hash: str = field(default="", compare=False, repr=False)


def _views(session: Session, stmt: Any) -> list[SignatureView]:
    rows = session.execute(stmt.add_columns(SignatureVoid).outerjoin(
        SignatureVoid, SignatureVoid.signature_id == Signature.id).order_by(Signature.id)).all()
    return [SignatureView(id=s.id, record_table=s.record_table, record_id=s.record_id, step=s.step,
                          meaning=s.meaning, signer_login=s.signer_login, signer_name=s.signer_name,
                          signed_at=s.signed_at, void=v is not None,
                          voided_by=v.voided_by_name if v is not None else "",
                          voided_at=v.voided_at if v is not None else None,
                          void_reason=v.reason if v is not None else "", content_hash=s.content_hash)
            for s, v in rows]


def latest(session: Session, record: Any) -> dict[str, SignatureView]:
    """The last signature of each step on `record` (valid or void), by step code: one
    statement (the benches read them within their form's own statement, app.services.line_form)."""
    return latest_of(record, _views(session, select(Signature).where(Signature.record_table == _table(record),
                                                                     Signature.record_id == record.id)))


def latest_of(record: Any, views: Iterable[SignatureView]) -> dict[str, SignatureView]:
    """The last of each step among `views` (the record's signatures, read with their voids and
    hashes, in id order); a valid one whose hash no longer matches the record's content as
    loaded is shown void (tampered)."""
    found: dict[str, SignatureView] = {}
    for view in views:
        found[view.step] = view  # ordered by id: the last one wins
    for step, view in list(found.items()):
        if not view.void and view.content_hash != content_hash(record, step):
            found[step] = replace(view, void=True, tampered=True)
    return found


def is_void(session: Session, record: Any, step: Step) -> bool:
    """Whether the last signature of `step` on `record` is void (the step must be signed again)."""
    view = latest(session, record).get(step.value)
    return view is not None and view.void


def signatures_of_return(session: Session, return_id: int) -> dict[tuple[str, int, str], SignatureView]:
    """The last signature of each step on the return and on each of its lines, keyed by
    (record_table, record_id, step)."""
    found: dict[tuple[str, int, str], SignatureView] = {}
    for view in _views(session, select(Signature).where(Signature.return_id == return_id,
                                                        Signature.record_table != "corrective_action")):
        found[(view.record_table, view.record_id, view.step)] = view
    return found
