"""One table of field limits: how long a text, how large a quantity or amount may be.

Step served: every form and service that takes typed or imported values. The limits
come from the database's own column types (db.models: String(n), Fixed(precision,
scale), PostgreSQL's 32-bit INTEGER), so a value the form or service accepts is one the
database can hold; anything beyond gets a clear message naming the field instead of a
database error in the program-error dialog. The forms (ui.widgets.limits) read the
same table for QLineEdit.setMaxLength and their quantity validators.

Business maxima, documented here because they are choices, not database facts:
- MAX_QTY: 1,000,000 pieces on one return line (or one material, one re-inspection
  count). A return of more is a typing slip or a scanner stuck on a key.
- TEXT_MAX: 4,000 characters in a free-text field stored as TEXT (notes, findings,
  causes, requirements): two printed pages, more than any form has room for.
- Money: at most 999,999,999,999.99 (the Fixed(14, 2) columns).
No Qt here: app/ runs without it.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from sqlalchemy import String, Text

from app.errors import ValidationError
from app.fields import label
from db import models
from db.types import Fixed

INT32_MAX = 2**31 - 1           # PostgreSQL INTEGER
MAX_QTY = 1_000_000             # pieces per line: see the module docstring
TEXT_MAX = 4_000                # characters in a TEXT column: see the module docstring

# Control characters a text may not hold: NUL breaks PostgreSQL ("string literal cannot
# contain NUL"), the others are invisible and break Excel and the printed forms. Tab and
# newline are allowed in multi-line fields only; a single-line field allows none.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_CONTROL_SINGLE = re.compile(r"[\x00-\x1f\x7f]")

# field name (as app.fields names it) → (model, column, multi-line)
FIELDS: dict[str, tuple[type[models.Base], str, bool]] = {
    "customer": (models.Customer, "name", False),
    "model": (models.Product, "model", False),
    "product": (models.Product, "model", False),
    "order_no": (models.Return, "order_no", False),
    "delivery_no": (models.Return, "delivery_no", False),
    "invoice_no": (models.Return, "invoice_no", False),
    "storage_location": (models.Return, "storage_location", False),
    "notes": (models.Return, "notes", True),
    "sales_requirements": (models.Return, "sales_requirements", True),
    "approval_note": (models.Return, "approval_note", True),
    "cancel_reason": (models.Return, "cancel_reason", True),
    "reason": (models.Return, "cancel_reason", True),
    "lot_no": (models.ReturnLine, "lot_no", False),
    "unit": (models.ReturnLine, "unit", False),
    "customer_reason": (models.ReturnLine, "customer_reason", True),
    "findings": (models.ReturnLine, "findings", True),
    "preliminary_opinion": (models.ReturnLine, "preliminary_opinion", True),
    "final_cause": (models.ReturnLine, "final_cause", True),
    "material_code": (models.ReworkMaterial, "code", False),
    "material_name": (models.ReworkMaterial, "name", False),
    "material_unit": (models.ReworkMaterial, "unit", False),
    "worker": (models.ReworkLabour, "worker", False),
    "owner": (models.CorrectiveAction, "owner", False),
    "liaison_text": (models.LiaisonNote, "text", True),
}

# Labels of fields app.fields does not name yet (the messages name every field).
_LABELS: dict[str, tuple[str, str]] = {
    "order_no": ("订单号", "Order no."),
    "delivery_no": ("送货单号", "Delivery note no."),
    "invoice_no": ("发票号", "Invoice no."),
    "notes": ("备注", "Notes"),
    "sales_requirements": ("处理要求", "Handling requirements"),
    "approval_note": ("批准意见", "Approval note"),
    "cancel_reason": ("取消原因", "Cancel reason"),
    "customer_reason": ("退货原因", "Customer's reason"),
    "material_code": ("材料编码", "Material code"),
    "material_unit": ("材料单位", "Material unit"),
    "liaison_text": ("联络内容", "Liaison text"),
    "problem": ("问题描述", "Problem"),
    "containment": ("临时措施", "Containment"),
    "root_cause": ("根本原因", "Root cause"),
    "corrective_action": ("纠正措施", "Corrective action"),
    "preventive_action": ("预防措施", "Preventive action"),
    "verification": ("效果验证", "Verification"),
}


def field_label(field_name: str) -> tuple[str, str]:
    lab = label(field_name)
    return _LABELS.get(field_name, lab) if lab == (field_name, field_name) else lab


def column_max_length(model: type[models.Base], column: str) -> int:
    """Characters the column holds: String(n) → n, TEXT → TEXT_MAX."""
    col_type = model.__table__.c[column].type
    if isinstance(col_type, String) and not isinstance(col_type, Text) and col_type.length:
        return int(col_type.length)
    return TEXT_MAX


def max_length(model_or_field: type[models.Base] | str, column: str | None = None) -> int:
    """max_length(Return, "order_no") or max_length("order_no"): 64. Unknown fields: TEXT_MAX."""
    if isinstance(model_or_field, str):
        spec = FIELDS.get(model_or_field)
        return column_max_length(spec[0], spec[1]) if spec else TEXT_MAX
    assert column is not None
    return column_max_length(model_or_field, column)


def is_multiline(field_name: str) -> bool:
    spec = FIELDS.get(field_name)
    return spec[2] if spec else True


def money_max(model: type[models.Base] = models.ReturnLine, column: str = "amount") -> Decimal:
    """The largest amount a Fixed(p, s) column holds: Fixed(14, 2) → 999999999999.99."""
    col_type = model.__table__.c[column].type
    if isinstance(col_type, Fixed):
        p, s = col_type.precision, col_type.scale
        return (Decimal(10) ** (p - s)) - Decimal(1).scaleb(-s)
    return Decimal(INT32_MAX)


MONEY_MAX = money_max()


def check_text(text: str, field_name: str, *, max_len: int | None = None,
               multiline: bool | None = None) -> str:
    """Refuse a text too long for its column or holding control characters (NUL …)."""
    limit = max_length(field_name) if max_len is None else max_len
    lab = field_label(field_name)
    pattern = _CONTROL if (is_multiline(field_name) if multiline is None else multiline) else _CONTROL_SINGLE
    bad = pattern.search(text)
    if bad is not None:
        raise ValidationError("text_control_char", field_name=field_name, field=lab,
                              position=bad.start() + 1, code=f"U+{ord(bad.group()):04X}")
    if len(text) > limit:
        raise ValidationError("text_too_long", field_name=field_name, field=lab, max=limit,
                              length=len(text))
    return text


def check_qty(n: int, field_name: str, *, maximum: int = MAX_QTY) -> int:
    if n > maximum:
        raise ValidationError("qty_too_large", field_name=field_name, field=field_label(field_name),
                              max=f"{maximum:,}", value=f"{n:,}")
    return n


# money-like fields whose column is narrower than Fixed(14, 2)
_NUMERIC_FIELDS: dict[str, tuple[type[models.Base], str]] = {
    "hours": (models.ReworkLabour, "hours"),
}


def check_money(d: Decimal, field_name: str, *, maximum: Decimal | None = None) -> Decimal:
    """Refuse an amount its column cannot hold (Fixed(14, 2): 999,999,999,999.99)."""
    if maximum is None:
        spec = _NUMERIC_FIELDS.get(field_name)
        maximum = money_max(*spec) if spec else MONEY_MAX
    if d > maximum:
        raise ValidationError("amount_too_large", field_name=field_name, field=field_label(field_name),
                              max=f"{maximum:,.2f}", value=f"{d:,.2f}")
    return d


def text_problem(value: Any, field_name: str) -> ValidationError | None:
    """The problem with an imported text cell, or None (for the legacy reader's rejects)."""
    if not isinstance(value, str):
        return None
    try:
        check_text(value, field_name)
    except ValidationError as err:
        return err
    return None
