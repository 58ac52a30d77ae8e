"""Suppliers and liability-2 lines for the claims tests, through the real services."""

from __future__ import annotations

from typing import Any

from app.services import masterdata
from tests.unit.services.helpers import decided


def supplier(factory: Any, actors: Any, code: str = "S-001", name: str = "温州精密触点有限公司") -> int:
    with factory.begin() as s:
        return masterdata.create(s, actors["admin"], "supplier",
                                 {"code": code, "name": name, "contact": "王经理", "phone": "0577-1234567"}).id


def supplier_line(factory: Any, actors: Any, ratio: str = "0.5") -> int:
    """A line of 20 × DZ47-63 C16 at 18.50 (370.00) decided liability 2, returned to the supplier;
    its loss cost is the refund, 370.00 × ratio."""
    _rid, lid = decided(factory, actors, disposition="return_supplier", liability=2, ratio=ratio)
    return lid
