"""Editable tables of the forms: the lines of a new return, the rework materials and labour.

Each holds what the user typed as text (so nothing they wrote is lost or reformatted
while they type), checks every cell as it is committed with the station's one parser
(app.parsing) and shows a bad cell red with the message in its tooltip, and keeps its
computed columns (amount, cost) and its running total live, in Decimal. The services
check everything again on save; their error's `.line` and `.field` find the cell here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from app.codes import CONDITIONS, Condition
from app.errors import StationError, ValidationError
from app.fields import label
from app.limits import MAX_QTY, check_money, check_qty, check_text
from app.money import ZERO, line_amount, material_cost, money
from app.parsing import parse_date, parse_decimal, parse_price, parse_quantity
from app.services.context import whole_qty
from app.services.plausibility import material_qty
from app.services.returns import LineDraft
from app.services.rework import LabourEntry, MaterialEntry
from ui.models import names

Index = QModelIndex | QPersistentModelIndex

ERROR_BG = QColor("#ffd7d5")
WARN_BG = QColor("#fff1c2")
COMPUTED_FG = QColor("#555555")


@dataclass(frozen=True)
class Field:
    """One column of an editable table: key (as the services name the field), header, kind."""

    key: str
    title: str
    kind: str = "text"  # text, qty, qty0, measure, money, hours, date, bool, condition, computed
    error_key: str | None = None  # the services' field name, when it differs from `key`


class DraftTableModel(QAbstractTableModel):
    """Rows of typed text, checked cell by cell; `changed` fires on every edit."""

    changed = Signal()

    context = "DraftTableModel"
    fields: tuple[Field, ...] = ()

    def __init__(self, lang: Callable[[], str], parent: Any = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self.rows: list[dict[str, Any]] = []
        self.errors: dict[tuple[int, str], StationError] = {}
        self.read_only = False

    # -------------------------------------------------- rows

    def blank(self) -> dict[str, Any]:
        return {f.key: (False if f.kind == "bool" else "") for f in self.fields}

    def add_row(self, values: dict[str, Any] | None = None) -> int:
        """Append a row (filled with `values`); returns its number."""
        row = self.blank()
        row.update(values or {})
        n = len(self.rows)
        self.beginInsertRows(QModelIndex(), n, n)
        self.rows.append(row)
        self.endInsertRows()
        for f in self.fields:
            if f.kind not in ("bool", "computed") and row.get(f.key) not in ("", None):
                self._check(n, f)
        self.changed.emit()
        return n

    def remove_row(self, row: int) -> None:
        if not 0 <= row < len(self.rows):
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self.rows[row]
        self.endRemoveRows()
        # errors of later rows move up one
        self.errors = {((r - 1 if r > row else r), k): e for (r, k), e in self.errors.items() if r != row}
        self.changed.emit()

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.rows = []
        for values in rows:
            row = self.blank()
            row.update(values)
            self.rows.append(row)
        self.errors = {}
        self.endResetModel()
        self.changed.emit()

    def is_blank_row(self, row: int) -> bool:
        return all(v in ("", False, None) for k, v in self.rows[row].items()
                   if not k.startswith("_") and self.field(k).kind != "computed")

    def row_of_line(self, line_no: int) -> int:
        """The table row of the n-th non-empty row (the services number entries that way)."""
        n = 0
        for i in range(len(self.rows)):
            if not self.is_blank_row(i):
                n += 1
                if n == line_no:
                    return i
        return max(0, min(line_no - 1, len(self.rows) - 1))

    def field(self, key: str) -> Field:
        return next(f for f in self.fields if f.key == key)

    def column_of(self, key: str) -> int:
        return next(i for i, f in enumerate(self.fields) if f.key == key)

    # -------------------------------------------------- errors

    def mark_error(self, row: int, exc: StationError) -> bool:
        """Show a service's error at its cell (by its `.field`); False when no cell matches."""
        for col, f in enumerate(self.fields):
            if exc.field in (f.key, f.error_key):
                self.errors[(row, f.key)] = exc
                ix = self.index(row, col)
                self.dataChanged.emit(ix, ix)
                return True
        return False

    def clear_errors(self) -> None:
        self.errors.clear()
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(self.fields) - 1))

    def first_error(self) -> tuple[int, str, StationError] | None:
        if not self.errors:
            return None
        (row, key), exc = min(self.errors.items(), key=lambda kv: (kv[0][0], self.column_of(kv[0][1])))
        return row, key, exc

    def _check(self, row: int, f: Field) -> None:
        self.errors.pop((row, f.key), None)
        try:
            self.validate(row, f, self.rows[row].get(f.key))
        except StationError as exc:
            exc.line = None
            self.errors[(row, f.key)] = exc.at_line(row + 1)

    def validate(self, row: int, f: Field, value: Any) -> None:
        """Check one committed cell; raise the ValidationError the services would raise."""
        text = value if isinstance(value, str) else ""
        field_name = f.error_key or f.key
        if f.kind == "text" and text:
            check_text(text, field_name)  # too long for its column, NUL (app.limits)
        elif f.kind == "qty" and text.strip():
            check_qty(parse_quantity(text, field=field_name) or 0, field_name)
        elif f.kind == "qty0" and text.strip():
            whole_qty(text, field_name, allow_zero=True)
        elif f.kind in ("money", "hours") and text.strip():
            check_money(parse_price(text, field=field_name) or ZERO, field_name)
            number = _decimal(text)
            if number is not None and number != money(number):
                raise ValidationError("price_invalid", field_name=field_name, field=label(field_name),
                                      value=text)
            if f.kind == "hours" and number is not None and number <= 0:
                raise ValidationError("price_invalid", field_name=field_name, field=label(field_name),
                                      value=text)
        elif f.kind == "date" and text.strip():
            parse_date(text, field=field_name, label=label(field_name))
        elif f.kind == "measure" and text.strip():
            material_qty(_plain_number(text), field_name)

    # -------------------------------------------------- QAbstractTableModel

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.fields)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.fields):
            return QCoreApplication.translate(self.context, self.fields[section].title)
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        f = self.fields[index.column()]
        if f.kind == "computed" or self.read_only or not self.editable(index.row(), f):
            return base
        if f.kind == "bool":
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def editable(self, row: int, f: Field) -> bool:
        return True

    def display(self, row: int, f: Field) -> str:
        value = self.rows[row].get(f.key, "")
        if f.kind == "condition":
            return names.condition(value, self._lang())
        if f.kind == "bool":
            return ""
        return "" if value is None else str(value)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        row, f = index.row(), self.fields[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, f)
        if role == Qt.ItemDataRole.EditRole:
            value = self.rows[row].get(f.key, "")
            return value
        if role == Qt.ItemDataRole.CheckStateRole and f.kind == "bool":
            return Qt.CheckState.Checked if self.rows[row].get(f.key) else Qt.CheckState.Unchecked
        error = self.errors.get((row, f.key))
        if role == Qt.ItemDataRole.BackgroundRole:
            if error is not None:
                return QBrush(ERROR_BG)
            return self.background(row, f)
        if role == Qt.ItemDataRole.ToolTipRole:
            if error is not None:
                return error.message(self._lang())
            return self.tooltip(row, f)
        if role == Qt.ItemDataRole.ForegroundRole and f.kind == "computed":
            return QBrush(COMPUTED_FG)
        if role == Qt.ItemDataRole.TextAlignmentRole and f.kind in ("qty", "qty0", "measure", "money", "hours", "computed"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def background(self, row: int, f: Field) -> Any:
        return None

    def tooltip(self, row: int, f: Field) -> Any:
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not (self.flags(index) & (Qt.ItemFlag.ItemIsEditable
                                                             | Qt.ItemFlag.ItemIsUserCheckable)):
            return False
        row, f = index.row(), self.fields[index.column()]
        if role == Qt.ItemDataRole.CheckStateRole and f.kind == "bool":
            self.rows[row][f.key] = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role == Qt.ItemDataRole.EditRole:
            value = value.strip() if isinstance(value, str) else value
            if value == self.rows[row].get(f.key):
                return True  # an editor opened and closed by Tab: nothing was edited
            self.rows[row][f.key] = value
            self.committed(row, f)
            self._check(row, f)
        else:
            return False
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.fields) - 1))
        self.changed.emit()
        return True

    def committed(self, row: int, f: Field) -> None:
        """A cell was edited; subclasses resolve what follows from it (a product, a price)."""

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, len(self.fields) - 1))
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(self.fields) - 1))


