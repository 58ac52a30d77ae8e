"""Reading what people type: dates, numbers, quantities, money, refund ratios, liabilities.

The one parser of the station: the entry forms and the legacy Excel reader both call it,
so "2025年3月5日", "¥1,234.50", "１２件", "50％" or "3 制造" mean the same everywhere.

Every function takes what a cell or a line edit holds (str, int, float, date, None),
returns None for a blank value (the caller decides whether the field is required, or
passes ``required=True``) and raises `ValidationError` with a message key, the field and
the value as the user wrote it, so the error renders in Chinese and English.

Decisions worth knowing:
- Excel floats become Decimal through their shortest repr after rounding to 6 places,
  so 0.1+0.2 arrives as 0.3, never as 0.30000000000000004.
- A refund ratio typed as text is a percentage, "%" or not: "50" and "50%" are 50 %,
  "1" is 1 %, never 100 %. A number from an Excel cell is the fraction Excel keeps for a
  percentage (0.5 = 50 %). No value is read one way or the other by its size.
- A bare 8-digit number in a date field is yyyymmdd (20250305); a smaller whole number
  is an Excel day serial (a date cell that lost its format). Dates outside 1980–2099 are
  refused as typos.
- Numbers may carry a currency sign before and a unit after ("¥23.50", "12件", "1234.5元",
  "1.2万元" = 12000); thousands separators must group by three; anything else is refused.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from app.codes import DISPOSITION_SYNONYMS, DISPOSITIONS, LIABILITY, LIABILITY_SYNONYMS, Disposition
from app.errors import ValidationError
from app.fields import label as field_label
from app.money import CENT, money

Label = tuple[str, str]

EARLIEST_YEAR = 1980
LATEST_YEAR = 2099

# Full-width ASCII (U+FF01–U+FF5E) and the ideographic space, as Chinese input methods
# type them, folded to their half-width forms.
_HALFWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_HALFWIDTH.update({0x3000: 0x20, 0xFFE5: ord("¥"), 0xFFE0: ord("¢")})
_WS = re.compile(r"\s+")


def halfwidth(text: str) -> str:
    """'１２３．５０' → '123.50'; CJK characters are left as they are."""
    return text.translate(_HALFWIDTH)


def clean_text(value: Any) -> str | None:
    """A cell as trimmed text with runs of spaces folded to one; None when blank.

    Numbers that are whole come back without '.0' (an order number typed as 20250312
    arrives from Excel as 20250312.0); dates come back as ISO text.
    """
    if value is None:
        return None
    if isinstance(value, str):
        # split() without arguments breaks on every Unicode space, the ideographic one too
        return " ".join(value.split()) or None
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            return None
        value = int(value) if value.is_integer() else float_to_decimal(value)
    if isinstance(value, datetime):
        value = value.date() if value.time() == datetime.min.time() else value.replace(microsecond=0)
    if isinstance(value, date):
        return value.isoformat()
    text = _WS.sub(" ", str(value).replace("\u3000", " ")).strip()
    return text or None


def clean_code(value: Any) -> str | None:
    """An order number, lot or model: trimmed text, full-width letters and digits folded."""
    text = clean_text(value)
    if text is None:
        return None
    return halfwidth(text).strip() or None


def is_blank(value: Any) -> bool:
    """True for None, empty and all-space text (the ideographic space too)."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    return clean_text(value) is None


def shown(value: Any, limit: int = 40) -> str:
    """The value as the user wrote it, short enough for a message."""
    text = clean_text(value) or ""
    return text if len(text) <= limit else text[: limit - 1] + "…"


# Labels for the generic field names the parsers default to (app.fields has the real ones).
_GENERIC_LABELS: dict[str, Label] = {"date": ("日期", "Date"), "number": ("数值", "Number")}


def _label(field: str, label: Label | None) -> Label:
    if label is not None:
        return label
    return _GENERIC_LABELS.get(field) or field_label(field)


def _invalid(key: str, field: str, label: Label | None, value: Any) -> ValidationError:
    return ValidationError(key, field_name=field, field=_label(field, label), value=shown(value))


