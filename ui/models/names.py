"""Codes as the user reads them, in the window's language (names come from app.codes only)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import StrEnum

from app.codes import (
    ARRIVAL_METHODS,
    CONDITIONS,
    DISPOSITIONS,
    LINE_STATUSES,
    RETURN_STATUSES,
    URGENCIES,
    Coded,
    liability_label,
)
from app.money import format_yuan


def _name(table: dict[StrEnum, Coded] | dict, code: str | None, lang: str) -> str:
    if code is None or code == "":
        return ""
    for key, coded in table.items():
        if key.value == code:
            return coded.name(lang)
    return code


def line_status(code: str | None, lang: str) -> str:
    return _name(LINE_STATUSES, code, lang)


def return_status(code: str | None, lang: str) -> str:
    return _name(RETURN_STATUSES, code, lang)


def urgency(code: str | None, lang: str) -> str:
    return _name(URGENCIES, code, lang)


def arrival_method(code: str | None, lang: str) -> str:
    return _name(ARRIVAL_METHODS, code, lang)


def condition(code: str | None, lang: str) -> str:
    return _name(CONDITIONS, code, lang)


def disposition(code: str | None, lang: str) -> str:
    return _name(DISPOSITIONS, code, lang)


def liability(code: int | None, lang: str) -> str:
    return "" if code is None else liability_label(code, lang)


def day(value: date | None) -> str:
    return value.isoformat() if value else ""


def yuan(value: Decimal | None) -> str:
    return "" if value is None else f"¥{format_yuan(value)}"
