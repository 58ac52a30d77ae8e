"""Idempotent user actions: each carries a request id, stored with its effect.

A station that loses the server's answer to its COMMIT cannot tell whether the action
was saved. It runs the action again under the same request id (ui.context keeps it);
`perform_once` then finds the row its first attempt wrote in the same transaction as the
effect, and hands back that attempt's result instead of doing the work twice: the return
is registered once and the same RMA number is shown; a decision retried is not a conflict
with itself.

The request row is claimed BEFORE the work, in a savepoint: if the first attempt is still
in flight on the server, the claim waits for it (PostgreSQL's unique-key wait) and then
sees its commit, rather than both attempts saving.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy import inspect, select
from sqlalchemy.exc import IntegrityError, NoInspectionAvailable
from sqlalchemy.orm import Session

from db.models import ActionRequest, Base

T = TypeVar("T")

REPLAYED = "rma_request_replayed"  # session.info key: True when a result was replayed


def _describe(value: Any) -> tuple[str | None, int | None, str | None]:
    """(entity, id) for a mapped object, else the value as JSON (None when it is neither)."""
    try:
        state = inspect(value)
    except NoInspectionAvailable:
        state = None
    if state is not None and getattr(state, "mapper", None) is not None:
        ident = state.identity
        if ident and len(ident) == 1 and isinstance(ident[0], int):
            return state.mapper.local_table.name, ident[0], None
        return state.mapper.local_table.name, None, None
    try:
        return None, None, json.dumps(value, default=_json_default)
    except TypeError:
        return None, None, None


def _json_default(value: Any) -> Any:
    if isinstance(value, set | frozenset):
        return sorted(value)
    raise TypeError(type(value).__name__)


def _replay(session: Session, done: ActionRequest) -> Any:
    session.info[REPLAYED] = True
    if done.entity and done.entity_id is not None:
        for mapper in Base.registry.mappers:
            if mapper.local_table.name == done.entity:
                return session.get(mapper.class_, done.entity_id)
    if done.result is not None:
        return json.loads(done.result)
    return None


def perform_once(session: Session, request_id: str, kind: str, login: str,
                 work: Callable[[Session], T]) -> T:
    """`work(session)` unless an action with `request_id` was already committed; then its
    result (a JSON value comes back with lists where the work returned tuples)."""
    done = session.get(ActionRequest, request_id)
    if done is not None:
        return _replay(session, done)
    claim = ActionRequest(request_id=request_id, kind=kind[:64], login=login[:64])
    try:
        with session.begin_nested():
            session.add(claim)
            session.flush()
    except IntegrityError:
        # the first attempt committed while this one waited for its claim
        done = session.scalar(select(ActionRequest).where(ActionRequest.request_id == request_id)
                              .execution_options(populate_existing=True))
        if done is None:
            raise
        return _replay(session, done)
    value = work(session)
    claim.entity, claim.entity_id, claim.result = _describe(value)
    session.flush()
    return value
