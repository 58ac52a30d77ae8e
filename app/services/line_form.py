"""A line as its bench's form shows it, read in one statement.

The form needs the line, its return and customer, its product, the return's other lines
(whether the return can close), who inspected and decided it, its 8D and liaison notes, its
e-signatures (with their voids) and its warranty at receipt; the rework tab adds the booked
materials and labour, the planner, the shared labour rate and the signatures of the return's
analysis form. Read by lazy loads and one service read each, that was seven or eight round
trips for one scan (issue 12): across sites, at 20 ms each, more than the scan's whole
budget. Here every part is one SELECT: the ORM's joined loads for the collections (a handful
of rows: the return's lines × the line's notes), outer joins for what has at most one row
(the warranty record and its confirmer, the planner, the labour rate), and each record's
signatures folded into one JSON column by a correlated subquery, so that they do not multiply
the joined rows.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Text, bindparam, cast, func, literal, select
from sqlalchemy.orm import Session, aliased, joinedload, lazyload

from app.errors import NotFoundError
from app.services import signatures as signature_service
from app.services import warranty as warranty_service
from app.services.returns import LINE_WHAT
from app.services.settings import SHARED_DEFAULTS
from db.models import LineWarranty, Return, ReturnLine, Setting, Signature, SignatureVoid, User


@dataclass(frozen=True)
class LineForm:
    """What one read brings for a bench's form (`line` with its relations loaded)."""

    line: ReturnLine
    signatures: dict[str, signature_service.SignatureView]
    warranty: warranty_service.WarrantyState
    # the rework tab's: the analysis form's sign-offs, the planner, the shared labour rate
    return_signatures: dict[str, signature_service.SignatureView] = field(default_factory=dict)
    planner: str = ""
    labour_rate: Decimal | None = None


def _signature_rows(dialect: str, table: str, record_id: Any) -> Any:
    """A correlated subquery: the signatures of one record with their voids as one JSON text
    (json_agg on PostgreSQL, json_group_array on SQLite); NULL or [] for none."""
    pairs: list[Any] = []
    for key, column in (("id", Signature.id), ("record_table", Signature.record_table),
                        ("record_id", Signature.record_id), ("step", Signature.step),
                        ("meaning", Signature.meaning), ("signer_login", Signature.signer_login),
                        ("signer_name", Signature.signer_name), ("signed_at", Signature.signed_at),
                        ("content_hash", Signature.content_hash), ("void_id", SignatureVoid.id),
                        ("voided_by", SignatureVoid.voided_by_name), ("voided_at", SignatureVoid.voided_at),
                        ("void_reason", SignatureVoid.reason)):
        pairs += [literal(key), column]
    if dialect == "postgresql":
        rows = cast(func.json_agg(func.json_build_object(*pairs)), Text)
    else:
        rows = func.json_group_array(func.json_object(*pairs))
    return (select(rows).select_from(Signature)
            .outerjoin(SignatureVoid, SignatureVoid.signature_id == Signature.id)
            .where(Signature.record_table == table, Signature.record_id == record_id)
            .correlate(ReturnLine).scalar_subquery())


def _utc(value: str | None) -> datetime | None:
    # stored as naive UTC on both databases (db.types.UtcDateTime); JSON brings it as ISO text
    return datetime.fromisoformat(value).replace(tzinfo=UTC) if value else None


def _views(text: str | None) -> list[signature_service.SignatureView]:
    rows = sorted(json.loads(text) if text else [], key=lambda r: r["id"])
    return [signature_service.SignatureView(
        id=r["id"], record_table=r["record_table"], record_id=r["record_id"], step=r["step"],
        meaning=r["meaning"], signer_login=r["signer_login"], signer_name=r["signer_name"],
        signed_at=_utc(r["signed_at"]),  # type: ignore[arg-type]
        void=r["void_id"] is not None, voided_by=r["voided_by"] or "", voided_at=_utc(r["voided_at"]),
        void_reason=r["void_reason"] or "", content_hash=r["content_hash"]) for r in rows]


