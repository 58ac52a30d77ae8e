"""Whether a database's schema is at the head revision, answered without Alembic.

A command that only reads (`report monthly --json`) must not pay for importing Alembic
and loading every migration script (a third of a second) to learn what one SELECT of
alembic_version and the versions folder's file texts tell: the head is the revision no
other script names as its down_revision. When the answer is "not current", the caller
goes through db.migrate as before.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

VERSIONS = Path(__file__).resolve().parent / "migrations" / "versions"
_REVISION = re.compile(r"^revision(?:\s*:\s*[\w\[\]|, ]+)?\s*=\s*['\"]([^'\"]+)['\"]", re.M)
_DOWN = re.compile(r"^down_revision(?:\s*:\s*[\w\[\]|, ]+)?\s*=\s*(.+)$", re.M)


@cache
def head_revisions() -> frozenset[str]:
    """The revisions no script builds on (one, unless branches were left unmerged)."""
    revisions, parents = set(), set()
    for script in VERSIONS.glob("*.py"):
        source = script.read_text(encoding="utf-8")
        found = _REVISION.search(source)
        if found is None:
            continue
        revisions.add(found.group(1))
        down = _DOWN.search(source)
        if down is not None:
            parents.update(re.findall(r"['\"]([^'\"]+)['\"]", down.group(1)))
    return frozenset(revisions - parents)


def schema_is_current(engine: Engine) -> bool:
    """True when the database stands at the single head; False when it is older, newer,
    empty or branched — then db.migrate decides what to do."""
    heads = head_revisions()
    if len(heads) != 1:
        return False
    try:
        with engine.connect() as conn:
            stored = [r[0] for r in conn.execute(text("SELECT version_num FROM alembic_version"))]
    except DBAPIError:
        return False  # no alembic_version table yet: a new database
    return stored == list(heads)