def _decimal(text: Any) -> Decimal | None:
    try:
        return parse_price(text) if isinstance(text, str) and text.strip() else None
    except StationError:
        return None


def _measure(text: Any) -> Decimal | None:
    """A measured quantity typed in a cell ('2.5', '0.35 kg'), or None while it is not one."""
    if not isinstance(text, str) or not text.strip():
        return None
    try:
        return material_qty(_plain_number(text))
    except StationError:
        return None


def _int(text: Any) -> int | None:
    """A cell's quantity for the totals and costs; None when unreadable or beyond MAX_QTY
    (the cell shows why; a total of 10^12 pieces would overflow Qt's %n)."""
    try:
        n = parse_quantity(text) if isinstance(text, str) and text.strip() else None
    except StationError:
        return None
    return n if n is None or n <= MAX_QTY else None


# ---------------------------------------------------------------- lines of a new return

ProductLookup = Callable[[str], "tuple[str, str, Decimal] | None"]  # code → (model, unit, price)


class ReturnLinesModel(DraftTableModel):
    """The lines the warehouse keeper enters: model (scanned or typed), lot, dates, counts…

    Typing or scanning a product label's code into the model cell puts the model/spec
    there and the list price in the unit price (unless the keeper typed one).
    A counted quantity that differs from the announced one is shown amber (to verify).
    """

    context = "ReturnLinesModel"
    fields = (
        Field("barcode", QT_TRANSLATE_NOOP("ReturnLinesModel", "Label"), "computed"),
        Field("model", QT_TRANSLATE_NOOP("ReturnLinesModel", "Model/spec (scan or type)"), error_key="product"),
        Field("lot_no", QT_TRANSLATE_NOOP("ReturnLinesModel", "Lot")),
        Field("manufacture_date", QT_TRANSLATE_NOOP("ReturnLinesModel", "Mfg date"), "date"),
        Field("qty_announced", QT_TRANSLATE_NOOP("ReturnLinesModel", "Announced"), "qty0"),
        Field("qty_counted", QT_TRANSLATE_NOOP("ReturnLinesModel", "Counted"), "qty"),
        Field("unit_price", QT_TRANSLATE_NOOP("ReturnLinesModel", "Unit price"), "money"),
        Field("amount", QT_TRANSLATE_NOOP("ReturnLinesModel", "Amount"), "computed"),
        Field("customer_reason", QT_TRANSLATE_NOOP("ReturnLinesModel", "Customer's reason")),
        Field("is_our_product", QT_TRANSLATE_NOOP("ReturnLinesModel", "Ours"), "bool"),
        Field("condition", QT_TRANSLATE_NOOP("ReturnLinesModel", "Condition"), "condition"),
        Field("status", QT_TRANSLATE_NOOP("ReturnLinesModel", "Status"), "computed"),
    )

    def __init__(self, lang: Callable[[], str], lookup: ProductLookup, parent: Any = None) -> None:
        super().__init__(lang, parent)
        self.lookup = lookup

    def blank(self) -> dict[str, Any]:
        row = super().blank()
        row.update(is_our_product=True, condition=Condition.UNOPENED.value, _unit="", _list_price=None,
                   _price_typed=False, _known=None)
        return row

    def is_blank_row(self, row: int) -> bool:
        r = self.rows[row]
        return not any(str(r[k]).strip() for k in ("model", "lot_no", "manufacture_date", "qty_announced",
                                                    "qty_counted", "unit_price", "customer_reason"))

    def resolve_model(self, row: int) -> None:
        """Look the row's model up again (a product was just added to the master data): the
        same text, so setData would see no edit, yet it may name a product now."""
        f = self.fields[self.column_of("model")]
        self.committed(row, f)
        self._check(row, f)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.fields) - 1))
        self.changed.emit()

    def add_product(self, code: str) -> int | None:
        """A scanned product label on the desk: fill the first empty line's model, or add one.

        Returns the row, or None when the code names no product (the caller says so).
        """
        found = self.lookup(code)
        if found is None:
            return None
        row = next((i for i in range(len(self.rows)) if not self.rows[i]["model"]), None)
        if row is None:
            row = self.add_row()
        self.setData(self.index(row, self.column_of("model")), found[0])
        return row

    def committed(self, row: int, f: Field) -> None:
        values = self.rows[row]
        if f.key == "unit_price":
            values["_price_typed"] = bool(values["unit_price"])
        if f.key != "model":
            return
        text = values["model"]
        found = self.lookup(text) if text else None
        values["_known"] = found is not None if text else None
        if found is not None:
            model, unit, price = found
            values["model"], values["_unit"], values["_list_price"] = model, unit, price
            if not values["_price_typed"]:
                values["unit_price"] = f"{price:.2f}"
                self.errors.pop((row, "unit_price"), None)

    def validate(self, row: int, f: Field, value: Any) -> None:
        if f.key == "model" and value and self.rows[row].get("_known") is False:
            raise ValidationError("unknown", field_name="product", what=label("product"), value=value)
        super().validate(row, f, value)

    def display(self, row: int, f: Field) -> str:
        if f.key == "amount":
            amount = self.amount(row)
            return names.yuan(amount) if amount is not None else ""
        if f.key == "status":
            return names.line_status(self.rows[row]["status"], self._lang())
        if f.key == "qty_counted" and self.rows[row]["qty_counted"] and self.rows[row]["_unit"]:
            return f"{self.rows[row]['qty_counted']} {self.rows[row]['_unit']}"
        return super().display(row, f)

    def amount(self, row: int) -> Decimal | None:
        qty, price = _int(self.rows[row]["qty_counted"]), _decimal(self.rows[row]["unit_price"])
        if qty is None or price is None:
            return None
        return line_amount(qty, price)

    def differs(self, row: int) -> bool:
        """Counted is not what the customer announced, or nothing was announced: the keeper
        should verify it (a blank announcement is unknown, not the count)."""
        announced = self.rows[row]["qty_announced"]
        counted = _int(self.rows[row]["qty_counted"])
        if counted is None:
            return False
        if not str(announced or "").strip():
            return True
        try:
            return whole_qty(announced, "qty_announced", allow_zero=True) != counted
        except StationError:
            return False

    def background(self, row: int, f: Field) -> Any:
        if f.key == "qty_counted" and self.differs(row):
            return QBrush(WARN_BG)
        return None

    def tooltip(self, row: int, f: Field) -> Any:
        if f.key == "qty_counted" and self.differs(row) and not str(self.rows[row]["qty_announced"] or "").strip():
            return QCoreApplication.translate(
                "ReturnLinesModel", "Counted %1, nothing announced: please verify").replace(
                "%1", str(self.rows[row]["qty_counted"]))
        if f.key == "qty_counted" and self.differs(row):
            return QCoreApplication.translate(
                "ReturnLinesModel", "Counted %1, announced %2: please verify"
            ).replace("%1", str(self.rows[row]["qty_counted"])).replace("%2", str(self.rows[row]["qty_announced"]))
        if f.key == "model" and self.rows[row].get("_list_price") is not None:
            return QCoreApplication.translate("ReturnLinesModel", "List price %1").replace(
                "%1", names.yuan(self.rows[row]["_list_price"]))
        return None

    def totals(self) -> tuple[int, int, Decimal, int]:
        """Lines with content, pieces counted, amount, lines whose count differs from the announcement."""
        lines = [i for i in range(len(self.rows)) if not self.is_blank_row(i)]
        pieces = sum(_int(self.rows[i]["qty_counted"]) or 0 for i in lines)
        amount = sum((self.amount(i) or ZERO for i in lines), ZERO)
        differing = sum(1 for i in lines if self.differs(i))
        return len(lines), pieces, amount, differing

    def drafts(self) -> list[LineDraft]:
        """The lines for app.services.returns.receive_return (empty rows left out).

        Raises the first cell's ValidationError (with its line) when a cell cannot be read.
        """
        out = []
        for i in range(len(self.rows)):
            if self.is_blank_row(i):
                continue
            values = self.rows[i]
            try:
                mfg = parse_date(values["manufacture_date"], field="manufacture_date",
                                 label=label("manufacture_date"))
                counted = values["qty_counted"]
                if counted:
                    parse_quantity(counted, field="qty_counted", label=label("qty_counted"))
                price = parse_price(values["unit_price"], field="unit_price", label=label("unit_price"))
            except StationError as exc:
                raise exc.at_line(len(out) + 1) from None
            out.append(LineDraft(
                model=values["model"], qty_counted=_plain_number(values["qty_counted"]),
                qty_announced=_plain_number(values["qty_announced"]) or None,
                lot_no=values["lot_no"], manufacture_date=mfg,
                unit_price=(str(price) if price is not None else None),
                customer_reason=values["customer_reason"], is_our_product=bool(values["is_our_product"]),
                condition=values["condition"] or Condition.UNOPENED.value,
            ))
        return out


