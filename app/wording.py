"""English counts with real plurals for text written outside Qt (CLI, workbooks).

The window's counts go through Qt's plural forms (``self.tr(text, "", n)``, with the
forms "%n line" / "%n lines" in rma_en.ts); what app/ prints itself says "1 line" and
"2 lines" through `count_en`, never a plural in brackets.
"""

from __future__ import annotations

import unicodedata
from typing import Any


def count_en(n: int, one: str, many: str | None = None) -> str:
    """'1 line', '2 lines' (`many` for irregular plurals: 'box' → 'boxes')."""
    return f"{n} {one if n == 1 else (many or one + 's')}"


def display_width(value: Any) -> int:
    """How many columns a text takes on screen: East Asian wide characters count two."""
    text = "" if value is None else str(value)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
