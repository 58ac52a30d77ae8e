"""The station's one parser, function by function: what users type and what it becomes."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from app.codes import Disposition
from app.errors import ValidationError
from app.parsing import (
    clean_code,
    clean_text,
    float_to_decimal,
    halfwidth,
    is_blank,
    parse_date,
    parse_decimal,
    parse_disposition,
    parse_liability,
    parse_money,
    parse_price,
    parse_quantity,
    parse_ratio,
    quantity_unit,
)


def refused(fn, value, **kwargs) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        fn(value, **kwargs)
    return info.value


# ---------------------------------------------------------------- text


def test_halfwidth_folds_fullwidth_ascii_and_keeps_cjk() -> None:
    assert halfwidth("１２３．５０ＡＢ－８（３）％　客户") == "123.50AB-8(3)% 客户"


@pytest.mark.parametrize(("raw", "text"), [
    ("  重庆　长鸣 \n机电 ", "重庆 长鸣 机电"), (20250312.0, "20250312"), (12.5, "12.5"),
    (datetime(2025, 3, 5), "2025-03-05"), (date(2025, 3, 5), "2025-03-05"), (7, "7"),
    ("   ", None), ("\u3000", None), (None, None),
])
def test_clean_text(raw, text) -> None:
    assert clean_text(raw) == text


def test_clean_code_folds_fullwidth_order_numbers_and_models() -> None:
    assert clean_code(" ＳＯ２０２５０１ ") == "SO202501"
    assert clean_code("ＭＦ－８ 风扇电机") == "MF-8 风扇电机"
    assert clean_code(None) is None


@pytest.mark.parametrize("raw", [None, "", "  ", "\u3000\n"])
def test_is_blank(raw) -> None:
    assert is_blank(raw)


@pytest.mark.parametrize("raw", [0, 0.0, "0", "x", date(2025, 1, 1)])
def test_zero_and_text_are_not_blank(raw) -> None:
    assert not is_blank(raw)


# ---------------------------------------------------------------- floats from Excel


@pytest.mark.parametrize(("x", "d"), [
    (0.1 + 0.2, "0.3"), (112.8, "112.8"), (1234.5, "1234.5"), (3.0, "3"), (6429.6, "6429.6"),
    (1.1 * 3, "3.3"), (-0.000001, "-0.000001"),
])
def test_float_to_decimal_gives_what_was_typed(x, d) -> None:
    assert float_to_decimal(x) == Decimal(d)
    assert str(float_to_decimal(x)) == d


def test_float_to_decimal_refuses_nan() -> None:
    with pytest.raises(ValueError):
        float_to_decimal(float("nan"))


# ---------------------------------------------------------------- dates


@pytest.mark.parametrize("raw", [
    "2025-03-05", "2025/3/5", "2025.3.5", "2025年3月5日", "2025年3月5号", "20250305",
    "２０２５年３月５日", "２０２５－０３－０５", "2025 年 3 月 5 日", "2025-3-5 10:00",
    "2025-03-05T10:00:00", 20250305, 20250305.0, 45721, 45721.75,
    datetime(2025, 3, 5), datetime(2025, 3, 5, 13, 30), date(2025, 3, 5),
])
def test_dates_in_every_written_form(raw) -> None:
    assert parse_date(raw) == date(2025, 3, 5)


def test_leap_day_is_a_date() -> None:
    assert parse_date("2024-02-29") == date(2024, 2, 29)


@pytest.mark.parametrize("raw", [
    "昨天", "2025-02-29", "2025/13/1", "2025-04-31", "3/5/2025", "2025-3/5", "1900-01-01",
    "2205-03-05", 5, True, "20251305",
])
def test_impossible_or_unreadable_dates_are_refused(raw) -> None:
    err = refused(parse_date, raw, field="received_on")
    assert err.key == "date_invalid" and err.field == "received_on"
    assert err.message("zh").startswith("收货日期不是有效日期")
    assert err.message("en").startswith("Date received is not a valid date")


def test_blank_date_is_none_unless_required() -> None:
    assert parse_date("  ") is None
    err = refused(parse_date, None, label=("退货日期", "Return date"), required=True)
    assert (err.key, err.message("zh"), err.message("en")) == (
        "required", "退货日期不能为空", "Return date is required")


# ---------------------------------------------------------------- numbers


@pytest.mark.parametrize(("raw", "value"), [
    ("12件", 12), ("１２", 12), ("１２台", 12), ("12 pcs", 12), (12, 12), (12.0, 12), ("12.0", 12),
    ("+12", 12), ("1,200", 1200),
])
def test_quantities(raw, value) -> None:
    qty = parse_quantity(raw)
    assert qty == value and type(qty) is int


@pytest.mark.parametrize("raw", ["2.5", 2.5, "0", 0, "-3", -3, "abc", "1,2", "12-15", "约12件",
                                 True, datetime(2025, 1, 1)])
def test_quantity_must_be_a_positive_whole_number(raw) -> None:
    err = refused(parse_quantity, raw)
    assert err.key == "qty_not_whole"
    assert "数量必须是正整数" in err.message("zh")
    assert "Quantity must be a positive whole number" in err.message("en")


def test_blank_quantity() -> None:
    assert parse_quantity(None) is None
    assert refused(parse_quantity, "", required=True).key == "required"


def test_unit_written_after_a_quantity() -> None:
    assert quantity_unit("12件") == "件"
    assert quantity_unit("１２ 台") == "台"
    assert quantity_unit("12") is None
    assert quantity_unit(12) is None
    assert quantity_unit("abc") is None


@pytest.mark.parametrize(("raw", "value"), [
    ("¥1,234.50", "1234.50"), ("￥1,234.50", "1234.50"), ("1234.5元", "1234.50"),
    ("１１２．８０", "112.80"), ("７．０５", "7.05"), ("RMB 100", "100.00"), ("$5", "5.00"),
    ("1.2万元", "12000.00"), ("12,345,678.9", "12345678.90"), (0.1 + 0.2, "0.30"),
    (112.8, "112.80"), (4060.8, "4060.80"), (0, "0.00"), ("0.00元", "0.00"), ("2.345", "2.35"),
])
def test_money(raw, value) -> None:
    amount = parse_money(raw)
    assert amount == Decimal(value) and str(amount) == value


@pytest.mark.parametrize("raw", ["-5", -5, "-¥5", "¥-5", "abc", "1,23", "5%", "(5)", "#VALUE!",
                                 True, datetime(2025, 1, 1)])
def test_money_refuses_negative_and_non_numeric(raw) -> None:
    err = refused(parse_money, raw, field="unit_price")
    assert err.key == "price_invalid"
    assert err.message("zh").startswith("单价必须是不小于0的金额")
    assert err.message("en").startswith("Unit price must be an amount of 0 or more")


def test_price_in_fen_unless_finer() -> None:
    assert str(parse_price("¥0.035")) == "0.035"
    assert str(parse_price("23.5元")) == "23.50"
    assert str(parse_price(112.8)) == "112.80"
    assert str(parse_price(12)) == "12.00"
    assert parse_price(None) is None


def test_decimal_keeps_sign_for_callers_that_allow_it() -> None:
    assert parse_decimal("-12.5元") == Decimal("-12.5")
    assert parse_decimal("") is None


# ---------------------------------------------------------------- refund ratio


@pytest.mark.parametrize(("raw", "value"), [
    # typed text is a percentage, "%" or not; never read by its size
    ("50%", "0.5"), ("50％", "0.5"), ("５０％", "0.5"), ("30 %", "0.3"), ("50", "0.5"), ("50 %", "0.5"),
    ("1", "0.01"), ("1.5", "0.015"), ("0.5", "0.005"), ("100", "1"), ("100%", "1"), ("0％", "0"),
    ("12.5%", "0.125"),
    # an Excel number cell holds the fraction (a cell shown as 50 % holds 0.5)
    (0.5, "0.5"), (1, "1"), (0, "0"), (0.3, "0.3"),
])
def test_refund_ratio_forms(raw, value) -> None:
    ratio = parse_ratio(raw)
    assert ratio == Decimal(value) and ratio.as_tuple().exponent == -4


@pytest.mark.parametrize("raw", ["101%", "150", -0.1, "-10%", "abc", "50%%", True, "12.345"])
def test_refund_ratio_out_of_range_or_unreadable(raw) -> None:
    err = refused(parse_ratio, raw)
    assert err.key == "ratio_invalid"
    assert "退款比例必须在0到100%之间" in err.message("zh")


# ---------------------------------------------------------------- liability


@pytest.mark.parametrize(("raw", "code"), [
    (3, 3), (3.0, 3), ("3", 3), ("３", 3), ("3 制造", 3), ("3-制造", 3), ("3、制造", 3),
    ("制造(3)", 3), ("制造（3）", 3), ("制造-3", 3), ("制造", 3), ("生产", 3), ("3 生产", 3),
    ("客户", 1), ("顾客(1)", 1), ("1-客户", 1), ("供应商", 2), ("供应商(2)", 2), ("售后(4)", 4),
    ("物控", 5), ("物流", 6), ("6 运输", 6), ("6-物流", 6), ("设计", 7), ("8 销售", 8),
    ("其他", 9), ("其它(9)", 9), ("9-其他", 9), ("Manufacturing", 3), ("3 Manufacturing", 3),
    ("transport", 6), ("Other", 9),
])
def test_liability_forms(raw, code) -> None:
    assert parse_liability(raw) == code


def test_blank_liability_is_undecided() -> None:
    assert parse_liability(None) is None
    assert parse_liability("  ") is None


@pytest.mark.parametrize(("raw", "key"), [
    ("10", "liability_invalid"), (0, "liability_invalid"), ("0", "liability_invalid"),
    (3.5, "liability_invalid"), ("老板", "liability_unknown"), ("3 运输", "liability_conflict"),
    ("运输(3)", "liability_conflict"), ("10 其他", "liability_invalid"),
])
def test_liability_refused(raw, key) -> None:
    err = refused(parse_liability, raw)
    assert err.key == key
    assert err.message("zh") and err.message("en")


def test_liability_conflict_names_both() -> None:
    err = refused(parse_liability, "3 运输")
    assert err.message("zh") == "责任代号3与名称“运输”不一致: “3 运输”"
    assert err.message("en") == "Liability code 3 does not match the name “运输”: “3 运输”"


# ---------------------------------------------------------------- disposition


@pytest.mark.parametrize(("raw", "disposition"), [
    ("报废", Disposition.SCRAP), ("Scrap", Disposition.SCRAP), ("返修后改售", Disposition.REPAIR_RESELL),
    ("返修后出货", Disposition.REPAIR_RESHIP), ("换货", Disposition.EXCHANGE),
    ("退供应商", Disposition.RETURN_SUPPLIER), ("退回客户", Disposition.RETURN_CUSTOMER),
    (" 退 款 ", Disposition.REFUND), ("修复后再出货", Disposition.REPAIR_RESHIP),
])
def test_dispositions(raw, disposition) -> None:
    assert parse_disposition(raw) is disposition


@pytest.mark.parametrize("raw", [None, "", "看情况"])
def test_unknown_disposition_is_none_not_an_error(raw) -> None:
    assert parse_disposition(raw) is None


@pytest.mark.parametrize("raw", [50, 100, 1.5])
def test_refund_ratio_number_cell_above_one_is_refused_not_guessed(raw) -> None:
    err = refused(parse_ratio, raw)
    assert err.key == "ratio_cell_fraction"
    assert f"“{raw}%”" in err.message("zh") and "50%" in err.message("en")
