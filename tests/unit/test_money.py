from decimal import Decimal

import pytest

from app.money import format_yuan, money, refund_amount, rmb_upper

# The People's Bank of China's own examples for writing amounts on bills, and the
# issue's: 整 after 元 only when there are no jiao and fen.
PBOC_EXAMPLES = [
    ("1409.50", "壹仟肆佰零玖元伍角"),
    ("6007.14", "陆仟零柒元壹角肆分"),
    ("1680.32", "壹仟陆佰捌拾元零叁角贰分"),
    ("107000.53", "壹拾万柒仟元零伍角叁分"),
    ("16409.02", "壹万陆仟肆佰零玖元零贰分"),
    ("325.04", "叁佰贰拾伍元零肆分"),
    ("10", "壹拾元整"),
    ("0", "零元整"),
    ("100700", "壹拾万零柒佰元整"),
    ("100000001", "壹亿零壹元整"),
    ("1010", "壹仟零壹拾元整"),
    ("0.50", "伍角"),
    ("0.05", "伍分"),
    ("999999999999.99", "玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"),
]


@pytest.mark.parametrize(("amount", "expected"), PBOC_EXAMPLES)
def test_rmb_upper_follows_the_bill_rules(amount: str, expected: str) -> None:
    assert rmb_upper(Decimal(amount)) == expected


def test_rmb_upper_takes_ints_and_trailing_zeros() -> None:
    assert rmb_upper(10) == "壹拾元整"
    assert rmb_upper(Decimal("1409.500")) == "壹仟肆佰零玖元伍角"


@pytest.mark.parametrize("bad", ["-0.01", "-5", "1.005", "0.001", "1000000000000", "NaN"])
def test_rmb_upper_refuses_negative_too_precise_or_too_large(bad: str) -> None:
    with pytest.raises(ValueError):
        rmb_upper(Decimal(bad))


def test_money_rounds_half_up_and_refuses_float() -> None:
    assert money("2.345") == Decimal("2.35")
    assert money("2.344") == Decimal("2.34")
    assert refund_amount(Decimal("1234.50"), Decimal("0.3333")) == Decimal("411.46")
    assert format_yuan(Decimal("1409.5")) == "1,409.50"
    with pytest.raises(TypeError):
        money(0.1)  # type: ignore[arg-type]
