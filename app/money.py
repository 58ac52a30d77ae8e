"""Money: Decimal only, two places, half-up; and capital numerals (大写) for slips."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
RATIO_PLACES = Decimal("0.0001")


def to_decimal(value: Decimal | int | str) -> Decimal:
    """Exact conversion; floats are refused so binary rounding never enters money."""
    if isinstance(value, float):
        raise TypeError("money must not be a float; pass a str or Decimal")
    if isinstance(value, bool):
        raise TypeError("money must not be a bool")
    try:
        return value if isinstance(value, Decimal) else Decimal(value)
    except InvalidOperation as exc:
        raise ValueError(f"not an amount: {value!r}") from exc


def money(value: Decimal | int | str) -> Decimal:
    """Round to fen, half-up — the one rounding rule of the station."""
    return to_decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


def ratio(value: Decimal | int | str) -> Decimal:
    """A refund ratio between 0 and 1, kept to four places."""
    r = to_decimal(value).quantize(RATIO_PLACES, rounding=ROUND_HALF_UP)
    if r < 0 or r > 1:
        raise ValueError(f"ratio must lie between 0 and 1: {value!r}")
    return r


def line_amount(qty: int, unit_price: Decimal) -> Decimal:
    return money(Decimal(qty) * unit_price)


def refund_amount(amount: Decimal, refund_ratio: Decimal | None) -> Decimal:
    """Refund per line = amount × ratio, rounded half-up to fen."""
    if refund_ratio is None:
        return ZERO
    return money(amount * refund_ratio)


def measured_qty(qty: Decimal | int) -> str:
    """A measured quantity as people write it: 2, 2.5, 0.35 (no trailing zeros, no exponent)."""
    d = Decimal(qty)
    text = f"{d:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def material_cost(qty: Decimal | int, unit_cost: Decimal) -> Decimal:
    """Rework material cost = quantity × unit cost, half-up to the fen."""
    return money(Decimal(qty) * unit_cost)


def format_yuan(amount: Decimal) -> str:
    """'1,409.50' — the figures as the forms print them (without the ¥)."""
    return f"{money(amount):,.2f}"


_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_SMALL_UNITS = ("", "拾", "佰", "仟")
_SECTION_UNITS = ("", "万", "亿")
_MAX = Decimal("999999999999.99")  # 9999亿…


def _section(n: int) -> str:
    """Four digits (0 < n < 10000) in capitals, zeros inside folded into one 零."""
    out: list[str] = []
    zero_pending = False
    for pos in range(3, -1, -1):
        d = (n // 10**pos) % 10
        if d == 0:
            if out:
                zero_pending = True
            continue
        if zero_pending:
            out.append("零")
            zero_pending = False
        out.append(_DIGITS[d] + _SMALL_UNITS[pos])
    return "".join(out)


def _integer_upper(n: int) -> str:
    if n == 0:
        return ""
    sections = []
    while n:
        sections.append(n % 10000)
        n //= 10000
    out: list[str] = []
    need_zero = False
    for idx in range(len(sections) - 1, -1, -1):
        sec = sections[idx]
        if sec == 0:
            if out:
                need_zero = True
            continue
        # a lower section with a leading zero (e.g. 壹拾万零柒佰) needs a 零 before it
        if out and (need_zero or sec < 1000):
            out.append("零")
        need_zero = False
        out.append(_section(sec) + _SECTION_UNITS[idx])
    return "".join(out)


def rmb_upper(amount: Decimal | int | str) -> str:
    """Capital Chinese numerals for an amount in yuan, as the PBOC rules for bills write them.

    1409.50 → 壹仟肆佰零玖元伍角; 16409.02 → 壹万陆仟肆佰零玖元零贰分; 10 → 壹拾元整;
    0 → 零元整. 整 follows 元 when there are no jiao and fen. Up to 9999亿; negative
    amounts and more than two decimals raise ValueError.
    """
    value = to_decimal(amount)
    if not value.is_finite():
        raise ValueError(f"not an amount: {amount!r}")
    if value < 0:
        raise ValueError(f"negative amount: {amount!r}")
    if value != value.quantize(CENT):
        raise ValueError(f"more than two decimals: {amount!r}")
    if value > _MAX:
        raise ValueError(f"amount above 9999亿: {amount!r}")
    fen_total = int(value.quantize(CENT) * 100)
    yuan, rest = divmod(fen_total, 100)
    jiao, fen = divmod(rest, 10)
    if yuan == 0 and rest == 0:
        return "零元整"
    out = _integer_upper(yuan)
    if yuan:
        out += "元"
    if rest == 0:
        return out + "整"
    if jiao:
        if yuan and yuan % 10 == 0:
            out += "零"  # 壹仟陆佰捌拾元零叁角贰分
        out += _DIGITS[jiao] + "角"
    elif yuan:
        out += "零"      # 壹万陆仟肆佰零玖元零贰分
    if fen:
        out += _DIGITS[fen] + "分"
    return out
