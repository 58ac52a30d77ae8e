"""Text written to a workbook stays text: never a formula Excel or LibreOffice would run.

Step served: every workbook the station writes (export, monthly statistics, rejects).
A customer name, order number, model or lot typed (or imported) as
`=HYPERLINK("http://x","y")` would otherwise be stored as a formula: openpyxl turns
any string starting with "=" into one. OWASP's CSV-injection advice names the other
dangerous first characters too (+ - @, tab, carriage return); in an .xlsx a cell whose
type is string ("s") is shown as written whatever it starts with, so such cells are
given that type explicitly.
"""

from __future__ import annotations

from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.worksheet.worksheet import Worksheet

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def text_cell(ws: Any, value: str) -> WriteOnlyCell:
    """A write-only cell that holds value as text."""
    cell = WriteOnlyCell(ws, value=value)
    cell.data_type = "s"
    return cell


def printable(values: list[Any]) -> list[Any]:
    """Control characters an .xlsx cannot hold (NUL, BEL …) taken out of the strings.

    The services refuse them now; a record saved before (or on SQLite) may still hold one,
    and openpyxl would stop the whole workbook with IllegalCharacterError.
    """
    return [ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in values]


def safe_text(ws: Any, value: str) -> str | WriteOnlyCell:
    """One string for a write-only sheet: printable, and a text cell if it looks like a formula.

    The cheap test first (str.isprintable, one startswith): the export calls this for every
    text cell of 100,000 lines, and nearly every string passes both.
    """
    if not value.isprintable():  # also true of tabs and line breaks, which the regex keeps
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    return text_cell(ws, value) if value.startswith(FORMULA_STARTS) else value


def safe_row(ws: Any, values: list[Any]) -> list[Any]:
    """A row for a write-only sheet's append(): printable, formula-like strings as text cells."""
    return [text_cell(ws, v) if looks_like_formula(v) else v for v in printable(values)]


def keep_text(ws: Worksheet) -> None:
    """In a normal (not write-only) sheet: every formula-like string cell is typed text.

    The station writes no formulas of its own, so every "f" cell came from a string.
    """
    for row in ws.iter_rows():
        for cell in row:
            if cell.data_type == "f" or looks_like_formula(cell.value):
                cell.data_type = "s"