def _required(field: str, label: Label | None) -> ValidationError:
    return ValidationError("required", field_name=field, field=_label(field, label))


def float_to_decimal(x: float) -> Decimal:
    """An Excel float as the Decimal the user typed: 0.1+0.2 → 0.3, 112.8 → 112.8."""
    if not math.isfinite(x):
        raise ValueError(f"not a finite number: {x!r}")
    rounded = round(x, 6)
    if rounded.is_integer() and abs(rounded) < 1e15:
        return Decimal(int(rounded))
    return Decimal(repr(rounded))


# ---------------------------------------------------------------- numbers

_CURRENCY = r"(?:¥|\$|rmb|cny|人民币)"
_NUMBER_RE = re.compile(
    rf"""^(?P<sign1>[+-])?{_CURRENCY}?(?P<sign2>[+-])?
        (?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)
        (?P<unit>[^\d.,+\-%]*)$""",
    re.VERBOSE | re.IGNORECASE,
)
_MULTIPLIERS = {"万": Decimal(10000), "亿": Decimal(100000000)}


def _number_text(text: str) -> str:
    return _WS.sub("", halfwidth(text)).replace("−", "-").replace("－", "-")


def _decimal_and_unit(value: Any) -> tuple[Decimal, str]:
    """The number in a cell and the unit written after it; ValueError when there is none."""
    if isinstance(value, bool | date):
        raise ValueError("not a number")
    if isinstance(value, int):
        return Decimal(value), ""
    if isinstance(value, float):
        return float_to_decimal(value), ""
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError("not a number")
        return value, ""
    match = _NUMBER_RE.match(_number_text(str(value)))
    if not match or (match["sign1"] and match["sign2"]):
        raise ValueError("not a number")
    number = Decimal(match["num"].replace(",", ""))
    if "-" in (match["sign1"] or "", match["sign2"] or ""):
        number = -number
    unit = match["unit"]
    if unit[:1] in _MULTIPLIERS:
        number *= _MULTIPLIERS[unit[0]]
        unit = unit[1:]
    return number, unit


def parse_decimal(value: Any, *, field: str = "amount", label: Label | None = None,
                  required: bool = False, key: str = "price_invalid") -> Decimal | None:
    """Any number a user writes (step: every numeric input), unit and currency sign dropped."""
    if is_blank(value):
        if required:
            raise _required(field, label)
        return None
    try:
        return _decimal_and_unit(value)[0]
    except (ValueError, InvalidOperation):
        raise _invalid(key, field, label, value) from None


def parse_quantity(value: Any, *, field: str = "qty", label: Label | None = None,
                   required: bool = False) -> int | None:
    """A returned quantity: a whole number above zero ('12件', '１２', 12.0 → 12)."""
    number = parse_decimal(value, field=field, label=label, required=required, key="qty_not_whole")
    if number is None:
        return None
    if number <= 0 or number != number.to_integral_value():
        raise _invalid("qty_not_whole", field, label, value)
    return int(number)


def quantity_unit(value: Any) -> str | None:
    """The unit written after a quantity ('12件' → '件'), if any."""
    if not isinstance(value, str):
        return None
    try:
        unit = _decimal_and_unit(value)[1].strip()
    except (ValueError, InvalidOperation):
        return None
    return unit or None


def parse_price(value: Any, *, field: str = "unit_price", label: Label | None = None,
                required: bool = False) -> Decimal | None:
    """A unit price: 0 or more ('¥112.80', '112.80元', '１１２．８０', 112.8 → 112.80).

    Shown to fen when that loses nothing; finer prices (0.035 for a resistor) are kept.
    """
    number = parse_decimal(value, field=field, label=label, required=required, key="price_invalid")
    if number is None:
        return None
    if number < 0:
        raise _invalid("price_invalid", field, label, value)
    in_fen = number.quantize(CENT)
    return in_fen if in_fen == number else number