def _plain_number(text: Any) -> Any:
    """'12件' → '12', '¥1,234.5' → '1234.5' (the one parser drops units and signs); anything
    unreadable goes to the service as typed, which refuses it with the field's name."""
    if not isinstance(text, str) or not text.strip():
        return text
    try:
        number = parse_decimal(text)
    except StationError:
        return text
    if number is None:
        return text
    return str(int(number)) if number == number.to_integral_value() else str(number)


CONDITION_CHOICES = [c.value for c in CONDITIONS]


# ---------------------------------------------------------------- rework materials and labour

class MaterialsModel(DraftTableModel):
    """Materials consumed by the rework: the cost column and the total follow every edit."""

    context = "MaterialsModel"
    fields = (
        Field("code", QT_TRANSLATE_NOOP("MaterialsModel", "Code"), error_key="material_code"),
        Field("name", QT_TRANSLATE_NOOP("MaterialsModel", "Material"), error_key="material_name"),
        Field("qty", QT_TRANSLATE_NOOP("MaterialsModel", "Qty"), "measure", error_key="material_qty"),
        Field("unit", QT_TRANSLATE_NOOP("MaterialsModel", "Unit"), error_key="material_unit"),
        Field("unit_cost", QT_TRANSLATE_NOOP("MaterialsModel", "Unit cost"), "money"),
        Field("cost", QT_TRANSLATE_NOOP("MaterialsModel", "Cost"), "computed"),
    )

    def blank(self) -> dict[str, Any]:
        row = super().blank()
        row["unit"] = "个"
        return row

    def cost(self, row: int) -> Decimal | None:
        qty, unit_cost = _measure(self.rows[row]["qty"]), _decimal(self.rows[row]["unit_cost"])
        if qty is None or unit_cost is None:
            return None
        return material_cost(qty, unit_cost)

    def display(self, row: int, f: Field) -> str:
        if f.key == "cost":
            cost = self.cost(row)
            return names.yuan(cost) if cost is not None else ""
        return super().display(row, f)

    def total(self) -> Decimal:
        return money(sum((self.cost(i) or ZERO for i in range(len(self.rows))), ZERO))

    def entries(self) -> list[MaterialEntry]:
        return [MaterialEntry(name=r["name"], qty=_plain_number(r["qty"]), unit_cost=_plain_number(r["unit_cost"]),
                              code=r["code"], unit=r["unit"])
                for i, r in enumerate(self.rows) if not self.is_blank_row(i)]

    def is_blank_row(self, row: int) -> bool:
        r = self.rows[row]
        return not any(str(r[k]).strip() for k in ("code", "name", "qty", "unit_cost"))