def line_for_form(session: Session, line_id: int, *, rework: bool = False) -> LineForm:
    """The line with everything its form shows, in one statement; `rework` adds the booked
    materials and labour, the planner, the labour rate and the return's signatures.
    Raises NotFoundError for an unknown line. Any role reads it (the benches)."""
    form = _read_form(session, "id", line_id, rework=rework)
    if form is None:
        raise NotFoundError(what=LINE_WHAT, value=line_id)
    return form


def scanned_line_form(session: Session, barcode: str) -> LineForm | None:
    """A scanned label's line with everything either bench's form shows (the rework tab's
    parts included), in one statement; None for an unknown label. The scan reads it before
    it knows which bench the line's state opens: one read of a little more beats a look-up
    and then a read, a round trip more (issue 12). Any role reads it."""
    return _read_form(session, "barcode", barcode, rework=True)


@functools.lru_cache(maxsize=8)
def _form_statement(dialect: str, by: str, rework: bool) -> Any:
    """The form's statement for a line chosen by `by` ("id" or "barcode", bound as :key),
    built once: its joined loads and subqueries cost a few milliseconds of Python to build
    and to key for the compiled cache, at every scan."""
    opts = [
        joinedload(ReturnLine.rma).joinedload(Return.customer),
        joinedload(ReturnLine.rma).joinedload(Return.lines),
        joinedload(ReturnLine.inspected_by).options(lazyload(User.roles)),
        joinedload(ReturnLine.decided_by).options(lazyload(User.roles)),
        joinedload(ReturnLine.corrective_actions_view),  # type: ignore[attr-defined]
        joinedload(ReturnLine.liaison_notes_view),  # type: ignore[attr-defined]
    ]
    confirmer = aliased(User)
    columns: list[Any] = [LineWarranty, confirmer.name, _signature_rows(dialect, "return_line", ReturnLine.id)]
    planner = aliased(User)
    rate = aliased(Setting)
    if rework:
        opts += [joinedload(ReturnLine.materials), joinedload(ReturnLine.labour)]
        columns += [_signature_rows(dialect, "rma_return", ReturnLine.return_id), planner.name, rate.value]
    stmt = (select(ReturnLine, *columns)
            .outerjoin(LineWarranty, LineWarranty.line_id == ReturnLine.id)
            .outerjoin(confirmer, confirmer.id == LineWarranty.sales_confirmed_by_id))
    if rework:
        stmt = (stmt.outerjoin(planner, planner.id == ReturnLine.rework_planned_by_id)
                .outerjoin(rate, rate.key == "labour_rate"))
    column = ReturnLine.id if by == "id" else ReturnLine.barcode
    return stmt.where(column == bindparam("key")).options(*opts)


def _read_form(session: Session, by: str, key: Any, *, rework: bool) -> LineForm | None:
    stmt = _form_statement(session.get_bind().dialect.name, by, rework)
    # the collections' joined rows repeat the line's row: one result row per line
    row = session.execute(stmt, {"key": key}).unique(
        lambda r: r[0].id).one_or_none()
    if row is None:
        return None
    line, record, confirmer_name, line_signatures = row[:4]
    rma = line.rma
    names = {record.sales_confirmed_by_id: confirmer_name} if record is not None and confirmer_name else {}
    form = LineForm(line=line, signatures=signature_service.latest_of(line, _views(line_signatures)),
                    warranty=warranty_service.state_of(line, rma.received_on, record, names))
    if not rework:
        return form
    return_signatures, planner_name, rate_value = row[4:]
    return LineForm(line=line, signatures=form.signatures, warranty=form.warranty,
                    return_signatures=signature_service.latest_of(rma, _views(return_signatures)),
                    planner=planner_name or "",
                    labour_rate=Decimal(rate_value if rate_value is not None else SHARED_DEFAULTS["labour_rate"]))


def name_of(user: User | None) -> str:
    """A loaded user's display name, "" for nobody."""
    return user.name if user is not None else ""


def user_name(session: Session, user_id: int | None) -> str:
    """A user's display name in one small SELECT ("" for nobody): loading the User would
    also load its roles, a second round trip."""
    if user_id is None:
        return ""
    return session.scalar(select(User.name).where(User.id == user_id)) or ""