def parse_money(value: Any, *, field: str = "amount", label: Label | None = None,
                required: bool = False) -> Decimal | None:
    """An amount of money in yuan: 0 or more, rounded half-up to fen ('¥1,234.50')."""
    number = parse_price(value, field=field, label=label, required=required)
    return None if number is None else money(number)


# ---------------------------------------------------------------- ratio

_PERCENT_RE = re.compile(r"^(?P<num>\d+(?:\.\d+)?|\.\d+)%?$")


def parse_ratio(value: Any, *, field: str = "refund_ratio", label: Label | None = None,
                required: bool = False) -> Decimal | None:
    """A refund ratio as the fraction 0–1 the database keeps, four places.

    Written text is a percentage, the "%" optional, as the forms' 退款比例 column is:
    "50", "50 %", "50％" → 0.5000; "1" → 0.0100; "0.5" → 0.0050; up to two decimals of a
    percent. A number from an Excel cell is the fraction itself, because that is how
    Excel keeps a percentage (a cell shown as 50 % holds 0.5; 1 is 100 %). Nothing is
    read one way or the other by its size: a value outside 0–100 % is refused.
    """
    if is_blank(value):
        if required:
            raise _required(field, label)
        return None
    if isinstance(value, bool | date):
        raise _invalid("ratio_invalid", field, label, value)
    if isinstance(value, int | float | Decimal):
        try:
            number = Decimal(value) if isinstance(value, int | Decimal) else float_to_decimal(value)
        except ValueError:
            raise _invalid("ratio_invalid", field, label, value) from None
        if not number.is_finite() or number < 0:
            raise _invalid("ratio_invalid", field, label, value)
        if number > 1:
            raise ValidationError("ratio_cell_fraction", field_name=field, field=_label(field, label),
                                  value=shown(value))
        if number != number.quantize(_RATIO_PLACES):
            raise _invalid("ratio_invalid", field, label, value)
        return number.quantize(_RATIO_PLACES)
    match = _PERCENT_RE.match(_number_text(str(value)))
    if not match:
        raise _invalid("ratio_invalid", field, label, value)
    number = Decimal(match["num"]) / 100
    if number > 1 or number != number.quantize(_RATIO_PLACES):
        raise _invalid("ratio_invalid", field, label, value)
    return number.quantize(_RATIO_PLACES)


_RATIO_PLACES = Decimal("0.0001")


# ---------------------------------------------------------------- dates

_DATE_RES = (
    re.compile(r"^(?P<y>\d{4})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$"),
    re.compile(r"^(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})[日号]?$"),
    re.compile(r"^(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})$"),
)
_DATE_GLUE = re.compile(r"\s*([年月日号/.\-])\s*")  # "2025 年 3 月 5 日", "2025 - 03 - 05"
_EXCEL_EPOCH = date(1899, 12, 30)


def _checked(day: date) -> date:
    if not EARLIEST_YEAR <= day.year <= LATEST_YEAR:
        raise ValueError("year out of range")
    return day


def _date_of(value: Any) -> date:
    if isinstance(value, bool):
        raise ValueError("not a date")
    if isinstance(value, datetime):
        return _checked(value.date())
    if isinstance(value, date):
        return _checked(value)
    if isinstance(value, int | float | Decimal):
        if isinstance(value, float) and not value.is_integer():
            # a date cell holding a time of day as well: the day is the whole part
            value = math.floor(value)
        number = int(value)
        if 10_000_000 <= number <= 99_999_999:
            return _date_of(str(number))
        return _checked(_EXCEL_EPOCH + timedelta(days=number))
    text = _DATE_GLUE.sub(r"\1", " ".join(halfwidth(str(value)).split()))
    for pattern in _DATE_RES:
        match = pattern.match(text)
        if match:
            return _checked(date(int(match["y"]), int(match["m"]), int(match["d"])))
    raise ValueError("not a date")


