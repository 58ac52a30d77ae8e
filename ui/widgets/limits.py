"""The forms' inputs hold no more than the database can: from the one table in app.limits.

Each tab calls `limit_form(self.state)` once for its FormState inputs and
`limit_table(view)` once per editable lines table. A QLineEdit stops at its column's
length (a 65th character of an order number is not taken); a quantity field takes
whole numbers up to app.limits.MAX_QTY. Multi-line texts (QPlainTextEdit) have no
maximum length in Qt: the services refuse those with a message naming the field.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from app.limits import FIELDS, MAX_QTY, MONEY_MAX, max_length

# FormState keys that are quantities, and keys named otherwise than in app.limits.FIELDS
QTY_KEYS = frozenset({"rework_qty", "qty_qualified", "qty_unqualified", "qty_scrapped", "qty_counted",
                      "qty_announced", "material_qty", "qty"})
MONEY_KEYS = frozenset({"other_cost", "unit_price", "unit_cost", "hourly_rate", "hours", "amount"})
_ALIASES = {"requirements": "sales_requirements", "text": "liaison_text"}
# "¥999,999,999,999.99" and "1,000,000件": room for the separators and a unit, never more
MONEY_CHARS = len(f"¥{MONEY_MAX:,.2f}")
QTY_CHARS = len(f"{MAX_QTY:,}") + 4


def _line_edit(widget: QWidget) -> QLineEdit | None:
    if isinstance(widget, QLineEdit):
        return widget
    if isinstance(widget, QComboBox) and widget.isEditable():
        return widget.lineEdit()
    return None


def limit_line_edit(edit: QLineEdit, key: str, *, strict_qty: bool = True) -> None:
    """Set the length (and for a quantity, the validator) of one input named `key`."""
    name = _ALIASES.get(key, key)
    if name in QTY_KEYS:
        if strict_qty:
            edit.setValidator(QIntValidator(0, MAX_QTY, edit))
        edit.setMaxLength(QTY_CHARS)
    elif name in MONEY_KEYS:
        edit.setMaxLength(MONEY_CHARS)
    elif name in FIELDS:
        edit.setMaxLength(max_length(name))


def limit_form(state: Any) -> None:
    """Every single-line input of a FormState (ui.widgets.form_state) gets its column's limit."""
    for key, widget in state.inputs.items():
        edit = _line_edit(widget)
        if edit is not None:
            limit_line_edit(edit, key)


class LimitedDelegate(QStyledItemDelegate):
    """The default cell editor of a DraftTableModel table, with the field's maximum length.

    Quantity cells take '12件' as the desk writes it, so they get a length, not a
    validator; the model's cell check refuses one above MAX_QTY with a message.
    """

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        editor = super().createEditor(parent, option, index)
        fields = getattr(index.model(), "fields", None)
        if isinstance(editor, QLineEdit) and fields and 0 <= index.column() < len(fields):
            f = fields[index.column()]
            name = f.error_key or f.key
            if f.kind in ("qty", "qty0"):
                editor.setMaxLength(QTY_CHARS)
            elif f.kind in ("money", "hours"):
                editor.setMaxLength(MONEY_CHARS)
            elif name in FIELDS:
                editor.setMaxLength(max_length(name))
        return editor


def limit_table(view: QAbstractItemView) -> None:
    """Cells of the view's DraftTableModel stop at their field's length (per-column delegates stay)."""
    view.setItemDelegate(LimitedDelegate(view))