class LabourModel(DraftTableModel):
    """Labour hours of the rework at an hourly rate (the shared labour rate by default)."""

    context = "LabourModel"
    fields = (
        Field("worker", QT_TRANSLATE_NOOP("LabourModel", "Worker")),
        Field("hours", QT_TRANSLATE_NOOP("LabourModel", "Hours"), "hours"),
        Field("hourly_rate", QT_TRANSLATE_NOOP("LabourModel", "Rate/hour"), "money"),
        Field("cost", QT_TRANSLATE_NOOP("LabourModel", "Cost"), "computed"),
    )

    def __init__(self, lang: Callable[[], str], parent: Any = None) -> None:
        super().__init__(lang, parent)
        self.default_rate = Decimal("0.00")

    def blank(self) -> dict[str, Any]:
        row = super().blank()
        row["hourly_rate"] = f"{self.default_rate:.2f}"
        return row

    def cost(self, row: int) -> Decimal | None:
        hours, rate = _decimal(self.rows[row]["hours"]), _decimal(self.rows[row]["hourly_rate"])
        if hours is None or rate is None:
            return None
        return money(hours * rate)

    def display(self, row: int, f: Field) -> str:
        if f.key == "cost":
            cost = self.cost(row)
            return names.yuan(cost) if cost is not None else ""
        return super().display(row, f)

    def total(self) -> Decimal:
        return money(sum((self.cost(i) or ZERO for i in range(len(self.rows))), ZERO))

    def hours(self) -> Decimal:
        return sum((_decimal(r["hours"]) or ZERO for r in self.rows), ZERO)

    def entries(self) -> list[LabourEntry]:
        return [LabourEntry(worker=r["worker"], hours=_plain_number(r["hours"]),
                            hourly_rate=_plain_number(r["hourly_rate"]))
                for i, r in enumerate(self.rows) if not self.is_blank_row(i)]

    def is_blank_row(self, row: int) -> bool:
        r = self.rows[row]
        return not any(str(r[k]).strip() for k in ("worker", "hours"))