def parse_date(value: Any, *, field: str = "date", label: Label | None = None,
               required: bool = False) -> date | None:
    """A calendar day from a date cell or from 2025-03-05, 2025/3/5, 2025.3.5, 2025年3月5日, 20250305."""
    if is_blank(value):
        if required:
            raise _required(field, label)
        return None
    try:
        return _date_of(value)
    except (ValueError, OverflowError, InvalidOperation):
        raise _invalid("date_invalid", field, label, value) from None


# ---------------------------------------------------------------- liability

_SYNONYMS = {halfwidth(k).lower(): v for k, v in LIABILITY_SYNONYMS.items()}
_SYNONYMS.update({c.zh: n for n, c in LIABILITY.items()})
_SYNONYMS.update({halfwidth(c.en).lower(): n for n, c in LIABILITY.items()})
_LIAB_CODE_FIRST = re.compile(r"^(?P<code>\d+)[\s\-—_:.、/]*(?P<name>\D*)$")
_LIAB_NAME_FIRST = re.compile(r"^(?P<name>\D*?)[\s\-—_:]*[(\[](?P<code>\d+)[)\]]$")
_LIAB_NAME_DASH = re.compile(r"^(?P<name>\D+?)[\s\-—_:]+(?P<code>\d+)$")


def _liability_name(name: str, value: Any, field: str, label: Label | None) -> int:
    key = name.strip().lower()
    if key in _SYNONYMS:
        return _SYNONYMS[key]
    raise ValidationError("liability_unknown", field_name=field, field=_label(field, label),
                          value=shown(value))


def _liability_code(code: str, value: Any, field: str, label: Label | None) -> int:
    number = int(code)
    if number not in LIABILITY:
        raise ValidationError("liability_invalid", field_name=field, value=shown(value))
    return number


def parse_liability(value: Any, *, field: str = "liability_code", label: Label | None = None,
                    required: bool = False) -> int | None:
    """A liability code 1–9 from 3, '3 制造', '3-制造', '制造(3)', '制造' or a synonym ('客户' → 1).

    Blank means not decided yet (None). A number and a name that disagree ('3 运输') are
    refused rather than guessed.
    """
    if is_blank(value):
        if required:
            raise _required(field, label)
        return None
    if isinstance(value, bool | date):
        raise ValidationError("liability_invalid", field_name=field, value=shown(value))
    if isinstance(value, int | float | Decimal):
        number = float_to_decimal(value) if isinstance(value, float) else Decimal(value)
        if number != number.to_integral_value():
            raise ValidationError("liability_invalid", field_name=field, value=shown(value))
        return _liability_code(str(int(number)), value, field, label)
    text = _WS.sub(" ", halfwidth(str(value))).strip()
    for pattern in (_LIAB_CODE_FIRST, _LIAB_NAME_FIRST, _LIAB_NAME_DASH):
        match = pattern.match(text)
        if match:
            code = _liability_code(match["code"], value, field, label)
            name = match["name"].strip(" -—_:.、/")
            if name and _liability_name(name, value, field, label) != code:
                raise ValidationError("liability_conflict", field_name=field, code=code,
                                      name=name, value=shown(value))
            return code
    return _liability_name(text, value, field, label)


# ---------------------------------------------------------------- disposition

def _build_dispositions() -> dict[str, Disposition]:
    table: dict[str, Disposition] = {}
    for disposition, coded in DISPOSITIONS.items():
        table[_WS.sub("", halfwidth(coded.zh)).lower()] = disposition
        table[_WS.sub("", coded.en).lower()] = disposition
        table[disposition.value] = disposition
    table.update({_WS.sub("", halfwidth(k)).lower(): v for k, v in DISPOSITION_SYNONYMS.items()})
    return table


_DISPOSITIONS = _build_dispositions()


def parse_disposition(value: Any) -> Disposition | None:
    """The disposition a log names ('报废', '返修后改售', 'Scrap'); None when blank or not recognised.

    Unrecognised text is not an error: the caller keeps the words as they were written.
    """
    text = clean_text(value)
    if text is None:
        return None
    return _DISPOSITIONS.get(_WS.sub("", halfwidth(text)).lower())

